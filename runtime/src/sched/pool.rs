//! Scheduler threads and run queues (OTP `erl_process.c`, `schedule`).
//!
//! Each scheduler thread owns a FIFO run queue (a `crossbeam-deque`
//! worker); processes made runnable on a scheduler thread go to its own
//! queue, those made runnable elsewhere (the timer thread, before the run)
//! to the global injector. A thread out of work takes from the injector,
//! then steals from the others, then parks.
//!
//! Parking cannot lose a wake-up: a thread counts itself idle before it
//! looks for work a last time, under the sleep lock; whoever queues work
//! looks at that count after queueing and, if anyone is idle, takes the
//! lock to notify. Either the pusher sees the idle thread, or the idle
//! thread's last look sees the work. The last thread to go idle, finding
//! no work and no pending timer, declares the program deadlocked: nothing
//! can ever run again.

use super::{Outcome, Runtime, REDUCTIONS};
use crate::interp::exec::{self, RunResult};
use crate::process::Process;
use crate::term::{atom, Pid, Term};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};

/// Stack reserved for each scheduler thread beyond the first (address
/// space only: pages are touched as deep built-ins recurse).
const SCHEDULER_STACK: usize = 256 << 20;

/// The run queues of one runtime and the state of its scheduler threads.
#[derive(Default)]
pub(crate) struct RunQueues {
    injector: Injector<Box<Process>>,
    stealers: RwLock<Arc<[Stealer<Box<Process>>]>>,
    sleep: Mutex<()>,
    wake: Condvar,
    /// Threads parked or about to park; read without the lock by pushers.
    idle: AtomicUsize,
    /// Threads in the current run.
    threads: AtomicUsize,
    stopping: AtomicBool,
    outcome: Mutex<Option<Outcome>>,
    /// The process whose end ends the run.
    watch: AtomicU64,
}

struct Local {
    owner: *const RunQueues,
    worker: Worker<Box<Process>>,
    /// Reductions and slices not yet added to the runtime's counters
    /// (added in batches: a shared counter per slice costs a contended
    /// cache line on every process switch).
    reductions: Cell<u64>,
    slices: Cell<u64>,
    /// Counts scheduling decisions, to look at the injector now and then.
    ticks: Cell<u32>,
}

/// Every this many scheduling decisions a scheduler takes from the
/// injector before its own queue, so that processes woken by the timer
/// thread run even while local processes keep yielding to each other.
const INJECTOR_EVERY: u32 = 61;

/// Slices a scheduler runs between updates of the shared counters.
const STATS_BATCH: u64 = 256;

impl Local {
    fn count_slice(&self, rt: &Runtime, reductions: u64) {
        self.reductions.set(self.reductions.get() + reductions);
        self.slices.set(self.slices.get() + 1);
        if self.slices.get() >= STATS_BATCH {
            self.flush_stats(rt);
        }
    }

    fn flush_stats(&self, rt: &Runtime) {
        rt.stats.add(self.reductions.take(), self.slices.take());
    }
}

thread_local! {
    /// The run queue of the scheduler running on this thread, if any: it
    /// lives in that scheduler's frame of [`schedule`], which clears this
    /// before returning.
    static LOCAL: Cell<*const Local> = const { Cell::new(std::ptr::null()) };
}

/// This thread's run queue if it is one of `q`'s schedulers.
fn local_of(q: &RunQueues) -> Option<&Local> {
    let l = LOCAL.with(|l| l.get());
    // SAFETY: non-null only while the owning `schedule` frame is live, and
    // only this thread reads it.
    let l = unsafe { l.as_ref()? };
    std::ptr::eq(l.owner, q).then_some(l)
}

impl RunQueues {
    /// Makes `p` runnable: on this thread's queue when this is one of our
    /// schedulers, else on the injector. Wakes an idle scheduler when
    /// there is more work than the current thread is about to do.
    pub(crate) fn push(&self, p: Box<Process>) {
        match local_of(self) {
            Some(loc) => {
                loc.worker.push(p);
                // A lone process stays here: the current process is about
                // to wait or yield, and handing a message chain (a ring)
                // to another thread would cost a wake-up per hop.
                if loc.worker.len() > 1 {
                    self.notify();
                }
            }
            None => {
                self.injector.push(p);
                self.notify();
            }
        }
    }

    fn notify(&self) {
        fence(Ordering::SeqCst);
        if self.idle.load(Ordering::SeqCst) > 0 {
            let _g = self.sleep.lock().unwrap();
            self.wake.notify_one();
        }
    }

    /// Wakes every idle scheduler, so that each looks again at whether the
    /// run can go on (work done outside the schedulers has ended).
    pub(crate) fn wake_all(&self) {
        let _g = self.sleep.lock().unwrap();
        self.wake.notify_all();
    }

    /// Processes queued and not running.
    pub(crate) fn len(&self) -> usize {
        let stolen: usize = self.stealers.read().unwrap().iter().map(|s| s.len()).sum();
        self.injector.len() + stolen
    }

    fn has_work(&self, stealers: &[Stealer<Box<Process>>]) -> bool {
        !self.injector.is_empty() || stealers.iter().any(|s| !s.is_empty())
    }

    fn finish(&self, outcome: Outcome) {
        let mut o = self.outcome.lock().unwrap();
        if o.is_none() {
            *o = Some(outcome);
        }
        drop(o);
        self.stopping.store(true, Ordering::SeqCst);
        let _g = self.sleep.lock().unwrap();
        self.wake.notify_all();
    }
}

/// Runs processes on `n` scheduler threads (this one among them) until
/// `watch` ends, `halt` is called, or nothing can run any more.
pub(crate) fn run(rt: &Arc<Runtime>, watch: Pid, n: usize) -> Outcome {
    let q = &rt.queues;
    let workers: Vec<Worker<Box<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
    *q.stealers.write().unwrap() = workers.iter().map(|w| w.stealer()).collect();
    *q.outcome.lock().unwrap() = None;
    q.stopping.store(false, Ordering::SeqCst);
    q.idle.store(0, Ordering::SeqCst);
    q.threads.store(n, Ordering::SeqCst);
    q.watch.store(watch.0, Ordering::SeqCst);
    let mut workers = workers.into_iter();
    let mine = workers.next().expect("at least one scheduler");
    let others: Vec<_> = workers
        .enumerate()
        .map(|(i, w)| {
            let rt = rt.clone();
            std::thread::Builder::new()
                .name(format!("ferl-scheduler-{}", i + 2))
                .stack_size(SCHEDULER_STACK)
                .spawn(move || schedule(&rt, w))
                .expect("cannot start a scheduler thread")
        })
        .collect();
    schedule(rt, mine);
    for t in others {
        if let Err(panic) = t.join() {
            std::panic::resume_unwind(panic);
        }
    }
    // Processes still runnable or waiting are dropped with the run, as
    // when `init:stop` ends a node.
    while !q.injector.is_empty() {
        let _ = q.injector.steal();
    }
    rt.clear_processes();
    let outcome = q.outcome.lock().unwrap().take();
    outcome.unwrap_or(Outcome::Deadlock)
}

/// One scheduler thread's loop.
fn schedule(rt: &Arc<Runtime>, worker: Worker<Box<Process>>) {
    let q = &rt.queues;
    let local = Local {
        owner: q as *const RunQueues,
        worker,
        reductions: Cell::new(0),
        slices: Cell::new(0),
        ticks: Cell::new(0),
    };
    LOCAL.with(|l| l.set(&local));
    let stealers = q.stealers.read().unwrap().clone();
    while !q.stopping.load(Ordering::Relaxed) {
        match find_work(q, &local, &stealers) {
            Some(p) => run_slice(rt, &local, p),
            None => {
                local.flush_stats(rt);
                if !park(rt, &stealers) {
                    break;
                }
            }
        }
    }
    local.flush_stats(rt);
    LOCAL.with(|l| l.set(std::ptr::null()));
    // Processes still queued here end with the run.
    while local.worker.pop().is_some() {}
}

/// This thread's queue (after the injector, now and then), then the
/// injector, then the other threads' queues.
fn find_work(
    q: &RunQueues,
    local: &Local,
    stealers: &[Stealer<Box<Process>>],
) -> Option<Box<Process>> {
    let worker = &local.worker;
    let tick = local.ticks.get().wrapping_add(1);
    local.ticks.set(tick);
    if tick.is_multiple_of(INJECTOR_EVERY) {
        if let Steal::Success(p) = q.injector.steal() {
            return Some(p);
        }
    }
    if let Some(p) = worker.pop() {
        return Some(p);
    }
    loop {
        match q.injector.steal_batch_and_pop(worker) {
            Steal::Success(p) => return Some(p),
            Steal::Empty => break,
            Steal::Retry => continue,
        }
    }
    for s in stealers {
        loop {
            match s.steal_batch_and_pop(worker) {
                Steal::Success(p) => return Some(p),
                Steal::Empty => break,
                Steal::Retry => continue,
            }
        }
    }
    None
}

/// Parks until there may be work; false when the run is over.
fn park(rt: &Runtime, stealers: &[Stealer<Box<Process>>]) -> bool {
    let q = &rt.queues;
    let mut guard = q.sleep.lock().unwrap();
    q.idle.fetch_add(1, Ordering::SeqCst);
    fence(Ordering::SeqCst);
    let keep_going = loop {
        if q.stopping.load(Ordering::SeqCst) {
            break false;
        }
        if q.has_work(stealers) {
            break true;
        }
        // Checked in this order: once the timers are quiet, only a running
        // process could make new work, and every thread is idle.
        if q.idle.load(Ordering::SeqCst) == q.threads.load(Ordering::SeqCst)
            && rt.timers.is_quiet()
            && rt.outside.load(Ordering::SeqCst) == 0
            && !q.has_work(stealers)
        {
            *q.outcome.lock().unwrap() = Some(Outcome::Deadlock);
            q.stopping.store(true, Ordering::SeqCst);
            q.wake.notify_all();
            break false;
        }
        guard = q.wake.wait(guard).unwrap();
    };
    q.idle.fetch_sub(1, Ordering::SeqCst);
    drop(guard);
    keep_going
}

/// Runs `p` for one slice and puts it where its result says.
fn run_slice(rt: &Arc<Runtime>, local: &Local, mut p: Box<Process>) {
    let q = &rt.queues;
    let before = p.reductions;
    let result =
        catch_unwind(AssertUnwindSafe(|| exec::run(&mut p, REDUCTIONS))).unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("ferl: internal error in {:?}: {what}", p.pid);
            RunResult::Exited(Term::tuple(vec![
                Term::atom_str("ferl_internal_error"),
                Term::string(&what),
            ]))
        });
    local.count_slice(rt, p.reductions - before);
    let watched = p.pid.0 == q.watch.load(Ordering::Relaxed);
    match result {
        RunResult::Yield => q.push(p),
        RunResult::Wait => rt.park_process(p),
        RunResult::Done(v) => {
            rt.exited(&mut p, &Term::Atom(atom::NORMAL));
            if watched {
                q.finish(Outcome::Returned(v));
            }
        }
        RunResult::Crashed(e) => {
            rt.exited(&mut p, &crate::interp::stacktrace::exit_reason(&e));
            if watched {
                q.finish(Outcome::Crashed(e));
            } else {
                crate::interp::stacktrace::report_crash(p.pid, &e);
            }
        }
        RunResult::Exited(reason) => {
            rt.exited(&mut p, &reason);
            if watched {
                q.finish(Outcome::Exited(reason));
            }
        }
        RunResult::Halt(n) => q.finish(Outcome::Halted(n)),
    }
}
