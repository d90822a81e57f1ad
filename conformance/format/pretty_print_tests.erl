-module(pretty_print_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: line breaking of io_lib:format("~p") (io_lib_pretty) in
%% OTP 25, with the default line length of 80 and explicit widths.

-record(person, {name, age, langs, extra}).

f(Fmt, Args) -> lists:flatten(io_lib:format(Fmt, Args)).

short_list_one_line_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28]",
                 f("~p", [lists:seq(1, 28)])).

list_breaks_at_80_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29]",
                 f("~p", [lists:seq(1, 29)])).

list_30_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]",
                 f("~p", [lists:seq(1, 30)])).

list_100_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                 " 29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,\n"
                 " 54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,\n"
                 " 79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]",
                 f("~p", [lists:seq(1, 100)])).

list_three_digit_test() ->
    ?assertEqual("[100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,\n"
                 " 119,120,121,122,123,124,125,126,127,128,129,130]",
                 f("~p", [lists:seq(100, 130)])).

float_list_test() ->
    ?assertEqual("[1.5,2.25,3.125,4.0625,5.03125,6.015625,7.0078125,8.00390625,9.001953125,\n"
                 " 10.0009765625]",
                 f("~p", [[1.5, 2.25, 3.125, 4.0625, 5.03125, 6.015625, 7.0078125,
                           8.00390625, 9.001953125, 10.0009765625]])).

explicit_width_80_test() ->
    ?assertEqual(f("~p", [lists:seq(1, 40)]), f("~80p", [lists:seq(1, 40)])).

explicit_width_40_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,\n"
                 " 16,17,18,19,20,21,22,23,24,25,26,27,\n"
                 " 28,29,30,31,32,33,34,35,36,37,38,39,\n"
                 " 40]",
                 f("~40p", [lists:seq(1, 40)])).

explicit_width_30_trailing_text_test() ->
    ?assertEqual("[1,2,3,4,5,6,7,8,9,10,11,12,\n 13,14,15,16,17,18,19,20]|",
                 f("~30p|", [lists:seq(1, 20)])).

tuple_35_test() ->
    ?assertEqual("{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30,31,32,33,34,35}",
                 f("~p", [list_to_tuple(lists:seq(1, 35))])).

tuple_with_atom_head_indent_test() ->
    %% A tuple whose first element is an atom indents the remaining
    %% elements after "{atom,"
    ?assertEqual("{foo_bar_baz,foo_bar_baz,foo_bar_baz,foo_bar_baz,foo_bar_baz,foo_bar_baz,\n"
                 "             foo_bar_baz,foo_bar_baz,foo_bar_baz,foo_bar_baz,foo_bar_baz,\n"
                 "             foo_bar_baz}",
                 f("~p", [list_to_tuple(lists:duplicate(12, foo_bar_baz))])).

record_like_tuple_test() ->
    ?assertEqual("{record_like,field_one_value_aaaaaaaaa,field_two_value_bbbbbbbbbbb,\n"
                 "             field_three_value_ccccccccc}",
                 f("~p", [{record_like, field_one_value_aaaaaaaaa, field_two_value_bbbbbbbbbbb,
                           field_three_value_ccccccccc}])).

record_printed_as_tuple_test() ->
    R = #person{name = "Joe Armstrong", age = 42, langs = [erlang, prolog, smalltalk],
                extra = #{lang => erlang}},
    ?assertEqual("{person,\"Joe Armstrong\",42,[erlang,prolog,smalltalk],#{lang => erlang}}",
                 f("~p", [R])).

long_record_tuple_test() ->
    T = {state, undefined, [], #{}, {queue, [1, 2, 3], [4, 5, 6]},
         "a long descriptive string to push it over"},
    ?assertEqual("{state,undefined,[],#{},\n"
                 "       {queue,[1,2,3],[4,5,6]},\n"
                 "       \"a long descriptive string to push it over\"}",
                 f("~p", [T])).

two_long_atoms_tuple_test() ->
    ?assertEqual("{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n    bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb}",
                 f("~p", [{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb}])).

two_long_atoms_tuple_in_list_test() ->
    ?assertEqual("[{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,\n     bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb}]",
                 f("~p", [[{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb}]])).

nested_error_tuple_test() ->
    ?assertEqual("{error,\n"
                 "    {badmatch,\n"
                 "        {some_long_atom_name_here,another_long_atom_name,yet_another_one}}}",
                 f("~p", [{error, {badmatch, {some_long_atom_name_here, another_long_atom_name,
                                              yet_another_one}}}])).

width_20_tuple_test() ->
    ?assertEqual("{aaaa,bbbb,cccc,\n      dddd,eeee}", f("~20p", [{aaaa, bbbb, cccc, dddd, eeee}])).

width_50_tuple_test() ->
    ?assertEqual("{aaaa,bbbb,cccc,dddd,eeee,ffff,gggg,hhhh,iiii,\n      jjjj,kkkk}",
                 f("~50p", [{aaaa, bbbb, cccc, dddd, eeee, ffff, gggg, hhhh, iiii, jjjj, kkkk}])).

tuple_containing_long_list_test() ->
    ?assertEqual("{[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n  29,30]}",
                 f("~p", [{lists:seq(1, 30)}])).

list_containing_long_list_test() ->
    ?assertEqual("[a,\n [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n  29,30]]",
                 f("~p", [[a, lists:seq(1, 30)]])).

nested_long_tuple_list_test() ->
    ?assertEqual("{a,{b,{c,{d,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,\n"
                 "             25,26,27,28,29,30]}}}}",
                 f("~p", [{a, {b, {c, {d, lists:seq(1, 30)}}}}])).

proplist_breaks_per_element_test() ->
    ?assertEqual("[{a,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]},\n"
                 " {b,\"hello world this is a string\"},\n"
                 " {c,<<\"binary data here\">>}]",
                 f("~p", [[{a, lists:seq(1, 20)}, {b, "hello world this is a string"},
                           {c, <<"binary data here">>}]])).

two_long_pairs_test() ->
    ?assertEqual("[{k,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]},\n"
                 " {k2,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}]",
                 f("~p", [[{k, lists:seq(1, 25)}, {k2, lists:seq(1, 25)}]])).

list_of_records_test() ->
    ?assertEqual("[{user,\"alice\",30,[admin,staff]},\n"
                 " {user,\"bob\",25,[staff]},\n"
                 " {user,\"carol\",41,[guest]}]",
                 f("~p", [[{user, "alice", 30, [admin, staff]}, {user, "bob", 25, [staff]},
                           {user, "carol", 41, [guest]}]])).

list_of_lists_test() ->
    ?assertEqual("[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],\n"
                 " [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],\n"
                 " [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]]",
                 f("~p", [[lists:seq(1, 15), lists:seq(1, 15), lists:seq(1, 15)]])).

list_mixed_nested_test() ->
    ?assertEqual("[[1,2,3,4,5,6,7,8,9,10],\n"
                 " {nested,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}]",
                 f("~p", [[lists:seq(1, 10), {nested, lists:seq(1, 25)}]])).

fitting_nested_list_one_line_test() ->
    ?assertEqual("[[a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc,dd,ee,ff,gg]]",
                 f("~p", [[[a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w,
                            x, y, z, aa, bb, cc, dd, ee, ff, gg]]])).

fitting_tuple_one_line_test() ->
    ?assertEqual("{tag,[{key1,value1},{key2,value2},{key3,value3},{key4,value4},{key5,value5}]}",
                 f("~p", [{tag, [{key1, value1}, {key2, value2}, {key3, value3}, {key4, value4},
                                 {key5, value5}]}])),
    ?assertEqual("{ok,[{a,1},{b,2},{c,3},{d,4},{e,5},{f,6},{g,7},{h,8},{i,9},{j,10},{k,11}]}",
                 f("~p", [{ok, [{a, 1}, {b, 2}, {c, 3}, {d, 4}, {e, 5}, {f, 6}, {g, 7}, {h, 8},
                                {i, 9}, {j, 10}, {k, 11}]}])).

list_of_strings_test() ->
    ?assertEqual("[\"abcdefghij\",\"abcdefghij\",\"abcdefghij\",\"abcdefghij\",\"abcdefghij\",\n"
                 " \"abcdefghij\",\"abcdefghij\",\"abcdefghij\",\"abcdefghij\",\"abcdefghij\"]",
                 f("~p", [lists:duplicate(10, "abcdefghij")])).

long_string_not_broken_test() ->
    S = "a somewhat long string that should exceed the eighty column limit of the printer for sure",
    ?assertEqual([$" | S] ++ [$"], f("~p", [S])).

long_binary_not_broken_test() ->
    B = <<"a somewhat long binary that should exceed the eighty column limit of the printer">>,
    ?assertEqual("<<\"" ++ binary_to_list(B) ++ "\">>", f("~p", [B])),
    ?assertEqual("<<\"" ++ lists:duplicate(100, $x) ++ "\">>",
                 f("~p", [list_to_binary(lists:duplicate(100, $x))])).

long_binary_in_list_test() ->
    B = list_to_binary(lists:duplicate(87, $a)),
    ?assertEqual("[<<\"" ++ lists:duplicate(87, $a) ++ "\">>]", f("~p", [[B]])).

tuple_of_two_strings_test() ->
    ?assertEqual("{\"a somewhat long string that should exceed the eighty\",\n"
                 " \"column limit of the printer for sure\"}",
                 f("~p", [{"a somewhat long string that should exceed the eighty",
                           "column limit of the printer for sure"}])).

tuple_of_strings_fits_test() ->
    ?assertEqual("{a,\"string one that is rather long\",\"string two that is also long\",\"three\"}",
                 f("~p", [{a, "string one that is rather long", "string two that is also long",
                           "three"}])).

binary_pair_tuple_test() ->
    ?assertEqual("{<<\"key\">>,\n <<\"a value binary that is fairly long, long enough to wrap the line\">>}",
                 f("~p", [{<<"key">>, <<"a value binary that is fairly long, long enough to wrap the line">>}])).

list_of_binaries_test() ->
    ?assertEqual("[<<\"long binary number one xxxxxxxxxx\">>,\n"
                 " <<\"long binary number two yyyyyyyyyyyyy\">>,<<\"three\">>]",
                 f("~p", [[<<"long binary number one xxxxxxxxxx">>,
                           <<"long binary number two yyyyyyyyyyyyy">>, <<"three">>]])).

map_12_keys_test() ->
    M = maps:from_list([{K, K * 1000} || K <- lists:seq(1, 12)]),
    ?assertEqual("#{1 => 1000,2 => 2000,3 => 3000,4 => 4000,5 => 5000,6 => 6000,7 => 7000,\n"
                 "  8 => 8000,9 => 9000,10 => 10000,11 => 11000,12 => 12000}",
                 f("~p", [M])).

map_one_per_line_test() ->
    M = #{key_one => lists:seq(1, 10), key_two => {a, b, c, d, e, f, g, h},
          key_three => "some string value here"},
    ?assertEqual("#{key_one => [1,2,3,4,5,6,7,8,9,10],\n"
                 "  key_three => \"some string value here\",\n"
                 "  key_two => {a,b,c,d,e,f,g,h}}",
                 f("~p", [M])).

nested_map_test() ->
    M = #{config => #{timeout => 5000, retries => 3,
                      hosts => ["alpha.example.com", "beta.example.com"]},
          name => server},
    ?assertEqual("#{config =>\n"
                 "      #{hosts => [\"alpha.example.com\",\"beta.example.com\"],\n"
                 "        retries => 3,timeout => 5000},\n"
                 "  name => server}",
                 f("~p", [M])).

map_inside_tuple_test() ->
    T = {ok, #{name => "a fairly long name string value", age => 42,
               tags => [alpha, beta, gamma, delta]}},
    ?assertEqual("{ok,#{age => 42,name => \"a fairly long name string value\",\n"
                 "      tags => [alpha,beta,gamma,delta]}}",
                 f("~p", [T])).

map_binary_keys_test() ->
    M = #{<<"key_a">> => <<"value number one">>, <<"key_b">> => <<"value number two">>,
          <<"key_c">> => <<"value three">>},
    ?assertEqual("#{<<\"key_a\">> => <<\"value number one\">>,<<\"key_b\">> => <<\"value number two\">>,\n"
                 "  <<\"key_c\">> => <<\"value three\">>}",
                 f("~p", [M])).

p_output_is_reparsable_test() ->
    T = {state, [lists:seq(1, 30), #{a => "str", b => <<"bin">>}], {x, 1.5, -3}},
    S = f("~p", [T]),
    {ok, Toks, _} = erl_scan:string(S ++ "."),
    {ok, Parsed} = erl_parse:parse_term(Toks),
    ?assertEqual(T, Parsed).

p_vs_w_same_when_short_test() ->
    T = {a, [1, 2], #{k => v}},
    ?assertEqual(f("~w", [T]), f("~p", [T])).

p_indentation_with_prefix_text_test() ->
    %% io_lib:format tracks the current column: text before ~p on the same
    %% line shifts both the break point and the indentation
    ?assertEqual("prefix: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n         27,28,29,30]",
                 f("prefix: ~p", [lists:seq(1, 30)])).

p_column_after_newline_test() ->
    ?assertEqual("line one\n[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]",
                 f("line one~n~p", [lists:seq(1, 30)])).

%% ---- more line-breaking details ----------------------------------------

long_string_with_newlines_not_split_test() ->
    S = "first line of text\nsecond line of text\nthird line of text that is long enough",
    ?assertEqual("\"first line of text\\nsecond line of text\\nthird line of text that is long enough\"",
                 f("~p", [S])).

long_binary_with_newlines_not_split_test() ->
    B = <<"first line of text\nsecond line of text\nthird line of text that is long enough">>,
    ?assertEqual("<<\"first line of text\\nsecond line of text\\nthird line of text that is long enough\">>",
                 f("~p", [B])).

two_long_strings_in_list_test() ->
    ?assertEqual("[\"" ++ lists:duplicate(50, $a) ++ "\",\n \"" ++ lists:duplicate(50, $b) ++ "\"]",
                 f("~p", [[lists:duplicate(50, $a), lists:duplicate(50, $b)]])).

single_overlong_string_in_tuple_test() ->
    ?assertEqual("{\"" ++ lists:duplicate(90, $a) ++ "\"}", f("~p", [{lists:duplicate(90, $a)}])).

binary_then_overlong_string_test() ->
    ?assertEqual("[<<\"short\">>,\n \"" ++ lists:duplicate(85, $z) ++ "\"]",
                 f("~p", [[<<"short">>, lists:duplicate(85, $z)]])).

string_wider_than_width_40_test() ->
    ?assertEqual("\"abc def ghi jkl mno pqr stu vwx yz abc def ghi\"",
                 f("~40p", ["abc def ghi jkl mno pqr stu vwx yz abc def ghi"])).

improper_proplist_test() ->
    ?assertEqual("[{a,\"x\"},{b,\"y\"}|{c,\"z\"}]", f("~p", [[{a, "x"}, {b, "y"} | {c, "z"}]])).

long_improper_list_tail_on_own_line_test() ->
    ?assertEqual("[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                 "  29,30,31,32,33,34,35,36,37,38,39,40]|\n"
                 " tail]",
                 f("~p", [[lists:seq(1, 40) | tail]])).

deep_nesting_fits_test() ->
    T = {{{{{{{{{{{{{{{{{{{{deep}}}}}}}}}}}}}}}}}}}},
    ?assertEqual("{{{{{{{{{{{{{{{{{{{{deep}}}}}}}}}}}}}}}}}}}}", f("~p", [T])).

many_empty_tuples_test() ->
    ?assertEqual("[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},\n {},{},{},{},{}]",
                 f("~p", [lists:duplicate(30, {})])).

deeply_nested_list_indent_test() ->
    ?assertEqual("[[[[[[[[[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,\n"
                 "          26,27,28,29,30]]]]]]]]]]",
                 f("~p", [[[[[[[[[[lists:seq(1, 30)]]]]]]]]]])).

map_long_key_and_value_test() ->
    ?assertEqual("#{[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                 "   29,30] =>\n"
                 "      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n"
                 "       27,28,29,30]}",
                 f("~p", [#{lists:seq(1, 30) => lists:seq(1, 30)}])).

map_value_on_next_line_test() ->
    ?assertEqual("#{{a_very_long_key_atom_number_one,another_long_key_atom} =>\n"
                 "      {a_long_value_atom,yet_another_long_value}}",
                 f("~p", [#{{a_very_long_key_atom_number_one, another_long_key_atom} =>
                                {a_long_value_atom, yet_another_long_value}}])).
