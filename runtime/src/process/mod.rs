//! Processes (OTP `erl_process.h`): a process is data — its stack of frames,
//! instruction pointer, exception handlers, mailbox and dictionary — run by
//! a scheduler for a budget of reductions at a time.

pub mod alias;
pub mod inbox;
pub mod mailbox;
pub mod signal;

use crate::code::LoadedModule;
use crate::sched::Runtime;
use crate::term::binary::BitWriter;
use crate::term::{Atom, Pid, Ref, Term};
use alias::AliasMode;
use ferl_compiler::bytecode::Reg;
use inbox::Inbox;
use mailbox::Mailbox;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// A caller's saved state, restored by `Return`.
pub struct Frame {
    /// The caller's module version, or `None` when it is the same as the
    /// callee's (a local call: no reference count traffic).
    pub module: Option<Arc<LoadedModule>>,
    /// The caller's function index.
    pub func: u32,
    /// Where the caller continues.
    pub ip: u32,
    /// The caller's frame base in the stack.
    pub bp: u32,
    /// The caller's slot receiving the result.
    pub dst: Reg,
}

/// An active `try`/`catch`: where to resume when an exception is raised.
pub struct Handler {
    /// Number of saved frames when the handler was pushed.
    pub depth: u32,
    /// The module version of the function holding the handler.
    pub module: Arc<LoadedModule>,
    /// Its function index.
    pub func: u32,
    /// The handler's first instruction.
    pub ip: u32,
    /// The frame base.
    pub bp: u32,
    /// First of the three slots receiving class, reason and stacktrace.
    pub dst: Reg,
}

/// The part of a process other threads may touch: its inbox, and the
/// hand-over between a scheduler putting it to sleep in `receive` and
/// whoever wakes it.
///
/// While the process waits, `wait` holds a non-zero token and its body
/// sits in `parked`. The scheduler publishes the token, looks at the inbox
/// a last time, then puts the body in the slot. A sender appends to the
/// inbox, then swaps the token to zero; whoever gets the non-zero value
/// back (a sender, the timer service, or the scheduler on its last look)
/// owns the wake-up and takes the body from the slot (waiting the few
/// instructions until it is there), so a wake-up is never lost and never
/// done twice.
#[derive(Default)]
pub struct ProcShared {
    /// Incoming messages and signals.
    pub inbox: Inbox,
    /// Zero while running or runnable; the wait token while in `receive`.
    pub wait: AtomicU64,
    /// The process while it waits.
    pub parked: ParkedSlot,
    /// True while a name is registered for the process.
    pub registered: AtomicBool,
}

/// Where a waiting process sits: one pointer. Each wait has one `put`
/// (by the scheduler parking it) and one `take` (by whoever won the wait
/// token; see [`ProcShared`]), so plain loads and stores suffice: the
/// Release store of `put` pairs with the Acquire load of `take`.
#[derive(Default)]
pub struct ParkedSlot(AtomicPtr<Process>);

impl ParkedSlot {
    /// Puts the process in the slot (it must be empty).
    pub fn put(&self, p: Box<Process>) {
        debug_assert!(
            self.0.load(Ordering::Relaxed).is_null(),
            "two processes in one slot"
        );
        self.0.store(Box::into_raw(p), Ordering::Release);
    }

    /// Takes the process out, if it is there yet. Only the owner of the
    /// wake-up calls this (or the runtime, once no scheduler runs).
    pub fn take(&self) -> Option<Box<Process>> {
        let p = self.0.load(Ordering::Acquire);
        if p.is_null() {
            return None;
        }
        self.0.store(std::ptr::null_mut(), Ordering::Relaxed);
        // SAFETY: a non-null pointer came from Box::into_raw in `put`, and
        // only one party takes each one.
        Some(unsafe { Box::from_raw(p) })
    }
}

impl Drop for ParkedSlot {
    fn drop(&mut self) {
        drop(self.take());
    }
}

/// The wait token of a `receive` without a timeout (timed waits use the
/// number of their timer, which is never this).
pub const WAIT_FOREVER: u64 = u64::MAX;

/// A process.
pub struct Process {
    /// Its identifier.
    pub pid: Pid,
    /// Shared with senders.
    pub shared: Arc<ProcShared>,
    /// The runtime it belongs to.
    pub rt: Arc<Runtime>,
    /// All frames' slots; the current frame is `stack[bp..]`.
    pub stack: Vec<Term>,
    /// Saved callers.
    pub frames: Vec<Frame>,
    /// Active exception handlers, innermost last.
    pub handlers: Vec<Handler>,
    /// Current module version.
    pub module: Arc<LoadedModule>,
    /// Current function index.
    pub func: u32,
    /// Current instruction.
    pub ip: u32,
    /// Current frame base.
    pub bp: u32,
    /// Private message queue.
    pub mailbox: Mailbox,
    /// The process dictionary, in insertion order.
    pub dict: Vec<(Term, Term)>,
    /// The binary being built (between `BsInit` and `BsFinish`).
    pub builder: Option<BitWriter>,
    /// Set by the scheduler when a `receive ... after` deadline passed.
    pub timed_out: bool,
    /// The deadline and timer number of the `receive ... after` being
    /// waited in: kept across wake-ups that bring no matching message.
    pub recv_timer: Option<(Instant, u64)>,
    /// The register holding the message being matched by `receive` (taken
    /// out of the mailbox; put back if no clause matches).
    pub recv_reg: Reg,
    /// What was taken from the inbox after a signal that ended the
    /// process; answered as by a process that has ended.
    pub unhandled: Vec<signal::Incoming>,
    /// Reductions executed so far.
    pub reductions: u64,
    /// `process_flag(trap_exit, _)`.
    pub trap_exit: bool,
    /// `{M, F, A}` of the initial call.
    pub initial_call: (Atom, Atom, u32),
    /// Linked processes.
    pub links: Vec<Pid>,
    /// Monitors this process holds.
    pub monitors: Vec<Monitor>,
    /// Monitors on this process: (reference, watcher, object named in 'DOWN').
    pub monitored_by: Vec<(Ref, Pid, Term)>,
    /// This process's active aliases (see [`alias`]).
    pub aliases: rustc_hash::FxHashMap<Ref, AliasMode>,
    /// The group leader, where `standard_io` goes; `None` is the terminal
    /// ferl runs on (the `user` server, started when a pid is asked for).
    pub group_leader: Option<Pid>,
    /// The priority given with `process_flag(priority, P)`: reported by
    /// `process_info/2`; ferl's schedulers do not order by it.
    pub priority: Atom,
    /// Set while parked by a native that waits for a message
    /// (`ferl_process:wait_message/0`); the native sees it on its rerun.
    pub native_wait: bool,
}

/// A monitor a process holds, until it is removed or its 'DOWN' message
/// is delivered.
pub struct Monitor {
    /// The monitor reference.
    pub reference: Ref,
    /// The watched process; `None` when there was none alive to watch (its
    /// 'DOWN' with `noproc` is on its way in the watcher's own inbox).
    pub target: Option<Pid>,
    /// The object as given: a pid or `{Name, Node}`.
    pub object: Term,
    /// The first element of the 'DOWN' message: `'DOWN'`, or the `{tag,
    /// Tag}` option of `monitor/3`.
    pub tag: Term,
}

impl Process {
    /// Sends `msg` to `to` (dropped if `to` is gone, as in OTP).
    pub fn send(&self, to: Pid, msg: Term) {
        if to == self.pid {
            self.send_to_self(msg);
        } else {
            self.rt.send(to, msg);
        }
    }

    /// Queues a message to the process itself (behind what others sent
    /// before it).
    pub fn send_to_self(&self, msg: Term) {
        // Cannot fail: the inbox closes only when the process has ended.
        let _ = self.shared.inbox.push(signal::Incoming::Message(msg));
    }

    /// Removes the monitor `r` (telling the watched process) and ends an
    /// alias that ends with it; false if there was no such monitor.
    pub fn remove_monitor(&mut self, r: Ref) -> bool {
        let Some(i) = self.monitors.iter().position(|m| m.reference == r) else {
            return false;
        };
        let m = self.monitors.remove(i);
        if let Some(target) = m.target {
            self.rt
                .signal(target, signal::Signal::Demonitor { reference: r });
        }
        self.monitor_ended(r);
        true
    }

    /// The slot `r` of the current frame.
    #[inline]
    pub fn reg(&self, r: Reg) -> &Term {
        &self.stack[self.bp as usize + r as usize]
    }
}
