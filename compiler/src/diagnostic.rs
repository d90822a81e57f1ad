//! Compile diagnostics, rendered as `erlc` 25 renders them:
//!
//! ```text
//! prog.erl:4:5: variable 'X' is unbound
//! %    4|     X.
//! %     |     ^
//! ```

use crate::source::{SourceMap, Span};
use std::fmt::Write;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The module cannot be compiled.
    Error,
    /// The module compiles; something looks wrong.
    Warning,
}

/// One message about one place in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub span: Span,
    /// Error or warning.
    pub severity: Severity,
    /// The message, worded as `erlc` words it.
    pub message: String,
}

impl Diagnostic {
    /// An error at `span`.
    #[cold]
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning at `span`.
    #[cold]
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    /// Renders the message with its location and a source excerpt.
    pub fn render(&self, map: &SourceMap) -> String {
        let file = map.file(self.span.file);
        let (line, col) = file.line_col(self.span.start);
        let mut out = String::new();
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "Warning: ",
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {}{}",
            file.name, line, col, prefix, self.message
        );
        let text = file.line_text(line);
        if !text.is_empty() {
            // erlc 25 knows only where a problem starts: one caret.
            let _ = writeln!(out, "% {:>4}| {}", line, text);
            let _ = writeln!(out, "%     | {}^", " ".repeat(col as usize - 1));
        }
        out
    }
}

/// Renders a list of diagnostics, each followed by a blank line as `erlc` does.
pub fn render_all(diags: &[Diagnostic], map: &SourceMap) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&d.render(map));
        out.push('\n');
    }
    out
}
