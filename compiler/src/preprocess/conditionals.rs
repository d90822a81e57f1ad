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

use crate::lexer::{SpannedToken, Token};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
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

/// A value of a condition.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Int(BigInt),
    Float(f64),
    Atom(String),
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
            Value::Atom(_) => None,
        }
    }

    /// Compares in Erlang's term order; `exact` tells `=:=` from `==`.
    fn compare(&self, other: &Value, exact: bool) -> Ordering {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Atom(a), Value::Atom(b)) => a.cmp(b),
            (Value::Atom(_), _) => Ordering::Greater,
            (_, Value::Atom(_)) => Ordering::Less,
            (a, b) => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                match x.partial_cmp(&y).unwrap_or(Ordering::Equal) {
                    Ordering::Equal if exact => {
                        matches!(a, Value::Float(_)).cmp(&matches!(b, Value::Float(_)))
                    }
                    o => o,
                }
            }
        }
    }
}

/// Evaluates a condition (macros already expanded). `None` when it is not
/// a constant expression or does not evaluate.
pub(crate) fn evaluate(toks: &[SpannedToken]) -> Option<bool> {
    let mut p = Eval { toks, pos: 0 };
    let v = p.expr(0)?;
    if p.pos != toks.len() {
        return None;
    }
    v.as_bool()
}

struct Eval<'a> {
    toks: &'a [SpannedToken],
    pos: usize,
}

/// Binding power of a binary operator (left, right), after erl_parse's levels.
fn binding(tok: &Token) -> Option<(u8, u8)> {
    Some(match tok {
        Token::Orelse => (16, 15),
        Token::Andalso => (18, 17),
        Token::EqEq
        | Token::Ne
        | Token::ExactEq
        | Token::ExactNe
        | Token::Lt
        | Token::Le
        | Token::Gt
        | Token::Ge => (20, 21),
        Token::Plus
        | Token::Minus
        | Token::Or
        | Token::Xor
        | Token::Bor
        | Token::Bxor
        | Token::Bsl
        | Token::Bsr => (40, 41),
        Token::Star | Token::Slash | Token::Div | Token::Rem | Token::And | Token::Band => (50, 51),
        _ => return None,
    })
}

impl Eval<'_> {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn expr(&mut self, min: u8) -> Option<Value> {
        let mut lhs = self.prefix()?;
        while let Some(op) = self.peek().cloned() {
            let Some((l, r)) = binding(&op) else { break };
            if l < min {
                break;
            }
            self.pos += 1;
            lhs = match op {
                Token::Andalso => {
                    if lhs.as_bool()? {
                        self.expr(r)?
                    } else {
                        self.expr(r)?;
                        Value::bool(false)
                    }
                }
                Token::Orelse => {
                    if lhs.as_bool()? {
                        self.expr(r)?;
                        Value::bool(true)
                    } else {
                        self.expr(r)?
                    }
                }
                _ => {
                    let rhs = self.expr(r)?;
                    binary(&op, lhs, rhs)?
                }
            };
            if matches!(
                op,
                Token::EqEq | Token::Ne | Token::ExactEq | Token::ExactNe
            ) || matches!(op, Token::Lt | Token::Le | Token::Gt | Token::Ge)
            {
                if let Some(next) = self.peek() {
                    if binding(next).is_some_and(|(l2, _)| l2 == l) {
                        return None;
                    }
                }
            }
        }
        Some(lhs)
    }

    fn prefix(&mut self) -> Option<Value> {
        let tok = self.peek()?.clone();
        self.pos += 1;
        match tok {
            Token::Integer(i) => Some(Value::Int(i)),
            Token::Char(c) => Some(Value::Int(c.into())),
            Token::Float(f) => Some(Value::Float(f)),
            Token::Atom(a) => Some(Value::Atom(a)),
            Token::LParen => {
                let v = self.expr(0)?;
                (self.peek() == Some(&Token::RParen)).then_some(())?;
                self.pos += 1;
                Some(v)
            }
            Token::Minus => match self.expr(60)? {
                Value::Int(i) => Some(Value::Int(-i)),
                Value::Float(f) => Some(Value::Float(-f)),
                Value::Atom(_) => None,
            },
            Token::Plus => match self.expr(60)? {
                Value::Atom(_) => None,
                v => Some(v),
            },
            Token::Not => Some(Value::bool(!self.expr(60)?.as_bool()?)),
            Token::Bnot => match self.expr(60)? {
                Value::Int(i) => Some(Value::Int(!i)),
                _ => None,
            },
            _ => None,
        }
    }
}

fn binary(op: &Token, a: Value, b: Value) -> Option<Value> {
    use Value::*;
    let ord = || a.compare(&b, false);
    let exact = || a.compare(&b, true);
    Some(match op {
        Token::EqEq => Value::bool(ord() == Ordering::Equal),
        Token::Ne => Value::bool(ord() != Ordering::Equal),
        Token::ExactEq => Value::bool(exact() == Ordering::Equal),
        Token::ExactNe => Value::bool(exact() != Ordering::Equal),
        Token::Lt => Value::bool(ord() == Ordering::Less),
        Token::Le => Value::bool(ord() != Ordering::Greater),
        Token::Gt => Value::bool(ord() == Ordering::Greater),
        Token::Ge => Value::bool(ord() != Ordering::Less),
        Token::And | Token::Or | Token::Xor => {
            let (x, y) = (a.as_bool()?, b.as_bool()?);
            Value::bool(match op {
                Token::And => x && y,
                Token::Or => x || y,
                _ => x != y,
            })
        }
        _ => match (a, b) {
            (Int(x), Int(y)) => Int(match op {
                Token::Plus => x + y,
                Token::Minus => x - y,
                Token::Star => x * y,
                Token::Div if !y.is_zero() => x / y,
                Token::Rem if !y.is_zero() => x % y,
                Token::Band => x & y,
                Token::Bor => x | y,
                Token::Bxor => x ^ y,
                Token::Bsl => x << y.to_usize()?,
                Token::Bsr => x >> y.to_usize()?,
                Token::Slash if !y.is_zero() => return Some(Float(x.to_f64()? / y.to_f64()?)),
                _ => return None,
            }),
            (x, y) => {
                let (x, y) = (x.as_f64()?, y.as_f64()?);
                Float(match op {
                    Token::Plus => x + y,
                    Token::Minus => x - y,
                    Token::Star => x * y,
                    Token::Slash if y != 0.0 => x / y,
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
    use crate::source::FileId;

    fn eval(text: &str) -> Option<bool> {
        let (toks, _) = tokenize(text, FileId(0));
        evaluate(&toks)
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
        assert_eq!(eval("1"), None);
        assert_eq!(eval("foo(1)"), None);
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
