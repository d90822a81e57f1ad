-module(collections_misc_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: other commonly used stdlib modules of OTP 25: ordsets,
%% orddict, sets, gb_sets, gb_trees, queue, dict, array, base64, calendar,
%% unicode, filename, re, erl_scan/erl_parse/erl_eval. Opaque data
%% structures are only inspected through their API.

id(X) -> X.

%% ---- ordsets / orddict ------------------------------------------------

ordsets_basic_test() ->
    ?assertEqual([a, b, c], ordsets:from_list([c, a, b, a])),
    ?assertEqual([a, b, c], ordsets:add_element(b, [a, c])),
    ?assert(ordsets:is_subset([a], [a, b])).

ordsets_set_ops_test() ->
    ?assertEqual([a, b, c], ordsets:union([a, c], [b])),
    ?assertEqual([b, c], ordsets:intersection([a, b, c], [b, c, d])),
    ?assertEqual([a, c], ordsets:subtract([a, b, c], [b])).

orddict_store_fetch_test() ->
    ?assertEqual([{a, 1}, {b, 2}, {c, 3}], orddict:store(b, 2, orddict:from_list([{c, 3}, {a, 1}]))),
    ?assertEqual(1, orddict:fetch(a, [{a, 1}])),
    ?assertEqual(error, orddict:find(z, [{a, 1}])).

orddict_update_test() ->
    ?assertEqual([{a, 6}], orddict:update_counter(a, 5, [{a, 1}])),
    ?assertEqual([{a, [w, x]}], orddict:append(a, x, [{a, [w]}])),
    ?assertEqual([{a, 1}, {b, 5}, {c, 4}],
                 orddict:merge(fun(_, A, B) -> A + B end, [{a, 1}, {b, 2}], [{b, 3}, {c, 4}])).

%% ---- sets / gb_sets ---------------------------------------------------

sets_basic_test() ->
    S = sets:from_list([3, 1, 2, 1]),
    ?assertEqual([1, 2, 3], lists:sort(sets:to_list(S))),
    ?assertEqual(3, sets:size(S)),
    ?assert(sets:is_set(sets:new())).

sets_exact_membership_test() ->
    %% sets (version 1) compare elements with =:=
    ?assertEqual(3, sets:size(sets:from_list([1, 1.0, 2]))),
    ?assertNot(sets:is_element(1.0, sets:from_list([1]))).

sets_version_2_test() ->
    S = sets:from_list([a, b], [{version, 2}]),
    ?assert(sets:is_element(a, S)),
    ?assertEqual([a, b], lists:sort(sets:to_list(S))),
    ?assertEqual(2, sets:size(S)).

gb_sets_test() ->
    S = gb_sets:from_list([3, 1, 2]),
    ?assertEqual([1, 2, 3], gb_sets:to_list(S)),
    ?assertEqual(1, gb_sets:smallest(S)),
    ?assertEqual(3, gb_sets:largest(S)).

%% ---- gb_trees -----------------------------------------------------------

gb_trees_insert_lookup_test() ->
    T = gb_trees:insert(b, 2, gb_trees:insert(a, 1, gb_trees:empty())),
    ?assertEqual([{a, 1}, {b, 2}], gb_trees:to_list(T)),
    ?assertEqual({value, 1}, gb_trees:lookup(a, T)),
    ?assertEqual(none, gb_trees:lookup(z, T)).

gb_trees_errors_test() ->
    ?assertError(function_clause, gb_trees:get(z, gb_trees:empty())),
    ?assertError({key_exists, a}, gb_trees:insert(a, 1, gb_trees:from_orddict([{a, 1}]))).

gb_trees_largest_smallest_test() ->
    T = gb_trees:from_orddict([{a, 1}, {b, 2}]),
    ?assertEqual({b, 2}, gb_trees:largest(T)),
    ?assertEqual({a, 1}, gb_trees:smallest(T)),
    ?assertEqual(2, gb_trees:size(T)).

%% ---- queue ----------------------------------------------------------------

queue_in_out_test() ->
    Q = queue:in(3, queue:in(2, queue:from_list([1]))),
    ?assertEqual([1, 2, 3], queue:to_list(Q)),
    {{value, 1}, Q2} = queue:out(Q),
    ?assertEqual([2, 3], queue:to_list(Q2)).

queue_empty_out_test() ->
    {empty, Q} = queue:out(queue:new()),
    ?assert(queue:is_empty(Q)).

queue_misc_test() ->
    ?assertEqual(3, queue:len(queue:from_list([a, b, c]))),
    ?assertEqual([3, 2, 1], queue:to_list(queue:reverse(queue:from_list([1, 2, 3])))),
    ?assertEqual({value, x}, queue:peek(queue:from_list([x, y]))).

queue_out_r_test() ->
    {{value, 2}, Q} = queue:out_r(queue:from_list([1, 2])),
    ?assertEqual([1], queue:to_list(Q)).

%% ---- dict ---------------------------------------------------------------

dict_test() ->
    ?assertEqual([{a, 1}, {b, 2}], lists:sort(dict:to_list(dict:from_list([{b, 2}, {a, 1}])))),
    ?assertEqual(9, dict:fetch(a, dict:store(a, 9, dict:new()))),
    ?assertEqual(error, dict:find(z, dict:new())),
    ?assertError(badarg, dict:fetch(z, dict:new())).

%% ---- array ----------------------------------------------------------------

array_test() ->
    ?assertEqual([undefined, undefined, x, undefined], array:to_list(array:set(2, x, array:new(4)))),
    ?assertEqual(b, array:get(1, array:from_list([a, b, c]))),
    ?assertEqual(10, array:size(array:new(10, {default, 0}))).

array_growable_test() ->
    ?assertEqual(undefined, array:get(20, array:new())),
    ?assertEqual([q], array:sparse_to_list(array:set(5, q, array:new()))).

%% ---- base64 ---------------------------------------------------------------

base64_test() ->
    ?assertEqual(<<"aGVsbG8=">>, base64:encode(<<"hello">>)),
    ?assertEqual(<<"hello">>, base64:decode(<<"aGVsbG8=">>)),
    ?assertEqual("YWI=", base64:encode_to_string("ab")).

%% ---- calendar -----------------------------------------------------------

calendar_days_test() ->
    ?assertEqual(730485, calendar:date_to_gregorian_days(2000, 1, 1)),
    ?assertEqual(7, calendar:day_of_the_week(2023, 1, 1)),
    ?assertEqual(29, calendar:last_day_of_the_month(2024, 2)).

calendar_leap_valid_test() ->
    ?assertNot(calendar:is_leap_year(1900)),
    ?assert(calendar:is_leap_year(2000)),
    ?assertNot(calendar:valid_date(2023, 2, 29)),
    ?assert(calendar:valid_date(2024, 2, 29)).

calendar_seconds_test() ->
    ?assertEqual({{1996, 5, 22}, {16, 0, 0}}, calendar:gregorian_seconds_to_datetime(63000000000)),
    ?assertEqual(62167219200, calendar:datetime_to_gregorian_seconds({{1970, 1, 1}, {0, 0, 0}})).

calendar_iso_week_and_rfc3339_test() ->
    ?assertEqual({2020, 53}, calendar:iso_week_number({2021, 1, 1})),
    ?assertEqual("1970-01-01T00:00:00Z", calendar:system_time_to_rfc3339(0, [{offset, "Z"}])),
    ?assertEqual(86400, calendar:rfc3339_to_system_time("1970-01-02T00:00:00Z")).

%% ---- unicode ------------------------------------------------------------

unicode_conversions_test() ->
    ?assertEqual(<<206, 177>>, unicode:characters_to_binary([16#3B1])),
    ?assertEqual([945], unicode:characters_to_list(<<206, 177>>, utf8)),
    ?assertEqual(<<3, 177>>, unicode:characters_to_binary([16#3B1], unicode, utf16)).

unicode_latin1_to_utf8_test() ->
    ?assertEqual(<<"abc">>, unicode:characters_to_binary(<<"abc">>, latin1, utf8)),
    ?assertEqual(<<195, 165>>, unicode:characters_to_binary(<<229>>, latin1, utf8)).

unicode_invalid_test() ->
    ?assertEqual({error, [], <<255, 255>>}, unicode:characters_to_list(<<255, 255>>)).

unicode_normalization_test() ->
    ?assertEqual([97, 778], unicode:characters_to_nfd_list([229])),
    ?assertEqual([229], unicode:characters_to_nfc_list([$a, 16#30A])).

unicode_bom_test() ->
    ?assertEqual({utf8, 3}, unicode:bom_to_encoding(<<239, 187, 191, "x">>)).

to_graphemes_test() ->
    ?assertEqual([97, "\r\n", 98], string:to_graphemes("a\r\nb")).

%% ---- filename -----------------------------------------------------------

filename_test() ->
    ?assertEqual("a/b/c.erl", filename:join(["a", "b", "c.erl"])),
    ?assertEqual("z", filename:basename("/x/y/z.erl", ".erl")),
    ?assertEqual(".gz", filename:extension("foo.tar.gz")),
    ?assertEqual("/x/y", filename:dirname("/x/y/z")).

filename_split_rootname_test() ->
    ?assertEqual(["/", "a", "b"], filename:split("/a/b")),
    ?assertEqual("a/b", filename:rootname("a/b.erl")).

%% ---- re -------------------------------------------------------------------

re_run_test() ->
    ?assertEqual({match, ["123"]}, re:run("abc123", "[0-9]+", [{capture, all, list}])),
    ?assertEqual(nomatch, re:run("abc", "[0-9]")).

re_replace_split_test() ->
    ?assertEqual("a+b+c", re:replace("a-b-c", "-", "+", [global, {return, list}])),
    ?assertEqual(["a", "b", [], "c"], re:split("a,b,,c", ",", [{return, list}])).

%% ---- erl_scan / erl_parse / erl_eval -----------------------------------

erl_scan_test() ->
    ?assertEqual({ok, [{atom, 1, foo}, {'(', 1}, {var, 1, 'X'}, {')', 1}, {'->', 1},
                       {var, 1, 'X'}, {'+', 1}, {integer, 1, 1}, {dot, 1}], 1},
                 erl_scan:string("foo(X) -> X + 1.")).

erl_parse_term_test() ->
    {ok, T, _} = erl_scan:string("{a, [1, 2.5], \"s\"}."),
    ?assertEqual({ok, {a, [1, 2.5], "s"}}, erl_parse:parse_term(T)).

erl_eval_test() ->
    {ok, T, _} = erl_scan:string("1 + 2 * 3."),
    {ok, E} = erl_parse:parse_exprs(T),
    ?assertEqual({value, 7, []}, erl_eval:exprs(E, [])).

erl_eval_bindings_test() ->
    {ok, T, _} = erl_scan:string("Y = X * 2, {X, Y}."),
    {ok, E} = erl_parse:parse_exprs(T),
    {value, V, Bs} = erl_eval:exprs(E, erl_eval:add_binding('X', 21, erl_eval:new_bindings())),
    ?assertEqual({21, 42}, V),
    ?assertEqual({value, 42}, erl_eval:binding('Y', Bs)).

erl_eval_fun_test() ->
    {ok, T, _} = erl_scan:string("F = fun(A) -> A + 1 end, lists:map(F, [1, 2])."),
    {ok, E} = erl_parse:parse_exprs(T),
    {value, V, _} = erl_eval:exprs(E, []),
    ?assertEqual([2, 3], V).

erl_scan_error_test() ->
    ?assertMatch({error, {1, erl_scan, _}, _}, erl_scan:string(id("\"unterminated"))).
