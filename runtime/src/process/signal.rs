//! Signals between processes (OTP `erl_proc_sig_queue.h`): everything a
//! process is told by another except ordinary messages. They travel in the
//! same queue as messages, so that a message and a signal from one sender
//! arrive in the order they were sent (a `{'EXIT', ...}` never overtakes
//! the last message of the process that ended).

use crate::term::{Pid, Ref, Term};

/// What travels in a process's inbox.
#[derive(Clone, Debug)]
pub enum Incoming {
    /// An ordinary message.
    Message(Term),
    /// A signal.
    Signal(Signal),
}

/// A signal.
#[derive(Clone, Debug)]
pub enum Signal {
    /// An exit signal: from a linked process that ended (`linked`), or sent
    /// with `exit/2`.
    Exit {
        /// The sender.
        from: Pid,
        /// The exit reason.
        reason: Term,
        /// True when it comes through a link.
        linked: bool,
    },
    /// `from` linked itself to the receiver.
    Link {
        /// The other end.
        from: Pid,
    },
    /// `from` removed its link to the receiver.
    Unlink {
        /// The other end.
        from: Pid,
    },
    /// `from` monitors the receiver under `reference`.
    Monitor {
        /// The watcher.
        from: Pid,
        /// The monitor reference.
        reference: Ref,
        /// What 'DOWN' names as the monitored object (a pid or `{Name, Node}`).
        object: Term,
    },
    /// The monitor `reference` was removed by its owner.
    Demonitor {
        /// The monitor reference.
        reference: Ref,
    },
    /// The process monitored under `reference` ended; becomes a 'DOWN'
    /// message if the monitor is still active when it is handled.
    Down {
        /// The monitor reference.
        reference: Ref,
        /// The monitored object as 'DOWN' names it.
        object: Term,
        /// The exit reason.
        reason: Term,
    },
    /// A message sent to the alias `alias`: queued as `message` if the
    /// alias is still active when the receiver handles it, else dropped.
    AliasMessage {
        /// The alias it was sent to.
        alias: Ref,
        /// The message.
        message: Term,
    },
    /// `group_leader(Leader, Receiver)` was called by another process.
    GroupLeader {
        /// The new group leader.
        leader: Pid,
    },
    /// `from` asks for `process_info(Receiver, Items)`; the answer is sent
    /// back as the message `{reference, Answer}`.
    ProcessInfo {
        /// Who asks.
        from: Pid,
        /// Tags the reply.
        reference: Ref,
        /// An item atom (answered alone) or a list of them.
        items: Term,
    },
}
