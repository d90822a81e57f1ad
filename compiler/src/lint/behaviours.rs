//! `-behaviour(B)` checks (`erl_lint:behaviour_check/2`): the behaviour
//! module must exist and define its callbacks, the module must export every
//! required callback, and two behaviours must not require the same one.
//!
//! `erlc` learns a behaviour's callbacks by calling `B:behaviour_info/1` on
//! its code path. ferl cannot run the module at compile time, so the
//! caller finds `B`'s source and [`behaviour_info`] reads the answer from
//! it: the `-callback` and `-optional_callbacks` attributes (which is what
//! the compiler turns into `behaviour_info/1`), or a hand-written
//! `behaviour_info/1` whose clauses return literals.

use super::Linter;
use crate::ast::{AttrValue, Expr, Form, Module};
use crate::source::Span;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// What `B:behaviour_info(callbacks)` answers for a behaviour module `B`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BehaviourInfo {
    /// The call fails: no module `B`, or it has no `behaviour_info/1`.
    Undefined,
    /// It returns `undefined`.
    NoCallbacks,
    /// It returns something other than a list of `{Name, Arity}`.
    IllDefined,
    /// The callbacks, and those of them that are optional.
    Callbacks {
        /// Every callback, optional ones included.
        all: Vec<(String, u32)>,
        /// `behaviour_info(optional_callbacks)`.
        optional: Vec<(String, u32)>,
    },
}

/// What a behaviour module's source says `behaviour_info/1` answers, or
/// `None` when only running it could tell (a computed answer).
pub fn behaviour_info(m: &Module) -> Option<BehaviourInfo> {
    let mut all = Vec::new();
    let mut optional = Vec::new();
    let mut exported = false;
    let mut export_all = false;
    let mut handwritten = None;
    for form in &m.forms {
        match form {
            Form::Attribute(a) => match (&a.name[..], &a.value) {
                ("callback", AttrValue::Spec { name, arity, .. }) => {
                    all.push((name.clone(), *arity));
                }
                // `f/1` in an attribute reads as `{f, 1}`, as `erl_parse` has it.
                ("optional_callbacks", AttrValue::Term(t)) => {
                    optional.extend(fa_tuples(t).unwrap_or_default());
                }
                ("export", AttrValue::FunList(l)) => {
                    exported |= l.iter().any(|(n, a)| n == "behaviour_info" && *a == 1);
                }
                ("compile", AttrValue::Term(t)) => export_all |= mentions_export_all(t),
                _ => {}
            },
            Form::Function(f) if f.name == "behaviour_info" && f.arity == 1 => {
                handwritten = Some(f);
            }
            _ => {}
        }
    }
    if !all.is_empty() {
        return Some(BehaviourInfo::Callbacks { all, optional });
    }
    let Some(f) = handwritten.filter(|_| exported || export_all) else {
        return Some(BehaviourInfo::Undefined);
    };
    let answer = |arg: &str| -> Option<Option<&Expr>> {
        for c in &f.clauses {
            let matches = match &c.pats[0] {
                Expr::Atom(_, a) => a == arg,
                Expr::Var(..) => true,
                _ => return None,
            };
            if matches {
                if !c.guards.is_empty() || c.body.len() != 1 {
                    return None;
                }
                return Some(Some(&c.body[0]));
            }
        }
        Some(None)
    };
    match answer("callbacks")? {
        None => Some(BehaviourInfo::Undefined),
        Some(Expr::Atom(_, a)) if a == "undefined" => Some(BehaviourInfo::NoCallbacks),
        Some(e) => {
            if !is_literal(e) {
                return None;
            }
            let Some(all) = fa_tuples(e) else {
                return Some(BehaviourInfo::IllDefined);
            };
            let optional = match answer("optional_callbacks")? {
                Some(e) if is_literal(e) => fa_tuples(e).unwrap_or_default(),
                Some(Expr::Atom(..)) | None => Vec::new(),
                Some(_) => return None,
            };
            Some(BehaviourInfo::Callbacks { all, optional })
        }
    }
}

/// `[{f, 1}, {g, 2}]` as `behaviour_info/1` returns it.
fn fa_tuples(e: &Expr) -> Option<Vec<(String, u32)>> {
    list_items(e)?
        .into_iter()
        .map(|x| match x {
            Expr::Tuple(_, p) if p.len() == 2 => match (&p[0], &p[1]) {
                (Expr::Atom(_, f), Expr::Integer(_, a)) => {
                    Some((f.clone(), u32::try_from(a).ok()?))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn list_items(mut e: &Expr) -> Option<Vec<&Expr>> {
    let mut items = Vec::new();
    loop {
        match e {
            Expr::Nil(_) => return Some(items),
            Expr::Cons(_, h, t) => {
                items.push(&**h);
                e = t;
            }
            _ => return None,
        }
    }
}

fn is_literal(e: &Expr) -> bool {
    match e {
        Expr::Atom(..) | Expr::Integer(..) | Expr::Nil(_) => true,
        Expr::Cons(_, h, t) => is_literal(h) && is_literal(t),
        Expr::Tuple(_, p) => p.iter().all(is_literal),
        _ => false,
    }
}

fn mentions_export_all(t: &Expr) -> bool {
    match t {
        Expr::Atom(_, a) => a == "export_all",
        Expr::Cons(_, h, tl) => mentions_export_all(h) || mentions_export_all(tl),
        _ => false,
    }
}

impl Linter<'_> {
    /// The behaviour checks, once the module's exports are known.
    /// `behaviours` are the `-behaviour` attributes in order, `exports` the
    /// exported functions (all of them under `export_all`).
    pub(crate) fn check_behaviours(
        &mut self,
        behaviours: &[(String, Span)],
        exports: &HashSet<(String, u32)>,
        info: &dyn Fn(&str) -> Option<BehaviourInfo>,
    ) {
        // Callback -> the behaviours that require it, in attribute order.
        let mut required: BTreeMap<(String, u32), Vec<(String, Span)>> = BTreeMap::new();
        for (b, at) in behaviours {
            let Some(answer) = info(b) else { continue };
            let (all, optional) = match answer {
                BehaviourInfo::Undefined => {
                    self.warning(
                        *at,
                        format!("behaviour {} undefined", crate::lexer::render_atom(b)),
                    );
                    continue;
                }
                BehaviourInfo::NoCallbacks => {
                    let msg = format!("behaviour {b} callback functions are undefined");
                    self.warning(*at, msg);
                    continue;
                }
                BehaviourInfo::IllDefined => {
                    let msg = format!("behaviour {b} callback functions erroneously defined");
                    self.warning(*at, msg);
                    continue;
                }
                BehaviourInfo::Callbacks { all, optional } => (all, optional),
            };
            let optional: BTreeSet<_> = optional.into_iter().collect();
            let all: BTreeSet<_> = all.into_iter().collect();
            for (f, a) in all.difference(&optional) {
                if !exports.contains(&(f.clone(), *a)) {
                    let msg = format!("undefined callback function {f}/{a} (behaviour '{b}')");
                    self.warning(*at, msg);
                }
            }
            for cb in all {
                if !optional.contains(&cb) || exports.contains(&cb) {
                    required.entry(cb).or_default().push((b.clone(), *at));
                }
            }
        }
        for ((f, a), mut bs) in required {
            bs.sort_by_key(|(_, at)| self.map.line_col(*at));
            let Some(((first, first_at), rest)) = bs.split_first() else {
                continue;
            };
            let (line, col) = self.map.line_col(*first_at);
            for (b, at) in rest {
                let msg = format!(
                    "conflicting behaviours - callback {f}/{a} required by both '{b}' \
                     and '{first}' (line {line}, column {col})"
                );
                self.warning(*at, msg);
            }
        }
    }
}
