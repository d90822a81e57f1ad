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
            registered_name: None,
            initial_call,
        });
        self.spawned.lock().unwrap().push(p);
        pid
    }

    fn exited(&self, p: &Process) {
        self.procs.lock().unwrap().remove(&p.pid);
        self.registry.lock().unwrap().retain(|_, v| *v != p.pid);
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
                match timers.peek() {
                    Some(Reverse((t, _, _))) => {
                        std::thread::sleep(t.saturating_duration_since(Instant::now()));
                        continue;
                    }
                    None => return Outcome::Deadlock,
                }
            };
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
                    self.exited(&p);
                    if p.pid == watch {
                        return Outcome::Returned(v);
                    }
                }
                RunResult::Crashed(e) => {
                    self.exited(&p);
                    if p.pid == watch {
                        return Outcome::Crashed(e);
                    }
                    crate::interp::stacktrace::report_crash(p.pid, &e);
                }
                RunResult::Halt(n) => return Outcome::Halted(n),
            }
        }
    }
}
