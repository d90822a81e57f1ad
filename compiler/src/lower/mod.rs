//! Lowering: the checked AST of a module to bytecode (cf. OTP `v3_core`,
//! `v3_kernel`, `beam_kernel_to_ssa`, collapsed into one pass).
//!
//! Scope analysis happens here too, as `erl_lint` does it: every variable
//! use is checked to be bound (`variable 'X' is unbound`) and safe (bound on
//! every path: `variable 'X' unsafe in 'case' (line L, column C)`), every
//! local call to be defined. All errors are collected; the module is only
//! produced when there are none.
//!
//! Each function gets a frame of slots: arguments first, then one slot per
//! variable name (allocated at first binding), with temporaries allocated
//! and released stack-wise above them.

pub(crate) mod bifs;
pub use bifs::is_guard_bif;
mod binary;
mod comprehension;
mod expr;
mod fold;
mod func;
mod guard;
mod pattern;
mod peephole;
mod record;

use crate::ast::{self, AttrValue, Expr, Form};
use crate::bytecode::{Function, Import, Lambda, Literal, Module};
use crate::diagnostic::Diagnostic;
use crate::source::{SourceMap, Span};
use func::FnState;
use std::collections::{HashMap, HashSet};

/// The result of lowering a module.
pub struct Lowered {
    /// The bytecode module.
    pub module: Module,
    /// Warnings (the module compiled).
    pub warnings: Vec<Diagnostic>,
}

/// Module-wide state shared by all functions being lowered.
pub(crate) struct ModCtx<'a> {
    map: &'a SourceMap,
    guard_filters: &'a HashSet<Span>,
    name: String,
    functions: Vec<Function>,
    local: HashMap<(String, u32), u32>,
    literals: Vec<Literal>,
    literal_index: HashMap<String, u32>,
    imports: Vec<Import>,
    import_index: HashMap<(String, String, u32), u32>,
    lambdas: Vec<Lambda>,
    records: HashMap<String, ast::RecordDecl>,
    imported: HashMap<(String, u32), String>,
    errors: Vec<Diagnostic>,
    fresh: u32,
    lambda_counter: u32,
}

/// Lowers a parsed module. `file` is the name stacktraces show;
/// `guard_filters` are the comprehension filters the lint found to be
/// guard tests.
pub fn lower_module(
    module: &ast::Module,
    map: &SourceMap,
    file: &str,
    guard_filters: &HashSet<Span>,
) -> Result<Lowered, Vec<Diagnostic>> {
    let mut cx = ModCtx {
        map,
        guard_filters,
        name: String::new(),
        functions: Vec::new(),
        local: HashMap::new(),
        literals: Vec::new(),
        literal_index: HashMap::new(),
        imports: Vec::new(),
        import_index: HashMap::new(),
        lambdas: Vec::new(),
        records: HashMap::new(),
        imported: HashMap::new(),
        errors: Vec::new(),
        fresh: 0,
        lambda_counter: 0,
    };
    let mut exports: Vec<(String, u32, Span)> = Vec::new();
    let mut export_all = false;
    let mut eunit = false;
    let mut attributes = Vec::new();
    let mut funcs: Vec<&ast::Function> = Vec::new();
    let mut generated: Vec<ast::Function> = Vec::new();

    for form in &module.forms {
        match form {
            Form::Attribute(a) => match (&a.name[..], &a.value) {
                ("module", AttrValue::Module(n)) => cx.name = n.clone(),
                ("export", AttrValue::FunList(l)) => {
                    // erlc places export errors at the attribute's name, after the '-'.
                    let at = Span::new(a.span.file, a.span.start + 1, a.span.start + 2);
                    exports.extend(l.iter().map(|(n, ar)| (n.clone(), *ar, at)))
                }
                ("import", AttrValue::Import(m, l)) => {
                    for (n, ar) in l {
                        cx.imported.insert((n.clone(), *ar), m.clone());
                    }
                }
                ("compile", AttrValue::Term(t)) if mentions_atom(t, "export_all") => {
                    export_all = true;
                }
                ("eunit_autoexport", _) => eunit = true,
                ("compile", AttrValue::Term(t))
                    if crate::lint::forms::mentions_eunit_transform(t) =>
                {
                    eunit = true
                }
                (name, AttrValue::Term(t)) => {
                    if let Some(l) = const_literal(t) {
                        attributes.push((name.to_string(), l));
                    }
                }
                _ => {}
            },
            Form::Record(r) => {
                if cx.records.contains_key(&r.name) {
                    cx.errors.push(Diagnostic::error(
                        r.span,
                        format!("record {} already defined", r.name),
                    ));
                }
                cx.records.insert(r.name.clone(), r.clone());
            }
            Form::Function(f) => funcs.push(f),
            Form::Error(_) => {}
        }
    }
    if cx.name.is_empty() {
        cx.errors.push(Diagnostic::error(
            Span::default(),
            "no module definition".to_string(),
        ));
        return Err(cx.errors);
    }
    if eunit && !funcs.iter().any(|f| f.name == "test" && f.arity == 0) {
        generated.push(eunit_test_function(&cx.name, module_span(module)));
    }
    let all: Vec<&ast::Function> = funcs.iter().copied().chain(generated.iter()).collect();
    for f in &all {
        let key = (f.name.clone(), f.arity);
        if cx.local.contains_key(&key) {
            cx.errors.push(Diagnostic::error(
                f.span,
                format!("function {}/{} already defined", f.name, f.arity),
            ));
            continue;
        }
        cx.local.insert(key, cx.functions.len() as u32);
        cx.functions.push(placeholder(&f.name, f.arity));
    }
    for f in &all {
        let idx = cx.local[&(f.name.clone(), f.arity)];
        let mut st = FnState::new(f.name.clone(), f.arity);
        let mut lw = Lowerer {
            m: &mut cx,
            f: &mut st,
        };
        lw.function_clauses(&f.clauses, f.arity);
        cx.functions[idx as usize] = st.finish();
    }

    let mut export_list: Vec<(String, u32, u32)> = Vec::new();
    for (n, ar, span) in exports {
        match cx.local.get(&(n.clone(), ar)) {
            Some(&i) => {
                if !export_list.iter().any(|e| e.0 == n && e.1 == ar) {
                    export_list.push((n, ar, i))
                }
            }
            None => cx.errors.push(Diagnostic::error(
                span,
                format!("function {n}/{ar} undefined"),
            )),
        }
    }
    for f in &all {
        let eunit_fn = eunit
            && f.arity == 0
            && (f.name.ends_with("_test") || f.name.ends_with("_test_") || f.name == "test");
        if export_all || eunit_fn {
            let i = cx.local[&(f.name.clone(), f.arity)];
            if !export_list.iter().any(|e| e.0 == f.name && e.1 == f.arity) {
                export_list.push((f.name.clone(), f.arity, i));
            }
        }
    }
    if !cx.errors.is_empty() {
        let mut errs = cx.errors;
        errs.sort_by_key(|d| (d.span.file.0, d.span.start));
        errs.dedup_by(|a, b| a.span == b.span && a.message == b.message);
        return Err(errs);
    }
    Ok(Lowered {
        module: Module {
            name: cx.name,
            file: file.to_string(),
            functions: cx.functions,
            exports: export_list,
            literals: cx.literals,
            imports: cx.imports,
            lambdas: cx.lambdas,
            attributes,
        },
        warnings: Vec::new(),
    })
}

fn placeholder(name: &str, arity: u32) -> Function {
    Function {
        name: name.to_string(),
        arity,
        frame_size: 0,
        code: Vec::new(),
        lines: Vec::new(),
    }
}

fn module_span(m: &ast::Module) -> Span {
    m.forms
        .iter()
        .find_map(|f| match f {
            Form::Attribute(a) if a.name == "module" => Some(a.span),
            _ => None,
        })
        .unwrap_or_default()
}

/// `test() -> eunit:test(Module).`, added to modules that include eunit.hrl.
fn eunit_test_function(module: &str, s: Span) -> ast::Function {
    let call = Expr::RemoteCall(
        s,
        Box::new(Expr::Atom(s, "eunit".into())),
        Box::new(Expr::Atom(s, "test".into())),
        vec![Expr::Atom(s, module.into())],
    );
    ast::Function {
        span: s,
        name: "test".into(),
        arity: 0,
        clauses: vec![ast::Clause {
            span: s,
            pats: vec![],
            guards: vec![],
            body: vec![call],
        }],
    }
}

fn mentions_atom(e: &Expr, name: &str) -> bool {
    match e {
        Expr::Atom(_, a) => a == name,
        Expr::Cons(_, h, t) => mentions_atom(h, name) || mentions_atom(t, name),
        Expr::Tuple(_, es) => es.iter().any(|x| mentions_atom(x, name)),
        _ => false,
    }
}

/// The literal value of a constant expression, if it is one.
pub(crate) fn const_literal(e: &Expr) -> Option<Literal> {
    use num_bigint::BigInt;
    Some(match e {
        Expr::Atom(_, a) => Literal::Atom(a.clone()),
        Expr::Integer(_, i) => Literal::Int(i.clone()),
        Expr::Float(_, f) => Literal::Float(*f),
        Expr::String(_, s) => {
            if s.is_empty() {
                Literal::Nil
            } else {
                Literal::String(s.clone())
            }
        }
        Expr::Nil(_) => Literal::Nil,
        Expr::Cons(..) => {
            let mut elems = Vec::new();
            let mut cur = e;
            while let Expr::Cons(_, h, t) = cur {
                elems.push(const_literal(h)?);
                cur = t;
            }
            let tail = const_literal(cur)?;
            match tail {
                Literal::String(s) if elems.iter().all(|x| matches!(x, Literal::Int(_))) => {
                    // Keep the tail string as elements.
                    let mut all = elems;
                    all.extend(s.iter().map(|&c| Literal::Int(BigInt::from(c))));
                    Literal::List(all, Box::new(Literal::Nil))
                }
                t => Literal::List(elems, Box::new(t)),
            }
        }
        Expr::Tuple(_, es) => Literal::Tuple(es.iter().map(const_literal).collect::<Option<_>>()?),
        Expr::UnOp(_, op, x) => fold::unary(*op, const_literal(x)?)?,
        Expr::BinOp(_, op, l, r) => fold::binary(*op, const_literal(l)?, const_literal(r)?)?,
        Expr::Map(_, fields) if fields.iter().all(|f| !f.exact) => Literal::Map(
            fields
                .iter()
                .map(|f| Some((const_literal(&f.key)?, const_literal(&f.value)?)))
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

/// Lowers one function (or lambda) body at a time.
pub(crate) struct Lowerer<'m, 'a, 'f> {
    m: &'m mut ModCtx<'a>,
    f: &'f mut FnState,
}

impl Lowerer<'_, '_, '_> {
    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.m.errors.push(Diagnostic::error(span, msg));
    }

    fn literal(&mut self, l: Literal) -> u32 {
        let key = format!("{l:?}");
        if let Some(&i) = self.m.literal_index.get(&key) {
            return i;
        }
        let i = self.m.literals.len() as u32;
        self.m.literals.push(l);
        self.m.literal_index.insert(key, i);
        i
    }

    fn atom_lit(&mut self, a: &str) -> crate::bytecode::Src {
        crate::bytecode::Src::Lit(self.literal(Literal::Atom(a.to_string())))
    }

    fn import(&mut self, module: &str, function: &str, arity: u32) -> u32 {
        let key = (module.to_string(), function.to_string(), arity);
        if let Some(&i) = self.m.import_index.get(&key) {
            return i;
        }
        let i = self.m.imports.len() as u32;
        self.m.imports.push(Import {
            module: module.to_string(),
            function: function.to_string(),
            arity,
        });
        self.m.import_index.insert(key, i);
        i
    }

    fn line_of(&self, span: Span) -> u32 {
        if span == Span::default() {
            return 0;
        }
        self.m.map.line(span)
    }

    fn set_line(&mut self, span: Span) {
        let l = self.line_of(span);
        if l != 0 {
            self.f.cur_line = l;
        }
    }

    fn line_col(&self, span: Span) -> (u32, u32) {
        self.m.map.line_col(span)
    }
}
