%% @doc The application master (ferl-internal, after OTP 25's): one
%% process per running application that has a `mod' callback. It calls
%% `Mod:start(normal, Args)', keeps the top supervisor it returns linked,
%% and on `stop' calls `prep_stop/1' (if exported), shuts the supervisor
%% down and calls `stop/1'.
%%
%% When the top supervisor ends on its own, the master logs OTP's
%% `application: A / exited: R / type: T' report, tells the controller
%% (which decides by the start type whether the node stops) and exits with
%% the same reason; being a `proc_lib' process, that gives OTP's crash
%% report of the master. A failed start ends the same way.
%%
%% OTP also makes the master the group leader of the application's
%% processes; ferl does not (see `application:get_application/0', which
%% finds the application through the processes' ancestors instead).
%% No natives.
-module(application_master).

%% Starting and stopping
-export([start/3, stop/1]).
%% The process
-export([init/4]).
%% The report of an application that ended (also used by application:stop/1)
-export([exited_report/3]).

-include_lib("kernel/include/logger.hrl").

%% ---- api -------------------------------------------------------------------

%% @doc Starts the master of application Name (callback `{Mod, Args}')
%% and waits for `Mod:start/2': `{ok, Master}' or OTP's error term.
-spec start(atom(), {module(), term()}, atom()) -> {ok, pid()} | {error, term()}.
start(Name, {Mod, Args}, Type) ->
    proc_lib:start(?MODULE, init, [self(), Name, {Mod, Args}, Type]).

%% @doc Stops the application the master runs and waits until it is down.
-spec stop(pid()) -> ok.
stop(Master) ->
    Ref = erlang:monitor(process, Master),
    Master ! {stop, self(), Ref},
    receive
        {Ref, stopped} ->
            erlang:demonitor(Ref, [flush]),
            ok;
        {'DOWN', Ref, process, Master, _} ->
            ok
    end.

%% ---- the process -----------------------------------------------------------

%% @private
-spec init(pid(), atom(), {module(), term()}, atom()) -> no_return().
init(Parent, Name, {Mod, Args}, Type) ->
    process_flag(trap_exit, true),
    put('$application_start_type', normal),
    Call = {Mod, start, [normal, Args]},
    Result = try Mod:start(normal, Args)
             catch Class:Why:Stack ->
                     {'EXIT', exit_reason(Class, Why, Stack)}
             end,
    erase('$application_start_type'),
    case Result of
        {ok, Sup} when is_pid(Sup) ->
            proc_lib:init_ack(Parent, {ok, self()}),
            loop(Name, Mod, Sup, [], Type);
        {ok, Sup, State} when is_pid(Sup) ->
            proc_lib:init_ack(Parent, {ok, self()}),
            loop(Name, Mod, Sup, State, Type);
        {error, Reason} ->
            failed(Parent, Name, Type, {Reason, Call});
        Other ->
            failed(Parent, Name, Type, {bad_return, {Call, Other}})
    end.

exit_reason(error, R, Stack) -> {R, Stack};
exit_reason(exit, R, _Stack) -> R;
exit_reason(throw, R, Stack) -> {{nocatch, R}, Stack}.

failed(Parent, Name, Type, Reason) ->
    proc_lib:init_ack(Parent, {error, Reason}),
    exited_report(Name, Reason, Type),
    exit(Reason).

loop(Name, Mod, Sup, State, Type) ->
    receive
        {stop, From, Ref} ->
            State1 = case erlang:function_exported(Mod, prep_stop, 1) of
                         true -> catch Mod:prep_stop(State);
                         false -> State
                     end,
            shutdown(Sup),
            catch Mod:stop(State1),
            From ! {Ref, stopped},
            exit(normal);
        {'EXIT', Sup, Reason} ->
            exited_report(Name, Reason, Type),
            application_controller:call({exited, Name, Reason}),
            exit(Reason);
        _ ->
            loop(Name, Mod, Sup, State, Type)
    end.

%% Shuts the top supervisor down as its own supervisor would: `shutdown',
%% then waits for it (infinity, as for a supervisor child).
shutdown(Sup) ->
    exit(Sup, shutdown),
    receive
        {'EXIT', Sup, _} -> ok
    end.

%% @private
%% OTP's report of an application that ended (logged at notice level,
%% so the default configuration shows it; its error_logger tag makes the
%% heading `INFO REPORT').
-spec exited_report(atom(), term(), atom()) -> ok.
exited_report(Name, Reason, Type) ->
    ?LOG_NOTICE(#{label => {application_controller, exit},
                  report => [{application, Name}, {exited, Reason}, {type, Type}]},
                #{domain => [otp],
                  report_cb => fun application_controller:format_log/2,
                  error_logger => #{tag => info_report, type => std_info,
                                    report_cb => fun application_controller:format_log/1}}).
