-module(comprehensions_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: list and binary comprehensions (OTP 25).

id(X) -> X.

simple_map_test() ->
    ?assertEqual([1, 4, 9], [X * X || X <- [1, 2, 3]]).

empty_generator_test() ->
    ?assertEqual([], [X || X <- []]).

filter_test() ->
    ?assertEqual([2, 4], [X || X <- [1, 2, 3, 4], X rem 2 =:= 0]).

multiple_filters_test() ->
    ?assertEqual([6, 12], [X || X <- lists:seq(1, 12), X rem 2 =:= 0, X rem 3 =:= 0]).

two_generators_order_test() ->
    ?assertEqual([{1, a}, {1, b}, {2, a}, {2, b}], [{X, Y} || X <- [1, 2], Y <- [a, b]]).

dependent_generator_test() ->
    ?assertEqual([{1, 1}, {2, 1}, {2, 2}, {3, 1}, {3, 2}, {3, 3}],
                 [{X, Y} || X <- [1, 2, 3], Y <- lists:seq(1, X)]).

filter_between_generators_test() ->
    ?assertEqual([{2, a}, {2, b}], [{X, Y} || X <- [1, 2, 3], X =:= 2, Y <- [a, b]]).

pattern_filtering_generator_test() ->
    ?assertEqual([1, 3], [X || {ok, X} <- [{ok, 1}, {error, 2}, {ok, 3}, other]]).

pattern_filter_tuple_size_test() ->
    ?assertEqual([a, c], [A || {A, _} <- [{a, 1}, {b, 2, 3}, {c, 4}]]).

pattern_with_bound_variable_test() ->
    K = key,
    ?assertEqual([1, 3], [V || {Kx, V} <- [{key, 1}, {other, 2}, {key, 3}], Kx =:= K]),
    %% a variable bound outside the comprehension is NOT matched by value in
    %% a generator pattern: it is shadowed (with a compiler warning)
    ?assertEqual([1, 2, 3], [V || {K, V} <- [{key, 1}, {other, 2}, {key, 3}]]).

nested_comprehension_test() ->
    ?assertEqual([[1, 2], [2, 4], [3, 6]], [[X * Y || Y <- [1, 2]] || X <- [1, 2, 3]]).

pythagorean_triples_test() ->
    N = 20,
    R = [{A, B, C} || A <- lists:seq(1, N), B <- lists:seq(A, N), C <- lists:seq(B, N),
                      A * A + B * B =:= C * C],
    ?assertEqual([{3, 4, 5}, {5, 12, 13}, {6, 8, 10}, {8, 15, 17}, {9, 12, 15}, {12, 16, 20}], R).

quicksort_test() ->
    ?assertEqual([1, 1, 2, 3, 4, 5, 6, 9], qsort([3, 1, 4, 1, 5, 9, 2, 6])).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

permutations_test() ->
    ?assertEqual([[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]], perms([1, 2, 3])).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

string_comprehension_test() ->
    ?assertEqual("HELLO", [C - 32 || C <- "hello"]),
    ?assertEqual("hll", [C || C <- "hello", not lists:member(C, "aeiou")]).

non_boolean_filter_is_error_test() ->
    %% A filter that is neither a guard nor boolean raises bad_filter
    ?assertError({bad_filter, 1}, [X || X <- [1, 2], id(X)]).

guard_filter_exception_is_false_test() ->
    %% A filter that is a guard expression just fails (no exception).
    ?assertEqual([{a}], [X || X <- [{a}, b, []], element(1, X) =:= a]).

generator_not_a_list_error_test() ->
    ?assertError({bad_generator, foo}, [X || X <- id(foo)]).

generator_improper_list_test() ->
    ?assertError({bad_generator, c}, [X || X <- id([a, b | c])]).

side_effect_order_test() ->
    Tag = make_ref(),
    _ = [self() ! {Tag, X} || X <- [1, 2, 3]],
    R = [receive {Tag, M} -> M end || _ <- [1, 2, 3]],
    ?assertEqual([1, 2, 3], R).

comprehension_variables_local_test() ->
    X = outer,
    L = [X1 || X1 <- [1, 2]],
    ?assertEqual({outer, [1, 2]}, {X, L}).

binary_generator_test() ->
    ?assertEqual([1, 2, 3], [B || <<B>> <= <<1, 2, 3>>]).

binary_generator_multi_segment_test() ->
    ?assertEqual([{1, 2}, {3, 4}], [{A, B} || <<A, B>> <= <<1, 2, 3, 4>>]).

binary_generator_with_filter_test() ->
    ?assertEqual([2, 4], [B || <<B>> <= <<1, 2, 3, 4>>, B rem 2 =:= 0]).

binary_generator_16bit_test() ->
    ?assertEqual([258, 772], [X || <<X:16>> <= <<1, 2, 3, 4>>]).

binary_generator_leftover_ignored_test() ->
    ?assertEqual([258], [X || <<X:16>> <= <<1, 2, 3>>]).

binary_generator_pattern_mismatch_skipped_test() ->
    %% a literal in a binary generator pattern filters elements
    ?assertEqual([2, 4], [X || <<1, X>> <= <<1, 2, 9, 9, 1, 4>>]).

binary_comprehension_result_test() ->
    ?assertEqual(<<2, 4, 6>>, << <<(X * 2)>> || X <- [1, 2, 3] >>).

binary_comprehension_from_binary_test() ->
    ?assertEqual(<<"HELLO">>, << <<(C - 32)>> || <<C>> <= <<"hello">> >>).

binary_comprehension_bits_test() ->
    R = << <<X:1>> || X <- [1, 1, 0, 1] >>,
    ?assertEqual(4, bit_size(R)),
    ?assertEqual(<<2#1101:4>>, R).

binary_comprehension_variable_size_test() ->
    ?assertEqual(<<1, 0, 2, 0, 0, 3>>, << <<X:(X * 8)>> || X <- [1, 2, 3] >>).

binary_comprehension_binary_segments_test() ->
    ?assertEqual(<<"a,b,c,">>, << <<S/binary, ",">> || S <- [<<"a">>, <<"b">>, <<"c">>] >>).

binary_comprehension_empty_test() ->
    ?assertEqual(<<>>, << <<X>> || X <- [] >>),
    ?assertEqual(<<>>, << <<X>> || <<X>> <= <<>> >>).

bitstring_generator_test() ->
    ?assertEqual([1, 0, 1, 1], [B || <<B:1>> <= <<2#1011:4>>]).

bitstring_rest_generator_test() ->
    ?assertEqual([<<1:3>>, <<2:3>>], [B || <<B:3/bits>> <= <<1:3, 2:3, 1:2>>]).

mixed_list_and_binary_generators_test() ->
    ?assertEqual([{a, 1}, {a, 2}, {b, 1}, {b, 2}], [{L, B} || L <- [a, b], <<B>> <= <<1, 2>>]).

list_of_tuples_to_map_test() ->
    M = maps:from_list([{K, V * 10} || {K, V} <- [{a, 1}, {b, 2}]]),
    ?assertEqual(#{a => 10, b => 20}, M).

comprehension_over_map_to_list_test() ->
    ?assertEqual([a, c], [K || {K, V} <- maps:to_list(#{a => 1, b => 2, c => 3}), V =/= 2]).

large_comprehension_test() ->
    L = [X || X <- lists:seq(1, 100000), X rem 1000 =:= 0],
    ?assertEqual(100, length(L)),
    ?assertEqual(100000, lists:last(L)).

comprehension_with_case_in_body_test() ->
    R = [case X of 1 -> one; _ -> many end || X <- [1, 2]],
    ?assertEqual([one, many], R).

comprehension_filter_with_andalso_test() ->
    ?assertEqual([3], [X || X <- [1, 2, 3, 4], X > 2 andalso X < 4]).

comprehension_returns_nested_lists_test() ->
    ?assertEqual([[a], [b, b], [c, c, c]], [lists:duplicate(N, A) || {N, A} <- [{1, a}, {2, b}, {3, c}]]).

record_pattern_generator_test() ->
    L = [{r, 1, x}, {q, 2, y}, {r, 3, z}],
    ?assertEqual([x, z], [V || {r, _, V} <- L]).

string_prefix_pattern_generator_test() ->
    ?assertEqual(["b", "d"], [Rest || "a" ++ Rest <- ["ab", "cd", "ad"]]).

binary_generator_strict_utf8_test() ->
    ?assertEqual([16#20AC, $a], [C || <<C/utf8>> <= <<226, 130, 172, $a>>]).

filter_using_bound_outer_variable_test() ->
    Limit = 2,
    ?assertEqual([3, 4], [X || X <- [1, 2, 3, 4], X > Limit]).

%% ---- more comprehension details ---------------------------------------

generator_over_string_chars_test() ->
    ?assertEqual([{$a, 1}, {$b, 2}], lists:zip("ab", [N || N <- [1, 2]])),
    ?assertEqual([98, 99], [C + 1 || C <- "ab"]).

filter_order_relative_to_generators_test() ->
    erase(calls),
    Count = fun(X) -> put(calls, [X | case get(calls) of undefined -> []; L -> L end]), true end,
    _ = [{X, Y} || X <- [1, 2], Count({x, X}), Y <- [a, b], Count({y, X, Y})],
    ?assertEqual([{x, 1}, {y, 1, a}, {y, 1, b}, {x, 2}, {y, 2, a}, {y, 2, b}], lists:reverse(erase(calls))).

comprehension_result_length_is_product_test() ->
    ?assertEqual(12, length([{A, B, C} || A <- [1, 2], B <- [1, 2, 3], C <- [1, 2]])).

empty_inner_generator_yields_nothing_test() ->
    ?assertEqual([], [{X, Y} || X <- [1, 2, 3], Y <- []]).

binary_comprehension_with_filter_on_list_test() ->
    ?assertEqual(<<1, 3, 5>>, << <<X>> || X <- [1, 2, 3, 4, 5], X rem 2 =:= 1 >>).

binary_comprehension_utf8_output_test() ->
    ?assertEqual(<<"h\x{e9}llo"/utf8>>, << <<C/utf8>> || C <- "h\x{e9}llo" >>).

nested_binary_generators_test() ->
    ?assertEqual([{1, 3}, {1, 4}, {2, 3}, {2, 4}], [{A, B} || <<A>> <= <<1, 2>>, <<B>> <= <<3, 4>>]).

comprehension_with_map_generator_via_maps_to_list_test() ->
    ?assertEqual(6, lists:sum([V || {_, V} <- maps:to_list(#{a => 1, b => 2, c => 3})])).

comprehension_bad_generator_binary_test() ->
    ?assertError({bad_generator, not_a_binary}, [X || <<X>> <= id(not_a_binary)]).

comprehension_nested_in_guardless_fun_test() ->
    F = fun(N) -> [X * N || X <- lists:seq(1, N)] end,
    ?assertEqual([[1], [2, 4], [3, 6, 9]], [F(N) || N <- [1, 2, 3]]).
