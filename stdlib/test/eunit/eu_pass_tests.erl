%% @doc Sample for eunit validation: passing tests and a described group.
-module(eu_pass_tests).
-include_lib("eunit/include/eunit.hrl").

a_test() -> ok.
b_test() -> ?assertEqual(3, 1 + 2).
gen_test_() -> {"a group", [?_test(ok), ?_assert(true)]}.
match_test() -> ?assertMatch({ok, X} when X > 0, {ok, 1}).
exc_test_() ->
    [?_assertError(badarg, list_to_atom(42)),
     ?_assertExit(bye, exit(bye)),
     ?_assertThrow({t, _}, throw({t, 1})),
     ?_assertException(error, {badmatch, _}, 1 = id(2)),
     ?_assertNotException(error, badarg, ok),
     ?_assertNotException(throw, x, throw(y)),
     ?_assertNot(false),
     ?_assertNotEqual(1, 2),
     ?_assertNotMatch([_], [])].
let_if_test() ->
    ?assertEqual(6, ?LET(A, 3, A * 2)),
    ?assertEqual(y, ?IF(1 > 0, y, n)).

id(X) -> X.
