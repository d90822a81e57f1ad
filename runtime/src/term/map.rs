//! Maps (OTP `erl_map.c`).
//!
//! A map is a vector of key/value pairs sorted by the map key order
//! ([`order::cmp_keys`]: the term order, with integers before floats so that
//! `1` and `1.0` are distinct keys). OTP switches to a hash trie above 32 keys
//! (which changes iteration order for big maps); ferl keeps the sorted vector
//! at every size for now, so lookups are binary searches and updates copy.

use super::order::cmp_keys;
use super::Term;
use std::cmp::Ordering;

/// The contents of a map: pairs sorted by key.
#[derive(Clone, Default)]
pub struct MapData {
    entries: Vec<(Term, Term)>,
}

impl MapData {
    /// The empty map.
    pub fn new() -> MapData {
        MapData::default()
    }

    /// A map from pairs; later pairs win for equal keys (as `maps:from_list/1`).
    pub fn from_pairs(pairs: Vec<(Term, Term)>) -> MapData {
        let mut entries: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            entries.push((k, v));
        }
        // Stable sort keeps insertion order among equal keys; keep the last.
        entries.sort_by(|a, b| cmp_keys(&a.0, &b.0));
        let mut out: Vec<(Term, Term)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some(last) if cmp_keys(&last.0, &k) == Ordering::Equal => *last = (k, v),
                _ => out.push((k, v)),
            }
        }
        MapData { entries: out }
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for `#{}`.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, key: &Term) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| cmp_keys(k, key))
    }

    /// The value under `key`.
    pub fn get(&self, key: &Term) -> Option<&Term> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Inserts or replaces `key` (the `=>` update).
    pub fn insert(&mut self, key: Term, value: Term) {
        match self.find(&key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// Replaces an existing key (the `:=` update); false if it is absent.
    pub fn update(&mut self, key: &Term, value: Term) -> bool {
        match self.find(key) {
            Ok(i) => {
                self.entries[i].1 = value;
                true
            }
            Err(_) => false,
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &Term) -> Option<Term> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Pairs in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Term, &Term)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &Term> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Values in key order.
    pub fn values(&self) -> impl Iterator<Item = &Term> {
        self.entries.iter().map(|(_, v)| v)
    }
}
