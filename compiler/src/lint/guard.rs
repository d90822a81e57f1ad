//! Guards (OTP `erl_lint:guard/3`, `guard_test/3`, `gexpr/3`): the guard
//! language is literals, bound variables, term constructors, records,
//! arithmetic, comparison and boolean operators, and the guard BIFs. The
//! old type tests (`atom(X)`, `record(X, r)`...) are accepted as whole
//! tests, with a warning.

use super::vartable::{self as vt, Vt};
use super::Linter;
use crate::ast::{BinOp, Expr, UnOp};
use crate::lower::bifs;

/// `erl_internal:old_type_test/2`, without `record/2` (handled apart).
const OLD_TYPE_TESTS: &[&str] = &[
    "atom",
    "binary",
    "float",
    "function",
    "integer",
    "list",
    "number",
    "pid",
    "port",
    "reference",
    "tuple",
];

/// True for an old one-argument type test, `atom(X)` and friends.
pub fn is_old_type_test(name: &str, arity: usize) -> bool {
    arity == 1 && OLD_TYPE_TESTS.contains(&name)
}

impl Linter<'_> {
    /// A whole guard: `;`-separated alternatives of `,`-separated tests.
    pub(crate) fn guard(&mut self, guards: &[Vec<Expr>], vt0: &Vt) -> Vt {
        let mut acc = Vt::new();
        let mut env = vt0.clone();
        for alt in guards {
            for t in alt {
                let gvt = self.guard_test(t, &env);
                env = vt::update(&gvt, &env);
                acc = vt::update(&gvt, &acc);
            }
        }
        acc
    }

    /// One guard test.
    pub(crate) fn guard_test(&mut self, t: &Expr, vt0: &Vt) -> Vt {
        if let Expr::Call(s, f, args) = t {
            if let Expr::Atom(_, name) = &**f {
                let n = args.len();
                let local = self.is_local_or_imported(name, n as u32);
                if name == "record" && n == 2 && !local {
                    self.warning(*s, "record/2 obsolete (use is_record/2)");
                    return self.gexpr_is_record(*s, args, vt0);
                }
                if is_old_type_test(name, n) && !local {
                    self.warning(*s, format!("{name}/1 obsolete (use is_{name}/1)"));
                    return self.gexpr_list(args, vt0);
                }
                if is_old_type_test(name, n) && local {
                    let avt = self.gexpr_list(args, vt0);
                    let msg = format!(
                        "obsolete guard {name}/1 (overridden by local definition or import)"
                    );
                    self.error(*s, msg);
                    return avt;
                }
            }
        }
        self.gexpr(t, vt0)
    }

    /// `gexpr_list/3`: guard expressions side by side.
    pub(crate) fn gexpr_list<'e>(
        &mut self,
        es: impl IntoIterator<Item = &'e Expr>,
        vt0: &Vt,
    ) -> Vt {
        let mut acc = Vt::new();
        for e in es {
            let v = self.gexpr(e, vt0);
            acc = vt::merge_pat(&v, &acc);
        }
        acc
    }

    fn gexpr_is_record(&mut self, s: crate::source::Span, args: &[Expr], vt0: &Vt) -> Vt {
        match args {
            [e, Expr::Atom(at, name)] => {
                let v = self.gexpr(e, vt0);
                self.use_record(*at, name);
                v
            }
            [e, Expr::Atom(at, name), Expr::Integer(..)] => {
                let v = self.gexpr(e, vt0);
                let _ = (at, name);
                v
            }
            _ => {
                let v = self.gexpr_list(args, vt0);
                self.error(s, "illegal guard expression");
                v
            }
        }
    }

    /// `gexpr/3`: an expression inside a guard.
    pub(crate) fn gexpr(&mut self, e: &Expr, vt0: &Vt) -> Vt {
        match e {
            Expr::Var(s, n) => self.expr_var(*s, n, vt0),
            Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::String(..)
            | Expr::Nil(_) => Vt::new(),
            Expr::Cons(_, h, t) => self.gexpr_list([&**h, &**t], vt0),
            Expr::Tuple(_, es) => self.gexpr_list(es, vt0),
            Expr::Map(_, fields) => {
                self.no_exact_fields(fields);
                self.gexpr_list(fields.iter().flat_map(|f| [&f.key, &f.value]), vt0)
            }
            Expr::MapUpdate(_, base, fields) => {
                let b = self.gexpr(base, vt0);
                let f = self.gexpr_list(fields.iter().flat_map(|f| [&f.key, &f.value]), vt0);
                vt::update(&b, &f)
            }
            Expr::Record(s, name, fields) => self.record_gexpr(*s, name, fields, vt0),
            Expr::RecordIndex(s, name, field) => {
                self.record_field_ref(*s, None, name, field);
                Vt::new()
            }
            Expr::RecordField(s, base, name, field) => {
                let v = self.gexpr(base, vt0);
                self.record_field_ref(*s, Some(base), name, field);
                v
            }
            Expr::Binary(_, elems) => {
                let mut acc = Vt::new();
                for el in elems {
                    let v = self.gexpr(&el.value, vt0);
                    acc = vt::merge_pat(&v, &acc);
                    if let Some(sz) = &el.size {
                        let v = self.gexpr(sz, vt0);
                        acc = vt::merge_pat(&v, &acc);
                    }
                    self.bit_type(el);
                }
                acc
            }
            Expr::Call(s, f, args) => match &**f {
                Expr::Atom(_, name) if name == "is_record" => self.gexpr_is_record(*s, args, vt0),
                Expr::Atom(_, name) => {
                    let avt = self.gexpr_list(args, vt0);
                    let n = args.len() as u32;
                    if bifs::is_guard_bif(name, n) && self.no_guard_bif_clash(name, n) {
                        // A guard BIF, auto-imported or imported from erlang.
                    } else if self.is_local_or_imported(name, n) {
                        self.error(
                            *s,
                            format!(
                                "call to local/imported function {name}/{n} is illegal in guard"
                            ),
                        );
                    } else if !bifs::is_guard_bif(name, n) {
                        self.error(*s, "illegal guard expression");
                    }
                    avt
                }
                _ => {
                    self.error(*s, "illegal guard expression");
                    Vt::new()
                }
            },
            Expr::RemoteCall(s, m, f, args) => match (&**m, &**f) {
                (Expr::Atom(_, m), Expr::Atom(_, name)) if m == "erlang" => {
                    if name == "is_record" {
                        return self.gexpr_is_record(*s, args, vt0);
                    }
                    let avt = self.gexpr_list(args, vt0);
                    let n = args.len() as u32;
                    if !bifs::is_guard_bif(name, n) && !is_operator_name(name, n) {
                        self.error(*s, "illegal guard expression");
                    }
                    avt
                }
                _ => {
                    self.error(*s, "illegal guard expression");
                    Vt::new()
                }
            },
            Expr::UnOp(_, _, x) => self.gexpr(x, vt0),
            Expr::BinOp(_, BinOp::AndAlso | BinOp::OrElse, l, r) => {
                self.gexpr_list([&**l, &**r], vt0)
            }
            Expr::BinOp(s, op, l, r) => {
                let v = self.gexpr_list([&**l, &**r], vt0);
                if matches!(op, BinOp::Append | BinOp::Subtract | BinOp::Send) {
                    let at = self.op_at(*s, l);
                    self.error(at, "illegal guard expression");
                }
                v
            }
            other => {
                let at = match other {
                    Expr::Match(s, l, _) => self.op_at(*s, l),
                    _ => other.span(),
                };
                self.error(at, "illegal guard expression");
                Vt::new()
            }
        }
    }

    /// `erl_lint:no_guard_bif_clash/2`: a guard BIF called by its bare name
    /// is the BIF unless a local function, an import from another module,
    /// or `no_auto_import` (without an import from erlang) hides it.
    fn no_guard_bif_clash(&self, name: &str, n: u32) -> bool {
        let key = (name.to_string(), n);
        let from_erlang = self.imports.get(&key).is_some_and(|m| m == "erlang");
        !self.locals.contains(&key)
            && (!self.imports.contains_key(&key) || from_erlang)
            && (!self.auto_import_suppressed(name, n) || from_erlang)
    }

    /// Whether a comprehension filter is a guard test (then a failing
    /// test filters the element out instead of raising).
    pub(crate) fn is_guard_test(&self, e: &Expr, _vt: &Vt) -> bool {
        self.guard_legal(e, true)
    }

    fn guard_legal(&self, e: &Expr, top: bool) -> bool {
        match e {
            Expr::Var(..)
            | Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::String(..)
            | Expr::Nil(_) => true,
            Expr::Cons(_, h, t) => self.guard_legal(h, false) && self.guard_legal(t, false),
            Expr::Tuple(_, es) => es.iter().all(|x| self.guard_legal(x, false)),
            Expr::Map(_, fs) => fs.iter().all(|f| {
                !f.exact && self.guard_legal(&f.key, false) && self.guard_legal(&f.value, false)
            }),
            Expr::MapUpdate(_, b, fs) => {
                self.guard_legal(b, false)
                    && fs.iter().all(|f| {
                        self.guard_legal(&f.key, false) && self.guard_legal(&f.value, false)
                    })
            }
            Expr::Record(_, name, fs) => {
                self.records.contains_key(name)
                    && fs.iter().all(|f| self.guard_legal(&f.value, false))
                    && self
                        .unset_defaults(name, fs)
                        .iter()
                        .all(|d| self.guard_legal(d, false))
            }
            Expr::RecordIndex(_, name, _) => self.records.contains_key(name),
            Expr::RecordField(_, b, name, _) => {
                self.records.contains_key(name) && self.guard_legal(b, false)
            }
            Expr::Binary(_, els) => els.iter().all(|el| {
                self.guard_legal(&el.value, false)
                    && el.size.as_ref().is_none_or(|s| self.guard_legal(s, false))
            }),
            Expr::Call(_, f, args) => {
                let Expr::Atom(_, name) = &**f else {
                    return false;
                };
                let n = args.len() as u32;
                let local = self.is_local_or_imported(name, n);
                let ok = (bifs::is_guard_bif(name, n) && self.no_guard_bif_clash(name, n))
                    || (top
                        && !local
                        && (is_old_type_test(name, args.len()) || (name == "record" && n == 2)));
                ok && args.iter().all(|a| self.guard_legal(a, false))
            }
            Expr::RemoteCall(_, m, f, args) => match (&**m, &**f) {
                (Expr::Atom(_, m), Expr::Atom(_, name)) if m == "erlang" => {
                    let n = args.len() as u32;
                    (bifs::is_guard_bif(name, n) || is_operator_name(name, n))
                        && args.iter().all(|a| self.guard_legal(a, false))
                }
                _ => false,
            },
            Expr::UnOp(_, op, x) => {
                matches!(op, UnOp::Neg | UnOp::Plus | UnOp::Not | UnOp::Bnot)
                    && self.guard_legal(x, false)
            }
            Expr::BinOp(_, op, l, r) => {
                !matches!(op, BinOp::Append | BinOp::Subtract | BinOp::Send)
                    && self.guard_legal(l, false)
                    && self.guard_legal(r, false)
            }
            _ => false,
        }
    }
}

/// `erlang:'+'/2` and the other operators called by name.
fn is_operator_name(name: &str, arity: u32) -> bool {
    let binary = [
        "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "and", "or", "xor",
        "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=",
    ];
    let unary = ["-", "+", "bnot", "not"];
    (arity == 2 && binary.contains(&name)) || (arity == 1 && unary.contains(&name))
}
