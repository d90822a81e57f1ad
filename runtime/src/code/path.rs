//! The code path: where module sources are found. Directories given with
//! `-pa` and `FERL_PATH` (and the directory of the program being run) come
//! first and override the embedded `stdlib/` and `kernel/` module by module,
//! so a user edits a library module and reruns without rebuilding ferl.

use ferl_compiler::lint::BehaviourInfo;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[allow(unreachable_pub)]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A module's source text and where it came from.
pub struct Source {
    /// The name shown in diagnostics (`prog.erl`, `stdlib/lists.erl`).
    pub display: String,
    /// The text.
    pub text: String,
    /// The directory of the file, for relative `-include`s (none when embedded).
    pub dir: Option<PathBuf>,
    /// The file's bytes stop being UTF-8 where `text` ends.
    pub undecodable: bool,
}

/// The warning options of the command line (`ferl -W0 run ...`).
static DEFAULT_LINT: std::sync::OnceLock<ferl_compiler::lint::Options> = std::sync::OnceLock::new();

/// Sets the warning options every code path made after this starts with;
/// only the first call counts (the command line is read once).
pub fn set_default_lint(opts: ferl_compiler::lint::Options) {
    let _ = DEFAULT_LINT.set(opts);
}

/// Behaviour modules read so far: name -> (the source read, its callbacks).
type BehaviourCache = HashMap<String, (String, Option<BehaviourInfo>)>;

/// The search path for module sources.
#[derive(Default, Clone)]
pub struct CodePath {
    /// Directories searched first, in order.
    pub dirs: Vec<PathBuf>,
    /// `-I` directories, searched for `-include` files after the including
    /// file's own directory.
    pub include_dirs: Vec<PathBuf>,
    /// What the compiler warns about (`-W0`, `+nowarn_...`).
    pub lint: ferl_compiler::lint::Options,
    /// Macros defined for every module, as `erlc -DNAME=VALUE`.
    pub defines: Vec<(String, String)>,
    /// Behaviour modules read so far.
    behaviours: Arc<Mutex<BehaviourCache>>,
}

/// The embedded library roots, searched in this order.
const EMBEDDED_ROOTS: &[&str] = &["stdlib", "kernel"];

impl CodePath {
    /// A code path with `FERL_PATH` (colon-separated) after `dirs`.
    /// Its warning options are those set by [`set_default_lint`].
    pub fn new(mut dirs: Vec<PathBuf>) -> CodePath {
        if let Ok(p) = std::env::var("FERL_PATH") {
            dirs.extend(p.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
        }
        CodePath {
            dirs,
            lint: DEFAULT_LINT.get().cloned().unwrap_or_default(),
            ..CodePath::default()
        }
    }

    /// Finds the source of module `name`.
    pub fn find_module(&self, name: &str) -> Option<Source> {
        let file = format!("{name}.erl");
        for d in &self.dirs {
            let p = d.join(&file);
            if let Ok((text, undecodable)) =
                std::fs::read(&p).map(|b| ferl_compiler::source::decode_source_checked(&b))
            {
                return Some(Source {
                    display: p.to_string_lossy().into_owned(),
                    text,
                    dir: Some(d.clone()),
                    undecodable,
                });
            }
        }
        for root in EMBEDDED_ROOTS {
            let key = format!("{root}/{file}");
            if let Some(text) = embedded_file(&key) {
                return Some(Source {
                    display: key,
                    text: text.to_string(),
                    dir: None,
                    undecodable: false,
                });
            }
        }
        None
    }

    /// Resolves an `-include_lib("app/include/x.hrl")` path as
    /// `code:lib_dir(app)` would find the application: an `app` or
    /// `app-VSN` directory (the highest version) under each root of
    /// `ERL_LIBS`, then beside the code path's directories, then the
    /// embedded library.
    pub fn find_include_lib(&self, path: &str) -> Option<(String, String)> {
        let (app, rest) = path.split_once('/')?;
        for root in &self.lib_roots() {
            if let Some(dir) = app_dir(root, app) {
                let p = dir.join(rest);
                if let Ok(text) =
                    std::fs::read(&p).map(|b| ferl_compiler::source::decode_source(&b))
                {
                    return Some((p.to_string_lossy().into_owned(), text));
                }
            }
        }
        for root in EMBEDDED_ROOTS {
            let key = format!("{root}/{path}");
            if let Some(text) = embedded_file(&key) {
                return Some((key, text.to_string()));
            }
        }
        None
    }

    /// The directory of application `app`, as `code:lib_dir/1` finds it.
    pub fn lib_dir(&self, app: &str) -> Option<PathBuf> {
        self.lib_roots().iter().find_map(|r| app_dir(r, app))
    }

    /// Where applications are looked for: each root of `ERL_LIBS`, then
    /// each code path directory, its parent and grandparent (an `ebin` or
    /// `src` directory inside `app-VSN` inside a lib directory).
    fn lib_roots(&self) -> Vec<PathBuf> {
        let mut roots: Vec<PathBuf> = Vec::new();
        if let Ok(libs) = std::env::var("ERL_LIBS") {
            roots.extend(libs.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
        }
        for d in &self.dirs {
            roots.push(d.clone());
            if let Some(p) = d.parent() {
                roots.push(p.to_path_buf());
                if let Some(pp) = p.parent() {
                    roots.push(pp.to_path_buf());
                }
            }
        }
        roots
    }
}

/// The directory of application `app` under `root`: `root/app`, or the
/// `root/app-VSN` with the highest version, as `code:lib_dir/1` picks.
fn app_dir(root: &Path, app: &str) -> Option<PathBuf> {
    let plain = root.join(app);
    let mut best: Option<(Vec<u64>, PathBuf)> = None;
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(vsn) = name.strip_prefix(app).and_then(|r| r.strip_prefix('-')) else {
                continue;
            };
            let Some(key) = vsn
                .split('.')
                .map(|p| p.parse::<u64>().ok())
                .collect::<Option<Vec<u64>>>()
            else {
                continue;
            };
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, e.path()));
            }
        }
    }
    match best {
        Some((_, p)) => Some(p),
        None => plain.is_dir().then_some(plain),
    }
}

/// The text of an embedded file by its path (`stdlib/lists.erl`).
pub fn embedded_file(path: &str) -> Option<&'static str> {
    embedded::EMBEDDED
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
}

/// Names of all embedded modules.
pub fn embedded_modules() -> Vec<String> {
    embedded::EMBEDDED
        .iter()
        .filter_map(|(p, _)| p.strip_suffix(".erl"))
        .filter_map(|p| p.rsplit('/').next())
        .map(str::to_string)
        .collect()
}

/// Resolves includes for one module being compiled.
pub struct Includes<'a> {
    /// The code path.
    pub path: &'a CodePath,
    /// Directory of the module's source file.
    pub dir: Option<&'a Path>,
}

impl ferl_compiler::IncludeResolver for Includes<'_> {
    /// A behaviour is found as any module is (code path, then the embedded
    /// library) and its callbacks read from its source; one not found is
    /// undefined, as it is for `erlc` when the module is not on its path.
    fn behaviour(&self, name: &str) -> Option<BehaviourInfo> {
        let Some(src) = self.path.find_module(name) else {
            return Some(BehaviourInfo::Undefined);
        };
        let cache = &self.path.behaviours;
        if let Some((text, info)) = cache.lock().ok()?.get(name) {
            if *text == src.text {
                return info.clone();
            }
        }
        let includes = Includes {
            path: self.path,
            dir: src.dir.as_deref(),
        };
        let info =
            ferl_compiler::read_behaviour(&src.display, &src.text, &includes, &self.path.defines);
        cache
            .lock()
            .ok()?
            .insert(name.to_string(), (src.text, info.clone()));
        info
    }

    /// `-include` looks beside the including file, in the module's own
    /// directory, the `-I` directories and the code path; `-include_lib`
    /// first looks as `-include` does, then through the applications (as
    /// `epp` does).
    fn resolve(&self, path: &str, lib: bool, from: &str) -> Option<(String, String)> {
        if let Some(found) = self.resolve_plain(path, from) {
            return Some(found);
        }
        if lib {
            return self.path.find_include_lib(path);
        }
        None
    }
}

impl Includes<'_> {
    fn resolve_plain(&self, path: &str, from: &str) -> Option<(String, String)> {
        let from_dir = Path::new(from).parent().map(Path::to_path_buf);
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Some(d) = from_dir {
            candidates.push(d.join(path));
        }
        if let Some(d) = self.dir {
            candidates.push(d.join(path));
            // erlc's include path starts with ".": the current directory.
            candidates.push(PathBuf::from(path));
        }
        candidates.extend(self.path.include_dirs.iter().map(|d| d.join(path)));
        candidates.extend(self.path.dirs.iter().map(|d| d.join(path)));
        for c in candidates {
            if let Ok(text) = std::fs::read(&c).map(|b| ferl_compiler::source::decode_source(&b)) {
                return Some((c.to_string_lossy().into_owned(), text));
            }
        }
        // An embedded module including a sibling (`stdlib/x.hrl`).
        let from_embedded = Path::new(from).parent().map(|p| p.join(path));
        if let Some(p) = from_embedded {
            let key = p.to_string_lossy().replace('\\', "/");
            if let Some(text) = embedded_file(&key) {
                return Some((key, text.to_string()));
            }
        }
        None
    }
}
