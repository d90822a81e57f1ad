//! Module-level checks (OTP `erl_lint:forms/2` and its post-traversal
//! checks): attributes, function definitions, calls to local, imported and
//! auto-imported functions, exports, records and their fields, types and
//! specs, and the unused-function/record/type warnings.

use super::deprecated;
use super::vartable::Vt;
use super::Linter;
use crate::ast::{AttrValue, Expr, Form, Module, TypeExpr};
use crate::lower::bifs;
use crate::source::Span;
use std::collections::{BTreeMap, HashSet};

/// Forms erl_lint handles before its states: parse errors, `-file`,
/// `-compile` (and `-feature`, which epp consumes).
fn is_transparent(f: &Form) -> bool {
    match f {
        Form::Error(_) => true,
        Form::Attribute(a) => matches!(a.name.as_str(), "file" | "compile" | "feature"),
        _ => false,
    }
}

/// The attributes `erl_lint:function_state/2` accepts among functions.
fn allowed_after_functions(name: &str) -> bool {
    matches!(
        name,
        "record" | "type" | "opaque" | "spec" | "dialyzer" | "file" | "compile" | "feature"
    )
}

/// Where erlc places an error about a whole form.
fn form_at(f: &Form) -> Span {
    match f {
        Form::Attribute(a) => attr_at(a.span),
        Form::Record(r) => attr_at(r.span),
        Form::Function(f) => f.span,
        Form::Error(s) => *s,
    }
}

/// `term()` or `any()`: an opaque type defined so says nothing.
fn is_any_type(t: &TypeExpr) -> bool {
    let TypeExpr::Node {
        kind, name, args, ..
    } = t;
    kind == "call" && args.is_empty() && (name == "term" || name == "any")
}

/// Where `erlc` places an attribute's diagnostics: its name, after the `-`.
fn attr_at(s: Span) -> Span {
    Span::new(s.file, s.start + 1, s.start + 2)
}

impl Linter<'_> {
    /// Checks every form, then what needs the whole module.
    pub(crate) fn module(&mut self, m: &Module) {
        let mut exports: Vec<((String, u32), Span)> = Vec::new();
        let mut export_types: HashSet<(String, u32)> = HashSet::new();
        let mut types: BTreeMap<(String, u32), Span> = BTreeMap::new();
        let mut type_uses: BTreeMap<(String, u32), Vec<Span>> = BTreeMap::new();
        let mut export_types_at: Vec<((String, u32), Span)> = Vec::new();
        let mut specs: Vec<((String, u32), Span)> = Vec::new();
        let mut on_load: Option<((String, u32), Span)> = None;
        let mut behaviours: Vec<(String, Span)> = Vec::new();
        let mut opaques: Vec<((String, u32), Span)> = Vec::new();
        // eunit's header exports the test functions (OTP: a parse transform).
        let mut eunit = false;

        // Pre-scan: defined functions and imports (calls may come before
        // definitions), as `erl_lint:pre_scan/2` does. The compiler adds
        // module_info/0,1 to every module.
        self.locals.insert(("module_info".to_string(), 0));
        self.locals.insert(("module_info".to_string(), 1));
        for form in &m.forms {
            match form {
                Form::Function(f) => {
                    self.locals.insert((f.name.clone(), f.arity));
                }
                Form::Attribute(a) => {
                    if let ("import", AttrValue::Import(m, l)) = (&a.name[..], &a.value) {
                        for (n, ar) in l {
                            self.imports.insert((n.clone(), *ar), m.clone());
                        }
                    }
                }
                _ => {}
            }
        }

        let mut defined: HashSet<(String, u32)> = HashSet::new();
        // erl_lint's states: the first form must be `-module`; after the
        // first function only records, types, specs and a few others.
        let mut started = false;
        let mut in_functions = false;
        for form in &m.forms {
            if !started && !is_transparent(form) {
                started = true;
                match form {
                    Form::Attribute(a) if a.name == "module" => {
                        if matches!(a.value, AttrValue::Term(_)) {
                            let msg = "parameterized modules are no longer supported";
                            self.error(attr_at(a.span), msg);
                        }
                    }
                    _ => self.error(form_at(form), "no module definition"),
                }
            }
            match form {
                Form::Function(_) => in_functions = true,
                Form::Attribute(a) if in_functions && !allowed_after_functions(&a.name) => {
                    let msg = format!("attribute {} after function definitions", a.name);
                    self.error(attr_at(a.span), msg);
                    continue;
                }
                _ => {}
            }
            match form {
                Form::Attribute(a) => match (&a.name[..], &a.value) {
                    ("export", AttrValue::FunList(l)) => {
                        exports.extend(l.iter().map(|(n, ar)| ((n.clone(), *ar), attr_at(a.span))));
                    }
                    ("export_type", AttrValue::FunList(l)) => {
                        export_types.extend(l.iter().cloned());
                        export_types_at.extend(l.iter().map(|fa| (fa.clone(), attr_at(a.span))));
                    }
                    ("type" | "opaque", AttrValue::Type { name, params, body }) => {
                        let key = (name.clone(), params.len() as u32);
                        if a.name == "opaque" && !types.contains_key(&key) {
                            opaques.push((key.clone(), attr_at(a.span)));
                            if params.is_empty() && is_any_type(body) {
                                let msg = format!(
                                    "opaque type {name}() is underspecified and therefore meaningless"
                                );
                                self.warning(attr_at(a.span), msg);
                            }
                        }
                        if let std::collections::btree_map::Entry::Vacant(e) = types.entry(key) {
                            e.insert(attr_at(a.span));
                        } else {
                            let msg = format!(
                                "type {}{} already defined",
                                name,
                                type_paren(params.len())
                            );
                            self.error(attr_at(a.span), msg);
                        }
                        self.type_refs(body, &mut type_uses);
                    }
                    (
                        "spec",
                        AttrValue::Spec {
                            module: None,
                            name,
                            arity,
                            clauses,
                        },
                    ) => {
                        specs.push(((name.clone(), *arity), attr_at(a.span)));
                        for c in clauses {
                            self.type_refs(c, &mut type_uses);
                        }
                    }
                    ("spec" | "callback", AttrValue::Spec { clauses, .. }) => {
                        for c in clauses {
                            self.type_refs(c, &mut type_uses);
                        }
                    }
                    ("on_load", AttrValue::Term(t)) => {
                        let fa = match t {
                            Expr::BinOp(_, crate::ast::BinOp::FDiv, f, ar) => Some((&**f, &**ar)),
                            Expr::Tuple(_, p) if p.len() == 2 => Some((&p[0], &p[1])),
                            _ => None,
                        };
                        if let Some((Expr::Atom(_, f), Expr::Integer(_, ar))) = fa {
                            if let Ok(ar) = u32::try_from(ar) {
                                on_load = Some(((f.clone(), ar), attr_at(a.span)));
                            }
                        }
                    }
                    ("behaviour" | "behavior", AttrValue::Term(Expr::Atom(_, b))) => {
                        behaviours.push((b.clone(), attr_at(a.span)));
                    }
                    ("eunit_autoexport", _) => eunit = true,
                    ("compile", AttrValue::Term(t)) => {
                        eunit |= mentions_eunit_transform(t);
                        for m in parse_transforms(t) {
                            // ms_transform is only needed by ets:fun2ms/1,
                            // which says so at run time.
                            if m != "eunit_autoexport" && m != "ms_transform" {
                                self.error(
                                    attr_at(a.span),
                                    format!("parse transform '{m}' is not supported: ferl cannot run parse transforms"),
                                );
                            }
                        }
                    }
                    _ => {}
                },
                Form::Record(r) => {
                    if self.records.contains_key(&r.name) {
                        self.error(
                            attr_at(r.span),
                            format!("record {} already defined", r.name),
                        );
                        continue;
                    }
                    let mut names: Vec<String> = Vec::new();
                    let mut defaults = Vec::new();
                    for f in &r.fields {
                        if names.contains(&f.name) {
                            let msg =
                                format!("field {} already defined in record {}", f.name, r.name);
                            self.error(f.span, msg);
                        } else {
                            names.push(f.name.clone());
                        }
                        if let Some(d) = &f.default {
                            self.current = None;
                            let errors = self.errors.len();
                            let _ = self.expr(d, &Vt::new());
                            // A default in error is `undefined` from here
                            // on, as in erl_lint (this also ends recursive
                            // definitions).
                            if self.errors.len() == errors {
                                defaults.push((f.name.clone(), d.clone()));
                            }
                        }
                    }
                    self.records
                        .insert(r.name.clone(), (attr_at(r.span), names));
                    self.record_defaults.insert(r.name.clone(), defaults);
                    // Field types may name the record itself.
                    for t in r.fields.iter().filter_map(|f| f.ty.as_ref()) {
                        self.type_refs(t, &mut type_uses);
                    }
                }
                Form::Function(f) => {
                    let key = (f.name.clone(), f.arity);
                    if !defined.insert(key.clone()) {
                        self.error(
                            f.span,
                            format!("function {}/{} already defined", f.name, f.arity),
                        );
                        continue;
                    }
                    if self.imports.contains_key(&key) {
                        let msg = format!("defining imported function {}/{}", f.name, f.arity);
                        self.error(f.span, msg);
                    }
                    self.current = Some(key);
                    for c in &f.clauses {
                        self.function_clause(c);
                    }
                    self.current = None;
                }
                Form::Error(_) => {}
            }
        }
        if !started {
            // No form at all: erl_lint meets `eof` first.
            self.error(self.eof_at(), "no module definition");
        }

        // Undefined functions: calls and exports, sorted as `erl_lint` sorts them.
        let mut undefined: Vec<((String, u32), Span)> = std::mem::take(&mut self.undefined_calls);
        for (fa, at) in &exports {
            if !self.locals.contains(fa) {
                undefined.push((fa.clone(), *at));
            }
        }
        if let Some((fa, at)) = &on_load {
            if !self.locals.contains(fa) {
                undefined.push((fa.clone(), *at));
            }
        }
        undefined.sort_by_key(|((n, a), s)| (n.clone(), *a, self.map.line_col(*s)));
        undefined.dedup();
        for ((n, a), at) in undefined {
            self.error(at, format!("function {n}/{a} undefined"));
        }

        for (fa, at) in &specs {
            if !self.locals.contains(fa) {
                self.error(
                    *at,
                    format!("spec for undefined function {}/{}", fa.0, fa.1),
                );
            }
        }

        let exported: HashSet<(String, u32)> = if self.opts.export_all {
            self.locals.clone()
        } else {
            exports.iter().map(|(fa, _)| fa.clone()).collect()
        };
        let info = self.behaviours;
        self.check_behaviours(&behaviours, &exported, info);

        // Types used or exported that are neither defined nor built in.
        let undefined_types = type_uses
            .iter()
            .flat_map(|(k, spans)| spans.iter().map(move |s| (k, *s)))
            .chain(export_types_at.iter().map(|(k, s)| (k, *s)));
        let undefined_types: Vec<_> = undefined_types
            .filter(|((n, a), _)| {
                !types.contains_key(&(n.clone(), *a)) && !super::types::is_builtin_type(n, *a)
            })
            .map(|((n, a), s)| {
                (
                    format!("type {}{} undefined", n, type_paren(*a as usize)),
                    s,
                )
            })
            .collect();
        for (msg, at) in undefined_types {
            self.error(at, msg);
        }

        for ((n, a), at) in opaques {
            if !export_types.contains(&(n.clone(), a)) {
                let msg = format!(
                    "opaque type {}{} is not exported",
                    n,
                    type_paren(a as usize)
                );
                self.warning(at, msg);
            }
        }

        if self.opts.export_all && self.opts.warn_export_all {
            if let Some(at) = m.forms.iter().find_map(|f| match f {
                Form::Attribute(a) if a.name == "compile" => Some(attr_at(a.span)),
                _ => None,
            }) {
                self.warning(
                    at,
                    "export_all flag enabled - all functions will be exported",
                );
            }
        }

        if self.opts.warn_unused_function && !self.opts.export_all {
            let mut roots: Vec<(String, u32)> = exports.iter().map(|(fa, _)| fa.clone()).collect();
            if let Some((fa, _)) = &on_load {
                roots.push(fa.clone());
            }
            if eunit {
                roots.extend(
                    self.locals
                        .iter()
                        .filter(|(n, a)| {
                            *a == 0
                                && (n.ends_with("_test") || n.ends_with("_test_") || n == "test")
                        })
                        .cloned(),
                );
            }
            let reachable = self.reachable(roots);
            for form in &m.forms {
                if let Form::Function(f) = form {
                    let key = (f.name.clone(), f.arity);
                    if !reachable.contains(&key) && !self.opts.nowarn_unused.contains(&key) {
                        self.warning(f.span, format!("function {}/{} is unused", f.name, f.arity));
                    }
                }
            }
        }

        // Records and types of included files are not reported unused
        // (a header serves many modules), as `erl_lint` does.
        let main_file = m.forms.iter().find_map(|f| match f {
            Form::Attribute(a) if a.name == "module" => Some(a.span.file),
            _ => None,
        });
        if self.opts.warn_unused_type {
            for ((n, a), at) in &types {
                let key = (n.clone(), *a);
                if Some(at.file) == main_file
                    && !type_uses.contains_key(&key)
                    && !export_types.contains(&key)
                {
                    self.warning(
                        *at,
                        format!("type {}{} is unused", n, type_paren(*a as usize)),
                    );
                }
            }
        }

        if self.opts.warn_unused_record {
            let mut unused: Vec<(String, Span)> = self
                .records
                .iter()
                .filter(|(n, (at, _))| {
                    Some(at.file) == main_file && !self.used_records.contains(*n)
                })
                .map(|(n, (at, _))| (n.clone(), *at))
                .collect();
            unused.sort_by_key(|(_, s)| s.start);
            for (n, at) in unused {
                self.warning(at, format!("record {n} is unused"));
            }
        }
    }

    /// The functions reachable by local calls from `roots`.
    fn reachable(&self, roots: Vec<(String, u32)>) -> HashSet<(String, u32)> {
        let mut seen: HashSet<(String, u32)> = HashSet::new();
        let mut todo = roots;
        while let Some(f) = todo.pop() {
            if !seen.insert(f.clone()) {
                continue;
            }
            if let Some(callees) = self.calls.get(&f) {
                todo.extend(callees.iter().cloned());
            }
        }
        seen
    }

    /// `clause/2` of a function definition.
    fn function_clause(&mut self, c: &crate::ast::Clause) {
        let vt0 = Vt::new();
        let (hvt, hnew) = self.head(&c.pats, &vt0, &vt0);
        let vt1 = super::vartable::update(&hvt, &super::vartable::update(&hnew, &vt0));
        let gvt = self.guard(&c.guards, &vt1);
        let vt2 = super::vartable::update(&gvt, &vt1);
        let bvt = self.exprs(&c.body, &vt2);
        let upd = super::vartable::update(&bvt, &vt2);
        self.unused_vars(&upd, &vt0);
    }

    /// Records the user types and records a type expression refers to; a
    /// record must be defined before a type names it.
    fn type_refs(&mut self, t: &TypeExpr, uses: &mut BTreeMap<(String, u32), Vec<Span>>) {
        let TypeExpr::Node {
            span,
            kind,
            name,
            args,
        } = t;
        match kind.as_str() {
            "call" => {
                let key = (name.clone(), args.len() as u32);
                uses.entry(key).or_default().push(*span);
            }
            "record" => {
                if self.records.contains_key(name) {
                    self.used_records.insert(name.clone());
                } else {
                    self.error(*span, format!("record {name} undefined"));
                }
            }
            _ => {}
        }
        for a in args {
            self.type_refs(a, uses);
        }
    }

    pub(crate) fn is_local_or_imported(&self, name: &str, arity: u32) -> bool {
        let key = (name.to_string(), arity);
        self.locals.contains(&key) || self.imports.contains_key(&key)
    }

    pub(crate) fn auto_import_suppressed(&self, name: &str, arity: u32) -> bool {
        self.opts.no_auto_import_all
            || self
                .opts
                .no_auto_import
                .contains(&(name.to_string(), arity))
    }

    fn call_local(&mut self, at: Span, name: &str, arity: u32) {
        let key = (name.to_string(), arity);
        if let Some(cur) = self.current.clone() {
            self.calls.entry(cur).or_default().insert(key.clone());
        }
        if !self.locals.contains(&key) {
            self.undefined_calls.push((key, at));
        }
    }

    /// `F(Args)`: a local, imported or auto-imported call, or a fun call.
    pub(crate) fn call(&mut self, s: Span, f: &Expr, args: &[Expr], vt0: &Vt) -> Vt {
        let Expr::Atom(_, name) = f else {
            return self.expr_list(std::iter::once(f).chain(args), vt0);
        };
        let avt = self.expr_list(args, vt0);
        let n = args.len() as u32;
        let key = (name.clone(), n);
        let local = self.locals.contains(&key);
        let imported = self.imports.get(&key).cloned();
        let auto = bifs::is_auto_imported(name, n) && !self.auto_import_suppressed(name, n);
        if !local && imported.is_none() && auto {
            self.check_remote_call(s, "erlang", name, n);
            return avt;
        }
        if let Some(m) = imported {
            self.check_remote_call(s, &m, name, n);
            return avt;
        }
        if name == "record_info" && n == 2 {
            self.record_info(s, args);
            return avt;
        }
        if auto && self.opts.warn_bif_clash {
            let msg = format!(
                "ambiguous call of overridden {}auto-imported BIF {name}/{n}\n - use erlang:{name}/{n} or \
                 \"-compile({{no_auto_import,[{name}/{n}]}}).\" to resolve name clash",
                if bifs::is_old_bif(name, n) { "pre R14 " } else { "" }
            );
            if bifs::is_old_bif(name, n) {
                self.error(s, msg);
            } else {
                self.warning(s, msg);
            }
        }
        if self.current.as_ref() != Some(&key) {
            self.call_local(s, name, n);
        }
        avt
    }

    /// `fun f/A`: a local function, or an auto-imported BIF.
    pub(crate) fn fun_ref_local(&mut self, s: Span, name: &str, arity: u32) {
        let local = self.locals.contains(&(name.to_string(), arity));
        if !local
            && bifs::is_auto_imported(name, arity)
            && !self.auto_import_suppressed(name, arity)
        {
            return;
        }
        self.call_local(s, name, arity);
    }

    /// A call to `m:f/a`: warns when OTP lists it as deprecated or removed.
    pub(crate) fn check_remote_call(&mut self, s: Span, m: &str, f: &str, arity: u32) {
        if !self.opts.warn_deprecated_function {
            return;
        }
        if self
            .opts
            .nowarn_deprecated
            .contains(&(m.to_string(), f.to_string(), arity))
        {
            return;
        }
        if let Some(msg) = deprecated::message(m, f, arity) {
            self.warning(s, msg);
        }
    }
}

/// The modules a `-compile` value names as parse transforms.
fn parse_transforms(t: &Expr) -> Vec<&str> {
    match t {
        Expr::Tuple(_, p) => match &p[..] {
            [Expr::Atom(_, k), Expr::Atom(_, m)] if k == "parse_transform" => vec![m.as_str()],
            _ => Vec::new(),
        },
        Expr::Cons(_, h, tl) => {
            let mut v = parse_transforms(h);
            v.extend(parse_transforms(tl));
            v
        }
        _ => Vec::new(),
    }
}

/// Whether a `-compile` value names the `eunit_autoexport` parse transform.
pub(crate) fn mentions_eunit_transform(t: &Expr) -> bool {
    match t {
        Expr::Tuple(_, p) => matches!(
            &p[..],
            [Expr::Atom(_, k), Expr::Atom(_, m)] if k == "parse_transform" && m == "eunit_autoexport"
        ),
        Expr::Cons(_, h, tl) => mentions_eunit_transform(h) || mentions_eunit_transform(tl),
        _ => false,
    }
}

/// `()` or `(_, _)` after a type name, as `erl_lint` prints arities.
fn type_paren(arity: usize) -> String {
    format!("({})", vec!["_"; arity].join(","))
}
