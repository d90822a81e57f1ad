%% @doc Compares ferl's `orddict' (renamed `ferl_orddict') with OTP's.
-module(stdlib2_prop_orddict).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(orddict, ferl_orddict, C, N).

cases() ->
    [{new, []}, {is_key, [k, d]}, {to_list, [d]}, {from_list, [pl]},
     {size, [d]}, {is_empty, [d]}, {fetch, [k, d]}, {find, [k, d]},
     {fetch_keys, [d]}, {erase, [k, d]}, {take, [k, d]}, {store, [k, v, d]},
     {append, [k, v, d]}, {append_list, [k, l, d]}, {update, [k, f1, d]},
     {update, [k, f1, v, d]}, {update_counter, [k, v, d]},
     {fold, [f3, acc, d]}, {map, [f2, d]}, {filter, [f2p, d]},
     {merge, [f3m, d, d]}].

k() -> oneof([1, 2, 1.0, 3, a, {x}]).
gen(k) -> k();
gen(v) -> oneof([1, 2.5, [x]]);
gen(l) -> list_of(3, fun() -> gen(v) end);
gen(pl) -> case rand:uniform(15) of
               1 -> [bad];
               _ -> list_of(fun() -> {k(), gen(v)} end)
           end;
gen(d) -> case rand:uniform(20) of
              1 -> bad;
              _ -> orddict:from_list([{K, [V]} || {K, V} <- gen(pl)])
          end;
gen(acc) -> [];
gen(f1) -> oneof([fun(V) -> {V} end, bad]);
gen(f2) -> oneof([fun(K, V) -> {K, V} end, bad]);
gen(f2p) -> oneof([fun(K, _) -> is_integer(K) end, bad]);
gen(f3) -> oneof([fun(K, V, A) -> [{K, V} | A] end, bad]);
gen(f3m) -> oneof([fun(K, V1, V2) -> {K, V1, V2} end, bad]).
