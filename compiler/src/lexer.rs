//! Placeholder: the lexer is being written (issue 3).
