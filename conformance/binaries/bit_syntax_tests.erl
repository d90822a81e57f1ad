-module(bit_syntax_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: bit syntax construction and matching, binary BIFs (OTP 25).

id(X) -> X.

%% ---- construction ------------------------------------------------------

bytes_construction_test() ->
    ?assertEqual([1, 2, 3], binary_to_list(<<1, 2, 3>>)),
    ?assertEqual(3, byte_size(<<1, 2, 3>>)).

integer_truncated_to_size_test() ->
    ?assertEqual(<<0>>, <<256>>),
    ?assertEqual(<<255>>, <<(-1)>>),
    ?assertEqual(<<44>>, <<300>>).

integer_sizes_test() ->
    ?assertEqual(<<0, 1>>, <<1:16>>),
    ?assertEqual(<<0, 0, 1, 0>>, <<256:32>>),
    ?assertEqual(<<1:4>>, <<1:4>>),
    ?assertEqual(4, bit_size(<<1:4>>)).

endianness_test() ->
    ?assertEqual(<<1, 2>>, <<258:16/big>>),
    ?assertEqual(<<2, 1>>, <<258:16/little>>),
    ?assertEqual(<<1, 2>>, <<258:16>>).

native_endianness_test() ->
    B = <<258:16/native>>,
    ?assert(B =:= <<1, 2>> orelse B =:= <<2, 1>>),
    <<X:16/native>> = B,
    ?assertEqual(258, X).

signed_construction_test() ->
    ?assertEqual(<<255, 255>>, <<-1:16/signed>>),
    ?assertEqual(<<255, 254>>, <<-2:16>>),
    ?assertEqual(<<128>>, <<-128:8/signed>>).

unit_test() ->
    ?assertEqual(<<0, 0, 0, 5>>, <<5:4/unit:8>>),
    ?assertEqual(12, bit_size(<<1:3/unit:4>>)).

float_construction_test() ->
    ?assertEqual(<<63, 240, 0, 0, 0, 0, 0, 0>>, <<1.0/float>>),
    ?assertEqual(<<63, 128, 0, 0>>, <<1.0:32/float>>),
    ?assertEqual(<<0, 0, 128, 63>>, <<1.0:32/little-float>>),
    ?assertEqual(8, byte_size(<<2.5/float>>)).

float_from_integer_test() ->
    ?assertEqual(<<1.0/float>>, <<1/float>>).

float16_test() ->
    ?assertEqual(<<60, 0>>, <<1.0:16/float>>),
    <<F:16/float>> = <<60, 0>>,
    ?assertEqual(1.0, F).

binary_segment_test() ->
    B = <<"abc">>,
    ?assertEqual(<<"xabcy">>, <<$x, B/binary, $y>>),
    ?assertEqual(<<"ab">>, <<B:2/binary>>).

bitstring_segment_test() ->
    B = <<1:3>>,
    R = <<B/bitstring, 1:5>>,
    ?assertEqual(<<33>>, R),
    ?assertEqual(<<B/bits, B/bits>>, <<9:6>>).

binary_segment_of_bitstring_badarg_test() ->
    ?assertError(badarg, <<(id(<<1:3>>))/binary>>).

string_literal_segment_test() ->
    ?assertEqual(<<"hello">>, <<"hello">>),
    ?assertEqual(<<104, 105>>, <<"hi">>),
    ?assertEqual(<<0, $a, 0, $b>>, <<"ab":16>>).

utf8_construction_test() ->
    ?assertEqual(<<$a>>, <<$a/utf8>>),
    ?assertEqual(<<195, 165>>, <<229/utf8>>),
    ?assertEqual(<<226, 130, 172>>, <<16#20AC/utf8>>),
    ?assertEqual(<<240, 159, 152, 128>>, <<16#1F600/utf8>>).

utf8_string_literal_test() ->
    ?assertEqual(<<195, 165, 195, 164>>, <<"\x{e5}\x{e4}"/utf8>>).

utf16_construction_test() ->
    ?assertEqual(<<0, $a>>, <<$a/utf16>>),
    ?assertEqual(<<$a, 0>>, <<$a/utf16-little>>),
    ?assertEqual(<<216, 61, 222, 0>>, <<16#1F600/utf16>>).

utf32_construction_test() ->
    ?assertEqual(<<0, 0, 0, $a>>, <<$a/utf32>>),
    ?assertEqual(<<$a, 0, 0, 0>>, <<$a/utf32-little>>).

invalid_utf8_codepoint_badarg_test() ->
    ?assertError(badarg, <<(id(16#D800))/utf8>>),
    ?assertError(badarg, <<(id(16#110000))/utf8>>),
    ?assertError(badarg, <<(id(-1))/utf8>>).

construction_type_errors_test() ->
    ?assertError(badarg, <<(id(a))>>),
    ?assertError(badarg, <<(id(1.5)):8>>),
    ?assertError(badarg, <<(id(<<1>>)):8>>).

negative_size_badarg_test() ->
    ?assertError(badarg, <<1:(id(-1))>>).

variable_size_construction_test() ->
    N = id(12),
    B = <<1:N>>,
    ?assertEqual(12, bit_size(B)).

zero_size_segment_test() ->
    ?assertEqual(<<>>, <<1:0>>),
    ?assertEqual(<<1>>, <<1, 5:0>>).

bigint_construction_test() ->
    ?assertEqual(<<1, 0, 0, 0, 0, 0, 0, 0, 0>>, <<(1 bsl 64):72>>),
    ?assertEqual(<<255, 255, 255, 255, 255, 255, 255, 255, 255>>, <<(-1):72>>).

%% ---- matching -----------------------------------------------------------

match_bytes_test() ->
    <<A, B, C>> = <<1, 2, 3>>,
    ?assertEqual({1, 2, 3}, {A, B, C}).

match_integer_sizes_test() ->
    <<X:16, Y:8>> = <<1, 2, 3>>,
    ?assertEqual({258, 3}, {X, Y}).

match_little_endian_test() ->
    <<X:16/little>> = <<1, 2>>,
    ?assertEqual(513, X).

match_signed_test() ->
    <<A:8/signed, B:8/unsigned>> = <<255, 255>>,
    ?assertEqual({-1, 255}, {A, B}),
    <<C:16/signed-little>> = <<254, 255>>,
    ?assertEqual(-2, C).

match_bits_test() ->
    <<A:1, B:3, C:4>> = <<2#10110011>>,
    ?assertEqual({1, 3, 3}, {A, B, C}).

match_rest_binary_test() ->
    <<H:2/binary, T/binary>> = <<"hello">>,
    ?assertEqual({<<"he">>, <<"llo">>}, {H, T}).

match_rest_bitstring_test() ->
    <<_:3, Rest/bitstring>> = <<255>>,
    ?assertEqual(5, bit_size(Rest)),
    ?assertEqual(<<31:5>>, Rest).

match_binary_rest_requires_byte_alignment_test() ->
    F = fun(<<_:3, R/binary>>) -> R; (_) -> nomatch end,
    ?assertEqual(nomatch, F(<<255>>)),
    ?assertEqual(<<255>>, F(<<255, 7:3>>)).

match_size_from_earlier_segment_test() ->
    <<L:8, Payload:L/binary, Rest/binary>> = <<3, "abcde">>,
    ?assertEqual({<<"abc">>, <<"de">>}, {Payload, Rest}).

match_float_test() ->
    <<F:64/float>> = <<64, 9, 33, 251, 84, 68, 45, 24>>,
    ?assertEqual(3.141592653589793, F),
    <<G:32/float>> = <<63, 128, 0, 0>>,
    ?assertEqual(1.0, G).

match_float_nan_fails_test() ->
    %% NaN bit patterns do not match a float segment
    F = fun(<<X:64/float>>) -> X; (_) -> nomatch end,
    ?assertEqual(nomatch, F(<<127, 248, 0, 0, 0, 0, 0, 0>>)),
    ?assertEqual(nomatch, F(<<127, 240, 0, 0, 0, 0, 0, 0>>)).

match_utf8_test() ->
    <<C/utf8, Rest/binary>> = <<226, 130, 172, $x>>,
    ?assertEqual({16#20AC, <<"x">>}, {C, Rest}).

match_utf8_invalid_fails_test() ->
    F = fun(<<C/utf8, _/binary>>) -> C; (_) -> invalid end,
    ?assertEqual(invalid, F(<<255, 0>>)),
    ?assertEqual(invalid, F(<<237, 160, 128>>)).

match_utf16_utf32_test() ->
    <<A/utf16, B/utf32-little>> = <<216, 61, 222, 0, $z, 0, 0, 0>>,
    ?assertEqual({16#1F600, $z}, {A, B}).

match_string_prefix_test() ->
    <<"HTTP/", Ver/binary>> = <<"HTTP/1.1">>,
    ?assertEqual(<<"1.1">>, Ver).

match_too_short_fails_test() ->
    F = fun(<<X:32>>) -> X; (_) -> short end,
    ?assertEqual(short, F(<<1, 2, 3>>)).

match_exact_length_required_test() ->
    F = fun(<<X:8>>) -> X; (_) -> other end,
    ?assertEqual(other, F(<<1, 2>>)),
    ?assertEqual(1, F(<<1>>)).

match_in_function_head_loop_test() ->
    ?assertEqual([1, 2, 3, 4], bytes(<<1, 2, 3, 4>>)).

bytes(<<B, Rest/binary>>) -> [B | bytes(Rest)];
bytes(<<>>) -> [].

match_unit_test() ->
    <<A:2/unit:8, B/binary>> = <<1, 2, 3>>,
    ?assertEqual({258, <<3>>}, {A, B}).

match_bound_variable_value_test() ->
    X = 7,
    %% in a case pattern an already bound variable is matched by value
    F = fun(Bin) -> case Bin of <<X, _/binary>> -> seven; _ -> no end end,
    ?assertEqual(seven, F(<<7, 1>>)),
    ?assertEqual(no, F(<<8>>)).

match_sub_binary_test() ->
    Big = <<"0123456789">>,
    <<_:3/binary, Mid:4/binary, _/binary>> = Big,
    ?assertEqual(<<"3456">>, Mid),
    ?assertEqual(4, byte_size(Mid)).

%% ---- BIFs ------------------------------------------------------------------

binary_to_list_test() ->
    ?assertEqual("abc", binary_to_list(<<"abc">>)),
    ?assertEqual([], binary_to_list(<<>>)),
    ?assertError(badarg, binary_to_list(id(<<1:3>>))).

binary_to_list_3_test() ->
    ?assertEqual("bcd", binary_to_list(<<"abcde">>, 2, 4)).

bitstring_to_list_test() ->
    ?assertEqual([1, <<1:3>>], bitstring_to_list(<<1, 1:3>>)).

list_to_binary_test() ->
    ?assertEqual(<<"abc">>, list_to_binary("abc")),
    ?assertEqual(<<1, 2, 3, 4>>, list_to_binary([1, [2, <<3>>], 4])),
    ?assertError(badarg, list_to_binary(id([256]))).

list_to_binary_improper_tail_test() ->
    ?assertEqual(<<1, 2, 3>>, list_to_binary([1, 2 | <<3>>])),
    ?assertError(badarg, list_to_binary(id([1 | 2]))).

iolist_to_binary_test() ->
    ?assertEqual(<<"abc">>, iolist_to_binary(<<"abc">>)),
    ?assertEqual(<<"abcd">>, iolist_to_binary(["a", [<<"b">>, $c], [[[$d]]]])),
    ?assertError(badarg, iolist_to_binary(id([a]))).

iolist_size_test() ->
    ?assertEqual(4, iolist_size(["a", [<<"bc">>], $d])),
    ?assertEqual(0, iolist_size([])).

byte_size_bit_size_test() ->
    ?assertEqual(2, byte_size(<<1:9>>)),
    ?assertEqual(9, bit_size(<<1:9>>)),
    ?assertEqual(0, byte_size(<<>>)).

is_binary_is_bitstring_test() ->
    ?assert(is_binary(<<>>)),
    ?assertNot(is_binary(<<1:1>>)),
    ?assert(is_bitstring(<<1:1>>)).

binary_part_test() ->
    ?assertEqual(<<"bc">>, binary:part(<<"abcd">>, 1, 2)),
    ?assertEqual(<<"bc">>, binary:part(<<"abcd">>, {3, -2})),
    ?assertEqual(<<"cd">>, binary_part(<<"abcd">>, {2, 2})),
    ?assertError(badarg, binary:part(<<"abcd">>, 3, 5)).

split_binary_test() ->
    ?assertEqual({<<"ab">>, <<"cd">>}, split_binary(<<"abcd">>, 2)),
    ?assertError(badarg, split_binary(<<"ab">>, id(3))).

binary_module_basics_test() ->
    ?assertEqual([<<"a">>, <<"b">>, <<"c">>], binary:split(<<"a,b,c">>, <<",">>, [global])),
    ?assertEqual({1, 1}, binary:match(<<"abc">>, <<"b">>)),
    ?assertEqual(<<"a-b-c">>, binary:replace(<<"a,b,c">>, <<",">>, <<"-">>, [global])),
    ?assertEqual(97, binary:first(<<"abc">>)).

binary_copy_and_decode_unsigned_test() ->
    ?assertEqual(<<"abab">>, binary:copy(<<"ab">>, 2)),
    ?assertEqual(258, binary:decode_unsigned(<<1, 2>>)),
    ?assertEqual(<<1, 2>>, binary:encode_unsigned(258)).

binary_equality_by_content_test() ->
    <<_, Sub/binary>> = <<0, "abc">>,
    ?assert(Sub =:= <<"abc">>),
    ?assert(list_to_binary("abc") =:= <<"abc">>).

binary_compare_test() ->
    ?assert(<<"abc">> < <<"abd">>),
    ?assert(<<"ab">> < <<"abc">>),
    ?assert(<<>> < <<0>>).

binary_comprehension_test() ->
    ?assertEqual(<<2, 4, 6>>, << <<(X * 2)>> || <<X>> <= <<1, 2, 3>> >>),
    ?assertEqual([1, 2, 3], [X || <<X>> <= <<1, 2, 3>>]).

bitstring_comprehension_test() ->
    ?assertEqual(<<2#101:3>>, << <<B:1>> || <<B:1>> <= <<2#101:3>> >>),
    ?assertEqual([1, 0, 1], [B || <<B:1>> <= <<2#101:3>>]).

bit_comprehension_from_list_test() ->
    ?assertEqual(<<1:1, 0:1, 1:1, 1:1>>, << <<X:1>> || X <- [1, 0, 1, 1] >>).

binary_comprehension_skips_partial_test() ->
    %% trailing bits that do not fit the generator pattern are ignored
    ?assertEqual([258], [X || <<X:16>> <= <<1, 2, 3>>]).

term_to_binary_roundtrip_test() ->
    T = {a, [1, 2.5, "s"], <<"b">>, #{k => v}, -(1 bsl 70)},
    ?assertEqual(T, binary_to_term(term_to_binary(T))).

concat_in_loop_test() ->
    B = lists:foldl(fun(X, Acc) -> <<Acc/binary, X>> end, <<>>, lists:seq(1, 5)),
    ?assertEqual(<<1, 2, 3, 4, 5>>, B).

binary_to_atom_and_back_test() ->
    ?assertEqual(hello, binary_to_atom(<<"hello">>)),
    ?assertEqual(<<"hello">>, atom_to_binary(hello)).

unicode_characters_to_binary_test() ->
    ?assertEqual(<<226, 130, 172>>, unicode:characters_to_binary([16#20AC])),
    ?assertEqual([16#20AC], unicode:characters_to_list(<<226, 130, 172>>)).
