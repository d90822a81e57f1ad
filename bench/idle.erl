%% Idle-process benchmark: spawns N processes that wait in `receive`, and
%% reports the memory they take (erlang:memory(total) before and after,
%% per process) on a "bytes_per_process" line. The last line is the
%% microseconds spent spawning.
%% erl: +P 2000000
-module(idle).
-export([main/1]).

-define(N, 1000000).

main(_) ->
    garbage_collect(),
    M0 = erlang:memory(total),
    T0 = erlang:monotonic_time(microsecond),
    Pids = spawn_idle(?N, []),
    T1 = erlang:monotonic_time(microsecond),
    M1 = erlang:memory(total),
    io:format("~p processes~nbytes_per_process ~p~n~p~n",
              [length(Pids), (M1 - M0) div ?N, T1 - T0]).

spawn_idle(0, Acc) -> Acc;
spawn_idle(K, Acc) -> spawn_idle(K - 1, [spawn(fun wait/0) | Acc]).

wait() ->
    receive stop -> ok end.
