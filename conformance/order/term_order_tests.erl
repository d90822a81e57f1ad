-module(term_order_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the standard term order of OTP 25
%% number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring
%% and the difference between ==/=:= etc.

id(X) -> X.

type_order_chain_test() ->
    Ref = make_ref(),
    Fun = fun() -> ok end,
    Pid = self(),
    Chain = [1, atom, Ref, Fun, Pid, {}, #{}, [], [1], <<>>],
    ?assertEqual(Chain, lists:sort(lists:reverse(Chain))).

type_order_chain_with_port_test() ->
    Port = hd(erlang:ports()),
    Chain = [1.5, atom, make_ref(), fun() -> ok end, Port, self(), {}, #{}, [], [1], <<>>],
    ?assertEqual(Chain, lists:sort(lists:reverse(Chain))).

number_less_than_atom_test() ->
    ?assert(1 < a),
    ?assert(1.0e300 < a),
    ?assert((1 bsl 1000) < a).

atom_less_than_reference_test() ->
    ?assert(zzzz < make_ref()).

reference_less_than_fun_test() ->
    ?assert(make_ref() < fun() -> ok end).

fun_less_than_port_test() ->
    ?assert(fun() -> ok end < hd(erlang:ports())).

port_less_than_pid_test() ->
    ?assert(hd(erlang:ports()) < self()).

pid_less_than_tuple_test() ->
    ?assert(self() < {}).

tuple_less_than_map_test() ->
    ?assert({a, b, c, d, e} < #{}),
    ?assert({} < #{}).

map_less_than_nil_test() ->
    ?assert(#{a => 1} < []).

nil_less_than_list_test() ->
    ?assert([] < [0]),
    ?assert([] < "a").

list_less_than_bitstring_test() ->
    ?assert([1, 2, 3] < <<>>),
    ?assert("zzz" < <<"a">>).

int_float_equality_test() ->
    ?assert(1 == 1.0),
    ?assertNot(1 =:= 1.0),
    ?assert(1 /= 2),
    ?assert(1 =/= 1.0).

int_float_compare_order_test() ->
    ?assert(1 < 1.5),
    ?assert(2 > 1.5),
    ?assertNot(1 < 1.0),
    ?assertNot(1.0 < 1).

int_float_sort_order_test() ->
    %% placement of equal numbers of different type is OTP 25's merge-sort
    %% result (lists:sort/1 is not stable for them in general)
    ?assertEqual([1, 1.0, 2], lists:sort([1, 1.0, 2])),
    ?assertEqual([1.0, 1, 2], lists:sort([1.0, 1, 2])).

bignum_float_compare_test() ->
    ?assert((1 bsl 100) == 1267650600228229401496703205376.0),
    ?assert((1 bsl 100) + 1 > 1267650600228229401496703205376.0),
    ?assert((1 bsl 1100) > 1.0e300).

exact_equality_nested_test() ->
    ?assert({1, [2]} == {1.0, [2.0]}),
    ?assertNot({1, [2]} =:= {1.0, [2.0]}),
    ?assert(#{a => 1} == #{a => 1.0}),
    ?assertNot(#{a => 1} =:= #{a => 1.0}).

atoms_compare_alphabetically_test() ->
    ?assert(a < b),
    ?assert(abc < abd),
    ?assert(ab < abc),
    ?assert('B' < a),
    ?assert('' < a).

tuples_compare_size_first_test() ->
    ?assert({z} < {a, a}),
    ?assert({a, b} < {a, c}),
    ?assert({9, 9, 9} < {0, 0, 0, 0}).

tuples_element_wise_test() ->
    ?assert({1, a} < {1, b}),
    ?assert({1, 2} < {2, 1}),
    ?assert({1, 2.0} == {1, 2}).

lists_compare_element_wise_test() ->
    ?assert([1, 2] < [1, 3]),
    ?assert([1, 2] < [1, 2, 3]),
    ?assert([2] > [1, 2, 3]),
    ?assert("abc" < "abd").

string_compare_test() ->
    ?assert("Z" < "a"),
    ?assert("" < "a"),
    ?assert("ab" < "b").

improper_list_compare_test() ->
    ?assert([1 | 2] < [1 | a]),
    %% tails compared: 2 (number) < [2] (list)
    ?assert([1 | 2] < [1, 2]),
    ?assertEqual([[1 | 2], [1, 2]], lists:sort([[1, 2], [1 | 2]])).

binaries_compare_bytewise_test() ->
    ?assert(<<1, 2>> < <<1, 3>>),
    ?assert(<<1, 2>> < <<1, 2, 0>>),
    ?assert(<<2>> > <<1, 255, 255>>),
    ?assert(<<>> < <<0>>).

binaries_equal_by_content_test() ->
    A = <<"hello">>,
    B = list_to_binary("hello"),
    <<_, Sub/binary>> = <<"xhello">>,
    ?assert(A =:= B),
    ?assert(A =:= Sub).

bitstrings_compare_test() ->
    ?assert(<<1:1>> > <<0:1>>),
    ?assert(<<0:1>> < <<0:2>>),
    %% compared bit by bit: 0000001 vs 00000001
    ?assert(<<1:7>> > <<1:8>>),
    ?assert(<<128>> > <<1:1>>).

maps_compare_size_first_test() ->
    ?assert(#{z => 1} < #{a => 1, b => 1}),
    ?assert(#{} < #{a => 1}).

maps_compare_keys_then_values_test() ->
    ?assert(#{a => 2} < #{b => 1}),
    ?assert(#{a => 1} < #{a => 2}),
    ?assert(#{a => 1, b => 9} < #{a => 2, b => 0}).

maps_key_order_int_before_float_test() ->
    %% map keys: integers are ordered before floats of equal value
    ?assert(#{1 => a} < #{1.0 => a}),
    ?assertNot(#{1 => a} == #{1.0 => a}).

maps_key_term_order_test() ->
    ?assertEqual([1, 1.0, a, {t}, "s"], maps:keys(#{"s" => 1, {t} => 1, a => 1, 1.0 => 1, 1 => 1})).

sort_mixed_types_test() ->
    L = [<<"b">>, "a", [], #{}, {x}, self, 3.5, 2],
    ?assertEqual([2, 3.5, self, {x}, #{}, [], "a", <<"b">>], lists:sort(L)).

sort_numbers_mixed_test() ->
    ?assertEqual([-(1 bsl 70), -1.5, 0, 0.5, 1, 2.0, 1 bsl 70],
                 lists:sort([1, 0.5, 2.0, 1 bsl 70, -1.5, 0, -(1 bsl 70)])).

usort_uses_equality_test() ->
    %% usort removes elements that compare ==
    ?assertEqual(1, length(lists:usort([1, 1.0]))),
    ?assertEqual([a, b], lists:usort([b, a, b, a])).

max_min_term_order_test() ->
    ?assertEqual(<<>>, max([], <<>>)),
    ?assertEqual(1, min(1, a)),
    ?assertEqual({a, b}, max({a, b}, {z})),
    ?assertEqual([], max(#{a => 1}, [])).

compare_operators_on_all_types_test() ->
    ?assert(a =< a),
    ?assert({} >= {}),
    ?assert([] =< []),
    ?assert(<<>> >= <<>>).

equal_terms_compare_equal_test() ->
    T1 = {a, [1, 2, {b, <<"c">>}], #{k => [v]}},
    T2 = {a, [1, 2, {b, <<"c">>}], #{k => [v]}},
    ?assert(T1 =:= T2),
    ?assertNot(T1 < T2),
    ?assertNot(T1 > T2).

zero_compare_test() ->
    ?assert(0 == 0.0),
    ?assert(id(0.0) * -1 == 0),
    ?assertNot(0 =:= 0.0).

negative_zero_exact_equal_otp25_test() ->
    ?assert(id(0.0) * -1 =:= 0.0).

funs_compare_equal_if_same_test() ->
    F = fun lists:reverse/1,
    G = fun lists:reverse/1,
    ?assert(F =:= G),
    ?assert(fun lists:reverse/1 =/= fun lists:sort/1).

refs_distinct_test() ->
    R1 = make_ref(),
    R2 = make_ref(),
    ?assert(R1 =/= R2),
    ?assert(R1 =:= R1).

list_vs_tuple_test() ->
    ?assert({1, 2, 3} < [1, 2, 3]),
    ?assert({} < []),
    ?assert({[]} < []).

sort_by_keysort_stable_test() ->
    L = [{b, 1}, {a, 2}, {b, 0}, {a, 1}],
    ?assertEqual([{a, 2}, {a, 1}, {b, 1}, {b, 0}], lists:keysort(1, L)).

atom_vs_string_test() ->
    ?assert(abc < "abc"),
    ?assert(abc < <<"abc">>),
    ?assert('zzz' < "a").

big_int_vs_small_test() ->
    ?assert((1 bsl 64) > 18446744073709551615),
    ?assert(-(1 bsl 64) < -18446744073709551615),
    ?assertEqual([-(1 bsl 64), -1, 1, 1 bsl 64], lists:sort([1 bsl 64, 1, -1, -(1 bsl 64)])).

float_precision_compare_test() ->
    ?assert(9007199254740993 > 9007199254740992.0),
    ?assertNot(9007199254740993 == 9007199254740992.0),
    ?assert(9007199254740992 == 9007199254740992.0).
