//! ferl's front end: Erlang source text to a loadable bytecode module.
//!
//! The pipeline: [`lexer`] (logos) -> [`preprocess`] (macros, includes,
//! conditionals) -> [`parser`] (lalrpop, after OTP's `erl_parse.yrl`) ->
//! [`ast`] with spans. This crate knows nothing of evaluation; the runtime
//! loads what it produces.

pub mod ast;
pub mod diagnostic;
pub mod dump;
pub mod lexer;
pub mod parser;
pub mod preprocess;
pub mod source;

pub use diagnostic::{Diagnostic, Severity};
pub use source::{FileId, SourceMap, Span};

/// Finds the text of `-include` and `-include_lib` files.
pub trait IncludeResolver {
    /// Resolves `path` as written in the attribute. `lib` is true for
    /// `-include_lib`. `from` is the display name of the including file.
    /// Returns the display name and text of the file, or `None`.
    fn resolve(&self, path: &str, lib: bool, from: &str) -> Option<(String, String)>;
}

/// A resolver that finds nothing: for sources without includes.
pub struct NoIncludes;

impl IncludeResolver for NoIncludes {
    fn resolve(&self, _path: &str, _lib: bool, _from: &str) -> Option<(String, String)> {
        None
    }
}
