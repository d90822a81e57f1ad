//! Time and environment BIFs (`erlang:monotonic_time`, `os:timestamp`, ...).

use super::args::badarg;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};
use std::time::{SystemTime, UNIX_EPOCH};

type P = Process;

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

/// Converts nanoseconds to a time unit; `None` for an unknown unit.
fn in_unit(ns: i128, unit: &Term) -> Option<Term> {
    let per_sec: i128 = match unit {
        Term::Atom(a) => match a.name() {
            "second" | "seconds" => 1,
            "millisecond" | "milli_seconds" => 1_000,
            "microsecond" | "micro_seconds" => 1_000_000,
            "nanosecond" | "nano_seconds" | "native" => 1_000_000_000,
            "perf_counter" => 1_000_000_000,
            _ => return None,
        },
        Term::Int(n) if *n > 0 => *n as i128,
        _ => return None,
    };
    Some(Term::Int((ns * per_sec).div_euclid(1_000_000_000) as i64))
}

pub(crate) fn system_time_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Int(now_ns() as i64))
}

pub(crate) fn system_time_1(_: &mut P, a: &[Term]) -> BifResult {
    in_unit(now_ns(), &a[0]).ok_or_else(|| badarg("system_time", a))
}

fn monotonic_ns(p: &P) -> i128 {
    // OTP's monotonic time is an arbitrary, possibly negative, origin.
    p.rt.started.elapsed().as_nanos() as i128 - 576_460_752_303_423_488
}

/// The monotonic clock in milliseconds (for absolute timers).
pub(crate) fn monotonic_ms(p: &P) -> i64 {
    monotonic_ns(p).div_euclid(1_000_000) as i64
}

pub(crate) fn time_offset_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Int((now_ns() - monotonic_ns(p)) as i64))
}

pub(crate) fn time_offset_1(p: &mut P, a: &[Term]) -> BifResult {
    in_unit(now_ns() - monotonic_ns(p), &a[0]).ok_or_else(|| badarg("time_offset", a))
}

pub(crate) fn monotonic_time_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Int(monotonic_ns(p) as i64))
}

pub(crate) fn monotonic_time_1(p: &mut P, a: &[Term]) -> BifResult {
    in_unit(monotonic_ns(p), &a[0]).ok_or_else(|| badarg("monotonic_time", a))
}

pub(crate) fn timestamp_0(_: &mut P, _: &[Term]) -> BifResult {
    let us = now_ns() / 1000;
    Ok(Term::tuple(vec![
        Term::Int((us / 1_000_000_000_000) as i64),
        Term::Int((us / 1_000_000 % 1_000_000) as i64),
        Term::Int((us % 1_000_000) as i64),
    ]))
}

pub(crate) fn getenv_1(_: &mut P, a: &[Term]) -> BifResult {
    let name = a[0]
        .list_to_string()
        .ok_or_else(|| super::args::badarg_in("os", "getenv", a))?;
    Ok(match std::env::var(name) {
        Ok(v) => Term::string(&v),
        Err(_) => Term::Atom(atom::FALSE),
    })
}

/// `24-Nov-2026::07:04:38.923093`, the timestamp of OTP's error reports (UTC).
pub fn report_timestamp() -> String {
    let us = now_ns() / 1000;
    let secs = (us / 1_000_000) as i64;
    let micros = (us % 1_000_000) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}-{}-{}::{:02}:{:02}:{:02}.{:06}",
        d,
        MONTHS[(m - 1) as usize],
        y,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        micros
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) in the proleptic Gregorian calendar to days since
/// 1970-01-01 (the inverse of [`civil_from_days`]).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
