-module(prefix_patterns_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: `String ++ Pattern` in patterns (erl_lint, OTP 25). The
%% left operand is a string literal (or `[]`); `"ab" ++ T` matches a list
%% starting with $a, $b and binds T to the rest. (Prefixes written as
%% bracketed lists, `[$a] ++ T`, are in list_prefix_patterns_tests.)

prefix("ab" ++ T) -> {ab, T};
prefix("xy" ++ T) -> {xy, T};
prefix(_) -> none.

string_prefix_in_function_head_test() ->
    ?assertEqual({ab, "cd"}, prefix("abcd")),
    ?assertEqual({ab, ""}, prefix("ab")),
    ?assertEqual({xy, "z"}, prefix("xyz")),
    ?assertEqual(none, prefix("a")),
    ?assertEqual(none, prefix(ab)).

%% A string prefix in a fun head.
string_prefix_in_fun_head_test() ->
    F = fun("ab" ++ T) -> T; (_) -> no end,
    ?assertEqual(["c", "", no], [F("abc"), F("ab"), F("ba")]).

%% A fully literal `++` pattern (no variable tail).
fully_literal_plusplus_pattern_test() ->
    F = fun("a" ++ "b") -> ab; (_) -> other end,
    ?assertEqual([ab, other], [F("ab"), F("abc")]).

%% Chained string prefixes.
chained_string_prefixes_test() ->
    F = fun("a" ++ "b" ++ T) -> T; (_) -> no end,
    ?assertEqual(["c", no], [F("abc"), F("ac")]).

%% `[]` and `""` as the prefix.
empty_prefix_test() ->
    F = fun([] ++ T) -> T end,
    G = fun("" ++ T) -> T end,
    ?assertEqual({"abc", "abc"}, {F("abc"), G("abc")}).

%% A prefix with escapes, including an escaped quote.
escaped_prefix_test() ->
    F = fun("\n\t" ++ T) -> T; ("\"q" ++ T) -> {quoted, T}; (_) -> no end,
    ?assertEqual(["x", {quoted, "!"}, no], [F([10, 9, $x]), F([34, $q, $!]), F("nt")]).

%% A prefix on the left of `=`, with an alias.
prefix_in_match_test() ->
    "ab" ++ T = S = id("abz"),
    ?assertEqual({"z", "abz"}, {T, S}).

%% A failed prefix match is a badmatch.
prefix_badmatch_test() ->
    ?assertError({badmatch, "xbz"}, "ab" ++ _ = id("xbz")).

%% A prefix pattern with a non-variable tail.
prefix_with_structured_tail_test() ->
    F = fun("k=" ++ [V]) -> {one, V}; ("k=" ++ [_ | _]) -> many; (_) -> no end,
    ?assertEqual([{one, $1}, many, no], [F("k=1"), F("k=12"), F("k=")]).

%% A string prefix in case clauses.
prefix_in_case_test() ->
    F = fun(S) ->
                case S of
                    "GET " ++ Path -> {get, Path};
                    "PUT " ++ Path -> {put, Path};
                    _ -> unknown
                end
        end,
    ?assertEqual([{get, "/a"}, {put, "/b"}, unknown], [F("GET /a"), F("PUT /b"), F("DEL /c")]).

%% A string prefix with a character above 255 (the source is UTF-8; \x{...}
%% escapes are used here).
unicode_string_prefix_test() ->
    F = fun("\x{441}" ++ T) -> T; (_) -> no end,
    ?assertEqual(["d", no], [F([1089, $d]), F("cd")]).

id(X) -> X.
