%% @doc Random comparison of `ferl_lists' (a renamed copy of ferl's
%% stdlib/lists.erl) against OTP 25's `lists'. Run by validate.sh.
-module(prop_lists).

%% Entry point.
-export([run/1]).

-import(prop, [elem/0, list/0, list_of/1, maybe_bad/1, oneof/1, int/2,
               tuple_list/0, sorted/1, pred/0, pred2/0, order_fun/0]).

%% @doc Compares every function `N' times; returns the failure count.
-spec run(N) -> non_neg_integer() when N :: pos_integer().
run(N) ->
    prop:check(lists, ferl_lists, cases(), N).

l() -> maybe_bad(list()).
%% Inputs of the merge functions: sorted (sometimes not), and either a
%% list or not a list at all. Improper lists are left out: on those the
%% merge functions may raise badarg where OTP raises function_clause, or
%% the reverse (documented in lists.erl).
sl() -> nonlist(sorted(list())).
usl() -> nonlist(lists:usort(list())).
nonlist(L) -> case rand:uniform(12) of 1 -> foo; _ -> L end.
%% A valid (non-strict) ordering fun, or not a fun.
le() -> oneof([fun(A, B) -> A =< B end, fun(A, B) -> A >= B end, x]).
tl() -> maybe_bad(tuple_list()).
stl(K) -> nonlist(case rand:uniform(6) of
                        1 -> tuple_list();
                        _ -> L = tuple_list(),
                             try lists:keysort(K, L) catch _:_ -> L end
                    end).
%% (Unsorted inputs with non-tuples give other exceptions than OTP's.)
ustl(K) -> nonlist(begin
                       L = tuple_list(),
                       try lists:ukeysort(K, L) catch _:_ -> [] end
                   end).
n() -> int(-1, 6).
%% Lists without floats: OTP's sort/1 is not stable between terms that
%% are == but not =:= (lists:sort([4, 3.0, 1, 3]) is [1, 3, 3.0, 4]), and
%% ferl's stable merge sort does not reproduce that order (see lists.erl).
nfl() -> maybe_bad(list_of(fun() -> case elem() of
                                        F when is_float(F) -> round(F);
                                        E -> E
                                    end end)).
rev(L) -> try lists:reverse(L) catch _:_ -> L end.
%% Strictly sorted proper lists, for merge/1 (OTP's multi-way merge of
%% unsorted lists differs from a pairwise one).
ssl() -> lists:usort(list()).
k() -> oneof([0, 1, 1, 2, 2, 3]).
%% Tuples that are never == unless =:= (OTP's keysort is not stable for
%% tuples like {1, a} and {1.0, a}: see lists.erl).
ktl() -> maybe_bad([case T of
                        {A, _, C} -> {A, I, C};
                        _ -> T
                    end || {I, T} <- lists:enumerate(tuple_list())]).
deep() -> maybe_bad(list_of(fun() -> oneof([elem(), list(), [list(), [[]]],
                                            []]) end)).
ints() -> maybe_bad(list_of(fun() -> oneof([1, 2, 2.5, -3, 7]) end)).

cases() ->
    [{append, fun() -> [l(), l()] end},
     {append, fun() -> [maybe_bad(list_of(fun l/0))] end},
     {concat, fun() -> [maybe_bad(list_of(fun() -> oneof([a, "xy", 1, 2.5, {t}]) end))] end},
     {delete, fun() -> [elem(), l()] end},
     {droplast, fun() -> [l()] end},
     {dropwhile, fun() -> [pred(), l()] end},
     {duplicate, fun() -> [oneof([n(), a]), elem()] end},
     {enumerate, fun() -> [l()] end},
     {enumerate, fun() -> [oneof([n(), a]), l()] end},
     {filter, fun() -> [pred(), l()] end},
     {filtermap, fun() -> [oneof([pred(), fun(X) -> {true, {X}} end]), l()] end},
     {flatlength, fun() -> [deep()] end},
     {flatmap, fun() -> [oneof([fun(X) -> [X, X] end, fun(X) -> X end, bad]), l()] end},
     {flatten, fun() -> [deep()] end},
     {flatten, fun() -> [deep(), l()] end},
     {foldl, fun() -> [pred2(), [], l()] end},
     {foldr, fun() -> [pred2(), [], l()] end},
     {foreach, fun() -> [oneof([fun(X) -> X end, fun(X) -> X + 1 end, x]), l()] end},
     {join, fun() -> [elem(), l()] end},
     {keydelete, fun() -> [oneof([1, 1.0, a, 2]), k(), tl()] end},
     {keyfind, fun() -> [oneof([1, 1.0, a, 2]), k(), tl()] end},
     {keymap, fun() -> [oneof([fun(X) -> {X} end, x]), k(), tl()] end},
     {keymember, fun() -> [oneof([1, 1.0, a, 2]), k(), tl()] end},
     {keymerge, fun() -> K = k(), [K, stl(K), stl(K)] end},
     {keyreplace, fun() -> [oneof([1, 1.0, a]), k(), tl(), oneof([{new}, new])] end},
     {keysearch, fun() -> [oneof([1, 1.0, a]), k(), tl()] end},
     {keysort, fun() -> [k(), ktl()] end},
     {keystore, fun() -> [oneof([1, 1.0, a]), k(), tl(), oneof([{new}, new])] end},
     {keytake, fun() -> [oneof([1, 1.0, a]), k(), tl()] end},
     {last, fun() -> [l()] end},
     {map, fun() -> [oneof([fun(X) -> {X} end, x]), l()] end},
     {mapfoldl, fun() -> [pred2(), 0, l()] end},
     {mapfoldr, fun() -> [pred2(), 0, l()] end},
     {max, fun() -> [l()] end},
     {member, fun() -> [elem(), l()] end},
     {merge, fun() -> [maybe_bad(list_of(fun ssl/0))] end},
     {merge, fun() -> [sl(), sl()] end},
     {merge, fun() -> [le(), sl(), sl()] end},
     {merge3, fun() -> [sl(), sl(), sl()] end},
     {min, fun() -> [l()] end},
     {nth, fun() -> [oneof([n(), a]), l()] end},
     {nthtail, fun() -> [oneof([n(), a]), l()] end},
     {partition, fun() -> [pred(), l()] end},
     {prefix, fun() -> L = list(), [maybe_bad(lists:sublist(L, rand:uniform(4))), maybe_bad(L)] end},
     {reverse, fun() -> [l()] end},
     {reverse, fun() -> [l(), l()] end},
     {rkeymerge, fun() -> K = k(), [K, rev(stl(K)), rev(stl(K))] end},
     {rmerge, fun() -> [rev(sl()), rev(sl())] end},
     {rmerge, fun() -> [fun(A, B) -> A =< B end, rev(sl()), rev(sl())] end},
     {rmerge3, fun() -> [rev(sl()), rev(sl()), rev(sl())] end},
     {rukeymerge, fun() -> K = k(), [K, rev(ustl(K)), rev(ustl(K))] end},
     {rumerge, fun() -> [rev(usl()), rev(usl())] end},
     {rumerge, fun() -> [fun(A, B) -> A =< B end, rev(usl()), rev(usl())] end},
     {rumerge3, fun() -> [rev(usl()), rev(usl()), rev(usl())] end},
     {search, fun() -> [pred(), l()] end},
     {seq, fun() -> [oneof([int(-3, 5), 1.0]), oneof([int(-3, 5), a])] end},
     {seq, fun() -> [int(-5, 5), int(-5, 5), oneof([int(-3, 3), 1.0])] end},
     {sort, fun() -> [nfl()] end},
     {sort, fun() -> [order_fun(), nfl()] end},
     {split, fun() -> [oneof([n(), a]), l()] end},
     {splitwith, fun() -> [pred(), l()] end},
     {sublist, fun() -> [l(), oneof([n(), a])] end},
     {sublist, fun() -> [l(), oneof([n(), a]), oneof([n(), a])] end},
     {subtract, fun() -> [l(), l()] end},
     {suffix, fun() -> L = list(), [maybe_bad(lists:nthtail(rand:uniform(length(L) + 1) - 1, L)), maybe_bad(L)] end},
     {suffix, fun() -> [l(), l()] end},
     {sum, fun() -> [ints()] end},
     {takewhile, fun() -> [pred(), l()] end},
     {ukeymerge, fun() -> K = k(), [K, ustl(K), ustl(K)] end},
     {ukeysort, fun() -> [k(), ktl()] end},
     {umerge, fun() -> [maybe_bad(list_of(fun ssl/0))] end},
     {umerge, fun() -> [usl(), usl()] end},
     {umerge, fun() -> [fun(A, B) -> A =< B end, usl(), usl()] end},
     {umerge3, fun() -> [usl(), usl(), usl()] end},
     {uniq, fun() -> [l()] end},
     {uniq, fun() -> [oneof([fun(X) -> X end, fun(X) -> is_atom(X) end, x]), l()] end},
     {unzip, fun() -> [maybe_bad(list_of(fun() -> oneof([{elem(), elem()}, {a, b}, x]) end))] end},
     {unzip3, fun() -> [maybe_bad(list_of(fun() -> oneof([{elem(), elem(), 1}, {a, b}]) end))] end},
     {usort, fun() -> [nfl()] end},
     {usort, fun() -> [order_fun(), nfl()] end},
     {zf, fun() -> [pred(), l()] end},
     {zip, fun() -> L = list(), [maybe_bad(L), maybe_bad(oneof([L, list()]))] end},
     {zip3, fun() -> L = list(), [L, maybe_bad(L), maybe_bad(oneof([L, list()]))] end},
     {zipwith, fun() -> L = list(), [oneof([fun(A, B) -> {A, B} end, x]), L, maybe_bad(oneof([L, list()]))] end},
     {zipwith3, fun() -> L = list(), [oneof([fun(A, B, C) -> {A, B, C} end, x]), L, L, maybe_bad(oneof([L, list()]))] end},
     {all, fun() -> [pred(), l()] end},
     {any, fun() -> [pred(), l()] end}].
