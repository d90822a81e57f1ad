//! Expressions and clauses: which variables each binds, uses, exports or
//! makes unsafe (OTP `erl_lint:expr/3`, `icrt_clauses`, `fun_clauses`,
//! `handle_comprehension`). Each walk returns the table of the variables
//! the expression bound or used; see [`super::vartable`].

use super::vartable::{self as vt, In, State, Var, Vt};
use super::Linter;
use crate::ast::{BinOp, CatchClause, Clause, Expr, MapField, Qualifier};
use crate::source::Span;

impl Linter<'_> {
    /// `exprs/3`: a body, each expression seeing the bindings before it.
    pub(crate) fn exprs(&mut self, es: &[Expr], vt0: &Vt) -> Vt {
        let mut acc = Vt::new();
        let mut env = vt0.clone();
        for e in es {
            let evt = self.expr(e, &env);
            env = vt::update(&evt, &env);
            acc = vt::update(&evt, &acc);
        }
        acc
    }

    /// `expr_list/3`: expressions evaluated side by side in the same table.
    pub(crate) fn expr_list<'e>(&mut self, es: impl IntoIterator<Item = &'e Expr>, vt0: &Vt) -> Vt {
        let mut acc = Vt::new();
        for e in es {
            let evt = self.expr(e, vt0);
            acc = vt::merge_pat(&evt, &acc);
        }
        acc
    }

    /// A variable read in an expression.
    pub(crate) fn expr_var(&mut self, at: Span, name: &str, vt0: &Vt) -> Vt {
        let mut out = Vt::new();
        match vt0.get(name) {
            Some(v) => {
                let state = match v.state {
                    State::Bound => State::Bound,
                    State::Unsafe(w) => {
                        let msg =
                            format!("variable {} unsafe in {}", quote_var(name), self.where_(w));
                        self.error(at, msg);
                        State::Bound
                    }
                    State::Export(w) => {
                        if self.opts.warn_export_vars {
                            let msg = format!(
                                "variable {} exported from {}",
                                quote_var(name),
                                self.where_(w)
                            );
                            self.warning(at, msg);
                            State::Bound
                        } else {
                            State::Export(w)
                        }
                    }
                };
                out.insert(
                    name.to_string(),
                    Var {
                        state,
                        used: true,
                        locs: v.locs.clone(),
                    },
                );
            }
            None => {
                self.error(at, format!("variable {} is unbound", quote_var(name)));
                out.insert(name.to_string(), Var::bound(at, true));
            }
        }
        out
    }

    /// `expr/3`.
    pub(crate) fn expr(&mut self, e: &Expr, vt0: &Vt) -> Vt {
        match e {
            Expr::Var(s, n) => self.expr_var(*s, n, vt0),
            Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::String(..)
            | Expr::Nil(_) => Vt::new(),
            Expr::Cons(_, h, t) => self.expr_list([&**h, &**t], vt0),
            Expr::Tuple(_, es) => self.expr_list(es, vt0),
            Expr::Map(_, fields) => {
                self.no_exact_fields(fields);
                self.map_fields(fields, vt0)
            }
            Expr::MapUpdate(_, base, fields) => {
                let bvt = self.expr(base, vt0);
                let fvt = self.map_fields(fields, vt0);
                vt::update(&bvt, &fvt)
            }
            Expr::Record(s, name, fields) => self.record_expr(*s, name, fields, None, vt0),
            Expr::RecordUpdate(s, base, name, fields) => {
                self.record_expr(*s, name, fields, Some(base), vt0)
            }
            Expr::RecordField(s, base, name, field) => {
                let bvt = self.expr(base, vt0);
                self.record_field_ref(*s, Some(base), name, field);
                bvt
            }
            Expr::RecordIndex(s, name, field) => {
                self.record_field_ref(*s, None, name, field);
                Vt::new()
            }
            Expr::Binary(_, elems) => self.expr_bin(elems, vt0),
            Expr::BinOp(s, op @ (BinOp::AndAlso | BinOp::OrElse), l, r) => {
                let lvt = self.expr(l, vt0);
                let env = vt::update(&lvt, vt0);
                let rvt = self.expr(r, &env);
                let what = if *op == BinOp::AndAlso {
                    "andalso"
                } else {
                    "orelse"
                };
                let at = In {
                    what,
                    at: self.op_at(*s, l),
                };
                let rvt = vt::update(&vt::unsafe_new(at, &rvt, &env), &rvt);
                vt::merge(&lvt, &rvt)
            }
            Expr::BinOp(_, _, l, r) => self.expr_list([&**l, &**r], vt0),
            Expr::UnOp(_, _, x) => self.expr(x, vt0),
            Expr::Match(_, p, x) => {
                let evt = self.expr(x, vt0);
                let env = vt::update(&evt, vt0);
                let (pvt, pnew) = self.pattern(p, &env, &env);
                vt::update(&pnew, &vt::merge(&evt, &pvt))
            }
            Expr::Call(s, f, args) => self.call(*s, f, args, vt0),
            Expr::RemoteCall(s, m, f, args) => {
                if let (Expr::Atom(_, m), Expr::Atom(_, f)) = (&**m, &**f) {
                    self.check_remote_call(*s, m, f, args.len() as u32);
                }
                self.expr_list([&**m, &**f].into_iter().chain(args), vt0)
            }
            Expr::Case(s, x, clauses) => {
                let evt = self.expr(x, vt0);
                let env = vt::update(&evt, vt0);
                let cvt = self.icrt_clauses(
                    clauses,
                    In {
                        what: "case",
                        at: *s,
                    },
                    &env,
                );
                vt::merge(&evt, &cvt)
            }
            Expr::If(s, clauses) => self.icrt_clauses(clauses, In { what: "if", at: *s }, vt0),
            Expr::Receive(s, clauses, None) => self.icrt_clauses(
                clauses,
                In {
                    what: "receive",
                    at: *s,
                },
                vt0,
            ),
            Expr::Receive(s, clauses, Some((t, body))) => {
                let tvt = self.expr(t, vt0);
                let tevt = self.exprs(body, vt0);
                let mut all = vec![tevt];
                all.extend(clauses.iter().map(|c| self.icrt_clause(c, vt0)));
                let rvt = vt::export_clauses(
                    &all,
                    vt0,
                    In {
                        what: "receive",
                        at: *s,
                    },
                );
                vt::merge(&tvt, &rvt)
            }
            Expr::Try {
                span,
                body,
                of_clauses,
                catch_clauses,
                after,
            } => self.try_expr(*span, body, of_clauses, catch_clauses, after, vt0),
            Expr::Catch(s, x) => {
                let evt = self.expr(x, vt0);
                vt::update(
                    &vt::unsafe_new(
                        In {
                            what: "catch",
                            at: *s,
                        },
                        &evt,
                        vt0,
                    ),
                    &evt,
                )
            }
            Expr::Block(_, es) => self.exprs(es, vt0),
            Expr::Fun(s, None, clauses) => self.fun_clauses(*s, clauses, vt0),
            Expr::Fun(s, Some(name), clauses) => self.named_fun(*s, name, clauses, vt0),
            Expr::FunRef(s, m, f, a) => self.fun_ref(*s, m.as_deref(), f, a, vt0),
            Expr::ListComp(_, x, qs) | Expr::BinComp(_, x, qs) => self.comprehension(x, qs, vt0),
        }
    }

    /// A binary under construction: values and sizes side by side.
    fn expr_bin(&mut self, elems: &[crate::ast::BinElement], vt0: &Vt) -> Vt {
        let mut acc = Vt::new();
        for el in elems {
            let v = self.expr(&el.value, vt0);
            acc = vt::merge(&v, &acc);
            if let Some(sz) = &el.size {
                let v = self.expr(sz, vt0);
                acc = vt::merge(&v, &acc);
            }
            self.bit_type(el);
        }
        acc
    }

    /// Map construction takes `=>` only.
    pub(crate) fn no_exact_fields(&mut self, fields: &[MapField]) {
        for f in fields.iter().filter(|f| f.exact) {
            self.error(
                f.span,
                "only association operators '=>' are allowed in map construction",
            );
        }
    }

    fn map_fields(&mut self, fields: &[MapField], vt0: &Vt) -> Vt {
        let mut acc = Vt::new();
        for f in fields {
            let fvt = self.expr_list([&f.key, &f.value], vt0);
            acc = vt::merge_pat(&fvt, &acc);
        }
        acc
    }

    /// `icrt_clauses/4`: the clauses of `if`, `case`, `receive`; the
    /// construct exports what every clause binds.
    pub(crate) fn icrt_clauses(&mut self, clauses: &[Clause], what: In, vt0: &Vt) -> Vt {
        let cvts: Vec<Vt> = clauses.iter().map(|c| self.icrt_clause(c, vt0)).collect();
        vt::export_clauses(&cvts, vt0, what)
    }

    /// `icrt_clause/3`: one clause; its head may match bound variables.
    pub(crate) fn icrt_clause(&mut self, c: &Clause, vt0: &Vt) -> Vt {
        let (hvt, hnew) = self.head(&c.pats, vt0, vt0);
        let vt1 = vt::update(&hvt, &hnew);
        let gvt = self.guard(&c.guards, &vt::update(&vt1, vt0));
        let vt2 = vt::update(&gvt, &vt1);
        let bvt = self.exprs(&c.body, &vt::update(&vt2, vt0));
        vt::update(&bvt, &vt2)
    }

    fn catch_clause(&mut self, c: &CatchClause, vt0: &Vt) -> Vt {
        let mut pats: Vec<&Expr> = Vec::new();
        if let Some(class) = &c.class {
            pats.push(class);
        }
        pats.push(&c.reason);
        let (mut hvt, mut hnew) = (Vt::new(), Vt::new());
        for p in pats {
            let (a, b) = self.pattern(p, vt0, vt0);
            hvt = vt::merge_pat(&a, &hvt);
            hnew = vt::merge_pat(&hnew, &b);
        }
        let mut vt1 = vt::update(&hvt, &hnew);
        if let Some(Expr::Var(s, name)) = &c.stack {
            if name != "_" {
                if vt0.contains_key(name) || vt1.contains_key(name) {
                    let msg = format!(
                        "stacktrace variable {} must not be previously bound",
                        quote_var(name)
                    );
                    self.error(*s, msg);
                }
                let var = Var::bound(*s, false);
                vt1.insert(name.clone(), var);
            }
        }
        let stack = match &c.stack {
            Some(Expr::Var(_, n)) if n != "_" => Some(n.clone()),
            _ => None,
        };
        let genv = vt::update(&vt1, vt0);
        if let Some(stack) = &stack {
            let mut found = None;
            for alt in &c.guards {
                for t in alt {
                    find_var(t, stack, &mut found);
                }
            }
            if let Some(s) = found {
                let msg = format!(
                    "stacktrace variable {} must not be used in a guard",
                    quote_var(stack)
                );
                self.error(s, msg);
            }
        }
        let gvt = self.guard(&c.guards, &genv);
        let vt2 = vt::update(&gvt, &vt1);
        let bvt = self.exprs(&c.body, &vt::update(&vt2, vt0));
        vt::update(&bvt, &vt2)
    }

    fn try_expr(
        &mut self,
        s: Span,
        body: &[Expr],
        of_clauses: &[Clause],
        catch_clauses: &[CatchClause],
        after: &[Expr],
        vt0: &Vt,
    ) -> Vt {
        let what = In { what: "try", at: s };
        let evt0 = self.exprs(body, vt0);
        let uvt = vt::unsafe_new(what, &evt0, vt0);
        let env = vt::update(&evt0, vt0);
        let mut cvts: Vec<Vt> = of_clauses
            .iter()
            .map(|c| self.icrt_clause(c, &env))
            .collect();
        let cenv = vt::update(&uvt, &env);
        cvts.extend(catch_clauses.iter().map(|c| self.catch_clause(c, &cenv)));
        let rvt0 = vt::export_clauses(&cvts, &env, what);
        let rvt1 = vt::update(&vt::unsafe_new(what, &rvt0, vt0), &rvt0);
        let evt1 = vt::update(&uvt, &evt0);
        let evt2 = vt::merge(&evt1, &rvt1);
        let avt0 = self.exprs(after, &vt::update(&evt2, vt0));
        let avt1 = vt::update(&vt::unsafe_new(what, &avt0, vt0), &avt0);
        vt::merge(&evt2, &avt1)
    }

    /// `fun_clauses/3`: the clauses of a fun; their heads shadow.
    fn fun_clauses(&mut self, _s: Span, clauses: &[Clause], vt0: &Vt) -> Vt {
        let mut bvt = Vt::new();
        for c in clauses {
            let cvt = self.fun_clause(c, vt0);
            bvt = vt::merge(&cvt, &bvt);
        }
        vt::used_safe(&vt::old_in(&bvt, vt0))
    }

    fn fun_clause(&mut self, c: &Clause, vt0: &Vt) -> Vt {
        let (hvt, hnew) = self.head(&c.pats, vt0, &Vt::new());
        let vt1 = vt::update(&hvt, vt0);
        self.shadow_vars(&hnew, vt0, "'fun'");
        let vt2 = vt::update(&hnew, &vt::new_in(&vt1, &hnew));
        let gvt = self.guard(&c.guards, &vt2);
        let vt3 = vt::update(&gvt, &vt2);
        let bvt = self.exprs(&c.body, &vt3);
        let cvt = vt::update(&bvt, &vt3);
        self.unused_vars(&cvt, vt0);
        let svt = vt::old_in(&vt1, &hnew);
        self.old_unused_vars(&cvt, &svt);
        let vt4 = vt::merge(&svt, &vt::new_in(&cvt, &svt));
        vt::old_in(&vt4, vt0)
    }

    fn named_fun(&mut self, s: Span, name: &str, clauses: &[Clause], vt0: &Vt) -> Vt {
        if name == "_" {
            return self.fun_clauses(s, clauses, vt0);
        }
        let mut nvt0 = Vt::new();
        // erlc places the fun's name where the fun starts.
        nvt0.insert(name.to_string(), Var::bound(s, false));
        self.shadow_vars(&nvt0, vt0, "'named fun'");
        let nvt1 = vt::update(&nvt0, &vt::new_in(vt0, &nvt0));
        let csvt = self.fun_clauses(s, clauses, &nvt1);
        let all = vt::update(&csvt, &nvt0);
        self.unused_vars(&all, &Vt::new());
        vt::old_in(&csvt, vt0)
    }

    fn fun_ref(&mut self, s: Span, m: Option<&Expr>, f: &Expr, a: &Expr, vt0: &Vt) -> Vt {
        match (m, f, a) {
            (None, Expr::Atom(_, name), Expr::Integer(_, ar)) => {
                let ar = u32::try_from(ar).unwrap_or(u32::MAX);
                self.fun_ref_local(s, name, ar);
                Vt::new()
            }
            (Some(m), f, a) => {
                if let (Expr::Atom(_, mn), Expr::Atom(_, fname), Expr::Integer(_, ar)) = (m, f, a) {
                    let ar = u32::try_from(ar).unwrap_or(u32::MAX);
                    self.check_remote_call(s, mn, fname, ar);
                }
                self.expr_list([m, f, a], vt0)
            }
            _ => Vt::new(),
        }
    }

    /// `handle_comprehension/4`: generators shadow, and nothing bound
    /// inside a comprehension is visible after it.
    fn comprehension(&mut self, x: &Expr, qs: &[Qualifier], vt0: &Vt) -> Vt {
        let mut env = vt0.clone();
        let mut uvt = Vt::new();
        for q in qs {
            match q {
                Qualifier::Generator(p, e) | Qualifier::BinGenerator(p, e) => {
                    let evt = self.expr(e, &env);
                    let vt1 = vt::update(&vt::old_in(&evt, &env), &env);
                    self.unused_vars(&evt, &env);
                    let (pvt, pnew) = self.pattern(p, &vt1, &Vt::new());
                    let vt2 = vt::update(&pvt, &vt1);
                    self.shadow_vars(&pnew, &vt1, "generate");
                    let svt = vt::old_in(&vt2, &pnew);
                    self.old_unused_vars(&svt, &uvt);
                    uvt = vt::update(&vt::new_in(&svt, &uvt), &uvt);
                    env = vt::update(&pnew, &vt::new_in(&vt2, &pnew));
                }
                Qualifier::Filter(f) => {
                    let fvt = if self.is_guard_test(f, &env) {
                        self.guard_filters.insert(f.span());
                        self.guard_test(f, &env)
                    } else {
                        self.expr(f, &env)
                    };
                    env = vt::update(&fvt, &env);
                }
            }
        }
        let evt = self.expr(x, &env);
        let vt2 = vt::update(&evt, &env);
        self.old_unused_vars(&vt2, &uvt);
        self.unused_vars(&uvt, vt0);
        self.unused_vars(&vt2, vt0);
        let vt3 = vt::merge(&vt::new_in(&vt2, &uvt), &uvt);
        vt::used_safe(&vt::old_in(&vt3, vt0))
    }

    /// `shadow_vars/4`: new variables of a fun head or generator that were
    /// bound (safely) outside.
    fn shadow_vars(&mut self, new: &Vt, outer: &Vt, what: &str) {
        if !self.opts.warn_shadow_vars {
            return;
        }
        for (name, v) in new {
            let Some(o) = outer.get(name) else { continue };
            if matches!(o.state, State::Unsafe(_)) {
                continue;
            }
            if let Some(&at) = v.locs.first() {
                self.warning(
                    at,
                    format!("variable {} shadowed in {what}", quote_var(name)),
                );
            }
        }
    }

    /// `check_unused_vars/3`: variables of `vt` new since `before`, never used.
    pub(crate) fn unused_vars(&mut self, vt: &Vt, before: &Vt) {
        if !self.opts.warn_unused_vars {
            return;
        }
        for (name, v) in vt::new_in(vt, before) {
            self.warn_unused(&name, &v);
        }
    }

    /// `check_old_unused_vars/3`: variables of `vt` also in `old`, never used.
    fn old_unused_vars(&mut self, vt: &Vt, old: &Vt) {
        if !self.opts.warn_unused_vars {
            return;
        }
        for (name, v) in vt::old_in(vt, old) {
            self.warn_unused(&name, &v);
        }
    }

    fn warn_unused(&mut self, name: &str, v: &Var) {
        if v.used || name.starts_with('_') {
            return;
        }
        for &at in &v.locs {
            self.warning(at, format!("variable {} is unused", quote_var(name)));
        }
    }

    /// `(line L, column C)` after the construct's quoted keyword.
    pub(crate) fn where_(&self, w: In) -> String {
        let (line, col) = self.map.line_col(w.at);
        let kw = match w.what {
            "generate" => "generate".to_string(),
            k => format!("'{k}'"),
        };
        format!("{kw} (line {line}, column {col})")
    }
}

/// A variable name as `~w` prints it: quoted.
pub(crate) fn quote_var(name: &str) -> String {
    format!("'{name}'")
}

fn find_var(e: &Expr, name: &str, found: &mut Option<Span>) {
    if found.is_none() {
        *found = var_span(e, name);
    }
}

fn var_span(e: &Expr, name: &str) -> Option<Span> {
    match e {
        Expr::Var(s, n) if n == name => Some(*s),
        Expr::Call(_, f, args) => {
            var_span(f, name).or_else(|| args.iter().find_map(|a| var_span(a, name)))
        }
        Expr::BinOp(_, _, l, r) => var_span(l, name).or_else(|| var_span(r, name)),
        Expr::UnOp(_, _, x) => var_span(x, name),
        Expr::Tuple(_, es) => es.iter().find_map(|a| var_span(a, name)),
        Expr::Cons(_, h, t) => var_span(h, name).or_else(|| var_span(t, name)),
        _ => None,
    }
}
