%% Scheduler stress test: many processes exchange messages across every
%% scheduler with random selective receives, links, kills and timers, and
%% the test checks that
%%   - every message is delivered exactly once,
%%   - every monitor fires exactly once (and a removed one never),
%%   - every link delivers exactly one 'EXIT' with the right reason,
%%   - every timer that was not cancelled fires exactly once,
%%   - and the run ends.
%% The same source runs on erl. Usage: ferl run scheduler_stress.erl SEED
%% Prints "ok ..." and exits 0, or prints the failures and exits 1.
-module(scheduler_stress).
-export([main/1]).

-define(WORKERS, 200).
-define(MESSAGES, 300).
-define(GUARDIANS, 40).
-define(VICTIMS, 12).
-define(TIMERS, 20).

main(Args) ->
    Seed = case Args of
               [S | _] -> list_to_integer(S);
               [] -> 1
           end,
    Self = self(),
    Parts = [spawn_link(fun() -> Self ! {part, messages, messages(Seed)} end),
             spawn_link(fun() -> Self ! {part, links, links(Seed)} end),
             spawn_link(fun() -> Self ! {part, timers, timers(Seed)} end)],
    Results = [receive {part, Name, R} -> {Name, R} end || _ <- Parts],
    case [{Name, Why} || {Name, {error, Why}} <- Results] of
        [] ->
            io:format("ok seed ~p: ~p~n", [Seed, [{N, C} || {N, {ok, C}} <- Results]]);
        Failures ->
            io:format("FAILED seed ~p: ~p~n", [Seed, Failures]),
            halt(1)
    end.

%% ---- messages: exactly-once delivery with selective receive ----

messages(Seed) ->
    Self = self(),
    Workers = [spawn_link(fun() -> worker(Self, Seed * 1000 + I) end)
               || I <- lists:seq(1, ?WORKERS)],
    [W ! {peers, Workers} || W <- Workers],
    Reports = [receive {report, W, Got} -> Got end || W <- Workers],
    Received = lists:append(Reports),
    Sent = [{W, N} || W <- Workers, N <- lists:seq(1, ?MESSAGES)],
    Unique = lists:usort(Received),
    Duplicates = length(Received) - length(Unique),
    Lost = lists:sort(Sent) -- Unique,
    if
        Duplicates =/= 0 -> {error, {duplicates, Duplicates}};
        Lost =/= [] -> {error, {lost, length(Lost)}};
        true -> {ok, length(Received)}
    end.

worker(Collector, Seed) ->
    Peers = receive {peers, P} -> list_to_tuple(P) end,
    worker_loop(Collector, Peers, 1, rng(Seed), 0, []).

%% Sends its messages interleaved with receiving; then tells every peer it
%% is done. Messages carry a random tag, and receives sometimes pick a tag
%% first, leaving the others in the mailbox.
worker_loop(Collector, Peers, N, R0, Dones, Got) when N =< ?MESSAGES ->
    {To, R1} = uniform(tuple_size(Peers), R0),
    {TagN, R2} = uniform(3, R1),
    element(To, Peers) ! {msg, self(), N, element(TagN, {a, b, c})},
    {Dones1, Got1, R3} = receive_some(R2, Dones, Got),
    worker_loop(Collector, Peers, N + 1, R3, Dones1, Got1);
worker_loop(Collector, Peers, _, R0, Dones, Got) ->
    [P ! {done, self()} || P <- tuple_to_list(Peers)],
    finish(Collector, tuple_size(Peers), R0, Dones, Got).

receive_some(R0, Dones, Got) ->
    {Pick, R1} = uniform(4, R0),
    receive
        {msg, From, N, Tag} when Pick =:= 1, Tag =:= a -> {Dones, [{From, N} | Got], R1};
        {msg, From, N, Tag} when Pick =:= 2, Tag =/= c -> {Dones, [{From, N} | Got], R1};
        {msg, From, N, _} when Pick >= 3 -> {Dones, [{From, N} | Got], R1};
        {done, _} when Pick >= 3 -> {Dones + 1, Got, R1}
    after 0 ->
        {Dones, Got, R1}
    end.

%% Every peer said done: everything it sent is in the mailbox already.
finish(Collector, Peers, _R, Peers, Got) ->
    Collector ! {report, self(), drain(Got)};
finish(Collector, Peers, R0, Dones, Got) ->
    {Pick, R1} = uniform(3, R0),
    receive
        {msg, From, N, a} when Pick =:= 1 -> finish(Collector, Peers, R1, Dones, [{From, N} | Got]);
        {msg, From, N, _} when Pick > 1 -> finish(Collector, Peers, R1, Dones, [{From, N} | Got]);
        {done, _} -> finish(Collector, Peers, R1, Dones + 1, Got)
    end.

drain(Got) ->
    receive
        {msg, From, N, _} -> drain([{From, N} | Got])
    after 0 ->
        Got
    end.

%% ---- links and monitors: kills, crashes and normal exits ----

links(Seed) ->
    Self = self(),
    Guardians = [spawn_link(fun() -> guardian(Self, Seed * 7919 + I) end)
                 || I <- lists:seq(1, ?GUARDIANS)],
    Results = [receive {guardian, G, Res} -> Res end || G <- Guardians],
    case [E || {error, _} = E <- Results] of
        [] -> {ok, lists:sum([C || {ok, C} <- Results])};
        [{error, Why} | _] -> {error, Why}
    end.

%% Links to and monitors its victims (one monitor in four is removed
%% again), ends each in a random way, and checks what comes back.
guardian(Parent, Seed) ->
    process_flag(trap_exit, true),
    Me = self(),
    {Plans, _} = lists:foldl(
                   fun(_, {Acc, R0}) ->
                           {How, R1} = uniform(3, R0),
                           {Keep, R2} = uniform(4, R1),
                           {[{How, Keep =/= 1} | Acc], R2}
                   end, {[], rng(Seed)}, lists:seq(1, ?VICTIMS)),
    Victims = [begin
                   V = spawn_link(fun() -> victim(Me) end),
                   Ref = monitor(process, V),
                   {V, Ref, How, Keep}
               end || {How, Keep} <- Plans],
    [demonitor(Ref, [flush]) || {_, Ref, _, false} <- Victims],
    [end_victim(V, How) || {V, _, How, _} <- Victims],
    Expected = lists:sort(
                 [{exit, V, reason(How)} || {V, _, How, _} <- Victims] ++
                 [{down, Ref, V, reason(How)} || {V, Ref, How, true} <- Victims]),
    Got = lists:sort(collect_ends(length(Expected), [])),
    Extra = receive Any -> [Any] after 50 -> [] end,
    Res = if
              Got =/= Expected -> {error, {link_or_monitor_mismatch, Got -- Expected, Expected -- Got}};
              Extra =/= [] -> {error, {unexpected, Extra}};
              true -> {ok, length(Got)}
          end,
    Parent ! {guardian, self(), Res}.

victim(Guardian) ->
    receive
        {finish, normal} -> ok;
        {finish, crash} -> exit({crash, self()})
    after 60000 ->
        Guardian ! {victim_timed_out, self()}
    end.

end_victim(V, 1) -> exit(V, kill);
end_victim(V, 2) -> V ! {finish, crash};
end_victim(V, 3) -> V ! {finish, normal}.

reason(1) -> killed;
reason(2) -> crash;
reason(3) -> normal.

collect_ends(0, Acc) ->
    Acc;
collect_ends(N, Acc) ->
    receive
        {'EXIT', V, R} -> collect_ends(N - 1, [{exit, V, simplify(R)} | Acc]);
        {'DOWN', Ref, process, V, R} -> collect_ends(N - 1, [{down, Ref, V, simplify(R)} | Acc])
    after 10000 ->
        Acc
    end.

simplify({crash, _}) -> crash;
simplify(R) -> R.

%% ---- timers: fired or cancelled, never both, never twice ----

timers(Seed) ->
    Self = self(),
    Owners = [spawn_link(fun() -> Self ! {timers, timer_owner(Seed * 31 + I)} end)
              || I <- lists:seq(1, 8)],
    Results = [receive {timers, Res} -> Res end || _ <- Owners],
    case [E || {error, _} = E <- Results] of
        [] -> {ok, lists:sum([C || {ok, C} <- Results])};
        [E | _] -> E
    end.

timer_owner(Seed) ->
    {Timers, R1} = lists:foldl(
                     fun(I, {Acc, R0}) ->
                             {Ms, Ra} = uniform(30, R0),
                             {[{I, erlang:send_after(Ms - 1, self(), {fired, I})} | Acc], Ra}
                     end, {[], rng(Seed)}, lists:seq(1, ?TIMERS)),
    {Cancelled, _} = lists:foldl(
                       fun({I, T}, {Acc, R0}) ->
                               {Pick, Ra} = uniform(2, R0),
                               case Pick =:= 1 andalso erlang:cancel_timer(T) of
                                   Left when is_integer(Left) -> {[I | Acc], Ra};
                                   _ -> {Acc, Ra}
                               end
                       end, {[], R1}, Timers),
    Expected = lists:sort([I || {I, _} <- Timers] -- Cancelled),
    Fired = lists:sort(collect_fired(length(Expected), [])),
    Late = receive {fired, X} -> [X] after 60 -> [] end,
    if
        Fired =/= Expected -> {error, {timers, Fired, Expected}};
        Late =/= [] -> {error, {cancelled_timer_fired, Late}};
        true -> {ok, length(Fired)}
    end.

collect_fired(0, Acc) -> Acc;
collect_fired(N, Acc) ->
    receive {fired, I} -> collect_fired(N - 1, [I | Acc])
    after 5000 -> Acc
    end.

%% ---- a small deterministic generator (xorshift), the same on every runtime ----

rng(Seed) -> (Seed * 2654435761 + 1) band 16#FFFFFFFF bor 1.

uniform(N, X0) ->
    X1 = X0 bxor ((X0 bsl 13) band 16#FFFFFFFF),
    X2 = X1 bxor (X1 bsr 17),
    X3 = X2 bxor ((X2 bsl 5) band 16#FFFFFFFF),
    {X3 rem N + 1, X3}.
