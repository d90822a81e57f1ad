//! The abstract syntax tree produced by the parser, after preprocessing.
//!
//! It follows OTP's abstract format (`erl_parse`): patterns are parsed as
//! expressions ([`Expr`]) and are only read as patterns by the checks and the
//! lowering, which report `illegal pattern` where an expression cannot be one.
//! Every node carries the [`Span`] of its source text. Macros, `-include`,
//! `-ifdef` and friends are gone by now; records are still here, as OTP keeps
//! them in the abstract format until `erl_expand_records`.

use crate::source::Span;
use num_bigint::BigInt;

/// An atom or variable name.
pub type Name = String;

/// A whole module: its forms in source order.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// The forms (attributes and functions) in source order.
    pub forms: Vec<Form>,
}

/// One top-level form, ending with a dot in the source.
#[derive(Clone, Debug)]
pub enum Form {
    /// `-name(...)`.
    Attribute(Attribute),
    /// `-record(name, {fields}).`
    Record(RecordDecl),
    /// A function definition: one or more clauses with one name and arity.
    Function(Function),
    /// A form the parser could not read; its error is reported already.
    Error(Span),
}

/// A module attribute other than `-record`.
#[derive(Clone, Debug)]
pub struct Attribute {
    /// The whole attribute.
    pub span: Span,
    /// The attribute name: `module`, `export`, `spec`, `my_attr`...
    pub name: Name,
    /// The attribute's value.
    pub value: AttrValue,
}

/// The value of an attribute, by kind.
#[derive(Clone, Debug)]
pub enum AttrValue {
    /// `-module(m).`
    Module(Name),
    /// `-export([f/1, g/2]).` (also `-export_type`, with `name` telling which).
    FunList(Vec<(Name, u32)>),
    /// `-import(m, [f/1]).`
    Import(Name, Vec<(Name, u32)>),
    /// `-type`, `-opaque`: `name(Params) :: Type`.
    Type {
        /// Type name.
        name: Name,
        /// Parameter variables.
        params: Vec<TypeExpr>,
        /// The definition.
        body: TypeExpr,
    },
    /// `-spec` and `-callback`: `Mod:name(Args) -> Ret when ...; ...`.
    Spec {
        /// Optional module qualifier.
        module: Option<Name>,
        /// Function name.
        name: Name,
        /// Arity.
        arity: u32,
        /// One entry per `;`-separated signature.
        clauses: Vec<TypeExpr>,
    },
    /// Any other attribute: its argument as a constant expression
    /// (`-compile(export_all)`, `-behaviour(gen_server)`, `-vsn(1)`, `-my(Term)`).
    Term(Expr),
}

/// A type expression from `-type`/`-spec`; kept for tooling, never executed.
#[derive(Clone, Debug)]
pub enum TypeExpr {
    /// Any type expression, kept as a name with sub-types:
    /// `integer()`, `[T]`, `{a, b}`, `A | B`, `fun((X) -> Y)`, `1..10`, `Var`.
    Node {
        /// Where it is.
        span: Span,
        /// What kind of node (`call`, `remote`, `union`, `var`, `atom`, `integer`,
        /// `list`, `tuple`, `map`, `fun`, `range`, `binary`, `ann`, `record`,
        /// `bounded`, `constraint`, ...).
        kind: String,
        /// A name where the kind has one (the type, atom or variable name).
        name: Name,
        /// Sub-types in source order.
        args: Vec<TypeExpr>,
    },
}

/// `-record(name, {field = Default :: Type, ...}).`
#[derive(Clone, Debug)]
pub struct RecordDecl {
    /// The whole declaration.
    pub span: Span,
    /// Record name.
    pub name: Name,
    /// Fields in order.
    pub fields: Vec<RecordFieldDecl>,
}

/// One field of a record declaration.
#[derive(Clone, Debug)]
pub struct RecordFieldDecl {
    /// Where the field is declared.
    pub span: Span,
    /// Field name.
    pub name: Name,
    /// Default value expression, if any (else `undefined`).
    pub default: Option<Expr>,
    /// Declared type, if any.
    pub ty: Option<TypeExpr>,
}

/// A function definition.
#[derive(Clone, Debug)]
pub struct Function {
    /// The whole definition.
    pub span: Span,
    /// Function name.
    pub name: Name,
    /// Number of arguments (the same in every clause, checked by the parser).
    pub arity: u32,
    /// Clauses in order.
    pub clauses: Vec<Clause>,
}

/// A clause: patterns, guard, body. Used by functions (`pats` = arguments),
/// `case`/`receive`/`try ... of` (one pattern), `if` (no pattern) and funs.
#[derive(Clone, Debug)]
pub struct Clause {
    /// The whole clause.
    pub span: Span,
    /// Patterns, parsed as expressions.
    pub pats: Vec<Expr>,
    /// The guard: alternatives separated by `;`, each a `,`-separated list of tests.
    /// Empty when there is no `when`.
    pub guards: Vec<Vec<Expr>>,
    /// The body expressions, at least one.
    pub body: Vec<Expr>,
}

/// A `catch` clause of a `try`: `Class:Reason:Stack when Guard -> Body`.
#[derive(Clone, Debug)]
pub struct CatchClause {
    /// The whole clause.
    pub span: Span,
    /// The class pattern; `None` when omitted (which means `throw`).
    pub class: Option<Expr>,
    /// The reason pattern.
    pub reason: Expr,
    /// The stacktrace variable, if given.
    pub stack: Option<Expr>,
    /// Guard alternatives, as in [`Clause`].
    pub guards: Vec<Vec<Expr>>,
    /// Body expressions.
    pub body: Vec<Expr>,
}

/// Binary operators, including the short-circuit ones and `!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    FDiv,
    /// `div`
    IDiv,
    /// `rem`
    Rem,
    /// `band`
    Band,
    /// `bor`
    Bor,
    /// `bxor`
    Bxor,
    /// `bsl`
    Bsl,
    /// `bsr`
    Bsr,
    /// `and`
    And,
    /// `or`
    Or,
    /// `xor`
    Xor,
    /// `andalso`
    AndAlso,
    /// `orelse`
    OrElse,
    /// `==`
    Eq,
    /// `/=`
    Ne,
    /// `=:=`
    ExactEq,
    /// `=/=`
    ExactNe,
    /// `<`
    Lt,
    /// `=<`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `++`
    Append,
    /// `--`
    Subtract,
    /// `!`
    Send,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-X`
    Neg,
    /// `+X`
    Plus,
    /// `not X`
    Not,
    /// `bnot X`
    Bnot,
}

/// An entry of a map expression or pattern.
#[derive(Clone, Debug)]
pub struct MapField {
    /// Where it is.
    pub span: Span,
    /// The key expression.
    pub key: Expr,
    /// The value expression.
    pub value: Expr,
    /// `true` for `:=` (key must exist), `false` for `=>`.
    pub exact: bool,
}

/// `field = Value` in a record expression; `name` is `None` for `_ = Value`.
#[derive(Clone, Debug)]
pub struct RecordField {
    /// Where it is.
    pub span: Span,
    /// Field name, or `None` for `_`.
    pub name: Option<Name>,
    /// The value (or pattern).
    pub value: Expr,
}

/// One segment of a binary: `Value:Size/Type-Specifiers`.
#[derive(Clone, Debug)]
pub struct BinElement {
    /// Where it is.
    pub span: Span,
    /// The value (or pattern).
    pub value: Expr,
    /// The size expression, if given.
    pub size: Option<Expr>,
    /// Type specifiers in order: `integer`, `little`, `signed`, `unit:8`, ...
    pub specs: Vec<BinSpec>,
}

/// One type specifier of a binary segment.
#[derive(Clone, Debug, PartialEq)]
pub enum BinSpec {
    /// A plain specifier: `integer`, `float`, `binary`, `bytes`, `bitstring`,
    /// `bits`, `utf8`, `utf16`, `utf32`, `signed`, `unsigned`, `big`,
    /// `little`, `native`.
    Name(Name),
    /// `unit:N`.
    Unit(u32),
}

/// A qualifier of a comprehension.
#[derive(Clone, Debug)]
pub enum Qualifier {
    /// `Pat <- ListExpr`
    Generator(Expr, Expr),
    /// `Pat <= BinaryExpr`
    BinGenerator(Expr, Expr),
    /// A filter expression (or guard test).
    Filter(Expr),
}

/// An expression (or a pattern, read as one).
#[derive(Clone, Debug)]
pub enum Expr {
    /// A variable; `_` and `_Name` included.
    Var(Span, Name),
    /// An atom.
    Atom(Span, Name),
    /// An integer (char literals `$a` included).
    Integer(Span, BigInt),
    /// A float.
    Float(Span, f64),
    /// A string literal: a list of character codes (adjacent strings joined).
    String(Span, Vec<u32>),
    /// `[]`
    Nil(Span),
    /// `[Head | Tail]`; `[a, b]` is nested conses ending in `Nil`.
    Cons(Span, Box<Expr>, Box<Expr>),
    /// `{A, B, ...}`
    Tuple(Span, Vec<Expr>),
    /// `#{K => V, ...}`
    Map(Span, Vec<MapField>),
    /// `Expr#{K := V, ...}`
    MapUpdate(Span, Box<Expr>, Vec<MapField>),
    /// `#name{field = V, ...}`
    Record(Span, Name, Vec<RecordField>),
    /// `Expr#name{field = V, ...}`
    RecordUpdate(Span, Box<Expr>, Name, Vec<RecordField>),
    /// `Expr#name.field`
    RecordField(Span, Box<Expr>, Name, Name),
    /// `#name.field` (the field's tuple index).
    RecordIndex(Span, Name, Name),
    /// `<<Seg, ...>>`
    Binary(Span, Vec<BinElement>),
    /// `L op R`
    BinOp(Span, BinOp, Box<Expr>, Box<Expr>),
    /// `op E`
    UnOp(Span, UnOp, Box<Expr>),
    /// `Pat = Expr`
    Match(Span, Box<Expr>, Box<Expr>),
    /// `F(Args)`, where `F` is an atom (a local or imported function or BIF)
    /// or any expression evaluating to a fun.
    Call(Span, Box<Expr>, Vec<Expr>),
    /// `M:F(Args)` with any expressions for `M` and `F`.
    RemoteCall(Span, Box<Expr>, Box<Expr>, Vec<Expr>),
    /// `case E of Clauses end`
    Case(Span, Box<Expr>, Vec<Clause>),
    /// `if Clauses end` (clauses without patterns).
    If(Span, Vec<Clause>),
    /// `receive Clauses after T -> Body end`
    Receive(Span, Vec<Clause>, Option<(Box<Expr>, Vec<Expr>)>),
    /// `try Body of Clauses catch CatchClauses after After end`
    Try {
        /// Where it is.
        span: Span,
        /// The protected body.
        body: Vec<Expr>,
        /// `of` clauses (empty when there is no `of`).
        of_clauses: Vec<Clause>,
        /// `catch` clauses.
        catch_clauses: Vec<CatchClause>,
        /// `after` body (empty when there is no `after`).
        after: Vec<Expr>,
    },
    /// `catch E`
    Catch(Span, Box<Expr>),
    /// `begin Body end`
    Block(Span, Vec<Expr>),
    /// `fun Clauses end` or, with a name, `fun Name(...) -> ... end`.
    Fun(Span, Option<Name>, Vec<Clause>),
    /// `fun F/A` (module `None`) or `fun M:F/A`, each part any expression.
    FunRef(Span, Option<Box<Expr>>, Box<Expr>, Box<Expr>),
    /// `[E || Qualifiers]`
    ListComp(Span, Box<Expr>, Vec<Qualifier>),
    /// `<< E || Qualifiers >>`
    BinComp(Span, Box<Expr>, Vec<Qualifier>),
}

impl Expr {
    /// The span of this node.
    pub fn span(&self) -> Span {
        match self {
            Expr::Var(s, _)
            | Expr::Atom(s, _)
            | Expr::Integer(s, _)
            | Expr::Float(s, _)
            | Expr::String(s, _)
            | Expr::Nil(s)
            | Expr::Cons(s, _, _)
            | Expr::Tuple(s, _)
            | Expr::Map(s, _)
            | Expr::MapUpdate(s, _, _)
            | Expr::Record(s, _, _)
            | Expr::RecordUpdate(s, _, _, _)
            | Expr::RecordField(s, _, _, _)
            | Expr::RecordIndex(s, _, _)
            | Expr::Binary(s, _)
            | Expr::BinOp(s, _, _, _)
            | Expr::UnOp(s, _, _)
            | Expr::Match(s, _, _)
            | Expr::Call(s, _, _)
            | Expr::RemoteCall(s, _, _, _)
            | Expr::Case(s, _, _)
            | Expr::If(s, _)
            | Expr::Receive(s, _, _)
            | Expr::Try { span: s, .. }
            | Expr::Catch(s, _)
            | Expr::Block(s, _)
            | Expr::Fun(s, _, _)
            | Expr::FunRef(s, _, _, _)
            | Expr::ListComp(s, _, _)
            | Expr::BinComp(s, _, _) => *s,
        }
    }
}
