//! Options that change what the lint reports: `erlc`'s warning flags
//! (`+nowarn_unused_vars`, `+warn_export_vars`, `-W0`...) and the same
//! options given by `-compile(...)` in the module, which apply to the whole
//! module wherever the attribute stands.

use crate::ast::{self, AttrValue, Expr, Form};
use std::collections::HashSet;

/// Which warnings are on, and the options that change the rules.
#[derive(Clone, Debug)]
pub struct Options {
    /// `false` after `-W0` / `report_warnings` off: no warning is returned.
    pub report_warnings: bool,
    /// `variable 'X' is unused`.
    pub warn_unused_vars: bool,
    /// `variable 'X' exported from 'case'` on every use (off by default).
    pub warn_export_vars: bool,
    /// `variable 'X' shadowed in 'fun'`.
    pub warn_shadow_vars: bool,
    /// `function f/1 is unused`.
    pub warn_unused_function: bool,
    /// Functions exempt from `warn_unused_function`.
    pub nowarn_unused: HashSet<(String, u32)>,
    /// `record r is unused`.
    pub warn_unused_record: bool,
    /// `type t() is unused`.
    pub warn_unused_type: bool,
    /// `export_all flag enabled - all functions will be exported`.
    pub warn_export_all: bool,
    /// Calls to deprecated functions.
    pub warn_deprecated_function: bool,
    /// Deprecated functions not to warn about, as `(module, function, arity)`.
    pub nowarn_deprecated: HashSet<(String, String, u32)>,
    /// `atom/1 obsolete (use is_atom/1)`.
    pub warn_obsolete_guard: bool,
    /// `variable '_X' is already bound...`.
    pub warn_underscore_match: bool,
    /// `ambiguous call of overridden auto-imported BIF`.
    pub warn_bif_clash: bool,
    /// `import m:f/1 is unused` (off by default).
    pub warn_unused_import: bool,
    /// `-compile(export_all)`.
    pub export_all: bool,
    /// `-compile(no_auto_import)`: no BIF is auto-imported.
    pub no_auto_import_all: bool,
    /// `-compile({no_auto_import, [F/A]})`.
    pub no_auto_import: HashSet<(String, u32)>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            report_warnings: true,
            warn_unused_vars: true,
            warn_export_vars: false,
            warn_shadow_vars: true,
            warn_unused_function: true,
            nowarn_unused: HashSet::new(),
            warn_unused_record: true,
            warn_unused_type: true,
            warn_export_all: true,
            warn_deprecated_function: true,
            nowarn_deprecated: HashSet::new(),
            warn_obsolete_guard: true,
            warn_underscore_match: true,
            warn_bif_clash: true,
            warn_unused_import: false,
            export_all: false,
            no_auto_import_all: false,
            no_auto_import: HashSet::new(),
        }
    }
}

impl Options {
    /// Applies one `erlc` option given by name (`nowarn_unused_vars`,
    /// `warn_export_vars`, `export_all`...). Unknown names are ignored, as
    /// the compiler ignores options it does not know.
    pub fn set_flag(&mut self, name: &str) {
        let (on, what) = match name.strip_prefix("nowarn_") {
            Some(w) => (false, w),
            None => match name.strip_prefix("warn_") {
                Some(w) => (true, w),
                None => {
                    match name {
                        "export_all" => self.export_all = true,
                        "no_auto_import" => self.no_auto_import_all = true,
                        "report_warnings" => self.report_warnings = true,
                        "nowarn" | "no_warn" => self.report_warnings = false,
                        _ => {}
                    }
                    return;
                }
            },
        };
        match what {
            "unused_vars" => self.warn_unused_vars = on,
            "export_vars" => self.warn_export_vars = on,
            "shadow_vars" => self.warn_shadow_vars = on,
            "unused_function" => self.warn_unused_function = on,
            "unused_record" => self.warn_unused_record = on,
            "unused_type" => self.warn_unused_type = on,
            "export_all" => self.warn_export_all = on,
            "deprecated_function" => self.warn_deprecated_function = on,
            "obsolete_guard" => self.warn_obsolete_guard = on,
            "underscore_match" => self.warn_underscore_match = on,
            "bif_clash" => self.warn_bif_clash = on,
            "unused_import" => self.warn_unused_import = on,
            _ => {}
        }
    }

    /// Folds the module's `-compile(...)` attributes into the options.
    pub(crate) fn read_compile_attributes(&mut self, module: &ast::Module) {
        for form in &module.forms {
            if let Form::Attribute(a) = form {
                if let ("compile", AttrValue::Term(t)) = (&a.name[..], &a.value) {
                    for opt in list_items(t) {
                        self.compile_option(opt);
                    }
                }
            }
        }
    }

    fn compile_option(&mut self, opt: &Expr) {
        match opt {
            Expr::Atom(_, a) => self.set_flag(a),
            Expr::Tuple(_, es) if es.len() == 2 => {
                let Expr::Atom(_, key) = &es[0] else { return };
                match key.as_str() {
                    "nowarn_unused_function" => {
                        for fa in list_items(&es[1]) {
                            if let Some(fa) = fun_arity(fa) {
                                self.nowarn_unused.insert(fa);
                            }
                        }
                    }
                    "no_auto_import" => {
                        for fa in list_items(&es[1]) {
                            if let Some(fa) = fun_arity(fa) {
                                self.no_auto_import.insert(fa);
                            }
                        }
                    }
                    "nowarn_deprecated_function" => {
                        for mfa in list_items(&es[1]) {
                            if let Expr::Tuple(_, p) = mfa {
                                if let [Expr::Atom(_, m), Expr::Atom(_, f), Expr::Integer(_, a)] =
                                    &p[..]
                                {
                                    if let Ok(a) = u32::try_from(a) {
                                        self.nowarn_deprecated.insert((m.clone(), f.clone(), a));
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// The elements of a list term, or the term itself when it is not a list.
fn list_items(e: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut cur = e;
    if !matches!(cur, Expr::Cons(..) | Expr::Nil(_)) {
        return vec![e];
    }
    while let Expr::Cons(_, h, t) = cur {
        out.push(&**h);
        cur = t;
    }
    out
}

/// `{f, 1}` or `f/1` as written in an option.
fn fun_arity(e: &Expr) -> Option<(String, u32)> {
    match e {
        Expr::Tuple(_, p) => match &p[..] {
            [Expr::Atom(_, f), Expr::Integer(_, a)] => Some((f.clone(), u32::try_from(a).ok()?)),
            _ => None,
        },
        Expr::BinOp(_, crate::ast::BinOp::FDiv, f, a) => match (&**f, &**a) {
            (Expr::Atom(_, f), Expr::Integer(_, a)) => Some((f.clone(), u32::try_from(a).ok()?)),
            _ => None,
        },
        _ => None,
    }
}
