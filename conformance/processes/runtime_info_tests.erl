-module(runtime_info_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: run-time introspection of OTP 25 -- statistics/1,
%% system_info/1, the time functions, process_info/2 of another live
%% process, processes/0 -- and message ordering guarantees (one sender's
%% messages arrive in order, and before its exit signal or 'DOWN').
%%
%% Every test synchronises with messages and monitors; the only sleeps are
%% inside bounded poll loops, for states OTP does not promise to reach at
%% a given signal (a process counted or listed while it is still exiting,
%% a process not yet blocked in receive).

-export([target_loop/2]).

id(X) -> X.

%% A `{Total, SinceLastCall}` pair of non-negative integers.
assert_counter_pair({Total, Since}) ->
    ?assert(is_integer(Total) andalso Total >= 0),
    ?assert(is_integer(Since) andalso Since >= 0).

%% ---- statistics/1 -----------------------------------------------------------

statistics_reductions_shape_test() ->
    assert_counter_pair(statistics(reductions)).

statistics_reductions_total_non_decreasing_test() ->
    {T0, _} = statistics(reductions),
    _ = lists:sum(lists:seq(1, 1000)),
    {T1, _} = statistics(reductions),
    ?assert(T1 >= T0).

statistics_runtime_shape_test() ->
    assert_counter_pair(statistics(runtime)).

statistics_runtime_total_non_decreasing_test() ->
    {T0, _} = statistics(runtime),
    _ = lists:sum(lists:seq(1, 10000)),
    {T1, _} = statistics(runtime),
    ?assert(T1 >= T0).

statistics_wall_clock_shape_test() ->
    assert_counter_pair(statistics(wall_clock)).

statistics_wall_clock_advances_test() ->
    {W0, _} = statistics(wall_clock),
    timer:sleep(20),
    {W1, _} = statistics(wall_clock),
    ?assert(W1 - W0 >= 15).

statistics_run_queue_test() ->
    N = statistics(run_queue),
    ?assert(is_integer(N) andalso N >= 0).

statistics_context_switches_test() ->
    ?assertMatch({N, 0} when is_integer(N) andalso N >= 0, statistics(context_switches)).

statistics_bad_item_badarg_test() ->
    ?assertError(badarg, statistics(id(bad_item))),
    ?assertError(badarg, statistics(id(42))),
    ?assertError(badarg, statistics(id("runtime"))).

%% ---- system_info/1 ----------------------------------------------------------

system_info_schedulers_test() ->
    N = erlang:system_info(schedulers),
    ?assert(is_integer(N) andalso N >= 1).

system_info_schedulers_online_test() ->
    Online = erlang:system_info(schedulers_online),
    ?assert(is_integer(Online) andalso Online >= 1),
    ?assert(Online =< erlang:system_info(schedulers)).

system_info_process_count_positive_test() ->
    N = erlang:system_info(process_count),
    ?assert(is_integer(N) andalso N >= 1).

system_info_process_count_grows_and_shrinks_test() ->
    C0 = erlang:system_info(process_count),
    Pid = spawn_waiting(fun() -> ok end),
    C1 = erlang:system_info(process_count),
    ?assert(C1 >= C0 + 1),
    ok = kill_and_wait(Pid),
    %% the process may still be counted while it finishes exiting after its
    %% 'DOWN' was sent; it is gone soon after
    ?assertEqual(ok, poll(fun() -> erlang:system_info(process_count) < C1 end)).

system_info_process_limit_test() ->
    Limit = erlang:system_info(process_limit),
    ?assert(is_integer(Limit)),
    ?assert(Limit > erlang:system_info(process_count)).

system_info_otp_release_test() ->
    R = erlang:system_info(otp_release),
    ?assert(is_list(R)),
    ?assert(R =/= []),
    ?assert(lists:all(fun(C) -> C >= $0 andalso C =< $9 end, R)),
    ?assert(list_to_integer(R) >= 25).

system_info_wordsize_test() ->
    ?assertEqual(8, erlang:system_info(wordsize)).

system_info_unknown_badarg_test() ->
    ?assertError(badarg, erlang:system_info(id(no_such_system_info_item_xyz))),
    ?assertError(badarg, erlang:system_info(id(42))).

%% ---- time -------------------------------------------------------------------

monotonic_time_non_decreasing_test() ->
    Ts = [erlang:monotonic_time() || _ <- lists:seq(1, 200)],
    ?assert(lists:all(fun erlang:is_integer/1, Ts)),
    ?assertEqual(Ts, lists:sort(Ts)),
    Ms = [erlang:monotonic_time(millisecond) || _ <- lists:seq(1, 200)],
    ?assertEqual(Ms, lists:sort(Ms)).

monotonic_time_units_consistent_test() ->
    M1 = erlang:monotonic_time(millisecond),
    Us = erlang:monotonic_time(microsecond),
    M2 = erlang:monotonic_time(millisecond),
    %% monotonic time may be negative: allow 1 for div rounding toward zero
    ?assert(M1 - 1 =< Us div 1000),
    ?assert(Us div 1000 =< M2 + 1).

monotonic_time_native_convert_test() ->
    N = erlang:monotonic_time(),
    S = erlang:monotonic_time(second),
    ?assert(abs(erlang:convert_time_unit(N, native, second) - S) =< 1),
    N2 = erlang:monotonic_time(native),
    ?assert(N2 >= N).

monotonic_time_bad_unit_badarg_test() ->
    ?assertError(badarg, erlang:monotonic_time(id(no_such_unit))).

system_time_integer_test() ->
    ?assert(is_integer(erlang:system_time())),
    S = erlang:system_time(second),
    %% after 2020-01-01 and before 2200-01-01
    ?assert(S > 1577836800),
    ?assert(S < 7258118400).

system_time_units_consistent_test() ->
    M1 = erlang:system_time(millisecond),
    Us = erlang:system_time(microsecond),
    Ns = erlang:system_time(nanosecond),
    M2 = erlang:system_time(millisecond),
    ?assert(M1 =< Us div 1000),
    ?assert(Us div 1000 =< M2),
    ?assert(Us =< Ns div 1000),
    ?assert(Ns div 1000000 =< M2).

system_time_bad_unit_badarg_test() ->
    ?assertError(badarg, erlang:system_time(id(no_such_unit))).

os_timestamp_shape_test() ->
    {Mega, Sec, Micro} = os:timestamp(),
    ?assert(is_integer(Mega) andalso Mega > 0),
    ?assert(is_integer(Sec) andalso Sec >= 0 andalso Sec < 1000000),
    ?assert(is_integer(Micro) andalso Micro >= 0 andalso Micro < 1000000).

os_timestamp_matches_system_time_test() ->
    {Mega, Sec, Micro} = os:timestamp(),
    Us = erlang:system_time(microsecond),
    TsUs = (Mega * 1000000 + Sec) * 1000000 + Micro,
    ?assert(abs(Us - TsUs) < 1000000).

yield_returns_true_test() ->
    ?assertEqual(true, erlang:yield()),
    ?assertEqual(true, erlang:yield()).

%% ---- process_info/2 of another process --------------------------------------

pi_other_message_queue_len_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual({message_queue_len, 0}, process_info(Pid, message_queue_len)),
    [Pid ! {m, N} || N <- lists:seq(1, 5)],
    ?assertEqual({message_queue_len, 5}, process_info(Pid, message_queue_len)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_messages_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual({messages, []}, process_info(Pid, messages)),
    Pid ! first, Pid ! {second, [1, 2]}, Pid ! <<"third">>,
    ?assertEqual({messages, [first, {second, [1, 2]}, <<"third">>]},
                 process_info(Pid, messages)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_messages_kept_by_selective_receive_test() ->
    %% the target's receive matches only stop_target_xyz, so other messages
    %% stay queued after it has looked at them
    Pid = spawn_waiting(fun() -> ok end),
    Pid ! a, Pid ! b,
    ok = wait_until_waiting(Pid),
    ?assertEqual({message_queue_len, 2}, process_info(Pid, message_queue_len)),
    ?assertEqual({messages, [a, b]}, process_info(Pid, messages)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_links_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual({links, []}, process_info(Pid, links)),
    true = link(Pid),
    ?assertEqual({links, [self()]}, process_info(Pid, links)),
    {links, Mine} = process_info(self(), links),
    ?assert(lists:member(Pid, Mine)),
    true = unlink(Pid),
    ?assertEqual({links, []}, process_info(Pid, links)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_links_made_by_target_test() ->
    Self = self(),
    Pid = spawn_waiting(fun() -> link(Self) end),
    ?assertEqual({links, [Self]}, process_info(Pid, links)),
    unlink(Pid),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_monitored_by_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual({monitored_by, []}, process_info(Pid, monitored_by)),
    Ref = monitor(process, Pid),
    {monitored_by, By} = process_info(Pid, monitored_by),
    ?assert(lists:member(self(), By)),
    true = demonitor(Ref, [flush]),
    ?assertEqual({monitored_by, []}, process_info(Pid, monitored_by)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_self_monitors_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    {monitors, Before} = process_info(self(), monitors),
    ?assertNot(lists:member({process, Pid}, Before)),
    Ref = monitor(process, Pid),
    {monitors, After} = process_info(self(), monitors),
    ?assert(lists:member({process, Pid}, After)),
    true = demonitor(Ref, [flush]),
    {monitors, Final} = process_info(self(), monitors),
    ?assertNot(lists:member({process, Pid}, Final)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_monitors_made_by_target_test() ->
    Self = self(),
    Pid = spawn_waiting(fun() -> monitor(process, Self) end),
    ?assertEqual({monitors, [{process, Self}]}, process_info(Pid, monitors)),
    {monitored_by, By} = process_info(self(), monitored_by),
    ?assert(lists:member(Pid, By)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_monitor_by_name_listed_test() ->
    Name = unique_name(pi_mon_name),
    Pid = spawn_waiting(fun() -> ok end),
    true = register(Name, Pid),
    Ref = monitor(process, Name),
    {monitors, Ms} = process_info(self(), monitors),
    ?assert(lists:member({process, {Name, node()}}, Ms)),
    true = demonitor(Ref, [flush]),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_dictionary_test() ->
    Pid = spawn_waiting(fun() -> put(colour, blue), put(size, 42) end),
    {dictionary, D} = process_info(Pid, dictionary),
    ?assertEqual([{colour, blue}, {size, 42}], lists:sort(D)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_trap_exit_test() ->
    P1 = spawn_waiting(fun() -> process_flag(trap_exit, true) end),
    P2 = spawn_waiting(fun() -> ok end),
    ?assertEqual({trap_exit, true}, process_info(P1, trap_exit)),
    ?assertEqual({trap_exit, false}, process_info(P2, trap_exit)),
    ?assertEqual(ok, kill_and_wait(P1)),
    ?assertEqual(ok, kill_and_wait(P2)).

pi_other_registered_name_test() ->
    Name = unique_name(pi_other_reg),
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual([], process_info(Pid, registered_name)),
    true = register(Name, Pid),
    ?assertEqual({registered_name, Name}, process_info(Pid, registered_name)),
    true = unregister(Name),
    ?assertEqual([], process_info(Pid, registered_name)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_registered_name_by_target_test() ->
    Name = unique_name(pi_self_reg),
    Pid = spawn_waiting(fun() -> register(Name, self()) end),
    ?assertEqual({registered_name, Name}, process_info(Pid, registered_name)),
    ?assertEqual(Pid, whereis(Name)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_initial_call_mfa_test() ->
    Ref = make_ref(),
    Pid = spawn(?MODULE, target_loop, [self(), Ref]),
    receive {Ref, ready} -> ok after 5000 -> error(not_ready) end,
    ?assertEqual({initial_call, {?MODULE, target_loop, 2}}, process_info(Pid, initial_call)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_initial_call_fun_test() ->
    %% a process spawned from a fun starts in erlang:apply/2
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual({initial_call, {erlang, apply, 2}}, process_info(Pid, initial_call)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_status_waiting_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ok = wait_until_waiting(Pid),
    ?assertEqual({status, waiting}, process_info(Pid, status)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_list_in_order_test() ->
    Name = unique_name(pi_list),
    Pid = spawn_waiting(fun() -> put(k, v), process_flag(trap_exit, true) end),
    true = register(Name, Pid),
    Pid ! hello,
    ok = wait_until_waiting(Pid),
    ?assertEqual([{registered_name, Name}, {trap_exit, true}, {message_queue_len, 1},
                  {messages, [hello]}, {dictionary, [{k, v}]}, {status, waiting},
                  {links, []}],
                 process_info(Pid, [registered_name, trap_exit, message_queue_len,
                                    messages, dictionary, status, links])),
    ?assertEqual([{links, []}, {trap_exit, true}],
                 process_info(Pid, [links, trap_exit])),
    ?assertEqual([], process_info(Pid, [])),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_list_registered_name_unregistered_test() ->
    %% alone, registered_name of an unregistered process is []; in a list
    %% it is {registered_name, []}
    Pid = spawn_waiting(fun() -> ok end),
    ?assertEqual([], process_info(Pid, registered_name)),
    ?assertEqual([{registered_name, []}], process_info(Pid, [registered_name])),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_other_unknown_item_badarg_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ?assertError(badarg, process_info(Pid, id(no_such_item_xyz))),
    ?assertError(badarg, process_info(Pid, id([status, no_such_item_xyz]))),
    ?assertError(badarg, process_info(Pid, id(42))),
    ?assert(is_process_alive(Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

pi_dead_undefined_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ok = kill_and_wait(Pid),
    ?assertEqual(undefined, process_info(Pid, status)),
    ?assertEqual(undefined, process_info(Pid, message_queue_len)),
    ?assertEqual(undefined, process_info(Pid, registered_name)),
    ?assertEqual(undefined, process_info(Pid, [status, links])),
    ?assertEqual(undefined, process_info(Pid)).

pi_not_a_pid_badarg_test() ->
    ?assertError(badarg, process_info(id(not_a_pid), status)),
    ?assertError(badarg, process_info(id(42), status)),
    ?assertError(badarg, process_info(id(not_a_pid))).

pi_self_list_with_bogus_badarg_test() ->
    ?assertError(badarg, process_info(self(), id([status, bogus]))),
    ?assertError(badarg, process_info(self(), id([status | messages]))).

%% ---- is_process_alive/1, processes/0 ----------------------------------------

is_process_alive_false_after_down_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> exit(done) end),
    done = receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end,
    ?assertNot(is_process_alive(Pid)).

processes_contains_self_and_spawned_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    Ps = processes(),
    ?assert(lists:member(self(), Ps)),
    ?assert(lists:member(Pid, Ps)),
    ?assert(lists:all(fun erlang:is_pid/1, Ps)),
    ?assertEqual(ok, kill_and_wait(Pid)).

processes_excludes_dead_test() ->
    Pid = spawn_waiting(fun() -> ok end),
    ok = kill_and_wait(Pid),
    %% an exiting process is still listed by processes/0 until it is gone
    ?assertEqual(ok, poll(fun() -> not lists:member(Pid, processes()) end)).

%% ---- send to names ----------------------------------------------------------

send_to_name_node_delivers_test() ->
    Name = unique_name(rt_name_node),
    Pid = spawn_waiting(fun() -> ok end),
    true = register(Name, Pid),
    Ref = make_ref(),
    ?assertEqual({Ref, via_tuple}, {Name, node()} ! {Ref, via_tuple}),
    ?assertEqual({messages, [{Ref, via_tuple}]}, process_info(Pid, messages)),
    ?assertEqual(ok, kill_and_wait(Pid)).

send_to_self_name_node_delivers_test() ->
    Name = unique_name(rt_self_name),
    true = register(Name, self()),
    Ref = make_ref(),
    {Name, node()} ! {Ref, to_me},
    ?assertEqual(to_me, receive {Ref, X} -> X after 5000 -> timeout end),
    true = unregister(Name).

send_to_unregistered_name_node_returns_msg_test() ->
    ?assertEqual(x, {id(unregistered_name_xyz), node()} ! x),
    ?assertEqual({x, 1}, erlang:send({id(unregistered_name_xyz), node()}, {x, 1})).

send_to_unregistered_name_badarg_test() ->
    ?assertError(badarg, id(unregistered_name_xyz) ! x),
    ?assertError(badarg, erlang:send(id(unregistered_name_xyz), x)).

%% ---- ordering guarantees ----------------------------------------------------

order_1000_messages_one_sender_test() ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() -> [Self ! {Ref, N} || N <- lists:seq(1, 1000)], ok end),
    Got = [receive {Ref, X} -> X after 5000 -> timeout end || _ <- lists:seq(1, 1000)],
    ?assertEqual(lists:seq(1, 1000), Got),
    ?assertEqual(normal, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

order_two_senders_each_in_order_test() ->
    Self = self(),
    Ref = make_ref(),
    Send = fun(Tag) -> fun() -> [Self ! {Ref, Tag, N} || N <- lists:seq(1, 300)] end end,
    {P1, M1} = spawn_monitor(Send(a)),
    {P2, M2} = spawn_monitor(Send(b)),
    All = [receive {Ref, T, N} -> {T, N} after 5000 -> timeout end || _ <- lists:seq(1, 600)],
    ?assertEqual(lists:seq(1, 300), [N || {a, N} <- All]),
    ?assertEqual(lists:seq(1, 300), [N || {b, N} <- All]),
    normal = receive {'DOWN', M1, process, P1, R1} -> R1 after 5000 -> timeout end,
    ?assertEqual(normal, receive {'DOWN', M2, process, P2, R2} -> R2 after 5000 -> timeout end).

message_before_exit_signal_test() ->
    process_flag(trap_exit, true),
    Self = self(),
    Ref = make_ref(),
    Pid = spawn_link(fun() -> Self ! {Ref, last_words}, exit(bye) end),
    First = receive
                {Ref, last_words} -> message;
                {'EXIT', Pid, _} -> exit_signal
            after 5000 -> timeout
            end,
    ?assertEqual(message, First),
    ?assertEqual(bye, receive {'EXIT', Pid, R} -> R after 5000 -> timeout end),
    process_flag(trap_exit, false).

many_messages_before_exit_signal_test() ->
    process_flag(trap_exit, true),
    Self = self(),
    Ref = make_ref(),
    Pid = spawn_link(fun() -> [Self ! {Ref, N} || N <- lists:seq(1, 200)], exit(bye) end),
    Got = collect_until_exit(Ref, Pid, []),
    ?assertEqual({lists:seq(1, 200), bye}, Got),
    process_flag(trap_exit, false).

message_before_down_test() ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() -> Self ! {Ref, last_words}, exit(bye) end),
    First = receive
                {Ref, last_words} -> message;
                {'DOWN', MRef, process, Pid, _} -> down
            after 5000 -> timeout
            end,
    ?assertEqual(message, First),
    ?assertEqual(bye, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

message_before_down_after_monitor_test() ->
    %% the monitor is set up by the receiver, after the process started
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() -> receive {Ref, go} -> Self ! {Ref, last_words}, exit(bye) end end),
    MRef = monitor(process, Pid),
    Pid ! {Ref, go},
    First = receive
                {Ref, last_words} -> message;
                {'DOWN', MRef, process, Pid, _} -> down
            after 5000 -> timeout
            end,
    ?assertEqual(message, First),
    ?assertEqual(bye, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

%% ---- helpers ----------------------------------------------------------------

unique_name(Base) ->
    list_to_atom(atom_to_list(Base) ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))).

%% The body of a target process: tells Parent it is ready, then waits for
%% a message that is never sent (so other messages stay in its queue).
target_loop(Parent, Ref) ->
    Parent ! {Ref, ready},
    receive stop_target_xyz -> ok end.

%% Spawns a process that runs Setup(), signals readiness and then waits in
%% a receive matching only stop_target_xyz; returns once it is ready.
spawn_waiting(Setup) ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() -> Setup(), target_loop(Self, Ref) end),
    receive {Ref, ready} -> Pid after 5000 -> error(target_not_ready) end.

kill_and_wait(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, Pid, _} -> ok after 5000 -> timeout end.

%% Waits (bounded) until Pid is blocked in receive.
wait_until_waiting(Pid) ->
    poll(fun() -> process_info(Pid, status) =:= {status, waiting} end).

%% Calls Pred until it returns true, at most 400 times 5 ms apart.
poll(Pred) -> poll(Pred, 400).

poll(_Pred, 0) -> timeout;
poll(Pred, N) ->
    case Pred() of
        true -> ok;
        false -> timer:sleep(5), poll(Pred, N - 1)
    end.

collect_until_exit(Ref, Pid, Acc) ->
    receive
        {Ref, N} -> collect_until_exit(Ref, Pid, [N | Acc]);
        {'EXIT', Pid, R} -> {lists:reverse(Acc), R}
    after 5000 -> {lists:reverse(Acc), timeout}
    end.
