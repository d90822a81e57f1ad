%% @doc OTP 25's `logger_formatter': turns a log event into text by a
%% template.
%%
%% The template is a list of metadata keys (`time', `level', `pid', `mfa',
%% `msg', any other key, or a key path `[K1, K2]' into nested maps),
%% strings printed as they are, and `{Key, IfExists, Else}' choices. The
%% defaults are OTP's: `[time, " ", level, ": ", msg, "\n"]' (with
%% `":\n"' when not `single_line'), and with `legacy_header' the old
%% `=ERROR REPORT==== 4-Dec-2026::18:50:01.123456 ===' heading, whose title
%% a report may set in its `logger_formatter => #{title => T}' metadata.
%%
%% The message is a string, a format and its arguments, or a report
%% shown by the event's `report_cb' (from the metadata, else the config),
%% else one `Key: Value' line per field. With `single_line' the lines are
%% joined by `", "' and terms are printed without line breaks; `depth'
%% cuts terms as `~P' does. `chars_limit' and `max_size' are accepted and
%% checked but not applied (ferl's `io_lib' has no `format/3' yet).
%% No natives.
-module(logger_formatter).

%% Formatting
-export([format/2]).
%% Configuration
-export([check_config/1]).

-type config() :: #{chars_limit => pos_integer() | unlimited,
                    depth => pos_integer() | unlimited,
                    legacy_header => boolean(),
                    max_size => pos_integer() | unlimited,
                    report_cb => logger:report_cb(),
                    single_line => boolean(),
                    template => template(),
                    time_designator => byte(),
                    time_offset => integer() | [byte()]}.
-type template() :: [metakey() | {metakey(), template(), template()} | unicode:chardata()].
-type metakey() :: atom() | [atom()].
-export_type([config/0, template/0]).

%% ---- formatting ------------------------------------------------------------

%% @doc The text of Event by Config.
-spec format(logger:log_event(), config()) -> unicode:chardata().
format(#{level := _, msg := _, meta := _} = Event, Config0) when is_map(Config0) ->
    Config = add_defaults(Config0),
    Template = maps:get(template, Config),
    lists:flatten([element(E, Event, Config) || E <- Template]).

add_defaults(C0) ->
    C = maps:merge(#{chars_limit => unlimited, depth => unlimited,
                     legacy_header => false, max_size => unlimited,
                     single_line => true, time_designator => $T,
                     time_offset => ""}, C0),
    case C of
        #{template := _} -> C;
        #{legacy_header := true} ->
            C#{template => [[logger_formatter, header], "\n", msg, "\n"]};
        #{single_line := true} ->
            C#{template => [time, " ", level, ": ", msg, "\n"]};
        _ ->
            C#{template => [time, " ", level, ":\n", msg, "\n"]}
    end.

element([logger_formatter, header], Event, Config) ->
    case Config of
        #{legacy_header := true} -> header(Event, Config);
        _ -> ""
    end;
element(msg, Event, Config) ->
    message(Event, Config);
element(level, #{level := L}, _Config) ->
    atom_to_list(L);
element(Key, #{meta := Meta} = Event, Config) when is_atom(Key); is_list(Key), is_atom(hd(Key)) ->
    case lookup(Key, Meta) of
        {ok, V} -> value(Key, V, Event, Config);
        error -> ""
    end;
element({Key, IfExists, Else}, #{meta := Meta} = Event, Config) ->
    Chosen = case lookup(Key, Meta) of
                 {ok, _} -> IfExists;
                 error -> Else
             end,
    [element(E, Event, Config) || E <- Chosen];
element(Text, _Event, _Config) when is_list(Text); is_binary(Text) ->
    unicode:characters_to_list(Text).

lookup(Key, Meta) when is_atom(Key) ->
    case Meta of
        #{Key := V} -> {ok, V};
        _ -> error
    end;
lookup([Key], Meta) ->
    lookup(Key, Meta);
lookup([Key | Rest], Meta) ->
    case Meta of
        #{Key := Sub} when is_map(Sub) -> lookup(Rest, Sub);
        _ -> error
    end.

value(time, T, _Event, Config) when is_integer(T) ->
    rfc3339(T, Config);
value(mfa, {M, F, A}, _Event, _Config) when is_atom(M), is_atom(F), is_integer(A) ->
    io_lib:format("~tw:~tw/~w", [M, F, A]);
value(mfa, {M, F, A}, _Event, _Config) when is_atom(M), is_atom(F), is_list(A) ->
    io_lib:format("~tw:~tw/~w", [M, F, length(A)]);
value(_Key, V, _Event, Config) ->
    if is_atom(V) -> atom_to_list(V);
       true ->
            case printable(V) of
                true -> unicode:characters_to_list(V);
                false -> term(V, Config)
            end
    end.

printable(V) when is_list(V) -> io_lib:printable_unicode_list(V);
printable(_) -> false.

term(V, #{single_line := true} = Config) -> io_lib:format("~0tP", [V, depth(Config)]);
term(V, Config) -> io_lib:format("~tP", [V, depth(Config)]).

depth(#{depth := unlimited}) -> -1;
depth(#{depth := D}) -> D.

%% ---- the message -----------------------------------------------------------

message(#{msg := Msg, meta := Meta}, Config) ->
    Text = case Msg of
               {string, S} -> string(S);
               {report, R} -> report(R, Meta, Config);
               {F, A} -> fmt(F, A, Config)
           end,
    case Config of
        #{single_line := true} -> single_line(Text);
        _ -> Text
    end.

string(S) ->
    try unicode:characters_to_list(S) of
        L when is_list(L) -> L;
        _ -> format_error("~ts", [S])
    catch _:_ -> format_error("~ts", [S])
    end.

report(R, Meta, Config) ->
    Cb = case Meta of
             #{report_cb := MetaCb} when is_function(MetaCb) -> MetaCb;
             _ -> maps:get(report_cb, Config, fun logger:format_report/1)
         end,
    case Cb of
        _ when is_function(Cb, 1) ->
            try Cb(R) of
                {F, A} when is_list(A) -> fmt(F, A, Config);
                Other -> report_cb_error(1, Cb, R, {bad_return_value, Other})
            catch C:E -> report_cb_error(1, Cb, R, {C, E})
            end;
        _ when is_function(Cb, 2) ->
            Opts = maps:with([depth, chars_limit, single_line], Config),
            try Cb(R, Opts) of
                Chars ->
                    case catch unicode:characters_to_list(Chars) of
                        L when is_list(L) -> L;
                        _ -> report_cb_error(2, Cb, R, {bad_return_value, Chars})
                    end
            catch C:E -> report_cb_error(2, Cb, R, {C, E})
            end
    end.

report_cb_error(Arity, Cb, R, Why) ->
    lists:flatten(io_lib:format("REPORT_CB/~w ERROR: ~tp; Returned: ~tp",
                                [Arity, R, {Cb, Why}])).

fmt(Format, Args, Config) ->
    {F, A} = reformat(Format, Args, Config),
    try lists:flatten(io_lib:format(F, A))
    catch _:_ -> format_error(Format, Args)
    end.

format_error(Format, Args) ->
    lists:flatten(io_lib:format("FORMAT ERROR: ~tp - ~tp", [Format, Args])).

%% Lines joined by ", " as OTP's single-line output joins them.
single_line(Text) ->
    join_lines(string:trim(Text, both, " \t\n\r")).

join_lines([$\r, $\n | T]) -> join_lines([$\n | T]);
join_lines([$\n | T]) ->
    Rest = lists:dropwhile(fun(C) -> C =:= $\s orelse C =:= $\t orelse C =:= $\n end, T),
    [$,, $\s | join_lines(Rest)];
join_lines([C | T]) -> [C | join_lines(T)];
join_lines([]) -> [].

%% The format string with `~p' made single-line (`~0p') and depth-limited
%% (`~P' with the depth as an extra argument), as OTP rewrites it. A format
%% this cannot read is left as it is, so io_lib reports the error.
reformat(Format, Args, #{single_line := false, depth := unlimited}) ->
    {Format, Args};
reformat(Format, Args, Config) ->
    try
        F = if is_atom(Format) -> atom_to_list(Format);
               is_binary(Format) -> unicode:characters_to_list(Format);
               true -> lists:flatten(Format)
            end,
        rewrite(F, Args, Config, [], [])
    catch _:_ -> {Format, Args}
    end.

rewrite([], [], _Config, FAcc, AAcc) ->
    {lists:reverse(FAcc), lists:reverse(AAcc)};
rewrite([$~ | T], Args, Config, FAcc, AAcc) ->
    {Spec, Rest} = directive(T),
    {Width, Prec, Pad, Mods, Ctl} = Spec,
    Stars = length([x || star <- [Width, Prec, Pad]]),
    {StarArgs, Args1} = lists:split(Stars, Args),
    N = consumed(Ctl),
    {CtlArgs, Args2} = lists:split(N, Args1),
    {Width1, Ctl1, CtlArgs1} = adjust(Width, Ctl, CtlArgs, Config),
    Text = [$~, field(Width1), prec(Prec, Pad), Mods, Ctl1],
    rewrite(Rest, Args2, Config, lists:reverse(lists:flatten(Text), FAcc),
            lists:reverse(StarArgs ++ CtlArgs1, AAcc));
rewrite([C | T], Args, Config, FAcc, AAcc) ->
    rewrite(T, Args, Config, [C | FAcc], AAcc).

adjust(Width, $p, [V], #{depth := D} = Config) when D =/= unlimited ->
    {single_width(Width, Config), $P, [V, D]};
adjust(Width, $w, [V], #{depth := D}) when D =/= unlimited ->
    {Width, $W, [V, D]};
adjust(Width, C, Args, Config) when C =:= $p; C =:= $P ->
    {single_width(Width, Config), C, Args};
adjust(Width, C, Args, _Config) ->
    {Width, C, Args}.

single_width(none, #{single_line := true}) -> "0";
single_width(W, _) -> W.

field(none) -> "";
field(star) -> "*";
field(W) -> W.

prec(none, none) -> "";
prec(P, none) -> [$., field(P)];
prec(P, Pad) -> [$., field(P), $., case Pad of star -> "*"; {char, C} -> [C] end].

%% Reads `[-]W.P.Pad' modifiers and the control character after a `~'.
directive(T0) ->
    {Width, T1} = number(T0),
    {Prec, Pad, T2} =
        case T1 of
            [$. | R1] ->
                {P, R2} = number(R1),
                case R2 of
                    [$., $* | R3] -> {P, star, R3};
                    [$., C | R3] -> {P, {char, C}, R3};
                    _ -> {P, none, R2}
                end;
            _ ->
                {none, none, T1}
        end,
    {Mods, [Ctl | T3]} = lists:splitwith(fun(C) -> lists:member(C, "tlk") end, T2),
    {{Width, Prec, Pad, Mods, Ctl}, T3}.

number([$* | T]) -> {star, T};
number([$- | T]) ->
    {D, R} = lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, T),
    {[$- | D], R};
number(T) ->
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, T) of
        {[], R} -> {none, R};
        {D, R} -> {D, R}
    end.

consumed(C) when C =:= $n; C =:= $~ -> 0;
consumed(C) when C =:= $P; C =:= $W; C =:= $x; C =:= $X -> 2;
consumed(_) -> 1.

%% ---- time and heading ------------------------------------------------------

header(#{level := Level, meta := Meta}, Config) ->
    Title = case Meta of
                #{logger_formatter := #{title := T}} -> T;
                %% Reports made for error_logger keep error_logger's
                %% headings (an application's exit is an INFO REPORT).
                #{error_logger := #{tag := Tag}} when Tag =:= info_report; Tag =:= info_msg ->
                    "INFO REPORT";
                #{error_logger := #{tag := Tag}} when Tag =:= warning_report; Tag =:= warning_msg ->
                    "WARNING REPORT";
                #{error_logger := #{tag := Tag}} when Tag =:= error_report; Tag =:= error ->
                    "ERROR REPORT";
                _ -> string:uppercase(atom_to_list(Level)) ++ " REPORT"
            end,
    Time = case Meta of
               #{time := T0} when is_integer(T0) -> T0;
               _ -> logger:timestamp()
           end,
    %% The old heading shows local time, or UTC marked as such when the
    %% configured offset is zero.
    {Shown, Suffix} = case Config of
                          #{time_offset := Spec} when Spec =/= "" ->
                              case offset_seconds(Spec) of
                                  Z when Z =:= z; Z =:= 0 -> {Config, " UTC"};
                                  _ -> {Config#{time_offset := ""}, ""}
                              end;
                          _ -> {Config, ""}
                      end,
    {{{Y, Mo, D}, {H, Mi, S}}, Us, _} = local(Time, Shown),
    io_lib:format("=~ts==== ~w-~s-~w::~2..0w:~2..0w:~2..0w.~6..0w~s ===",
                  [Title, D, month(Mo), Y, H, Mi, S, Us, Suffix]).

rfc3339(Time, #{time_designator := Des} = Config) ->
    {{{Y, Mo, D}, {H, Mi, S}}, Us, Offset} = local(Time, Config),
    io_lib:format("~4..0w-~2..0w-~2..0w~c~2..0w:~2..0w:~2..0w.~6..0w~s",
                  [Y, Mo, D, Des, H, Mi, S, Us, offset_text(Offset)]).

%% The date and time of a system time (microseconds) after the
%% configured offset: "" is the local time zone, "Z" UTC, an integer
%% microseconds, "+HH:MM"/"-HH:MM" as written.
local(Time, #{time_offset := Spec}) ->
    Offset = offset_seconds(Spec),
    Secs = Time div 1000000 + (case Offset of z -> 0; O -> O end),
    Us = Time rem 1000000,
    DT = calendar:gregorian_seconds_to_datetime(Secs + 62167219200),
    {DT, Us, Offset}.

offset_seconds("") ->
    Local = calendar:datetime_to_gregorian_seconds(erlang:localtime()),
    Utc = calendar:datetime_to_gregorian_seconds(erlang:universaltime()),
    %% Rounded to the minute: the two clock reads may straddle a second.
    round((Local - Utc) / 60) * 60;
offset_seconds(Z) when Z =:= "Z"; Z =:= "z" -> z;
offset_seconds(N) when is_integer(N) -> N div 1000000;
offset_seconds([Sign, H1, H2, $:, M1, M2]) ->
    S = (list_to_integer([H1, H2]) * 60 + list_to_integer([M1, M2])) * 60,
    case Sign of $- -> -S; _ -> S end.

offset_text(z) -> "Z";
offset_text(Secs) ->
    Sign = if Secs < 0 -> $-; true -> $+ end,
    A = abs(Secs) div 60,
    io_lib:format("~c~2..0w:~2..0w", [Sign, A div 60, A rem 60]).

month(M) ->
    element(M, {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}).

%% ---- configuration ---------------------------------------------------------

%% @doc `ok', or the first bad key of Config as OTP words it.
-spec check_config(config()) -> ok | {error, term()}.
check_config(Config) when is_map(Config) ->
    check(lists:sort(maps:to_list(Config)));
check_config(Config) ->
    {error, {invalid_formatter_config, logger_formatter, Config}}.

check([]) -> ok;
check([{template, T} | Rest]) ->
    case is_template(T) of
        true -> check(Rest);
        false -> {error, {invalid_formatter_template, logger_formatter, T}}
    end;
check([{K, V} | Rest]) ->
    case valid(K, V) of
        true -> check(Rest);
        false -> {error, {invalid_formatter_config, logger_formatter, {K, V}}}
    end.

valid(chars_limit, V) -> V =:= unlimited orelse (is_integer(V) andalso V > 0);
valid(depth, V) -> V =:= unlimited orelse (is_integer(V) andalso V > 0);
valid(max_size, V) -> V =:= unlimited orelse (is_integer(V) andalso V > 0);
valid(legacy_header, V) -> is_boolean(V);
valid(single_line, V) -> is_boolean(V);
valid(report_cb, V) -> is_function(V, 1) orelse is_function(V, 2);
valid(time_designator, V) -> is_integer(V) andalso V >= 0 andalso V =< 255;
valid(time_offset, V) when is_integer(V) -> true;
valid(time_offset, V) ->
    try offset_seconds(V) of _ -> true catch _:_ -> false end;
valid(_, _) -> false.

is_template(T) when is_list(T) -> lists:all(fun is_template_element/1, T);
is_template(_) -> false.

is_template_element(A) when is_atom(A) -> true;
is_template_element({K, T1, T2}) -> is_key(K) andalso is_template(T1) andalso is_template(T2);
is_template_element(S) when is_binary(S) -> true;
is_template_element([]) -> true;
is_template_element([A | _] = L) when is_atom(A) -> is_key(L);
is_template_element(L) when is_list(L) -> io_lib:printable_unicode_list(L);
is_template_element(_) -> false.

is_key(K) when is_atom(K) -> true;
is_key([_ | _] = L) -> lists:all(fun erlang:is_atom/1, L);
is_key(_) -> false.
