-module(timers_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: erlang timers, the timer module and time functions of OTP 25.
%% Times are short and margins generous; nothing depends on exact timing.

-export([send_back/2]).

id(X) -> X.

send_back(Pid, Msg) -> Pid ! Msg.

now_ms() -> erlang:monotonic_time(millisecond).

%% ---- erlang:send_after -----------------------------------------------------

send_after_delivers_test() ->
    Tag = make_ref(),
    TRef = erlang:send_after(20, self(), {Tag, fired}),
    ?assert(is_reference(TRef)),
    ?assertEqual(fired, receive {Tag, X} -> X after 5000 -> timeout end).

send_after_waits_test() ->
    Tag = make_ref(),
    T0 = now_ms(),
    erlang:send_after(50, self(), {Tag, fired}),
    receive {Tag, fired} -> ok after 5000 -> ok end,
    ?assert(now_ms() - T0 >= 50).

send_after_not_before_test() ->
    Tag = make_ref(),
    erlang:send_after(300, self(), {Tag, fired}),
    ?assertEqual(none, receive {Tag, _} -> early after 20 -> none end),
    ?assertEqual(fired, receive {Tag, X} -> X after 5000 -> timeout end).

send_after_zero_test() ->
    Tag = make_ref(),
    erlang:send_after(0, self(), {Tag, now}),
    ?assertEqual(now, receive {Tag, X} -> X after 5000 -> timeout end).

send_after_registered_name_test() ->
    Name = list_to_atom("timers_tests_reg_" ++ integer_to_list(erlang:unique_integer([positive]))),
    true = register(Name, self()),
    Tag = make_ref(),
    erlang:send_after(10, Name, {Tag, by_name}),
    R = receive {Tag, X} -> X after 5000 -> timeout end,
    unregister(Name),
    ?assertEqual(by_name, R).

send_after_ordering_test() ->
    Tag = make_ref(),
    erlang:send_after(80, self(), {Tag, second}),
    erlang:send_after(10, self(), {Tag, first}),
    R = [receive {Tag, X} -> X after 5000 -> timeout end || _ <- [1, 2]],
    ?assertEqual([first, second], R).

send_after4_absolute_test() ->
    Tag = make_ref(),
    At = erlang:monotonic_time(millisecond) + 30,
    erlang:send_after(At, self(), {Tag, abs}, [{abs, true}]),
    ?assertEqual(abs, receive {Tag, X} -> X after 5000 -> timeout end),
    ?assert(now_ms() >= At).

send_after4_relative_test() ->
    Tag = make_ref(),
    erlang:send_after(10, self(), {Tag, rel}, [{abs, false}]),
    ?assertEqual(rel, receive {Tag, X} -> X after 5000 -> timeout end).

send_after_badarg_test() ->
    ?assertError(badarg, erlang:send_after(id(-1), self(), msg)),
    ?assertError(badarg, erlang:send_after(id(foo), self(), msg)),
    ?assertError(badarg, erlang:send_after(10, id(42), msg)).

%% ---- erlang:start_timer ----------------------------------------------------

start_timer_message_shape_test() ->
    TRef = erlang:start_timer(10, self(), hello),
    ?assert(is_reference(TRef)),
    ?assertEqual({timeout, TRef, hello},
                 receive {timeout, TRef, _} = M -> M after 5000 -> timeout end).

start_timer4_absolute_test() ->
    At = erlang:monotonic_time(millisecond) + 20,
    TRef = erlang:start_timer(At, self(), abs_msg, [{abs, true}]),
    ?assertEqual(abs_msg, receive {timeout, TRef, M} -> M after 5000 -> timeout end).

%% ---- cancel_timer / read_timer ---------------------------------------------

cancel_timer_pending_remaining_test() ->
    Tag = make_ref(),
    TRef = erlang:send_after(10000, self(), {Tag, never}),
    Left = erlang:cancel_timer(TRef),
    ?assert(is_integer(Left)),
    ?assert(Left > 5000 andalso Left =< 10000),
    ?assertEqual(none, receive {Tag, _} -> got after 50 -> none end).

cancel_timer_twice_false_test() ->
    TRef = erlang:send_after(10000, self(), never),
    _ = erlang:cancel_timer(TRef),
    ?assertEqual(false, erlang:cancel_timer(TRef)).

cancel_timer_fired_false_test() ->
    TRef = erlang:start_timer(5, self(), fired),
    receive {timeout, TRef, fired} -> ok after 5000 -> ok end,
    ?assertEqual(false, erlang:cancel_timer(TRef)).

cancel_timer_unknown_ref_false_test() ->
    ?assertEqual(false, erlang:cancel_timer(make_ref())).

cancel_timer_badarg_test() ->
    ?assertError(badarg, erlang:cancel_timer(id(not_a_ref))).

cancel_timer_async_test() ->
    TRef = erlang:send_after(10000, self(), never),
    ?assertEqual(ok, erlang:cancel_timer(TRef, [{async, true}])),
    R = receive {cancel_timer, TRef, Res} -> Res after 5000 -> timeout end,
    ?assert(is_integer(R) andalso R > 5000 andalso R =< 10000).

cancel_timer_async_false_test() ->
    TRef = erlang:send_after(10000, self(), never),
    _ = erlang:cancel_timer(TRef),
    ?assertEqual(ok, erlang:cancel_timer(TRef, [{async, true}])),
    ?assertEqual(false, receive {cancel_timer, TRef, Res} -> Res after 5000 -> timeout end).

cancel_timer_info_false_test() ->
    Tag = make_ref(),
    TRef = erlang:send_after(10000, self(), {Tag, never}),
    ?assertEqual(ok, erlang:cancel_timer(TRef, [{info, false}])),
    ?assertEqual(false, erlang:cancel_timer(TRef)),
    ?assertEqual(none, receive {Tag, _} -> got after 20 -> none end).

cancel_timer_async_info_false_no_message_test() ->
    TRef = erlang:send_after(10000, self(), never),
    ?assertEqual(ok, erlang:cancel_timer(TRef, [{async, true}, {info, false}])),
    ?assertEqual(none, receive {cancel_timer, TRef, _} -> got after 50 -> none end).

cancel_timer2_default_options_test() ->
    TRef = erlang:send_after(10000, self(), never),
    R = erlang:cancel_timer(TRef, []),
    ?assert(is_integer(R) andalso R =< 10000).

cancel_start_timer_test() ->
    TRef = erlang:start_timer(10000, self(), never),
    R = erlang:cancel_timer(TRef),
    ?assert(is_integer(R)),
    ?assertEqual(none, receive {timeout, TRef, _} -> got after 20 -> none end).

read_timer_pending_test() ->
    TRef = erlang:send_after(10000, self(), never),
    R = erlang:read_timer(TRef),
    ?assert(is_integer(R) andalso R > 5000 andalso R =< 10000),
    erlang:cancel_timer(TRef).

read_timer_decreases_test() ->
    TRef = erlang:send_after(10000, self(), never),
    R1 = erlang:read_timer(TRef),
    timer:sleep(30),
    R2 = erlang:read_timer(TRef),
    erlang:cancel_timer(TRef),
    ?assert(R2 < R1).

read_timer_fired_or_cancelled_false_test() ->
    T1 = erlang:start_timer(5, self(), x),
    receive {timeout, T1, x} -> ok after 5000 -> ok end,
    ?assertEqual(false, erlang:read_timer(T1)),
    T2 = erlang:send_after(10000, self(), never),
    erlang:cancel_timer(T2),
    ?assertEqual(false, erlang:read_timer(T2)).

read_timer_async_test() ->
    TRef = erlang:send_after(10000, self(), never),
    ?assertEqual(ok, erlang:read_timer(TRef, [{async, true}])),
    R = receive {read_timer, TRef, Res} -> Res after 5000 -> timeout end,
    erlang:cancel_timer(TRef),
    ?assert(is_integer(R) andalso R =< 10000).

%% ---- timer module ----------------------------------------------------------

timer_sleep_test() ->
    T0 = now_ms(),
    ?assertEqual(ok, timer:sleep(30)),
    ?assert(now_ms() - T0 >= 30).

timer_sleep_zero_test() ->
    ?assertEqual(ok, timer:sleep(0)).

timer_send_after2_test() ->
    Tag = make_ref(),
    Self = self(),
    Pid = spawn(fun() ->
            {ok, _} = timer:send_after(10, {Tag, to_caller}),
            receive {Tag, M} -> Self ! {Tag, relayed, M} after 5000 -> ok end
        end),
    ?assert(is_pid(Pid)),
    ?assertEqual(to_caller, receive {Tag, relayed, X} -> X after 5000 -> timeout end).

timer_send_after3_test() ->
    Tag = make_ref(),
    {ok, TRef} = timer:send_after(10, self(), {Tag, sent}),
    ?assertMatch({_, _}, TRef),
    ?assertEqual(sent, receive {Tag, X} -> X after 5000 -> timeout end).

timer_cancel_send_after_test() ->
    Tag = make_ref(),
    {ok, TRef} = timer:send_after(200, self(), {Tag, never}),
    ?assertEqual({ok, cancel}, timer:cancel(TRef)),
    ?assertEqual(none, receive {Tag, _} -> got after 300 -> none end).

timer_apply_after_test() ->
    Tag = make_ref(),
    {ok, _} = timer:apply_after(10, ?MODULE, send_back, [self(), {Tag, applied}]),
    ?assertEqual(applied, receive {Tag, X} -> X after 5000 -> timeout end).

timer_send_interval3_test() ->
    Tag = make_ref(),
    {ok, TRef} = timer:send_interval(10, self(), {Tag, tick}),
    Ticks = [receive {Tag, T} -> T after 5000 -> timeout end || _ <- [1, 2, 3]],
    ?assertEqual({ok, cancel}, timer:cancel(TRef)),
    ?assertEqual([tick, tick, tick], Ticks),
    timer:sleep(50),
    flush(Tag),
    ?assertEqual(none, receive {Tag, _} -> got after 60 -> none end).

timer_send_interval2_test() ->
    Tag = make_ref(),
    Self = self(),
    Pid = spawn(fun() ->
            {ok, TRef} = timer:send_interval(10, {Tag, tick}),
            Ticks = [receive {Tag, T} -> T after 5000 -> timeout end || _ <- [1, 2]],
            {ok, cancel} = timer:cancel(TRef),
            Self ! {Tag, done, Ticks}
        end),
    ?assert(is_pid(Pid)),
    ?assertEqual([tick, tick], receive {Tag, done, X} -> X after 5000 -> timeout end).

timer_cancel_bad_ref_test() ->
    ?assertEqual({error, badarg}, timer:cancel(id(not_a_tref))).

flush(Tag) ->
    receive {Tag, _} -> flush(Tag) after 0 -> ok end.

timer_tc1_test() ->
    {T, V} = timer:tc(fun() -> timer:sleep(20), result end),
    ?assertEqual(result, V),
    ?assert(is_integer(T)),
    ?assert(T >= 20000).

timer_tc2_test() ->
    {T, V} = timer:tc(fun(A, B) -> A + B end, [1, 2]),
    ?assertEqual(3, V),
    ?assert(is_integer(T) andalso T >= 0).

timer_tc3_test() ->
    {T, V} = timer:tc(lists, reverse, [[1, 2, 3]]),
    ?assertEqual([3, 2, 1], V),
    ?assert(is_integer(T) andalso T >= 0).

timer_conversions_test() ->
    ?assertEqual(2000, timer:seconds(2)),
    ?assertEqual(180000, timer:minutes(3)),
    ?assertEqual(7200000, timer:hours(2)),
    ?assertEqual(3723000, timer:hms(1, 2, 3)).

%% ---- time functions --------------------------------------------------------

monotonic_time_non_decreasing_test() ->
    Ts = [erlang:monotonic_time() || _ <- lists:seq(1, 100)],
    ?assert(lists:all(fun erlang:is_integer/1, Ts)),
    ?assertEqual(Ts, lists:sort(Ts)).

monotonic_time_units_test() ->
    Ms = [erlang:monotonic_time(millisecond) || _ <- lists:seq(1, 50)],
    ?assertEqual(Ms, lists:sort(Ms)),
    S1 = erlang:monotonic_time(second),
    Us = erlang:monotonic_time(microsecond),
    S2 = erlang:monotonic_time(second),
    ?assert(Us div 1000000 >= S1 - 1 andalso Us div 1000000 =< S2 + 1).

monotonic_time_advances_with_sleep_test() ->
    T0 = erlang:monotonic_time(microsecond),
    timer:sleep(20),
    ?assert(erlang:monotonic_time(microsecond) - T0 >= 20000).

system_time_units_consistency_test() ->
    S = erlang:system_time(second),
    Ms = erlang:system_time(millisecond),
    Us = erlang:system_time(microsecond),
    Ns = erlang:system_time(nanosecond),
    ?assert(Ms div 1000 - S >= 0 andalso Ms div 1000 - S =< 2),
    ?assert(Us div 1000 - Ms >= 0 andalso Us div 1000 - Ms =< 2000),
    ?assert(Ns div 1000 - Us >= 0 andalso Ns div 1000 - Us =< 2000000).

system_time_plausible_test() ->
    %% after 2020-01-01 (1577836800)
    ?assert(erlang:system_time(second) > 1577836800),
    ?assert(abs(os:system_time(second) - erlang:system_time(second)) < 60).

convert_time_unit_test() ->
    ?assertEqual(1000, erlang:convert_time_unit(1, second, millisecond)),
    ?assertEqual(1500000, erlang:convert_time_unit(1500, millisecond, microsecond)),
    ?assertEqual(1, erlang:convert_time_unit(1999, millisecond, second)),
    ?assertEqual(-2, erlang:convert_time_unit(-1001, millisecond, second)).

time_offset_relation_test() ->
    %% system_time = monotonic_time + time_offset (in native units)
    M = erlang:monotonic_time(),
    Off = erlang:time_offset(),
    Sys = erlang:system_time(),
    D = erlang:convert_time_unit(Sys - (M + Off), native, millisecond),
    ?assert(abs(D) < 1000).

%% ---- receive/after vs timers -----------------------------------------------

timer_message_before_after_timeout_test() ->
    Tag = make_ref(),
    erlang:send_after(20, self(), {Tag, from_timer}),
    R = receive {Tag, X} -> X after 2000 -> after_fired end,
    ?assertEqual(from_timer, R).

after_fires_before_late_timer_test() ->
    Tag = make_ref(),
    TRef = erlang:send_after(2000, self(), {Tag, late}),
    R = receive {Tag, X} -> X after 20 -> after_fired end,
    erlang:cancel_timer(TRef),
    ?assertEqual(after_fired, R).

start_timer_vs_after_test() ->
    TRef = erlang:start_timer(20, self(), t),
    R = receive {timeout, TRef, t} -> timer_msg after 2000 -> after_fired end,
    ?assertEqual(timer_msg, R).

timer_to_dead_process_harmless_test() ->
    Pid = spawn(fun() -> ok end),
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    TRef = erlang:send_after(10, Pid, msg),
    ?assert(is_reference(TRef)),
    timer:sleep(30),
    ?assertEqual(false, erlang:read_timer(TRef)).
