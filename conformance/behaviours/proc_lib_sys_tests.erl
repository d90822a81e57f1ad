-module(proc_lib_sys_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_server).

%% Conformance: proc_lib (synchronous start, dictionary entries, stop) and
%% the sys interface (get_state, replace_state, suspend/resume, get_status,
%% change_code, terminate) of OTP 25, on a gen_server of this module.

-export([init/1, handle_call/3, handle_cast/2, code_change/3]).
-export([acking/1, acking_after/2, dying/1, looping/0]).

%% ---- gen_server callbacks ------------------------------------------------------

init(N) -> {ok, N}.

handle_call(get, _From, N) -> {reply, N, N};
handle_call({add, K}, _From, N) -> {reply, ok, N + K}.

handle_cast(_Msg, N) -> {noreply, N}.

code_change(Vsn, N, Extra) -> {ok, {changed, Vsn, N, Extra}}.

%% ---- proc_lib entry functions --------------------------------------------------

acking(Parent) ->
    proc_lib:init_ack(Parent, {ok, self()}),
    looping().

acking_after(Parent, Ms) ->
    timer:sleep(Ms),
    proc_lib:init_ack(Parent, late),
    looping().

dying(Reason) ->
    exit(Reason).

looping() ->
    receive
        {get_dict, From} -> From ! {dict, get('$ancestors'), get('$initial_call')}, looping();
        stop -> ok
    end.

%% ---- proc_lib --------------------------------------------------------------------

start_link_init_ack_test() ->
    {ok, Pid} = proc_lib:start_link(?MODULE, acking, [self()]),
    {links, Links} = process_info(self(), links),
    ?assert(lists:member(Pid, Links)),
    unlink(Pid),
    Pid ! stop.

start_dictionary_entries_test() ->
    {ok, Pid} = proc_lib:start(?MODULE, acking, [self()]),
    Pid ! {get_dict, self()},
    Self = self(),
    ?assertEqual({dict, [Self], {?MODULE, acking, 1}},
                 receive {dict, _, _} = D -> D after 5000 -> timeout end),
    ?assertEqual({?MODULE, acking, ['Argument__1']}, proc_lib:initial_call(Pid)),
    ?assertEqual({?MODULE, acking, 1}, proc_lib:translate_initial_call(Pid)),
    Pid ! stop.

start_timeout_test() ->
    ?assertEqual({error, timeout}, proc_lib:start(?MODULE, acking_after, [self(), 500], 50)).

start_dies_before_ack_test() ->
    ?assertEqual({error, went_away}, proc_lib:start(?MODULE, dying, [went_away])).

start_monitor_test() ->
    {{ok, Pid}, Ref} = proc_lib:start_monitor(?MODULE, acking, [self()]),
    ?assert(is_reference(Ref)),
    Pid ! stop,
    ?assertEqual(normal, receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end).

spawn_link_ancestors_test() ->
    Self = self(),
    Pid = proc_lib:spawn_link(fun() -> Self ! {anc, get('$ancestors')} end),
    ?assertEqual([Self], receive {anc, A} -> A after 5000 -> timeout end),
    ?assert(is_pid(Pid)).

not_started_by_proc_lib_test() ->
    Pid = spawn(fun() -> receive stop -> ok end end),
    ?assertEqual(false, proc_lib:initial_call(Pid)),
    ?assertEqual({proc_lib, init_p, 5}, proc_lib:translate_initial_call(Pid)),
    Pid ! stop.

gen_server_initial_call_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    ?assertEqual({?MODULE, init, ['Argument__1']}, proc_lib:initial_call(Pid)),
    ok = gen_server:stop(Pid).

proc_lib_stop_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    ?assertEqual(ok, proc_lib:stop(Pid)),
    ?assertNot(is_process_alive(Pid)).

%% ---- sys ---------------------------------------------------------------------

get_state_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 5, []),
    ?assertEqual(5, sys:get_state(Pid)),
    ?assertEqual(5, sys:get_state(Pid, 1000)),
    ok = gen_server:stop(Pid).

replace_state_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 5, []),
    ?assertEqual(50, sys:replace_state(Pid, fun(N) -> N * 10 end)),
    ?assertEqual(50, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid).

replace_state_fun_crash_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 5, []),
    R = try sys:replace_state(Pid, fun(_) -> error(oops) end) catch error:E -> E end,
    ?assertEqual({callback_failed, {gen_server, system_replace_state}, {error, oops}}, R),
    ?assertEqual(5, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid).

suspend_resume_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    ?assertEqual(ok, sys:suspend(Pid)),
    gen_server:cast(Pid, ignored),
    R = try gen_server:call(Pid, get, 100) catch exit:E -> E end,
    ?assertMatch({timeout, _}, R),
    %% system messages are still answered while suspended
    ?assertEqual(0, sys:get_state(Pid)),
    ?assertEqual(ok, sys:resume(Pid)),
    ?assertEqual(0, gen_server:call(Pid, get)),
    ok = gen_server:stop(Pid).

change_code_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 3, []),
    ok = sys:suspend(Pid),
    ?assertEqual(ok, sys:change_code(Pid, ?MODULE, old_vsn, extra)),
    ok = sys:resume(Pid),
    ?assertEqual({changed, old_vsn, 3, extra}, sys:get_state(Pid)),
    ok = gen_server:stop(Pid).

get_status_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 7, []),
    {status, P, {module, gen_server}, [_PDict, running, _Parent, [], Misc]} = sys:get_status(Pid),
    ?assertEqual(Pid, P),
    ?assert(lists:member({data, [{"State", 7}]}, Misc)),
    ok = gen_server:stop(Pid).

sys_terminate_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    MRef = monitor(process, Pid),
    ?assertEqual(ok, sys:terminate(Pid, {shutdown, bye})),
    ?assertEqual({shutdown, bye}, receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end).

get_state_noproc_test() ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    ok = gen_server:stop(Pid),
    R = try sys:get_state(Pid) catch exit:E -> E end,
    ?assertEqual({noproc, {sys, get_state, [Pid]}}, R).

get_state_timeout_test() ->
    Pid = spawn(fun() -> receive stop -> ok end end),
    R = try sys:get_state(Pid, 50) catch exit:E -> E end,
    ?assertEqual({timeout, {sys, get_state, [Pid, 50]}}, R),
    Pid ! stop.
