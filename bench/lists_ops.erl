%% Data-structure benchmark: building, sorting and folding lists and maps.
%% The last line printed is the microseconds of the work itself.
-module(lists_ops).
-export([main/1]).

main(_) ->
    T0 = erlang:monotonic_time(microsecond),
    L = [(I * 7919) rem 100003 || I <- lists:seq(1, 200000)],
    S = lists:sort(L),
    M = lists:foldl(fun(X, Acc) -> Acc#{X rem 1000 => X} end, #{}, L),
    Sum = lists:foldl(fun(X, A) -> X + A end, 0, S),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p ~p~n~p~n", [length(S), map_size(M), Sum, T1 - T0]).
