%% @doc Sample for eunit validation: the error terms of the assertion
%% macros and the output of the debugging macros. The stack traces in
%% `unexpected_exception' are replaced by `stack' (they differ between
%% runners).
-module(eu_terms).
-include_lib("eunit/include/eunit.hrl").
-export([terms/0, debug/0]).

%% @doc The outcome of each assertion, in order.
-spec terms() -> [term()].
terms() ->
    [catch_it(F) || F <- assertions()].

assertions() ->
    [fun() -> ?assert(true) end,
     fun() -> ?assert(1 > 2) end,
     fun() -> ?assert(not_bool) end,
     fun() -> ?assert(false, "why") end,
     fun() -> ?assertNot(true) end,
     fun() -> ?assertNot(x) end,
     fun() -> ?assertNot(true, <<"bin">>) end,
     fun() -> ?assertMatch({ok, _}, {error, 1}) end,
     fun() -> ?assertMatch({ok, X} when X > 1, {ok, 1}) end,
     fun() -> ?assertMatch(a, b, "c3") end,
     fun() -> ?assertNotMatch([_ | _], [1]) end,
     fun() -> ?assertNotMatch(b, b, "c") end,
     fun() -> ?assertEqual(1, 2) end,
     fun() -> ?assertEqual(1, 1.0) end,
     fun() -> ?assertEqual([a], [a]) end,
     fun() -> ?assertEqual(1, 2, "cmt") end,
     fun() -> ?assertNotEqual(1, 1) end,
     fun() -> ?assertNotEqual(1, 1.0) end,
     fun() -> ?assertNotEqual(1, 1, "c5") end,
     fun() -> ?assertException(error, x, 1) end,
     fun() -> ?assertException(error, x, throw(y)) end,
     fun() -> ?assertException(error, x, 1, "c4") end,
     fun() -> ?assertException(_, _, exit(z)) end,
     fun() -> ?assertError(badarg, ok) end,
     fun() -> ?assertError(badarg, error(badarg)) end,
     fun() -> ?assertError({x, _}, error({y, 1})) end,
     fun() -> ?assertError(x, ok, "c6") end,
     fun() -> ?assertExit(normal, throw(x)) end,
     fun() -> ?assertExit(normal, exit(normal)) end,
     fun() -> ?assertThrow(x, ok) end,
     fun() -> ?assertThrow(x, throw(x)) end,
     fun() -> ?assertNotException(error, badarg, error(badarg)) end,
     fun() -> ?assertNotException(error, badarg, error(other)) end,
     fun() -> ?assertNotException(error, badarg, ok) end,
     fun() -> ?assertNotException(throw, _, throw(1)) end,
     fun() -> ?LET(A, 3, A * 2) end,
     fun() -> ?IF(false, y, n) end,
     fun() -> element(1, ?_test(ok)) end,
     fun() -> (element(2, ?_assertEqual(1, 2)))() end,
     fun() -> (element(2, ?_assert(false)))() end,
     fun() -> (element(2, ?_assertNot(false)))() end,
     fun() -> (element(2, ?_assertMatch({_}, {1, 2})))() end,
     fun() -> (element(2, ?_assertNotMatch({_}, {1})))() end,
     fun() -> (element(2, ?_assertNotEqual(1, 1)))() end,
     fun() -> (element(2, ?_assertError(x, ok)))() end,
     fun() -> (element(2, ?_assertExit(x, ok)))() end,
     fun() -> (element(2, ?_assertThrow(x, ok)))() end,
     fun() -> (element(2, ?_assertException(throw, x, ok)))() end,
     fun() -> (element(2, ?_assertNotException(throw, x, throw(x))))() end,
     fun() -> [?TEST, ?EUNIT] end].

catch_it(F) ->
    try
        {ok, F()}
    catch
        C:R -> {C, strip(R)}
    end.

strip({Assertion, Info}) when is_list(Info) ->
    {Assertion, [strip_info(I) || I <- Info]};
strip(R) ->
    R.

strip_info({unexpected_exception, {C, R, _Stack}}) ->
    {unexpected_exception, {C, R, stack}};
strip_info(I) ->
    I.

%% @doc Exercises the debugging macros (they write to `user').
-spec debug() -> term().
debug() ->
    ?debugMsg("hello"),
    ?debugMsg(<<"bin">>),
    ?debugFmt("x=~p y=~s", [1, "s"]),
    X = {a, [1, 2]},
    V1 = ?debugVal(X),
    V2 = ?debugVal(lists:seq(1, 30)),
    V3 = ?debugVal(X, 2),
    ?debugHere,
    {V1, V2, V3}.
