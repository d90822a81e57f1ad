//! The shared side of a process's signal queue (OTP `erl_proc_sig_queue.c`,
//! the outer queue): any thread appends messages and signals without a
//! lock; only the owner takes them, all at once, in the order they were
//! sent.
//!
//! It is a lock-free stack (each push is one compare-and-swap on the head)
//! that the owner empties with a single swap and then reverses. Because the
//! owner never pops single nodes, there is no ABA problem. A process that
//! ends closes its queue: later pushes fail, so a sender learns that the
//! receiver is gone and nothing it sends is silently stranded.

use super::signal::Incoming;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

struct Node {
    item: Incoming,
    next: *mut Node,
}

/// The head value of a closed queue (never a real node's address).
const CLOSED: *mut Node = ptr::dangling_mut::<Node>();

/// Messages and signals sent to one process and not yet taken by it.
pub struct Inbox {
    head: AtomicPtr<Node>,
}

// The nodes are owned by the queue and handed over whole between threads.
unsafe impl Send for Inbox {}
unsafe impl Sync for Inbox {}

impl Default for Inbox {
    fn default() -> Self {
        Inbox {
            head: AtomicPtr::new(ptr::null_mut()),
        }
    }
}

impl Inbox {
    /// Appends an item; gives it back if the queue is closed (the
    /// receiver has ended).
    pub fn push(&self, item: Incoming) -> Result<(), Incoming> {
        let node = Box::into_raw(Box::new(Node {
            item,
            next: ptr::null_mut(),
        }));
        let mut head = self.head.load(Ordering::Acquire);
        loop {
            if head == CLOSED {
                // SAFETY: `node` came from Box::into_raw above and was never shared.
                let node = unsafe { Box::from_raw(node) };
                return Err(node.item);
            }
            // SAFETY: `node` is not shared until the exchange succeeds.
            unsafe { (*node).next = head };
            match self
                .head
                // SeqCst: pairs with the wait-token check that follows (see ProcShared).
                .compare_exchange_weak(head, node, Ordering::SeqCst, Ordering::Acquire)
            {
                Ok(_) => return Ok(()),
                Err(h) => head = h,
            }
        }
    }

    /// Takes everything queued; the items come out oldest first.
    pub fn take(&self) -> Taken {
        let mut head = self.head.load(Ordering::Acquire);
        loop {
            if head.is_null() || head == CLOSED {
                return Taken(ptr::null_mut());
            }
            match self.head.compare_exchange_weak(
                head,
                ptr::null_mut(),
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Taken(reverse(head)),
                Err(h) => head = h,
            }
        }
    }

    /// Closes the queue and returns what was left in it, oldest first.
    pub fn close(&self) -> Taken {
        let head = self.head.swap(CLOSED, Ordering::AcqRel);
        if head == CLOSED {
            return Taken(ptr::null_mut());
        }
        Taken(reverse(head))
    }

    /// True if items are waiting to be taken.
    pub fn has_items(&self) -> bool {
        let head = self.head.load(Ordering::SeqCst);
        !head.is_null() && head != CLOSED
    }
}

/// Reverses a detached list in place (pushes leave it newest first).
fn reverse(mut node: *mut Node) -> *mut Node {
    let mut prev = ptr::null_mut();
    while !node.is_null() {
        // SAFETY: the list was detached by a swap; this thread owns every node.
        let next = unsafe { (*node).next };
        unsafe { (*node).next = prev };
        prev = node;
        node = next;
    }
    prev
}

/// Items taken from an inbox, oldest first; each node is freed as its item
/// is handed out (no intermediate vector).
pub struct Taken(*mut Node);

// The detached list belongs to whoever holds it.
unsafe impl Send for Taken {}

impl Iterator for Taken {
    type Item = Incoming;

    fn next(&mut self) -> Option<Incoming> {
        if self.0.is_null() {
            return None;
        }
        // SAFETY: the node is owned by this list and unlinked here.
        let node = unsafe { Box::from_raw(self.0) };
        self.0 = node.next;
        Some(node.item)
    }
}

impl Drop for Taken {
    fn drop(&mut self) {
        for _ in self.by_ref() {}
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        let head = *self.head.get_mut();
        if head != CLOSED {
            drop(Taken(head));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::Term;
    use std::sync::Arc;

    fn int(i: &Incoming) -> i64 {
        match i {
            Incoming::Message(Term::Int(n)) => *n,
            _ => panic!("not an integer message"),
        }
    }

    #[test]
    fn items_come_out_in_the_order_they_went_in() {
        let q = Inbox::default();
        for i in 0..5 {
            q.push(Incoming::Message(Term::Int(i))).unwrap();
        }
        let mut out: Vec<Incoming> = q.take().collect();
        q.push(Incoming::Message(Term::Int(5))).unwrap();
        out.extend(q.take());
        assert_eq!(
            out.iter().map(int).collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4, 5]
        );
        assert!(!q.has_items());
    }

    #[test]
    fn a_closed_queue_refuses_pushes_and_returns_what_was_left() {
        let q = Inbox::default();
        q.push(Incoming::Message(Term::Int(1))).unwrap();
        assert_eq!(q.close().count(), 1);
        assert!(q.push(Incoming::Message(Term::Int(2))).is_err());
        assert_eq!(q.take().count(), 0);
    }

    #[test]
    fn concurrent_senders_lose_nothing_and_keep_their_own_order() {
        let q = Arc::new(Inbox::default());
        let senders: Vec<_> = (0..4)
            .map(|s| {
                let q = q.clone();
                std::thread::spawn(move || {
                    for i in 0..10_000 {
                        q.push(Incoming::Message(Term::Int(s * 100_000 + i)))
                            .unwrap();
                    }
                })
            })
            .collect();
        let mut out = Vec::new();
        while out.len() < 40_000 {
            out.extend(q.take());
            std::thread::yield_now();
        }
        for s in senders {
            s.join().unwrap();
        }
        let mut last = [-1i64; 4];
        for i in out.iter().map(int) {
            let s = (i / 100_000) as usize;
            assert!(i % 100_000 > last[s]);
            last[s] = i % 100_000;
        }
    }
}
