//! Binaries and bitstrings (OTP `erl_binary.h`, `erl_bits.c`).
//!
//! A [`Bitstring`] is a view (bit offset, bit length) into shared immutable
//! bytes, so a sub-binary such as the `Rest` of `<<H:8, Rest/binary>>` is a
//! new view on the same bytes, never a copy.

use std::sync::Arc;

/// A binary (whole bytes) or bitstring: a view into shared bytes.
#[derive(Clone)]
pub struct Bitstring {
    data: Arc<[u8]>,
    /// Offset of the first bit inside `data`.
    offset: usize,
    /// Length in bits.
    len: usize,
}

impl Bitstring {
    /// A binary holding a copy of `bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Bitstring {
        Bitstring::from_vec(bytes.to_vec())
    }

    /// A binary taking ownership of `bytes`.
    pub fn from_vec(bytes: Vec<u8>) -> Bitstring {
        let len = bytes.len() * 8;
        Bitstring {
            data: bytes.into(),
            offset: 0,
            len,
        }
    }

    /// A bitstring of `bit_len` bits taken from the start of `bytes`
    /// (bits past `bit_len` in the last byte are ignored).
    pub fn from_bits(bytes: Vec<u8>, bit_len: usize) -> Bitstring {
        debug_assert!(bit_len <= bytes.len() * 8);
        Bitstring {
            data: bytes.into(),
            offset: 0,
            len: bit_len,
        }
    }

    /// Length in bits.
    pub fn bit_len(&self) -> usize {
        self.len
    }

    /// Length in whole bytes (rounded down, as `byte_size` rounds up: see [`Bitstring::byte_size`]).
    pub fn byte_len(&self) -> usize {
        self.len / 8
    }

    /// `byte_size/1`: bytes needed to hold the bits (rounded up).
    pub fn byte_size(&self) -> usize {
        self.len.div_ceil(8)
    }

    /// True when the length is a whole number of bytes (`is_binary/1`).
    pub fn is_binary(&self) -> bool {
        self.len.is_multiple_of(8)
    }

    /// The bytes without copying, when the view is byte-aligned and whole.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        if self.offset.is_multiple_of(8) && self.len.is_multiple_of(8) {
            let start = self.offset / 8;
            Some(&self.data[start..start + self.len / 8])
        } else {
            None
        }
    }

    /// The bits as bytes, the last one padded with zero bits on the right.
    pub fn to_bytes(&self) -> Vec<u8> {
        if let Some(b) = self.as_bytes() {
            return b.to_vec();
        }
        let mut out = Vec::with_capacity(self.byte_size());
        let mut pos = 0;
        while pos < self.len {
            let n = (self.len - pos).min(8);
            let v = self.read_bits(pos, n) as u8;
            out.push(v << (8 - n));
            pos += n;
        }
        out
    }

    /// The bit at position `i` (0 = first) as 0 or 1.
    pub fn bit(&self, i: usize) -> u8 {
        let p = self.offset + i;
        (self.data[p / 8] >> (7 - p % 8)) & 1
    }

    /// Reads `n <= 64` bits at bit position `pos`, big-endian, as an unsigned number.
    pub fn read_bits(&self, pos: usize, n: usize) -> u64 {
        debug_assert!(n <= 64 && pos + n <= self.len);
        let mut v: u64 = 0;
        let mut p = self.offset + pos;
        let mut left = n;
        // Fast path for whole aligned bytes.
        while left >= 8 && p.is_multiple_of(8) {
            v = (v << 8) | self.data[p / 8] as u64;
            p += 8;
            left -= 8;
        }
        while left > 0 {
            v = (v << 1) | ((self.data[p / 8] >> (7 - p % 8)) & 1) as u64;
            p += 1;
            left -= 1;
        }
        v
    }

    /// A view of `len` bits starting at bit `pos` of this one (no copy).
    pub fn sub(&self, pos: usize, len: usize) -> Bitstring {
        debug_assert!(pos + len <= self.len);
        Bitstring {
            data: self.data.clone(),
            offset: self.offset + pos,
            len,
        }
    }
}

/// Appends bits to a growing bitstring: used by binary construction.
#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    /// An empty writer.
    pub fn new() -> BitWriter {
        BitWriter::default()
    }

    /// Bits written so far.
    pub fn bit_len(&self) -> usize {
        self.len
    }

    /// Appends whole bytes.
    pub fn push_bytes(&mut self, b: &[u8]) {
        if self.len.is_multiple_of(8) {
            self.bytes.extend_from_slice(b);
            self.len += b.len() * 8;
        } else {
            for &x in b {
                self.push_bits(x as u64, 8);
            }
        }
    }

    /// Appends the low `n <= 64` bits of `v`, most significant first.
    pub fn push_bits(&mut self, v: u64, n: usize) {
        if n == 0 {
            return;
        }
        if self.len.is_multiple_of(8) && n.is_multiple_of(8) {
            for i in (0..n / 8).rev() {
                self.bytes.push((v >> (i * 8)) as u8);
            }
            self.len += n;
            return;
        }
        for i in (0..n).rev() {
            let bit = ((v >> i) & 1) as u8;
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if bit == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 1 << (7 - self.len % 8);
            }
            self.len += 1;
        }
    }

    /// Appends all bits of a bitstring.
    pub fn push_bitstring(&mut self, b: &Bitstring) {
        if let Some(bytes) = b.as_bytes() {
            self.push_bytes(bytes);
            return;
        }
        let mut pos = 0;
        while pos < b.bit_len() {
            let n = (b.bit_len() - pos).min(64);
            self.push_bits(b.read_bits(pos, n), n);
            pos += n;
        }
    }

    /// The finished bitstring.
    pub fn finish(self) -> Bitstring {
        Bitstring::from_bits(self.bytes, self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_binaries_share_bytes_and_read_bits() {
        let b = Bitstring::from_bytes(&[0b1010_1100, 0xFF]);
        let s = b.sub(4, 8);
        assert_eq!(s.read_bits(0, 8), 0b1100_1111);
        assert_eq!(s.to_bytes(), vec![0b1100_1111]);
        assert!(b.sub(8, 8).as_bytes().is_some());
    }

    #[test]
    fn writer_packs_unaligned_bits() {
        let mut w = BitWriter::new();
        w.push_bits(0b101, 3);
        w.push_bytes(&[0xFF]);
        let b = w.finish();
        assert_eq!(b.bit_len(), 11);
        assert_eq!(b.to_bytes(), vec![0b1011_1111, 0b1110_0000]);
    }
}
