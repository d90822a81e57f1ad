-module(re_replace_split_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: re:replace/3,4 and re:split/2,3 of OTP 25: return types
%% (the default iodata shape, list, binary), global vs first, & and \N
%% (and \g{N}) in the replacement, escaped & and \, unicode, split with
%% groups, trim, {parts, N}, group, empty matches; re:quote-free escaping.

id(X) -> X.

%% ---- replace ------------------------------------------------------------------

replace_first_only_by_default_test() ->
    ?assertEqual("x-b-a", re:replace("a-b-a", "a", "x", [{return, list}])).

replace_global_test() ->
    ?assertEqual("x-b-x", re:replace("a-b-a", "a", "x", [global, {return, list}])).

replace_return_binary_test() ->
    ?assertEqual(<<"x-b-x">>, re:replace("a-b-a", "a", "x", [global, {return, binary}])).

replace_default_return_is_iodata_test() ->
    R = re:replace("abc", "b", "X"),
    ?assertEqual(<<"aXc">>, iolist_to_binary(R)),
    ?assertEqual([<<"a">>, <<"X">> | <<"c">>], R).

replace_default_return_nomatch_test() ->
    ?assertEqual(<<"abc">>, re:replace(<<"abc">>, "z", "X")),
    ?assertEqual("abc", re:replace("abc", "z", "X")).

replace_nomatch_list_test() ->
    ?assertEqual("abc", re:replace("abc", "z", "X", [{return, list}])).

replace_ampersand_whole_match_test() ->
    ?assertEqual("[abc]-[de]", re:replace("abc-de", "\\w+", "[&]", [global, {return, list}])).

replace_group_reference_test() ->
    ?assertEqual("def-abc", re:replace("abc-def", "(\\w+)-(\\w+)", "\\2-\\1", [{return, list}])).

%% OTP 25: \0 is not the whole match; the backslash is dropped.
replace_backslash_zero_test() ->
    ?assertEqual("<0>c", re:replace("abc", "ab", "<\\0>", [{return, list}])).

replace_g_brace_reference_test() ->
    ?assertEqual("b1", re:replace("ab", "(a)(b)", "\\g{2}1", [{return, list}])).

replace_g_number_reference_test() ->
    ?assertEqual("ba", re:replace("ab", "(a)(b)", "\\g2\\g1", [{return, list}])).

replace_multi_digit_group_test() ->
    RE = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)",
    ?assertEqual("k", re:replace("abcdefghijk", RE, "\\11", [{return, list}])).

replace_unset_group_is_empty_test() ->
    ?assertEqual("[]", re:replace("b", "(a)?b", "[\\1]", [{return, list}])).

replace_group_beyond_count_is_empty_test() ->
    ?assertEqual("[]c", re:replace("abc", "ab", "[\\5]", [{return, list}])).

replace_escaped_ampersand_test() ->
    ?assertEqual("&c", re:replace("abc", "ab", "\\&", [{return, list}])).

replace_escaped_backslash_test() ->
    ?assertEqual("\\c", re:replace("abc", "ab", "\\\\", [{return, list}])).

replace_binary_replacement_test() ->
    ?assertEqual("a<b>c", re:replace("abc", "b", <<"<&>">>, [{return, list}])).

replace_empty_matches_global_test() ->
    ?assertEqual("-a-b-", re:replace("ab", "x*", "-", [global, {return, list}])).

replace_empty_match_first_test() ->
    ?assertEqual("-ab", re:replace("ab", "x*", "-", [{return, list}])).

replace_with_empty_test() ->
    ?assertEqual("hello   world", re:replace("  hello   world ", "^\\s+|\\s+$", "", [global, {return, list}])).

replace_caseless_test() ->
    ?assertEqual("x x x", re:replace("A a A", "a", "x", [global, caseless, {return, list}])).

replace_compiled_regex_test() ->
    {ok, MP} = re:compile("\\d+"),
    ?assertEqual("a#b#", re:replace("a12b345", MP, "#", [global, {return, list}])).

replace_unicode_list_test() ->
    ?assertEqual("αXγ", re:replace("αβγ", "β", "X", [unicode, {return, list}])).

replace_unicode_binary_test() ->
    ?assertEqual(<<"αXγ"/utf8>>, re:replace(<<"αβγ"/utf8>>, <<"β"/utf8>>, "X", [unicode, {return, binary}])).

replace_unicode_replacement_test() ->
    ?assertEqual("aβc", re:replace("abc", "b", "β", [unicode, {return, list}])).

replace_offset_test() ->
    ?assertEqual("aax", re:replace("aaa", "a", "x", [{offset, 2}, {return, list}])).

replace_anchored_test() ->
    ?assertEqual("bab", re:replace("bab", "a", "x", [anchored, {return, list}])).

replace_bad_option_badarg_test() ->
    ?assertError(badarg, re:replace("abc", "b", "x", [{capture, all}])).

replace_bad_regex_badarg_test() ->
    ?assertError(badarg, re:replace("abc", "(b", "x")).

%% ---- split ---------------------------------------------------------------------

split_default_returns_binaries_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], re:split("a,b,c", ",")).

split_return_list_test() ->
    ?assertEqual(["a", "b", "c"], re:split("a,b,c", ",", [{return, list}])).

split_binary_subject_test() ->
    ?assertEqual([<<"a">>, <<"b">>], re:split(<<"a b">>, " ")).

split_no_match_test() ->
    ?assertEqual([<<"abc">>], re:split("abc", ",")).

split_keeps_trailing_empty_strings_test() ->
    ?assertEqual(["a", "b", "", ""], re:split("a,b,,", ",", [{return, list}])).

split_leading_empty_string_test() ->
    ?assertEqual(["", "a"], re:split(",a", ",", [{return, list}])).

split_trim_test() ->
    ?assertEqual(["a", "b"], re:split("a,b,,", ",", [{return, list}, trim])),
    ?assertEqual(["", "a"], re:split(",a,,", ",", [{return, list}, trim])).

split_parts_test() ->
    ?assertEqual(["a", "b,c,d"], re:split("a,b,c,d", ",", [{return, list}, {parts, 2}])).

split_parts_one_test() ->
    ?assertEqual(["a,b"], re:split("a,b", ",", [{return, list}, {parts, 1}])).

split_parts_more_than_fields_test() ->
    ?assertEqual(["a", "b"], re:split("a,b", ",", [{return, list}, {parts, 5}])).

split_parts_infinity_keeps_empty_test() ->
    ?assertEqual(["a", "", ""], re:split("a,,", ",", [{return, list}, {parts, infinity}])).

split_parts_zero_like_trim_test() ->
    ?assertEqual(["a"], re:split("a,,", ",", [{return, list}, {parts, 0}])).

split_with_groups_includes_them_test() ->
    ?assertEqual(["a", "1", "b", "2", "c"], re:split("a1b2c", "(\\d)", [{return, list}])).

split_with_unset_group_test() ->
    ?assertEqual(["a", "", "b"], re:split("a-b", "(x)?-", [{return, list}])).

split_group_option_test() ->
    ?assertEqual([["a", "1"], ["b", "2"], ["c"]], re:split("a1b2c", "(\\d)", [{return, list}, group])).

split_group_without_groups_test() ->
    ?assertEqual([["a"], ["b"]], re:split("a,b", ",", [{return, list}, group])).

split_empty_pattern_splits_characters_test() ->
    ?assertEqual(["a", "b", "c", ""], re:split("abc", "", [{return, list}])),
    ?assertEqual(["a", "b", "c"], re:split("abc", "", [{return, list}, trim])).

split_empty_subject_test() ->
    ?assertEqual([""], re:split("", ",", [{return, list}])),
    ?assertEqual([""], re:split("", ",", [{return, list}, trim])).

split_whitespace_runs_test() ->
    ?assertEqual(["a", "b", "c"], re:split("a  b\t c", "\\s+", [{return, list}])).

split_unicode_test() ->
    ?assertEqual(["α", "γ"], re:split("αβγ", "β", [unicode, {return, list}])),
    ?assertEqual([<<"α"/utf8>>, <<"γ"/utf8>>], re:split("αβγ", "β", [unicode])).

split_compiled_regex_test() ->
    {ok, MP} = re:compile(";"),
    ?assertEqual(["x", "y"], re:split("x;y", MP, [{return, list}])).

split_bad_option_badarg_test() ->
    ?assertError(badarg, re:split("a,b", ",", [global])).

%% ---- escaping metacharacters ------------------------------------------------

escaped_metacharacters_literal_test() ->
    ?assertEqual(["1", "2"], re:split("1+2", "\\+", [{return, list}])),
    ?assertEqual("a_b", re:replace("a.b", "\\.", "_", [{return, list}])),
    ?assertEqual("a_b", re:replace("a.b", "[.]", "_", [{return, list}])).

dot_unescaped_matches_any_test() ->
    ?assertEqual("___", re:replace("a.b", ".", "_", [global, {return, list}])).
