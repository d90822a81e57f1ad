//! ferl's front end: Erlang source text to a loadable bytecode module.
//!
//! The pipeline: [`lexer`] (logos) -> [`preprocess`] (macros, includes,
//! conditionals) -> [`parser`] (lalrpop, after OTP's `erl_parse.yrl`) ->
//! [`ast`] with spans. This crate knows nothing of evaluation; the runtime
//! loads what it produces.

pub mod ast;
pub mod bytecode;
pub mod diagnostic;
pub mod dump;
pub mod lexer;
pub mod lint;
pub mod lower;
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

/// Compiles one module file already added to `map`: preprocess, parse,
/// check and lower, with the default lint options. Returns the module and
/// its warnings, or every error (followed by the warnings, as `erlc`
/// prints both).
pub fn compile(
    map: &mut SourceMap,
    file: FileId,
    includes: &dyn IncludeResolver,
) -> Result<(bytecode::Module, Vec<Diagnostic>), Vec<Diagnostic>> {
    compile_with(map, file, includes, &lint::Options::default(), &[])
}

/// [`compile`] with the given lint options and predefined macros
/// (`erlc -DNAME=VALUE`: name and source text of the value).
pub fn compile_with(
    map: &mut SourceMap,
    file: FileId,
    includes: &dyn IncludeResolver,
    opts: &lint::Options,
    defines: &[(String, String)],
) -> Result<(bytecode::Module, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (ast, diags) = parser::parse_module_with(map, file, includes, defines);
    let (mut errors, mut warnings): (Vec<_>, Vec<_>) = diags
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        errors.extend(warnings);
        return Err(errors);
    }
    let (lint_errors, lint_warnings) = lint::lint_module(&ast, map, opts);
    warnings.extend(lint_warnings);
    if !lint_errors.is_empty() {
        let mut all = lint_errors;
        all.extend(warnings);
        return Err(all);
    }
    let name = std::path::Path::new(&map.file(file).name)
        .file_name()
        .map_or_else(
            || map.file(file).name.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
    let lowered = lower::lower_module(&ast, map, &name)?;
    warnings.extend(lowered.warnings);
    Ok((lowered.module, warnings))
}
