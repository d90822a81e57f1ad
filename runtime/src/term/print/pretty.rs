//! `~p` / `~P`: OTP 25's `io_lib_pretty`.
//!
//! Printing is two passes, as in OTP:
//!
//! 1. `measure`: the term measured into nodes, each piece knowing its one-line width.
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

mod measure;

use super::{write_atom, write_term_depth};
use crate::term::Term;
use measure::{measure, End, Kind, Node, Seq};

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
    /// With `unicode`, treat all printable Unicode characters as printable
    /// in lists and binaries (`erl +pc unicode`, `io:printable_range()`
    /// returning `unicode`); OTP's default range is Latin-1.
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
    super::deep::on_big_stack(t, || pretty_rec(t, opts))
}

fn pretty_rec(t: &Term, opts: &PrettyOpts) -> String {
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
