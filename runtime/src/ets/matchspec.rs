//! Match specifications, as `ets:select/2` and friends take them: compiled
//! once per call into patterns and expressions (variables resolved to
//! slots, guard functions to natives), then run against each object.
//!
//! A clause is `{Head, Guards, Body}`. The head is a pattern whose `'$N'`
//! atoms are variables and `'_'` matches anything. Guards and body are
//! expressions: `'$N'`, `'$_'` (the object), `'$$'` (every variable, in
//! number order), `{const, T}`, `{{E1, ..}}` (a tuple), lists and maps of
//! expressions, and `{F, A1, ..}` calls of the guard functions. A guard
//! that raises is false; a body that raises gives `'EXIT'`.

use crate::bif::BifFn;
use crate::process::Process;
use crate::term::order::exact_eq;
use crate::term::{Atom, MapData, Term};
use std::sync::Arc;

/// A pattern of a clause head.
#[derive(Debug)]
enum Pat {
    Any,
    Var(usize),
    Lit(Term),
    Tuple(Vec<Pat>),
    Cons(Box<Pat>, Box<Pat>),
    Map(Vec<(Term, Pat)>),
}

/// A guard or body expression.
#[derive(Debug)]
enum Expr {
    Const(Term),
    Var(usize),
    Object,
    AllVars,
    Tuple(Vec<Expr>),
    Cons(Box<Expr>, Box<Expr>),
    Map(Vec<(Expr, Expr)>),
    AndAlso(Vec<Expr>),
    OrElse(Vec<Expr>),
    Call(BifFn, Vec<Expr>),
}

#[derive(Debug)]
struct Clause {
    head: Pat,
    /// How many distinct variables the head binds.
    nvars: usize,
    guards: Vec<Expr>,
    body: Vec<Expr>,
}

/// A compiled match specification.
#[derive(Debug)]
pub struct MatchSpec {
    clauses: Vec<Clause>,
}

/// Why a match specification does not compile: the message `test_ms/2`
/// reports (`None` where OTP only says `badarg`).
#[derive(Debug)]
pub struct Invalid(pub Option<String>);

/// The number of a variable atom `'$N'`.
fn var_number(a: Atom) -> Option<u32> {
    let n = a.name().strip_prefix('$')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.len() > 9 {
        return None;
    }
    n.parse().ok()
}

/// The operators a match specification may apply (besides the guard BIFs
/// that `erlc` allows, which it shares with the compiler).
const OPERATORS: &[(&str, u32)] = &[
    ("+", 1),
    ("-", 1),
    ("+", 2),
    ("-", 2),
    ("*", 2),
    ("/", 2),
    ("div", 2),
    ("rem", 2),
    ("band", 2),
    ("bor", 2),
    ("bxor", 2),
    ("bnot", 1),
    ("bsl", 2),
    ("bsr", 2),
    (">", 2),
    (">=", 2),
    ("<", 2),
    ("=<", 2),
    ("=:=", 2),
    ("==", 2),
    ("=/=", 2),
    ("/=", 2),
];

/// Whether a match specification may call `name/arity`.
fn is_ms_function(name: &str, arity: u32) -> bool {
    ferl_compiler::lower::is_guard_bif(name, arity) || OPERATORS.contains(&(name, arity))
}

/// Collects the variables of a head, in number order.
fn head_vars(t: &Term, out: &mut Vec<u32>) {
    match t {
        Term::Atom(a) => {
            if let Some(n) = var_number(*a) {
                if let Err(i) = out.binary_search(&n) {
                    out.insert(i, n);
                }
            }
        }
        Term::Tuple(tu) => tu.elems().iter().for_each(|e| head_vars(e, out)),
        Term::Cons(_) => {
            let mut it = t.iter_list();
            for e in it.by_ref() {
                head_vars(e, out);
            }
            head_vars(it.tail(), out);
        }
        Term::Map(m) => m.values().for_each(|v| head_vars(v, out)),
        _ => {}
    }
}

fn pattern(t: &Term, vars: &[u32]) -> Result<Pat, Invalid> {
    Ok(match t {
        Term::Atom(a) if a.name() == "_" => Pat::Any,
        Term::Atom(a) => match var_number(*a) {
            Some(n) => Pat::Var(vars.binary_search(&n).expect("collected")),
            None => Pat::Lit(t.clone()),
        },
        Term::Tuple(tu) => Pat::Tuple(
            tu.elems()
                .iter()
                .map(|e| pattern(e, vars))
                .collect::<Result<_, _>>()?,
        ),
        Term::Cons(c) => Pat::Cons(
            Box::new(pattern(&c.head, vars)?),
            Box::new(pattern(&c.tail, vars)?),
        ),
        Term::Map(m) => {
            let mut pairs = Vec::with_capacity(m.len());
            for (k, v) in m.iter() {
                if !is_ground(k) {
                    return Err(Invalid(None));
                }
                pairs.push((k.clone(), pattern(v, vars)?));
            }
            Pat::Map(pairs)
        }
        _ => Pat::Lit(t.clone()),
    })
}

/// Whether a head term has no variables or wildcards.
fn is_ground(t: &Term) -> bool {
    match t {
        Term::Atom(a) => a.name() != "_" && var_number(*a).is_none(),
        Term::Tuple(tu) => tu.elems().iter().all(is_ground),
        Term::Cons(c) => is_ground(&c.head) && is_ground(&c.tail),
        Term::Map(m) => m.iter().all(|(k, v)| is_ground(k) && is_ground(v)),
        _ => true,
    }
}

fn expr(t: &Term, vars: &[u32]) -> Result<Expr, Invalid> {
    Ok(match t {
        Term::Atom(a) => match a.name() {
            "$_" => Expr::Object,
            "$$" => Expr::AllVars,
            _ => match var_number(*a) {
                Some(n) => Expr::Var(
                    vars.binary_search(&n)
                        .map_err(|_| Invalid(Some(format!("Variable ${n} is unbound."))))?,
                ),
                None => Expr::Const(t.clone()),
            },
        },
        Term::Tuple(tu) => {
            let el = tu.elems();
            match el {
                [Term::Tuple(inner)] => Expr::Tuple(
                    inner
                        .elems()
                        .iter()
                        .map(|e| expr(e, vars))
                        .collect::<Result<_, _>>()?,
                ),
                [Term::Atom(c), v] if c.name() == "const" => Expr::Const(v.clone()),
                [Term::Atom(f), args @ ..] => {
                    let args: Vec<Expr> = args
                        .iter()
                        .map(|e| expr(e, vars))
                        .collect::<Result<_, _>>()?;
                    match f.name() {
                        "andalso" => Expr::AndAlso(args),
                        "orelse" => Expr::OrElse(args),
                        name => {
                            let n = args.len() as u32;
                            if !is_ms_function(name, n) {
                                return Err(Invalid(Some(format!(
                                    "Function {name}/{n} does_not_exist."
                                ))));
                            }
                            let bif = crate::bif::lookup("erlang", name, n).ok_or(Invalid(None))?;
                            Expr::Call(bif, args)
                        }
                    }
                }
                _ => return Err(Invalid(None)),
            }
        }
        Term::Cons(c) => Expr::Cons(
            Box::new(expr(&c.head, vars)?),
            Box::new(expr(&c.tail, vars)?),
        ),
        Term::Map(m) => Expr::Map(
            m.iter()
                .map(|(k, v)| Ok((expr(k, vars)?, expr(v, vars)?)))
                .collect::<Result<_, Invalid>>()?,
        ),
        _ => Expr::Const(t.clone()),
    })
}

impl MatchSpec {
    /// Compiles a match specification term (a list of `{Head, Guards, Body}`).
    pub fn compile(ms: &Term) -> Result<MatchSpec, Invalid> {
        let items = ms.list_to_vec().ok_or(Invalid(None))?;
        let mut clauses = Vec::with_capacity(items.len());
        for item in &items {
            let not_clause =
                || Invalid(Some("Match program part is not a tuple of arity 3.".into()));
            let t = item.as_tuple().ok_or_else(not_clause)?;
            let [head, guards, body] = t.elems() else {
                return Err(not_clause());
            };
            let mut vars = Vec::new();
            head_vars(head, &mut vars);
            let head = pattern(head, &vars)?;
            let guards = guards
                .list_to_vec()
                .ok_or(Invalid(None))?
                .iter()
                .map(|g| expr(g, &vars))
                .collect::<Result<Vec<_>, _>>()?;
            let body = body
                .list_to_vec()
                .ok_or(Invalid(None))?
                .iter()
                .map(|b| expr(b, &vars))
                .collect::<Result<Vec<_>, _>>()?;
            if body.is_empty() {
                return Err(Invalid(None));
            }
            clauses.push(Clause {
                head,
                nvars: vars.len(),
                guards,
                body,
            });
        }
        Ok(MatchSpec { clauses })
    }

    /// The key every clause's head fixes at position `keypos`, if all fix
    /// the same ground key (so a lookup replaces a scan).
    pub fn bound_key(&self, keypos: usize) -> Option<Term> {
        let mut key: Option<&Term> = None;
        for c in &self.clauses {
            let Pat::Tuple(el) = &c.head else {
                return None;
            };
            let Some(Pat::Lit(k)) = el.get(keypos - 1) else {
                return None;
            };
            match key {
                None => key = Some(k),
                Some(prev) if exact_eq(prev, k) => {}
                Some(_) => return None,
            }
        }
        key.cloned()
    }

    /// Runs the specification on one object: the body's value of the first
    /// clause whose head matches and whose guards hold, or `None`.
    pub fn run(&self, p: &mut Process, object: &Term) -> Option<Term> {
        let mut slots: Vec<Option<Term>> = Vec::new();
        for c in &self.clauses {
            slots.clear();
            slots.resize(c.nvars, None);
            if !match_pat(&c.head, object, &mut slots) {
                continue;
            }
            let env = Env {
                object,
                slots: &slots,
            };
            let pass = c
                .guards
                .iter()
                .all(|g| matches!(eval(p, g, &env), Ok(Term::Atom(a)) if a.name() == "true"));
            if !pass {
                continue;
            }
            let mut value = Term::Nil;
            for b in &c.body {
                match eval(p, b, &env) {
                    Ok(v) => value = v,
                    Err(()) => return Some(Term::atom_str("EXIT")),
                }
            }
            return Some(value);
        }
        None
    }
}

fn match_pat(pat: &Pat, t: &Term, slots: &mut [Option<Term>]) -> bool {
    match pat {
        Pat::Any => true,
        Pat::Var(i) => match &slots[*i] {
            Some(bound) => exact_eq(bound, t),
            None => {
                slots[*i] = Some(t.clone());
                true
            }
        },
        Pat::Lit(l) => exact_eq(l, t),
        Pat::Tuple(ps) => match t {
            Term::Tuple(tu) if tu.len() == ps.len() => ps
                .iter()
                .zip(tu.elems())
                .all(|(p, e)| match_pat(p, e, slots)),
            _ => false,
        },
        Pat::Cons(h, tl) => match t {
            Term::Cons(c) => match_pat(h, &c.head, slots) && match_pat(tl, &c.tail, slots),
            _ => false,
        },
        Pat::Map(pairs) => match t {
            Term::Map(m) => pairs
                .iter()
                .all(|(k, p)| m.get(k).is_some_and(|v| match_pat(p, v, slots))),
            _ => false,
        },
    }
}

struct Env<'a> {
    object: &'a Term,
    slots: &'a [Option<Term>],
}

fn eval(p: &mut Process, e: &Expr, env: &Env) -> Result<Term, ()> {
    Ok(match e {
        Expr::Const(t) => t.clone(),
        Expr::Var(i) => env.slots[*i].clone().ok_or(())?,
        Expr::Object => env.object.clone(),
        Expr::AllVars => Term::list(
            env.slots
                .iter()
                .map(|s| s.clone().unwrap_or(Term::Nil))
                .collect(),
        ),
        Expr::Tuple(es) => Term::tuple(
            es.iter()
                .map(|x| eval(p, x, env))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Cons(h, t) => Term::cons(eval(p, h, env)?, eval(p, t, env)?),
        Expr::Map(pairs) => {
            let mut kv = Vec::with_capacity(pairs.len());
            for (k, v) in pairs {
                kv.push((eval(p, k, env)?, eval(p, v, env)?));
            }
            Term::Map(Arc::new(MapData::from_pairs(kv)))
        }
        Expr::AndAlso(es) => {
            for x in es {
                match eval(p, x, env)? {
                    Term::Atom(a) if a.name() == "true" => {}
                    Term::Atom(a) if a.name() == "false" => return Ok(Term::bool(false)),
                    _ => return Err(()),
                }
            }
            Term::bool(true)
        }
        Expr::OrElse(es) => {
            for x in es {
                match eval(p, x, env)? {
                    Term::Atom(a) if a.name() == "true" => return Ok(Term::bool(true)),
                    Term::Atom(a) if a.name() == "false" => {}
                    _ => return Err(()),
                }
            }
            Term::bool(false)
        }
        Expr::Call(f, args) => {
            let args = args
                .iter()
                .map(|x| eval(p, x, env))
                .collect::<Result<Vec<_>, _>>()?;
            f(p, &args).map_err(|_| ())?
        }
    })
}
