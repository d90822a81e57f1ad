//! The `binary` module (OTP `erl_bif_binary.c`): searching, splitting and
//! slicing byte binaries.

use super::args::{badarg_in, int, list};
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};
use num_bigint::{BigInt, Sign};
use std::sync::Arc;

type P = Process;

fn bytes(t: &Term) -> Option<&[u8]> {
    match t {
        Term::Binary(b) => b.as_bytes(),
        _ => None,
    }
}

fn sub(t: &Term, start: usize, len: usize) -> Term {
    match t {
        Term::Binary(b) => Term::Binary(Arc::new(b.sub(start * 8, len * 8))),
        _ => unreachable!("sub of a non-binary"),
    }
}

fn bad(f: &str, a: &[Term]) -> crate::interp::BifError {
    badarg_in("binary", f, a)
}

pub(crate) fn part_3(_: &mut P, a: &[Term]) -> BifResult {
    let b = bytes(&a[0]).ok_or_else(|| bad("part", a))?;
    let (Some(s), Some(l)) = (int(&a[1]), int(&a[2])) else {
        return Err(bad("part", a));
    };
    let (s, l) = if l < 0 { (s + l, -l) } else { (s, l) };
    if s < 0 || (s + l) as usize > b.len() {
        return Err(bad("part", a));
    }
    Ok(sub(&a[0], s as usize, l as usize))
}

pub(crate) fn part_2(p: &mut P, a: &[Term]) -> BifResult {
    match a[1].as_tuple() {
        Some(t) if t.len() == 2 => {
            part_3(p, &[a[0].clone(), t[0].clone(), t[1].clone()]).map_err(|_| bad("part", a))
        }
        _ => Err(bad("part", a)),
    }
}

pub(crate) fn copy_1(_: &mut P, a: &[Term]) -> BifResult {
    bytes(&a[0]).map(Term::binary).ok_or_else(|| bad("copy", a))
}

pub(crate) fn copy_2(_: &mut P, a: &[Term]) -> BifResult {
    match (bytes(&a[0]), int(&a[1])) {
        (Some(b), Some(n)) if n >= 0 => Ok(Term::binary(&b.repeat(n as usize))),
        _ => Err(bad("copy", a)),
    }
}

pub(crate) fn first_1(_: &mut P, a: &[Term]) -> BifResult {
    match bytes(&a[0]) {
        Some([x, ..]) => Ok(Term::Int(*x as i64)),
        _ => Err(bad("first", a)),
    }
}

pub(crate) fn last_1(_: &mut P, a: &[Term]) -> BifResult {
    match bytes(&a[0]) {
        Some([.., x]) => Ok(Term::Int(*x as i64)),
        _ => Err(bad("last", a)),
    }
}

pub(crate) fn at_2(_: &mut P, a: &[Term]) -> BifResult {
    match (bytes(&a[0]), int(&a[1])) {
        (Some(b), Some(i)) if i >= 0 && (i as usize) < b.len() => {
            Ok(Term::Int(b[i as usize] as i64))
        }
        _ => Err(bad("at", a)),
    }
}

pub(crate) fn bin_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    bytes(&a[0])
        .map(|b| Term::list(b.iter().map(|&x| Term::Int(x as i64)).collect()))
        .ok_or_else(|| bad("bin_to_list", a))
}

pub(crate) fn list_to_bin_1(_: &mut P, a: &[Term]) -> BifResult {
    super::erlang::iolist_bytes(&a[0])
        .map(|b| Term::binary(&b))
        .ok_or_else(|| bad("list_to_bin", a))
}

fn endian_little(t: &Term, f: &str, a: &[Term]) -> Result<bool, crate::interp::BifError> {
    match t.as_atom().map(|x| x.name()) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        _ => Err(bad(f, a)),
    }
}

pub(crate) fn decode_unsigned_1(p: &mut P, a: &[Term]) -> BifResult {
    decode_unsigned_2(p, &[a[0].clone(), Term::atom_str("big")])
}

pub(crate) fn decode_unsigned_2(_: &mut P, a: &[Term]) -> BifResult {
    let b = bytes(&a[0]).ok_or_else(|| bad("decode_unsigned", a))?;
    let v = if endian_little(&a[1], "decode_unsigned", a)? {
        BigInt::from_bytes_le(Sign::Plus, b)
    } else {
        BigInt::from_bytes_be(Sign::Plus, b)
    };
    Ok(Term::from_bigint(v))
}

pub(crate) fn encode_unsigned_1(p: &mut P, a: &[Term]) -> BifResult {
    encode_unsigned_2(p, &[a[0].clone(), Term::atom_str("big")])
}

pub(crate) fn encode_unsigned_2(_: &mut P, a: &[Term]) -> BifResult {
    let v = crate::term::number::to_bigint(&a[0])
        .filter(|v| v.sign() != Sign::Minus)
        .ok_or_else(|| bad("encode_unsigned", a))?;
    let little = endian_little(&a[1], "encode_unsigned", a)?;
    let (_, mut b) = if little {
        v.to_bytes_le()
    } else {
        v.to_bytes_be()
    };
    if b.is_empty() {
        b.push(0);
    }
    Ok(Term::binary(&b))
}

/// The search patterns of `match`/`split`/`replace`: one binary or a list of them.
fn patterns(t: &Term) -> Option<Vec<Vec<u8>>> {
    // A pattern from compile_pattern/1: `{ac, Patterns}`.
    if let Some(tu) = t.as_tuple() {
        return match tu.elems() {
            [Term::Atom(tag), pats] if tag.name() == "ac" => patterns(pats),
            _ => None,
        };
    }
    let v: Vec<Vec<u8>> = match t {
        Term::Binary(_) => vec![bytes(t)?.to_vec()],
        _ => list(t)?
            .iter()
            .map(|x| bytes(x).map(<[u8]>::to_vec))
            .collect::<Option<_>>()?,
    };
    (!v.is_empty() && v.iter().all(|p| !p.is_empty())).then_some(v)
}

/// The first (leftmost, then longest) match at or after `from`, within `end`.
fn find(hay: &[u8], pats: &[Vec<u8>], from: usize, end: usize) -> Option<(usize, usize)> {
    (from..end).find_map(|i| {
        pats.iter()
            .filter(|p| i + p.len() <= end && &hay[i..i + p.len()] == p.as_slice())
            .map(|p| p.len())
            .max()
            .map(|l| (i, l))
    })
}

struct Opts {
    global: bool,
    trim: bool,
    trim_all: bool,
    scope: Option<(usize, usize)>,
    insert: Option<Vec<usize>>,
}

fn options(t: &Term, len: usize) -> Option<Opts> {
    let mut o = Opts {
        global: false,
        trim: false,
        trim_all: false,
        scope: None,
        insert: None,
    };
    for x in list(t)? {
        match &x {
            Term::Atom(a) => match a.name() {
                "global" => o.global = true,
                "trim" => o.trim = true,
                "trim_all" => o.trim_all = true,
                _ => return None,
            },
            Term::Tuple(tp) if tp.len() == 2 => match (tp[0].as_atom()?.name(), &tp[1]) {
                ("scope", Term::Tuple(s)) if s.len() == 2 => {
                    let (st, l) = (int(&s[0])?, int(&s[1])?);
                    let (st, l) = if l < 0 { (st + l, -l) } else { (st, l) };
                    if st < 0 || (st + l) as usize > len {
                        return None;
                    }
                    o.scope = Some((st as usize, l as usize));
                }
                ("insert_replaced", pos) => {
                    o.insert = Some(match pos {
                        Term::Int(n) if *n >= 0 => vec![*n as usize],
                        other => list(other)?
                            .iter()
                            .map(|x| int(x).filter(|n| *n >= 0).map(|n| n as usize))
                            .collect::<Option<_>>()?,
                    });
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(o)
}

fn pos_len(s: usize, l: usize) -> Term {
    Term::tuple(vec![Term::Int(s as i64), Term::Int(l as i64)])
}

pub(crate) fn match_2(p: &mut P, a: &[Term]) -> BifResult {
    match_3(p, &[a[0].clone(), a[1].clone(), Term::Nil])
}

pub(crate) fn match_3(_: &mut P, a: &[Term]) -> BifResult {
    let hay = bytes(&a[0]).ok_or_else(|| bad("match", a))?;
    let pats = patterns(&a[1]).ok_or_else(|| bad("match", a))?;
    let o = options(&a[2], hay.len()).ok_or_else(|| bad("match", a))?;
    let (s, l) = o.scope.unwrap_or((0, hay.len()));
    Ok(match find(hay, &pats, s, s + l) {
        Some((i, n)) => pos_len(i, n),
        None => Term::atom_str("nomatch"),
    })
}

pub(crate) fn matches_2(p: &mut P, a: &[Term]) -> BifResult {
    matches_3(p, &[a[0].clone(), a[1].clone(), Term::Nil])
}

pub(crate) fn matches_3(_: &mut P, a: &[Term]) -> BifResult {
    let hay = bytes(&a[0]).ok_or_else(|| bad("matches", a))?;
    let pats = patterns(&a[1]).ok_or_else(|| bad("matches", a))?;
    let o = options(&a[2], hay.len()).ok_or_else(|| bad("matches", a))?;
    let (s, l) = o.scope.unwrap_or((0, hay.len()));
    let mut out = Vec::new();
    let mut at = s;
    while let Some((i, n)) = find(hay, &pats, at, s + l) {
        out.push(pos_len(i, n));
        at = i + n;
    }
    Ok(Term::list(out))
}

pub(crate) fn split_2(p: &mut P, a: &[Term]) -> BifResult {
    split_3(p, &[a[0].clone(), a[1].clone(), Term::Nil])
}

pub(crate) fn split_3(_: &mut P, a: &[Term]) -> BifResult {
    let hay = bytes(&a[0]).ok_or_else(|| bad("split", a))?;
    let pats = patterns(&a[1]).ok_or_else(|| bad("split", a))?;
    let o = options(&a[2], hay.len()).ok_or_else(|| bad("split", a))?;
    let (s, l) = o.scope.unwrap_or((0, hay.len()));
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = s;
    while let Some((i, n)) = find(hay, &pats, at, s + l) {
        parts.push((start, i - start));
        start = i + n;
        at = start;
        if !o.global {
            break;
        }
    }
    parts.push((start, hay.len() - start));
    if o.trim_all {
        parts.retain(|&(_, n)| n > 0);
    } else if o.trim {
        while parts.last().is_some_and(|&(_, n)| n == 0) {
            parts.pop();
        }
    }
    Ok(Term::list(
        parts.into_iter().map(|(st, n)| sub(&a[0], st, n)).collect(),
    ))
}

pub(crate) fn replace_3(p: &mut P, a: &[Term]) -> BifResult {
    replace_4(p, &[a[0].clone(), a[1].clone(), a[2].clone(), Term::Nil])
}

pub(crate) fn replace_4(_: &mut P, a: &[Term]) -> BifResult {
    let hay = bytes(&a[0]).ok_or_else(|| bad("replace", a))?;
    let pats = patterns(&a[1]).ok_or_else(|| bad("replace", a))?;
    let rep = bytes(&a[2]).ok_or_else(|| bad("replace", a))?;
    let o = options(&a[3], hay.len()).ok_or_else(|| bad("replace", a))?;
    let (s, l) = o.scope.unwrap_or((0, hay.len()));
    let mut out = Vec::new();
    let mut last = 0;
    let mut at = s;
    while let Some((i, n)) = find(hay, &pats, at, s + l) {
        out.extend_from_slice(&hay[last..i]);
        match &o.insert {
            None => out.extend_from_slice(rep),
            Some(positions) => {
                let mut prev = 0;
                for &pos in positions {
                    if pos > rep.len() {
                        return Err(bad("replace", a));
                    }
                    out.extend_from_slice(&rep[prev..pos]);
                    out.extend_from_slice(&hay[i..i + n]);
                    prev = pos;
                }
                out.extend_from_slice(&rep[prev..]);
            }
        }
        last = i + n;
        at = last;
        if !o.global {
            break;
        }
    }
    out.extend_from_slice(&hay[last..]);
    Ok(Term::binary(&out))
}

pub(crate) fn longest_common_prefix_1(_: &mut P, a: &[Term]) -> BifResult {
    let terms = list(&a[0])
        .filter(|l| !l.is_empty())
        .ok_or_else(|| bad("longest_common_prefix", a))?;
    let bins: Vec<&[u8]> = terms
        .iter()
        .map(bytes)
        .collect::<Option<_>>()
        .ok_or_else(|| bad("longest_common_prefix", a))?;
    let first = bins[0];
    let n = (0..first.len())
        .take_while(|&i| bins.iter().all(|b| b.get(i) == Some(&first[i])))
        .count();
    Ok(Term::Int(n as i64))
}

/// `binary:compile_pattern(Pattern)`: checked once, kept as
/// `{ac, Patterns}` (OTP's is an opaque `{ac | bm, Ref}`; both are only
/// ever passed back to this module).
pub(crate) fn compile_pattern_1(_: &mut P, a: &[Term]) -> BifResult {
    patterns(&a[0]).ok_or_else(|| bad("compile_pattern", a))?;
    Ok(Term::tuple(vec![Term::atom_str("ac"), a[0].clone()]))
}

/// `binary:bin_to_list(Subject, {Pos, Len})`.
pub(crate) fn bin_to_list_2(p: &mut P, a: &[Term]) -> BifResult {
    let part = part_2(p, a).map_err(|_| bad("bin_to_list", a))?;
    bin_to_list_1(p, &[part])
}

/// `binary:bin_to_list(Subject, Pos, Len)`.
pub(crate) fn bin_to_list_3(p: &mut P, a: &[Term]) -> BifResult {
    let part = part_3(p, a).map_err(|_| bad("bin_to_list", a))?;
    bin_to_list_1(p, &[part])
}

/// `binary:longest_common_suffix(Binaries)`.
pub(crate) fn longest_common_suffix_1(_: &mut P, a: &[Term]) -> BifResult {
    let terms = list(&a[0])
        .filter(|l| !l.is_empty())
        .ok_or_else(|| bad("longest_common_suffix", a))?;
    let bins: Vec<&[u8]> = terms
        .iter()
        .map(bytes)
        .collect::<Option<_>>()
        .ok_or_else(|| bad("longest_common_suffix", a))?;
    let first = bins[0];
    let n = (0..first.len())
        .take_while(|&i| {
            bins.iter()
                .all(|b| b.len() > i && b[b.len() - 1 - i] == first[first.len() - 1 - i])
        })
        .count();
    Ok(Term::Int(n as i64))
}

/// `binary:encode_hex(Bin)`: upper-case hexadecimal, as OTP 25.
pub(crate) fn encode_hex_1(_: &mut P, a: &[Term]) -> BifResult {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let b = bytes(&a[0]).ok_or_else(|| bad("encode_hex", a))?;
    let mut out = Vec::with_capacity(b.len() * 2);
    for &x in b {
        out.push(DIGITS[(x >> 4) as usize]);
        out.push(DIGITS[(x & 15) as usize]);
    }
    Ok(Term::binary(&out))
}

/// `binary:decode_hex(HexBin)`: either case; an odd length or a non-digit is badarg.
pub(crate) fn decode_hex_1(_: &mut P, a: &[Term]) -> BifResult {
    let b = bytes(&a[0]).ok_or_else(|| bad("decode_hex", a))?;
    if b.len() % 2 != 0 {
        return Err(bad("decode_hex", a));
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len() / 2);
    for pair in b.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return Err(bad("decode_hex", a)),
        }
    }
    Ok(Term::binary(&out))
}

/// `erlang:decode_packet(Type, Bin, Options)` for the framing types:
/// `raw`/`0`, `1`, `2`, `4` (big-endian length headers) and `line`, with
/// `{packet_size, N}` and `{line_length, N}`. The HTTP types are not in
/// ferl yet and say so (`{notsup, ...}`).
pub(crate) fn decode_packet_3(_: &mut P, a: &[Term]) -> BifResult {
    let f = "decode_packet";
    let Some(b) = bytes(&a[1]) else {
        return Err(crate::bif::args::badarg(f, a));
    };
    let mut packet_size: usize = 0;
    let mut line_length: usize = 0;
    for o in list(&a[2]).ok_or_else(|| crate::bif::args::badarg(f, a))? {
        match o.as_tuple().map(|t| t.elems()) {
            Some([Term::Atom(k), Term::Int(n)]) if k.name() == "packet_size" && *n >= 0 => {
                packet_size = *n as usize
            }
            Some([Term::Atom(k), Term::Int(n)]) if k.name() == "line_length" && *n >= 0 => {
                line_length = *n as usize
            }
            Some([Term::Atom(k), _]) if k.name() == "line_delimiter" => {}
            _ => return Err(crate::bif::args::badarg(f, a)),
        }
    }
    let ok = |body: &[u8], rest: &[u8]| {
        Ok(Term::tuple(vec![
            Term::Atom(atom::OK),
            Term::binary(body),
            Term::binary(rest),
        ]))
    };
    let more = |n: Option<usize>| {
        Ok(Term::tuple(vec![
            Term::atom_str("more"),
            n.map_or(Term::atom_str("undefined"), |n| Term::Int(n as i64)),
        ]))
    };
    let header = match &a[0] {
        Term::Atom(t) if t.name() == "raw" => 0,
        Term::Int(n @ (0 | 1 | 2 | 4)) => *n as usize,
        Term::Atom(t) if t.name() == "line" => {
            let limit = if line_length > 0 {
                line_length
            } else {
                usize::MAX
            };
            return match b.iter().position(|&c| c == b'\n') {
                Some(i) if i < limit => ok(&b[..=i], &b[i + 1..]),
                _ if b.len() >= limit => ok(&b[..limit], &b[limit..]),
                _ => more(None),
            };
        }
        Term::Atom(t)
            if matches!(
                t.name(),
                "http"
                    | "httph"
                    | "http_bin"
                    | "httph_bin"
                    | "asn1"
                    | "cdr"
                    | "sunrm"
                    | "fcgi"
                    | "tpkt"
            ) =>
        {
            return Err(crate::interp::BifError::error_in(
                Term::tuple(vec![
                    Term::atom_str("notsup"),
                    Term::string("erlang:decode_packet/3 of this type is not in ferl yet"),
                ]),
                atom::ERLANG,
                crate::term::Atom::from_static(f),
                a,
            ))
        }
        _ => return Err(crate::bif::args::badarg(f, a)),
    };
    if header == 0 {
        return if b.is_empty() { more(None) } else { ok(b, &[]) };
    }
    if b.len() < header {
        return more(None);
    }
    let len = b[..header]
        .iter()
        .fold(0usize, |acc, &x| acc << 8 | x as usize);
    if packet_size > 0 && len > packet_size {
        return Ok(Term::tuple(vec![
            Term::Atom(atom::ERROR),
            Term::atom_str("invalid"),
        ]));
    }
    if b.len() < header + len {
        return more(Some(header + len));
    }
    ok(&b[header..header + len], &b[header + len..])
}
