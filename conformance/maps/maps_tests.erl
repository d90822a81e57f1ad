-module(maps_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: map syntax, semantics and the maps module basics (OTP 25).
%% Only small maps (=< 32 keys) are used where iteration order matters.

id(X) -> X.

construction_test() ->
    M = #{a => 1, b => 2},
    ?assertEqual(2, map_size(M)),
    ?assert(is_map(M)),
    ?assertEqual(0, map_size(#{})).

construction_duplicate_keys_last_wins_test() ->
    K = id(a),
    M = #{K => 1, K => 2},
    ?assertEqual(#{a => 2}, M).

construction_any_key_type_test() ->
    M = #{1 => int, 1.0 => float, "s" => string, <<"b">> => bin, {t} => tuple, [l] => list, #{} => map},
    ?assertEqual(7, map_size(M)),
    ?assertEqual(int, maps:get(1, M)),
    ?assertEqual(float, maps:get(1.0, M)),
    ?assertEqual(map, maps:get(#{}, M)).

int_and_float_keys_distinct_test() ->
    M = #{1 => a},
    ?assertEqual(error, maps:find(1.0, M)),
    ?assertNot(maps:is_key(1.0, M)).

update_arrow_adds_or_replaces_test() ->
    M = #{a => 1},
    ?assertEqual(#{a => 1, b => 2}, M#{b => 2}),
    ?assertEqual(#{a => 10}, M#{a => 10}).

update_assoc_existing_only_test() ->
    M = #{a => 1},
    ?assertEqual(#{a => 5}, M#{a := 5}),
    ?assertError({badkey, b}, (id(M))#{b := 5}).

update_mixed_test() ->
    M = #{a => 1, b => 2},
    ?assertEqual(#{a => 10, b => 2, c => 3}, M#{a := 10, c => 3}).

update_on_non_map_badmap_test() ->
    ?assertError({badmap, 1}, (id(1))#{a => 1}),
    ?assertError({badmap, []}, (id([]))#{a := 1}).

update_empty_is_noop_test() ->
    M = #{a => 1},
    ?assertEqual(M, M#{}).

pattern_match_test() ->
    #{a := A, b := B} = #{a => 1, b => 2, c => 3},
    ?assertEqual({1, 2}, {A, B}).

pattern_missing_key_badmatch_test() ->
    ?assertError({badmatch, #{a := 1}}, begin #{b := _} = id(#{a => 1}) end).

pattern_in_function_head_test() ->
    F = fun(#{type := circle, r := R}) -> {circle, R};
           (#{type := square}) -> square;
           (#{}) -> unknown_map;
           (_) -> not_a_map end,
    ?assertEqual({circle, 2}, F(#{type => circle, r => 2})),
    ?assertEqual(square, F(#{type => square, side => 1})),
    ?assertEqual(unknown_map, F(#{})),
    ?assertEqual(not_a_map, F([])).

pattern_with_variable_key_test() ->
    K = {composite, key},
    M = #{K => found},
    #{K := V} = M,
    ?assertEqual(found, V).

guard_is_map_key_test() ->
    F = fun(M) when is_map_key(x, M) -> has; (_) -> hasnt end,
    ?assertEqual([has, hasnt, hasnt], [F(#{x => 1}), F(#{}), F(nomap)]).

guard_map_get_test() ->
    F = fun(M) when map_get(x, M) =:= 1 -> one; (_) -> other end,
    ?assertEqual([one, other, other], [F(#{x => 1}), F(#{x => 2}), F(#{})]).

guard_map_size_test() ->
    F = fun(M) when map_size(M) >= 2 -> big; (_) -> small end,
    ?assertEqual([big, small], [F(#{a => 1, b => 2}), F(#{a => 1})]).

is_map_key_bif_test() ->
    ?assert(is_map_key(a, #{a => 1})),
    ?assertNot(is_map_key(b, #{a => 1})),
    ?assertError({badmap, x}, is_map_key(a, id(x))).

map_get_bif_test() ->
    ?assertEqual(1, map_get(a, #{a => 1})),
    ?assertError({badkey, b}, map_get(b, id(#{a => 1}))),
    ?assertError({badmap, x}, map_get(a, id(x))).

map_size_bif_test() ->
    ?assertEqual(3, map_size(#{a => 1, b => 2, c => 3})),
    ?assertError({badmap, [a]}, map_size(id([a]))).

maps_get_2_test() ->
    ?assertEqual(1, maps:get(a, #{a => 1})),
    ?assertError({badkey, z}, maps:get(z, id(#{a => 1}))),
    ?assertError({badmap, 5}, maps:get(a, id(5))).

maps_get_3_test() ->
    ?assertEqual(1, maps:get(a, #{a => 1}, default)),
    ?assertEqual(default, maps:get(z, #{a => 1}, default)).

maps_put_test() ->
    ?assertEqual(#{a => 1}, maps:put(a, 1, #{})),
    ?assertEqual(#{a => 2}, maps:put(a, 2, #{a => 1})),
    ?assertError({badmap, x}, maps:put(a, 1, id(x))).

maps_find_test() ->
    ?assertEqual({ok, 1}, maps:find(a, #{a => 1})),
    ?assertEqual(error, maps:find(b, #{a => 1})).

maps_keys_values_sorted_test() ->
    M = #{c => 3, a => 1, b => 2},
    ?assertEqual([a, b, c], maps:keys(M)),
    ?assertEqual([1, 2, 3], maps:values(M)).

maps_to_list_test() ->
    ?assertEqual([{a, 1}, {b, 2}], maps:to_list(#{b => 2, a => 1})),
    ?assertEqual([], maps:to_list(#{})).

maps_to_list_mixed_key_order_test() ->
    M = #{<<"bin">> => 1, "str" => 2, {tup} => 3, atom => 4, 42 => 5, 4.2 => 6},
    ?assertEqual([42, 4.2, atom, {tup}, "str", <<"bin">>], maps:keys(M)).

maps_from_list_test() ->
    ?assertEqual(#{a => 1, b => 2}, maps:from_list([{a, 1}, {b, 2}])),
    ?assertEqual(#{a => 3}, maps:from_list([{a, 1}, {a, 2}, {a, 3}])),
    ?assertEqual(#{}, maps:from_list([])).

maps_from_list_badarg_test() ->
    ?assertError(badarg, maps:from_list(id([a]))).

maps_merge_test() ->
    ?assertEqual(#{a => 1, b => 3, c => 4}, maps:merge(#{a => 1, b => 2}, #{b => 3, c => 4})),
    ?assertEqual(#{a => 1}, maps:merge(#{}, #{a => 1})).

maps_merge_badmap_test() ->
    ?assertError({badmap, x}, maps:merge(id(x), #{})).

maps_remove_test() ->
    ?assertEqual(#{b => 2}, maps:remove(a, #{a => 1, b => 2})),
    ?assertEqual(#{b => 2}, maps:remove(z, #{b => 2})).

maps_update_test() ->
    ?assertEqual(#{a => 9}, maps:update(a, 9, #{a => 1})),
    ?assertError({badkey, b}, maps:update(b, 9, id(#{a => 1}))).

maps_is_key_test() ->
    ?assert(maps:is_key(a, #{a => undefined})),
    ?assertNot(maps:is_key(b, #{a => 1})).

maps_fold_test() ->
    M = #{a => 1, b => 2, c => 3},
    ?assertEqual(6, maps:fold(fun(_K, V, Acc) -> V + Acc end, 0, M)),
    ?assertEqual([c, b, a], maps:fold(fun(K, _V, Acc) -> [K | Acc] end, [], M)).

maps_map_test() ->
    ?assertEqual(#{a => 2, b => 4}, maps:map(fun(_K, V) -> V * 2 end, #{a => 1, b => 2})),
    ?assertEqual(#{a => {a, 1}}, maps:map(fun(K, V) -> {K, V} end, #{a => 1})).

maps_filter_test() ->
    ?assertEqual(#{b => 2}, maps:filter(fun(_K, V) -> V rem 2 =:= 0 end, #{a => 1, b => 2, c => 3})).

maps_size_test() ->
    ?assertEqual(2, maps:size(#{a => 1, b => 2})),
    ?assertEqual(0, maps:size(#{})).

maps_with_test() ->
    ?assertEqual(#{a => 1, c => 3}, maps:with([a, c, z], #{a => 1, b => 2, c => 3})),
    ?assertEqual(#{}, maps:with([], #{a => 1})).

maps_without_test() ->
    ?assertEqual(#{b => 2}, maps:without([a, c, z], #{a => 1, b => 2, c => 3})).

maps_new_test() ->
    ?assertEqual(#{}, maps:new()).

maps_update_with_test() ->
    ?assertEqual(#{a => 2}, maps:update_with(a, fun(V) -> V + 1 end, #{a => 1})),
    ?assertEqual(#{a => 0}, maps:update_with(a, fun(V) -> V + 1 end, 0, #{})),
    ?assertError({badkey, a}, maps:update_with(a, fun(V) -> V end, id(#{}))).

maps_take_test() ->
    ?assertEqual({1, #{b => 2}}, maps:take(a, #{a => 1, b => 2})),
    ?assertEqual(error, maps:take(z, #{a => 1})).

maps_foreach_test() ->
    Tag = make_ref(),
    maps:foreach(fun(K, V) -> self() ! {Tag, {K, V}} end, #{a => 1, b => 2}),
    Msgs = lists:sort([receive {Tag, M} -> M end, receive {Tag, M2} -> M2 end]),
    ?assertEqual([{a, 1}, {b, 2}], Msgs).

maps_groups_from_list_test() ->
    ?assertEqual(#{0 => [2, 4], 1 => [1, 3, 5]},
                 maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3, 4, 5])).

maps_filtermap_test() ->
    R = maps:filtermap(fun(_K, V) when V > 1 -> {true, V * 10}; (_, _) -> false end,
                       #{a => 1, b => 2, c => 3}),
    ?assertEqual(#{b => 20, c => 30}, R).

maps_from_keys_test() ->
    ?assertEqual(#{a => 0, b => 0}, maps:from_keys([a, b, a], 0)).

maps_intersect_test() ->
    ?assertEqual(#{b => 20}, maps:intersect(#{a => 1, b => 2}, #{b => 20, c => 30})).

maps_merge_with_test() ->
    ?assertEqual(#{a => 1, b => 22, c => 30},
                 maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, #{a => 1, b => 2}, #{b => 20, c => 30})).

maps_iterator_test() ->
    I = maps:iterator(#{a => 1}),
    {K, V, I2} = maps:next(I),
    ?assertEqual({a, 1}, {K, V}),
    ?assertEqual(none, maps:next(I2)).

map_equality_test() ->
    ?assertEqual(#{a => 1, b => 2}, #{b => 2, a => 1}),
    ?assert(#{a => 1} =/= #{a => 1.0}),
    ?assert(#{a => 1} == #{a => 1.0}).

map_comprehension_via_lists_test() ->
    M = maps:from_list([{X, X * X} || X <- lists:seq(1, 5)]),
    ?assertEqual(#{1 => 1, 2 => 4, 3 => 9, 4 => 16, 5 => 25}, M).

nested_map_update_test() ->
    M = #{outer => #{inner => 1}},
    #{outer := Inner} = M,
    M2 = M#{outer := Inner#{inner := 2}},
    ?assertEqual(#{outer => #{inner => 2}}, M2).

map_keys_are_terms_test() ->
    M = #{[1, 2] => list, {1, 2} => tuple},
    ?assertEqual(list, maps:get([1, 2], M)),
    ?assertEqual(tuple, maps:get({1, 2}, M)).

large_map_roundtrip_test() ->
    L = [{K, K * 2} || K <- lists:seq(1, 100)],
    M = maps:from_list(L),
    ?assertEqual(100, map_size(M)),
    ?assertEqual(L, lists:sort(maps:to_list(M))),
    ?assertEqual(198, maps:get(99, M)).

large_map_keys_sorted_after_sort_test() ->
    M = maps:from_list([{K, v} || K <- lists:seq(1, 50)]),
    ?assertEqual(lists:seq(1, 50), lists:sort(maps:keys(M))).

map_in_binary_term_roundtrip_test() ->
    M = #{a => [1, 2], <<"k">> => {x}},
    ?assertEqual(M, binary_to_term(term_to_binary(M))).

map_match_value_literal_test() ->
    F = fun(#{status := ok}) -> good; (#{status := _}) -> bad end,
    ?assertEqual([good, bad], [F(#{status => ok}), F(#{status => error})]).

%% ---- more map details ---------------------------------------------------

map_pattern_float_key_exact_test() ->
    F = fun(#{1.0 := V}) -> {float_key, V}; (_) -> nomatch end,
    ?assertEqual(nomatch, F(#{1 => a})),
    ?assertEqual({float_key, b}, F(#{1.0 => b})).

map_key_bound_before_case_test() ->
    %% (a key variable bound in the same function head is a compile error
    %% in OTP 25: "variable 'K' is unbound")
    F = fun(K, M) -> case M of #{K := V} -> {found, V}; _ -> missing end end,
    ?assertEqual({found, 1}, F(a, #{a => 1})),
    ?assertEqual(missing, F(b, #{a => 1})).

map_update_variable_key_test() ->
    K = id({dyn, key}),
    M = #{},
    ?assertEqual(#{{dyn, key} => v}, M#{K => v}),
    ?assertError({badkey, {dyn, key}}, M#{K := v}).

map_update_with_default_test() ->
    F = fun(V) -> V * 2 end,
    ?assertEqual(#{a => 4}, maps:update_with(a, F, 1, #{a => 2})),
    ?assertEqual(#{a => 1}, maps:update_with(a, F, 1, #{})).

map_iterator_small_map_sorted_test() ->
    M = #{c => 3, a => 1, b => 2},
    ?assertEqual([{a, 1}, {b, 2}, {c, 3}], iter(maps:next(maps:iterator(M)))).

iter(none) -> [];
iter({K, V, I}) -> [{K, V} | iter(maps:next(I))].

map_fold_order_small_map_test() ->
    M = #{3 => c, 1 => a, 2 => b},
    ?assertEqual([3, 2, 1], maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], M)).

map_values_any_term_test() ->
    F = fun(X) -> X end,
    M = #{f => F, p => self(), r => [1 | 2]},
    ?assertEqual(3, map_size(M)),
    ?assertEqual(F, maps:get(f, M)).

map_size_after_updates_test() ->
    M = lists:foldl(fun(K, Acc) -> Acc#{K => K} end, #{}, [a, b, a, c, b]),
    ?assertEqual(3, map_size(M)).

map_remove_then_is_key_test() ->
    M = maps:remove(a, #{a => 1, b => 2}),
    ?assertNot(maps:is_key(a, M)),
    ?assertEqual(#{b => 2}, M).

map_equal_after_different_construction_test() ->
    M1 = maps:put(b, 2, maps:put(a, 1, #{})),
    M2 = maps:from_list([{b, 2}, {a, 1}]),
    ?assert(M1 =:= M2),
    ?assertEqual(erlang:phash2(M1), erlang:phash2(M2)).

large_map_equal_after_different_construction_test() ->
    L = [{K, K} || K <- lists:seq(1, 100)],
    M1 = maps:from_list(L),
    M2 = lists:foldl(fun({K, V}, Acc) -> Acc#{K => V} end, #{}, lists:reverse(L)),
    ?assert(M1 =:= M2).

map_in_guard_literal_compare_test() ->
    F = fun(M) when M =:= #{a => 1} -> exact; (_) -> other end,
    ?assertEqual([exact, other], [F(#{a => 1}), F(#{a => 1.0})]).

maps_find_vs_get_default_undefined_test() ->
    M = #{k => undefined},
    ?assertEqual({ok, undefined}, maps:find(k, M)),
    ?assertEqual(undefined, maps:get(k, M, default)).

maps_keys_int_order_test() ->
    ?assertEqual([-5, 0, 3, 10, 1 bsl 70], maps:keys(#{10 => a, -5 => b, 1 bsl 70 => c, 0 => d, 3 => e})).
