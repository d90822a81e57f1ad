-module(try_scope_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: variable scoping in try expressions, as erl_lint (OTP 25)
%% has it. Variables bound in the try body are visible in the `of`
%% clauses; variables bound in `of`/`catch`/`after` are local to their
%% clause (the same name may be bound again in another clause); none of
%% them is used after the try (that would be "unsafe in 'try'").

%% Variables bound in `of` clause heads and bodies.
of_clause_binds_test() ->
    F = fun(T) ->
                try id(T) of
                    {ok, V} -> W = V * 2, {ok, W};
                    {error, E} -> {error, E}
                catch
                    _:_ -> caught
                end
        end,
    ?assertEqual({ok, 42}, F({ok, 21})),
    ?assertEqual({error, x}, F({error, x})).

%% Variables bound in catch clause patterns.
catch_clause_binds_test() ->
    F = fun(T) ->
                try throw(T)
                catch
                    throw:{a, V} -> {a, V};
                    Class:Reason -> {Class, Reason}
                end
        end,
    ?assertEqual({a, 1}, F({a, 1})),
    ?assertEqual({throw, b}, F(b)).

%% The same variable name bound in an `of` clause and in a catch clause:
%% two different variables.
same_name_in_of_and_catch_test() ->
    F = fun(G) ->
                try G() of
                    V -> {value, V}
                catch
                    throw:V -> {thrown, V};
                    error:V -> {error, V}
                end
        end,
    ?assertEqual({value, 1}, F(fun() -> 1 end)),
    ?assertEqual({thrown, 2}, F(fun() -> throw(2) end)),
    ?assertEqual({error, 3}, F(fun() -> error(3) end)).

%% The same name bound in several `of` clauses.
same_name_in_several_of_clauses_test() ->
    F = fun(T) ->
                try id(T) of
                    {one, X} -> X;
                    {two, X, Y} -> X + Y;
                    X -> {other, X}
                after
                    ok
                end
        end,
    ?assertEqual([1, 5, {other, z}], [F({one, 1}), F({two, 2, 3}), F(z)]).

%% Variables bound in the try body are visible in the `of` clauses.
body_vars_in_of_clauses_test() ->
    R = try
            A = id(1),
            B = id(2),
            A + B
        of
            S when S > A -> {A, B, S};
            S -> {small, S}
        catch
            _:_ -> caught
        end,
    ?assertEqual({1, 2, 3}, R).

%% A variable bound before the try is a bound pattern in the `of` clauses.
outer_var_is_bound_in_of_pattern_test() ->
    X = id(1),
    F = fun(V) ->
                try id(V) of
                    X -> same;
                    _ -> different
                catch
                    _:_ -> caught
                end
        end,
    ?assertEqual([same, different], [F(1), F(2)]).

%% A variable bound before the try is a bound pattern in catch clauses,
%% also in the class position.
outer_var_is_bound_in_catch_pattern_test() ->
    X = id(throw),
    Tag = id(t),
    F = fun(G) ->
                try G()
                catch
                    X:{Tag, V} -> {tagged, V};
                    X:_ -> {other_throw};
                    _:_ -> {other_class}
                end
        end,
    ?assertEqual({tagged, 5}, F(fun() -> throw({t, 5}) end)),
    ?assertEqual({other_throw}, F(fun() -> throw({u, 5}) end)),
    ?assertEqual({other_class}, F(fun() -> error({t, 5}) end)).

%% Variables bound in the body, not used after the try: the try's value
%% is what escapes.
body_vars_not_used_after_test() ->
    R = try
            T = id({1, 2}),
            {A, B} = T,
            A + B
        catch
            _:_ -> 0
        end,
    ?assertEqual(3, R).

%% Nested try: the inner try's clause variables (V) are unsafe after it,
%% so the outer clauses use another name (W); both catch clauses bind it.
nested_try_test() ->
    F = fun(G) ->
                try
                    try G() of
                        V -> {inner_of, V}
                    catch
                        throw:V -> throw({rethrown, V})
                    end
                of
                    W -> {outer_of, W}
                catch
                    throw:W -> {outer_catch, W}
                end
        end,
    ?assertEqual({outer_of, {inner_of, 1}}, F(fun() -> 1 end)),
    ?assertEqual({outer_catch, {rethrown, 2}}, F(fun() -> throw(2) end)).

%% Nested try inside an `of` clause using the clause's variables.
nested_try_in_of_clause_test() ->
    R = try id({2, 0}) of
            {A, B} ->
                try A div B of
                    Q -> {quotient, Q}
                catch
                    error:badarith -> {div_by_zero, A}
                end
        catch
            _:_ -> caught
        end,
    ?assertEqual({div_by_zero, 2}, R).

%% The stacktrace variable is local to its catch clause; the same name may
%% appear in another clause. (It must not be used in the clause guard.)
stacktrace_var_per_clause_test() ->
    F = fun(G) ->
                try G()
                catch
                    throw:R:St -> {throw, R, is_list(St)};
                    error:R:St -> {error, R, is_list(St)}
                end
        end,
    ?assertEqual({throw, a, true}, F(fun() -> throw(a) end)),
    ?assertEqual({error, b, true}, F(fun() -> error(b) end)).

%% Catch clause variables used in the clause guard.
catch_guard_uses_clause_vars_test() ->
    F = fun(T) ->
                try throw(T)
                catch
                    throw:N when is_integer(N), N > 10 -> big;
                    throw:N when is_integer(N) -> small;
                    throw:_ -> other
                end
        end,
    ?assertEqual([big, small, other], [F(11), F(1), F(x)]).

%% The try value is bound by a match and used afterwards (the clause
%% variables are not).
try_value_bound_after_test() ->
    Result = try id([1, 2, 3]) of
                 [H | T] -> {H, length(T)}
             catch
                 _:_ -> none
             end,
    {Head, Len} = Result,
    ?assertEqual({1, 2}, {Head, Len}).

%% A case inside the try body binding in all its clauses: the variable is
%% exported from the case and visible in the `of` clauses.
case_export_inside_body_test() ->
    F = fun(X) ->
                try
                    case X of
                        a -> Y = 1;
                        _ -> Y = 2
                    end,
                    Y * 100
                of
                    V -> {Y, V}
                catch
                    _:_ -> caught
                end
        end,
    ?assertEqual([{1, 100}, {2, 200}], [F(a), F(b)]).

%% try inside a fun inside a try: each has its own clause variables.
try_in_fun_in_try_test() ->
    R = try
            G = fun(X) ->
                        try id(X) of
                            V -> V * 2
                        catch
                            _:_ -> err
                        end
                end,
            G(4)
        of
            V -> V + 1
        catch
            _:_ -> caught
        end,
    ?assertEqual(9, R).

%% An of-clause variable shadows nothing: a name bound after the try is a
%% fresh variable.
name_reused_after_try_by_fresh_fun_test() ->
    R = try id(1) of
            V -> V
        catch
            _:_ -> 0
        end,
    F = fun(V) -> V + R end,
    ?assertEqual(11, F(10)).

id(X) -> X.
