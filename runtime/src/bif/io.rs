//! `io` and `io_lib` output functions. Formatting itself is
//! [`crate::format`]; this file turns chardata into bytes for the device.
//!
//! Devices: `standard_io` (and `user`, or the caller's group leader) is
//! stdout, `standard_error` is stderr. As with `erl -noshell` on OTP 25 the
//! devices are in latin1 mode: characters below 256 are written as single
//! bytes, others as `\x{H}` escapes.

use super::args::badarg_in;
use crate::format::format;
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::print::pretty::{pretty_term, PrettyOpts};
use crate::term::{atom, Term};
use std::io::Write;

type P = Process;

/// `~p` of `t` starting at column `col` (0-based), 80 columns wide.
pub fn pretty(t: &Term, col: usize) -> String {
    let opts = PrettyOpts {
        column: col + 1,
        ..PrettyOpts::default()
    };
    pretty_term(t, &opts)
}

/// The characters of chardata: a string, a binary (UTF-8) or a nested list of both.
fn chardata(t: &Term) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut stack = vec![t.clone()];
    while let Some(cur) = stack.pop() {
        match &cur {
            Term::Binary(b) => {
                let bytes = b.as_bytes()?;
                match std::str::from_utf8(bytes) {
                    Ok(s) => out.extend(s.chars().map(|c| c as u32)),
                    Err(_) => out.extend(bytes.iter().map(|&b| b as u32)),
                }
            }
            Term::Nil => {}
            Term::Cons(_) => {
                let mut it = cur.iter_list();
                let mut items = Vec::new();
                for x in &mut it {
                    items.push(x.clone());
                }
                if !it.is_proper() {
                    items.push(it.tail().clone());
                }
                for x in items.into_iter().rev() {
                    match x {
                        Term::Int(c) if (0..=0x10FFFF).contains(&c) => stack.push(Term::Int(c)),
                        Term::Int(_) => return None,
                        other => stack.push(other),
                    }
                }
            }
            Term::Int(c) => out.push(*c as u32),
            _ => return None,
        }
    }
    Some(out)
}

/// Encodes characters for a latin1 device.
fn device_bytes(chars: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len());
    for &c in chars {
        if c < 256 {
            out.push(c as u8);
        } else {
            out.extend_from_slice(format!("\\x{{{c:X}}}").as_bytes());
        }
    }
    out
}

enum Device {
    Stdout,
    Stderr,
}

fn device(t: &Term) -> Option<Device> {
    match t {
        Term::Atom(a) => match a.name() {
            "standard_io" | "user" => Some(Device::Stdout),
            "standard_error" => Some(Device::Stderr),
            _ => None,
        },
        _ => None,
    }
}

/// An I/O server process (a file opened with `file:open/2`, or a name
/// registered for one): the characters go to it by the I/O protocol,
/// through `ferl_io:put_chars/2` in Erlang, since a native cannot wait
/// for the reply.
fn is_server(t: &Term) -> bool {
    match t {
        Term::Pid(_) => true,
        Term::Atom(_) => device(t).is_none(),
        _ => false,
    }
}

fn to_server(dev: &Term, chars: Vec<u32>) -> BifError {
    BifError::Apply(
        atom::Atom::from_static("ferl_io"),
        atom::Atom::from_static("put_chars"),
        vec![
            dev.clone(),
            Term::list(chars.into_iter().map(|c| Term::Int(c as i64)).collect()),
        ],
    )
}

fn write_to(d: Device, chars: &[u32]) {
    let bytes = device_bytes(chars);
    // A closed pipe is not the program's error: drop the output silently.
    let _ = match d {
        Device::Stdout => std::io::stdout().lock().write_all(&bytes),
        Device::Stderr => std::io::stderr().lock().write_all(&bytes),
    };
}

fn format_chars(fmt: &Term, args: &Term) -> Option<Vec<u32>> {
    let f = match fmt {
        Term::Atom(a) => a.name().chars().map(|c| c as u32).collect(),
        other => chardata(other)?,
    };
    let a = args.list_to_vec()?;
    format(&f, &a).ok()
}

fn do_format(d: Option<Device>, fmt: &Term, args: &Term, a: &[Term]) -> BifResult {
    let Some(d) = d else {
        return Err(badarg_in("io", "format", a));
    };
    let chars = format_chars(fmt, args).ok_or_else(|| badarg_in("io", "format", a))?;
    write_to(d, &chars);
    Ok(Term::Atom(atom::OK))
}

/// Where `standard_io` goes for `p`: its group leader, if it has one
/// other than the terminal.
fn standard_io(p: &P) -> Option<Term> {
    p.group_leader.map(Term::Pid)
}

fn is_standard_io(t: &Term) -> bool {
    matches!(t, Term::Atom(a) if a.name() == "standard_io")
}

pub(crate) fn format_1(p: &mut P, a: &[Term]) -> BifResult {
    if let Some(gl) = standard_io(p) {
        let chars = format_chars(&a[0], &Term::Nil).ok_or_else(|| badarg_in("io", "format", a))?;
        return Err(to_server(&gl, chars));
    }
    do_format(Some(Device::Stdout), &a[0], &Term::Nil, a)
}

pub(crate) fn format_2(p: &mut P, a: &[Term]) -> BifResult {
    if let Some(gl) = standard_io(p) {
        let chars = format_chars(&a[0], &a[1]).ok_or_else(|| badarg_in("io", "format", a))?;
        return Err(to_server(&gl, chars));
    }
    do_format(Some(Device::Stdout), &a[0], &a[1], a)
}

pub(crate) fn format_3(p: &mut P, a: &[Term]) -> BifResult {
    if let (true, Some(gl)) = (is_standard_io(&a[0]), standard_io(p)) {
        let chars = format_chars(&a[1], &a[2]).ok_or_else(|| badarg_in("io", "format", a))?;
        return Err(to_server(&gl, chars));
    }
    if is_server(&a[0]) {
        let chars = format_chars(&a[1], &a[2]).ok_or_else(|| badarg_in("io", "format", a))?;
        return Err(to_server(&a[0], chars));
    }
    do_format(device(&a[0]), &a[1], &a[2], a)
}

pub(crate) fn put_chars_1(p: &mut P, a: &[Term]) -> BifResult {
    let chars = chardata(&a[0]).ok_or_else(|| badarg_in("io", "put_chars", a))?;
    if let Some(gl) = standard_io(p) {
        return Err(to_server(&gl, chars));
    }
    write_to(Device::Stdout, &chars);
    Ok(Term::Atom(atom::OK))
}

pub(crate) fn put_chars_2(p: &mut P, a: &[Term]) -> BifResult {
    let chars = chardata(&a[1]).ok_or_else(|| badarg_in("io", "put_chars", a))?;
    if let (true, Some(gl)) = (is_standard_io(&a[0]), standard_io(p)) {
        return Err(to_server(&gl, chars));
    }
    if is_server(&a[0]) {
        return Err(to_server(&a[0], chars));
    }
    let d = device(&a[0]).ok_or_else(|| badarg_in("io", "put_chars", a))?;
    write_to(d, &chars);
    Ok(Term::Atom(atom::OK))
}

pub(crate) fn nl_0(p: &mut P, _: &[Term]) -> BifResult {
    if let Some(gl) = standard_io(p) {
        return Err(to_server(&gl, vec![10]));
    }
    write_to(Device::Stdout, &[10]);
    Ok(Term::Atom(atom::OK))
}

/// `io_lib:format/2`: a deep character list nested as OTP nests it.
pub(crate) fn lib_format_2(_: &mut P, a: &[Term]) -> BifResult {
    let bad = || badarg_in("io_lib", "format", a);
    let f: Vec<u32> = match &a[0] {
        Term::Atom(x) => x.name().chars().map(|c| c as u32).collect(),
        other => chardata(other).ok_or_else(bad)?,
    };
    let args = a[1].list_to_vec().ok_or_else(bad)?;
    crate::format::deep::format_deep(&f, &args, Default::default()).map_err(|_| bad())
}

/// `io_lib:write/1`: the term nested as OTP's `io_lib:write/1` nests it.
pub(crate) fn lib_write_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(crate::format::deep::write(&a[0], -1, false))
}
