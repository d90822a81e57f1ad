//! Macro definitions and expansion, as OTP's `epp` does them.
//!
//! A macro is defined per name and arity: `-define(F, ...)` (no parentheses,
//! arity `None`) and `-define(F(A, B), ...)` (arity `Some(2)`) live side by
//! side. A call `?F(X, Y)` takes the arity-2 definition; when there is none,
//! the definition without parentheses is used and `(X, Y)` stays in the
//! stream. Arguments are split on top-level commas (brackets, `begin`...`end`
//! and friends nest) and substituted as they are; the result is expanded
//! again. `??A` becomes the string of the argument's tokens joined by spaces.
//! The body's own tokens take the span of the call's last token (its name or
//! closing parenthesis) as in `epp`, so `?LINE` in a body gives the line of
//! the use. A macro whose body reaches itself is reported as circular.

use crate::diagnostic::Diagnostic;
use crate::lexer::{SpannedToken, Token};
use crate::source::Span;
use std::collections::{HashMap, VecDeque};

/// One definition of a macro.
#[derive(Clone, Debug)]
pub(crate) struct MacroDef {
    /// Parameter names; `None` for a definition without parentheses.
    pub(crate) params: Option<Vec<String>>,
    /// The replacement tokens.
    pub(crate) body: Vec<SpannedToken>,
}

/// What the predefined macros expand to, for the form being expanded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context {
    /// The `-module` name, once seen.
    pub(crate) module: Option<String>,
    /// Name and arity of the function whose form is being expanded.
    pub(crate) function: Option<(String, usize)>,
}

/// Nested expansions deeper than this, or more expansions of macros with
/// arguments in one token run, are taken for a loop that the static check
/// cannot see (a macro name passed as an argument). Real code stays far below.
const MAX_DEPTH: usize = 200;
/// See [`MAX_DEPTH`].
const MAX_EXPANSIONS: usize = 100_000;

/// The names `epp` defines itself; they cannot be redefined.
pub(crate) const PREDEFINED: &[&str] = &[
    "MODULE",
    "MODULE_STRING",
    "FILE",
    "LINE",
    "MACHINE",
    "FUNCTION_NAME",
    "FUNCTION_ARITY",
    "OTP_RELEASE",
];

/// All user-defined macros, by name then arity.
#[derive(Default, Debug)]
pub(crate) struct MacroTable {
    defs: HashMap<String, HashMap<Option<usize>, MacroDef>>,
}

/// The name of a macro as written after `?` or in `-define`: an atom or a variable.
pub(crate) fn macro_name(tok: &Token) -> Option<String> {
    match tok {
        Token::Atom(a) | Token::Var(a) => Some(a.clone()),
        // Atoms in OTP 25 unless the `maybe_expr` feature is on.
        Token::Maybe | Token::Else => tok.symbol().map(str::to_string),
        _ => None,
    }
}

/// The name and arity `?FUNCTION_NAME`/`?FUNCTION_ARITY` give in a form
/// (macro-expanded already) that starts a function, counted as `epp` 25
/// counts: a top-level comma adds one, the first token that is no bracket
/// makes it at least one. So `f([], X)` gives 1, as on OTP (brackets alone
/// never count), and ferl keeps that.
pub(crate) fn epp_function(form: &[SpannedToken]) -> Option<(String, usize)> {
    let [(Token::Atom(name), _), (Token::LParen, _), rest @ ..] = form else {
        return None;
    };
    let mut depth = 1;
    let mut arity = 0;
    for (tok, _) in rest {
        match tok {
            Token::Comma if depth == 1 => arity += 1,
            Token::Comma => {}
            Token::LParen | Token::LBrace | Token::LBracket | Token::LtLt => depth += 1,
            Token::RParen | Token::RBrace | Token::RBracket | Token::GtGt => {
                if depth == 1 {
                    break;
                }
                depth -= 1;
            }
            _ => arity = arity.max(1),
        }
    }
    Some((name.clone(), arity))
}

/// Why a macro call's arguments could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArgError {
    /// Unclosed, or an empty first or last argument:
    /// `badly formed argument for macro`.
    Malformed,
    /// An empty argument in the middle: `argument mismatch for macro`.
    Mismatch,
}

/// The closer an opening token waits for inside a macro argument, as
/// `epp`'s `macro_arg` knows them.
fn closer(toks: &[SpannedToken], i: usize) -> Option<Token> {
    Some(match &toks[i].0 {
        Token::LParen => Token::RParen,
        Token::LtLt => Token::GtGt,
        Token::LBracket => Token::RBracket,
        Token::LBrace => Token::RBrace,
        Token::Begin | Token::If | Token::Case | Token::Receive | Token::Try | Token::Cond => {
            Token::End
        }
        Token::Fun => match (toks.get(i + 1).map(|t| &t.0), toks.get(i + 2).map(|t| &t.0)) {
            (Some(Token::LParen), _) | (Some(Token::Var(_)), Some(Token::LParen)) => Token::End,
            _ => return None,
        },
        _ => return None,
    })
}

/// One argument from `toks[i]`: up to a `,` or `)` outside any brackets.
/// A closer that matches no opener is an ordinary token, as in `epp`.
fn macro_arg(toks: &[SpannedToken], mut i: usize) -> (Vec<SpannedToken>, usize) {
    let mut expect: Vec<Token> = Vec::new();
    let mut arg = Vec::new();
    while i < toks.len() {
        let tok = &toks[i].0;
        if expect.is_empty() && matches!(tok, Token::Comma | Token::RParen) {
            break;
        }
        if let Some(c) = closer(toks, i) {
            expect.push(c);
        } else if expect.last() == Some(tok) {
            expect.pop();
        }
        arg.push(toks[i].clone());
        i += 1;
    }
    (arg, i)
}

/// Splits the argument list that starts with the `(` at `toks[open]`.
/// Returns the arguments and the index just past the closing `)`.
pub(crate) fn split_args(
    toks: &[SpannedToken],
    open: usize,
) -> Result<(Vec<Vec<SpannedToken>>, usize), ArgError> {
    let mut i = open + 1;
    match toks.get(i).map(|t| &t.0) {
        Some(Token::RParen) => return Ok((Vec::new(), i + 1)),
        Some(Token::Comma) | None => return Err(ArgError::Malformed),
        _ => {}
    }
    let mut args = Vec::new();
    loop {
        let (arg, j) = macro_arg(toks, i);
        args.push(arg);
        match toks.get(j).map(|t| &t.0) {
            Some(Token::RParen) => break Ok((args, j + 1)),
            Some(Token::Comma) if !matches!(toks.get(j + 1), Some((Token::RParen, _))) => {
                i = j + 1;
            }
            _ => break Err(ArgError::Malformed),
        }
    }
    .and_then(|(args, next): (Vec<Vec<SpannedToken>>, usize)| {
        if args.iter().any(Vec::is_empty) {
            Err(ArgError::Mismatch)
        } else {
            Ok((args, next))
        }
    })
}

impl MacroTable {
    /// Whether any definition of `name` exists.
    pub(crate) fn is_defined(&self, name: &str, ctx: &Context) -> bool {
        match name {
            "MODULE" | "MODULE_STRING" => ctx.module.is_some(),
            "FUNCTION_NAME" | "FUNCTION_ARITY" => ctx.function.is_some(),
            _ if PREDEFINED.contains(&name) => true,
            _ => self.defs.get(name).is_some_and(|d| !d.is_empty()),
        }
    }

    /// Adds a definition; returns `false` when that name and arity exist already.
    pub(crate) fn define(&mut self, name: String, def: MacroDef) -> bool {
        let arity = def.params.as_ref().map(Vec::len);
        let entry = self.defs.entry(name).or_default();
        if entry.contains_key(&arity) {
            return false;
        }
        entry.insert(arity, def);
        true
    }

    /// Removes every definition of `name`.
    pub(crate) fn undefine(&mut self, name: &str) {
        self.defs.remove(name);
    }

    /// Expands every macro call in `toks`, appending the result to `out`.
    pub(crate) fn expand(
        &self,
        toks: &[SpannedToken],
        ctx: &Context,
        file_name: &dyn Fn(Span) -> (String, u32),
        out: &mut Vec<SpannedToken>,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.expand_in(toks, ctx, file_name, out, diags, 0);
    }

    /// The definition a call `?name` at `toks[i]` (just past the name)
    /// selects, with its arguments and the index past the call.
    fn select<'d>(
        defs: &'d HashMap<Option<usize>, MacroDef>,
        toks: &[SpannedToken],
        i: usize,
    ) -> Option<(&'d MacroDef, Vec<Vec<SpannedToken>>, usize)> {
        let split = match toks.get(i) {
            Some((Token::LParen, _)) => split_args(toks, i).ok(),
            _ => None,
        };
        // As epp: a lone definition without parentheses serves any call
        // (what follows stays in the stream); otherwise the arity must match.
        if defs.len() == 1 {
            if let Some(d) = defs.get(&None) {
                return Some((d, Vec::new(), i));
            }
        }
        match split {
            Some((args, next)) => defs.get(&Some(args.len())).map(|d| (d, args, next)),
            None => defs.get(&None).map(|d| (d, Vec::new(), i)),
        }
    }

    /// Whether the definition of `name` with `arity` reaches itself through
    /// the macros its body calls (`epp`'s `circular macro`).
    fn is_circular(&self, name: &str, arity: Option<usize>) -> bool {
        let start = (name.to_string(), arity);
        let mut seen: Vec<(String, Option<usize>)> = Vec::new();
        let mut todo = vec![start.clone()];
        while let Some((n, a)) = todo.pop() {
            let Some(def) = self.defs.get(&n).and_then(|d| d.get(&a)) else {
                continue;
            };
            let body = &def.body;
            for j in 0..body.len() {
                if body[j].0 != Token::Question {
                    continue;
                }
                let Some(used) = body.get(j + 1).and_then(|t| macro_name(&t.0)) else {
                    continue;
                };
                let Some(defs) = self.defs.get(&used) else {
                    continue;
                };
                let Some((d, _, _)) = Self::select(defs, body, j + 2) else {
                    continue;
                };
                let key = (used, d.params.as_ref().map(Vec::len));
                if key == start {
                    return true;
                }
                if !seen.contains(&key) {
                    seen.push(key.clone());
                    todo.push(key);
                }
            }
        }
        false
    }

    fn expand_in(
        &self,
        toks: &[SpannedToken],
        ctx: &Context,
        file_name: &dyn Fn(Span) -> (String, u32),
        out: &mut Vec<SpannedToken>,
        diags: &mut Vec<Diagnostic>,
        depth: usize,
    ) {
        // Pending tokens, next first; a macro with arguments puts its
        // substituted body back in front, to be read with what follows it.
        let mut pending: VecDeque<SpannedToken> = toks.iter().cloned().collect();
        let mut expansions = 0usize;
        while let Some(tok) = pending.pop_front() {
            if tok.0 == Token::QuestionQuestion {
                // `??` outside a macro body: a `?` followed by a `?`.
                let second = Span::new(tok.1.file, tok.1.start + 1, tok.1.end);
                diags.push(Diagnostic::error(second, "illegal macro call '?'?''"));
                continue;
            }
            if tok.0 != Token::Question {
                out.push(tok);
                continue;
            }
            let Some(name) = pending.front().and_then(|t| macro_name(&t.0)) else {
                let (shown, at) = match pending.front() {
                    Some((Token::Dot, s)) => ("dot".to_string(), *s),
                    Some((t, s)) => (t.to_string(), *s),
                    // A `?` that ends the input stays, for the parser to
                    // refuse, as in epp.
                    None => {
                        out.push(tok);
                        continue;
                    }
                };
                diags.push(Diagnostic::error(
                    at,
                    format!("illegal macro call '?{shown}'"),
                ));
                continue;
            };
            let name_span = pending.pop_front().map(|t| t.1).unwrap_or(tok.1);
            if let Some(tok) = self.predefined(&name, ctx, name_span, file_name) {
                match tok {
                    Ok(tok) => out.push((tok, name_span)),
                    Err(m) => diags.push(Diagnostic::error(name_span, m)),
                }
                continue;
            }
            // As epp's count_args, a call's arguments are checked first.
            pending.make_contiguous();
            let call = match pending.front() {
                Some((Token::LParen, _)) => match split_args(pending.as_slices().0, 0) {
                    Ok((args, _)) => Some(args.len()),
                    Err(e) => {
                        let what = match e {
                            ArgError::Malformed => "badly formed argument",
                            ArgError::Mismatch => "argument mismatch",
                        };
                        diags.push(Diagnostic::error(
                            name_span,
                            format!("{what} for macro '{name}'"),
                        ));
                        continue;
                    }
                },
                _ => None,
            };
            let Some(defs) = self.defs.get(&name).filter(|d| !d.is_empty()) else {
                let shown = match call {
                    Some(n) => format!("{name}/{n}"),
                    None => name,
                };
                diags.push(Diagnostic::error(
                    name_span,
                    format!("undefined macro '{shown}'"),
                ));
                continue;
            };
            pending.make_contiguous();
            let rest = pending.as_slices().0;
            let Some((def, args, used)) = Self::select(defs, rest, 0) else {
                diags.push(Diagnostic::error(
                    name_span,
                    format!("argument mismatch for macro '{name}'"),
                ));
                if let Ok((_, n)) = split_args(rest, 0) {
                    pending.drain(..n);
                }
                continue;
            };
            pending.drain(..used);
            let arity = def.params.as_ref().map(Vec::len);
            expansions += 1;
            if depth >= MAX_DEPTH || expansions > MAX_EXPANSIONS || self.is_circular(&name, arity) {
                let shown = match arity {
                    Some(n) => format!("{name}/{n}"),
                    None => name,
                };
                diags.push(Diagnostic::error(
                    name_span,
                    format!("circular macro '{shown}'"),
                ));
                continue;
            }
            let body = substitute(def, &args, name_span);
            if arity.is_some() {
                for t in body.into_iter().rev() {
                    pending.push_front(t);
                }
            } else {
                self.expand_in(&body, ctx, file_name, out, diags, depth + 1);
            }
        }
    }

    /// The expansion of a predefined macro: `None` when `name` is not one,
    /// `Some(None)` when it is one but has no value here.
    fn predefined(
        &self,
        name: &str,
        ctx: &Context,
        span: Span,
        file_name: &dyn Fn(Span) -> (String, u32),
    ) -> Option<Result<Token, String>> {
        let chars = |s: &str| s.chars().map(|c| c as u32).collect();
        let undefined = || format!("undefined macro '{name}'");
        let outside = || format!("?{name} can only be used within a function");
        Some(match name {
            "MODULE" => ctx.module.clone().map(Token::Atom).ok_or_else(undefined),
            "MODULE_STRING" => ctx
                .module
                .as_deref()
                .map(|m| Token::String(chars(m)))
                .ok_or_else(undefined),
            "FILE" => Ok(Token::String(chars(&file_name(span).0))),
            "LINE" => Ok(Token::Integer(file_name(span).1.into())),
            "MACHINE" => Ok(Token::Atom("BEAM".into())),
            "OTP_RELEASE" => Ok(Token::Integer(25.into())),
            "FUNCTION_NAME" => ctx
                .function
                .as_ref()
                .map(|f| Token::Atom(f.0.clone()))
                .ok_or_else(outside),
            "FUNCTION_ARITY" => ctx
                .function
                .as_ref()
                .map(|f| Token::Integer(f.1.into()))
                .ok_or_else(outside),
            _ => return None,
        })
    }
}

/// The body of `def` with its parameters replaced: `P` by the argument's
/// tokens (expanded later, with the body), `??P` by the string of them.
///
/// Spans follow `epp`: body tokens take the span of the macro's name, and
/// after an argument, that of the argument's last token.
fn substitute(def: &MacroDef, raw: &[Vec<SpannedToken>], name_span: Span) -> Vec<SpannedToken> {
    let mut call_span = name_span;
    let params: &[String] = def.params.as_deref().unwrap_or(&[]);
    let index = |tok: &Token| match tok {
        Token::Var(v) => params.iter().position(|p| p == v),
        _ => None,
    };
    let mut out = Vec::with_capacity(def.body.len());
    let body = &def.body;
    let mut j = 0;
    while j < body.len() {
        let tok = &body[j].0;
        // `??V`: the string of argument V's tokens; when V is no parameter,
        // epp keeps just the variable.
        let (var_at, skip) = match tok {
            Token::QuestionQuestion => (j + 1, 2),
            Token::Question if matches!(body.get(j + 1), Some((Token::Question, _))) => (j + 2, 3),
            _ => (j, 0),
        };
        if skip > 0 {
            if let Some((Token::Var(v), _)) = body.get(var_at) {
                if index(&Token::Var(v.clone())).is_none() {
                    out.push((Token::Var(v.clone()), call_span));
                    j += skip;
                    continue;
                }
            }
        }
        let stringified = if skip > 0 {
            body.get(var_at)
                .and_then(|t| index(&t.0))
                .map(|k| (k, skip))
        } else {
            None
        };
        if let Some((k, skip)) = stringified {
            let text: Vec<String> = raw[k].iter().map(|t| t.0.source_text()).collect();
            let text = text.join(" ");
            out.push((
                Token::String(text.chars().map(|c| c as u32).collect()),
                call_span,
            ));
            j += skip;
            continue;
        }
        match index(tok) {
            Some(k) => {
                out.extend(raw[k].iter().cloned());
                if let Some(last) = raw[k].last() {
                    call_span = last.1;
                }
            }
            None => out.push((tok.clone(), call_span)),
        }
        j += 1;
    }
    out
}
