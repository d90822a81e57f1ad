%% @doc Unordered sets, compatible with OTP 25's `sets'.
%%
%% Two representations, as on OTP 25:
%% <ul>
%% <li>version 2 (`new([{version, 2}])', `from_list(L, [{version, 2}])'):
%%     a map whose keys are the elements, every value `[]'; this is the
%%     same term as OTP's, so such sets compare equal to OTP's;</li>
%% <li>version 1, the default: a linear hash table, the same record as
%% OTP's (`{set, Size, N, MaxN, BSize, ExpSize, ConSize, Empty, Segs}'),
%% with the same layout: slots hashed with `erlang:phash/2', a bucket per
%% slot (new elements first), segments of 16 slots; the table grows by one
%% slot when the size exceeds 5 per slot and shrinks when it falls below 3
%% per slot (never below 16 slots; `filter/2' keeps the kept elements of a
%% bucket in reverse order and shrinks by one slot at most). Such sets are
%% therefore equal to OTP's, and `to_list/1' and `fold/3' visit the
%% elements in the same order (slots from the last, each bucket from its
%% head). This needs the runtime's `erlang:phash/2' to give OTP's values;
%% without it, `erlang:phash2/2' is used (same behaviour, other order).</li>
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

%% OTP's version 1 layout depends on the old hash function.
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

-define(SEG_SIZE, 16).
-define(MAX_SEG, 32).
-define(EXPAND_LOAD, 5).
-define(CONTRACT_LOAD, 3).

%% A version 1 set: a linear hash table.
-record(set, {size = 0 :: non_neg_integer(),          % number of elements
              n = ?SEG_SIZE :: non_neg_integer(),     % number of active slots
              maxn = ?SEG_SIZE :: non_neg_integer(),  % slots the hash spans
              bso = ?SEG_SIZE div 2 :: non_neg_integer(), % maxn / 2
              exp_size = ?SEG_SIZE * ?EXPAND_LOAD :: non_neg_integer(),
              con_size = ?SEG_SIZE * ?CONTRACT_LOAD :: non_neg_integer(),
              empty :: tuple(),                       % an empty segment
              segs :: tuple()}).                      % the segments

-opaque set(Element) :: #set{} | #{Element => []}.
-type set() :: set(_).

%%% ------------------------------------------------------------------
%%% Creation and conversion
%%% ------------------------------------------------------------------

%% @doc A new, empty set (version 1).
-spec new() -> set(none()).
new() ->
    Empty = erlang:make_tuple(?SEG_SIZE, []),
    #set{empty = Empty, segs = {Empty}}.

%% @doc A new, empty set of the version given by `{version, 1 | 2}' in
%% `Opts' (1 by default).
-spec new([{version, 1..2}]) -> set(none()).
new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> new();
        2 -> #{}
    end.

%% @doc A version 1 set of the elements of `List'.
-spec from_list(List) -> Set when
      List :: [Element],
      Set :: set(Element).
from_list(L) -> lists:foldl(fun add_element/2, new(), L).

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
to_list(#set{} = S) -> fold(fun(E, Acc) -> [E | Acc] end, [], S);
to_list(#{} = M) -> maps:keys(M).

%% @doc True if `Set' is a set (of either version; any map counts).
-spec is_set(Set) -> boolean() when
      Set :: term().
is_set(#set{}) -> true;
is_set(#{}) -> true;
is_set(_) -> false.

%%% ------------------------------------------------------------------
%%% Inspection and update
%%% ------------------------------------------------------------------

%% @doc The number of elements of `Set'.
-spec size(Set) -> non_neg_integer() when
      Set :: set().
size(#set{size = N}) -> N;
size(#{} = M) -> map_size(M).

count(#set{size = N}) -> N;
count(#{} = M) -> map_size(M).

%% @doc True if `Set' has no element.
-spec is_empty(Set) -> boolean() when
      Set :: set().
is_empty(#set{size = N}) -> N =:= 0;
is_empty(#{} = M) -> map_size(M) =:= 0.

%% @doc True if `Element' belongs to `Set'.
-spec is_element(Element, Set) -> boolean() when
      Set :: set(Element).
is_element(E, #set{} = S) -> lists:member(E, get_bucket(S, get_slot(S, E)));
is_element(E, #{} = M) -> is_map_key(E, M).

%% @doc `Set1' with `Element' added.
-spec add_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
add_element(E, #set{} = S) ->
    Slot = get_slot(S, E),
    Bucket = get_bucket(S, Slot),
    case lists:member(E, Bucket) of
        true -> S;
        false ->
            maybe_expand(put_bucket(S#set{size = S#set.size + 1}, Slot,
                                    [E | Bucket]))
    end;
add_element(E, #{} = M) -> M#{E => []}.

%% @doc `Set1' without `Element'.
-spec del_element(Element, Set1) -> Set2 when
      Set1 :: set(Element),
      Set2 :: set(Element).
del_element(E, #set{} = S) ->
    Slot = get_slot(S, E),
    Bucket = get_bucket(S, Slot),
    case delete_first(E, Bucket) of
        not_found -> S;
        Bucket1 ->
            maybe_contract(put_bucket(S#set{size = S#set.size - 1}, Slot,
                                      Bucket1))
    end;
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
fold(F, Acc, #set{n = N} = S) when is_function(F, 2) ->
    fold_slots(F, Acc, S, N);
fold(F, Acc, #{} = M) when is_function(F, 2) ->
    lists:foldl(F, Acc, maps:keys(M)).

%% Slots from the last to the first, each bucket from its head.
fold_slots(_, Acc, _, 0) -> Acc;
fold_slots(F, Acc, S, Slot) ->
    fold_slots(F, lists:foldl(F, Acc, get_bucket(S, Slot)), S, Slot - 1).

%% @doc The elements of `Set1' for which `Pred' is true.
-spec filter(Pred, Set1) -> Set2 when
      Pred :: fun((Element) -> boolean()),
      Set1 :: set(Element),
      Set2 :: set(Element).
filter(F, #set{n = N, segs = Segs} = S) when is_function(F, 1) ->
    {Segs1, Size} = filter_slots(F, Segs, N, 0),
    %% As on OTP: a single contraction step, however small the result.
    maybe_contract(S#set{segs = Segs1, size = Size});
filter(F, #{} = M) when is_function(F, 1) ->
    maps:from_list([{E, []} || E <- maps:keys(M), pred(F, E)]).

pred(F, E) ->
    case F(E) of
        true -> true;
        false -> false
    end.

filter_slots(_, Segs, 0, Size) -> {Segs, Size};
filter_slots(F, Segs, Slot, Size) ->
    %% As on OTP, the kept elements end up in reverse order.
    Bucket = lists:reverse([E || E <- seg_get(Segs, Slot), pred(F, E)]),
    filter_slots(F, seg_put(Segs, Slot, Bucket), Slot - 1,
                 Size + length(Bucket)).

%%% ------------------------------------------------------------------
%%% The version 1 hash table
%%% ------------------------------------------------------------------

%% OTP's hash, erlang:phash/2 (1..Range), when the runtime has it;
%% otherwise erlang:phash2/2 + 1: the table then works the same, with
%% another layout and order than OTP's.
hash(Term, Range) ->
    case erlang:function_exported(erlang, phash, 2) of
        true -> erlang:phash(Term, Range);
        false -> erlang:phash2(Term, Range) + 1
    end.

%% The slot of an element: hashed over maxn slots, folded back into the
%% first n.
get_slot(#set{n = N, maxn = MaxN, bso = BSO}, E) ->
    H = hash(E, MaxN),
    if H > N -> H - BSO;
       true -> H
    end.

get_bucket(#set{segs = Segs}, Slot) -> seg_get(Segs, Slot).

put_bucket(#set{segs = Segs} = S, Slot, Bucket) ->
    S#set{segs = seg_put(Segs, Slot, Bucket)}.

seg_get(Segs, Slot) ->
    I = Slot - 1,
    element(I rem ?SEG_SIZE + 1, element(I div ?SEG_SIZE + 1, Segs)).

seg_put(Segs, Slot, Bucket) ->
    I = Slot - 1,
    SegI = I div ?SEG_SIZE + 1,
    Seg = element(SegI, Segs),
    setelement(SegI, Segs, setelement(I rem ?SEG_SIZE + 1, Seg, Bucket)).

delete_first(E, [E | T]) -> T;
delete_first(E, [X | T]) ->
    case delete_first(E, T) of
        not_found -> not_found;
        T1 -> [X | T1]
    end;
delete_first(_, []) -> not_found.

%% One more slot when the set is too full: the bucket of slot n - bso is
%% split between itself and the new slot n (order kept).
maybe_expand(#set{size = Size, exp_size = ExpSize} = S) when Size > ExpSize ->
    N = S#set.n + 1,
    {MaxN, BSO, Segs} =
        if N > S#set.maxn ->
                {2 * S#set.maxn, 2 * S#set.bso,
                 expand_segs(S#set.segs, S#set.empty)};
           true -> {S#set.maxn, S#set.bso, S#set.segs}
        end,
    Slot1 = N - BSO,
    {Stay, Move} = lists:partition(fun(E) -> hash(E, MaxN) =:= Slot1 end,
                                   seg_get(Segs, Slot1)),
    Segs1 = seg_put(seg_put(Segs, Slot1, Stay), N, Move),
    S#set{n = N, maxn = MaxN, bso = BSO, segs = Segs1,
          exp_size = N * ?EXPAND_LOAD, con_size = N * ?CONTRACT_LOAD};
maybe_expand(S) -> S.

expand_segs(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++
                      lists:duplicate(tuple_size(Segs), Empty)).

%% One slot less when the set is too empty: slot n is appended to the
%% bucket of slot n - bso.
maybe_contract(#set{size = Size, con_size = ConSize, n = N} = S)
  when Size < ConSize, N > ?SEG_SIZE ->
    BSO = S#set.bso,
    Slot1 = N - BSO,
    Segs0 = S#set.segs,
    Bucket = seg_get(Segs0, Slot1) ++ seg_get(Segs0, N),
    Segs1 = seg_put(seg_put(Segs0, Slot1, Bucket), N, []),
    N1 = N - 1,
    S1 = if N1 =:= BSO ->
                 S#set{maxn = S#set.maxn div 2, bso = BSO div 2,
                       segs = contract_segs(Segs1)};
            true -> S#set{segs = Segs1}
         end,
    S1#set{n = N1, exp_size = N1 * ?EXPAND_LOAD,
           con_size = N1 * ?CONTRACT_LOAD};
maybe_contract(S) -> S.

contract_segs({Seg}) -> {Seg};
contract_segs(Segs) ->
    list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2)).
