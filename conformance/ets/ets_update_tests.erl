-module(ets_update_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: ets traversal and in-place updates of OTP 25: first/next/
%% last/prev, foldl/foldr, update_counter (all forms), update_element,
%% take, lookup_element, and their badarg cases. Every test deletes the
%% tables it creates.

id(X) -> X.

ordset(Objects) ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, Objects),
    T.

walk_next(T) -> walk_next(T, ets:first(T)).
walk_next(_, '$end_of_table') -> [];
walk_next(T, K) -> [K | walk_next(T, ets:next(T, K))].

walk_prev(T) -> walk_prev(T, ets:last(T)).
walk_prev(_, '$end_of_table') -> [];
walk_prev(T, K) -> [K | walk_prev(T, ets:prev(T, K))].

%% ---- first / next / last / prev -----------------------------------------

ordered_set_first_last_test() ->
    T = ordset([{3, c}, {1, a}, {2, b}]),
    ?assertEqual(1, ets:first(T)),
    ?assertEqual(3, ets:last(T)),
    ets:delete(T).

ordered_set_next_prev_test() ->
    T = ordset([{3, c}, {1, a}, {2, b}]),
    ?assertEqual(2, ets:next(T, 1)),
    ?assertEqual('$end_of_table', ets:next(T, 3)),
    ?assertEqual(2, ets:prev(T, 3)),
    ?assertEqual('$end_of_table', ets:prev(T, 1)),
    ets:delete(T).

ordered_set_walk_forward_test() ->
    T = ordset([{K} || K <- [z, 10, "str", 2.5, {tup}, a, -1]]),
    ?assertEqual([-1, 2.5, 10, a, z, {tup}, "str"], walk_next(T)),
    ets:delete(T).

ordered_set_walk_backward_test() ->
    T = ordset([{K} || K <- [z, 10, "str", 2.5, {tup}, a, -1]]),
    ?assertEqual(["str", {tup}, z, a, 10, 2.5, -1], walk_prev(T)),
    ets:delete(T).

ordered_set_next_of_absent_key_test() ->
    T = ordset([{10}, {20}, {30}]),
    ?assertEqual(20, ets:next(T, 15)),
    ?assertEqual(10, ets:next(T, 0)),
    ?assertEqual('$end_of_table', ets:next(T, 35)),
    ?assertEqual(10, ets:prev(T, 15)),
    ?assertEqual('$end_of_table', ets:prev(T, 5)),
    ets:delete(T).

ordered_set_next_uses_equality_test() ->
    T = ordset([{1}, {2}, {3}]),
    ?assertEqual(2, ets:next(T, 1.0)),
    ?assertEqual(3, ets:next(T, 2.5)),
    ets:delete(T).

empty_table_first_last_test() ->
    T1 = ets:new(t, [ordered_set]),
    T2 = ets:new(t, [set]),
    ?assertEqual('$end_of_table', ets:first(T1)),
    ?assertEqual('$end_of_table', ets:last(T1)),
    ?assertEqual('$end_of_table', ets:first(T2)),
    ?assertEqual('$end_of_table', ets:last(T2)),
    ets:delete(T1),
    ets:delete(T2).

set_walk_visits_every_key_once_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{K, K * K} || K <- lists:seq(1, 50)]),
    Keys = walk_next(T),
    ?assertEqual(50, length(Keys)),
    ?assertEqual(lists:seq(1, 50), lists:sort(Keys)),
    ets:delete(T).

set_last_is_first_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{a}, {b}, {c}]),
    ?assertEqual(ets:first(T), ets:last(T)),
    K = ets:first(T),
    ?assertEqual(ets:next(T, K), ets:prev(T, K)),
    ets:delete(T).

bag_walk_visits_keys_once_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, [{a, 1}, {a, 2}, {b, 1}]),
    ?assertEqual([a, b], lists:sort(walk_next(T))),
    ets:delete(T).

first_on_deleted_table_badarg_test() ->
    T = ets:new(t, []),
    ets:delete(T),
    ?assertError(badarg, ets:first(T)),
    ?assertError(badarg, ets:next(T, a)).

%% ---- foldl / foldr ----------------------------------------------------------

foldl_ordered_set_order_test() ->
    T = ordset([{2, b}, {1, a}, {3, c}]),
    ?assertEqual([{3, c}, {2, b}, {1, a}], ets:foldl(fun(O, Acc) -> [O | Acc] end, [], T)),
    ets:delete(T).

foldr_ordered_set_order_test() ->
    T = ordset([{2, b}, {1, a}, {3, c}]),
    ?assertEqual([{1, a}, {2, b}, {3, c}], ets:foldr(fun(O, Acc) -> [O | Acc] end, [], T)),
    ets:delete(T).

foldl_sum_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{K, K} || K <- lists:seq(1, 100)]),
    ?assertEqual(5050, ets:foldl(fun({_, V}, Acc) -> V + Acc end, 0, T)),
    ets:delete(T).

foldl_empty_returns_acc_test() ->
    T = ets:new(t, []),
    ?assertEqual(acc0, ets:foldl(fun(_, _) -> error(called) end, acc0, T)),
    ets:delete(T).

foldl_bag_visits_all_objects_test() ->
    T = ets:new(t, [duplicate_bag]),
    ets:insert(T, [{a, 1}, {a, 1}, {b, 2}]),
    ?assertEqual(3, ets:foldl(fun(_, N) -> N + 1 end, 0, T)),
    ets:delete(T).

foldl_fun_exception_propagates_test() ->
    T = ordset([{1}]),
    ?assertThrow(stop, ets:foldl(fun(_, _) -> throw(stop) end, 0, T)),
    ets:delete(T).

foldl_bad_table_badarg_test() ->
    ?assertError(badarg, ets:foldl(fun(_, A) -> A end, 0, ets_no_such_table_xyz)).

%% ---- update_counter -------------------------------------------------------

update_counter_increment_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 10}),
    ?assertEqual(11, ets:update_counter(T, c, 1)),
    ?assertEqual(6, ets:update_counter(T, c, -5)),
    ?assertEqual([{c, 6}], ets:lookup(T, c)),
    ets:delete(T).

update_counter_pos_incr_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 1, 100}),
    ?assertEqual(110, ets:update_counter(T, c, {3, 10})),
    ?assertEqual([{c, 1, 110}], ets:lookup(T, c)),
    ets:delete(T).

update_counter_threshold_wraps_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 8}),
    ?assertEqual(9, ets:update_counter(T, c, {2, 1, 10, 0})),
    ?assertEqual(10, ets:update_counter(T, c, {2, 1, 10, 0})),
    ?assertEqual(0, ets:update_counter(T, c, {2, 1, 10, 0})),
    ets:delete(T).

update_counter_threshold_decrement_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 2}),
    ?assertEqual(1, ets:update_counter(T, c, {2, -1, 1, 5})),
    ?assertEqual(5, ets:update_counter(T, c, {2, -1, 1, 5})),
    ets:delete(T).

update_counter_list_of_ops_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 0, 0, 0}),
    ?assertEqual([1, 20, 1, 21], ets:update_counter(T, c, [{2, 1}, {3, 20}, {4, 1}, {3, 1}])),
    ?assertEqual([{c, 1, 21, 1}], ets:lookup(T, c)),
    ?assertEqual([], ets:update_counter(T, c, [])),
    ets:delete(T).

update_counter_default_object_test() ->
    T = ets:new(t, []),
    ?assertEqual(5, ets:update_counter(T, c, 5, {c, 0})),
    ?assertEqual([{c, 5}], ets:lookup(T, c)),
    ?assertEqual(6, ets:update_counter(T, c, 1, {c, 100})),
    ets:delete(T).

update_counter_default_object_key_replaced_test() ->
    T = ets:new(t, []),
    ?assertEqual(3, ets:update_counter(T, k, {2, 1}, {ignored_key, 2, x})),
    ?assertEqual([{k, 3, x}], ets:lookup(T, k)),
    ets:delete(T).

update_counter_bignum_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 1 bsl 62}),
    ?assertEqual((1 bsl 62) * 2, ets:update_counter(T, c, 1 bsl 62)),
    ets:delete(T).

update_counter_ordered_set_test() ->
    T = ordset([{c, 1}]),
    ?assertEqual(2, ets:update_counter(T, c, 1)),
    ets:delete(T).

update_counter_missing_key_badarg_test() ->
    T = ets:new(t, []),
    ?assertError(badarg, ets:update_counter(T, nokey, 1)),
    ets:delete(T).

update_counter_not_integer_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 1.5, x}),
    ?assertError(badarg, ets:update_counter(T, c, 1)),
    ?assertError(badarg, ets:update_counter(T, c, {3, 1})),
    ?assertError(badarg, ets:update_counter(T, c, id(1.0))),
    ets:delete(T).

update_counter_key_position_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {1, 2}),
    ?assertError(badarg, ets:update_counter(T, 1, {1, 1})),
    ets:delete(T).

update_counter_position_out_of_range_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 1}),
    ?assertError(badarg, ets:update_counter(T, c, {3, 1})),
    ?assertEqual([{c, 1}], ets:lookup(T, c)),
    ets:delete(T).

update_counter_bag_badarg_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {c, 1}),
    ?assertError(badarg, ets:update_counter(T, c, 1)),
    ets:delete(T).

update_counter_list_failure_is_atomic_test() ->
    T = ets:new(t, []),
    ets:insert(T, {c, 1, x}),
    ?assertError(badarg, ets:update_counter(T, c, [{2, 1}, {3, 1}])),
    ?assertEqual([{c, 1, x}], ets:lookup(T, c)),
    ets:delete(T).

%% ---- update_element -------------------------------------------------------

update_element_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a, b, c}),
    ?assertEqual(true, ets:update_element(T, k, {3, new})),
    ?assertEqual([{k, a, new, c}], ets:lookup(T, k)),
    ets:delete(T).

update_element_list_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a, b, c}),
    ?assertEqual(true, ets:update_element(T, k, [{2, x}, {4, z}, {2, y}])),
    ?assertEqual([{k, y, b, z}], ets:lookup(T, k)),
    ets:delete(T).

update_element_missing_key_false_test() ->
    T = ets:new(t, []),
    ?assertEqual(false, ets:update_element(T, nokey, {2, x})),
    ?assertEqual([], ets:lookup(T, nokey)),
    ets:delete(T).

update_element_key_position_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a}),
    ?assertError(badarg, ets:update_element(T, k, {1, other})),
    ets:delete(T).

update_element_out_of_range_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a}),
    ?assertError(badarg, ets:update_element(T, k, {3, x})),
    ?assertEqual([{k, a}], ets:lookup(T, k)),
    ets:delete(T).

update_element_bag_badarg_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, a}),
    ?assertError(badarg, ets:update_element(T, k, {2, x})),
    ets:delete(T).

%% ---- take -------------------------------------------------------------------

take_set_test() ->
    T = ets:new(t, []),
    ets:insert(T, [{a, 1}, {b, 2}]),
    ?assertEqual([{a, 1}], ets:take(T, a)),
    ?assertEqual([], ets:lookup(T, a)),
    ?assertEqual([], ets:take(T, a)),
    ?assertEqual(1, ets:info(T, size)),
    ets:delete(T).

take_bag_returns_all_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {a, 1}),
    ets:insert(T, {a, 2}),
    ?assertEqual([{a, 1}, {a, 2}], ets:take(T, a)),
    ?assertEqual(0, ets:info(T, size)),
    ets:delete(T).

take_ordered_set_equal_key_test() ->
    T = ordset([{1, a}]),
    ?assertEqual([{1, a}], ets:take(T, 1.0)),
    ets:delete(T).

%% ---- lookup_element ---------------------------------------------------------

lookup_element_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a, b}),
    ?assertEqual(k, ets:lookup_element(T, k, 1)),
    ?assertEqual(b, ets:lookup_element(T, k, 3)),
    ets:delete(T).

lookup_element_bag_returns_list_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, a}),
    ets:insert(T, {k, b}),
    ?assertEqual([a, b], ets:lookup_element(T, k, 2)),
    ets:delete(T).

lookup_element_missing_key_badarg_test() ->
    T = ets:new(t, []),
    ?assertError(badarg, ets:lookup_element(T, k, 2)),
    ets:delete(T).

lookup_element_position_out_of_range_badarg_test() ->
    T = ets:new(t, []),
    ets:insert(T, {k, a}),
    ?assertError(badarg, ets:lookup_element(T, k, 3)),
    ?assertError(badarg, ets:lookup_element(T, k, 0)),
    ets:delete(T).

%% ---- slot / i --------------------------------------------------------------

slot_ordered_set_test() ->
    T = ordset([{b}, {a}, {c}]),
    ?assertEqual([{a}], ets:slot(T, 0)),
    ?assertEqual([{c}], ets:slot(T, 2)),
    ?assertEqual('$end_of_table', ets:slot(T, 3)),
    ?assertError(badarg, ets:slot(T, 4)),
    ets:delete(T).
