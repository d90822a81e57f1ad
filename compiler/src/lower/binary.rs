//! The bit syntax: building binaries segment by segment, and matching them
//! with a (bitstring, position) pair of slots as the match context, so a
//! `Rest/binary` tail is a view on the same bytes.

use super::func::Tgt;
use super::Lowerer;
use crate::ast::{BinElement, BinSpec, Expr};
use crate::bytecode::instr::BinFlags;
use crate::bytecode::{BinSegKind, CmpOp, Instr, Label, Src};
use crate::source::Span;

/// A segment's type specification after defaults.
struct SegType {
    kind: BinSegKind,
    unit: u32,
    flags: BinFlags,
}

fn seg_type(specs: &[BinSpec]) -> Result<SegType, String> {
    let mut kind = BinSegKind::Integer;
    let mut unit = None;
    let mut flags = BinFlags::default();
    for s in specs {
        match s {
            BinSpec::Unit(u) => unit = Some(*u),
            BinSpec::Name(n) => match n.as_str() {
                "integer" => kind = BinSegKind::Integer,
                "float" => kind = BinSegKind::Float,
                "binary" | "bytes" => kind = BinSegKind::Binary,
                "bitstring" | "bits" => kind = BinSegKind::Bitstring,
                "utf8" => kind = BinSegKind::Utf8,
                "utf16" => kind = BinSegKind::Utf16,
                "utf32" => kind = BinSegKind::Utf32,
                "signed" => flags.signed = true,
                "unsigned" => flags.signed = false,
                "big" => flags.little = false,
                "little" | "native" => flags.little = true,
                other => return Err(format!("undefined bit type '{other}'")),
            },
        }
    }
    let unit = unit.unwrap_or(match kind {
        BinSegKind::Binary => 8,
        _ => 1,
    });
    Ok(SegType { kind, unit, flags })
}

/// The default size of a segment without one (`Nil` = everything / natural size).
fn default_size(kind: BinSegKind) -> Src {
    match kind {
        BinSegKind::Integer => Src::Int(8),
        BinSegKind::Float => Src::Int(64),
        _ => Src::Nil,
    }
}

impl Lowerer<'_, '_, '_> {
    pub(crate) fn binary_construct(&mut self, s: Span, segs: &[BinElement], tgt: Tgt) {
        self.set_line(s);
        let mark = self.mark();
        let dst = self.dst_for(tgt);
        let mut puts = Vec::new();
        for seg in segs {
            let ty = match seg_type(&seg.specs) {
                Ok(t) => t,
                Err(m) => {
                    self.error(seg.span, m);
                    continue;
                }
            };
            if let Expr::String(_, chars) = &seg.value {
                let size = match &seg.size {
                    Some(e) => self.src(e),
                    None => default_size(ty.kind),
                };
                for &c in chars {
                    puts.push((ty.kind, Src::Int(c as i64), size, ty.unit, ty.flags));
                }
                continue;
            }
            let v = self.src(&seg.value);
            let size = match &seg.size {
                Some(e) => self.src(e),
                None => default_size(ty.kind),
            };
            puts.push((ty.kind, v, size, ty.unit, ty.flags));
        }
        self.set_line(s);
        self.emit(Instr::BsInit);
        let fail = self.f.guard_fail.unwrap_or(crate::bytecode::NO_FAIL);
        for (kind, value, size, unit, flags) in puts {
            self.emit(Instr::BsPut {
                kind,
                value,
                size,
                unit,
                flags,
                fail,
            });
        }
        self.emit(Instr::BsFinish { dst });
        self.release(mark.max(dst as u32 + 1));
        self.done(dst, tgt);
    }

    pub(crate) fn binary_pattern(&mut self, segs: &[BinElement], src: Src, fail: Label) {
        let ctx = self.temp();
        let pos = self.temp();
        self.emit(Instr::BsStart {
            src,
            ctx,
            pos,
            fail,
        });
        for seg in segs {
            let ty = match seg_type(&seg.specs) {
                Ok(t) => t,
                Err(m) => {
                    self.error(seg.span, m);
                    continue;
                }
            };
            let saved = self.f.guard_fail.replace(fail);
            let size = match &seg.size {
                Some(e) => self.src(e),
                None => default_size(ty.kind),
            };
            self.f.guard_fail = saved;
            let values: Vec<Expr> = match &seg.value {
                Expr::String(sp, chars) => chars
                    .iter()
                    .map(|&c| Expr::Integer(*sp, c.into()))
                    .collect(),
                v => vec![v.clone()],
            };
            for v in values {
                let t = self.temp();
                self.emit(Instr::BsGet {
                    ctx,
                    pos,
                    kind: ty.kind,
                    size,
                    unit: ty.unit,
                    flags: ty.flags,
                    dst: t,
                    fail,
                });
                match &v {
                    Expr::Float(..) | Expr::Integer(..) | Expr::UnOp(..) => {
                        // Floats in patterns compare by value (`==`), integers exactly.
                        let l = super::const_literal(&v);
                        match l {
                            Some(l) => {
                                let lit = self.src_of_literal(l);
                                self.emit(Instr::Test {
                                    op: CmpOp::Eq,
                                    a: Src::Reg(t),
                                    b: lit,
                                    fail,
                                });
                            }
                            None => self.error(v.span(), "illegal pattern"),
                        }
                    }
                    _ => self.pattern(&v, Src::Reg(t), fail),
                }
            }
        }
        self.emit(Instr::BsTestEnd { ctx, pos, fail });
    }
}
