//! The global atom table (OTP `atom.c`): every atom is an index into one
//! process-wide table of interned names, so atoms compare and copy as integers.
//! The table holds at most [`ATOM_LIMIT`] atoms, OTP's default; creating one
//! more fails with `system_limit`. Names are leaked: atoms are never freed, as
//! in OTP.

use std::collections::HashMap;
use std::fmt;
use std::sync::{OnceLock, RwLock};

/// OTP's default atom table size (`+t`): 1,048,576 atoms.
pub const ATOM_LIMIT: usize = 1_048_576;

/// An interned atom.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(pub u32);

struct Table {
    names: Vec<&'static str>,
    index: HashMap<&'static str, u32>,
}

fn table() -> &'static RwLock<Table> {
    static TABLE: OnceLock<RwLock<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            names: Vec::with_capacity(4096),
            index: HashMap::with_capacity(4096),
        };
        for name in PREDEFINED {
            let i = t.names.len() as u32;
            t.names.push(name);
            t.index.insert(name, i);
        }
        RwLock::new(t)
    })
}

/// The atom table is full (`system_limit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtomLimit;

impl Atom {
    /// Interns `name`, creating the atom if needed. Fails past [`ATOM_LIMIT`].
    pub fn intern(name: &str) -> Result<Atom, AtomLimit> {
        if let Some(&i) = table().read().unwrap().index.get(name) {
            return Ok(Atom(i));
        }
        let mut t = table().write().unwrap();
        if let Some(&i) = t.index.get(name) {
            return Ok(Atom(i));
        }
        if t.names.len() >= ATOM_LIMIT {
            return Err(AtomLimit);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let i = t.names.len() as u32;
        t.names.push(leaked);
        t.index.insert(leaked, i);
        Ok(Atom(i))
    }

    /// Interns a name the runtime itself uses (panics only if the table is
    /// full, which cannot happen for the runtime's own fixed set of names).
    pub fn from_static(name: &str) -> Atom {
        Atom::intern(name).expect("atom table full while interning a runtime atom")
    }

    /// The atom if it exists already; never creates one (for untrusted input,
    /// `list_to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        table().read().unwrap().index.get(name).map(|&i| Atom(i))
    }

    /// The atom's name.
    pub fn name(self) -> &'static str {
        table().read().unwrap().names[self.0 as usize]
    }

    /// How many atoms exist.
    pub fn count() -> usize {
        table().read().unwrap().names.len()
    }
}

impl fmt::Debug for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}'", self.name())
    }
}

macro_rules! predefined_atoms {
    ($($konst:ident = $name:literal,)*) => {
        const PREDEFINED: &[&str] = &[$($name,)*];
        predefined_atoms!(@consts 0u32, $($konst,)*);
    };
    (@consts $n:expr, $konst:ident, $($rest:ident,)*) => {
        #[doc = concat!("The predefined atom `", stringify!($konst), "`.")]
        pub const $konst: Atom = Atom($n);
        predefined_atoms!(@consts $n + 1u32, $($rest,)*);
    };
    (@consts $n:expr,) => {};
}

predefined_atoms! {
    FALSE = "false",
    TRUE = "true",
    OK = "ok",
    ERROR = "error",
    EXIT = "exit",
    THROW = "throw",
    UNDEFINED = "undefined",
    NORMAL = "normal",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause",
    UNDEF = "undef",
    BADARITY = "badarity",
    BADFUN = "badfun",
    BADKEY = "badkey",
    BADMAP = "badmap",
    BADRECORD = "badrecord",
    SYSTEM_LIMIT = "system_limit",
    NOCATCH = "nocatch",
    EXIT_UPPER = "EXIT",
    ERLANG = "erlang",
    FILE = "file",
    LINE = "line",
    INFINITY = "infinity",
    NIL_ATOM = "nil",
    KILL = "kill",
    KILLED = "killed",
    NOPROC = "noproc",
    TIMEOUT = "timeout",
    EMPTY = "",
    MODULE = "module",
    NAME = "name",
    ARITY = "arity",
    ENV = "env",
    TYPE = "type",
    LOCAL = "local",
    EXTERNAL = "external",
    UNICODE = "unicode",
    LATIN1 = "latin1",
    UTF8 = "utf8",
    INCOMPLETE = "incomplete",
    UNDEFINED_FUNCTION = "undefined_function",
    ERROR_INFO = "error_info",
    DOWN = "DOWN",
    PROCESS = "process",
    MODULE_INFO = "module_info",
    EXPORTS = "exports",
    ATTRIBUTES = "attributes",
    COMPILE = "compile",
    MD5 = "md5",
    FUNCTIONS = "functions",
    NONODE = "nonode@nohost",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_fixed_indexes() {
        assert_eq!(Atom::intern("true").unwrap(), TRUE);
        assert_eq!(OK.name(), "ok");
        assert_eq!(EXIT_UPPER.name(), "EXIT");
    }

    #[test]
    fn interning_is_idempotent_and_existing_never_creates() {
        let a = Atom::intern("some_new_atom_for_test").unwrap();
        assert_eq!(Atom::intern("some_new_atom_for_test").unwrap(), a);
        assert_eq!(Atom::existing("surely_not_an_atom_xyzzy_42"), None);
    }
}
