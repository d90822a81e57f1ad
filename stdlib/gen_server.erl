%% @doc The generic server behaviour (OTP 25's `gen_server').
%%
%% A server is a process running `loop/7' below: it takes one message at
%% a time and hands it to its callback module (`handle_call/3' for calls,
%% `handle_cast/2' for casts, `handle_info/2' for anything else), keeping
%% the state the callback returns. Messages:
%%
%% <ul>
%% <li>`{'$gen_call', From, Request}': a call (gen:call/4); `From' is
%%     `{Pid, Tag}', answered by reply/2.</li>
%% <li>`{'$gen_cast', Request}': a cast.</li>
%% <li>`{system, From, Request}': the sys protocol (sys:handle_system_msg/6).</li>
%% <li>`{'EXIT', Parent, Reason}': the parent died; reaches the server only
%%     if it traps exits, and then it terminates with Reason.</li>
%% </ul>
%%
%% After a callback, the server waits for the next message with the
%% time-out the callback gave (`infinity' by default; `timeout' goes to
%% handle_info/2 when it expires), hibernates (`hibernate'), or first runs
%% `handle_continue/2' (`{continue, C}'). A callback that throws a value
%% returns that value, as in OTP.
%%
%% Termination: `terminate/2' (if exported) is called when a callback
%% returns `{stop, ...}', crashes, or returns a bad value, and when the
%% parent exits while the server traps exits. The server then exits with
%% the reason; unless it is `normal', `shutdown' or `{shutdown, _}' an
%% error report is logged through logger as OTP logs it (the report
%% `#{label => {gen_server, terminate}, ...}' in the `[otp]' domain, its
%% text `** Generic server ... terminating' made by format_log/1,2), and
%% proc_lib logs its crash report.
%%
%% Natives: none of its own (see proc_lib on hibernation).
-module(gen_server).

%% Starting and stopping
-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3,
         start_monitor/4, stop/1, stop/3, enter_loop/3, enter_loop/4,
         enter_loop/5]).
%% Calls, casts and replies
-export([call/2, call/3, cast/2, reply/2, abcast/2, abcast/3, multi_call/2,
         multi_call/3, multi_call/4]).
%% Asynchronous calls
-export([send_request/2, send_request/4, wait_response/2, wait_response/3,
         receive_response/2, receive_response/3, check_response/2,
         check_response/3, reqids_new/0, reqids_size/1, reqids_add/3,
         reqids_to_list/1]).
%% sys callbacks
-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2, format_status/2]).
%% Report callbacks (the text of the reports logged through logger)
-export([format_log/1, format_log/2]).
%% Internal: process entry and wake-up after hibernation
-export([init_it/6, wake_hib/6]).

-include_lib("kernel/include/logger.hrl").

-export_type([from/0, reply_tag/0, request_id/0, request_id_collection/0,
              server_ref/0, start_opt/0, enter_loop_opt/0, start_ret/0,
              start_mon_ret/0]).

-type from() :: {Client :: pid(), Tag :: reply_tag()}.
-opaque reply_tag() :: gen:reply_tag().
-opaque request_id() :: gen:request_id().
-opaque request_id_collection() :: gen:request_id_collection().
-type server_ref() :: pid() | (LocalName :: atom()) | {Name :: atom(), Node :: atom()}
                    | {global, term()} | {via, module(), term()}.
-type server_name() :: {local, atom()} | {global, term()} | {via, module(), term()}.
-type start_opt() :: {timeout, timeout()} | {spawn_opt, [proc_lib:spawn_option()]}
                   | enter_loop_opt().
-type enter_loop_opt() :: {hibernate_after, timeout()} | {debug, [sys:debug_option()]}.
-type start_ret() :: {ok, pid()} | ignore | {error, term()}.
-type start_mon_ret() :: {ok, {pid(), reference()}} | ignore | {error, term()}.
-type action() :: timeout() | hibernate | {continue, term()}.

%% ---- callbacks -------------------------------------------------------------

-callback init(Args :: term()) ->
    {ok, State :: term()} | {ok, State :: term(), action()}
    | {stop, Reason :: term()} | ignore.
-callback handle_call(Request :: term(), From :: from(), State :: term()) ->
    {reply, Reply :: term(), NewState :: term()}
    | {reply, Reply :: term(), NewState :: term(), action()}
    | {noreply, NewState :: term()}
    | {noreply, NewState :: term(), action()}
    | {stop, Reason :: term(), Reply :: term(), NewState :: term()}
    | {stop, Reason :: term(), NewState :: term()}.
-callback handle_cast(Request :: term(), State :: term()) ->
    {noreply, NewState :: term()} | {noreply, NewState :: term(), action()}
    | {stop, Reason :: term(), NewState :: term()}.
-callback handle_info(Info :: timeout | term(), State :: term()) ->
    {noreply, NewState :: term()} | {noreply, NewState :: term(), action()}
    | {stop, Reason :: term(), NewState :: term()}.
-callback handle_continue(Info :: term(), State :: term()) ->
    {noreply, NewState :: term()} | {noreply, NewState :: term(), action()}
    | {stop, Reason :: term(), NewState :: term()}.
-callback terminate(Reason :: normal | shutdown | {shutdown, term()} | term(),
                    State :: term()) -> term().
-callback code_change(OldVsn :: term() | {down, term()}, State :: term(),
                      Extra :: term()) ->
    {ok, NewState :: term()} | {error, Reason :: term()}.
-callback format_status(Opt, StatusData) -> Status when
      Opt :: normal | terminate,
      StatusData :: [PDict | State],
      PDict :: [{Key :: term(), Value :: term()}],
      State :: term(),
      Status :: term().
-callback format_status(Status) -> NewStatus when
      Status :: #{state => term(), message => term(), reason => term(),
                  log => [sys:system_event()]},
      NewStatus :: Status.

-optional_callbacks([handle_info/2, handle_continue/2, terminate/2,
                     code_change/3, format_status/1, format_status/2]).

%% ---- starting and stopping -------------------------------------------------

-spec start(Module, Args, Options) -> start_ret() when
      Module :: module(), Args :: term(), Options :: [start_opt()].
start(Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Mod, Args, Options).

-spec start(ServerName, Module, Args, Options) -> start_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Options :: [start_opt()].
start(Name, Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Name, Mod, Args, Options).

-spec start_link(Module, Args, Options) -> start_ret() when
      Module :: module(), Args :: term(), Options :: [start_opt()].
start_link(Mod, Args, Options) ->
    gen:start(?MODULE, link, Mod, Args, Options).

-spec start_link(ServerName, Module, Args, Options) -> start_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Options :: [start_opt()].
start_link(Name, Mod, Args, Options) ->
    gen:start(?MODULE, link, Name, Mod, Args, Options).

-spec start_monitor(Module, Args, Options) -> start_mon_ret() when
      Module :: module(), Args :: term(), Options :: [start_opt()].
start_monitor(Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Mod, Args, Options).

-spec start_monitor(ServerName, Module, Args, Options) -> start_mon_ret() when
      ServerName :: server_name(), Module :: module(), Args :: term(),
      Options :: [start_opt()].
start_monitor(Name, Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Name, Mod, Args, Options).

-spec stop(ServerRef) -> ok when ServerRef :: server_ref().
stop(ServerRef) ->
    gen:stop(ServerRef).

-spec stop(ServerRef, Reason, Timeout) -> ok when
      ServerRef :: server_ref(), Reason :: term(), Timeout :: timeout().
stop(ServerRef, Reason, Timeout) ->
    gen:stop(ServerRef, Reason, Timeout).

%% @doc Makes the calling process (started by proc_lib) a server.
-spec enter_loop(Module, Options, State) -> no_return() when
      Module :: module(), Options :: [enter_loop_opt()], State :: term().
enter_loop(Mod, Options, State) ->
    enter_loop(Mod, Options, State, self(), infinity).

-spec enter_loop(Module, Options, State, ServerNameOrAction) -> no_return() when
      Module :: module(), Options :: [enter_loop_opt()], State :: term(),
      ServerNameOrAction :: server_name() | pid() | action().
enter_loop(Mod, Options, State, Name = {Kind, _}) when Kind =:= local; Kind =:= global ->
    enter_loop(Mod, Options, State, Name, infinity);
enter_loop(Mod, Options, State, Name = {via, _, _}) ->
    enter_loop(Mod, Options, State, Name, infinity);
enter_loop(Mod, Options, State, Pid) when is_pid(Pid) ->
    enter_loop(Mod, Options, State, Pid, infinity);
enter_loop(Mod, Options, State, Action) ->
    enter_loop(Mod, Options, State, self(), Action).

-spec enter_loop(Module, Options, State, ServerName, Action) -> no_return() when
      Module :: module(), Options :: [enter_loop_opt()], State :: term(),
      ServerName :: server_name() | pid(), Action :: action().
enter_loop(Mod, Options, State, ServerName, Action) ->
    Name = gen:get_proc_name(ServerName),
    Parent = gen:get_parent(),
    Debug = gen:debug_options(Name, Options),
    HibAfter = gen:hibernate_after(Options),
    loop(Parent, Name, State, Mod, Action, HibAfter, Debug).

%% @private The first code of a new server, called by gen:init_it/6,7.
-spec init_it(Starter, Parent, Name, Module, Args, Options) -> no_return() when
      Starter :: pid(), Parent :: pid(), Name :: server_name() | pid(),
      Module :: module(), Args :: term(), Options :: [start_opt()].
init_it(Starter, Parent, Name0, Mod, Args, Options) ->
    Name = gen:name(Name0),
    Debug = gen:debug_options(Name, Options),
    HibAfter = gen:hibernate_after(Options),
    case call_init(Mod, Args) of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, infinity, HibAfter, Debug);
        {ok, {ok, State, Action}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, Action, HibAfter, Debug);
        {ok, {stop, Reason}} ->
            %% The name is freed before the starter hears of the failure.
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Else} ->
            Error = {bad_return_value, Else},
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error);
        {'EXIT', Class, Reason, Stack} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, exit_reason(Class, Reason, Stack)}),
            erlang:raise(Class, Reason, Stack)
    end.

call_init(Mod, Args) ->
    try {ok, Mod:init(Args)}
    catch throw:R -> {ok, R};
          Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

%% ---- calls, casts and replies ----------------------------------------------

-spec call(ServerRef, Request) -> Reply when
      ServerRef :: server_ref(), Request :: term(), Reply :: term().
call(ServerRef, Request) ->
    try gen:call(ServerRef, '$gen_call', Request) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, {?MODULE, call, [ServerRef, Request]}})
    end.

-spec call(ServerRef, Request, Timeout) -> Reply when
      ServerRef :: server_ref(), Request :: term(), Timeout :: timeout(),
      Reply :: term().
call(ServerRef, Request, Timeout) ->
    try gen:call(ServerRef, '$gen_call', Request, Timeout) of
        {ok, Reply} -> Reply
    catch exit:Reason -> exit({Reason, {?MODULE, call, [ServerRef, Request, Timeout]}})
    end.

%% @doc Sends a request without waiting; always ok, even if there is no
%% such server.
-spec cast(ServerRef, Request) -> ok when ServerRef :: server_ref(), Request :: term().
cast(ServerRef, Request) ->
    Msg = {'$gen_cast', Request},
    try gen:send(ServerRef, Msg) catch _:_ -> ok end,
    ok.

-spec reply(From, Reply) -> ok when From :: from(), Reply :: term().
reply(From, Reply) ->
    gen:reply(From, Reply).

%% @doc Casts to the server registered as Name on each node (this node only
%% in ferl: the others are unreachable).
-spec abcast(Name, Request) -> abcast when Name :: atom(), Request :: term().
abcast(Name, Request) when is_atom(Name) ->
    abcast([node()], Name, Request).

-spec abcast(Nodes, Name, Request) -> abcast when
      Nodes :: [node()], Name :: atom(), Request :: term().
abcast(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    [cast({Name, Node}, Request) || Node <- Nodes],
    abcast.

-spec multi_call(Name, Request) -> {Replies, BadNodes} when
      Name :: atom(), Request :: term(), Replies :: [{node(), term()}],
      BadNodes :: [node()].
multi_call(Name, Request) when is_atom(Name) ->
    multi_call([node()], Name, Request, infinity).

-spec multi_call(Nodes, Name, Request) -> {Replies, BadNodes} when
      Nodes :: [node()], Name :: atom(), Request :: term(),
      Replies :: [{node(), term()}], BadNodes :: [node()].
multi_call(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    multi_call(Nodes, Name, Request, infinity).

%% @doc Calls the server registered as Name on each node and collects the
%% replies; a node without such a server (or, in ferl, any other node) is
%% a bad node. The calls are made concurrently, from a helper process, so
%% that late replies cannot reach the caller.
-spec multi_call(Nodes, Name, Request, Timeout) -> {Replies, BadNodes} when
      Nodes :: [node()], Name :: atom(), Request :: term(), Timeout :: timeout(),
      Replies :: [{node(), term()}], BadNodes :: [node()].
multi_call(Nodes, Name, Request, Timeout)
  when is_list(Nodes), is_atom(Name),
       (Timeout =:= infinity orelse (is_integer(Timeout) andalso Timeout >= 0)) ->
    Self = self(),
    Tag = make_ref(),
    {Helper, HRef} =
        spawn_monitor(
          fun() ->
                  ReqIds = [{Node, gen:send_request({Name, Node}, '$gen_call', Request)}
                            || Node <- Nodes],
                  Deadline = case Timeout of
                                 infinity -> infinity;
                                 _ -> {abs, erlang:monotonic_time(millisecond) + Timeout}
                             end,
                  Results = [{Node, gen:receive_response(R, Deadline)} || {Node, R} <- ReqIds],
                  Replies = [{Node, Reply} || {Node, {reply, Reply}} <- Results],
                  Bad = [Node || {Node, Res} <- Results, not is_reply(Res)],
                  Self ! {Tag, {Replies, Bad}}
          end),
    receive
        {Tag, Result} ->
            erlang:demonitor(HRef, [flush]),
            Result;
        {'DOWN', HRef, process, Helper, Reason} ->
            exit(Reason)
    end.

is_reply({reply, _}) -> true;
is_reply(_) -> false.

%% ---- asynchronous calls ----------------------------------------------------

-spec send_request(ServerRef, Request) -> ReqId when
      ServerRef :: server_ref(), Request :: term(), ReqId :: request_id().
send_request(ServerRef, Request) ->
    gen:send_request(ServerRef, '$gen_call', Request).

-spec send_request(ServerRef, Request, Label, ReqIdCollection) -> NewReqIdCollection when
      ServerRef :: server_ref(), Request :: term(), Label :: term(),
      ReqIdCollection :: request_id_collection(),
      NewReqIdCollection :: request_id_collection().
send_request(ServerRef, Request, Label, Col) ->
    gen:send_request(ServerRef, '$gen_call', Request, Label, Col).

-spec wait_response(ReqId, WaitTime) -> Result when
      ReqId :: request_id(), WaitTime :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
wait_response(ReqId, WaitTime) ->
    gen:wait_response(ReqId, WaitTime).

-spec wait_response(ReqIdCollection, WaitTime, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      WaitTime :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
wait_response(Col, WaitTime, Delete) ->
    gen:wait_response(Col, WaitTime, Delete).

-spec receive_response(ReqId, Timeout) -> Result when
      ReqId :: request_id(), Timeout :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
receive_response(ReqId, Timeout) ->
    gen:receive_response(ReqId, Timeout).

-spec receive_response(ReqIdCollection, Timeout, Delete) -> Result when
      ReqIdCollection :: request_id_collection(),
      Timeout :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
receive_response(Col, Timeout, Delete) ->
    gen:receive_response(Col, Timeout, Delete).

-spec check_response(Msg, ReqId) -> Result when
      Msg :: term(), ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), server_ref()}} | no_reply.
check_response(Msg, ReqId) ->
    gen:check_response(Msg, ReqId).

-spec check_response(Msg, ReqIdCollection, Delete) -> Result when
      Msg :: term(), ReqIdCollection :: request_id_collection(), Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | no_reply.
check_response(Msg, Col, Delete) ->
    gen:check_response(Msg, Col, Delete).

-spec reqids_new() -> request_id_collection().
reqids_new() -> gen:reqids_new().

-spec reqids_size(ReqIdCollection) -> non_neg_integer() when
      ReqIdCollection :: request_id_collection().
reqids_size(Col) -> gen:reqids_size(Col).

-spec reqids_add(ReqId, Label, ReqIdCollection) -> NewReqIdCollection when
      ReqId :: request_id(), Label :: term(),
      ReqIdCollection :: request_id_collection(),
      NewReqIdCollection :: request_id_collection().
reqids_add(ReqId, Label, Col) -> gen:reqids_add(ReqId, Label, Col).

-spec reqids_to_list(ReqIdCollection) -> [{request_id(), term()}] when
      ReqIdCollection :: request_id_collection().
reqids_to_list(Col) -> gen:reqids_to_list(Col).

%% ---- the server loop -------------------------------------------------------

loop(Parent, Name, State, Mod, {continue, Continue} = Msg, HibAfter, Debug) ->
    Reply = callback(Mod, handle_continue, [Continue, State]),
    Debug1 = debug(Debug, Name, {continue, Continue}),
    common_reply(Reply, Parent, Name, undefined, Msg, Mod, HibAfter, State, Debug1);
loop(Parent, Name, State, Mod, hibernate, HibAfter, Debug) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, State, Mod, HibAfter, Debug]);
loop(Parent, Name, State, Mod, infinity, HibAfter, Debug) ->
    receive
        Msg -> decode_msg(Msg, Parent, Name, State, Mod, infinity, HibAfter, Debug)
    after HibAfter ->
            loop(Parent, Name, State, Mod, hibernate, HibAfter, Debug)
    end;
loop(Parent, Name, State, Mod, Time, HibAfter, Debug) ->
    Msg = receive
              Input -> Input
          after Time -> timeout
          end,
    decode_msg(Msg, Parent, Name, State, Mod, Time, HibAfter, Debug).

%% @private Where a hibernated server resumes.
-spec wake_hib(Parent, Name, State, Module, HibAfter, Debug) -> no_return() when
      Parent :: pid(), Name :: term(), State :: term(), Module :: module(),
      HibAfter :: timeout(), Debug :: list().
wake_hib(Parent, Name, State, Mod, HibAfter, Debug) ->
    receive
        Msg -> decode_msg(Msg, Parent, Name, State, Mod, hibernate, HibAfter, Debug)
    end.

decode_msg({system, From, Req}, Parent, Name, State, Mod, Time, HibAfter, Debug) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, Debug,
                          [Name, State, Mod, Time, HibAfter], Time =:= hibernate);
decode_msg({'EXIT', Parent, Reason} = Msg, Parent, Name, State, Mod, _Time, _HibAfter, Debug) ->
    terminate(exit, Reason, current_stack(), Name, undefined, Msg, Mod, State, Debug);
decode_msg(Msg, Parent, Name, State, Mod, _Time, HibAfter, Debug) ->
    Debug1 = debug(Debug, Name, {in, Msg}),
    handle_msg(Msg, Parent, Name, State, Mod, HibAfter, Debug1).

%% For a call, the report's "last message" is the request alone, as in OTP.
handle_msg({'$gen_call', From, Request}, Parent, Name, State, Mod, HibAfter, Debug) ->
    Msg = Request,
    case callback(Mod, handle_call, [Request, From, State]) of
        {ok, {reply, Reply, NState}} ->
            Debug1 = reply(Debug, Name, From, Reply, NState),
            loop(Parent, Name, NState, Mod, infinity, HibAfter, Debug1);
        {ok, {reply, Reply, NState, Action}} ->
            Debug1 = reply(Debug, Name, From, Reply, NState),
            loop(Parent, Name, NState, Mod, Action, HibAfter, Debug1);
        {ok, {stop, Reason, Reply, NState}} ->
            %% terminate/2 runs before the caller has its reply.
            try
                terminate(exit, Reason, current_stack(), Name, From, Msg, Mod, NState, Debug)
            after
                gen:reply(From, Reply)
            end;
        Other ->
            common_reply(Other, Parent, Name, From, Msg, Mod, HibAfter, State, Debug)
    end;
handle_msg({'$gen_cast', Request} = Msg, Parent, Name, State, Mod, HibAfter, Debug) ->
    Reply = callback(Mod, handle_cast, [Request, State]),
    common_reply(Reply, Parent, Name, undefined, Msg, Mod, HibAfter, State, Debug);
handle_msg(Info, Parent, Name, State, Mod, HibAfter, Debug) ->
    Reply = info_callback(Mod, Info, State),
    common_reply(Reply, Parent, Name, undefined, Info, Mod, HibAfter, State, Debug).

common_reply(Reply, Parent, Name, From, Msg, Mod, HibAfter, State, Debug) ->
    case Reply of
        {ok, {noreply, NState}} ->
            Debug1 = debug(Debug, Name, {noreply, NState}),
            loop(Parent, Name, NState, Mod, infinity, HibAfter, Debug1);
        {ok, {noreply, NState, Action}} ->
            Debug1 = debug(Debug, Name, {noreply, NState}),
            loop(Parent, Name, NState, Mod, Action, HibAfter, Debug1);
        {ok, {stop, Reason, NState}} ->
            terminate(exit, Reason, current_stack(), Name, From, Msg, Mod, NState, Debug);
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, Name, From, Msg, Mod, State, Debug);
        {ok, Bad} ->
            terminate(exit, {bad_return_value, Bad}, current_stack(), Name, From, Msg,
                      Mod, State, Debug)
    end.

reply(Debug, Name, From, Reply, State) ->
    gen:reply(From, Reply),
    debug(Debug, Name, {out, Reply, element(1, From), State}).

%% A callback's result: {ok, Result} (a thrown value counts as a result)
%% or {'EXIT', Class, Reason, Stack}.
callback(Mod, Fun, Args) ->
    try {ok, apply(Mod, Fun, Args)}
    catch throw:R -> {ok, R};
          Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

%% handle_info/2 is optional: without it, a message is logged and dropped.
info_callback(Mod, Info, State) ->
    try {ok, Mod:handle_info(Info, State)}
    catch throw:R -> {ok, R};
          error:undef = R:Stack ->
            case {erlang:function_exported(Mod, handle_info, 2), Stack} of
                {false, [{Mod, handle_info, _, _} | _]} ->
                    ?LOG_WARNING(#{label => {gen_server, no_handle_info},
                                   module => Mod, message => Info},
                                 #{domain => [otp],
                                   report_cb => fun gen_server:format_log/2,
                                   error_logger =>
                                       #{tag => warning_msg,
                                         report_cb => fun gen_server:format_log/1}}),
                    {ok, {noreply, State}};
                _ ->
                    {'EXIT', error, R, Stack}
            end;
          Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

%% The caller's stack (without this helper's own frame).
current_stack() ->
    case erlang:process_info(self(), current_stacktrace) of
        {current_stacktrace, [_Self | Stack]} -> Stack;
        _ -> []
    end.

%% ---- termination -----------------------------------------------------------

%% Runs terminate/2, reports an abnormal end and exits. If terminate/2
%% itself fails, that failure becomes the exit reason.
terminate(Class, Reason, Stack, Name, From, Msg, Mod, State, Debug) ->
    ExitReason = exit_reason(Class, Reason, Stack),
    case terminate_callback(Mod, ExitReason, State) of
        {'EXIT', C, R, S} ->
            error_report(exit_reason(C, R, S), Name, From, Msg, Mod, State, Debug),
            erlang:raise(C, R, S);
        ok ->
            case {Class, Reason} of
                {exit, normal} -> ok;
                {exit, shutdown} -> ok;
                {exit, {shutdown, _}} -> ok;
                _ -> error_report(ExitReason, Name, From, Msg, Mod, State, Debug)
            end,
            erlang:raise(Class, Reason, Stack)
    end.

terminate_callback(Mod, Reason, State) ->
    case erlang:function_exported(Mod, terminate, 2) of
        true ->
            try Mod:terminate(Reason, State) of
                _ -> ok
            catch throw:_ -> ok;
                  C:R:S -> {'EXIT', C, R, S}
            end;
        false ->
            ok
    end.

%% The reason a process dies with after an exception of this class.
exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(exit, Reason, _Stack) -> Reason;
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

error_report(Reason, Name, From, Msg, Mod, State, Debug) ->
    Status = format_callback_status(terminate, Mod, State, Msg, Reason),
    {ShownState, ShownMsg, ShownReason} = Status,
    %% OTP's report term; format_log/1,2 make its text.
    ?LOG_ERROR(#{label => {gen_server, terminate}, name => Name,
                 last_message => ShownMsg, state => ShownState,
                 log => sys:get_log(Debug), reason => ShownReason,
                 client_info => client_info(From)},
               #{domain => [otp],
                 report_cb => fun gen_server:format_log/2,
                 error_logger => #{tag => error,
                                   report_cb => fun gen_server:format_log/1}}),
    ok.

%% The client of the call being handled: its stack if it is alive.
client_info({Pid, _Tag}) when is_pid(Pid) ->
    case erlang:process_info(Pid, current_stacktrace) of
        {current_stacktrace, Stack} -> {Pid, {Pid, Stack}};
        _ -> {Pid, dead}
    end;
client_info(_) ->
    undefined.

%% @doc The text of a gen_server report as a format and its arguments.
-spec format_log(Report) -> {io:format(), [term()]} when Report :: map().
format_log(#{label := {gen_server, terminate}, name := Name, last_message := Msg,
             state := State, reason := Reason} = Report) ->
    {ClientF, ClientA} = case maps:get(client_info, Report, undefined) of
                             {Pid, {Pid, Stack}} ->
                                 {"** Client ~tp stacktrace~n** ~tp~n", [Pid, Stack]};
                             {Pid, dead} ->
                                 {"** Client ~tp is dead~n", [Pid]};
                             _ ->
                                 {"", []}
                         end,
    Log = maps:get(log, Report, []),
    {LogF, LogA} = case Log of
                       [] -> {"", []};
                       _ -> {"** Log ==~n** ~tp~n", [Log]}
                   end,
    {"** Generic server ~tp terminating ~n"
     "** Last message in was ~tp~n"
     "** When Server state == ~tp~n"
     "** Reason for termination ==~n** ~tp~n" ++ LogF ++ ClientF,
     [Name, Msg, State, Reason] ++ LogA ++ ClientA};
format_log(#{label := {gen_server, no_handle_info}, module := Mod, message := Msg}) ->
    {"** Undefined handle_info in ~tp~n** Unhandled message: ~tp~n", [Mod, Msg]}.

%% @doc As format_log/1, as text, for `logger_formatter' (its depth,
%% chars_limit and single_line options are not applied).
-spec format_log(Report, FormatOpts) -> unicode:chardata() when
      Report :: map(), FormatOpts :: map().
format_log(Report, _FormatOpts) ->
    {Format, Args} = format_log(Report),
    io_lib:format(Format, Args).

%% State, message and reason as the callback module wants them shown
%% (format_status/1 or /2, if exported).
format_callback_status(Opt, Mod, State, Msg, Reason) ->
    case erlang:function_exported(Mod, format_status, 1) of
        true ->
            Map = #{state => State, message => Msg, reason => Reason, log => []},
            case catch Mod:format_status(Map) of
                M when is_map(M) ->
                    {maps:get(state, M, State), maps:get(message, M, Msg),
                     maps:get(reason, M, Reason)};
                _ ->
                    {State, Msg, Reason}
            end;
        false ->
            case erlang:function_exported(Mod, format_status, 2) of
                true ->
                    case catch Mod:format_status(Opt, [get(), State]) of
                        {'EXIT', _} -> {State, Msg, Reason};
                        Shown -> {Shown, Msg, Reason}
                    end;
                false ->
                    {State, Msg, Reason}
            end
    end.

%% ---- sys callbacks ---------------------------------------------------------

%% @private
-spec system_continue(Parent, Debug, Misc) -> no_return() when
      Parent :: pid(), Debug :: list(), Misc :: list().
system_continue(Parent, Debug, [Name, State, Mod, Time, HibAfter]) ->
    loop(Parent, Name, State, Mod, Time, HibAfter, Debug).

%% @private
-spec system_terminate(Reason, Parent, Debug, Misc) -> no_return() when
      Reason :: term(), Parent :: pid(), Debug :: list(), Misc :: list().
system_terminate(Reason, _Parent, Debug, [Name, State, Mod, _Time, _HibAfter]) ->
    terminate(exit, Reason, current_stack(), Name, undefined, [], Mod, State, Debug).

%% @private
-spec system_code_change(Misc, Module, OldVsn, Extra) -> {ok, Misc} | term() when
      Misc :: list(), Module :: module(), OldVsn :: term(), Extra :: term().
system_code_change([Name, State, Mod, Time, HibAfter], _Module, OldVsn, Extra) ->
    case catch Mod:code_change(OldVsn, State, Extra) of
        {ok, NewState} -> {ok, [Name, NewState, Mod, Time, HibAfter]};
        Else -> Else
    end.

%% @private
-spec system_get_state(Misc) -> {ok, State} when Misc :: list(), State :: term().
system_get_state([_Name, State, _Mod, _Time, _HibAfter]) ->
    {ok, State}.

%% @private
-spec system_replace_state(StateFun, Misc) -> {ok, NewState, NewMisc} when
      StateFun :: fun((term()) -> term()), Misc :: list(), NewState :: term(),
      NewMisc :: list().
system_replace_state(Fun, [Name, State, Mod, Time, HibAfter]) ->
    NState = Fun(State),
    {ok, NState, [Name, NState, Mod, Time, HibAfter]}.

%% @private What sys:get_status/1 shows of a server.
-spec format_status(Opt, StatusData) -> list() when
      Opt :: normal | terminate, StatusData :: list().
format_status(Opt, [PDict, SysState, Parent, Debug, [Name, State, Mod, _Time, _HibAfter]]) ->
    Header = gen:format_status_header("Status for generic server", Name),
    Log = sys:get_log(Debug),
    Specific =
        case erlang:function_exported(Mod, format_status, 1) of
            true ->
                {Shown, _, _} = format_callback_status(Opt, Mod, State, undefined, undefined),
                [{data, [{"State", Shown}]}];
            false ->
                case erlang:function_exported(Mod, format_status, 2) of
                    true ->
                        case catch Mod:format_status(Opt, [PDict, State]) of
                            {'EXIT', _} -> [{data, [{"State", State}]}];
                            L when is_list(L) -> L;
                            T -> [T]
                        end;
                    false ->
                        [{data, [{"State", State}]}]
                end
        end,
    [{header, Header},
     {data, [{"Status", SysState}, {"Parent", Parent}, {"Logged events", Log}]}
     | Specific].

%% ---- debug -----------------------------------------------------------------

debug([], _Name, _Event) -> [];
debug(Debug, Name, Event) -> sys:handle_debug(Debug, fun print_event/3, Name, Event).

print_event(Dev, {in, Msg}, Name) ->
    case Msg of
        {'$gen_call', {From, _Tag}, Call} ->
            io:format(Dev, "*DBG* ~tp got call ~tp from ~tw~n", [Name, Call, From]);
        {'$gen_cast', Cast} ->
            io:format(Dev, "*DBG* ~tp got cast ~tp~n", [Name, Cast]);
        _ ->
            io:format(Dev, "*DBG* ~tp got ~tp~n", [Name, Msg])
    end;
print_event(Dev, {out, Reply, To, State}, Name) ->
    io:format(Dev, "*DBG* ~tp sent ~tp to ~tw, new state ~tp~n", [Name, Reply, To, State]);
print_event(Dev, {noreply, State}, Name) ->
    io:format(Dev, "*DBG* ~tp new state ~tp~n", [Name, State]);
print_event(Dev, {continue, Continue}, Name) ->
    io:format(Dev, "*DBG* ~tp continue ~tp~n", [Name, Continue]);
print_event(Dev, Event, Name) ->
    io:format(Dev, "*DBG* ~tp dbg  ~tp~n", [Name, Event]).
