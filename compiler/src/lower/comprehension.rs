//! List and binary comprehensions, rewritten into named funs before lowering.
//!
//! `[E || Q1, Q2]` becomes an accumulator loop per generator, innermost
//! pushing `E`, then one `lists:reverse/2` — constant stack, elements
//! evaluated front to back:
//!
//! ```text
//! lists:reverse(G1(L1, []), [])
//! G1([P1 | R], A) -> G1(R, <rest of the qualifiers, with accumulator A>);
//! G1([_ | R], A)  -> G1(R, A);
//! G1([], A)       -> A;
//! G1(Other, _)    -> erlang:error({bad_generator, Other}).
//! ```
//!
//! A filter that is a guard expression is tested as a guard (an exception
//! means false, as in OTP); any other filter must return `true` or `false`
//! (else `{bad_filter, V}`). Generated variable and fun names start with `%`,
//! which no source name can.

use crate::ast::{BinElement, BinSpec, Clause, Expr, Qualifier};
use crate::source::Span;

/// Fresh-name source for one function's rewrites.
pub(crate) struct Fresh<'a> {
    counter: &'a mut u32,
}

impl<'a> Fresh<'a> {
    pub(crate) fn new(counter: &'a mut u32) -> Self {
        Fresh { counter }
    }

    fn var(&mut self, s: Span, base: &str) -> Expr {
        *self.counter += 1;
        Expr::Var(s, format!("%{}{}", base, self.counter))
    }
}

fn atom(s: Span, a: &str) -> Expr {
    Expr::Atom(s, a.to_string())
}

fn remote(s: Span, m: &str, f: &str, args: Vec<Expr>) -> Expr {
    Expr::RemoteCall(s, Box::new(atom(s, m)), Box::new(atom(s, f)), args)
}

fn clause(s: Span, pats: Vec<Expr>, guards: Vec<Vec<Expr>>, body: Expr) -> Clause {
    Clause {
        span: s,
        pats,
        guards,
        body: vec![body],
    }
}

/// Rewrites `[E || Qs]`.
pub(crate) fn list_comp(
    s: Span,
    e: &Expr,
    qs: &[Qualifier],
    fresh: &mut Fresh,
    is_guard: &dyn Fn(&Expr) -> bool,
) -> Expr {
    let acc = fresh.var(s, "Acc");
    let push = |acc: Expr| Expr::Cons(s, Box::new(e.clone()), Box::new(acc));
    let inner = qualifiers(s, qs, acc.clone(), &push, fresh, is_guard);
    let body = Expr::Block(
        s,
        vec![Expr::Match(s, Box::new(acc), Box::new(Expr::Nil(s))), inner],
    );
    remote(s, "lists", "reverse", vec![body, Expr::Nil(s)])
}

/// Rewrites `<< E || Qs >>`: the pieces are collected as a list of bitstrings.
pub(crate) fn bin_comp(
    s: Span,
    e: &Expr,
    qs: &[Qualifier],
    fresh: &mut Fresh,
    is_guard: &dyn Fn(&Expr) -> bool,
) -> Expr {
    let piece = match e {
        Expr::Binary(..) => e.clone(),
        other => Expr::Binary(
            s,
            vec![BinElement {
                span: s,
                value: other.clone(),
                size: None,
                specs: vec![BinSpec::Name("bitstring".into())],
            }],
        ),
    };
    let acc = fresh.var(s, "Acc");
    let push = |acc: Expr| Expr::Cons(s, Box::new(piece.clone()), Box::new(acc));
    let inner = qualifiers(s, qs, acc.clone(), &push, fresh, is_guard);
    let body = Expr::Block(
        s,
        vec![Expr::Match(s, Box::new(acc), Box::new(Expr::Nil(s))), inner],
    );
    let rev = remote(s, "lists", "reverse", vec![body, Expr::Nil(s)]);
    remote(s, "erlang", "list_to_bitstring", vec![rev])
}

fn qualifiers(
    s: Span,
    qs: &[Qualifier],
    acc: Expr,
    push: &dyn Fn(Expr) -> Expr,
    fresh: &mut Fresh,
    is_guard: &dyn Fn(&Expr) -> bool,
) -> Expr {
    let Some((q, rest)) = qs.split_first() else {
        return push(acc);
    };
    match q {
        Qualifier::Filter(f) => {
            let next = qualifiers(s, rest, acc.clone(), push, fresh, is_guard);
            if is_guard(f) {
                Expr::Case(
                    s,
                    Box::new(atom(s, "true")),
                    vec![
                        clause(
                            s,
                            vec![Expr::Var(s, "_".into())],
                            vec![vec![f.clone()]],
                            next,
                        ),
                        clause(s, vec![Expr::Var(s, "_".into())], vec![], acc),
                    ],
                )
            } else {
                let v = fresh.var(s, "F");
                let err = remote(
                    s,
                    "erlang",
                    "error",
                    vec![Expr::Tuple(s, vec![atom(s, "bad_filter"), v.clone()])],
                );
                Expr::Case(
                    s,
                    Box::new(f.clone()),
                    vec![
                        clause(s, vec![atom(s, "true")], vec![], next),
                        clause(s, vec![atom(s, "false")], vec![], acc),
                        clause(s, vec![v], vec![], err),
                    ],
                )
            }
        }
        Qualifier::Generator(pat, list) => {
            let name = format!("%lc{}", {
                *fresh.counter += 1;
                *fresh.counter
            });
            let me = Expr::Var(s, name.clone());
            let r = fresh.var(s, "R");
            let a = fresh.var(s, "A");
            let other = fresh.var(s, "Other");
            let next = qualifiers(s, rest, a.clone(), push, fresh, is_guard);
            let call = |args: Vec<Expr>| Expr::Call(s, Box::new(me.clone()), args);
            let cons = |h: Expr| Expr::Cons(s, Box::new(h), Box::new(r.clone()));
            let clauses = vec![
                clause(
                    s,
                    vec![cons(pat.clone()), a.clone()],
                    vec![],
                    call(vec![r.clone(), next]),
                ),
                clause(
                    s,
                    vec![cons(Expr::Var(s, "_".into())), a.clone()],
                    vec![],
                    call(vec![r.clone(), a.clone()]),
                ),
                clause(s, vec![Expr::Nil(s), a.clone()], vec![], a.clone()),
                clause(
                    s,
                    vec![other.clone(), Expr::Var(s, "_".into())],
                    vec![],
                    remote(
                        s,
                        "erlang",
                        "error",
                        vec![Expr::Tuple(s, vec![atom(s, "bad_generator"), other])],
                    ),
                ),
            ];
            let fun = Expr::Fun(s, Some(name), clauses);
            Expr::Call(s, Box::new(fun), vec![list.clone(), acc])
        }
        Qualifier::BinGenerator(pat, bin) => {
            let name = format!("%bc{}", {
                *fresh.counter += 1;
                *fresh.counter
            });
            let me = Expr::Var(s, name.clone());
            let r = fresh.var(s, "R");
            let a = fresh.var(s, "A");
            let next = qualifiers(s, rest, a.clone(), push, fresh, is_guard);
            let call = |args: Vec<Expr>| Expr::Call(s, Box::new(me.clone()), args);
            let mut segs = match pat {
                Expr::Binary(_, segs) => segs.clone(),
                other => vec![BinElement {
                    span: s,
                    value: other.clone(),
                    size: None,
                    specs: vec![],
                }],
            };
            segs.push(BinElement {
                span: s,
                value: r.clone(),
                size: None,
                specs: vec![BinSpec::Name("bitstring".into())],
            });
            let static_bits = static_size(&segs[..segs.len() - 1]);
            let mut clauses = vec![clause(
                s,
                vec![Expr::Binary(s, segs), a.clone()],
                vec![],
                call(vec![r.clone(), next]),
            )];
            // An element that does not match is skipped when its size is
            // known at compile time (as OTP does); otherwise the generator stops.
            if let Some(bits) = static_bits.filter(|b| *b > 0) {
                let skip = vec![
                    BinElement {
                        span: s,
                        value: Expr::Var(s, "_".into()),
                        size: Some(Expr::Integer(s, bits.into())),
                        specs: vec![],
                    },
                    BinElement {
                        span: s,
                        value: r.clone(),
                        size: None,
                        specs: vec![BinSpec::Name("bitstring".into())],
                    },
                ];
                clauses.push(clause(
                    s,
                    vec![Expr::Binary(s, skip), a.clone()],
                    vec![],
                    call(vec![r.clone(), a.clone()]),
                ));
            }
            let other = fresh.var(s, "Other");
            let is_bits = Expr::Call(s, Box::new(atom(s, "is_bitstring")), vec![other.clone()]);
            clauses.push(clause(
                s,
                vec![other.clone(), a.clone()],
                vec![vec![is_bits]],
                a.clone(),
            ));
            clauses.push(clause(
                s,
                vec![other.clone(), Expr::Var(s, "_".into())],
                vec![],
                remote(
                    s,
                    "erlang",
                    "error",
                    vec![Expr::Tuple(s, vec![atom(s, "bad_generator"), other])],
                ),
            ));
            let fun = Expr::Fun(s, Some(name), clauses);
            Expr::Call(s, Box::new(fun), vec![bin.clone(), acc])
        }
    }
}

/// The total size in bits of binary segments, when every size is a literal.
fn static_size(segs: &[BinElement]) -> Option<u64> {
    use num_traits::ToPrimitive;
    let mut total = 0u64;
    for sg in segs {
        let mut kind = "integer";
        let mut unit = None;
        for sp in &sg.specs {
            match sp {
                BinSpec::Unit(u) => unit = Some(*u as u64),
                BinSpec::Name(n) => match n.as_str() {
                    "integer" | "float" | "binary" | "bytes" | "bitstring" | "bits" | "utf8"
                    | "utf16" | "utf32" => kind = n.as_str(),
                    _ => {}
                },
            }
        }
        let default_unit = if matches!(kind, "binary" | "bytes") {
            8
        } else {
            1
        };
        let unit = unit.unwrap_or(default_unit);
        let size = match (&sg.size, &sg.value) {
            (Some(Expr::Integer(_, n)), _) => n.to_u64()?,
            (None, Expr::String(_, chars)) if kind == "integer" => 8 * chars.len() as u64,
            (None, _) if kind == "integer" => 8,
            (None, _) if kind == "float" => 64,
            _ => return None,
        };
        total += size * if sg.size.is_some() { unit } else { 1 };
    }
    Some(total)
}
