//! Embeds the Erlang sources of `stdlib/` and `kernel/` into the runtime:
//! writes `$OUT_DIR/embedded.rs`, a table of (path relative to the
//! repository root, file text).

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "test") {
                continue;
            }
            collect(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "erl" || e == "hrl") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p.canonicalize().unwrap()));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut files = Vec::new();
    for lib in ["stdlib", "kernel"] {
        let dir = root.join(lib);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &root, &mut files);
    }
    let mut src = String::from(
        "/// Embedded library sources: (path, text).\npub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        src.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, src).unwrap();
}
