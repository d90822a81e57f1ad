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
