//! Stacktraces and crash reports (OTP `erl_bif_info.c`, `erl_error.erl`).
//!
//! A trace lists `{Module, Function, ArityOrArgs, Location}` from the
//! innermost call outwards; `Location` is `[{file, F}, {line, L}]`, or `[]`
//! for natives. When a native raised the error, its entry (with the actual
//! arguments) comes first; for `function_clause`, the failing function's own
//! entry carries its arguments.

use super::exception::{Class, Exception, BACKTRACE_DEPTH};
use crate::code::LoadedModule;
use crate::process::Process;
use crate::term::{atom, Atom, Pid, Term};

fn location(m: &LoadedModule, func: u32, ip: u32) -> Term {
    let line = m.code.functions[func as usize].line_at(ip);
    if line == 0 {
        return Term::Nil;
    }
    Term::list(vec![
        Term::tuple(vec![Term::Atom(atom::FILE), m.file.clone()]),
        Term::tuple(vec![Term::Atom(atom::LINE), Term::Int(line as i64)]),
    ])
}

fn entry(m: &LoadedModule, func: u32, ip: u32, args: Option<Vec<Term>>) -> Term {
    let (name, arity) = m.fn_names[func as usize];
    let a = match args {
        Some(a) => Term::list(a),
        None => Term::Int(arity as i64),
    };
    Term::tuple(vec![
        Term::Atom(m.name),
        Term::Atom(name),
        a,
        location(m, func, ip),
    ])
}

/// Builds the stacktrace of `p` at its current instruction.
/// `[{error_info, #{module => M}}]`: where OTP 25 says a native's errors are explained.
fn error_info(m: Atom) -> Term {
    let explainer = if m == atom::ERLANG {
        "erl_erts_errors"
    } else {
        "erl_stdlib_errors"
    };
    let map = crate::term::MapData::from_pairs(vec![(
        Term::Atom(atom::MODULE),
        Term::atom_str(explainer),
    )]);
    Term::list(vec![Term::tuple(vec![
        Term::Atom(atom::ERROR_INFO),
        Term::Map(std::sync::Arc::new(map)),
    ])])
}

/// Builds the stacktrace of `p` at its current instruction. `bif` is a
/// native's frame to put on top (`with_info`: OTP's `error_info` location,
/// given for errors raised by the native itself, not for `undef`);
/// `args` replaces the arity of the current function (`function_clause`).
pub fn build(
    p: &Process,
    bif: Option<(Atom, Atom, Vec<Term>)>,
    with_info: bool,
    args: Option<Vec<Term>>,
) -> Term {
    let mut out = Vec::with_capacity(BACKTRACE_DEPTH);
    if let Some((m, f, a)) = bif {
        let loc = if with_info { error_info(m) } else { Term::Nil };
        out.push(Term::tuple(vec![
            Term::Atom(m),
            Term::Atom(f),
            Term::list(a),
            loc,
        ]));
    }
    out.push(entry(&p.module, p.func, p.ip, args));
    let mut module = &p.module;
    for f in p.frames.iter().rev() {
        if out.len() >= BACKTRACE_DEPTH {
            break;
        }
        if let Some(m) = &f.module {
            module = m;
        }
        out.push(entry(module, f.func, f.ip.saturating_sub(1), None));
    }
    out.truncate(BACKTRACE_DEPTH);
    Term::list(out)
}

/// Adds `extra` (a list of location items) to the top entry's location.
pub fn with_top_location_extra(trace: Term, extra: Term) -> Term {
    let Some(mut entries) = trace.list_to_vec() else {
        return trace;
    };
    if let Some(first) = entries.first_mut() {
        if let Some(t) = first.as_tuple() {
            if t.len() == 4 {
                let mut loc = t[3].list_to_vec().unwrap_or_default();
                loc.extend(extra.list_to_vec().unwrap_or_default());
                *first = Term::tuple(vec![
                    t[0].clone(),
                    t[1].clone(),
                    t[2].clone(),
                    Term::list(loc),
                ]);
            }
        }
    }
    Term::list(entries)
}

/// The exit reason of a process that died of `e`: `{Reason, Stack}` for
/// errors, `{{nocatch, Value}, Stack}` for throws, the reason itself for exits.
pub fn exit_reason(e: &Exception) -> Term {
    match e.class {
        Class::Error => Term::tuple(vec![e.reason.clone(), e.trace.clone()]),
        Class::Exit => e.reason.clone(),
        Class::Throw => Term::tuple(vec![
            Term::tuple(vec![Term::atom_str("nocatch"), e.reason.clone()]),
            e.trace.clone(),
        ]),
    }
}

/// Prints OTP's report for a process that died of an uncaught exception.
pub fn report_crash(pid: Pid, e: &Exception) {
    let reason = match e.class {
        Class::Error => Term::tuple(vec![e.reason.clone(), e.trace.clone()]),
        Class::Exit => e.reason.clone(),
        Class::Throw => Term::tuple(vec![Term::atom_str("nocatch"), e.reason.clone()]),
    };
    // As OTP: only errors and throws are reported, not exit/1.
    if matches!(e.class, Class::Exit) {
        return;
    }
    let text = crate::bif::io::pretty(&reason, 0);
    eprintln!(
        "=ERROR REPORT==== {} ===\nError in process <0.{}.0> with exit value:\n{}\n",
        crate::bif::os::report_timestamp(),
        pid.0,
        text
    );
}

/// Explains an exception as `escript` does: `exception error: no match of
/// right hand side value 2` followed by the call chain.
pub fn format_escript(e: &Exception) -> String {
    let class = e.class.atom().name();
    let w = |t: &Term| crate::bif::io::pretty(t, 0);
    let what = match (&e.class, &e.reason) {
        (Class::Error, Term::Tuple(t))
            if t.len() == 2 && t[0].as_atom().map(|a| a.name()) == Some("badmatch") =>
        {
            format!("no match of right hand side value {}", w(&t[1]))
        }
        (Class::Error, Term::Tuple(t))
            if t.len() == 2 && t[0].as_atom().map(|a| a.name()) == Some("case_clause") =>
        {
            format!("no case clause matching {}", w(&t[1]))
        }
        (Class::Error, Term::Tuple(t))
            if t.len() == 2 && t[0].as_atom().map(|a| a.name()) == Some("try_clause") =>
        {
            format!("no try clause matching {}", w(&t[1]))
        }
        (Class::Error, Term::Atom(a)) if a.name() == "if_clause" => {
            "no true branch found when evaluating an if expression".into()
        }
        (Class::Error, Term::Atom(a)) if a.name() == "badarith" => {
            "an error occurred when evaluating an arithmetic expression".into()
        }
        (Class::Error, Term::Atom(a)) if a.name() == "badarg" => "bad argument".into(),
        (Class::Error, Term::Atom(a)) if a.name() == "function_clause" => {
            match first_entry(&e.trace) {
                Some((m, f, args @ Term::Cons(_), _)) => {
                    format!("no function clause matching {}:{}({})", m, f, e_args(&args))
                }
                _ => "no function clause matching".into(),
            }
        }
        (Class::Error, Term::Atom(a)) if a.name() == "undef" => match first_entry(&e.trace) {
            Some((m, f, args, _)) => format!(
                "undefined function {}:{}/{}",
                m,
                f,
                args.list_to_vec().map_or(0, |v| v.len())
            ),
            None => "undefined function".into(),
        },
        _ => w(&e.reason),
    };
    let mut out = format!("escript: exception {class}: {what}\n");
    let mut first = true;
    for ent in e.trace.iter_list() {
        let Some(t) = ent.as_tuple() else { continue };
        if t.len() != 4 {
            continue;
        }
        let arity = match &t[2] {
            Term::Int(n) => n.to_string(),
            other => other.list_to_vec().map_or(0, |v| v.len()).to_string(),
        };
        let mut loc = String::new();
        let (mut file, mut line) = (None, None);
        for kv in t[3].iter_list() {
            if let Some(kv) = kv.as_tuple() {
                match kv[0].as_atom().map(|a| a.name()) {
                    Some("file") => file = kv[1].list_to_string(),
                    Some("line") => line = Some(format!("{:?}", kv[1])),
                    _ => {}
                }
            }
        }
        if let (Some(f), Some(l)) = (file, line) {
            loc = format!(" ({f}, line {l})");
        }
        let lead = if first {
            "  in function  "
        } else {
            "  in call from "
        };
        first = false;
        out.push_str(&format!("{lead}{:?}:{:?}/{}{}\n", t[0], t[1], arity, loc));
    }
    out
}

fn first_entry(trace: &Term) -> Option<(String, String, Term, Term)> {
    let t = trace.iter_list().next()?.as_tuple()?.clone();
    if t.len() != 4 {
        return None;
    }
    Some((
        t[0].as_atom()?.name().to_string(),
        t[1].as_atom()?.name().to_string(),
        t[2].clone(),
        t[3].clone(),
    ))
}

fn e_args(args: &Term) -> String {
    args.list_to_vec()
        .unwrap_or_default()
        .iter()
        .map(|a| crate::bif::io::pretty(a, 0))
        .collect::<Vec<_>>()
        .join(",")
}
