//! Control sequences against OTP 25: every expected string was produced by
//! `io_lib:format/2` on `erl` 25.

use super::*;
use crate::term::{Atom, Bitstring};
use std::sync::Arc;

fn a(s: &str) -> Term {
    Term::Atom(Atom::intern(s).unwrap())
}

fn i(n: i64) -> Term {
    Term::Int(n)
}

fn f(x: f64) -> Term {
    Term::Float(x)
}

fn s(x: &str) -> Term {
    Term::string(x)
}

fn b(x: &[u8]) -> Term {
    Term::binary(x)
}

fn l(v: Vec<Term>) -> Term {
    Term::list(v)
}

/// Runs a table of (format, args, expected output or `None` for badarg).
fn check(cases: Vec<(&str, Vec<Term>, Option<&str>)>) {
    for (fmt, args, want) in cases {
        let got = format_str(fmt, &args).ok();
        assert_eq!(got.as_deref(), want, "format {fmt:?} {args:?}");
    }
}

#[test]
fn floats_with_width_precision_pad() {
    check(vec![
        ("~f", vec![f(1.5)], Some("1.500000")),
        ("~e", vec![f(1.5)], Some("1.50000e+0")),
        ("~g", vec![f(1.5)], Some("1.50000")),
        ("~.2f", vec![f(1.5)], Some("1.50")),
        ("~10.2f", vec![f(1.5)], Some("      1.50")),
        ("~-10.2f", vec![f(1.5)], Some("1.50      ")),
        ("~10.2.0f", vec![f(1.5)], Some("0000001.50")),
        ("~-10.3.0f", vec![f(1.5)], Some("1.50000000")),
        ("~.0f", vec![f(1.5)], None),
        ("~.1f", vec![f(0.05)], Some("0.1")),
        ("~f", vec![i(1)], None),
        ("~e", vec![f(123456.789)], Some("1.23457e+5")),
        ("~.3e", vec![f(123456.789)], Some("1.23e+5")),
        ("~.1e", vec![f(123456.789)], None),
        ("~.2e", vec![f(1.5)], Some("1.5e+0")),
        ("~e", vec![f(0.0)], Some("0.00000e+0")),
        ("~g", vec![f(1.0e-100)], Some("1.00000e-100")),
        ("~.3g", vec![f(1234.0)], Some("1.23e+3")),
        ("~.0g", vec![f(1.0)], None),
        ("~10.3g", vec![f(1.0)], Some("      1.00")),
        ("~f", vec![f(1.0e20)], Some("100000000000000000000.000000")),
        ("~f", vec![f(-1.5)], Some("-1.500000")),
        ("~3f", vec![f(1.5)], Some("***")),
        ("~3e", vec![f(1.5)], Some("***")),
        ("~10f", vec![f(1.5)], Some("  1.500000")),
        ("~-12f", vec![f(1.5)], Some("1.500000    ")),
        ("~12.3.xf", vec![f(1.5)], Some("xxxxxxx1.500")),
        ("~12.3.xe", vec![f(1.5)], Some("xxxxx1.50e+0")),
        ("~10.4e", vec![f(1.5)], Some("  1.500e+0")),
        ("~-10.4e", vec![f(1.5)], Some("1.500e+0  ")),
        ("~.20f", vec![f(0.1)], Some("0.10000000000000000555")),
        ("~e", vec![f(-1.0e10)], Some("-1.00000e+10")),
        ("~e", vec![i(1)], None),
        ("~g", vec![i(1)], None),
        ("~f", vec![a("a")], None),
    ]);
}

#[test]
fn integers_in_bases() {
    let big: num_bigint::BigInt = "12345678901234567890123".parse().unwrap();
    check(vec![
        ("~b", vec![i(10)], Some("10")),
        ("~.16b", vec![i(255)], Some("ff")),
        ("~.16B", vec![i(255)], Some("FF")),
        ("~.16x", vec![i(255), s("0x")], Some("0xff")),
        ("~.16X", vec![i(255), s("0x")], Some("0xFF")),
        ("~.16#", vec![i(255)], Some("16#FF")),
        ("~.16+", vec![i(255)], Some("16#ff")),
        ("~.16#", vec![i(-255)], Some("-16#FF")),
        ("~.16+", vec![i(-255)], Some("-16#ff")),
        ("~.16x", vec![i(-255), s("0x")], Some("-0xff")),
        ("~.16b", vec![i(-255)], Some("-ff")),
        ("~8b", vec![i(10)], Some("      10")),
        ("~-8b", vec![i(10)], Some("10      ")),
        ("~8.2.0b", vec![i(10)], Some("00001010")),
        ("~*b", vec![i(8), i(10)], Some("      10")),
        ("~.*b", vec![i(2), i(10)], Some("1010")),
        ("~*.*.0b", vec![i(8), i(2), i(10)], Some("00001010")),
        ("~2b", vec![i(1000)], Some("**")),
        ("~b", vec![f(1.0)], None),
        ("~.1b", vec![i(10)], None),
        ("~.37b", vec![i(10)], None),
        ("~.36b", vec![i(35)], Some("z")),
        ("~.0b", vec![i(1)], None),
        ("~5..xb", vec![i(10)], Some("xxx10")),
        ("~-5..xb", vec![i(10)], Some("10xxx")),
        ("~5.3.xb", vec![i(10)], Some("xx101")),
        ("~.3.xb", vec![i(10)], Some("101")),
        ("~.2B", vec![i(-10)], Some("-1010")),
        ("~X", vec![i(10), s("p")], Some("p10")),
        ("~5X", vec![i(10), s("p")], Some("  p10")),
        ("~.8X", vec![i(-10), s("p")], Some("-p12")),
        ("~X", vec![i(10), a("p")], Some("p10")),
        ("~X", vec![i(10), b(b"p")], None),
        ("~x", vec![i(10), i(1)], None),
        ("~#", vec![i(10)], Some("10#10")),
        ("~+", vec![i(10)], Some("10#10")),
        ("~5#", vec![i(10)], Some("10#10")),
        (
            "~b",
            vec![Term::from_bigint(big.clone())],
            Some("12345678901234567890123"),
        ),
        (
            "~.36B",
            vec![Term::from_bigint(big)],
            Some("20DGOHX2W7BEK7F"),
        ),
        ("~-*b", vec![i(5), i(3)], Some("3    ")),
        ("~*b", vec![i(-5), i(3)], Some("3    ")),
        ("~*b", vec![a("a"), i(3)], None),
        ("~.*b", vec![i(-5), i(3)], None),
        ("~.*b", vec![i(0), i(3)], None),
    ]);
}

#[test]
fn characters() {
    check(vec![
        ("~c", vec![i(97)], Some("a")),
        ("~5c", vec![i(97)], Some("aaaaa")),
        ("~-5c", vec![i(97)], Some("aaaaa")),
        ("~5.3c", vec![i(97)], Some("  aaa")),
        ("~.3c", vec![i(97)], Some("aaa")),
        ("~c", vec![i(256)], Some("\0")),
        ("~tc", vec![i(256)], Some("\u{100}")),
        ("~c", vec![i(937)], Some("\u{a9}")),
        ("~tc", vec![i(937)], Some("Ω")),
        ("~3tc", vec![i(937)], Some("ΩΩΩ")),
        ("~c", vec![i(-1)], Some("\u{ff}")),
        ("~c", vec![f(1.0)], None),
        ("~c", vec![a("a")], None),
        ("~*c", vec![i(0), i(97)], Some("")),
        ("~0c", vec![i(97)], Some("")),
        ("~.0c", vec![i(97)], Some("")),
    ]);
}

#[test]
fn strings_with_width_and_precision() {
    let bits = Term::Binary(Arc::new(Bitstring::from_bits(vec![0x80], 1)));
    check(vec![
        ("~s", vec![s("abc")], Some("abc")),
        ("~s", vec![a("abc")], Some("abc")),
        ("~s", vec![b(b"abc")], Some("abc")),
        ("~s", vec![l(vec![s("a"), b(b"b"), i(99)])], Some("abc")),
        ("~10s", vec![s("abc")], Some("       abc")),
        ("~-10s", vec![s("abc")], Some("abc       ")),
        ("~.2s", vec![s("abc")], Some("ab")),
        ("~2s", vec![s("abc")], Some("ab")),
        ("~10.2s", vec![s("abc")], Some("        ab")),
        ("~-10.2s", vec![s("abc")], Some("ab        ")),
        ("~10.2.*s", vec![s("abc")], None),
        ("~s", vec![l(vec![i(256)])], None),
        ("~ts", vec![l(vec![i(256)])], Some("\u{100}")),
        ("~s", vec![b("é".as_bytes())], Some("\u{c3}\u{a9}")),
        ("~ts", vec![b("é".as_bytes())], Some("é")),
        ("~ts", vec![b(&[255])], Some("\u{ff}")),
        ("~s", vec![i(1)], None),
        ("~s", vec![a("hello world")], Some("hello world")),
        ("~s", vec![a("é")], Some("é")),
        ("~s", vec![a("Ω")], None),
        ("~ts", vec![a("Ω")], Some("Ω")),
        ("~s", vec![l(vec![a("a")])], None),
        ("~s", vec![l(vec![i(1000)])], None),
        ("~s", vec![Term::list_with_tail(vec![i(97)], i(98))], None),
        (
            "~s",
            vec![Term::list_with_tail(vec![i(97)], b(b"b"))],
            Some("ab"),
        ),
        ("~ts", vec![l(vec![b("Ω".as_bytes()), i(937)])], Some("ΩΩ")),
        ("~ts", vec![l(vec![i(-1)])], None),
        ("~s", vec![bits], None),
        ("~s", vec![s("")], Some("")),
        ("~3s", vec![s("")], Some("   ")),
        ("~3.2s", vec![s("abcdef")], Some(" ab")),
        ("~3.5s", vec![s("abcdef")], None),
        ("~.5.-s", vec![s("ab")], Some("ab---")),
        ("~5.3.xs", vec![s("ab")], Some("xxabx")),
        ("~-5.3.xs", vec![s("ab")], Some("abxxx")),
        ("~5.1.xs", vec![s("ab")], Some("xxxxa")),
        ("~..xs", vec![s("ab")], Some("ab")),
        ("~5..xs", vec![s("ab")], Some("xxxab")),
        ("~0s", vec![s("abc")], Some("")),
        ("~.0s", vec![s("abc")], Some("")),
        ("~ls", vec![s("abc")], Some("abc")),
        ("~lts", vec![s("a")], Some("a")),
        ("~tls", vec![s("a")], Some("a")),
        ("~ts", vec![l(vec![b(b"a"), b(&[255])])], Some("a\u{ff}")),
        (
            "~ts",
            vec![l(vec![b("é".as_bytes()), b(&[233])])],
            Some("éé"),
        ),
        ("~ts", vec![b(&[195, 169, 233])], Some("\u{c3}\u{a9}é")),
        (
            "~ts",
            vec![l(vec![b(&[206]), b(&[169])])],
            Some("\u{ce}\u{a9}"),
        ),
        (
            "~ts",
            vec![l(vec![l(vec![i(1000), b(&[206, 169])])])],
            Some("\u{3e8}Ω"),
        ),
        (
            "~ts",
            vec![Term::list_with_tail(vec![a("a")], a("b"))],
            None,
        ),
    ]);
}

#[test]
fn terms_with_field_rules() {
    let l123 = l(vec![i(1), i(2), i(3)]);
    check(vec![
        ("~w", vec![i(1)], Some("1")),
        ("~10w", vec![a("abc")], Some("       abc")),
        ("~-10w", vec![a("abc")], Some("abc       ")),
        ("~2w", vec![a("abc")], Some("**")),
        ("~.2w", vec![a("abc")], Some("**")),
        ("~10.2w", vec![a("abc")], Some("        **")),
        ("~1w", vec![a("abc")], Some("*")),
        ("~3w", vec![a("abc")], Some("abc")),
        ("~0w", vec![a("abc")], Some("")),
        ("~-0w", vec![a("abc")], Some("")),
        ("~.0w", vec![a("abc")], Some("")),
        ("~*w", vec![i(-5), a("abc")], Some("abc  ")),
        ("~-*w", vec![i(-5), a("abc")], Some("  abc")),
        ("~5..xw", vec![a("ab")], Some("xxxab")),
        (
            "~W",
            vec![l(vec![i(1), i(2), i(3), i(4), i(5)]), i(3)],
            Some("[1,2|...]"),
        ),
        (
            "~P",
            vec![l(vec![i(1), i(2), i(3), i(4), i(5)]), i(3)],
            Some("[1,2|...]"),
        ),
        ("~10W", vec![l123.clone(), i(2)], Some("   [1|...]")),
        ("~-10W", vec![l123.clone(), i(2)], Some("[1|...]   ")),
        ("~10P", vec![l123.clone(), i(2)], Some("[1|...]")),
        ("~W", vec![l123.clone(), a("a")], None),
        ("~P", vec![l123.clone(), i(-3)], Some("[1,2,3]")),
        ("~W", vec![l123.clone(), i(-3)], Some("[1,2,3]")),
        ("~0p", vec![a("abc")], Some("abc")),
        ("~10p", vec![a("abc")], Some("abc")),
        ("~-10p", vec![a("abc")], None),
        ("~.2p", vec![a("abc")], Some("abc")),
        ("~.5p", vec![l123.clone()], Some("[1,2,3]")),
        ("~10.5p", vec![l123.clone()], Some("[1,\n     2,\n     3]")),
        ("~20p", vec![l123.clone()], Some("[1,2,3]")),
        ("~0p", vec![l123.clone()], Some("[1,2,3]")),
        ("~1p", vec![l123.clone()], Some("[1,\n 2,\n 3]")),
        ("~7p", vec![l123.clone()], Some("[1,2,\n 3]")),
        ("~.0p", vec![l123.clone()], Some("[1,2,3]")),
        ("~0P", vec![l123.clone(), i(2)], Some("[1|...]")),
        (
            "é: ~.*.0lP",
            vec![i(-1), a("Ω"), i(2)],
            Some("é: '\\x{3A9}'"),
        ),
        (
            "x\ty ~*..0p",
            vec![i(0), Term::tuple(vec![a("a"), s("b"), b(b"c")])],
            Some("x\ty {a,\"b\",<<\"c\">>}"),
        ),
        (
            "~c",
            vec![Term::from_bigint(
                "123456789012345678901234567890".parse().unwrap(),
            )],
            Some("\u{d2}"),
        ),
        ("~lp", vec![s("abc")], Some("[97,98,99]")),
        ("~tp", vec![s("abc")], Some("\"abc\"")),
        ("~p", vec![l(vec![i(256)])], Some("[256]")),
        ("~w", vec![], None),
        ("~w", vec![a("a"), a("b")], None),
    ]);
}

#[test]
fn plain_text_and_simple_controls() {
    check(vec![
        ("~i~s", vec![a("foo"), s("x")], Some("x")),
        ("a~nb", vec![], Some("a\nb")),
        ("~~", vec![], Some("~")),
        ("~n~n", vec![], Some("\n\n")),
        ("~5n", vec![], Some("\n\n\n\n\n")),
        ("~5~", vec![], Some("~~~~~")),
        ("~5i", vec![a("x")], Some("")),
        ("~i", vec![], None),
        ("~q", vec![a("a")], None),
        ("~", vec![], None),
        ("~5", vec![], None),
        ("~z", vec![i(1)], None),
        ("~ll", vec![i(1)], None),
        ("~tt", vec![i(1)], None),
        ("~5.2.", vec![], None),
        ("abc", vec![i(1)], None),
        ("héllo ~w", vec![i(1)], Some("héllo 1")),
        ("~99999999999999999999999c", vec![i(97)], None),
        ("~*c", vec![i(i64::MAX), i(97)], None),
        ("~.*e", vec![i(1 << 40), f(1.0)], None),
        ("~13.4ln", vec![], Some("\n\n\n\n\n\n\n\n\n\n\n\n\n")),
        ("~.8.tln", vec![], Some("\n")),
        ("~3.*.xtn", vec![i(6)], Some("\n\n\n")),
        ("~-11ln", vec![], None),
        ("~*n", vec![i(-3)], None),
        ("~-3l~", vec![], Some("~~~")),
        ("~-9.5.*t~", vec![i(45)], Some("~~~~~----")),
        ("~-4.2.tl~", vec![], Some("~~tt")),
        ("~*.*.tl~", vec![i(1), i(0)], Some("t")),
        ("~*.*t~", vec![i(1), i(3)], None),
        ("~.*~", vec![i(9)], Some("~~~~~~~~~")),
        ("~.0l~", vec![], Some("")),
    ]);
}

/// Checks rows `FORMAT<TAB>ARGS<TAB>OUTPUT` (see
/// `term/print/testdata/README.md`); returns the differences found.
fn check_rows(text: &str) -> Vec<String> {
    use crate::term::print::pretty::tests::unescape;
    let mut failures = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let fmt = unescape(cols[0]);
        let args = crate::term::print::testing::parse_term(&unescape(cols[1]))
            .list_to_vec()
            .unwrap();
        let want = unescape(cols[2]);
        let got = format_str(&fmt, &args).unwrap_or_else(|_| "\u{1}BADARG".to_string());
        if got != want {
            failures.push(format!("{fmt:?} {}: want {want:?} got {got:?}", cols[1]));
        }
    }
    failures
}

#[test]
fn format_golden_rows_match_otp() {
    let failures = check_rows(include_str!("../term/print/testdata/format_rows.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same check on a whole file named by `FERL_FORMAT_ROWS`.
#[test]
#[ignore]
fn format_rows_from_file_match_otp() {
    let Ok(path) = std::env::var("FERL_FORMAT_ROWS") else {
        return;
    };
    let failures = check_rows(&std::fs::read_to_string(path).unwrap());
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(25)].join("\n")
    );
}

/// `erl +pc unicode`: `~tp` shows Unicode lists and binaries as strings,
/// `~p` still does not (outputs from OTP 25 started with `+pc unicode`).
#[test]
fn printable_unicode_range() {
    let opts = FormatOptions {
        printable_unicode: true,
    };
    let run = |fmt: &str, t: Term| {
        let codes: Vec<u32> = fmt.chars().map(|c| c as u32).collect();
        let out = format_with(&codes, &[t], opts).unwrap();
        out.into_iter()
            .map(|c| char::from_u32(c).unwrap())
            .collect::<String>()
    };
    assert_eq!(run("~tp", l(vec![i(960), i(97)])), "\"πa\"");
    assert_eq!(run("~tp", b(&[207, 128])), "<<\"π\"/utf8>>");
    assert_eq!(run("~tp", l(vec![i(0xD800)])), "[55296]");
    assert_eq!(run("~tp", l(vec![i(0xFFFE)])), "[65534]");
    assert_eq!(run("~tp", l(vec![i(0x10000)])), "\"\u{10000}\"");
    assert_eq!(run("~p", l(vec![i(960), i(97)])), "[960,97]");
    assert_eq!(run("~p", b(&[207, 128])), "<<207,128>>");
    assert_eq!(run("~p", b(&[195, 169])), "<<\"\u{c3}\u{a9}\">>");
}
