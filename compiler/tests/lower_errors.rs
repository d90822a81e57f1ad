//! Diagnostics against `erlc`: each `tests/lower/NAME.erl` is compiled and
//! its rendered errors and warnings compared with `NAME.erlc`, what OTP
//! 25's `erlc NAME.erl` printed. Regenerate a `.erlc` with
//! `erlc -o /tmp NAME.erl > NAME.erlc`. The behaviour modules the cases
//! name are in `tests/lower/behaviours/`: for `erlc`, compile them first
//! and add `-pa` of their output directory.

use ferl_compiler::lint::BehaviourInfo;
use ferl_compiler::{compile, diagnostic, IncludeResolver, NoIncludes, SourceMap};
use std::path::{Path, PathBuf};

/// Finds behaviour modules in one directory, as `erlc -pa DIR` would.
struct BehaviourDir(PathBuf);

impl IncludeResolver for BehaviourDir {
    fn resolve(&self, _path: &str, _lib: bool, _from: &str) -> Option<(String, String)> {
        None
    }

    fn behaviour(&self, name: &str) -> Option<BehaviourInfo> {
        let path = self.0.join(format!("{name}.erl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Some(BehaviourInfo::Undefined);
        };
        ferl_compiler::read_behaviour(name, &text, &NoIncludes, &[])
    }
}

#[test]
fn diagnostics_are_worded_and_placed_as_erlc_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lower");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "erl") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut map = SourceMap::new();
        let file = map.add(name.clone(), std::fs::read_to_string(&path).unwrap());
        let behaviours = BehaviourDir(dir.join("behaviours"));
        let diags = match compile(&mut map, file, &behaviours) {
            Ok((_, warnings)) => warnings,
            Err(diags) => diags,
        };
        let got = diagnostic::render_all(&diags, &map);
        let want = std::fs::read_to_string(path.with_extension("erlc")).unwrap();
        assert_eq!(got.trim_end(), want.trim_end(), "{name}");
        checked += 1;
    }
    assert!(checked > 0);
}

/// A file that is not valid UTF-8 (`bad_utf8.bin`, compiled by erlc as
/// `bad_utf8.erl`): epp gives up at the bad byte, the forms before it are
/// still checked.
#[test]
fn undecodable_source_is_reported_where_epp_gives_up() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lower");
    let bytes = std::fs::read(dir.join("bad_utf8.bin")).unwrap();
    let (text, undecodable) = ferl_compiler::source::decode_source_checked(&bytes);
    assert!(undecodable);
    let mut map = SourceMap::new();
    let file = map.add_undecodable("bad_utf8.erl", text);
    let diags = match compile(&mut map, file, &NoIncludes) {
        Ok((_, warnings)) => warnings,
        Err(diags) => diags,
    };
    let got = diagnostic::render_all(&diags, &map);
    let want = std::fs::read_to_string(dir.join("bad_utf8.erlc")).unwrap();
    assert_eq!(got.trim_end(), want.trim_end());
}
