%% zlib's one-shot functions: the exact bytes of OTP's zlib, round trips
%% of iodata, and data_error on bad input.
-module(zlib_tests).
-include_lib("eunit/include/eunit.hrl").

-define(D, <<"hello hello hello hello">>).

compress_bytes_test() ->
    ?assertEqual(<<120,156,203,72,205,201,201,87,200,64,39,1,104,3,8,177>>, zlib:compress(?D)).

zip_bytes_test() ->
    ?assertEqual(<<203,72,205,201,201,87,200,64,39,1>>, zlib:zip(?D)).

gzip_bytes_test() ->
    ?assertEqual(<<31,139,8,0,0,0,0,0,0,3,203,72,205,201,201,87,200,64,39,1,227,81,61,141,23,0,0,0>>,
                 zlib:gzip(?D)).

round_trips_test() ->
    Big = list_to_binary([integer_to_list(N) || N <- lists:seq(1, 20000)]),
    ?assertEqual(Big, zlib:uncompress(zlib:compress(Big))),
    ?assertEqual(Big, zlib:unzip(zlib:zip(Big))),
    ?assertEqual(Big, zlib:gunzip(zlib:gzip(Big))).

iodata_input_test() ->
    ?assertEqual(zlib:compress(?D), zlib:compress(["hello", <<" hello">>, " hello", [" hello"]])).

empty_test() ->
    ?assertEqual(<<>>, zlib:uncompress(zlib:compress(<<>>))),
    ?assertEqual(<<>>, zlib:gunzip(zlib:gzip(<<>>))).

data_error_test() ->
    ?assertError(data_error, zlib:uncompress(<<1, 2, 3>>)),
    ?assertError(data_error, zlib:gunzip(<<1, 2, 3>>)).
