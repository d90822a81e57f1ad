%% @doc Ordered sets, compatible with OTP 25's `ordsets'.
%%
%% An ordered set is a list of terms sorted in Erlang term order without
%% duplicates; elements are compared with `==' (so `1' and `1.0' are the
%% same element; the one already in the set is kept). The representation
%% is part of the API: an ordset is exactly such a list. When two sets
%% hold equal elements (`1' and `1.0'), `union/2' and `intersection/2'
%% keep the same one as OTP: the walk swaps its two arguments whenever the
%% head of the second set is the smaller, and keeps the element of the
%% current first argument on a tie.
-module(ordsets).

%% Building and inspecting sets.
-export([new/0, is_set/1, size/1, is_empty/1, to_list/1, from_list/1,
         is_element/2, add_element/2, del_element/2]).

%% Set algebra.
-export([union/2, union/1, intersection/2, intersection/1, is_disjoint/2,
         subtract/2, is_subset/2]).

%% Functions that take fun arguments.
-export([fold/3, filter/2]).

-export_type([ordset/1]).

-type ordset(T) :: [T].

%% @doc A new, empty set.
-spec new() -> [].
new() -> [].

%% @doc True if `Ordset' is an ordered set: a proper list in strictly
%% ascending order.
-spec is_set(Ordset) -> boolean() when
      Ordset :: term().
is_set([E | Es]) -> is_set_1(Es, E);
is_set([]) -> true;
is_set(_) -> false.

is_set_1([E2 | Es], E1) when E1 < E2 -> is_set_1(Es, E2);
is_set_1([_ | _], _) -> false;
is_set_1([], _) -> true.

%% @doc The number of elements of `Ordset'.
-spec size(Ordset) -> non_neg_integer() when
      Ordset :: ordset(_).
size(S) -> length(S).

%% @doc True if `Ordset' has no element.
-spec is_empty(Ordset) -> boolean() when
      Ordset :: ordset(_).
is_empty(S) -> S =:= [].

%% @doc The elements of `Ordset' as a list.
-spec to_list(Ordset) -> List when
      Ordset :: ordset(T),
      List :: [T].
to_list(S) -> S.

%% @doc The ordered set of the elements of `List'.
-spec from_list(List) -> Ordset when
      List :: [T],
      Ordset :: ordset(T).
from_list(L) -> lists:usort(L).

%% @doc True if `Element' (compared with `==') belongs to `Ordset'.
-spec is_element(Element, Ordset) -> boolean() when
      Element :: term(),
      Ordset :: ordset(_).
is_element(E, [H | Es]) when E > H -> is_element(E, Es);
is_element(E, [H | _]) when E < H -> false;
is_element(_, [_ | _]) -> true;
is_element(_, []) -> false.

%% @doc `Ordset' with `Element' added.
-spec add_element(Element, Ordset1) -> Ordset2 when
      Element :: E,
      Ordset1 :: ordset(T),
      Ordset2 :: ordset(T | E).
add_element(E, [H | Es]) when E > H -> [H | add_element(E, Es)];
add_element(E, [H | _] = Set) when E < H -> [E | Set];
add_element(_, [_ | _] = Set) -> Set;
add_element(E, []) -> [E].

%% @doc `Ordset' without `Element'.
-spec del_element(Element, Ordset1) -> Ordset2 when
      Element :: term(),
      Ordset1 :: ordset(T),
      Ordset2 :: ordset(T).
del_element(E, [H | Es]) when E > H -> [H | del_element(E, Es)];
del_element(E, [H | _] = Set) when E < H -> Set;
del_element(_, [_ | Es]) -> Es;
del_element(_, []) -> [].

%% @doc The union of two sets.
-spec union(Ordset1, Ordset2) -> Ordset3 when
      Ordset1 :: ordset(T1),
      Ordset2 :: ordset(T2),
      Ordset3 :: ordset(T1 | T2).
union([E1 | Es1], [E2 | _] = Set2) when E1 < E2 -> [E1 | union(Es1, Set2)];
union([E1 | _] = Set1, [E2 | Es2]) when E1 > E2 -> [E2 | union(Es2, Set1)];
union([E1 | Es1], [_ | Es2]) -> [E1 | union(Es1, Es2)];
union([], Es2) -> Es2;
union(Es1, []) -> Es1.

%% @doc The union of a list of sets.
-spec union(OrdsetList) -> Ordset when
      OrdsetList :: [ordset(T)],
      Ordset :: ordset(T).
union(Sets) -> lists:umerge(Sets).

%% @doc The intersection of two sets.
-spec intersection(Ordset1, Ordset2) -> Ordset3 when
      Ordset1 :: ordset(_),
      Ordset2 :: ordset(_),
      Ordset3 :: ordset(_).
intersection([E1 | Es1], [E2 | _] = Set2) when E1 < E2 ->
    intersection(Es1, Set2);
intersection([E1 | _] = Set1, [E2 | Es2]) when E1 > E2 ->
    intersection(Es2, Set1);
intersection([E1 | Es1], [_ | Es2]) -> [E1 | intersection(Es1, Es2)];
intersection([], _) -> [];
intersection(_, []) -> [].

%% @doc The intersection of a non-empty list of sets.
-spec intersection(OrdsetList) -> Ordset when
      OrdsetList :: [ordset(_), ...],
      Ordset :: ordset(_).
intersection([S1, S2 | Ss]) -> intersection([intersection(S1, S2) | Ss]);
intersection([S]) -> S.

%% @doc True if the two sets have no element in common.
-spec is_disjoint(Ordset1, Ordset2) -> boolean() when
      Ordset1 :: ordset(_),
      Ordset2 :: ordset(_).
is_disjoint([E1 | Es1], [E2 | _] = Set2) when E1 < E2 ->
    is_disjoint(Es1, Set2);
is_disjoint([E1 | _] = Set1, [E2 | Es2]) when E1 > E2 ->
    is_disjoint(Set1, Es2);
is_disjoint([_ | _], [_ | _]) -> false;
is_disjoint([], _) -> true;
is_disjoint(_, []) -> true.

%% @doc The elements of `Ordset1' that are not in `Ordset2'.
-spec subtract(Ordset1, Ordset2) -> Ordset3 when
      Ordset1 :: ordset(_),
      Ordset2 :: ordset(_),
      Ordset3 :: ordset(_).
subtract([E1 | Es1], [E2 | _] = Set2) when E1 < E2 ->
    [E1 | subtract(Es1, Set2)];
subtract([E1 | _] = Set1, [E2 | Es2]) when E1 > E2 -> subtract(Set1, Es2);
subtract([_ | Es1], [_ | Es2]) -> subtract(Es1, Es2);
subtract([], _) -> [];
subtract(Es1, []) -> Es1.

%% @doc True if every element of `Ordset1' belongs to `Ordset2'.
-spec is_subset(Ordset1, Ordset2) -> boolean() when
      Ordset1 :: ordset(_),
      Ordset2 :: ordset(_).
is_subset([E1 | _], [E2 | _]) when E1 < E2 -> false;
is_subset([E1 | _] = Set1, [E2 | Es2]) when E1 > E2 -> is_subset(Set1, Es2);
is_subset([_ | Es1], [_ | Es2]) -> is_subset(Es1, Es2);
is_subset([], _) -> true;
is_subset(_, []) -> false.

%% @doc Folds `Function' over the elements of `Ordset' in order.
-spec fold(Function, Acc0, Ordset) -> Acc1 when
      Function :: fun((Element :: T, AccIn :: term()) -> AccOut :: term()),
      Ordset :: ordset(T),
      Acc0 :: term(),
      Acc1 :: term().
fold(F, Acc, Set) -> lists:foldl(F, Acc, Set).

%% @doc The elements of `Ordset1' for which `Pred' is true.
-spec filter(Pred, Ordset1) -> Ordset2 when
      Pred :: fun((Element :: T) -> boolean()),
      Ordset1 :: ordset(T),
      Ordset2 :: ordset(T).
filter(F, Set) -> lists:filter(F, Set).
