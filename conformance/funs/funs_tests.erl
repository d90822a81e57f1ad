-module(funs_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: funs, closures, named funs, fun M:F/A, apply and dynamic
%% calls (OTP 25).

-export([exported_double/1, exported_add/2, exported_zero/0]).

id(X) -> X.

exported_double(X) -> X * 2.
exported_add(A, B) -> A + B.
exported_zero() -> zero.

local_triple(X) -> X * 3.

simple_fun_test() ->
    F = fun(X) -> X + 1 end,
    ?assertEqual(2, F(1)).

zero_arity_fun_test() ->
    F = fun() -> done end,
    ?assertEqual(done, F()).

multi_clause_fun_test() ->
    F = fun(0) -> zero; (N) when N > 0 -> pos; (_) -> neg end,
    ?assertEqual([zero, pos, neg], [F(0), F(5), F(-5)]).

closure_captures_value_test() ->
    N = 10,
    F = fun(X) -> X + N end,
    ?assertEqual(15, F(5)).

closure_captures_at_creation_test() ->
    Fs = [fun() -> I end || I <- [1, 2, 3]],
    ?assertEqual([1, 2, 3], [F() || F <- Fs]).

closure_returning_closure_test() ->
    Adder = fun(N) -> fun(X) -> X + N end end,
    Add5 = Adder(5),
    ?assertEqual(8, Add5(3)),
    ?assertEqual(13, (Adder(10))(3)).

curried_call_test() ->
    F = fun(A) -> fun(B) -> fun(C) -> [A, B, C] end end end,
    ?assertEqual([1, 2, 3], ((F(1))(2))(3)).

named_fun_recursion_test() ->
    Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    ?assertEqual(120, Fact(5)),
    ?assertEqual(2432902008176640000, Fact(20)).

named_fun_self_reference_test() ->
    F = fun Me(list) -> Me; Me(X) -> X end,
    G = F(list),
    ?assertEqual(ok, G(ok)),
    ?assert(is_function(G, 1)).

named_fun_fib_test() ->
    Fib = fun Fib(0) -> 0; Fib(1) -> 1; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    ?assertEqual(55, Fib(10)).

fun_local_reference_test() ->
    F = fun local_triple/1,
    ?assertEqual(9, F(3)).

fun_remote_reference_test() ->
    F = fun lists:reverse/1,
    ?assertEqual([3, 2, 1], F([1, 2, 3])),
    G = fun ?MODULE:exported_double/1,
    ?assertEqual(8, G(4)).

fun_mfa_with_variables_test() ->
    M = lists,
    Fn = reverse,
    A = 1,
    F = fun M:Fn/A,
    ?assertEqual([b, a], F([a, b])).

fun_mfa_variables_undef_test() ->
    M = id(no_such_mod_abc),
    F = fun M:foo/0,
    ?assert(is_function(F, 0)),
    ?assertError(undef, F()).

fun_info_arity_test() ->
    ?assertEqual({arity, 2}, erlang:fun_info(fun(_, _) -> ok end, arity)),
    ?assertEqual({arity, 0}, erlang:fun_info(fun() -> ok end, arity)),
    ?assertEqual({arity, 1}, erlang:fun_info(fun lists:reverse/1, arity)).

fun_info_module_test() ->
    ?assertEqual({module, ?MODULE}, erlang:fun_info(fun(_) -> ok end, module)),
    ?assertEqual({module, lists}, erlang:fun_info(fun lists:reverse/1, module)).

fun_info_name_remote_test() ->
    ?assertEqual({name, reverse}, erlang:fun_info(fun lists:reverse/1, name)),
    ?assertEqual({type, external}, erlang:fun_info(fun lists:reverse/1, type)).

fun_info_type_local_test() ->
    ?assertEqual({type, local}, erlang:fun_info(fun(X) -> X end, type)).

fun_info_env_test() ->
    ?assertEqual({env, []}, erlang:fun_info(fun lists:reverse/1, env)).

fun_info_list_test() ->
    Info = erlang:fun_info(fun(X, Y) -> {X, Y} end),
    ?assertEqual(2, proplists:get_value(arity, Info)),
    ?assertEqual(?MODULE, proplists:get_value(module, Info)).

is_function_test() ->
    ?assert(is_function(fun() -> ok end)),
    ?assert(is_function(fun(_) -> ok end, 1)),
    ?assertNot(is_function(fun(_) -> ok end, 2)),
    ?assertNot(is_function({lists, reverse})).

apply_2_test() ->
    ?assertEqual(3, apply(fun(A, B) -> A + B end, [1, 2])),
    ?assertEqual(ok, apply(fun() -> ok end, [])).

apply_3_test() ->
    ?assertEqual([3, 2, 1], apply(lists, reverse, [[1, 2, 3]])),
    ?assertEqual(10, apply(?MODULE, exported_double, [5])),
    ?assertEqual(6, erlang:apply(erlang, '+', [2, 4])).

apply_undef_test() ->
    ?assertError(undef, apply(id(lists), no_such_fn, [])),
    ?assertError(undef, apply(?MODULE, local_triple, [1])).

apply_badarity_test() ->
    F = fun(X) -> X end,
    ?assertError({badarity, {F, []}}, apply(F, id([]))).

apply_badfun_test() ->
    ?assertError({badfun, foo}, apply(id(foo), [])).

apply_bad_args_list_test() ->
    ?assertError(badarg, apply(lists, reverse, id(not_a_list))).

dynamic_call_test() ->
    M = id(lists),
    F = id(reverse),
    ?assertEqual([2, 1], M:F([1, 2])).

dynamic_call_module_var_only_test() ->
    M = id(?MODULE),
    ?assertEqual(14, M:exported_double(7)),
    ?assertEqual(zero, M:exported_zero()).

dynamic_call_function_var_only_test() ->
    F = id(exported_add),
    ?assertEqual(5, ?MODULE:F(2, 3)).

dynamic_call_undef_test() ->
    M = id(?MODULE),
    ?assertError(undef, M:local_triple(1)),
    ?assertError(undef, M:exported_double(1, 2)).

badarity_test() ->
    F = fun(X, Y) -> {X, Y} end,
    ?assertError({badarity, {F, [1]}}, (id(F))(1)).

badfun_test() ->
    ?assertError({badfun, {lists, reverse}}, (id({lists, reverse}))([])),
    ?assertError({badfun, "f"}, (id("f"))()).

fun_equality_test() ->
    ?assert(fun lists:reverse/1 =:= fun lists:reverse/1),
    ?assert(fun local_triple/1 =:= fun local_triple/1),
    ?assertNot(fun lists:reverse/1 =:= fun lists:sort/1).

fun_passed_to_lists_test() ->
    ?assertEqual([2, 4, 6], lists:map(fun exported_double/1, [1, 2, 3])),
    ?assertEqual(6, lists:foldl(fun erlang:'+'/2, 0, [1, 2, 3])).

operator_as_fun_test() ->
    Mul = fun erlang:'*'/2,
    ?assertEqual(12, Mul(3, 4)),
    ?assertEqual(true, (fun erlang:'=:='/2)(a, a)).

bif_as_fun_test() ->
    L = fun erlang:length/1,
    ?assertEqual(3, L([a, b, c])),
    T = fun erlang:tuple_size/1,
    ?assertEqual(2, T({a, b})).

fun_in_data_structure_test() ->
    Ops = #{add => fun(A, B) -> A + B end, sub => fun(A, B) -> A - B end},
    ?assertEqual(7, (maps:get(add, Ops))(3, 4)),
    ?assertEqual(-1, (maps:get(sub, Ops))(3, 4)).

fun_shadowing_warning_semantics_test() ->
    X = outer,
    F = fun(X) -> X end,
    ?assertEqual(inner, F(inner)),
    ?assertEqual(outer, X).

fun_closure_over_fun_test() ->
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    H = Compose(fun(X) -> X + 1 end, fun(X) -> X * 2 end),
    ?assertEqual(11, H(5)).

fun_recursion_via_argument_test() ->
    Loop = fun(_Self, 0, Acc) -> Acc; (Self, N, Acc) -> Self(Self, N - 1, Acc + N) end,
    ?assertEqual(5050, Loop(Loop, 100, 0)).

fun_variables_in_guards_of_fun_test() ->
    Min = 3,
    F = fun(X) when X >= Min -> ok; (_) -> too_small end,
    ?assertEqual([too_small, ok], [F(2), F(3)]).

fun_to_list_prefix_test() ->
    S = erlang:fun_to_list(fun lists:reverse/1),
    ?assertEqual("fun lists:reverse/1", S).

fun_format_external_test() ->
    ?assertEqual("fun lists:reverse/1", lists:flatten(io_lib:format("~p", [fun lists:reverse/1]))),
    ?assertEqual("fun lists:reverse/1", lists:flatten(io_lib:format("~w", [fun lists:reverse/1]))).

fun_term_to_binary_roundtrip_external_test() ->
    F = fun lists:reverse/1,
    G = binary_to_term(term_to_binary(F)),
    ?assertEqual([2, 1], G([1, 2])),
    ?assert(F =:= G).

fun_arity_ten_test() ->
    F = fun(A, B, C, D, E, F0, G, H, I, J) -> A + B + C + D + E + F0 + G + H + I + J end,
    ?assertEqual(55, F(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    ?assertEqual({arity, 10}, erlang:fun_info(F, arity)).

spawn_fun_test() ->
    Parent = self(),
    V = 42,
    spawn(fun() -> Parent ! {from_child, V} end),
    R = receive {from_child, X} -> X after 5000 -> timeout end,
    ?assertEqual(42, R).

erlang_apply_fun_with_closure_test() ->
    N = 100,
    ?assertEqual(101, erlang:apply(fun(X) -> X + N end, [1])).

fun_in_list_comprehension_filter_test() ->
    IsEven = fun(X) -> X rem 2 =:= 0 end,
    ?assertEqual([2, 4], [X || X <- [1, 2, 3, 4], IsEven(X)]).

%% ---- more fun details ---------------------------------------------------

make_closure(X) -> fun() -> X end.

closures_same_code_same_env_equal_test() ->
    ?assert(make_closure(1) =:= make_closure(1)),
    ?assertNot(make_closure(1) =:= make_closure(2)).

closures_different_code_not_equal_test() ->
    F1 = fun() -> a end,
    F2 = fun() -> a end,
    ?assertNot(F1 =:= F2).

fun_info_env_of_closure_test() ->
    {env, Env} = erlang:fun_info(make_closure(secret), env),
    ?assert(lists:member(secret, Env)).

fun_info_arity_named_fun_test() ->
    F = fun Loop(0, Acc) -> Acc; Loop(N, Acc) -> Loop(N - 1, Acc + 1) end,
    ?assertEqual({arity, 2}, erlang:fun_info(F, arity)),
    ?assertEqual(5, F(5, 0)).

fun_with_guard_sequence_test() ->
    F = fun(X) when is_atom(X); is_binary(X) -> name; (_) -> other end,
    ?assertEqual([name, name, other], [F(a), F(<<"b">>), F(1)]).

fun_clause_error_test() ->
    F = fun(a) -> ok end,
    ?assertError(function_clause, F(id(b))).

apply_with_module_as_variable_and_arity_0_test() ->
    M = id(erlang),
    ?assertEqual(self(), M:self()),
    ?assertEqual(self(), apply(M, self, [])).

external_fun_to_non_exported_is_undef_test() ->
    F = fun ?MODULE:local_triple/1,
    ?assertError(undef, F(1)).

fun_as_map_key_test() ->
    F = fun lists:sort/1,
    M = #{F => sorter},
    ?assertEqual(sorter, maps:get(fun lists:sort/1, M)).

fun_returning_multiple_values_via_tuple_test() ->
    DivMod = fun(A, B) -> {A div B, A rem B} end,
    ?assertEqual({3, 1}, DivMod(10, 3)).

deeply_nested_closures_test() ->
    F = fun(A) -> fun(B) -> fun(C) -> fun(D) -> A + B + C + D end end end end,
    ?assertEqual(10, ((((F(1))(2))(3))(4))).

fun_captures_large_env_test() ->
    L = lists:seq(1, 1000),
    M = maps:from_list([{X, X} || X <- L]),
    F = fun() -> {length(L), map_size(M)} end,
    ?assertEqual({1000, 1000}, F()).

is_function_with_external_fun_test() ->
    ?assert(is_function(fun lists:nonexistent_fn/3, 3)),
    ?assertNot(is_function(fun lists:nonexistent_fn/3, 2)).
