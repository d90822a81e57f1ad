-module(gen_statem_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_statem).

%% Conformance: gen_statem with callback mode state_functions (OTP 25).
%% This module is its own callback module: a code lock with states
%% locked and open.

-export([init/1, callback_mode/0, locked/3, open/3, terminate/3]).

-record(data, {code, count = 0, timeout = 50, notify}).

%% ---- callbacks ---------------------------------------------------------------

callback_mode() -> state_functions.

init({Code, Timeout, Notify}) ->
    {ok, locked, #data{code = Code, timeout = Timeout, notify = Notify}};
init({stop, Reason}) -> {stop, Reason};
init(ignore) -> ignore.

locked({call, From}, {unlock, Code}, D = #data{code = Code, timeout = T}) ->
    {next_state, open, D, [{reply, From, ok}, {state_timeout, T, auto_lock}]};
locked({call, From}, {unlock, _Wrong}, D) ->
    {keep_state, D, [{reply, From, {error, wrong_code}}]};
locked(cast, wait_for_open, _D) ->
    {keep_state_and_data, [postpone]};
locked(EventType, Event, D) ->
    common(EventType, Event, locked, D).

open(state_timeout, auto_lock, D = #data{notify = N}) ->
    notify(N, {auto_locked}),
    {next_state, locked, D};
open({call, From}, lock, D) ->
    {next_state, locked, D, {reply, From, locked_now}};
open(cast, wait_for_open, D = #data{notify = N}) ->
    notify(N, {postponed_event_handled_in, open}),
    {keep_state, D};
open(EventType, Event, D) ->
    common(EventType, Event, open, D).

common({call, From}, get_state, State, D) ->
    {keep_state, D, [{reply, From, State}]};
common({call, From}, get_count, _State, #data{count = C}) ->
    {keep_state_and_data, [{reply, From, C}]};
common({call, From}, {sleep, Ms}, _State, _D) ->
    timer:sleep(Ms),
    {keep_state_and_data, [{reply, From, slept}]};
common({call, From}, stop_with_reply, _State, D) ->
    {stop_and_reply, normal, [{reply, From, bye}], D};
common({call, From}, {start_generic_timeout, Ms}, _State, _D) ->
    {keep_state_and_data, [{reply, From, ok}, {{timeout, my_timer}, Ms, ping}]};
common({call, From}, {start_event_timeout, Ms}, _State, _D) ->
    {keep_state_and_data, [{reply, From, ok}, {timeout, Ms, idle}]};
common({timeout, my_timer}, ping, _State, #data{notify = N}) ->
    notify(N, {generic_timeout, ping}),
    keep_state_and_data;
common(timeout, idle, State, #data{notify = N}) ->
    notify(N, {event_timeout, State}),
    keep_state_and_data;
common(cast, {add, K}, _State, D = #data{count = C}) ->
    {keep_state, D#data{count = C + K}};
common(info, {add, K}, _State, D = #data{count = C}) ->
    {keep_state, D#data{count = C + K}};
common(info, _Other, _State, _D) ->
    keep_state_and_data.

terminate(Reason, State, #data{notify = N}) ->
    notify(N, {terminated, Reason, State}),
    ok;
terminate(_Reason, _State, _D) ->
    ok.

notify(undefined, _) -> ok;
notify({Pid, Tag}, Msg) -> Pid ! {Tag, Msg}.

%% ---- helpers -----------------------------------------------------------------

%% Notifications are tagged with a fresh reference per started machine (kept in
%% the process dictionary), so messages of one test cannot reach another.
start(Timeout) ->
    Tag = make_ref(),
    put(notify_tag, Tag),
    gen_statem:start(?MODULE, {1234, Timeout, {self(), Tag}}, []).

expect(Timeout) ->
    Tag = get(notify_tag),
    receive {Tag, M} -> M after Timeout -> timeout end.

%% ---- tests -------------------------------------------------------------------

start_initial_state_test() ->
    {ok, Pid} = start(50),
    ?assert(is_pid(Pid)),
    ?assertEqual(locked, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

start_link_named_test() ->
    Name = list_to_atom("gsm_" ++ integer_to_list(erlang:unique_integer([positive]))),
    {ok, Pid} = gen_statem:start_link({local, Name}, ?MODULE, {1, 50, undefined}, []),
    ?assertEqual(Pid, whereis(Name)),
    ?assertEqual(locked, gen_statem:call(Name, get_state)),
    ?assertEqual(ok, gen_statem:stop(Name)).

call_transition_test() ->
    {ok, Pid} = start(5000),
    ?assertEqual({error, wrong_code}, gen_statem:call(Pid, {unlock, 1})),
    ?assertEqual(locked, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:call(Pid, {unlock, 1234})),
    ?assertEqual(open, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

call_reply_action_single_test() ->
    {ok, Pid} = start(5000),
    ok = gen_statem:call(Pid, {unlock, 1234}),
    ?assertEqual(locked_now, gen_statem:call(Pid, lock)),
    ?assertEqual(locked, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

cast_keeps_state_test() ->
    {ok, Pid} = start(50),
    ?assertEqual(ok, gen_statem:cast(Pid, {add, 3})),
    ?assertEqual(ok, gen_statem:cast(Pid, {add, 4})),
    ?assertEqual(7, gen_statem:call(Pid, get_count)),
    ?assertEqual(locked, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

info_event_test() ->
    {ok, Pid} = start(50),
    Pid ! {add, 5},
    Pid ! something_else,
    ?assertEqual(5, gen_statem:call(Pid, get_count)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

state_timeout_test() ->
    {ok, Pid} = start(30),
    ok = gen_statem:call(Pid, {unlock, 1234}),
    ?assertEqual({auto_locked}, expect(5000)),
    ?assertEqual(locked, gen_statem:call(Pid, get_state)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

state_timeout_cancelled_by_state_change_test() ->
    {ok, Pid} = start(500),
    ok = gen_statem:call(Pid, {unlock, 1234}),
    locked_now = gen_statem:call(Pid, lock),
    ?assertEqual(timeout, expect(700)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

postpone_test() ->
    {ok, Pid} = start(5000),
    ok = gen_statem:cast(Pid, wait_for_open),
    ?assertEqual(timeout, expect(30)),
    ok = gen_statem:call(Pid, {unlock, 1234}),
    ?assertEqual({postponed_event_handled_in, open}, expect(5000)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

generic_timeout_test() ->
    {ok, Pid} = start(5000),
    ok = gen_statem:call(Pid, {start_generic_timeout, 20}),
    ?assertEqual({generic_timeout, ping}, expect(5000)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

event_timeout_test() ->
    {ok, Pid} = start(5000),
    ok = gen_statem:call(Pid, {start_event_timeout, 20}),
    ?assertEqual({event_timeout, locked}, expect(5000)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

event_timeout_cancelled_by_event_test() ->
    {ok, Pid} = start(5000),
    ok = gen_statem:call(Pid, {start_event_timeout, 500}),
    Pid ! any_event,
    ?assertEqual(timeout, expect(700)),
    ?assertEqual(ok, gen_statem:stop(Pid)).

stop_calls_terminate_test() ->
    {ok, Pid} = start(50),
    ?assertEqual(ok, gen_statem:stop(Pid)),
    ?assertEqual({terminated, normal, locked}, expect(5000)).

stop3_reason_test() ->
    {ok, Pid} = start(50),
    MRef = monitor(process, Pid),
    ?assertEqual(ok, gen_statem:stop(Pid, shutdown, 5000)),
    ?assertEqual({terminated, shutdown, locked}, expect(5000)),
    ?assertEqual(shutdown, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

stop_and_reply_test() ->
    {ok, Pid} = start(50),
    MRef = monitor(process, Pid),
    ?assertEqual(bye, gen_statem:call(Pid, stop_with_reply)),
    ?assertEqual({terminated, normal, locked}, expect(5000)),
    ?assertEqual(normal, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

call_timeout_test() ->
    {ok, Pid} = start(50),
    R = try gen_statem:call(Pid, {sleep, 300}, 20) catch exit:E -> E end,
    ?assertMatch({timeout, {gen_statem, call, [Pid, {sleep, 300}, 20]}}, R),
    ?assertEqual(ok, gen_statem:stop(Pid)).

call_dead_noproc_test() ->
    {ok, Pid} = start(50),
    ok = gen_statem:stop(Pid),
    R = try gen_statem:call(Pid, get_state) catch exit:E -> E end,
    ?assertMatch({noproc, {gen_statem, call, [Pid, get_state, infinity]}}, R).

init_stop_and_ignore_test() ->
    ?assertEqual({error, nope}, gen_statem:start(?MODULE, {stop, nope}, [])),
    ?assertEqual(ignore, gen_statem:start(?MODULE, ignore, [])).
