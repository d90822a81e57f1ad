//! The runtime (OTP `erl_process.c`, `erl_init.c`): the process table,
//! registered names, the owners of aliases, timers, and the scheduler
//! threads that run processes.
//!
//! A process is in exactly one place at a time: running on a scheduler
//! thread, queued in a run queue, or parked in its [`ProcShared`] while it
//! waits in `receive`. Senders find a process through the table, append to
//! its lock-free inbox and, if it was waiting, make it runnable.

mod pool;
mod stats;
mod timers;

use crate::code::{CodeServer, LoadedModule};
use crate::process::mailbox::Mailbox;
use crate::process::signal::{Incoming, Signal};
use crate::process::{ProcShared, Process, WAIT_FOREVER};
use crate::term::{Atom, Pid, Ref, Term};
use dashmap::DashMap;
use pool::RunQueues;
pub(crate) use stats::Stats;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use timers::Timers;

/// Reductions a process runs before yielding (OTP's `CONTEXT_REDS` is 4000).
pub const REDUCTIONS: i32 = 4000;

/// What `system_info(process_limit)` reports: ferl sets no limit of its
/// own (memory is the limit), so it reports the largest OTP allows.
pub const PROCESS_LIMIT: usize = 134_217_727;

/// State shared by all processes of one runtime.
pub struct Runtime {
    /// The code server.
    pub code: CodeServer,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    table: DashMap<Pid, Arc<ProcShared>, rustc_hash::FxBuildHasher>,
    /// Active aliases and their owners (see [`crate::process::alias`]).
    aliases: DashMap<Ref, Pid, rustc_hash::FxBuildHasher>,
    registry: Mutex<HashMap<Atom, Pid>>,
    queues: RunQueues,
    timers: Timers,
    schedulers: AtomicUsize,
    /// Counters for `statistics/1`.
    pub(crate) stats: Stats,
    /// When the runtime started (for `statistics(wall_clock)` and monotonic time).
    pub started: Instant,
    /// The ETS tables.
    pub ets: crate::ets::Tables,
    /// The open files.
    pub files: crate::files::Files,
    /// Operations running outside the schedulers (an `os:cmd/1` thread)
    /// that will send a message when done: while any runs, waiting
    /// processes are not deadlocked.
    pub(crate) outside: AtomicUsize,
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
    /// A runtime over a code server, with one scheduler per core.
    pub fn new(code: CodeServer) -> Arc<Runtime> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Arc::new_cyclic(|me| Runtime {
            code,
            next_pid: AtomicU64::new(80),
            next_ref: AtomicU64::new(1),
            table: DashMap::with_hasher(rustc_hash::FxBuildHasher),
            aliases: DashMap::with_hasher(rustc_hash::FxBuildHasher),
            registry: Mutex::new(HashMap::new()),
            queues: RunQueues::default(),
            timers: Timers::new(me.clone()),
            schedulers: AtomicUsize::new(cores),
            stats: Stats::default(),
            started: Instant::now(),
            ets: crate::ets::Tables::default(),
            files: crate::files::Files::default(),
            outside: AtomicUsize::new(0),
        })
    }

    /// Sets the number of scheduler threads for the next run (`+S N`);
    /// with 1 the interleaving of processes is the same on every run.
    pub fn set_schedulers(&self, n: usize) {
        self.schedulers.store(n.max(1), Ordering::Relaxed);
    }

    /// The number of scheduler threads.
    pub fn schedulers(&self) -> usize {
        self.schedulers.load(Ordering::Relaxed)
    }

    /// A new unique reference.
    pub fn make_ref(&self) -> Ref {
        Ref(self.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    /// Runs `work` on a thread of its own and sends its result to `to`;
    /// until then the run is not deadlocked (see [`Runtime::outside`]).
    pub fn run_outside(self: &Arc<Self>, to: Pid, work: impl FnOnce() -> Term + Send + 'static) {
        self.outside.fetch_add(1, Ordering::SeqCst);
        let rt = self.clone();
        std::thread::spawn(move || {
            let msg = work();
            rt.send(to, msg);
            rt.outside.fetch_sub(1, Ordering::SeqCst);
            rt.queues.wake_all();
        });
    }

    /// Sends `msg` to `to`; false if no such process exists (the message is dropped, as in OTP).
    pub fn send(&self, to: Pid, msg: Term) -> bool {
        self.deliver(to, Incoming::Message(msg))
    }

    /// Queues a signal for `to`; false if it does not exist.
    pub fn signal(&self, to: Pid, sig: Signal) -> bool {
        self.deliver(to, Incoming::Signal(sig))
    }

    /// Sends `msg` to the alias `r`: to the process that made it, which
    /// drops it unless the alias is still active when it looks. A
    /// reference that is no alias (or no longer one) drops it here.
    pub fn send_alias(&self, r: Ref, msg: Term) {
        let Some(owner) = self.aliases.get(&r).map(|e| *e.value()) else {
            return;
        };
        self.signal(
            owner,
            Signal::AliasMessage {
                alias: r,
                message: msg,
            },
        );
    }

    /// Lets senders find `owner` through its new alias `r`.
    pub(crate) fn add_alias(&self, r: Ref, owner: Pid) {
        self.aliases.insert(r, owner);
    }

    /// Forgets the alias `r`.
    pub(crate) fn remove_alias(&self, r: Ref) {
        self.aliases.remove(&r);
    }

    /// The number of active aliases of all processes (a dead process has
    /// none left).
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// Sends to a pid or a registered name; nothing happens if there is
    /// no such process (a timer's destination may be gone when it fires).
    pub(crate) fn send_to(&self, dest: &Term, msg: Term) {
        let pid = match dest {
            Term::Pid(p) => Some(*p),
            Term::Atom(name) => self.whereis(*name),
            _ => None,
        };
        if let Some(pid) = pid {
            self.send(pid, msg);
        }
    }

    fn deliver(&self, to: Pid, item: Incoming) -> bool {
        // The shard stays read-locked for the push and the wake-up, which
        // take no lock of the table (cheaper than cloning the Arc).
        let Some(shared) = self.table.get(&to) else {
            return false;
        };
        if shared.inbox.push(item).is_err() {
            return false;
        }
        if shared.wait.load(Ordering::SeqCst) != 0 && shared.wait.swap(0, Ordering::SeqCst) != 0 {
            self.wake(&shared, false);
        }
        true
    }

    /// Makes a process whose wake-up this thread won runnable. The
    /// scheduler parking it may not have put it in its slot yet (it
    /// publishes the token first): wait the few instructions until it has.
    fn wake(&self, shared: &ProcShared, timed_out: bool) {
        let mut spins = 0u32;
        let mut p = loop {
            if let Some(p) = shared.parked.take() {
                break p;
            }
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        };
        p.timed_out = timed_out;
        self.queues.push(p);
    }

    /// Puts a process that stopped in `receive` to sleep until a message,
    /// a signal or its deadline wakes it (see [`ProcShared`]).
    fn park_process(&self, mut p: Box<Process>) {
        // The token goes out before the process goes into its slot: until
        // it is in the slot this thread owns it, so its shared part stays
        // alive without a reference count of its own.
        let timer = p.recv_timer;
        let shared = &p.shared;
        shared
            .wait
            .store(timer.map_or(WAIT_FOREVER, |(_, id)| id), Ordering::SeqCst);
        // A last look: something may have arrived, or the deadline passed,
        // before the token was visible to senders and the timer service.
        let arrived = shared.inbox.has_items();
        let expired = timer.is_some_and(|(due, _)| Instant::now() >= due);
        if (arrived || expired) && shared.wait.swap(0, Ordering::SeqCst) != 0 {
            p.timed_out = expired && !arrived;
            self.queues.push(p);
            return;
        }
        // Whoever won the token (now or later) takes it from here.
        let slot: *const ProcShared = &**shared;
        // SAFETY: the table holds another reference to the shared part
        // until the process ends, and it cannot end before someone takes
        // it from the slot; `put` is the last use of `slot` here.
        unsafe { (*slot).parked.put(p) };
    }

    /// The deadline of the `receive ... after` whose token is `id` passed.
    pub(crate) fn time_out(&self, pid: Pid, id: u64) {
        let Some(shared) = self.table.get(&pid).map(|e| e.value().clone()) else {
            return;
        };
        if shared
            .wait
            .compare_exchange(id, 0, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            self.wake(&shared, true);
        }
    }

    /// Arms the deadline of a `receive ... after Ms`; returns it with the
    /// timer's number (the wait token).
    pub(crate) fn arm_receive_timeout(&self, pid: Pid, ms: u64) -> (Instant, u64) {
        let id = self.make_ref().0;
        let due = Instant::now() + Duration::from_millis(ms);
        self.timers.add_timeout(id, due, pid);
        (due, id)
    }

    /// Disarms a `receive ... after` deadline.
    pub(crate) fn disarm_receive_timeout(&self, (due, id): (Instant, u64)) {
        self.timers.cancel_timeout(due, id);
    }

    /// Starts a timer that sends `msg` to `dest` (a pid or a registered
    /// name) after `ms` milliseconds; returns its reference.
    pub fn start_timer(&self, ms: u64, dest: Term, msg: Term) -> Ref {
        self.start_timer_with_ref(self.make_ref(), ms, dest, msg)
    }

    /// Starts a timer under a reference made beforehand (`start_timer/3`,
    /// whose message contains the reference).
    pub fn start_timer_with_ref(&self, r: Ref, ms: u64, dest: Term, msg: Term) -> Ref {
        let due = Instant::now() + Duration::from_millis(ms);
        self.timers.add_message(r.0, due, dest, msg);
        r
    }

    /// Cancels a timer: the milliseconds it had left, or `None` if it
    /// already fired or was cancelled.
    pub fn cancel_timer(&self, r: Ref) -> Option<u64> {
        self.timers.cancel_message(r.0).map(remaining_ms)
    }

    /// The milliseconds a timer has left, or `None`.
    pub fn read_timer(&self, r: Ref) -> Option<u64> {
        self.timers.read_message(r.0).map(remaining_ms)
    }

    /// True if `pid` is alive.
    pub fn is_alive(&self, pid: Pid) -> bool {
        self.table.contains_key(&pid)
    }

    /// The number of live processes.
    pub fn process_count(&self) -> usize {
        self.table.len()
    }

    /// Processes queued to run.
    pub fn run_queue_len(&self) -> usize {
        self.queues.len()
    }

    /// Registers `name` for `pid`; false if the name is taken, the process
    /// already has a name, or it is not alive.
    pub fn register(&self, name: Atom, pid: Pid) -> bool {
        let Some(shared) = self.table.get(&pid).map(|e| e.value().clone()) else {
            return false;
        };
        let mut r = self.registry.lock().unwrap();
        if r.contains_key(&name) || shared.registered.load(Ordering::SeqCst) {
            return false;
        }
        r.insert(name, pid);
        shared.registered.store(true, Ordering::SeqCst);
        // The process may have ended meanwhile without seeing the flag
        // (its exit removes it from the table, then reads the flag).
        if !self.table.contains_key(&pid) {
            r.remove(&name);
            return false;
        }
        true
    }

    /// Removes a registered name; false if it was not registered.
    pub fn unregister(&self, name: Atom) -> bool {
        let Some(pid) = self.registry.lock().unwrap().remove(&name) else {
            return false;
        };
        if let Some(shared) = self.table.get(&pid) {
            shared.registered.store(false, Ordering::SeqCst);
        }
        true
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
        let mut v: Vec<Pid> = self.table.iter().map(|e| *e.key()).collect();
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
        self.table.insert(pid, shared.clone());
        let frame_size = module.code.functions[func as usize].frame_size as usize;
        let mut stack = Vec::with_capacity(frame_size.max(args.len()));
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
            recv_timer: None,
            recv_reg: 0,
            unhandled: Vec::new(),
            reductions: 0,
            trap_exit: false,
            initial_call,
            links: opts.link.into_iter().collect(),
            monitors: Vec::new(),
            aliases: Default::default(),
            group_leader: opts.group_leader,
            priority: Atom::from_static("normal"),
            native_wait: false,
            monitored_by: opts
                .monitor
                .iter()
                .map(|(r, w)| (*r, *w, Term::Pid(pid)))
                .collect(),
        });
        self.queues.push(p);
        pid
    }

    /// A process ended with `reason`: answer what it was still sent, then
    /// tell its links and monitors.
    fn exited(&self, p: &mut Process, reason: &Term) {
        self.table.remove(&p.pid);
        if p.shared.registered.load(Ordering::SeqCst) {
            self.registry.lock().unwrap().retain(|_, v| *v != p.pid);
        }
        if let Some(t) = p.recv_timer.take() {
            self.disarm_receive_timeout(t);
        }
        p.drop_aliases();
        self.ets
            .owner_exited(p.pid, |h| self.is_alive(h), |h, m| self.send(h, m));
        self.files.owner_exited(p.pid);
        let left = std::mem::take(&mut p.unhandled);
        for item in left.into_iter().chain(p.shared.inbox.close()) {
            self.answer_as_exited(p, item);
        }
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
            self.signal(
                *watcher,
                Signal::Down {
                    reference: *r,
                    object: object.clone(),
                    reason: reason.clone(),
                },
            );
        }
        for m in &p.monitors {
            if let Some(target) = m.target {
                self.signal(
                    target,
                    Signal::Demonitor {
                        reference: m.reference,
                    },
                );
            }
        }
    }

    /// A signal that reached a process as it ended: links and monitors
    /// made in the meantime are recorded, so the exit tells them like the
    /// others; a `process_info` question gets `undefined`.
    fn answer_as_exited(&self, p: &mut Process, item: Incoming) {
        let Incoming::Signal(sig) = item else { return };
        if let Some(Signal::ProcessInfo {
            from, reference, ..
        }) = crate::interp::signals::record(p, sig)
        {
            let undefined = Term::Atom(crate::term::atom::UNDEFINED);
            self.send(from, Term::tuple(vec![Term::Ref(reference), undefined]));
        }
    }

    /// Drops every process left when a run ends.
    fn clear_processes(&self) {
        let parked: Vec<_> = self
            .table
            .iter()
            .filter_map(|e| e.value().parked.take())
            .collect();
        self.table.clear();
        self.aliases.clear();
        self.registry.lock().unwrap().clear();
        drop(parked);
    }

    /// Runs processes until `watch` ends (or `halt`, or deadlock).
    pub fn run(self: &Arc<Self>, watch: Pid) -> Outcome {
        pool::run(self, watch, self.schedulers())
    }
}

/// How a new process starts out related to its parent.
#[derive(Default)]
pub struct SpawnOpts {
    /// Link it to this process.
    pub link: Option<Pid>,
    /// Let this process monitor it under this reference.
    pub monitor: Option<(Ref, Pid)>,
    /// The group leader it inherits from its parent.
    pub group_leader: Option<Pid>,
}

fn remaining_ms(due: Instant) -> u64 {
    let left = due.saturating_duration_since(Instant::now());
    left.as_millis() as u64
}
