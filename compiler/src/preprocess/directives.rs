//! The directives' own syntax: which forms are directives, what shape
//! their arguments must have, and how `-define` and `-error`/`-warning`
//! read, with the positions and words `epp` uses when they are malformed.

use super::macros::macro_name;
use crate::ast::Expr;
use crate::lexer::{format_float, render_atom, render_chars, SpannedToken, Token};
use crate::source::Span;
use num_traits::ToPrimitive;

/// The name of the directive a form starts with, if it looks like one.
pub(crate) fn directive_name(form: &[SpannedToken]) -> Option<&'static str> {
    if !matches!(form.first(), Some((Token::Minus, _))) {
        return None;
    }
    let name = match form.get(1).map(|t| &t.0) {
        Some(Token::If) => "if",
        Some(Token::Else) => "else",
        Some(Token::Atom(a)) => match a.as_str() {
            "define" => "define",
            "undef" => "undef",
            "ifdef" => "ifdef",
            "ifndef" => "ifndef",
            "elif" => "elif",
            "endif" => "endif",
            "else" => "else",
            "include" => "include",
            "include_lib" => "include_lib",
            "file" => "file",
            "error" => "error",
            "warning" => "warning",
            "feature" => "feature",
            _ => return None,
        },
        _ => return None,
    };
    Some(name)
}

/// What a directive's tokens should look like after its name, to find the
/// first one that does not (see [`blame`]).
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    Open,
    Close,
    Dot,
    Name,
    Str,
}

/// `(NAME).`, the shape of `-ifdef`, `-ifndef`, `-undef`.
pub(crate) const NAME_SHAPE: &[Shape] = &[Shape::Open, Shape::Name, Shape::Close, Shape::Dot];

/// The tokens between `-name(` and the `).` that closes the form, or `None`
/// when the form is not shaped so.
pub(crate) fn directive_args(form: &[SpannedToken]) -> Option<&[SpannedToken]> {
    let n = form.len();
    if n >= 5
        && form[2].0 == Token::LParen
        && form[n - 1].0 == Token::Dot
        && form[n - 2].0 == Token::RParen
    {
        Some(&form[3..n - 2])
    } else {
        None
    }
}

/// A constant term as `~tp` prints it on one line (`{bad,thing}`, `"text"`,
/// `[1,2]`); `None` when the expression is no term.
pub(crate) fn render_term(e: &Expr) -> Option<String> {
    Some(match e {
        Expr::Atom(_, a) => render_atom(a),
        Expr::Integer(_, i) => i.to_string(),
        Expr::Float(_, f) => format_float(*f),
        Expr::String(_, s) => render_chars(s, '"'),
        Expr::Nil(_) => "[]".to_string(),
        Expr::Tuple(_, es) => {
            let parts: Option<Vec<String>> = es.iter().map(render_term).collect();
            format!("{{{}}}", parts?.join(","))
        }
        Expr::Cons(..) => {
            let mut items = Vec::new();
            let mut cur = e;
            let tail = loop {
                match cur {
                    Expr::Cons(_, h, t) => {
                        items.push(&**h);
                        cur = t;
                    }
                    Expr::Nil(_) => break None,
                    other => break Some(render_term(other)?),
                }
            };
            let printable: Option<Vec<u32>> = items
                .iter()
                .map(|i| match i {
                    Expr::Integer(_, n) => n.to_u32().filter(|c| (32..127).contains(c) || *c == 10),
                    _ => None,
                })
                .collect();
            match (printable, &tail) {
                (Some(codes), None) => render_chars(&codes, '"'),
                _ => {
                    let parts: Option<Vec<String>> = items.into_iter().map(render_term).collect();
                    let mut out = format!("[{}", parts?.join(","));
                    if let Some(t) = tail {
                        out.push('|');
                        out.push_str(&t);
                    }
                    out.push(']');
                    out
                }
            }
        }
        Expr::Map(_, fs) => {
            let parts: Option<Vec<String>> = fs
                .iter()
                .map(|f| {
                    Some(format!(
                        "{} => {}",
                        render_term(&f.key)?,
                        render_term(&f.value)?
                    ))
                })
                .collect();
            format!("#{{{}}}", parts?.join(","))
        }
        _ => return None,
    })
}

/// A macro definition read from `-define(...)`: name, its span,
/// parameters, body.
pub(crate) type Define<'t> = (String, Span, Option<Vec<String>>, &'t [SpannedToken]);

/// Reads the tokens after `-define` as `epp` does, with its messages: the
/// first token that does not fit is blamed.
pub(crate) fn parse_define(
    rest: &[SpannedToken],
    define: Span,
) -> Result<Define<'_>, (Span, String)> {
    let at = |t: Option<&SpannedToken>, or: Span| t.map_or(or, |t| t.1);
    let bad = |span: Span| (span, "badly formed 'define'".to_string());
    let name = match (rest.first(), rest.get(1)) {
        (Some((Token::LParen, _)), Some((t, _))) if macro_name(t).is_some() => {
            macro_name(t).unwrap_or_default()
        }
        (Some((Token::LParen, open)), next) => return Err(bad(at(next, *open))),
        (first, _) => return Err(bad(at(first, define))),
    };
    let name_span = rest[1].1;
    let toks = &rest[2..];
    match toks.first() {
        Some((Token::Comma, comma)) => {
            let body = define_body(&toks[1..], *comma)?;
            Ok((name, name_span, None, body))
        }
        Some((Token::LParen, open)) => {
            let mut params: Vec<String> = Vec::new();
            let mut i = 1;
            let mut last = *open;
            loop {
                match (toks.get(i), toks.get(i + 1)) {
                    (Some((Token::RParen, s)), _) if params.is_empty() || i > 1 => {
                        last = *s;
                        i += 1;
                        break;
                    }
                    (Some((Token::Var(v), s)), _) if params.is_empty() && i == 1 => {
                        params.push(v.clone());
                        last = *s;
                        i += 1;
                    }
                    (Some((Token::Comma, _)), Some((Token::Var(v), s))) if i > 1 => {
                        if params.contains(v) {
                            return Err((*s, format!("argument '{v}' already used")));
                        }
                        params.push(v.clone());
                        last = *s;
                        i += 2;
                    }
                    (t, _) => return Err(bad(at(t, last))),
                }
            }
            match toks.get(i) {
                Some((Token::Comma, comma)) => {
                    let body = define_body(&toks[i + 1..], *comma)?;
                    Ok((name, name_span, Some(params), body))
                }
                t => Err((
                    at(t, last),
                    "badly formed define: missing comma".to_string(),
                )),
            }
        }
        t => Err(bad(at(t, define))),
    }
}

/// The replacement of a definition: everything up to the `)` before the dot.
fn define_body(toks: &[SpannedToken], after: Span) -> Result<&[SpannedToken], (Span, String)> {
    let n = toks.len();
    match toks {
        [.., (Token::RParen, _), (Token::Dot, _)] => Ok(&toks[..n - 2]),
        [.., (Token::Dot, dot)] => Err((
            *dot,
            "badly formed define: missing closing right parenthesis".to_string(),
        )),
        _ => Err((
            toks.last().map_or(after, |t| t.1),
            "premature end".to_string(),
        )),
    }
}

/// The span to blame for a badly formed directive, found as `epp`'s
/// `find_mismatch` does: the first token after the name that does not
/// fit `shape` (or the last one that did, when the form ends early).
pub(crate) fn blame(form: &[SpannedToken], shape: &[Shape]) -> Span {
    let mut last = form[1].1;
    for (i, want) in shape.iter().enumerate() {
        let Some((tok, span)) = form.get(2 + i) else {
            return last;
        };
        let fits = match want {
            Shape::Open => *tok == Token::LParen,
            Shape::Close => *tok == Token::RParen,
            Shape::Dot => *tok == Token::Dot,
            Shape::Name => macro_name(tok).is_some(),
            Shape::Str => matches!(tok, Token::String(_)),
        };
        if !fits {
            return *span;
        }
        last = *span;
    }
    last
}
