-module(binary_module_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the binary module of OTP 25: bin_to_list/1,2,3,
%% list_to_bin, part, first/last/at, copy, decode/encode_unsigned,
%% encode_hex/decode_hex, match/matches (several patterns, scope,
%% compiled patterns), split (global/trim/trim_all/scope), replace
%% (global, insert_replaced), longest_common_prefix/suffix, and where they
%% raise badarg.

id(X) -> X.

%% ---- bin_to_list / list_to_bin ----------------------------------------------

bin_to_list_1_test() ->
    ?assertEqual("hello", binary:bin_to_list(<<"hello">>)),
    ?assertEqual([], binary:bin_to_list(<<>>)).

bin_to_list_3_test() ->
    ?assertEqual("ell", binary:bin_to_list(<<"hello">>, 1, 3)),
    ?assertEqual([], binary:bin_to_list(<<"abc">>, 3, 0)),
    ?assertEqual([], binary:bin_to_list(<<"abc">>, 0, 0)).

bin_to_list_2_part_test() ->
    ?assertEqual("ell", binary:bin_to_list(<<"hello">>, {1, 3})),
    ?assertEqual("hello", binary:bin_to_list(<<"hello">>, {0, 5})).

bin_to_list_negative_length_test() ->
    ?assertEqual("lo", binary:bin_to_list(<<"hello">>, {5, -2})),
    ?assertEqual("el", binary:bin_to_list(<<"hello">>, 3, -2)).

bin_to_list_out_of_range_badarg_test() ->
    ?assertError(badarg, binary:bin_to_list(<<"hello">>, 4, 3)),
    ?assertError(badarg, binary:bin_to_list(<<"hello">>, {5, 1})),
    ?assertError(badarg, binary:bin_to_list(<<"abc">>, -1, 1)).

bin_to_list_not_binary_badarg_test() ->
    ?assertError(badarg, binary:bin_to_list(id("abc"))).

list_to_bin_test() ->
    ?assertEqual(<<1, 2, 3>>, binary:list_to_bin([1, <<2>>, [3]])),
    ?assertEqual(<<>>, binary:list_to_bin([])).

list_to_bin_badarg_test() ->
    ?assertError(badarg, binary:list_to_bin([256])),
    ?assertError(badarg, binary:list_to_bin(id(abc))).

%% ---- part / first / last / at -------------------------------------------------

part_test() ->
    ?assertEqual(<<"el">>, binary:part(<<"hello">>, 1, 2)),
    ?assertEqual(<<"lo">>, binary:part(<<"hello">>, {5, -2})),
    ?assertEqual(<<>>, binary:part(<<"hello">>, 5, 0)).

part_out_of_range_badarg_test() ->
    ?assertError(badarg, binary:part(<<"hello">>, 4, 2)),
    ?assertError(badarg, binary:part(<<"hello">>, 6, 0)).

first_last_test() ->
    ?assertEqual($a, binary:first(<<"abc">>)),
    ?assertEqual($c, binary:last(<<"abc">>)).

first_last_empty_badarg_test() ->
    ?assertError(badarg, binary:first(<<>>)),
    ?assertError(badarg, binary:last(<<>>)).

at_test() ->
    ?assertEqual($b, binary:at(<<"abc">>, 1)),
    ?assertError(badarg, binary:at(<<"abc">>, 3)),
    ?assertError(badarg, binary:at(<<"abc">>, -1)).

%% ---- copy ---------------------------------------------------------------------

copy_test() ->
    ?assertEqual(<<"ababab">>, binary:copy(<<"ab">>, 3)),
    ?assertEqual(<<>>, binary:copy(<<"ab">>, 0)),
    ?assertEqual(<<"ab">>, binary:copy(<<"ab">>)).

copy_negative_badarg_test() ->
    ?assertError(badarg, binary:copy(<<"a">>, -1)).

%% ---- decode_unsigned / encode_unsigned ------------------------------------

decode_unsigned_test() ->
    ?assertEqual(256, binary:decode_unsigned(<<1, 0>>)),
    ?assertEqual(1, binary:decode_unsigned(<<1, 0>>, little)),
    ?assertEqual(0, binary:decode_unsigned(<<>>)),
    ?assertEqual(1 bsl 64, binary:decode_unsigned(<<1, 0:64>>)).

encode_unsigned_test() ->
    ?assertEqual(<<1, 0>>, binary:encode_unsigned(256)),
    ?assertEqual(<<0, 1>>, binary:encode_unsigned(256, little)),
    ?assertEqual(<<0>>, binary:encode_unsigned(0)),
    ?assertEqual(<<1, 0:64>>, binary:encode_unsigned(1 bsl 64)).

encode_unsigned_negative_badarg_test() ->
    ?assertError(badarg, binary:encode_unsigned(-1)).

%% ---- encode_hex / decode_hex --------------------------------------------------

encode_hex_uppercase_test() ->
    ?assertEqual(<<"01ABFF">>, binary:encode_hex(<<1, 171, 255>>)),
    ?assertEqual(<<>>, binary:encode_hex(<<>>)).

decode_hex_test() ->
    ?assertEqual(<<1, 171, 255>>, binary:decode_hex(<<"01abFF">>)),
    ?assertEqual(<<>>, binary:decode_hex(<<>>)).

decode_hex_badarg_test() ->
    ?assertError(badarg, binary:decode_hex(<<"0">>)),
    ?assertError(badarg, binary:decode_hex(<<"zz">>)).

%% ---- match / matches ------------------------------------------------------------

match_test() ->
    ?assertEqual({1, 2}, binary:match(<<"abcabc">>, <<"bc">>)),
    ?assertEqual(nomatch, binary:match(<<"abc">>, <<"x">>)).

match_several_patterns_earliest_test() ->
    ?assertEqual({0, 2}, binary:match(<<"abcabc">>, [<<"c">>, <<"ab">>])).

match_several_patterns_longest_at_same_start_test() ->
    ?assertEqual({1, 3}, binary:match(<<"abcd">>, [<<"bc">>, <<"bcd">>])).

match_scope_test() ->
    ?assertEqual({4, 2}, binary:match(<<"abcabc">>, <<"bc">>, [{scope, {2, 4}}])),
    ?assertEqual(nomatch, binary:match(<<"abcabc">>, <<"bc">>, [{scope, {2, 2}}])).

match_empty_pattern_badarg_test() ->
    ?assertError(badarg, binary:match(<<"abc">>, <<>>)),
    ?assertError(badarg, binary:match(<<"abc">>, [])).

matches_test() ->
    ?assertEqual([{1, 2}, {4, 2}], binary:matches(<<"abcabc">>, <<"bc">>)),
    ?assertEqual([], binary:matches(<<"abc">>, <<"x">>)).

matches_non_overlapping_test() ->
    ?assertEqual([{0, 2}, {2, 2}], binary:matches(<<"aaaa">>, <<"aa">>)),
    ?assertEqual([{0, 2}], binary:matches(<<"aaa">>, <<"aa">>)).

matches_longest_then_continue_test() ->
    ?assertEqual([{0, 3}], binary:matches(<<"abcd">>, [<<"ab">>, <<"abc">>, <<"bcd">>])).

matches_scope_test() ->
    ?assertEqual([{2, 2}], binary:matches(<<"abab">>, <<"ab">>, [{scope, {1, 3}}])).

compiled_pattern_test() ->
    CP = binary:compile_pattern([<<",">>, <<";">>]),
    ?assertEqual([{1, 1}, {3, 1}], binary:matches(<<"a,b;c">>, CP)),
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], binary:split(<<"a,b;c">>, CP, [global])).

%% ---- split --------------------------------------------------------------------

split_first_test() ->
    ?assertEqual([<<"a">>, <<"b,c">>], binary:split(<<"a,b,c">>, <<",">>)).

split_global_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], binary:split(<<"a,b,c">>, <<",">>, [global])).

split_keeps_empty_parts_test() ->
    ?assertEqual([<<>>, <<"a">>, <<>>, <<"b">>, <<>>], binary:split(<<",a,,b,">>, <<",">>, [global])).

split_trim_test() ->
    ?assertEqual([<<>>, <<"a">>, <<>>, <<"b">>], binary:split(<<",a,,b,,">>, <<",">>, [global, trim])).

split_trim_all_test() ->
    ?assertEqual([<<"a">>, <<"b">>], binary:split(<<",a,,b,,">>, <<",">>, [global, trim_all])).

split_several_patterns_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], binary:split(<<"a-b_c">>, [<<"-">>, <<"_">>], [global])).

split_no_match_test() ->
    ?assertEqual([<<"abc">>], binary:split(<<"abc">>, <<",">>)).

split_empty_subject_test() ->
    ?assertEqual([<<>>], binary:split(<<>>, <<",">>)),
    ?assertEqual([], binary:split(<<>>, <<",">>, [global, trim_all])).

split_multibyte_separator_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], binary:split(<<"a::b::c">>, <<"::">>, [global])).

split_scope_test() ->
    ?assertEqual([<<"a,b">>, <<"c,d">>], binary:split(<<"a,b,c,d">>, <<",">>, [{scope, {2, 3}}])).

split_empty_pattern_badarg_test() ->
    ?assertError(badarg, binary:split(<<"a">>, <<>>)).

%% ---- replace ----------------------------------------------------------------------

replace_first_test() ->
    ?assertEqual(<<"a--bXc">>, binary:replace(<<"aXbXc">>, <<"X">>, <<"--">>)).

replace_global_test() ->
    ?assertEqual(<<"a--b--c">>, binary:replace(<<"aXbXc">>, <<"X">>, <<"--">>, [global])).

replace_several_patterns_test() ->
    ?assertEqual(<<"a!!!">>, binary:replace(<<"abcb">>, [<<"b">>, <<"c">>], <<"!">>, [global])).

replace_insert_replaced_test() ->
    ?assertEqual(<<"a[b]c">>, binary:replace(<<"abc">>, <<"b">>, <<"[]">>, [{insert_replaced, 1}])),
    ?assertEqual(<<"a<b|b>c">>, binary:replace(<<"abc">>, <<"b">>, <<"<|>">>, [{insert_replaced, [1, 2]}])).

replace_with_empty_test() ->
    ?assertEqual(<<"abc">>, binary:replace(<<"a b c">>, <<" ">>, <<>>, [global])).

replace_no_match_test() ->
    ?assertEqual(<<"abc">>, binary:replace(<<"abc">>, <<"x">>, <<"y">>, [global])).

%% ---- longest_common_prefix / suffix ---------------------------------------

longest_common_prefix_test() ->
    ?assertEqual(2, binary:longest_common_prefix([<<"abcd">>, <<"abxy">>, <<"ab">>])),
    ?assertEqual(0, binary:longest_common_prefix([<<"a">>, <<"b">>])).

longest_common_suffix_test() ->
    ?assertEqual(2, binary:longest_common_suffix([<<"xyz">>, <<"ayz">>])),
    ?assertEqual(3, binary:longest_common_suffix([<<"abc">>, <<"abc">>])).

longest_common_prefix_badarg_test() ->
    ?assertError(badarg, binary:longest_common_prefix([])),
    ?assertError(badarg, binary:longest_common_prefix(id(<<"abc">>))).
