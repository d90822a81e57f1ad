%% @doc The process that knows every loaded and running application
%% (ferl-internal; OTP 25's `application_controller' plays the same part).
%%
%% It is started on first use, registered as `application_controller',
%% with `kernel' and `stdlib' already loaded and running (as library
%% applications, permanent), as they are on any OTP node, so that an
%% application listing them in `applications' starts.
%%
%% It only keeps the tables: starting and stopping an application is done
%% by `application' in the calling process, which first reserves the
%% change here (`{reserve_start, ...}'), so that an application's own
%% `start/2' may call back into `application' (get_env and the like)
%% without waiting on this process. It watches each application master:
%% when one reports that its application ended on its own, the start type
%% decides, as in OTP: a temporary application is forgotten, a permanent
%% one (or a transient one that ended abnormally) stops the node.
%% No natives.
-module(application_controller).

%% Requests from `application'
-export([call/1]).
%% Report callbacks (the text of the reports logged through logger)
-export([format_log/1, format_log/2]).
%% The process
-export([init/0]).

-record(app, {name :: atom(),
              props :: [{atom(), term()}],
              spec :: term()}).

-record(state, {loaded = [] :: [#app{}],
                env = #{} :: #{atom() => [{atom(), term()}]},
                %% {Name, Master | undefined, Type}, the newest first.
                running = [] :: [{atom(), pid() | undefined, atom()}],
                starting = [] :: [atom()]}).

%% ---- api -------------------------------------------------------------------

%% @doc One request to the controller, started if need be.
-spec call(term()) -> term().
call(Request) ->
    Pid = ensure_started(),
    Ref = erlang:monitor(process, Pid),
    Pid ! {app_call, self(), Ref, Request},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, Pid, Reason} ->
            erlang:error({application_controller_down, Reason})
    end.

ensure_started() ->
    case whereis(application_controller) of
        undefined ->
            Starter = self(),
            Pid = spawn(fun() -> start(Starter) end),
            Ref = erlang:monitor(process, Pid),
            receive
                {controller_started, Pid} ->
                    erlang:demonitor(Ref, [flush]),
                    Pid;
                {'DOWN', Ref, process, Pid, _} ->
                    ensure_started()
            end;
        Pid ->
            Pid
    end.

start(Starter) ->
    try register(application_controller, self()) of
        true ->
            Starter ! {controller_started, self()},
            init()
    catch error:badarg ->
            exit(normal)
    end.

%% @doc The text of an application's exit report as a format and its
%% arguments.
-spec format_log(map()) -> {io:format(), [term()]}.
format_log(#{label := {application_controller, _}, report := Report}) ->
    {lists:flatten([io_lib:format("    ~w: ~~tp~~n", [K]) || {K, _} <- Report]),
     [V || {_, V} <- Report]}.

%% @doc As format_log/1, as text, for `logger_formatter'.
-spec format_log(map(), map()) -> unicode:chardata().
format_log(Report, _FormatOpts) ->
    {Format, Args} = format_log(Report),
    io_lib:format(Format, Args).

%% ---- the process -----------------------------------------------------------

%% @private
-spec init() -> no_return().
init() ->
    Kernel = {application, kernel, [{description, "ERTS  CXC 138 10"}, {vsn, "8.5.3"},
                                    {applications, []}]},
    Stdlib = {application, stdlib, [{description, "ERTS  CXC 138 10"}, {vsn, "4.2"},
                                    {applications, [kernel]}]},
    S0 = #state{},
    {ok, S1} = do_load(Kernel, S0),
    {ok, S2} = do_load(Stdlib, S1),
    loop(S2#state{running = [{stdlib, undefined, permanent},
                             {kernel, undefined, permanent}]}).

loop(S) ->
    receive
        {app_call, From, Ref, Request} ->
            {Reply, S1} = handle(Request, S),
            From ! {Ref, Reply},
            loop(S1);
        {'DOWN', _Ref, process, Pid, _Reason} ->
            %% A master gone without reporting: forget its application.
            loop(S#state{running = [R || {_, P, _} = R <- S#state.running, P =/= Pid]});
        _ ->
            loop(S)
    end.

handle({load, Spec}, S) ->
    do_load(Spec, S);
handle({unload, Name}, S) ->
    case {find(Name, S), lists:keymember(Name, 1, S#state.running)} of
        {false, _} -> {{error, {not_loaded, Name}}, S};
        {_, true} -> {{error, {running, Name}}, S};
        {_, false} ->
            {ok, S#state{loaded = lists:keydelete(Name, #app.name, S#state.loaded),
                         env = maps:remove(Name, S#state.env)}}
    end;
handle({get_props, Name}, S) ->
    case find(Name, S) of
        false -> {undefined, S};
        #app{props = P} ->
            %% env sits between applications and mod, as OTP lists it.
            {Before, After} = lists:split(10, P),
            {{ok, Before ++ [{env, env(Name, S)}] ++ After}, S}
    end;
handle(loaded, S) ->
    {[{N, desc(P), vsn(P)} || #app{name = N, props = P} <- S#state.loaded], S};
handle(running, S) ->
    Loaded = S#state.loaded,
    {[{N, desc(P), vsn(P)} || {N, _, _} <- S#state.running,
                              #app{name = N1, props = P} <- Loaded, N1 =:= N], S};
handle({running_info, Name}, S) ->
    {lists:keyfind(Name, 1, S#state.running), S};
handle({get_env, Name}, S) ->
    {env(Name, S), S};
handle({set_env, Name, Key, Value}, S) ->
    Env = env(Name, S),
    New = case lists:keymember(Key, 1, Env) of
              true -> lists:keyreplace(Key, 1, Env, {Key, Value});
              false -> [{Key, Value} | Env]
          end,
    {ok, S#state{env = (S#state.env)#{Name => New}}};
handle({unset_env, Name, Key}, S) ->
    {ok, S#state{env = (S#state.env)#{Name => lists:keydelete(Key, 1, env(Name, S))}}};
handle({reserve_start, Name}, S) ->
    case find(Name, S) of
        false ->
            {{error, {not_loaded, Name}}, S};
        #app{props = P} ->
            Running = [N || {N, _, _} <- S#state.running],
            case lists:member(Name, Running) orelse lists:member(Name, S#state.starting) of
                true ->
                    {{error, {already_started, Name}}, S};
                false ->
                    Deps = proplists:get_value(applications, P, []),
                    case [D || D <- Deps, not lists:member(D, Running)] of
                        [Missing | _] ->
                            {{error, {not_started, Missing}}, S};
                        [] ->
                            {{ok, P}, S#state{starting = [Name | S#state.starting]}}
                    end
            end
    end;
handle({started, Name, Master, Type}, S) ->
    case Master of
        undefined -> ok;
        _ -> erlang:monitor(process, Master)
    end,
    {ok, S#state{starting = lists:delete(Name, S#state.starting),
                 running = [{Name, Master, Type} | S#state.running]}};
handle({start_failed, Name}, S) ->
    {ok, S#state{starting = lists:delete(Name, S#state.starting)}};
handle({reserve_stop, Name}, S) ->
    case lists:keyfind(Name, 1, S#state.running) of
        false -> {{error, {not_started, Name}}, S};
        Entry -> {{ok, Entry}, S#state{running = lists:keydelete(Name, 1, S#state.running)}}
    end;
handle({exited, Name, Reason}, S) ->
    %% The application ended without being stopped.
    case lists:keyfind(Name, 1, S#state.running) of
        false ->
            {ok, S};
        {Name, _, Type} ->
            S1 = S#state{running = lists:keydelete(Name, 1, S#state.running)},
            case Type =:= permanent orelse (Type =:= transient andalso Reason =/= normal) of
                true -> terminate_node(Name, Reason);
                false -> {ok, S1}
            end
    end;
handle({application_of, Pids}, S) ->
    Found = [N || {N, M, _} <- S#state.running, M =/= undefined, lists:member(M, Pids)],
    case Found of
        [N | _] -> {{ok, N}, S};
        [] -> {undefined, S}
    end;
handle({application_of_module, Module}, S) ->
    Found = [N || #app{name = N, props = P} <- S#state.loaded,
                  lists:member(Module, proplists:get_value(modules, P, []))],
    case Found of
        [N | _] -> {{ok, N}, S};
        [] -> {undefined, S}
    end;
handle(Other, S) ->
    {{error, {bad_request, Other}}, S}.

%% As OTP's node goes down when a permanent application ends: the
%% controller's last words, then halt.
terminate_node(Name, Reason) ->
    Text = io_lib:format("~tp", [{application_terminated, Name, Reason}]),
    io:put_chars(standard_error,
                 ["Kernel pid terminated (application_controller) (", Text, ")\n"]),
    erlang:halt(1).

do_load({application, Name, Props} = Spec, S) when is_atom(Name), is_list(Props) ->
    case find(Name, S) of
        #app{} ->
            {{error, {already_loaded, Spec}}, S};
        false ->
            case normalize(Props) of
                {ok, Norm, Env} ->
                    %% Keys set before the load win over the .app's env.
                    Old = maps:get(Name, S#state.env, []),
                    Merged = Old ++ [KV || {K, _} = KV <- lists:reverse(Env),
                                           not lists:keymember(K, 1, Old)],
                    {ok, S#state{loaded = S#state.loaded ++ [#app{name = Name, props = Norm,
                                                                  spec = Spec}],
                                 env = (S#state.env)#{Name => Merged}}};
                Error ->
                    {Error, S}
            end
    end;
do_load({application, _Name, Props}, S) ->
    {{error, {invalid_options, Props}}, S};
do_load(Other, S) ->
    {{error, {bad_application, Other}}, S}.

%% The keys of an application's resource file with their defaults, in the
%% order `application:get_all_key/1' lists them.
normalize(Props) ->
    Keys = [{description, ""}, {id, []}, {vsn, ""}, {modules, []},
            {maxP, infinity}, {maxT, infinity}, {registered, []},
            {included_applications, []}, {optional_applications, []},
            {applications, []}],
    case lists:all(fun({K, _}) when is_atom(K) -> true; (_) -> false end, Props) of
        false ->
            {error, {invalid_options, Props}};
        true ->
            Norm = [{K, proplists:get_value(K, Props, D)} || {K, D} <- Keys],
            Tail = [{mod, proplists:get_value(mod, Props, [])},
                    {start_phases, proplists:get_value(start_phases, Props, undefined)}],
            {ok, Norm ++ Tail, proplists:get_value(env, Props, [])}
    end.

find(Name, S) ->
    lists:keyfind(Name, #app.name, S#state.loaded).

env(Name, S) ->
    maps:get(Name, S#state.env, []).

desc(P) -> proplists:get_value(description, P, "").
vsn(P) -> proplists:get_value(vsn, P, "").
