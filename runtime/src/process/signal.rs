//! Signals between processes (OTP `erl_proc_sig_queue.h`): everything a
//! process is told by another except ordinary messages. They are queued on
//! the receiver's shared side and handled before it runs again, in the
//! order they were sent.

use crate::term::{Pid, Ref, Term};

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
}
