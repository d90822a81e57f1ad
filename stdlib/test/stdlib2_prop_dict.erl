%% @doc Compares ferl's `dict' (renamed `ferl_dict') with OTP's on dicts
%% built by each module from the same pair lists; results are compared
%% after turning dicts into sorted pair lists.
-module(stdlib2_prop_dict).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    Cases = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:seed(),
    Bad0 = [F || {F, Gen} <- Cases, not ok(F, Gen, N)],
    Known = [],
    Bad = Bad0 -- Known,
    io:format("ferl_dict vs dict: ~p cases, failing ~p, known gaps ~p~n",
              [length(Cases), Bad, Bad0 -- Bad]),
    length(Bad).

ok(_, _, 0) -> true;
ok(F, Gen, I) ->
    Args = Gen(),
    R1 = norm(stdlib2_prop:outcome(dict, F, [mk(dict, A) || A <- Args])),
    R2 = norm(stdlib2_prop:outcome(ferl_dict, F, [mk(ferl_dict, A) || A <- Args])),
    case R1 =:= R2 of
        true -> ok(F, Gen, I - 1);
        false -> io:format("MISMATCH ~p ~w~n otp  ~w~n ours ~w~n", [F, Args, R1, R2]), false
    end.

mk(M, {dict, L}) -> M:from_list(L);
mk(M, {big, L, Dels}) ->
    lists:foldl(fun(K, D) -> M:erase(K, D) end, M:from_list(L), Dels);
mk(_, X) -> X.

norm({ok, V}) -> {ok, n(V)};
norm({error, {case_clause, _}}) -> {error, case_clause};
norm(E) -> E.

%% Dicts are compared exactly (same hash table layout as OTP's).
n(X) -> X.

cases() ->
    [{new, []}, {from_list, [pl]}, {to_list, [d]}, {size, [d]},
     {is_empty, [d]}, {is_key, [k, d]}, {fetch, [k, d]}, {find, [k, d]},
     {fetch_keys, [d]}, {store, [k, v, d]}, {erase, [k, d]}, {take, [k, d]},
     {append, [k, v, d]}, {append_list, [k, l, d]}, {update, [k, f1, d]},
     {update, [k, f1, v, d]}, {update_counter, [k, n, d]},
     {fold, [f3, acc, d]}, {map, [f2, d]}, {filter, [p2, d]},
     {merge, [f3m, d, d]}].

k() -> oneof([1, 2, 1.0, a, {b}]).
gen(k) -> k();
gen(v) -> oneof([1, 2.5, [x]]);
gen(n) -> oneof([1, 2.5, x]);
gen(l) -> list_of(3, fun() -> gen(v) end);
gen(pl) -> case rand:uniform(15) of 1 -> [bad]; _ -> list_of(fun() -> {k(), gen(v)} end) end;
gen(d) -> case rand:uniform(20) of
              1 -> foo;
              N when N < 6 ->
                  L = [{rand:uniform(1000), x} || _ <- lists:seq(1, rand:uniform(400))],
                  {big, L, [rand:uniform(1000) || _ <- lists:seq(1, rand:uniform(800))]};
              _ -> {dict, [{K, [V]} || {K, V} <- list_of(fun() -> {k(), gen(v)} end),
                                       rand:uniform(5) > 1] ++
                          [{K, 7} || K <- list_of(1, fun k/0)]}
          end;
gen(acc) -> [];
gen(f1) -> oneof([fun(V) -> {V} end, bad]);
gen(f2) -> oneof([fun(K, V) -> {K, V} end, bad]);
gen(p2) -> oneof([fun(K, _) -> is_integer(K) end, fun(_, _) -> x end, bad]);
gen(f3) -> oneof([fun(K, V, A) -> [{K, V} | A] end, bad]);
gen(f3m) -> oneof([fun(K, V1, V2) -> {K, V1, V2} end, bad]).

%% A sort that also orders terms that compare equal (1 and 1.0).
csort(L) -> [X || {X, _} <- lists:sort([{X, term_to_binary(X)} || X <- L])].
