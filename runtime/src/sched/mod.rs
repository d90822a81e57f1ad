//! The runtime and its scheduler (OTP `erl_process.c`).
//!
//! This first scheduler runs every process on one thread, in FIFO order,
//! each for a budget of [`REDUCTIONS`] before it yields; processes waiting
//! in `receive` sleep until a message or their deadline. The shared parts
//! (process table, registry, inboxes) are already thread-safe so the
//! multi-core scheduler (issue 4) can replace the loop without changing them.

use crate::code::{CodeServer, LoadedModule};
use crate::interp::exec::{self, RunResult};
use crate::process::mailbox::Mailbox;
use crate::process::signal::Signal;
use crate::process::{ProcShared, Process};
use crate::term::{Atom, Pid, Ref, Term};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Reductions a process runs before yielding (OTP's `CONTEXT_REDS` is 4000).
pub const REDUCTIONS: i32 = 4000;

/// State shared by all processes of one runtime.
pub struct Runtime {
    /// The code server.
    pub code: CodeServer,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    procs: Mutex<HashMap<Pid, Arc<ProcShared>>>,
    registry: Mutex<HashMap<Atom, Pid>>,
    // Boxed: a process is large and moves between queues many times; a box
    // moves as one pointer.
    #[allow(clippy::vec_box)]
    spawned: Mutex<Vec<Box<Process>>>,
    wakeups: Mutex<Vec<Pid>>,
    timers: Mutex<Timers>,
    /// When the runtime started (for `statistics(wall_clock)` and monotonic time).
    pub started: Instant,
}

/// How a run of the scheduler ended.
#[derive(Debug)]
pub enum Outcome {
    /// The watched process returned this value.
    Returned(Term),
    /// The watched process exited with an exception (already reported).
    Crashed(crate::interp::Exception),
    /// The watched process was killed by an exit signal with this reason.
    Exited(Term),
    /// `halt(N)` was called.
    Halted(i32),
    /// Every process is waiting and nothing can wake them.
    Deadlock,
}

impl Runtime {
    /// A runtime over a code server.
    pub fn new(code: CodeServer) -> Arc<Runtime> {
        Arc::new(Runtime {
            code,
            next_pid: AtomicU64::new(80),
            next_ref: AtomicU64::new(1),
            procs: Mutex::new(HashMap::new()),
            registry: Mutex::new(HashMap::new()),
            spawned: Mutex::new(Vec::new()),
            wakeups: Mutex::new(Vec::new()),
            timers: Mutex::new(Timers::default()),
            started: Instant::now(),
        })
    }

    /// A new unique reference.
    pub fn make_ref(&self) -> Ref {
        Ref(self.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    /// Sends `msg` to `to`; false if no such process exists (the message is dropped, as in OTP).
    pub fn send(&self, to: Pid, msg: Term) -> bool {
        let shared = self.procs.lock().unwrap().get(&to).cloned();
        match shared {
            Some(s) => {
                s.inbox.push(msg);
                if s.waiting.swap(false, Ordering::AcqRel) {
                    self.wakeups.lock().unwrap().push(to);
                }
                true
            }
            None => false,
        }
    }

    /// Queues a signal for `to`; false if it does not exist.
    pub fn signal(&self, to: Pid, sig: Signal) -> bool {
        let shared = self.procs.lock().unwrap().get(&to).cloned();
        match shared {
            Some(s) => {
                s.signals.lock().unwrap().push(sig);
                if s.waiting.swap(false, Ordering::AcqRel) {
                    self.wakeups.lock().unwrap().push(to);
                }
                true
            }
            None => false,
        }
    }

    /// Starts a timer that sends `msg` to `dest` (a pid or a registered
    /// name) after `ms` milliseconds; returns its reference.
    pub fn start_timer(&self, ms: u64, dest: Term, msg: Term) -> Ref {
        let r = self.make_ref();
        let due = Instant::now() + std::time::Duration::from_millis(ms);
        let mut t = self.timers.lock().unwrap();
        t.heap.push(Reverse((due, r.0)));
        t.pending.insert(r.0, (due, dest, msg));
        r
    }

    /// Starts a timer under a reference made beforehand (`start_timer/3`,
    /// whose message contains the reference).
    pub fn start_timer_with_ref(&self, r: Ref, ms: u64, dest: Term, msg: Term) -> Ref {
        let due = Instant::now() + std::time::Duration::from_millis(ms);
        let mut t = self.timers.lock().unwrap();
        t.heap.push(Reverse((due, r.0)));
        t.pending.insert(r.0, (due, dest, msg));
        r
    }

    /// Cancels a timer: the milliseconds it had left, or `None` if it
    /// already fired or was cancelled.
    pub fn cancel_timer(&self, r: Ref) -> Option<u64> {
        let (due, _, _) = self.timers.lock().unwrap().pending.remove(&r.0)?;
        Some(remaining_ms(due))
    }

    /// The milliseconds a timer has left, or `None`.
    pub fn read_timer(&self, r: Ref) -> Option<u64> {
        let t = self.timers.lock().unwrap();
        t.pending.get(&r.0).map(|(due, _, _)| remaining_ms(*due))
    }

    /// Sends the messages of timers that are due; returns the next deadline.
    fn fire_timers(&self) -> Option<Instant> {
        let now = Instant::now();
        let mut due_msgs = Vec::new();
        let next = {
            let mut t = self.timers.lock().unwrap();
            while let Some(Reverse((due, id))) = t.heap.peek().copied() {
                if !t.pending.contains_key(&id) {
                    t.heap.pop();
                    continue;
                }
                if due > now {
                    break;
                }
                t.heap.pop();
                if let Some((_, dest, msg)) = t.pending.remove(&id) {
                    due_msgs.push((dest, msg));
                }
            }
            t.heap.peek().map(|Reverse((due, _))| *due)
        };
        for (dest, msg) in due_msgs {
            let pid = match dest {
                Term::Pid(p) => Some(p),
                Term::Atom(name) => self.whereis(name),
                _ => None,
            };
            if let Some(pid) = pid {
                self.send(pid, msg);
            }
        }
        next
    }

    /// True if `pid` is alive.
    pub fn is_alive(&self, pid: Pid) -> bool {
        self.procs.lock().unwrap().contains_key(&pid)
    }

    /// Registers `name` for `pid`; false if taken.
    pub fn register(&self, name: Atom, pid: Pid) -> bool {
        let mut r = self.registry.lock().unwrap();
        if r.contains_key(&name) || r.values().any(|p| *p == pid) {
            return false;
        }
        r.insert(name, pid);
        true
    }

    /// Removes a registered name; false if it was not registered.
    pub fn unregister(&self, name: Atom) -> bool {
        self.registry.lock().unwrap().remove(&name).is_some()
    }

    /// The pid registered under `name`.
    pub fn whereis(&self, name: Atom) -> Option<Pid> {
        self.registry.lock().unwrap().get(&name).copied()
    }

    /// The name `pid` is registered under, if any.
    pub fn registered_name(&self, pid: Pid) -> Option<Atom> {
        self.registry
            .lock()
            .unwrap()
            .iter()
            .find(|(_, p)| **p == pid)
            .map(|(n, _)| *n)
    }

    /// All registered names.
    pub fn registered(&self) -> Vec<Atom> {
        self.registry.lock().unwrap().keys().copied().collect()
    }

    /// All live pids.
    pub fn processes(&self) -> Vec<Pid> {
        let mut v: Vec<Pid> = self.procs.lock().unwrap().keys().copied().collect();
        v.sort();
        v
    }

    /// Creates a process that will call function `func` of `module` with
    /// `args`, and queues it to run. Returns its pid.
    pub fn spawn(
        self: &Arc<Self>,
        module: Arc<LoadedModule>,
        func: u32,
        args: Vec<Term>,
        initial_call: (Atom, Atom, u32),
    ) -> Pid {
        self.spawn_with(module, func, args, initial_call, &SpawnOpts::default())
    }

    /// [`Runtime::spawn`] with a link to, or a monitor from, the parent
    /// set up before the new process runs.
    pub fn spawn_with(
        self: &Arc<Self>,
        module: Arc<LoadedModule>,
        func: u32,
        args: Vec<Term>,
        initial_call: (Atom, Atom, u32),
        opts: &SpawnOpts,
    ) -> Pid {
        let pid = Pid(self.next_pid.fetch_add(1, Ordering::Relaxed));
        let shared = Arc::new(ProcShared::default());
        self.procs.lock().unwrap().insert(pid, shared.clone());
        let frame_size = module.code.functions[func as usize].frame_size as usize;
        let mut stack = Vec::with_capacity(frame_size.max(args.len()) + 16);
        stack.extend(args);
        stack.resize(frame_size.max(stack.len()), Term::Nil);
        let p = Box::new(Process {
            pid,
            shared,
            rt: self.clone(),
            stack,
            frames: Vec::new(),
            handlers: Vec::new(),
            module,
            func,
            ip: 0,
            bp: 0,
            mailbox: Mailbox::default(),
            dict: Vec::new(),
            builder: None,
            timed_out: false,
            reductions: 0,
            trap_exit: false,
            initial_call,
            links: opts.link.into_iter().collect(),
            monitors: Vec::new(),
            monitored_by: opts
                .monitor
                .iter()
                .map(|(r, w)| (*r, *w, Term::Pid(pid)))
                .collect(),
        });
        self.spawned.lock().unwrap().push(p);
        pid
    }

    /// A process ended with `reason`: tell its links and monitors.
    fn exited(&self, p: &Process, reason: &Term) {
        self.procs.lock().unwrap().remove(&p.pid);
        self.registry.lock().unwrap().retain(|_, v| *v != p.pid);
        for l in &p.links {
            self.signal(
                *l,
                Signal::Exit {
                    from: p.pid,
                    reason: reason.clone(),
                    linked: true,
                },
            );
        }
        for (r, watcher, object) in &p.monitored_by {
            let down = Term::tuple(vec![
                Term::Atom(crate::term::atom::DOWN),
                Term::Ref(*r),
                Term::Atom(crate::term::atom::PROCESS),
                object.clone(),
                reason.clone(),
            ]);
            self.send(*watcher, down);
        }
    }

    /// Runs processes until `watch` ends (or `halt`, or deadlock).
    pub fn run(self: &Arc<Self>, watch: Pid) -> Outcome {
        let mut queue: VecDeque<Box<Process>> = VecDeque::new();
        let mut waiting: HashMap<Pid, (Box<Process>, u64)> = HashMap::new();
        let mut timers: BinaryHeap<Reverse<(Instant, Pid, u64)>> = BinaryHeap::new();
        let mut seq: u64 = 0;
        loop {
            queue.extend(self.spawned.lock().unwrap().drain(..));
            for pid in self.wakeups.lock().unwrap().drain(..) {
                if let Some((p, _)) = waiting.remove(&pid) {
                    queue.push_back(p);
                }
            }
            // Drop timers of processes no longer waiting for them.
            while let Some(Reverse((_, pid, s))) = timers.peek().copied() {
                if waiting.get(&pid).is_some_and(|(_, ws)| *ws == s) {
                    break;
                }
                timers.pop();
            }
            let now = Instant::now();
            while let Some(Reverse((t, pid, s))) = timers.peek().copied() {
                if t > now {
                    break;
                }
                timers.pop();
                if waiting.get(&pid).is_some_and(|(_, ws)| *ws == s) {
                    let (mut p, _) = waiting.remove(&pid).unwrap();
                    p.shared.waiting.store(false, Ordering::Release);
                    p.timed_out = true;
                    queue.push_back(p);
                }
            }
            let Some(mut p) = queue.pop_front() else {
                if !self.wakeups.lock().unwrap().is_empty()
                    || !self.spawned.lock().unwrap().is_empty()
                {
                    continue;
                }
                let next_message_timer = self.fire_timers();
                if !queue.is_empty() || !self.wakeups.lock().unwrap().is_empty() {
                    continue;
                }
                let next_wait = timers.peek().map(|Reverse((t, _, _))| *t);
                match [next_wait, next_message_timer].into_iter().flatten().min() {
                    Some(t) => {
                        std::thread::sleep(t.saturating_duration_since(Instant::now()));
                        continue;
                    }
                    None => return Outcome::Deadlock,
                }
            };
            self.fire_timers();
            match exec::run(&mut p, REDUCTIONS) {
                RunResult::Yield => queue.push_back(p),
                RunResult::Wait(deadline) => {
                    p.shared.waiting.store(true, Ordering::Release);
                    if p.shared.inbox.has_messages()
                        && p.shared.waiting.swap(false, Ordering::AcqRel)
                    {
                        queue.push_back(p);
                        continue;
                    }
                    seq += 1;
                    if let Some(d) = deadline {
                        timers.push(Reverse((d, p.pid, seq)));
                    }
                    waiting.insert(p.pid, (p, seq));
                }
                RunResult::Done(v) => {
                    self.exited(&p, &Term::Atom(crate::term::atom::NORMAL));
                    if p.pid == watch {
                        return Outcome::Returned(v);
                    }
                }
                RunResult::Crashed(e) => {
                    self.exited(&p, &crate::interp::stacktrace::exit_reason(&e));
                    if p.pid == watch {
                        return Outcome::Crashed(e);
                    }
                    crate::interp::stacktrace::report_crash(p.pid, &e);
                }
                RunResult::Exited(reason) => {
                    self.exited(&p, &reason);
                    if p.pid == watch {
                        return Outcome::Exited(reason);
                    }
                }
                RunResult::Halt(n) => return Outcome::Halted(n),
            }
        }
    }
}

/// How a new process starts out related to its parent.
#[derive(Default)]
pub struct SpawnOpts {
    /// Link it to this process.
    pub link: Option<Pid>,
    /// Let this process monitor it under this reference.
    pub monitor: Option<(Ref, Pid)>,
}

/// Message timers (`erlang:send_after`, `start_timer`): a heap of deadlines
/// and the pending timers by reference number; a cancelled timer is removed
/// from `pending` and its heap entry skipped when it comes up.
#[derive(Default)]
struct Timers {
    heap: BinaryHeap<Reverse<(Instant, u64)>>,
    pending: HashMap<u64, (Instant, Term, Term)>,
}

fn remaining_ms(due: Instant) -> u64 {
    let left = due.saturating_duration_since(Instant::now());
    left.as_millis() as u64
}
