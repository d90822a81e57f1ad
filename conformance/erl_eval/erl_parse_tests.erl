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

%% ---- annotations with columns -------------------------------------------------

cexprs(S) ->
    {ok, Ts, _} = erl_scan:string(S, {1, 1}),
    erl_parse:parse_exprs(Ts).

cform(S) ->
    {ok, Ts, _} = erl_scan:string(S, {1, 1}),
    erl_parse:parse_form(Ts).

first_location_annotations_test() ->
    ?assertEqual({ok, [{op, {1, 4}, '+', {op, {1, 1}, '-', {integer, {1, 2}, 1}}, {integer, {1, 6}, 2}}]},
                 cexprs("-1 + 2.")),
    ?assertEqual({ok, [{call, {1, 2}, {remote, {1, 4}, {var, {1, 2}, 'X'}, {atom, {1, 5}, f}}, [{integer, {1, 7}, 1}]}]},
                 cexprs("(X):f(1).")),
    ?assertEqual({ok, [{cons, {1, 1}, {atom, {1, 2}, a}, {cons, {1, 5}, {atom, {1, 5}, b}, {nil, {1, 6}}}}]},
                 cexprs("[a, b].")).

try_clause_annotations_test() ->
    ?assertEqual({ok, [{'try', {1, 1}, [{atom, {1, 5}, x}], [],
                        [{clause, {1, 13}, [{tuple, {1, 13}, [{atom, {1, 13}, error}, {var, {1, 19}, 'E'},
                                                              {var, {1, 19}, '_'}]}],
                          [], [{var, {1, 24}, 'E'}]}], []}]},
                 cexprs("try x catch error:E -> E end.")).

catch_binds_loosest_test() ->
    ?assertEqual({ok, [{match, 1, {var, 1, 'X'}, {'catch', 1, {integer, 1, 1}}}]}, exprs("X = catch 1.")),
    ?assertEqual({ok, [{op, 1, '+', {atom, 1, a}, {'catch', 1, {op, 1, '+', {atom, 1, b}, {atom, 1, c}}}}]},
                 exprs("a + catch b + c.")).

map_and_record_chains_test() ->
    ?assertEqual({ok, [{map, {1, 10}, {map, {1, 1}, [{map_field_assoc, {1, 5}, {atom, {1, 3}, a}, {integer, {1, 8}, 1}}]},
                        [{map_field_assoc, {1, 14}, {atom, {1, 12}, b}, {integer, {1, 17}, 2}}]}]},
                 cexprs("#{a => 1}#{b => 2}.")),
    ?assertEqual({error, {{1, 7}, erl_parse, ["syntax error before: ", "'{'"]}}, cexprs("X#r.a#{b => 1}.")).

comparison_is_nonassoc_test() ->
    ?assertEqual({error, {{1, 7}, erl_parse, ["syntax error before: ", "'<'"]}}, cexprs("1 < 2 < 3.")).

call_of_call_is_error_test() ->
    ?assertEqual({error, {{1, 4}, erl_parse, ["syntax error before: ", "'('"]}}, cexprs("f()().")).

function_head_is_pattern_test() ->
    ?assertEqual({error, {{1, 4}, erl_parse, ["syntax error before: ", "'!'"]}}, cform("f(X!Y) -> ok.")).

binary_comprehension_template_test() ->
    ?assertEqual({ok, [{bc, 1, {var, 1, 'X'}, [{generate, 1, {var, 1, 'X'}, {var, 1, 'L'}}]}]},
                 exprs("<< X || X <- L >>.")).

remote_fun_with_variables_test() ->
    ?assertEqual({ok, [{'fun', {1, 1}, {function, {var, {1, 5}, 'M'}, {var, {1, 7}, 'F'}, {var, {1, 9}, 'A'}}}]},
                 cexprs("fun M:F/A.")).

end_of_tokens_error_location_test() ->
    {ok, Ts, _} = erl_scan:string("a +", {1, 1}, [text]),
    ?assertEqual({error, {{1, 4}, erl_parse, ["syntax error before: ", []]}}, erl_parse:parse_exprs(Ts)),
    ?assertEqual({error, {0, erl_parse, ["syntax error before: ", []]}}, erl_parse:parse_exprs([])),
    ?assertEqual({error, {999999, erl_parse, ["syntax error before: ", []]}}, erl_parse:parse_form([])).

syntax_error_uses_token_text_test() ->
    {ok, Ts, _} = erl_scan:string("f(x) -> .", 1, [text]),
    ?assertEqual({error, {1, erl_parse, ["syntax error before: ", "."]}}, erl_parse:parse_form(Ts)).

%% ---- forms: types, specs, attributes ------------------------------------------

bounded_spec_test() ->
    ?assertEqual({ok, {attribute, {1, 2}, spec,
                       {{f, 1}, [{type, {1, 8}, bounded_fun,
                                  [{type, {1, 8}, 'fun', [{type, {1, 8}, product, [{var, {1, 9}, 'A'}]}, {var, {1, 15}, 'B'}]},
                                   [{type, {1, 22}, constraint, [{atom, {1, 22}, is_subtype},
                                                                 [{var, {1, 22}, 'A'}, {type, {1, 27}, integer, []}]]},
                                    {type, {1, 38}, constraint, [{atom, {1, 38}, is_subtype},
                                                                 [{var, {1, 38}, 'B'}, {type, {1, 43}, atom, []}]]}]]}]}}},
                 cform("-spec f(A) -> B when A :: integer(), B :: atom().")).

remote_spec_and_callback_test() ->
    ?assertEqual({ok, {attribute, 1, spec, {{m, f, 1}, [{type, 1, 'fun', [{type, 1, product, [{type, 1, integer, []}]},
                                                                        {atom, 1, ok}]}]}}},
                 form("-spec m:f(integer()) -> ok.")),
    ?assertEqual({ok, {attribute, 1, callback, {{f, 0}, [{type, 1, 'fun', [{type, 1, product, []}, {atom, 1, ok}]}]}}},
                 form("-callback f() -> ok.")).

type_union_and_builtins_test() ->
    ?assertEqual({ok, {attribute, 1, type, {t, {type, 1, union, [{type, 1, tuple, any}, {type, 1, map, any},
                                                                  {type, 1, list, [{atom, 1, a}]},
                                                                  {type, 1, nonempty_list, []},
                                                                  {user_type, 1, foo, []},
                                                                  {remote_type, 1, [{atom, 1, m}, {atom, 1, t}, []]},
                                                                  {type, 1, range, [{op, 1, '-', {integer, 1, 1}}, {integer, 1, 10}]}]},
                                               []}}},
                 form("-type t() :: tuple() | map() | list(a) | nonempty_list() | foo() | m:t() | -1..10.")).

binary_types_test() ->
    ?assertEqual({ok, {attribute, {1, 2}, type,
                       {t, {type, {1, 14}, union, [{type, {1, 14}, binary, [{integer, {1, 18}, 8}, {integer, 1, 0}]},
                                                   {type, {1, 24}, binary, [{integer, 1, 0}, {integer, {1, 30}, 8}]}]},
                        []}}},
                 cform("-type t() :: <<_:8>> | <<_:_*8>>.")).

typed_record_test() ->
    ?assertEqual({ok, {attribute, 1, record, {r, [{typed_record_field, {record_field, 1, {atom, 1, a}, {integer, 1, 1}},
                                                   {type, 1, integer, []}},
                                                  {record_field, 1, {atom, 1, b}}]}}},
                 form("-record(r, {a = 1 :: integer(), b}).")).

attribute_errors_test() ->
    ?assertEqual({error, {{1, 12}, erl_parse, "bad attribute"}}, cform("-define(X, 1).")),
    ?assertEqual({error, {{1, 12}, erl_parse, "bad function arity"}}, cform("-export([f/a]).")),
    ?assertEqual({error, {{1, 9}, erl_parse, "bad type variable"}}, cform("-type t(_) :: a.")),
    ?assertEqual({error, {{1, 16}, erl_parse, "bad record field"}}, cform("-record(r, {a, 1}).")),
    ?assertEqual({error, {{1, 12}, erl_parse, "bad record declaration"}}, cform("-record(r, a).")).

name_arity_in_attributes_test() ->
    ?assertEqual({ok, {attribute, 1, compile, {inline, [{f, 1}]}}}, form("-compile({inline, [f/1]}).")),
    ?assertEqual({ok, {attribute, 1, module, {m, ['A', 'B']}}}, form("-module(m, [A, B]).")).

%% ---- annotation traversal ---------------------------------------------------------

map_and_fold_anno_test() ->
    {ok, [E]} = exprs("{a, [X | 1]}."),
    ?assertEqual({tuple, 7, [{atom, 7, a}, {cons, 7, {var, 7, 'X'}, {integer, 7, 1}}]},
                 erl_parse:map_anno(fun(_) -> 7 end, E)),
    ?assertEqual(5, erl_parse:fold_anno(fun(_, N) -> N + 1 end, 0, E)),
    ?assertEqual({E, 5}, erl_parse:mapfold_anno(fun(A, N) -> {A, N + 1} end, 0, E)).

tokens_of_abstract_term_test() ->
    ?assertEqual([{'{', 0}, {atom, 0, a}, {',', 0}, {'[', 0}, {atom, 0, b}, {']', 0}, {'}', 0}],
                 erl_parse:tokens(erl_parse:abstract({a, [b]}))).

abstract_encoding_test() ->
    ?assertEqual({cons, 0, {integer, 0, 1000}, {nil, 0}}, erl_parse:abstract([1000], [{encoding, latin1}])),
    ?assertEqual({string, 0, [1000]}, erl_parse:abstract([1000])),
    ?assertEqual({cons, 0, {integer, 0, 97}, {nil, 0}}, erl_parse:abstract("a", [{encoding, none}])).
