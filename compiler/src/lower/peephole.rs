//! Rewrites of a finished function's code that need no analysis beyond
//! neighbouring instructions.

use crate::bytecode::instr::DISCARD;
use crate::bytecode::{Instr, Src};

/// Marks built-in results that the next instruction overwrites unread
/// (`Pid ! Msg, loop(...)` leaves the message in a slot the call's
/// argument moves overwrite), so the runtime does not store, and later
/// release, a value nobody reads. Whatever jumps to the next instruction
/// also finds the slot overwritten there, so no path can read the result.
pub(crate) fn drop_dead_results(code: &mut [Instr]) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::instr::NO_FAIL;

    fn bif(dst: u16) -> Instr {
        Instr::Bif {
            import: 0,
            args: vec![Src::Reg(0), Src::Reg(1)].into(),
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
}
