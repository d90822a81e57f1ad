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
