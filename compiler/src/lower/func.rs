//! Per-function lowering state: the code being emitted, labels, the line
//! table, variable slots, the set of bound variables and the temporaries.

use super::Lowerer;
use crate::ast::Clause;
use crate::bytecode::instr::RAISE_FUNCTION_CLAUSE;
use crate::bytecode::{Function, Instr, Label, Reg, Src};
use std::collections::{HashMap, HashSet};

/// A named fun's view of itself, so `Name(Args)` inside it is a direct call.
#[derive(Clone)]
pub(crate) struct SelfFun {
    pub(crate) name: String,
    pub(crate) func: u32,
    pub(crate) lambda: u32,
    pub(crate) env: Vec<Reg>,
}

/// Where an expression's value goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Tgt {
    /// Into a slot.
    Reg(Reg),
    /// Returned from the function (tail position).
    Ret,
}

/// The state of one function being lowered.
pub(crate) struct FnState {
    pub(crate) name: String,
    pub(crate) arity: u32,
    code: Vec<Instr>,
    lines: Vec<(u32, u32)>,
    pub(crate) cur_line: u32,
    labels: Vec<u32>,
    pub(crate) vars: HashMap<String, Reg>,
    pub(crate) bound: HashSet<String>,
    pub(crate) unsafe_vars: HashMap<String, String>,
    next: u32,
    var_high: u32,
    max: u32,
    pub(crate) self_fun: Option<SelfFun>,
    pub(crate) guard_fail: Option<Label>,
    /// While a function clause's head is matched: variables aliased to
    /// argument slots, removed again when the clause ends.
    pub(crate) clause_aliases: Option<Vec<String>>,
}

impl FnState {
    pub(crate) fn new(name: String, arity: u32) -> FnState {
        FnState {
            name,
            arity,
            code: Vec::new(),
            lines: Vec::new(),
            cur_line: 0,
            labels: Vec::new(),
            vars: HashMap::new(),
            bound: HashSet::new(),
            unsafe_vars: HashMap::new(),
            next: arity,
            var_high: arity,
            max: arity,
            self_fun: None,
            guard_fail: None,
            clause_aliases: None,
        }
    }

    /// The finished function with labels resolved to instruction indexes.
    pub(crate) fn finish(mut self) -> Function {
        let labels = std::mem::take(&mut self.labels);
        for ins in &mut self.code {
            ins.map_labels(|l| labels[l as usize]);
        }
        super::peephole::mark_dead_values(&mut self.code);
        Function {
            name: self.name,
            arity: self.arity,
            frame_size: self.max.max(1),
            code: self.code,
            lines: self.lines,
        }
    }

    /// Reserves the slots `arity..n` (a lambda's captured values).
    pub(crate) fn reserve_params(&mut self, n: u32) {
        self.next = n;
        self.var_high = n;
        self.max = self.max.max(n);
    }
}

impl Lowerer<'_, '_, '_> {
    pub(crate) fn emit(&mut self, i: Instr) {
        let ip = self.f.code.len() as u32;
        let line = self.f.cur_line;
        if self.f.lines.last().map(|l| l.1) != Some(line) {
            self.f.lines.push((ip, line));
        }
        self.f.code.push(i);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.f.labels.push(u32::MAX);
        self.f.labels.len() as u32 - 1
    }

    pub(crate) fn bind(&mut self, l: Label) {
        self.f.labels[l as usize] = self.f.code.len() as u32;
    }

    pub(crate) fn temp(&mut self) -> Reg {
        let r = self.f.next;
        self.f.next += 1;
        self.f.max = self.f.max.max(self.f.next);
        r as Reg
    }

    /// `n` consecutive temporaries; returns the first.
    pub(crate) fn temps(&mut self, n: u32) -> Reg {
        let r = self.f.next;
        self.f.next += n;
        self.f.max = self.f.max.max(self.f.next);
        r as Reg
    }

    pub(crate) fn mark(&self) -> u32 {
        self.f.next
    }

    /// Frees temporaries above `mark`, never below a variable's slot.
    pub(crate) fn release(&mut self, mark: u32) {
        self.f.next = mark.max(self.f.var_high);
    }

    /// The slot of variable `name`, allocated on first use.
    pub(crate) fn var_slot(&mut self, name: &str) -> Reg {
        if let Some(&r) = self.f.vars.get(name) {
            return r;
        }
        let r = self.f.next;
        self.f.next += 1;
        self.f.var_high = self.f.next;
        self.f.max = self.f.max.max(self.f.next);
        self.f.vars.insert(name.to_string(), r as Reg);
        r as Reg
    }

    /// Stores `src` into `tgt`.
    pub(crate) fn finish_to(&mut self, src: Src, tgt: Tgt) {
        match tgt {
            Tgt::Reg(d) => {
                if src != Src::Reg(d) {
                    self.emit(Instr::Move { src, dst: d });
                }
            }
            Tgt::Ret => self.emit(Instr::Return { src }),
        }
    }

    /// A slot to compute into for `tgt` (a fresh temporary when returning).
    pub(crate) fn dst_for(&mut self, tgt: Tgt) -> Reg {
        match tgt {
            Tgt::Reg(d) => d,
            Tgt::Ret => self.temp(),
        }
    }

    /// After computing into `dst_for(tgt)`, returns it if needed.
    pub(crate) fn done(&mut self, dst: Reg, tgt: Tgt) {
        if tgt == Tgt::Ret {
            self.emit(Instr::Return { src: Src::Reg(dst) });
        }
    }

    /// The clauses of a function or fun: arguments in slots `0..arity`.
    pub(crate) fn function_clauses(&mut self, clauses: &[Clause], arity: u32) {
        if let Some(c) = clauses.first() {
            self.set_line(c.span);
        }
        let unsafe_before = self.f.unsafe_vars.clone();
        for c in clauses {
            let next = self.new_label();
            let saved = self.f.bound.clone();
            self.f.unsafe_vars = unsafe_before.clone();
            let mark = self.mark();
            self.set_line(c.span);
            self.f.clause_aliases = Some(Vec::new());
            for (i, p) in c.pats.iter().enumerate().take(arity as usize) {
                self.pattern(p, Src::Reg(i as Reg), next);
            }
            let aliases = self.f.clause_aliases.take().unwrap_or_default();
            self.guard(&c.guards, next);
            self.body(&c.body, Tgt::Ret);
            for a in aliases {
                self.f.vars.remove(&a);
            }
            self.bind(next);
            self.f.bound = saved;
            self.release(mark);
        }
        self.emit(Instr::RaiseError {
            kind: RAISE_FUNCTION_CLAUSE,
            value: Src::Nil,
        });
    }

    /// A sequence of expressions; the last one's value goes to `tgt`.
    pub(crate) fn body(&mut self, exprs: &[crate::ast::Expr], tgt: Tgt) {
        let n = exprs.len();
        for (i, e) in exprs.iter().enumerate() {
            if i + 1 == n {
                self.expr(e, tgt);
            } else {
                let mark = self.mark();
                let t = self.temp();
                self.expr(e, Tgt::Reg(t));
                self.release(mark);
            }
        }
        if n == 0 {
            let ok = self.atom_lit("ok");
            self.finish_to(ok, tgt);
        }
    }
}
