//! The types every module has without defining them.

/// Whether `name/arity` is one of OTP 25's built-in types
/// (`erl_internal:is_type/2`).
pub(crate) fn is_builtin_type(name: &str, arity: u32) -> bool {
    const ZERO: &[&str] = &[
        "any",
        "arity",
        "atom",
        "binary",
        "bitstring",
        "bool",
        "boolean",
        "byte",
        "char",
        "float",
        "function",
        "identifier",
        "integer",
        "iodata",
        "iolist",
        "list",
        "map",
        "maybe_improper_list",
        "mfa",
        "module",
        "neg_integer",
        "nil",
        "no_return",
        "node",
        "non_neg_integer",
        "none",
        "nonempty_binary",
        "nonempty_bitstring",
        "nonempty_list",
        "nonempty_maybe_improper_list",
        "nonempty_string",
        "number",
        "pid",
        "port",
        "pos_integer",
        "reference",
        "string",
        "term",
        "timeout",
        "tuple",
    ];
    match arity {
        0 => ZERO.contains(&name),
        1 => matches!(name, "list" | "nonempty_list"),
        2 => matches!(
            name,
            "maybe_improper_list" | "nonempty_improper_list" | "nonempty_maybe_improper_list"
        ),
        _ => false,
    }
}
