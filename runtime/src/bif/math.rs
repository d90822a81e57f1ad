//! The `math` module (OTP `erl_math.c`): every function takes numbers and
//! returns a float; a result that is not a finite real raises `badarith`.

use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{atom, order, Atom, Term};

type P = Process;

fn num(t: &Term) -> Option<f64> {
    match t {
        Term::Float(f) => Some(*f),
        _ => order::int_to_f64(t),
    }
}

fn fail(name: &str, a: &[Term]) -> BifError {
    let reason = if a.iter().all(|t| t.is_number()) {
        atom::BADARITH
    } else {
        atom::BADARG
    };
    BifError::error_in(
        Term::Atom(reason),
        Atom::from_static("math"),
        Atom::from_static(name),
        a,
    )
}

macro_rules! math1 {
    ($($name:ident, $n:literal => $f:expr;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            let x = num(&a[0]).ok_or_else(|| fail($n, a))?;
            let r: f64 = $f(x);
            if r.is_finite() { Ok(Term::Float(r)) } else { Err(fail($n, a)) }
        })*
    };
}

math1! {
    sin_1, "sin" => f64::sin;
    cos_1, "cos" => f64::cos;
    tan_1, "tan" => f64::tan;
    asin_1, "asin" => f64::asin;
    acos_1, "acos" => f64::acos;
    atan_1, "atan" => f64::atan;
    sinh_1, "sinh" => f64::sinh;
    cosh_1, "cosh" => f64::cosh;
    tanh_1, "tanh" => f64::tanh;
    asinh_1, "asinh" => f64::asinh;
    acosh_1, "acosh" => f64::acosh;
    atanh_1, "atanh" => f64::atanh;
    exp_1, "exp" => f64::exp;
    log_1, "log" => |x: f64| if x > 0.0 { x.ln() } else { f64::NAN };
    log2_1, "log2" => |x: f64| if x > 0.0 { x.log2() } else { f64::NAN };
    log10_1, "log10" => |x: f64| if x > 0.0 { x.log10() } else { f64::NAN };
    sqrt_1, "sqrt" => |x: f64| if x >= 0.0 { x.sqrt() } else { f64::NAN };
    ceil_1, "ceil" => f64::ceil;
    floor_1, "floor" => f64::floor;
    erf_1, "erf" => erf;
    erfc_1, "erfc" => |x| 1.0 - erf(x);
}

/// The error function (Abramowitz–Stegun 7.1.26 refined with a series for small x).
fn erf(x: f64) -> f64 {
    if x.abs() < 2.0 {
        // Maclaurin series: converges fast enough for |x| < 2.
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= -x2 / n;
            let add = term / (2.0 * n + 1.0);
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        return sum * 2.0 / std::f64::consts::PI.sqrt();
    }
    // Continued fraction for erfc at larger |x|.
    let z = x.abs();
    let mut f = 0.0;
    for k in (1..60).rev() {
        f = (k as f64 / 2.0) / (z + f);
    }
    let erfc = (-z * z).exp() / (std::f64::consts::PI.sqrt() * (z + f));
    if x > 0.0 {
        1.0 - erfc
    } else {
        erfc - 1.0
    }
}

macro_rules! math2 {
    ($($name:ident, $n:literal => $f:expr;)*) => {
        $(pub(crate) fn $name(_: &mut P, a: &[Term]) -> BifResult {
            let (x, y) = (num(&a[0]).ok_or_else(|| fail($n, a))?, num(&a[1]).ok_or_else(|| fail($n, a))?);
            let r: f64 = $f(x, y);
            if r.is_finite() { Ok(Term::Float(r)) } else { Err(fail($n, a)) }
        })*
    };
}

math2! {
    pow_2, "pow" => f64::powf;
    atan2_2, "atan2" => f64::atan2;
    fmod_2, "fmod" => |x: f64, y: f64| if y == 0.0 { f64::NAN } else { x % y };
}

pub(crate) fn pi_0(_: &mut P, _: &[Term]) -> BifResult {
    Ok(Term::Float(std::f64::consts::PI))
}
