%% @doc OTP 25's `logger': the logging API of Erlang/OTP.
%%
%% A log event is a level, a message and metadata. The message is a
%% string (`{string, Chardata}'), a report (`{report, Map | KeyValueList}')
%% or a format and its arguments (`{Format, Args}'). An event passes
%% when its level is at least as severe as the module level of the
%% logging module (set with `set_module_level/2', for the `?LOG_*' macros
%% of `kernel/include/logger.hrl') or else the primary level, then through
%% the primary filters, then, for each handler, through the handler's
%% level and filters to the handler's `log/2' callback.
%%
%% As in OTP, all of that happens in the logging process: events of one
%% process reach each handler in the order they were logged. A handler
%% whose `log/2' crashes is removed, with the line OTP prints
%% (`Logger - error: {removed_failing_handler,Id}'); so is a filter that
%% crashes. The default handler, `default' (module `logger_std_h'), prints
%% with `logger_formatter' in OTP's layout (`=ERROR REPORT==== ... ===')
%% on standard_io as OTP's does.
%%
%% The configuration lives in the `logger' process (see `logger_server');
%% this module holds the API and the checks of the configuration, whose
%% error terms are OTP's. Not supported: the proxy's overload protection
%% (its config is kept and returned but changes nothing) and
%% `chars_limit' in formatting. No natives.
-module(logger).

%% Logging
-export([log/2, log/3, log/4, macro_log/3, macro_log/4, macro_log/5,
         allow/2]).
-export([emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3]).
%% Primary configuration
-export([get_primary_config/0, set_primary_config/1, set_primary_config/2,
         update_primary_config/1, add_primary_filter/2,
         remove_primary_filter/1]).
%% Handlers
-export([add_handler/3, remove_handler/1, get_handler_config/0,
         get_handler_config/1, get_handler_ids/0, set_handler_config/2,
         set_handler_config/3, update_handler_config/2,
         update_handler_config/3, update_formatter_config/2,
         update_formatter_config/3, add_handler_filter/3,
         remove_handler_filter/2]).
%% Module and application levels
-export([set_module_level/2, unset_module_level/0, unset_module_level/1,
         get_module_level/0, get_module_level/1, set_application_level/2,
         unset_application_level/1]).
%% Process metadata
-export([set_process_metadata/1, update_process_metadata/1,
         get_process_metadata/0, unset_process_metadata/0]).
%% The whole configuration and the proxy's
-export([get_config/0, get_proxy_config/0, set_proxy_config/1,
         update_proxy_config/1, i/0, i/1]).
%% Helpers for handlers and formatters
-export([compare_levels/2, format_report/1, format_otp_report/1,
         timestamp/0, add_default_metadata/1, internal_log/2,
         filter_stacktrace/2]).
%% ferl-internal: the configuration the logger process starts with
-export([default_config/0]).

-export_type([level/0, report/0, msg_fun/0, metadata/0, log_event/0,
              filter/0, filter_arg/0, filter_return/0, handler_id/0,
              handler_config/0, primary_config/0, formatter_config/0,
              report_cb/0]).

-type level() :: emergency | alert | critical | error | warning | notice |
                 info | debug.
-type report() :: map() | [{atom(), term()}].
-type msg_fun() :: fun((term()) -> {io:format(), [term()]} | report() |
                                   {io:format(), [term()], metadata()} |
                                   {report(), metadata()}).
-type metadata() :: #{atom() => term()}.
-type log_event() :: #{level := level(),
                       msg := {io:format(), [term()]} | {report, report()} |
                              {string, unicode:chardata()},
                       meta := metadata()}.
-type filter() :: {fun((log_event(), filter_arg()) -> filter_return()),
                   filter_arg()}.
-type filter_arg() :: term().
-type filter_return() :: stop | ignore | log_event().
-type handler_id() :: atom().
-type handler_config() :: #{id => handler_id(), config => term(),
                            level => level() | all | none,
                            module => module(), filter_default => log | stop,
                            filters => [{atom(), filter()}],
                            formatter => {module(), formatter_config()}}.
-type primary_config() :: #{level => level() | all | none,
                            metadata => metadata(),
                            filter_default => log | stop,
                            filters => [{atom(), filter()}]}.
-type formatter_config() :: #{atom() => term()}.
-type report_cb() :: fun((report()) -> {io:format(), [term()]}) |
                     fun((report(), map()) -> unicode:chardata()).

-define(PROC_META, '$logger_metadata$').

%% ---- logging ---------------------------------------------------------------

%% @doc Logs a string or a report at Level.
-spec log(level(), unicode:chardata() | report()) -> ok.
log(Level, StringOrReport) ->
    do_log(Level, msg(StringOrReport), #{}, none).

%% @doc `log(Level, Format, Args)', `log(Level, StringOrReport, Metadata)'
%% or `log(Level, Fun, FunArgs)' (the fun is called only if the event
%% passes the level check).
-spec log(level(), term(), term()) -> ok.
log(Level, Fun, FunArgs) when is_function(Fun, 1) ->
    do_log(Level, {lazy, Fun, FunArgs}, #{}, none);
log(Level, StringOrReport, Meta) when is_map(Meta) ->
    do_log(Level, msg(StringOrReport), Meta, none);
log(Level, Format, Args) when is_list(Args) ->
    do_log(Level, {Format, Args}, #{}, none).

%% @doc `log(Level, Format, Args, Metadata)' or
%% `log(Level, Fun, FunArgs, Metadata)'.
-spec log(level(), term(), term(), metadata()) -> ok.
log(Level, Fun, FunArgs, Meta) when is_function(Fun, 1), is_map(Meta) ->
    do_log(Level, {lazy, Fun, FunArgs}, Meta, none);
log(Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    do_log(Level, {Format, Args}, Meta, none).

%% @doc The entry point of the `?LOG_*' macros: the level check was made
%% by `allow/2'; Location (`mfa', `line', `file') becomes metadata.
-spec macro_log(metadata(), level(), term()) -> ok.
macro_log(Location, Level, StringOrReport) ->
    do_log(Level, msg(StringOrReport), #{}, Location).

-spec macro_log(metadata(), level(), term(), term()) -> ok.
macro_log(Location, Level, Fun, FunArgs) when is_function(Fun, 1) ->
    do_log(Level, {lazy, Fun, FunArgs}, #{}, Location);
macro_log(Location, Level, StringOrReport, Meta) when is_map(Meta) ->
    do_log(Level, msg(StringOrReport), Meta, Location);
macro_log(Location, Level, Format, Args) when is_list(Args) ->
    do_log(Level, {Format, Args}, #{}, Location).

-spec macro_log(metadata(), level(), term(), term(), metadata()) -> ok.
macro_log(Location, Level, Fun, FunArgs, Meta) when is_function(Fun, 1), is_map(Meta) ->
    do_log(Level, {lazy, Fun, FunArgs}, Meta, Location);
macro_log(Location, Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    do_log(Level, {Format, Args}, Meta, Location).

%% @doc Whether an event of Level from Module passes the level check: the
%% module's own level if one is set, else the primary level.
-spec allow(level(), module()) -> boolean().
allow(Level, Module) when is_atom(Module) ->
    Config = logger_server:config(),
    allowed(Level, level_for(Module, Config)).

-spec emergency(term()) -> ok.
emergency(A) -> log(emergency, A).
-spec emergency(term(), term()) -> ok.
emergency(A, B) -> log(emergency, A, B).
-spec emergency(term(), term(), metadata()) -> ok.
emergency(A, B, M) -> log(emergency, A, B, M).
-spec alert(term()) -> ok.
alert(A) -> log(alert, A).
-spec alert(term(), term()) -> ok.
alert(A, B) -> log(alert, A, B).
-spec alert(term(), term(), metadata()) -> ok.
alert(A, B, M) -> log(alert, A, B, M).
-spec critical(term()) -> ok.
critical(A) -> log(critical, A).
-spec critical(term(), term()) -> ok.
critical(A, B) -> log(critical, A, B).
-spec critical(term(), term(), metadata()) -> ok.
critical(A, B, M) -> log(critical, A, B, M).
-spec error(term()) -> ok.
error(A) -> log(error, A).
-spec error(term(), term()) -> ok.
error(A, B) -> log(error, A, B).
-spec error(term(), term(), metadata()) -> ok.
error(A, B, M) -> log(error, A, B, M).
-spec warning(term()) -> ok.
warning(A) -> log(warning, A).
-spec warning(term(), term()) -> ok.
warning(A, B) -> log(warning, A, B).
-spec warning(term(), term(), metadata()) -> ok.
warning(A, B, M) -> log(warning, A, B, M).
-spec notice(term()) -> ok.
notice(A) -> log(notice, A).
-spec notice(term(), term()) -> ok.
notice(A, B) -> log(notice, A, B).
-spec notice(term(), term(), metadata()) -> ok.
notice(A, B, M) -> log(notice, A, B, M).
-spec info(term()) -> ok.
info(A) -> log(info, A).
-spec info(term(), term()) -> ok.
info(A, B) -> log(info, A, B).
-spec info(term(), term(), metadata()) -> ok.
info(A, B, M) -> log(info, A, B, M).
-spec debug(term()) -> ok.
debug(A) -> log(debug, A).
-spec debug(term(), term()) -> ok.
debug(A, B) -> log(debug, A, B).
-spec debug(term(), term(), metadata()) -> ok.
debug(A, B, M) -> log(debug, A, B, M).

%% A message given as "string or report": a map or a key-value list is a
%% report, other lists and binaries are strings; anything else is refused
%% as OTP refuses it (function_clause).
msg(R) when is_map(R) -> {report, R};
msg([_ | _] = L) ->
    case is_kv_list(L) of
        true -> {report, L};
        false -> {string, L}
    end;
msg(S) when is_list(S); is_binary(S) -> {string, S};
msg(Other) -> erlang:error(function_clause, [Other]).

is_kv_list([{_, _} | T]) -> is_kv_list(T);
is_kv_list([]) -> true;
is_kv_list(_) -> false.

%% The whole path of one event, in the calling process.
do_log(Level, Msg, Meta, Location) ->
    Config = logger_server:config(),
    Module = case Location of
                 #{mfa := {M, _, _}} -> M;
                 _ -> none
             end,
    %% A macro already checked the module level (allow/2); a direct call
    %% is checked against the primary level, as OTP's is.
    Pass = case Location of
               none -> allowed(Level, maps:get(level, maps:get(primary, Config)));
               _ -> allowed(Level, level_for(Module, Config))
           end,
    case Pass of
        true -> log_allowed(Level, Msg, Meta, Location, Config);
        false -> ok
    end.

log_allowed(Level, Msg0, Meta0, Location, Config) ->
    #{primary := Primary, handlers := Handlers} = Config,
    Loc = case Location of none -> #{}; _ -> Location end,
    Proc = case get(?PROC_META) of M when is_map(M) -> M; _ -> #{} end,
    {Msg, FunMeta} = resolve(Msg0),
    Meta = add_default_metadata(
             maps:merge(maps:get(metadata, Primary),
                        maps:merge(Proc, maps:merge(Loc, maps:merge(Meta0, FunMeta))))),
    Event = #{level => Level, msg => Msg, meta => Meta},
    case run_filters(primary, Event, maps:get(filters, Primary),
                     maps:get(filter_default, Primary)) of
        stop -> ok;
        Event1 -> lists:foreach(fun(H) -> to_handler(H, Event1) end, Handlers)
    end,
    ok.

%% A lazy message is built now that the event is known to pass.
resolve({lazy, Fun, Args}) ->
    case catch Fun(Args) of
        {F, A} when is_list(A) -> {{F, A}, #{}};
        {F, A, M} when is_list(A), is_map(M) -> {{F, A}, M};
        {R, M} when is_map(M), (is_map(R) orelse is_list(R)) -> {msg(R), M};
        R when is_map(R) -> {{report, R}, #{}};
        R when is_list(R) ->
            case is_kv_list(R) of
                true -> {{report, R}, #{}};
                false -> {lazy_error(Fun, Args, R), #{}}
            end;
        Ret -> {lazy_error(Fun, Args, Ret), #{}}
    end;
resolve(Msg) ->
    {Msg, #{}}.

lazy_error(Fun, Args, Ret) ->
    {"LAZY_FUN ERROR: ~tp; Returned: ~tp", [{Fun, Args}, Ret]}.

to_handler(#{id := Id, module := Module, level := HLevel} = H, Event) ->
    case allowed(maps:get(level, Event), HLevel) of
        false ->
            ok;
        true ->
            case run_filters({handler, Id}, Event, maps:get(filters, H),
                             maps:get(filter_default, H)) of
                stop ->
                    ok;
                Event1 ->
                    Shown = maps:without([level, filters, filter_default], H),
                    try Module:log(Event1, Shown)
                    catch _:_ ->
                            %% OTP drops the handler rather than fail every
                            %% later event the same way.
                            remove_handler(Id),
                            internal_log(error, {removed_failing_handler, Id})
                    end
            end
    end.

%% Filters in order; `ignore' passes the event to the next one, and when
%% none decides, the filter default does.
run_filters(_Where, Event, [], Default) ->
    case Default of
        log -> Event;
        stop -> stop
    end;
run_filters(Where, Event, [{FId, {Fun, Arg}} | Rest], Default) ->
    try Fun(Event, Arg) of
        stop -> stop;
        ignore -> run_filters(Where, Event, Rest, Default);
        #{level := _, msg := _, meta := _} = New -> filters_decided(Where, New, Rest);
        _Bad ->
            remove_failing_filter(Where, FId),
            run_filters(Where, Event, Rest, Default)
    catch _:_ ->
            remove_failing_filter(Where, FId),
            run_filters(Where, Event, Rest, Default)
    end.

%% A filter that returns the event logs it: the remaining filters still
%% see it, since they may stop it.
filters_decided(Where, Event, Rest) ->
    case run_filters(Where, Event, Rest, log) of
        stop -> stop;
        E -> E
    end.

remove_failing_filter(primary, FId) ->
    remove_primary_filter(FId),
    internal_log(error, {removed_failing_filter, FId});
remove_failing_filter({handler, HId}, FId) ->
    remove_handler_filter(HId, FId),
    internal_log(error, {removed_failing_filter, HId, FId}).

%% ---- levels ----------------------------------------------------------------

level_int(emergency) -> 0;
level_int(alert) -> 1;
level_int(critical) -> 2;
level_int(error) -> 3;
level_int(warning) -> 4;
level_int(notice) -> 5;
level_int(info) -> 6;
level_int(debug) -> 7.

config_level_int(none) -> -1;
config_level_int(all) -> 7;
config_level_int(L) -> level_int(L).

allowed(Level, ConfigLevel) ->
    level_int(Level) =< config_level_int(ConfigLevel).

level_for(Module, #{module_levels := ML, primary := P}) ->
    case ML of
        #{Module := L} -> L;
        _ -> maps:get(level, P)
    end.

is_level(L) -> lists:member(L, [emergency, alert, critical, error, warning,
                                notice, info, debug]).
is_config_level(L) -> L =:= all orelse L =:= none orelse is_level(L).

%% @doc `lt', `eq' or `gt' as Level1 is less, as or more severe than Level2.
-spec compare_levels(level() | all | none, level() | all | none) -> lt | eq | gt.
compare_levels(L1, L2) ->
    case is_config_level(L1) andalso is_config_level(L2) of
        true ->
            %% `all' and `none' sit below and above every level.
            A = rank(L1), B = rank(L2),
            if A < B -> gt; A > B -> lt; true -> eq end;
        false ->
            erlang:error(badarg, [L1, L2])
    end.

rank(none) -> -1;
rank(all) -> 8;
rank(L) -> level_int(L).

%% ---- primary configuration -------------------------------------------------

%% @doc The primary configuration: level, filter_default, filters, metadata.
-spec get_primary_config() -> primary_config().
get_primary_config() ->
    maps:get(primary, logger_server:config()).

%% @doc Sets one key of the primary configuration.
-spec set_primary_config(atom(), term()) -> ok | {error, term()}.
set_primary_config(Key, Value) ->
    case check_primary(Key, Value) of
        ok -> change_primary(fun(P) -> P#{Key => Value} end);
        Error -> Error
    end.

%% @doc Replaces the primary configuration; missing keys get their
%% defaults.
-spec set_primary_config(primary_config()) -> ok | {error, term()}.
set_primary_config(Config) when is_map(Config) ->
    case check_all(fun check_primary/2, Config) of
        ok -> change_primary(fun(_) -> maps:merge(default_primary(), Config) end);
        Error -> Error
    end;
set_primary_config(Config) ->
    {error, {invalid_config, Config}}.

%% @doc Merges Config into the primary configuration.
-spec update_primary_config(primary_config()) -> ok | {error, term()}.
update_primary_config(Config) when is_map(Config) ->
    case check_all(fun check_primary/2, Config) of
        ok -> change_primary(fun(P) -> maps:merge(P, Config) end);
        Error -> Error
    end;
update_primary_config(Config) ->
    {error, {invalid_config, Config}}.

%% @doc Adds a primary filter.
-spec add_primary_filter(atom(), filter()) -> ok | {error, term()}.
add_primary_filter(Id, Filter) ->
    case check_filter({Id, Filter}) of
        ok ->
            logger_server:change(
              fun(#{primary := P} = C) ->
                      Fs = maps:get(filters, P),
                      case lists:keymember(Id, 1, Fs) of
                          true -> {{error, {already_exist, Id}}, C};
                          false -> {ok, C#{primary := P#{filters := Fs ++ [{Id, Filter}]}}}
                      end
              end);
        Error ->
            Error
    end.

%% @doc Removes a primary filter.
-spec remove_primary_filter(atom()) -> ok | {error, term()}.
remove_primary_filter(Id) ->
    logger_server:change(
      fun(#{primary := P} = C) ->
              Fs = maps:get(filters, P),
              case lists:keymember(Id, 1, Fs) of
                  true -> {ok, C#{primary := P#{filters := lists:keydelete(Id, 1, Fs)}}};
                  false -> {{error, {not_found, Id}}, C}
              end
      end).

change_primary(Fun) ->
    logger_server:change(fun(#{primary := P} = C) -> {ok, C#{primary := Fun(P)}} end).

check_primary(level, L) -> check_level(L);
check_primary(filter_default, D) -> check_filter_default(D);
check_primary(filters, Fs) -> check_filters(Fs);
check_primary(metadata, M) when is_map(M) -> ok;
check_primary(Key, Value) -> {error, {invalid_primary_config, {Key, Value}}}.

check_level(L) ->
    case is_config_level(L) of
        true -> ok;
        false -> {error, {invalid_level, L}}
    end.

check_filter_default(D) when D =:= log; D =:= stop -> ok;
check_filter_default(D) -> {error, {invalid_filter_default, D}}.

check_filters(Fs) when is_list(Fs) ->
    check_each(fun check_filter/1, Fs);
check_filters(Fs) ->
    {error, {invalid_filters, Fs}}.

check_filter({Id, {Fun, _Arg}}) when is_atom(Id), is_function(Fun, 2) -> ok;
check_filter(F) -> {error, {invalid_filter, F}}.

check_each(_Check, []) -> ok;
check_each(Check, [X | Xs]) ->
    case Check(X) of
        ok -> check_each(Check, Xs);
        Error -> Error
    end.

check_all(Check, Map) ->
    check_each(fun({K, V}) -> Check(K, V) end, lists:sort(maps:to_list(Map))).

%% ---- handlers --------------------------------------------------------------

%% @doc Adds a handler: Module must export log/2; its adding_handler/1,
%% if exported, may change or refuse the configuration.
-spec add_handler(handler_id(), module(), handler_config()) -> ok | {error, term()}.
add_handler(Id, _Module, _Config) when not is_atom(Id) ->
    {error, {invalid_id, Id}};
add_handler(_Id, Module, _Config) when not is_atom(Module) ->
    {error, {invalid_module, Module}};
add_handler(_Id, _Module, Config) when not is_map(Config) ->
    {error, {invalid_config, Config}};
add_handler(Id, Module, Config0) ->
    case check_handler(Config0) of
        ok ->
            _ = code:ensure_loaded(Module),
            case erlang:function_exported(Module, log, 2) of
                false ->
                    {error, {invalid_handler, {function_not_exported, {Module, log, 2}}}};
                true ->
                    Config = maps:merge(default_handler(), Config0#{id => Id, module => Module}),
                    logger_server:change(fun(C) -> do_add_handler(Id, Module, Config, C) end)
            end;
        Error ->
            Error
    end.

do_add_handler(Id, Module, Config, #{handlers := Hs} = C) ->
    case lists:any(fun(#{id := I}) -> I =:= Id end, Hs) of
        true ->
            {{error, {already_exist, Id}}, C};
        false ->
            case callback(Module, adding_handler, [Config], {ok, Config}) of
                {ok, #{} = Config1} ->
                    {ok, C#{handlers := Hs ++ [Config1#{id => Id, module => Module}]}};
                {error, _} = Error ->
                    {Error, C};
                {'EXIT', Class, Reason, Stack} ->
                    {{error, {handler_not_added, {callback_crashed, {Class, Reason, Stack}}}}, C};
                Other ->
                    {{error, {handler_not_added, {invalid_return, Other}}}, C}
            end
    end.

%% @doc Removes a handler, calling its removing_handler/1 if exported.
-spec remove_handler(handler_id()) -> ok | {error, term()}.
remove_handler(Id) ->
    logger_server:change(
      fun(#{handlers := Hs} = C) ->
              case find_handler(Id, Hs) of
                  {ok, #{module := M} = H} ->
                      _ = callback(M, removing_handler, [H], ok),
                      {ok, C#{handlers := [X || #{id := I} = X <- Hs, I =/= Id]}};
                  error ->
                      {{error, {not_found, Id}}, C}
              end
      end).

%% @doc The configurations of all handlers.
-spec get_handler_config() -> [handler_config()].
get_handler_config() ->
    maps:get(handlers, logger_server:config()).

%% @doc The configuration of one handler.
-spec get_handler_config(handler_id()) -> {ok, handler_config()} | {error, term()}.
get_handler_config(Id) ->
    case find_handler(Id, get_handler_config()) of
        {ok, H} -> {ok, H};
        error -> {error, {not_found, Id}}
    end.

%% @doc The ids of all handlers.
-spec get_handler_ids() -> [handler_id()].
get_handler_ids() ->
    [Id || #{id := Id} <- get_handler_config()].

%% @doc Sets one key of a handler's configuration.
-spec set_handler_config(handler_id(), atom(), term()) -> ok | {error, term()}.
set_handler_config(Id, Key, Value) ->
    change_handler(Id, set, fun(H) -> {ok, H#{Key => Value}} end).

%% @doc Replaces a handler's configuration; missing keys get their defaults.
-spec set_handler_config(handler_id(), handler_config()) -> ok | {error, term()}.
set_handler_config(Id, Config) when is_map(Config) ->
    change_handler(Id, set,
                   fun(#{id := I, module := M} = H) ->
                           New = maps:merge(default_handler(), Config),
                           {ok, maps:merge(#{id => I, module => M},
                                           keep_inner_config(H, New))}
                   end);
set_handler_config(_Id, Config) ->
    {error, {invalid_config, Config}}.

%% @doc Merges Config into a handler's configuration.
-spec update_handler_config(handler_id(), handler_config()) -> ok | {error, term()}.
update_handler_config(Id, Config) when is_map(Config) ->
    change_handler(Id, update, fun(H) -> {ok, maps:merge(H, Config)} end);
update_handler_config(_Id, Config) ->
    {error, {invalid_config, Config}}.

%% @doc Sets one key of a handler's configuration (`config' is merged).
-spec update_handler_config(handler_id(), atom(), term()) -> ok | {error, term()}.
update_handler_config(Id, config, Value) when is_map(Value) ->
    change_handler(Id, update,
                   fun(H) -> {ok, H#{config => maps:merge(maps:get(config, H, #{}), Value)}} end);
update_handler_config(Id, Key, Value) ->
    change_handler(Id, update, fun(H) -> {ok, H#{Key => Value}} end).

%% A set keeps nothing of the old `config' unless it is given again.
keep_inner_config(_Old, New) -> New.

change_handler(Id, SetOrUpdate, Fun) ->
    logger_server:change(
      fun(#{handlers := Hs} = C) ->
              case find_handler(Id, Hs) of
                  error ->
                      {{error, {not_found, Id}}, C};
                  {ok, #{module := M} = Old} ->
                      {ok, New0} = Fun(Old),
                      case check_change(Old, New0) of
                          ok ->
                              case callback(M, changing_config,
                                            [SetOrUpdate, Old, New0], {ok, New0}) of
                                  {ok, #{} = New} ->
                                      {ok, C#{handlers := replace_handler(Id, New, Hs)}};
                                  {error, _} = E ->
                                      {E, C};
                                  {'EXIT', Class, Reason, Stack} ->
                                      {{error, {callback_crashed, {Class, Reason, Stack}}}, C};
                                  Other ->
                                      {{error, {invalid_return, Other}}, C}
                              end;
                          Error ->
                              {Error, C}
                      end
              end
      end).

check_change(#{id := Id, module := M}, New) ->
    case New of
        #{id := Id2} when Id2 =/= Id ->
            {error, {illegal_config_change, #{id => Id}, #{id => Id2}}};
        #{module := M2} when M2 =/= M ->
            {error, {illegal_config_change, #{module => M}, #{module => M2}}};
        _ ->
            check_handler(maps:without([id, module], New))
    end.

check_handler(Config) ->
    check_all(fun check_handler/2, Config).

check_handler(level, L) -> check_level(L);
check_handler(filter_default, D) -> check_filter_default(D);
check_handler(filters, Fs) -> check_filters(Fs);
check_handler(formatter, {M, C}) when is_atom(M), is_map(C) ->
    _ = code:ensure_loaded(M),
    case erlang:function_exported(M, check_config, 1) of
        true ->
            case catch M:check_config(C) of
                ok -> ok;
                {error, _} = E -> E;
                Other -> {error, {invalid_formatter_config, M, Other}}
            end;
        false ->
            ok
    end;
check_handler(formatter, F) -> {error, {invalid_formatter, F}};
check_handler(_Key, _Value) -> ok.

%% @doc Replaces a handler's formatter configuration's keys with Config's.
-spec update_formatter_config(handler_id(), formatter_config()) -> ok | {error, term()}.
update_formatter_config(Id, Config) when is_map(Config) ->
    logger_server:change(
      fun(#{handlers := Hs} = C) ->
              case find_handler(Id, Hs) of
                  error ->
                      {{error, {not_found, Id}}, C};
                  {ok, #{formatter := {FM, FC}} = H} ->
                      New = {FM, maps:merge(FC, Config)},
                      case check_handler(formatter, New) of
                          ok -> {ok, C#{handlers := replace_handler(Id, H#{formatter := New}, Hs)}};
                          Error -> {Error, C}
                      end
              end
      end);
update_formatter_config(_Id, Config) ->
    {error, {invalid_formatter_config, Config}}.

%% @doc Sets one key of a handler's formatter configuration.
-spec update_formatter_config(handler_id(), atom(), term()) -> ok | {error, term()}.
update_formatter_config(Id, Key, Value) ->
    update_formatter_config(Id, #{Key => Value}).

%% @doc Adds a filter to a handler.
-spec add_handler_filter(handler_id(), atom(), filter()) -> ok | {error, term()}.
add_handler_filter(HId, FId, Filter) ->
    case check_filter({FId, Filter}) of
        ok ->
            logger_server:change(
              fun(#{handlers := Hs} = C) ->
                      case find_handler(HId, Hs) of
                          error ->
                              {{error, {not_found, HId}}, C};
                          {ok, H} ->
                              Fs = maps:get(filters, H),
                              case lists:keymember(FId, 1, Fs) of
                                  true ->
                                      {{error, {already_exist, FId}}, C};
                                  false ->
                                      H1 = H#{filters := Fs ++ [{FId, Filter}]},
                                      {ok, C#{handlers := replace_handler(HId, H1, Hs)}}
                              end
                      end
              end);
        Error ->
            Error
    end.

%% @doc Removes a filter from a handler.
-spec remove_handler_filter(handler_id(), atom()) -> ok | {error, term()}.
remove_handler_filter(HId, FId) ->
    logger_server:change(
      fun(#{handlers := Hs} = C) ->
              case find_handler(HId, Hs) of
                  error ->
                      {{error, {not_found, HId}}, C};
                  {ok, H} ->
                      Fs = maps:get(filters, H),
                      case lists:keymember(FId, 1, Fs) of
                          false ->
                              {{error, {not_found, FId}}, C};
                          true ->
                              H1 = H#{filters := lists:keydelete(FId, 1, Fs)},
                              {ok, C#{handlers := replace_handler(HId, H1, Hs)}}
                      end
              end
      end).

find_handler(Id, Hs) ->
    case [H || #{id := I} = H <- Hs, I =:= Id] of
        [H] -> {ok, H};
        [] -> error
    end.

replace_handler(Id, New, Hs) ->
    [case H of #{id := Id} -> New; _ -> H end || H <- Hs].

%% An optional callback: Default when the module does not export it.
callback(M, F, Args, Default) ->
    _ = code:ensure_loaded(M),
    case erlang:function_exported(M, F, length(Args)) of
        true ->
            try apply(M, F, Args)
            catch Class:Reason:Stack -> {'EXIT', Class, Reason, Stack}
            end;
        false ->
            Default
    end.

%% ---- module levels ---------------------------------------------------------

%% @doc Sets the level of the `?LOG_*' macros in Modules.
-spec set_module_level(module() | [module()], level() | all | none) -> ok | {error, term()}.
set_module_level(Module, Level) when is_atom(Module) ->
    set_module_level([Module], Level);
set_module_level(Modules, Level) ->
    case is_atom_list(Modules) of
        false ->
            {error, {not_a_list_of_modules, Modules}};
        true ->
            case check_level(Level) of
                ok ->
                    logger_server:change(
                      fun(#{module_levels := ML} = C) ->
                              New = lists:foldl(fun(M, Acc) -> Acc#{M => Level} end,
                                                ML, Modules),
                              {ok, C#{module_levels := New}}
                      end);
                Error ->
                    Error
            end
    end.

%% @doc Removes the module levels of Modules.
-spec unset_module_level(module() | [module()]) -> ok | {error, term()}.
unset_module_level(Module) when is_atom(Module) ->
    unset_module_level([Module]);
unset_module_level(Modules) ->
    case is_atom_list(Modules) of
        false ->
            {error, {not_a_list_of_modules, Modules}};
        true ->
            logger_server:change(
              fun(#{module_levels := ML} = C) ->
                      {ok, C#{module_levels := maps:without(Modules, ML)}}
              end)
    end.

%% @doc Removes every module level.
-spec unset_module_level() -> ok.
unset_module_level() ->
    logger_server:change(fun(C) -> {ok, C#{module_levels := #{}}} end).

%% @doc Every module level set, sorted by module.
-spec get_module_level() -> [{module(), level() | all | none}].
get_module_level() ->
    lists:sort(maps:to_list(maps:get(module_levels, logger_server:config()))).

%% @doc The module levels set for Modules.
-spec get_module_level(module() | [module()]) -> [{module(), level() | all | none}].
get_module_level(Module) when is_atom(Module) ->
    get_module_level([Module]);
get_module_level(Modules) when is_list(Modules) ->
    [MV || {M, _} = MV <- get_module_level(), lists:member(M, Modules)].

%% @doc Sets the module level of every module of a loaded application.
-spec set_application_level(atom(), level() | all | none) -> ok | {error, term()}.
set_application_level(App, Level) ->
    case application:get_key(App, modules) of
        {ok, Modules} -> set_module_level(Modules, Level);
        undefined -> {error, {not_loaded, App}}
    end.

%% @doc Removes the module levels of a loaded application's modules.
-spec unset_application_level(atom()) -> ok | {error, term()}.
unset_application_level(App) ->
    case application:get_key(App, modules) of
        {ok, Modules} -> unset_module_level(Modules);
        undefined -> {error, {not_loaded, App}}
    end.

is_atom_list(L) when is_list(L) -> lists:all(fun erlang:is_atom/1, L);
is_atom_list(_) -> false.

%% ---- process metadata ------------------------------------------------------

%% @doc Sets the metadata added to every event this process logs.
-spec set_process_metadata(metadata()) -> ok.
set_process_metadata(Meta) when is_map(Meta) ->
    put(?PROC_META, Meta),
    ok;
set_process_metadata(Meta) ->
    erlang:error(badarg, [Meta]).

%% @doc Merges Meta into this process's metadata.
-spec update_process_metadata(metadata()) -> ok.
update_process_metadata(Meta) when is_map(Meta) ->
    set_process_metadata(maps:merge(get_process_metadata_map(), Meta));
update_process_metadata(Meta) ->
    erlang:error(badarg, [Meta]).

%% @doc This process's metadata, or `undefined'.
-spec get_process_metadata() -> metadata() | undefined.
get_process_metadata() ->
    get(?PROC_META).

%% @doc Removes this process's metadata.
-spec unset_process_metadata() -> ok.
unset_process_metadata() ->
    _ = erase(?PROC_META),
    ok.

get_process_metadata_map() ->
    case get(?PROC_META) of
        M when is_map(M) -> M;
        _ -> #{}
    end.

%% ---- the whole configuration -----------------------------------------------

%% @doc The whole configuration: primary, handlers, proxy, module levels.
-spec get_config() -> map().
get_config() ->
    #{primary := P, handlers := Hs, proxy := Proxy} = C = logger_server:config(),
    #{primary => P, handlers => Hs, proxy => Proxy,
      module_levels => lists:sort(maps:to_list(maps:get(module_levels, C)))}.

%% @doc The proxy's configuration (kept, but ferl has no overload control).
-spec get_proxy_config() -> map().
get_proxy_config() ->
    maps:get(proxy, logger_server:config()).

-spec set_proxy_config(map()) -> ok | {error, term()}.
set_proxy_config(Config) when is_map(Config) ->
    logger_server:change(fun(C) -> {ok, C#{proxy := maps:merge(default_proxy(), Config)}} end);
set_proxy_config(Config) ->
    {error, {invalid_config, Config}}.

-spec update_proxy_config(map()) -> ok | {error, term()}.
update_proxy_config(Config) when is_map(Config) ->
    logger_server:change(fun(#{proxy := P} = C) -> {ok, C#{proxy := maps:merge(P, Config)}} end);
update_proxy_config(Config) ->
    {error, {invalid_config, Config}}.

%% @doc Prints the configuration.
-spec i() -> ok.
i() ->
    #{primary := P, handlers := Hs, module_levels := ML} = get_config(),
    io:format("Primary configuration: ~n    Level: ~tp~n    Filter Default: ~tp~n"
              "    Filters: ~tp~n    Metadata: ~tp~n",
              [maps:get(level, P), maps:get(filter_default, P),
               maps:get(filters, P), maps:get(metadata, P)]),
    io:format("Handler configuration: ~n", []),
    [io:format("    Id: ~tp~n        Module: ~tp~n        Level: ~tp~n"
               "        Formatter: ~tp~n        Filter Default: ~tp~n"
               "        Filters: ~tp~n",
               [maps:get(id, H), maps:get(module, H), maps:get(level, H),
                maps:get(formatter, H), maps:get(filter_default, H),
                maps:get(filters, H)]) || H <- Hs],
    io:format("Level set per module: ~n", []),
    [io:format("    Module: ~tp~n        Level: ~tp~n", [M, L]) || {M, L} <- ML],
    ok.

-spec i(primary | handlers | proxy | modules | handler_id()) -> ok.
i(_What) ->
    i().

%% ---- helpers for handlers and formatters -----------------------------------

%% @doc A key-value report as a format and its arguments, one
%% `    Key: Value' line per pair (strings shown as text).
-spec format_report(report()) -> {io:format(), [term()]}.
format_report(Report) when is_map(Report) ->
    format_report(lists:sort(maps:to_list(Report)));
format_report(Report) ->
    %% A report that flattens to text is that text; a list of terms is
    %% one line per term; anything else (an improper list too) one term.
    try lists:flatten(Report) of
        [] -> {"~tp", [[]]};
        Flat ->
            case io_lib:printable_unicode_list(Flat) of
                true -> {"~ts", [Flat]};
                false ->
                    {Formats, Args} = lists:unzip([report_line(KV) || KV <- Report]),
                    {lists:flatten(lists:join($\n, Formats)), lists:append(Args)}
            end
    catch _:_ -> {"~tp", [Report]}
    end.

%% @doc As `format_report/1', for OTP's `#{label, report}' reports: the
%% label is left out.
-spec format_otp_report(report()) -> {io:format(), [term()]}.
format_otp_report(#{label := _, report := Report}) ->
    format_report(Report);
format_otp_report(Report) ->
    format_report(Report).

report_line({K, V}) ->
    case is_string(V) of
        true -> {"    ~tp: ~ts", [K, V]};
        false -> {"    ~tp: ~tp", [K, V]}
    end;
report_line(Other) ->
    {"    ~tp", [Other]}.

%% Only a non-empty printable (deep) list is shown as text, as OTP shows it.
is_string(S) ->
    try lists:flatten(S) of
        [] -> false;
        Flat -> io_lib:printable_unicode_list(Flat)
    catch _:_ -> false
    end.

%% @doc The time of an event: system time in microseconds.
-spec timestamp() -> integer().
timestamp() ->
    os:system_time(microsecond).

%% @doc Adds `pid', `gl' and `time' unless the metadata has them.
-spec add_default_metadata(metadata()) -> metadata().
add_default_metadata(Meta) ->
    maps:merge(#{pid => self(), gl => gl(), time => timestamp()}, Meta).

%% erlang:group_leader/0 is not a BIF in ferl yet; process_info/2 gives
%% the same pid.
gl() ->
    {group_leader, GL} = erlang:process_info(self(), group_leader),
    GL.

%% @doc What logger prints about itself (a removed handler or filter),
%% bypassing every handler: the heading on standard error, the term on
%% standard output, as OTP's emulator prints them.
-spec internal_log(level(), term()) -> ok.
internal_log(Level, Term) ->
    io:put_chars(standard_error, ["Logger - ", atom_to_list(Level), ": "]),
    erlang:display(Term),
    ok.

%% @doc Cuts a stack trace at the first frame for which Fun is true.
-spec filter_stacktrace(module(), list()) -> list().
filter_stacktrace(Module, [{Module, _, _, _} | _]) -> [];
filter_stacktrace(Module, [H | T]) -> [H | filter_stacktrace(Module, T)];
filter_stacktrace(_Module, []) -> [].

%% ---- defaults --------------------------------------------------------------

default_primary() ->
    #{level => notice, filter_default => log, filters => [], metadata => #{}}.

default_handler() ->
    #{level => all, filter_default => log, filters => [],
      formatter => {logger_formatter, #{}}}.

default_proxy() ->
    #{burst_limit_enable => false, burst_limit_max_count => 500,
      burst_limit_window_time => 1000, drop_mode_qlen => 1000,
      flush_qlen => 5000, overload_kill_enable => false,
      overload_kill_mem_size => 3000000, overload_kill_qlen => 20000,
      overload_kill_restart_after => 5000, sync_mode_qlen => 500}.

%% @private
%% The configuration at start: OTP 25's primary config and its `default'
%% handler, which logs events without a domain and those of the `[otp]'
%% and `[otp, sasl]' domains (the reports of the behaviours).
-spec default_config() -> logger_server:config().
default_config() ->
    Default = #{id => default, module => logger_std_h, level => all,
                filter_default => stop,
                filters =>
                    [{remote_gl, {fun logger_filters:remote_gl/2, stop}},
                     {domain, {fun logger_filters:domain/2, {log, super, [otp, sasl]}}},
                     {no_domain, {fun logger_filters:domain/2, {log, undefined, []}}}],
                formatter => {logger_formatter, #{legacy_header => true,
                                                  single_line => false}},
                config => logger_std_h:default_config()},
    #{primary => default_primary(), handlers => [Default],
      module_levels => #{}, proxy => default_proxy()}.
