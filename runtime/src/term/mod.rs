//! Erlang terms (OTP `erl_term.h`).
//!
//! A [`Term`] is 16 bytes: immediates (small integers, floats, atoms, `[]`,
//! pids, references) are stored inline; tuples, cons cells, maps, binaries,
//! big integers and funs are immutable and reference-counted, so copying a
//! term (into a message, a register, a literal pool) is a count bump. Terms
//! cannot form cycles, so counting reclaims everything; dropping a long list
//! walks its spine in a loop rather than recursing (see [`Cons`]).

pub mod atom;
pub mod binary;
pub mod etf;
pub mod fun;
pub mod hash;
pub mod map;
pub mod number;
pub mod order;
pub mod print;

pub use atom::Atom;
pub use binary::Bitstring;
pub use fun::{Fun, FunKind};
pub use map::MapData;

use num_bigint::BigInt;
use std::sync::Arc;
use triomphe::ThinArc;

/// A process identifier: `<0.N.0>` on the local node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pid(pub u64);

/// A reference: `#Ref<0.A.B.C>`, unique for the life of the runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref(pub u64);

/// An Erlang term.
#[derive(Clone)]
pub enum Term {
    /// An integer that fits in an `i64`.
    Int(i64),
    /// An integer outside the `i64` range (never one that fits: see [`Term::from_bigint`]).
    Big(Arc<BigInt>),
    /// A float (never NaN or infinite: operations producing those raise `badarith`).
    Float(f64),
    /// An atom.
    Atom(Atom),
    /// The empty list `[]`.
    Nil,
    /// A list cell.
    Cons(Arc<Cons>),
    /// A tuple.
    Tuple(Tuple),
    /// A map.
    Map(Arc<MapData>),
    /// A binary or bitstring.
    Binary(Arc<Bitstring>),
    /// A fun (closure or `fun M:F/A`).
    Fun(Arc<Fun>),
    /// A process identifier.
    Pid(Pid),
    /// A reference.
    Ref(Ref),
}

/// A list cell `[Head | Tail]`.
pub struct Cons {
    /// The first element.
    pub head: Term,
    /// The rest: `[]`, another cell, or anything (an improper list).
    pub tail: Term,
}

impl Drop for Cons {
    /// Drops the spine iteratively: a list of millions of cells must not
    /// recurse once per cell on the Rust stack. Heads that own memory are
    /// handed to [`drop_later`], so deeply nested lists do not recurse either.
    fn drop(&mut self) {
        drop_later(std::mem::replace(&mut self.head, Term::Nil));
        let mut tail = std::mem::replace(&mut self.tail, Term::Nil);
        loop {
            match tail {
                Term::Cons(cell) => match Arc::try_unwrap(cell) {
                    Ok(mut c) => {
                        drop_later(std::mem::replace(&mut c.head, Term::Nil));
                        tail = std::mem::replace(&mut c.tail, Term::Nil);
                    }
                    // Shared: the other owner frees the rest.
                    Err(_) => break,
                },
                other => {
                    drop_later(other);
                    break;
                }
            }
        }
    }
}

thread_local! {
    /// Terms whose drop was deferred by a drop in progress on this thread.
    static DEFERRED: std::cell::RefCell<Vec<Term>> = const { std::cell::RefCell::new(Vec::new()) };
    /// True while this thread is draining [`DEFERRED`].
    static DRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Drops `t` without recursing on the Rust stack however deeply it nests:
/// a term dropped while another drop is in progress is queued and freed by
/// the outermost drop's loop.
pub fn drop_later(t: Term) {
    if t.is_immediate() {
        return;
    }
    DEFERRED.with(|q| q.borrow_mut().push(t));
    if DRAINING.with(|d| d.replace(true)) {
        return;
    }
    while let Some(next) = DEFERRED.with(|q| q.borrow_mut().pop()) {
        drop(next);
    }
    DRAINING.with(|d| d.set(false));
}

/// An immutable tuple: one allocation holding the length and the elements.
#[derive(Clone)]
pub struct Tuple(ThinArc<(), Term>);

impl Drop for Tuple {
    /// The last owner hands boxed elements to [`drop_later`], so deeply
    /// nested tuples do not recurse on the Rust stack.
    fn drop(&mut self) {
        self.0.with_arc_mut(|arc| {
            if let Some(inner) = triomphe::Arc::get_mut(arc) {
                for e in inner.slice_mut().iter_mut() {
                    if !e.is_immediate() {
                        drop_later(std::mem::replace(e, Term::Nil));
                    }
                }
            }
        });
    }
}

impl Tuple {
    /// A tuple of the given elements.
    pub fn new(elems: Vec<Term>) -> Tuple {
        Tuple(ThinArc::from_header_and_iter((), elems.into_iter()))
    }

    /// A tuple from an exact-size iterator.
    pub fn from_exact_iter<I: ExactSizeIterator<Item = Term>>(elems: I) -> Tuple {
        Tuple(ThinArc::from_header_and_iter((), elems))
    }

    /// The elements.
    pub fn elems(&self) -> &[Term] {
        &self.0.slice
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.0.slice.len()
    }

    /// True for `{}`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True if both handles point at the same allocation.
    pub fn ptr_eq(&self, other: &Tuple) -> bool {
        self.0.ptr() == other.0.ptr()
    }
}

impl std::ops::Deref for Tuple {
    type Target = [Term];
    fn deref(&self) -> &[Term] {
        self.elems()
    }
}

impl Term {
    /// The atom `true` or `false`.
    pub fn bool(b: bool) -> Term {
        Term::Atom(if b { atom::TRUE } else { atom::FALSE })
    }

    /// An atom term.
    pub fn atom(a: Atom) -> Term {
        Term::Atom(a)
    }

    /// An atom term for a name the runtime itself uses.
    pub fn atom_str(name: &str) -> Term {
        Term::Atom(Atom::from_static(name))
    }

    /// An integer, small or big as it fits.
    pub fn from_bigint(b: BigInt) -> Term {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Term::Int(i),
            None => Term::Big(Arc::new(b)),
        }
    }

    /// A tuple of the given elements.
    pub fn tuple(elems: Vec<Term>) -> Term {
        Term::Tuple(Tuple::new(elems))
    }

    /// `[head | tail]`.
    pub fn cons(head: Term, tail: Term) -> Term {
        Term::Cons(Arc::new(Cons { head, tail }))
    }

    /// A proper list of the given elements.
    pub fn list(elems: Vec<Term>) -> Term {
        Term::list_with_tail(elems, Term::Nil)
    }

    /// A list of the given elements ending in `tail`.
    pub fn list_with_tail(elems: Vec<Term>, tail: Term) -> Term {
        let mut acc = tail;
        for e in elems.into_iter().rev() {
            acc = Term::cons(e, acc);
        }
        acc
    }

    /// A list of character codes (an Erlang string).
    pub fn string(s: &str) -> Term {
        Term::list(s.chars().map(|c| Term::Int(c as i64)).collect())
    }

    /// A binary holding `bytes`.
    pub fn binary(bytes: &[u8]) -> Term {
        Term::Binary(Arc::new(Bitstring::from_bytes(bytes)))
    }

    /// True for terms stored inline, which own no allocation.
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Term::Int(_) | Term::Float(_) | Term::Atom(_) | Term::Nil | Term::Pid(_) | Term::Ref(_)
        )
    }

    /// True for `[]` and list cells.
    pub fn is_list(&self) -> bool {
        matches!(self, Term::Nil | Term::Cons(_))
    }

    /// True for integers and floats.
    pub fn is_number(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_) | Term::Float(_))
    }

    /// True for small and big integers.
    pub fn is_integer(&self) -> bool {
        matches!(self, Term::Int(_) | Term::Big(_))
    }

    /// The atom, if this is one.
    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    /// The tuple, if this is one.
    pub fn as_tuple(&self) -> Option<&Tuple> {
        match self {
            Term::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// True if this is the atom `true`.
    pub fn is_true(&self) -> bool {
        matches!(self, Term::Atom(a) if *a == atom::TRUE)
    }

    /// The elements of a proper list, or `None` for anything else.
    pub fn list_to_vec(&self) -> Option<Vec<Term>> {
        let mut out = Vec::new();
        let mut cur = self;
        loop {
            match cur {
                Term::Nil => return Some(out),
                Term::Cons(c) => {
                    out.push(c.head.clone());
                    cur = &c.tail;
                }
                _ => return None,
            }
        }
    }

    /// Iterates the cells of a list; [`ListIter::tail`] tells how it ended.
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// The characters of a flat proper list of Unicode code points.
    pub fn list_to_string(&self) -> Option<String> {
        let mut s = String::new();
        let mut it = self.iter_list();
        for t in &mut it {
            match t {
                Term::Int(c) => s.push(char::from_u32(u32::try_from(*c).ok()?)?),
                _ => return None,
            }
        }
        it.is_proper().then_some(s)
    }
}

/// Iterator over the heads of a list.
pub struct ListIter<'a> {
    cur: &'a Term,
}

impl<'a> ListIter<'a> {
    /// What is left: `[]` after a proper list, the improper tail otherwise.
    pub fn tail(&self) -> &'a Term {
        self.cur
    }

    /// True when the iteration ended on `[]`.
    pub fn is_proper(&self) -> bool {
        matches!(self.cur, Term::Nil)
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Term;
    fn next(&mut self) -> Option<&'a Term> {
        match self.cur {
            Term::Cons(c) => {
                self.cur = &c.tail;
                Some(&c.head)
            }
            _ => None,
        }
    }
}

impl std::fmt::Debug for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Term::Int(i) => write!(f, "{i}"),
            Term::Big(b) => write!(f, "{b}"),
            Term::Float(x) => write!(f, "{x:?}"),
            Term::Atom(a) => write!(f, "{}", a.name()),
            Term::Nil => write!(f, "[]"),
            Term::Cons(_) => {
                let mut it = self.iter_list();
                write!(f, "[")?;
                let mut first = true;
                for t in &mut it {
                    if !first {
                        write!(f, ",")?;
                    }
                    first = false;
                    write!(f, "{t:?}")?;
                }
                if !it.is_proper() {
                    write!(f, "|{:?}", it.tail())?;
                }
                write!(f, "]")
            }
            Term::Tuple(t) => {
                write!(f, "{{")?;
                for (i, e) in t.iter().enumerate() {
                    if i > 0 {
                        write!(f, ",")?;
                    }
                    write!(f, "{e:?}")?;
                }
                write!(f, "}}")
            }
            Term::Map(m) => {
                write!(f, "#{{")?;
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        write!(f, ",")?;
                    }
                    write!(f, "{k:?} => {v:?}")?;
                }
                write!(f, "}}")
            }
            Term::Binary(b) => write!(f, "<<{:?}>>", b.to_bytes()),
            Term::Fun(x) => write!(f, "#Fun<{}>", x.module.name()),
            Term::Pid(p) => write!(f, "<0.{}.0>", p.0),
            Term::Ref(r) => write!(f, "#Ref<0.{}>", r.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Term>(), 16);
    }

    #[test]
    fn dropping_a_long_list_does_not_overflow_the_stack() {
        let mut l = Term::Nil;
        for i in 0..2_000_000 {
            l = Term::cons(Term::Int(i), l);
        }
        drop(l);
    }

    #[test]
    fn dropping_deeply_nested_terms_does_not_overflow_the_stack() {
        let mut t = Term::Nil;
        for _ in 0..1_000_000 {
            t = Term::tuple(vec![t]);
        }
        drop(t);
        let mut l = Term::Nil;
        for _ in 0..1_000_000 {
            l = Term::cons(l, Term::Nil);
        }
        drop(l);
    }

    #[test]
    fn list_helpers_round_trip() {
        let l = Term::list(vec![Term::Int(1), Term::Int(2)]);
        assert_eq!(l.list_to_vec().unwrap().len(), 2);
        assert_eq!(Term::string("hé").list_to_string().unwrap(), "hé");
    }
}
