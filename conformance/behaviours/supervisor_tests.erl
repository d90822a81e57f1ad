-module(supervisor_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(supervisor).

%% Conformance: supervisor of OTP 25. This module is the supervisor callback
%% module and also provides the worker start function.

-export([init/1, start_worker/0, start_failing/0, start_ignore/0]).

%% ---- callbacks and workers -----------------------------------------------------

init({Strategy, Intensity, Ids}) ->
    {ok, {#{strategy => Strategy, intensity => Intensity, period => 10},
          [worker_spec(Id, permanent) || Id <- Ids]}};
init({specs, Specs}) ->
    {ok, {#{strategy => one_for_one, intensity => 10, period => 10}, Specs}};
init(tuple_format) ->
    {ok, {{one_for_one, 5, 10},
          [{w, {?MODULE, start_worker, []}, permanent, 1000, worker, [?MODULE]}]}};
init(ignore) ->
    ignore.

worker_spec(Id, Restart) ->
    #{id => Id, start => {?MODULE, start_worker, []}, restart => Restart,
      shutdown => 1000, type => worker, modules => [?MODULE]}.

start_worker() ->
    {ok, spawn_link(fun worker_loop/0)}.

start_failing() ->
    {error, no_way}.

start_ignore() ->
    ignore.

worker_loop() ->
    receive
        {ping, From, Tag} -> From ! {Tag, pong, self()}, worker_loop();
        stop_normally -> ok
    end.

%% ---- helpers -------------------------------------------------------------------

start(Args) ->
    {ok, Sup} = supervisor:start_link(?MODULE, Args),
    unlink(Sup),
    Sup.

stop(Sup) ->
    gen_server:stop(Sup).

child_pid(Sup, Id) ->
    case lists:keyfind(Id, 1, supervisor:which_children(Sup)) of
        {Id, Pid, _, _} -> Pid;
        false -> not_found
    end.

%% Waits until child Id of Sup has a pid different from Old (it was restarted).
wait_restarted(Sup, Id, Old) -> wait_restarted(Sup, Id, Old, 200).

wait_restarted(_Sup, _Id, _Old, 0) -> timeout;
wait_restarted(Sup, Id, Old, N) ->
    case child_pid(Sup, Id) of
        P when is_pid(P), P =/= Old -> P;
        _ -> timer:sleep(10), wait_restarted(Sup, Id, Old, N - 1)
    end.

%% Waits until child_pid(Sup, Id) returns Expected.
wait_child(Sup, Id, Expected) -> wait_child(Sup, Id, Expected, 200).

wait_child(_Sup, _Id, _Expected, 0) -> timeout;
wait_child(Sup, Id, Expected, N) ->
    case child_pid(Sup, Id) of
        Expected -> Expected;
        _ -> timer:sleep(10), wait_child(Sup, Id, Expected, N - 1)
    end.

kill_child(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, crash),
    receive {'DOWN', Ref, process, Pid, R} -> R after 5000 -> timeout end.

ping(Pid) ->
    Tag = make_ref(),
    Pid ! {ping, self(), Tag},
    receive {Tag, pong, Pid} -> pong after 5000 -> timeout end.

%% ---- tests ---------------------------------------------------------------------

start_link_which_children_test() ->
    Sup = start({one_for_one, 5, [a]}),
    ?assert(is_pid(Sup)),
    Children = supervisor:which_children(Sup),
    ?assertMatch([{a, P, worker, [supervisor_tests]}] when is_pid(P), Children),
    [{a, Child, _, _}] = Children,
    ?assertEqual(pong, ping(Child)),
    ?assertEqual(ok, stop(Sup)).

which_children_order_test() ->
    %% which_children lists children in reverse start order
    Sup = start({one_for_one, 5, [a, b, c]}),
    Ids = [Id || {Id, _, _, _} <- supervisor:which_children(Sup)],
    ?assertEqual([c, b, a], Ids),
    ?assertEqual(ok, stop(Sup)).

count_children_test() ->
    Sup = start({one_for_one, 5, [a, b]}),
    ?assertEqual([{specs, 2}, {active, 2}, {supervisors, 0}, {workers, 2}],
                 supervisor:count_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

one_for_one_restarts_crashed_child_test() ->
    Sup = start({one_for_one, 5, [a, b]}),
    A = child_pid(Sup, a),
    B = child_pid(Sup, b),
    crash = kill_child(A),
    A2 = wait_restarted(Sup, a, A),
    ?assert(is_pid(A2)),
    ?assertEqual(pong, ping(A2)),
    ?assertEqual(B, child_pid(Sup, b)),
    ?assertEqual(ok, stop(Sup)).

one_for_all_restarts_all_test() ->
    Sup = start({one_for_all, 5, [a, b]}),
    A = child_pid(Sup, a),
    B = child_pid(Sup, b),
    BRef = monitor(process, B),
    crash = kill_child(A),
    ?assertEqual(shutdown, receive {'DOWN', BRef, process, B, R} -> R after 5000 -> timeout end),
    ?assert(is_pid(wait_restarted(Sup, a, A))),
    ?assert(is_pid(wait_restarted(Sup, b, B))),
    ?assertEqual(ok, stop(Sup)).

intensity_exceeded_supervisor_exits_test() ->
    Sup = start({one_for_one, 1, [a]}),
    SRef = monitor(process, Sup),
    A = child_pid(Sup, a),
    crash = kill_child(A),
    A2 = wait_restarted(Sup, a, A),
    crash = kill_child(A2),
    ?assertEqual(shutdown, receive {'DOWN', SRef, process, Sup, R} -> R after 5000 -> timeout end).

stop_supervisor_stops_children_test() ->
    Sup = start({one_for_one, 5, [a, b]}),
    Refs = [{monitor(process, P), P} || {_, P, _, _} <- supervisor:which_children(Sup)],
    ok = stop(Sup),
    Reasons = [receive {'DOWN', R, process, P, X} -> X after 5000 -> timeout end || {R, P} <- Refs],
    ?assertEqual([shutdown, shutdown], Reasons).

terminate_child_test() ->
    Sup = start({one_for_one, 5, [a]}),
    A = child_pid(Sup, a),
    ARef = monitor(process, A),
    ?assertEqual(ok, supervisor:terminate_child(Sup, a)),
    ?assertEqual(shutdown, receive {'DOWN', ARef, process, A, R} -> R after 5000 -> timeout end),
    ?assertEqual([{a, undefined, worker, [supervisor_tests]}], supervisor:which_children(Sup)),
    ?assertEqual([{specs, 1}, {active, 0}, {supervisors, 0}, {workers, 1}],
                 supervisor:count_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

terminate_child_not_found_test() ->
    Sup = start({one_for_one, 5, [a]}),
    ?assertEqual({error, not_found}, supervisor:terminate_child(Sup, nope)),
    ?assertEqual(ok, stop(Sup)).

restart_child_test() ->
    Sup = start({one_for_one, 5, [a]}),
    ok = supervisor:terminate_child(Sup, a),
    R = supervisor:restart_child(Sup, a),
    ?assertMatch({ok, P} when is_pid(P), R),
    {ok, New} = R,
    ?assertEqual(New, child_pid(Sup, a)),
    ?assertEqual(ok, stop(Sup)).

restart_child_errors_test() ->
    Sup = start({one_for_one, 5, [a]}),
    ?assertEqual({error, running}, supervisor:restart_child(Sup, a)),
    ?assertEqual({error, not_found}, supervisor:restart_child(Sup, nope)),
    ?assertEqual(ok, stop(Sup)).

delete_child_test() ->
    Sup = start({one_for_one, 5, [a, b]}),
    ?assertEqual({error, running}, supervisor:delete_child(Sup, a)),
    ok = supervisor:terminate_child(Sup, a),
    ?assertEqual(ok, supervisor:delete_child(Sup, a)),
    ?assertEqual(false, lists:keymember(a, 1, supervisor:which_children(Sup))),
    ?assertEqual({error, not_found}, supervisor:delete_child(Sup, a)),
    ?assertEqual(ok, stop(Sup)).

start_child_map_spec_test() ->
    Sup = start({one_for_one, 5, []}),
    ?assertEqual([], supervisor:which_children(Sup)),
    R = supervisor:start_child(Sup, worker_spec(dyn, permanent)),
    ?assertMatch({ok, P} when is_pid(P), R),
    {ok, P} = R,
    ?assertEqual(P, child_pid(Sup, dyn)),
    ?assertEqual(pong, ping(P)),
    ?assertEqual(ok, stop(Sup)).

start_child_tuple_spec_test() ->
    Sup = start({one_for_one, 5, []}),
    Spec = {tup, {?MODULE, start_worker, []}, temporary, brutal_kill, worker, [?MODULE]},
    {ok, P} = supervisor:start_child(Sup, Spec),
    ?assertEqual(P, child_pid(Sup, tup)),
    ?assertEqual(ok, stop(Sup)).

start_child_already_present_test() ->
    Sup = start({one_for_one, 5, [a]}),
    A = child_pid(Sup, a),
    ?assertEqual({error, {already_started, A}},
                 supervisor:start_child(Sup, worker_spec(a, permanent))),
    ok = supervisor:terminate_child(Sup, a),
    ?assertEqual({error, already_present},
                 supervisor:start_child(Sup, worker_spec(a, permanent))),
    ?assertEqual(ok, stop(Sup)).

start_child_failing_test() ->
    Sup = start({one_for_one, 5, []}),
    Spec = #{id => bad, start => {?MODULE, start_failing, []}},
    %% OTP 25: the second element is the supervisor's internal child record
    ?assertMatch({error, {no_way, _}}, supervisor:start_child(Sup, Spec)),
    ?assertEqual([], supervisor:which_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

start_child_ignore_test() ->
    Sup = start({one_for_one, 5, []}),
    Spec = #{id => ign, start => {?MODULE, start_ignore, []}},
    ?assertEqual({ok, undefined}, supervisor:start_child(Sup, Spec)),
    ?assertEqual([{ign, undefined, worker, [supervisor_tests]}], supervisor:which_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

temporary_child_not_restarted_test() ->
    Sup = start({specs, [worker_spec(t, temporary)]}),
    T = child_pid(Sup, t),
    crash = kill_child(T),
    ?assertEqual(not_found, wait_child(Sup, t, not_found)),
    ?assertEqual([{specs, 0}, {active, 0}, {supervisors, 0}, {workers, 0}],
                 supervisor:count_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

transient_child_normal_exit_not_restarted_test() ->
    Sup = start({specs, [worker_spec(t, transient)]}),
    T = child_pid(Sup, t),
    Ref = monitor(process, T),
    T ! stop_normally,
    normal = receive {'DOWN', Ref, process, T, R} -> R after 5000 -> timeout end,
    ?assertEqual(undefined, wait_child(Sup, t, undefined)),
    ?assertEqual(ok, stop(Sup)).

transient_child_abnormal_exit_restarted_test() ->
    Sup = start({specs, [worker_spec(t, transient)]}),
    T = child_pid(Sup, t),
    crash = kill_child(T),
    ?assert(is_pid(wait_restarted(Sup, t, T))),
    ?assertEqual(ok, stop(Sup)).

get_childspec_test() ->
    Sup = start({one_for_one, 5, [a]}),
    ?assertEqual({ok, #{id => a, start => {?MODULE, start_worker, []}, restart => permanent,
                        significant => false, shutdown => 1000, type => worker, modules => [?MODULE]}},
                 supervisor:get_childspec(Sup, a)),
    ?assertEqual({error, not_found}, supervisor:get_childspec(Sup, nope)),
    ?assertEqual(ok, stop(Sup)).

childspec_defaults_test() ->
    Sup = start({one_for_one, 5, []}),
    {ok, _} = supervisor:start_child(Sup, #{id => d, start => {?MODULE, start_worker, []}}),
    ?assertEqual({ok, #{id => d, start => {?MODULE, start_worker, []}, restart => permanent,
                        significant => false, shutdown => 5000, type => worker, modules => [?MODULE]}},
                 supervisor:get_childspec(Sup, d)),
    ?assertEqual(ok, stop(Sup)).

tuple_format_flags_test() ->
    Sup = start(tuple_format),
    ?assertMatch([{w, P, worker, [supervisor_tests]}] when is_pid(P), supervisor:which_children(Sup)),
    ?assertEqual(ok, stop(Sup)).

start_link_child_fails_test() ->
    process_flag(trap_exit, true),
    Spec = #{id => bad, start => {?MODULE, start_failing, []}},
    R = supervisor:start_link(?MODULE, {specs, [Spec]}),
    receive {'EXIT', _, _} -> ok after 1000 -> ok end,
    process_flag(trap_exit, false),
    ?assertEqual({error, {shutdown, {failed_to_start_child, bad, no_way}}}, R).

init_ignore_test() ->
    ?assertEqual(ignore, supervisor:start_link(?MODULE, ignore)).

named_supervisor_test() ->
    Name = list_to_atom("sup_" ++ integer_to_list(erlang:unique_integer([positive]))),
    {ok, Sup} = supervisor:start_link({local, Name}, ?MODULE, {one_for_one, 5, [a]}),
    unlink(Sup),
    ?assertEqual(Sup, whereis(Name)),
    ?assertMatch([{a, _, worker, _}], supervisor:which_children(Name)),
    ?assertEqual(ok, stop(Name)).
