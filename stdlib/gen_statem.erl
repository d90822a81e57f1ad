%% @doc The generic state machine behaviour (OTP 25's `gen_statem').
%%
%% A state machine holds a state and data, and hands each event to its
%% callback module: `Module:State(EventType, Content, Data)' in callback
%% mode `state_functions', `Module:handle_event(EventType, Content, State,
%% Data)' in `handle_event_function'. With `state_enter' in the callback
%% mode, entering a state (a change of state, or `repeat_state') first
%% makes a state enter call with EventType `enter' and the previous state.
%%
%% Events. `{call, From}', `cast' and `info' come from the mailbox;
%% `timeout' (event time-out), `{timeout, Name}' (generic) and
%% `state_timeout' from timers (`erlang:start_timer/4' whose message names
%% the time-out type); `internal' (and any other type) from `next_event'
%% actions. Events wait in an internal queue before the mailbox is read:
%% first those inserted by `next_event' (in the order given), then the
%% postponed events to retry after a change of state (in arrival order),
%% then those queued before. A zero time-out fires when the queue is empty,
%% before the mailbox is read.
%%
%% Time-outs. The event time-out is cancelled by any event, the state
%% time-out by a change of state; generic ones only by their own action.
%% Of several actions for the same time-out in one transition, the last
%% counts; `infinity' or `cancel' cancels, `update' changes the content.
%%
%% Ending: `terminate/3' (if exported) gets the bare reason; then, unless
%% the reason is `normal', `shutdown' or `{shutdown, _}', an error report
%% is printed (`** State machine ... terminating') and the process exits
%% with the reason (an error as `{Reason, Stack}', through proc_lib).
%%
%% Natives: none of its own (see proc_lib on hibernation).
-module(gen_statem).

%% Starting and stopping
-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3,
         start_monitor/4, stop/1, stop/3, enter_loop/4, enter_loop/5,
         enter_loop/6]).
%% Events and replies
-export([call/2, call/3, cast/2, reply/1, reply/2]).
%% Asynchronous calls
-export([send_request/2, send_request/4, wait_response/1, wait_response/2,
         wait_response/3, receive_response/1, receive_response/2,
         receive_response/3, check_response/2, check_response/3, reqids_new/0,
         reqids_size/1, reqids_add/3, reqids_to_list/1]).
%% sys callbacks
-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2, format_status/2]).
%% Internal: process entry and wake-up after hibernation
-export([init_it/6, wakeup_from_hibernate/3]).

-export_type([event_type/0, from/0, callback_mode_result/0, init_result/1,
              init_result/2, state_enter_result/1, state_enter_result/2,
              event_handler_result/1, event_handler_result/2, reply_action/0,
              enter_action/0, action/0, state/0, state_name/0, data/0,
              event_content/0, timeout_event_type/0, server_ref/0,
              start_opt/0, start_ret/0, start_mon_ret/0, request_id/0,
              request_id_collection/0, reply_tag/0]).

-type from() :: {To :: pid(), Tag :: reply_tag()}.
-opaque reply_tag() :: gen:reply_tag().
-opaque request_id() :: gen:request_id().
-opaque request_id_collection() :: gen:request_id_collection().
-type state() :: state_name() | term().
-type state_name() :: atom().
-type data() :: term().
-type event_type() :: external_event_type() | timeout_event_type() | internal.
-type external_event_type() :: {call, From :: from()} | cast | info.
-type timeout_event_type() :: timeout | {timeout, Name :: term()} | state_timeout.
-type event_content() :: term().
-type callback_mode_result() :: callback_mode() | [callback_mode() | state_enter].
-type callback_mode() :: state_functions | handle_event_function.
-type action() :: postpone | {postpone, boolean()}
                | {next_event, event_type(), event_content()}
                | {change_callback_module, module()} | {push_callback_module, module()}
                | pop_callback_module | enter_action().
-type enter_action() :: hibernate | {hibernate, boolean()} | timeout_action()
                      | reply_action().
-type timeout_action() :: timeout() | {timeout, timeout() | integer(), term()}
                        | {timeout, timeout() | integer(), term(), list()}
                        | {{timeout, term()}, timeout() | integer() | update, term()}
                        | {{timeout, term()}, timeout() | integer(), term(), list()}
                        | {state_timeout, timeout() | integer() | update, term()}
                        | {state_timeout, timeout() | integer(), term(), list()}
                        | {timeout_event_type(), cancel}.
-type reply_action() :: {reply, From :: from(), Reply :: term()}.
-type init_result(StateType) :: init_result(StateType, term()).
-type init_result(StateType, DataType) ::
        {ok, State :: StateType, Data :: DataType}
      | {ok, State :: StateType, Data :: DataType, Actions :: [action()] | action()}
      | ignore | {stop, Reason :: term()}.
-type state_enter_result(State) :: state_enter_result(State, term()).
-type state_enter_result(State, DataType) ::
        {next_state, State, NewData :: DataType}
      | {next_state, State, NewData :: DataType, Actions :: [enter_action()] | enter_action()}
      | state_callback_result(enter_action(), DataType).
-type event_handler_result(StateType) :: event_handler_result(StateType, term()).
-type event_handler_result(StateType, DataType) ::
        {next_state, NextState :: StateType, NewData :: DataType}
      | {next_state, NextState :: StateType, NewData :: DataType,
         Actions :: [action()] | action()}
      | state_callback_result(action(), DataType).
-type state_callback_result(ActionType, DataType) ::
        {keep_state, NewData :: DataType}
      | {keep_state, NewData :: DataType, Actions :: [ActionType] | ActionType}
      | keep_state_and_data | {keep_state_and_data, Actions :: [ActionType] | ActionType}
      | {repeat_state, NewData :: DataType}
      | {repeat_state, NewData :: DataType, Actions :: [ActionType] | ActionType}
      | repeat_state_and_data | {repeat_state_and_data, Actions :: [ActionType] | ActionType}
      | stop | {stop, Reason :: term()} | {stop, Reason :: term(), NewData :: DataType}
      | {stop_and_reply, Reason :: term(), Replies :: [reply_action()] | reply_action()}
      | {stop_and_reply, Reason :: term(), Replies :: [reply_action()] | reply_action(),
         NewData :: DataType}.
-type server_ref() :: pid() | atom() | {atom(), node()} | {global, term()}
                    | {via, module(), term()}.
-type server_name() :: {local, atom()} | {global, term()} | {via, module(), term()}.
-type start_opt() :: {timeout, timeout()} | {spawn_opt, [proc_lib:spawn_option()]}
                   | {hibernate_after, timeout()} | {debug, [sys:debug_option()]}.
-type start_ret() :: {ok, pid()} | ignore | {error, term()}.
-type start_mon_ret() :: {ok, {pid(), reference()}} | ignore | {error, term()}.

%% ---- callbacks -------------------------------------------------------------

-callback init(Args :: term()) -> init_result(state()).
-callback callback_mode() -> callback_mode_result().
-callback state_name(event_type(), event_content(), Data :: data()) ->
    event_handler_result(state_name()) | state_enter_result(state_name()).
-callback handle_event(event_type() | enter, event_content(), State :: state(),
                       Data :: data()) ->
    event_handler_result(state()) | state_enter_result(state()).
-callback terminate(Reason :: normal | shutdown | {shutdown, term()} | term(),
                    State :: state(), Data :: data()) -> any().
-callback code_change(OldVsn :: term() | {down, term()}, OldState :: state(),
                      OldData :: data(), Extra :: term()) ->
    {ok, NewState :: state(), NewData :: data()} | (Reason :: term()).
-callback format_status(Opt, [PDict | State | Data]) -> Status when
      Opt :: normal | terminate, PDict :: [{Key :: term(), Value :: term()}],
      State :: state(), Data :: data(), Status :: term().
-callback format_status(Status) -> NewStatus when
      Status :: #{state => state(), data => data(), reason => term(),
                  queue => [{event_type(), event_content()}],
                  postponed => [{event_type(), event_content()}],
                  timeouts => [{timeout_event_type(), event_content()}],
                  log => [sys:system_event()]},
      NewStatus :: Status.

-optional_callbacks([format_status/1, format_status/2, terminate/3,
                     code_change/4, state_name/3, handle_event/4]).

%% ---- state -----------------------------------------------------------------

%% What stays the same from event to event.
-record(params, {
          parent :: pid(),
          name :: term(),
          %% The callback modules, current first (push/pop_callback_module).
          modules :: [module()],
          callback_mode :: state_functions | handle_event_function | undefined,
          state_enter = false :: boolean(),
          hibernate_after = infinity :: timeout()
         }).

%% The machine.
-record(st, {
          state :: term(),
          data :: term(),
          %% Postponed events, newest first.
          postponed = [] :: [{term(), term()}],
          %% Running time-outs by type: the timer (0 for a zero time-out)
          %% and the event content.
          timers = #{} :: #{term() => {reference() | 0, term()}},
          %% Zero time-outs to fire, oldest first.
          zero = [] :: [term()],
          hibernate = false :: boolean()
         }).

%% What the actions of one transition asked for.
-record(acts, {
          next = [] :: [{term(), term()}],       % next_event, newest first
          timeouts = [] :: [tuple()],            % newest first
          postpone = false :: boolean(),
          hibernate = false :: boolean()
         }).

%% ---- starting and stopping -------------------------------------------------

-spec start(Module, Args, Opts) -> start_ret() when
      Module :: module(), Args :: term(), Opts :: [start_opt()].
start(Mod, Args, Opts) ->
    gen:start(?MODULE, nolink, Mod, Args, Opts).

-spec start(ServerName, Module, Args, Opts) -> start_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Opts :: [start_opt()].
start(Name, Mod, Args, Opts) ->
    gen:start(?MODULE, nolink, Name, Mod, Args, Opts).

-spec start_link(Module, Args, Opts) -> start_ret() when
      Module :: module(), Args :: term(), Opts :: [start_opt()].
start_link(Mod, Args, Opts) ->
    gen:start(?MODULE, link, Mod, Args, Opts).

-spec start_link(ServerName, Module, Args, Opts) -> start_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Opts :: [start_opt()].
start_link(Name, Mod, Args, Opts) ->
    gen:start(?MODULE, link, Name, Mod, Args, Opts).

-spec start_monitor(Module, Args, Opts) -> start_mon_ret() when
      Module :: module(), Args :: term(), Opts :: [start_opt()].
start_monitor(Mod, Args, Opts) ->
    gen:start(?MODULE, monitor, Mod, Args, Opts).

-spec start_monitor(ServerName, Module, Args, Opts) -> start_mon_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Opts :: [start_opt()].
start_monitor(Name, Mod, Args, Opts) ->
    gen:start(?MODULE, monitor, Name, Mod, Args, Opts).

-spec stop(ServerRef) -> ok when ServerRef :: server_ref().
stop(ServerRef) ->
    gen:stop(ServerRef).

-spec stop(ServerRef, Reason, Timeout) -> ok when
      ServerRef :: server_ref(), Reason :: term(), Timeout :: timeout().
stop(ServerRef, Reason, Timeout) ->
    gen:stop(ServerRef, Reason, Timeout).

-spec enter_loop(Module, Opts, State, Data) -> no_return() when
      Module :: module(), Opts :: [start_opt()], State :: state(), Data :: data().
enter_loop(Mod, Opts, State, Data) ->
    enter_loop(Mod, Opts, State, Data, self()).

-spec enter_loop(Module, Opts, State, Data, ServerOrActions) -> no_return() when
      Module :: module(), Opts :: [start_opt()], State :: state(), Data :: data(),
      ServerOrActions :: server_name() | pid() | [action()] | action().
enter_loop(Mod, Opts, State, Data, Server = {Kind, _})
  when Kind =:= local; Kind =:= global ->
    enter_loop(Mod, Opts, State, Data, Server, []);
enter_loop(Mod, Opts, State, Data, Server = {via, _, _}) ->
    enter_loop(Mod, Opts, State, Data, Server, []);
enter_loop(Mod, Opts, State, Data, Pid) when is_pid(Pid) ->
    enter_loop(Mod, Opts, State, Data, Pid, []);
enter_loop(Mod, Opts, State, Data, Actions) ->
    enter_loop(Mod, Opts, State, Data, self(), Actions).

-spec enter_loop(Module, Opts, State, Data, Server, Actions) -> no_return() when
      Module :: module(), Opts :: [start_opt()], State :: state(), Data :: data(),
      Server :: server_name() | pid(), Actions :: [action()] | action().
enter_loop(Mod, Opts, State, Data, Server, Actions) ->
    Name = gen:get_proc_name(Server),
    Parent = gen:get_parent(),
    enter(Parent, Name, Mod, Opts, State, Data, Actions).

%% @private The first code of a new state machine (from gen:init_it/6,7).
-spec init_it(Starter, Parent, Name, Module, Args, Opts) -> no_return() when
      Starter :: pid(), Parent :: pid(), Name :: server_name() | pid(),
      Module :: module(), Args :: term(), Opts :: [start_opt()].
init_it(Starter, Parent, Name0, Mod, Args, Opts) ->
    Name = gen:name(Name0),
    Result = try {ok, Mod:init(Args)}
             catch throw:R -> {ok, R};
                   C:R:St -> {'EXIT', C, R, St}
             end,
    case Result of
        {ok, {ok, State, Data}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(Parent, Name, Mod, Opts, State, Data, []);
        {ok, {ok, State, Data, Actions}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(Parent, Name, Mod, Opts, State, Data, Actions);
        {ok, {stop, Reason}} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Other} ->
            Error = {bad_return_from_init, Other},
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Error}),
            init_failed_report(error, Error, current_stack(), Name, Mod, Opts),
            exit(Error);
        {'EXIT', Class, Reason, Stack} ->
            %% Unlike gen_server, the starter gets the bare reason.
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            init_failed_report(Class, Reason, Stack, Name, Mod, Opts),
            erlang:raise(Class, Reason, Stack)
    end.

%% A failed init/1 is reported as OTP does, with no state yet.
init_failed_report(Class, Reason, Stack, Name, Mod, Opts) ->
    P = #params{parent = self(), name = Name, modules = [Mod],
                callback_mode = state_functions},
    error_report(Class, Reason, Stack, P, gen:debug_options(Name, Opts),
                 #st{state = undefined, data = undefined}, []).

%% Starts the machine in State: the initial actions, then the first state
%% enter call (whose previous state is State itself).
enter(Parent, Name, Mod, Opts, State, Data, Actions) ->
    Debug = gen:debug_options(Name, Opts),
    P0 = #params{parent = Parent, name = Name, modules = [Mod],
                 hibernate_after = gen:hibernate_after(Opts)},
    S = #st{state = State, data = Data},
    case callback_mode(P0) of
        {ok, P} ->
            Debug1 = debug(Debug, Name, {enter, Mod, State}),
            actions(P, Debug1, S, none, [], State, Data, listify(Actions), true, true,
                    #acts{});
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, P0#params{callback_mode = state_functions},
                      Debug, S, [])
    end.

%% Reads Module:callback_mode/0 of the current module.
callback_mode(#params{modules = [Mod | _]} = P) ->
    Result = try {ok, Mod:callback_mode()}
             catch throw:R -> {ok, R};
                   Class:R:Stack -> {'EXIT', Class, R, Stack}
             end,
    case Result of
        {ok, ModeResult} ->
            case parse_mode(listify(ModeResult), undefined, false) of
                {ok, Mode, Enter} ->
                    {ok, P#params{callback_mode = Mode, state_enter = Enter}};
                error ->
                    {'EXIT', error, {bad_return_from_callback_mode, ModeResult},
                     current_stack()}
            end;
        Exit ->
            Exit
    end.

parse_mode([], undefined, _Enter) -> error;
parse_mode([], Mode, Enter) -> {ok, Mode, Enter};
parse_mode([M | Rest], undefined, Enter)
  when M =:= state_functions; M =:= handle_event_function ->
    parse_mode(Rest, M, Enter);
parse_mode([state_enter | Rest], Mode, _Enter) ->
    parse_mode(Rest, Mode, true);
parse_mode(_, _, _) -> error.

%% ---- events and replies ----------------------------------------------------

-spec call(ServerRef, Request) -> Reply when
      ServerRef :: server_ref(), Request :: term(), Reply :: term().
call(ServerRef, Request) ->
    call(ServerRef, Request, infinity).

%% @doc A call; `{dirty_timeout, T}' and `{clean_timeout, T}' are both plain
%% time-outs here, since a late reply is dropped by the alias anyway.
-spec call(ServerRef, Request, Timeout) -> Reply when
      ServerRef :: server_ref(), Request :: term(),
      Timeout :: timeout() | {clean_timeout, timeout()} | {dirty_timeout, timeout()},
      Reply :: term().
call(ServerRef, Request, Timeout) ->
    T = case Timeout of
            {clean_timeout, T0} -> T0;
            {dirty_timeout, T0} -> T0;
            T0 -> T0
        end,
    try gen:call(ServerRef, '$gen_call', Request, T) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, {?MODULE, call, [ServerRef, Request, Timeout]}})
    end.

-spec cast(ServerRef, Msg) -> ok when ServerRef :: server_ref(), Msg :: term().
cast(ServerRef, Msg) ->
    try gen:send(ServerRef, {'$gen_cast', Msg}) catch _:_ -> ok end,
    ok.

-spec reply(Replies) -> ok when Replies :: [reply_action()] | reply_action().
reply({reply, From, Reply}) ->
    reply(From, Reply);
reply(Replies) when is_list(Replies) ->
    lists:foreach(fun({reply, From, Reply}) -> reply(From, Reply) end, Replies).

-spec reply(From, Reply) -> ok when From :: from(), Reply :: term().
reply(From, Reply) ->
    gen:reply(From, Reply).

%% ---- asynchronous calls ----------------------------------------------------

-spec send_request(ServerRef, Request) -> request_id() when
      ServerRef :: server_ref(), Request :: term().
send_request(ServerRef, Request) ->
    gen:send_request(ServerRef, '$gen_call', Request).

-spec send_request(ServerRef, Request, Label, ReqIdCollection) ->
          request_id_collection() when
      ServerRef :: server_ref(), Request :: term(), Label :: term(),
      ReqIdCollection :: request_id_collection().
send_request(ServerRef, Request, Label, Col) ->
    gen:send_request(ServerRef, '$gen_call', Request, Label, Col).

-spec wait_response(ReqId) -> Result when
      ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
wait_response(ReqId) -> gen:wait_response(ReqId, infinity).

-spec wait_response(ReqId, WaitTime) -> Result when
      ReqId :: request_id(), WaitTime :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
wait_response(ReqId, WaitTime) -> gen:wait_response(ReqId, WaitTime).

-spec wait_response(ReqIdCollection, WaitTime, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      WaitTime :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
wait_response(Col, WaitTime, Delete) -> gen:wait_response(Col, WaitTime, Delete).

-spec receive_response(ReqId) -> Result when
      ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
receive_response(ReqId) -> gen:receive_response(ReqId, infinity).

-spec receive_response(ReqId, Timeout) -> Result when
      ReqId :: request_id(), Timeout :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
receive_response(ReqId, Timeout) -> gen:receive_response(ReqId, Timeout).

-spec receive_response(ReqIdCollection, Timeout, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      Timeout :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
receive_response(Col, Timeout, Delete) -> gen:receive_response(Col, Timeout, Delete).

-spec check_response(Msg, ReqId) -> Result when
      Msg :: term(), ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), server_ref()}} | no_reply.
check_response(Msg, ReqId) -> gen:check_response(Msg, ReqId).

-spec check_response(Msg, ReqIdCollection, Delete) -> Result when
      Msg :: term(), ReqIdCollection :: request_id_collection(), Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | no_reply.
check_response(Msg, Col, Delete) -> gen:check_response(Msg, Col, Delete).

-spec reqids_new() -> request_id_collection().
reqids_new() -> gen:reqids_new().

-spec reqids_size(ReqIdCollection) -> non_neg_integer() when
      ReqIdCollection :: request_id_collection().
reqids_size(Col) -> gen:reqids_size(Col).

-spec reqids_add(ReqId, Label, ReqIdCollection) -> request_id_collection() when
      ReqId :: request_id(), Label :: term(), ReqIdCollection :: request_id_collection().
reqids_add(ReqId, Label, Col) -> gen:reqids_add(ReqId, Label, Col).

-spec reqids_to_list(ReqIdCollection) -> [{request_id(), term()}] when
      ReqIdCollection :: request_id_collection().
reqids_to_list(Col) -> gen:reqids_to_list(Col).

%% ---- the loop --------------------------------------------------------------

%% Waits for the next message (the internal queue is empty).
loop(P, Debug, #st{hibernate = true} = S) ->
    proc_lib:hibernate(?MODULE, wakeup_from_hibernate, [P, Debug, S]);
loop(#params{hibernate_after = HibAfter} = P, Debug, S) ->
    receive
        Msg -> message(P, Debug, S, Msg)
    after HibAfter ->
            proc_lib:hibernate(?MODULE, wakeup_from_hibernate, [P, Debug, S])
    end.

%% @private Where a hibernated machine resumes.
-spec wakeup_from_hibernate(P, Debug, S) -> no_return() when
      P :: #params{}, Debug :: list(), S :: #st{}.
wakeup_from_hibernate(P, Debug, S) ->
    receive
        Msg -> message(P, Debug, S#st{hibernate = false}, Msg)
    end.

message(P, Debug, S, Msg) ->
    case Msg of
        {'$gen_call', From, Request} ->
            received(P, Debug, S, {{call, From}, Request});
        {'$gen_cast', Cast} ->
            received(P, Debug, S, {cast, Cast});
        {timeout, Ref, Type} ->
            case S#st.timers of
                #{Type := {Ref, Content}} ->
                    Timers = maps:remove(Type, S#st.timers),
                    received(P, Debug, S#st{timers = Timers}, {Type, Content});
                _ ->
                    received(P, Debug, S, {info, Msg})
            end;
        {system, From, Request} ->
            sys:handle_system_msg(Request, From, P#params.parent, ?MODULE, Debug,
                                  {P, S}, S#st.hibernate);
        {'EXIT', Pid, Reason} when Pid =:= P#params.parent ->
            terminate(exit, Reason, current_stack(), P, Debug, S, []);
        _ ->
            received(P, Debug, S, {info, Msg})
    end.

received(P, Debug, S, Event) ->
    Debug1 = debug(Debug, P#params.name, {in, Event, S#st.state}),
    event(P, Debug1, S, Event, []).

%% Handles one event (Q holds the events queued behind it).
event(P, Debug, S, Event, Q) ->
    case S#st.hibernate of
        %% Hibernation asked for while events were queued: collect garbage
        %% as waking up would have.
        true -> erlang:garbage_collect();
        false -> ok
    end,
    #st{state = State, data = Data} = S,
    case state_call(P, Event, State, Data) of
        {ok, Result} ->
            result(P, Debug, S#st{hibernate = false}, Event, Q, State, Result, true, #acts{});
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, P, Debug, S, [Event | Q])
    end.

state_call(#params{callback_mode = Mode, modules = [Mod | _]}, {Type, Content}, State, Data) ->
    try
        case Mode of
            state_functions -> {ok, Mod:State(Type, Content, Data)};
            handle_event_function -> {ok, Mod:handle_event(Type, Content, State, Data)}
        end
    catch throw:R -> {ok, R};
          Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

%% The result of a state callback (StateCall) or state enter call (not
%% StateCall; then Current is the state being entered, and it must stay).
result(P, Debug, S, Event, Q, Current, Result, StateCall, Acts) ->
    Data = S#st.data,
    Enter = fun(Next) -> StateCall andalso Next =/= S#st.state end,
    Go = fun(Next, NData, Actions, CallEnter) ->
                 actions(P, Debug, S, Event, Q, Next, NData, listify(Actions),
                         CallEnter, StateCall, Acts)
         end,
    Stop = fun(Class, Reason, NData) ->
                   terminate(Class, Reason, current_stack(), P, Debug,
                             S#st{data = NData}, queue(Event, Q))
           end,
    case Result of
        {next_state, Next, NData} when StateCall; Next =:= Current ->
            Go(Next, NData, [], Enter(Next));
        {next_state, Next, NData, Actions} when StateCall; Next =:= Current ->
            Go(Next, NData, Actions, Enter(Next));
        {keep_state, NData} -> Go(Current, NData, [], false);
        {keep_state, NData, Actions} -> Go(Current, NData, Actions, false);
        keep_state_and_data -> Go(Current, Data, [], false);
        {keep_state_and_data, Actions} -> Go(Current, Data, Actions, false);
        {repeat_state, NData} -> Go(Current, NData, [], true);
        {repeat_state, NData, Actions} -> Go(Current, NData, Actions, true);
        repeat_state_and_data -> Go(Current, Data, [], true);
        {repeat_state_and_data, Actions} -> Go(Current, Data, Actions, true);
        stop -> Stop(exit, normal, Data);
        {stop, Reason} -> Stop(exit, Reason, Data);
        {stop, Reason, NData} -> Stop(exit, Reason, NData);
        {stop_and_reply, Reason, Replies} ->
            stop_and_reply(P, Debug, S, Event, Q, Reason, Replies, Data, StateCall);
        {stop_and_reply, Reason, Replies, NData} ->
            stop_and_reply(P, Debug, S, Event, Q, Reason, Replies, NData, StateCall);
        _ when StateCall ->
            Stop(error, {bad_return_from_state_function, Result}, Data);
        _ ->
            Stop(error, {bad_state_enter_return_from_state_function, Result}, Data)
    end.

%% Replies go out before terminate/3 runs.
stop_and_reply(P, Debug, S, Event, Q, Reason, Replies, NData, StateCall) ->
    Valid = [R || R <- listify(Replies), is_reply_action(R)],
    case length(Valid) =:= length(listify(Replies)) of
        true ->
            [gen:reply(From, Reply) || {reply, From, Reply} <- Valid],
            terminate(exit, Reason, current_stack(), P, Debug, S#st{data = NData},
                      queue(Event, Q));
        false ->
            [Bad | _] = [R || R <- listify(Replies), not is_reply_action(R)],
            terminate(error, {bad_action_reason(StateCall), Bad}, current_stack(), P,
                      Debug, S#st{data = NData}, queue(Event, Q))
    end.

is_reply_action({reply, From, _}) -> is_from(From);
is_reply_action(_) -> false.

queue(none, Q) -> Q;
queue(Event, Q) -> [Event | Q].

bad_action_reason(true) -> bad_action_from_state_function;
bad_action_reason(false) -> bad_state_enter_action_from_state_function.

%% Carries out the actions of one callback result, then the state enter
%% call if one is due, then the transition.
actions(P, Debug, S, Event, Q, Next, NData, [], CallEnter, _StateCall, Acts) ->
    case CallEnter andalso P#params.state_enter of
        true ->
            case state_call(P, {enter, S#st.state}, Next, NData) of
                {ok, Result} ->
                    result(P, Debug, S#st{data = NData}, Event, Q, Next, Result, false, Acts);
                {'EXIT', Class, Reason, Stack} ->
                    terminate(Class, Reason, Stack, P, Debug,
                              S#st{state = Next, data = NData}, queue(Event, Q))
            end;
        false ->
            transition(P, Debug, S, Event, Q, Next, NData, Acts)
    end;
actions(P, Debug, S, Event, Q, Next, NData, [Action | Rest], CallEnter, StateCall, Acts) ->
    Continue = fun(P1, Debug1, Acts1) ->
                       actions(P1, Debug1, S, Event, Q, Next, NData, Rest, CallEnter,
                               StateCall, Acts1)
               end,
    Bad = fun() ->
                  terminate(error, {bad_action_reason(StateCall), Action}, current_stack(),
                            P, Debug, S#st{state = Next, data = NData}, queue(Event, Q))
          end,
    case Action of
        {reply, From, Reply} ->
            case is_from(From) of
                true ->
                    gen:reply(From, Reply),
                    Continue(P, debug(Debug, P#params.name, {out, Reply, From}), Acts);
                false ->
                    Bad()
            end;
        hibernate -> Continue(P, Debug, Acts#acts{hibernate = true});
        {hibernate, H} when is_boolean(H) -> Continue(P, Debug, Acts#acts{hibernate = H});
        postpone when StateCall -> Continue(P, Debug, Acts#acts{postpone = true});
        {postpone, Pp} when is_boolean(Pp), StateCall orelse not Pp ->
            Continue(P, Debug, Acts#acts{postpone = Pp});
        {next_event, Type, Content} when StateCall ->
            case is_event_type(Type) of
                true ->
                    Continue(P, Debug, Acts#acts{next = [{Type, Content} | Acts#acts.next]});
                false ->
                    Bad()
            end;
        {change_callback_module, Mod} when StateCall, is_atom(Mod) ->
            new_module(P#params{modules = [Mod | tl(P#params.modules)]}, Continue,
                       Debug, Acts, S, Event, Q, Next, NData);
        {push_callback_module, Mod} when StateCall, is_atom(Mod) ->
            new_module(P#params{modules = [Mod | P#params.modules]}, Continue,
                       Debug, Acts, S, Event, Q, Next, NData);
        pop_callback_module when StateCall, tl(P#params.modules) =/= [] ->
            new_module(P#params{modules = tl(P#params.modules)}, Continue,
                       Debug, Acts, S, Event, Q, Next, NData);
        _ ->
            case timeout_action(Action) of
                {ok, Timeout} ->
                    Continue(P, Debug, Acts#acts{timeouts = [Timeout | Acts#acts.timeouts]});
                error ->
                    Bad()
            end
    end.

%% A changed callback module brings its own callback mode.
new_module(P, Continue, Debug, Acts, S, Event, Q, Next, NData) ->
    case callback_mode(P) of
        {ok, P1} ->
            Continue(P1, Debug, Acts);
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, P, Debug, S#st{state = Next, data = NData},
                      queue(Event, Q))
    end.

%% A time-out action as {Type, Time, Content, Opts}, Time being a time,
%% infinity (cancel) or update.
timeout_action(Time) when is_integer(Time), Time >= 0; Time =:= infinity ->
    {ok, {timeout, Time, Time, []}};
timeout_action({Type, cancel}) ->
    case is_timeout_type(Type) of
        true -> {ok, {Type, infinity, undefined, []}};
        false -> error
    end;
timeout_action({Type, Time, Content}) ->
    timeout_action({Type, Time, Content, []});
timeout_action({Type, Time, Content, Opts}) ->
    Abs = abs_option(listify(Opts)),
    Valid = is_timeout_type(Type) andalso
        case {Time, Abs} of
            {infinity, _} -> Abs =/= badarg;
            {update, false} -> true;
            {_, true} -> is_integer(Time);
            {_, false} -> is_integer(Time) andalso Time >= 0;
            _ -> false
        end,
    case Valid of
        true -> {ok, {Type, Time, Content, case Abs of true -> [{abs, true}]; _ -> [] end}};
        false -> error
    end;
timeout_action(_) ->
    error.

abs_option(Opts) -> abs_option(Opts, false).

abs_option([], Abs) -> Abs;
abs_option([{abs, A} | Rest], _) when is_boolean(A) -> abs_option(Rest, A);
abs_option(_, _) -> badarg.

is_timeout_type(timeout) -> true;
is_timeout_type(state_timeout) -> true;
is_timeout_type({timeout, _Name}) -> true;
is_timeout_type(_) -> false.

is_event_type({call, From}) -> is_from(From);
is_event_type(cast) -> true;
is_event_type(info) -> true;
is_event_type(internal) -> true;
is_event_type(Type) -> is_timeout_type(Type).

is_from({Pid, _Tag}) when is_pid(Pid) -> true;
is_from(_) -> false.

%% The transition proper: postpone, retry postponed events after a change
%% of state, cancel and start time-outs, queue the next events.
transition(P, Debug, S, Event, Q, Next, NData, Acts) ->
    Postponed0 = case Acts#acts.postpone of
                     true when Event =/= none -> [Event | S#st.postponed];
                     _ -> S#st.postponed
                 end,
    Debug1 = case Event of
                 none -> Debug;
                 _ when Acts#acts.postpone ->
                     debug(Debug, P#params.name, {postpone, Event, S#st.state, Next});
                 _ ->
                     debug(Debug, P#params.name, {consume, Event, S#st.state, Next})
             end,
    {Q1, Postponed, S1} =
        case Next =:= S#st.state of
            true ->
                {Q, Postponed0, cancel_timeout(timeout, S)};
            false ->
                {lists:reverse(Postponed0, Q), [],
                 cancel_timeout(timeout, cancel_timeout(state_timeout, S))}
        end,
    S2 = start_timeouts(Acts#acts.timeouts, S1),
    Q2 = lists:reverse(Acts#acts.next, Q1),
    S3 = S2#st{state = Next, data = NData, postponed = Postponed,
               hibernate = Acts#acts.hibernate},
    done(P, Debug1, S3, Q2).

%% Next event: from the queue, else a zero time-out, else the mailbox.
done(P, Debug, S, [Event | Q]) ->
    event(P, Debug, S, Event, Q);
done(P, Debug, #st{zero = [Type | Rest], timers = Timers} = S, []) ->
    {0, Content} = maps:get(Type, Timers),
    S1 = S#st{zero = Rest, timers = maps:remove(Type, Timers)},
    event(P, Debug, S1, {Type, Content}, []);
done(P, Debug, S, []) ->
    loop(P, Debug, S).

%% The time-outs of one transition, newest first: only the newest of each
%% type counts. Zero time-outs are queued after those already waiting, in
%% the order their actions were given (walking newest first, each one is
%% put in front of the ones found so far).
start_timeouts(Timeouts, S) ->
    {S1, NewZero} = start_timeouts(Timeouts, #{}, S, []),
    S1#st{zero = S1#st.zero ++ NewZero}.

start_timeouts([], _Seen, S, NewZero) ->
    {S, NewZero};
start_timeouts([{Type, _, _, _} | Rest], Seen, S, NewZero) when is_map_key(Type, Seen) ->
    start_timeouts(Rest, Seen, S, NewZero);
start_timeouts([{Type, Time, Content, Opts} | Rest], Seen, S, NewZero) ->
    Zero = fun(S0) ->
                   {S0#st{timers = maps:put(Type, {0, Content}, S0#st.timers)},
                    [Type | NewZero]}
           end,
    {S1, NewZero1} =
        case Time of
            infinity ->
                {cancel_timeout(Type, S), NewZero};
            update ->
                case S#st.timers of
                    #{Type := {Ref, _}} ->
                        {S#st{timers = maps:put(Type, {Ref, Content}, S#st.timers)}, NewZero};
                    _ ->
                        Zero(S)
                end;
            0 when Opts =:= [] ->
                Zero(cancel_timeout(Type, S));
            _ ->
                S0 = cancel_timeout(Type, S),
                Ref = erlang:start_timer(Time, self(), Type, Opts),
                {S0#st{timers = maps:put(Type, {Ref, Content}, S0#st.timers)}, NewZero}
        end,
    start_timeouts(Rest, Seen#{Type => true}, S1, NewZero1).

cancel_timeout(Type, #st{timers = Timers} = S) ->
    case Timers of
        #{Type := {0, _}} ->
            S#st{timers = maps:remove(Type, Timers), zero = lists:delete(Type, S#st.zero)};
        #{Type := {Ref, _}} ->
            case erlang:cancel_timer(Ref) of
                false -> receive {timeout, Ref, _} -> ok after 0 -> ok end;
                _ -> ok
            end,
            S#st{timers = maps:remove(Type, Timers)};
        _ ->
            S
    end.

listify(L) when is_list(L) -> L;
listify(X) -> [X].

%% The caller's stack (without this helper's own frame).
current_stack() ->
    case erlang:process_info(self(), current_stacktrace) of
        {current_stacktrace, [_Self | Stack]} -> Stack;
        _ -> []
    end.

%% ---- termination -----------------------------------------------------------

terminate(Class, Reason, Stack, P, Debug, #st{state = State, data = Data} = S, Q) ->
    [Mod | _] = P#params.modules,
    case erlang:function_exported(Mod, terminate, 3) of
        true ->
            try Mod:terminate(Reason, State, Data)
            catch throw:_ -> ok;
                  C:R:St ->
                    error_report(C, R, St, P, Debug, S, Q),
                    erlang:raise(C, R, St)
            end;
        false ->
            ok
    end,
    case Reason of
        normal -> ok;
        shutdown -> ok;
        {shutdown, _} -> ok;
        _ -> error_report(Class, Reason, Stack, P, Debug, S, Q)
    end,
    erlang:raise(Class, Reason, Stack).

error_report(Class, Reason, Stack, P, Debug, S, Q) ->
    #st{state = State, data = Data, postponed = Postponed, timers = Timers} = S,
    {ShownState, ShownData} = shown_state(P, State, Data, Reason),
    Lines =
        [io_lib:format("** State machine ~tp terminating~n", [P#params.name]),
         case Q of
             [Event | _] -> io_lib:format("** Last event = ~tp~n", [Event]);
             [] -> ""
         end,
         io_lib:format("** When server state  = ~tp~n", [{ShownState, ShownData}]),
         io_lib:format("** Reason for termination = ~w:~tp~n", [Class, Reason]),
         io_lib:format("** Callback modules = ~tp~n", [P#params.modules]),
         io_lib:format("** Callback mode = ~tp~n",
                       [case P#params.state_enter of
                            true -> [P#params.callback_mode, state_enter];
                            false -> P#params.callback_mode
                        end]),
         case Q of
             [_ | [_ | _] = Queued] -> io_lib:format("** Queued = ~tp~n", [Queued]);
             _ -> ""
         end,
         case Postponed of
             [] -> "";
             _ -> io_lib:format("** Postponed = ~tp~n", [lists:reverse(Postponed)])
         end,
         case Stack of
             [] -> "";
             _ -> io_lib:format("** Stacktrace =~n**  ~tp~n", [Stack])
         end,
         case maps:size(Timers) of
             0 -> "";
             N -> io_lib:format("** Time-outs: {~w,~tp}~n",
                                [N, [{T, C} || {T, {_, C}} <- maps:to_list(Timers)]])
         end],
    ferl_report:report(error, "~s", [Lines]),
    sys:print_log(Debug),
    ok.

%% State and data as the callback module wants them shown.
shown_state(#params{modules = [Mod | _]}, State, Data, Reason) ->
    case erlang:function_exported(Mod, format_status, 1) of
        true ->
            case catch Mod:format_status(#{state => State, data => Data,
                                           reason => Reason}) of
                M when is_map(M) -> {maps:get(state, M, State), maps:get(data, M, Data)};
                _ -> {State, Data}
            end;
        false ->
            case erlang:function_exported(Mod, format_status, 2) of
                true ->
                    case catch Mod:format_status(terminate, [get(), State, Data]) of
                        {'EXIT', _} -> {State, Data};
                        {S1, D1} -> {S1, D1};
                        Other -> {State, Other}
                    end;
                false ->
                    {State, Data}
            end
    end.

%% ---- sys callbacks ---------------------------------------------------------

%% @private
-spec system_continue(Parent, Debug, Misc) -> no_return() when
      Parent :: pid(), Debug :: list(), Misc :: {#params{}, #st{}}.
system_continue(_Parent, Debug, {P, S}) ->
    loop(P, Debug, S).

%% @private
-spec system_terminate(Reason, Parent, Debug, Misc) -> no_return() when
      Reason :: term(), Parent :: pid(), Debug :: list(), Misc :: {#params{}, #st{}}.
system_terminate(Reason, _Parent, Debug, {P, S}) ->
    terminate(exit, Reason, current_stack(), P, Debug, S, []).

%% @private
-spec system_code_change(Misc, Module, OldVsn, Extra) -> {ok, Misc} | term() when
      Misc :: {#params{}, #st{}}, Module :: module(), OldVsn :: term(), Extra :: term().
system_code_change({#params{modules = [Mod | _]} = P, S}, _Module, OldVsn, Extra) ->
    case catch Mod:code_change(OldVsn, S#st.state, S#st.data, Extra) of
        {ok, NState, NData} ->
            case callback_mode(P) of
                {ok, P1} -> {ok, {P1, S#st{state = NState, data = NData}}};
                {'EXIT', _, Reason, _} -> Reason
            end;
        Error ->
            Error
    end.

%% @private
-spec system_get_state(Misc) -> {ok, {State, Data}} when
      Misc :: {#params{}, #st{}}, State :: state(), Data :: data().
system_get_state({_P, #st{state = State, data = Data}}) ->
    {ok, {State, Data}}.

%% @private
-spec system_replace_state(StateFun, Misc) -> {ok, {State, Data}, Misc} when
      StateFun :: fun(({state(), data()}) -> {state(), data()}),
      Misc :: {#params{}, #st{}}, State :: state(), Data :: data().
system_replace_state(Fun, {P, #st{state = State, data = Data} = S}) ->
    {NState, NData} = Fun({State, Data}),
    {ok, {NState, NData}, {P, S#st{state = NState, data = NData}}}.

%% @private What sys:get_status/1 shows of a state machine.
-spec format_status(Opt, StatusData) -> list() when
      Opt :: normal | terminate, StatusData :: list().
format_status(_Opt, [_PDict, SysState, Parent, Debug, {P, S}]) ->
    Header = gen:format_status_header("Status for state machine", P#params.name),
    {ShownState, ShownData} = shown_state(P, S#st.state, S#st.data, undefined),
    [{header, Header},
     {data, [{"Status", SysState}, {"Parent", Parent},
             {"Modules", P#params.modules},
             {"Time-outs", [{T, C} || {T, {_, C}} <- maps:to_list(S#st.timers)]},
             {"Logged Events", sys:get_log(Debug)},
             {"Postponed", lists:reverse(S#st.postponed)}]},
     {data, [{"State", {ShownState, ShownData}}]}].

%% ---- debug -----------------------------------------------------------------

debug([], _Name, _Event) -> [];
debug(Debug, Name, Event) -> sys:handle_debug(Debug, fun print_event/3, Name, Event).

print_event(Dev, {in, Event, State}, Name) ->
    io:format(Dev, "*DBG* ~tp receive ~tp in state ~tp~n", [Name, Event, State]);
print_event(Dev, {out, Reply, {To, _Tag}}, Name) ->
    io:format(Dev, "*DBG* ~tp send ~tp to ~tw~n", [Name, Reply, To]);
print_event(Dev, {consume, Event, State, Next}, Name) ->
    case Next of
        State -> io:format(Dev, "*DBG* ~tp consume ~tp in state ~tp~n", [Name, Event, State]);
        _ -> io:format(Dev, "*DBG* ~tp consume ~tp in state ~tp => ~tp~n",
                       [Name, Event, State, Next])
    end;
print_event(Dev, {postpone, Event, State, Next}, Name) ->
    io:format(Dev, "*DBG* ~tp postpone ~tp in state ~tp => ~tp~n", [Name, Event, State, Next]);
print_event(Dev, {enter, Mod, State}, Name) ->
    io:format(Dev, "*DBG* ~tp enter ~tp in state ~tp~n", [Name, Mod, State]);
print_event(Dev, Event, Name) ->
    io:format(Dev, "*DBG* ~tp dbg  ~tp~n", [Name, Event]).
