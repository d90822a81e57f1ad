//! Data shared by every process without copying or messages:
//! `persistent_term` (a global table of terms read often, written rarely)
//! and `atomics`/`counters` (arrays of 64-bit integers updated
//! atomically). OTP's versions are natives too: no Erlang process could
//! give lock-free reads from every scheduler.
//!
//! An atomics or counters array lives as long as the runtime: ferl's
//! references carry no resource for the array to be freed with.

use super::args::badarg_in;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::order::exact_eq;
use crate::term::{atom, MapData, Term};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

type P = Process;

/// Keys and values by the keys' phash2 (then exact equality).
type Buckets = HashMap<u32, Vec<(Term, Term)>>;

/// persistent_term's table.
fn table() -> &'static RwLock<Buckets> {
    static T: OnceLock<RwLock<Buckets>> = OnceLock::new();
    T.get_or_init(Default::default)
}

fn find(key: &Term) -> Option<Term> {
    let t = table().read().unwrap();
    t.get(&crate::term::hash::phash2(key))?
        .iter()
        .find(|(k, _)| exact_eq(k, key))
        .map(|(_, v)| v.clone())
}

/// `persistent_term:put(Key, Value)`.
pub(crate) fn pt_put_2(_: &mut P, a: &[Term]) -> BifResult {
    let mut t = table().write().unwrap();
    let bucket = t.entry(crate::term::hash::phash2(&a[0])).or_default();
    match bucket.iter_mut().find(|(k, _)| exact_eq(k, &a[0])) {
        Some(entry) => entry.1 = a[1].clone(),
        None => bucket.push((a[0].clone(), a[1].clone())),
    }
    Ok(Term::atom_str("ok"))
}

/// `persistent_term:get(Key)`: badarg when absent.
pub(crate) fn pt_get_1(_: &mut P, a: &[Term]) -> BifResult {
    find(&a[0]).ok_or_else(|| badarg_in("persistent_term", "get", a))
}

/// `persistent_term:get(Key, Default)`.
pub(crate) fn pt_get_2(_: &mut P, a: &[Term]) -> BifResult {
    Ok(find(&a[0]).unwrap_or_else(|| a[1].clone()))
}

/// `persistent_term:get()`: every `{Key, Value}`.
pub(crate) fn pt_get_0(_: &mut P, _: &[Term]) -> BifResult {
    let t = table().read().unwrap();
    Ok(Term::list(
        t.values()
            .flatten()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect(),
    ))
}

/// `persistent_term:erase(Key)`: whether it was there.
pub(crate) fn pt_erase_1(_: &mut P, a: &[Term]) -> BifResult {
    let mut t = table().write().unwrap();
    let h = crate::term::hash::phash2(&a[0]);
    let Some(bucket) = t.get_mut(&h) else {
        return Ok(Term::bool(false));
    };
    let before = bucket.len();
    bucket.retain(|(k, _)| !exact_eq(k, &a[0]));
    let gone = bucket.len() != before;
    if bucket.is_empty() {
        t.remove(&h);
    }
    Ok(Term::bool(gone))
}

/// `persistent_term:info()`: `#{count := N, memory := Bytes}`.
pub(crate) fn pt_info_0(_: &mut P, _: &[Term]) -> BifResult {
    let t = table().read().unwrap();
    let count: usize = t.values().map(Vec::len).sum();
    Ok(Term::Map(Arc::new(MapData::from_pairs(vec![
        (Term::atom_str("count"), Term::Int(count as i64)),
        (Term::atom_str("memory"), Term::Int((count * 64) as i64)),
    ]))))
}

/// One atomics or counters array.
struct Array {
    cells: Vec<AtomicU64>,
    signed: bool,
}

fn arrays() -> &'static Mutex<Vec<Arc<Array>>> {
    static A: OnceLock<Mutex<Vec<Arc<Array>>>> = OnceLock::new();
    A.get_or_init(Default::default)
}

/// The handle of an array: `{'$ferl_atomics', Index}` (OTP's is an opaque
/// reference; both are only passed back to these functions).
fn handle(kind: &str, i: usize) -> Term {
    Term::tuple(vec![Term::atom_str(kind), Term::Int(i as i64)])
}

fn array(t: &Term) -> Option<Arc<Array>> {
    let [Term::Atom(tag), Term::Int(i)] = t.as_tuple()?.elems() else {
        return None;
    };
    if tag.name() != "$ferl_atomics" && tag.name() != "$ferl_counters" {
        return None;
    }
    arrays().lock().unwrap().get(*i as usize).cloned()
}

fn new_array(kind: &str, size: i64, signed: bool) -> Term {
    let cells = (0..size).map(|_| AtomicU64::new(0)).collect();
    let mut all = arrays().lock().unwrap();
    all.push(Arc::new(Array { cells, signed }));
    handle(kind, all.len() - 1)
}

/// The cell `ix` (1-based) of the array of `a[0]`.
fn cell<'a>(arr: &'a Array, ix: &Term) -> Option<&'a AtomicU64> {
    match ix {
        Term::Int(i) if *i >= 1 => arr.cells.get(*i as usize - 1),
        _ => None,
    }
}

/// A value as the array stores it: signed arrays take i64, unsigned u64.
fn to_cell(arr: &Array, v: &Term) -> Option<u64> {
    match v {
        Term::Int(i) if arr.signed => Some(*i as u64),
        Term::Int(i) if *i >= 0 => Some(*i as u64),
        Term::Big(b) if !arr.signed => u64::try_from(&**b).ok(),
        _ => None,
    }
}

fn from_cell(arr: &Array, v: u64) -> Term {
    if arr.signed {
        Term::Int(v as i64)
    } else if let Ok(i) = i64::try_from(v) {
        Term::Int(i)
    } else {
        Term::from_bigint(v.into())
    }
}

/// An increment: any integer that fits 64 bits (wrapping, as OTP).
fn delta(v: &Term) -> Option<u64> {
    match v {
        Term::Int(i) => Some(*i as u64),
        Term::Big(b) => i64::try_from(&**b)
            .map(|i| i as u64)
            .or_else(|_| u64::try_from(&**b))
            .ok(),
        _ => None,
    }
}

fn new_opts(a: &[Term], m: &str) -> Result<(i64, bool), crate::interp::BifError> {
    let bad = || badarg_in(m, "new", a);
    let Term::Int(size) = &a[0] else {
        return Err(bad());
    };
    if *size < 1 || *size > 1 << 30 {
        return Err(bad());
    }
    let mut signed = true;
    for o in a[1].list_to_vec().ok_or_else(bad)? {
        match o.as_tuple().map(|t| t.elems()) {
            Some([Term::Atom(k), Term::Atom(v)]) if k.name() == "signed" => {
                signed = *v == atom::TRUE
            }
            _ if matches!(&o, Term::Atom(x) if x.name() == "atomics" || x.name() == "write_concurrency") =>
                {}
            _ => return Err(bad()),
        }
    }
    Ok((*size, signed))
}

/// `atomics:new(Arity, Opts)`.
pub(crate) fn atomics_new_2(_: &mut P, a: &[Term]) -> BifResult {
    let (size, signed) = new_opts(a, "atomics")?;
    Ok(new_array("$ferl_atomics", size, signed))
}

/// `counters:new(Size, Opts)`: always signed.
pub(crate) fn counters_new_2(_: &mut P, a: &[Term]) -> BifResult {
    let (size, _) = new_opts(a, "counters")?;
    Ok(new_array("$ferl_counters", size, true))
}

macro_rules! cell_op {
    ($name:ident, $m:literal, $f:literal, |$arr:ident, $c:ident, $a:ident| $body:expr) => {
        #[doc = concat!("`", $m, ":", $f, "`.")]
        pub(crate) fn $name(_: &mut P, $a: &[Term]) -> BifResult {
            let bad = || badarg_in($m, $f, $a);
            let $arr = array(&$a[0]).ok_or_else(bad)?;
            let $c = cell(&$arr, &$a[1]).ok_or_else(bad)?;
            let r: Option<Term> = $body;
            r.ok_or_else(bad)
        }
    };
}

cell_op!(atomics_get_2, "atomics", "get", |arr, c, a| Some(
    from_cell(&arr, c.load(Ordering::SeqCst))
));
cell_op!(atomics_put_3, "atomics", "put", |arr, c, a| {
    to_cell(&arr, &a[2]).map(|v| {
        c.store(v, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});
cell_op!(atomics_add_3, "atomics", "add", |arr, c, a| {
    delta(&a[2]).map(|d| {
        c.fetch_add(d, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});
cell_op!(atomics_add_get_3, "atomics", "add_get", |arr, c, a| {
    delta(&a[2]).map(|d| from_cell(&arr, c.fetch_add(d, Ordering::SeqCst).wrapping_add(d)))
});
cell_op!(atomics_sub_3, "atomics", "sub", |arr, c, a| {
    delta(&a[2]).map(|d| {
        c.fetch_sub(d, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});
cell_op!(atomics_sub_get_3, "atomics", "sub_get", |arr, c, a| {
    delta(&a[2]).map(|d| from_cell(&arr, c.fetch_sub(d, Ordering::SeqCst).wrapping_sub(d)))
});
cell_op!(atomics_exchange_3, "atomics", "exchange", |arr, c, a| {
    to_cell(&arr, &a[2]).map(|v| from_cell(&arr, c.swap(v, Ordering::SeqCst)))
});
cell_op!(
    atomics_compare_exchange_4,
    "atomics",
    "compare_exchange",
    |arr, c, a| {
        match (to_cell(&arr, &a[2]), to_cell(&arr, &a[3])) {
            (Some(expected), Some(desired)) => Some(
                match c.compare_exchange(expected, desired, Ordering::SeqCst, Ordering::SeqCst) {
                    Ok(_) => Term::atom_str("ok"),
                    Err(actual) => from_cell(&arr, actual),
                },
            ),
            _ => None,
        }
    }
);
cell_op!(counters_get_2, "counters", "get", |arr, c, a| Some(
    from_cell(&arr, c.load(Ordering::SeqCst))
));
cell_op!(counters_add_3, "counters", "add", |arr, c, a| {
    delta(&a[2]).map(|d| {
        c.fetch_add(d, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});
cell_op!(counters_sub_3, "counters", "sub", |arr, c, a| {
    delta(&a[2]).map(|d| {
        c.fetch_sub(d, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});
cell_op!(counters_put_3, "counters", "put", |arr, c, a| {
    to_cell(&arr, &a[2]).map(|v| {
        c.store(v, Ordering::SeqCst);
        Term::atom_str("ok")
    })
});

fn info(a: &[Term], m: &str) -> BifResult {
    let arr = array(&a[0]).ok_or_else(|| badarg_in(m, "info", a))?;
    let n = arr.cells.len() as i64;
    let mut pairs = vec![
        (Term::atom_str("size"), Term::Int(n)),
        (Term::atom_str("memory"), Term::Int(n * 8 + 16)),
    ];
    {
        let (min, max) = if arr.signed {
            (Term::Int(i64::MIN), Term::Int(i64::MAX))
        } else {
            (Term::Int(0), Term::from_bigint(u64::MAX.into()))
        };
        pairs.push((Term::atom_str("min"), min));
        pairs.push((Term::atom_str("max"), max));
    }
    Ok(Term::Map(Arc::new(MapData::from_pairs(pairs))))
}

/// `atomics:info(Ref)`.
pub(crate) fn atomics_info_1(_: &mut P, a: &[Term]) -> BifResult {
    info(a, "atomics")
}

/// `counters:info(Ref)`.
pub(crate) fn counters_info_1(_: &mut P, a: &[Term]) -> BifResult {
    info(a, "counters")
}
