%% @doc Key-value dictionaries, compatible with OTP 25's `dict'.
%%
%% Keys are matched with `=:=' (`1' and `1.0' are different keys). A dict
%% is a linear hash table, the same record as OTP's (`{dict, Size, N, MaxN,
%% BSize, ExpSize, ConSize, Empty, Segs}') with the same layout, so dicts
%% built by the same operations are equal to OTP's and `to_list/1',
%% `fetch_keys/1' and `fold/3' visit the keys in the same order:
%% <ul>
%% <li>a key's slot is `erlang:phash(Key, MaxN)', folded back into the
%%     first `N' slots (this needs the runtime's `erlang:phash/2' to give
%%     OTP's values; without it, `erlang:phash2/2' is used: same behaviour,
%%     other layout and order);</li>
%% <li>a bucket holds `[Key | Value]' cells, new keys at its end; values
%%     are replaced in place;</li>
%% <li>segments hold 16 slots; the table grows by one slot (splitting a
%%     bucket, order kept) when the size exceeds 5 per slot, and shrinks by
%%     one slot (appending the last bucket to its partner) when it falls
%%     below 3 per slot, never below 16 slots; `filter/2' shrinks by one
%%     slot at most;</li>
%% <li>folds visit the slots from the last to the first, each bucket from
%%     its head.</li>
%% </ul>
%% `fetch/2' and `update/3' fail with `badarg' on a missing key; a non-dict
%% argument fails with `{badrecord, Term}' (`function_clause' for `size/1'
%% and `is_empty/1'), as on OTP.
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

%% OTP's layout depends on the old hash function.
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

-define(SEG_SIZE, 16).
-define(EXPAND_LOAD, 5).
-define(CONTRACT_LOAD, 3).

-record(dict, {size = 0 :: non_neg_integer(),          % number of keys
               n = ?SEG_SIZE :: non_neg_integer(),     % number of active slots
               maxn = ?SEG_SIZE :: non_neg_integer(),  % slots the hash spans
               bso = ?SEG_SIZE div 2 :: non_neg_integer(), % maxn / 2
               exp_size = ?SEG_SIZE * ?EXPAND_LOAD :: non_neg_integer(),
               con_size = ?SEG_SIZE * ?CONTRACT_LOAD :: non_neg_integer(),
               empty :: tuple(),                       % an empty segment
               segs :: tuple()}).                      % the segments

-type dict() :: dict(_, _).
-opaque dict(Key, Value) :: #dict{segs :: tuple(), empty :: {Key, Value} | tuple()}.

%%% ------------------------------------------------------------------
%%% Creation, conversion and inspection
%%% ------------------------------------------------------------------

%% @doc A new, empty dictionary.
-spec new() -> dict(none(), none()).
new() ->
    Empty = erlang:make_tuple(?SEG_SIZE, []),
    #dict{empty = Empty, segs = {Empty}}.

%% @doc A dictionary of the pairs of `List'; for a key given more than
%% once, the last value wins.
-spec from_list(List) -> Dict when
      Dict :: dict(Key, Value),
      List :: [{Key, Value}].
from_list(L) -> lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), L).

%% @doc The pairs of `Dict'.
-spec to_list(Dict) -> List when
      Dict :: dict(Key, Value),
      List :: [{Key, Value}].
to_list(D) -> fold(fun(K, V, L) -> [{K, V} | L] end, [], D).

%% @doc The number of pairs in `Dict'.
-spec size(Dict) -> non_neg_integer() when
      Dict :: dict().
size(#dict{size = N}) when is_integer(N), N >= 0 -> N.

%% @doc True if `Dict' has no pair.
-spec is_empty(Dict) -> boolean() when
      Dict :: dict().
is_empty(#dict{size = N}) -> N =:= 0.

%% @doc True if `Key' has a value in `Dict'.
-spec is_key(Key, Dict) -> boolean() when
      Dict :: dict(Key, Value :: term()).
is_key(K, D) -> find_cell(K, bucket_of(D, K)) =/= error.

%% @doc The value of `Key'; fails with `badarg' if there is none.
-spec fetch(Key, Dict) -> Value when
      Dict :: dict(Key, Value).
fetch(K, D) ->
    case find_cell(K, bucket_of(D, K)) of
        {ok, V} -> V;
        error -> error(badarg, [K, D])
    end.

%% @doc `{ok, Value}' for `Key', or `error'.
-spec find(Key, Dict) -> {'ok', Value} | 'error' when
      Dict :: dict(Key, Value).
find(K, D) -> find_cell(K, bucket_of(D, K)).

find_cell(K, [[K | V] | _]) -> {ok, V};
find_cell(K, [_ | Bucket]) -> find_cell(K, Bucket);
find_cell(_, []) -> error.

%% @doc The keys of `Dict'.
-spec fetch_keys(Dict) -> Keys when
      Dict :: dict(Key, Value :: term()),
      Keys :: [Key].
fetch_keys(D) -> fold(fun(K, _, L) -> [K | L] end, [], D).

%%% ------------------------------------------------------------------
%%% Updating dictionaries
%%% ------------------------------------------------------------------

%% @doc `Dict1' with `Key' bound to `Value'.
-spec store(Key, Value, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
store(K, V, D) -> update_cell(K, fun(_) -> V end, fun() -> V end, D).

%% @doc `Dict1' with `Value' appended to the list value of `Key'.
-spec append(Key, Value, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
append(K, V, D) ->
    update_cell(K, fun(Old) -> Old ++ [V] end, fun() -> [V] end, D).

%% @doc `Dict1' with the list `ValList' appended to the list value of
%% `Key'.
-spec append_list(Key, ValList, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      ValList :: [Value].
append_list(K, L, D) ->
    update_cell(K, fun(Old) -> Old ++ L end, fun() -> L end, D).

%% @doc `Dict1' with the value of `Key' replaced by `Fun(Value)'; fails
%% with `badarg' if there is none.
-spec update(Key, Fun, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Fun :: fun((Value1 :: Value) -> Value2 :: Value).
update(K, F, D) ->
    update_cell(K, F, fun() -> error(badarg, [K, F, D]) end, D).

%% @doc As `update/3', storing `Initial' when `Key' has no value.
-spec update(Key, Fun, Initial, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Fun :: fun((Value1 :: Value) -> Value2 :: Value),
      Initial :: Value.
update(K, F, Init, D) ->
    update_cell(K, F, fun() when is_function(F, 1) -> Init;
                         () -> error(function_clause)
                      end, D).

%% @doc `Dict1' with `Increment' added to the value of `Key' (0 if none).
-spec update_counter(Key, Increment, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value),
      Increment :: number().
update_counter(K, Incr, D) when is_number(Incr) ->
    update_cell(K, fun(V) -> V + Incr end, fun() -> Incr end, D).

%% Replaces the value of K by Update(Old) in place, or appends K with
%% New() at the end of its bucket (the dict may then grow).
update_cell(K, Update, New, D0) ->
    D = check(D0),
    Slot = get_slot(D, K),
    case update_bucket(K, Update, seg_get(D#dict.segs, Slot)) of
        {found, Bucket} -> put_bucket(D, Slot, Bucket);
        {not_found, Bucket} ->
            maybe_expand(put_bucket(D#dict{size = D#dict.size + 1}, Slot,
                                    Bucket ++ [[K | New()]]))
    end.

update_bucket(K, Update, Bucket) -> update_bucket(K, Update, Bucket, []).

update_bucket(K, Update, [[K | V] | T], Acc) ->
    {found, lists:reverse(Acc, [[K | Update(V)] | T])};
update_bucket(K, Update, [Cell | T], Acc) -> update_bucket(K, Update, T, [Cell | Acc]);
update_bucket(_, _, [], Acc) -> {not_found, lists:reverse(Acc)}.

%% @doc `Dict1' without `Key'.
-spec erase(Key, Dict1) -> Dict2 when
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
erase(K, D) ->
    case take(K, D) of
        {_, D1} -> D1;
        error -> D
    end.

%% @doc The value of `Key' and `Dict' without it, or `error'.
-spec take(Key, Dict) -> {Value, Dict1} | error when
      Dict :: dict(Key, Value),
      Dict1 :: dict(Key, Value),
      Key :: term(),
      Value :: term().
take(K, D0) ->
    D = check(D0),
    Slot = get_slot(D, K),
    case take_cell(K, seg_get(D#dict.segs, Slot), []) of
        {V, Bucket} ->
            {V, maybe_contract(put_bucket(D#dict{size = D#dict.size - 1},
                                          Slot, Bucket))};
        error -> error
    end.

take_cell(K, [[K | V] | T], Acc) -> {V, lists:reverse(Acc, T)};
take_cell(K, [Cell | T], Acc) -> take_cell(K, T, [Cell | Acc]);
take_cell(_, [], _) -> error.

%%% ------------------------------------------------------------------
%%% Functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc Folds `Fun(Key, Value, Acc)' over the pairs of `Dict' (slots from
%% the last, each bucket from its head).
-spec fold(Fun, Acc0, Dict) -> Acc1 when
      Fun :: fun((Key, Value, AccIn) -> AccOut),
      Dict :: dict(Key, Value),
      Acc0 :: Acc,
      Acc1 :: Acc,
      AccIn :: Acc,
      AccOut :: Acc.
fold(F, Acc, D0) ->
    D = check(D0),
    check_fun(F, 3, D, last),
    fold_slots(F, Acc, D#dict.segs, D#dict.n).

fold_slots(_, Acc, _, 0) -> Acc;
fold_slots(F, Acc, Segs, Slot) ->
    Acc1 = lists:foldl(fun([K | V], A) -> F(K, V, A) end, Acc,
                       seg_get(Segs, Slot)),
    fold_slots(F, Acc1, Segs, Slot - 1).

%% @doc `Dict1' with every value replaced by `Fun(Key, Value)'.
-spec map(Fun, Dict1) -> Dict2 when
      Fun :: fun((Key, Value1) -> Value2),
      Dict1 :: dict(Key, Value1),
      Dict2 :: dict(Key, Value2).
map(F, D0) ->
    D = check(D0),
    check_fun(F, 2, D, first),
    D#dict{segs = map_slots(F, D#dict.segs, D#dict.n)}.

map_slots(_, Segs, 0) -> Segs;
map_slots(F, Segs, Slot) ->
    Bucket = [[K | F(K, V)] || [K | V] <- seg_get(Segs, Slot)],
    map_slots(F, seg_put(Segs, Slot, Bucket), Slot - 1).

%% @doc The pairs of `Dict1' for which `Pred(Key, Value)' is true.
-spec filter(Pred, Dict1) -> Dict2 when
      Pred :: fun((Key, Value) -> boolean()),
      Dict1 :: dict(Key, Value),
      Dict2 :: dict(Key, Value).
filter(F, D0) ->
    D = check(D0),
    check_fun(F, 2, D, first),
    {Segs, Size} = filter_slots(F, D#dict.segs, D#dict.n, 0),
    %% As on OTP: a single contraction step, however small the result.
    maybe_contract(D#dict{segs = Segs, size = Size}).

filter_slots(_, Segs, 0, Size) -> {Segs, Size};
filter_slots(F, Segs, Slot, Size) ->
    Bucket = [Cell || [K | V] = Cell <- seg_get(Segs, Slot),
                      case F(K, V) of
                          true -> true;
                          false -> false
                      end],
    filter_slots(F, seg_put(Segs, Slot, Bucket), Slot - 1,
                 Size + length(Bucket)).

%% @doc The union of two dictionaries; for a key in both, the value is
%% `Fun(Key, Value1, Value2)'. The pairs of the smaller dictionary are
%% stored into the larger one.
-spec merge(Fun, Dict1, Dict2) -> Dict3 when
      Fun :: fun((Key, Value1, Value2) -> Value),
      Dict1 :: dict(Key, Value1),
      Dict2 :: dict(Key, Value2),
      Dict3 :: dict(Key, Value).
merge(F, D1, D2) ->
    case is_record(D1, dict) andalso is_record(D2, dict) andalso
        D1#dict.size < D2#dict.size of
        true ->
            fold(fun(K, V1, D) ->
                         update(K, fun(V2) -> F(K, V1, V2) end, V1, D)
                 end, D2, D1);
        false ->
            fold(fun(K, V2, D) ->
                         update(K, fun(V1) -> F(K, V1, V2) end, V2, D)
                 end, D1, D2)
    end.

%%% ------------------------------------------------------------------
%%% The hash table
%%% ------------------------------------------------------------------

%% A non-fun F fails as on OTP: with function_clause if the first bucket
%% OTP visits (the last slot of the last segment for fold/3, the first
%% slot for map/2 and filter/2) is empty, else with {badfun, F} when it is
%% called.
check_fun(F, Arity, _, _) when is_function(F, Arity) -> ok;
check_fun(_, _, #dict{segs = Segs}, Which) ->
    Slot = case Which of
               last -> tuple_size(Segs) * ?SEG_SIZE;
               first -> 1
           end,
    case seg_get(Segs, Slot) of
        [] -> error(function_clause);
        _ -> ok
    end.

%% The dict itself; fails as a record access does.
check(#dict{} = D) -> D;
check(D) -> error({badrecord, D}).

bucket_of(D0, K) ->
    D = check(D0),
    seg_get(D#dict.segs, get_slot(D, K)).

%% OTP's hash, erlang:phash/2 (1..Range), when the runtime has it;
%% otherwise erlang:phash2/2 + 1: the table then works the same, with
%% another layout and order than OTP's.
hash(Term, Range) ->
    case erlang:function_exported(erlang, phash, 2) of
        true -> erlang:phash(Term, Range);
        false -> erlang:phash2(Term, Range) + 1
    end.

%% The slot of a key: hashed over maxn slots, folded back into the first n.
get_slot(#dict{n = N, maxn = MaxN, bso = BSO}, K) ->
    H = hash(K, MaxN),
    if H > N -> H - BSO;
       true -> H
    end.

put_bucket(#dict{segs = Segs} = D, Slot, Bucket) ->
    D#dict{segs = seg_put(Segs, Slot, Bucket)}.

seg_get(Segs, Slot) ->
    I = Slot - 1,
    element(I rem ?SEG_SIZE + 1, element(I div ?SEG_SIZE + 1, Segs)).

seg_put(Segs, Slot, Bucket) ->
    I = Slot - 1,
    SegI = I div ?SEG_SIZE + 1,
    Seg = element(SegI, Segs),
    setelement(SegI, Segs, setelement(I rem ?SEG_SIZE + 1, Seg, Bucket)).

%% One more slot when the dict is too full: the bucket of slot n - bso is
%% split between itself and the new slot n (order kept).
maybe_expand(#dict{size = Size, exp_size = ExpSize} = D) when Size > ExpSize ->
    N = D#dict.n + 1,
    {MaxN, BSO, Segs} =
        if N > D#dict.maxn ->
                {2 * D#dict.maxn, 2 * D#dict.bso,
                 expand_segs(D#dict.segs, D#dict.empty)};
           true -> {D#dict.maxn, D#dict.bso, D#dict.segs}
        end,
    Slot1 = N - BSO,
    {Stay, Move} = lists:partition(fun([K | _]) -> hash(K, MaxN) =:= Slot1 end,
                                   seg_get(Segs, Slot1)),
    Segs1 = seg_put(seg_put(Segs, Slot1, Stay), N, Move),
    D#dict{n = N, maxn = MaxN, bso = BSO, segs = Segs1,
           exp_size = N * ?EXPAND_LOAD, con_size = N * ?CONTRACT_LOAD};
maybe_expand(D) -> D.

expand_segs(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++
                      lists:duplicate(tuple_size(Segs), Empty)).

%% One slot less when the dict is too empty: slot n is appended to the
%% bucket of slot n - bso.
maybe_contract(#dict{size = Size, con_size = ConSize, n = N} = D)
  when Size < ConSize, N > ?SEG_SIZE ->
    BSO = D#dict.bso,
    Slot1 = N - BSO,
    Segs0 = D#dict.segs,
    Bucket = seg_get(Segs0, Slot1) ++ seg_get(Segs0, N),
    Segs1 = seg_put(seg_put(Segs0, Slot1, Bucket), N, []),
    N1 = N - 1,
    D1 = if N1 =:= BSO ->
                 D#dict{maxn = D#dict.maxn div 2, bso = BSO div 2,
                        segs = contract_segs(Segs1)};
            true -> D#dict{segs = Segs1}
         end,
    D1#dict{n = N1, exp_size = N1 * ?EXPAND_LOAD,
            con_size = N1 * ?CONTRACT_LOAD};
maybe_contract(D) -> D.

contract_segs({Seg}) -> {Seg};
contract_segs(Segs) ->
    list_to_tuple(lists:sublist(tuple_to_list(Segs), tuple_size(Segs) div 2)).
