-module(gen_statem_more_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_statem).

%% Conformance: more of gen_statem (OTP 25): the order of postponed and
%% inserted events, zero time-outs, time-out update and cancel, time-outs
%% across state changes, actions of state enter calls, the errors for bad
%% results, sys state, reply/1, init actions, enter_loop, hibernation and
%% changing the callback module.
%%
%% The machine logs every event it handles to the test process; the events
%% themselves say what to do: cast {do, Result} makes the callback return
%% Result (with the logging done first).

-export([init/1, callback_mode/0, handle_event/4, enter_loop_init/2]).

%% ---- callbacks -----------------------------------------------------------------

%% Args: {Notify, Mode, State, InitActions}
init(bad) -> bad;
init(crash) -> error(init_crashed);
init({Notify, Mode, State, Actions}) ->
    put(mode, Mode),
    {ok, State, Notify, Actions}.

callback_mode() ->
    case get(mode) of
        undefined -> handle_event_function;
        Mode -> Mode
    end.

handle_event(enter, Old, State, Notify) ->
    log(Notify, {enter, Old, State}),
    case get({on_enter, State}) of
        undefined -> keep_state_and_data;
        Result -> Result
    end;
handle_event({call, From}, get_log_done, _State, _Notify) ->
    {keep_state_and_data, [{reply, From, done}]};
handle_event({call, From}, {do, Result}, _State, _Notify) ->
    put(from, From),
    Result;
handle_event({call, From}, {sleep, Ms}, _State, _Notify) ->
    timer:sleep(Ms),
    {keep_state_and_data, [{reply, From, slept}]};
handle_event({call, From}, {on_enter, State, Result}, _State, _Notify) ->
    put({on_enter, State}, Result),
    {keep_state_and_data, [{reply, From, ok}]};
handle_event(cast, {do, Result}, _State, _Notify) ->
    Result;
handle_event(cast, {postpone_in, PState, E}, PState, Notify) ->
    log(Notify, {postponed, E}),
    {keep_state_and_data, [postpone]};
handle_event(Type, Content, State, Notify) ->
    log(Notify, {Type, Content, State}),
    keep_state_and_data.

log({Pid, Tag}, What) -> Pid ! {Tag, What}.

enter_loop_init(Parent, Notify) ->
    proc_lib:init_ack(Parent, {ok, self()}),
    gen_statem:enter_loop(?MODULE, [], looped, Notify, [{next_event, internal, hello}]).

%% ---- helpers -------------------------------------------------------------------

start(State) -> start(handle_event_function, State, []).

start(Mode, State, Actions) ->
    Tag = make_ref(),
    put(tag, Tag),
    {ok, Pid} = gen_statem:start(?MODULE, {{self(), Tag}, Mode, State, Actions}, []),
    Pid.

%% The next N logged events.
logged(N) -> [next() || _ <- lists:seq(1, N)].

next() ->
    Tag = get(tag),
    receive {Tag, What} -> What after 5000 -> timeout end.

nothing(Ms) ->
    Tag = get(tag),
    receive {Tag, What} -> {unexpected, What} after Ms -> nothing end.

do(Pid, Result) -> gen_statem:cast(Pid, {do, Result}).

%% The machine's data: where it logs to.
data() -> {self(), get(tag)}.

%% ---- event order -----------------------------------------------------------------

postponed_events_retried_in_order_test() ->
    Pid = start(a),
    gen_statem:cast(Pid, {postpone_in, a, 1}),
    gen_statem:cast(Pid, {postpone_in, a, 2}),
    do(Pid, {next_state, b, data()}),
    gen_statem:cast(Pid, later),
    ?assertEqual([{postponed, 1}, {postponed, 2}], logged(2)),
    ?assertEqual([{cast, {postpone_in, a, 1}, b}, {cast, {postpone_in, a, 2}, b},
                  {cast, later, b}], logged(3)),
    ok = gen_statem:stop(Pid).

postponed_not_retried_without_state_change_test() ->
    Pid = start(a),
    gen_statem:cast(Pid, {postpone_in, a, 1}),
    do(Pid, keep_state_and_data),
    gen_statem:cast(Pid, other),
    ?assertEqual([{postponed, 1}, {cast, other, a}], logged(2)),
    ?assertEqual(nothing, nothing(30)),
    ok = gen_statem:stop(Pid).

next_events_before_mailbox_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{next_event, internal, x}, {next_event, cast, y}]}),
    gen_statem:cast(Pid, z),
    ?assertEqual([{internal, x, a}, {cast, y, a}, {cast, z, a}], logged(3)),
    ok = gen_statem:stop(Pid).

next_event_after_postponed_test() ->
    %% on a state change: inserted events first, then the postponed ones
    Pid = start(a),
    gen_statem:cast(Pid, {postpone_in, a, 1}),
    do(Pid, {next_state, b, data(), [{next_event, internal, ins}]}),
    ?assertEqual([{postponed, 1}, {internal, ins, b}, {cast, {postpone_in, a, 1}, b}],
                 logged(3)),
    ok = gen_statem:stop(Pid).

init_actions_test() ->
    Pid = start(handle_event_function, s0, [{next_event, internal, boot}]),
    ?assertEqual([{internal, boot, s0}], logged(1)),
    ok = gen_statem:stop(Pid).

%% ---- time-outs -------------------------------------------------------------------

zero_state_timeout_before_mailbox_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{state_timeout, 0, zero}]}),
    gen_statem:cast(Pid, queued),
    ?assertEqual([{state_timeout, zero, a}, {cast, queued, a}], logged(2)),
    ok = gen_statem:stop(Pid).

zero_timeouts_in_action_order_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{{timeout, one}, 0, first}, {state_timeout, 0, second},
                                   {{timeout, two}, 0, third}]}),
    ?assertEqual([{{timeout, one}, first, a}, {state_timeout, second, a},
                  {{timeout, two}, third, a}], logged(3)),
    ok = gen_statem:stop(Pid).

integer_action_is_event_timeout_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [20]}),
    ?assertEqual([{timeout, 20, a}], logged(1)),
    ok = gen_statem:stop(Pid).

last_timeout_action_counts_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{state_timeout, 10, first}, {state_timeout, 20, second}]}),
    ?assertEqual([{state_timeout, second, a}], logged(1)),
    ?assertEqual(nothing, nothing(50)),
    ok = gen_statem:stop(Pid).

timeout_update_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{{timeout, g}, 40, original}]}),
    do(Pid, {keep_state_and_data, [{{timeout, g}, update, updated}]}),
    ?assertEqual([{{timeout, g}, updated, a}], logged(1)),
    ok = gen_statem:stop(Pid).

timeout_update_not_running_is_zero_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{state_timeout, update, now}]}),
    ?assertEqual([{state_timeout, now, a}], logged(1)),
    ok = gen_statem:stop(Pid).

timeout_cancel_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{{timeout, g}, 30, never}, {state_timeout, 30, never}]}),
    do(Pid, {keep_state_and_data, [{{timeout, g}, cancel}, {state_timeout, cancel}]}),
    ?assertEqual(nothing, nothing(80)),
    ok = gen_statem:stop(Pid).

timeout_infinity_cancels_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{{timeout, g}, 30, never}]}),
    do(Pid, {keep_state_and_data, [{{timeout, g}, infinity, ignored}]}),
    ?assertEqual(nothing, nothing(80)),
    ok = gen_statem:stop(Pid).

generic_timeout_survives_state_change_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{{timeout, g}, 30, still_here}, {state_timeout, 30, gone}]}),
    do(Pid, {next_state, b, data()}),
    ?assertEqual([{{timeout, g}, still_here, b}], logged(1)),
    ?assertEqual(nothing, nothing(50)),
    ok = gen_statem:stop(Pid).

event_timeout_cancelled_by_internal_event_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [{timeout, 30, never}, {next_event, internal, poke}]}),
    ?assertEqual([{internal, poke, a}], logged(1)),
    ?assertEqual(nothing, nothing(80)),
    ok = gen_statem:stop(Pid).

absolute_timeout_test() ->
    Pid = start(a),
    At = erlang:monotonic_time(millisecond) + 20,
    do(Pid, {keep_state_and_data, [{state_timeout, At, abs, [{abs, true}]}]}),
    ?assertEqual([{state_timeout, abs, a}], logged(1)),
    ok = gen_statem:stop(Pid).

%% ---- state enter calls -------------------------------------------------------------

enter_call_actions_test() ->
    Pid = start([handle_event_function, state_enter], a, []),
    ?assertEqual([{enter, a, a}], logged(1)),
    ok = gen_statem:call(Pid, {on_enter, b, {keep_state_and_data, [{state_timeout, 10, from_enter}]}}),
    do(Pid, {next_state, b, data()}),
    ?assertEqual([{enter, a, b}, {state_timeout, from_enter, b}], logged(2)),
    ok = gen_statem:stop(Pid).

enter_call_cannot_change_state_test() ->
    Pid = start([handle_event_function, state_enter], a, []),
    _ = logged(1),
    ok = gen_statem:call(Pid, {on_enter, b, {next_state, c, data()}}),
    MRef = monitor(process, Pid),
    do(Pid, {next_state, b, data()}),
    ?assertMatch({{bad_state_enter_return_from_state_function, {next_state, c, _}}, [_ | _]},
                 receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

enter_call_cannot_postpone_test() ->
    Pid = start([handle_event_function, state_enter], a, []),
    _ = logged(1),
    ok = gen_statem:call(Pid, {on_enter, b, {keep_state_and_data, [postpone]}}),
    MRef = monitor(process, Pid),
    do(Pid, {next_state, b, data()}),
    ?assertMatch({{bad_state_enter_action_from_state_function, postpone}, [_ | _]},
                 receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

next_state_same_state_no_enter_test() ->
    Pid = start([handle_event_function, state_enter], a, []),
    _ = logged(1),
    do(Pid, {next_state, a, data()}),
    ?assertEqual(nothing, nothing(30)),
    ok = gen_statem:stop(Pid).

%% ---- errors ----------------------------------------------------------------------

bad_return_test() ->
    Pid = start(a),
    R = try gen_statem:call(Pid, {do, nonsense}) catch exit:E -> E end,
    ?assertMatch({{{bad_return_from_state_function, nonsense}, [_ | _]},
                  {gen_statem, call, [Pid, {do, nonsense}, infinity]}}, R).

bad_action_test() ->
    Pid = start(a),
    MRef = monitor(process, Pid),
    do(Pid, {keep_state_and_data, [{no_such_action}]}),
    ?assertMatch({{bad_action_from_state_function, {no_such_action}}, [_ | _]},
                 receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

init_bad_return_test() ->
    process_flag(trap_exit, true),
    ?assertEqual({error, {bad_return_from_init, bad}},
                 gen_statem:start_link(?MODULE, bad, [])),
    process_flag(trap_exit, false).

init_crash_bare_reason_test() ->
    %% the starter gets the bare error reason (gen_server adds the stack)
    ?assertEqual({error, init_crashed}, gen_statem:start(?MODULE, crash, [])).

dirty_timeout_test() ->
    Pid = start(a),
    R = try gen_statem:call(Pid, {sleep, 300}, {dirty_timeout, 20}) catch exit:E -> E end,
    ?assertEqual({timeout, {gen_statem, call, [Pid, {sleep, 300}, {dirty_timeout, 20}]}}, R),
    ok = gen_statem:stop(Pid).

%% ---- replies, sys, enter_loop, hibernate, modules --------------------------------

reply1_test() ->
    Tag1 = make_ref(),
    Tag2 = make_ref(),
    ok = gen_statem:reply([{reply, {self(), Tag1}, one}, {reply, {self(), Tag2}, two}]),
    ok = gen_statem:reply({reply, {self(), Tag1}, three}),
    ?assertEqual([one, two, three],
                 [receive {Tag1, A} -> A after 1000 -> timeout end,
                  receive {Tag2, B} -> B after 1000 -> timeout end,
                  receive {Tag1, C} -> C after 1000 -> timeout end]).

sys_state_test() ->
    Pid = start(a),
    Tag = get(tag),
    Self = self(),
    ?assertEqual({a, {Self, Tag}}, sys:get_state(Pid)),
    ?assertEqual({b, {Self, Tag}}, sys:replace_state(Pid, fun({_, D}) -> {b, D} end)),
    gen_statem:cast(Pid, hi),
    ?assertEqual([{cast, hi, b}], logged(1)),
    ok = gen_statem:stop(Pid).

enter_loop_test() ->
    Tag = make_ref(),
    put(tag, Tag),
    {ok, Pid} = proc_lib:start(?MODULE, enter_loop_init, [self(), {self(), Tag}]),
    ?assertEqual([{internal, hello, looped}], logged(1)),
    ok = gen_statem:stop(Pid).

hibernate_test() ->
    Pid = start(a),
    do(Pid, {keep_state_and_data, [hibernate]}),
    gen_statem:cast(Pid, after_hibernate),
    ?assertEqual([{cast, after_hibernate, a}], logged(1)),
    do(Pid, {keep_state_and_data, [{hibernate, true}, {next_event, internal, queued}]}),
    ?assertEqual([{internal, queued, a}], logged(1)),
    ok = gen_statem:stop(Pid).

change_callback_module_test() ->
    %% gen_statem_event_tests (handle_event_function, state_enter) takes over;
    %% its data must then be its own: {Pid, Tag}, as here
    Pid = start(a),
    do(Pid, {next_state, {count, 0}, data(), [{change_callback_module, gen_statem_event_tests}]}),
    Tag = get(tag),
    %% its first call: a state enter call of the new module
    ?assertEqual({enter, a, {count, 0}}, receive {Tag, M} -> M after 5000 -> timeout end),
    ?assertEqual({count, 0}, gen_statem:call(Pid, get)),
    ok = gen_statem:stop(Pid).
