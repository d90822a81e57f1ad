%% @doc Compares ferl's `gb_trees' (renamed `ferl_gb_trees') with OTP's;
%% trees are compared exactly, so shapes must match.
-module(stdlib2_prop_gb_trees).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(gb_trees, ferl_gb_trees, C, N) +
        seq_check(N).

cases() ->
    [{empty, []}, {is_empty, [t]}, {size, [t]}, {lookup, [k, t]},
     {get, [k, t]}, {is_defined, [k, t]}, {smallest, [t]}, {largest, [t]},
     {keys, [t]}, {values, [t]}, {to_list, [t]}, {insert, [k, v, t]},
     {enter, [k, v, t]}, {update, [k, v, t]}, {delete, [k, t]},
     {delete_any, [k, t]}, {take, [k, t]}, {take_any, [k, t]},
     {take_smallest, [t]}, {take_largest, [t]}, {from_orddict, [od]},
     {balance, [t]}, {iterator, [t]}, {iterator_from, [k, t]},
     {map, [f2, t]}].

k() -> case rand:uniform(10) of 1 -> 1.0; _ -> int(1, 40) end.
gen(k) -> k();
gen(v) -> oneof([x, y, 1]);
gen(od) -> orddict:from_list([{k(), x} || _ <- list_of(30, fun k/0)]);
gen(t) -> case rand:uniform(30) of
              1 -> bad;
              _ -> build(gb_trees:empty(), rand:uniform(60) - 1)
          end;
gen(f2) -> oneof([fun(K, V) -> {K, V} end, bad]).

%% A tree built by random insertions and deletions with OTP's module.
build(T, 0) -> T;
build(T, N) ->
    K = k(),
    T1 = case rand:uniform(4) of
             1 -> gb_trees:delete_any(K, T);
             _ -> gb_trees:enter(K, N, T)
         end,
    build(T1, N - 1).

%% Long insertion sequences (ascending, descending, random) done by both
%% modules must give the same trees; iterators must walk the same way.
seq_check(N) ->
    Bad = [Kind || Kind <- [asc, desc, rnd],
                   not seq_ok(Kind, max(N div 20, 5))],
    io:format("gb_trees sequences: failing ~p~n", [Bad]),
    length(Bad).

seq_ok(_, 0) -> true;
seq_ok(Kind, I) ->
    Len = rand:uniform(300),
    Keys = case Kind of
               asc -> lists:seq(1, Len);
               desc -> lists:seq(Len, 1, -1);
               rnd -> lists:usort([rand:uniform(1000) || _ <- lists:seq(1, Len)])
           end,
    Ks = case Kind of rnd -> shuffle(Keys); _ -> Keys end,
    T1 = lists:foldl(fun(K, T) -> gb_trees:insert(K, v, T) end,
                     gb_trees:empty(), Ks),
    T2 = lists:foldl(fun(K, T) -> ferl_gb_trees:insert(K, v, T) end,
                     ferl_gb_trees:empty(), Ks),
    It = walk(gb_trees, gb_trees:iterator_from(Len div 2, T1)),
    It2 = walk(ferl_gb_trees, ferl_gb_trees:iterator_from(Len div 2, T2)),
    case T1 =:= T2 andalso It =:= It2 of
        true -> seq_ok(Kind, I - 1);
        false -> io:format("sequence ~p ~w differs~n", [Kind, Ks]), false
    end.

walk(M, I) ->
    case M:next(I) of
        none -> [];
        {K, _, I2} -> [K | walk(M, I2)]
    end.

shuffle(L) -> [X || {_, X} <- lists:sort([{rand:uniform(), X} || X <- L])].
