-module(try_after_scope_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: variables bound inside the `after` block of a try (erl_lint,
%% OTP 25). They are local to the after block (not used after the try);
%% case/if/receive inside the after block follow the usual rules: a
%% variable bound in some clauses only may be used inside its clause.

%% A variable bound inside a case within `after`; the after value is
%% discarded.
case_in_after_binds_test() ->
    erase(try_scope_after),
    R = try id(body)
        after
            case id(3) of
                N when N > 2 -> Z = N * 10, put(try_scope_after, Z);
                Z -> put(try_scope_after, Z)
            end
        end,
    ?assertEqual(body, R),
    ?assertEqual(30, erase(try_scope_after)).

%% Plain matches in `after` bind variables local to the after block.
match_in_after_test() ->
    erase(try_scope_after2),
    R = try id(1) of
            V -> V + 1
        after
            W = id(7),
            put(try_scope_after2, W)
        end,
    ?assertEqual(2, R),
    ?assertEqual(7, erase(try_scope_after2)).

%% A case whose clauses bind different variables, each used only in its
%% own clause.
case_in_after_clause_local_vars_test() ->
    erase(try_after_k),
    R = try id(ok)
        after
            case id({1}) of
                {N} -> put(try_after_k, {one, N});
                _ -> put(try_after_k, other)
            end
        end,
    ?assertEqual({ok, {one, 1}}, {R, erase(try_after_k)}).

%% The same, in a try with catch clauses, and the exception path.
case_in_after_with_catch_test() ->
    erase(try_after_c),
    F = fun(G) ->
                try G()
                catch
                    throw:T -> {caught, T}
                after
                    case get(try_after_c) of
                        undefined -> put(try_after_c, [first]);
                        L when is_list(L) -> put(try_after_c, [next | L])
                    end
                end
        end,
    ?assertEqual({caught, x}, F(fun() -> throw(x) end)),
    ?assertEqual(v, F(fun() -> v end)),
    ?assertEqual([next, first], erase(try_after_c)).

%% if inside after.
if_in_after_test() ->
    erase(try_after_if),
    R = try id(3) of
            V -> V
        after
            X = id(3),
            if
                X > 2 -> Big = X * 2, put(try_after_if, Big);
                true -> put(try_after_if, small)
            end
        end,
    ?assertEqual({3, 6}, {R, erase(try_after_if)}).

%% receive inside after, its clause variables local to the clause.
receive_in_after_test() ->
    Ref = make_ref(),
    self() ! {Ref, 9},
    erase(try_after_rcv),
    R = try id(body)
        after
            receive
                {Ref, M} -> put(try_after_rcv, M)
            after 1000 -> put(try_after_rcv, timeout)
            end
        end,
    ?assertEqual({body, 9}, {R, erase(try_after_rcv)}).

%% A nested try inside after, binding in its own clauses.
try_in_after_test() ->
    erase(try_after_try),
    R = try id(outer)
        after
            try throw(inner) of
                _ -> ok
            catch
                throw:W -> put(try_after_try, W)
            end
        end,
    ?assertEqual({outer, inner}, {R, erase(try_after_try)}).

%% A fun defined and called in after.
fun_in_after_test() ->
    erase(try_after_fun),
    R = try id(1)
        after
            F = fun(X) -> case X of {Y} -> Y; Y -> Y end end,
            put(try_after_fun, F({2}))
        end,
    ?assertEqual({1, 2}, {R, erase(try_after_fun)}).

id(X) -> X.
