%% @doc Sample for eunit validation: failing assertions and crashes.
-module(eu_fail_tests).
-include_lib("eunit/include/eunit.hrl").

pass_test() -> ?assert(true).
eq_fail_test() -> ?assertEqual(1, 1 + 1).
neq_fail_test() -> ?assertNotEqual(2, 1 + 1).
assert_fail_test() -> ?assert(1 =:= 2).
assert_notbool_test() -> ?assert(foo).
assertnot_fail_test() -> ?assertNot(true).
match_fail_test() -> ?assertMatch({ok, _}, {error, x}).
match_guard_fail_test() -> ?assertMatch(X when X > 1, 0).
notmatch_fail_test() -> ?assertNotMatch({ok, _}, {ok, 1}).
error_fail_test() -> ?assertError(badarg, ok).
throw_fail_test() -> ?assertThrow(x, ok).
crash_test() -> error(boom).
exit_test() -> exit(boom).
throw_test() -> throw(boom).
badmatch_test() -> 1 = id(2).
output_test() -> io:format("hello~n"), ?assert(false).
long_test() -> ?assertEqual(lists:seq(1, 40), lists:seq(1, 41)).
gen_test_() ->
    [?_assert(true), ?_assertEqual(1, id(2)), ?_test(ok),
     {"described", ?_assert(id(false))}].

id(X) -> X.
