-module(pattern_rules_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: what erl_lint (OTP 25) accepts in patterns, and what those
%% patterns match: char literals, nested `=`, repeated variables, bound
%% sizes and map keys, record patterns, and constant expressions
%% (arithmetic, `-1`, `+1`, `#r.f`) evaluated at compile time. (`++`
%% prefix patterns are in prefix_patterns_tests.)

-record(r, {a, b, c}).

char_literal_patterns_test() ->
    F = fun($a) -> lower_a;
           ($\n) -> newline;
           ($\s) -> space;
           ($\\) -> backslash;
           ($\x41) -> upper_a;
           (_) -> other
        end,
    ?assertEqual([lower_a, newline, space, backslash, upper_a, other],
                 [F(97), F(10), F(32), F(92), F(65), F(66)]).

char_in_list_pattern_test() ->
    F = fun([$a | T]) -> T; ([$b, C]) -> C; (_) -> no end,
    ?assertEqual(["bc", $z, no], [F("abc"), F("bz"), F("c")]).

%% Nested `=` in patterns: every alias is bound.
nested_match_pattern_test() ->
    {A, B} = C = X = id({1, 2}),
    ?assertEqual({1, 2, {1, 2}, {1, 2}}, {A, B, C, X}).

nested_match_in_head_test() ->
    F = fun({A, _} = P = {_, B}) -> {A, B, P} end,
    ?assertEqual({1, 2, {1, 2}}, F({1, 2})).

%% Two tuple patterns aliased to each other.
two_structures_aliased_test() ->
    {A, B} = {C, D} = id({1, 2}),
    ?assertEqual({1, 2, 1, 2}, {A, B, C, D}).

%% Repeated variables must match equal values.
repeated_variables_test() ->
    F = fun({X, X}) -> same; ({_, _}) -> different end,
    G = fun([H, H | _]) -> pair; (_) -> no end,
    ?assertEqual([same, different, pair, no], [F({1, 1}), F({1, 2}), G([a, a, b]), G([a, b])]).

%% Repeated variables compare with =:= (1 and 1.0 differ).
repeated_variables_exact_test() ->
    F = fun(X, X) -> same; (_, _) -> different end,
    ?assertEqual([same, different], [F(1, 1), F(1, 1.0)]).

%% Variables starting with `_` are real variables: repeated ones must match.
repeated_underscore_variable_test() ->
    F = fun({_A, _A}) -> same; (_) -> different end,
    ?assertEqual([same, different], [F({1, 1}), F({1, 2})]).

%% A size bound by an earlier segment of the same binary pattern.
bound_var_in_binary_size_test() ->
    <<Len:8, Data:Len/binary, Rest/binary>> = id(<<3, "abcde">>),
    ?assertEqual({3, <<"abc">>, <<"de">>}, {Len, Data, Rest}).

bound_var_in_bits_size_test() ->
    <<N:4, Bits:N/bits, _/bits>> = id(<<3:4, 2#101:3, 0:1>>),
    ?assertEqual({3, <<2#101:3>>}, {N, Bits}).

%% A size from a variable bound before the match, and a constant
%% expression size.
outer_and_constant_sizes_test() ->
    S = id(16),
    <<X:S, Y:(1 + 7)>> = id(<<1, 2, 3>>),
    ?assertEqual({258, 3}, {X, Y}).

%% A bound variable as a segment value is a test.
bound_var_as_segment_value_test() ->
    Tag = id(7),
    F = fun(<<T:8, V:8>>) when T =:= Tag -> {tag, V}; (_) -> no end,
    G = fun(B) -> case B of <<Tag:8, V:8>> -> {tag, V}; _ -> no end end,
    ?assertEqual([{tag, 1}, no], [F(<<7, 1>>), F(<<8, 1>>)]),
    ?assertEqual([{tag, 1}, no], [G(<<7, 1>>), G(<<8, 1>>)]).

binary_string_prefix_pattern_test() ->
    F = fun(<<"ab", R/binary>>) -> R; (_) -> no end,
    ?assertEqual([<<"cd">>, no], [F(<<"abcd">>), F(<<"ba">>)]).

%% Map patterns with a bound variable key and literal keys.
map_pattern_bound_key_test() ->
    K = id(b),
    #{K := V, a := A} = id(#{a => 1, b => 2, c => 3}),
    ?assertEqual({2, 1}, {V, A}).

map_pattern_compound_literal_keys_test() ->
    F = fun(#{{a, 1} := V, <<"k">> := W}) -> {V, W}; (_) -> no end,
    ?assertEqual({x, y}, F(#{{a, 1} => x, <<"k">> => y})),
    ?assertEqual(no, F(#{{a, 1} => x})).

%% A constant expression as a map key in a pattern.
map_pattern_constant_expression_key_test() ->
    F = fun(#{1 + 1 := V}) -> V; (_) -> no end,
    ?assertEqual([two, no], [F(#{2 => two}), F(#{1 => one})]).

record_patterns_test() ->
    F = fun(#r{a = 1, b = B}) -> {one, B};
           (#r{a = A}) -> {other, A};
           (_) -> not_r
        end,
    ?assertEqual([{one, x}, {other, 2}, not_r],
                 [F(#r{a = 1, b = x}), F(#r{a = 2}), F({r, 1, 2})]).

%% `_ = V` in a record pattern: every field not named must be V.
record_pattern_underscore_fields_test() ->
    F = fun(#r{a = 1, _ = z}) -> all_z; (#r{}) -> some_not_z end,
    ?assertEqual([all_z, some_not_z],
                 [F(#r{a = 1, b = z, c = z}), F(#r{a = 1, b = z, c = y})]).

%% Record field index `#r.b` is a constant in a pattern.
record_index_pattern_test() ->
    F = fun(#r.b) -> b_index; (_) -> other end,
    ?assertEqual([b_index, other], [F(3), F(2)]).

%% Arithmetic constant expressions in patterns are evaluated at compile
%% time.
arithmetic_constant_patterns_test() ->
    F = fun(1 + 2) -> three;
           (2 * 3) -> six;
           (7 div 2 + 7 rem 2 * 10) -> thirteen;
           (1 bsl 4) -> sixteen;
           (2 band 3 bor 8) -> ten;
           (bnot 0) -> minus_one;
           ($a + 1) -> b_char;
           (_) -> other
        end,
    ?assertEqual([three, six, thirteen, sixteen, ten, minus_one, b_char, other],
                 [F(3), F(6), F(13), F(16), F(10), F(-1), F($b), F(4)]).

float_constant_pattern_test() ->
    F = fun(1.0 * 2) -> two_float; (2) -> two_int; (_) -> other end,
    ?assertEqual([two_float, two_int], [F(2.0), F(2)]).

%% A constant expression on the left of `=`.
constant_expression_match_test() ->
    2 + 3 = id(5),
    ?assertError({badmatch, 6}, 2 + 3 = id(6)).

signed_literal_patterns_test() ->
    F = fun(-1) -> minus_one;
           (+1) -> plus_one;
           (-(2)) -> minus_two;
           (- - 3) -> three;
           (-2.5) -> minus_two_and_half;
           (_) -> other
        end,
    ?assertEqual([minus_one, plus_one, minus_two, three, minus_two_and_half, other],
                 [F(-1), F(1), F(-2), F(3), F(-2.5), F(0)]).

id(X) -> X.
