-module(outer_var_patterns_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: patterns that *use* variables bound outside them, in the
%% places where other pattern variables would be new (shadowing) ones:
%% fun heads and comprehension generator patterns (erl_lint, OTP 25). A
%% binary segment size and a map key are expressions evaluated with the
%% enclosing bindings; a segment value or map value variable is new.

%% A variable bound outside is a binary segment size in a fun head.
outer_var_as_binary_size_in_fun_head_test() ->
    L = id(8),
    F = fun(<<X:L>>) -> X; (_) -> nomatch end,
    ?assertEqual([5, nomatch], [F(<<5>>), F(<<5:16>>)]).

%% Outer size, shadowed value: in `<<L:L>>` the size is the outer L and
%% the segment binds a new L.
outer_size_shadowed_value_test() ->
    L = id(8),
    F = fun(<<L:L>>) -> L end,
    ?assertEqual(5, F(<<5>>)),
    ?assertEqual(8, L).

%% A variable bound outside is a map key in a fun head.
outer_var_as_map_key_in_fun_head_test() ->
    K = id(a),
    F = fun(#{K := V}) -> V; (_) -> nokey end,
    ?assertEqual([1, nokey], [F(#{a => 1, b => 2}), F(#{b => 2})]).

%% Outer variable as a binary size in a binary generator pattern.
outer_var_as_size_in_binary_generator_test() ->
    L = id(4),
    Bin = id(<<16#12, 16#34>>),
    ?assertEqual([1, 2, 3, 4], [X || <<X:L>> <= Bin]).

%% ... and in a list generator's binary pattern.
outer_var_as_size_in_list_generator_test() ->
    L = id(8),
    ?assertEqual([1, 3], [X || <<X:L>> <- [<<1>>, <<2:16>>, <<3>>]]).

%% Outer variable as a map key in a generator pattern; maps without the key
%% are skipped.
outer_var_as_map_key_in_generator_test() ->
    K = id(k),
    Maps = [#{k => 1}, #{j => 2}, #{k => 3, j => 4}],
    ?assertEqual([1, 3], [V || #{K := V} <- Maps]).

%% A later generator's size uses a variable bound (shadowing) by an earlier
%% generator.
shadowed_generator_var_as_later_size_test() ->
    L = id(1),
    R = [X || <<L:8>> <= id(<<4>>), <<X:L>> <= id(<<16#A5>>)],
    ?assertEqual({[16#A, 16#5], 1}, {R, L}).

%% Several clauses of a fun, each using the outer size.
outer_size_in_several_fun_clauses_test() ->
    L = id(16),
    F = fun(<<X:L>>) -> {one, X};
           (<<X:L, Y:L>>) -> {two, X, Y};
           (_) -> other
        end,
    ?assertEqual([{one, 258}, {two, 1, 2}, other],
                 [F(<<1, 2>>), F(<<0, 1, 0, 2>>), F(<<1>>)]).

%% An outer variable in a size expression (not just a variable).
outer_var_in_size_expression_in_fun_head_test() ->
    N = id(2),
    F = fun(<<X:(N * 8), _/binary>>) -> X end,
    ?assertEqual(16#6162, F(<<"abc">>)).

%% A nested fun's head uses a size bound by the enclosing fun's head.
nested_fun_head_uses_enclosing_param_as_size_test() ->
    F = fun(N) -> fun(<<X:N, _/bits>>) -> X end end,
    G = F(4),
    ?assertEqual(16#A, G(<<16#AB>>)).

%% A fun head uses an outer map key and an outer size together.
outer_key_and_size_in_one_head_test() ->
    K = id(data),
    L = id(8),
    F = fun(#{K := <<X:L, _/binary>>}) -> X; (_) -> none end,
    ?assertEqual([7, none], [F(#{data => <<7, 8>>}), F(#{other => <<7>>})]).

%% Outer variables as sizes in a binary comprehension's generator.
outer_size_in_binary_comprehension_test() ->
    L = id(4),
    ?assertEqual(<<1, 2, 3, 4>>, << <<X>> || <<X:L>> <= id(<<16#12, 16#34>>) >>).

%% The same patterns in case clauses (where no shadowing happens either).
outer_size_and_key_in_case_test() ->
    L = id(8),
    K = id(a),
    F = fun(T) -> case T of <<X:L>> -> {bin, X}; #{K := V} -> {map, V}; _ -> other end end,
    ?assertEqual([{bin, 5}, {map, 1}, other], [F(<<5>>), F(#{a => 1}), F(#{b => 1})]).

id(X) -> X.
