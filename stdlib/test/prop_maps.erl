%% @doc Random comparison of `ferl_maps' (a renamed copy of ferl's
%% stdlib/maps.erl) against OTP 25's `maps'. Run by validate.sh.
-module(prop_maps).

%% Entry point.
-export([run/1]).

-import(prop, [elem/0, list_of/1, oneof/1, int/2]).

%% @doc Compares every function `N' times; returns the failure count.
-spec run(N) -> non_neg_integer() when N :: pos_integer().
run(N) ->
    prop:check(maps, ferl_maps, cases(), N).

key() -> oneof([a, b, c, 1, 1.0, 2, {x}, "s"]).
m() -> maps:from_list([{key(), elem()} || _ <- lists:seq(1, int(0, 7))]).
%% A map, sometimes a big one (hash-ordered in OTP), or not a map.
bm() -> case rand:uniform(20) of
            1 -> foo;
            2 -> maps:from_list([{I, I} || I <- lists:seq(1, int(30, 80))]);
            _ -> m()
        end.
%% A map, an iterator, or not a map.
mi() -> case rand:uniform(10) of
            1 -> maps:iterator(m());
            2 -> oneof([none, [0 | foo], {a, b, none}, {a, b, c}]);
            _ -> bm()
        end.
keys() -> case rand:uniform(15) of
              1 -> foo;
              2 -> [a | b];
              _ -> list_of(fun key/0)
          end.
fun1() -> oneof([fun(V) -> {V} end, fun(V) -> V end, x]).
fun2() -> oneof([fun(K, V) -> {K, V} end, fun(_, V) -> is_integer(V) end,
                 fun(K, _) -> K end, fun(_, V) -> V end,
                 fun(K, V) -> case is_atom(K) of true -> {true, V}; false -> is_integer(V) end end,
                 fun(_) -> x end, x]).
fun3() -> oneof([fun(K, V, A) -> [{K, V} | A] end, fun(_, _) -> x end, x]).
comb() -> oneof([fun(K, A, B) -> {K, A, B} end, fun(_, A, _) -> A end, x]).

cases() ->
    [{get, fun() -> [key(), bm()] end},
     {get, fun() -> [key(), bm(), def] end},
     {find, fun() -> [key(), bm()] end},
     {from_list, fun() -> [oneof([foo, [{a, 1} | b], [{key(), 1}, {key(), 2}, {key(), 3}]])] end},
     {from_keys, fun() -> [keys(), elem()] end},
     {is_key, fun() -> [key(), bm()] end},
     {keys, fun() -> [bm()] end},
     {values, fun() -> [bm()] end},
     {to_list, fun() -> [bm()] end},
     {merge, fun() -> [bm(), bm()] end},
     {put, fun() -> [key(), 1, bm()] end},
     {remove, fun() -> [key(), bm()] end},
     {take, fun() -> [key(), bm()] end},
     {update, fun() -> [key(), 1, bm()] end},
     {new, fun() -> [] end},
     {size, fun() -> [bm()] end},
     {update_with, fun() -> [key(), fun1(), bm()] end},
     {update_with, fun() -> [key(), fun1(), init, bm()] end},
     {with, fun() -> [keys(), bm()] end},
     {without, fun() -> [keys(), bm()] end},
     {intersect, fun() -> [bm(), bm()] end},
     {intersect_with, fun() -> [comb(), bm(), bm()] end},
     {merge_with, fun() -> [comb(), bm(), bm()] end},
     {groups_from_list, fun() -> [oneof([fun(X) -> is_integer(X) end, x]), oneof([foo, [a | b], prop:list()])] end},
     {groups_from_list, fun() -> [oneof([fun(X) -> is_integer(X) end, x]), oneof([fun(X) -> {X} end, x]), oneof([foo, [a | b], prop:list()])] end},
     {fold, fun() -> [fun3(), [], mi()] end},
     {foreach, fun() -> [fun2(), mi()] end},
     {map, fun() -> [fun2(), mi()] end},
     {filter, fun() -> [fun2(), mi()] end},
     {filtermap, fun() -> [fun2(), mi()] end},
     {iterator, fun() -> [bm()] end},
     {next, fun() -> [oneof([maps:iterator(m()), none, foo, {a, b, none}, [0 | foo]])] end}].
