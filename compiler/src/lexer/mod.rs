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

mod literals;
mod print;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use literals::{
    bad_float, based, char_lit, decimal, decode_escapes, float, plain_atom, quoted_atom, string_lit,
};
use logos::Logos;
use num_bigint::BigInt;
use print::render_char;
pub use print::{atom_is_bare, format_float, render_atom, render_chars};

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
#[logos(skip r"[\x00-\x20\u{80}-\u{a0}]+")]
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
    /// Any other Latin-1 character (`\`, `~`, DEL, `×`), kept, as by
    /// `erl_scan`, so the parser can name it in `syntax error before: '\\'`.
    /// Characters past U+00FF are `illegal character`.
    Other(char),
}

/// Whether `erl_scan` skips `c` as white space: every control character,
/// the space, and U+0080 to U+00A0.
fn is_blank(c: char) -> bool {
    c <= ' ' || ('\u{80}'..='\u{a0}').contains(&c)
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
                    Some(c) => c == '%' || is_blank(c),
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
                    if (first as u32) < 256 {
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
    fn latin1_blanks_and_other_characters() {
        assert_eq!(
            toks("a\u{1}\u{a0}\u{85}b"),
            vec![Token::Atom("a".into()), Token::Atom("b".into())]
        );
        assert_eq!(
            toks("\u{7f} × ÿ"),
            vec![
                Token::Other('\u{7f}'),
                Token::Other('×'),
                Token::Atom("ÿ".into())
            ]
        );
        assert_eq!(errors("€"), vec!["illegal character"]);
        assert_eq!(toks("x.\u{1}"), vec![Token::Atom("x".into()), Token::Dot]);
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
