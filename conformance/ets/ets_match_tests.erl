-module(ets_match_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: ets pattern matching and match specifications of OTP 25:
%% match/2,3, match_object/2,3, match_delete, select/2,3 with guards and
%% bodies, select_count, select_delete, select_replace, select_reverse,
%% continuations, match_spec_compile/run, test_ms, and the badarg cases.
%% Ordered sets are used where the result order matters; other results
%% are sorted.

id(X) -> X.

people() ->
    T = ets:new(people, [ordered_set]),
    ets:insert(T, [{1, alice, 30, london},
                   {2, bob, 25, paris},
                   {3, carol, 35, london},
                   {4, dave, 40, berlin},
                   {5, eve, 22, paris}]),
    T.

drain(Tab, {Objs, Cont}) -> Objs ++ drain(Tab, next(Cont));
drain(_, '$end_of_table') -> [].

next(Cont) -> ets:select(Cont).

%% ---- match ----------------------------------------------------------------

match_variables_test() ->
    T = people(),
    ?assertEqual([[alice, 30], [carol, 35]], ets:match(T, {'_', '$1', '$2', london})),
    ets:delete(T).

match_variable_numbers_order_result_test() ->
    T = people(),
    ?assertEqual([[30, alice]], ets:match(T, {1, '$2', '$1', '_'})),
    ets:delete(T).

match_no_variables_returns_empty_lists_test() ->
    T = people(),
    ?assertEqual([[], []], ets:match(T, {'_', '_', '_', paris})),
    ets:delete(T).

match_repeated_variable_must_be_equal_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a, a}, {2, a, b}, {3, c, c}]),
    ?assertEqual([[1, a], [3, c]], ets:match(T, {'$1', '$2', '$2'})),
    ets:delete(T).

match_nested_pattern_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, {point, 1, 2}}, {2, {circle, 3}}, {3, [x, y]}]),
    ?assertEqual([[1, 2]], ets:match(T, {'_', {point, '$1', '$2'}})),
    ?assertEqual([[y]], ets:match(T, {'_', [x, '$1']})),
    ets:delete(T).

match_tuple_size_must_agree_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a}, {2, a, b}]),
    ?assertEqual([[1]], ets:match(T, {'$1', a})),
    ets:delete(T).

match_whole_wildcard_test() ->
    T = people(),
    ?assertEqual([[], [], [], [], []], ets:match(T, '_')),
    ?assertEqual([{1, alice, 30, london}], hd(ets:match(T, '$1'))),
    ets:delete(T).

match_dollar_dollar_not_a_variable_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, '$$'}, {2, other}]),
    ?assertEqual([[]], ets:match(T, {1, '$$'})),
    ets:delete(T).

match_bound_key_in_set_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{a, 1}, {b, 2}]),
    ?assertEqual([[1]], ets:match(T, {a, '$1'})),
    ets:delete(T).

match_object_test() ->
    T = people(),
    ?assertEqual([{2, bob, 25, paris}, {5, eve, 22, paris}],
                 ets:match_object(T, {'_', '_', '_', paris})),
    ets:delete(T).

match_object_with_variables_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a, a}, {2, a, b}]),
    ?assertEqual([{1, a, a}], ets:match_object(T, {'_', '$1', '$1'})),
    ets:delete(T).

match_object_bag_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 2}),
    ets:insert(T, {j, 1}),
    ?assertEqual([{j, 1}, {k, 1}], lists:sort(ets:match_object(T, {'_', 1}))),
    ets:delete(T).

match_limit_continuation_test() ->
    T = people(),
    {R1, C1} = ets:match(T, {'$1', '_', '_', '_'}, 2),
    ?assertEqual([[1], [2]], R1),
    {R2, C2} = ets:match(C1),
    ?assertEqual([[3], [4]], R2),
    {R3, C3} = ets:match(C2),
    ?assertEqual([[5]], R3),
    ?assertEqual('$end_of_table', ets:match(C3)),
    ets:delete(T).

match_limit_no_match_end_of_table_test() ->
    T = people(),
    ?assertEqual('$end_of_table', ets:match(T, {'_', nobody, '_', '_'}, 3)),
    ets:delete(T).

match_object_limit_test() ->
    T = people(),
    {R1, C1} = ets:match_object(T, {'_', '_', '_', '_'}, 3),
    ?assertEqual([1, 2, 3], [element(1, O) || O <- R1]),
    {R2, _} = ets:match_object(C1),
    ?assertEqual([4, 5], [element(1, O) || O <- R2]),
    ets:delete(T).

match_delete_test() ->
    T = people(),
    ?assertEqual(true, ets:match_delete(T, {'_', '_', '_', london})),
    ?assertEqual([2, 4, 5], [element(1, O) || O <- ets:tab2list(T)]),
    ets:delete(T).

%% ---- select -----------------------------------------------------------------

select_dollar_underscore_test() ->
    T = people(),
    ?assertEqual([{4, dave, 40, berlin}],
                 ets:select(T, [{{'_', '_', '_', berlin}, [], ['$_']}])),
    ets:delete(T).

select_dollar_dollar_test() ->
    T = people(),
    ?assertEqual([[bob, 25], [eve, 22]],
                 ets:select(T, [{{'_', '$1', '$2', paris}, [], ['$$']}])),
    ets:delete(T).

select_guard_comparison_test() ->
    T = people(),
    ?assertEqual([alice, carol, dave],
                 ets:select(T, [{{'_', '$1', '$2', '_'}, [{'>=', '$2', 30}], ['$1']}])),
    ets:delete(T).

select_guard_andalso_orelse_test() ->
    T = people(),
    MS = [{{'$1', '$2', '$3', '$4'},
           [{'orelse', {'==', '$4', berlin}, {'andalso', {'<', '$3', 25}, {'==', '$4', paris}}}],
           ['$2']}],
    ?assertEqual([dave, eve], ets:select(T, MS)),
    ets:delete(T).

select_several_guards_are_anded_test() ->
    T = people(),
    MS = [{{'$1', '$2', '$3', '_'}, [{'>', '$3', 24}, {'<', '$3', 36}], ['$2']}],
    ?assertEqual([alice, bob, carol], ets:select(T, MS)),
    ets:delete(T).

select_body_constructs_tuple_test() ->
    T = people(),
    MS = [{{'$1', '$2', '_', london}, [], [{{'$2', '$1'}}]}],
    ?assertEqual([{alice, 1}, {carol, 3}], ets:select(T, MS)),
    ets:delete(T).

select_body_constructs_list_test() ->
    T = people(),
    MS = [{{'$1', '$2', '_', berlin}, [], [['$2', '$1', const]]}],
    ?assertEqual([[dave, 4, const]], ets:select(T, MS)),
    ets:delete(T).

select_body_arithmetic_test() ->
    T = people(),
    MS = [{{'$1', '_', '$2', paris}, [], [{'+', '$2', {'*', '$1', 100}}]}],
    ?assertEqual([225, 522], ets:select(T, MS)),
    ets:delete(T).

select_body_last_expression_is_result_test() ->
    T = people(),
    MS = [{{1, '$1', '_', '_'}, [], [first, '$1']}],
    ?assertEqual([alice], ets:select(T, MS)),
    ets:delete(T).

select_const_test() ->
    T = people(),
    MS = [{{1, '_', '_', '_'}, [], [{const, {'$1', x}}]}],
    ?assertEqual([{'$1', x}], ets:select(T, MS)),
    ets:delete(T).

select_guard_type_tests_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a}, {2, 3}, {3, "s"}, {4, 4.5}, {5, {t}}, {6, <<"b">>}]),
    Sel = fun(G) -> ets:select(T, [{{'$1', '$2'}, [{G, '$2'}], ['$1']}]) end,
    ?assertEqual([1], Sel(is_atom)),
    ?assertEqual([2], Sel(is_integer)),
    ?assertEqual([2, 4], Sel(is_number)),
    ?assertEqual([3], Sel(is_list)),
    ?assertEqual([5], Sel(is_tuple)),
    ?assertEqual([6], Sel(is_binary)),
    ?assertEqual([4], Sel(is_float)),
    ets:delete(T).

select_guard_bifs_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, [a, b]}, {2, [a]}, {3, {x, y, z}}]),
    ?assertEqual([1], ets:select(T, [{{'$1', '$2'}, [{is_list, '$2'}, {'==', {length, '$2'}, 2}], ['$1']}])),
    ?assertEqual([3], ets:select(T, [{{'$1', '$2'}, [{'=:=', {size, '$2'}, 3}], ['$1']}])),
    ?assertEqual([a], ets:select(T, [{{2, '$2'}, [], [{hd, '$2'}]}])),
    ?assertEqual([y], ets:select(T, [{{3, '$2'}, [], [{element, 2, '$2'}]}])),
    ets:delete(T).

select_failing_guard_is_false_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a}, {2, 5}]),
    ?assertEqual([2], ets:select(T, [{{'$1', '$2'}, [{'>', {'+', '$2', 1}, 0}], ['$1']}])),
    ets:delete(T).

select_failing_body_expression_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{1, a}]),
    ?assertEqual(['EXIT'], ets:select(T, [{{'$1', '$2'}, [], [{'+', '$2', 1}]}])),
    ets:delete(T).

select_several_clauses_first_matching_wins_test() ->
    T = people(),
    MS = [{{'_', '$1', '_', london}, [], [{{london, '$1'}}]},
          {{'_', '$1', '$2', '_'}, [{'<', '$2', 30}], [{{young, '$1'}}]}],
    ?assertEqual([{london, alice}, {young, bob}, {london, carol}, {young, eve}], ets:select(T, MS)),
    ets:delete(T).

select_self_in_body_test() ->
    T = people(),
    ?assertEqual([self()], ets:select(T, [{{1, '_', '_', '_'}, [], [{self}]}])),
    ets:delete(T).

select_empty_match_spec_test() ->
    T = people(),
    ?assertEqual([], ets:select(T, [])),
    ets:delete(T).

select_count_test() ->
    T = people(),
    ?assertEqual(2, ets:select_count(T, [{{'_', '_', '_', london}, [], [true]}])),
    ?assertEqual(0, ets:select_count(T, [{{'_', '_', '_', london}, [], [false]}])),
    ?assertEqual(3, ets:select_count(T, [{{'_', '_', '$1', '_'}, [{'>', '$1', 24}, {'<', '$1', 40}], [true]}])),
    ets:delete(T).

select_delete_test() ->
    T = people(),
    ?assertEqual(2, ets:select_delete(T, [{{'_', '_', '$1', '_'}, [{'<', '$1', 26}], [true]}])),
    ?assertEqual([1, 3, 4], [element(1, O) || O <- ets:tab2list(T)]),
    ets:delete(T).

select_delete_only_true_deletes_test() ->
    T = people(),
    ?assertEqual(0, ets:select_delete(T, [{'_', [], ['$_']}])),
    ?assertEqual(5, ets:info(T, size)),
    ets:delete(T).

select_replace_test() ->
    T = people(),
    MS = [{{'$1', '$2', '$3', paris}, [], [{{'$1', '$2', {'+', '$3', 1}, paris}}]}],
    ?assertEqual(2, ets:select_replace(T, MS)),
    ?assertEqual([{2, bob, 26, paris}], ets:lookup(T, 2)),
    ?assertEqual([{5, eve, 23, paris}], ets:lookup(T, 5)),
    ets:delete(T).

select_replace_changing_key_badarg_test() ->
    T = people(),
    MS = [{{'$1', '$2', '$3', '$4'}, [], [{{{'+', '$1', 10}, '$2', '$3', '$4'}}]}],
    ?assertError(badarg, ets:select_replace(T, MS)),
    ets:delete(T).

select_replace_bag_badarg_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {a, 1}),
    ?assertError(badarg, ets:select_replace(T, [{{a, '$1'}, [], [{{a, 2}}]}])),
    ets:delete(T).

select_reverse_ordered_set_test() ->
    T = people(),
    ?assertEqual([eve, dave, carol, bob, alice],
                 ets:select_reverse(T, [{{'_', '$1', '_', '_'}, [], ['$1']}])),
    ets:delete(T).

select_limit_continuation_test() ->
    T = people(),
    MS = [{{'$1', '_', '_', '_'}, [], ['$1']}],
    {R1, C1} = ets:select(T, MS, 2),
    ?assertEqual([1, 2], R1),
    ?assertEqual([3, 4, 5], drain(T, ets:select(C1))),
    ets:delete(T).

select_limit_exact_end_test() ->
    T = people(),
    MS = [{{'$1', '_', '_', '_'}, [], ['$1']}],
    {R1, C1} = ets:select(T, MS, 5),
    ?assertEqual([1, 2, 3, 4, 5], R1),
    ?assertEqual('$end_of_table', ets:select(C1)),
    ets:delete(T).

select_limit_nothing_matches_test() ->
    T = people(),
    ?assertEqual('$end_of_table', ets:select(T, [{{'_', nobody, '_', '_'}, [], ['$_']}], 1)),
    ets:delete(T).

select_limit_zero_badarg_test() ->
    T = people(),
    ?assertError(badarg, ets:select(T, [{'_', [], ['$_']}], 0)),
    ets:delete(T).

select_set_collects_everything_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{K, K rem 3} || K <- lists:seq(1, 30)]),
    MS = [{{'$1', 0}, [], ['$1']}],
    ?assertEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30], lists:sort(ets:select(T, MS))),
    ?assertEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30],
                 lists:sort(drain(T, ets:select(T, MS, 4)))),
    ets:delete(T).

select_bad_match_spec_badarg_test() ->
    T = people(),
    ?assertError(badarg, ets:select(T, id(not_a_list))),
    ?assertError(badarg, ets:select(T, [{'_', [], not_a_list}])),
    ?assertError(badarg, ets:select(T, [{'_', [{no_such_guard_fun, '$1'}], ['$_']}])),
    ?assertError(badarg, ets:select(T, [{'_', [], ['$1']}])),
    ets:delete(T).

%% ---- match_spec_compile / run / test_ms -------------------------------

match_spec_run_test() ->
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{'>', '$2', 1}], [{{'$2', '$1'}}]}]),
    ?assert(ets:is_compiled_ms(MS)),
    ?assertEqual([{2, b}, {3, c}], ets:match_spec_run([{a, 1}, {b, 2}, {c, 3}, nope], MS)).

is_compiled_ms_false_test() ->
    ?assertNot(ets:is_compiled_ms([{'_', [], ['$_']}])).

match_spec_compile_bad_badarg_test() ->
    ?assertError(badarg, ets:match_spec_compile([{'_', [{bad_guard}], ['$_']}])).

test_ms_test() ->
    ?assertEqual({ok, {b, a}}, ets:test_ms({a, b}, [{{'$1', '$2'}, [], [{{'$2', '$1'}}]}])),
    ?assertEqual({ok, false}, ets:test_ms({a, b, c}, [{{'$1', '$2'}, [], ['$_']}])).

test_ms_error_test() ->
    ?assertMatch({error, [{error, _} | _]}, ets:test_ms({a}, [{'_', [], ['$9']}])).
