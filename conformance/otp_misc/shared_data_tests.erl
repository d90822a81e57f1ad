%% persistent_term, atomics and counters: values seen by every process,
%% signed and unsigned wrapping, compare_exchange, errors.
-module(shared_data_tests).
-include_lib("eunit/include/eunit.hrl").

pt_put_get_erase_test() ->
    K = {?MODULE, key},
    ?assertEqual(ok, persistent_term:put(K, [1, 2])),
    ?assertEqual([1, 2], persistent_term:get(K)),
    ?assertEqual(ok, persistent_term:put(K, replaced)),
    ?assertEqual(replaced, persistent_term:get(K)),
    ?assertEqual(true, persistent_term:erase(K)),
    ?assertEqual(false, persistent_term:erase(K)),
    ?assertEqual(dflt, persistent_term:get(K, dflt)).

pt_missing_badarg_test() ->
    ?assertError(badarg, persistent_term:get({?MODULE, nothing_here})).

pt_seen_by_other_processes_test() ->
    K = {?MODULE, shared},
    persistent_term:put(K, <<"from parent">>),
    Self = self(),
    spawn(fun() -> Self ! {got, persistent_term:get(K)} end),
    ?assertEqual(<<"from parent">>, receive {got, V} -> V end),
    persistent_term:erase(K).

pt_keys_compared_exactly_test() ->
    persistent_term:put({?MODULE, 1}, int),
    ?assertEqual(none, persistent_term:get({?MODULE, 1.0}, none)),
    persistent_term:erase({?MODULE, 1}).

pt_get_all_contains_test() ->
    persistent_term:put({?MODULE, all}, x),
    ?assert(lists:member({{?MODULE, all}, x}, persistent_term:get())),
    persistent_term:erase({?MODULE, all}).

atomics_basic_test() ->
    A = atomics:new(3, []),
    ?assertEqual(0, atomics:get(A, 1)),
    ok = atomics:put(A, 1, 10),
    ok = atomics:add(A, 1, 5),
    ?assertEqual(12, atomics:sub_get(A, 1, 3)),
    ?assertEqual(22, atomics:add_get(A, 1, 10)),
    ?assertEqual(22, atomics:exchange(A, 1, 7)),
    ?assertEqual(ok, atomics:compare_exchange(A, 1, 7, 8)),
    ?assertEqual(8, atomics:compare_exchange(A, 1, 7, 9)),
    ?assertEqual(8, atomics:get(A, 1)).

atomics_signed_wraps_test() ->
    A = atomics:new(1, []),
    atomics:put(A, 1, 9223372036854775807),
    atomics:add(A, 1, 1),
    ?assertEqual(-9223372036854775808, atomics:get(A, 1)).

atomics_unsigned_test() ->
    A = atomics:new(1, [{signed, false}]),
    atomics:sub(A, 1, 1),
    ?assertEqual(18446744073709551615, atomics:get(A, 1)),
    ?assertError(badarg, atomics:put(A, 1, -1)).

atomics_info_test() ->
    ?assertMatch(#{size := 2, min := -9223372036854775808, max := 9223372036854775807},
                 atomics:info(atomics:new(2, []))),
    ?assertMatch(#{size := 1, min := 0, max := 18446744073709551615},
                 atomics:info(atomics:new(1, [{signed, false}]))).

atomics_bad_index_badarg_test() ->
    A = atomics:new(2, []),
    ?assertError(badarg, atomics:get(A, 0)),
    ?assertError(badarg, atomics:get(A, 3)),
    ?assertError(badarg, atomics:new(0, [])).

counters_basic_test() ->
    C = counters:new(2, []),
    ok = counters:add(C, 1, 5),
    ok = counters:sub(C, 2, 3),
    ?assertEqual(5, counters:get(C, 1)),
    ?assertEqual(-3, counters:get(C, 2)),
    ok = counters:put(C, 1, 100),
    ?assertEqual(100, counters:get(C, 1)),
    ?assertMatch(#{size := 2}, counters:info(C)).

counters_concurrent_adds_test() ->
    C = counters:new(1, [write_concurrency]),
    Self = self(),
    Pids = [spawn(fun() -> [counters:add(C, 1, 1) || _ <- lists:seq(1, 1000)], Self ! {done, self()} end)
            || _ <- lists:seq(1, 10)],
    [receive {done, P} -> ok end || P <- Pids],
    ?assertEqual(10000, counters:get(C, 1)).
