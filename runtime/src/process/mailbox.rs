//! A process's private message queue (OTP `erl_proc_sig_queue.h`, the
//! inner queue).
//!
//! Messages taken from the shared [`Inbox`](super::inbox::Inbox) are
//! appended here. `receive` scans from the save position: a message that
//! matched no clause is never examined again by the same `receive`, so a
//! selective receive over a long mailbox is linear. Accepting a message
//! removes it and resets the save position to the start.

use crate::term::Term;
use std::collections::VecDeque;

/// The owning process's view: private queue and save position.
#[derive(Default)]
pub struct Mailbox {
    queue: VecDeque<Term>,
    save: usize,
}

impl Mailbox {
    /// Appends a message taken from the inbox.
    pub fn push(&mut self, msg: Term) {
        self.queue.push_back(msg);
    }

    /// True when every message has been looked at by the current `receive`.
    pub fn at_end(&self) -> bool {
        self.save >= self.queue.len()
    }

    /// The message at the save position.
    pub fn peek(&self) -> Option<Term> {
        self.queue.get(self.save).cloned()
    }

    /// Moves the message at the save position out for matching, leaving a
    /// hole: [`Mailbox::put_back`] refills it if no clause matches, and
    /// [`Mailbox::accept`] removes it. Moving instead of copying saves two
    /// reference-count updates per message looked at.
    pub fn take_current(&mut self) -> Option<Term> {
        self.queue
            .get_mut(self.save)
            .map(|m| std::mem::replace(m, Term::Nil))
    }

    /// Puts back the message taken by [`Mailbox::take_current`] and moves
    /// on to the next one.
    pub fn put_back(&mut self, msg: Term) {
        if let Some(hole) = self.queue.get_mut(self.save) {
            *hole = msg;
        }
        self.save += 1;
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
        let mut mb = Mailbox::default();
        for i in 1..=3 {
            mb.push(Term::Int(i));
        }
        assert!(matches!(mb.peek(), Some(Term::Int(1))));
        mb.next();
        assert!(matches!(mb.peek(), Some(Term::Int(2))));
        mb.accept();
        assert!(matches!(mb.peek(), Some(Term::Int(1))));
        mb.next();
        assert!(matches!(mb.peek(), Some(Term::Int(3))));
        mb.next();
        assert!(mb.at_end() && mb.peek().is_none());
    }

    #[test]
    fn a_taken_message_goes_back_in_its_place() {
        let mut mb = Mailbox::default();
        for i in 1..=3 {
            mb.push(Term::Int(i));
        }
        let first = mb.take_current().unwrap();
        mb.put_back(first);
        assert!(matches!(mb.take_current(), Some(Term::Int(2))));
        mb.accept();
        assert_eq!(mb.len(), 2);
        let v: Vec<i64> = mb
            .messages()
            .map(|m| match m {
                Term::Int(i) => *i,
                _ => 0,
            })
            .collect();
        assert_eq!(v, vec![1, 3]);
    }
}
