-module(application_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: OTP 25's application (load/unload, keys, environment,
%% start/stop with an application master and a top supervisor, start
%% types, dependencies, error terms, get_application). Each test uses
%% applications of its own names: the controller's tables outlive tests.
%% This module is also the applications' callback module, their top
%% supervisor and its worker, and a logger handler capturing reports.

-export([start/2, stop/1, prep_stop/1, init/1, start_worker/0, worker/0, log/2]).

%% ---- callbacks -------------------------------------------------------------

start(normal, {error, R}) -> {error, R};
start(normal, crash) -> error(boom);
start(normal, bad) -> bad_return;
start(normal, {notify, Pid}) ->
    Pid ! {started, self()},
    supervisor:start_link(?MODULE, sup);
start(normal, state) ->
    {ok, P} = supervisor:start_link(?MODULE, sup),
    {ok, P, my_state};
start(normal, _) ->
    supervisor:start_link(?MODULE, sup).

prep_stop(S) -> notify({prep_stop, S}), S.
stop(S) -> notify({stop, S}), ok.

notify(Msg) ->
    case whereis(application_tests_listener) of
        undefined -> ok;
        P -> P ! Msg
    end.

init(sup) ->
    {ok, {#{intensity => 0, period => 5}, [#{id => w, start => {?MODULE, start_worker, []}}]}}.

start_worker() -> {ok, proc_lib:spawn_link(?MODULE, worker, [])}.

worker() ->
    receive
        {From, get_application} -> From ! {app, application:get_application()}, worker();
        {From, get_env, K} -> From ! {env, application:get_env(K)}, worker()
    end.

log(Event, #{config := #{to := Pid}}) -> Pid ! {captured, Event}, ok.

%% ---- helpers ---------------------------------------------------------------

spec(Name) -> spec(Name, []).
spec(Name, Extra) ->
    {application, Name, [{description, "test app"}, {vsn, "1.0"},
                         {modules, [?MODULE]}, {registered, []},
                         {applications, [kernel, stdlib]} | Extra]}.

running(Name) -> lists:keymember(Name, 1, application:which_applications()).

top_sup(Name) ->
    [P] = [P || P <- processes(),
                {dictionary, D} <- [process_info(P, dictionary)],
                proplists:get_value('$initial_call', D) =:= {supervisor, ?MODULE, 1},
                {ok, Name} =:= application:get_application(P)],
    P.

listen(Fun) ->
    register(application_tests_listener, self()),
    try Fun() after unregister(application_tests_listener) end.

with_capture(Fun) ->
    Id = list_to_atom("app_cap_" ++ integer_to_list(erlang:unique_integer([positive]))),
    ok = logger:add_handler(Id, ?MODULE, #{config => #{to => self()}}),
    try Fun() after logger:remove_handler(Id) end.

exit_reports() ->
    receive
        {captured, #{msg := {report, #{label := {application_controller, exit}, report := R}},
                     level := L, meta := M}} ->
            [{L, R, maps:get(logger_formatter, M, none)} | exit_reports()];
        {captured, _} -> exit_reports()
    after 300 -> []
    end.

%% ---- loading ---------------------------------------------------------------

load_and_keys_test() ->
    ?assertEqual(ok, application:load(spec(at_keys, [{mod, {?MODULE, []}}, {env, [{k, v}]}]))),
    ?assertEqual({ok, "1.0"}, application:get_key(at_keys, vsn)),
    ?assertEqual({ok, {?MODULE, []}}, application:get_key(at_keys, mod)),
    ?assertEqual(undefined, application:get_key(at_keys, nokey)),
    ?assertEqual(undefined, application:get_key(at_nokeys, vsn)),
    {ok, All} = application:get_all_key(at_keys),
    ?assertEqual([description, id, vsn, modules, maxP, maxT, registered,
                  included_applications, optional_applications, applications, env,
                  mod, start_phases], [K || {K, _} <- All]),
    ?assertEqual({ok, []}, application:get_key(at_keys, id)),
    ?assertEqual({ok, infinity}, application:get_key(at_keys, maxT)),
    ?assertEqual({ok, undefined}, application:get_key(at_keys, start_phases)),
    ?assert(lists:member({at_keys, "test app", "1.0"}, application:loaded_applications())).

load_twice_test() ->
    S = spec(at_twice),
    ok = application:load(S),
    ?assertEqual({error, {already_loaded, S}}, application:load(S)),
    ?assertEqual({error, {already_loaded, at_twice}}, application:load(at_twice)).

load_missing_test() ->
    ?assertEqual({error, {"no such file or directory", "at_nosuch.app"}},
                 application:load(at_nosuch)),
    ?assertEqual({error, {invalid_options, x}}, application:load({application, at_bad, x})).

defaults_test() ->
    ok = application:load({application, at_bare, []}),
    ?assertEqual({ok, ""}, application:get_key(at_bare, description)),
    ?assertEqual({ok, []}, application:get_key(at_bare, mod)),
    ?assertEqual({ok, []}, application:get_key(at_bare, applications)).

unload_test() ->
    ok = application:load(spec(at_unload)),
    ?assertEqual(ok, application:unload(at_unload)),
    ?assertEqual({error, {not_loaded, at_unload}}, application:unload(at_unload)),
    ok = application:load(spec(at_unload2, [{mod, {?MODULE, []}}])),
    ok = application:start(at_unload2),
    ?assertEqual({error, {running, at_unload2}}, application:unload(at_unload2)),
    ok = application:stop(at_unload2),
    ?assertEqual(ok, application:unload(at_unload2)).

kernel_and_stdlib_run_test() ->
    ?assert(running(kernel)),
    ?assert(running(stdlib)),
    ?assertEqual({error, {already_started, kernel}}, application:start(kernel)).

%% ---- environment -----------------------------------------------------------

env_test() ->
    ok = application:load(spec(at_env, [{env, [{k, v}, {k2, 2}]}])),
    ?assertEqual({ok, v}, application:get_env(at_env, k)),
    ?assertEqual(undefined, application:get_env(at_env, nope)),
    ?assertEqual(def, application:get_env(at_env, nope, def)),
    ?assertEqual([{k, v}, {k2, 2}], lists:sort(application:get_all_env(at_env))),
    ?assertEqual(ok, application:set_env(at_env, k3, 3)),
    ?assertEqual({ok, 3}, application:get_env(at_env, k3)),
    ?assertEqual(ok, application:set_env(at_env, k, new)),
    ?assertEqual({ok, new}, application:get_env(at_env, k)),
    ?assertEqual(ok, application:unset_env(at_env, k3)),
    ?assertEqual(undefined, application:get_env(at_env, k3)),
    ?assertEqual({ok, [{k, new}, {k2, 2}]},
                 {ok, lists:sort(element(2, application:get_key(at_env, env)))}).

env_of_unloaded_test() ->
    ?assertEqual(ok, application:set_env(at_env_unloaded, k, 1)),
    ?assertEqual({ok, 1}, application:get_env(at_env_unloaded, k)),
    ?assertEqual([], application:get_all_env(at_env_none)),
    ?assertEqual(ok, application:set_env([{at_env_multi, [{a, 1}, {b, 2}]}])),
    ?assertEqual({ok, 2}, application:get_env(at_env_multi, b)).

env_outside_application_test() ->
    ?assertEqual(undefined, application:get_env(k)),
    ?assertEqual(undefined, application:get_application()),
    ?assertEqual([], application:get_all_env()).

%% ---- starting and stopping -------------------------------------------------

start_stop_test() ->
    listen(fun() ->
        ok = application:load(spec(at_ss, [{mod, {?MODULE, {notify, self()}}}])),
        ?assertEqual(ok, application:start(at_ss)),
        receive {started, _} -> ok after 2000 -> error(not_started) end,
        ?assert(running(at_ss)),
        ?assertEqual({error, {already_started, at_ss}}, application:start(at_ss)),
        ?assertEqual({at_ss, "test app", "1.0"}, hd(application:which_applications())),
        Sup = top_sup(at_ss),
        Ref = monitor(process, Sup),
        ?assertEqual(ok, application:stop(at_ss)),
        ?assertEqual([{prep_stop, []}, {stop, []}],
                     [receive {prep_stop, _} = M -> M after 1000 -> none end,
                      receive {stop, _} = M2 -> M2 after 1000 -> none end]),
        ?assertEqual(shutdown, receive {'DOWN', Ref, _, _, R} -> R after 2000 -> timeout end),
        ?assertNot(running(at_ss)),
        ?assertEqual({error, {not_started, at_ss}}, application:stop(at_ss))
    end).

start_state_test() ->
    listen(fun() ->
        ok = application:load(spec(at_state, [{mod, {?MODULE, state}}])),
        ok = application:start(at_state),
        ok = application:stop(at_state),
        ?assertEqual({stop, my_state}, receive {stop, _} = M -> M after 1000 -> none end)
    end).

start_loads_test() ->
    ?assertEqual({error, {"no such file or directory", "at_never.app"}},
                 application:start(at_never)).

start_dependency_not_started_test() ->
    ok = application:load(spec(at_dep_a)),
    ok = application:load({application, at_dep_b, [{vsn, "2"}, {applications, [kernel, at_dep_a]}]}),
    ?assertEqual({error, {not_started, at_dep_a}}, application:start(at_dep_b)),
    ok = application:start(at_dep_a),
    ?assertEqual(ok, application:start(at_dep_b)),
    ok = application:stop(at_dep_b),
    ok = application:stop(at_dep_a).

start_errors_test() ->
    with_capture(fun() ->
        ok = application:load(spec(at_err, [{mod, {?MODULE, {error, myreason}}}])),
        ?assertEqual({error, {myreason, {?MODULE, start, [normal, {error, myreason}]}}},
                     application:start(at_err)),
        ok = application:load(spec(at_badret, [{mod, {?MODULE, bad}}])),
        ?assertEqual({error, {bad_return, {{?MODULE, start, [normal, bad]}, bad_return}}},
                     application:start(at_badret)),
        ok = application:load(spec(at_crash, [{mod, {?MODULE, crash}}])),
        {error, {bad_return, {{?MODULE, start, [normal, crash]}, {'EXIT', {boom, [_ | _]}}}}} =
            application:start(at_crash),
        ?assertNot(running(at_err)),
        Reports = exit_reports(),
        ?assertEqual([{myreason, {?MODULE, start, [normal, {error, myreason}]}}],
                     [E || {notice, [{application, at_err}, {exited, E}, {type, temporary}], _}
                               <- Reports])
    end).

ensure_all_started_test() ->
    ok = application:load(spec(at_ea_lib)),
    ok = application:load({application, at_ea_top, [{vsn, "1"}, {applications, [kernel, stdlib, at_ea_lib]},
                                                    {mod, {?MODULE, []}}]}),
    ?assertEqual({ok, [at_ea_lib, at_ea_top]}, application:ensure_all_started(at_ea_top)),
    ?assertEqual({ok, []}, application:ensure_all_started(at_ea_top)),
    ok = application:stop(at_ea_top),
    ok = application:stop(at_ea_lib).

ensure_all_started_missing_test() ->
    ?assertEqual({error, {at_ea_nosuch, {"no such file or directory", "at_ea_nosuch.app"}}},
                 application:ensure_all_started(at_ea_nosuch)),
    ok = application:load({application, at_ea_needs, [{applications, [at_ea_gone]}]}),
    ?assertEqual({error, {at_ea_gone, {"no such file or directory", "at_ea_gone.app"}}},
                 application:ensure_all_started(at_ea_needs)).

ensure_started_test() ->
    ok = application:load(spec(at_es)),
    ?assertEqual(ok, application:ensure_started(at_es)),
    ?assertEqual(ok, application:ensure_started(at_es)),
    ok = application:stop(at_es).

stop_report_test() ->
    with_capture(fun() ->
        ok = application:load(spec(at_rep, [{mod, {?MODULE, []}}])),
        ok = application:start(at_rep, transient),
        ok = application:stop(at_rep),
        ?assertEqual([{notice, [{application, at_rep}, {exited, stopped}, {type, transient}],
                       none}], exit_reports())
    end).

temporary_application_exit_test() ->
    with_capture(fun() ->
        ok = application:load(spec(at_temp, [{mod, {?MODULE, []}}])),
        ok = application:start(at_temp, temporary),
        Sup = top_sup(at_temp),
        exit(Sup, kill),
        timer:sleep(200),
        ?assertNot(running(at_temp)),
        ?assertEqual([{notice, [{application, at_temp}, {exited, killed}, {type, temporary}],
                       none}], exit_reports())
    end).

get_application_test() ->
    ok = application:load(spec(at_ga, [{mod, {?MODULE, []}}, {env, [{key, val}]}])),
    ok = application:start(at_ga),
    Sup = top_sup(at_ga),
    [{w, W, worker, _}] = supervisor:which_children(Sup),
    W ! {self(), get_application},
    ?assertEqual({app, {ok, at_ga}}, receive {app, _} = M -> M after 1000 -> none end),
    W ! {self(), get_env, key},
    ?assertEqual({env, {ok, val}}, receive {env, _} = M2 -> M2 after 1000 -> none end),
    ?assertEqual({ok, at_ga}, application:get_application(Sup)),
    ok = application:load({application, at_ga_mods, [{modules, [at_ga_mod]}]}),
    ?assertEqual({ok, at_ga_mods}, application:get_application(at_ga_mod)),
    ?assertEqual(undefined, application:get_application(no_such_module_at)),
    ok = application:stop(at_ga).

bad_start_type_test() ->
    ok = application:load(spec(at_bt)),
    ?assertEqual({error, {invalid_restart_type, bogus}}, application:start(at_bt, bogus)).
