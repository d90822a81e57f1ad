//! `io_lib:format/2` (OTP `io_lib_format.erl`).
//!
//! A format string is text with control sequences
//! `~[Width][.Precision][.Pad][Modifiers]Control`:
//!
//! - `Width`: digits, or `*` (taken from the arguments); a leading `-` or
//!   a negative value left-justifies.
//! - `Precision`: digits or `*`; `Pad`: one character or `*` (an argument).
//! - `Modifiers`: `t` (Unicode) and `l` (no string detection in `~p`), each
//!   at most once, in either order.
//!
//! [`format()`] parses the whole format and consumes the arguments in order; any
//! mismatch (unknown control, wrong argument type, too few or too many
//! arguments, a bad width/precision combination) is a [`FormatError`], which
//! the caller raises as `badarg`, as OTP does. Output is all or nothing.

mod control;
pub mod deep;

use crate::term::Term;

/// Why a format failed; the caller raises `badarg` for every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    /// The format string is malformed (unknown control, `~` at the end, ...).
    BadFormat,
    /// An argument does not fit its control sequence.
    BadArgument,
    /// Fewer arguments than the format consumes.
    TooFewArguments,
    /// Arguments left over after the format ends.
    TooManyArguments,
}

/// Widths and precisions above this are refused as badarg: OTP would try
/// to build the field and exhaust memory; ferl fails cleanly instead.
const FIELD_LIMIT: u64 = 1 << 24;

/// Field adjustment: padding on the left (`Right`, the default) or right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Adjust {
    Left,
    Right,
}

/// One parsed control sequence.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    /// The control character (`w`, `p`, `s`...).
    pub(crate) control: u32,
    /// Field width, if given.
    pub(crate) width: Option<usize>,
    /// Justification within the field.
    pub(crate) adjust: Adjust,
    /// Precision, if given (may be negative through `*`).
    pub(crate) precision: Option<i64>,
    /// Pad character (space by default).
    pub(crate) pad: u32,
    /// The `t` modifier.
    pub(crate) unicode: bool,
    /// The `l` modifier.
    pub(crate) no_strings: bool,
}

/// Settings of the runtime that change `io_lib:format/2` output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatOptions {
    /// `io:printable_range()` is `unicode` (`erl +pc unicode`): `~tp`
    /// prints lists and binaries of any printable Unicode characters as
    /// strings. Off by default, as in OTP.
    pub printable_unicode: bool,
}

/// `io_lib:format(Format, Args)`, flattened: `fmt` and the result are
/// lists of character codes.
pub fn format(fmt: &[u32], args: &[Term]) -> Result<Vec<u32>, FormatError> {
    format_with(fmt, args, FormatOptions::default())
}

/// [`format()`] under the given runtime settings.
pub fn format_with(
    fmt: &[u32],
    args: &[Term],
    options: FormatOptions,
) -> Result<Vec<u32>, FormatError> {
    let mut out: Vec<u32> = Vec::with_capacity(fmt.len() + 16);
    let mut args = args.iter();
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != '~' as u32 {
            out.push(c);
            continue;
        }
        let spec = parse_spec(fmt, &mut i, &mut args)?;
        control::expand(&spec, &mut args, &mut out, options)?;
    }
    if args.next().is_some() {
        return Err(FormatError::TooManyArguments);
    }
    Ok(out)
}

/// [`format()`] for a Rust string format; the result as a `String`
/// (characters that are not Unicode scalar values become U+FFFD).
pub fn format_str(fmt: &str, args: &[Term]) -> Result<String, FormatError> {
    let codes: Vec<u32> = fmt.chars().map(|c| c as u32).collect();
    let out = format(&codes, args)?;
    Ok(out
        .into_iter()
        .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect())
}

fn next_arg<'a>(args: &mut std::slice::Iter<'a, Term>) -> Result<&'a Term, FormatError> {
    args.next().ok_or(FormatError::TooFewArguments)
}

fn int_arg(args: &mut std::slice::Iter<'_, Term>) -> Result<i64, FormatError> {
    match next_arg(args)? {
        Term::Int(i) => Ok(*i),
        _ => Err(FormatError::BadArgument),
    }
}

fn is_digit(c: Option<&u32>) -> bool {
    matches!(c, Some(d) if (b'0' as u32..=b'9' as u32).contains(d))
}

fn digits(fmt: &[u32], i: &mut usize) -> i64 {
    let mut n: i64 = 0;
    while is_digit(fmt.get(*i)) {
        n = n
            .saturating_mul(10)
            .saturating_add(i64::from(fmt[*i] - b'0' as u32));
        *i += 1;
    }
    n
}

/// Parses what follows a `~`, taking `*` values from `args`.
fn parse_spec(
    fmt: &[u32],
    i: &mut usize,
    args: &mut std::slice::Iter<'_, Term>,
) -> Result<Spec, FormatError> {
    let star = '*' as u32;
    let dot = '.' as u32;
    // Width.
    let mut width: Option<i64> = None;
    let minus = fmt.get(*i) == Some(&('-' as u32));
    if minus {
        *i += 1;
    }
    if fmt.get(*i) == Some(&star) {
        *i += 1;
        width = Some(int_arg(args)?);
    } else if is_digit(fmt.get(*i)) {
        width = Some(digits(fmt, i));
    } else if minus {
        return Err(FormatError::BadFormat);
    }
    if width.is_some_and(|w| w.unsigned_abs() > FIELD_LIMIT) {
        return Err(FormatError::BadArgument);
    }
    let mut adjust = Adjust::Right;
    let width = width.map(|w| {
        let w = if minus { -w } else { w };
        if w < 0 {
            adjust = Adjust::Left;
        }
        w.unsigned_abs() as usize
    });
    // Precision and pad character.
    let mut precision = None;
    let mut pad = ' ' as u32;
    if fmt.get(*i) == Some(&dot) {
        *i += 1;
        if fmt.get(*i) == Some(&star) {
            *i += 1;
            precision = Some(int_arg(args)?);
        } else if is_digit(fmt.get(*i)) {
            precision = Some(digits(fmt, i));
        }
        if precision.is_some_and(|p: i64| p.unsigned_abs() > FIELD_LIMIT) {
            return Err(FormatError::BadArgument);
        }
        if fmt.get(*i) == Some(&dot) {
            *i += 1;
            match fmt.get(*i) {
                Some(&c) if c == star => {
                    *i += 1;
                    let p = int_arg(args)?;
                    pad = u32::try_from(p).map_err(|_| FormatError::BadArgument)?;
                }
                Some(&c) => {
                    *i += 1;
                    pad = c;
                }
                None => return Err(FormatError::BadFormat),
            }
        }
    }
    // Modifiers.
    let mut unicode = false;
    let mut no_strings = false;
    loop {
        match fmt.get(*i).and_then(|c| char::from_u32(*c)) {
            Some('t') if !unicode => unicode = true,
            Some('l') if !no_strings => no_strings = true,
            _ => break,
        }
        *i += 1;
    }
    let control = *fmt.get(*i).ok_or(FormatError::BadFormat)?;
    *i += 1;
    Ok(Spec {
        control,
        width,
        adjust,
        precision,
        pad,
        unicode,
        no_strings,
    })
}

#[cfg(test)]
mod tests;
