//! A compiled module: functions with their code, the tables instructions
//! refer to (literals, imports, lambdas) and the module's metadata.

use super::instr::Instr;
use num_bigint::BigInt;

/// A constant term, built once by the runtime when the module loads.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// An integer.
    Int(BigInt),
    /// A float.
    Float(f64),
    /// An atom.
    Atom(String),
    /// `[]`.
    Nil,
    /// A list of elements ending in a tail.
    List(Vec<Literal>, Box<Literal>),
    /// A string (list of character codes).
    String(Vec<u32>),
    /// A tuple.
    Tuple(Vec<Literal>),
    /// A map.
    Map(Vec<(Literal, Literal)>),
    /// A bitstring: bytes and length in bits.
    Bits(Vec<u8>, usize),
}

/// A function the module calls by name: `M:F/A`. Calls to BIFs are imports
/// of `erlang:F/A` (or another module's native function); the runtime binds
/// each import to a native or to the newest code of `M` at load time.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Import {
    /// Module name.
    pub module: String,
    /// Function name.
    pub function: String,
    /// Arity.
    pub arity: u32,
}

/// A `fun` expression: which function implements it and how many values it captures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lambda {
    /// The implementing function (its arguments are the fun's arguments,
    /// then the captured values).
    pub function: u32,
    /// Arity as seen by callers.
    pub arity: u32,
    /// Number of captured values.
    pub num_free: u32,
}

/// One function's code.
#[derive(Clone, Debug)]
pub struct Function {
    /// Name (generated names for lambdas: `-f/1-fun-0-`, as OTP names them).
    pub name: String,
    /// Number of arguments (for lambdas: the fun's arity plus captured values).
    pub arity: u32,
    /// Number of slots the frame needs.
    pub frame_size: u32,
    /// The instructions.
    pub code: Vec<Instr>,
    /// `(instruction index, source line)` pairs, sorted: the line of the
    /// instruction at or after each index.
    pub lines: Vec<(u32, u32)>,
}

impl Function {
    /// The source line of the instruction at `ip`.
    pub fn line_at(&self, ip: u32) -> u32 {
        match self.lines.binary_search_by(|&(i, _)| i.cmp(&ip)) {
            Ok(i) => self.lines[i].1,
            Err(0) => self.lines.first().map_or(0, |l| l.1),
            Err(i) => self.lines[i - 1].1,
        }
    }
}

/// A compiled module.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// The module name.
    pub name: String,
    /// The source file name as shown in stacktraces (`prog.erl`).
    pub file: String,
    /// All functions, named ones first, then lambdas and generated helpers.
    pub functions: Vec<Function>,
    /// Exported `(name, arity, function index)`.
    pub exports: Vec<(String, u32, u32)>,
    /// Constants referred to by `Src::Lit`.
    pub literals: Vec<Literal>,
    /// Called functions referred to by import indexes.
    pub imports: Vec<Import>,
    /// Funs referred to by `MakeFun`.
    pub lambdas: Vec<Lambda>,
    /// Attributes as `(name, value)` (for `module_info(attributes)`).
    pub attributes: Vec<(String, Literal)>,
}

impl Module {
    /// The index of a function by name and arity.
    pub fn find_function(&self, name: &str, arity: u32) -> Option<u32> {
        self.functions
            .iter()
            .position(|f| f.name == name && f.arity == arity)
            .map(|i| i as u32)
    }
}
