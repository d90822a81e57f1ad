//! The dispatch loop (OTP `beam_emu.c`, `process_main`).
//!
//! [`run`] executes one process for a budget of reductions. A call pushes a
//! [`Frame`] and switches function; a return pops one; nothing recurses on
//! the Rust stack, so a process can stop at any call and resume later on
//! any thread. Each call or BIF costs one reduction; when the budget is
//! spent the process yields at the next call.

use super::bits;
use super::exception::{BifError, Class, Exception};
use super::stacktrace;
use crate::code::{ImportTarget, LoadedModule};
use crate::process::{Frame, Handler, Process};
use crate::term::{self, atom, number, order, Atom, Fun, FunKind, MapData, Term};
use ferl_compiler::bytecode::instr::*;
use ferl_compiler::bytecode::{ArithOp, CmpOp, Instr, Reg, Src, TypeTest};
use std::sync::Arc;

/// Why [`run`] returned.
pub enum RunResult {
    /// The budget ran out; run again later.
    Yield,
    /// Waiting in `receive` until a message arrives or the deadline in
    /// `recv_timer` passes.
    Wait,
    /// The process's initial call returned this value.
    Done(Term),
    /// The process ended with an uncaught exception.
    Crashed(Exception),
    /// The process was ended by an exit signal with this reason.
    Exited(Term),
    /// `halt/0,1` was called.
    Halt(i32),
}

/// What to do after an instruction that changes function.
pub(crate) enum Flow {
    /// Keep going in the (possibly new) current function.
    Continue,
    /// Stop running and report.
    Stop(RunResult),
}

#[inline(always)]
fn slot(p: &Process, r: Reg) -> usize {
    p.bp as usize + r as usize
}

/// Reads an operand (cloning the term: a count bump at most).
#[inline(always)]
fn get(p: &Process, s: Src) -> Term {
    match s {
        Src::Reg(r) => p.stack[slot(p, r)].clone(),
        Src::Lit(i) => p.module.literals[i as usize].clone(),
        Src::Int(i) => Term::Int(i),
        Src::Nil => Term::Nil,
    }
}

/// The value of an operand, moved out of its slot when `take` says this
/// is the slot's last use (see `Instr::Bif::last_use`).
#[inline]
fn arg(p: &mut Process, s: Src, take: bool) -> Term {
    match s {
        Src::Reg(r) if take => {
            let i = slot(p, r);
            std::mem::replace(&mut p.stack[i], Term::Nil)
        }
        _ => get(p, s),
    }
}

/// Calls built-in `f` with its `N` arguments in an array on the Rust stack,
/// moving those read for the last time (`last_use`) and putting them back
/// if the call fails (a handler may read them).
fn call_bif<const N: usize>(
    p: &mut Process,
    f: crate::bif::BifFn,
    args: &[Src],
    last_use: u8,
) -> super::BifResult {
    let a: [Term; N] = std::array::from_fn(|k| arg(p, args[k], last_use & (1 << k) != 0));
    let r = f(p, &a);
    if r.is_err() {
        for (k, v) in a.into_iter().enumerate() {
            if let (true, Src::Reg(r)) = (last_use & (1 << k) != 0, args[k]) {
                let i = slot(p, r);
                p.stack[i] = v;
            }
        }
    }
    r
}

/// An operand borrowed where it lives (a slot or the literal table), or a
/// small constant: reading it costs no reference-count traffic.
enum Val<'a> {
    Ref(&'a Term),
    /// Only immediates (`Int`, `Nil`), which own nothing: `ManuallyDrop`
    /// spares the drop glue a `Term` field would run.
    Own(std::mem::ManuallyDrop<Term>),
}

impl std::ops::Deref for Val<'_> {
    type Target = Term;
    #[inline(always)]
    fn deref(&self) -> &Term {
        match self {
            Val::Ref(t) => t,
            Val::Own(t) => t,
        }
    }
}

#[inline(always)]
fn val<'a>(p: &'a Process, lits: &'a [Term], s: Src) -> Val<'a> {
    match s {
        Src::Reg(r) => Val::Ref(&p.stack[slot(p, r)]),
        Src::Lit(i) => Val::Ref(&lits[i as usize]),
        Src::Int(i) => Val::Own(std::mem::ManuallyDrop::new(Term::Int(i))),
        Src::Nil => Val::Own(std::mem::ManuallyDrop::new(Term::Nil)),
    }
}

/// Integer comparison without going through the general term order.
#[inline(always)]
fn compare_fast(op: CmpOp, a: &Term, b: &Term) -> bool {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        return match op {
            CmpOp::ExactEq | CmpOp::Eq => x == y,
            CmpOp::ExactNe | CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        };
    }
    compare(op, a, b)
}

#[inline(always)]
fn set(p: &mut Process, r: Reg, t: Term) {
    let i = slot(p, r);
    release(std::mem::replace(&mut p.stack[i], t));
}

/// Shrinks the stack to `len` slots (a frame is left): slot by slot, so
/// immediates skip the drop glue a `truncate` would run on each.
#[inline]
fn shrink_stack(stack: &mut Vec<Term>, len: usize) {
    while stack.len() > len {
        if let Some(t) = stack.pop() {
            release(t);
        }
    }
}

/// Grows the stack to `len` slots of `[]` (a frame is entered), without
/// cloning a fill value per slot as `resize` does.
#[inline]
fn grow_stack(stack: &mut Vec<Term>, len: usize) {
    let n = len.saturating_sub(stack.len());
    stack.reserve(n);
    for _ in 0..n {
        stack.push(Term::Nil);
    }
}

/// Drops a term, skipping the (out-of-line) drop glue when there is
/// nothing to release.
#[inline(always)]
fn release(t: Term) {
    if t.is_immediate() {
        std::mem::forget(t);
    } else {
        drop(t);
    }
}

fn arith(op: ArithOp, a: &Term, b: &Term) -> Option<Term> {
    match op {
        ArithOp::Add => number::add(a, b),
        ArithOp::Sub => number::sub(a, b),
        ArithOp::Mul => number::mul(a, b),
        ArithOp::FDiv => number::fdiv(a, b),
        ArithOp::IDiv => number::idiv(a, b),
        ArithOp::Rem => number::rem(a, b),
        ArithOp::Band => number::band(a, b),
        ArithOp::Bor => number::bor(a, b),
        ArithOp::Bxor => number::bxor(a, b),
        ArithOp::Bsl => number::bsl(a, b),
        ArithOp::Bsr => number::bsr(a, b),
    }
}

fn arith_name(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "+",
        ArithOp::Sub => "-",
        ArithOp::Mul => "*",
        ArithOp::FDiv => "/",
        ArithOp::IDiv => "div",
        ArithOp::Rem => "rem",
        ArithOp::Band => "band",
        ArithOp::Bor => "bor",
        ArithOp::Bxor => "bxor",
        ArithOp::Bsl => "bsl",
        ArithOp::Bsr => "bsr",
    }
}

/// Evaluates a comparison.
pub fn compare(op: CmpOp, a: &Term, b: &Term) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::ExactEq => order::exact_eq(a, b),
        CmpOp::ExactNe => !order::exact_eq(a, b),
        CmpOp::Eq => order::eq(a, b),
        CmpOp::Ne => !order::eq(a, b),
        CmpOp::Lt => order::compare(a, b) == Less,
        CmpOp::Le => order::compare(a, b) != Greater,
        CmpOp::Gt => order::compare(a, b) == Greater,
        CmpOp::Ge => order::compare(a, b) != Less,
    }
}

fn type_test(t: TypeTest, v: &Term) -> bool {
    match t {
        TypeTest::Integer => v.is_integer(),
        TypeTest::Float => matches!(v, Term::Float(_)),
        TypeTest::Number => v.is_number(),
        TypeTest::Atom => matches!(v, Term::Atom(_)),
        TypeTest::Boolean => matches!(v, Term::Atom(a) if *a == atom::TRUE || *a == atom::FALSE),
        TypeTest::Pid => matches!(v, Term::Pid(_)),
        TypeTest::Reference => matches!(v, Term::Ref(_)),
        TypeTest::Port => false,
        TypeTest::Tuple => matches!(v, Term::Tuple(_)),
        TypeTest::List => v.is_list(),
        TypeTest::Cons => matches!(v, Term::Cons(_)),
        TypeTest::Nil => matches!(v, Term::Nil),
        TypeTest::Map => matches!(v, Term::Map(_)),
        TypeTest::Binary => matches!(v, Term::Binary(b) if b.is_binary()),
        TypeTest::Bitstring => matches!(v, Term::Binary(_)),
        TypeTest::Function => matches!(v, Term::Fun(_)),
    }
}

fn err(reason: Term) -> BifError {
    BifError::raise(Class::Error, reason)
}

fn tuple2(a: Term, b: Term) -> Term {
    Term::tuple(vec![a, b])
}

/// Runs `p` for up to `budget` reductions.
pub fn run(p: &mut Process, budget: i32) -> RunResult {
    let mut budget = budget;
    if let Err(reason) = super::signals::take_incoming(p) {
        return RunResult::Exited(reason);
    }
    // A process resumed on a RecvWait was waiting in `receive`.
    let at = &p.module.code.functions[p.func as usize].code[p.ip as usize];
    if let Instr::RecvWait { retry, .. } = at {
        if p.timed_out {
            p.recv_timer = None;
            p.mailbox.rewind();
            p.ip += 1;
        } else {
            p.ip = *retry;
        }
    }
    p.timed_out = false;
    loop {
        match step(p, &mut budget) {
            Ok(Flow::Continue) => {}
            Ok(Flow::Stop(r)) => return r,
            Err(e) => match raise(p, e) {
                Flow::Continue => {}
                Flow::Stop(r) => return r,
            },
        }
    }
}

/// Turns a native error into an exception and unwinds to the innermost
/// handler, or ends the process.
fn raise(p: &mut Process, e: BifError) -> Flow {
    let exc = match e {
        BifError::Raise {
            class,
            reason,
            frame,
            trace,
        } => {
            let trace = match trace {
                Some(t) => t,
                None => {
                    // `undef`, and `function_clause` from a native standing in
                    // for Erlang code, carry no error_info, as in OTP.
                    let with_info = !matches!(&reason,
                        Term::Atom(a) if *a == atom::UNDEF || *a == atom::FUNCTION_CLAUSE);
                    stacktrace::build(p, frame, with_info, None)
                }
            };
            Exception {
                class,
                reason,
                trace,
            }
        }
        BifError::Halt(n) => return Flow::Stop(RunResult::Halt(n)),
        BifError::Die(reason) => return Flow::Stop(RunResult::Exited(reason)),
        BifError::Apply(..)
        | BifError::ApplyFun(..)
        | BifError::Yield(_)
        | BifError::Wait
        | BifError::Restart(..) => {
            unreachable!("handled by the call path")
        }
    };
    throw(p, exc)
}

/// Unwinds to the innermost handler with `exc`.
pub(crate) fn throw(p: &mut Process, exc: Exception) -> Flow {
    let Some(h) = p.handlers.pop() else {
        return Flow::Stop(RunResult::Crashed(exc));
    };
    p.frames.truncate(h.depth as usize);
    let frame_size = h.module.code.functions[h.func as usize].frame_size as usize;
    p.module = h.module;
    p.func = h.func;
    p.ip = h.ip;
    p.bp = h.bp;
    shrink_stack(&mut p.stack, p.bp as usize + frame_size);
    p.builder = None;
    let d = slot(p, h.dst);
    p.stack[d] = Term::Atom(exc.class.atom());
    p.stack[d + 1] = exc.reason;
    p.stack[d + 2] = exc.trace;
    Flow::Continue
}

/// Enters function `func` of `module` with `args`, as a new frame
/// (`ret = Some(dst)`) or replacing the current one (`None`).
fn enter(p: &mut Process, module: Arc<LoadedModule>, func: u32, args: Vec<Term>, ret: Option<Reg>) {
    let frame_size = module.code.functions[func as usize].frame_size as usize;
    let new_bp = match ret {
        Some(dst) => {
            let cur_size = p.module.code.functions[p.func as usize].frame_size;
            let old_module = if Arc::ptr_eq(&p.module, &module) {
                None
            } else {
                Some(std::mem::replace(&mut p.module, module))
            };
            p.frames.push(Frame {
                module: old_module,
                func: p.func,
                ip: p.ip + 1,
                bp: p.bp,
                dst,
            });
            p.bp + cur_size
        }
        None => {
            if !Arc::ptr_eq(&p.module, &module) {
                // The caller's frame said "same module as the callee"; the
                // callee is now another module, so name the caller's.
                let old = std::mem::replace(&mut p.module, module);
                if let Some(top) = p.frames.last_mut() {
                    if top.module.is_none() {
                        top.module = Some(old);
                    }
                }
            }
            p.bp
        }
    };
    let base = new_bp as usize;
    shrink_stack(&mut p.stack, base);
    p.stack.extend(args);
    let len = base + frame_size.max(p.stack.len() - base);
    grow_stack(&mut p.stack, len);
    p.func = func;
    p.ip = 0;
    p.bp = new_bp;
}

/// Moves `n` arguments out of the current frame starting at slot `at`.
/// Calls native `f` with the `N` arguments at `at`, moved into an array
/// on the Rust stack (no vector).
fn call_native_taking<const N: usize>(
    p: &mut Process,
    f: crate::bif::BifFn,
    at: Reg,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    let s = slot(p, at);
    let a: [Term; N] = std::array::from_fn(|i| std::mem::replace(&mut p.stack[s + i], Term::Nil));
    call_native_with(p, f, &a, ret)
}

fn take_args(p: &mut Process, at: Reg, n: u16) -> Vec<Term> {
    let s = slot(p, at);
    (s..s + n as usize)
        .map(|i| std::mem::replace(&mut p.stack[i], Term::Nil))
        .collect()
}

/// Returns `v` to the caller, or ends the process.
fn do_return(p: &mut Process, v: Term) -> Flow {
    match p.frames.pop() {
        Some(f) => {
            shrink_stack(&mut p.stack, p.bp as usize);
            if let Some(m) = f.module {
                p.module = m;
            }
            p.func = f.func;
            p.ip = f.ip;
            p.bp = f.bp;
            set(p, f.dst, v);
            Flow::Continue
        }
        None => {
            p.stack.clear();
            Flow::Stop(RunResult::Done(v))
        }
    }
}

/// Delivers a value produced by a native call: into `dst`, or returned.
fn deliver(p: &mut Process, v: Term, ret: Option<Reg>) -> Flow {
    match ret {
        Some(d) => {
            set(p, d, v);
            p.ip += 1;
            Flow::Continue
        }
        None => do_return(p, v),
    }
}

/// Calls `M:F(Args)` by name: a native, or the newest exported code.
pub(crate) fn call_mfa(
    p: &mut Process,
    m: Atom,
    f: Atom,
    args: Vec<Term>,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    if let Some(bif) = crate::bif::lookup_atoms(m, f, args.len() as u32) {
        return call_native(p, bif, args, ret);
    }
    let arity = args.len() as u32;
    let lm = p.rt.code.get(m).ok();
    if let Some(lm) = lm {
        if let Some(func) = lm.export(f, arity) {
            enter(p, lm, func, args, ret);
            return Ok(Flow::Continue);
        }
        if f.name() == "module_info" && arity <= 1 {
            let mut a = vec![Term::Atom(m)];
            a.extend(args);
            let bif = crate::bif::lookup("erlang", "get_module_info", a.len() as u32)
                .expect("get_module_info is a BIF");
            return call_native(p, bif, a, ret);
        }
    }
    Err(BifError::Raise {
        class: Class::Error,
        reason: Term::Atom(atom::UNDEF),
        frame: Some((m, f, args)),
        trace: None,
    })
}

/// A remote call of import `import` with the `n` arguments at `at` (a
/// native taking up to three gets them through [`call_native_taking`]).
fn call_ext(
    p: &mut Process,
    module: &LoadedModule,
    import: u32,
    at: Reg,
    n: u16,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    if let ImportTarget::Bif(f) = &module.imports[import as usize] {
        match n {
            0 => return call_native_taking::<0>(p, *f, at, ret),
            1 => return call_native_taking::<1>(p, *f, at, ret),
            2 => return call_native_taking::<2>(p, *f, at, ret),
            3 => return call_native_taking::<3>(p, *f, at, ret),
            _ => {}
        }
    }
    let a = take_args(p, at, n);
    call_import(p, module, import, a, ret)
}

/// Calls a native function and handles its continuation requests.
fn call_native(
    p: &mut Process,
    bif: crate::bif::BifFn,
    args: Vec<Term>,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    call_native_with(p, bif, &args, ret)
}

/// [`call_native`] with the arguments in a slice.
fn call_native_with(
    p: &mut Process,
    bif: crate::bif::BifFn,
    args: &[Term],
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    match bif(p, args) {
        Ok(v) => Ok(deliver(p, v, ret)),
        Err(BifError::Apply(m, f, a)) => call_mfa(p, m, f, a, ret),
        Err(BifError::ApplyFun(fun, a)) => call_fun(p, fun, a, ret),
        // The instruction stays where it is: it runs again on wake-up.
        Err(BifError::Wait) => Ok(Flow::Stop(RunResult::Wait)),
        Err(BifError::Restart(m, f, a)) => {
            p.frames.clear();
            p.handlers.clear();
            call_mfa(p, m, f, a, None)
        }
        Err(BifError::Yield(v)) => {
            let flow = deliver(p, v, ret);
            match flow {
                Flow::Continue => Ok(Flow::Stop(RunResult::Yield)),
                other => Ok(other),
            }
        }
        Err(e) => Err(e),
    }
}

/// Calls a fun value with `args`.
pub(crate) fn call_fun(
    p: &mut Process,
    fun: Term,
    args: Vec<Term>,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    let Term::Fun(f) = &fun else {
        return Err(err(tuple2(Term::Atom(atom::BADFUN), fun)));
    };
    if f.arity() as usize != args.len() {
        let reason = tuple2(
            Term::Atom(atom::BADARITY),
            tuple2(fun.clone(), Term::list(args)),
        );
        return Err(err(reason));
    }
    match &f.kind {
        FunKind::Local {
            code, index, env, ..
        } => {
            let func = code.code.lambdas[*index as usize].function;
            let mut all = args;
            all.extend(env.iter().cloned());
            enter(p, code.clone(), func, all, ret);
            Ok(Flow::Continue)
        }
        FunKind::External { function, .. } => call_mfa(p, f.module, *function, args, ret),
    }
}

fn make_fun(p: &Process, lambda: u32, env: Vec<Term>) -> Term {
    let l = &p.module.code.lambdas[lambda as usize];
    Term::Fun(Arc::new(Fun {
        module: p.module.name,
        kind: FunKind::Local {
            code: p.module.clone(),
            index: lambda,
            arity: l.arity,
            env: env.into_boxed_slice(),
        },
    }))
}

/// Executes instructions until the current function changes or the process stops.
fn step(p: &mut Process, budget: &mut i32) -> Result<Flow, BifError> {
    let module = p.module.clone();
    let mut code = &module.code.functions[p.func as usize].code;
    let mut fsize = module.code.functions[p.func as usize].frame_size as usize;
    let lits = &module.literals[..];
    loop {
        let ins = &code[p.ip as usize];
        match ins {
            Instr::Move { src, dst } => {
                let v = get(p, *src);
                set(p, *dst, v);
            }
            Instr::PutList { head, tail, dst } => {
                let v = Term::cons(get(p, *head), get(p, *tail));
                set(p, *dst, v);
            }
            Instr::PutTuple { elems, dst } => {
                let v = Term::Tuple(term::Tuple::from_exact_iter(
                    elems.iter().map(|s| get(p, *s)),
                ));
                set(p, *dst, v);
            }
            Instr::PutMap { pairs, dst } => {
                let v: Vec<(Term, Term)> = pairs
                    .iter()
                    .map(|(k, x)| (get(p, *k), get(p, *x)))
                    .collect();
                set(p, *dst, Term::Map(Arc::new(MapData::from_pairs(v))));
            }
            Instr::UpdateMap {
                src,
                pairs,
                dst,
                fail,
            } => {
                let m = get(p, *src);
                let Term::Map(mm) = &m else {
                    if *fail != NO_FAIL {
                        p.ip = *fail;
                        continue;
                    }
                    return Err(err(tuple2(Term::Atom(atom::BADMAP), m)));
                };
                let mut data: MapData = (**mm).clone();
                for (k, v, exact) in pairs.iter() {
                    let (k, v) = (get(p, *k), get(p, *v));
                    if *exact {
                        if !data.update(&k, v) {
                            if *fail != NO_FAIL {
                                p.ip = *fail;
                                return Ok(Flow::Continue);
                            }
                            return Err(err(tuple2(Term::Atom(atom::BADKEY), k)));
                        }
                    } else {
                        data.insert(k, v);
                    }
                }
                set(p, *dst, Term::Map(Arc::new(data)));
            }
            Instr::MakeFun { lambda, env, dst } => {
                let env: Vec<Term> = env.iter().map(|s| get(p, *s)).collect();
                let f = make_fun(p, *lambda, env);
                set(p, *dst, f);
            }
            Instr::Arith {
                op,
                a,
                b,
                dst,
                fail,
            } => {
                let (x, y) = (val(p, lits, *a), val(p, lits, *b));
                let r = match (op, &*x, &*y) {
                    (ArithOp::Add, Term::Int(i), Term::Int(j)) => i.checked_add(*j).map(Term::Int),
                    (ArithOp::Sub, Term::Int(i), Term::Int(j)) => i.checked_sub(*j).map(Term::Int),
                    (ArithOp::Mul, Term::Int(i), Term::Int(j)) => i.checked_mul(*j).map(Term::Int),
                    _ => None,
                };
                let r = match r {
                    Some(v) => Ok(v),
                    None => arith(*op, &x, &y).ok_or_else(|| [(*x).clone(), (*y).clone()]),
                };
                match r {
                    Ok(v) => set(p, *dst, v),
                    Err(operands) => {
                        if *fail != NO_FAIL {
                            p.ip = *fail;
                            continue;
                        }
                        return Err(BifError::error_in(
                            Term::Atom(atom::BADARITH),
                            atom::ERLANG,
                            Atom::from_static(arith_name(*op)),
                            &operands,
                        ));
                    }
                }
            }
            Instr::Unary { op, a, dst, fail } => {
                let x = get(p, *a);
                let r = match op {
                    0 => number::neg(&x),
                    1 => x.is_number().then(|| x.clone()),
                    _ => number::bnot(&x),
                };
                match r {
                    Some(v) => set(p, *dst, v),
                    None => {
                        if *fail != NO_FAIL {
                            p.ip = *fail;
                            continue;
                        }
                        let name = ["-", "+", "bnot"][*op as usize];
                        return Err(BifError::error_in(
                            Term::Atom(atom::BADARITH),
                            atom::ERLANG,
                            Atom::from_static(name),
                            &[x],
                        ));
                    }
                }
            }
            Instr::Cmp { op, a, b, dst } => {
                let r = compare_fast(*op, &val(p, lits, *a), &val(p, lits, *b));
                set(p, *dst, Term::bool(r));
            }
            Instr::Test { op, a, b, fail } => {
                let ok = compare_fast(*op, &val(p, lits, *a), &val(p, lits, *b));
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::TypeTest { test, src, fail } => {
                let ok = type_test(*test, &val(p, lits, *src));
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::IsTupleOf { src, arity, fail } => {
                let ok =
                    matches!(&*val(p, lits, *src), Term::Tuple(t) if t.len() == *arity as usize);
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::IsTaggedTuple {
                src,
                arity,
                tag,
                fail,
            } => {
                let tagv = get(p, *tag);
                let ok = matches!(&get(p, *src), Term::Tuple(t)
                    if t.len() == *arity as usize && order::exact_eq(&t[0], &tagv));
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::IsTrue { src, fail } => {
                if !get(p, *src).is_true() {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::IsFunctionOf { src, arity, fail } => {
                let ar = get(p, *arity);
                let ok = match (&get(p, *src), &ar) {
                    (Term::Fun(f), Term::Int(n)) => f.arity() as i64 == *n,
                    (_, Term::Int(n)) if *n >= 0 => false,
                    _ => {
                        if *fail != NO_FAIL {
                            false
                        } else {
                            return Err(BifError::badarg(
                                atom::ERLANG,
                                Atom::from_static("is_function"),
                                &[get(p, *src), ar],
                            ));
                        }
                    }
                };
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::Bif {
                import,
                args,
                last_use,
                dst,
                fail,
            } => {
                let f = match &module.imports[*import as usize] {
                    ImportTarget::Bif(f) => *f,
                    ImportTarget::Send => {
                        if let (Term::Pid(to), [_, msg]) = (&*val(p, lits, args[0]), &args[..]) {
                            let to = *to;
                            let msg = arg(p, *msg, *last_use & 0b10 != 0);
                            if *dst != DISCARD {
                                set(p, *dst, msg.clone());
                            }
                            p.send(to, msg);
                            p.ip += 1;
                            continue;
                        }
                        crate::bif::process::send_2
                    }
                    ImportTarget::Remote {
                        module: m,
                        function,
                        ..
                    } => {
                        // The compiler only emits Bif for natives; a missing one is undef.
                        let a: Vec<Term> = args.iter().map(|s| get(p, *s)).collect();
                        return Err(BifError::Raise {
                            class: Class::Error,
                            reason: Term::Atom(atom::UNDEF),
                            frame: Some((*m, *function, a)),
                            trace: None,
                        });
                    }
                };
                // Most built-ins take one to three arguments: see `call_bif`.
                let r = match args.len() {
                    0 => f(p, &[]),
                    1 => call_bif::<1>(p, f, args, *last_use),
                    2 => call_bif::<2>(p, f, args, *last_use),
                    3 => call_bif::<3>(p, f, args, *last_use),
                    _ => {
                        let a: Vec<Term> = args.iter().map(|s| get(p, *s)).collect();
                        f(p, &a)
                    }
                };
                match r {
                    Ok(v) if *dst == DISCARD => release(v),
                    Ok(v) => set(p, *dst, v),
                    Err(e) => {
                        if *fail != NO_FAIL {
                            p.ip = *fail;
                            continue;
                        }
                        return Err(e);
                    }
                }
            }
            Instr::GetElement { src, index, dst } => {
                let v = match &*val(p, lits, *src) {
                    Term::Tuple(t) => t[*index as usize].clone(),
                    _ => unreachable!("GetElement on a non-tuple"),
                };
                set(p, *dst, v);
            }
            Instr::GetList { src, hd, tl } => {
                let (h, t) = match &*val(p, lits, *src) {
                    Term::Cons(c) => (c.head.clone(), c.tail.clone()),
                    _ => unreachable!("GetList on a non-list"),
                };
                set(p, *hd, h);
                set(p, *tl, t);
            }
            Instr::GetMapValue {
                src,
                key,
                dst,
                fail,
            } => {
                let k = get(p, *key);
                let v = match &get(p, *src) {
                    Term::Map(m) => m.get(&k).cloned(),
                    _ => None,
                };
                match v {
                    Some(v) => set(p, *dst, v),
                    None => {
                        p.ip = *fail;
                        continue;
                    }
                }
            }
            Instr::BsStart {
                src,
                ctx,
                pos,
                fail,
            } => {
                let v = get(p, *src);
                if !matches!(v, Term::Binary(_)) {
                    p.ip = *fail;
                    continue;
                }
                set(p, *ctx, v);
                set(p, *pos, Term::Int(0));
            }
            Instr::BsGet {
                ctx,
                pos,
                kind,
                size,
                unit,
                flags,
                dst,
                fail,
            } => {
                let size = get(p, *size);
                let (Term::Binary(b), Term::Int(at)) = (p.reg(*ctx), p.reg(*pos)) else {
                    unreachable!("BsGet without a match context")
                };
                let at = *at as usize;
                let got = bits::get_segment(b, at, *kind, &size, *unit, *flags);
                match got {
                    Some((v, used)) => {
                        let np = at + used;
                        set(p, *pos, Term::Int(np as i64));
                        set(p, *dst, v);
                    }
                    None => {
                        p.ip = *fail;
                        continue;
                    }
                }
            }
            Instr::BsTestEnd { ctx, pos, fail } => {
                let ok = match (p.reg(*ctx), p.reg(*pos)) {
                    (Term::Binary(b), Term::Int(at)) => b.bit_len() == *at as usize,
                    _ => false,
                };
                if !ok {
                    p.ip = *fail;
                    continue;
                }
            }
            Instr::BsInit => p.builder = Some(Default::default()),
            Instr::BsPut {
                kind,
                value,
                size,
                unit,
                flags,
                fail,
            } => {
                let v = get(p, *value);
                let s = get(p, *size);
                let w = p.builder.as_mut().expect("BsPut outside BsInit");
                if let Err(reason) = bits::put_segment(w, &v, *kind, &s, *unit, *flags) {
                    p.builder = None;
                    if *fail != NO_FAIL {
                        p.ip = *fail;
                        continue;
                    }
                    return Err(err(reason));
                }
            }
            Instr::BsFinish { dst } => {
                let w = p.builder.take().expect("BsFinish outside BsInit");
                set(p, *dst, Term::Binary(Arc::new(w.finish())));
            }
            Instr::Jump { to } => {
                p.ip = *to;
                continue;
            }
            Instr::Call { func, args, n, dst } => {
                // A local call: same module, so the loop carries on in the callee.
                *budget -= 1;
                p.reductions += 1;
                let callee = &module.code.functions[*func as usize];
                let new_bp = p.bp as usize + fsize;
                let callee_size = callee.frame_size as usize;
                shrink_stack(&mut p.stack, new_bp);
                // The arguments (in the caller's frame, below `new_bp`) are
                // pushed as the callee's first slots; the rest start as `[]`.
                p.stack.reserve(callee_size);
                let s = slot(p, *args);
                for i in 0..*n as usize {
                    let v = std::mem::replace(&mut p.stack[s + i], Term::Nil);
                    p.stack.push(v);
                }
                grow_stack(&mut p.stack, new_bp + callee_size);
                p.frames.push(Frame {
                    module: None,
                    func: p.func,
                    ip: p.ip + 1,
                    bp: p.bp,
                    dst: *dst,
                });
                p.func = *func;
                p.ip = 0;
                p.bp = new_bp as u32;
                code = &callee.code;
                fsize = callee_size;
                if *budget <= 0 {
                    return Ok(Flow::Stop(RunResult::Yield));
                }
                continue;
            }
            Instr::TailCall { func, args, n } => {
                *budget -= 1;
                p.reductions += 1;
                let base = p.bp as usize;
                let s = slot(p, *args);
                for i in 0..*n as usize {
                    let v = std::mem::replace(&mut p.stack[s + i], Term::Nil);
                    release(std::mem::replace(&mut p.stack[base + i], v));
                }
                if *func != p.func {
                    let callee = &module.code.functions[*func as usize];
                    fsize = callee.frame_size as usize;
                    shrink_stack(&mut p.stack, base + *n as usize);
                    grow_stack(&mut p.stack, base + fsize);
                    p.func = *func;
                    code = &callee.code;
                }
                p.ip = 0;
                if *budget <= 0 {
                    return Ok(Flow::Stop(RunResult::Yield));
                }
                continue;
            }
            Instr::CallExt {
                import,
                args,
                n,
                dst,
            } => {
                *budget -= 1;
                p.reductions += 1;
                let flow = call_ext(p, &module, *import, *args, *n, Some(*dst))?;
                return after_call(flow, budget);
            }
            Instr::TailCallExt { import, args, n } => {
                *budget -= 1;
                p.reductions += 1;
                let flow = call_ext(p, &module, *import, *args, *n, None)?;
                return after_call(flow, budget);
            }
            Instr::Apply { args, n, dst } => {
                *budget -= 1;
                p.reductions += 1;
                let mut a = take_args(p, *args, *n + 2);
                let rest = a.split_off(2);
                let flow = apply(p, &a[0], &a[1], rest, Some(*dst))?;
                return after_call(flow, budget);
            }
            Instr::TailApply { args, n } => {
                *budget -= 1;
                p.reductions += 1;
                let mut a = take_args(p, *args, *n + 2);
                let rest = a.split_off(2);
                let flow = apply(p, &a[0], &a[1], rest, None)?;
                return after_call(flow, budget);
            }
            Instr::CallFun { args, n, dst } => {
                *budget -= 1;
                p.reductions += 1;
                let mut a = take_args(p, *args, *n + 1);
                let f = a.pop().unwrap();
                let flow = call_fun(p, f, a, Some(*dst))?;
                return after_call(flow, budget);
            }
            Instr::TailCallFun { args, n } => {
                *budget -= 1;
                p.reductions += 1;
                let mut a = take_args(p, *args, *n + 1);
                let f = a.pop().unwrap();
                let flow = call_fun(p, f, a, None)?;
                return after_call(flow, budget);
            }
            Instr::Return { src } => {
                // The frame is discarded: move the value out of its slot.
                let v = arg(p, *src, true);
                if p.frames.last().is_some_and(|f| f.module.is_none()) {
                    // Back to a caller in this module: carry on in the loop.
                    let f = p.frames.pop().unwrap();
                    shrink_stack(&mut p.stack, p.bp as usize);
                    p.func = f.func;
                    p.ip = f.ip;
                    p.bp = f.bp;
                    set(p, f.dst, v);
                    let cur = &module.code.functions[p.func as usize];
                    code = &cur.code;
                    fsize = cur.frame_size as usize;
                    continue;
                }
                return Ok(do_return(p, v));
            }
            Instr::RaiseError { kind, value } => {
                let v = get(p, *value);
                return Err(raise_error(p, *kind, v));
            }
            Instr::TryBegin { handler, dst } => {
                p.handlers.push(Handler {
                    depth: p.frames.len() as u32,
                    module: module.clone(),
                    func: p.func,
                    ip: *handler,
                    bp: p.bp,
                    dst: *dst,
                });
            }
            Instr::TryEnd => {
                p.handlers.pop();
            }
            Instr::Reraise { src } => {
                let class = Class::from_term(p.reg(*src)).unwrap_or(Class::Error);
                let reason = p.reg(*src + 1).clone();
                let trace = p.reg(*src + 2).clone();
                return Ok(throw(
                    p,
                    Exception {
                        class,
                        reason,
                        trace,
                    },
                ));
            }
            Instr::CatchValue { src, dst } => {
                let class = Class::from_term(p.reg(*src)).unwrap_or(Class::Error);
                let reason = p.reg(*src + 1).clone();
                let v = match class {
                    Class::Throw => reason,
                    Class::Exit => tuple2(Term::Atom(atom::EXIT_UPPER), reason),
                    Class::Error => {
                        let trace = p.reg(*src + 2).clone();
                        tuple2(Term::Atom(atom::EXIT_UPPER), tuple2(reason, trace))
                    }
                };
                set(p, *dst, v);
            }
            Instr::BuildStacktrace { src, dst } => {
                let v = p.reg(*src).clone();
                set(p, *dst, v);
            }
            Instr::RecvPeek { dst, empty } => {
                if p.mailbox.at_end() {
                    super::signals::take_incoming(p).map_err(BifError::Die)?;
                }
                match p.mailbox.take_current() {
                    Some(m) => {
                        p.recv_reg = *dst;
                        set(p, *dst, m);
                    }
                    None => {
                        p.ip = *empty;
                        continue;
                    }
                }
            }
            Instr::RecvNext { to } => {
                // No clause matched: the message goes back where it was.
                let i = slot(p, p.recv_reg);
                let m = std::mem::replace(&mut p.stack[i], Term::Nil);
                p.mailbox.put_back(m);
                p.ip = *to;
                continue;
            }
            Instr::RecvAccept => {
                p.mailbox.accept();
                if let Some(t) = p.recv_timer.take() {
                    p.rt.disarm_receive_timeout(t);
                }
            }
            Instr::RecvWait { timeout, retry } => {
                let t = get(p, *timeout);
                match &t {
                    Term::Atom(a) if *a == atom::INFINITY => {}
                    Term::Int(0) => {
                        p.mailbox.rewind();
                        p.ip += 1;
                        continue;
                    }
                    Term::Int(ms) if *ms > 0 => {
                        // Armed once per receive: a wake-up that brings no
                        // matching message waits for the same deadline.
                        if p.recv_timer.is_none() {
                            p.recv_timer = Some(p.rt.arm_receive_timeout(p.pid, *ms as u64));
                        }
                    }
                    // Beyond any clock: the same as infinity.
                    Term::Big(b) if b.sign() == num_bigint::Sign::Plus => {}
                    _ => {
                        return Err(err(Term::Atom(Atom::from_static("timeout_value"))));
                    }
                }
                // Stay on this instruction: `run` resumes at `retry` when a
                // message arrives, or after it when the deadline passed.
                let _ = retry;
                return Ok(Flow::Stop(RunResult::Wait));
            }
        }
        p.ip += 1;
    }
}

fn yield_if_spent(budget: &mut i32) -> Result<Flow, BifError> {
    if *budget <= 0 {
        Ok(Flow::Stop(RunResult::Yield))
    } else {
        Ok(Flow::Continue)
    }
}

fn after_call(flow: Flow, budget: &mut i32) -> Result<Flow, BifError> {
    match flow {
        Flow::Continue => yield_if_spent(budget),
        stop => Ok(stop),
    }
}

fn call_import(
    p: &mut Process,
    module: &LoadedModule,
    import: u32,
    args: Vec<Term>,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    match &module.imports[import as usize] {
        ImportTarget::Bif(f) => call_native(p, *f, args, ret),
        ImportTarget::Send => call_native(p, crate::bif::process::send_2, args, ret),
        ImportTarget::Remote {
            module: m,
            function,
            ..
        } => call_mfa(p, *m, *function, args, ret),
    }
}

fn apply(
    p: &mut Process,
    m: &Term,
    f: &Term,
    args: Vec<Term>,
    ret: Option<Reg>,
) -> Result<Flow, BifError> {
    match (m, f) {
        (Term::Atom(m), Term::Atom(f)) => call_mfa(p, *m, *f, args, ret),
        _ => {
            let reason = tuple2(Term::Atom(atom::BADFUN), tuple2(m.clone(), f.clone()));
            Err(err(reason))
        }
    }
}

fn raise_error(p: &mut Process, kind: u8, v: Term) -> BifError {
    let tagged = |tag: &str, v: Term| tuple2(Term::atom_str(tag), v);
    let reason = match kind {
        RAISE_BADMATCH => tagged("badmatch", v),
        RAISE_CASE_CLAUSE => tagged("case_clause", v),
        RAISE_IF_CLAUSE => Term::Atom(atom::IF_CLAUSE),
        RAISE_TRY_CLAUSE => tagged("try_clause", v),
        RAISE_BADRECORD => tagged("badrecord", v),
        RAISE_BADARG => tagged("badarg", v),
        RAISE_FUNCTION_CLAUSE => {
            let arity = p.module.fn_names[p.func as usize].1 as usize;
            let args: Vec<Term> = (0..arity)
                .map(|i| p.stack[p.bp as usize + i].clone())
                .collect();
            let trace = stacktrace::build(p, None, false, Some(args));
            return BifError::Raise {
                class: Class::Error,
                reason: Term::Atom(atom::FUNCTION_CLAUSE),
                frame: None,
                trace: Some(trace),
            };
        }
        _ => v,
    };
    err(reason)
}
