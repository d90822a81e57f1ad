//! Portable term hashing (OTP `utils.c`, `make_hash2`): `erlang:phash2/1,2`.
//!
//! The hash folds a term into 32 bits with Bob Jenkins' 96-bit mix
//! ("lookup2"): each step adds a type constant (a multiple of the golden
//! ratio `0x9e3779b9`) to one or two 32-bit words of the value, then mixes
//! them with the running hash. Lists of bytes are packed four to a word;
//! binaries go through Jenkins' block hash; map pairs are hashed on their own
//! and combined with XOR, so the result does not depend on map order. Values
//! agree with OTP 25 on 64-bit machines, which are checked against `erl` in
//! the tests below.
//!
//! Terms are walked with an explicit stack, as OTP does, so deep terms hash
//! without deep Rust recursion.

use super::{Atom, Bitstring, Fun, FunKind, Term};
use num_bigint::BigInt;

/// `0x9e3779b9 * n mod 2^32`: the golden ratio and its multiples, one per
/// kind of value so that equal words of different types hash apart.
const fn hconst(n: u32) -> u32 {
    0x9e37_79b9u32.wrapping_mul(n)
}

const HCONST: u32 = hconst(1);
const HCONST_2: u32 = hconst(2);
const HCONST_3: u32 = hconst(3);
const HCONST_4: u32 = hconst(4);
const HCONST_5: u32 = hconst(5);
const HCONST_7: u32 = hconst(7);
const HCONST_9: u32 = hconst(9);
const HCONST_10: u32 = hconst(10);
const HCONST_11: u32 = hconst(11);
const HCONST_12: u32 = hconst(12);
const HCONST_13: u32 = hconst(13);
const HCONST_14: u32 = hconst(14);
const HCONST_15: u32 = hconst(15);
const HCONST_16: u32 = hconst(16);
const HCONST_19: u32 = hconst(19);

/// The hash of `[]` when it is the whole term.
const NIL_HASH: u32 = 3_468_870_702;
/// The word mixed in for `[]` inside a term (found by checking against OTP 25).
const NIL_WORD: u32 = 2;

/// `erlang:phash2(T)`: 27 bits.
pub fn phash2(t: &Term) -> u32 {
    make_hash2(t) & ((1 << 27) - 1)
}

/// `erlang:phash2(T, Range)` for `1 <= Range <= 2^32` (`badarg` otherwise,
/// checked by the caller): a value in `0..Range`.
pub fn phash2_range(t: &Term, range: u64) -> u32 {
    debug_assert!((1..=1 << 32).contains(&range));
    (u64::from(make_hash2(t)) % range.max(1)) as u32
}

/// Jenkins' mix of three words.
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    macro_rules! step {
        ($x:ident, $y:ident, $z:ident, $op:tt, $s:literal) => {
            *$x = $x.wrapping_sub(*$y).wrapping_sub(*$z) ^ (*$z $op $s);
        };
    }
    step!(a, b, c, >>, 13);
    step!(b, c, a, <<, 8);
    step!(c, a, b, >>, 13);
    step!(a, b, c, >>, 12);
    step!(b, c, a, <<, 16);
    step!(c, a, b, >>, 5);
    step!(a, b, c, >>, 3);
    step!(b, c, a, <<, 10);
    step!(c, a, b, >>, 15);
}

/// The running hash state of one term walk.
struct Hasher {
    hash: u32,
}

impl Hasher {
    /// Mixes two words, each offset by `k`, into the hash.
    fn words(&mut self, x: u32, y: u32, k: u32) {
        let (mut a, mut b) = (k.wrapping_add(x), k.wrapping_add(y));
        mix(&mut a, &mut b, &mut self.hash);
    }

    fn word(&mut self, x: u32, k: u32) {
        self.words(x, 0, k);
    }

    /// A signed value of at most 28 bits; negatives are mixed twice, as OTP does.
    fn small28(&mut self, v: i32) {
        if v < 0 {
            self.word(v.wrapping_neg() as u32, HCONST);
        }
        self.word(v as u32, HCONST);
    }

    /// An integer's magnitude as 64-bit digits, least significant first,
    /// each as its two 32-bit halves.
    fn digits(&mut self, negative: bool, digits: impl IntoIterator<Item = u64>) {
        let k = if negative { HCONST_10 } else { HCONST_11 };
        for d in digits {
            self.words(d as u32, (d >> 32) as u32, k);
        }
    }

    fn int(&mut self, i: i64) {
        if (-(1 << 27)..(1 << 27)).contains(&i) {
            self.small28(i as i32);
        } else {
            self.digits(i < 0, [i.unsigned_abs()]);
        }
    }

    fn big(&mut self, b: &BigInt) {
        self.digits(b.sign() == num_bigint::Sign::Minus, b.iter_u64_digits());
    }

    fn float(&mut self, f: f64) {
        let bits = if f == 0.0 { 0 } else { f.to_bits() };
        self.words((bits >> 32) as u32, bits as u32, HCONST_12);
    }

    fn atom(&mut self, a: Atom) {
        let h = atom_hash(a);
        if self.hash == 0 {
            self.hash = h;
        } else {
            self.word(h, HCONST_3);
        }
    }

    fn nil(&mut self) {
        if self.hash == 0 {
            self.hash = NIL_HASH;
        } else {
            self.word(NIL_WORD, HCONST_2);
        }
    }

    fn binary(&mut self, b: &Bitstring) {
        let con = HCONST_13.wrapping_add(self.hash);
        if b.bit_len() == 0 {
            self.hash = con;
            return;
        }
        let copied;
        let bytes = match b.as_bytes() {
            Some(aligned) => aligned,
            None => {
                copied = b.to_bytes();
                &copied
            }
        };
        let whole = b.bit_len() / 8;
        self.hash = block_hash(&bytes[..whole], con);
        let rest = b.bit_len() % 8;
        if rest > 0 {
            let last = u32::from(bytes[whole]) >> (8 - rest);
            self.words(rest as u32, last, HCONST_15);
        }
    }
}

/// Jenkins' lookup2 hash of a byte block, seeded with `initval`.
fn block_hash(k: &[u8], initval: u32) -> u32 {
    let word = |b: &[u8]| -> u32 {
        b.iter().enumerate().fold(0u32, |acc, (i, &x)| {
            acc.wrapping_add(u32::from(x) << (8 * i))
        })
    };
    let (mut a, mut b, mut c) = (HCONST, HCONST, initval);
    let mut chunks = k.chunks_exact(12);
    for ch in &mut chunks {
        a = a.wrapping_add(word(&ch[0..4]));
        b = b.wrapping_add(word(&ch[4..8]));
        c = c.wrapping_add(word(&ch[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let r = chunks.remainder();
    c = c.wrapping_add(k.len() as u32);
    a = a.wrapping_add(word(&r[..r.len().min(4)]));
    if r.len() > 4 {
        b = b.wrapping_add(word(&r[4..r.len().min(8)]));
    }
    if r.len() > 8 {
        // The low byte of `c` holds the length: the tail starts one byte up.
        c = c.wrapping_add(word(&r[8..]) << 8);
    }
    mix(&mut a, &mut b, &mut c);
    c
}

/// An atom's hash (OTP `atom.c`): hashpjw over its Latin-1 bytes, where a
/// character of U+0080..U+00FF counts as its single Latin-1 byte (OTP keeps
/// atoms as UTF-8 and folds those two-byte sequences back).
pub fn atom_hash(a: Atom) -> u32 {
    let name = a.name();
    let mut h: u64 = 0;
    let mut feed = |v: u64| {
        h = (h << 4) + v;
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    };
    for c in name.chars() {
        let cp = c as u32;
        if (0x80..0x100).contains(&cp) {
            feed(u64::from(cp));
        } else {
            let mut buf = [0u8; 4];
            for &byte in c.encode_utf8(&mut buf).as_bytes() {
                feed(u64::from(byte));
            }
        }
    }
    h as u32
}

/// Work left on the explicit stack.
enum Work<'a> {
    Term(&'a Term),
    /// Close a map: fold the XOR of its pair hashes into the hash saved when
    /// it was opened, and restore the enclosing map's XOR.
    MapTail {
        saved_hash: u32,
        saved_xor: u32,
    },
    /// One map pair is done: XOR its hash in and start the next from zero.
    MapPair,
}

/// OTP's `make_hash2`: the full 32-bit portable hash.
pub fn make_hash2(t: &Term) -> u32 {
    let mut h = Hasher { hash: 0 };
    let mut xor_pairs: u32 = 0;
    let mut stack = vec![Work::Term(t)];
    while let Some(w) = stack.pop() {
        let t = match w {
            Work::Term(t) => t,
            Work::MapPair => {
                xor_pairs ^= h.hash;
                h.hash = 0;
                continue;
            }
            Work::MapTail {
                saved_hash,
                saved_xor,
            } => {
                h.hash = saved_hash;
                h.word(xor_pairs, HCONST_19);
                xor_pairs = saved_xor;
                continue;
            }
        };
        match t {
            Term::Int(i) => h.int(*i),
            Term::Big(b) => h.big(b),
            Term::Float(f) => h.float(*f),
            Term::Atom(a) => h.atom(*a),
            Term::Nil => h.nil(),
            Term::Cons(_) => list(&mut h, t, &mut stack),
            Term::Tuple(tuple) => {
                h.word(tuple.len() as u32, HCONST_9);
                stack.extend(tuple.iter().rev().map(Work::Term));
            }
            Term::Map(m) => {
                h.word(m.len() as u32, HCONST_16);
                if m.is_empty() {
                    continue;
                }
                stack.push(Work::MapTail {
                    saved_hash: h.hash,
                    saved_xor: xor_pairs,
                });
                let pairs: Vec<_> = m.iter().collect();
                for (k, v) in pairs.into_iter().rev() {
                    stack.push(Work::MapPair);
                    stack.push(Work::Term(v));
                    stack.push(Work::Term(k));
                }
                h.hash = 0;
                xor_pairs = 0;
            }
            Term::Binary(b) => h.binary(b),
            Term::Fun(f) => fun(&mut h, f, &mut stack),
            Term::Pid(p) => h.word(super::etf::pid_fields(p.0).0, HCONST_5),
            Term::Ref(r) => h.word(super::etf::ref_words(r.0)[0], HCONST_7),
        }
    }
    h.hash
}

/// A list: runs of byte elements are packed four to a word; any other
/// element is hashed in place, and the tail last.
fn list<'a>(h: &mut Hasher, t: &'a Term, stack: &mut Vec<Work<'a>>) {
    let mut cur = t;
    let mut packed: u32 = 0;
    let mut n = 0;
    while let Term::Cons(c) = cur {
        match c.head {
            Term::Int(b @ 0..=255) => {
                packed = (packed << 8).wrapping_add(b as u32);
                n += 1;
                if n == 4 {
                    h.word(packed, HCONST_4);
                    packed = 0;
                    n = 0;
                }
                cur = &c.tail;
            }
            _ => {
                if n > 0 {
                    h.word(packed, HCONST_4);
                }
                stack.push(Work::Term(&c.tail));
                stack.push(Work::Term(&c.head));
                return;
            }
        }
    }
    if n > 0 {
        h.word(packed, HCONST_4);
    }
    stack.push(Work::Term(cur));
}

fn fun<'a>(h: &mut Hasher, f: &'a Fun, stack: &mut Vec<Work<'a>>) {
    match &f.kind {
        FunKind::External { function, arity } => {
            h.words(*arity, atom_hash(f.module), HCONST);
            h.word(atom_hash(*function), HCONST_14);
        }
        FunKind::Local { index, env, .. } => {
            h.words(env.len() as u32, atom_hash(f.module), HCONST);
            // OTP mixes in the lambda's old index and uniq; ferl writes
            // `index` and 0 for them in the external format.
            h.words(*index, 0, HCONST);
            stack.extend(env.iter().rev().map(Work::Term));
        }
    }
}

/// Primes of OTP's older hash (`make_hash`), named by their use below.
const P1: u32 = 268_440_163;
const P2: u32 = 268_439_161;
const P3: u32 = 268_435_459;
const P4: u32 = 268_436_141;
const P5: u32 = 268_438_633;
const P6: u32 = 268_437_017;
const P8: u32 = 268_437_511;
const P9: u32 = 268_439_627;
const P10: u32 = 268_440_479;
const P11: u32 = 268_440_577;
const P12: u32 = 268_440_581;
const P13: u32 = 268_440_593;
const P14: u32 = 268_440_611;

/// `erlang:phash(T, Range)` for `1 <= Range <= 2^32`: a value in `1..=Range`
/// (OTP's deprecated hash, `make_hash`; `phash2` is the one to use).
pub fn phash(t: &Term, range: u64) -> u64 {
    debug_assert!((1..=1 << 32).contains(&range));
    u64::from(make_hash(t)) % range.max(1) + 1
}

/// Work left for [`make_hash`].
enum Work1<'a> {
    Term(&'a Term),
    /// A list element in `0..=255`, which lists hash more cheaply.
    Byte(u32),
    /// A list ended: scale the hash once.
    ListEnd,
    /// A tuple's elements are done: mix in its arity.
    TupleEnd(u32),
}

/// OTP's `make_hash`: multiply-and-add over the bytes of each value, every
/// kind with its own prime.
pub fn make_hash(t: &Term) -> u32 {
    let mut hash: u32 = 0;
    let bytes = |hash: &mut u32, x: u32, p: u32| {
        for i in 0..4 {
            *hash = hash.wrapping_mul(p).wrapping_add((x >> (8 * i)) & 0xFF);
        }
    };
    let mut stack = vec![Work1::Term(t)];
    while let Some(w) = stack.pop() {
        let t = match w {
            Work1::Term(t) => t,
            Work1::Byte(b) => {
                hash = hash.wrapping_mul(P2).wrapping_add(b);
                continue;
            }
            Work1::ListEnd => {
                hash = hash.wrapping_mul(P8);
                continue;
            }
            Work1::TupleEnd(arity) => {
                hash = hash.wrapping_mul(P9).wrapping_add(arity);
                continue;
            }
        };
        match t {
            Term::Nil => hash = hash.wrapping_mul(P3).wrapping_add(1),
            Term::Atom(a) => hash = hash.wrapping_mul(P1).wrapping_add(atom_hash(*a)),
            Term::Int(i) => {
                let m = i.unsigned_abs();
                bytes(&mut hash, m as u32, P2);
                if m >> 32 != 0 {
                    bytes(&mut hash, (m >> 32) as u32, P2);
                }
                hash = hash.wrapping_mul(if *i < 0 { P4 } else { P3 });
            }
            Term::Big(b) => {
                let digits: Vec<u64> = b.iter_u64_digits().collect();
                for (i, d) in digits.iter().enumerate() {
                    bytes(&mut hash, *d as u32, P2);
                    if i + 1 < digits.len() || d >> 32 != 0 {
                        bytes(&mut hash, (d >> 32) as u32, P2);
                    }
                }
                let negative = b.sign() == num_bigint::Sign::Minus;
                hash = hash.wrapping_mul(if negative { P4 } else { P3 });
            }
            Term::Float(f) => {
                let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                hash = hash
                    .wrapping_mul(P6)
                    .wrapping_add((bits as u32) ^ ((bits >> 32) as u32));
            }
            Term::Binary(b) => {
                let data = b.to_bytes();
                let whole = b.bit_len() / 8;
                for &x in &data[..whole] {
                    hash = hash.wrapping_mul(P1).wrapping_add(u32::from(x));
                }
                let rest = (b.bit_len() % 8) as u32;
                if rest > 0 {
                    let last = u32::from(data[whole]) >> (8 - rest);
                    hash = hash
                        .wrapping_mul(P1)
                        .wrapping_add(last)
                        .wrapping_mul(P12)
                        .wrapping_add(rest);
                }
                hash = hash.wrapping_mul(P4).wrapping_add(whole as u32);
            }
            Term::Cons(_) => {
                // Every element, then the tail, then one scaling for the list.
                stack.push(Work1::ListEnd);
                let mut it = t.iter_list();
                let mut elems: Vec<Work1> = (&mut it)
                    .map(|e| match e {
                        Term::Int(b @ 0..=255) => Work1::Byte(*b as u32),
                        _ => Work1::Term(e),
                    })
                    .collect();
                elems.push(Work1::Term(it.tail()));
                stack.extend(elems.into_iter().rev());
            }
            Term::Tuple(tuple) => {
                stack.push(Work1::TupleEnd(tuple.len() as u32));
                stack.extend(tuple.iter().rev().map(Work1::Term));
            }
            Term::Map(_) => {
                hash = hash
                    .wrapping_mul(P13)
                    .wrapping_add(P14)
                    .wrapping_add(make_hash2(t));
            }
            Term::Fun(f) => match &f.kind {
                FunKind::External { function, arity } => {
                    hash = hash.wrapping_mul(P11).wrapping_add(*arity);
                    hash = hash.wrapping_mul(P1).wrapping_add(atom_hash(f.module));
                    hash = hash.wrapping_mul(P1).wrapping_add(atom_hash(*function));
                }
                FunKind::Local { index, env, .. } => {
                    hash = hash.wrapping_mul(P10).wrapping_add(env.len() as u32);
                    hash = hash.wrapping_mul(P1).wrapping_add(atom_hash(f.module));
                    hash = hash.wrapping_mul(P2).wrapping_add(*index);
                    hash = hash.wrapping_mul(P2);
                    stack.extend(env.iter().rev().map(Work1::Term));
                }
            },
            Term::Pid(p) => {
                bytes(&mut hash, super::etf::pid_fields(p.0).0, P5);
                hash = hash.wrapping_mul(P6);
            }
            Term::Ref(r) => {
                bytes(&mut hash, super::etf::ref_words(r.0)[0], P9);
                hash = hash.wrapping_mul(P10);
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::etf::testing::*;
    use crate::term::Ref;

    /// (term, `erlang:phash2(Term)`, `erlang:phash(Term, 1 bsl 32)`), both
    /// on OTP 25.
    fn hash_table() -> Vec<(Term, u32, u64)> {
        vec![
        (Term::Int(0), 88723725, 1),
        (Term::Int(1), 2614250, 2788898428),
        (Term::Int(2), 27494836, 1282829559),
        (Term::Int(7), 846366, 2342419806),
        (Term::Int(42), 30328728, 1169616943),
        (Term::Int(255), 44734653, 2499495046),
        (Term::Int(256), 37021655, 1920229268),
        (Term::Int(1000), 65787489, 4245061170),
        (Term::Int(65535), 9764579, 2531686387),
        (Term::Int(65536), 79773559, 3221236588),
        (Term::Int(134217727), 112602999, 1192343453),
        (Term::Int(134217728), 12354923, 2147483673),
        (Term::Int(-134217728), 69672967, 2147489129),
        (Term::Int(-134217729), 76739502, 3827674398),
        (Term::Int(2147483647), 124127543, 3339827461),
        (Term::Int(2147483648), 14246037, 385),
        (Term::Int(-2147483648), 62030289, 87681),
        (Term::Int(-2147483649), 44917388, 1680272950),
        (Term::Int(4294967296), 95057355, 2788898428),
        (Term::Int(1099511627776), 13893919, 1920229268),
        (Term::Int(4611686018427387904), 29238129, 193),
        (Term::Int(9223372036854775807), 28179613, 966799625),
        (Term::Int(-9223372036854775808), 126213383, 87681),
        (big("9223372036854775808"), 39852678, 385),
        (big("18446744073709551615"), 53435350, 966800009),
        (big("18446744073709551616"), 103122609, 2788898428),
        (big("1267650600228229401496703205376"), 126219984, 1672701873),
        (big("-1267650600228229401496703205376"), 124857544, 1113160529),
        (big("123456789012345678901234567890"), 132143600, 2723083119),
        (Term::Int(-1), 44071773, 1680185270),
        (Term::Int(-2), 45155178, 3360370539),
        (Term::Int(-255), 124239457, 3245481292),
        (Term::Int(-256), 87258916, 3765867550),
        (Term::Int(-1000000), 6451743, 2319253318),
        (big("126238304966058622268417487065116999845484776053576109500509161826268184136202698801551568013761380717534054534851164138648904527931605160527688095259563605939964364716019515983399209962459578542172100149937763938581219604072733422507180056009672540900709554109516816573779593326332288314873251559077853068444977864803391962580800682760017849589281937637993445539366428356761821065267423102149447628375691862210717202025241630303118559188678304314076943801692528246980959705901641444238894928620825482303431806955690226308773426829503900930529395181208739591967195841536053143145775307050594328881077553168201547776"), 39709777, 268435460),
        (big("-32317006071311007300714876688669951960444102669715484032130345427524655138867890893197201411522913463688717960921898019494119559150490921095088152386448283120630877367300996091750197750389652106796057638384067568276792218642619756161838094338476170470581645852036305042887575891541065808607552399123930385521914333389668342420684974786564569494856176035326322058077805659331026192708460314150258592864177116725943603718461857357598351152301645904403697613233287231227125684710820209725157101726931323469678542580656697935045997268352998638215525166389437335543602135433229604645318478604952148193555853611059596230656"), 108302543, 1680185270),
        (Term::Float(0.0), 20875736, 1),
        (Term::Float(-0.0), 20875736, 1),
        (Term::Float(1.0), 77147068, 1072693249),
        (Term::Float(-1.0), 103700184, 3220176897),
        (Term::Float(0.5), 55691757, 1071644673),
        (Term::Float(1.5), 10380315, 1073217537),
        (Term::Float(std::f64::consts::PI), 93376775, 340593892),
        (Term::Float(-2.5e-300), 5975345, 839776649),
        (Term::Float(1.0e300), 119088650, 4130836897),
        (Term::Float(5.0e-324), 107647591, 2),
        (Term::Float(1.7976931348623157e308), 22278810, 2148532225),
        (Term::Float(0.1), 114238079, 2787115012),
        (Term::Float(100.0), 111637294, 1079574529),
        (atom("a"), 97, 98),
        (atom("abc"), 26499, 26500),
        (atom("ok"), 1883, 1884),
        (atom("error"), 7117154, 7117155),
        (atom("true"), 506293, 506294),
        (atom("false"), 7111573, 7111574),
        (atom(""), 0, 1),
        (atom("hello world"), 18131988, 18131989),
        (atom("\u{dc}n\u{ef}c\u{f6}d\u{e9}"), 64368073, 64368074),
        (atom("\u{3b1}\u{3b2}\u{3b3}"), 94281619, 228499348),
        (atom("\u{65e5}\u{672c}"), 117588076, 251805805),
        (atom("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 32760, 32761),
        (atom("\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}\u{3b1}"), 115249473, 249467202),
        (atom("nonode@nohost"), 70306884, 70306885),
        (Term::Nil, 113427502, 2),
        (Term::list(vec![Term::Int(0)]), 10493030, 268437512),
        (Term::list(vec![Term::Int(1)]), 84609158, 2952798237),
        (Term::list(vec![Term::Int(1), Term::Int(2)]), 13006701, 1096597535),
        (Term::list(vec![Term::Int(1), Term::Int(2), Term::Int(3)]), 25788620, 3336869158),
        (Term::list(vec![Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(4)]), 90049352, 1639890826),
        (Term::list(vec![Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(4), Term::Int(5)]), 66056394, 1630427363),
        (Term::list(vec![Term::Int(104), Term::Int(101), Term::Int(108), Term::Int(108), Term::Int(111)]), 81920127, 2340352116),
        (Term::list(vec![Term::Int(104), Term::Int(101), Term::Int(108), Term::Int(108), Term::Int(111), Term::Int(32), Term::Int(119), Term::Int(111), Term::Int(114), Term::Int(108), Term::Int(100), Term::Int(44), Term::Int(32), Term::Int(116), Term::Int(104), Term::Int(105), Term::Int(115), Term::Int(32), Term::Int(105), Term::Int(115), Term::Int(32), Term::Int(97), Term::Int(32), Term::Int(108), Term::Int(111), Term::Int(110), Term::Int(103), Term::Int(101), Term::Int(114), Term::Int(32), Term::Int(115), Term::Int(116), Term::Int(114), Term::Int(105), Term::Int(110), Term::Int(103), Term::Int(33)]), 127837736, 704051396),
        (Term::list(vec![Term::Int(256)]), 73608398, 1015129879),
        (Term::list(vec![Term::Int(1), Term::Int(256), Term::Int(2)]), 27752983, 1141882800),
        (Term::list(vec![atom("a"), atom("b"), atom("c")]), 29271916, 1373507298),
        (Term::list_with_tail(vec![Term::Int(1)], Term::Int(2)), 86124794, 2402949552),
        (Term::list_with_tail(vec![atom("a")], atom("b")), 74710280, 4159696708),
        (Term::list(vec![Term::Nil]), 96416884, 2952798237),
        (Term::list(vec![Term::list(vec![Term::Int(1)]), Term::list(vec![Term::Int(2)])]), 109942119, 1718464617),
        (Term::list_with_tail(vec![Term::Int(1), Term::Int(2)], Term::Int(3)), 8851781, 265598415),
        (Term::list_with_tail(vec![Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(4), Term::Int(5)], Term::Int(6)), 76508263, 1123820586),
        (Term::list(vec![Term::Float(1.0), Term::Int(2)]), 36854525, 288372786),
        (Term::list(vec![Term::list(vec![Term::Int(97), Term::Int(98)]), Term::list(vec![Term::Int(99), Term::Int(100)])]), 86452510, 1552262048),
        (Term::list(vec![Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(4), Term::Int(5), Term::Int(6), Term::Int(7), Term::Int(8), Term::Int(9), Term::Int(10), Term::Int(11), Term::Int(12), Term::Int(13), Term::Int(14), Term::Int(15), Term::Int(16), Term::Int(17), Term::Int(18), Term::Int(19), Term::Int(20), Term::Int(21), Term::Int(22), Term::Int(23), Term::Int(24), Term::Int(25), Term::Int(26), Term::Int(27), Term::Int(28), Term::Int(29), Term::Int(30), Term::Int(31), Term::Int(32), Term::Int(33), Term::Int(34), Term::Int(35), Term::Int(36), Term::Int(37), Term::Int(38), Term::Int(39), Term::Int(40), Term::Int(41), Term::Int(42), Term::Int(43), Term::Int(44), Term::Int(45), Term::Int(46), Term::Int(47), Term::Int(48), Term::Int(49), Term::Int(50), Term::Int(51), Term::Int(52), Term::Int(53), Term::Int(54), Term::Int(55), Term::Int(56), Term::Int(57), Term::Int(58), Term::Int(59), Term::Int(60), Term::Int(61), Term::Int(62), Term::Int(63), Term::Int(64), Term::Int(65), Term::Int(66), Term::Int(67), Term::Int(68), Term::Int(69), Term::Int(70), Term::Int(71), Term::Int(72), Term::Int(73), Term::Int(74), Term::Int(75), Term::Int(76), Term::Int(77), Term::Int(78), Term::Int(79), Term::Int(80), Term::Int(81), Term::Int(82), Term::Int(83), Term::Int(84), Term::Int(85), Term::Int(86), Term::Int(87), Term::Int(88), Term::Int(89), Term::Int(90), Term::Int(91), Term::Int(92), Term::Int(93), Term::Int(94), Term::Int(95), Term::Int(96), Term::Int(97), Term::Int(98), Term::Int(99), Term::Int(100), Term::Int(101), Term::Int(102), Term::Int(103), Term::Int(104), Term::Int(105), Term::Int(106), Term::Int(107), Term::Int(108), Term::Int(109), Term::Int(110), Term::Int(111), Term::Int(112), Term::Int(113), Term::Int(114), Term::Int(115), Term::Int(116), Term::Int(117), Term::Int(118), Term::Int(119), Term::Int(120), Term::Int(121), Term::Int(122), Term::Int(123), Term::Int(124), Term::Int(125), Term::Int(126), Term::Int(127), Term::Int(128), Term::Int(129), Term::Int(130), Term::Int(131), Term::Int(132), Term::Int(133), Term::Int(134), Term::Int(135), Term::Int(136), Term::Int(137), Term::Int(138), Term::Int(139), Term::Int(140), Term::Int(141), Term::Int(142), Term::Int(143), Term::Int(144), Term::Int(145), Term::Int(146), Term::Int(147), Term::Int(148), Term::Int(149), Term::Int(150), Term::Int(151), Term::Int(152), Term::Int(153), Term::Int(154), Term::Int(155), Term::Int(156), Term::Int(157), Term::Int(158), Term::Int(159), Term::Int(160), Term::Int(161), Term::Int(162), Term::Int(163), Term::Int(164), Term::Int(165), Term::Int(166), Term::Int(167), Term::Int(168), Term::Int(169), Term::Int(170), Term::Int(171), Term::Int(172), Term::Int(173), Term::Int(174), Term::Int(175), Term::Int(176), Term::Int(177), Term::Int(178), Term::Int(179), Term::Int(180), Term::Int(181), Term::Int(182), Term::Int(183), Term::Int(184), Term::Int(185), Term::Int(186), Term::Int(187), Term::Int(188), Term::Int(189), Term::Int(190), Term::Int(191), Term::Int(192), Term::Int(193), Term::Int(194), Term::Int(195), Term::Int(196), Term::Int(197), Term::Int(198), Term::Int(199), Term::Int(200), Term::Int(201), Term::Int(202), Term::Int(203), Term::Int(204), Term::Int(205), Term::Int(206), Term::Int(207), Term::Int(208), Term::Int(209), Term::Int(210), Term::Int(211), Term::Int(212), Term::Int(213), Term::Int(214), Term::Int(215), Term::Int(216), Term::Int(217), Term::Int(218), Term::Int(219), Term::Int(220), Term::Int(221), Term::Int(222), Term::Int(223), Term::Int(224), Term::Int(225), Term::Int(226), Term::Int(227), Term::Int(228), Term::Int(229), Term::Int(230), Term::Int(231), Term::Int(232), Term::Int(233), Term::Int(234), Term::Int(235), Term::Int(236), Term::Int(237), Term::Int(238), Term::Int(239), Term::Int(240), Term::Int(241), Term::Int(242), Term::Int(243), Term::Int(244), Term::Int(245), Term::Int(246), Term::Int(247), Term::Int(248), Term::Int(249), Term::Int(250), Term::Int(251), Term::Int(252), Term::Int(253), Term::Int(254), Term::Int(255), Term::Int(256), Term::Int(257), Term::Int(258), Term::Int(259), Term::Int(260), Term::Int(261), Term::Int(262), Term::Int(263), Term::Int(264), Term::Int(265), Term::Int(266), Term::Int(267), Term::Int(268), Term::Int(269), Term::Int(270), Term::Int(271), Term::Int(272), Term::Int(273), Term::Int(274), Term::Int(275), Term::Int(276), Term::Int(277), Term::Int(278), Term::Int(279), Term::Int(280), Term::Int(281), Term::Int(282), Term::Int(283), Term::Int(284), Term::Int(285), Term::Int(286), Term::Int(287), Term::Int(288), Term::Int(289), Term::Int(290), Term::Int(291), Term::Int(292), Term::Int(293), Term::Int(294), Term::Int(295), Term::Int(296), Term::Int(297), Term::Int(298), Term::Int(299), Term::Int(300)]), 17099521, 4137644929),
        (Term::list(vec![Term::Int(-1)]), 42412580, 3981341153),
        (Term::list(vec![Term::Int(1), Term::Int(-1)]), 26242804, 1630033778),
        (Term::tuple(vec![]), 87486268, 1),
        (Term::tuple(vec![atom("a")]), 35332806, 268840045),
        (Term::tuple(vec![Term::Int(1), Term::Int(2)]), 91564110, 3114748240),
        (Term::tuple(vec![atom("a"), atom("b"), atom("c")]), 113425870, 685556714),
        (Term::tuple(vec![Term::tuple(vec![])]), 17560713, 2),
        (Term::tuple(vec![Term::Nil, Term::Nil]), 23759702, 4026548527),
        (Term::tuple(vec![Term::Int(1), Term::tuple(vec![Term::Int(2), Term::tuple(vec![Term::Int(3), Term::tuple(vec![Term::Int(4)])])])]), 27354136, 610963388),
        (Term::tuple(vec![atom("ok"), Term::list(vec![Term::Int(118), Term::Int(97), Term::Int(108), Term::Int(117), Term::Int(101)])]), 24462138, 2367191888),
        (Term::tuple(vec![atom("error"), Term::tuple(vec![atom("reason"), Term::Int(42)])]), 77917180, 2686379843),
        (Term::tuple(vec![Term::Int(1), Term::Int(2), Term::Int(3), Term::Int(4), Term::Int(5), Term::Int(6), Term::Int(7), Term::Int(8), Term::Int(9), Term::Int(10), Term::Int(11), Term::Int(12), Term::Int(13), Term::Int(14), Term::Int(15), Term::Int(16), Term::Int(17), Term::Int(18), Term::Int(19), Term::Int(20), Term::Int(21), Term::Int(22), Term::Int(23), Term::Int(24), Term::Int(25), Term::Int(26), Term::Int(27), Term::Int(28), Term::Int(29), Term::Int(30), Term::Int(31), Term::Int(32), Term::Int(33), Term::Int(34), Term::Int(35), Term::Int(36), Term::Int(37), Term::Int(38), Term::Int(39), Term::Int(40), Term::Int(41), Term::Int(42), Term::Int(43), Term::Int(44), Term::Int(45), Term::Int(46), Term::Int(47), Term::Int(48), Term::Int(49), Term::Int(50), Term::Int(51), Term::Int(52), Term::Int(53), Term::Int(54), Term::Int(55), Term::Int(56), Term::Int(57), Term::Int(58), Term::Int(59), Term::Int(60), Term::Int(61), Term::Int(62), Term::Int(63), Term::Int(64), Term::Int(65), Term::Int(66), Term::Int(67), Term::Int(68), Term::Int(69), Term::Int(70), Term::Int(71), Term::Int(72), Term::Int(73), Term::Int(74), Term::Int(75), Term::Int(76), Term::Int(77), Term::Int(78), Term::Int(79), Term::Int(80), Term::Int(81), Term::Int(82), Term::Int(83), Term::Int(84), Term::Int(85), Term::Int(86), Term::Int(87), Term::Int(88), Term::Int(89), Term::Int(90), Term::Int(91), Term::Int(92), Term::Int(93), Term::Int(94), Term::Int(95), Term::Int(96), Term::Int(97), Term::Int(98), Term::Int(99), Term::Int(100), Term::Int(101), Term::Int(102), Term::Int(103), Term::Int(104), Term::Int(105), Term::Int(106), Term::Int(107), Term::Int(108), Term::Int(109), Term::Int(110), Term::Int(111), Term::Int(112), Term::Int(113), Term::Int(114), Term::Int(115), Term::Int(116), Term::Int(117), Term::Int(118), Term::Int(119), Term::Int(120), Term::Int(121), Term::Int(122), Term::Int(123), Term::Int(124), Term::Int(125), Term::Int(126), Term::Int(127), Term::Int(128), Term::Int(129), Term::Int(130), Term::Int(131), Term::Int(132), Term::Int(133), Term::Int(134), Term::Int(135), Term::Int(136), Term::Int(137), Term::Int(138), Term::Int(139), Term::Int(140), Term::Int(141), Term::Int(142), Term::Int(143), Term::Int(144), Term::Int(145), Term::Int(146), Term::Int(147), Term::Int(148), Term::Int(149), Term::Int(150), Term::Int(151), Term::Int(152), Term::Int(153), Term::Int(154), Term::Int(155), Term::Int(156), Term::Int(157), Term::Int(158), Term::Int(159), Term::Int(160), Term::Int(161), Term::Int(162), Term::Int(163), Term::Int(164), Term::Int(165), Term::Int(166), Term::Int(167), Term::Int(168), Term::Int(169), Term::Int(170), Term::Int(171), Term::Int(172), Term::Int(173), Term::Int(174), Term::Int(175), Term::Int(176), Term::Int(177), Term::Int(178), Term::Int(179), Term::Int(180), Term::Int(181), Term::Int(182), Term::Int(183), Term::Int(184), Term::Int(185), Term::Int(186), Term::Int(187), Term::Int(188), Term::Int(189), Term::Int(190), Term::Int(191), Term::Int(192), Term::Int(193), Term::Int(194), Term::Int(195), Term::Int(196), Term::Int(197), Term::Int(198), Term::Int(199), Term::Int(200), Term::Int(201), Term::Int(202), Term::Int(203), Term::Int(204), Term::Int(205), Term::Int(206), Term::Int(207), Term::Int(208), Term::Int(209), Term::Int(210), Term::Int(211), Term::Int(212), Term::Int(213), Term::Int(214), Term::Int(215), Term::Int(216), Term::Int(217), Term::Int(218), Term::Int(219), Term::Int(220), Term::Int(221), Term::Int(222), Term::Int(223), Term::Int(224), Term::Int(225), Term::Int(226), Term::Int(227), Term::Int(228), Term::Int(229), Term::Int(230), Term::Int(231), Term::Int(232), Term::Int(233), Term::Int(234), Term::Int(235), Term::Int(236), Term::Int(237), Term::Int(238), Term::Int(239), Term::Int(240), Term::Int(241), Term::Int(242), Term::Int(243), Term::Int(244), Term::Int(245), Term::Int(246), Term::Int(247), Term::Int(248), Term::Int(249), Term::Int(250), Term::Int(251), Term::Int(252), Term::Int(253), Term::Int(254), Term::Int(255), Term::Int(256)]), 30006484, 1263657618),
        (Term::tuple(vec![Term::Nil]), 30249041, 268439629),
        (map(vec![]), 39679005, 1113425985),
        (map(vec![(atom("a"), Term::Int(1))]), 59617982, 1670235874),
        (map(vec![(atom("a"), Term::Int(1)), (atom("b"), Term::Int(2))]), 103634663, 2251123467),
        (map(vec![(atom("a"), Term::Int(1)), (atom("b"), Term::Int(2))]), 103634663, 2251123467),
        (map(vec![(Term::Int(1), atom("a")), (Term::Float(1.0), atom("b"))]), 82145120, 2900722564),
        (map(vec![(Term::tuple(vec![atom("x")]), Term::list(vec![atom("y")])), (Term::list(vec![Term::Int(107)]), Term::binary(&[118]))]), 93164579, 4253919303),
        (map(vec![(atom("a"), map(vec![(atom("b"), map(vec![(atom("c"), atom("d"))]))]))]), 134115470, 1610515634),
        (map(vec![(Term::Int(33), Term::Int(1089)), (Term::Int(12), Term::Int(144)), (Term::Int(23), Term::Int(529)), (Term::Int(29), Term::Int(841)), (Term::Int(30), Term::Int(900)), (Term::Int(39), Term::Int(1521)), (Term::Int(26), Term::Int(676)), (Term::Int(31), Term::Int(961)), (Term::Int(11), Term::Int(121)), (Term::Int(37), Term::Int(1369)), (Term::Int(9), Term::Int(81)), (Term::Int(32), Term::Int(1024)), (Term::Int(34), Term::Int(1156)), (Term::Int(25), Term::Int(625)), (Term::Int(28), Term::Int(784)), (Term::Int(6), Term::Int(36)), (Term::Int(38), Term::Int(1444)), (Term::Int(13), Term::Int(169)), (Term::Int(40), Term::Int(1600)), (Term::Int(20), Term::Int(400)), (Term::Int(15), Term::Int(225)), (Term::Int(14), Term::Int(196)), (Term::Int(2), Term::Int(4)), (Term::Int(7), Term::Int(49)), (Term::Int(1), Term::Int(1)), (Term::Int(8), Term::Int(64)), (Term::Int(3), Term::Int(9)), (Term::Int(17), Term::Int(289)), (Term::Int(22), Term::Int(484)), (Term::Int(21), Term::Int(441)), (Term::Int(4), Term::Int(16)), (Term::Int(36), Term::Int(1296)), (Term::Int(24), Term::Int(576)), (Term::Int(10), Term::Int(100)), (Term::Int(35), Term::Int(1225)), (Term::Int(27), Term::Int(729)), (Term::Int(19), Term::Int(361)), (Term::Int(5), Term::Int(25)), (Term::Int(18), Term::Int(324)), (Term::Int(16), Term::Int(256))]), 37357662, 976886914),
        (map(vec![(Term::Nil, Term::Nil)]), 612558, 403270898),
        (Term::binary(&[]), 13708901, 1),
        (Term::binary(&[0]), 96315567, 2),
        (Term::binary(&[1,2,3]), 6479071, 687692590),
        (Term::binary(&[104,101,108,108,111]), 47480723, 476327964),
        (Term::binary(&[48,49,50,51,52,53,54,55,56,57,97,98]), 115360506, 2094552919),
        (Term::binary(&[48,49,50,51,52,53,54,55,56,57,97,98,99]), 67923675, 1305345683),
        (Term::binary(&[48,49,50,51,52,53,54,55,56,57,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122]), 91488717, 90574971),
        (Term::binary(&[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255]), 3064723, 1678058369),
        (bits(&[128], 1), 102233125, 808817679),
        (bits(&[160], 3), 133543196, 3507216109),
        (bits(&[255,224], 11), 92539843, 3096541741),
        (bits(&[1,2,3,4,5,6,7,8,9,10,11,12,2], 103), 14927609, 970149811),
        (bits(&[0,0], 9), 132458941, 268436143),
        (Term::tuple(vec![Term::binary(&[98,105,110]), Term::Int(1)]), 111617164, 4090486830),
        (Term::list(vec![Term::binary(&[97]), Term::binary(&[98])]), 3094894, 2362903209),
        (pid(0), 39589991, 1),
        (pid(1), 51930921, 3341103954),
        (pid(85), 59032525, 525994470),
        (pid(32767), 91982837, 290111367),
        (pid(3 << 15 | 5), 131498469, 3820617878),
        (Term::Ref(Ref(7 << 50 | 6 << 18 | 5)), 23297808, 3777324194),
        (export("lists", "map", 2), 34981515, 904024396),
        (export("erlang", "phash2", 1), 59484254, 2640326001),
        (export("etfgen", "main", 0), 115318959, 3270255737),
        (Term::list(vec![Term::tuple(vec![atom("a"), Term::Int(1)]), Term::tuple(vec![atom("b"), Term::Int(2)])]), 122516567, 3969842186),
        (Term::tuple(vec![Term::list(vec![Term::Int(1), Term::Int(2)]), map(vec![(atom("k"), Term::list(vec![atom("v")]))]), Term::binary(&[1,2]), Term::Float(3.5), Term::Int(-7)]), 98103168, 770571800),
        ]
    }

    #[test]
    fn phash2_matches_otp_25() {
        let mut bad = Vec::new();
        for (t, want, _) in hash_table() {
            let got = phash2(&t);
            if got != want {
                bad.push(format!("{t:?}: got {got}, want {want}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn phash2_with_range_matches_otp_25() {
        let table: Vec<(Term, u64, u32)> = vec![
            (atom("abc"), 1, 0),
            (atom("abc"), 7, 4),
            (atom("abc"), 1000, 499),
            (atom("abc"), 1048576, 26499),
            (atom("abc"), 4294967296, 26499),
            (Term::tuple(vec![Term::Int(1), Term::Int(2)]), 1, 0),
            (Term::tuple(vec![Term::Int(1), Term::Int(2)]), 7, 3),
            (Term::tuple(vec![Term::Int(1), Term::Int(2)]), 1000, 950),
            (
                Term::tuple(vec![Term::Int(1), Term::Int(2)]),
                1048576,
                337998,
            ),
            (
                Term::tuple(vec![Term::Int(1), Term::Int(2)]),
                4294967296,
                4118095950,
            ),
            (
                Term::list(vec![
                    Term::Int(104),
                    Term::Int(101),
                    Term::Int(108),
                    Term::Int(108),
                    Term::Int(111),
                ]),
                1,
                0,
            ),
            (
                Term::list(vec![
                    Term::Int(104),
                    Term::Int(101),
                    Term::Int(108),
                    Term::Int(108),
                    Term::Int(111),
                ]),
                7,
                0,
            ),
            (
                Term::list(vec![
                    Term::Int(104),
                    Term::Int(101),
                    Term::Int(108),
                    Term::Int(108),
                    Term::Int(111),
                ]),
                1000,
                767,
            ),
            (
                Term::list(vec![
                    Term::Int(104),
                    Term::Int(101),
                    Term::Int(108),
                    Term::Int(108),
                    Term::Int(111),
                ]),
                1048576,
                131199,
            ),
            (
                Term::list(vec![
                    Term::Int(104),
                    Term::Int(101),
                    Term::Int(108),
                    Term::Int(108),
                    Term::Int(111),
                ]),
                4294967296,
                753008767,
            ),
            (big("1180591620717411303424"), 1, 0),
            (big("1180591620717411303424"), 7, 4),
            (big("1180591620717411303424"), 1000, 125),
            (big("1180591620717411303424"), 1048576, 350029),
            (big("1180591620717411303424"), 4294967296, 1070946125),
            (Term::binary(&[120]), 1, 0),
            (Term::binary(&[120]), 7, 4),
            (Term::binary(&[120]), 1000, 608),
            (Term::binary(&[120]), 1048576, 574328),
            (Term::binary(&[120]), 4294967296, 1735967608),
            (Term::Float(2.5), 1, 0),
            (Term::Float(2.5), 7, 5),
            (Term::Float(2.5), 1000, 260),
            (Term::Float(2.5), 1048576, 1011980),
            (Term::Float(2.5), 4294967296, 2784981260),
        ];
        for (t, range, want) in table {
            assert_eq!(phash2_range(&t, range), want, "{t:?} in {range}");
        }
    }

    #[test]
    fn phash_matches_otp_25() {
        let mut bad = Vec::new();
        for (t, _, want) in hash_table() {
            let got = phash(&t, 1 << 32);
            if got != want {
                bad.push(format!("{t:?}: got {got}, want {want}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad.join("\n")
        );
        assert_eq!(phash(&atom("abc"), 1), 1);
    }

    #[test]
    fn unaligned_sub_binaries_hash_like_fresh_ones() {
        let whole = crate::term::Bitstring::from_bytes(&[0xAB, 0xCD, 0xEF, 0x12]);
        for (pos, len) in [(3, 13), (4, 16), (8, 16), (1, 0), (5, 27)] {
            let view = Term::Binary(std::sync::Arc::new(whole.sub(pos, len)));
            let sub = whole.sub(pos, len);
            let fresh = bits(&sub.to_bytes(), len);
            assert_eq!(phash2(&view), phash2(&fresh), "{pos}+{len}");
            assert_eq!(phash(&view, 1000), phash(&fresh, 1000), "{pos}+{len}");
        }
    }

    #[test]
    fn map_hash_ignores_insertion_order() {
        let a = map(vec![(atom("x"), Term::Int(1)), (atom("y"), Term::Int(2))]);
        let b = map(vec![(atom("y"), Term::Int(2)), (atom("x"), Term::Int(1))]);
        assert_eq!(phash2(&a), phash2(&b));
    }

    #[test]
    fn deep_and_long_terms_hash_without_recursion() {
        let mut t = Term::Nil;
        for _ in 0..100_000 {
            t = Term::list(vec![t]);
        }
        phash2(&t);
        // Dropping a term nested 100,000 deep through heads recurses (only
        // list tails are dropped in a loop), so this one is leaked.
        std::mem::forget(t);
        let long = Term::list((0..1_000_000).map(|i| Term::Int(i % 300)).collect());
        phash2(&long);
    }
}
