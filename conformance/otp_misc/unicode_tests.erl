-module(unicode_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: unicode of OTP 25 (Unicode 14): normalization forms
%% NFC/NFD/NFKC/NFKD (composition, decomposition, canonical ordering of
%% combining marks, Hangul, singletons), characters_to_list/binary with
%% encodings and their exact {error, ...}/{incomplete, ...} results, BOMs,
%% and the grapheme-cluster functions of string (length, reverse, slice,
%% equal with normalization, case mapping). Code points are written as
%% integers so the source is plain ASCII.

id(X) -> X.

%% ---- normalization ----------------------------------------------------------

nfc_composes_test() ->
    ?assertEqual([16#E9], unicode:characters_to_nfc_list([$e, 16#301])).

nfd_decomposes_test() ->
    ?assertEqual([$e, 16#301], unicode:characters_to_nfd_list([16#E9])).

nfc_binary_test() ->
    ?assertEqual(<<16#C3, 16#A9>>, unicode:characters_to_nfc_binary([$e, 16#301])).

nfd_binary_test() ->
    ?assertEqual(<<$e, 16#CC, 16#81>>, unicode:characters_to_nfd_binary(<<16#C3, 16#A9>>)).

nfc_ascii_unchanged_test() ->
    ?assertEqual("abc", unicode:characters_to_nfc_list("abc")),
    ?assertEqual("abc", unicode:characters_to_nfc_list(<<"abc">>)),
    ?assertEqual("abc", unicode:characters_to_nfc_list([<<"a">>, "b", [$c]])).

nfd_multiple_marks_test() ->
    ?assertEqual([$s, 16#323, 16#307], unicode:characters_to_nfd_list([16#1E69])).

nfc_canonical_order_test() ->
    ?assertEqual([16#1E69], unicode:characters_to_nfc_list([$s, 16#323, 16#307])),
    ?assertEqual([16#1E69], unicode:characters_to_nfc_list([$s, 16#307, 16#323])).

nfd_reorders_marks_test() ->
    ?assertEqual([$s, 16#323, 16#307], unicode:characters_to_nfd_list([$s, 16#307, 16#323])).

nfd_hangul_test() ->
    ?assertEqual([16#1100, 16#1161], unicode:characters_to_nfd_list([16#AC00])).

nfc_hangul_test() ->
    ?assertEqual([16#AC00], unicode:characters_to_nfc_list([16#1100, 16#1161])).

nfc_singleton_test() ->
    %% ANGSTROM SIGN becomes A WITH RING ABOVE
    ?assertEqual([16#C5], unicode:characters_to_nfc_list([16#212B])),
    ?assertEqual([$A, 16#30A], unicode:characters_to_nfd_list([16#212B])).

nfc_keeps_compatibility_characters_test() ->
    ?assertEqual([16#FB01], unicode:characters_to_nfc_list([16#FB01])).

nfkc_compatibility_test() ->
    ?assertEqual("fi", unicode:characters_to_nfkc_list([16#FB01])),
    ?assertEqual("1", unicode:characters_to_nfkc_list([16#2460])).

nfkd_compatibility_test() ->
    ?assertEqual("fi", unicode:characters_to_nfkd_list([16#FB01])).

nfkc_binary_superscript_test() ->
    ?assertEqual(<<"x2">>, unicode:characters_to_nfkc_binary(<<"x", 16#C2, 16#B2>>)),
    ?assertEqual(<<"x2">>, unicode:characters_to_nfkd_binary(<<"x", 16#C2, 16#B2>>)).

nfc_invalid_utf8_error_test() ->
    ?assertEqual({error, [], <<16#FF>>}, unicode:characters_to_nfc_list(<<16#FF>>)),
    ?assertEqual({error, "a", <<16#C3>>}, unicode:characters_to_nfc_list(<<"a", 16#C3>>)).

nfc_binary_bad_code_point_badarg_test() ->
    ?assertError(badarg, unicode:characters_to_nfc_binary([$a, 16#110000])).

%% ---- characters_to_list / characters_to_binary ---------------------------

characters_to_list_latin1_test() ->
    ?assertEqual([$a, 16#E9], unicode:characters_to_list(<<"a", 16#E9>>, latin1)).

characters_to_binary_utf8_test() ->
    ?assertEqual(<<16#C3, 16#A9>>, unicode:characters_to_binary([16#E9])).

characters_to_binary_to_latin1_test() ->
    ?assertEqual(<<16#E9>>, unicode:characters_to_binary([16#E9], unicode, latin1)).

characters_to_binary_to_latin1_error_test() ->
    ?assertEqual({error, <<>>, [[16#3B1]]}, unicode:characters_to_binary([16#3B1], unicode, latin1)),
    ?assertEqual({error, <<"a">>, [[16#3B1], $b]}, unicode:characters_to_binary([$a, 16#3B1, $b], unicode, latin1)).

characters_to_list_incomplete_test() ->
    ?assertEqual({incomplete, "a", <<16#CE>>}, unicode:characters_to_list(<<"a", 16#CE>>)),
    ?assertEqual({incomplete, "a", <<16#CE>>}, unicode:characters_to_list([$a, <<16#CE>>])).

characters_to_list_error_test() ->
    ?assertEqual({error, "a", <<16#FF, "b">>}, unicode:characters_to_list(<<"a", 16#FF, "b">>)).

characters_to_list_bad_integer_error_test() ->
    ?assertEqual({error, [], [-1]}, unicode:characters_to_list([-1])).

characters_to_list_not_chardata_badarg_test() ->
    ?assertError(badarg, unicode:characters_to_list(id(foo))).

characters_to_binary_utf16_test() ->
    ?assertEqual(<<3, 16#B1>>, unicode:characters_to_binary([16#3B1], unicode, utf16)),
    ?assertEqual(<<16#3D, 16#D8, 0, 16#DE>>, unicode:characters_to_binary([16#1F600], unicode, {utf16, little})).

characters_to_binary_utf32_test() ->
    ?assertEqual(<<0, 0, 3, 16#B1>>, unicode:characters_to_binary([16#3B1], unicode, utf32)).

characters_to_list_from_utf16_test() ->
    ?assertEqual([16#3B1], unicode:characters_to_list(<<16#3B1:16>>, utf16)),
    ?assertEqual([16#1F600], unicode:characters_to_list(<<16#D8, 16#3D, 16#DE, 16#00>>, utf16)).

characters_to_list_surrogate_error_test() ->
    ?assertMatch({error, [], _}, unicode:characters_to_list([16#D800])).

%% ---- BOM ----------------------------------------------------------------------

bom_to_encoding_test() ->
    ?assertEqual({utf8, 3}, unicode:bom_to_encoding(<<16#EF, 16#BB, 16#BF, "x">>)),
    ?assertEqual({latin1, 0}, unicode:bom_to_encoding(<<"x">>)),
    ?assertEqual({{utf32, little}, 4}, unicode:bom_to_encoding(<<16#FF, 16#FE, 0, 0>>)),
    ?assertEqual({{utf16, little}, 2}, unicode:bom_to_encoding(<<16#FF, 16#FE, $x, 0>>)).

encoding_to_bom_test() ->
    ?assertEqual(<<16#EF, 16#BB, 16#BF>>, unicode:encoding_to_bom(utf8)),
    ?assertEqual(<<16#FF, 16#FE>>, unicode:encoding_to_bom({utf16, little})),
    ?assertEqual(<<16#FE, 16#FF>>, unicode:encoding_to_bom(utf16)).

%% ---- string and grapheme clusters ------------------------------------------

string_length_graphemes_test() ->
    ?assertEqual(1, string:length([$e, 16#301])),
    ?assertEqual(2, string:length(<<"e", 16#CC, 16#81, "x">>)),
    ?assertEqual(1, string:length([$\r, $\n])).

string_length_emoji_sequences_test() ->
    ?assertEqual(1, string:length([16#1F44D, 16#1F3FD])),
    ?assertEqual(1, string:length([16#1F1FA, 16#1F1F8])).

string_reverse_keeps_clusters_test() ->
    ?assertEqual([[$e, 16#301], $a], string:reverse([$a, $e, 16#301])).

string_slice_clusters_test() ->
    ?assertEqual([$e, 16#301], string:slice([$a, $e, 16#301, $b], 1, 1)).

string_next_grapheme_test() ->
    ?assertEqual([[$e, 16#301], $x], string:next_grapheme([$e, 16#301, $x])).

string_to_graphemes_test() ->
    ?assertEqual([[$e, 16#301], $x, [$\r, $\n]], string:to_graphemes([$e, 16#301, $x, $\r, $\n])).

string_equal_normalization_test() ->
    ?assertNot(string:equal([16#E9], [$e, 16#301])),
    ?assert(string:equal([16#E9], [$e, 16#301], false, nfc)),
    ?assert(string:equal([16#E9], [$e, 16#301], false, nfd)).

string_equal_ignore_case_test() ->
    ?assert(string:equal("ABC", "abc", true)),
    ?assert(string:equal([16#C9], [$e, 16#301], true, nfc)).

string_uppercase_special_casing_test() ->
    ?assertEqual("STRASSE", string:uppercase([$s, $t, $r, $a, 16#DF, $e])).

string_to_upper_single_char_mapping_test() ->
    ?assertEqual([$S, $T, $R, $A, 16#DF, $E], string:to_upper([$s, $t, $r, $a, 16#DF, $e])),
    ?assertEqual([16#C9, $A], string:to_upper([16#E9, $a])).

string_lowercase_sigma_test() ->
    ?assertEqual([16#3C3, 16#3B1, 16#3C3], string:lowercase([16#3A3, 16#391, 16#3A3])).

string_casefold_test() ->
    ?assertEqual("strasse", string:casefold([$S, $t, $r, $a, 16#DF, $e])).

string_titlecase_test() ->
    ?assertEqual([16#1C5, $a], string:titlecase([16#1C6, $a])).

string_uppercase_binary_test() ->
    ?assertEqual(<<16#C3, 16#89, "A">>, string:uppercase(<<16#C3, 16#A9, "a">>)).
