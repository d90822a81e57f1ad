-module(gen_statem_event_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_statem).

%% Conformance: gen_statem with callback mode handle_event_function and
%% state_enter (OTP 25). This module is its own callback module: a counter
%% whose state is any term ({count, N} or done).

-export([init/1, callback_mode/0, handle_event/4]).

%% ---- callbacks ---------------------------------------------------------------

callback_mode() -> [handle_event_function, state_enter].

init({Notify, Start}) -> {ok, {count, Start}, Notify}.

handle_event(enter, OldState, State, Notify) ->
    notify(Notify, {enter, OldState, State}),
    keep_state_and_data;
handle_event({call, From}, get, State, _Notify) ->
    {keep_state_and_data, [{reply, From, State}]};
handle_event({call, From}, incr, {count, N}, Notify) when N < 2 ->
    {next_state, {count, N + 1}, Notify, [{reply, From, N + 1}]};
handle_event({call, From}, incr, {count, _}, Notify) ->
    {next_state, done, Notify, [{reply, From, done}]};
handle_event({call, From}, incr, done, _Notify) ->
    {keep_state_and_data, [{reply, From, {error, done}}]};
handle_event({call, From}, same_state, _State, _Notify) ->
    %% repeat_state re-runs the state enter call; keep_state does not
    {repeat_state_and_data, [{reply, From, repeated}]};
handle_event({call, From}, {timeout_in, Ms}, _State, _Notify) ->
    {keep_state_and_data, [{reply, From, ok}, {state_timeout, Ms, fire}]};
handle_event({call, From}, {next_event, E}, _State, _Notify) ->
    {keep_state_and_data, [{reply, From, ok}, {next_event, internal, E}]};
handle_event(state_timeout, fire, State, Notify) ->
    notify(Notify, {state_timeout_in, State}),
    keep_state_and_data;
handle_event(internal, E, State, Notify) ->
    notify(Notify, {internal, E, State}),
    keep_state_and_data;
handle_event(cast, reset, _State, Notify) ->
    {next_state, {count, 0}, Notify};
handle_event(info, Msg, State, Notify) ->
    notify(Notify, {info, Msg, State}),
    keep_state_and_data.

notify({Pid, Tag}, Msg) -> Pid ! {Tag, Msg}.

%% ---- helpers -----------------------------------------------------------------

start(N) ->
    Tag = make_ref(),
    put(notify_tag, Tag),
    gen_statem:start(?MODULE, {{self(), Tag}, N}, []).

expect() ->
    Tag = get(notify_tag),
    receive {Tag, M} -> M after 5000 -> timeout end.

nothing(Ms) ->
    Tag = get(notify_tag),
    receive {Tag, M} -> {unexpected, M} after Ms -> nothing end.

%% ---- tests -------------------------------------------------------------------

initial_enter_call_test() ->
    {ok, Pid} = start(0),
    %% the first state enter call has OldState equal to the initial state
    ?assertEqual({enter, {count, 0}, {count, 0}}, expect()),
    ?assertEqual({count, 0}, gen_statem:call(Pid, get)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

transitions_and_enter_calls_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    ?assertEqual(1, gen_statem:call(Pid, incr)),
    ?assertEqual({enter, {count, 0}, {count, 1}}, expect()),
    ?assertEqual(2, gen_statem:call(Pid, incr)),
    ?assertEqual(done, gen_statem:call(Pid, incr)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

term_state_test() ->
    {ok, Pid} = start(2),
    done = gen_statem:call(Pid, incr),
    ?assertEqual(done, gen_statem:call(Pid, get)),
    ?assertEqual({error, done}, gen_statem:call(Pid, incr)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

keep_state_no_enter_call_test() ->
    {ok, Pid} = start(5),
    _ = expect(),
    %% {count, 5}: incr goes to done (one enter), then the error reply keeps state
    done = gen_statem:call(Pid, incr),
    ?assertEqual({enter, {count, 5}, done}, expect()),
    {error, done} = gen_statem:call(Pid, incr),
    ?assertEqual(nothing, nothing(30)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

repeat_state_enter_call_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    ?assertEqual(repeated, gen_statem:call(Pid, same_state)),
    ?assertEqual({enter, {count, 0}, {count, 0}}, expect()),
    ?assertEqual(ok, gen_statem:stop(Pid)).

cast_transition_test() ->
    {ok, Pid} = start(1),
    _ = expect(),
    ok = gen_statem:cast(Pid, reset),
    ?assertEqual({count, 0}, gen_statem:call(Pid, get)),
    ?assertEqual({enter, {count, 1}, {count, 0}}, expect()),
    ?assertEqual(ok, gen_statem:stop(Pid)).

info_event_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    Pid ! hello,
    ?assertEqual({info, hello, {count, 0}}, expect()),
    ?assertEqual(ok, gen_statem:stop(Pid)).

state_timeout_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    ok = gen_statem:call(Pid, {timeout_in, 20}),
    ?assertEqual({state_timeout_in, {count, 0}}, expect()),
    ?assertEqual(ok, gen_statem:stop(Pid)).

state_timeout_cancelled_on_state_change_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    ok = gen_statem:call(Pid, {timeout_in, 500}),
    1 = gen_statem:call(Pid, incr),
    ?assertEqual({enter, {count, 0}, {count, 1}}, expect()),
    ?assertEqual(nothing, nothing(700)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

next_event_internal_test() ->
    {ok, Pid} = start(0),
    _ = expect(),
    ok = gen_statem:call(Pid, {next_event, inserted}),
    ?assertEqual({internal, inserted, {count, 0}}, expect()),
    ?assertEqual(ok, gen_statem:stop(Pid)).
