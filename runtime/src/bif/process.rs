//! Process BIFs (OTP `erl_bif_*`): identity, messages, names, the process
//! dictionary, spawning, links, monitors, aliases, exit signals, timers.

use super::args::{badarg, list};
use crate::interp::{BifError, BifResult};
use crate::process::alias::AliasMode;
use crate::process::signal::{Incoming, Signal};
use crate::process::{Monitor, Process};
use crate::sched::SpawnOpts;
use crate::term::{atom, order, Atom, FunKind, Pid, Term};

type P = Process;

pub(crate) fn self_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Pid(p.pid))
}

pub(crate) fn make_ref_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Ref(p.rt.make_ref()))
}

pub(crate) fn node_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Atom(atom::NONODE))
}

pub(crate) fn node_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Pid(_) | Term::Ref(_) => Ok(Term::Atom(atom::NONODE)),
        _ => Err(badarg("node", a)),
    }
}

/// `Dest ! Msg` / `erlang:send/2`: a pid, a registered name, `{Name,
/// Node}` or an alias (any reference: one that is no active alias drops
/// the message, as in OTP).
pub(crate) fn send_2(p: &mut P, a: &[Term]) -> BifResult {
    let to = match &a[0] {
        Term::Pid(pid) => Some(*pid),
        Term::Ref(r) => {
            p.rt.send_alias(*r, a[1].clone());
            return Ok(a[1].clone());
        }
        Term::Atom(name) => Some(p.rt.whereis(*name).ok_or_else(|| badarg("send", a))?),
        Term::Tuple(t)
            if t.len() == 2 && matches!((&t[0], &t[1]), (Term::Atom(_), Term::Atom(_))) =>
        {
            if t[1].as_atom() != Some(atom::NONODE) {
                return Err(badarg("send", a));
            }
            // To {Name, Node}, an unregistered name drops the message, as OTP does.
            match p.rt.whereis(t[0].as_atom().unwrap()) {
                Some(pid) => Some(pid),
                None => return Ok(a[1].clone()),
            }
        }
        _ => None,
    };
    let Some(to) = to else {
        return Err(badarg("send", a));
    };
    p.send(to, a[1].clone());
    Ok(a[1].clone())
}

pub(crate) fn register_2(p: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Atom(n), Term::Pid(pid)) if n.name() != "undefined" && p.rt.is_alive(*pid) => {
            if p.rt.register(*n, *pid) {
                Ok(Term::Atom(atom::TRUE))
            } else {
                Err(badarg("register", a))
            }
        }
        _ => Err(badarg("register", a)),
    }
}

pub(crate) fn unregister_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(n) if p.rt.unregister(*n) => Ok(Term::Atom(atom::TRUE)),
        _ => Err(badarg("unregister", a)),
    }
}

pub(crate) fn whereis_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(n) => Ok(p
            .rt
            .whereis(*n)
            .map(Term::Pid)
            .unwrap_or(Term::Atom(atom::UNDEFINED))),
        _ => Err(badarg("whereis", a)),
    }
}

pub(crate) fn registered_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.rt.registered().into_iter().map(Term::Atom).collect(),
    ))
}

/// `is_process_alive(Pid)`: ordered after the signals the caller sent to
/// `Pid` (as OTP's), so `exit(P, kill), is_process_alive(P)` is false: a
/// live process is asked by a signal (`ferl_signal:is_alive/1`), which it
/// answers only after handling the earlier ones.
pub(crate) fn is_process_alive_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Pid(pid) if *pid == p.pid => Ok(Term::Atom(atom::TRUE)),
        Term::Pid(pid) if !p.rt.is_alive(*pid) => Ok(Term::Atom(atom::FALSE)),
        Term::Pid(_) => Err(BifError::Apply(
            Atom::from_static("ferl_signal"),
            Atom::from_static("is_alive"),
            a.to_vec(),
        )),
        _ => Err(badarg("is_process_alive", a)),
    }
}

pub(crate) fn process_flag_2(p: &mut P, a: &[Term]) -> BifResult {
    match (a[0].as_atom().map(|x| x.name()), &a[1]) {
        (Some("trap_exit"), Term::Atom(v)) if *v == atom::TRUE || *v == atom::FALSE => {
            let old = p.trap_exit;
            p.trap_exit = *v == atom::TRUE;
            Ok(Term::bool(old))
        }
        (Some("priority"), Term::Atom(v))
            if matches!(v.name(), "low" | "normal" | "high" | "max") =>
        {
            Ok(Term::Atom(std::mem::replace(&mut p.priority, *v)))
        }
        // Heap tuning: ferl has no per-process heap; OTP's defaults are
        // answered and the setting has no effect.
        (Some("min_heap_size"), Term::Int(n)) if *n >= 0 => Ok(Term::Int(233)),
        (Some("min_bin_vheap_size"), Term::Int(n)) if *n >= 0 => Ok(Term::Int(46422)),
        (Some("fullsweep_after"), Term::Int(n)) if *n >= 0 => Ok(Term::Int(65535)),
        (Some("message_queue_data"), Term::Atom(v))
            if matches!(v.name(), "on_heap" | "off_heap") =>
        {
            Ok(Term::atom_str("on_heap"))
        }
        (Some("sensitive"), Term::Atom(v)) if *v == atom::TRUE || *v == atom::FALSE => {
            Ok(Term::bool(false))
        }
        _ => Err(badarg("process_flag", a)),
    }
}

fn spawn_fun(
    p: &mut P,
    f: &Term,
    opts: &SpawnOpts,
    name: &str,
    a: &[Term],
) -> Result<Pid, BifError> {
    let Term::Fun(fun) = f else {
        return Err(badarg(name, a));
    };
    if fun.arity() != 0 {
        return Err(badarg(name, a));
    }
    match &fun.kind {
        FunKind::Local {
            code, index, env, ..
        } => {
            let func = code.code.lambdas[*index as usize].function;
            Ok(p.rt.spawn_with(
                code.clone(),
                func,
                env.to_vec(),
                // As OTP: a process started from a fun reports erlang:apply/2.
                (atom::ERLANG, Atom::from_static("apply"), 2),
                opts,
            ))
        }
        FunKind::External { function, .. } => {
            let args = [Term::Atom(fun.module), Term::Atom(*function), Term::Nil];
            spawn_mfa(p, &args, opts, name, a)
        }
    }
}

/// Spawns `M:F(Args)`; an undefined function makes the new process exit
/// with `undef`, as in OTP, so the call happens inside it.
fn spawn_mfa(
    p: &mut P,
    mfa: &[Term],
    opts: &SpawnOpts,
    name: &str,
    a: &[Term],
) -> Result<Pid, BifError> {
    let (Term::Atom(m), Term::Atom(f)) = (&mfa[0], &mfa[1]) else {
        return Err(badarg(name, a));
    };
    let args = list(&mfa[2]).ok_or_else(|| badarg(name, a))?;
    let arity = args.len() as u32;
    let target =
        p.rt.code
            .get(*m)
            .ok()
            .and_then(|lm| lm.export(*f, arity).map(|i| (lm, i)));
    Ok(match target {
        Some((lm, func)) => p.rt.spawn_with(lm, func, args, (*m, *f, arity), opts),
        None => {
            let tramp =
                p.rt.code
                    .get(Atom::from_static("ferl_spawn"))
                    .map_err(|_| badarg(name, a))?;
            let func = tramp
                .export(Atom::from_static("apply"), 3)
                .ok_or_else(|| badarg(name, a))?;
            p.rt.spawn_with(tramp, func, mfa.to_vec(), (*m, *f, arity), opts)
        }
    })
}

/// What every child inherits: the group leader.
fn plain_opts(p: &P) -> SpawnOpts {
    SpawnOpts {
        group_leader: p.group_leader,
        ..SpawnOpts::default()
    }
}

fn link_opts(p: &P) -> SpawnOpts {
    SpawnOpts {
        link: Some(p.pid),
        ..plain_opts(p)
    }
}

/// Records a new child as linked or monitored on the parent's side.
fn adopt(p: &mut P, child: Pid, opts: &SpawnOpts, mo: MonitorOpts) {
    if opts.link.is_some() {
        p.links.push(child);
    }
    if let Some((r, _)) = opts.monitor {
        p.monitors.push(Monitor {
            reference: r,
            target: Some(child),
            object: Term::Pid(child),
            tag: mo.tag,
        });
        if let Some(mode) = mo.alias {
            p.add_alias(r, mode);
        }
    }
}

fn monitor_opts(p: &P) -> SpawnOpts {
    SpawnOpts {
        monitor: Some((p.rt.make_ref(), p.pid)),
        ..plain_opts(p)
    }
}

/// `spawn(Fun)`.
pub(crate) fn spawn_1(p: &mut P, a: &[Term]) -> BifResult {
    spawn_fun(p, &a[0], &plain_opts(p), "spawn", a).map(Term::Pid)
}

/// `spawn(M, F, Args)`.
pub(crate) fn spawn_3(p: &mut P, a: &[Term]) -> BifResult {
    spawn_mfa(p, a, &plain_opts(p), "spawn", a).map(Term::Pid)
}

pub(crate) fn spawn_link_1(p: &mut P, a: &[Term]) -> BifResult {
    let o = link_opts(p);
    let child = spawn_fun(p, &a[0], &o, "spawn_link", a)?;
    adopt(p, child, &o, MonitorOpts::default());
    Ok(Term::Pid(child))
}

pub(crate) fn spawn_link_3(p: &mut P, a: &[Term]) -> BifResult {
    let o = link_opts(p);
    let child = spawn_mfa(p, a, &o, "spawn_link", a)?;
    adopt(p, child, &o, MonitorOpts::default());
    Ok(Term::Pid(child))
}

fn pid_ref(child: Pid, o: &SpawnOpts) -> Term {
    Term::tuple(vec![Term::Pid(child), Term::Ref(o.monitor.unwrap().0)])
}

pub(crate) fn spawn_monitor_1(p: &mut P, a: &[Term]) -> BifResult {
    let o = monitor_opts(p);
    let child = spawn_fun(p, &a[0], &o, "spawn_monitor", a)?;
    adopt(p, child, &o, MonitorOpts::default());
    Ok(pid_ref(child, &o))
}

pub(crate) fn spawn_monitor_3(p: &mut P, a: &[Term]) -> BifResult {
    let o = monitor_opts(p);
    let child = spawn_mfa(p, a, &o, "spawn_monitor", a)?;
    adopt(p, child, &o, MonitorOpts::default());
    Ok(pid_ref(child, &o))
}

/// The `link`, `monitor` and `{monitor, MonitorOpts}` options of
/// `spawn_opt`; other options are accepted and ignored.
fn spawn_options(p: &P, t: &Term, a: &[Term]) -> Result<(SpawnOpts, MonitorOpts), BifError> {
    let mut o = plain_opts(p);
    let mut mo = MonitorOpts::default();
    for x in list(t).ok_or_else(|| badarg("spawn_opt", a))? {
        match &x {
            Term::Atom(n) if n.name() == "link" => o.link = Some(p.pid),
            Term::Atom(n) if n.name() == "monitor" => {
                o.monitor = Some((p.rt.make_ref(), p.pid));
                mo = MonitorOpts::default();
            }
            Term::Tuple(t)
                if t.len() == 2 && t[0].as_atom().map(|x| x.name()) == Some("monitor") =>
            {
                mo = monitor_options(&t[1]).ok_or_else(|| badarg("spawn_opt", a))?;
                o.monitor = Some((p.rt.make_ref(), p.pid));
            }
            Term::Atom(_) | Term::Tuple(_) => {}
            _ => return Err(badarg("spawn_opt", a)),
        }
    }
    Ok((o, mo))
}

fn spawn_opt_result(child: Pid, o: &SpawnOpts) -> Term {
    match o.monitor {
        Some(_) => pid_ref(child, o),
        None => Term::Pid(child),
    }
}

pub(crate) fn spawn_opt_2(p: &mut P, a: &[Term]) -> BifResult {
    let (o, mo) = spawn_options(p, &a[1], a)?;
    let child = spawn_fun(p, &a[0], &o, "spawn_opt", a)?;
    adopt(p, child, &o, mo);
    Ok(spawn_opt_result(child, &o))
}

pub(crate) fn spawn_opt_4(p: &mut P, a: &[Term]) -> BifResult {
    let (o, mo) = spawn_options(p, &a[3], a)?;
    let child = spawn_mfa(p, &a[..3], &o, "spawn_opt", a)?;
    adopt(p, child, &o, mo);
    Ok(spawn_opt_result(child, &o))
}

// ---- links, monitors, exit signals ----

pub(crate) fn link_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Pid(other) = &a[0] else {
        return Err(badarg("link", a));
    };
    if *other == p.pid || p.links.contains(other) {
        return Ok(Term::Atom(atom::TRUE));
    }
    if p.rt.signal(*other, Signal::Link { from: p.pid }) {
        p.links.push(*other);
    } else if p.trap_exit {
        let msg = Term::tuple(vec![
            Term::Atom(atom::EXIT_UPPER),
            a[0].clone(),
            Term::Atom(atom::NOPROC),
        ]);
        p.send_to_self(msg);
    } else {
        return Err(BifError::error_in(
            Term::Atom(atom::NOPROC),
            atom::ERLANG,
            Atom::from_static("link"),
            a,
        ));
    }
    Ok(Term::Atom(atom::TRUE))
}

pub(crate) fn unlink_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Pid(other) = &a[0] else {
        return Err(badarg("unlink", a));
    };
    if p.links.contains(other) {
        p.links.retain(|l| l != other);
        p.rt.signal(*other, Signal::Unlink { from: p.pid });
    }
    Ok(Term::Atom(atom::TRUE))
}

/// `exit(Pid, Reason)`: sends an exit signal (to itself: takes effect at once).
pub(crate) fn exit_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Pid(to) = &a[0] else {
        return Err(badarg("exit", a));
    };
    if *to == p.pid {
        let kill = matches!(&a[1], Term::Atom(x) if *x == atom::KILL);
        if kill {
            return Err(BifError::Die(Term::Atom(atom::KILLED)));
        }
        if p.trap_exit {
            let msg = Term::tuple(vec![
                Term::Atom(atom::EXIT_UPPER),
                a[0].clone(),
                a[1].clone(),
            ]);
            p.send_to_self(msg);
            return Ok(Term::Atom(atom::TRUE));
        }
        return Err(BifError::Die(a[1].clone()));
    }
    p.rt.signal(
        *to,
        Signal::Exit {
            from: p.pid,
            reason: a[1].clone(),
            linked: false,
        },
    );
    Ok(Term::Atom(atom::TRUE))
}

/// The options of `monitor/3` and of `spawn_opt`'s `{monitor, Opts}`:
/// whether the monitor reference is also an alias, and the first element
/// of the 'DOWN' message. When an option repeats, the last one counts.
struct MonitorOpts {
    alias: Option<AliasMode>,
    tag: Term,
}

impl Default for MonitorOpts {
    fn default() -> MonitorOpts {
        MonitorOpts {
            alias: None,
            tag: Term::Atom(atom::DOWN),
        }
    }
}

/// `[{alias, Mode} | {tag, Tag}]`, or `None` for anything else.
fn monitor_options(t: &Term) -> Option<MonitorOpts> {
    let mut o = MonitorOpts::default();
    for x in list(t)? {
        let t = x.as_tuple().filter(|t| t.len() == 2)?;
        match t[0].as_atom()?.name() {
            "alias" => {
                o.alias = Some(match t[1].as_atom()?.name() {
                    "explicit_unalias" => AliasMode::Explicit,
                    "demonitor" => AliasMode::Demonitor,
                    "reply_demonitor" => AliasMode::ReplyDemonitor,
                    _ => return None,
                })
            }
            "tag" => o.tag = t[1].clone(),
            _ => return None,
        }
    }
    Some(o)
}

/// `monitor(process, Pid | Name | {Name, Node})`.
pub(crate) fn monitor_2(p: &mut P, a: &[Term]) -> BifResult {
    monitor(p, a, MonitorOpts::default())
}

/// `monitor(process, Item, Options)`: options as [`monitor_options`].
pub(crate) fn monitor_3(p: &mut P, a: &[Term]) -> BifResult {
    let o = monitor_options(&a[2]).ok_or_else(|| badarg("monitor", a))?;
    monitor(p, a, o)
}

/// A monitor of `a[1]`. As in OTP, a process monitoring itself gets a
/// reference and nothing else (no monitor, no alias); a monitor of a
/// process that is not alive stays until its `noproc` 'DOWN', queued at
/// once, is handled.
fn monitor(p: &mut P, a: &[Term], o: MonitorOpts) -> BifResult {
    if a[0].as_atom().map(|x| x.name()) != Some("process") {
        return Err(badarg("monitor", a));
    }
    let target = match &a[1] {
        Term::Pid(pid) => Some(*pid),
        Term::Atom(name) => p.rt.whereis(*name),
        Term::Tuple(t) if t.len() == 2 && t[1].as_atom() == Some(atom::NONODE) => match &t[0] {
            Term::Atom(name) => p.rt.whereis(*name),
            _ => return Err(badarg("monitor", a)),
        },
        _ => return Err(badarg("monitor", a)),
    };
    // Monitors by name report `{Name, Node}` as the object in 'DOWN'.
    let object = match &a[1] {
        Term::Atom(_) => Term::tuple(vec![a[1].clone(), Term::Atom(atom::NONODE)]),
        other => other.clone(),
    };
    let r = p.rt.make_ref();
    if target == Some(p.pid) {
        return Ok(Term::Ref(r));
    }
    let alive = target.filter(|t| {
        p.rt.signal(
            *t,
            Signal::Monitor {
                from: p.pid,
                reference: r,
                object: object.clone(),
            },
        )
    });
    if alive.is_none() {
        let down = Signal::Down {
            reference: r,
            object: object.clone(),
            reason: Term::Atom(atom::NOPROC),
        };
        // Cannot fail: the inbox closes only when the process has ended.
        let _ = p.shared.inbox.push(Incoming::Signal(down));
    }
    p.monitors.push(Monitor {
        reference: r,
        target: alive,
        object,
        tag: o.tag,
    });
    if let Some(mode) = o.alias {
        p.add_alias(r, mode);
    }
    Ok(Term::Ref(r))
}

pub(crate) fn demonitor_1(p: &mut P, a: &[Term]) -> BifResult {
    demonitor_2(p, &[a[0].clone(), Term::Nil]).map_err(|_| badarg("demonitor", a))
}

/// `demonitor(Ref, Options)` with `flush` and `info`.
pub(crate) fn demonitor_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Ref(r) = &a[0] else {
        return Err(badarg("demonitor", a));
    };
    let (mut flush, mut info) = (false, false);
    for o in list(&a[1]).ok_or_else(|| badarg("demonitor", a))? {
        match o.as_atom().map(|x| x.name()) {
            Some("flush") => flush = true,
            Some("info") => info = true,
            _ => return Err(badarg("demonitor", a)),
        }
    }
    // A monitor still listed has not delivered its 'DOWN' (a 'DOWN' signal
    // on its way is dropped when it arrives: the monitor is gone), so
    // there is nothing to flush.
    let active = p.remove_monitor(*r);
    if flush && !active {
        // As OTP's erlang:flush_monitor_messages/3: the first `{_, Ref, _,
        // _, _}`, whatever the tag.
        crate::interp::signals::take_incoming(p).map_err(BifError::Die)?;
        p.mailbox.remove_first(|m| {
            matches!(m, Term::Tuple(t) if t.len() == 5 && matches!(&t[1], Term::Ref(x) if x == r))
        });
    }
    Ok(Term::bool(!info || active))
}

// ---- aliases ----

/// `alias()`: an alias that only `unalias/1` ends.
pub(crate) fn alias_0(p: &mut P, _: &[Term]) -> BifResult {
    let r = p.rt.make_ref();
    p.add_alias(r, AliasMode::Explicit);
    Ok(Term::Ref(r))
}

/// `alias([explicit_unalias | reply])` (the last option counts).
pub(crate) fn alias_1(p: &mut P, a: &[Term]) -> BifResult {
    let mut mode = AliasMode::Explicit;
    for o in list(&a[0]).ok_or_else(|| badarg("alias", a))? {
        mode = match o.as_atom().map(|x| x.name()) {
            Some("explicit_unalias") => AliasMode::Explicit,
            Some("reply") => AliasMode::Reply,
            _ => return Err(badarg("alias", a)),
        };
    }
    let r = p.rt.make_ref();
    p.add_alias(r, mode);
    Ok(Term::Ref(r))
}

/// `unalias(Alias)`: true if it was an active alias of the caller.
pub(crate) fn unalias_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Ref(r) => Ok(Term::bool(p.unalias(*r))),
        _ => Err(badarg("unalias", a)),
    }
}

/// `garbage_collect()`: terms are freed by reference counting the moment
/// their last owner lets go, so there is never garbage to collect.
pub(crate) fn garbage_collect_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Atom(atom::TRUE))
}

/// `garbage_collect(Pid)`: `true` for a live process, `false` otherwise.
pub(crate) fn garbage_collect_1(p: &mut P, a: &[Term]) -> BifResult {
    is_process_alive_1(p, a).map_err(|_| badarg("garbage_collect", a))
}

pub(crate) fn yield_0(_: &mut P, _: &[Term]) -> BifResult {
    Err(BifError::Yield(Term::Atom(atom::TRUE)))
}

// ---- timers ----

fn timer_dest(t: &Term) -> bool {
    matches!(t, Term::Pid(_) | Term::Atom(_))
}

fn timer_ms(t: &Term) -> Option<u64> {
    match t {
        Term::Int(n) if *n >= 0 => Some(*n as u64),
        _ => None,
    }
}

/// `erlang:send_after(Time, Dest, Msg)`.
pub(crate) fn send_after_3(p: &mut P, a: &[Term]) -> BifResult {
    match (timer_ms(&a[0]), timer_dest(&a[1])) {
        (Some(ms), true) => Ok(Term::Ref(p.rt.start_timer(ms, a[1].clone(), a[2].clone()))),
        _ => Err(badarg("send_after", a)),
    }
}

/// The `{abs, Bool}` option of the timer BIFs: with `true` the time is a
/// monotonic time in milliseconds; converted here to a relative time.
fn relative_time(p: &P, time: &Term, opts: &Term) -> Option<Term> {
    let mut abs = false;
    for o in list(opts)? {
        let t = o.as_tuple()?;
        match (t.len(), t[0].as_atom()?.name(), t.get(1)?.as_atom()?) {
            (2, "abs", v) if v == atom::TRUE || v == atom::FALSE => abs = v == atom::TRUE,
            _ => return None,
        }
    }
    if !abs {
        return Some(time.clone());
    }
    let Term::Int(at) = time else { return None };
    let now = crate::bif::os::monotonic_ms(p);
    Some(Term::Int((*at - now).max(0)))
}

/// `erlang:send_after/4` with `{abs, Bool}`.
pub(crate) fn send_after_4(p: &mut P, a: &[Term]) -> BifResult {
    let t = relative_time(p, &a[0], &a[3]).ok_or_else(|| badarg("send_after", a))?;
    send_after_3(p, &[t, a[1].clone(), a[2].clone()]).map_err(|_| badarg("send_after", a))
}

/// `erlang:start_timer(Time, Dest, Msg)`: sends `{timeout, Ref, Msg}`.
pub(crate) fn start_timer_3(p: &mut P, a: &[Term]) -> BifResult {
    let (Some(ms), true) = (timer_ms(&a[0]), timer_dest(&a[1])) else {
        return Err(badarg("start_timer", a));
    };
    // The message names the timer's own reference: make it first.
    let r = p.rt.make_ref();
    let msg = Term::tuple(vec![Term::Atom(atom::TIMEOUT), Term::Ref(r), a[2].clone()]);
    Ok(Term::Ref(p.rt.start_timer_with_ref(
        r,
        ms,
        a[1].clone(),
        msg,
    )))
}

pub(crate) fn start_timer_4(p: &mut P, a: &[Term]) -> BifResult {
    let t = relative_time(p, &a[0], &a[3]).ok_or_else(|| badarg("start_timer", a))?;
    start_timer_3(p, &[t, a[1].clone(), a[2].clone()]).map_err(|_| badarg("start_timer", a))
}

fn timer_result(v: Option<u64>) -> Term {
    match v {
        Some(ms) => Term::Int(ms as i64),
        None => Term::Atom(atom::FALSE),
    }
}

pub(crate) fn cancel_timer_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Ref(r) = &a[0] else {
        return Err(badarg("cancel_timer", a));
    };
    Ok(timer_result(p.rt.cancel_timer(*r)))
}

/// `cancel_timer(Ref, [{async, Bool}, {info, Bool}])`.
pub(crate) fn cancel_timer_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Ref(r) = &a[0] else {
        return Err(badarg("cancel_timer", a));
    };
    let (mut is_async, mut info) = (false, true);
    for o in list(&a[1]).ok_or_else(|| badarg("cancel_timer", a))? {
        match o.as_tuple().map(|t| {
            (
                t.len(),
                t.first().and_then(Term::as_atom),
                t.get(1).cloned(),
            )
        }) {
            Some((2, Some(k), Some(Term::Atom(v)))) if v == atom::TRUE || v == atom::FALSE => {
                match k.name() {
                    "async" => is_async = v == atom::TRUE,
                    "info" => info = v == atom::TRUE,
                    _ => return Err(badarg("cancel_timer", a)),
                }
            }
            _ => return Err(badarg("cancel_timer", a)),
        }
    }
    let result = timer_result(p.rt.cancel_timer(*r));
    match (is_async, info) {
        (false, true) => Ok(result),
        (false, false) | (true, false) => Ok(Term::Atom(atom::OK)),
        (true, true) => {
            p.send_to_self(Term::tuple(vec![
                Term::atom_str("cancel_timer"),
                a[0].clone(),
                result,
            ]));
            Ok(Term::Atom(atom::OK))
        }
    }
}

pub(crate) fn read_timer_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Ref(r) = &a[0] else {
        return Err(badarg("read_timer", a));
    };
    Ok(timer_result(p.rt.read_timer(*r)))
}

/// `read_timer(Ref, [{async, Bool}])`.
pub(crate) fn read_timer_2(p: &mut P, a: &[Term]) -> BifResult {
    let mut is_async = false;
    for o in list(&a[1]).ok_or_else(|| badarg("read_timer", a))? {
        match o.as_tuple().map(|t| {
            (
                t.len(),
                t.first().and_then(Term::as_atom),
                t.get(1).and_then(Term::as_atom),
            )
        }) {
            Some((2, Some(k), Some(v)))
                if k.name() == "async" && (v == atom::TRUE || v == atom::FALSE) =>
            {
                is_async = v == atom::TRUE
            }
            _ => return Err(badarg("read_timer", a)),
        }
    }
    let v = read_timer_1(p, &a[..1]).map_err(|_| badarg("read_timer", a))?;
    if is_async {
        p.send_to_self(Term::tuple(vec![
            Term::atom_str("read_timer"),
            a[0].clone(),
            v,
        ]));
        return Ok(Term::Atom(atom::OK));
    }
    Ok(v)
}

/// `erlang:send(Dest, Msg, Options)`: `ok`; the options (`nosuspend`,
/// `noconnect`) change nothing on one node.
pub(crate) fn send_3(p: &mut P, a: &[Term]) -> BifResult {
    let opts = list(&a[2]).ok_or_else(|| badarg("send", a))?;
    let known = |o: &Term| {
        matches!(
            o.as_atom().map(|x| x.name()),
            Some("nosuspend" | "noconnect")
        )
    };
    if !opts.iter().all(known) {
        return Err(badarg("send", a));
    }
    send_2(p, &a[..2])
        .map(|_| Term::Atom(atom::OK))
        .map_err(|_| badarg("send", a))
}

pub(crate) fn processes_0(p: &mut P, _: &[Term]) -> BifResult {
    let mut pids = p.rt.processes();
    if !pids.contains(&p.pid) {
        pids.push(p.pid);
        pids.sort();
    }
    Ok(Term::list(pids.into_iter().map(Term::Pid).collect()))
}

// ---- the process dictionary ----

pub(crate) fn put_2(p: &mut P, a: &[Term]) -> BifResult {
    for (k, v) in p.dict.iter_mut() {
        if order::exact_eq(k, &a[0]) {
            return Ok(std::mem::replace(v, a[1].clone()));
        }
    }
    p.dict.push((a[0].clone(), a[1].clone()));
    Ok(Term::Atom(atom::UNDEFINED))
}

pub(crate) fn get_1(p: &mut P, a: &[Term]) -> BifResult {
    Ok(p.dict
        .iter()
        .find(|(k, _)| order::exact_eq(k, &a[0]))
        .map(|(_, v)| v.clone())
        .unwrap_or(Term::Atom(atom::UNDEFINED)))
}

pub(crate) fn get_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict
            .iter()
            .rev()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect(),
    ))
}

pub(crate) fn get_keys_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict.iter().rev().map(|(k, _)| k.clone()).collect(),
    ))
}

pub(crate) fn get_keys_1(p: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict
            .iter()
            .rev()
            .filter(|(_, v)| order::exact_eq(v, &a[0]))
            .map(|(k, _)| k.clone())
            .collect(),
    ))
}

pub(crate) fn erase_1(p: &mut P, a: &[Term]) -> BifResult {
    match p.dict.iter().position(|(k, _)| order::exact_eq(k, &a[0])) {
        Some(i) => Ok(p.dict.remove(i).1),
        None => Ok(Term::Atom(atom::UNDEFINED)),
    }
}

pub(crate) fn erase_0(p: &mut P, a: &[Term]) -> BifResult {
    let all = get_0(p, a)?;
    p.dict.clear();
    Ok(all)
}

/// `group_leader()`: the group leader, or the `user` server (started by
/// `ferl_io:user/0` the first time) when it is the terminal.
pub(crate) fn group_leader_0(p: &mut P, _: &[Term]) -> BifResult {
    match p.group_leader {
        Some(gl) => Ok(Term::Pid(gl)),
        None => Err(BifError::Apply(
            Atom::from_static("ferl_io"),
            Atom::from_static("user"),
            vec![],
        )),
    }
}

/// `group_leader(GroupLeader, Pid)`: sets the group leader of `Pid`.
pub(crate) fn group_leader_2(p: &mut P, a: &[Term]) -> BifResult {
    let (Term::Pid(gl), Term::Pid(pid)) = (&a[0], &a[1]) else {
        return Err(badarg("group_leader", a));
    };
    if *pid == p.pid {
        p.group_leader = Some(*gl);
    } else if !p.rt.signal(*pid, Signal::GroupLeader { leader: *gl }) {
        return Err(badarg("group_leader", a));
    }
    Ok(Term::Atom(atom::TRUE))
}

/// `ferl_process:wait_message()`: returns once a message (or signal) has
/// arrived that the process has not taken in yet, parking it until then.
/// OTP's `receive` has no way to wait for "any new message" without
/// taking one; `erlang:hibernate/3` and `erl_eval`'s receive need it.
/// Call it directly (it is run again when the process wakes).
pub(crate) fn wait_message_0(p: &mut P, _: &[Term]) -> BifResult {
    if std::mem::take(&mut p.native_wait) || p.shared.inbox.has_items() {
        return Ok(Term::atom_str("ok"));
    }
    p.native_wait = true;
    Err(BifError::Wait)
}

/// `erlang:hibernate(M, F, A)`: drops the call stack and its catches, waits
/// for a message, then calls `M:F(A)`; the process ends when that returns.
pub(crate) fn hibernate_3(_: &mut P, a: &[Term]) -> BifResult {
    let (Term::Atom(_), Term::Atom(_), Some(_)) = (&a[0], &a[1], a[2].list_to_vec()) else {
        return Err(badarg("hibernate", a));
    };
    Err(BifError::Restart(
        Atom::from_static("ferl_process"),
        Atom::from_static("hibernated"),
        a.to_vec(),
    ))
}

/// Strips the node argument of `spawn/2,4` and `spawn_link/2,4`: this
/// node's runs here; ferl has no distribution, so another node is badarg.
fn local_node<'a>(name: &str, a: &'a [Term]) -> Result<&'a [Term], BifError> {
    match &a[0] {
        Term::Atom(n) if *n == atom::NONODE => Ok(&a[1..]),
        _ => Err(badarg(name, a)),
    }
}

/// `spawn(Node, Fun)`.
pub(crate) fn spawn_2(p: &mut P, a: &[Term]) -> BifResult {
    let rest = local_node("spawn", a)?;
    spawn_1(p, rest).map_err(|_| badarg("spawn", a))
}

/// `spawn(Node, M, F, Args)`.
pub(crate) fn spawn_4(p: &mut P, a: &[Term]) -> BifResult {
    let rest = local_node("spawn", a)?;
    spawn_3(p, rest).map_err(|_| badarg("spawn", a))
}

/// `spawn_link(Node, Fun)`.
pub(crate) fn spawn_link_2(p: &mut P, a: &[Term]) -> BifResult {
    let rest = local_node("spawn_link", a)?;
    spawn_link_1(p, rest).map_err(|_| badarg("spawn_link", a))
}

/// `spawn_link(Node, M, F, Args)`.
pub(crate) fn spawn_link_4(p: &mut P, a: &[Term]) -> BifResult {
    let rest = local_node("spawn_link", a)?;
    spawn_link_3(p, rest).map_err(|_| badarg("spawn_link", a))
}
