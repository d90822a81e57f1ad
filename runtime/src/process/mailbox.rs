//! A process's mailbox (OTP `erl_proc_sig_queue.h`, the message part).
//!
//! Senders push onto the shared inbox (a lock-protected queue any thread may
//! append to); the owning process drains it into its private queue when it
//! looks for messages. `receive` scans the private queue from the save
//! position: a message that matched no clause is never examined again by
//! the same `receive`, so a selective receive over a long mailbox is linear.
//! Accepting a message removes it and resets the save position to the start.

use crate::term::Term;
use std::collections::VecDeque;
use std::sync::Mutex;

/// The part of a mailbox other threads may append to.
#[derive(Default)]
pub struct Inbox {
    queue: Mutex<Vec<Term>>,
}

impl Inbox {
    /// Appends a message.
    pub fn push(&self, msg: Term) {
        self.queue.lock().unwrap().push(msg);
    }

    fn take(&self) -> Vec<Term> {
        std::mem::take(&mut *self.queue.lock().unwrap())
    }

    /// True if messages are waiting to be drained.
    pub fn has_messages(&self) -> bool {
        !self.queue.lock().unwrap().is_empty()
    }
}

/// The owning process's view: private queue and save position.
#[derive(Default)]
pub struct Mailbox {
    queue: VecDeque<Term>,
    save: usize,
}

impl Mailbox {
    /// Moves everything from the shared inbox to the private queue.
    pub fn drain(&mut self, inbox: &Inbox) {
        self.queue.extend(inbox.take());
    }

    /// The message at the save position, draining the inbox if needed.
    pub fn peek(&mut self, inbox: &Inbox) -> Option<Term> {
        if self.save >= self.queue.len() {
            self.drain(inbox);
        }
        self.queue.get(self.save).cloned()
    }

    /// Skips the current message.
    pub fn next(&mut self) {
        self.save += 1;
    }

    /// Removes the current message and rewinds the save position.
    pub fn accept(&mut self) {
        self.queue.remove(self.save);
        self.save = 0;
    }

    /// Rewinds the save position (after a timeout).
    pub fn rewind(&mut self) {
        self.save = 0;
    }

    /// Removes every message matching `pred` (`demonitor(R, [flush])`).
    pub fn remove_where(&mut self, pred: impl Fn(&Term) -> bool) {
        self.queue.retain(|m| !pred(m));
        self.save = 0;
    }

    /// Number of messages in the private queue.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// True if the private queue is empty.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The messages, oldest first.
    pub fn messages(&self) -> impl Iterator<Item = &Term> {
        self.queue.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selective_receive_keeps_skipped_messages_in_order() {
        let inbox = Inbox::default();
        let mut mb = Mailbox::default();
        for i in 1..=3 {
            inbox.push(Term::Int(i));
        }
        assert!(matches!(mb.peek(&inbox), Some(Term::Int(1))));
        mb.next();
        assert!(matches!(mb.peek(&inbox), Some(Term::Int(2))));
        mb.accept();
        assert!(matches!(mb.peek(&inbox), Some(Term::Int(1))));
        mb.next();
        assert!(matches!(mb.peek(&inbox), Some(Term::Int(3))));
        mb.next();
        assert!(mb.peek(&inbox).is_none());
    }
}
