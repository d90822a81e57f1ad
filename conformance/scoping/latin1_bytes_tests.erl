-module(latin1_bytes_tests).
%% coding: latin-1
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a source file declared latin-1 on its second line (plain
%% `coding: latin-1` comment) that contains the bytes C3 A9 (which would
%% be e acute in UTF-8). In a latin-1 file they are two characters, 195
%% and 169, in strings, quoted atoms and binaries. (The file is also valid
%% UTF-8, where they would be one character, 233.) This file contains raw
%% bytes; edit it with care. Comment: café.

string_is_two_chars_test() ->
    ?assertEqual([99, 97, 102, 195, 169], "café").

string_length_test() ->
    ?assertEqual(5, length("café")).

quoted_atom_test() ->
    ?assertEqual([195, 169], atom_to_list('é')).

quoted_atom_length_test() ->
    ?assertEqual(3, length(atom_to_list('xé'))).

two_chars_destructured_test() ->
    [A, B] = id("é"),
    ?assertEqual({195, 169}, {A, B}).

binary_literal_test() ->
    ?assertEqual(<<99, 97, 102, 195, 169>>, <<"café">>).

%% /utf8 encodes each of the two characters: four bytes.
binary_utf8_literal_test() ->
    ?assertEqual(<<195, 131, 194, 169>>, <<"é"/utf8>>).

%% The string is not the UTF-8 decoding of its bytes.
not_decoded_as_utf8_test() ->
    ?assertNotEqual([233], "é"),
    ?assertEqual([233], unicode:characters_to_list(list_to_binary("é"))).

string_pattern_test() ->
    F = fun("é" ++ T) -> T; (_) -> no end,
    ?assertEqual(["x", no], [F([195, 169, $x]), F([233, $x])]).

id_atom_test() ->
    ?assertEqual(list_to_atom([195, 169]), id('é')).

id(X) -> X.
