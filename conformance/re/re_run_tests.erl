-module(re_run_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: re:run/2,3 and re:compile/1,2 of OTP 25 (PCRE semantics):
%% match/nomatch, capture specifications (all/first/all_but_first/none/
%% all_names/lists of numbers and names) and value types (index/list/
%% binary), named groups, unset groups, global matching, offsets, the
%% compile options (caseless, multiline, dotall, extended, ungreedy,
%% anchored, unicode), PCRE constructs (backreferences, lookaround,
%% classes, quantifiers), compile errors and badarg.

id(X) -> X.

%% ---- basic results ---------------------------------------------------------

run_match_returns_index_test() ->
    ?assertEqual({match, [{2, 3}]}, re:run("abcdef", "cde")).

run_nomatch_test() ->
    ?assertEqual(nomatch, re:run("abcdef", "xyz")).

run_binary_subject_test() ->
    ?assertEqual({match, [{1, 2}]}, re:run(<<"abcd">>, "bc")).

run_binary_regex_test() ->
    ?assertEqual({match, [{0, 1}]}, re:run("abc", <<"a">>)).

run_iodata_subject_test() ->
    ?assertEqual({match, [{3, 2}]}, re:run(["ab", <<"cd">>, $e], "de")).

run_groups_index_test() ->
    ?assertEqual({match, [{0, 7}, {0, 3}, {4, 3}]}, re:run("abc-def", "(\\w+)-(\\w+)")).

run_empty_match_test() ->
    ?assertEqual({match, [{0, 0}]}, re:run("abc", "x*")).

run_empty_subject_test() ->
    ?assertEqual({match, [{0, 0}]}, re:run("", "^$")),
    ?assertEqual(nomatch, re:run("", "a")).

run_leftmost_match_test() ->
    ?assertEqual({match, [{1, 2}]}, re:run("xaaya", "a+")).

%% ---- capture ---------------------------------------------------------------

capture_all_list_test() ->
    ?assertEqual({match, ["abc-def", "abc", "def"]},
                 re:run("abc-def", "(\\w+)-(\\w+)", [{capture, all, list}])).

capture_all_binary_test() ->
    ?assertEqual({match, [<<"abc-def">>, <<"abc">>, <<"def">>]},
                 re:run("abc-def", "(\\w+)-(\\w+)", [{capture, all, binary}])).

capture_first_test() ->
    ?assertEqual({match, ["abc-def"]}, re:run("abc-def", "(\\w+)-(\\w+)", [{capture, first, list}])).

capture_all_but_first_test() ->
    ?assertEqual({match, ["abc", "def"]},
                 re:run("abc-def", "(\\w+)-(\\w+)", [{capture, all_but_first, list}])).

capture_none_test() ->
    ?assertEqual(match, re:run("abc", "b", [{capture, none}])),
    ?assertEqual(nomatch, re:run("abc", "z", [{capture, none}])).

capture_numbers_test() ->
    ?assertEqual({match, ["def", "abc-def"]},
                 re:run("abc-def", "(\\w+)-(\\w+)", [{capture, [2, 0], list}])).

capture_default_type_index_test() ->
    ?assertEqual({match, [{4, 3}]}, re:run("abc-def", "(\\w+)-(\\w+)", [{capture, [2]}])).

capture_binary_subject_list_type_test() ->
    ?assertEqual({match, ["bc"]}, re:run(<<"abcd">>, "bc", [{capture, all, list}])).

capture_unset_group_index_test() ->
    ?assertEqual({match, [{0, 1}, {-1, 0}, {0, 1}]}, re:run("b", "(a)|(b)")).

capture_unset_group_list_test() ->
    ?assertEqual({match, ["b", [], "b"]}, re:run("b", "(a)|(b)", [{capture, all, list}])).

capture_unset_group_binary_test() ->
    ?assertEqual({match, [<<"b">>, <<>>, <<"b">>]}, re:run("b", "(a)|(b)", [{capture, all, binary}])).

capture_trailing_unset_groups_dropped_test() ->
    ?assertEqual({match, [{0, 1}, {0, 1}]}, re:run("a", "(a)|(b)")).

capture_trailing_unset_explicit_test() ->
    ?assertEqual({match, [{0, 1}, {0, 1}, {-1, 0}]}, re:run("a", "(a)|(b)", [{capture, [0, 1, 2]}])).

capture_group_number_out_of_range_test() ->
    ?assertEqual({match, [{-1, 0}]}, re:run("abc", "(b)", [{capture, [5]}])).

%% ---- named groups --------------------------------------------------------

named_group_by_name_test() ->
    ?assertEqual({match, ["2024", "05"]},
                 re:run("date: 2024-05", "(?<year>\\d{4})-(?<month>\\d\\d)",
                        [{capture, [year, month], list}])).

named_group_by_string_name_test() ->
    ?assertEqual({match, ["05"]},
                 re:run("2024-05", "(?<year>\\d{4})-(?<month>\\d\\d)", [{capture, ["month"], list}])).

named_group_all_names_alphabetical_test() ->
    ?assertEqual({match, ["05", "2024"]},
                 re:run("2024-05", "(?<year>\\d{4})-(?<month>\\d\\d)", [{capture, all_names, list}])).

named_group_unknown_name_test() ->
    ?assertEqual({match, [[]]}, re:run("ab", "(?<x>a)", [{capture, [nosuch], list}])).

named_group_mixed_with_number_test() ->
    ?assertEqual({match, ["ab", "a"]}, re:run("ab", "(?<x>a)b", [{capture, [0, x], list}])).

named_group_python_syntax_test() ->
    ?assertEqual({match, ["a"]}, re:run("ab", "(?P<x>a)b", [{capture, [x], list}])).

inspect_namelist_test() ->
    {ok, MP} = re:compile("(?<year>\\d+)-(?<month>\\d+)"),
    ?assertEqual({namelist, [<<"month">>, <<"year">>]}, re:inspect(MP, namelist)).

%% ---- global ---------------------------------------------------------------

global_index_test() ->
    ?assertEqual({match, [[{0, 1}], [{2, 1}], [{4, 1}]]}, re:run("a-a-a", "a", [global])).

global_list_with_groups_test() ->
    ?assertEqual({match, [["k1=v1", "k1", "v1"], ["k2=v2", "k2", "v2"]]},
                 re:run("k1=v1;k2=v2", "(\\w+)=(\\w+)", [global, {capture, all, list}])).

global_all_but_first_test() ->
    ?assertEqual({match, [["1"], ["22"], ["333"]]},
                 re:run("a1b22c333", "(\\d+)", [global, {capture, all_but_first, list}])).

global_nomatch_test() ->
    ?assertEqual(nomatch, re:run("abc", "z", [global])).

global_empty_matches_test() ->
    ?assertEqual({match, [[{0, 0}], [{1, 0}], [{2, 0}]]}, re:run("ab", "x*", [global])).

global_empty_and_nonempty_test() ->
    ?assertEqual({match, [[{0, 1}], [{1, 0}], [{2, 1}], [{3, 0}]]}, re:run("aba", "a*", [global])).

global_capture_none_test() ->
    ?assertEqual(match, re:run("aaa", "a", [global, {capture, none}])).

%% ---- offset / notbol / noteol --------------------------------------------

offset_test() ->
    ?assertEqual({match, [{4, 1}]}, re:run("a-a-a", "a", [{offset, 3}])),
    ?assertEqual(nomatch, re:run("a-a-b", "a", [{offset, 3}])).

offset_caret_still_start_of_subject_test() ->
    ?assertEqual(nomatch, re:run("abab", "^ab", [{offset, 2}])).

offset_global_test() ->
    ?assertEqual({match, [[{2, 1}], [{4, 1}]]}, re:run("a-a-a", "a", [global, {offset, 1}])).

offset_at_end_of_subject_test() ->
    ?assertEqual(nomatch, re:run("abc", "a", [{offset, 3}])),
    ?assertEqual({match, [{3, 0}]}, re:run("abc", "$", [{offset, 3}])).

offset_negative_badarg_test() ->
    ?assertError(badarg, re:run("abc", "a", [{offset, -1}])).

notbol_test() ->
    ?assertEqual(nomatch, re:run("abc", "^a", [notbol])).

noteol_test() ->
    ?assertEqual(nomatch, re:run("abc", "c$", [noteol])).

notempty_test() ->
    ?assertEqual({match, [{1, 2}]}, re:run("baa", "a*", [notempty])).

%% ---- compile options ------------------------------------------------------

caseless_test() ->
    ?assertEqual({match, [{0, 5}]}, re:run("HeLLo", "hello", [caseless])),
    ?assertEqual(nomatch, re:run("HeLLo", "hello")).

inline_caseless_test() ->
    ?assertEqual({match, [{0, 3}]}, re:run("ABC", "(?i)abc")).

multiline_test() ->
    ?assertEqual({match, [[{0, 3}], [{4, 3}]]}, re:run("one\ntwo", "^\\w+$", [multiline, global])),
    ?assertEqual(nomatch, re:run("one\ntwo", "^\\w+$")).

dollar_before_final_newline_test() ->
    ?assertEqual({match, [{0, 3}]}, re:run("abc\n", "^abc$")).

dollar_endonly_test() ->
    ?assertEqual(nomatch, re:run("abc\n", "^abc$", [dollar_endonly])).

dot_does_not_match_newline_test() ->
    ?assertEqual({match, [{0, 1}]}, re:run("a\nb", "a.*")).

dotall_test() ->
    ?assertEqual({match, [{0, 3}]}, re:run("a\nb", "a.*", [dotall])).

extended_test() ->
    ?assertEqual({match, [{0, 3}]}, re:run("abc", "a b c  # comment", [extended])).

ungreedy_test() ->
    ?assertEqual({match, [{0, 1}]}, re:run("aaa", "a+", [ungreedy])),
    ?assertEqual({match, [{0, 3}]}, re:run("aaa", "a+?", [ungreedy])).

lazy_quantifier_test() ->
    ?assertEqual({match, ["<a>"]}, re:run("<a><b>", "<.+?>", [{capture, first, list}])),
    ?assertEqual({match, ["<a><b>"]}, re:run("<a><b>", "<.+>", [{capture, first, list}])).

anchored_test() ->
    ?assertEqual(nomatch, re:run("xabc", "abc", [anchored])),
    ?assertEqual({match, [{0, 3}]}, re:run("abcx", "abc", [anchored])).

firstline_test() ->
    ?assertEqual(nomatch, re:run("ab\ncd", "cd", [firstline])).

compiled_regex_test() ->
    {ok, MP} = re:compile("b+", [caseless]),
    ?assertEqual({match, [{1, 3}]}, re:run("aBbB", MP)),
    ?assertEqual(nomatch, re:run("aaa", MP)).

compiled_regex_run_options_test() ->
    {ok, MP} = re:compile("(\\d)"),
    ?assertEqual({match, [["1"], ["2"]]}, re:run("1a2", MP, [global, {capture, all_but_first, list}])).

compile_option_in_run_with_compiled_badarg_test() ->
    {ok, MP} = re:compile("a"),
    ?assertError(badarg, re:run("a", MP, [caseless])).

%% ---- unicode ----------------------------------------------------------------

unicode_list_subject_test() ->
    ?assertEqual({match, [{1, 3}]}, re:run([$a, 228, $b], "\x{e4}b", [unicode])).

unicode_index_is_byte_offset_test() ->
    ?assertEqual({match, [{6, 1}]}, re:run("αβγ" ++ "x", "x", [unicode])),
    ?assertEqual({match, [{2, 2}]}, re:run(<<"αβγ"/utf8>>, <<"β"/utf8>>, [unicode])).

unicode_capture_list_is_code_points_test() ->
    ?assertEqual({match, ["βγ"]}, re:run("αβγ", "β.", [unicode, {capture, all, list}])).

unicode_capture_binary_is_utf8_test() ->
    ?assertEqual({match, [<<"βγ"/utf8>>]}, re:run("αβγ", "β.", [unicode, {capture, all, binary}])).

unicode_dot_is_one_code_point_test() ->
    ?assertEqual({match, [{0, 2}]}, re:run(<<"é"/utf8>>, "^.$", [unicode])),
    ?assertEqual(nomatch, re:run(<<"é"/utf8>>, "^.$")).

unicode_property_test() ->
    ?assertEqual({match, ["Straße"]}, re:run("Straße 1", "\\p{L}+", [unicode, {capture, first, list}])).

unicode_ucp_word_test() ->
    ?assertEqual({match, ["α"]}, re:run("α", "\\w", [unicode, ucp, {capture, first, list}])),
    ?assertEqual(nomatch, re:run("α", "\\w", [unicode])).

%% The default character tables are ISO Latin-1: é (233) is a word character.
latin1_word_character_test() ->
    ?assertEqual({match, [{0, 2}]}, re:run("é", "\\w", [unicode])),
    ?assertEqual({match, [{0, 1}]}, re:run([233], "\\w")).

latin1_subject_without_unicode_test() ->
    ?assertEqual({match, [{1, 1}]}, re:run([$a, 233, $b], [233])).

unicode_bad_subject_badarg_test() ->
    ?assertError(badarg, re:run([16#10FFFF + 1], "a", [unicode])).

%% ---- PCRE constructs ------------------------------------------------------

backreference_test() ->
    ?assertEqual({match, ["abab", "ab"]}, re:run("xababy", "(ab)\\1", [{capture, all, list}])),
    ?assertEqual(nomatch, re:run("abba", "^(ab)\\1")).

named_backreference_test() ->
    ?assertEqual({match, ["aa"]}, re:run("baab", "(?<c>a)\\k<c>", [{capture, first, list}])).

lookahead_test() ->
    ?assertEqual({match, ["foo"]}, re:run("foobar", "foo(?=bar)", [{capture, first, list}])),
    ?assertEqual(nomatch, re:run("foobaz", "foo(?=bar)")).

negative_lookahead_test() ->
    ?assertEqual({match, [{6, 3}]}, re:run("foobarfoobaz", "foo(?!bar)")).

lookbehind_test() ->
    ?assertEqual({match, ["100"]}, re:run("cost $100", "(?<=\\$)\\d+", [{capture, first, list}])).

negative_lookbehind_test() ->
    ?assertEqual({match, ["2"]}, re:run("$1 2", "(?<!\\$)\\b\\d", [{capture, first, list}])).

non_capturing_group_test() ->
    ?assertEqual({match, ["ababc", "c"]}, re:run("ababc", "(?:ab)+(c)", [{capture, all, list}])).

atomic_group_test() ->
    ?assertEqual(nomatch, re:run("aaab", "(?>a+)ab")),
    ?assertEqual({match, [{0, 4}]}, re:run("aaab", "a+ab")).

possessive_quantifier_test() ->
    ?assertEqual(nomatch, re:run("aaa", "a++a")).

character_classes_test() ->
    ?assertEqual({match, [["1"], ["2"]]}, re:run("a1 b2", "\\d", [global, {capture, all, list}])),
    ?assertEqual({match, [" "]}, re:run("a1 b2", "\\s", [{capture, all, list}])),
    ?assertEqual({match, ["a1"]}, re:run("a1 b2", "\\w+", [{capture, all, list}])),
    ?assertEqual({match, [" "]}, re:run("a1 b2", "\\W", [{capture, all, list}])).

posix_class_test() ->
    ?assertEqual({match, ["ABC"]}, re:run("xyABCz", "[[:upper:]]+", [{capture, all, list}])).

bracket_class_negation_test() ->
    ?assertEqual({match, ["-+"]}, re:run("ab-+cd", "[^a-z]+", [{capture, all, list}])).

counted_repetition_test() ->
    ?assertEqual({match, ["aaa"]}, re:run("aaaaa", "a{2,3}", [{capture, all, list}])),
    ?assertEqual({match, ["aa"]}, re:run("aaaaa", "a{2}", [{capture, all, list}])),
    ?assertEqual({match, ["aaaaa"]}, re:run("aaaaa", "a{2,}", [{capture, all, list}])).

alternation_leftmost_first_test() ->
    ?assertEqual({match, ["a"]}, re:run("ab", "a|ab", [{capture, all, list}])).

word_boundary_test() ->
    ?assertEqual({match, [{4, 3}]}, re:run("cat cat.", "\\bcat\\b", [{offset, 1}])).

escape_sequences_test() ->
    ?assertEqual({match, [{1, 1}]}, re:run("a\tb", "\\t")),
    ?assertEqual({match, [{1, 1}]}, re:run("a.b", "\\.")),
    ?assertEqual({match, [{0, 1}]}, re:run("A", "\\x41")).

quote_metachars_test() ->
    ?assertEqual({match, [{1, 3}]}, re:run("x.*?y", "\\Q.*?\\E")).

recursion_test() ->
    ?assertEqual({match, ["(a(b)c)"]},
                 re:run("x(a(b)c)y", "\\((?:[^()]|(?R))*\\)", [{capture, first, list}])).

conditional_group_test() ->
    RE = "^(<)?\\w+(?(1)>)$",
    ?assertEqual(match, re:run("<ab>", RE, [{capture, none}])),
    ?assertEqual(match, re:run("ab", RE, [{capture, none}])),
    ?assertEqual(nomatch, re:run("<ab", RE, [{capture, none}])).

%% ---- errors ---------------------------------------------------------------

compile_error_test() ->
    ?assertEqual({error, {"missing )", 4}}, re:compile("(abc")).

compile_error_unmatched_paren_test() ->
    ?assertEqual({error, {"unmatched parentheses", 3}}, re:compile("abc)")).

compile_error_nothing_to_repeat_test() ->
    ?assertEqual({error, {"nothing to repeat", 0}}, re:compile("*a")).

compile_error_missing_bracket_test() ->
    ?assertEqual({error, {"missing terminating ] for character class", 3}}, re:compile("[ab")).

run_bad_regex_badarg_test() ->
    ?assertError(badarg, re:run("abc", "(abc")).

run_report_errors_test() ->
    ?assertEqual({error, {compile, {"missing )", 4}}}, re:run("abc", "(abc", [report_errors])).

run_bad_option_badarg_test() ->
    ?assertError(badarg, re:run("abc", "a", [no_such_option])).

run_bad_subject_badarg_test() ->
    ?assertError(badarg, re:run(id(abc), "a")).

compile_bad_option_badarg_test() ->
    ?assertError(badarg, re:compile("a", [bogus])).

compile_returns_re_pattern_test() ->
    {ok, MP} = re:compile("a"),
    ?assertEqual(re_pattern, element(1, MP)).
