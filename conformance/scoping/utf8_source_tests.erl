-module(utf8_source_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a source file without a coding comment is UTF-8 (OTP 25
%% default). The bytes C3 A9 are one character, 233, in strings, quoted
%% atoms, char literals and binaries (a binary string literal stores
%% each character as one byte unless /utf8 is given). This file contains
%% raw bytes; edit it with care. Comment: café.

string_is_one_char_test() ->
    ?assertEqual([99, 97, 102, 233], "café").

quoted_atom_test() ->
    ?assertEqual([233], atom_to_list('é')).

char_literal_test() ->
    ?assertEqual(233, $é).

binary_literal_test() ->
    ?assertEqual(<<99, 97, 102, 233>>, <<"café">>).

binary_utf8_literal_test() ->
    ?assertEqual(<<195, 169>>, <<"é"/utf8>>).

%% A character above 255: the string holds the code point; a plain binary
%% literal keeps only its low 8 bits.
code_point_above_255_test() ->
    ?assertEqual([1089], "с"),
    ?assertEqual(<<1089:8>>, <<"с">>),
    ?assertEqual(<<209, 129>>, <<"с"/utf8>>).

string_pattern_test() ->
    F = fun("caf" ++ [C]) -> C; (_) -> no end,
    ?assertEqual([233, no], [F("café"), F("ca")]).

%% An atom with a character above 255.
unicode_atom_test() ->
    ?assertEqual([1089], atom_to_list('с')).
