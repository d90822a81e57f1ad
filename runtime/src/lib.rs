//! ferl's runtime: terms, the bytecode interpreter, built-in functions,
//! processes, the scheduler and the code server.

pub mod bif;
pub mod code;
pub mod entry;
pub mod ets;
pub mod files;
pub mod format;
pub mod interp;
pub mod process;
pub mod sched;
pub mod term;
