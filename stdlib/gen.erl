%% @doc What the behaviours share (OTP 25's `gen'): starting a named or
%% anonymous server, the call protocol, replies, and request ids.
%%
%% Call protocol. A call monitors the server with an alias monitor
%% (`erlang:monitor(process, P, [{alias, demonitor}])') and sends
%% `{Label, {self(), [alias | Mref]}, Request}'; the server answers with
%% `reply/2', which sends `{[alias | Mref], Reply}' to the alias. The alias
%% dies with the monitor, so a reply arriving after the caller gave up is
%% dropped by the runtime instead of lingering in the caller's mailbox. The
%% caller gets `{ok, Reply}' or exits with the reason of the server's
%% `'DOWN'' (`noproc' if there was none), or with `timeout'.
%%
%% Names. `{local, Atom}' and `{via, Module, Name}' are supported;
%% `{global, Name}' is refused (`{error, {not_supported, global}}' when
%% starting), since ferl runs a single node with no global name server:
%% nothing is ever registered globally, so calling such a name fails with
%% `noproc' and casting to it does nothing, as OTP does for an unknown
%% global name. `{Name, Node}' works for the local node only; any other node
%% is reported `nodedown'.
%%
%% Natives: none of its own (aliases and monitors are the runtime's).
-module(gen).

%% Starting
-export([start/5, start/6, init_it/6, init_it/7]).
%% Calls and replies
-export([call/3, call/4, reply/2, stop/1, stop/3]).
%% Request ids (asynchronous calls)
-export([send_request/3, send_request/5, wait_response/2, wait_response/3,
         receive_response/2, receive_response/3, check_response/2,
         check_response/3, reqids_new/0, reqids_size/1, reqids_add/3,
         reqids_to_list/1]).
%% Helpers for the behaviours
-export([name/1, unregister_name/1, get_proc_name/1, get_parent/0,
         debug_options/2, hibernate_after/1, where/1, send/2,
         format_status_header/2, timeout_value/1]).

-export_type([reply_tag/0, request_id/0, request_id_collection/0,
              server_ref/0, emgr_name/0, start_ret/0, option/0, from/0]).

-type linkage() :: monitor | link | nolink.
-type emgr_name() :: {local, atom()} | {global, term()} | {via, module(), term()}.
-type start_ret() :: {ok, pid()} | {ok, {pid(), reference()}} | ignore
                   | {error, term()}.
-type option() :: {timeout, timeout()} | {debug, [sys:debug_option()]}
                | {hibernate_after, timeout()} | {spawn_opt, [proc_lib:spawn_option()]}.
-type server_ref() :: pid() | atom() | {atom(), node()} | {global, term()}
                    | {via, module(), term()}.
-type reply_tag() :: reference() | nonempty_improper_list(alias, reference()).
-type from() :: {pid(), reply_tag()}.
-type request_id() :: reference().
-type request_id_collection() :: #{request_id() => term()}.

%% The largest time-out `receive ... after' takes.
-define(MAX_TIMEOUT, 4294967295).
-define(DEFAULT_TIMEOUT, 5000).

%% ---- starting --------------------------------------------------------------

%% @doc Starts an anonymous server of behaviour GenMod: the new process
%% runs `GenMod:init_it(Starter, Parent, Self, Mod, Args, Options)' and
%% acknowledges with proc_lib:init_ack/2.
-spec start(GenMod, LinkP, Module, Args, Options) -> start_ret() when
      GenMod :: module(), LinkP :: linkage(), Module :: module(),
      Args :: term(), Options :: [option()].
start(GenMod, LinkP, Mod, Args, Options) ->
    spawn_server(GenMod, LinkP, [GenMod, self(), parent(LinkP), Mod, Args, Options],
                 Options).

%% @doc Starts a named server; `{error, {already_started, Pid}}' if the
%% name is taken.
-spec start(GenMod, LinkP, Name, Module, Args, Options) -> start_ret() when
      GenMod :: module(), LinkP :: linkage(), Name :: emgr_name(),
      Module :: module(), Args :: term(), Options :: [option()].
start(_GenMod, _LinkP, {global, _}, _Mod, _Args, _Options) ->
    {error, {not_supported, global}};
start(GenMod, LinkP, Name, Mod, Args, Options) ->
    case where(Name) of
        undefined ->
            spawn_server(GenMod, LinkP,
                         [GenMod, self(), parent(LinkP), Name, Mod, Args, Options],
                         Options);
        Pid ->
            {error, {already_started, Pid}}
    end.

%% The parent of an unlinked server is the server itself (it has none).
parent(link) -> self();
parent(_) -> self.

spawn_server(_GenMod, LinkP, InitArgs, Options) ->
    Timeout = proplists:get_value(timeout, Options, infinity),
    SpawnOpts = proplists:get_value(spawn_opt, Options, []),
    case LinkP of
        link ->
            proc_lib:start_link(?MODULE, init_it, InitArgs, Timeout, SpawnOpts);
        monitor ->
            case proc_lib:start_monitor(?MODULE, init_it, InitArgs, Timeout, SpawnOpts) of
                {{ok, Pid}, Mon} when is_pid(Pid) ->
                    {ok, {Pid, Mon}};
                {Error, Mon} ->
                    %% The server is gone: take its 'DOWN' out of the way.
                    receive {'DOWN', Mon, process, _, _} -> ok end,
                    Error
            end;
        nolink ->
            proc_lib:start(?MODULE, init_it, InitArgs, Timeout, SpawnOpts)
    end.

%% @private First code of a new anonymous server.
-spec init_it(GenMod, Starter, Parent, Module, Args, Options) -> no_return() when
      GenMod :: module(), Starter :: pid(), Parent :: pid() | self,
      Module :: module(), Args :: term(), Options :: [option()].
init_it(GenMod, Starter, Parent, Mod, Args, Options) ->
    GenMod:init_it(Starter, real_parent(Parent), self(), Mod, Args, Options).

%% @private First code of a new named server: registers, then as init_it/6.
-spec init_it(GenMod, Starter, Parent, Name, Module, Args, Options) -> no_return() when
      GenMod :: module(), Starter :: pid(), Parent :: pid() | self,
      Name :: emgr_name(), Module :: module(), Args :: term(),
      Options :: [option()].
init_it(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    case register_name(Name) of
        true ->
            GenMod:init_it(Starter, real_parent(Parent), Name, Mod, Args, Options);
        {false, Pid} ->
            proc_lib:init_ack(Starter, {error, {already_started, Pid}})
    end.

real_parent(self) -> self();
real_parent(Pid) -> Pid.

register_name({local, Name}) ->
    try register(Name, self()) of
        true -> true
    catch error:_ -> {false, where({local, Name})}
    end;
register_name({via, Mod, Name}) ->
    case Mod:register_name(Name, self()) of
        yes -> true;
        _ -> {false, Mod:whereis_name(Name)}
    end.

%% @doc The pid registered under a start name, or undefined.
-spec where(Name) -> pid() | undefined when Name :: emgr_name().
where({local, Name}) -> whereis(Name);
where({global, _Name}) -> undefined;
where({via, Mod, Name}) -> Mod:whereis_name(Name).

%% ---- helpers for the behaviours --------------------------------------------

%% @doc The name a server was started under (its pid for an anonymous one).
-spec name(Name) -> term() when Name :: emgr_name() | pid().
name({local, Name}) -> Name;
name({global, Name}) -> Name;
name({via, _, Name}) -> Name;
name(Pid) when is_pid(Pid) -> Pid.

-spec unregister_name(Name) -> ok when Name :: emgr_name() | pid().
unregister_name({local, Name}) ->
    try unregister(Name) catch error:_ -> ok end,
    ok;
unregister_name({global, _Name}) ->
    ok;
unregister_name({via, Mod, Name}) ->
    _ = Mod:unregister_name(Name),
    ok;
unregister_name(Pid) when is_pid(Pid) ->
    ok.

%% @doc The registered name of the calling process (for enter_loop); exits
%% with `process_not_registered' if it has none.
-spec get_proc_name(Name) -> term() when Name :: emgr_name() | pid().
get_proc_name(Pid) when is_pid(Pid) ->
    Pid;
get_proc_name({local, Name}) ->
    case erlang:process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> exit(process_not_registered)
    end;
get_proc_name({global, _}) ->
    exit(process_not_registered_globally);
get_proc_name({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when Pid =:= self() -> Name;
        _ -> exit({process_not_registered_via, Mod})
    end.

%% @doc The parent of a process started by proc_lib (first ancestor); for
%% enter_loop.
-spec get_parent() -> pid().
get_parent() ->
    case get('$ancestors') of
        [Parent | _] when is_pid(Parent) -> Parent;
        [Parent | _] when is_atom(Parent) ->
            case whereis(Parent) of
                undefined -> exit(process_was_not_started_by_proc_lib);
                Pid -> Pid
            end;
        _ -> exit(process_was_not_started_by_proc_lib)
    end.

%% @doc The sys debug structure for the `{debug, Flags}' option.
-spec debug_options(Name, Options) -> [sys:dbg_opt()] when
      Name :: term(), Options :: [option()].
debug_options(_Name, Options) ->
    case proplists:get_value(debug, Options) of
        undefined -> [];
        Flags -> sys:debug_options(Flags)
    end.

-spec hibernate_after(Options) -> timeout() when Options :: [option()].
hibernate_after(Options) ->
    proplists:get_value(hibernate_after, Options, infinity).

%% @doc The header line of sys:get_status/1 output.
-spec format_status_header(TagLine, Name) -> string() | {string(), term()} when
      TagLine :: string(), Name :: term().
format_status_header(TagLine, Pid) when is_pid(Pid) ->
    lists:concat([TagLine, " ", pid_to_list(Pid)]);
format_status_header(TagLine, RegName) when is_atom(RegName) ->
    lists:concat([TagLine, " ", RegName]);
format_status_header(TagLine, Name) ->
    {TagLine, Name}.

%% @doc Sends a message to a server reference: a bad local name raises
%% badarg (as `!' does), the other kinds of names send nothing if unknown.
-spec send(ServerRef, Msg) -> ok when ServerRef :: server_ref(), Msg :: term().
send({global, _}, _Msg) ->
    ok;
send({via, Mod, Name}, Msg) ->
    try Mod:send(Name, Msg) catch _:_ -> ok end,
    ok;
send({Name, Node}, Msg) when is_atom(Name), Node =:= node() ->
    try Name ! Msg catch error:_ -> ok end,
    ok;
send({Name, Node}, _Msg) when is_atom(Name), is_atom(Node) ->
    ok;
send(Dest, Msg) ->
    Dest ! Msg,
    ok.

%% ---- calls and replies -----------------------------------------------------

-spec call(ServerRef, Label, Request) -> {ok, Reply} when
      ServerRef :: server_ref(), Label :: term(), Request :: term(),
      Reply :: term().
call(Process, Label, Request) ->
    call(Process, Label, Request, ?DEFAULT_TIMEOUT).

%% @doc Calls a server; exits with the reason the server died of, noproc,
%% `{nodedown, Node}' or timeout.
-spec call(ServerRef, Label, Request, Timeout) -> {ok, Reply} when
      ServerRef :: server_ref(), Label :: term(), Request :: term(),
      Timeout :: timeout(), Reply :: term().
call(Process, Label, Request, Timeout)
  when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0 ->
    do_call(resolve(Process), Label, Request, Timeout);
call(_Process, _Label, _Request, Timeout) ->
    erlang:error(badarg, [Timeout]).

%% A server reference as a pid (or exit as a call to it would).
resolve(Pid) when is_pid(Pid) ->
    Pid;
resolve(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> exit(noproc);
        Pid -> Pid
    end;
resolve({global, _Name}) ->
    exit(noproc);
resolve({Name, Node}) when is_atom(Name), Node =:= node() ->
    resolve(Name);
resolve({Name, Node}) when is_atom(Name), is_atom(Node) ->
    exit({nodedown, Node});
resolve({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when is_pid(Pid) -> Pid;
        _ -> exit(noproc)
    end;
resolve(_Other) ->
    exit(noproc).

do_call(Pid, Label, Request, Timeout) ->
    Mref = erlang:monitor(process, Pid, [{alias, demonitor}]),
    Tag = [alias | Mref],
    erlang:send(Pid, {Label, {self(), Tag}, Request}, [noconnect]),
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    after Timeout ->
            erlang:demonitor(Mref, [flush]),
            %% The reply may have come in just before the monitor went.
            receive
                {[alias | Mref], Reply} -> {ok, Reply}
            after 0 ->
                    exit(timeout)
            end
    end.

%% @doc Answers a call; From is the `{Pid, Tag}' the server was handed.
-spec reply(From, Reply) -> ok when From :: from(), Reply :: term().
reply({_To, [alias | Alias] = Tag}, Reply) when is_reference(Alias) ->
    Alias ! {Tag, Reply},
    ok;
reply({To, Tag}, Reply) ->
    try To ! {Tag, Reply} catch _:_ -> ok end,
    ok.

-spec stop(ServerRef) -> ok when ServerRef :: server_ref().
stop(Process) ->
    stop(Process, normal, infinity).

%% @doc Stops a server through the system message protocol; exits noproc
%% if there is none, timeout if it does not end in time.
-spec stop(ServerRef, Reason, Timeout) -> ok when
      ServerRef :: server_ref(), Reason :: term(), Timeout :: timeout().
stop(Process, Reason, Timeout)
  when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0 ->
    Pid = resolve(Process),
    proc_lib:stop(Pid, Reason, Timeout).

%% ---- request ids -----------------------------------------------------------

%% @doc Sends a call without waiting; the answer is taken later by
%% wait_response, receive_response or check_response. A server that does
%% not exist shows as a `'DOWN'' message faked into the own mailbox, so
%% that the failure is seen where the answer is awaited.
-spec send_request(ServerRef, Label, Request) -> request_id() when
      ServerRef :: server_ref(), Label :: term(), Request :: term().
send_request(Process, Label, Request) ->
    try resolve(Process) of
        Pid ->
            ReqId = erlang:monitor(process, Pid, [{alias, demonitor}]),
            erlang:send(Pid, {Label, {self(), [alias | ReqId]}, Request}, [noconnect]),
            ReqId
    catch exit:Reason ->
            ReqId = make_ref(),
            self() ! {'DOWN', ReqId, process, Process, Reason},
            ReqId
    end.

-spec send_request(ServerRef, Label, Request, ReqLabel, Collection) ->
          request_id_collection() when
      ServerRef :: server_ref(), Label :: term(), Request :: term(),
      ReqLabel :: term(), Collection :: request_id_collection().
send_request(Process, Label, Request, ReqLabel, Col) when is_map(Col) ->
    maps:put(send_request(Process, Label, Request), ReqLabel, Col).

%% @doc Waits for the answer to a request; on timeout the request stays
%% pending (its monitor is kept).
-spec wait_response(ReqId, Timeout) -> Result when
      ReqId :: request_id(), Timeout :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
wait_response(ReqId, Timeout) when is_reference(ReqId) ->
    T = timeout_value(Timeout),
    receive
        {[alias | ReqId], Reply} ->
            erlang:demonitor(ReqId, [flush]),
            {reply, Reply};
        {'DOWN', ReqId, _, Object, Reason} ->
            {error, {Reason, Object}}
    after T ->
            timeout
    end;
wait_response(_, _) ->
    erlang:error(badarg).

-spec wait_response(Collection, Timeout, Delete) -> Result when
      Collection :: request_id_collection(),
      Timeout :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
wait_response(Col, Timeout, Delete) when is_map(Col), is_boolean(Delete) ->
    T = timeout_value(Timeout),
    case map_size(Col) of
        0 -> no_request;
        _ ->
            receive
                {[alias | ReqId], _} = Msg when is_map_key(ReqId, Col) ->
                    from_collection(Msg, Col, Delete);
                {'DOWN', ReqId, _, _, _} = Msg when is_map_key(ReqId, Col) ->
                    from_collection(Msg, Col, Delete)
            after T ->
                    timeout
            end
    end;
wait_response(_, _, _) ->
    erlang:error(badarg).

%% @doc Waits for the answer to a request; on timeout the request is
%% abandoned (a later answer is dropped).
-spec receive_response(ReqId, Timeout) -> Result when
      ReqId :: request_id(), Timeout :: timeout() | {abs, integer()},
      Result :: {reply, term()} | {error, {term(), server_ref()}} | timeout.
receive_response(ReqId, Timeout) when is_reference(ReqId) ->
    T = timeout_value(Timeout),
    receive
        {[alias | ReqId], Reply} ->
            erlang:demonitor(ReqId, [flush]),
            {reply, Reply};
        {'DOWN', ReqId, _, Object, Reason} ->
            {error, {Reason, Object}}
    after T ->
            erlang:demonitor(ReqId, [flush]),
            receive
                {[alias | ReqId], Reply} -> {reply, Reply}
            after 0 -> timeout
            end
    end;
receive_response(_, _) ->
    erlang:error(badarg).

-spec receive_response(Collection, Timeout, Delete) -> Result when
      Collection :: request_id_collection(),
      Timeout :: timeout() | {abs, integer()}, Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | timeout.
receive_response(Col, Timeout, Delete) when is_map(Col), is_boolean(Delete) ->
    T = timeout_value(Timeout),
    case map_size(Col) of
        0 -> no_request;
        _ ->
            receive
                {[alias | ReqId], _} = Msg when is_map_key(ReqId, Col) ->
                    from_collection(Msg, Col, Delete);
                {'DOWN', ReqId, _, _, _} = Msg when is_map_key(ReqId, Col) ->
                    from_collection(Msg, Col, Delete)
            after T ->
                    [erlang:demonitor(R, [flush]) || R <- maps:keys(Col)],
                    drop_answers(Col),
                    timeout
            end
    end;
receive_response(_, _, _) ->
    erlang:error(badarg).

drop_answers(Col) ->
    receive
        {[alias | ReqId], _} when is_map_key(ReqId, Col) -> drop_answers(Col)
    after 0 -> ok
    end.

%% @doc Whether a received message is the answer to a request.
-spec check_response(Msg, ReqId) -> Result when
      Msg :: term(), ReqId :: request_id(),
      Result :: {reply, term()} | {error, {term(), server_ref()}} | no_reply.
check_response(Msg, ReqId) when is_reference(ReqId) ->
    case Msg of
        {[alias | ReqId], Reply} ->
            erlang:demonitor(ReqId, [flush]),
            {reply, Reply};
        {'DOWN', ReqId, _, Object, Reason} ->
            {error, {Reason, Object}};
        _ ->
            no_reply
    end;
check_response(_, _) ->
    erlang:error(badarg).

-spec check_response(Msg, Collection, Delete) -> Result when
      Msg :: term(), Collection :: request_id_collection(), Delete :: boolean(),
      Result :: {term(), term(), request_id_collection()} | no_request | no_reply.
check_response(Msg, Col, Delete) when is_map(Col), is_boolean(Delete) ->
    case {map_size(Col), Msg} of
        {0, _} -> no_request;
        {_, {[alias | ReqId], _}} when is_map_key(ReqId, Col) ->
            from_collection(Msg, Col, Delete);
        {_, {'DOWN', ReqId, _, _, _}} when is_map_key(ReqId, Col) ->
            from_collection(Msg, Col, Delete);
        _ -> no_reply
    end;
check_response(_, _, _) ->
    erlang:error(badarg).

from_collection({[alias | ReqId], Reply}, Col, Delete) ->
    erlang:demonitor(ReqId, [flush]),
    labelled({reply, Reply}, ReqId, Col, Delete);
from_collection({'DOWN', ReqId, _, Object, Reason}, Col, Delete) ->
    labelled({error, {Reason, Object}}, ReqId, Col, Delete).

labelled(Resp, ReqId, Col, true) ->
    {Label, Rest} = maps:take(ReqId, Col),
    {Resp, Label, Rest};
labelled(Resp, ReqId, Col, false) ->
    {Resp, maps:get(ReqId, Col), Col}.

-spec reqids_new() -> request_id_collection().
reqids_new() -> #{}.

-spec reqids_size(Collection) -> non_neg_integer() when
      Collection :: request_id_collection().
reqids_size(Col) when is_map(Col) -> map_size(Col);
reqids_size(_) -> erlang:error(badarg).

-spec reqids_add(ReqId, Label, Collection) -> request_id_collection() when
      ReqId :: request_id(), Label :: term(), Collection :: request_id_collection().
reqids_add(ReqId, Label, Col) when is_reference(ReqId), is_map(Col) ->
    case is_map_key(ReqId, Col) of
        true -> erlang:error(badarg);
        false -> Col#{ReqId => Label}
    end;
reqids_add(_, _, _) ->
    erlang:error(badarg).

-spec reqids_to_list(Collection) -> [{request_id(), term()}] when
      Collection :: request_id_collection().
reqids_to_list(Col) when is_map(Col) -> maps:to_list(Col);
reqids_to_list(_) -> erlang:error(badarg).

%% @doc A response time-out as `receive ... after' takes it; `{abs, T}' is
%% a monotonic time in milliseconds.
-spec timeout_value(Timeout) -> timeout() when Timeout :: timeout() | {abs, integer()}.
timeout_value(infinity) ->
    infinity;
timeout_value(T) when is_integer(T), T >= 0, T =< ?MAX_TIMEOUT ->
    T;
timeout_value({abs, Abs}) when is_integer(Abs) ->
    min(?MAX_TIMEOUT, max(0, Abs - erlang:monotonic_time(millisecond)));
timeout_value(_) ->
    erlang:error(badarg).
