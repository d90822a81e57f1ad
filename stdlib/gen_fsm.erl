%% @doc The finite state machine behaviour of OTP 25 (`gen_fsm',
%% deprecated there in favour of `gen_statem' but still in use).
%%
%% A machine is a process running loop/7 below with a state name and
%% state data. Messages:
%%
%% <ul>
%% <li>`{'$gen_event', E}' (send_event/2): `Mod:StateName(E, Data)'.</li>
%% <li>`{'$gen_all_state_event', E}': `Mod:handle_event(E, StateName, Data)'.</li>
%% <li>`{'$gen_sync_event', From, E}' (sync_send_event/2,3):
%%     `Mod:StateName(E, From, Data)'; `{'$gen_sync_all_state_event', From,
%%     E}': `Mod:handle_sync_event(E, From, StateName, Data)'.</li>
%% <li>`{timeout, Ref, {'$gen_timer', M}}' (start_timer/2):
%%     `Mod:StateName({timeout, Ref, M}, Data)'; `{timeout, Ref,
%%     {'$gen_event', E}}' (send_event_after/2): `Mod:StateName(E, Data)'.</li>
%% <li>`{system, From, Req}': the sys protocol; `{'EXIT', Parent, R}':
%%     termination; anything else: `Mod:handle_info(Msg, StateName, Data)'.</li>
%% </ul>
%%
%% Synchronous events are sent with gen:call/3,4 under those labels. A
%% time-out in a callback's result delivers the
%% event `timeout'. A crash or an abnormal stop is logged as OTP logs it
%% (`#{label => {gen_fsm, terminate}, ...}' in the `[otp]' domain, text
%% `** State machine ... terminating').
%%
%% Differences: the sys debug options (trace, log) are accepted but
%% print nothing; format_log/2 gives the multi-line text even when asked
%% for a single line. Natives: none.
-module(gen_fsm).

%% Its own report callbacks are on OTP's deprecated list (the whole module is).
-compile({nowarn_deprecated_function, [{gen_fsm, format_log, 1}, {gen_fsm, format_log, 2}]}).

%% Starting
-export([start/3, start/4, start_link/3, start_link/4, stop/1, stop/3,
         enter_loop/4, enter_loop/5, enter_loop/6]).
%% Events and replies
-export([send_event/2, send_all_state_event/2, sync_send_event/2,
         sync_send_event/3, sync_send_all_state_event/2,
         sync_send_all_state_event/3, reply/2]).
%% Timers
-export([send_event_after/2, start_timer/2, cancel_timer/1]).
%% sys callbacks
-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2, format_status/2]).
%% Report callbacks
-export([format_log/1, format_log/2]).
%% Internal: process entry and wake-up after hibernation
-export([init_it/6, wake_hib/6]).

-include_lib("kernel/include/logger.hrl").

-callback init(Args :: term()) ->
    {ok, StateName :: atom(), StateData :: term()} |
    {ok, StateName :: atom(), StateData :: term(), timeout() | hibernate} |
    {stop, Reason :: term()} | ignore.
-callback handle_event(Event :: term(), StateName :: atom(), StateData :: term()) ->
    {next_state, atom(), term()} | {next_state, atom(), term(), timeout() | hibernate} |
    {stop, term(), term()}.
-callback handle_sync_event(Event :: term(), From :: {pid(), term()},
                            StateName :: atom(), StateData :: term()) -> term().
-callback handle_info(Info :: term(), StateName :: atom(), StateData :: term()) -> term().
-callback terminate(Reason :: term(), StateName :: atom(), StateData :: term()) -> term().
-callback code_change(OldVsn :: term(), StateName :: atom(), StateData :: term(),
                      Extra :: term()) -> {ok, atom(), term()}.
-optional_callbacks([handle_info/3, terminate/3, code_change/4]).

%%====================================================================
%% Starting
%%====================================================================

%% @doc Starts a machine, not linked.
-spec start(module(), term(), [term()]) -> gen:start_ret().
start(Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Mod, Args, Options).

%% @doc Starts a registered machine, not linked.
-spec start(gen:emgr_name(), module(), term(), [term()]) -> gen:start_ret().
start(Name, Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Name, Mod, Args, Options).

%% @doc Starts a machine linked to the caller.
-spec start_link(module(), term(), [term()]) -> gen:start_ret().
start_link(Mod, Args, Options) ->
    gen:start(?MODULE, link, Mod, Args, Options).

%% @doc Starts a registered machine linked to the caller.
-spec start_link(gen:emgr_name(), module(), term(), [term()]) -> gen:start_ret().
start_link(Name, Mod, Args, Options) ->
    gen:start(?MODULE, link, Name, Mod, Args, Options).

%% @doc Stops a machine (reason normal) and waits for it.
-spec stop(gen:server_ref()) -> ok.
stop(Name) ->
    gen:stop(Name).

%% @doc Stops a machine with a reason, waiting at most Timeout.
-spec stop(gen:server_ref(), term(), timeout()) -> ok.
stop(Name, Reason, Timeout) ->
    gen:stop(Name, Reason, Timeout).

%% @doc Makes the calling process (started by proc_lib) a machine.
-spec enter_loop(module(), [term()], atom(), term()) -> no_return().
enter_loop(Mod, Options, StateName, StateData) ->
    enter_loop(Mod, Options, StateName, StateData, self(), infinity).

%% @doc As enter_loop/4 with a registered name or a time-out.
-spec enter_loop(module(), [term()], atom(), term(),
                 gen:emgr_name() | pid() | timeout() | hibernate) -> no_return().
enter_loop(Mod, Options, StateName, StateData, {Kind, _} = Name)
  when Kind =:= local; Kind =:= global ->
    enter_loop(Mod, Options, StateName, StateData, Name, infinity);
enter_loop(Mod, Options, StateName, StateData, {via, _, _} = Name) ->
    enter_loop(Mod, Options, StateName, StateData, Name, infinity);
enter_loop(Mod, Options, StateName, StateData, Timeout) ->
    enter_loop(Mod, Options, StateName, StateData, self(), Timeout).

%% @doc As enter_loop/4 with a registered name and a time-out.
-spec enter_loop(module(), [term()], atom(), term(),
                 gen:emgr_name() | pid(), timeout() | hibernate) -> no_return().
enter_loop(Mod, Options, StateName, StateData, ServerName, Timeout) ->
    Name = gen:get_proc_name(ServerName),
    Parent = gen:get_parent(),
    Debug = gen:debug_options(Name, Options),
    loop(Parent, Name, StateName, StateData, Mod, Timeout,
         {gen:hibernate_after(Options), Debug}).

%% @private
init_it(Starter, self, Name, Mod, Args, Options) ->
    init_it(Starter, self(), Name, Mod, Args, Options);
init_it(Starter, Parent, Name0, Mod, Args, Options) ->
    Name = gen:name(Name0),
    Opts = {gen:hibernate_after(Options), gen:debug_options(Name, Options)},
    %% OTP catches init/1 with an old-style catch: a throw is a return.
    case catch Mod:init(Args) of
        {ok, StateName, StateData} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, StateName, StateData, Mod, infinity, Opts);
        {ok, StateName, StateData, Timeout} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, StateName, StateData, Mod, Timeout, Opts);
        {stop, Reason} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        ignore ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {'EXIT', Reason} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        Else ->
            Error = {bad_return_value, Else},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error)
    end.

%%====================================================================
%% Events, replies and timers
%%====================================================================

%% @doc Sends an event for the current state's Mod:StateName/2.
-spec send_event(gen:server_ref(), term()) -> ok.
send_event(Name, Event) ->
    send(Name, {'$gen_event', Event}).

%% @doc Sends an event for Mod:handle_event/3.
-spec send_all_state_event(gen:server_ref(), term()) -> ok.
send_all_state_event(Name, Event) ->
    send(Name, {'$gen_all_state_event', Event}).

%% As OTP: a send to a missing global or via name is ignored.
send({global, _} = Name, Msg) -> _ = (catch gen:send(Name, Msg)), ok;
send({via, _, _} = Name, Msg) -> _ = (catch gen:send(Name, Msg)), ok;
send(Name, Msg) -> Name ! Msg, ok.

%% @doc Sends an event for Mod:StateName/3 and waits for the reply.
-spec sync_send_event(gen:server_ref(), term()) -> term().
sync_send_event(Name, Event) ->
    sync(Name, '$gen_sync_event', Event, default, sync_send_event, [Name, Event]).

%% @doc As sync_send_event/2 with a time-out.
-spec sync_send_event(gen:server_ref(), term(), timeout()) -> term().
sync_send_event(Name, Event, Timeout) ->
    sync(Name, '$gen_sync_event', Event, Timeout, sync_send_event, [Name, Event, Timeout]).

%% @doc Sends an event for Mod:handle_sync_event/4 and waits for the reply.
-spec sync_send_all_state_event(gen:server_ref(), term()) -> term().
sync_send_all_state_event(Name, Event) ->
    sync(Name, '$gen_sync_all_state_event', Event, default,
         sync_send_all_state_event, [Name, Event]).

%% @doc As sync_send_all_state_event/2 with a time-out.
-spec sync_send_all_state_event(gen:server_ref(), term(), timeout()) -> term().
sync_send_all_state_event(Name, Event, Timeout) ->
    sync(Name, '$gen_sync_all_state_event', Event, Timeout,
         sync_send_all_state_event, [Name, Event, Timeout]).

%% The caller exits with {Reason, {gen_fsm, Function, Args}} when the
%% call fails, as in OTP.
sync(Name, Label, Event, Timeout, Fun, Args) ->
    Result = case Timeout of
                 default -> catch gen:call(Name, Label, Event);
                 _ -> catch gen:call(Name, Label, Event, Timeout)
             end,
    case Result of
        {ok, Reply} -> Reply;
        {'EXIT', Reason} -> exit({Reason, {?MODULE, Fun, Args}})
    end.

%% @doc Replies to a synchronous event from a callback's From.
-spec reply({pid(), term()}, term()) -> term().
reply(From, Reply) ->
    gen:reply(From, Reply).

%% @doc Sends the machine (the caller) Event after Time milliseconds.
-spec send_event_after(non_neg_integer(), term()) -> reference().
send_event_after(Time, Event) ->
    erlang:start_timer(Time, self(), {'$gen_event', Event}).

%% @doc Sends the machine `{timeout, Ref, Msg}' after Time milliseconds.
-spec start_timer(non_neg_integer(), term()) -> reference().
start_timer(Time, Msg) ->
    erlang:start_timer(Time, self(), {'$gen_timer', Msg}).

%% @doc Cancels a timer: the time that was left, 0 if it had expired
%% (its message is removed), or false.
-spec cancel_timer(reference()) -> false | non_neg_integer().
cancel_timer(Ref) ->
    case erlang:cancel_timer(Ref) of
        false ->
            receive {timeout, Ref, _} -> 0
            after 0 -> false
            end;
        Left ->
            Left
    end.

%%====================================================================
%% The loop
%%====================================================================

%% Opts = {HibernateAfter, Debug}
loop(Parent, Name, StateName, Data, Mod, hibernate, Opts) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, StateName, Data, Mod, Opts]);
loop(Parent, Name, StateName, Data, Mod, infinity, {HibAfter, _} = Opts) ->
    receive
        Msg -> decode(Msg, Parent, Name, StateName, Data, Mod, infinity, Opts, false)
    after HibAfter ->
            loop(Parent, Name, StateName, Data, Mod, hibernate, Opts)
    end;
loop(Parent, Name, StateName, Data, Mod, Time, Opts) ->
    Msg = receive Input -> Input
          after Time -> {'$gen_event', timeout}
          end,
    decode(Msg, Parent, Name, StateName, Data, Mod, Time, Opts, false).

%% @private
wake_hib(Parent, Name, StateName, Data, Mod, Opts) ->
    receive
        Msg -> decode(Msg, Parent, Name, StateName, Data, Mod, hibernate, Opts, true)
    end.

decode(Msg, Parent, Name, StateName, Data, Mod, Time, {HibAfter, Debug} = Opts, Hib) ->
    case Msg of
        {system, From, Req} ->
            sys:handle_system_msg(Req, From, Parent, ?MODULE, Debug,
                                  [Name, StateName, Data, Mod, Time, HibAfter], Hib);
        {'EXIT', Parent, Reason} ->
            terminate(Reason, Name, undefined, Msg, Mod, StateName, Data);
        _ ->
            handle_msg(Msg, Parent, Name, StateName, Data, Mod, Opts)
    end.

handle_msg(Msg, Parent, Name, StateName, Data, Mod, Opts) ->
    From = from(Msg),
    case catch dispatch(Msg, Mod, StateName, Data) of
        {next_state, NName, NData} ->
            loop(Parent, Name, NName, NData, Mod, infinity, Opts);
        {next_state, NName, NData, Time} ->
            loop(Parent, Name, NName, NData, Mod, Time, Opts);
        {reply, Reply, NName, NData} when From =/= undefined ->
            reply(From, Reply),
            loop(Parent, Name, NName, NData, Mod, infinity, Opts);
        {reply, Reply, NName, NData, Time} when From =/= undefined ->
            reply(From, Reply),
            loop(Parent, Name, NName, NData, Mod, Time, Opts);
        {stop, Reason, NData} ->
            terminate(Reason, Name, From, Msg, Mod, StateName, NData);
        {stop, Reason, Reply, NData} when From =/= undefined ->
            %% The reply goes after terminate/3 has run.
            {'EXIT', R} = (catch terminate(Reason, Name, From, Msg, Mod, StateName, NData)),
            reply(From, Reply),
            exit(R);
        {'EXIT', {undef, [{Mod, handle_info, [_, _, _], _} | _]}} ->
            ?LOG_WARNING(#{label => {gen_fsm, no_handle_info}, module => Mod, message => Msg},
                         #{domain => [otp], report_cb => fun gen_fsm:format_log/2,
                           error_logger => #{tag => warning_msg,
                                             report_cb => fun gen_fsm:format_log/1}}),
            loop(Parent, Name, StateName, Data, Mod, infinity, Opts);
        {'EXIT', What} ->
            terminate(What, Name, From, Msg, Mod, StateName, Data);
        Other ->
            terminate({bad_return_value, Other}, Name, From, Msg, Mod, StateName, Data)
    end.

dispatch({'$gen_event', Event}, Mod, StateName, Data) ->
    Mod:StateName(Event, Data);
dispatch({'$gen_all_state_event', Event}, Mod, StateName, Data) ->
    Mod:handle_event(Event, StateName, Data);
dispatch({'$gen_sync_event', From, Event}, Mod, StateName, Data) ->
    Mod:StateName(Event, From, Data);
dispatch({'$gen_sync_all_state_event', From, Event}, Mod, StateName, Data) ->
    Mod:handle_sync_event(Event, From, StateName, Data);
dispatch({timeout, Ref, {'$gen_timer', Msg}}, Mod, StateName, Data) ->
    Mod:StateName({timeout, Ref, Msg}, Data);
dispatch({timeout, _Ref, {'$gen_event', Event}}, Mod, StateName, Data) ->
    Mod:StateName(Event, Data);
dispatch(Info, Mod, StateName, Data) ->
    Mod:handle_info(Info, StateName, Data).

from({'$gen_sync_event', From, _}) -> From;
from({'$gen_sync_all_state_event', From, _}) -> From;
from(_) -> undefined.

-spec terminate(term(), term(), term(), term(), module(), atom(), term()) -> no_return().
terminate(Reason, Name, From, Msg, Mod, StateName, Data) ->
    case erlang:function_exported(Mod, terminate, 3) of
        true ->
            case catch Mod:terminate(Reason, StateName, Data) of
                {'EXIT', R} ->
                    error_info(R, Name, From, Msg, StateName, Data),
                    exit(R);
                _ ->
                    ok
            end;
        false ->
            ok
    end,
    case Reason of
        normal -> exit(normal);
        shutdown -> exit(shutdown);
        {shutdown, _} -> exit(Reason);
        _ ->
            error_info(Reason, Name, From, Msg, StateName, Data),
            exit(Reason)
    end.

error_info(Reason, Name, From, Msg, StateName, Data) ->
    ?LOG_ERROR(#{label => {gen_fsm, terminate}, name => Name, last_message => Msg,
                 state_name => StateName, state_data => Data, log => [],
                 reason => Reason, client_info => client_info(From)},
               #{domain => [otp], report_cb => fun gen_fsm:format_log/2,
                 error_logger => #{tag => error, report_cb => fun gen_fsm:format_log/1}}),
    ok.

client_info(undefined) -> undefined;
client_info({Pid, _Tag}) when is_pid(Pid) ->
    case process_info(Pid, [current_stacktrace, registered_name]) of
        undefined -> {Pid, dead};
        [{current_stacktrace, S}, {registered_name, []}] -> {Pid, {Pid, S}};
        [{current_stacktrace, S}, {registered_name, N}] -> {Pid, {N, S}}
    end;
client_info(_) -> undefined.

%%====================================================================
%% sys callbacks
%%====================================================================

%% @private
system_continue(Parent, Debug, [Name, StateName, Data, Mod, Time, HibAfter]) ->
    loop(Parent, Name, StateName, Data, Mod, Time, {HibAfter, Debug}).

%% @private
-spec system_terminate(term(), pid(), term(), list()) -> no_return().
system_terminate(Reason, _Parent, _Debug, [Name, StateName, Data, Mod, _Time, _HibAfter]) ->
    terminate(Reason, Name, undefined, [], Mod, StateName, Data).

%% @private
system_code_change([Name, StateName, Data, Mod, Time, HibAfter], _Module, OldVsn, Extra) ->
    case catch Mod:code_change(OldVsn, StateName, Data, Extra) of
        {ok, NName, NData} -> {ok, [Name, NName, NData, Mod, Time, HibAfter]};
        Else -> Else
    end.

%% @private
system_get_state([_Name, StateName, Data, _Mod, _Time, _HibAfter]) ->
    {ok, {StateName, Data}}.

%% @private
system_replace_state(Fun, [Name, StateName, Data, Mod, Time, HibAfter]) ->
    {NName, NData} = Result = Fun({StateName, Data}),
    {ok, Result, [Name, NName, NData, Mod, Time, HibAfter]}.

%% @private
format_status(_Opt, [PDict, SysState, Parent, Debug,
                     [Name, StateName, Data, Mod, _Time, _HibAfter]]) ->
    Header = gen:format_status_header("Status for state machine", Name),
    Specific = case erlang:function_exported(Mod, format_status, 2) of
                   true ->
                       case catch Mod:format_status(normal, [PDict, Data]) of
                           {'EXIT', _} -> [{data, [{"StateData", Data}]}];
                           Else -> Else
                       end;
                   false -> [{data, [{"StateData", Data}]}]
               end,
    [{header, Header},
     {data, [{"Status", SysState}, {"Parent", Parent},
             {"Logged events", sys:get_log(Debug)}, {"StateName", StateName}]} |
     Specific].

%%====================================================================
%% Report text
%%====================================================================

%% @doc The text (format and arguments) of the reports gen_fsm logs, for
%% error_logger's handlers.
-spec format_log(logger:report()) -> {io:format(), [term()]}.
format_log(Report) ->
    log_text(Report).

%% @doc The text of the reports gen_fsm logs, for logger's formatter.
-spec format_log(logger:report(), logger:report_cb_config()) -> unicode:chardata().
format_log(Report, _FormatOpts) ->
    {Format, Args} = log_text(Report),
    io_lib:format(Format, Args).

log_text(#{label := {gen_fsm, terminate}, name := Name, last_message := Msg,
           state_name := StateName, state_data := Data, log := Log,
           reason := Reason, client_info := Client}) ->
    {MsgFormat, MsgArgs} = last_message(Msg),
    {LogFormat, LogArgs} = case Log of
                               [] -> {"", []};
                               _ -> {"** Log ==~n**~tp~n", [Log]}
                           end,
    {ClientFormat, ClientArgs} = client_text(Client),
    {"** State machine ~tp terminating \n" ++ MsgFormat ++
         "** When State == ~tp~n**      Data  == ~tp~n"
         "** Reason for termination ==~n** ~tp~n" ++ LogFormat ++ ClientFormat,
     [Name | MsgArgs] ++ [StateName, Data, fix_reason(Reason) | LogArgs] ++ ClientArgs};
log_text(#{label := {gen_fsm, no_handle_info}, module := Mod, message := Msg}) ->
    {"** Undefined handle_info in ~p~n** Unhandled message: ~tp~n", [Mod, Msg]}.

last_message({'$gen_event', E}) ->
    {"** Last event in was ~tp~n", [E]};
last_message({'$gen_sync_event', {From, _}, E}) ->
    {"** Last sync event in was ~tp from ~tw~n", [E, From]};
last_message({'$gen_all_state_event', E}) ->
    {"** Last event in was ~tp (for all states)~n", [E]};
last_message({'$gen_sync_all_state_event', {From, _}, E}) ->
    {"** Last sync event in was ~tp (for all states) from ~tp~n", [E, From]};
last_message({timeout, Ref, {'$gen_timer', M}}) ->
    {"** Last timer event in was ~tp~n", [{timeout, Ref, M}]};
last_message({timeout, _Ref, {'$gen_event', E}}) ->
    {"** Last timer event in was ~tp~n", [E]};
last_message(Msg) ->
    {"** Last message in was ~tp~n", [Msg]}.

client_text({_From, {Name, Stack}}) ->
    {"** Client ~tp stacktrace~n** ~tp~n", [Name, Stack]};
client_text({From, dead}) ->
    {"** Client ~p is dead~n", [From]};
client_text({From, remote}) ->
    {"** Client ~p is remote on node ~p~n", [From, node(From)]};
client_text(_) ->
    {"", []}.

fix_reason({undef, [{M, F, A, L} | MFAs]} = Reason) ->
    case code:is_loaded(M) of
        false -> {'module could not be loaded', [{M, F, A, L} | MFAs]};
        _ ->
            case erlang:function_exported(M, F, length(A)) of
                true -> Reason;
                false -> {'function not exported', [{M, F, A, L} | MFAs]}
            end
    end;
fix_reason(Reason) ->
    Reason.
