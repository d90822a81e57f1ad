-module(erlang_bifs_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: sequential BIFs of the erlang module (OTP 25).

id(X) -> X.

%% ---- type tests ---------------------------------------------------------

type_tests_test() ->
    ?assert(is_atom(a)),
    ?assert(is_integer(1 bsl 100)),
    ?assert(is_float(1.0)),
    ?assert(is_number(1)),
    ?assertNot(is_number(id("1"))).

type_tests_compound_test() ->
    ?assert(is_list([])),
    ?assert(is_tuple({})),
    ?assert(is_map(#{})),
    ?assert(is_binary(<<>>)),
    ?assert(is_bitstring(<<1:1>>)).

type_tests_misc_test() ->
    ?assert(is_boolean(false)),
    ?assertNot(is_boolean(id(nil))),
    ?assert(is_pid(self())),
    ?assert(is_reference(make_ref())),
    ?assert(is_function(fun id/1, 1)).

is_port_test() ->
    ?assert(is_port(hd(erlang:ports()))),
    ?assertNot(is_port(id(self()))).

%% ---- tuples -----------------------------------------------------------

element_test() ->
    ?assertEqual(b, element(2, {a, b, c})),
    ?assertError(badarg, element(id(0), {a})),
    ?assertError(badarg, element(id(2), {a})),
    ?assertError(badarg, element(1, id([a]))).

setelement_test() ->
    ?assertEqual({a, x, c}, setelement(2, {a, b, c}, x)),
    ?assertError(badarg, setelement(id(4), {a, b, c}, x)).

tuple_size_test() ->
    ?assertEqual(0, tuple_size({})),
    ?assertEqual(3, tuple_size({a, b, c})),
    ?assertError(badarg, tuple_size(id([a]))).

make_tuple_test() ->
    ?assertEqual({x, x, x}, erlang:make_tuple(3, x)),
    ?assertEqual({}, erlang:make_tuple(0, x)),
    ?assertEqual({d, a, d, b}, erlang:make_tuple(4, d, [{2, a}, {4, b}])).

make_tuple_overrides_last_wins_test() ->
    ?assertEqual({z, 0}, erlang:make_tuple(2, 0, [{1, y}, {1, z}])).

append_element_test() ->
    ?assertEqual({a, b}, erlang:append_element({a}, b)),
    ?assertEqual({x}, erlang:append_element({}, x)).

insert_delete_element_test() ->
    ?assertEqual({a, x, b}, erlang:insert_element(2, {a, b}, x)),
    ?assertEqual({a, c}, erlang:delete_element(2, {a, b, c})).

tuple_to_list_test() ->
    ?assertEqual([a, b, c], tuple_to_list({a, b, c})),
    ?assertEqual([], tuple_to_list({})).

list_to_tuple_test() ->
    ?assertEqual({a, b}, list_to_tuple([a, b])),
    ?assertEqual({}, list_to_tuple([])),
    ?assertError(badarg, list_to_tuple(id([a | b]))).

%% ---- atoms ------------------------------------------------------------

atom_to_list_test() ->
    ?assertEqual("abc", atom_to_list(abc)),
    ?assertEqual("Hello World", atom_to_list('Hello World')),
    ?assertEqual([1024], atom_to_list('\x{400}')).

list_to_atom_test() ->
    ?assertEqual(abc, list_to_atom("abc")),
    ?assertEqual('', list_to_atom("")),
    ?assertEqual('\x{400}', list_to_atom([1024])).

list_to_atom_badarg_test() ->
    ?assertError(badarg, list_to_atom(id(abc))),
    ?assertError(badarg, list_to_atom(id([a]))).

list_to_atom_length_limit_test() ->
    ?assertEqual(255, length(atom_to_list(list_to_atom(lists:duplicate(255, $a))))),
    ?assertError(system_limit, list_to_atom(lists:duplicate(256, $a))).

list_to_existing_atom_test() ->
    ?assertEqual(ok, list_to_existing_atom("ok")),
    ?assertError(badarg, list_to_existing_atom("conf_surely_nonexistent_atom_xq" ++ integer_to_list(erlang:phash2(id(1))))).

atom_to_binary_test() ->
    ?assertEqual(<<"abc">>, atom_to_binary(abc)),
    ?assertEqual(<<"abc">>, atom_to_binary(abc, utf8)),
    ?assertEqual(<<"abc">>, atom_to_binary(abc, latin1)),
    ?assertEqual(<<208, 128>>, atom_to_binary('\x{400}', utf8)).

atom_to_binary_latin1_of_unicode_badarg_test() ->
    ?assertError(badarg, atom_to_binary(id('\x{400}'), latin1)).

atom_to_binary_latin1_high_char_test() ->
    ?assertEqual(<<229>>, atom_to_binary('\x{e5}', latin1)),
    ?assertEqual(<<195, 165>>, atom_to_binary('\x{e5}', utf8)).

binary_to_atom_test() ->
    ?assertEqual(abc, binary_to_atom(<<"abc">>)),
    ?assertEqual(abc, binary_to_atom(<<"abc">>, utf8)),
    ?assertEqual('\x{e5}', binary_to_atom(<<229>>, latin1)),
    ?assertEqual('\x{e5}', binary_to_atom(<<195, 165>>, utf8)).

binary_to_atom_bad_utf8_test() ->
    ?assertError(badarg, binary_to_atom(id(<<255>>), utf8)).

binary_to_existing_atom_test() ->
    ?assertEqual(true, binary_to_existing_atom(<<"true">>)),
    ?assertError(badarg, binary_to_existing_atom(id(<<"conf_no_such_atom_zz91">>), utf8)).

atom_length_is_not_a_bif_in_otp25_test() ->
    %% OTP 25 has no erlang:atom_length/1; length of the name is computed
    %% via atom_to_list/1 (counts characters, not bytes)
    ?assertError(undef, apply(erlang, id(atom_length), [abc])),
    ?assertEqual(1, length(atom_to_list('\x{400}'))),
    ?assertEqual(2, byte_size(atom_to_binary('\x{400}'))).

%% ---- integers / lists / floats ------------------------------------------

integer_to_list_test() ->
    ?assertEqual("123", integer_to_list(123)),
    ?assertEqual("-7B", integer_to_list(-123, 16)),
    ?assertEqual("1111011", integer_to_list(123, 2)).

list_to_integer_test() ->
    ?assertEqual(123, list_to_integer("123")),
    ?assertEqual(-123, list_to_integer("-7b", 16)),
    ?assertError(badarg, list_to_integer(id("12.0"))).

integer_binary_conversions_test() ->
    ?assertEqual(<<"-5">>, integer_to_binary(-5)),
    ?assertEqual(255, binary_to_integer(<<"FF">>, 16)),
    ?assertEqual(<<"zz">>, string:lowercase(integer_to_binary(1295, 36))).

float_to_list_options_test() ->
    ?assertEqual("1.50", float_to_list(1.5, [{decimals, 2}])),
    ?assertEqual("1.5", float_to_list(1.5, [{decimals, 2}, compact])),
    ?assertEqual("1.500e+00", float_to_list(1.5, [{scientific, 3}])),
    ?assertEqual("1.5", float_to_list(1.5, [short])).

list_to_float_test() ->
    ?assertEqual(2.5, list_to_float("2.5")),
    ?assertEqual(-1.0e-3, list_to_float("-1.0e-3")),
    ?assertError(badarg, list_to_float(id("2"))).

round_trunc_test() ->
    ?assertEqual(3, round(2.5)),
    ?assertEqual(-3, round(-2.5)),
    ?assertEqual(2, trunc(2.9)),
    ?assertEqual(-2, trunc(-2.9)),
    ?assertEqual(7, round(7)).

ceil_floor_test() ->
    ?assertEqual(3, ceil(2.0001)),
    ?assertEqual(-2, ceil(-2.5)),
    ?assertEqual(2, floor(2.9999)),
    ?assertEqual(-3, floor(-2.5)),
    ?assertEqual(-4, floor(-4)).

round_badarg_test() ->
    ?assertError(badarg, round(id(a))),
    ?assertError(badarg, trunc(id("1.0"))).

abs_test() ->
    ?assertEqual(3, abs(-3)),
    ?assertEqual(3.5, abs(-3.5)),
    ?assertEqual(0.0, abs(0.0)),
    ?assertError(badarg, abs(id(a))).

float_test() ->
    ?assertEqual(5.0, float(5)),
    ?assertEqual(1.2676506002282294e30, float(1 bsl 100)).

max_min_test() ->
    ?assertEqual(b, max(a, b)),
    ?assertEqual(a, min(a, b)),
    ?assertEqual({x}, max(1, {x})),
    ?assertEqual(1, min(1, {x})).

max_min_equal_returns_first_test() ->
    ?assertEqual(2, max(2, 2.0)),
    ?assertEqual(2.0, max(2.0, 2)),
    ?assertEqual(2, min(2, 2.0)).

%% ---- lists ----------------------------------------------------------------

hd_tl_test() ->
    ?assertEqual(a, hd([a, b])),
    ?assertEqual([b], tl([a, b])),
    ?assertEqual(b, tl([a | b])).

hd_tl_badarg_test() ->
    ?assertError(badarg, hd(id([]))),
    ?assertError(badarg, tl(id([]))),
    ?assertError(badarg, hd(id(x))).

length_test() ->
    ?assertEqual(0, length([])),
    ?assertEqual(3, length([a, b, c])),
    ?assertError(badarg, length(id([a | b]))),
    ?assertError(badarg, length(id(x))).

list_append_operator_test() ->
    ?assertEqual([1, 2, 3], [1] ++ [2, 3]),
    ?assertEqual([1 | a], [1] ++ a),
    ?assertEqual(a, [] ++ a),
    ?assertError(badarg, id(a) ++ [1]).

list_subtract_operator_test() ->
    ?assertEqual([b, a], [a, b, a] -- [a]),
    ?assertEqual([], [a, a] -- [a, a, a]),
    ?assertEqual([1, 2], [1, 2] -- [1.0]),
    ?assertError(badarg, [1 | id(a)] -- [1]).

%% ---- process dictionary -----------------------------------------------

put_get_test() ->
    erase(),
    ?assertEqual(undefined, put(k, v1)),
    ?assertEqual(v1, put(k, v2)),
    ?assertEqual(v2, get(k)),
    ?assertEqual(undefined, get(missing)).

erase_test() ->
    erase(),
    put(k, v),
    ?assertEqual(v, erase(k)),
    ?assertEqual(undefined, erase(k)),
    ?assertEqual(undefined, get(k)).

get_all_and_erase_all_test() ->
    erase(),
    put(a, 1),
    put(b, 2),
    ?assertEqual([{a, 1}, {b, 2}], lists:sort(get())),
    ?assertEqual([{a, 1}, {b, 2}], lists:sort(erase())),
    ?assertEqual([], get()).

get_keys_test() ->
    erase(),
    put(a, same),
    put(b, same),
    put(c, other),
    ?assertEqual([a, b], lists:sort(get_keys(same))),
    ?assertEqual([a, b, c], lists:sort(get_keys())),
    erase().

pdict_any_key_test() ->
    erase(),
    put({complex, [key]}, 1),
    put(<<"bin">>, 2),
    ?assertEqual(1, get({complex, [key]})),
    ?assertEqual(2, get(<<"bin">>)),
    erase().

%% ---- errors / exits / throws ------------------------------------------

error_1_test() ->
    ?assertError(my_error, erlang:error(my_error)),
    ?assertError({complex, [1]}, erlang:error({complex, [1]})).

error_2_test() ->
    try erlang:error(reason, [arg1, arg2])
    catch error:reason:St -> [{?MODULE, _, Args, _} | _] = St,
                             ?assertEqual([arg1, arg2], Args)
    end.

exit_1_test() ->
    ?assertExit(reason, exit(reason)).

throw_1_test() ->
    ?assertThrow(ball, throw(ball)).

%% ---- size, iolist_size ------------------------------------------------

size_test() ->
    ?assertEqual(3, size({a, b, c})),
    ?assertEqual(4, size(<<1, 2, 3, 4>>)),
    %% size/1 of a bitstring counts whole bytes only (byte_size rounds up)
    ?assertEqual(1, size(<<1, 2:4>>)),
    ?assertEqual(2, byte_size(<<1, 2:4>>)),
    ?assertError(badarg, size(id([a]))).

iolist_size_test() ->
    ?assertEqual(6, iolist_size([<<"abc">>, "de", $f])),
    ?assertEqual(3, iolist_size(<<"abc">>)),
    ?assertError(badarg, iolist_size(id([a]))),
    ?assertError(badarg, iolist_size(id([256]))).

iolist_to_binary_test() ->
    ?assertEqual(<<"abcdef">>, iolist_to_binary([<<"abc">>, "de", $f])),
    ?assertEqual(<<"x">>, iolist_to_binary([[], [[<<"x">>]]])).

%% ---- misc ---------------------------------------------------------------

self_node_test() ->
    ?assertEqual(self(), self()),
    ?assert(is_atom(node())),
    ?assertEqual(node(), node(self())).

make_ref_unique_test() ->
    ?assertNotEqual(make_ref(), make_ref()).

unique_integer_test() ->
    A = erlang:unique_integer([positive, monotonic]),
    B = erlang:unique_integer([positive, monotonic]),
    ?assert(B > A),
    ?assert(A > 0).

bit_size_byte_size_test() ->
    ?assertEqual(12, bit_size(<<1:12>>)),
    ?assertEqual(2, byte_size(<<1:12>>)),
    ?assertError(badarg, byte_size(id(a))).

binary_to_list_and_back_test() ->
    ?assertEqual([0, 255], binary_to_list(<<0, 255>>)),
    ?assertEqual(<<0, 255>>, list_to_binary([0, 255])).

list_to_bitstring_test() ->
    ?assertEqual(<<1, 1:3>>, list_to_bitstring([1, <<1:3>>])).

tuple_list_conversions_inverse_test() ->
    T = {a, [b], "c", <<"d">>},
    ?assertEqual(T, list_to_tuple(tuple_to_list(T))).

is_process_alive_test() ->
    ?assert(is_process_alive(self())).

apply_3_test() ->
    ?assertEqual(3, apply(erlang, length, [[a, b, c]])),
    ?assertEqual({a, b}, apply(erlang, list_to_tuple, [[a, b]])).

erlang_convert_time_unit_test() ->
    ?assertEqual(1000, erlang:convert_time_unit(1, second, millisecond)),
    ?assertEqual(1, erlang:convert_time_unit(1999, millisecond, second)).

md5_test() ->
    ?assertEqual(<<144, 1, 80, 152, 60, 210, 79, 176, 214, 150, 63, 125, 40, 225, 127, 114>>,
                 erlang:md5("abc")).

crc32_adler32_test() ->
    ?assertEqual(891568578, erlang:crc32(<<"abc">>)),
    ?assertEqual(38600999, erlang:adler32(<<"abc">>)).

bump_reductions_returns_true_test() ->
    ?assertEqual(true, erlang:bump_reductions(1)).

split_binary_test() ->
    ?assertEqual({<<>>, <<"ab">>}, split_binary(<<"ab">>, 0)),
    ?assertEqual({<<"a">>, <<"b">>}, split_binary(<<"ab">>, 1)).

list_to_pid_roundtrip_test() ->
    P = self(),
    ?assertEqual(P, list_to_pid(pid_to_list(P))).

atom_and_string_roundtrip_test() ->
    ?assertEqual('with space', list_to_atom(atom_to_list('with space'))).

term_to_binary_roundtrip_test() ->
    T = {[1.5, -3, 1 bsl 80], #{k => "v"}, <<7:3>>},
    ?assertEqual(T, binary_to_term(term_to_binary(T))).

localtime_shape_test() ->
    {{Y, Mo, D}, {H, Mi, S}} = erlang:localtime(),
    ?assert(is_integer(Y) andalso Y > 2000),
    ?assert(Mo >= 1 andalso Mo =< 12 andalso D >= 1 andalso D =< 31),
    ?assert(H >= 0 andalso H < 24 andalso Mi >= 0 andalso Mi < 60 andalso S >= 0 andalso S < 61).

nif_free_decode_packet_test() ->
    ?assertEqual({ok, <<"abc">>, <<"rest">>}, erlang:decode_packet(1, <<3, "abcrest">>, [])).
