-module(alias_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: process aliases of OTP 25 -- erlang:alias/0,1,
%% erlang:unalias/1, monitor/3 with {alias, Mode} and {tag, Tag},
%% spawn_opt's {monitor, Opts}, and sends to aliases and to references
%% that are no alias (silently dropped).
%%
%% The calls are written erlang:alias/erlang:unalias (they are also
%% auto-imported in OTP 25). "Dropped" is checked without sleeping: the
%% sender follows the send with a marker message to the receiver, and
%% messages of one sender to one receiver arrive in order, so the marker
%% coming first proves the earlier message was not delivered.

id(X) -> X.

%% The next message, or `timeout`.
next() ->
    receive M -> M after 5000 -> timeout end.

%% Sends Msg to Alias, then a marker to self(): the message that comes
%% first (Msg if the alias delivered it, else the marker).
send_and_mark(Alias, Msg) ->
    Marker = {marker, make_ref()},
    Alias ! Msg,
    self() ! Marker,
    case next() of
        Marker -> dropped;
        Msg -> receive Marker -> delivered after 5000 -> marker_lost end;
        Other -> {unexpected, Other}
    end.

idle() ->
    receive stop -> ok end.

wait_down(Ref) ->
    receive {'DOWN', Ref, process, _, R} -> R after 5000 -> timeout end.

%% A process that has ended (and is known to have ended).
dead_pid() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    normal = wait_down(Ref),
    Pid.

%% ---- alias/0,1 and unalias/1 ------------------------------------------------

alias0_send_receive_test() ->
    A = erlang:alias(),
    ?assertEqual(hello, A ! hello),
    ?assertEqual(hello, next()),
    ?assertEqual({two, 2}, erlang:send(A, {two, 2})),
    ?assertEqual({two, 2}, next()),
    ?assertEqual(ok, erlang:send(A, three, [noconnect])),
    ?assertEqual(three, next()),
    ?assertEqual(ok, erlang:send(A, four, [nosuspend, noconnect])),
    ?assertEqual(four, next()),
    ?assert(erlang:unalias(A)).

alias0_stays_active_test() ->
    A = erlang:alias(),
    ?assertEqual(delivered, send_and_mark(A, one)),
    ?assertEqual(delivered, send_and_mark(A, two)),
    ?assertEqual(delivered, send_and_mark(A, three)),
    ?assert(erlang:unalias(A)).

alias_is_reference_test() ->
    A = erlang:alias(),
    ?assert(is_reference(A)),
    ?assertNot(is_pid(A)),
    ?assertEqual(node(), node(A)),
    ?assertNotEqual(A, erlang:alias()),
    ?assertNotEqual(A, make_ref()),
    ?assert(A < self()),
    ?assert(A > 1).

alias_term_roundtrip_test() ->
    A = erlang:alias(),
    B = binary_to_term(term_to_binary(A)),
    ?assertEqual(A, B),
    ?assertEqual(delivered, send_and_mark(B, via_copy)),
    ?assert(erlang:unalias(A)).

messages_to_alias_keep_order_test() ->
    A = erlang:alias(),
    A ! a,
    self() ! b,
    A ! c,
    ?assertEqual([a, b, c], [next(), next(), next()]),
    erlang:unalias(A).

unalias_then_send_dropped_test() ->
    A = erlang:alias(),
    ?assertEqual(true, erlang:unalias(A)),
    ?assertEqual(false, erlang:unalias(A)),
    ?assertEqual(dropped, send_and_mark(A, late)).

unalias_drops_message_sent_before_test() ->
    %% The owner looks its alias up when it handles the message: one sent
    %% before unalias/1 but not yet received is dropped.
    A = erlang:alias(),
    A ! early,
    true = erlang:unalias(A),
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual(Marker, next()).

reply_alias_is_one_shot_test() ->
    A = erlang:alias([reply]),
    A ! first,
    A ! second,
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual([first, Marker], [next(), next()]),
    ?assertEqual(false, erlang:unalias(A)),
    ?assertEqual(dropped, send_and_mark(A, third)).

reply_alias_unalias_before_use_test() ->
    A = erlang:alias([reply]),
    ?assertEqual(true, erlang:unalias(A)),
    ?assertEqual(dropped, send_and_mark(A, never)).

explicit_unalias_option_test() ->
    A = erlang:alias([explicit_unalias]),
    ?assertEqual(delivered, send_and_mark(A, one)),
    ?assertEqual(delivered, send_and_mark(A, two)),
    ?assertEqual(true, erlang:unalias(A)),
    ?assertEqual(dropped, send_and_mark(A, three)).

empty_options_alias_test() ->
    A = erlang:alias([]),
    ?assertEqual(delivered, send_and_mark(A, one)),
    ?assertEqual(delivered, send_and_mark(A, two)),
    ?assertEqual(true, erlang:unalias(A)).

last_alias_option_counts_test() ->
    R = erlang:alias([explicit_unalias, reply]),
    ?assertEqual(delivered, send_and_mark(R, one)),
    ?assertEqual(dropped, send_and_mark(R, two)),
    E = erlang:alias([reply, explicit_unalias]),
    ?assertEqual(delivered, send_and_mark(E, one)),
    ?assertEqual(delivered, send_and_mark(E, two)),
    ?assertEqual(true, erlang:unalias(E)).

%% ---- sends between processes ---------------------------------------------------

send_to_alias_from_other_process_test() ->
    A = erlang:alias(),
    Self = self(),
    Pid = spawn(fun() ->
                        A ! {bang, self()},
                        x = erlang:send(A, x),
                        ok = erlang:send(A, y, [noconnect]),
                        Self ! done
                end),
    ?assertEqual([{bang, Pid}, x, y, done], [next(), next(), next(), next()]),
    erlang:unalias(A).

reply_alias_request_reply_test() ->
    %% The pattern aliases exist for: the server answers to the alias, and
    %% a second (late) answer is dropped.
    Server = spawn(fun() ->
                           receive {call, ReplyTo, X} ->
                                   ReplyTo ! {reply, X * 2},
                                   ReplyTo ! {reply, late}
                           end
                   end),
    A = erlang:alias([reply]),
    Server ! {call, A, 21},
    ?assertEqual({reply, 42}, next()),
    ?assertEqual(stopped, wait_for_exit(Server)),
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual(Marker, next()).

wait_for_exit(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> stopped after 5000 -> timeout end.

send_to_unaliased_from_other_process_test() ->
    A = erlang:alias(),
    true = erlang:unalias(A),
    Self = self(),
    spawn(fun() -> A ! dropped_message, Self ! done end),
    ?assertEqual(done, next()).

unalias_of_other_process_alias_test() ->
    %% unalias/1 of an alias another process owns is false and leaves the
    %% alias active for its owner.
    Self = self(),
    Owner = spawn(fun() ->
                          A = erlang:alias(),
                          Self ! {alias, A},
                          receive M -> Self ! {owner_got, M} end
                  end),
    A = receive {alias, X} -> X after 5000 -> timeout end,
    ?assertEqual(false, erlang:unalias(A)),
    A ! ping,
    ?assertEqual({owner_got, ping}, next()),
    ?assertEqual(stopped, wait_for_exit(Owner)).

alias_of_dead_process_test() ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Self ! {alias, erlang:alias()} end),
    A = receive {alias, X} -> X after 5000 -> timeout end,
    ?assertEqual(normal, wait_down(Ref)),
    ?assertNot(is_process_alive(Pid)),
    ?assert(is_reference(A)),
    ?assertEqual(hello, A ! hello),
    ?assertEqual(x, erlang:send(A, x)),
    ?assertEqual(ok, erlang:send(A, y, [noconnect])),
    ?assertEqual(ok, erlang:send(A, z, [nosuspend])),
    ?assertEqual(false, erlang:unalias(A)),
    ?assertEqual(dropped, send_and_mark(A, w)).

send_to_plain_reference_dropped_test() ->
    R = make_ref(),
    ?assertEqual(x, R ! x),
    ?assertEqual(y, erlang:send(R, y)),
    ?assertEqual(ok, erlang:send(R, z, [noconnect])),
    ?assertEqual(ok, erlang:send(R, z, [])),
    ?assertEqual(dropped, send_and_mark(R, w)),
    ?assertEqual(false, erlang:unalias(R)).

%% ---- monitor/3 aliases ------------------------------------------------------------

monitor_alias_demonitor_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}]),
    ?assert(is_reference(M)),
    ?assertEqual(delivered, send_and_mark(M, one)),
    ?assertEqual(delivered, send_and_mark(M, two)),
    ?assertEqual(true, demonitor(M)),
    ?assertEqual(dropped, send_and_mark(M, three)),
    ?assertEqual(false, erlang:unalias(M)),
    Pid ! stop.

monitor_alias_down_deactivates_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}]),
    Pid ! stop,
    ?assertEqual({'DOWN', M, process, Pid, normal}, next()),
    ?assertEqual(dropped, send_and_mark(M, after_down)),
    ?assertEqual(false, erlang:unalias(M)).

monitor_alias_demonitor_flush_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}]),
    ?assertEqual(true, demonitor(M, [flush, info])),
    ?assertEqual(false, demonitor(M, [info])),
    ?assertEqual(dropped, send_and_mark(M, gone)),
    Pid ! stop.

monitor_alias_explicit_unalias_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, explicit_unalias}]),
    ?assertEqual(true, demonitor(M)),
    %% The alias outlives its monitor.
    ?assertEqual(delivered, send_and_mark(M, still_active)),
    ?assertEqual(true, erlang:unalias(M)),
    ?assertEqual(dropped, send_and_mark(M, gone)),
    Pid ! stop.

monitor_alias_explicit_unalias_outlives_down_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, explicit_unalias}]),
    Pid ! stop,
    ?assertEqual(normal, wait_down(M)),
    ?assertEqual(delivered, send_and_mark(M, after_down)),
    ?assertEqual(true, erlang:unalias(M)).

reply_demonitor_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, reply_demonitor}]),
    M ! reply,
    M ! second,
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual([reply, Marker], [next(), next()]),
    %% The reply also removed the monitor: no 'DOWN' comes.
    ?assertEqual(false, demonitor(M, [info])),
    ?assertEqual({monitors, []}, process_info(self(), monitors)),
    ?assertEqual(false, erlang:unalias(M)),
    Pid ! stop,
    ?assertEqual(stopped, wait_for_exit(Pid)),
    Marker2 = make_ref(),
    self() ! Marker2,
    ?assertEqual(Marker2, next()).

reply_demonitor_ends_with_down_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, reply_demonitor}]),
    Pid ! stop,
    ?assertEqual(normal, wait_down(M)),
    ?assertEqual(dropped, send_and_mark(M, after_down)).

unalias_keeps_the_monitor_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, reply_demonitor}]),
    ?assertEqual(true, erlang:unalias(M)),
    ?assertEqual(dropped, send_and_mark(M, not_a_reply)),
    ?assertEqual({monitors, [{process, Pid}]}, process_info(self(), monitors)),
    Pid ! stop,
    ?assertEqual(normal, wait_down(M)).

monitor_alias_from_other_process_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}]),
    Self = self(),
    spawn(fun() -> M ! {via, self()}, Self ! done end),
    ?assertMatch([{via, _}, done], [next(), next()]),
    demonitor(M),
    spawn(fun() -> M ! late, Self ! done end),
    ?assertEqual(done, next()),
    Pid ! stop.

monitor_alias_by_name_test() ->
    Name = alias_tests_registered,
    Pid = spawn(fun idle/0),
    true = register(Name, Pid),
    M = monitor(process, Name, [{alias, demonitor}]),
    ?assertEqual(delivered, send_and_mark(M, hi)),
    Pid ! stop,
    ?assertEqual({'DOWN', M, process, {Name, node()}, normal}, next()),
    ?assertEqual(dropped, send_and_mark(M, gone)).

monitor_alias_of_dead_process_test() ->
    Dead = dead_pid(),
    M = monitor(process, Dead, [{alias, demonitor}]),
    ?assertEqual(noproc, wait_down(M)),
    ?assertEqual(dropped, send_and_mark(M, after_down)),
    E = monitor(process, Dead, [{alias, explicit_unalias}]),
    ?assertEqual(noproc, wait_down(E)),
    ?assertEqual(delivered, send_and_mark(E, after_down)),
    ?assertEqual(true, erlang:unalias(E)).

monitor_empty_options_is_no_alias_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, []),
    ?assertEqual(dropped, send_and_mark(M, x)),
    ?assertEqual(false, erlang:unalias(M)),
    Pid ! stop,
    ?assertEqual(normal, wait_down(M)).

monitor_self_makes_no_alias_test() ->
    %% Monitoring oneself creates no monitor, hence no alias either.
    M = monitor(process, self(), [{alias, explicit_unalias}]),
    ?assert(is_reference(M)),
    ?assertEqual({monitors, []}, process_info(self(), monitors)),
    ?assertEqual(dropped, send_and_mark(M, x)),
    ?assertEqual(false, erlang:unalias(M)),
    ?assertEqual(false, demonitor(M, [info])).

last_monitor_alias_option_counts_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}, {alias, reply_demonitor}]),
    M ! one,
    M ! two,
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual([one, Marker], [next(), next()]),
    ?assertEqual(false, demonitor(M, [info])),
    Pid ! stop.

monitor_tag_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{tag, my_down}]),
    Pid ! stop,
    ?assertEqual({my_down, M, process, Pid, normal}, next()).

monitor_tag_and_alias_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{tag, {my, tag}}, {alias, demonitor}]),
    ?assertEqual(delivered, send_and_mark(M, hi)),
    Pid ! stop,
    ?assertEqual({{my, tag}, M, process, Pid, normal}, next()),
    ?assertEqual(dropped, send_and_mark(M, gone)).

demonitor_flush_tagged_down_test() ->
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{tag, my_down}]),
    Pid ! stop,
    ok = wait_for_messages(1, 500),
    ?assertEqual(false, demonitor(M, [flush, info])),
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual(Marker, next()).

demonitor_flush_any_five_tuple_test() ->
    %% A monitor still active has no 'DOWN' queued: flush removes nothing.
    %% Once it is gone, flush removes one {_, Ref, _, _, _}, whatever its
    %% first element.
    Pid = spawn(fun idle/0),
    M = monitor(process, Pid, [{alias, demonitor}]),
    Msg = {other, M, a, b, c},
    self() ! Msg,
    self() ! Msg,
    ?assertEqual(true, demonitor(M, [flush])),
    self() ! Msg,
    ?assertEqual(true, demonitor(M, [flush])),
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual([Msg, Msg, Marker], [next(), next(), next()]),
    Pid ! stop.

%% Polls (bounded) until at least N messages are queued.
wait_for_messages(_, 0) ->
    timeout;
wait_for_messages(N, Tries) ->
    case process_info(self(), message_queue_len) of
        {message_queue_len, L} when L >= N -> ok;
        _ -> timer:sleep(10), wait_for_messages(N, Tries - 1)
    end.

spawn_opt_monitor_alias_test() ->
    {Pid, M} = spawn_opt(fun idle/0, [{monitor, [{alias, demonitor}]}]),
    ?assertEqual(delivered, send_and_mark(M, hi)),
    Pid ! stop,
    ?assertEqual({'DOWN', M, process, Pid, normal}, next()),
    ?assertEqual(dropped, send_and_mark(M, gone)).

spawn_opt_monitor_tag_test() ->
    {Pid, M} = spawn_opt(fun() -> exit(bye) end, [{monitor, [{tag, spawned_down}]}]),
    ?assertEqual({spawned_down, M, process, Pid, bye}, next()).

%% ---- bad arguments ------------------------------------------------------------------

alias_badarg_test() ->
    ?assertError(badarg, erlang:alias(id(x))),
    ?assertError(badarg, erlang:alias(id([bogus]))),
    ?assertError(badarg, erlang:alias(id([reply | x]))),
    ?assertError(badarg, erlang:alias(id([{reply}]))).

unalias_badarg_test() ->
    ?assertError(badarg, erlang:unalias(id(x))),
    ?assertError(badarg, erlang:unalias(id(self()))),
    ?assertError(badarg, erlang:unalias(id([]))).

monitor3_badarg_test() ->
    Self = self(),
    ?assertError(badarg, monitor(process, Self, id(bogus))),
    ?assertError(badarg, monitor(process, Self, id([bogus]))),
    ?assertError(badarg, monitor(process, Self, id([{alias, bogus}]))),
    ?assertError(badarg, monitor(process, Self, id([{alias}]))),
    ?assertError(badarg, monitor(process, Self, id([{alias, demonitor, x}]))),
    ?assertError(badarg, monitor(process, Self, id([{alias, demonitor} | x]))),
    ?assertError(badarg, monitor(process, Self, id([{tag, a, b}]))),
    ?assertError(badarg, monitor(process, Self, id([{foo, bar}]))),
    ?assertError(badarg, monitor(id(bogus), Self, [])),
    ?assertError(badarg, monitor(process, id(1), [])),
    ?assertError(badarg, monitor(process, id(1), [{alias, demonitor}])).

spawn_opt_monitor_badarg_test() ->
    ?assertError(badarg, spawn_opt(fun idle/0, [{monitor, id([bogus])}])),
    ?assertError(badarg, spawn_opt(fun idle/0, [{monitor, id(bogus)}])).

send_to_alias_badarg_test() ->
    A = erlang:alias(),
    ?assertError(badarg, erlang:send(A, x, id([bogus]))),
    ?assertError(badarg, erlang:send(A, x, id(bogus))),
    ?assertError(badarg, erlang:send(A, x, id([nosuspend | a]))),
    ?assertError(badarg, erlang:send(self(), x, id([{a, b}]))),
    ?assertError(badarg, erlang:send({A, node()}, x)),
    ?assertError(badarg, erlang:send_after(10, A, x)),
    ?assertError(badarg, erlang:start_timer(10, A, x)),
    ?assertError(badarg, exit(A, x)),
    ?assertError(badarg, link(A)),
    ?assertEqual(true, erlang:unalias(A)),
    Marker = make_ref(),
    self() ! Marker,
    ?assertEqual(Marker, next()).
