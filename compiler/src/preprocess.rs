//! Placeholder: the preprocessor is being written (issue 3).
