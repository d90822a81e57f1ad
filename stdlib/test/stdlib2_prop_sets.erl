%% @doc Compares ferl's `sets' (renamed `ferl_sets') with OTP's. Both
%% modules are given sets built by themselves from the same element lists;
%% results are compared after turning sets into sorted lists.
-module(stdlib2_prop_sets).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    Cases = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:seed(),
    Bad = [F || {F, Gen} <- Cases, not ok(F, Gen, N)],
    io:format("ferl_sets vs sets: ~p cases, failing ~p~n", [length(Cases), Bad]),
    length(Bad).

ok(_, _, 0) -> true;
ok(F, Gen, I) ->
    Args = Gen(),
    R1 = norm(stdlib2_prop:outcome(sets, F, [mk(sets, A) || A <- Args])),
    R2 = norm(stdlib2_prop:outcome(ferl_sets, F, [mk(ferl_sets, A) || A <- Args])),
    case R1 =:= R2 of
        true -> ok(F, Gen, I - 1);
        false -> io:format("MISMATCH ~p ~w~n otp  ~w~n ours ~w~n", [F, Args, R1, R2]), false
    end.

%% {set, Version, Elements} stands for a set built by the module under test.
mk(M, {set, 1, L}) -> M:from_list(L);
mk(M, {set, 2, L}) -> M:from_list(L, [{version, 2}]);
mk(M, {sets, Ss}) -> [mk(M, S) || S <- Ss];
mk(M, {big, L, Dels}) ->
    lists:foldl(fun(E, S) -> M:del_element(E, S) end, M:from_list(L), Dels);
mk(_, X) -> X.

norm({ok, V}) -> {ok, n(V)};
norm({error, {case_clause, _}}) -> {error, case_clause};
norm(E) -> E.

%% Version 2 sets (maps) are compared by their keys, version 1 sets exactly
%% (same hash table layout as OTP's) and lists in order.
n(#{} = M) -> {v2, csort(maps:keys(M))};
n(L) when is_list(L) -> [n(X) || X <- L];
n(X) -> X.

cases() ->
    [{new, []}, {new, [opts]}, {from_list, [l]}, {from_list, [l, opts]},
     {to_list, [s]}, {is_set, [s]}, {size, [s]}, {is_empty, [s]},
     {is_element, [e, s]}, {add_element, [e, s]}, {del_element, [e, s]},
     {union, [s, s]}, {union, [ss]}, {intersection, [s, s]},
     {intersection, [ss]}, {is_disjoint, [s, s]}, {subtract, [s, s]},
     {is_subset, [s, s]}, {fold, [f2, acc, s]}, {filter, [p, s]}].

e() -> oneof([1, 2, 3, 1.0, a, {b}]).
gen(e) -> e();
gen(l) -> list_of(8, fun e/0);
gen(opts) -> oneof([[], [{version, 1}], [{version, 2}], [foo]]);
gen(s) -> case rand:uniform(20) of
              1 -> foo;
              2 -> #{a => 1};
              N when N < 7 ->
                  %% Large enough for the hash table to grow and shrink.
                  L = [rand:uniform(1000) || _ <- lists:seq(1, rand:uniform(400))],
                  {big, L, [rand:uniform(1000) || _ <- lists:seq(1, rand:uniform(800))]};
              _ -> {set, oneof([1, 2]), gen(l)}
          end;
gen(ss) -> {sets, list_of(3, fun() -> {set, oneof([1, 2]), gen(l)} end)};
gen(acc) -> 0;
gen(f2) -> oneof([fun(X, A) -> A + erlang:phash2(X) end, bad]);
gen(p) -> oneof([fun(X) -> is_integer(X) end, fun(_) -> x end, bad]).

%% A sort that also orders terms that compare equal (1 and 1.0).
csort(L) -> [X || {X, _} <- lists:sort([{X, term_to_binary(X)} || X <- L])].
