//! Argument handling. `erl`'s flags (`-eval`, `-s`, `-pa`, `+S`) do not fit
//! a conventional parser such as clap (`+S`, `-s` taking a variable number
//! of words), so they are read by hand, in order, as `erl` reads them.

use ferl_runtime::code::path::CodePath;
use ferl_runtime::code::{loader, LoadError};
use ferl_runtime::entry;
use ferl_runtime::sched::Outcome;
use ferl_runtime::term::{Atom, Term};
use std::path::PathBuf;

const USAGE: &str = "usage: ferl run FILE.erl [ARGS...]
       ferl [-pa DIR]... [+S N] [-eval EXPRS]... [-s MOD [FUN [ARG...]]]...
       ferl disasm FILE.erl
";

enum Step {
    Eval(String),
    Call(String, String, Vec<String>),
}

/// Runs the command line; returns the exit status.
pub(crate) fn main(args: Vec<String>) -> i32 {
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
            "+S" => i += 2,
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
