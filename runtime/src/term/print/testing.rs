//! Test support: reads terms written by OTP's `~w` (integers, floats, atoms,
//! lists, tuples, maps, binaries and bitstrings), so tables of expected
//! output can be generated on `erl` and checked here term for term.

use crate::term::binary::BitWriter;
use crate::term::{Atom, MapData, Term};
use std::sync::Arc;

/// Parses one term in `~w` syntax; panics on anything else (tests only).
pub(crate) fn parse_term(s: &str) -> Term {
    let chars: Vec<char> = s.chars().collect();
    let mut p = Parser { s: chars, i: 0 };
    let t = p.term();
    assert_eq!(p.i, p.s.len(), "trailing input in {s:?}");
    t
}

struct Parser {
    s: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> char {
        self.s.get(self.i).copied().unwrap_or('\0')
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == c {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) {
        assert!(
            self.eat(c),
            "expected {c:?} at {} in {:?}",
            self.i,
            self.rest()
        );
    }

    fn rest(&self) -> String {
        self.s[self.i..].iter().collect()
    }

    fn term(&mut self) -> Term {
        match self.peek() {
            '[' => {
                self.i += 1;
                let mut elems = Vec::new();
                if self.eat(']') {
                    return Term::Nil;
                }
                loop {
                    elems.push(self.term());
                    if self.eat(',') {
                        continue;
                    }
                    let tail = if self.eat('|') {
                        self.term()
                    } else {
                        Term::Nil
                    };
                    self.expect(']');
                    return Term::list_with_tail(elems, tail);
                }
            }
            '{' => {
                self.i += 1;
                let elems = self.seq('}');
                Term::tuple(elems)
            }
            '#' => {
                self.i += 1;
                self.expect('{');
                let mut pairs = Vec::new();
                if !self.eat('}') {
                    loop {
                        let k = self.term();
                        for c in " => ".chars() {
                            self.expect(c);
                        }
                        let v = self.term();
                        pairs.push((k, v));
                        if !self.eat(',') {
                            break;
                        }
                    }
                    self.expect('}');
                }
                Term::Map(Arc::new(MapData::from_pairs(pairs)))
            }
            '<' => {
                self.expect('<');
                self.expect('<');
                let mut w = BitWriter::new();
                if !self.eat('>') {
                    loop {
                        let v = self.int();
                        let size = if self.eat(':') { self.int() } else { 8 };
                        w.push_bits(v as u64, size as usize);
                        if !self.eat(',') {
                            break;
                        }
                    }
                    self.expect('>');
                }
                self.expect('>');
                Term::Binary(Arc::new(w.finish()))
            }
            '\'' => {
                self.i += 1;
                let mut name = String::new();
                while !self.eat('\'') {
                    let mut c = self.peek();
                    self.i += 1;
                    if c == '\\' {
                        c = self.escape();
                    }
                    name.push(c);
                }
                Term::Atom(Atom::intern(&name).unwrap())
            }
            c if c == '-' || c.is_ascii_digit() => self.number(),
            _ => {
                let start = self.i;
                while self.peek().is_alphanumeric() || matches!(self.peek(), '_' | '@') {
                    self.i += 1;
                }
                assert!(self.i > start, "unexpected {:?}", self.rest());
                let name: String = self.s[start..self.i].iter().collect();
                Term::Atom(Atom::intern(&name).unwrap())
            }
        }
    }

    /// The character after a backslash in a quoted atom.
    fn escape(&mut self) -> char {
        let c = self.peek();
        self.i += 1;
        let code = match c {
            'n' => 10,
            't' => 9,
            'b' => 8,
            'v' => 11,
            'f' => 12,
            'r' => 13,
            'e' => 27,
            'd' => 127,
            's' => 32,
            'x' => {
                self.expect('{');
                let start = self.i;
                while !self.eat('}') {
                    self.i += 1;
                }
                let hex: String = self.s[start..self.i - 1].iter().collect();
                u32::from_str_radix(&hex, 16).unwrap()
            }
            '0'..='7' => {
                let mut v = c.to_digit(8).unwrap();
                for _ in 0..2 {
                    match self.peek().to_digit(8) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                v
            }
            other => other as u32,
        };
        char::from_u32(code).unwrap()
    }

    fn seq(&mut self, close: char) -> Vec<Term> {
        let mut elems = Vec::new();
        if self.eat(close) {
            return elems;
        }
        loop {
            elems.push(self.term());
            if !self.eat(',') {
                break;
            }
        }
        self.expect(close);
        elems
    }

    fn int(&mut self) -> i64 {
        match self.number() {
            Term::Int(i) => i,
            other => panic!("expected an integer, got {other:?}"),
        }
    }

    fn number(&mut self) -> Term {
        let start = self.i;
        self.eat('-');
        while self.peek().is_ascii_alphanumeric()
            || matches!(self.peek(), '.' | '#')
            || (matches!(self.peek(), '-' | '+') && matches!(self.s[self.i - 1], 'e'))
        {
            if self.peek() == '.' && !self.s.get(self.i + 1).is_some_and(|c| c.is_ascii_digit()) {
                break;
            }
            self.i += 1;
        }
        let text: String = self.s[start..self.i].iter().collect();
        if text.contains('.') {
            Term::Float(text.parse().unwrap())
        } else {
            let b: num_bigint::BigInt = text.parse().unwrap();
            Term::from_bigint(b)
        }
    }
}
