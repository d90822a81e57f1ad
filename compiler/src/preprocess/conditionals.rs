//! `-ifdef`, `-ifndef`, `-if`, `-elif`, `-else`, `-endif`: the stack of open
//! conditionals of one file and the evaluator for `-if`/`-elif` conditions.
//!
//! Each open conditional remembers whether its current branch is being
//! kept, whether a branch may still be taken, or whether one was taken
//! already. Forms are kept only when every open conditional keeps its
//! branch. Conditions are constant expressions (after macro expansion, with
//! `defined(NAME)` read first): integers, floats, atoms, arithmetic,
//! comparisons, `not`/`and`/`or`/`xor`/`andalso`/`orelse`. As in `epp`, a
//! condition that fails to evaluate counts as false.

use crate::ast::{BinOp, Expr, UnOp};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// The last directive of an open conditional (for `unterminated '-else'`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CondKind {
    /// `-ifdef`
    Ifdef,
    /// `-ifndef`
    Ifndef,
    /// `-if`
    If,
    /// `-elif`
    Elif,
    /// `-else`
    Else,
}

impl CondKind {
    /// The directive's name without the dash.
    pub(crate) fn name(self) -> &'static str {
        match self {
            CondKind::Ifdef => "ifdef",
            CondKind::Ifndef => "ifndef",
            CondKind::If => "if",
            CondKind::Elif => "elif",
            CondKind::Else => "else",
        }
    }
}

/// The state of one open conditional.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Branch {
    /// The current branch is kept.
    Taking,
    /// No branch taken yet; a later `-elif`/`-else` may be.
    Waiting,
    /// A branch was taken (or the whole conditional is inside a skipped
    /// region): skip to `-endif`.
    Done,
}

/// One open conditional.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    /// The last directive seen for it.
    pub(crate) kind: CondKind,
    /// The branch state.
    pub(crate) branch: Branch,
}

/// The open conditionals of one file, innermost last.
#[derive(Default, Debug)]
pub(crate) struct CondStack {
    /// The frames.
    pub(crate) frames: Vec<Frame>,
}

impl CondStack {
    /// Whether forms are being kept.
    pub(crate) fn active(&self) -> bool {
        self.frames.iter().all(|f| f.branch == Branch::Taking)
    }

    /// Opens a conditional whose condition is `cond` (ignored when skipping).
    pub(crate) fn open(&mut self, kind: CondKind, cond: bool) {
        let branch = if !self.active() {
            Branch::Done
        } else if cond {
            Branch::Taking
        } else {
            Branch::Waiting
        };
        self.frames.push(Frame { kind, branch });
    }

    /// Whether an `-elif` here would need its condition evaluated.
    pub(crate) fn elif_needs_condition(&self) -> bool {
        let n = self.frames.len();
        n > 0
            && self.frames[n - 1].branch == Branch::Waiting
            && self.frames[..n - 1]
                .iter()
                .all(|f| f.branch == Branch::Taking)
    }

    /// Handles `-elif`; returns the error message, if any, worded as
    /// `epp` words it (which differs when the branch is skipped).
    pub(crate) fn elif(&mut self, cond: bool) -> Result<(), &'static str> {
        let active = self.active();
        let Some(top) = self.frames.last_mut() else {
            return Err("unbalanced '-elif'");
        };
        if top.kind == CondKind::Else {
            top.branch = Branch::Done;
            return Err(if active {
                "unbalanced '-elif'"
            } else {
                "'elif' following 'else'"
            });
        }
        top.kind = CondKind::Elif;
        top.branch = match top.branch {
            Branch::Waiting if cond => Branch::Taking,
            Branch::Waiting => Branch::Waiting,
            _ => Branch::Done,
        };
        Ok(())
    }

    /// Handles `-else`; returns the error message, if any.
    pub(crate) fn else_(&mut self) -> Result<(), &'static str> {
        let Some(top) = self.frames.last_mut() else {
            return Err("unbalanced '-else'");
        };
        if top.kind == CondKind::Else {
            top.branch = Branch::Done;
            return Err("repeated '-else'");
        }
        top.kind = CondKind::Else;
        top.branch = match top.branch {
            Branch::Waiting => Branch::Taking,
            _ => Branch::Done,
        };
        Ok(())
    }

    /// Handles `-endif`; returns the error message, if any.
    pub(crate) fn endif(&mut self) -> Result<(), &'static str> {
        self.frames.pop().map(|_| ()).ok_or("unbalanced '-endif'")
    }
}

/// A value of a condition: the terms a constant guard can make.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Int(BigInt),
    Float(f64),
    Atom(String),
    Tuple(Vec<Value>),
    /// A proper list (`[]` when empty).
    List(Vec<Value>),
}

impl Value {
    fn bool(b: bool) -> Value {
        Value::Atom(if b { "true" } else { "false" }.into())
    }

    fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Atom(a) if a == "true" => Some(true),
            Value::Atom(a) if a == "false" => Some(false),
            _ => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => i.to_f64(),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// Rank in Erlang's term order: number < atom < tuple < list.
    fn rank(&self) -> u8 {
        match self {
            Value::Int(_) | Value::Float(_) => 0,
            Value::Atom(_) => 1,
            Value::Tuple(_) => 2,
            Value::List(_) => 3,
        }
    }

    /// Compares in Erlang's term order; `exact` tells `=:=` from `==`.
    fn compare(&self, other: &Value, exact: bool) -> Ordering {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Atom(a), Value::Atom(b)) => a.cmp(b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                a.len().cmp(&b.len()).then_with(|| compare_all(a, b, exact))
            }
            (Value::List(a), Value::List(b)) => {
                compare_all(a, b, exact).then_with(|| a.len().cmp(&b.len()))
            }
            (a, b) if a.rank() == 0 && b.rank() == 0 => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                match x.partial_cmp(&y).unwrap_or(Ordering::Equal) {
                    Ordering::Equal if exact => {
                        matches!(a, Value::Float(_)).cmp(&matches!(b, Value::Float(_)))
                    }
                    o => o,
                }
            }
            (a, b) => a.rank().cmp(&b.rank()),
        }
    }
}

fn compare_all(a: &[Value], b: &[Value], exact: bool) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.compare(y, exact))
        .find(|o| *o != Ordering::Equal)
        .unwrap_or(Ordering::Equal)
}

/// Whether `e` may stand in a guard, as `erl_lint:is_guard_expr/1` decides
/// after `epp` has removed calls to functions that are not BIFs.
pub(crate) fn is_guard(e: &Expr) -> bool {
    match e {
        Expr::Var(..)
        | Expr::Atom(..)
        | Expr::Integer(..)
        | Expr::Float(..)
        | Expr::String(..)
        | Expr::Nil(..)
        | Expr::RecordIndex(..) => true,
        Expr::Cons(_, h, t) => is_guard(h) && is_guard(t),
        Expr::Tuple(_, es) => es.iter().all(is_guard),
        Expr::Map(_, fs) => fs.iter().all(|f| is_guard(&f.key) && is_guard(&f.value)),
        Expr::MapUpdate(_, m, fs) => {
            is_guard(m) && fs.iter().all(|f| is_guard(&f.key) && is_guard(&f.value))
        }
        Expr::Record(_, _, fs) => fs.iter().all(|f| is_guard(&f.value)),
        Expr::RecordField(_, r, _, _) => is_guard(r),
        Expr::Binary(_, segs) => segs
            .iter()
            .all(|s| is_guard(&s.value) && s.size.as_ref().is_none_or(is_guard)),
        Expr::BinOp(_, op, a, b) => *op != BinOp::Send && is_guard(a) && is_guard(b),
        Expr::UnOp(_, _, a) => is_guard(a),
        Expr::Call(_, f, args) => match &**f {
            Expr::Atom(_, name) => {
                !NOT_GUARD_BIFS.contains(&name.as_str()) && args.iter().all(is_guard)
            }
            _ => false,
        },
        Expr::RemoteCall(_, m, _, args) => {
            matches!(&**m, Expr::Atom(_, m) if m == "erlang") && args.iter().all(is_guard)
        }
        _ => false,
    }
}

/// Auto-imported BIFs that are not allowed in guards (a sample of the
/// common ones; `epp` refuses them in `-if`).
const NOT_GUARD_BIFS: &[&str] = &[
    "apply",
    "atom_to_list",
    "binary_to_list",
    "exit",
    "error",
    "integer_to_list",
    "list_to_atom",
    "list_to_integer",
    "put",
    "get",
    "spawn",
    "throw",
];

/// Evaluates a guard condition; false when it does not evaluate to `true`.
pub(crate) fn evaluate(e: &Expr) -> bool {
    eval(e).and_then(|v| v.as_bool()).unwrap_or(false)
}

fn eval(e: &Expr) -> Option<Value> {
    Some(match e {
        Expr::Integer(_, i) => Value::Int(i.clone()),
        Expr::Float(_, f) => Value::Float(*f),
        Expr::Atom(_, a) => Value::Atom(a.clone()),
        Expr::String(_, s) => Value::List(s.iter().map(|&c| Value::Int(c.into())).collect()),
        Expr::Nil(_) => Value::List(Vec::new()),
        Expr::Cons(_, h, t) => match eval(t)? {
            Value::List(mut rest) => {
                rest.insert(0, eval(h)?);
                Value::List(rest)
            }
            _ => return None,
        },
        Expr::Tuple(_, es) => Value::Tuple(es.iter().map(eval).collect::<Option<_>>()?),
        Expr::UnOp(_, op, a) => {
            let v = eval(a)?;
            match (op, v) {
                (UnOp::Neg, Value::Int(i)) => Value::Int(-i),
                (UnOp::Neg, Value::Float(f)) => Value::Float(-f),
                (UnOp::Plus, v @ (Value::Int(_) | Value::Float(_))) => v,
                (UnOp::Bnot, Value::Int(i)) => Value::Int(!i),
                (UnOp::Not, v) => Value::bool(!v.as_bool()?),
                _ => return None,
            }
        }
        Expr::BinOp(_, BinOp::AndAlso, a, b) => {
            if eval(a)?.as_bool()? {
                eval(b)?
            } else {
                Value::bool(false)
            }
        }
        Expr::BinOp(_, BinOp::OrElse, a, b) => {
            if eval(a)?.as_bool()? {
                Value::bool(true)
            } else {
                eval(b)?
            }
        }
        Expr::BinOp(_, op, a, b) => binary(*op, eval(a)?, eval(b)?)?,
        Expr::Call(_, f, args) => {
            let Expr::Atom(_, name) = &**f else {
                return None;
            };
            let args: Vec<Value> = args.iter().map(eval).collect::<Option<_>>()?;
            call(name, &args)?
        }
        Expr::RemoteCall(_, _, f, args) => {
            let Expr::Atom(_, name) = &**f else {
                return None;
            };
            let args: Vec<Value> = args.iter().map(eval).collect::<Option<_>>()?;
            call(name, &args)?
        }
        _ => return None,
    })
}

/// The guard BIFs a condition can call.
fn call(name: &str, args: &[Value]) -> Option<Value> {
    let is = |b: bool| Some(Value::bool(b));
    match (name, args) {
        ("is_atom", [v]) => is(matches!(v, Value::Atom(_))),
        ("is_integer", [v]) => is(matches!(v, Value::Int(_))),
        ("is_float", [v]) => is(matches!(v, Value::Float(_))),
        ("is_number", [v]) => is(v.rank() == 0),
        ("is_tuple", [v]) => is(matches!(v, Value::Tuple(_))),
        ("is_list", [v]) => is(matches!(v, Value::List(_))),
        ("is_boolean", [v]) => is(v.as_bool().is_some()),
        ("abs", [Value::Int(i)]) => Some(Value::Int(if i.is_negative() { -i } else { i.clone() })),
        ("length", [Value::List(l)]) => Some(Value::Int(l.len().into())),
        ("tuple_size", [Value::Tuple(t)]) => Some(Value::Int(t.len().into())),
        ("element", [Value::Int(i), Value::Tuple(t)]) => {
            t.get(i.to_usize()?.checked_sub(1)?).cloned()
        }
        ("hd", [Value::List(l)]) => l.first().cloned(),
        ("min", [a, b]) => Some(
            if b.compare(a, false) == Ordering::Less {
                b
            } else {
                a
            }
            .clone(),
        ),
        ("max", [a, b]) => Some(
            if b.compare(a, false) == Ordering::Greater {
                b
            } else {
                a
            }
            .clone(),
        ),
        _ => None,
    }
}

fn binary(op: BinOp, a: Value, b: Value) -> Option<Value> {
    use Value::*;
    let ord = || a.compare(&b, false);
    let exact = || a.compare(&b, true);
    Some(match op {
        BinOp::Eq => Value::bool(ord() == Ordering::Equal),
        BinOp::Ne => Value::bool(ord() != Ordering::Equal),
        BinOp::ExactEq => Value::bool(exact() == Ordering::Equal),
        BinOp::ExactNe => Value::bool(exact() != Ordering::Equal),
        BinOp::Lt => Value::bool(ord() == Ordering::Less),
        BinOp::Le => Value::bool(ord() != Ordering::Greater),
        BinOp::Gt => Value::bool(ord() == Ordering::Greater),
        BinOp::Ge => Value::bool(ord() != Ordering::Less),
        BinOp::And | BinOp::Or | BinOp::Xor => {
            let (x, y) = (a.as_bool()?, b.as_bool()?);
            Value::bool(match op {
                BinOp::And => x && y,
                BinOp::Or => x || y,
                _ => x != y,
            })
        }
        BinOp::Append => match (a, b) {
            (List(mut x), List(y)) => {
                x.extend(y);
                List(x)
            }
            _ => return None,
        },
        _ => match (a, b) {
            (Int(x), Int(y)) => Int(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::IDiv if !y.is_zero() => x / y,
                BinOp::Rem if !y.is_zero() => x % y,
                BinOp::Band => x & y,
                BinOp::Bor => x | y,
                BinOp::Bxor => x ^ y,
                BinOp::Bsl => x << y.to_usize()?,
                BinOp::Bsr => x >> y.to_usize()?,
                BinOp::FDiv if !y.is_zero() => return Some(Float(x.to_f64()? / y.to_f64()?)),
                _ => return None,
            }),
            (x, y) => {
                let (x, y) = (x.as_f64()?, y.as_f64()?);
                Float(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::FDiv if y != 0.0 => x / y,
                    _ => return None,
                })
            }
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::tokenize;
    use crate::source::{FileId, Span};

    fn eval(text: &str) -> Option<bool> {
        let (toks, _) = tokenize(&format!("({text})."), FileId(0));
        let exprs = crate::parser::parse_exprs(toks, Span::default()).ok()?;
        match exprs.as_slice() {
            [e] if is_guard(e) => Some(evaluate(e)),
            _ => None,
        }
    }

    #[test]
    fn conditions_evaluate() {
        assert_eq!(eval("25 >= 25 andalso true"), Some(true));
        assert_eq!(eval("1 + 2 * 3 == 7"), Some(true));
        assert_eq!(eval("not (1 < 2)"), Some(false));
        assert_eq!(eval("1 == 1.0"), Some(true));
        assert_eq!(eval("1 =:= 1.0"), Some(false));
        assert_eq!(eval("a < 1"), Some(false));
        assert_eq!(eval("false orelse 7 rem 4 =:= 3"), Some(true));
        assert_eq!(eval("is_atom(a) and is_integer(1)"), Some(true));
        assert_eq!(eval("{a, [1]} < {a, [2]}"), Some(true));
        assert_eq!(eval("1"), Some(false));
        assert_eq!(eval("foo(1)"), Some(false));
        assert_eq!(eval("X"), Some(false));
        assert_eq!(eval("X = 1"), None);
    }

    #[test]
    fn stack_tracks_branches() {
        let mut s = CondStack::default();
        s.open(CondKind::Ifdef, false);
        assert!(!s.active());
        s.open(CondKind::If, true);
        assert!(!s.active());
        s.endif().unwrap();
        s.else_().unwrap();
        assert!(s.active());
        assert_eq!(s.else_(), Err("repeated '-else'"));
        s.endif().unwrap();
        assert_eq!(s.endif(), Err("unbalanced '-endif'"));
    }
}
