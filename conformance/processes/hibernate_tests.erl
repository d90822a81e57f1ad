%% erlang:hibernate/3 and proc_lib:hibernate/3: the call stack and its
%% catches are dropped, the process waits for a message, then runs M:F(A)
%% and ends when that returns.
-module(hibernate_tests).
-include_lib("eunit/include/eunit.hrl").
-export([wake/1, wake_crash/0]).

wake(Parent) ->
    receive M -> Parent ! {woke, M} end.

wake_crash() ->
    erlang:error(after_wake).

waits_for_a_message_test() ->
    Self = self(),
    P = spawn(fun() -> erlang:hibernate(?MODULE, wake, [Self]) end),
    timer:sleep(20),
    ?assertEqual({status, waiting}, process_info(P, status)),
    P ! hello,
    ?assertEqual({woke, hello}, receive W -> W after 2000 -> timeout end).

queued_message_wakes_at_once_test() ->
    Self = self(),
    spawn(fun() -> self() ! early, erlang:hibernate(?MODULE, wake, [Self]) end),
    ?assertEqual({woke, early}, receive W -> W after 2000 -> timeout end).

never_returns_to_the_caller_test() ->
    Self = self(),
    P = spawn(fun() -> _ = (catch erlang:hibernate(?MODULE, wake, [Self])), Self ! returned end),
    M = monitor(process, P),
    P ! go,
    ?assertEqual({woke, go}, receive W -> W after 2000 -> timeout end),
    ?assertEqual(normal, receive {'DOWN', M, _, _, R} -> R after 2000 -> timeout end),
    receive returned -> ?assert(false) after 50 -> ok end.

catches_are_dropped_test() ->
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> catch erlang:hibernate(?MODULE, wake_crash, []) end),
    P ! go,
    ?assertMatch({'EXIT', P, {after_wake, _}}, receive E -> E after 2000 -> timeout end),
    process_flag(trap_exit, false).

proc_lib_hibernate_test() ->
    Self = self(),
    P = proc_lib:spawn(fun() -> proc_lib:hibernate(?MODULE, wake, [Self]) end),
    P ! hi,
    ?assertEqual({woke, hi}, receive W -> W after 2000 -> timeout end).

bad_arguments_badarg_test() ->
    ?assertError(badarg, erlang:hibernate(?MODULE, wake, not_a_list)).
