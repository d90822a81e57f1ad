%% @doc The supervisor behaviour (OTP 25's `supervisor').
%%
%% A supervisor is a gen_server (this module is its callback module) that
%% traps exits, starts its children from child specifications, and restarts
%% them when they exit, according to its strategy:
%%
%% <ul>
%% <li>`one_for_one': only the child that exited is restarted;</li>
%% <li>`one_for_all': all children are terminated and restarted;</li>
%% <li>`rest_for_one': the child and those started after it are;</li>
%% <li>`simple_one_for_one': one specification, children added with
%%     start_child/2 (its list appended to the start arguments), all
%%     alike.</li>
%% </ul>
%%
%% Restart types: `permanent' children are always restarted, `transient'
%% ones only after an abnormal exit (not `normal', `shutdown' or
%% `{shutdown, _}'), `temporary' ones never (and they are forgotten when
%% they end). More than `intensity' restarts within `period' seconds make
%% the supervisor terminate all its children and exit with `shutdown'. A
%% restart that fails to start the child is retried later by a cast to
%% itself (so requests can come in between), and counts as a restart.
%%
%% Children are kept newest first: which_children/1 lists them in that
%% order, they are terminated in that order, and (re)started in the
%% reverse one. A child is stopped with `exit(Child, shutdown)' and given
%% its `shutdown' time before `exit(Child, kill)'; `brutal_kill' kills it
%% at once. simple_one_for_one children are stopped all at once.
%%
%% Reports: `=SUPERVISOR REPORT====' for a child that terminated
%% abnormally, failed to start or to shut down, and when the restart
%% intensity is reached, logged through logger with OTP's report terms
%% (`#{label => {supervisor, Context}, report => [...]}', domain
%% `[otp, sasl]', text by format_log/1,2). Progress reports are not
%% logged yet; OTP 25's default primary level does not show them anyway.
%%
%% Natives: none.
-module(supervisor).
-behaviour(gen_server).

%% Starting a supervisor
-export([start_link/2, start_link/3]).
%% Managing children
-export([start_child/2, restart_child/2, delete_child/2, terminate_child/2,
         which_children/1, count_children/1, get_childspec/2,
         get_callback_module/1]).
%% Checking specifications
-export([check_childspecs/1, check_childspecs/2]).
%% gen_server callbacks
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         code_change/3, format_status/2]).
%% Report callbacks (the text of the reports logged through logger)
-export([format_log/1, format_log/2]).

-include_lib("kernel/include/logger.hrl").

-export_type([auto_shutdown/0, child_spec/0, child_id/0, mfargs/0, modules/0,
              restart/0, shutdown/0, significant/0, strategy/0, sup_flags/0,
              sup_name/0, sup_ref/0, worker/0, startchild_ret/0,
              startlink_ret/0, startchild_err/0, startlink_err/0]).

-type auto_shutdown() :: never | any_significant | all_significant.
-type child() :: undefined | pid().
-type child_id() :: term().
-type mfargs() :: {M :: module(), F :: atom(), A :: [term()] | undefined}.
-type modules() :: [module()] | dynamic.
-type restart() :: permanent | transient | temporary.
-type significant() :: boolean().
-type shutdown() :: brutal_kill | timeout().
-type worker() :: worker | supervisor.
-type strategy() :: one_for_all | one_for_one | rest_for_one | simple_one_for_one.
-type sup_name() :: {local, atom()} | {global, term()} | {via, module(), term()}.
-type sup_ref() :: pid() | atom() | {atom(), node()} | {global, term()}
                 | {via, module(), term()}.
-type child_spec() :: #{id := child_id(), start := mfargs(), restart => restart(),
                        significant => significant(), shutdown => shutdown(),
                        type => worker(), modules => modules()}
                    | {Id :: child_id(), StartFunc :: mfargs(), Restart :: restart(),
                       Shutdown :: shutdown(), Type :: worker(), Modules :: modules()}.
-type sup_flags() :: #{strategy => strategy(), intensity => non_neg_integer(),
                       period => pos_integer(), auto_shutdown => auto_shutdown()}
                   | {RestartStrategy :: strategy(), Intensity :: non_neg_integer(),
                      Period :: pos_integer()}.
-type startchild_err() :: already_present | {already_started, child()} | term().
-type startchild_ret() :: {ok, child()} | {ok, child(), term()}
                        | {error, startchild_err()}.
-type startlink_err() :: {already_started, pid()} | {shutdown, term()} | term().
-type startlink_ret() :: {ok, pid()} | ignore | {error, startlink_err()}.

%% ---- the callback ----------------------------------------------------------

-callback init(Args :: term()) ->
    {ok, {SupFlags :: sup_flags(), [ChildSpec :: child_spec()]}} | ignore.

%% ---- state -----------------------------------------------------------------

%% One child. pid is undefined when the child is not running, and
%% {restarting, OldPid} while a failed restart waits to be tried again.
-record(child, {
          pid = undefined :: undefined | pid() | {restarting, pid() | undefined},
          id :: child_id(),
          mfargs :: mfargs(),
          restart_type :: restart(),
          significant :: significant(),
          shutdown :: shutdown(),
          child_type :: worker(),
          modules :: modules()
         }).

-record(state, {
          %% As given to start_link, or {self(), Module} when anonymous.
          name :: sup_name() | {pid(), module()},
          strategy :: strategy(),
          %% Static children, newest first; for simple_one_for_one the one spec.
          children = [] :: [#child{}],
          %% simple_one_for_one: each running child's extra start arguments,
          %% by pid, or by {restarting, OldPid} while its restart is retried.
          dynamics = #{} :: #{pid() | {restarting, pid()} => [term()]},
          intensity :: non_neg_integer(),
          period :: pos_integer(),
          %% Times (monotonic seconds) of the recent restarts, newest first.
          restarts = [] :: [integer()],
          auto_shutdown = never :: auto_shutdown(),
          module :: module(),
          args :: term()
         }).

-define(DEFAULT_FLAGS, #{strategy => one_for_one, intensity => 1, period => 5,
                         auto_shutdown => never}).

%% ---- API -------------------------------------------------------------------

-spec start_link(Module, Args) -> startlink_ret() when
      Module :: module(), Args :: term().
start_link(Mod, Args) ->
    gen_server:start_link(?MODULE, {self, Mod, Args}, []).

-spec start_link(SupName, Module, Args) -> startlink_ret() when
      SupName :: sup_name(), Module :: module(), Args :: term().
start_link(SupName, Mod, Args) ->
    gen_server:start_link(SupName, ?MODULE, {SupName, Mod, Args}, []).

%% @doc Adds a child (a spec, or for simple_one_for_one the extra start
%% arguments) and starts it.
-spec start_child(SupRef, ChildSpec) -> startchild_ret() when
      SupRef :: sup_ref(), ChildSpec :: child_spec() | (List :: [term()]).
start_child(Sup, ChildSpec) ->
    call(Sup, {start_child, ChildSpec}).

-spec restart_child(SupRef, Id) -> Result when
      SupRef :: sup_ref(), Id :: child_id(),
      Result :: {ok, child()} | {ok, child(), term()} | {error, Error},
      Error :: running | restarting | not_found | simple_one_for_one | term().
restart_child(Sup, Id) ->
    call(Sup, {restart_child, Id}).

-spec delete_child(SupRef, Id) -> Result when
      SupRef :: sup_ref(), Id :: child_id(), Result :: ok | {error, Error},
      Error :: running | restarting | not_found | simple_one_for_one.
delete_child(Sup, Id) ->
    call(Sup, {delete_child, Id}).

-spec terminate_child(SupRef, Id) -> Result when
      SupRef :: sup_ref(), Id :: pid() | child_id(), Result :: ok | {error, Error},
      Error :: not_found | simple_one_for_one.
terminate_child(Sup, Id) ->
    call(Sup, {terminate_child, Id}).

-spec get_childspec(SupRef, Id) -> Result when
      SupRef :: sup_ref(), Id :: pid() | child_id(),
      Result :: {ok, child_spec()} | {error, Error}, Error :: not_found.
get_childspec(Sup, Id) ->
    call(Sup, {get_childspec, Id}).

-spec which_children(SupRef) -> [{Id, Child, Type, Modules}] when
      SupRef :: sup_ref(), Id :: child_id() | undefined,
      Child :: child() | restarting, Type :: worker(), Modules :: modules().
which_children(Sup) ->
    call(Sup, which_children).

-spec count_children(SupRef) -> PropListOfCounts when
      SupRef :: sup_ref(), PropListOfCounts :: [Count],
      Count :: {specs, non_neg_integer()} | {active, non_neg_integer()}
             | {supervisors, non_neg_integer()} | {workers, non_neg_integer()}.
count_children(Sup) ->
    call(Sup, count_children).

-spec get_callback_module(Pid) -> Module when Pid :: pid(), Module :: atom().
get_callback_module(Pid) ->
    call(Pid, get_callback_module).

call(Sup, Req) ->
    gen_server:call(Sup, Req, infinity).

%% @doc ok if every spec is well formed (and no id repeats), else the first
%% problem found.
-spec check_childspecs(ChildSpecs) -> Result when
      ChildSpecs :: [child_spec()], Result :: ok | {error, Error :: term()}.
check_childspecs(ChildSpecs) ->
    check_childspecs(ChildSpecs, undefined).

-spec check_childspecs(ChildSpecs, AutoShutdown) -> Result when
      ChildSpecs :: [child_spec()], AutoShutdown :: undefined | auto_shutdown(),
      Result :: ok | {error, Error :: term()}.
%% Without an AutoShutdown (undefined), significant children are not
%% checked against it.
check_childspecs(ChildSpecs, AutoShutdown) when is_list(ChildSpecs) ->
    case check_specs(ChildSpecs, AutoShutdown) of
        {ok, _} -> ok;
        Error -> {error, Error}
    end;
check_childspecs(X, _AutoShutdown) ->
    {error, {badarg, X}}.

%% ---- gen_server callbacks: starting ----------------------------------------

%% @private
-spec init({SupName, Module, Args}) ->
          {ok, #state{}} | ignore | {stop, term()} when
      SupName :: sup_name() | self, Module :: module(), Args :: term().
init({SupName, Mod, Args}) ->
    process_flag(trap_exit, true),
    case Mod:init(Args) of
        {ok, {Flags, Specs}} ->
            case flags(Flags) of
                {ok, F} ->
                    State = #state{name = sup_name(SupName, Mod), module = Mod,
                                   args = Args,
                                   strategy = maps:get(strategy, F),
                                   intensity = maps:get(intensity, F),
                                   period = maps:get(period, F),
                                   auto_shutdown = maps:get(auto_shutdown, F)},
                    init_children(State, Specs);
                {error, Error} ->
                    {stop, {supervisor_data, Error}}
            end;
        ignore ->
            ignore;
        Other ->
            {stop, {bad_return, {Mod, init, Other}}}
    end.

sup_name(self, Mod) -> {self(), Mod};
sup_name(Name, _Mod) -> Name.

flags(Flags) when is_map(Flags) ->
    F = maps:merge(?DEFAULT_FLAGS, Flags),
    #{strategy := S, intensity := I, period := P, auto_shutdown := A} = F,
    if
        not (S =:= one_for_one orelse S =:= one_for_all orelse S =:= rest_for_one
             orelse S =:= simple_one_for_one) ->
            {error, {invalid_strategy, S}};
        not (is_integer(I) andalso I >= 0) -> {error, {invalid_intensity, I}};
        not (is_integer(P) andalso P > 0) -> {error, {invalid_period, P}};
        not (A =:= never orelse A =:= any_significant orelse A =:= all_significant) ->
            {error, {invalid_auto_shutdown, A}};
        true -> {ok, F}
    end;
flags({Strategy, Intensity, Period}) ->
    flags(#{strategy => Strategy, intensity => Intensity, period => Period,
            auto_shutdown => never});
flags(Other) ->
    {error, {invalid_type, Other}}.

init_children(#state{strategy = simple_one_for_one} = State, Specs) ->
    case Specs of
        [Spec] ->
            case check_specs([Spec], State#state.auto_shutdown) of
                {ok, Children} -> {ok, State#state{children = Children}};
                Error -> {stop, {start_spec, Error}}
            end;
        _ ->
            {stop, {bad_start_spec, Specs}}
    end;
init_children(State, Specs) ->
    case check_specs(Specs, State#state.auto_shutdown) of
        {ok, Children} ->
            %% Started oldest first; each start puts the child in front.
            case start_all(lists:reverse(Children), [], State#state.name) of
                {ok, Started} ->
                    {ok, State#state{children = Started}};
                {error, Started, Reason} ->
                    terminate_all(Started, State#state.name),
                    {stop, {shutdown, Reason}}
            end;
        Error ->
            {stop, {start_spec, Error}}
    end.

%% Starts children (oldest first), pushing each onto Done; stops at the
%% first failure, with the children not reached kept unstarted.
start_all([], Done, _SupName) ->
    {ok, Done};
start_all([Child | Rest], Done, SupName) ->
    case start_one(Child) of
        {ok, undefined} when Child#child.restart_type =:= temporary ->
            start_all(Rest, Done, SupName);
        {ok, Pid} ->
            start_all(Rest, [Child#child{pid = Pid} | Done], SupName);
        {ok, Pid, _Extra} ->
            start_all(Rest, [Child#child{pid = Pid} | Done], SupName);
        {error, Reason} ->
            report(start_error, Reason, Child, SupName),
            NotStarted = lists:reverse([C || C <- Rest, C#child.restart_type =/= temporary]),
            Remaining = case Child#child.restart_type of
                            temporary -> NotStarted ++ Done;
                            _ -> NotStarted ++ [Child#child{pid = undefined} | Done]
                        end,
            {error, Remaining, {failed_to_start_child, Child#child.id, Reason}}
    end.

%% Calls the start function. A thrown value or crash counts as its result
%% (as OTP's catch does).
start_one(#child{mfargs = {M, F, A}}) ->
    start_mfa(M, F, A).

start_mfa(M, F, A) ->
    case catch apply(M, F, A) of
        {ok, Pid} when is_pid(Pid) -> {ok, Pid};
        {ok, Pid, Extra} when is_pid(Pid) -> {ok, Pid, Extra};
        ignore -> {ok, undefined};
        {error, Error} -> {error, Error};
        What -> {error, What}
    end.

%% ---- gen_server callbacks: requests ----------------------------------------

%% @private
-spec handle_call(Request :: term(), From :: gen_server:from(), #state{}) ->
          {reply, term(), #state{}}.
handle_call({start_child, Extra}, _From, #state{strategy = simple_one_for_one} = State) ->
    [#child{mfargs = {M, F, A}} = Child] = State#state.children,
    Args = A ++ Extra,
    case start_mfa(M, F, Args) of
        {ok, undefined} ->
            {reply, {ok, undefined}, State};
        {ok, Pid} ->
            {reply, {ok, Pid}, add_dynamic(Pid, Extra, Child, State)};
        {ok, Pid, Info} ->
            {reply, {ok, Pid, Info}, add_dynamic(Pid, Extra, Child, State)};
        {error, _} = Error ->
            {reply, Error, State}
    end;
handle_call({start_child, Spec}, _From, State) ->
    case check_spec(Spec, State#state.auto_shutdown) of
        {ok, Child} ->
            {Reply, NState} = start_new_child(Child, State),
            {reply, Reply, NState};
        Error ->
            {reply, {error, Error}, State}
    end;
handle_call({terminate_child, Id}, _From, #state{strategy = simple_one_for_one} = State)
  when not is_pid(Id) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({terminate_child, Pid}, _From, #state{strategy = simple_one_for_one} = State) ->
    [Child] = State#state.children,
    case find_dynamic(Pid, State) of
        {ok, Key} ->
            stop_child(Child#child{pid = Key}, State#state.name),
            {reply, ok, State#state{dynamics = maps:remove(Key, State#state.dynamics)}};
        gone ->
            {reply, ok, State};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({terminate_child, IdOrPid}, _From, State) ->
    case find(IdOrPid, State) of
        {ok, Child} ->
            stop_child(Child, State#state.name),
            {reply, ok, child_gone(Child, State)};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({restart_child, _Id}, _From, #state{strategy = simple_one_for_one} = State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({restart_child, Id}, _From, State) ->
    case find(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            case start_one(Child) of
                {ok, Pid} ->
                    {reply, {ok, Pid}, replace(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {reply, {ok, Pid, Extra}, replace(Child#child{pid = Pid}, State)};
                {error, _} = Error ->
                    {reply, Error, State}
            end;
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _Running} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({delete_child, _Id}, _From, #state{strategy = simple_one_for_one} = State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({delete_child, Id}, _From, State) ->
    case find(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            {reply, ok, remove(Child, State)};
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _Running} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;
handle_call({get_childspec, Id}, _From, #state{strategy = simple_one_for_one} = State) ->
    [Child] = State#state.children,
    case is_pid(Id) andalso find_dynamic(Id, State) =/= error of
        true -> {reply, {ok, to_spec(Child)}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call({get_childspec, Id}, _From, State) ->
    case find(Id, State) of
        {ok, Child} -> {reply, {ok, to_spec(Child)}, State};
        error -> {reply, {error, not_found}, State}
    end;
handle_call(which_children, _From, #state{strategy = simple_one_for_one} = State) ->
    [#child{child_type = Type, modules = Mods}] = State#state.children,
    Reply = [case Key of
                 {restarting, _} -> {undefined, restarting, Type, Mods};
                 Pid -> {undefined, Pid, Type, Mods}
             end || Key <- maps:keys(State#state.dynamics)],
    {reply, Reply, State};
handle_call(which_children, _From, State) ->
    Reply = [{Id, shown_pid(Pid), Type, Mods}
             || #child{id = Id, pid = Pid, child_type = Type, modules = Mods}
                    <- State#state.children],
    {reply, Reply, State};
handle_call(count_children, _From, #state{strategy = simple_one_for_one} = State) ->
    [#child{child_type = Type}] = State#state.children,
    N = map_size(State#state.dynamics),
    Active = length([P || P <- maps:keys(State#state.dynamics), is_pid(P)]),
    {Sups, Workers} = case Type of
                          supervisor -> {N, 0};
                          worker -> {0, N}
                      end,
    {reply, [{specs, 1}, {active, Active}, {supervisors, Sups}, {workers, Workers}], State};
handle_call(count_children, _From, State) ->
    Children = State#state.children,
    Active = length([C || #child{pid = P} = C <- Children, is_pid(P)]),
    Sups = length([C || #child{child_type = supervisor} = C <- Children]),
    {reply, [{specs, length(Children)}, {active, Active}, {supervisors, Sups},
             {workers, length(Children) - Sups}], State};
handle_call(get_callback_module, _From, State) ->
    {reply, State#state.module, State}.

shown_pid({restarting, _}) -> restarting;
shown_pid(Pid) -> Pid.

start_new_child(#child{id = Id} = Child, State) ->
    case find_by_id(Id, State#state.children) of
        {ok, #child{pid = undefined}} ->
            {{error, already_present}, State};
        {ok, #child{pid = Pid}} ->
            {{error, {already_started, Pid}}, State};
        error ->
            case start_one(Child) of
                {ok, undefined} when Child#child.restart_type =:= temporary ->
                    {{ok, undefined}, State};
                {ok, Pid} ->
                    {{ok, Pid}, add(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {{ok, Pid, Extra}, add(Child#child{pid = Pid}, State)};
                {error, What} ->
                    %% As OTP 25: the reason comes with the child record.
                    {{error, {What, Child}}, State}
            end
    end.

%% ---- gen_server callbacks: exits and retries -------------------------------

%% @private
-spec handle_cast(Request :: term(), #state{}) ->
          {noreply, #state{}} | {stop, shutdown, #state{}}.
handle_cast({try_again_restart, Key}, #state{strategy = simple_one_for_one} = State) ->
    case State#state.dynamics of
        #{Key := _} ->
            [Child] = State#state.children,
            restarted(restart(Child#child{pid = Key}, State));
        _ ->
            {noreply, State}
    end;
handle_cast({try_again_restart, Id}, State) ->
    case find_by_id(Id, State#state.children) of
        {ok, #child{pid = {restarting, _}} = Child} ->
            restarted(restart(Child, State));
        _ ->
            {noreply, State}
    end.

%% @private
-spec handle_info(Info :: term(), #state{}) ->
          {noreply, #state{}} | {stop, shutdown, #state{}}.
handle_info({'EXIT', Pid, Reason}, State) ->
    restarted(child_exited(Pid, Reason, State));
handle_info(Msg, State) ->
    ?LOG_ERROR("Supervisor received unexpected message: ~tp~n", [Msg],
               #{domain => [otp], error_logger => #{tag => error}}),
    {noreply, State}.

restarted({ok, State}) -> {noreply, State};
restarted({shutdown, State}) -> {stop, shutdown, State}.

%% A linked process exited: if it is a child, restart or forget it.
child_exited(Pid, Reason, #state{strategy = simple_one_for_one} = State) ->
    case maps:is_key(Pid, State#state.dynamics) of
        true ->
            [Child] = State#state.children,
            after_exit(Reason, Child#child{pid = Pid}, State);
        false ->
            {ok, State}
    end;
child_exited(Pid, Reason, State) ->
    case lists:keyfind(Pid, #child.pid, State#state.children) of
        #child{} = Child -> after_exit(Reason, Child, State);
        false -> {ok, State}
    end.

after_exit(Reason, #child{restart_type = permanent} = Child, State) ->
    report(child_terminated, Reason, Child, State#state.name),
    restart(Child, State);
after_exit(Reason, Child, State) ->
    Normal = is_normal(Reason),
    case {Child#child.restart_type, Normal} of
        {transient, false} ->
            report(child_terminated, Reason, Child, State#state.name),
            restart(Child, State);
        {_, true} ->
            significant_ended(Child, child_gone(Child, State));
        {temporary, false} ->
            report(child_terminated, Reason, Child, State#state.name),
            significant_ended(Child, child_gone(Child, State))
    end.

is_normal(normal) -> true;
is_normal(shutdown) -> true;
is_normal({shutdown, _}) -> true;
is_normal(_) -> false.

%% auto_shutdown: a significant child that ended for good may end the
%% supervisor too.
significant_ended(#child{significant = true}, #state{auto_shutdown = any_significant} = S) ->
    {shutdown, S};
significant_ended(#child{significant = true}, #state{auto_shutdown = all_significant} = S) ->
    Alive = [C || #child{significant = true, pid = P} = C <- S#state.children, is_pid(P)],
    Dynamic = case S#state.strategy of
                  simple_one_for_one ->
                      [#child{significant = Sig}] = S#state.children,
                      Sig andalso map_size(S#state.dynamics) > 0;
                  _ -> false
              end,
    case Alive =:= [] andalso not Dynamic of
        true -> {shutdown, S};
        false -> {ok, S}
    end;
significant_ended(_Child, State) ->
    {ok, State}.

%% Counts the restart against the intensity, then restarts by strategy.
restart(Child, State) ->
    Now = erlang:monotonic_time(second),
    Recent = [Now | lists:takewhile(fun(T) -> T >= Now - State#state.period end,
                                    State#state.restarts)],
    State1 = State#state{restarts = Recent},
    case length(Recent) > State#state.intensity of
        true ->
            report(shutdown, reached_max_restart_intensity, Child, State#state.name),
            {shutdown, remove_failed(Child, State1)};
        false ->
            {ok, restart(State#state.strategy, Child, State1)}
    end.

%% The child whose exit ended the supervisor is gone already.
remove_failed(Child, #state{strategy = simple_one_for_one} = State) ->
    State#state{dynamics = maps:remove(Child#child.pid, State#state.dynamics)};
remove_failed(Child, State) ->
    replace(Child#child{pid = undefined}, State).

restart(simple_one_for_one, #child{pid = Key, mfargs = {M, F, A}} = Child, State) ->
    Extra = maps:get(Key, State#state.dynamics),
    Dyn = maps:remove(Key, State#state.dynamics),
    case start_mfa(M, F, A ++ Extra) of
        {ok, undefined} ->
            State#state{dynamics = Dyn};
        {ok, Pid} ->
            State#state{dynamics = Dyn#{Pid => Extra}};
        {ok, Pid, _Info} ->
            State#state{dynamics = Dyn#{Pid => Extra}};
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            Restarting = restarting(Key),
            try_again(Restarting),
            State#state{dynamics = Dyn#{Restarting => Extra}}
    end;
restart(one_for_one, Child, State) ->
    case start_one(Child) of
        {ok, Pid} when is_pid(Pid) ->
            replace(Child#child{pid = Pid}, State);
        {ok, Pid, _Info} ->
            replace(Child#child{pid = Pid}, State);
        {ok, undefined} ->
            replace(Child#child{pid = undefined}, State);
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            try_again(Child#child.id),
            replace(Child#child{pid = restarting(Child#child.pid)}, State)
    end;
restart(one_for_all, Child, State) ->
    Group = stop_group(State#state.children, Child, State#state.name),
    restart_group(Child, Group, [], State);
restart(rest_for_one, Child, State) ->
    %% Newest first: the children before Child in the list started after it.
    {After, [Failed | Before]} =
        lists:splitwith(fun(C) -> C#child.id =/= Child#child.id end, State#state.children),
    Group = stop_group(After ++ [Failed], Child, State#state.name),
    restart_group(Child, Group, Before, State).

%% Stops the running children of a group (newest first), except Failed
%% which has exited already; the temporary ones are dropped.
stop_group(Children, #child{id = FailedId}, SupName) ->
    [C#child{pid = undefined}
     || C <- Children,
        C#child.id =:= FailedId orelse stop_child(C, SupName),
        C#child.id =:= FailedId orelse C#child.restart_type =/= temporary].

%% Restarts a group of stopped children (newest first; Keep are the ones
%% left running, older than the group), oldest first. If one fails, it is
%% marked restarting and retried later, and the rest stay stopped.
restart_group(Failed, Group, Keep, State) ->
    case start_all(lists:reverse(Group), Keep, State#state.name) of
        {ok, Started} ->
            State#state{children = Started};
        {error, Children, {failed_to_start_child, Id, _Reason}} ->
            try_again(Id),
            Old = case Id =:= Failed#child.id of
                      true -> Failed#child.pid;
                      false -> undefined
                  end,
            State#state{children = mark_restarting(Id, Old, Children)}
    end.

mark_restarting(Id, Old, Children) ->
    [case C#child.id of
         Id -> C#child{pid = restarting(Old)};
         _ -> C
     end || C <- Children].

restarting({restarting, _} = R) -> R;
restarting(Pid) -> {restarting, Pid}.

try_again(Key) ->
    gen_server:cast(self(), {try_again_restart, Key}).

%% ---- gen_server callbacks: ending ------------------------------------------

%% @private
-spec terminate(Reason :: term(), #state{}) -> ok.
terminate(_Reason, #state{strategy = simple_one_for_one} = State) ->
    stop_dynamics(State),
    ok;
terminate(_Reason, State) ->
    terminate_all(State#state.children, State#state.name),
    ok.

%% @private Reads the specification again (release handling): new flags,
%% and new specs for the children already known.
-spec code_change(OldVsn :: term(), #state{}, Extra :: term()) ->
          {ok, #state{}} | {error, term()}.
code_change(_OldVsn, State, _Extra) ->
    case (State#state.module):init(State#state.args) of
        {ok, {Flags, Specs}} ->
            case flags(Flags) of
                {ok, F} ->
                    State1 = State#state{strategy = maps:get(strategy, F),
                                         intensity = maps:get(intensity, F),
                                         period = maps:get(period, F),
                                         auto_shutdown = maps:get(auto_shutdown, F)},
                    case check_specs(Specs, State1#state.auto_shutdown) of
                        {ok, New} -> {ok, update_specs(New, State1)};
                        Error -> {error, Error}
                    end;
                {error, Error} ->
                    {error, Error}
            end;
        ignore ->
            {ok, State};
        Error ->
            Error
    end.

update_specs(New, #state{strategy = simple_one_for_one} = State) ->
    State#state{children = New};
update_specs(New, State) ->
    Children = [case find_by_id(C#child.id, New) of
                    {ok, N} -> N#child{pid = C#child.pid};
                    error -> C
                end || C <- State#state.children],
    State#state{children = Children}.

%% @private
-spec format_status(Opt :: normal | terminate, [term()]) -> term().
format_status(terminate, [_PDict, State]) ->
    State;
format_status(_, [_PDict, State]) ->
    [{data, [{"State", State}]},
     {supervisor, [{"Callback", State#state.module}]}].

%% ---- stopping children -----------------------------------------------------

%% Stops all children, newest first, and keeps the non-temporary ones.
terminate_all(Children, SupName) ->
    stop_children(Children, SupName).

stop_children(Children, SupName) ->
    [C#child{pid = undefined} || C <- Children, stop_child(C, SupName),
                                 C#child.restart_type =/= temporary].

%% Stops one child (if running), reporting an unexpected exit reason.
stop_child(#child{pid = Pid} = Child, SupName) when is_pid(Pid) ->
    case shutdown(Pid, Child#child.shutdown) of
        ok -> ok;
        {error, normal} when Child#child.restart_type =/= permanent -> ok;
        {error, Reason} -> report(shutdown_error, Reason, Child, SupName)
    end,
    true;
stop_child(_Child, _SupName) ->
    true.

%% Stops a process the supervisor is linked to: unlink (an 'EXIT' already
%% there means it ended by itself), ask it to shut down, and kill it if it
%% has not ended in time.
shutdown(Pid, How) ->
    Ref = erlang:monitor(process, Pid),
    unlink(Pid),
    receive
        {'EXIT', Pid, Reason} ->
            receive {'DOWN', Ref, process, Pid, _} -> ok end,
            {error, Reason}
    after 0 ->
            case How of
                brutal_kill ->
                    exit(Pid, kill),
                    await_down(Ref, Pid, killed, infinity);
                infinity ->
                    exit(Pid, shutdown),
                    await_down(Ref, Pid, shutdown, infinity);
                Time ->
                    exit(Pid, shutdown),
                    case await_down(Ref, Pid, shutdown, Time) of
                        timeout ->
                            exit(Pid, kill),
                            await_down(Ref, Pid, killed_after_timeout, infinity);
                        Result ->
                            Result
                    end
            end
    end.

await_down(Ref, Pid, Expected, Time) ->
    receive
        {'DOWN', Ref, process, Pid, Expected} -> ok;
        {'DOWN', Ref, process, Pid, Reason} -> {error, Reason}
    after Time ->
            timeout
    end.

%% simple_one_for_one children are stopped all at once, then awaited.
stop_dynamics(State) ->
    [#child{shutdown = How} = Child] = State#state.children,
    Pids = [P || P <- maps:keys(State#state.dynamics), is_pid(P)],
    Watched = maps:from_list(
                [{P, erlang:monitor(process, P)} || P <- Pids, begin unlink(P), true end]),
    Signal = case How of
                 brutal_kill -> kill;
                 _ -> shutdown
             end,
    [exit(P, Signal) || P <- Pids],
    Timer = case How of
                T when is_integer(T) -> erlang:start_timer(T, self(), kill_dynamics);
                _ -> undefined
            end,
    await_dynamics(Watched, Signal, Timer, Child, State#state.name).

await_dynamics(Watched, _Signal, Timer, _Child, _SupName) when map_size(Watched) =:= 0 ->
    case Timer of
        undefined -> ok;
        _ ->
            erlang:cancel_timer(Timer),
            receive {timeout, Timer, _} -> ok after 0 -> ok end
    end;
await_dynamics(Watched, Signal, Timer, Child, SupName) ->
    receive
        {'DOWN', _Ref, process, Pid, Reason} when is_map_key(Pid, Watched) ->
            Expected = case Signal of
                           kill -> killed;
                           shutdown -> shutdown
                       end,
            case Reason of
                Expected -> ok;
                normal when Child#child.restart_type =/= permanent -> ok;
                _ -> report(shutdown_error, Reason, Child#child{pid = Pid}, SupName)
            end,
            receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
            await_dynamics(maps:remove(Pid, Watched), Signal, Timer, Child, SupName);
        {timeout, Timer, kill_dynamics} ->
            [exit(P, kill) || P <- maps:keys(Watched)],
            await_dynamics(Watched, kill, undefined, Child, SupName)
    end.

%% ---- the children list -----------------------------------------------------

add(Child, State) ->
    State#state{children = [Child | State#state.children]}.

add_dynamic(Pid, Extra, _Child, State) ->
    State#state{dynamics = maps:put(Pid, Extra, State#state.dynamics)}.

replace(Child, State) ->
    State#state{children = replace_in(Child, State#state.children)}.

replace_in(#child{id = Id} = Child, Children) ->
    [case C#child.id of
         Id -> Child;
         _ -> C
     end || C <- Children].

remove(#child{id = Id}, State) ->
    State#state{children = [C || C <- State#state.children, C#child.id =/= Id]}.

%% A child that is no longer running: forgotten if temporary, else kept
%% without a pid.
child_gone(#child{restart_type = temporary} = Child,
           #state{strategy = simple_one_for_one} = State) ->
    State#state{dynamics = maps:remove(Child#child.pid, State#state.dynamics)};
child_gone(Child, #state{strategy = simple_one_for_one} = State) ->
    State#state{dynamics = maps:remove(Child#child.pid, State#state.dynamics)};
child_gone(#child{restart_type = temporary} = Child, State) ->
    remove(Child, State);
child_gone(Child, State) ->
    replace(Child#child{pid = undefined}, State).

%% Static children are found by id only (a pid is just another id).
find(Id, State) ->
    find_by_id(Id, State#state.children).

%% A simple_one_for_one child by pid: its key in dynamics; gone if that
%% process has ended already (terminating it is then ok, as in OTP); error
%% for a live process that is no child.
find_dynamic(Pid, State) ->
    Dyn = State#state.dynamics,
    case {maps:is_key(Pid, Dyn), maps:is_key({restarting, Pid}, Dyn)} of
        {true, _} -> {ok, Pid};
        {_, true} -> {ok, {restarting, Pid}};
        _ ->
            case is_process_alive(Pid) of
                true -> error;
                false -> gone
            end
    end.

find_by_id(Id, Children) ->
    case lists:keyfind(Id, #child.id, Children) of
        #child{} = C -> {ok, C};
        false -> error
    end.

to_spec(#child{id = Id, mfargs = MFA, restart_type = R, significant = S,
               shutdown = Sh, child_type = T, modules = M}) ->
    #{id => Id, start => MFA, restart => R, significant => S, shutdown => Sh,
      type => T, modules => M}.

%% ---- checking specifications -----------------------------------------------

%% The child records for a list of specs (newest first, as kept), or the
%% first error.
check_specs(Specs, AutoShutdown) ->
    check_specs(Specs, AutoShutdown, []).

check_specs([], _AutoShutdown, Acc) ->
    {ok, Acc};
check_specs([Spec | Rest], AutoShutdown, Acc) ->
    case check_spec(Spec, AutoShutdown) of
        {ok, #child{id = Id} = Child} ->
            case lists:keymember(Id, #child.id, Acc) of
                true -> {duplicate_child_name, Id};
                false -> check_specs(Rest, AutoShutdown, [Child | Acc])
            end;
        Error ->
            Error
    end;
check_specs(Other, _AutoShutdown, _Acc) ->
    {invalid_child_spec, Other}.

check_spec({Id, Start, Restart, Shutdown, Type, Mods}, AutoShutdown) ->
    check_spec(#{id => Id, start => Start, restart => Restart, significant => false,
                 shutdown => Shutdown, type => Type, modules => Mods}, AutoShutdown);
check_spec(Spec, AutoShutdown) when is_map(Spec) ->
    try {ok, spec_to_child(Spec, AutoShutdown)}
    catch throw:Error -> Error
    end;
check_spec(Other, _AutoShutdown) ->
    {invalid_child_spec, Other}.

%% Checked in OTP's order, so that the first problem reported is OTP's.
spec_to_child(Spec, AutoShutdown) ->
    Id = case Spec of
             #{id := I} -> I;
             _ -> throw(missing_id)
         end,
    Start = case Spec of
                #{start := S} -> S;
                _ -> throw(missing_start)
            end,
    case Start of
        {M, F, A} when is_atom(M), is_atom(F), is_list(A) -> ok;
        _ -> throw({invalid_mfa, Start})
    end,
    Restart = maps:get(restart, Spec, permanent),
    lists:member(Restart, [permanent, transient, temporary])
        orelse throw({invalid_restart_type, Restart}),
    Significant = maps:get(significant, Spec, false),
    check_significant(Significant, Restart, AutoShutdown),
    Type = maps:get(type, Spec, worker),
    (Type =:= worker orelse Type =:= supervisor) orelse throw({invalid_child_type, Type}),
    Shutdown = case Spec of
                   #{shutdown := Sh} -> Sh;
                   _ when Type =:= worker -> 5000;
                   _ -> infinity
               end,
    (Shutdown =:= brutal_kill orelse Shutdown =:= infinity
     orelse (is_integer(Shutdown) andalso Shutdown >= 0))
        orelse throw({invalid_shutdown, Shutdown}),
    Mods = case Spec of
               #{modules := Ms} -> Ms;
               _ -> [element(1, Start)]
           end,
    check_modules(Mods),
    #child{id = Id, mfargs = Start, restart_type = Restart, significant = Significant,
           shutdown = Shutdown, child_type = Type, modules = Mods}.

check_significant(S, _Restart, undefined) when is_boolean(S) ->
    ok;
check_significant(true, _Restart, never) ->
    throw({bad_combination, [{auto_shutdown, never}, {significant, true}]});
check_significant(true, permanent, _AutoShutdown) ->
    throw({bad_combination, [{restart, permanent}, {significant, true}]});
check_significant(S, _Restart, _AutoShutdown) when is_boolean(S) ->
    ok;
check_significant(S, _Restart, _AutoShutdown) ->
    throw({invalid_significant, S}).

check_modules(dynamic) ->
    ok;
check_modules(Mods) when is_list(Mods) ->
    [is_atom(M) orelse throw({invalid_module, M}) || M <- Mods],
    ok;
check_modules(Mods) ->
    throw({invalid_modules, Mods}).

%% ---- reports ---------------------------------------------------------------

report(Context, Reason, Child, SupName) ->
    %% OTP's report term; format_log/1,2 make its text.
    ?LOG_ERROR(#{label => {supervisor, Context},
                 report => [{supervisor, SupName}, {errorContext, Context},
                            {reason, Reason}, {offender, offender(Child)}]},
               #{domain => [otp, sasl],
                 report_cb => fun supervisor:format_log/2,
                 logger_formatter => #{title => "SUPERVISOR REPORT"},
                 error_logger => #{tag => error_report, type => supervisor_report,
                                   report_cb => fun supervisor:format_log/1}}).

%% @doc The text of a supervisor report as a format and its arguments.
-spec format_log(Report) -> {io:format(), [term()]} when Report :: map().
format_log(#{label := {supervisor, progress}, report := Report}) ->
    {"    supervisor: ~tp~n    started: ~tp~n",
     [proplists:get_value(supervisor, Report), proplists:get_value(started, Report)]};
format_log(#{label := {supervisor, _Error}, report := Report}) ->
    {"    supervisor: ~tp~n    errorContext: ~tp~n    reason: ~tp~n    offender: ~tp~n",
     [proplists:get_value(K, Report) || K <- [supervisor, errorContext, reason, offender]]}.

%% @doc As format_log/1, as text, for `logger_formatter' (its depth,
%% chars_limit and single_line options are not applied).
-spec format_log(Report, FormatOpts) -> unicode:chardata() when
      Report :: map(), FormatOpts :: map().
format_log(Report, _FormatOpts) ->
    {Format, Args} = format_log(Report),
    io_lib:format(Format, Args).

offender(#child{pid = Pid, id = Id, mfargs = MFA, restart_type = R, significant = S,
                shutdown = Sh, child_type = T}) ->
    [{pid, Pid}, {id, Id}, {mfargs, MFA}, {restart_type, R}, {significant, S},
     {shutdown, Sh}, {child_type, T}].
