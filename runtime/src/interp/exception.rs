//! Exceptions (OTP `erl_bif_info.c` backtraces, `beam_common.c` `handle_error`).
//!
//! An Erlang exception is a value: a class (`error`, `exit`, `throw`), a
//! reason term and a stacktrace, a list of `{M, F, ArityOrArgs, Location}`
//! entries built when the exception is raised, at most [`BACKTRACE_DEPTH`]
//! deep as OTP's default `backtrace_depth`.

use crate::term::{atom, Atom, Term};

/// OTP's default `backtrace_depth`.
pub const BACKTRACE_DEPTH: usize = 8;

/// The class of an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// `error:Reason` (run-time errors, `erlang:error/1,2`).
    Error,
    /// `exit:Reason`.
    Exit,
    /// `throw:Reason`.
    Throw,
}

impl Class {
    /// The class as an atom.
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atom::ERROR,
            Class::Exit => atom::EXIT,
            Class::Throw => atom::THROW,
        }
    }

    /// The class named by an atom, if any.
    pub fn from_term(t: &Term) -> Option<Class> {
        match t.as_atom()? {
            a if a == atom::ERROR => Some(Class::Error),
            a if a == atom::EXIT => Some(Class::Exit),
            a if a == atom::THROW => Some(Class::Throw),
            _ => None,
        }
    }
}

/// A raised exception.
#[derive(Clone, Debug)]
pub struct Exception {
    /// The class.
    pub class: Class,
    /// The reason.
    pub reason: Term,
    /// The stacktrace, once built (a list term).
    pub trace: Term,
}

/// Why a native function did not return a value.
pub enum BifError {
    /// Raise an exception. `args` names the BIF and its arguments when OTP
    /// puts the BIF itself at the top of the stacktrace (`badarg` from
    /// `element/2`); `None` for `erlang:error/1`, `throw/1`, `exit/1`.
    Raise {
        /// Class.
        class: Class,
        /// Reason.
        reason: Term,
        /// Top frame `{M, F, Args}` to add, if any.
        frame: Option<(Atom, Atom, Vec<Term>)>,
        /// A stacktrace given by `erlang:raise/3`, used as is.
        trace: Option<Term>,
    },
    /// Continue by calling `Module:Function(Args)` in place of the BIF (`apply/3`).
    Apply(Atom, Atom, Vec<Term>),
    /// Continue by calling a fun (`apply/2`).
    ApplyFun(Term, Vec<Term>),
    /// Stop the whole runtime with this exit status (`halt/0,1`).
    Halt(i32),
    /// End the calling process now with this reason, uncatchably (an exit
    /// signal it sent itself with `exit(self(), Reason)`).
    Die(Term),
    /// Suspend the process (`erlang:yield/0`, `timer:sleep/1` style waits
    /// are written in Erlang with `receive ... after`).
    Yield(Term),
    /// Park the process until a message or signal arrives, then run the
    /// same call again (for a native of arity 0, called directly, which
    /// then sees [`crate::process::Process::native_wait`] set).
    Wait,
    /// Drop the call stack and its catches and continue with
    /// `Module:Function(Args)`; the process ends when that returns
    /// (`erlang:hibernate/3`).
    Restart(Atom, Atom, Vec<Term>),
}

impl BifError {
    /// `error:badarg` with the BIF at the top of the trace.
    #[cold]
    pub fn badarg(m: Atom, f: Atom, args: &[Term]) -> BifError {
        BifError::Raise {
            class: Class::Error,
            reason: Term::Atom(atom::BADARG),
            frame: Some((m, f, args.to_vec())),
            trace: None,
        }
    }

    /// `error:Reason` with the BIF at the top of the trace.
    #[cold]
    pub fn error_in(reason: Term, m: Atom, f: Atom, args: &[Term]) -> BifError {
        BifError::Raise {
            class: Class::Error,
            reason,
            frame: Some((m, f, args.to_vec())),
            trace: None,
        }
    }

    /// An exception of `class` raised on behalf of the caller (no BIF frame).
    #[cold]
    pub fn raise(class: Class, reason: Term) -> BifError {
        BifError::Raise {
            class,
            reason,
            frame: None,
            trace: None,
        }
    }
}

/// The result of a native function.
pub type BifResult = Result<Term, BifError>;
