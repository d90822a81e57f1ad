//! One ETS table's objects. Every kind keeps its keys in a sorted map:
//! `ordered_set` by the term order (where `1 == 1.0` is one key), the
//! others by the exact order (`1` and `1.0` are two keys), which OTP leaves
//! unspecified for them. A bag keeps each key's objects in insertion order.

use crate::term::order::{cmp_keys, compare, exact_eq};
use crate::term::Term;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// `set`, `ordered_set`, `bag` or `duplicate_bag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One object per key (`=:=`).
    Set,
    /// One object per key (`==`), traversed in term order.
    OrderedSet,
    /// Distinct objects per key.
    Bag,
    /// Any objects per key.
    DuplicateBag,
}

impl Kind {
    /// The atom naming the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::OrderedSet => "ordered_set",
            Kind::Bag => "bag",
            Kind::DuplicateBag => "duplicate_bag",
        }
    }
}

/// A key with the order of its table's kind.
#[derive(Clone, Debug)]
pub struct Key {
    term: Term,
    exact: bool,
}

impl Key {
    /// The key term.
    pub fn term(&self) -> &Term {
        &self.term
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        if self.exact {
            cmp_keys(&self.term, &other.term)
        } else {
            compare(&self.term, &other.term)
        }
    }
}

/// A table's objects.
#[derive(Debug)]
pub struct Objects {
    /// The table's kind.
    pub kind: Kind,
    /// The 1-based key position in each object.
    pub keypos: usize,
    map: BTreeMap<Key, Vec<Term>>,
    size: usize,
}

impl Objects {
    /// An empty table.
    pub fn new(kind: Kind, keypos: usize) -> Objects {
        Objects {
            kind,
            keypos,
            map: BTreeMap::new(),
            size: 0,
        }
    }

    /// A key of this table.
    pub fn key(&self, term: &Term) -> Key {
        Key {
            term: term.clone(),
            exact: self.kind != Kind::OrderedSet,
        }
    }

    /// The key of an object, if it is a tuple long enough.
    pub fn key_of(&self, object: &Term) -> Option<Key> {
        match object {
            Term::Tuple(t) if t.len() >= self.keypos => Some(self.key(&t[self.keypos - 1])),
            _ => None,
        }
    }

    /// The number of objects.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Inserts one object (already checked to have a key).
    pub fn insert(&mut self, key: Key, object: Term) {
        let kind = self.kind;
        let objs = self.map.entry(key).or_default();
        match kind {
            Kind::Set | Kind::OrderedSet => {
                self.size += 1 - objs.len();
                objs.clear();
                objs.push(object);
            }
            Kind::Bag => {
                // A re-inserted object keeps its place.
                if !objs.iter().any(|o| exact_eq(o, &object)) {
                    objs.push(object);
                    self.size += 1;
                }
            }
            Kind::DuplicateBag => {
                objs.push(object);
                self.size += 1;
            }
        }
    }

    /// Whether a key is present.
    pub fn contains(&self, key: &Key) -> bool {
        self.map.contains_key(key)
    }

    /// The objects with a key.
    pub fn lookup(&self, key: &Key) -> &[Term] {
        self.map.get(key).map_or(&[], Vec::as_slice)
    }

    /// Removes and returns the objects with a key.
    pub fn take(&mut self, key: &Key) -> Vec<Term> {
        let objs = self.map.remove(key).unwrap_or_default();
        self.size -= objs.len();
        objs
    }

    /// Removes the objects `=:=` to `object` (all copies in a duplicate bag).
    pub fn delete_object(&mut self, key: &Key, object: &Term) {
        if let Some(objs) = self.map.get_mut(key) {
            let before = objs.len();
            objs.retain(|o| !exact_eq(o, object));
            self.size -= before - objs.len();
            if objs.is_empty() {
                self.map.remove(key);
            }
        }
    }

    /// Replaces the single object of a key in a set (update_* operations).
    pub fn replace(&mut self, key: &Key, object: Term) {
        if let Some(objs) = self.map.get_mut(key) {
            *objs = vec![object];
        }
    }

    /// Removes every object.
    pub fn clear(&mut self) {
        self.map.clear();
        self.size = 0;
    }

    /// Every object, in key order.
    pub fn all(&self) -> impl Iterator<Item = &Term> {
        self.map.values().flatten()
    }

    /// The first key, or the last.
    pub fn end_key(&self, last: bool) -> Option<Term> {
        let k = if last {
            self.map.keys().next_back()
        } else {
            self.map.keys().next()
        };
        k.map(|k| k.term.clone())
    }

    /// The key after (or before) `key` in the table's order; `key` need
    /// not be present in an `ordered_set`.
    pub fn step_key(&self, key: &Key, back: bool) -> Option<Term> {
        use std::ops::Bound::{Excluded, Unbounded};
        let k = if back {
            self.map.range((Unbounded, Excluded(key))).next_back()
        } else {
            self.map.range((Excluded(key), Unbounded)).next()
        };
        k.map(|(k, _)| k.term.clone())
    }

    /// The keys and their objects in the table's order (or reversed),
    /// starting after `after` when given.
    pub fn entries_from<'a>(
        &'a self,
        after: Option<&Key>,
        back: bool,
    ) -> Box<dyn Iterator<Item = (&'a Key, &'a [Term])> + 'a> {
        use std::ops::Bound::{Excluded, Unbounded};
        let range = match (after, back) {
            (None, _) => self.map.range::<Key, _>(..),
            (Some(k), false) => self.map.range((Excluded(k.clone()), Unbounded)),
            (Some(k), true) => self.map.range((Unbounded, Excluded(k.clone()))),
        };
        let it = range.map(|(k, v)| (k, v.as_slice()));
        if back {
            Box::new(it.rev())
        } else {
            Box::new(it)
        }
    }

    /// The number of distinct keys.
    pub fn key_count(&self) -> usize {
        self.map.len()
    }

    /// The objects of the `i`-th key in the table's order.
    pub fn slot(&self, i: usize) -> Option<&[Term]> {
        self.map.values().nth(i).map(Vec::as_slice)
    }

    /// Replaces the first object `=:=` to `old` under `key` with `new`.
    pub fn replace_object(&mut self, key: &Key, old: &Term, new: Term) {
        if let Some(objs) = self.map.get_mut(key) {
            if let Some(o) = objs.iter_mut().find(|o| exact_eq(o, old)) {
                *o = new;
            }
        }
    }
}
