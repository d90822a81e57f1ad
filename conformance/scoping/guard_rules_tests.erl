-module(guard_rules_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: guards as erl_lint (OTP 25) accepts them (the old type
%% tests are in old_guards_tests): guard BIFs, `;`/`,` sequences,
%% andalso/orelse, and/or/xor, guards that raise (the guard fails, the
%% clause is skipped), is_record/2,3 and is_function/2.

-record(r, {a, b}).
-record(s, {x}).

guard_bifs(X) when abs(X) > 10 -> {big, abs(X)};
guard_bifs(X) -> {small, X}.

guard_bif_abs_test() ->
    ?assertEqual([{big, 11}, {big, 12}, {small, 3}],
                 [guard_bifs(-11), guard_bifs(12), guard_bifs(3)]).

guard_bif_element_size_test() ->
    F = fun(T) when element(1, T) =:= tag, tuple_size(T) > 1 -> element(2, T);
           (B) when byte_size(B) =:= 2 -> two_bytes;
           (B) when bit_size(B) =:= 3 -> three_bits;
           (_) -> other
        end,
    ?assertEqual([v, other, two_bytes, three_bits, other],
                 [F({tag, v}), F({tag}), F(<<1, 2>>), F(<<1:3>>), F(foo)]).

guard_bif_maps_test() ->
    F = fun(M) when is_map_key(k, M), map_get(k, M) > 0 -> positive;
           (M) when is_map(M), map_size(M) =:= 0 -> empty;
           (_) -> other
        end,
    ?assertEqual([positive, other, empty, other],
                 [F(#{k => 1}), F(#{k => 0}), F(#{}), F(not_a_map)]).

guard_bif_node_self_test() ->
    Me = self(),
    F = fun(P) when P =:= self(), node(P) =:= node() -> me; (_) -> other end,
    ?assertEqual([me, other], [F(Me), F(spawn(fun() -> ok end))]).

guard_bif_misc_test() ->
    F = fun(X) when hd(X) =:= 1, length(tl(X)) =:= 2 -> a;
           (X) when is_list(X), round(hd(X)) =:= 2 -> b;
           (X) when trunc(X) =:= 3, is_float(X) -> c;
           (X) when is_integer(X), X rem 2 =:= 0, X div 2 > 2 -> d;
           (_) -> other
        end,
    ?assertEqual([a, b, c, d, other], [F([1, x, y]), F([1.6]), F(3.7), F(8), F(4)]).

%% `;` is an alternative: a raise in one guard only fails that guard.
semicolon_raise_falls_through_test() ->
    F = fun(X) when element(1, X) =:= a; is_atom(X) -> yes; (_) -> no end,
    ?assertEqual([yes, yes, no], [F({a}), F(atom), F({b})]).

%% `,` is a conjunction: a raise anywhere fails the whole guard silently.
comma_raise_fails_silently_test() ->
    F = fun(X) when is_integer(X), 10 div X > 1 -> small_positive; (_) -> other end,
    ?assertEqual([small_positive, other, other], [F(2), F(0), F(a)]).

%% Inside an andalso/orelse the raise fails the whole guard (not just
%% the operand).
orelse_raise_fails_whole_guard_test() ->
    F = fun(X) when element(1, X) =:= a orelse is_atom(X) -> yes; (_) -> no end,
    ?assertEqual([yes, no, no], [F({a}), F(atom), F({b})]).

%% A raise in the guard of a case/if skips to the next clause.
raising_guard_in_case_and_if_test() ->
    C = fun(X) -> case X of _ when length(X) > 0 -> nonempty; _ -> other end end,
    I = fun(X) -> if hd(X) =:= 1 -> one; true -> other end end,
    ?assertEqual([nonempty, other, other], [C([1]), C(improper), C(#{})]),
    ?assertEqual([one, other, other], [I([1]), I([]), I(x)]).

andalso_orelse_guards_test() ->
    F = fun(X) when is_integer(X) andalso (X > 100 orelse X < -100) -> big;
           (X) when not is_integer(X) andalso not is_float(X) -> not_number;
           (_) -> small
        end,
    ?assertEqual([big, big, small, not_number], [F(101), F(-101), F(5), F(a)]).

%% Boolean operators in guards, and the non-short-circuit `and`/`or`.
boolean_operators_in_guards_test() ->
    F = fun(X, Y) when X and Y -> both;
           (X, Y) when X or Y -> one;
           (X, Y) when X xor Y -> never;
           (_, _) -> none
        end,
    ?assertEqual([both, one, one, none], [F(true, true), F(true, false), F(false, true), F(false, false)]).

%% A guard that evaluates to a non-boolean fails.
non_boolean_guard_fails_test() ->
    F = fun(X) when X -> yes; (_) -> no end,
    ?assertEqual([yes, no, no], [F(true), F(false), F(1)]).

is_record_2_3_test() ->
    F = fun(X) when is_record(X, r) -> r2;
           (X) when is_record(X, s, 2) -> s3;
           (_) -> no
        end,
    ?assertEqual([r2, s3, no, no], [F(#r{}), F(#s{}), F({s, 1, 2}), F({r, 1})]).

is_function_2_test() ->
    F = fun(G) when is_function(G, 0) -> zero;
           (G) when is_function(G, 2) -> two;
           (G) when is_function(G) -> other_arity;
           (_) -> not_fun
        end,
    ?assertEqual([zero, two, other_arity, not_fun],
                 [F(fun() -> ok end), F(fun lists:map/2), F(fun(_) -> ok end), F(x)]).

