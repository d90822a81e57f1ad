%% @doc Key-value dictionaries as ordered lists, compatible with OTP 25's
%% `orddict'.
%%
%% An orddict is a list of `{Key, Value}' pairs sorted by key, keys being
%% unique and compared with `==' (`1' and `1.0' are the same key). The
%% representation is part of the API. Functions that need an existing key
%% (`fetch/2', `update/3') fail with `function_clause' when it is missing,
%% as on OTP.
-module(orddict).

%% Building and inspecting dictionaries.
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1]).

%% Updating dictionaries.
-export([erase/2, take/2, store/3, append/3, append_list/3, update/3,
         update/4, update_counter/3]).

%% Functions that take fun arguments.
-export([fold/3, map/2, filter/2, merge/3]).

-export_type([orddict/0, orddict/2]).

-type orddict() :: orddict(term(), term()).
-type orddict(Key, Value) :: [{Key, Value}].

%% @doc A new, empty dictionary.
-spec new() -> [].
new() -> [].

%% @doc True if `Key' has a value in `Orddict'.
-spec is_key(Key, Orddict) -> boolean() when
      Key :: term(),
      Orddict :: orddict().
is_key(Key, [{K, _} | D]) when Key > K -> is_key(Key, D);
is_key(Key, [{K, _} | _]) when Key == K -> true;
is_key(_, [{_, _} | _]) -> false;
is_key(_, []) -> false.

%% @doc The pairs of `Orddict'.
-spec to_list(Orddict) -> List when
      Orddict :: orddict(Key, Value),
      List :: [{Key, Value}].
to_list(D) -> D.

%% @doc A dictionary of the pairs of `List'; for a key given more than
%% once, the last value wins.
-spec from_list(List) -> Orddict when
      List :: [{Key, Value}],
      Orddict :: orddict(Key, Value).
from_list([]) -> [];
from_list([{_, _}] = Pair) -> Pair;
from_list(Pairs) -> lists:ukeysort(1, reverse_pairs(Pairs, [])).

reverse_pairs([{_, _} = P | T], Acc) -> reverse_pairs(T, [P | Acc]);
reverse_pairs([], Acc) -> Acc.

%% @doc The number of pairs in `Orddict'.
-spec size(Orddict) -> non_neg_integer() when
      Orddict :: orddict().
size(D) -> length(D).

%% @doc True if `Orddict' has no pair.
-spec is_empty(Orddict) -> boolean() when
      Orddict :: orddict().
is_empty([]) -> true;
is_empty([_ | _]) -> false.

%% @doc The value of `Key' in `Orddict'; fails if there is none.
-spec fetch(Key, Orddict) -> Value when
      Key :: Key,
      Value :: Value,
      Orddict :: orddict(Key, Value).
fetch(Key, [{K, _} | D]) when Key > K -> fetch(Key, D);
fetch(Key, [{K, Value} | _]) when Key == K -> Value.

%% @doc `{ok, Value}' for `Key' in `Orddict', or `error'.
-spec find(Key, Orddict) -> {ok, Value} | error when
      Key :: Key,
      Orddict :: orddict(Key, Value).
find(Key, [{K, _} | D]) when Key > K -> find(Key, D);
find(Key, [{K, Value} | _]) when Key == K -> {ok, Value};
find(_, [{_, _} | _]) -> error;
find(_, []) -> error.

%% @doc The keys of `Orddict', in order.
-spec fetch_keys(Orddict) -> Keys when
      Orddict :: orddict(Key, _),
      Keys :: [Key].
fetch_keys([{Key, _} | D]) -> [Key | fetch_keys(D)];
fetch_keys([]) -> [].

%% @doc `Orddict' without `Key'.
-spec erase(Key, Orddict1) -> Orddict2 when
      Key :: Key,
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
erase(Key, [{K, _} = E | D]) when Key > K -> [E | erase(Key, D)];
erase(Key, [{K, _} | D]) when Key == K -> D;
erase(_, [{_, _} | _] = D) -> D;
erase(_, []) -> [].

%% @doc The value of `Key' and `Orddict' without it, or `error'.
-spec take(Key, Orddict) -> {Value, Orddict1} | error when
      Orddict :: orddict(Key, Value),
      Orddict1 :: orddict(Key, Value),
      Key :: term(),
      Value :: term().
take(Key, D) -> take_1(Key, D, []).

take_1(Key, [{K, _} = P | D], Acc) when Key > K -> take_1(Key, D, [P | Acc]);
take_1(Key, [{K, Value} | D], Acc) when Key == K ->
    {Value, lists:reverse(Acc, D)};
take_1(_, [{_, _} | _], _) -> error;
take_1(_, [], _) -> error.

%% @doc `Orddict' with `Key' bound to `Value'.
-spec store(Key, Value, Orddict1) -> Orddict2 when
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
store(Key, New, [{K, _} = E | D]) when Key > K -> [E | store(Key, New, D)];
store(Key, New, [{K, _} | _] = D) when Key < K -> [{Key, New} | D];
store(Key, New, [{_, _} | D]) -> [{Key, New} | D];
store(Key, New, []) -> [{Key, New}].

%% @doc `Orddict' with `Value' appended to the list value of `Key'.
-spec append(Key, Value, Orddict1) -> Orddict2 when
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
append(Key, New, [{K, _} = E | D]) when Key > K -> [E | append(Key, New, D)];
append(Key, New, [{K, _} | _] = D) when Key < K -> [{Key, [New]} | D];
append(Key, New, [{_, Old} | D]) -> [{Key, Old ++ [New]} | D];
append(Key, New, []) -> [{Key, [New]}].

%% @doc `Orddict' with the list `ValList' appended to the list value of
%% `Key'.
-spec append_list(Key, ValList, Orddict1) -> Orddict2 when
      ValList :: [Value],
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
append_list(Key, NewList, [{K, _} = E | D]) when Key > K ->
    [E | append_list(Key, NewList, D)];
append_list(Key, NewList, [{K, _} | _] = D) when Key < K ->
    [{Key, NewList} | D];
append_list(Key, NewList, [{_, Old} | D]) -> [{Key, Old ++ NewList} | D];
append_list(Key, NewList, []) -> [{Key, NewList}].

%% @doc `Orddict' with the value of `Key' replaced by `Fun(Value)'; fails if
%% `Key' has no value.
-spec update(Key, Fun, Orddict1) -> Orddict2 when
      Key :: Key,
      Fun :: fun((Value1 :: Value) -> Value2 :: Value),
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
update(Key, Fun, [{K, _} = E | D]) when Key > K -> [E | update(Key, Fun, D)];
update(Key, Fun, [{K, Val} | D]) when Key == K -> [{Key, Fun(Val)} | D].

%% @doc As `update/3', storing `Initial' when `Key' has no value.
-spec update(Key, Fun, Initial, Orddict1) -> Orddict2 when
      Key :: Key,
      Initial :: Value,
      Fun :: fun((Value1 :: Value) -> Value2 :: Value),
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
update(Key, Fun, Init, [{K, _} = E | D]) when Key > K ->
    [E | update(Key, Fun, Init, D)];
update(Key, _, Init, [{K, _} | _] = D) when Key < K -> [{Key, Init} | D];
update(Key, Fun, _, [{_, Val} | D]) -> [{Key, Fun(Val)} | D];
update(Key, _, Init, []) -> [{Key, Init}].

%% @doc `Orddict' with `Increment' added to the value of `Key' (0 if none).
-spec update_counter(Key, Increment, Orddict1) -> Orddict2 when
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value),
      Increment :: number().
update_counter(Key, Incr, [{K, _} = E | D]) when Key > K ->
    [E | update_counter(Key, Incr, D)];
update_counter(Key, Incr, [{K, _} | _] = D) when Key < K -> [{Key, Incr} | D];
update_counter(Key, Incr, [{_, Val} | D]) -> [{Key, Val + Incr} | D];
update_counter(Key, Incr, []) -> [{Key, Incr}].

%% @doc Folds `Fun(Key, Value, Acc)' over `Orddict' in key order.
-spec fold(Fun, Acc0, Orddict) -> Acc1 when
      Fun :: fun((Key, Value, AccIn) -> AccOut),
      Orddict :: orddict(Key, Value),
      Acc0 :: Acc,
      Acc1 :: Acc,
      AccIn :: Acc,
      AccOut :: Acc.
fold(F, Acc, [{Key, Val} | D]) -> fold(F, F(Key, Val, Acc), D);
fold(F, Acc, []) when is_function(F, 3) -> Acc.

%% @doc `Orddict' with every value replaced by `Fun(Key, Value)'.
-spec map(Fun, Orddict1) -> Orddict2 when
      Fun :: fun((Key, Value1) -> Value2),
      Orddict1 :: orddict(Key, Value1),
      Orddict2 :: orddict(Key, Value2).
map(F, [{Key, Val} | D]) -> [{Key, F(Key, Val)} | map(F, D)];
map(F, []) when is_function(F, 2) -> [].

%% @doc The pairs of `Orddict' for which `Pred(Key, Value)' is true.
-spec filter(Pred, Orddict1) -> Orddict2 when
      Pred :: fun((Key, Value) -> boolean()),
      Orddict1 :: orddict(Key, Value),
      Orddict2 :: orddict(Key, Value).
filter(F, [{Key, Val} = E | D]) ->
    case F(Key, Val) of
        true -> [E | filter(F, D)];
        false -> filter(F, D)
    end;
filter(F, []) when is_function(F, 2) -> [].

%% @doc The union of two dictionaries; for a key in both, the value is
%% `Fun(Key, Value1, Value2)'.
-spec merge(Fun, Orddict1, Orddict2) -> Orddict3 when
      Fun :: fun((Key, Value1, Value2) -> Value),
      Orddict1 :: orddict(Key, Value1),
      Orddict2 :: orddict(Key, Value2),
      Orddict3 :: orddict(Key, Value).
merge(F, [{K1, _} = E1 | D1], [{K2, _} | _] = D2) when K1 < K2 ->
    [E1 | merge(F, D1, D2)];
merge(F, [{K1, _} | _] = D1, [{K2, _} = E2 | D2]) when K1 > K2 ->
    [E2 | merge(F, D1, D2)];
merge(F, [{K1, V1} | D1], [{_, V2} | D2]) -> [{K1, F(K1, V1, V2)} | merge(F, D1, D2)];
merge(F, [], D2) when is_function(F, 3) -> D2;
merge(F, D1, []) when is_function(F, 3) -> D1.
