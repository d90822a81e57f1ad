//! `-include("file.hrl")` and `-include_lib("app/include/file.hrl")`: reads
//! the attribute and finds the file through the [`IncludeResolver`].
//!
//! The resolver decides where files live (next to the including file, the
//! embedded standard library, `-pa` directories); this module only reads the
//! attribute, calls it, and words the failure as `epp` does.

use crate::diagnostic::Diagnostic;
use crate::lexer::{SpannedToken, Token};
use crate::source::{FileId, SourceMap};
use crate::IncludeResolver;

/// Include files nest at most this deep (`epp`'s limit; past it,
/// `include too deep`), which also stops a file that includes itself.
pub(crate) const MAX_DEPTH: usize = 8;

/// The path argument of `-include(Path).`: the tokens between the
/// parentheses must be one or more adjacent strings.
pub(crate) fn include_path(args: &[SpannedToken]) -> Option<String> {
    if args.is_empty() {
        return None;
    }
    let mut path = String::new();
    for (tok, _) in args {
        match tok {
            Token::String(s) => path.extend(s.iter().filter_map(|&c| char::from_u32(c))),
            _ => return None,
        }
    }
    Some(path)
}

/// Resolves and loads an include file into the map. `lib` is true for
/// `-include_lib`, which also tries the plain `-include` rules as OTP does.
pub(crate) fn load(
    map: &mut SourceMap,
    resolver: &dyn IncludeResolver,
    path: &str,
    lib: bool,
    from: FileId,
    at: SpannedToken,
) -> Result<FileId, Diagnostic> {
    let from_name = map.file(from).name.clone();
    let found = if lib {
        resolver
            .resolve(path, false, &from_name)
            .or_else(|| resolver.resolve(path, true, &from_name))
    } else {
        resolver.resolve(path, false, &from_name)
    };
    match found {
        Some((name, text)) => Ok(map.add(name, text)),
        None => {
            let what = if lib { "include lib" } else { "include file" };
            Err(Diagnostic::error(
                at.1,
                format!("can't find {what} \"{path}\""),
            ))
        }
    }
}
