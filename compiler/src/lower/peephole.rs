//! Rewrites of a finished function's code that need no analysis beyond
//! the straight line of instructions after the one rewritten.

use crate::bytecode::instr::DISCARD;
use crate::bytecode::{Instr, Src};

/// Marks built-in results that the next instruction overwrites unread
/// (`Pid ! Msg, loop(...)` leaves the message in a slot the call's
/// argument moves overwrite), so the runtime does not store, and later
/// release, a value nobody reads. Whatever jumps to the next instruction
/// also finds the slot overwritten there, so no path can read the result.
pub(crate) fn drop_dead_results(code: &mut [Instr]) {
    mark_last_uses(code);
    for i in 0..code.len().saturating_sub(1) {
        let overwritten = match &code[i + 1] {
            Instr::Move { src, dst } => Some((*dst, *src)),
            _ => None,
        };
        if let (Instr::Bif { dst, .. }, Some((next_dst, next_src))) = (&mut code[i], overwritten) {
            if *dst == next_dst && next_src != Src::Reg(next_dst) {
                *dst = DISCARD;
            }
        }
    }
}

/// Sets `last_use` on built-in calls whose argument slots are dead after
/// them: overwritten by the `Move`s that follow before anything reads them,
/// or outside the argument window of a `TailCall` that follows (the frame
/// is reused from scratch). Anything else ends the scan: live.
fn mark_last_uses(code: &mut [Instr]) {
    for i in 0..code.len() {
        let Instr::Bif { args, .. } = &code[i] else {
            continue;
        };
        let mut mask = 0u8;
        for (k, a) in args.iter().enumerate().take(8) {
            let Src::Reg(r) = *a else { continue };
            // A slot passed twice must stay for its second use.
            if args.iter().filter(|b| **b == Src::Reg(r)).count() > 1 {
                continue;
            }
            if dead_after(&code[i + 1..], r) {
                mask |= 1 << k;
            }
        }
        if let Instr::Bif { last_use, .. } = &mut code[i] {
            *last_use = mask;
        }
    }
}

/// True if slot `r` is written before it is read on the straight line
/// `code` (see [`mark_last_uses`]).
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
        drop_dead_results(&mut code);
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
            drop_dead_results(code);
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
        drop_dead_results(&mut code);
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
        drop_dead_results(&mut code);
        assert_eq!(last_use(&code), 0b11);
        // Anything else: live.
        let mut code = vec![bif(5), Instr::Return { src: Src::Reg(5) }];
        drop_dead_results(&mut code);
        assert_eq!(last_use(&code), 0);
    }
}
