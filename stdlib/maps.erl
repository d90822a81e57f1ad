%% @doc Maps processing functions, compatible with OTP 25's `maps'.
%%
%% The primitive operations (`get/2', `put/3', `to_list/1', ...) are
%% BIFs implemented natively by ferl; they appear below as stubs, in the
%% BIFs section, so that their specs and docs live here. Everything else
%% is written in Erlang on top of them, and fails as OTP 25 fails: a
%% non-map argument raises `{badmap, Term}', a bad fun or a bad list
%% raises `badarg', a missing key raises `{badkey, Key}'.
%%
%% Iterators: `iterator(Map)' returns `[0 | Map]', as OTP 25 does. The
%% first `next/1' expands the whole map into a chain of
%% `{Key, Value, NextIterator}' tuples ending in `none', which is what
%% OTP 25 returns for maps of up to 32 keys; for larger maps OTP expands
%% them piecewise, so only the shape of intermediate iterators differs.
%% Iteration follows the order of `to_list/1' for maps of up to 32 keys
%% (sorted, in OTP), and the reverse of that order for larger maps, as
%% in OTP 25 (`fold/3' on a 40-key map visits the keys in the reverse
%% order of `to_list/1').
-module(maps).

%% BIFs (implemented natively by the runtime).
-export([get/2, find/2, from_list/1, from_keys/2, is_key/2, keys/1,
         merge/2, put/3, remove/2, take/2, to_list/1, update/3,
         values/1]).

%% Construction, lookup and update.
-export([new/0, get/3, size/1, update_with/3, update_with/4, with/2,
         without/2, intersect/2, groups_from_list/2,
         groups_from_list/3]).

%% Functions that take fun arguments.
-export([fold/3, foreach/2, map/2, filter/2, filtermap/2,
         intersect_with/3, merge_with/3]).

%% Iterators.
-export([iterator/1, next/1]).

-export_type([iterator/0, iterator/2]).

-opaque iterator(Key, Value) :: {Key, Value, iterator(Key, Value)} | none
                              | nonempty_improper_list(0, #{Key => Value}).
-type iterator() :: iterator(term(), term()).

%%% ===================================================================
%%% BIFs
%%% ===================================================================

%% @doc Returns the value associated with `Key' in `Map'; raises
%% `{badkey, Key}' if there is none, `{badmap, Map}' if `Map' is not a
%% map.
-spec get(Key, Map) -> Value when
      Key :: term(),
      Map :: map(),
      Value :: term().
get(_Key, _Map) ->
    erlang:nif_error(undef).

%% @doc Returns `{ok, Value}' if `Key' is in `Map', otherwise `error'.
-spec find(Key, Map) -> {ok, Value} | error when
      Map :: #{Key => Value, _ => _}.
find(_Key, _Map) ->
    erlang:nif_error(undef).

%% @doc Returns a map built from a list of key-value tuples; later
%% pairs win over earlier ones with the same key.
-spec from_list(List) -> Map when
      List :: [{Key, Value}],
      Key :: term(),
      Value :: term(),
      Map :: map().
from_list(_List) ->
    erlang:nif_error(undef).

%% @doc Returns a map in which every key of `Keys' is associated with
%% `Value'.
-spec from_keys(Keys, Value) -> Map when
      Keys :: list(),
      Value :: term(),
      Map :: map().
from_keys(_Keys, _Value) ->
    erlang:nif_error(undef).

%% @doc Returns `true' if `Map' contains `Key'.
-spec is_key(Key, Map) -> boolean() when
      Key :: term(),
      Map :: map().
is_key(_Key, _Map) ->
    erlang:nif_error(undef).

%% @doc Returns the keys of `Map', in iteration order.
-spec keys(Map) -> Keys when
      Map :: #{Key => _},
      Keys :: [Key].
keys(_Map) ->
    erlang:nif_error(undef).

%% @doc Merges two maps; on equal keys the value from `Map2' wins.
-spec merge(Map1, Map2) -> Map3 when
      Map1 :: map(),
      Map2 :: map(),
      Map3 :: map().
merge(_Map1, _Map2) ->
    erlang:nif_error(undef).

%% @doc Associates `Key' with `Value' in `Map1'.
-spec put(Key, Value, Map1) -> Map2 when
      Key :: term(),
      Value :: term(),
      Map1 :: map(),
      Map2 :: map().
put(_Key, _Value, _Map1) ->
    erlang:nif_error(undef).

%% @doc Removes `Key' (if present) from `Map1'.
-spec remove(Key, Map1) -> Map2 when
      Key :: term(),
      Map1 :: map(),
      Map2 :: map().
remove(_Key, _Map1) ->
    erlang:nif_error(undef).

%% @doc Removes `Key' from `Map1' and returns `{Value, Map2}', or
%% `error' if it is not there.
-spec take(Key, Map1) -> {Value, Map2} | error when
      Map1 :: #{Key => Value, _ => _},
      Map2 :: #{_ => _}.
take(_Key, _Map1) ->
    erlang:nif_error(undef).

%% @doc Returns the key-value pairs of `Map', in iteration order.
-spec to_list(Map) -> [{Key, Value}] when
      Map :: #{Key => Value}.
to_list(_Map) ->
    erlang:nif_error(undef).

%% @doc Replaces the value of an existing `Key'; raises `{badkey, Key}'
%% if it is not there.
-spec update(Key, Value, Map1) -> Map2 when
      Map1 :: #{Key := _, _ => _},
      Map2 :: #{Key := Value, _ => _}.
update(_Key, _Value, _Map1) ->
    erlang:nif_error(undef).

%% @doc Returns the values of `Map', in iteration order.
-spec values(Map) -> Values when
      Map :: #{_ => Value},
      Values :: [Value].
values(_Map) ->
    erlang:nif_error(undef).

%%% ===================================================================
%%% Construction, lookup and update
%%% ===================================================================

%% @doc Returns a new empty map.
-spec new() -> Map when
      Map :: #{}.
new() -> #{}.

%% @doc Returns the value associated with `Key' in `Map', or `Default'.
-spec get(Key, Map, Default) -> Value | Default when
      Map :: #{Key => Value, _ => _}.
get(Key, Map, Default) when is_map(Map) ->
    case Map of
        #{Key := Value} -> Value;
        #{} -> Default
    end;
get(Key, Map, Default) ->
    erlang:error({badmap, Map}, [Key, Map, Default]).

%% @doc Returns the number of key-value pairs in `Map'.
-spec size(Map) -> non_neg_integer() when
      Map :: map().
size(Map) when is_map(Map) ->
    map_size(Map);
size(Map) ->
    erlang:error({badmap, Map}, [Map]).

%% @doc Replaces the value `V' of an existing `Key' by `Fun(V)'; raises
%% `{badkey, Key}' if it is not there.
-spec update_with(Key, Fun, Map1) -> Map2 when
      Map1 :: #{Key := Value1, _ => _},
      Map2 :: #{Key := Value2, _ => _},
      Fun :: fun((Value1) -> Value2).
update_with(Key, Fun, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> erlang:error({badkey, Key}, [Key, Fun, Map])
    end;
update_with(Key, Fun, Map) ->
    erlang:error(error_type(Map), [Key, Fun, Map]).

%% @doc Like `update_with/3', but associates `Key' with `Init' when it
%% is not there.
-spec update_with(Key, Fun, Init, Map1) -> Map2 when
      Map1 :: #{Key => Value1, _ => _},
      Map2 :: #{Key := Value2 | Init, _ => _},
      Fun :: fun((Value1) -> Value2).
update_with(Key, Fun, Init, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> Map#{Key => Init}
    end;
update_with(Key, Fun, Init, Map) ->
    erlang:error(error_type(Map), [Key, Fun, Init, Map]).

%% @doc Returns the map of the pairs of `Map1' whose key is in `Keys'.
-spec with(Keys, Map1) -> Map2 when
      Keys :: [K],
      Map1 :: #{K => V, _ => _},
      Map2 :: #{K => V}.
with(Keys, Map) when is_list(Keys), is_map(Map) ->
    with_1(Keys, Map, #{});
with(Keys, Map) ->
    erlang:error(error_type(Map), [Keys, Map]).

with_1([K | Ks], Map, Acc) ->
    case Map of
        #{K := V} -> with_1(Ks, Map, Acc#{K => V});
        #{} -> with_1(Ks, Map, Acc)
    end;
with_1([], _Map, Acc) ->
    Acc.

%% @doc Returns `Map1' without the keys in `Keys'.
-spec without(Keys, Map1) -> Map2 when
      Keys :: [K],
      Map1 :: map(),
      Map2 :: map(),
      K :: term().
without(Keys, Map) when is_list(Keys), is_map(Map) ->
    without_1(Keys, Map);
without(Keys, Map) ->
    erlang:error(error_type(Map), [Keys, Map]).

without_1([K | Ks], Map) -> without_1(Ks, remove(K, Map));
without_1([], Map) -> Map.

%% @doc Returns the pairs of `Map2' whose key is also in `Map1'.
-spec intersect(Map1, Map2) -> Map3 when
      Map1 :: #{Key => term()},
      Map2 :: #{term() => Value2},
      Map3 :: #{Key => Value2}.
intersect(Map1, Map2) when is_map(Map1), is_map(Map2) ->
    intersect_with(fun(_K, _V1, V2) -> V2 end, Map1, Map2);
intersect(Map1, Map2) ->
    erlang:error({badmap, first_non_map(Map1, Map2)}, [Map1, Map2]).

%% @doc Partitions `List' into a map of lists keyed by `KeyFun(Elem)';
%% each list keeps the order of `List'.
-spec groups_from_list(KeyFun, List) -> GroupsMap when
      KeyFun :: fun((Elem) -> Key),
      GroupsMap :: #{Key => Group},
      Key :: term(),
      List :: [Elem],
      Group :: [Elem],
      Elem :: term().
groups_from_list(KeyFun, List) when is_function(KeyFun, 1) ->
    groups(KeyFun, fun(X) -> X end, reverse_or_badarg(List, [KeyFun, List]),
           #{});
groups_from_list(KeyFun, List) ->
    erlang:error(badarg, [KeyFun, List]).

%% @doc Like `groups_from_list/2', storing `ValueFun(Elem)' instead of
%% `Elem'.
-spec groups_from_list(KeyFun, ValueFun, List) -> GroupsMap when
      KeyFun :: fun((Elem) -> Key),
      ValueFun :: fun((Elem) -> Value),
      GroupsMap :: #{Key := Group},
      Key :: term(),
      Value :: term(),
      List :: [Elem],
      Group :: [Value],
      Elem :: term().
groups_from_list(KeyFun, ValueFun, List)
  when is_function(KeyFun, 1), is_function(ValueFun, 1) ->
    groups(KeyFun, ValueFun,
           reverse_or_badarg(List, [KeyFun, ValueFun, List]), #{});
groups_from_list(KeyFun, ValueFun, List) ->
    erlang:error(badarg, [KeyFun, ValueFun, List]).

%% Walks the reversed list, so each group is built in list order.
groups(KeyFun, ValueFun, [X | Xs], Acc) ->
    Key = KeyFun(X),
    Value = ValueFun(X),
    case Acc of
        #{Key := Group} -> groups(KeyFun, ValueFun, Xs, Acc#{Key := [Value | Group]});
        #{} -> groups(KeyFun, ValueFun, Xs, Acc#{Key => [Value]})
    end;
groups(_KeyFun, _ValueFun, [], Acc) ->
    Acc.

reverse_or_badarg(List, Args) -> reverse_or_badarg(List, [], Args).

reverse_or_badarg([H | T], Acc, Args) -> reverse_or_badarg(T, [H | Acc], Args);
reverse_or_badarg([], Acc, _Args) -> Acc;
reverse_or_badarg(_, _Acc, Args) -> erlang:error(badarg, Args).

%%% ===================================================================
%%% Functions that take fun arguments
%%% ===================================================================

%% @doc Calls `Fun(Key, Value, AccIn)' on each pair, in iteration order,
%% starting with `AccIn = Init'; returns the final accumulator.
-spec fold(Fun, Init, MapOrIter) -> Acc when
      Fun :: fun((Key, Value, AccIn) -> AccOut),
      Init :: term(),
      Acc :: AccOut,
      AccIn :: Init | AccOut,
      MapOrIter :: #{Key => Value} | iterator(Key, Value).
fold(Fun, Init, MapOrIter) when is_function(Fun, 3) ->
    case is_iterable(MapOrIter) of
        true -> fold_1(Fun, Init, next(iter(MapOrIter)));
        false -> erlang:error({badmap, MapOrIter}, [Fun, Init, MapOrIter])
    end;
fold(Fun, Init, MapOrIter) ->
    erlang:error(badarg, [Fun, Init, MapOrIter]).

fold_1(Fun, Acc, {K, V, I}) -> fold_1(Fun, Fun(K, V, Acc), next(I));
fold_1(_Fun, Acc, none) -> Acc.

%% @doc Calls `Fun(Key, Value)' on each pair, for its side effects.
-spec foreach(Fun, MapOrIter) -> ok when
      Fun :: fun((Key, Value) -> term()),
      MapOrIter :: #{Key => Value} | iterator(Key, Value).
foreach(Fun, MapOrIter) when is_function(Fun, 2) ->
    case is_iterable(MapOrIter) of
        true -> foreach_1(Fun, next(iter(MapOrIter)));
        false -> erlang:error({badmap, MapOrIter}, [Fun, MapOrIter])
    end;
foreach(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

foreach_1(Fun, {K, V, I}) ->
    _ = Fun(K, V),
    foreach_1(Fun, next(I));
foreach_1(_Fun, none) ->
    ok.

%% @doc Returns a map with each value `V1' replaced by `Fun(Key, V1)'.
-spec map(Fun, MapOrIter) -> Map when
      Fun :: fun((Key, Value1) -> Value2),
      MapOrIter :: #{Key => Value1} | iterator(Key, Value1),
      Map :: #{Key => Value2}.
map(Fun, MapOrIter) when is_function(Fun, 2) ->
    case is_iterable(MapOrIter) of
        true -> map_1(Fun, next(iter(MapOrIter)), []);
        false -> erlang:error({badmap, MapOrIter}, [Fun, MapOrIter])
    end;
map(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

map_1(Fun, {K, V, I}, Acc) -> map_1(Fun, next(I), [{K, Fun(K, V)} | Acc]);
map_1(_Fun, none, Acc) -> from_list(Acc).

%% @doc Returns the map of the pairs for which `Pred(Key, Value)'
%% returns `true'.
-spec filter(Pred, MapOrIter) -> Map when
      Pred :: fun((Key, Value) -> boolean()),
      MapOrIter :: #{Key => Value} | iterator(Key, Value),
      Map :: #{Key => Value}.
filter(Pred, MapOrIter) when is_function(Pred, 2) ->
    case is_iterable(MapOrIter) of
        true -> filter_1(Pred, next(iter(MapOrIter)), []);
        false -> erlang:error({badmap, MapOrIter}, [Pred, MapOrIter])
    end;
filter(Pred, MapOrIter) ->
    erlang:error(badarg, [Pred, MapOrIter]).

filter_1(Pred, {K, V, I}, Acc) ->
    case Pred(K, V) of
        true -> filter_1(Pred, next(I), [{K, V} | Acc]);
        false -> filter_1(Pred, next(I), Acc)
    end;
filter_1(_Pred, none, Acc) ->
    from_list(Acc).

%% @doc Calls `Fun(Key, Value)' on each pair: `true' keeps the pair,
%% `{true, NewValue}' keeps the key with `NewValue', `false' drops it.
-spec filtermap(Fun, MapOrIter) -> Map when
      Fun :: fun((Key, Value1) -> boolean() | {true, Value2}),
      MapOrIter :: #{Key => Value1} | iterator(Key, Value1),
      Map :: #{Key => Value1 | Value2}.
filtermap(Fun, MapOrIter) when is_function(Fun, 2) ->
    case is_iterable(MapOrIter) of
        true -> filtermap_1(Fun, next(iter(MapOrIter)), []);
        false -> erlang:error({badmap, MapOrIter}, [Fun, MapOrIter])
    end;
filtermap(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

filtermap_1(Fun, {K, V, I}, Acc) ->
    case Fun(K, V) of
        true -> filtermap_1(Fun, next(I), [{K, V} | Acc]);
        {true, NewV} -> filtermap_1(Fun, next(I), [{K, NewV} | Acc]);
        false -> filtermap_1(Fun, next(I), Acc)
    end;
filtermap_1(_Fun, none, Acc) ->
    from_list(Acc).

%% @doc Returns the keys present in both maps, each associated with
%% `Combiner(Key, Value1, Value2)'.
-spec intersect_with(Combiner, Map1, Map2) -> Map3 when
      Map1 :: #{Key => Value1},
      Map2 :: #{term() => Value2},
      Combiner :: fun((Key, Value1, Value2) -> CombinerResult),
      Map3 :: #{Key => CombinerResult}.
intersect_with(Combiner, Map1, Map2)
  when is_function(Combiner, 3), is_map(Map1), is_map(Map2) ->
    intersect_1(Combiner, to_list(Map1), Map2, []);
intersect_with(Combiner, Map1, Map2) ->
    erlang:error(fun_then_maps_error(Combiner, Map1, Map2),
                 [Combiner, Map1, Map2]).

intersect_1(Combiner, [{K, V1} | Rest], Map2, Acc) ->
    case Map2 of
        #{K := V2} -> intersect_1(Combiner, Rest, Map2,
                                  [{K, Combiner(K, V1, V2)} | Acc]);
        #{} -> intersect_1(Combiner, Rest, Map2, Acc)
    end;
intersect_1(_Combiner, [], _Map2, Acc) ->
    from_list(Acc).

%% @doc Merges two maps; a key present in both is associated with
%% `Combiner(Key, Value1, Value2)'.
-spec merge_with(Combiner, Map1, Map2) -> Map3 when
      Map1 :: #{Key1 => Value1},
      Map2 :: #{Key2 => Value2},
      Combiner :: fun((Key1, Value1, Value2) -> CombinerResult),
      Map3 :: #{Key1 => CombinerResult, Key1 => Value1, Key2 => Value2}.
merge_with(Combiner, Map1, Map2)
  when is_function(Combiner, 3), is_map(Map1), is_map(Map2) ->
    merge_with_1(Combiner, to_list(Map2), Map1);
merge_with(Combiner, Map1, Map2) ->
    erlang:error(fun_then_maps_error(Combiner, Map1, Map2),
                 [Combiner, Map1, Map2]).

merge_with_1(Combiner, [{K, V2} | Rest], Acc) ->
    case Acc of
        #{K := V1} -> merge_with_1(Combiner, Rest, Acc#{K := Combiner(K, V1, V2)});
        #{} -> merge_with_1(Combiner, Rest, Acc#{K => V2})
    end;
merge_with_1(_Combiner, [], Acc) ->
    Acc.

%%% ===================================================================
%%% Iterators
%%% ===================================================================

%% @doc Returns an iterator over the pairs of `Map', for `next/1'.
-spec iterator(Map) -> Iterator when
      Map :: #{Key => Value},
      Iterator :: iterator(Key, Value).
iterator(Map) when is_map(Map) ->
    [0 | Map];
iterator(Map) ->
    erlang:error({badmap, Map}, [Map]).

%% @doc Returns the next pair of an iterator and the iterator for the
%% rest, or `none' when there are no more pairs.
-spec next(Iterator) -> {Key, Value, NextIterator} | none when
      Iterator :: iterator(Key, Value),
      NextIterator :: iterator(Key, Value).
next({_K, _V, _I} = Next) ->
    Next;
next(none) ->
    none;
next([0 | Map]) when is_map(Map), map_size(Map) =< 32 ->
    chain(lists:reverse(to_list(Map)), none);
next([0 | Map]) when is_map(Map) ->
    %% OTP iterates over a large (hash) map in the reverse order of
    %% to_list/1.
    chain(to_list(Map), none);
next(Iterator) ->
    erlang:error(badarg, [Iterator]).

%% Builds {K1, V1, {K2, V2, ... none}} from the reversed pairs.
chain([{K, V} | Rest], Next) -> chain(Rest, {K, V, Next});
chain([], Next) -> Next.

%%% ===================================================================
%%% Helpers
%%% ===================================================================

%% A map, or something `next/1' accepts at first sight.
is_iterable(Map) when is_map(Map) -> true;
is_iterable({_, _, _}) -> true;
is_iterable(none) -> true;
is_iterable([0 | Map]) when is_map(Map) -> true;
is_iterable(_) -> false.

%% An iterator for a map or iterator.
iter(Map) when is_map(Map) -> [0 | Map];
iter(Iterator) -> Iterator.

%% The reason OTP gives when a map argument is wrong: `badarg' if it is
%% a map (so another argument was wrong), `{badmap, Term}' otherwise.
error_type(Map) when is_map(Map) -> badarg;
error_type(Term) -> {badmap, Term}.

fun_then_maps_error(Fun, Map1, Map2) when is_function(Fun, 3) ->
    {badmap, first_non_map(Map1, Map2)};
fun_then_maps_error(_Fun, _Map1, _Map2) ->
    badarg.

first_non_map(Map1, Map2) when is_map(Map1) -> Map2;
first_non_map(Map1, _Map2) -> Map1.
