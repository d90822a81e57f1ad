%% Timer benchmark: starts N long timers and cancels them all (the timer
%% service's insert and delete), then starts F short ones (1-20 ms) and
%% receives every message they send. Prints the number of messages
%% received and, on the last line, the microseconds.
-module(timers).
-export([main/1]).

-define(N, 200000).
-define(F, 20000).

main(_) ->
    T0 = erlang:monotonic_time(microsecond),
    Long = [erlang:send_after(60000 + I, self(), {long, I}) || I <- lists:seq(1, ?N)],
    Cancelled = length([ok || R <- Long, is_integer(erlang:cancel_timer(R))]),
    [erlang:send_after(1 + I rem 20, self(), short) || I <- lists:seq(1, ?F)],
    Got = receive_all(?F),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p~n~p~n", [{Cancelled, Got}, T1 - T0]).

receive_all(0) -> 0;
receive_all(K) -> receive short -> 1 + receive_all(K - 1) end.
