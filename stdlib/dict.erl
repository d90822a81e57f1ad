%% @doc Key-value dictionaries, compatible with OTP 25's `dict'.
%%
%% Keys are matched with `=:=' (`1' and `1.0' are different keys). OTP
%% implements a dict as a hash table record; ferl uses the record `#dict{}'
%% holding a map from keys to values instead. The API behaves alike
%% (including `badarg' from `fetch/2' and `update/3' on a missing key), but
%% the term differs from OTP's and `to_list/1', `fetch_keys/1' and
%% `fold/3' may visit the keys in another order. With a non-fun argument,
%% `map/2' and `filter/2' fail with `function_clause' where OTP sometimes
%% fails with `{badfun, F}' (depending on its hash table layout).
-module(dict).

%% Creation, conversion and inspection.
-export([new/0, from_list/1, to_list/1, size/1, is_empty/1, is_key/2,
         fetch/2, find/2, fetch_keys/1]).

%% Updating dictionaries.
-export([store/3, erase/2, take/2, append/3, append_list/3, update/3,
         update/4, update_counter/3]).

%% Functions that take fun arguments.
-export([fold/3, map/2, filter/2, merge/3]).

-export_type([dict/0, dict/2]).

-record(dict, {map = #{} :: map()}).

-type dict() :: dict(_, _).
-opaque dict(Key, Value) :: #dict{map :: #{Key => Value}}.

%%% ------------------------------------------------------------------
%%% Creation, conversion and inspection
%%% ------------------------------------------------------------------

%% @doc A new, empty dictionary.
-spec new() -> dict(none(), none()).
new() -> #dict{}.

%% @doc A dictionary of the pairs of `List'; for a key given more than
%% once, the last value wins.
-spec from_list(List) -> Dict when
      Dict :: dict(Key, Value),
      List :: [{Key, Value}].
from_list(L) -> #dict{map = from_list_1(L, #{})}.

from_list_1([{K, V} | T], M) -> from_list_1(T, M#{K => V});
from_list_1([], M) -> M.

%% @doc The pairs of `Dict'.
-spec to_list(Dict) -> List when
      Dict :: dict(Key, Value),
      List :: [{Key, Value}].
to_list(D) -> maps:to_list(m(D)).

%% @doc The number of pairs in `Dict'.
-spec size(Dict) -> non_neg_integer() when
      Dict :: dict().
size(#dict{map = M}) -> map_size(M).

%% @doc True if `Dict' has no pair.
-spec is_empty(Dict) -> boolean() when
      Dict :: dict().
is_empty(#dict{map = M}) -> map_size(M) =:= 0.

%% @doc True if `Key' has a value in `Dict'.
-spec is_key(Key, Dict) -> boolean() when
      Dict :: dict(Key, Value :: term()).
is_key(K, D) ->
    M = m(D),
    is_map_key(K, M).

%% @doc The value of `Key'; fails with `badarg' if there is none.
-spec fetch(Key, Dict) -> Value when
      Dict :: dict(Key, Value).
fetch(K, D) ->
    M = m(D),
    case M of
        #{K := V} -> V;
        #{} -> error(badarg, [K, D])
    end.

%% @doc `{ok, Value}' for `Key', or `error'.
-spec find(Key, Dict) -> {'ok', Value} | 'error' when
      Dict :: dict(Key, Value).
find(K, D) ->
    M = m(D),
   
    case M of
        #{K := V} -> {ok, V};
        #{} -> error
    end.

%% @doc The keys of `Dict'.
-spec fetch_keys(Dict) -> Keys when
      Dict :: dict(Key, Value :: term()),
      Keys :: [Key].
fetch_keys(D) ->
    M = m(D),
    maps:keys(M).

%%% ------------------------------------------------------------------
%%% Updating dictionaries
%%% ------------------------------------------------------------------

%% @doc `Dict1' with `Key' bound to `Value'.
-spec store(Key, Value, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
store(K, V, D) -> D#dict{map = (m(D))#{K => V}}.

%% @doc `Dict1' without `Key'.
-spec erase(Key, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
erase(K, D) -> D#dict{map = maps:remove(K, m(D))}.

%% @doc The value of `Key' and `Dict' without it, or `error'.
-spec take(Key, Dict) -> {Value, Dict1} | error when
      Dict :: dict(Key, Value),
      Dict1 :: dict(Key, Value),
      Key :: term(),
      Value :: term().
take(K, D) ->
    M = m(D),
    case maps:take(K, M) of
        {V, M1} -> {V, D#dict{map = M1}};
        error -> error
    end.

%% @doc `Dict1' with `Value' appended to the list value of `Key'.
-spec append(Key, Value, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
append(K, V, D) ->
    M = m(D),
    case M of
        #{K := Old} -> D#dict{map = M#{K := Old ++ [V]}};
        #{} -> D#dict{map = M#{K => [V]}}
    end.

%% @doc `Dict1' with the list `ValList' appended to the list value of
%% `Key'.
-spec append_list(Key, ValList, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      ValList :: [Value].
append_list(K, L, D) ->
    M = m(D),
    case M of
        #{K := Old} -> D#dict{map = M#{K := Old ++ L}};
        #{} -> D#dict{map = M#{K => L}}
    end.

%% @doc `Dict1' with the value of `Key' replaced by `Fun(Value)'; fails
%% with `badarg' if there is none.
-spec update(Key, Fun, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Fun :: fun((Value1 :: Value) -> Value2 :: Value).
update(K, F, D) ->
    M = m(D),
    case M of
        #{K := V} -> D#dict{map = M#{K := F(V)}};
        #{} -> error(badarg, [K, F, D])
    end.

%% @doc As `update/3', storing `Initial' when `Key' has no value.
-spec update(Key, Fun, Initial, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Fun :: fun((Value1 :: Value) -> Value2 :: Value),
      Initial :: Value.
update(K, F, Init, D) ->
    M = m(D),
    case M of
        #{K := V} -> D#dict{map = M#{K := F(V)}};
        #{} when is_function(F, 1) -> D#dict{map = M#{K => Init}};
        #{} -> error(function_clause)
    end.

%% @doc `Dict1' with `Increment' added to the value of `Key' (0 if none).
-spec update_counter(Key, Increment, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Increment :: number().
update_counter(K, Incr, D) when is_number(Incr) ->
    M = m(D),
    case M of
        #{K := V} -> D#dict{map = M#{K := V + Incr}};
        #{} -> D#dict{map = M#{K => Incr}}
    end.

%%% ------------------------------------------------------------------
%%% Functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc Folds `Fun(Key, Value, Acc)' over the pairs of `Dict'.
-spec fold(Fun, Acc0, Dict) -> Acc1 when
      Fun :: fun((Key, Value, AccIn) -> AccOut),
      Dict :: dict(Key, Value),
      Acc0 :: Acc,
      Acc1 :: Acc,
      AccIn :: Acc,
      AccOut :: Acc.
fold(F, Acc, D) ->
    M = m(D),
    is_function(F, 3) orelse error(function_clause),
   
    lists:foldl(fun({K, V}, A) -> F(K, V, A) end, Acc, maps:to_list(M)).

%% @doc `Dict1' with every value replaced by `Fun(Key, Value)'.
-spec map(Fun, Dict1) -> Dict2 when
      Fun :: fun((Key, Value1) -> Value2),
      Dict1 :: dict(Key, Value1),
      Dict2 :: dict(Key, Value2).
map(F, D) ->
    M = m(D),
    is_function(F, 2) orelse error(function_clause),
    D#dict{map = maps:from_list([{K, F(K, V)} || {K, V} <- maps:to_list(M)])}.

%% @doc The pairs of `Dict1' for which `Pred(Key, Value)' is true.
-spec filter(Pred, Dict1) -> Dict2 when
      Pred :: fun((Key, Value) -> boolean()),
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
filter(F, D) ->
    M = m(D),
    is_function(F, 2) orelse error(function_clause),
    D#dict{map = maps:from_list([P || {K, V} = P <- maps:to_list(M),
                                      case F(K, V) of
                                          true -> true;
                                          false -> false
                                      end])}.

%% @doc The union of two dictionaries; for a key in both, the value is
%% `Fun(Key, Value1, Value2)'.
-spec merge(Fun, Dict1, Dict2) -> Dict3 when
      Fun :: fun((Key, Value1, Value2) -> Value),
      Dict1 :: dict(Key, Value1),
      Dict2 :: dict(Key, Value2),
      Dict3 :: dict(Key, Value).
merge(F, D1, D2) ->
    case is_record(D1, dict) andalso is_record(D2, dict) andalso
        map_size(D1#dict.map) < map_size(D2#dict.map) of
        true ->
            M1 = m(D1),
            D2#dict{map = maps:fold(fun(K, V1, Acc) ->
                                            case Acc of
                                                #{K := V2} -> Acc#{K := F(K, V1, V2)};
                                                #{} -> Acc#{K => V1}
                                            end
                                    end, m(D2), M1)};
        false ->
            M2 = m(D2),
            case map_size(M2) of
                0 -> D1;
                _ ->
                    D1#dict{map = maps:fold(fun(K, V2, Acc) ->
                                                    case Acc of
                                                        #{K := V1} -> Acc#{K := F(K, V1, V2)};
                                                        #{} -> Acc#{K => V2}
                                                    end
                                            end, m(D1), M2)}
            end
    end.

%% The map of a dict; fails as a record access does.
m(#dict{map = M}) -> M;
m(D) -> error({badrecord, D}).
