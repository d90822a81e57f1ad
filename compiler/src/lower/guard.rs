//! Guards: `;`-separated alternatives of `,`-separated tests. A test that is
//! false, not a boolean, or raises an exception makes its alternative fail;
//! the next alternative is then tried, and after the last one, `fail`.

use super::bifs;
use super::expr::cmp_op;
use super::func::Tgt;
use super::Lowerer;
use crate::ast::{BinOp, Expr, UnOp};
use crate::bytecode::{CmpOp, Instr, Label, Src};
use crate::source::Span;

impl Lowerer<'_, '_, '_> {
    /// Lowers a guard; falls through when it succeeds, jumps to `fail` otherwise.
    pub(crate) fn guard(&mut self, guards: &[Vec<Expr>], fail: Label) {
        if guards.is_empty() {
            return;
        }
        let ok = self.new_label();
        let n = guards.len();
        for (i, alt) in guards.iter().enumerate() {
            let this_fail = if i + 1 == n { fail } else { self.new_label() };
            let mark = self.mark();
            for test in alt {
                self.guard_test(test, this_fail);
            }
            self.release(mark);
            if i + 1 < n {
                self.emit(Instr::Jump { to: ok });
                self.bind(this_fail);
            }
        }
        self.bind(ok);
    }

    fn guard_test(&mut self, e: &Expr, fail: Label) {
        // The old type tests (`atom(X)`, `record(X, r)`): a whole guard
        // test naming no local function is the `is_` test.
        if let Expr::Call(s, f, args) = e {
            if let Expr::Atom(fs, name) = &**f {
                let local = self
                    .m
                    .local
                    .contains_key(&(name.clone(), args.len() as u32))
                    || self
                        .m
                        .imported
                        .contains_key(&(name.clone(), args.len() as u32));
                let old = crate::lint::is_old_type_test(name, args.len())
                    || (name == "record" && args.len() == 2);
                if old && !local {
                    let new = Expr::Call(
                        *s,
                        Box::new(Expr::Atom(*fs, format!("is_{name}"))),
                        args.clone(),
                    );
                    return self.guard_test(&new, fail);
                }
            }
        }
        let saved = self.f.guard_fail.replace(fail);
        self.set_line(e.span());
        match e {
            Expr::Atom(_, a) if a == "true" => {}
            Expr::BinOp(_, BinOp::AndAlso, l, r) => {
                self.guard_test(l, fail);
                self.guard_test(r, fail);
            }
            Expr::BinOp(_, BinOp::OrElse, l, r) => {
                let ok = self.new_label();
                let try_r = self.new_label();
                let v = self.src(l);
                let t = self.atom_lit("true");
                let f = self.atom_lit("false");
                self.emit(Instr::Test {
                    op: CmpOp::ExactEq,
                    a: v,
                    b: t,
                    fail: try_r,
                });
                self.emit(Instr::Jump { to: ok });
                self.bind(try_r);
                self.emit(Instr::Test {
                    op: CmpOp::ExactEq,
                    a: v,
                    b: f,
                    fail,
                });
                self.guard_test(r, fail);
                self.bind(ok);
            }
            Expr::BinOp(_, op, l, r) if cmp_op(*op).is_some() => {
                let a = self.src(l);
                let b = self.src(r);
                self.emit(Instr::Test {
                    op: cmp_op(*op).unwrap(),
                    a,
                    b,
                    fail,
                });
            }
            Expr::UnOp(_, UnOp::Not, x) => {
                let v = self.src(x);
                let f = self.atom_lit("false");
                self.emit(Instr::Test {
                    op: CmpOp::ExactEq,
                    a: v,
                    b: f,
                    fail,
                });
            }
            Expr::Call(_, f, args) | Expr::RemoteCall(_, _, f, args)
                if self.is_type_test_call(e) =>
            {
                let Expr::Atom(_, name) = &**f else {
                    unreachable!()
                };
                self.type_test_call(name, args, fail);
            }
            _ => {
                let t = self.temp();
                self.expr(e, Tgt::Reg(t));
                self.emit(Instr::IsTrue {
                    src: Src::Reg(t),
                    fail,
                });
            }
        }
        self.f.guard_fail = saved;
    }

    fn is_type_test_call(&self, e: &Expr) -> bool {
        let (f, args) = match e {
            Expr::Call(_, f, args) => (f, args),
            Expr::RemoteCall(_, m, f, args) if matches!(&**m, Expr::Atom(_, m) if m == "erlang") => {
                (f, args)
            }
            _ => return false,
        };
        let Expr::Atom(_, name) = &**f else {
            return false;
        };
        if let Expr::Call(..) = e {
            if self
                .m
                .local
                .contains_key(&(name.clone(), args.len() as u32))
            {
                return false;
            }
        }
        match (name.as_str(), args.len()) {
            (n, 1) => bifs::type_test(n).is_some(),
            ("is_function", 2) => true,
            ("is_record", 2) => {
                matches!(&args[1], Expr::Atom(_, r) if self.m.records.contains_key(r))
            }
            ("is_record", 3) => matches!((&args[1], &args[2]), (Expr::Atom(..), Expr::Integer(..))),
            _ => false,
        }
    }

    fn type_test_call(&mut self, name: &str, args: &[Expr], fail: Label) {
        match (name, args) {
            ("is_function", [f, a]) => {
                let fs = self.src(f);
                let ar = self.src(a);
                self.emit(Instr::IsFunctionOf {
                    src: fs,
                    arity: ar,
                    fail,
                });
            }
            ("is_record", [x, Expr::Atom(_, rec)]) => {
                let size = self.m.records[rec].fields.len() as u32 + 1;
                let v = self.src(x);
                let tag = self.atom_lit(rec);
                self.emit(Instr::IsTaggedTuple {
                    src: v,
                    arity: size,
                    tag,
                    fail,
                });
            }
            ("is_record", [x, Expr::Atom(_, rec), Expr::Integer(_, n)]) => {
                use num_traits::ToPrimitive;
                let v = self.src(x);
                let tag = self.atom_lit(rec);
                self.emit(Instr::IsTaggedTuple {
                    src: v,
                    arity: n.to_u32().unwrap_or(0),
                    tag,
                    fail,
                });
            }
            (n, [x]) => {
                let v = self.src(x);
                self.emit(Instr::TypeTest {
                    test: bifs::type_test(n).unwrap(),
                    src: v,
                    fail,
                });
            }
            _ => unreachable!("checked by is_type_test_call"),
        }
    }
}

/// `erlang:Op(Args)` for an operator `Op` as the operator expression.
pub(crate) fn operator_expr(s: Span, name: &str, args: &[Expr]) -> Option<Expr> {
    let binary = match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::FDiv,
        "div" => BinOp::IDiv,
        "rem" => BinOp::Rem,
        "band" => BinOp::Band,
        "bor" => BinOp::Bor,
        "bxor" => BinOp::Bxor,
        "bsl" => BinOp::Bsl,
        "bsr" => BinOp::Bsr,
        "and" => BinOp::And,
        "or" => BinOp::Or,
        "xor" => BinOp::Xor,
        "==" => BinOp::Eq,
        "/=" => BinOp::Ne,
        "=:=" => BinOp::ExactEq,
        "=/=" => BinOp::ExactNe,
        "<" => BinOp::Lt,
        "=<" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        _ => BinOp::Send,
    };
    match args {
        [a, b] if binary != BinOp::Send => Some(Expr::BinOp(
            s,
            binary,
            Box::new(a.clone()),
            Box::new(b.clone()),
        )),
        [a] => {
            let op = match name {
                "-" => UnOp::Neg,
                "+" => UnOp::Plus,
                "not" => UnOp::Not,
                "bnot" => UnOp::Bnot,
                _ => return None,
            };
            Some(Expr::UnOp(s, op, Box::new(a.clone())))
        }
        _ => None,
    }
}
