//! The natives under `stdlib/file.erl` (module
//! `prim_file`, as OTP's): system calls on paths and on open-file handles
//! ([`crate::files`]). Paths arrive as UTF-8 binaries, already flattened by
//! the Erlang side; every failure is `{error, Posix}` with OTP's atoms.
//!
//! These calls run on the scheduler thread, as short file operations do
//! on BEAM's dirty I/O schedulers; `os:cmd/1`, which may take any time,
//! runs on a thread of its own (`prim_os`, in `prim_os.rs`).

use super::args::badarg_in;
use crate::files::OpenFile;
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{Ref, Term};
use std::io::{self, SeekFrom};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

type P = Process;

fn bad(f: &str, a: &[Term]) -> BifError {
    badarg_in("prim_file", f, a)
}

fn ok() -> Term {
    Term::atom_str("ok")
}

pub(super) fn ok_with(t: Term) -> Term {
    Term::tuple(vec![ok(), t])
}

/// OTP's POSIX error atom for an I/O error.
pub(crate) fn posix(e: &io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(libc::ENOENT) => "enoent",
        Some(libc::EACCES) => "eacces",
        Some(libc::EEXIST) => "eexist",
        Some(libc::ENOTDIR) => "enotdir",
        Some(libc::EISDIR) => "eisdir",
        Some(libc::ENOTEMPTY) => "eexist",
        Some(libc::EINVAL) => "einval",
        Some(libc::EBADF) => "ebadf",
        Some(libc::EXDEV) => "exdev",
        Some(libc::ELOOP) => "eloop",
        Some(libc::ENOSPC) => "enospc",
        Some(libc::EROFS) => "erofs",
        Some(libc::EBUSY) => "ebusy",
        Some(libc::EMFILE) => "emfile",
        Some(libc::ENFILE) => "enfile",
        Some(libc::ENAMETOOLONG) => "enametoolong",
        Some(libc::EPERM) => "eperm",
        Some(libc::EIO) => "eio",
        Some(libc::EFBIG) => "efbig",
        Some(libc::ESPIPE) => "espipe",
        Some(libc::EMLINK) => "emlink",
        Some(libc::ETXTBSY) => "etxtbsy",
        Some(libc::EAGAIN) => "eagain",
        Some(libc::EINTR) => "eintr",
        Some(libc::ENXIO) => "enxio",
        Some(libc::ENODEV) => "enodev",
        _ => match e.kind() {
            io::ErrorKind::NotFound => "enoent",
            io::ErrorKind::PermissionDenied => "eacces",
            io::ErrorKind::AlreadyExists => "eexist",
            io::ErrorKind::InvalidInput => "einval",
            _ => "eio",
        },
    }
}

pub(super) fn error(e: &io::Error) -> Term {
    Term::tuple(vec![Term::atom_str("error"), Term::atom_str(posix(e))])
}

fn result(r: io::Result<Term>) -> Term {
    r.unwrap_or_else(|e| error(&e))
}

fn unit(r: io::Result<()>) -> Term {
    result(r.map(|_| ok()))
}

/// A path argument: a binary of UTF-8 (or raw) bytes.
fn path(t: &Term, f: &str, a: &[Term]) -> Result<PathBuf, BifError> {
    use std::os::unix::ffi::OsStrExt;
    match t {
        Term::Binary(b) if b.is_binary() => {
            let bytes = b.to_bytes();
            if bytes.contains(&0) {
                return Err(bad(f, a));
            }
            Ok(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
        }
        _ => Err(bad(f, a)),
    }
}

fn path_binary(p: &std::path::Path) -> Term {
    use std::os::unix::ffi::OsStrExt;
    Term::binary(p.as_os_str().as_bytes())
}

fn bytes(t: &Term, f: &str, a: &[Term]) -> Result<Vec<u8>, BifError> {
    match t {
        Term::Binary(b) if b.is_binary() => Ok(b.to_bytes()),
        _ => Err(bad(f, a)),
    }
}

fn handle(t: &Term, f: &str, a: &[Term]) -> Result<Ref, BifError> {
    match t {
        Term::Ref(r) => Ok(*r),
        _ => Err(bad(f, a)),
    }
}

/// Runs `body` on the open file of `a[0]`; `{error, einval}` if closed.
fn with_file(
    p: &mut P,
    f: &str,
    a: &[Term],
    body: impl FnOnce(&mut OpenFile) -> io::Result<Term>,
) -> BifResult {
    let h = handle(&a[0], f, a)?;
    let Some(file) = p.rt.files.get(h) else {
        return Ok(Term::tuple(vec![
            Term::atom_str("error"),
            Term::atom_str("einval"),
        ]));
    };
    let mut file = file.lock().unwrap();
    Ok(result(body(&mut file)))
}

/// `prim_file:open(Path, Modes)`: modes among `read`, `write`, `append`,
/// `exclusive`; as OTP, `write` alone truncates and `append` implies write.
pub(crate) fn open_2(p: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "open", a)?;
    let modes = a[1].list_to_vec().ok_or_else(|| bad("open", a))?;
    let (mut read, mut write, mut append, mut exclusive) = (false, false, false, false);
    for m in &modes {
        match m.as_atom().map(|x| x.name()) {
            Some("read") => read = true,
            Some("write") => write = true,
            Some("append") => append = true,
            Some("exclusive") => exclusive = true,
            _ => return Err(bad("open", a)),
        }
    }
    if !write && !append && !exclusive {
        read = true;
    }
    let writable = write || append || exclusive;
    let mut o = std::fs::OpenOptions::new();
    o.read(read).write(writable).append(append);
    if writable {
        if exclusive {
            o.create_new(true);
        } else {
            o.create(true);
        }
        // `write` without `read` empties the file, as OTP does.
        o.truncate(write && !read && !append && !exclusive);
    }
    match o.open(&path) {
        Ok(file) => {
            if file.metadata().is_ok_and(|m| m.is_dir()) && writable {
                return Ok(error(&io::Error::from_raw_os_error(libc::EISDIR)));
            }
            let id = p.rt.make_ref();
            p.rt.files
                .insert(id, OpenFile::new(file, read, writable, p.pid));
            Ok(ok_with(Term::Ref(id)))
        }
        Err(e) => Ok(error(&e)),
    }
}

/// `prim_file:close(Handle)`.
pub(crate) fn close_1(p: &mut P, a: &[Term]) -> BifResult {
    let h = handle(&a[0], "close", a)?;
    Ok(if p.rt.files.close(h) {
        ok()
    } else {
        Term::tuple(vec![Term::atom_str("error"), Term::atom_str("einval")])
    })
}

fn data_or_eof(data: Vec<u8>) -> Term {
    if data.is_empty() {
        Term::atom_str("eof")
    } else {
        ok_with(Term::binary(&data))
    }
}

fn ebadf() -> io::Error {
    io::Error::from_raw_os_error(libc::EBADF)
}

/// `prim_file:read(Handle, N)` -> `{ok, Bin}` | `eof`.
pub(crate) fn read_2(p: &mut P, a: &[Term]) -> BifResult {
    let n = match &a[1] {
        Term::Int(n) if *n >= 0 => *n as usize,
        _ => return Err(bad("read", a)),
    };
    with_file(p, "read", a, |f| {
        if !f.readable {
            return Err(ebadf());
        }
        if n == 0 {
            return Ok(ok_with(Term::binary(&[])));
        }
        f.read(n).map(data_or_eof)
    })
}

/// `prim_file:read_line(Handle)` -> `{ok, Line}` | `eof`.
pub(crate) fn read_line_1(p: &mut P, a: &[Term]) -> BifResult {
    with_file(p, "read_line", a, |f| {
        if !f.readable {
            return Err(ebadf());
        }
        f.read_line().map(data_or_eof)
    })
}

/// `prim_file:write(Handle, Bin)`.
pub(crate) fn write_2(p: &mut P, a: &[Term]) -> BifResult {
    let data = bytes(&a[1], "write", a)?;
    with_file(p, "write", a, |f| {
        if !f.writable {
            return Err(ebadf());
        }
        f.write(&data).map(|_| ok())
    })
}

/// `prim_file:position(Handle, {bof | cur | eof, Offset})`.
pub(crate) fn position_2(p: &mut P, a: &[Term]) -> BifResult {
    let to = match a[1].as_tuple().map(|t| t.elems()) {
        Some([Term::Atom(w), Term::Int(n)]) => match w.name() {
            "bof" if *n >= 0 => SeekFrom::Start(*n as u64),
            "cur" => SeekFrom::Current(*n),
            "eof" => SeekFrom::End(*n),
            _ => {
                return Ok(error(&io::Error::from_raw_os_error(libc::EINVAL)));
            }
        },
        _ => return Err(bad("position", a)),
    };
    with_file(p, "position", a, |f| {
        f.seek(to).map(|n| ok_with(Term::Int(n as i64)))
    })
}

/// `prim_file:pread(Handle, Pos, N)`.
pub(crate) fn pread_3(p: &mut P, a: &[Term]) -> BifResult {
    let (Term::Int(pos), Term::Int(n)) = (&a[1], &a[2]) else {
        return Err(bad("pread", a));
    };
    if *pos < 0 || *n < 0 {
        return Ok(error(&io::Error::from_raw_os_error(libc::EINVAL)));
    }
    let (pos, n) = (*pos as u64, *n as usize);
    with_file(p, "pread", a, |f| {
        if !f.readable {
            return Err(ebadf());
        }
        f.pread(pos, n).map(data_or_eof)
    })
}

/// `prim_file:pwrite(Handle, Pos, Bin)`.
pub(crate) fn pwrite_3(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Int(pos) = &a[1] else {
        return Err(bad("pwrite", a));
    };
    if *pos < 0 {
        return Ok(error(&io::Error::from_raw_os_error(libc::EINVAL)));
    }
    let pos = *pos as u64;
    let data = bytes(&a[2], "pwrite", a)?;
    with_file(p, "pwrite", a, |f| {
        if !f.writable {
            return Err(ebadf());
        }
        f.pwrite(pos, &data).map(|_| ok())
    })
}

/// `prim_file:truncate(Handle)`.
pub(crate) fn truncate_1(p: &mut P, a: &[Term]) -> BifResult {
    with_file(p, "truncate", a, |f| f.truncate().map(|_| ok()))
}

/// `prim_file:sync(Handle)`.
pub(crate) fn sync_1(p: &mut P, a: &[Term]) -> BifResult {
    with_file(p, "sync", a, |f| f.sync(false).map(|_| ok()))
}

/// `prim_file:datasync(Handle)`.
pub(crate) fn datasync_1(p: &mut P, a: &[Term]) -> BifResult {
    with_file(p, "datasync", a, |f| f.sync(true).map(|_| ok()))
}

/// `prim_file:read_file(Path)`.
pub(crate) fn read_file_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "read_file", a)?;
    Ok(result(
        std::fs::read(&path).map(|b| ok_with(Term::binary(&b))),
    ))
}

/// `prim_file:read_info(Path, FollowLinks)`: `{ok, {Size, Type, Access,
/// Atime, Mtime, Ctime, Mode, Links, Major, Minor, Inode, Uid, Gid}}`
/// with POSIX times; file.erl makes the `#file_info{}` of them.
pub(crate) fn read_info_2(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "read_info", a)?;
    let meta = if a[1].is_true() {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    };
    let m = match meta {
        Ok(m) => m,
        Err(e) => return Ok(error(&e)),
    };
    let ft = m.file_type();
    let kind = if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular"
    } else if ft.is_symlink() {
        "symlink"
    } else {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_block_device() || ft.is_char_device() {
            "device"
        } else {
            "other"
        }
    };
    let access = access_of(&path);
    let dev = m.dev();
    Ok(ok_with(Term::tuple(vec![
        Term::Int(m.size() as i64),
        Term::atom_str(kind),
        Term::atom_str(access),
        Term::Int(m.atime()),
        Term::Int(m.mtime()),
        Term::Int(m.ctime()),
        Term::Int(m.mode() as i64),
        Term::Int(m.nlink() as i64),
        Term::Int(libc::major(dev) as i64),
        Term::Int(libc::minor(dev) as i64),
        Term::Int(m.ino() as i64),
        Term::Int(m.uid() as i64),
        Term::Int(m.gid() as i64),
    ])))
}

/// `read`, `write`, `read_write` or `none`, as the caller may use the file.
fn access_of(path: &std::path::Path) -> &'static str {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return "none";
    };
    // SAFETY: `c` is a valid NUL-terminated path for the call's duration.
    let can = |mode| unsafe { libc::access(c.as_ptr(), mode) == 0 };
    match (can(libc::R_OK), can(libc::W_OK)) {
        (true, true) => "read_write",
        (true, false) => "read",
        (false, true) => "write",
        (false, false) => "none",
    }
}

/// `prim_file:set_mode(Path, Mode)`.
pub(crate) fn set_mode_2(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "set_mode", a)?;
    let Term::Int(mode) = &a[1] else {
        return Err(bad("set_mode", a));
    };
    let perms = std::fs::Permissions::from_mode(*mode as u32);
    Ok(unit(std::fs::set_permissions(&path, perms)))
}

/// `prim_file:set_times(Path, Atime, Mtime)`, POSIX seconds.
pub(crate) fn set_times_3(_: &mut P, a: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    let path = path(&a[0], "set_times", a)?;
    let (Term::Int(at), Term::Int(mt)) = (&a[1], &a[2]) else {
        return Err(bad("set_times", a));
    };
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return Err(bad("set_times", a));
    };
    let times = [
        libc::timespec {
            tv_sec: *at as libc::time_t,
            tv_nsec: 0,
        },
        libc::timespec {
            tv_sec: *mt as libc::time_t,
            tv_nsec: 0,
        },
    ];
    // SAFETY: `c` is a valid path and `times` two valid timespecs.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), 0) };
    Ok(if r == 0 {
        ok()
    } else {
        error(&io::Error::last_os_error())
    })
}

/// `prim_file:list_dir(Path)` -> `{ok, [Name :: binary()]}`.
pub(crate) fn list_dir_1(_: &mut P, a: &[Term]) -> BifResult {
    use std::os::unix::ffi::OsStrExt;
    let path = path(&a[0], "list_dir", a)?;
    Ok(result(std::fs::read_dir(&path).and_then(|rd| {
        let mut names = Vec::new();
        for e in rd {
            names.push(Term::binary(e?.file_name().as_bytes()));
        }
        Ok(ok_with(Term::list(names)))
    })))
}

/// `prim_file:make_dir(Path)`.
pub(crate) fn make_dir_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "make_dir", a)?;
    Ok(unit(std::fs::create_dir(&path)))
}

/// `prim_file:del_dir(Path)`.
pub(crate) fn del_dir_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "del_dir", a)?;
    Ok(unit(std::fs::remove_dir(&path)))
}

/// `prim_file:delete(Path)`: a file, never a directory (`eperm` as OTP).
pub(crate) fn delete_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "delete", a)?;
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
        return Ok(error(&io::Error::from_raw_os_error(libc::EPERM)));
    }
    Ok(unit(std::fs::remove_file(&path)))
}

/// `prim_file:rename(From, To)`.
pub(crate) fn rename_2(_: &mut P, a: &[Term]) -> BifResult {
    let from = path(&a[0], "rename", a)?;
    let to = path(&a[1], "rename", a)?;
    Ok(unit(std::fs::rename(&from, &to)))
}

/// `prim_file:read_link(Path)` -> `{ok, Target :: binary()}`.
pub(crate) fn read_link_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "read_link", a)?;
    Ok(result(
        std::fs::read_link(&path).map(|t| ok_with(path_binary(&t))),
    ))
}

/// `prim_file:make_symlink(Existing, New)`.
pub(crate) fn make_symlink_2(_: &mut P, a: &[Term]) -> BifResult {
    let from = path(&a[0], "make_symlink", a)?;
    let to = path(&a[1], "make_symlink", a)?;
    Ok(unit(std::os::unix::fs::symlink(&from, &to)))
}

/// `prim_file:make_link(Existing, New)`.
pub(crate) fn make_link_2(_: &mut P, a: &[Term]) -> BifResult {
    let from = path(&a[0], "make_link", a)?;
    let to = path(&a[1], "make_link", a)?;
    Ok(unit(std::fs::hard_link(&from, &to)))
}

/// `prim_file:get_cwd()` -> `{ok, Dir :: binary()}`.
pub(crate) fn get_cwd_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(result(
        std::env::current_dir().map(|d| ok_with(path_binary(&d))),
    ))
}

/// `prim_file:set_cwd(Dir)`.
pub(crate) fn set_cwd_1(_: &mut P, a: &[Term]) -> BifResult {
    let path = path(&a[0], "set_cwd", a)?;
    Ok(unit(std::env::set_current_dir(&path)))
}
