//! Expressions. Each is lowered into a target ([`Tgt`]): a slot, or the
//! function's return (tail position, where calls become last calls).
//! In guard mode (`guard_fail` set) every failing operation jumps to the
//! guard's fail label instead of raising.

use super::bifs;
use super::comprehension::{self, Fresh};
use super::const_literal;
use super::func::{SelfFun, Tgt};
use super::Lowerer;
use crate::ast::{BinOp, CatchClause, Clause, Expr, MapField, UnOp};
use crate::bytecode::instr::{RAISE_BADARG, RAISE_CASE_CLAUSE, RAISE_IF_CLAUSE, RAISE_TRY_CLAUSE};
use crate::bytecode::{ArithOp, CmpOp, Function, Instr, Label, Lambda, Reg, Src, NO_FAIL};
use crate::source::Span;
use std::collections::{BTreeSet, HashSet};

fn arith_op(op: BinOp) -> Option<ArithOp> {
    Some(match op {
        BinOp::Add => ArithOp::Add,
        BinOp::Sub => ArithOp::Sub,
        BinOp::Mul => ArithOp::Mul,
        BinOp::FDiv => ArithOp::FDiv,
        BinOp::IDiv => ArithOp::IDiv,
        BinOp::Rem => ArithOp::Rem,
        BinOp::Band => ArithOp::Band,
        BinOp::Bor => ArithOp::Bor,
        BinOp::Bxor => ArithOp::Bxor,
        BinOp::Bsl => ArithOp::Bsl,
        BinOp::Bsr => ArithOp::Bsr,
        _ => return None,
    })
}

pub(crate) fn cmp_op(op: BinOp) -> Option<CmpOp> {
    Some(match op {
        BinOp::Eq => CmpOp::Eq,
        BinOp::Ne => CmpOp::Ne,
        BinOp::ExactEq => CmpOp::ExactEq,
        BinOp::ExactNe => CmpOp::ExactNe,
        BinOp::Lt => CmpOp::Lt,
        BinOp::Le => CmpOp::Le,
        BinOp::Gt => CmpOp::Gt,
        BinOp::Ge => CmpOp::Ge,
        _ => return None,
    })
}

fn bif_name(op: BinOp) -> &'static str {
    match op {
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::Xor => "xor",
        BinOp::Append => "++",
        BinOp::Subtract => "--",
        BinOp::Send => "!",
        _ => unreachable!("not a BIF operator"),
    }
}

impl Lowerer<'_, '_, '_> {
    fn fail_label(&self) -> Label {
        self.f.guard_fail.unwrap_or(NO_FAIL)
    }

    /// The value of `e` as an operand: variables and constants directly,
    /// anything else computed into a new temporary.
    pub(crate) fn src(&mut self, e: &Expr) -> Src {
        match e {
            Expr::Var(s, name) if name != "_" => {
                if self.f.bound.contains(name) {
                    return Src::Reg(self.f.vars[name]);
                }
                if self.f.self_fun.as_ref().is_some_and(|sf| &sf.name == name) {
                    let t = self.temp();
                    self.expr(e, Tgt::Reg(t));
                    return Src::Reg(t);
                }
                self.unbound(*s, name);
                Src::Nil
            }
            _ => {
                if let Some(l) = const_literal(e) {
                    return self.src_of_literal(l);
                }
                let t = self.temp();
                self.expr(e, Tgt::Reg(t));
                Src::Reg(t)
            }
        }
    }

    fn unbound(&mut self, s: Span, name: &str) {
        match self.f.unsafe_vars.get(name).cloned() {
            Some(w) => self.error(s, format!("variable '{name}' unsafe in {w}")),
            None => self.error(s, format!("variable '{name}' is unbound")),
        }
    }

    /// Lowers `e` into `tgt`.
    pub(crate) fn expr(&mut self, e: &Expr, tgt: Tgt) {
        if let Some(l) = const_literal(e) {
            let s = self.src_of_literal(l);
            self.finish_to(s, tgt);
            return;
        }
        match e {
            Expr::Var(s, name) => {
                if name == "_" {
                    self.error(*s, "variable '_' is unbound");
                    return;
                }
                if !self.f.bound.contains(name) {
                    if let Some(sf) = self.f.self_fun.clone().filter(|sf| &sf.name == name) {
                        let dst = self.dst_for(tgt);
                        let env = sf.env.iter().map(|&r| Src::Reg(r)).collect();
                        self.emit(Instr::MakeFun {
                            lambda: sf.lambda,
                            env,
                            dst,
                        });
                        self.done(dst, tgt);
                        return;
                    }
                }
                let s = self.src(e);
                self.finish_to(s, tgt);
            }
            Expr::Cons(s, h, t) => {
                self.set_line(*s);
                let mark = self.mark();
                let dst = self.dst_for(tgt);
                let hs = self.src(h);
                let ts = self.src(t);
                self.emit(Instr::PutList {
                    head: hs,
                    tail: ts,
                    dst,
                });
                self.release(mark.max(dst as u32 + 1));
                self.done(dst, tgt);
            }
            Expr::String(..)
            | Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::Nil(_) => {
                unreachable!("constants are handled above")
            }
            Expr::Tuple(_, elems) => {
                let dst = self.dst_for(tgt);
                let mark = self.mark();
                let srcs: Vec<Src> = elems.iter().map(|x| self.src(x)).collect();
                self.emit(Instr::PutTuple {
                    elems: srcs.into(),
                    dst,
                });
                self.release(mark);
                self.done(dst, tgt);
            }
            Expr::Map(s, fields) => {
                self.set_line(*s);
                let dst = self.dst_for(tgt);
                let mark = self.mark();
                let mut pairs = Vec::new();
                for f in fields {
                    if f.exact {
                        self.error(
                            f.span,
                            "only association operators '=>' are allowed in map construction",
                        );
                    }
                    let k = self.src(&f.key);
                    let v = self.src(&f.value);
                    pairs.push((k, v));
                }
                self.emit(Instr::PutMap {
                    pairs: pairs.into(),
                    dst,
                });
                self.release(mark);
                self.done(dst, tgt);
            }
            Expr::MapUpdate(s, base, fields) => self.map_update(*s, base, fields, tgt),
            Expr::Record(s, name, fields) => self.record_new(*s, name, fields, tgt),
            Expr::RecordUpdate(s, base, name, fields) => {
                self.record_update(*s, base, name, fields, tgt)
            }
            Expr::RecordField(s, base, name, field) => {
                self.record_access(*s, base, name, field, tgt)
            }
            Expr::RecordIndex(s, name, field) => {
                let i = self.record_field_index(*s, name, field).unwrap_or(0);
                self.finish_to(Src::Int(i as i64), tgt);
            }
            Expr::Binary(s, segs) => self.binary_construct(*s, segs, tgt),
            Expr::BinOp(s, op, l, r) => self.binop(*s, *op, l, r, tgt),
            Expr::UnOp(s, op, x) => {
                self.set_line(*s);
                let mark = self.mark();
                let dst = self.dst_for(tgt);
                let a = self.src(x);
                let fail = self.fail_label();
                match op {
                    UnOp::Not => {
                        let imp = self.import("erlang", "not", 1);
                        self.emit(Instr::Bif {
                            import: imp,
                            args: vec![a].into(),
                            last_use: 0,
                            dst,
                            fail,
                        });
                    }
                    _ => {
                        let code = match op {
                            UnOp::Neg => 0,
                            UnOp::Plus => 1,
                            _ => 2,
                        };
                        self.emit(Instr::Unary {
                            op: code,
                            a,
                            dst,
                            fail,
                        });
                    }
                }
                self.release(mark.max(dst as u32 + 1));
                self.done(dst, tgt);
            }
            Expr::Match(_, p, x) => {
                if self.f.guard_fail.is_some() {
                    self.error(e.span(), "illegal guard expression");
                    return;
                }
                self.match_expr(p, x, tgt)
            }
            Expr::Call(s, f, args) => self.call(*s, f, args, tgt),
            Expr::RemoteCall(s, m, f, args) => self.remote_call(*s, m, f, args, tgt),
            Expr::Case(s, subject, clauses) => {
                self.no_guard(*s);
                self.set_line(*s);
                let mark = self.mark();
                let v = self.src(subject);
                self.case_clauses(*s, "case", v, clauses, tgt, |lw, v| {
                    lw.emit(Instr::RaiseError {
                        kind: RAISE_CASE_CLAUSE,
                        value: v,
                    })
                });
                self.release(mark);
            }
            Expr::If(s, clauses) => {
                self.no_guard(*s);
                self.set_line(*s);
                self.case_clauses(*s, "if", Src::Nil, clauses, tgt, |lw, _| {
                    lw.emit(Instr::RaiseError {
                        kind: RAISE_IF_CLAUSE,
                        value: Src::Nil,
                    })
                });
            }
            Expr::Receive(s, clauses, after) => {
                self.no_guard(*s);
                self.receive(*s, clauses, after.as_ref(), tgt)
            }
            Expr::Try {
                span,
                body,
                of_clauses,
                catch_clauses,
                after,
            } => {
                self.no_guard(*span);
                self.try_expr(*span, body, of_clauses, catch_clauses, after, tgt)
            }
            Expr::Catch(s, x) => {
                self.no_guard(*s);
                self.catch_expr(*s, x, tgt)
            }
            Expr::Block(s, body) => {
                self.no_guard(*s);
                self.body(body, tgt)
            }
            Expr::Fun(s, name, clauses) => {
                self.no_guard(*s);
                self.lambda(*s, name.as_deref(), clauses, tgt)
            }
            Expr::FunRef(s, m, f, a) => self.fun_ref(*s, m.as_deref(), f, a, tgt),
            Expr::ListComp(s, x, qs) => {
                self.no_guard(*s);
                let filters = self.m.guard_filters;
                let guardish = |e: &Expr| filters.contains(&e.span());
                let mut counter = self.m.fresh;
                let d =
                    comprehension::list_comp(*s, x, qs, &mut Fresh::new(&mut counter), &guardish);
                self.m.fresh = counter;
                self.expr(&d, tgt)
            }
            Expr::BinComp(s, x, qs) => {
                self.no_guard(*s);
                let filters = self.m.guard_filters;
                let guardish = |e: &Expr| filters.contains(&e.span());
                let mut counter = self.m.fresh;
                let d =
                    comprehension::bin_comp(*s, x, qs, &mut Fresh::new(&mut counter), &guardish);
                self.m.fresh = counter;
                self.expr(&d, tgt)
            }
        }
    }

    fn no_guard(&mut self, s: Span) {
        if self.f.guard_fail.is_some() {
            self.error(s, "illegal guard expression");
        }
    }

    fn binop(&mut self, s: Span, op: BinOp, l: &Expr, r: &Expr, tgt: Tgt) {
        self.set_line(s);
        match op {
            BinOp::AndAlso | BinOp::OrElse => return self.short_circuit(s, op, l, r, tgt),
            _ => {}
        }
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let a = self.src(l);
        let b = self.src(r);
        self.set_line(s);
        let fail = self.fail_label();
        if let Some(aop) = arith_op(op) {
            self.emit(Instr::Arith {
                op: aop,
                a,
                b,
                dst,
                fail,
            });
        } else if let Some(cop) = cmp_op(op) {
            self.emit(Instr::Cmp { op: cop, a, b, dst });
        } else {
            if self.f.guard_fail.is_some()
                && matches!(op, BinOp::Append | BinOp::Subtract | BinOp::Send)
            {
                self.error(s, "illegal guard expression");
            }
            let imp = self.import("erlang", bif_name(op), 2);
            self.emit(Instr::Bif {
                import: imp,
                args: vec![a, b].into(),
                last_use: 0,
                dst,
                fail,
            });
        }
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    fn short_circuit(&mut self, s: Span, op: BinOp, l: &Expr, r: &Expr, tgt: Tgt) {
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let a = self.src(l);
        let (go_on, stop) = if op == BinOp::AndAlso {
            ("true", "false")
        } else {
            ("false", "true")
        };
        let l_stop = self.new_label();
        let l_bad = self.new_label();
        let l_end = self.new_label();
        let go = self.atom_lit(go_on);
        let st = self.atom_lit(stop);
        self.emit(Instr::Test {
            op: CmpOp::ExactEq,
            a,
            b: go,
            fail: l_stop,
        });
        let saved = self.f.bound.clone();
        self.expr(
            r,
            if tgt == Tgt::Ret {
                Tgt::Ret
            } else {
                Tgt::Reg(dst)
            },
        );
        self.f.bound = saved;
        if tgt != Tgt::Ret {
            self.emit(Instr::Jump { to: l_end });
        }
        self.bind(l_stop);
        self.emit(Instr::Test {
            op: CmpOp::ExactEq,
            a,
            b: st,
            fail: l_bad,
        });
        self.finish_to(
            st,
            if tgt == Tgt::Ret {
                Tgt::Ret
            } else {
                Tgt::Reg(dst)
            },
        );
        if tgt != Tgt::Ret {
            self.emit(Instr::Jump { to: l_end });
        }
        self.bind(l_bad);
        match self.f.guard_fail {
            Some(f) => self.emit(Instr::Jump { to: f }),
            None => {
                self.set_line(s);
                self.emit(Instr::RaiseError {
                    kind: RAISE_BADARG,
                    value: a,
                })
            }
        }
        self.bind(l_end);
        self.release(mark.max(dst as u32 + 1));
    }

    fn map_update(&mut self, s: Span, base: &Expr, fields: &[MapField], tgt: Tgt) {
        self.set_line(s);
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let m = self.src(base);
        let mut pairs = Vec::new();
        for f in fields {
            let k = self.src(&f.key);
            let v = self.src(&f.value);
            pairs.push((k, v, f.exact));
        }
        self.set_line(s);
        let fail = self.fail_label();
        self.emit(Instr::UpdateMap {
            src: m,
            pairs: pairs.into(),
            dst,
            fail,
        });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    /// Evaluates `args` into consecutive new temporaries; returns the first.
    fn args_into_temps(&mut self, args: &[Expr], extra: u32) -> Reg {
        let base = self.temps(args.len() as u32 + extra);
        for (i, a) in args.iter().enumerate() {
            self.expr(a, Tgt::Reg(base + i as Reg));
        }
        base
    }

    fn call(&mut self, s: Span, f: &Expr, args: &[Expr], tgt: Tgt) {
        let n = args.len() as u32;
        if let Expr::Atom(_, name) = f {
            if let Some(done) = self.special_call(s, name, args, tgt) {
                return done;
            }
            let key = (name.clone(), n);
            if self.f.guard_fail.is_some() {
                return self.guard_bif_call(s, "erlang", name, args, tgt);
            }
            if let Some(&func) = self.m.local.get(&key) {
                return self.emit_call(s, args, tgt, |base, dst| match dst {
                    Some(dst) => Instr::Call {
                        func,
                        args: base,
                        n: n as u16,
                        dst,
                    },
                    None => Instr::TailCall {
                        func,
                        args: base,
                        n: n as u16,
                    },
                });
            }
            let module = if let Some(m) = self.m.imported.get(&key) {
                m.clone()
            } else if bifs::is_auto_imported(name, n) {
                "erlang".to_string()
            } else {
                self.error(s, format!("function {name}/{n} undefined"));
                return;
            };
            return self.ext_call(s, &module, name, args, tgt);
        }
        if self.f.guard_fail.is_some() {
            self.error(s, "illegal guard expression");
            return;
        }
        // A named fun calling itself: a direct call with its captured values.
        if let Expr::Var(_, name) = f {
            if !self.f.bound.contains(name) {
                if let Some(sf) = self.f.self_fun.clone().filter(|sf| &sf.name == name) {
                    let total = n + sf.env.len() as u32;
                    self.set_line(s);
                    let mark = self.mark();
                    let base = self.args_into_temps(args, sf.env.len() as u32);
                    for (i, &r) in sf.env.iter().enumerate() {
                        self.emit(Instr::Move {
                            src: Src::Reg(r),
                            dst: base + (n as usize + i) as Reg,
                        });
                    }
                    self.set_line(s);
                    match tgt {
                        Tgt::Ret => self.emit(Instr::TailCall {
                            func: sf.func,
                            args: base,
                            n: total as u16,
                        }),
                        Tgt::Reg(d) => self.emit(Instr::Call {
                            func: sf.func,
                            args: base,
                            n: total as u16,
                            dst: d,
                        }),
                    }
                    self.release(mark);
                    return;
                }
            }
        }
        self.set_line(s);
        let mark = self.mark();
        let base = self.args_into_temps(args, 1);
        self.expr(f, Tgt::Reg(base + n as Reg));
        self.set_line(s);
        match tgt {
            Tgt::Ret => self.emit(Instr::TailCallFun {
                args: base,
                n: n as u16,
            }),
            Tgt::Reg(d) => self.emit(Instr::CallFun {
                args: base,
                n: n as u16,
                dst: d,
            }),
        }
        self.release(mark);
    }

    fn emit_call(
        &mut self,
        s: Span,
        args: &[Expr],
        tgt: Tgt,
        make: impl Fn(Reg, Option<Reg>) -> Instr,
    ) {
        self.set_line(s);
        let mark = self.mark();
        let base = self.args_into_temps(args, 0);
        self.set_line(s);
        match tgt {
            Tgt::Ret => self.emit(make(base, None)),
            Tgt::Reg(d) => self.emit(make(base, Some(d))),
        }
        self.release(mark);
    }

    pub(crate) fn ext_call(&mut self, s: Span, module: &str, name: &str, args: &[Expr], tgt: Tgt) {
        let n = args.len() as u32;
        let imp = self.import(module, name, n);
        self.emit_call(s, args, tgt, |base, dst| match dst {
            Some(dst) => Instr::CallExt {
                import: imp,
                args: base,
                n: n as u16,
                dst,
            },
            None => Instr::TailCallExt {
                import: imp,
                args: base,
                n: n as u16,
            },
        });
    }

    /// A BIF call inside a guard: allowed BIFs only, failing to the guard's label.
    fn guard_bif_call(&mut self, s: Span, module: &str, name: &str, args: &[Expr], tgt: Tgt) {
        let n = args.len() as u32;
        if module == "erlang" {
            // `erlang:'+'(A, B)`: the operator itself.
            if let Some(op) = super::guard::operator_expr(s, name, args) {
                return self.expr(&op, tgt);
            }
        }
        if module != "erlang" || !bifs::is_guard_bif(name, n) {
            self.error(s, "illegal guard expression");
            return;
        }
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let srcs: Vec<Src> = args.iter().map(|a| self.src(a)).collect();
        let imp = self.import("erlang", name, n);
        let fail = self.fail_label();
        self.set_line(s);
        self.emit(Instr::Bif {
            import: imp,
            args: srcs.into(),
            last_use: 0,
            dst,
            fail,
        });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    /// Calls the compiler resolves itself: `record_info/2`, `is_record/2`, `module_info/0,1`.
    fn special_call(&mut self, s: Span, name: &str, args: &[Expr], tgt: Tgt) -> Option<()> {
        match (name, args) {
            ("record_info", [Expr::Atom(_, what), Expr::Atom(_, rec)]) => {
                let l = self.record_info(s, what, rec)?;
                let src = self.src_of_literal(l);
                self.finish_to(src, tgt);
                Some(())
            }
            ("is_record", [x, Expr::Atom(_, rec)]) if self.m.records.contains_key(rec) => {
                let size = self.m.records[rec].fields.len() as u32 + 1;
                let mark = self.mark();
                let dst = self.dst_for(tgt);
                let v = self.src(x);
                let tag = self.atom_lit(rec);
                let no = self.new_label();
                let end = self.new_label();
                let t = self.atom_lit("true");
                let f = self.atom_lit("false");
                self.emit(Instr::IsTaggedTuple {
                    src: v,
                    arity: size,
                    tag,
                    fail: no,
                });
                self.emit(Instr::Move { src: t, dst });
                self.emit(Instr::Jump { to: end });
                self.bind(no);
                self.emit(Instr::Move { src: f, dst });
                self.bind(end);
                self.release(mark.max(dst as u32 + 1));
                self.done(dst, tgt);
                Some(())
            }
            ("module_info", []) | ("module_info", [_])
                if !self
                    .m
                    .local
                    .contains_key(&(name.to_string(), args.len() as u32)) =>
            {
                let mut full = vec![Expr::Atom(s, self.m.name.clone())];
                full.extend(args.iter().cloned());
                self.ext_call(s, "erlang", "get_module_info", &full, tgt);
                Some(())
            }
            _ => None,
        }
    }

    fn remote_call(&mut self, s: Span, m: &Expr, f: &Expr, args: &[Expr], tgt: Tgt) {
        if let (Expr::Atom(_, mn), Expr::Atom(_, fname)) = (m, f) {
            if self.f.guard_fail.is_some() {
                return self.guard_bif_call(s, mn, fname, args, tgt);
            }
            return self.ext_call(s, mn, fname, args, tgt);
        }
        if self.f.guard_fail.is_some() {
            self.error(s, "illegal guard expression");
            return;
        }
        let n = args.len() as u16;
        self.set_line(s);
        let mark = self.mark();
        let base = self.temps(args.len() as u32 + 2);
        self.expr(m, Tgt::Reg(base));
        self.expr(f, Tgt::Reg(base + 1));
        for (i, a) in args.iter().enumerate() {
            self.expr(a, Tgt::Reg(base + 2 + i as Reg));
        }
        self.set_line(s);
        match tgt {
            Tgt::Ret => self.emit(Instr::TailApply { args: base, n }),
            Tgt::Reg(d) => self.emit(Instr::Apply {
                args: base,
                n,
                dst: d,
            }),
        }
        self.release(mark);
    }

    /// Clauses of `case` (one pattern each, matched against `v`) and `if`
    /// (no pattern). `no_match` emits what happens when none matches.
    pub(crate) fn case_clauses(
        &mut self,
        s: Span,
        what: &str,
        v: Src,
        clauses: &[Clause],
        tgt: Tgt,
        no_match: impl Fn(&mut Self, Src),
    ) {
        let end = self.new_label();
        let before = self.f.bound.clone();
        let unsafe_before = self.f.unsafe_vars.clone();
        let mut outs: Vec<HashSet<String>> = Vec::new();
        for c in clauses {
            let next = self.new_label();
            let mark = self.mark();
            self.f.bound = before.clone();
            self.f.unsafe_vars = unsafe_before.clone();
            self.set_line(c.span);
            if let Some(p) = c.pats.first() {
                self.pattern(p, v, next);
            }
            self.guard(&c.guards, next);
            self.body(&c.body, tgt);
            if tgt != Tgt::Ret {
                self.emit(Instr::Jump { to: end });
            }
            outs.push(self.f.bound.clone());
            self.bind(next);
            self.release(mark);
        }
        self.set_line(s);
        no_match(self, v);
        self.bind(end);
        self.f.unsafe_vars = unsafe_before;
        self.merge_branches(s, what, before, outs);
    }

    /// After branching: variables bound in every branch stay bound; those
    /// bound in only some become unsafe.
    pub(crate) fn merge_branches(
        &mut self,
        s: Span,
        what: &str,
        before: HashSet<String>,
        outs: Vec<HashSet<String>>,
    ) {
        let mut all: Option<HashSet<String>> = None;
        let mut any: BTreeSet<String> = BTreeSet::new();
        for o in &outs {
            any.extend(o.iter().cloned());
            all = Some(match all {
                None => o.clone(),
                Some(a) => a.intersection(o).cloned().collect(),
            });
        }
        let all = all.unwrap_or_else(|| before.clone());
        let (l, c) = self.line_col(s);
        for v in any {
            if !all.contains(&v) && !before.contains(&v) {
                self.f
                    .unsafe_vars
                    .insert(v, format!("'{what}' (line {l}, column {c})"));
            }
        }
        self.f.bound = all;
    }

    /// Marks everything bound since `before` as unsafe (try/catch bodies).
    fn unsafe_since(&mut self, s: Span, what: &str, before: &HashSet<String>) {
        let (l, c) = self.line_col(s);
        let new: Vec<String> = self.f.bound.difference(before).cloned().collect();
        for v in new {
            self.f
                .unsafe_vars
                .insert(v, format!("'{what}' (line {l}, column {c})"));
        }
        self.f.bound = before.clone();
    }

    fn receive(
        &mut self,
        s: Span,
        clauses: &[Clause],
        after: Option<&(Box<Expr>, Vec<Expr>)>,
        tgt: Tgt,
    ) {
        self.set_line(s);
        let mark = self.mark();
        let msg = self.temp();
        let peek = self.new_label();
        let wait = self.new_label();
        let end = self.new_label();
        let before = self.f.bound.clone();
        let unsafe_before = self.f.unsafe_vars.clone();
        let mut outs = Vec::new();
        // The timeout is evaluated once, before waiting.
        let timeout = match after {
            Some((t, _)) => self.src(t),
            None => self.atom_lit("infinity"),
        };
        self.bind(peek);
        self.emit(Instr::RecvPeek {
            dst: msg,
            empty: wait,
        });
        for c in clauses {
            let next = self.new_label();
            let cm = self.mark();
            self.f.bound = before.clone();
            self.f.unsafe_vars = unsafe_before.clone();
            self.set_line(c.span);
            if let Some(p) = c.pats.first() {
                self.pattern(p, Src::Reg(msg), next);
            }
            self.guard(&c.guards, next);
            self.emit(Instr::RecvAccept);
            self.body(&c.body, tgt);
            if tgt != Tgt::Ret {
                self.emit(Instr::Jump { to: end });
            }
            outs.push(self.f.bound.clone());
            self.bind(next);
            self.release(cm);
        }
        self.emit(Instr::RecvNext { to: peek });
        self.bind(wait);
        self.set_line(s);
        self.emit(Instr::RecvWait {
            timeout,
            retry: peek,
        });
        self.f.unsafe_vars = unsafe_before.clone();
        if let Some((_, body)) = after {
            self.f.bound = before.clone();
            self.body(body, tgt);
            outs.push(self.f.bound.clone());
        } else {
            // Never reached: an infinite wait only ends with a message.
            self.f.bound = before.clone();
            let ok = self.atom_lit("ok");
            self.finish_to(ok, tgt);
        }
        self.bind(end);
        self.f.unsafe_vars = unsafe_before;
        self.merge_branches(s, "receive", before, outs);
        self.release(mark);
    }

    fn catch_expr(&mut self, s: Span, x: &Expr, tgt: Tgt) {
        self.set_line(s);
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let exc = self.temps(3);
        let handler = self.new_label();
        let end = self.new_label();
        let before = self.f.bound.clone();
        self.emit(Instr::TryBegin { handler, dst: exc });
        self.expr(x, Tgt::Reg(dst));
        self.emit(Instr::TryEnd);
        self.emit(Instr::Jump { to: end });
        self.bind(handler);
        self.emit(Instr::CatchValue { src: exc, dst });
        self.bind(end);
        self.unsafe_since(s, "catch", &before);
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    fn try_expr(
        &mut self,
        s: Span,
        body: &[Expr],
        of_clauses: &[Clause],
        catch_clauses: &[CatchClause],
        after: &[Expr],
        tgt: Tgt,
    ) {
        self.set_line(s);
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let before = self.f.bound.clone();
        if after.is_empty() {
            self.try_catch(s, body, of_clauses, catch_clauses, dst);
        } else {
            // try ... after A end  ==  protect the whole try/catch, run A on both paths.
            let exc = self.temps(3);
            let handler = self.new_label();
            self.emit(Instr::TryBegin { handler, dst: exc });
            if catch_clauses.is_empty() && of_clauses.is_empty() {
                self.body(body, Tgt::Reg(dst));
            } else {
                self.try_catch(s, body, of_clauses, catch_clauses, dst);
            }
            self.emit(Instr::TryEnd);
            let inner_bound = self.f.bound.clone();
            let inner_unsafe = self.f.unsafe_vars.clone();
            let scratch = self.temp();
            self.body(after, Tgt::Reg(scratch));
            let end = self.new_label();
            self.emit(Instr::Jump { to: end });
            self.bind(handler);
            // The handler's copy of the after body sees the scope the first
            // copy saw, not what that copy bound.
            self.f.bound = inner_bound;
            self.f.unsafe_vars = inner_unsafe;
            self.body(after, Tgt::Reg(scratch));
            self.emit(Instr::Reraise { src: exc });
            self.bind(end);
        }
        self.unsafe_since(s, "try", &before);
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    fn try_catch(
        &mut self,
        s: Span,
        body: &[Expr],
        of_clauses: &[Clause],
        catch_clauses: &[CatchClause],
        dst: Reg,
    ) {
        let exc = self.temps(3);
        let handler = self.new_label();
        let end = self.new_label();
        let before = self.f.bound.clone();
        self.emit(Instr::TryBegin { handler, dst: exc });
        let val = self.temp();
        self.body(body, Tgt::Reg(val));
        self.emit(Instr::TryEnd);
        if of_clauses.is_empty() {
            self.emit(Instr::Move {
                src: Src::Reg(val),
                dst,
            });
        } else {
            self.case_clauses(
                s,
                "try",
                Src::Reg(val),
                of_clauses,
                Tgt::Reg(dst),
                |lw, v| {
                    lw.emit(Instr::RaiseError {
                        kind: RAISE_TRY_CLAUSE,
                        value: v,
                    })
                },
            );
        }
        self.emit(Instr::Jump { to: end });
        self.bind(handler);
        self.f.bound = before.clone();
        let unsafe_before = self.f.unsafe_vars.clone();
        for c in catch_clauses {
            let next = self.new_label();
            let cm = self.mark();
            self.f.bound = before.clone();
            self.f.unsafe_vars = unsafe_before.clone();
            self.set_line(c.span);
            match &c.class {
                Some(p) => self.pattern(p, Src::Reg(exc), next),
                None => {
                    let th = self.atom_lit("throw");
                    self.emit(Instr::Test {
                        op: CmpOp::ExactEq,
                        a: Src::Reg(exc),
                        b: th,
                        fail: next,
                    });
                }
            }
            self.pattern(&c.reason, Src::Reg(exc + 1), next);
            if let Some(st) = &c.stack {
                match st {
                    Expr::Var(_, n) if n == "_" => {}
                    Expr::Var(vs, n) => {
                        if self.f.bound.contains(n) {
                            self.error(*vs, format!("variable '{n}' is bound"));
                        }
                        let r = self.var_slot(n);
                        self.emit(Instr::BuildStacktrace {
                            src: exc + 2,
                            dst: r,
                        });
                        self.f.bound.insert(n.clone());
                    }
                    other => self.error(other.span(), "illegal pattern"),
                }
            }
            self.guard(&c.guards, next);
            self.body(&c.body, Tgt::Reg(dst));
            self.emit(Instr::Jump { to: end });
            self.bind(next);
            self.release(cm);
        }
        self.emit(Instr::Reraise { src: exc });
        self.bind(end);
    }

    fn lambda(&mut self, s: Span, name: Option<&str>, clauses: &[Clause], tgt: Tgt) {
        let renamed: Vec<Option<Clause>> =
            clauses.iter().map(|c| self.alias_outer_reads(c)).collect();
        if renamed.iter().any(Option::is_some) {
            let clauses: Vec<Clause> = renamed
                .into_iter()
                .zip(clauses)
                .map(|(r, c)| r.unwrap_or_else(|| c.clone()))
                .collect();
            return self.lambda_clauses(s, name, &clauses, tgt);
        }
        self.lambda_clauses(s, name, clauses, tgt)
    }

    /// In a fun head, `fun(<<L:L>>)` binds a new `L` while its size reads
    /// the enclosing `L`. When a head both binds a name and reads the
    /// enclosing variable of that name (in a segment size or map key), the
    /// reads are renamed to an alias of the enclosing variable's slot, so
    /// that capturing it and binding the new one do not collide.
    fn alias_outer_reads(&mut self, c: &Clause) -> Option<Clause> {
        let mut binders = BTreeSet::new();
        for p in &c.pats {
            pattern_binders(p, &mut binders);
        }
        let conflicts: BTreeSet<String> = binders
            .into_iter()
            .filter(|v| self.f.bound.contains(v))
            .collect();
        if conflicts.is_empty() {
            return None;
        }
        let mut changed = false;
        let pats: Vec<Expr> = c
            .pats
            .iter()
            .map(|p| rename_outer_reads(p, &conflicts, &mut changed))
            .collect();
        if !changed {
            return None;
        }
        for v in conflicts {
            let slot = self.f.vars[&v];
            let alias = outer_alias(&v);
            self.f.vars.insert(alias.clone(), slot);
            self.f.bound.insert(alias);
        }
        Some(Clause { pats, ..c.clone() })
    }

    fn lambda_clauses(&mut self, s: Span, name: Option<&str>, clauses: &[Clause], tgt: Tgt) {
        self.set_line(s);
        let arity = clauses.first().map_or(0, |c| c.pats.len()) as u32;
        let mut used = BTreeSet::new();
        for c in clauses {
            // The head binds its variables afresh (they shadow), but a
            // segment size or map key in it reads the enclosing scope.
            let mut head = BTreeSet::new();
            let mut inner = BTreeSet::new();
            for p in &c.pats {
                pattern_binders(p, &mut head);
                collect_vars(p, &mut inner);
            }
            for g in c.guards.iter().flatten() {
                collect_vars(g, &mut inner);
            }
            for e in &c.body {
                collect_vars(e, &mut inner);
            }
            used.extend(inner.difference(&head).cloned());
        }
        let mut free: Vec<String> = used
            .into_iter()
            .filter(|v| self.f.bound.contains(v) && Some(v.as_str()) != name)
            .collect();
        // A named fun nested in its own body refers to the outer self by capture.
        if let Some(sf) = &self.f.self_fun {
            if name != Some(sf.name.as_str())
                && clauses_mention(clauses, &sf.name)
                && !self.f.bound.contains(&sf.name)
            {
                // Materialise the outer fun so the inner one can capture it.
                let sfname = sf.name.clone();
                let r = self.var_slot(&sfname);
                self.expr(&Expr::Var(s, sfname.clone()), Tgt::Reg(r));
                self.f.bound.insert(sfname.clone());
                free.push(sfname);
            }
        }
        let func = self.m.functions.len() as u32;
        self.m.functions.push(Function {
            name: String::new(),
            arity: 0,
            frame_size: 0,
            code: Vec::new(),
            lines: Vec::new(),
        });
        let lambda = self.m.lambdas.len() as u32;
        self.m.lambdas.push(Lambda {
            function: func,
            arity,
            num_free: free.len() as u32,
        });
        let fname = format!(
            "-{}/{}-fun-{}-",
            self.f.name, self.f.arity, self.m.lambda_counter
        );
        self.m.lambda_counter += 1;
        let env: Vec<Src> = free.iter().map(|v| Src::Reg(self.f.vars[v])).collect();

        let mut st = super::func::FnState::new(fname, arity + free.len() as u32);
        st.cur_line = self.f.cur_line;
        st.reserve_params(arity + free.len() as u32);
        for (i, v) in free.iter().enumerate() {
            st.vars.insert(v.clone(), (arity as usize + i) as Reg);
            st.bound.insert(v.clone());
        }
        if let Some(n) = name {
            st.self_fun = Some(SelfFun {
                name: n.to_string(),
                func,
                lambda,
                env: (0..free.len())
                    .map(|i| (arity as usize + i) as Reg)
                    .collect(),
            });
        }
        {
            let mut inner = Lowerer {
                m: &mut *self.m,
                f: &mut st,
            };
            inner.function_clauses(clauses, arity);
        }
        let mut done = st.finish();
        done.arity = arity + free.len() as u32;
        self.m.functions[func as usize] = done;

        let dst = self.dst_for(tgt);
        self.emit(Instr::MakeFun {
            lambda,
            env: env.into(),
            dst,
        });
        self.done(dst, tgt);
    }

    fn fun_ref(&mut self, s: Span, m: Option<&Expr>, f: &Expr, a: &Expr, tgt: Tgt) {
        self.set_line(s);
        if m.is_none() {
            if let (Expr::Atom(_, name), Expr::Integer(_, ar)) = (f, a) {
                use num_traits::ToPrimitive;
                let arity = ar.to_u32().unwrap_or(u32::MAX);
                if let Some(&func) = self.m.local.get(&(name.clone(), arity)) {
                    // One lambda per referenced function, so that two
                    // `fun f/1` compare equal, as in OTP.
                    let entry = Lambda {
                        function: func,
                        arity,
                        num_free: 0,
                    };
                    let lambda = match self.m.lambdas.iter().position(|l| *l == entry) {
                        Some(i) => i as u32,
                        None => {
                            self.m.lambdas.push(entry);
                            self.m.lambdas.len() as u32 - 1
                        }
                    };
                    let dst = self.dst_for(tgt);
                    self.emit(Instr::MakeFun {
                        lambda,
                        env: Vec::new().into(),
                        dst,
                    });
                    self.done(dst, tgt);
                    return;
                }
                if bifs::is_auto_imported(name, arity) {
                    let args = [Expr::Atom(s, "erlang".into()), f.clone(), a.clone()];
                    return self.ext_call(s, "erlang", "make_fun", &args, tgt);
                }
                self.error(s, format!("function {name}/{arity} undefined"));
                return;
            }
            self.error(s, "illegal fun reference");
            return;
        }
        let args = [m.unwrap().clone(), f.clone(), a.clone()];
        self.ext_call(s, "erlang", "make_fun", &args, tgt);
    }
}

fn clauses_mention(clauses: &[Clause], name: &str) -> bool {
    let mut vars = BTreeSet::new();
    for c in clauses {
        for e in c.body.iter().chain(c.guards.iter().flatten()) {
            collect_vars(e, &mut vars);
        }
    }
    vars.contains(name)
}

/// Every variable name occurring in `e` (nested funs included).
pub(crate) fn collect_vars(e: &Expr, out: &mut BTreeSet<String>) {
    use crate::ast::Qualifier;
    let mut go = |x: &Expr| collect_vars(x, out);
    match e {
        Expr::Var(_, n) => {
            if n != "_" {
                out.insert(n.clone());
            }
        }
        Expr::Atom(..) | Expr::Integer(..) | Expr::Float(..) | Expr::String(..) | Expr::Nil(_) => {}
        Expr::RecordIndex(..) => {}
        Expr::Cons(_, h, t) => {
            go(h);
            go(t);
        }
        Expr::Tuple(_, es) => es.iter().for_each(go),
        Expr::Map(_, fs) => {
            for f in fs {
                go(&f.key);
                go(&f.value);
            }
        }
        Expr::MapUpdate(_, b, fs) => {
            go(b);
            for f in fs {
                go(&f.key);
                go(&f.value);
            }
        }
        Expr::Record(_, _, fs) => fs.iter().for_each(|f| go(&f.value)),
        Expr::RecordUpdate(_, b, _, fs) => {
            go(b);
            fs.iter().for_each(|f| go(&f.value));
        }
        Expr::RecordField(_, b, _, _) => go(b),
        Expr::Binary(_, segs) => {
            for sg in segs {
                go(&sg.value);
                if let Some(sz) = &sg.size {
                    go(sz);
                }
            }
        }
        Expr::BinOp(_, _, l, r) | Expr::Match(_, l, r) => {
            go(l);
            go(r);
        }
        Expr::UnOp(_, _, x) | Expr::Catch(_, x) => go(x),
        Expr::Call(_, f, args) => {
            go(f);
            args.iter().for_each(go);
        }
        Expr::RemoteCall(_, m, f, args) => {
            go(m);
            go(f);
            args.iter().for_each(go);
        }
        Expr::Case(_, x, cs) => {
            go(x);
            clauses_vars(cs, out);
        }
        Expr::If(_, cs) | Expr::Fun(_, _, cs) => clauses_vars(cs, out),
        Expr::Receive(_, cs, after) => {
            clauses_vars(cs, out);
            if let Some((t, b)) = after {
                collect_vars(t, out);
                b.iter().for_each(|x| collect_vars(x, out));
            }
        }
        Expr::Try {
            body,
            of_clauses,
            catch_clauses,
            after,
            ..
        } => {
            body.iter().for_each(|x| collect_vars(x, out));
            clauses_vars(of_clauses, out);
            for c in catch_clauses {
                if let Some(cl) = &c.class {
                    collect_vars(cl, out);
                }
                collect_vars(&c.reason, out);
                if let Some(st) = &c.stack {
                    collect_vars(st, out);
                }
                c.guards.iter().flatten().for_each(|x| collect_vars(x, out));
                c.body.iter().for_each(|x| collect_vars(x, out));
            }
            after.iter().for_each(|x| collect_vars(x, out));
        }
        Expr::Block(_, b) => b.iter().for_each(go),
        Expr::FunRef(_, m, f, a) => {
            if let Some(m) = m {
                go(m);
            }
            go(f);
            go(a);
        }
        Expr::ListComp(_, x, qs) | Expr::BinComp(_, x, qs) => {
            go(x);
            for q in qs {
                match q {
                    Qualifier::Generator(p, l) | Qualifier::BinGenerator(p, l) => {
                        collect_vars(p, out);
                        collect_vars(l, out);
                    }
                    Qualifier::Filter(f) => collect_vars(f, out),
                }
            }
        }
    }
}

/// The name under which a fun head reads an enclosing variable it also
/// binds (not a valid Erlang variable name, so it cannot clash).
fn outer_alias(v: &str) -> String {
    format!("{v}@outer")
}

/// `p` with the reads of `names` in segment sizes and map keys renamed to
/// their [`outer_alias`], except sizes naming a variable bound by an
/// earlier segment of the same binary (that one is meant).
fn rename_outer_reads(p: &Expr, names: &BTreeSet<String>, changed: &mut bool) -> Expr {
    fn read(
        e: &Expr,
        names: &BTreeSet<String>,
        local: &BTreeSet<String>,
        changed: &mut bool,
    ) -> Expr {
        match e {
            Expr::Var(s, n) if names.contains(n) && !local.contains(n) => {
                *changed = true;
                Expr::Var(*s, outer_alias(n))
            }
            Expr::BinOp(s, op, l, r) => Expr::BinOp(
                *s,
                *op,
                Box::new(read(l, names, local, changed)),
                Box::new(read(r, names, local, changed)),
            ),
            Expr::UnOp(s, op, x) => Expr::UnOp(*s, *op, Box::new(read(x, names, local, changed))),
            Expr::Call(s, f, args) => Expr::Call(
                *s,
                f.clone(),
                args.iter()
                    .map(|a| read(a, names, local, changed))
                    .collect(),
            ),
            Expr::RemoteCall(s, m, f, args) => Expr::RemoteCall(
                *s,
                m.clone(),
                f.clone(),
                args.iter()
                    .map(|a| read(a, names, local, changed))
                    .collect(),
            ),
            Expr::Tuple(s, es) => Expr::Tuple(
                *s,
                es.iter().map(|x| read(x, names, local, changed)).collect(),
            ),
            Expr::Cons(s, h, t) => Expr::Cons(
                *s,
                Box::new(read(h, names, local, changed)),
                Box::new(read(t, names, local, changed)),
            ),
            // A binary built inside a size expression: all reads.
            Expr::Binary(s, segs) => Expr::Binary(
                *s,
                segs.iter()
                    .map(|sg| crate::ast::BinElement {
                        value: read(&sg.value, names, local, changed),
                        size: sg.size.as_ref().map(|z| read(z, names, local, changed)),
                        ..sg.clone()
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    let go = |x: &Expr, changed: &mut bool| rename_outer_reads(x, names, changed);
    match p {
        Expr::Cons(s, h, t) => Expr::Cons(*s, Box::new(go(h, changed)), Box::new(go(t, changed))),
        Expr::Match(s, a, b) => Expr::Match(*s, Box::new(go(a, changed)), Box::new(go(b, changed))),
        Expr::Tuple(s, es) => Expr::Tuple(*s, es.iter().map(|e| go(e, changed)).collect()),
        Expr::Map(s, fs) => Expr::Map(
            *s,
            fs.iter()
                .map(|f| MapField {
                    key: read(&f.key, names, &BTreeSet::new(), changed),
                    value: go(&f.value, changed),
                    ..f.clone()
                })
                .collect(),
        ),
        Expr::Record(s, r, fs) => Expr::Record(
            *s,
            r.clone(),
            fs.iter()
                .map(|f| crate::ast::RecordField {
                    value: go(&f.value, changed),
                    ..f.clone()
                })
                .collect(),
        ),
        Expr::Binary(s, segs) => {
            let mut local = BTreeSet::new();
            let mut out = Vec::with_capacity(segs.len());
            for sg in segs {
                let size = sg.size.as_ref().map(|z| read(z, names, &local, changed));
                pattern_binders(&sg.value, &mut local);
                out.push(crate::ast::BinElement { size, ..sg.clone() });
            }
            Expr::Binary(*s, out)
        }
        other => other.clone(),
    }
}

/// The variables a pattern binds (or matches): all but those in binary
/// segment sizes and map keys, which are read, not bound.
pub(crate) fn pattern_binders(p: &Expr, out: &mut BTreeSet<String>) {
    match p {
        Expr::Var(_, n) if n != "_" => {
            out.insert(n.clone());
        }
        Expr::Cons(_, h, t) | Expr::Match(_, h, t) => {
            pattern_binders(h, out);
            pattern_binders(t, out);
        }
        Expr::Tuple(_, es) => es.iter().for_each(|e| pattern_binders(e, out)),
        Expr::Map(_, fs) => fs.iter().for_each(|f| pattern_binders(&f.value, out)),
        Expr::Record(_, _, fs) => fs.iter().for_each(|f| pattern_binders(&f.value, out)),
        Expr::Binary(_, segs) => segs.iter().for_each(|sg| pattern_binders(&sg.value, out)),
        Expr::BinOp(_, BinOp::Append, _, r) => pattern_binders(r, out),
        _ => {}
    }
}

fn clauses_vars(cs: &[Clause], out: &mut BTreeSet<String>) {
    for c in cs {
        c.pats.iter().for_each(|x| collect_vars(x, out));
        c.guards.iter().flatten().for_each(|x| collect_vars(x, out));
        c.body.iter().for_each(|x| collect_vars(x, out));
    }
}
