%% @doc FIFO queues, compatible with OTP 25's `queue'.
%%
%% A queue is a pair `{RearList, FrontList}': the front list holds the
%% oldest items in order, the rear list the newest items in reverse order,
%% so that both ends are reached in amortized constant time. The empty
%% queue is `{[], []}'. When one list runs out, the other is split in the
%% middle (`r2f/1', `f2r/1'), so that a queue of two or more items keeps
%% at least one item in each list, as OTP does; operations return the same
%% pairs as OTP's, so queues can be compared with `=:='.
%%
%% Three APIs share the representation: the original API (`in/2',
%% `out/1', ...), the extended API (`get/1', `peek/1', `drop/1', ...)
%% and the Okasaki API (`cons/2', `head/1', `tail/1', `snoc/2', `daeh/1',
%% `liat/1', ...). A non-queue argument fails with `badarg'; taking an
%% item from an empty queue fails with `empty' where OTP does.
-module(queue).

%% Original API: creation, test and conversion.
-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2]).

%% Original API: adding and removing items.
-export([in/2, in_r/2, out/1, out_r/1]).

%% Original API: whole-queue operations (some take funs).
-export([reverse/1, join/2, split/2, filter/2, filtermap/2, fold/3, any/2,
         all/2, delete/2, delete_r/2, delete_with/2, delete_with_r/2]).

%% Extended API.
-export([get/1, get_r/1, peek/1, peek_r/1, drop/1, drop_r/1]).

%% Okasaki API.
-export([cons/2, head/1, tail/1, snoc/2, daeh/1, last/1, liat/1, lait/1,
         init/1]).

-export_type([queue/0, queue/1]).

-opaque queue(Item) :: {list(Item), list(Item)}.
-type queue() :: queue(_).

%%% ------------------------------------------------------------------
%%% Original API
%%% ------------------------------------------------------------------

%% @doc An empty queue.
-spec new() -> queue(none()).
new() -> {[], []}.

%% @doc True if `Term' is a queue (a pair of lists).
-spec is_queue(Term :: term()) -> boolean().
is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

%% @doc True if `Q' has no item.
-spec is_empty(Q :: queue()) -> boolean().
is_empty({[], []}) -> true;
is_empty({R, F}) when is_list(R), is_list(F) -> false;
is_empty(Q) -> error(badarg, [Q]).

%% @doc The number of items in `Q'.
-spec len(Q :: queue()) -> non_neg_integer().
len({R, F}) when is_list(R), is_list(F) -> length(R) + length(F);
len(Q) -> error(badarg, [Q]).

%% @doc The items of `Q', front first.
-spec to_list(Q :: queue(Item)) -> list(Item).
to_list({R, F}) when is_list(R), is_list(F) -> F ++ lists:reverse(R, []);
to_list(Q) -> error(badarg, [Q]).

%% @doc A queue of the items of `L', the head of `L' at the front.
-spec from_list(L :: list(Item)) -> queue(Item).
from_list(L) when is_list(L) -> f2r(L);
from_list(L) -> error(badarg, [L]).

%% @doc True if `Item' matches (`=:=') an item of `Q'.
-spec member(Item, Q :: queue(Item)) -> boolean().
member(X, {R, F}) when is_list(R), is_list(F) ->
    lists:member(X, R) orelse lists:member(X, F);
member(X, Q) -> error(badarg, [X, Q]).

%% @doc `Q1' with `Item' at its rear.
-spec in(Item, Q1 :: queue(Item)) -> Q2 :: queue(Item).
in(X, {[_] = R, []}) -> {[X], R};
in(X, {R, F}) when is_list(R), is_list(F) -> {[X | R], F};
in(X, Q) -> error(badarg, [X, Q]).

%% @doc `Q1' with `Item' at its front.
-spec in_r(Item, Q1 :: queue(Item)) -> Q2 :: queue(Item).
in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(X, Q) -> error(badarg, [X, Q]).

%% @doc The front item of `Q1' (`{value, Item}', or `empty') and the rest.
-spec out(Q1 :: queue(Item)) ->
          {{value, Item}, Q2 :: queue(Item)} | {empty, Q1 :: queue(Item)}.
out({[], []} = Q) -> {empty, Q};
out({[V], []}) -> {{value, V}, {[], []}};
out({[Y | R], []}) ->
    [V | F] = lists:reverse(R, []),
    {{value, V}, {[Y], F}};
out({R, [V]}) when is_list(R) -> {{value, V}, r2f(R)};
out({R, [V | F]}) when is_list(R) -> {{value, V}, {R, F}};
out(Q) -> error(badarg, [Q]).

%% @doc The rear item of `Q1' (`{value, Item}', or `empty') and the rest.
-spec out_r(Q1 :: queue(Item)) ->
          {{value, Item}, Q2 :: queue(Item)} | {empty, Q1 :: queue(Item)}.
out_r({[], []} = Q) -> {empty, Q};
out_r({[], [V]}) -> {{value, V}, {[], []}};
out_r({[], [Y | F]}) ->
    [V | R] = lists:reverse(F, []),
    {{value, V}, {R, [Y]}};
out_r({[V], F}) when is_list(F) -> {{value, V}, f2r(F)};
out_r({[V | R], F}) when is_list(F) -> {{value, V}, {R, F}};
out_r(Q) -> error(badarg, [Q]).

%% @doc `Q1' in reverse order.
-spec reverse(Q1 :: queue(Item)) -> Q2 :: queue(Item).
reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(Q) -> error(badarg, [Q]).

%% @doc The items of `Q1' followed by those of `Q2'.
-spec join(Q1 :: queue(Item), Q2 :: queue(Item)) -> Q3 :: queue(Item).
join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2}) when is_list(R1), is_list(F1), is_list(R2),
                              is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> error(badarg, [Q1, Q2]).

%% @doc `{Q2, Q3}': the first `N' items of `Q1' and the others.
-spec split(N :: non_neg_integer(), Q1 :: queue(Item)) ->
          {Q2 :: queue(Item), Q3 :: queue(Item)}.
split(0, {R, F} = Q) when is_list(R), is_list(F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N >= 1, is_list(R), is_list(F) ->
    Lf = length(F),
    if N < Lf ->
            {[X | F1], F2} = lists:split(N, F),
            {{lists:reverse(F1, []), [X]}, {R, F2}};
       N > Lf ->
            Lr = length(R),
            M = Lr - (N - Lf),
            if M =:= 0 -> {Q, {[], []}};
               M > 0 ->
                   {[Y | R1], R2} = lists:split(M, R),
                   {{R2, F}, {[Y], lists:reverse(R1, [])}};
               true -> error(badarg, [N, Q])
            end;
       true -> {f2r(F), r2f(R)}
    end;
split(N, Q) -> error(badarg, [N, Q]).

%% @doc The items of `Q1' for which `Fun' returns `true', or replaced by
%% the list `Fun' returns.
-spec filter(Fun, Q1 :: queue(Item)) -> Q2 :: queue(Item) when
      Fun :: fun((Item) -> boolean() | list()).
filter(Fun, {R0, F0}) when is_function(Fun, 1), is_list(R0), is_list(F0) ->
    F = filter_f(Fun, F0),
    R = filter_r(Fun, R0),
    norm(R, F);
filter(Fun, Q) -> error(badarg, [Fun, Q]).

filter_f(_, []) -> [];
filter_f(Fun, [X | F]) ->
    case Fun(X) of
        true -> [X | filter_f(Fun, F)];
        false -> filter_f(Fun, F);
        L when is_list(L) -> L ++ filter_f(Fun, F)
    end.

filter_r(_, []) -> [];
filter_r(Fun, [X | R0]) ->
    R = filter_r(Fun, R0),
    case Fun(X) of
        true -> [X | R];
        false -> R;
        L when is_list(L) -> lists:reverse(L, R)
    end.

%% @doc The items of `Q1' for which `Fun' returns `true', or replaced by
%% `Value' when it returns `{true, Value}'.
-spec filtermap(Fun, Q1) -> Q2 when
      Fun :: fun((Item) -> boolean() | {true, Value}),
      Q1 :: queue(Item),
      Q2 :: queue(Item | Value),
      Value :: term().
filtermap(Fun, {R0, F0}) when is_function(Fun, 1), is_list(R0), is_list(F0) ->
    F = lists:filtermap(Fun, F0),
    R = filtermap_r(Fun, R0),
    norm(R, F);
filtermap(Fun, Q) -> error(badarg, [Fun, Q]).

filtermap_r(_, []) -> [];
filtermap_r(Fun, [X | R0]) ->
    R = filtermap_r(Fun, R0),
    case Fun(X) of
        true -> [X | R];
        false -> R;
        {true, V} -> [V | R]
    end.

%% A queue of rear list R and front list F, one of them possibly empty.
norm([], F) -> f2r(F);
norm(R, []) -> r2f(R);
norm(R, F) -> {R, F}.

%% @doc Folds `Fun' over the items of `Q', front first.
-spec fold(Fun, Acc0, Q :: queue(Item)) -> Acc1 when
      Fun :: fun((Item, AccIn) -> AccOut),
      Acc0 :: term(),
      Acc1 :: term(),
      AccIn :: term(),
      AccOut :: term().
fold(Fun, Acc0, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc0, F), R);
fold(Fun, Acc0, Q) -> error(badarg, [Fun, Acc0, Q]).

%% @doc True if `Pred' is true for some item of `Q'.
-spec any(Pred, Q :: queue(Item)) -> boolean() when
      Pred :: fun((Item) -> boolean()).
any(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:any(Pred, F) orelse lists:any(Pred, R);
any(Pred, Q) -> error(badarg, [Pred, Q]).

%% @doc True if `Pred' is true for every item of `Q'.
-spec all(Pred, Q :: queue(Item)) -> boolean() when
      Pred :: fun((Item) -> boolean()).
all(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:all(Pred, F) andalso lists:all(Pred, R);
all(Pred, Q) -> error(badarg, [Pred, Q]).

%% @doc `Q1' without its first item that matches `Item' (`=:=').
-spec delete(Item, Q1) -> Q2 when
      Item :: T,
      Q1 :: queue(T),
      Q2 :: queue(T).
delete(X, {R, F} = Q) when is_list(R), is_list(F) ->
    delete_with_front(fun(Y) -> Y =:= X end, Q);
delete(X, Q) -> error(badarg, [X, Q]).

%% @doc `Q1' without its last item that matches `Item' (`=:=').
-spec delete_r(Item, Q1) -> Q2 when
      Item :: T,
      Q1 :: queue(T),
      Q2 :: queue(T).
delete_r(X, {R, F}) when is_list(R), is_list(F) ->
    {F1, R1} = delete_with_front(fun(Y) -> Y =:= X end, {F, R}),
    {R1, F1};
delete_r(X, Q) -> error(badarg, [X, Q]).

%% @doc `Q1' without its first item for which `Pred' is true.
-spec delete_with(Pred, Q1) -> Q2 when
      Pred :: fun((Item) -> boolean()),
      Q1 :: queue(Item),
      Q2 :: queue(Item).
delete_with(Pred, {R, F} = Q) when is_function(Pred, 1), is_list(R),
                                   is_list(F) ->
    delete_with_front(Pred, Q);
delete_with(Pred, Q) -> error(badarg, [Pred, Q]).

%% @doc `Q1' without its last item for which `Pred' is true.
-spec delete_with_r(Pred, Q1) -> Q2 when
      Pred :: fun((Item) -> boolean()),
      Q1 :: queue(Item),
      Q2 :: queue(Item).
delete_with_r(Pred, {R, F}) when is_function(Pred, 1), is_list(R),
                                 is_list(F) ->
    {F1, R1} = delete_with_front(Pred, {F, R}),
    {R1, F1};
delete_with_r(Pred, Q) -> error(badarg, [Pred, Q]).

%% Deletes the first item matching Pred, searching F then R reversed.
delete_with_front(Pred, {R, F} = Q) ->
    case delete_first(Pred, F) of
        false ->
            case delete_first(Pred, lists:reverse(R)) of
                false -> Q;
                [] -> f2r(F);
                R1 when F =:= [] -> f2r(R1);
                R1 -> {lists:reverse(R1), F}
            end;
        [] -> r2f(R);
        F1 -> {R, F1}
    end.

delete_first(Pred, [X | T]) ->
    case Pred(X) of
        true -> T;
        false ->
            case delete_first(Pred, T) of
                false -> false;
                T1 -> [X | T1]
            end
    end;
delete_first(_, []) -> false.

%% Splits a front list (oldest first) into a queue.
f2r([]) -> {[], []};
f2r([_] = F) -> {F, []};
f2r([X, Y]) -> {[Y], [X]};
f2r(F) ->
    {F1, R} = lists:split(length(F) div 2, F),
    {lists:reverse(R, []), F1}.

%% Splits a rear list (newest first) into a queue.
r2f([]) -> {[], []};
r2f([_] = R) -> {[], R};
r2f([Y, X]) -> {[Y], [X]};
r2f(R) ->
    {R1, F} = lists:split(length(R) div 2, R),
    {R1, lists:reverse(F, [])}.

%%% ------------------------------------------------------------------
%%% Extended API
%%% ------------------------------------------------------------------

%% @doc The front item of `Q'; fails with `empty' if there is none.
-spec get(Q :: queue(Item)) -> Item.
get({[], []} = Q) -> error(empty, [Q]);
get({R, F}) when is_list(R), is_list(F) -> get(R, F);
get(Q) -> error(badarg, [Q]).

get(R, [X | _]) when is_list(R) -> X;
get([X], []) -> X;
get([_ | R], []) -> lists:last(R).

%% @doc The rear item of `Q'; fails with `empty' if there is none.
-spec get_r(Q :: queue(Item)) -> Item.
get_r({[], []} = Q) -> error(empty, [Q]);
get_r({[X | _], F}) when is_list(F) -> X;
get_r({[], [X]}) -> X;
get_r({[], [_ | F]}) -> lists:last(F);
get_r(Q) -> error(badarg, [Q]).

%% @doc `{value, Item}' for the front item of `Q', or `empty'.
-spec peek(Q :: queue(Item)) -> empty | {value, Item}.
peek({[], []}) -> empty;
peek({R, [X | _]}) when is_list(R) -> {value, X};
peek({[X], []}) -> {value, X};
peek({[_ | R], []}) -> {value, lists:last(R)};
peek(Q) -> error(badarg, [Q]).

%% @doc `{value, Item}' for the rear item of `Q', or `empty'.
-spec peek_r(Q :: queue(Item)) -> empty | {value, Item}.
peek_r({[], []}) -> empty;
peek_r({[X | _], F}) when is_list(F) -> {value, X};
peek_r({[], [X]}) -> {value, X};
peek_r({[], [_ | F]}) -> {value, lists:last(F)};
peek_r(Q) -> error(badarg, [Q]).

%% @doc `Q1' without its front item; fails with `empty' if there is none.
-spec drop(Q1 :: queue(Item)) -> Q2 :: queue(Item).
drop({[], []} = Q) -> error(empty, [Q]);
drop({[_], []}) -> {[], []};
drop({[Y | R], []}) ->
    [_ | F] = lists:reverse(R, []),
    {[Y], F};
drop({R, [_]}) when is_list(R) -> r2f(R);
drop({R, [_ | F]}) when is_list(R) -> {R, F};
drop(Q) -> error(badarg, [Q]).

%% @doc `Q1' without its rear item; fails with `empty' if there is none.
-spec drop_r(Q1 :: queue(Item)) -> Q2 :: queue(Item).
drop_r({[], []} = Q) -> error(empty, [Q]);
drop_r({[], [_]}) -> {[], []};
drop_r({[], [Y | F]}) ->
    [_ | R] = lists:reverse(F, []),
    {R, [Y]};
drop_r({[_], F}) when is_list(F) -> f2r(F);
drop_r({[_ | R], F}) when is_list(F) -> {R, F};
drop_r(Q) -> error(badarg, [Q]).

%%% ------------------------------------------------------------------
%%% Okasaki API
%%% ------------------------------------------------------------------

%% @doc `Q1' with `Item' at its front (`in_r/2').
-spec cons(Item, Q1 :: queue(Item)) -> Q2 :: queue(Item).
cons(X, Q) -> in_r(X, Q).

%% @doc The front item of `Q'; fails with `empty' if there is none.
-spec head(Q :: queue(Item)) -> Item.
head({[], []} = Q) -> error(empty, [Q]);
head({R, F}) when is_list(R), is_list(F) -> get(R, F);
head(Q) -> error(badarg, [Q]).

%% @doc `Q1' without its front item (`drop/1').
-spec tail(Q1 :: queue(Item)) -> Q2 :: queue(Item).
tail(Q) -> drop(Q).

%% @doc `Q1' with `Item' at its rear (`in/2').
-spec snoc(Q1 :: queue(Item), Item) -> Q2 :: queue(Item).
snoc(Q, X) -> in(X, Q).

%% @doc The rear item of `Q' (`get_r/1').
-spec daeh(Q :: queue(Item)) -> Item.
daeh(Q) -> get_r(Q).

%% @doc The rear item of `Q' (`get_r/1').
-spec last(Q :: queue(Item)) -> Item.
last(Q) -> get_r(Q).

%% @doc `Q1' without its rear item (`drop_r/1').
-spec liat(Q1 :: queue(Item)) -> Q2 :: queue(Item).
liat(Q) -> drop_r(Q).

%% @doc `Q1' without its rear item (`drop_r/1'; misspelt name kept by
%% OTP).
-spec lait(Q1 :: queue(Item)) -> Q2 :: queue(Item).
lait(Q) -> drop_r(Q).

%% @doc `Q1' without its rear item (`drop_r/1').
-spec init(Q1 :: queue(Item)) -> Q2 :: queue(Item).
init(Q) -> drop_r(Q).
