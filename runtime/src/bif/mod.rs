//! Native functions (OTP `bif.tab`): one declarative table, a line per BIF,
//! sorted by module and name. Each has the same signature; the table fixes
//! the arity, so a BIF may index its arguments directly. Code is grouped by
//! Erlang module in sibling files.

pub(crate) mod args;
pub(crate) mod erlang;
pub mod io;
pub(crate) mod lists;
pub(crate) mod maps;
pub(crate) mod math;
pub mod os;
pub(crate) mod process;

use crate::interp::BifResult;
use crate::process::Process;
use crate::term::Atom;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The signature of every native function.
pub type BifFn = fn(&mut Process, &[crate::term::Term]) -> BifResult;

macro_rules! bif_table {
    ($($m:literal $f:literal $a:literal => $fun:path,)*) => {
        fn build_table() -> HashMap<(Atom, Atom, u32), BifFn> {
            let mut t: HashMap<(Atom, Atom, u32), BifFn> = HashMap::new();
            $( t.insert((Atom::from_static($m), Atom::from_static($f), $a), $fun as BifFn); )*
            t
        }
        /// Every BIF as `(module, name, arity)`, for tests and `module_info`.
        pub fn all() -> &'static [(&'static str, &'static str, u32)] {
            &[$(($m, $f, $a),)*]
        }
    };
}

bif_table! {
    "code" "ensure_loaded" 1 => erlang::code_ensure_loaded_1,
    "code" "is_loaded" 1 => erlang::code_is_loaded_1,
    "erlang" "!" 2 => process::send_2,
    "erlang" "*" 2 => erlang::times_2,
    "erlang" "+" 1 => erlang::plus_1,
    "erlang" "+" 2 => erlang::plus_2,
    "erlang" "++" 2 => erlang::append_2,
    "erlang" "-" 1 => erlang::minus_1,
    "erlang" "-" 2 => erlang::minus_2,
    "erlang" "--" 2 => erlang::subtract_2,
    "erlang" "/" 2 => erlang::div_2,
    "erlang" "/=" 2 => erlang::ne_2,
    "erlang" "<" 2 => erlang::lt_2,
    "erlang" "=/=" 2 => erlang::exact_ne_2,
    "erlang" "=:=" 2 => erlang::exact_eq_2,
    "erlang" "=<" 2 => erlang::le_2,
    "erlang" "==" 2 => erlang::eq_2,
    "erlang" ">" 2 => erlang::gt_2,
    "erlang" ">=" 2 => erlang::ge_2,
    "erlang" "abs" 1 => erlang::abs_1,
    "erlang" "and" 2 => erlang::and_2,
    "erlang" "append_element" 2 => erlang::append_element_2,
    "erlang" "apply" 2 => erlang::apply_2,
    "erlang" "apply" 3 => erlang::apply_3,
    "erlang" "atom_to_binary" 1 => erlang::atom_to_binary_1,
    "erlang" "atom_to_binary" 2 => erlang::atom_to_binary_2,
    "erlang" "atom_to_list" 1 => erlang::atom_to_list_1,
    "erlang" "band" 2 => erlang::band_2,
    "erlang" "binary_part" 2 => erlang::binary_part_2,
    "erlang" "binary_part" 3 => erlang::binary_part_3,
    "erlang" "binary_to_atom" 1 => erlang::binary_to_atom_1,
    "erlang" "binary_to_atom" 2 => erlang::binary_to_atom_2,
    "erlang" "binary_to_existing_atom" 1 => erlang::binary_to_existing_atom_1,
    "erlang" "binary_to_existing_atom" 2 => erlang::binary_to_existing_atom_2,
    "erlang" "binary_to_float" 1 => erlang::binary_to_float_1,
    "erlang" "binary_to_integer" 1 => erlang::binary_to_integer_1,
    "erlang" "binary_to_integer" 2 => erlang::binary_to_integer_2,
    "erlang" "binary_to_list" 1 => erlang::binary_to_list_1,
    "erlang" "binary_to_list" 3 => erlang::binary_to_list_3,
    "erlang" "binary_to_term" 1 => erlang::binary_to_term_1,
    "erlang" "binary_to_term" 2 => erlang::binary_to_term_2,
    "erlang" "bit_size" 1 => erlang::bit_size_1,
    "erlang" "bitstring_to_list" 1 => erlang::bitstring_to_list_1,
    "erlang" "bnot" 1 => erlang::bnot_1,
    "erlang" "bor" 2 => erlang::bor_2,
    "erlang" "bsl" 2 => erlang::bsl_2,
    "erlang" "bsr" 2 => erlang::bsr_2,
    "erlang" "bxor" 2 => erlang::bxor_2,
    "erlang" "byte_size" 1 => erlang::byte_size_1,
    "erlang" "ceil" 1 => erlang::ceil_1,
    "erlang" "display" 1 => erlang::display_1,
    "erlang" "div" 2 => erlang::intdiv_2,
    "erlang" "element" 2 => erlang::element_2,
    "erlang" "erase" 0 => process::erase_0,
    "erlang" "erase" 1 => process::erase_1,
    "erlang" "error" 1 => erlang::error_1,
    "erlang" "error" 2 => erlang::error_2,
    "erlang" "error" 3 => erlang::error_3,
    "erlang" "exit" 1 => erlang::exit_1,
    "erlang" "float" 1 => erlang::float_1,
    "erlang" "float_to_binary" 1 => erlang::float_to_binary_1,
    "erlang" "float_to_binary" 2 => erlang::float_to_binary_2,
    "erlang" "float_to_list" 1 => erlang::float_to_list_1,
    "erlang" "float_to_list" 2 => erlang::float_to_list_2,
    "erlang" "floor" 1 => erlang::floor_1,
    "erlang" "fun_info" 2 => erlang::fun_info_2,
    "erlang" "function_exported" 3 => erlang::function_exported_3,
    "erlang" "get" 0 => process::get_0,
    "erlang" "get" 1 => process::get_1,
    "erlang" "get_keys" 0 => process::get_keys_0,
    "erlang" "get_keys" 1 => process::get_keys_1,
    "erlang" "get_module_info" 1 => erlang::get_module_info_1,
    "erlang" "get_module_info" 2 => erlang::get_module_info_2,
    "erlang" "halt" 0 => erlang::halt_0,
    "erlang" "halt" 1 => erlang::halt_1,
    "erlang" "halt" 2 => erlang::halt_2,
    "erlang" "hd" 1 => erlang::hd_1,
    "erlang" "insert_element" 3 => erlang::insert_element_3,
    "erlang" "integer_to_binary" 1 => erlang::integer_to_binary_1,
    "erlang" "integer_to_binary" 2 => erlang::integer_to_binary_2,
    "erlang" "integer_to_list" 1 => erlang::integer_to_list_1,
    "erlang" "integer_to_list" 2 => erlang::integer_to_list_2,
    "erlang" "iolist_size" 1 => erlang::iolist_size_1,
    "erlang" "iolist_to_binary" 1 => erlang::iolist_to_binary_1,
    "erlang" "is_atom" 1 => erlang::is_atom_1,
    "erlang" "is_binary" 1 => erlang::is_binary_1,
    "erlang" "is_bitstring" 1 => erlang::is_bitstring_1,
    "erlang" "is_boolean" 1 => erlang::is_boolean_1,
    "erlang" "is_float" 1 => erlang::is_float_1,
    "erlang" "is_function" 1 => erlang::is_function_1,
    "erlang" "is_function" 2 => erlang::is_function_2,
    "erlang" "is_integer" 1 => erlang::is_integer_1,
    "erlang" "is_list" 1 => erlang::is_list_1,
    "erlang" "is_map" 1 => erlang::is_map_1,
    "erlang" "is_map_key" 2 => maps::is_key_2_erlang,
    "erlang" "is_number" 1 => erlang::is_number_1,
    "erlang" "is_pid" 1 => erlang::is_pid_1,
    "erlang" "is_port" 1 => erlang::is_port_1,
    "erlang" "is_process_alive" 1 => process::is_process_alive_1,
    "erlang" "is_record" 2 => erlang::is_record_2,
    "erlang" "is_record" 3 => erlang::is_record_3,
    "erlang" "is_reference" 1 => erlang::is_reference_1,
    "erlang" "is_tuple" 1 => erlang::is_tuple_1,
    "erlang" "length" 1 => erlang::length_1,
    "erlang" "list_to_atom" 1 => erlang::list_to_atom_1,
    "erlang" "list_to_binary" 1 => erlang::list_to_binary_1,
    "erlang" "list_to_bitstring" 1 => erlang::list_to_bitstring_1,
    "erlang" "list_to_existing_atom" 1 => erlang::list_to_existing_atom_1,
    "erlang" "list_to_float" 1 => erlang::list_to_float_1,
    "erlang" "list_to_integer" 1 => erlang::list_to_integer_1,
    "erlang" "list_to_integer" 2 => erlang::list_to_integer_2,
    "erlang" "list_to_tuple" 1 => erlang::list_to_tuple_1,
    "erlang" "make_fun" 3 => erlang::make_fun_3,
    "erlang" "make_ref" 0 => process::make_ref_0,
    "erlang" "make_tuple" 2 => erlang::make_tuple_2,
    "erlang" "make_tuple" 3 => erlang::make_tuple_3,
    "erlang" "map_get" 2 => maps::map_get_2,
    "erlang" "map_size" 1 => maps::map_size_1,
    "erlang" "max" 2 => erlang::max_2,
    "erlang" "min" 2 => erlang::min_2,
    "erlang" "monotonic_time" 0 => os::monotonic_time_0,
    "erlang" "monotonic_time" 1 => os::monotonic_time_1,
    "erlang" "nif_error" 1 => erlang::nif_error_1,
    "erlang" "nif_error" 2 => erlang::nif_error_2,
    "erlang" "node" 0 => process::node_0,
    "erlang" "node" 1 => process::node_1,
    "erlang" "not" 1 => erlang::not_1,
    "erlang" "or" 2 => erlang::or_2,
    "erlang" "phash2" 1 => erlang::phash2_1,
    "erlang" "phash2" 2 => erlang::phash2_2,
    "erlang" "process_flag" 2 => process::process_flag_2,
    "erlang" "put" 2 => process::put_2,
    "erlang" "raise" 3 => erlang::raise_3,
    "erlang" "register" 2 => process::register_2,
    "erlang" "registered" 0 => process::registered_0,
    "erlang" "rem" 2 => erlang::rem_2,
    "erlang" "round" 1 => erlang::round_1,
    "erlang" "self" 0 => process::self_0,
    "erlang" "send" 2 => process::send_2,
    "erlang" "setelement" 3 => erlang::setelement_3,
    "erlang" "size" 1 => erlang::size_1,
    "erlang" "spawn" 1 => process::spawn_1,
    "erlang" "spawn" 3 => process::spawn_3,
    "erlang" "split_binary" 2 => erlang::split_binary_2,
    "erlang" "system_time" 0 => os::system_time_0,
    "erlang" "system_time" 1 => os::system_time_1,
    "erlang" "term_to_binary" 1 => erlang::term_to_binary_1,
    "erlang" "term_to_binary" 2 => erlang::term_to_binary_2,
    "erlang" "throw" 1 => erlang::throw_1,
    "erlang" "timestamp" 0 => os::timestamp_0,
    "erlang" "tl" 1 => erlang::tl_1,
    "erlang" "trunc" 1 => erlang::trunc_1,
    "erlang" "tuple_size" 1 => erlang::tuple_size_1,
    "erlang" "tuple_to_list" 1 => erlang::tuple_to_list_1,
    "erlang" "unregister" 1 => process::unregister_1,
    "erlang" "whereis" 1 => process::whereis_1,
    "erlang" "xor" 2 => erlang::xor_2,
    "io" "format" 1 => io::format_1,
    "io" "format" 2 => io::format_2,
    "io" "format" 3 => io::format_3,
    "io" "fwrite" 1 => io::format_1,
    "io" "fwrite" 2 => io::format_2,
    "io" "fwrite" 3 => io::format_3,
    "io" "nl" 0 => io::nl_0,
    "io" "put_chars" 1 => io::put_chars_1,
    "io" "put_chars" 2 => io::put_chars_2,
    "io_lib" "format" 2 => io::lib_format_2,
    "io_lib" "fwrite" 2 => io::lib_format_2,
    "io_lib" "write" 1 => io::lib_write_1,
    "lists" "keyfind" 3 => lists::keyfind_3,
    "lists" "keymember" 3 => lists::keymember_3,
    "lists" "keysearch" 3 => lists::keysearch_3,
    "lists" "member" 2 => lists::member_2,
    "lists" "reverse" 2 => lists::reverse_2,
    "maps" "find" 2 => maps::find_2,
    "maps" "from_keys" 2 => maps::from_keys_2,
    "maps" "from_list" 1 => maps::from_list_1,
    "maps" "get" 2 => maps::get_2,
    "maps" "is_key" 2 => maps::is_key_2,
    "maps" "keys" 1 => maps::keys_1,
    "maps" "merge" 2 => maps::merge_2,
    "maps" "put" 3 => maps::put_3,
    "maps" "remove" 2 => maps::remove_2,
    "maps" "take" 2 => maps::take_2,
    "maps" "to_list" 1 => maps::to_list_1,
    "maps" "update" 3 => maps::update_3,
    "maps" "values" 1 => maps::values_1,
    "math" "acos" 1 => math::acos_1,
    "math" "acosh" 1 => math::acosh_1,
    "math" "asin" 1 => math::asin_1,
    "math" "asinh" 1 => math::asinh_1,
    "math" "atan" 1 => math::atan_1,
    "math" "atan2" 2 => math::atan2_2,
    "math" "atanh" 1 => math::atanh_1,
    "math" "ceil" 1 => math::ceil_1,
    "math" "cos" 1 => math::cos_1,
    "math" "cosh" 1 => math::cosh_1,
    "math" "erf" 1 => math::erf_1,
    "math" "erfc" 1 => math::erfc_1,
    "math" "exp" 1 => math::exp_1,
    "math" "floor" 1 => math::floor_1,
    "math" "fmod" 2 => math::fmod_2,
    "math" "log" 1 => math::log_1,
    "math" "log10" 1 => math::log10_1,
    "math" "log2" 1 => math::log2_1,
    "math" "pi" 0 => math::pi_0,
    "math" "pow" 2 => math::pow_2,
    "math" "sin" 1 => math::sin_1,
    "math" "sinh" 1 => math::sinh_1,
    "math" "sqrt" 1 => math::sqrt_1,
    "math" "tan" 1 => math::tan_1,
    "math" "tanh" 1 => math::tanh_1,
    "os" "getenv" 1 => os::getenv_1,
    "os" "system_time" 0 => os::system_time_0,
    "os" "system_time" 1 => os::system_time_1,
    "os" "timestamp" 0 => os::timestamp_0,
}

fn table() -> &'static HashMap<(Atom, Atom, u32), BifFn> {
    static T: OnceLock<HashMap<(Atom, Atom, u32), BifFn>> = OnceLock::new();
    T.get_or_init(build_table)
}

/// The native implementing `m:f/a`, if any.
pub fn lookup(m: &str, f: &str, a: u32) -> Option<BifFn> {
    let (m, f) = (Atom::existing(m)?, Atom::existing(f)?);
    lookup_atoms(m, f, a)
}

/// The native implementing `m:f/a`, by atoms.
pub fn lookup_atoms(m: Atom, f: Atom, a: u32) -> Option<BifFn> {
    table().get(&(m, f, a)).copied()
}
