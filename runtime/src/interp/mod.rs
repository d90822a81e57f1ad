//! The bytecode interpreter: one dispatch loop ([`exec`]) running a process
//! for a budget of reductions, with helpers for calls, matching, binaries
//! and exceptions in sibling files.

pub mod bits;
pub mod exception;
pub mod exec;
pub(crate) mod signals;
pub mod stacktrace;

pub use exception::{BifError, BifResult, Class, Exception};
