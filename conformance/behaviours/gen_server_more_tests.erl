-module(gen_server_more_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_server).

%% Conformance: more of gen_server (OTP 25): trapped parent exits, time-outs
%% and hibernation from callbacks, start_monitor, {via, ...} names, bad
%% return values, thrown replies, asynchronous requests, multi_call and
%% abcast on the local node, enter_loop, and stop/3 corner cases.

-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
         terminate/2]).
%% A tiny {via, ...} registry on top of local names.
-export([register_name/2, unregister_name/1, whereis_name/1, send/2]).
-export([enter_loop_init/1]).

%% ---- callbacks -----------------------------------------------------------------

init({trap, Notify}) -> process_flag(trap_exit, true), {ok, #{notify => Notify}};
init({timeout, Notify, Ms}) -> {ok, #{notify => Notify}, Ms};
init(bad_return) -> {ok_but_not_really};
init(crash) -> error(init_crashed);
init({stop_with, Reason}) -> {stop, Reason};
init(S) -> {ok, S}.

handle_call(get, _From, S) -> {reply, S, S};
handle_call(hibernate, _From, S) -> {reply, ok, S, hibernate};
handle_call({timeout, Ms}, _From, S) -> {reply, ok, S, Ms};
handle_call(bad, _From, _S) -> bad;
handle_call(thrown, _From, S) -> throw({reply, thrown_reply, S});
handle_call({defer, To}, From, S) -> To ! {defer, From}, {noreply, S};
handle_call(continue_stop, _From, S) -> {reply, ok, S, {continue, stop}};
handle_call({slow_terminate, Ms}, _From, S) -> {reply, ok, S#{slow => Ms}};
handle_call(crash_terminate, _From, S) -> {reply, ok, S#{crash_terminate => true}}.

handle_cast({set, S}, _) -> {noreply, S}.

handle_info(timeout, S = #{notify := {Pid, Tag}}) -> Pid ! {Tag, got_timeout}, {noreply, S};
handle_info({stop_me, Reason}, S) -> {stop, Reason, S};
handle_info(_, S) -> {noreply, S}.

handle_continue(stop, S) -> {stop, {shutdown, continued}, S}.

terminate(_Reason, #{crash_terminate := true}) -> error(terminate_crashed);
terminate(_Reason, #{slow := Ms}) -> timer:sleep(Ms);
terminate(Reason, #{notify := {Pid, Tag}}) -> Pid ! {Tag, terminate, Reason};
terminate(_Reason, _S) -> ok.

%% ---- via registry ----------------------------------------------------------------

via_atom(Name) -> list_to_atom("gs_via_" ++ atom_to_list(Name)).

register_name(Name, Pid) ->
    try register(via_atom(Name), Pid) of true -> yes catch error:_ -> no end.

unregister_name(Name) ->
    catch unregister(via_atom(Name)), ok.

whereis_name(Name) ->
    case whereis(via_atom(Name)) of undefined -> undefined; Pid -> Pid end.

send(Name, Msg) ->
    case whereis_name(Name) of
        undefined -> exit({badarg, {Name, Msg}});
        Pid -> Pid ! Msg, Pid
    end.

%% ---- helpers -------------------------------------------------------------------

notify() ->
    Tag = make_ref(),
    put(tag, Tag),
    {self(), Tag}.

expect() ->
    Tag = get(tag),
    receive {Tag, M} -> M; {Tag, A, B} -> {A, B} after 5000 -> timeout end.

unique(Base) ->
    list_to_atom(atom_to_list(Base) ++ integer_to_list(erlang:unique_integer([positive]))).

enter_loop_init(Parent) ->
    proc_lib:init_ack(Parent, {ok, self()}),
    gen_server:enter_loop(?MODULE, [], entered_state).

%% ---- tests ---------------------------------------------------------------------

trapped_parent_exit_calls_terminate_test() ->
    Self = self(),
    Tag = make_ref(),
    Parent = spawn(fun() ->
            {ok, P} = gen_server:start_link(?MODULE, {trap, {Self, Tag}}, []),
            Self ! {server, P},
            receive go -> exit(parent_died) end
        end),
    Pid = receive {server, P} -> P after 5000 -> error(no_server) end,
    MRef = monitor(process, Pid),
    Parent ! go,
    ?assertEqual(parent_died, receive {Tag, terminate, R} -> R after 5000 -> timeout end),
    ?assertEqual(parent_died, receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

init_timeout_gives_timeout_info_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {timeout, notify(), 10}, []),
    ?assertEqual(got_timeout, expect()),
    ok = gen_server:stop(Pid).

reply_timeout_gives_timeout_info_test() ->
    {ok, Pid} = gen_server:start(?MODULE, #{notify => notify()}, []),
    ok = gen_server:call(Pid, {timeout, 10}),
    ?assertEqual(got_timeout, expect()),
    ok = gen_server:stop(Pid).

hibernate_keeps_serving_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 42, []),
    ok = gen_server:call(Pid, hibernate),
    ?assertEqual(42, gen_server:call(Pid, get)),
    ok = gen_server:call(Pid, hibernate),
    ok = gen_server:cast(Pid, {set, 43}),
    ?assertEqual(43, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid).

start_monitor_test() ->
    {ok, {Pid, MRef}} = gen_server:start_monitor(?MODULE, 1, []),
    ?assert(is_reference(MRef)),
    {links, L} = process_info(self(), links),
    ?assertNot(lists:member(Pid, L)),
    ok = gen_server:stop(Pid),
    ?assertEqual(normal, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

start_monitor_init_stop_test() ->
    ?assertEqual({error, nope}, gen_server:start_monitor(?MODULE, bad_return_stop(), [])),
    ?assertEqual(none, receive {'DOWN', _, process, _, _} -> got after 50 -> none end).

bad_return_stop() -> {stop_with, nope}.

via_name_test() ->
    {ok, Pid} = gen_server:start({via, ?MODULE, vs1}, ?MODULE, 9, []),
    ?assertEqual(Pid, whereis_name(vs1)),
    ?assertEqual(9, gen_server:call({via, ?MODULE, vs1}, get)),
    ok = gen_server:cast({via, ?MODULE, vs1}, {set, 10}),
    ?assertEqual(10, gen_server:call({via, ?MODULE, vs1}, get)),
    ?assertEqual({error, {already_started, Pid}},
                 gen_server:start({via, ?MODULE, vs1}, ?MODULE, 9, [])),
    ok = gen_server:stop({via, ?MODULE, vs1}),
    ?assertEqual(undefined, whereis_name(vs1)).

init_bad_return_test() ->
    ?assertEqual({error, {bad_return_value, {ok_but_not_really}}},
                 gen_server:start(?MODULE, bad_return, [])).

init_error_with_stack_test() ->
    ?assertMatch({error, {init_crashed, [_ | _]}}, gen_server:start(?MODULE, crash, [])).

call_bad_return_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    R = try gen_server:call(Pid, bad) catch exit:E -> E end,
    ?assertEqual({{bad_return_value, bad}, {gen_server, call, [Pid, bad]}}, R).

thrown_reply_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    ?assertEqual(thrown_reply, gen_server:call(Pid, thrown)),
    ok = gen_server:stop(Pid).

reply_from_other_process_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    Self = self(),
    Helper = spawn(fun() -> receive {defer, From} -> gen_server:reply(From, from_helper) end end),
    ?assertEqual(from_helper, gen_server:call(Pid, {defer, Helper})),
    ?assert(is_pid(Self)),
    ok = gen_server:stop(Pid).

send_request_receive_response_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 5, []),
    ReqId = gen_server:send_request(Pid, get),
    ?assertEqual({reply, 5}, gen_server:receive_response(ReqId, 5000)),
    ReqId2 = gen_server:send_request(Pid, get),
    ?assertEqual({reply, 5}, gen_server:wait_response(ReqId2, infinity)),
    ReqId3 = gen_server:send_request(Pid, get),
    Msg = receive M -> M after 5000 -> timeout end,
    ?assertEqual({reply, 5}, gen_server:check_response(Msg, ReqId3)),
    ?assertEqual(no_reply, gen_server:check_response(unrelated, ReqId3)),
    ok = gen_server:stop(Pid).

send_request_dead_server_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 5, []),
    ok = gen_server:stop(Pid),
    ReqId = gen_server:send_request(Pid, get),
    ?assertEqual({error, {noproc, Pid}}, gen_server:receive_response(ReqId, 1000)).

wait_response_timeout_test() ->
    Self = self(),
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    Helper = spawn(fun() -> receive {defer, From} -> Self ! {from, From} end end),
    ReqId = gen_server:send_request(Pid, {defer, Helper}),
    ?assertEqual(timeout, gen_server:wait_response(ReqId, 20)),
    From = receive {from, F} -> F after 5000 -> error(no_from) end,
    gen_server:reply(From, later),
    ?assertEqual({reply, later}, gen_server:wait_response(ReqId, 5000)),
    ok = gen_server:stop(Pid).

request_id_collection_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 3, []),
    C0 = gen_server:reqids_new(),
    C1 = gen_server:send_request(Pid, get, first, C0),
    C2 = gen_server:send_request(Pid, get, second, C1),
    ?assertEqual(2, gen_server:reqids_size(C2)),
    {{reply, 3}, L1, C3} = gen_server:receive_response(C2, 5000, true),
    {{reply, 3}, L2, C4} = gen_server:receive_response(C3, 5000, true),
    ?assertEqual([first, second], lists:sort([L1, L2])),
    ?assertEqual(no_request, gen_server:receive_response(C4, 5000, true)),
    ok = gen_server:stop(Pid).

multi_call_local_test() ->
    Name = unique(gs_multi),
    {ok, Pid} = gen_server:start({local, Name}, ?MODULE, 11, []),
    Node = node(),
    ?assertEqual({[{Node, 11}], []}, gen_server:multi_call(Name, get)),
    ?assertEqual({[{Node, 11}], []}, gen_server:multi_call([node()], Name, get, 1000)),
    ok = gen_server:stop(Pid),
    ?assertEqual({[], [Node]}, gen_server:multi_call(Name, get)).

abcast_local_test() ->
    Name = unique(gs_abcast),
    {ok, Pid} = gen_server:start({local, Name}, ?MODULE, 0, []),
    ?assertEqual(abcast, gen_server:abcast(Name, {set, 12})),
    ?assertEqual(abcast, gen_server:abcast([node()], Name, {set, 13})),
    ?assertEqual(13, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid),
    ?assertEqual(abcast, gen_server:abcast(Name, {set, 14})).

enter_loop_test() ->
    {ok, Pid} = proc_lib:start(?MODULE, enter_loop_init, [self()]),
    ?assertEqual(entered_state, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid).

stop_from_handle_info_test() ->
    {ok, Pid} = gen_server:start(?MODULE, #{notify => notify()}, []),
    MRef = monitor(process, Pid),
    Pid ! {stop_me, {shutdown, asked}},
    ?assertEqual({terminate, {shutdown, asked}}, expect()),
    ?assertEqual({shutdown, asked}, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

continue_stop_test() ->
    {ok, Pid} = gen_server:start(?MODULE, #{}, []),
    MRef = monitor(process, Pid),
    ok = gen_server:call(Pid, continue_stop),
    ?assertEqual({shutdown, continued},
                 receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

stop_timeout_test() ->
    {ok, Pid} = gen_server:start(?MODULE, #{}, []),
    ok = gen_server:call(Pid, {slow_terminate, 500}),
    ?assertExit(timeout, gen_server:stop(Pid, normal, 50)).

stop_terminate_crash_test() ->
    {ok, Pid} = gen_server:start(?MODULE, #{}, []),
    ok = gen_server:call(Pid, crash_terminate),
    ?assertExit({terminate_crashed, [_ | _]}, gen_server:stop(Pid)).

stop_unregistered_name_test() ->
    ?assertExit(noproc, gen_server:stop(unique(gs_none))).

call_infinity_to_dead_name_test() ->
    Name = unique(gs_gone),
    R = try gen_server:call(Name, get, infinity) catch exit:E -> E end,
    ?assertEqual({noproc, {gen_server, call, [Name, get, infinity]}}, R).
