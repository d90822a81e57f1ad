-module(erl_parse_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: erl_parse of OTP 25: the exact abstract format produced by
%% parse_exprs/1 (operators, calls, case/if/receive/try/fun/begin/catch,
%% comprehensions, binaries, maps, records), parse_form/1 (functions and
%% attributes), parse_term/1, abstract/1,2, normalise/1, and the error
%% tuples. Tokens come from erl_scan:string/1 (plain line numbers).

id(X) -> X.

exprs(S) ->
    {ok, Ts, _} = erl_scan:string(S),
    erl_parse:parse_exprs(Ts).

form(S) ->
    {ok, Ts, _} = erl_scan:string(S),
    erl_parse:parse_form(Ts).

term(S) ->
    {ok, Ts, _} = erl_scan:string(S),
    erl_parse:parse_term(Ts).

%% ---- parse_exprs ----------------------------------------------------------

exprs_op_and_call_test() ->
    ?assertEqual({ok, [{op, 1, '+', {var, 1, 'X'}, {integer, 1, 1}},
                       {call, 1, {atom, 1, foo}, [{var, 1, 'Y'}]}]},
                 exprs("X + 1, foo(Y).")).

exprs_remote_call_test() ->
    ?assertEqual({ok, [{call, 1, {remote, 1, {atom, 1, lists}, {atom, 1, map}}, [{var, 1, 'F'}, {nil, 1}]}]},
                 exprs("lists:map(F, []).")).

exprs_precedence_test() ->
    ?assertEqual({ok, [{op, 1, '+', {integer, 1, 1}, {op, 1, '*', {integer, 1, 2}, {integer, 1, 3}}}]},
                 exprs("1 + 2 * 3.")).

exprs_match_test() ->
    ?assertEqual({ok, [{match, 1, {tuple, 1, [{var, 1, 'A'}, {var, 1, '_'}]}, {var, 1, 'T'}}]},
                 exprs("{A, _} = T.")).

exprs_literals_test() ->
    ?assertEqual({ok, [{char, 1, 97}, {float, 1, 1.5}, {atom, 1, atom}, {string, 1, []}, {nil, 1},
                       {cons, 1, {integer, 1, 1}, {var, 1, 'T'}}]},
                 exprs("$a, 1.5, 'atom', \"\", [], [1|T].")).

exprs_list_test() ->
    ?assertEqual({ok, [{cons, 1, {integer, 1, 1}, {cons, 1, {integer, 1, 2}, {nil, 1}}}]},
                 exprs("[1, 2].")).

exprs_unary_ops_test() ->
    ?assertEqual({ok, [{op, 1, '-', {integer, 1, 1}}, {op, 1, 'not', {atom, 1, true}},
                       {op, 1, '++', {atom, 1, a}, {string, 1, "b"}}]},
                 exprs("-1, not true, 'a' ++ \"b\".")).

exprs_case_test() ->
    ?assertEqual({ok, [{'case', 1, {var, 1, 'X'},
                        [{clause, 1, [{tuple, 1, [{atom, 1, a}, {var, 1, 'B'}]}], [], [{var, 1, 'B'}]},
                         {clause, 1, [{var, 1, '_'}], [], [{atom, 1, none}]}]}]},
                 exprs("case X of {a, B} -> B; _ -> none end.")).

exprs_guards_test() ->
    ?assertEqual({ok, [{'case', 1, {var, 1, 'X'},
                        [{clause, 1, [{var, 1, 'Y'}],
                          [[{call, 1, {atom, 1, is_integer}, [{var, 1, 'Y'}]}, {op, 1, '>', {var, 1, 'Y'}, {integer, 1, 0}}],
                           [{atom, 1, true}]],
                          [{atom, 1, ok}]}]}]},
                 exprs("case X of Y when is_integer(Y), Y > 0; true -> ok end.")).

exprs_if_block_catch_test() ->
    ?assertEqual({ok, [{'if', 1, [{clause, 1, [], [[{op, 1, '>', {var, 1, 'X'}, {integer, 1, 1}}]], [{atom, 1, a}]},
                                  {clause, 1, [], [[{atom, 1, true}]], [{atom, 1, b}]}]},
                       {block, 1, [{integer, 1, 1}, {integer, 1, 2}]},
                       {'catch', 1, {atom, 1, x}}]},
                 exprs("if X > 1 -> a; true -> b end, begin 1, 2 end, catch x.")).

exprs_funs_test() ->
    ?assertEqual({ok, [{'fun', 1, {clauses, [{clause, 1, [{var, 1, 'A'}], [], [{var, 1, 'A'}]}]}},
                       {'fun', 1, {function, {atom, 1, lists}, {atom, 1, map}, {integer, 1, 2}}},
                       {'fun', 1, {function, g, 1}}]},
                 exprs("fun(A) -> A end, fun lists:map/2, fun g/1.")).

exprs_named_fun_test() ->
    ?assertEqual({ok, [{named_fun, 1, 'F', [{clause, 1, [{integer, 1, 0}], [], [{integer, 1, 1}]}]}]},
                 exprs("fun F(0) -> 1 end.")).

exprs_comprehension_binary_map_test() ->
    ?assertEqual({ok, [{lc, 1, {var, 1, 'X'}, [{generate, 1, {var, 1, 'X'}, {var, 1, 'L'}},
                                               {op, 1, '>', {var, 1, 'X'}, {integer, 1, 1}}]},
                       {bin, 1, [{bin_element, 1, {var, 1, 'A'}, {integer, 1, 8}, default},
                                 {bin_element, 1, {var, 1, 'B'}, default, [binary]}]},
                       {map, 1, [{map_field_assoc, 1, {atom, 1, a}, {integer, 1, 1}}]},
                       {map, 1, {var, 1, 'M'}, [{map_field_exact, 1, {atom, 1, a}, {integer, 1, 2}}]}]},
                 exprs("[X || X <- L, X > 1], <<A:8, B/binary>>, #{a => 1}, M#{a := 2}.")).

exprs_binary_comprehension_test() ->
    ?assertEqual({ok, [{bc, 1, {bin, 1, [{bin_element, 1, {var, 1, 'X'}, default, default}]},
                        [{b_generate, 1, {bin, 1, [{bin_element, 1, {var, 1, 'X'}, default, default}]}, {var, 1, 'B'}}]}]},
                 exprs("<< <<X>> || <<X>> <= B >>.")).

exprs_bin_type_specifiers_test() ->
    ?assertEqual({ok, [{bin, 1, [{bin_element, 1, {var, 1, 'X'}, {integer, 1, 16}, [little, signed, {unit, 8}]},
                                 {bin_element, 1, {string, 1, "ab"}, default, default}]}]},
                 exprs("<<X:16/little-signed-unit:8, \"ab\">>.")).

exprs_try_test() ->
    ?assertEqual({ok, [{'try', 1, [{call, 1, {atom, 1, f}, []}],
                        [{clause, 1, [{var, 1, 'R'}], [], [{var, 1, 'R'}]}],
                        [{clause, 1, [{tuple, 1, [{atom, 1, throw}, {var, 1, 'E'}, {var, 1, 'S'}]}], [], [{var, 1, 'E'}]}],
                        [{atom, 1, ok}]}]},
                 exprs("try f() of R -> R catch throw:E:S -> E after ok end.")).

exprs_try_default_class_test() ->
    ?assertEqual({ok, [{'try', 1, [{atom, 1, x}], [],
                        [{clause, 1, [{tuple, 1, [{atom, 1, throw}, {var, 1, 'E'}, {var, 1, '_'}]}], [], [{var, 1, 'E'}]}],
                        []}]},
                 exprs("try x catch E -> E end.")).

exprs_receive_after_test() ->
    ?assertEqual({ok, [{'receive', 1, [{clause, 1, [{tuple, 1, [{atom, 1, x}, {var, 1, 'V'}]}], [], [{var, 1, 'V'}]}],
                        {integer, 1, 100}, [{atom, 1, t}]}]},
                 exprs("receive {x, V} -> V after 100 -> t end.")).

exprs_receive_no_after_test() ->
    ?assertEqual({ok, [{'receive', 1, [{clause, 1, [{var, 1, 'M'}], [], [{var, 1, 'M'}]}]}]},
                 exprs("receive M -> M end.")).

exprs_records_test() ->
    ?assertEqual({ok, [{record, 1, r, [{record_field, 1, {atom, 1, a}, {integer, 1, 1}}]},
                       {record_field, 1, {var, 1, 'R'}, r, {atom, 1, a}},
                       {record, 1, {var, 1, 'R'}, r, [{record_field, 1, {atom, 1, b}, {integer, 1, 2}}]},
                       {record_index, 1, r, {atom, 1, a}}]},
                 exprs("#r{a = 1}, R#r.a, R#r{b = 2}, #r.a.")).

exprs_send_and_andalso_test() ->
    ?assertEqual({ok, [{op, 1, '!', {var, 1, 'P'}, {atom, 1, m}},
                       {op, 1, 'orelse', {op, 1, 'andalso', {var, 1, 'A'}, {var, 1, 'B'}}, {var, 1, 'C'}}]},
                 exprs("P ! m, A andalso B orelse C.")).

exprs_line_numbers_test() ->
    ?assertEqual({ok, [{op, 2, '+', {var, 1, 'X'}, {integer, 3, 1}}]}, exprs("X\n+\n1.")).

exprs_syntax_error_test() ->
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", "'.'"]}}, exprs("X + .")).

exprs_syntax_error_token_test() ->
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", "b"]}}, exprs("a b.")).

exprs_no_tokens_error_test() ->
    ?assertEqual({error, {0, erl_parse, ["syntax error before: ", []]}}, erl_parse:parse_exprs([])).

exprs_missing_dot_error_test() ->
    {ok, Ts, _} = erl_scan:string("a + 1"),
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", []]}}, erl_parse:parse_exprs(Ts)).

%% ---- parse_form -------------------------------------------------------------

form_function_test() ->
    ?assertEqual({ok, {function, 1, f, 1,
                       [{clause, 1, [{var, 1, 'X'}], [[{op, 1, '>', {var, 1, 'X'}, {integer, 1, 0}}]],
                         [{op, 1, '*', {var, 1, 'X'}, {integer, 1, 2}}]},
                        {clause, 1, [{var, 1, '_'}], [], [{integer, 1, 0}]}]}},
                 form("f(X) when X > 0 -> X * 2; f(_) -> 0.")).

form_module_attribute_test() ->
    ?assertEqual({ok, {attribute, 1, module, m}}, form("-module(m).")).

form_export_attribute_test() ->
    ?assertEqual({ok, {attribute, 1, export, [{f, 1}, {g, 0}]}}, form("-export([f/1, g/0]).")).

form_record_attribute_test() ->
    ?assertEqual({ok, {attribute, 1, record, {r, [{record_field, 1, {atom, 1, a}},
                                                  {record_field, 1, {atom, 1, b}, {integer, 1, 1}}]}}},
                 form("-record(r, {a, b = 1}).")).

form_spec_attribute_test() ->
    ?assertEqual({ok, {attribute, 1, spec, {{f, 1}, [{type, 1, 'fun', [{type, 1, product, [{type, 1, integer, []}]},
                                                                        {atom, 1, ok}]}]}}},
                 form("-spec f(integer()) -> ok.")).

form_custom_attribute_test() ->
    ?assertEqual({ok, {attribute, 1, vsn, "1.0"}}, form("-vsn(\"1.0\").")),
    ?assertEqual({ok, {attribute, 1, my_attr, {a, [1, 2]}}}, form("-my_attr({a, [1, 2]}).")).

form_syntax_error_test() ->
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", "'.'"]}}, form("f() -> .")).

form_mismatched_clause_name_error_test() ->
    ?assertEqual({error, {1, erl_parse, "head mismatch"}}, form("f(X) -> X; g(Y) -> Y.")).

%% ---- parse_term -------------------------------------------------------------

term_test() ->
    ?assertEqual({ok, {a, [1, 2.0, "s", <<1, 2>>], #{k => v}, -3}},
                 term("{a, [1, 2.0, \"s\", <<1,2>>], #{k => v}, -3}.")).

term_atom_and_string_test() ->
    ?assertEqual({ok, 'hello world'}, term("'hello world'.")),
    ?assertEqual({ok, "abc"}, term("\"abc\".")).

term_binary_string_test() ->
    ?assertEqual({ok, <<"abc">>}, term("<<\"abc\">>.")).

term_negative_float_test() ->
    ?assertEqual({ok, -1.5}, term("-1.5.")).

term_with_variable_bad_term_test() ->
    ?assertEqual({error, {1, erl_parse, "bad term"}}, term("{a, X}.")).

term_with_call_bad_term_test() ->
    ?assertEqual({error, {1, erl_parse, "bad term"}}, term("f(1).")).

term_missing_dot_error_test() ->
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", []]}}, term("{a,b}")).

term_two_terms_error_test() ->
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", "2"]}}, term("1. 2.")).

%% ---- abstract / normalise ---------------------------------------------------

abstract_term_test() ->
    ?assertEqual({tuple, 0, [{atom, 0, a}, {string, 0, [1, 2]}, {string, 0, "str"},
                             {bin, 0, [{bin_element, 0, {integer, 0, 98}, default, default}]},
                             {float, 0, 1.5}, {integer, 0, -3},
                             {map, 0, [{map_field_assoc, 0, {atom, 0, k}, {atom, 0, v}}]}]},
                 erl_parse:abstract({a, [1, 2], "str", <<"b">>, 1.5, -3, #{k => v}})).

abstract_list_test() ->
    ?assertEqual({cons, 0, {integer, 0, 1}, {cons, 0, {atom, 0, a}, {nil, 0}}}, erl_parse:abstract([1, a])).

abstract_binary_test() ->
    ?assertEqual({bin, 0, [{bin_element, 0, {integer, 0, 1}, default, default},
                           {bin_element, 0, {integer, 0, 2}, default, default}]},
                 erl_parse:abstract(<<1, 2>>)).

abstract_with_line_test() ->
    ?assertEqual({string, 5, "abc"}, erl_parse:abstract("abc", [{line, 5}])),
    ?assertEqual({atom, 7, x}, erl_parse:abstract(x, 7)).

abstract_empty_list_test() ->
    ?assertEqual({nil, 0}, erl_parse:abstract([])).

normalise_test() ->
    ?assertEqual({a, [1]}, erl_parse:normalise({tuple, 1, [{atom, 1, a}, {cons, 1, {integer, 1, 1}, {nil, 1}}]})),
    ?assertEqual(-3, erl_parse:normalise({op, 1, '-', {integer, 1, 3}})).

normalise_abstract_round_trip_test() ->
    T = {x, [1, "two", <<3>>, 4.0, #{k => [v]}], {}},
    ?assertEqual(T, erl_parse:normalise(erl_parse:abstract(T))).

normalise_not_a_term_badarg_test() ->
    ?assertError({badarg, {var, 1, 'X'}}, erl_parse:normalise({var, 1, 'X'})).

format_error_test() ->
    ?assertEqual("syntax error before: '.'",
                 lists:flatten(erl_parse:format_error(["syntax error before: ", "'.'"]))).
