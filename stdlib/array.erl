%% @doc Functional, extendible arrays, compatible with OTP 25's `array'.
%%
%% An array has a size, a default value (`undefined' unless given) and is
%% either fixed (indexing beyond its size fails with `badarg') or
%% extendible (setting an element beyond its size grows it). Indices start
%% at 0. Elements never set read as the default; the "sparse" functions
%% skip every element equal (`=:=') to the default, whether set or not.
%%
%% Representation: the record `#array{size, max, default, elements}' as on
%% OTP, with the same contents, so arrays built by the same operations are
%% equal (`=:=') to OTP's and print the same. `max' is the capacity of the
%% tree for an extendible array and 0 for a fixed one. `elements' is a tree:
%% a leaf is a tuple of 10 elements, an inner node a tuple of 10 subtrees
%% followed by the capacity of each subtree, and a subtree never written to
%% is just its capacity (an integer). Writing beyond the capacity of an
%% extendible array adds a root level (capacity times 10). Shrinking with
%% `resize/2' only lowers the size: the tree (and `max') stay, so growing
%% again may show old values, as on OTP; `relax/1' recomputes `max' from the
%% size, as OTP does. (After such a shrink, OTP's `fix/1', `relax/1' and
%% growth can leave its tree inconsistent with `max'; ferl builds the same
%% trees but may then read them differently from OTP.)
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
                max = 10 :: non_neg_integer(),   % capacity; 0 when fixed
                default,                         % value of unset elements
                elements = 10 :: term()}).       % the tree (see above)

-type array() :: array(term()).
-opaque array(Type) :: #array{default :: Type}.
-type array_indx() :: non_neg_integer().
-type array_opt() :: {'fixed', boolean()} | 'fixed'
                   | {'default', Type :: term()}
                   | {'size', N :: non_neg_integer()}
                   | (N :: non_neg_integer()).
-type array_opts() :: array_opt() | [array_opt()].
-type indx_pair(Type) :: {Index :: array_indx(), Type}.
-type indx_pairs(Type) :: [indx_pair(Type)].

-define(LEAFSIZE, 10).
-define(NODESIZE, 10).

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
    M = find_max(Size - 1, ?LEAFSIZE),
    #array{size = Size, max = case Fixed of true -> 0; false -> M end,
           default = Default, elements = M};
new_1(_, _, _, _) -> error(badarg).

%% The capacity (a power of 10, at least 10) needed for index I.
find_max(I, M) when I >= M -> find_max(I, M * ?NODESIZE);
find_max(_, M) -> M.

%% @doc An extendible array of the elements of `List'.
-spec from_list(List :: list()) -> array().
from_list(List) -> from_list(List, undefined).

%% @doc An extendible array of the elements of `List', with default
%% `Default'.
-spec from_list(List :: list(), Default :: term()) -> array().
from_list(List, Default) when is_list(List) ->
    {Leaves, Size} = leaves(List, Default, [], 0),
    {Elements, Max} = build(Leaves, ?LEAFSIZE),
    #array{size = Size, max = Max, default = Default, elements = Elements};
from_list(_, _) -> error(badarg).

%% The leaves holding the elements of a list, the last one padded with the
%% default; and the number of elements.
leaves([], _, Acc, N) -> {lists:reverse(Acc), N};
leaves(L, D, Acc, N) ->
    {Leaf, Rest, K} = take_leaf(L, ?LEAFSIZE, []),
    Padded = Leaf ++ lists:duplicate(?LEAFSIZE - K, D),
    leaves(Rest, D, [list_to_tuple(Padded) | Acc], N + K).

take_leaf(Rest, 0, Acc) -> {lists:reverse(Acc), Rest, ?LEAFSIZE};
take_leaf([X | Xs], K, Acc) -> take_leaf(Xs, K - 1, [X | Acc]);
take_leaf([], K, Acc) -> {lists:reverse(Acc), [], ?LEAFSIZE - K};
take_leaf(_, _, _) -> error(badarg).

%% Builds the tree from subtrees of capacity S: {Tree, Capacity}.
build([], S) -> {S, S};
build([T], S) -> {T, S};
build(Ts, S) -> build(nodes(Ts, S, []), S * ?NODESIZE).

nodes([], _, Acc) -> lists:reverse(Acc);
nodes(Ts, S, Acc) ->
    {Children, Rest} = take_children(Ts, ?NODESIZE, []),
    Pad = lists:duplicate(?NODESIZE - length(Children), S),
    nodes(Rest, S, [list_to_tuple(Children ++ Pad ++ [S]) | Acc]).

take_children(Rest, 0, Acc) -> {lists:reverse(Acc), Rest};
take_children([T | Ts], K, Acc) -> take_children(Ts, K - 1, [T | Acc]);
take_children([], _, Acc) -> {lists:reverse(Acc), []}.

%% @doc An extendible array of the `{Index, Value}' pairs of an ordered
%% list (strictly increasing indices).
-spec from_orddict(Orddict :: indx_pairs(Value :: term())) -> array().
from_orddict(Orddict) -> from_orddict(Orddict, undefined).

%% @doc As `from_orddict/1', with default `Default'.
-spec from_orddict(Orddict :: indx_pairs(Value :: term()), Default :: term()) ->
          array().
from_orddict(Orddict, Default) when is_list(Orddict) ->
    check_orddict(Orddict, 0),
    case Orddict of
        [] -> from_list([], Default);
        _ ->
            {Last, _} = lists:last(Orddict),
            Size = Last + 1,
            Leaves = od_leaves(Orddict, 0, Default, []),
            {Elements, Max} = build_sparse(Leaves, ?LEAFSIZE),
            #array{size = Size, max = Max, default = Default, elements = Elements}
    end;
from_orddict(_, _) -> error(badarg).

check_orddict([{I, _} | T], Next) when is_integer(I), I >= Next ->
    check_orddict(T, I + 1);
check_orddict([], _) -> ok;
check_orddict(L, _) -> error({badarg, L}).

%% The leaves from index Base on: a leaf tuple where the orddict has
%% entries; for a leaf without any, the capacity (10), except (as on OTP)
%% a leaf of defaults when the next entry is at the following leaf's first
%% index and the previous leaf was not skipped.
od_leaves(L, Base, D, Acc) -> od_leaves(L, Base, D, false, Acc).

od_leaves([], _, _, _, Acc) -> lists:reverse(Acc);
od_leaves([{Next, _} | _] = L, Base, D, Skipped, Acc) ->
    {In, Rest} = lists:splitwith(fun({I, _}) -> I < Base + ?LEAFSIZE end, L),
    Leaf = case In of
               [] when Next > Base + ?LEAFSIZE; Skipped -> ?LEAFSIZE;
               _ -> list_to_tuple(fill(In, Base, Base + ?LEAFSIZE, D))
           end,
    od_leaves(Rest, Base + ?LEAFSIZE, D, is_integer(Leaf), [Leaf | Acc]).

fill(_, I, End, _) when I >= End -> [];
fill([{I, V} | T], I, End, D) -> [V | fill(T, I + 1, End, D)];
fill(L, I, End, D) -> [D | fill(L, I + 1, End, D)].

%% As build/2, a node whose children are all unwritten being unwritten.
build_sparse([T], S) -> {T, S};
build_sparse(Ts, S) -> build_sparse(sparse_nodes(Ts, S, []), S * ?NODESIZE).

sparse_nodes([], _, Acc) -> lists:reverse(Acc);
sparse_nodes(Ts, S, Acc) ->
    {Children, Rest} = take_children(Ts, ?NODESIZE, []),
    Node = case lists:all(fun is_integer/1, Children) of
               true -> S * ?NODESIZE;
               false ->
                   Pad = lists:duplicate(?NODESIZE - length(Children), S),
                   list_to_tuple(Children ++ Pad ++ [S])
           end,
    sparse_nodes(Rest, S, [Node | Acc]).

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
sparse_size(#array{} = A) ->
    case sparse_to_orddict(A) of
        [] -> 0;
        Pairs -> element(1, lists:last(Pairs)) + 1
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
get(I, #array{size = N, max = Max, default = D, elements = E})
  when is_integer(I), I >= 0 ->
    if I < N -> get_1(I, E, D);
       Max > 0 -> D;
       true -> error(badarg)
    end;
get(_, _) -> error(badarg).

get_1(_, E, D) when is_integer(E) -> D;
get_1(I, E, D) when tuple_size(E) > ?LEAFSIZE ->
    S = element(?NODESIZE + 1, E),
    get_1(I rem S, element(I div S + 1, E), D);
get_1(I, E, _) -> element(I + 1, E).

%% @doc `Array' with the element at index `I' set to `Value' (growing an
%% extendible array as needed).
-spec set(I :: array_indx(), Value :: Type, Array :: array(Type)) -> array(Type).
set(I, Value, #array{size = N, max = Max, default = D, elements = E} = A)
  when is_integer(I), I >= 0 ->
    if I < N -> A#array{elements = set_1(I, E, Value, D)};
       I < Max -> A#array{size = I + 1, elements = set_1(I, E, Value, D)};
       Max > 0 ->
           {E1, Max1} = grow(I, E, Max),
           A#array{size = I + 1, max = Max1, elements = set_1(I, E1, Value, D)};
       true -> error(badarg)
    end;
set(_, _, _) -> error(badarg).

set_1(I, E, V, D) when is_integer(E) -> set_1(I, expand(E, D), V, D);
set_1(I, E, V, D) when tuple_size(E) > ?LEAFSIZE ->
    S = element(?NODESIZE + 1, E),
    C = I div S + 1,
    setelement(C, E, set_1(I rem S, element(C, E), V, D));
set_1(I, E, V, _) -> setelement(I + 1, E, V).

%% An unwritten subtree of capacity E made into a leaf or a node.
expand(?LEAFSIZE, D) -> erlang:make_tuple(?LEAFSIZE, D);
expand(E, _) -> erlang:make_tuple(?NODESIZE + 1, E div ?NODESIZE).

%% Adds root levels until index I fits: {Tree, Capacity}.
grow(I, E, M) when I >= M ->
    E1 = case is_integer(E) of
             true -> M * ?NODESIZE;
             false -> setelement(1, erlang:make_tuple(?NODESIZE + 1, M), E)
         end,
    grow(I, E1, M * ?NODESIZE);
grow(_, E, M) -> {E, M}.

%% @doc `Array' with the element at index `I' set back to the default.
-spec reset(I :: array_indx(), Array :: array(Type)) -> array(Type).
reset(I, #array{size = N, max = Max, default = D, elements = E} = A)
  when is_integer(I), I >= 0 ->
    if I < N -> A#array{elements = reset_1(I, E, D)};
       Max > 0 -> A;
       true -> error(badarg)
    end;
reset(_, _) -> error(badarg).

reset_1(_, E, _) when is_integer(E) -> E;
reset_1(I, E, D) when tuple_size(E) > ?LEAFSIZE ->
    S = element(?NODESIZE + 1, E),
    C = I div S + 1,
    setelement(C, E, reset_1(I rem S, element(C, E), D));
reset_1(I, E, D) -> setelement(I + 1, E, D).

%%% ------------------------------------------------------------------
%%% Fixing and resizing
%%% ------------------------------------------------------------------

%% @doc `Array' made fixed.
-spec fix(Array :: array(Type)) -> array(Type).
fix(#array{} = A) -> A#array{max = 0}.

%% @doc `Array' made extendible.
-spec relax(Array :: array(Type)) -> array(Type).
relax(#array{size = N} = A) -> A#array{max = find_max(N - 1, ?LEAFSIZE)}.

%% @doc `Array' resized to its sparse size.
-spec resize(Array :: array(Type)) -> array(Type).
resize(Array) -> resize(sparse_size(Array), Array).

%% @doc `Array' resized to `Size' elements (elements beyond are dropped).
-spec resize(Size :: non_neg_integer(), Array :: array(Type)) -> array(Type).
resize(Size, #array{size = N, max = Max, elements = E} = A)
  when is_integer(Size), Size >= 0 ->
    if Size > N ->
            {E1, Max1} = grow(Size - 1, E, case Max > 0 of
                                               true -> Max;
                                               false -> find_max(N - 1, ?LEAFSIZE)
                                           end),
            A#array{size = Size, elements = E1,
                    max = case Max > 0 of true -> Max1; false -> Max end};
       true -> A#array{size = Size}
    end;
resize(_, _) -> error(badarg).

%%% ------------------------------------------------------------------
%%% Conversion
%%% ------------------------------------------------------------------

%% @doc The elements of `Array' as a list.
-spec to_list(Array :: array(Type)) -> list(Value :: Type).
to_list(#array{} = A) -> [V || {_, V} <- to_orddict(A)];
to_list(_) -> error(badarg).

%% @doc The elements of `Array' not equal to the default, as a list.
-spec sparse_to_list(Array :: array(Type)) -> list(Value :: Type).
sparse_to_list(#array{} = A) -> [V || {_, V} <- sparse_to_orddict(A)];
sparse_to_list(_) -> error(badarg).

%% @doc The `{Index, Value}' pairs of `Array'.
-spec to_orddict(Array :: array(Type)) -> indx_pairs(Value :: Type).
to_orddict(#array{size = N, default = D, elements = E}) ->
    pairs(E, 0, N, D, all);
to_orddict(_) -> error(badarg).

%% @doc The `{Index, Value}' pairs of the elements of `Array' not equal to
%% the default.
-spec sparse_to_orddict(Array :: array(Type)) -> indx_pairs(Value :: Type).
sparse_to_orddict(#array{size = N, default = D, elements = E}) ->
    pairs(E, 0, N, D, sparse);
sparse_to_orddict(_) -> error(badarg).

%% The pairs of the indices below N of a subtree starting at index Base.
pairs(_, Base, N, _, _) when Base >= N -> [];
pairs(E, Base, N, D, Mode) when is_integer(E) ->
    case Mode of
        all -> [{I, D} || I <- lists:seq(Base, min(Base + E, N) - 1)];
        sparse -> []
    end;
pairs(E, Base, N, D, Mode) when tuple_size(E) > ?LEAFSIZE ->
    S = element(?NODESIZE + 1, E),
    lists:append([pairs(element(C, E), Base + (C - 1) * S, N, D, Mode)
                  || C <- lists:seq(1, ?NODESIZE)]);
pairs(E, Base, N, D, Mode) ->
    [{Base + K - 1, V} || K <- lists:seq(1, min(?LEAFSIZE, N - Base)),
                          V <- [element(K, E)],
                          Mode =:= all orelse V =/= D].

%%% ------------------------------------------------------------------
%%% Functions that take fun arguments
%%% ------------------------------------------------------------------

%% @doc `Array' with each element replaced by `Function(Index, Value)'.
-spec map(Function, Array :: array(Type1)) -> array(Type2) when
      Function :: fun((Index :: array_indx(), Type1) -> Type2).
map(F, #array{size = N, default = D, elements = E} = A) when is_function(F, 2) ->
    A#array{elements = map_tree(E, 0, N, D, F, all)};
map(_, _) -> error(badarg).

%% @doc As `map/2', on the elements not equal to the default only.
-spec sparse_map(Function, Array :: array(Type1)) -> array(Type2) when
      Function :: fun((Index :: array_indx(), Type1) -> Type2).
sparse_map(F, #array{size = N, default = D, elements = E} = A) when is_function(F, 2) ->
    A#array{elements = map_tree(E, 0, N, D, F, sparse)};
sparse_map(_, _) -> error(badarg).

%% Maps a subtree starting at index Base: indices below N get F(I, V)
%% (sparse: only values other than the default). As on OTP, subtrees that
%% start at or beyond N are left as they are, and in the leaf that holds
%% index N - 1 the positions beyond it get the default (map) or are mapped
%% too (sparse_map).
map_tree(E, Base, N, _, _, _) when Base >= N -> E;
map_tree(E, _, _, _, _, sparse) when is_integer(E) -> E;
map_tree(E, Base, N, D, F, all) when is_integer(E) ->
    map_tree(expand(E, D), Base, N, D, F, all);
map_tree(E, Base, N, D, F, Mode) when tuple_size(E) > ?LEAFSIZE ->
    S = element(?NODESIZE + 1, E),
    list_to_tuple([map_tree(element(C, E), Base + (C - 1) * S, N, D, F, Mode)
                   || C <- lists:seq(1, ?NODESIZE)] ++ [S]);
map_tree(E, Base, N, D, F, Mode) ->
    list_to_tuple([map_value(element(K, E), Base + K - 1, N, D, F, Mode)
                   || K <- lists:seq(1, ?LEAFSIZE)]).

map_value(_, I, N, D, _, all) when I >= N -> D;
map_value(V, _, _, D, _, sparse) when V =:= D -> V;
map_value(V, I, _, _, F, _) -> F(I, V).

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
