%% @doc General balanced trees, compatible with OTP 25's `gb_trees'.
%%
%% An implementation of Arne Andersson's "General Balanced Trees": binary
%% search trees without balance information in the nodes. A tree is
%% `{Size, Node}' with `Node' either `nil' or `{Key, Value, Smaller,
%% Bigger}'; keys are compared with `<' and `>' (so `1' and `1.0' are the
%% same key). The representation matches OTP's, so trees built by the same
%% operations are equal (`=:=') to OTP's.
%%
%% Balancing: an insertion that lands deeper than allowed for the tree's
%% size triggers a rebuild of the lowest subtree on the path whose height
%% `H' satisfies `2^H > Size^2' (with `Size' that subtree's size);
%% `balance/1' rebuilds the whole tree, the middle element of each range
%% becoming the root (the left part gets the extra element). Deletion
%% never rebalances.
-module(gb_trees).

%% Creation and inspection.
-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         smallest/1, largest/1, keys/1, values/1, to_list/1]).

%% Insertion, update and deletion.
-export([insert/3, enter/3, update/3, delete/2, delete_any/2, take/2,
         take_any/2, take_smallest/1, take_largest/1]).

%% Bulk construction, balancing and traversal.
-export([from_orddict/1, balance/1, iterator/1, iterator_from/2, next/1,
         map/2]).

-export_type([tree/0, tree/2, iter/0, iter/2]).

-type gb_tree_node(K, V) :: 'nil' | {K, V, gb_tree_node(K, V),
                                      gb_tree_node(K, V)}.
-opaque tree(Key, Value) :: {non_neg_integer(), gb_tree_node(Key, Value)}.
-type tree() :: tree(_, _).
-opaque iter(Key, Value) :: [gb_tree_node(Key, Value)].
-type iter() :: iter(_, _).

%%% ------------------------------------------------------------------
%%% Creation and inspection
%%% ------------------------------------------------------------------

%% @doc A new, empty tree.
-spec empty() -> tree(none(), none()).
empty() -> {0, nil}.

%% @doc True if `Tree' is empty.
-spec is_empty(Tree) -> boolean() when
      Tree :: tree().
is_empty({0, nil}) -> true;
is_empty(_) -> false.

%% @doc The number of nodes in `Tree'.
-spec size(Tree) -> non_neg_integer() when
      Tree :: tree().
size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

%% @doc `{value, Value}' for `Key' in `Tree', or `none'.
-spec lookup(Key, Tree) -> 'none' | {'value', Value} when
      Tree :: tree(Key, Value).
lookup(Key, {_, T}) -> lookup_1(Key, T).

lookup_1(Key, {K, _, Smaller, _}) when Key < K -> lookup_1(Key, Smaller);
lookup_1(Key, {K, _, _, Bigger}) when Key > K -> lookup_1(Key, Bigger);
lookup_1(_, {_, Value, _, _}) -> {value, Value};
lookup_1(_, nil) -> none.

%% @doc The value of `Key' in `Tree'; fails if `Key' is absent.
-spec get(Key, Tree) -> Value when
      Tree :: tree(Key, Value).
get(Key, {_, T}) -> get_1(Key, T).

get_1(Key, {K, _, Smaller, _}) when Key < K -> get_1(Key, Smaller);
get_1(Key, {K, _, _, Bigger}) when Key > K -> get_1(Key, Bigger);
get_1(_, {_, Value, _, _}) -> Value.

%% @doc True if `Key' is present in `Tree'.
-spec is_defined(Key, Tree) -> boolean() when
      Tree :: tree(Key, Value :: term()).
is_defined(Key, {_, T}) -> is_defined_1(Key, T).

is_defined_1(Key, {K, _, Smaller, _}) when Key < K ->
    is_defined_1(Key, Smaller);
is_defined_1(Key, {K, _, _, Bigger}) when Key > K ->
    is_defined_1(Key, Bigger);
is_defined_1(_, {_, _, _, _}) -> true;
is_defined_1(_, nil) -> false.

%% @doc `{Key, Value}' for the smallest key of a non-empty `Tree'.
-spec smallest(Tree) -> {Key, Value} when
      Tree :: tree(Key, Value).
smallest({_, T}) -> smallest_1(T).

smallest_1({Key, Value, nil, _}) -> {Key, Value};
smallest_1({_, _, Smaller, _}) -> smallest_1(Smaller).

%% @doc `{Key, Value}' for the largest key of a non-empty `Tree'.
-spec largest(Tree) -> {Key, Value} when
      Tree :: tree(Key, Value).
largest({_, T}) -> largest_1(T).

largest_1({Key, Value, _, nil}) -> {Key, Value};
largest_1({_, _, _, Bigger}) -> largest_1(Bigger).

%% @doc The keys of `Tree' in order.
-spec keys(Tree) -> [Key] when
      Tree :: tree(Key, Value :: term()).
keys({_, T}) -> keys_1(T, []).

keys_1({Key, _, Small, Big}, L) -> keys_1(Small, [Key | keys_1(Big, L)]);
keys_1(nil, L) -> L.

%% @doc The values of `Tree' in key order.
-spec values(Tree) -> [Value] when
      Tree :: tree(Key :: term(), Value).
values({_, T}) -> values_1(T, []).

values_1({_, Value, Small, Big}, L) ->
    values_1(Small, [Value | values_1(Big, L)]);
values_1(nil, L) -> L.

%% @doc The `{Key, Value}' pairs of `Tree' in key order.
-spec to_list(Tree) -> [{Key, Value}] when
      Tree :: tree(Key, Value).
to_list({_, T}) -> to_list_1(T, []).

to_list_1({Key, Value, Small, Big}, L) ->
    to_list_1(Small, [{Key, Value} | to_list_1(Big, L)]);
to_list_1(nil, L) -> L.

%%% ------------------------------------------------------------------
%%% Insertion, update and deletion
%%% ------------------------------------------------------------------

%% @doc `Tree1' with `Key' bound to `Value'; fails with
%% `{key_exists, Key}' if `Key' is present.
-spec insert(Key, Value, Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
insert(Key, Value, {S, T}) when is_integer(S) ->
    S1 = S + 1,
    {S1, insert_1(Key, Value, T, S1 * S1)}.

%% Inserts below a node; Budget is halved at each level. When it reaches
%% zero the new leaf is too deep: the result is then {Node, H, Size}
%% (H = 2^height) until a subtree is found whose height violates the
%% bound for its size, and that subtree is rebuilt.
insert_1(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key < K ->
    case insert_1(Key, Value, Smaller, Budget bsr 1) of
        {T1, H1, S1} ->
            {H2, S2} = count(Bigger),
            grown({K, V, T1, Bigger}, H1, S1, H2, S2);
        T1 -> {K, V, T1, Bigger}
    end;
insert_1(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key > K ->
    case insert_1(Key, Value, Bigger, Budget bsr 1) of
        {T1, H1, S1} ->
            {H2, S2} = count(Smaller),
            grown({K, V, Smaller, T1}, H1, S1, H2, S2);
        T1 -> {K, V, Smaller, T1}
    end;
insert_1(Key, Value, nil, 0) -> {{Key, Value, nil, nil}, 1, 1};
insert_1(Key, Value, nil, _) -> {Key, Value, nil, nil};
insert_1(Key, _, _, _) -> error({key_exists, Key}).

grown(T, H1, S1, H2, S2) ->
    H = max(H1, H2) bsl 1,
    S = S1 + S2 + 1,
    case H > S * S of
        true -> balance_node(T, S);
        false -> {T, H, S}
    end.

%% {2^height, size} of a subtree.
count({_, _, nil, nil}) -> {1, 1};
count({_, _, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {max(H1, H2) bsl 1, S1 + S2 + 1};
count(nil) -> {1, 0}.

%% @doc `Tree1' with `Key' bound to `Value', replacing any old value.
-spec enter(Key, Value, Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
enter(Key, Value, Tree) ->
    case is_defined(Key, Tree) of
        true -> update(Key, Value, Tree);
        false -> insert(Key, Value, Tree)
    end.

%% @doc `Tree1' with the value of `Key' replaced by `Value'; fails if
%% `Key' is absent.
-spec update(Key, Value, Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
update(Key, Value, {S, T}) -> {S, update_1(Key, Value, T)}.

update_1(Key, Value, {K, V, Smaller, Bigger}) when Key < K ->
    {K, V, update_1(Key, Value, Smaller), Bigger};
update_1(Key, Value, {K, V, Smaller, Bigger}) when Key > K ->
    {K, V, Smaller, update_1(Key, Value, Bigger)};
update_1(Key, Value, {_, _, Smaller, Bigger}) ->
    {Key, Value, Smaller, Bigger}.

%% @doc `Tree1' without `Key'; fails if `Key' is absent.
-spec delete(Key, Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
delete(Key, {S, T}) when is_integer(S), S >= 0 ->
    {S - 1, delete_1(Key, T)}.

delete_1(Key, {K, V, Smaller, Larger}) when Key < K ->
    {K, V, delete_1(Key, Smaller), Larger};
delete_1(Key, {K, V, Smaller, Larger}) when Key > K ->
    {K, V, Smaller, delete_1(Key, Larger)};
delete_1(_, {_, _, Smaller, Larger}) -> merge(Smaller, Larger).

merge(Smaller, nil) -> Smaller;
merge(nil, Larger) -> Larger;
merge(Smaller, Larger) ->
    {Key, Value, Larger1} = take_smallest_1(Larger),
    {Key, Value, Smaller, Larger1}.

%% @doc `Tree1' without `Key' if present.
-spec delete_any(Key, Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
delete_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> delete(Key, Tree);
        false -> Tree
    end.

%% @doc The value of `Key' and `Tree1' without it; fails if `Key' is
%% absent.
-spec take(Key, Tree1) -> {Value, Tree2} when
      Tree1 :: tree(Key, _),
      Tree2 :: tree(Key, _),
      Key :: term(),
      Value :: term().
take(Key, {S, T}) when is_integer(S), S >= 0 ->
    {Value, T1} = take_1(Key, T),
    {Value, {S - 1, T1}}.

take_1(Key, {K, V, Smaller, Larger}) when Key < K ->
    {Value, Smaller1} = take_1(Key, Smaller),
    {Value, {K, V, Smaller1, Larger}};
take_1(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {Value, Bigger1} = take_1(Key, Bigger),
    {Value, {K, V, Smaller, Bigger1}};
take_1(_, {_, Value, Smaller, Larger}) -> {Value, merge(Smaller, Larger)}.

%% @doc As `take/2', returning `error' if `Key' is absent.
-spec take_any(Key, Tree1) -> {Value, Tree2} | 'error' when
      Tree1 :: tree(Key, _),
      Tree2 :: tree(Key, _),
      Key :: term(),
      Value :: term().
take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

%% @doc The smallest key, its value and the rest of a non-empty `Tree1'.
-spec take_smallest(Tree1) -> {Key, Value, Tree2} when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
take_smallest({Size, Tree}) when is_integer(Size), Size >= 0 ->
    {Key, Value, Larger} = take_smallest_1(Tree),
    {Key, Value, {Size - 1, Larger}}.

take_smallest_1({Key, Value, nil, Larger}) -> {Key, Value, Larger};
take_smallest_1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Smaller1} = take_smallest_1(Smaller),
    {Key1, Value1, {Key, Value, Smaller1, Larger}}.

%% @doc The largest key, its value and the rest of a non-empty `Tree1'.
-spec take_largest(Tree1) -> {Key, Value, Tree2} when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
take_largest({Size, Tree}) when is_integer(Size), Size >= 0 ->
    {Key, Value, Smaller} = take_largest_1(Tree),
    {Key, Value, {Size - 1, Smaller}}.

take_largest_1({Key, Value, Smaller, nil}) -> {Key, Value, Smaller};
take_largest_1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Larger1} = take_largest_1(Larger),
    {Key1, Value1, {Key, Value, Smaller, Larger1}}.

%%% ------------------------------------------------------------------
%%% Bulk construction, balancing and traversal
%%% ------------------------------------------------------------------

%% @doc A balanced tree of the pairs of `List', which must be sorted by
%% key without duplicates.
-spec from_orddict(List) -> Tree when
      List :: [{Key, Value}],
      Tree :: tree(Key, Value).
from_orddict(L) ->
    S = length(L),
    {S, balance_list(L, S)}.

%% @doc `Tree1' rebuilt as a perfectly balanced tree.
-spec balance(Tree1) -> Tree2 when
      Tree1 :: tree(Key, Value),
      Tree2 :: tree(Key, Value).
balance({S, T}) when is_integer(S), S >= 0 -> {S, balance_node(T, S)}.

balance_node(T, S) -> balance_list(to_list_1(T, []), S).

balance_list(L, S) ->
    {T, []} = balance_list_1(L, S),
    T.

balance_list_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [{K, V} | L1]} = balance_list_1(L, S1),
    {T2, L2} = balance_list_1(L1, S2),
    {{K, V, T1, T2}, L2};
balance_list_1([{Key, Val} | L], 1) -> {{Key, Val, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

%% @doc An iterator over `Tree' in key order, for `next/1'.
-spec iterator(Tree) -> Iter when
      Tree :: tree(Key, Value),
      Iter :: iter(Key, Value).
iterator({_, T}) -> iterator_1(T, []).

iterator_1({_, _, nil, _} = T, As) -> [T | As];
iterator_1({_, _, L, _} = T, As) -> iterator_1(L, [T | As]);
iterator_1(nil, As) -> As.

%% @doc An iterator over the keys of `Tree' that are `>=' `Key'.
-spec iterator_from(Key, Tree) -> Iter when
      Tree :: tree(Key, Value),
      Iter :: iter(Key, Value).
iterator_from(Key, {_, T}) -> iterator_from_1(Key, T, []).

iterator_from_1(Key, {K, _, _, T}, As) when K < Key ->
    iterator_from_1(Key, T, As);
iterator_from_1(_, {_, _, nil, _} = T, As) -> [T | As];
iterator_from_1(Key, {_, _, L, _} = T, As) ->
    iterator_from_1(Key, L, [T | As]);
iterator_from_1(_, nil, As) -> As.

%% @doc The next key and value of an iterator and the advanced iterator,
%% or `none' at the end.
-spec next(Iter1) -> 'none' | {Key, Value, Iter2} when
      Iter1 :: iter(Key, Value),
      Iter2 :: iter(Key, Value).
next([{Key, Value, _, T} | As]) -> {Key, Value, iterator_1(T, As)};
next([]) -> none.

%% @doc `Tree1' with every value replaced by `Function(Key, Value)'.
-spec map(Function, Tree1) -> Tree2 when
      Function :: fun((K :: Key, V1 :: Value1) -> V2 :: Value2),
      Tree1 :: tree(Key, Value1),
      Tree2 :: tree(Key, Value2).
map(F, {Size, Tree}) when is_function(F, 2) -> {Size, map_1(F, Tree)}.

map_1(_, nil) -> nil;
map_1(F, {K, V, Smaller, Larger}) ->
    {K, F(K, V), map_1(F, Smaller), map_1(F, Larger)}.
