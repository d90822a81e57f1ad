//! `~p` / `~P`: OTP's `io_lib_pretty`.

use super::write_term_depth;
use crate::term::Term;

/// Options of `~p` printing.
#[derive(Clone, Debug)]
pub struct PrettyOpts {
    /// Column where the term starts (0-based).
    pub column: usize,
    /// Maximum line length (80 by default).
    pub line_length: usize,
    /// Depth limit (`-1`: none), as `~P`.
    pub depth: i64,
    /// `~tp`: Unicode atoms and UTF-8 binaries.
    pub unicode: bool,
    /// Detect strings (`false` with the `l` modifier).
    pub strings: bool,
}

impl Default for PrettyOpts {
    fn default() -> Self {
        PrettyOpts {
            column: 1,
            line_length: 80,
            depth: -1,
            unicode: false,
            strings: true,
        }
    }
}

/// Prints `t` as `~p` does.
pub fn pretty_term(t: &Term, opts: &PrettyOpts) -> String {
    let mut s = String::new();
    write_term_depth(&mut s, t, opts.depth, opts.unicode);
    s
}
