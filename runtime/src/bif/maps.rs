//! The natively implemented functions of `maps` and the map BIFs of
//! `erlang` (OTP `erl_map.c`); the rest of `maps` is in `stdlib/maps.erl`.

use super::args::{badarg_in, list};
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{atom, MapData, Term};
use std::sync::Arc;

type P = Process;

fn badmap(m: &Term, f: &str, a: &[Term]) -> BifError {
    BifError::error_in(
        Term::tuple(vec![Term::Atom(atom::BADMAP), m.clone()]),
        atom::Atom::from_static("maps"),
        atom::Atom::from_static(f),
        a,
    )
}

fn map<'a>(t: &'a Term, f: &str, a: &[Term]) -> Result<&'a Arc<MapData>, BifError> {
    match t {
        Term::Map(m) => Ok(m),
        other => Err(badmap(other, f, a)),
    }
}

fn badkey(k: &Term, m: &str, f: &str, a: &[Term]) -> BifError {
    BifError::error_in(
        Term::tuple(vec![Term::Atom(atom::BADKEY), k.clone()]),
        atom::Atom::from_static(m),
        atom::Atom::from_static(f),
        a,
    )
}

pub(crate) fn get_2(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[1], "get", a)?;
    m.get(&a[0])
        .cloned()
        .ok_or_else(|| badkey(&a[0], "maps", "get", a))
}

pub(crate) fn map_get_2(_: &mut P, a: &[Term]) -> BifResult {
    match &a[1] {
        Term::Map(m) => m
            .get(&a[0])
            .cloned()
            .ok_or_else(|| badkey(&a[0], "erlang", "map_get", a)),
        other => Err(BifError::error_in(
            Term::tuple(vec![Term::Atom(atom::BADMAP), other.clone()]),
            atom::ERLANG,
            atom::Atom::from_static("map_get"),
            a,
        )),
    }
}

pub(crate) fn find_2(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[1], "find", a)?;
    Ok(match m.get(&a[0]) {
        Some(v) => Term::tuple(vec![Term::Atom(atom::OK), v.clone()]),
        None => Term::atom_str("error"),
    })
}

pub(crate) fn is_key_2(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[1], "is_key", a)?;
    Ok(Term::bool(m.get(&a[0]).is_some()))
}

pub(crate) fn is_key_2_erlang(_: &mut P, a: &[Term]) -> BifResult {
    match &a[1] {
        Term::Map(m) => Ok(Term::bool(m.get(&a[0]).is_some())),
        other => Err(BifError::error_in(
            Term::tuple(vec![Term::Atom(atom::BADMAP), other.clone()]),
            atom::ERLANG,
            atom::Atom::from_static("is_map_key"),
            a,
        )),
    }
}

pub(crate) fn map_size_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Map(m) => Ok(Term::Int(m.len() as i64)),
        other => Err(BifError::error_in(
            Term::tuple(vec![Term::Atom(atom::BADMAP), other.clone()]),
            atom::ERLANG,
            atom::Atom::from_static("map_size"),
            a,
        )),
    }
}

pub(crate) fn put_3(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[2], "put", a)?;
    let mut d = (**m).clone();
    d.insert(a[0].clone(), a[1].clone());
    Ok(Term::Map(Arc::new(d)))
}

pub(crate) fn update_3(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[2], "update", a)?;
    let mut d = (**m).clone();
    if d.update(&a[0], a[1].clone()) {
        Ok(Term::Map(Arc::new(d)))
    } else {
        Err(badkey(&a[0], "maps", "update", a))
    }
}

pub(crate) fn remove_2(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[1], "remove", a)?;
    let mut d = (**m).clone();
    d.remove(&a[0]);
    Ok(Term::Map(Arc::new(d)))
}

pub(crate) fn take_2(_: &mut P, a: &[Term]) -> BifResult {
    let m = map(&a[1], "take", a)?;
    let mut d = (**m).clone();
    Ok(match d.remove(&a[0]) {
        Some(v) => Term::tuple(vec![v, Term::Map(Arc::new(d))]),
        None => Term::atom_str("error"),
    })
}

pub(crate) fn keys_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::list(map(&a[0], "keys", a)?.keys().cloned().collect()))
}

pub(crate) fn values_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::list(
        map(&a[0], "values", a)?.values().cloned().collect(),
    ))
}

pub(crate) fn to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::list(
        map(&a[0], "to_list", a)?
            .iter()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect(),
    ))
}

pub(crate) fn from_list_1(_: &mut P, a: &[Term]) -> BifResult {
    let l = list(&a[0]).ok_or_else(|| badarg_in("maps", "from_list", a))?;
    let mut pairs = Vec::with_capacity(l.len());
    for x in l {
        match x.as_tuple() {
            Some(t) if t.len() == 2 => pairs.push((t[0].clone(), t[1].clone())),
            _ => return Err(badarg_in("maps", "from_list", a)),
        }
    }
    Ok(Term::Map(Arc::new(MapData::from_pairs(pairs))))
}

pub(crate) fn from_keys_2(_: &mut P, a: &[Term]) -> BifResult {
    let l = list(&a[0]).ok_or_else(|| badarg_in("maps", "from_keys", a))?;
    Ok(Term::Map(Arc::new(MapData::from_pairs(
        l.into_iter().map(|k| (k, a[1].clone())).collect(),
    ))))
}

pub(crate) fn merge_2(_: &mut P, a: &[Term]) -> BifResult {
    let m1 = map(&a[0], "merge", a)?;
    let m2 = map(&a[1], "merge", a)?;
    let mut d = (**m1).clone();
    for (k, v) in m2.iter() {
        d.insert(k.clone(), v.clone());
    }
    Ok(Term::Map(Arc::new(d)))
}
