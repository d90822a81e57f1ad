//! The `ferl` command line: runs Erlang programs from source.
//!
//! ```text
//! ferl run FILE.erl [ARGS...]      compile FILE and call its main/1 (escript style)
//! ferl FILE.erl [ARGS...]          the same (for `#!/usr/bin/env ferl` scripts)
//! ferl [-pa DIR]... [+S N] [-eval EXPRS]... [-s MOD [FUN [ARGS...]]]...
//!                                  as `erl -noshell`
//! ferl disasm FILE.erl             print the bytecode of a module
//! ```

mod cli;

/// Every term is a small reference-counted allocation: mimalloc's
/// thread-local free lists make those much cheaper than the system malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stack of the thread that runs the compiler and the scheduler. Parsing,
/// comparing and printing recurse on deeply nested source and terms; the
/// memory is reserved, not committed, so only what is touched is used.
const STACK_SIZE: usize = 1 << 30;

/// mimalloc v2's `mi_option_purge_delay` (not exported by libmimalloc-sys).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Keep freed memory for a second before returning it to the OS (the
    // default is 10 ms): processes and timers come and go in bursts, and
    // memory handed back is zeroed again by the kernel when reused, which
    // cost a quarter of the time of the timers benchmark.
    // SAFETY: mi_option_set only stores the value.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new()
        .name("ferl".into())
        .stack_size(STACK_SIZE)
        .spawn(move || cli::main(args));
    let status = match worker {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(e) => {
            eprintln!("ferl: cannot start: {e}");
            71
        }
    };
    std::process::exit(status);
}
