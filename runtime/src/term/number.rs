//! Arithmetic on integers (small and big) and floats (OTP `erl_arith.c`).
//!
//! Every operation returns `None` where OTP raises `badarith`: a non-number
//! operand, division by zero, a float result that is not finite, a bitwise
//! operation on a float.

use super::order::int_to_f64;
use super::Term;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::sync::Arc;

fn big(t: &Term) -> Option<BigInt> {
    match t {
        Term::Int(i) => Some(BigInt::from(*i)),
        Term::Big(b) => Some(b.as_ref().clone()),
        _ => None,
    }
}

fn float(t: &Term) -> Option<f64> {
    match t {
        Term::Float(f) => Some(*f),
        _ => int_to_f64(t),
    }
}

fn finite(f: f64) -> Option<Term> {
    f.is_finite().then_some(Term::Float(f))
}

fn float_op(a: &Term, b: &Term, op: fn(f64, f64) -> f64) -> Option<Term> {
    if !a.is_number() || !b.is_number() {
        return None;
    }
    finite(op(float(a)?, float(b)?))
}

macro_rules! int_or_float_op {
    ($name:ident, $checked:ident, $bigop:tt, $fop:tt, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(a: &Term, b: &Term) -> Option<Term> {
            match (a, b) {
                (Term::Int(x), Term::Int(y)) => Some(match x.$checked(*y) {
                    Some(r) => Term::Int(r),
                    None => Term::from_bigint(BigInt::from(*x) $bigop BigInt::from(*y)),
                }),
                (Term::Float(_), _) | (_, Term::Float(_)) => float_op(a, b, |x, y| x $fop y),
                _ => Some(Term::from_bigint(big(a)? $bigop big(b)?)),
            }
        }
    };
}

int_or_float_op!(add, checked_add, +, +, "`A + B`.");
int_or_float_op!(sub, checked_sub, -, -, "`A - B`.");
int_or_float_op!(mul, checked_mul, *, *, "`A * B`.");

/// `A / B`: always a float.
pub fn fdiv(a: &Term, b: &Term) -> Option<Term> {
    let y = float(b).filter(|_| b.is_number())?;
    if y == 0.0 {
        return None;
    }
    finite(float(a).filter(|_| a.is_number())? / y)
}

/// `A div B`: integer division truncating towards zero.
pub fn idiv(a: &Term, b: &Term) -> Option<Term> {
    match (a, b) {
        (Term::Int(_), Term::Int(0)) => None,
        (Term::Int(x), Term::Int(y)) => Some(match x.checked_div(*y) {
            Some(r) => Term::Int(r),
            None => Term::from_bigint(BigInt::from(*x) / BigInt::from(*y)),
        }),
        _ => {
            let (x, y) = (big(a)?, big(b)?);
            if y.is_zero() {
                return None;
            }
            Some(Term::from_bigint(x / y))
        }
    }
}

/// `A rem B`: remainder with the sign of `A`.
pub fn rem(a: &Term, b: &Term) -> Option<Term> {
    match (a, b) {
        (Term::Int(_), Term::Int(0)) => None,
        (Term::Int(x), Term::Int(y)) => Some(Term::Int(x.checked_rem(*y).unwrap_or(0))),
        _ => {
            let (x, y) = (big(a)?, big(b)?);
            if y.is_zero() {
                return None;
            }
            Some(Term::from_bigint(x % y))
        }
    }
}

macro_rules! bitwise_op {
    ($name:ident, $op:tt, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(a: &Term, b: &Term) -> Option<Term> {
            match (a, b) {
                (Term::Int(x), Term::Int(y)) => Some(Term::Int(x $op y)),
                _ => Some(Term::from_bigint(big(a)? $op big(b)?)),
            }
        }
    };
}

bitwise_op!(band, &, "`A band B`.");
bitwise_op!(bor, |, "`A bor B`.");
bitwise_op!(bxor, ^, "`A bxor B`.");

/// Shifts larger than this many bits fail with `system_limit` in OTP; ferl
/// refuses them as `badarith` rather than exhausting memory.
const MAX_SHIFT: i64 = 1 << 26;

/// `A bsl B` (a negative `B` shifts right).
pub fn bsl(a: &Term, b: &Term) -> Option<Term> {
    let n = match b {
        Term::Int(n) => *n,
        Term::Big(bn) => {
            if a.is_integer() && bn.sign() == num_bigint::Sign::Minus {
                return Some(Term::Int(if super::order::is_negative_int(a) {
                    -1
                } else {
                    0
                }));
            }
            return None;
        }
        _ => return None,
    };
    let x = big(a)?;
    if n >= 0 {
        if n > MAX_SHIFT {
            return if x.is_zero() {
                Some(Term::Int(0))
            } else {
                None
            };
        }
        Some(Term::from_bigint(x << (n as usize)))
    } else {
        let s = n.unsigned_abs().min(u64::from(u32::MAX)) as usize;
        Some(Term::from_bigint(x >> s))
    }
}

/// `A bsr B`.
pub fn bsr(a: &Term, b: &Term) -> Option<Term> {
    match b {
        Term::Int(n) => bsl(a, &Term::Int(n.checked_neg()?)),
        Term::Big(bn) => bsl(a, &Term::from_bigint(-bn.as_ref().clone())),
        _ => None,
    }
}

/// `bnot A`.
pub fn bnot(a: &Term) -> Option<Term> {
    match a {
        Term::Int(x) => Some(Term::Int(!x)),
        Term::Big(b) => Some(Term::from_bigint(-(b.as_ref() + BigInt::from(1)))),
        _ => None,
    }
}

/// `-A`.
pub fn neg(a: &Term) -> Option<Term> {
    match a {
        Term::Int(x) => Some(match x.checked_neg() {
            Some(r) => Term::Int(r),
            None => Term::from_bigint(-BigInt::from(*x)),
        }),
        Term::Big(b) => Some(Term::from_bigint(-b.as_ref())),
        Term::Float(f) => Some(Term::Float(-f)),
        _ => None,
    }
}

/// Integer floor division and modulo with the sign of the divisor
/// (for `math`/`integer_to_list` helpers that need it).
pub fn div_mod_floor(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

/// The integer value of a term as `i64`, if it is an integer that fits.
pub fn to_i64(t: &Term) -> Option<i64> {
    match t {
        Term::Int(i) => Some(*i),
        Term::Big(b) => b.to_i64(),
        _ => None,
    }
}

/// The integer value of a term as a `BigInt`.
pub fn to_bigint(t: &Term) -> Option<BigInt> {
    big(t)
}

/// A big integer term, shared.
pub fn big_term(b: BigInt) -> Term {
    match b.to_i64() {
        Some(i) => Term::Int(i),
        None => Term::Big(Arc::new(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_overflow_becomes_big_and_back() {
        let m = Term::Int(i64::MAX);
        let s = add(&m, &Term::Int(1)).unwrap();
        assert!(matches!(s, Term::Big(_)));
        let back = sub(&s, &Term::Int(1)).unwrap();
        assert!(matches!(back, Term::Int(i64::MAX)));
    }

    #[test]
    fn division_rules_match_otp() {
        assert!(matches!(
            idiv(&Term::Int(-7), &Term::Int(2)),
            Some(Term::Int(-3))
        ));
        assert!(matches!(
            rem(&Term::Int(-7), &Term::Int(2)),
            Some(Term::Int(-1))
        ));
        assert!(idiv(&Term::Int(1), &Term::Int(0)).is_none());
        assert!(fdiv(&Term::Int(1), &Term::Float(0.0)).is_none());
        assert!(matches!(
            idiv(&Term::Int(i64::MIN), &Term::Int(-1)),
            Some(Term::Big(_))
        ));
    }

    #[test]
    fn shifts_and_bitwise() {
        assert!(matches!(
            bsl(&Term::Int(1), &Term::Int(3)),
            Some(Term::Int(8))
        ));
        assert!(matches!(
            bsr(&Term::Int(-16), &Term::Int(2)),
            Some(Term::Int(-4))
        ));
        assert!(matches!(bnot(&Term::Int(0)), Some(Term::Int(-1))));
        assert!(band(&Term::Float(1.0), &Term::Int(1)).is_none());
    }
}
