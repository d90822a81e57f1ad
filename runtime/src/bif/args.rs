//! Argument checks shared by the BIFs: each returns the typed value or the
//! `badarg` the BIF must raise.

use crate::interp::BifError;
use crate::term::{atom, Atom, Term};

/// `badarg` raised by `erlang:name/N` with these arguments.
#[cold]
pub(crate) fn badarg(name: &str, args: &[Term]) -> BifError {
    BifError::badarg(atom::ERLANG, Atom::from_static(name), args)
}

/// `badarg` raised by `module:name/N`.
#[cold]
pub(crate) fn badarg_in(module: &str, name: &str, args: &[Term]) -> BifError {
    BifError::badarg(Atom::from_static(module), Atom::from_static(name), args)
}

/// A small integer argument.
pub(crate) fn int(t: &Term) -> Option<i64> {
    match t {
        Term::Int(i) => Some(*i),
        _ => None,
    }
}

/// A proper list's elements.
pub(crate) fn list(t: &Term) -> Option<Vec<Term>> {
    t.list_to_vec()
}

/// A flat list of character codes (0..=0x10FFFF) as a String.
pub(crate) fn string(t: &Term) -> Option<String> {
    t.list_to_string()
}
