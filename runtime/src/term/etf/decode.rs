//! `binary_to_term`: the reader.
//!
//! Containers under construction live on an explicit stack of [`Frame`]s:
//! reading a container's header pushes a frame, each finished value is handed
//! to the frame on top, and a frame whose last element arrives becomes a
//! value in turn. Capacity reserved from a length field is capped at
//! [`MAX_PREALLOC`] elements, so memory grows with what is actually read.

use super::{local_node, tag, DecodeError, DecodeOpts, LocalFunRef, VERSION};
use crate::term::{Atom, Bitstring, Fun, FunKind, MapData, Pid, Ref, Term};
use flate2::{Decompress, FlushDecompress, Status};
use num_bigint::{BigInt, Sign};
use std::sync::Arc;

type Result<T> = std::result::Result<T, DecodeError>;

/// Most elements reserved up front for one container: beyond this a vector
/// grows as elements arrive, so nested headers claiming huge lengths cannot
/// multiply memory before their bytes are seen.
const MAX_PREALLOC: usize = 1024;

/// Decodes one term from the start of `bytes` (`binary_to_term(B, [used])`):
/// returns it with the number of bytes it took, version byte included.
pub fn decode(bytes: &[u8], opts: &DecodeOpts) -> Result<(Term, usize)> {
    let (&version, rest) = bytes.split_first().ok_or(DecodeError::Truncated)?;
    if version != VERSION {
        return Err(DecodeError::BadVersion);
    }
    if rest.first() == Some(&tag::COMPRESSED) {
        let size = rest.get(1..5).ok_or(DecodeError::Truncated)?;
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
        if size > opts.max_inflated {
            return Err(DecodeError::Compression);
        }
        let (data, consumed) = inflate(&rest[5..], size)?;
        let mut r = Reader::new(&data, opts);
        let t = r.term()?;
        if r.pos != data.len() {
            return Err(DecodeError::Compression);
        }
        return Ok((t, 1 + 5 + consumed));
    }
    let mut r = Reader::new(rest, opts);
    let t = r.term()?;
    Ok((t, 1 + r.pos))
}

/// Decodes `bytes`, which must hold exactly one term (`binary_to_term/1,2`
/// without `used`).
pub fn binary_to_term(bytes: &[u8], opts: &DecodeOpts) -> Result<Term> {
    let (t, used) = decode(bytes, opts)?;
    if used != bytes.len() {
        return Err(DecodeError::TrailingBytes);
    }
    Ok(t)
}

/// Inflates a zlib stream that must produce exactly `size` bytes; returns
/// them and the number of compressed bytes read. Output space grows with
/// what the stream yields, never from `size` alone.
fn inflate(input: &[u8], size: usize) -> Result<(Vec<u8>, usize)> {
    let mut z = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(size.min(64 * 1024));
    loop {
        if out.len() == out.capacity() {
            // One byte past `size` lets an oversized stream show itself.
            let room = (size + 1 - out.len()).min(out.capacity().max(4096));
            out.reserve_exact(room);
        }
        let before = (z.total_in(), out.len());
        let input_left = &input[z.total_in() as usize..];
        let status = z
            .decompress_vec(input_left, &mut out, FlushDecompress::None)
            .map_err(|_| DecodeError::Compression)?;
        if out.len() > size {
            return Err(DecodeError::Compression);
        }
        match status {
            Status::StreamEnd if out.len() == size => return Ok((out, z.total_in() as usize)),
            Status::StreamEnd => return Err(DecodeError::Compression),
            _ if (z.total_in(), out.len()) == before && out.len() < out.capacity() => {
                return Err(DecodeError::Compression)
            }
            _ => {}
        }
    }
}

/// A container waiting for its elements.
enum Frame {
    Tuple(Vec<Term>, usize),
    /// List elements read so far, and how many are still to come.
    List(Vec<Term>, usize),
    /// All elements read; the next value is the tail.
    ListTail(Vec<Term>),
    /// Pairs read, the key waiting for its value, pairs still to come.
    Map(Vec<(Term, Term)>, Option<Term>, usize),
    /// A closure: what names it, where its Size field started, its declared
    /// size, captured values so far and how many are still to come.
    Fun(Box<LocalFunRef>, usize, usize, Vec<Term>, usize),
}

/// What reading one tag produced.
enum Item {
    Value(Term),
    Open(Frame),
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    opts: &'a DecodeOpts,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8], opts: &'a DecodeOpts) -> Reader<'a> {
        Reader { buf, pos: 0, opts }
    }

    fn term(&mut self) -> Result<Term> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut depth = 0usize;
        loop {
            let mut value = match self.item()? {
                Item::Value(t) => t,
                Item::Open(frame) => {
                    if !matches!(frame, Frame::ListTail(_)) {
                        depth += 1;
                        if depth > self.opts.max_depth {
                            return Err(DecodeError::TooDeep);
                        }
                    }
                    stack.push(frame);
                    continue;
                }
            };
            // Hand the value up until a frame still wants more.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(value);
                };
                match top {
                    Frame::Tuple(elems, left) => {
                        elems.push(value);
                        *left -= 1;
                        if *left > 0 {
                            break;
                        }
                        let Some(Frame::Tuple(elems, _)) = stack.pop() else {
                            unreachable!()
                        };
                        depth -= 1;
                        value = Term::tuple(elems);
                    }
                    Frame::List(elems, left) => {
                        elems.push(value);
                        *left -= 1;
                        if *left == 0 {
                            *top = Frame::ListTail(std::mem::take(elems));
                            depth -= 1;
                        }
                        break;
                    }
                    Frame::ListTail(_) => {
                        let Some(Frame::ListTail(elems)) = stack.pop() else {
                            unreachable!()
                        };
                        value = Term::list_with_tail(elems, value);
                    }
                    Frame::Map(pairs, key, left) => {
                        let Some(k) = key.take() else {
                            *key = Some(value);
                            break;
                        };
                        pairs.push((k, value));
                        *left -= 1;
                        if *left > 0 {
                            break;
                        }
                        let Some(Frame::Map(pairs, _, _)) = stack.pop() else {
                            unreachable!()
                        };
                        depth -= 1;
                        value = build_map(pairs)?;
                    }
                    Frame::Fun(_, _, _, env, left) => {
                        env.push(value);
                        *left -= 1;
                        if *left > 0 {
                            break;
                        }
                        let Some(Frame::Fun(info, start, size, env, _)) = stack.pop() else {
                            unreachable!()
                        };
                        depth -= 1;
                        value = self.finish_fun(*info, start, size, env)?;
                    }
                }
            }
        }
    }

    fn left(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.left() {
            return Err(DecodeError::Truncated);
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.bytes(1)?[0])
    }

    fn u16(&mut self) -> Result<usize> {
        let b = self.bytes(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]) as usize)
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count of things each taking at least `min_bytes`, checked against the input.
    fn count(&mut self, n: usize, min_bytes: usize) -> Result<usize> {
        if n.saturating_mul(min_bytes) > self.left() {
            return Err(DecodeError::Truncated);
        }
        Ok(n)
    }

    fn item(&mut self) -> Result<Item> {
        let t = self.u8()?;
        let v = match t {
            tag::SMALL_INTEGER => Term::Int(i64::from(self.u8()?)),
            tag::INTEGER => Term::Int(i64::from(self.u32()? as i32)),
            tag::SMALL_BIG => {
                let n = self.u8()? as usize;
                self.big(n)?
            }
            tag::LARGE_BIG => {
                let n = self.u32()? as usize;
                self.big(n)?
            }
            tag::NEW_FLOAT => {
                let b = self.bytes(8)?;
                let f = f64::from_bits(u64::from_be_bytes(b.try_into().unwrap_or([0; 8])));
                finite(f)?
            }
            tag::FLOAT => self.text_float()?,
            tag::ATOM | tag::SMALL_ATOM | tag::ATOM_UTF8 | tag::SMALL_ATOM_UTF8 => {
                let name = self.atom_text(t)?;
                Term::Atom(self.atom(&name)?)
            }
            tag::NIL => Term::Nil,
            tag::STRING => {
                let n = self.u16()?;
                let b = self.bytes(n)?;
                Term::list(b.iter().map(|&c| Term::Int(i64::from(c))).collect())
            }
            tag::LIST => {
                let n = self.u32()? as usize;
                let n = self.count(n, 1)?;
                if n == 0 {
                    return Ok(Item::Open(Frame::ListTail(Vec::new())));
                }
                return Ok(Item::Open(Frame::List(prealloc(n), n)));
            }
            tag::SMALL_TUPLE | tag::LARGE_TUPLE => {
                let n = if t == tag::SMALL_TUPLE {
                    self.u8()? as usize
                } else {
                    self.u32()? as usize
                };
                let n = self.count(n, 1)?;
                if n == 0 {
                    Term::tuple(Vec::new())
                } else {
                    return Ok(Item::Open(Frame::Tuple(prealloc(n), n)));
                }
            }
            tag::MAP => {
                let n = self.u32()? as usize;
                let n = self.count(n, 2)?;
                if n == 0 {
                    Term::Map(Arc::new(MapData::new()))
                } else {
                    return Ok(Item::Open(Frame::Map(prealloc(n), None, n)));
                }
            }
            tag::BINARY => {
                let n = self.u32()? as usize;
                Term::binary(self.bytes(n)?)
            }
            tag::BIT_BINARY => self.bit_binary()?,
            tag::PID | tag::NEW_PID => Term::Pid(self.pid(t)?),
            tag::REFERENCE | tag::NEW_REFERENCE | tag::NEWER_REFERENCE => {
                Term::Ref(self.reference(t)?)
            }
            tag::EXPORT => {
                let module = self.atom_term()?;
                let function = self.atom_term()?;
                let arity = self.small_int()?;
                if !(0..=255).contains(&arity) {
                    return Err(DecodeError::BadValue);
                }
                Term::Fun(Arc::new(Fun {
                    module,
                    kind: FunKind::External {
                        function,
                        arity: arity as u32,
                    },
                }))
            }
            tag::NEW_FUN => return self.new_fun(),
            tag::PORT | tag::NEW_PORT | tag::V4_PORT => return Err(DecodeError::Unsupported),
            other => return Err(DecodeError::BadTag(other)),
        };
        Ok(Item::Value(v))
    }

    fn big(&mut self, n: usize) -> Result<Term> {
        let sign = self.u8()?;
        let mag = self.bytes(n)?;
        if n <= 8 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(mag);
            let m = u64::from_le_bytes(b);
            if sign == 0 {
                if let Ok(i) = i64::try_from(m) {
                    return Ok(Term::Int(i));
                }
            } else if m <= 1 << 63 {
                return Ok(Term::Int((m as i64).wrapping_neg()));
            }
        }
        let s = if sign == 0 { Sign::Plus } else { Sign::Minus };
        Ok(Term::from_bigint(BigInt::from_bytes_le(s, mag)))
    }

    /// FLOAT_EXT: 31 bytes of text, NUL-padded.
    fn text_float(&mut self) -> Result<Term> {
        let field = self.bytes(31)?;
        let end = field.iter().position(|&b| b == 0).unwrap_or(31);
        let text = &field[..end];
        if text.is_empty()
            || !text
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        {
            return Err(DecodeError::BadValue);
        }
        let s = std::str::from_utf8(text).map_err(|_| DecodeError::BadValue)?;
        finite(s.parse::<f64>().map_err(|_| DecodeError::BadValue)?)
    }

    fn bit_binary(&mut self) -> Result<Term> {
        let n = self.u32()? as usize;
        let bits = self.u8()? as usize;
        match (n, bits) {
            (0, 0) => return Ok(Term::binary(&[])),
            (0, _) | (_, 0) | (_, 9..) => return Err(DecodeError::BadValue),
            _ => {}
        }
        let mut data = self.bytes(n)?.to_vec();
        if let Some(last) = data.last_mut() {
            *last &= 0xFFu8 << (8 - bits);
        }
        Ok(Term::Binary(Arc::new(Bitstring::from_bits(
            data,
            (n - 1) * 8 + bits,
        ))))
    }

    /// The text of an atom whose tag `t` has just been read.
    fn atom_text(&mut self, t: u8) -> Result<String> {
        let n = match t {
            tag::ATOM | tag::ATOM_UTF8 => self.u16()?,
            _ => self.u8()? as usize,
        };
        let b = self.bytes(n)?;
        let name: String = if t == tag::ATOM || t == tag::SMALL_ATOM {
            b.iter().map(|&c| char::from(c)).collect()
        } else {
            std::str::from_utf8(b)
                .map_err(|_| DecodeError::BadValue)?
                .to_owned()
        };
        if name.chars().count() > 255 {
            return Err(DecodeError::BadValue);
        }
        Ok(name)
    }

    fn atom(&self, name: &str) -> Result<Atom> {
        if self.opts.safe {
            Atom::existing(name).ok_or(DecodeError::UnsafeAtom)
        } else {
            Atom::intern(name).map_err(|_| DecodeError::AtomLimit)
        }
    }

    /// An atom in a field that must hold one.
    fn atom_term(&mut self) -> Result<Atom> {
        let name = self.node_text()?;
        self.atom(&name)
    }

    /// An atom's text in a field that must hold an atom, without creating it.
    fn node_text(&mut self) -> Result<String> {
        match self.u8()? {
            t @ (tag::ATOM | tag::SMALL_ATOM | tag::ATOM_UTF8 | tag::SMALL_ATOM_UTF8) => {
                self.atom_text(t)
            }
            other => Err(DecodeError::BadTag(other)),
        }
    }

    /// A node field naming ferl's own node.
    fn local_node(&mut self) -> Result<()> {
        if self.node_text()? == local_node().name() {
            Ok(())
        } else {
            Err(DecodeError::ForeignNode)
        }
    }

    /// An integer in a field that must hold a small one.
    fn small_int(&mut self) -> Result<i64> {
        match self.u8()? {
            tag::SMALL_INTEGER => Ok(i64::from(self.u8()?)),
            tag::INTEGER => Ok(i64::from(self.u32()? as i32)),
            other => Err(DecodeError::BadTag(other)),
        }
    }

    fn pid(&mut self, t: u8) -> Result<Pid> {
        self.local_node()?;
        let id = self.u32()?;
        let serial = self.u32()?;
        if t == tag::PID {
            self.u8()?;
        } else {
            self.u32()?;
        }
        if id >= 1 << super::PID_ID_BITS {
            return Err(DecodeError::NotRepresentable);
        }
        Ok(Pid(u64::from(serial) << super::PID_ID_BITS | u64::from(id)))
    }

    fn reference(&mut self, t: u8) -> Result<Ref> {
        let len = if t == tag::REFERENCE { 1 } else { self.u16()? };
        self.local_node()?;
        match t {
            tag::NEWER_REFERENCE => {
                self.u32()?;
            }
            tag::NEW_REFERENCE => {
                self.u8()?;
            }
            _ => {}
        }
        let mut words = [0u32; 3];
        if t == tag::REFERENCE {
            words[0] = self.u32()?;
            self.u8()?;
        } else {
            if !(1..=3).contains(&len) {
                return Err(DecodeError::BadValue);
            }
            for w in words.iter_mut().take(len) {
                *w = self.u32()?;
            }
        }
        let w0_bits = super::REF_WORD0_BITS;
        if words[0] >= 1 << w0_bits || words[2] >= 1 << (64 - w0_bits - 32) {
            return Err(DecodeError::NotRepresentable);
        }
        Ok(Ref(u64::from(words[0])
            | u64::from(words[1]) << w0_bits
            | u64::from(words[2]) << (w0_bits + 32)))
    }

    /// NEW_FUN_EXT up to its captured values.
    fn new_fun(&mut self) -> Result<Item> {
        let start = self.pos;
        let size = self.u32()? as usize;
        if size < 4 || size - 4 > self.left() {
            return Err(DecodeError::Truncated);
        }
        let arity = self.u8()?;
        let mut uniq = [0u8; 16];
        uniq.copy_from_slice(self.bytes(16)?);
        let index = self.u32()?;
        let num_free = self.u32()?;
        let module = self.atom_term()?;
        let old_index = self.small_int()?;
        let old_uniq = self.small_int()?;
        match self.u8()? {
            t @ (tag::PID | tag::NEW_PID) => {
                // The creator pid only matters to OTP's fun identity; read past it.
                self.node_text()?;
                self.bytes(if t == tag::PID { 9 } else { 12 })?;
            }
            other => return Err(DecodeError::BadTag(other)),
        }
        let info = LocalFunRef {
            module,
            arity,
            uniq,
            index,
            old_index: u32::try_from(old_index).map_err(|_| DecodeError::BadValue)?,
            old_uniq: old_uniq as u32,
            num_free,
        };
        let n = self.count(num_free as usize, 1)?;
        if n == 0 {
            return Ok(Item::Value(self.finish_fun(
                info,
                start,
                size,
                Vec::new(),
            )?));
        }
        Ok(Item::Open(Frame::Fun(
            Box::new(info),
            start,
            size,
            prealloc(n),
            n,
        )))
    }

    fn finish_fun(
        &self,
        info: LocalFunRef,
        start: usize,
        size: usize,
        env: Vec<Term>,
    ) -> Result<Term> {
        if self.pos - start != size {
            return Err(DecodeError::BadValue);
        }
        let resolve = self
            .opts
            .resolve_fun
            .as_ref()
            .ok_or(DecodeError::Unsupported)?;
        let code = resolve(&info).ok_or(DecodeError::Unsupported)?;
        Ok(Term::Fun(Arc::new(Fun {
            module: info.module,
            kind: FunKind::Local {
                code,
                index: info.index,
                arity: u32::from(info.arity),
                env: env.into_boxed_slice(),
            },
        })))
    }
}

fn prealloc<T>(n: usize) -> Vec<T> {
    Vec::with_capacity(n.min(MAX_PREALLOC))
}

fn finite(f: f64) -> Result<Term> {
    if f.is_finite() {
        Ok(Term::Float(f))
    } else {
        Err(DecodeError::BadValue)
    }
}

fn build_map(pairs: Vec<(Term, Term)>) -> Result<Term> {
    let n = pairs.len();
    let m = MapData::from_pairs(pairs);
    if m.len() != n {
        return Err(DecodeError::BadValue);
    }
    Ok(Term::Map(Arc::new(m)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::LoadedModule;
    use crate::term::etf::encode::tests::{
        default_table, minor_version_0_table, minor_version_2_table,
    };
    use crate::term::etf::testing::*;
    use crate::term::etf::{encode, EncodeOpts, DEFAULT_MAX_DEPTH};
    use crate::term::order::exact_eq;

    fn opts() -> DecodeOpts {
        DecodeOpts::default()
    }

    fn dec(bytes: &[u8]) -> Result<Term> {
        binary_to_term(bytes, &opts())
    }

    /// Checks that `bytes` decode to a term `=:=` to `want` (funs, which
    /// compare by identity, by writing both back).
    fn assert_decodes(bytes: &[u8], want: &Term) {
        match decode(bytes, &opts()) {
            Ok((t, used)) => {
                let same = match (&t, want) {
                    (Term::Fun(_), Term::Fun(_)) => {
                        encode(&t, &EncodeOpts::default()) == encode(want, &EncodeOpts::default())
                    }
                    _ => exact_eq(&t, want),
                };
                assert!(same, "{bytes:?}: got {t:?}, want {want:?}");
                assert_eq!(used, bytes.len(), "{want:?}");
            }
            Err(e) => panic!("{bytes:?} ({want:?}): {e}"),
        }
    }

    fn all_otp_tables() -> Vec<(Term, &'static [u8])> {
        let mut all = default_table();
        all.extend(minor_version_0_table());
        all.extend(minor_version_2_table());
        all
    }

    #[test]
    fn otp_25_bytes_decode_to_their_terms() {
        for (t, bytes) in all_otp_tables() {
            assert_decodes(bytes, &t);
        }
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let level = |l| EncodeOpts {
            compressed: Some(l),
            ..EncodeOpts::default()
        };
        let minor = |m| EncodeOpts {
            minor_version: m,
            ..EncodeOpts::default()
        };
        for (t, _) in all_otp_tables() {
            for o in [
                EncodeOpts::default(),
                level(6),
                level(1),
                minor(0),
                minor(2),
            ] {
                assert_decodes(&encode(&t, &o), &t);
            }
        }
        let long = Term::list((0..100_000).map(|i| Term::Int(i * 7919)).collect());
        assert_decodes(&encode(&long, &EncodeOpts::default()), &long);
        assert_decodes(&encode(&long, &level(9)), &long);
    }

    #[test]
    fn old_and_alternative_forms_decode_as_otp_25_does() {
        let node: &[u8] = b"\x64\x00\x0dnonode@nohost";
        let with_node = |head: &[u8], tail: &[u8]| [&[131], head, node, tail].concat();
        let cases: Vec<(Vec<u8>, Term)> = vec![
            // SMALL_ATOM_EXT and ATOM_EXT with Latin-1 bytes.
            (vec![131, 115, 3, 97, 98, 99], atom("abc")),
            (vec![131, 100, 0, 2, 233, 233], atom("éé")),
            (vec![131, 118, 0, 2, 195, 169], atom("é")),
            // FLOAT_EXT text, shorter than `%.20e`.
            (
                [&[131, 99][..], b"1.5", &[0; 28]].concat(),
                Term::Float(1.5),
            ),
            // SMALL_BIG_EXT holding small values, and negative zero.
            (vec![131, 110, 1, 0, 0], Term::Int(0)),
            (vec![131, 110, 1, 1, 0], Term::Int(0)),
            (vec![131, 110, 0, 0], Term::Int(0)),
            (vec![131, 110, 2, 0, 5, 0], Term::Int(5)),
            (vec![131, 111, 0, 0, 0, 1, 1, 7], Term::Int(-7)),
            // LIST_EXT of no elements is its tail.
            (vec![131, 108, 0, 0, 0, 0, 106], Term::Nil),
            (vec![131, 108, 0, 0, 0, 0, 97, 1], Term::Int(1)),
            (vec![131, 107, 0, 0], Term::Nil),
            // A list spelled as cells in its tails.
            (
                vec![131, 108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 106],
                Term::list(vec![Term::Int(1), Term::Int(2)]),
            ),
            // BIT_BINARY_EXT edge cases; unused bits are ignored.
            (vec![131, 77, 0, 0, 0, 0, 0], Term::binary(&[])),
            (vec![131, 77, 0, 0, 0, 1, 8, 255], Term::binary(&[255])),
            (vec![131, 77, 0, 0, 0, 1, 3, 255], bits(&[0b1110_0000], 3)),
            (vec![131, 105, 0, 0, 0, 0], Term::tuple(vec![])),
            // Map pairs in any order.
            (
                vec![131, 116, 0, 0, 0, 2, 97, 2, 97, 2, 97, 1, 97, 3],
                map(vec![
                    (Term::Int(1), Term::Int(3)),
                    (Term::Int(2), Term::Int(2)),
                ]),
            ),
            // EXPORT_EXT with the arity as INTEGER_EXT.
            (
                [
                    &[131, 113, 100, 0, 5][..],
                    b"lists",
                    &[100, 0, 3],
                    b"map",
                    &[98, 0, 0, 0, 2],
                ]
                .concat(),
                export("lists", "map", 2),
            ),
            // PID_EXT and NEW_PID_EXT with a creation.
            (with_node(&[103], &[0, 0, 0, 5, 0, 0, 0, 0, 0]), pid(5)),
            (
                with_node(&[88], &[0, 0, 0, 5, 0, 0, 0, 16, 0, 0, 0, 1]),
                pid(16 << 15 | 5),
            ),
            // REFERENCE_EXT, NEW_REFERENCE_EXT.
            (with_node(&[101], &[0, 0, 0, 5, 0]), Term::Ref(Ref(5))),
            (
                with_node(&[114, 0, 2], &[0, 0, 0, 0, 5, 0, 0, 0, 6]),
                Term::Ref(Ref(6 << 18 | 5)),
            ),
        ];
        for (bytes, want) in cases {
            assert_decodes(&bytes, &want);
        }
    }

    #[test]
    fn used_counts_the_bytes_of_the_term_alone() {
        assert_eq!(decode(&[131, 97, 1, 0], &opts()).unwrap().1, 3);
        assert_eq!(
            dec(&[131, 97, 1, 0]).unwrap_err(),
            DecodeError::TrailingBytes
        );
        // A compressed "aaa...a" (100) followed by two stray bytes.
        let bytes = [
            131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 73, 164, 3, 0, 0, 204, 203, 38, 180, 1,
            2,
        ];
        let (t, used) = decode(&bytes, &opts()).unwrap();
        assert!(exact_eq(&t, &Term::list(vec![Term::Int(97); 100])));
        assert_eq!(used, 20);
        let limited = DecodeOpts {
            max_inflated: 102,
            ..opts()
        };
        assert_eq!(
            decode(&bytes, &limited).unwrap_err(),
            DecodeError::Compression
        );
    }

    #[test]
    fn safe_refuses_new_atoms_only() {
        let safe = DecodeOpts {
            safe: true,
            ..opts()
        };
        assert!(binary_to_term(&[131, 100, 0, 2, 111, 107], &safe).is_ok());
        let fresh = b"\x83\x64\x00\x19etf_safe_test_never_seen1";
        assert_eq!(
            binary_to_term(fresh, &safe).unwrap_err(),
            DecodeError::UnsafeAtom
        );
        assert_eq!(Atom::existing("etf_safe_test_never_seen1"), None);
        let fresh_utf8 = b"\x83\x77\x19etf_safe_test_never_seen2";
        assert_eq!(
            binary_to_term(fresh_utf8, &safe).unwrap_err(),
            DecodeError::UnsafeAtom
        );
        // Foreign node names are refused without being interned.
        let foreign =
            b"\x83\x58\x64\x00\x0eetf_other@host\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00";
        assert_eq!(dec(foreign).unwrap_err(), DecodeError::ForeignNode);
        assert_eq!(Atom::existing("etf_other@host"), None);
    }

    #[test]
    fn invalid_fields_are_errors() {
        let cases: Vec<(&[u8], DecodeError)> = vec![
            (&[], DecodeError::Truncated),
            (&[131], DecodeError::Truncated),
            (&[130, 97, 1], DecodeError::BadVersion),
            (&[131, 200], DecodeError::BadTag(200)),
            (&[131, 117, 0, 0, 0, 0], DecodeError::BadTag(117)),
            (&[131, 77, 0, 0, 0, 1, 0, 255], DecodeError::BadValue),
            (&[131, 77, 0, 0, 0, 0, 8], DecodeError::BadValue),
            (&[131, 77, 0, 0, 0, 1, 9, 255], DecodeError::BadValue),
            (
                &[131, 70, 127, 240, 0, 0, 0, 0, 0, 0],
                DecodeError::BadValue,
            ),
            (
                &[131, 70, 127, 248, 0, 0, 0, 0, 0, 1],
                DecodeError::BadValue,
            ),
            (&[131, 119, 1, 233], DecodeError::BadValue),
            (
                &[131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3],
                DecodeError::BadValue,
            ),
            (
                &[131, 113, 97, 1, 100, 0, 1, 102, 97, 0],
                DecodeError::BadTag(97),
            ),
            (&[131, 102], DecodeError::Unsupported),
            (&[131, 104, 1, 80], DecodeError::BadTag(80)),
        ];
        for (bytes, want) in cases {
            assert_eq!(dec(bytes).unwrap_err(), want, "{bytes:?}");
        }
        let text_float = |s: &[u8]| {
            let mut b = vec![131, 99];
            b.extend_from_slice(s);
            b.resize(33, 0);
            dec(&b)
        };
        assert!(text_float(b"  1.5e+00 ").is_err());
        assert!(text_float(b"1.5xyz").is_err());
        assert!(text_float(b"inf").is_err());
        assert!(text_float(b"").is_err());
        // Pids and refs outside ferl's 64-bit numbering.
        let node: &[u8] = b"\x64\x00\x0dnonode@nohost";
        let pid = [&[131, 88], node, &[0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0]].concat();
        assert_eq!(dec(&pid).unwrap_err(), DecodeError::NotRepresentable);
        let r = [
            &[131, 90, 0, 3],
            node,
            &[0; 4],
            &[0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ]
        .concat();
        assert_eq!(dec(&r).unwrap_err(), DecodeError::NotRepresentable);
        let r = [&[131, 90, 0, 4], node, &[0; 4], &[0; 16]].concat();
        assert_eq!(dec(&r).unwrap_err(), DecodeError::BadValue);
    }

    #[test]
    fn every_truncation_of_valid_input_is_an_error() {
        for (t, bytes) in all_otp_tables() {
            for n in 0..bytes.len() {
                assert!(decode(&bytes[..n], &opts()).is_err(), "{t:?} cut at {n}");
            }
        }
        let compressed = encode(
            &Term::list(vec![Term::Int(97); 100]),
            &EncodeOpts {
                compressed: Some(6),
                ..EncodeOpts::default()
            },
        );
        for n in 0..compressed.len() {
            assert!(decode(&compressed[..n], &opts()).is_err(), "cut at {n}");
        }
    }

    #[test]
    fn mutated_input_never_panics() {
        // A fixed linear congruential generator: the same inputs every run.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for (_, bytes) in all_otp_tables() {
            for _ in 0..20 {
                let mut b = bytes.to_vec();
                for _ in 0..1 + next() % 3 {
                    let i = next() % b.len();
                    b[i] = next() as u8;
                }
                let _ = decode(&b, &opts());
            }
        }
    }

    #[test]
    fn huge_length_fields_fail_before_allocating() {
        let cases: Vec<&[u8]> = vec![
            &[131, 108, 255, 255, 255, 255, 106],
            &[131, 105, 255, 255, 255, 255, 106],
            &[131, 116, 255, 255, 255, 255, 106, 106],
            &[131, 109, 255, 255, 255, 255, 0],
            &[131, 77, 255, 255, 255, 255, 1, 0],
            &[131, 111, 255, 255, 255, 255, 0, 1],
            &[131, 107, 255, 255, 1],
            &[131, 100, 255, 255, 97],
            &[131, 118, 255, 255, 97],
            &[131, 112, 255, 255, 255, 255, 0],
            // Compressed, claiming 4 GiB from a stream of a few bytes.
            &[
                131, 80, 255, 255, 255, 255, 120, 156, 203, 102, 72, 73, 164, 3, 0, 0, 204, 203,
                38, 180,
            ],
            // Compressed, claiming fewer bytes than the stream holds.
            &[
                131, 80, 0, 0, 0, 3, 120, 156, 203, 102, 72, 73, 164, 3, 0, 0, 204, 203, 38, 180,
            ],
        ];
        for bytes in cases {
            assert!(dec(bytes).is_err(), "{bytes:?}");
        }
        // Nested headers each claiming 100,000 elements, which the input
        // could hold: reservations stay small and the depth limit ends it.
        let mut nested = vec![131];
        for _ in 0..100_000 {
            nested.extend_from_slice(&[105, 0, 1, 134, 160]);
        }
        assert_eq!(dec(&nested).unwrap_err(), DecodeError::TooDeep);
    }

    #[test]
    fn million_level_nesting_is_refused_without_recursion() {
        let million = 1_000_000;
        let nest = |open: &[u8], close: &[u8]| {
            let mut b = vec![131];
            for _ in 0..million {
                b.extend_from_slice(open);
            }
            b.push(106);
            for _ in 0..million {
                b.extend_from_slice(close);
            }
            b
        };
        for bytes in [
            nest(&[104, 1], &[]),
            nest(&[108, 0, 0, 0, 1], &[106]),
            nest(&[116, 0, 0, 0, 1, 106], &[]),
        ] {
            assert_eq!(dec(&bytes).unwrap_err(), DecodeError::TooDeep);
        }
        // Nesting through list tails is just a long list.
        let tails = nest(&[108, 0, 0, 0, 1, 97, 7], &[]);
        let t = dec(&tails).unwrap();
        assert_eq!(t.iter_list().count(), million);
    }

    #[test]
    fn nesting_up_to_the_limit_decodes_and_drops() {
        let depth = DEFAULT_MAX_DEPTH;
        let mut b = vec![131];
        for _ in 0..depth {
            b.extend_from_slice(&[104, 1]);
        }
        b.push(106);
        let t = dec(&b).unwrap();
        assert!(exact_eq(&t, &t.clone()));
        drop(t);
        b.insert(1, 104);
        b.insert(2, 1);
        assert_eq!(dec(&b).unwrap_err(), DecodeError::TooDeep);
    }

    /// `fun(X) -> X + 1 end` compiled in module `x` on OTP 25, and a shell
    /// fun capturing one value.
    #[test]
    fn closures_decode_through_the_resolver() {
        let compiled: &[u8] = &[
            131, 112, 0, 0, 0, 69, 1, 61, 18, 214, 104, 174, 139, 81, 64, 205, 180, 240, 32, 160,
            114, 218, 65, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 1, 120, 97, 0, 98, 1, 232, 150, 179, 88,
            100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9,
            0, 0, 0, 0, 0, 0, 0, 0,
        ];
        let shell: &[u8] = &[
            131, 112, 0, 0, 0, 189, 1, 6, 83, 97, 170, 70, 21, 144, 209, 189, 241, 235, 98, 209,
            166, 235, 8, 0, 0, 0, 42, 0, 0, 0, 1, 100, 0, 8, 101, 114, 108, 95, 101, 118, 97, 108,
            97, 42, 98, 0, 50, 155, 13, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111,
            104, 111, 115, 116, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 104, 6, 97, 1, 106, 100, 0, 4,
            110, 111, 110, 101, 100, 0, 4, 110, 111, 110, 101, 116, 0, 0, 0, 0, 108, 0, 0, 0, 1,
            104, 5, 100, 0, 6, 99, 108, 97, 117, 115, 101, 97, 1, 108, 0, 0, 0, 1, 104, 3, 100, 0,
            3, 118, 97, 114, 97, 1, 100, 0, 1, 88, 106, 106, 108, 0, 0, 0, 1, 104, 5, 100, 0, 2,
            111, 112, 97, 1, 100, 0, 1, 43, 104, 3, 100, 0, 3, 118, 97, 114, 97, 1, 100, 0, 1, 88,
            104, 3, 100, 0, 7, 105, 110, 116, 101, 103, 101, 114, 97, 1, 97, 1, 106, 106,
        ];
        assert_eq!(dec(compiled).unwrap_err(), DecodeError::Unsupported);
        let resolving = DecodeOpts {
            resolve_fun: Some(Arc::new(|f: &LocalFunRef| {
                Some(Arc::new(LoadedModule::empty(f.module)))
            })),
            ..opts()
        };
        for (bytes, module, index, free) in [(compiled, "x", 0, 0), (shell, "erl_eval", 42, 1)] {
            let t = binary_to_term(bytes, &resolving).unwrap();
            let Term::Fun(f) = &t else {
                panic!("not a fun: {t:?}")
            };
            assert_eq!(f.module.name(), module);
            let FunKind::Local {
                index: i,
                arity,
                env,
                ..
            } = &f.kind
            else {
                panic!("not a closure")
            };
            assert_eq!((*i, *arity, env.len()), (index, 1, free));
            // ferl writes its own closures back with the same shape.
            let again = binary_to_term(&encode(&t, &EncodeOpts::default()), &resolving).unwrap();
            assert!(matches!(&again, Term::Fun(g) if g.arity() == 1));
        }
        // A Size field that disagrees with the contents.
        let mut bad = compiled.to_vec();
        bad[5] = 70;
        assert!(binary_to_term(&bad, &resolving).is_err());
    }

    #[test]
    fn options_parse_as_otp_does() {
        let o = DecodeOpts::from_term(&Term::list(vec![atom("safe"), atom("used")])).unwrap();
        assert!(o.safe && o.used);
        assert!(DecodeOpts::from_term(&Term::list(vec![atom("fast")])).is_none());
        assert!(DecodeOpts::from_term(&atom("safe")).is_none());
    }

    /// 400 random terms from `testdata/otp25_random.erl` (which says how to
    /// regenerate the data): each decodes, encodes back byte for byte under
    /// four option sets, and hashes as OTP 25 does.
    #[test]
    fn random_terms_from_otp_25_match_byte_for_byte() {
        use crate::term::hash::{phash, phash2};
        let unhex = |s: &str| -> Vec<u8> {
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
                .collect()
        };
        let with = |minor_version, compressed| EncodeOpts {
            minor_version,
            compressed,
            ..EncodeOpts::default()
        };
        let text = include_str!("testdata/otp25_random.txt");
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split(' ').collect();
            let plain = unhex(f[0]);
            let t = dec(&plain).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
            assert_eq!(phash2(&t), f[1].parse::<u32>().unwrap(), "line {}", n + 1);
            assert_eq!(
                phash(&t, 1 << 32),
                f[2].parse::<u64>().unwrap(),
                "line {}",
                n + 1
            );
            let variants = [(0, None, f[3]), (2, None, f[4]), (1, Some(6), f[5])];
            assert_eq!(encode(&t, &with(1, None)), plain, "line {}", n + 1);
            for (minor, level, hex) in variants {
                let bytes = unhex(hex);
                assert_eq!(encode(&t, &with(minor, level)), bytes, "line {}", n + 1);
                let again = dec(&bytes).unwrap();
                assert_eq!(encode(&again, &with(1, None)), plain, "line {}", n + 1);
            }
        }
    }
}
