%% @doc The event manager behaviour (OTP 25's `gen_event').
%%
%% An event manager is a process holding a list of event handlers, each a
%% callback module (identified by `Module' or `{Module, Id}') with its own
%% state. Every event (notify/2, sync_notify/2) and every other message
%% goes to every handler, newest first; call/3,4 goes to one handler.
%%
%% A handler whose callback crashes or returns a bad value is removed:
%% its `terminate/2' gets `{error, {'EXIT', Reason}}' (or `{error, Bad}')
%% and an error report is printed; the manager keeps running. Other
%% arguments terminate/2 can get: the one given to delete_handler/3,
%% `remove_handler' when the handler asked to go, `swap' when swapped out,
%% `stop' when the manager stops, `{stop, Reason}' when the process that
%% supervises it (add_sup_handler/3) exits. A supervised handler's
%% supervisor is told with `{gen_event_EXIT, Handler, Reason}'.
%%
%% Requests are gen:call/4 calls labelled `'$gen_event'' (OTP labels them
%% with the caller's pid; the label is not part of the API); notify/2 sends
%% `{notify, Event}' with `!', so an unknown local name raises badarg.
%%
%% The manager traps exits, as in OTP: the exit of its parent (or a stop
%% request) stops the handlers and the manager.
%%
%% Natives: none of its own (see proc_lib on hibernation).
-module(gen_event).

%% Starting and stopping a manager
-export([start/0, start/1, start/2, start_link/0, start_link/1, start_link/2,
         start_monitor/0, start_monitor/1, start_monitor/2, stop/1, stop/3]).
%% Handlers
-export([add_handler/3, add_sup_handler/3, delete_handler/3, swap_handler/3,
         swap_sup_handler/3, which_handlers/1]).
%% Events and calls
-export([notify/2, sync_notify/2, call/3, call/4]).
%% Asynchronous calls
-export([send_request/3, send_request/5, wait_response/2, wait_response/3,
         receive_response/2, receive_response/3, check_response/2,
         check_response/3, reqids_new/0, reqids_size/1, reqids_add/3,
         reqids_to_list/1]).
%% sys callbacks
-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2, format_status/2]).
%% Internal: process entry and wake-up after hibernation
-export([init_it/6, wake_hib/5]).

-export_type([handler/0, handler_args/0, add_handler_ret/0, del_handler_ret/0,
              request_id/0, request_id_collection/0, emgr_ref/0]).

-type handler() :: atom() | {atom(), term()}.
-type handler_args() :: term().
-type add_handler_ret() :: ok | term() | {'EXIT', term()}.
-type del_handler_ret() :: ok | term() | {'EXIT', term()}.
-type emgr_name() :: {local, atom()} | {global, term()} | {via, atom(), term()}.
-type emgr_ref() :: atom() | {atom(), node()} | {global, term()}
                  | {via, atom(), term()} | pid().
-type option() :: {timeout, timeout()} | {debug, [sys:debug_option()]}
                | {spawn_opt, [proc_lib:spawn_option()]} | {hibernate_after, timeout()}.
-type start_ret() :: {ok, pid()} | {error, term()}.
-type start_mon_ret() :: {ok, {pid(), reference()}} | {error, term()}.
-opaque request_id() :: gen:request_id().
-opaque request_id_collection() :: gen:request_id_collection().

%% ---- callbacks -------------------------------------------------------------

-callback init(InitArgs :: term()) ->
    {ok, State :: term()} | {ok, State :: term(), hibernate} | {error, Reason :: term()}.
-callback handle_event(Event :: term(), State :: term()) ->
    {ok, NewState :: term()} | {ok, NewState :: term(), hibernate}
    | {swap_handler, Args1 :: term(), NewState :: term(), Handler2 :: handler(),
       Args2 :: term()}
    | remove_handler.
-callback handle_call(Request :: term(), State :: term()) ->
    {ok, Reply :: term(), NewState :: term()}
    | {ok, Reply :: term(), NewState :: term(), hibernate}
    | {swap_handler, Reply :: term(), Args1 :: term(), NewState :: term(),
       Handler2 :: handler(), Args2 :: term()}
    | {remove_handler, Reply :: term()}.
-callback handle_info(Info :: term(), State :: term()) ->
    {ok, NewState :: term()} | {ok, NewState :: term(), hibernate}
    | {swap_handler, Args1 :: term(), NewState :: term(), Handler2 :: handler(),
       Args2 :: term()}
    | remove_handler.
-callback terminate(Args :: term() | {stop, Reason :: term()} | stop | remove_handler
                    | {error, {'EXIT', Reason :: term()}} | {error, term()},
                    State :: term()) -> term().
-callback code_change(OldVsn :: term() | {down, term()}, State :: term(),
                      Extra :: term()) -> {ok, NewState :: term()}.
-callback format_status(Opt, StatusData) -> Status when
      Opt :: normal | terminate, StatusData :: [PDict | State],
      PDict :: [{Key :: term(), Value :: term()}], State :: term(), Status :: term().
-callback format_status(Status) -> NewStatus when
      Status :: #{state => term(), message => term(), reason => term()},
      NewStatus :: Status.

-optional_callbacks([handle_info/2, terminate/2, code_change/3,
                     format_status/1, format_status/2]).

%% ---- state -----------------------------------------------------------------

-record(handler, {
          module :: atom(),
          id = false :: term(),
          state :: term(),
          %% The process that added it with add_sup_handler/3, or false.
          supervised = false :: false | pid()
         }).

%% ---- starting and stopping -------------------------------------------------

-spec start() -> start_ret().
start() -> gen:start(?MODULE, nolink, ?MODULE, [], []).

-spec start(EventMgrNameOrOptions) -> start_ret() when
      EventMgrNameOrOptions :: emgr_name() | [option()].
start(Options) when is_list(Options) -> gen:start(?MODULE, nolink, ?MODULE, [], Options);
start(Name) -> gen:start(?MODULE, nolink, Name, ?MODULE, [], []).

-spec start(EventMgrName, Options) -> start_ret() when
      EventMgrName :: emgr_name(), Options :: [option()].
start(Name, Options) -> gen:start(?MODULE, nolink, Name, ?MODULE, [], Options).

-spec start_link() -> start_ret().
start_link() -> gen:start(?MODULE, link, ?MODULE, [], []).

-spec start_link(EventMgrNameOrOptions) -> start_ret() when
      EventMgrNameOrOptions :: emgr_name() | [option()].
start_link(Options) when is_list(Options) -> gen:start(?MODULE, link, ?MODULE, [], Options);
start_link(Name) -> gen:start(?MODULE, link, Name, ?MODULE, [], []).

-spec start_link(EventMgrName, Options) -> start_ret() when
      EventMgrName :: emgr_name(), Options :: [option()].
start_link(Name, Options) -> gen:start(?MODULE, link, Name, ?MODULE, [], Options).

-spec start_monitor() -> start_mon_ret().
start_monitor() -> gen:start(?MODULE, monitor, ?MODULE, [], []).

-spec start_monitor(EventMgrNameOrOptions) -> start_mon_ret() when
      EventMgrNameOrOptions :: emgr_name() | [option()].
start_monitor(Options) when is_list(Options) ->
    gen:start(?MODULE, monitor, ?MODULE, [], Options);
start_monitor(Name) ->
    gen:start(?MODULE, monitor, Name, ?MODULE, [], []).

-spec start_monitor(EventMgrName, Options) -> start_mon_ret() when
      EventMgrName :: emgr_name(), Options :: [option()].
start_monitor(Name, Options) -> gen:start(?MODULE, monitor, Name, ?MODULE, [], Options).

-spec stop(EventMgrRef) -> ok when EventMgrRef :: emgr_ref().
stop(M) -> gen:stop(M).

-spec stop(EventMgrRef, Reason, Timeout) -> ok when
      EventMgrRef :: emgr_ref(), Reason :: term(), Timeout :: timeout().
stop(M, Reason, Timeout) -> gen:stop(M, Reason, Timeout).

%% @private The first code of a new manager (from gen:init_it/6,7).
-spec init_it(Starter, Parent, Name, Module, Args, Options) -> no_return() when
      Starter :: pid(), Parent :: pid(), Name :: emgr_name() | pid(),
      Module :: module(), Args :: term(), Options :: [option()].
init_it(Starter, Parent, Name0, _Mod, _Args, Options) ->
    process_flag(trap_exit, true),
    Name = gen:name(Name0),
    Debug = gen:debug_options(Name, Options),
    HibAfter = gen:hibernate_after(Options),
    proc_lib:init_ack(Starter, {ok, self()}),
    loop(Parent, Name, [], HibAfter, Debug, false).

%% ---- handlers --------------------------------------------------------------

%% @doc Adds a handler; its init/1 result other than `{ok, _}' is returned
%% (a crash as `{'EXIT', Reason}').
-spec add_handler(EventMgrRef, Handler, Args) -> add_handler_ret() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Args :: term().
add_handler(M, Handler, Args) -> request(M, {add_handler, Handler, Args}).

-spec add_sup_handler(EventMgrRef, Handler, Args) -> add_handler_ret() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Args :: term().
add_sup_handler(M, Handler, Args) -> request(M, {add_sup_handler, Handler, Args, self()}).

%% @doc Removes a handler, returning what its terminate/2 returned, or
%% `{error, module_not_found}'.
-spec delete_handler(EventMgrRef, Handler, Args) -> del_handler_ret() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Args :: term().
delete_handler(M, Handler, Args) -> request(M, {delete_handler, Handler, Args}).

-spec swap_handler(EventMgrRef, {Handler1, Args1}, {Handler2, Args2}) -> Result when
      EventMgrRef :: emgr_ref(), Handler1 :: handler(), Args1 :: term(),
      Handler2 :: handler(), Args2 :: term(), Result :: ok | {error, term()}.
swap_handler(M, {H1, A1}, {H2, A2}) -> request(M, {swap_handler, H1, A1, H2, A2, false}).

-spec swap_sup_handler(EventMgrRef, {Handler1, Args1}, {Handler2, Args2}) -> Result when
      EventMgrRef :: emgr_ref(), Handler1 :: handler(), Args1 :: term(),
      Handler2 :: handler(), Args2 :: term(), Result :: ok | {error, term()}.
swap_sup_handler(M, {H1, A1}, {H2, A2}) ->
    request(M, {swap_handler, H1, A1, H2, A2, self()}).

-spec which_handlers(EventMgrRef) -> [handler()] when EventMgrRef :: emgr_ref().
which_handlers(M) -> request(M, which_handlers).

%% Requests wait without a time limit; a manager that is not there makes
%% the caller exit with the bare reason (noproc), as in OTP.
request(M, Cmd) ->
    {ok, Reply} = gen:call(M, '$gen_event', Cmd, infinity),
    Reply.

%% ---- events and calls ------------------------------------------------------

-spec notify(EventMgrRef, Event) -> ok when EventMgrRef :: emgr_ref(), Event :: term().
notify({global, _}, _Event) -> ok;
notify({via, Mod, Name}, Event) ->
    catch Mod:send(Name, {notify, Event}),
    ok;
notify(M, Event) ->
    M ! {notify, Event},
    ok.

-spec sync_notify(EventMgrRef, Event) -> ok when EventMgrRef :: emgr_ref(), Event :: term().
sync_notify(M, Event) -> request(M, {sync_notify, Event}).

-spec call(EventMgrRef, Handler, Request) -> term() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Request :: term().
call(M, Handler, Query) ->
    try gen:call(M, '$gen_event', {call, Handler, Query}) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, {?MODULE, call, [M, Handler, Query]}})
    end.

-spec call(EventMgrRef, Handler, Request, Timeout) -> term() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Request :: term(),
      Timeout :: timeout().
call(M, Handler, Query, Timeout) ->
    try gen:call(M, '$gen_event', {call, Handler, Query}, Timeout) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, {?MODULE, call, [M, Handler, Query, Timeout]}})
    end.

%% ---- asynchronous calls ----------------------------------------------------

-spec send_request(EventMgrRef, Handler, Request) -> request_id() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Request :: term().
send_request(M, Handler, Request) ->
    gen:send_request(M, '$gen_event', {call, Handler, Request}).

-spec send_request(EventMgrRef, Handler, Request, Label, ReqIdCollection) ->
          request_id_collection() when
      EventMgrRef :: emgr_ref(), Handler :: handler(), Request :: term(),
      Label :: term(), ReqIdCollection :: request_id_collection().
send_request(M, Handler, Request, Label, Col) ->
    gen:send_request(M, '$gen_event', {call, Handler, Request}, Label, Col).

-spec wait_response(ReqId, WaitTime) -> Result when
      ReqId :: request_id(), WaitTime :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), emgr_ref()}} | timeout.
wait_response(ReqId, WaitTime) -> gen:wait_response(ReqId, WaitTime).

-spec wait_response(ReqIdCollection, WaitTime, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      WaitTime :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
wait_response(Col, WaitTime, Delete) -> gen:wait_response(Col, WaitTime, Delete).

-spec receive_response(ReqId, Timeout) -> Result when
      ReqId :: request_id(), Timeout :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), emgr_ref()}} | timeout.
receive_response(ReqId, Timeout) -> gen:receive_response(ReqId, Timeout).

-spec receive_response(ReqIdCollection, Timeout, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      Timeout :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
receive_response(Col, Timeout, Delete) -> gen:receive_response(Col, Timeout, Delete).

-spec check_response(Msg, ReqId) -> Result when
      Msg :: term(), ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), emgr_ref()}} | no_reply.
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

%% ---- the manager loop ------------------------------------------------------

loop(Parent, Name, Handlers, HibAfter, Debug, true) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, Handlers, HibAfter, Debug]);
loop(Parent, Name, Handlers, HibAfter, Debug, false) ->
    receive
        Msg -> message(Msg, Parent, Name, Handlers, HibAfter, Debug)
    after HibAfter ->
            loop(Parent, Name, Handlers, HibAfter, Debug, true)
    end.

%% @private Where a hibernated manager resumes.
-spec wake_hib(Parent, Name, Handlers, HibAfter, Debug) -> no_return() when
      Parent :: pid(), Name :: term(), Handlers :: list(), HibAfter :: timeout(),
      Debug :: list().
wake_hib(Parent, Name, Handlers, HibAfter, Debug) ->
    receive
        Msg -> message(Msg, Parent, Name, Handlers, HibAfter, Debug)
    end.

message({system, From, Req}, Parent, Name, Handlers, HibAfter, Debug) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, Debug,
                          [Name, Handlers, HibAfter, false], false);
message({'EXIT', Parent, Reason}, Parent, Name, Handlers, _HibAfter, _Debug) ->
    terminate_manager(Reason, Name, Handlers);
message(Msg, Parent, Name, Handlers, HibAfter, Debug) ->
    Debug1 = debug(Debug, Name, {in, Msg}),
    {Hib, Handlers1} = handle_msg(Msg, Name, Handlers),
    loop(Parent, Name, Handlers1, HibAfter, Debug1, Hib).

%% One message: {Hibernate, Handlers}.
handle_msg({notify, Event}, Name, Handlers) ->
    dispatch(handle_event, Event, Name, Handlers);
handle_msg({'$gen_event', From, Cmd}, Name, Handlers) ->
    {Hib, Reply, Handlers1} = command(Cmd, Name, Handlers),
    gen:reply(From, Reply),
    {Hib, Handlers1};
handle_msg({'EXIT', From, Reason} = Msg, Name, Handlers) ->
    %% A supervising process died: its handlers go; anything else is
    %% information for the handlers.
    case [H || #handler{supervised = S} = H <- Handlers, S =:= From] of
        [] ->
            dispatch(handle_info, Msg, Name, Handlers);
        Supervised ->
            Rest = [H || H <- Handlers, not lists:member(H, Supervised)],
            [finish(H, {stop, Reason}, Msg, Name, shutdown) || H <- Supervised],
            {false, Rest}
    end;
handle_msg(Info, Name, Handlers) ->
    dispatch(handle_info, Info, Name, Handlers).

command({sync_notify, Event}, Name, Handlers) ->
    {Hib, Handlers1} = dispatch(handle_event, Event, Name, Handlers),
    {Hib, ok, Handlers1};
command({add_handler, Handler, Args}, _Name, Handlers) ->
    add(Handler, Args, false, Handlers);
command({add_sup_handler, Handler, Args, SupPid}, _Name, Handlers) ->
    link(SupPid),
    add(Handler, Args, SupPid, Handlers);
command({delete_handler, Handler, Args}, Name, Handlers) ->
    case take(Handler, Handlers) of
        {H, Rest} -> {false, finish(H, Args, delete, Name, normal), Rest};
        error -> {false, {error, module_not_found}, Handlers}
    end;
command({swap_handler, H1, A1, H2, A2, Sup}, Name, Handlers) ->
    {Hib, Reply, Handlers1} = swap(H1, A1, H2, A2, Sup, Name, Handlers),
    {Hib, Reply, Handlers1};
command({call, Handler, Query}, Name, Handlers) ->
    call_handler(Handler, Query, Name, Handlers);
command(which_handlers, _Name, Handlers) ->
    {false, [id(H) || H <- Handlers], Handlers};
command(get_modules, _Name, Handlers) ->
    {false, lists:usort([M || #handler{module = M} <- Handlers]), Handlers}.

%% A new handler goes in front; its init/1 decides.
add(Handler, Args, Sup, Handlers) ->
    {Mod, Id} = split_id(Handler),
    case catch Mod:init(Args) of
        {ok, State} ->
            {false, ok, [#handler{module = Mod, id = Id, state = State, supervised = Sup}
                         | Handlers]};
        {ok, State, hibernate} ->
            {true, ok, [#handler{module = Mod, id = Id, state = State, supervised = Sup}
                        | Handlers]};
        Other ->
            {false, Other, Handlers}
    end.

split_id({Mod, Id}) -> {Mod, Id};
split_id(Mod) -> {Mod, false}.

id(#handler{module = Mod, id = false}) -> Mod;
id(#handler{module = Mod, id = Id}) -> {Mod, Id}.

take(Handler, Handlers) ->
    {Mod, Id} = split_id(Handler),
    case lists:splitwith(fun(#handler{module = M, id = I}) ->
                                 not (M =:= Mod andalso I =:= Id)
                         end, Handlers) of
        {Before, [H | After]} -> {H, Before ++ After};
        {_, []} -> error
    end.

%% Replaces H1 by H2 (in H1's place, or in front if H1 is not there): H2's
%% init/1 gets {A2, what H1's terminate(A1, _) returned} (error if no H1).
swap(H1, A1, H2, A2, Sup, Name, Handlers) ->
    {State1, Rest, Sup1} =
        case take(H1, Handlers) of
            {Old, Others} ->
                NewSup = case Sup of
                             false -> Old#handler.supervised;
                             _ -> Sup
                         end,
                {finish(Old, A1, swap, Name, {swapped, H2, NewSup}), Others, NewSup};
            error ->
                {error, Handlers, Sup}
        end,
    case Sup of
        false -> ok;
        _ -> link(Sup)
    end,
    case add(H2, {A2, State1}, Sup1, Rest) of
        {Hib, ok, Handlers1} -> {Hib, ok, Handlers1};
        {Hib, Error, Handlers1} -> {Hib, {error, Error}, Handlers1}
    end.

%% Hands an event (handle_event) or message (handle_info) to each handler.
dispatch(Fun, Event, Name, Handlers) ->
    {Hib, Kept} = lists:foldl(
                    fun(H, {HibAcc, Acc}) ->
                            case handler_event(Fun, Event, H, Name, Acc) of
                                {keep, H1, Hib1} -> {HibAcc or Hib1, [H1 | Acc]};
                                {gone, Acc1} -> {HibAcc, Acc1}
                            end
                    end, {false, []}, Handlers),
    {Hib, lists:reverse(Kept)}.

handler_event(Fun, Event, #handler{module = Mod, state = State} = H, Name, Acc) ->
    case callback(Mod, Fun, Event, State) of
        {ok, {ok, NState}} ->
            {keep, H#handler{state = NState}, false};
        {ok, {ok, NState, hibernate}} ->
            {keep, H#handler{state = NState}, true};
        {ok, remove_handler} ->
            finish(H, remove_handler, Event, Name, normal),
            {gone, Acc};
        {ok, {swap_handler, A1, NState, H2, A2}} ->
            %% The new handler takes the old one's place in the list.
            State1 = finish(H#handler{state = NState}, A1, swap, Name,
                            {swapped, H2, H#handler.supervised}),
            case add(H2, {A2, State1}, H#handler.supervised, []) of
                {_, ok, [New]} -> {keep, New, false};
                _ -> {gone, Acc}
            end;
        {ok, no_info_callback} ->
            {keep, H, false};
        {ok, Other} ->
            finish(H, {error, Other}, Event, Name, crash),
            {gone, Acc};
        {'EXIT', _} = Crash ->
            finish(H, {error, Crash}, Event, Name, crash),
            {gone, Acc}
    end.

%% A callback's result, or {'EXIT', Why} as a catch would give it.
callback(Mod, handle_info, Info, State) ->
    try {ok, Mod:handle_info(Info, State)}
    catch throw:R -> {ok, R};
          error:undef:Stack ->
            case {erlang:function_exported(Mod, handle_info, 2), Stack} of
                {false, [{Mod, handle_info, _, _} | _]} ->
                    ferl_report:report(warning,
                                       "** Undefined handle_info in ~tp~n"
                                       "** Unhandled message: ~tp~n", [Mod, Info]),
                    {ok, no_info_callback};
                _ ->
                    {'EXIT', {undef, Stack}}
            end;
          error:R:Stack -> {'EXIT', {R, Stack}};
          exit:R -> {'EXIT', R}
    end;
callback(Mod, Fun, Arg, State) ->
    try {ok, Mod:Fun(Arg, State)}
    catch throw:R -> {ok, R};
          error:R:Stack -> {'EXIT', {R, Stack}};
          exit:R -> {'EXIT', R}
    end.

call_handler(Handler, Query, Name, Handlers) ->
    case take_in_place(Handler, Handlers) of
        error ->
            {false, {error, bad_module}, Handlers};
        {Before, #handler{module = Mod, state = State} = H, After} ->
            Rebuild = fun(Middle) -> Before ++ Middle ++ After end,
            case callback(Mod, handle_call, Query, State) of
                {ok, {ok, Reply, NState}} ->
                    {false, Reply, Rebuild([H#handler{state = NState}])};
                {ok, {ok, Reply, NState, hibernate}} ->
                    {true, Reply, Rebuild([H#handler{state = NState}])};
                {ok, {remove_handler, Reply}} ->
                    finish(H, remove_handler, remove, Name, normal),
                    {false, Reply, Rebuild([])};
                {ok, {swap_handler, Reply, A1, NState, H2, A2}} ->
                    State1 = finish(H#handler{state = NState}, A1, swap, Name,
                                    {swapped, H2, H#handler.supervised}),
                    case add(H2, {A2, State1}, H#handler.supervised, []) of
                        {_, ok, [New]} -> {false, Reply, Rebuild([New])};
                        _ -> {false, Reply, Rebuild([])}
                    end;
                {ok, Other} ->
                    finish(H, {error, Other}, Query, Name, crash),
                    {false, {error, Other}, Rebuild([])};
                {'EXIT', _} = Crash ->
                    finish(H, {error, Crash}, Query, Name, crash),
                    {false, {error, Crash}, Rebuild([])}
            end
    end.

take_in_place(Handler, Handlers) ->
    {Mod, Id} = split_id(Handler),
    case lists:splitwith(fun(#handler{module = M, id = I}) ->
                                 not (M =:= Mod andalso I =:= Id)
                         end, Handlers) of
        {Before, [H | After]} -> {Before, H, After};
        {_, []} -> error
    end.

%% A handler leaves: terminate(Args, State) (if exported), a report if it
%% crashed, a message to its supervisor. Returns what terminate returned.
finish(#handler{module = Mod, state = State} = H, Args, LastIn, Name, How) ->
    Result = case erlang:function_exported(Mod, terminate, 2) of
                 true -> catch Mod:terminate(Args, State);
                 false -> ok
             end,
    Reason = case {How, Args} of
                 {crash, {error, Failure}} -> Failure;
                 _ -> How
             end,
    %% The report shows a crash without its 'EXIT' wrapping, as OTP's does.
    Shown = case Reason of
                {'EXIT', Crashed} -> Crashed;
                _ -> Reason
            end,
    case Reason of
        normal -> ok;
        shutdown -> ok;
        {swapped, _, _} -> ok;
        _ ->
            ferl_report:report(error,
                               "** gen_event handler ~tp crashed.~n"
                               "** Was installed in ~tp~n"
                               "** Last event was: ~tp~n"
                               "** When handler state == ~tp~n"
                               "** Reason == ~tp~n",
                               [id(H), Name, LastIn, State, Shown])
    end,
    case H#handler.supervised of
        false -> ok;
        Pid -> Pid ! {gen_event_EXIT, id(H), Reason}
    end,
    Result.

terminate_manager(Reason, Name, Handlers) ->
    [finish(H, stop, stop, Name, shutdown) || H <- Handlers],
    exit(Reason).

%% ---- sys callbacks ---------------------------------------------------------

%% @private
-spec system_continue(Parent, Debug, Misc) -> no_return() when
      Parent :: pid(), Debug :: list(), Misc :: list().
system_continue(Parent, Debug, [Name, Handlers, HibAfter, Hib]) ->
    loop(Parent, Name, Handlers, HibAfter, Debug, Hib).

%% @private
-spec system_terminate(Reason, Parent, Debug, Misc) -> no_return() when
      Reason :: term(), Parent :: pid(), Debug :: list(), Misc :: list().
system_terminate(Reason, _Parent, _Debug, [Name, Handlers, _HibAfter, _Hib]) ->
    terminate_manager(Reason, Name, Handlers).

%% @private Changes the state of the handlers of Module.
-spec system_code_change(Misc, Module, OldVsn, Extra) -> {ok, Misc} when
      Misc :: list(), Module :: module(), OldVsn :: term(), Extra :: term().
system_code_change([Name, Handlers, HibAfter, Hib], Module, OldVsn, Extra) ->
    Handlers1 = [case H of
                     #handler{module = Module, state = State} ->
                         {ok, NState} = Module:code_change(OldVsn, State, Extra),
                         H#handler{state = NState};
                     _ -> H
                 end || H <- Handlers],
    {ok, [Name, Handlers1, HibAfter, Hib]}.

%% @private The state: the handlers as {Module, Id, State}.
-spec system_get_state(Misc) -> {ok, [{module(), term(), term()}]} when Misc :: list().
system_get_state([_Name, Handlers, _HibAfter, _Hib]) ->
    {ok, [{M, Id, S} || #handler{module = M, id = Id, state = S} <- Handlers]}.

%% @private StateFun maps each {Module, Id, State} to a new one.
-spec system_replace_state(StateFun, Misc) -> {ok, list(), Misc} when
      StateFun :: fun(({module(), term(), term()}) -> {module(), term(), term()}),
      Misc :: list().
system_replace_state(Fun, [Name, Handlers, HibAfter, Hib]) ->
    Handlers1 = [begin
                     {M, Id, S1} = Fun({M, Id, S}),
                     H#handler{state = S1}
                 end || #handler{module = M, id = Id, state = S} = H <- Handlers],
    {ok, [{M, Id, S} || #handler{module = M, id = Id, state = S} <- Handlers1],
     [Name, Handlers1, HibAfter, Hib]}.

%% @private What sys:get_status/1 shows of a manager.
-spec format_status(Opt, StatusData) -> list() when
      Opt :: normal | terminate, StatusData :: list().
format_status(_Opt, [_PDict, SysState, Parent, Debug, [Name, Handlers, _HibAfter, _Hib]]) ->
    Header = gen:format_status_header("Status for event handler", Name),
    [{header, Header},
     {data, [{"Status", SysState}, {"Parent", Parent},
             {"Logged events", sys:get_log(Debug)}]},
     {items, {"Installed handlers", Handlers}}].

%% ---- debug -----------------------------------------------------------------

debug([], _Name, _Event) -> [];
debug(Debug, Name, Event) -> sys:handle_debug(Debug, fun print_event/3, Name, Event).

print_event(Dev, {in, Msg}, Name) ->
    io:format(Dev, "*DBG* ~tp got ~tp~n", [Name, Msg]);
print_event(Dev, Event, Name) ->
    io:format(Dev, "*DBG* ~tp dbg  ~tp~n", [Name, Event]).
