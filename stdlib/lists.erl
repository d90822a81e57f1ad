%% @doc List processing functions, compatible with OTP 25's `lists'.
%%
%% Every function here follows the observable behaviour of OTP 25: the
%% same results (including the order of elements that compare equal) and
%% the same exception class and reason on bad input (`function_clause',
%% `badarg', `{case_clause, V}', `{bad_filter, V}', ...).
%%
%% Design notes:
%% <ul>
%% <li>Functions that walk a list are tail recursive (an accumulator
%%     reversed at the end), so a list of millions of elements needs no
%%     deep stack. Where OTP raises `function_clause' on an improper list
%%     before calling any fun (`foldr/3', `mapfoldr/3'), the list is first
%%     reversed by a local helper that fails the same way.</li>
%% <li>Sorting is a stable natural merge sort: the input is cut into
%%     ascending runs (strictly descending runs are reversed, which keeps
%%     stability), and adjacent runs are merged pairwise, the earlier run
%%     winning ties. The result equals OTP's whenever no two elements are
%%     `==' without being `=:=' (`1' and `1.0', `{1, a}' and `{1.0, a}'),
%%     and in simple cases even then (`sort([1.0, 1])' is `[1.0, 1]').
%%     Known difference: OTP's merge sort is not stable for such terms in
%%     general (OTP's `sort([4, 3.0, 1, 3])' is `[1, 3, 3.0, 4]', ours
%%     `[1, 3.0, 3, 4]'; likewise `keysort/2' on tuples that are `==');
%%     reproducing that would mean reproducing OTP's exact algorithm. For
%%     an ordering fun that is not a total preorder the result may also
%%     differ from OTP's.</li>
%% <li>The merge functions return their input unchanged in the same
%%     cases as OTP (`merge(L1, [])' is `L1' even if `L1' is not a list)
%%     and fail on non-lists as OTP does. Given an improper list, they
%%     may raise `badarg' where OTP raises `function_clause' or the
%%     reverse; given unsorted input, the result may differ.</li>
%% <li>The `u' variants (`usort', `umerge', `ukeysort', ...) keep the first
%%     of the elements that compare equal, as documented for OTP.</li>
%% <li>`reverse/2', `member/2', `keyfind/3', `keymember/3' and
%%     `keysearch/3' are BIFs implemented natively by ferl; they appear
%%     below as stubs so that their specs and docs live here.</li>
%% </ul>
-module(lists).

%% BIFs (implemented natively by the runtime).
-export([reverse/2, member/2, keyfind/3, keymember/3, keysearch/3]).

%% Basic list operations.
-export([append/1, append/2, concat/1, delete/2, droplast/1, duplicate/2,
         enumerate/1, enumerate/2, flatlength/1, flatten/1, flatten/2,
         join/2, last/1, max/1, min/1, nth/2, nthtail/2, prefix/2,
         reverse/1, seq/2, seq/3, split/2, sublist/2, sublist/3,
         subtract/2, suffix/2, sum/1, uniq/1, unzip/1, unzip3/1,
         zip/2, zip3/3]).

%% Sorting and merging of lists of terms.
-export([sort/1, usort/1, merge/1, merge/2, merge3/3, umerge/1, umerge/2,
         umerge3/3, rmerge/2, rmerge3/3, rumerge/2, rumerge3/3]).

%% Functions taking a list of tuples, with a key position.
-export([keydelete/3, keymap/3, keymerge/3, keyreplace/4, keysort/2,
         keystore/4, keytake/3, rkeymerge/3, rukeymerge/3, ukeymerge/3,
         ukeysort/2]).

%% Functions that take fun arguments (higher order functions).
-export([all/2, any/2, dropwhile/2, filter/2, filtermap/2, flatmap/2,
         foldl/3, foldr/3, foreach/2, map/2, mapfoldl/3, mapfoldr/3,
         partition/2, search/2, splitwith/2, takewhile/2, uniq/2, zf/2,
         zipwith/3, zipwith3/4]).

%% Sorting and merging with an ordering fun.
-export([sort/2, usort/2, merge/3, umerge/3, rmerge/3, rumerge/3]).

%%% ===================================================================
%%% BIFs
%%% ===================================================================

%% @doc Returns a list with the elements of `List1' in reverse order,
%% with tail `Tail' appended.
-spec reverse(List1, Tail) -> List2 when
      List1 :: [T],
      Tail :: term(),
      List2 :: [T],
      T :: term().
reverse(_List1, _Tail) ->
    erlang:nif_error(undef).

%% @doc Returns `true' if `Elem' matches some element of `List'.
-spec member(Elem, List) -> boolean() when
      Elem :: T,
      List :: [T],
      T :: term().
member(_Elem, _List) ->
    erlang:nif_error(undef).

%% @doc Searches `TupleList' for a tuple whose `N'th element compares
%% equal to `Key'; returns the first such tuple, or `false'.
-spec keyfind(Key, N, TupleList) -> Tuple | false when
      Key :: term(),
      N :: pos_integer(),
      TupleList :: [Tuple],
      Tuple :: tuple().
keyfind(_Key, _N, _TupleList) ->
    erlang:nif_error(undef).

%% @doc Returns `true' if `TupleList' holds a tuple whose `N'th element
%% compares equal to `Key'.
-spec keymember(Key, N, TupleList) -> boolean() when
      Key :: term(),
      N :: pos_integer(),
      TupleList :: [Tuple],
      Tuple :: tuple().
keymember(_Key, _N, _TupleList) ->
    erlang:nif_error(undef).

%% @doc Like `keyfind/3', but returns `{value, Tuple}' when found.
-spec keysearch(Key, N, TupleList) -> {value, Tuple} | false when
      Key :: term(),
      N :: pos_integer(),
      TupleList :: [Tuple],
      Tuple :: tuple().
keysearch(_Key, _N, _TupleList) ->
    erlang:nif_error(undef).

%%% ===================================================================
%%% Basic list operations
%%% ===================================================================

%% @doc Returns a list in which all the sublists of `ListOfLists' have
%% been appended.
-spec append(ListOfLists) -> List1 when
      ListOfLists :: [List],
      List :: [T],
      List1 :: [T],
      T :: term().
append(ListOfLists) ->
    case reverse_proper(ListOfLists) of
        [Last | Rest] -> append_rev(Rest, Last);
        [] -> []
    end.

%% Appends from the right, as OTP's `H ++ append(T)' does, but in
%% constant stack.
append_rev([H | T], Acc) -> append_rev(T, H ++ Acc);
append_rev([], Acc) -> Acc.

%% @doc Returns a new list `List3', made from the elements of `List1'
%% followed by the elements of `List2'.
-spec append(List1, List2) -> List3 when
      List1 :: [T],
      List2 :: [T],
      List3 :: [T],
      T :: term().
append(L1, L2) -> L1 ++ L2.

%% @doc Concatenates the text representations of the elements of
%% `Things' (atoms, integers, floats, strings).
-spec concat(Things) -> string() when
      Things :: [Thing],
      Thing :: atom() | integer() | float() | string().
concat(Things) ->
    flatmap(fun thing_to_list/1, Things).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

%% @doc Returns a copy of `List1' where the first element matching
%% `Elem' is deleted, if there is such an element.
-spec delete(Elem, List1) -> List2 when
      Elem :: T,
      List1 :: [T],
      List2 :: [T],
      T :: term().
delete(Elem, List) ->
    delete(Elem, List, []).

delete(E, [E | T], Acc) -> reverse(Acc, T);
delete(E, [H | T], Acc) -> delete(E, T, [H | Acc]);
delete(_E, [], Acc) -> reverse(Acc, []).

%% @doc Drops the last element of a non-empty `List'.
-spec droplast(List) -> InitList when
      List :: [T, ...],
      InitList :: [T],
      T :: term().
droplast([_]) -> [];
droplast([H | T]) -> droplast(T, [H]).

droplast([_], Acc) -> reverse(Acc, []);
droplast([H | T], Acc) -> droplast(T, [H | Acc]).

%% @doc Returns a list containing `N' copies of term `Elem'.
-spec duplicate(N, Elem) -> List when
      N :: non_neg_integer(),
      Elem :: T,
      List :: [T],
      T :: term().
duplicate(N, X) when is_integer(N), N >= 0 ->
    duplicate(N, X, []).

duplicate(0, _X, Acc) -> Acc;
duplicate(N, X, Acc) -> duplicate(N - 1, X, [X | Acc]).

%% @doc Returns `List1' with each element `H' replaced by `{I, H}',
%% where `I' is the position of `H', counting from 1.
-spec enumerate(List1) -> List2 when
      List1 :: [T],
      List2 :: [{Index, T}],
      Index :: integer(),
      T :: term().
enumerate(List) ->
    enumerate(1, List).

%% @doc Returns `List1' with each element `H' replaced by `{I, H}',
%% where `I' is the position of `H', counting from `Index'.
-spec enumerate(Index, List1) -> List2 when
      List1 :: [T],
      List2 :: [{Index, T}],
      Index :: integer(),
      T :: term().
enumerate(Index, List) when is_integer(Index), is_list(List) ->
    enumerate(Index, List, []).

enumerate(I, [H | T], Acc) -> enumerate(I + 1, T, [{I, H} | Acc]);
enumerate(_I, [], Acc) -> reverse(Acc, []).

%% @doc Equivalent to `length(flatten(DeepList))', but more efficient.
-spec flatlength(DeepList) -> non_neg_integer() when
      DeepList :: [term() | DeepList].
flatlength(List) ->
    flatlength(List, [], 0).

flatlength([H | T], Stack, N) when is_list(H) ->
    flatlength(H, [T | Stack], N);
flatlength([_ | T], Stack, N) ->
    flatlength(T, Stack, N + 1);
flatlength([], [T | Stack], N) ->
    flatlength(T, Stack, N);
flatlength([], [], N) ->
    N.

%% @doc Returns a flattened version of `DeepList'.
-spec flatten(DeepList) -> List when
      DeepList :: [term() | DeepList],
      List :: [term()].
flatten(List) when is_list(List) ->
    reverse(flatten_acc(List, [], []), []).

%% @doc Returns a flattened version of `DeepList' with tail `Tail'
%% appended.
-spec flatten(DeepList, Tail) -> List when
      DeepList :: [term() | DeepList],
      Tail :: [term()],
      List :: [term()].
flatten(List, Tail) when is_list(List), is_list(Tail) ->
    reverse(flatten_acc(List, [], []), Tail).

%% Collects the leaves of a deep list in reverse order; `Stack' holds
%% the tails still to visit.
flatten_acc([H | T], Stack, Acc) when is_list(H) ->
    flatten_acc(H, [T | Stack], Acc);
flatten_acc([H | T], Stack, Acc) ->
    flatten_acc(T, Stack, [H | Acc]);
flatten_acc([], [T | Stack], Acc) ->
    flatten_acc(T, Stack, Acc);
flatten_acc([], [], Acc) ->
    Acc.

%% @doc Inserts `Sep' between each element in `List1'.
-spec join(Sep, List1) -> List2 when
      Sep :: T,
      List1 :: [T],
      List2 :: [T],
      T :: term().
join(_Sep, []) -> [];
join(Sep, [H | T]) -> join(Sep, T, [H]).

join(Sep, [H | T], Acc) -> join(Sep, T, [H, Sep | Acc]);
join(_Sep, [], Acc) -> reverse(Acc, []).

%% @doc Returns the last element in `List'.
-spec last(List) -> Last when
      List :: [T, ...],
      Last :: T,
      T :: term().
last([E | Es]) -> last(E, Es).

last(_, [E | Es]) -> last(E, Es);
last(E, []) -> E.

%% @doc Returns the first element of `List' that compares greater than
%% or equal to all other elements.
-spec max(List) -> Max when
      List :: [T, ...],
      Max :: T,
      T :: term().
max([H | T]) -> max_1(T, H).

max_1([H | T], Max) when H > Max -> max_1(T, H);
max_1([_ | T], Max) -> max_1(T, Max);
max_1([], Max) -> Max.

%% @doc Returns the first element of `List' that compares less than or
%% equal to all other elements.
-spec min(List) -> Min when
      List :: [T, ...],
      Min :: T,
      T :: term().
min([H | T]) -> min_1(T, H).

min_1([H | T], Min) when H < Min -> min_1(T, H);
min_1([_ | T], Min) -> min_1(T, Min);
min_1([], Min) -> Min.

%% @doc Returns the `N'th element of `List', counting from 1.
-spec nth(N, List) -> Elem when
      N :: pos_integer(),
      List :: [T, ...],
      Elem :: T,
      T :: term().
nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

%% @doc Returns the `N'th tail of `List'.
-spec nthtail(N, List) -> Tail when
      N :: non_neg_integer(),
      List :: [T, ...],
      Tail :: [T],
      T :: term().
nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T);
nthtail(0, L) when is_list(L) -> L.

%% @doc Returns `true' if `List1' is a prefix of `List2'.
-spec prefix(List1, List2) -> boolean() when
      List1 :: [T],
      List2 :: [T],
      T :: term().
prefix([X | P], [X | L]) -> prefix(P, L);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

%% @doc Returns a list with the elements of `List1' in reverse order.
-spec reverse(List1) -> List2 when
      List1 :: [T],
      List2 :: [T],
      T :: term().
reverse([] = L) -> L;
reverse([_] = L) -> L;
reverse([A, B | T]) -> reverse(T, [B, A]).

%% @doc Returns the sequence of integers from `From' to `To', both
%% included, counting by one.
-spec seq(From, To) -> Seq when
      From :: integer(),
      To :: integer(),
      Seq :: [integer()].
seq(From, To) when is_integer(From), is_integer(To), From - 1 =< To ->
    seq_down(To, From, []).

%% Builds [From, ..., N] from its end.
seq_down(N, From, Acc) when N >= From -> seq_down(N - 1, From, [N | Acc]);
seq_down(_N, _From, Acc) -> Acc.

%% @doc Returns the sequence of integers that starts with `From' and
%% counts by `Incr' up to (or down to) `To'.
-spec seq(From, To, Incr) -> Seq when
      From :: integer(),
      To :: integer(),
      Incr :: integer(),
      Seq :: [integer()].
seq(From, To, Incr)
  when is_integer(From), is_integer(To), is_integer(Incr),
       Incr > 0, From - Incr =< To ->
    if
        To < From -> [];
        true -> seq_step(From + ((To - From) div Incr) * Incr, From, -Incr, [])
    end;
seq(From, To, Incr)
  when is_integer(From), is_integer(To), is_integer(Incr),
       Incr < 0, From - Incr >= To ->
    if
        To > From -> [];
        true -> seq_step(From + ((From - To) div (-Incr)) * Incr, From, -Incr, [])
    end;
seq(From, From, 0) when is_integer(From) ->
    [From];
seq(From, To, Incr) ->
    erlang:error(badarg, [From, To, Incr]).

%% Walks back from the last element to `From' by `Back' per step.
seq_step(From, From, _Back, Acc) -> [From | Acc];
seq_step(N, From, Back, Acc) when Back < 0, N > From ->
    seq_step(N + Back, From, Back, [N | Acc]);
seq_step(N, From, Back, Acc) when Back > 0, N < From ->
    seq_step(N + Back, From, Back, [N | Acc]);
seq_step(_N, _From, _Back, Acc) -> Acc.

%% @doc Splits `List1' into `List2' (its first `N' elements) and
%% `List3' (the rest).
-spec split(N, List1) -> {List2, List3} when
      N :: non_neg_integer(),
      List1 :: [T],
      List2 :: [T],
      List3 :: [T],
      T :: term().
split(N, List) when is_integer(N), N >= 0, is_list(List) ->
    case split(N, List, []) of
        {_, _} = Result -> Result;
        error -> erlang:error(badarg, [N, List])
    end;
split(N, List) ->
    erlang:error(badarg, [N, List]).

%% `error' if the list is too short; `function_clause' if improper.
split(0, L, Acc) -> {reverse(Acc, []), L};
split(N, [H | T], Acc) -> split(N - 1, T, [H | Acc]);
split(_N, [], _Acc) -> error.

%% @doc Returns the first `Len' elements of `List1' (all of them if it
%% is shorter).
-spec sublist(List1, Len) -> List2 when
      List1 :: [T],
      List2 :: [T],
      Len :: non_neg_integer(),
      T :: term().
sublist(List, Len) when is_integer(Len), Len >= 0, is_list(List) ->
    sublist_acc(Len, List, []).

sublist_acc(0, _L, Acc) -> reverse(Acc, []);
sublist_acc(N, [H | T], Acc) -> sublist_acc(N - 1, T, [H | Acc]);
sublist_acc(_N, [], Acc) -> reverse(Acc, []).

%% @doc Returns the sublist of `List1' starting at position `Start'
%% (counting from 1) with at most `Len' elements.
-spec sublist(List1, Start, Len) -> List2 when
      List1 :: [T],
      List2 :: [T],
      Start :: pos_integer(),
      Len :: non_neg_integer(),
      T :: term().
sublist(List, 1, Len) when is_list(List), is_integer(Len), Len >= 0 ->
    sublist(List, Len);
sublist([], Start, _Len) when is_integer(Start), Start >= 2 ->
    [];
sublist([_ | T], Start, Len) when is_integer(Start), Start >= 2 ->
    sublist(T, Start - 1, Len).

%% @doc Returns a copy of `List1' where, for each element of `List2',
%% its first occurrence (if any) is removed.
-spec subtract(List1, List2) -> List3 when
      List1 :: [T],
      List2 :: [T],
      List3 :: [T],
      T :: term().
subtract(L1, L2) -> L1 -- L2.

%% @doc Returns `true' if `List1' is a suffix of `List2'.
-spec suffix(List1, List2) -> boolean() when
      List1 :: [T],
      List2 :: [T],
      T :: term().
suffix(Suffix, List) ->
    Delta = length(List) - length(Suffix),
    Delta >= 0 andalso nthtail(Delta, List) =:= Suffix.

%% @doc Returns the sum of the elements in `List'.
-spec sum(List) -> number() when
      List :: [number()].
sum(List) -> sum(List, 0).

sum([H | T], Sum) -> sum(T, Sum + H);
sum([], Sum) -> Sum.

%% @doc Returns `List1' without repeated elements (compared with `=:='),
%% keeping the first occurrence of each.
-spec uniq(List1) -> List2 when
      List1 :: [T],
      List2 :: [T],
      T :: term().
uniq(List) ->
    uniq_acc(List, #{}, []).

uniq_acc([H | T], Seen, Acc) ->
    case Seen of
        #{H := _} -> uniq_acc(T, Seen, Acc);
        #{} -> uniq_acc(T, Seen#{H => []}, [H | Acc])
    end;
uniq_acc([], _Seen, Acc) ->
    reverse(Acc, []).

%% @doc "Unzips" a list of two-tuples into two lists.
-spec unzip(List1) -> {List2, List3} when
      List1 :: [{A, B}],
      List2 :: [A],
      List3 :: [B],
      A :: term(),
      B :: term().
unzip(List) -> unzip(List, [], []).

unzip([{X, Y} | T], Xs, Ys) -> unzip(T, [X | Xs], [Y | Ys]);
unzip([], Xs, Ys) -> {reverse(Xs, []), reverse(Ys, [])}.

%% @doc "Unzips" a list of three-tuples into three lists.
-spec unzip3(List1) -> {List2, List3, List4} when
      List1 :: [{A, B, C}],
      List2 :: [A],
      List3 :: [B],
      List4 :: [C],
      A :: term(),
      B :: term(),
      C :: term().
unzip3(List) -> unzip3(List, [], [], []).

unzip3([{X, Y, Z} | T], Xs, Ys, Zs) ->
    unzip3(T, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) ->
    {reverse(Xs, []), reverse(Ys, []), reverse(Zs, [])}.

%% @doc "Zips" two lists of equal length into one list of two-tuples.
-spec zip(List1, List2) -> List3 when
      List1 :: [A],
      List2 :: [B],
      List3 :: [{A, B}],
      A :: term(),
      B :: term().
zip(Xs, Ys) -> zip(Xs, Ys, []).

zip([X | Xs], [Y | Ys], Acc) -> zip(Xs, Ys, [{X, Y} | Acc]);
zip([], [], Acc) -> reverse(Acc, []).

%% @doc "Zips" three lists of equal length into one list of
%% three-tuples.
-spec zip3(List1, List2, List3) -> List4 when
      List1 :: [A],
      List2 :: [B],
      List3 :: [C],
      List4 :: [{A, B, C}],
      A :: term(),
      B :: term(),
      C :: term().
zip3(Xs, Ys, Zs) -> zip3(Xs, Ys, Zs, []).

zip3([X | Xs], [Y | Ys], [Z | Zs], Acc) ->
    zip3(Xs, Ys, Zs, [{X, Y, Z} | Acc]);
zip3([], [], [], Acc) ->
    reverse(Acc, []).

%%% ===================================================================
%%% Sorting and merging of lists of terms
%%% ===================================================================

%% @doc Returns a list containing the sorted elements of `List1'. The
%% sort is stable: elements that compare equal keep their order.
-spec sort(List1) -> List2 when
      List1 :: [T],
      List2 :: [T],
      T :: term().
%% Native in ferl (a stable merge sort over the term order).
sort(_List1) ->
    erlang:nif_error(undef).

%% Stable merge of two sorted lists; ties go to the first list.
merge2([H1 | T1], [H2 | _] = L2, Acc) when H1 =< H2 ->
    merge2(T1, L2, [H1 | Acc]);
merge2([_ | _] = L1, [H2 | T2], Acc) ->
    merge2(L1, T2, [H2 | Acc]);
merge2([], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
merge2(L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Same as merge2/3 but drops an element of the second list equal to
%% the element taken from the first.
umerge2([H1 | T1], [H2 | T2] = L2, Acc) when H1 =< H2 ->
    if
        H1 == H2 -> umerge2(T1, T2, [H1 | Acc]);
        true -> umerge2(T1, L2, [H1 | Acc])
    end;
umerge2([_ | _] = L1, [H2 | T2], Acc) ->
    umerge2(L1, T2, [H2 | Acc]);
umerge2([], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
umerge2(L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Appends the remaining tail of a merge to the reversed accumulator,
%% failing with `badarg' (as OTP) if the tail is not a proper list.
reverse_checked(Acc, Tail) ->
    _ = length(Tail),
    reverse(Acc, Tail).

%% @doc Returns a list containing the sorted elements of `List1' where
%% all but the first of the elements comparing equal have been deleted.
-spec usort(List1) -> List2 when
      List1 :: [T],
      List2 :: [T],
      T :: term().
usort([] = L) -> L;
usort([_] = L) -> L;
usort([_, _ | _] = L) -> dedup(sort(L)).

dedup([H | T]) -> dedup(T, H, [H]).

dedup([H | T], Last, Acc) when H == Last -> dedup(T, Last, Acc);
dedup([H | T], _Last, Acc) -> dedup(T, H, [H | Acc]);
dedup([], _Last, Acc) -> reverse(Acc, []).

%% @doc Returns the sorted list formed by merging all the sublists of
%% `ListOfLists', which must be sorted. Ties go to the earlier list.
-spec merge(ListOfLists) -> List1 when
      ListOfLists :: [List],
      List :: [T],
      List1 :: [T],
      T :: term().
merge(Lists) -> merge_lists(Lists, fun merge/2).

%% Merges a list of lists pairwise, adjacent lists first, so that the
%% earlier list of two always wins ties. As OTP, empty lists are dropped
%% first, and a single remaining element is returned as it is.
merge_lists(Lists, Merge) ->
    case non_empty(Lists, []) of
        [] -> [];
        [L] -> L;
        Ls -> check_lists(Ls), merge_lists_loop(Ls, Merge)
    end.

non_empty([[] | T], Acc) -> non_empty(T, Acc);
non_empty([L | T], Acc) -> non_empty(T, [L | Acc]);
non_empty([], Acc) -> reverse(Acc, []).

check_lists([L | T]) when is_list(L) -> check_lists(T);
check_lists([]) -> ok.

merge_lists_loop([L], _Merge) -> L;
merge_lists_loop(Lists, Merge) ->
    merge_lists_loop(merge_list_pairs(Lists, Merge, []), Merge).

merge_list_pairs([A, B | T], Merge, Acc) ->
    merge_list_pairs(T, Merge, [Merge(A, B) | Acc]);
merge_list_pairs([A], _Merge, Acc) -> reverse(Acc, [A]);
merge_list_pairs([], _Merge, Acc) -> reverse(Acc, []).

%% @doc Returns the sorted list formed by merging `List1' and `List2'.
%% Ties go to `List1'.
-spec merge(List1, List2) -> List3 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [(X | Y)],
      X :: term(),
      Y :: term().
merge(L1, []) -> L1;
merge(L1, L2) -> merge2(L1, L2, []).

%% @doc Returns the sorted list formed by merging `List1', `List2' and
%% `List3'. Ties go to the earlier list.
-spec merge3(List1, List2, List3) -> List4 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [Z],
      List4 :: [(X | Y | Z)],
      X :: term(),
      Y :: term(),
      Z :: term().
merge3(L1, L2, L3) ->
    merge(L1, merge(L2, L3)).

%% @doc Returns the sorted list formed by merging all the sublists of
%% `ListOfLists'; of elements comparing equal, only the first is kept.
-spec umerge(ListOfLists) -> List1 when
      ListOfLists :: [List],
      List :: [T],
      List1 :: [T],
      T :: term().
umerge(Lists) -> merge_lists(Lists, fun umerge/2).

%% @doc Returns the sorted list formed by merging `List1' and `List2'
%% (both sorted and without duplicates); of two equal elements the one
%% from `List1' is kept.
-spec umerge(List1, List2) -> List3 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [(X | Y)],
      X :: term(),
      Y :: term().
umerge([], L2) -> L2;
umerge(L1, L2) -> umerge2(L1, L2, []).

%% @doc Three-way version of `umerge/2'.
-spec umerge3(List1, List2, List3) -> List4 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [Z],
      List4 :: [(X | Y | Z)],
      X :: term(),
      Y :: term(),
      Z :: term().
umerge3(L1, [], L3) -> umerge(L1, L3);
umerge3(L1, L2, []) -> umerge(L1, L2);
umerge3(L1, L2, L3) -> umerge(L1, umerge(L2, L3)).

%% @doc Merges two lists sorted in descending order (an internal helper
%% of OTP's sort, exported there too).
-spec rmerge(List1, List2) -> List3 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [(X | Y)],
      X :: term(),
      Y :: term().
rmerge(L1, []) -> L1;
rmerge(L1, L2) -> rfmerge2(fun le/2, L1, L2, []).

%% @doc Three-way version of `rmerge/2'.
-spec rmerge3(List1, List2, List3) -> List4 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [Z],
      List4 :: [(X | Y | Z)],
      X :: term(),
      Y :: term(),
      Z :: term().
rmerge3(L1, L2, L3) ->
    rmerge(L1, rmerge(L2, L3)).

%% @doc Like `rmerge/2', removing duplicates as `umerge/2' does.
-spec rumerge(List1, List2) -> List3 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [(X | Y)],
      X :: term(),
      Y :: term().
rumerge(L1, []) -> L1;
rumerge(L1, L2) -> rfumerge2(fun le/2, L1, L2, []).

%% @doc Three-way version of `rumerge/2'.
-spec rumerge3(List1, List2, List3) -> List4 when
      List1 :: [X],
      List2 :: [Y],
      List3 :: [Z],
      List4 :: [(X | Y | Z)],
      X :: term(),
      Y :: term(),
      Z :: term().
rumerge3(L1, L2, L3) ->
    rumerge(L1, rumerge(L2, L3)).

le(A, B) -> A =< B.

%% Merge of two lists sorted in descending order under `Le': of two
%% elements comparing equal, the one from the second list comes first
%% (the mirror image of merge/2).
rfmerge2(Le, [H1 | T1] = L1, [H2 | T2] = L2, Acc) ->
    case Le(H1, H2) of
        true -> rfmerge2(Le, L1, T2, [H2 | Acc]);
        false -> rfmerge2(Le, T1, L2, [H1 | Acc])
    end;
rfmerge2(_Le, [], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
rfmerge2(_Le, L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Like rfmerge2/4, but of two equal elements only the one from the
%% first list is kept.
rfumerge2(Le, [H1 | T1] = L1, [H2 | T2] = L2, Acc) ->
    case Le(H1, H2) of
        true ->
            case Le(H2, H1) of
                true -> rfumerge2(Le, T1, T2, [H1 | Acc]);
                false -> rfumerge2(Le, L1, T2, [H2 | Acc])
            end;
        false ->
            rfumerge2(Le, T1, L2, [H1 | Acc])
    end;
rfumerge2(_Le, [], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
rfumerge2(_Le, L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Reverses a proper list; `function_clause' on anything else.
reverse_proper(L) -> reverse_proper(L, []).

reverse_proper([H | T], Acc) -> reverse_proper(T, [H | Acc]);
reverse_proper([], Acc) -> Acc.

%%% ===================================================================
%%% Functions taking a list of tuples, with a key position
%%% ===================================================================

%% @doc Returns a copy of `TupleList1' where the first tuple whose
%% `N'th element compares equal to `Key' is deleted.
-spec keydelete(Key, N, TupleList1) -> TupleList2 when
      Key :: term(),
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple],
      Tuple :: tuple().
keydelete(Key, N, List) when is_integer(N), N > 0 ->
    keydelete(Key, N, List, []).

keydelete(Key, N, [H | T], Acc) when element(N, H) == Key -> reverse(Acc, T);
keydelete(Key, N, [H | T], Acc) -> keydelete(Key, N, T, [H | Acc]);
keydelete(_Key, _N, [], Acc) -> reverse(Acc, []).

%% @doc Returns a list of tuples where, for each tuple in `TupleList1',
%% the `N'th element `Term1' has been replaced with `Fun(Term1)'.
-spec keymap(Fun, N, TupleList1) -> TupleList2 when
      Fun :: fun((Term1 :: term()) -> Term2 :: term()),
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple],
      Tuple :: tuple().
keymap(Fun, N, [_ | _] = List) ->
    keymap(Fun, N, List, []);
keymap(Fun, N, []) when is_function(Fun, 1), is_integer(N), N > 0 ->
    [].

keymap(Fun, N, [H | T], Acc) ->
    keymap(Fun, N, T, [setelement(N, H, Fun(element(N, H))) | Acc]);
keymap(_Fun, _N, [], Acc) ->
    reverse(Acc, []).

%% @doc Returns the sorted list formed by merging `TupleList1' and
%% `TupleList2', both sorted on their `N'th elements. Ties go to
%% `TupleList1'.
-spec keymerge(N, TupleList1, TupleList2) -> TupleList3 when
      N :: pos_integer(),
      TupleList1 :: [T1],
      TupleList2 :: [T2],
      TupleList3 :: [(T1 | T2)],
      T1 :: tuple(),
      T2 :: tuple().
keymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H2 | _] ->
            _ = element(N, H2),
            fmerge2(key_le(N), L1, L2, [])
    end.

%% @doc Returns a copy of `TupleList1' where the first tuple whose
%% `N'th element compares equal to `Key' is replaced with `NewTuple'.
-spec keyreplace(Key, N, TupleList1, NewTuple) -> TupleList2 when
      Key :: term(),
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple],
      NewTuple :: Tuple,
      Tuple :: tuple().
keyreplace(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace(Key, N, List, New, []).

keyreplace(Key, N, [H | T], New, Acc) when element(N, H) == Key ->
    reverse(Acc, [New | T]);
keyreplace(Key, N, [H | T], New, Acc) ->
    keyreplace(Key, N, T, New, [H | Acc]);
keyreplace(_Key, _N, [], _New, Acc) ->
    reverse(Acc, []).

%% @doc Returns a list of the elements of `TupleList1', sorted on their
%% `N'th elements. The sort is stable.
-spec keysort(N, TupleList1) -> TupleList2 when
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple],
      Tuple :: tuple().
keysort(N, List) when is_integer(N), N > 0 ->
    case List of
        [] -> List;
        [_] -> List;
        [_, _ | _] -> fsort(key_le(N), List)
    end.

key_le(N) ->
    fun(A, B) -> element(N, A) =< element(N, B) end.

%% @doc Returns a copy of `TupleList1' where the first tuple whose
%% `N'th element compares equal to `Key' is replaced with `NewTuple',
%% or `NewTuple' is appended if there is no such tuple.
-spec keystore(Key, N, TupleList1, NewTuple) -> TupleList2 when
      Key :: term(),
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple, ...],
      NewTuple :: Tuple,
      Tuple :: tuple().
keystore(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore(Key, N, List, New, []).

keystore(Key, N, [H | T], New, Acc) when element(N, H) == Key ->
    reverse(Acc, [New | T]);
keystore(Key, N, [H | T], New, Acc) ->
    keystore(Key, N, T, New, [H | Acc]);
keystore(_Key, _N, [], New, Acc) ->
    reverse(Acc, [New]).

%% @doc Searches `TupleList1' for a tuple whose `N'th element compares
%% equal to `Key'; returns `{value, Tuple, TupleList2}' with that tuple
%% removed, or `false'.
-spec keytake(Key, N, TupleList1) -> {value, Tuple, TupleList2} | false when
      Key :: term(),
      N :: pos_integer(),
      TupleList1 :: [tuple()],
      TupleList2 :: [tuple()],
      Tuple :: tuple().
keytake(Key, N, List) when is_integer(N), N > 0 ->
    keytake(Key, N, List, []).

keytake(Key, N, [H | T], Acc) when element(N, H) == Key ->
    {value, H, reverse(Acc, T)};
keytake(Key, N, [H | T], Acc) ->
    keytake(Key, N, T, [H | Acc]);
keytake(_Key, _N, [], _Acc) ->
    false.

%% @doc Like `keymerge/3' for lists sorted in descending order.
-spec rkeymerge(N, TupleList1, TupleList2) -> TupleList3 when
      N :: pos_integer(),
      TupleList1 :: [T1],
      TupleList2 :: [T2],
      TupleList3 :: [(T1 | T2)],
      T1 :: tuple(),
      T2 :: tuple().
rkeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H2 | _] ->
            _ = element(N, H2),
            rfmerge2(key_le(N), L1, L2, [])
    end.

%% @doc Like `ukeymerge/3' for lists sorted in descending order.
-spec rukeymerge(N, TupleList1, TupleList2) -> TupleList3 when
      N :: pos_integer(),
      TupleList1 :: [T1],
      TupleList2 :: [T2],
      TupleList3 :: [(T1 | T2)],
      T1 :: tuple(),
      T2 :: tuple().
rukeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H2 | _] ->
            _ = element(N, H2),
            rfumerge2(key_le(N), L1, L2, [])
    end.

%% @doc Like `keymerge/3', but of two tuples with equal keys only the
%% one from `TupleList1' is kept.
-spec ukeymerge(N, TupleList1, TupleList2) -> TupleList3 when
      N :: pos_integer(),
      TupleList1 :: [T1],
      TupleList2 :: [T2],
      TupleList3 :: [(T1 | T2)],
      T1 :: tuple(),
      T2 :: tuple().
ukeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L1 of
        [] -> L2;
        [H1 | _] ->
            _ = element(N, H1),
            fumerge2(key_le(N), L1, L2, [])
    end.

%% @doc Like `keysort/2', but of the tuples with equal keys only the
%% first is kept.
-spec ukeysort(N, TupleList1) -> TupleList2 when
      N :: pos_integer(),
      TupleList1 :: [Tuple],
      TupleList2 :: [Tuple],
      Tuple :: tuple().
ukeysort(N, List) when is_integer(N), N > 0 ->
    case List of
        [] -> List;
        [_] -> List;
        [_, _ | _] -> fdedup(key_le(N), fsort(key_le(N), List))
    end.

%%% ===================================================================
%%% Functions that take fun arguments
%%% ===================================================================

%% @doc Returns `true' if `Pred(Elem)' returns `true' for all elements.
-spec all(Pred, List) -> boolean() when
      Pred :: fun((Elem :: T) -> boolean()),
      List :: [T],
      T :: term().
all(Pred, List) when is_function(Pred, 1) ->
    case List of
        [_ | _] -> all_1(Pred, List);
        [] -> true
    end.

all_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> all_1(Pred, T);
        false -> false
    end;
all_1(_Pred, []) ->
    true.

%% @doc Returns `true' if `Pred(Elem)' returns `true' for at least one
%% element.
-spec any(Pred, List) -> boolean() when
      Pred :: fun((Elem :: T) -> boolean()),
      List :: [T],
      T :: term().
any(Pred, List) when is_function(Pred, 1) ->
    case List of
        [_ | _] -> any_1(Pred, List);
        [] -> false
    end.

any_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> true;
        false -> any_1(Pred, T)
    end;
any_1(_Pred, []) ->
    false.

%% @doc Drops elements from `List1' while `Pred(Elem)' returns `true'.
-spec dropwhile(Pred, List1) -> List2 when
      Pred :: fun((Elem :: T) -> boolean()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
dropwhile(Pred, List) when is_function(Pred, 1) ->
    dropwhile_1(Pred, List).

dropwhile_1(Pred, [H | T] = L) ->
    case Pred(H) of
        true -> dropwhile_1(Pred, T);
        false -> L
    end;
dropwhile_1(_Pred, []) ->
    [].

%% @doc Returns the elements `Elem' of `List1' for which `Pred(Elem)'
%% returns `true'.
-spec filter(Pred, List1) -> List2 when
      Pred :: fun((Elem :: T) -> boolean()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
filter(Pred, List) when is_function(Pred, 1) ->
    [E || E <- List, Pred(E)].

%% @doc Calls `Fun(Elem)' on each element: `true' keeps `Elem',
%% `{true, Value}' keeps `Value' instead, `false' drops it.
-spec filtermap(Fun, List1) -> List2 when
      Fun :: fun((Elem) -> boolean() | {true, Value}),
      List1 :: [Elem],
      List2 :: [Elem | Value],
      Elem :: term(),
      Value :: term().
filtermap(Fun, List) when is_function(Fun, 1) ->
    filtermap(Fun, List, []).

filtermap(Fun, [H | T], Acc) ->
    case Fun(H) of
        false -> filtermap(Fun, T, Acc);
        true -> filtermap(Fun, T, [H | Acc]);
        {true, V} -> filtermap(Fun, T, [V | Acc])
    end;
filtermap(_Fun, [], Acc) ->
    reverse(Acc, []).

%% @doc Maps `Fun' over `List1' and appends the resulting lists.
-spec flatmap(Fun, List1) -> List2 when
      Fun :: fun((A) -> [B]),
      List1 :: [A],
      List2 :: [B],
      A :: term(),
      B :: term().
flatmap(Fun, List) when is_function(Fun, 1) ->
    flatmap_results(Fun, List, []).

%% As OTP, all calls of `Fun' happen (left to right) before the results
%% are appended, from the right.
flatmap_results(Fun, [H | T], Rs) ->
    flatmap_results(Fun, T, [Fun(H) | Rs]);
flatmap_results(_Fun, [], Rs) ->
    flatmap_append(Rs, []).

flatmap_append([R | Rs], Acc) -> flatmap_append(Rs, R ++ Acc);
flatmap_append([], Acc) -> Acc.

%% @doc Calls `Fun(Elem, AccIn)' on successive elements from left to
%% right, starting with `AccIn == Acc0'; returns the final accumulator.
-spec foldl(Fun, Acc0, List) -> Acc1 when
      Fun :: fun((Elem :: T, AccIn) -> AccOut),
      Acc0 :: term(),
      Acc1 :: term(),
      AccIn :: term(),
      AccOut :: term(),
      List :: [T],
      T :: term().
foldl(Fun, Acc, List) when is_function(Fun, 2) ->
    case List of
        [H | T] -> foldl_1(Fun, Fun(H, Acc), T);
        [] -> Acc
    end.

foldl_1(Fun, Acc, [H | T]) -> foldl_1(Fun, Fun(H, Acc), T);
foldl_1(_Fun, Acc, []) -> Acc.

%% @doc Like `foldl/3', but the list is traversed from right to left.
-spec foldr(Fun, Acc0, List) -> Acc1 when
      Fun :: fun((Elem :: T, AccIn) -> AccOut),
      Acc0 :: term(),
      Acc1 :: term(),
      AccIn :: term(),
      AccOut :: term(),
      List :: [T],
      T :: term().
foldr(Fun, Acc, List) when is_function(Fun, 2) ->
    foldl_1(Fun, Acc, reverse_proper(List)).

%% @doc Calls `Fun(Elem)' for each element, for its side effects.
-spec foreach(Fun, List) -> ok when
      Fun :: fun((Elem :: T) -> term()),
      List :: [T],
      T :: term().
foreach(Fun, List) when is_function(Fun, 1) ->
    foreach_1(Fun, List).

foreach_1(Fun, [H | T]) ->
    _ = Fun(H),
    foreach_1(Fun, T);
foreach_1(_Fun, []) ->
    ok.

%% @doc Returns the list of `Fun(Elem)' for each element `Elem'.
-spec map(Fun, List1) -> List2 when
      Fun :: fun((A) -> B),
      List1 :: [A],
      List2 :: [B],
      A :: term(),
      B :: term().
map(Fun, List) when is_function(Fun, 1) ->
    case List of
        [H | T] -> map(Fun, T, [Fun(H)]);
        [] -> []
    end.

map(Fun, [H | T], Acc) -> map(Fun, T, [Fun(H) | Acc]);
map(_Fun, [], Acc) -> reverse(Acc, []).

%% @doc Combines `map/2' and `foldl/3' in one pass.
-spec mapfoldl(Fun, Acc0, List1) -> {List2, Acc1} when
      Fun :: fun((A, AccIn) -> {B, AccOut}),
      Acc0 :: term(),
      Acc1 :: term(),
      AccIn :: term(),
      AccOut :: term(),
      List1 :: [A],
      List2 :: [B],
      A :: term(),
      B :: term().
mapfoldl(Fun, Acc, List) when is_function(Fun, 2) ->
    mapfoldl(Fun, Acc, List, []).

mapfoldl(Fun, Acc0, [H | T], Out) ->
    {R, Acc1} = Fun(H, Acc0),
    mapfoldl(Fun, Acc1, T, [R | Out]);
mapfoldl(_Fun, Acc, [], Out) ->
    {reverse(Out, []), Acc}.

%% @doc Combines `map/2' and `foldr/3' in one pass.
-spec mapfoldr(Fun, Acc0, List1) -> {List2, Acc1} when
      Fun :: fun((A, AccIn) -> {B, AccOut}),
      Acc0 :: term(),
      Acc1 :: term(),
      AccIn :: term(),
      AccOut :: term(),
      List1 :: [A],
      List2 :: [B],
      A :: term(),
      B :: term().
mapfoldr(Fun, Acc, List) when is_function(Fun, 2) ->
    mapfoldr_1(Fun, Acc, reverse_proper(List), []).

%% The input is reversed, so the output is built in order.
mapfoldr_1(Fun, Acc0, [H | T], Out) ->
    {R, Acc1} = Fun(H, Acc0),
    mapfoldr_1(Fun, Acc1, T, [R | Out]);
mapfoldr_1(_Fun, Acc, [], Out) ->
    {Out, Acc}.

%% @doc Partitions `List' into `{Satisfying, NotSatisfying}' according
%% to `Pred'.
-spec partition(Pred, List) -> {Satisfying, NotSatisfying} when
      Pred :: fun((Elem :: T) -> boolean()),
      List :: [T],
      Satisfying :: [T],
      NotSatisfying :: [T],
      T :: term().
partition(Pred, List) when is_function(Pred, 1) ->
    partition(Pred, List, [], []).

partition(Pred, [H | T], Yes, No) ->
    case Pred(H) of
        true -> partition(Pred, T, [H | Yes], No);
        false -> partition(Pred, T, Yes, [H | No])
    end;
partition(_Pred, [], Yes, No) ->
    {reverse(Yes, []), reverse(No, [])}.

%% @doc Returns `{value, Elem}' for the first element for which
%% `Pred(Elem)' returns `true', or `false'.
-spec search(Pred, List) -> {value, Value} | false when
      Pred :: fun((T) -> boolean()),
      List :: [T],
      Value :: T.
search(Pred, List) when is_function(Pred, 1) ->
    search_1(Pred, List).

search_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> {value, H};
        false -> search_1(Pred, T)
    end;
search_1(_Pred, []) ->
    false.

%% @doc Splits `List' into `{takewhile(Pred, List), dropwhile(Pred,
%% List)}'.
-spec splitwith(Pred, List) -> {List1, List2} when
      Pred :: fun((T) -> boolean()),
      List :: [T],
      List1 :: [T],
      List2 :: [T],
      T :: term().
splitwith(Pred, List) when is_function(Pred, 1) ->
    splitwith(Pred, List, []).

splitwith(Pred, [H | T] = L, Acc) ->
    case Pred(H) of
        true -> splitwith(Pred, T, [H | Acc]);
        false -> {reverse(Acc, []), L}
    end;
splitwith(_Pred, [], Acc) ->
    {reverse(Acc, []), []}.

%% @doc Takes elements from `List1' while `Pred(Elem)' returns `true'.
-spec takewhile(Pred, List1) -> List2 when
      Pred :: fun((Elem :: T) -> boolean()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
takewhile(Pred, List) when is_function(Pred, 1) ->
    takewhile(Pred, List, []).

takewhile(Pred, [H | T], Acc) ->
    case Pred(H) of
        true -> takewhile(Pred, T, [H | Acc]);
        false -> reverse(Acc, [])
    end;
takewhile(_Pred, [], Acc) ->
    reverse(Acc, []).

%% @doc Returns `List1' without the elements whose key `Fun(Elem)' was
%% already seen (compared with `=:='), keeping the first of each.
-spec uniq(Fun, List1) -> List2 when
      Fun :: fun((T) -> any()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
uniq(Fun, List) when is_function(Fun, 1) ->
    uniq_by(Fun, List, #{}, []).

uniq_by(Fun, [H | T], Seen, Acc) ->
    Key = Fun(H),
    case Seen of
        #{Key := _} -> uniq_by(Fun, T, Seen, Acc);
        #{} -> uniq_by(Fun, T, Seen#{Key => []}, [H | Acc])
    end;
uniq_by(_Fun, [], _Seen, Acc) ->
    reverse(Acc, []).

%% @doc Old name of `filtermap/2'.
-spec zf(Fun, List1) -> List2 when
      Fun :: fun((Elem) -> boolean() | {true, Value}),
      List1 :: [Elem],
      List2 :: [Elem | Value],
      Elem :: term(),
      Value :: term().
zf(Fun, List) ->
    filtermap(Fun, List).

%% @doc Combines the elements of two lists of equal length with
%% `Combine(X, Y)'.
-spec zipwith(Combine, List1, List2) -> List3 when
      Combine :: fun((X, Y) -> T),
      List1 :: [X],
      List2 :: [Y],
      List3 :: [T],
      X :: term(),
      Y :: term(),
      T :: term().
zipwith(Fun, Xs, Ys) ->
    zipwith(Fun, Xs, Ys, []).

zipwith(Fun, [X | Xs], [Y | Ys], Acc) ->
    zipwith(Fun, Xs, Ys, [Fun(X, Y) | Acc]);
zipwith(Fun, [], [], Acc) when is_function(Fun, 2) ->
    reverse(Acc, []).

%% @doc Combines the elements of three lists of equal length with
%% `Combine(X, Y, Z)'.
-spec zipwith3(Combine, List1, List2, List3) -> List4 when
      Combine :: fun((X, Y, Z) -> T),
      List1 :: [X],
      List2 :: [Y],
      List3 :: [Z],
      List4 :: [T],
      X :: term(),
      Y :: term(),
      Z :: term(),
      T :: term().
zipwith3(Fun, Xs, Ys, Zs) ->
    zipwith3(Fun, Xs, Ys, Zs, []).

zipwith3(Fun, [X | Xs], [Y | Ys], [Z | Zs], Acc) ->
    zipwith3(Fun, Xs, Ys, Zs, [Fun(X, Y, Z) | Acc]);
zipwith3(Fun, [], [], [], Acc) when is_function(Fun, 3) ->
    reverse(Acc, []).

%%% ===================================================================
%%% Sorting and merging with an ordering fun
%%% ===================================================================

%% @doc Returns the elements of `List1' sorted by `Fun', which returns
%% `true' if `A' compares less than or equal to `B'. The sort is stable.
-spec sort(Fun, List1) -> List2 when
      Fun :: fun((A :: T, B :: T) -> boolean()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
sort(Fun, []) when is_function(Fun, 2) -> [];
sort(Fun, [_] = L) when is_function(Fun, 2) -> L;
sort(Fun, [_, _ | _] = L) -> fsort(Fun, L).

%% @doc Like `sort/2', but of the elements that compare equal under
%% `Fun' (both `Fun(A, B)' and `Fun(B, A)') only the first is kept.
-spec usort(Fun, List1) -> List2 when
      Fun :: fun((T, T) -> boolean()),
      List1 :: [T],
      List2 :: [T],
      T :: term().
usort(Fun, []) when is_function(Fun, 2) -> [];
usort(Fun, [_] = L) when is_function(Fun, 2) -> L;
usort(Fun, [_, _ | _] = L) when is_function(Fun, 2) ->
    fdedup(Fun, fsort(Fun, L)).

%% @doc Merges `List1' and `List2', both sorted by `Fun'. Ties go to
%% `List1'.
-spec merge(Fun, List1, List2) -> List3 when
      Fun :: fun((A, B) -> boolean()),
      List1 :: [A],
      List2 :: [B],
      List3 :: [(A | B)],
      A :: term(),
      B :: term().
merge(Fun, L1, []) when is_function(Fun, 2) -> L1;
merge(Fun, L1, L2) when is_function(Fun, 2) ->
    fmerge2(Fun, L1, L2, []).

%% @doc Merges `List1' and `List2', both sorted by `Fun' and without
%% duplicates; of two elements comparing equal, the one from `List1' is
%% kept.
-spec umerge(Fun, List1, List2) -> List3 when
      Fun :: fun((A, B) -> boolean()),
      List1 :: [A],
      List2 :: [B],
      List3 :: [(A | B)],
      A :: term(),
      B :: term().
umerge(Fun, [], L2) when is_function(Fun, 2) -> L2;
umerge(Fun, L1, L2) when is_function(Fun, 2) ->
    fumerge2(Fun, L1, L2, []).

%% @doc Like `merge/3' for lists sorted in descending order by `Fun'.
-spec rmerge(Fun, List1, List2) -> List3 when
      Fun :: fun((A, B) -> boolean()),
      List1 :: [A],
      List2 :: [B],
      List3 :: [(A | B)],
      A :: term(),
      B :: term().
rmerge(Fun, L1, []) when is_function(Fun, 2) -> L1;
rmerge(Fun, L1, L2) when is_function(Fun, 2) ->
    rfmerge2(Fun, L1, L2, []).

%% @doc Like `umerge/3' for lists sorted in descending order by `Fun'.
-spec rumerge(Fun, List1, List2) -> List3 when
      Fun :: fun((A, B) -> boolean()),
      List1 :: [A],
      List2 :: [B],
      List3 :: [(A | B)],
      A :: term(),
      B :: term().
rumerge(Fun, L1, []) when is_function(Fun, 2) -> L1;
rumerge(Fun, L1, L2) when is_function(Fun, 2) ->
    rfumerge2(Fun, L1, L2, []).

%% Stable natural merge sort with an ordering fun `Le' (A =< B).
fsort(Le, List) -> fmerge_runs(Le, fruns(Le, List, [])).

fruns(Le, [X, Y | T], Runs) ->
    case Le(X, Y) of
        true -> fasc_run(Le, T, Y, [Y, X], Runs);
        false -> fdesc_run(Le, T, Y, [Y, X], Runs)
    end;
fruns(_Le, [X], Runs) -> reverse(Runs, [[X]]);
fruns(_Le, [], Runs) -> reverse(Runs, []).

fasc_run(Le, [Z | T] = L, Last, Run, Runs) ->
    case Le(Last, Z) of
        true -> fasc_run(Le, T, Z, [Z | Run], Runs);
        false -> fruns(Le, L, [reverse(Run, []) | Runs])
    end;
fasc_run(Le, T, _Last, Run, Runs) ->
    fruns(Le, T, [reverse(Run, []) | Runs]).

fdesc_run(Le, [Z | T] = L, Last, Run, Runs) ->
    case Le(Last, Z) of
        false -> fdesc_run(Le, T, Z, [Z | Run], Runs);
        true -> fruns(Le, L, [Run | Runs])
    end;
fdesc_run(Le, T, _Last, Run, Runs) ->
    fruns(Le, T, [Run | Runs]).

fmerge_runs(_Le, [Run]) -> Run;
fmerge_runs(Le, Runs) -> fmerge_runs(Le, fmerge_pairs(Le, Runs, [])).

fmerge_pairs(Le, [A, B | Rest], Acc) ->
    fmerge_pairs(Le, Rest, [fmerge2(Le, A, B, []) | Acc]);
fmerge_pairs(_Le, [A], Acc) -> reverse(Acc, [A]);
fmerge_pairs(_Le, [], Acc) -> reverse(Acc, []).

%% Stable merge under `Le'; ties go to the first list.
fmerge2(Le, [H1 | T1] = L1, [H2 | T2] = L2, Acc) ->
    case Le(H1, H2) of
        true -> fmerge2(Le, T1, L2, [H1 | Acc]);
        false -> fmerge2(Le, L1, T2, [H2 | Acc])
    end;
fmerge2(_Le, [], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
fmerge2(_Le, L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Merge under `Le' dropping, from the second list, elements equal to
%% the one taken from the first.
fumerge2(Le, [H1 | T1] = L1, [H2 | T2] = L2, Acc) ->
    case Le(H1, H2) of
        true ->
            case Le(H2, H1) of
                true -> fumerge2(Le, T1, T2, [H1 | Acc]);
                false -> fumerge2(Le, T1, L2, [H1 | Acc])
            end;
        false ->
            fumerge2(Le, L1, T2, [H2 | Acc])
    end;
fumerge2(_Le, [], L2, Acc) when is_list(L2) -> reverse_checked(Acc, L2);
fumerge2(_Le, L1, [], Acc) when is_list(L1) -> reverse_checked(Acc, L1).

%% Removes from a list sorted by `Le' each element equal to the last
%% one kept.
fdedup(Le, [H | T]) -> fdedup(Le, T, H, [H]).

fdedup(Le, [H | T], Last, Acc) ->
    case Le(H, Last) of
        true -> fdedup(Le, T, Last, Acc);
        false -> fdedup(Le, T, H, [H | Acc])
    end;
fdedup(_Le, [], _Last, Acc) ->
    reverse(Acc, []).
