//! The natives of `code` that tell where things are (OTP `code.erl` over
//! the code server): the code path, where a file or module is, an
//! application's directories. Modules are loaded from source on first call
//! ([`crate::code`]); loading, purging and path changes are the tooling
//! issue's hot loading.

use super::args::badarg_in;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};
use std::path::Path;

type P = Process;

/// A path as OTP's code server gives it: absolute, without `./`.
fn path_string(p: &Path) -> Term {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let clean: std::path::PathBuf = abs
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    Term::string(&clean.to_string_lossy())
}

/// `code:get_path()`: the directories searched for modules, in order (the
/// embedded library comes after them and has no directory).
pub(crate) fn get_path_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.rt.code.path.dirs.iter().map(|d| path_string(d)).collect(),
    ))
}

/// `code:where_is_file(Filename)`: the first code path directory that has
/// the file, as a full name, or `non_existing`.
pub(crate) fn where_is_file_1(p: &mut P, a: &[Term]) -> BifResult {
    let name = a[0]
        .list_to_string()
        .ok_or_else(|| badarg_in("code", "where_is_file", a))?;
    for d in &p.rt.code.path.dirs {
        let f = d.join(&name);
        if f.is_file() {
            return Ok(path_string(&f));
        }
    }
    Ok(Term::atom_str("non_existing"))
}

/// `code:which(Module)`: the source a module was (or would be) loaded
/// from, `"stdlib/NAME.erl"` style for the embedded library, or
/// `non_existing`.
pub(crate) fn which_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Atom(m) = &a[0] else {
        return Err(badarg_in("code", "which", a));
    };
    if let Some(lm) = p.rt.code.loaded(*m) {
        return Ok(lm.file.clone());
    }
    Ok(match p.rt.code.path.find_module(m.name()) {
        Some(src) => Term::string(&src.display),
        None => Term::atom_str("non_existing"),
    })
}

/// `code:all_loaded()`: `[{Module, Loaded}]` for every loaded module.
pub(crate) fn all_loaded_0(p: &mut P, _: &[Term]) -> BifResult {
    let mut mods = p.rt.code.all_loaded();
    mods.sort_by_key(|m| m.name());
    Ok(Term::list(
        mods.into_iter()
            .filter_map(|m| p.rt.code.loaded(m))
            .map(|lm| Term::tuple(vec![Term::Atom(lm.name), lm.file.clone()]))
            .collect(),
    ))
}

fn app_name(t: &Term) -> Option<String> {
    match t {
        Term::Atom(a) => Some(a.name().to_string()),
        other => other.list_to_string(),
    }
}

/// `code:lib_dir(Name)`: the application's directory, or `{error, bad_name}`.
pub(crate) fn lib_dir_1(p: &mut P, a: &[Term]) -> BifResult {
    let app = app_name(&a[0]).ok_or_else(|| badarg_in("code", "lib_dir", a))?;
    Ok(match p.rt.code.path.lib_dir(&app) {
        Some(d) => path_string(&d),
        None => bad_name(),
    })
}

/// `code:lib_dir(Name, SubDir)`.
pub(crate) fn lib_dir_2(p: &mut P, a: &[Term]) -> BifResult {
    let app = app_name(&a[0]).ok_or_else(|| badarg_in("code", "lib_dir", a))?;
    let sub = app_name(&a[1]).ok_or_else(|| badarg_in("code", "lib_dir", a))?;
    Ok(match p.rt.code.path.lib_dir(&app) {
        Some(d) => path_string(&d.join(sub)),
        None => bad_name(),
    })
}

/// `code:priv_dir(Name)`: the application's `priv` directory.
pub(crate) fn priv_dir_1(p: &mut P, a: &[Term]) -> BifResult {
    let app = app_name(&a[0]).ok_or_else(|| badarg_in("code", "priv_dir", a))?;
    Ok(match p.rt.code.path.lib_dir(&app) {
        Some(d) => path_string(&d.join("priv")),
        None => bad_name(),
    })
}

fn bad_name() -> Term {
    Term::tuple(vec![Term::Atom(atom::ERROR), Term::atom_str("bad_name")])
}

/// `ferl_code:load_source(File)`: compiles a source file and makes it the
/// current version of its module (what `compile:file/1,2` and `c:c/1` do
/// in ferl, where there are no `.beam` files). `{ok, Module, Warnings}`
/// or `{error, Diagnostics}`, both rendered as `erlc` prints them.
pub(crate) fn load_source_1(p: &mut P, a: &[Term]) -> BifResult {
    use crate::code::loader;
    let Some(name) = a[0].list_to_string() else {
        return Err(badarg_in("ferl_code", "load_source", a));
    };
    let src = match loader::file_source(Path::new(&name)) {
        Ok(s) => s,
        Err(_) => {
            return Ok(Term::tuple(vec![
                Term::Atom(atom::ERROR),
                Term::atom_str("enoent"),
            ]))
        }
    };
    match loader::check(&src, &p.rt.code.path) {
        Ok((module, warnings)) => match loader::link(module) {
            Ok(lm) => {
                let lm = p.rt.code.install(lm);
                Ok(Term::tuple(vec![
                    Term::Atom(atom::OK),
                    Term::Atom(lm.name),
                    Term::string(&warnings),
                ]))
            }
            Err(e) => Ok(Term::tuple(vec![Term::Atom(atom::ERROR), Term::string(&e)])),
        },
        Err(text) => Ok(Term::tuple(vec![
            Term::Atom(atom::ERROR),
            Term::string(&text),
        ])),
    }
}

/// `code:load_file(Module)`: compiles the module's source from the code
/// path (or the embedded library) and makes it the current version:
/// `{module, Module}`, or `{error, nofile | badfile}`.
pub(crate) fn load_file_1(p: &mut P, a: &[Term]) -> BifResult {
    use crate::code::loader;
    let Term::Atom(m) = &a[0] else {
        return Err(badarg_in("code", "load_file", a));
    };
    let Some(src) = p.rt.code.path.find_module(m.name()) else {
        return Ok(Term::tuple(vec![
            Term::Atom(atom::ERROR),
            Term::atom_str("nofile"),
        ]));
    };
    match loader::load(&src, &p.rt.code.path) {
        Ok(lm) if lm.name == *m => {
            p.rt.code.install(lm);
            Ok(Term::tuple(vec![Term::atom_str("module"), a[0].clone()]))
        }
        _ => Ok(Term::tuple(vec![
            Term::Atom(atom::ERROR),
            Term::atom_str("badfile"),
        ])),
    }
}

/// `code:purge(Module)`: ferl frees an old version when the last process
/// running it leaves it, so no process is ever killed: `false`.
pub(crate) fn purge_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(_) => Ok(Term::Atom(atom::FALSE)),
        _ => Err(badarg_in("code", "purge", a)),
    }
}

/// `code:soft_purge(Module)`: nothing blocks a purge in ferl: `true`.
pub(crate) fn soft_purge_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(_) => Ok(Term::Atom(atom::TRUE)),
        _ => Err(badarg_in("code", "soft_purge", a)),
    }
}
