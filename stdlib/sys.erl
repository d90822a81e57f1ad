%% @doc The system message interface (a subset of OTP 25's `sys'): reading
%% and replacing a behaviour's state, suspending and resuming it, its
%% status, code change, and stopping it; plus the `trace' and `log' debug
%% options.
%%
%% Protocol. A request is a call with label `system' (gen:call/4): the
%% process receives `{system, From, Request}' and hands it to
%% handle_system_msg/6, which answers and continues with
%% `Module:system_continue(Parent, Debug, Misc)' (or terminates with
%% `Module:system_terminate(Reason, Parent, Debug, Misc)'). A suspended
%% process waits in handle_system_msg/6 itself and takes only system
%% messages and its parent's `'EXIT'' until resumed. Modules implement
%% `system_get_state/1' and `system_replace_state/2' to expose their
%% state; without them the whole Misc term is the state.
%%
%% Debug structure. A list of `{trace, true}' and `{log, {Max, Events}}'
%% (newest event first); `statistics', `log_to_file' and `install' are
%% accepted and ignored (not implemented).
%%
%% Natives: none.
-module(sys).

%% Requests to a process
-export([get_state/1, get_state/2, replace_state/2, replace_state/3,
         get_status/1, get_status/2, suspend/1, suspend/2, resume/1, resume/2,
         change_code/4, change_code/5, terminate/2, terminate/3]).
%% Debugging a process
-export([trace/2, trace/3, log/2, log/3, no_debug/1, no_debug/2,
         statistics/2, statistics/3]).
%% For processes implementing the protocol
-export([handle_system_msg/6, handle_system_msg/7, handle_debug/4,
         debug_options/1, get_debug/3, get_log/1, print_log/1]).

-export_type([name/0, system_event/0, debug_option/0, dbg_opt/0, dbg_fun/0]).

-type name() :: pid() | atom() | {global, term()} | {via, module(), term()}.
-type system_event() :: {in, term()} | {in, term(), term()} | {out, term(), term()}
                      | {out, term(), term(), term()} | {noreply, term()}
                      | {continue, term()} | {postpone, term(), term(), term()}
                      | {consume, term(), term(), term()} | {start_timer, term(), term()}
                      | {insert_timeout, term(), term()} | {enter, term(), term()}
                      | {module, module(), term()} | {code_change, term(), term()}
                      | {terminate, term(), term()} | term().
-type debug_option() :: trace | log | {log, pos_integer()} | statistics
                      | {log_to_file, file:filename()} | {install, term()}.
-type dbg_opt() :: {trace, true} | {log, {non_neg_integer(), list()}}.
-type dbg_fun() :: fun((term(), term(), term()) -> term()).

%% Events a log keeps unless told otherwise.
-define(DEFAULT_LOG, 10).

%% ---- requests --------------------------------------------------------------

-spec get_state(Name) -> State when Name :: name(), State :: term().
get_state(Name) ->
    checked_state(request(Name, get_state)).

-spec get_state(Name, Timeout) -> State when
      Name :: name(), Timeout :: timeout(), State :: term().
get_state(Name, Timeout) ->
    checked_state(request(Name, get_state, Timeout)).

-spec replace_state(Name, StateFun) -> NewState when
      Name :: name(), StateFun :: fun((term()) -> term()), NewState :: term().
replace_state(Name, Fun) ->
    checked_state(request(Name, {replace_state, Fun})).

-spec replace_state(Name, StateFun, Timeout) -> NewState when
      Name :: name(), StateFun :: fun((term()) -> term()),
      Timeout :: timeout(), NewState :: term().
replace_state(Name, Fun, Timeout) ->
    checked_state(request(Name, {replace_state, Fun}, Timeout)).

%% A failing callback is raised in the caller as an error. As in OTP, so is
%% a state that happens to be {error, Reason}.
checked_state({error, Reason}) -> erlang:error(Reason);
checked_state(State) -> State.

-spec get_status(Name) -> Status when Name :: name(), Status :: term().
get_status(Name) -> request(Name, get_status).

-spec get_status(Name, Timeout) -> Status when
      Name :: name(), Timeout :: timeout(), Status :: term().
get_status(Name, Timeout) -> request(Name, get_status, Timeout).

-spec suspend(Name) -> ok when Name :: name().
suspend(Name) -> request(Name, suspend).

-spec suspend(Name, Timeout) -> ok when Name :: name(), Timeout :: timeout().
suspend(Name, Timeout) -> request(Name, suspend, Timeout).

-spec resume(Name) -> ok when Name :: name().
resume(Name) -> request(Name, resume).

-spec resume(Name, Timeout) -> ok when Name :: name(), Timeout :: timeout().
resume(Name, Timeout) -> request(Name, resume, Timeout).

%% @doc Asks a suspended process to change its state for a new version of
%% Module (its `system_code_change/4'); `{error, Reason}' if that fails.
-spec change_code(Name, Module, OldVsn, Extra) -> ok | {error, Reason} when
      Name :: name(), Module :: module(), OldVsn :: term(), Extra :: term(),
      Reason :: term().
change_code(Name, Mod, Vsn, Extra) ->
    request(Name, {change_code, Mod, Vsn, Extra}).

-spec change_code(Name, Module, OldVsn, Extra, Timeout) -> ok | {error, Reason} when
      Name :: name(), Module :: module(), OldVsn :: term(), Extra :: term(),
      Timeout :: timeout(), Reason :: term().
change_code(Name, Mod, Vsn, Extra, Timeout) ->
    request(Name, {change_code, Mod, Vsn, Extra}, Timeout).

%% @doc Asks the process to terminate with Reason; returns once it has
%% answered (it then terminates).
-spec terminate(Name, Reason) -> ok when Name :: name(), Reason :: term().
terminate(Name, Reason) -> request(Name, {terminate, Reason}).

-spec terminate(Name, Reason, Timeout) -> ok when
      Name :: name(), Reason :: term(), Timeout :: timeout().
terminate(Name, Reason, Timeout) -> request(Name, {terminate, Reason}, Timeout).

%% The exit reasons name the sys function, as OTP's do.
request(Name, Request) ->
    try gen:call(Name, system, Request) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, mfa(Name, Request, [])})
    end.

request(Name, Request, Timeout) ->
    try gen:call(Name, system, Request, Timeout) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, mfa(Name, Request, [Timeout])})
    end.

mfa(Name, {debug, {Func, Arg}}, T) -> {sys, Func, [Name, Arg | T]};
mfa(Name, {change_code, Mod, Vsn, Extra}, T) -> {sys, change_code, [Name, Mod, Vsn, Extra | T]};
mfa(Name, {terminate, Reason}, T) -> {sys, terminate, [Name, Reason | T]};
mfa(Name, {replace_state, Fun}, T) -> {sys, replace_state, [Name, Fun | T]};
mfa(Name, Atom, T) -> {sys, Atom, [Name | T]}.

%% ---- debugging -------------------------------------------------------------

-spec trace(Name, Flag) -> ok when Name :: name(), Flag :: boolean().
trace(Name, Flag) -> request(Name, {debug, {trace, Flag}}).

-spec trace(Name, Flag, Timeout) -> ok when
      Name :: name(), Flag :: boolean(), Timeout :: timeout().
trace(Name, Flag, Timeout) -> request(Name, {debug, {trace, Flag}}, Timeout).

-spec log(Name, Flag) -> ok | {ok, [system_event()]} when
      Name :: name(), Flag :: true | {true, pos_integer()} | false | get | print.
log(Name, Flag) -> request(Name, {debug, {log, Flag}}).

-spec log(Name, Flag, Timeout) -> ok | {ok, [system_event()]} when
      Name :: name(), Flag :: true | {true, pos_integer()} | false | get | print,
      Timeout :: timeout().
log(Name, Flag, Timeout) -> request(Name, {debug, {log, Flag}}, Timeout).

-spec statistics(Name, Flag) -> ok | {ok, list()} | no_statistics when
      Name :: name(), Flag :: boolean() | get.
statistics(Name, Flag) -> request(Name, {debug, {statistics, Flag}}).

-spec statistics(Name, Flag, Timeout) -> ok | {ok, list()} | no_statistics when
      Name :: name(), Flag :: boolean() | get, Timeout :: timeout().
statistics(Name, Flag, Timeout) -> request(Name, {debug, {statistics, Flag}}, Timeout).

-spec no_debug(Name) -> ok when Name :: name().
no_debug(Name) -> request(Name, {debug, no_debug}).

-spec no_debug(Name, Timeout) -> ok when Name :: name(), Timeout :: timeout().
no_debug(Name, Timeout) -> request(Name, {debug, no_debug}, Timeout).

%% ---- the process side ------------------------------------------------------

%% @doc Handles a system message received as `{system, From, Msg}'. Does
%% not return: continues with Module:system_continue/3 or ends with
%% Module:system_terminate/4.
-spec handle_system_msg(Msg, From, Parent, Module, Debug, Misc) -> no_return() when
      Msg :: term(), From :: gen:from(), Parent :: pid(), Module :: module(),
      Debug :: [dbg_opt()], Misc :: term().
handle_system_msg(Msg, From, Parent, Mod, Debug, Misc) ->
    system_msg(running, Msg, From, Parent, Mod, Debug, Misc).

%% @doc As handle_system_msg/6; the last argument (hibernate after) has no
%% effect in ferl.
-spec handle_system_msg(Msg, From, Parent, Module, Debug, Misc, Hib) -> no_return() when
      Msg :: term(), From :: gen:from(), Parent :: pid(), Module :: module(),
      Debug :: [dbg_opt()], Misc :: term(), Hib :: boolean().
handle_system_msg(Msg, From, Parent, Mod, Debug, Misc, _Hib) ->
    system_msg(running, Msg, From, Parent, Mod, Debug, Misc).

system_msg(SysState, Msg, From, Parent, Mod, Debug, Misc) ->
    {NSysState, Reply, NDebug, NMisc} = command(SysState, Msg, Parent, Mod, Debug, Misc),
    case NSysState of
        {terminating, Reason} ->
            gen:reply(From, Reply),
            Mod:system_terminate(Reason, Parent, NDebug, NMisc);
        suspended ->
            gen:reply(From, Reply),
            suspended_loop(Parent, Mod, NDebug, NMisc);
        running ->
            gen:reply(From, Reply),
            Mod:system_continue(Parent, NDebug, NMisc)
    end.

%% While suspended only system messages and the parent's exit are taken.
suspended_loop(Parent, Mod, Debug, Misc) ->
    receive
        {system, From, Msg} ->
            system_msg(suspended, Msg, From, Parent, Mod, Debug, Misc);
        {'EXIT', Parent, Reason} ->
            Mod:system_terminate(Reason, Parent, Debug, Misc)
    end.

command(_, suspend, _Parent, _Mod, Debug, Misc) ->
    {suspended, ok, Debug, Misc};
command(_, resume, _Parent, _Mod, Debug, Misc) ->
    {running, ok, Debug, Misc};
command(SysState, get_state, _Parent, Mod, Debug, Misc) ->
    {SysState, state_of(Mod, Misc), Debug, Misc};
command(SysState, {replace_state, Fun}, _Parent, Mod, Debug, Misc) ->
    {Reply, NMisc} = replaced_state(Fun, Mod, Misc),
    {SysState, Reply, Debug, NMisc};
command(SysState, get_status, Parent, Mod, Debug, Misc) ->
    {SysState, status(SysState, Parent, Mod, Debug, Misc), Debug, Misc};
command(SysState, {debug, What}, _Parent, _Mod, Debug, Misc) ->
    {Reply, NDebug} = debug_command(What, Debug),
    {SysState, Reply, NDebug, Misc};
command(_, {terminate, Reason}, _Parent, _Mod, Debug, Misc) ->
    {{terminating, Reason}, ok, Debug, Misc};
command(suspended, {change_code, Module, Vsn, Extra}, _Parent, Mod, Debug, Misc) ->
    {Reply, NMisc} = changed_code(Mod, Module, Vsn, Extra, Misc),
    {suspended, Reply, Debug, NMisc};
command(SysState, Other, _Parent, _Mod, Debug, Misc) ->
    {SysState, {error, {unknown_system_msg, Other}}, Debug, Misc}.

state_of(Mod, Misc) ->
    case erlang:function_exported(Mod, system_get_state, 1) of
        true ->
            try Mod:system_get_state(Misc) of
                {ok, State} -> State
            catch Class:Reason ->
                    {error, {callback_failed, {Mod, system_get_state}, {Class, Reason}}}
            end;
        false ->
            Misc
    end.

replaced_state(Fun, Mod, Misc) ->
    case erlang:function_exported(Mod, system_replace_state, 2) of
        true ->
            try Mod:system_replace_state(Fun, Misc) of
                {ok, State, NMisc} -> {State, NMisc}
            catch Class:Reason ->
                    {{error, {callback_failed, {Mod, system_replace_state},
                              {Class, Reason}}}, Misc}
            end;
        false ->
            try Fun(Misc) of
                NMisc -> {NMisc, NMisc}
            catch Class:Reason ->
                    {{error, {callback_failed, Fun, {Class, Reason}}}, Misc}
            end
    end.

changed_code(Mod, Module, Vsn, Extra, Misc) ->
    case catch Mod:system_code_change(Misc, Module, Vsn, Extra) of
        {ok, NMisc} -> {ok, NMisc};
        Else -> {{error, Else}, Misc}
    end.

status(SysState, Parent, Mod, Debug, Misc) ->
    PDict = get(),
    Formatted =
        case erlang:function_exported(Mod, format_status, 2) of
            true ->
                case catch Mod:format_status(normal, [PDict, SysState, Parent, Debug, Misc]) of
                    {'EXIT', _} -> Misc;
                    Else -> Else
                end;
            false ->
                Misc
        end,
    {status, self(), {module, Mod}, [PDict, SysState, Parent, Debug, Formatted]}.

debug_command(no_debug, _Debug) ->
    {ok, []};
debug_command({trace, true}, Debug) ->
    {ok, lists:keystore(trace, 1, Debug, {trace, true})};
debug_command({trace, false}, Debug) ->
    {ok, lists:keydelete(trace, 1, Debug)};
debug_command({log, true}, Debug) ->
    {ok, set_log(?DEFAULT_LOG, Debug)};
debug_command({log, {true, N}}, Debug) when is_integer(N), N > 0 ->
    {ok, set_log(N, Debug)};
debug_command({log, false}, Debug) ->
    {ok, lists:keydelete(log, 1, Debug)};
debug_command({log, get}, Debug) ->
    {{ok, logged(Debug)}, Debug};
debug_command({log, print}, Debug) ->
    print_log(Debug),
    {ok, Debug};
debug_command({statistics, get}, Debug) ->
    {no_statistics, Debug};
debug_command({statistics, _}, Debug) ->
    {ok, Debug};
debug_command(_Unknown, Debug) ->
    {unknown_debug, Debug}.

set_log(N, Debug) ->
    Events = case lists:keyfind(log, 1, Debug) of
                 {log, {_, Old}} -> lists:sublist(Old, N);
                 false -> []
             end,
    lists:keystore(log, 1, Debug, {log, {N, Events}}).

%% Logged events, oldest first, without their formatting funs.
logged(Debug) ->
    case lists:keyfind(log, 1, Debug) of
        {log, {_, Events}} -> [E || {E, _, _} <- lists:reverse(Events)];
        false -> []
    end.

%% @doc The events a debug structure has logged, oldest first.
-spec get_log(Debug) -> [system_event()] when Debug :: [dbg_opt()].
get_log(Debug) -> logged(Debug).

%% @doc Prints the events a debug structure has logged.
-spec print_log(Debug) -> ok when Debug :: [dbg_opt()].
print_log(Debug) ->
    case lists:keyfind(log, 1, Debug) of
        {log, {_, Events}} ->
            lists:foreach(fun({Event, State, Fun}) -> Fun(standard_io, Event, State) end,
                          lists:reverse(Events));
        false ->
            ok
    end.

%% @doc The debug structure for a list of debug options.
-spec debug_options(Options) -> [dbg_opt()] when Options :: [debug_option()].
debug_options(Options) ->
    lists:foldl(fun(trace, D) -> lists:keystore(trace, 1, D, {trace, true});
                   (log, D) -> set_log(?DEFAULT_LOG, D);
                   ({log, N}, D) when is_integer(N), N > 0 -> set_log(N, D);
                   (_Ignored, D) -> D
                end, [], Options).

%% @doc Value of one debug item, or Default.
-spec get_debug(Item, Debug, Default) -> term() when
      Item :: atom(), Debug :: [dbg_opt()], Default :: term().
get_debug(Item, Debug, Default) ->
    case lists:keyfind(Item, 1, Debug) of
        {Item, Value} -> Value;
        false -> Default
    end.

%% @doc Records one event: printed now if tracing (with
%% `FormFunc(standard_io, Event, Extra)'), kept if logging.
-spec handle_debug(Debug, FormFunc, Extra, Event) -> [dbg_opt()] when
      Debug :: [dbg_opt()], FormFunc :: dbg_fun(), Extra :: term(),
      Event :: system_event().
handle_debug([], _FormFunc, _Extra, _Event) ->
    [];
handle_debug(Debug, FormFunc, Extra, Event) ->
    [debug_item(Item, FormFunc, Extra, Event) || Item <- Debug].

debug_item({trace, true} = Item, FormFunc, Extra, Event) ->
    catch FormFunc(standard_io, Event, Extra),
    Item;
debug_item({log, {N, Events}}, FormFunc, Extra, Event) ->
    {log, {N, lists:sublist([{Event, Extra, FormFunc} | Events], N)}};
debug_item(Item, _FormFunc, _Extra, _Event) ->
    Item.
