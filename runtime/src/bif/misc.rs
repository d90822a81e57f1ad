//! Assorted `erlang` BIFs: checksums, unique integers, time of day, pid and
//! fun text forms.

use super::args::{badarg, int, list};
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, etf, hash, Term};
use md5::{Digest, Md5};
use std::sync::atomic::{AtomicI64, Ordering};

type P = Process;

fn iodata(t: &Term, name: &str, a: &[Term]) -> Result<Vec<u8>, crate::interp::BifError> {
    match t {
        Term::Binary(b) if b.is_binary() => Ok(b.to_bytes()),
        _ => super::erlang::iolist_bytes(t).ok_or_else(|| badarg(name, a)),
    }
}

/// `erlang:md5/1` (RustCrypto's `md-5`: a checksum is not worth hand-writing).
pub(crate) fn md5_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = iodata(&a[0], "md5", a)?;
    Ok(Term::binary(&Md5::digest(&data)))
}

pub(crate) fn crc32_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = iodata(&a[0], "crc32", a)?;
    let mut c = flate2::Crc::new();
    c.update(&data);
    Ok(Term::Int(c.sum() as i64))
}

pub(crate) fn adler32_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = iodata(&a[0], "adler32", a)?;
    let (mut s1, mut s2) = (1u32, 0u32);
    for b in data {
        s1 = (s1 + b as u32) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    Ok(Term::Int(((s2 << 16) | s1) as i64))
}

static UNIQUE: AtomicI64 = AtomicI64::new(1);

pub(crate) fn unique_integer_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Int(
        UNIQUE.fetch_add(1, Ordering::Relaxed) - 576_460_752_303_423_488,
    ))
}

pub(crate) fn unique_integer_1(_: &mut P, a: &[Term]) -> BifResult {
    let mut positive = false;
    for o in list(&a[0]).ok_or_else(|| badarg("unique_integer", a))? {
        match o.as_atom().map(|x| x.name()) {
            Some("positive") => positive = true,
            Some("monotonic") => {}
            _ => return Err(badarg("unique_integer", a)),
        }
    }
    let n = UNIQUE.fetch_add(1, Ordering::Relaxed);
    Ok(Term::Int(if positive {
        n
    } else {
        n - 576_460_752_303_423_488
    }))
}

fn datetime(utc_secs: i64) -> Term {
    let days = utc_secs.div_euclid(86_400);
    let rem = utc_secs.rem_euclid(86_400);
    let (y, m, d) = super::os::civil_from_days(days);
    Term::tuple(vec![
        Term::tuple(vec![Term::Int(y), Term::Int(m), Term::Int(d)]),
        Term::tuple(vec![
            Term::Int(rem / 3600),
            Term::Int(rem % 3600 / 60),
            Term::Int(rem % 60),
        ]),
    ])
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `erlang:universaltime/0`.
pub(crate) fn universaltime_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(datetime(now_secs()))
}

/// `erlang:localtime/0`, in the system's time zone (`TZ`, `/etc/localtime`).
pub(crate) fn localtime_0(_: &mut P, _: &[Term]) -> BifResult {
    let now = now_secs();
    Ok(datetime(now + super::prim_os::local_offset(now)))
}

/// Seconds since 1970 of a valid `{{Y, M, D}, {H, Mi, S}}`.
fn datetime_secs(t: &Term) -> Option<i64> {
    let [date, time] = t.as_tuple()?.elems() else {
        return None;
    };
    let (
        Some([Term::Int(y), Term::Int(mo), Term::Int(d)]),
        Some([Term::Int(h), Term::Int(mi), Term::Int(s)]),
    ) = (
        date.as_tuple().map(|t| t.elems()),
        time.as_tuple().map(|t| t.elems()),
    )
    else {
        return None;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if *y < 0 || !(1..=12).contains(mo) || *d < 1 || *d > days_in[(*mo - 1) as usize] {
        return None;
    }
    if !(0..24).contains(h) || !(0..60).contains(mi) || !(0..60).contains(s) {
        return None;
    }
    let days = super::os::days_from_civil(*y, *mo, *d);
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
}

/// `erlang:universaltime_to_localtime/1`.
pub(crate) fn universaltime_to_localtime_1(_: &mut P, a: &[Term]) -> BifResult {
    let secs = datetime_secs(&a[0]).ok_or_else(|| badarg("universaltime_to_localtime", a))?;
    Ok(datetime(secs + super::prim_os::local_offset(secs)))
}

/// `erlang:localtime_to_universaltime/1`: the offset is the one in force
/// at that local time (found from the offset at the same UTC reading).
pub(crate) fn localtime_to_universaltime_1(_: &mut P, a: &[Term]) -> BifResult {
    let local = datetime_secs(&a[0]).ok_or_else(|| badarg("localtime_to_universaltime", a))?;
    let guess = local - super::prim_os::local_offset(local);
    Ok(datetime(local - super::prim_os::local_offset(guess)))
}

/// `erlang:localtime_to_universaltime/2` (the daylight-saving flag is
/// decided by the time zone rules, as OTP does for `undefined`).
pub(crate) fn localtime_to_universaltime_2(p: &mut P, a: &[Term]) -> BifResult {
    localtime_to_universaltime_1(p, &a[..1])
}

pub(crate) fn date_0(p: &mut P, a: &[Term]) -> BifResult {
    let dt = localtime_0(p, a)?;
    Ok(dt.as_tuple().unwrap()[0].clone())
}

pub(crate) fn time_0(p: &mut P, a: &[Term]) -> BifResult {
    let dt = localtime_0(p, a)?;
    Ok(dt.as_tuple().unwrap()[1].clone())
}

pub(crate) fn pid_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Pid(p) => Ok(Term::string(&format!("<0.{}.0>", p.0))),
        _ => Err(badarg("pid_to_list", a)),
    }
}

pub(crate) fn list_to_pid_1(_: &mut P, a: &[Term]) -> BifResult {
    let s = a[0]
        .list_to_string()
        .ok_or_else(|| badarg("list_to_pid", a))?;
    let inner = s
        .strip_prefix('<')
        .and_then(|x| x.strip_suffix('>'))
        .ok_or_else(|| badarg("list_to_pid", a))?;
    let parts: Vec<&str> = inner.split('.').collect();
    match parts.as_slice() {
        ["0", n, "0"] => n
            .parse::<u64>()
            .map(|n| Term::Pid(crate::term::Pid(n)))
            .map_err(|_| badarg("list_to_pid", a)),
        _ => Err(badarg("list_to_pid", a)),
    }
}

pub(crate) fn fun_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Fun(_) => {
            let mut s = String::new();
            crate::term::print::write_term(&mut s, &a[0]);
            Ok(Term::string(&s))
        }
        _ => Err(badarg("fun_to_list", a)),
    }
}

pub(crate) fn fun_info_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Fun(f) = &a[0] else {
        return Err(badarg("fun_info", a));
    };
    let items: &[&str] = match f.kind {
        crate::term::FunKind::Local { .. } => &[
            "pid",
            "module",
            "new_index",
            "new_uniq",
            "index",
            "uniq",
            "name",
            "arity",
            "env",
            "type",
        ],
        crate::term::FunKind::External { .. } => &["module", "name", "arity", "env", "type"],
    };
    let mut out = Vec::new();
    for i in items {
        let v = match *i {
            "new_index" | "index" => match &f.kind {
                crate::term::FunKind::Local { index, .. } => {
                    Term::tuple(vec![Term::atom_str(i), Term::Int(*index as i64)])
                }
                _ => continue,
            },
            "new_uniq" => Term::tuple(vec![Term::atom_str(i), Term::binary(&[0; 16])]),
            "uniq" => Term::tuple(vec![Term::atom_str(i), Term::Int(0)]),
            _ => super::erlang::fun_info_2(p, &[a[0].clone(), Term::atom_str(i)])?,
        };
        out.push(v);
    }
    Ok(Term::list(out))
}

pub(crate) fn external_size_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::Int(
        etf::encode(&a[0], &etf::EncodeOpts::default()).len() as i64,
    ))
}

pub(crate) fn delete_element_2(_: &mut P, a: &[Term]) -> BifResult {
    match (int(&a[0]), a[1].as_tuple()) {
        (Some(i), Some(t)) if i >= 1 && (i as usize) <= t.len() => {
            let mut v = t.to_vec();
            v.remove(i as usize - 1);
            Ok(Term::tuple(v))
        }
        _ => Err(badarg("delete_element", a)),
    }
}

fn unit_per_sec(t: &Term) -> Option<i128> {
    Some(match t {
        Term::Atom(x) => match x.name() {
            "second" | "seconds" => 1,
            "millisecond" | "milli_seconds" => 1_000,
            "microsecond" | "micro_seconds" => 1_000_000,
            "nanosecond" | "nano_seconds" | "native" | "perf_counter" => 1_000_000_000,
            _ => return None,
        },
        Term::Int(n) if *n > 0 => *n as i128,
        _ => return None,
    })
}

pub(crate) fn convert_time_unit_3(_: &mut P, a: &[Term]) -> BifResult {
    let (Some(t), Some(from), Some(to)) = (int(&a[0]), unit_per_sec(&a[1]), unit_per_sec(&a[2]))
    else {
        return Err(badarg("convert_time_unit", a));
    };
    let v = (t as i128 * to).div_euclid(from);
    Ok(Term::Int(v as i64))
}

pub(crate) fn bump_reductions_1(p: &mut P, a: &[Term]) -> BifResult {
    match int(&a[0]) {
        Some(n) if n >= 1 => {
            p.reductions += n as u64;
            Ok(Term::Atom(atom::TRUE))
        }
        _ => Err(badarg("bump_reductions", a)),
    }
}

pub(crate) fn phash_2(_: &mut P, a: &[Term]) -> BifResult {
    match int(&a[1]) {
        Some(r) if (1..=(1i64 << 32)).contains(&r) => {
            Ok(Term::Int(hash::phash(&a[0], r as u64) as i64))
        }
        _ => Err(badarg("phash", a)),
    }
}

pub(crate) fn ports_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Nil)
}

/// The last `erlang:now/0`, in microseconds: each call returns a later one.
static LAST_NOW: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// `erlang:now/0` (deprecated in OTP, still used): the wall clock as
/// `{MegaSecs, Secs, MicroSecs}`, strictly increasing across calls.
pub(crate) fn now_0(_: &mut P, _: &[Term]) -> BifResult {
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    let mut prev = LAST_NOW.load(Ordering::SeqCst);
    let us = loop {
        let next = wall.max(prev + 1);
        match LAST_NOW.compare_exchange(prev, next, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => break next,
            Err(p) => prev = p,
        }
    };
    Ok(Term::tuple(vec![
        Term::Int((us / 1_000_000_000_000) as i64),
        Term::Int((us / 1_000_000 % 1_000_000) as i64),
        Term::Int((us % 1_000_000) as i64),
    ]))
}

/// `erlang:ref_to_list/1`: the reference as it prints.
pub(crate) fn ref_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Ref(_) => {
            let mut s = String::new();
            crate::term::print::write_term(&mut s, &a[0]);
            Ok(Term::string(&s))
        }
        _ => Err(badarg("ref_to_list", a)),
    }
}

/// `erlang:list_to_ref/1`: the inverse of `ref_to_list/1` for this node.
pub(crate) fn list_to_ref_1(_: &mut P, a: &[Term]) -> BifResult {
    let s = a[0]
        .list_to_string()
        .ok_or_else(|| badarg("list_to_ref", a))?;
    let inner = s
        .strip_prefix("#Ref<")
        .and_then(|x| x.strip_suffix('>'))
        .ok_or_else(|| badarg("list_to_ref", a))?;
    let parts: Vec<u64> = inner
        .split('.')
        .map(|p| p.parse::<u64>())
        .collect::<Result<_, _>>()
        .map_err(|_| badarg("list_to_ref", a))?;
    match parts.as_slice() {
        [0, 0, hi, lo] if *hi < 1 << 32 && *lo < 1 << 32 => {
            Ok(Term::Ref(crate::term::Ref(hi << 32 | lo)))
        }
        _ => Err(badarg("list_to_ref", a)),
    }
}

/// `erlang:module_loaded/1`: whether the module is loaded (never loads).
pub(crate) fn module_loaded_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(m) => Ok(Term::bool(p.rt.code.loaded(*m).is_some())),
        _ => Err(badarg("module_loaded", a)),
    }
}

/// `erlang:is_builtin/3`: whether `M:F/A` is a native of the runtime.
pub(crate) fn is_builtin_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1], &a[2]) {
        (Term::Atom(m), Term::Atom(f), Term::Int(n)) if *n >= 0 => {
            Ok(Term::bool(super::lookup_atoms(*m, *f, *n as u32).is_some()))
        }
        _ => Err(badarg("is_builtin", a)),
    }
}

/// `erlang:nodes/0`: the connected nodes; ferl is never distributed.
pub(crate) fn nodes_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Nil)
}

/// `erlang:nodes/1`: no other nodes of any kind; this node itself for
/// `this` (as OTP answers for a node that is not alive).
pub(crate) fn nodes_1(_: &mut P, a: &[Term]) -> BifResult {
    let kinds = match &a[0] {
        Term::Atom(_) => vec![a[0].clone()],
        other => other.list_to_vec().ok_or_else(|| badarg("nodes", a))?,
    };
    let mut out = Vec::new();
    for k in kinds {
        match k.as_atom().map(|x| x.name()) {
            Some("this") => out.push(Term::Atom(atom::NONODE)),
            Some("visible" | "hidden" | "connected" | "known") => {}
            _ => return Err(badarg("nodes", a)),
        }
    }
    Ok(Term::list(out))
}
