//! Parses Erlang files and prints what the front end makes of them:
//! `cargo run -p ferl_compiler --example parse -- [--errors] FILE...`.
//! Without `--errors`, the AST dump of each file; with it, one
//! `FILE:LINE:COL: message` line per diagnostic, the format
//! `tests/tools/erl_errors.escript` prints OTP's, for diffing.
//! Includes are looked up relative to the including file; `-include_lib`
//! also in the installed OTP (`$FERL_OTP_LIB`, else `/usr/lib/erlang/lib`).

use ferl_compiler::{diagnostic, dump, parser, IncludeResolver, SourceMap};
use std::path::{Path, PathBuf};

struct Relative;

impl IncludeResolver for Relative {
    fn resolve(&self, path: &str, lib: bool, from: &str) -> Option<(String, String)> {
        let dir = Path::new(from).parent().unwrap_or(Path::new("."));
        let mut candidates = vec![dir.join(path)];
        if lib {
            let root =
                std::env::var("FERL_OTP_LIB").unwrap_or_else(|_| "/usr/lib/erlang/lib".into());
            if let Some((app, rest)) = path.split_once('/') {
                let dirs = std::fs::read_dir(&root).ok()?;
                let found: Option<PathBuf> = dirs
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                        name.is_some_and(|n| n == app || n.starts_with(&format!("{app}-")))
                    })
                    .max();
                if let Some(d) = found {
                    candidates.push(d.join(rest));
                }
            }
        }
        candidates.into_iter().find_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.to_string_lossy().into_owned(), text))
        })
    }
}

fn main() {
    let mut errors_only = false;
    for arg in std::env::args().skip(1) {
        if arg == "--errors" {
            errors_only = true;
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&arg) else {
            eprintln!("{arg}: cannot read");
            continue;
        };
        let mut map = SourceMap::new();
        let file = map.add(arg.clone(), text);
        let (module, diags) = parser::parse_module(&mut map, file, &Relative);
        if errors_only {
            for d in &diags {
                let (line, col) = map.line_col(d.span);
                println!(
                    "{}:{}:{}: {}",
                    map.file(d.span.file).name,
                    line,
                    col,
                    d.message
                );
            }
        } else {
            print!("{}", dump::module(&module, &map));
            print!("{}", diagnostic::render_all(&diags, &map));
        }
    }
}
