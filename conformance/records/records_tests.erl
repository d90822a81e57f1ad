-module(records_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: records (compile-time tuples) in OTP 25.

-record(empty, {}).
-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, email = "none", tags = []}).
-record(computed, {a = 1 + 1, b = [x, y], c = {nested, 3}, d = lists:seq(1, 3)}).
-record(nested, {inner = #point{}, label}).
-record(typed, {id :: integer(), name = <<>> :: binary(), opt :: atom() | undefined}).
-record(counter, {n = 0}).

id(X) -> X.

creation_defaults_test() ->
    ?assertEqual({point, 0, 0}, #point{}),
    ?assertEqual({person, undefined, 0, "none", []}, #person{}).

creation_with_fields_test() ->
    ?assertEqual({point, 1, 2}, #point{x = 1, y = 2}),
    ?assertEqual({point, 0, 5}, #point{y = 5}),
    ?assertEqual({person, "Al", 30, "none", []}, #person{age = 30, name = "Al"}).

empty_record_test() ->
    ?assertEqual({empty}, #empty{}),
    ?assertEqual(1, tuple_size(#empty{})).

computed_defaults_test() ->
    ?assertEqual({computed, 2, [x, y], {nested, 3}, [1, 2, 3]}, #computed{}).

default_evaluated_each_time_test() ->
    R = #computed{a = 10},
    ?assertEqual(10, R#computed.a),
    ?assertEqual([1, 2, 3], R#computed.d).

underscore_default_all_fields_test() ->
    ?assertEqual({person, x, x, x, x}, #person{_ = x}),
    ?assertEqual({person, "N", z, z, z}, #person{name = "N", _ = z}).

nested_record_default_test() ->
    ?assertEqual({nested, {point, 0, 0}, undefined}, #nested{}).

typed_record_test() ->
    ?assertEqual({typed, undefined, <<>>, undefined}, #typed{}),
    ?assertEqual(5, (#typed{id = 5})#typed.id).

field_access_test() ->
    P = #point{x = 3, y = 4},
    ?assertEqual(3, P#point.x),
    ?assertEqual(4, P#point.y).

nested_field_access_test() ->
    N = #nested{inner = #point{x = 7}},
    ?assertEqual(7, N#nested.inner#point.x),
    ?assertEqual(7, (N#nested.inner)#point.x).

update_test() ->
    P = #point{x = 1, y = 2},
    P2 = P#point{y = 20},
    ?assertEqual({point, 1, 20}, P2),
    ?assertEqual({point, 1, 2}, P).

update_multiple_fields_test() ->
    P = #person{name = "A"},
    P2 = P#person{age = 5, tags = [t]},
    ?assertEqual({person, "A", 5, "none", [t]}, P2).

nested_update_test() ->
    N = #nested{label = l},
    N2 = N#nested{inner = (N#nested.inner)#point{y = 9}},
    ?assertEqual({nested, {point, 0, 9}, l}, N2).

update_does_not_reevaluate_defaults_test() ->
    R = #computed{a = 100},
    R2 = R#computed{b = []},
    ?assertEqual(100, R2#computed.a).

field_index_test() ->
    ?assertEqual(2, #point.x),
    ?assertEqual(3, #point.y),
    ?assertEqual(2, #person.name),
    ?assertEqual(5, #person.tags).

field_index_with_element_test() ->
    P = #person{email = "e@x"},
    ?assertEqual("e@x", element(#person.email, P)),
    ?assertEqual({person, undefined, 0, "new", []}, setelement(#person.email, P, "new")).

record_info_fields_test() ->
    ?assertEqual([x, y], record_info(fields, point)),
    ?assertEqual([name, age, email, tags], record_info(fields, person)),
    ?assertEqual([], record_info(fields, empty)).

record_info_size_test() ->
    ?assertEqual(3, record_info(size, point)),
    ?assertEqual(5, record_info(size, person)),
    ?assertEqual(1, record_info(size, empty)).

is_record_2_test() ->
    ?assert(is_record(#point{}, point)),
    ?assertNot(is_record(#point{}, person)),
    ?assertNot(is_record(id({point, 1}), point)),
    ?assertNot(is_record(id(point), point)).

is_record_2_plain_tuple_test() ->
    ?assert(is_record(id({point, a, b}), point)).

is_record_3_test() ->
    ?assert(is_record(#point{}, point, 3)),
    ?assertNot(is_record(#point{}, point, 4)),
    ?assert(is_record(id({anything, 1}), anything, 2)),
    ?assertNot(is_record(id({}), anything, 1)).

is_record_3_via_erlang_test() ->
    ?assert(erlang:is_record(id({foo, 1, 2}), foo, 3)),
    ?assertNot(erlang:is_record(id({foo, 1, 2}), foo, 2)).

record_pattern_in_function_head_test() ->
    F = fun(#point{x = 0}) -> on_y_axis; (#point{}) -> elsewhere; (_) -> not_point end,
    ?assertEqual(on_y_axis, F(#point{y = 3})),
    ?assertEqual(elsewhere, F(#point{x = 1})),
    ?assertEqual(not_point, F({other, 0, 0})).

record_pattern_binding_test() ->
    #person{name = N, age = A} = #person{name = "Bo", age = 9},
    ?assertEqual({"Bo", 9}, {N, A}).

record_pattern_wrong_size_no_match_test() ->
    F = fun(#point{}) -> yes; (_) -> no end,
    ?assertEqual(no, F({point, 1, 2, 3})),
    ?assertEqual(no, F({point, 1})).

record_in_guard_test() ->
    F = fun(P) when is_record(P, point), P#point.x > 0 -> positive_x; (_) -> other end,
    ?assertEqual(positive_x, F(#point{x = 2})),
    ?assertEqual(other, F(#point{x = -2})),
    ?assertEqual(other, F(not_a_record)).

record_guard_field_access_on_wrong_record_test() ->
    F = fun(P) when P#point.x =:= 1 -> one; (_) -> other end,
    ?assertEqual(one, F(#point{x = 1})),
    ?assertEqual(other, F({person, 1, 2, 3, 4})).

record_access_badrecord_test() ->
    ?assertError({badrecord, {person, a, a, a, a}}, (id(#person{_ = a}))#point.x).

record_access_badrecord_simple_test() ->
    ?assertError({badrecord, foo}, (id(foo))#point.x).

record_update_badrecord_test() ->
    ?assertError({badrecord, {other, 1, 2}}, (id({other, 1, 2}))#point{x = 5}).

record_update_wrong_size_badrecord_test() ->
    ?assertError({badrecord, {point, 1}}, (id({point, 1}))#point{x = 5}).

record_in_case_test() ->
    R = case #person{age = 20} of
            #person{age = Age} when Age >= 18 -> adult;
            #person{} -> minor
        end,
    ?assertEqual(adult, R).

record_in_list_comprehension_test() ->
    Ps = [#point{x = X, y = X * 2} || X <- [1, 2, 3]],
    ?assertEqual([2, 4, 6], [P#point.y || P <- Ps]),
    ?assertEqual([2, 3], [X || #point{x = X} <- Ps, X > 1]).

record_keyfind_test() ->
    Ps = [#person{name = "a", age = 1}, #person{name = "b", age = 2}],
    ?assertEqual(#person{name = "b", age = 2}, lists:keyfind("b", #person.name, Ps)).

record_keysort_test() ->
    Ps = [#point{x = 3}, #point{x = 1}, #point{x = 2}],
    ?assertEqual([1, 2, 3], [P#point.x || P <- lists:keysort(#point.x, Ps)]).

record_equality_test() ->
    ?assertEqual(#point{x = 1}, #point{x = 1, y = 0}),
    ?assertNotEqual(#point{x = 1}, #point{x = 1.0}),
    ?assert(#point{x = 1} == #point{x = 1.0}).

record_to_list_test() ->
    ?assertEqual([point, 1, 2], tuple_to_list(#point{x = 1, y = 2})).

record_field_names_zip_test() ->
    P = #person{name = "Z", age = 3},
    Zip = lists:zip(record_info(fields, person), tl(tuple_to_list(P))),
    ?assertEqual([{name, "Z"}, {age, 3}, {email, "none"}, {tags, []}], Zip).

record_update_in_fold_test() ->
    C = lists:foldl(fun(_, Acc) -> Acc#counter{n = Acc#counter.n + 1} end, #counter{}, lists:seq(1, 10)),
    ?assertEqual(10, C#counter.n).

record_match_on_literal_field_test() ->
    F = fun(#person{tags = []}) -> untagged; (#person{tags = [_ | _]}) -> tagged end,
    ?assertEqual(untagged, F(#person{})),
    ?assertEqual(tagged, F(#person{tags = [a]})).

record_with_map_field_test() ->
    R = #nested{label = #{k => v}},
    ?assertEqual(v, maps:get(k, R#nested.label)).

record_format_p_test() ->
    ?assertEqual("{point,1,2}", lists:flatten(io_lib:format("~p", [#point{x = 1, y = 2}]))).

record_index_in_pattern_test() ->
    F = fun(N) -> case N of #point.x -> x_index; #point.y -> y_index end end,
    ?assertEqual([x_index, y_index], [F(2), F(3)]).

record_default_with_record_test() ->
    R = #nested{},
    ?assert(is_record(R#nested.inner, point)).

record_field_variable_shadow_test() ->
    X = 5,
    P = #point{x = X, y = X + 1},
    ?assertEqual({point, 5, 6}, P).

records_as_map_values_test() ->
    M = #{p => #point{x = 1}},
    #{p := #point{x = X}} = M,
    ?assertEqual(1, X).

%% ---- more record details ------------------------------------------------

record_literal_in_guard_test() ->
    F = fun(R) when R =:= #point{} -> origin; (_) -> other end,
    ?assertEqual([origin, other], [F({point, 0, 0}), F(#point{x = 1})]).

runtime_is_record_with_variable_name_test() ->
    Name = id(point),
    ?assert(is_record(#point{}, Name)),
    ?assertNot(is_record(#point{}, id(person))).

record_info_used_as_value_test() ->
    Fields = record_info(fields, person),
    ?assertEqual(4, length(Fields)),
    ?assertEqual(5, record_info(size, person)).

record_update_keeps_other_fields_test() ->
    P = #person{name = "n", age = 1, email = "e", tags = [t]},
    ?assertEqual(#person{name = "n", age = 2, email = "e", tags = [t]}, P#person{age = 2}).

record_field_default_undefined_test() ->
    ?assertEqual(undefined, (#person{})#person.name),
    ?assertEqual(undefined, (#typed{})#typed.opt).

record_as_function_argument_test() ->
    ?assertEqual(7, area(#point{x = 7, y = 1})).

area(#point{x = X, y = Y}) -> X * Y.

record_pattern_nested_test() ->
    #nested{inner = #point{x = X}} = #nested{inner = #point{x = 3}},
    ?assertEqual(3, X).

record_with_underscore_in_pattern_test() ->
    F = fun(#person{name = N, _ = '_'}) -> N; (_) -> no end,
    ?assertEqual(no, F(#person{name = "x"})),
    ?assertEqual("x", F(#person{name = "x", age = '_', email = '_', tags = '_'})).

record_size_is_fields_plus_one_test() ->
    ?assertEqual(length(record_info(fields, computed)) + 1, record_info(size, computed)),
    ?assertEqual(record_info(size, computed), tuple_size(#computed{})).
