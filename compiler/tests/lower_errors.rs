//! Lowering diagnostics against `erlc`: each `tests/lower/NAME.erl` is
//! compiled and its rendered errors compared with `NAME.erlc`, the error
//! part of what OTP 25's `erlc NAME.erl` printed (warnings left out; ferl
//! does not report those yet). Regenerate a `.erlc` with
//! `erlc NAME.erl 2>&1`, keeping the errors only.

use ferl_compiler::{compile, diagnostic, NoIncludes, SourceMap};
use std::path::Path;

#[test]
fn errors_are_worded_and_placed_as_erlc_does() {
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
        let errors = compile(&mut map, file, &NoIncludes)
            .err()
            .expect("the module must fail");
        let got = diagnostic::render_all(&errors, &map);
        let want = std::fs::read_to_string(path.with_extension("erlc")).unwrap();
        assert_eq!(got.trim_end(), want.trim_end(), "{name}");
        checked += 1;
    }
    assert!(checked > 0);
}
