//! The checks `erl_lint` 25 makes, with its errors and warnings worded as
//! `erlc` prints them: scoping of variables (unbound, unsafe, exported,
//! unused, shadowed), patterns and guards, local calls and exports,
//! records, imports, `-compile` options that change linting, and the
//! deprecated functions OTP lists.
//!
//! It runs on the parsed module before lowering; a module with lint errors
//! is not lowered. Layout: [`vartable`] holds the variable table and its
//! merge rules, [`expr`] walks expressions and clauses, [`pattern`] and
//! [`guard`] their parts, [`options`] reads `-compile` and command-line
//! options, [`forms`] the module-level checks (functions, records, calls,
//! exports, imports), [`deprecated`] OTP's table of deprecated and removed
//! functions.

mod behaviours;
mod deprecated;
mod effects;
mod expr;
pub(crate) mod forms;
mod guard;
mod options;
mod pattern;
mod records;
mod types;
mod vartable;

pub use behaviours::{behaviour_info, BehaviourInfo};
pub use guard::is_old_type_test;
pub use options::Options;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceMap, Span};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Checks a parsed module without behaviour checks (nothing tells what a
/// behaviour's callbacks are). See [`lint_module_with`].
pub fn lint_module(
    module: &ast::Module,
    map: &SourceMap,
    opts: &Options,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let l = lint_module_with(module, map, opts, &|_| None);
    (l.errors, l.warnings)
}

/// What the lint found: diagnostics, and what lowering must decide alike.
#[derive(Debug, Default)]
pub struct Linted {
    /// Errors, in the order `erl_lint` sorts them.
    pub errors: Vec<Diagnostic>,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// The comprehension filters that are guard tests (a failing one skips
    /// the element instead of raising), by span.
    pub guard_filters: HashSet<Span>,
}

/// Checks a parsed module: its errors (in the order `erl_lint` finds
/// them), warnings, and the filters that are guard tests. `behaviours` answers what
/// `B:behaviour_info(callbacks)` would for each `-behaviour(B)` (`None`:
/// not known, no check).
pub fn lint_module_with(
    module: &ast::Module,
    map: &SourceMap,
    opts: &Options,
    behaviours: &dyn Fn(&str) -> Option<BehaviourInfo>,
) -> Linted {
    let mut opts = opts.clone();
    opts.read_compile_attributes(module);
    let mut l = Linter {
        map,
        opts,
        errors: Vec::new(),
        warnings: Vec::new(),
        records: HashMap::new(),
        used_records: HashSet::new(),
        record_defaults: HashMap::new(),
        locals: HashSet::new(),
        imports: HashMap::new(),
        calls: HashMap::new(),
        undefined_calls: Vec::new(),
        current: None,
        behaviours,
        guard_filters: HashSet::new(),
    };
    l.module(module);
    // erlc's optimizer warns only on code that linted clean.
    if l.errors.is_empty() {
        l.effects(module);
    }
    let mut errors = l.errors;
    let mut warnings = l.warnings;
    sort_as_erlc(&mut errors, map);
    sort_as_erlc(&mut warnings, map);
    if !l.opts.report_warnings {
        warnings.clear();
    }
    Linted {
        errors,
        warnings,
        guard_filters: l.guard_filters,
    }
}

/// `erl_lint` returns each file's diagnostics sorted as terms
/// `{Location, erl_lint, Descriptor}`: by line and column, then by the
/// descriptor, where an atom sorts before a tuple and a smaller tuple
/// before a larger one, then by the tag. The descriptor is recovered from
/// the message's wording.
fn sort_as_erlc(diags: &mut [Diagnostic], map: &SourceMap) {
    diags.sort_by_cached_key(|d| {
        let (line, col) = if d.span == Span::default() {
            (0, 0)
        } else {
            map.line_col(d.span)
        };
        let (size, tag) = descriptor_shape(&d.message);
        (
            map.file(d.span.file).name.clone(),
            line,
            col,
            size,
            tag,
            d.message.clone(),
        )
    });
}

/// The size (0 for an atom) and tag of the `erl_lint` descriptor behind a
/// message.
fn descriptor_shape(msg: &str) -> (u8, &'static str) {
    const SHAPES: &[(&str, u8, &str)] = &[
        (" is unbound", 2, "unbound_var"),
        (" unsafe in ", 3, "unsafe_var"),
        (" exported from ", 3, "exported_var"),
        (" shadowed in ", 3, "shadowed_var"),
        ("is already bound.", 2, "match_underscore_var"),
        ("bound multiple times", 2, "match_underscore_var_pat"),
        (" obsolete (use ", 2, "obsolete_guard"),
        (" is deprecated", 3, "deprecated"),
        (" is removed", 3, "removed"),
        ("illegal in guard", 2, "illegal_guard_local_call"),
        ("ambiguous call", 2, "call_to_redefined_bif"),
        ("already defined in record", 3, "redefine_field"),
        (" undefined in record ", 3, "undefined_field"),
        ("spec for undefined", 2, "spec_fun_undefined"),
        ("stacktrace variable", 2, "stacktrace"),
        ("undefined callback function", 3, "undefined_behaviour_func"),
        ("conflicting behaviours", 5, "conflicting_behaviours"),
        (
            "callback functions are undefined",
            2,
            "undefined_behaviour_callbacks",
        ),
        (
            "callback functions erroneously",
            2,
            "ill_defined_behaviour_callbacks",
        ),
    ];
    for &(needle, size, tag) in SHAPES {
        if msg.contains(needle) {
            return (size, tag);
        }
    }
    let starts = |p: &str, e: &str| msg.starts_with(p) && msg.ends_with(e);
    if starts("variable ", " is unused") {
        (2, "unused_var")
    } else if starts("function ", " undefined") {
        (2, "undefined_function")
    } else if starts("function ", " is unused") {
        (2, "unused_function")
    } else if starts("function ", " already defined") {
        (2, "redefine_function")
    } else if starts("record ", " undefined") {
        (2, "undefined_record")
    } else if starts("record ", " is unused") {
        (2, "unused_record")
    } else if starts("record ", " already defined") {
        (2, "redefine_record")
    } else if starts("behaviour ", " undefined") {
        (2, "undefined_behaviour")
    } else if starts("type ", " undefined") {
        (2, "undefined_type")
    } else if starts("type ", " is unused") {
        (2, "unused_type")
    } else {
        (0, "")
    }
}

/// The linter's state for one module.
pub(crate) struct Linter<'a> {
    map: &'a SourceMap,
    opts: Options,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Record name -> field names, in order.
    records: HashMap<String, (Span, Vec<String>)>,
    used_records: HashSet<String>,
    /// Record name -> the fields that have a default, with it.
    record_defaults: HashMap<String, Vec<(String, ast::Expr)>>,
    /// The functions the module defines.
    locals: HashSet<(String, u32)>,
    /// Imported function -> module.
    imports: HashMap<(String, u32), String>,
    /// Caller -> the local functions it calls (for unused functions).
    calls: HashMap<(String, u32), BTreeSet<(String, u32)>>,
    /// Calls to functions the module does not define, with where.
    undefined_calls: Vec<((String, u32), Span)>,
    /// The function being checked.
    current: Option<(String, u32)>,
    /// A behaviour's callbacks, by module name.
    behaviours: &'a dyn Fn(&str) -> Option<BehaviourInfo>,
    /// Comprehension filters found to be guard tests.
    guard_filters: HashSet<Span>,
}

impl Linter<'_> {
    pub(crate) fn error(&mut self, at: Span, msg: impl Into<String>) {
        self.errors.push(Diagnostic::error(at, msg));
    }

    pub(crate) fn warning(&mut self, at: Span, msg: impl Into<String>) {
        self.warnings.push(Diagnostic::warning(at, msg));
    }

    /// The end of the module's file (file 0 of the map, the one compiled),
    /// where `erl_lint` places what it finds at `eof`.
    pub(crate) fn eof_at(&self) -> Span {
        let file = crate::source::FileId(0);
        let len = self.map.file(file).text.len() as u32;
        Span::new(file, len, len)
    }

    /// Where an infix operator is: `erlc` places `L op R` at `op`. The AST
    /// spans the whole expression, so the operator is found in the text
    /// after the left operand (past spaces, comments and closing parens).
    pub(crate) fn op_at(&self, whole: Span, left: &ast::Expr) -> Span {
        let l = left.span();
        if l.file != whole.file {
            return whole;
        }
        let text = self.map.file(l.file).text.as_bytes();
        let mut i = l.end as usize;
        while i < text.len() && i < whole.end as usize {
            match text[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b')' => i += 1,
                b'%' => {
                    while i < text.len() && text[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => return Span::new(l.file, i as u32, i as u32 + 1),
            }
        }
        whole
    }
}
