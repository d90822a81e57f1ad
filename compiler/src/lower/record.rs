//! Records, expanded to tuples as OTP's `erl_expand_records` does:
//! `#r{a = 1}` is `{r, 1, Default_b}`, `X#r.a` is `element(2, X)` after a
//! record test, and so on. A failed record test raises `{badrecord, X}`.

use super::func::Tgt;
use super::Lowerer;
use crate::ast::{Expr, RecordField};
use crate::bytecode::instr::RAISE_BADRECORD;
use crate::bytecode::{Instr, Label, Literal, Src};
use crate::source::Span;

impl Lowerer<'_, '_, '_> {
    fn record_fields(&mut self, s: Span, name: &str) -> Option<Vec<(String, Option<Expr>)>> {
        match self.m.records.get(name) {
            Some(r) => Some(
                r.fields
                    .iter()
                    .map(|f| (f.name.clone(), f.default.clone()))
                    .collect(),
            ),
            None => {
                self.error(s, format!("record {name} undefined"));
                None
            }
        }
    }

    /// The tuple position (1-based, the tag being 1) of `field` in record `name`.
    pub(crate) fn record_field_index(&mut self, s: Span, name: &str, field: &str) -> Option<usize> {
        let fields = self.record_fields(s, name)?;
        match fields.iter().position(|(f, _)| f == field) {
            Some(i) => Some(i + 2),
            None => {
                self.error(s, format!("field {field} undefined in record {name}"));
                None
            }
        }
    }

    pub(crate) fn record_info(&mut self, s: Span, what: &str, name: &str) -> Option<Literal> {
        let fields = self.record_fields(s, name)?;
        match what {
            "fields" => Some(Literal::List(
                fields.into_iter().map(|(f, _)| Literal::Atom(f)).collect(),
                Box::new(Literal::Nil),
            )),
            "size" => Some(Literal::Int((fields.len() + 1).into())),
            _ => {
                self.error(s, "illegal record info");
                None
            }
        }
    }

    fn check_fields(
        &mut self,
        s: Span,
        name: &str,
        decl: &[(String, Option<Expr>)],
        given: &[RecordField],
    ) {
        for g in given {
            if let Some(f) = &g.name {
                if !decl.iter().any(|(d, _)| d == f) {
                    self.error(
                        g.span.to(s),
                        format!("field {f} undefined in record {name}"),
                    );
                }
            }
        }
    }

    pub(crate) fn record_new(&mut self, s: Span, name: &str, given: &[RecordField], tgt: Tgt) {
        let Some(decl) = self.record_fields(s, name) else {
            return;
        };
        self.check_fields(s, name, &decl, given);
        let wildcard = given
            .iter()
            .find(|g| g.name.is_none())
            .map(|g| g.value.clone());
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let mut elems = vec![self.atom_lit(name)];
        for (f, default) in &decl {
            let v = match given.iter().find(|g| g.name.as_deref() == Some(f)) {
                Some(g) => g.value.clone(),
                None => match (&wildcard, default) {
                    (Some(w), _) => w.clone(),
                    (None, Some(d)) => d.clone(),
                    (None, None) => Expr::Atom(s, "undefined".into()),
                },
            };
            let src = self.src(&v);
            elems.push(src);
        }
        self.emit(Instr::PutTuple {
            elems: elems.into(),
            dst,
        });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    /// Tests that `v` is a record `name`, raising `{badrecord, V}` (or failing the guard).
    fn record_check(&mut self, s: Span, name: &str, size: usize, v: Src) {
        let tag = self.atom_lit(name);
        match self.f.guard_fail {
            Some(fail) => self.emit(Instr::IsTaggedTuple {
                src: v,
                arity: size as u32,
                tag,
                fail,
            }),
            None => {
                let bad = self.new_label();
                let ok = self.new_label();
                self.emit(Instr::IsTaggedTuple {
                    src: v,
                    arity: size as u32,
                    tag,
                    fail: bad,
                });
                self.emit(Instr::Jump { to: ok });
                self.bind(bad);
                self.set_line(s);
                self.emit(Instr::RaiseError {
                    kind: RAISE_BADRECORD,
                    value: v,
                });
                self.bind(ok);
            }
        }
    }

    pub(crate) fn record_access(
        &mut self,
        s: Span,
        base: &Expr,
        name: &str,
        field: &str,
        tgt: Tgt,
    ) {
        let Some(idx) = self.record_field_index(s, name, field) else {
            return;
        };
        let size = self.m.records[name].fields.len() + 1;
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let v = self.src(base);
        self.record_check(s, name, size, v);
        self.emit(Instr::GetElement {
            src: v,
            index: idx as u32 - 1,
            dst,
        });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    pub(crate) fn record_update(
        &mut self,
        s: Span,
        base: &Expr,
        name: &str,
        given: &[RecordField],
        tgt: Tgt,
    ) {
        let Some(decl) = self.record_fields(s, name) else {
            return;
        };
        self.check_fields(s, name, &decl, given);
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let v = self.src(base);
        // Values are evaluated before the record test, as OTP does.
        let mut news = Vec::new();
        for (f, _) in &decl {
            match given.iter().find(|g| g.name.as_deref() == Some(f)) {
                Some(g) => {
                    let src = self.src(&g.value);
                    news.push(Some(src));
                }
                None => news.push(None),
            }
        }
        self.record_check(s, name, decl.len() + 1, v);
        let mut elems = vec![self.atom_lit(name)];
        for (i, n) in news.into_iter().enumerate() {
            match n {
                Some(src) => elems.push(src),
                None => {
                    let t = self.temp();
                    self.emit(Instr::GetElement {
                        src: v,
                        index: i as u32 + 1,
                        dst: t,
                    });
                    elems.push(Src::Reg(t));
                }
            }
        }
        self.emit(Instr::PutTuple {
            elems: elems.into(),
            dst,
        });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    pub(crate) fn record_pattern(
        &mut self,
        s: Span,
        name: &str,
        given: &[RecordField],
        src: Src,
        fail: Label,
    ) {
        let Some(decl) = self.record_fields(s, name) else {
            return;
        };
        self.check_fields(s, name, &decl, given);
        let tag = self.atom_lit(name);
        self.emit(Instr::IsTaggedTuple {
            src,
            arity: decl.len() as u32 + 1,
            tag,
            fail,
        });
        let wildcard = given
            .iter()
            .find(|g| g.name.is_none())
            .map(|g| g.value.clone());
        for (i, (f, _)) in decl.iter().enumerate() {
            let p = match given.iter().find(|g| g.name.as_deref() == Some(f)) {
                Some(g) => g.value.clone(),
                None => match &wildcard {
                    Some(w) => w.clone(),
                    None => continue,
                },
            };
            let t = self.temp();
            self.emit(Instr::GetElement {
                src,
                index: i as u32 + 1,
                dst: t,
            });
            self.pattern(&p, Src::Reg(t), fail);
        }
    }
}
