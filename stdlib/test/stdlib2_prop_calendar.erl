%% @doc Compares ferl's `calendar' (renamed `ferl_calendar') with OTP's.
%% Functions of the local time zone are compared too (same machine).
-module(stdlib2_prop_calendar).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(calendar, ferl_calendar, C, N).

cases() ->
    [{date_to_gregorian_days, [date]}, {date_to_gregorian_days, [y, m, d]},
     {gregorian_days_to_date, [days]}, {datetime_to_gregorian_seconds, [dt]},
     {gregorian_seconds_to_datetime, [secs]}, {day_of_the_week, [date]},
     {day_of_the_week, [y, m, d]}, {is_leap_year, [y]},
     {last_day_of_the_month, [y, m]}, {valid_date, [date]},
     {valid_date, [y, m, d]}, {iso_week_number, [date]},
     {time_to_seconds, [time]}, {seconds_to_time, [daysecs]},
     {seconds_to_daystime, [isecs]}, {time_difference, [dt, dt]},
     {now_to_datetime, [now]}, {now_to_universal_time, [now]},
     {now_to_local_time, [now]}, {universal_time_to_local_time, [dt]},
     {local_time_to_universal_time, [dt]},
     {local_time_to_universal_time_dst, [dt]},
     {system_time_to_universal_time, [stime, unit]},
     {system_time_to_local_time, [stime, unit]},
     {system_time_to_rfc3339, [stime]},
     {system_time_to_rfc3339, [stime, fopts]},
     {rfc3339_to_system_time, [rfc]}, {rfc3339_to_system_time, [rfc, popts]}].

gen(y) -> case rand:uniform(20) of 1 -> -1; 2 -> a; 3 -> int(0, 5); _ -> oneof([1900, 2000, 2100, int(1583, 2400)]) end;
gen(m) -> case rand:uniform(20) of 1 -> 0; 2 -> 13; _ -> int(1, 12) end;
gen(d) -> case rand:uniform(20) of 1 -> 0; 2 -> 32; _ -> int(1, 31) end;
gen(date) -> case rand:uniform(20) of 1 -> {2000, 1}; _ -> {gen(y), gen(m), gen(d)} end;
gen(days) -> case rand:uniform(20) of 1 -> -1; 2 -> 1.0; _ -> int(0, 1000000) end;
gen(time) -> {int(0, 23), int(0, 59), int(0, 59)};
gen(dt) -> {{int(1970, 2040), int(1, 12), int(1, 28)}, gen(time)};
gen(secs) -> case rand:uniform(20) of 1 -> -1; _ -> int(0, 70000000000) end;
gen(daysecs) -> case rand:uniform(20) of 1 -> 86400; 2 -> -1; _ -> int(0, 86399) end;
gen(isecs) -> int(-10000000, 10000000);
gen(now) -> {int(0, 2000), int(0, 999999), int(0, 999999)};
gen(stime) -> int(-100000000000, 4000000000000);
gen(unit) -> oneof([second, millisecond, microsecond, nanosecond, 1000]);
gen(fopts) -> [X || X <- [oneof([{unit, second}, {unit, millisecond}, {unit, microsecond}, {unit, nanosecond}, none]),
                          oneof([{offset, "Z"}, {offset, "+02:30"}, {offset, "-01:00"}, {offset, ""}, {offset, int(-7200, 7200)}, none]),
                          oneof([{time_designator, $\s}, none])], X =/= none];
gen(rfc) ->
    S = calendar:system_time_to_rfc3339(int(-1000000000, 4000000000),
                                        [{offset, oneof(["Z", "+01:00", "-05:30"])}]),
    case rand:uniform(6) of
        1 -> lists:droplast(lists:droplast(S));
        2 -> {A, B} = lists:split(19, S), A ++ "." ++ integer_to_list(int(0, 99999)) ++ B;
        3 -> lists:flatten(string:replace(S, "T", "t"));
        _ -> S
    end;
gen(popts) -> oneof([[], [{unit, millisecond}], [{unit, microsecond}], [{unit, nanosecond}]]).
