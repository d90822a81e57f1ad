//! Constant folding of arithmetic on literals, so that `1 bsl 70` or
//! `-(2 * 3)` may stand in a pattern, as OTP allows ("an arithmetic
//! expression whose value can be evaluated to a constant at compile time").
//! Anything that would raise at run time (division by zero, a non-number)
//! is left unfolded.

use crate::ast::{BinOp, UnOp};
use crate::bytecode::Literal;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// Shifts larger than this are left to run time.
const MAX_SHIFT: u64 = 1 << 16;

pub(crate) fn unary(op: UnOp, x: Literal) -> Option<Literal> {
    Some(match (op, x) {
        (UnOp::Neg, Literal::Int(i)) => Literal::Int(-i),
        (UnOp::Neg, Literal::Float(f)) => Literal::Float(-f),
        (UnOp::Plus, l @ (Literal::Int(_) | Literal::Float(_))) => l,
        (UnOp::Bnot, Literal::Int(i)) => Literal::Int(-i - 1),
        _ => return None,
    })
}

fn float(l: &Literal) -> Option<f64> {
    match l {
        Literal::Int(i) => i.to_f64(),
        Literal::Float(f) => Some(*f),
        _ => None,
    }
}

pub(crate) fn binary(op: BinOp, a: Literal, b: Literal) -> Option<Literal> {
    if let (Literal::Int(x), Literal::Int(y)) = (&a, &b) {
        return Some(Literal::Int(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::IDiv if !y.is_zero() => x / y,
            BinOp::Rem if !y.is_zero() => x % y,
            BinOp::Band => x & y,
            BinOp::Bor => x | y,
            BinOp::Bxor => x ^ y,
            BinOp::Bsl | BinOp::Bsr => {
                let n = y.to_i64()?;
                let n = if op == BinOp::Bsr { -n } else { n };
                if n.unsigned_abs() > MAX_SHIFT {
                    return None;
                }
                if n >= 0 {
                    x << n as usize
                } else {
                    x.div_floor(&(BigInt::from(1) << (-n) as usize))
                }
            }
            BinOp::FDiv if !y.is_zero() => return finite(x.to_f64()? / y.to_f64()?),
            _ => return None,
        }));
    }
    let (x, y) = (float(&a)?, float(&b)?);
    match op {
        BinOp::Add => finite(x + y),
        BinOp::Sub => finite(x - y),
        BinOp::Mul => finite(x * y),
        BinOp::FDiv if y != 0.0 => finite(x / y),
        _ => None,
    }
}

fn finite(f: f64) -> Option<Literal> {
    f.is_finite().then_some(Literal::Float(f))
}
