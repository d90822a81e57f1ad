//! Deeply nested terms. The printers recurse once per level of nesting
//! (list spines are loops, heads and tuple elements recurse), as OTP's do;
//! a term nested some thousands of levels deep would overflow a thread's
//! stack. Such terms are printed on a helper thread whose stack is sized
//! for their depth.

use crate::term::Term;

/// Nesting up to which printing runs on the caller's stack.
const SHALLOW: usize = 400;

/// Stack bytes reserved per level of nesting: the frames of one level of
/// `measure`, `cind` and `pp` in an unoptimised build, with room to spare.
const BYTES_PER_LEVEL: usize = 8 * 1024;

/// Runs `f` (which prints `t`) on the current thread, or on a helper thread
/// with a big enough stack when `t` is nested deeper than [`SHALLOW`].
pub(crate) fn on_big_stack<R: Send>(t: &Term, f: impl FnOnce() -> R + Send) -> R {
    let depth = nesting(t);
    if depth <= SHALLOW {
        return f();
    }
    let size = (depth + 64).saturating_mul(BYTES_PER_LEVEL);
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("ferl-print".into())
            .stack_size(size)
            .spawn_scoped(s, f)
            .map(|h| h.join())
            .map_or_else(
                |_| panic!("cannot start a thread to print a deeply nested term"),
                |r| r.unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
    })
}

/// How deeply `t` nests (a flat list counts 1, whatever its length),
/// computed without recursion.
fn nesting(t: &Term) -> usize {
    if !is_compound(t) {
        return 1;
    }
    let mut max = 0;
    let mut stack: Vec<(&Term, usize)> = vec![(t, 1)];
    while let Some((t, d)) = stack.pop() {
        max = max.max(d);
        match t {
            Term::Cons(_) => {
                let mut it = t.iter_list();
                for e in &mut it {
                    if is_compound(e) {
                        stack.push((e, d + 1));
                    }
                }
                if is_compound(it.tail()) {
                    stack.push((it.tail(), d + 1));
                }
            }
            Term::Tuple(tu) => {
                stack.extend(tu.iter().filter(|e| is_compound(e)).map(|e| (e, d + 1)))
            }
            Term::Map(m) => {
                for (k, v) in m.iter() {
                    for e in [k, v] {
                        if is_compound(e) {
                            stack.push((e, d + 1));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    max
}

fn is_compound(t: &Term) -> bool {
    matches!(t, Term::Cons(_) | Term::Tuple(_) | Term::Map(_))
}
