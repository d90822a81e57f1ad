%% The deep lists io_lib:format/2 and io_lib:write/1 return, element by
%% element as OTP 25 nests them (code matches on them and compares them
%% with =:=).
-module(io_lib_shape_tests).
-include_lib("eunit/include/eunit.hrl").

literal_text_spliced_directive_nested_test() ->
    ?assertEqual([97, [49, 50], 98, [120, 121], 99, 10], io_lib:format("a~pb~sc~n", [12, "xy"])).

single_p_is_one_element_test() ->
    [S] = io_lib:format("~p", [0.0]),
    ?assertEqual("0.0", S).

w_tuple_nesting_test() ->
    ?assertEqual([[123, [[97], 44, [49]], 125]], io_lib:format("~w", [{a, 1}])).

p_string_is_quoted_flat_test() ->
    ?assertEqual([[34, 97, 98, 34]], io_lib:format("~p", ["ab"])),
    ?assertEqual([[91, [[97], 44, [34, 98, 34]], 93]], io_lib:format("~p", [[a, "b"]])).

w_string_is_a_list_of_integers_test() ->
    ?assertEqual([[91, [[57, 55], 44, [57, 56]], 93]], io_lib:format("~w", ["ab"])).

s_of_atom_is_spliced_test() ->
    ?assertEqual([97, 98, 99], io_lib:format("~s", [abc])),
    ?assertEqual([[97, 98]], io_lib:format("~s", [<<"ab">>])).

numbers_and_chars_spliced_test() ->
    ?assertEqual([126, 120, 121], io_lib:format("~~x~c", [$y])),
    ?assertEqual([53, 32, 70, 70], io_lib:format("~b ~.16B", [5, 255])).

depth_limits_test() ->
    ?assertEqual([[91, [[49], 124, 46, 46, 46], 93]], io_lib:format("~P", [[1, 2, 3], 2])),
    ?assertEqual([123, [[97], 44, 46, 46, 46], 125], io_lib:write({a, b, c}, 2)).

write_maps_test() ->
    ?assertEqual([35, 123, [[[97], [32, 61, 62, 32], [49]], 44, [[98], [32, 61, 62, 32], [50]]], 125],
                 io_lib:write(#{a => 1, b => 2})),
    ?assertEqual([35, 123, 125], io_lib:write(#{})).

write_lists_and_binaries_test() ->
    ?assertEqual([91, [[49], 124, [50]], 93], io_lib:write([1 | 2])),
    ?assertEqual([123, 125], io_lib:write({})),
    ?assertEqual([60, 60, [[49], 58, [51]], 62, 62], io_lib:write(<<1:3>>)),
    ?assertEqual([60, 60, [[49], 44, [50], 58, [52]], 62, 62], io_lib:write(<<1, 2:4>>)),
    ?assertEqual([60, 60, [], 62, 62], io_lib:write(<<>>)).

p_binary_string_test() ->
    ?assertEqual([[60, 60, [34, 97, 98, 34], 62, 62]], io_lib:format("~p", [<<"ab">>])).

io_lib_format_fwrite_g_test() ->
    ?assertEqual("1.5", io_lib_format:fwrite_g(1.5)),
    ?assertEqual("1.0e10", io_lib_format:fwrite_g(1.0e10)),
    ?assertEqual("0.1", io_lib_format:fwrite_g(0.1)).
