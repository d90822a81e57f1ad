//! The natively implemented functions of `lists` (OTP `erl_bif_lists.c`):
//! the rest of the module is Erlang, in `stdlib/lists.erl`.

use super::args::badarg_in;
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{atom, order, Atom, Term};

type P = Process;

pub(crate) fn reverse_2(_: &mut P, a: &[Term]) -> BifResult {
    let mut acc = a[1].clone();
    let mut it = a[0].iter_list();
    for x in &mut it {
        acc = Term::cons(x.clone(), acc);
    }
    if !it.is_proper() {
        return Err(badarg_in("lists", "reverse", a));
    }
    Ok(acc)
}

/// `lists:sort/1`: a stable merge sort in the standard term order, the
/// result the Erlang definition it replaces gives (equal elements, such
/// as `1` and `1.0`, keep their order). Not a list, or an improper one:
/// `function_clause`, as the Erlang definition fails.
pub(crate) fn sort_1(_: &mut P, a: &[Term]) -> BifResult {
    let Some(mut v) = a[0].list_to_vec() else {
        return Err(BifError::error_in(
            Term::Atom(atom::FUNCTION_CLAUSE),
            Atom::from_static("lists"),
            Atom::from_static("sort"),
            a,
        ));
    };
    v.sort_by(order::compare);
    Ok(Term::list(v))
}

pub(crate) fn member_2(_: &mut P, a: &[Term]) -> BifResult {
    let mut it = a[1].iter_list();
    for x in &mut it {
        if order::exact_eq(x, &a[0]) {
            return Ok(Term::Atom(atom::TRUE));
        }
    }
    if !it.is_proper() {
        return Err(badarg_in("lists", "member", a));
    }
    Ok(Term::Atom(atom::FALSE))
}

fn keyfind(a: &[Term], name: &str) -> Result<Option<Term>, crate::interp::BifError> {
    let n = match &a[1] {
        Term::Int(n) if *n >= 1 => *n as usize,
        _ => return Err(badarg_in("lists", name, a)),
    };
    let mut it = a[2].iter_list();
    for x in &mut it {
        if let Term::Tuple(t) = x {
            if t.len() >= n && order::eq(&t[n - 1], &a[0]) {
                return Ok(Some(x.clone()));
            }
        }
    }
    if !it.is_proper() {
        return Err(badarg_in("lists", name, a));
    }
    Ok(None)
}

pub(crate) fn keyfind_3(_: &mut P, a: &[Term]) -> BifResult {
    Ok(keyfind(a, "keyfind")?.unwrap_or(Term::Atom(atom::FALSE)))
}

pub(crate) fn keymember_3(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::bool(keyfind(a, "keymember")?.is_some()))
}

pub(crate) fn keysearch_3(_: &mut P, a: &[Term]) -> BifResult {
    Ok(match keyfind(a, "keysearch")? {
        Some(t) => Term::tuple(vec![Term::atom_str("value"), t]),
        None => Term::Atom(atom::FALSE),
    })
}
