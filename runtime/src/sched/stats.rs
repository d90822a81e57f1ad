//! Counters behind `statistics/1`.

use std::sync::atomic::{AtomicU64, Ordering};

/// Runtime-wide counters; each `*_last` remembers the total at the
/// previous `statistics/1` call, for the "since last call" half.
#[derive(Default)]
pub(crate) struct Stats {
    /// Reductions of finished slices (each scheduler adds its own in
    /// batches, so this lags by at most a few hundred slices).
    pub(crate) reductions: AtomicU64,
    pub(crate) last_reductions: AtomicU64,
    pub(crate) last_runtime: AtomicU64,
    pub(crate) last_wall_clock: AtomicU64,
    /// Slices run (a process switched in).
    pub(crate) context_switches: AtomicU64,
}

impl Stats {
    /// Adds a scheduler's batch of `reductions` over `slices` slices.
    pub(crate) fn add(&self, reductions: u64, slices: u64) {
        self.reductions.fetch_add(reductions, Ordering::Relaxed);
        self.context_switches.fetch_add(slices, Ordering::Relaxed);
    }
}
