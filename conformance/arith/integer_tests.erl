-module(integer_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: integer arithmetic, bignums, div/rem, bit operations and
%% badarith behaviour of OTP 25.

id(X) -> X.

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

basic_ops_test() ->
    ?assertEqual(5, 2 + 3),
    ?assertEqual(-1, 2 - 3),
    ?assertEqual(6, 2 * 3),
    ?assertEqual(0, 0 * -5).

div_truncates_toward_zero_test() ->
    ?assertEqual(3, 7 div 2),
    ?assertEqual(-3, -7 div 2),
    ?assertEqual(-3, 7 div -2),
    ?assertEqual(3, -7 div -2).

rem_sign_follows_dividend_test() ->
    ?assertEqual(1, 7 rem 2),
    ?assertEqual(-1, -7 rem 2),
    ?assertEqual(1, 7 rem -2),
    ?assertEqual(-1, -7 rem -2).

div_rem_identity_test() ->
    Pairs = [{A, B} || A <- [-13, -7, -1, 0, 1, 7, 13, 1 bsl 70, -(1 bsl 70)],
                       B <- [-5, -3, 3, 5, 1 bsl 65]],
    ?assert(lists:all(fun({A, B}) -> (A div B) * B + (A rem B) =:= A end, Pairs)).

slash_always_float_test() ->
    ?assertEqual(2.0, 4 / 2),
    ?assertEqual(0.5, 1 / 2),
    ?assert(is_float(6 / 3)).

div_by_zero_test() ->
    ?assertError(badarith, id(1) div id(0)),
    ?assertError(badarith, id(1) rem id(0)),
    ?assertError(badarith, id(1) / id(0)).

float_div_by_zero_test() ->
    ?assertError(badarith, id(1.0) / id(0.0)),
    ?assertError(badarith, id(0.0) / id(0.0)).

div_on_float_is_badarith_test() ->
    ?assertError(badarith, id(4.0) div id(2)),
    ?assertError(badarith, id(4) rem id(2.0)).

badarith_non_number_test() ->
    ?assertError(badarith, id(a) + 1),
    ?assertError(badarith, id("1") * 2),
    ?assertError(badarith, -id(foo)),
    ?assertError(badarith, id([]) - 1).

bitop_on_float_badarith_test() ->
    ?assertError(badarith, id(1.0) band 1),
    ?assertError(badarith, id(1) bsl id(1.0)),
    ?assertError(badarith, bnot id(1.5)).

small_overflow_to_bignum_test() ->
    Max = 16#7FFFFFFFFFFFFFFF,
    ?assertEqual(9223372036854775808, Max + id(1)),
    ?assertEqual(-9223372036854775809, -Max - id(2)),
    ?assertEqual(18446744073709551616, id(4294967296) * id(4294967296)).

fixnum_boundary_test() ->
    %% 60-bit small integer boundary on 64-bit BEAM; results must be exact.
    A = 1 bsl 59,
    ?assertEqual(1152921504606846976, A * id(2)),
    ?assertEqual(576460752303423487, A - id(1)),
    ?assertEqual(-576460752303423489, -A - id(1)).

bignum_pow_test() ->
    ?assertEqual(1267650600228229401496703205376, pow(2, 100)),
    ?assertEqual(1000000000000000000000000000000, pow(10, 30)).

bignum_factorial_test() ->
    ?assertEqual(15511210043330985984000000, fact(25)),
    ?assertEqual(30414093201713378043612608166064768844377641568960512000000000000, fact(50)).

bignum_arith_test() ->
    A = 123456789012345678901234567890,
    B = 987654321098765432109876543210,
    ?assertEqual(1111111110111111111011111111100, A + B),
    ?assertEqual(-864197532086419753208641975320, A - B),
    ?assertEqual(121932631137021795226185032733622923332237463801111263526900, A * B).

bignum_div_rem_test() ->
    A = 987654321098765432109876543210,
    B = 123456789012345678901234567890,
    ?assertEqual(8, A div B),
    ?assertEqual(9000000000900000000090, A rem B),
    ?assertEqual(-8, -A div B),
    ?assertEqual(-9000000000900000000090, -A rem B).

bignum_shrinks_back_test() ->
    Big = pow(2, 100),
    ?assertEqual(1, Big - (Big - 1)),
    ?assertEqual(0, Big - Big),
    ?assertEqual(1, Big div Big).

bignum_negation_test() ->
    ?assertEqual(-1267650600228229401496703205376, -pow(2, 100)),
    ?assertEqual(1267650600228229401496703205376, abs(-pow(2, 100))).

bsl_test() ->
    ?assertEqual(1024, 1 bsl 10),
    ?assertEqual(18446744073709551616, 1 bsl 64),
    ?assertEqual(1267650600228229401496703205376, 1 bsl 100),
    ?assertEqual(-16, -1 bsl 4).

bsr_test() ->
    ?assertEqual(1, 1024 bsr 10),
    ?assertEqual(0, 1 bsr 1),
    ?assertEqual(1, (1 bsl 100) bsr 100),
    ?assertEqual(4, (1 bsl 66) bsr 64).

bsr_negative_test() ->
    ?assertEqual(-1, -1 bsr 10),
    ?assertEqual(-4, -8 bsr 1),
    ?assertEqual(-1, -7 bsr 3),
    ?assertEqual(-1, -(1 bsl 100) bsr 200).

negative_shift_amount_test() ->
    ?assertEqual(4, 16 bsl -2),
    ?assertEqual(64, 16 bsr -2),
    ?assertEqual(1 bsl 70, 1 bsr -70).

band_bor_bxor_test() ->
    ?assertEqual(8, 12 band 10),
    ?assertEqual(14, 12 bor 10),
    ?assertEqual(6, 12 bxor 10),
    ?assertEqual(0, 0 band -1).

bitops_negative_test() ->
    ?assertEqual(4, -4 band 7),
    ?assertEqual(-1, -4 bor 3),
    ?assertEqual(-5, -4 bxor 7),
    ?assertEqual(3, bnot -4).

bnot_test() ->
    ?assertEqual(-1, bnot 0),
    ?assertEqual(-6, bnot 5),
    ?assertEqual(-(1 bsl 100) - 1, bnot (1 bsl 100)).

bignum_bitops_test() ->
    A = (1 bsl 100) + 5,
    ?assertEqual(5, A band 16#FF),
    ?assertEqual((1 bsl 100) + 16#FF, A bor 16#FF),
    ?assertEqual((1 bsl 100) + 16#FA, A bxor 16#FF).

bignum_negative_bitops_test() ->
    A = -(1 bsl 100),
    ?assertEqual(0, A band 16#FFFF),
    ?assertEqual(1 bsl 100, A band (1 bsl 100)),
    ?assertEqual(-1, A bor (1 bsl 100 - 1)).

unary_plus_minus_test() ->
    ?assertEqual(5, +5),
    ?assertEqual(-5, -(+5)),
    ?assertEqual(0, -0).

abs_test() ->
    ?assertEqual(5, abs(-5)),
    ?assertEqual(5, abs(5)),
    ?assertEqual(0, abs(0)),
    ?assertEqual(1 bsl 64, abs(-(1 bsl 64))).

integer_to_list_base10_test() ->
    ?assertEqual("0", integer_to_list(0)),
    ?assertEqual("-123", integer_to_list(-123)),
    ?assertEqual("1267650600228229401496703205376", integer_to_list(1 bsl 100)).

integer_to_list_bases_test() ->
    ?assertEqual("FF", integer_to_list(255, 16)),
    ?assertEqual("-FF", integer_to_list(-255, 16)),
    ?assertEqual("11111111", integer_to_list(255, 2)),
    ?assertEqual("377", integer_to_list(255, 8)),
    ?assertEqual("73", integer_to_list(255, 36)).

integer_to_list_base36_test() ->
    ?assertEqual("Z", integer_to_list(35, 36)),
    ?assertEqual("10", integer_to_list(36, 36)),
    ?assertEqual("ZZ", integer_to_list(1295, 36)).

integer_to_list_bignum_base_test() ->
    ?assertEqual("10000000000000000000000000", integer_to_list(1 bsl 100, 16)),
    ?assertEqual("1" ++ lists:duplicate(70, $0), integer_to_list(1 bsl 70, 2)).

integer_to_list_bad_base_test() ->
    ?assertError(badarg, integer_to_list(10, 1)),
    ?assertError(badarg, integer_to_list(10, 37)),
    ?assertError(badarg, integer_to_list(id(1.0), 10)).

integer_to_binary_test() ->
    ?assertEqual(<<"42">>, integer_to_binary(42)),
    ?assertEqual(<<"-2A">>, integer_to_binary(-42, 16)),
    ?assertEqual(<<"101010">>, integer_to_binary(42, 2)).

list_to_integer_test() ->
    ?assertEqual(123, list_to_integer("123")),
    ?assertEqual(-123, list_to_integer("-123")),
    ?assertEqual(123, list_to_integer("+123")),
    ?assertEqual(1 bsl 100, list_to_integer("1267650600228229401496703205376")).

list_to_integer_base_test() ->
    ?assertEqual(255, list_to_integer("FF", 16)),
    ?assertEqual(255, list_to_integer("ff", 16)),
    ?assertEqual(-5, list_to_integer("-101", 2)),
    ?assertEqual(1295, list_to_integer("zz", 36)).

list_to_integer_badarg_test() ->
    ?assertError(badarg, list_to_integer("")),
    ?assertError(badarg, list_to_integer("12a")),
    ?assertError(badarg, list_to_integer("1.0")),
    ?assertError(badarg, list_to_integer("G", 16)),
    ?assertError(badarg, list_to_integer(" 1")).

binary_to_integer_test() ->
    ?assertEqual(42, binary_to_integer(<<"42">>)),
    ?assertEqual(-255, binary_to_integer(<<"-ff">>, 16)),
    ?assertError(badarg, binary_to_integer(<<"4 2">>)).

comparison_int_test() ->
    ?assert(1 < 2),
    ?assert(-1 > -2),
    ?assert((1 bsl 100) > (1 bsl 99)),
    ?assert(-(1 bsl 100) < -(1 bsl 99)).

int_float_mixed_arith_test() ->
    ?assertEqual(3.5, 1 + 2.5),
    ?assert(is_float(2 * 1.0)),
    ?assertEqual(2.0, 2 * 1.0).

bignum_float_mixed_test() ->
    ?assertEqual(1.2676506002282294e30, (1 bsl 100) * 1.0),
    ?assert((1 bsl 100) == 1.2676506002282294e30).

huge_bignum_to_float_badarith_test() ->
    ?assertError(badarith, (1 bsl 2000) * id(1.0)),
    ?assertError(badarg, float(1 bsl 2000)).

max_min_int_test() ->
    ?assertEqual(3, max(1, 3)),
    ?assertEqual(1, min(1, 3)),
    ?assertEqual(1 bsl 70, max(1 bsl 70, 5)).

max_min_mixed_int_float_test() ->
    %% equal numbers: max/min return the first argument
    ?assertEqual(1, max(1, 1.0)),
    ?assertEqual(1.0, max(1.0, 1)),
    ?assertEqual(1, min(1, 1.0)),
    ?assertEqual(1.0, min(1.0, 1)).

increment_loop_bignum_test() ->
    Sum = lists:foldl(fun(X, Acc) -> X + Acc end, 0, lists:duplicate(10, 1 bsl 62)),
    ?assertEqual(46116860184273879040, Sum).

rem_of_bignum_by_small_test() ->
    ?assertEqual(6, (1 bsl 100) rem 10),
    ?assertEqual(-6, -(1 bsl 100) rem 10),
    ?assertEqual(376, (1 bsl 100) rem 1000).

integer_parity_test() ->
    ?assertEqual([1, 0, -1, 0], [X rem 2 || X <- [3, 4, -3, -4]]).

exact_power_of_ten_test() ->
    ?assertEqual(1000000000000000000000, 1000000000 * 1000000000000).
