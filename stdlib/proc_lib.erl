%% @doc Starting processes that follow OTP's design principles (OTP 25's
%% `proc_lib').
%%
%% A process started here keeps two entries in its dictionary, as in OTP:
%% `'$ancestors'' (the registered names or pids of its parent, its
%% parent's parent, ...) and `'$initial_call'' (the `{M, F, Arity}' it
%% was started with, translated for the behaviours: a `gen_server' started
%% with callback module `Mod' reports `{Mod, init, 1}'). When such a
%% process ends with a reason other than `normal', `shutdown' or
%% `{shutdown, _}', a crash report is logged through logger with OTP's
%% report term (`{proc_lib, crash}', shown as `=CRASH REPORT===='), and
%% the process exits with the exit reason an ordinary process would have:
%% `{Reason, Stack}' for an error, `{{nocatch, V}, Stack}' for a throw.
%%
%% Synchronous start (`start/3..5', `start_link/3..5', `start_monitor/3..5'):
%% the new process calls `init_ack/1,2' to hand its result to the starter,
%% which waits for `{ack, Pid, Result}'. If the new process dies first the
%% starter returns `{error, Reason}'; after the time-out it kills the new
%% process and returns `{error, timeout}'.
%%
%% Natives: none of its own. `hibernate/3' cannot hibernate (ferl has no
%% `erlang:hibernate/3'): it collects garbage and calls the function, which
%% behaves the same for callers that wait in `receive' at once, as the
%% behaviours do.
-module(proc_lib).

%% spawn/1..4, spawn_link/1..4 and spawn_opt/2..5 are this module's own.
-compile({no_auto_import, [spawn/1, spawn/2, spawn/3, spawn/4,
                           spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
                           spawn_opt/2, spawn_opt/3, spawn_opt/4, spawn_opt/5]}).

%% Spawning
-export([spawn/1, spawn/2, spawn/3, spawn/4,
         spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
         spawn_opt/2, spawn_opt/3, spawn_opt/4, spawn_opt/5]).
%% Synchronous start
-export([start/3, start/4, start/5, start_link/3, start_link/4, start_link/5,
         start_monitor/3, start_monitor/4, start_monitor/5,
         init_ack/1, init_ack/2]).
%% Stopping and hibernating
-export([stop/1, stop/3, hibernate/3]).
%% Information and crash reports
-export([initial_call/1, translate_initial_call/1, format/1, format/2, format/3,
         report_cb/2]).
%% Entry points of the spawned processes (internal)
-export([init_p/3, init_p/5, wake_up/3]).

-export_type([spawn_option/0, start_spawn_option/0, dict_or_pid/0]).

-include_lib("kernel/include/logger.hrl").

-type start_spawn_option() :: link | {priority, atom()}
                            | {fullsweep_after, non_neg_integer()}
                            | {min_heap_size, non_neg_integer()}
                            | {min_bin_vheap_size, non_neg_integer()}
                            | {max_heap_size, term()}
                            | {message_queue_data, off_heap | on_heap}.
-type spawn_option() :: monitor | {monitor, list()} | start_spawn_option().
-type dict_or_pid() :: pid() | [{term(), term()}] | {dictionary, [{term(), term()}]}.

%% ---- spawning --------------------------------------------------------------

-spec spawn(Fun) -> pid() when Fun :: function().
spawn(F) when is_function(F) ->
    erlang:spawn(?MODULE, init_p, [parent_name(), ancestors(), F]).

-spec spawn(Node, Fun) -> pid() when Node :: node(), Fun :: function().
spawn(Node, F) when is_function(F) ->
    erlang:spawn(Node, ?MODULE, init_p, [parent_name(), ancestors(), F]).

-spec spawn(Module, Function, Args) -> pid() when
      Module :: module(), Function :: atom(), Args :: [term()].
spawn(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(?MODULE, init_p, [parent_name(), ancestors(), M, F, A]).

-spec spawn(Node, Module, Function, Args) -> pid() when
      Node :: node(), Module :: module(), Function :: atom(), Args :: [term()].
spawn(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(Node, ?MODULE, init_p, [parent_name(), ancestors(), M, F, A]).

-spec spawn_link(Fun) -> pid() when Fun :: function().
spawn_link(F) when is_function(F) ->
    erlang:spawn_link(?MODULE, init_p, [parent_name(), ancestors(), F]).

-spec spawn_link(Node, Fun) -> pid() when Node :: node(), Fun :: function().
spawn_link(Node, F) when is_function(F) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [parent_name(), ancestors(), F]).

-spec spawn_link(Module, Function, Args) -> pid() when
      Module :: module(), Function :: atom(), Args :: [term()].
spawn_link(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(?MODULE, init_p, [parent_name(), ancestors(), M, F, A]).

-spec spawn_link(Node, Module, Function, Args) -> pid() when
      Node :: node(), Module :: module(), Function :: atom(), Args :: [term()].
spawn_link(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [parent_name(), ancestors(), M, F, A]).

-spec spawn_opt(Fun, SpawnOpts) -> pid() | {pid(), reference()} when
      Fun :: function(), SpawnOpts :: [spawn_option()].
spawn_opt(F, Opts) when is_function(F), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [parent_name(), ancestors(), F], Opts).

-spec spawn_opt(Node, Function, SpawnOpts) -> pid() | {pid(), reference()} when
      Node :: node(), Function :: function(), SpawnOpts :: [spawn_option()].
spawn_opt(Node, F, Opts) when is_function(F), is_list(Opts) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [parent_name(), ancestors(), F], Opts).

-spec spawn_opt(Module, Function, Args, SpawnOpts) -> pid() | {pid(), reference()} when
      Module :: module(), Function :: atom(), Args :: [term()],
      SpawnOpts :: [spawn_option()].
spawn_opt(M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [parent_name(), ancestors(), M, F, A], Opts).

-spec spawn_opt(Node, Module, Function, Args, SpawnOpts) ->
          pid() | {pid(), reference()} when
      Node :: node(), Module :: module(), Function :: atom(), Args :: [term()],
      SpawnOpts :: [spawn_option()].
spawn_opt(Node, M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A), is_list(Opts) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [parent_name(), ancestors(), M, F, A], Opts).

%% The name a child records for its parent: the registered name if any.
parent_name() ->
    case erlang:process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> self()
    end.

ancestors() ->
    case get('$ancestors') of
        A when is_list(A) -> A;
        _ -> []
    end.

%% @private Entry of a process spawned with a fun.
-spec init_p(Parent, Ancestors, Fun) -> term() when
      Parent :: pid() | atom(), Ancestors :: list(), Fun :: function().
init_p(Parent, Ancestors, F) when is_function(F) ->
    put('$ancestors', [Parent | Ancestors]),
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    put('$initial_call', {M, N, A}),
    try F()
    catch Class:Reason:Stack -> exit_p(Class, Reason, Stack)
    end.

%% @private Entry of a process spawned with `{M, F, Args}'.
-spec init_p(Parent, Ancestors, Module, Function, Args) -> term() when
      Parent :: pid() | atom(), Ancestors :: list(), Module :: module(),
      Function :: atom(), Args :: [term()].
init_p(Parent, Ancestors, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', trans_init(M, F, A)),
    try apply(M, F, A)
    catch Class:Reason:Stack -> exit_p(Class, Reason, Stack)
    end.

%% The initial call a behaviour's process reports: its callback module's
%% init/1 rather than gen:init_it/6 (supervisors report {supervisor, Mod, 1}).
trans_init(gen, init_it, [gen_server, _, _, supervisor, {_, Mod, _}, _]) ->
    {supervisor, Mod, 1};
trans_init(gen, init_it, [gen_server, _, _, _, supervisor, {_, Mod, _}, _]) ->
    {supervisor, Mod, 1};
trans_init(gen, init_it, [gen_event | _]) ->
    {gen_event, init_it, 6};
trans_init(gen, init_it, [_GenMod, _, _, Mod, _, _]) when is_atom(Mod) ->
    {Mod, init, 1};
trans_init(gen, init_it, [_GenMod, _, _, _, Mod | _]) when is_atom(Mod) ->
    {Mod, init, 1};
trans_init(M, F, A) ->
    {M, F, length(A)}.

%% A process that ends by an exception: crash report (unless the reason is
%% a normal one), then the exit an unsupervised process would have had.
exit_p(Class, Reason, Stack) ->
    crash_report(Class, Reason, Stack),
    erlang:raise(exit, exit_reason(Class, Reason, Stack), Stack).

exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(exit, Reason, _Stack) -> Reason;
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

crash_report(exit, normal, _) -> ok;
crash_report(exit, shutdown, _) -> ok;
crash_report(exit, {shutdown, _}, _) -> ok;
crash_report(Class, Reason, Stack) ->
    %% The report term is OTP's ({proc_lib, crash}, [Crasher, Neighbours]),
    %% so handlers and filters written for OTP see what they expect; the
    %% text is made by report_cb/2 when a handler formats it.
    ?LOG_ERROR(#{label => {proc_lib, crash},
                 report => [crasher(Class, Reason, Stack), []]},
               #{domain => [otp, sasl],
                 report_cb => fun proc_lib:report_cb/2,
                 logger_formatter => #{title => "CRASH REPORT"},
                 error_logger => #{tag => error_report, type => crash_report}}).

crasher(Class, Reason, Stack) ->
    Items = [messages, links, dictionary, trap_exit, status, heap_size,
             stack_size, reductions],
    Info = case erlang:process_info(self(), Items) of
               L when is_list(L) -> L;
               _ -> []
           end,
    Dict = [KV || {K, _} = KV <- proplists:get_value(dictionary, Info, []),
                  K =/= '$ancestors', K =/= '$initial_call'],
    Messages = proplists:get_value(messages, Info, []),
    Name = case erlang:process_info(self(), registered_name) of
               {registered_name, N} -> N;
               _ -> []
           end,
    [{initial_call, initial_call_args(self_dict())},
     {pid, self()},
     {registered_name, Name},
     {error_info, {Class, Reason, Stack}},
     {ancestors, ancestors()},
     {message_queue_len, length(Messages)},
     {messages, Messages},
     {links, proplists:get_value(links, Info, [])},
     {dictionary, Dict},
     {trap_exit, proplists:get_value(trap_exit, Info, false)},
     {status, proplists:get_value(status, Info, running)},
     {heap_size, proplists:get_value(heap_size, Info, 0)},
     {stack_size, proplists:get_value(stack_size, Info, 0)},
     {reductions, proplists:get_value(reductions, Info, 0)}].

%% The initial call as the report carries it: arguments as placeholders.
initial_call_args(Dict) ->
    case initial_call(Dict) of
        {_, _, _} = MFA -> MFA;
        false -> {unknown, unknown, []}
    end.

self_dict() -> erlang:get().

%% ---- synchronous start -----------------------------------------------------

-spec start(Module, Function, Args) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()], Ret :: term().
start(M, F, A) -> start(M, F, A, infinity).

-spec start(Module, Function, Args, Time) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), Ret :: term().
start(M, F, A, Timeout) -> start(M, F, A, Timeout, []).

-spec start(Module, Function, Args, Time, SpawnOpts) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), SpawnOpts :: [start_spawn_option()], Ret :: term().
start(M, F, A, Timeout, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(Opts),
    {Pid, Ref} = spawn_opt(M, F, A, [monitor | Opts]),
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Ref, [flush]),
            Return;
        {'DOWN', Ref, process, Pid, Reason} ->
            {error, Reason}
    after Timeout ->
            erlang:demonitor(Ref, [flush]),
            kill_flush(Pid),
            {error, timeout}
    end.

-spec start_link(Module, Function, Args) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()], Ret :: term().
start_link(M, F, A) -> start_link(M, F, A, infinity).

-spec start_link(Module, Function, Args, Time) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), Ret :: term().
start_link(M, F, A, Timeout) -> start_link(M, F, A, Timeout, []).

%% If the new process dies before its ack, the link kills the caller too
%% unless it traps exits; a trapping caller gets {error, Reason}.
-spec start_link(Module, Function, Args, Time, SpawnOpts) -> Ret when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), SpawnOpts :: [start_spawn_option()], Ret :: term().
start_link(M, F, A, Timeout, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(Opts),
    Pid = spawn_opt(M, F, A, [link | Opts]),
    receive
        {ack, Pid, Return} ->
            Return;
        {'EXIT', Pid, Reason} ->
            {error, Reason}
    after Timeout ->
            kill_flush(Pid),
            {error, timeout}
    end.

-spec start_monitor(Module, Function, Args) -> {Ret, Mon} when
      Module :: module(), Function :: atom(), Args :: [term()],
      Ret :: term(), Mon :: reference().
start_monitor(M, F, A) -> start_monitor(M, F, A, infinity).

-spec start_monitor(Module, Function, Args, Time) -> {Ret, Mon} when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), Ret :: term(), Mon :: reference().
start_monitor(M, F, A, Timeout) -> start_monitor(M, F, A, Timeout, []).

%% The monitor stays: a 'DOWN' that ended the wait is put back in the
%% mailbox for the caller to see.
-spec start_monitor(Module, Function, Args, Time, SpawnOpts) -> {Ret, Mon} when
      Module :: module(), Function :: atom(), Args :: [term()],
      Time :: timeout(), SpawnOpts :: [start_spawn_option()],
      Ret :: term(), Mon :: reference().
start_monitor(M, F, A, Timeout, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    check_opts(Opts),
    {Pid, Ref} = spawn_opt(M, F, A, [monitor | Opts]),
    receive
        {ack, Pid, Return} ->
            {Return, Ref};
        {'DOWN', Ref, process, Pid, Reason} = Down ->
            self() ! Down,
            {{error, Reason}, Ref}
    after Timeout ->
            kill_flush(Pid),
            {{error, timeout}, Ref}
    end.

%% link and monitor are the start function's to choose.
check_opts(Opts) ->
    case lists:member(monitor, Opts) orelse lists:keymember(monitor, 1, Opts)
        orelse lists:member(link, Opts) of
        true -> erlang:error(badarg);
        false -> ok
    end.

kill_flush(Pid) ->
    unlink(Pid),
    exit(Pid, kill),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
    ok.

-spec init_ack(Ret) -> ok when Ret :: term().
init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).

-spec init_ack(Parent, Ret) -> ok when Parent :: pid() | atom(), Ret :: term().
init_ack(Parent, Return) ->
    Parent ! {ack, self(), Return},
    ok.

%% ---- stopping and hibernating ----------------------------------------------

-spec stop(Process) -> ok when Process :: pid() | atom() | tuple().
stop(Process) -> stop(Process, normal, infinity).

%% The process is asked to terminate through the system message protocol
%% (sys:terminate/3), then watched until it is gone: ok if it exited with
%% Reason, else the caller exits with the reason it had (noproc if there
%% was no such process, timeout after Timeout in all).
-spec stop(Process, Reason, Timeout) -> ok when
      Process :: pid() | atom() | tuple(), Reason :: term(), Timeout :: timeout().
stop(Process, Reason, Timeout) ->
    MRef = erlang:monitor(process, Process),
    T0 = erlang:monotonic_time(millisecond),
    Remaining =
        try sys:terminate(Process, Reason, Timeout) of
            ok when Timeout =:= infinity -> infinity;
            ok -> max(0, Timeout - (erlang:monotonic_time(millisecond) - T0))
        catch
            exit:{noproc, {sys, terminate, _}} ->
                erlang:demonitor(MRef, [flush]),
                exit(noproc);
            exit:{timeout, {sys, terminate, _}} ->
                erlang:demonitor(MRef, [flush]),
                exit(timeout);
            exit:Other ->
                erlang:demonitor(MRef, [flush]),
                exit(Other)
        end,
    receive
        {'DOWN', MRef, _, _, Reason} -> ok;
        {'DOWN', MRef, _, _, Reason2} -> exit(Reason2)
    after Remaining ->
            erlang:demonitor(MRef, [flush]),
            exit(timeout)
    end.

%% @doc Would hibernate the process, then call `apply(M, F, A)' at the next
%% message. Without `erlang:hibernate/3' in ferl, the call happens at once
%% (after a garbage collection): the same for callers that begin with
%% `receive', as the behaviours do. It is a tail call, so that a server
%% that hibernates again and again does not grow its stack; the catch of
%% the process entry (init_p) still sees its exceptions. Unlike OTP, a
%% return of `M:F(A)' returns to the caller of hibernate/3.
-spec hibernate(Module, Function, Args) -> no_return() when
      Module :: module(), Function :: atom(), Args :: [term()].
hibernate(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:hibernate(?MODULE, wake_up, [M, F, A]).

%% @private Where a hibernated process resumes (kept for OTP's layout).
-spec wake_up(Module, Function, Args) -> term() when
      Module :: module(), Function :: atom(), Args :: [term()].
wake_up(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    try apply(M, F, A)
    catch Class:Reason:Stack -> exit_p(Class, Reason, Stack)
    end.

%% ---- information -----------------------------------------------------------

%% @doc `{M, F, Args}' with placeholder atoms as arguments
%% (`'Argument__1'', ...), or false if the process was not started here.
-spec initial_call(Process) -> {Module, Function, Args} | false when
      Process :: dict_or_pid(), Module :: module(), Function :: atom(),
      Args :: [atom()].
initial_call(DictOrPid) ->
    case raw_initial_call(DictOrPid) of
        {M, F, A} ->
            {M, F, [list_to_atom("Argument__" ++ integer_to_list(I))
                    || I <- lists:seq(1, A)]};
        false ->
            false
    end.

-spec translate_initial_call(Process) -> {Module, Function, Arity} when
      Process :: dict_or_pid(), Module :: module(), Function :: atom(),
      Arity :: byte().
translate_initial_call(DictOrPid) ->
    case raw_initial_call(DictOrPid) of
        {_, _, _} = MFA -> MFA;
        false -> {?MODULE, init_p, 5}
    end.

raw_initial_call({X, Y, Z}) when is_integer(X), is_integer(Y), is_integer(Z) ->
    raw_initial_call(c_pid(X, Y, Z));
raw_initial_call({dictionary, Dict}) ->
    raw_init_call(Dict);
raw_initial_call(Dict) when is_list(Dict) ->
    raw_init_call(Dict);
raw_initial_call(Pid) when is_pid(Pid) ->
    case erlang:process_info(Pid, dictionary) of
        {dictionary, Dict} -> raw_init_call(Dict);
        _ -> false
    end;
raw_initial_call(_) ->
    false.

raw_init_call(Dict) ->
    case lists:keyfind('$initial_call', 1, Dict) of
        {_, {_, _, _} = MFA} -> MFA;
        _ -> false
    end.

c_pid(X, Y, Z) ->
    list_to_pid("<" ++ integer_to_list(X) ++ "." ++ integer_to_list(Y) ++ "."
                ++ integer_to_list(Z) ++ ">").

%% ---- formatting crash reports ----------------------------------------------

%% @doc The text of a crash report given as `[Crasher, Neighbours]' (the
%% term OTP's crash reports carry). ferl's own reports are printed as they
%% happen; this is kept for callers that format such terms themselves.
-spec format(CrashReport) -> string() when CrashReport :: [term()].
format(CrashReport) -> format(CrashReport, latin1).

-spec format(CrashReport, Encoding) -> string() when
      CrashReport :: [term()], Encoding :: latin1 | unicode | utf8.
format(CrashReport, Encoding) -> format(CrashReport, Encoding, unlimited).

-spec format(CrashReport, Encoding, Depth) -> string() when
      CrashReport :: [term()], Encoding :: latin1 | unicode | utf8,
      Depth :: unlimited | pos_integer().
format([Crasher, Neighbours], _Encoding, _Depth) when is_list(Crasher) ->
    lists:flatten(["  crasher:\n", [crasher_line(I) || I <- Crasher],
                   "  neighbours:\n",
                   [["    neighbour:\n", [crasher_line(I) || I <- N]] || N <- Neighbours]]).

%% @doc The report callback of crash reports: `logger_formatter' calls it
%% with its depth, chars_limit and single_line options (not applied).
-spec report_cb(Report, FormatOpts) -> unicode:chardata() when
      Report :: map(), FormatOpts :: map().
report_cb(#{label := {proc_lib, crash}, report := [Crasher, Neighbours]}, _Opts) ->
    format([Crasher, Neighbours]).

crasher_line({initial_call, {M, F, Args}}) ->
    Arity = if is_list(Args) -> length(Args); true -> Args end,
    io_lib:format("    initial call: ~tw:~tw/~w~n", [M, F, Arity]);
crasher_line({error_info, {Class, Reason, Stack}}) ->
    ferl_report:format_exception("    ", Class, Reason, Stack);
crasher_line({K, V}) ->
    io_lib:format("    ~tw: ~tp~n", [K, V]);
crasher_line(V) ->
    io_lib:format("    ~tp~n", [V]).
