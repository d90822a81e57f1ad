%% @doc OTP 25's `application': loading, starting and stopping
%% applications, and their environment.
%%
%% An application is loaded from its `{application, Name, Props}' term,
%% or from `Name.app' found on the code path (through
%% `code:where_is_file/1' and `file:consult/1' when ferl has them; until
%% then a name that is not loaded yet is "not found" as OTP words it).
%% Starting it checks that the applications it lists in `applications'
%% run, then, when it has a `mod' callback, starts an application master
%% (`application_master') that calls `Mod:start(normal, Args)' and keeps
%% the top supervisor. Start types are OTP's: when a `temporary'
%% application ends it is only reported; when a `permanent' one ends, or
%% a `transient' one ends abnormally, the node stops.
%%
%% The tables live in the `application_controller' process; the start
%% itself runs in the caller, so an application's `start/2' may use this
%% module. Return values and error terms are OTP's
%% (`{error, {already_started, App}}', `{error, {not_started, Dep}}',
%% `{error, {bad_return, ...}}', ...). Not supported: distributed
%% applications, start phases, included applications' start,
%% `sys.config', and the master as group leader. No natives.
-module(application).

%% Loading
-export([load/1, load/2, unload/1, loaded_applications/0]).
%% Starting and stopping
-export([start/1, start/2, ensure_started/1, ensure_started/2,
         ensure_all_started/1, ensure_all_started/2, stop/1,
         which_applications/0, which_applications/1, start_type/0]).
%% The environment
-export([get_env/1, get_env/2, get_env/3, get_all_env/0, get_all_env/1,
         set_env/1, set_env/2, set_env/3, set_env/4, unset_env/2, unset_env/3]).
%% Resource file keys and the application of a process or module
-export([get_key/1, get_key/2, get_all_key/0, get_all_key/1,
         get_application/0, get_application/1]).

-export_type([start_type/0, restart_type/0, application_spec/0]).

-type start_type() :: normal | {takeover, node()} | {failover, node()}.
-type restart_type() :: permanent | transient | temporary.
-type application_spec() :: {application, atom(), [{atom(), term()}]}.

%% The callbacks of an application's `mod' module.
-callback start(StartType :: start_type(), StartArgs :: term()) ->
    {ok, pid()} | {ok, pid(), State :: term()} | {error, Reason :: term()}.
-callback stop(State :: term()) -> term().
-callback prep_stop(State :: term()) -> NewState :: term().
-callback config_change(Changed :: [{atom(), term()}], New :: [{atom(), term()}],
                        Removed :: [atom()]) -> ok.
-callback start_phase(Phase :: atom(), StartType :: start_type(),
                      PhaseArgs :: term()) -> ok | {error, Reason :: term()}.
-optional_callbacks([prep_stop/1, config_change/3, start_phase/3]).

%% ---- loading ---------------------------------------------------------------

%% @doc Loads an application from its term or from `Name.app'.
-spec load(application_spec() | atom()) -> ok | {error, term()}.
load(Spec) ->
    load(Spec, []).

%% @doc As load/1; the distribution argument is accepted and ignored
%% (ferl runs one node).
-spec load(application_spec() | atom(), term()) -> ok | {error, term()}.
load({application, _Name, _Props} = Spec, _Distributed) ->
    application_controller:call({load, Spec});
load(Name, _Distributed) when is_atom(Name) ->
    case application_controller:call({get_props, Name}) of
        {ok, _} ->
            {error, {already_loaded, Name}};
        undefined ->
            case read_app_file(Name) of
                {ok, Spec} -> application_controller:call({load, Spec});
                Error -> Error
            end
    end;
load(Other, _Distributed) ->
    {error, {bad_application, Other}}.

%% `Name.app' on the code path, as OTP finds and reads it.
read_app_file(Name) ->
    File = atom_to_list(Name) ++ ".app",
    NotFound = {error, {"no such file or directory", File}},
    case where_is_file(File) of
        non_existing ->
            NotFound;
        Path ->
            case consult(Path) of
                {ok, [{application, Name, Props}]} when is_list(Props) ->
                    {ok, {application, Name, Props}};
                {ok, [{application, Name, _} = Spec]} ->
                    {error, {invalid_options, Spec}};
                {ok, Terms} ->
                    {error, {bad_application, Terms}};
                {error, Reason} ->
                    {error, {file:format_error(Reason), File}}
            end
    end.

%% code:where_is_file/1 and file:consult/1 may not exist in ferl yet; an
%% .app file is then not found.
where_is_file(File) ->
    try code:where_is_file(File)
    catch error:undef -> non_existing
    end.

consult(Path) ->
    try file:consult(Path)
    catch error:undef -> {error, enoent}
    end.

%% @doc Unloads a loaded application that does not run.
-spec unload(atom()) -> ok | {error, term()}.
unload(Name) ->
    application_controller:call({unload, Name}).

%% @doc `{Name, Description, Vsn}' of every loaded application.
-spec loaded_applications() -> [{atom(), string(), string()}].
loaded_applications() ->
    application_controller:call(loaded).

%% ---- starting and stopping -------------------------------------------------

%% @doc Starts an application as temporary.
-spec start(atom()) -> ok | {error, term()}.
start(Name) ->
    start(Name, temporary).

%% @doc Starts an application (loading it first if need be).
-spec start(atom(), restart_type()) -> ok | {error, term()}.
start(Name, Type) when Type =:= temporary; Type =:= transient; Type =:= permanent ->
    case ensure_loaded(Name) of
        ok -> do_start(Name, Type);
        Error -> Error
    end;
start(_Name, Type) ->
    {error, {invalid_restart_type, Type}}.

ensure_loaded(Name) ->
    case load(Name) of
        ok -> ok;
        {error, {already_loaded, _}} -> ok;
        Error -> Error
    end.

do_start(Name, Type) ->
    case application_controller:call({reserve_start, Name}) of
        {ok, Props} ->
            case proplists:get_value(mod, Props, []) of
                {Mod, Args} ->
                    case application_master:start(Name, {Mod, Args}, Type) of
                        {ok, Master} ->
                            application_controller:call({started, Name, Master, Type});
                        {error, _} = Error ->
                            application_controller:call({start_failed, Name}),
                            Error
                    end;
                [] ->
                    %% A library application: nothing to run.
                    application_controller:call({started, Name, undefined, Type})
            end;
        Error ->
            Error
    end.

%% @doc As start/1, but an application already running is `ok'.
-spec ensure_started(atom()) -> ok | {error, term()}.
ensure_started(Name) ->
    ensure_started(Name, temporary).

-spec ensure_started(atom(), restart_type()) -> ok | {error, term()}.
ensure_started(Name, Type) ->
    case start(Name, Type) of
        ok -> ok;
        {error, {already_started, Name}} -> ok;
        Error -> Error
    end.

%% @doc Starts an application and, first, every application it needs
%% that does not run yet; `{ok, Started}' lists those it started, in
%% order. On failure the ones it started are stopped again.
-spec ensure_all_started(atom()) -> {ok, [atom()]} | {error, {atom(), term()}}.
ensure_all_started(Name) ->
    ensure_all_started(Name, temporary).

-spec ensure_all_started(atom(), restart_type()) -> {ok, [atom()]} | {error, {atom(), term()}}.
ensure_all_started(Name, Type) ->
    case ensure_all(Name, Type, []) of
        {ok, Started} ->
            {ok, lists:reverse(Started)};
        {error, Reason, Started} ->
            [stop(A) || A <- Started],
            {error, Reason}
    end.

ensure_all(Name, Type, Started) ->
    case ensure_loaded(Name) of
        ok ->
            {ok, Props} = application_controller:call({get_props, Name}),
            Deps = proplists:get_value(applications, Props, []),
            case ensure_deps(Deps, Type, Started) of
                {ok, Started1} ->
                    case start(Name, Type) of
                        ok -> {ok, [Name | Started1]};
                        {error, {already_started, Name}} -> {ok, Started1};
                        {error, Reason} -> {error, {Name, Reason}, Started1}
                    end;
                Error ->
                    Error
            end;
        {error, Reason} ->
            {error, {Name, Reason}, Started}
    end.

ensure_deps([], _Type, Started) ->
    {ok, Started};
ensure_deps([D | Ds], Type, Started) ->
    case ensure_all(D, Type, Started) of
        {ok, Started1} -> ensure_deps(Ds, Type, Started1);
        Error -> Error
    end.

%% @doc Stops a running application: its top supervisor and everything
%% under it, then its stop/1 callback.
-spec stop(atom()) -> ok | {error, term()}.
stop(Name) ->
    case application_controller:call({reserve_stop, Name}) of
        {ok, {Name, Master, Type}} ->
            case Master of
                undefined -> ok;
                _ -> application_master:stop(Master)
            end,
            application_master:exited_report(Name, stopped, Type),
            ok;
        Error ->
            Error
    end.

%% @doc `{Name, Description, Vsn}' of every running application, the
%% most recently started first.
-spec which_applications() -> [{atom(), string(), string()}].
which_applications() ->
    application_controller:call(running).

-spec which_applications(timeout()) -> [{atom(), string(), string()}].
which_applications(_Timeout) ->
    which_applications().

%% @doc The start type while an application's start/2 runs, else
%% `undefined'.
-spec start_type() -> start_type() | undefined | local.
start_type() ->
    get('$application_start_type').

%% ---- the environment -------------------------------------------------------

%% @doc A key of the calling process's application's environment.
-spec get_env(atom()) -> {ok, term()} | undefined.
get_env(Key) ->
    case get_application() of
        {ok, App} -> get_env(App, Key);
        undefined -> undefined
    end.

%% @doc A key of an application's environment.
-spec get_env(atom(), atom()) -> {ok, term()} | undefined.
get_env(App, Key) ->
    case lists:keyfind(Key, 1, application_controller:call({get_env, App})) of
        {Key, Value} -> {ok, Value};
        false -> undefined
    end.

%% @doc A key of an application's environment, or Default.
-spec get_env(atom(), atom(), term()) -> term().
get_env(App, Key, Default) ->
    case get_env(App, Key) of
        {ok, Value} -> Value;
        undefined -> Default
    end.

%% @doc The environment of the calling process's application.
-spec get_all_env() -> [{atom(), term()}].
get_all_env() ->
    case get_application() of
        {ok, App} -> get_all_env(App);
        undefined -> []
    end.

%% @doc An application's whole environment.
-spec get_all_env(atom()) -> [{atom(), term()}].
get_all_env(App) ->
    application_controller:call({get_env, App}).

%% @doc Sets keys of several applications: `[{App, [{Key, Value}]}]'.
-spec set_env([{atom(), [{atom(), term()}]}]) -> ok.
set_env(Config) ->
    set_env(Config, []).

-spec set_env([{atom(), [{atom(), term()}]}], [{atom(), term()}]) -> ok.
set_env(Config, _Opts) when is_list(Config) ->
    [set_env(App, K, V) || {App, Env} <- Config, {K, V} <- Env],
    ok.

%% @doc Sets a key of an application's environment (loaded or not).
-spec set_env(atom(), atom(), term()) -> ok.
set_env(App, Key, Value) ->
    set_env(App, Key, Value, []).

%% @doc As set_env/3; the options (`timeout', `persistent') are accepted.
-spec set_env(atom(), atom(), term(), [{atom(), term()}]) -> ok.
set_env(App, Key, Value, _Opts) when is_atom(App) ->
    application_controller:call({set_env, App, Key, Value}).

%% @doc Removes a key of an application's environment.
-spec unset_env(atom(), atom()) -> ok.
unset_env(App, Key) ->
    unset_env(App, Key, []).

-spec unset_env(atom(), atom(), [{atom(), term()}]) -> ok.
unset_env(App, Key, _Opts) when is_atom(App) ->
    application_controller:call({unset_env, App, Key}).

%% ---- keys and the application of a process ---------------------------------

%% @doc A key of the calling process's application's resource file.
-spec get_key(atom()) -> {ok, term()} | undefined.
get_key(Key) ->
    case get_application() of
        {ok, App} -> get_key(App, Key);
        undefined -> undefined
    end.

%% @doc A key of an application's resource file (defaults filled in).
-spec get_key(atom(), atom()) -> {ok, term()} | undefined.
get_key(App, Key) ->
    case get_all_key(App) of
        {ok, Props} ->
            case lists:keyfind(Key, 1, Props) of
                {Key, Value} -> {ok, Value};
                false -> undefined
            end;
        undefined ->
            undefined
    end.

%% @doc Every key of the calling process's application.
-spec get_all_key() -> {ok, [{atom(), term()}]} | undefined | [].
get_all_key() ->
    case get_application() of
        {ok, App} -> get_all_key(App);
        undefined -> undefined
    end.

%% @doc Every key of an application's resource file.
-spec get_all_key(atom()) -> {ok, [{atom(), term()}]} | undefined.
get_all_key(App) ->
    application_controller:call({get_props, App}).

%% @doc The application the calling process belongs to: the one whose
%% master is among its ancestors.
-spec get_application() -> {ok, atom()} | undefined.
get_application() ->
    get_application(self()).

%% @doc The application of a process (found through its ancestors) or
%% of a module (listed in a loaded application's `modules').
-spec get_application(pid() | module()) -> {ok, atom()} | undefined.
get_application(Pid) when is_pid(Pid) ->
    application_controller:call({application_of, [Pid | ancestors(Pid)]});
get_application(Module) when is_atom(Module) ->
    application_controller:call({application_of_module, Module}).

ancestors(Pid) ->
    Dict = case Pid =:= self() of
               true -> get();
               false ->
                   case erlang:process_info(Pid, dictionary) of
                       {dictionary, D} -> D;
                       _ -> []
                   end
           end,
    GL = case erlang:process_info(Pid, group_leader) of
             {group_leader, G} -> [G];
             _ -> []
         end,
    Names = case lists:keyfind('$ancestors', 1, Dict) of
                {_, As} -> As;
                false -> []
            end,
    GL ++ [resolve(A) || A <- Names].

resolve(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> Name;
        P -> P
    end;
resolve(P) ->
    P.
