%% Message-passing benchmark: a ring of N processes passes a token around
%% M times (N * M messages). Prints the hop count and, on the last line,
%% the microseconds from the first spawn to the token's last hop.
-module(ring).
-export([main/1]).

-define(N, 1000).
-define(M, 1000).

main(_) ->
    T0 = erlang:monotonic_time(microsecond),
    Self = self(),
    Pids = [spawn(fun() -> receive {next, Next} -> relay(Next, Self) end end)
            || _ <- lists:seq(1, ?N)],
    [First | Rest] = Pids,
    lists:foreach(fun({P, Next}) -> P ! {next, Next} end,
                  lists:zip(Pids, Rest ++ [First])),
    First ! {token, ?N * ?M},
    receive {done, Hops} -> ok end,
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p~n~p~n", [Hops, T1 - T0]).

relay(Next, Main) ->
    receive
        {token, 0} ->
            Main ! {done, ?N * ?M},
            relay(Next, Main);
        {token, K} ->
            Next ! {token, K - 1},
            relay(Next, Main)
    end.
