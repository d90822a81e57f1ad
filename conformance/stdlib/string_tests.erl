-module(string_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the string module of OTP 25 (unicode string functions and a
%% few of the obsolete list-based ones). Functions documented to return
%% chardata are compared after flattening.

flat(CD) -> unicode:characters_to_list(CD).

split_test() ->
    ?assertEqual(["a", "b,c"], string:split("a,b,c", ",")),
    ?assertEqual(["a", "b", "c"], string:split("a,b,c", ",", all)),
    ?assertEqual(["a,b", "c"], string:split("a,b,c", ",", trailing)).

split_binary_test() ->
    ?assertEqual([<<"a">>, <<"b">>], string:split(<<"a,b">>, ",")),
    ?assertEqual(["abc"], string:split("abc", "")).

lexemes_test() ->
    ?assertEqual(["a", "b", "c"], string:lexemes("  a  b c ", " ")),
    ?assertEqual(["a", "b", "c"], string:lexemes("a,b;c", ",;")).

trim_test() ->
    ?assertEqual("ab", string:trim("  ab  ")),
    ?assertEqual("a", string:trim("\t a \n")),
    ?assertEqual(<<"ab">>, string:trim(<<"  ab\n">>)).

trim_direction_test() ->
    ?assertEqual("abxx", string:trim("xxabxx", leading, "x")),
    ?assertEqual("xxab", string:trim("xxabxx", trailing, "x")).

case_conversion_test() ->
    ?assertEqual("ABC", string:uppercase("abc")),
    ?assertEqual(<<"abc">>, string:lowercase(<<"ABC">>)),
    ?assertEqual("Abc", string:titlecase("abc")),
    ?assertEqual("abc", string:casefold("ABC")).

old_case_conversion_test() ->
    ?assertEqual("ABC", string:to_upper("abc")),
    ?assertEqual("abc", string:to_lower("ABC")),
    ?assertEqual($A, string:to_upper($a)).

length_test() ->
    ?assertEqual(3, string:length("abc")),
    ?assertEqual(1, string:length(<<"\x{e5}"/utf8>>)),
    ?assertEqual(0, string:length("")).

reverse_test() ->
    ?assertEqual("cba", string:reverse("abc")).

slice_test() ->
    ?assertEqual("ell", string:slice("hello", 1, 3)),
    ?assertEqual(<<"llo">>, string:slice(<<"hello">>, 2)),
    ?assertEqual("", string:slice("hi", 5)).

find_test() ->
    ?assertEqual("o world", string:find("hello world", "o")),
    ?assertEqual("orld", string:find("hello world", "o", trailing)),
    ?assertEqual(nomatch, string:find("hello", "z")),
    ?assertEqual(<<"llo">>, string:find(<<"hello">>, "l")).

replace_test() ->
    ?assertEqual("a+b-c", flat(string:replace("a-b-c", "-", "+"))),
    ?assertEqual("a+b+c", flat(string:replace("a-b-c", "-", "+", all))),
    ?assertEqual("a-b+c", flat(string:replace("a-b-c", "-", "+", trailing))).

pad_test() ->
    ?assertEqual("ab   ", flat(string:pad("ab", 5))),
    ?assertEqual("***ab", flat(string:pad("ab", 5, leading, $*))),
    ?assertEqual(" ab  ", flat(string:pad("ab", 5, both))),
    ?assertEqual("abcdef", flat(string:pad("abcdef", 3))).

is_empty_test() ->
    ?assert(string:is_empty("")),
    ?assert(string:is_empty([[], <<>>])),
    ?assertNot(string:is_empty(" ")).

equal_test() ->
    ?assert(string:equal("abc", <<"abc">>)),
    ?assert(string:equal("ABC", "abc", true)),
    ?assertNot(string:equal("ABC", "abc")).

prefix_test() ->
    ?assertEqual("llo", string:prefix("hello", "he")),
    ?assertEqual(nomatch, string:prefix("hello", "x")).

to_integer_test() ->
    ?assertEqual({123, "abc"}, string:to_integer("123abc")),
    ?assertEqual({-5, ""}, string:to_integer("-5")),
    ?assertEqual({error, no_integer}, string:to_integer("abc")).

to_float_test() ->
    ?assertEqual({150.0, "x"}, string:to_float("1.5e2x")),
    ?assertEqual({error, no_float}, string:to_float("1")).

take_test() ->
    ?assertEqual({"abc", "123"}, string:take("abc123", "abc")),
    ?assertEqual({"abc", "123"}, string:take("abc123", "0123456789", true)).

chomp_test() ->
    ?assertEqual("abc", string:chomp("abc\r\n")),
    ?assertEqual("abc", string:chomp("abc\n")),
    ?assertEqual("abc", string:chomp("abc")).

next_grapheme_and_codepoint_test() ->
    ?assertEqual([$a | "bc"], string:next_grapheme("abc")),
    ?assertEqual([$a | <<"bc">>], string:next_codepoint(<<"abc">>)),
    ?assertEqual([], string:next_grapheme("")).

obsolete_join_tokens_test() ->
    ?assertEqual("a, b", string:join(["a", "b"], ", ")),
    ?assertEqual(["a", "b", "c"], string:tokens("a,b,,c", ",")).

obsolete_str_chr_substr_test() ->
    ?assertEqual(3, string:str("hello", "ll")),
    ?assertEqual(0, string:str("hello", "z")),
    ?assertEqual(3, string:chr("hello", $l)),
    ?assertEqual("ell", string:substr("hello", 2, 3)).

obsolete_strip_left_right_test() ->
    ?assertEqual("a", string:strip("  a  ")),
    ?assertEqual("ab..", string:left("ab", 4, $.)),
    ?assertEqual("..ab", string:right("ab", 4, $.)),
    ?assertEqual("  ab  ", string:centre("ab", 6)).

obsolete_misc_test() ->
    ?assertEqual("ababab", string:copies("ab", 3)),
    ?assertEqual(3, string:words("a b  c")),
    ?assertEqual("ab", string:concat("a", "b")).

unicode_string_functions_test() ->
    S = [16#C5, $b, $c],
    ?assertEqual([16#E5, $b, $c], string:lowercase(S)),
    ?assertEqual([$C, $B, 16#C5], string:uppercase(string:reverse(S))).

grapheme_cluster_length_test() ->
    %% "e" followed by a combining acute accent is one grapheme cluster
    ?assertEqual(1, string:length([$e, 16#301])),
    ?assertEqual(2, length([$e, 16#301])).

crlf_is_one_grapheme_test() ->
    ?assertEqual(1, string:length("\r\n")),
    ?assertEqual(3, string:length("a\r\nb")).
