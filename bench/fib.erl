%% Call-heavy benchmark: naive doubly recursive Fibonacci. Prints the
%% result and, on a second line, the microseconds spent in fib/1 alone
%% (start-up excluded), which scripts/bench.sh reads.
-module(fib).
-export([main/1]).

main(_) ->
    T0 = erlang:monotonic_time(microsecond),
    V = fib(27),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p~n~p~n", [V, T1 - T0]).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
