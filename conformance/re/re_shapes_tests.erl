%% The exact shapes OTP 25's re returns: the iodata of replace (where
%% the unmatched rest is an improper tail, how replacement parts group),
%% split at empty matches, groups and parts, and global runs over empty
%% matches.
-module(re_shapes_tests).
-include_lib("eunit/include/eunit.hrl").

replace_global_rest_is_improper_tail_test() ->
    ?assertEqual([<<"a">>, <<"X">>, <<"c">>, <<"X">> | <<"d">>],
                 re:replace("abcbd", "b", "X", [global])).

replace_match_at_end_has_no_tail_test() ->
    ?assertEqual([<<"a">>, <<"X">>], re:replace("ab", "b", "X")).

replace_match_at_start_has_no_prefix_test() ->
    ?assertEqual([<<"X">> | <<"a">>], re:replace("ba", "b", "X")).

replace_empty_replacement_test() ->
    ?assertEqual([[]], re:replace("b", "b", "", [global])).

replace_parts_grouped_test() ->
    ?assertEqual([<<"a">>, [<<"[">>, <<"b">>, <<"]">>], <<"c">>, [<<"[">>, <<"b">>, <<"]">>]],
                 re:replace("abcb", "b", "[&]", [global])).

replace_backslash_zero_is_literal_test() ->
    ?assertEqual([<<"a">>, [<<"00">>, <<"b">>, <<"x">>] | <<"c">>],
                 re:replace("abc", "b", "\\0\\0&x")).

replace_group_forms_and_escapes_test() ->
    ?assertEqual([<<"a">>, [<<"b">>, <<"b">>, <<>>, <<"\\&">>] | <<"c">>],
                 re:replace("abc", "(b)", "\\1\\g{1}\\2\\\\\\&")).

split_at_empty_matches_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>, <<>>], re:split("abc", "")).

split_keeps_empty_pieces_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<>>, <<"c">>, <<>>, <<>>], re:split("a,b,,c,,", ",")),
    ?assertEqual([<<"a">>, <<"b">>, <<>>, <<"c">>], re:split("a,b,,c,,", ",", [trim])).

split_groups_test() ->
    ?assertEqual([<<"a">>, <<"1">>, <<"b">>, <<"2">>, <<"c">>], re:split("a1b2c", "(\\d)")),
    ?assertEqual([[<<"a">>, <<"1">>], [<<"b">>, <<"2">>], [<<"c">>]],
                 re:split("a1b2c", "(\\d)", [group])).

split_parts_test() ->
    ?assertEqual([<<"a">>, <<"b,c">>], re:split("a,b,c", ",", [{parts, 2}])).

split_empty_subject_test() ->
    ?assertEqual([<<>>], re:split("", ",")),
    ?assertEqual([<<>>], re:split("", ",", [trim])).

global_lazy_empty_matches_test() ->
    ?assertEqual({match, [[{0, 0}], [{0, 1}], [{1, 0}], [{1, 1}], [{2, 0}], [{2, 1}], [{3, 0}]]},
                 re:run("aaa", "a*?", [global])).

global_empty_pattern_test() ->
    ?assertEqual({match, [[{0, 0}], [{1, 0}], [{2, 0}], [{3, 0}]]}, re:run("abc", "", [global])).

capture_types_of_unset_group_test() ->
    ?assertEqual({match, ["b", [], "b"]}, re:run("abc", "(x)?(b)", [{capture, all, list}])),
    ?assertEqual({match, [<<"b">>, <<>>, <<"b">>]}, re:run("abc", "(x)?(b)", [{capture, all, binary}])),
    ?assertEqual({match, [{1, 1}, {-1, 0}, {1, 1}]}, re:run("abc", "(x)?(b)")),
    ?assertEqual({match, ["b", []]}, re:run("abc", "(x)?(b)", [{capture, [2, 1], list}])).

compiled_pattern_shape_test() ->
    {ok, MP} = re:compile("(?<x>a)(b)"),
    ?assertMatch({re_pattern, 2, 0, 0, _}, MP),
    {ok, U} = re:compile("a", [unicode]),
    ?assertMatch({re_pattern, 0, 1, 0, _}, U).

compiled_pattern_in_another_process_test() ->
    {ok, MP} = re:compile("b+"),
    Self = self(),
    spawn(fun() -> Self ! {r, re:run("abbc", MP)} end),
    ?assertEqual({match, [{1, 2}]}, receive {r, R} -> R end).

split_trim_with_parts_test() ->
    ?assertEqual([<<"AUTH">>, <<"CRAM-MD5 PLAIN">>],
                 re:split(<<"AUTH CRAM-MD5 PLAIN">>, " ", [{return, binary}, trim, {parts, 2}])),
    ?assertEqual([<<"a">>, <<"b">>], re:split("a,b,,", ",", [{parts, 3}, trim])),
    ?assertEqual([], re:split(",", ",", [trim])).
