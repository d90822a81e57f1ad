%% @doc Functional, extendible arrays, compatible with OTP 25's `array'.
%%
%% An array has a size, a default value (`undefined' unless given) and is
%% either fixed (indexing beyond its size fails with `badarg') or
%% extendible (setting an element beyond its size grows it). Indices start
%% at 0. Elements never set read as the default; the "sparse" functions
%% skip every element equal (`=:=') to the default, whether set or not.
%%
%% Representation: the record `#array{}' with the same name and number of
%% fields as OTP's, so `is_array/1' accepts the same terms; but where OTP
%% keeps the elements in a tree of tuples, ferl keeps a map from index to
%% value holding only the elements set to a value other than the default.
%% The terms therefore differ from OTP's (compare arrays with
%% `to_orddict/1', not `=:='). `max' is 0 for a fixed array.
%%
%% Errors are `badarg' as on OTP (`{badarg, Rest}' from `from_orddict/1,2'
%% for an unsorted or malformed list).
-module(array).

%% Creation.
-export([new/0, new/1, new/2, from_list/1, from_list/2, from_orddict/1,
         from_orddict/2]).

%% Inspection and access.
-export([is_array/1, size/1, sparse_size/1, default/1, is_fix/1, get/2,
         set/3, reset/2]).

%% Fixing and resizing.
-export([fix/1, relax/1, resize/1, resize/2]).

%% Conversion.
-export([to_list/1, sparse_to_list/1, to_orddict/1, sparse_to_orddict/1]).

%% Functions that take fun arguments.
-export([map/2, sparse_map/2, foldl/3, foldr/3, sparse_foldl/3,
         sparse_foldr/3]).

-export_type([array/0, array/1, array_indx/0]).

-record(array, {size = 0 :: non_neg_integer(),   % number of elements
                max = 10 :: non_neg_integer(),   % 0 when fixed
                default,                         % value of unset elements
                elements = #{} :: map()}).       % index => non-default value

-type array() :: array(term()).
-opaque array(Type) :: #array{default :: Type, elements :: #{non_neg_integer() => Type}}.
-type array_indx() :: non_neg_integer().
-type array_opt() :: {'fixed', boolean()} | 'fixed'
                   | {'default', Type :: term()}
                   | {'size', N :: non_neg_integer()}
                   | (N :: non_neg_integer()).
-type array_opts() :: array_opt() | [array_opt()].
-type indx_pair(Type) :: {Index :: array_indx(), Type}.
-type indx_pairs(Type) :: [indx_pair(Type)].

-define(EXTENDIBLE_MAX, 10).

%%% ------------------------------------------------------------------
%%% Creation
%%% ------------------------------------------------------------------

%% @doc A new, empty, extendible array with default `undefined'.
-spec new() -> array().
new() -> new([]).

%% @doc A new array with options: `N' or `{size, N}' (and fixed),
%% `fixed' or `{fixed, Bool}', `{default, Value}'.
-spec new(Options :: array_opts()) -> array().
new(Options) -> new_0(Options, 0, false).

%% @doc As `new/1', with size `Size' (and fixed unless `{fixed, false}').
-spec new(Size :: non_neg_integer(), Options :: array_opts()) -> array().
new(Size, Options) when is_integer(Size), Size >= 0 ->
    new_0(Options, Size, true);
new(_, _) -> error(badarg).

new_0(Options, Size, Fixed) when is_list(Options) ->
    new_1(Options, Size, Fixed, undefined);
new_0(Option, Size, Fixed) -> new_1([Option], Size, Fixed, undefined).

new_1([fixed | Os], Size, _, Default) -> new_1(Os, Size, true, Default);
new_1([{fixed, F} | Os], Size, _, Default) when is_boolean(F) ->
    new_1(Os, Size, F, Default);
new_1([{default, D} | Os], Size, Fixed, _) -> new_1(Os, Size, Fixed, D);
new_1([{size, N} | Os], _, _, Default) when is_integer(N), N >= 0 ->
    new_1(Os, N, true, Default);
new_1([N | Os], _, _, Default) when is_integer(N), N >= 0 ->
    new_1(Os, N, true, Default);
new_1([], Size, Fixed, Default) ->
    #array{size = Size, max = max_of(Fixed), default = Default};
new_1(_, _, _, _) -> error(badarg).

max_of(true) -> 0;
max_of(false) -> ?EXTENDIBLE_MAX.

%% @doc An extendible array of the elements of `List'.
-spec from_list(List :: list()) -> array().
from_list(List) -> from_list(List, undefined).

%% @doc An extendible array of the elements of `List', with default
%% `Default'.
-spec from_list(List :: list(), Default :: term()) -> array().
from_list(List, Default) when is_list(List) ->
    {Size, Elements} = from_list_1(List, Default, 0, #{}),
    #array{size = Size, default = Default, elements = Elements};
from_list(_, _) -> error(badarg).

from_list_1([X | Xs], D, I, M) when X =:= D -> from_list_1(Xs, D, I + 1, M);
from_list_1([X | Xs], D, I, M) -> from_list_1(Xs, D, I + 1, M#{I => X});
from_list_1([], _, I, M) -> {I, M};
from_list_1(_, _, _, _) -> error(badarg).

%% @doc An extendible array of the `{Index, Value}' pairs of an ordered
%% list (strictly increasing indices).
-spec from_orddict(Orddict :: indx_pairs(Value :: term())) -> array().
from_orddict(Orddict) -> from_orddict(Orddict, undefined).

%% @doc As `from_orddict/1', with default `Default'.
-spec from_orddict(Orddict :: indx_pairs(Value :: term()), Default :: term()) ->
          array().
from_orddict(Orddict, Default) when is_list(Orddict) ->
    {Size, Elements} = from_orddict_1(Orddict, Default, -1, #{}),
    #array{size = Size, default = Default, elements = Elements};
from_orddict(_, _) -> error(badarg).

from_orddict_1([{I, X} | T], D, Last, M) when is_integer(I), I > Last ->
    M1 = case X =:= D of
             true -> M;
             false -> M#{I => X}
         end,
    from_orddict_1(T, D, I, M1);
from_orddict_1([], _, Last, M) -> {Last + 1, M};
from_orddict_1(L, _, _, _) -> error({badarg, L}).

%%% ------------------------------------------------------------------
%%% Inspection and access
%%% ------------------------------------------------------------------

%% @doc True if `X' is an array.
-spec is_array(X :: term()) -> boolean().
is_array(#array{size = Size, max = Max}) when is_integer(Size), is_integer(Max) ->
    true;
is_array(_) -> false.

%% @doc The number of elements of `Array'.
-spec size(Array :: array()) -> non_neg_integer().
size(#array{size = N}) -> N;
size(_) -> error(badarg).

%% @doc The index of the last element not equal to the default, plus one.
-spec sparse_size(Array :: array()) -> non_neg_integer().
sparse_size(#array{elements = M}) ->
    case maps:keys(M) of
        [] -> 0;
        Keys -> lists:max(Keys) + 1
    end;
sparse_size(_) -> error(badarg).

%% @doc The default value of `Array'.
-spec default(Array :: array(Type)) -> Value :: Type.
default(#array{default = D}) -> D;
default(_) -> error(badarg).

%% @doc True if `Array' is fixed.
-spec is_fix(Array :: array()) -> boolean().
is_fix(#array{max = 0}) -> true;
is_fix(#array{}) -> false.

%% @doc The element at index `I'; the default beyond the size of an
%% extendible array.
-spec get(I :: array_indx(), Array :: array(Type)) -> Value :: Type.
get(I, #array{size = N, max = Max, default = D, elements = M})
  when is_integer(I), I >= 0 ->
    if I < N -> maps:get(I, M, D);
       Max > 0 -> D;
       true -> error(badarg)
    end;
get(_, _) -> error(badarg).

%% @doc `Array' with the element at index `I' set to `Value' (growing an
%% extendible array as needed).
-spec set(I :: array_indx(), Value :: Type, Array :: array(Type)) -> array(Type).
set(I, Value, #array{size = N, max = Max, default = D, elements = M} = A)
  when is_integer(I), I >= 0 ->
    if I < N -> A#array{elements = store(I, Value, D, M)};
       Max > 0 -> A#array{size = I + 1, elements = store(I, Value, D, M)};
       true -> error(badarg)
    end;
set(_, _, _) -> error(badarg).

store(I, Value, D, M) when Value =:= D -> maps:remove(I, M);
store(I, Value, _, M) -> M#{I => Value}.

%% @doc `Array' with the element at index `I' set back to the default.
-spec reset(I :: array_indx(), Array :: array(Type)) -> array(Type).
reset(I, #array{size = N, max = Max, elements = M} = A)
  when is_integer(I), I >= 0 ->
    if I < N -> A#array{elements = maps:remove(I, M)};
       Max > 0 -> A;
       true -> error(badarg)
    end;
reset(_, _) -> error(badarg).

%%% ------------------------------------------------------------------
%%% Fixing and resizing
%%% ------------------------------------------------------------------

%% @doc `Array' made fixed.
-spec fix(Array :: array(Type)) -> array(Type).
fix(#array{} = A) -> A#array{max = 0}.

%% @doc `Array' made extendible.
-spec relax(Array :: array(Type)) -> array(Type).
relax(#array{} = A) -> A#array{max = ?EXTENDIBLE_MAX}.

%% @doc `Array' resized to its sparse size.
-spec resize(Array :: array(Type)) -> array(Type).
resize(Array) -> resize(sparse_size(Array), Array).

%% @doc `Array' resized to `Size' elements (elements beyond are dropped).
-spec resize(Size :: non_neg_integer(), Array :: array(Type)) -> array(Type).
resize(Size, #array{elements = M} = A) when is_integer(Size), Size >= 0 ->
    A#array{size = Size,
            elements = maps:filter(fun(I, _) -> I < Size end, M)};
resize(_, _) -> error(badarg).

%%% ------------------------------------------------------------------
%%% Conversion
%%% ------------------------------------------------------------------

%% @doc The elements of `Array' as a list.
-spec to_list(Array :: array(Type)) -> list(Value :: Type).
to_list(#array{size = N, default = D, elements = M}) ->
    [maps:get(I, M, D) || I <- lists:seq(0, N - 1)];
to_list(_) -> error(badarg).

%% @doc The elements of `Array' not equal to the default, as a list.
-spec sparse_to_list(Array :: array(Type)) -> list(Value :: Type).
sparse_to_list(#array{} = A) -> [V || {_, V} <- sparse_to_orddict(A)];
sparse_to_list(_) -> error(badarg).

%% @doc The `{Index, Value}' pairs of `Array'.
-spec to_orddict(Array :: array(Type)) -> indx_pairs(Value :: Type).
to_orddict(#array{size = N, default = D, elements = M}) ->
    [{I, maps:get(I, M, D)} || I <- lists:seq(0, N - 1)];
to_orddict(_) -> error(badarg).

%% @doc The `{Index, Value}' pairs of the elements of `Array' not equal to
%% the default.
-spec sparse_to_orddict(Array :: array(Type)) -> indx_pairs(Value :: Type).
sparse_to_orddict(#array{elements = M}) -> lists:sort(maps:to_list(M));
sparse_to_orddict(_) -> error(badarg).

%%% ------------------------------------------------------------------
%%% Functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc `Array' with each element replaced by `Function(Index, Value)'.
-spec map(Function, Array :: array(Type1)) -> array(Type2) when
      Function :: fun((Index :: array_indx(), Type1) -> Type2).
map(F, #array{size = N, default = D, elements = M} = A) when is_function(F, 2) ->
    A#array{elements = map_1(F, 0, N, D, M, #{})};
map(_, _) -> error(badarg).

map_1(_, I, N, _, _, Acc) when I >= N -> Acc;
map_1(F, I, N, D, M, Acc) ->
    map_1(F, I + 1, N, D, M, store(I, F(I, maps:get(I, M, D)), D, Acc)).

%% @doc As `map/2', on the elements not equal to the default only.
-spec sparse_map(Function, Array :: array(Type1)) -> array(Type2) when
      Function :: fun((Index :: array_indx(), Type1) -> Type2).
sparse_map(F, #array{default = D, elements = M} = A) when is_function(F, 2) ->
    A#array{elements = lists:foldl(fun({I, V}, Acc) -> store(I, F(I, V), D, Acc) end,
                                   #{}, lists:sort(maps:to_list(M)))};
sparse_map(_, _) -> error(badarg).

%% @doc Folds `Function(Index, Value, Acc)' over `Array' from index 0.
-spec foldl(Function, InitialAcc :: A, Array :: array(Type)) -> B when
      Function :: fun((Index :: array_indx(), Value :: Type, Acc :: A) -> B).
foldl(F, Acc, #array{} = A) when is_function(F, 3) ->
    lists:foldl(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, to_orddict(A));
foldl(_, _, _) -> error(badarg).

%% @doc Folds `Function(Index, Value, Acc)' over `Array' from the last
%% index.
-spec foldr(Function, InitialAcc :: A, Array :: array(Type)) -> B when
      Function :: fun((Index :: array_indx(), Value :: Type, Acc :: A) -> B).
foldr(F, Acc, #array{} = A) when is_function(F, 3) ->
    lists:foldr(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, to_orddict(A));
foldr(_, _, _) -> error(badarg).

%% @doc As `foldl/3', on the elements not equal to the default only.
-spec sparse_foldl(Function, InitialAcc :: A, Array :: array(Type)) -> B when
      Function :: fun((Index :: array_indx(), Value :: Type, Acc :: A) -> B).
sparse_foldl(F, Acc, #array{} = A) when is_function(F, 3) ->
    lists:foldl(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, sparse_to_orddict(A));
sparse_foldl(_, _, _) -> error(badarg).

%% @doc As `foldr/3', on the elements not equal to the default only.
-spec sparse_foldr(Function, InitialAcc :: A, Array :: array(Type)) -> B when
      Function :: fun((Index :: array_indx(), Value :: Type, Acc :: A) -> B).
sparse_foldr(F, Acc, #array{} = A) when is_function(F, 3) ->
    lists:foldr(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, sparse_to_orddict(A));
sparse_foldr(_, _, _) -> error(badarg).
