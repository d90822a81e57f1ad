//! Running a program: the entry points the command line uses, and how an
//! outcome becomes an exit status (as `escript` and `erl -noshell` do).

use crate::code::path::{CodePath, Source};
use crate::code::{loader, CodeServer, LoadError};
use crate::interp::stacktrace;
use crate::sched::{Outcome, Runtime};
use crate::term::{Atom, Term};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Exit status after an uncaught exception in `main/1`, as `escript` uses.
pub const EXIT_CRASH: i32 = 127;

/// Scheduler threads for runtimes made by [`runtime`]; 0 means one per core.
static SCHEDULERS: AtomicUsize = AtomicUsize::new(0);

/// Chooses the number of scheduler threads (`+S N`) of later runtimes.
pub fn set_schedulers(n: usize) {
    SCHEDULERS.store(n, Ordering::Relaxed);
}

/// A runtime over the given code path.
pub fn runtime(path: CodePath) -> Arc<Runtime> {
    let rt = Runtime::new(CodeServer::new(path));
    match SCHEDULERS.load(Ordering::Relaxed) {
        0 => {}
        n => rt.set_schedulers(n),
    }
    rt
}

/// Runs `Module:Function(Args)` in a new process until it returns; returns
/// the outcome.
pub fn call(
    rt: &Arc<Runtime>,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
) -> Result<Outcome, String> {
    let lm = match rt.code.get(module) {
        Ok(lm) => lm,
        Err(LoadError::NotFound) => return Err(format!("module '{}' not found", module.name())),
        Err(LoadError::Compile(_)) => {
            return Err(format!("module '{}' failed to compile", module.name()))
        }
    };
    let arity = args.len() as u32;
    let Some(func) = lm.export(function, arity) else {
        return Err(format!(
            "undefined function {}:{}/{}",
            module.name(),
            function.name(),
            arity
        ));
    };
    let pid = rt.spawn(lm, func, args, (module, function, arity));
    Ok(rt.run(pid))
}

/// `ferl run FILE ARGS`: compiles FILE and calls its `main/1` with the
/// arguments as strings. Returns the exit status.
pub fn run_script(file: &Path, args: &[String], extra_path: Vec<std::path::PathBuf>) -> i32 {
    let mut dirs = extra_path;
    if let Some(d) = file.parent() {
        let d = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        dirs.push(d.to_path_buf());
    }
    // erl's code path holds the current directory too.
    let cwd = std::path::PathBuf::from(".");
    if !dirs.iter().any(|d| d == &cwd) {
        dirs.push(cwd);
    }
    let rt = runtime(CodePath::new(dirs));
    let lm = match loader::load_file(file, &rt.code.path) {
        Ok(lm) => rt.code.install(lm),
        Err(LoadError::Compile(text)) => {
            eprint!("{text}");
            return 1;
        }
        Err(LoadError::NotFound) => {
            eprintln!("ferl: cannot read {}", file.display());
            return 1;
        }
    };
    let argv = Term::list(args.iter().map(|a| Term::string(a)).collect());
    let main = Atom::from_static("main");
    let Some(func) = lm.export(main, 1) else {
        eprintln!(
            "escript: Function {}:main/1 is not exported",
            lm.name.name()
        );
        return EXIT_CRASH;
    };
    let pid = rt.spawn(lm.clone(), func, vec![argv], (lm.name, main, 1));
    status(rt.run(pid))
}

/// The exit status for an outcome, reporting crashes on stderr.
pub fn status(o: Outcome) -> i32 {
    match o {
        Outcome::Returned(_) | Outcome::Deadlock => 0,
        Outcome::Halted(n) => n,
        Outcome::Crashed(e) => {
            eprint!("{}", stacktrace::format_escript(&e));
            EXIT_CRASH
        }
        Outcome::Exited(reason) => {
            eprintln!(
                "escript: exception exit: {}",
                crate::bif::io::pretty(&reason, 0)
            );
            EXIT_CRASH
        }
    }
}

/// Compiles a snippet of expressions (`-eval`) as a function of a
/// throw-away module and returns that module's name.
pub fn compile_eval(rt: &Arc<Runtime>, exprs: &str, n: usize) -> Result<Atom, String> {
    let name = format!("ferl_eval_{n}");
    let body = exprs.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body);
    let text = format!("-module({name}).\n-export([run/0]).\nrun() ->\n{body}\n.\n");
    let src = Source {
        display: "-eval".into(),
        text,
        dir: None,
        undecodable: false,
    };
    let code = loader::compile(&src, &rt.code.path)?;
    let lm = loader::link(code)?;
    Ok(rt.code.install(lm).name)
}
