//! A compact S-expression rendering of the [`ast`](crate::ast), one form per
//! line with its source line: what golden tests compare and what a person
//! reads when checking the parser (`(op + (var A) (op * (var B) (int 2)))`).

use crate::ast::*;
use crate::lexer::{format_float, render_atom, render_chars};
use crate::source::SourceMap;
use std::fmt::Write;

/// Renders a whole module, a form per line, each prefixed with its line
/// (and with its file's name when it comes from an include file, that is
/// from any file but the first one added to the map).
pub fn module(m: &Module, map: &SourceMap) -> String {
    let mut out = String::new();
    for f in &m.forms {
        let span = match f {
            Form::Attribute(a) => a.span,
            Form::Record(r) => r.span,
            Form::Function(f) => f.span,
            Form::Error(s) => *s,
        };
        if span.file.0 != 0 {
            let _ = write!(out, "{}:", map.file(span.file).name);
        }
        let _ = writeln!(out, "{}: {}", map.line(span), form(f));
    }
    out
}

/// Renders one form.
pub fn form(f: &Form) -> String {
    let mut o = String::new();
    match f {
        Form::Attribute(a) => {
            let _ = write!(o, "(attribute {} ", a.name);
            match &a.value {
                AttrValue::Module(m) => o.push_str(&render_atom(m)),
                AttrValue::FunList(l) => fun_list(&mut o, l),
                AttrValue::Import(m, l) => {
                    let _ = write!(o, "{} ", render_atom(m));
                    fun_list(&mut o, l);
                }
                AttrValue::Type { name, params, body } => {
                    let _ = write!(o, "{}", render_atom(name));
                    o.push_str(" (");
                    list(&mut o, params, ty);
                    o.push_str(") ");
                    ty(&mut o, body);
                }
                AttrValue::Spec {
                    module,
                    name,
                    arity,
                    clauses,
                } => {
                    if let Some(m) = module {
                        let _ = write!(o, "{}:", render_atom(m));
                    }
                    let _ = write!(o, "{}/{} ", render_atom(name), arity);
                    list(&mut o, clauses, ty);
                }
                AttrValue::Term(e) => expr(&mut o, e),
            }
            o.push(')');
        }
        Form::Record(r) => {
            let _ = write!(o, "(record {}", render_atom(&r.name));
            for f in &r.fields {
                let _ = write!(o, " (field {}", render_atom(&f.name));
                if let Some(d) = &f.default {
                    o.push_str(" = ");
                    expr(&mut o, d);
                }
                if let Some(t) = &f.ty {
                    o.push_str(" :: ");
                    ty(&mut o, t);
                }
                o.push(')');
            }
            o.push(')');
        }
        Form::Function(f) => {
            let _ = write!(o, "(function {}/{}", render_atom(&f.name), f.arity);
            for c in &f.clauses {
                o.push(' ');
                clause(&mut o, c);
            }
            o.push(')');
        }
        Form::Error(_) => o.push_str("(error)"),
    }
    o
}

/// Renders one expression.
pub fn expression(e: &Expr) -> String {
    let mut o = String::new();
    expr(&mut o, e);
    o
}

fn fun_list(o: &mut String, l: &[(Name, u32)]) {
    o.push('[');
    for (i, (f, a)) in l.iter().enumerate() {
        if i > 0 {
            o.push_str(", ");
        }
        let _ = write!(o, "{}/{}", render_atom(f), a);
    }
    o.push(']');
}

fn list<T>(o: &mut String, items: &[T], f: fn(&mut String, &T)) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        f(o, x);
    }
}

fn ty(o: &mut String, t: &TypeExpr) {
    let TypeExpr::Node {
        kind, name, args, ..
    } = t;
    let _ = write!(o, "({kind}");
    if !name.is_empty() {
        let _ = write!(o, " {name}");
    }
    for a in args {
        o.push(' ');
        ty(o, a);
    }
    o.push(')');
}

fn body(o: &mut String, tag: &str, es: &[Expr]) {
    let _ = write!(o, "({tag}");
    for (i, e) in es.iter().enumerate() {
        if i > 0 || !tag.is_empty() {
            o.push(' ');
        }
        expr(o, e);
    }
    o.push(')');
}

fn guards(o: &mut String, gs: &[Vec<Expr>]) {
    if gs.is_empty() {
        return;
    }
    o.push_str(" (when");
    for g in gs {
        o.push(' ');
        body(o, "", g);
    }
    o.push(')');
}

fn clause(o: &mut String, c: &Clause) {
    o.push_str("(clause ");
    body(o, "", &c.pats);
    guards(o, &c.guards);
    o.push(' ');
    body(o, "->", &c.body);
    o.push(')');
}

fn catch_clause(o: &mut String, c: &CatchClause) {
    o.push_str("(catch_clause ");
    match &c.class {
        Some(cl) => expr(o, cl),
        None => o.push('_'),
    }
    o.push(' ');
    expr(o, &c.reason);
    if let Some(s) = &c.stack {
        o.push(' ');
        expr(o, s);
    }
    guards(o, &c.guards);
    o.push(' ');
    body(o, "->", &c.body);
    o.push(')');
}

fn map_fields(o: &mut String, fs: &[MapField]) {
    for f in fs {
        o.push_str(if f.exact { " (:= " } else { " (=> " });
        expr(o, &f.key);
        o.push(' ');
        expr(o, &f.value);
        o.push(')');
    }
}

fn record_fields(o: &mut String, fs: &[RecordField]) {
    for f in fs {
        let _ = write!(
            o,
            " ({} ",
            f.name.as_deref().map_or("_".to_string(), render_atom)
        );
        expr(o, &f.value);
        o.push(')');
    }
}

fn qualifiers(o: &mut String, qs: &[Qualifier]) {
    for q in qs {
        o.push(' ');
        match q {
            Qualifier::Generator(p, e) | Qualifier::BinGenerator(p, e) => {
                let tag = if matches!(q, Qualifier::Generator(..)) {
                    "<-"
                } else {
                    "<="
                };
                let _ = write!(o, "({tag} ");
                expr(o, p);
                o.push(' ');
                expr(o, e);
                o.push(')');
            }
            Qualifier::Filter(e) => expr(o, e),
        }
    }
}

fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::FDiv => "/",
        BinOp::IDiv => "div",
        BinOp::Rem => "rem",
        BinOp::Band => "band",
        BinOp::Bor => "bor",
        BinOp::Bxor => "bxor",
        BinOp::Bsl => "bsl",
        BinOp::Bsr => "bsr",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::Xor => "xor",
        BinOp::AndAlso => "andalso",
        BinOp::OrElse => "orelse",
        BinOp::Eq => "==",
        BinOp::Ne => "/=",
        BinOp::ExactEq => "=:=",
        BinOp::ExactNe => "=/=",
        BinOp::Lt => "<",
        BinOp::Le => "=<",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::Append => "++",
        BinOp::Subtract => "--",
        BinOp::Send => "!",
    }
}

fn expr(o: &mut String, e: &Expr) {
    match e {
        Expr::Var(_, v) => {
            let _ = write!(o, "(var {v})");
        }
        Expr::Atom(_, a) => {
            let _ = write!(o, "(atom {})", render_atom(a));
        }
        Expr::Integer(_, i) => {
            let _ = write!(o, "(int {i})");
        }
        Expr::Float(_, f) => {
            let _ = write!(o, "(float {})", format_float(*f));
        }
        Expr::String(_, s) => {
            let _ = write!(o, "(string {})", render_chars(s, '"'));
        }
        Expr::Nil(_) => o.push_str("nil"),
        Expr::Cons(_, h, t) => {
            o.push_str("(cons ");
            expr(o, h);
            o.push(' ');
            expr(o, t);
            o.push(')');
        }
        Expr::Tuple(_, es) => body(o, "tuple", es),
        Expr::Map(_, fs) => {
            o.push_str("(map");
            map_fields(o, fs);
            o.push(')');
        }
        Expr::MapUpdate(_, m, fs) => {
            o.push_str("(map_update ");
            expr(o, m);
            map_fields(o, fs);
            o.push(')');
        }
        Expr::Record(_, n, fs) => {
            let _ = write!(o, "(record {}", render_atom(n));
            record_fields(o, fs);
            o.push(')');
        }
        Expr::RecordUpdate(_, r, n, fs) => {
            o.push_str("(record_update ");
            expr(o, r);
            let _ = write!(o, " {}", render_atom(n));
            record_fields(o, fs);
            o.push(')');
        }
        Expr::RecordField(_, r, n, f) => {
            o.push_str("(record_field ");
            expr(o, r);
            let _ = write!(o, " {} {})", render_atom(n), render_atom(f));
        }
        Expr::RecordIndex(_, n, f) => {
            let _ = write!(o, "(record_index {} {})", render_atom(n), render_atom(f));
        }
        Expr::Binary(_, segs) => {
            o.push_str("(bin");
            for s in segs {
                o.push_str(" (seg ");
                expr(o, &s.value);
                if let Some(sz) = &s.size {
                    o.push_str(" :");
                    expr(o, sz);
                }
                for spec in &s.specs {
                    match spec {
                        BinSpec::Name(n) => {
                            let _ = write!(o, " /{n}");
                        }
                        BinSpec::Unit(u) => {
                            let _ = write!(o, " /unit:{u}");
                        }
                    }
                }
                o.push(')');
            }
            o.push(')');
        }
        Expr::BinOp(_, op, a, b) => {
            let _ = write!(o, "(op {} ", binop_name(*op));
            expr(o, a);
            o.push(' ');
            expr(o, b);
            o.push(')');
        }
        Expr::UnOp(_, op, a) => {
            let name = match op {
                UnOp::Neg => "-",
                UnOp::Plus => "+",
                UnOp::Not => "not",
                UnOp::Bnot => "bnot",
            };
            let _ = write!(o, "(op {name} ");
            expr(o, a);
            o.push(')');
        }
        Expr::Match(_, p, e) => {
            o.push_str("(match ");
            expr(o, p);
            o.push(' ');
            expr(o, e);
            o.push(')');
        }
        Expr::Call(_, f, args) => {
            o.push_str("(call ");
            expr(o, f);
            for a in args {
                o.push(' ');
                expr(o, a);
            }
            o.push(')');
        }
        Expr::RemoteCall(_, m, f, args) => {
            o.push_str("(remote ");
            expr(o, m);
            o.push(' ');
            expr(o, f);
            for a in args {
                o.push(' ');
                expr(o, a);
            }
            o.push(')');
        }
        Expr::Case(_, e, cs) => {
            o.push_str("(case ");
            expr(o, e);
            for c in cs {
                o.push(' ');
                clause(o, c);
            }
            o.push(')');
        }
        Expr::If(_, cs) => {
            o.push_str("(if");
            for c in cs {
                o.push(' ');
                clause(o, c);
            }
            o.push(')');
        }
        Expr::Receive(_, cs, after) => {
            o.push_str("(receive");
            for c in cs {
                o.push(' ');
                clause(o, c);
            }
            if let Some((t, b)) = after {
                o.push_str(" (after ");
                expr(o, t);
                o.push(' ');
                body(o, "->", b);
                o.push(')');
            }
            o.push(')');
        }
        Expr::Try {
            body: b,
            of_clauses,
            catch_clauses,
            after,
            ..
        } => {
            o.push_str("(try ");
            body(o, "", b);
            if !of_clauses.is_empty() {
                o.push_str(" (of");
                for c in of_clauses {
                    o.push(' ');
                    clause(o, c);
                }
                o.push(')');
            }
            for c in catch_clauses {
                o.push(' ');
                catch_clause(o, c);
            }
            if !after.is_empty() {
                o.push(' ');
                body(o, "after", after);
            }
            o.push(')');
        }
        Expr::Catch(_, e) => {
            o.push_str("(catch ");
            expr(o, e);
            o.push(')');
        }
        Expr::Block(_, es) => body(o, "block", es),
        Expr::Fun(_, name, cs) => {
            o.push_str("(fun");
            if let Some(n) = name {
                let _ = write!(o, " {n}");
            }
            for c in cs {
                o.push(' ');
                clause(o, c);
            }
            o.push(')');
        }
        Expr::FunRef(_, m, f, a) => {
            o.push_str("(fun_ref ");
            if let Some(m) = m {
                expr(o, m);
                o.push(' ');
            }
            expr(o, f);
            o.push(' ');
            expr(o, a);
            o.push(')');
        }
        Expr::ListComp(_, e, qs) => {
            o.push_str("(lc ");
            expr(o, e);
            qualifiers(o, qs);
            o.push(')');
        }
        Expr::BinComp(_, e, qs) => {
            o.push_str("(bc ");
            expr(o, e);
            qualifiers(o, qs);
            o.push(')');
        }
    }
}
