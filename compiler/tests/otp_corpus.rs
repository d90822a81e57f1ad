//! Parses every `.erl` file of an installed OTP source tree (Debian's
//! `erlang-src`) and fails on any diagnostic: the widest check that the
//! front end reads what OTP's own front end reads. Ignored by default, as
//! the sources are not on every machine; run it with
//! `cargo test -p ferl_compiler --test otp_corpus -- --ignored`
//! (`FERL_OTP_LIB` names another `lib` directory than `/usr/lib/erlang/lib`).
//! With `FERL_DUMP_DIR` set, it also writes each file's functions, records,
//! types and specs there, to diff against `tests/tools/erl_dump.escript`'s
//! rendering of OTP's parse (see that script for the one normalisation).
//! Last run (OTP 25.2 sources, 919 files parsed): no difference but the
//! script's own guesses (an omitted `catch` class inside macros, an explicit
//! `_` stacktrace), `-file` in generated parsers, and float printing.

use ferl_compiler::ast::Form;
use ferl_compiler::{diagnostic, dump, parser, IncludeResolver, SourceMap};
use std::path::{Path, PathBuf};

/// Resolves includes as `epp` does for OTP's own sources: next to the
/// including file, in `../include`, and `-include_lib("app/...")` in the
/// installed `app-VSN` directory.
struct OtpResolver {
    lib: PathBuf,
}

impl OtpResolver {
    fn lib_dir(&self, app: &str) -> Option<PathBuf> {
        let mut found = None;
        for e in std::fs::read_dir(&self.lib).ok()?.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == app || name.starts_with(&format!("{app}-")) {
                found = Some(e.path());
            }
        }
        found
    }
}

impl IncludeResolver for OtpResolver {
    fn resolve(&self, path: &str, lib: bool, from: &str) -> Option<(String, String)> {
        let dir = Path::new(from).parent().unwrap_or(Path::new("."));
        let mut candidates = Vec::new();
        if lib {
            let (app, rest) = path.split_once('/')?;
            candidates.push(self.lib_dir(app)?.join(rest));
        } else {
            candidates.push(dir.join(path));
            candidates.push(dir.join("../include").join(path));
        }
        for c in candidates {
            if let Ok(text) = std::fs::read_to_string(&c) {
                return Some((c.to_string_lossy().into_owned(), text));
            }
        }
        None
    }
}

/// Macros OTP's makefiles define with `-D` for some files.
const BUILD_MACROS: &[&str] = &[
    "COMPILER_VSN",
    "VSN",
    "version",
    "ENABLE_MEGACO_FLEX_SCANNER",
    "MEGACO_REENTRANT_FLEX_SCANNER",
];

fn erl_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            erl_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "erl") {
            out.push(p);
        }
    }
}

/// Writes the functions, records, types and specs of the file (not those
/// of its include files) to `DIR/<basename>.dump`, in the
/// format `tests/tools/erl_dump.escript` writes OTP's parse of the same file.
fn write_functions(dir: &Path, file: &Path, module: &ferl_compiler::ast::Module, map: &SourceMap) {
    let mut out = String::new();
    for form in &module.forms {
        let span = match form {
            Form::Function(f) => f.span,
            Form::Record(r) => r.span,
            Form::Attribute(a)
                if matches!(a.name.as_str(), "type" | "opaque" | "spec" | "callback") =>
            {
                a.span
            }
            _ => continue,
        };
        if span.file.0 == 0 {
            out.push_str(&format!("{}: {}\n", map.line(span), dump::form(form)));
        }
    }
    let name = format!(
        "{}.dump",
        file.file_name().unwrap_or_default().to_string_lossy()
    );
    std::fs::write(dir.join(name), out).expect("write dump");
}

#[test]
#[ignore]
fn otp_sources_parse_without_diagnostics() {
    let lib = std::env::var("FERL_OTP_LIB").unwrap_or_else(|_| "/usr/lib/erlang/lib".into());
    let resolver = OtpResolver {
        lib: PathBuf::from(&lib),
    };
    let mut files = Vec::new();
    erl_files(Path::new(&lib), &mut files);
    files.sort();
    let mut bad = 0;
    let mut skipped = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let mut map = SourceMap::new();
        let id = map.add(f.to_string_lossy(), text);
        let (module, diags) = parser::parse_module(&mut map, id, &resolver);
        if let Ok(dir) = std::env::var("FERL_DUMP_DIR") {
            write_functions(Path::new(&dir), f, &module, &map);
        }
        // Some headers are not installed by the package; erlc could not
        // compile those files either.
        // Others take macros from the build's `-D` flags.
        let build_defined = |m: &str| {
            BUILD_MACROS
                .iter()
                .any(|b| m == format!("undefined macro '{b}'"))
        };
        if diags
            .iter()
            .any(|d| d.message.starts_with("can't find include"))
            || (!diags.is_empty() && diags.iter().all(|d| build_defined(&d.message)))
        {
            skipped += 1;
            continue;
        }
        if !diags.is_empty() {
            bad += 1;
            eprint!(
                "{}",
                diagnostic::render_all(&diags[..diags.len().min(3)], &map)
            );
        }
    }
    eprintln!(
        "{} files, {} with diagnostics, {} skipped for missing headers or -D macros",
        files.len(),
        bad,
        skipped
    );
    assert_eq!(bad, 0);
}
