//! Decoding of literal tokens, called by the logos scanner: atoms (length
//! limit), strings and characters (escapes), integers (bases, `_`
//! separators, big values) and floats, with `erl_scan`'s error words.

use super::{LexError, Token};
use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

pub(super) fn plain_atom(lex: &mut logos::Lexer<Token>) -> Result<String, LexError> {
    let s = lex.slice();
    if s.chars().count() > MAX_ATOM_CHARS {
        return Err(LexError::Message("illegal atom".into()));
    }
    Ok(s.to_string())
}

/// Atoms longer than this many characters are refused, as by `erl_scan`
/// (the limit of the atom table's entries).
const MAX_ATOM_CHARS: usize = 255;

pub(super) fn quoted_atom(lex: &mut logos::Lexer<Token>) -> Result<String, LexError> {
    let s = lex.slice();
    let codes = decode_escapes(&s[1..s.len() - 1])?;
    if codes.len() > MAX_ATOM_CHARS {
        return Err(LexError::Message("illegal atom".into()));
    }
    Ok(codes
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect())
}

pub(super) fn string_lit(lex: &mut logos::Lexer<Token>) -> Result<Vec<u32>, LexError> {
    let s = lex.slice();
    decode_escapes(&s[1..s.len() - 1])
}

pub(super) fn char_lit(lex: &mut logos::Lexer<Token>) -> Result<u32, LexError> {
    let codes = decode_escapes(&lex.slice()[1..])?;
    codes.first().copied().ok_or(LexError::Illegal)
}

/// The length of the longest prefix of `s` that is digits valid in `base`
/// with single `_` between digits.
fn digits_prefix(s: &str, base: u32) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if c.is_digit(base) {
            i += 1;
            end = i;
        } else if c == '_'
            && end == i
            && end > 0
            && i + 1 < b.len()
            && (b[i + 1] as char).is_digit(base)
        {
            i += 1;
        } else {
            break;
        }
    }
    end
}

fn parse_digits(s: &str, base: u32) -> Option<BigInt> {
    let digits: String = s.chars().filter(|&c| c != '_').collect();
    BigInt::from_str_radix(&digits, base).ok()
}

pub(super) fn decimal(lex: &mut logos::Lexer<Token>) -> Result<BigInt, LexError> {
    let s = lex.slice();
    let n = digits_prefix(s, 10);
    let value = parse_digits(&s[..n], 10).ok_or(LexError::Illegal)?;
    if n < s.len() {
        return Err(LexError::Split(n, Box::new(Token::Integer(value))));
    }
    Ok(value)
}

pub(super) fn based(lex: &mut logos::Lexer<Token>) -> Result<BigInt, LexError> {
    let s = lex.slice();
    let (base_text, rest) = s.split_once('#').ok_or(LexError::Illegal)?;
    let nb = digits_prefix(base_text, 10);
    let base_value = parse_digits(&base_text[..nb], 10).ok_or(LexError::Illegal)?;
    if nb < base_text.len() {
        return Err(LexError::Split(nb, Box::new(Token::Integer(base_value))));
    }
    let base = match base_value.to_u32() {
        Some(b) if (2..=36).contains(&b) => b,
        _ => {
            let shown: String = base_text.chars().filter(|&c| c != '_').collect();
            return Err(LexError::Prefix(nb, format!("illegal base '{shown}'")));
        }
    };
    let n = digits_prefix(rest, base);
    if n == 0 {
        return Err(LexError::Prefix(nb + 1, "illegal integer".into()));
    }
    let value = parse_digits(&rest[..n], base).ok_or(LexError::Illegal)?;
    if n < rest.len() {
        return Err(LexError::Split(nb + 1 + n, Box::new(Token::Integer(value))));
    }
    Ok(value)
}

pub(super) fn float(lex: &mut logos::Lexer<Token>) -> Result<f64, LexError> {
    let text: String = lex.slice().chars().filter(|&c| c != '_').collect();
    match text.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(f),
        _ => Err(LexError::Message("illegal float".into())),
    }
}

/// A float whose exponent has no digits (`1.5e`, `2.0e+x`).
pub(super) fn bad_float(_lex: &mut logos::Lexer<Token>) -> Result<f64, LexError> {
    Err(LexError::Message("illegal float".into()))
}

/// Decodes the escapes of a quoted atom, string or character body.
pub(super) fn decode_escapes(body: &str) -> Result<Vec<u32>, LexError> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(e) = chars.next() else {
            return Err(LexError::Illegal);
        };
        let code = match e {
            'b' => 8,
            'd' => 127,
            'e' => 27,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            's' => 32,
            't' => 9,
            'v' => 11,
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                v
            }
            'x' => {
                if chars.peek() == Some(&'{') {
                    chars.next();
                    let mut v: u32 = 0;
                    let mut n = 0;
                    loop {
                        match chars.next() {
                            Some('}') if n > 0 => break,
                            Some(c) if c.is_ascii_hexdigit() => {
                                v = v
                                    .checked_mul(16)
                                    .and_then(|v| v.checked_add(c.to_digit(16).unwrap_or(0)))
                                    .ok_or(LexError::Illegal)?;
                                n += 1;
                            }
                            _ => return Err(LexError::Message("illegal character".into())),
                        }
                    }
                    v
                } else {
                    let mut v = 0;
                    for _ in 0..2 {
                        match chars.next().and_then(|c| c.to_digit(16)) {
                            Some(d) => v = v * 16 + d,
                            None => return Err(LexError::Message("illegal character".into())),
                        }
                    }
                    v
                }
            }
            '^' => match chars.next() {
                Some(c) => (c as u32) & 31,
                None => return Err(LexError::Illegal),
            },
            other => other as u32,
        };
        out.push(code);
    }
    Ok(out)
}
