%% @doc Printing the reports of OTP's behaviours (ferl-internal).
%%
%% OTP sends its error, crash and supervisor reports through `logger',
%% whose default handler prints them on standard error as
%%
%% ```
%% =ERROR REPORT==== 4-Dec-2026::04:42:27.447540 ===
%% ** Generic server <0.79.0> terminating
%% ...
%% '''
%%
%% followed by an empty line. ferl has no `logger' yet, so `gen_server',
%% `gen_statem', `gen_event', `supervisor' and `proc_lib' print through
%% this one module instead: it is the single place to redirect once a
%% logger exists. The heading and its timestamp (UTC, microseconds) are
%% the ones ferl's runtime prints for an uncaught error, so that all
%% reports look alike. Progress reports are not printed, as in OTP 25
%% whose default primary level (`notice') filters them out.
%%
%% No natives of its own: it writes with `io:format(standard_error, ...)'.
-module(ferl_report).

%% Printing
-export([report/3]).
%% Helpers for the report texts
-export([format_stacktrace/2, format_exception/4]).

-type kind() :: error | warning | crash | supervisor.

%% ---- printing --------------------------------------------------------------

%% @doc Prints one report of the given kind: the heading, then the text
%% `io_lib:format(Format, Args)', then an empty line, in one write so that
%% reports of concurrent processes do not interleave.
-spec report(Kind, Format, Args) -> ok when
      Kind :: kind(), Format :: io:format(), Args :: [term()].
report(Kind, Format, Args) ->
    Text = try io_lib:format(Format, Args)
           catch _:_ -> io_lib:format("~p: ~p~n", [Format, Args])
           end,
    Heading = io_lib:format("=~s REPORT==== ~s ===~n", [heading(Kind), timestamp()]),
    io:put_chars(standard_error, [Heading, Text, $\n]).

heading(error) -> "ERROR";
heading(warning) -> "WARNING";
heading(crash) -> "CRASH";
heading(supervisor) -> "SUPERVISOR".

%% `4-Dec-2026::04:42:27.447540' as OTP's logger formats it.
timestamp() ->
    Us = erlang:system_time(microsecond),
    {{Y, Mo, D}, {H, Mi, S}} =
        calendar:system_time_to_universal_time(Us div 1000000, second),
    Months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    io_lib:format("~w-~s-~w::~2..0w:~2..0w:~2..0w.~6..0w",
                  [D, element(Mo, Months), Y, H, Mi, S, Us rem 1000000]).

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
