-module(old_guards_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the old type tests of guards, as erl_lint (OTP 25) accepts
%% them. The tests without `is_` (atom/1, list/1, integer/1, float/1,
%% number/1, tuple/1, binary/1, pid/1, reference/1, function/1, port/1,
%% record/2) still compile in OTP 25, with an "obsolete" warning, and mean
%% the same as their is_ forms, but only as top-level guard tests (in
%% `,`/`;` sequences, not inside andalso/orelse/not/==). Guard BIFs and
%% other guard rules are in guard_rules_tests.

-record(r, {a, b}).
-record(s, {x}).

old_type(X) when atom(X) -> atom;
old_type(X) when integer(X) -> integer;
old_type(X) when float(X) -> float;
old_type(X) when list(X) -> list;
old_type(X) when tuple(X), record(X, r) -> record_r;
old_type(X) when tuple(X) -> tuple;
old_type(X) when binary(X) -> binary;
old_type(X) when pid(X) -> pid;
old_type(X) when reference(X) -> reference;
old_type(X) when function(X) -> function;
old_type(X) when port(X) -> port;
old_type(_) -> other.

old_atom_integer_float_test() ->
    ?assertEqual([atom, atom, integer, integer, float],
                 [old_type(a), old_type(true), old_type(1), old_type(1 bsl 70), old_type(1.5)]).

old_list_tuple_record_test() ->
    ?assertEqual([list, list, tuple, tuple, record_r, tuple],
                 [old_type([]), old_type("ab"), old_type({}), old_type({a, b}),
                  old_type(#r{}), old_type(#s{})]).

old_binary_test() ->
    %% binary/1 is is_binary/1: a bitstring that is not a whole number of
    %% bytes is not a binary.
    ?assertEqual([binary, binary, other], [old_type(<<>>), old_type(<<1, 2>>), old_type(<<1:3>>)]).

old_pid_reference_function_test() ->
    ?assertEqual([pid, reference, function, function],
                 [old_type(self()), old_type(make_ref()),
                  old_type(fun() -> ok end), old_type(fun lists:map/2)]).

old_type_map_is_other_test() ->
    ?assertEqual(other, old_type(#{})).

old_number(X) when number(X) -> number;
old_number(_) -> not_number.

old_number_test() ->
    ?assertEqual([number, number, not_number, not_number],
                 [old_number(1), old_number(2.5), old_number(a), old_number("1")]).

%% record/2 checks the tag and the size.
old_record(X) when record(X, r) -> r;
old_record(X) when record(X, s) -> s;
old_record(_) -> no.

old_record_test() ->
    ?assertEqual([r, s, no, no, no],
                 [old_record(#r{}), old_record(#s{}), old_record({r, 1}),
                  old_record({r, 1, 2, 3}), old_record(r)]).

%% Old and new type tests mixed, in `;` and `,` sequences.
mixed(X) when atom(X); is_integer(X) -> atom_or_int;
mixed(X) when is_list(X), list(X), length(X) > 1 -> long_list;
mixed(X) when float(X), is_float(X) -> float;
mixed(X) when tuple(X), is_tuple(X), tuple_size(X) =:= 2 -> pair;
mixed(_) -> other.

mixed_old_and_new_test() ->
    ?assertEqual([atom_or_int, atom_or_int, long_list, other, float, pair, other],
                 [mixed(a), mixed(1), mixed([1, 2]), mixed([1]), mixed(1.0),
                  mixed({1, 2}), mixed({1})]).

%% Old type tests in the guards of funs, case, if and receive.
old_tests_in_other_guards_test() ->
    F = fun(X) when integer(X) -> int; (_) -> no end,
    C = fun(X) -> case X of Y when binary(Y) -> bin; _ -> no end end,
    I = fun(X) -> if atom(X) -> atom; true -> no end end,
    Ref = make_ref(),
    self() ! {Ref, [1]},
    R = receive {Ref, M} when list(M) -> list after 1000 -> timeout end,
    ?assertEqual([int, no, bin, no, atom, no, list],
                 [F(1), F(a), C(<<>>), C(1), I(x), I(1), R]).

%% Old type tests are guard tests only at the top level of a guard
%% (`integer(X) andalso ...` is an illegal guard expression); they may sit
%% next to andalso/orelse tests in a `,` conjunction.
old_tests_next_to_andalso_orelse_test() ->
    F = fun(X) when integer(X), X > 0 andalso X < 10 -> digit;
           (X) when atom(X); binary(X), (byte_size(X) > 1 orelse X =:= <<>>) -> atom_or_bin;
           (_) -> other
        end,
    ?assertEqual([digit, other, atom_or_bin, atom_or_bin, atom_or_bin, other, other],
                 [F(1), F(10), F(a), F(<<"ab">>), F(<<>>), F(<<"a">>), F(1.0)]).

%% Parentheses around an old type test are allowed.
old_test_in_parentheses_test() ->
    F = fun(X) when (atom(X)) -> atom; (_) -> other end,
    ?assertEqual([atom, other], [F(a), F(1)]).

%% At the top level float(X) is the type test (an integer does not pass);
%% inside a comparison it is the conversion BIF float/1.
float_test_vs_float_conversion_test() ->
    T = fun(X) when float(X) -> float; (_) -> not_float end,
    C = fun(X) when float(X) == 2.0 -> two; (_) -> other end,
    ?assertEqual([float, not_float], [T(2.0), T(2)]),
    ?assertEqual([two, two, other, other], [C(2), C(2.0), C(3), C(a)]).

%% Old type tests in several `;` alternatives, each a `,` conjunction.
old_tests_guard_sequence_test() ->
    F = fun(X) when list(X), length(X) > 2; tuple(X), tuple_size(X) > 2; atom(X), X =/= nil -> big;
           (_) -> small
        end,
    ?assertEqual([big, small, big, small, big, small],
                 [F([1, 2, 3]), F([1]), F({1, 2, 3}), F({1}), F(a), F(nil)]).
