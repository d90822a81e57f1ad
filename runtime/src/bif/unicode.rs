//! The `unicode` conversions (OTP `erl_unicode.c`): chardata in latin1 or
//! UTF-8/16/32 to lists and binaries. Normalization forms are not
//! implemented yet (their names are not in the table, so calls raise `undef`).

use super::args::badarg_in;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};

type P = Process;

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Latin1,
    Utf8,
    Utf16(bool),
    Utf32(bool),
}

fn encoding(t: &Term) -> Option<Enc> {
    match t {
        Term::Atom(a) => match a.name() {
            "latin1" => Some(Enc::Latin1),
            "unicode" | "utf8" => Some(Enc::Utf8),
            "utf16" => Some(Enc::Utf16(false)),
            "utf32" => Some(Enc::Utf32(false)),
            _ => None,
        },
        Term::Tuple(x) if x.len() == 2 => {
            let little = match x[1].as_atom()?.name() {
                "little" => true,
                "big" => false,
                _ => return None,
            };
            match x[0].as_atom()?.name() {
                "utf16" => Some(Enc::Utf16(little)),
                "utf32" => Some(Enc::Utf32(little)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Decodes bytes in `enc`; on invalid input returns what was decoded and the rest.
fn decode(b: &[u8], enc: Enc) -> (Vec<u32>, usize) {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (c, n) = match enc {
            Enc::Latin1 => (b[i] as u32, 1),
            Enc::Utf8 => {
                let len = match b[i] {
                    0..=0x7F => 1,
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => return (out, i),
                };
                if i + len > b.len() {
                    return (out, i);
                }
                match std::str::from_utf8(&b[i..i + len]) {
                    Ok(s) => (s.chars().next().unwrap() as u32, len),
                    Err(_) => return (out, i),
                }
            }
            Enc::Utf16(little) => {
                if i + 2 > b.len() {
                    return (out, i);
                }
                let w = |j: usize| {
                    if little {
                        u16::from_le_bytes([b[j], b[j + 1]])
                    } else {
                        u16::from_be_bytes([b[j], b[j + 1]])
                    }
                };
                let w1 = w(i) as u32;
                if (0xD800..0xDC00).contains(&w1) {
                    if i + 4 > b.len() {
                        return (out, i);
                    }
                    let w2 = w(i + 2) as u32;
                    (0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00), 4)
                } else {
                    (w1, 2)
                }
            }
            Enc::Utf32(little) => {
                if i + 4 > b.len() {
                    return (out, i);
                }
                let a = [b[i], b[i + 1], b[i + 2], b[i + 3]];
                (
                    if little {
                        u32::from_le_bytes(a)
                    } else {
                        u32::from_be_bytes(a)
                    },
                    4,
                )
            }
        };
        out.push(c);
        i += n;
    }
    (out, i)
}

/// Why a conversion stopped: the characters converted so far, what is
/// left, and whether the input ended in the middle of a character.
struct Stop {
    done: Vec<u32>,
    rest: Term,
    incomplete: bool,
    /// A term that is not chardata at all (OTP raises badarg for it).
    not_chardata: bool,
}

/// The characters of chardata whose binaries are in `enc`.
fn chars(t: &Term, enc: Enc) -> Result<Vec<u32>, Stop> {
    let mut out = Vec::new();
    let mut stack = vec![t.clone()];
    while let Some(cur) = stack.pop() {
        let failed = match &cur {
            Term::Binary(b) => match b.as_bytes() {
                Some(bytes) => {
                    let (cs, used) = decode(bytes, enc);
                    out.extend(cs);
                    (used != bytes.len()).then(|| {
                        let rest = Term::binary(&bytes[used..]);
                        let incomplete = stack.is_empty() && truncated(&bytes[used..], enc);
                        (rest, incomplete)
                    })
                }
                None => Some((cur.clone(), false)),
            },
            Term::Int(c) if (0..=0x10FFFF).contains(c) && !(0xD800..=0xDFFF).contains(c) => {
                out.push(*c as u32);
                None
            }
            Term::Int(_) => Some((cur.clone(), false)),
            Term::Nil => None,
            Term::Cons(_) => {
                let mut items = Vec::new();
                let mut it = cur.iter_list();
                for x in &mut it {
                    items.push(x.clone());
                }
                if !it.is_proper() {
                    items.push(it.tail().clone());
                }
                stack.extend(items.into_iter().rev());
                None
            }
            other => {
                return Err(Stop {
                    done: out,
                    rest: other.clone(),
                    incomplete: false,
                    not_chardata: true,
                })
            }
        };
        if let Some((first, incomplete)) = failed {
            let mut rest: Vec<Term> = vec![first];
            rest.extend(stack.into_iter().rev());
            let rest = if rest.len() == 1 && matches!(rest[0], Term::Binary(_)) {
                rest.pop().unwrap()
            } else {
                Term::list(rest)
            };
            return Err(Stop {
                done: out,
                rest,
                incomplete,
                not_chardata: false,
            });
        }
    }
    Ok(out)
}

/// True if `b` is the start of a valid but unfinished character.
fn truncated(b: &[u8], enc: Enc) -> bool {
    match enc {
        Enc::Utf8 => {
            let need = match b.first() {
                Some(0xC2..=0xDF) => 2,
                Some(0xE0..=0xEF) => 3,
                Some(0xF0..=0xF4) => 4,
                _ => return false,
            };
            b.len() < need && b[1..].iter().all(|&x| x & 0xC0 == 0x80)
        }
        Enc::Utf16(_) => b.len() < 4,
        Enc::Utf32(_) => b.len() < 4,
        Enc::Latin1 => false,
    }
}

fn encode(cs: &[u32], enc: Enc) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for &c in cs {
        match enc {
            Enc::Latin1 => out.push(u8::try_from(c).ok()?),
            Enc::Utf8 => {
                let ch = char::from_u32(c)?;
                let mut buf = [0; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            Enc::Utf16(little) => {
                let ch = char::from_u32(c)?;
                let mut buf = [0u16; 2];
                for u in ch.encode_utf16(&mut buf) {
                    out.extend_from_slice(&if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    });
                }
            }
            Enc::Utf32(little) => out.extend_from_slice(&if little {
                c.to_le_bytes()
            } else {
                c.to_be_bytes()
            }),
        }
    }
    Some(out)
}

fn stop_result(stop: Stop, done: Term) -> Term {
    let tag = if stop.incomplete {
        Term::atom_str("incomplete")
    } else {
        Term::Atom(atom::ERROR)
    };
    Term::tuple(vec![tag, done, stop.rest])
}

fn char_list(cs: Vec<u32>) -> Term {
    Term::list(cs.into_iter().map(|c| Term::Int(c as i64)).collect())
}

fn to_binary(a: &[Term], inenc: Enc, outenc: Enc) -> BifResult {
    let encode_all = |cs: &[u32]| -> Result<Vec<u8>, usize> {
        let mut out = Vec::new();
        for (i, &c) in cs.iter().enumerate() {
            match encode(&[c], outenc) {
                Some(b) => out.extend(b),
                None => return Err(i),
            }
        }
        Ok(out)
    };
    match chars(&a[0], inenc) {
        Ok(cs) => match encode_all(&cs) {
            Ok(b) => Ok(Term::binary(&b)),
            Err(i) => {
                let done = encode(&cs[..i], outenc).unwrap_or_default();
                Ok(Term::tuple(vec![
                    Term::Atom(atom::ERROR),
                    Term::binary(&done),
                    char_list(cs[i..].to_vec()),
                ]))
            }
        },
        Err(stop) => {
            let done = encode(&stop.done, outenc).unwrap_or_default();
            Ok(stop_result(stop, Term::binary(&done)))
        }
    }
}

pub(crate) fn characters_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    to_binary(a, Enc::Utf8, Enc::Utf8)
}

pub(crate) fn characters_to_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    let e = encoding(&a[1]).ok_or_else(|| badarg_in("unicode", "characters_to_binary", a))?;
    to_binary(a, e, Enc::Utf8)
}

pub(crate) fn characters_to_binary_3(_: &mut P, a: &[Term]) -> BifResult {
    let (Some(i), Some(o)) = (encoding(&a[1]), encoding(&a[2])) else {
        return Err(badarg_in("unicode", "characters_to_binary", a));
    };
    to_binary(a, i, o)
}

pub(crate) fn characters_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(match chars(&a[0], Enc::Utf8) {
        Ok(cs) => char_list(cs),
        Err(stop) if stop.not_chardata => {
            return Err(badarg_in("unicode", "characters_to_list", a))
        }
        Err(stop) => {
            let done = char_list(stop.done.clone());
            stop_result(stop, done)
        }
    })
}

pub(crate) fn characters_to_list_2(_: &mut P, a: &[Term]) -> BifResult {
    let e = encoding(&a[1]).ok_or_else(|| badarg_in("unicode", "characters_to_list", a))?;
    Ok(match chars(&a[0], e) {
        Ok(cs) => char_list(cs),
        Err(stop) => {
            let done = char_list(stop.done.clone());
            stop_result(stop, done)
        }
    })
}

pub(crate) fn bom_to_encoding_1(_: &mut P, a: &[Term]) -> BifResult {
    let Term::Binary(b) = &a[0] else {
        return Err(badarg_in("unicode", "bom_to_encoding", a));
    };
    let bytes = b.to_bytes();
    let pair = |e: Term, n: i64| Ok(Term::tuple(vec![e, Term::Int(n)]));
    let t = |x: &str, y: &str| Term::tuple(vec![Term::atom_str(x), Term::atom_str(y)]);
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => pair(Term::atom_str("utf8"), 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => pair(t("utf32", "big"), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => pair(t("utf32", "little"), 4),
        [0xFE, 0xFF, ..] => pair(t("utf16", "big"), 2),
        [0xFF, 0xFE, ..] => pair(t("utf16", "little"), 2),
        _ => pair(Term::atom_str("latin1"), 0),
    }
}

/// A Unicode normalization form.
#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

fn normalize(cs: &[u32], form: Form) -> Vec<u32> {
    use unicode_normalization::UnicodeNormalization;
    // Checked by `chars`: every code point is a scalar value.
    let it = cs.iter().filter_map(|&c| char::from_u32(c));
    match form {
        Form::Nfc => it.nfc().map(|c| c as u32).collect(),
        Form::Nfd => it.nfd().map(|c| c as u32).collect(),
        Form::Nfkc => it.nfkc().map(|c| c as u32).collect(),
        Form::Nfkd => it.nfkd().map(|c| c as u32).collect(),
    }
}

/// `unicode:characters_to_nf*_list/1` and `_binary/1`: the normalized
/// characters, `{error, Normalized, Rest}` where the input stops being
/// UTF-8, badarg for what is not chardata.
fn to_normal(a: &[Term], form: Form, binary: bool, name: &str) -> BifResult {
    let out = |cs: Vec<u32>| -> Term {
        if binary {
            Term::binary(&encode(&cs, Enc::Utf8).unwrap_or_default())
        } else {
            char_list(cs)
        }
    };
    match chars(&a[0], Enc::Utf8) {
        Ok(cs) => Ok(out(normalize(&cs, form))),
        Err(stop) if stop.not_chardata || matches!(stop.rest, Term::Cons(_) if binary) => {
            Err(badarg_in("unicode", name, a))
        }
        Err(stop) => Ok(Term::tuple(vec![
            Term::Atom(atom::ERROR),
            out(normalize(&stop.done, form)),
            stop.rest,
        ])),
    }
}

macro_rules! normal_forms {
    ($($list:ident $bin:ident $form:expr, $lname:literal, $bname:literal;)*) => {
        $(
            #[doc = concat!("`unicode:", $lname, "/1`.")]
            pub(crate) fn $list(_: &mut P, a: &[Term]) -> BifResult {
                to_normal(a, $form, false, $lname)
            }
            #[doc = concat!("`unicode:", $bname, "/1`.")]
            pub(crate) fn $bin(_: &mut P, a: &[Term]) -> BifResult {
                to_normal(a, $form, true, $bname)
            }
        )*
    };
}

normal_forms! {
    characters_to_nfc_list_1 characters_to_nfc_binary_1 Form::Nfc, "characters_to_nfc_list", "characters_to_nfc_binary";
    characters_to_nfd_list_1 characters_to_nfd_binary_1 Form::Nfd, "characters_to_nfd_list", "characters_to_nfd_binary";
    characters_to_nfkc_list_1 characters_to_nfkc_binary_1 Form::Nfkc, "characters_to_nfkc_list", "characters_to_nfkc_binary";
    characters_to_nfkd_list_1 characters_to_nfkd_binary_1 Form::Nfkd, "characters_to_nfkd_list", "characters_to_nfkd_binary";
}

/// `unicode:encoding_to_bom(Encoding)`.
pub(crate) fn encoding_to_bom_1(_: &mut P, a: &[Term]) -> BifResult {
    let bom: &[u8] = match encoding(&a[0]) {
        Some(Enc::Latin1) => &[],
        Some(Enc::Utf8) => &[0xEF, 0xBB, 0xBF],
        // The flag is "little endian".
        Some(Enc::Utf16(false)) => &[0xFE, 0xFF],
        Some(Enc::Utf16(true)) => &[0xFF, 0xFE],
        Some(Enc::Utf32(false)) => &[0, 0, 0xFE, 0xFF],
        Some(Enc::Utf32(true)) => &[0xFF, 0xFE, 0, 0],
        None => return Err(badarg_in("unicode", "encoding_to_bom", a)),
    };
    Ok(Term::binary(bom))
}
