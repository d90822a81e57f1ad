%% @doc Sample for eunit validation: tests in the module itself, setup
%% and foreach.
-module(eu_ctx).
-include_lib("eunit/include/eunit.hrl").
-export([g/0]).
g() -> 2.
g_test() -> ?assertEqual(2, g()).
setup_test_() ->
    {setup, fun() -> 42 end, fun(X) -> io:format("cleanup ~p~n", [X]) end,
     fun(X) -> [?_assertEqual(42, X), ?_assertEqual(43, X)] end}.
foreach_test_() ->
    {foreach, fun() -> 1 end, fun(_) -> ok end,
     [fun(X) -> ?_assertEqual(1, X) end, fun(_) -> ?_test(ok) end]}.
setup2_test_() -> {setup, fun() -> ok end, [?_test(ok), ?_test(ok)]}.
with_test_() -> {setup, fun() -> 5 end, {with, [fun(X) -> 5 = X end]}}.
