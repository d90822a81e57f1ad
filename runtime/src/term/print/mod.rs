//! Terms as text, exactly as OTP 25 prints them (OTP `io_lib.erl`,
//! `io_lib_pretty.erl`, `io_lib_format.erl`'s float output).
//!
//! - [`write_term`] / [`write_term_depth`]: `~w` / `~W`, `io_lib:write/1,2`;
//!   one line, no line breaks, lists always as lists.
//! - [`pretty_term`]: `~p` / `~P` (io_lib_pretty), with line breaking,
//!   strings detected, binaries as `<<"text">>`.
//! - [`float`]: the float layouts of `~p`, `float_to_list/1,2`
//!   ([`float_to_text`]), `~e ~f ~g`.
//! - [`write_atom`], [`write_string`], [`write_escaped_char`]: quoting and
//!   escaping shared by all of them.
//!
//! Output is a Rust `String`: every character an Erlang formatter can emit
//! here is a Unicode scalar value (escapes replace anything else). Terms
//! nested deeper than a few hundred levels are printed on a helper thread
//! with a stack sized for them (see `deep.rs`).
//!
//! Not reproduced: maps of more than 32 keys print in [`MapData`] order
//! (OTP prints them in its hash-trie order), and funs, pids and references
//! print in ferl's own numbering.
//!
//! [`MapData`]: crate::term::MapData

mod deep;
pub mod float;
pub mod pretty;

pub(crate) use deep::on_big_stack;
#[cfg(test)]
pub(crate) mod testing;

pub use float::{
    float_to_list_decimals, float_to_list_default, float_to_list_scientific, float_to_shortest,
    float_to_text, FloatFormat,
};
pub use pretty::{pretty_term, PrettyOpts};

use super::{Atom, Bitstring, Fun, FunKind, Term};
use std::fmt::Write;

/// `~w`, `io_lib:write/1`: the term on one line, atoms quoted where needed,
/// non-Latin-1 characters in atoms escaped as `\x{...}`.
pub fn write_term(out: &mut String, t: &Term) {
    write_term_depth(out, t, -1, false);
}

/// `~W` / `~tw`: like [`write_term`], cutting the term at `depth` (`-1` or
/// any negative number: no limit) with `...`, as `io_lib:write/2`. With
/// `unicode`, atoms keep their non-Latin-1 characters.
pub fn write_term_depth(out: &mut String, t: &Term, depth: i64, unicode: bool) {
    deep::on_big_stack(t, || write_rec(out, t, depth, unicode));
}

/// [`write_term_depth`] without the stack check: the recursion itself.
fn write_rec(out: &mut String, t: &Term, depth: i64, unicode: bool) {
    if depth == 0 {
        out.push_str("...");
        return;
    }
    match t {
        Term::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Term::Big(b) => {
            let _ = write!(out, "{b}");
        }
        Term::Float(f) => out.push_str(&float_to_shortest(*f)),
        Term::Atom(a) => write_atom(out, *a, unicode),
        Term::Nil => out.push_str("[]"),
        Term::Cons(_) => write_list(out, t, depth, unicode),
        Term::Tuple(tu) => {
            if depth == 1 && !tu.is_empty() {
                out.push_str("{...}");
                return;
            }
            out.push('{');
            write_seq(out, tu.elems(), depth, unicode);
            out.push('}');
        }
        Term::Map(m) => {
            out.push_str("#{");
            // io_lib:write's quirk: with depth D, D - 1 pairs, and `,...`
            // once D - 1 pairs are reached even if no more follow.
            if depth != 1 {
                let shown = if depth < 0 {
                    usize::MAX
                } else {
                    (depth - 1) as usize
                };
                let sub = if depth < 0 { -1 } else { depth - 1 };
                for (i, (k, v)) in m.iter().take(shown).enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_rec(out, k, sub, unicode);
                    out.push_str(" => ");
                    write_rec(out, v, sub, unicode);
                }
                if m.len() >= shown {
                    out.push_str(",...");
                }
            }
            out.push('}');
        }
        Term::Binary(b) => write_bits(out, b, depth),
        Term::Fun(f) => write_fun(out, f, unicode),
        Term::Pid(p) => {
            let _ = write!(out, "<0.{}.0>", p.0);
        }
        Term::Ref(r) => {
            let _ = write!(out, "#Ref<0.0.{}.{}>", r.0 >> 32, r.0 & 0xFFFF_FFFF);
        }
    }
}

/// Tuple elements, comma-separated, the `n`th cut to `...` by depth.
fn write_seq(out: &mut String, elems: &[Term], depth: i64, unicode: bool) {
    let mut d = depth;
    for (i, e) in elems.iter().enumerate() {
        if i > 0 {
            out.push(',');
            if d == 1 {
                out.push_str("...");
                return;
            }
        }
        d = if d < 0 { -1 } else { d - 1 };
        write_rec(out, e, d, unicode);
    }
}

fn write_list(out: &mut String, t: &Term, depth: i64, unicode: bool) {
    if depth == 1 {
        out.push_str("[...]");
        return;
    }
    out.push('[');
    let mut d = depth;
    let mut cur = t;
    let mut first = true;
    loop {
        match cur {
            Term::Cons(c) => {
                if !first {
                    if d == 1 {
                        out.push_str("|...");
                        break;
                    }
                    out.push(',');
                }
                d = if d < 0 { -1 } else { d - 1 };
                write_rec(out, &c.head, d, unicode);
                first = false;
                cur = &c.tail;
            }
            Term::Nil => break,
            other => {
                out.push('|');
                if d == 1 {
                    out.push_str("...");
                } else {
                    write_rec(out, other, if d < 0 { -1 } else { d - 1 }, unicode);
                }
                break;
            }
        }
    }
    out.push(']');
}

/// `<<1,2,3>>`, `<<1,2:3>>`: bytes as integers, a trailing partial byte as
/// `Value:Bits`; with a depth, `depth - 1` segments then `...`.
pub(crate) fn write_bits(out: &mut String, b: &Bitstring, depth: i64) {
    if depth == 1 && b.bit_len() > 0 {
        out.push_str("<<...>>");
        return;
    }
    out.push_str("<<");
    let shown = if depth < 0 {
        usize::MAX
    } else {
        (depth - 1) as usize
    };
    let whole = b.byte_len();
    let rest = b.bit_len() % 8;
    let segments = whole + usize::from(rest > 0);
    for i in 0..segments {
        if i > 0 {
            out.push(',');
        }
        if i == shown {
            out.push_str("...");
            break;
        }
        if i < whole {
            let _ = write!(out, "{}", b.read_bits(i * 8, 8));
        } else {
            let _ = write!(out, "{}:{rest}", b.read_bits(i * 8, rest));
        }
    }
    out.push_str(">>");
}

fn write_fun(out: &mut String, f: &Fun, unicode: bool) {
    match &f.kind {
        FunKind::External { function, arity } => {
            out.push_str("fun ");
            write_atom(out, f.module, unicode);
            out.push(':');
            write_atom(out, *function, unicode);
            let _ = write!(out, "/{arity}");
        }
        FunKind::Local { index, .. } => {
            out.push_str("#Fun<");
            write_atom(out, f.module, unicode);
            let _ = write!(out, ".{index}.{}>", fun_uniq(f.module.name()));
        }
    }
}

/// The third field of `#Fun<m.I.U>`: OTP prints a hash of the module's
/// code; ferl a stable 27-bit hash of the module name (FNV-1a).
fn fun_uniq(module: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in module.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h & 0x07FF_FFFF
}

/// Words that `erl_scan` reads as keywords in OTP 25, so atoms spelled like
/// them print quoted (`maybe` and `else` only become keywords with the
/// `maybe_expr` feature, off by default in 25).
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

fn is_latin1_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{DF}'..='\u{FF}').contains(&c) && c != '\u{F7}')
}

fn is_latin1_name_char(c: char) -> bool {
    is_latin1_lower(c)
        || c.is_ascii_uppercase()
        || c.is_ascii_digit()
        || c == '_'
        || c == '@'
        || (('\u{C0}'..='\u{DE}').contains(&c) && c != '\u{D7}')
}

/// True if the atom must be written in single quotes to read back
/// (`'hello world'`, `'A'`, `'[]'`, `'receive'`, `''`).
pub fn atom_needs_quotes(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        None => true,
        Some(c) if !is_latin1_lower(c) => true,
        Some(_) => !chars.all(is_latin1_name_char) || RESERVED.contains(&name),
    }
}

/// Writes an atom as `io_lib:write_atom/1` (`unicode`: as with `~tw`/`~tp`,
/// characters above 255 kept rather than escaped).
pub fn write_atom(out: &mut String, a: Atom, unicode: bool) {
    write_atom_name(out, a.name(), unicode);
}

/// [`write_atom`] for a name.
pub fn write_atom_name(out: &mut String, name: &str, unicode: bool) {
    if atom_needs_quotes(name) {
        out.push('\'');
        for c in name.chars() {
            write_escaped_char(out, c as u32, '\'', unicode);
        }
        out.push('\'');
    } else {
        out.push_str(name);
    }
}

/// Writes one character of a quoted atom or string (`quote` is `'` or `"`),
/// escaped as `io_lib:write_string/2` does: `\n \t \e \d ...` by name, other
/// controls and 128-159 in three octal digits, above 255 as `\x{HEX}`
/// unless `unicode`.
pub fn write_escaped_char(out: &mut String, c: u32, quote: char, unicode: bool) {
    let named = match c {
        8 => Some('b'),
        9 => Some('t'),
        10 => Some('n'),
        11 => Some('v'),
        12 => Some('f'),
        13 => Some('r'),
        27 => Some('e'),
        127 => Some('d'),
        92 => Some('\\'),
        _ if c == quote as u32 => Some(quote),
        _ => None,
    };
    if let Some(n) = named {
        out.push('\\');
        out.push(n);
    } else if c < 32 || (128..160).contains(&c) {
        let _ = write!(out, "\\{c:03o}");
    } else if c > 255 && !unicode {
        let _ = write!(out, "\\x{{{c:X}}}");
    } else {
        match char::from_u32(c) {
            Some(ch) => out.push(ch),
            None => {
                let _ = write!(out, "\\x{{{c:X}}}");
            }
        }
    }
}

/// `io_lib:write_string/1` (`unicode`) or `io_lib:write_string_as_latin1/1`:
/// the characters in double quotes, escaped as in quoted atoms; without
/// `unicode`, characters above 255 become `\x{HEX}`.
pub fn write_string(out: &mut String, chars: &[u32], unicode: bool) {
    out.push('"');
    for &c in chars {
        write_escaped_char(out, c, '"', unicode);
    }
    out.push('"');
}

/// A term as `~w` writes it, as a new string.
pub fn term_to_string(t: &Term) -> String {
    let mut s = String::new();
    write_term(&mut s, t);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::MapData;
    use std::sync::Arc;

    fn a(s: &str) -> Term {
        Term::Atom(Atom::intern(s).unwrap())
    }

    fn w(t: &Term) -> String {
        term_to_string(t)
    }

    fn wd(t: &Term, d: i64) -> String {
        let mut s = String::new();
        write_term_depth(&mut s, t, d, false);
        s
    }

    fn ints(v: &[i64]) -> Term {
        Term::list(v.iter().map(|i| Term::Int(*i)).collect())
    }

    #[test]
    fn atoms_quote_as_otp() {
        let cases: &[(&str, &str)] = &[
            ("hello world", "'hello world'"),
            ("A", "'A'"),
            ("[]", "'[]'"),
            ("receive", "'receive'"),
            ("a.b", "'a.b'"),
            ("a@b", "a@b"),
            ("a_B9", "a_B9"),
            ("", "''"),
            ("é", "é"),
            ("ok", "ok"),
            ("end", "'end'"),
            ("and", "'and'"),
            ("div", "'div'"),
            ("maybe", "maybe"),
            ("else", "else"),
            ("catch", "'catch'"),
            ("a\nb", "'a\\nb'"),
            ("it's", "'it\\'s'"),
            ("a\\b", "'a\\\\b'"),
            ("\t", "'\\t'"),
            ("b\x1b", "'b\\e'"),
            ("x\x7f", "'x\\d'"),
            ("\u{80}", "'\\200'"),
            ("\u{9f}", "'\\237'"),
            ("Ω", "'\\x{3A9}'"),
            ("_x", "'_x'"),
            ("9a", "'9a'"),
            ("aé", "aé"),
            ("ß", "ß"),
            ("ÿ", "ÿ"),
            ("×", "'×'"),
            ("÷", "'÷'"),
            ("aÀ", "aÀ"),
            ("a×", "'a×'"),
            ("a-b", "'a-b'"),
            ("\0", "'\\000'"),
            ("\x01", "'\\001'"),
            ("\x1a", "'\\032'"),
            ("a\"b", "'a\"b'"),
            ("\u{a0}", "'\u{a0}'"),
        ];
        for (name, want) in cases {
            assert_eq!(w(&a(name)), *want, "{name:?}");
        }
        let mut s = String::new();
        write_atom_name(&mut s, "aΩ", true);
        assert_eq!(s, "'aΩ'");
    }

    #[test]
    fn strings_escape_as_otp() {
        let mut s = String::new();
        write_string(&mut s, &[97, 10, 34, 39, 92, 7, 233, 937], false);
        assert_eq!(s, "\"a\\n\\\"'\\\\\\007é\\x{3A9}\"");
        let mut u = String::new();
        write_string(&mut u, &[937], true);
        assert_eq!(u, "\"Ω\"");
    }

    #[test]
    fn write_matches_otp() {
        let map = Term::Map(Arc::new(MapData::from_pairs(vec![
            (a("b"), Term::list(vec![a("x")])),
            (a("a"), Term::Int(1)),
        ])));
        let nested = Term::Map(Arc::new(MapData::from_pairs(vec![(
            Term::tuple(vec![a("a")]),
            Term::Map(Arc::new(MapData::new())),
        )])));
        let big: num_bigint::BigInt = "-123456789012345678901234567890".parse().unwrap();
        let cases: Vec<(Term, &str)> = vec![
            (
                Term::list_with_tail(vec![Term::Int(1)], Term::Int(2)),
                "[1|2]",
            ),
            (
                Term::list_with_tail(vec![Term::Int(1), Term::Int(2)], Term::Int(3)),
                "[1,2|3]",
            ),
            (Term::tuple(vec![]), "{}"),
            (
                Term::tuple(vec![a("a"), Term::Nil, Term::tuple(vec![])]),
                "{a,[],{}}",
            ),
            (Term::Map(Arc::new(MapData::new())), "#{}"),
            (map, "#{a => 1,b => [x]}"),
            (nested, "#{{a} => #{}}"),
            (Term::binary(&[]), "<<>>"),
            (Term::binary(&[1, 2, 3]), "<<1,2,3>>"),
            (Term::binary(b"abc"), "<<97,98,99>>"),
            (
                Term::Binary(Arc::new(Bitstring::from_bits(vec![1, 2 << 5], 11))),
                "<<1,2:3>>",
            ),
            (
                Term::Binary(Arc::new(Bitstring::from_bits(vec![0x80], 1))),
                "<<1:1>>",
            ),
            (Term::string("abc"), "[97,98,99]"),
            (Term::Int(-5), "-5"),
            (Term::from_bigint(big), "-123456789012345678901234567890"),
            (
                Term::list(vec![Term::Float(-1.5), Term::Float(-0.0)]),
                "[-1.5,-0.0]",
            ),
            (Term::Pid(crate::term::Pid(9)), "<0.9.0>"),
        ];
        for (t, want) in cases {
            assert_eq!(w(&t), want);
        }
    }

    #[test]
    fn write_depth_matches_otp() {
        let t5 = Term::tuple((1..=5).map(Term::Int).collect());
        let l5 = ints(&[1, 2, 3, 4, 5]);
        let nested = Term::list(vec![ints(&[1, 2, 3]), ints(&[4, 5, 6])]);
        let improper = Term::list_with_tail(vec![Term::Int(1)], Term::Int(2));
        let m3 = Term::Map(Arc::new(MapData::from_pairs(vec![
            (a("a"), Term::Int(1)),
            (a("b"), Term::Int(2)),
            (a("c"), Term::Int(3)),
        ])));
        let m3t = Term::Map(Arc::new(MapData::from_pairs(vec![
            (
                a("a"),
                Term::tuple(vec![Term::Int(1), Term::Int(2), Term::Int(3)]),
            ),
            (a("b"), Term::Int(2)),
            (a("c"), Term::Int(3)),
        ])));
        let m1 = Term::Map(Arc::new(MapData::from_pairs(vec![(a("a"), Term::Int(1))])));
        let b5 = Term::binary(&[1, 2, 3, 4, 5]);
        let b5bits = Term::Binary(Arc::new(Bitstring::from_bits(vec![1, 2, 3, 4, 5 << 5], 35)));
        let deep = Term::tuple(vec![
            a("a"),
            Term::tuple(vec![
                a("b"),
                Term::tuple(vec![a("c"), Term::tuple(vec![a("d")])]),
            ]),
        ]);
        let cases: Vec<(Term, i64, &str)> = vec![
            (t5, 3, "{1,2,...}"),
            (l5.clone(), 3, "[1,2|...]"),
            (nested, 3, "[[1|...],[...]]"),
            (ints(&[1, 2, 3]), 1, "[...]"),
            (Term::tuple(vec![Term::Int(1), Term::Int(2)]), 1, "{...}"),
            (improper.clone(), 2, "[1|...]"),
            (improper, 3, "[1|2]"),
            (m3.clone(), 2, "#{a => 1,...}"),
            (m3, 3, "#{a => 1,b => 2,...}"),
            (m3t, 3, "#{a => {1,...},b => 2,...}"),
            (m1.clone(), 1, "#{}"),
            (m1.clone(), 2, "#{a => 1,...}"),
            (m1, 3, "#{a => 1}"),
            (b5.clone(), 3, "<<1,2,...>>"),
            (b5, 1, "<<...>>"),
            (b5bits.clone(), 5, "<<1,2,3,4,...>>"),
            (b5bits.clone(), 6, "<<1,2,3,4,5:3>>"),
            (b5bits, 4, "<<1,2,3,...>>"),
            (Term::binary(b"abcdef"), 3, "<<97,98,...>>"),
            (Term::Nil, 1, "[]"),
            (Term::tuple(vec![]), 1, "{}"),
            (a("abc"), 0, "..."),
            (a("abc"), -1, "abc"),
            (l5, -3, "[1,2,3,4,5]"),
            (deep, 3, "{a,{...}}"),
        ];
        for (t, d, want) in cases {
            assert_eq!(wd(&t, d), want);
        }
    }
}
