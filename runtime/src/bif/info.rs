//! What the runtime tells about processes and itself: `process_info/1,2`,
//! `statistics/1`, `system_info/1`, `memory/0,1` (OTP `erl_bif_info.c`).
//!
//! A process answers questions about itself directly. About another
//! process it sends a `process_info` request signal and waits for the
//! reply in `ferl_signal:await_reply/1`, as OTP does: the target answers
//! when it next handles its signals, so the answer reflects every message
//! and signal sent to it before the question.

use super::args::{badarg, list};
use crate::interp::{BifError, BifResult};
use crate::process::signal::Signal;
use crate::process::Process;
use crate::term::{atom, Atom, Term};
use ferl_compiler::bytecode::Instr;
use std::sync::atomic::Ordering;

type P = Process;

/// The items `process_info/1` reports, in OTP's order.
const DEFAULT_ITEMS: &[&str] = &[
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "reductions",
];

/// Items `process_info/2` accepts.
const KNOWN_ITEMS: &[&str] = &[
    "message_queue_len",
    "messages",
    "dictionary",
    "registered_name",
    "trap_exit",
    "reductions",
    "status",
    "links",
    "monitors",
    "monitored_by",
    "heap_size",
    "total_heap_size",
    "stack_size",
    "memory",
    "current_function",
    "current_stacktrace",
    "initial_call",
    "group_leader",
    "priority",
    "min_heap_size",
    "min_bin_vheap_size",
    "fullsweep_after",
    "message_queue_data",
];

/// `process_info(Pid)`: the usual items, `undefined` for a dead process.
pub(crate) fn process_info_1(p: &mut P, a: &[Term]) -> BifResult {
    let items = DEFAULT_ITEMS.iter().map(|i| Term::atom_str(i)).collect();
    process_info_2(p, &[a[0].clone(), Term::list(items)])
}

/// `process_info(Pid, Item | [Item])`.
pub(crate) fn process_info_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Pid(pid) = &a[0] else {
        return Err(badarg("process_info", a));
    };
    if !valid_items(&a[1]) {
        return Err(badarg("process_info", a));
    }
    // A group leader that is the terminal is named by the `user` server's
    // pid: start it first (in Erlang) if nobody has yet.
    if asks_group_leader(&a[1]) && p.rt.whereis(Atom::from_static("user")).is_none() {
        return Err(BifError::Apply(
            Atom::from_static("ferl_io"),
            Atom::from_static("process_info"),
            a.to_vec(),
        ));
    }
    if *pid == p.pid {
        // Count what was sent before the question too.
        crate::interp::signals::take_incoming(p).map_err(BifError::Die)?;
        return answer(p, &a[1], true).ok_or_else(|| badarg("process_info", a));
    }
    let reference = p.rt.make_ref();
    let asked = p.rt.signal(
        *pid,
        Signal::ProcessInfo {
            from: p.pid,
            reference,
            items: a[1].clone(),
        },
    );
    if !asked {
        return Ok(Term::Atom(atom::UNDEFINED));
    }
    Err(BifError::Apply(
        Atom::from_static("ferl_signal"),
        Atom::from_static("await_reply"),
        vec![Term::Ref(reference)],
    ))
}

fn valid_items(items: &Term) -> bool {
    let known = |t: &Term| t.as_atom().is_some_and(|a| KNOWN_ITEMS.contains(&a.name()));
    match items {
        Term::Atom(_) => known(items),
        l => list(l).is_some_and(|v| v.iter().all(known)),
    }
}

/// The answer of `p` to `process_info(P, Items)`; `asker_is_self` tells
/// whether `p` asks about itself (it is then `running`). `None` for an
/// unknown item. The mailbox is as the question found it: a request
/// signal is answered in order with the messages around it.
pub(crate) fn answer(p: &mut P, items: &Term, asker_is_self: bool) -> Option<Term> {
    match items {
        Term::Atom(_) => item(p, items, true, asker_is_self),
        l => {
            let mut out = Vec::new();
            for i in list(l)? {
                out.push(item(p, &i, false, asker_is_self)?);
            }
            Some(Term::list(out))
        }
    }
}

fn item(p: &mut P, item: &Term, single: bool, asker_is_self: bool) -> Option<Term> {
    let name = item.as_atom()?.name();
    let v = match name {
        "message_queue_len" => Term::Int(p.mailbox.len() as i64),
        "messages" => Term::list(p.mailbox.messages().cloned().collect()),
        "dictionary" => Term::list(
            p.dict
                .iter()
                .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ),
        "registered_name" => match p.rt.registered_name(p.pid) {
            Some(n) => Term::Atom(n),
            // Alone the answer is `[]`; in a list, `{registered_name, []}`.
            None if single => return Some(Term::Nil),
            None => Term::Nil,
        },
        "trap_exit" => Term::bool(p.trap_exit),
        "reductions" => Term::Int(p.reductions as i64),
        "status" => Term::atom_str(status(p, asker_is_self)),
        "links" => Term::list(p.links.iter().map(|l| Term::Pid(*l)).collect()),
        "monitors" => Term::list(
            p.monitors
                .iter()
                .map(|m| Term::tuple(vec![Term::Atom(atom::PROCESS), m.object.clone()]))
                .collect(),
        ),
        "monitored_by" => Term::list(
            p.monitored_by
                .iter()
                .map(|(_, w, _)| Term::Pid(*w))
                .collect(),
        ),
        "heap_size" | "total_heap_size" | "stack_size" => Term::Int(p.stack.len() as i64),
        "memory" => Term::Int(memory(p) as i64),
        "current_function" => {
            let f = &p.module.code.functions[p.func as usize];
            Term::tuple(vec![
                Term::Atom(p.module.name),
                Term::atom_str(&f.name),
                Term::Int(f.arity as i64),
            ])
        }
        "current_stacktrace" => crate::interp::stacktrace::build(p, None, false, None),
        "initial_call" => {
            let (m, f, ar) = p.initial_call;
            Term::tuple(vec![Term::Atom(m), Term::Atom(f), Term::Int(ar as i64)])
        }
        "priority" => Term::Atom(p.priority),
        // ferl has no per-process heap: OTP's defaults, which
        // process_flag/2 accepts and does not change.
        "min_heap_size" => Term::Int(233),
        "min_bin_vheap_size" => Term::Int(46422),
        "fullsweep_after" => Term::Int(65535),
        "message_queue_data" => Term::atom_str("on_heap"),
        "group_leader" => Term::Pid(
            p.group_leader
                .or_else(|| p.rt.whereis(Atom::from_static("user")))?,
        ),
        _ => return None,
    };
    Some(Term::tuple(vec![item.clone(), v]))
}

/// `running` for the asker itself; `waiting` for a process stopped in
/// `receive`; `runnable` otherwise.
fn status(p: &P, asker_is_self: bool) -> &'static str {
    if asker_is_self {
        return "running";
    }
    let at = &p.module.code.functions[p.func as usize].code[p.ip as usize];
    if matches!(at, Instr::RecvWait { .. }) || p.native_wait {
        "waiting"
    } else {
        "runnable"
    }
}

/// Bytes the process occupies: its body, stack, frames, mailbox and
/// dictionary (not the terms they share with others).
fn memory(p: &P) -> usize {
    use std::mem::size_of;
    size_of::<P>()
        + size_of::<crate::process::ProcShared>()
        + p.stack.capacity() * size_of::<Term>()
        + p.frames.capacity() * size_of::<crate::process::Frame>()
        + p.handlers.capacity() * size_of::<crate::process::Handler>()
        + p.mailbox.len() * size_of::<Term>()
        + p.dict.capacity() * 2 * size_of::<Term>()
}

/// `statistics(Item)` for `reductions`, `exact_reductions`, `runtime`,
/// `wall_clock`, `run_queue` and `context_switches`.
pub(crate) fn statistics_1(p: &mut P, a: &[Term]) -> BifResult {
    let stats = &p.rt.stats;
    let pair = |total: u64, last: &std::sync::atomic::AtomicU64| {
        let since = total.saturating_sub(last.swap(total, Ordering::Relaxed));
        Term::tuple(vec![Term::Int(total as i64), Term::Int(since as i64)])
    };
    match a[0].as_atom().map(|x| x.name()) {
        Some("reductions" | "exact_reductions") => {
            let total = stats.reductions.load(Ordering::Relaxed);
            Ok(pair(total, &stats.last_reductions))
        }
        Some("runtime") => Ok(pair(cpu_ms(), &stats.last_runtime)),
        Some("wall_clock") => {
            let ms = p.rt.started.elapsed().as_millis() as u64;
            Ok(pair(ms, &stats.last_wall_clock))
        }
        Some("run_queue") => Ok(Term::Int(p.rt.run_queue_len() as i64)),
        Some("context_switches") => Ok(Term::tuple(vec![
            Term::Int(stats.context_switches.load(Ordering::Relaxed) as i64),
            Term::Int(0),
        ])),
        _ => Err(badarg("statistics", a)),
    }
}

/// CPU time used by the whole runtime, in milliseconds.
fn cpu_ms() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return 0;
    }
    ts.tv_sec as u64 * 1000 + ts.tv_nsec as u64 / 1_000_000
}

/// `system_info(Item)` for the items programs commonly ask.
pub(crate) fn system_info_1(p: &mut P, a: &[Term]) -> BifResult {
    let v = match a[0].as_atom().map(|x| x.name()) {
        Some("schedulers" | "schedulers_online" | "dirty_cpu_schedulers") => {
            Term::Int(p.rt.schedulers() as i64)
        }
        Some(
            "logical_processors" | "logical_processors_available" | "logical_processors_online",
        ) => Term::Int(std::thread::available_parallelism().map_or(1, |n| n.get()) as i64),
        Some("process_count") => Term::Int(p.rt.process_count() as i64),
        Some("process_limit") => Term::Int(crate::sched::PROCESS_LIMIT as i64),
        Some("otp_release") => Term::string("25"),
        Some("wordsize") => Term::Int(8),
        Some("threads") => Term::bool(true),
        Some("smp_support") => Term::bool(true),
        _ => return Err(badarg("system_info", a)),
    };
    Ok(v)
}

/// Bytes of memory the runtime holds: its resident set (ferl has no
/// per-area allocators to report the way BEAM does).
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    pages * page.max(0) as u64
}

/// `erlang:memory()`: only `total` (see [`resident_bytes`]).
pub(crate) fn memory_0(_: &mut P, _: &[Term]) -> BifResult {
    let total = Term::tuple(vec![
        Term::atom_str("total"),
        Term::Int(resident_bytes() as i64),
    ]);
    Ok(Term::list(vec![total]))
}

/// `erlang:memory(total)`; the other OTP areas (processes, binary, ets,
/// ...) are not measured by ferl and raise `badarg`.
pub(crate) fn memory_1(_: &mut P, a: &[Term]) -> BifResult {
    match a[0].as_atom().map(|x| x.name()) {
        Some("total") => Ok(Term::Int(resident_bytes() as i64)),
        _ => Err(badarg("memory", a)),
    }
}

fn asks_group_leader(items: &Term) -> bool {
    match items {
        Term::Atom(a) => a.name() == "group_leader",
        other => other
            .iter_list()
            .any(|i| matches!(i, Term::Atom(a) if a.name() == "group_leader")),
    }
}
