//! The variable table of the lint pass, with the operations `erl_lint`
//! composes its scoping rules from (OTP `erl_lint.erl`: `vtupdate`,
//! `vtmerge`, `vtnew`, `vtold`, `vtunsafe`, `icrt_export`).
//!
//! A table maps each variable name to its state (bound, unsafe in some
//! construct, or exported from one), whether it has been used, and where it
//! was bound. Walking an expression returns a table of the variables it
//! bound or used, which the caller folds into its own: the functional style
//! of `erl_lint`, kept so that its rules carry over one for one.

use crate::source::Span;
use std::collections::BTreeMap;

/// A construct that can make a variable unsafe or export it:
/// `'case'`, `'try'`, `'andalso'`..., and where it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct In {
    /// The construct's keyword, as `erlc` names it (`case`, `try`, ...).
    pub(crate) what: &'static str,
    /// Where the construct starts.
    pub(crate) at: Span,
}

/// The state of a variable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum State {
    /// Bound and safe to use.
    Bound,
    /// Bound on some paths only, or inside a construct that does not
    /// export: using it is an error.
    Unsafe(In),
    /// Bound in every clause of a `case`/`if`/`receive`: usable, but
    /// matching it again draws a warning.
    Export(In),
}

/// One variable's entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Var {
    pub(crate) state: State,
    pub(crate) used: bool,
    /// Where it was bound (several places when bound in several clauses
    /// and not used), in source order.
    pub(crate) locs: Vec<Span>,
}

impl Var {
    /// A variable just bound at `at`.
    pub(crate) fn bound(at: Span, used: bool) -> Var {
        Var {
            state: State::Bound,
            used,
            locs: vec![at],
        }
    }
}

/// Variable name -> entry, ordered by name as `erl_lint`'s orddicts are.
pub(crate) type Vt = BTreeMap<String, Var>;

fn merge_locs(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = a.iter().chain(b).copied().collect();
    out.sort_by_key(|s| (s.file.0, s.start));
    out.dedup();
    out
}

fn merge_state(a: State, b: State) -> State {
    match (a, b) {
        (State::Unsafe(_), _) => a,
        (_, State::Unsafe(_)) => b,
        (State::Bound, s) => s,
        (s, State::Bound) => s,
        (State::Export(_), State::Export(_)) => a,
    }
}

/// `vtupdate(New, Old)`: `new`'s states win, uses and places are merged.
pub(crate) fn update(new: &Vt, old: &Vt) -> Vt {
    let mut out = old.clone();
    for (k, v) in new {
        match out.get_mut(k) {
            Some(o) => {
                o.state = v.state;
                o.used |= v.used;
                o.locs = merge_locs(&v.locs, &o.locs);
            }
            None => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

fn merge_with(a: &Vt, b: &Vt, pat: bool) -> Vt {
    let mut out = b.clone();
    for (k, v) in a {
        match out.get_mut(k) {
            Some(o) => {
                o.state = merge_state(v.state, o.state);
                o.used = pat || (o.used | v.used);
                o.locs = merge_locs(&v.locs, &o.locs);
            }
            None => {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// `vtmerge(A, B)`: both sides' variables, states merged (unsafe wins).
pub(crate) fn merge(a: &Vt, b: &Vt) -> Vt {
    merge_with(a, b, false)
}

/// `vtmerge_pat(A, B)`: as [`merge`], but a variable on both sides is
/// used (it was matched twice).
pub(crate) fn merge_pat(a: &Vt, b: &Vt) -> Vt {
    merge_with(a, b, true)
}

/// `vtnew(New, Old)` (also `vtsubtract`): the entries of `new` not in `old`.
pub(crate) fn new_in(new: &Vt, old: &Vt) -> Vt {
    new.iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `vtold(New, Old)`: the entries of `new` that are also in `old`.
pub(crate) fn old_in(new: &Vt, old: &Vt) -> Vt {
    new.iter()
        .filter(|(k, _)| old.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `vtunsafe(In, Vt, Old)`: the variables of `vt` not in `old`, made unsafe.
pub(crate) fn unsafe_new(what: In, vt: &Vt, old: &Vt) -> Vt {
    new_in(vt, old)
        .into_iter()
        .map(|(k, mut v)| {
            v.state = State::Unsafe(what);
            (k, v)
        })
        .collect()
}

/// `vt_no_unsafe(vt_no_unused(Vt))`: what a fun or comprehension passes
/// back to its context (the outer variables it used).
pub(crate) fn used_safe(vt: &Vt) -> Vt {
    vt.iter()
        .filter(|(_, v)| v.used && !matches!(v.state, State::Unsafe(_)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `icrt_export`: folds the tables of the clauses of a `case`, `if`,
/// `receive` or `try` into what the construct exports. A variable new in
/// every clause is exported; new in only some, it is unsafe; a variable
/// bound before the construct is simply bound (and used where a clause used
/// it).
pub(crate) fn export_clauses(clauses: &[Vt], before: &Vt, what: In) -> Vt {
    let n = clauses.len();
    let mut names: Vec<&String> = clauses.iter().flat_map(|c| c.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = Vt::new();
    for name in names {
        let entries: Vec<&Var> = clauses.iter().filter_map(|c| c.get(name)).collect();
        match before.get(name) {
            Some(b)
                if matches!(b.state, State::Export(_))
                    && entries.iter().all(|e| matches!(e.state, State::Export(_))) =>
            {
                let s = entries
                    .iter()
                    .fold(b.state, |acc, e| merge_state(acc, e.state));
                let s = if matches!(s, State::Export(_)) {
                    s
                } else {
                    State::Unsafe(what)
                };
                out.insert(
                    name.clone(),
                    Var {
                        state: s,
                        used: true,
                        locs: b.locs.clone(),
                    },
                );
            }
            Some(b) => {
                out.insert(
                    name.clone(),
                    Var {
                        state: State::Bound,
                        used: true,
                        locs: b.locs.clone(),
                    },
                );
            }
            None => {
                let mut state = State::Export(what);
                let mut locs: Vec<Span> = Vec::new();
                for e in &entries {
                    state = match (e.state, state) {
                        (State::Unsafe(_), State::Unsafe(_)) => State::Unsafe(what),
                        (State::Unsafe(_), _) => e.state,
                        _ => state,
                    };
                    if !e.used {
                        locs = merge_locs(&locs, &e.locs);
                    }
                }
                if entries.len() != n {
                    state = State::Unsafe(what);
                }
                out.insert(
                    name.clone(),
                    Var {
                        state,
                        used: locs.is_empty(),
                        locs,
                    },
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(n: u32) -> Span {
        Span::new(crate::source::FileId(0), n, n + 1)
    }

    #[test]
    fn bound_in_every_clause_is_exported_else_unsafe() {
        let what = In {
            what: "case",
            at: at(0),
        };
        let mut c1 = Vt::new();
        c1.insert("Y".into(), Var::bound(at(5), false));
        c1.insert("Z".into(), Var::bound(at(6), false));
        let mut c2 = Vt::new();
        c2.insert("Y".into(), Var::bound(at(9), true));
        let out = export_clauses(&[c1, c2], &Vt::new(), what);
        assert_eq!(out["Y"].state, State::Export(what));
        assert_eq!(out["Y"].locs, vec![at(5)]);
        assert!(!out["Y"].used);
        assert_eq!(out["Z"].state, State::Unsafe(what));
    }

    #[test]
    fn update_keeps_new_state_and_merges_uses() {
        let mut old = Vt::new();
        old.insert("X".into(), Var::bound(at(1), true));
        let mut new = Vt::new();
        new.insert("X".into(), Var::bound(at(1), false));
        let u = update(&new, &old);
        assert!(u["X"].used);
    }
}
