-module(fun_shadow_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: scoping of fun heads and comprehension generators
%% (erl_lint, OTP 25). A variable in a fun head or generator pattern is a
%% new variable that shadows an outer one of the same name (a warning).
%% Outer variables are visible in fun guards and bodies; a match on an
%% outer variable in a fun body is a test. (Outer variables used as sizes
%% and map keys in those patterns are in outer_var_patterns_tests.)

%% The fun's parameter is a new variable; the outer X is unchanged.
fun_param_shadows_outer_test() ->
    X = id(1),
    F = fun(X) -> X * 10 end,
    ?assertEqual({20, 1}, {F(2), X}).

%% Shadowing parameter in a guard: the guard sees the parameter.
fun_param_shadows_in_guard_test() ->
    X = id(1),
    F = fun(X) when X > 5 -> big; (X) -> {small, X} end,
    ?assertEqual([big, {small, 3}], [F(10), F(3)]).

%% A tuple pattern with a shadowing variable matches anything there.
fun_tuple_param_shadows_test() ->
    X = id(1),
    F = fun({X, Y}) -> {X, Y} end,
    ?assertEqual({7, 8}, F({7, 8})),
    ?assertEqual(1, X).

outer_var_in_fun_body_test() ->
    Y = id(10),
    F = fun(X) -> X + Y end,
    ?assertEqual(15, F(5)).

outer_var_in_fun_guard_test() ->
    Lim = id(5),
    F = fun(X) when X > Lim -> big; (_) -> small end,
    ?assertEqual([big, small], [F(6), F(5)]).

%% A match in a fun body on an outer variable is a test, not a binding.
outer_var_match_in_fun_body_test() ->
    Z = id(1),
    F = fun(V) -> Z = id(V), matched end,
    ?assertEqual(matched, F(1)),
    ?assertError({badmatch, 2}, F(2)).

%% A variable bound only inside a fun body does not leak: the same name
%% bound after the fun is a fresh variable.
fun_body_vars_do_not_leak_test() ->
    F = fun() -> Z = id(1), Z end,
    Z = id(2),
    ?assertEqual({1, 2}, {F(), Z}).

named_fun_recursion_test() ->
    Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    ?assertEqual(120, Fact(5)).

%% The name of a named fun shadows an outer variable of the same name
%% inside the fun only.
named_fun_name_shadows_outer_test() ->
    F = id(outer),
    G = fun F(0) -> done; F(N) -> F(N - 1) end,
    ?assertEqual({outer, done}, {F, G(3)}).

%% A named fun's name and outer variables together.
named_fun_with_outer_var_test() ->
    Step = id(2),
    Count = fun Loop(N, Acc) when N =< 0 -> Acc; Loop(N, Acc) -> Loop(N - Step, Acc + 1) end,
    ?assertEqual(5, Count(10, 0)).

nested_funs_capture_test() ->
    Add = fun(X) -> fun(Y) -> X + Y end end,
    ?assertEqual(7, (Add(3))(4)).

%% The inner fun's parameter shadows the outer fun's parameter.
nested_funs_shadow_test() ->
    F = fun(X) -> fun(X) -> {inner, X} end end,
    G = F(1),
    ?assertEqual({inner, 2}, G(2)).

%% Three levels, each capturing from all enclosing scopes.
nested_funs_three_levels_test() ->
    A = id(100),
    F = fun(B) -> fun(C) -> fun(D) -> A + B + C + D end end end,
    ?assertEqual(1234, ((F(1000))(130))(4)).

%% A size bound by an earlier segment of the same fun head pattern.
size_from_earlier_segment_in_fun_head_test() ->
    F = fun(<<N:8, D:N/binary, _/binary>>) -> D end,
    ?assertEqual(<<"ab">>, F(<<2, "abcd">>)).

%% Repeated variables in a fun head must match each other.
repeated_var_in_fun_head_test() ->
    F = fun(X, X) -> same; (_, _) -> different end,
    ?assertEqual([same, different], [F(1, 1), F(1, 2)]).

%% A generator pattern variable shadows an outer variable.
generator_shadows_outer_test() ->
    X = id(1),
    ?assertEqual([2, 3], [X || X <- [2, 3]]),
    ?assertEqual(1, X).

binary_generator_shadows_outer_test() ->
    X = id(1),
    ?assertEqual(<<2, 3>>, << <<X>> || <<X>> <= <<2, 3>> >>),
    ?assertEqual(1, X).

%% A filter uses an outer variable and the generator variable.
outer_var_in_filter_test() ->
    Min = id(2),
    ?assertEqual([3, 4], [X || X <- [1, 2, 3, 4], X > Min]).

%% Generator variables are not visible after the comprehension; the same
%% name bound afterwards is fresh.
generator_vars_do_not_leak_test() ->
    L = [X * 2 || X <- [1, 2]],
    X = id(9),
    ?assertEqual({[2, 4], 9}, {L, X}).

%% A variable bound by a match inside a filter is visible in later
%% qualifiers and in the template.
match_in_filter_binds_test() ->
    ?assertEqual([2], [Y || X <- [1, 2], (Y = X) > 0, Y > 1]).

%% A fun created in a comprehension captures the generator variable.
fun_in_comprehension_captures_test() ->
    Fs = [fun() -> X * X end || X <- [1, 2, 3]],
    ?assertEqual([1, 4, 9], [F() || F <- Fs]).

id(X) -> X.
