%% @doc Compares ferl's `gb_sets' (renamed `ferl_gb_sets') with OTP's;
%% sets are compared exactly, so tree shapes must match.
-module(stdlib2_prop_gb_sets).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(gb_sets, ferl_gb_sets, C, N).

cases() ->
    [{empty, []}, {new, []}, {is_empty, [s]}, {size, [s]}, {singleton, [e]},
     {is_element, [e, s]}, {is_member, [e, s]}, {is_set, [s]},
     {to_list, [s]}, {from_list, [l]}, {from_ordset, [o]}, {smallest, [s]},
     {largest, [s]}, {insert, [e, s]}, {add, [e, s]}, {add_element, [e, s]},
     {delete, [e, s]}, {delete_any, [e, s]}, {del_element, [e, s]},
     {take_smallest, [s]}, {take_largest, [s]}, {balance, [s]},
     {union, [s, s]}, {union, [ss]}, {intersection, [s, s]},
     {intersection, [ss]}, {is_disjoint, [s, s]}, {difference, [s, s]},
     {subtract, [s, s]}, {is_subset, [s, s]}, {iterator, [s]},
     {iterator_from, [e, s]}, {filter, [p, s]}, {fold, [f2, acc, s]}].

e() -> case rand:uniform(12) of 1 -> 3.0; _ -> int(1, 120) end.
gen(e) -> e();
gen(l) -> list_of(30, fun e/0);
gen(o) -> lists:usort(gen(l));
gen(s) -> case rand:uniform(30) of
              1 -> bad;
              2 -> gb_sets:from_list(lists:seq(1, rand:uniform(200)));
              _ -> build(gb_sets:empty(), rand:uniform(oneof([5, 20, 100])) - 1)
          end;
gen(ss) -> list_of(3, fun() -> gen(s) end);
gen(acc) -> [];
gen(p) -> oneof([fun(X) -> X > 50 end, bad]);
gen(f2) -> oneof([fun(X, A) -> [X | A] end, bad]).

build(S, 0) -> S;
build(S, N) ->
    K = e(),
    S1 = case rand:uniform(4) of
             1 -> gb_sets:del_element(K, S);
             _ -> gb_sets:add(K, S)
         end,
    build(S1, N - 1).
