//! Patterns (OTP `erl_lint:pattern/4`): what they may contain, which of
//! their variables are new and which match a bound variable.
//!
//! Every walk takes two tables: `vt`, where expressions inside the pattern
//! (binary segment sizes, map keys) look variables up, and `old`, the
//! variables a pattern variable matches instead of binding. In a `case`
//! clause both are the enclosing scope; in a fun head or a generator `old`
//! is empty, so the pattern's variables shadow, while sizes and keys still
//! read the enclosing scope. It returns the old variables it used and the
//! new ones it bound.

use super::expr::quote_var;
use super::vartable::{self as vt, State, Var, Vt};
use super::Linter;
use crate::ast::{BinElement, BinOp, BinSpec, Expr, UnOp};
use crate::source::Span;

impl Linter<'_> {
    /// A clause head: patterns side by side.
    pub(crate) fn head(&mut self, pats: &[Expr], env: &Vt, old: &Vt) -> (Vt, Vt) {
        let (mut pvt, mut pnew) = (Vt::new(), Vt::new());
        for p in pats {
            let (a, b) = self.pattern(p, env, old);
            pvt = vt::merge_pat(&a, &pvt);
            pnew = self.merge_new(&pnew, &b);
        }
        (pvt, pnew)
    }

    /// `vtmerge_pat/3` on new variables: one bound twice in a pattern is
    /// used, and an `_X` bound twice draws a warning.
    fn merge_new(&mut self, a: &Vt, b: &Vt) -> Vt {
        for (name, v) in b {
            if let Some(o) = a.get(name) {
                if name.starts_with('_') && self.opts.warn_underscore_match {
                    let mut locs = o.locs.clone();
                    locs.extend(v.locs.iter().copied());
                    for at in locs {
                        self.warning(
                            at,
                            format!(
                                "variable {} is bound multiple times in this pattern. If you mean \
                                 to ignore this value, use '_' or a different underscore-prefixed name",
                                quote_var(name)
                            ),
                        );
                    }
                }
            }
        }
        vt::merge_pat(a, b)
    }

    /// `pattern/4`.
    pub(crate) fn pattern(&mut self, p: &Expr, env: &Vt, old: &Vt) -> (Vt, Vt) {
        match p {
            Expr::Var(_, n) if n == "_" => (Vt::new(), Vt::new()),
            Expr::Var(s, n) => self.pat_var(*s, n, old, &Vt::new()),
            Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::String(..)
            | Expr::Nil(_) => (Vt::new(), Vt::new()),
            Expr::Cons(_, h, t) => {
                let (hvt, hnew) = self.pattern(h, env, old);
                let (tvt, tnew) = self.pattern(t, env, old);
                (vt::merge_pat(&hvt, &tvt), self.merge_new(&hnew, &tnew))
            }
            Expr::Tuple(_, ps) => self.head(ps, env, old),
            Expr::Map(_, fields) => {
                let (mut pvt, mut pnew) = (Vt::new(), Vt::new());
                for f in fields {
                    if !f.exact {
                        self.error(f.span, "illegal pattern");
                        continue;
                    }
                    let kvt = self.map_key(&f.key, env);
                    let (vvt, vnew) = self.pattern(&f.value, env, old);
                    pvt = vt::merge_pat(&vt::merge_pat(&kvt, &vvt), &pvt);
                    pnew = self.merge_new(&pnew, &vnew);
                }
                (pvt, pnew)
            }
            Expr::RecordIndex(s, name, field) => {
                self.record_field_ref(*s, None, name, field);
                (Vt::new(), Vt::new())
            }
            Expr::Record(s, name, fields) => {
                let (mut pvt, mut pnew) = (Vt::new(), Vt::new());
                if self.check_record_fields(*s, name, fields) {
                    for f in fields {
                        let (a, b) = self.pattern(&f.value, env, old);
                        pvt = vt::merge_pat(&a, &pvt);
                        pnew = self.merge_new(&pnew, &b);
                    }
                }
                (pvt, pnew)
            }
            Expr::Binary(_, elems) => self.pattern_bin(elems, env, old),
            Expr::BinOp(_, BinOp::Append, l, r) if is_literal_prefix(l) => {
                self.pattern(r, env, old)
            }
            Expr::Match(_, a, b) => {
                let (lvt, lnew) = self.pattern(a, env, old);
                let (rvt, rnew) = self.pattern(b, env, old);
                (vt::merge_pat(&lvt, &rvt), self.merge_new(&lnew, &rnew))
            }
            Expr::UnOp(s, ..) | Expr::BinOp(s, ..) => {
                if !is_pattern_expr(p) || crate::lower::const_literal(p).is_none() {
                    self.error(*s, "illegal pattern");
                }
                (Vt::new(), Vt::new())
            }
            other => {
                self.error(other.span(), "illegal pattern");
                (Vt::new(), Vt::new())
            }
        }
    }

    /// `pat_var/5`: a variable in a pattern, `old` being what it matches,
    /// `new` the variables bound earlier in the same binary pattern.
    fn pat_var(&mut self, at: Span, name: &str, old: &Vt, new: &Vt) -> (Vt, Vt) {
        let mut used = Vt::new();
        let mut fresh = Vt::new();
        if let Some(v) = new.get(name) {
            fresh.insert(
                name.to_string(),
                Var {
                    used: true,
                    ..v.clone()
                },
            );
            return (used, fresh);
        }
        match old.get(name) {
            Some(v) => {
                match v.state {
                    State::Bound => {
                        if name.starts_with('_') && self.opts.warn_underscore_match {
                            self.warning(
                                at,
                                format!(
                                    "variable {} is already bound. If you mean to ignore this \
                                     value, use '_' or a different underscore-prefixed name",
                                    quote_var(name)
                                ),
                            );
                        }
                    }
                    State::Unsafe(w) => {
                        let msg =
                            format!("variable {} unsafe in {}", quote_var(name), self.where_(w));
                        self.error(at, msg);
                    }
                    State::Export(w) => {
                        let msg = format!(
                            "variable {} exported from {}",
                            quote_var(name),
                            self.where_(w)
                        );
                        self.warning(at, msg);
                    }
                }
                used.insert(
                    name.to_string(),
                    Var {
                        state: State::Bound,
                        used: true,
                        locs: v.locs.clone(),
                    },
                );
            }
            None => {
                fresh.insert(name.to_string(), Var::bound(at, false));
            }
        }
        (used, fresh)
    }

    /// A map key in a pattern: a guard expression over the enclosing scope.
    fn map_key(&mut self, k: &Expr, env: &Vt) -> Vt {
        self.gexpr(k, env)
    }

    /// `pattern_bin/4`: segments bind left to right, and a segment's size
    /// may use variables bound by earlier segments.
    fn pattern_bin(&mut self, elems: &[BinElement], env: &Vt, old: &Vt) -> (Vt, Vt) {
        let (mut esvt, mut esnew) = (Vt::new(), Vt::new());
        let mut unsized_at: Option<Span> = None;
        for el in elems {
            if let Some(s) = unsized_at.take() {
                self.error(
                    s,
                    "a binary field without size is only allowed at the end of a binary pattern",
                );
            }
            let (pevt, penew) = match &el.value {
                Expr::Var(_, n) if n == "_" => (Vt::new(), Vt::new()),
                Expr::Var(s, n) => self.pat_var(*s, n, old, &esnew),
                Expr::String(..) | Expr::Integer(..) | Expr::Float(..) | Expr::Atom(..) => {
                    (Vt::new(), Vt::new())
                }
                e if is_pattern_expr(e) => (Vt::new(), Vt::new()),
                e => {
                    self.error(e.span(), "illegal pattern");
                    (Vt::new(), Vt::new())
                }
            };
            let (szvt, sznew) = match &el.size {
                None => (Vt::new(), Vt::new()),
                Some(Expr::Var(s, n)) => self.bin_size_var(*s, n, env, &esnew),
                Some(e) => {
                    let mut inner = env.clone();
                    for (k, v) in &esnew {
                        inner.insert(k.clone(), v.clone());
                    }
                    (self.gexpr(e, &inner), Vt::new())
                }
            };
            self.bit_type(el);
            if el.size.is_none() && is_all_sized(el) && !matches!(el.value, Expr::String(..)) {
                unsized_at = Some(el.span);
            }
            esvt = vt::merge(&szvt, &vt::merge(&pevt, &esvt));
            esnew = vt::merge(&sznew, &vt::merge(&esnew, &penew));
        }
        (esvt, esnew)
    }

    /// `pat_binsize_var/5`: a size variable is one bound earlier in the same
    /// binary, or in the enclosing scope (read as an expression reads it,
    /// but left plainly bound).
    fn bin_size_var(&mut self, at: Span, name: &str, env: &Vt, new: &Vt) -> (Vt, Vt) {
        if let Some(v) = new.get(name) {
            let mut fresh = Vt::new();
            fresh.insert(
                name.to_string(),
                Var {
                    used: true,
                    ..v.clone()
                },
            );
            return (Vt::new(), fresh);
        }
        let mut used = self.expr_var(at, name, env);
        for v in used.values_mut() {
            v.state = State::Bound;
        }
        (used, Vt::new())
    }

    /// The type specifiers of a segment (`bit_type/4`).
    pub(crate) fn bit_type(&mut self, el: &BinElement) {
        const KNOWN: &[&str] = &[
            "integer",
            "float",
            "binary",
            "bytes",
            "bitstring",
            "bits",
            "utf8",
            "utf16",
            "utf32",
            "signed",
            "unsigned",
            "big",
            "little",
            "native",
        ];
        for sp in &el.specs {
            if let BinSpec::Name(n) = sp {
                if !KNOWN.contains(&n.as_str()) {
                    self.error(el.span, format!("bit type {n} undefined"));
                }
            }
        }
    }
}

/// The left side of a `++` pattern: a string, or a list of character and
/// integer literals written as a list.
fn is_literal_prefix(e: &Expr) -> bool {
    match e {
        Expr::String(..) | Expr::Nil(_) => true,
        Expr::Cons(_, h, t) => matches!(**h, Expr::Integer(..)) && is_literal_prefix(t),
        _ => false,
    }
}

/// `is_pattern_expr/1`: arithmetic on number literals.
fn is_pattern_expr(e: &Expr) -> bool {
    match e {
        Expr::Integer(..) | Expr::Float(..) => true,
        Expr::UnOp(_, op, x) => {
            matches!(op, UnOp::Neg | UnOp::Plus | UnOp::Bnot) && is_pattern_expr(x)
        }
        Expr::BinOp(_, op, l, r) => {
            matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::FDiv
                    | BinOp::IDiv
                    | BinOp::Rem
                    | BinOp::Band
                    | BinOp::Bor
                    | BinOp::Bxor
                    | BinOp::Bsl
                    | BinOp::Bsr
            ) && is_pattern_expr(l)
                && is_pattern_expr(r)
        }
        _ => false,
    }
}

/// A segment whose type takes the rest of the binary when it has no size.
fn is_all_sized(el: &BinElement) -> bool {
    el.specs
        .iter()
        .any(|s| matches!(s, BinSpec::Name(n) if matches!(n.as_str(), "binary" | "bytes" | "bitstring" | "bits")))
}
