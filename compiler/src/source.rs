//! Source files and positions: every token and AST node carries a [`Span`]
//! into a file held by the [`SourceMap`], which turns byte offsets into the
//! `LINE:COL` pairs that diagnostics and stacktraces print.

/// Index of a file inside a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range inside one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span covering `start..end` of `file`.
    pub fn new(file: FileId, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }

    /// The smallest span covering both `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// One loaded source file: its display name, its text, and where lines start.
#[derive(Debug)]
pub struct SourceFile {
    /// Name as printed in diagnostics and stacktraces (`prog.erl`, `lists.erl`).
    pub name: String,
    /// The full text.
    pub text: String,
    /// The text stops where the file's bytes stopped being valid UTF-8
    /// (see [`decode_source_checked`]).
    pub undecodable: bool,
    line_starts: Vec<u32>,
}

impl SourceFile {
    fn new(name: String, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name,
            text,
            undecodable: false,
            line_starts,
        }
    }

    /// The 1-based line and column of a byte offset (column counts characters).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line as u32 + 1, col as u32 + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }
}

/// All files read while compiling one module (the module and its includes).
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.files.push(SourceFile::new(name.into(), text.into()));
        FileId(self.files.len() as u32 - 1)
    }

    /// Adds a file whose text is the valid prefix of undecodable bytes
    /// ([`decode_source_checked`]): compiling it reports the encoding error
    /// where the prefix ends, as epp does.
    pub fn add_undecodable(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = self.add(name, text);
        self.files[id.0 as usize].undecodable = true;
        id
    }

    /// The file behind an id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The 1-based line of the start of a span.
    pub fn line(&self, span: Span) -> u32 {
        self.file(span.file).line_col(span.start).0
    }

    /// The 1-based line and column of the start of a span.
    pub fn line_col(&self, span: Span) -> (u32, u32) {
        self.file(span.file).line_col(span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_of_offsets() {
        let mut map = SourceMap::new();
        let f = map.add("a.erl", "ab\ncd\n\nxyz");
        assert_eq!(map.line_col(Span::new(f, 0, 1)), (1, 1));
        assert_eq!(map.line_col(Span::new(f, 4, 5)), (2, 2));
        assert_eq!(map.line_col(Span::new(f, 7, 8)), (4, 1));
        assert_eq!(map.file(f).line_text(2), "cd");
        assert_eq!(map.file(f).line_text(3), "");
    }
}

/// The text of an Erlang source file from its bytes, decoded as `epp`
/// decodes it: a `coding: latin-1` (or `latin1`) comment on the first or
/// second line makes every byte one character; otherwise the file is
/// UTF-8. A file that is not valid UTF-8 and says nothing is read as
/// latin-1 too, so that it is still read rather than refused.
pub fn decode_source(bytes: &[u8]) -> String {
    if declares_latin1(bytes) {
        return bytes.iter().map(|&b| b as char).collect();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// [`decode_source`], telling whether the bytes stop being valid UTF-8 in
/// a file that does not declare latin-1: then only the valid prefix is
/// returned (epp gives up there) and the flag is true.
pub fn decode_source_checked(bytes: &[u8]) -> (String, bool) {
    if declares_latin1(bytes) {
        return (bytes.iter().map(|&b| b as char).collect(), false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(e) => {
            let prefix = &bytes[..e.valid_up_to()];
            (String::from_utf8_lossy(prefix).into_owned(), true)
        }
    }
}

/// Whether a `%` comment in the first two lines says `coding: latin-1`
/// (`coding=`, any case, `latin1` too), as `epp:read_encoding/1` reads it.
fn declares_latin1(bytes: &[u8]) -> bool {
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let Some(pct) = line.iter().position(|&b| b == b'%') else {
            continue;
        };
        let comment = String::from_utf8_lossy(&line[pct..]).to_ascii_lowercase();
        let Some(at) = comment.find("coding") else {
            continue;
        };
        let rest = comment[at + "coding".len()..].trim_start();
        let Some(rest) = rest.strip_prefix([':', '=']) else {
            continue;
        };
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        return name == "latin-1" || name == "latin1";
    }
    false
}

#[cfg(test)]
mod decode_tests {
    use super::decode_source;

    #[test]
    fn latin1_comment_reads_bytes_as_characters() {
        let src = b"%% -*- coding: latin-1 -*-\n\"\xC3\xA9\"";
        assert_eq!(decode_source(src).chars().nth(28), Some('\u{C3}'));
        let src2 = b"-module(m).\n%% coding: latin-1\n\"\xE9\"";
        assert!(decode_source(src2).contains('\u{E9}'));
    }

    #[test]
    fn utf8_by_default_and_only_the_first_two_lines_count() {
        assert!(decode_source("\"é\"".as_bytes()).contains('é'));
        let late = "a.\nb.\n%% coding: latin-1\n\"é\"";
        assert!(decode_source(late.as_bytes()).contains('é'));
    }
}
