%% @doc OTP 25's `error_logger': the old logging API, kept on top of
%% `logger'.
%%
%% As in OTP, every `*_msg' and `*_report' call is a logger event: the
%% message is a report `#{label => {error_logger, Tag}, format, args}' or
%% `#{label => ..., report => Report}', and the metadata carry
%% `error_logger => #{tag => Tag, type => Type}' and a `report_cb' that
%% turns it back into text, so the default handler prints what OTP's
%% prints (`=ERROR REPORT==== ...'). Levels: error for `error_*', warning
%% for `warning_*', notice for `info_*'.
%%
%% Report handlers (gen_event handlers added with add_report_handler/1,2)
%% run in a gen_event manager registered as `error_logger', which exists
%% while it has handlers. It is fed by a logger handler of the same name
%% (this module's log/2), which turns each event back into the tuple of
%% the old API, `{Tag, GroupLeader, {Pid, FormatOrType, ArgsOrReport}}'
%% with Tag one of `error', `error_report', `warning_msg',
%% `warning_report', `info_msg', `info_report', `info'.
%%
%% Differences from OTP: the manager is not under a supervisor (ferl's
%% kernel has no `logger_sup'), warnings stay warnings (OTP's `+W' flag
%% is not there), and `error_logger_file_h' does not exist, so
%% logfile/1 answers `{error, {not_supported, logfile}}' to `{open, _}'.
%%
%% Natives: none.
-module(error_logger).

%% Logging
-export([error_msg/1, error_msg/2, format/2, error_report/1, error_report/2,
         warning_msg/1, warning_msg/2, warning_report/1, warning_report/2,
         info_msg/1, info_msg/2, info_report/1, info_report/2,
         error_info/1]).
%% Report handlers and output
-export([add_report_handler/1, add_report_handler/2,
         delete_report_handler/1, which_report_handlers/0, tty/1,
         logfile/1]).
%% The manager process
-export([start/0, stop/0]).
%% logger handler callbacks
-export([adding_handler/1, removing_handler/1, log/2]).
%% Helpers OTP exports
-export([warning_map/0, get_format_depth/0, limit_term/1]).

-type report() :: [{Tag :: term(), Data :: term()} | term()] | string() | term().

%%====================================================================
%% Logging
%%====================================================================

%% @doc Logs an error message (`io:format/2' style, no arguments).
-spec error_msg(Format) -> ok when Format :: string().
error_msg(Format) ->
    error_msg(Format, []).

%% @doc Logs an error message.
-spec error_msg(Format, Data) -> ok when Format :: string(), Data :: list().
error_msg(Format, Args) ->
    log_msg(error, error_msg, Format, Args).

%% @doc The same as error_msg/2.
-spec format(Format, Data) -> ok when Format :: string(), Data :: list().
format(Format, Args) ->
    error_msg(Format, Args).

%% @doc Logs an error report (of type `std_error').
-spec error_report(Report) -> ok when Report :: report().
error_report(Report) ->
    error_report(std_error, Report).

%% @doc Logs an error report of a type.
-spec error_report(Type, Report) -> ok when Type :: term(), Report :: report().
error_report(Type, Report) ->
    log_report(error, error_report, Type, Report).

%% @doc Logs a warning message.
-spec warning_msg(Format) -> ok when Format :: string().
warning_msg(Format) ->
    warning_msg(Format, []).

%% @doc Logs a warning message.
-spec warning_msg(Format, Data) -> ok when Format :: string(), Data :: list().
warning_msg(Format, Args) ->
    log_msg(warning, warning_msg, Format, Args).

%% @doc Logs a warning report (of type `std_warning').
-spec warning_report(Report) -> ok when Report :: report().
warning_report(Report) ->
    warning_report(std_warning, Report).

%% @doc Logs a warning report of a type.
-spec warning_report(Type, Report) -> ok when Type :: term(), Report :: report().
warning_report(Type, Report) ->
    log_report(warning, warning_report, Type, Report).

%% @doc Logs an information message (at level notice, as OTP).
-spec info_msg(Format) -> ok when Format :: string().
info_msg(Format) ->
    info_msg(Format, []).

%% @doc Logs an information message.
-spec info_msg(Format, Data) -> ok when Format :: string(), Data :: list().
info_msg(Format, Args) ->
    log_msg(notice, info_msg, Format, Args).

%% @doc Logs an information report (of type `std_info').
-spec info_report(Report) -> ok when Report :: report().
info_report(Report) ->
    info_report(std_info, Report).

%% @doc Logs an information report of a type.
-spec info_report(Type, Report) -> ok when Type :: term(), Report :: report().
info_report(Type, Report) ->
    log_report(notice, info_report, Type, Report).

%% @doc Logs a term (printed as a string if it is one), tag `info'.
-spec error_info(Error :: term()) -> ok.
error_info(Error) ->
    {Format, Args} = case is_flat_string(Error) of
                         true -> {Error, []};
                         false -> {"~p", [Error]}
                     end,
    logger:log(notice, Format, Args,
               #{error_logger => #{tag => info, type => Error},
                 domain => [Error]}).

log_msg(Level, Label, Format, Args) ->
    %% The old API's tag for an error message is plain `error'.
    Tag = case Label of
              error_msg -> error;
              _ -> Label
          end,
    logger:log(Level, #{label => {error_logger, Label}, format => Format, args => Args},
               #{error_logger => #{tag => Tag}, report_cb => fun report_to_format/1}).

log_report(Level, Tag, Type, Report) ->
    Meta0 = #{error_logger => #{tag => Tag, type => Type},
              report_cb => fun report_to_format/1},
    %% A report of a type other than the standard one goes in a domain
    %% named after the type, as in OTP.
    Meta = case {Tag, Type} of
               {error_report, std_error} -> Meta0;
               {warning_report, std_warning} -> Meta0;
               {info_report, std_info} -> Meta0;
               _ -> Meta0#{domain => [Type]}
           end,
    logger:log(Level, #{label => {error_logger, Tag}, report => Report}, Meta).

%% The text of an event of this module: a map report as one term, a
%% format whose arguments do not fit it as an ERROR line (OTP keeps the
%% old API's tolerance of bad arguments), anything else as logger's
%% standard report text.
report_to_format(#{label := {error_logger, _}, report := Report}) when is_map(Report) ->
    {"~tp\n", [Report]};
report_to_format(#{label := {error_logger, _}, format := Format, args := Args}) ->
    %% (OTP checks with io_lib:scan_format/2; formatting checks the same)
    try io_lib:format(Format, Args) of
        _ -> {Format, Args}
    catch _:_ -> {"ERROR: ~tp - ~tp", [Format, Args]}
    end;
report_to_format(Term) ->
    logger:format_otp_report(Term).

is_flat_string(L) when is_list(L) ->
    case lists:flatten(L) of
        [] -> false;
        Flat -> io_lib:printable_list(Flat)
    end;
is_flat_string(_) ->
    false.

%%====================================================================
%% Report handlers
%%====================================================================

%% @doc Adds a gen_event handler that receives the old API's events.
-spec add_report_handler(Handler) -> term() when Handler :: module().
add_report_handler(Module) when is_atom(Module) ->
    add_report_handler(Module, []).

%% @doc Adds a gen_event handler with its init/1 argument.
-spec add_report_handler(Handler, Args) -> Result when
      Handler :: module(),
      Args :: gen_event:handler_args(),
      Result :: gen_event:add_handler_ret().
add_report_handler(Module, Args) when is_atom(Module) ->
    %% The logger handler starts the manager (adding_handler/1); it is
    %% already there if another report handler was added before.
    _ = logger:add_handler(error_logger, error_logger,
                           #{level => info, filter_default => log}),
    gen_event:add_handler(error_logger, Module, Args).

%% @doc Removes a report handler; the last one takes the manager and the
%% logger handler with it.
-spec delete_report_handler(Handler) -> Result when
      Handler :: module(),
      Result :: gen_event:del_handler_ret().
delete_report_handler(Module) when is_atom(Module) ->
    case whereis(error_logger) of
        Pid when is_pid(Pid) ->
            Result = gen_event:delete_handler(error_logger, Module, []),
            case gen_event:which_handlers(error_logger) of
                [] -> _ = logger:remove_handler(error_logger);
                _ -> ok
            end,
            Result;
        undefined ->
            ok
    end.

%% @doc The report handlers installed.
-spec which_report_handlers() -> [module() | {module(), term()}].
which_report_handlers() ->
    case whereis(error_logger) of
        Pid when is_pid(Pid) -> gen_event:which_handlers(error_logger);
        undefined -> []
    end.

%% @doc Turns printing of the standard events on the terminal on or off
%% (through a filter on logger's default handler, as OTP does).
-spec tty(Flag) -> ok when Flag :: boolean().
tty(true) ->
    _ = case logger:get_handler_config(default) of
            {ok, #{module := logger_std_h, config := #{type := standard_io}}} ->
                logger:remove_handler_filter(default, error_logger_tty_false);
            _ ->
                logger:add_handler(error_logger_tty_true, logger_std_h,
                                   #{filter_default => stop,
                                     filters => tty_filters(),
                                     config => #{type => standard_io}})
        end,
    ok;
tty(false) ->
    _ = logger:remove_handler(error_logger_tty_true),
    _ = case logger:get_handler_config(default) of
            {ok, #{module := logger_std_h, config := #{type := standard_io}}} ->
                logger:add_handler_filter(default, error_logger_tty_false,
                                          {fun(_, _) -> stop end, ok});
            _ ->
                ok
        end,
    ok.

%% The filters OTP gives its default handler.
tty_filters() ->
    [{remote_gl, {fun logger_filters:remote_gl/2, stop}},
     {domain, {fun logger_filters:domain/2, {log, super, [otp, sasl]}}},
     {no_domain, {fun logger_filters:domain/2, {log, undefined, []}}}].

%% @doc Log files of the old API: not available in ferl (no
%% `error_logger_file_h'); closing or asking for the name answers as OTP
%% does when there is no log file.
-spec logfile(Request) -> ok | Filename | {error, term()} when
      Request :: {open, Filename} | close | filename,
      Filename :: file:name().
logfile({open, _File}) ->
    {error, {not_supported, logfile}};
logfile(close) ->
    case whereis(error_logger) of
        Pid when is_pid(Pid) ->
            case gen_event:delete_handler(error_logger, error_logger_file_h, normal) of
                {error, Reason} -> {error, Reason};
                _ -> ok
            end;
        undefined ->
            {error, module_not_found}
    end;
logfile(filename) ->
    {error, no_log_file}.

%%====================================================================
%% The manager
%%====================================================================

%% @doc Starts the `error_logger' event manager if it is not running.
-spec start() -> ok | {error, term()}.
start() ->
    case whereis(error_logger) of
        undefined ->
            %% Not linked: the manager outlives whoever added the first
            %% handler, as OTP's (under logger_sup) does.
            case gen_event:start({local, error_logger}) of
                {ok, _} -> ok;
                {error, {already_started, _}} -> ok;
                Error -> Error
            end;
        _ ->
            ok
    end.

%% @doc Stops the event manager.
-spec stop() -> ok.
stop() ->
    case whereis(error_logger) of
        undefined -> ok;
        _ ->
            _ = catch gen_event:stop(error_logger, {shutdown, stopped}, infinity),
            ok
    end.

%% @doc logger callback: the handler `error_logger' starts the manager.
-spec adding_handler(logger:handler_config()) ->
          {ok, logger:handler_config()} | {error, term()}.
adding_handler(#{id := error_logger} = Config) ->
    case start() of
        ok -> {ok, Config};
        Error -> Error
    end.

%% @doc logger callback: removing the handler stops the manager.
-spec removing_handler(logger:handler_config()) -> ok.
removing_handler(#{id := error_logger}) ->
    stop().

%% @doc logger callback: passes an event to the report handlers in the
%% old API's form. Only events made by this module's API (or carrying
%% its `error_logger' metadata) are passed on, as in OTP.
-spec log(logger:log_event(), logger:handler_config()) -> ok.
log(#{level := Level, msg := Msg, meta := Meta}, _Config) ->
    forward(Level, Msg, Meta).

forward(Level, {report, Msg}, #{error_logger := #{tag := Tag, type := Type}} = Meta) ->
    Report = case Msg of
                 #{label := _, report := R} -> R;
                 _ -> Msg
             end,
    notify(Level, Tag, Type, Report, Meta);
forward(Level, {report, Msg}, #{error_logger := #{tag := Tag}} = Meta) ->
    {Format, Args} =
        case Msg of
            #{label := _, format := F, args := A} -> {F, A};
            _ -> report_cb_text(Msg, Meta)
        end,
    notify(Level, Tag, Format, Args, Meta);
forward(Level, {Format, Args}, #{error_logger := #{tag := Tag}} = Meta)
  when is_list(Format), is_list(Args) ->
    notify(Level, Tag, Format, Args, Meta);
forward(_, _, _) ->
    ok.

report_cb_text(Msg, Meta) ->
    Cb = case Meta of
             #{error_logger := #{report_cb := F}} -> F;
             #{report_cb := F} -> F;
             _ -> fun logger:format_report/1
         end,
    case Cb of
        _ when is_function(Cb, 1) ->
            try Cb(Msg) of
                {F1, A1} when is_list(F1), is_list(A1) -> {F1, A1};
                Other -> {"REPORT_CB ERROR: ~tp; Returned: ~tp", [Msg, Other]}
            catch C:R:S -> {"REPORT_CB CRASH: ~tp; Reason: ~tp", [Msg, {C, R, S}]}
            end;
        _ when is_function(Cb, 2) ->
            try Cb(Msg, #{depth => get_format_depth(), chars_limit => unlimited,
                          single_line => false}) of
                Text when is_list(Text); is_binary(Text) -> {"~ts", [Text]};
                Other -> {"REPORT_CB ERROR: ~tp; Returned: ~tp", [Msg, Other]}
            catch C:R -> {"REPORT_CB CRASH: ~tp; Reason: ~tp", [Msg, {C, R}]}
            end
    end.

notify(_Level, Tag, FormatOrType, ArgsOrReport, #{pid := Pid0, gl := GL} = Meta) ->
    Pid = case Meta of
              #{error_logger := #{emulator := true}} -> emulator;
              _ -> Pid0
          end,
    case whereis(error_logger) of
        undefined -> ok;
        _ -> gen_event:notify(error_logger, {Tag, GL, {Pid, FormatOrType, ArgsOrReport}})
    end.

%%====================================================================
%% Helpers
%%====================================================================

%% @doc How warnings are mapped (OTP's `+W' flag): always `warning'.
-spec warning_map() -> error | warning | info.
warning_map() ->
    warning.

%% @doc The depth terms are printed to (kernel's
%% `error_logger_format_depth', at least 10).
-spec get_format_depth() -> unlimited | pos_integer().
get_format_depth() ->
    case application:get_env(kernel, error_logger_format_depth) of
        {ok, Depth} when is_integer(Depth) -> max(10, Depth);
        _ -> unlimited
    end.

%% @doc A term cut to the format depth.
-spec limit_term(term()) -> term().
limit_term(Term) ->
    case get_format_depth() of
        unlimited -> Term;
        D -> io_lib:limit_term(Term, D)
    end.
