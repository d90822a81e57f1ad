//! The instruction set (cf. OTP `genop.tab`). Operands are slots of the
//! current frame ([`Reg`]), constants ([`Src`]) and jump targets inside the
//! current function ([`Label`]: an instruction index). An instruction that
//! can fail takes a `fail` label: in guards it jumps there, and
//! [`NO_FAIL`] means "raise the exception instead".

/// A slot of the current frame.
pub type Reg = u16;

/// An instruction index inside the current function.
pub type Label = u32;

/// The `fail` label that means "raise the error" rather than jump.
pub const NO_FAIL: Label = u32::MAX;

/// The `dst` of an [`Instr::Bif`] whose result nobody reads (the next
/// instruction overwrites it): the built-in runs, its value is dropped.
pub const DISCARD: Reg = Reg::MAX;

/// [`Instr::RaiseError`] kind: `{badmatch,V}`.
pub const RAISE_BADMATCH: u8 = 0;
/// [`Instr::RaiseError`] kind: `{case_clause,V}`.
pub const RAISE_CASE_CLAUSE: u8 = 1;
/// [`Instr::RaiseError`] kind: `if_clause`.
pub const RAISE_IF_CLAUSE: u8 = 2;
/// [`Instr::RaiseError`] kind: `{try_clause,V}`.
pub const RAISE_TRY_CLAUSE: u8 = 3;
/// [`Instr::RaiseError`] kind: `function_clause` (arguments from the frame).
pub const RAISE_FUNCTION_CLAUSE: u8 = 4;
/// [`Instr::RaiseError`] kind: `{badrecord,V}`.
pub const RAISE_BADRECORD: u8 = 5;
/// [`Instr::RaiseError`] kind: the value itself.
pub const RAISE_PLAIN: u8 = 6;
/// [`Instr::RaiseError`] kind: `{badarg,V}`.
pub const RAISE_BADARG: u8 = 7;

/// A source operand: a slot or a constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Src {
    /// The value in a slot.
    Reg(Reg),
    /// Entry of the module's literal table (atoms, floats, big integers, compound constants).
    Lit(u32),
    /// A small integer constant.
    Int(i64),
    /// `[]`.
    Nil,
}

/// Arithmetic and bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
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
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
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
}

/// Type tests used by patterns and guards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTest {
    /// `is_integer/1`
    Integer,
    /// `is_float/1`
    Float,
    /// `is_number/1`
    Number,
    /// `is_atom/1`
    Atom,
    /// `is_boolean/1`
    Boolean,
    /// `is_pid/1`
    Pid,
    /// `is_reference/1`
    Reference,
    /// `is_port/1` (ferl has no ports yet: always false)
    Port,
    /// `is_tuple/1`
    Tuple,
    /// `is_list/1`
    List,
    /// A list cell (`[_|_]`).
    Cons,
    /// `[]`.
    Nil,
    /// `is_map/1`
    Map,
    /// `is_binary/1`
    Binary,
    /// `is_bitstring/1`
    Bitstring,
    /// `is_function/1`
    Function,
}

/// The type of a binary segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinSegKind {
    /// `integer`
    Integer,
    /// `float`
    Float,
    /// `binary` (whole bytes)
    Binary,
    /// `bitstring`
    Bitstring,
    /// `utf8`
    Utf8,
    /// `utf16`
    Utf16,
    /// `utf32`
    Utf32,
}

/// Flags of a binary segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BinFlags {
    /// `signed` (else unsigned).
    pub signed: bool,
    /// `little` (else big).
    pub little: bool,
}

/// One instruction.
#[derive(Clone, Debug, PartialEq)]
pub enum Instr {
    // ---- data movement and construction ----
    /// `dst := src`.
    Move {
        /// Value.
        src: Src,
        /// Destination slot.
        dst: Reg,
    },
    /// `dst := [head | tail]`.
    PutList {
        /// Head.
        head: Src,
        /// Tail.
        tail: Src,
        /// Destination.
        dst: Reg,
    },
    /// `dst := {elems...}`.
    PutTuple {
        /// Elements in order.
        elems: Box<[Src]>,
        /// Destination.
        dst: Reg,
    },
    /// `dst := #{k => v, ...}`.
    PutMap {
        /// Key/value pairs (later pairs win).
        pairs: Box<[(Src, Src)]>,
        /// Destination.
        dst: Reg,
    },
    /// `dst := src#{k => v}` (`exact`: `:=`, key must exist: else `{badkey,K}`).
    UpdateMap {
        /// The map to update (not a map: `{badmap,M}`).
        src: Src,
        /// Pairs with their `exact` flag.
        pairs: Box<[(Src, Src, bool)]>,
        /// Destination.
        dst: Reg,
        /// Fail label (guards) or [`NO_FAIL`].
        fail: Label,
    },
    /// `dst := Fun` closing over `env` for lambda `lambda` of this module.
    MakeFun {
        /// Index in the module's lambda table.
        lambda: u32,
        /// Captured values.
        env: Box<[Src]>,
        /// Destination.
        dst: Reg,
    },

    // ---- arithmetic, comparison, BIFs ----
    /// `dst := a op b`; `badarith` (or jump to `fail`).
    Arith {
        /// Operator.
        op: ArithOp,
        /// Left operand.
        a: Src,
        /// Right operand.
        b: Src,
        /// Destination.
        dst: Reg,
        /// Fail label or [`NO_FAIL`].
        fail: Label,
    },
    /// `dst := -a` (`neg`), `+a` (`plus`: checks number), or `bnot a`.
    Unary {
        /// 0 = neg, 1 = plus, 2 = bnot.
        op: u8,
        /// Operand.
        a: Src,
        /// Destination.
        dst: Reg,
        /// Fail label or [`NO_FAIL`].
        fail: Label,
    },
    /// `dst := (a op b)` as `true`/`false`.
    Cmp {
        /// Operator.
        op: CmpOp,
        /// Left.
        a: Src,
        /// Right.
        b: Src,
        /// Destination.
        dst: Reg,
    },
    /// Jump to `fail` unless `a op b`.
    Test {
        /// Operator.
        op: CmpOp,
        /// Left.
        a: Src,
        /// Right.
        b: Src,
        /// Where to go when the comparison is false.
        fail: Label,
    },
    /// Jump to `fail` unless `src` has the type.
    TypeTest {
        /// The test.
        test: TypeTest,
        /// The value.
        src: Src,
        /// Where to go when it fails.
        fail: Label,
    },
    /// Jump to `fail` unless `src` is a tuple of `arity` elements.
    IsTupleOf {
        /// The value.
        src: Src,
        /// Required size.
        arity: u32,
        /// Where to go when it fails.
        fail: Label,
    },
    /// Jump to `fail` unless `src` is a tuple whose size is `arity` and first element is `tag`
    /// (record test).
    IsTaggedTuple {
        /// The value.
        src: Src,
        /// Required size.
        arity: u32,
        /// Required first element (an atom literal).
        tag: Src,
        /// Where to go when it fails.
        fail: Label,
    },
    /// Jump to `fail` unless `src` is the atom `true`.
    IsTrue {
        /// The value.
        src: Src,
        /// Where to go otherwise.
        fail: Label,
    },
    /// Jump to `fail` unless `src` is a fun of `arity` arguments.
    IsFunctionOf {
        /// The value.
        src: Src,
        /// Required arity (a slot or constant).
        arity: Src,
        /// Where to go otherwise.
        fail: Label,
    },
    /// Calls BIF `import` (a native function) with `args`; result in `dst`
    /// (or nowhere: [`DISCARD`]). On an exception: jump to `fail`, or
    /// raise with [`NO_FAIL`].
    Bif {
        /// Index in the module's import table; the import must be a BIF.
        import: u32,
        /// Arguments.
        args: Box<[Src]>,
        /// Bit `i` set: argument `i` is a slot read for the last time here,
        /// so the runtime may move the value out instead of copying it.
        last_use: u8,
        /// Destination.
        dst: Reg,
        /// Fail label or [`NO_FAIL`].
        fail: Label,
    },

    // ---- pattern matching ----
    /// `dst := element(index + 1, src)`, `src` known to be a big enough tuple.
    GetElement {
        /// The tuple.
        src: Src,
        /// 0-based index.
        index: u32,
        /// Destination.
        dst: Reg,
    },
    /// `hd := head(src), tl := tail(src)`, `src` known to be a list cell.
    GetList {
        /// The cell.
        src: Src,
        /// Head destination.
        hd: Reg,
        /// Tail destination.
        tl: Reg,
    },
    /// `dst := maps:get(key, src)`, jumping to `fail` if absent; `src` known to be a map.
    GetMapValue {
        /// The map.
        src: Src,
        /// The key.
        key: Src,
        /// Destination.
        dst: Reg,
        /// Where to go if the key is absent.
        fail: Label,
    },
    /// Starts matching the bitstring `src`: `ctx := src`, `pos := 0`; `fail` if not a bitstring.
    BsStart {
        /// The value.
        src: Src,
        /// Slot receiving the bitstring.
        ctx: Reg,
        /// Slot receiving the bit position (an integer).
        pos: Reg,
        /// Where to go if not a bitstring.
        fail: Label,
    },
    /// Reads a segment at `pos` of `ctx` into `dst` and advances `pos`; `fail` if it does not fit.
    /// `size` is `Src::Nil` for "the rest" (binary/bitstring) or the default size.
    BsGet {
        /// Match context slot.
        ctx: Reg,
        /// Position slot.
        pos: Reg,
        /// Segment type.
        kind: BinSegKind,
        /// Size (units), or `Nil` for the rest / default.
        size: Src,
        /// Unit in bits.
        unit: u32,
        /// Signedness and endianness.
        flags: BinFlags,
        /// Destination.
        dst: Reg,
        /// Where to go if the segment does not match.
        fail: Label,
    },
    /// Jumps to `fail` unless `pos` is at the end of `ctx`.
    BsTestEnd {
        /// Match context slot.
        ctx: Reg,
        /// Position slot.
        pos: Reg,
        /// Where to go otherwise.
        fail: Label,
    },

    // ---- binary construction ----
    /// Starts building a binary (the process's builder must be free: values
    /// are all computed before `BsInit`).
    BsInit,
    /// Appends a segment to the binary being built; `badarg` (or `fail`) on a bad value.
    BsPut {
        /// Segment type.
        kind: BinSegKind,
        /// The value.
        value: Src,
        /// Size in units, or `Nil` for the default / whole value.
        size: Src,
        /// Unit in bits.
        unit: u32,
        /// Flags.
        flags: BinFlags,
        /// Fail label or [`NO_FAIL`].
        fail: Label,
    },
    /// Finishes the binary being built into `dst`.
    BsFinish {
        /// Destination.
        dst: Reg,
    },

    // ---- control ----
    /// Jump.
    Jump {
        /// Target.
        to: Label,
    },
    /// Calls local function `func`: arguments are moved out of `args..args+n`; result in `dst`.
    Call {
        /// Function index in this module.
        func: u32,
        /// First argument slot.
        args: Reg,
        /// Number of arguments.
        n: u16,
        /// Result slot.
        dst: Reg,
    },
    /// Last call to a local function: replaces the current frame.
    TailCall {
        /// Function index.
        func: u32,
        /// First argument slot.
        args: Reg,
        /// Number of arguments.
        n: u16,
    },
    /// Calls an imported function (`M:F/A` known at compile time, or a BIF).
    CallExt {
        /// Import index.
        import: u32,
        /// First argument slot.
        args: Reg,
        /// Number of arguments.
        n: u16,
        /// Result slot.
        dst: Reg,
    },
    /// Last call to an imported function.
    TailCallExt {
        /// Import index.
        import: u32,
        /// First argument slot.
        args: Reg,
        /// Number of arguments.
        n: u16,
    },
    /// Calls `M:F(Args)` where slots `args` and `args+1` hold `M` and `F`
    /// and the `n` arguments follow.
    Apply {
        /// Slot of `M` (then `F`, then the arguments).
        args: Reg,
        /// Number of arguments (not counting `M` and `F`).
        n: u16,
        /// Result slot.
        dst: Reg,
    },
    /// Last-call form of [`Instr::Apply`].
    TailApply {
        /// Slot of `M`.
        args: Reg,
        /// Number of arguments.
        n: u16,
    },
    /// Calls the fun in slot `args + n` with the `n` arguments at `args`.
    CallFun {
        /// First argument slot (the fun follows the arguments).
        args: Reg,
        /// Number of arguments.
        n: u16,
        /// Result slot.
        dst: Reg,
    },
    /// Last-call form of [`Instr::CallFun`].
    TailCallFun {
        /// First argument slot.
        args: Reg,
        /// Number of arguments.
        n: u16,
    },
    /// Returns `src` to the caller.
    Return {
        /// The value.
        src: Src,
    },

    // ---- exceptions ----
    /// Raises `error:Reason` with an OTP reason built from `kind` and `value`:
    /// 0 `{badmatch,V}`, 1 `{case_clause,V}`, 2 `if_clause`, 3 `{try_clause,V}`,
    /// 4 `function_clause`, 5 `{badrecord,V}`, 6 `V` itself (plain error),
    /// 7 `{badarg,V}`. See the `RAISE_*` constants.
    RaiseError {
        /// Which reason.
        kind: u8,
        /// The offending value (ignored for `if_clause`, `function_clause`).
        value: Src,
    },
    /// Pushes an exception handler: an exception until the matching
    /// [`Instr::TryEnd`] jumps to `handler` with class, reason and raw
    /// stacktrace in `dst`, `dst+1`, `dst+2`.
    TryBegin {
        /// Handler entry.
        handler: Label,
        /// First of three slots receiving class, reason and stacktrace.
        dst: Reg,
    },
    /// Pops the innermost handler (normal exit of the protected body).
    TryEnd,
    /// Re-raises class `dst`, reason `dst+1`, stacktrace `dst+2` (as caught).
    Reraise {
        /// First of the three slots.
        src: Reg,
    },
    /// Builds the value of `catch Expr` from a caught exception in `src..src+3` into `dst`:
    /// `throw` -> reason, `exit` -> `{'EXIT',R}`, `error` -> `{'EXIT',{R,Stack}}`.
    CatchValue {
        /// First of the three slots.
        src: Reg,
        /// Destination.
        dst: Reg,
    },
    /// `dst := ` the stacktrace term (list of `{M,F,A,Loc}`) of the raw trace in `src`.
    BuildStacktrace {
        /// Raw trace slot.
        src: Reg,
        /// Destination.
        dst: Reg,
    },

    // ---- receive ----
    /// Puts the message at the save position in `dst`, or jumps to `empty` if none is left.
    RecvPeek {
        /// Destination.
        dst: Reg,
        /// Where to go when no unexamined message is left.
        empty: Label,
    },
    /// The current message did not match: advance the save position and jump to `to`.
    RecvNext {
        /// The peek instruction.
        to: Label,
    },
    /// Removes the current message and resets the save position.
    RecvAccept,
    /// Suspends until a new message arrives (then continues at `retry`) or
    /// `timeout` milliseconds pass (then resets the save position and falls through).
    /// `timeout` may be `infinity`.
    RecvWait {
        /// Timeout: integer milliseconds or the atom `infinity`.
        timeout: Src,
        /// Where to continue when a message arrives.
        retry: Label,
    },
}

impl Instr {
    /// Applies `f` to every jump target of the instruction ([`NO_FAIL`] excluded).
    pub fn map_labels(&mut self, f: impl Fn(Label) -> Label) {
        let fix = |l: &mut Label| {
            if *l != NO_FAIL {
                *l = f(*l);
            }
        };
        match self {
            Instr::UpdateMap { fail, .. }
            | Instr::Arith { fail, .. }
            | Instr::Unary { fail, .. }
            | Instr::Test { fail, .. }
            | Instr::TypeTest { fail, .. }
            | Instr::IsTupleOf { fail, .. }
            | Instr::IsTaggedTuple { fail, .. }
            | Instr::IsTrue { fail, .. }
            | Instr::IsFunctionOf { fail, .. }
            | Instr::Bif { fail, .. }
            | Instr::GetMapValue { fail, .. }
            | Instr::BsStart { fail, .. }
            | Instr::BsGet { fail, .. }
            | Instr::BsTestEnd { fail, .. }
            | Instr::BsPut { fail, .. } => fix(fail),
            Instr::Jump { to } | Instr::RecvNext { to } => fix(to),
            Instr::TryBegin { handler, .. } => fix(handler),
            Instr::RecvPeek { empty, .. } => fix(empty),
            Instr::RecvWait { retry, .. } => fix(retry),
            _ => {}
        }
    }
}
