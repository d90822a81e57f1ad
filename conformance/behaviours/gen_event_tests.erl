-module(gen_event_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_event).

%% Conformance: gen_event of OTP 25. This module is its own event handler:
%% a handler that counts and records events and forwards them to a test
%% process tagged with a reference.

-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

%% ---- callbacks -----------------------------------------------------------------

init({fail, Reason}) -> {error, Reason};
init({Notify, Name}) -> {ok, #{notify => Notify, name => Name, events => []}}.

handle_event(remove_me, S) ->
    forward(S, removing),
    remove_handler;
handle_event(crash, _S) ->
    error(handler_crash);
handle_event(E, S = #{events := Es}) ->
    forward(S, {event, E}),
    {ok, S#{events := [E | Es]}}.

handle_call(get_events, S = #{events := Es}) -> {ok, lists:reverse(Es), S};
handle_call(get_name, S = #{name := N}) -> {ok, N, S};
handle_call(remove, _S) -> {remove_handler, removed}.

handle_info(Info, S) ->
    forward(S, {info, Info}),
    {ok, S}.

terminate(Arg, S) ->
    forward(S, {terminate, Arg}),
    {terminated_with, Arg}.

forward(#{notify := {Pid, Tag}, name := Name}, Msg) -> Pid ! {Tag, Name, Msg}.

%% ---- helpers -------------------------------------------------------------------

start_mgr() ->
    {ok, Mgr} = gen_event:start(),
    Mgr.

handler_args(Name) ->
    Tag = make_ref(),
    put(notify_tag, Tag),
    {{self(), Tag}, Name}.

expect(Name) ->
    Tag = get(notify_tag),
    receive {Tag, Name, M} -> M after 5000 -> timeout end.

%% ---- tests ---------------------------------------------------------------------

start_stop_test() ->
    {ok, Mgr} = gen_event:start(),
    ?assert(is_pid(Mgr)),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)),
    ?assertNot(is_process_alive(Mgr)).

start_named_test() ->
    Name = list_to_atom("evmgr_" ++ integer_to_list(erlang:unique_integer([positive]))),
    {ok, Mgr} = gen_event:start({local, Name}),
    ?assertEqual(Mgr, whereis(Name)),
    ?assertEqual(ok, gen_event:stop(Name)).

add_handler_test() ->
    Mgr = start_mgr(),
    ?assertEqual(ok, gen_event:add_handler(Mgr, ?MODULE, handler_args(h1))),
    ?assertEqual([?MODULE], gen_event:which_handlers(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

add_handler_init_error_test() ->
    Mgr = start_mgr(),
    ?assertEqual({error, nope}, gen_event:add_handler(Mgr, ?MODULE, {fail, nope})),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

notify_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ?assertEqual(ok, gen_event:notify(Mgr, hello)),
    ?assertEqual({event, hello}, expect(h1)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

sync_notify_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ?assertEqual(ok, gen_event:sync_notify(Mgr, e1)),
    ?assertEqual(ok, gen_event:sync_notify(Mgr, e2)),
    ?assertEqual([e1, e2], gen_event:call(Mgr, ?MODULE, get_events)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

call_handler_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    gen_event:notify(Mgr, a),
    gen_event:notify(Mgr, b),
    ?assertEqual([a, b], gen_event:call(Mgr, ?MODULE, get_events)),
    ?assertEqual(h1, gen_event:call(Mgr, ?MODULE, get_name, 1000)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

call_unknown_handler_test() ->
    Mgr = start_mgr(),
    ?assertEqual({error, bad_module}, gen_event:call(Mgr, ?MODULE, get_events)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

handler_ids_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, {?MODULE, one}, handler_args(one)),
    Tag = get(notify_tag),
    ok = gen_event:add_handler(Mgr, {?MODULE, two}, {{self(), Tag}, two}),
    ?assertEqual(lists:sort([{?MODULE, one}, {?MODULE, two}]),
                 lists:sort(gen_event:which_handlers(Mgr))),
    ok = gen_event:notify(Mgr, ev),
    ?assertEqual({event, ev}, expect(one)),
    ?assertEqual({event, ev}, expect(two)),
    ?assertEqual(two, gen_event:call(Mgr, {?MODULE, two}, get_name)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

delete_handler_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ?assertEqual({terminated_with, bye}, gen_event:delete_handler(Mgr, ?MODULE, bye)),
    ?assertEqual({terminate, bye}, expect(h1)),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assertEqual({error, module_not_found}, gen_event:delete_handler(Mgr, ?MODULE, bye)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

remove_handler_from_event_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ok = gen_event:sync_notify(Mgr, remove_me),
    ?assertEqual(removing, expect(h1)),
    ?assertEqual({terminate, remove_handler}, expect(h1)),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

remove_handler_from_call_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ?assertEqual(removed, gen_event:call(Mgr, ?MODULE, remove)),
    ?assertEqual({terminate, remove_handler}, expect(h1)),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

crashing_handler_removed_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ok = gen_event:sync_notify(Mgr, crash),
    ?assertMatch({terminate, {error, {'EXIT', {handler_crash, [_ | _]}}}}, expect(h1)),
    ?assertEqual([], gen_event:which_handlers(Mgr)),
    ?assert(is_process_alive(Mgr)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

info_to_handler_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    Mgr ! some_info,
    ?assertEqual({info, some_info}, expect(h1)),
    ?assertEqual(ok, gen_event:stop(Mgr)).

stop_terminates_handlers_test() ->
    Mgr = start_mgr(),
    ok = gen_event:add_handler(Mgr, ?MODULE, handler_args(h1)),
    ok = gen_event:stop(Mgr),
    ?assertEqual({terminate, stop}, expect(h1)).

notify_unknown_name_badarg_test() ->
    %% unlike gen_server:cast/2, gen_event:notify/2 to an unregistered name raises
    ?assertError(badarg, gen_event:notify(no_such_event_manager_xyz, hello)).

sync_notify_unknown_name_noproc_test() ->
    %% OTP 25: the exit reason is the bare atom noproc (no {gen_event, ...} part)
    ?assertExit(noproc, gen_event:sync_notify(no_such_event_manager_xyz, hello)).
