-module(matching_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: pattern matching semantics of OTP 25.

-record(p, {x, y = 0}).

clause(1) -> int_one;
clause(1.0) -> float_one;
clause([]) -> nil;
clause([_]) -> one_elem;
clause([_, _ | _]) -> two_or_more;
clause({}) -> empty_tuple;
clause({_, _}) -> pair;
clause(<<>>) -> empty_bin;
clause(#{}) -> map;
clause(_) -> other.

first_matching_clause_test() ->
    ?assertEqual(int_one, clause(1)),
    ?assertEqual(float_one, clause(1.0)),
    ?assertEqual(nil, clause([])).

list_shape_clauses_test() ->
    ?assertEqual(one_elem, clause([a])),
    ?assertEqual(two_or_more, clause([a, b])),
    ?assertEqual(two_or_more, clause([a, b | c])).

tuple_bin_map_clauses_test() ->
    ?assertEqual(empty_tuple, clause({})),
    ?assertEqual(pair, clause({a, b})),
    ?assertEqual(empty_bin, clause(<<>>)),
    ?assertEqual(map, clause(#{a => 1})),
    ?assertEqual(other, clause({a, b, c})).

int_float_patterns_are_exact_test() ->
    R1 = case 2.0 of 2 -> int; 2.0 -> float end,
    R2 = case 2 of 2.0 -> float; 2 -> int end,
    ?assertEqual({float, int}, {R1, R2}).

repeated_variable_test() ->
    F = fun({X, X}) -> same; ({_, _}) -> different end,
    ?assertEqual(same, F({a, a})),
    ?assertEqual(different, F({a, b})),
    ?assertEqual(different, F({1, 1.0})).

bound_variable_in_pattern_test() ->
    X = 5,
    F = fun(V) -> case V of X -> matched; _ -> no end end,
    ?assertEqual(matched, F(5)),
    ?assertEqual(no, F(6)).

nested_pattern_test() ->
    {a, [B, {C, _}], #{k := D}} = {a, [1, {2, 3}], #{k => 4, j => 5}},
    ?assertEqual({1, 2, 4}, {B, C, D}).

alias_pattern_test() ->
    {A, B} = T = {1, 2},
    ?assertEqual({1, 2, {1, 2}}, {A, B, T}).

alias_pattern_inside_test() ->
    F = fun([H | _] = L) -> {H, length(L)} end,
    ?assertEqual({a, 3}, F([a, b, c])).

alias_both_sides_pattern_test() ->
    F = fun({X, _} = {_, Y}) -> {X, Y} end,
    ?assertEqual({1, 2}, F({1, 2})).

badmatch_test() ->
    ?assertError({badmatch, {1, 2}}, begin {A} = id({1, 2}), A end).

badmatch_value_test() ->
    ?assertError({badmatch, [1, 2, 3]}, begin [_] = id([1, 2, 3]) end),
    ?assertError({badmatch, 3}, begin 4 = id(3) end).

string_prefix_pattern_test() ->
    "http://" ++ Rest = "http://example.com",
    ?assertEqual("example.com", Rest).

string_literal_pattern_test() ->
    F = fun("yes") -> true; ("no") -> false; (_) -> unknown end,
    ?assertEqual([true, false, unknown], [F("yes"), F("no"), F("maybe")]).

char_list_pattern_test() ->
    [$a, X | _] = "abc",
    ?assertEqual($b, X).

map_pattern_subset_test() ->
    F = fun(#{a := A}) -> A; (_) -> none end,
    ?assertEqual(1, F(#{a => 1, b => 2})),
    ?assertEqual(none, F(#{b => 2})),
    ?assertEqual(none, F([])).

map_pattern_empty_matches_any_map_test() ->
    F = fun(#{}) -> map; (_) -> notmap end,
    ?assertEqual([map, map, notmap], [F(#{}), F(#{a => 1}), F({})]).

map_pattern_bound_key_test() ->
    K = key,
    #{K := V} = #{key => value},
    ?assertEqual(value, V).

map_pattern_value_match_test() ->
    F = fun(#{a := 1}) -> one; (#{a := _}) -> other_a end,
    ?assertEqual(one, F(#{a => 1})),
    ?assertEqual(other_a, F(#{a => 2})),
    %% value match is exact: 1.0 does not match 1
    ?assertEqual(other_a, F(#{a => 1.0})).

map_pattern_multiple_keys_test() ->
    #{a := A, b := B} = #{a => 1, b => 2, c => 3},
    ?assertEqual({1, 2}, {A, B}).

record_pattern_test() ->
    F = fun(#p{x = 1}) -> x_one; (#p{y = Y}) -> {y, Y} end,
    ?assertEqual(x_one, F(#p{x = 1})),
    ?assertEqual({y, 0}, F(#p{x = 2})).

record_pattern_is_tuple_pattern_test() ->
    #p{x = X} = {p, 10, 20},
    ?assertEqual(10, X).

binary_pattern_test() ->
    <<A:8, B:8, Rest/binary>> = <<1, 2, 3, 4>>,
    ?assertEqual({1, 2, <<3, 4>>}, {A, B, Rest}).

binary_pattern_size_variable_test() ->
    <<Len:8, Data:Len/binary, _/binary>> = <<3, "abcdef">>,
    ?assertEqual(<<"abc">>, Data).

binary_string_pattern_test() ->
    <<"GET ", Path/binary>> = <<"GET /index">>,
    ?assertEqual(<<"/index">>, Path).

function_clause_order_test() ->
    F = fun(_) -> first; (x) -> second end,
    ?assertEqual(first, F(x)).

underscore_does_not_bind_test() ->
    F = fun({_, _}) -> ok end,
    ?assertEqual(ok, F({1, 2})).

match_in_function_head_with_literal_atoms_test() ->
    F = fun(ok, V) -> {ok, V}; (error, R) -> {error, R} end,
    ?assertEqual({ok, 1}, F(ok, 1)),
    ?assertEqual({error, x}, F(error, x)).

case_clause_error_test() ->
    ?assertError({case_clause, 3}, case id(3) of 1 -> a; 2 -> b end).

function_clause_error_test() ->
    F = fun(1) -> one end,
    ?assertError(function_clause, F(2)).

improper_list_pattern_test() ->
    [A | B] = [1 | 2],
    ?assertEqual({1, 2}, {A, B}).

deep_list_pattern_test() ->
    [[A], [B, C]] = [[1], [2, 3]],
    ?assertEqual(6, A + B + C).

tuple_arity_must_match_test() ->
    F = fun({_, _}) -> two; ({_, _, _}) -> three; (_) -> other end,
    ?assertEqual([two, three, other], [F({1, 2}), F({1, 2, 3}), F({1})]).

atom_vs_string_pattern_test() ->
    F = fun(abc) -> atom; ("abc") -> string; (<<"abc">>) -> binary end,
    ?assertEqual([atom, string, binary], [F(abc), F("abc"), F(<<"abc">>)]).

variable_bound_in_case_used_after_test() ->
    {ok, V} = case id(1) of
                  1 -> {ok, one};
                  _ -> {ok, other}
              end,
    ?assertEqual(one, V).

negative_number_pattern_test() ->
    F = fun(-1) -> minus_one; (0) -> zero; (_) -> other end,
    ?assertEqual([minus_one, zero, other], [F(-1), F(0), F(1)]).

bigint_pattern_test() ->
    F = fun(123456789012345678901234567890) -> big; (_) -> other end,
    ?assertEqual(big, F(123456789012345678901234567890)),
    ?assertEqual(other, F(123456789012345678901234567891)).

float_pattern_zero_test() ->
    %% In OTP 25, 0.0 and -0.0 match each other in patterns (=:= compares
    %% them as equal before OTP 27).
    F = fun(0.0) -> zero; (_) -> other end,
    ?assertEqual(zero, F(0.0)),
    ?assertEqual(zero, F(id(0.0) * -1)),
    ?assertEqual(other, F(0)).

match_operator_in_expression_test() ->
    X = {Y, Z} = {1, 2},
    ?assertEqual({{1, 2}, 1, 2}, {X, Y, Z}).

fun_head_pattern_with_bound_outer_var_shadows_test() ->
    %% Variables in fun heads shadow outer variables.
    X = 1,
    F = fun(X) -> X * 10 end,
    ?assertEqual(50, F(5)),
    ?assertEqual(1, X).

receive_pattern_test() ->
    Tag = make_ref(),
    self() ! {Tag, msg, 1},
    self() ! {Tag, other},
    self() ! {Tag, msg, 2},
    R1 = receive {Tag, msg, A} -> A end,
    R2 = receive {Tag, msg, B} -> B end,
    R3 = receive {Tag, M} -> M end,
    ?assertEqual({1, 2, other}, {R1, R2, R3}).

id(X) -> X.
