-module(exceptions_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: exception classes, error reasons, catch/try semantics of OTP 25.

-record(r, {a}).

id(X) -> X.

only_one(1) -> one.

log(X) -> put(log, [X | get_log()]).
get_log() -> case get(log) of undefined -> []; L -> L end.
take_log() -> L = lists:reverse(get_log()), erase(log), L.

%% ---- error reasons -------------------------------------------------------

badarith_reason_test() ->
    ?assertError(badarith, id(1) + id(a)).

badmatch_reason_test() ->
    ?assertError({badmatch, 2}, begin 1 = id(2) end),
    ?assertError({badmatch, {x, y}}, begin {_} = id({x, y}) end).

function_clause_reason_test() ->
    ?assertError(function_clause, only_one(id(2))).

case_clause_reason_test() ->
    ?assertError({case_clause, foo}, case id(foo) of bar -> ok end).

if_clause_reason_test() ->
    X = id(1),
    ?assertError(if_clause, if X > 2 -> ok end).

try_clause_reason_test() ->
    ?assertError({try_clause, 3}, try id(3) of 1 -> one catch _:_ -> caught end).

undef_reason_test() ->
    ?assertError(undef, (id(no_such_module_xyz)):f()),
    ?assertError(undef, lists:(id(no_such_function_xyz))()).

badarg_reason_test() ->
    ?assertError(badarg, atom_to_list(id("notatom"))),
    ?assertError(badarg, element(id(5), {a})),
    ?assertError(badarg, hd(id([]))).

badarity_reason_test() ->
    F = fun(X) -> X end,
    ?assertError({badarity, {F, [1, 2]}}, (id(F))(1, 2)).

badfun_reason_test() ->
    ?assertError({badfun, 42}, (id(42))()),
    ?assertError({badfun, not_a_fun}, (id(not_a_fun))(1)).

badkey_reason_test() ->
    M = #{a => 1},
    ?assertError({badkey, b}, (id(M))#{b := 2}),
    ?assertError({badkey, b}, maps:get(b, id(M))).

badmap_reason_test() ->
    ?assertError({badmap, [a]}, (id([a]))#{a => 1}),
    ?assertError({badmap, not_a_map}, maps:get(a, id(not_a_map))).

badrecord_reason_test() ->
    %% OTP 25: the reason carries the offending term, not the record name
    ?assertError({badrecord, {other, 1}}, (id({other, 1}))#r.a),
    ?assertError({badrecord, not_a_tuple}, (id(not_a_tuple))#r{a = 2}).

system_limit_reason_test() ->
    ?assertError(system_limit, list_to_atom(lists:duplicate(256, $a))).

%% ---- catch Expr -----------------------------------------------------------

catch_value_test() ->
    ?assertEqual(3, catch id(1) + 2).

catch_throw_test() ->
    ?assertEqual(thrown, catch throw(thrown)),
    ?assertEqual({a, b}, catch throw({a, b})).

catch_exit_test() ->
    ?assertEqual({'EXIT', my_reason}, catch exit(my_reason)).

catch_error_test() ->
    R = (catch id(1) + id(a)),
    ?assertMatch({'EXIT', {badarith, [_ | _]}}, R).

catch_error_stacktrace_shape_test() ->
    {'EXIT', {badarg, Stack}} = (catch list_to_atom(id(1))),
    ?assert(is_list(Stack)),
    [{M, F, A, Info} | _] = Stack,
    ?assert(is_atom(M)),
    ?assert(is_atom(F)),
    ?assert(is_integer(A) orelse is_list(A)),
    ?assert(is_list(Info)).

catch_badmatch_test() ->
    ?assertMatch({'EXIT', {{badmatch, 2}, _}}, catch begin 1 = id(2) end).

catch_undef_stack_head_test() ->
    {'EXIT', {undef, [Top | _]}} = (catch (id(nonexistent_mod_q)):foo(1, 2)),
    ?assertEqual({nonexistent_mod_q, foo, [1, 2], []}, Top).

catch_error_with_args_stack_head_test() ->
    {'EXIT', {myerr, [{?MODULE, Fun, Args, _} | _]}} =
        (catch erlang:error(myerr, [x, y])),
    ?assert(is_atom(Fun)),
    ?assertEqual([x, y], Args).

catch_precedence_test() ->
    X = (catch 1 + 1),
    ?assertEqual(2, X).

%% ---- try / catch -------------------------------------------------------

try_catch_classes_test() ->
    F = fun(Thunk) -> try Thunk() catch C:R -> {C, R} end end,
    ?assertEqual({throw, t}, F(fun() -> throw(t) end)),
    ?assertEqual({exit, e}, F(fun() -> exit(e) end)),
    ?assertEqual({error, r}, F(fun() -> erlang:error(r) end)).

try_default_class_is_throw_test() ->
    R = try throw(x) catch X -> {caught, X} end,
    ?assertEqual({caught, x}, R),
    ?assertError(oops, try erlang:error(oops) catch X2 -> X2 end).

try_of_clause_test() ->
    R = try id(5) of
            5 -> five;
            _ -> other
        catch _:_ -> caught
        end,
    ?assertEqual(five, R).

try_of_exception_not_caught_test() ->
    %% exceptions in the `of` clauses are not caught by this try
    ?assertThrow(from_of,
                 try id(1) of
                     1 -> throw(from_of)
                 catch throw:_ -> caught
                 end).

try_no_match_in_catch_rethrows_test() ->
    ?assertExit(bye, try exit(bye) catch throw:_ -> caught end).

try_catch_stacktrace_test() ->
    R = try erlang:error(boom)
        catch error:boom:St -> St
        end,
    ?assert(is_list(R)),
    [{_, _, _, Info} | _] = R,
    ?assert(is_list(Info)).

stacktrace_location_info_test() ->
    try erlang:error(boom)
    catch error:boom:St ->
            [{M, _F, _A, Info} | _] = St,
            ?assertEqual(?MODULE, M),
            ?assert(is_list(proplists:get_value(file, Info))),
            ?assert(is_integer(proplists:get_value(line, Info)))
    end.

try_after_runs_on_success_test() ->
    erase(log),
    R = try log(body), ok after log(after_) end,
    ?assertEqual(ok, R),
    ?assertEqual([body, after_], take_log()).

try_after_runs_on_exception_test() ->
    erase(log),
    R = (catch try log(body), throw(t) after log(after_) end),
    ?assertEqual(t, R),
    ?assertEqual([body, after_], take_log()).

try_of_catch_after_order_test() ->
    erase(log),
    R = try log(body), id(1) of
            1 -> log(of_clause), of_result
        catch _:_ -> log(catch_clause), caught
        after log(after_clause)
        end,
    ?assertEqual(of_result, R),
    ?assertEqual([body, of_clause, after_clause], take_log()).

try_catch_after_order_on_error_test() ->
    erase(log),
    R = try log(body), erlang:error(e) of
            _ -> log(of_clause)
        catch error:e -> log(catch_clause), caught
        after log(after_clause)
        end,
    ?assertEqual(caught, R),
    ?assertEqual([body, catch_clause, after_clause], take_log()).

after_value_is_discarded_test() ->
    R = try body_value after after_value end,
    ?assertEqual(body_value, R).

exception_in_after_replaces_test() ->
    ?assertThrow(from_after, try throw(from_body) after throw(from_after) end).

exception_in_catch_clause_test() ->
    ?assertError(second,
                 try throw(first) catch throw:first -> erlang:error(second) end).

after_with_messages_test() ->
    Tag = make_ref(),
    catch try self() ! {Tag, one}, exit(x) after self() ! {Tag, two} end,
    R1 = receive {Tag, M1} -> M1 after 0 -> none end,
    R2 = receive {Tag, M2} -> M2 after 0 -> none end,
    ?assertEqual({one, two}, {R1, R2}).

nested_try_inner_catches_test() ->
    R = try
            try throw(inner) catch throw:inner -> inner_caught end
        catch throw:_ -> outer_caught
        end,
    ?assertEqual(inner_caught, R).

nested_try_rethrow_test() ->
    R = try
            try throw(inner) catch throw:X -> throw({rethrown, X}) end
        catch throw:Y -> {outer, Y}
        end,
    ?assertEqual({outer, {rethrown, inner}}, R).

nested_try_inner_no_match_propagates_test() ->
    R = try
            try exit(e) catch throw:_ -> inner end
        catch exit:E -> {outer, E}
        end,
    ?assertEqual({outer, e}, R).

variable_class_pattern_test() ->
    Classes = [try Thunk() catch C:_ -> C end
               || Thunk <- [fun() -> throw(a) end, fun() -> exit(a) end,
                            fun() -> erlang:error(a) end]],
    ?assertEqual([throw, exit, error], Classes).

bound_class_variable_test() ->
    Class = exit,
    F = fun(T) -> try T() catch Class:R -> {matched, R}; _:_ -> other end end,
    ?assertEqual({matched, r}, F(fun() -> exit(r) end)),
    ?assertEqual(other, F(fun() -> throw(r) end)).

catch_pattern_guard_test() ->
    F = fun(V) -> try throw(V) catch throw:N when is_integer(N), N > 10 -> big; throw:_ -> small end end,
    ?assertEqual([big, small, small], [F(20), F(5), F(x)]).

raise_error_test() ->
    ?assertError(reraised, erlang:raise(error, reraised, [])).

raise_throw_and_exit_test() ->
    ?assertThrow(t, erlang:raise(throw, t, [])),
    ?assertExit(e, erlang:raise(exit, e, [])).

raise_preserves_stacktrace_test() ->
    {St1, St2} =
        try
            try erlang:error(orig)
            catch error:orig:S -> put(st, S), erlang:raise(error, orig, S)
            end
        catch error:orig:S2 -> {erase(st), S2}
        end,
    ?assertEqual(St1, St2).

raise_custom_stacktrace_test() ->
    St = [{some_mod, some_fun, 2, [{file, "x.erl"}, {line, 7}]}],
    R = try erlang:raise(throw, t, St) catch throw:t:S -> S end,
    ?assertEqual(St, R).

raise_bad_class_returns_badarg_test() ->
    %% An invalid class makes erlang:raise/3 *return* the atom badarg.
    ?assertEqual(badarg, erlang:raise(id(bad_class), reason, [])).

raise_bad_stacktrace_returns_badarg_test() ->
    ?assertEqual(badarg, erlang:raise(error, reason, id(not_a_list))).

error_2_test() ->
    ?assertError(my_reason, erlang:error(my_reason, [a])).

error_3_error_info_test() ->
    try erlang:error(r, [1], [{error_info, #{module => ?MODULE}}])
    catch error:r:St ->
            [{?MODULE, _, [1], Info} | _] = St,
            ?assertEqual(#{module => ?MODULE}, proplists:get_value(error_info, Info))
    end.

exit_1_test() ->
    ?assertExit(normal, exit(normal)),
    ?assertExit({shutdown, x}, exit({shutdown, x})).

throw_any_term_test() ->
    ?assertThrow(#{a := 1}, throw(#{a => 1})),
    ?assertThrow([], throw([])).

assert_exception_macro_test() ->
    ?assertException(error, badarith, id(1) / id(0)),
    ?assertException(throw, x, throw(x)),
    ?assertException(exit, y, exit(y)).

try_in_loop_with_accumulator_test() ->
    R = lists:map(fun(X) -> try 10 div X catch error:badarith -> inf end end, [1, 0, 5]),
    ?assertEqual([10, inf, 2], R).

try_returns_last_expression_test() ->
    R = try a, b, c catch _:_ -> d end,
    ?assertEqual(c, R).

catch_in_guardless_case_test() ->
    R = case catch throw(val) of
            val -> got_val;
            _ -> other
        end,
    ?assertEqual(got_val, R).

error_in_spawned_process_exit_reason_test() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> erlang:error(proc_err) end),
    R = receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end,
    process_flag(trap_exit, false),
    ?assertMatch({proc_err, [_ | _]}, R).

throw_in_spawned_process_is_nocatch_test() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> throw(oops) end),
    R = receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end,
    process_flag(trap_exit, false),
    ?assertMatch({{nocatch, oops}, [_ | _]}, R).

exit_in_spawned_process_reason_test() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> exit(plain) end),
    R = receive {'EXIT', Pid, Reason} -> Reason after 5000 -> timeout end,
    process_flag(trap_exit, false),
    ?assertEqual(plain, R).

record_field_access_badrecord_in_catch_test() ->
    ?assertMatch({'EXIT', {{badrecord, #{}}, _}}, catch (id(#{}))#r.a).

unused_record_use_test() ->
    ?assertEqual({r, 1}, #r{a = 1}).

%% ---- more try/catch details ---------------------------------------------

catch_thrown_exit_tuple_indistinguishable_test() ->
    ?assertEqual({'EXIT', fake}, catch throw({'EXIT', fake})),
    ?assertEqual({'EXIT', fake}, catch exit(fake)).

catch_exit_normal_test() ->
    ?assertEqual({'EXIT', normal}, catch exit(normal)).

exception_in_after_after_success_test() ->
    ?assertError(in_after, try ok after erlang:error(in_after) end).

after_runs_when_of_clause_raises_test() ->
    erase(log),
    R = (catch try id(1) of 1 -> throw(from_of) after log(after_ran) end),
    ?assertEqual(from_of, R),
    ?assertEqual([after_ran], take_log()).

after_runs_when_catch_clause_raises_test() ->
    erase(log),
    R = (catch try throw(a) catch throw:a -> throw(b) after log(after_ran) end),
    ?assertEqual(b, R),
    ?assertEqual([after_ran], take_log()).

try_in_function_returning_from_after_body_test() ->
    erase(log),
    ?assertEqual(body, with_after()),
    ?assertEqual([cleanup], take_log()).

with_after() ->
    try body after log(cleanup) end.

catch_all_pattern_test() ->
    F = fun(T) -> try T() catch _:_ -> caught end end,
    ?assertEqual([caught, caught, caught],
                 [F(fun() -> throw(x) end), F(fun() -> exit(x) end), F(fun() -> erlang:error(x) end)]).

catch_with_stacktrace_var_unused_test() ->
    R = try throw(v) catch throw:V:_St -> V end,
    ?assertEqual(v, R).

nested_catch_expressions_test() ->
    ?assertEqual(inner, catch (catch throw(inner))),
    ?assertMatch({'EXIT', {badarith, _}}, catch (catch id(1) / id(0))).

try_of_with_guard_fallthrough_test() ->
    F = fun(X) -> try id(X) of N when N > 0 -> pos; _ -> nonpos catch _:_ -> err end end,
    ?assertEqual([pos, nonpos], [F(1), F(0)]).

error_reason_can_be_any_term_test() ->
    ?assertError(#{k := v}, erlang:error(#{k => v})),
    ?assertError(<<"bin">>, erlang:error(<<"bin">>)),
    ?assertError(1.5, erlang:error(1.5)).

exit_with_kill_is_plain_exit_in_try_test() ->
    ?assertEqual({exit, kill}, try exit(kill) catch C:R -> {C, R} end).

throw_inside_list_comprehension_caught_test() ->
    R = try [case X of 3 -> throw({found, X}); _ -> X end || X <- [1, 2, 3, 4]]
        catch throw:{found, N} -> N
        end,
    ?assertEqual(3, R).

throw_across_function_boundaries_test() ->
    ?assertEqual({found, 5}, catch find_first(fun(X) -> X > 4 end, [1, 3, 5, 7])).

find_first(P, L) ->
    lists:foreach(fun(X) -> case P(X) of true -> throw({found, X}); false -> ok end end, L),
    not_found.
