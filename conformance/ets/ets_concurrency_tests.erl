%% Tables shared by many processes at once: counters updated concurrently
%% lose no increments, readers see whole objects, a dying owner's table
%% vanishes for everyone, and chunked selects walk a table that others
%% write to.
-module(ets_concurrency_tests).
-include_lib("eunit/include/eunit.hrl").

run_all(N, F) ->
    Self = self(),
    Pids = [spawn_link(fun() -> F(I), Self ! {done, self()} end) || I <- lists:seq(1, N)],
    [receive {done, P} -> ok end || P <- Pids],
    ok.

concurrent_update_counter_loses_nothing_test() ->
    T = ets:new(t, [public, {write_concurrency, true}]),
    ets:insert(T, {c, 0}),
    run_all(20, fun(_) -> [ets:update_counter(T, c, 1) || _ <- lists:seq(1, 500)] end),
    ?assertEqual([{c, 10000}], ets:lookup(T, c)),
    ets:delete(T).

concurrent_inserts_all_kept_test() ->
    T = ets:new(t, [public, ordered_set]),
    run_all(10, fun(I) -> [ets:insert(T, {{I, J}, J}) || J <- lists:seq(1, 200)] end),
    ?assertEqual(2000, ets:info(T, size)),
    ?assertEqual({1, 1}, ets:first(T)),
    ?assertEqual({10, 200}, ets:last(T)),
    ets:delete(T).

concurrent_insert_new_has_one_winner_test() ->
    T = ets:new(t, [public]),
    Self = self(),
    run_all(16, fun(I) -> Self ! {won, I, ets:insert_new(T, {prize, I})} end),
    Wins = [I || _ <- lists:seq(1, 16), {won, I, true} <- [receive W -> W end]],
    ?assertEqual(1, length(Wins)),
    ?assertEqual([{prize, hd(Wins)}], ets:lookup(T, prize)),
    ets:delete(T).

readers_see_whole_objects_test() ->
    T = ets:new(t, [public, {read_concurrency, true}]),
    ets:insert(T, {k, 0, 0}),
    Self = self(),
    spawn_link(fun() -> [ets:insert(T, {k, N, N}) || N <- lists:seq(1, 2000)], Self ! written end),
    Torn = [X || _ <- lists:seq(1, 2000), [{k, A, B}] = X <- [ets:lookup(T, k)], A =/= B],
    ?assertEqual([], Torn),
    receive written -> ok end,
    ets:delete(T).

owner_death_deletes_for_everyone_test() ->
    Self = self(),
    Owner = spawn(fun() ->
                          T = ets:new(t, [public]),
                          ets:insert(T, {a, 1}),
                          Self ! {table, T},
                          receive stop -> ok end
                  end),
    T = receive {table, Tab} -> Tab end,
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    Ref = monitor(process, Owner),
    Owner ! stop,
    receive {'DOWN', Ref, process, Owner, _} -> ok end,
    ?assertEqual(undefined, ets:info(T)),
    ?assertError(badarg, ets:lookup(T, a)).

chunked_select_while_others_write_test() ->
    T = ets:new(t, [public, ordered_set]),
    ets:insert(T, [{N} || N <- lists:seq(1, 100)]),
    Self = self(),
    spawn_link(fun() -> [ets:insert(T, {N}) || N <- lists:seq(101, 300)], Self ! written end),
    Keys = walk(ets:select(T, [{{'$1'}, [{'=<', '$1', 100}], ['$1']}], 7)),
    ?assertEqual(lists:seq(1, 100), Keys),
    receive written -> ok end,
    ets:delete(T).

walk('$end_of_table') -> [];
walk({Keys, Cont}) -> Keys ++ walk(ets:select(Cont)).

named_table_visible_to_all_test() ->
    N = ets_concurrency_named_xyz,
    ets:new(N, [named_table, public]),
    run_all(5, fun(I) -> ets:insert(N, {I, self()}) end),
    ?assertEqual(5, ets:info(N, size)),
    ets:delete(N).
