//! The parser: preprocessed tokens to the [`ast`], one form at a time, as
//! OTP's `erl_parse` works.
//!
//! The grammar (`grammar.lalrpop`) follows `erl_parse.yrl`; this file is the
//! only one that sees lalrpop's generated types. It cuts the token stream at
//! each terminating dot, parses each form on its own, and turns a failure
//! into a diagnostic worded as `erl_parse` words it (`syntax error before:
//! 'end'`) and a [`Form::Error`], then goes on with the next form, so every
//! syntax error in a file is reported. As `erl_parse` does, it re-tags the
//! atom after `-` in `-spec` and `-callback` (and, unlike it, in `-type`,
//! `-opaque` and `-record`, which OTP reads as expressions first; see
//! `parse_form` for how the errors still come out as OTP's) so the grammar
//! can tell type syntax from expression syntax.
//!
//! Checking against OTP: `examples/parse.rs --errors FILE...` prints ferl's
//! diagnostics as `tests/tools/erl_errors.escript FILE...` prints OTP's;
//! `tests/otp_corpus.rs` with `tests/tools/erl_dump.escript` diffs the ASTs
//! of OTP's own sources.

use crate::ast::{self, Form};
use crate::lexer::{SpannedToken, Token};
use crate::preprocess::PpForm;
use crate::source::Span;
use crate::{Diagnostic, FileId, IncludeResolver, SourceMap};
use lalrpop_util::ParseError;
use std::cell::RefCell;
use std::fmt;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, missing_docs, unreachable_pub, unused)]
    grammar
);

/// A token as the grammar sees it: a lexer token, or one of the attribute
/// names that switch the grammar to type syntax.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PTok {
    /// A token from the lexer.
    T(Token),
    /// `spec` right after the `-` of a form.
    Spec,
    /// `callback` right after the `-` of a form.
    Callback,
    /// `record` right after the `-` of a form.
    Record,
}

impl fmt::Display for PTok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PTok::T(t) => write!(f, "{t}"),
            PTok::Spec => write!(f, "spec"),
            PTok::Callback => write!(f, "callback"),
            PTok::Record => write!(f, "record"),
        }
    }
}

/// An error found by a grammar action (`head mismatch`, `bad attribute`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct UserError {
    /// Where to point.
    pub(crate) span: Span,
    /// The message, as `erl_parse` words it.
    pub(crate) message: String,
}

type Error = ParseError<u32, PTok, UserError>;

/// Preprocesses and parses one module file. The diagnostics come sorted
/// by file and position; all are errors except `-warning(...)`'s, so a
/// caller checks [`Severity`](crate::Severity) before giving up. Forms that
/// failed are kept as [`Form::Error`] in their place.
pub fn parse_module(
    map: &mut SourceMap,
    file: FileId,
    includes: &dyn IncludeResolver,
) -> (ast::Module, Vec<Diagnostic>) {
    parse_module_with(map, file, includes, &[])
}

/// [`parse_module`] with macros predefined as `erlc -D` defines them.
pub fn parse_module_with(
    map: &mut SourceMap,
    file: FileId,
    includes: &dyn IncludeResolver,
    defines: &[(String, String)],
) -> (ast::Module, Vec<Diagnostic>) {
    let (forms, mut diags) = crate::preprocess::preprocess_with(map, file, includes, defines);
    let mut module = ast::Module::default();
    let parser = grammar::FormParser::new();
    for form in forms {
        let form = match form {
            PpForm::Tokens(t) if !t.is_empty() => t,
            PpForm::Tokens(_) => continue,
            PpForm::Error(span) => {
                module.forms.push(Form::Error(span));
                continue;
            }
        };
        match parse_form(&parser, &form) {
            Ok(f) => module.forms.push(f),
            Err(d) => {
                let span = form[0].1.to(form[form.len() - 1].1);
                diags.push(d);
                module.forms.push(Form::Error(span));
            }
        }
    }
    diags.sort_by_key(|d| (d.span.file.0, d.span.start));
    (module, diags)
}

/// Parses `tokens` (ending with the dot) as a sequence of expressions, as
/// `erl_parse:parse_exprs/1` does: for `-if` conditions. `at` is the place
/// given to the tokens that make them a function to the grammar.
pub(crate) fn parse_exprs(
    tokens: Vec<SpannedToken>,
    at: Span,
) -> Result<Vec<ast::Expr>, Diagnostic> {
    let mut form = vec![
        (Token::Atom("f".into()), at),
        (Token::LParen, at),
        (Token::RParen, at),
        (Token::Arrow, at),
    ];
    form.extend(tokens);
    match parse_form(&grammar::FormParser::new(), &form)? {
        Form::Function(mut f) if f.clauses.len() == 1 => Ok(f.clauses.remove(0).body),
        _ => Err(Diagnostic::error(at, "badly formed 'if'")),
    }
}

/// How a form failed to parse.
enum Failure {
    /// The parser met a token it could not take (at this token index).
    Syntax(usize, Diagnostic),
    /// An action refused what it built (`head mismatch`, `bad attribute`).
    Semantic(Diagnostic),
    /// The form parsed but holds what the linter refuses (`M:F` uncalled).
    Deferred(Diagnostic),
}

/// Parses the tokens of one form (normally ending with the dot).
///
/// `erl_parse` is a yecc LALR parser: on a bad token it may first make its
/// default reductions, running actions that report their own errors. So
/// when a syntax error is found, the tokens before it are parsed again as
/// a whole form; if that fails in an action, the action's error is what
/// `erl_parse` reports (`-type t() x.` gives `bad attribute`).
fn parse_form(parser: &grammar::FormParser, form: &[SpannedToken]) -> Result<Form, Diagnostic> {
    let mut result = parse_tokens(parser, form, true);
    // erl_parse reads `-record` as an expression first: of the two
    // readings' syntax errors, the later one is OTP's.
    if let Err(Failure::Syntax(k, _)) = &result {
        let k = *k;
        let is_record = matches!(form.get(1), Some((Token::Atom(a), _)) if a == "record");
        if is_record {
            match parse_tokens(parser, form, false) {
                Err(Failure::Syntax(k2, d2)) => {
                    if k2 > k {
                        result = Err(Failure::Syntax(k2, d2));
                    }
                }
                // Not a typed record: a plain attribute, as OTP reads it.
                other => result = other,
            }
        }
    }
    match result {
        Ok(f) => Ok(f),
        Err(Failure::Semantic(d) | Failure::Deferred(d)) => Err(d),
        Err(Failure::Syntax(k, d)) => {
            if k > 2 && k < form.len() && form[k].0 != Token::Dot {
                let mut prefix = form[..k].to_vec();
                prefix.push((Token::Dot, form[k].1));
                if let Err(Failure::Semantic(sem)) = parse_tokens(parser, &prefix, false) {
                    return Err(sem);
                }
            }
            Err(d)
        }
    }
}

/// One parse of a form. With `retag`, `-record` takes its own grammar
/// path (OTP reads it as a generic attribute at first, which only matters
/// for the errors of broken ones).
fn parse_tokens(
    parser: &grammar::FormParser,
    form: &[SpannedToken],
    retag: bool,
) -> Result<Form, Failure> {
    let file = form[0].1.file;
    let tag = match form {
        [(Token::Minus, _), (Token::Atom(a), _), ..] => match a.as_str() {
            "spec" => Some(PTok::Spec),
            "callback" => Some(PTok::Callback),
            "record" if retag => Some(PTok::Record),
            _ => None,
        },
        _ => None,
    };
    let mut toks: Vec<(u32, PTok, u32)> = form
        .iter()
        .map(|(t, s)| (s.start, PTok::T(t.clone()), s.end))
        .collect();
    if let Some(tag) = tag {
        toks[1].1 = tag;
    }
    let last = form[form.len() - 1].1;
    // Which token a failure stopped at, found from its start offset.
    let index_of = |start: u32| {
        form.iter()
            .position(|(_, s)| s.start == start)
            .unwrap_or(form.len())
    };
    let deferred = RefCell::new(Vec::new());
    let result = parser.parse(file, &deferred, toks.into_iter().map(Ok::<_, UserError>));
    match result {
        Ok(form) => match deferred.into_inner().into_iter().next() {
            None => Ok(form),
            Some(e) => Err(Failure::Deferred(Diagnostic::error(e.span, e.message))),
        },
        Err(ParseError::UnrecognizedToken {
            token: (l, tok, r), ..
        })
        | Err(ParseError::ExtraToken { token: (l, tok, r) }) => Err(Failure::Syntax(
            index_of(l),
            Diagnostic::error(Span::new(file, l, r), format!("syntax error before: {tok}")),
        )),
        Err(ParseError::UnrecognizedEof { .. }) | Err(ParseError::InvalidToken { .. }) => Err(
            Failure::Syntax(form.len(), Diagnostic::error(last, "syntax error before: ")),
        ),
        Err(ParseError::User { error }) => Err(Failure::Semantic(Diagnostic::error(
            error.span,
            error.message,
        ))),
    }
}

/// Constructors the grammar's actions call: the checks `erl_parse` makes
/// while building its abstract format.
pub(crate) mod build {
    use super::{Error, UserError};
    use crate::ast::*;
    use crate::lexer::render_atom;
    use crate::source::Span;
    use lalrpop_util::ParseError;
    use num_bigint::BigInt;
    use num_traits::ToPrimitive;
    use std::cell::RefCell;

    fn user(span: Span, message: impl Into<String>) -> Error {
        ParseError::User {
            error: UserError {
                span,
                message: message.into(),
            },
        }
    }

    /// A binary operation.
    pub(crate) fn binop(span: Span, op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::BinOp(span, op, Box::new(a), Box::new(b))
    }

    /// A prefix operation; `-` on a number literal folds into the literal.
    pub(crate) fn unop(span: Span, op: UnOp, e: Expr) -> Expr {
        match (op, e) {
            (UnOp::Neg, Expr::Integer(_, i)) => Expr::Integer(span, -i),
            (UnOp::Neg, Expr::Float(_, f)) => Expr::Float(span, -f),
            (op, e) => Expr::UnOp(span, op, Box::new(e)),
        }
    }

    /// An `expr_remote` that is not called: `M:F` alone parses, as in
    /// `erl_parse`, but is an illegal expression, reported once the form
    /// has parsed (so a syntax error later in the form wins, as in erlc).
    pub(crate) fn not_called(errors: &RefCell<Vec<UserError>>, e: (Option<Expr>, Expr)) -> Expr {
        match e {
            (None, e) => e,
            (Some(m), f) => {
                let span = m.span().to(f.span());
                errors.borrow_mut().push(UserError {
                    span,
                    message: "illegal expression".into(),
                });
                Expr::RemoteCall(span, Box::new(m), Box::new(f), Vec::new())
            }
        }
    }

    /// A local or remote call.
    pub(crate) fn call(span: Span, f: (Option<Expr>, Expr), args: Vec<Expr>) -> Expr {
        match f {
            (None, f) => Expr::Call(span, Box::new(f), args),
            (Some(m), f) => Expr::RemoteCall(span, Box::new(m), Box::new(f), args),
        }
    }

    /// A list `[A, B | T]` as nested conses.
    pub(crate) fn list(span: Span, elems: Vec<Expr>, tail: Option<Expr>, close: Span) -> Expr {
        let mut acc = tail.unwrap_or(Expr::Nil(close));
        for e in elems.into_iter().rev() {
            let s = Span::new(span.file, e.span().start, span.end);
            acc = Expr::Cons(s, Box::new(e), Box::new(acc));
        }
        match acc {
            Expr::Cons(_, h, t) => Expr::Cons(span, h, t),
            other => other,
        }
    }

    /// `_ = Value` in a record: the only variable allowed as a field name.
    pub(crate) fn record_wildcard(
        span: Span,
        var: (Span, String),
        value: Expr,
    ) -> Result<RecordField, Error> {
        if var.1 == "_" {
            Ok(RecordField {
                span,
                name: None,
                value,
            })
        } else {
            Err(user(var.0, format!("syntax error before: {}", var.1)))
        }
    }

    /// `unit:N` in a binary segment's type list.
    /// Any other `name:N` parses, as in `erl_parse`, and is refused once
    /// the form has parsed, in erlc's words (`bit type {foo,1} undefined`).
    pub(crate) fn bin_unit(
        errors: &RefCell<Vec<UserError>>,
        name: (Span, String),
        n: (Span, BigInt),
    ) -> BinSpec {
        match (name.1.as_str(), n.1.to_u32()) {
            ("unit", Some(u)) => BinSpec::Unit(u),
            _ => {
                errors.borrow_mut().push(UserError {
                    span: name.0,
                    message: format!("bit type {{{},{}}} undefined", render_atom(&name.1), n.1),
                });
                BinSpec::Name(name.1)
            }
        }
    }

    /// A function: every clause must have the same name and arity.
    pub(crate) fn function(span: Span, clauses: Vec<(Name, Span, Clause)>) -> Result<Form, Error> {
        let name = clauses[0].0.clone();
        let arity = clauses[0].2.pats.len();
        let mut out = Vec::with_capacity(clauses.len());
        for (n, s, c) in clauses {
            if n != name || c.pats.len() != arity {
                return Err(user(s, "head mismatch"));
            }
            out.push(c);
        }
        Ok(Form::Function(Function {
            span,
            name,
            arity: arity as u32,
            clauses: out,
        }))
    }

    /// A fun; a named fun repeats its name in every clause.
    pub(crate) fn fun(
        span: Span,
        clauses: Vec<(Option<(Span, Name)>, Clause)>,
    ) -> Result<Expr, Error> {
        let name = clauses[0].0.as_ref().map(|n| n.1.clone());
        let arity = clauses[0].1.pats.len();
        let mut out = Vec::with_capacity(clauses.len());
        for (n, c) in clauses {
            let this = n.as_ref().map(|n| n.1.clone());
            if this != name || c.pats.len() != arity {
                return Err(user(n.map_or(c.span, |n| n.0), "head mismatch"));
            }
            out.push(c);
        }
        Ok(Expr::Fun(span, name, out))
    }

    /// `maybe Items end` and `maybe Items else Clauses end`, rewritten into
    /// what the AST has, so no later pass needs to know `maybe`:
    ///
    /// ```text
    /// maybe P ?= E, Rest end   =>  V = E, case V of P -> Rest; _ -> Fail(V) end
    /// ```
    ///
    /// where `Fail(V)` is `V` without `else`, and with it
    /// `case V of ElseClauses; X -> erlang:error({else_clause, X}) end`.
    /// A `maybe` ending in `P ?= E` gives `V` when it matches. The variables
    /// made up are `maybe@OFFSET@N`, which no user variable can be (those
    /// start with a capital or `_`).
    pub(crate) fn maybe_expr(
        span: Span,
        items: Vec<(Option<Expr>, Expr)>,
        else_clauses: Option<Vec<Clause>>,
    ) -> Expr {
        let body = maybe_body(span, &mut items.into_iter().enumerate(), &else_clauses);
        Expr::Block(span, body)
    }

    fn maybe_body(
        span: Span,
        items: &mut impl Iterator<Item = (usize, (Option<Expr>, Expr))>,
        else_clauses: &Option<Vec<Clause>>,
    ) -> Vec<Expr> {
        let mut body = Vec::new();
        while let Some((n, (pat, e))) = items.next() {
            let Some(pat) = pat else {
                body.push(e);
                continue;
            };
            let v = Expr::Var(span, format!("maybe@{}@{n}", span.start));
            body.push(Expr::Match(span, Box::new(v.clone()), Box::new(e)));
            let mut rest = maybe_body(span, items, else_clauses);
            if rest.is_empty() {
                rest.push(v.clone());
            }
            let failure = match else_clauses {
                None => v.clone(),
                Some(cs) => {
                    let x = Expr::Var(span, format!("maybe@{}@{n}@else", span.start));
                    let error = Expr::RemoteCall(
                        span,
                        Box::new(Expr::Atom(span, "erlang".into())),
                        Box::new(Expr::Atom(span, "error".into())),
                        vec![Expr::Tuple(
                            span,
                            vec![Expr::Atom(span, "else_clause".into()), x.clone()],
                        )],
                    );
                    let mut clauses = cs.clone();
                    clauses.push(Clause {
                        span,
                        pats: vec![x],
                        guards: Vec::new(),
                        body: vec![error],
                    });
                    Expr::Case(span, Box::new(v.clone()), clauses)
                }
            };
            let clauses = vec![
                Clause {
                    span,
                    pats: vec![pat],
                    guards: Vec::new(),
                    body: rest,
                },
                Clause {
                    span,
                    pats: vec![Expr::Var(span, "_".into())],
                    guards: Vec::new(),
                    body: vec![failure],
                },
            ];
            body.push(Expr::Case(span, Box::new(v), clauses));
            break;
        }
        body
    }

    /// A `try` expression.
    pub(crate) fn try_expr(
        span: Span,
        body: Vec<Expr>,
        of_clauses: Vec<Clause>,
        (catch_clauses, after): (Vec<CatchClause>, Vec<Expr>),
    ) -> Expr {
        Expr::Try {
            span,
            body,
            of_clauses,
            catch_clauses,
            after,
        }
    }

    /// Where `erl_parse` places an error about a whole expression: its
    /// leftmost token (`first_location`), which for `(A) - B` is `A`'s.
    fn first_span(e: &Expr) -> Span {
        match e {
            Expr::BinOp(_, _, a, _) | Expr::Match(_, a, _) => first_span(a),
            Expr::Call(_, f, _) => first_span(f),
            Expr::RemoteCall(_, m, _, _) => first_span(m),
            Expr::MapUpdate(_, m, _) => first_span(m),
            Expr::RecordUpdate(_, r, _, _) | Expr::RecordField(_, r, _, _) => first_span(r),
            e => e.span(),
        }
    }

    /// `[f/1, g/2]` in `-export`/`-import`, checked as `erl_parse` does.
    fn fun_list(e: &Expr) -> Result<Vec<(Name, u32)>, Error> {
        let mut out = Vec::new();
        let mut cur = e;
        loop {
            match cur {
                Expr::Nil(_) => return Ok(out),
                Expr::Cons(_, h, t) => {
                    match &**h {
                        Expr::BinOp(_, BinOp::FDiv, f, a) => match (&**f, &**a) {
                            (Expr::Atom(_, f), Expr::Integer(_, i)) => match i.to_u32() {
                                Some(n) => out.push((f.clone(), n)),
                                None => return Err(user(a.span(), "bad function arity")),
                            },
                            (Expr::Atom(..), other) => {
                                return Err(user(other.span(), "bad function arity"))
                            }
                            (other, _) => return Err(user(other.span(), "bad function name")),
                        },
                        // Blamed on the cons cell, which starts at the `[`
                        // for the first element, as erl_parse does.
                        _ => return Err(user(first_span(cur), "bad Name/Arity")),
                    }
                    cur = t;
                }
                other => return Err(user(first_span(other), "bad Name/Arity")),
            }
        }
    }

    /// A list of `{f, N}` tuples (an attribute's `[f/N, ...]` after `farity`).
    fn term_fun_list(e: &Expr) -> Option<Vec<(Name, u32)>> {
        let mut out = Vec::new();
        let mut cur = e;
        loop {
            match cur {
                Expr::Nil(_) => return Some(out),
                Expr::Cons(_, h, t) => {
                    match &**h {
                        Expr::Tuple(_, es) => match es.as_slice() {
                            [Expr::Atom(_, f), Expr::Integer(_, n)] => {
                                out.push((f.clone(), n.to_u32()?))
                            }
                            _ => return None,
                        },
                        _ => return None,
                    }
                    cur = t;
                }
                _ => return None,
            }
        }
    }

    /// `f/1` inside an attribute's term reads as the tuple `{f, 1}`, as
    /// `erl_parse` makes it (`-compile({inline, [f/1]})`, `-on_load(f/0)`).
    fn farity(e: Expr) -> Expr {
        match e {
            Expr::Cons(s, h, t) => Expr::Cons(s, Box::new(farity(*h)), Box::new(farity(*t))),
            Expr::Tuple(s, es) => Expr::Tuple(s, es.into_iter().map(farity).collect()),
            Expr::Map(s, fs) => Expr::Map(
                s,
                fs.into_iter()
                    .map(|f| MapField {
                        value: farity(f.value),
                        ..f
                    })
                    .collect(),
            ),
            Expr::BinOp(s, BinOp::FDiv, f, a)
                if matches!(*f, Expr::Atom(..)) && matches!(*a, Expr::Integer(..)) =>
            {
                Expr::Tuple(s, vec![*f, *a])
            }
            e => e,
        }
    }

    /// Whether an attribute's value is a constant term, as
    /// `erl_parse:normalise/1` accepts it.
    fn is_term(e: &Expr) -> bool {
        match e {
            Expr::Atom(..)
            | Expr::Integer(..)
            | Expr::Float(..)
            | Expr::String(..)
            | Expr::Nil(_) => true,
            Expr::Cons(_, h, t) => is_term(h) && is_term(t),
            Expr::Tuple(_, es) => es.iter().all(is_term),
            Expr::Map(_, fs) => fs
                .iter()
                .all(|f| !f.exact && is_term(&f.key) && is_term(&f.value)),
            Expr::Binary(_, segs) => segs.iter().all(|s| {
                matches!(
                    s.value,
                    Expr::Integer(..) | Expr::Float(..) | Expr::String(..)
                ) && s
                    .size
                    .as_ref()
                    .is_none_or(|z| matches!(z, Expr::Integer(..)))
            }),
            Expr::UnOp(_, UnOp::Plus, e) => matches!(**e, Expr::Integer(..) | Expr::Float(..)),
            Expr::FunRef(_, Some(m), f, a) => {
                matches!(**m, Expr::Atom(..))
                    && matches!(**f, Expr::Atom(..))
                    && matches!(**a, Expr::Integer(..))
            }
            _ => false,
        }
    }

    /// A plain attribute `-name(Value).`, read by name as `erl_parse` does.
    pub(crate) fn attribute(span: Span, name: Name, vals: Vec<Expr>) -> Result<Form, Error> {
        let bad = |what: &str, at: &Expr| user(first_span(at), format!("bad {what} declaration"));
        let value = match (name.as_str(), vals.as_slice()) {
            ("module", [Expr::Atom(_, m)]) => AttrValue::Module(m.clone()),
            // Parameterized: parsed, and refused by the lint as erl_lint does.
            ("module", [Expr::Atom(..), _params]) => {
                AttrValue::Term(Expr::Tuple(span, vals.clone()))
            }
            ("module", [other, ..]) => return Err(bad("module", other)),
            ("export", [e]) => AttrValue::FunList(fun_list(e)?),
            // Not special to erl_parse: a term, which names functions when
            // it is a list of `f/N`.
            ("export_type", [e]) => {
                let e = farity(e.clone());
                if !is_term(&e) {
                    return Err(user(first_span(&e), "bad attribute"));
                }
                match term_fun_list(&e) {
                    Some(l) => AttrValue::FunList(l),
                    None => AttrValue::Term(e),
                }
            }
            ("export", [_, other, ..]) => return Err(bad("export", other)),
            ("import", [Expr::Atom(_, m), list]) => AttrValue::Import(m.clone(), fun_list(list)?),
            ("import", [_, other, ..]) => return Err(bad("import", other)),
            ("file", [Expr::String(..), Expr::Integer(..)]) => {
                AttrValue::Term(Expr::Tuple(span, vals.clone()))
            }
            ("file", [other, ..]) => return Err(bad("file", other)),
            (_, [e]) => {
                let e = farity(e.clone());
                if !is_term(&e) {
                    return Err(user(first_span(&e), "bad attribute"));
                }
                AttrValue::Term(e)
            }
            (_, [_, second, ..]) => return Err(user(first_span(second), "bad attribute")),
            (_, []) => return Err(user(span, "bad attribute")),
        };
        Ok(Form::Attribute(Attribute { span, name, value }))
    }

    /// `-record(name, {field, field = Default, field :: Type, ...})`.
    pub(crate) fn record_decl(
        span: Span,
        name: Expr,
        fields: Vec<(Expr, Option<TypeExpr>)>,
    ) -> Result<Form, Error> {
        let Expr::Atom(_, name) = name else {
            return Err(user(name.span(), "bad record declaration"));
        };
        let mut out = Vec::with_capacity(fields.len());
        for (e, ty) in fields {
            let (fspan, fname, default) = match e {
                Expr::Atom(s, a) => (s, a, None),
                Expr::Match(_, f, d) => match *f {
                    Expr::Atom(s, a) => (s, a, Some(*d)),
                    other => return Err(user(other.span(), "bad record field")),
                },
                other => return Err(user(other.span(), "bad record field")),
            };
            let end = ty
                .as_ref()
                .map(|TypeExpr::Node { span, .. }| *span)
                .or(default.as_ref().map(Expr::span))
                .unwrap_or(fspan);
            out.push(RecordFieldDecl {
                span: fspan.to(end),
                name: fname,
                default,
                ty,
            });
        }
        Ok(Form::Record(RecordDecl {
            span,
            name,
            fields: out,
        }))
    }

    /// `-name Head :: Type.`, erl_parse's `typed_attr_val`: a `-type` or
    /// `-opaque` whose head is `name(Var, ...)`; any other attribute so
    /// written is refused with `erl_parse`'s words.
    pub(crate) fn typed_attribute(
        span: Span,
        (name_span, kind): (Span, Name),
        head: Expr,
        body: TypeExpr,
    ) -> Result<Form, Error> {
        if kind != "type" && kind != "opaque" {
            let message = match kind.as_str() {
                "record" => "bad record declaration",
                _ => "bad attribute",
            };
            return Err(user(name_span, message));
        }
        let (name, args) = match head {
            Expr::Call(_, f, args) => match *f {
                Expr::Atom(_, name) => (name, args),
                _ => return Err(user(name_span, format!("bad {kind} declaration"))),
            },
            _ => return Err(user(name_span, format!("bad {kind} declaration"))),
        };
        if let Some(Expr::Var(s, _)) = args
            .iter()
            .find(|a| matches!(a, Expr::Var(_, v) if v == "_"))
        {
            return Err(user(*s, "bad type variable"));
        }
        let mut params = Vec::with_capacity(args.len());
        for a in &args {
            match a {
                Expr::Var(s, v) => params.push(ty(*s, "var", v, Vec::new())),
                other => return Err(user(first_span(other), "bad type variable")),
            }
        }
        Ok(Form::Attribute(Attribute {
            span,
            name: kind,
            value: AttrValue::Type { name, params, body },
        }))
    }

    /// `-spec`/`-callback`; the arity is the first signature's.
    pub(crate) fn spec_attr(
        span: Span,
        kind: &str,
        (module, name, clauses): (Option<Name>, Name, Vec<TypeExpr>),
    ) -> Form {
        let arity = clauses.first().map_or(0, sig_arity);
        Form::Attribute(Attribute {
            span,
            name: kind.to_string(),
            value: AttrValue::Spec {
                module,
                name,
                arity,
                clauses,
            },
        })
    }

    fn sig_arity(sig: &TypeExpr) -> u32 {
        let TypeExpr::Node { kind, args, .. } = sig;
        match (kind.as_str(), args.first()) {
            ("fun", Some(TypeExpr::Node { args, .. })) => args.len() as u32,
            ("bounded", Some(f)) => sig_arity(f),
            _ => 0,
        }
    }

    /// A type node.
    pub(crate) fn ty(span: Span, kind: &str, name: &str, args: Vec<TypeExpr>) -> TypeExpr {
        TypeExpr::Node {
            span,
            kind: kind.to_string(),
            name: name.to_string(),
            args,
        }
    }

    /// `A | B`, flattened into one `union` node.
    pub(crate) fn union(span: Span, a: TypeExpr, b: TypeExpr) -> TypeExpr {
        let mut args = vec![a];
        match b {
            TypeExpr::Node {
                kind, args: rest, ..
            } if kind == "union" => args.extend(rest),
            b => args.push(b),
        }
        ty(span, "union", "", args)
    }

    fn op_name(op: BinOp) -> &'static str {
        match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::FDiv => "/",
            BinOp::IDiv => "div",
            BinOp::Rem => "rem",
            BinOp::Band => "band",
            BinOp::Bor => "bor",
            BinOp::Bxor => "bxor",
            BinOp::Bsl => "bsl",
            BinOp::Bsr => "bsr",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
            _ => "?",
        }
    }

    /// A binary operator in a type (`1 bsl 8`): kind `op`, the operator as name.
    pub(crate) fn type_op(span: Span, op: BinOp, args: Vec<TypeExpr>) -> TypeExpr {
        ty(span, "op", op_name(op), args)
    }

    /// A prefix operator in a type; `-N` folds into an integer.
    pub(crate) fn type_prefix(span: Span, op: UnOp, t: TypeExpr) -> TypeExpr {
        let TypeExpr::Node {
            kind, name, args, ..
        } = t;
        match (op, kind.as_str()) {
            (UnOp::Neg, "integer") => ty(span, "integer", &format!("-{name}"), args),
            _ => {
                let n = match op {
                    UnOp::Neg => "-",
                    UnOp::Plus => "+",
                    UnOp::Not => "not",
                    UnOp::Bnot => "bnot",
                };
                let inner = TypeExpr::Node {
                    span,
                    kind,
                    name,
                    args,
                };
                ty(span, "op", n, vec![inner])
            }
        }
    }

    /// `<<>>`, `<<_:M>>`, `<<_:_*N>>`, `<<_:M, _:_*N>>`: kind `binary`,
    /// args the base size and the unit (`integer` 0 when absent). The
    /// variables must be `_` (`Bad binary type` otherwise, as `erl_parse`).
    pub(crate) fn binary_type(
        span: Span,
        segs: Vec<(Span, String, TypeExpr)>,
        commas: Vec<Span>,
    ) -> Result<TypeExpr, Error> {
        let comma = |i: usize| commas.get(i).copied().unwrap_or(span);
        let zero = ty(span, "integer", "0", Vec::new());
        // `_:_*N` reads as a unit; anything else as a base size.
        let unit_of = |t: &TypeExpr| -> Option<(Span, String, TypeExpr)> {
            let TypeExpr::Node {
                kind, name, args, ..
            } = t;
            match (kind.as_str(), name.as_str(), args.as_slice()) {
                (
                    "op",
                    "*",
                    [TypeExpr::Node {
                        kind: k,
                        name: v,
                        span: vs,
                        ..
                    }, n],
                ) if k == "var" => Some((*vs, v.clone(), n.clone())),
                _ => None,
            }
        };
        let check = |s: Span, v: &str| {
            if v == "_" {
                Ok(())
            } else {
                Err(user(s, "Bad binary type"))
            }
        };
        let (base, unit) = match segs.as_slice() {
            [] => (zero.clone(), zero),
            [(s, v, t)] => {
                check(*s, v)?;
                match unit_of(t) {
                    Some((us, uv, u)) => {
                        check(us, &uv)?;
                        (zero, u)
                    }
                    None => (t.clone(), zero),
                }
            }
            [(s1, v1, t1), (s2, v2, t2)] => {
                check(*s1, v1)?;
                check(*s2, v2)?;
                match (unit_of(t1), unit_of(t2)) {
                    (None, Some((us, uv, u))) => {
                        check(us, &uv)?;
                        (t1.clone(), u)
                    }
                    _ => return Err(user(comma(0), "syntax error before: ','")),
                }
            }
            _ => return Err(user(comma(1), "syntax error before: ','")),
        };
        Ok(ty(span, "binary", "", vec![base, unit]))
    }
}

#[cfg(test)]
mod tests;
