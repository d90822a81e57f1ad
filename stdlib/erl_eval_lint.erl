%% @doc What `erl_eval' needs of `erl_lint' and `erl_internal': the check
%% `erl_eval:exprs/2' and `erl_eval:expr/2' run before evaluating (OTP's
%% `erl_lint:exprs_opt/3' as the shell calls it), the guard test and guard
%% expression predicates, the table of auto-imported BIFs, and the
%% variables a fun uses (what its closure keeps).
%%
%% The check follows erl_lint's rules for expressions: variables must be
%% bound (`{unbound_var, V}'); variables bound in some clauses only of a
%% `case', `if' or `receive', or anywhere in a `try', a `catch' or the
%% right operand of `andalso'/`orelse', are unsafe afterwards
%% (`{unsafe_var, V, {What, Location}}'); patterns and guards must be
%% legal; records are undefined (the shell expands records before calling
%% erl_eval); bit syntax type specifiers must be consistent. It reports
%% the first error in erl_lint's traversal order, as `erl_eval' raises it.
%% Warnings are not computed.
-module(erl_eval_lint).

%% The pre-evaluation check
-export([check/2]).
%% Predicates on abstract expressions
-export([is_guard_test/1, is_guard_expr/1, used_vars/1]).
%% Function tables
-export([is_bif/2, is_guard_bif/2, is_type_test/2]).

%%% ---------------------------------------------------------------------
%%% Function tables (erl_internal)
%%% ---------------------------------------------------------------------

%% @doc True for the functions of module erlang that are auto-imported.
-spec is_bif(atom(), arity()) -> boolean().
is_bif(F, A) ->
    case bifs() of
        #{F := As} -> lists:member(A, As);
        #{} -> false
    end.

%% The auto-imported BIFs of OTP 25, name => arities.
bifs() ->
    #{
      abs => [1], alias => [0,1], apply => [2,3], atom_to_binary => [1,2], atom_to_list => 
      [1], binary_part => [2,3], binary_to_atom => [1,2], binary_to_existing_atom => [1,2], 
      binary_to_float => [1], binary_to_integer => [1,2], binary_to_list => [1,3], 
      binary_to_term => [1,2], bit_size => [1], bitstring_to_list => [1], byte_size => [1], 
      ceil => [1], check_old_code => [1], check_process_code => [2,3], date => [0], 
      delete_module => [1], demonitor => [1,2], disconnect_node => [1], element => [2], erase 
      => [0,1], error => [1,2,3], exit => [1,2], float => [1], float_to_binary => [1,2], 
      float_to_list => [1,2], floor => [1], garbage_collect => [0,1,2], get => [0,1], 
      get_keys => [0,1], group_leader => [0,2], halt => [0,1,2], hd => [1], integer_to_binary 
      => [1,2], integer_to_list => [1,2], iolist_size => [1], iolist_to_binary => [1], 
      is_alive => [0], is_atom => [1], is_binary => [1], is_bitstring => [1], is_boolean => 
      [1], is_float => [1], is_function => [1,2], is_integer => [1], is_list => [1], is_map 
      => [1], is_map_key => [2], is_number => [1], is_pid => [1], is_port => [1], 
      is_process_alive => [1], is_record => [2,3], is_reference => [1], is_tuple => [1], 
      length => [1], link => [1], list_to_atom => [1], list_to_binary => [1], 
      list_to_bitstring => [1], list_to_existing_atom => [1], list_to_float => [1], 
      list_to_integer => [1,2], list_to_pid => [1], list_to_port => [1], list_to_ref => [1], 
      list_to_tuple => [1], load_module => [2], make_ref => [0], map_get => [2], map_size => 
      [1], max => [2], min => [2], module_loaded => [1], monitor => [2,3], monitor_node => 
      [2], node => [0,1], nodes => [0,1,2], now => [0], open_port => [2], pid_to_list => [1], 
      port_close => [1], port_command => [2,3], port_connect => [2], port_control => [3], 
      port_to_list => [1], pre_loaded => [0], process_flag => [2,3], process_info => [1,2], 
      processes => [0], purge_module => [1], put => [2], ref_to_list => [1], register => [2], 
      registered => [0], round => [1], self => [0], setelement => [3], size => [1], spawn => 
      [1,2,3,4], spawn_link => [1,2,3,4], spawn_monitor => [1,2,3,4], spawn_opt => [2,3,4,5], 
      spawn_request => [1,2,3,4,5], spawn_request_abandon => [1], split_binary => [2], 
      statistics => [1], term_to_binary => [1,2], term_to_iovec => [1,2], throw => [1], time 
      => [0], tl => [1], trunc => [1], tuple_size => [1], tuple_to_list => [1], unalias => 
      [1], unlink => [1], unregister => [1], whereis => [1]
     }.

%% @doc True for the BIFs allowed in guards.
-spec is_guard_bif(atom(), arity()) -> boolean().
is_guard_bif(F, A) ->
    lists:member({F, A}, [{abs, 1}, {binary_part, 2}, {binary_part, 3}, {bit_size, 1},
                          {byte_size, 1}, {ceil, 1}, {element, 2}, {float, 1}, {floor, 1},
                          {hd, 1}, {is_map_key, 2}, {length, 1}, {map_size, 1}, {map_get, 2},
                          {node, 0}, {node, 1}, {round, 1}, {self, 0}, {size, 1}, {tl, 1},
                          {trunc, 1}, {tuple_size, 1}])
        orelse new_type_test(F, A).

%% @doc True for the type tests, new (`is_atom/1') and old (`atom/1').
-spec is_type_test(atom(), arity()) -> boolean().
is_type_test(F, A) ->
    new_type_test(F, A) orelse
        lists:member({F, A}, [{integer, 1}, {float, 1}, {number, 1}, {atom, 1}, {list, 1},
                              {tuple, 1}, {pid, 1}, {reference, 1}, {port, 1}, {binary, 1},
                              {record, 2}, {function, 1}]).

new_type_test(F, A) ->
    lists:member({F, A}, [{is_atom, 1}, {is_binary, 1}, {is_bitstring, 1}, {is_boolean, 1},
                          {is_float, 1}, {is_function, 1}, {is_function, 2}, {is_integer, 1},
                          {is_list, 1}, {is_map, 1}, {is_number, 1}, {is_pid, 1}, {is_port, 1},
                          {is_record, 2}, {is_record, 3}, {is_reference, 1}, {is_tuple, 1}]).

%% Operators allowed in guards: arithmetic, boolean, comparison (not the
%% list operators, not send).
guard_op(Op, 1) -> lists:member(Op, ['+', '-', 'bnot', 'not']);
guard_op(Op, 2) ->
    lists:member(Op, ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl', 'bsr',
                      'and', 'or', 'xor', '==', '/=', '=<', '<', '>=', '>', '=:=', '=/=']);
guard_op(_, _) -> false.

%%% ---------------------------------------------------------------------
%%% Guard predicates
%%% ---------------------------------------------------------------------

%% @doc True if the expression can be a guard test: a type test (old or
%% new) on guard expressions, or a guard expression.
-spec is_guard_test(tuple()) -> boolean().
is_guard_test({call, A, {atom, Ar, record}, [E, R]}) ->
    is_guard_expr({call, A, {atom, Ar, is_record}, [E, R]});
is_guard_test({call, _, {atom, _, Test}, As} = Call) ->
    case is_type_test(Test, length(As)) of
        true -> lists:all(fun is_guard_expr/1, As);
        false -> is_guard_expr(Call)
    end;
is_guard_test(G) ->
    is_guard_expr(G).

%% @doc True if the expression is a guard expression.
-spec is_guard_expr(tuple()) -> boolean().
is_guard_expr({var, _, _}) -> true;
is_guard_expr({char, _, _}) -> true;
is_guard_expr({integer, _, _}) -> true;
is_guard_expr({float, _, _}) -> true;
is_guard_expr({atom, _, _}) -> true;
is_guard_expr({string, _, _}) -> true;
is_guard_expr({nil, _}) -> true;
is_guard_expr({cons, _, H, T}) -> is_guard_expr(H) andalso is_guard_expr(T);
is_guard_expr({tuple, _, Es}) -> lists:all(fun is_guard_expr/1, Es);
is_guard_expr({map, _, Fs}) -> guard_fields(Fs);
is_guard_expr({map, _, Src, Fs}) -> is_guard_expr(Src) andalso guard_fields(Fs);
is_guard_expr({record_index, _, _, F}) -> is_guard_expr(F);
is_guard_expr({record_field, _, R, _, F}) -> is_guard_expr(R) andalso is_guard_expr(F);
is_guard_expr({record, _, _, Inits}) ->
    lists:all(fun({record_field, _, _, V}) -> is_guard_expr(V); (_) -> false end, Inits);
is_guard_expr({bin, _, Segs}) ->
    lists:all(fun({bin_element, _, E, Sz, _}) ->
                      is_guard_expr(E) andalso (Sz =:= default orelse is_guard_expr(Sz))
              end, Segs);
is_guard_expr({call, _, {atom, _, F}, As}) ->
    is_guard_bif(F, length(As)) andalso lists:all(fun is_guard_expr/1, As);
is_guard_expr({call, _, {remote, _, {atom, _, erlang}, {atom, _, F}}, As}) ->
    (is_guard_bif(F, length(As)) orelse guard_op(F, length(As)))
        andalso lists:all(fun is_guard_expr/1, As);
is_guard_expr({call, A, {tuple, At, [{atom, Am, erlang}, {atom, Af, F}]}, As}) ->
    is_guard_expr({call, A, {remote, At, {atom, Am, erlang}, {atom, Af, F}}, As});
is_guard_expr({op, _, Op, E}) -> guard_op(Op, 1) andalso is_guard_expr(E);
is_guard_expr({op, _, Op, L, R}) when Op =:= 'andalso'; Op =:= 'orelse' ->
    is_guard_expr(L) andalso is_guard_expr(R);
is_guard_expr({op, _, Op, L, R}) ->
    guard_op(Op, 2) andalso is_guard_expr(L) andalso is_guard_expr(R);
is_guard_expr(_) -> false.

guard_fields([{Tag, _, K, V} | Fs]) when Tag =:= map_field_assoc; Tag =:= map_field_exact ->
    is_guard_expr(K) andalso is_guard_expr(V) andalso guard_fields(Fs);
guard_fields([]) -> true;
guard_fields(_) -> false.

%%% ---------------------------------------------------------------------
%%% The variables a fun uses
%%% ---------------------------------------------------------------------

%% @doc The variables a `fun' or named fun expression refers to from
%% outside, as a map Name => true: head variables shadow, the size and key
%% expressions of its head patterns and everything in guards and bodies
%% count.
-spec used_vars(tuple()) -> #{atom() => true}.
used_vars({'fun', _, {clauses, Cs}}) ->
    fun_free(Cs, #{});
used_vars({named_fun, _, Name, Cs}) ->
    maps:remove(Name, fun_free(Cs, #{})).

fun_free(Cs, Acc) ->
    lists:foldl(fun({clause, _, H, G, B}, Acc0) ->
                        Shadow = pat_vars(H, #{}),
                        Inner = occurs([G, B], pat_exprs(H, #{})),
                        maps:merge(Acc0, maps:without(maps:keys(Shadow), Inner))
                end, Acc, Cs).

%% Variables occurring in T, nested funs and comprehensions contributing
%% only what they use from outside.
occurs({var, _, '_'}, Acc) -> Acc;
occurs({var, _, V}, Acc) when is_atom(V) -> Acc#{V => true};
occurs({'fun', _, {clauses, Cs}}, Acc) -> fun_free(Cs, Acc);
occurs({named_fun, _, Name, Cs}, Acc) ->
    Free = maps:remove(Name, fun_free(Cs, #{})),
    maps:merge(Acc, Free);
occurs({Comp, _, E, Qs}, Acc) when Comp =:= lc; Comp =:= bc ->
    maps:merge(Acc, quals_free(Qs, E));
occurs(T, Acc) when is_tuple(T) -> occurs(tuple_to_list(T), Acc);
occurs([H | T], Acc) -> occurs(T, occurs(H, Acc));
occurs(_, Acc) -> Acc.

quals_free([{Gen, _, P, E} | Qs], Body) when Gen =:= generate; Gen =:= b_generate ->
    Later = quals_free(Qs, Body),
    Shadow = pat_vars(P, #{}),
    maps:merge(occurs(E, pat_exprs(P, #{})), maps:without(maps:keys(Shadow), Later));
quals_free([F | Qs], Body) ->
    maps:merge(occurs(F, #{}), quals_free(Qs, Body));
quals_free([], Body) ->
    occurs(Body, #{}).

%% The variables a pattern binds.
pat_vars({var, _, '_'}, Acc) -> Acc;
pat_vars({var, _, V}, Acc) -> Acc#{V => true};
pat_vars({bin_element, _, E, _Size, _}, Acc) -> pat_vars(E, Acc);
pat_vars({map_field_exact, _, _K, V}, Acc) -> pat_vars(V, Acc);
pat_vars(T, Acc) when is_tuple(T) -> pat_vars(tuple_to_list(T), Acc);
pat_vars([H | T], Acc) -> pat_vars(T, pat_vars(H, Acc));
pat_vars(_, Acc) -> Acc.

%% The variables of the expressions inside a pattern (sizes, map keys).
pat_exprs({bin_element, _, E, Size, _}, Acc) -> pat_exprs(E, occurs(Size, Acc));
pat_exprs({map_field_exact, _, K, V}, Acc) -> pat_exprs(V, occurs(K, Acc));
pat_exprs(T, Acc) when is_tuple(T) -> pat_exprs(tuple_to_list(T), Acc);
pat_exprs([H | T], Acc) -> pat_exprs(T, pat_exprs(H, Acc));
pat_exprs(_, Acc) -> Acc.

%%% ---------------------------------------------------------------------
%%% The check
%%% ---------------------------------------------------------------------

%% @doc Checks a sequence of expressions, the variables of Bindings being
%% bound: `ok' or `{error, {Location, erl_lint, Reason}}' for the first
%% error.
-spec check([tuple()], [{term(), term()}]) -> ok | {error, {term(), erl_lint, term()}}.
check(Es, Bindings) ->
    Vt = maps:from_list([{V, bound} || {V, _} <- Bindings]),
    try exprs(Es, Vt) of
        _ -> ok
    catch
        throw:{lint_error, Anno, Reason} -> {error, {location(Anno), erl_lint, Reason}}
    end.

%% The variable table maps a name to `bound', `{unsafe, Where}' or
%% `stacktrace' (a catch clause's stacktrace variable, inside its guard).
lint_error(Anno, Reason) ->
    throw({lint_error, Anno, Reason}).

location(Anno) when is_list(Anno) ->
    case lists:keyfind(location, 1, Anno) of
        {location, L} -> L;
        false -> 0
    end;
location(Anno) -> Anno.

exprs([E | Es], Vt) -> exprs(Es, expr(E, Vt));
exprs([], Vt) -> Vt.

use_var(V, A, Vt) ->
    case Vt of
        #{V := bound} -> Vt;
        #{V := {unsafe, In}} -> lint_error(A, {unsafe_var, V, In});
        #{V := stacktrace} -> lint_error(A, {stacktrace_guard, V});
        #{} -> lint_error(A, {unbound_var, V})
    end.

%% The variables whose state differs between Vt1 and Vt0.
new_vars(Vt1, Vt0) ->
    maps:filter(fun(K, S) -> maps:get(K, Vt0, none) =/= S end, Vt1).

unsafe(New, In) ->
    maps:map(fun(_, _) -> {unsafe, In} end, New).

%% Expressions side by side: each sees Vt; their new variables are joined.
parallel(Es, Vt, Check) ->
    maps:merge(Vt, lists:foldl(fun(E, Acc) -> maps:merge(new_vars(Check(E, Vt), Vt), Acc) end,
                               #{}, Es)).

expr({var, A, V}, Vt) -> use_var(V, A, Vt);
expr({char, _, _}, Vt) -> Vt;
expr({integer, _, _}, Vt) -> Vt;
expr({float, _, _}, Vt) -> Vt;
expr({atom, _, _}, Vt) -> Vt;
expr({string, _, _}, Vt) -> Vt;
expr({nil, _}, Vt) -> Vt;
expr({cons, _, H, T}, Vt) -> parallel([H, T], Vt, fun expr/2);
expr({tuple, _, Es}, Vt) -> parallel(Es, Vt, fun expr/2);
expr({map, _, Fs}, Vt) ->
    assoc_only(Fs),
    map_fields(Fs, Vt, fun expr/2);
expr({map, _, Src, Fs}, Vt) ->
    Vt1 = expr(Src, Vt),
    maps:merge(Vt1, new_vars(map_fields(Fs, Vt, fun expr/2), Vt));
expr({record_index, A, Name, _}, _Vt) -> lint_error(A, {undefined_record, Name});
expr({record_field, A, Rec, Name, _}, Vt) ->
    _ = expr(Rec, Vt),
    lint_error(A, {undefined_record, Name});
expr({record, A, Name, _}, _Vt) -> lint_error(A, {undefined_record, Name});
expr({record, A, Rec, Name, _}, Vt) ->
    _ = expr(Rec, Vt),
    lint_error(A, {undefined_record, Name});
expr({block, _, Es}, Vt) -> exprs(Es, Vt);
expr({'if', A, Cs}, Vt) -> clauses(Cs, {'if', location(A)}, Vt);
expr({'case', A, E, Cs}, Vt) -> clauses(Cs, {'case', location(A)}, expr(E, Vt));
expr({'receive', A, Cs}, Vt) -> clauses(Cs, {'receive', location(A)}, Vt);
expr({'receive', A, Cs, To, ToEs}, Vt) ->
    Tvt = expr(To, Vt),
    Results = [exprs(ToEs, Vt) | [clause(C, Vt) || C <- Cs]],
    Exported = export([new_vars(R, Vt) || R <- Results], {'receive', location(A)}),
    maps:merge(maps:merge(Vt, new_vars(Tvt, Vt)), Exported);
expr({'try', A, Es, Scs, Ccs, As}, Vt) ->
    In = {'try', location(A)},
    Evt = exprs(Es, Vt),
    Uvt = maps:merge(Vt, unsafe(new_vars(Evt, Vt), In)),
    Results = [clause(C, Evt) || C <- Scs] ++ [catch_clause(C, Uvt) || C <- Ccs],
    Cvt = lists:foldl(fun(R, Acc) -> maps:merge(Acc, unsafe(new_vars(R, Uvt), In)) end, Uvt,
                      Results),
    Avt = exprs(As, Cvt),
    maps:merge(Cvt, unsafe(new_vars(Avt, Cvt), In));
expr({'catch', A, E}, Vt) ->
    maps:merge(Vt, unsafe(new_vars(expr(E, Vt), Vt), {'catch', location(A)}));
expr({match, _, P, E}, Vt) ->
    Vt1 = expr(E, Vt),
    maps:merge(Vt1, pattern(P, Vt1, match, #{}));
expr({maybe_match, _, P, E}, Vt) ->
    expr({match, 0, P, E}, Vt);
expr({'maybe', A, Es}, Vt) ->
    maps:merge(Vt, unsafe(new_vars(exprs(Es, Vt), Vt), {'maybe', location(A)}));
expr({'maybe', A, Es, {'else', Ae, Cs}}, Vt) ->
    Evt = maps:merge(Vt, unsafe(new_vars(exprs(Es, Vt), Vt), {'maybe', location(A)})),
    Cvt = clauses(Cs, {'else', location(Ae)}, Evt),
    maps:merge(Evt, unsafe(new_vars(Cvt, Evt), {'else', location(Ae)}));
expr({op, A, Op, L, R}, Vt) when Op =:= 'andalso'; Op =:= 'orelse' ->
    Vt1 = expr(L, Vt),
    Vt2 = expr(R, Vt1),
    maps:merge(Vt1, unsafe(new_vars(Vt2, Vt1), {Op, location(A)}));
expr({op, _, _, E}, Vt) -> expr(E, Vt);
expr({op, _, _, L, R}, Vt) -> parallel([L, R], Vt, fun expr/2);
expr({bin, _, Segs}, Vt) -> bin(Segs, Vt, fun expr/2);
expr({Comp, _, E, Qs}, Vt) when Comp =:= lc; Comp =:= bc ->
    _ = expr(E, quals(Qs, Vt)),
    Vt;
expr({'fun', _, {clauses, Cs}}, Vt) ->
    _ = [fun_clause(C, Vt) || C <- Cs],
    Vt;
expr({'fun', _, {function, M, F, Ar}}, Vt) ->
    parallel([M, F, Ar], Vt, fun expr/2);
expr({'fun', _, {function, _, _}}, Vt) ->
    Vt;
expr({named_fun, _, Name, Cs}, Vt) ->
    Inner = case Name of '_' -> Vt; _ -> Vt#{Name => bound} end,
    _ = [fun_clause(C, Inner) || C <- Cs],
    Vt;
expr({call, _, {atom, _, is_record}, [E, {atom, An, Name}]}, Vt) ->
    _ = expr(E, Vt),
    lint_error(An, {undefined_record, Name});
expr({call, _, {remote, _, {atom, _, erlang}, {atom, _, is_record}}, [E, {atom, An, Name}]}, Vt) ->
    _ = expr(E, Vt),
    lint_error(An, {undefined_record, Name});
expr({call, _, {remote, _, {atom, _, _}, {atom, _, _}}, As}, Vt) ->
    parallel(As, Vt, fun expr/2);
expr({call, _, {remote, _, M, F}, As}, Vt) ->
    parallel([M, F | As], Vt, fun expr/2);
expr({call, _, {atom, _, _}, As}, Vt) ->
    parallel(As, Vt, fun expr/2);
expr({call, _, F, As}, Vt) ->
    parallel([F | As], Vt, fun expr/2);
expr(E, _Vt) ->
    lint_error(element(2, E), illegal_expr).

assoc_only(Fs) ->
    lists:foreach(fun({map_field_exact, A, _, _}) -> lint_error(A, illegal_map_construction);
                     (_) -> ok
                  end, Fs).

map_fields(Fs, Vt, Check) ->
    parallel(lists:append([[K, V] || {_, _, K, V} <- Fs]), Vt, Check).

%% Clauses of case, if, receive: a variable new in every clause is bound
%% afterwards, one new in some clauses only is unsafe.
clauses(Cs, In, Vt) ->
    News = [new_vars(clause(C, Vt), Vt) || C <- Cs],
    maps:merge(Vt, export(News, In)).

export(News, In) ->
    All = lists:foldl(fun maps:merge/2, #{}, News),
    N = length(News),
    maps:map(fun(K, _) ->
                     States = [S || #{K := S} <- News],
                     case length(States) of
                         N ->
                             case [U || {unsafe, _} = U <- States] of
                                 [U | _] -> U;
                                 [] -> bound
                             end;
                         _ ->
                             {unsafe, In}
                     end
             end, All).

clause({clause, _, H, G, B}, Vt) ->
    Vt1 = maps:merge(Vt, patterns(H, Vt, match)),
    guard(G, Vt1),
    exprs(B, Vt1).

%% A catch clause's stacktrace variable must be new and stay out of the
%% guard.
catch_clause({clause, _, [{tuple, _, [Class, Reason, St]}], G, B}, Vt) ->
    New0 = patterns([Class, Reason], Vt, match),
    {Guard, Body} =
        case St of
            {var, _, '_'} ->
                {maps:merge(Vt, New0), maps:merge(Vt, New0)};
            {var, A, V} ->
                case maps:is_key(V, Vt) of
                    true -> lint_error(A, {stacktrace_bound, V});
                    false -> ok
                end,
                {maps:merge(Vt, New0#{V => stacktrace}), maps:merge(Vt, New0#{V => bound})};
            _ ->
                {maps:merge(Vt, New0), maps:merge(Vt, New0)}
        end,
    guard(G, Guard),
    exprs(B, Body);
catch_clause(C, Vt) ->
    clause(C, Vt).

%% A fun's head variables are new (shadowing); nothing is exported.
fun_clause({clause, _, H, G, B}, Vt) ->
    Vt1 = maps:merge(Vt, patterns(H, Vt, shadow)),
    guard(G, Vt1),
    exprs(B, Vt1).

quals([{Gen, _, P, E} | Qs], Vt) when Gen =:= generate; Gen =:= b_generate ->
    _ = expr(E, Vt),
    quals(Qs, maps:merge(Vt, pattern(P, Vt, shadow, #{})));
quals([F | Qs], Vt) ->
    Vt1 = case is_guard_test(F) of
              true -> guard_test(F, Vt), Vt;
              false -> expr(F, Vt)
          end,
    quals(Qs, Vt1);
quals([], Vt) ->
    Vt.

%%% Guards

guard([G | _] = Gs, Vt) when is_list(G) -> lists:foreach(fun(C) -> guard(C, Vt) end, Gs);
guard(Gs, Vt) -> lists:foreach(fun(G) -> guard_test(G, Vt) end, Gs).

guard_test({call, A, {atom, Ar, record}, [E, R]}, Vt) ->
    gexpr({call, A, {atom, Ar, is_record}, [E, R]}, Vt);
guard_test({call, _, {atom, _, F}, As} = G, Vt) ->
    case is_type_test(F, length(As)) andalso not (F =:= is_record andalso length(As) =:= 2) of
        true -> lists:foreach(fun(E) -> gexpr(E, Vt) end, As);
        false -> gexpr(G, Vt)
    end;
guard_test(G, Vt) ->
    gexpr(G, Vt).

gexpr({var, A, V}, Vt) -> use_var(V, A, Vt), ok;
gexpr({char, _, _}, _) -> ok;
gexpr({integer, _, _}, _) -> ok;
gexpr({float, _, _}, _) -> ok;
gexpr({atom, _, _}, _) -> ok;
gexpr({string, _, _}, _) -> ok;
gexpr({nil, _}, _) -> ok;
gexpr({cons, _, H, T}, Vt) -> gexprs([H, T], Vt);
gexpr({tuple, _, Es}, Vt) -> gexprs(Es, Vt);
gexpr({map, _, Fs}, Vt) ->
    assoc_only(Fs),
    gexprs(lists:append([[K, V] || {_, _, K, V} <- Fs]), Vt);
gexpr({map, _, Src, Fs}, Vt) ->
    gexpr(Src, Vt),
    gexprs(lists:append([[K, V] || {_, _, K, V} <- Fs]), Vt);
gexpr({record_index, A, Name, _}, _) -> lint_error(A, {undefined_record, Name});
gexpr({record_field, A, Rec, Name, _}, Vt) ->
    gexpr(Rec, Vt),
    lint_error(A, {undefined_record, Name});
gexpr({record, A, Name, _}, _) -> lint_error(A, {undefined_record, Name});
gexpr({bin, _, Segs}, Vt) ->
    _ = bin(Segs, Vt, fun(E, V) -> gexpr(E, V), V end),
    ok;
gexpr({call, _, {atom, _, is_record}, [E, {atom, An, Name}]}, Vt) ->
    gexpr(E, Vt),
    lint_error(An, {undefined_record, Name});
gexpr({call, A, {atom, _, is_record}, [_, _] = As}, Vt) ->
    gexprs(As, Vt),
    lint_error(A, illegal_guard_expr);
gexpr({call, A, {remote, _, {atom, _, erlang}, {atom, Af, is_record}}, [_, _] = As}, Vt) ->
    gexpr({call, A, {atom, Af, is_record}, As}, Vt);
gexpr({call, A, {atom, _, F}, As}, Vt) ->
    gexprs(As, Vt),
    case is_guard_bif(F, length(As)) of
        true -> ok;
        false -> lint_error(A, illegal_guard_expr)
    end;
gexpr({call, A, {remote, _, {atom, _, erlang}, {atom, _, F}}, As}, Vt) ->
    gexprs(As, Vt),
    case is_guard_bif(F, length(As)) orelse guard_op(F, length(As)) of
        true -> ok;
        false -> lint_error(A, illegal_guard_expr)
    end;
gexpr({op, A, Op, E}, Vt) ->
    gexpr(E, Vt),
    case guard_op(Op, 1) of
        true -> ok;
        false -> lint_error(A, illegal_guard_expr)
    end;
gexpr({op, _, Op, L, R}, Vt) when Op =:= 'andalso'; Op =:= 'orelse' ->
    gexprs([L, R], Vt);
gexpr({op, A, Op, L, R}, Vt) ->
    gexprs([L, R], Vt),
    case guard_op(Op, 2) of
        true -> ok;
        false -> lint_error(A, illegal_guard_expr)
    end;
gexpr(E, _) ->
    lint_error(element(2, E), illegal_guard_expr).

gexprs(Es, Vt) -> lists:foreach(fun(E) -> gexpr(E, Vt) end, Es).

%%% Patterns

patterns(Ps, Vt, Mode) ->
    lists:foldl(fun(P, New) -> pattern(P, Vt, Mode, New) end, #{}, Ps).

%% pattern(P, Vt, Mode, New) -> New': the variables the pattern binds.
%% In `match' mode a variable bound in Vt is compared; in `shadow' mode
%% (fun heads, generators) every variable is new.
pattern({var, _, '_'}, _Vt, _Mode, New) -> New;
pattern({var, A, V}, Vt, Mode, New) ->
    case New of
        #{V := _} -> New;
        #{} when Mode =:= shadow -> New#{V => bound};
        #{} ->
            case Vt of
                #{V := bound} -> New;
                #{V := {unsafe, In}} -> lint_error(A, {unsafe_var, V, In});
                #{} -> New#{V => bound}
            end
    end;
pattern({char, _, _}, _, _, New) -> New;
pattern({integer, _, _}, _, _, New) -> New;
pattern({float, _, _}, _, _, New) -> New;
pattern({atom, _, _}, _, _, New) -> New;
pattern({string, _, _}, _, _, New) -> New;
pattern({nil, _}, _, _, New) -> New;
pattern({cons, _, H, T}, Vt, Mode, New) ->
    pattern(T, Vt, Mode, pattern(H, Vt, Mode, New));
pattern({tuple, _, Ps}, Vt, Mode, New) ->
    lists:foldl(fun(P, N) -> pattern(P, Vt, Mode, N) end, New, Ps);
pattern({map, _, Fs}, Vt, Mode, New) ->
    lists:foldl(fun({map_field_exact, _, K, V}, N) ->
                        gexpr(K, Vt),
                        pattern(V, Vt, Mode, N);
                   (F, _) ->
                        lint_error(element(2, F), illegal_pattern)
                end, New, Fs);
pattern({bin, _, Segs}, Vt, Mode, New) ->
    pattern_bin(Segs, Vt, Mode, New);
pattern({match, _, P1, P2}, Vt, Mode, New) ->
    pattern(P2, Vt, Mode, pattern(P1, Vt, Mode, New));
pattern({op, _, '++', L, R} = P, Vt, Mode, New) ->
    case literal_list(L) of
        true -> pattern(R, Vt, Mode, New);
        false -> lint_error(element(2, P), illegal_pattern)
    end;
pattern({op, A, _, _} = P, _Vt, _Mode, New) ->
    constant_pattern(P, A, New);
pattern({op, A, _, _, _} = P, _Vt, _Mode, New) ->
    constant_pattern(P, A, New);
pattern({record, A, Name, _}, _Vt, _Mode, _New) ->
    lint_error(A, {undefined_record, Name});
pattern({record_index, A, Name, _}, _Vt, _Mode, _New) ->
    lint_error(A, {undefined_record, Name});
pattern(P, _Vt, _Mode, _New) ->
    lint_error(element(2, P), illegal_pattern).

literal_list({nil, _}) -> true;
literal_list({string, _, _}) -> true;
literal_list({cons, _, {Lit, _, _}, T}) when Lit =:= integer; Lit =:= char -> literal_list(T);
literal_list(_) -> false.

constant_pattern(P, A, New) ->
    case erl_eval:partial_eval(P) of
        {Lit, _, _} when Lit =:= integer; Lit =:= float; Lit =:= atom -> New;
        _ -> lint_error(A, illegal_pattern)
    end.

pattern_bin(Segs, Vt, Mode, New) ->
    pattern_bin(Segs, Vt, Mode, New, length(Segs)).

pattern_bin([{bin_element, A, E, Size, Ts} | Segs], Vt, Mode, New0, Left) ->
    Type = bit_type(A, Size, Ts),
    case Size of
        default -> ok;
        _ -> gexpr(Size, maps:merge(Vt, New0))
    end,
    case {Type, Size} of
        {binary, default} when Left > 1 -> lint_error(A, unsized_binary_not_at_end);
        _ -> ok
    end,
    New = case E of
              {string, _, _} -> New0;
              _ -> pattern(E, Vt, Mode, New0)
          end,
    pattern_bin(Segs, Vt, Mode, New, Left - 1);
pattern_bin([], _Vt, _Mode, New, _) ->
    New.

%%% Bit syntax

%% Construction: each segment's value and size see Vt.
bin(Segs, Vt, Check) ->
    lists:foldl(fun({bin_element, A, E, Size, Ts}, Acc) ->
                        V1 = Check(E, Vt),
                        V2 = case Size of
                                 default -> Vt;
                                 {atom, _, all} -> Vt;
                                 _ -> Check(Size, Vt)
                             end,
                        _ = bit_type(A, Size, Ts),
                        maps:merge(maps:merge(Acc, new_vars(V1, Vt)), new_vars(V2, Vt))
                end, Vt, Segs).

%% The segment's type after erl_bits' consistency checks: specifiers are
%% merged left to right, a second value for the same property is a
%% mismatch (the new value first, as erl_bits reports it).
bit_type(_A, _Size, default) ->
    integer;
bit_type(A, Size, Ts) ->
    Spec = lists:foldl(fun(T, Acc) -> merge_spec(A, spec(A, T), Acc) end, #{}, Ts),
    Type = maps:get(type, Spec, undefined),
    Unit = maps:get(unit, Spec, undefined),
    case {Type, Size, Unit} of
        {T, default, U} when (T =:= integer orelse T =:= undefined orelse T =:= float),
                             U =/= undefined ->
            lint_error(A, bittype_unit);
        {T, _, _} when T =:= utf8; T =:= utf16; T =:= utf32 ->
            case Size =:= default andalso Unit =:= undefined of
                true -> T;
                false -> lint_error(A, utf_bittype_size_or_unit)
            end;
        {T, {atom, _, all}, _} when T =/= binary ->
            lint_error(A, illegal_bitsize);
        {undefined, _, _} -> integer;
        {T, _, _} -> T
    end.

spec(_, integer) -> [{type, integer}];
spec(_, float) -> [{type, float}];
spec(_, binary) -> [{type, binary}];
spec(_, bytes) -> [{type, binary}, {unit, 8}];
spec(_, bitstring) -> [{type, binary}, {unit, 1}];
spec(_, bits) -> [{type, binary}, {unit, 1}];
spec(_, utf8) -> [{type, utf8}];
spec(_, utf16) -> [{type, utf16}];
spec(_, utf32) -> [{type, utf32}];
spec(_, {unit, N}) when is_integer(N), N > 0, N =< 256 -> [{unit, N}];
spec(_, E) when E =:= big; E =:= little; E =:= native -> [{endianness, E}];
spec(_, S) when S =:= signed; S =:= unsigned -> [{sign, S}];
spec(A, Other) -> lint_error(A, {undefined_bittype, Other}).

%% erl_bits compares endianness, then sign, then type, then unit.
merge_spec(A, New, Acc) ->
    lists:foldl(fun(What, Ac) ->
                        case lists:keyfind(What, 1, New) of
                            false -> Ac;
                            {_, V} ->
                                case Ac of
                                    #{What := V} -> Ac;
                                    #{What := Old} ->
                                        lint_error(A, {bittype_mismatch, V, Old, atom_to_list(What)});
                                    #{} -> Ac#{What => V}
                                end
                        end
                end, Acc, [endianness, sign, type, unit]).
