//! The code server (OTP `code_server.erl`, `beam_load.c`): modules are
//! compiled from source on first use, found on the code path or in the
//! embedded library, and kept as [`LoadedModule`]s. Loading a module again
//! replaces the current version; funs and running frames keep the version
//! they hold (each holds an `Arc`), as OTP's old code does.

pub mod loader;
pub mod path;

use crate::bif::BifFn;
use crate::term::{Atom, Term};
use ferl_compiler::bytecode;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// What an import of a module resolves to.
#[derive(Clone)]
pub enum ImportTarget {
    /// A native function.
    Bif(BifFn),
    /// `erlang:'!'/2` or `erlang:send/2`: the interpreter sends to a pid
    /// itself, handing the message over instead of copying its handle
    /// through a native call's argument array (other destinations go
    /// through the native).
    Send,
    /// An Erlang function, looked up in the code server at call time.
    Remote {
        /// Module.
        module: Atom,
        /// Function.
        function: Atom,
        /// Arity.
        arity: u32,
    },
}

/// A module version loaded into the runtime.
pub struct LoadedModule {
    /// The module name.
    pub name: Atom,
    /// The bytecode (functions implemented natively are patched to call the native).
    pub code: bytecode::Module,
    /// The literal table, built once at load.
    pub literals: Vec<Term>,
    /// Resolved imports, by import index.
    pub imports: Vec<ImportTarget>,
    /// Exported `(name, arity)` to function index.
    pub exports: HashMap<(Atom, u32), u32>,
    /// Per function: name and the arity shown in stacktraces.
    pub fn_names: Vec<(Atom, u32)>,
    /// The file name shown in stacktraces.
    pub file: Term,
}

/// Why a module could not be loaded.
#[derive(Clone, Debug)]
pub enum LoadError {
    /// No source for the module on the code path or in the embedded library.
    NotFound,
    /// The source did not compile; the rendered diagnostics.
    Compile(String),
}

/// All loaded modules and where to find more.
pub struct CodeServer {
    modules: RwLock<HashMap<Atom, Arc<LoadedModule>>>,
    failed: RwLock<HashMap<Atom, LoadError>>,
    /// Where module sources are looked up.
    pub path: path::CodePath,
}

impl CodeServer {
    /// A code server over `path`.
    pub fn new(path: path::CodePath) -> CodeServer {
        CodeServer {
            modules: RwLock::new(HashMap::new()),
            failed: RwLock::new(HashMap::new()),
            path,
        }
    }

    /// The current version of `m`, loading it from source if needed.
    pub fn get(&self, m: Atom) -> Result<Arc<LoadedModule>, LoadError> {
        if let Some(lm) = self.modules.read().unwrap().get(&m) {
            return Ok(lm.clone());
        }
        if let Some(e) = self.failed.read().unwrap().get(&m) {
            return Err(e.clone());
        }
        let result = match self.path.find_module(m.name()) {
            Some(src) => loader::load(&src, &self.path),
            None => Err(LoadError::NotFound),
        };
        match result {
            Ok(lm) => {
                let lm = Arc::new(lm);
                self.modules.write().unwrap().insert(m, lm.clone());
                Ok(lm)
            }
            Err(e) => {
                if let LoadError::Compile(text) = &e {
                    eprint!("{text}");
                }
                self.failed.write().unwrap().insert(m, e.clone());
                Err(e)
            }
        }
    }

    /// The current version of `m` if loaded; never loads.
    pub fn loaded(&self, m: Atom) -> Option<Arc<LoadedModule>> {
        self.modules.read().unwrap().get(&m).cloned()
    }

    /// Installs a module version (replacing the current one).
    pub fn install(&self, lm: LoadedModule) -> Arc<LoadedModule> {
        let lm = Arc::new(lm);
        self.failed.write().unwrap().remove(&lm.name);
        self.modules.write().unwrap().insert(lm.name, lm.clone());
        lm
    }

    /// Names of all loaded modules.
    pub fn all_loaded(&self) -> Vec<Atom> {
        self.modules.read().unwrap().keys().copied().collect()
    }
}

impl LoadedModule {
    /// A module with no code, named `name` (for tests and placeholders).
    pub fn empty(name: Atom) -> LoadedModule {
        LoadedModule {
            name,
            code: bytecode::Module {
                name: name.name().to_string(),
                ..Default::default()
            },
            literals: Vec::new(),
            imports: Vec::new(),
            exports: HashMap::new(),
            fn_names: Vec::new(),
            file: Term::Nil,
        }
    }

    /// The function index of an exported function.
    pub fn export(&self, f: Atom, arity: u32) -> Option<u32> {
        self.exports.get(&(f, arity)).copied()
    }
}
