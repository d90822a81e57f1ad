%% @doc The process behind `logger' (ferl-internal): it owns the logger
%% configuration (primary config, handlers, module levels) and applies
%% every change to it one at a time.
%%
%% OTP keeps this configuration in an ets table that any process reads
%% without asking; ferl has no ets yet, so a logging process asks this one
%% for the configuration (`config/0'). Changes are funs built by `logger'
%% and run here, so that handler callbacks (`adding_handler/1',
%% `removing_handler/1', `changing_config/3') run in the logger process as
%% in OTP. The current configuration is also kept in this process's own
%% dictionary: a callback that logs from inside a change then reads it
%% directly instead of calling itself and waiting forever.
%%
%% The process is started on first use and registered as `logger'; it is
%% linked to no one, so a crash in the program does not take it down.
%% No natives of its own.
-module(logger_server).

%% Reading and changing the configuration
-export([config/0, change/1]).
%% The process
-export([init/0]).

-define(KEY, '$logger_config').

-type config() :: #{primary := map(), handlers := [map()],
                    module_levels := #{module() => atom()}, proxy := map()}.
-export_type([config/0]).

%% ---- api -------------------------------------------------------------------

%% @doc The whole configuration, as a map.
-spec config() -> config().
config() ->
    case get(?KEY) of
        undefined -> call(get);
        Config -> Config
    end.

%% @doc Runs `Fun(Config) -> {Reply, NewConfig}' in the logger process
%% and returns Reply.
-spec change(fun((config()) -> {term(), config()})) -> term().
change(Fun) when is_function(Fun, 1) ->
    case get(?KEY) of
        undefined ->
            call({change, Fun});
        Config ->
            %% Already inside the logger process (a handler callback that
            %% changes the configuration): apply it in place.
            {Reply, New} = Fun(Config),
            put(?KEY, New),
            Reply
    end.

call(Request) ->
    Pid = ensure_started(),
    Ref = erlang:monitor(process, Pid),
    Pid ! {logger_call, self(), Ref, Request},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, Pid, _} ->
            %% It died under us (a crashing callback): start afresh.
            call(Request)
    end.

ensure_started() ->
    case whereis(logger) of
        undefined ->
            Starter = self(),
            Pid = spawn(fun() -> start(Starter) end),
            Ref = erlang:monitor(process, Pid),
            receive
                {logger_started, Pid} ->
                    erlang:demonitor(Ref, [flush]),
                    Pid;
                {'DOWN', Ref, process, Pid, _} ->
                    %% Another process registered the name first.
                    ensure_started()
            end;
        Pid ->
            Pid
    end.

start(Starter) ->
    try register(logger, self()) of
        true ->
            Starter ! {logger_started, self()},
            init()
    catch error:badarg ->
            exit(normal)
    end.

%% ---- the process -----------------------------------------------------------

%% @private
-spec init() -> no_return().
init() ->
    process_flag(trap_exit, true),
    put(?KEY, logger:default_config()),
    loop().

loop() ->
    receive
        {logger_call, From, Ref, get} ->
            From ! {Ref, get(?KEY)};
        {logger_call, From, Ref, {change, Fun}} ->
            Old = get(?KEY),
            Reply = try Fun(Old) of
                        {R, New} -> put(?KEY, New), R
                    catch Class:Reason:Stack ->
                            %% A bad change must not take the logger down.
                            put(?KEY, Old),
                            {error, {Class, Reason, Stack}}
                    end,
            From ! {Ref, Reply};
        _Other ->
            ok
    end,
    loop().
