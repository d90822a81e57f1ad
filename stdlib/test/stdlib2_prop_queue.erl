%% @doc Compares ferl's `queue' (renamed `ferl_queue') with OTP's, results
%% compared exactly (the `{Rear, Front}' pairs included).
-module(stdlib2_prop_queue).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, int/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(queue, ferl_queue, C, N).

cases() ->
    [{new, []}, {is_queue, [q]}, {is_empty, [q]}, {len, [q]}, {to_list, [q]},
     {from_list, [l]}, {member, [e, q]}, {in, [e, q]}, {in_r, [e, q]},
     {out, [q]}, {out_r, [q]}, {reverse, [q]}, {join, [q, q]},
     {split, [n, q]}, {filter, [ff, q]}, {filtermap, [fm, q]},
     {fold, [f2, acc, q]}, {any, [p, q]}, {all, [p, q]}, {delete, [e, q]},
     {delete_r, [e, q]}, {delete_with, [p, q]}, {delete_with_r, [p, q]},
     {get, [q]}, {get_r, [q]}, {peek, [q]}, {peek_r, [q]}, {drop, [q]},
     {drop_r, [q]}, {cons, [e, q]}, {head, [q]}, {tail, [q]}, {snoc, [q, e]},
     {daeh, [q]}, {last, [q]}, {liat, [q]}, {lait, [q]}, {init, [q]}].

e() -> oneof([1, 2, 3, 4, 1.0, a]).
gen(e) -> e();
gen(l) -> case rand:uniform(20) of 1 -> bad; _ -> list_of(fun e/0) end;
gen(n) -> case rand:uniform(20) of 1 -> -1; 2 -> x; _ -> int(0, 8) end;
gen(q) ->
    case rand:uniform(25) of
        1 -> bad;
        2 -> {[], bad};
        _ -> ops(queue:new(), rand:uniform(14) - 1)
    end;
gen(acc) -> [];
gen(ff) -> oneof([fun(X) -> X =:= 1 end, fun(X) -> [X, X] end,
                  fun(X) -> X > 2 end, fun(_) -> [] end, bad]);
gen(fm) -> oneof([fun(X) -> X > 2 end, fun(X) -> {true, {X}} end, bad]);
gen(f2) -> oneof([fun(X, A) -> [X | A] end, bad]);
gen(p) -> oneof([fun(X) -> X =:= 2 end, fun is_integer/1, bad]).

%% A queue built by a random sequence of operations (OTP's own).
ops(Q, 0) -> Q;
ops(Q, K) ->
    Q1 = case rand:uniform(6) of
             1 -> queue:in(e(), Q);
             2 -> queue:in_r(e(), Q);
             3 -> element(2, queue:out(Q));
             4 -> element(2, queue:out_r(Q));
             _ -> queue:in(e(), Q)
         end,
    ops(Q1, K - 1).
