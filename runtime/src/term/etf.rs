//! The External Term Format (OTP `external.c`): `term_to_binary/1,2` and
//! `binary_to_term/1,2`, byte-exact with OTP 25.
//!
//! [`encode`] writes what OTP 25 writes: version byte 131, then integers as
//! SMALL_INTEGER_EXT, INTEGER_EXT or SMALL/LARGE_BIG_EXT; floats as
//! NEW_FLOAT_EXT (FLOAT_EXT's 31-byte `%.20e` text with `{minor_version, 0}`);
//! atoms whose characters are all Latin-1 as ATOM_EXT (Latin-1 bytes, 16-bit
//! length), others as SMALL_ATOM_UTF8_EXT or ATOM_UTF8_EXT (every atom as
//! UTF-8 with `{minor_version, 2}`); byte lists of at most 65,535 elements as
//! STRING_EXT, other lists as LIST_EXT; maps as MAP_EXT in key order.
//!
//! [`decode`] reads every tag OTP 25 can produce or accept, with untrusted
//! input in mind:
//!
//! - every length field is checked against the bytes left before anything is
//!   allocated from it (each element needs at least one byte), and compressed
//!   input is inflated only as far as its declared size (itself capped by
//!   [`DecodeOpts::max_inflated`]);
//! - nesting is unwound on an explicit heap stack, never on the Rust stack,
//!   and limited to [`DecodeOpts::max_depth`] levels of tuples, maps, funs and
//!   list heads (list tails do not count: long lists are flat);
//! - with [`DecodeOpts::safe`] no atom is created;
//! - corrupt input is an `Err`, never a panic.
//!
//! ## Pids and references
//!
//! ferl has one node, `nonode@nohost`, creation 0. [`Pid`](super::Pid)`(n)`
//! is written as NEW_PID_EXT with ID `n mod 2^15` and serial `n >> 15`
//! (OTP's split of a local pid number, so `Pid(n)` for `n < 32768` is OTP's
//! `<0.n.0>`); [`Ref`](super::Ref)`(n)` as NEWER_REFERENCE_EXT with the three
//! words `n mod 2^18`, `(n >> 18) mod 2^32`, `n >> 50`. Decoding inverts this
//! and refuses (rather than aliases) a pid or reference of another node or
//! one that does not fit those 64 bits. `phash2` hashes the same fields OTP
//! does (the 15-bit ID, the first reference word).
//!
//! ## Known differences from OTP 25
//!
//! - Maps of more than 32 keys are written in key order, which is what OTP
//!   writes with `deterministic`; without it OTP writes its hash-trie order.
//! - Closures (NEW_FUN_EXT) carry a zero module checksum, `OldUniq` 0 and the
//!   creator pid `<0.0.0>`; decoding one needs [`DecodeOpts::resolve_fun`].
//! - Atoms that are not valid UTF-8 (which OTP 25 accepts in
//!   SMALL_ATOM_UTF8_EXT) and ports are refused.

mod decode;
mod encode;

pub use decode::{binary_to_term, decode};
pub use encode::encode;

use super::{atom, Atom, Term};
use crate::code::LoadedModule;
use std::fmt;
use std::sync::Arc;

/// The version byte that starts every encoded term.
pub const VERSION: u8 = 131;

/// The tag bytes of the format (erts "External Term Format").
pub mod tag {
    /// A term compressed with zlib: 4-byte uncompressed size, then the stream.
    pub const COMPRESSED: u8 = 80;
    /// IEEE 754 double, big-endian.
    pub const NEW_FLOAT: u8 = 70;
    /// Binary with a bit count for the last byte.
    pub const BIT_BINARY: u8 = 77;
    /// Pid with a 32-bit creation.
    pub const NEW_PID: u8 = 88;
    /// Port with a 32-bit creation.
    pub const NEW_PORT: u8 = 89;
    /// Reference with a 32-bit creation.
    pub const NEWER_REFERENCE: u8 = 90;
    /// Integer 0..=255.
    pub const SMALL_INTEGER: u8 = 97;
    /// Signed 32-bit integer.
    pub const INTEGER: u8 = 98;
    /// Float as 31 bytes of `%.20e` text.
    pub const FLOAT: u8 = 99;
    /// Latin-1 atom, 16-bit length.
    pub const ATOM: u8 = 100;
    /// Old reference: one ID word, 8-bit creation.
    pub const REFERENCE: u8 = 101;
    /// Old port, 8-bit creation.
    pub const PORT: u8 = 102;
    /// Old pid, 8-bit creation.
    pub const PID: u8 = 103;
    /// Tuple of at most 255 elements.
    pub const SMALL_TUPLE: u8 = 104;
    /// Tuple, 32-bit arity.
    pub const LARGE_TUPLE: u8 = 105;
    /// `[]`.
    pub const NIL: u8 = 106;
    /// List of bytes, 16-bit length.
    pub const STRING: u8 = 107;
    /// List: 32-bit length, elements, tail.
    pub const LIST: u8 = 108;
    /// Binary, 32-bit length.
    pub const BINARY: u8 = 109;
    /// Integer with at most 255 bytes of magnitude.
    pub const SMALL_BIG: u8 = 110;
    /// Integer with a 32-bit magnitude length.
    pub const LARGE_BIG: u8 = 111;
    /// Closure.
    pub const NEW_FUN: u8 = 112;
    /// `fun M:F/A`.
    pub const EXPORT: u8 = 113;
    /// Reference with an 8-bit creation and several ID words.
    pub const NEW_REFERENCE: u8 = 114;
    /// Latin-1 atom, 8-bit length.
    pub const SMALL_ATOM: u8 = 115;
    /// Map: 32-bit arity, then keys and values.
    pub const MAP: u8 = 116;
    /// Closure in the format of OTP releases before R8 (refused by OTP 25 too).
    pub const FUN: u8 = 117;
    /// UTF-8 atom, 16-bit length.
    pub const ATOM_UTF8: u8 = 118;
    /// UTF-8 atom, 8-bit length.
    pub const SMALL_ATOM_UTF8: u8 = 119;
    /// Port with a 64-bit ID.
    pub const V4_PORT: u8 = 120;
}

/// Options of `term_to_binary/2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodeOpts {
    /// zlib level 1..=9 (`compressed` is 6); `None` or `Some(0)`: no compression.
    /// As in OTP, the compressed form is used only when it is at least 5
    /// bytes shorter than the plain one.
    pub compressed: Option<u32>,
    /// 0: floats as FLOAT_EXT text; 1 (the default): NEW_FLOAT_EXT;
    /// 2: also every atom as UTF-8.
    pub minor_version: u8,
    /// Write maps in a canonical order. ferl always does, so this changes nothing.
    pub deterministic: bool,
}

impl Default for EncodeOpts {
    fn default() -> EncodeOpts {
        EncodeOpts {
            compressed: None,
            minor_version: 1,
            deterministic: false,
        }
    }
}

impl EncodeOpts {
    /// Parses the option list of `term_to_binary/2`; `None` means `badarg`.
    pub fn from_term(options: &Term) -> Option<EncodeOpts> {
        let mut opts = EncodeOpts::default();
        let mut it = options.iter_list();
        for o in &mut it {
            match o {
                Term::Atom(a) if a.name() == "compressed" => opts.compressed = Some(6),
                Term::Atom(a) if a.name() == "deterministic" => opts.deterministic = true,
                Term::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
                    (Term::Atom(k), Term::Int(n))
                        if k.name() == "compressed" && (0..=9).contains(n) =>
                    {
                        opts.compressed = Some(*n as u32)
                    }
                    (Term::Atom(k), Term::Int(n))
                        if k.name() == "minor_version" && (0..=2).contains(n) =>
                    {
                        opts.minor_version = *n as u8
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
        it.is_proper().then_some(opts)
    }
}

/// What a decoded NEW_FUN_EXT names: enough for the code server to find the lambda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalFunRef {
    /// The defining module.
    pub module: Atom,
    /// Number of arguments.
    pub arity: u8,
    /// MD5 of the module's code (zero for funs written by ferl).
    pub uniq: [u8; 16],
    /// Index in the module's lambda table.
    pub index: u32,
    /// `OldIndex` (ferl writes `index`).
    pub old_index: u32,
    /// `OldUniq` (ferl writes 0).
    pub old_uniq: u32,
    /// Number of captured values that follow.
    pub num_free: u32,
}

/// Finds the module version a decoded closure belongs to; `None` refuses it.
pub type FunResolver = dyn Fn(&LocalFunRef) -> Option<Arc<LoadedModule>> + Send + Sync;

/// Default for [`DecodeOpts::max_depth`]. Far deeper than data built on
/// purpose (serde_json stops at 128), and shallow enough that the recursive
/// walks elsewhere in the runtime stay within a 2 MiB thread stack even in
/// debug builds: measured there, dropping nested tuples overflows near
/// 8,000 levels and `Debug` printing near 2,000.
pub const DEFAULT_MAX_DEPTH: usize = 1_000;

/// Options of `binary_to_term/2`.
#[derive(Clone)]
pub struct DecodeOpts {
    /// `safe`: never create an atom; an unknown one is an error.
    pub safe: bool,
    /// `used`: the caller wants `{Term, Used}`. [`decode`] always reports the
    /// bytes used; this only records the request.
    pub used: bool,
    /// Most levels of tuples, maps, funs and list heads inside one another.
    pub max_depth: usize,
    /// Resolves closures; without it NEW_FUN_EXT is refused.
    pub resolve_fun: Option<Arc<FunResolver>>,
    /// Largest uncompressed size a compressed term may declare. OTP has no
    /// limit (the default here, `usize::MAX`), but deflate expands up to
    /// about 1,000 times, so a service decoding untrusted input may want one.
    pub max_inflated: usize,
}

impl Default for DecodeOpts {
    fn default() -> DecodeOpts {
        DecodeOpts {
            safe: false,
            used: false,
            max_depth: DEFAULT_MAX_DEPTH,
            resolve_fun: None,
            max_inflated: usize::MAX,
        }
    }
}

impl fmt::Debug for DecodeOpts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeOpts")
            .field("safe", &self.safe)
            .field("used", &self.used)
            .field("max_depth", &self.max_depth)
            .field("resolve_fun", &self.resolve_fun.is_some())
            .field("max_inflated", &self.max_inflated)
            .finish()
    }
}

impl DecodeOpts {
    /// Parses the option list of `binary_to_term/2`; `None` means `badarg`.
    pub fn from_term(options: &Term) -> Option<DecodeOpts> {
        let mut opts = DecodeOpts::default();
        let mut it = options.iter_list();
        for o in &mut it {
            match o {
                Term::Atom(a) if a.name() == "safe" => opts.safe = true,
                Term::Atom(a) if a.name() == "used" => opts.used = true,
                _ => return None,
            }
        }
        it.is_proper().then_some(opts)
    }
}

/// Why bytes are not a term (`binary_to_term` raises `badarg` for all of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The input ends inside a term.
    Truncated,
    /// The first byte is not 131.
    BadVersion,
    /// An unknown tag, or one not allowed where it stands.
    BadTag(u8),
    /// A field holds an impossible value (bit count, non-finite float,
    /// malformed atom text, duplicate map key, ...).
    BadValue,
    /// `safe` is on and the atom does not exist.
    UnsafeAtom,
    /// The atom table is full.
    AtomLimit,
    /// Nesting deeper than [`DecodeOpts::max_depth`].
    TooDeep,
    /// A pid or reference of another node.
    ForeignNode,
    /// A pid or reference that ferl's 64-bit numbers cannot hold.
    NotRepresentable,
    /// Valid OTP data ferl has no value for (ports, unresolved closures).
    Unsupported,
    /// A compressed term whose stream is corrupt or of the wrong size.
    Compression,
    /// Bytes left after the term ([`binary_to_term`] only).
    TrailingBytes,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Truncated => write!(f, "input ends inside a term"),
            DecodeError::BadVersion => write!(f, "not external term format version 131"),
            DecodeError::BadTag(t) => write!(f, "unexpected tag {t}"),
            DecodeError::BadValue => write!(f, "invalid field value"),
            DecodeError::UnsafeAtom => write!(f, "would create an atom in safe mode"),
            DecodeError::AtomLimit => write!(f, "atom table full"),
            DecodeError::TooDeep => write!(f, "term nested too deeply"),
            DecodeError::ForeignNode => write!(f, "pid or reference of another node"),
            DecodeError::NotRepresentable => write!(f, "pid or reference out of range"),
            DecodeError::Unsupported => write!(f, "term kind not supported"),
            DecodeError::Compression => write!(f, "corrupt compressed term"),
            DecodeError::TrailingBytes => write!(f, "bytes after the term"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Bits of a local pid number in the ID field (OTP's 15).
const PID_ID_BITS: u32 = 15;
/// Bits of a local reference's first word (OTP's 18).
const REF_WORD0_BITS: u32 = 18;

/// The (ID, serial) fields of NEW_PID_EXT for a ferl pid (a pid number of
/// 2^47 or more loses its top bits, far beyond any process count).
pub fn pid_fields(n: u64) -> (u32, u32) {
    let id = (n & ((1 << PID_ID_BITS) - 1)) as u32;
    (id, (n >> PID_ID_BITS) as u32)
}

/// The three ID words of NEWER_REFERENCE_EXT for a ferl reference.
pub fn ref_words(n: u64) -> [u32; 3] {
    [
        (n & ((1 << REF_WORD0_BITS) - 1)) as u32,
        (n >> REF_WORD0_BITS) as u32,
        (n >> (REF_WORD0_BITS + 32)) as u32,
    ]
}

fn local_node() -> Atom {
    atom::NONODE
}

/// Builders for the test tables of this module and of `hash.rs`, whose rows
/// are generated from `erl` terms.
#[cfg(test)]
pub(crate) mod testing {
    use crate::term::{Atom, Bitstring, Fun, FunKind, MapData, Pid, Term};
    use std::sync::Arc;

    pub(crate) fn atom(name: &str) -> Term {
        Term::Atom(Atom::intern(name).unwrap())
    }

    pub(crate) fn big(digits: &str) -> Term {
        Term::from_bigint(digits.parse().unwrap())
    }

    pub(crate) fn map(pairs: Vec<(Term, Term)>) -> Term {
        Term::Map(Arc::new(MapData::from_pairs(pairs)))
    }

    pub(crate) fn bits(bytes: &[u8], bit_len: usize) -> Term {
        Term::Binary(Arc::new(Bitstring::from_bits(bytes.to_vec(), bit_len)))
    }

    pub(crate) fn pid(n: u64) -> Term {
        Term::Pid(Pid(n))
    }

    pub(crate) fn export(module: &str, function: &str, arity: u32) -> Term {
        Term::Fun(Arc::new(Fun {
            module: Atom::intern(module).unwrap(),
            kind: FunKind::External {
                function: Atom::intern(function).unwrap(),
                arity,
            },
        }))
    }
}
