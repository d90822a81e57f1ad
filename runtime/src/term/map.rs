//! Maps (OTP `erl_map.c`).
//!
//! A map is a persistent ordered map (`imbl::OrdMap`, a B-tree with
//! structural sharing: an update copies one path, not the whole map) kept in
//! the map key order ([`order::cmp_keys`]: the term order, with integers
//! before floats so that `1` and `1.0` are distinct keys). Iteration is in
//! that order. OTP keeps maps above 32 keys in a hash trie whose iteration
//! order ferl does not reproduce; for those sizes `maps:to_list/1` and `~p`
//! list keys sorted where OTP lists them in hash order.

use super::order::cmp_keys;
use super::Term;
use imbl::OrdMap;
use std::cmp::Ordering;

/// A key ordered by the map key order.
#[derive(Clone)]
pub struct MapKey(pub Term);

impl PartialEq for MapKey {
    fn eq(&self, other: &MapKey) -> bool {
        cmp_keys(&self.0, &other.0) == Ordering::Equal
    }
}

impl Eq for MapKey {}

impl PartialOrd for MapKey {
    fn partial_cmp(&self, other: &MapKey) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for MapKey {
    fn cmp(&self, other: &MapKey) -> Ordering {
        cmp_keys(&self.0, &other.0)
    }
}

/// The contents of a map: pairs ordered by key.
#[derive(Clone, Default)]
pub struct MapData {
    entries: OrdMap<MapKey, Term>,
}

impl MapData {
    /// The empty map.
    pub fn new() -> MapData {
        MapData::default()
    }

    /// A map from pairs; later pairs win for equal keys (as `maps:from_list/1`).
    pub fn from_pairs(pairs: Vec<(Term, Term)>) -> MapData {
        let mut m = MapData::new();
        for (k, v) in pairs {
            m.insert(k, v);
        }
        m
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for `#{}`.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value under `key`.
    pub fn get(&self, key: &Term) -> Option<&Term> {
        self.entries.get(&MapKey(key.clone()))
    }

    /// Inserts or replaces `key` (the `=>` update).
    pub fn insert(&mut self, key: Term, value: Term) {
        self.entries.insert(MapKey(key), value);
    }

    /// Replaces an existing key (the `:=` update); false if it is absent.
    pub fn update(&mut self, key: &Term, value: Term) -> bool {
        match self.entries.get_mut(&MapKey(key.clone())) {
            Some(v) => {
                *v = value;
                true
            }
            None => false,
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &Term) -> Option<Term> {
        self.entries.remove(&MapKey(key.clone()))
    }

    /// Pairs in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Term, &Term)> {
        self.entries.iter().map(|(k, v)| (&k.0, v))
    }

    /// Keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &Term> {
        self.entries.keys().map(|k| &k.0)
    }

    /// Values in key order.
    pub fn values(&self) -> impl Iterator<Item = &Term> {
        self.entries.values()
    }
}
