//! Parses Erlang files and prints what the front end makes of them:
//! `cargo run -p ferl_compiler --example parse -- [--errors] FILE...`.
//! Without `--errors`, the AST dump of each file; with it, one
//! `FILE:LINE:COL: message` line per diagnostic, the format
//! `tests/tools/erl_errors.escript` prints OTP's, for diffing.
//! Includes are looked up relative to the including file.

use ferl_compiler::{diagnostic, dump, parser, IncludeResolver, SourceMap};
use std::path::Path;

struct Relative;

impl IncludeResolver for Relative {
    fn resolve(&self, path: &str, _lib: bool, from: &str) -> Option<(String, String)> {
        let dir = Path::new(from).parent().unwrap_or(Path::new("."));
        let p = dir.join(path);
        let text = std::fs::read_to_string(&p).ok()?;
        Some((p.to_string_lossy().into_owned(), text))
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
