-module(case_export_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: variables exported from case/if/receive/begin (erl_lint,
%% OTP 25). A variable bound in every clause is usable after the
%% expression; one bound in some clauses only is legal as long as it is
%% not used after. Variables bound inside `catch` stay inside it.

case_all_clauses_export_test() ->
    F = fun(T) ->
                case T of
                    {a, V} -> X = V;
                    {b, V} -> X = V * 10;
                    _ -> X = none
                end,
                {X, X}
        end,
    ?assertEqual([{1, 1}, {20, 20}, {none, none}], [F({a, 1}), F({b, 2}), F(c)]).

%% Variables bound in every clause head (not only bodies) are exported too.
case_head_vars_export_test() ->
    F = fun(T) ->
                case T of
                    {X, Y} -> ok;
                    [X, Y] -> ok
                end,
                X + Y
        end,
    ?assertEqual([3, 7], [F({1, 2}), F([3, 4])]).

%% Several variables, bound in different ways per clause.
case_several_exports_test() ->
    F = fun(N) ->
                case N rem 2 of
                    0 -> Kind = even, Half = N div 2;
                    1 -> Half = (N - 1) div 2, Kind = odd
                end,
                {Kind, Half}
        end,
    ?assertEqual([{even, 2}, {odd, 2}], [F(4), F(5)]).

if_all_clauses_export_test() ->
    F = fun(N) ->
                if
                    N > 0 -> S = positive;
                    N < 0 -> S = negative;
                    true -> S = zero
                end,
                S
        end,
    ?assertEqual([positive, negative, zero], [F(3), F(-3), F(0)]).

receive_all_clauses_export_test() ->
    Ref = make_ref(),
    self() ! {Ref, 5},
    receive
        {Ref, V} -> R = V + 1
    after 1000 -> R = timeout
    end,
    receive
        {Ref, _} -> R2 = unexpected
    after 0 -> R2 = empty
    end,
    ?assertEqual({6, empty}, {R, R2}).

%% A receive with only an `after` exports what the after body binds.
receive_after_only_export_test() ->
    receive
    after 0 -> Z = id(after_only)
    end,
    ?assertEqual(after_only, Z).

%% Bound in some clauses only and not used afterwards: legal.
some_clauses_only_not_used_test() ->
    F = fun(T) ->
                case T of
                    {ok, V} -> W = V, {got, W};
                    _ -> nothing
                end
        end,
    G = fun(N) ->
                if
                    N > 0 -> P = N, {pos, P};
                    true -> other
                end
        end,
    ?assertEqual([{got, 1}, nothing, {pos, 2}, other], [F({ok, 1}), F(x), G(2), G(0)]).

%% The variable of the case expression itself is visible in the clauses and
%% after the case.
case_subject_binding_test() ->
    R = case T = id({1, 2}) of
            {A, _} when A > 0 -> {T, A};
            _ -> T
        end,
    ?assertEqual({{1, 2}, 1}, R),
    ?assertEqual({1, 2}, T).

%% An exported variable is a bound pattern afterwards.
exported_var_is_bound_afterwards_test() ->
    F = fun(T, U) ->
                case T of
                    a -> X = 1;
                    _ -> X = 2
                end,
                case U of
                    X -> same;
                    _ -> different
                end
        end,
    ?assertEqual([same, different, same], [F(a, 1), F(a, 2), F(b, 2)]).

%% Nested cases: the inner case exports to the outer clause, the outer
%% case exports to the function body.
nested_case_export_test() ->
    F = fun(A, B) ->
                case A of
                    true ->
                        case B of
                            true -> X = tt;
                            false -> X = tf
                        end;
                    false ->
                        X = f
                end,
                X
        end,
    ?assertEqual([tt, tf, f], [F(true, true), F(true, false), F(false, true)]).

%% An exported variable used in a guard of a later expression.
exported_var_in_later_guard_test() ->
    F = fun(N) ->
                case N of
                    0 -> Lim = 10;
                    _ -> Lim = N
                end,
                G = fun(X) when X < Lim -> below; (_) -> not_below end,
                G(5)
        end,
    ?assertEqual([below, not_below], [F(0), F(3)]).

begin_end_binds_test() ->
    begin
        A = id(1),
        B = id(2)
    end,
    C = begin D = A + B, D * 2 end,
    ?assertEqual({1, 2, 3, 6}, {A, B, D, C}).

%% Variables bound inside a catch expression are used only inside it.
catch_binds_inside_only_test() ->
    R = catch begin X = id(1), X + 1 end,
    ?assertEqual(2, R).

catch_badmatch_inside_test() ->
    R = (catch begin {ok, X} = id(bad), X end),
    ?assertMatch({'EXIT', {{badmatch, bad}, _}}, R).

catch_throw_value_test() ->
    R = catch begin Y = id(7), throw({thrown, Y}) end,
    ?assertEqual({thrown, 7}, R).

%% A variable bound before the catch is a bound pattern inside it.
catch_with_outer_bound_var_test() ->
    X = id(1),
    ?assertEqual(1, catch (X = id(1))),
    ?assertMatch({'EXIT', {{badmatch, 2}, _}}, catch (X = id(2))).

%% Bindings in the left operand of andalso/orelse are exported; those in
%% the right operand are not used after.
andalso_left_operand_binding_test() ->
    R = (A = id(true)) andalso (B = id(false)) =:= false,
    ?assertEqual({true, true}, {A, R}).

orelse_left_operand_binding_test() ->
    R = (A = id(false)) orelse id(yes),
    ?assertEqual({false, yes}, {A, R}).

%% Bindings in the elements of a tuple, list, call arguments and operator
%% operands are visible after the expression.
bindings_in_subexpressions_test() ->
    {_, _} = {X = id(1), Y = id(2)},
    [_ | _] = [H = id(h) | T = id([t])],
    _ = id(Z = id(3)),
    S = (P = id(4)) + (Q = id(5)),
    ?assertEqual({1, 2, h, [t], 3, 4, 5, 9}, {X, Y, H, T, Z, P, Q, S}).

%% The same variable bound twice in one tuple: the second is a match.
same_var_twice_in_tuple_test() ->
    F = fun(A, B) -> {X = id(A), X = id(B)} end,
    ?assertEqual({1, 1}, F(1, 1)),
    ?assertError({badmatch, 2}, F(1, 2)).

%% Exported variables from a case inside a fun body.
case_export_in_fun_test() ->
    F = fun(L) ->
                case L of
                    [] -> Len = 0, Hd = none;
                    [Hd | _] -> Len = length(L)
                end,
                {Len, Hd}
        end,
    ?assertEqual([{0, none}, {2, a}], [F([]), F([a, b])]).

id(X) -> X.
