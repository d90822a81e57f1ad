%% @doc OTP 25's `logger_std_h', the handler behind logger's `default'
%% handler: formats each event with the handler's formatter and writes
%% it to `standard_io' (the `user' process, as OTP writes it, so a test
%% framework that captures a process's output does not swallow reports)
%% or `standard_error'.
%%
%% OTP's handler runs a process of its own with overload protection (the
%% `sync_mode_qlen', `drop_mode_qlen', ... keys); ferl writes from the
%% logging process, one `io:put_chars' per event so that events of
%% concurrent processes do not interleave, and keeps those keys only to
%% show them. `{file, Name}' is refused until ferl has a `file' module.
%% No natives.
-module(logger_std_h).

%% Handler callbacks
-export([adding_handler/1, removing_handler/1, changing_config/3, log/2]).
%% ferl-internal: the `config' of the default handler
-export([default_config/0]).

%% @private
-spec default_config() -> map().
default_config() ->
    #{type => standard_io, burst_limit_enable => true,
      burst_limit_max_count => 500, burst_limit_window_time => 1000,
      drop_mode_qlen => 200, filesync_repeat_interval => no_repeat,
      flush_qlen => 1000, overload_kill_enable => false,
      overload_kill_mem_size => 3000000, overload_kill_qlen => 20000,
      overload_kill_restart_after => 5000, sync_mode_qlen => 10}.

%% @doc Checks the `type' and fills in the defaults.
-spec adding_handler(logger:handler_config()) -> {ok, logger:handler_config()} | {error, term()}.
adding_handler(Config) ->
    Inner = maps:merge(default_config(), maps:get(config, Config, #{})),
    case check_type(maps:get(type, Inner)) of
        ok -> {ok, Config#{config => Inner}};
        Error -> Error
    end.

%% @doc Nothing to release.
-spec removing_handler(logger:handler_config()) -> ok.
removing_handler(_Config) ->
    ok.

%% @doc The `type' cannot change once the handler runs, as in OTP.
-spec changing_config(set | update, logger:handler_config(), logger:handler_config()) ->
          {ok, logger:handler_config()} | {error, term()}.
changing_config(SetOrUpdate, Old, New) ->
    OldInner = maps:get(config, Old, #{}),
    Base = case SetOrUpdate of
               set -> default_config();
               update -> OldInner
           end,
    Inner = maps:merge(Base, maps:get(config, New, #{})),
    case maps:get(type, Inner) =:= maps:get(type, OldInner, standard_io) of
        true -> {ok, New#{config => Inner}};
        false -> {error, {illegal_config_change, logger_std_h,
                          #{type => maps:get(type, OldInner, standard_io)},
                          #{type => maps:get(type, Inner)}}}
    end.

%% @doc Formats and writes one event.
-spec log(logger:log_event(), logger:handler_config()) -> ok.
log(Event0, #{formatter := {FModule, FConfig}} = Config) ->
    %% OTP's standard handler shows a report without a report_cb of its
    %% own as logger:format_otp_report/1 does (a `#{label, report}' map
    %% by its `report' part).
    Event = case Event0 of
                #{msg := {report, _}, meta := #{report_cb := _}} -> Event0;
                #{msg := {report, _}, meta := Meta} ->
                    Event0#{meta := Meta#{report_cb => fun logger:format_otp_report/1}};
                _ -> Event0
            end,
    Text = try FModule:format(Event, FConfig)
           catch C:R:S ->
                   io_lib:format("FORMATTER CRASH: ~tp~n", [{Event, {C, R, S}}])
           end,
    Device = case maps:get(config, Config, #{}) of
                 #{type := standard_error} -> standard_error;
                 _ -> user
             end,
    io:put_chars(Device, Text).

check_type(standard_io) -> ok;
check_type(standard_error) -> ok;
check_type({file, _}) -> {error, {handler_not_added, {file_not_supported_on_ferl}}};
check_type(T) -> {error, {invalid_config, logger_std_h, #{type => T}}}.
