-module(proplists_math_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: proplists and math modules of OTP 25.

id(X) -> X.

%% ---- proplists --------------------------------------------------------

get_value_test() ->
    ?assertEqual(1, proplists:get_value(a, [{a, 1}, {a, 2}])),
    ?assertEqual(2, proplists:get_value(b, [a, {b, 2}])),
    ?assertEqual(undefined, proplists:get_value(z, [a])).

get_value_atom_means_true_test() ->
    ?assertEqual(true, proplists:get_value(a, [a])),
    ?assertEqual(def, proplists:get_value(z, [a], def)).

get_value_longer_tuple_ignored_test() ->
    ?assertEqual(undefined, proplists:get_value(a, [{a, 1, 2}])).

get_bool_test() ->
    ?assert(proplists:get_bool(a, [a])),
    ?assertNot(proplists:get_bool(a, [{a, false}])),
    ?assertNot(proplists:get_bool(z, [a])),
    ?assertNot(proplists:get_bool(a, [{a, 1}])).

get_all_values_test() ->
    ?assertEqual([1, 2], proplists:get_all_values(a, [{a, 1}, b, {a, 2}])),
    ?assertEqual([], proplists:get_all_values(z, [a])).

lookup_test() ->
    ?assertEqual({a, true}, proplists:lookup(a, [a])),
    ?assertEqual({a, 1, 2}, proplists:lookup(a, [{a, 1, 2}])),
    ?assertEqual(none, proplists:lookup(z, [a])).

lookup_all_test() ->
    ?assertEqual([{a, 1}, {a, 2, 3}, {a, true}], proplists:lookup_all(a, [{a, 1}, {a, 2, 3}, a])).

is_defined_test() ->
    ?assert(proplists:is_defined(a, [{a, 1}])),
    ?assert(proplists:is_defined(a, [a])),
    ?assertNot(proplists:is_defined(b, [a])).

delete_test() ->
    ?assertEqual([b], proplists:delete(a, [{a, 1}, b, a])).

get_keys_test() ->
    ?assertEqual([a, b, c], lists:sort(proplists:get_keys([{a, 1}, b, {c, 2, 3}, {a, 2}]))).

compact_unfold_property_test() ->
    ?assertEqual([a, {b, 1}], proplists:compact([{a, true}, {b, 1}])),
    ?assertEqual([{a, true}, {b, 1}], proplists:unfold([a, {b, 1}])),
    ?assertEqual(a, proplists:property({a, true})),
    ?assertEqual({a, 1}, proplists:property(a, 1)).

expand_test() ->
    ?assertEqual([fie, bar, baz, fum], proplists:expand([{foo, [bar, baz]}], [fie, foo, fum])).

normalize_and_aliases_test() ->
    ?assertEqual([x, {b, 1}], proplists:normalize([a, {b, 1}], [{aliases, [{a, x}]}])),
    ?assertEqual([x, {x, 1}], proplists:substitute_aliases([{a, x}], [a, {a, 1}])),
    ?assertEqual([{foo, false}], proplists:substitute_negations([{no_foo, foo}], [no_foo])).

split_test() ->
    ?assertEqual({[[a], [{b, 5}, b], [{c, 2}, {c, 3, 4}]], [{e, 1}, d]},
                 proplists:split([{c, 2}, {e, 1}, a, {c, 3, 4}, d, {b, 5}, b], [a, b, c])).

to_map_from_map_test() ->
    ?assertEqual(#{a => true, b => 1}, proplists:to_map([a, {b, 1}, {a, 2}])),
    ?assertEqual([{a, 1}], proplists:from_map(#{a => 1})).

append_values_test() ->
    ?assertEqual([1, 2, 3], proplists:append_values(a, [{a, [1, 2]}, {b, 0}, {a, 3}])).

%% ---- math -------------------------------------------------------------

trig_test() ->
    ?assertEqual(0.0, math:sin(0)),
    ?assertEqual(1.0, math:cos(0)),
    ?assertEqual(1.5574077246549023, math:tan(1)),
    ?assertEqual(0.8414709848078965, math:sin(1)),
    ?assertEqual(-1.0, math:cos(math:pi())).

inverse_trig_test() ->
    ?assertEqual(0.7853981633974483, math:atan2(1, 1)),
    ?assertEqual(0.7853981633974483, math:atan(1)),
    ?assertEqual(3.141592653589793, math:acos(-1)).

hyperbolic_erf_test() ->
    ?assertEqual(1.1752011936438014, math:sinh(1)),
    ?assertEqual(0.8427007929497149, math:erf(1)).

log_test() ->
    ?assertEqual(2.302585092994046, math:log(10)),
    ?assertEqual(3.0, math:log10(1000)),
    ?assertEqual(3.0, math:log2(8)),
    ?assertEqual(1.0, math:exp(0)).

pow_sqrt_test() ->
    ?assertEqual(1.4142135623730951, math:pow(2, 0.5)),
    ?assertEqual(1.4142135623730951, math:sqrt(2)),
    ?assertEqual(1.0, math:pow(0, 0)),
    ?assertEqual(1024.0, math:pow(2, 10)).

floor_ceil_fmod_test() ->
    ?assertEqual(-2.0, math:floor(-1.5)),
    ?assertEqual(2.0, math:ceil(1.2)),
    ?assertEqual(1.5, math:fmod(7.5, 2)),
    ?assertEqual(-1.5, math:fmod(-7.5, 2)).

math_badarith_test() ->
    ?assertError(badarith, math:pow(id(-8), 1 / 3)),
    ?assertError(badarith, math:pow(id(10), 400)),
    ?assertError(badarith, math:asin(id(2))),
    ?assertError(badarith, math:log(id(-1))).

math_more_badarith_test() ->
    ?assertError(badarith, math:fmod(id(1), 0)),
    ?assertError(badarith, math:exp(id(710))),
    ?assertError(badarith, math:sqrt(id(1 bsl 2000))),
    ?assertError(badarith, math:log(id(1 bsl 2000))).

math_non_number_badarg_test() ->
    ?assertError(badarg, math:sqrt(id(a))).

math_pi_test() ->
    ?assertEqual(3.141592653589793, math:pi()).

math_tau_not_in_otp25_test() ->
    ?assertError(undef, apply(math, id(tau), [])).

math_results_are_floats_test() ->
    ?assert(is_float(math:sqrt(4))),
    ?assert(is_float(math:floor(2))),
    ?assertEqual(2.0, math:sqrt(4)).
