%% @doc Local and universal time, day of the week, date and time
%% conversions; compatible with OTP 25's `calendar'.
%%
%% Dates are proleptic Gregorian dates `{Year, Month, Day}' with
%% `Year >= 0'; day 0 is `{0, 1, 1}' and second 0 is its midnight. The
%% arithmetic is done here in Erlang; the clock and the time zone come from
%% runtime BIFs: `erlang:localtime/0', `erlang:universaltime/0',
%% `erlang:localtime_to_universaltime/1,2' and
%% `erlang:universaltime_to_localtime/1'.
%%
%% RFC 3339 strings: `system_time_to_rfc3339/2' writes
%% `YYYY-MM-DDTHH:MM:SS[.frac]Offset', with as many fraction digits as the
%% unit has (3, 6 or 9) and the local offset unless `{offset, _}' is given
%% (a string used as is, or an integer in the unit); `rfc3339_to_system_time/2'
%% reads the same shape (`T', `t' or a space between date and time, `Z',
%% `z' or `+HH:MM'/`-HH:MM' at the end). As on OTP, a time before 1970 is written with its seconds
%% truncated towards zero and its fraction without sign, and read back the
%% same way; a fraction read is rounded to the unit (ignored for seconds).
-module(calendar).

%% Date arithmetic.
-export([date_to_gregorian_days/1, date_to_gregorian_days/3,
         gregorian_days_to_date/1, datetime_to_gregorian_seconds/1,
         gregorian_seconds_to_datetime/1, day_of_the_week/1,
         day_of_the_week/3, is_leap_year/1, last_day_of_the_month/2,
         valid_date/1, valid_date/3, iso_week_number/0, iso_week_number/1]).

%% Time of day arithmetic.
-export([time_to_seconds/1, seconds_to_time/1, seconds_to_daystime/1,
         time_difference/2]).

%% Clock and time zone conversions.
-export([local_time/0, universal_time/0, local_time_to_universal_time/1,
         local_time_to_universal_time/2, local_time_to_universal_time_dst/1,
         universal_time_to_local_time/1, now_to_datetime/1,
         now_to_local_time/1, now_to_universal_time/1,
         system_time_to_local_time/2, system_time_to_universal_time/2]).

%% RFC 3339 time stamps.
-export([rfc3339_to_system_time/1, rfc3339_to_system_time/2,
         system_time_to_rfc3339/1, system_time_to_rfc3339/2]).

-export_type([date/0, time/0, datetime/0, datetime1970/0]).

-type year() :: non_neg_integer().
-type year1970() :: 1970..10000.
-type month() :: 1..12.
-type day() :: 1..31.
-type hour() :: 0..23.
-type minute() :: 0..59.
-type second() :: 0..59.
-type daynum() :: 1..7.
-type ldom() :: 28 | 29 | 30 | 31.
-type weeknum() :: 1..53.
-type date() :: {year(), month(), day()}.
-type time() :: {hour(), minute(), second()}.
-type datetime() :: {date(), time()}.
-type datetime1970() :: {{year1970(), month(), day()}, time()}.
-type yearweeknum() :: {year(), weeknum()}.
-type rfc3339_string() :: [byte(), ...].
-type rfc3339_time_unit() :: 'microsecond' | 'millisecond' | 'nanosecond'
                           | 'second' | 'native'.

-define(SECONDS_PER_DAY, 86400).
-define(DAYS_PER_400_YEARS, 146097).
-define(DAYS_FROM_0_TO_1970, 719528).
-define(SECONDS_FROM_0_TO_1970, (?DAYS_FROM_0_TO_1970 * ?SECONDS_PER_DAY)).

%%% ------------------------------------------------------------------
%%% Date arithmetic
%%% ------------------------------------------------------------------

%% @doc The number of days from `{0, 1, 1}' to `Date'.
-spec date_to_gregorian_days(Date) -> Days when
      Date :: date(),
      Days :: non_neg_integer().
date_to_gregorian_days({Year, Month, Day}) ->
    date_to_gregorian_days(Year, Month, Day).

%% @doc The number of days from `{0, 1, 1}' to `{Year, Month, Day}'.
-spec date_to_gregorian_days(Year, Month, Day) -> Days when
      Year :: year(),
      Month :: month(),
      Day :: day(),
      Days :: non_neg_integer().
date_to_gregorian_days(Year, Month, Day) when is_integer(Day), Day > 0 ->
    Last = last_day_of_the_month(Year, Month),
    if Day =< Last ->
            days_before_year(Year) + days_before_month(Year, Month) + Day - 1
    end.

days_before_year(0) -> 0;
days_before_year(Y) ->
    Y * 365 + (Y + 3) div 4 - (Y + 99) div 100 + (Y + 399) div 400.

days_before_month(Y, M) ->
    element(M, {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}) +
        case M > 2 andalso is_leap_year1(Y) of
            true -> 1;
            false -> 0
        end.

%% @doc The date `Days' days after `{0, 1, 1}'.
-spec gregorian_days_to_date(Days) -> date() when
      Days :: non_neg_integer().
gregorian_days_to_date(Days) ->
    Year = year_of_day(Days),
    DayOfYear = Days - days_before_year(Year),
    {Month, Day} = month_day(Year, DayOfYear),
    {Year, Month, Day}.

year_of_day(Days) when Days >= 0 ->
    adjust_year(Days * 400 div ?DAYS_PER_400_YEARS, Days).

adjust_year(Y, Days) ->
    case days_before_year(Y + 1) =< Days of
        true -> adjust_year(Y + 1, Days);
        false ->
            case days_before_year(Y) > Days of
                true -> adjust_year(Y - 1, Days);
                false -> Y
            end
    end.

month_day(Year, DayOfYear) -> month_day(Year, DayOfYear, 12).

month_day(Year, DayOfYear, M) ->
    Before = days_before_month(Year, M),
    if DayOfYear >= Before -> {M, DayOfYear - Before + 1};
       true -> month_day(Year, DayOfYear, M - 1)
    end.

%% @doc The number of seconds from `{{0, 1, 1}, {0, 0, 0}}' to `DateTime'.
-spec datetime_to_gregorian_seconds(DateTime) -> Seconds when
      DateTime :: datetime(),
      Seconds :: non_neg_integer().
datetime_to_gregorian_seconds({Date, Time}) ->
    ?SECONDS_PER_DAY * date_to_gregorian_days(Date) + time_to_seconds(Time).

%% @doc The date and time `Seconds' seconds after
%% `{{0, 1, 1}, {0, 0, 0}}'.
-spec gregorian_seconds_to_datetime(Seconds) -> datetime() when
      Seconds :: non_neg_integer().
gregorian_seconds_to_datetime(Secs) when Secs >= 0 ->
    Days = Secs div ?SECONDS_PER_DAY,
    Rest = Secs rem ?SECONDS_PER_DAY,
    {gregorian_days_to_date(Days), seconds_to_time(Rest)}.

%% @doc The day of the week of `Date', 1 (Monday) to 7 (Sunday).
-spec day_of_the_week(Date) -> daynum() when
      Date :: date().
day_of_the_week({Year, Month, Day}) -> day_of_the_week(Year, Month, Day).

%% @doc The day of the week of `{Year, Month, Day}', 1 (Monday) to 7
%% (Sunday).
-spec day_of_the_week(Year, Month, Day) -> daynum() when
      Year :: year(),
      Month :: month(),
      Day :: day().
day_of_the_week(Year, Month, Day) ->
    (date_to_gregorian_days(Year, Month, Day) + 5) rem 7 + 1.

%% @doc True if `Year' is a leap year.
-spec is_leap_year(Year) -> boolean() when
      Year :: year().
is_leap_year(Y) when is_integer(Y), Y >= 0 -> is_leap_year1(Y).

is_leap_year1(Y) when Y rem 4 =:= 0, Y rem 100 > 0 -> true;
is_leap_year1(Y) when Y rem 400 =:= 0 -> true;
is_leap_year1(_) -> false.

%% @doc The number of days in month `Month' of year `Year'.
-spec last_day_of_the_month(Year, Month) -> LastDay when
      Year :: year(),
      Month :: month(),
      LastDay :: ldom().
last_day_of_the_month(Y, M) when is_integer(Y), Y >= 0 ->
    last_day_of_the_month1(Y, M).

last_day_of_the_month1(_, 4) -> 30;
last_day_of_the_month1(_, 6) -> 30;
last_day_of_the_month1(_, 9) -> 30;
last_day_of_the_month1(_, 11) -> 30;
last_day_of_the_month1(Y, 2) ->
    case is_leap_year(Y) of
        true -> 29;
        false -> 28
    end;
last_day_of_the_month1(_, M) when is_integer(M), M > 0, M < 13 -> 31.

%% @doc True if `Date' is a valid date.
-spec valid_date(Date) -> boolean() when
      Date :: date().
valid_date({Y, M, D}) -> valid_date(Y, M, D).

%% @doc True if `{Year, Month, Day}' is a valid date.
-spec valid_date(Year, Month, Day) -> boolean() when
      Year :: integer(),
      Month :: integer(),
      Day :: integer().
valid_date(Y, M, D) when is_integer(Y), is_integer(M), is_integer(D) ->
    Y >= 0 andalso M > 0 andalso M < 13 andalso D > 0 andalso
        D =< last_day_of_the_month(Y, M).

%% @doc The ISO week number of the local date.
-spec iso_week_number() -> yearweeknum().
iso_week_number() ->
    {Date, _} = local_time(),
    iso_week_number(Date).

%% @doc The ISO 8601 `{Year, WeekNumber}' of `Date': weeks start on Monday
%% and week 1 is the one that holds the year's first Thursday.
-spec iso_week_number(Date) -> yearweeknum() when
      Date :: date().
iso_week_number({Year, Month, Day}) ->
    Days = date_to_gregorian_days(Year, Month, Day),
    WeekDay = (Days + 5) rem 7 + 1,
    Thursday = Days + 4 - WeekDay,
    {TYear, _, _} = gregorian_days_to_date(Thursday),
    {TYear, (Thursday - days_before_year(TYear)) div 7 + 1}.

%%% ------------------------------------------------------------------
%%% Time of day arithmetic
%%% ------------------------------------------------------------------

%% @doc The number of seconds since midnight of `Time'.
-spec time_to_seconds(Time) -> secs_per_day() when
      Time :: time().
time_to_seconds({H, M, S}) when is_integer(H), is_integer(M), is_integer(S) ->
    H * 3600 + M * 60 + S.

-type secs_per_day() :: 0..86400.

%% @doc The time of day `Seconds' seconds after midnight.
-spec seconds_to_time(Seconds) -> time() when
      Seconds :: secs_per_day().
seconds_to_time(Secs) when Secs >= 0, Secs < ?SECONDS_PER_DAY ->
    Secs0 = Secs rem ?SECONDS_PER_DAY,
    Hour = Secs0 div 3600,
    Secs1 = Secs0 rem 3600,
    {Hour, Secs1 div 60, Secs1 rem 60}.

%% @doc `{Days, Time}' for a number of seconds (days may be negative).
-spec seconds_to_daystime(Seconds) -> {Days, Time} when
      Seconds :: integer(),
      Days :: integer(),
      Time :: time().
seconds_to_daystime(Secs) ->
    Days0 = Secs div ?SECONDS_PER_DAY,
    Secs0 = Secs rem ?SECONDS_PER_DAY,
    if Secs0 < 0 -> {Days0 - 1, seconds_to_time(Secs0 + ?SECONDS_PER_DAY)};
       true -> {Days0, seconds_to_time(Secs0)}
    end.

%% @doc The difference `T2 - T1' as `{Days, Time}' (obsolete).
-spec time_difference(T1, T2) -> {Days, Time} when
      T1 :: datetime(),
      T2 :: datetime(),
      Days :: integer(),
      Time :: time().
time_difference({{Y1, Mo1, D1}, {H1, Mi1, S1}},
                {{Y2, Mo2, D2}, {H2, Mi2, S2}}) ->
    Secs = datetime_to_gregorian_seconds({{Y2, Mo2, D2}, {H2, Mi2, S2}}) -
        datetime_to_gregorian_seconds({{Y1, Mo1, D1}, {H1, Mi1, S1}}),
    seconds_to_daystime(Secs).

%%% ------------------------------------------------------------------
%%% Clock and time zone conversions
%%% ------------------------------------------------------------------

%% @doc The local date and time.
-spec local_time() -> datetime().
local_time() -> erlang:localtime().

%% @doc The universal (UTC) date and time.
-spec universal_time() -> datetime().
universal_time() -> erlang:universaltime().

%% @doc The universal time of a local time (obsolete: see
%% `local_time_to_universal_time_dst/1').
-spec local_time_to_universal_time(DateTime1) -> DateTime2 when
      DateTime1 :: datetime1970(),
      DateTime2 :: datetime1970().
local_time_to_universal_time(DateTime) ->
    erlang:localtime_to_universaltime(DateTime).

%% @doc The universal time of a local time, daylight saving time being in
%% effect or not as `IsDst' says (`undefined' lets the system decide).
-spec local_time_to_universal_time(DateTime, IsDst) -> datetime() when
      DateTime :: datetime1970(),
      IsDst :: true | false | undefined.
local_time_to_universal_time(DateTime, IsDst) ->
    erlang:localtime_to_universaltime(DateTime, IsDst).

%% @doc The universal times that map to a local time: one normally, none
%% in the gap when clocks move forward, two (daylight saving first) when
%% clocks move back.
-spec local_time_to_universal_time_dst(DateTime1) -> [DateTime] when
      DateTime1 :: datetime1970(),
      DateTime :: datetime1970().
local_time_to_universal_time_dst(DateTime) ->
    UtDst = erlang:localtime_to_universaltime(DateTime, true),
    Ut = erlang:localtime_to_universaltime(DateTime, false),
    LtDst = erlang:universaltime_to_localtime(UtDst),
    Lt = erlang:universaltime_to_localtime(Ut),
    case {LtDst, Lt} of
        {DateTime, DateTime} when UtDst =/= Ut -> [UtDst, Ut];
        {DateTime, _} -> [UtDst];
        {_, DateTime} -> [Ut];
        _ -> []
    end.

%% @doc The local time of a universal time.
-spec universal_time_to_local_time(DateTime) -> datetime() when
      DateTime :: datetime().
universal_time_to_local_time(DateTime) ->
    erlang:universaltime_to_localtime(DateTime).

%% @doc The universal time of an `erlang:timestamp()'.
-spec now_to_datetime(Now) -> datetime1970() when
      Now :: erlang:timestamp().
now_to_datetime({MSec, Sec, _USec}) ->
    gregorian_seconds_to_datetime(MSec * 1000000 + Sec +
                                      ?SECONDS_FROM_0_TO_1970).

%% @doc The local time of an `erlang:timestamp()'.
-spec now_to_local_time(Now) -> datetime1970() when
      Now :: erlang:timestamp().
now_to_local_time(Now) ->
    erlang:universaltime_to_localtime(now_to_universal_time(Now)).

%% @doc The universal time of an `erlang:timestamp()'.
-spec now_to_universal_time(Now) -> datetime1970() when
      Now :: erlang:timestamp().
now_to_universal_time(Now) -> now_to_datetime(Now).

%% @doc The local time of an Erlang system time in `Unit'.
-spec system_time_to_local_time(Time, TimeUnit) -> datetime() when
      Time :: integer(),
      TimeUnit :: erlang:time_unit().
system_time_to_local_time(Time, Unit) ->
    erlang:universaltime_to_localtime(
      system_time_to_universal_time(Time, Unit)).

%% @doc The universal time of an Erlang system time in `Unit'.
-spec system_time_to_universal_time(Time, TimeUnit) -> datetime() when
      Time :: integer(),
      TimeUnit :: erlang:time_unit().
system_time_to_universal_time(Time, Unit) ->
    Secs = floor_div(Time, units_per_second(Unit)),
    gregorian_seconds_to_datetime(Secs + ?SECONDS_FROM_0_TO_1970).

%%% ------------------------------------------------------------------
%%% RFC 3339 time stamps
%%% ------------------------------------------------------------------

%% @doc The system time in seconds of an RFC 3339 time stamp.
-spec rfc3339_to_system_time(DateTimeString) -> integer() when
      DateTimeString :: rfc3339_string().
rfc3339_to_system_time(DateTimeString) ->
    rfc3339_to_system_time(DateTimeString, []).

%% @doc The system time of an RFC 3339 time stamp, in the unit given by
%% `{unit, Unit}' (default `second'); a fraction is truncated to the unit.
-spec rfc3339_to_system_time(DateTimeString, Options) -> integer() when
      DateTimeString :: rfc3339_string(),
      Options :: [Option],
      Option :: {'unit', rfc3339_time_unit()}.
rfc3339_to_system_time(DateTimeString, Options) ->
    Unit = proplists:get_value(unit, Options, second),
    [Y1, Y2, Y3, Y4, $-, Mon1, Mon2, $-, D1, D2, T, H1, H2, $:, Min1, Min2,
     $:, S1, S2 | TimeStr] = DateTimeString,
    true = lists:member(T, "tT "),
    Date = {list_to_integer([Y1, Y2, Y3, Y4]), list_to_integer([Mon1, Mon2]),
            list_to_integer([D1, D2])},
    Time = {list_to_integer([H1, H2]), list_to_integer([Min1, Min2]),
            list_to_integer([S1, S2])},
    {FracDigits, OffsetStr} = fraction(TimeStr),
    [_ | _] = OffsetStr,
    OffsetSecs = offset_seconds(OffsetStr),
    Secs = datetime_to_gregorian_seconds({Date, Time}) -
        ?SECONDS_FROM_0_TO_1970 - OffsetSecs,
    Scale = units_per_second(Unit),
    Frac = fraction_in_unit(FracDigits, Scale),
    if Secs < 0 -> Secs * Scale - Frac;
       true -> Secs * Scale + Frac
    end.

fraction([$. | Rest]) -> lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Rest);
fraction(Rest) -> {"", Rest}.

%% A fraction as a number of 1/Scale seconds, rounded (none for seconds).
fraction_in_unit(_, 1) -> 0;
fraction_in_unit("", _) -> 0;
fraction_in_unit(Digits, Scale) -> round(list_to_float("0." ++ Digits) * Scale).

offset_seconds(Z) when Z =:= "Z"; Z =:= "z"; Z =:= "" -> 0;
offset_seconds([Sign, H1, H2 | Rest]) when Sign =:= $+; Sign =:= $- ->
    Secs = case Rest of
               [$:, M1, M2] ->
                   list_to_integer([H1, H2]) * 3600 +
                       list_to_integer([M1, M2]) * 60;
               _ -> error({case_clause, Rest})
           end,
    case Sign of
        $+ -> Secs;
        $- -> -Secs
    end.

%% @doc The RFC 3339 time stamp of a system time in seconds, at the local
%% offset.
-spec system_time_to_rfc3339(Time) -> DateTimeString when
      Time :: integer(),
      DateTimeString :: rfc3339_string().
system_time_to_rfc3339(Time) -> system_time_to_rfc3339(Time, []).

%% @doc The RFC 3339 time stamp of a system time. Options: `{unit, Unit}'
%% (default `second'; also sets the number of fraction digits),
%% `{offset, Offset}' (a string such as `"Z"' or `"+02:00"', or an integer
%% in the unit; default: the local offset) and `{time_designator, Char}'
%% (default `$T').
-spec system_time_to_rfc3339(Time, Options) -> DateTimeString when
      Time :: integer(),
      Options :: [Option],
      Option :: {'offset', offset()}
              | {'time_designator', byte()}
              | {'unit', rfc3339_time_unit()},
      DateTimeString :: rfc3339_string().
system_time_to_rfc3339(Time, Options) ->
    Unit = proplists:get_value(unit, Options, second),
    OffsetOpt = proplists:get_value(offset, Options, local),
    T = proplists:get_value(time_designator, Options, $T),
    {Scale, Digits} = case Unit of
                          second -> {1, 0};
                          millisecond -> {1000, 3};
                          microsecond -> {1000000, 6};
                          nanosecond -> {1000000000, 9};
                          native -> {1000000000, 3}
                      end,
    %% As on OTP: seconds truncated towards zero, fraction without sign;
    %% an offset in seconds is added to Time, an offset in the unit (rounded
    %% down to seconds) to the seconds of Time.
    {OffsetSecs, OffsetStr} = offset(OffsetOpt, Time div Scale, Scale),
    {Secs, Frac} = case is_integer(OffsetOpt) of
                       true -> {Time div Scale + OffsetSecs, abs(Time rem Scale)};
                       false ->
                           T1 = Time + OffsetSecs * Scale,
                           {T1 div Scale, abs(T1 rem Scale)}
                   end,
    Adjusted = Secs + ?SECONDS_FROM_0_TO_1970,
    %% Years 0 to 9999 only.
    if Adjusted < 0; Adjusted >= 10000 * 31556952 -> error({badarg, [Time, Options]});
       true -> ok
    end,
    {{Y, Mo, D}, {H, Mi, S}} = gregorian_seconds_to_datetime(Adjusted),
    FracStr = case Digits of
                  0 -> "";
                  _ -> [$. | pad(Frac * pow10(Digits) div Scale, Digits)]
              end,
    pad(Y, 4) ++ "-" ++ pad(Mo, 2) ++ "-" ++ pad(D, 2) ++ [T] ++
        pad(H, 2) ++ ":" ++ pad(Mi, 2) ++ ":" ++ pad(S, 2) ++ FracStr ++
        OffsetStr.

-type offset() :: [byte()] | (Time :: integer()).

offset(local, Secs, _) ->
    UT = gregorian_seconds_to_datetime(Secs + ?SECONDS_FROM_0_TO_1970),
    LT = erlang:universaltime_to_localtime(UT),
    Diff = datetime_to_gregorian_seconds(LT) - datetime_to_gregorian_seconds(UT),
    {Diff, offset_string(Diff >= 0, Diff)};
offset("", Secs, Scale) -> offset(local, Secs, Scale);
offset(Str, _, _) when is_list(Str) -> {offset_seconds(Str), Str};
offset(Offset, _, Scale) when is_integer(Offset) ->
    OffsetSecs = floor_div(Offset, Scale),
    {OffsetSecs, offset_string(Offset >= 0, OffsetSecs)}.

offset_string(Positive, Secs) ->
    Sign = case Positive of
               true -> $+;
               false -> $-
           end,
    A = abs(Secs),
    [Sign | pad(A div 3600, 2)] ++ ":" ++ pad(A rem 3600 div 60, 2).

pad(N, Width) ->
    S = integer_to_list(N),
    lists:duplicate(Width - length(S), $0) ++ S.

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).

units_per_second(second) -> 1;
units_per_second(millisecond) -> 1000;
units_per_second(microsecond) -> 1000000;
units_per_second(nanosecond) -> 1000000000;
units_per_second(native) -> 1000000000;
units_per_second(perf_counter) -> 1000000000;
units_per_second(seconds) -> 1;
units_per_second(milli_seconds) -> 1000;
units_per_second(micro_seconds) -> 1000000;
units_per_second(nano_seconds) -> 1000000000;
units_per_second(N) when is_integer(N), N > 0 -> N.

floor_div(A, B) when A >= 0 -> A div B;
floor_div(A, B) -> -((-A + B - 1) div B).
