//! The natives under `stdlib/os.erl` and standard input (module
//! `prim_os`): the environment, the OS's name and process id, the local
//! time zone's offset, and the work that may take any time (`os:cmd/1`,
//! reading standard input), which runs on a thread of its own and answers
//! by a message, so it blocks no scheduler.

use super::args::badarg_in;
use super::file::{error, ok_with};
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{atom, Term};

type P = Process;

fn bad_os(f: &str, a: &[Term]) -> BifError {
    badarg_in("prim_os", f, a)
}

/// `prim_os:cmd_start(Command :: binary())`: runs `/bin/sh -c Command` on
/// a thread of its own and sends `{Ref, Output :: binary()}` when it ends.
pub(crate) fn cmd_start_1(p: &mut P, a: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    let cmd = match &a[0] {
        Term::Binary(b) if b.is_binary() => b.to_bytes(),
        _ => return Err(bad_os("cmd_start", a)),
    };
    let r = p.rt.make_ref();
    let rt = p.rt.clone();
    rt.run_outside(p.pid, move || {
        // OTP's os:cmd reads the command's stderr with its stdout.
        let mut script = b"exec 2>&1\n".to_vec();
        script.extend_from_slice(&cmd);
        let out = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(std::ffi::OsStr::from_bytes(&script))
            .stdin(std::process::Stdio::null())
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default();
        Term::tuple(vec![Term::Ref(r), Term::binary(&out)])
    });
    Ok(Term::Ref(r))
}

/// `prim_os:putenv(Name, Value)`, both binaries.
pub(crate) fn putenv_2(_: &mut P, a: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    let (Term::Binary(n), Term::Binary(v)) = (&a[0], &a[1]) else {
        return Err(bad_os("putenv", a));
    };
    let (n, v) = (n.to_bytes(), v.to_bytes());
    if n.is_empty() || n.contains(&b'=') || n.contains(&0) || v.contains(&0) {
        return Err(bad_os("putenv", a));
    }
    // Environment changes race with other threads reading it; OTP has the
    // same caveat, and ferl's own threads never read the environment.
    std::env::set_var(
        std::ffi::OsStr::from_bytes(&n),
        std::ffi::OsStr::from_bytes(&v),
    );
    Ok(Term::Atom(atom::TRUE))
}

/// `prim_os:unsetenv(Name)`.
pub(crate) fn unsetenv_1(_: &mut P, a: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    let Term::Binary(n) = &a[0] else {
        return Err(bad_os("unsetenv", a));
    };
    let n = n.to_bytes();
    if n.is_empty() || n.contains(&b'=') || n.contains(&0) {
        return Err(bad_os("unsetenv", a));
    }
    std::env::remove_var(std::ffi::OsStr::from_bytes(&n));
    Ok(Term::Atom(atom::TRUE))
}

/// `prim_os:getenv()` -> `[binary()]`, each `Name=Value`.
pub(crate) fn getenv_0(_: &mut P, _: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    Ok(Term::list(
        std::env::vars_os()
            .map(|(k, v)| {
                let mut b = k.as_bytes().to_vec();
                b.push(b'=');
                b.extend_from_slice(v.as_bytes());
                Term::binary(&b)
            })
            .collect(),
    ))
}

/// `prim_os:getpid()`.
pub(crate) fn getpid_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::string(&std::process::id().to_string()))
}

/// `prim_os:uname()` -> `{Sysname, Release}` binaries.
pub(crate) fn uname_0(_: &mut P, _: &[Term]) -> BifResult {
    // SAFETY: `uname` fills the zeroed struct it is given.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: as above; `u` outlives the call.
    let r = unsafe { libc::uname(&mut u) };
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f
            .iter()
            .take_while(|c| **c != 0)
            .map(|c| *c as u8)
            .collect();
        Term::binary(&bytes)
    };
    if r != 0 {
        return Ok(Term::tuple(vec![
            Term::binary(b"linux"),
            Term::binary(b"0.0.0"),
        ]));
    }
    Ok(Term::tuple(vec![field(&u.sysname), field(&u.release)]))
}

/// `prim_os:utc_offset(PosixSeconds)`: the local time zone's offset from
/// UTC at that instant, in seconds.
pub(crate) fn utc_offset_1(_: &mut P, a: &[Term]) -> BifResult {
    let Term::Int(secs) = &a[0] else {
        return Err(bad_os("utc_offset", a));
    };
    Ok(Term::Int(local_offset(*secs)))
}

/// The local time zone's offset from UTC at `secs` (0 if unknown).
pub(crate) fn local_offset(secs: i64) -> i64 {
    let t = secs as libc::time_t;
    // SAFETY: `localtime_r` writes only into the zeroed `tm` it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: as above; both pointers are valid for the call.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        0
    } else {
        tm.tm_gmtoff
    }
}

/// `prim_os:stdin_start(What)`: reads a line (`line`) or up to N bytes
/// from standard input on a thread of its own, and sends
/// `{Ref, {ok, Bin}}`, `{Ref, eof}` or `{Ref, {error, Posix}}`.
pub(crate) fn stdin_start_1(p: &mut P, a: &[Term]) -> BifResult {
    use std::io::{BufRead, Read};
    let want = match &a[0] {
        Term::Atom(x) if x.name() == "line" => None,
        Term::Int(n) if *n >= 0 => Some(*n as usize),
        _ => return Err(bad_os("stdin_start", a)),
    };
    let r = p.rt.make_ref();
    let rt = p.rt.clone();
    rt.run_outside(p.pid, move || {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let mut buf = Vec::new();
        let got = match want {
            None => lock.read_until(b'\n', &mut buf),
            Some(n) => (&mut lock).take(n as u64).read_to_end(&mut buf),
        };
        let reply = match got {
            Ok(0) if want != Some(0) => Term::atom_str("eof"),
            Ok(_) => ok_with(Term::binary(&buf)),
            Err(e) => error(&e),
        };
        Term::tuple(vec![Term::Ref(r), reply])
    });
    Ok(Term::Ref(r))
}
