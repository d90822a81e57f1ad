-module(guards_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: every guard BIF of OTP 25 and guard semantics
%% (exceptions make a guard fail, `;` vs `,`, andalso/orelse).

-record(r, {a, b}).

%% Classify a term with type-test guards.
type_of(X) when is_integer(X) -> integer;
type_of(X) when is_float(X) -> float;
type_of(X) when is_atom(X) -> atom;
type_of(X) when is_binary(X) -> binary;
type_of(X) when is_bitstring(X) -> bitstring;
type_of(X) when is_list(X) -> list;
type_of(X) when is_tuple(X) -> tuple;
type_of(X) when is_map(X) -> map;
type_of(X) when is_function(X) -> function;
type_of(X) when is_pid(X) -> pid;
type_of(X) when is_reference(X) -> reference;
type_of(X) when is_port(X) -> port;
type_of(_) -> other.

is_integer_guard_test() ->
    ?assertEqual(integer, type_of(1)),
    ?assertEqual(integer, type_of(-100000000000000000000000)),
    ?assertEqual(float, type_of(1.0)).

is_atom_guard_test() ->
    ?assertEqual(atom, type_of(true)),
    ?assertEqual(atom, type_of('')),
    ?assertEqual(atom, type_of(undefined)).

is_binary_vs_bitstring_guard_test() ->
    ?assertEqual(binary, type_of(<<>>)),
    ?assertEqual(binary, type_of(<<1, 2>>)),
    ?assertEqual(bitstring, type_of(<<1:3>>)).

is_list_guard_test() ->
    ?assertEqual(list, type_of([])),
    ?assertEqual(list, type_of([a | b])),
    ?assertEqual(list, type_of("abc")).

is_tuple_map_function_guard_test() ->
    ?assertEqual(tuple, type_of({})),
    ?assertEqual(map, type_of(#{})),
    ?assertEqual(function, type_of(fun() -> ok end)),
    ?assertEqual(function, type_of(fun lists:map/2)).

is_pid_ref_port_guard_test() ->
    ?assertEqual(pid, type_of(self())),
    ?assertEqual(reference, type_of(make_ref())).

is_number_guard_test() ->
    F = fun(X) when is_number(X) -> yes; (_) -> no end,
    ?assertEqual([yes, yes, no, no], [F(1), F(2.5), F(a), F("1")]).

is_boolean_guard_test() ->
    F = fun(X) when is_boolean(X) -> yes; (_) -> no end,
    ?assertEqual([yes, yes, no, no], [F(true), F(false), F(undefined), F(1)]).

is_function_arity_guard_test() ->
    F = fun(X) when is_function(X, 2) -> two; (X) when is_function(X, 0) -> zero; (_) -> other end,
    ?assertEqual(two, F(fun(_, _) -> ok end)),
    ?assertEqual(zero, F(fun() -> ok end)),
    ?assertEqual(other, F(fun(_) -> ok end)),
    ?assertEqual(two, F(fun erlang:max/2)).

is_record_guard_test() ->
    F = fun(X) when is_record(X, r) -> rec; (_) -> other end,
    ?assertEqual(rec, F(#r{})),
    ?assertEqual(rec, F({r, 1, 2})),
    ?assertEqual(other, F({r, 1})),
    ?assertEqual(other, F({q, 1, 2})).

is_record_3_guard_test() ->
    F = fun(X) when is_record(X, r, 3) -> rec3; (_) -> other end,
    ?assertEqual(rec3, F({r, 1, 2})),
    ?assertEqual(other, F({r, 1, 2, 3})).

abs_guard_test() ->
    F = fun(X) when abs(X) > 5 -> big; (_) -> small end,
    ?assertEqual([big, big, small], [F(-10), F(10), F(-3)]).

element_guard_test() ->
    F = fun(T) when element(1, T) =:= ok -> ok_tuple; (_) -> other end,
    ?assertEqual(ok_tuple, F({ok, 1})),
    ?assertEqual(other, F({error, 1})),
    %% element/2 fails on non-tuple: guard fails silently
    ?assertEqual(other, F([ok])),
    ?assertEqual(other, F({})).

hd_tl_guard_test() ->
    F = fun(L) when hd(L) =:= a -> starts_a; (L) when tl(L) =:= [] -> single; (_) -> other end,
    ?assertEqual(starts_a, F([a, b])),
    ?assertEqual(single, F([b])),
    ?assertEqual(other, F([])),
    ?assertEqual(other, F(notalist)).

length_guard_test() ->
    F = fun(L) when length(L) > 2 -> long; (_) -> short end,
    ?assertEqual(long, F([1, 2, 3])),
    ?assertEqual(short, F([1])),
    %% length of improper list raises badarg -> guard fails
    ?assertEqual(short, F([1, 2, 3 | 4])).

size_guards_test() ->
    F = fun(X) when tuple_size(X) =:= 2 -> pair; (X) when byte_size(X) =:= 2 -> two_bytes; (_) -> other end,
    ?assertEqual(pair, F({a, b})),
    ?assertEqual(two_bytes, F(<<1, 2>>)),
    ?assertEqual(other, F([1, 2])).

size_guard_test() ->
    F = fun(X) when size(X) =:= 3 -> three; (_) -> other end,
    ?assertEqual(three, F({a, b, c})),
    ?assertEqual(three, F(<<1, 2, 3>>)),
    ?assertEqual(other, F([1, 2, 3])).

bit_size_guard_test() ->
    F = fun(X) when bit_size(X) =:= 12 -> twelve; (_) -> other end,
    ?assertEqual(twelve, F(<<1:12>>)),
    ?assertEqual(other, F(<<1:8>>)).

byte_size_of_bitstring_guard_test() ->
    F = fun(X) when byte_size(X) =:= 2 -> two; (_) -> other end,
    ?assertEqual(two, F(<<1:9>>)).

map_size_guard_test() ->
    F = fun(M) when map_size(M) =:= 0 -> empty; (M) when map_size(M) > 0 -> nonempty; (_) -> notmap end,
    ?assertEqual([empty, nonempty, notmap], [F(#{}), F(#{a => 1}), F([])]).

is_map_key_guard_test() ->
    F = fun(M) when is_map_key(k, M) -> has_k; (_) -> no end,
    ?assertEqual(has_k, F(#{k => v})),
    ?assertEqual(no, F(#{j => v})),
    ?assertEqual(no, F(not_a_map)).

map_get_guard_test() ->
    F = fun(M) when map_get(k, M) > 10 -> big; (_) -> other end,
    ?assertEqual(big, F(#{k => 11})),
    ?assertEqual(other, F(#{k => 1})),
    ?assertEqual(other, F(#{})).

float_guard_test() ->
    F = fun(X) when float(X) == 3.0 -> three; (_) -> other end,
    ?assertEqual(three, F(3)),
    ?assertEqual(three, F(3.0)),
    ?assertEqual(other, F(atom)).

round_trunc_guard_test() ->
    F = fun(X) when round(X) =:= 3 -> r3; (X) when trunc(X) =:= 4 -> t4; (_) -> other end,
    ?assertEqual(r3, F(2.5)),
    ?assertEqual(t4, F(4.9)),
    ?assertEqual(other, F(7.0)).

ceil_floor_guard_test() ->
    F = fun(X) when ceil(X) =:= 2, floor(X) =:= 1 -> between; (_) -> other end,
    ?assertEqual(between, F(1.5)),
    ?assertEqual(other, F(2.0)),
    ?assertEqual(other, F(-1.5)).

binary_part_guard_test() ->
    F = fun(B) when binary_part(B, 0, 2) =:= <<"ab">> -> ab; (_) -> other end,
    ?assertEqual(ab, F(<<"abc">>)),
    ?assertEqual(other, F(<<"xbc">>)),
    %% out of range raises badarg -> guard fails
    ?assertEqual(other, F(<<"a">>)).

binary_part_2_guard_test() ->
    F = fun(B) when binary_part(B, {1, 1}) =:= <<"b">> -> b; (_) -> other end,
    ?assertEqual(b, F(<<"abc">>)),
    ?assertEqual(other, F(<<"a">>)).

node_self_guard_test() ->
    Me = self(),
    F = fun(P) when P =:= self() -> me; (_) -> other end,
    ?assertEqual(me, F(Me)),
    G = fun(P) when node(P) =:= node() -> local; (_) -> remote end,
    ?assertEqual(local, G(Me)).

arith_in_guard_test() ->
    F = fun(X) when X rem 2 =:= 0 -> even; (X) when X div 2 >= 0 -> odd_nonneg; (_) -> odd_neg end,
    ?assertEqual([even, odd_nonneg, odd_neg], [F(4), F(3), F(-3)]).

bitwise_in_guard_test() ->
    F = fun(X) when X band 1 =:= 1 -> odd; (X) when (X bsr 1) bor 0 > 1 -> big_even; (_) -> small_even end,
    ?assertEqual([odd, big_even, small_even], [F(3), F(8), F(2)]),
    G = fun(X) when bnot X =:= -1 -> zero; (_) -> nonzero end,
    ?assertEqual([zero, nonzero], [G(0), G(5)]).

badarith_in_guard_fails_test() ->
    F = fun(X) when X + 1 > 0 -> pos; (_) -> other end,
    ?assertEqual(pos, F(1)),
    ?assertEqual(other, F(atom)).

division_by_zero_in_guard_test() ->
    F = fun(X) when 10 div X > 1 -> yes; (_) -> no end,
    ?assertEqual(yes, F(2)),
    ?assertEqual(no, F(0)).

semicolon_guard_exception_continues_test() ->
    %% An exception in the first guard of a `;` sequence only fails that
    %% guard; the next one is still tried.
    F = fun(X) when element(1, X) =:= a; is_atom(X) -> yes; (_) -> no end,
    ?assertEqual(yes, F({a})),
    ?assertEqual(yes, F(foo)),
    ?assertEqual(no, F(1)).

comma_guard_all_must_hold_test() ->
    F = fun(X) when is_integer(X), X > 0, X < 10 -> ok; (_) -> no end,
    ?assertEqual([ok, no, no, no], [F(5), F(0), F(10), F(5.0)]).

orelse_guard_exception_fails_whole_test() ->
    %% With orelse, an exception in the left operand makes the whole guard
    %% fail (unlike `;`).
    F = fun(X) when element(1, X) =:= a orelse is_atom(X) -> yes; (_) -> no end,
    ?assertEqual(yes, F({a})),
    ?assertEqual(no, F(foo)).

andalso_guard_test() ->
    F = fun(X) when is_list(X) andalso length(X) > 1 -> long; (_) -> other end,
    ?assertEqual(long, F([1, 2])),
    ?assertEqual(other, F(atom)),
    ?assertEqual(other, F([1])).

boolean_operators_in_guard_test() ->
    F = fun(X, Y) when X and Y -> both; (X, Y) when X or Y -> one; (X, Y) when X xor Y -> never; (_, _) -> none end,
    ?assertEqual([both, one, one, none], [F(true, true), F(true, false), F(false, true), F(false, false)]).

not_in_guard_test() ->
    F = fun(X) when not is_atom(X) -> notatom; (_) -> atom end,
    ?assertEqual([notatom, atom], [F(1), F(a)]).

non_boolean_guard_result_fails_test() ->
    %% A guard expression evaluating to a non-boolean simply fails.
    F = fun(X) when X -> yes; (_) -> no end,
    ?assertEqual(yes, F(true)),
    ?assertEqual(no, F(1)),
    ?assertEqual(no, F(false)).

and_with_non_boolean_fails_guard_test() ->
    F = fun(X) when X and true -> yes; (_) -> no end,
    ?assertEqual(yes, F(true)),
    ?assertEqual(no, F(1)).

guard_true_literal_test() ->
    F = fun(_) when true -> always end,
    ?assertEqual(always, F(x)).

comparison_guards_test() ->
    F = fun(X, Y) when X == Y -> eq; (X, Y) when X < Y -> lt; (_, _) -> gt end,
    ?assertEqual([eq, eq, lt, gt], [F(1, 1.0), F(a, a), F(1, a), F(b, a)]).

exact_equality_guard_test() ->
    F = fun(X) when X =:= 1 -> exact; (X) when X == 1 -> numeric; (_) -> other end,
    ?assertEqual([exact, numeric, other], [F(1), F(1.0), F(2)]).

tuple_size_of_record_guard_test() ->
    F = fun(R) when tuple_size(R) =:= 3, element(1, R) =:= r -> rec; (_) -> other end,
    ?assertEqual(rec, F(#r{a = 1})).

record_field_in_guard_test() ->
    F = fun(R) when R#r.a > 5 -> big_a; (_) -> other end,
    ?assertEqual(big_a, F(#r{a = 10})),
    ?assertEqual(other, F(#r{a = 1})),
    %% record access on a non-record in a guard just fails the guard
    ?assertEqual(other, F({x, 10, 10})).

if_guard_sequence_test() ->
    F = fun(X) -> if is_integer(X), X > 100; X =:= big -> big; true -> small end end,
    ?assertEqual([big, big, small], [F(200), F(big), F(5)]).

guard_in_case_test() ->
    F = fun(X) -> case X of {N} when N > 0 -> pos; {_} -> nonpos; _ -> bad end end,
    ?assertEqual([pos, nonpos, bad], [F({1}), F({0}), F(1)]).

guard_in_receive_test() ->
    Tag = make_ref(),
    self() ! {Tag, 1},
    self() ! {Tag, 20},
    R = receive {Tag, N} when N > 10 -> N after 0 -> none end,
    R2 = receive {Tag, M} -> M after 0 -> none end,
    ?assertEqual({20, 1}, {R, R2}).

guard_uses_bound_variables_test() ->
    Limit = 3,
    F = fun(X) when X > Limit -> above; (_) -> below end,
    ?assertEqual([above, below], [F(4), F(3)]).

is_function_bad_arity_in_guard_test() ->
    F = fun(X) when is_function(X, -1) -> neg; (_) -> no end,
    ?assertEqual(no, F(fun() -> ok end)).

is_port_guard_test() ->
    ?assertEqual(port, type_of(hd(erlang:ports()))),
    F = fun(X) when is_port(X) -> yes; (_) -> no end,
    ?assertEqual(no, F(self())).

node_1_guard_on_ref_test() ->
    F = fun(R) when node(R) =:= node() -> local; (_) -> other end,
    ?assertEqual(local, F(make_ref())),
    ?assertEqual(other, F(not_a_ref)).

self_0_guard_comparison_test() ->
    F = fun(P) when P =/= self() -> other; (_) -> me end,
    ?assertEqual(me, F(self())).

tl_guard_on_improper_list_test() ->
    F = fun(L) when tl(L) =:= b -> improper; (_) -> other end,
    ?assertEqual(improper, F([a | b])),
    ?assertEqual(other, F([a, b])).

abs_of_float_guard_test() ->
    F = fun(X) when abs(X) =:= 2.5 -> yes; (_) -> no end,
    ?assertEqual([yes, yes, no], [F(-2.5), F(2.5), F(2)]).

float_division_in_guard_test() ->
    F = fun(X) when X / 2 > 1 -> big; (_) -> small end,
    ?assertEqual([big, small, small], [F(3), F(2), F(0)]),
    ?assertEqual(small, F(atom)).

unary_minus_in_guard_test() ->
    F = fun(X) when -X > 0 -> negative; (_) -> nonneg end,
    ?assertEqual([negative, nonneg], [F(-1), F(1)]).

is_record_guard_with_non_atom_tag_test() ->
    F = fun(X) when is_record(X, r) -> rec; (_) -> other end,
    ?assertEqual(other, F({"r", 1, 2})).

trunc_of_integer_guard_test() ->
    F = fun(X) when trunc(X) =:= 3 -> three; (_) -> other end,
    ?assertEqual([three, three, other], [F(3), F(3.9), F(-3.5)]).
