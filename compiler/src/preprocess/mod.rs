//! The preprocessor: token streams in, token streams out, form by form, as
//! OTP's `epp` works.
//!
//! A file is scanned, cut into forms at each terminating dot, and each form
//! is either a directive (`-define`, `-undef`, `-ifdef`, `-ifndef`, `-if`,
//! `-elif`, `-else`, `-endif`, `-include`, `-include_lib`, `-error`,
//! `-warning`, `-file`; see `directives.rs` for their syntax), which is acted
//! on and dropped, or an ordinary form, which is kept only when
//! every open conditional keeps its branch and is then macro-expanded (see
//! `macros.rs`). An included file is processed in place, with the same macro
//! table, and must close its own conditionals. `-record`, `-type` and the
//! rest pass through to the parser untouched.
//!
//! Errors come as `epp` words and places them, one per form at most, and a
//! lexical error ends its form as in `erl_scan` (the tokens before it are
//! dropped, those after it start a new form). `-file` is ignored: line
//! numbers stay those of the real file.
//!
//! `-feature(maybe_expr, enable)` (the one feature OTP 25 knows, allowed
//! before any form but `-module` and directives) makes `maybe` and `else`
//! keywords from there on; otherwise they leave as atoms, as in OTP 25.

mod conditionals;
mod directives;
mod include;
mod macros;

use crate::diagnostic::Diagnostic;
use crate::lexer::{tokenize, SpannedToken, Token};
use crate::source::{FileId, SourceMap, Span};
use crate::IncludeResolver;
use conditionals::{CondKind, CondStack};
use directives::{
    blame, directive_args, directive_name, parse_define, render_term, Shape, NAME_SHAPE,
};
use macros::{epp_function, macro_name, Context, MacroDef, MacroTable, PREDEFINED};
use std::collections::VecDeque;

/// One form handed to the parser.
#[derive(Clone, Debug)]
pub enum PpForm {
    /// The expanded tokens of a kept form, normally ending with [`Token::Dot`].
    Tokens(Vec<SpannedToken>),
    /// A form whose expansion failed; its errors are reported already.
    Error(Span),
}

/// Preprocesses one module file and the files it includes. Returns every
/// kept form and every problem found on the way.
pub fn preprocess(
    map: &mut SourceMap,
    file: FileId,
    resolver: &dyn IncludeResolver,
) -> (Vec<PpForm>, Vec<Diagnostic>) {
    preprocess_with(map, file, resolver, &[])
}

/// [`preprocess`] with macros defined beforehand, as `erlc -DNAME=VALUE`
/// defines them (`VALUE` is Erlang source text; `-DNAME` alone is `true`).
pub fn preprocess_with(
    map: &mut SourceMap,
    file: FileId,
    resolver: &dyn IncludeResolver,
    defines: &[(String, String)],
) -> (Vec<PpForm>, Vec<Diagnostic>) {
    let mut macros = MacroTable::default();
    for (name, value) in defines {
        let id = map.add(format!("-D{name}"), value.clone());
        let (body, _) = tokenize(value, id);
        macros.define(name.clone(), macros::MacroDef { params: None, body });
    }
    let mut pp = Preprocessor {
        map,
        resolver,
        macros,
        ctx: Context::default(),
        maybe_enabled: false,
        in_prefix: true,
        out: Vec::new(),
        diags: Vec::new(),
        depth: 0,
    };
    pp.process_file(file);
    (pp.out, pp.diags)
}

/// The error the file server reports for bytes that are not UTF-8; erlc
/// sorts it with the lint's errors, not the preprocessor's.
pub const CANNOT_TRANSLATE: &str = "cannot translate from UTF-8";

/// Where epp reports an encoding error in a text cut at the first bad
/// byte: its end, or the start of a comment the last line ends in.
fn undecodable_at(text: &str) -> u32 {
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let mut quote: Option<char> = None;
    let mut chars = text[line_start..].char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '$') => {
                chars.next();
            }
            (None, '%') => return (line_start + i) as u32,
            _ => {}
        }
    }
    text.len() as u32
}

/// Splits a token stream after each [`Token::Dot`]; a last form without a
/// dot is kept as it is.
pub fn split_forms(tokens: &[SpannedToken]) -> Vec<&[SpannedToken]> {
    tokens
        .split_inclusive(|(t, _)| *t == Token::Dot)
        .filter(|f| !f.is_empty())
        .collect()
}

struct Preprocessor<'a> {
    map: &'a mut SourceMap,
    resolver: &'a dyn IncludeResolver,
    macros: MacroTable,
    ctx: Context,
    maybe_enabled: bool,
    /// Still before the first form that is not `-module` or a directive:
    /// `-feature` is allowed only there.
    in_prefix: bool,
    out: Vec<PpForm>,
    diags: Vec<Diagnostic>,
    depth: usize,
}

impl Preprocessor<'_> {
    fn process_file(&mut self, file: FileId) {
        let text = self.map.file(file).text.clone();
        let (tokens, mut lex_diags) = tokenize(&text, file);
        lex_diags.sort_by_key(|d| d.span.start);
        let mut lex_diags = VecDeque::from(lex_diags);
        let mut conds = CondStack::default();
        // As erl_scan does, a lexical error ends the form it is in: the
        // tokens before it are dropped and a new form starts after it.
        let mut cur: Vec<SpannedToken> = Vec::new();
        for tok in tokens {
            while lex_diags
                .front()
                .is_some_and(|d| d.span.start <= tok.1.start)
            {
                self.lex_error(lex_diags.pop_front(), &conds);
                cur.clear();
            }
            let is_dot = tok.0 == Token::Dot;
            cur.push(tok);
            if is_dot {
                self.form(&cur, file, &mut conds);
                cur.clear();
            }
        }
        if self.map.file(file).undecodable {
            // The text ends where the bytes stopped being UTF-8: epp drops
            // the form it was reading and gives up there (inside a comment,
            // at the comment's start, where erl_scan resumes).
            let at = undecodable_at(&text);
            let at = Span::new(file, at, at);
            self.diags
                .push(Diagnostic::error(at, "cannot parse file, giving up"));
            self.diags.push(Diagnostic::error(at, CANNOT_TRANSLATE));
            return;
        }
        if !lex_diags.is_empty() {
            while !lex_diags.is_empty() {
                self.lex_error(lex_diags.pop_front(), &conds);
            }
        } else if !cur.is_empty() {
            self.form(&cur, file, &mut conds);
        }
        let end = Span::new(file, text.len() as u32, text.len() as u32);
        for frame in conds.frames.iter().rev() {
            self.diags.push(Diagnostic::error(
                end,
                format!("unterminated '-{}'", frame.kind.name()),
            ));
        }
    }

    /// Reports a lexical error (unless in a skipped region) and marks its
    /// form as failed.
    fn lex_error(&mut self, diag: Option<Diagnostic>, conds: &CondStack) {
        if let Some(d) = diag {
            if conds.active() {
                self.out.push(PpForm::Error(d.span));
                self.diags.push(d);
            }
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, message));
    }

    fn form(&mut self, form: &[SpannedToken], file: FileId, conds: &mut CondStack) {
        let Some(name) = directive_name(form) else {
            if conds.active() {
                self.ordinary(form);
            }
            return;
        };
        let args = directive_args(form);
        let name_span = form[1].1;
        match name {
            "ifdef" | "ifndef" => {
                let kind = if name == "ifdef" {
                    CondKind::Ifdef
                } else {
                    CondKind::Ifndef
                };
                // A badly formed test is reported and taken as false.
                let cond = match args {
                    Some([(tok, _)]) if macro_name(tok).is_some() => {
                        let m = macro_name(tok).unwrap_or_default();
                        self.macros.is_defined(&m, &self.ctx) == (kind == CondKind::Ifdef)
                    }
                    _ => {
                        if conds.active() {
                            let at = blame(form, NAME_SHAPE);
                            self.error(at, format!("badly formed '{name}'"));
                        }
                        false
                    }
                };
                conds.open(kind, cond);
            }
            "if" => {
                let cond = conds.active() && self.condition(form);
                conds.open(CondKind::If, cond);
            }
            "elif" => {
                let cond = conds.elif_needs_condition() && self.condition(form);
                if let Err(m) = conds.elif(cond) {
                    self.error(name_span, m);
                }
            }
            "else" | "endif" => {
                // While skipping, epp takes `-else`/`-endif` whatever follows.
                if form.len() != 3 && conds.active() {
                    self.error(blame(form, &[Shape::Dot]), format!("badly formed '{name}'"));
                    return;
                }
                let r = if name == "else" {
                    conds.else_()
                } else {
                    conds.endif()
                };
                if let Err(m) = r {
                    self.error(name_span, m);
                }
            }
            _ if !conds.active() => {}
            "define" => self.define(form),
            "feature" => self.feature(form),
            "undef" => match args {
                Some([(tok, _)]) if macro_name(tok).is_some() => {
                    self.in_prefix = false;
                    self.macros.undefine(&macro_name(tok).unwrap_or_default());
                }
                _ => self.error(blame(form, NAME_SHAPE), "badly formed 'undef'"),
            },
            "include" | "include_lib" => self.include(form, args, name == "include_lib", file),
            "file" => {}
            "error" | "warning" => {
                self.in_prefix = false;
                self.error_or_warning(form, name == "error");
            }
            _ => self.ordinary(form),
        }
    }

    /// Evaluates the condition of `-if`/`-elif`. A malformed condition is a
    /// syntax error; one that does not evaluate is false.
    /// Evaluates the condition of `-if`/`-elif` as `epp` does: macros
    /// expanded, `defined(NAME)` read, the tokens from `(` to the dot parsed
    /// as expressions (a syntax error is reported), the one expression
    /// required to be a guard (`badly formed 'if'` otherwise), and evaluated;
    /// an evaluation that fails counts as false.
    fn condition(&mut self, form: &[SpannedToken]) -> bool {
        let if_span = form[1].1;
        if !matches!(form.get(2), Some((Token::LParen, _))) {
            let at = form.get(2).map_or(if_span, |t| t.1);
            self.error(at, "badly formed 'if'");
            return false;
        }
        let args = &form[2..];
        let mut replaced = Vec::with_capacity(args.len());
        let mut i = 0;
        while i < args.len() {
            if let (
                Token::Atom(a),
                Some((Token::LParen, _)),
                Some((n, _)),
                Some((Token::RParen, _)),
            ) = (
                &args[i].0,
                args.get(i + 1),
                args.get(i + 2),
                args.get(i + 3),
            ) {
                if a == "defined" && macro_name(n).is_some() {
                    let m = macro_name(n).unwrap_or_default();
                    let v = self.macros.is_defined(&m, &self.ctx);
                    replaced.push((Token::Atom(v.to_string()), args[i].1));
                    i += 4;
                    continue;
                }
            }
            replaced.push(args[i].clone());
            i += 1;
        }
        let before = self.diags.len();
        let expanded = self.expand(&replaced);
        if self.diags.len() > before {
            self.diags.truncate(before + 1);
            return false;
        }
        let exprs = match crate::parser::parse_exprs(expanded, if_span) {
            Ok(e) => e,
            Err(d) => {
                self.diags.push(d);
                return false;
            }
        };
        match exprs.as_slice() {
            [e] if conditionals::is_guard(e) => conditionals::evaluate(e),
            _ => {
                self.error(if_span, "badly formed 'if'");
                false
            }
        }
    }

    fn define(&mut self, form: &[SpannedToken]) {
        match parse_define(&form[2..], form[1].1) {
            Ok((name, name_span, params, body)) => {
                if PREDEFINED.contains(&name.as_str()) {
                    self.error(name_span, format!("redefining predefined macro '{name}'"));
                    return;
                }
                let def = MacroDef {
                    params,
                    body: body.to_vec(),
                };
                if !self.macros.define(name.clone(), def) {
                    self.error(name_span, format!("redefining macro '{name}'"));
                }
            }
            Err((span, message)) => self.error(span, message),
        }
    }

    fn include(
        &mut self,
        form: &[SpannedToken],
        args: Option<&[SpannedToken]>,
        lib: bool,
        file: FileId,
    ) {
        let what = if lib { "include_lib" } else { "include" };
        let Some(path) = args.and_then(include::include_path) else {
            // Adjacent strings count as one, as epp coalesces them.
            let mut merged: Vec<SpannedToken> = Vec::with_capacity(form.len());
            for t in form {
                let both = matches!(t.0, Token::String(_))
                    && matches!(merged.last(), Some((Token::String(_), _)));
                if !both {
                    merged.push(t.clone());
                }
            }
            let at = blame(
                &merged,
                &[Shape::Open, Shape::Str, Shape::Close, Shape::Dot],
            );
            self.error(at, format!("badly formed '{what}'"));
            return;
        };
        let at = form[3].clone();
        if self.depth >= include::MAX_DEPTH {
            self.error(form[1].1, format!("{what} too deep"));
            return;
        }
        match include::load(self.map, self.resolver, &path, lib, file, at) {
            Ok(id) => {
                self.depth += 1;
                self.process_file(id);
                self.depth -= 1;
            }
            Err(d) => self.diags.push(d),
        }
    }

    fn expand(&mut self, toks: &[SpannedToken]) -> Vec<SpannedToken> {
        let map: &SourceMap = self.map;
        let locate = |span: Span| (map.file(span.file).name.clone(), map.line(span));
        let mut out = Vec::with_capacity(toks.len());
        self.macros
            .expand(toks, &self.ctx, &locate, &mut out, &mut self.diags);
        out
    }

    /// `-feature(Name, enable | disable).`, which OTP 25 knows for
    /// `maybe_expr` only, before any form but `-module` and directives.
    fn feature(&mut self, form: &[SpannedToken]) {
        let at = form[1].1;
        match form.get(2..) {
            Some(
                [(Token::LParen, _), (Token::Atom(f), _), (Token::Comma, _), (Token::Atom(e), _), (Token::RParen, _), (Token::Dot, _)],
            ) if e == "enable" || e == "disable" => {
                if !self.in_prefix {
                    self.error(
                        at,
                        "feature directive not allowed after exports or record definitions",
                    );
                } else if f != "maybe_expr" {
                    self.error(at, format!("the feature '{f}' does not exist."));
                } else {
                    self.maybe_enabled = e == "enable";
                }
            }
            _ => {
                let span = form.get(2).map_or(at, |t| t.1);
                self.error(span, "badly formed 'feature'");
            }
        }
    }

    /// `-error(Term).` and `-warning(Term).`: report the term as written,
    /// `-error({bad,thing}).`, as `epp` does.
    fn error_or_warning(&mut self, form: &[SpannedToken], error: bool) {
        let tag = if error { "error" } else { "warning" };
        let at = form[1].1;
        if !matches!(form.get(2), Some((Token::LParen, _))) {
            let span = form.get(2).map_or(at, |t| t.1);
            return self.error(span, format!("badly formed '{tag}'"));
        }
        let before = self.diags.len();
        let expanded = self.expand(&form[2..]);
        let term = if self.diags.len() > before {
            self.diags.truncate(before);
            None
        } else {
            crate::parser::parse_exprs(expanded, at)
                .ok()
                .and_then(|es| match es.as_slice() {
                    [e] => render_term(e),
                    _ => None,
                })
        };
        match term {
            Some(t) if error => self.error(at, format!("-error({t}).")),
            Some(t) => self
                .diags
                .push(Diagnostic::warning(at, format!("-warning({t})."))),
            None => self.error(at, format!("badly formed '{tag}'")),
        }
    }

    /// A form kept for the parser: macro-expanded and passed on.
    fn ordinary(&mut self, form: &[SpannedToken]) {
        // The function is read from the form with its macros expanded
        // (but ?FUNCTION_NAME itself), as epp does; only needed when the
        // form has macros, else the raw head says it.
        self.ctx.function = None;
        self.ctx.function = if form.iter().any(|t| t.0 == Token::Question) {
            let mut scratch = Vec::new();
            let map: &SourceMap = self.map;
            let locate = |span: Span| (map.file(span.file).name.clone(), map.line(span));
            let mut head = Vec::new();
            self.macros
                .expand(form, &self.ctx, &locate, &mut head, &mut scratch);
            epp_function(&head)
        } else {
            epp_function(form)
        };
        if let [(Token::Question, _), (Token::Var(v), span), ..] = form {
            if v == "FUNCTION_NAME" || v == "FUNCTION_ARITY" {
                self.error(*span, format!("?{v} must not begin a form"));
                self.out.push(PpForm::Error(*span));
                return;
            }
        }
        let errors_before = self.diags.len();
        let mut expanded = self.expand(form);
        self.ctx.function = None;
        if self.diags.len() > errors_before {
            // epp gives up on a form at its first error.
            self.diags.truncate(errors_before + 1);
            let span = form[0].1.to(form[form.len() - 1].1);
            self.out.push(PpForm::Error(span));
            return;
        }
        match expanded.as_slice() {
            // `-module(m).`, and the parameterized `-module(m, [P]).`
            // that the lint refuses (epp defines ?MODULE for both).
            [(Token::Minus, _), (Token::Atom(a), _), (Token::LParen, _), (Token::Atom(m), _), (Token::RParen | Token::Comma, _), ..]
                if a == "module" =>
            {
                self.ctx.module = Some(m.clone());
            }
            [(Token::Minus, _), (Token::Atom(a), _), ..] if a == "module" => {}
            _ => self.in_prefix = false,
        }
        if !self.maybe_enabled {
            for (tok, _) in expanded.iter_mut() {
                match tok {
                    Token::Maybe => *tok = Token::Atom("maybe".into()),
                    Token::Else => *tok = Token::Atom("else".into()),
                    _ => {}
                }
            }
        }
        self.out.push(PpForm::Tokens(expanded));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Files(HashMap<String, String>);

    impl IncludeResolver for Files {
        fn resolve(&self, path: &str, lib: bool, _from: &str) -> Option<(String, String)> {
            let key = if lib {
                format!("lib/{path}")
            } else {
                path.to_string()
            };
            self.0.get(&key).map(|t| (key.clone(), t.clone()))
        }
    }

    fn run_with(text: &str, files: &[(&str, &str)]) -> (String, Vec<String>) {
        let mut map = SourceMap::new();
        let id = map.add("t.erl", text);
        let files = Files(
            files
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        let (forms, diags) = preprocess(&mut map, id, &files);
        let toks: Vec<SpannedToken> = forms
            .into_iter()
            .flat_map(|f| match f {
                PpForm::Tokens(t) => t,
                PpForm::Error(_) => Vec::new(),
            })
            .collect();
        let text: Vec<String> = toks.iter().map(|t| t.0.source_text()).collect();
        (
            text.join(" "),
            diags.into_iter().map(|d| d.message).collect(),
        )
    }

    fn run(text: &str) -> String {
        let (out, diags) = run_with(text, &[]);
        assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
        out
    }

    fn errors(text: &str) -> Vec<String> {
        run_with(text, &[]).1
    }

    #[test]
    fn macros_with_and_without_args() {
        assert_eq!(
            run("-define(A, 1).\n-define(A(X), {X}).\n-define(Z(), z).\nf() -> {?A, ?A(2), ?Z()}."),
            "f ( ) -> { 1 , { 2 } , z } ."
        );
    }

    #[test]
    fn macro_without_parens_keeps_call_args() {
        assert_eq!(
            run("-define(F, foo).\ng() -> ?F(1)."),
            "g ( ) -> foo ( 1 ) ."
        );
    }

    #[test]
    fn args_split_on_top_level_commas() {
        assert_eq!(
            run("-define(T(A, B), {B, A}).\nf() -> ?T([1, 2], fun(X, Y) -> X end)."),
            "f ( ) -> { fun ( X , Y ) -> X end , [ 1 , 2 ] } ."
        );
    }

    #[test]
    fn stringify_argument() {
        assert_eq!(
            run("-define(S(X), ??X).\nf() -> ?S(foo(X, \"s\", 'A b', ?B))."),
            r#"f ( ) -> "foo ( X , \"s\" , 'A b' , ? B )" ."#
        );
    }

    #[test]
    fn nested_macros() {
        assert_eq!(
            run("-define(A, ?B + 1).\n-define(B, 2).\n-define(C(X), ?A * X).\nf() -> ?C(?C(3))."),
            "f ( ) -> 2 + 1 * 2 + 1 * 3 ."
        );
    }

    #[test]
    fn ifdef_else_endif() {
        let src = "-define(X, 1).\n-ifdef(X).\na() -> 1.\n-else.\na() -> 2.\n-endif.\n\
                   -ifndef(X).\nb() -> 1.\n-else.\nb() -> 2.\n-endif.\n\
                   -ifdef(Y).\n-ifdef(X).\nc() -> 1.\n-endif.\n-else.\nc() -> 3.\n-endif.";
        assert_eq!(run(src), "a ( ) -> 1 . b ( ) -> 2 . c ( ) -> 3 .");
    }

    #[test]
    fn if_elif_conditions() {
        let src = "-if(?OTP_RELEASE >= 26).\na() -> new.\n-elif(?OTP_RELEASE >= 25 andalso not defined(NOPE)).\na() -> mid.\n-else.\na() -> old.\n-endif.";
        assert_eq!(run(src), "a ( ) -> mid .");
    }

    #[test]
    fn undef_removes() {
        assert_eq!(
            errors("-define(A, 1).\n-undef(A).\nf() -> ?A."),
            vec!["undefined macro 'A'"]
        );
    }

    #[test]
    fn include_via_resolver() {
        let (out, diags) = run_with(
            "-include(\"a.hrl\").\n-include_lib(\"app/include/b.hrl\").\nf() -> {?A, ?B}.",
            &[
                ("a.hrl", "-define(A, 1).\n-record(r, {x})."),
                ("lib/app/include/b.hrl", "-define(B, ?FILE)."),
            ],
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out, "- record ( r , { x } ) . f ( ) -> { 1 , \"t.erl\" } .");
    }

    #[test]
    fn include_of_itself_is_too_deep() {
        let (_, diags) = run_with(
            "-include(\"self.hrl\").",
            &[("self.hrl", "-include(\"self.hrl\").")],
        );
        assert_eq!(diags, vec!["include too deep"]);
    }

    #[test]
    fn missing_include() {
        assert_eq!(
            errors("-include(\"nope.hrl\").\n-include_lib(\"x/y.hrl\")."),
            vec![
                "can't find include file \"nope.hrl\"",
                "can't find include lib \"x/y.hrl\""
            ]
        );
    }

    #[test]
    fn predefined_macros() {
        assert_eq!(
            run("-module(m).\nf(A, B) ->\n {?MODULE, ?MODULE_STRING, ?FILE, ?LINE, ?MACHINE, ?OTP_RELEASE, ?FUNCTION_NAME, ?FUNCTION_ARITY}."),
            "- module ( m ) . f ( A , B ) -> { m , \"m\" , \"t.erl\" , 3 , 'BEAM' , 25 , f , 2 } ."
        );
    }

    #[test]
    fn line_of_a_call_is_the_line_of_its_last_token() {
        let src =
            "-define(L, ?LINE).\n-define(M(X), {X, ?LINE}).\nt() -> [?L,\n ?M(\n a),\n ?\n L].";
        assert_eq!(run(src), "t ( ) -> [ 3 , { a , 5 } , 7 ] .");
    }

    #[test]
    fn arguments_pass_unexpanded_to_inner_macros() {
        let src = "-module(m).\n-define(S(X), ??X).\n-define(T(X), ?S(X)).\nf() -> ?T(?MODULE).";
        assert_eq!(run(src), "- module ( m ) . f ( ) -> \"? MODULE\" .");
    }

    #[test]
    fn overloaded_macro_calling_other_arity_is_not_circular() {
        let src = "-define(N(C), ?N(C, x)).\n-define(N(C, A), {C, A}).\nf() -> ?N(1).";
        assert_eq!(run(src), "f ( ) -> { 1 , x } .");
    }

    #[test]
    fn macro_name_passed_as_argument_cannot_loop_forever() {
        assert_eq!(
            errors("-define(A(X), ?X(X)).\nf() -> ?A(A)."),
            vec!["circular macro 'A/1'"]
        );
    }

    #[test]
    fn function_arity_keeps_epp_quirk_for_leading_empty_brackets() {
        let src = "a([], [], _) -> ?FUNCTION_ARITY.\nb(x, []) -> ?FUNCTION_ARITY.\n\
                   c({[]}, x) -> ?FUNCTION_ARITY.\ng([a, {}], x) -> ?FUNCTION_ARITY.\nh() -> ?FUNCTION_ARITY.";
        let out = run(src);
        let arities: Vec<&str> = out
            .split(" . ")
            .map(|f| f.trim_end_matches(" .").rsplit(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(arities, vec!["2", "2", "1", "2", "0"]);
    }

    #[test]
    fn error_and_warning_directives() {
        let mut map = SourceMap::new();
        let id = map.add(
            "t.erl",
            "-warning(\"careful\").\n-error({bad, thing}).\n-ifdef(NO).\n-error(x).\n-endif.",
        );
        let (_, diags) = preprocess(&mut map, id, &crate::NoIncludes);
        let shown: Vec<(crate::Severity, String)> =
            diags.into_iter().map(|d| (d.severity, d.message)).collect();
        assert_eq!(
            shown,
            vec![
                (
                    crate::Severity::Warning,
                    "-warning(\"careful\").".to_string()
                ),
                (crate::Severity::Error, "-error({bad,thing}).".to_string()),
            ]
        );
    }

    #[test]
    fn line_in_macro_body_is_call_site_line() {
        assert_eq!(run("-define(L, ?LINE).\n\n\nf() -> ?L."), "f ( ) -> 4 .");
    }

    #[test]
    fn epp_error_wording() {
        assert_eq!(
            errors("-define(F(X), X).\na() -> ?F.\nb() -> ?H.\nc() -> ?F(1, 2).\n-define(C, ?C).\nd() -> ?C.\n-ifdef(FOO)."),
            vec![
                "argument mismatch for macro 'F'",
                "undefined macro 'H'",
                "argument mismatch for macro 'F'",
                "circular macro 'C'",
                "unterminated '-ifdef'",
            ]
        );
        assert_eq!(
            errors("-define(A, 1).\n-define(A, 2).\n-define(MODULE, x).\n-endif.\n-define(X(A, A), 1)."),
            vec![
                "redefining macro 'A'",
                "redefining predefined macro 'MODULE'",
                "unbalanced '-endif'",
                "argument 'A' already used",
            ]
        );
    }

    #[test]
    fn maybe_and_else_are_atoms_by_default() {
        assert_eq!(run("f() -> maybe."), "f ( ) -> maybe .");
        let mut map = SourceMap::new();
        let id = map.add("t.erl", "f() -> maybe.");
        let (forms, _) = preprocess(&mut map, id, &crate::NoIncludes);
        let PpForm::Tokens(toks) = &forms[0] else {
            panic!("form expected")
        };
        assert_eq!(toks[4].0, Token::Atom("maybe".into()));
    }
}
