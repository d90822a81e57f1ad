%% Process life-cycle benchmark: spawns N processes in batches of B with
%% spawn_monitor; each ends at once and the parent reaps every 'DOWN'.
%% Prints the count and, on the last line, the microseconds.
-module(spawn).
-export([main/1]).

-define(N, 200000).
-define(B, 1000).

main(_) ->
    T0 = erlang:monotonic_time(microsecond),
    Count = batches(?N div ?B, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p~n~p~n", [Count, T1 - T0]).

batches(0, Count) ->
    Count;
batches(K, Count) ->
    spawn_batch(?B),
    reap(?B),
    batches(K - 1, Count + ?B).

spawn_batch(0) -> ok;
spawn_batch(I) ->
    spawn_monitor(fun() -> ok end),
    spawn_batch(I - 1).

reap(0) -> ok;
reap(I) ->
    receive {'DOWN', _, process, _, normal} -> reap(I - 1) end.
