//! Patterns: each is compiled to tests that jump to `fail` on mismatch and
//! moves that bind new variables. Whether a variable occurrence binds or
//! compares is decided here, statically, from the set of bound variables.

use super::const_literal;
use super::func::Tgt;
use super::Lowerer;
use crate::ast::{BinOp, Expr, UnOp};
use crate::bytecode::{CmpOp, Instr, Label, Literal, Src, TypeTest};

impl Lowerer<'_, '_, '_> {
    /// Matches `p` against `src`, jumping to `fail` on mismatch.
    pub(crate) fn pattern(&mut self, p: &Expr, src: Src, fail: Label) {
        // Map patterns match any map with the keys, not only equal maps.
        if !matches!(p, Expr::Var(..) | Expr::Map(..)) {
            if let Some(l) = const_literal(p) {
                let lit = self.src_of_literal(l);
                self.emit(Instr::Test {
                    op: CmpOp::ExactEq,
                    a: src,
                    b: lit,
                    fail,
                });
                return;
            }
        }
        match p {
            Expr::Var(s, name) => {
                if name == "_" {
                    return;
                }
                // A fresh variable matched against an argument of the
                // function being entered names the argument's slot.
                if let (Src::Reg(r), Some(aliases)) = (src, self.f.clause_aliases.as_mut()) {
                    if (r as u32) < self.f.arity
                        && !self.f.bound.contains(name)
                        && !self.f.vars.contains_key(name)
                        && !self.f.unsafe_vars.contains_key(name)
                    {
                        aliases.push(name.clone());
                        self.f.vars.insert(name.clone(), r);
                        self.f.bound.insert(name.clone());
                        return;
                    }
                }
                if self.f.bound.contains(name) {
                    let r = self.f.vars[name];
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: src,
                        b: Src::Reg(r),
                        fail,
                    });
                } else {
                    // The lint has checked every use: an unsafe variable
                    // named in a pattern is a new binding here (a sibling
                    // expression's, or another clause's).
                    let _ = s;
                    self.f.unsafe_vars.remove(name);
                    let r = self.var_slot(name);
                    self.emit(Instr::Move { src, dst: r });
                    self.f.bound.insert(name.clone());
                }
            }
            Expr::Atom(..) | Expr::Integer(..) | Expr::Float(..) | Expr::Nil(_) => {
                let lit = self.src_of_literal(const_literal(p).expect("literal"));
                self.emit(Instr::Test {
                    op: CmpOp::ExactEq,
                    a: src,
                    b: lit,
                    fail,
                });
            }
            Expr::String(s, chars) => {
                if chars.is_empty() {
                    self.pattern(&Expr::Nil(*s), src, fail);
                } else {
                    let lit = self.src_of_literal(Literal::String(chars.clone()));
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: src,
                        b: lit,
                        fail,
                    });
                }
            }
            Expr::UnOp(s, op, x) => match (op, &**x) {
                (UnOp::Neg | UnOp::Plus, Expr::Integer(..) | Expr::Float(..)) => {
                    let l = const_literal(p).expect("negated literal");
                    let lit = self.src_of_literal(l);
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: src,
                        b: lit,
                        fail,
                    });
                }
                _ => self.error(*s, "illegal pattern"),
            },
            Expr::Cons(_, h, t) => {
                if let Some(l) = const_literal(p) {
                    let lit = self.src_of_literal(l);
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: src,
                        b: lit,
                        fail,
                    });
                    return;
                }
                self.emit(Instr::TypeTest {
                    test: TypeTest::Cons,
                    src,
                    fail,
                });
                let (hd, h_done) = self.extract_dst(h);
                let (tl, t_done) = self.extract_dst(t);
                self.emit(Instr::GetList { src, hd, tl });
                if !h_done {
                    self.pattern(h, Src::Reg(hd), fail);
                }
                if !t_done {
                    self.pattern(t, Src::Reg(tl), fail);
                }
            }
            Expr::Tuple(_, elems) => {
                self.emit(Instr::IsTupleOf {
                    src,
                    arity: elems.len() as u32,
                    fail,
                });
                for (i, e) in elems.iter().enumerate() {
                    if matches!(e, Expr::Var(_, n) if n == "_") {
                        continue;
                    }
                    let (t, done) = self.extract_dst(e);
                    self.emit(Instr::GetElement {
                        src,
                        index: i as u32,
                        dst: t,
                    });
                    if !done {
                        self.pattern(e, Src::Reg(t), fail);
                    }
                }
            }
            Expr::Map(s, fields) => {
                self.emit(Instr::TypeTest {
                    test: TypeTest::Map,
                    src,
                    fail,
                });
                for f in fields {
                    if !f.exact {
                        self.error(*s, "illegal pattern");
                        continue;
                    }
                    let saved = self.f.guard_fail.replace(fail);
                    let key = self.src(&f.key);
                    self.f.guard_fail = saved;
                    let t = self.temp();
                    self.emit(Instr::GetMapValue {
                        src,
                        key,
                        dst: t,
                        fail,
                    });
                    self.pattern(&f.value, Src::Reg(t), fail);
                }
            }
            Expr::Match(_, a, b) => {
                self.pattern(a, src, fail);
                self.pattern(b, src, fail);
            }
            Expr::BinOp(s, BinOp::Append, l, r) => match &**l {
                Expr::String(_, chars) => {
                    let mut e = (**r).clone();
                    for &c in chars.iter().rev() {
                        e = Expr::Cons(*s, Box::new(Expr::Integer(*s, c.into())), Box::new(e));
                    }
                    self.pattern(&e, src, fail);
                }
                Expr::Nil(_) => self.pattern(r, src, fail),
                // `[$a, 1089] ++ T`: a list of literals, matched element by element.
                Expr::Cons(cs, h, t) => {
                    let rest = Expr::BinOp(*s, BinOp::Append, t.clone(), r.clone());
                    let e = Expr::Cons(*cs, h.clone(), Box::new(rest));
                    self.pattern(&e, src, fail);
                }
                _ => self.error(*s, "illegal pattern"),
            },
            Expr::Record(s, name, fields) => self.record_pattern(*s, name, fields, src, fail),
            Expr::RecordIndex(s, name, field) => {
                if let Some(i) = self.record_field_index(*s, name, field) {
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: src,
                        b: Src::Int(i as i64),
                        fail,
                    });
                }
            }
            Expr::Binary(_, segs) => self.binary_pattern(segs, src, fail),
            other => self.error(other.span(), "illegal pattern"),
        }
    }

    /// Where to extract a sub-term to: straight into a fresh variable's slot
    /// (then the sub-pattern is done, `true`), else into a new temporary.
    fn extract_dst(&mut self, p: &Expr) -> (crate::bytecode::Reg, bool) {
        if let Expr::Var(_, name) = p {
            if name != "_" && !self.f.bound.contains(name) {
                self.f.unsafe_vars.remove(name);
                let r = self.var_slot(name);
                self.f.bound.insert(name.clone());
                return (r, true);
            }
        }
        (self.temp(), false)
    }

    /// A literal as an operand (small integers inline).
    pub(crate) fn src_of_literal(&mut self, l: Literal) -> Src {
        use num_traits::ToPrimitive;
        match &l {
            Literal::Nil => Src::Nil,
            Literal::Int(i) if i.to_i64().is_some() => Src::Int(i.to_i64().unwrap()),
            _ => Src::Lit(self.literal(l)),
        }
    }

    /// Matches a pattern whose failure raises `{badmatch, V}`.
    pub(crate) fn match_or_badmatch(&mut self, p: &Expr, src: Src) {
        let fail = self.new_label();
        let ok = self.new_label();
        self.pattern(p, src, fail);
        self.emit(Instr::Jump { to: ok });
        self.bind(fail);
        self.emit(Instr::RaiseError {
            kind: crate::bytecode::instr::RAISE_BADMATCH,
            value: src,
        });
        self.bind(ok);
    }

    /// `P = E`.
    pub(crate) fn match_expr(&mut self, p: &Expr, e: &Expr, tgt: Tgt) {
        // A fresh variable on the left: compute straight into its slot.
        if let Expr::Var(_, name) = p {
            if name != "_" && !self.f.bound.contains(name) {
                self.f.unsafe_vars.remove(name);
                let r = self.var_slot(name);
                self.expr(e, Tgt::Reg(r));
                self.f.bound.insert(name.clone());
                self.finish_to(Src::Reg(r), tgt);
                return;
            }
        }
        let mark = self.mark();
        let v = self.src(e);
        self.match_or_badmatch(p, v);
        self.finish_to(v, tgt);
        self.release(mark);
    }
}
