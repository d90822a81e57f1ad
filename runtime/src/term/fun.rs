//! Funs (OTP `erl_fun.c`): closures over a module's lambda, and external
//! `fun M:F/A` references, which are resolved at call time.

use super::{Atom, Term};
use crate::code::LoadedModule;
use std::sync::Arc;

/// A fun value.
pub struct Fun {
    /// The module the fun belongs to (the defining module of a closure, `M` of `fun M:F/A`).
    pub module: Atom,
    /// What the fun calls.
    pub kind: FunKind,
}

/// The two kinds of funs.
pub enum FunKind {
    /// A closure: a lambda of a loaded module version plus captured values.
    Local {
        /// The module version that created it (old code keeps running for old funs).
        code: Arc<LoadedModule>,
        /// Index of the lambda in the module's lambda table.
        index: u32,
        /// Number of arguments.
        arity: u32,
        /// Captured free variables, in the lambda's order.
        env: Box<[Term]>,
    },
    /// `fun M:F/A`: calls the newest version of `M:F/A`.
    External {
        /// Function name.
        function: Atom,
        /// Number of arguments.
        arity: u32,
    },
}

impl Fun {
    /// The fun's arity.
    pub fn arity(&self) -> u32 {
        match &self.kind {
            FunKind::Local { arity, .. } | FunKind::External { arity, .. } => *arity,
        }
    }
}
