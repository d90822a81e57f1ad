//! `io_lib:format/2` and `io_lib:write/1,2` as deep character lists of
//! OTP's shape, not flat strings: code that matches `[S] =
//! io_lib:format("~p", [X])` or compares results with `=:=` sees what it
//! sees on OTP.
//!
//! The shape OTP builds: text outside control sequences is spliced in
//! character by character; `~p`, `~P`, `~w`, `~W` and `~s` of a string or
//! binary each give one element, the other controls splice their
//! characters. Inside `~w` (and a `~p` that fits on one line) a term is
//! nested as `io_lib:write/1` nests it: `{a,1}` is
//! `[${, [[$a], $,, [$1]], $}]`, lists and binaries alike, maps with
//! `" => "` between key and value. Where the nesting is not known (a
//! pretty-printed term over several lines, padded fields) the element is
//! the flat text, so the characters are always right.

use super::control;
use super::{parse_spec, FormatError, FormatOptions};
use crate::term::print::{write_string, write_term_depth};
use crate::term::Term;

fn text(s: &str) -> Vec<Term> {
    s.chars().map(|c| Term::Int(c as i64)).collect()
}

fn flat(s: &str) -> Term {
    Term::list(text(s))
}

fn chars_term(cs: &[u32]) -> Term {
    Term::list(cs.iter().map(|&c| Term::Int(c as i64)).collect())
}

/// Whether a list is a string `~p` prints in quotes (latin-1 printable).
fn printable(t: &Term) -> Option<Vec<u32>> {
    let cs = t.list_to_vec()?;
    if cs.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(cs.len());
    for c in cs {
        match c {
            Term::Int(i @ (32..=126 | 160..=255 | 8..=13 | 27)) => out.push(i as u32),
            _ => return None,
        }
    }
    Some(out)
}

/// The nested form of a term as `io_lib:write` (`strings`: as `~p` on
/// one line, printable lists and binaries quoted). `depth` < 0 is no limit.
pub fn write(t: &Term, depth: i64, strings: bool) -> Term {
    if depth == 0 {
        return flat("...");
    }
    let next = if depth > 0 { depth - 1 } else { -1 };
    match t {
        Term::Tuple(tu) if !tu.is_empty() => {
            let mut inner = Vec::new();
            for (i, e) in tu.elems().iter().enumerate() {
                if i > 0 {
                    inner.push(Term::Int(',' as i64));
                }
                if depth > 0 && i as i64 + 1 >= depth {
                    inner.extend(text("..."));
                    break;
                }
                inner.push(write(e, next, strings));
            }
            Term::list(vec![
                Term::Int('{' as i64),
                Term::list(inner),
                Term::Int('}' as i64),
            ])
        }
        Term::Cons(_) => {
            if strings {
                if let Some(cs) = printable(t) {
                    let mut s = String::new();
                    write_string(&mut s, &cs, false);
                    return flat(&s);
                }
            }
            let mut inner = Vec::new();
            let mut cur = t;
            let mut n = 0i64;
            loop {
                match cur {
                    Term::Cons(c) => {
                        if n > 0 {
                            inner.push(Term::Int(',' as i64));
                        }
                        if depth > 0 && n + 1 >= depth {
                            inner.pop();
                            inner.push(Term::Int('|' as i64));
                            inner.extend(text("..."));
                            break;
                        }
                        inner.push(write(&c.head, next, strings));
                        n += 1;
                        cur = &c.tail;
                    }
                    Term::Nil => break,
                    tail => {
                        inner.push(Term::Int('|' as i64));
                        inner.push(write(tail, next, strings));
                        break;
                    }
                }
            }
            Term::list(vec![
                Term::Int('[' as i64),
                Term::list(inner),
                Term::Int(']' as i64),
            ])
        }
        Term::Map(m) if !m.is_empty() => {
            let mut inner = Vec::new();
            let mut pairs: Vec<(&Term, &Term)> = m.iter().collect();
            pairs.sort_by(|a, b| crate::term::order::compare(a.0, b.0));
            for (i, (k, v)) in pairs.into_iter().enumerate() {
                if i > 0 {
                    inner.push(Term::Int(',' as i64));
                }
                inner.push(Term::list(vec![
                    write(k, next, strings),
                    flat(" => "),
                    write(v, next, strings),
                ]));
            }
            let mut out = text("#{");
            out.push(Term::list(inner));
            out.push(Term::Int('}' as i64));
            Term::list(out)
        }
        Term::Binary(b) if depth < 0 && b.is_binary() => {
            let bytes = b.to_bytes();
            let inner = if strings
                && !bytes.is_empty()
                && printable(&Term::list(
                    bytes.iter().map(|&x| Term::Int(x as i64)).collect(),
                ))
                .is_some()
            {
                let mut s = String::new();
                write_string(
                    &mut s,
                    &bytes.iter().map(|&x| x as u32).collect::<Vec<_>>(),
                    false,
                );
                flat(&s)
            } else {
                let mut v = Vec::new();
                for (i, x) in bytes.iter().enumerate() {
                    if i > 0 {
                        v.push(Term::Int(',' as i64));
                    }
                    v.push(flat(&x.to_string()));
                }
                Term::list(v)
            };
            Term::list(vec![
                Term::Int('<' as i64),
                Term::Int('<' as i64),
                inner,
                Term::Int('>' as i64),
                Term::Int('>' as i64),
            ])
        }
        Term::Binary(b) if depth < 0 => {
            // A bitstring: its whole bytes, then `Value:Bits`.
            let whole = b.byte_len();
            let rest = b.bit_len() % 8;
            let mut v = Vec::new();
            for i in 0..whole {
                if i > 0 {
                    v.push(Term::Int(',' as i64));
                }
                v.push(flat(&b.read_bits(i * 8, 8).to_string()));
            }
            if whole > 0 {
                v.push(Term::Int(',' as i64));
            }
            v.push(flat(&b.read_bits(whole * 8, rest).to_string()));
            v.push(Term::Int(':' as i64));
            v.push(flat(&rest.to_string()));
            let mut out = text("<<");
            out.push(Term::list(v));
            out.extend(text(">>"));
            Term::list(out)
        }
        other => {
            let mut s = String::new();
            write_term_depth(&mut s, other, depth, false);
            flat(&s)
        }
    }
}

fn flatten(t: &Term, out: &mut Vec<u32>) {
    match t {
        Term::Int(c) => out.push(*c as u32),
        Term::Cons(_) => {
            for e in t.iter_list() {
                flatten(e, out);
            }
        }
        _ => {}
    }
}

/// `io_lib:format(Format, Args)` with OTP's nesting.
pub fn format_deep(
    fmt: &[u32],
    args: &[Term],
    options: FormatOptions,
) -> Result<Term, FormatError> {
    let mut out: Vec<Term> = Vec::with_capacity(fmt.len());
    // Everything written so far, flat: `~p` indents from the column the
    // text before it reached.
    let mut written: Vec<u32> = Vec::with_capacity(fmt.len() + 16);
    let mut iter = args.iter();
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != '~' as u32 {
            out.push(Term::Int(c as i64));
            written.push(c);
            continue;
        }
        let spec = parse_spec(fmt, &mut i, &mut iter)?;
        // The argument this control takes (after any `*` arguments).
        let arg = iter.as_slice().first().cloned();
        let depth_arg = iter.as_slice().get(1).cloned();
        let start = written.len();
        control::expand(&spec, &mut iter, &mut written, options)?;
        let chars = written[start..].to_vec();
        let plain = spec.width.is_none() && spec.precision.is_none();
        let ctl = char::from_u32(spec.control).unwrap_or(' ');
        let element = match (ctl, arg) {
            ('w' | 'W' | 'p' | 'P', Some(t)) if plain => {
                let depth = match (ctl, depth_arg) {
                    ('W' | 'P', Some(Term::Int(d))) => d,
                    _ => -1,
                };
                let strings = matches!(ctl, 'p' | 'P') && !spec.no_strings;
                let deep = write(&t, depth, strings);
                let mut check = Vec::new();
                flatten(&deep, &mut check);
                Some(if check == chars {
                    deep
                } else {
                    chars_term(&chars)
                })
            }
            ('w' | 'W' | 'p' | 'P', _) => Some(chars_term(&chars)),
            ('s', Some(t)) if plain && !matches!(t, Term::Atom(_)) => Some(chars_term(&chars)),
            _ => None,
        };
        match element {
            Some(e) => out.push(e),
            None => out.extend(chars.iter().map(|&c| Term::Int(c as i64))),
        }
    }
    if iter.next().is_some() {
        return Err(FormatError::TooManyArguments);
    }
    Ok(Term::list(out))
}
