%% erlang:decode_packet/3 for the framing types: raw, 0, 1, 2, 4 and line,
%% with packet_size and line_length.
-module(decode_packet_tests).
-include_lib("eunit/include/eunit.hrl").

raw_test() ->
    ?assertEqual({ok, <<"abc">>, <<>>}, erlang:decode_packet(raw, <<"abc">>, [])),
    ?assertEqual({ok, <<"abc">>, <<>>}, erlang:decode_packet(0, <<"abc">>, [])),
    ?assertEqual({more, undefined}, erlang:decode_packet(raw, <<>>, [])).

length_headers_test() ->
    ?assertEqual({ok, <<"ab">>, <<"c">>}, erlang:decode_packet(1, <<2, "abc">>, [])),
    ?assertEqual({ok, <<"abc">>, <<"d">>}, erlang:decode_packet(2, <<0, 3, "abcd">>, [])),
    ?assertEqual({ok, <<"a">>, <<"b">>}, erlang:decode_packet(4, <<0, 0, 0, 1, "ab">>, [])).

more_test() ->
    ?assertEqual({more, 6}, erlang:decode_packet(1, <<5, "abc">>, [])),
    ?assertEqual({more, undefined}, erlang:decode_packet(4, <<0, 0>>, [])),
    ?assertEqual({more, undefined}, erlang:decode_packet(1, <<>>, [])).

packet_size_test() ->
    ?assertEqual({error, invalid}, erlang:decode_packet(1, <<5, "abcde">>, [{packet_size, 3}])),
    ?assertEqual({ok, <<"abc">>, <<>>}, erlang:decode_packet(1, <<3, "abc">>, [{packet_size, 3}])).

line_test() ->
    ?assertEqual({ok, <<"ab\n">>, <<"cd">>}, erlang:decode_packet(line, <<"ab\ncd">>, [])),
    ?assertEqual({more, undefined}, erlang:decode_packet(line, <<"abcd">>, [])),
    ?assertEqual({ok, <<"abc">>, <<"def\n">>}, erlang:decode_packet(line, <<"abcdef\n">>, [{line_length, 3}])).

bad_type_badarg_test() ->
    ?assertError(badarg, erlang:decode_packet(3, <<"a">>, [])),
    ?assertError(badarg, erlang:decode_packet(1, not_a_binary, [])).
