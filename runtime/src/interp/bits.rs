//! Reading and writing bit-syntax segments (OTP `erl_bits.c`).

use crate::term::binary::BitWriter;
use crate::term::{atom, number, Bitstring, Term};
use ferl_compiler::bytecode::instr::BinFlags;
use ferl_compiler::bytecode::BinSegKind;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::sync::Arc;

/// Size in bits of a segment from its size operand and unit; `None` for "the rest".
fn bits_of(size: &Term, unit: u32) -> Result<Option<usize>, ()> {
    match size {
        Term::Nil => Ok(None),
        Term::Int(n) if *n >= 0 => Ok(Some(*n as usize * unit as usize)),
        Term::Atom(a) if a.name() == "all" => Ok(None),
        _ => Err(()),
    }
}

fn read_int(b: &Bitstring, at: usize, n: usize, flags: BinFlags) -> Term {
    if n <= 64 && !flags.little {
        let v = b.read_bits(at, n);
        if flags.signed && n > 0 && n < 64 && (v >> (n - 1)) & 1 == 1 {
            return Term::Int((v as i64) - (1i64 << n));
        }
        if flags.signed && n == 64 {
            return Term::Int(v as i64);
        }
        return number::big_term(BigInt::from(v));
    }
    // General case: collect bytes (big-endian), then interpret.
    let sub = b.sub(at, n);
    let mut bytes = sub.to_bytes();
    let extra = bytes.len() * 8 - n;
    // Right-align the value: shift the whole buffer right by `extra` bits.
    if extra > 0 {
        let mut carry = 0u8;
        for byte in bytes.iter_mut() {
            let v = *byte;
            *byte = (v >> extra) | carry;
            carry = v << (8 - extra);
        }
    }
    if flags.little {
        // Little-endian: OTP reads whole bytes from the low end; with a
        // partial byte the leading partial byte is the most significant.
        if extra == 0 {
            bytes.reverse();
        } else {
            let mut le = BigInt::zero();
            let full = n / 8;
            let sub_bytes = b.sub(at, n);
            for i in 0..full {
                let v = sub_bytes.read_bits(i * 8, 8);
                le += BigInt::from(v) << (8 * i);
            }
            let rem = n % 8;
            let v = sub_bytes.read_bits(full * 8, rem);
            le += BigInt::from(v) << (8 * full);
            return finish_int(le, n, flags.signed);
        }
    }
    let v = BigInt::from_bytes_be(Sign::Plus, &bytes);
    finish_int(v, n, flags.signed)
}

fn finish_int(v: BigInt, n: usize, signed: bool) -> Term {
    if signed && n > 0 && v.bit(n as u64 - 1) {
        return number::big_term(v - (BigInt::from(1) << n));
    }
    number::big_term(v)
}

fn decode_utf8(b: &Bitstring, at: usize) -> Option<(u32, usize)> {
    let avail = (b.bit_len() - at) / 8;
    if avail == 0 {
        return None;
    }
    let b0 = b.read_bits(at, 8) as u32;
    let (len, init) = match b0 {
        0..=0x7F => return Some((b0, 8)),
        0xC2..=0xDF => (2, b0 & 0x1F),
        0xE0..=0xEF => (3, b0 & 0x0F),
        0xF0..=0xF4 => (4, b0 & 0x07),
        _ => return None,
    };
    if avail < len {
        return None;
    }
    let mut c = init;
    for i in 1..len {
        let x = b.read_bits(at + i * 8, 8) as u32;
        if x & 0xC0 != 0x80 {
            return None;
        }
        c = (c << 6) | (x & 0x3F);
    }
    let min = [0, 0, 0x80, 0x800, 0x10000][len];
    if c < min || c > 0x10FFFF || (0xD800..=0xDFFF).contains(&c) {
        return None;
    }
    Some((c, len * 8))
}

/// Reads a segment at bit `at`; returns the value and the bits consumed.
pub fn get_segment(
    b: &Arc<Bitstring>,
    at: usize,
    kind: BinSegKind,
    size: &Term,
    unit: u32,
    flags: BinFlags,
) -> Option<(Term, usize)> {
    let left = b.bit_len() - at;
    match kind {
        BinSegKind::Integer => {
            let n = bits_of(size, unit).ok()??;
            if n > left {
                return None;
            }
            Some((read_int(b, at, n, flags), n))
        }
        BinSegKind::Float => {
            let n = bits_of(size, unit).ok()??;
            if n > left {
                return None;
            }
            let raw = if flags.little {
                let bytes = b.sub(at, n).to_bytes();
                let mut v = 0u64;
                for (i, x) in bytes.iter().enumerate() {
                    v |= (*x as u64) << (8 * i);
                }
                v
            } else {
                b.read_bits(at, n)
            };
            let f = match n {
                64 => f64::from_bits(raw),
                32 => f32::from_bits(raw as u32) as f64,
                16 => half_to_f64(raw as u16),
                _ => return None,
            };
            if !f.is_finite() {
                return None;
            }
            Some((Term::Float(f), n))
        }
        BinSegKind::Binary | BinSegKind::Bitstring => {
            let n = match bits_of(size, unit).ok()? {
                Some(n) => n,
                None => {
                    if kind == BinSegKind::Binary && !left.is_multiple_of(8) {
                        return None;
                    }
                    left
                }
            };
            if n > left {
                return None;
            }
            Some((Term::Binary(Arc::new(b.sub(at, n))), n))
        }
        BinSegKind::Utf8 => {
            let (c, used) = decode_utf8(b, at)?;
            Some((Term::Int(c as i64), used))
        }
        BinSegKind::Utf16 => {
            if left < 16 {
                return None;
            }
            let rd = |pos: usize| -> u32 {
                let v = b.read_bits(pos, 16) as u16;
                (if flags.little { v.swap_bytes() } else { v }) as u32
            };
            let w1 = rd(at);
            if (0xD800..0xDC00).contains(&w1) {
                if left < 32 {
                    return None;
                }
                let w2 = rd(at + 16);
                if !(0xDC00..0xE000).contains(&w2) {
                    return None;
                }
                let c = 0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00);
                Some((Term::Int(c as i64), 32))
            } else if (0xDC00..0xE000).contains(&w1) {
                None
            } else {
                Some((Term::Int(w1 as i64), 16))
            }
        }
        BinSegKind::Utf32 => {
            if left < 32 {
                return None;
            }
            let v = b.read_bits(at, 32) as u32;
            let c = if flags.little { v.swap_bytes() } else { v };
            if c > 0x10FFFF || (0xD800..=0xDFFF).contains(&c) {
                return None;
            }
            Some((Term::Int(c as i64), 32))
        }
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h >> 15 == 1 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1F) as i32;
    let frac = (h & 0x3FF) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 => f64::NAN,
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn f64_to_half(f: f64) -> Option<u16> {
    if f == 0.0 {
        return Some(if f.is_sign_negative() { 0x8000 } else { 0 });
    }
    let sign = if f < 0.0 { 0x8000u16 } else { 0 };
    let a = f.abs();
    if a >= 65520.0 {
        // Too large for a half float: infinity, as OTP writes it.
        return Some(sign | 0x7C00);
    }
    let e = a.log2().floor() as i32;
    if e < -14 {
        let m = (a / 2f64.powi(-24)).round() as u16;
        return Some(sign | m);
    }
    let mut m = ((a / 2f64.powi(e) - 1.0) * 1024.0).round() as u32;
    let mut e = e;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return Some(sign | 0x7C00);
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn badarg() -> Term {
    Term::Atom(atom::BADARG)
}

fn put_utf(w: &mut BitWriter, c: u32, kind: BinSegKind, little: bool) -> Result<(), Term> {
    if c > 0x10FFFF || (0xD800..=0xDFFF).contains(&c) {
        return Err(badarg());
    }
    match kind {
        BinSegKind::Utf8 => {
            let ch = char::from_u32(c).ok_or_else(badarg)?;
            let mut buf = [0u8; 4];
            w.push_bytes(ch.encode_utf8(&mut buf).as_bytes());
        }
        BinSegKind::Utf16 => {
            let ch = char::from_u32(c).ok_or_else(badarg)?;
            let mut buf = [0u16; 2];
            for u in ch.encode_utf16(&mut buf) {
                let v = if little { u.swap_bytes() } else { *u };
                w.push_bits(v as u64, 16);
            }
        }
        _ => {
            let v = if little { c.swap_bytes() } else { c };
            w.push_bits(v as u64, 32);
        }
    }
    Ok(())
}

/// Appends a segment; `Err(reason)` (`badarg`) when the value does not fit the type.
pub fn put_segment(
    w: &mut BitWriter,
    v: &Term,
    kind: BinSegKind,
    size: &Term,
    unit: u32,
    flags: BinFlags,
) -> Result<(), Term> {
    match kind {
        BinSegKind::Integer => {
            let n = bits_of(size, unit)
                .map_err(|_| badarg())?
                .ok_or_else(badarg)?;
            let i = number::to_bigint(v).ok_or_else(badarg)?;
            put_int(w, &i, n, flags.little);
            Ok(())
        }
        BinSegKind::Float => {
            let n = bits_of(size, unit)
                .map_err(|_| badarg())?
                .ok_or_else(badarg)?;
            let f = match v {
                Term::Float(f) => *f,
                Term::Int(i) => *i as f64,
                Term::Big(b) => b.to_f64().ok_or_else(badarg)?,
                _ => return Err(badarg()),
            };
            let (raw, bytes): (u64, usize) = match n {
                64 => (f.to_bits(), 8),
                32 => ((f as f32).to_bits() as u64, 4),
                16 => (f64_to_half(f).ok_or_else(badarg)? as u64, 2),
                _ => return Err(badarg()),
            };
            if flags.little {
                for i in 0..bytes {
                    w.push_bits((raw >> (8 * i)) & 0xFF, 8);
                }
            } else {
                w.push_bits(raw, n);
            }
            Ok(())
        }
        BinSegKind::Binary | BinSegKind::Bitstring => {
            let Term::Binary(b) = v else {
                return Err(badarg());
            };
            match bits_of(size, unit).map_err(|_| badarg())? {
                None => {
                    if kind == BinSegKind::Binary && !b.is_binary() {
                        return Err(badarg());
                    }
                    w.push_bitstring(b);
                }
                Some(n) => {
                    if n > b.bit_len() {
                        return Err(badarg());
                    }
                    w.push_bitstring(&b.sub(0, n));
                }
            }
            Ok(())
        }
        BinSegKind::Utf8 | BinSegKind::Utf16 | BinSegKind::Utf32 => {
            let c = match v {
                Term::Int(c) if *c >= 0 && *c <= u32::MAX as i64 => *c as u32,
                _ => return Err(badarg()),
            };
            put_utf(w, c, kind, flags.little)
        }
    }
}

fn put_int(w: &mut BitWriter, i: &BigInt, n: usize, little: bool) {
    if n == 0 {
        return;
    }
    // Two's complement of the low n bits.
    let modulus = BigInt::from(1) << n;
    let mut v = i % &modulus;
    if v.is_negative() {
        v += &modulus;
    }
    if !little {
        if n <= 64 {
            w.push_bits(v.to_u64().unwrap_or(0), n);
            return;
        }
        let (_, mut bytes) = v.to_bytes_be();
        let nbytes = n.div_ceil(8);
        while bytes.len() < nbytes {
            bytes.insert(0, 0);
        }
        let lead = n - (nbytes - 1) * 8;
        w.push_bits(bytes[0] as u64, lead);
        w.push_bytes(&bytes[1..]);
    } else {
        let (_, mut bytes) = v.to_bytes_le();
        let nbytes = n.div_ceil(8);
        bytes.resize(nbytes, 0);
        let full = n / 8;
        w.push_bytes(&bytes[..full]);
        let rem = n % 8;
        if rem > 0 {
            w.push_bits(bytes[full] as u64, rem);
        }
    }
}
