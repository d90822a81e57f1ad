//! Process BIFs (OTP `erl_bif_*`): identity, messages, names, the process
//! dictionary, spawning. Links, monitors and exit signals come with the
//! multi-core scheduler (issue 4).

use super::args::{badarg, list};
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, order, FunKind, Term};

type P = Process;

pub(crate) fn self_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Pid(p.pid))
}

pub(crate) fn make_ref_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Ref(p.rt.make_ref()))
}

pub(crate) fn node_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Atom(atom::NONODE))
}

pub(crate) fn node_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Pid(_) | Term::Ref(_) => Ok(Term::Atom(atom::NONODE)),
        _ => Err(badarg("node", a)),
    }
}

/// `Dest ! Msg` / `erlang:send/2`: a pid, a registered name or `{Name, Node}`.
pub(crate) fn send_2(p: &mut P, a: &[Term]) -> BifResult {
    let to = match &a[0] {
        Term::Pid(pid) => Some(*pid),
        Term::Atom(name) => Some(p.rt.whereis(*name).ok_or_else(|| badarg("send", a))?),
        Term::Tuple(t)
            if t.len() == 2 && matches!((&t[0], &t[1]), (Term::Atom(_), Term::Atom(_))) =>
        {
            if t[1].as_atom() != Some(atom::NONODE) {
                return Err(badarg("send", a));
            }
            Some(
                p.rt.whereis(t[0].as_atom().unwrap())
                    .ok_or_else(|| badarg("send", a))?,
            )
        }
        _ => None,
    };
    let Some(to) = to else {
        return Err(badarg("send", a));
    };
    if to == p.pid {
        p.shared.inbox.push(a[1].clone());
    } else {
        p.rt.send(to, a[1].clone());
    }
    Ok(a[1].clone())
}

pub(crate) fn register_2(p: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Atom(n), Term::Pid(pid)) if n.name() != "undefined" && p.rt.is_alive(*pid) => {
            if p.rt.register(*n, *pid) {
                if *pid == p.pid {
                    p.registered_name = Some(*n);
                }
                Ok(Term::Atom(atom::TRUE))
            } else {
                Err(badarg("register", a))
            }
        }
        _ => Err(badarg("register", a)),
    }
}

pub(crate) fn unregister_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(n) if p.rt.unregister(*n) => Ok(Term::Atom(atom::TRUE)),
        _ => Err(badarg("unregister", a)),
    }
}

pub(crate) fn whereis_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Atom(n) => Ok(p
            .rt
            .whereis(*n)
            .map(Term::Pid)
            .unwrap_or(Term::Atom(atom::UNDEFINED))),
        _ => Err(badarg("whereis", a)),
    }
}

pub(crate) fn registered_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.rt.registered().into_iter().map(Term::Atom).collect(),
    ))
}

pub(crate) fn is_process_alive_1(p: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Pid(pid) => Ok(Term::bool(*pid == p.pid || p.rt.is_alive(*pid))),
        _ => Err(badarg("is_process_alive", a)),
    }
}

pub(crate) fn process_flag_2(p: &mut P, a: &[Term]) -> BifResult {
    match (a[0].as_atom().map(|x| x.name()), &a[1]) {
        (Some("trap_exit"), Term::Atom(v)) if *v == atom::TRUE || *v == atom::FALSE => {
            let old = p.trap_exit;
            p.trap_exit = *v == atom::TRUE;
            Ok(Term::bool(old))
        }
        _ => Err(badarg("process_flag", a)),
    }
}

/// `spawn(Fun)`.
pub(crate) fn spawn_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Fun(f) = &a[0] else {
        return Err(badarg("spawn", a));
    };
    if f.arity() != 0 {
        return Err(badarg("spawn", a));
    }
    let pid = match &f.kind {
        FunKind::Local {
            code, index, env, ..
        } => {
            let func = code.code.lambdas[*index as usize].function;
            let name = code.fn_names[func as usize].0;
            p.rt.spawn(code.clone(), func, env.to_vec(), (code.name, name, 0))
        }
        FunKind::External { function, .. } => {
            return spawn_3(p, &[Term::Atom(f.module), Term::Atom(*function), Term::Nil])
        }
    };
    Ok(Term::Pid(pid))
}

/// `spawn(M, F, Args)`: the module is loaded now; an undefined function
/// makes the new process exit with `undef`, as in OTP.
pub(crate) fn spawn_3(p: &mut P, a: &[Term]) -> BifResult {
    let (Term::Atom(m), Term::Atom(f)) = (&a[0], &a[1]) else {
        return Err(badarg("spawn", a));
    };
    let args = list(&a[2]).ok_or_else(|| badarg("spawn", a))?;
    let arity = args.len() as u32;
    // Start the new process in erlang:apply/3 so that undefined functions
    // fail inside it, not in the caller.
    let apply = p.rt.code.get(crate::term::Atom::from_static("erlang")).ok();
    let target =
        p.rt.code
            .get(*m)
            .ok()
            .and_then(|lm| lm.export(*f, arity).map(|i| (lm, i)));
    let pid = match (target, apply) {
        (Some((lm, func)), _) => p.rt.spawn(lm, func, args, (*m, *f, arity)),
        _ => {
            let tramp =
                p.rt.code
                    .get(crate::term::Atom::from_static("ferl_spawn"))
                    .map_err(|_| badarg("spawn", a))?;
            let func = tramp
                .export(crate::term::Atom::from_static("apply"), 3)
                .ok_or_else(|| badarg("spawn", a))?;
            p.rt.spawn(tramp, func, a.to_vec(), (*m, *f, arity))
        }
    };
    Ok(Term::Pid(pid))
}

// ---- the process dictionary ----

pub(crate) fn put_2(p: &mut P, a: &[Term]) -> BifResult {
    for (k, v) in p.dict.iter_mut() {
        if order::exact_eq(k, &a[0]) {
            return Ok(std::mem::replace(v, a[1].clone()));
        }
    }
    p.dict.push((a[0].clone(), a[1].clone()));
    Ok(Term::Atom(atom::UNDEFINED))
}

pub(crate) fn get_1(p: &mut P, a: &[Term]) -> BifResult {
    Ok(p.dict
        .iter()
        .find(|(k, _)| order::exact_eq(k, &a[0]))
        .map(|(_, v)| v.clone())
        .unwrap_or(Term::Atom(atom::UNDEFINED)))
}

pub(crate) fn get_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict
            .iter()
            .rev()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect(),
    ))
}

pub(crate) fn get_keys_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict.iter().rev().map(|(k, _)| k.clone()).collect(),
    ))
}

pub(crate) fn get_keys_1(p: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::list(
        p.dict
            .iter()
            .rev()
            .filter(|(_, v)| order::exact_eq(v, &a[0]))
            .map(|(k, _)| k.clone())
            .collect(),
    ))
}

pub(crate) fn erase_1(p: &mut P, a: &[Term]) -> BifResult {
    match p.dict.iter().position(|(k, _)| order::exact_eq(k, &a[0])) {
        Some(i) => Ok(p.dict.remove(i).1),
        None => Ok(Term::Atom(atom::UNDEFINED)),
    }
}

pub(crate) fn erase_0(p: &mut P, a: &[Term]) -> BifResult {
    let all = get_0(p, a)?;
    p.dict.clear();
    Ok(all)
}
