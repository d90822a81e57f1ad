-module(processes_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: spawning, sending, registering, receiving and process_info
%% of OTP 25.

-export([echo_loop/0, reply_to/2]).

id(X) -> X.

%% A process that echoes {echo, From, Msg} back as {echoed, Msg} and stops on stop.
echo_loop() ->
    receive
        {echo, From, Msg} -> From ! {echoed, Msg}, echo_loop();
        stop -> ok
    end.

reply_to(Pid, Msg) -> Pid ! Msg.

%% A process that waits forever (until killed or told to stop).
idle() ->
    receive stop -> ok end.

kill_and_wait(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, Pid, _} -> ok after 5000 -> timeout end.

wait_dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end.

flush_tag(Tag) ->
    receive {Tag, _} -> flush_tag(Tag) after 0 -> ok end.

unique_name(Base) ->
    list_to_atom(atom_to_list(Base) ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))).

%% ---- spawn / self ---------------------------------------------------------

spawn1_runs_fun_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() -> Self ! {Ref, self()} end),
    ?assert(is_pid(Pid)),
    ?assertEqual(ok, receive {Ref, Pid} -> ok after 5000 -> timeout end).

spawn3_runs_mfa_test() ->
    Ref = make_ref(),
    Pid = spawn(?MODULE, reply_to, [self(), {Ref, hello}]),
    ?assert(is_pid(Pid)),
    ?assertEqual(hello, receive {Ref, X} -> X after 5000 -> timeout end).

spawn_new_pid_differs_test() ->
    Pid = spawn(fun idle/0),
    ?assert(Pid =/= self()),
    ?assertEqual(ok, kill_and_wait(Pid)).

spawn_undef_mfa_dies_undef_test() ->
    Pid = spawn(no_such_module_xyz, f, []),
    ?assertMatch({undef, [{no_such_module_xyz, f, [], _} | _]}, wait_dead(Pid)).

self_is_pid_test() ->
    ?assert(is_pid(self())),
    ?assertEqual(self(), self()),
    ?assertEqual(node(), node(self())).

spawn_opt_link_test() ->
    Pid = spawn_opt(fun idle/0, [link]),
    ?assert(is_pid(Pid)),
    {links, Links} = process_info(self(), links),
    ?assert(lists:member(Pid, Links)),
    unlink(Pid),
    ?assertEqual(ok, kill_and_wait(Pid)).

spawn_opt_monitor_test() ->
    Result = spawn_opt(fun() -> exit(bye) end, [monitor]),
    ?assertMatch({Pid, Ref} when is_pid(Pid) andalso is_reference(Ref), Result),
    {Pid, Ref} = Result,
    ?assertEqual(bye, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end).

spawn_opt_link_and_monitor_test() ->
    {Pid, Ref} = spawn_opt(fun idle/0, [link, monitor]),
    {links, Links} = process_info(self(), links),
    ?assert(lists:member(Pid, Links)),
    unlink(Pid),
    exit(Pid, kill),
    ?assertEqual(killed, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end).

%% ---- send -----------------------------------------------------------------

send_returns_message_test() ->
    Ref = make_ref(),
    ?assertEqual({Ref, msg}, self() ! {Ref, msg}),
    receive {Ref, msg} -> ok end.

erlang_send2_returns_message_test() ->
    Ref = make_ref(),
    ?assertEqual({Ref, m2}, erlang:send(self(), {Ref, m2})),
    ?assertEqual(ok, receive {Ref, m2} -> ok after 1000 -> timeout end).

erlang_send3_returns_ok_test() ->
    Ref = make_ref(),
    ?assertEqual(ok, erlang:send(self(), {Ref, m3}, [])),
    ?assertEqual(ok, erlang:send(self(), {Ref, m4}, [noconnect])),
    ?assertEqual([m3, m4], [receive {Ref, X} -> X after 1000 -> timeout end || _ <- [1, 2]]).

send_to_other_process_test() ->
    Pid = spawn(fun echo_loop/0),
    Pid ! {echo, self(), ping},
    ?assertEqual(ping, receive {echoed, X} -> X after 5000 -> timeout end),
    Pid ! stop,
    ?assertEqual(normal, wait_dead(Pid)).

send_to_dead_pid_ok_test() ->
    Pid = spawn(fun() -> ok end),
    normal = wait_dead(Pid),
    ?assertEqual(msg, Pid ! msg),
    ?assertEqual(msg, erlang:send(Pid, msg)).

send_to_registered_name_test() ->
    Name = unique_name(proc_echo),
    Pid = spawn(fun echo_loop/0),
    true = register(Name, Pid),
    Name ! {echo, self(), via_name},
    ?assertEqual(via_name, receive {echoed, X} -> X after 5000 -> timeout end),
    Pid ! stop,
    ?assertEqual(normal, wait_dead(Pid)).

send_to_name_node_tuple_test() ->
    Name = unique_name(proc_echo2),
    Pid = spawn(fun echo_loop/0),
    true = register(Name, Pid),
    ?assertEqual({echo, self(), tuple}, {Name, node()} ! {echo, self(), tuple}),
    ?assertEqual(tuple, receive {echoed, X} -> X after 5000 -> timeout end),
    Pid ! stop,
    ?assertEqual(normal, wait_dead(Pid)).

send_to_unregistered_name_badarg_test() ->
    ?assertError(badarg, (id(no_such_registered_name_xyz)) ! hello),
    ?assertError(badarg, erlang:send(id(no_such_registered_name_xyz), hello)).

send_to_unregistered_name_node_tuple_no_error_test() ->
    %% OTP 25: sending to {Name, node()} with an unregistered Name does not
    %% raise; the message is dropped and the message is returned
    ?assertEqual(hello, {id(no_such_registered_name_xyz), node()} ! hello),
    ?assertEqual(hello, erlang:send({id(no_such_registered_name_xyz), node()}, hello)).

send_to_non_pid_badarg_test() ->
    ?assertError(badarg, (id(42)) ! hello),
    ?assertError(badarg, (id("str")) ! hello).

%% ---- register / unregister / whereis / registered -------------------------

register_whereis_test() ->
    Name = unique_name(reg_a),
    Pid = spawn(fun idle/0),
    ?assertEqual(true, register(Name, Pid)),
    ?assertEqual(Pid, whereis(Name)),
    ?assert(lists:member(Name, registered())),
    ?assertEqual(ok, kill_and_wait(Pid)).

whereis_unregistered_undefined_test() ->
    ?assertEqual(undefined, whereis(no_such_registered_name_xyz)).

unregister_test() ->
    Name = unique_name(reg_b),
    Pid = spawn(fun idle/0),
    true = register(Name, Pid),
    ?assertEqual(true, unregister(Name)),
    ?assertEqual(undefined, whereis(Name)),
    ?assertNot(lists:member(Name, registered())),
    ?assertEqual(ok, kill_and_wait(Pid)).

unregister_unknown_badarg_test() ->
    ?assertError(badarg, unregister(id(no_such_registered_name_xyz))).

register_name_taken_badarg_test() ->
    Name = unique_name(reg_c),
    P1 = spawn(fun idle/0),
    P2 = spawn(fun idle/0),
    true = register(Name, P1),
    ?assertError(badarg, register(Name, P2)),
    ?assertEqual(P1, whereis(Name)),
    kill_and_wait(P1),
    ?assertEqual(ok, kill_and_wait(P2)).

register_pid_twice_badarg_test() ->
    N1 = unique_name(reg_d),
    N2 = unique_name(reg_e),
    Pid = spawn(fun idle/0),
    true = register(N1, Pid),
    ?assertError(badarg, register(N2, Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

register_undefined_badarg_test() ->
    Pid = spawn(fun idle/0),
    ?assertError(badarg, register(undefined, Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

register_dead_pid_badarg_test() ->
    Pid = spawn(fun() -> ok end),
    normal = wait_dead(Pid),
    ?assertError(badarg, register(unique_name(reg_f), Pid)).

registered_name_freed_on_exit_test() ->
    Name = unique_name(reg_g),
    Pid = spawn(fun idle/0),
    true = register(Name, Pid),
    ok = kill_and_wait(Pid),
    ?assertEqual(undefined, whereis(Name)).

register_self_test() ->
    Name = unique_name(reg_self),
    ?assertEqual(true, register(Name, self())),
    ?assertEqual(self(), whereis(Name)),
    ?assertEqual({registered_name, Name}, process_info(self(), registered_name)),
    ?assertEqual(true, unregister(Name)),
    ?assertEqual([], process_info(self(), registered_name)).

%% ---- receive ----------------------------------------------------------------

selective_receive_keeps_order_test() ->
    Ref = make_ref(),
    self() ! {Ref, a}, self() ! {Ref, b}, self() ! {Ref, target}, self() ! {Ref, c},
    ?assertEqual(target, receive {Ref, target} -> target after 1000 -> timeout end),
    Rest = [receive {Ref, X} -> X after 1000 -> timeout end || _ <- [1, 2, 3]],
    ?assertEqual([a, b, c], Rest).

receive_first_matching_clause_by_message_order_test() ->
    Ref = make_ref(),
    self() ! {Ref, second_clause},
    self() ! {Ref, first_clause},
    %% the oldest message that matches any clause wins, not the first clause
    R = receive {Ref, first_clause} -> 1; {Ref, second_clause} -> 2 after 1000 -> timeout end,
    ?assertEqual(2, R),
    ?assertEqual(1, receive {Ref, first_clause} -> 1 after 1000 -> timeout end).

receive_guard_test() ->
    Ref = make_ref(),
    self() ! {Ref, 1}, self() ! {Ref, 50}, self() ! {Ref, 7},
    ?assertEqual(50, receive {Ref, N} when N > 10 -> N after 1000 -> timeout end),
    ?assertEqual([1, 7], [receive {Ref, X} -> X after 1000 -> timeout end || _ <- [1, 2]]).

receive_guard_exception_is_false_test() ->
    Ref = make_ref(),
    self() ! {Ref, notanumber}, self() ! {Ref, 3},
    ?assertEqual(3, receive {Ref, X} when X + 1 > 0 -> X after 1000 -> timeout end),
    ?assertEqual(notanumber, receive {Ref, Y} -> Y after 1000 -> timeout end).

receive_after_0_empty_test() ->
    Ref = make_ref(),
    ?assertEqual(none, receive {Ref, _} -> got after 0 -> none end).

receive_after_0_present_test() ->
    Ref = make_ref(),
    self() ! {Ref, x},
    ?assertEqual(x, receive {Ref, X} -> X after 0 -> none end).

receive_after_timeout_test() ->
    Ref = make_ref(),
    T0 = erlang:monotonic_time(millisecond),
    R = receive {Ref, _} -> got after 50 -> timed_out end,
    T1 = erlang:monotonic_time(millisecond),
    ?assertEqual(timed_out, R),
    ?assert(T1 - T0 >= 50).

receive_after_only_test() ->
    T0 = erlang:monotonic_time(millisecond),
    ?assertEqual(done, receive after 20 -> done end),
    ?assert(erlang:monotonic_time(millisecond) - T0 >= 20).

receive_after_infinity_with_message_test() ->
    Ref = make_ref(),
    Self = self(),
    spawn(fun() -> Self ! {Ref, late} end),
    ?assertEqual(late, receive {Ref, X} -> X after infinity -> never end).

receive_after_bad_timeout_test() ->
    ?assertError(timeout_value, receive after id(-1) -> ok end),
    ?assertError(timeout_value, receive after id(foo) -> ok end).

message_order_between_two_processes_test() ->
    Self = self(),
    Ref = make_ref(),
    spawn(fun() -> [Self ! {Ref, N} || N <- lists:seq(1, 100)] end),
    Got = [receive {Ref, X} -> X after 5000 -> timeout end || _ <- lists:seq(1, 100)],
    ?assertEqual(lists:seq(1, 100), Got).

%% ---- process status --------------------------------------------------------

is_process_alive_test() ->
    ?assert(is_process_alive(self())),
    Pid = spawn(fun idle/0),
    ?assert(is_process_alive(Pid)),
    ok = kill_and_wait(Pid),
    ?assertNot(is_process_alive(Pid)).

is_process_alive_badarg_test() ->
    ?assertError(badarg, is_process_alive(id(not_a_pid))).

process_info_message_queue_len_test() ->
    Pid = spawn(fun idle/0),
    ?assertEqual({message_queue_len, 0}, process_info(Pid, message_queue_len)),
    Pid ! one, Pid ! two, Pid ! three,
    ?assertEqual({message_queue_len, 3}, process_info(Pid, message_queue_len)),
    ?assertEqual(ok, kill_and_wait(Pid)).

process_info_messages_test() ->
    Pid = spawn(fun() -> receive never_sent_xyz -> ok end end),
    Pid ! {m, 1}, Pid ! {m, 2},
    ?assertEqual({messages, [{m, 1}, {m, 2}]}, process_info(Pid, messages)),
    ?assertEqual(ok, kill_and_wait(Pid)).

process_info_links_test() ->
    Pid = spawn(fun idle/0),
    ?assertEqual({links, []}, process_info(Pid, links)),
    link(Pid),
    ?assertEqual({links, [self()]}, process_info(Pid, links)),
    unlink(Pid),
    ?assertEqual(ok, kill_and_wait(Pid)).

process_info_registered_name_test() ->
    Name = unique_name(pi_reg),
    Pid = spawn(fun idle/0),
    ?assertEqual([], process_info(Pid, registered_name)),
    true = register(Name, Pid),
    ?assertEqual({registered_name, Name}, process_info(Pid, registered_name)),
    ?assertEqual(ok, kill_and_wait(Pid)).

process_info_dictionary_test() ->
    erase(),
    put(k1, v1),
    {dictionary, D} = process_info(self(), dictionary),
    ?assertEqual(v1, proplists:get_value(k1, D)),
    erase(),
    ?assertEqual({dictionary, []}, process_info(self(), dictionary)).

process_info_status_self_running_test() ->
    ?assertEqual({status, running}, process_info(self(), status)).

process_info_status_waiting_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() -> Self ! {Ref, ready}, idle() end),
    receive {Ref, ready} -> ok end,
    wait_until_waiting(Pid, 100),
    ?assertEqual({status, waiting}, process_info(Pid, status)),
    ?assertEqual(ok, kill_and_wait(Pid)).

wait_until_waiting(_Pid, 0) -> ok;
wait_until_waiting(Pid, N) ->
    case process_info(Pid, status) of
        {status, waiting} -> ok;
        _ -> timer:sleep(5), wait_until_waiting(Pid, N - 1)
    end.

process_info_list_test() ->
    Self = self(),
    ?assertMatch([{registered_name, _}, {links, _}] when true,
                 process_info(Self, [registered_name, links])),
    [_, {links, L}] = process_info(Self, [registered_name, links]),
    ?assert(is_list(L)).

process_info_dead_undefined_test() ->
    Pid = spawn(fun() -> ok end),
    normal = wait_dead(Pid),
    ?assertEqual(undefined, process_info(Pid, status)),
    ?assertEqual(undefined, process_info(Pid)).

process_info_bad_item_badarg_test() ->
    ?assertError(badarg, process_info(self(), id(no_such_item_xyz))).

processes_contains_self_test() ->
    Ps = processes(),
    ?assert(is_list(Ps)),
    ?assert(lists:member(self(), Ps)),
    ?assert(lists:all(fun erlang:is_pid/1, Ps)).

yield_returns_true_test() ->
    ?assertEqual(true, erlang:yield()).

%% ---- trap_exit / exit/2 ----------------------------------------------------

process_flag_trap_exit_returns_old_test() ->
    Old = process_flag(trap_exit, true),
    ?assertEqual(true, process_flag(trap_exit, false)),
    ?assertEqual(false, process_flag(trap_exit, Old)),
    ?assertEqual({trap_exit, Old}, process_info(self(), trap_exit)).

process_flag_trap_exit_badarg_test() ->
    ?assertError(badarg, process_flag(trap_exit, id(maybe))).

exit2_kills_other_process_test() ->
    Pid = spawn(fun idle/0),
    Ref = monitor(process, Pid),
    ?assertEqual(true, exit(Pid, some_reason)),
    ?assertEqual(some_reason, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end).

exit2_normal_ignored_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() -> receive {Ref, ping} -> Self ! {Ref, pong}, idle() end end),
    true = exit(Pid, normal),
    Pid ! {Ref, ping},
    ?assertEqual(pong, receive {Ref, X} -> X after 5000 -> timeout end),
    ?assert(is_process_alive(Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

exit2_dead_process_true_test() ->
    Pid = spawn(fun() -> ok end),
    normal = wait_dead(Pid),
    ?assertEqual(true, exit(Pid, whatever)).

exit1_reason_seen_by_monitor_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> exit({custom, 1}) end),
    ?assertEqual({custom, 1}, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end),
    flush_tag(unused).
