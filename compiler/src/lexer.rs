//! The lexer: Erlang source text to [`Token`]s, as OTP's `erl_scan` reads it.
//!
//! [`tokenize`] runs the logos-generated scanner over one file, decodes
//! literals (escapes, based and big integers, `_` digit separators), turns a
//! `.` followed by whitespace, `%` or the end of input into the form
//! terminator [`Token::Dot`], and reports bad input as diagnostics worded like
//! `erl_scan`'s (`unterminated string starting with "..."`, `illegal base`).
//! Comments and whitespace are dropped. Characters that are no Erlang token
//! (`\`, `` ` ``, `~`) become [`Token::Other`], as `erl_scan` makes a
//! one-character token of them, so the parser reports `syntax error before:`.

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use logos::Logos;
use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};
use std::fmt;

/// Why a literal could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LexError {
    /// Input that starts no token.
    #[default]
    Illegal,
    /// A message already worded as `erl_scan` words it.
    Message(String),
    /// The match went too far: only its first `n` bytes form `token`
    /// (`2#102` is `2#10` then `2`; `16#x` is `16` then `#`); scanning
    /// resumes after them. Logos does not backtrack, `erl_scan` does.
    Split(usize, Box<Token>),
    /// Only the first `n` bytes are in error (`16#` in `16#xyz`, which
    /// `erl_scan` reports as an illegal integer); scanning resumes after them.
    Prefix(usize, String),
}

/// One Erlang token.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\r\n\f\v\u{a0}]+")]
#[logos(skip r"%[^\n]*")]
pub enum Token {
    /// An atom: `foo`, `'Foo bar'` (quotes removed, escapes decoded).
    #[regex(r"[a-zß-öø-ÿ][a-zA-Z0-9_@À-ÖØ-öø-ÿ]*", plain_atom)]
    #[regex(r"'([^'\\]|\\(.|\n))*'", quoted_atom)]
    Atom(String),
    /// A variable: `X`, `_`, `_Name`.
    #[regex(r"[A-Z_À-ÖØ-Þ][a-zA-Z0-9_@À-ÖØ-öø-ÿ]*", |lex| lex.slice().to_string())]
    Var(String),
    /// An integer: `42`, `1_000`, `16#FF`, `36#zz`, of any size.
    #[regex(r"[0-9]+(_[0-9]+)*", decimal)]
    #[regex(r"[0-9]+(_[0-9]+)*#[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*", based)]
    #[regex(r"[0-9]+(_[0-9]+)*#", based)]
    Integer(BigInt),
    /// A float: `1.0`, `1.5e-3`, `1_0.5_0`.
    #[regex(
        r"[0-9]+(_[0-9]+)*\.[0-9]+(_[0-9]+)*([eE][+-]?[0-9]+(_[0-9]+)*)?",
        float
    )]
    #[regex(r"[0-9]+(_[0-9]+)*\.[0-9]+(_[0-9]+)*[eE][+-]?", bad_float)]
    Float(f64),
    /// A character literal: `$a`, `$\n`, `$\x{1F600}`, `$\^A`.
    #[regex(r"\$(\\(x\{[0-9a-fA-F]+\}|x[0-9a-fA-F][0-9a-fA-F]|[0-7][0-7]?[0-7]?|\^(.|\n)|(.|\n))|[^\\])", char_lit)]
    Char(u32),
    /// A string literal, as character codes (escapes decoded).
    #[regex(r#""([^"\\]|\\(.|\n))*""#, string_lit)]
    String(Vec<u32>),

    /// `after`
    #[token("after")]
    After,
    /// `and`
    #[token("and")]
    And,
    /// `andalso`
    #[token("andalso")]
    Andalso,
    /// `band`
    #[token("band")]
    Band,
    /// `begin`
    #[token("begin")]
    Begin,
    /// `bnot`
    #[token("bnot")]
    Bnot,
    /// `bor`
    #[token("bor")]
    Bor,
    /// `bsl`
    #[token("bsl")]
    Bsl,
    /// `bsr`
    #[token("bsr")]
    Bsr,
    /// `bxor`
    #[token("bxor")]
    Bxor,
    /// `case`
    #[token("case")]
    Case,
    /// `catch`
    #[token("catch")]
    Catch,
    /// `cond` (reserved, unused)
    #[token("cond")]
    Cond,
    /// `div`
    #[token("div")]
    Div,
    /// `end`
    #[token("end")]
    End,
    /// `fun`
    #[token("fun")]
    Fun,
    /// `if`
    #[token("if")]
    If,
    /// `let` (reserved, unused)
    #[token("let")]
    Let,
    /// `not`
    #[token("not")]
    Not,
    /// `of`
    #[token("of")]
    Of,
    /// `or`
    #[token("or")]
    Or,
    /// `orelse`
    #[token("orelse")]
    Orelse,
    /// `receive`
    #[token("receive")]
    Receive,
    /// `rem`
    #[token("rem")]
    Rem,
    /// `try`
    #[token("try")]
    Try,
    /// `when`
    #[token("when")]
    When,
    /// `xor`
    #[token("xor")]
    Xor,
    /// `maybe` (a keyword only with `-feature(maybe_expr, enable)`; the
    /// preprocessor turns it back into an atom otherwise, as OTP 25 does).
    #[token("maybe")]
    Maybe,
    /// `else` (as `maybe`).
    #[token("else")]
    Else,

    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `[`
    #[token("[")]
    LBracket,
    /// `]`
    #[token("]")]
    RBracket,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `,`
    #[token(",")]
    Comma,
    /// `;`
    #[token(";")]
    Semi,
    /// `:`
    #[token(":")]
    Colon,
    /// `::`
    #[token("::")]
    ColonColon,
    /// `.` inside a form (record field access, `#r.f`).
    #[token(".")]
    Period,
    /// `..`
    #[token("..")]
    DotDot,
    /// `...`
    #[token("...")]
    DotDotDot,
    /// The form terminator: `.` followed by whitespace, `%` or the end.
    Dot,
    /// `->`
    #[token("->")]
    Arrow,
    /// `=>`
    #[token("=>")]
    FatArrow,
    /// `:=`
    #[token(":=")]
    ColonEq,
    /// `<-`
    #[token("<-")]
    LArrow,
    /// `<=`
    #[token("<=")]
    LDArrow,
    /// `<<`
    #[token("<<")]
    LtLt,
    /// `>>`
    #[token(">>")]
    GtGt,
    /// `|`
    #[token("|")]
    Bar,
    /// `||`
    #[token("||")]
    BarBar,
    /// `=`
    #[token("=")]
    Eq,
    /// `==`
    #[token("==")]
    EqEq,
    /// `=:=`
    #[token("=:=")]
    ExactEq,
    /// `=/=`
    #[token("=/=")]
    ExactNe,
    /// `/=`
    #[token("/=")]
    Ne,
    /// `=<`
    #[token("=<")]
    Le,
    /// `<`
    #[token("<")]
    Lt,
    /// `>`
    #[token(">")]
    Gt,
    /// `>=`
    #[token(">=")]
    Ge,
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `/`
    #[token("/")]
    Slash,
    /// `++`
    #[token("++")]
    PlusPlus,
    /// `--`
    #[token("--")]
    MinusMinus,
    /// `!`
    #[token("!")]
    Bang,
    /// `?` (macro call)
    #[token("?")]
    Question,
    /// `??` (macro argument stringification)
    #[token("??")]
    QuestionQuestion,
    /// `?=` (`maybe` match)
    #[token("?=")]
    QuestionEq,
    /// `#`
    #[token("#")]
    Hash,
    /// Any other single character, kept so the parser can name it in
    /// `syntax error before: '\\'`.
    Other(char),
}

fn plain_atom(lex: &mut logos::Lexer<Token>) -> Result<String, LexError> {
    let s = lex.slice();
    if s.chars().count() > MAX_ATOM_CHARS {
        return Err(LexError::Message("illegal atom".into()));
    }
    Ok(s.to_string())
}

/// Atoms longer than this many characters are refused, as by `erl_scan`
/// (the limit of the atom table's entries).
const MAX_ATOM_CHARS: usize = 255;

fn quoted_atom(lex: &mut logos::Lexer<Token>) -> Result<String, LexError> {
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

fn string_lit(lex: &mut logos::Lexer<Token>) -> Result<Vec<u32>, LexError> {
    let s = lex.slice();
    decode_escapes(&s[1..s.len() - 1])
}

fn char_lit(lex: &mut logos::Lexer<Token>) -> Result<u32, LexError> {
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

fn decimal(lex: &mut logos::Lexer<Token>) -> Result<BigInt, LexError> {
    let s = lex.slice();
    let n = digits_prefix(s, 10);
    let value = parse_digits(&s[..n], 10).ok_or(LexError::Illegal)?;
    if n < s.len() {
        return Err(LexError::Split(n, Box::new(Token::Integer(value))));
    }
    Ok(value)
}

fn based(lex: &mut logos::Lexer<Token>) -> Result<BigInt, LexError> {
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

fn float(lex: &mut logos::Lexer<Token>) -> Result<f64, LexError> {
    let text: String = lex.slice().chars().filter(|&c| c != '_').collect();
    match text.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(f),
        _ => Err(LexError::Message("illegal float".into())),
    }
}

/// A float whose exponent has no digits (`1.5e`, `2.0e+x`).
fn bad_float(_lex: &mut logos::Lexer<Token>) -> Result<f64, LexError> {
    Err(LexError::Message("illegal float".into()))
}

/// Decodes the escapes of a quoted atom, string or character body.
fn decode_escapes(body: &str) -> Result<Vec<u32>, LexError> {
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

/// A token with its place in the source.
pub type SpannedToken = (Token, Span);

/// Scans one file. Lexical errors are reported and scanning goes on after
/// them, except for an unterminated string or atom, which ends the input as
/// it does in `erl_scan`.
pub fn tokenize(text: &str, file: FileId) -> (Vec<SpannedToken>, Vec<Diagnostic>) {
    let mut tokens = Vec::new();
    let mut diags = Vec::new();
    // Byte offset of the text the current logos lexer runs on; a split
    // match restarts the lexer after the part kept.
    let mut base = 0usize;
    let mut lex = Token::lexer(text);
    while let Some(result) = lex.next() {
        let range = lex.span();
        let (start, end) = (base + range.start, base + range.end);
        let span = Span::new(file, start as u32, end as u32);
        match result {
            Ok(Token::Period) => {
                let ends = match text[end..].chars().next() {
                    None => true,
                    Some(c) => c == '%' || c.is_whitespace(),
                };
                tokens.push((if ends { Token::Dot } else { Token::Period }, span));
            }
            Ok(tok) => tokens.push((tok, span)),
            Err(LexError::Message(m)) => diags.push(Diagnostic::error(span, m)),
            Err(LexError::Prefix(n, m)) => {
                let span = Span::new(file, start as u32, (start + n) as u32);
                diags.push(Diagnostic::error(span, m));
                base = start + n;
                lex = Token::lexer(&text[base..]);
            }
            Err(LexError::Split(n, tok)) => {
                tokens.push((*tok, Span::new(file, start as u32, (start + n) as u32)));
                base = start + n;
                lex = Token::lexer(&text[base..]);
            }
            Err(LexError::Illegal) => {
                let rest = &text[start..];
                let first = rest.chars().next().unwrap_or(' ');
                if first == '"' || first == '\'' {
                    let prefix: String = rest[1..].chars().take(16).collect();
                    let shown = render_chars(
                        &decode_escapes(&prefix)
                            .unwrap_or_else(|_| prefix.chars().map(|c| c as u32).collect()),
                        first,
                    );
                    let what = if first == '"' { "string" } else { "atom" };
                    let span = Span::new(file, start as u32, start as u32 + 1);
                    diags.push(Diagnostic::error(
                        span,
                        format!("unterminated {what} starting with {shown}"),
                    ));
                    break;
                } else if first == '$' {
                    diags.push(Diagnostic::error(span, "unterminated character"));
                } else {
                    let one = Span::new(file, start as u32, (start + first.len_utf8()) as u32);
                    if first.is_ascii_graphic() || first.is_alphanumeric() {
                        tokens.push((Token::Other(first), one));
                    } else {
                        diags.push(Diagnostic::error(one, "illegal character"));
                    }
                    if end > start + first.len_utf8() {
                        base = start + first.len_utf8();
                        lex = Token::lexer(&text[base..]);
                    }
                }
            }
        }
    }
    (tokens, diags)
}

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

/// The keyword token spelled `name`, if it is one (`maybe` and `else` included).
pub fn keyword(name: &str) -> Option<Token> {
    Some(match name {
        "after" => Token::After,
        "and" => Token::And,
        "andalso" => Token::Andalso,
        "band" => Token::Band,
        "begin" => Token::Begin,
        "bnot" => Token::Bnot,
        "bor" => Token::Bor,
        "bsl" => Token::Bsl,
        "bsr" => Token::Bsr,
        "bxor" => Token::Bxor,
        "case" => Token::Case,
        "catch" => Token::Catch,
        "cond" => Token::Cond,
        "div" => Token::Div,
        "end" => Token::End,
        "fun" => Token::Fun,
        "if" => Token::If,
        "let" => Token::Let,
        "not" => Token::Not,
        "of" => Token::Of,
        "or" => Token::Or,
        "orelse" => Token::Orelse,
        "receive" => Token::Receive,
        "rem" => Token::Rem,
        "try" => Token::Try,
        "when" => Token::When,
        "xor" => Token::Xor,
        "maybe" => Token::Maybe,
        "else" => Token::Else,
        _ => return None,
    })
}

impl Token {
    /// The source spelling of a keyword or punctuation token; `None` for
    /// tokens that carry a value.
    pub fn symbol(&self) -> Option<&'static str> {
        Some(match self {
            Token::After => "after",
            Token::And => "and",
            Token::Andalso => "andalso",
            Token::Band => "band",
            Token::Begin => "begin",
            Token::Bnot => "bnot",
            Token::Bor => "bor",
            Token::Bsl => "bsl",
            Token::Bsr => "bsr",
            Token::Bxor => "bxor",
            Token::Case => "case",
            Token::Catch => "catch",
            Token::Cond => "cond",
            Token::Div => "div",
            Token::End => "end",
            Token::Fun => "fun",
            Token::If => "if",
            Token::Let => "let",
            Token::Not => "not",
            Token::Of => "of",
            Token::Or => "or",
            Token::Orelse => "orelse",
            Token::Receive => "receive",
            Token::Rem => "rem",
            Token::Try => "try",
            Token::When => "when",
            Token::Xor => "xor",
            Token::Maybe => "maybe",
            Token::Else => "else",
            Token::LParen => "(",
            Token::RParen => ")",
            Token::LBracket => "[",
            Token::RBracket => "]",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Comma => ",",
            Token::Semi => ";",
            Token::Colon => ":",
            Token::ColonColon => "::",
            Token::Period => ".",
            Token::DotDot => "..",
            Token::DotDotDot => "...",
            Token::Dot => ".",
            Token::Arrow => "->",
            Token::FatArrow => "=>",
            Token::ColonEq => ":=",
            Token::LArrow => "<-",
            Token::LDArrow => "<=",
            Token::LtLt => "<<",
            Token::GtGt => ">>",
            Token::Bar => "|",
            Token::BarBar => "||",
            Token::Eq => "=",
            Token::EqEq => "==",
            Token::ExactEq => "=:=",
            Token::ExactNe => "=/=",
            Token::Ne => "/=",
            Token::Le => "=<",
            Token::Lt => "<",
            Token::Gt => ">",
            Token::Ge => ">=",
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::Slash => "/",
            Token::PlusPlus => "++",
            Token::MinusMinus => "--",
            Token::Bang => "!",
            Token::Question => "?",
            Token::QuestionQuestion => "??",
            Token::QuestionEq => "?=",
            Token::Hash => "#",
            _ => return None,
        })
    }

    /// The token as Erlang source text, as `??Arg` stringification and
    /// `erl_parse` error messages show it: `foo`, `'Foo'`, `"abc"`, `$a`, `->`.
    pub fn source_text(&self) -> String {
        match self {
            Token::Atom(a) => render_atom(a),
            Token::Var(v) => v.clone(),
            Token::Integer(i) => i.to_string(),
            Token::Float(f) => format_float(*f),
            Token::Char(c) => render_char(*c),
            Token::String(s) => render_chars(s, '"'),
            Token::Other(c) => c.to_string(),
            t => t.symbol().unwrap_or("").to_string(),
        }
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

fn render_char(c: u32) -> String {
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
            t => write!(f, "'{}'", t.symbol().unwrap_or("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        let (t, d) = tokenize(text, FileId(0));
        assert!(d.is_empty(), "unexpected diagnostics {d:?}");
        t.into_iter().map(|(t, _)| t).collect()
    }

    fn errors(text: &str) -> Vec<String> {
        tokenize(text, FileId(0))
            .1
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    fn int(i: i64) -> Token {
        Token::Integer(BigInt::from(i))
    }

    fn s(text: &str) -> Token {
        Token::String(text.chars().map(|c| c as u32).collect())
    }

    #[test]
    fn atoms_plain_and_quoted() {
        assert_eq!(
            toks("foo fooBar@x_1 'Hello world' 'a\\'b' 'é' ok"),
            vec![
                Token::Atom("foo".into()),
                Token::Atom("fooBar@x_1".into()),
                Token::Atom("Hello world".into()),
                Token::Atom("a'b".into()),
                Token::Atom("é".into()),
                Token::Atom("ok".into()),
            ]
        );
    }

    #[test]
    fn variables() {
        assert_eq!(
            toks("X _ _Foo Abc@1"),
            vec![
                Token::Var("X".into()),
                Token::Var("_".into()),
                Token::Var("_Foo".into()),
                Token::Var("Abc@1".into()),
            ]
        );
    }

    #[test]
    fn integers_based_and_separated() {
        assert_eq!(
            toks("42 1_000 16#FF 16#ff_ff 2#101 36#zz"),
            vec![int(42), int(1000), int(255), int(65535), int(5), int(1295)]
        );
        assert_eq!(errors("1#0"), vec!["illegal base '1'"]);
        assert_eq!(toks("1_"), vec![int(1), Token::Var("_".into())]);
        assert_eq!(toks("2#102"), vec![int(2), int(2)]);
        assert_eq!(errors("16#if"), vec!["illegal integer"]);
        assert_eq!(errors("16#]"), vec!["illegal integer"]);
        assert_eq!(toks("16#ff_zz"), vec![int(255), Token::Var("_zz".into())]);
    }

    #[test]
    fn big_integers() {
        let big: BigInt = "12345678901234567890123".parse().unwrap();
        assert_eq!(toks("12345678901234567890123"), vec![Token::Integer(big)]);
    }

    #[test]
    fn floats() {
        assert_eq!(
            toks("1.0 1.0e10 1.5e-3 1_0.5_0 2.5E+2"),
            vec![
                Token::Float(1.0),
                Token::Float(1.0e10),
                Token::Float(1.5e-3),
                Token::Float(10.5),
                Token::Float(250.0),
            ]
        );
        assert_eq!(toks("1e5"), vec![int(1), Token::Atom("e5".into())]);
        assert_eq!(errors("1.5ereceive"), vec!["illegal float"]);
        assert_eq!(
            toks("1.e4"),
            vec![int(1), Token::Period, Token::Atom("e4".into())]
        );
    }

    #[test]
    fn char_literals() {
        assert_eq!(
            toks(r"$a $\n $\x{1F600} $\^A $\^a $\s $\x41 $\101 $\q $  $\\"),
            vec![
                Token::Char(97),
                Token::Char(10),
                Token::Char(0x1F600),
                Token::Char(1),
                Token::Char(1),
                Token::Char(32),
                Token::Char(65),
                Token::Char(65),
                Token::Char(113),
                Token::Char(32),
                Token::Char(92),
            ]
        );
    }

    #[test]
    fn string_escapes() {
        let t = toks(r#""\b\d\e\f\n\r\s\t\v\\\'\"\101\x41\x{263A}\^z\q""#);
        let expected: Vec<u32> = vec![
            8, 127, 27, 12, 10, 13, 32, 9, 11, 92, 39, 34, 65, 65, 0x263A, 26, 113,
        ];
        assert_eq!(t, vec![Token::String(expected)]);
        assert_eq!(toks("\"a\\\nb\""), vec![s("a\nb")]);
    }

    #[test]
    fn unterminated_string_and_atom() {
        assert_eq!(
            errors("x() -> \"abc\n"),
            vec!["unterminated string starting with \"abc\\n\""]
        );
        assert_eq!(
            errors("'abcdefghijklmnopqrstuvwxyz"),
            vec!["unterminated atom starting with 'abcdefghijklmnop'"]
        );
    }

    #[test]
    fn punctuation_and_operators() {
        let text = "( ) [ ] { } , ; : :: .. ... -> => := <- <= << >> | || = == =:= =/= /= =< < > >= + - * / ++ -- ! ? ?? ?= #";
        let t = toks(text);
        let spelled: Vec<&str> = t.iter().map(|t| t.symbol().unwrap()).collect();
        assert_eq!(spelled.join(" "), text);
    }

    #[test]
    fn keywords_and_atoms_sharing_prefixes() {
        assert_eq!(
            toks("after afterx case catch end endx"),
            vec![
                Token::After,
                Token::Atom("afterx".into()),
                Token::Case,
                Token::Catch,
                Token::End,
                Token::Atom("endx".into()),
            ]
        );
    }

    #[test]
    fn dot_terminator_detection() {
        assert_eq!(
            toks("X.Y x. y.%c\nz."),
            vec![
                Token::Var("X".into()),
                Token::Period,
                Token::Var("Y".into()),
                Token::Atom("x".into()),
                Token::Dot,
                Token::Atom("y".into()),
                Token::Dot,
                Token::Atom("z".into()),
                Token::Dot,
            ]
        );
    }

    #[test]
    fn comments_are_skipped() {
        assert_eq!(
            toks("a % comment\nb"),
            vec![Token::Atom("a".into()), Token::Atom("b".into())]
        );
    }

    #[test]
    fn other_characters_become_tokens() {
        assert_eq!(toks("\\ ~"), vec![Token::Other('\\'), Token::Other('~')]);
        assert_eq!(Token::Other('\\').to_string(), "'\\\\'");
    }

    #[test]
    fn display_as_erl_parse() {
        assert_eq!(Token::Atom("bar".into()).to_string(), "bar");
        assert_eq!(Token::Atom("B".into()).to_string(), "'B'");
        assert_eq!(Token::Atom("end".into()).to_string(), "'end'");
        assert_eq!(Token::End.to_string(), "'end'");
        assert_eq!(Token::Dot.to_string(), "'.'");
        assert_eq!(s("abc").to_string(), "\"abc\"");
        assert_eq!(Token::Char(97).to_string(), "$a");
    }

    #[test]
    fn spans_are_byte_ranges() {
        let (t, _) = tokenize("ab  'c'", FileId(3));
        assert_eq!(t[0].1, Span::new(FileId(3), 0, 2));
        assert_eq!(t[1].1, Span::new(FileId(3), 4, 7));
    }
}
