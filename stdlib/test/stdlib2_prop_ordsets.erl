%% @doc Compares ferl's `ordsets' (renamed `ferl_ordsets') with OTP's.
-module(stdlib2_prop_ordsets).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(ordsets, ferl_ordsets, C, N).

cases() ->
    [{new, []}, {is_set, [any]}, {size, [s]}, {is_empty, [s]}, {to_list, [s]},
     {from_list, [l]}, {is_element, [e, s]}, {add_element, [e, s]},
     {del_element, [e, s]}, {union, [s, s]}, {union, [ss]},
     {intersection, [s, s]}, {intersection, [ss]}, {is_disjoint, [s, s]},
     {subtract, [s, s]}, {is_subset, [s, s]}, {fold, [f2, acc, s]},
     {filter, [f1, s]}].

e() -> oneof([1, 2, 1.0, 3, a, {x}, 2.0, "s"]).
gen(e) -> e();
gen(l) -> list_of(fun e/0);
gen(s) -> case rand:uniform(15) of 1 -> bad; _ -> lists:usort(gen(l)) end;
gen(ss) -> list_of(3, fun() -> gen(s) end);
gen(any) -> oneof([gen(l), gen(s), gen(s), foo, [1 | 2], [b, a]]);
gen(acc) -> [];
gen(f1) -> oneof([fun is_integer/1, fun(X) -> X == 1 end, bad]);
gen(f2) -> oneof([fun(X, A) -> [X | A] end, bad]).
