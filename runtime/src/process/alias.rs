//! Process aliases (OTP 24, `erl_proc_sig_queue.c` `handle_alias_message`,
//! `erl_bif_info.c` `alias_1`): a reference that, while active, delivers
//! what is sent to it to the process that made it.
//!
//! Two tables hold an alias. The owner's [`Process::aliases`] is the
//! truth: an alias is active while it is listed there, with the
//! [`AliasMode`] that says what else deactivates it. The runtime's alias
//! table (reference to owner pid, see [`Runtime`](crate::sched::Runtime))
//! only lets a sender find the owner; the owner adds and removes its own
//! entries, and removes all of them when it ends, so a dead process leaves
//! nothing behind and an alias never keeps its memory alive.
//!
//! A message sent to an alias travels as a [`Signal::AliasMessage`] in
//! the owner's inbox, in order with everything else, and the owner looks
//! its alias up when it handles the signal: a message sent before
//! `unalias/1` but handled after it is dropped, and a `reply` alias lets
//! through the first message only, as in OTP.
//!
//! [`Signal::AliasMessage`]: super::signal::Signal::AliasMessage

use super::Process;
use crate::term::{Ref, Term};

/// What deactivates an alias besides `unalias/1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasMode {
    /// Nothing else (`alias/0`, `alias([explicit_unalias])`,
    /// `monitor/3` with `{alias, explicit_unalias}`).
    Explicit,
    /// The first message received through it (`alias([reply])`).
    Reply,
    /// The end of the monitor of the same reference: `demonitor/1,2` or
    /// its 'DOWN' message (`{alias, demonitor}`).
    Demonitor,
    /// Either the end of the monitor or the first message received through
    /// it, which also removes the monitor (`{alias, reply_demonitor}`).
    ReplyDemonitor,
}

impl AliasMode {
    /// True if the end of the monitor under the same reference ends the alias.
    fn ends_with_monitor(self) -> bool {
        matches!(self, AliasMode::Demonitor | AliasMode::ReplyDemonitor)
    }
}

impl Process {
    /// Activates the alias `r` for this process.
    pub fn add_alias(&mut self, r: Ref, mode: AliasMode) {
        self.aliases.insert(r, mode);
        self.rt.add_alias(r, self.pid);
    }

    /// Deactivates the alias `r`; false if it was not an active alias of
    /// this process (`unalias/1`).
    pub fn unalias(&mut self, r: Ref) -> bool {
        if self.aliases.remove(&r).is_none() {
            return false;
        }
        self.rt.remove_alias(r);
        true
    }

    /// The monitor `r` ended (demonitored, or its 'DOWN' delivered): so
    /// does an alias made with it in `demonitor` or `reply_demonitor` mode.
    pub(crate) fn monitor_ended(&mut self, r: Ref) {
        if self.aliases.get(&r).is_some_and(|m| m.ends_with_monitor()) {
            self.unalias(r);
        }
    }

    /// A message sent to the alias `r` is handled: queued if the alias is
    /// still active (ending a one-shot alias), dropped otherwise.
    pub(crate) fn alias_message(&mut self, r: Ref, msg: Term) {
        let Some(mode) = self.aliases.get(&r).copied() else {
            return;
        };
        match mode {
            AliasMode::Explicit | AliasMode::Demonitor => {}
            AliasMode::Reply => {
                self.unalias(r);
            }
            AliasMode::ReplyDemonitor => {
                self.unalias(r);
                self.remove_monitor(r);
            }
        }
        self.mailbox.push(msg);
    }

    /// Forgets every alias when the process ends.
    pub(crate) fn drop_aliases(&mut self) {
        for (r, _) in self.aliases.drain() {
            self.rt.remove_alias(r);
        }
    }
}
