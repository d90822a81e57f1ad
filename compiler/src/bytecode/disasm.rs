//! A readable listing of a compiled module (`ferl disasm file.erl`), used to
//! review the lowering and in golden tests.

use super::module::Module;
use std::fmt::Write;

/// Renders every function of `m` with numbered instructions.
pub fn disassemble(m: &Module) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "module {} ({})", m.name, m.file);
    for (name, arity, f) in &m.exports {
        let _ = writeln!(out, "export {name}/{arity} -> #{f}");
    }
    for (i, imp) in m.imports.iter().enumerate() {
        let _ = writeln!(
            out,
            "import {i}: {}:{}/{}",
            imp.module, imp.function, imp.arity
        );
    }
    for (i, lit) in m.literals.iter().enumerate() {
        let _ = writeln!(out, "literal {i}: {lit:?}");
    }
    for (i, f) in m.functions.iter().enumerate() {
        let _ = writeln!(
            out,
            "\nfunction #{i} {}/{} (frame {})",
            f.name, f.arity, f.frame_size
        );
        for (ip, ins) in f.code.iter().enumerate() {
            let _ = writeln!(out, "  {ip:4} [{:>4}] {ins:?}", f.line_at(ip as u32));
        }
    }
    out
}
