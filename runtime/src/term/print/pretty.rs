//! `~p` / `~P`: OTP 25's `io_lib_pretty`.
//!
//! Printing is two passes, as in OTP:
//!
//! 1. [`Node`]s: the term measured, each piece knowing its one-line width.
//!    Atomic pieces (numbers, atoms, strings, printable binaries) are text;
//!    lists, tuples, maps and non-printable binaries keep their structure.
//! 2. Layout. A piece that fits in what is left of the line (less the closing
//!    brackets that follow it) is written flat. Otherwise its elements are
//!    laid out one after another; an atomic element joins the current line
//!    if it fits, anything else starts a new line, and the element after a
//!    structured one does too. A tuple whose first element is an atom (a
//!    "tagged" tuple) keeps its elements after `{tag,`; when some tagged
//!    tuple would then start past half the line, every tagged tuple with a
//!    tag longer than two characters indents by 4 instead, and if even that
//!    reaches past the middle, by 1 (OTP's `cind` pass chooses this once for
//!    the whole term).
//!
//! Columns are 1-based, as in OTP: a term printed at column `c` continues
//! its lines with `c - 1` spaces of indentation plus its own nesting.

use super::{write_atom, write_bits, write_escaped_char, write_term_depth};
use crate::term::{Bitstring, Term};

/// Options of `~p` printing.
#[derive(Clone, Debug)]
pub struct PrettyOpts {
    /// Column where the term starts, 1-based (`io_lib:format` passes the
    /// current column plus one, or the `~p` precision).
    pub column: usize,
    /// Maximum line length (80 unless the `~p` field width says otherwise).
    pub line_length: usize,
    /// Depth limit as `~P` (any negative number: none).
    pub depth: i64,
    /// `~tp`: atoms keep non-Latin-1 characters, binaries that are valid
    /// UTF-8 print as `<<"..."/utf8>>`.
    pub unicode: bool,
    /// Print printable lists as strings (`false` with the `l` modifier).
    pub strings: bool,
    /// Treat all printable Unicode characters as printable in lists and
    /// binaries (`erl +pc unicode`); OTP's default range is Latin-1.
    pub printable_unicode: bool,
}

impl Default for PrettyOpts {
    fn default() -> Self {
        PrettyOpts {
            column: 1,
            line_length: 80,
            depth: -1,
            unicode: false,
            strings: true,
            printable_unicode: false,
        }
    }
}

/// Prints `t` as `io_lib_pretty:print/2` does for `~p` / `~P`.
pub fn pretty_term(t: &Term, opts: &PrettyOpts) -> String {
    let mut out = String::new();
    match t {
        _ if opts.depth == 0 => out.push_str("..."),
        Term::Atom(a) => write_atom(&mut out, *a, opts.unicode),
        Term::Nil | Term::Cons(_) | Term::Tuple(_) | Term::Map(_) | Term::Binary(_) => {
            let node = measure(t, opts.depth, opts);
            if opts.line_length == 0 {
                // OTP reads a zero line length as "never break".
                node.write(&mut out);
                return out;
            }
            let col = opts.column.max(1) as i64;
            let ll = opts.line_length as i64;
            let tind = [-1, 4]
                .into_iter()
                .find(|&i| cind(&node, col, ll, i, 0).is_ok())
                .unwrap_or(1);
            let lay = Layout { ll, tind };
            lay.pp(&mut out, &node, col, (col - 1) as usize, 0);
        }
        _ => write_term_depth(&mut out, t, opts.depth, opts.unicode),
    }
    out
}

/// How a measured sequence ends.
enum End {
    /// Properly: `]`, `}`.
    Nil,
    /// Cut by the depth limit: `...`.
    Dots,
    /// An improper list tail.
    Tail(Box<Node>),
}

/// Elements of a list, tuple, map (pairs) or binary (segments).
struct Seq {
    elems: Vec<Node>,
    end: End,
}

enum Kind {
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
struct Node {
    kind: Kind,
    len: i64,
}

impl Node {
    fn leaf(s: String) -> Node {
        let len = s.chars().count() as i64;
        Node {
            kind: Kind::Leaf(s),
            len,
        }
    }

    fn is_atomic(&self) -> bool {
        match &self.kind {
            Kind::Leaf(_) => true,
            Kind::Pair(k, v) => k.is_atomic() && v.is_atomic(),
            _ => false,
        }
    }

    /// The one-line text.
    fn write(&self, out: &mut String) {
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
fn measure(t: &Term, d: i64, o: &PrettyOpts) -> Node {
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
                if let Some(s) = printable_list(t, o.printable_unicode) {
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

/// A line would be too long (OTP's `no_good`).
struct NoGood;

fn last_depth(more: bool, ld: i64) -> i64 {
    if more {
        0
    } else {
        ld + 1
    }
}

fn fits(len: i64, ll: i64, col: i64, ld: i64) -> bool {
    len < ll - col - ld
}

/// Would an element of width `elen` (comma included) fit after column `col`?
fn tail_fits(elen: i64, ll: i64, col: i64, ld1: i64) -> bool {
    if ld1 == 0 {
        elen + 1 < ll - col
    } else {
        elen < ll - col - ld1
    }
}

/// OTP's `cind`: walks the layout `pp` would make with tag indentation `ind`
/// and fails if a tagged tuple would start its elements past mid-line.
fn cind(n: &Node, col: i64, ll: i64, ind: i64, ld: i64) -> Result<(), NoGood> {
    if fits(n.len, ll, col, ld) {
        return Ok(());
    }
    match &n.kind {
        Kind::List(seq) => cind_list(&seq.elems, &seq.end, col + 1, ll, ind, ld),
        Kind::Tuple { tagged: false, seq } => cind_list(&seq.elems, &seq.end, col + 1, ll, ind, ld),
        Kind::Tuple { tagged: true, seq } => {
            let tag = &seq.elems[0];
            let tag_ind = tag.len + 2;
            let tcol = col + tag_ind;
            if ind > 0 && tag_ind > ind {
                let col1 = col + ind;
                if col1 <= ll / 2 {
                    cind_tail(&seq.elems[1..], &seq.end, col1, tcol, ll, ind, ld)
                } else {
                    Err(NoGood)
                }
            } else if tcol < ll / 2 {
                cind_list(&seq.elems[1..], &seq.end, tcol, ll, ind, ld)
            } else {
                Err(NoGood)
            }
        }
        Kind::Map(seq) => cind_list(&seq.elems, &seq.end, col + 2, ll, ind, ld),
        Kind::Pair(k, v) => {
            cind(k, col, ll, ind, ld)?;
            cind(v, col + map_value_indent(ind), ll, ind, ld)
        }
        Kind::Leaf(_) | Kind::Bin(_) | Kind::Bits(_) => Ok(()),
    }
}

fn cind_list(
    elems: &[Node],
    end: &End,
    col0: i64,
    ll: i64,
    ind: i64,
    ld: i64,
) -> Result<(), NoGood> {
    let Some(first) = elems.first() else {
        return Ok(());
    };
    let we = cind_element(first, col0, ll, ind, last_depth(elems.len() > 1, ld))?;
    cind_tail(&elems[1..], end, col0, col0 + we, ll, ind, ld)
}

fn cind_tail(
    elems: &[Node],
    end: &End,
    col0: i64,
    mut col: i64,
    ll: i64,
    ind: i64,
    ld: i64,
) -> Result<(), NoGood> {
    for (i, e) in elems.iter().enumerate() {
        let ld1 = last_depth(i + 1 < elems.len(), ld);
        let elen = 1 + e.len;
        if e.is_atomic() && tail_fits(elen, ll, col, ld1) {
            col += elen;
        } else {
            col = col0 + cind_element(e, col0, ll, ind, ld1)?;
        }
    }
    match end {
        End::Tail(t) if !(t.is_atomic() && fits(t.len + 1, ll, col, ld + 1)) => {
            cind(t, col, ll, ind, ld + 1)
        }
        _ => Ok(()),
    }
}

fn cind_element(e: &Node, col: i64, ll: i64, ind: i64, ld: i64) -> Result<i64, NoGood> {
    if fits(e.len, ll, col, ld) && e.is_atomic() {
        return Ok(e.len);
    }
    if let Kind::Pair(..) = e.kind {
        if fits(e.len, ll, col, ld) {
            return Ok(ll);
        }
    }
    cind(e, col, ll, ind, ld)?;
    Ok(ll)
}

/// Indentation of a map value put on its own line under its key.
fn map_value_indent(tind: i64) -> i64 {
    if tind > 0 {
        tind
    } else {
        4
    }
}

fn spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The layout pass: line length and the chosen tag indentation.
struct Layout {
    ll: i64,
    tind: i64,
}

impl Layout {
    /// Lays out `n` at column `col`; continuation lines start with `ind`
    /// spaces; `ld` closing characters follow `n` on its last line.
    fn pp(&self, out: &mut String, n: &Node, col: i64, ind: usize, ld: i64) {
        if fits(n.len, self.ll, col, ld) {
            n.write(out);
            return;
        }
        match &n.kind {
            Kind::Leaf(s) | Kind::Bits(s) => out.push_str(s),
            Kind::List(seq) => {
                out.push('[');
                self.pp_list(out, &seq.elems, &seq.end, col + 1, ind + 1, ld, '|');
                out.push(']');
            }
            Kind::Tuple { tagged: false, seq } => {
                out.push('{');
                self.pp_list(out, &seq.elems, &seq.end, col + 1, ind + 1, ld, ',');
                out.push('}');
            }
            Kind::Tuple { tagged: true, seq } => {
                out.push('{');
                self.pp_tag_tuple(out, seq, col, ind, ld);
                out.push('}');
            }
            Kind::Map(seq) => {
                out.push_str("#{");
                self.pp_list(out, &seq.elems, &seq.end, col + 2, ind + 2, ld, ',');
                out.push('}');
            }
            Kind::Pair(k, v) => {
                let i = map_value_indent(self.tind);
                self.pp(out, k, col, ind, ld);
                out.push_str(" =>\n");
                spaces(out, ind + i as usize);
                self.pp(out, v, col + i, ind + i as usize, ld);
            }
            Kind::Bin(seq) => self.pp_binary(out, seq, col + 2, ind + 2, ld),
        }
    }

    /// OTP's `pp_binary`: every line gets the same budget of characters
    /// for segments, the room left on the first line less the closing
    /// characters (at least 8).
    fn pp_binary(&self, out: &mut String, seq: &Seq, col: i64, ind: usize, ld: i64) {
        let n0 = 8.max(self.ll - col - ld);
        let mut n = n0;
        out.push_str("<<");
        let mut segs: Vec<String> = Vec::new();
        seq.elems.iter().for_each(|e| {
            let mut s = String::new();
            e.write(&mut s);
            segs.push(s);
        });
        if let End::Dots = seq.end {
            segs.push("...".into());
        }
        let last = segs.len().saturating_sub(1);
        for (i, seg) in segs.iter().enumerate() {
            let len = seg.chars().count() as i64;
            if i < last {
                if n - (len + 1) < 0 {
                    out.push('\n');
                    spaces(out, ind);
                    n = n0 - (len + 1);
                } else {
                    n -= len + 1;
                }
                out.push_str(seg);
                out.push(',');
            } else {
                if len > n {
                    out.push('\n');
                    spaces(out, ind);
                }
                out.push_str(seg);
            }
        }
        out.push_str(">>");
    }

    fn pp_tag_tuple(&self, out: &mut String, seq: &Seq, col: i64, ind: usize, ld: i64) {
        let tag = &seq.elems[0];
        let tag_ind = tag.len + 2;
        let tcol = col + tag_ind;
        tag.write(out);
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            let indent = ind + self.tind as usize;
            self.pp_tail(out, &seq.elems[1..], &seq.end, col1, tcol, indent, ld, ',');
        } else {
            out.push(',');
            let indent = ind + tag_ind as usize;
            self.pp_list(out, &seq.elems[1..], &seq.end, tcol, indent, ld, ',');
        }
    }

    /// Writes an element: flat if atomic and it fits (returning its width),
    /// else laid out (returning the line length, which forces a new line
    /// before the next element).
    fn pp_element(&self, out: &mut String, e: &Node, col: i64, ind: usize, ld: i64) -> i64 {
        if fits(e.len, self.ll, col, ld) {
            e.write(out);
            return if e.is_atomic() { e.len } else { self.ll };
        }
        self.pp(out, e, col, ind, ld);
        self.ll
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_list(
        &self,
        out: &mut String,
        elems: &[Node],
        end: &End,
        col0: i64,
        ind: usize,
        ld: i64,
        sep: char,
    ) {
        let Some(first) = elems.first() else {
            if let End::Dots = end {
                out.push_str("...");
            }
            return;
        };
        let we = self.pp_element(out, first, col0, ind, last_depth(elems.len() > 1, ld));
        self.pp_tail(out, &elems[1..], end, col0, col0 + we, ind, ld, sep);
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_tail(
        &self,
        out: &mut String,
        elems: &[Node],
        end: &End,
        col0: i64,
        mut col: i64,
        ind: usize,
        ld: i64,
        sep: char,
    ) {
        for (i, e) in elems.iter().enumerate() {
            let ld1 = last_depth(i + 1 < elems.len(), ld);
            let elen = 1 + e.len;
            out.push(',');
            if e.is_atomic() && tail_fits(elen, self.ll, col, ld1) {
                e.write(out);
                col += elen;
            } else {
                out.push('\n');
                spaces(out, ind);
                col = col0 + self.pp_element(out, e, col0, ind, ld1);
            }
        }
        match end {
            End::Nil => {}
            End::Dots => {
                out.push(sep);
                out.push_str("...");
            }
            End::Tail(t) => {
                out.push(sep);
                if t.is_atomic() && fits(t.len + 1, self.ll, col, ld + 1) {
                    t.write(out);
                } else {
                    out.push('\n');
                    spaces(out, ind);
                    self.pp(out, t, col0, ind, ld + 1);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
