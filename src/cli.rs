//! Argument handling. `erl`'s flags (`-eval`, `-s`, `-pa`, `+S`) do not fit
//! a conventional parser such as clap (`+S`, `-s` taking a variable number
//! of words), so they are read by hand, in order, as `erl` reads them.

use ferl_runtime::code::path::CodePath;
use ferl_runtime::code::{loader, LoadError};
use ferl_runtime::entry;
use ferl_runtime::sched::Outcome;
use ferl_runtime::term::{Atom, Term};
use std::path::PathBuf;

const USAGE: &str = "usage: ferl [+S N] [-pa DIR...] [-W0] [+warn_X|+nowarn_X]... run FILE.erl [ARGS...]
       ferl [-pa DIR...] test PATH...  (eunit tests of the modules in files or directories)
       ferl [-pa DIR]... [+S N] [-eval EXPRS]... [-s MOD [FUN [ARG...]]]...
       ferl disasm FILE.erl
       ferl compile [-I DIR]... [-pa DIR]... [-DNAME[=VALUE]]... [-W0] [+warn_X|+nowarn_X]... FILE.erl...
                                     (check files as erlc does, without running them)
";

/// The commands, which end a `-pa`/`-pz` directory list.
const COMMANDS: &[&str] = &["run", "test", "compile", "disasm", "help"];

/// Puts directories on the code path of every run: ahead of `FERL_PATH`,
/// which every code path reads.
fn add_code_path(dirs: &[String]) {
    let mut all: Vec<String> = dirs.to_vec();
    if let Ok(old) = std::env::var("FERL_PATH") {
        all.push(old);
    }
    // The runtime has not started: no other thread reads the environment.
    std::env::set_var("FERL_PATH", all.join(":"));
}

enum Step {
    Eval(String),
    Call(String, String, Vec<String>),
}

/// Runs the command line; returns the exit status.
pub(crate) fn main(mut args: Vec<String>) -> i32 {
    // Before the command: `+S N` chooses the number of schedulers, and
    // erlc's warning flags (`-W0`, `+nowarn_unused_vars`...) apply to the
    // modules the run compiles.
    let mut lint = ferl_compiler::lint::Options::default();
    loop {
        match args.first().map(String::as_str) {
            Some("+S") => {
                let Some(n) = args.get(1).and_then(|n| schedulers(n)) else {
                    eprint!("{USAGE}");
                    return 1;
                };
                entry::set_schedulers(n);
                args.drain(..2);
            }
            Some("-W0") => {
                lint.report_warnings = false;
                args.remove(0);
            }
            Some("-W" | "-W1" | "-Wall") => {
                lint.report_warnings = true;
                args.remove(0);
            }
            Some(f) if f.starts_with("+warn_") || f.starts_with("+nowarn_") => {
                lint.set_flag(&f[1..]);
                args.remove(0);
            }
            // As erl's, `-pa`/`-pz` take the directories up to the next
            // flag, and here also up to a command (`ferl -pa DIR run F`).
            Some("-pa" | "-pz") => {
                let mut n = 1;
                while n < args.len()
                    && !args[n].starts_with(['-', '+'])
                    && !COMMANDS.contains(&args[n].as_str())
                {
                    n += 1;
                }
                let dirs: Vec<String> = args.drain(..n).skip(1).collect();
                add_code_path(&dirs);
            }
            _ => break,
        }
    }
    ferl_runtime::code::path::set_default_lint(lint);
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            if args.is_empty() {
                1
            } else {
                0
            }
        }
        Some("run") => match args.get(1) {
            Some(file) => entry::run_script(&PathBuf::from(file), &args[2..], Vec::new()),
            None => {
                eprint!("{USAGE}");
                1
            }
        },
        Some("test") => test(&args[1..]),
        Some("compile") => compile(&args[1..]),
        Some("disasm") => match args.get(1) {
            Some(file) => disasm(file),
            None => {
                eprint!("{USAGE}");
                1
            }
        },
        Some(f) if f.ends_with(".erl") || std::path::Path::new(f).is_file() => {
            entry::run_script(&PathBuf::from(f), &args[1..], Vec::new())
        }
        _ => erl_style(&args),
    }
}

/// `ferl test PATH...`: loads the modules in the given files and
/// directories and runs their eunit tests (a `foo_tests` module beside
/// `foo` is run with it, by eunit itself). Exits 0 only if all passed.
fn test(paths: &[String]) -> i32 {
    if paths.is_empty() {
        eprint!("{USAGE}");
        return 1;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        let p = PathBuf::from(p);
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&p)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            found.retain(|f| f.extension().is_some_and(|e| e == "erl"));
            found.sort();
            files.extend(found);
        } else {
            files.push(p);
        }
    }
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .map(|f| {
            f.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf()
        })
        .collect();
    dirs.dedup();
    let rt = entry::runtime(CodePath::new(dirs));
    let mut names = Vec::new();
    for f in &files {
        match loader::load_file(f, &rt.code.path) {
            Ok(lm) => names.push(rt.code.install(lm).name),
            Err(LoadError::Compile(text)) => {
                eprint!("{text}");
                return 1;
            }
            Err(LoadError::NotFound) => {
                eprintln!("ferl: cannot read {}", f.display());
                return 1;
            }
        }
    }
    // eunit runs foo_tests along with foo: do not list it twice.
    let listed: Vec<String> = names.iter().map(|a| a.name().to_string()).collect();
    names.retain(|n| {
        let name = n.name();
        !name
            .strip_suffix("_tests")
            .is_some_and(|base| listed.iter().any(|l| l == base))
    });
    let mods = Term::list(names.into_iter().map(Term::Atom).collect());
    match entry::call(
        &rt,
        Atom::from_static("eunit"),
        Atom::from_static("test"),
        vec![mods],
    ) {
        Ok(Outcome::Returned(v)) if v.as_atom().is_some_and(|a| a.name() == "ok") => 0,
        Ok(Outcome::Returned(_)) | Ok(Outcome::Deadlock) => 1,
        Ok(o) => entry::status(o).max(1),
        Err(msg) => {
            eprintln!("{msg}");
            1
        }
    }
}

/// `ferl compile`: compiles each file as `erlc` would, printing its errors
/// and warnings on stdout, as `erlc` does; exits 1 if any file has errors.
/// Nothing is run and nothing is written.
fn compile(args: &[String]) -> i32 {
    // erlc's code path starts with the current directory; behaviours are
    // looked up on it.
    let mut path = CodePath::new(vec![PathBuf::from(".")]);
    let mut files: Vec<PathBuf> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "-pa" || a == "-pz" {
            let Some(d) = args.get(i + 1) else {
                eprint!("{USAGE}");
                return 1;
            };
            if a == "-pa" {
                path.dirs.insert(0, PathBuf::from(d));
            } else {
                path.dirs.push(PathBuf::from(d));
            }
            i += 2;
            continue;
        }
        if a == "-I" {
            let Some(d) = args.get(i + 1) else {
                eprint!("{USAGE}");
                return 1;
            };
            path.include_dirs.push(PathBuf::from(d));
            i += 2;
            continue;
        }
        if let Some(d) = a.strip_prefix("-I") {
            path.include_dirs.push(PathBuf::from(d));
        } else if let Some(def) = a.strip_prefix("-D") {
            let (name, value) = def.split_once('=').unwrap_or((def, "true"));
            path.defines.push((name.to_string(), value.to_string()));
        } else if a == "-W0" {
            path.lint.report_warnings = false;
        } else if a == "-W" || a == "-W1" || a == "-Wall" {
            path.lint.report_warnings = true;
        } else if let Some(flag) = a.strip_prefix('+') {
            path.lint.set_flag(flag);
        } else if a.starts_with('-') {
            eprintln!("ferl: unknown option {a}");
            eprint!("{USAGE}");
            return 1;
        } else {
            files.push(PathBuf::from(a));
        }
        i += 1;
    }
    if files.is_empty() {
        eprint!("{USAGE}");
        return 1;
    }
    let mut status = 0;
    for f in &files {
        let src = match loader::file_source(f) {
            Ok(s) => s,
            Err(LoadError::Compile(text)) => {
                print!("{text}");
                status = 1;
                continue;
            }
            Err(LoadError::NotFound) => {
                println!("{}: no such file", f.display());
                status = 1;
                continue;
            }
        };
        match loader::check(&src, &path) {
            Ok((m, warnings)) => {
                print!("{warnings}");
                // erlc writes NAME.beam, and refuses a module named otherwise.
                let stem = f.file_stem().map(|s| s.to_string_lossy().into_owned());
                if let Some(stem) = stem.filter(|s| *s != m.name) {
                    println!(
                        "{stem}.beam: Module name '{}' does not match file name '{stem}'",
                        m.name
                    );
                    status = 1;
                }
            }
            Err(text) => {
                print!("{text}");
                status = 1;
            }
        }
    }
    status
}

fn disasm(file: &str) -> i32 {
    let path = CodePath::new(Vec::new());
    match loader::load_file(&PathBuf::from(file), &path) {
        Ok(lm) => {
            print!("{}", ferl_compiler::bytecode::disasm::disassemble(&lm.code));
            0
        }
        Err(LoadError::Compile(text)) => {
            eprint!("{text}");
            1
        }
        Err(LoadError::NotFound) => 1,
    }
}

fn erl_style(args: &[String]) -> i32 {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut steps = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-pa" | "-pz" => {
                i += 1;
                while i < args.len() && !args[i].starts_with(['-', '+']) {
                    dirs.push(PathBuf::from(&args[i]));
                    i += 1;
                }
                continue;
            }
            "-eval" => {
                let Some(e) = args.get(i + 1) else {
                    eprint!("{USAGE}");
                    return 1;
                };
                steps.push(Step::Eval(e.clone()));
                i += 2;
                continue;
            }
            "-s" | "-run" => {
                let mut words = Vec::new();
                i += 1;
                while i < args.len() && !args[i].starts_with(['-', '+']) {
                    words.push(args[i].clone());
                    i += 1;
                }
                if words.is_empty() {
                    eprint!("{USAGE}");
                    return 1;
                }
                let m = words.remove(0);
                let f = if words.is_empty() {
                    "start".to_string()
                } else {
                    words.remove(0)
                };
                steps.push(Step::Call(m, f, words));
                continue;
            }
            "+S" => {
                let Some(n) = args.get(i + 1).and_then(|n| schedulers(n)) else {
                    eprint!("{USAGE}");
                    return 1;
                };
                entry::set_schedulers(n);
                i += 2;
            }
            "-noshell" | "-noinput" => i += 1,
            other => {
                eprintln!("ferl: unknown option {other}");
                eprint!("{USAGE}");
                return 1;
            }
        }
    }
    let rt = entry::runtime(CodePath::new(dirs));
    for (n, step) in steps.into_iter().enumerate() {
        let outcome = match step {
            Step::Eval(e) => match entry::compile_eval(&rt, &e, n) {
                Ok(m) => entry::call(&rt, m, Atom::from_static("run"), vec![]),
                Err(text) => {
                    eprint!("{text}");
                    return 1;
                }
            },
            Step::Call(m, f, words) => {
                let args = if words.is_empty() {
                    vec![]
                } else {
                    vec![Term::list(
                        words.iter().map(|w| Term::atom_str(w)).collect(),
                    )]
                };
                entry::call(&rt, Atom::from_static(&m), Atom::from_static(&f), args)
            }
        };
        match outcome {
            Ok(Outcome::Returned(_)) | Ok(Outcome::Deadlock) => {}
            Ok(o) => return entry::status(o),
            Err(msg) => {
                eprintln!("{msg}");
                return 1;
            }
        }
    }
    0
}

/// The scheduler count of `+S N` or `+S N:M` (as `erl`, the second number,
/// schedulers online, may not exceed the first; ferl runs them all).
fn schedulers(arg: &str) -> Option<usize> {
    let n = arg.split(':').next()?.parse::<usize>().ok()?;
    (1..=1024).contains(&n).then_some(n)
}
