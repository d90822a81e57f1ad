-module(stacktrace_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the shape of stacktraces produced by OTP 25: which frame is
%% on top and whether it carries the arguments or the arity. Line numbers
%% are never asserted exactly.

-export([exported_clause/1]).

id(X) -> X.

local_clause(a) -> ok.
exported_clause(a) -> ok.
two_args(x, y) -> ok.

st(F) ->
    try F() of
        V -> {no_exception, V}
    catch C:R:S -> {C, R, S}
    end.

top(F) ->
    {_, _, [Top | _]} = st(F),
    Top.

is_frame({M, F, AorArgs, Info}) ->
    is_atom(M) andalso is_atom(F) andalso
        (is_integer(AorArgs) orelse is_list(AorArgs)) andalso is_list(Info);
is_frame(_) -> false.

all_frames_well_formed_test() ->
    {error, badarith, S} = st(fun() -> id(1) + id(a) end),
    ?assert(is_list(S)),
    ?assert(length(S) >= 1),
    ?assert(lists:all(fun is_frame/1, S)).

function_clause_top_frame_has_args_test() ->
    {M, F, Args, _} = top(fun() -> local_clause(id(b)) end),
    ?assertEqual({?MODULE, local_clause, [b]}, {M, F, Args}).

function_clause_exported_top_frame_test() ->
    {M, F, Args, _} = top(fun() -> ?MODULE:exported_clause(id(zz)) end),
    ?assertEqual({?MODULE, exported_clause, [zz]}, {M, F, Args}).

function_clause_two_args_test() ->
    {_, _, Args, _} = top(fun() -> two_args(id(1), id(2)) end),
    ?assertEqual([1, 2], Args).

function_clause_in_library_top_frame_test() ->
    {M, F, Args, _} = top(fun() -> lists:nth(id(0), [a]) end),
    ?assertEqual({lists, nth, [0, [a]]}, {M, F, Args}).

bif_badarg_top_frame_test() ->
    {M, F, Args, Info} = top(fun() -> atom_to_list(id("x")) end),
    ?assertEqual({erlang, atom_to_list, ["x"]}, {M, F, Args}),
    ?assertMatch(#{module := erl_erts_errors}, proplists:get_value(error_info, Info)).

operator_badarith_top_frame_test() ->
    {M, F, Args, _} = top(fun() -> id(1) + id(a) end),
    ?assertEqual({erlang, '+', [1, a]}, {M, F, Args}).

div_badarith_top_frame_test() ->
    {M, F, Args, _} = top(fun() -> id(7) div id(0) end),
    ?assertEqual({erlang, 'div', [7, 0]}, {M, F, Args}).

undef_top_frame_test() ->
    {M, F, Args, Info} = top(fun() -> (id(no_such_mod_st)):f(1) end),
    ?assertEqual({no_such_mod_st, f, [1]}, {M, F, Args}),
    ?assertEqual([], Info).

error_2_top_frame_has_args_test() ->
    {M, _F, Args, _} = top(fun() -> erlang:error(r, [p, q]) end),
    ?assertEqual(?MODULE, M),
    ?assertEqual([p, q], Args).

error_1_top_frame_has_arity_test() ->
    {M, _F, A, _} = top(fun() -> erlang:error(r) end),
    ?assertEqual(?MODULE, M),
    ?assert(is_integer(A)).

throw_has_stacktrace_test() ->
    {throw, t, S} = st(fun() -> throw(t) end),
    ?assert(is_list(S)),
    ?assert(lists:all(fun is_frame/1, S)).

exit_has_stacktrace_test() ->
    {exit, e, S} = st(fun() -> exit(e) end),
    ?assert(is_list(S)).

badmatch_frame_is_current_function_test() ->
    {M, F, A, Info} = top(fun() -> 1 = id(2) end),
    ?assertEqual(?MODULE, M),
    ?assert(is_atom(F)),
    ?assertEqual(0, A),
    ?assert(is_integer(proplists:get_value(line, Info))).

frame_info_file_is_string_test() ->
    {_, _, _, Info} = top(fun() -> 1 = id(2) end),
    File = proplists:get_value(file, Info),
    ?assert(is_list(File)),
    ?assert(lists:suffix("stacktrace_tests.erl", File)).

fun_clause_top_frame_test() ->
    G = fun(only) -> ok end,
    {M, F, Args, _} = top(fun() -> G(id(other)) end),
    ?assertEqual(?MODULE, M),
    ?assert(is_atom(F)),
    ?assertEqual([other], Args).

fun_name_mentions_enclosing_function_test() ->
    G = fun(only) -> ok end,
    {_, F, _, _} = top(fun() -> G(id(other)) end),
    ?assertMatch("-fun_name_mentions_enclosing_function_test/0-fun-" ++ _, atom_to_list(F)).

catch_expr_includes_stack_test() ->
    {'EXIT', {function_clause, [{?MODULE, local_clause, [q], _} | _]}} = (catch local_clause(id(q))),
    ok.

case_clause_frame_test() ->
    {error, {case_clause, 9}, [{M, _, A, _} | _]} = st(fun() -> case id(9) of 1 -> a end end),
    ?assertEqual(?MODULE, M),
    ?assert(is_integer(A)).

raise_uses_given_stacktrace_test() ->
    Given = [{m, f, 3, [{file, "m.erl"}, {line, 10}]}, {m, g, [a], []}],
    ?assertEqual({error, r, Given}, st(fun() -> erlang:raise(error, r, Given) end)).

get_stacktrace_removed_test() ->
    %% erlang:get_stacktrace/0 was removed in OTP 23 (it is gone in OTP 25)
    ?assertError(undef, apply(erlang, id(get_stacktrace), [])).

process_info_current_stacktrace_test() ->
    {current_stacktrace, S} = process_info(self(), current_stacktrace),
    ?assert(is_list(S)),
    ?assert(lists:all(fun is_frame/1, S)).

stacktrace_depth_limit_test() ->
    %% the default backtrace depth is 8 frames: a trace never has more
    %% (how many it has depends on the caller's own stack depth)
    {error, deep, S} = st(fun() -> deep(20) end),
    ?assert(length(S) =< 8),
    ?assertMatch([{?MODULE, deep, 1, _} | _], S).

deep(0) -> erlang:error(deep);
deep(N) -> [deep(N - 1)].
