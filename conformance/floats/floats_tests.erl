-module(floats_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: float arithmetic and float printing/parsing of OTP 25.

id(X) -> X.

%% -0.0 built at run time (the OTP 25 compiler may merge the literals
%% 0.0 and -0.0, which compare =:=).
neg_zero() -> id(0.0) * -1.

fmt(F, A) -> lists:flatten(io_lib:format(F, A)).

%% ---- arithmetic ----------------------------------------------------------

point_one_plus_point_two_test() ->
    ?assertEqual(0.30000000000000004, id(0.1) + id(0.2)),
    ?assert(id(0.1) + id(0.2) =/= 0.3).

float_multiplication_rounding_test() ->
    ?assertEqual(1.2100000000000002, id(1.1) * id(1.1)),
    ?assertEqual(110.00000000000001, id(100) * id(1.1)),
    ?assertEqual(434.99999999999994, id(4.35) * 100).

float_subtraction_test() ->
    ?assertEqual(0.8999999999999999, id(2.0) - id(1.1)),
    ?assertEqual(-0.5, id(1.0) - id(1.5)).

float_division_test() ->
    ?assertEqual(3.5, id(7.0) / 2),
    ?assertEqual(0.3333333333333333, id(1) / 3),
    ?assertEqual(1.0, id(1) / 3 * 3).

float_overflow_badarith_test() ->
    ?assertError(badarith, id(1.0e308) * 10),
    ?assertError(badarith, id(1.0e308) + id(1.0e308)).

float_underflow_to_zero_test() ->
    ?assertEqual(0.0, id(1.0e-320) / id(1.0e10)),
    ?assertEqual(0.0, id(5.0e-324) / 2).

denormal_literal_test() ->
    ?assert(id(5.0e-324) > 0),
    ?assertEqual("5.0e-324", fmt("~p", [5.0e-324])).

max_float_test() ->
    ?assertEqual(1.7976931348623157e308, id(1.7976931348623157e308)),
    ?assertEqual("1.7976931348623157e308", fmt("~p", [1.7976931348623157e308])).

negative_zero_test() ->
    ?assertEqual("-0.0", fmt("~p", [neg_zero()])),
    ?assertEqual("0.0", fmt("~p", [neg_zero() + 0.0])),
    ?assert(neg_zero() == 0.0).

negative_zero_exact_equal_test() ->
    %% OTP 25: 0.0 =:= -0.0 is true
    ?assert(neg_zero() =:= id(0.0)).

int_to_float_precision_loss_test() ->
    ?assertEqual(9.007199254740992e15, float((1 bsl 53) + 1)),
    ?assertEqual(1.0e16, id(1.0e16) + 1).

float_bif_test() ->
    ?assertEqual(3.0, float(3)),
    ?assertEqual(-3.0, float(-3)),
    ?assertEqual(2.5, float(2.5)),
    ?assertError(badarg, float(id(a))).

math_errors_test() ->
    ?assertError(badarith, math:sqrt(id(-1))),
    ?assertError(badarith, math:log(id(0))).

math_values_test() ->
    ?assertEqual(3.141592653589793, math:pi()),
    ?assertEqual(2.718281828459045, math:exp(1)),
    ?assertEqual(2.0, math:sqrt(4)),
    ?assertEqual(1024.0, math:pow(2, 10)).

%% ---- round / trunc / ceil / floor ----------------------------------------

round_half_away_from_zero_test() ->
    ?assertEqual(3, round(2.5)),
    ?assertEqual(-3, round(-2.5)),
    ?assertEqual(-1, round(-0.5)),
    ?assertEqual(1, round(0.5)).

trunc_test() ->
    ?assertEqual(-2, trunc(-2.7)),
    ?assertEqual(2, trunc(2.7)),
    ?assertEqual(100000000000000000000, trunc(1.0e20)).

round_big_float_exact_test() ->
    ?assertEqual(1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160, round(1.0e300)).

ceil_floor_test() ->
    ?assertEqual(3, ceil(2.1)),
    ?assertEqual(2, floor(2.9)),
    ?assertEqual(-2, ceil(-2.9)),
    ?assertEqual(-3, floor(-2.1)),
    ?assertEqual(5, ceil(5)).

%% ---- float_to_list --------------------------------------------------------

float_to_list_default_test() ->
    ?assertEqual("1.00000000000000005551e-01", float_to_list(0.1)),
    ?assertEqual("1.00000000000000000000e+00", float_to_list(1.0)),
    ?assertEqual("-2.50000000000000000000e+00", float_to_list(-2.5)).

float_to_list_default_more_test() ->
    ?assertEqual("3.14158999999999988262e+00", float_to_list(3.14159)),
    ?assertEqual("0.00000000000000000000e+00", float_to_list(0.0)),
    ?assertEqual("4.94065645841246544177e-324", float_to_list(5.0e-324)).

float_to_list_short_test() ->
    ?assertEqual("0.1", float_to_list(0.1, [short])),
    ?assertEqual("1.0e-10", float_to_list(1.0e-10, [short])),
    ?assertEqual("1.0e20", float_to_list(1.0e20, [short])),
    ?assertEqual("123456789.0", float_to_list(123456789.0, [short])).

float_to_list_short_thresholds_test() ->
    ?assertEqual("100.0", float_to_list(100.0, [short])),
    ?assertEqual("1.0e3", float_to_list(1000.0, [short])),
    ?assertEqual("1.2e3", float_to_list(1200.0, [short])),
    ?assertEqual("120.0", float_to_list(120.0, [short])),
    ?assertEqual("1234567.0", float_to_list(1234567.0, [short])).

float_to_list_short_small_test() ->
    ?assertEqual("0.001", float_to_list(0.001, [short])),
    ?assertEqual("0.0001", float_to_list(0.0001, [short])),
    ?assertEqual("1.0e-5", float_to_list(1.0e-5, [short])),
    ?assertEqual("1.23e-4", float_to_list(0.000123, [short])),
    ?assertEqual("0.00123", float_to_list(0.00123, [short])).

float_to_list_short_large_test() ->
    ?assertEqual("1234567890123456.0", float_to_list(1234567890123456.0, [short])),
    ?assertEqual("1.2345678901234568e16", float_to_list(12345678901234567.0, [short])),
    ?assertEqual("9.007199254740992e15", float_to_list(9007199254740993.0, [short])).

float_to_list_decimals_test() ->
    ?assertEqual("3.14", float_to_list(3.14159, [{decimals, 2}])),
    ?assertEqual("3.00", float_to_list(3.0, [{decimals, 2}])),
    ?assertEqual("-1.5", float_to_list(-1.5, [{decimals, 1}])),
    ?assertEqual("100000000000000000000.0", float_to_list(1.0e20, [{decimals, 1}])).

float_to_list_decimals_rounding_test() ->
    ?assertEqual("3", float_to_list(2.5, [{decimals, 0}])),
    ?assertEqual("4", float_to_list(3.5, [{decimals, 0}])),
    ?assertEqual("1.00", float_to_list(1.005, [{decimals, 2}])),
    ?assertEqual("0.13", float_to_list(0.125, [{decimals, 2}])),
    ?assertEqual("0.38", float_to_list(0.375, [{decimals, 2}])).

float_to_list_decimals_exact_digits_test() ->
    ?assertEqual("0.10000000000000000555", float_to_list(0.1, [{decimals, 20}])).

float_to_list_compact_test() ->
    ?assertEqual("3.0", float_to_list(3.0, [{decimals, 2}, compact])),
    ?assertEqual("3.1", float_to_list(3.10, [{decimals, 4}, compact])),
    ?assertEqual("0.0", float_to_list(1.0e-10, [{decimals, 5}, compact])),
    ?assertEqual("100.0", float_to_list(100.0, [{decimals, 3}, compact])).

float_to_list_scientific_test() ->
    ?assertEqual("3.142e+00", float_to_list(3.14159, [{scientific, 3}])),
    ?assertEqual("0.00e+00", float_to_list(0.0, [{scientific, 2}])),
    ?assertEqual("1.2345600000e+02", float_to_list(123.456, [{scientific, 10}])).

float_to_list_option_limits_test() ->
    ?assertEqual(255, length(float_to_list(1.0, [{decimals, 253}]))),
    ?assertError(badarg, float_to_list(1.0, [{decimals, 254}])),
    ?assertError(badarg, float_to_list(1.0, [{scientific, 250}])).

float_to_list_badarg_test() ->
    ?assertError(badarg, float_to_list(id(1))),
    ?assertError(badarg, float_to_list(id(1.0), [bogus])).

float_to_binary_test() ->
    ?assertEqual(<<"1.00000000000000005551e-01">>, float_to_binary(0.1)),
    ?assertEqual(<<"0.1">>, float_to_binary(0.1, [short])),
    ?assertEqual(<<"0.100">>, float_to_binary(0.1, [{decimals, 3}])).

%% ---- list_to_float ------------------------------------------------------

list_to_float_test() ->
    ?assertEqual(1.5, list_to_float("1.5")),
    ?assertEqual(1500.0, list_to_float("1.5e3")),
    ?assertEqual(-0.005, list_to_float("-0.5E-2")),
    ?assertEqual(1.5, list_to_float("+1.5")).

list_to_float_badarg_test() ->
    ?assertError(badarg, list_to_float(id("1"))),
    ?assertError(badarg, list_to_float(id("1.e3"))),
    ?assertError(badarg, list_to_float(id(".5"))),
    ?assertError(badarg, list_to_float(id("1e3"))).

binary_to_float_test() ->
    ?assertEqual(2.25, binary_to_float(<<"2.25">>)),
    ?assertError(badarg, binary_to_float(id(<<"2">>))).

round_trip_short_test() ->
    Fs = [0.1, 0.2, 0.3, 1/3, 2/3, 1.0e-10, 1.0e20, 123.456, 5.0e-324,
          1.7976931348623157e308, 9007199254740993.0, 0.30000000000000004],
    ?assert(lists:all(fun(F) -> list_to_float(float_to_list(F, [short])) =:= F end, Fs)).

round_trip_default_test() ->
    Fs = [0.1, 1/3, 1.0e-10, 123.456, 5.0e-324, 1.7976931348623157e308],
    ?assert(lists:all(fun(F) -> list_to_float(float_to_list(F)) =:= F end, Fs)).

%% ---- io_lib:format of floats ---------------------------------------------

format_p_shortest_test() ->
    ?assertEqual("0.1", fmt("~p", [0.1])),
    ?assertEqual("1.0e-10", fmt("~p", [1.0e-10])),
    ?assertEqual("1.0e20", fmt("~p", [1.0e20])),
    ?assertEqual("0.30000000000000004", fmt("~p", [id(0.1) + id(0.2)])).

format_w_shortest_test() ->
    ?assertEqual("1.0e15", fmt("~w", [1.0e15])),
    ?assertEqual("1.0e16", fmt("~w", [1.0e16])),
    ?assertEqual("3.14159", fmt("~w", [3.14159])),
    ?assertEqual("0.3333333333333333", fmt("~w", [1 / 3])).

format_w_more_test() ->
    ?assertEqual("-2.5", fmt("~w", [-2.5])),
    ?assertEqual("12345.678", fmt("~w", [12345.678])),
    ?assertEqual("1.0e100", fmt("~w", [1.0e100])),
    ?assertEqual("0.0", fmt("~w", [0.0])).

format_f_default_test() ->
    ?assertEqual("0.100000", fmt("~f", [0.1])),
    ?assertEqual("3.141590", fmt("~f", [3.14159])),
    ?assertEqual("-2.500000", fmt("~f", [-2.5])),
    ?assertEqual("0.000000", fmt("~f", [1.0e-10])).

format_f_large_test() ->
    ?assertEqual("100000000000000000000.000000", fmt("~f", [1.0e20])),
    ?assertEqual("123456789.000000", fmt("~f", [123456789.0])).

format_f_large_exponent_digits_test() ->
    %% ~f prints only the significant digits and pads with zeros
    ?assertEqual("10000000000000000159" ++ lists:duplicate(81, $0) ++ ".000000",
                 fmt("~f", [1.0e100])).

format_f_precision_test() ->
    ?assertEqual("3.14", fmt("~.2f", [3.14159])),
    ?assertEqual("3.1", fmt("~.1f", [3.14159])),
    ?assertError(badarg, io_lib:format("~.0f", [3.14159])),
    ?assertEqual("0.1000000000", fmt("~.10f", [0.1])).

format_e_default_test() ->
    ?assertEqual("1.00000e-1", fmt("~e", [0.1])),
    ?assertEqual("1.00000e+20", fmt("~e", [1.0e20])),
    ?assertEqual("1.23457e+8", fmt("~e", [123456789.0])),
    ?assertEqual("0.00000e+0", fmt("~e", [0.0])).

format_e_precision_test() ->
    ?assertEqual("3.14e+0", fmt("~.3e", [3.14159])),
    ?assertEqual("-2.50e+0", fmt("~.3e", [-2.5])),
    ?assertEqual("4.94066e-324", fmt("~e", [5.0e-324])).

format_g_test() ->
    ?assertEqual("0.100000", fmt("~g", [0.1])),
    ?assertEqual("100.000", fmt("~g", [100.0])),
    ?assertEqual("1000.00", fmt("~g", [1000.0])),
    ?assertEqual("3.14159", fmt("~g", [3.14159])).

format_g_exponent_test() ->
    ?assertEqual("1.00000e+4", fmt("~g", [10000.0])),
    ?assertEqual("1.00000e-2", fmt("~g", [0.01])),
    ?assertEqual("1.00000e-10", fmt("~g", [1.0e-10])),
    ?assertEqual("1.23457e+8", fmt("~g", [123456789.0])).

format_g_negative_test() ->
    ?assertEqual("-2.50000", fmt("~g", [-2.5])),
    ?assertEqual("-0.00000e+0", fmt("~g", [neg_zero()])).

format_f_width_test() ->
    ?assertEqual("      3.14", fmt("~10.2f", [3.14159])),
    ?assertEqual("3.14      ", fmt("~-10.2f", [3.14159])),
    ?assertEqual("******", fmt("~6.2f", [12345.678])).

format_f_integer_arg_badarg_test() ->
    ?assertError(badarg, io_lib:format("~f", [id(1)])).

float_literal_printing_integral_test() ->
    ?assertEqual("1.0", fmt("~p", [1.0])),
    ?assertEqual("-1.0", fmt("~p", [-1.0])),
    ?assertEqual("2.0", fmt("~p", [4 / 2])).

float_in_term_printing_test() ->
    ?assertEqual("{1.5,[0.1,2.0e-5]}", fmt("~w", [{1.5, [0.1, 2.0e-5]}])),
    ?assertEqual("#{a => 1.0e30}", fmt("~p", [#{a => 1.0e30}])).
