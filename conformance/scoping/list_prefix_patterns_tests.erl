-module(list_prefix_patterns_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: `List ++ Pattern` in patterns where the prefix is written
%% as a bracketed list of integer literals, not a string (erl_lint, OTP 25
%% accepts a proper list of integer/char literals there, but not atoms,
%% floats or `-1`): `[$a, $b] ++ T`, `[1089] ++ "cd\""`, chains of them.

prefix([$x, $y] ++ T) -> {xy, T};
prefix([1, 2] ++ T) -> {one_two, T};
prefix(_) -> none.

bracketed_char_prefix_in_function_head_test() ->
    ?assertEqual([{xy, "z"}, {xy, ""}, none], [prefix("xyz"), prefix("xy"), prefix("x")]).

bracketed_integer_prefix_test() ->
    ?assertEqual([{one_two, [3]}, none], [prefix([1, 2, 3]), prefix([1, 3])]).

%% `[1089] ++ "cd\""`: a literal list of one code point, then a string with
%% an escaped quote.
code_point_then_string_pattern_test() ->
    F = fun([1089] ++ "cd\"" = S) -> {yes, S}; (_) -> no end,
    ?assertEqual({yes, [1089, $c, $d, $"]}, F([1089, 99, 100, 34])),
    ?assertEqual(no, F([1089, 99, 100])).

%% Chained `++` with bracketed lists and a string, then a variable tail.
chained_bracketed_prefixes_test() ->
    F = fun([$a] ++ [$b] ++ "c" ++ T) -> T; (_) -> no end,
    ?assertEqual([$d], F("abcd")),
    ?assertEqual(no, F("abd")).

%% A string followed by a bracketed list.
string_then_bracketed_test() ->
    F = fun("a" ++ [$b] ++ T) -> T; (_) -> no end,
    ?assertEqual(["c", no], [F("abc"), F("aac")]).

%% A bracketed list prefix on the left of `=`.
bracketed_prefix_in_match_test() ->
    [$a] ++ T = id("ab"),
    ?assertEqual("b", T).

%% A fully literal pattern made of bracketed lists.
fully_literal_bracketed_pattern_test() ->
    F = fun([1089] ++ "cd") -> yes; (_) -> no end,
    ?assertEqual([yes, no], [F([1089, $c, $d]), F("cd")]).

%% A prefix written as a cons of a char and a string.
cons_prefix_test() ->
    F = fun([$a | "b"] ++ T) -> T; (_) -> no end,
    ?assertEqual(["c", no], [F("abc"), F("bc")]).

%% A bracketed list prefix in a case clause.
bracketed_prefix_in_case_test() ->
    F = fun(L) -> case L of [0, 0] ++ Rest -> {zeros, Rest}; _ -> other end end,
    ?assertEqual([{zeros, [1]}, other], [F([0, 0, 1]), F([0, 1])]).

%% Characters above 255 in a bracketed prefix.
code_point_list_prefix_test() ->
    F = fun([1089, 1090] ++ T) -> T; (_) -> no end,
    ?assertEqual(["!", no], [F([1089, 1090, $!]), F([1089])]).

id(X) -> X.
