//! The natives of `re` (OTP `erl_bif_re.c`): `compile/1,2`, `run/2,3`,
//! `inspect/2` and `version/0` over PCRE2 (the `pcre2-sys` crate, PCRE's
//! own library built into the binary), because OTP's `re` is PCRE and no
//! hand-written engine would match its semantics. `replace` and `split`
//! are written in Erlang over `run/3` (`stdlib/re.erl`).
//!
//! A compiled pattern is OTP's shape `{re_pattern, Groups, Unicode,
//! UseCRLF, Bin}`; `Bin` holds the pattern's source and options, and the
//! PCRE2 code compiled from it is kept in a process-wide cache, so passing
//! the term around (or to another process) never compiles twice.

use super::args::badarg_in;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};
use pcre2_sys::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

type P = Process;

const ERROR_NOMATCH: i32 = -1;
const ERROR_MATCHLIMIT: i32 = -47;
const ERROR_DEPTHLIMIT: i32 = -53;

/// A compiled PCRE2 pattern (read-only once built, so shared by threads).
struct Code {
    ptr: *mut pcre2_code_8,
    groups: u32,
    /// `(number, name)` of the named groups, sorted by name.
    names: Vec<(u32, Vec<u8>)>,
}

// SAFETY: PCRE2 code is immutable after compilation and documented as
// safe to use from several threads at once (each match has its own data).
unsafe impl Send for Code {}
// SAFETY: as above.
unsafe impl Sync for Code {}

impl Drop for Code {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `pcre2_compile_8` and is freed once.
        unsafe { pcre2_code_free_8(self.ptr) }
    }
}

/// Compile-time options, as OTP names them.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
struct CompileOpts {
    flags: u32,
    newline: u32,
    bsr: u32,
}

impl CompileOpts {
    fn unicode(&self) -> bool {
        self.flags & PCRE2_UTF != 0
    }
}

/// Applies a compile option; false if `o` is not one.
fn compile_opt(o: &Term, c: &mut CompileOpts) -> bool {
    let flag = match o {
        Term::Atom(a) => match a.name() {
            "unicode" => PCRE2_UTF,
            "anchored" => PCRE2_ANCHORED,
            "caseless" => PCRE2_CASELESS,
            "dollar_endonly" => PCRE2_DOLLAR_ENDONLY,
            "dotall" => PCRE2_DOTALL,
            "extended" => PCRE2_EXTENDED,
            "firstline" => PCRE2_FIRSTLINE,
            "multiline" => PCRE2_MULTILINE,
            "no_auto_capture" => PCRE2_NO_AUTO_CAPTURE,
            "dupnames" => PCRE2_DUPNAMES,
            "ungreedy" => PCRE2_UNGREEDY,
            "no_start_optimize" => PCRE2_NO_START_OPTIMIZE,
            "ucp" => PCRE2_UCP,
            "never_utf" => PCRE2_NEVER_UTF,
            "bsr_anycrlf" => {
                c.bsr = PCRE2_BSR_ANYCRLF;
                return true;
            }
            "bsr_unicode" => {
                c.bsr = PCRE2_BSR_UNICODE;
                return true;
            }
            _ => return false,
        },
        Term::Tuple(t) => match t.elems() {
            [Term::Atom(k), Term::Atom(v)] if k.name() == "newline" => {
                c.newline = match v.name() {
                    "cr" => PCRE2_NEWLINE_CR,
                    "lf" => PCRE2_NEWLINE_LF,
                    "crlf" => PCRE2_NEWLINE_CRLF,
                    "anycrlf" => PCRE2_NEWLINE_ANYCRLF,
                    "any" => PCRE2_NEWLINE_ANY,
                    _ => return false,
                };
                return true;
            }
            _ => return false,
        },
        _ => return false,
    };
    c.flags |= flag;
    true
}

/// PCRE's (version 8, as OTP 25 has it) wording of a PCRE2 compile error.
fn pcre1_message(code: i32) -> Option<&'static str> {
    Some(match code {
        101 => "\\ at end of pattern",
        102 => "\\c at end of pattern",
        103 => "unrecognized character follows \\",
        104 => "numbers out of order in {} quantifier",
        105 => "number too big in {} quantifier",
        106 => "missing terminating ] for character class",
        107 => "invalid escape sequence in character class",
        108 => "range out of order in character class",
        109 => "nothing to repeat",
        111 => "unrecognized character after (? or (?-",
        112 => "POSIX named classes are supported only within a class",
        113 => "POSIX collating elements are not supported",
        114 => "missing )",
        115 => "reference to non-existent subpattern",
        118 => "missing ) after comment",
        120 => "regular expression is too large",
        122 => "unmatched parentheses",
        124 => "missing ) after (?( condition",
        125 => "lookbehind assertion is not fixed length",
        127 => "conditional group contains more than two branches",
        128 => "assertion expected after (?(",
        130 => "unknown POSIX class name",
        142 => "syntax error in subpattern name (missing terminator)",
        143 => "two named subpatterns have the same name",
        _ => return None,
    })
}

fn error_message(code: i32) -> String {
    if let Some(m) = pcre1_message(code) {
        return m.to_string();
    }
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; PCRE2 NUL-terminates.
    let n = unsafe { pcre2_get_error_message_8(code, buf.as_mut_ptr(), buf.len()) };
    if n < 0 {
        return format!("error {code}");
    }
    String::from_utf8_lossy(&buf[..n as usize]).into_owned()
}

/// PCRE's message and the offset in the pattern where it gave up.
type CompileError = (String, usize);

/// Compiles a pattern: the code, or PCRE's message and offset.
fn compile_code(pattern: &[u8], o: CompileOpts) -> Result<Code, CompileError> {
    // SAFETY: all pointers passed are valid for the calls; the contexts
    // are freed before returning.
    unsafe {
        let ctx = pcre2_compile_context_create_8(std::ptr::null_mut());
        // OTP's tables classify latin-1 letters (é is \w), PCRE2's own
        // only ASCII; the static tables outlive every pattern.
        pcre2_set_character_tables_8(ctx, super::re_tables::LATIN1_TABLES.as_ptr());
        if o.newline != 0 {
            pcre2_set_newline_8(ctx, o.newline);
        }
        if o.bsr != 0 {
            pcre2_set_bsr_8(ctx, o.bsr);
        }
        let mut err: i32 = 0;
        let mut off: usize = 0;
        let ptr = pcre2_compile_8(
            pattern.as_ptr(),
            pattern.len(),
            o.flags,
            &mut err,
            &mut off,
            ctx,
        );
        pcre2_compile_context_free_8(ctx);
        if ptr.is_null() {
            return Err((error_message(err), off));
        }
        let mut groups: u32 = 0;
        pcre2_pattern_info_8(
            ptr,
            PCRE2_INFO_CAPTURECOUNT,
            &mut groups as *mut u32 as *mut _,
        );
        let mut count: u32 = 0;
        let mut size: u32 = 0;
        let mut table: *const u8 = std::ptr::null();
        pcre2_pattern_info_8(ptr, PCRE2_INFO_NAMECOUNT, &mut count as *mut u32 as *mut _);
        pcre2_pattern_info_8(
            ptr,
            PCRE2_INFO_NAMEENTRYSIZE,
            &mut size as *mut u32 as *mut _,
        );
        pcre2_pattern_info_8(
            ptr,
            PCRE2_INFO_NAMETABLE,
            &mut table as *mut *const u8 as *mut _,
        );
        let mut names = Vec::with_capacity(count as usize);
        for i in 0..count as usize {
            let entry = std::slice::from_raw_parts(table.add(i * size as usize), size as usize);
            let num = ((entry[0] as u32) << 8) | entry[1] as u32;
            let name: Vec<u8> = entry[2..]
                .iter()
                .take_while(|b| **b != 0)
                .copied()
                .collect();
            names.push((num, name));
        }
        names.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(Code { ptr, groups, names })
    }
}

/// Compiled patterns by their serialized form.
fn cache() -> &'static Mutex<HashMap<Vec<u8>, Arc<Code>>> {
    static CACHE: OnceLock<Mutex<HashMap<Vec<u8>, Arc<Code>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

const MAGIC: &[u8] = b"FERLRE1";

/// The serialized form of a pattern: magic, options, source.
fn serialize(pattern: &[u8], o: CompileOpts) -> Vec<u8> {
    let mut b = MAGIC.to_vec();
    b.extend_from_slice(&o.flags.to_be_bytes());
    b.extend_from_slice(&o.newline.to_be_bytes());
    b.extend_from_slice(&o.bsr.to_be_bytes());
    b.extend_from_slice(pattern);
    b
}

fn deserialize(b: &[u8]) -> Option<(&[u8], CompileOpts)> {
    let rest = b.strip_prefix(MAGIC)?;
    if rest.len() < 12 {
        return None;
    }
    let word = |i: usize| u32::from_be_bytes(rest[i..i + 4].try_into().unwrap());
    Some((
        &rest[12..],
        CompileOpts {
            flags: word(0),
            newline: word(4),
            bsr: word(8),
        },
    ))
}

/// The code of a serialized pattern, compiled once.
fn cached(key: &[u8]) -> Result<Arc<Code>, CompileError> {
    if let Some(c) = cache().lock().unwrap().get(key) {
        return Ok(c.clone());
    }
    let (pattern, o) = deserialize(key).ok_or_else(|| ("bad pattern".to_string(), 0))?;
    let code = Arc::new(compile_code(pattern, o)?);
    let mut c = cache().lock().unwrap();
    // Patterns built at run time could grow the cache without bound.
    if c.len() > 4096 {
        c.clear();
    }
    c.insert(key.to_vec(), code.clone());
    Ok(code)
}

/// The UTF-8 bytes of chardata (binaries taken as UTF-8 already).
fn utf8_bytes(t: &Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![t];
    while let Some(cur) = stack.pop() {
        match cur {
            Term::Binary(b) => out.extend_from_slice(b.as_bytes()?),
            Term::Nil => {}
            Term::Cons(c) => {
                stack.push(&c.tail);
                stack.push(&c.head);
            }
            Term::Int(i) => {
                let ch = char::from_u32(u32::try_from(*i).ok()?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The bytes of a subject or pattern: chardata as UTF-8 under `unicode`,
/// else iodata.
fn text(t: &Term, unicode: bool) -> Option<Vec<u8>> {
    if unicode {
        utf8_bytes(t)
    } else {
        super::erlang::iolist_bytes(t)
    }
}

/// A pattern argument: a compiled `re_pattern` tuple, or source text
/// compiled with `opts`. The error is PCRE's message and offset, or None
/// for a bad argument.
fn pattern_of(t: &Term, o: CompileOpts) -> Result<(Arc<Code>, bool), Option<CompileError>> {
    if let Some(tu) = t.as_tuple() {
        // A compiled expression takes no more compile options at run time.
        if o.flags & !PCRE2_UTF != 0 {
            return Err(None);
        }
        return match tu.elems() {
            [Term::Atom(tag), _, _, _, Term::Binary(b)] if tag.name() == "re_pattern" => {
                let key = b.as_bytes().ok_or(None)?;
                let (_, po) = deserialize(key).ok_or(None)?;
                cached(key).map(|c| (c, po.unicode())).map_err(Some)
            }
            _ => Err(None),
        };
    }
    let src = text(t, o.unicode()).ok_or(None)?;
    cached(&serialize(&src, o))
        .map(|c| (c, o.unicode()))
        .map_err(Some)
}

fn compile_error(msg: &str, off: usize) -> Term {
    Term::tuple(vec![Term::string(msg), Term::Int(off as i64)])
}

fn compile(a: &[Term], opts: &Term) -> BifResult {
    let f = "compile";
    let mut o = CompileOpts::default();
    for opt in opts.list_to_vec().ok_or_else(|| badarg_in("re", f, a))? {
        if !compile_opt(&opt, &mut o) {
            return Err(badarg_in("re", f, a));
        }
    }
    let src = text(&a[0], o.unicode()).ok_or_else(|| badarg_in("re", f, a))?;
    let key = serialize(&src, o);
    match cached(&key) {
        Ok(code) => Ok(Term::tuple(vec![
            Term::Atom(atom::OK),
            Term::tuple(vec![
                Term::atom_str("re_pattern"),
                Term::Int(code.groups as i64),
                Term::Int(o.unicode() as i64),
                Term::Int((o.newline == PCRE2_NEWLINE_CRLF) as i64),
                Term::binary(&key),
            ]),
        ])),
        Err((msg, off)) => Ok(Term::tuple(vec![
            Term::atom_str("error"),
            compile_error(&msg, off),
        ])),
    }
}

/// `re:compile(Regexp)`.
pub(crate) fn compile_1(_: &mut P, a: &[Term]) -> BifResult {
    compile(a, &Term::Nil)
}

/// `re:compile(Regexp, Options)`.
pub(crate) fn compile_2(_: &mut P, a: &[Term]) -> BifResult {
    compile(a, &a[1])
}

/// How captured parts are returned.
#[derive(Clone, Copy, PartialEq)]
enum CaptureType {
    Index,
    List,
    Binary,
}

/// Which groups are returned.
enum Groups {
    All,
    AllButFirst,
    First,
    None,
    AllNames,
    These(Vec<Term>),
}

struct RunOpts {
    compile: CompileOpts,
    match_flags: u32,
    global: bool,
    offset: usize,
    groups: Groups,
    ctype: CaptureType,
    match_limit: Option<u32>,
    depth_limit: Option<u32>,
    report_errors: bool,
}

fn run_opts(opts: &Term) -> Option<RunOpts> {
    let mut r = RunOpts {
        compile: CompileOpts::default(),
        match_flags: 0,
        global: false,
        offset: 0,
        groups: Groups::All,
        ctype: CaptureType::Index,
        match_limit: None,
        depth_limit: None,
        report_errors: false,
    };
    for o in opts.list_to_vec()? {
        match &o {
            Term::Atom(a) => match a.name() {
                "global" => r.global = true,
                "notbol" => r.match_flags |= PCRE2_NOTBOL,
                "noteol" => r.match_flags |= PCRE2_NOTEOL,
                "notempty" => r.match_flags |= PCRE2_NOTEMPTY,
                "notempty_atstart" => r.match_flags |= PCRE2_NOTEMPTY_ATSTART,
                "report_errors" => r.report_errors = true,
                // anchored works at compile and at match time alike.
                "anchored" => r.match_flags |= PCRE2_ANCHORED,
                _ => {
                    if !compile_opt(&o, &mut r.compile) {
                        return None;
                    }
                }
            },
            Term::Tuple(t) => match t.elems() {
                [Term::Atom(k), Term::Int(n)] if k.name() == "offset" && *n >= 0 => {
                    r.offset = *n as usize
                }
                [Term::Atom(k), Term::Int(n)] if k.name() == "match_limit" && *n >= 0 => {
                    r.match_limit = Some((*n).min(u32::MAX as i64) as u32)
                }
                [Term::Atom(k), Term::Int(n)] if k.name() == "match_limit_recursion" && *n >= 0 => {
                    r.depth_limit = Some((*n).min(u32::MAX as i64) as u32)
                }
                [Term::Atom(k), spec] if k.name() == "capture" => r.groups = groups(spec)?,
                [Term::Atom(k), spec, Term::Atom(ty)] if k.name() == "capture" => {
                    r.groups = groups(spec)?;
                    r.ctype = match ty.name() {
                        "index" => CaptureType::Index,
                        "list" => CaptureType::List,
                        "binary" => CaptureType::Binary,
                        _ => return None,
                    };
                }
                _ => {
                    if !compile_opt(&o, &mut r.compile) {
                        return None;
                    }
                }
            },
            _ => return None,
        }
    }
    Some(r)
}

fn groups(spec: &Term) -> Option<Groups> {
    Some(match spec {
        Term::Atom(a) => match a.name() {
            "all" => Groups::All,
            "all_but_first" => Groups::AllButFirst,
            "first" => Groups::First,
            "none" => Groups::None,
            "all_names" => Groups::AllNames,
            _ => return None,
        },
        Term::Nil | Term::Cons(_) => Groups::These(spec.list_to_vec()?),
        _ => return None,
    })
}

/// The group number a capture list item names.
fn group_number(code: &Code, item: &Term) -> Option<Option<u32>> {
    let name: Vec<u8> = match item {
        Term::Int(n) if *n >= 0 => {
            return Some((*n as u32 <= code.groups).then_some(*n as u32));
        }
        Term::Atom(a) => a.name().as_bytes().to_vec(),
        Term::Binary(b) => b.as_bytes()?.to_vec(),
        Term::Cons(_) | Term::Nil => item.list_to_string()?.into_bytes(),
        _ => return None,
    };
    Some(code.names.iter().find(|(_, n)| *n == name).map(|(i, _)| *i))
}

/// One match: the offsets of each group (`None` when it did not take part).
type Spans = Vec<Option<(usize, usize)>>;

/// Runs one match at `start`; `Ok(None)` for no match, `Err(code)` for a
/// PCRE2 error.
fn match_at(
    code: &Code,
    subject: &[u8],
    start: usize,
    flags: u32,
    mctx: *mut pcre2_match_context_8,
) -> Result<Option<Spans>, i32> {
    // SAFETY: `code` is valid; the match data is created for it and freed
    // here; the ovector is read within its reported length.
    unsafe {
        let md = pcre2_match_data_create_from_pattern_8(code.ptr, std::ptr::null_mut());
        let rc = pcre2_match_8(
            code.ptr,
            subject.as_ptr(),
            subject.len(),
            start,
            flags,
            md,
            mctx,
        );
        let out = if rc == ERROR_NOMATCH {
            Ok(None)
        } else if rc < 0 {
            Err(rc)
        } else {
            let ov = pcre2_get_ovector_pointer_8(md);
            let n = pcre2_get_ovector_count_8(md) as usize;
            // PCRE reports the groups up to the last one set: OTP drops
            // the unset ones after it.
            let set = (rc as usize).min(n);
            let mut spans = Vec::with_capacity(set);
            for i in 0..set {
                let (s, e) = (*ov.add(2 * i), *ov.add(2 * i + 1));
                spans.push((s != PCRE2_UNSET).then_some((s, e)));
            }
            Ok(Some(spans))
        };
        pcre2_match_data_free_8(md);
        out
    }
}

const PCRE2_UNSET: usize = usize::MAX;

/// Every match from `offset`, as PCRE's global loop finds them: after an
/// empty match, first an anchored non-empty try at the same place, then
/// one character on.
fn all_matches(
    code: &Code,
    subject: &[u8],
    r: &RunOpts,
    unicode: bool,
    mctx: *mut pcre2_match_context_8,
) -> Result<Vec<Spans>, i32> {
    let mut out = Vec::new();
    let mut start = r.offset;
    let mut flags = r.match_flags;
    loop {
        if start > subject.len() {
            break;
        }
        match match_at(code, subject, start, flags, mctx)? {
            Some(spans) => {
                let (s, e) = spans[0].expect("group 0 is set");
                out.push(spans);
                if !r.global {
                    break;
                }
                flags = r.match_flags;
                if s == e {
                    if e >= subject.len() {
                        break;
                    }
                    flags |= PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED;
                }
                start = e;
            }
            None => {
                if flags & PCRE2_NOTEMPTY_ATSTART != 0
                    && flags & PCRE2_ANCHORED != 0
                    && r.match_flags & PCRE2_ANCHORED == 0
                {
                    // The anchored retry after an empty match failed: move
                    // on one character (CRLF counts as one at a newline).
                    flags = r.match_flags;
                    start += char_len(subject, start, unicode);
                    continue;
                }
                break;
            }
        }
    }
    Ok(out)
}

fn char_len(s: &[u8], at: usize, unicode: bool) -> usize {
    if at + 1 < s.len() && s[at] == b'\r' && s[at + 1] == b'\n' {
        return 2;
    }
    if !unicode {
        return 1;
    }
    let mut n = 1;
    while at + n < s.len() && s[at + n] & 0xC0 == 0x80 {
        n += 1;
    }
    n
}

fn part(subject: &[u8], span: Option<(usize, usize)>, ctype: CaptureType, unicode: bool) -> Term {
    match (ctype, span) {
        (CaptureType::Index, Some((s, e))) => {
            Term::tuple(vec![Term::Int(s as i64), Term::Int((e - s) as i64)])
        }
        (CaptureType::Index, None) => Term::tuple(vec![Term::Int(-1), Term::Int(0)]),
        (CaptureType::Binary, Some((s, e))) => Term::binary(&subject[s..e]),
        (CaptureType::Binary, None) => Term::binary(&[]),
        (CaptureType::List, Some((s, e))) => {
            let bytes = &subject[s..e];
            match (unicode, std::str::from_utf8(bytes)) {
                (true, Ok(st)) => Term::list(st.chars().map(|c| Term::Int(c as i64)).collect()),
                _ => Term::list(bytes.iter().map(|b| Term::Int(*b as i64)).collect()),
            }
        }
        (CaptureType::List, None) => Term::Nil,
    }
}

/// The captured parts of one match, as the capture options ask.
fn captured(
    code: &Code,
    spans: &Spans,
    subject: &[u8],
    r: &RunOpts,
    unicode: bool,
) -> Option<Term> {
    let idx: Vec<Option<u32>> = match &r.groups {
        Groups::All => (0..spans.len() as u32).map(Some).collect(),
        Groups::AllButFirst => (1..spans.len() as u32).map(Some).collect(),
        Groups::First => vec![Some(0)],
        Groups::None => vec![],
        Groups::AllNames => code.names.iter().map(|(i, _)| Some(*i)).collect(),
        Groups::These(items) => items
            .iter()
            .map(|t| group_number(code, t))
            .collect::<Option<Vec<_>>>()?,
    };
    Some(Term::list(
        idx.into_iter()
            .map(|i| {
                part(
                    subject,
                    i.and_then(|i| spans.get(i as usize).copied().flatten()),
                    r.ctype,
                    unicode,
                )
            })
            .collect(),
    ))
}

fn run(a: &[Term], opts: &Term) -> BifResult {
    let f = "run";
    let bad = || badarg_in("re", f, a);
    let r = run_opts(opts).ok_or_else(bad)?;
    let (code, unicode) = match pattern_of(&a[1], r.compile) {
        Ok(c) => c,
        Err(Some((msg, off))) if r.report_errors => {
            return Ok(Term::tuple(vec![
                Term::atom_str("error"),
                Term::tuple(vec![Term::atom_str("compile"), compile_error(&msg, off)]),
            ]))
        }
        Err(_) => return Err(bad()),
    };
    let unicode = unicode || r.compile.unicode();
    let subject = text(&a[0], unicode).ok_or_else(bad)?;
    if r.offset > subject.len() {
        return Err(bad());
    }
    // SAFETY: the context is created, configured and freed here.
    let mctx = unsafe {
        let m = pcre2_match_context_create_8(std::ptr::null_mut());
        if let Some(n) = r.match_limit {
            pcre2_set_match_limit_8(m, n);
        }
        if let Some(n) = r.depth_limit {
            pcre2_set_depth_limit_8(m, n);
        }
        m
    };
    let found = all_matches(&code, &subject, &r, unicode, mctx);
    // SAFETY: created above, no longer used.
    unsafe { pcre2_match_context_free_8(mctx) };
    let matches = match found {
        Ok(m) => m,
        Err(ERROR_MATCHLIMIT) if r.report_errors => {
            return Ok(Term::tuple(vec![
                Term::atom_str("error"),
                Term::atom_str("match_limit"),
            ]))
        }
        Err(ERROR_DEPTHLIMIT) if r.report_errors => {
            return Ok(Term::tuple(vec![
                Term::atom_str("error"),
                Term::atom_str("match_limit_recursion"),
            ]))
        }
        Err(ERROR_MATCHLIMIT | ERROR_DEPTHLIMIT) => return Ok(Term::atom_str("nomatch")),
        Err(_) => return Err(bad()),
    };
    if matches.is_empty() {
        return Ok(Term::atom_str("nomatch"));
    }
    if matches!(r.groups, Groups::None) {
        return Ok(Term::atom_str("match"));
    }
    let mut caps = Vec::with_capacity(matches.len());
    for m in &matches {
        caps.push(captured(&code, m, &subject, &r, unicode).ok_or_else(bad)?);
    }
    let value = if r.global {
        Term::list(caps)
    } else {
        caps.swap_remove(0)
    };
    Ok(Term::tuple(vec![Term::atom_str("match"), value]))
}

/// `re:run(Subject, RE)`.
pub(crate) fn run_2(_: &mut P, a: &[Term]) -> BifResult {
    run(a, &Term::Nil)
}

/// `re:run(Subject, RE, Options)`.
pub(crate) fn run_3(_: &mut P, a: &[Term]) -> BifResult {
    run(a, &a[2])
}

/// `re:inspect(MP, namelist)`: the group names, sorted.
pub(crate) fn inspect_2(_: &mut P, a: &[Term]) -> BifResult {
    let bad = || badarg_in("re", "inspect", a);
    if !matches!(&a[1], Term::Atom(x) if x.name() == "namelist") || a[0].as_tuple().is_none() {
        return Err(bad());
    }
    let (code, _) = pattern_of(&a[0], CompileOpts::default()).map_err(|_| bad())?;
    Ok(Term::tuple(vec![
        Term::atom_str("namelist"),
        Term::list(code.names.iter().map(|(_, n)| Term::binary(n)).collect()),
    ]))
}

/// `re:version()`: the version of the PCRE2 library ferl is built with
/// (OTP 25 reports its PCRE 8.44; the syntax is the same).
pub(crate) fn version_0(_: &mut P, _: &[Term]) -> BifResult {
    let mut buf = [0u8; 64];
    // SAFETY: the buffer is large enough for the version string (PCRE2
    // documents 24 code units), which PCRE2 NUL-terminates.
    let n = unsafe { pcre2_config_8(PCRE2_CONFIG_VERSION, buf.as_mut_ptr() as *mut _) };
    let len = if n > 0 { n as usize - 1 } else { 0 };
    Ok(Term::binary(&buf[..len]))
}
