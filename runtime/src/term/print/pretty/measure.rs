//! Pass one of `~p`: the term measured into [`Node`]s (OTP
//! `io_lib_pretty:print_length/6`): atomic text, or structure with its
//! one-line width. Decides what prints as a string (printable lists and
//! binaries) and where the depth limit cuts.

use super::PrettyOpts;
use crate::term::print::{write_atom, write_bits, write_escaped_char, write_term_depth};
use crate::term::{Bitstring, Term};

/// How a measured sequence ends.
pub(super) enum End {
    /// Properly: `]`, `}`.
    Nil,
    /// Cut by the depth limit: `...`.
    Dots,
    /// An improper list tail.
    Tail(Box<Node>),
}

/// Elements of a list, tuple, map (pairs) or binary (segments).
pub(super) struct Seq {
    pub(super) elems: Vec<Node>,
    pub(super) end: End,
}

pub(super) enum Kind {
    /// Atomic text.
    Leaf(String),
    List(Seq),
    Tuple {
        tagged: bool,
        seq: Seq,
    },
    Map(Seq),
    /// `Key => Value` inside a map.
    Pair(Box<Node>, Box<Node>),
    /// A binary printed as integers: its segments (`1`, `2`, `...`).
    Bin(Seq),
    /// A bitstring that is not a binary: never broken, never shares a line.
    Bits(String),
}

/// A measured piece of the term and its width on one line.
pub(super) struct Node {
    pub(super) kind: Kind,
    pub(super) len: i64,
}

impl Node {
    fn leaf(s: String) -> Node {
        let len = s.chars().count() as i64;
        Node {
            kind: Kind::Leaf(s),
            len,
        }
    }

    pub(super) fn is_atomic(&self) -> bool {
        match &self.kind {
            Kind::Leaf(_) => true,
            Kind::Pair(k, v) => k.is_atomic() && v.is_atomic(),
            _ => false,
        }
    }

    /// The one-line text.
    pub(super) fn write(&self, out: &mut String) {
        match &self.kind {
            Kind::Leaf(s) | Kind::Bits(s) => out.push_str(s),
            Kind::List(seq) => {
                out.push('[');
                seq.write(out, '|');
                out.push(']');
            }
            Kind::Tuple { seq, .. } => {
                out.push('{');
                seq.write(out, ',');
                out.push('}');
            }
            Kind::Map(seq) => {
                out.push_str("#{");
                seq.write(out, ',');
                out.push('}');
            }
            Kind::Pair(k, v) => {
                k.write(out);
                out.push_str(" => ");
                v.write(out);
            }
            Kind::Bin(seq) => {
                out.push_str("<<");
                seq.write(out, ',');
                out.push_str(">>");
            }
        }
    }
}

impl Seq {
    fn write(&self, out: &mut String, sep: char) {
        for (i, e) in self.elems.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            e.write(out);
        }
        match &self.end {
            End::Nil => {}
            End::Dots => {
                if !self.elems.is_empty() {
                    out.push(sep);
                }
                out.push_str("...");
            }
            End::Tail(t) => {
                out.push(sep);
                t.write(out);
            }
        }
    }

    /// Width of the elements and separators, without brackets.
    fn len(&self) -> i64 {
        let n = self.elems.len() as i64;
        let mut len: i64 = self.elems.iter().map(|e| e.len).sum::<i64>() + (n - 1).max(0);
        let sep = i64::from(n > 0);
        match &self.end {
            End::Nil => {}
            End::Dots => len += sep + 3,
            End::Tail(t) => len += 1 + t.len,
        }
        len
    }
}

fn seq_node(seq: Seq, brackets: i64, make: impl FnOnce(Seq) -> Kind) -> Node {
    let len = seq.len() + brackets;
    Node {
        kind: make(seq),
        len,
    }
}

fn dec(d: i64) -> i64 {
    if d < 0 {
        d
    } else {
        d - 1
    }
}

/// OTP's `print_length`: measures `t` printed with depth `d`.
pub(super) fn measure(t: &Term, d: i64, o: &PrettyOpts) -> Node {
    if d == 0 {
        return Node::leaf("...".into());
    }
    match t {
        Term::Atom(a) => {
            let mut s = String::new();
            write_atom(&mut s, *a, o.unicode);
            Node::leaf(s)
        }
        Term::Nil => Node::leaf("[]".into()),
        Term::Cons(_) => {
            if o.strings && d != 1 {
                if let Some(s) = printable_list(t, o.unicode && o.printable_unicode) {
                    return Node::leaf(quote(&s, "\"", "\"", o.unicode));
                }
            }
            let mut elems = Vec::new();
            let mut cur = t;
            let mut d = d;
            let end = loop {
                match cur {
                    Term::Nil => break End::Nil,
                    _ if d == 1 => break End::Dots,
                    Term::Cons(c) => {
                        elems.push(measure(&c.head, dec(d), o));
                        d = dec(d);
                        cur = &c.tail;
                    }
                    other => break End::Tail(Box::new(measure(other, dec(d), o))),
                }
            };
            seq_node(Seq { elems, end }, 2, Kind::List)
        }
        Term::Tuple(tu) => {
            if tu.is_empty() {
                return Node::leaf("{}".into());
            }
            if d == 1 {
                return Node::leaf("{...}".into());
            }
            let mut elems = Vec::new();
            let mut end = End::Nil;
            let mut d = d;
            for e in tu.iter() {
                if d == 1 {
                    end = End::Dots;
                    break;
                }
                elems.push(measure(e, dec(d), o));
                d = dec(d);
            }
            let tagged = matches!(tu[0], Term::Atom(_)) && tu.len() > 1;
            seq_node(Seq { elems, end }, 2, |seq| Kind::Tuple { tagged, seq })
        }
        Term::Map(m) => {
            if m.is_empty() {
                return Node::leaf("#{}".into());
            }
            if d == 1 {
                return Node::leaf("#{...}".into());
            }
            let d0 = dec(d);
            let mut elems = Vec::new();
            let mut end = End::Nil;
            let mut d = d;
            for (k, v) in m.iter() {
                if d == 1 {
                    end = End::Dots;
                    break;
                }
                let key = measure(k, d0, o);
                let value = measure(v, d0, o);
                let len = key.len + 4 + value.len;
                elems.push(Node {
                    kind: Kind::Pair(Box::new(key), Box::new(value)),
                    len,
                });
                d = dec(d);
            }
            seq_node(Seq { elems, end }, 3, Kind::Map)
        }
        Term::Binary(b) => measure_binary(b, d, o),
        _ => {
            let mut s = String::new();
            write_term_depth(&mut s, t, d, o.unicode);
            Node::leaf(s)
        }
    }
}

/// Printable binaries become `<<"text">>` (`<<"text"/utf8>>` with `~tp`);
/// others print as integers, a structured node that may be broken across
/// lines.
fn measure_binary(b: &Bitstring, d: i64, o: &PrettyOpts) -> Node {
    if b.bit_len() == 0 {
        return Node::leaf("<<>>".into());
    }
    if d == 1 {
        return Node::leaf("<<...>>".into());
    }
    if let (Some(bytes), true) = (b.as_bytes(), o.strings) {
        if let Some(leaf) = printable_binary(bytes, dec(d), o) {
            return leaf;
        }
    }
    let mut text = String::new();
    write_bits(&mut text, b, d);
    if !b.is_binary() {
        // OTP keeps a bitstring on one line, however long, but as a
        // structured piece: the elements around it do not share its line.
        let len = text.chars().count() as i64;
        return Node {
            kind: Kind::Bits(text),
            len,
        };
    }
    let inner = &text[2..text.len() - 2];
    let mut elems = Vec::new();
    let mut end = End::Nil;
    for seg in inner.split(',') {
        if seg == "..." {
            end = End::Dots;
        } else {
            elems.push(Node::leaf(seg.to_string()));
        }
    }
    seq_node(Seq { elems, end }, 4, Kind::Bin)
}

/// OTP's `printable_bin`: looks at the first `4 * (depth - 1)` characters
/// (all without a depth limit). A wholly printable binary prints as text;
/// under a depth limit, a printable prefix of at least `depth - 1`
/// characters prints as `<<"prefix"...>>`.
fn printable_binary(bytes: &[u8], d1: i64, o: &PrettyOpts) -> Option<Node> {
    let len = if d1 >= 0 {
        (4 * d1 as usize).min(bytes.len())
    } else {
        bytes.len()
    };
    if len == 0 {
        return None;
    }
    let leaf = |chars: &[u32], one_byte_chars: bool, truncated: bool| {
        let close = match (one_byte_chars, truncated) {
            (true, false) => "\">>",
            (true, true) => "\"...>>",
            (false, false) => "\"/utf8>>",
            (false, true) => "\"/utf8...>>",
        };
        Some(Node::leaf(quote(chars, "<<\"", close, o.unicode)))
    };
    if o.unicode {
        if let Some(chars) = utf8_prefix(bytes, len) {
            let printable: Vec<(u32, usize)> = chars
                .iter()
                .copied()
                .take_while(|&(c, _)| printable_char(c, o.printable_unicode))
                .collect();
            let consumed: usize = printable.iter().map(|&(_, n)| n).sum();
            let text: Vec<u32> = printable.iter().map(|&(c, _)| c).collect();
            if consumed == bytes.len() {
                return leaf(&text, consumed == text.len(), false);
            }
            if d1 > 0 && text.len() as i64 >= d1 {
                return leaf(&text, consumed == text.len(), true);
            }
            return None;
        }
    }
    let p = bytes[..len]
        .iter()
        .take_while(|&&c| printable_char(u32::from(c), false))
        .count();
    let text: Vec<u32> = bytes[..p].iter().map(|&c| u32::from(c)).collect();
    if p == bytes.len() {
        leaf(&text, true, false)
    } else if p == len || (d1 > 0 && p as i64 >= d1) {
        leaf(&text, true, true)
    } else {
        None
    }
}

/// The first `n` characters of UTF-8 `bytes` with their encoded sizes, or
/// `None` if those bytes are not valid UTF-8.
fn utf8_prefix(bytes: &[u8], n: usize) -> Option<Vec<(u32, usize)>> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while out.len() < n && !rest.is_empty() {
        let size = match rest[0] {
            0x00..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let s = std::str::from_utf8(rest.get(..size)?).ok()?;
        out.push((s.chars().next()? as u32, size));
        rest = &rest[size..];
    }
    Some(out)
}

/// `io_lib:printable_latin1_list/1` (or `printable_unicode_list/1`) for one
/// character.
fn printable_char(c: u32, unicode: bool) -> bool {
    matches!(c, 8..=13 | 27 | 32..=126)
        || (160..=255).contains(&c)
        || (unicode
            && (c < 0xD800 || (0xE000..0xFFFE).contains(&c) || (0x10000..=0x10FFFF).contains(&c))
            && c >= 160)
}

/// The characters of a proper, non-empty list of printable characters.
fn printable_list(t: &Term, unicode: bool) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut it = t.iter_list();
    for e in &mut it {
        match e {
            Term::Int(c) if u32::try_from(*c).is_ok_and(|c| printable_char(c, unicode)) => {
                out.push(*c as u32)
            }
            _ => return None,
        }
    }
    (it.is_proper() && !out.is_empty()).then_some(out)
}

fn quote(chars: &[u32], open: &str, close: &str, unicode: bool) -> String {
    let mut s = String::with_capacity(chars.len() + open.len() + close.len());
    s.push_str(open);
    for &c in chars {
        write_escaped_char(&mut s, c, '"', unicode);
    }
    s.push_str(close);
    s
}
