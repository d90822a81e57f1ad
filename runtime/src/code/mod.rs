//! The code server's view of modules (OTP `beam_load.c`, `code_server.erl`).

use crate::term::Atom;

/// A module version loaded into the runtime.
pub struct LoadedModule {
    /// The module name.
    pub name: Atom,
}
