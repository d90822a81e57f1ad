//! How tokens and literals print: as `??Arg` stringification, `erl_parse`
//! error messages (`syntax error before: 'end'`) and `io_lib` (quoted atoms,
//! escaped strings, floats) show them.

use super::{keyword, Token};
use std::fmt;

/// Renders character codes as an Erlang string or quoted atom literal
/// (`"abc\n"`, `'a b'`), escaping as `io_lib:write_string/2` does.
pub fn render_chars(codes: &[u32], quote: char) -> String {
    let mut out = String::new();
    out.push(quote);
    for &c in codes {
        match c {
            8 => out.push_str("\\b"),
            127 => out.push_str("\\d"),
            27 => out.push_str("\\e"),
            12 => out.push_str("\\f"),
            10 => out.push_str("\\n"),
            13 => out.push_str("\\r"),
            9 => out.push_str("\\t"),
            11 => out.push_str("\\v"),
            0x5c => out.push_str("\\\\"),
            c if c == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            c if c < 32 => out.push_str(&format!("\\{c:03o}")),
            c => out.push(char::from_u32(c).unwrap_or('\u{FFFD}')),
        }
    }
    out.push(quote);
    out
}

/// Whether an atom prints without quotes (`foo`, `fooBar@x`), as
/// `io_lib:write_atom/1` decides; keywords always need quotes.
pub fn atom_is_bare(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let lower = |c: char| c.is_ascii_lowercase() || ('ß'..='ÿ').contains(&c) && c != '÷';
    let name_char = |c: char| {
        c.is_ascii_alphanumeric()
            || c == '_'
            || c == '@'
            || (('À'..='ÿ').contains(&c) && c != '×' && c != '÷')
    };
    lower(first)
        && chars.all(name_char)
        && (keyword(name).is_none() || name == "maybe" || name == "else")
}

/// Renders an atom as Erlang prints it: bare or single-quoted.
pub fn render_atom(name: &str) -> String {
    if atom_is_bare(name) {
        name.to_string()
    } else {
        let codes: Vec<u32> = name.chars().map(|c| c as u32).collect();
        render_chars(&codes, '\'')
    }
}

/// Renders a float as `io_lib:write/1` does for short cases (`1.5`, `1.0e10`).
pub fn format_float(f: f64) -> String {
    let s = format!("{f:?}");
    if s.contains('e') && !s.contains('.') {
        s.replacen('e', ".0e", 1)
    } else {
        s
    }
}

pub(super) fn render_char(c: u32) -> String {
    match c {
        32 => "$\\s".to_string(),
        _ => {
            let s = render_chars(&[c], '"');
            format!("${}", &s[1..s.len() - 1])
        }
    }
}

/// Shows a token as `erl_parse` does after `syntax error before:`:
/// punctuation and keywords single-quoted (`'end'`, `'.'`), values as
/// Erlang literals (`foo`, `'B'`, `X`, `1`, `"abc"`).
impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Atom(_)
            | Token::Var(_)
            | Token::Integer(_)
            | Token::Float(_)
            | Token::Char(_)
            | Token::String(_) => write!(f, "{}", self.source_text()),
            Token::Other(c) => {
                let codes = [*c as u32];
                write!(f, "{}", render_chars(&codes, '\''))
            }
            // Not reserved words in OTP 25's io_lib, so printed bare.
            Token::Maybe => write!(f, "maybe"),
            Token::Else => write!(f, "else"),
            t => write!(f, "'{}'", t.symbol().unwrap_or("")),
        }
    }
}
