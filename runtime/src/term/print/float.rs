//! Float to text, as OTP 25 writes floats (OTP `erl_printf_format.c`,
//! `sys_double_to_chars*`, the Ryu-based `float_to_list(F, [short])`, and
//! the digit handling of `io_lib_format`).
//!
//! Every routine starts from exactly rounded decimal digits produced by
//! Rust's formatter (`{:e}` gives the shortest round-trip digits, `{:.Ne}`
//! and `{:.Nf}` exact rounding of the binary value), then lays them out the
//! way OTP does.

/// The shortest digits that read back as `f`, and the decimal exponent of
/// the first digit: `f = 0.d1d2... * 10^(exp + 1)`, i.e. `d1.d2... e exp`.
///
/// When the value lies exactly halfway between two shortest candidates
/// (`2032366347620138.25`), OTP's Ryu takes the one with an even last
/// digit (`...138.2`) where Rust's formatter rounds up; that case is fixed
/// up here.
fn shortest_digits(f: f64) -> (String, i32) {
    let (digits, exp) = split_sci(&format!("{:e}", f.abs()));
    let n = digits.len();
    let last_odd = digits.as_bytes()[n - 1] % 2 == 1;
    if !last_odd {
        return (digits, exp);
    }
    let is_tie = |exact: &[u8], exact_exp: i32| {
        exact_exp == exp && exact.get(n) == Some(&b'5') && exact[n + 1..].iter().all(|&c| c == b'0')
    };
    // A cheap look a few digits further first, then the exact value (to
    // more digits than any double has).
    let (near, near_exp) = split_sci(&format!("{:.*e}", n + 24, f.abs()));
    if !is_tie(near.as_bytes(), near_exp) {
        return (digits, exp);
    }
    let (exact, exact_exp) = split_sci(&format!("{:.800e}", f.abs()));
    if !is_tie(exact.as_bytes(), exact_exp) {
        return (digits, exp);
    }
    let lo = &exact[..n];
    if lo != digits {
        // Rust rounded up to an odd digit; the even neighbour is below.
        return (lo.to_string(), exp);
    }
    // Rust rounded down to an odd digit: take the next one up.
    let mut up: Vec<u8> = lo.bytes().collect();
    let mut i = n;
    loop {
        if i == 0 {
            up.insert(0, b'1');
            up.pop();
            return (String::from_utf8(up).unwrap_or_default(), exp + 1);
        }
        i -= 1;
        if up[i] == b'9' {
            up[i] = b'0';
        } else {
            up[i] += 1;
            break;
        }
    }
    (String::from_utf8(up).unwrap_or_default(), exp)
}

/// Splits Rust's `{:e}` output (`1.2345e-7`, no sign) into digits and exponent.
fn split_sci(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `io_lib:format("~p", [F])`, `io_lib:write/1`, `float_to_list(F, [short])`:
/// the shortest digits that read back as `f`, laid out in plain decimal
/// (`123.456`, `0.001`) or scientific form (`1.0e-5`, `1.2345e19`),
/// whichever is shorter, plain decimal on a tie; from 2^53 up always
/// scientific (`9007199254740991.0` but `9.007199254740992e15`).
pub fn float_to_shortest(f: f64) -> String {
    let (digits, exp) = shortest_digits(f);
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let n = digits.len() as i32;
    // Plain decimal form.
    let plain = if exp >= 0 {
        if n <= exp + 1 {
            format!("{digits}{}.0", "0".repeat((exp + 1 - n) as usize))
        } else {
            let (int, frac) = digits.split_at((exp + 1) as usize);
            format!("{int}.{frac}")
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    };
    // Scientific form: one digit, a fraction of at least one digit, `e`, exponent.
    let frac = if n > 1 { &digits[1..] } else { "0" };
    let sci = format!("{}.{frac}e{exp}", &digits[..1]);
    // Ryu's rule in OTP: integers of 2^53 and above never print in full.
    if sci.len() < plain.len() || f.abs() >= 9007199254740992.0 {
        format!("{sign}{sci}")
    } else {
        format!("{sign}{plain}")
    }
}

/// The output forms of `float_to_list/2` and `float_to_binary/2`; with
/// several options OTP uses the last of `short`, `{decimals, N}` and
/// `{scientific, N}`, and `compact` only affects `decimals`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatFormat {
    /// No option: `%.20e`.
    Default,
    /// `short`: the shortest text that reads back.
    Short,
    /// `{decimals, N}`, possibly with `compact`.
    Decimals {
        /// Digits after the point (at most 253).
        n: usize,
        /// Drop trailing zeros (keeping one digit after the point).
        compact: bool,
    },
    /// `{scientific, N}` (at most 249 digits after the point).
    Scientific(usize),
}

/// `float_to_list(F, Options)` in any [`FloatFormat`]; `None` where OTP
/// raises badarg.
pub fn float_to_text(f: f64, format: FloatFormat) -> Option<String> {
    match format {
        FloatFormat::Default => Some(float_to_list_default(f)),
        FloatFormat::Short => Some(float_to_shortest(f)),
        FloatFormat::Decimals { n, compact } => float_to_list_decimals(f, n, compact),
        FloatFormat::Scientific(n) => float_to_list_scientific(f, n),
    }
}

/// Writes C's `%.Ne` exponent (`e+00`, `e-300`) in place of Rust's (`e0`, `e-300`).
fn c_exponent(rust: &str) -> String {
    let (mant, exp) = rust.split_once('e').unwrap_or((rust, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    format!("{mant}e{sign}{:02}", e.abs())
}

/// `float_to_list(F)`: C's `%.20e`, e.g. `1.00000000000000000000e+00`.
pub fn float_to_list_default(f: f64) -> String {
    c_exponent(&format!("{f:.20e}"))
}

/// `float_to_list(F, [{scientific, N}])`: C's `%.Ne`. `None` (badarg) for
/// `N > 249`, as OTP.
pub fn float_to_list_scientific(f: f64, n: usize) -> Option<String> {
    if n > 249 {
        return None;
    }
    Some(c_exponent(&format!("{f:.n$e}")))
}

/// OTP's fixed-point output refuses results longer than its 256-byte buffer
/// (`float_to_list(1.0e308, [{decimals, 0}])` is badarg).
const DECIMALS_BUFFER: usize = 256;

/// `float_to_list(F, [{decimals, N}])` and with `compact` (trailing zeros
/// dropped, one kept after the point). `None` (badarg) for `N > 253` or a
/// result that does not fit OTP's buffer.
///
/// OTP rounds the fraction with a float multiply for up to 18 decimals and
/// `|F| < 2^53` (so `0.15` to one decimal gives `0.2`, halves round away
/// from zero) and prints the exactly rounded value beyond; both behaviours
/// are reproduced.
pub fn float_to_list_decimals(f: f64, n: usize, compact: bool) -> Option<String> {
    if n > 253 {
        return None;
    }
    let neg = f.is_sign_negative();
    let af = f.abs();
    let mut s = fast_decimals(af, n).unwrap_or_else(|| format!("{af:.n$}"));
    if compact && n > 0 {
        while s.ends_with('0') && !s.ends_with(".0") {
            s.pop();
        }
    }
    if neg {
        s.insert(0, '-');
    }
    (s.len() < DECIMALS_BUFFER).then_some(s)
}

/// OTP's fast path (`sys_double_to_chars_fast`), taken for up to 18
/// decimals and `|F| < 2^53`: the integer part exactly, the fraction
/// `frac * 10^N` in float arithmetic rounded half away from zero, a carry
/// into the integer.
fn fast_decimals(af: f64, n: usize) -> Option<String> {
    const POW10: [f64; 19] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18,
    ];
    let mult = *POW10.get(n)?;
    if af >= 9007199254740992.0 {
        return None;
    }
    let mut int = af as u64;
    let frac_part = af - int as f64;
    let mut frac = (frac_part * mult).round() as u64;
    let m = mult as u64;
    if frac >= m {
        int += 1;
        frac -= m;
    }
    if n == 0 {
        return Some(int.to_string());
    }
    Some(format!("{int}.{frac:0n$}"))
}

/// The 21 significant digits `io_lib_format` works from (those of
/// `float_to_list(F)`) and the exponent of the first one.
fn io_lib_digits(f: f64) -> (Vec<u8>, i32) {
    let (digits, exp) = split_sci(&format!("{:.20e}", f.abs()));
    (digits.bytes().map(|b| b - b'0').collect(), exp)
}

/// Rounds a digit string to `keep` digits, half up; returns the digits and
/// whether a carry added a new leading digit.
fn round_digits(digits: &[u8], keep: usize) -> (Vec<u8>, bool) {
    let mut out: Vec<u8> = digits.iter().copied().take(keep).collect();
    out.resize(keep, 0);
    if digits.len() > keep && digits[keep] >= 5 {
        let mut i = out.len();
        loop {
            if i == 0 {
                out.insert(0, 1);
                return (out, true);
            }
            i -= 1;
            if out[i] == 9 {
                out[i] = 0;
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    (out, false)
}

fn digit_chars(d: &[u8]) -> String {
    d.iter().map(|x| (b'0' + x) as char).collect()
}

/// `io_lib:format("~.Pe", [F])`: `P` significant digits (`P >= 2`), exponent
/// without padding: `1.50000e+0`, `-1.00e-100`.
pub fn format_e(f: f64, p: usize) -> String {
    let p = p.max(1);
    let (digits, mut exp) = io_lib_digits(f);
    let (mut d, carried) = round_digits(&digits, p);
    if f == 0.0 {
        exp = 0;
    }
    if carried {
        d.pop();
        exp += 1;
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let esign = if exp < 0 { '-' } else { '+' };
    format!(
        "{sign}{}.{}e{esign}{}",
        d[0],
        digit_chars(&d[1..]),
        exp.abs()
    )
}

/// `io_lib:format("~.Pf", [F])`: `P` decimals (`P >= 1`), rounded half up
/// from the 21 significant digits of `float_to_list(F)` (so `1.0e300` shows
/// its 21 digits then zeros).
pub fn format_f(f: f64, p: usize) -> String {
    let (digits, exp) = io_lib_digits(f);
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.{}", "0".repeat(p));
    }
    // Digits of the integer part and fraction, with leading zeros for
    // numbers below 1 so that position `k` is 10^-(k - int_len + 1).
    let (all, int_len) = if exp >= 0 {
        (digits.clone(), exp as usize + 1)
    } else {
        let mut v = vec![0u8; (-exp) as usize];
        v.extend_from_slice(&digits);
        (v, 1)
    };
    let keep = int_len + p;
    let (rounded, carried) = round_digits(&all, keep);
    let int_len = int_len + usize::from(carried);
    let int = digit_chars(&rounded[..int_len]);
    let frac = digit_chars(&rounded[int_len..]);
    format!("{sign}{int}.{frac}")
}

/// `io_lib:format("~.Pg", [F])`: `~f` for `0.1 <= |F| < 10^4` when the
/// precision covers the integer digits, `~e` otherwise.
pub fn format_g(f: f64, p: usize) -> String {
    let a = f.abs();
    let e: Option<i32> = if a < 0.1 {
        Some(-2)
    } else if a < 1.0 {
        Some(-1)
    } else if a < 10.0 {
        Some(0)
    } else if a < 100.0 {
        Some(1)
    } else if a < 1000.0 {
        Some(2)
    } else if a < 10000.0 {
        Some(3)
    } else {
        None
    };
    let p = p as i32;
    match e {
        Some(-1) if p <= 1 => format_f(f, (p - 1 + 1) as usize),
        Some(e) if p - 1 > e && e >= -1 => format_f(f, (p - 1 - e) as usize),
        _ if p <= 1 => format_e(f, 2),
        _ => format_e(f, p as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, OTP 25 `float_to_list(F, [short])`).
    const SHORTEST: &[(f64, &str)] = &[
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333333333333333"),
        (2.0 / 3.0, "0.6666666666666666"),
        (1.0e-5, "1.0e-5"),
        (123.456, "123.456"),
        (1.0e15, "1.0e15"),
        (1.0e16, "1.0e16"),
        (2.5e-7, "2.5e-7"),
        (5.0e-324, "5.0e-324"),
        (1.7976931348623157e308, "1.7976931348623157e308"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (1.0, "1.0"),
        (10.0, "10.0"),
        (100.0, "100.0"),
        (1000.0, "1.0e3"),
        (1.0e4, "1.0e4"),
        (1.0e5, "1.0e5"),
        (1.0e6, "1.0e6"),
        (1.0e7, "1.0e7"),
        (1.0e8, "1.0e8"),
        (1.0e9, "1.0e9"),
        (1.0e10, "1.0e10"),
        (1.0e11, "1.0e11"),
        (1.0e12, "1.0e12"),
        (1.0e13, "1.0e13"),
        (1.0e14, "1.0e14"),
        (1.0e17, "1.0e17"),
        (1.0e20, "1.0e20"),
        (1.0e21, "1.0e21"),
        (1.0e22, "1.0e22"),
        (1.0e23, "1.0e23"),
        (123456789.0, "123456789.0"),
        (1.2345678901234567e19, "1.2345678901234567e19"),
        (12345678901234567.0, "1.2345678901234568e16"),
        (1234567890123456.0, "1234567890123456.0"),
        (0.01, "0.01"),
        (0.001, "0.001"),
        (0.0001, "0.0001"),
        (0.000123, "1.23e-4"),
        (0.00123, "0.00123"),
        (1.5e-4, "1.5e-4"),
        (1.0e-10, "1.0e-10"),
        (1.5e300, "1.5e300"),
        (12345.0e10, "1.2345e14"),
        (0.02, "0.02"),
        (3.25159, "3.25159"),
        (100.5, "100.5"),
        (1.0e100, "1.0e100"),
        (9.999e15, "9.999e15"),
        (123.0e15, "1.23e17"),
        (1234.0e15, "1.234e18"),
        (12.0e15, "1.2e16"),
        (12.0e14, "1.2e15"),
        (1.2e-3, "0.0012"),
        (1.23e-3, "0.00123"),
        (1.234e-3, "0.001234"),
        (1.2e-4, "1.2e-4"),
        (5.0e-5, "5.0e-5"),
        (0.5, "0.5"),
        (-1.5, "-1.5"),
        (-1.0e-10, "-1.0e-10"),
        (-1000.0, "-1.0e3"),
        (9007199254740991.0, "9007199254740991.0"),
        (9007199254740992.0, "9.007199254740992e15"),
        (18014398509481984.0, "1.8014398509481984e16"),
        (1.0e16 + 2.0, "1.0000000000000002e16"),
        (12345678901234.0, "12345678901234.0"),
        (123456789012345.0, "123456789012345.0"),
        (1.23456e-4, "1.23456e-4"),
        (0.000123456789012345, "1.23456789012345e-4"),
        (9.5e15, "9.5e15"),
        (-2032366347620138.2, "-2032366347620138.2"),
        (-34719792973584.562, "-34719792973584.562"),
    ];

    #[test]
    fn shortest_matches_otp() {
        for (f, want) in SHORTEST {
            assert_eq!(float_to_shortest(*f), *want, "{f:?}");
        }
    }

    #[test]
    fn float_to_list_forms_match_otp() {
        assert_eq!(float_to_list_default(1.5), "1.50000000000000000000e+00");
        assert_eq!(float_to_list_default(-0.0), "-0.00000000000000000000e+00");
        assert_eq!(
            float_to_list_default(1.0e-300),
            "1.00000000000000002506e-300"
        );
        assert_eq!(
            float_to_list_default(5.0e-324),
            "4.94065645841246544177e-324"
        );
        assert_eq!(float_to_list_scientific(1.5, 3).unwrap(), "1.500e+00");
        assert_eq!(float_to_list_scientific(1.5, 0).unwrap(), "2e+00");
        assert_eq!(float_to_list_scientific(1.5e100, 2).unwrap(), "1.50e+100");
        assert_eq!(float_to_list_scientific(-1.5, 2).unwrap(), "-1.50e+00");
        assert!(float_to_list_scientific(1.5, 250).is_none());
        let dec = |f, n, c| float_to_list_decimals(f, n, c);
        assert_eq!(dec(1.5, 0, false).unwrap(), "2");
        assert_eq!(dec(2.5, 0, false).unwrap(), "3");
        assert_eq!(dec(0.5, 0, false).unwrap(), "1");
        assert_eq!(dec(1.0, 3, true).unwrap(), "1.0");
        assert_eq!(dec(1.25, 3, true).unwrap(), "1.25");
        assert_eq!(dec(100.0, 3, true).unwrap(), "100.0");
        assert_eq!(dec(1.0e20, 2, false).unwrap(), "100000000000000000000.00");
        assert_eq!(dec(1.0e23, 2, false).unwrap(), "99999999999999991611392.00");
        assert_eq!(dec(0.1, 20, false).unwrap(), "0.10000000000000000555");
        assert_eq!(dec(123.456, 1, false).unwrap(), "123.5");
        assert_eq!(dec(0.15, 1, false).unwrap(), "0.2");
        assert_eq!(dec(1.0e-10, 2, true).unwrap(), "0.0");
        assert_eq!(dec(-1.0e-10, 2, false).unwrap(), "-0.00");
        assert_eq!(dec(1.5, 253, false).unwrap().len(), 255);
        assert_eq!(
            dec(18322495152.549934, 5, false).unwrap(),
            "18322495152.54993"
        );
        assert_eq!(
            dec(-380908333179523.56, 3, false).unwrap(),
            "-380908333179523.563"
        );
        assert_eq!(dec(0.1, 18, false).unwrap(), "0.100000000000000000");
        assert_eq!(dec(0.1, 19, false).unwrap(), "0.1000000000000000056");
        assert_eq!(dec(123.456, 17, false).unwrap(), "123.45600000000000304");
        assert_eq!(dec(2.675, 2, false).unwrap(), "2.67");
        assert_eq!(dec(12.804, 16, false).unwrap(), "12.8040000000000003");
        assert_eq!(dec(-0.0, 2, false).unwrap(), "-0.00");
        assert_eq!(
            dec(0.00000095367431640625, 19, false).unwrap(),
            "0.0000009536743164062"
        );
        assert!(dec(1.5, 254, false).is_none());
        assert!(dec(1.7976931348623157e308, 0, false).is_none());
    }

    #[test]
    fn io_lib_e_f_g_match_otp() {
        let cases: &[(String, &str)] = &[
            (format_e(1.5, 6), "1.50000e+0"),
            (format_e(123456.789, 6), "1.23457e+5"),
            (format_e(123456.789, 3), "1.23e+5"),
            (format_e(0.0, 6), "0.00000e+0"),
            (format_e(1.0e-100, 6), "1.00000e-100"),
            (format_e(0.1, 25), "1.000000000000000055510000e-1"),
            (format_e(0.1, 21), "1.00000000000000005551e-1"),
            (format_e(9.995, 3), "9.99e+0"),
            (format_e(9.9951, 3), "1.00e+1"),
            (format_e(-9.96, 2), "-1.0e+1"),
            (format_e(5.0e-324, 6), "4.94066e-324"),
            (format_e(-1.0e10, 6), "-1.00000e+10"),
            (format_f(1.5, 6), "1.500000"),
            (format_f(1.5, 2), "1.50"),
            (format_f(0.05, 1), "0.1"),
            (format_f(0.15, 1), "0.1"),
            (format_f(0.25, 1), "0.3"),
            (format_f(1.005, 2), "1.00"),
            (format_f(0.0, 6), "0.000000"),
            (format_f(-0.0, 6), "-0.000000"),
            (format_f(-1.5, 6), "-1.500000"),
            (format_f(1.0e20, 6), "100000000000000000000.000000"),
            (format_f(12345678901234567.0, 6), "12345678901234568.000000"),
            (format_f(123_456_789_012_345.67, 3), "123456789012345.672"),
            (format_f(0.1, 20), "0.10000000000000000555"),
            (format_f(1.0e15, 6), "1000000000000000.000000"),
            (format_f(0.1, 25), "0.1000000000000000055510000"),
            (format_f(1.0 / 3.0, 30), "0.333333333333333314830000000000"),
            (format_f(1.0e-10, 5), "0.00000"),
            (format_f(0.0005, 3), "0.001"),
            (format_f(0.0015, 3), "0.002"),
            (
                format_e(1.0 / 3.0, 40),
                "3.333333333333333148300000000000000000000e-1",
            ),
            (format_g(1.5, 6), "1.50000"),
            (format_g(1.0e-100, 6), "1.00000e-100"),
            (format_g(0.1, 6), "0.100000"),
            (format_g(0.01, 6), "1.00000e-2"),
            (format_g(0.09, 6), "9.00000e-2"),
            (format_g(123456.0, 6), "1.23456e+5"),
            (format_g(1234567.0, 6), "1.23457e+6"),
            (format_g(1234.0, 3), "1.23e+3"),
            (format_g(9999.0, 6), "9999.00"),
            (format_g(99999.0, 6), "9.99990e+4"),
            (format_g(1.0, 1), "1.0e+0"),
            (format_g(0.5, 1), "0.5"),
            (format_g(5.0, 2), "5.0"),
            (format_g(50.0, 2), "5.0e+1"),
            (format_g(0.5, 2), "0.50"),
            (format_g(-1234.5, 6), "-1234.50"),
            (format_g(0.0, 6), "0.00000e+0"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        let f300 = format_f(1.0e300, 6);
        assert!(f300.starts_with("1000000000000000052500000000"));
        assert_eq!(f300.len(), 301 + 7);
    }

    /// Checks rows `KIND<TAB>BITS<TAB>PRECISION<TAB>OUTPUT` (see
    /// `testdata/README.md`); returns the differences found.
    fn check_rows(text: &str) -> Vec<String> {
        let mut failures = Vec::new();
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let f = f64::from_bits(cols[1].parse().unwrap());
            let p: usize = cols[2].parse().unwrap();
            let got = match cols[0] {
                "~w" => float_to_shortest(f),
                "~e" => format_e(f, p + 1),
                "~f" => format_f(f, p),
                "~g" => format_g(f, p),
                "l" => float_to_list_default(f),
                "d" => float_to_list_decimals(f, p, false).unwrap_or_default(),
                "dc" => float_to_list_decimals(f, p, true).unwrap_or_default(),
                _ => float_to_list_scientific(f, p).unwrap_or_default(),
            };
            if got != cols[3] {
                failures.push(format!(
                    "{} {f:?} p={p}: want {} got {got}",
                    cols[0], cols[3]
                ));
            }
        }
        failures
    }

    #[test]
    fn float_golden_rows_match_otp() {
        let failures = check_rows(include_str!("testdata/float_rows.tsv"));
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The same check on a whole file named by `FERL_FLOAT_ROWS`.
    #[test]
    #[ignore]
    fn float_rows_from_file_match_otp() {
        let Ok(path) = std::env::var("FERL_FLOAT_ROWS") else {
            return;
        };
        let failures = check_rows(&std::fs::read_to_string(path).unwrap());
        assert!(
            failures.is_empty(),
            "{}",
            failures[..failures.len().min(20)].join("\n")
        );
    }
}
