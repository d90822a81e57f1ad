//! The total term order and the two equalities (OTP `erl_utils.h`, `erts_cmp`).
//!
//! number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
//! Numbers compare by value, so `1 == 1.0` and neither is less than the other;
//! `=:=` ([`exact_eq`]) also requires the same type. Map keys use the exact
//! order [`cmp_keys`], in which every integer sorts before every float.

use super::{Term, Tuple};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};
use std::cmp::Ordering;

fn type_rank(t: &Term) -> u8 {
    match t {
        Term::Int(_) | Term::Big(_) | Term::Float(_) => 0,
        Term::Atom(_) => 1,
        Term::Ref(_) => 2,
        Term::Fun(_) => 3,
        Term::Pid(_) => 5,
        Term::Tuple(_) => 6,
        Term::Map(_) => 7,
        Term::Nil => 8,
        Term::Cons(_) => 9,
        Term::Binary(_) => 10,
    }
}

/// Compares an integer with a float by exact value.
pub fn cmp_big_float(i: &BigInt, f: f64) -> Ordering {
    let fl = f.floor();
    match BigInt::from_f64(fl) {
        Some(b) => match i.cmp(&b) {
            Ordering::Equal if f > fl => Ordering::Less,
            o => o,
        },
        None => Ordering::Equal,
    }
}

fn cmp_int_float(i: i64, f: f64) -> Ordering {
    if i.unsigned_abs() < (1u64 << 53) {
        (i as f64).partial_cmp(&f).unwrap_or(Ordering::Equal)
    } else {
        cmp_big_float(&BigInt::from(i), f)
    }
}

fn cmp_numbers(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x.cmp(y),
        (Term::Int(x), Term::Big(y)) => BigInt::from(*x).cmp(y),
        (Term::Big(x), Term::Int(y)) => x.as_ref().cmp(&BigInt::from(*y)),
        (Term::Big(x), Term::Big(y)) => x.cmp(y),
        (Term::Float(x), Term::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Term::Int(x), Term::Float(y)) => cmp_int_float(*x, *y),
        (Term::Float(x), Term::Int(y)) => cmp_int_float(*y, *x).reverse(),
        (Term::Big(x), Term::Float(y)) => cmp_big_float(x, *y),
        (Term::Float(x), Term::Big(y)) => cmp_big_float(y, *x).reverse(),
        _ => unreachable!("cmp_numbers on non-numbers"),
    }
}

/// The term order; `Equal` for `==`-equal terms (so `1` and `1.0` are equal).
pub fn compare(a: &Term, b: &Term) -> Ordering {
    cmp(a, b, false)
}

/// The exact order used for map keys: like [`compare`], but integers sort
/// before floats, so only `=:=`-equal terms are `Equal`.
pub fn cmp_keys(a: &Term, b: &Term) -> Ordering {
    cmp(a, b, true)
}

/// `==`.
pub fn eq(a: &Term, b: &Term) -> bool {
    compare(a, b) == Ordering::Equal
}

/// `=:=`.
#[inline]
pub fn exact_eq(a: &Term, b: &Term) -> bool {
    // Immediates first, inline: most comparisons in matching are atoms
    // and small integers.
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x == y,
        (Term::Atom(x), Term::Atom(y)) => x == y,
        (Term::Nil, Term::Nil) => true,
        (Term::Pid(x), Term::Pid(y)) => x == y,
        _ => exact_eq_boxed(a, b),
    }
}

fn exact_eq_boxed(a: &Term, b: &Term) -> bool {
    let (mut a, mut b) = (a, b);
    // Lists are walked in a loop (no recursion along the tail); tuples
    // compare arity first. Neither needs the ordering of atoms by name.
    loop {
        return match (a, b) {
            (Term::Ref(x), Term::Ref(y)) => x == y,
            (Term::Tuple(x), Term::Tuple(y)) => {
                if x.ptr_eq(y) {
                    return true;
                }
                let (xs, ys) = (x.elems(), y.elems());
                if xs.len() != ys.len() {
                    return false;
                }
                for i in 0..xs.len() {
                    if !exact_eq(&xs[i], &ys[i]) {
                        return false;
                    }
                }
                true
            }
            (Term::Cons(x), Term::Cons(y)) => {
                if std::sync::Arc::ptr_eq(x, y) {
                    return true;
                }
                if !exact_eq(&x.head, &y.head) {
                    return false;
                }
                (a, b) = (&x.tail, &y.tail);
                if let (Term::Nil, Term::Nil) = (a, b) {
                    return true;
                }
                continue;
            }
            // Different kinds are never exactly equal, except a small and
            // a big integer, which the full comparison settles.
            (Term::Int(_), Term::Big(_)) | (Term::Big(_), Term::Int(_)) => {
                cmp_keys(a, b) == Ordering::Equal
            }
            _ if std::mem::discriminant(a) != std::mem::discriminant(b) => false,
            (Term::Int(_) | Term::Atom(_) | Term::Nil | Term::Pid(_), _) => exact_eq(a, b),
            _ => cmp_keys(a, b) == Ordering::Equal,
        };
    }
}

fn cmp_tuples(x: &Tuple, y: &Tuple, exact: bool) -> Ordering {
    if x.ptr_eq(y) {
        return Ordering::Equal;
    }
    x.len().cmp(&y.len()).then_with(|| {
        for (a, b) in x.iter().zip(y.iter()) {
            let o = cmp(a, b, exact);
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    })
}

fn cmp(a: &Term, b: &Term, exact: bool) -> Ordering {
    let (ra, rb) = (type_rank(a), type_rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Term::Atom(x), Term::Atom(y)) => {
            if x == y {
                Ordering::Equal
            } else {
                x.name().cmp(y.name())
            }
        }
        (Term::Nil, Term::Nil) => Ordering::Equal,
        (Term::Cons(_), Term::Cons(_)) => {
            let (mut x, mut y) = (a, b);
            loop {
                match (x, y) {
                    (Term::Cons(cx), Term::Cons(cy)) => {
                        if std::sync::Arc::ptr_eq(cx, cy) {
                            return Ordering::Equal;
                        }
                        let o = cmp(&cx.head, &cy.head, exact);
                        if o != Ordering::Equal {
                            return o;
                        }
                        x = &cx.tail;
                        y = &cy.tail;
                    }
                    _ => return cmp(x, y, exact),
                }
            }
        }
        (Term::Tuple(x), Term::Tuple(y)) => cmp_tuples(x, y, exact),
        (Term::Map(x), Term::Map(y)) => x.len().cmp(&y.len()).then_with(|| {
            for (k1, k2) in x.keys().zip(y.keys()) {
                let o = cmp_keys(k1, k2);
                if o != Ordering::Equal {
                    return o;
                }
            }
            for (v1, v2) in x.values().zip(y.values()) {
                let o = cmp(v1, v2, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (Term::Binary(x), Term::Binary(y)) => match (x.as_bytes(), y.as_bytes()) {
            (Some(p), Some(q)) => p.cmp(q),
            _ => {
                let n = x.bit_len().min(y.bit_len());
                for i in 0..n {
                    let o = x.bit(i).cmp(&y.bit(i));
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                x.bit_len().cmp(&y.bit_len())
            }
        },
        (Term::Pid(x), Term::Pid(y)) => x.cmp(y),
        (Term::Ref(x), Term::Ref(y)) => x.cmp(y),
        (Term::Fun(x), Term::Fun(y)) => cmp_funs(x, y, exact),
        _ => {
            if exact {
                let int_a = a.is_integer();
                let int_b = b.is_integer();
                if int_a != int_b {
                    return if int_a {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                }
            }
            cmp_numbers(a, b)
        }
    }
}

/// Funs: closures by module, lambda, code version and captured values;
/// `fun M:F/A` by module, name and arity (closures sort first).
fn cmp_funs(x: &super::Fun, y: &super::Fun, exact: bool) -> Ordering {
    use super::FunKind::{External, Local};
    match (&x.kind, &y.kind) {
        (
            Local {
                code: c1,
                index: i1,
                env: e1,
                ..
            },
            Local {
                code: c2,
                index: i2,
                env: e2,
                ..
            },
        ) => x
            .module
            .name()
            .cmp(y.module.name())
            .then(i1.cmp(i2))
            .then_with(|| {
                (std::sync::Arc::as_ptr(c1) as usize).cmp(&(std::sync::Arc::as_ptr(c2) as usize))
            })
            .then(e1.len().cmp(&e2.len()))
            .then_with(|| {
                for (a, b) in e1.iter().zip(e2.iter()) {
                    let o = cmp(a, b, exact);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            }),
        (
            External {
                function: f1,
                arity: a1,
            },
            External {
                function: f2,
                arity: a2,
            },
        ) => x
            .module
            .name()
            .cmp(y.module.name())
            .then(f1.name().cmp(f2.name()))
            .then(a1.cmp(a2)),
        (Local { .. }, External { .. }) => Ordering::Less,
        (External { .. }, Local { .. }) => Ordering::Greater,
    }
}

/// Converts an integer term to `f64` (for mixed arithmetic); `None` if too big.
pub fn int_to_f64(t: &Term) -> Option<f64> {
    match t {
        Term::Int(i) => Some(*i as f64),
        Term::Big(b) => b.to_f64().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// True for a negative integer.
pub fn is_negative_int(t: &Term) -> bool {
    match t {
        Term::Int(i) => *i < 0,
        Term::Big(b) => b.is_negative(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{Atom, MapData};
    use std::sync::Arc;

    fn a(s: &str) -> Term {
        Term::Atom(Atom::intern(s).unwrap())
    }

    #[test]
    fn type_order_follows_otp() {
        let ordered = vec![
            Term::Int(5),
            a("abc"),
            Term::Ref(crate::term::Ref(1)),
            Term::Pid(crate::term::Pid(1)),
            Term::tuple(vec![]),
            Term::Map(Arc::new(MapData::new())),
            Term::Nil,
            Term::list(vec![Term::Int(1)]),
            Term::binary(b""),
        ];
        for w in ordered.windows(2) {
            assert_eq!(
                compare(&w[0], &w[1]),
                Ordering::Less,
                "{:?} < {:?}",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn numbers_compare_by_value_but_not_exactly() {
        assert!(eq(&Term::Int(1), &Term::Float(1.0)));
        assert!(!exact_eq(&Term::Int(1), &Term::Float(1.0)));
        assert_eq!(compare(&Term::Int(1), &Term::Float(1.5)), Ordering::Less);
        let big = Term::from_bigint(BigInt::from(1u64 << 62) * 4);
        assert_eq!(compare(&big, &Term::Float(1.0e30)), Ordering::Less);
        assert_eq!(cmp_keys(&Term::Int(2), &Term::Float(1.0)), Ordering::Less);
    }

    #[test]
    fn binaries_compare_by_content() {
        assert!(exact_eq(&Term::binary(b"abc"), &Term::binary(b"abc")));
        assert!(!exact_eq(&Term::binary(b"abc"), &Term::binary(b"abd")));
        assert_eq!(
            compare(&Term::binary(b"ab"), &Term::binary(b"abc")),
            Ordering::Less
        );
    }
}
