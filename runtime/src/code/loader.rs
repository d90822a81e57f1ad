//! Turns source into a [`LoadedModule`]: compile, build the literal table,
//! bind imports to natives or remote functions, and patch functions that
//! are implemented natively (the `erlang:nif_error(undef)` stubs of
//! `lists:reverse/2` and friends) to call the native.

use super::path::{CodePath, Includes, Source};
use super::{ImportTarget, LoadError, LoadedModule};
use crate::bif;
use crate::term::{Atom, Bitstring, MapData, Term};
use ferl_compiler::bytecode::{Import, Instr, Literal, Module};
use ferl_compiler::{diagnostic, SourceMap};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// Compiles and links a module from source.
pub fn load(src: &Source, path: &CodePath) -> Result<LoadedModule, LoadError> {
    let module = compile(src, path).map_err(LoadError::Compile)?;
    link(module).map_err(LoadError::Compile)
}

/// Compiles a source to bytecode, rendering errors as `erlc` does. The
/// warnings of a module read from a file (not of the embedded library)
/// go to stderr, as `erlc` prints them, and the run goes on.
pub fn compile(src: &Source, path: &CodePath) -> Result<Module, String> {
    let (module, warnings) = check(src, path)?;
    if src.dir.is_some() && !warnings.is_empty() {
        eprint!("{warnings}");
    }
    Ok(module)
}

/// Compiles a source; returns the module and its rendered warnings, or
/// the rendered errors and warnings.
pub fn check(src: &Source, path: &CodePath) -> Result<(Module, String), String> {
    let mut map = SourceMap::new();
    let file = if src.undecodable {
        map.add_undecodable(src.display.clone(), src.text.clone())
    } else {
        map.add(src.display.clone(), src.text.clone())
    };
    let includes = Includes {
        path,
        dir: src.dir.as_deref(),
    };
    match ferl_compiler::compile_with(&mut map, file, &includes, &path.lint, &path.defines) {
        Ok((m, warnings)) => Ok((m, diagnostic::render_all(&warnings, &map))),
        Err(diags) => Err(diagnostic::render_all(&diags, &map)),
    }
}

/// Compiles the file at `p` (a program given on the command line).
pub fn load_file(p: &Path, path: &CodePath) -> Result<LoadedModule, LoadError> {
    load(&file_source(p)?, path)
}

/// The source of the file at `p`, as a module given on the command line.
pub fn file_source(p: &Path) -> Result<Source, LoadError> {
    let (text, undecodable) = std::fs::read(p)
        .map(|b| ferl_compiler::source::decode_source_checked(&b))
        .map_err(|e| LoadError::Compile(format!("{}: {e}\n", p.display())))?;
    let text = strip_shebang(text);
    Ok(Source {
        display: p.to_string_lossy().into_owned(),
        text,
        dir: p.parent().map(Path::to_path_buf),
        undecodable,
    })
}

/// Blanks a `#!` first line (keeping line numbers).
fn strip_shebang(text: String) -> String {
    if text.starts_with("#!") {
        let end = text.find('\n').unwrap_or(text.len());
        let mut s = String::with_capacity(text.len());
        s.push('%');
        s.push_str(&text[end..]);
        s
    } else {
        text
    }
}

fn atom(name: &str) -> Result<Atom, String> {
    Atom::intern(name).map_err(|_| "system_limit: atom table full".to_string())
}

/// Builds the term for a literal.
pub fn literal_term(l: &Literal) -> Result<Term, String> {
    Ok(match l {
        Literal::Int(i) => Term::from_bigint(i.clone()),
        Literal::Float(f) => Term::Float(*f),
        Literal::Atom(a) => Term::Atom(atom(a)?),
        Literal::Nil => Term::Nil,
        Literal::String(s) => Term::list(s.iter().map(|&c| Term::Int(c as i64)).collect()),
        Literal::List(elems, tail) => Term::list_with_tail(
            elems.iter().map(literal_term).collect::<Result<_, _>>()?,
            literal_term(tail)?,
        ),
        Literal::Tuple(elems) => {
            Term::tuple(elems.iter().map(literal_term).collect::<Result<_, _>>()?)
        }
        Literal::Map(pairs) => {
            let mut v = Vec::with_capacity(pairs.len());
            for (k, x) in pairs {
                v.push((literal_term(k)?, literal_term(x)?));
            }
            Term::Map(Arc::new(MapData::from_pairs(v)))
        }
        Literal::Bits(bytes, bits) => {
            Term::Binary(Arc::new(Bitstring::from_bits(bytes.clone(), *bits)))
        }
    })
}

/// Links compiled bytecode into a loadable module.
pub fn link(mut code: Module) -> Result<LoadedModule, String> {
    let name = atom(&code.name)?;
    // Functions implemented natively: replace their body with a last call to the native.
    for fi in 0..code.functions.len() {
        let (fname, arity) = (code.functions[fi].name.clone(), code.functions[fi].arity);
        if bif::lookup(&code.name, &fname, arity).is_some() {
            let imp = code.imports.len() as u32;
            code.imports.push(Import {
                module: code.name.clone(),
                function: fname,
                arity,
            });
            let f = &mut code.functions[fi];
            f.code = vec![Instr::TailCallExt {
                import: imp,
                args: 0,
                n: arity as u16,
            }];
            f.frame_size = f.frame_size.max(arity.max(1));
        }
    }
    let literals = code
        .literals
        .iter()
        .map(literal_term)
        .collect::<Result<Vec<_>, _>>()?;
    let mut imports = Vec::with_capacity(code.imports.len());
    for imp in &code.imports {
        let send =
            imp.module == "erlang" && imp.arity == 2 && matches!(&*imp.function, "!" | "send");
        imports.push(match bif::lookup(&imp.module, &imp.function, imp.arity) {
            Some(_) if send => ImportTarget::Send,
            Some(f) => ImportTarget::Bif(f),
            None => ImportTarget::Remote {
                module: atom(&imp.module)?,
                function: atom(&imp.function)?,
                arity: imp.arity,
            },
        });
    }
    let mut exports = HashMap::new();
    for (n, a, i) in &code.exports {
        exports.insert((atom(n)?, *a), *i);
    }
    let mut fn_names = Vec::with_capacity(code.functions.len());
    for f in &code.functions {
        fn_names.push((atom(&f.name)?, f.arity));
    }
    for l in &code.lambdas {
        if let Some(n) = fn_names.get_mut(l.function as usize) {
            if code.functions[l.function as usize].name.starts_with('-') {
                n.1 = l.arity;
            }
        }
    }
    let file = Term::string(&code.file);
    Ok(LoadedModule {
        name,
        code,
        literals,
        imports,
        exports,
        fn_names,
        file,
    })
}
