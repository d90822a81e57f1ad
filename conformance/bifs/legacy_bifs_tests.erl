%% BIFs older code still calls: now/0, ref_to_list/list_to_ref,
%% module_loaded/1, is_builtin/3, nodes/0,1 on a node that is not alive.
-module(legacy_bifs_tests).
-include_lib("eunit/include/eunit.hrl").
-compile(nowarn_deprecated_function).

now_shape_test() ->
    {M, S, U} = erlang:now(),
    ?assert(is_integer(M) andalso is_integer(S) andalso is_integer(U)),
    ?assert(S < 1000000 andalso U < 1000000).

now_strictly_increasing_test() ->
    L = [erlang:now() || _ <- lists:seq(1, 1000)],
    ?assertEqual(L, lists:usort(L)).

ref_round_trip_test() ->
    R = make_ref(),
    L = erlang:ref_to_list(R),
    ?assertMatch("#Ref<" ++ _, L),
    ?assertEqual(R, list_to_ref(L)).

list_to_ref_badarg_test() ->
    ?assertError(badarg, list_to_ref("#Ref<x>")),
    ?assertError(badarg, erlang:ref_to_list(self())).

module_loaded_test() ->
    ?assert(erlang:module_loaded(?MODULE)),
    ?assertNot(erlang:module_loaded(no_such_module_xyz)).

is_builtin_test() ->
    ?assert(erlang:is_builtin(erlang, self, 0)),
    ?assert(erlang:is_builtin(erlang, element, 2)),
    ?assertNot(erlang:is_builtin(lists, foldl, 3)).

nodes_test() ->
    ?assertEqual([], nodes()),
    ?assertEqual([node()], nodes(this)),
    ?assertEqual([], nodes([visible, hidden])),
    ?assertError(badarg, nodes(bogus)).
