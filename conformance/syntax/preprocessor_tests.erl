-module(preprocessor_tests).
-include_lib("eunit/include/eunit.hrl").

-export([exported_helper/0]).

%% Conformance: preprocessor behaviour of OTP 25 (macros, ??, predefined
%% macros, conditional compilation).

-define(ONE, 1).
-define(TWO, (?ONE + ?ONE)).
-define(SQUARE(X), ((X) * (X))).
-define(ADD(A, B), (A + B)).
-define(NOPAREN(X), X * 2).
-define(STR(X), ??X).
-define(PAIR(A, B), {A, B}).
-define(EMPTY_ARGS(), empty_args).
-define(CONST, const_atom).
-define(CONST(X), {const_with_arg, X}).
-define(CONST(X, Y), {const_with_two, X, Y}).
-define(LIST, [1, 2, 3]).
-define(NESTED(X), ?PAIR(X, ?SQUARE(X))).
-define(STRING, "hello").
-define(CONCAT, "abc" "def").
-define(BLOCK(E), begin E end).
-define(FUNNY, fun(X) -> X + 1 end).
-define(IS_SMALL(X), (is_integer(X) andalso X < 10)).
-define(GUARD_MACRO(X), is_atom(X)).

-define(FLAG, true).
-undef(FLAG).
-define(FLAG2, yes).

-ifdef(FLAG).
flag_value() -> defined.
-else.
flag_value() -> undefined.
-endif.

-ifndef(NOT_DEFINED_ANYWHERE).
ifndef_value() -> taken.
-else.
ifndef_value() -> not_taken.
-endif.

-ifdef(FLAG2).
-ifdef(FLAG).
nested_value() -> both.
-else.
nested_value() -> only_flag2.
-endif.
-else.
nested_value() -> neither.
-endif.

-define(VERSION, 3).
-if(?VERSION > 5).
version_branch() -> big.
-elif(?VERSION > 2).
version_branch() -> medium.
-else.
version_branch() -> small.
-endif.

-if(?VERSION == 3 andalso is_integer(?VERSION)).
if_guard_expr() -> ok.
-else.
if_guard_expr() -> no.
-endif.

-if(?OTP_RELEASE >= 21).
otp_release_branch() -> modern.
-else.
otp_release_branch() -> ancient.
-endif.

-if(false).
elif_chain() -> a.
-elif(false).
elif_chain() -> b.
-elif(true).
elif_chain() -> c.
-else.
elif_chain() -> d.
-endif.

-ifdef(NOT_DEFINED_ANYWHERE).
%% Content inside a false branch is skipped (but must still tokenize).
-define(SKIPPED, skipped).
-endif.

-ifdef(SKIPPED).
skipped_macro() -> defined.
-else.
skipped_macro() -> undefined.
-endif.

-record(point, {x = 0, y = 0}).

simple_macro_test() ->
    ?assertEqual(1, ?ONE),
    ?assertEqual(2, ?TWO).

macro_with_args_test() ->
    ?assertEqual(25, ?SQUARE(5)),
    ?assertEqual(9, ?SQUARE(1 + 2)),
    ?assertEqual(7, ?ADD(3, 4)).

macro_without_parens_precedence_test() ->
    %% NOPAREN(1+2) expands to 1+2*2
    ?assertEqual(5, ?NOPAREN(1 + 2)).

stringify_test() ->
    ?assertEqual("foo", ?STR(foo)),
    ?assertEqual("1 + 2", ?STR(1 + 2)),
    ?assertEqual("{ a , b }", ?STR({a, b})).

stringify_spacing_test() ->
    ?assertEqual("f ( X )", ?STR(f(X))),
    ?assertEqual("[ 1 , 2 ]", ?STR([1,2])),
    ?assertEqual("\"str\"", ?STR("str")).

stringify_more_test() ->
    ?assertEqual("X + Y * 3", ?STR(X + Y * 3)),
    ?assertEqual("'quoted atom'", ?STR('quoted atom')),
    ?assertEqual("$a", ?STR($a)).

empty_arg_list_macro_test() ->
    ?assertEqual(empty_args, ?EMPTY_ARGS()).

overloaded_macro_arity_test() ->
    ?assertEqual(const_atom, ?CONST),
    ?assertEqual({const_with_arg, 1}, ?CONST(1)),
    ?assertEqual({const_with_two, 1, 2}, ?CONST(1, 2)).

macro_expanding_to_list_test() ->
    ?assertEqual([1, 2, 3], ?LIST),
    ?assertEqual(3, length(?LIST)).

nested_macro_test() ->
    ?assertEqual({3, 9}, ?NESTED(3)).

string_macro_concat_test() ->
    ?assertEqual("hello world", ?STRING " world"),
    ?assertEqual("abcdef", ?CONCAT).

block_macro_test() ->
    ?assertEqual(3, ?BLOCK(1 + 2)).

fun_macro_test() ->
    F = ?FUNNY,
    ?assertEqual(11, F(10)).

macro_in_guard_test() ->
    G = fun(X) when ?GUARD_MACRO(X) -> atom; (_) -> other end,
    ?assertEqual(atom, G(a)),
    ?assertEqual(other, G(1)).

macro_andalso_in_guard_test() ->
    G = fun(X) when ?IS_SMALL(X) -> small; (_) -> big end,
    ?assertEqual(small, G(3)),
    ?assertEqual(big, G(30)),
    ?assertEqual(big, G(foo)).

module_macro_test() ->
    ?assertEqual(preprocessor_tests, ?MODULE),
    ?assertEqual("preprocessor_tests", ?MODULE_STRING).

line_macro_test() ->
    L1 = ?LINE,
    L2 = ?LINE,
    ?assert(is_integer(L1)),
    ?assertEqual(L1 + 1, L2).

line_macro_positive_test() ->
    ?assert(?LINE > 0).

function_name_macro_test() ->
    ?assertEqual(function_name_macro_test, ?FUNCTION_NAME),
    ?assertEqual(0, ?FUNCTION_ARITY).

function_arity_helper(A, B, C) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, A, B, C}.

function_arity_macro_test() ->
    ?assertEqual({function_arity_helper, 3, a, b, c}, function_arity_helper(a, b, c)).

function_name_in_fun_test() ->
    F = fun() -> ?FUNCTION_NAME end,
    ?assertEqual(function_name_in_fun_test, F()).

file_macro_test() ->
    File = ?FILE,
    ?assert(is_list(File)),
    ?assert(lists:suffix("preprocessor_tests.erl", File)).

machine_macro_test() ->
    ?assertEqual('BEAM', ?MACHINE).

otp_release_macro_test() ->
    ?assertEqual(25, ?OTP_RELEASE),
    ?assertEqual(modern, otp_release_branch()).

undef_test() ->
    ?assertEqual(undefined, flag_value()).

ifndef_test() ->
    ?assertEqual(taken, ifndef_value()).

nested_ifdef_test() ->
    ?assertEqual(only_flag2, nested_value()).

if_elif_test() ->
    ?assertEqual(medium, version_branch()).

if_guard_expression_test() ->
    ?assertEqual(ok, if_guard_expr()).

elif_chain_test() ->
    ?assertEqual(c, elif_chain()).

skipped_define_test() ->
    ?assertEqual(undefined, skipped_macro()).

record_in_macro_test() ->
    P = ?PAIR(#point{x = 1}, #point.y),
    ?assertEqual({{point, 1, 0}, 3}, P).

macro_as_pattern_test() ->
    Result = case 1 of
                 ?ONE -> matched;
                 _ -> not_matched
             end,
    ?assertEqual(matched, Result).

macro_tuple_pattern_test() ->
    ?PAIR(A, B) = {left, right},
    ?assertEqual({left, right}, {A, B}).

-define(APPLY(F, A), F(A)).
macro_call_position_test() ->
    ?assertEqual(3, ?APPLY(length, [a, b, c])),
    ?assertEqual([c, b, a], ?APPLY(lists:reverse, [a, b, c])).

-define(MULTI_STMT, X0 = 1, Y0 = 2, X0 + Y0).
macro_expands_to_expression_sequence_test() ->
    R = begin ?MULTI_STMT end,
    ?assertEqual(3, R).

-define(DOUBLE_STR(A), {??A, A}).
stringify_and_use_test() ->
    ?assertEqual({"2 * 3", 6}, ?DOUBLE_STR(2 * 3)).

-define(ATOM_NAME, my_atom).
macro_atom_as_function_name_test() ->
    ?assertEqual(my_atom, ?ATOM_NAME).

-define(Capital, capital_macro).
capitalized_macro_name_test() ->
    ?assertEqual(capital_macro, ?Capital).

-define('quoted macro', quoted_macro_value).
quoted_macro_name_test() ->
    ?assertEqual(quoted_macro_value, ?'quoted macro').

%% ---- more preprocessor details --------------------------------------

-define(LINE_OF_USE, ?LINE).
line_in_macro_is_line_of_use_test() ->
    L1 = ?LINE_OF_USE, L2 = ?LINE,
    ?assertEqual(L1, L2).

-define(INC(X), ((X) + 1)).
nested_macro_call_test() ->
    ?assertEqual(3, ?INC(?INC(1))),
    ?assertEqual(4, ?INC(?INC(?INC(1)))).

-define(STR_OF(X), ??X).
stringify_macro_argument_with_macro_test() ->
    ?assertEqual("? ONE", ?STR_OF(?ONE)).

stringify_nested_brackets_test() ->
    ?assertEqual("[ { a , b } , # { k => v } ]", ?STR_OF([{a, b}, #{k => v}])).

macro_args_with_commas_in_brackets_test() ->
    ?assertEqual({{a, b}, [c, d]}, ?PAIR({a, b}, [c, d])),
    ?assertEqual({#{x => 1, y => 2}, <<1, 2>>}, ?PAIR(#{x => 1, y => 2}, <<1, 2>>)).

-define(GETTER(Name, Value), Name() -> Value).
?GETTER(generated_getter, 42).
macro_defines_function_test() ->
    ?assertEqual(42, generated_getter()).

-ifdef(MODULE).
module_is_defined() -> yes.
-else.
module_is_defined() -> no.
-endif.
ifdef_predefined_module_test() ->
    ?assertEqual(yes, module_is_defined()).

-define(REDEF, first).
-undef(REDEF).
-define(REDEF, second).
redefine_after_undef_test() ->
    ?assertEqual(second, ?REDEF).

-if(?OTP_RELEASE >= 25).
otp25_or_later() -> true.
-else.
otp25_or_later() -> false.
-endif.
if_otp_release_test() ->
    ?assert(otp25_or_later()).

-ifdef(NOT_DEFINED_ANYWHERE).
-error("this must be skipped").
-endif.
error_directive_in_skipped_section_test() ->
    ?assert(true).

-define(FNAME_MACRO, ?FUNCTION_NAME).
function_name_through_macro_test() ->
    ?assertEqual(function_name_through_macro_test, ?FNAME_MACRO).

-define(BODY_WITH_CASE(X), case X of 0 -> zero; _ -> nonzero end).
macro_with_case_body_test() ->
    ?assertEqual([zero, nonzero], [?BODY_WITH_CASE(N) || N <- [0, 1]]).

-define(RECORD_DEFAULT, #point{x = 10}).
macro_expanding_to_record_test() ->
    ?assertEqual({point, 10, 0}, ?RECORD_DEFAULT),
    ?assertEqual(10, (?RECORD_DEFAULT)#point.x).

-define(MODULE_FUN, fun ?MODULE:exported_helper/0).
exported_helper() -> helped.
module_macro_in_fun_reference_test() ->
    F = ?MODULE_FUN,
    ?assertEqual(helped, F()).

-define(CONCAT_MODULE, ?MODULE_STRING "_suffix").
module_string_concatenation_test() ->
    ?assertEqual("preprocessor_tests_suffix", ?CONCAT_MODULE).

-if(1 + 1 =:= 2 andalso true).
if_arith_expr() -> ok.
-endif.
if_with_arithmetic_test() ->
    ?assertEqual(ok, if_arith_expr()).

-if(defined(ONE)).
defined_in_if() -> yes.
-else.
defined_in_if() -> no.
-endif.
if_defined_test() ->
    ?assertEqual(yes, defined_in_if()).
