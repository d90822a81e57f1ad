//! The warnings `erlc` gives after linting, from its optimization passes
//! (`sys_core_fold`, `v3_kernel`), for code that passed the lint:
//!
//! - a value computed where nothing uses it: "a term is constructed, but
//!   never used", "the result of calling F/A is ignored ...", "the call to
//!   F/A has no effect", "use of operator 'Op' has no effect";
//! - `1 = 2` ("no clause will ever match");
//! - a clause that an earlier one always matches first, or whose guard is
//!   `false`.
//!
//! An expression is in *effect* context when its value is dropped: every
//! body expression but the last, and the last ones of a `case`, `if`,
//! `receive`, `try` or `begin` that is itself in effect context.

use super::Linter;
use crate::ast::{BinOp, Clause, Expr, Form, Function, Module, Qualifier, UnOp};
use crate::source::Span;

/// What becomes of an expression's value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// It is used.
    Value,
    /// It is dropped.
    Effect,
    /// It is part of a term whose construction was already reported:
    /// calls are still reported, nested terms are not.
    Nested,
}

/// The BIFs `erlc` knows to have no side effect, and of those the ones
/// that cannot fail either (OTP's `erl_bifs:is_pure/3` and `is_safe/3`).
const PURE: &[(&str, &str, u32)] = &[
    ("erlang", "abs", 1),
    ("erlang", "atom_to_binary", 1),
    ("erlang", "atom_to_binary", 2),
    ("erlang", "atom_to_list", 1),
    ("erlang", "binary_part", 2),
    ("erlang", "binary_part", 3),
    ("erlang", "binary_to_atom", 1),
    ("erlang", "binary_to_atom", 2),
    ("erlang", "binary_to_float", 1),
    ("erlang", "binary_to_integer", 1),
    ("erlang", "binary_to_list", 1),
    ("erlang", "binary_to_list", 3),
    ("erlang", "bit_size", 1),
    ("erlang", "byte_size", 1),
    ("erlang", "ceil", 1),
    ("erlang", "element", 2),
    ("erlang", "float", 1),
    ("erlang", "float_to_list", 1),
    ("erlang", "float_to_binary", 1),
    ("erlang", "floor", 1),
    ("erlang", "hd", 1),
    ("erlang", "integer_to_binary", 1),
    ("erlang", "integer_to_list", 1),
    ("erlang", "is_function", 2),
    ("erlang", "is_map_key", 2),
    ("erlang", "is_record", 2),
    ("erlang", "is_record", 3),
    ("erlang", "length", 1),
    ("erlang", "list_to_atom", 1),
    ("erlang", "list_to_binary", 1),
    ("erlang", "list_to_float", 1),
    ("erlang", "list_to_integer", 1),
    ("erlang", "list_to_integer", 2),
    ("erlang", "list_to_pid", 1),
    ("erlang", "list_to_tuple", 1),
    ("erlang", "make_fun", 3),
    ("erlang", "map_get", 2),
    ("erlang", "phash", 2),
    ("erlang", "pid_to_list", 1),
    ("erlang", "round", 1),
    ("erlang", "setelement", 3),
    ("erlang", "size", 1),
    ("erlang", "split_binary", 2),
    ("erlang", "tl", 1),
    ("erlang", "trunc", 1),
    ("erlang", "tuple_size", 1),
    ("erlang", "tuple_to_list", 1),
    ("lists", "append", 2),
    ("lists", "subtract", 2),
    ("maps", "get", 2),
    ("maps", "is_key", 2),
    ("maps", "new", 0),
    ("math", "acos", 1),
    ("math", "acosh", 1),
    ("math", "asin", 1),
    ("math", "asinh", 1),
    ("math", "atan", 1),
    ("math", "atan2", 2),
    ("math", "atanh", 1),
    ("math", "ceil", 1),
    ("math", "cos", 1),
    ("math", "cosh", 1),
    ("math", "erf", 1),
    ("math", "erfc", 1),
    ("math", "exp", 1),
    ("math", "floor", 1),
    ("math", "fmod", 2),
    ("math", "log", 1),
    ("math", "log2", 1),
    ("math", "log10", 1),
    ("math", "pow", 2),
    ("math", "sin", 1),
    ("math", "sinh", 1),
    ("math", "sqrt", 1),
    ("math", "tan", 1),
    ("math", "tanh", 1),
    ("math", "pi", 0),
];

/// Pure BIFs that cannot fail: dropping their result is simply useless.
const SAFE: &[(&str, u32)] = &[
    ("date", 0),
    ("get", 0),
    ("get", 1),
    ("get_cookie", 0),
    ("get_keys", 1),
    ("group_leader", 0),
    ("is_alive", 0),
    ("is_atom", 1),
    ("is_boolean", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_map", 1),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("make_ref", 0),
    ("max", 2),
    ("min", 2),
    ("node", 0),
    ("nodes", 0),
    ("ports", 0),
    ("pre_loaded", 0),
    ("processes", 0),
    ("registered", 0),
    ("self", 0),
    ("term_to_binary", 1),
    ("time", 0),
];

const IGNORED: &str =
    "is ignored (suppress the warning by assigning the expression to the _ variable)";

/// The source text of an operator, and whether it is a comparison.
fn binop(op: BinOp) -> Option<(&'static str, bool)> {
    Some(match op {
        BinOp::Add => ("+", false),
        BinOp::Sub => ("-", false),
        BinOp::Mul => ("*", false),
        BinOp::FDiv => ("/", false),
        BinOp::IDiv => ("div", false),
        BinOp::Rem => ("rem", false),
        BinOp::Band => ("band", false),
        BinOp::Bor => ("bor", false),
        BinOp::Bxor => ("bxor", false),
        BinOp::Bsl => ("bsl", false),
        BinOp::Bsr => ("bsr", false),
        BinOp::And => ("and", false),
        BinOp::Or => ("or", false),
        BinOp::Xor => ("xor", false),
        BinOp::Append => ("++", false),
        BinOp::Subtract => ("--", false),
        BinOp::Eq => ("==", true),
        BinOp::Ne => ("/=", true),
        BinOp::ExactEq => ("=:=", true),
        BinOp::ExactNe => ("=/=", true),
        BinOp::Lt => ("<", true),
        BinOp::Le => ("=<", true),
        BinOp::Gt => (">", true),
        BinOp::Ge => (">=", true),
        BinOp::AndAlso | BinOp::OrElse | BinOp::Send => return None,
    })
}

fn unop(op: UnOp) -> &'static str {
    match op {
        UnOp::Neg => "-",
        UnOp::Plus => "+",
        UnOp::Not => "not",
        UnOp::Bnot => "bnot",
    }
}

/// Whether a guard is absent or just `true`.
fn always(guards: &[Vec<Expr>]) -> bool {
    match guards {
        [] => true,
        [g] => g
            .iter()
            .all(|t| matches!(t, Expr::Atom(_, a) if a == "true")),
        _ => false,
    }
}

impl Linter<'_> {
    /// Adds the optimizer's warnings for a module that linted clean.
    pub(crate) fn effects(&mut self, m: &Module) {
        for form in &m.forms {
            if let Form::Function(f) = form {
                self.function_effects(f);
            }
        }
    }

    fn function_effects(&mut self, f: &Function) {
        let mut vars = Vec::new();
        for c in &f.clauses {
            clause_vars(c, &mut vars);
        }
        let scope = Scope { vars: &vars };
        self.shadowed_clauses(&f.clauses, Some((&f.name, f.arity)), &scope);
        for c in &f.clauses {
            self.body(&c.body, Ctx::Value, &scope);
        }
    }

    fn body(&mut self, body: &[Expr], ctx: Ctx, scope: &Scope) {
        for (i, e) in body.iter().enumerate() {
            let last = i + 1 == body.len();
            self.fx(e, if last { ctx } else { Ctx::Effect }, scope);
            // After a match that always fails, the rest is dead code the
            // optimizer drops unseen.
            if let Expr::Match(_, p, v) = e {
                if let (Some(a), Some(b)) = (atomic(p), atomic(v)) {
                    if a != b {
                        return;
                    }
                }
            }
        }
    }

    /// Warns for a clause whose guard is the constant `false`.
    fn false_guard(&mut self, c: &Clause) {
        if let [g] = &c.guards[..] {
            if let [Expr::Atom(_, a)] = &g[..] {
                if a == "false" {
                    self.warning(
                        c.span,
                        "this clause cannot match because its guard evaluates to 'false'",
                    );
                }
            }
        }
    }

    fn built(&mut self, at: Span, ctx: Ctx) -> Ctx {
        match ctx {
            Ctx::Effect => {
                self.warning(at, "a term is constructed, but never used");
                Ctx::Nested
            }
            Ctx::Nested => Ctx::Nested,
            Ctx::Value => Ctx::Value,
        }
    }

    fn ignored_call(&mut self, at: Span, module: &str, name: &str, arity: u32) {
        if module == "erlang" && SAFE.contains(&(name, arity)) {
            self.warning(at, format!("the call to {name}/{arity} has no effect"));
            return;
        }
        if !PURE.contains(&(module, name, arity)) {
            return;
        }
        // maps:get/2 is map_get/2 to the compiler, which reports both.
        if (module, name, arity) == ("maps", "get", 2) {
            self.warning(at, format!("the result of calling map_get/2 {IGNORED}"));
        }
        let auto = module == "erlang" && crate::lower::bifs::is_auto_imported(name, arity);
        let shown = if auto {
            format!("{name}/{arity}")
        } else {
            format!("{module}:{name}/{arity}")
        };
        self.warning(at, format!("the result of calling {shown} {IGNORED}"));
    }

    /// Checks one expression whose value goes where `ctx` says.
    fn fx(&mut self, e: &Expr, ctx: Ctx, scope: &Scope) {
        let dropped = ctx != Ctx::Value;
        match e {
            Expr::Tuple(s, es) => {
                let inner = self.built(*s, ctx);
                es.iter().for_each(|x| self.fx(x, inner, scope));
            }
            Expr::Cons(s, h, t) => {
                let inner = self.built(*s, ctx);
                self.fx(h, inner, scope);
                self.fx(t, inner, scope);
            }
            Expr::String(s, _) | Expr::Integer(s, _) | Expr::Float(s, _) => {
                self.built(*s, ctx);
            }
            Expr::Map(s, fields) => {
                let inner = self.built(*s, ctx);
                for f in fields {
                    self.fx(&f.key, inner, scope);
                    self.fx(&f.value, inner, scope);
                }
            }
            Expr::MapUpdate(s, base, fields) => {
                let at = if dropped { self.op_at(*s, base) } else { *s };
                let inner = self.built(at, ctx);
                self.fx(base, Ctx::Value, scope);
                for f in fields {
                    self.fx(&f.key, inner, scope);
                    self.fx(&f.value, inner, scope);
                }
            }
            Expr::Record(s, _, fields) => {
                let inner = self.built(*s, ctx);
                fields.iter().for_each(|f| self.fx(&f.value, inner, scope));
            }
            Expr::RecordUpdate(s, base, _, fields) => {
                let inner = self.built(*s, ctx);
                self.fx(base, Ctx::Value, scope);
                fields.iter().for_each(|f| self.fx(&f.value, inner, scope));
            }
            Expr::Binary(s, elems) => {
                let inner = self.built(*s, ctx);
                for el in elems {
                    self.fx(&el.value, inner, scope);
                    if let Some(sz) = &el.size {
                        self.fx(sz, Ctx::Value, scope);
                    }
                }
            }
            Expr::Fun(s, _, clauses) => {
                self.built(*s, ctx);
                self.shadowed_clauses(clauses, None, scope);
                for c in clauses {
                    self.body(&c.body, Ctx::Value, scope);
                }
            }
            Expr::FunRef(s, m, _, _) => {
                if dropped && m.is_some() {
                    self.warning(*s, format!("the result of fun construction {IGNORED}"));
                }
            }
            Expr::BinOp(s, op, l, r) => {
                if let (true, Some((text, cmp))) = (dropped, binop(*op)) {
                    let at = self.op_at(*s, l);
                    if cmp {
                        self.warning(at, format!("use of operator '{text}' has no effect"));
                    } else {
                        self.warning(
                            at,
                            format!("the result of evaluating operator '{text}'/2 {IGNORED}"),
                        );
                    }
                }
                self.fx(l, Ctx::Value, scope);
                self.fx(r, Ctx::Value, scope);
            }
            Expr::UnOp(s, op, x) => {
                if dropped {
                    let text = unop(*op);
                    self.warning(
                        *s,
                        format!("the result of evaluating operator '{text}'/1 {IGNORED}"),
                    );
                }
                self.fx(x, Ctx::Value, scope);
            }
            Expr::Match(s, p, v) => {
                if let (Some(a), Some(b)) = (atomic(p), atomic(v)) {
                    if a != b {
                        self.warning(*s, "no clause will ever match");
                    }
                }
                self.fx(v, Ctx::Value, scope);
            }
            Expr::Call(s, f, args) => {
                if let (true, Expr::Atom(_, name)) = (dropped, &**f) {
                    let arity = args.len() as u32;
                    let local = self.locals.contains(&(name.clone(), arity))
                        || self.imports.contains_key(&(name.clone(), arity));
                    if !local && crate::lower::bifs::is_auto_imported(name, arity) {
                        self.ignored_call(*s, "erlang", name, arity);
                    }
                }
                self.fx(f, Ctx::Value, scope);
                args.iter().for_each(|a| self.fx(a, Ctx::Value, scope));
            }
            Expr::RemoteCall(s, m, f, args) => {
                if let (true, Expr::Atom(_, m), Expr::Atom(_, f)) = (dropped, &**m, &**f) {
                    self.ignored_call(*s, m, f, args.len() as u32);
                }
                args.iter().for_each(|a| self.fx(a, Ctx::Value, scope));
            }
            Expr::Case(_, subject, clauses) => {
                self.fx(subject, Ctx::Value, scope);
                // A `maybe` (rewritten by the parser into cases on its own
                // variables) and a case on a comparison are compiled into
                // other forms that erlc does not check clause by clause.
                let generated = matches!(&**subject, Expr::Var(_, v) if v.starts_with("maybe@"));
                let boolean = matches!(&**subject, Expr::BinOp(_, op, _, _) if binop(*op).is_some_and(|(_, cmp)| cmp));
                // A case on a literal is taken for a debug macro: not checked.
                if !generated && !boolean && !literal_eq(subject, subject) {
                    self.shadowed_clauses(clauses, None, scope);
                }
                // A first clause that always matches leaves only its body.
                let collapsed = clauses.first().is_some_and(|c| {
                    always(&c.guards) && c.pats.iter().all(|p| catch_all(p, c, scope, false))
                });
                for (i, c) in clauses.iter().enumerate() {
                    if collapsed && i > 0 {
                        continue;
                    }
                    self.body(&c.body, ctx_of(ctx), scope);
                }
            }
            Expr::If(_, clauses) => {
                for c in clauses {
                    self.false_guard(c);
                    self.body(&c.body, ctx_of(ctx), scope);
                }
            }
            Expr::Receive(_, clauses, after) => {
                self.shadowed_clauses(clauses, None, scope);
                for c in clauses {
                    self.body(&c.body, ctx_of(ctx), scope);
                }
                if let Some((t, body)) = after {
                    self.fx(t, Ctx::Value, scope);
                    self.body(body, ctx_of(ctx), scope);
                }
            }
            Expr::Try {
                body,
                of_clauses,
                catch_clauses,
                after,
                ..
            } => {
                // The optimizer does not look for dropped values inside a
                // `try` (its parts stay where exceptions can reach them).
                self.body(body, Ctx::Value, scope);
                self.shadowed_clauses(of_clauses, None, scope);
                for c in of_clauses {
                    self.body(&c.body, Ctx::Value, scope);
                }
                for c in catch_clauses {
                    self.body(&c.body, Ctx::Value, scope);
                }
                self.body(after, Ctx::Value, scope);
            }
            Expr::Block(_, body) => self.body(body, ctx_of(ctx), scope),
            Expr::Catch(_, x) => self.fx(x, Ctx::Value, scope),
            Expr::ListComp(_, template, quals) => {
                let t = if dropped { Ctx::Effect } else { Ctx::Value };
                self.fx(template, t, scope);
                self.qualifiers(quals, scope);
            }
            Expr::BinComp(_, template, quals) => {
                self.fx(template, Ctx::Value, scope);
                self.qualifiers(quals, scope);
            }
            Expr::RecordField(_, x, _, _) => self.fx(x, Ctx::Value, scope),
            Expr::Var(..) | Expr::Atom(..) | Expr::Nil(..) | Expr::RecordIndex(..) => {}
        }
    }

    fn qualifiers(&mut self, quals: &[Qualifier], scope: &Scope) {
        for q in quals {
            match q {
                Qualifier::Generator(_, e)
                | Qualifier::BinGenerator(_, e)
                | Qualifier::Filter(e) => self.fx(e, Ctx::Value, scope),
            }
        }
    }

    /// Warns for each clause that an earlier clause (without a guard)
    /// always matches first.
    fn shadowed_clauses(
        &mut self,
        clauses: &[Clause],
        function: Option<(&str, u32)>,
        scope: &Scope,
    ) {
        for (j, c) in clauses.iter().enumerate() {
            let earlier = clauses[..j].iter().find(|prev| {
                always(&prev.guards)
                    && prev.pats.len() == c.pats.len()
                    && prev
                        .pats
                        .iter()
                        .zip(&c.pats)
                        .all(|(p, q)| subsumes(p, q, prev, scope, function.is_some()))
            });
            if let Some(prev) = earlier {
                let line = self.map.line_col(prev.span).0;
                // A head of only fresh variables is caught by the optimizer,
                // which names the function; other shadowing by the pattern
                // compiler, which does not.
                let all_vars = prev
                    .pats
                    .iter()
                    .all(|p| catch_all(p, prev, scope, function.is_some()));
                let msg = match function.filter(|_| all_vars) {
                    Some((name, arity)) => format!(
                        "this clause for {name}/{arity} cannot match because a previous clause at line {line} always matches"
                    ),
                    None => format!(
                        "this clause cannot match because a previous clause at line {line} always matches"
                    ),
                };
                self.warning(c.span, msg);
            } else {
                self.false_guard(c);
            }
        }
    }
}

/// The effect context a construct passes to its bodies.
fn ctx_of(ctx: Ctx) -> Ctx {
    match ctx {
        Ctx::Value => Ctx::Value,
        _ => Ctx::Effect,
    }
}

/// Where the variables of a function occur, to tell a variable that a
/// pattern binds from one bound before it (which only matches its value).
struct Scope<'a> {
    vars: &'a [(String, Span)],
}

fn clause_vars(c: &Clause, out: &mut Vec<(String, Span)>) {
    c.pats.iter().for_each(|p| expr_vars(p, out));
    c.guards.iter().flatten().for_each(|g| expr_vars(g, out));
    c.body.iter().for_each(|b| expr_vars(b, out));
}

fn expr_vars(e: &Expr, out: &mut Vec<(String, Span)>) {
    if let Expr::Var(s, n) = e {
        out.push((n.clone(), *s));
        return;
    }
    for child in children(e) {
        expr_vars(child, out);
    }
    match e {
        Expr::Case(_, _, cs) | Expr::If(_, cs) | Expr::Receive(_, cs, _) | Expr::Fun(_, _, cs) => {
            cs.iter().for_each(|c| clause_vars(c, out))
        }
        Expr::Try {
            of_clauses,
            catch_clauses,
            ..
        } => {
            of_clauses.iter().for_each(|c| clause_vars(c, out));
            for c in catch_clauses {
                c.body.iter().for_each(|b| expr_vars(b, out));
                c.guards.iter().flatten().for_each(|g| expr_vars(g, out));
            }
        }
        _ => {}
    }
}

/// The direct sub-expressions of an expression (clauses aside).
fn children(e: &Expr) -> Vec<&Expr> {
    match e {
        Expr::Cons(_, h, t) => vec![h, t],
        Expr::Tuple(_, es) => es.iter().collect(),
        Expr::Map(_, fs) => fs.iter().flat_map(|f| [&f.key, &f.value]).collect(),
        Expr::MapUpdate(_, b, fs) => std::iter::once(&**b)
            .chain(fs.iter().flat_map(|f| [&f.key, &f.value]))
            .collect(),
        Expr::Record(_, _, fs) => fs.iter().map(|f| &f.value).collect(),
        Expr::RecordUpdate(_, b, _, fs) => std::iter::once(&**b)
            .chain(fs.iter().map(|f| &f.value))
            .collect(),
        Expr::RecordField(_, b, _, _) => vec![b],
        Expr::Binary(_, els) => els
            .iter()
            .flat_map(|el| std::iter::once(&el.value).chain(el.size.iter()))
            .collect(),
        Expr::BinOp(_, _, l, r) | Expr::Match(_, l, r) => vec![l, r],
        Expr::UnOp(_, _, x) | Expr::Catch(_, x) => vec![x],
        Expr::Call(_, f, args) => std::iter::once(&**f).chain(args.iter()).collect(),
        Expr::RemoteCall(_, m, f, args) => [&**m, &**f].into_iter().chain(args.iter()).collect(),
        Expr::Case(_, s, _) => vec![s],
        Expr::Receive(_, _, Some((t, body))) => std::iter::once(&**t).chain(body.iter()).collect(),
        Expr::Try { body, after, .. } => body.iter().chain(after.iter()).collect(),
        Expr::Block(_, body) => body.iter().collect(),
        Expr::ListComp(_, t, qs) | Expr::BinComp(_, t, qs) => std::iter::once(&**t)
            .chain(qs.iter().flat_map(|q| match q {
                Qualifier::Generator(p, e) | Qualifier::BinGenerator(p, e) => vec![p, e],
                Qualifier::Filter(e) => vec![e],
            }))
            .collect(),
        _ => Vec::new(),
    }
}

/// A literal that `sys_core_fold` compares in `Lit = Lit`.
fn atomic(e: &Expr) -> Option<String> {
    match e {
        Expr::Atom(_, a) => Some(format!("a:{a}")),
        Expr::Integer(_, i) => Some(format!("i:{i}")),
        Expr::Float(_, f) => Some(format!("f:{f:?}")),
        _ => None,
    }
}

/// Whether pattern variable `v` of clause `c` binds anew: it occurs
/// nowhere else in the function, and only once in the clause's patterns.
fn fresh(name: &str, c: &Clause, scope: &Scope, head: bool) -> bool {
    if name.starts_with('_') && name.len() == 1 {
        return true;
    }
    let mut pat_vars = Vec::new();
    c.pats.iter().for_each(|p| expr_vars(p, &mut pat_vars));
    if pat_vars.iter().filter(|(n, _)| n == name).count() > 1 {
        return false;
    }
    // A function or fun head binds all its variables.
    head || scope
        .vars
        .iter()
        .filter(|(n, _)| n == name)
        .all(|(_, s)| s.start >= c.span.start && s.end <= c.span.end && s.file == c.span.file)
}

fn catch_all(p: &Expr, c: &Clause, scope: &Scope, head: bool) -> bool {
    match p {
        Expr::Var(_, n) => fresh(n, c, scope, head),
        Expr::Match(_, a, b) => catch_all(a, c, scope, head) && catch_all(b, c, scope, head),
        _ => false,
    }
}

/// Whether pattern `p` (of clause `c`) matches everything pattern `q` does.
fn subsumes(p: &Expr, q: &Expr, c: &Clause, scope: &Scope, head: bool) -> bool {
    if let Expr::Match(_, a, b) = q {
        return subsumes(p, a, c, scope, head) || subsumes(p, b, c, scope, head);
    }
    match (p, q) {
        (Expr::Var(_, n), _) => fresh(n, c, scope, head),
        (Expr::Match(_, a, b), _) => {
            subsumes(a, q, c, scope, head) && subsumes(b, q, c, scope, head)
        }
        (Expr::Atom(_, a), Expr::Atom(_, b)) => a == b,
        (Expr::Integer(_, a), Expr::Integer(_, b)) => a == b,
        (Expr::Float(_, a), Expr::Float(_, b)) => a == b,
        (Expr::Nil(_), Expr::Nil(_)) => true,
        (Expr::Tuple(_, a), Expr::Tuple(_, b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| subsumes(x, y, c, scope, head))
        }
        (Expr::String(..) | Expr::Cons(..), Expr::String(..) | Expr::Cons(..)) => {
            match (uncons(p), uncons(q)) {
                (Some((ph, pt)), Some((qh, qt))) => {
                    subsumes(&ph, &qh, c, scope, head) && subsumes(&pt, &qt, c, scope, head)
                }
                (None, None) => true,
                _ => false,
            }
        }
        (Expr::String(_, s), Expr::Nil(_)) | (Expr::Nil(_), Expr::String(_, s)) => s.is_empty(),
        (Expr::Map(_, pf), Expr::Map(_, qf)) => pf.iter().all(|f| {
            qf.iter()
                .any(|g| literal_eq(&f.key, &g.key) && subsumes(&f.value, &g.value, c, scope, head))
        }),
        (Expr::Binary(_, pe), Expr::Binary(_, qe)) => {
            pe.len() == qe.len()
                && pe.iter().zip(qe).all(|(x, y)| {
                    x.specs == y.specs
                        && literal_eq(&x.value, &y.value)
                        && match (&x.size, &y.size) {
                            (None, None) => true,
                            (Some(a), Some(b)) => literal_eq(a, b),
                            _ => false,
                        }
                })
        }
        _ => false,
    }
}

/// The head and tail of a list pattern (a string is a list of integers);
/// `None` for the empty list.
fn uncons(e: &Expr) -> Option<(Expr, Expr)> {
    match e {
        Expr::Cons(_, h, t) => Some(((**h).clone(), (**t).clone())),
        Expr::String(s, chars) => chars.split_first().map(|(c, rest)| {
            let tail = if rest.is_empty() {
                Expr::Nil(*s)
            } else {
                Expr::String(*s, rest.to_vec())
            };
            (Expr::Integer(*s, (*c).into()), tail)
        }),
        _ => None,
    }
}

/// Whether two expressions are the same literal.
fn literal_eq(a: &Expr, b: &Expr) -> bool {
    match (a, b) {
        (Expr::Atom(_, x), Expr::Atom(_, y)) => x == y,
        (Expr::Integer(_, x), Expr::Integer(_, y)) => x == y,
        (Expr::Float(_, x), Expr::Float(_, y)) => x == y,
        (Expr::Nil(_), Expr::Nil(_)) => true,
        (Expr::String(_, x), Expr::String(_, y)) => x == y,
        (Expr::Tuple(_, x), Expr::Tuple(_, y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| literal_eq(p, q))
        }
        (Expr::Cons(_, h1, t1), Expr::Cons(_, h2, t2)) => literal_eq(h1, h2) && literal_eq(t1, t2),
        _ => false,
    }
}
