//! What the compiler must know of the `erlang` module (OTP `erl_internal.erl`):
//! which functions are auto-imported, which may appear in guards, and which
//! guard tests become type-test instructions.

use crate::bytecode::TypeTest;

/// Auto-imported BIFs: a call `f(...)` with no local `f/N` goes to `erlang:f/N`.
const AUTO_IMPORTED: &[(&str, u32)] = &[
    ("abs", 1), ("apply", 2), ("apply", 3), ("atom_to_binary", 1), ("atom_to_binary", 2),
    ("atom_to_list", 1), ("binary_part", 2), ("binary_part", 3), ("binary_to_atom", 1),
    ("binary_to_atom", 2), ("binary_to_existing_atom", 1), ("binary_to_existing_atom", 2),
    ("binary_to_float", 1), ("binary_to_integer", 1), ("binary_to_integer", 2),
    ("binary_to_list", 1), ("binary_to_list", 3), ("binary_to_term", 1), ("binary_to_term", 2),
    ("bit_size", 1), ("bitstring_to_list", 1), ("byte_size", 1), ("ceil", 1),
    ("check_old_code", 1), ("check_process_code", 2), ("check_process_code", 3),
    ("date", 0), ("delete_module", 1), ("demonitor", 1), ("demonitor", 2), ("disconnect_node", 1),
    ("element", 2), ("erase", 0), ("erase", 1), ("error", 1), ("error", 2), ("error", 3),
    ("exit", 1), ("exit", 2), ("float", 1), ("float_to_binary", 1), ("float_to_binary", 2),
    ("float_to_list", 1), ("float_to_list", 2), ("floor", 1), ("garbage_collect", 0),
    ("garbage_collect", 1), ("garbage_collect", 2), ("get", 0), ("get", 1), ("get_keys", 0),
    ("get_keys", 1), ("group_leader", 0), ("group_leader", 2), ("halt", 0), ("halt", 1),
    ("halt", 2), ("hd", 1), ("integer_to_binary", 1), ("integer_to_binary", 2),
    ("integer_to_list", 1), ("integer_to_list", 2), ("iolist_size", 1), ("iolist_to_binary", 1),
    ("is_alive", 0), ("is_atom", 1), ("is_binary", 1), ("is_bitstring", 1), ("is_boolean", 1),
    ("is_float", 1), ("is_function", 1), ("is_function", 2), ("is_integer", 1), ("is_list", 1),
    ("is_map", 1), ("is_map_key", 2), ("is_number", 1), ("is_pid", 1), ("is_port", 1),
    ("is_process_alive", 1), ("is_record", 2), ("is_record", 3), ("is_reference", 1),
    ("is_tuple", 1), ("length", 1), ("link", 1), ("list_to_atom", 1), ("list_to_binary", 1),
    ("list_to_bitstring", 1), ("list_to_existing_atom", 1), ("list_to_float", 1),
    ("list_to_integer", 1), ("list_to_integer", 2), ("list_to_pid", 1), ("list_to_port", 1),
    ("list_to_ref", 1), ("list_to_tuple", 1), ("load_module", 2), ("make_ref", 0),
    ("map_get", 2), ("map_size", 1), ("max", 2), ("min", 2), ("module_loaded", 1),
    ("monitor", 2), ("monitor", 3), ("monitor_node", 2), ("node", 0), ("node", 1), ("nodes", 0),
    ("nodes", 1), ("now", 0), ("open_port", 2), ("pid_to_list", 1), ("port_close", 1),
    ("port_command", 2), ("port_connect", 2), ("port_control", 3), ("pre_loaded", 0),
    ("process_flag", 2), ("process_flag", 3), ("process_info", 1), ("process_info", 2),
    ("processes", 0), ("purge_module", 1), ("put", 2), ("ref_to_list", 1), ("register", 2),
    ("registered", 0), ("round", 1), ("self", 0), ("setelement", 3), ("size", 1), ("spawn", 1),
    ("spawn", 2), ("spawn", 3), ("spawn", 4), ("spawn_link", 1), ("spawn_link", 2),
    ("spawn_link", 3), ("spawn_link", 4), ("spawn_monitor", 1), ("spawn_monitor", 2),
    ("spawn_monitor", 3), ("spawn_monitor", 4), ("spawn_opt", 2), ("spawn_opt", 3),
    ("spawn_opt", 4), ("spawn_opt", 5), ("split_binary", 2), ("statistics", 1),
    ("term_to_binary", 1), ("term_to_binary", 2), ("term_to_iovec", 1), ("term_to_iovec", 2),
    ("throw", 1), ("time", 0), ("tl", 1), ("trunc", 1), ("tuple_size", 1), ("tuple_to_list", 1),
    ("unlink", 1), ("unregister", 1), ("whereis", 1),
];

/// BIFs allowed in guards besides the type tests.
const GUARD_BIFS: &[(&str, u32)] = &[
    ("abs", 1), ("binary_part", 2), ("binary_part", 3), ("bit_size", 1), ("byte_size", 1),
    ("ceil", 1), ("element", 2), ("float", 1), ("floor", 1), ("hd", 1), ("is_map_key", 2),
    ("length", 1), ("map_get", 2), ("map_size", 1), ("max", 2), ("min", 2), ("node", 0),
    ("node", 1), ("round", 1), ("self", 0), ("size", 1), ("tl", 1), ("trunc", 1),
    ("tuple_size", 1), ("is_atom", 1), ("is_binary", 1), ("is_bitstring", 1),
    ("is_boolean", 1), ("is_float", 1), ("is_function", 1), ("is_function", 2),
    ("is_integer", 1), ("is_list", 1), ("is_map", 1), ("is_number", 1), ("is_pid", 1),
    ("is_port", 1), ("is_record", 2), ("is_record", 3), ("is_reference", 1), ("is_tuple", 1),
    ("not", 1), ("and", 2), ("or", 2), ("xor", 2),
];

/// True if `name/arity` is auto-imported from `erlang`.
pub(crate) fn is_auto_imported(name: &str, arity: u32) -> bool {
    AUTO_IMPORTED.iter().any(|&(n, a)| n == name && a == arity)
}

/// True if `erlang:name/arity` may be called in a guard.
pub(crate) fn is_guard_bif(name: &str, arity: u32) -> bool {
    GUARD_BIFS.iter().any(|&(n, a)| n == name && a == arity)
}

/// The type-test instruction for a one-argument guard test.
pub(crate) fn type_test(name: &str) -> Option<TypeTest> {
    Some(match name {
        "is_integer" => TypeTest::Integer,
        "is_float" => TypeTest::Float,
        "is_number" => TypeTest::Number,
        "is_atom" => TypeTest::Atom,
        "is_boolean" => TypeTest::Boolean,
        "is_pid" => TypeTest::Pid,
        "is_reference" => TypeTest::Reference,
        "is_port" => TypeTest::Port,
        "is_tuple" => TypeTest::Tuple,
        "is_list" => TypeTest::List,
        "is_map" => TypeTest::Map,
        "is_binary" => TypeTest::Binary,
        "is_bitstring" => TypeTest::Bitstring,
        "is_function" => TypeTest::Function,
        _ => return None,
    })
}
