%% -*- coding: latin-1 -*-
-module(latin1_source_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a source file declared latin-1 on its first line (emacs
%% style `-*- coding: latin-1 -*-`). Each byte 0x80-0xFF of the file is
%% one character: the byte E9 is the character 233 (e acute) in strings,
%% quoted atoms, char literals and comments. This file contains raw
%% latin-1 bytes (it is not valid UTF-8); edit it with care. Comment: café.

string_literal_test() ->
    ?assertEqual([99, 97, 102, 233], "café").

string_length_test() ->
    ?assertEqual(4, length("café")).

several_high_bytes_test() ->
    ?assertEqual([192, 233, 255, 181], "Àéÿµ").

quoted_atom_test() ->
    ?assertEqual([233, 116, 233], atom_to_list('été')).

quoted_atom_equals_built_atom_test() ->
    ?assertEqual(list_to_atom([233, 116, 233]), 'été').

char_literal_test() ->
    ?assertEqual(233, $é).

char_literal_pattern_test() ->
    F = fun($é) -> e_acute; (_) -> other end,
    ?assertEqual([e_acute, other], [F(233), F(195)]).

string_pattern_test() ->
    F = fun("caf" ++ [C]) -> C; (_) -> no end,
    G = fun("café") -> yes; (_) -> no end,
    ?assertEqual([233, yes, no], [F("café"), G([99, 97, 102, 233]), G("cafe")]).

%% A binary string literal: one byte per character.
binary_literal_test() ->
    ?assertEqual(<<99, 97, 102, 233>>, <<"café">>).

%% The same characters encoded as UTF-8 by the /utf8 segment type.
binary_utf8_literal_test() ->
    ?assertEqual(<<99, 97, 102, 195, 169>>, <<"café"/utf8>>).

%% Escapes still work in a latin-1 file.
escape_and_raw_byte_test() ->
    ?assertEqual("\x{e9}", "é"),
    ?assertEqual("\351", "é").

atom_in_tuple_and_match_test() ->
    {'été', X} = id({list_to_atom([233, 116, 233]), 1}),
    ?assertEqual(1, X).

id(X) -> X.
