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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::main(args));
}
