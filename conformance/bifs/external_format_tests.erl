-module(external_format_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: exact bytes of term_to_binary/1,2 (external term format as
%% produced by OTP 25), binary_to_term/1,2 and exact erlang:phash2/1,2 values.
%% All expected values were produced by OTP 25 (erts-13.1).

id(X) -> X.

t2b_small_integers_test() ->
    ?assertEqual(<<131, 97, 0>>, term_to_binary(0)),
    ?assertEqual(<<131, 97, 1>>, term_to_binary(1)),
    ?assertEqual(<<131, 97, 255>>, term_to_binary(255)).

t2b_integer_ext_test() ->
    ?assertEqual(<<131, 98, 0, 0, 1, 0>>, term_to_binary(256)),
    ?assertEqual(<<131, 98, 255, 255, 255, 255>>, term_to_binary(-1)),
    ?assertEqual(<<131, 98, 127, 255, 255, 255>>, term_to_binary(2147483647)),
    ?assertEqual(<<131, 98, 128, 0, 0, 0>>, term_to_binary(-2147483648)).

t2b_small_big_ext_test() ->
    ?assertEqual(<<131, 110, 4, 0, 0, 0, 0, 128>>, term_to_binary(2147483648)),
    ?assertEqual(<<131, 110, 4, 1, 1, 0, 0, 128>>, term_to_binary(-2147483649)),
    ?assertEqual(<<131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>, term_to_binary(1 bsl 64)),
    ?assertEqual(<<131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1>>, term_to_binary(-(1 bsl 64))).

t2b_big_100_test() ->
    ?assertEqual(<<131, 110, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16>>, term_to_binary(1 bsl 100)).

t2b_float_test() ->
    ?assertEqual(<<131, 70, 63, 240, 0, 0, 0, 0, 0, 0>>, term_to_binary(1.0)),
    ?assertEqual(<<131, 70, 63, 224, 0, 0, 0, 0, 0, 0>>, term_to_binary(0.5)),
    ?assertEqual(<<131, 70, 192, 4, 0, 0, 0, 0, 0, 0>>, term_to_binary(-2.5)),
    ?assertEqual(<<131, 70, 63, 185, 153, 153, 153, 153, 153, 154>>, term_to_binary(0.1)).

t2b_float_minor_version_0_test() ->
    ?assertEqual(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>,
                 term_to_binary(1.5, [{minor_version, 0}])).

t2b_atoms_latin1_ext_test() ->
    %% OTP 25 still encodes latin1 atoms as ATOM_EXT (100) by default
    ?assertEqual(<<131, 100, 0, 1, 97>>, term_to_binary(a)),
    ?assertEqual(<<131, 100, 0, 3, 97, 98, 99>>, term_to_binary(abc)),
    ?assertEqual(<<131, 100, 0, 0>>, term_to_binary('')),
    ?assertEqual(<<131, 100, 0, 4, 116, 114, 117, 101>>, term_to_binary(true)).

t2b_atom_with_space_test() ->
    ?assertEqual(<<131, 100, 0, 11, "hello world">>, term_to_binary('hello world')).

t2b_atom_minor_version_2_test() ->
    ?assertEqual(<<131, 119, 3, 97, 98, 99>>, term_to_binary(abc, [{minor_version, 2}])).

t2b_unicode_atom_test() ->
    ?assertEqual(<<131, 119, 2, 208, 128>>, term_to_binary('\x{400}')).

t2b_nil_and_string_ext_test() ->
    ?assertEqual(<<131, 106>>, term_to_binary([])),
    ?assertEqual(<<131, 107, 0, 1, 1>>, term_to_binary([1])),
    ?assertEqual(<<131, 107, 0, 3, 97, 98, 99>>, term_to_binary("abc")),
    ?assertEqual(<<131, 107, 0, 5, 1, 2, 3, 4, 5>>, term_to_binary(lists:seq(1, 5))).

t2b_list_ext_test() ->
    ?assertEqual(<<131, 108, 0, 0, 0, 2, 100, 0, 1, 97, 100, 0, 1, 98, 106>>, term_to_binary([a, b])),
    ?assertEqual(<<131, 108, 0, 0, 0, 2, 98, 0, 0, 1, 0, 97, 1, 106>>, term_to_binary([256, 1])).

t2b_unicode_string_is_list_ext_test() ->
    ?assertEqual(<<131, 108, 0, 0, 0, 1, 98, 0, 0, 4, 0, 106>>, term_to_binary([1024])).

t2b_improper_list_test() ->
    ?assertEqual(<<131, 108, 0, 0, 0, 1, 97, 1, 97, 2>>, term_to_binary([1 | 2])),
    ?assertEqual(<<131, 108, 0, 0, 0, 1, 100, 0, 1, 97, 100, 0, 1, 98>>, term_to_binary([a | b])).

t2b_tuples_test() ->
    ?assertEqual(<<131, 104, 0>>, term_to_binary({})),
    ?assertEqual(<<131, 104, 1, 100, 0, 1, 97>>, term_to_binary({a})),
    ?assertEqual(<<131, 104, 3, 97, 1, 97, 2, 97, 3>>, term_to_binary({1, 2, 3})),
    ?assertEqual(<<131, 104, 2, 100, 0, 2, 111, 107, 107, 0, 1, 120>>, term_to_binary({ok, "x"})).

t2b_large_tuple_test() ->
    T = list_to_tuple(lists:duplicate(256, 0)),
    B = term_to_binary(T),
    ?assertEqual(<<131, 105, 0, 0, 1, 0>>, binary:part(B, 0, 6)),
    ?assertEqual(6 + 256 * 2, byte_size(B)).

t2b_binaries_test() ->
    ?assertEqual(<<131, 109, 0, 0, 0, 0>>, term_to_binary(<<>>)),
    ?assertEqual(<<131, 109, 0, 0, 0, 3, 1, 2, 3>>, term_to_binary(<<1, 2, 3>>)),
    ?assertEqual(<<131, 109, 0, 0, 0, 5, "hello">>, term_to_binary(<<"hello">>)).

t2b_bitstrings_test() ->
    ?assertEqual(<<131, 77, 0, 0, 0, 1, 3, 32>>, term_to_binary(<<1:3>>)),
    ?assertEqual(<<131, 77, 0, 0, 0, 2, 4, 1, 32>>, term_to_binary(<<1, 2:4>>)).

t2b_maps_test() ->
    ?assertEqual(<<131, 116, 0, 0, 0, 0>>, term_to_binary(#{})),
    ?assertEqual(<<131, 116, 0, 0, 0, 1, 100, 0, 1, 97, 97, 1>>, term_to_binary(#{a => 1})),
    ?assertEqual(<<131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 1, 100, 0, 1, 98, 97, 2>>,
                 term_to_binary(#{a => 1, b => 2})).

t2b_map_int_key_test() ->
    ?assertEqual(<<131, 116, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 100, 0, 1, 120, 106>>,
                 term_to_binary(#{1 => [x]})).

t2b_nested_test() ->
    ?assertEqual(<<131, 104, 3, 100, 0, 1, 97, 108, 0, 0, 0, 2, 100, 0, 1, 98, 104, 2, 100, 0, 1, 99,
                   109, 0, 0, 0, 1, 100, 106, 116, 0, 0, 0, 1, 100, 0, 1, 101, 70, 63, 248, 0, 0, 0,
                   0, 0, 0>>,
                 term_to_binary({a, [b, {c, <<"d">>}], #{e => 1.5}})).

t2b_export_fun_test() ->
    ?assertEqual(<<131, 113, 100, 0, 5, "lists", 100, 0, 7, "reverse", 97, 1>>,
                 term_to_binary(fun lists:reverse/1)).

t2b_deterministic_test() ->
    ?assertEqual(<<131, 104, 2, 100, 0, 1, 97, 100, 0, 1, 98>>, term_to_binary({a, b}, [deterministic])).

t2b_compressed_header_test() ->
    T = lists:duplicate(30, a),
    B = term_to_binary(T, [compressed]),
    ?assertEqual(<<131, 80, 0, 0, 0, 126>>, binary:part(B, 0, 6)),
    ?assert(byte_size(B) < byte_size(term_to_binary(T))),
    ?assertEqual(T, binary_to_term(B)).

external_size_test() ->
    ?assertEqual(11, erlang:external_size({a, b})),
    ?assertEqual(byte_size(term_to_binary([1, 2, 3])), erlang:external_size([1, 2, 3])).

b2t_basic_test() ->
    ?assertEqual(abc, binary_to_term(<<131, 100, 0, 3, 97, 98, 99>>)),
    ?assertEqual({1, 2, 3}, binary_to_term(<<131, 104, 3, 97, 1, 97, 2, 97, 3>>)).

b2t_utf8_atom_encodings_test() ->
    ?assertEqual(abc, binary_to_term(<<131, 119, 3, 97, 98, 99>>)),
    ?assertEqual(abc, binary_to_term(<<131, 118, 0, 3, 97, 98, 99>>)),
    ?assertEqual(abc, binary_to_term(<<131, 115, 3, 97, 98, 99>>)).

b2t_used_option_test() ->
    ?assertEqual({[1, 2, 3], 7}, binary_to_term(<<131, 107, 0, 3, 1, 2, 3, 9, 9>>, [used])).

b2t_trailing_bytes_ignored_test() ->
    %% OTP 25 binary_to_term/1 ignores bytes after the encoded term
    ?assertEqual([1, 2, 3], binary_to_term(id(<<131, 107, 0, 3, 1, 2, 3, 9, 9>>))).

b2t_truncated_badarg_test() ->
    ?assertError(badarg, binary_to_term(id(<<131, 100, 0, 3, 97, 98>>))),
    ?assertError(badarg, binary_to_term(id(<<>>))),
    ?assertError(badarg, binary_to_term(id(<<131>>))).

b2t_bad_version_badarg_test() ->
    ?assertError(badarg, binary_to_term(id(<<130, 97, 1>>))).

b2t_safe_unknown_atom_test() ->
    Name = list_to_binary("conf_never_existing_atom_" ++ integer_to_list(erlang:phash2(x))),
    Bin = <<131, 119, (byte_size(Name)), Name/binary>>,
    ?assertError(badarg, binary_to_term(Bin, [safe])).

b2t_old_float_ext_test() ->
    ?assertEqual(1.5, binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>)).

roundtrip_many_terms_test() ->
    Terms = [0, -1, 1 bsl 200, -(1 bsl 200), 3.14, a, '', "", "str", [1 | 2], {}, {a, {b}},
             <<>>, <<1:1>>, #{}, #{k => #{k2 => [v]}}, [[]], self(), make_ref(),
             fun lists:map/2, '\x{1F600}', [16#10FFFF]],
    ?assert(lists:all(fun(T) -> binary_to_term(term_to_binary(T)) =:= T end, Terms)).

%% ---- phash2 -------------------------------------------------------------

phash2_integers_test() ->
    ?assertEqual(88723725, erlang:phash2(0)),
    ?assertEqual(2614250, erlang:phash2(1)),
    ?assertEqual(44734653, erlang:phash2(255)),
    ?assertEqual(37021655, erlang:phash2(256)),
    ?assertEqual(44071773, erlang:phash2(-1)).

phash2_large_integers_test() ->
    ?assertEqual(124127543, erlang:phash2(2147483647)),
    ?assertEqual(14246037, erlang:phash2(2147483648)),
    ?assertEqual(62030289, erlang:phash2(-2147483648)),
    ?assertEqual(44917388, erlang:phash2(-2147483649)).

phash2_bignums_test() ->
    ?assertEqual(103122609, erlang:phash2(1 bsl 64)),
    ?assertEqual(13457787, erlang:phash2(-(1 bsl 64))),
    ?assertEqual(126219984, erlang:phash2(1 bsl 100)).

phash2_floats_test() ->
    ?assertEqual(77147068, erlang:phash2(1.0)),
    ?assertEqual(55691757, erlang:phash2(0.5)),
    ?assertEqual(63894875, erlang:phash2(-2.5)),
    ?assertEqual(114238079, erlang:phash2(0.1)).

phash2_int_float_differ_test() ->
    ?assertNotEqual(erlang:phash2(1), erlang:phash2(1.0)).

phash2_atoms_test() ->
    ?assertEqual(97, erlang:phash2(a)),
    ?assertEqual(26499, erlang:phash2(abc)),
    ?assertEqual(0, erlang:phash2('')),
    ?assertEqual(18131988, erlang:phash2('hello world')).

phash2_special_atoms_test() ->
    ?assertEqual(506293, erlang:phash2(true)),
    ?assertEqual(7111573, erlang:phash2(false)),
    ?assertEqual(45914356, erlang:phash2(undefined)),
    ?assertEqual(3456, erlang:phash2('\x{400}')).

phash2_lists_test() ->
    ?assertEqual(113427502, erlang:phash2([])),
    ?assertEqual(84609158, erlang:phash2([1])),
    ?assertEqual(25788620, erlang:phash2([1, 2, 3])),
    ?assertEqual(117343302, erlang:phash2("abc")).

phash2_more_lists_test() ->
    ?assertEqual(9075654, erlang:phash2([a, b])),
    ?assertEqual(86124794, erlang:phash2([1 | 2])),
    ?assertEqual(111460725, erlang:phash2([256, 1])),
    ?assertEqual(74710280, erlang:phash2([a | b])).

phash2_string_test() ->
    ?assertEqual(124727853, erlang:phash2("hello world")),
    ?assertEqual(43306510, erlang:phash2([1024])),
    ?assertEqual(66056394, erlang:phash2(lists:seq(1, 5))).

phash2_tuples_test() ->
    ?assertEqual(87486268, erlang:phash2({})),
    ?assertEqual(35332806, erlang:phash2({a})),
    ?assertEqual(101277806, erlang:phash2({a, b})),
    ?assertEqual(28734975, erlang:phash2({1, 2, 3})),
    ?assertEqual(74117949, erlang:phash2({ok, "x"})).

phash2_binaries_test() ->
    ?assertEqual(13708901, erlang:phash2(<<>>)),
    ?assertEqual(6479071, erlang:phash2(<<1, 2, 3>>)),
    ?assertEqual(47480723, erlang:phash2(<<"hello">>)).

phash2_bitstrings_test() ->
    ?assertEqual(73037028, erlang:phash2(<<1:3>>)),
    ?assertEqual(110598801, erlang:phash2(<<1, 2:4>>)).

phash2_maps_test() ->
    ?assertEqual(39679005, erlang:phash2(#{})),
    ?assertEqual(59617982, erlang:phash2(#{a => 1})),
    ?assertEqual(103634663, erlang:phash2(#{a => 1, b => 2})),
    ?assertEqual(98984748, erlang:phash2(#{1 => [x]})).

phash2_nested_test() ->
    ?assertEqual(58938456, erlang:phash2({a, [b, {c, <<"d">>}], #{e => 1.5}})).

phash2_fun_test() ->
    ?assertEqual(134027972, erlang:phash2(fun lists:reverse/1)).

phash2_range_test() ->
    ?assertEqual(69, erlang:phash2(0, 100)),
    ?assertEqual(62, erlang:phash2(1, 100)),
    ?assertEqual(97, erlang:phash2(a, 100)),
    ?assertEqual(99, erlang:phash2(abc, 100)),
    ?assertEqual(2, erlang:phash2([], 100)).

phash2_range_more_test() ->
    ?assertEqual(84, erlang:phash2(1.0, 100)),
    ?assertEqual(96, erlang:phash2({}, 100)),
    ?assertEqual(29, erlang:phash2(<<>>, 100)),
    ?assertEqual(73, erlang:phash2(#{}, 100)),
    ?assertEqual(40, erlang:phash2({a, [b, {c, <<"d">>}], #{e => 1.5}}, 100)).

phash2_range_2_32_test() ->
    ?assertEqual(1306188027, erlang:phash2(<<"abc">>, 1 bsl 32)).

phash2_range_badarg_test() ->
    ?assertError(badarg, erlang:phash2(a, id(0))),
    ?assertError(badarg, erlang:phash2(a, id(1 bsl 32 + 1))).

phash2_map_order_independent_test() ->
    M1 = maps:from_list([{a, 1}, {b, 2}, {c, 3}]),
    M2 = maps:from_list([{c, 3}, {a, 1}, {b, 2}]),
    ?assertEqual(erlang:phash2(M1), erlang:phash2(M2)).

phash2_subbinary_same_as_binary_test() ->
    <<_, Sub/binary>> = <<0, "hello">>,
    ?assertEqual(47480723, erlang:phash2(Sub)).

phash_1_test() ->
    ?assertEqual(500, erlang:phash(abc, 1000)).
