//! ferl's runtime: terms, the bytecode interpreter, built-in functions,
//! processes and the code server.

pub mod code;
pub mod format;
pub mod term;
