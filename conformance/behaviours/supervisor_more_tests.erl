-module(supervisor_more_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(supervisor).

%% Conformance: more of supervisor (OTP 25): rest_for_one, simple_one_for_one,
%% shutdown (timeout, brutal_kill, a child that ignores shutdown), restart
%% intensity within a period, bad flags and specs, check_childspecs/1,
%% auto_shutdown with significant children.

-export([init/1, start_worker/1, start_stubborn/0, start_arg_worker/2]).

%% ---- callbacks and workers -----------------------------------------------------

init({Flags, Specs}) -> {ok, {Flags, Specs}};
init(bad_return) -> {ok, not_a_tuple}.

start_worker(Id) ->
    {ok, spawn_link(fun() -> worker(Id) end)}.

start_arg_worker(Fixed, Extra) ->
    {ok, spawn_link(fun() -> worker({Fixed, Extra}) end)}.

worker(Id) ->
    receive
        {ping, From, Tag} -> From ! {Tag, Id, self()}, worker(Id);
        stop_normally -> ok
    end.

%% Traps exits and ignores shutdown: only kill ends it.
start_stubborn() ->
    {ok, spawn_link(fun() -> process_flag(trap_exit, true), stubborn() end)}.

stubborn() ->
    receive _ -> stubborn() end.

%% ---- helpers -------------------------------------------------------------------

spec(Id) -> spec(Id, permanent).

spec(Id, Restart) ->
    #{id => Id, start => {?MODULE, start_worker, [Id]}, restart => Restart,
      shutdown => 1000}.

start(Flags, Specs) ->
    {ok, Sup} = supervisor:start_link(?MODULE, {Flags, Specs}),
    unlink(Sup),
    Sup.

pid(Sup, Id) ->
    case lists:keyfind(Id, 1, supervisor:which_children(Sup)) of
        {Id, Pid, _, _} -> Pid;
        false -> not_found
    end.

crash(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, crash),
    receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end.

wait_new(Sup, Id, Old) -> wait_new(Sup, Id, Old, 200).

wait_new(_Sup, _Id, _Old, 0) -> timeout;
wait_new(Sup, Id, Old, N) ->
    case pid(Sup, Id) of
        P when is_pid(P), P =/= Old -> P;
        _ -> timer:sleep(10), wait_new(Sup, Id, Old, N - 1)
    end.

down(Ref) ->
    receive {'DOWN', Ref, process, _, R} -> R after 5000 -> timeout end.

%% ---- tests ---------------------------------------------------------------------

rest_for_one_restarts_later_children_test() ->
    Sup = start(#{strategy => rest_for_one, intensity => 5, period => 10},
                [spec(a), spec(b), spec(c)]),
    [A, B, C] = [pid(Sup, I) || I <- [a, b, c]],
    CRef = monitor(process, C),
    crash = crash(B),
    ?assertEqual(shutdown, down(CRef)),
    ?assert(is_pid(wait_new(Sup, b, B))),
    ?assert(is_pid(wait_new(Sup, c, C))),
    ?assertEqual(A, pid(Sup, a)),
    ok = gen_server:stop(Sup).

simple_one_for_one_test() ->
    Spec = #{id => dyn, start => {?MODULE, start_arg_worker, [fixed]}, restart => transient},
    Sup = start(#{strategy => simple_one_for_one}, [Spec]),
    ?assertEqual([], supervisor:which_children(Sup)),
    {ok, P1} = supervisor:start_child(Sup, [one]),
    {ok, P2} = supervisor:start_child(Sup, [two]),
    Tag = make_ref(),
    P1 ! {ping, self(), Tag},
    ?assertEqual({fixed, one}, receive {Tag, Id, P1} -> Id after 5000 -> timeout end),
    ?assertEqual(lists:sort([{undefined, P1, worker, [?MODULE]},
                             {undefined, P2, worker, [?MODULE]}]),
                 lists:sort(supervisor:which_children(Sup))),
    ?assertEqual([{specs, 1}, {active, 2}, {supervisors, 0}, {workers, 2}],
                 supervisor:count_children(Sup)),
    ?assertEqual({error, simple_one_for_one}, supervisor:terminate_child(Sup, dyn)),
    ?assertEqual({error, simple_one_for_one}, supervisor:delete_child(Sup, dyn)),
    ?assertEqual({error, simple_one_for_one}, supervisor:restart_child(Sup, dyn)),
    ?assertEqual(ok, supervisor:terminate_child(Sup, P1)),
    %% a pid that is gone is fine, a live process that is no child is not
    ?assertEqual(ok, supervisor:terminate_child(Sup, P1)),
    ?assertEqual({error, not_found}, supervisor:terminate_child(Sup, self())),
    ?assertEqual([{undefined, P2, worker, [?MODULE]}], supervisor:which_children(Sup)),
    ok = gen_server:stop(Sup).

simple_one_for_one_restart_test() ->
    Spec = #{id => dyn, start => {?MODULE, start_arg_worker, [fixed]}},
    Sup = start(#{strategy => simple_one_for_one, intensity => 5, period => 10}, [Spec]),
    {ok, P1} = supervisor:start_child(Sup, [x]),
    crash = crash(P1),
    New = wait_dyn(Sup, P1, 200),
    ?assert(is_pid(New)),
    Tag = make_ref(),
    New ! {ping, self(), Tag},
    ?assertEqual({fixed, x}, receive {Tag, Id, New} -> Id after 5000 -> timeout end),
    ok = gen_server:stop(Sup).

wait_dyn(_Sup, _Old, 0) -> timeout;
wait_dyn(Sup, Old, N) ->
    case supervisor:which_children(Sup) of
        [{undefined, P, _, _}] when is_pid(P), P =/= Old -> P;
        _ -> timer:sleep(10), wait_dyn(Sup, Old, N - 1)
    end.

simple_one_for_one_stop_stops_all_test() ->
    Spec = #{id => dyn, start => {?MODULE, start_arg_worker, [f]}},
    Sup = start(#{strategy => simple_one_for_one}, [Spec]),
    Pids = [begin {ok, P} = supervisor:start_child(Sup, [N]), P end || N <- lists:seq(1, 5)],
    Refs = [monitor(process, P) || P <- Pids],
    ok = gen_server:stop(Sup),
    ?assertEqual([shutdown || _ <- Refs], [down(R) || R <- Refs]).

simple_one_for_one_bad_specs_test() ->
    process_flag(trap_exit, true),
    ?assertMatch({error, {bad_start_spec, []}},
                 supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, []})),
    process_flag(trap_exit, false).

shutdown_timeout_kills_stubborn_child_test() ->
    Spec = #{id => s, start => {?MODULE, start_stubborn, []}, shutdown => 50},
    Sup = start(#{}, [Spec]),
    S = pid(Sup, s),
    Ref = monitor(process, S),
    ?assertEqual(ok, supervisor:terminate_child(Sup, s)),
    ?assertEqual(killed, down(Ref)),
    ok = gen_server:stop(Sup).

brutal_kill_test() ->
    Spec = #{id => b, start => {?MODULE, start_worker, [b]}, shutdown => brutal_kill},
    Sup = start(#{}, [Spec]),
    B = pid(Sup, b),
    Ref = monitor(process, B),
    ok = gen_server:stop(Sup),
    ?assertEqual(killed, down(Ref)).

intensity_within_period_test() ->
    Sup = start(#{strategy => one_for_one, intensity => 2, period => 10}, [spec(a)]),
    SRef = monitor(process, Sup),
    A1 = pid(Sup, a),
    crash = crash(A1),
    A2 = wait_new(Sup, a, A1),
    crash = crash(A2),
    A3 = wait_new(Sup, a, A2),
    ?assert(is_pid(A3)),
    ?assert(is_process_alive(Sup)),
    crash = crash(A3),
    ?assertEqual(shutdown, down(SRef)).

intensity_zero_test() ->
    Sup = start(#{intensity => 0}, [spec(a)]),
    SRef = monitor(process, Sup),
    crash = crash(pid(Sup, a)),
    ?assertEqual(shutdown, down(SRef)).

default_flags_test() ->
    %% default intensity 1, period 5: the second crash ends the supervisor
    Sup = start(#{}, [spec(a)]),
    SRef = monitor(process, Sup),
    A1 = pid(Sup, a),
    crash = crash(A1),
    A2 = wait_new(Sup, a, A1),
    crash = crash(A2),
    ?assertEqual(shutdown, down(SRef)).

bad_flags_test() ->
    process_flag(trap_exit, true),
    ?assertEqual({error, {supervisor_data, {invalid_strategy, bogus}}},
                 supervisor:start_link(?MODULE, {#{strategy => bogus}, []})),
    ?assertEqual({error, {supervisor_data, {invalid_intensity, -1}}},
                 supervisor:start_link(?MODULE, {#{intensity => -1}, []})),
    ?assertEqual({error, {supervisor_data, {invalid_period, 0}}},
                 supervisor:start_link(?MODULE, {#{period => 0}, []})),
    ?assertEqual({error, {supervisor_data, {invalid_type, bad}}},
                 supervisor:start_link(?MODULE, {bad, []})),
    process_flag(trap_exit, false).

bad_init_return_test() ->
    process_flag(trap_exit, true),
    ?assertEqual({error, {bad_return, {?MODULE, init, {ok, not_a_tuple}}}},
                 supervisor:start_link(?MODULE, bad_return)),
    process_flag(trap_exit, false).

bad_child_spec_at_start_test() ->
    process_flag(trap_exit, true),
    ?assertEqual({error, {start_spec, {invalid_restart_type, sometimes}}},
                 supervisor:start_link(?MODULE, {#{}, [(spec(a))#{restart => sometimes}]})),
    ?assertEqual({error, {start_spec, {duplicate_child_name, a}}},
                 supervisor:start_link(?MODULE, {#{}, [spec(a), spec(a)]})),
    process_flag(trap_exit, false).

start_child_bad_spec_test() ->
    Sup = start(#{}, []),
    ?assertEqual({error, {invalid_shutdown, -5}},
                 supervisor:start_child(Sup, (spec(x))#{shutdown => -5})),
    ?assertEqual({error, missing_start}, supervisor:start_child(Sup, #{id => y})),
    ok = gen_server:stop(Sup).

check_childspecs_test() ->
    ?assertEqual(ok, supervisor:check_childspecs([spec(a), spec(b)])),
    ?assertEqual({error, {duplicate_child_name, a}},
                 supervisor:check_childspecs([spec(a), spec(a)])),
    ?assertEqual({error, {invalid_child_type, thing}},
                 supervisor:check_childspecs([(spec(a))#{type => thing}])),
    ?assertEqual({error, {invalid_mfa, nope}},
                 supervisor:check_childspecs([#{id => a, start => nope}])),
    ?assertEqual({error, {invalid_modules, notalist}},
                 supervisor:check_childspecs([(spec(a))#{modules => notalist}])),
    ?assertEqual({error, {invalid_child_spec, junk}}, supervisor:check_childspecs([junk])),
    ?assertEqual({error, missing_id},
                 supervisor:check_childspecs([#{start => {?MODULE, start_worker, [a]}}])),
    ?assertEqual(ok, supervisor:check_childspecs(
                       [{t, {?MODULE, start_worker, [t]}, temporary, 100, worker, dynamic}])).

supervisor_child_defaults_test() ->
    Sup = start(#{}, []),
    {ok, _} = supervisor:start_child(Sup, #{id => s, start => {?MODULE, start_worker, [s]},
                                            type => supervisor}),
    {ok, Spec} = supervisor:get_childspec(Sup, s),
    ?assertEqual(infinity, maps:get(shutdown, Spec)),
    ?assertEqual([{specs, 1}, {active, 1}, {supervisors, 1}, {workers, 0}],
                 supervisor:count_children(Sup)),
    ok = gen_server:stop(Sup).

static_children_found_by_id_only_test() ->
    %% terminate_child/2 of a static supervisor takes the id, not the pid
    Sup = start(#{}, [spec(a)]),
    A = pid(Sup, a),
    ?assertEqual({error, not_found}, supervisor:terminate_child(Sup, A)),
    ?assertEqual(A, pid(Sup, a)),
    ok = gen_server:stop(Sup).

temporary_terminated_child_is_deleted_test() ->
    Sup = start(#{}, [spec(t, temporary)]),
    ?assertEqual(ok, supervisor:terminate_child(Sup, t)),
    ?assertEqual([], supervisor:which_children(Sup)),
    ok = gen_server:stop(Sup).

get_callback_module_test() ->
    Sup = start(#{}, []),
    ?assertEqual(?MODULE, supervisor:get_callback_module(Sup)),
    ok = gen_server:stop(Sup).

auto_shutdown_any_significant_test() ->
    Sig = (spec(s, transient))#{significant => true},
    Sup = start(#{auto_shutdown => any_significant}, [Sig, spec(other)]),
    SRef = monitor(process, Sup),
    S = pid(Sup, s),
    S ! stop_normally,
    ?assertEqual(shutdown, down(SRef)).

auto_shutdown_all_significant_test() ->
    S1 = (spec(s1, temporary))#{significant => true},
    S2 = (spec(s2, temporary))#{significant => true},
    Sup = start(#{auto_shutdown => all_significant}, [S1, S2]),
    SRef = monitor(process, Sup),
    P1 = pid(Sup, s1),
    P2 = pid(Sup, s2),
    P1 ! stop_normally,
    ?assertEqual(timeout, receive {'DOWN', SRef, _, _, _} -> down after 100 -> timeout end),
    P2 ! stop_normally,
    ?assertEqual(shutdown, down(SRef)).

significant_needs_auto_shutdown_test() ->
    Sig = (spec(s, transient))#{significant => true},
    %% check_childspecs/1 has no auto_shutdown to check against
    ?assertEqual(ok, supervisor:check_childspecs([Sig])),
    ?assertEqual({error, {bad_combination, [{auto_shutdown, never}, {significant, true}]}},
                 supervisor:check_childspecs([Sig], never)),
    ?assertEqual({error, {bad_combination, [{restart, permanent}, {significant, true}]}},
                 supervisor:check_childspecs([(spec(p))#{significant => true}], any_significant)),
    process_flag(trap_exit, true),
    ?assertEqual({error, {start_spec, {bad_combination, [{auto_shutdown, never},
                                                         {significant, true}]}}},
                 supervisor:start_link(?MODULE, {#{}, [Sig]})),
    process_flag(trap_exit, false).

restart_child_of_stopped_test() ->
    Sup = start(#{}, [spec(a)]),
    ok = supervisor:terminate_child(Sup, a),
    {ok, A} = supervisor:restart_child(Sup, a),
    ?assertEqual(A, pid(Sup, a)),
    ?assertEqual({error, running}, supervisor:restart_child(Sup, a)),
    ok = gen_server:stop(Sup).

nested_supervisor_test() ->
    Inner = #{id => inner, type => supervisor,
              start => {supervisor, start_link, [?MODULE, {#{}, [spec(w)]}]}},
    Sup = start(#{}, [Inner]),
    InnerPid = pid(Sup, inner),
    ?assertMatch([{w, P, worker, _}] when is_pid(P), supervisor:which_children(InnerPid)),
    [{w, W, _, _}] = supervisor:which_children(InnerPid),
    WRef = monitor(process, W),
    ok = gen_server:stop(Sup),
    ?assertEqual(shutdown, down(WRef)).
