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

    /// Removes the current message and rewinds the save position.
    pub fn accept(&mut self) {
        self.queue.remove(self.save);
        self.save = 0;
    }

    /// Rewinds the save position (after a timeout).
    pub fn rewind(&mut self) {
        self.save = 0;
    }

    /// Removes the first message matching `pred`, as a `receive ... after
    /// 0` would (`demonitor(R, [flush])`); false if none matched.
    pub fn remove_first(&mut self, pred: impl Fn(&Term) -> bool) -> bool {
        self.save = 0;
        match self.queue.iter().position(pred) {
            Some(i) => {
                self.queue.remove(i);
                true
            }
            None => false,
        }
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

    fn int(t: Option<Term>) -> Option<i64> {
        match t {
            Some(Term::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn selective_receive_keeps_skipped_messages_in_order() {
        let mut mb = Mailbox::default();
        for i in 1..=3 {
            mb.push(Term::Int(i));
        }
        // Skip 1, accept 2: the scan starts again at 1, then 3.
        let first = mb.take_current();
        assert_eq!(int(first.clone()), Some(1));
        mb.put_back(first.unwrap());
        assert_eq!(int(mb.take_current()), Some(2));
        mb.accept();
        assert_eq!(mb.len(), 2);
        let first = mb.take_current();
        assert_eq!(int(first.clone()), Some(1));
        mb.put_back(first.unwrap());
        let third = mb.take_current();
        assert_eq!(int(third.clone()), Some(3));
        mb.put_back(third.unwrap());
        assert!(mb.at_end() && mb.take_current().is_none());
        let left: Vec<i64> = mb.messages().filter_map(|m| int(Some(m.clone()))).collect();
        assert_eq!(left, vec![1, 3]);
    }
}
