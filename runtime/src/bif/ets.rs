//! The natives of `ets` (OTP `erl_db.c`): table creation and ownership,
//! object access, traversal and match specifications. Tables live in the
//! runtime's registry ([`crate::ets`]); every failure is OTP's `badarg`.
//! `foldl/3`, `foldr/3` and the rest that call funs are in `stdlib/ets.erl`.

use super::args::{badarg_in, int};
use crate::ets::matchspec::{Invalid, MatchSpec};
use crate::ets::{Kind, Objects, Protection, State, Table};
use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{atom, Term};
use std::sync::Arc;

type P = Process;

fn bad(f: &str, a: &[Term]) -> BifError {
    badarg_in("ets", f, a)
}

fn ok() -> Term {
    Term::Atom(atom::TRUE)
}

fn end_of_table() -> Term {
    Term::atom_str("$end_of_table")
}

/// The table named by `a[0]`, if it exists.
fn table(p: &P, f: &str, a: &[Term]) -> Result<Arc<Table>, BifError> {
    p.rt.ets.resolve(&a[0]).ok_or_else(|| bad(f, a))
}

/// Runs `body` on the table of `a[0]` under its read lock, if the caller
/// may read it.
fn read<R>(
    p: &mut P,
    f: &str,
    a: &[Term],
    body: impl FnOnce(&mut P, &State) -> Result<R, BifError>,
) -> Result<R, BifError> {
    let t = table(p, f, a)?;
    let st = t.state.read().unwrap();
    if st.deleted || (st.protection == Protection::Private && st.owner != p.pid) {
        return Err(bad(f, a));
    }
    body(p, &st)
}

/// Runs `body` on the table of `a[0]` under its write lock, if the caller
/// may write it.
fn write<R>(
    p: &mut P,
    f: &str,
    a: &[Term],
    body: impl FnOnce(&mut P, &mut State) -> Result<R, BifError>,
) -> Result<R, BifError> {
    let t = table(p, f, a)?;
    let mut st = t.state.write().unwrap();
    if st.deleted || (st.protection != Protection::Public && st.owner != p.pid) {
        return Err(bad(f, a));
    }
    body(p, &mut st)
}

fn bool_opt(t: &Term) -> Option<bool> {
    match t {
        Term::Atom(a) if *a == atom::TRUE => Some(true),
        Term::Atom(a) if *a == atom::FALSE => Some(false),
        _ => None,
    }
}

fn heir_opt(el: &[Term]) -> Option<Option<(crate::term::Pid, Term)>> {
    match el {
        [_, Term::Atom(n)] if n.name() == "none" => Some(None),
        [_, Term::Pid(pid), data] => Some(Some((*pid, data.clone()))),
        _ => None,
    }
}

/// `ets:new(Name, Options)`.
pub(crate) fn new_2(p: &mut P, a: &[Term]) -> BifResult {
    let (Term::Atom(name), Some(opts)) = (&a[0], a[1].list_to_vec()) else {
        return Err(bad("new", a));
    };
    let mut kind = Kind::Set;
    let mut st = State {
        objects: Objects::new(Kind::Set, 1),
        name: *name,
        named: false,
        owner: p.pid,
        heir: None,
        protection: Protection::Protected,
        read_concurrency: false,
        write_concurrency: Term::Atom(atom::FALSE),
        compressed: false,
        decentralized_counters: false,
        deleted: false,
    };
    let mut keypos = 1;
    let mut decentralized = None;
    for o in &opts {
        match o {
            Term::Atom(x) => match x.name() {
                "set" => kind = Kind::Set,
                "ordered_set" => kind = Kind::OrderedSet,
                "bag" => kind = Kind::Bag,
                "duplicate_bag" => kind = Kind::DuplicateBag,
                "public" => st.protection = Protection::Public,
                "protected" => st.protection = Protection::Protected,
                "private" => st.protection = Protection::Private,
                "named_table" => st.named = true,
                "compressed" => st.compressed = true,
                _ => return Err(bad("new", a)),
            },
            Term::Tuple(t) => match t.elems() {
                [Term::Atom(k), Term::Int(n)] if k.name() == "keypos" && *n >= 1 => {
                    keypos = *n as usize
                }
                [Term::Atom(k), ..] if k.name() == "heir" => {
                    st.heir = heir_opt(t.elems()).ok_or_else(|| bad("new", a))?
                }
                [Term::Atom(k), v] if k.name() == "write_concurrency" => match v {
                    Term::Atom(w) if w.name() == "auto" || bool_opt(v).is_some() => {
                        st.write_concurrency = v.clone()
                    }
                    _ => return Err(bad("new", a)),
                },
                [Term::Atom(k), v] if k.name() == "read_concurrency" => {
                    st.read_concurrency = bool_opt(v).ok_or_else(|| bad("new", a))?
                }
                [Term::Atom(k), v] if k.name() == "decentralized_counters" => {
                    decentralized = Some(bool_opt(v).ok_or_else(|| bad("new", a))?)
                }
                _ => return Err(bad("new", a)),
            },
            _ => return Err(bad("new", a)),
        }
    }
    st.decentralized_counters = decentralized.unwrap_or(
        kind == Kind::OrderedSet
            && !matches!(&st.write_concurrency, Term::Atom(w) if *w == atom::FALSE),
    );
    st.objects = Objects::new(kind, keypos);
    let id = p.rt.make_ref();
    let named = st.named;
    p.rt.ets.create(id, st).map_err(|_| bad("new", a))?;
    Ok(if named { a[0].clone() } else { Term::Ref(id) })
}

/// The objects of an insert: one tuple or a list of them, each with a key.
fn objects_of(objects: &Objects, t: &Term) -> Option<Vec<(crate::ets::table::Key, Term)>> {
    let items = match t {
        Term::Tuple(_) => vec![t.clone()],
        _ => {
            let mut items = t.list_to_vec()?;
            // OTP inserts a list into a bag last element first.
            if objects.kind == Kind::Bag {
                items.reverse();
            }
            items
        }
    };
    items
        .into_iter()
        .map(|o| objects.key_of(&o).map(|k| (k, o)))
        .collect()
}

/// `ets:insert(Tab, ObjectOrObjects)`.
pub(crate) fn insert_2(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "insert", a, |_, st| {
        let objs = objects_of(&st.objects, &a[1]).ok_or_else(|| bad("insert", a))?;
        for (k, o) in objs {
            st.objects.insert(k, o);
        }
        Ok(ok())
    })
}

/// `ets:insert_new(Tab, ObjectOrObjects)`.
pub(crate) fn insert_new_2(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "insert_new", a, |_, st| {
        let objs = objects_of(&st.objects, &a[1]).ok_or_else(|| bad("insert_new", a))?;
        if objs.iter().any(|(k, _)| st.objects.contains(k)) {
            return Ok(Term::Atom(atom::FALSE));
        }
        for (k, o) in objs {
            st.objects.insert(k, o);
        }
        Ok(ok())
    })
}

/// `ets:lookup(Tab, Key)`.
pub(crate) fn lookup_2(p: &mut P, a: &[Term]) -> BifResult {
    read(p, "lookup", a, |_, st| {
        Ok(Term::list(
            st.objects.lookup(&st.objects.key(&a[1])).to_vec(),
        ))
    })
}

/// `ets:lookup_element(Tab, Key, Pos)`.
pub(crate) fn lookup_element_3(p: &mut P, a: &[Term]) -> BifResult {
    read(p, "lookup_element", a, |_, st| {
        let pos = int(&a[2])
            .filter(|n| *n >= 1)
            .ok_or_else(|| bad("lookup_element", a))? as usize;
        let objs = st.objects.lookup(&st.objects.key(&a[1]));
        let mut found = Vec::with_capacity(objs.len());
        for o in objs {
            match o {
                Term::Tuple(t) if t.len() >= pos => found.push(t[pos - 1].clone()),
                _ => return Err(bad("lookup_element", a)),
            }
        }
        match (st.objects.kind, found.len()) {
            (_, 0) => Err(bad("lookup_element", a)),
            (Kind::Set | Kind::OrderedSet, _) => Ok(found.swap_remove(0)),
            _ => Ok(Term::list(found)),
        }
    })
}

/// `ets:member(Tab, Key)`.
pub(crate) fn member_2(p: &mut P, a: &[Term]) -> BifResult {
    read(p, "member", a, |_, st| {
        Ok(Term::bool(st.objects.contains(&st.objects.key(&a[1]))))
    })
}

/// `ets:delete(Tab)`.
pub(crate) fn delete_1(p: &mut P, a: &[Term]) -> BifResult {
    let t = table(p, "delete", a)?;
    {
        let st = t.state.read().unwrap();
        if st.deleted || (st.protection != Protection::Public && st.owner != p.pid) {
            return Err(bad("delete", a));
        }
    }
    p.rt.ets.delete(&t);
    Ok(ok())
}

/// `ets:delete(Tab, Key)`.
pub(crate) fn delete_2(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "delete", a, |_, st| {
        let k = st.objects.key(&a[1]);
        st.objects.take(&k);
        Ok(ok())
    })
}

/// `ets:delete_all_objects(Tab)`.
pub(crate) fn delete_all_objects_1(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "delete_all_objects", a, |_, st| {
        st.objects.clear();
        Ok(ok())
    })
}

/// `ets:delete_object(Tab, Object)`.
pub(crate) fn delete_object_2(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "delete_object", a, |_, st| {
        let k = st
            .objects
            .key_of(&a[1])
            .ok_or_else(|| bad("delete_object", a))?;
        st.objects.delete_object(&k, &a[1]);
        Ok(ok())
    })
}

/// `ets:take(Tab, Key)`.
pub(crate) fn take_2(p: &mut P, a: &[Term]) -> BifResult {
    write(p, "take", a, |_, st| {
        let k = st.objects.key(&a[1]);
        Ok(Term::list(st.objects.take(&k)))
    })
}

fn end_key(p: &mut P, f: &str, a: &[Term], last: bool) -> BifResult {
    read(p, f, a, |_, st| {
        // Only an ordered_set has an order; for the others last/1 is first/1.
        let last = last && st.objects.kind == Kind::OrderedSet;
        Ok(st.objects.end_key(last).unwrap_or_else(end_of_table))
    })
}

/// `ets:first(Tab)`.
pub(crate) fn first_1(p: &mut P, a: &[Term]) -> BifResult {
    end_key(p, "first", a, false)
}

/// `ets:last(Tab)`.
pub(crate) fn last_1(p: &mut P, a: &[Term]) -> BifResult {
    end_key(p, "last", a, true)
}

fn step(p: &mut P, f: &str, a: &[Term], back: bool) -> BifResult {
    read(p, f, a, |_, st| {
        let k = st.objects.key(&a[1]);
        let ordered = st.objects.kind == Kind::OrderedSet;
        if !ordered && !st.objects.contains(&k) {
            return Err(bad(f, a));
        }
        Ok(st
            .objects
            .step_key(&k, back && ordered)
            .unwrap_or_else(end_of_table))
    })
}

/// `ets:next(Tab, Key)`.
pub(crate) fn next_2(p: &mut P, a: &[Term]) -> BifResult {
    step(p, "next", a, false)
}

/// `ets:prev(Tab, Key)`.
pub(crate) fn prev_2(p: &mut P, a: &[Term]) -> BifResult {
    step(p, "prev", a, true)
}

/// `ets:tab2list(Tab)`.
pub(crate) fn tab2list_1(p: &mut P, a: &[Term]) -> BifResult {
    read(p, "tab2list", a, |_, st| {
        Ok(Term::list(st.objects.all().cloned().collect()))
    })
}

/// `ets:slot(Tab, I)`: the objects of the I-th key in the table's order.
pub(crate) fn slot_2(p: &mut P, a: &[Term]) -> BifResult {
    read(p, "slot", a, |_, st| {
        let i = int(&a[1])
            .filter(|n| *n >= 0)
            .ok_or_else(|| bad("slot", a))? as usize;
        match st.objects.slot(i) {
            Some(objs) => Ok(Term::list(objs.to_vec())),
            None if i == st.objects.key_count() => Ok(end_of_table()),
            None => Err(bad("slot", a)),
        }
    })
}

const INFO_ITEMS: &[&str] = &[
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

fn info_item(t: &Table, st: &State, item: &str) -> Option<Term> {
    Some(match item {
        "id" => Term::Ref(t.id),
        "decentralized_counters" => Term::bool(st.decentralized_counters),
        "read_concurrency" => Term::bool(st.read_concurrency),
        "write_concurrency" => st.write_concurrency.clone(),
        "compressed" => Term::bool(st.compressed),
        // Words, as OTP counts them: a header plus each object's cells.
        "memory" => Term::Int(160 + 8 * st.objects.size() as i64),
        "owner" => Term::Pid(st.owner),
        "heir" => st
            .heir
            .as_ref()
            .map_or(Term::atom_str("none"), |(h, _)| Term::Pid(*h)),
        "name" => Term::Atom(st.name),
        "size" => Term::Int(st.objects.size() as i64),
        "node" => Term::Atom(atom::NONODE),
        "named_table" => Term::bool(st.named),
        "type" => Term::atom_str(st.objects.kind.name()),
        "keypos" => Term::Int(st.objects.keypos as i64),
        "protection" => Term::atom_str(st.protection.name()),
        "fixed" | "safe_fixed" | "safe_fixed_monotonic_time" => Term::Atom(atom::FALSE),
        _ => return None,
    })
}

/// The table of an `info` call: `Ok(None)` for an atom or reference that
/// names no table, badarg for anything else.
fn info_table(p: &P, f: &str, a: &[Term]) -> Result<Option<Arc<Table>>, BifError> {
    match &a[0] {
        Term::Atom(_) | Term::Ref(_) => Ok(p.rt.ets.resolve(&a[0])),
        _ => Err(bad(f, a)),
    }
}

/// `ets:info(Tab)`.
pub(crate) fn info_1(p: &mut P, a: &[Term]) -> BifResult {
    let Some(t) = info_table(p, "info", a)? else {
        return Ok(Term::atom_str("undefined"));
    };
    let st = t.state.read().unwrap();
    if st.deleted {
        return Ok(Term::atom_str("undefined"));
    }
    Ok(Term::list(
        INFO_ITEMS
            .iter()
            .map(|i| {
                Term::tuple(vec![
                    Term::atom_str(i),
                    info_item(&t, &st, i).expect("known item"),
                ])
            })
            .collect(),
    ))
}

/// `ets:info(Tab, Item)`.
pub(crate) fn info_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Atom(item) = &a[1] else {
        return Err(bad("info", a));
    };
    let Some(t) = info_table(p, "info", a)? else {
        return Ok(Term::atom_str("undefined"));
    };
    let st = t.state.read().unwrap();
    if st.deleted {
        return Ok(Term::atom_str("undefined"));
    }
    info_item(&t, &st, item.name()).ok_or_else(|| bad("info", a))
}

/// `ets:whereis(Name)`.
pub(crate) fn whereis_1(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Atom(n) = &a[0] else {
        return Err(bad("whereis", a));
    };
    Ok(p.rt
        .ets
        .whereis(*n)
        .map_or(Term::atom_str("undefined"), Term::Ref))
}

/// `ets:rename(Tab, Name)`.
pub(crate) fn rename_2(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Atom(name) = &a[1] else {
        return Err(bad("rename", a));
    };
    let t = table(p, "rename", a)?;
    {
        let st = t.state.read().unwrap();
        if st.deleted || (st.protection != Protection::Public && st.owner != p.pid) {
            return Err(bad("rename", a));
        }
    }
    p.rt.ets.rename(&t, *name).map_err(|_| bad("rename", a))?;
    let st = t.state.read().unwrap();
    Ok(t.handle(&st))
}

/// `ets:all()`.
pub(crate) fn all_0(p: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::list(p.rt.ets.all()))
}

/// `ets:give_away(Tab, Pid, GiftData)`.
pub(crate) fn give_away_3(p: &mut P, a: &[Term]) -> BifResult {
    let Term::Pid(to) = &a[1] else {
        return Err(bad("give_away", a));
    };
    let t = table(p, "give_away", a)?;
    let rt = p.rt.clone();
    let _g = rt.ets.transfer_lock();
    let handle = {
        let st = t.state.read().unwrap();
        if st.deleted || st.owner != p.pid || *to == p.pid || !rt.is_alive(*to) {
            return Err(bad("give_away", a));
        }
        t.handle(&st)
    };
    rt.ets.set_owner(&t, *to);
    rt.send(
        *to,
        Term::tuple(vec![
            Term::atom_str("ETS-TRANSFER"),
            handle,
            Term::Pid(p.pid),
            a[2].clone(),
        ]),
    );
    Ok(ok())
}

/// `ets:setopts(Tab, Opts)`: `{heir, ..}` and `{protection, P}`, by the owner.
pub(crate) fn setopts_2(p: &mut P, a: &[Term]) -> BifResult {
    let opts = match &a[1] {
        Term::Tuple(_) => vec![a[1].clone()],
        other => other.list_to_vec().ok_or_else(|| bad("setopts", a))?,
    };
    let t = table(p, "setopts", a)?;
    let mut st = t.state.write().unwrap();
    if st.deleted || st.owner != p.pid {
        return Err(bad("setopts", a));
    }
    let mut heir = st.heir.clone();
    let mut protection = st.protection;
    for o in &opts {
        let Some(tu) = o.as_tuple() else {
            return Err(bad("setopts", a));
        };
        match tu.elems() {
            [Term::Atom(k), ..] if k.name() == "heir" => {
                heir = heir_opt(tu.elems()).ok_or_else(|| bad("setopts", a))?
            }
            [Term::Atom(k), Term::Atom(v)] if k.name() == "protection" => {
                protection = match v.name() {
                    "public" => Protection::Public,
                    "protected" => Protection::Protected,
                    "private" => Protection::Private,
                    _ => return Err(bad("setopts", a)),
                }
            }
            _ => return Err(bad("setopts", a)),
        }
    }
    st.heir = heir;
    st.protection = protection;
    Ok(ok())
}

/// One `update_counter` operation: `{Pos, Incr}` or `{Pos, Incr, Threshold, SetValue}`.
struct CounterOp {
    pos: usize,
    incr: Term,
    clamp: Option<(Term, Term)>,
}

fn counter_op(t: &Term) -> Option<CounterOp> {
    match t {
        Term::Int(_) | Term::Big(_) => Some(CounterOp {
            pos: 2,
            incr: t.clone(),
            clamp: None,
        }),
        Term::Tuple(tu) => match tu.elems() {
            [Term::Int(pos), incr] if *pos >= 1 && incr.is_integer() => Some(CounterOp {
                pos: *pos as usize,
                incr: incr.clone(),
                clamp: None,
            }),
            [Term::Int(pos), incr, thr, set]
                if *pos >= 1 && incr.is_integer() && thr.is_integer() && set.is_integer() =>
            {
                Some(CounterOp {
                    pos: *pos as usize,
                    incr: incr.clone(),
                    clamp: Some((thr.clone(), set.clone())),
                })
            }
            _ => None,
        },
        _ => None,
    }
}

fn update_counter(p: &mut P, f: &str, a: &[Term], default: Option<&Term>) -> BifResult {
    let (ops, many) = match &a[2] {
        Term::Nil | Term::Cons(_) => (
            a[2].list_to_vec()
                .ok_or_else(|| bad(f, a))?
                .iter()
                .map(counter_op)
                .collect::<Option<Vec<_>>>(),
            true,
        ),
        other => (counter_op(other).map(|o| vec![o]), false),
    };
    let ops = ops.ok_or_else(|| bad(f, a))?;
    write(p, f, a, |p, st| {
        if !matches!(st.objects.kind, Kind::Set | Kind::OrderedSet) {
            return Err(bad(f, a));
        }
        let key = st.objects.key(&a[1]);
        let mut object = match (st.objects.lookup(&key).first(), default) {
            (Some(o), _) => o.clone(),
            (None, Some(Term::Tuple(d))) if d.len() >= st.objects.keypos => {
                let mut el = d.elems().to_vec();
                el[st.objects.keypos - 1] = a[1].clone();
                Term::tuple(el)
            }
            _ => return Err(bad(f, a)),
        };
        let mut results = Vec::with_capacity(ops.len());
        for op in &ops {
            let Term::Tuple(t) = &object else {
                unreachable!("objects are tuples")
            };
            if op.pos == st.objects.keypos || op.pos > t.len() || !t[op.pos - 1].is_integer() {
                return Err(bad(f, a));
            }
            let sum = super::erlang::plus_2(p, &[t[op.pos - 1].clone(), op.incr.clone()])
                .map_err(|_| bad(f, a))?;
            let value = match &op.clamp {
                Some((thr, set)) => {
                    use crate::term::order::compare;
                    use std::cmp::Ordering::{Greater, Less};
                    let up = !crate::term::order::is_negative_int(&op.incr);
                    match compare(&sum, thr) {
                        Greater if up => set.clone(),
                        Less if !up => set.clone(),
                        _ => sum,
                    }
                }
                None => sum,
            };
            let mut el = t.elems().to_vec();
            el[op.pos - 1] = value.clone();
            object = Term::tuple(el);
            results.push(value);
        }
        st.objects.insert(key, object);
        Ok(if many {
            Term::list(results)
        } else {
            results.pop().expect("one op")
        })
    })
}

/// `ets:update_counter(Tab, Key, UpdateOp)`.
pub(crate) fn update_counter_3(p: &mut P, a: &[Term]) -> BifResult {
    update_counter(p, "update_counter", a, None)
}

/// `ets:update_counter(Tab, Key, UpdateOp, Default)`.
pub(crate) fn update_counter_4(p: &mut P, a: &[Term]) -> BifResult {
    update_counter(p, "update_counter", a, Some(&a[3]))
}

/// `ets:update_element(Tab, Key, {Pos, Value} | [{Pos, Value}])`.
pub(crate) fn update_element_3(p: &mut P, a: &[Term]) -> BifResult {
    let f = "update_element";
    let specs = match &a[2] {
        Term::Tuple(_) => vec![a[2].clone()],
        other => other.list_to_vec().ok_or_else(|| bad(f, a))?,
    };
    let mut changes = Vec::with_capacity(specs.len());
    for s in &specs {
        match s.as_tuple().map(|t| t.elems()) {
            Some([Term::Int(pos), v]) if *pos >= 1 => changes.push((*pos as usize, v.clone())),
            _ => return Err(bad(f, a)),
        }
    }
    write(p, f, a, |_, st| {
        if !matches!(st.objects.kind, Kind::Set | Kind::OrderedSet) {
            return Err(bad(f, a));
        }
        let key = st.objects.key(&a[1]);
        let Some(Term::Tuple(t)) = st.objects.lookup(&key).first() else {
            return Ok(Term::Atom(atom::FALSE));
        };
        let mut el = t.elems().to_vec();
        for (pos, v) in &changes {
            if *pos == st.objects.keypos || *pos > el.len() {
                return Err(bad(f, a));
            }
            el[pos - 1] = v.clone();
        }
        st.objects.replace(&key, Term::tuple(el));
        Ok(ok())
    })
}

// ---------------------------------------------------------------------
// Match specifications
// ---------------------------------------------------------------------

fn compile(ms: &Term, f: &str, a: &[Term]) -> Result<MatchSpec, BifError> {
    MatchSpec::compile(ms).map_err(|_| bad(f, a))
}

/// The match specification of `match/2` (`'$$'`) or `match_object/2` (`'$_'`).
fn pattern_ms(pattern: &Term, result: &str) -> Term {
    Term::list(vec![Term::tuple(vec![
        pattern.clone(),
        Term::Nil,
        Term::list(vec![Term::atom_str(result)]),
    ])])
}

/// Runs `ms` over a table in order from after `after`, calling `each` with
/// every object and its result until it returns false (stop after this
/// key). Returns whether keys remain unvisited.
fn scan(
    p: &mut P,
    st: &State,
    ms: &MatchSpec,
    after: Option<&Term>,
    back: bool,
    mut each: impl FnMut(&Term, Term) -> bool,
) -> bool {
    let objects = &st.objects;
    if let (Some(k), None) = (ms.bound_key(objects.keypos), after) {
        for o in objects.lookup(&objects.key(&k)) {
            if let Some(r) = ms.run(p, o) {
                each(o, r);
            }
        }
        return false;
    }
    let after = after.map(|k| objects.key(k));
    let mut it = objects.entries_from(after.as_ref(), back);
    for (_, objs) in it.by_ref() {
        let mut go_on = true;
        for o in objs {
            if let Some(r) = ms.run(p, o) {
                go_on &= each(o, r);
            }
        }
        if !go_on {
            return it.next().is_some();
        }
    }
    false
}

/// The continuation of a chunked select: `{'$ferl_ets_cont', Tab, LastKey, Ms, Limit, Reverse}`.
fn continuation(tab: &Term, last: Term, ms: &Term, limit: usize, back: bool) -> Term {
    Term::tuple(vec![
        Term::atom_str("$ferl_ets_cont"),
        tab.clone(),
        last,
        ms.clone(),
        Term::Int(limit as i64),
        Term::bool(back),
    ])
}

fn select_all(p: &mut P, f: &str, a: &[Term], ms_term: &Term, back: bool) -> BifResult {
    let ms = compile(ms_term, f, a)?;
    read(p, f, a, |p, st| {
        let mut out = Vec::new();
        scan(p, st, &ms, None, back, |_, r| {
            out.push(r);
            true
        });
        Ok(Term::list(out))
    })
}

/// A chunk of at most about `limit` results after `after`.
#[allow(clippy::too_many_arguments)]
fn select_chunk(
    p: &mut P,
    f: &str,
    a: &[Term],
    tab: &Term,
    ms_term: &Term,
    limit: usize,
    after: Option<&Term>,
    back: bool,
) -> BifResult {
    let ms = compile(ms_term, f, a)?;
    let t = p.rt.ets.resolve(tab).ok_or_else(|| bad(f, a))?;
    let st = t.state.read().unwrap();
    if st.deleted || (st.protection == Protection::Private && st.owner != p.pid) {
        return Err(bad(f, a));
    }
    let mut out = Vec::new();
    let mut last: Option<Term> = None;
    let keypos = st.objects.keypos;
    let more = scan(p, &st, &ms, after, back, |o, r| {
        out.push(r);
        if let Term::Tuple(t) = o {
            last = Some(t[keypos - 1].clone());
        }
        out.len() < limit
    });
    if out.is_empty() {
        return Ok(end_of_table());
    }
    let cont = match (more, last) {
        (true, Some(k)) => continuation(tab, k, ms_term, limit, back),
        _ => end_of_table(),
    };
    Ok(Term::tuple(vec![Term::list(out), cont]))
}

fn limit_of(t: &Term, f: &str, a: &[Term]) -> Result<usize, BifError> {
    int(t)
        .filter(|n| *n >= 1)
        .map(|n| n as usize)
        .ok_or_else(|| bad(f, a))
}

/// `ets:select(Tab, MatchSpec)`.
pub(crate) fn select_2(p: &mut P, a: &[Term]) -> BifResult {
    select_all(p, "select", a, &a[1], false)
}

/// `ets:select(Tab, MatchSpec, Limit)`.
pub(crate) fn select_3(p: &mut P, a: &[Term]) -> BifResult {
    let limit = limit_of(&a[2], "select", a)?;
    select_chunk(p, "select", a, &a[0], &a[1], limit, None, false)
}

/// `ets:select_reverse(Tab, MatchSpec)`.
pub(crate) fn select_reverse_2(p: &mut P, a: &[Term]) -> BifResult {
    select_all(p, "select_reverse", a, &a[1], true)
}

/// `ets:select_reverse(Tab, MatchSpec, Limit)`.
pub(crate) fn select_reverse_3(p: &mut P, a: &[Term]) -> BifResult {
    let limit = limit_of(&a[2], "select_reverse", a)?;
    select_chunk(p, "select_reverse", a, &a[0], &a[1], limit, None, true)
}

/// `ets:select(Continuation)` (also `match/1`, `match_object/1`, `select_reverse/1`).
fn select_continue(p: &mut P, f: &str, a: &[Term]) -> BifResult {
    if matches!(&a[0], Term::Atom(e) if e.name() == "$end_of_table") {
        return Ok(end_of_table());
    }
    let Some(t) = a[0].as_tuple() else {
        return Err(bad(f, a));
    };
    match t.elems() {
        [Term::Atom(tag), tab, last, ms, Term::Int(limit), back]
            if tag.name() == "$ferl_ets_cont" && *limit >= 1 =>
        {
            let back = bool_opt(back).ok_or_else(|| bad(f, a))?;
            select_chunk(p, f, a, tab, ms, *limit as usize, Some(last), back)
        }
        _ => Err(bad(f, a)),
    }
}

/// `ets:select(Continuation)`.
pub(crate) fn select_1(p: &mut P, a: &[Term]) -> BifResult {
    select_continue(p, "select", a)
}

/// `ets:select_reverse(Continuation)`.
pub(crate) fn select_reverse_1(p: &mut P, a: &[Term]) -> BifResult {
    select_continue(p, "select_reverse", a)
}

/// `ets:match(Continuation)`.
pub(crate) fn match_1(p: &mut P, a: &[Term]) -> BifResult {
    select_continue(p, "match", a)
}

/// `ets:match_object(Continuation)`.
pub(crate) fn match_object_1(p: &mut P, a: &[Term]) -> BifResult {
    select_continue(p, "match_object", a)
}

/// `ets:match(Tab, Pattern)`.
pub(crate) fn match_2(p: &mut P, a: &[Term]) -> BifResult {
    select_all(p, "match", a, &pattern_ms(&a[1], "$$"), false)
}

/// `ets:match(Tab, Pattern, Limit)`.
pub(crate) fn match_3(p: &mut P, a: &[Term]) -> BifResult {
    let limit = limit_of(&a[2], "match", a)?;
    select_chunk(
        p,
        "match",
        a,
        &a[0],
        &pattern_ms(&a[1], "$$"),
        limit,
        None,
        false,
    )
}

/// `ets:match_object(Tab, Pattern)`.
pub(crate) fn match_object_2(p: &mut P, a: &[Term]) -> BifResult {
    select_all(p, "match_object", a, &pattern_ms(&a[1], "$_"), false)
}

/// `ets:match_object(Tab, Pattern, Limit)`.
pub(crate) fn match_object_3(p: &mut P, a: &[Term]) -> BifResult {
    let limit = limit_of(&a[2], "match_object", a)?;
    let ms = pattern_ms(&a[1], "$_");
    select_chunk(p, "match_object", a, &a[0], &ms, limit, None, false)
}

/// `ets:select_count(Tab, MatchSpec)`.
pub(crate) fn select_count_2(p: &mut P, a: &[Term]) -> BifResult {
    let ms = compile(&a[1], "select_count", a)?;
    read(p, "select_count", a, |p, st| {
        let mut n = 0i64;
        scan(p, st, &ms, None, false, |_, r| {
            n += r.is_true() as i64;
            true
        });
        Ok(Term::Int(n))
    })
}

fn select_delete(p: &mut P, f: &str, a: &[Term], ms_term: &Term) -> Result<i64, BifError> {
    let ms = compile(ms_term, f, a)?;
    write(p, f, a, |p, st| {
        let mut doomed = Vec::new();
        scan(p, st, &ms, None, false, |o, r| {
            if r.is_true() {
                doomed.push(o.clone());
            }
            true
        });
        let before = st.objects.size();
        for o in &doomed {
            let k = st.objects.key_of(o).expect("stored objects have keys");
            st.objects.delete_object(&k, o);
        }
        Ok((before - st.objects.size()) as i64)
    })
}

/// `ets:select_delete(Tab, MatchSpec)`.
pub(crate) fn select_delete_2(p: &mut P, a: &[Term]) -> BifResult {
    select_delete(p, "select_delete", a, &a[1]).map(Term::Int)
}

/// `ets:match_delete(Tab, Pattern)`.
pub(crate) fn match_delete_2(p: &mut P, a: &[Term]) -> BifResult {
    let ms = Term::list(vec![Term::tuple(vec![
        a[1].clone(),
        Term::Nil,
        Term::list(vec![ok()]),
    ])]);
    select_delete(p, "match_delete", a, &ms).map(|_| ok())
}

/// `ets:select_replace(Tab, MatchSpec)`: every result must keep its object's key.
pub(crate) fn select_replace_2(p: &mut P, a: &[Term]) -> BifResult {
    let f = "select_replace";
    let ms = compile(&a[1], f, a)?;
    write(p, f, a, |p, st| {
        let mut pairs = Vec::new();
        scan(p, st, &ms, None, false, |o, r| {
            pairs.push((o.clone(), r));
            true
        });
        // OTP refuses select_replace on bags (not duplicate bags) whatever
        // the results: a replacement could duplicate an object.
        if st.objects.kind == Kind::Bag {
            return Err(bad(f, a));
        }
        let mut changes = Vec::with_capacity(pairs.len());
        for (old, new) in pairs {
            let k = st.objects.key_of(&old).expect("stored objects have keys");
            match st.objects.key_of(&new) {
                Some(k2) if k2 == k && matches!(&new, Term::Tuple(_)) => {
                    changes.push((k, old, new))
                }
                _ => return Err(bad(f, a)),
            }
        }
        let n = changes.len() as i64;
        for (k, old, new) in changes {
            st.objects.replace_object(&k, &old, new);
        }
        Ok(Term::Int(n))
    })
}

/// The tag of a compiled match specification: `{'$ferl_match_spec', Ms}`.
const COMPILED: &str = "$ferl_match_spec";

/// `ets:match_spec_compile(MatchSpec)`.
pub(crate) fn match_spec_compile_1(_: &mut P, a: &[Term]) -> BifResult {
    compile(&a[0], "match_spec_compile", a)?;
    Ok(Term::tuple(vec![Term::atom_str(COMPILED), a[0].clone()]))
}

fn compiled(t: &Term) -> Option<&Term> {
    match t.as_tuple()?.elems() {
        [Term::Atom(tag), ms] if tag.name() == COMPILED => Some(ms),
        _ => None,
    }
}

/// `ets:is_compiled_ms(Term)`.
pub(crate) fn is_compiled_ms_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::bool(compiled(&a[0]).is_some()))
}

/// `ets:match_spec_run(List, CompiledMatchSpec)`.
pub(crate) fn match_spec_run_2(p: &mut P, a: &[Term]) -> BifResult {
    let f = "match_spec_run";
    let (Some(items), Some(ms)) = (a[0].list_to_vec(), compiled(&a[1])) else {
        return Err(bad(f, a));
    };
    let ms = compile(ms, f, a)?;
    Ok(Term::list(
        items.iter().filter_map(|o| ms.run(p, o)).collect(),
    ))
}

/// `ets:test_ms(Tuple, MatchSpec)`.
pub(crate) fn test_ms_2(p: &mut P, a: &[Term]) -> BifResult {
    match MatchSpec::compile(&a[1]) {
        Ok(ms) => {
            let r = ms.run(p, &a[0]).unwrap_or(Term::Atom(atom::FALSE));
            Ok(Term::tuple(vec![Term::atom_str("ok"), r]))
        }
        Err(Invalid(msg)) => {
            let msg =
                msg.unwrap_or_else(|| "Match program is not a valid match specification.".into());
            Ok(Term::tuple(vec![
                Term::atom_str("error"),
                Term::list(vec![Term::tuple(vec![
                    Term::atom_str("error"),
                    Term::string(&msg),
                ])]),
            ]))
        }
    }
}
