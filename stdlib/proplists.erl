%% @doc Support functions for property lists, compatible with OTP 25's
%% `proplists'.
%%
%% A property list is a list of entries: an atom `Key' (short for
%% `{Key, true}'), or a tuple whose first element is the key, usually
%% `{Key, Value}'. Other terms are ignored. Keys are compared with `=:='.
%% The first entry with a given key shadows the later ones.
%%
%% `get_keys/1' returns its keys in the order of `sets:to_list/1' (as OTP
%% does), so it uses the `sets' module when there is one (and list order
%% otherwise).
-module(proplists).

%% Looking up properties.
-export([get_value/2, get_value/3, get_all_values/2, get_bool/2,
         get_keys/1, lookup/2, lookup_all/2, is_defined/2,
         append_values/2]).

%% Building and converting property lists.
-export([property/1, property/2, unfold/1, compact/1, delete/2,
         split/2, from_map/1, to_map/1, to_map/2]).

%% Normalisation: aliases, negations, expansions.
-export([substitute_aliases/2, substitute_negations/2, expand/2,
         normalize/2]).

-export_type([property/0, proplist/0]).

-type property() :: atom() | tuple().
-type proplist() :: [property()].

%%% ===================================================================
%%% Looking up properties
%%% ===================================================================

%% @doc Equivalent to `get_value(Key, List, undefined)'.
-spec get_value(Key, List) -> term() when
      Key :: term(),
      List :: [term()].
get_value(Key, List) ->
    get_value(Key, List, undefined).

%% @doc Returns the value of the first entry for `Key': `true' for an
%% atom, `Value' for `{Key, Value}', `Default' for another tuple or if
%% there is no entry.
-spec get_value(Key, List, Default) -> term() when
      Key :: term(),
      List :: [term()],
      Default :: term().
get_value(Key, [Key | _], _Default) when is_atom(Key) ->
    true;
get_value(Key, [P | Ps], Default) ->
    case is_entry_for(Key, P) of
        true ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
        false ->
            get_value(Key, Ps, Default)
    end;
get_value(_Key, [], Default) ->
    Default.

%% @doc Returns the values of all entries `{Key, Value}' and `Key' (as
%% `true'), in list order.
-spec get_all_values(Key, List) -> [term()] when
      Key :: term(),
      List :: [term()].
get_all_values(Key, List) ->
    get_all_values(Key, List, []).

get_all_values(Key, [Key | Ps], Acc) when is_atom(Key) ->
    get_all_values(Key, Ps, [true | Acc]);
get_all_values(Key, [{Key, Value} | Ps], Acc) ->
    get_all_values(Key, Ps, [Value | Acc]);
get_all_values(Key, [_ | Ps], Acc) ->
    get_all_values(Key, Ps, Acc);
get_all_values(_Key, [], Acc) ->
    lists:reverse(Acc).

%% @doc Returns `true' if the first entry for `Key' is `Key' or
%% `{Key, true}', otherwise `false'.
-spec get_bool(Key, List) -> boolean() when
      Key :: term(),
      List :: [term()].
get_bool(Key, List) ->
    case lookup(Key, List) of
        {_, true} -> true;
        _ -> false
    end.

%% @doc Returns the keys used in `List', without duplicates, in the
%% order of `sets:to_list/1' (as OTP).
-spec get_keys(List) -> [term()] when
      List :: [term()].
get_keys(List) ->
    Keys = keys(List, []),
    try sets:from_list(Keys) of
        Set -> sets:to_list(Set)
    catch
        error:undef ->
            %% Without a `sets' module: first occurrences, in list order.
            lists:reverse(lists:foldl(fun(K, Acc) ->
                                              case lists:member(K, Acc) of
                                                  true -> Acc;
                                                  false -> [K | Acc]
                                              end
                                      end, [], Keys))
    end.

keys([P | Ps], Acc) when is_atom(P) -> keys(Ps, [P | Acc]);
keys([P | Ps], Acc) when tuple_size(P) >= 1 -> keys(Ps, [element(1, P) | Acc]);
keys([_ | Ps], Acc) -> keys(Ps, Acc);
keys([], Acc) -> lists:reverse(Acc).

%% @doc Returns the first entry for `Key' (`{Key, true}' for an atom),
%% or `none'.
-spec lookup(Key, List) -> none | tuple() when
      Key :: term(),
      List :: [term()].
lookup(Key, [Key | _]) when is_atom(Key) ->
    {Key, true};
lookup(Key, [P | Ps]) ->
    case is_entry_for(Key, P) of
        true -> P;
        false -> lookup(Key, Ps)
    end;
lookup(_Key, []) ->
    none.

%% @doc Returns all entries for `Key', atoms as `{Key, true}'.
-spec lookup_all(Key, List) -> [tuple()] when
      Key :: term(),
      List :: [term()].
lookup_all(Key, List) ->
    lookup_all(Key, List, []).

lookup_all(Key, [Key | Ps], Acc) when is_atom(Key) ->
    lookup_all(Key, Ps, [{Key, true} | Acc]);
lookup_all(Key, [P | Ps], Acc) ->
    case is_entry_for(Key, P) of
        true -> lookup_all(Key, Ps, [P | Acc]);
        false -> lookup_all(Key, Ps, Acc)
    end;
lookup_all(_Key, [], Acc) ->
    lists:reverse(Acc).

%% @doc Returns `true' if `List' has an entry for `Key'.
-spec is_defined(Key, List) -> boolean() when
      Key :: term(),
      List :: [term()].
is_defined(Key, [Key | _]) when is_atom(Key) ->
    true;
is_defined(Key, [P | Ps]) ->
    is_entry_for(Key, P) orelse is_defined(Key, Ps);
is_defined(_Key, []) ->
    false.

%% @doc Appends the values of all entries for `Key': a list value is
%% spliced in, another value `V' counts as `[V]', an atom as `[true]'.
-spec append_values(Key, List) -> List when
      Key :: term(),
      List :: [term()].
append_values(Key, List) ->
    lists:append([as_list(V) || V <- get_all_values(Key, List)]).

as_list(V) when is_list(V) -> V;
as_list(V) -> [V].

%%% ===================================================================
%%% Building and converting property lists
%%% ===================================================================

%% @doc Returns the normal form of an entry: `{Key, true}' (with an atom
%% key) becomes `Key'; anything else is returned unchanged.
-spec property(Property) -> Property when
      Property :: property().
property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

%% @doc Returns the normal form of the entry `{Key, Value}'.
-spec property(Key, Value) -> Property when
      Key :: term(),
      Value :: term(),
      Property :: atom() | {term(), term()}.
property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

%% @doc Replaces each atom `Key' of `List' by `{Key, true}'.
-spec unfold(List) -> List when
      List :: [term()].
unfold(List) ->
    unfold(List, []).

unfold([P | Ps], Acc) when is_atom(P) -> unfold(Ps, [{P, true} | Acc]);
unfold([P | Ps], Acc) -> unfold(Ps, [P | Acc]);
unfold([], Acc) -> lists:reverse(Acc).

%% @doc Replaces each entry of `List' by its normal form (see
%% `property/1').
-spec compact(List) -> List when
      List :: [property()].
compact(List) ->
    [property(P) || P <- List].

%% @doc Deletes all entries for `Key' from `List'.
-spec delete(Key, List) -> List when
      Key :: term(),
      List :: [term()].
delete(Key, List) ->
    delete(Key, List, []).

delete(Key, [Key | Ps], Acc) when is_atom(Key) ->
    delete(Key, Ps, Acc);
delete(Key, [P | Ps], Acc) ->
    case is_entry_for(Key, P) of
        true -> delete(Key, Ps, Acc);
        false -> delete(Key, Ps, [P | Acc])
    end;
delete(_Key, [], Acc) ->
    lists:reverse(Acc).

%% @doc Partitions `List' into one list per key of `Keys' (the entries
%% for that key, in order, unchanged) and the rest.
-spec split(List, Keys) -> {Lists, Rest} when
      List :: [term()],
      Keys :: [term()],
      Lists :: [[term()]],
      Rest :: [term()].
split(List, Keys) ->
    Store = maps:from_list([{K, []} || K <- Keys]),
    {Store1, Rest} = split(List, Store, []),
    {[lists:reverse(maps:get(K, Store1)) || K <- Keys], Rest}.

split([P | Ps], Store, Rest) ->
    case entry_key(P) of
        {ok, K} when is_map_key(K, Store) ->
            split(Ps, Store#{K := [P | maps:get(K, Store)]}, Rest);
        _ ->
            split(Ps, Store, [P | Rest])
    end;
split([], Store, Rest) ->
    {Store, lists:reverse(Rest)}.

%% @doc Returns the property list of the pairs of `Map'.
-spec from_map(Map) -> List when
      Map :: #{Key => Value},
      List :: [{Key, Value}].
from_map(Map) ->
    maps:to_list(Map).

%% @doc Returns a map of the properties of `List': an atom `Key' maps
%% to `true', `{Key, Value}' to `Value'. The first entry for a key wins
%% (another tuple leaves the key out); other terms are ignored.
-spec to_map(List) -> Map when
      List :: [term()],
      Map :: map().
to_map(List) ->
    to_map_1(lists:reverse(unfold(List)), #{}).

%% Walks the list backwards, so the first entry for a key wins; an entry
%% that is neither an atom nor a pair still shadows later ones.
to_map_1([{K, V} | Ps], Map) ->
    to_map_1(Ps, Map#{K => V});
to_map_1([P | Ps], Map) when tuple_size(P) >= 1 ->
    to_map_1(Ps, maps:remove(element(1, P), Map));
to_map_1([_ | Ps], Map) ->
    to_map_1(Ps, Map);
to_map_1([], Map) ->
    Map.

%% @doc Normalises `List' with `Stages' (see `normalize/2'), then
%% converts it with `to_map/1'.
-spec to_map(List, Stages) -> Map when
      List :: [term()],
      Stages :: [Operation],
      Operation :: {aliases, Aliases} | {negations, Negations}
                 | {expand, Expansions},
      Aliases :: [{Key, Key}],
      Negations :: [{Key, Key}],
      Expansions :: [{Property, [term()]}],
      Property :: property(),
      Key :: term(),
      Map :: map().
to_map(List, Stages) ->
    to_map(apply_stages(List, Stages)).

%%% ===================================================================
%%% Normalisation
%%% ===================================================================

%% @doc For each entry whose key `K' has an alias `{K, NewKey}' (the
%% first for `K'), replaces the key by `NewKey'.
-spec substitute_aliases(Aliases, List) -> List when
      Aliases :: [{Key, Key}],
      Key :: term(),
      List :: [term()].
substitute_aliases(Aliases, List) ->
    [substitute_alias(Aliases, P) || P <- List].

substitute_alias([{Key, New} | Aliases], P) ->
    case entry_key(P) of
        {ok, Key} when is_atom(P) -> property(New, true);
        {ok, Key} when tuple_size(P) =:= 2 -> property(New, element(2, P));
        {ok, Key} -> setelement(1, P, New);
        _ -> substitute_alias(Aliases, P)
    end;
substitute_alias([], P) ->
    P.

%% @doc For each entry whose key `K' has a negation `{K, NewKey}' (the
%% first for `K'): `K' and `{K, true}' become `{NewKey, false}', any
%% other entry for `K' becomes `NewKey' (that is, `{NewKey, true}').
-spec substitute_negations(Negations, List) -> List when
      Negations :: [{Key, Key}],
      Key :: term(),
      List :: [term()].
substitute_negations(Negations, List) ->
    [substitute_negation(Negations, P) || P <- List].

substitute_negation([{Key, New} | Negations], P) ->
    case entry_key(P) of
        {ok, Key} when is_atom(P) -> {New, false};
        {ok, Key} ->
            case P of
                {_, true} -> {New, false};
                _ -> property(New, true)
            end;
        _ -> substitute_negation(Negations, P)
    end;
substitute_negation([], P) ->
    P.

%% @doc For each `{Property, Expansion}', in order: if the first entry
%% `E' of `List' with the key of `Property' has the same normal form as
%% `Property', `E' is replaced by the terms of `Expansion' and later
%% entries with that key are deleted; otherwise `E' is replaced by its
%% normal form (as OTP does). Inserted terms are not expanded again, so
%% of two expansions for one key only the first can apply to a given
%% entry. Expansions whose property is not an entry are ignored. As in
%% OTP, list elements of the result are spliced in one level (this also
%% applies to lists already in `List').
-spec expand(Expansions, List) -> List when
      Expansions :: [{Property, [term()]}],
      Property :: property(),
      List :: [term()].
expand(Expansions, List) ->
    splice(expand_all(Expansions, List), []).

expand_all([{P, Expansion} | Es], List) ->
    case entry_key(P) of
        {ok, Key} ->
            expand_all(Es, expand_one(Key, property(P), Expansion, List, []));
        error ->
            expand_all(Es, List)
    end;
expand_all([], List) ->
    List.

%% The expansion is inserted as one (list) element, so it is never
%% matched again; splice/2 flattens it at the end.
expand_one(Key, Norm, Expansion, [P | Ps], Acc) ->
    case entry_key(P) of
        {ok, Key} ->
            case property(P) of
                Norm -> lists:reverse(Acc, [Expansion | delete(Key, Ps)]);
                Other -> lists:reverse(Acc, [Other | Ps])
            end;
        _ ->
            expand_one(Key, Norm, Expansion, Ps, [P | Acc])
    end;
expand_one(_Key, _Norm, _Expansion, [], Acc) ->
    lists:reverse(Acc).

splice([L | Ps], Acc) when is_list(L) -> splice(Ps, lists:reverse(L, Acc));
splice([P | Ps], Acc) -> splice(Ps, [P | Acc]);
splice([], Acc) -> lists:reverse(Acc).

%% @doc Applies `Stages' in order (`{aliases, A}' with
%% `substitute_aliases/2', `{negations, N}' with
%% `substitute_negations/2', `{expand, E}' with `expand/2'), then
%% `compact/1'.
-spec normalize(List, Stages) -> List when
      List :: [term()],
      Stages :: [Operation],
      Operation :: {aliases, Aliases} | {negations, Negations}
                 | {expand, Expansions},
      Aliases :: [{Key, Key}],
      Negations :: [{Key, Key}],
      Expansions :: [{Property, [term()]}],
      Property :: property(),
      Key :: term().
normalize(List, Stages) ->
    compact(apply_stages(List, Stages)).

apply_stages(List, [{aliases, Aliases} | Stages]) ->
    apply_stages(substitute_aliases(Aliases, List), Stages);
apply_stages(List, [{expand, Expansions} | Stages]) ->
    apply_stages(expand(Expansions, List), Stages);
apply_stages(List, [{negations, Negations} | Stages]) ->
    apply_stages(substitute_negations(Negations, List), Stages);
apply_stages(List, []) ->
    List.

%%% ===================================================================
%%% Helpers
%%% ===================================================================

%% `true' if `P' is a tuple entry for `Key' (atoms are handled by the
%% callers' first clauses).
is_entry_for(Key, P) when tuple_size(P) >= 1 -> element(1, P) =:= Key;
is_entry_for(_Key, _P) -> false.

%% The key of an entry, or `error' for a term that is not an entry.
entry_key(P) when is_atom(P) -> {ok, P};
entry_key(P) when tuple_size(P) >= 1 -> {ok, element(1, P)};
entry_key(_) -> error.
