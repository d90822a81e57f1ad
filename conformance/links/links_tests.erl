-module(links_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: links, exit signals, trap_exit and monitors of OTP 25.

id(X) -> X.

idle() ->
    receive stop -> ok end.

kill_and_wait(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, Pid, _} -> ok after 5000 -> timeout end.

wait_dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end.

%% Waits until the 'DOWN' message of monitor Ref is in the mailbox (without
%% removing it).
wait_down_queued(Ref) -> wait_down_queued(Ref, 1000).

wait_down_queued(_Ref, 0) -> timeout;
wait_down_queued(Ref, N) ->
    {messages, Ms} = process_info(self(), messages),
    case [M || {'DOWN', R, _, _, _} = M <- Ms, R =:= Ref] of
        [_] -> ok;
        [] -> timer:sleep(2), wait_down_queued(Ref, N - 1)
    end.

dead_pid() ->
    Pid = spawn(fun() -> ok end),
    normal = wait_dead(Pid),
    Pid.

%% Runs Fun in a fresh process (so trap_exit and links do not leak into the
%% test process) and returns its result.
in_proc(Fun) ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() -> Self ! {Ref, Fun()} end),
    receive
        {Ref, R} ->
            receive {'DOWN', MRef, process, Pid, _} -> ok after 5000 -> ok end,
            R;
        {'DOWN', MRef, process, Pid, Reason} -> {died, Reason}
    after 10000 -> timeout
    end.

links_of(Pid) ->
    {links, L} = process_info(Pid, links),
    lists:sort(L).

unique_name(Base) ->
    list_to_atom(atom_to_list(Base) ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))).

%% ---- link / unlink --------------------------------------------------------

link_returns_true_test() ->
    Pid = spawn(fun idle/0),
    ?assertEqual(true, link(Pid)),
    ?assertEqual([self()], links_of(Pid)),
    ?assert(lists:member(Pid, links_of(self()))),
    unlink(Pid),
    ?assertEqual(ok, kill_and_wait(Pid)).

link_twice_one_link_test() ->
    Pid = spawn(fun idle/0),
    true = link(Pid),
    true = link(Pid),
    ?assertEqual([self()], links_of(Pid)),
    unlink(Pid),
    ?assertEqual([], links_of(Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

link_self_true_test() ->
    ?assertEqual(true, link(self())),
    ?assertNot(lists:member(self(), links_of(self()))).

unlink_returns_true_test() ->
    Pid = spawn(fun idle/0),
    link(Pid),
    ?assertEqual(true, unlink(Pid)),
    ?assertEqual([], links_of(Pid)),
    ?assertEqual(true, unlink(Pid)),
    ?assertEqual(ok, kill_and_wait(Pid)).

unlink_dead_true_test() ->
    ?assertEqual(true, unlink(dead_pid())).

link_badarg_test() ->
    ?assertError(badarg, link(id(not_a_pid))),
    ?assertError(badarg, unlink(id(not_a_pid))).

spawn_link_links_test() ->
    R = in_proc(fun() ->
            Pid = spawn_link(fun idle/0),
            L = links_of(Pid),
            unlink(Pid), exit(Pid, kill),
            L =:= [self()]
        end),
    ?assertEqual(true, R).

%% ---- exit signals ----------------------------------------------------------

abnormal_exit_kills_linked_test() ->
    {Middle, MRef} = spawn_monitor(fun() ->
            _ = spawn_link(fun() -> receive go -> exit(crash) end end) ! go,
            idle()
        end),
    R = receive {'DOWN', MRef, process, Middle, Reason} -> Reason after 5000 -> timeout end,
    ?assertEqual(crash, R).

normal_exit_does_not_kill_linked_test() ->
    R = in_proc(fun() ->
            Pid = spawn_link(fun() -> ok end),
            normal = wait_dead(Pid),
            erlang:yield(),
            still_alive
        end),
    ?assertEqual(still_alive, R).

linked_dies_with_error_reason_test() ->
    {Middle, MRef} = spawn_monitor(fun() ->
            spawn_link(fun() -> error(boom) end),
            idle()
        end),
    R = receive {'DOWN', MRef, process, Middle, Reason} -> Reason after 5000 -> timeout end,
    ?assertMatch({boom, [_ | _]}, R).

trap_exit_abnormal_message_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> exit(bad) end),
            receive {'EXIT', Pid, Reason} -> {got, Reason} after 5000 -> timeout end
        end),
    ?assertEqual({got, bad}, R).

trap_exit_normal_message_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> ok end),
            receive {'EXIT', Pid, Reason} -> {got, Reason} after 5000 -> timeout end
        end),
    ?assertEqual({got, normal}, R).

trap_exit_error_reason_shape_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> id(1) + id(a) end),
            receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end
        end),
    ?assertMatch({badarith, [{_, _, _, _} | _]}, R).

trap_exit_throw_reason_shape_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> throw(ball) end),
            receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end
        end),
    ?assertMatch({{nocatch, ball}, [_ | _]}, R).

trap_exit_exit2_message_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Self = self(),
            Pid = spawn(fun() -> exit(Self, hello), idle() end),
            Msg = receive {'EXIT', Pid, Reason} -> {got, Reason} after 5000 -> timeout end,
            exit(Pid, kill),
            Msg
        end),
    ?assertEqual({got, hello}, R).

trap_exit_exit2_normal_message_test() ->
    %% exit(Self, normal) sent by another process becomes a message when trapping
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Self = self(),
            Pid = spawn(fun() -> exit(Self, normal), idle() end),
            Msg = receive {'EXIT', Pid, Reason} -> {got, Reason} after 5000 -> timeout end,
            exit(Pid, kill),
            Msg
        end),
    ?assertEqual({got, normal}, R).

exit2_normal_not_trapping_ignored_test() ->
    R = in_proc(fun() ->
            Self = self(),
            Ref = make_ref(),
            spawn(fun() -> exit(Self, normal), Self ! {Ref, sent} end),
            receive {Ref, sent} -> alive after 5000 -> timeout end
        end),
    ?assertEqual(alive, R).

kill_linked_becomes_killed_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun idle/0),
            exit(Pid, kill),
            receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end
        end),
    ?assertEqual(killed, R).

kill_propagates_as_killed_test() ->
    %% A is killed; B is linked to A and traps exits: B sees 'killed'.
    %% C is linked to A without trapping: it dies with reason 'killed'.
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Self = self(),
            A = spawn(fun idle/0),
            C = spawn(fun() -> link(A), Self ! {c_linked, self()}, idle() end),
            receive {c_linked, C} -> ok end,
            link(A),
            CRef = monitor(process, C),
            exit(A, kill),
            R1 = receive {'EXIT', A, X} -> X after 5000 -> timeout end,
            R2 = receive {'DOWN', CRef, process, C, Y} -> Y after 5000 -> timeout end,
            {R1, R2}
        end),
    ?assertEqual({killed, killed}, R).

exit_kill_untrappable_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() ->
            process_flag(trap_exit, true),
            Self ! {Ref, trapping},
            receive Any -> Self ! {Ref, {got, Any}} end
        end),
    receive {Ref, trapping} -> ok end,
    MRef = monitor(process, Pid),
    exit(Pid, kill),
    ?assertEqual(killed, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end),
    ?assertEqual(none, receive {Ref, {got, _}} -> got after 0 -> none end).

exit1_kill_is_trappable_by_linked_test() ->
    %% exit(kill) called by the process itself sends 'kill' (not 'killed') to
    %% linked processes, which can trap it
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> exit(kill) end),
            receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end
        end),
    ?assertEqual(kill, R).

exit2_reason_to_trapping_process_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() ->
            process_flag(trap_exit, true),
            Self ! {Ref, trapping},
            receive M -> Self ! {Ref, M} end
        end),
    receive {Ref, trapping} -> ok end,
    exit(Pid, custom),
    ?assertEqual({'EXIT', self(), custom}, receive {Ref, M} -> M after 5000 -> timeout end).

link_to_dead_noproc_exit_test() ->
    Dead = dead_pid(),
    %% OTP 25: not trapping exits, link/1 to a dead process raises error noproc
    {Pid, MRef} = spawn_monitor(fun() -> link(Dead), idle() end),
    R = receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end,
    ?assertMatch({noproc, [{erlang, link, [Dead], _} | _]}, R).

link_to_dead_error_class_test() ->
    Dead = dead_pid(),
    R = in_proc(fun() -> try link(Dead) catch C:E -> {C, E} end end),
    ?assertEqual({error, noproc}, R).

link_to_dead_trapping_message_test() ->
    Dead = dead_pid(),
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            T = link(Dead),
            receive {'EXIT', Dead, Reason} -> {T, Reason} after 5000 -> timeout end
        end),
    ?assertEqual({true, noproc}, R).

unlink_prevents_exit_signal_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Pid = spawn_link(fun() -> receive go -> exit(bad) end end),
            unlink(Pid),
            MRef = monitor(process, Pid),
            Pid ! go,
            receive {'DOWN', MRef, process, Pid, _} -> ok end,
            receive {'EXIT', Pid, _} -> got_exit after 0 -> no_exit end
        end),
    ?assertEqual(no_exit, R).

%% ---- monitors --------------------------------------------------------------

monitor_returns_ref_test() ->
    Pid = spawn(fun idle/0),
    Ref = monitor(process, Pid),
    ?assert(is_reference(Ref)),
    {monitors, Ms} = process_info(self(), monitors),
    ?assert(lists:member({process, Pid}, Ms)),
    demonitor(Ref),
    ?assertEqual(ok, kill_and_wait(Pid)).

monitor_down_message_test() ->
    Pid = spawn(fun() -> receive go -> exit(finished) end end),
    Ref = monitor(process, Pid),
    Pid ! go,
    ?assertEqual({'DOWN', Ref, process, Pid, finished},
                 receive {'DOWN', Ref, _, _, _} = M -> M after 5000 -> timeout end).

monitor_normal_exit_test() ->
    Pid = spawn(fun() -> receive go -> ok end end),
    Ref = monitor(process, Pid),
    Pid ! go,
    ?assertEqual(normal, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end).

monitor_dead_noproc_test() ->
    Dead = dead_pid(),
    Ref = monitor(process, Dead),
    ?assertEqual(noproc, receive {'DOWN', Ref, process, Dead, R} -> R after 5000 -> timeout end).

monitor_registered_name_test() ->
    Name = unique_name(mon_name),
    Pid = spawn(fun() -> receive go -> exit(named_exit) end end),
    true = register(Name, Pid),
    Ref = monitor(process, Name),
    Pid ! go,
    ?assertEqual({'DOWN', Ref, process, {Name, node()}, named_exit},
                 receive {'DOWN', Ref, _, _, _} = M -> M after 5000 -> timeout end).

monitor_unregistered_name_noproc_test() ->
    Ref = monitor(process, no_such_registered_name_xyz),
    ?assertEqual({'DOWN', Ref, process, {no_such_registered_name_xyz, node()}, noproc},
                 receive {'DOWN', Ref, _, _, _} = M -> M after 5000 -> timeout end).

monitor_name_node_tuple_test() ->
    Name = unique_name(mon_tuple),
    Pid = spawn(fun idle/0),
    true = register(Name, Pid),
    Ref = monitor(process, {Name, node()}),
    exit(Pid, kill),
    ?assertEqual({'DOWN', Ref, process, {Name, node()}, killed},
                 receive {'DOWN', Ref, _, _, _} = M -> M after 5000 -> timeout end).

monitor_twice_two_downs_test() ->
    Pid = spawn(fun idle/0),
    R1 = monitor(process, Pid),
    R2 = monitor(process, Pid),
    ?assert(R1 =/= R2),
    exit(Pid, kill),
    D1 = receive {'DOWN', R1, process, Pid, X} -> X after 5000 -> timeout end,
    D2 = receive {'DOWN', R2, process, Pid, Y} -> Y after 5000 -> timeout end,
    ?assertEqual({killed, killed}, {D1, D2}).

monitor_is_unidirectional_test() ->
    %% the monitored process is not affected when the monitoring one dies
    Target = spawn(fun idle/0),
    {Watcher, WRef} = spawn_monitor(fun() -> monitor(process, Target), exit(bye) end),
    bye = receive {'DOWN', WRef, process, Watcher, R} -> R after 5000 -> timeout end,
    ?assert(is_process_alive(Target)),
    ?assertEqual(ok, kill_and_wait(Target)).

monitor_bad_type_badarg_test() ->
    ?assertError(badarg, monitor(id(no_such_type), self())),
    ?assertError(badarg, monitor(process, id(42))).

monitor_self_test() ->
    Ref = monitor(process, self()),
    ?assert(is_reference(Ref)),
    ?assertEqual(true, demonitor(Ref)).

error_reason_in_down_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> erlang:error(my_error) end),
    R = receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end,
    ?assertMatch({my_error, [{_, _, _, _} | _]}, R).

badarith_reason_in_down_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> id(1) / id(0) end),
    R = receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end,
    ?assertMatch({badarith, [{_, _, _, _} | _]}, R).

badmatch_reason_in_down_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> {a} = id({b}) end),
    R = receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end,
    ?assertMatch({{badmatch, {b}}, [_ | _]}, R).

exit_reason_in_down_no_stack_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> exit({shutdown, why}) end),
    ?assertEqual({shutdown, why},
                 receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end).

%% ---- demonitor -------------------------------------------------------------

demonitor1_returns_true_test() ->
    Pid = spawn(fun idle/0),
    Ref = monitor(process, Pid),
    ?assertEqual(true, demonitor(Ref)),
    ?assertEqual(true, demonitor(Ref)),
    ?assertEqual(ok, kill_and_wait(Pid)),
    ?assertEqual(none, receive {'DOWN', Ref, _, _, _} -> got after 0 -> none end).

demonitor_leaves_down_message_test() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    ok = wait_down_queued(Ref),
    true = demonitor(Ref),
    ?assertEqual(got, receive {'DOWN', Ref, process, Pid, normal} -> got after 0 -> none end).

demonitor_flush_test() ->
    {_Pid, Ref} = spawn_monitor(fun() -> ok end),
    ok = wait_down_queued(Ref),
    ?assertEqual(true, demonitor(Ref, [flush])),
    ?assertEqual(none, receive {'DOWN', Ref, _, _, _} -> got after 0 -> none end).

demonitor_info_active_test() ->
    Pid = spawn(fun idle/0),
    Ref = monitor(process, Pid),
    ?assertEqual(true, demonitor(Ref, [info])),
    ?assertEqual(false, demonitor(Ref, [info])),
    ?assertEqual(ok, kill_and_wait(Pid)).

demonitor_info_already_fired_test() ->
    {_Pid, Ref} = spawn_monitor(fun() -> ok end),
    ok = wait_down_queued(Ref),
    ?assertEqual(false, demonitor(Ref, [info])),
    ?assertEqual(got, receive {'DOWN', Ref, _, _, _} -> got after 0 -> none end).

demonitor_flush_info_test() ->
    {_Pid, Ref} = spawn_monitor(fun() -> ok end),
    ok = wait_down_queued(Ref),
    ?assertEqual(false, demonitor(Ref, [flush, info])),
    ?assertEqual(none, receive {'DOWN', Ref, _, _, _} -> got after 0 -> none end).

demonitor_empty_options_test() ->
    Pid = spawn(fun idle/0),
    Ref = monitor(process, Pid),
    ?assertEqual(true, demonitor(Ref, [])),
    ?assertEqual(ok, kill_and_wait(Pid)).

demonitor_badarg_test() ->
    ?assertError(badarg, demonitor(id(not_a_ref))),
    ?assertError(badarg, demonitor(make_ref(), [id(bad_option)])).

%% ---- spawn_monitor ---------------------------------------------------------

spawn_monitor_shape_test() ->
    Result = spawn_monitor(fun() -> exit(done) end),
    ?assertMatch({P, R} when is_pid(P) andalso is_reference(R), Result),
    {Pid, Ref} = Result,
    ?assertEqual(done, receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end).

spawn_monitor3_test() ->
    {Pid, Ref} = spawn_monitor(erlang, exit, [mfa_exit]),
    ?assertEqual(mfa_exit, receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end).

spawn_monitor_no_link_test() ->
    {Pid, Ref} = spawn_monitor(fun idle/0),
    ?assertNot(lists:member(Pid, links_of(self()))),
    exit(Pid, kill),
    ?assertEqual(killed, receive {'DOWN', Ref, process, Pid, X} -> X after 5000 -> timeout end).
