//! The bytecode the compiler emits and the runtime executes: a register (slot)
//! machine. Each function has a frame of numbered slots; its arguments arrive
//! in slots `0..arity`. Every variable was resolved to a slot at compile time,
//! every pattern to test-and-jump instructions, and literals are collected in
//! a per-module table the runtime builds once at load.

pub mod disasm;
pub mod instr;
pub mod module;

pub use instr::{ArithOp, BinSegKind, CmpOp, Instr, Label, Reg, Src, TypeTest, NO_FAIL};
pub use module::{Function, Import, Lambda, Literal, Module};
