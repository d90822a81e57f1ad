%% @doc Unordered sets, compatible with OTP 25's `sets'.
%%
%% Two representations, as on OTP 25:
%% <ul>
%% <li>version 2 (`new([{version, 2}])', `from_list(L, [{version, 2}])'):
%%     a map whose keys are the elements, every value `[]'; this is the
%%     same term as OTP's, so such sets compare equal to OTP's;</li>
%% <li>version 1, the default: OTP uses a hash table record here. ferl
%%     uses the record `#set{}' holding a map of the same form instead: the
%%     API behaves alike (elements are matched with `=:=', so `1' and
%%     `1.0' are different elements), but the term differs from OTP's and
%%     `to_list/1' and `fold/3' may visit the elements in another order.</li>
%% </ul>
%% Operations on two sets of different versions give a set of the version
%% of the larger one (of the first one if they have the same size), as on
%% OTP. Any map is taken for a version 2 set (`is_set(#{a => 1})' is
%% true on OTP too).
-module(sets).

%% Creation and conversion.
-export([new/0, new/1, from_list/1, from_list/2, to_list/1, is_set/1]).

%% Inspection and update.
-export([size/1, is_empty/1, is_element/2, add_element/2, del_element/2]).

%% Set algebra.
-export([union/2, union/1, intersection/2, intersection/1, is_disjoint/2,
         subtract/2, is_subset/2]).

%% Functions that take fun arguments.
-export([fold/3, filter/2]).

-export_type([set/0, set/1]).

%% A version 1 set: the elements as the keys of a map.
-record(set, {elements = #{} :: #{term() => []}}).

-opaque set(Element) :: #set{} | #{Element => []}.
-type set() :: set(_).

%%% ------------------------------------------------------------------
%%% Creation and conversion
%%% ------------------------------------------------------------------

%% @doc A new, empty set (version 1).
-spec new() -> set(none()).
new() -> #set{}.

%% @doc A new, empty set of the version given by `{version, 1 | 2}' in
%% `Opts' (1 by default).
-spec new([{version, 1..2}]) -> set(none()).
new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> #set{};
        2 -> #{}
    end.

%% @doc A version 1 set of the elements of `List'.
-spec from_list(List) -> Set when
      List :: [Element],
      Set :: set(Element).
from_list(L) -> #set{elements = map_of(L)}.

%% @doc A set of the elements of `List', of the version given in `Opts'.
-spec from_list(List, [{version, 1..2}]) -> Set when
      List :: [Element],
      Set :: set(Element).
from_list(L, Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> from_list(L);
        2 -> map_of(L)
    end.

map_of(L) -> maps:from_list([{E, []} || E <- L]).

%% @doc The elements of `Set'.
-spec to_list(Set) -> List when
      Set :: set(Element),
      List :: [Element].
to_list(#set{elements = M}) -> maps:keys(M);
to_list(#{} = M) -> maps:keys(M).

%% @doc True if `Set' is a set (of either version; any map counts).
-spec is_set(Set) -> boolean() when
      Set :: term().
is_set(#set{elements = M}) when is_map(M) -> true;
is_set(#{}) -> true;
is_set(_) -> false.

%%% ------------------------------------------------------------------
%%% Inspection and update
%%% ------------------------------------------------------------------

%% @doc The number of elements of `Set'.
-spec size(Set) -> non_neg_integer() when
      Set :: set().
size(#set{elements = M}) -> map_size(M);
size(#{} = M) -> map_size(M).

count(#set{elements = M}) -> map_size(M);
count(#{} = M) -> map_size(M).

%% @doc True if `Set' has no element.
-spec is_empty(Set) -> boolean() when
      Set :: set().
is_empty(#set{elements = M}) -> map_size(M) =:= 0;
is_empty(#{} = M) -> map_size(M) =:= 0.

%% @doc True if `Element' belongs to `Set'.
-spec is_element(Element, Set) -> boolean() when
      Set :: set(Element).
is_element(E, #set{elements = M}) -> is_map_key(E, M);
is_element(E, #{} = M) -> is_map_key(E, M).

%% @doc `Set1' with `Element' added.
-spec add_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
add_element(E, #set{elements = M} = S) -> S#set{elements = M#{E => []}};
add_element(E, #{} = M) -> M#{E => []}.

%% @doc `Set1' without `Element'.
-spec del_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
del_element(E, #set{elements = M} = S) ->
    S#set{elements = maps:remove(E, M)};
del_element(E, #{} = M) -> maps:remove(E, M).

%%% ------------------------------------------------------------------
%%% Set algebra
%%% ------------------------------------------------------------------

%% @doc The union of two sets.
-spec union(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
union(#{} = M1, #{} = M2) -> maps:merge(M1, M2);
union(S1, S2) ->
    case count(S1) < count(S2) of
        true -> fold(fun add_element/2, S2, S1);
        false -> fold(fun add_element/2, S1, S2)
    end.

%% @doc The union of a list of sets.
-spec union(SetList) -> Set when
      SetList :: [set(Element)],
      Set :: set(Element).
union([S1, S2 | Ss]) -> union([union(S1, S2) | Ss]);
union([S]) -> S;
union([]) -> new().

%% @doc The intersection of two sets.
-spec intersection(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
intersection(S1, S2) ->
    case count(S1) < count(S2) of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

%% @doc The intersection of a non-empty list of sets.
-spec intersection(SetList) -> Set when
      SetList :: [set(Element), ...],
      Set :: set(Element).
intersection([S1, S2 | Ss]) -> intersection([intersection(S1, S2) | Ss]);
intersection([S]) -> S.

%% @doc True if the two sets have no element in common.
-spec is_disjoint(Set1, Set2) -> boolean() when
      Set1 :: set(Element),
      Set2 :: set(Element).
is_disjoint(S1, S2) ->
    {Small, Big} = case count(S1) < count(S2) of
                       true -> {S1, S2};
                       false -> {S2, S1}
                   end,
    lists:all(fun(E) -> not is_element(E, Big) end, to_list(Small)).

%% @doc The elements of `Set1' that are not in `Set2'.
-spec subtract(Set1, Set2) -> Set3 when
      Set1 :: set(Element),
      Set2 :: set(Element),
      Set3 :: set(Element).
subtract(S1, S2) -> filter(fun(E) -> not is_element(E, S2) end, S1).

%% @doc True if every element of `Set1' belongs to `Set2'.
-spec is_subset(Set1, Set2) -> boolean() when
      Set1 :: set(Element),
      Set2 :: set(Element).
is_subset(#{} = S1, #{} = S2) ->
    map_size(S1) =< map_size(S2) andalso
        lists:all(fun(E) -> is_map_key(E, S2) end, maps:keys(S1));
is_subset(S1, S2) ->
    lists:all(fun(E) -> is_element(E, S2) end, to_list(S1)).

%%% ------------------------------------------------------------------
%%% Functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc Folds `Function' over the elements of `Set'.
-spec fold(Function, Acc0, Set) -> Acc1 when
      Function :: fun((Element, AccIn) -> AccOut),
      Set :: set(Element),
      Acc0 :: Acc,
      Acc1 :: Acc,
      AccIn :: Acc,
      AccOut :: Acc.
fold(F, Acc, #set{elements = M}) when is_function(F, 2) -> fold_1(F, Acc, M);
fold(F, Acc, #{} = M) when is_function(F, 2) -> fold_1(F, Acc, M).

fold_1(F, Acc, M) -> lists:foldl(F, Acc, maps:keys(M)).

%% @doc The elements of `Set1' for which `Pred' is true.
-spec filter(Pred, Set1) -> Set2 when
      Pred :: fun((Element) -> boolean()),
      Set1 :: set(Element),
      Set2 :: set(Element).
filter(F, #set{elements = M} = S) when is_function(F, 1) ->
    S#set{elements = filter_1(F, M)};
filter(F, #{} = M) when is_function(F, 1) -> filter_1(F, M).

filter_1(F, M) ->
    maps:from_list([{E, []} || E <- maps:keys(M),
                               case F(E) of
                                   true -> true;
                                   false -> false
                               end]).
