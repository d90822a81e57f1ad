-module(erl_eval_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: erl_eval of OTP 25: exprs/2,3,4, expr/2, expr_list/2, the
%% {value, Value, NewBindings} result (orddict bindings in, orddict out;
%% map bindings in, map out), the bindings API, every expression kind,
%% funs made by evaluated code called from compiled code, local and
%% non-local function handlers, and the errors evaluation raises.

-export([double/1]).

double(X) -> 2 * X.

id(X) -> X.

parse(S) ->
    {ok, Ts, _} = erl_scan:string(S),
    {ok, Es} = erl_parse:parse_exprs(Ts),
    Es.

ev(S) -> ev(S, erl_eval:new_bindings()).
ev(S, Bs) -> erl_eval:exprs(parse(S), Bs).

val(S) -> val(S, []).
val(S, Bs) -> element(2, ev(S, Bs)).

%% ---- results and bindings -------------------------------------------------

exprs_value_shape_test() ->
    ?assertEqual({value, 3, []}, ev("1 + 2.")).

exprs_returns_new_bindings_test() ->
    ?assertEqual({value, 10, [{'X', 5}, {'Y', 10}]}, ev("X = 5, Y = X * 2.")).

exprs_bindings_sorted_test() ->
    ?assertEqual({value, 3, [{'A', 1}, {'B', 2}]}, ev("B = 2, A = 1, A + B.")).

exprs_input_bindings_test() ->
    ?assertEqual({value, 42, [{'X', 41}]}, ev("X + 1.", [{'X', 41}])).

exprs_map_bindings_test() ->
    ?assertEqual({value, 2, #{'X' => 1, 'Y' => 2}}, ev("Y = X + 1.", #{'X' => 1})).

exprs_bound_variable_must_match_test() ->
    ?assertEqual({value, 2, [{'X', 2}]}, ev("X = 2, X.", [{'X', 2}])),
    ?assertError({badmatch, 1}, ev("X = 1, X.", [{'X', 2}])).

expr_single_test() ->
    [E] = parse("X = 3."),
    ?assertEqual({value, 3, [{'X', 3}]}, erl_eval:expr(E, [])).

expr_list_test() ->
    ?assertEqual({[1, 2], [{'X', 2}]}, erl_eval:expr_list(parse("1, X."), [{'X', 2}])).

new_bindings_test() ->
    ?assertEqual([], erl_eval:bindings(erl_eval:new_bindings())).

add_binding_test() ->
    B = erl_eval:add_binding('A', 1, erl_eval:new_bindings()),
    ?assertEqual({value, 1}, erl_eval:binding('A', B)),
    ?assertEqual(unbound, erl_eval:binding('Z', B)),
    ?assertEqual([{'A', 1}, {'B', 2}], erl_eval:bindings(erl_eval:add_binding('B', 2, B))).

add_binding_replaces_test() ->
    ?assertEqual([{'X', 2}], erl_eval:bindings(erl_eval:add_binding('X', 2, erl_eval:add_binding('X', 1, erl_eval:new_bindings())))).

del_binding_test() ->
    B = erl_eval:add_binding('A', 1, erl_eval:new_bindings()),
    ?assertEqual([], erl_eval:bindings(erl_eval:del_binding('A', B))),
    ?assertEqual(unbound, erl_eval:binding('A', erl_eval:del_binding('A', B))).

bindings_usable_as_input_test() ->
    B = erl_eval:add_binding('N', 4, erl_eval:new_bindings()),
    ?assertEqual(16, val("N * N.", B)).

%% ---- expression kinds ------------------------------------------------------

arithmetic_test() ->
    ?assertEqual(5.0, val("2.5 * 2.")),
    ?assertEqual(3.5, val("7 div 2, 7 rem 2, 7 / 2.")),
    ?assertEqual(107, val("2#1010 + $a.")).

list_ops_test() ->
    ?assertEqual("abcd", val("\"abc\" ++ \"d\".")),
    ?assertEqual([1, 3], val("[1, 2, 3] -- [2].")),
    ?assertEqual([1 | 2], val("[1 | 2].")).

boolean_ops_test() ->
    ?assertEqual(false, val("not true orelse false.")),
    ?assertEqual(42, val("X andalso Y.", [{'X', true}, {'Y', 42}])).

tuple_match_test() ->
    ?assertEqual({value, 3, [{'A', 1}, {'B', 2}]}, ev("{A, B} = {1, 2}, A + B.")).

case_test() ->
    ?assertEqual(1, val("case {ok, 1} of {ok, V} when V > 0 -> V; _ -> 0 end.")).

case_exports_variable_test() ->
    ?assertEqual({value, 2, [{'X', 1}, {'Y', 2}]}, ev("X = 1, case X of 1 -> Y = 2; _ -> Y = 3 end, Y.")).

if_test() ->
    ?assertEqual(big, val("X = 5, if X > 3 -> big; true -> small end.")).

block_test() ->
    ?assertEqual(2, val("begin X = 1, X + 1 end.")).

fun_call_test() ->
    ?assertEqual(12, val("F = fun(X) -> X * 3 end, F(4).")).

fun_closure_test() ->
    ?assertEqual(1, val("X = 1, fun() -> X end().")).

fun_head_shadows_binding_test() ->
    ?assertEqual({value, 1, [{'X', 5}]}, ev("fun(X) -> X end(1).", [{'X', 5}])).

named_fun_recursion_test() ->
    ?assertEqual(3628800, val("Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end, Fact(10).")).

fun_ref_test() ->
    ?assertEqual(fun lists:reverse/1, val("fun lists:reverse/1.")).

list_comprehension_test() ->
    ?assertEqual([4, 6], val("[X * 2 || X <- [1, 2, 3], X > 1].")),
    ?assertEqual([a], val("[X || {X, 1} <- [{a, 1}, {b, 2}, c]].")).

binary_comprehension_test() ->
    ?assertEqual(<<2, 3>>, val("<< <<(X + 1)>> || <<X>> <= <<1, 2>> >>.")).

binary_match_test() ->
    ?assertEqual({10, 11}, val("<<A:4, B:4>> = <<16#ab>>, {A, B}.")).

binary_construction_test() ->
    ?assertEqual(<<97, 98, 99, 1:1>>, val("<<\"abc\"/utf8, 1:1>>.")).

map_match_test() ->
    ?assertEqual(1, val("#{a := V} = #{a => 1, b => 2}, V.")).

map_update_test() ->
    ?assertEqual(#{a => 1, b => 2}, val("M = #{a => 1}, M#{b => 2}.")).

try_catch_test() ->
    ?assertEqual({caught, x}, val("try throw(x) catch throw:T -> {caught, T} end.")).

try_stacktrace_test() ->
    ?assertEqual({e, true}, val("try error(e) catch error:R:St -> {R, is_list(St)} end.")).

catch_test() ->
    ?assertEqual(x, val("catch throw(x).")),
    ?assertMatch({'EXIT', {badarith, _}}, val("catch 1 / 0.")).

receive_test() ->
    ?assertEqual(hi, val("self() ! {tag, hi}, receive {tag, M} -> M end.")),
    ?assertEqual(timeout, val("receive after 0 -> timeout end.")).

remote_calls_test() ->
    ?assertEqual([2, 3, 4], val("lists:map(fun(X) -> X + 1 end, [1,2,3]).")),
    ?assertEqual(42, val("erl_eval_tests:double(21).")),
    ?assertEqual(b, val("erlang:element(2, {a, b}).")).

auto_imported_bifs_test() ->
    ?assertEqual(3, val("length([a, b]) + size({1}).")),
    ?assertEqual([2, 1], val("apply(lists, reverse, [[1, 2]]).")).

%% ---- funs made by evaluated code -----------------------------------------

evaluated_fun_called_from_compiled_code_test() ->
    F = val("fun(X) -> {got, X} end."),
    ?assert(is_function(F, 1)),
    ?assertEqual({got, 7}, F(7)),
    ?assertEqual([{got, 1}, {got, 2}], lists:map(F, [1, 2])).

evaluated_fun_arity_test() ->
    F = val("fun(X, Y) -> X + Y end."),
    ?assertEqual({arity, 2}, erlang:fun_info(F, arity)),
    ?assertEqual(5, F(2, 3)).

evaluated_fun_captures_bindings_test() ->
    F = val("fun() -> N * 2 end.", [{'N', 21}]),
    ?assertEqual(42, F()).

evaluated_fun_badarity_test() ->
    F = val("fun(X) -> X end."),
    ?assertError({badarity, {F, [1, 2]}}, (id(F))(1, 2)).

evaluated_fun_function_clause_test() ->
    F = val("fun(0) -> zero end."),
    ?assertError(function_clause, F(1)).

%% ---- function handlers -------------------------------------------------------

local_function_handler_test() ->
    ?assertEqual({value, {local, f, [1, 2]}, []},
                 erl_eval:exprs(parse("f(1, 2)."), [], {value, fun(N, A) -> {local, N, A} end})).

nonlocal_function_handler_test() ->
    ?assertEqual({value, {nonlocal, {lists, reverse}, [[1, 2]]}, []},
                 erl_eval:exprs(parse("lists:reverse([1,2])."), [], none,
                                {value, fun(F, A) -> {nonlocal, F, A} end})).

%% ---- errors -------------------------------------------------------------------

unbound_variable_error_test() ->
    ?assertError({unbound_var, 'X'}, ev("X.")),
    ?assertError({unbound_var, 'Y'}, ev("X = 1, Y.")).

unbound_variable_in_fun_error_test() ->
    ?assertError({unbound_var, 'X'}, ev("(fun() -> X end)().")).

badmatch_error_test() ->
    ?assertError({badmatch, 2}, ev("1 = 2.")),
    ?assertError({badmatch, 2}, ev("X = 1, X = 2.")),
    ?assertError({badmatch, {1, 2, 3}}, ev("{A, B} = {1, 2, 3}.")),
    ?assertError({badmatch, <<1, 2>>}, ev("<<X:8>> = <<1,2>>.")).

badarith_error_test() ->
    ?assertError(badarith, ev("foo + 1.")),
    ?assertError(badarith, ev("1 / 0.")),
    ?assertError(badarith, ev("1 + X.", [{'X', a}])).

case_clause_error_test() ->
    ?assertError({case_clause, 3}, ev("case 3 of 1 -> a end.")).

if_clause_error_test() ->
    ?assertError(if_clause, ev("if false -> a end.")).

try_clause_error_test() ->
    ?assertError({try_clause, 1}, ev("try 1 of 2 -> x after ok end.")).

badkey_error_test() ->
    ?assertError({badkey, b}, ev("M = #{a => 1}, M#{b := 2}.")).

map_pattern_badmatch_test() ->
    ?assertError({badmatch, #{}}, ev("#{a := X} = #{}.")).

%% The top frame names the missing function (so a missing erl_eval or
%% erl_scan does not pass these).
undefined_local_function_undef_test() ->
    ?assertMatch({undef, [{_, undefined_fn_xyz, _, _} | _]}, undef_of(fun() -> ev("undefined_fn_xyz().") end)).

undefined_remote_function_undef_test() ->
    ?assertMatch({undef, [{lists, nosuch, _, _} | _]}, undef_of(fun() -> ev("lists:nosuch().") end)).

undef_of(F) ->
    try F() of V -> {no_exception, V}
    catch error:undef:St -> {undef, St}
    end.

throw_and_exit_propagate_test() ->
    ?assertThrow(oops, ev("throw(oops).")),
    ?assertExit(bye, ev("exit(bye).")),
    ?assertError(boom, ev("erlang:error(boom).")).

undefined_record_error_test() ->
    ?assertError({undefined_record, r}, ev("#r{}.")).

%% ---- scan + parse + eval round trip -------------------------------------------

eval_string_pipeline_test() ->
    {ok, Ts, _} = erl_scan:string("lists:sum([X || X <- lists:seq(1, N)])."),
    {ok, Es} = erl_parse:parse_exprs(Ts),
    ?assertEqual({value, 5050, [{'N', 100}]}, erl_eval:exprs(Es, erl_eval:add_binding('N', 100, erl_eval:new_bindings()))).

eval_abstract_term_test() ->
    T = {a, [1, "two"], <<3>>, #{k => v}},
    ?assertEqual({value, T, []}, erl_eval:expr(erl_parse:abstract(T), [])).

is_constant_expr_test() ->
    [E] = parse("1 + 2."),
    ?assert(erl_eval:is_constant_expr(E)),
    [V] = parse("X + 2."),
    ?assertNot(erl_eval:is_constant_expr(V)).
