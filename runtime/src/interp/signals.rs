//! Handling what other processes sent (OTP `erl_proc_sig_queue.c`,
//! `erts_proc_sig_handle_incoming`): messages move to the mailbox, signals
//! change links and monitors, turn into messages, or end the process.

use crate::process::signal::{Incoming, Signal};
use crate::process::Process;
use crate::term::{atom, Atom, Term};

/// Takes everything sent to `p` since it last looked, in order. Returns
/// the exit reason if a signal ends the process; what came after that
/// signal is left in `p.unhandled` for the exit to answer.
pub(crate) fn take_incoming(p: &mut Process) -> Result<(), Term> {
    if !p.shared.inbox.has_items() {
        return Ok(());
    }
    let mut items = p.shared.inbox.take();
    while let Some(item) = items.next() {
        match item {
            Incoming::Message(m) => p.mailbox.push(m),
            Incoming::Signal(sig) => {
                if let Some(reason) = handle(p, sig) {
                    p.unhandled.extend(items);
                    return Err(reason);
                }
            }
        }
    }
    Ok(())
}

/// Records a link, unlink, monitor or demonitor signal in `p`'s lists
/// (also done for signals that reach a process as it ends, so that its
/// exit tells them too); any other signal is given back.
pub(crate) fn record(p: &mut Process, sig: Signal) -> Option<Signal> {
    match sig {
        Signal::Link { from } => {
            if !p.links.contains(&from) {
                p.links.push(from);
            }
        }
        Signal::Unlink { from } => p.links.retain(|l| *l != from),
        Signal::Monitor {
            from,
            reference,
            object,
        } => p.monitored_by.push((reference, from, object)),
        Signal::Demonitor { reference } => p.monitored_by.retain(|(r, _, _)| *r != reference),
        other => return Some(other),
    }
    None
}

/// Handles one signal; returns the exit reason if it ends the process.
fn handle(p: &mut Process, sig: Signal) -> Option<Term> {
    let sig = record(p, sig)?;
    match sig {
        Signal::Link { .. }
        | Signal::Unlink { .. }
        | Signal::Monitor { .. }
        | Signal::Demonitor { .. } => {}
        Signal::Down {
            reference,
            object,
            reason,
        } => {
            // A monitor removed by demonitor/1 before this arrived stays silent.
            if let Some(i) = p.monitors.iter().position(|m| m.reference == reference) {
                let m = p.monitors.remove(i);
                p.mailbox.push(Term::tuple(vec![
                    m.tag,
                    Term::Ref(reference),
                    Term::Atom(atom::PROCESS),
                    object,
                    reason,
                ]));
                p.monitor_ended(reference);
            }
        }
        Signal::AliasMessage { alias, message } => p.alias_message(alias, message),
        Signal::Exit {
            from,
            reason,
            linked,
        } => return exit_signal(p, from, reason, linked),
        Signal::GroupLeader { leader } => p.group_leader = Some(leader),
        Signal::ProcessInfo {
            from,
            reference,
            items,
        } => {
            let answer =
                crate::bif::info::answer(p, &items, false).unwrap_or(Term::Atom(atom::UNDEFINED));
            p.rt.send(from, Term::tuple(vec![Term::Ref(reference), answer]));
        }
    }
    None
}

/// An exit signal: ignored, turned into an `{'EXIT', From, Reason}`
/// message (trap_exit), or the end of the process.
fn exit_signal(
    p: &mut Process,
    from: crate::term::Pid,
    reason: Term,
    linked: bool,
) -> Option<Term> {
    if linked {
        // The link was removed (unlink/1) before the signal arrived.
        if !p.links.contains(&from) {
            return None;
        }
        p.links.retain(|l| *l != from);
    }
    let is = |t: &Term, a: Atom| matches!(t, Term::Atom(x) if *x == a);
    if !linked && is(&reason, atom::KILL) {
        return Some(Term::Atom(atom::KILLED));
    }
    if p.trap_exit {
        let msg = Term::tuple(vec![Term::Atom(atom::EXIT_UPPER), Term::Pid(from), reason]);
        p.mailbox.push(msg);
        None
    } else if !is(&reason, atom::NORMAL) || from == p.pid {
        Some(reason)
    } else {
        None
    }
}
