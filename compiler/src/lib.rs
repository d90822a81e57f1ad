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

/// What a module being compiled needs from its surroundings: the text of
/// `-include` and `-include_lib` files, and the behaviours it names.
pub trait IncludeResolver {
    /// Resolves `path` as written in the attribute. `lib` is true for
    /// `-include_lib`. `from` is the display name of the including file.
    /// Returns the display name and text of the file, or `None`.
    fn resolve(&self, path: &str, lib: bool, from: &str) -> Option<(String, String)>;

    /// What `name:behaviour_info(callbacks)` would answer on the code
    /// path (see [`read_behaviour`]); `None` when it cannot be known, and
    /// then no behaviour check is made.
    fn behaviour(&self, _name: &str) -> Option<lint::BehaviourInfo> {
        None
    }
}

/// Reads a behaviour module's callbacks from its source (`display` and
/// `text`), preprocessed with `includes` and `defines`. Errors elsewhere in
/// the module (often a header found only with its own build's `-I` flags)
/// do not hide its `-callback` attributes.
pub fn read_behaviour(
    display: &str,
    text: &str,
    includes: &dyn IncludeResolver,
    defines: &[(String, String)],
) -> Option<lint::BehaviourInfo> {
    let mut map = SourceMap::new();
    let file = map.add(display.to_string(), text.to_string());
    let (ast, _diags) = parser::parse_module_with(&mut map, file, includes, defines);
    lint::behaviour_info(&ast)
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
    // As erlc does, the lint runs on the forms that did parse even when
    // others did not, and its errors and warnings are reported with the
    // parser's, after them.
    let linted = lint::lint_module_with(&ast, map, opts, &|b| includes.behaviour(b));
    warnings.extend(linted.warnings);
    if !errors.is_empty() || !linted.errors.is_empty() {
        // The file server's encoding error sorts among the lint's errors.
        let (late, early): (Vec<_>, Vec<_>) = errors
            .into_iter()
            .partition(|d| d.message == preprocess::CANNOT_TRANSLATE);
        errors = early;
        let mut lint_errors = linted.errors;
        for d in late {
            let at = map.line_col(d.span);
            let i = lint_errors
                .iter()
                .position(|e| e.span != Span::default() && map.line_col(e.span) > at)
                .unwrap_or(lint_errors.len());
            lint_errors.insert(i, d);
        }
        errors.extend(lint_errors);
        sort_warnings(&mut warnings, map);
        errors.extend(warnings);
        return Err(errors);
    }
    let name = std::path::Path::new(&map.file(file).name)
        .file_name()
        .map_or_else(
            || map.file(file).name.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
    let lowered = lower::lower_module(&ast, map, &name, &linted.guard_filters)?;
    warnings.extend(lowered.warnings);
    sort_warnings(&mut warnings, map);
    Ok((lowered.module, warnings))
}

/// `erlc` prints warnings sorted by file, position and then the printed
/// text (`compile:report_warnings/1`); those without a position first.
fn sort_warnings(warnings: &mut [Diagnostic], map: &SourceMap) {
    warnings.sort_by_cached_key(|d| {
        if d.span == Span::default() {
            return None;
        }
        let (line, col) = map.line_col(d.span);
        Some((
            map.file(d.span.file).name.clone(),
            line,
            col,
            d.message.clone(),
        ))
    });
}
