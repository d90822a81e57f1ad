-module(io_lib_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: io_lib helper functions and the less common io_lib:format/2
%% features (`*` arguments, `l` and `t` modifiers, odd paddings) in OTP 25.

f(Fmt, Args) -> lists:flatten(io_lib:format(Fmt, Args)).

id(X) -> X.

%% ---- `*` takes width/precision from the argument list -------------------

star_width_test() ->
    ?assertEqual("    x|", f("~*w|", [5, x])),
    ?assertEqual("x    |", f("~-*w|", [5, x])).

star_precision_test() ->
    ?assertEqual("3.14", f("~.*f", [2, 3.14159])),
    ?assertEqual("    3.14|", f("~*.*f|", [8, 2, 3.14159])),
    ?assertEqual("ff", f("~.*b", [16, 255])).

star_char_repeat_test() ->
    ?assertEqual("zzz", f("~*c", [3, $z])).

star_line_length_p_test() ->
    ?assertEqual("[1,2,3,\n 4,5,6,\n 7,8,9,\n 10]", f("~*p", [10, lists:seq(1, 10)])).

%% ---- modifiers --------------------------------------------------------

l_modifier_disables_string_detection_test() ->
    ?assertEqual("[65,66]", f("~lp", [[65, 66]])),
    ?assertEqual("[[65,66]]", f("~lp", [[[65, 66]]])),
    ?assertEqual("[97,98,99]", f("~lP", ["abc", 5])).

tl_modifiers_combined_test() ->
    ?assertEqual("[97,98,99]", f("~tlp", ["abc"])),
    ?assertEqual("[97,98,99]", f("~ltp", ["abc"])).

t_modifier_w_atom_test() ->
    ?assertEqual([$', 1024, $'], f("~tw", ['\x{400}'])),
    ?assertEqual("abc", f("~ts", ["abc"])).

%% ---- padding and field combinations ---------------------------------------

s_with_atom_and_binary_truncation_test() ->
    ?assertEqual("abc  |", f("~-5s|", [abc])),
    ?assertEqual("abcde|", f("~5s|", [<<"abcdefgh">>])),
    ?assertEqual("abc|", f("~.3s|", [abcdef])).

pad_char_test() ->
    ?assertEqual("xxxab|", f("~5.5.xs|", ["ab"])),
    ?assertEqual("xxxxa|", f("~5.2.xw|", [a])).

b_padding_oddities_test() ->
    ?assertEqual("5|", f("~.10.0b|", [5])),
    ?assertEqual("FF000000|", f("~-8.16.0B|", [255])),
    ?assertEqual("00000-FF|", f("~8.16.0B|", [-255])).

float_padding_test() ->
    ?assertEqual("  -1.50e+0|", f("~10.3e|", [-1.5])),
    ?assertEqual("3.0000      |", f("~-12.4f|", [3.0])),
    ?assertEqual("xxxxxx3.0000|", f("~12.4.xf|", [3.0])).

p_width_does_not_pad_test() ->
    ?assertEqual("abc|", f("~10.2p|", [abc])).

repeated_newline_test() ->
    ?assertEqual("\n\n\n", f("~3n", [])),
    ?assertEqual("\n\n", f("~n~n", [])),
    ?assertEqual("ab", f("~c~c", [$a, $b])).

%% ---- malformed formats ------------------------------------------------

malformed_format_badarg_test() ->
    ?assertError(badarg, io_lib:format("~a", [id(x)])),
    ?assertError(badarg, io_lib:format(id("~"), [])),
    ?assertError(badarg, io_lib:format(id("~."), [])),
    ?assertError(badarg, io_lib:format(id("~5"), [])).

args_not_a_list_badarg_test() ->
    ?assertError(badarg, io_lib:format("~w", id(a))).

format_string_as_atom_or_binary_test() ->
    ?assertEqual("a\n", f('~w~n', [a])),
    ?assertEqual("a", f(<<"~w">>, [a])).

s_non_latin1_list_badarg_test() ->
    ?assertError(badarg, io_lib:format("~s", [id([1024])])),
    ?assertEqual([1024], f("~ts", [[1024]])).

s_improper_and_nested_chars_test() ->
    ?assertEqual("AB", f("~s", [[65 | <<"B">>]])),
    ?assertEqual("a", f("~s", ["a" ++ [[]]])).

%% ---- more ~p / ~w details ------------------------------------------------

p_latin1_printable_boundaries_test() ->
    ?assertEqual([$", $a, 200, $"], f("~p", [[$a, 200]])),
    ?assertEqual([$", $a, 160, $"], f("~p", [[$a, 160]])),
    ?assertEqual("[97,159]", f("~p", [[$a, 159]])).

p_binary_printability_test() ->
    ?assertEqual("<<\"\\n\\t\">>", f("~p", [<<"\n\t">>])),
    ?assertEqual("<<0,97>>", f("~p", [<<0, "a">>])),
    ?assertEqual([$<, $<, $", $a, $b, 200, $", $>, $>], f("~p", [<<"ab", 200>>])),
    ?assertEqual("<<128>>", f("~p", [<<128>>])),
    ?assertEqual("<<97,98,99,7>>", f("~p", [<<"abc", 7>>])).

p_improper_string_test() ->
    ?assertEqual("[97,98|99]", f("~p", [[$a, $b | $c]])).

p_mixed_list_test() ->
    ?assertEqual("[[a],\"b\",<<\"c\">>,{d},#{e => f}]", f("~p", [[[a], "b", <<"c">>, {d}, #{e => f}]])).

p_atom_escapes_test() ->
    ?assertEqual("'a b'", f("~p", ['a b'])),
    ?assertEqual("'\\''", f("~p", ['\''])),
    ?assertEqual("'\\\\'", f("~p", ['\\'])),
    ?assertEqual("'hello\\nworld'", f("~p", ['hello\nworld'])).

w_float_test() ->
    ?assertEqual("1.0e-300", f("~w", [1.0e-300])),
    ?assertEqual("-123.0", f("~w", [-123.0])),
    ?assertEqual("1.0e-5", f("~p", [1.0e-5])),
    ?assertEqual("1.2345678901234568e17", f("~p", [123456789012345680.0])).

p_empty_nested_test() ->
    ?assertEqual("[{}]", f("~p", [[{}]])),
    ?assertEqual("{[]}", f("~p", [{[]}])).

%% ---- io_lib functions ---------------------------------------------------

write_test() ->
    ?assertEqual("{a,[98],[1,2]}", lists:flatten(io_lib:write({a, "b", [1, 2]}))),
    ?assertEqual("[1,2|...]", lists:flatten(io_lib:write(lists:seq(1, 10), 3))).

write_atom_test() ->
    ?assertEqual("abc", lists:flatten(io_lib:write_atom(abc))),
    ?assertEqual("'A b'", lists:flatten(io_lib:write_atom('A b'))).

write_string_test() ->
    ?assertEqual("\"a\\\"b\"", lists:flatten(io_lib:write_string("a\"b"))),
    ?assertEqual("'abc'", lists:flatten(io_lib:write_string("abc", $'))),
    ?assertEqual("\"abc\"", lists:flatten(io_lib:write_latin1_string("abc"))).

write_char_test() ->
    ?assertEqual("$a", lists:flatten(io_lib:write_char($a))),
    ?assertEqual("$\\n", lists:flatten(io_lib:write_char($\n))),
    ?assertEqual("$\\s", lists:flatten(io_lib:write_char($\s))).

write_atom_as_latin1_test() ->
    ?assertEqual("'\\x{400}'", lists:flatten(io_lib:write_atom_as_latin1('\x{400}'))).

print_test() ->
    ?assertEqual("{a,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,\n    28,29,30]}",
                 lists:flatten(io_lib:print({a, lists:seq(1, 30)}))).

print_4_test() ->
    ?assertEqual("{a,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,\n    15,16,17,18,19,20,21,22,23,24,25,\n    26,27,28,29,30]}",
                 lists:flatten(io_lib:print({a, lists:seq(1, 30)}, 1, 40, -1))).

fwrite_alias_test() ->
    ?assertEqual("x", lists:flatten(io_lib:fwrite("~w", [x]))),
    ?assertEqual("\n", lists:flatten(io_lib:nl())).

quote_atom_test() ->
    %% second argument: the characters of the atom
    ?assertEqual(true, io_lib:quote_atom('A b', "A b")),
    ?assertEqual(false, io_lib:quote_atom(abc, "abc")),
    ?assertEqual(true, io_lib:quote_atom('case', "case")).

printable_list_test() ->
    ?assert(io_lib:printable_list("abc")),
    ?assertNot(io_lib:printable_list([1, 2])),
    ?assertNot(io_lib:printable_list([1024])).

printable_latin1_unicode_list_test() ->
    ?assert(io_lib:printable_latin1_list([200])),
    ?assert(io_lib:printable_unicode_list([1024])),
    ?assertNot(io_lib:printable_latin1_list([1024])).

deep_char_list_test() ->
    ?assert(io_lib:deep_char_list(["a", [$b]])),
    ?assert(io_lib:char_list("abc")),
    ?assertNot(io_lib:char_list([a])).

fread_test() ->
    ?assertEqual({ok, [123], " abc"}, io_lib:fread("~d", "123 abc")),
    ?assertEqual({ok, [abc, 12], []}, io_lib:fread("~a~d", "abc 12")),
    ?assertEqual({ok, ["word", 1.5], []}, io_lib:fread("~s ~f", "word 1.5")).

fread_error_test() ->
    ?assertEqual({error, {fread, integer}}, io_lib:fread("~d", "abc")).

chars_length_indentation_test() ->
    ?assertEqual(3, io_lib:chars_length("abc")),
    ?assertEqual(2, io_lib:indentation("ab\ncd", 0)).

format_returns_deep_chars_test() ->
    R = io_lib:format("abc~w~s", [a, "bc"]),
    ?assert(io_lib:deep_char_list(R)),
    ?assertEqual("abcabc", lists:flatten(R)).
