-module(unicode_util_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: unicode_util of OTP 25 (Unicode 14), the one-step functions
%% under string: cp/1 and gc/1 with the exact shape of the rest for flat
%% lists, binaries and deep chardata, grapheme clusters (CR LF, marks,
%% Hangul, regional indicators, prepend, emoji ZWJ), normalization of the
%% first cluster (nfd/nfc/nfkd/nfkc, integer versus list results), case
%% mapping of the first code point, get_case/1, whitespace and errors.
%% Code points are written as integers so the source is plain ASCII.

%% ---- cp/1 --------------------------------------------------------------------

cp_flat_test() ->
    ?assertEqual("abc", unicode_util:cp("abc")),
    ?assertEqual([], unicode_util:cp([])),
    ?assertEqual([], unicode_util:cp(<<>>)).

cp_binary_test() ->
    ?assertEqual([$a | <<"bc">>], unicode_util:cp(<<"abc">>)),
    ?assertEqual([16#E9 | <<"x">>], unicode_util:cp(<<16#C3, 16#A9, $x>>)).

cp_deep_test() ->
    ?assertEqual([$a, <<>>, "b"], unicode_util:cp([<<"a">>, "b"])),
    ?assertEqual([$a | <<>>], unicode_util:cp([<<"a">>])),
    ?assertEqual("abcd", unicode_util:cp(["ab", "cd"])),
    ?assertEqual([$a, $b, $c, $d, "e", "f"], unicode_util:cp(["abcde", "f"])),
    ?assertEqual([$a, <<"b">>, <<"cd">>], unicode_util:cp([<<"ab">>, <<"cd">>])),
    ?assertEqual("x", unicode_util:cp([[], <<>>, "x"])),
    ?assertEqual([], unicode_util:cp([<<>>, [[]]])).

cp_error_test() ->
    ?assertEqual({error, <<255, 1>>}, unicode_util:cp(<<255, 1>>)),
    ?assertEqual({error, [<<255>>, "a"]}, unicode_util:cp([<<255>>, "a"])),
    ?assertEqual([$a | <<255>>], unicode_util:cp(["a", <<255>>])).

cp_badarg_test() ->
    ?assertError(function_clause, unicode_util:cp(foo)).

%% ---- gc/1 --------------------------------------------------------------------

gc_ascii_test() ->
    ?assertEqual("abc", unicode_util:gc("abc")),
    ?assertEqual([$a | <<"bc">>], unicode_util:gc(<<"abc">>)),
    ?assertEqual([], unicode_util:gc([])),
    ?assertEqual([], unicode_util:gc(<<>>)).

gc_crlf_test() ->
    ?assertEqual([[13, 10], $x], unicode_util:gc("\r\nx")),
    ?assertEqual([[13, 10] | <<"x">>], unicode_util:gc(<<"\r\nx">>)),
    ?assertEqual("\r", unicode_util:gc("\r")),
    ?assertEqual([[13, 10] | <<>>], unicode_util:gc([$\r | <<"\n">>])),
    ?assertEqual([[13, 10]], unicode_util:gc([<<"\r">>, "\n"])).

gc_combining_test() ->
    ?assertEqual([[$e, 16#301], $x], unicode_util:gc([$e, 16#301, $x])),
    ?assertEqual([[$e, 16#301] | <<"x">>], unicode_util:gc(<<$e, 16#CC, 16#81, $x>>)),
    ?assertEqual([[$e, 16#301], $x], unicode_util:gc([<<"e">>, [16#301], "x"])),
    ?assertEqual([[$a, 16#301] | <<>>], unicode_util:gc([$a | <<16#CC, 16#81>>])),
    ?assertEqual([$a, <<"b">>], unicode_util:gc([$a, <<"b">>])).

gc_hangul_test() ->
    ?assertEqual([[16#1100, 16#1161, 16#11A8], $a],
                 unicode_util:gc([16#1100, 16#1161, 16#11A8, $a])),
    ?assertEqual([[16#AC00, 16#11A8], $a], unicode_util:gc([16#AC00, 16#11A8, $a])).

gc_regional_indicator_test() ->
    ?assertEqual([[16#1F1F8, 16#1F1EA], 16#1F1F8],
                 unicode_util:gc([16#1F1F8, 16#1F1EA, 16#1F1F8])).

gc_emoji_zwj_test() ->
    ?assertEqual([[16#1F468, 16#200D, 16#1F469], $a],
                 unicode_util:gc([16#1F468, 16#200D, 16#1F469, $a])),
    ?assertEqual([[16#1F600, 16#1F3FB]], unicode_util:gc([16#1F600, 16#1F3FB])).

gc_prepend_test() ->
    ?assertEqual([[16#600, $a], $b], unicode_util:gc([16#600, $a, $b])),
    ?assertEqual([16#600], unicode_util:gc(<<16#D8, 16#80>>)),
    ?assertEqual([16#600, $\n], unicode_util:gc([16#600, $\n])).

gc_control_test() ->
    ?assertEqual([0, 16#301], unicode_util:gc([0, 16#301])),
    ?assertEqual([$\n, 16#301], unicode_util:gc([$\n, 16#301])).

gc_error_test() ->
    ?assertEqual({error, <<255>>}, unicode_util:gc(<<255>>)),
    ?assertEqual([$a | <<255>>], unicode_util:gc([<<"a">>, <<255>>])).

gc_negative_test() ->
    ?assertEqual([-1], unicode_util:gc([-1])).

%% ---- normalization -----------------------------------------------------------

nfd_test() ->
    ?assertEqual([[$e, 16#301], $a], unicode_util:nfd([16#E9, $a])),
    ?assertEqual("abc", unicode_util:nfd("abc")),
    ?assertEqual([[$e, 16#301] | <<"a">>], unicode_util:nfd(<<16#C3, 16#A9, $a>>)),
    ?assertEqual([[16#1100, 16#1161]], unicode_util:nfd([16#AC00])),
    ?assertEqual([[$s, 16#323, 16#307]], unicode_util:nfd([$s, 16#307, 16#323])),
    ?assertEqual({error, <<255>>}, unicode_util:nfd(<<255>>)).

nfc_test() ->
    ?assertEqual([16#E9, $a], unicode_util:nfc([$e, 16#301, $a])),
    ?assertEqual([16#E9], unicode_util:nfc([16#E9])),
    ?assertEqual([[16#E1, 16#301]], unicode_util:nfc([$a, 16#301, 16#301])),
    ?assertEqual([16#AC00], unicode_util:nfc([16#1100, 16#1161])),
    ?assertEqual([16#C5], unicode_util:nfc([16#212B])),
    ?assertEqual([16#E9 | <<>>], unicode_util:nfc(<<$e, 16#CC, 16#81>>)),
    ?assertEqual([[16#1E9B, 16#323]], unicode_util:nfc([16#1E9B, 16#323])).

nfc_prepend_stays_decomposed_test() ->
    ?assertEqual([[16#600, 16#1100, 16#1161, 16#11A8] | <<>>],
                 unicode_util:nfc(<<16#D8, 16#80, 16#EA, 16#B0, 16#81>>)).

nfkd_test() ->
    ?assertEqual([[$f, $i], $x], unicode_util:nfkd([16#FB01, $x])),
    ?assertEqual([32], unicode_util:nfkd([16#A0])).

nfkc_test() ->
    ?assertEqual([[$f, $i]], unicode_util:nfkc([16#FB01])),
    ?assertEqual([32], unicode_util:nfkc([16#A0])),
    ?assertEqual([$1], unicode_util:nfkc([16#2460])),
    ?assertEqual("abc", unicode_util:nfkc("abc")).

nfkc_keeps_list_test() ->
    ?assertEqual([[16#FF]], unicode_util:nfkc([16#FF])),
    ?assertEqual([[16#AC00]], unicode_util:nfkc([16#AC00])),
    ?assertEqual([[16#C5]], unicode_util:nfkc([16#212B])),
    ?assertEqual([[16#226], 16#600], unicode_util:nfkc([$A, 16#307, 16#600])).

%% ---- case mapping ------------------------------------------------------------

uppercase_test() ->
    ?assertEqual("Abc", unicode_util:uppercase("abc")),
    ?assertEqual([$A | <<"bc">>], unicode_util:uppercase(<<"abc">>)),
    ?assertEqual([[$S, $S], $a], unicode_util:uppercase([16#DF, $a])),
    ?assertEqual([[$J, 16#30C]], unicode_util:uppercase([16#1F0])),
    ?assertEqual([], unicode_util:uppercase([])).

lowercase_test() ->
    ?assertEqual("aBC", unicode_util:lowercase("ABC")),
    ?assertEqual([[$i, 16#307]], unicode_util:lowercase([16#130])),
    ?assertEqual([16#3C3, $x], unicode_util:lowercase([16#3A3, $x])),
    ?assertEqual([], unicode_util:lowercase(<<>>)).

titlecase_test() ->
    ?assertEqual([[$S, $s]], unicode_util:titlecase([16#DF])),
    ?assertEqual([16#1C5], unicode_util:titlecase([16#1C6])),
    ?assertEqual([[$J, 16#30C]], unicode_util:titlecase([16#1F0])).

casefold_test() ->
    ?assertEqual([[$s, $s]], unicode_util:casefold([16#DF])),
    ?assertEqual([[$s, $s]], unicode_util:casefold([16#1E9E])),
    ?assertEqual([16#3C3], unicode_util:casefold([16#3A3])).

case_errors_test() ->
    ?assertError({badarg, <<255>>}, unicode_util:uppercase(<<255>>)),
    ?assertError({badarg, [<<16#E9>>, "x"]}, unicode_util:uppercase([<<16#E9>>, "x"])),
    ?assertEqual([-1], unicode_util:uppercase([-1])).

get_case_test() ->
    ?assertEqual(#{upper => $A, lower => $a, title => $A, fold => $a},
                 unicode_util:get_case($a)),
    ?assertEqual(#{upper => "SS", lower => 16#DF, title => "Ss", fold => "ss"},
                 unicode_util:get_case(16#DF)),
    ?assertEqual(#{upper => 16#1C4, lower => 16#1C6, title => 16#1C5, fold => 16#1C6},
                 unicode_util:get_case(16#1C5)).

%% ---- whitespace and version --------------------------------------------------

whitespace_test() ->
    ?assertEqual([[13, 10], 9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233],
                 unicode_util:whitespace()),
    ?assert(unicode_util:is_whitespace([13, 10])),
    ?assert(unicode_util:is_whitespace(16#2029)),
    ?assertNot(unicode_util:is_whitespace($a)),
    ?assertNot(unicode_util:is_whitespace(16#A0)).

spec_version_test() ->
    ?assertEqual({14, 0}, unicode_util:spec_version()).
