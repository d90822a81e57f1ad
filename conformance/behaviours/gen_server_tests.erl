-module(gen_server_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_server).

%% Conformance: gen_server of OTP 25. This module is its own callback module;
%% the argument given to init/1 selects the variant.

-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         handle_continue/2, terminate/2]).

%% ---- callbacks ---------------------------------------------------------------

init({counter, N}) -> {ok, #{count => N, notify => undefined}};
init({notify_terminate, Pid}) -> {ok, #{count => 0, notify => Pid}};
init({stop, Reason}) -> {stop, Reason};
init(ignore) -> ignore;
init({continue, Pid}) ->
    {ok, #{count => 0, notify => Pid, log => [init]}, {continue, first}};
init({crash_in_init, Reason}) -> exit(Reason);
init({slow_init, Ms}) -> timer:sleep(Ms), {ok, #{count => 0, notify => undefined}}.

handle_call(get, _From, S = #{count := C}) -> {reply, C, S};
handle_call({add, N}, _From, S = #{count := C}) -> {reply, ok, S#{count := C + N}};
handle_call({sleep, Ms}, _From, S) -> timer:sleep(Ms), {reply, slept, S};
handle_call(stop_with_reply, _From, S) -> {stop, normal, stopping, S};
handle_call(stop_no_reply, From, S) -> gen_server:reply(From, replied_early), {stop, normal, S};
handle_call(noreply_later, From, S) -> self() ! {reply_later, From}, {noreply, S};
handle_call(crash, _From, _S) -> error(crash_in_call);
handle_call(get_log, _From, S = #{log := L}) -> {reply, lists:reverse(L), S};
handle_call(continue_again, _From, S) -> {reply, ok, S, {continue, again}};
handle_call(whoami, From, S) -> {reply, From, S}.

handle_cast({add, N}, S = #{count := C}) -> {noreply, S#{count := C + N}};
handle_cast(stop, S) -> {stop, normal, S};
handle_cast({stop, Reason}, S) -> {stop, Reason, S}.

handle_info({reply_later, From}, S) -> gen_server:reply(From, late_reply), {noreply, S};
handle_info({add, N}, S = #{count := C}) -> {noreply, S#{count := C + N}};
handle_info(_Other, S) -> {noreply, S}.

handle_continue(first, S = #{log := L}) -> {noreply, S#{log := [first | L]}};
handle_continue(again, S = #{log := L}) -> {noreply, S#{log := [again | L]}}.

terminate(Reason, #{notify := {Pid, Tag}}) -> Pid ! {Tag, terminated, Reason}, ok;
terminate(_Reason, _S) -> ok.

%% ---- helpers -----------------------------------------------------------------

%% terminate/2 notifications are tagged with a fresh reference (kept in the
%% process dictionary) so that messages of one test cannot reach another.
notify_to() ->
    Tag = make_ref(),
    put(notify_tag, Tag),
    {self(), Tag}.

terminated() ->
    Tag = get(notify_tag),
    receive {Tag, terminated, R} -> R after 5000 -> timeout end.

id(X) -> X.

unique_name(Base) ->
    list_to_atom(atom_to_list(Base) ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))).

wait_dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end.

kill(Pid) ->
    unlink(Pid),
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, Pid, _} -> ok after 5000 -> timeout end.

%% Runs Fun in a fresh process, returns its result (keeps links/trap_exit local).
in_proc(Fun) ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() -> Self ! {Ref, Fun()} end),
    receive
        {Ref, R} -> receive {'DOWN', MRef, process, Pid, _} -> ok after 5000 -> ok end, R;
        {'DOWN', MRef, process, Pid, Reason} -> {died, Reason}
    after 10000 -> timeout
    end.

%% ---- start -------------------------------------------------------------------

start3_returns_ok_pid_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ?assert(is_pid(Pid)),
    ?assert(is_process_alive(Pid)),
    ?assertEqual(ok, gen_server:stop(Pid)).

start3_not_linked_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    {links, L} = process_info(self(), links),
    ?assertNot(lists:member(Pid, L)),
    ?assertEqual(ok, gen_server:stop(Pid)).

start_link3_linked_test() ->
    {ok, Pid} = gen_server:start_link(?MODULE, {counter, 0}, []),
    {links, L} = process_info(self(), links),
    ?assert(lists:member(Pid, L)),
    ?assertEqual(ok, gen_server:stop(Pid)).

start4_local_name_test() ->
    Name = unique_name(gs_named),
    {ok, Pid} = gen_server:start({local, Name}, ?MODULE, {counter, 7}, []),
    ?assertEqual(Pid, whereis(Name)),
    ?assertEqual(7, gen_server:call(Name, get)),
    ?assertEqual(ok, gen_server:stop(Name)),
    ?assertEqual(undefined, whereis(Name)).

start_link4_local_name_test() ->
    Name = unique_name(gs_named_link),
    {ok, Pid} = gen_server:start_link({local, Name}, ?MODULE, {counter, 1}, []),
    ?assertEqual(Pid, whereis(Name)),
    ?assertEqual(1, gen_server:call({Name, node()}, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

start_name_already_started_test() ->
    Name = unique_name(gs_dup),
    {ok, Pid} = gen_server:start({local, Name}, ?MODULE, {counter, 0}, []),
    ?assertEqual({error, {already_started, Pid}},
                 gen_server:start({local, Name}, ?MODULE, {counter, 0}, [])),
    ?assertEqual(ok, gen_server:stop(Pid)).

init_stop_test() ->
    ?assertEqual({error, my_reason}, gen_server:start(?MODULE, {stop, my_reason}, [])).

init_stop_start_link_test() ->
    R = in_proc(fun() ->
            process_flag(trap_exit, true),
            Res = gen_server:start_link(?MODULE, {stop, bad_init}, []),
            Exit = receive {'EXIT', _, E} -> E after 5000 -> none end,
            {Res, Exit}
        end),
    ?assertEqual({{error, bad_init}, bad_init}, R).

init_ignore_test() ->
    ?assertEqual(ignore, gen_server:start(?MODULE, ignore, [])).

init_ignore_name_not_registered_test() ->
    Name = unique_name(gs_ignore),
    ?assertEqual(ignore, gen_server:start({local, Name}, ?MODULE, ignore, [])),
    ?assertEqual(undefined, whereis(Name)).

init_crash_error_test() ->
    ?assertEqual({error, init_crashed}, gen_server:start(?MODULE, {crash_in_init, init_crashed}, [])).

start_timeout_option_test() ->
    R = gen_server:start(?MODULE, {slow_init, 1000}, [{timeout, 50}]),
    ?assertEqual({error, timeout}, R).

%% ---- call / cast / info ------------------------------------------------------

call_reply_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 41}, []),
    ?assertEqual(41, gen_server:call(Pid, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

state_survives_calls_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ok = gen_server:call(Pid, {add, 2}),
    ok = gen_server:call(Pid, {add, 3}),
    ?assertEqual(5, gen_server:call(Pid, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

call3_with_timeout_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 3}, []),
    ?assertEqual(3, gen_server:call(Pid, get, 1000)),
    ?assertEqual(3, gen_server:call(Pid, get, infinity)),
    ?assertEqual(ok, gen_server:stop(Pid)).

cast_returns_ok_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ?assertEqual(ok, gen_server:cast(Pid, {add, 10})),
    ?assertEqual(10, gen_server:call(Pid, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

cast_to_unknown_name_ok_test() ->
    ?assertEqual(ok, gen_server:cast(id(no_such_server_xyz), hello)).

info_message_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    Pid ! {add, 4},
    Pid ! unrelated,
    ?assertEqual(4, gen_server:call(Pid, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

noreply_then_reply_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ?assertEqual(late_reply, gen_server:call(Pid, noreply_later)),
    ?assertEqual(ok, gen_server:stop(Pid)).

call_from_shape_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    From = gen_server:call(Pid, whoami),
    ?assertMatch({P, _Tag} when is_pid(P), From),
    ?assertEqual(self(), element(1, From)),
    ?assertEqual(ok, gen_server:stop(Pid)).

multi_call_order_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    [gen_server:cast(Pid, {add, N}) || N <- lists:seq(1, 10)],
    ?assertEqual(55, gen_server:call(Pid, get)),
    ?assertEqual(ok, gen_server:stop(Pid)).

%% ---- call failures -----------------------------------------------------------

call_timeout_exit_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    R = try gen_server:call(Pid, {sleep, 300}, 20) catch exit:E -> E end,
    ?assertMatch({timeout, {gen_server, call, [Pid, {sleep, 300}, 20]}}, R),
    ?assertEqual(ok, gen_server:stop(Pid)).

call_dead_server_noproc_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ok = gen_server:stop(Pid),
    R = try gen_server:call(Pid, get) catch exit:E -> E end,
    ?assertMatch({noproc, {gen_server, call, [Pid, get]}}, R).

call_unregistered_name_noproc_test() ->
    R = try gen_server:call(id(no_such_server_xyz), get) catch exit:E -> E end,
    ?assertMatch({noproc, {gen_server, call, [no_such_server_xyz, get]}}, R).

call_server_crashes_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    MRef = monitor(process, Pid),
    R = try gen_server:call(Pid, crash) catch exit:E -> E end,
    ?assertMatch({{crash_in_call, [_ | _]}, {gen_server, call, [Pid, crash]}}, R),
    ?assertMatch({crash_in_call, [_ | _]},
                 receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

%% ---- stop / terminate --------------------------------------------------------

stop1_returns_ok_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ?assertEqual(ok, gen_server:stop(Pid)),
    ?assertNot(is_process_alive(Pid)).

stop1_terminate_called_normal_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {notify_terminate, notify_to()}, []),
    ok = gen_server:stop(Pid),
    ?assertEqual(normal, terminated()).

stop3_reason_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {notify_terminate, notify_to()}, []),
    MRef = monitor(process, Pid),
    ?assertEqual(ok, gen_server:stop(Pid, shutdown, 5000)),
    ?assertEqual(shutdown, terminated()),
    ?assertEqual(shutdown, receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

stop_dead_server_noproc_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    ok = gen_server:stop(Pid),
    ?assertExit(noproc, gen_server:stop(Pid)).

stop_from_handle_call_with_reply_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {notify_terminate, notify_to()}, []),
    MRef = monitor(process, Pid),
    ?assertEqual(stopping, gen_server:call(Pid, stop_with_reply)),
    ?assertEqual(normal, terminated()),
    ?assertEqual(normal, receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

stop_from_handle_call_reply_first_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    MRef = monitor(process, Pid),
    ?assertEqual(replied_early, gen_server:call(Pid, stop_no_reply)),
    ?assertEqual(normal, receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

stop_from_handle_cast_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {notify_terminate, notify_to()}, []),
    MRef = monitor(process, Pid),
    gen_server:cast(Pid, {stop, {shutdown, done}}),
    ?assertEqual({shutdown, done}, terminated()),
    ?assertEqual({shutdown, done},
                 receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end).

terminate_on_crash_reason_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {notify_terminate, notify_to()}, []),
    catch gen_server:call(Pid, crash),
    R = terminated(),
    ?assertMatch({crash_in_call, [_ | _]}, R),
    wait_dead(Pid).

linked_parent_exit_not_trapping_test() ->
    %% a server not trapping exits dies with its linked parent, terminate is not called
    Self = self(),
    Tag = make_ref(),
    Parent = spawn(fun() ->
            {ok, P} = gen_server:start_link(?MODULE, {notify_terminate, {Self, Tag}}, []),
            Self ! {server, P},
            receive stop -> exit(parent_gone) end
        end),
    Pid = receive {server, P} -> P after 5000 -> error(no_server) end,
    MRef = monitor(process, Pid),
    Parent ! stop,
    ?assertEqual(parent_gone, receive {'DOWN', MRef, process, Pid, X} -> X after 5000 -> timeout end),
    ?assertEqual(none, receive {Tag, terminated, _} -> got after 50 -> none end).

%% ---- handle_continue -----------------------------------------------------------

handle_continue_from_init_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {continue, notify_to()}, []),
    ?assertEqual([init, first], gen_server:call(Pid, get_log)),
    ?assertEqual(ok, gen_server:stop(Pid)).

handle_continue_from_call_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {continue, notify_to()}, []),
    ok = gen_server:call(Pid, continue_again),
    ?assertEqual([init, first, again], gen_server:call(Pid, get_log)),
    ?assertEqual(ok, gen_server:stop(Pid)).

%% ---- misc ----------------------------------------------------------------------

reply_returns_ok_test() ->
    Tag = make_ref(),
    ?assertEqual(ok, gen_server:reply({self(), Tag}, hi)),
    ?assertEqual(hi, receive {Tag, M} -> M after 1000 -> timeout end).

server_process_state_alive_after_calls_test() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, 0}, []),
    [ok = gen_server:call(Pid, {add, 1}) || _ <- lists:seq(1, 50)],
    ?assertEqual(50, gen_server:call(Pid, get)),
    ?assertEqual(ok, kill(Pid)).
