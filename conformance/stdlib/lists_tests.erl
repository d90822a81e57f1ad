-module(lists_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the lists module of OTP 25 (stdlib-4.2).

id(X) -> X.

map_test() ->
    ?assertEqual([2, 4, 6], lists:map(fun(X) -> X * 2 end, [1, 2, 3])),
    ?assertEqual([], lists:map(fun(X) -> X end, [])).

foldl_test() ->
    ?assertEqual(6, lists:foldl(fun(X, Acc) -> X + Acc end, 0, [1, 2, 3])),
    ?assertEqual([3, 2, 1], lists:foldl(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])).

foldr_test() ->
    ?assertEqual([1, 2, 3], lists:foldr(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])),
    ?assertEqual("abc", lists:foldr(fun(X, Acc) -> [X | Acc] end, [], "abc")).

filter_test() ->
    ?assertEqual([2, 4], lists:filter(fun(X) -> X rem 2 =:= 0 end, [1, 2, 3, 4])),
    ?assertEqual([], lists:filter(fun(_) -> false end, [1, 2])).

reverse_test() ->
    ?assertEqual([3, 2, 1], lists:reverse([1, 2, 3])),
    ?assertEqual([], lists:reverse([])),
    ?assertEqual([2, 1, 3], lists:reverse([1, 2], [3])).

sort_test() ->
    ?assertEqual([1, 2, 3], lists:sort([3, 1, 2])),
    ?assertEqual([a, a, b], lists:sort([b, a, a])),
    ?assertEqual([], lists:sort([])).

sort_2_test() ->
    ?assertEqual([3, 2, 1], lists:sort(fun(A, B) -> A >= B end, [1, 3, 2])),
    ?assertEqual([{1, b}, {1, a}, {2, c}],
                 lists:sort(fun({A, _}, {B, _}) -> A =< B end, [{1, b}, {2, c}, {1, a}])).

usort_test() ->
    ?assertEqual([1, 2, 3], lists:usort([3, 1, 2, 3, 1])),
    ?assertEqual([3, 2, 1], lists:usort(fun(A, B) -> A >= B end, [1, 3, 2, 3])).

keyfind_test() ->
    L = [{a, 1}, {b, 2}, {a, 3}],
    ?assertEqual({a, 1}, lists:keyfind(a, 1, L)),
    ?assertEqual({b, 2}, lists:keyfind(2, 2, L)),
    ?assertEqual(false, lists:keyfind(z, 1, L)).

keyfind_compares_equal_test() ->
    %% keyfind uses == (compares equal), unlike lists:member/2 (=:=)
    %% (id/1 hides the key from the OTP 25 compiler, whose type analysis
    %% wrongly assumes an exact match here)
    ?assertEqual({1, int}, lists:keyfind(id(1.0), 1, [{1, int}])),
    ?assertEqual({1, int}, lists:keyfind(1, 1, [{1, int}])).

keysort_test() ->
    ?assertEqual([{a, 2}, {b, 1}], lists:keysort(1, [{b, 1}, {a, 2}])),
    ?assertEqual([{b, 1}, {a, 2}, {c, 2}], lists:keysort(2, [{a, 2}, {b, 1}, {c, 2}])).

ukeysort_test() ->
    ?assertEqual([{a, 2}, {b, 1}], lists:ukeysort(1, [{b, 1}, {a, 2}, {b, 3}])).

keystore_test() ->
    ?assertEqual([{a, 9}, {b, 2}], lists:keystore(a, 1, [{a, 1}, {b, 2}], {a, 9})),
    ?assertEqual([{a, 1}, {x, 2}], lists:keystore(x, 1, [{a, 1}], {x, 2})).

keydelete_test() ->
    ?assertEqual([{b, 2}, {a, 3}], lists:keydelete(a, 1, [{a, 1}, {b, 2}, {a, 3}])),
    ?assertEqual([{b, 2}], lists:keydelete(z, 1, [{b, 2}])).

keyreplace_test() ->
    ?assertEqual([{a, 9}, {a, 2}], lists:keyreplace(a, 1, [{a, 1}, {a, 2}], {a, 9})).

keymember_test() ->
    ?assert(lists:keymember(b, 1, [{a, 1}, {b, 2}])),
    ?assertNot(lists:keymember(c, 1, [{a, 1}, {b, 2}])).

keytake_test() ->
    ?assertEqual({value, {a, 1}, [{b, 0}]}, lists:keytake(a, 1, [{b, 0}, {a, 1}])),
    ?assertEqual(false, lists:keytake(z, 1, [{b, 0}])).

keymerge_test() ->
    ?assertEqual([{a, 1}, {b, 2}, {c, 3}], lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}])).

nth_test() ->
    ?assertEqual(b, lists:nth(2, [a, b, c])),
    ?assertError(function_clause, lists:nth(id(0), [a])),
    ?assertError(function_clause, lists:nth(id(2), [a])).

nthtail_test() ->
    ?assertEqual([c], lists:nthtail(2, [a, b, c])),
    ?assertEqual([], lists:nthtail(3, [a, b, c])),
    ?assertError(function_clause, lists:nthtail(id(4), [a, b, c])).

sublist_2_test() ->
    ?assertEqual([1, 2], lists:sublist([1, 2, 3], 2)),
    ?assertEqual([1, 2, 3], lists:sublist([1, 2, 3], 5)),
    ?assertEqual([], lists:sublist([], 1)).

sublist_3_test() ->
    ?assertEqual([2, 3], lists:sublist([1, 2, 3], 2, 5)),
    ?assertEqual([], lists:sublist([1, 2, 3], 4, 1)),
    ?assertEqual([], lists:sublist([1, 2, 3], 5, 1)).

seq_2_test() ->
    ?assertEqual([1, 2, 3], lists:seq(1, 3)),
    ?assertEqual([], lists:seq(1, 0)),
    ?assertError(function_clause, lists:seq(1, id(-1))).

seq_3_test() ->
    ?assertEqual([1, 4, 7, 10], lists:seq(1, 10, 3)),
    ?assertEqual([10, 7, 4, 1], lists:seq(10, 1, -3)),
    ?assertEqual([1], lists:seq(1, 1, 0)),
    ?assertError(badarg, lists:seq(1, 2, id(0))).

zip_test() ->
    ?assertEqual([{1, a}, {2, b}], lists:zip([1, 2], [a, b])),
    ?assertError(function_clause, lists:zip([1, 2], id([a]))).

zip_3_not_in_otp25_test() ->
    ?assertError(undef, apply(lists, id(zip), [[1, 2], [a], trim])).

unzip_test() ->
    ?assertEqual({[1, 2], [a, b]}, lists:unzip([{1, a}, {2, b}])),
    ?assertEqual({[], []}, lists:unzip([])).

zip3_unzip3_test() ->
    ?assertEqual([{1, a, x}], lists:zip3([1], [a], [x])),
    ?assertEqual({[1, 2], [a, b], [x, y]}, lists:unzip3([{1, a, x}, {2, b, y}])).

zipwith_test() ->
    ?assertEqual([4, 6], lists:zipwith(fun(A, B) -> A + B end, [1, 2], [3, 4])).

flatten_test() ->
    ?assertEqual([1, 2, 3, 4], lists:flatten([1, [2, [3, []], 4]])),
    ?assertEqual([1, 2, 3, 4, tail], lists:flatten([1, [2, [3, []], 4]], [tail])),
    ?assertEqual("abc", lists:flatten(["a", ["b", [$c]]])).

flatten_improper_error_test() ->
    ?assertError(function_clause, lists:flatten(id([a | b]))).

flatlength_test() ->
    ?assertEqual(3, lists:flatlength([1, [2, [3]]])).

append_test() ->
    ?assertEqual([1, 2, 3], lists:append([[1], [2, 3], []])),
    ?assertEqual([1, 2], lists:append([1], [2])).

concat_test() ->
    ?assertEqual("ab1", lists:concat([a, "b", 1])),
    ?assertEqual("x2.50000000000000000000e+00", lists:concat([x, 2.5])).

duplicate_test() ->
    ?assertEqual([x, x, x], lists:duplicate(3, x)),
    ?assertEqual([], lists:duplicate(0, x)).

last_test() ->
    ?assertEqual(c, lists:last([a, b, c])),
    ?assertError(function_clause, lists:last(id([]))).

droplast_test() ->
    ?assertEqual([1, 2], lists:droplast([1, 2, 3])),
    ?assertEqual([], lists:droplast([1])).

max_min_test() ->
    ?assertEqual(3, lists:max([1, 3, 2])),
    ?assertEqual(1, lists:min([2, 1, 3])),
    ?assertEqual(b, lists:max([1, a, b])),
    ?assertError(function_clause, lists:max(id([]))).

max_min_equal_elements_test() ->
    %% the first of equal elements is returned
    ?assertEqual(1, lists:max([1, 1.0])),
    ?assertEqual(1.0, lists:min([3, 1.0, 1])).

sum_test() ->
    ?assertEqual(6, lists:sum([1, 2, 3])),
    ?assertEqual(0, lists:sum([])),
    ?assertEqual(3.5, lists:sum([1, 2.5])).

member_test() ->
    ?assert(lists:member(b, [a, b])),
    ?assertNot(lists:member(c, [a, b])),
    ?assertNot(lists:member(1.0, [1])).

delete_test() ->
    ?assertEqual([b, c, a], lists:delete(a, [b, a, c, a])),
    ?assertEqual([b], lists:delete(z, [b])).

subtract_test() ->
    ?assertEqual([2, 1, 3], lists:subtract([1, 2, 1, 3], [1])),
    ?assertEqual([], lists:subtract([1], [1, 1])).

split_test() ->
    ?assertEqual({[1, 2], [3]}, lists:split(2, [1, 2, 3])),
    ?assertEqual({[], []}, lists:split(0, [])),
    ?assertError(badarg, lists:split(id(4), [1, 2, 3])).

splitwith_test() ->
    ?assertEqual({[1, 2], [3, 1]}, lists:splitwith(fun(X) -> X < 3 end, [1, 2, 3, 1])).

takewhile_dropwhile_test() ->
    ?assertEqual([1, 2], lists:takewhile(fun(X) -> X < 3 end, [1, 2, 3, 1])),
    ?assertEqual([3, 1], lists:dropwhile(fun(X) -> X < 3 end, [1, 2, 3, 1])).

partition_test() ->
    ?assertEqual({[2, 4], [1, 3]}, lists:partition(fun(X) -> X rem 2 =:= 0 end, [1, 2, 3, 4])).

any_all_test() ->
    ?assert(lists:any(fun(X) -> X > 2 end, [1, 3])),
    ?assertNot(lists:any(fun(_) -> true end, [])),
    ?assert(lists:all(fun(X) -> X > 0 end, [1, 3])),
    ?assert(lists:all(fun(_) -> false end, [])).

foreach_test() ->
    Tag = make_ref(),
    lists:foreach(fun(X) -> self() ! {Tag, X} end, [a, b]),
    R1 = receive {Tag, M1} -> M1 end,
    R2 = receive {Tag, M2} -> M2 end,
    ?assertEqual([a, b], [R1, R2]),
    ?assertEqual(ok, lists:foreach(fun(_) -> x end, [])).

mapfoldl_test() ->
    ?assertEqual({[2, 4, 6], 6}, lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, [1, 2, 3])).

mapfoldr_test() ->
    ?assertEqual({[2, 4, 6], [1, 2, 3]}, lists:mapfoldr(fun(X, A) -> {X * 2, [X | A]} end, [], [1, 2, 3])).

flatmap_test() ->
    ?assertEqual([1, 1, 2, 2], lists:flatmap(fun(X) -> [X, X] end, [1, 2])),
    ?assertEqual([], lists:flatmap(fun(_) -> [] end, [1, 2])).

filtermap_test() ->
    ?assertEqual([1, 30], lists:filtermap(fun(X) when X > 2 -> {true, X * 10}; (X) -> X == 1 end, [1, 2, 3])).

merge_test() ->
    ?assertEqual([1, 2, 3, 4], lists:merge([1, 4], [2, 3])),
    ?assertEqual([0, 1, 2, 3, 4], lists:merge([[1, 4], [2, 3], [0]])).

umerge_test() ->
    ?assertEqual([1, 2, 3], lists:umerge([1, 2], [2, 3])).

prefix_suffix_test() ->
    ?assert(lists:prefix("ab", "abc")),
    ?assertNot(lists:prefix("bc", "abc")),
    ?assert(lists:suffix("bc", "abc")),
    ?assert(lists:prefix([], [1])).

enumerate_test() ->
    ?assertEqual([{1, a}, {2, b}], lists:enumerate([a, b])),
    ?assertEqual([{0, a}, {1, b}], lists:enumerate(0, [a, b])),
    ?assertEqual([], lists:enumerate([])).

uniq_test() ->
    ?assertEqual([3, 1, 2], lists:uniq([3, 1, 3, 2, 1])),
    ?assertEqual([1, 1.0], lists:uniq([1, 1.0, 1])),
    ?assertEqual([], lists:uniq([])).

uniq_2_test() ->
    ?assertEqual([3, 4], lists:uniq(fun(X) -> X rem 2 end, [3, 1, 4, 2, 5])).

search_test() ->
    ?assertEqual({value, 2}, lists:search(fun(X) -> X > 1 end, [1, 2, 3])),
    ?assertEqual(false, lists:search(fun(X) -> X > 5 end, [1, 2, 3])).

join_test() ->
    ?assertEqual([a, x, b, x, c], lists:join(x, [a, b, c])),
    ?assertEqual([], lists:join(x, [])),
    ?assertEqual("a, b", lists:flatten(lists:join(", ", ["a", "b"]))).

sort_stability_test() ->
    L = [{1, first}, {0, x}, {1, second}],
    ?assertEqual([{0, x}, {1, first}, {1, second}], lists:keysort(1, L)).

sort_large_test() ->
    L = [(X * 7919) rem 1000 || X <- lists:seq(1, 1000)],
    S = lists:sort(L),
    ?assertEqual(lists:seq(0, 999), S).

reverse_large_test() ->
    ?assertEqual(lists:seq(100000, 1, -1), lists:reverse(lists:seq(1, 100000))).

list_ops_on_strings_test() ->
    ?assertEqual("cba", lists:reverse("abc")),
    ?assertEqual($c, lists:last("abc")),
    ?assertEqual("abc", lists:sort("cab")).

map_error_propagates_test() ->
    ?assertError(badarith, lists:map(fun(X) -> 1 / X end, [1, id(0)])).

foldl_non_list_error_test() ->
    %% OTP 25's lists:foldl/3 is written with a case expression
    ?assertError({case_clause, notalist}, lists:foldl(fun(X, A) -> X + A end, 0, id(notalist))).

keyfind_non_tuple_elements_ignored_test() ->
    ?assertEqual({b, 1}, lists:keyfind(b, 1, [a, {a}, {b, 1}])).

all_functions_on_empty_test() ->
    ?assertEqual([], lists:reverse([])),
    ?assertEqual([], lists:append([])),
    ?assertEqual([], lists:flatten([])),
    ?assertEqual([], lists:usort([])).

%% ---- equal-but-not-identical elements (1 vs 1.0) -----------------------

sort_rejects_non_lists_test() ->
    ?assertError(function_clause, lists:sort(a)),
    ?assertError(function_clause, lists:sort([b, a | c])),
    ?assertEqual([a, b, c], lists:sort([c, a, b])),
    ?assertEqual(lists:seq(1, 1000), lists:sort(lists:reverse(lists:seq(1, 1000)))).

sort_equal_numbers_not_stable_test() ->
    %% OTP 25's lists:sort/1 merge sort does not keep input order for
    %% elements that compare equal
    ?assertEqual([1, 1.0, 2.0, 2], lists:sort([2, 1.0, 1, 2.0])),
    ?assertEqual([1, 1.0, 2], lists:sort([1, 1.0, 2])).

usort_keeps_first_of_equal_test() ->
    ?assertEqual([1.0], lists:usort([1.0, 1])),
    ?assertEqual([1], lists:usort([1, 1.0])),
    ?assertEqual([1.0, 2], lists:usort([2, 1.0, 1, 2.0])).

sort_2_is_stable_test() ->
    ?assertEqual([{0, b}, {1, a}, {1, c}],
                 lists:sort(fun({A, _}, {B, _}) -> A =< B end, [{1, a}, {0, b}, {1, c}])),
    ?assertEqual([{0, b}, {1, a}],
                 lists:usort(fun({A, _}, {B, _}) -> A =< B end, [{1, a}, {0, b}, {1, c}])).

keysort_stable_with_equal_numeric_keys_test() ->
    ?assertEqual([{0.5, c}, {1.0, a}, {1, b}], lists:keysort(1, [{1.0, a}, {1, b}, {0.5, c}])),
    ?assertEqual([{1.0, a}], lists:ukeysort(1, [{1.0, a}, {1, b}])).

merge_equal_numbers_test() ->
    ?assertEqual([1, 1.0, 2, 3], lists:merge([1, 2], [1.0, 3])),
    ?assertEqual([1, 2, 3], lists:umerge([1, 2], [1.0, 3])).

exact_vs_equal_matching_functions_test() ->
    %% delete/2 and -- use exact matching; keydelete/keymember/keyfind use ==
    ?assertEqual([1], lists:delete(1.0, [1, 1.0])),
    ?assertEqual([1, 1], [1, 1.0, 1] -- [1.0]),
    ?assertEqual([{1.0, b}], lists:keydelete(id(1.0), 1, [{1, a}, {1.0, b}])),
    ?assert(lists:keymember(id(1.0), 1, [{1, a}])).

sort_with_strict_fun_test() ->
    ?assertEqual([1, 1, 2, 3], lists:sort(fun(A, B) -> A < B end, [3, 1, 2, 1])).
