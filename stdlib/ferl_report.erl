%% @doc Report helpers of OTP's behaviours (ferl-internal).
%%
%% The behaviours log their reports through `logger', as OTP's do:
%% `gen_server', `supervisor' and `proc_lib' with OTP's report terms and
%% report callbacks (`=ERROR REPORT====', `=SUPERVISOR REPORT====',
%% `=CRASH REPORT===='); `gen_statem' and `gen_event' still build their
%% text first and log it with `report/3' as a format and its arguments in
%% the `[otp]' domain. The texts end with a newline, so the default
%% handler's output is followed by an empty line, as OTP's is.
%%
%% No natives of its own.
-module(ferl_report).

%% Logging
-export([report/3]).
%% Helpers for the report texts
-export([format_stacktrace/2, format_exception/4]).

-type kind() :: error | warning.

%% ---- logging -------------------------------------------------------------

%% @doc Logs one report of the given kind (error or warning) as
%% `io_lib:format(Format, Args)'.
-spec report(Kind, Format, Args) -> ok when
      Kind :: kind(), Format :: io:format(), Args :: [term()].
report(Kind, Format, Args) ->
    Level = case Kind of
                warning -> warning;
                _ -> error
            end,
    Tag = case Level of
              warning -> warning_msg;
              error -> error
          end,
    logger:log(Level, Format, Args, #{domain => [otp], error_logger => #{tag => Tag}}).

%% ---- report texts ----------------------------------------------------------

%% @doc An exception as the crash report shows it: `exception error: R'
%% then one `in function'/`in call from' line per frame, each line starting
%% with Indent. Frames of `proc_lib' (the process entry) are left out, as
%% OTP leaves them out.
-spec format_exception(Indent, Class, Reason, Stacktrace) -> iolist() when
      Indent :: string(), Class :: error | exit | throw, Reason :: term(),
      Stacktrace :: list().
format_exception(Indent, Class, Reason, Stack) ->
    [io_lib:format("~sexception ~w: ~tp~n", [Indent, Class, Reason]),
     format_stacktrace(Indent ++ "  ", Stack)].

%% @doc The frames of a stack trace, one line each.
-spec format_stacktrace(Indent, Stacktrace) -> iolist() when
      Indent :: string(), Stacktrace :: list().
format_stacktrace(Indent, Stack) when is_list(Stack) ->
    Frames = [F || F <- Stack, not is_entry_frame(F)],
    {Lines, _} = lists:mapfoldl(
                   fun(Frame, First) ->
                           Word = case First of
                                      true -> "in function  ";
                                      false -> "in call from "
                                  end,
                           {[Indent, Word, frame(Frame), $\n], false}
                   end, true, Frames),
    Lines;
format_stacktrace(_Indent, _Stack) ->
    [].

is_entry_frame({proc_lib, _, _, _}) -> true;
is_entry_frame(_) -> false.

frame({M, F, Args, Loc}) when is_list(Args) ->
    frame({M, F, length(Args), Loc});
frame({M, F, A, Loc}) when is_integer(A) ->
    case {proplists:get_value(file, Loc), proplists:get_value(line, Loc)} of
        {File, Line} when File =/= undefined, Line =/= undefined ->
            io_lib:format("~tw:~tw/~w (~ts, line ~w)", [M, F, A, File, Line]);
        _ ->
            io_lib:format("~tw:~tw/~w", [M, F, A])
    end;
frame(Other) ->
    io_lib:format("~tp", [Other]).
