%% @doc Ordered sets as general balanced trees, compatible with OTP 25's
%% `gb_sets'.
%%
%% The same algorithm as `gb_trees' (Arne Andersson's general balanced
%% trees): a set is `{Size, Node}' with `Node' either `nil' or `{Key,
%% Smaller, Bigger}'; elements are compared with `<' and `>'. Sets built
%% by the same operations are equal (`=:=') to OTP's:
%% <ul>
%% <li>`from_list/1', `from_ordset/1', `balance/1' and `filter/2' build a
%%     balanced tree in which the left part of a range gets the extra
%%     element;</li>
%% <li>`union/2' inserts the elements of the smaller set into the larger
%%     one when that is cheaper, that is when the larger has at least 10
%%     elements and `SmallSize * round(1.46 * ln(LargeSize)) =< LargeSize';
%%     otherwise it merges the sorted elements, like `intersection/2' and
%%     `difference/2', and builds the tree from the merged list, the right
%%     part of a range getting the extra element. `intersection/2' likewise
%%     looks the elements of the smaller set up in the larger one or merges.
%%     Of two equal elements (`1' and `1.0'), a lookup keeps the larger
%%     set's (union) or the smaller set's (intersection); a merge starts
%%     with the smaller set and swaps the lists whenever the other's head
%%     is smaller, keeping the current first list's element.</li>
%% </ul>
-module(gb_sets).

%% Creation and inspection.
-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_element/2,
         is_member/2, is_set/1, to_list/1, from_list/1, from_ordset/1,
         smallest/1, largest/1]).

%% Insertion and deletion.
-export([insert/2, add/2, add_element/2, delete/2, delete_any/2,
         del_element/2, take_smallest/1, take_largest/1, balance/1]).

%% Set algebra.
-export([union/2, union/1, intersection/2, intersection/1, is_disjoint/2,
         difference/2, subtract/2, is_subset/2]).

%% Iteration and functions that take fun arguments.
-export([iterator/1, iterator_from/2, next/1, filter/2, fold/3]).

-export_type([set/0, set/1, iter/0, iter/1]).

-type gb_set_node(Element) :: 'nil' | {Element, _, _}.
-opaque set(Element) :: {non_neg_integer(), gb_set_node(Element)}.
-type set() :: set(_).
-opaque iter(Element) :: [gb_set_node(Element)].
-type iter() :: iter(_).

%%% ------------------------------------------------------------------
%%% Creation and inspection
%%% ------------------------------------------------------------------

%% @doc A new, empty set.
-spec empty() -> Set when
      Set :: set(none()).
empty() -> {0, nil}.

%% @doc A new, empty set.
-spec new() -> Set when
      Set :: set(none()).
new() -> empty().

%% @doc True if `Set' is empty.
-spec is_empty(Set) -> boolean() when
      Set :: set().
is_empty({0, nil}) -> true;
is_empty(_) -> false.

%% @doc The number of elements of `Set'.
-spec size(Set) -> non_neg_integer() when
      Set :: set().
size({Size, _}) -> Size.

%% @doc The set holding only `Element'.
-spec singleton(Element) -> set(Element).
singleton(Key) -> {1, {Key, nil, nil}}.

%% @doc True if `Element' belongs to `Set'.
-spec is_element(Element, Set) -> boolean() when
      Set :: set(Element).
is_element(Key, S) -> is_member(Key, S).

%% @doc True if `Element' belongs to `Set'.
-spec is_member(Element, Set) -> boolean() when
      Set :: set(Element).
is_member(Key, {_, T}) -> is_member_1(Key, T).

is_member_1(Key, {K, Smaller, _}) when Key < K -> is_member_1(Key, Smaller);
is_member_1(Key, {K, _, Bigger}) when Key > K -> is_member_1(Key, Bigger);
is_member_1(_, {_, _, _}) -> true;
is_member_1(_, nil) -> false.

%% @doc True if `Term' looks like a set.
-spec is_set(Term) -> boolean() when
      Term :: term().
is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

%% @doc The elements of `Set' in order.
-spec to_list(Set) -> List when
      Set :: set(Element),
      List :: [Element].
to_list({_, T}) -> to_list(T, []).

to_list({Key, Small, Big}, L) -> to_list(Small, [Key | to_list(Big, L)]);
to_list(nil, L) -> L.

%% @doc The set of the elements of `List'.
-spec from_list(List) -> Set when
      List :: [Element],
      Set :: set(Element).
from_list(L) -> from_ordset(lists:usort(L)).

%% @doc The set of the elements of the ordered set `List'.
-spec from_ordset(List) -> Set when
      List :: [Element],
      Set :: set(Element).
from_ordset(L) ->
    S = length(L),
    {S, balance_list(L, S)}.

%% @doc The smallest element of a non-empty `Set'.
-spec smallest(Set) -> Element when
      Set :: set(Element).
smallest({_, T}) -> smallest_1(T).

smallest_1({Key, nil, _}) -> Key;
smallest_1({_, Smaller, _}) -> smallest_1(Smaller).

%% @doc The largest element of a non-empty `Set'.
-spec largest(Set) -> Element when
      Set :: set(Element).
largest({_, T}) -> largest_1(T).

largest_1({Key, _, nil}) -> Key;
largest_1({_, _, Bigger}) -> largest_1(Bigger).

%%% ------------------------------------------------------------------
%%% Insertion and deletion
%%% ------------------------------------------------------------------

%% @doc `Set1' with `Element' added; fails with `{key_exists, Element}'
%% if it is already there.
-spec insert(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
insert(Key, {S, T}) ->
    S1 = S + 1,
    {S1, insert_1(Key, T, S1 * S1)}.

insert_1(Key, {K, Smaller, Bigger}, Budget) when Key < K ->
    case insert_1(Key, Smaller, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1) ->
            {H2, S2} = count(Bigger),
            grown({K, T1, Bigger}, H1, S1, H2, S2);
        T1 -> {K, T1, Bigger}
    end;
insert_1(Key, {K, Smaller, Bigger}, Budget) when Key > K ->
    case insert_1(Key, Bigger, Budget bsr 1) of
        {T1, H1, S1} when is_integer(H1) ->
            {H2, S2} = count(Smaller),
            grown({K, Smaller, T1}, H1, S1, H2, S2);
        T1 -> {K, Smaller, T1}
    end;
insert_1(Key, nil, 0) -> {{Key, nil, nil}, 1, 1};
insert_1(Key, nil, _) -> {Key, nil, nil};
insert_1(Key, _, _) -> error({key_exists, Key}).

%% A grown subtree: {Node, H, Size} (H = 2^height), or the subtree
%% rebuilt when its height is too large for its size.
grown(T, H1, S1, H2, S2) ->
    H = max(H1, H2) bsl 1,
    S = S1 + S2 + 1,
    case H > S * S of
        true -> balance_list(to_list(T, []), S);
        false -> {T, H, S}
    end.

count({_, nil, nil}) -> {1, 1};
count({_, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {max(H1, H2) bsl 1, S1 + S2 + 1};
count(nil) -> {1, 0}.

%% @doc `Set1' with `Element' added if absent.
-spec add(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
add(X, S) ->
    case is_member(X, S) of
        true -> S;
        false -> insert(X, S)
    end.

%% @doc `Set1' with `Element' added if absent.
-spec add_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
add_element(X, S) -> add(X, S).

%% @doc `Set1' without `Element'; fails if it is absent.
-spec delete(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
delete(Key, {S, T}) -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {K, Smaller, Larger}) when Key < K ->
    {K, delete_1(Key, Smaller), Larger};
delete_1(Key, {K, Smaller, Bigger}) when Key > K ->
    {K, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, Smaller, Larger}) -> merge(Smaller, Larger).

merge(Smaller, nil) -> Smaller;
merge(nil, Larger) -> Larger;
merge(Smaller, Larger) ->
    {Key, Larger1} = take_smallest_1(Larger),
    {Key, Smaller, Larger1}.

%% @doc `Set1' without `Element' if present.
-spec delete_any(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
delete_any(Key, S) ->
    case is_member(Key, S) of
        true -> delete(Key, S);
        false -> S
    end.

%% @doc `Set1' without `Element' if present.
-spec del_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
del_element(Key, S) -> delete_any(Key, S).

%% @doc The smallest element of a non-empty `Set1' and the rest.
-spec take_smallest(Set1) -> {Element, Set2} when
      Set1 :: set(Element),
      Set2 :: set(Element).
take_smallest({S, T}) ->
    {Key, Larger} = take_smallest_1(T),
    {Key, {S - 1, Larger}}.

take_smallest_1({Key, nil, Larger}) -> {Key, Larger};
take_smallest_1({Key, Smaller, Larger}) ->
    {Key1, Smaller1} = take_smallest_1(Smaller),
    {Key1, {Key, Smaller1, Larger}}.

%% @doc The largest element of a non-empty `Set1' and the rest.
-spec take_largest(Set1) -> {Element, Set2} when
      Set1 :: set(Element),
      Set2 :: set(Element).
take_largest({S, T}) ->
    {Key, Smaller} = take_largest_1(T),
    {Key, {S - 1, Smaller}}.

take_largest_1({Key, Smaller, nil}) -> {Key, Smaller};
take_largest_1({Key, Smaller, Larger}) ->
    {Key1, Larger1} = take_largest_1(Larger),
    {Key1, {Key, Smaller, Larger1}}.

%% @doc `Set1' rebuilt as a perfectly balanced tree.
-spec balance(Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
balance({S, T}) -> {S, balance_list(to_list(T, []), S)}.

%% A balanced tree of the first S elements of L (the left part of a range
%% gets the extra element).
balance_list(L, S) ->
    {T, _} = balance_list_1(L, S),
    T.

balance_list_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [K | L1]} = balance_list_1(L, S1),
    {T2, L2} = balance_list_1(L1, S2),
    {{K, T1, T2}, L2};
balance_list_1([Key | L], 1) -> {{Key, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

%% As balance_list/2, the right part of a range getting the extra element.
balance_list_r(L, S) ->
    {T, _} = balance_list_r_1(L, S),
    T.

balance_list_r_1(L, S) when S > 1 ->
    Sm = S - 1,
    S1 = Sm div 2,
    S2 = Sm - S1,
    {T1, [K | L1]} = balance_list_r_1(L, S1),
    {T2, L2} = balance_list_r_1(L1, S2),
    {{K, T1, T2}, L2};
balance_list_r_1([Key | L], 1) -> {{Key, nil, nil}, L};
balance_list_r_1(L, 0) -> {nil, L}.

%% A set of the ordered list L.
mk_set(L) ->
    S = length(L),
    {S, balance_list_r(L, S)}.

%%% ------------------------------------------------------------------
%%% Set algebra
%%% ------------------------------------------------------------------

%% @doc The union of two sets.
-spec union(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
union({N1, T1} = S1, {N2, T2} = S2) ->
    if N2 < N1 -> union_1(to_list(T2, []), N2, S1, N1);
       true -> union_1(to_list(T1, []), N1, S2, N2)
    end.

%% Small: the elements of the smaller set; Big: the other set.
union_1(Small, NSmall, {_, TBig} = Big, NBig) ->
    case cheap_lookup(NSmall, NBig) of
        true -> lists:foldl(fun add/2, Big, Small);
        false -> mk_set(umerge(Small, to_list(TBig, [])))
    end.

%% True if handling the NSmall elements one by one in a set of NBig
%% elements is cheaper than merging the two.
cheap_lookup(_, NBig) when NBig < 10 -> false;
cheap_lookup(NSmall, NBig) -> NSmall * round(1.46 * math:log(NBig)) =< NBig.

%% The union of two ordered lists. The walk swaps the lists whenever the
%% head of the second is the smaller; of two equal elements, the head of
%% the current first list is kept.
umerge([X | Xs] = L1, [Y | Ys] = L2) ->
    if X < Y -> [X | umerge(Xs, L2)];
       X > Y -> [Y | umerge(Ys, L1)];
       true -> [X | umerge(Xs, Ys)]
    end;
umerge([], L2) -> L2;
umerge(L1, []) -> L1.

%% @doc The union of a list of sets.
-spec union(SetList) -> Set when
      SetList :: [set(Element), ...],
      Set :: set(Element).
union([S | Ss]) -> union_list(S, Ss);
union([]) -> empty().

union_list(S, [S1 | Ss]) -> union_list(union(S, S1), Ss);
union_list(S, []) -> S.

%% @doc The intersection of two sets.
-spec intersection(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
intersection({N1, T1} = S1, {N2, T2} = S2) ->
    if N2 < N1 -> intersection_1(to_list(T2, []), N2, S1, N1);
       true -> intersection_1(to_list(T1, []), N1, S2, N2)
    end.

intersection_1(Small, NSmall, {_, TBig} = Big, NBig) ->
    case cheap_lookup(NSmall, NBig) of
        true -> mk_set([X || X <- Small, is_member(X, Big)]);
        false -> mk_set(intersect(Small, to_list(TBig, [])))
    end.

%% The intersection of two ordered lists, swapping them as umerge/2 does.
intersect([X | Xs] = L1, [Y | Ys] = L2) ->
    if X < Y -> intersect(Xs, L2);
       X > Y -> intersect(Ys, L1);
       true -> [X | intersect(Xs, Ys)]
    end;
intersect(_, _) -> [].

%% @doc The intersection of a non-empty list of sets.
-spec intersection(SetList) -> Set when
      SetList :: [set(Element), ...],
      Set :: set(Element).
intersection([S | Ss]) -> intersection_list(S, Ss).

intersection_list(S, [S1 | Ss]) -> intersection_list(intersection(S, S1), Ss);
intersection_list(S, []) -> S.

%% @doc True if the two sets have no element in common.
-spec is_disjoint(Set1, Set2) -> boolean() when
      Set1 :: set(Element),
      Set2 :: set(Element).
is_disjoint({_, T1}, {_, T2}) ->
    intersect(to_list(T1, []), to_list(T2, [])) =:= [].

%% @doc The elements of `Set1' that are not in `Set2'.
-spec difference(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
difference({_, T1}, {_, T2}) ->
    mk_set(diff(to_list(T1, []), to_list(T2, []))).

diff([X | Xs] = L1, [Y | Ys] = L2) ->
    if X < Y -> [X | diff(Xs, L2)];
       X > Y -> diff(L1, Ys);
       true -> diff(Xs, Ys)
    end;
diff(L1, _) -> L1.

%% @doc The elements of `Set1' that are not in `Set2'.
-spec subtract(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
subtract(S1, S2) -> difference(S1, S2).

%% @doc True if every element of `Set1' belongs to `Set2'.
-spec is_subset(Set1, Set2) -> boolean() when
      Set1 :: set(Element),
      Set2 :: set(Element).
is_subset({_, T1}, {_, T2}) -> diff(to_list(T1, []), to_list(T2, [])) =:= [].

%%% ------------------------------------------------------------------
%%% Iteration and functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc An iterator over `Set' in order, for `next/1'.
-spec iterator(Set) -> Iter when
      Set :: set(Element),
      Iter :: iter(Element).
iterator({_, T}) -> iterator_1(T, []).

iterator_1({_, nil, _} = T, As) -> [T | As];
iterator_1({_, L, _} = T, As) -> iterator_1(L, [T | As]);
iterator_1(nil, As) -> As.

%% @doc An iterator over the elements of `Set' that are `>=' `Element'.
-spec iterator_from(Element, Set) -> Iter when
      Set :: set(Element),
      Iter :: iter(Element).
iterator_from(S, {_, T}) -> iterator_from_1(S, T, []).

iterator_from_1(S, {K, _, T}, As) when K < S -> iterator_from_1(S, T, As);
iterator_from_1(_, {_, nil, _} = T, As) -> [T | As];
iterator_from_1(S, {_, L, _} = T, As) -> iterator_from_1(S, L, [T | As]);
iterator_from_1(_, nil, As) -> As.

%% @doc The next element of an iterator and the advanced iterator, or
%% `none' at the end.
-spec next(Iter1) -> {Element, Iter2} | 'none' when
      Iter1 :: iter(Element),
      Iter2 :: iter(Element).
next([{X, _, T} | As]) -> {X, iterator_1(T, As)};
next([]) -> none.

%% @doc The elements of `Set1' for which `Pred' is true.
-spec filter(Pred, Set1) -> Set2 when
      Pred :: fun((Element) -> boolean()),
      Set1 :: set(Element),
      Set2 :: set(Element).
filter(F, S) when is_function(F, 1) -> from_ordset([X || X <- to_list(S), F(X)]).

%% @doc Folds `Function' over the elements of `Set' in order.
-spec fold(Function, Acc0, Set) -> Acc1 when
      Function :: fun((Element, AccIn) -> AccOut),
      Acc0 :: Acc,
      Acc1 :: Acc,
      AccIn :: Acc,
      AccOut :: Acc,
      Set :: set(Element).
fold(F, A, {_, T}) when is_function(F, 2) -> fold_1(F, A, T).

fold_1(F, Acc0, {Key, Small, Big}) ->
    Acc1 = fold_1(F, Acc0, Small),
    Acc = F(Key, Acc1),
    fold_1(F, Acc, Big);
fold_1(_, Acc, _) -> Acc.
