%% @doc OTP 25's `logger_filters': ready-made filters for `logger', to use
%% as `{fun logger_filters:domain/2, Arg}' in a primary or handler filter
%% list. Each returns the event (log it), `stop', or `ignore' (this filter
%% does not decide). No natives.
-module(logger_filters).

%% Filters
-export([domain/2, level/2, progress/2, remote_gl/2]).

%% @doc `{Action, Compare, Domain}': acts when the event's `domain'
%% metadata compares with Domain: `sub' (the event's domain is Domain or
%% below it), `super' (Domain or above it), `equal', `not_equal',
%% `undefined' (the event has no domain).
-spec domain(logger:log_event(), {log | stop, sub | super | equal | not_equal | undefined,
                                  [atom()]}) -> logger:filter_return().
domain(#{meta := Meta} = Event, {Action, Compare, Domain} = Arg)
  when (Action =:= log orelse Action =:= stop), is_list(Domain) ->
    Match = case {Compare, Meta} of
                {undefined, #{domain := _}} -> false;
                {undefined, _} -> true;
                {_, #{domain := D}} when is_list(D) -> compare_domain(Compare, D, Domain, Arg);
                {_, _} -> false
            end,
    act(Match, Action, Event);
domain(Event, Arg) ->
    erlang:error(badarg, [Event, Arg]).

compare_domain(sub, D, Domain, _) -> lists:prefix(Domain, D);
compare_domain(super, D, Domain, _) -> lists:prefix(D, Domain);
compare_domain(equal, D, Domain, _) -> D =:= Domain;
compare_domain(not_equal, D, Domain, _) -> D =/= Domain;
compare_domain(_, _, _, Arg) -> erlang:error(badarg, [Arg]).

%% @doc `{Action, Operator, Level}': acts when the event's level compares
%% with Level by `neq', `eq', `lt', `gt', `lteq' or `gteq' (by severity:
%% `gt' means more severe).
-spec level(logger:log_event(), {log | stop, neq | eq | lt | gt | lteq | gteq,
                                 logger:level()}) -> logger:filter_return().
level(#{level := L} = Event, {Action, Op, Level} = Arg)
  when (Action =:= log orelse Action =:= stop) ->
    Cmp = try logger:compare_levels(L, Level)
          catch error:badarg -> erlang:error(badarg, [Event, Arg])
          end,
    Match = case Op of
                neq -> Cmp =/= eq;
                eq -> Cmp =:= eq;
                lt -> Cmp =:= lt;
                gt -> Cmp =:= gt;
                lteq -> Cmp =/= gt;
                gteq -> Cmp =/= lt;
                _ -> erlang:error(badarg, [Event, Arg])
            end,
    act(Match, Action, Event);
level(Event, Arg) ->
    erlang:error(badarg, [Event, Arg]).

%% @doc `log' or `stop': acts on the progress reports of supervisors and
%% of the application controller.
-spec progress(logger:log_event(), log | stop) -> logger:filter_return().
progress(#{meta := Meta, msg := Msg} = Event, Action)
  when Action =:= log; Action =:= stop ->
    Match = case {Msg, Meta} of
                {{report, #{label := {supervisor, progress}}}, #{domain := [otp, sasl | _]}} -> true;
                {{report, #{label := {application_controller, progress}}},
                 #{domain := [otp, sasl | _]}} -> true;
                _ -> false
            end,
    act(Match, Action, Event);
progress(Event, Action) ->
    erlang:error(badarg, [Event, Action]).

%% @doc `log' or `stop': acts on events whose group leader is on another
%% node (always false on ferl, which runs one node).
-spec remote_gl(logger:log_event(), log | stop) -> logger:filter_return().
remote_gl(#{meta := Meta} = Event, Action) when Action =:= log; Action =:= stop ->
    Match = case Meta of
                #{gl := GL} when is_pid(GL) -> node(GL) =/= node();
                _ -> false
            end,
    act(Match, Action, Event);
remote_gl(Event, Action) ->
    erlang:error(badarg, [Event, Action]).

act(true, log, Event) -> Event;
act(true, stop, _Event) -> stop;
act(false, _, _Event) -> ignore.
