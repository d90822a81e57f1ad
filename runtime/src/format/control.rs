//! Expansion of each control sequence, with OTP's field rules: `~w`-like
//! output longer than its field or precision becomes `*`s, strings are
//! truncated, characters repeated.

use super::{Adjust, FormatError, FormatOptions, Spec};
use crate::term::print::float::{format_e, format_f, format_g};
use crate::term::print::{pretty_term, write_term_depth, PrettyOpts};
use crate::term::Term;
use num_bigint::BigInt;

type Args<'a, 'b> = &'a mut std::slice::Iter<'b, Term>;

fn arg<'b>(args: Args<'_, 'b>) -> Result<&'b Term, FormatError> {
    args.next().ok_or(FormatError::TooFewArguments)
}

fn chars(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// Pads `body` to the field with `n` pad characters on the adjusted side.
fn adjust(out: &mut Vec<u32>, body: &[u32], n: usize, pad: u32, adj: Adjust) {
    match adj {
        Adjust::Right => {
            out.extend(std::iter::repeat_n(pad, n));
            out.extend_from_slice(body);
        }
        Adjust::Left => {
            out.extend_from_slice(body);
            out.extend(std::iter::repeat_n(pad, n));
        }
    }
}

/// OTP's `term/5`: fit text into width `F` and precision `P`; text too long
/// for them becomes `P` stars padded to `F`.
fn term_field(out: &mut Vec<u32>, t: &[u32], spec: &Spec, precision: Option<usize>) {
    let (f, p0) = match (spec.width, precision) {
        (None, None) => {
            out.extend_from_slice(t);
            return;
        }
        (None, Some(p)) => (p, Some(p)),
        (Some(f), p) => (f, p),
    };
    let l = t.len();
    let p = l.min(p0.map_or(f, |p| p.min(f)));
    if l > p {
        let stars = vec!['*' as u32; p];
        adjust(out, &stars, f - p, spec.pad, spec.adjust);
    } else {
        adjust(out, t, f - l, spec.pad, spec.adjust);
    }
}

fn precision_usize(spec: &Spec) -> Result<Option<usize>, FormatError> {
    match spec.precision {
        None => Ok(None),
        Some(p) => usize::try_from(p)
            .map(Some)
            .map_err(|_| FormatError::BadArgument),
    }
}

/// The column where the next character goes: characters since the last
/// newline, tabs to the next multiple of 8 (OTP's `indentation/2`).
fn current_column(out: &[u32]) -> usize {
    let start = out
        .iter()
        .rposition(|&c| c == '\n' as u32)
        .map_or(0, |p| p + 1);
    out[start..].iter().fold(0, |col, &c| {
        if c == '\t' as u32 {
            (col + 8) / 8 * 8
        } else {
            col + 1
        }
    })
}

/// Expands one control sequence, consuming its arguments.
pub(super) fn expand(
    spec: &Spec,
    args: Args<'_, '_>,
    out: &mut Vec<u32>,
    options: FormatOptions,
) -> Result<(), FormatError> {
    let ctl = char::from_u32(spec.control).ok_or(FormatError::BadFormat)?;
    match ctl {
        'w' | 'W' => {
            let t = arg(args)?;
            let depth = if ctl == 'W' { depth_arg(args)? } else { -1 };
            let mut s = String::new();
            write_term_depth(&mut s, t, depth, spec.unicode);
            term_field(out, &chars(&s), spec, precision_usize(spec)?);
        }
        'p' | 'P' => {
            let t = arg(args)?;
            let depth = if ctl == 'P' { depth_arg(args)? } else { -1 };
            if spec.adjust == Adjust::Left {
                return Err(FormatError::BadArgument);
            }
            let column = match spec.precision {
                Some(p) => p.max(1) as usize,
                None => current_column(out) + 1,
            };
            let opts = PrettyOpts {
                column,
                line_length: spec.width.unwrap_or(80),
                depth,
                unicode: spec.unicode,
                strings: !spec.no_strings,
                printable_unicode: options.printable_unicode,
            };
            out.extend(pretty_term(t, &opts).chars().map(|c| c as u32));
        }
        's' => {
            let s = string_arg(arg(args)?, spec.unicode)?;
            string_field(out, &s, spec)?;
        }
        'c' => {
            let c = match (arg(args)?, spec.unicode) {
                (Term::Int(c), true) => u32::try_from(*c).map_err(|_| FormatError::BadArgument)?,
                (Term::Int(c), false) => (c & 255) as u32,
                (Term::Big(b), false) => {
                    let low = b.as_ref() & BigInt::from(255);
                    num_traits::ToPrimitive::to_u32(&low).unwrap_or(0)
                }
                _ => return Err(FormatError::BadArgument),
            };
            char_field(out, c, spec)?;
        }
        'e' | 'f' | 'g' => {
            let x = match arg(args)? {
                Term::Float(x) => *x,
                _ => return Err(FormatError::BadArgument),
            };
            let p = spec.precision.unwrap_or(6);
            let min = if ctl == 'e' { 2 } else { 1 };
            if p < min {
                return Err(FormatError::BadArgument);
            }
            let p = p as usize;
            let s = match ctl {
                'e' => format_e(x, p),
                'f' => format_f(x, p),
                _ => format_g(x, p),
            };
            term_field(out, &chars(&s), spec, None);
        }
        'b' | 'B' | 'x' | 'X' | '#' | '+' => {
            let n = integer_arg(arg(args)?)?;
            let base = spec.precision.unwrap_or(10);
            if !(2..=36).contains(&base) {
                return Err(FormatError::BadArgument);
            }
            let upper = matches!(ctl, 'B' | 'X' | '#');
            let mut digits = n.magnitude().to_str_radix(base as u32);
            if upper {
                digits.make_ascii_uppercase();
            }
            let mut body: Vec<u32> = Vec::new();
            if n.sign() == num_bigint::Sign::Minus {
                body.push('-' as u32);
            }
            match ctl {
                'x' | 'X' => body.extend(prefix_arg(arg(args)?)?),
                '#' | '+' => body.extend(chars(&format!("{base}#"))),
                _ => {}
            }
            body.extend(chars(&digits));
            term_field(out, &body, spec, None);
        }
        'i' => {
            arg(args)?;
        }
        'n' => {
            // Width newlines; precision and pad ignored, left-justify refused.
            if spec.adjust == Adjust::Left {
                return Err(FormatError::BadArgument);
            }
            out.extend(std::iter::repeat_n('\n' as u32, spec.width.unwrap_or(1)));
        }
        '~' => char_field(out, '~' as u32, spec)?,
        _ => return Err(FormatError::BadFormat),
    }
    Ok(())
}

/// OTP's `char/5`: the character repeated `precision` times (default: the
/// width, or once), padded to the width.
fn char_field(out: &mut Vec<u32>, c: u32, spec: &Spec) -> Result<(), FormatError> {
    let p = precision_usize(spec)?;
    let (n, f) = match (spec.width, p) {
        (None, None) => (1, 1),
        (Some(f), None) => (f, f),
        (None, Some(p)) => (p, p),
        (Some(f), Some(p)) if f >= p => (p, f),
        _ => return Err(FormatError::BadArgument),
    };
    adjust(out, &vec![c; n], f - n, spec.pad, spec.adjust);
    Ok(())
}

fn depth_arg(args: Args<'_, '_>) -> Result<i64, FormatError> {
    match arg(args)? {
        Term::Int(d) => Ok(*d),
        _ => Err(FormatError::BadArgument),
    }
}

fn integer_arg(t: &Term) -> Result<BigInt, FormatError> {
    match t {
        Term::Int(i) => Ok(BigInt::from(*i)),
        Term::Big(b) => Ok(b.as_ref().clone()),
        _ => Err(FormatError::BadArgument),
    }
}

/// The prefix of `~x`/`~X`: an atom or a deep list of Latin-1 characters.
fn prefix_arg(t: &Term) -> Result<Vec<u32>, FormatError> {
    match t {
        Term::Atom(a) => Ok(chars(a.name())),
        Term::Nil | Term::Cons(_) => {
            let mut v = Vec::new();
            deep_chars(t, false, false, &mut v)?;
            Ok(v)
        }
        _ => Err(FormatError::BadArgument),
    }
}

/// Flattens character data: integers, nested lists and (if `binaries`)
/// binaries, which may also end a list. Without `unicode`, characters must
/// be Latin-1 and binaries are bytes; with it, binaries are UTF-8 (bytes if
/// not valid UTF-8).
fn deep_chars(
    t: &Term,
    unicode: bool,
    binaries: bool,
    out: &mut Vec<u32>,
) -> Result<(), FormatError> {
    let mut cur = t;
    loop {
        match cur {
            Term::Nil => return Ok(()),
            Term::Cons(c) => {
                match &c.head {
                    Term::Int(ch) => {
                        let limit = if unicode { i64::from(u32::MAX) } else { 255 };
                        if !(0..=limit).contains(ch) {
                            return Err(FormatError::BadArgument);
                        }
                        out.push(*ch as u32);
                    }
                    h @ (Term::Nil | Term::Cons(_)) => deep_chars(h, unicode, binaries, out)?,
                    Term::Binary(_) if binaries => deep_chars(&c.head, unicode, binaries, out)?,
                    _ => return Err(FormatError::BadArgument),
                }
                cur = &c.tail;
            }
            Term::Binary(b) if binaries => {
                let bytes = b.as_bytes().ok_or(FormatError::BadArgument)?;
                match std::str::from_utf8(bytes) {
                    Ok(s) if unicode => out.extend(s.chars().map(|c| c as u32)),
                    _ => out.extend(bytes.iter().map(|&x| u32::from(x))),
                }
                return Ok(());
            }
            _ => return Err(FormatError::BadArgument),
        }
    }
}

/// The characters of a `~s` argument: character data or an atom.
fn string_arg(t: &Term, unicode: bool) -> Result<Vec<u32>, FormatError> {
    match t {
        Term::Atom(a) => {
            let v = chars(a.name());
            if !unicode && v.iter().any(|&c| c > 255) {
                return Err(FormatError::BadArgument);
            }
            Ok(v)
        }
        _ => crate::term::print::on_big_stack(t, || {
            let mut v = Vec::new();
            deep_chars(t, unicode, true, &mut v)?;
            Ok(v)
        }),
    }
}

/// OTP's `string/5`: width truncates or pads, precision first cuts or pads
/// the string itself (with the pad character).
fn string_field(out: &mut Vec<u32>, s: &[u32], spec: &Spec) -> Result<(), FormatError> {
    let p = precision_usize(spec)?;
    let n = s.len();
    match (spec.width, p) {
        (None, None) => out.extend_from_slice(s),
        (Some(f), None) => field(out, s, f, spec.adjust, spec.pad),
        (None, Some(p)) => field(out, s, p, Adjust::Left, spec.pad),
        (Some(f), Some(p)) if f > p => {
            let mut body: Vec<u32> = s[..n.min(p)].to_vec();
            body.resize(p, spec.pad);
            adjust(out, &body, f - p, spec.pad, spec.adjust);
        }
        (Some(f), Some(p)) if f == p => field(out, s, f, spec.adjust, spec.pad),
        _ => return Err(FormatError::BadArgument),
    }
    Ok(())
}

/// OTP's `string_field/5`: cut to `f`, or pad to it.
fn field(out: &mut Vec<u32>, s: &[u32], f: usize, adj: Adjust, pad: u32) {
    if s.len() >= f {
        out.extend_from_slice(&s[..f]);
    } else {
        adjust(out, s, f - s.len(), pad, adj);
    }
}
