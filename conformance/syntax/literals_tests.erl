-module(literals_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: lexical syntax of literals, operator precedence and
%% miscellaneous expression syntax, as compiled by OTP 25.

-record(rec, {a = 1, b = two, c}).

based_integer_literals_test() ->
    ?assertEqual(255, 16#FF),
    ?assertEqual(255, 16#ff),
    ?assertEqual(5, 2#101),
    ?assertEqual(35, 36#Z),
    ?assertEqual(8, 8#10).

digit_separator_test() ->
    ?assertEqual(1000000, 1_000_000),
    ?assertEqual(255, 16#F_F),
    ?assertEqual(1.5e3, 1_500.0).

char_literals_test() ->
    ?assertEqual(97, $a),
    ?assertEqual(32, $\s),
    ?assertEqual(10, $\n),
    ?assertEqual(9, $\t),
    ?assertEqual(92, $\\).

char_escape_literals_test() ->
    ?assertEqual(0, $\0),
    ?assertEqual(127, $\d),
    ?assertEqual(27, $\e),
    ?assertEqual(8, $\b),
    ?assertEqual(11, $\v).

char_octal_hex_escapes_test() ->
    ?assertEqual(65, $\101),
    ?assertEqual(65, $\x41),
    ?assertEqual(16#3B1, $\x{3B1}),
    ?assertEqual(1, $\^a),
    ?assertEqual(26, $\^Z).

string_escapes_test() ->
    ?assertEqual([10, 13, 9], "\n\r\t"),
    ?assertEqual([34, 39], "\"\'"),
    ?assertEqual([7 + 0 * 1], "\^g"),
    ?assertEqual([65, 66], "\x41\x42"),
    ?assertEqual([8364], "\x{20AC}").

string_concatenation_test() ->
    ?assertEqual("abcdef", "abc" "def"),
    ?assertEqual("abc", "a" "" "b" "c").

empty_string_is_nil_test() ->
    ?assertEqual([], ""),
    ?assert(is_list("")).

float_literals_test() ->
    ?assertEqual(1.0e10, 10000000000.0),
    ?assertEqual(0.5, 5.0e-1),
    ?assertEqual(1.0, 1.0e0),
    ?assertEqual(100.0, 1.0E2).

quoted_atom_literals_test() ->
    ?assertEqual(abc, 'abc'),
    ?assertEqual("hello world", atom_to_list('hello world')),
    ?assertEqual("A", atom_to_list('A')),
    ?assertEqual([10], atom_to_list('\n')).

reserved_word_atoms_test() ->
    ?assertEqual("case", atom_to_list('case')),
    ?assertEqual("maybe", atom_to_list('maybe')),
    ?assert(is_atom('end')).

atom_with_at_and_dot_test() ->
    ?assertEqual("foo@bar", atom_to_list(foo@bar)),
    ?assertEqual("a.b", atom_to_list('a.b')),
    ?assertEqual("node_1", atom_to_list(node_1)).

arith_precedence_test() ->
    ?assertEqual(7, 1 + 2 * 3),
    ?assertEqual(9, (1 + 2) * 3),
    ?assertEqual(-5, -2 - 3),
    ?assertEqual(2, 10 - 5 - 3),
    ?assertEqual(1, 12 div 3 div 4).

unary_minus_precedence_test() ->
    ?assertEqual(-6, -2 * 3),
    ?assertEqual(4, - -4),
    ?assertEqual(-3, -(1 + 2)),
    ?assertEqual(3, +3).

comparison_and_bool_precedence_test() ->
    ?assertEqual(true, 1 < 2 andalso 3 > 2),
    ?assertEqual(true, false orelse 1 == 1),
    ?assertEqual(true, not false andalso true),
    ?assertEqual(false, not (1 < 2)).

list_op_right_assoc_test() ->
    ?assertEqual([1, 2, 3], [1] ++ [2] ++ [3]),
    ?assertEqual([1, 2, 3, 4], [1, 2] ++ [3, 4]),
    ?assertEqual([1, 2, 3], [1, 2, 3] -- [1] -- [1, 2]),
    ?assertEqual([2, 3], ([1, 2, 3] -- [1]) -- [4]).

send_operator_returns_message_test() ->
    ?assertEqual(hello, self() ! hello),
    receive hello -> ok end.

bitwise_precedence_test() ->
    ?assertEqual(7, 1 bor 2 bor 4),
    ?assertEqual(6, 1 + 1 bsl 2 - 2),
    ?assertEqual(8, 1 bsl 3),
    ?assertEqual(13, 5 bxor 8).

match_is_right_assoc_test() ->
    A = B = 5,
    ?assertEqual({5, 5}, {A, B}).

match_returns_value_test() ->
    V = (X = 3),
    ?assertEqual(3, V),
    ?assertEqual(3, X).

improper_list_literal_test() ->
    L = [1, 2 | 3],
    ?assertEqual(1, hd(L)),
    ?assertEqual([2 | 3], tl(L)),
    ?assertEqual(3, tl(tl(L))).

cons_syntax_test() ->
    ?assertEqual([1, 2, 3], [1 | [2 | [3 | []]]]),
    ?assertEqual([a, b], [a, b | []]).

tuple_literals_test() ->
    ?assertEqual(0, tuple_size({})),
    ?assertEqual(1, tuple_size({x})),
    ?assertEqual({a, {b, {c}}}, {a, {b, {c}}}).

begin_end_block_test() ->
    R = begin
            A = 1,
            B = 2,
            A + B
        end,
    ?assertEqual(3, R).

case_expression_value_test() ->
    F = fun(X) -> case X of 1 -> one; 2 -> two; _ -> many end end,
    ?assertEqual([one, two, many], [F(1), F(2), F(3)]).

if_expression_test() ->
    F = fun(X) -> if X > 0 -> pos; X < 0 -> neg; true -> zero end end,
    ?assertEqual([pos, neg, zero], [F(1), F(-1), F(0)]).

variable_binding_in_case_branches_test() ->
    F = fun(X) ->
                case X of
                    a -> Y = 1;
                    _ -> Y = 2
                end,
                Y
        end,
    ?assertEqual({1, 2}, {F(a), F(b)}).

underscore_variables_test() ->
    _Ignored = 5,
    {_, _, C} = {1, 2, 3},
    ?assertEqual(3, C).

record_syntax_basic_test() ->
    R = #rec{},
    ?assertEqual({rec, 1, two, undefined}, R),
    ?assertEqual(two, R#rec.b).

record_syntax_nested_access_test() ->
    R = #rec{c = #rec{a = inner}},
    ?assertEqual(inner, (R#rec.c)#rec.a),
    ?assertEqual(inner, R#rec.c#rec.a).

record_index_syntax_test() ->
    ?assertEqual(2, #rec.a),
    ?assertEqual(4, #rec.c).

record_update_chain_test() ->
    R = (#rec{})#rec{a = 10},
    R2 = R#rec{b = 20}#rec{c = 30},
    ?assertEqual({rec, 10, 20, 30}, R2).

map_syntax_test() ->
    M = #{a => 1, "b" => 2, {c} => 3},
    ?assertEqual(3, map_size(M)),
    ?assertEqual(#{}, maps:new()).

map_update_chain_test() ->
    M = #{a => 1},
    M2 = M#{b => 2}#{a := 3},
    ?assertEqual(#{a => 3, b => 2}, M2).

fun_expression_syntax_test() ->
    F = fun(X, Y) -> X * Y end,
    G = fun lists:reverse/1,
    ?assertEqual(6, F(2, 3)),
    ?assertEqual([2, 1], G([1, 2])).

immediate_fun_call_test() ->
    ?assertEqual(4, (fun(X) -> X * 2 end)(2)).

catch_expression_precedence_test() ->
    X = (catch 1 + 1),
    ?assertEqual(2, X),
    Y = (catch throw(t)),
    ?assertEqual(t, Y).

comment_inside_expression_test() ->
    X = 1 + % a comment
        2,
    ?assertEqual(3, X).

binary_literal_syntax_test() ->
    ?assertEqual(<<1, 2, 3>>, <<1, 2, 3>>),
    ?assertEqual(<<"abc">>, <<$a, $b, $c>>),
    ?assertEqual(<<>>, <<"">>).

list_comprehension_syntax_test() ->
    ?assertEqual([2, 4], [X * 2 || X <- [1, 2]]).

andalso_returns_second_operand_test() ->
    ?assertEqual(not_bool, true andalso not_bool),
    ?assertEqual(also_not, false orelse also_not).

string_prefix_in_pattern_test() ->
    F = fun("abc" ++ Rest) -> Rest; (_) -> nomatch end,
    ?assertEqual("def", F("abcdef")),
    ?assertEqual(nomatch, F("xyz")).

term_comparison_operators_syntax_test() ->
    ?assert(1 =< 1),
    ?assert(1 >= 1),
    ?assert(1 =/= 1.0),
    ?assert(1 /= 2).
