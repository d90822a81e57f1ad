//! Rewrites of a finished function's code that need no analysis beyond
//! the straight line of instructions after the one rewritten.

use crate::bytecode::instr::DISCARD;
use crate::bytecode::{Instr, Src};

/// Marks what a built-in call leaves dead, using [`dead_after`] on the
/// straight line that follows it:
/// - its result, when nothing reads it (`Pid ! Msg, loop(...)` leaves the
///   message in a slot the call's argument moves overwrite): `dst` becomes
///   [`DISCARD`], so the runtime neither stores nor later releases it;
/// - its argument slots read for the last time: bits of `last_use`, so the
///   runtime moves those values into the call instead of copying them.
pub(crate) fn mark_dead_values(code: &mut [Instr]) {
    for i in 0..code.len() {
        let (head, rest) = code.split_at_mut(i + 1);
        let Instr::Bif {
            args,
            last_use,
            dst,
            ..
        } = &mut head[i]
        else {
            continue;
        };
        let mut mask = 0u8;
        for (k, a) in args.iter().enumerate().take(8) {
            let Src::Reg(r) = *a else { continue };
            // A slot passed twice must stay for its second use.
            if args.iter().filter(|b| **b == Src::Reg(r)).count() > 1 {
                continue;
            }
            if dead_after(rest, r) {
                mask |= 1 << k;
            }
        }
        *last_use = mask;
        if dead_after(rest, *dst) {
            *dst = DISCARD;
        }
    }
}

/// True if slot `r` is written before it is read on the straight line
/// `code`: overwritten by the `Move`s that follow before anything reads it,
/// or outside the argument window of a `TailCall` that follows (the frame
/// is reused from scratch). Anything else ends the scan: live. Whatever
/// jumps into the line also finds the slot overwritten there.
fn dead_after(code: &[Instr], r: u16) -> bool {
    for ins in code {
        match ins {
            Instr::Move { src, dst } => {
                if *src == Src::Reg(r) {
                    return false;
                }
                if *dst == r {
                    return true;
                }
            }
            Instr::TailCall { args, n, .. } => {
                return !(*args..*args + *n).contains(&r);
            }
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::instr::NO_FAIL;

    fn bif(dst: u16) -> Instr {
        Instr::Bif {
            import: 0,
            args: vec![Src::Reg(0), Src::Reg(1)].into(),
            last_use: 0,
            dst,
            fail: NO_FAIL,
        }
    }

    fn dst_of(i: &Instr) -> u16 {
        match i {
            Instr::Bif { dst, .. } => *dst,
            _ => panic!("not a Bif"),
        }
    }

    #[test]
    fn a_result_overwritten_unread_is_discarded() {
        let mut code = vec![
            bif(3),
            Instr::Move {
                src: Src::Reg(0),
                dst: 3,
            },
        ];
        mark_dead_values(&mut code);
        assert_eq!(dst_of(&code[0]), DISCARD);
    }

    #[test]
    fn a_result_read_next_is_kept() {
        let mut moved_onto_itself = vec![
            bif(3),
            Instr::Move {
                src: Src::Reg(3),
                dst: 3,
            },
        ];
        let mut moved_elsewhere = vec![
            bif(3),
            Instr::Move {
                src: Src::Reg(3),
                dst: 4,
            },
        ];
        let mut returned = vec![bif(3), Instr::Return { src: Src::Reg(3) }];
        for code in [&mut moved_onto_itself, &mut moved_elsewhere, &mut returned] {
            mark_dead_values(code);
            assert_eq!(dst_of(&code[0]), 3);
        }
    }

    #[test]
    fn argument_slots_overwritten_or_left_by_a_tail_call_are_last_uses() {
        let last_use = |code: &[Instr]| match &code[0] {
            Instr::Bif { last_use, .. } => *last_use,
            _ => panic!("not a Bif"),
        };
        // `Pid ! Msg, loop(A, B)`: slot 1 is overwritten, slot 0 read.
        let mut code = vec![
            bif(5),
            Instr::Move {
                src: Src::Reg(0),
                dst: 5,
            },
            Instr::Move {
                src: Src::Reg(3),
                dst: 1,
            },
        ];
        mark_dead_values(&mut code);
        assert_eq!(last_use(&code), 0b10);
        // A tail call passing slots 3..5 leaves slots 0 and 1 dead.
        let mut code = vec![
            bif(5),
            Instr::TailCall {
                func: 0,
                args: 3,
                n: 2,
            },
        ];
        mark_dead_values(&mut code);
        assert_eq!(last_use(&code), 0b11);
        // Anything else: live.
        let mut code = vec![bif(5), Instr::Return { src: Src::Reg(5) }];
        mark_dead_values(&mut code);
        assert_eq!(last_use(&code), 0);
    }
}
