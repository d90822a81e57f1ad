-module(erl_scan_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: erl_scan of OTP 25: the exact token tuples of string/1,2,3
%% (categories, line and {Line, Column} locations, the end location),
%% reserved words and operators, number and character syntax, options
%% (return_comments, return_white_spaces, text), tokens/3 with
%% continuations, errors, and the token accessors.

id(X) -> X.

%% ---- string/1 token shapes ------------------------------------------------

string_function_clause_test() ->
    ?assertEqual({ok, [{atom, 1, foo}, {'(', 1}, {var, 1, 'X'}, {')', 1}, {'->', 1},
                       {var, 1, 'X'}, {'+', 1}, {integer, 1, 1}, {dot, 1}], 1},
                 erl_scan:string("foo(X) -> X + 1.")).

string_empty_test() ->
    ?assertEqual({ok, [], 1}, erl_scan:string("")).

string_lines_and_comments_test() ->
    ?assertEqual({ok, [{atom, 1, a}, {atom, 2, b}, {atom, 3, c}], 3},
                 erl_scan:string("a\nb % comment\n c")).

string_end_location_after_newline_test() ->
    ?assertEqual({ok, [{atom, 1, x}], 2}, erl_scan:string("x\n")).

string_literals_test() ->
    ?assertEqual({ok, [{string, 1, "str"}, {char, 1, $a}, {float, 1, 1.5e3}, {integer, 1, 255},
                       {atom, 1, 'q a'}], 1},
                 erl_scan:string("\"str\" $a 1.5e3 16#ff 'q a'")).

string_number_syntax_test() ->
    ?assertEqual({ok, [{integer, 1, 5}, {char, 1, 10}, {integer, 1, 1000}, {integer, 1, 31},
                       {float, 1, 0.03}], 1},
                 erl_scan:string("2#101 $\\n 1_000 16#1_F 3.0e-2")).

string_variables_test() ->
    ?assertEqual({ok, [{var, 1, 'X_1'}, {var, 1, '_'}, {var, 1, '_Y'}], 1},
                 erl_scan:string("X_1 _ _Y")).

string_reserved_words_test() ->
    ?assertEqual({ok, [{'fun', 1}, {'andalso', 1}, {'orelse', 1}, {'begin', 1}, {'end', 1},
                       {'div', 1}, {'rem', 1}, {'bsl', 1}, {'when', 1}], 1},
                 erl_scan:string("fun andalso orelse begin end div rem bsl when")).

string_maybe_is_atom_in_otp25_test() ->
    ?assertEqual({ok, [{atom, 1, maybe}, {atom, 1, else}], 1}, erl_scan:string("maybe else")).

string_operators_test() ->
    ?assertEqual({ok, [{'=:=', 1}, {'=/=', 1}, {'==', 1}, {'/=', 1}, {'=<', 1}, {'>=', 1},
                       {'<-', 1}, {'<=', 1}, {'=>', 1}, {':=', 1}, {'||', 1}, {'++', 1},
                       {'--', 1}, {'!', 1}, {'?', 1}, {'#', 1}, {'...', 1}, {'..', 1},
                       {'::', 1}], 1},
                 erl_scan:string("=:= =/= == /= =< >= <- <= => := || ++ -- ! ? # ... .. ::")).

string_binary_and_map_punctuation_test() ->
    ?assertEqual({ok, [{'<<', 1}, {integer, 1, 1}, {'>>', 1}, {'#', 1}, {'{', 1}, {'}', 1},
                       {'[', 1}, {'|', 1}, {']', 1}], 1},
                 erl_scan:string("<<1>> #{} [|]")).

string_dot_vs_period_test() ->
    ?assertEqual({ok, [{atom, 1, a}, {'.', 1}, {atom, 1, b}], 1}, erl_scan:string("a.b")),
    ?assertEqual({ok, [{integer, 1, 1}, {dot, 1}], 1}, erl_scan:string("1.")),
    ?assertEqual({ok, [{float, 1, 1.0}, {dot, 1}], 1}, erl_scan:string("1.0.")).

string_number_followed_by_letters_test() ->
    ?assertEqual({ok, [{integer, 1, 1}, {atom, 1, e}], 1}, erl_scan:string("1e")),
    ?assertEqual({ok, [{integer, 1, 15}, {atom, 1, g}], 1}, erl_scan:string("16#fg")).

string_unicode_escapes_test() ->
    ?assertEqual({ok, [{atom, 1, list_to_atom([945])}, {string, 1, [945]}], 1},
                 erl_scan:string("'\\x{3b1}' \"\\x{3b1}\"")).

string_escapes_test() ->
    ?assertEqual({ok, [{string, 1, [$\t, $\n, $", $\\, 0, 127, $A]}], 1},
                 erl_scan:string("\"\\t\\n\\\"\\\\\\0\\d\\x41\"")).

string_negative_number_is_two_tokens_test() ->
    ?assertEqual({ok, [{'-', 1}, {integer, 1, 3}], 1}, erl_scan:string("-3")).

%% ---- string/2 locations ------------------------------------------------------

string_with_columns_test() ->
    ?assertEqual({ok, [{var, {1, 1}, 'A'}, {'=', {1, 3}}, {string, {1, 5}, "str"}, {',', {1, 10}},
                       {'<<', {1, 12}}, {integer, {1, 14}, 1}, {'>>', {1, 15}}, {dot, {1, 18}}],
                  {1, 19}},
                 erl_scan:string("A = \"str\", <<1>> .", {1, 1})).

string_start_location_test() ->
    ?assertEqual({ok, [{'{', {3, 5}}, {atom, {3, 6}, ok}, {',', {3, 8}}, {integer, {3, 10}, 1},
                       {'}', {3, 11}}], {3, 12}},
                 erl_scan:string("{ok, 1}", {3, 5})).

string_columns_across_lines_test() ->
    ?assertEqual({ok, [{atom, {1, 1}, a}, {atom, {2, 3}, b}], {2, 4}},
                 erl_scan:string("a\n  b", {1, 1})).

string_start_line_test() ->
    ?assertEqual({ok, [{atom, 10, a}], 10}, erl_scan:string("a", 10)).

%% ---- string/3 options ----------------------------------------------------------

return_comments_test() ->
    ?assertEqual({ok, [{atom, 1, x}, {comment, 1, "% c"}], 2},
                 erl_scan:string("x % c\n", 1, [return_comments])).

return_white_spaces_test() ->
    ?assertEqual({ok, [{atom, 1, x}, {white_space, 1, "  "}, {atom, 1, y}], 1},
                 erl_scan:string("x  y", 1, [return_white_spaces])).

text_option_test() ->
    ?assertEqual({ok, [{atom, [{text, "foo"}, {location, 1}], foo},
                       {float, [{text, "1.0"}, {location, 1}], 1.0}], 1},
                 erl_scan:string("foo  1.0", 1, [text])).

%% ---- errors ---------------------------------------------------------------------

unterminated_string_error_test() ->
    ?assertEqual({error, {1, erl_scan, {string, $", "unterminated"}}, 1},
                 erl_scan:string("\"unterminated")).

unterminated_atom_error_test() ->
    ?assertEqual({error, {1, erl_scan, {string, $', "abc"}}, 1}, erl_scan:string("'abc")).

bad_char_literal_error_test() ->
    ?assertEqual({error, {1, erl_scan, char}, 1}, erl_scan:string("1 $")).

illegal_character_error_test() ->
    ?assertEqual({error, {1, erl_scan, {illegal, character}}, 1}, erl_scan:string([$a, $\s, 945])).

format_error_test() ->
    ?assertEqual("unterminated string starting with \"\"", lists:flatten(erl_scan:format_error({string, $", []}))).

%% ---- tokens/3 ---------------------------------------------------------------------

tokens_done_with_rest_test() ->
    ?assertEqual({done, {ok, [{atom, 1, a}, {dot, 1}], 1}, "b."}, erl_scan:tokens([], "a. b.", 1)).

tokens_more_then_done_test() ->
    {more, C} = erl_scan:tokens([], "a", 1),
    ?assertEqual({done, {ok, [{atom, 1, a}, {'+', 1}, {integer, 1, 1}, {dot, 1}], 2}, []},
                 erl_scan:tokens(C, " + 1.\n", 1)).

tokens_eof_test() ->
    {more, C} = erl_scan:tokens([], "a", 1),
    ?assertEqual({done, {ok, [{atom, 1, a}], 1}, eof}, erl_scan:tokens(C, eof, 1)).

tokens_eof_in_string_error_test() ->
    {more, C} = erl_scan:tokens([], "\"ab", 1),
    ?assertEqual({done, {error, {1, erl_scan, {string, $", "ab"}}, 1}, eof}, erl_scan:tokens(C, eof, 1)).

tokens_eof_without_input_test() ->
    ?assertEqual({done, {eof, 1}, eof}, erl_scan:tokens([], eof, 1)).

%% ---- accessors --------------------------------------------------------------------

token_accessors_test() ->
    {ok, [T | _], _} = erl_scan:string("X = 1", {4, 7}),
    ?assertEqual(4, erl_scan:line(T)),
    ?assertEqual(7, erl_scan:column(T)),
    ?assertEqual({4, 7}, erl_scan:location(T)),
    ?assertEqual(var, erl_scan:category(T)),
    ?assertEqual('X', erl_scan:symbol(T)).

token_accessors_punctuation_test() ->
    {ok, [T], _} = erl_scan:string("->"),
    ?assertEqual('->', erl_scan:category(T)),
    ?assertEqual('->', erl_scan:symbol(T)),
    ?assertEqual(undefined, erl_scan:column(T)).

token_text_test() ->
    {ok, [T | _], _} = erl_scan:string("16#FF x", 1, [text]),
    ?assertEqual("16#FF", erl_scan:text(T)),
    {ok, [U], _} = erl_scan:string("y"),
    ?assertEqual(undefined, erl_scan:text(U)).

reserved_word_test() ->
    ?assert(erl_scan:reserved_word('fun')),
    ?assert(erl_scan:reserved_word('receive')),
    ?assertNot(erl_scan:reserved_word(foo)),
    ?assertNot(erl_scan:reserved_word(maybe)).

%% ---- more token shapes, locations and errors -------------------------------

white_space_grouping_test() ->
    ?assertEqual({ok, [{atom, {1, 1}, x}, {white_space, {1, 2}, " "}, {white_space, {1, 3}, "\n  "},
                       {white_space, {2, 3}, "\n\t\t"}, {white_space, {3, 3}, " "},
                       {white_space, {3, 4}, "\r"}, {white_space, {3, 5}, "\n\f"},
                       {white_space, {4, 2}, "  "}, {white_space, {4, 4}, "\v "}, {atom, {4, 6}, a}],
                  {4, 7}},
                 erl_scan:string("x \n  \n\t\t \r\n\f  \v a", {1, 1}, [return])).

dot_text_and_comments_test() ->
    ?assertEqual({ok, [{atom, [{text, "a"}, {location, {1, 1}}], a},
                       {dot, [{text, "."}, {location, {1, 2}}]},
                       {comment, [{text, "% c"}, {location, {1, 3}}], "% c"},
                       {white_space, [{text, "\n"}, {location, {1, 6}}], "\n"},
                       {atom, [{text, "b"}, {location, {2, 1}}], b},
                       {dot, [{text, ". "}, {location, {2, 2}}]},
                       {atom, [{text, "c"}, {location, {2, 4}}], c}],
                  {2, 5}},
                 erl_scan:string("a.% c\nb. c", {1, 1}, [return, text])).

maybe_match_operator_token_test() ->
    ?assertEqual({ok, [{'?=', 1}, {'?', 1}], 1}, erl_scan:string("?= ?")).

escape_error_locations_test() ->
    ?assertEqual({error, {{1, 2}, erl_scan, {illegal, character}}, {1, 12}},
                 erl_scan:string("\"\\x{110000}\"", {1, 1})),
    ?assertEqual({error, {{1, 1}, erl_scan, {string, $", "abc"}}, {1, 9}},
                 erl_scan:string("\"abc\\x{4", {1, 1})),
    ?assertEqual({error, {{1, 1}, erl_scan, char}, {1, 3}}, erl_scan:string("$\\", {1, 1})).

caret_escape_test() ->
    ?assertEqual({ok, [{char, {1, 1}, 5}], {1, 5}}, erl_scan:string("$\\^%", {1, 1})).

number_errors_test() ->
    ?assertEqual({error, {{1, 1}, erl_scan, {illegal, float}}, {1, 5}}, erl_scan:string("1.5e", {1, 1})),
    ?assertEqual({error, {{1, 1}, erl_scan, {base, 37}}, {1, 3}}, erl_scan:string("37#1", {1, 1})),
    ?assertEqual({error, {{1, 1}, erl_scan, {illegal, integer}}, {1, 4}}, erl_scan:string("16#g", {1, 1})).

underscore_not_a_separator_test() ->
    ?assertEqual({ok, [{integer, {1, 1}, 1}, {var, {1, 2}, '__2'}], {1, 5}}, erl_scan:string("1__2", {1, 1})),
    ?assertEqual({ok, [{float, {1, 1}, 1.01}], {1, 6}}, erl_scan:string("1.0_1", {1, 1})).

reserved_word_fun_option_test() ->
    ?assertEqual({ok, [{a, 1}, {atom, 1, 'if'}, {atom, 1, 'if'}], 1},
                 erl_scan:string("a 'if' if", 1, [{reserved_word_fun, fun(X) -> X =:= a end}])).

tokens_error_returns_rest_test() ->
    ?assertEqual({done, {error, {1, erl_scan, {illegal, character}}, 1}, " b. c."},
                 erl_scan:tokens([], [$a, $\s, 945, $\s, $b, $., $\s, $c, $.], 1)).

tokens_one_char_at_a_time_test() ->
    Feed = fun F(C, [Ch | Cs]) ->
                   case erl_scan:tokens(C, [Ch], 1) of
                       {more, C1} -> F(C1, Cs);
                       {done, R, Rest} -> {R, Rest ++ Cs}
                   end
           end,
    ?assertEqual({{ok, [{atom, 1, f}, {'(', 1}, {')', 1}, {'->', 1}, {atom, 1, ok}, {dot, 1}], 2}, "x"},
                 Feed([], "f() -> ok.\nx")).

format_error_more_test() ->
    ?assertEqual("unterminated atom starting with 'ab'", erl_scan:format_error({string, $', "ab"})),
    ?assertEqual("illegal base '40'", erl_scan:format_error({base, 40})),
    ?assertEqual("unterminated character", erl_scan:format_error(char)).
