-module(control_sequences_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: io_lib:format/2 control sequences of OTP 25 (everything but
%% the line breaking of ~p, which is in pretty_print_tests).
%% Results are compared after lists:flatten/1.

f(Fmt, Args) -> lists:flatten(io_lib:format(Fmt, Args)).

id(X) -> X.

%% ---- plain text, ~~, ~n, ~i ---------------------------------------------

plain_text_test() ->
    ?assertEqual("abc", f("abc", [])),
    ?assertEqual("", f("", [])).

tilde_test() ->
    ?assertEqual("~", f("~~", [])),
    ?assertEqual("~~~~~", f("~5~", [])).

newline_test() ->
    ?assertEqual("a\nb", f("a~nb", [])),
    ?assertEqual("a\n", f("~p~n", [a])).

ignore_test() ->
    ?assertEqual("|", f("~i|", [ignored])),
    ?assertEqual("kept", f("~i~w", [skip, kept])).

io_lib_format_returns_chars_test() ->
    R = io_lib:format("~w-~w", [1, 2]),
    ?assert(is_list(R)),
    ?assertEqual("1-2", lists:flatten(R)).

argument_count_mismatch_badarg_test() ->
    ?assertError(badarg, io_lib:format("~w ~w", [id(1)])),
    ?assertError(badarg, io_lib:format("~w", [id(1), 2])).

unknown_control_badarg_test() ->
    ?assertError(badarg, io_lib:format("~z", [id(1)])).

%% ---- ~w -----------------------------------------------------------------

w_basic_terms_test() ->
    ?assertEqual("1 2", f("~w ~w", [1, 2])),
    ?assertEqual("[97,98,99]", f("~w", ["abc"])),
    ?assertEqual("<<97,98,99>>", f("~w", [<<"abc">>])),
    ?assertEqual("<<1:3>>", f("~w", [<<1:3>>])).

w_atoms_quoting_test() ->
    ?assertEqual("'A'", f("~w", ['A'])),
    ?assertEqual("[]", f("~w", [[]])),
    ?assertEqual("'hello world'", f("~w", ['hello world'])),
    ?assertEqual("abc", f("~w", [abc])).

w_compound_test() ->
    ?assertEqual("{1,[97],<<98>>,'C',[d]}", f("~w", [{1, "a", <<"b">>, 'C', [d]}])),
    ?assertEqual("[a|b]", f("~w", [[a | b]])),
    ?assertEqual("#{}", f("~w", [#{}])).

w_map_key_order_test() ->
    ?assertEqual("#{1 => a,1.0 => f,a => 1,{t} => t,[115] => s}",
                 f("~w", [#{1 => a, a => 1, "s" => s, {t} => t, 1.0 => f}])).

w_bignum_test() ->
    ?assertEqual("-1267650600228229401496703205376", f("~w", [-(1 bsl 100)])).

w_unicode_atom_test() ->
    ?assertEqual("'\\x{400}'", f("~w", ['\x{400}'])).

w_field_width_test() ->
    ?assertEqual("     abc|", f("~8w|", [abc])),
    ?assertEqual("abc     |", f("~-8w|", [abc])),
    ?assertEqual("***|", f("~3w|", [abcdef])).

w_pad_char_test() ->
    ?assertEqual("_____abc|", f("~8.._w|", [abc])),
    ?assertEqual("abc_____|", f("~-8.._w|", [abc])),
    ?assertEqual("    x|", f("~5.2w|", [x])).

w_empty_pad_spec_badarg_test() ->
    ?assertError(badarg, io_lib:format("~8..w|", [abc])).

%% ---- ~W / ~P -----------------------------------------------------------

cap_w_depth_list_test() ->
    ?assertEqual("[1,2,3,4|...]", f("~W", [lists:seq(1, 20), 5])),
    ?assertEqual("[...]", f("~W", [[1, 2, 3], 1])).

cap_w_depth_tuple_test() ->
    ?assertEqual("{a,{...}}", f("~W", [{a, {b, {c, {d, {e}}}}}, 3])).

cap_w_depth_string_is_list_test() ->
    ?assertEqual("[97,98,99,100|...]", f("~W", ["abcdefghij", 5])).

cap_w_depth_map_and_binary_test() ->
    ?assertEqual("#{a => {...},...}", f("~W", [#{a => {1, 2, 3}}, 2])),
    ?assertEqual("<<97,98,...>>", f("~W", [<<"abcdefghijkl">>, 3])).

cap_p_depth_list_test() ->
    ?assertEqual("[1,2,3,4|...]", f("~P", [lists:seq(1, 20), 5])),
    ?assertEqual("[a,b|...]", f("~P", [[a, b, c, d], 3])),
    ?assertEqual("[...]", f("~P", [[1, 2, 3], 1])),
    ?assertEqual("...", f("~P", [[1, 2, 3], 0])).

cap_p_depth_tuple_test() ->
    ?assertEqual("{a,{...}}", f("~P", [{a, {b, {c, {d, {e}}}}}, 3])),
    ?assertEqual("{a,...}", f("~P", [{a, b, c}, 2])),
    ?assertEqual("{...}", f("~P", [{a, b, c}, 1])).

cap_p_depth_nested_lists_test() ->
    ?assertEqual("[[1|...],[...]]", f("~P", [[[1, 2], [3, 4]], 3])).

cap_p_depth_improper_test() ->
    ?assertEqual("[a|...]", f("~P", [[a | b], 2])),
    ?assertEqual("[a|...]", f("~P", [[a, b | c], 2])).

cap_p_depth_map_test() ->
    ?assertEqual("#{a => #{b => #{...}}}", f("~P", [#{a => #{b => #{c => 1}}}, 3])),
    ?assertEqual("#{a => 1,...}", f("~P", [#{a => 1, b => 2, c => 3}, 2])).

cap_p_depth_string_test() ->
    %% strings are printed whole when they fit the depth check
    ?assertEqual("\"abcdefghijklmnop\"", f("~P", ["abcdefghijklmnop", 4])),
    ?assertEqual("[...]", f("~P", ["abc", 1])).

cap_p_depth_binary_test() ->
    ?assertEqual("<<\"abcdefghijkl\"...>>", f("~P", [<<"abcdefghijklmnop">>, 4])),
    ?assertEqual("<<1,2,...>>", f("~P", [<<1, 2, 3, 4, 5, 6, 7>>, 3])).

%% ---- ~s / ~ts -----------------------------------------------------------

s_basic_test() ->
    ?assertEqual("abc", f("~s", ["abc"])),
    ?assertEqual("abc", f("~s", [<<"abc">>])),
    ?assertEqual("abc", f("~s", [abc])).

s_iolist_test() ->
    ?assertEqual("abcd", f("~s", [[$a, <<"bc">>, [$d]]])),
    ?assertEqual("a", f("~s", [[[[$a]]]])),
    ?assertEqual("", f("~s", [[]])),
    ?assertEqual("", f("~s", [<<>>])).

s_width_test() ->
    ?assertEqual("       abc|", f("~10s|", ["abc"])),
    ?assertEqual("abc       |", f("~-10s|", ["abc"])),
    ?assertEqual("ab|", f("~2s|", ["abcdef"])).

s_precision_test() ->
    ?assertEqual("ab|", f("~.2s|", ["abcdef"])),
    ?assertEqual("        ab|", f("~10.2s|", ["abcdef"])),
    ?assertEqual("     abcde|", f("~10.5s|", ["abcdefghij"])),
    ?assertEqual("abcde     |", f("~-10.5s|", ["abcdefghij"])).

s_badarg_test() ->
    ?assertError(badarg, io_lib:format("~s", [id(1)])),
    ?assertError(badarg, io_lib:format("~s", [id({a})])),
    ?assertError(badarg, io_lib:format("~s", [id([a, "b"])])).

s_non_latin1_badarg_test() ->
    ?assertError(badarg, io_lib:format("~s", [id([256])])).

ts_unicode_test() ->
    ?assertEqual([1024, 1025], f("~ts", [[1024, 1025]])),
    ?assertEqual([256], f("~ts", [[256]])),
    ?assertEqual("abc", f("~ts", [<<"abc">>])).

ts_utf8_binary_test() ->
    ?assertEqual([229, 228, 246], f("~ts", [<<"\x{e5}\x{e4}\x{f6}"/utf8>>])).

%% ---- ~c ---------------------------------------------------------------

c_basic_test() ->
    ?assertEqual("a", f("~c", [$a])),
    ?assertEqual("aaa", f("~3c", [$a])),
    ?assertEqual("aaa", f("~.3c", [$a])).

c_width_precision_test() ->
    ?assertEqual("  aaa|", f("~5.3c|", [$a])),
    ?assertEqual("aaa  |", f("~-5.3c|", [$a])).

c_unicode_test() ->
    ?assertEqual([1024], f("~tc", [1024])),
    %% without t, the character is truncated to 8 bits
    ?assertEqual([0], f("~c", [1024])),
    ?assertEqual([255], f("~c", [-1])).

%% ---- ~b ~B ~x ~X ~# ~+ ----------------------------------------------------

b_decimal_test() ->
    ?assertEqual("255", f("~b", [255])),
    ?assertEqual("-255", f("~B", [-255])),
    ?assertEqual("1180591620717411303424", f("~b", [1 bsl 70])).

b_bases_test() ->
    ?assertEqual("11111111", f("~.2b", [255])),
    ?assertEqual("ff", f("~.16b", [255])),
    ?assertEqual("FF", f("~.16B", [255])),
    ?assertEqual("9ix", f("~.36b", [12345])).

b_negative_bases_test() ->
    ?assertEqual("-FF", f("~.16B", [-255])),
    ?assertEqual("-10", f("~.8b", [-8])),
    ?assertEqual("400000000000000000", f("~.16B", [1 bsl 70])).

b_width_pad_test() ->
    ?assertEqual("00000101", f("~8.2.0B", [5])),
    ?assertEqual("   42|", f("~5b|", [42])),
    ?assertEqual("42   |", f("~-5b|", [42])),
    ?assertEqual("000ff|", f("~5.16.0b|", [255])).

b_badarg_test() ->
    ?assertError(badarg, io_lib:format("~b", [id(1.0)])),
    ?assertError(badarg, io_lib:format("~.1b", [id(1)])),
    ?assertError(badarg, io_lib:format("~.37b", [id(1)])).

x_prefix_test() ->
    ?assertEqual("0xff", f("~.16x", [255, "0x"])),
    ?assertEqual("0xFF", f("~.16X", [255, "0x"])),
    ?assertEqual("-0xFF", f("~.16X", [-255, "0x"])).

x_prefix_more_test() ->
    ?assertEqual("#10", f("~x", [10, "#"])),
    ?assertEqual("0o10", f("~.8x", [8, "0o"])),
    ?assertEqual("0xff", f("~.16x", [255, '0x'])),
    ?assertEqual("      0xFF|", f("~10.16X|", [255, "0x"])).

x_binary_prefix_badarg_test() ->
    ?assertError(badarg, io_lib:format("~.16X", [255, id(<<"0x">>)])).

hash_test() ->
    ?assertEqual("16#FF", f("~.16#", [255])),
    ?assertEqual("2#101", f("~.2#", [5])),
    ?assertEqual("10#10", f("~#", [10])),
    ?assertEqual("-16#FF", f("~.16#", [-255])).

plus_test() ->
    ?assertEqual("16#ff", f("~.16+", [255])),
    ?assertEqual("10#10", f("~+", [10])),
    ?assertEqual("-8#10", f("~.8+", [-8])).

hash_width_test() ->
    ?assertEqual("     16#FF|", f("~10.16#|", [255])).

%% ---- ~f ~e ~g -------------------------------------------------------------

f_precision_and_pad_test() ->
    ?assertEqual("0003.142", f("~8.3.0f", [3.14159])),
    ?assertEqual("3.14", f("~.2f", [3.14159])).

f_rounding_test() ->
    ?assertEqual("0.01", f("~.2f", [0.005])),
    ?assertEqual("0.01", f("~.2f", [0.015])),
    ?assertEqual("0.03", f("~.2f", [0.025])),
    ?assertEqual("0.1", f("~.1f", [0.05])),
    ?assertEqual("0.3", f("~.1f", [0.25])).

f_small_values_test() ->
    ?assertEqual("-0.001", f("~.3f", [-0.0005])),
    ?assertEqual("0.000000", f("~f", [1.0e-7])).

f_integer_badarg_test() ->
    ?assertError(badarg, io_lib:format("~f", [id(123)])).

e_test() ->
    ?assertEqual("1.50000e+0", f("~e", [1.5])),
    ?assertEqual("1.5e+0", f("~.2e", [1.5])),
    ?assertEqual("1.23456e+2", f("~e", [123.456])),
    ?assertEqual("     1.23e+2|", f("~12.3e|", [123.456])).

e_precision_one_badarg_test() ->
    ?assertError(badarg, io_lib:format("~.1e", [id(123.456)])).

g_test() ->
    ?assertEqual("0.100000", f("~g", [0.1])),
    ?assertEqual("1.23e+3", f("~.3g", [1234.5])),
    ?assertEqual("0.500", f("~.3g", [0.5])),
    ?assertEqual("0.3333333333", f("~.10g", [1 / 3])).

g_boundary_test() ->
    ?assertEqual("9999.90", f("~g", [9999.9])),
    ?assertEqual("10000.00", f("~g", [9999.99999])).

%% ---- ~p basics (no line breaking) ------------------------------------

p_string_detection_test() ->
    ?assertEqual("\"abc\"", f("~p", ["abc"])),
    ?assertEqual("[1,2,3]", f("~p", [[1, 2, 3]])),
    ?assertEqual("[97,98,0]", f("~p", [[97, 98, 0]])),
    ?assertEqual("\"ab\\n\"", f("~p", [[$a, $b, $\n]])).

p_string_escapes_test() ->
    ?assertEqual("\"tab\\there\"", f("~p", ["tab\there"])),
    ?assertEqual("\"quote\\\"here\"", f("~p", ["quote\"here"])),
    ?assertEqual("\"back\\\\slash\"", f("~p", ["back\\slash"])).

p_control_char_escapes_test() ->
    ?assertEqual("\"a\\b\"", f("~p", [[$a, 8]])),
    ?assertEqual("\"a\\e\"", f("~p", [[$a, 27]])),
    ?assertEqual("\"a\\v\\f\"", f("~p", [[$a, 11, 12]])),
    ?assertEqual("\"\\n\"", f("~p", [[10]])).

p_non_printable_lists_test() ->
    ?assertEqual("[97,127]", f("~p", [[$a, 127]])),
    ?assertEqual("[97,7]", f("~p", [[$a, 7]])),
    ?assertEqual("[97,6]", f("~p", [[$a, 6]])),
    ?assertEqual("[7,8,9,10,11,12,13,27]", f("~p", [[7, 8, 9, 10, 11, 12, 13, 27]])).

p_latin1_range_test() ->
    ?assertEqual([$", 255, $"], f("~p", [[255]])),
    ?assertEqual("[256]", f("~p", [[256]])),
    ?assertEqual("[-1]", f("~p", [[-1]])).

p_binaries_test() ->
    ?assertEqual("<<\"abc\">>", f("~p", [<<"abc">>])),
    ?assertEqual("<<1,2,3>>", f("~p", [<<1, 2, 3>>])),
    ?assertEqual("<<1:3>>", f("~p", [<<1:3>>])),
    ?assertEqual("<<97,98,1:4>>", f("~p", [<<"ab", 1:4>>])).

p_utf8_binary_test() ->
    %% ~p shows the bytes as latin1 characters; ~tp recognizes UTF-8
    B = <<"\x{e5}"/utf8>>,
    ?assertEqual([$<, $<, $", 195, 165, $", $>, $>], f("~p", [B])),
    ?assertEqual([$<, $<, $", 229, $", $/, $u, $t, $f, $8, $>, $>], f("~tp", [B])).

p_atoms_test() ->
    ?assertEqual("'hello world'", f("~p", ['hello world'])),
    ?assertEqual("''", f("~p", [''])),
    ?assertEqual("'Abc'", f("~p", ['Abc'])),
    ?assertEqual("aB_1@x", f("~p", [aB_1@x])).

p_atoms_quoting_more_test() ->
    ?assertEqual("'[]'", f("~p", ['[]'])),
    ?assertEqual("'a-b'", f("~p", ['a-b'])),
    ?assertEqual("'case'", f("~p", ['case'])),
    ?assertEqual("'_x'", f("~p", ['_x'])).

p_atoms_escape_test() ->
    ?assertEqual("'it\\'s'", f("~p", ['it\'s'])),
    ?assertEqual("'\\n'", f("~p", ['\n'])).

p_unicode_atom_test() ->
    ?assertEqual("'\\x{400}'", f("~p", ['\x{400}'])),
    ?assertEqual([$', 1024, $'], f("~tp", ['\x{400}'])).

p_tuple_mixed_test() ->
    ?assertEqual("{a,'B',\"c\",<<\"d\">>,1.0,-3}", f("~p", [{a, 'B', "c", <<"d">>, 1.0, -3}])),
    ?assertEqual("{\"a\",b,99}", f("~p", [{"a", 'b', $c}])).

p_improper_lists_test() ->
    ?assertEqual("[a|b]", f("~p", [[a | b]])),
    ?assertEqual("[1,2|3]", f("~p", [[1, 2 | 3]])).

p_empty_containers_test() ->
    ?assertEqual("{}", f("~p", [{}])),
    ?assertEqual("#{}", f("~p", [#{}])),
    ?assertEqual("[[]]", f("~p", [[[]]])),
    ?assertEqual("[<<\"a\">>,<<\"b\">>]", f("~p", [[<<"a">>, <<"b">>]])).

p_map_test() ->
    ?assertEqual("#{a => 1,b => \"str\",c => [1,2,3]}", f("~p", [#{a => 1, b => "str", c => [1, 2, 3]}])),
    ?assertEqual("#{a => [1],\"k\" => <<>>}", f("~p", [#{a => [1], "k" => <<>>}])).

p_map_key_order_test() ->
    ?assertEqual("#{1 => a,1.0 => f,a => 1,{t} => t,\"s\" => s}",
                 f("~p", [#{1 => a, a => 1, "s" => s, {t} => t, 1.0 => f}])),
    ?assertEqual("#{1 => b,1.0 => a}", f("~p", [#{1.0 => a, 1 => b}])).

p_bignum_test() ->
    ?assertEqual("1267650600228229401496703205376", f("~p", [1 bsl 100])).

p_unicode_list_default_range_test() ->
    %% With the default printable range (latin1), ~tp prints code points
    %% above 255 as integers.
    ?assertEqual("[1024]", f("~p", [[1024]])),
    ?assertEqual("[1024,1025]", f("~tp", [[1024, 1025]])),
    ?assertEqual("<<208,128>>", f("~tp", [<<1024/utf8>>])).

p_width_is_line_length_test() ->
    ?assertEqual("ab|", f("~6p|", [ab])),
    ?assertEqual("abc|", f("~10p|", [abc])),
    ?assertEqual("ab|", f("~6.._p|", [ab])).

p_negative_width_badarg_test() ->
    ?assertError(badarg, io_lib:format("~-6p|", [id(ab)])).
