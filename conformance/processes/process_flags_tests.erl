%% process_flag/2 beyond trap_exit: priority (set and reported), and the
%% heap tuning flags, whose defaults process_info/2 reports.
-module(process_flags_tests).
-include_lib("eunit/include/eunit.hrl").

priority_default_is_normal_test() ->
    ?assertEqual({priority, normal}, process_info(self(), priority)).

priority_returns_old_value_test() ->
    Old = process_flag(priority, high),
    ?assertEqual(normal, Old),
    ?assertEqual({priority, high}, process_info(self(), priority)),
    ?assertEqual(high, process_flag(priority, low)),
    ?assertEqual(low, process_flag(priority, normal)).

priority_of_other_process_test() ->
    Self = self(),
    P = spawn(fun() -> process_flag(priority, low), Self ! set, receive stop -> ok end end),
    receive set -> ok end,
    ?assertEqual({priority, low}, process_info(P, priority)),
    P ! stop.

priority_bad_value_badarg_test() ->
    ?assertError(badarg, process_flag(priority, urgent)).

heap_defaults_test() ->
    ?assertEqual([{min_heap_size, 233}, {min_bin_vheap_size, 46422}, {fullsweep_after, 65535}],
                 process_info(self(), [min_heap_size, min_bin_vheap_size, fullsweep_after])).

message_queue_data_default_test() ->
    ?assertEqual({message_queue_data, on_heap}, process_info(self(), message_queue_data)).

unknown_flag_badarg_test() ->
    ?assertError(badarg, process_flag(no_such_flag, true)).

is_process_alive_after_kill_test() ->
    L = [begin
             P = spawn(fun() -> receive after infinity -> ok end end),
             exit(P, kill),
             is_process_alive(P)
         end || _ <- lists:seq(1, 200)],
    ?assertNot(lists:member(true, L)).

is_process_alive_live_test() ->
    P = spawn(fun() -> receive stop -> ok end end),
    ?assert(is_process_alive(P)),
    ?assert(is_process_alive(self())),
    P ! stop.

spawn_on_this_node_test() ->
    Self = self(),
    P = spawn(node(), fun() -> Self ! {here, self()} end),
    ?assertEqual({here, P}, receive M -> M after 2000 -> timeout end),
    Q = spawn(node(), erlang, send, [Self, via_mfa]),
    ?assert(is_pid(Q)),
    ?assertEqual(via_mfa, receive V -> V after 2000 -> timeout end),
    L = spawn_link(node(), fun() -> ok end),
    ?assert(is_pid(L)).
