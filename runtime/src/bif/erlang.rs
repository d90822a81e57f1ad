//! The sequential BIFs of the `erlang` module (OTP `bif.c`, `erl_bif_*.c`):
//! type tests, conversions, tuples, lists, binaries, exceptions, `apply`.

use super::args::{badarg, int, list, string};
use crate::interp::exec::compare;
use crate::interp::{BifError, BifResult, Class};
use crate::process::Process;
use crate::term::binary::BitWriter;
use crate::term::print::float as fl;
use crate::term::{atom, etf, hash, number, order, Atom, Bitstring, Fun, FunKind, Term, Tuple};
use ferl_compiler::bytecode::CmpOp;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Num, ToPrimitive};
use std::sync::Arc;

type P = Process;

macro_rules! type_test {
    ($($name:ident => $pat:pat,)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            Ok(Term::bool(matches!(&a[0], $pat)))
        })*
    };
}

type_test! {
    is_atom_1 => Term::Atom(_),
    is_float_1 => Term::Float(_),
    is_integer_1 => Term::Int(_) | Term::Big(_),
    is_number_1 => Term::Int(_) | Term::Big(_) | Term::Float(_),
    is_list_1 => Term::Nil | Term::Cons(_),
    is_tuple_1 => Term::Tuple(_),
    is_map_1 => Term::Map(_),
    is_pid_1 => Term::Pid(_),
    is_reference_1 => Term::Ref(_),
    is_function_1 => Term::Fun(_),
    is_bitstring_1 => Term::Binary(_),
}

pub(crate) fn is_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        matches!(&a[0], Term::Binary(b) if b.is_binary()),
    ))
}

pub(crate) fn is_boolean_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        matches!(&a[0], Term::Atom(x) if *x == atom::TRUE || *x == atom::FALSE),
    ))
}

pub(crate) fn is_function_2(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Fun(f), Term::Int(n)) if *n >= 0 => Ok(Term::bool(f.arity() as i64 == *n)),
        (_, Term::Int(n)) if *n >= 0 => Ok(Term::bool(false)),
        _ => Err(badarg("is_function", a)),
    }
}

pub(crate) fn is_record_2(_: &mut P, a: &[Term]) -> BifResult {
    let Term::Atom(r) = &a[1] else {
        return Err(badarg("is_record", a));
    };
    Ok(Term::bool(
        matches!(&a[0], Term::Tuple(t) if !t.is_empty() && matches!(&t[0], Term::Atom(x) if x == r)),
    ))
}

pub(crate) fn is_record_3(_: &mut P, a: &[Term]) -> BifResult {
    let (Term::Atom(r), Term::Int(n)) = (&a[1], &a[2]) else {
        return Err(badarg("is_record", a));
    };
    Ok(Term::bool(matches!(&a[0], Term::Tuple(t)
        if t.len() as i64 == *n && !t.is_empty() && matches!(&t[0], Term::Atom(x) if x == r))))
}

// ---- operators as functions (`fun erlang:'+'/2`, `apply(erlang, '<', ...)`) ----

macro_rules! arith_bif {
    ($($name:ident, $op:literal => $f:path;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            $f(&a[0], &a[1]).ok_or_else(|| BifError::error_in(Term::Atom(atom::BADARITH), atom::ERLANG, Atom::from_static($op), a))
        })*
    };
}

arith_bif! {
    plus_2, "+" => number::add;
    minus_2, "-" => number::sub;
    times_2, "*" => number::mul;
    div_2, "/" => number::fdiv;
    intdiv_2, "div" => number::idiv;
    rem_2, "rem" => number::rem;
    band_2, "band" => number::band;
    bor_2, "bor" => number::bor;
    bxor_2, "bxor" => number::bxor;
    bsl_2, "bsl" => number::bsl;
    bsr_2, "bsr" => number::bsr;
}

pub(crate) fn minus_1(_: &mut P, a: &[Term]) -> BifResult {
    number::neg(&a[0]).ok_or_else(|| {
        BifError::error_in(
            Term::Atom(atom::BADARITH),
            atom::ERLANG,
            Atom::from_static("-"),
            a,
        )
    })
}

pub(crate) fn plus_1(_: &mut P, a: &[Term]) -> BifResult {
    if a[0].is_number() {
        Ok(a[0].clone())
    } else {
        Err(BifError::error_in(
            Term::Atom(atom::BADARITH),
            atom::ERLANG,
            Atom::from_static("+"),
            a,
        ))
    }
}

pub(crate) fn bnot_1(_: &mut P, a: &[Term]) -> BifResult {
    number::bnot(&a[0]).ok_or_else(|| {
        BifError::error_in(
            Term::Atom(atom::BADARITH),
            atom::ERLANG,
            Atom::from_static("bnot"),
            a,
        )
    })
}

macro_rules! cmp_bif {
    ($($name:ident => $op:expr;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            Ok(Term::bool(compare($op, &a[0], &a[1])))
        })*
    };
}

cmp_bif! {
    eq_2 => CmpOp::Eq;
    ne_2 => CmpOp::Ne;
    exact_eq_2 => CmpOp::ExactEq;
    exact_ne_2 => CmpOp::ExactNe;
    lt_2 => CmpOp::Lt;
    le_2 => CmpOp::Le;
    gt_2 => CmpOp::Gt;
    ge_2 => CmpOp::Ge;
}

fn boolean(t: &Term) -> Option<bool> {
    match t {
        Term::Atom(a) if *a == atom::TRUE => Some(true),
        Term::Atom(a) if *a == atom::FALSE => Some(false),
        _ => None,
    }
}

macro_rules! bool_bif {
    ($($name:ident, $n:literal => $f:expr;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            match (boolean(&a[0]), boolean(&a[1])) {
                (Some(x), Some(y)) => Ok(Term::bool($f(x, y))),
                _ => Err(badarg($n, a)),
            }
        })*
    };
}

bool_bif! {
    and_2, "and" => |x, y| x && y;
    or_2, "or" => |x, y| x || y;
    xor_2, "xor" => |x: bool, y: bool| x != y;
}

pub(crate) fn not_1(_: &mut P, a: &[Term]) -> BifResult {
    boolean(&a[0])
        .map(|b| Term::bool(!b))
        .ok_or_else(|| badarg("not", a))
}

pub(crate) fn append_2(_: &mut P, a: &[Term]) -> BifResult {
    let Some(l) = list(&a[0]) else {
        return Err(badarg("++", a));
    };
    Ok(Term::list_with_tail(l, a[1].clone()))
}

pub(crate) fn subtract_2(_: &mut P, a: &[Term]) -> BifResult {
    let (Some(l), Some(r)) = (list(&a[0]), list(&a[1])) else {
        return Err(badarg("--", a));
    };
    let mut out = l;
    for x in r {
        if let Some(i) = out.iter().position(|y| order::exact_eq(y, &x)) {
            out.remove(i);
        }
    }
    Ok(Term::list(out))
}

pub(crate) fn max_2(_: &mut P, a: &[Term]) -> BifResult {
    Ok(
        if order::compare(&a[1], &a[0]) == std::cmp::Ordering::Greater {
            a[1].clone()
        } else {
            a[0].clone()
        },
    )
}

pub(crate) fn min_2(_: &mut P, a: &[Term]) -> BifResult {
    Ok(
        if order::compare(&a[1], &a[0]) == std::cmp::Ordering::Less {
            a[1].clone()
        } else {
            a[0].clone()
        },
    )
}

// ---- numbers ----

pub(crate) fn abs_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Int(i) => Ok(i
            .checked_abs()
            .map(Term::Int)
            .unwrap_or_else(|| Term::from_bigint(-BigInt::from(*i)))),
        Term::Big(b) => Ok(Term::from_bigint(num_traits::Signed::abs(b.as_ref()))),
        Term::Float(f) => Ok(Term::Float(f.abs())),
        _ => Err(badarg("abs", a)),
    }
}

fn float_to_int(f: f64) -> Term {
    match f.to_i64() {
        Some(i) if (i as f64) == f => Term::Int(i),
        _ => Term::from_bigint(BigInt::from_f64(f).unwrap_or_default()),
    }
}

macro_rules! rounding {
    ($($name:ident, $n:literal => $f:expr;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            match &a[0] {
                Term::Int(_) | Term::Big(_) => Ok(a[0].clone()),
                Term::Float(x) => Ok(float_to_int($f(*x))),
                _ => Err(badarg($n, a)),
            }
        })*
    };
}

rounding! {
    round_1, "round" => f64::round;
    trunc_1, "trunc" => f64::trunc;
    ceil_1, "ceil" => f64::ceil;
    floor_1, "floor" => f64::floor;
}

pub(crate) fn float_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Float(_) => Ok(a[0].clone()),
        t @ (Term::Int(_) | Term::Big(_)) => order::int_to_f64(t)
            .map(Term::Float)
            .ok_or_else(|| badarg("float", a)),
        _ => Err(badarg("float", a)),
    }
}

fn int_to_string(i: &Term, base: u32) -> Option<String> {
    let b = number::to_bigint(i)?;
    Some(b.to_str_radix(base).to_uppercase())
}

fn base_arg(t: &Term) -> Option<u32> {
    match t {
        Term::Int(b) if (2..=36).contains(b) => Some(*b as u32),
        _ => None,
    }
}

pub(crate) fn integer_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    int_to_string(&a[0], 10)
        .map(|s| Term::string(&s))
        .ok_or_else(|| badarg("integer_to_list", a))
}

pub(crate) fn integer_to_list_2(_: &mut P, a: &[Term]) -> BifResult {
    base_arg(&a[1])
        .and_then(|b| int_to_string(&a[0], b))
        .map(|s| Term::string(&s))
        .ok_or_else(|| badarg("integer_to_list", a))
}

pub(crate) fn integer_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    int_to_string(&a[0], 10)
        .map(|s| Term::binary(s.as_bytes()))
        .ok_or_else(|| badarg("integer_to_binary", a))
}

pub(crate) fn integer_to_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    base_arg(&a[1])
        .and_then(|b| int_to_string(&a[0], b))
        .map(|s| Term::binary(s.as_bytes()))
        .ok_or_else(|| badarg("integer_to_binary", a))
}

fn parse_int(s: &str, base: u32) -> Option<Term> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::from_str_radix(digits, base).ok()?;
    Some(Term::from_bigint(if s.starts_with('-') { -v } else { v }))
}

pub(crate) fn list_to_integer_1(_: &mut P, a: &[Term]) -> BifResult {
    string(&a[0])
        .and_then(|s| parse_int(&s, 10))
        .ok_or_else(|| badarg("list_to_integer", a))
}

pub(crate) fn list_to_integer_2(_: &mut P, a: &[Term]) -> BifResult {
    let b = base_arg(&a[1]).ok_or_else(|| badarg("list_to_integer", a))?;
    string(&a[0])
        .and_then(|s| parse_int(&s, b))
        .ok_or_else(|| badarg("list_to_integer", a))
}

fn bin_str(t: &Term) -> Option<String> {
    match t {
        Term::Binary(b) => String::from_utf8(b.as_bytes()?.to_vec()).ok(),
        _ => None,
    }
}

pub(crate) fn binary_to_integer_1(_: &mut P, a: &[Term]) -> BifResult {
    bin_str(&a[0])
        .and_then(|s| parse_int(&s, 10))
        .ok_or_else(|| badarg("binary_to_integer", a))
}

pub(crate) fn binary_to_integer_2(_: &mut P, a: &[Term]) -> BifResult {
    let b = base_arg(&a[1]).ok_or_else(|| badarg("binary_to_integer", a))?;
    bin_str(&a[0])
        .and_then(|s| parse_int(&s, b))
        .ok_or_else(|| badarg("binary_to_integer", a))
}

/// Parses an Erlang float literal (`1.5`, `-2.0e-3`): digits, a dot, digits, an optional exponent.
fn parse_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mant, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mant.split_once('.')?;
    if int.is_empty()
        || frac.is_empty()
        || !int.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    if let Some(e) = exp {
        let d = e.strip_prefix(['+', '-']).unwrap_or(e);
        if d.is_empty() || !d.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let f: f64 = s.parse().ok()?;
    f.is_finite().then_some(f)
}

pub(crate) fn list_to_float_1(_: &mut P, a: &[Term]) -> BifResult {
    string(&a[0])
        .and_then(|s| parse_float(&s))
        .map(Term::Float)
        .ok_or_else(|| badarg("list_to_float", a))
}

pub(crate) fn binary_to_float_1(_: &mut P, a: &[Term]) -> BifResult {
    bin_str(&a[0])
        .and_then(|s| parse_float(&s))
        .map(Term::Float)
        .ok_or_else(|| badarg("binary_to_float", a))
}

fn float_arg(t: &Term) -> Option<f64> {
    match t {
        Term::Float(f) => Some(*f),
        _ => None,
    }
}

/// `float_to_list/2` options to text.
fn float_text(f: f64, opts: &Term) -> Option<String> {
    let mut decimals = None;
    let mut scientific = None;
    let mut compact = false;
    let mut short = false;
    for o in opts.list_to_vec()? {
        match &o {
            Term::Atom(x) if x.name() == "compact" => compact = true,
            Term::Atom(x) if x.name() == "short" => short = true,
            Term::Tuple(t) if t.len() == 2 => match (t[0].as_atom()?.name(), &t[1]) {
                ("decimals", Term::Int(n)) if (0..=253).contains(n) => {
                    decimals = Some(*n as usize);
                    scientific = None;
                }
                ("scientific", Term::Int(n)) if (0..=249).contains(n) => {
                    scientific = Some(*n as usize);
                    decimals = None;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    if short {
        return Some(fl::float_to_shortest(f));
    }
    match (decimals, scientific) {
        (Some(n), _) => fl::float_to_list_decimals(f, n, compact),
        (_, Some(n)) => fl::float_to_list_scientific(f, n),
        _ => Some(fl::float_to_list_default(f)),
    }
}

pub(crate) fn float_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    float_arg(&a[0])
        .map(|f| Term::string(&fl::float_to_list_default(f)))
        .ok_or_else(|| badarg("float_to_list", a))
}

pub(crate) fn float_to_list_2(_: &mut P, a: &[Term]) -> BifResult {
    float_arg(&a[0])
        .and_then(|f| float_text(f, &a[1]))
        .map(|s| Term::string(&s))
        .ok_or_else(|| badarg("float_to_list", a))
}

pub(crate) fn float_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    float_arg(&a[0])
        .map(|f| Term::binary(fl::float_to_list_default(f).as_bytes()))
        .ok_or_else(|| badarg("float_to_binary", a))
}

pub(crate) fn float_to_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    float_arg(&a[0])
        .and_then(|f| float_text(f, &a[1]))
        .map(|s| Term::binary(s.as_bytes()))
        .ok_or_else(|| badarg("float_to_binary", a))
}

// ---- atoms ----

/// OTP's limit on atom length, in characters.
const MAX_ATOM_CHARS: usize = 255;

fn make_atom(name: &str, bif: &str, a: &[Term]) -> BifResult {
    if name.chars().count() > MAX_ATOM_CHARS {
        return Err(BifError::error_in(
            Term::Atom(atom::SYSTEM_LIMIT),
            atom::ERLANG,
            Atom::from_static(bif),
            a,
        ));
    }
    Atom::intern(name).map(Term::Atom).map_err(|_| {
        BifError::error_in(
            Term::Atom(atom::SYSTEM_LIMIT),
            atom::ERLANG,
            Atom::from_static(bif),
            a,
        )
    })
}

pub(crate) fn atom_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    a[0].as_atom()
        .map(|x| Term::string(x.name()))
        .ok_or_else(|| badarg("atom_to_list", a))
}

pub(crate) fn list_to_atom_1(_: &mut P, a: &[Term]) -> BifResult {
    let s = string(&a[0]).ok_or_else(|| badarg("list_to_atom", a))?;
    make_atom(&s, "list_to_atom", a)
}

pub(crate) fn list_to_existing_atom_1(_: &mut P, a: &[Term]) -> BifResult {
    string(&a[0])
        .and_then(|s| Atom::existing(&s))
        .map(Term::Atom)
        .ok_or_else(|| badarg("list_to_existing_atom", a))
}

fn encoding_ok(t: &Term) -> bool {
    matches!(
        t.as_atom().map(|x| x.name()),
        Some("utf8" | "unicode" | "latin1")
    )
}

fn atom_bytes(x: Atom, enc: &Term) -> Option<Vec<u8>> {
    if enc.as_atom().map(|e| e.name()) == Some("latin1") {
        x.name()
            .chars()
            .map(|c| u8::try_from(c as u32).ok())
            .collect()
    } else {
        Some(x.name().as_bytes().to_vec())
    }
}

pub(crate) fn atom_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    a[0].as_atom()
        .map(|x| Term::binary(x.name().as_bytes()))
        .ok_or_else(|| badarg("atom_to_binary", a))
}

pub(crate) fn atom_to_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    match (a[0].as_atom(), encoding_ok(&a[1])) {
        (Some(x), true) => atom_bytes(x, &a[1])
            .map(|b| Term::binary(&b))
            .ok_or_else(|| badarg("atom_to_binary", a)),
        _ => Err(badarg("atom_to_binary", a)),
    }
}

fn binary_name(b: &Term, enc: &Term) -> Option<String> {
    let Term::Binary(b) = b else { return None };
    let bytes = b.as_bytes()?;
    if enc.as_atom().map(|e| e.name()) == Some("latin1") {
        Some(bytes.iter().map(|&c| c as char).collect())
    } else {
        String::from_utf8(bytes.to_vec()).ok()
    }
}

pub(crate) fn binary_to_atom_1(_: &mut P, a: &[Term]) -> BifResult {
    let s =
        binary_name(&a[0], &Term::Atom(atom::UTF8)).ok_or_else(|| badarg("binary_to_atom", a))?;
    make_atom(&s, "binary_to_atom", a)
}

pub(crate) fn binary_to_atom_2(_: &mut P, a: &[Term]) -> BifResult {
    if !encoding_ok(&a[1]) {
        return Err(badarg("binary_to_atom", a));
    }
    let s = binary_name(&a[0], &a[1]).ok_or_else(|| badarg("binary_to_atom", a))?;
    make_atom(&s, "binary_to_atom", a)
}

pub(crate) fn binary_to_existing_atom_1(_: &mut P, a: &[Term]) -> BifResult {
    binary_name(&a[0], &Term::Atom(atom::UTF8))
        .and_then(|s| Atom::existing(&s))
        .map(Term::Atom)
        .ok_or_else(|| badarg("binary_to_existing_atom", a))
}

pub(crate) fn binary_to_existing_atom_2(_: &mut P, a: &[Term]) -> BifResult {
    binary_name(&a[0], &a[1])
        .and_then(|s| Atom::existing(&s))
        .map(Term::Atom)
        .ok_or_else(|| badarg("binary_to_existing_atom", a))
}

// ---- tuples and lists ----

pub(crate) fn element_2(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Int(i), Term::Tuple(t)) if *i >= 1 && (*i as usize) <= t.len() => {
            Ok(t[*i as usize - 1].clone())
        }
        _ => Err(badarg("element", a)),
    }
}

pub(crate) fn setelement_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Int(i), Term::Tuple(t)) if *i >= 1 && (*i as usize) <= t.len() => {
            let mut v = t.to_vec();
            v[*i as usize - 1] = a[2].clone();
            Ok(Term::tuple(v))
        }
        _ => Err(badarg("setelement", a)),
    }
}

pub(crate) fn tuple_size_1(_: &mut P, a: &[Term]) -> BifResult {
    a[0].as_tuple()
        .map(|t| Term::Int(t.len() as i64))
        .ok_or_else(|| badarg("tuple_size", a))
}

pub(crate) fn size_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Tuple(t) => Ok(Term::Int(t.len() as i64)),
        Term::Binary(b) => Ok(Term::Int(b.byte_len() as i64)),
        _ => Err(badarg("size", a)),
    }
}

pub(crate) fn make_tuple_2(_: &mut P, a: &[Term]) -> BifResult {
    match int(&a[0]) {
        Some(n) if (0..=(1 << 24)).contains(&n) => Ok(Term::tuple(vec![a[1].clone(); n as usize])),
        _ => Err(badarg("make_tuple", a)),
    }
}

pub(crate) fn make_tuple_3(_: &mut P, a: &[Term]) -> BifResult {
    let n = int(&a[0])
        .filter(|n| (0..=(1 << 24)).contains(n))
        .ok_or_else(|| badarg("make_tuple", a))?;
    let mut v = vec![a[1].clone(); n as usize];
    for init in list(&a[2]).ok_or_else(|| badarg("make_tuple", a))? {
        match init.as_tuple() {
            Some(t) if t.len() == 2 => match int(&t[0]) {
                Some(i) if i >= 1 && i <= n => v[i as usize - 1] = t[1].clone(),
                _ => return Err(badarg("make_tuple", a)),
            },
            _ => return Err(badarg("make_tuple", a)),
        }
    }
    Ok(Term::tuple(v))
}

pub(crate) fn append_element_2(_: &mut P, a: &[Term]) -> BifResult {
    let t = a[0].as_tuple().ok_or_else(|| badarg("append_element", a))?;
    let mut v = t.to_vec();
    v.push(a[1].clone());
    Ok(Term::tuple(v))
}

pub(crate) fn insert_element_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1]) {
        (Term::Int(i), Term::Tuple(t)) if *i >= 1 && (*i as usize) <= t.len() + 1 => {
            let mut v = t.to_vec();
            v.insert(*i as usize - 1, a[2].clone());
            Ok(Term::tuple(v))
        }
        _ => Err(badarg("insert_element", a)),
    }
}

pub(crate) fn tuple_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    a[0].as_tuple()
        .map(|t| Term::list(t.to_vec()))
        .ok_or_else(|| badarg("tuple_to_list", a))
}

pub(crate) fn list_to_tuple_1(_: &mut P, a: &[Term]) -> BifResult {
    list(&a[0])
        .map(|v| Term::Tuple(Tuple::new(v)))
        .ok_or_else(|| badarg("list_to_tuple", a))
}

pub(crate) fn length_1(_: &mut P, a: &[Term]) -> BifResult {
    let mut it = a[0].iter_list();
    let n = (&mut it).count();
    if it.is_proper() {
        Ok(Term::Int(n as i64))
    } else {
        Err(badarg("length", a))
    }
}

pub(crate) fn hd_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Cons(c) => Ok(c.head.clone()),
        _ => Err(badarg("hd", a)),
    }
}

pub(crate) fn tl_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Cons(c) => Ok(c.tail.clone()),
        _ => Err(badarg("tl", a)),
    }
}

// ---- binaries ----

/// Appends an iolist (bytes, binaries, nested lists, binary tail) to `w`.
fn write_iolist(w: &mut BitWriter, t: &Term, bits_ok: bool) -> Option<()> {
    let mut stack: Vec<&Term> = vec![t];
    // Explicit stack: deep iolists must not recurse on the Rust stack.
    while let Some(cur) = stack.pop() {
        match cur {
            Term::Binary(b) => {
                if !bits_ok && !b.is_binary() {
                    return None;
                }
                w.push_bitstring(b);
            }
            Term::Nil => {}
            Term::Cons(_) => {
                let mut it = cur.iter_list();
                let mut items: Vec<&Term> = Vec::new();
                for x in &mut it {
                    match x {
                        Term::Int(b) if (0..=255).contains(b) => items.push(x),
                        Term::Binary(_) | Term::Cons(_) | Term::Nil => items.push(x),
                        _ => return None,
                    }
                }
                match it.tail() {
                    Term::Nil => {}
                    tail @ Term::Binary(_) => items.push(tail),
                    _ => return None,
                }
                for x in items.into_iter().rev() {
                    stack.push(x);
                }
            }
            Term::Int(b) => w.push_bytes(&[*b as u8]),
            _ => return None,
        }
        if !w.bit_len().is_multiple_of(8) && !bits_ok {
            return None;
        }
    }
    Some(())
}

/// The bytes of an iolist, if it is one.
pub(crate) fn iolist_bytes(t: &Term) -> Option<Vec<u8>> {
    let mut w = BitWriter::new();
    write_iolist(&mut w, t, false)?;
    Some(w.finish().to_bytes())
}

pub(crate) fn iolist_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    if let Term::Binary(b) = &a[0] {
        if b.is_binary() {
            return Ok(a[0].clone());
        }
    }
    iolist_bytes(&a[0])
        .map(|b| Term::binary(&b))
        .ok_or_else(|| badarg("iolist_to_binary", a))
}

pub(crate) fn list_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    if !a[0].is_list() {
        return Err(badarg("list_to_binary", a));
    }
    iolist_bytes(&a[0])
        .map(|b| Term::binary(&b))
        .ok_or_else(|| badarg("list_to_binary", a))
}

pub(crate) fn list_to_bitstring_1(_: &mut P, a: &[Term]) -> BifResult {
    if !a[0].is_list() {
        return Err(badarg("list_to_bitstring", a));
    }
    let mut w = BitWriter::new();
    write_iolist(&mut w, &a[0], true).ok_or_else(|| badarg("list_to_bitstring", a))?;
    Ok(Term::Binary(Arc::new(w.finish())))
}

pub(crate) fn iolist_size_1(_: &mut P, a: &[Term]) -> BifResult {
    iolist_bytes(&a[0])
        .map(|b| Term::Int(b.len() as i64))
        .ok_or_else(|| badarg("iolist_size", a))
}

pub(crate) fn byte_size_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Binary(b) => Ok(Term::Int(b.byte_size() as i64)),
        _ => Err(badarg("byte_size", a)),
    }
}

pub(crate) fn bit_size_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Binary(b) => Ok(Term::Int(b.bit_len() as i64)),
        _ => Err(badarg("bit_size", a)),
    }
}

pub(crate) fn binary_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Binary(b) if b.is_binary() => Ok(Term::list(
            b.to_bytes()
                .into_iter()
                .map(|x| Term::Int(x as i64))
                .collect(),
        )),
        _ => Err(badarg("binary_to_list", a)),
    }
}

pub(crate) fn binary_to_list_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], int(&a[1]), int(&a[2])) {
        (Term::Binary(b), Some(s), Some(e))
            if b.is_binary() && s >= 1 && e >= s && (e as usize) <= b.byte_len() =>
        {
            let bytes = b.to_bytes();
            Ok(Term::list(
                bytes[s as usize - 1..e as usize]
                    .iter()
                    .map(|&x| Term::Int(x as i64))
                    .collect(),
            ))
        }
        _ => Err(badarg("binary_to_list", a)),
    }
}

pub(crate) fn bitstring_to_list_1(_: &mut P, a: &[Term]) -> BifResult {
    let Term::Binary(b) = &a[0] else {
        return Err(badarg("bitstring_to_list", a));
    };
    let whole = b.byte_len();
    let mut v: Vec<Term> = (0..whole)
        .map(|i| Term::Int(b.read_bits(i * 8, 8) as i64))
        .collect();
    if !b.is_binary() {
        v.push(Term::Binary(Arc::new(
            b.sub(whole * 8, b.bit_len() - whole * 8),
        )));
    }
    Ok(Term::list(v))
}

fn part(b: &Bitstring, start: i64, len: i64) -> Option<Term> {
    let (s, l) = if len < 0 {
        (start + len, -len)
    } else {
        (start, len)
    };
    if !b.is_binary() || s < 0 || (s + l) as usize > b.byte_len() {
        return None;
    }
    Some(Term::Binary(Arc::new(
        b.sub(s as usize * 8, l as usize * 8),
    )))
}

pub(crate) fn binary_part_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], int(&a[1]), int(&a[2])) {
        (Term::Binary(b), Some(s), Some(l)) => {
            part(b, s, l).ok_or_else(|| badarg("binary_part", a))
        }
        _ => Err(badarg("binary_part", a)),
    }
}

pub(crate) fn binary_part_2(p: &mut P, a: &[Term]) -> BifResult {
    match a[1].as_tuple() {
        Some(t) if t.len() == 2 => binary_part_3(p, &[a[0].clone(), t[0].clone(), t[1].clone()])
            .map_err(|_| badarg("binary_part", a)),
        _ => Err(badarg("binary_part", a)),
    }
}

pub(crate) fn split_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], int(&a[1])) {
        (Term::Binary(b), Some(n)) if b.is_binary() && n >= 0 && (n as usize) <= b.byte_len() => {
            let n = n as usize * 8;
            Ok(Term::tuple(vec![
                Term::Binary(Arc::new(b.sub(0, n))),
                Term::Binary(Arc::new(b.sub(n, b.bit_len() - n))),
            ]))
        }
        _ => Err(badarg("split_binary", a)),
    }
}

pub(crate) fn term_to_binary_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::binary(&etf::encode(
        &a[0],
        &etf::EncodeOpts::default(),
    )))
}

pub(crate) fn term_to_binary_2(_: &mut P, a: &[Term]) -> BifResult {
    let opts = etf::EncodeOpts::from_term(&a[1]).ok_or_else(|| badarg("term_to_binary", a))?;
    Ok(Term::binary(&etf::encode(&a[0], &opts)))
}

fn decode(p: &mut P, bytes: &Term, opts: etf::DecodeOpts, name: &str, a: &[Term]) -> BifResult {
    let Term::Binary(b) = bytes else {
        return Err(badarg(name, a));
    };
    let data = b.as_bytes().ok_or_else(|| badarg(name, a))?;
    let rt = p.rt.clone();
    let mut opts = opts;
    opts.resolve_fun = Some(Arc::new(move |r: &etf::LocalFunRef| {
        rt.code.get(r.module).ok()
    }));
    match etf::decode(data, &opts) {
        Ok((t, used)) => {
            if opts.used {
                Ok(Term::tuple(vec![t, Term::Int(used as i64)]))
            } else {
                Ok(t)
            }
        }
        Err(_) => Err(badarg(name, a)),
    }
}

pub(crate) fn binary_to_term_1(p: &mut P, a: &[Term]) -> BifResult {
    decode(p, &a[0], etf::DecodeOpts::default(), "binary_to_term", a)
}

pub(crate) fn binary_to_term_2(p: &mut P, a: &[Term]) -> BifResult {
    let opts = etf::DecodeOpts::from_term(&a[1]).ok_or_else(|| badarg("binary_to_term", a))?;
    decode(p, &a[0], opts, "binary_to_term", a)
}

pub(crate) fn phash2_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(Term::Int(hash::phash2(&a[0]) as i64))
}

pub(crate) fn phash2_2(_: &mut P, a: &[Term]) -> BifResult {
    match &a[1] {
        Term::Int(r) if *r >= 1 && *r <= (1i64 << 32) => {
            Ok(Term::Int(hash::phash2_range(&a[0], *r as u64) as i64))
        }
        _ => Err(badarg("phash2", a)),
    }
}

// ---- exceptions and control ----

pub(crate) fn error_1(_: &mut P, a: &[Term]) -> BifResult {
    Err(BifError::raise(Class::Error, a[0].clone()))
}

/// `error(Reason, Args)`: the caller's entry in the trace shows `Args`
/// (or its arity when `Args` is `none`).
pub(crate) fn error_2(p: &mut P, a: &[Term]) -> BifResult {
    error_with_args(p, a, Term::Nil)
}

/// `error(Reason, Args, Options)`: as `error/2`; an `{error_info, Map}`
/// option becomes the caller's location info.
pub(crate) fn error_3(p: &mut P, a: &[Term]) -> BifResult {
    let opts = list(&a[2]).ok_or_else(|| badarg("error", a))?;
    let mut info = Term::Nil;
    for o in opts {
        if let Some(t) = o.as_tuple() {
            if t.len() == 2 && t[0].as_atom() == Some(atom::ERROR_INFO) {
                info = Term::list(vec![o.clone()]);
            }
        }
    }
    error_with_args(p, a, info)
}

fn error_with_args(p: &mut P, a: &[Term], info: Term) -> BifResult {
    let args = match &a[1] {
        Term::Atom(x) if x.name() == "none" => None,
        other => Some(list(other).ok_or_else(|| badarg("error", a))?),
    };
    let mut trace = crate::interp::stacktrace::build(p, None, false, args);
    if !matches!(info, Term::Nil) {
        trace = crate::interp::stacktrace::with_top_location_extra(trace, info);
    }
    Err(BifError::Raise {
        class: Class::Error,
        reason: a[0].clone(),
        frame: None,
        trace: Some(trace),
    })
}

pub(crate) fn exit_1(_: &mut P, a: &[Term]) -> BifResult {
    Err(BifError::raise(Class::Exit, a[0].clone()))
}

pub(crate) fn throw_1(_: &mut P, a: &[Term]) -> BifResult {
    Err(BifError::raise(Class::Throw, a[0].clone()))
}

pub(crate) fn nif_error_1(_: &mut P, a: &[Term]) -> BifResult {
    Err(BifError::raise(Class::Error, a[0].clone()))
}

pub(crate) fn nif_error_2(_: &mut P, a: &[Term]) -> BifResult {
    Err(BifError::raise(Class::Error, a[0].clone()))
}

/// `erlang:raise(Class, Reason, Stacktrace)`: returns the atom `badarg`
/// (it does not raise) if the class or the stacktrace is malformed.
pub(crate) fn raise_3(_: &mut P, a: &[Term]) -> BifResult {
    let Some(class) = Class::from_term(&a[0]) else {
        return Ok(Term::Atom(atom::BADARG));
    };
    if !valid_stacktrace(&a[2]) {
        return Ok(Term::Atom(atom::BADARG));
    }
    Err(BifError::Raise {
        class,
        reason: a[1].clone(),
        frame: None,
        trace: Some(a[2].clone()),
    })
}

/// A list of `{M, F, ArityOrArgs, Location}` (or `{Fun, ArityOrArgs, Location}`) entries.
fn valid_stacktrace(t: &Term) -> bool {
    let Some(entries) = list(t) else { return false };
    entries.iter().all(|e| match e.as_tuple() {
        Some(x) if x.len() == 4 => {
            matches!((&x[0], &x[1]), (Term::Atom(_), Term::Atom(_)))
                && (matches!(&x[2], Term::Int(n) if *n >= 0) || x[2].is_list())
                && x[3].is_list()
        }
        Some(x) if x.len() == 3 => matches!(&x[0], Term::Fun(_)) && x[2].is_list(),
        _ => false,
    })
}

pub(crate) fn apply_2(_: &mut P, a: &[Term]) -> BifResult {
    let args = list(&a[1]).ok_or_else(|| badarg("apply", a))?;
    Err(BifError::ApplyFun(a[0].clone(), args))
}

pub(crate) fn apply_3(_: &mut P, a: &[Term]) -> BifResult {
    let args = list(&a[2]).ok_or_else(|| badarg("apply", a))?;
    match (&a[0], &a[1]) {
        (Term::Atom(m), Term::Atom(f)) => Err(BifError::Apply(*m, *f, args)),
        _ => Err(badarg("apply", a)),
    }
}

pub(crate) fn make_fun_3(_: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1], &a[2]) {
        (Term::Atom(m), Term::Atom(f), Term::Int(n)) if (0..=255).contains(n) => {
            Ok(Term::Fun(Arc::new(Fun {
                module: *m,
                kind: FunKind::External {
                    function: *f,
                    arity: *n as u32,
                },
            })))
        }
        _ => Err(badarg("make_fun", a)),
    }
}

pub(crate) fn fun_info_2(_: &mut P, a: &[Term]) -> BifResult {
    let (Term::Fun(f), Some(item)) = (&a[0], a[1].as_atom()) else {
        return Err(badarg("fun_info", a));
    };
    let v = match (item.name(), &f.kind) {
        ("arity", _) => Term::Int(f.arity() as i64),
        ("module", _) => Term::Atom(f.module),
        ("name", FunKind::External { function, .. }) => Term::Atom(*function),
        ("name", FunKind::Local { code, index, .. }) => {
            let func = code.code.lambdas[*index as usize].function;
            Term::Atom(code.fn_names[func as usize].0)
        }
        ("env", FunKind::Local { env, .. }) => Term::list(env.to_vec()),
        ("env", _) => Term::Nil,
        ("type", FunKind::Local { .. }) => Term::Atom(atom::LOCAL),
        ("type", _) => Term::Atom(atom::EXTERNAL),
        ("index", FunKind::Local { index, .. }) => Term::Int(*index as i64),
        ("pid", _) => Term::Atom(atom::UNDEFINED),
        _ => return Err(badarg("fun_info", a)),
    };
    Ok(Term::tuple(vec![a[1].clone(), v]))
}

pub(crate) fn halt_0(_: &mut P, _: &[Term]) -> BifResult {
    Err(BifError::Halt(0))
}

pub(crate) fn halt_1(_: &mut P, a: &[Term]) -> BifResult {
    match &a[0] {
        Term::Int(n) if *n >= 0 => Err(BifError::Halt((*n & 0xFF) as i32)),
        Term::Atom(x) if x.name() == "abort" => Err(BifError::Halt(134)),
        t if t.list_to_string().is_some() => {
            eprintln!("{}", t.list_to_string().unwrap());
            Err(BifError::Halt(1))
        }
        _ => Err(badarg("halt", a)),
    }
}

pub(crate) fn halt_2(p: &mut P, a: &[Term]) -> BifResult {
    halt_1(p, &a[..1])
}

pub(crate) fn display_1(_: &mut P, a: &[Term]) -> BifResult {
    let mut s = String::new();
    crate::term::print::write_term(&mut s, &a[0]);
    println!("{s}");
    Ok(Term::Atom(atom::TRUE))
}

// ---- code ----

pub(crate) fn get_module_info_1(p: &mut P, a: &[Term]) -> BifResult {
    let items = ["module", "exports", "attributes", "compile", "md5"];
    let mut out = Vec::new();
    for i in items {
        let v = get_module_info_2(p, &[a[0].clone(), Term::atom_str(i)])?;
        out.push(Term::tuple(vec![Term::atom_str(i), v]));
    }
    Ok(Term::list(out))
}

pub(crate) fn get_module_info_2(p: &mut P, a: &[Term]) -> BifResult {
    let (Some(m), Some(item)) = (a[0].as_atom(), a[1].as_atom()) else {
        return Err(badarg("get_module_info", a));
    };
    let lm = p.rt.code.get(m).map_err(|_| badarg("get_module_info", a))?;
    Ok(match item.name() {
        "module" => Term::Atom(m),
        "exports" | "functions" => {
            let mut v: Vec<Term> = lm
                .code
                .exports
                .iter()
                .map(|(n, ar, _)| Term::tuple(vec![Term::atom_str(n), Term::Int(*ar as i64)]))
                .collect();
            v.push(Term::tuple(vec![
                Term::atom_str("module_info"),
                Term::Int(0),
            ]));
            v.push(Term::tuple(vec![
                Term::atom_str("module_info"),
                Term::Int(1),
            ]));
            Term::list(v)
        }
        "attributes" => {
            let mut v = Vec::new();
            for (n, l) in &lm.code.attributes {
                let val = crate::code::loader::literal_term(l)
                    .map_err(|_| badarg("get_module_info", a))?;
                let val = if val.is_list() {
                    val
                } else {
                    Term::list(vec![val])
                };
                v.push(Term::tuple(vec![Term::atom_str(n), val]));
            }
            Term::list(v)
        }
        "compile" => Term::Nil,
        "md5" => Term::binary(&[0; 16]),
        _ => return Err(badarg("get_module_info", a)),
    })
}

pub(crate) fn function_exported_3(p: &mut P, a: &[Term]) -> BifResult {
    match (&a[0], &a[1], &a[2]) {
        (Term::Atom(m), Term::Atom(f), Term::Int(n)) => Ok(Term::bool(
            p.rt.code
                .loaded(*m)
                .is_some_and(|lm| lm.export(*f, *n as u32).is_some())
                || super::lookup_atoms(*m, *f, *n as u32).is_some(),
        )),
        _ => Err(badarg("function_exported", a)),
    }
}

pub(crate) fn code_ensure_loaded_1(p: &mut P, a: &[Term]) -> BifResult {
    let Some(m) = a[0].as_atom() else {
        return Err(super::args::badarg_in("code", "ensure_loaded", a));
    };
    Ok(match p.rt.code.get(m) {
        Ok(_) => Term::tuple(vec![Term::atom_str("module"), a[0].clone()]),
        Err(_) => Term::tuple(vec![Term::Atom(atom::ERROR), Term::atom_str("nofile")]),
    })
}

pub(crate) fn code_is_loaded_1(p: &mut P, a: &[Term]) -> BifResult {
    let Some(m) = a[0].as_atom() else {
        return Err(super::args::badarg_in("code", "is_loaded", a));
    };
    Ok(match p.rt.code.loaded(m) {
        Some(lm) => Term::tuple(vec![Term::Atom(atom::FILE), lm.file.clone()]),
        None => Term::Atom(atom::FALSE),
    })
}

/// `is_port/1`: ferl has no ports yet, so nothing is one.
pub(crate) fn is_port_1(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::bool(false))
}
