//! The timer service (OTP `erl_hl_timer.c`): one thread that fires message
//! timers (`erlang:send_after`, `start_timer`, the `timer` module) and
//! `receive ... after` deadlines.
//!
//! Timers are kept ordered by deadline; cancelling one removes it at once,
//! so a cancelled timer holds no memory and keeps nothing alive. The thread
//! starts with the first timer and sleeps until the earliest deadline (or
//! until an earlier timer is added).

use super::Runtime;
use crate::term::{Pid, Term};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::Instant;

/// What a timer does when it fires.
enum Entry {
    /// Sends `msg` to `dest` (a pid, or a name resolved when it fires).
    Message { dest: Term, msg: Term },
    /// Ends the `receive ... after` of `pid` whose wait token is the timer's number.
    Timeout { pid: Pid },
}

#[derive(Default)]
struct State {
    /// Every pending timer by (deadline, number); deadlines are
    /// nanoseconds since the service's epoch (cheaper to compare and
    /// store than `Instant`s).
    by_due: BTreeMap<(u64, u64), Entry>,
    /// Deadlines of message timers by number, for cancel and read.
    message_due: FxHashMap<u64, u64>,
    started: bool,
    stop: bool,
    /// The deadline the thread sleeps until (`u64::MAX`: until told; 0:
    /// awake, it looks at the list before sleeping again). Adding a timer
    /// wakes the thread only if it is due before this, so a burst of
    /// timers costs one wake-up, not one each.
    sleeping_until: u64,
}

/// The timer service of one runtime.
pub(crate) struct Timers {
    inner: Arc<Inner>,
    rt: Weak<Runtime>,
}

/// The part the timer thread shares.
struct Inner {
    /// Deadlines are counted from here.
    epoch: Instant,
    state: Mutex<State>,
    changed: Condvar,
    /// Timers taken off the list and not yet delivered.
    in_flight: AtomicUsize,
}

impl Timers {
    /// A service for the runtime `rt` (its thread holds only a weak
    /// reference, so it never keeps the runtime alive).
    pub(crate) fn new(rt: Weak<Runtime>) -> Timers {
        Timers {
            inner: Arc::new(Inner {
                epoch: Instant::now(),
                state: Mutex::new(State::default()),
                changed: Condvar::new(),
                in_flight: AtomicUsize::new(0),
            }),
            rt,
        }
    }

    fn add(&self, due: Instant, id: u64, entry: Entry) {
        let due = self.inner.key(due);
        let mut st = self.inner.state.lock().unwrap();
        if let Entry::Message { .. } = entry {
            st.message_due.insert(id, due);
        }
        st.by_due.insert((due, id), entry);
        let wake = due < st.sleeping_until;
        if wake {
            st.sleeping_until = due;
        }
        if !st.started {
            st.started = true;
            let (inner, rt) = (self.inner.clone(), self.rt.clone());
            std::thread::Builder::new()
                .name("ferl-timers".into())
                .spawn(move || service(&inner, &rt))
                .expect("cannot start the timer thread");
        } else if wake {
            self.inner.changed.notify_one();
        }
    }

    /// Starts message timer `id`: `msg` goes to `dest` at `due`.
    pub(crate) fn add_message(&self, id: u64, due: Instant, dest: Term, msg: Term) {
        self.add(due, id, Entry::Message { dest, msg });
    }

    /// Cancels message timer `id`; its deadline if it was still pending.
    pub(crate) fn cancel_message(&self, id: u64) -> Option<Instant> {
        let mut st = self.inner.state.lock().unwrap();
        let due = st.message_due.remove(&id)?;
        st.by_due.remove(&(due, id));
        Some(self.inner.instant(due))
    }

    /// The deadline of message timer `id` if it is pending.
    pub(crate) fn read_message(&self, id: u64) -> Option<Instant> {
        self.inner
            .state
            .lock()
            .unwrap()
            .message_due
            .get(&id)
            .map(|k| self.inner.instant(*k))
    }

    /// Arms the deadline of a `receive ... after` of `pid`; `id` is its
    /// wait token.
    pub(crate) fn add_timeout(&self, id: u64, due: Instant, pid: Pid) {
        self.add(due, id, Entry::Timeout { pid });
    }

    /// Disarms a `receive ... after` deadline (a message came first).
    pub(crate) fn cancel_timeout(&self, due: Instant, id: u64) {
        let due = self.inner.key(due);
        self.inner.state.lock().unwrap().by_due.remove(&(due, id));
    }

    /// True when no timer is pending or being delivered: nothing here
    /// can wake a process any more.
    pub(crate) fn is_quiet(&self) -> bool {
        let st = self.inner.state.lock().unwrap();
        st.by_due.is_empty() && self.inner.in_flight.load(Ordering::SeqCst) == 0
    }
}

impl Inner {
    /// The key of a deadline.
    fn key(&self, due: Instant) -> u64 {
        due.saturating_duration_since(self.epoch).as_nanos() as u64
    }

    /// The deadline of a key.
    fn instant(&self, key: u64) -> Instant {
        self.epoch + std::time::Duration::from_nanos(key)
    }
}

impl Drop for Timers {
    fn drop(&mut self) {
        self.inner.state.lock().unwrap().stop = true;
        self.inner.changed.notify_one();
    }
}

/// The timer thread: sleeps until the earliest deadline, then delivers
/// every timer that is due.
fn service(inner: &Inner, rt: &Weak<Runtime>) {
    loop {
        let mut st = inner.state.lock().unwrap();
        loop {
            if st.stop {
                return;
            }
            let now = inner.key(Instant::now());
            match st.by_due.keys().next() {
                None => {
                    st.sleeping_until = u64::MAX;
                    st = inner.changed.wait(st).unwrap();
                }
                Some((due, _)) if *due > now => {
                    let left = std::time::Duration::from_nanos(*due - now);
                    st.sleeping_until = *due;
                    st = inner.changed.wait_timeout(st, left).unwrap().0;
                }
                Some(_) => break,
            }
            st.sleeping_until = 0;
        }
        let now = inner.key(Instant::now());
        let mut fired = Vec::new();
        while let Some(e) = st.by_due.first_entry() {
            if e.key().0 > now {
                break;
            }
            let ((_, id), entry) = e.remove_entry();
            if let Entry::Message { .. } = entry {
                st.message_due.remove(&id);
            }
            fired.push((id, entry));
        }
        // Counted before the lock is released, so `is_quiet` never sees
        // a timer that is neither listed nor delivered.
        inner.in_flight.fetch_add(1, Ordering::SeqCst);
        drop(st);
        if let Some(rt) = rt.upgrade() {
            for (id, entry) in fired {
                match entry {
                    Entry::Message { dest, msg } => rt.send_to(&dest, msg),
                    Entry::Timeout { pid } => rt.time_out(pid, id),
                }
            }
        }
        inner.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}
