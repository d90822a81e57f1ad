%% @doc The operating system interface, as OTP 25's `os': the
%% environment, shell commands, the OS's name, version and process id,
%% time, and finding executables.
%%
%% `getenv/1', `system_time/0,1' and `timestamp/0' are natives of the
%% runtime and appear as stubs; the rest sits on natives of `prim_os'
%% (`runtime/src/bif/prim_os.rs'). `cmd/1,2' runs `/bin/sh -c' on a thread of
%% its own, so a long command blocks only the process that waits for it.
-module(os).

%% Environment
-export([getenv/0, getenv/1, getenv/2, putenv/2, unsetenv/1, env/0]).
%% Commands and executables
-export([cmd/1, cmd/2, find_executable/1, find_executable/2]).
%% The system
-export([type/0, version/0, getpid/0]).
%% Time
-export([system_time/0, system_time/1, timestamp/0, perf_counter/0,
         perf_counter/1]).

-type env_var_name() :: nonempty_string().
-type env_var_value() :: string().
-type os_command() :: atom() | io_lib:chars().

%%% ===================================================================
%%% Environment
%%% ===================================================================

%% @doc Every environment variable as `"NAME=VALUE"'.
-spec getenv() -> [string()].
getenv() ->
    [chars(B) || B <- prim_os:getenv()].

%% @doc The value of an environment variable, or `false'.
-spec getenv(VarName) -> Value | false
              when VarName :: env_var_name(), Value :: env_var_value().
getenv(_VarName) -> erlang:nif_error(undef).

%% @doc The value of an environment variable, or `DefaultValue'.
-spec getenv(VarName, DefaultValue) -> Value
              when VarName :: env_var_name(), DefaultValue :: env_var_value(),
                   Value :: env_var_value().
getenv(VarName, DefaultValue) ->
    case getenv(VarName) of
        false -> DefaultValue;
        Value -> Value
    end.

%% @doc Every environment variable as `{Name, Value}'.
-spec env() -> [{env_var_name(), env_var_value()}].
env() ->
    [begin
         {N, [$= | V]} = lists:splitwith(fun(C) -> C =/= $= end, S),
         {N, V}
     end || S <- getenv()].

%% @doc Sets an environment variable.
-spec putenv(VarName, Value) -> true
              when VarName :: env_var_name(), Value :: env_var_value().
putenv(VarName, Value) ->
    case {env_chars(VarName), env_chars(Value)} of
        {{ok, N}, {ok, V}} when N =/= <<>> ->
            try prim_os:putenv(N, V)
            catch error:badarg -> erlang:error(badarg, [VarName, Value])
            end;
        _ ->
            erlang:error(badarg, [VarName, Value])
    end.

%% @doc Removes an environment variable.
-spec unsetenv(VarName) -> true when VarName :: env_var_name().
unsetenv(VarName) ->
    case env_chars(VarName) of
        {ok, N} when N =/= <<>> ->
            try prim_os:unsetenv(N)
            catch error:badarg -> erlang:error(badarg, [VarName])
            end;
        _ ->
            erlang:error(badarg, [VarName])
    end.

env_chars(L) when is_list(L) ->
    try unicode:characters_to_binary(L) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    catch _:_ -> error
    end;
env_chars(_) -> error.

%% Bytes from the OS as characters: UTF-8 when they are, else latin-1.
chars(B) ->
    case unicode:characters_to_list(B) of
        L when is_list(L) -> L;
        _ -> binary_to_list(B)
    end.

%%% ===================================================================
%%% Commands and executables
%%% ===================================================================

%% @doc Runs a shell command and returns its output (stdout and stderr).
-spec cmd(Command) -> string() when Command :: os_command().
cmd(Command) ->
    cmd(Command, #{}).

%% @doc As `cmd/1'; `#{max_size => N}' keeps at most N bytes of output.
-spec cmd(Command, Options) -> string()
              when Command :: os_command(),
                   Options :: #{max_size => non_neg_integer() | infinity}.
cmd(Command, Options) when is_map(Options) ->
    Max = maps:get(max_size, Options, infinity),
    case command(Command) of
        {ok, Bin} when Max =:= infinity; is_integer(Max), Max >= 0 ->
            Ref = prim_os:cmd_start(Bin),
            receive
                {Ref, Out} -> chars(limit(Out, Max))
            end;
        _ ->
            erlang:error(badarg, [Command, Options])
    end;
cmd(Command, Options) ->
    erlang:error(badarg, [Command, Options]).

command(A) when is_atom(A) -> {ok, atom_to_binary(A, utf8)};
command(L) when is_list(L) ->
    try unicode:characters_to_binary(lists:flatten(L)) of
        B when is_binary(B) -> {ok, B};
        _ -> error
    catch _:_ -> error
    end;
command(_) -> error.

limit(Out, infinity) -> Out;
limit(Out, Max) when byte_size(Out) =< Max -> Out;
limit(Out, Max) -> binary:part(Out, 0, Max).

%% @doc The full name of an executable found on `PATH', or `false'.
-spec find_executable(Name) -> Filename | false
              when Name :: string(), Filename :: string().
find_executable(Name) ->
    find_executable(Name, getenv("PATH", "")).

%% @doc The full name of an executable found on `Path' (colon-separated).
-spec find_executable(Name, Path) -> Filename | false
              when Name :: string(), Path :: string(), Filename :: string().
find_executable(Name, Path) ->
    case filename:pathtype(Name) of
        relative ->
            Dirs = string:split(Path, ":", all),
            first_executable([filename:join(dir(D), Name) || D <- Dirs]);
        _ ->
            first_executable([Name])
    end.

dir("") -> ".";
dir(D) -> D.

first_executable([]) -> false;
first_executable([F | Fs]) ->
    case file:read_file_info(F) of
        {ok, Info} when element(3, Info) =:= regular,
                        element(8, Info) band 8#111 =/= 0 ->
            filename:absname(F);
        _ ->
            first_executable(Fs)
    end.

%%% ===================================================================
%%% The system
%%% ===================================================================

%% @doc The OS family and name: `{unix, linux}' on Linux.
-spec type() -> {Osfamily, Osname} when Osfamily :: unix | win32, Osname :: atom().
type() ->
    {Sys, _} = prim_os:uname(),
    {unix, list_to_atom(string:lowercase(binary_to_list(Sys)))}.

%% @doc The OS version as `{Major, Minor, Release}' (from `uname -r').
-spec version() -> VersionString | {Major, Minor, Release}
              when VersionString :: string(), Major :: non_neg_integer(),
                   Minor :: non_neg_integer(), Release :: non_neg_integer().
version() ->
    {_, Rel} = prim_os:uname(),
    Parts = string:split(binary_to_list(Rel), ".", all),
    case [leading_int(P) || P <- Parts] of
        [Ma, Mi, Re | _] -> {Ma, Mi, Re};
        [Ma, Mi] -> {Ma, Mi, 0};
        _ -> binary_to_list(Rel)
    end.

leading_int(S) ->
    case string:to_integer(S) of
        {N, _} when is_integer(N) -> N;
        _ -> 0
    end.

%% @doc The OS process id of the runtime, as a string.
-spec getpid() -> Value when Value :: string().
getpid() -> prim_os:getpid().

%%% ===================================================================
%%% Time
%%% ===================================================================

%% @doc The OS's system time in native units.
-spec system_time() -> integer().
system_time() -> erlang:nif_error(undef).

%% @doc The OS's system time in `Unit'.
-spec system_time(Unit) -> integer() when Unit :: erlang:time_unit().
system_time(_Unit) -> erlang:nif_error(undef).

%% @doc The OS's time as `{MegaSecs, Secs, MicroSecs}'.
-spec timestamp() -> erlang:timestamp().
timestamp() -> erlang:nif_error(undef).

%% @doc A high-resolution counter, in `perf_counter' units.
-spec perf_counter() -> integer().
perf_counter() -> erlang:monotonic_time(nanosecond).

%% @doc The counter in `Unit'.
-spec perf_counter(Unit) -> integer() when Unit :: erlang:time_unit().
perf_counter(Unit) ->
    erlang:convert_time_unit(perf_counter(), perf_counter, Unit).
