%% @doc The Erlang meta interpreter, as OTP 25's `erl_eval': evaluates
%% expressions in the abstract format that `erl_parse' produces.
%%
%% An evaluation takes bindings (an orddict, or a map; the result has the
%% same kind) and returns `{value, Value, NewBindings}'. `exprs/2' and
%% `expr/2' first check the expressions as `erl_lint' would
%% (`check_command/2', in `erl_eval_lint'), so their errors are the
%% linter's (`{unbound_var, V}', `{unsafe_var, V, Where}', ...); the other
%% arities evaluate unchecked and report evaluation errors
%% (`{unbound, V}', `{badmatch, V}', ...).
%%
%% Function handlers: a local function handler (`{value, F}',
%% `{value, F, ExtraArgs}', `{eval, F}', `{eval, F, ExtraArgs}' or `none')
%% answers calls of unqualified functions that are not auto-imported BIFs;
%% a non-local handler (`{value, F}' with F of arity 2 or 3, or `none')
%% answers every remote call, operator and BIF application, as in OTP.
%%
%% Funs made by evaluated code are real funs, callable from compiled code:
%% one closure per arity (0 to 20, OTP's limit) over the interpreter,
%% whose environment is `[{Anno, Bindings, Lf, Ef, FunUsedVars, Clauses}]'
%% (plus the name for a named fun), the shape `fun_data/1' and the shell
%% rely on. Called from interpreted code, such a fun's clauses are
%% evaluated directly, so loops written in evaluated code run in constant
%% stack.
%%
%% `receive' is selective on the process's real mailbox. A receive with no
%% matching message and no `after' parks on `ferl_process:wait_message/0'
%% (woken by the next message, which it does not take); one with a
%% timeout polls the queue length (1 ms up to 8 ms between looks) until a
%% message arrives or the timeout passes. Messages are never reordered. Binaries are built and matched by
%% `erl_eval_bits'; the linter and the BIF tables are in `erl_eval_lint'.
-module(erl_eval).

%% Evaluation
-export([exprs/2, exprs/3, exprs/4, expr/2, expr/3, expr/4, expr/5,
         expr_list/2, expr_list/3, expr_list/4]).
%% Bindings
-export([new_bindings/0, bindings/1, binding/2, add_binding/3, del_binding/2]).
%% Checking, constant expressions, helpers the shell and escript use
-export([check_command/2, fun_data/1, match_clause/4, is_constant_expr/1,
         partial_eval/1, eval_str/1]).

-export_type([binding_struct/0]).

-type expression() :: tuple().
-type expressions() :: [expression()].
-type name() :: term().
-type value() :: term().
-type bindings() :: [{name(), value()}].
-type binding_struct() :: orddict:orddict() | map().
-type local_function_handler() :: {value, function()} | {value, function(), list()}
                                | {eval, function()} | {eval, function(), list()}
                                | none.
-type non_local_function_handler() :: {value, function()} | none.

%% The stacktrace an error raised by the interpreter carries: where the
%% interpreter stands, as OTP's erl_eval reports it.
-define(STACK, element(2, erlang:process_info(self(), current_stacktrace))).

%%% ---------------------------------------------------------------------
%%% Entry points
%%% ---------------------------------------------------------------------

%% @doc Evaluates a sequence of expressions after checking them as the
%% linter would; raises the linter's error reason when the check fails.
-spec exprs(Expressions, Bindings) -> {value, Value, NewBindings} when
      Expressions :: expressions(), Bindings :: binding_struct(),
      Value :: value(), NewBindings :: binding_struct().
exprs(Es, Bs) ->
    case check_command(Es, Bs) of
        ok -> seq(Es, Bs, none, none, none);
        {error, {_Loc, _Mod, Reason}} -> erlang:raise(error, Reason, ?STACK)
    end.

%% @doc Evaluates a sequence of expressions with a local function handler.
-spec exprs(Expressions, Bindings, LocalFunctionHandler) -> {value, Value, NewBindings} when
      Expressions :: expressions(), Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      Value :: value(), NewBindings :: binding_struct().
exprs(Es, Bs, Lf) ->
    seq(Es, Bs, Lf, none, none).

%% @doc Evaluates a sequence of expressions with local and non-local
%% function handlers.
-spec exprs(Expressions, Bindings, LocalFunctionHandler, NonLocalFunctionHandler) ->
                   {value, Value, NewBindings} when
      Expressions :: expressions(), Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      NonLocalFunctionHandler :: non_local_function_handler(),
      Value :: value(), NewBindings :: binding_struct().
exprs(Es, Bs, Lf, Ef) ->
    seq(Es, Bs, Lf, Ef, none).

%% @doc Evaluates one expression after checking it as the linter would.
-spec expr(Expression, Bindings) -> {value, Value, NewBindings} when
      Expression :: expression(), Bindings :: binding_struct(),
      Value :: value(), NewBindings :: binding_struct().
expr(E, Bs) ->
    case check_command([E], Bs) of
        ok -> expr(E, Bs, none, none, none);
        {error, {_Loc, _Mod, Reason}} -> erlang:raise(error, Reason, ?STACK)
    end.

%% @doc Evaluates one expression with a local function handler.
-spec expr(Expression, Bindings, LocalFunctionHandler) -> {value, Value, NewBindings} when
      Expression :: expression(), Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      Value :: value(), NewBindings :: binding_struct().
expr(E, Bs, Lf) ->
    expr(E, Bs, Lf, none, none).

%% @doc Evaluates one expression with local and non-local handlers.
-spec expr(Expression, Bindings, LocalFunctionHandler, NonLocalFunctionHandler) ->
                  {value, Value, NewBindings} when
      Expression :: expression(), Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      NonLocalFunctionHandler :: non_local_function_handler(),
      Value :: value(), NewBindings :: binding_struct().
expr(E, Bs, Lf, Ef) ->
    expr(E, Bs, Lf, Ef, none).

%% @doc Evaluates one expression; with ReturnFormat `value' only the value
%% is returned, with `none' the value and the new bindings.
-spec expr(Expression, Bindings, LocalFunctionHandler, NonLocalFunctionHandler,
           ReturnFormat) -> {value, Value, NewBindings} | Value when
      Expression :: expression(), Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      NonLocalFunctionHandler :: non_local_function_handler(),
      ReturnFormat :: none | value,
      Value :: value(), NewBindings :: binding_struct().
expr(E, Bs, Lf, Ef, RBs) ->
    ev(E, Bs, Lf, Ef, RBs).

%% @doc Evaluates a list of expressions "in parallel": each sees the
%% bindings given, and their new bindings are merged (a variable bound to
%% two different values is a `badmatch').
-spec expr_list(ExpressionList, Bindings) -> {ValueList, NewBindings} when
      ExpressionList :: [expression()], Bindings :: binding_struct(),
      ValueList :: [value()], NewBindings :: binding_struct().
expr_list(Es, Bs) ->
    ev_list(Es, Bs, none, none).

%% @doc As `expr_list/2', with a local function handler.
-spec expr_list(ExpressionList, Bindings, LocalFunctionHandler) -> {ValueList, NewBindings} when
      ExpressionList :: [expression()], Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      ValueList :: [value()], NewBindings :: binding_struct().
expr_list(Es, Bs, Lf) ->
    ev_list(Es, Bs, Lf, none).

%% @doc As `expr_list/2', with local and non-local function handlers.
-spec expr_list(ExpressionList, Bindings, LocalFunctionHandler, NonLocalFunctionHandler) ->
                       {ValueList, NewBindings} when
      ExpressionList :: [expression()], Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      NonLocalFunctionHandler :: non_local_function_handler(),
      ValueList :: [value()], NewBindings :: binding_struct().
expr_list(Es, Bs, Lf, Ef) ->
    ev_list(Es, Bs, Lf, Ef).

%% @doc Checks expressions as `erl_lint' does for the shell: `ok' or the
%% first error, `{error, {Location, erl_lint, Reason}}'.
-spec check_command(Expressions, Bindings) -> ok | {error, {term(), module(), term()}} when
      Expressions :: expressions(), Bindings :: binding_struct().
check_command(Es, Bs) ->
    erl_eval_lint:check(Es, bindings(Bs)).

%% @doc `{fun_data, Bindings, Clauses}' (or `{named_fun_data, Bindings,
%% Name, Clauses}') for a fun made by this module, else `false'.
-spec fun_data(term()) -> {fun_data, binding_struct(), list()}
                              | {named_fun_data, binding_struct(), atom(), list()} | false.
fun_data(F) when is_function(F) ->
    case fun_env(F) of
        {fun_env, {_A, FBs, _Lf, _Ef, _U, FCs}} -> {fun_data, FBs, FCs};
        {fun_env, {_A, FBs, _Lf, _Ef, _U, FCs, Name}} -> {named_fun_data, FBs, Name, FCs};
        no_env -> false
    end;
fun_data(_) ->
    false.

%% @doc Matches the values against the clauses' heads and guards: the
%% chosen body and its bindings, or `nomatch'.
-spec match_clause(Clauses, ValueList, Bindings, LocalFunctionHandler) ->
                          {Body, NewBindings} | nomatch when
      Clauses :: [tuple()], ValueList :: [value()], Bindings :: binding_struct(),
      LocalFunctionHandler :: local_function_handler(),
      Body :: expressions(), NewBindings :: binding_struct().
match_clause(Cs, Vs, Bs, Lf) ->
    match_clause(Cs, Vs, Bs, Lf, none).

%%% ---------------------------------------------------------------------
%%% Bindings
%%% ---------------------------------------------------------------------

%% @doc An empty binding structure (an orddict).
-spec new_bindings() -> binding_struct().
new_bindings() -> [].

%% @doc The bindings as a list of `{Name, Value}'.
-spec bindings(BindingStruct :: binding_struct()) -> bindings().
bindings(Bs) when is_map(Bs) -> maps:to_list(Bs);
bindings(Bs) when is_list(Bs) -> Bs.

%% @doc `{value, Value}' if Name is bound, else `unbound'.
-spec binding(Name, BindingStruct) -> {value, value()} | unbound when
      Name :: name(), BindingStruct :: binding_struct().
binding(Name, Bs) when is_map(Bs) ->
    case Bs of
        #{Name := V} -> {value, V};
        #{} -> unbound
    end;
binding(Name, Bs) when is_list(Bs) ->
    case orddict:find(Name, Bs) of
        {ok, V} -> {value, V};
        error -> unbound
    end.

%% @doc Binds Name to Value, replacing an earlier binding.
-spec add_binding(Name, Value, BindingStruct) -> binding_struct() when
      Name :: name(), Value :: value(), BindingStruct :: binding_struct().
add_binding(Name, V, Bs) when is_map(Bs) -> Bs#{Name => V};
add_binding(Name, V, Bs) when is_list(Bs) -> orddict:store(Name, V, Bs).

%% @doc Removes the binding of Name, if any.
-spec del_binding(Name, BindingStruct) -> binding_struct() when
      Name :: name(), BindingStruct :: binding_struct().
del_binding(Name, Bs) when is_map(Bs) -> maps:remove(Name, Bs);
del_binding(Name, Bs) when is_list(Bs) -> orddict:erase(Name, Bs).

%% An empty structure of the same kind as Bs.
empty_like(Bs) when is_map(Bs) -> #{};
empty_like(_) -> [].

%% Bs1's bindings shadow Bs2's.
add_bindings(Bs1, Bs2) when is_map(Bs1), is_map(Bs2) -> maps:merge(Bs2, Bs1);
add_bindings(Bs1, Bs2) ->
    lists:foldl(fun({N, V}, Acc) -> orddict:store(N, V, Acc) end, Bs2, bindings(Bs1)).

%% Bindings made side by side (the elements of a tuple, the operands of an
%% operator) must agree; a disagreement is a badmatch on the earlier value.
merge_bindings(Bs1, Bs2, Ef) ->
    lists:foldl(fun({N, V}, Acc) ->
                        case binding(N, Acc) of
                            {value, V} -> Acc;
                            {value, Old} -> raise_error({badmatch, Old}, ?STACK, Bs1, Ef, none);
                            unbound -> add_binding(N, V, Acc)
                        end
                end, Bs2, bindings(Bs1)).

filter_bindings(Keep, Bs) when is_map(Bs) -> maps:filter(fun(K, _) -> Keep(K) end, Bs);
filter_bindings(Keep, Bs) -> [B || {K, _} = B <- Bs, Keep(K)].

%%% ---------------------------------------------------------------------
%%% Results
%%% ---------------------------------------------------------------------

%% RBs says what an evaluation returns: `none', the value and the new
%% bindings (top level); `value', the bare value (the body of a fun called
%% from compiled code); a binding structure, the value with those bindings
%% (the body of an interpreted fun called from interpreted code, whose own
%% bindings must not leak to the caller).
ret(V, Bs, none) -> {value, V, Bs};
ret(V, _Bs, value) -> V;
ret(V, _Bs, RBs) -> {value, V, RBs}.

%% Errors go through the non-local handler as a call of erlang:raise/3, as
%% OTP's do, so a handler sees them too.
raise_error(Reason, Stack, Bs, Ef, RBs) ->
    apply_mfa(erlang, raise, [error, Reason, Stack], Bs, Ef, RBs).

%%% ---------------------------------------------------------------------
%%% Expressions
%%% ---------------------------------------------------------------------

seq([E], Bs, Lf, Ef, RBs) ->
    ev(E, Bs, Lf, Ef, RBs);
seq([E | Es], Bs0, Lf, Ef, RBs) ->
    {value, _, Bs} = ev(E, Bs0, Lf, Ef, none),
    seq(Es, Bs, Lf, Ef, RBs).

ev({var, _, V}, Bs, _Lf, Ef, RBs) ->
    case binding(V, Bs) of
        {value, Val} -> ret(Val, Bs, RBs);
        unbound -> raise_error({unbound, V}, ?STACK, Bs, Ef, RBs)
    end;
ev({integer, _, I}, Bs, _Lf, _Ef, RBs) -> ret(I, Bs, RBs);
ev({char, _, C}, Bs, _Lf, _Ef, RBs) -> ret(C, Bs, RBs);
ev({float, _, F}, Bs, _Lf, _Ef, RBs) -> ret(F, Bs, RBs);
ev({atom, _, A}, Bs, _Lf, _Ef, RBs) -> ret(A, Bs, RBs);
ev({string, _, S}, Bs, _Lf, _Ef, RBs) -> ret(S, Bs, RBs);
ev({nil, _}, Bs, _Lf, _Ef, RBs) -> ret([], Bs, RBs);
ev({cons, _, H0, T0}, Bs0, Lf, Ef, RBs) ->
    {value, H, Bs1} = ev(H0, Bs0, Lf, Ef, none),
    {value, T, Bs2} = ev(T0, Bs0, Lf, Ef, none),
    ret([H | T], merge_bindings(Bs1, Bs2, Ef), RBs);
ev({tuple, _, Es}, Bs0, Lf, Ef, RBs) ->
    {Vs, Bs} = ev_list(Es, Bs0, Lf, Ef),
    ret(list_to_tuple(Vs), Bs, RBs);
ev({map, _, Fs}, Bs0, Lf, Ef, RBs) ->
    {Assocs, Bs} = map_fields(Fs, Bs0, Lf, Ef),
    ret(lists:foldl(fun({_, K, V}, M) -> M#{K => V} end, #{}, Assocs), Bs, RBs);
ev({map, _, M0, Fs}, Bs0, Lf, Ef, RBs) ->
    {value, M, Bs1} = ev(M0, Bs0, Lf, Ef, none),
    {Assocs, Bs2} = map_fields(Fs, Bs0, Lf, Ef),
    is_map(M) orelse erlang:raise(error, {badmap, M}, ?STACK),
    New = lists:foldl(fun({assoc, K, V}, Acc) -> Acc#{K => V};
                         ({exact, K, V}, Acc) ->
                              case Acc of
                                  #{K := _} -> Acc#{K := V};
                                  #{} -> erlang:raise(error, {badkey, K}, ?STACK)
                              end
                      end, M, Assocs),
    ret(New, merge_bindings(Bs2, Bs1, Ef), RBs);
ev({record_field, _, _, Name, _}, Bs, _Lf, Ef, RBs) ->
    raise_error({undef_record, Name}, ?STACK, Bs, Ef, RBs);
ev({record_index, _, Name, _}, Bs, _Lf, Ef, RBs) ->
    raise_error({undef_record, Name}, ?STACK, Bs, Ef, RBs);
ev({record, _, Name, _}, Bs, _Lf, Ef, RBs) ->
    raise_error({undef_record, Name}, ?STACK, Bs, Ef, RBs);
ev({record, _, _, Name, _}, Bs, _Lf, Ef, RBs) ->
    raise_error({undef_record, Name}, ?STACK, Bs, Ef, RBs);
ev({block, _, Es}, Bs, Lf, Ef, RBs) ->
    seq(Es, Bs, Lf, Ef, RBs);
ev({'if', _, Cs}, Bs, Lf, Ef, RBs) ->
    if_clauses(Cs, Bs, Lf, Ef, RBs);
ev({'case', _, E, Cs}, Bs0, Lf, Ef, RBs) ->
    {value, V, Bs} = ev(E, Bs0, Lf, Ef, none),
    case match_clause(Cs, [V], Bs, Lf, Ef) of
        {Body, Bs1} -> seq(Body, Bs1, Lf, Ef, RBs);
        nomatch -> raise_error({case_clause, V}, ?STACK, Bs, Ef, RBs)
    end;
ev({'try', _, B, Cases, Catches, After}, Bs, Lf, Ef, RBs) ->
    try_expr(B, Cases, Catches, After, Bs, Lf, Ef, RBs);
ev({'receive', _, Cs}, Bs, Lf, Ef, RBs) ->
    receive_clauses(Cs, infinity, none, Bs, Lf, Ef, RBs);
ev({'receive', _, Cs, T0, TBody}, Bs0, Lf, Ef, RBs) ->
    {value, T, Bs} = ev(T0, Bs0, Lf, Ef, none),
    receive_clauses(Cs, T, {TBody, Bs}, Bs0, Lf, Ef, RBs);
ev({'fun', _, {function, M0, F0, A0}}, Bs0, Lf, Ef, RBs) ->
    {[M, F, A], Bs} = ev_list([M0, F0, A0], Bs0, Lf, Ef),
    ret(erlang:make_fun(M, F, A), Bs, RBs);
ev({'fun', _, {function, Name, Arity}}, Bs, _Lf, Ef, RBs) ->
    %% A local fun has no module to live in.
    raise_error(undef, [{?MODULE, Name, Arity, []} | ?STACK], Bs, Ef, RBs);
ev({'fun', Anno, {clauses, Cs}} = Fun, Bs, Lf, Ef, RBs) ->
    Info = {Anno, closure_bindings(Fun, Bs), Lf, Ef, #{}, Cs},
    case make_closure(clause_arity(Cs), Info) of
        {ok, F} ->
            ret(F, Bs, RBs);
        too_many ->
            Reason = {argument_limit, {'fun', location(Anno), Cs}},
            raise_error(Reason, ?STACK, Bs, Ef, RBs)
    end;
ev({named_fun, Anno, Name, Cs} = Fun, Bs, Lf, Ef, RBs) ->
    Info = {Anno, closure_bindings(Fun, Bs), Lf, Ef, #{}, Cs, Name},
    case make_named_closure(clause_arity(Cs), Info) of
        {ok, F} ->
            ret(F, Bs, RBs);
        too_many ->
            Reason = {argument_limit, {named_fun, location(Anno), Name, Cs}},
            raise_error(Reason, ?STACK, Bs, Ef, RBs)
    end;
ev({call, _, {remote, _, M0, F0}, As0}, Bs0, Lf, Ef, RBs) ->
    {value, M, Bs1} = ev(M0, Bs0, Lf, Ef, none),
    {value, F, Bs2} = ev(F0, Bs0, Lf, Ef, none),
    {As, Bs3} = ev_list(As0, merge_bindings(Bs1, Bs2, Ef), Lf, Ef),
    case M =:= erlang andalso is_atom(F) andalso erl_eval_lint:is_bif(F, length(As)) of
        true -> bif(F, As, Bs3, Ef, RBs);
        false -> apply_mfa(M, F, As, Bs3, Ef, RBs)
    end;
ev({call, _, {atom, _, F}, As0}, Bs0, Lf, Ef, RBs) ->
    case erl_eval_lint:is_bif(F, length(As0)) of
        true ->
            {As, Bs} = ev_list(As0, Bs0, Lf, Ef),
            bif(F, As, Bs, Ef, RBs);
        false ->
            local_call(F, As0, Bs0, Lf, Ef, RBs)
    end;
ev({call, _, F0, As0}, Bs0, Lf, Ef, RBs) ->
    {value, F, Bs1} = ev(F0, Bs0, Lf, Ef, none),
    {As, Bs2} = ev_list(As0, Bs1, Lf, Ef),
    case F of
        {M, N} when is_atom(M), is_atom(N) ->
            %% Tuple funs are gone; OTP refuses them as funs.
            raise_error({badfun, F}, ?STACK, Bs0, Ef, RBs);
        _ ->
            apply_fun(F, As, Bs2, Ef, RBs)
    end;
ev({'catch', _, E}, Bs0, Lf, Ef, RBs) ->
    try ev(E, Bs0, Lf, Ef, none) of
        {value, V, Bs} -> ret(V, Bs, RBs)
    catch
        throw:T -> ret(T, Bs0, RBs);
        exit:R -> ret({'EXIT', R}, Bs0, RBs);
        error:R:St -> ret({'EXIT', {R, St}}, Bs0, RBs)
    end;
ev({match, _, P, E}, Bs0, Lf, Ef, RBs) ->
    {value, V, Bs1} = ev(E, Bs0, Lf, Ef, none),
    case match(P, V, Bs1, Bs1, Ef) of
        {match, Bs} -> ret(V, Bs, RBs);
        nomatch -> raise_error({badmatch, V}, ?STACK, Bs0, Ef, RBs)
    end;
ev({'maybe', _, Es}, Bs, Lf, Ef, RBs) ->
    {_, V} = maybe_seq(Es, Bs, Lf, Ef),
    ret(V, Bs, RBs);
ev({'maybe', _, Es, {'else', _, Cs}}, Bs, Lf, Ef, RBs) ->
    case maybe_seq(Es, Bs, Lf, Ef) of
        {success, V} ->
            ret(V, Bs, RBs);
        {failure, V} ->
            case match_clause(Cs, [V], Bs, Lf, Ef) of
                {Body, Bs1} -> seq(Body, Bs1, Lf, Ef, RBs);
                nomatch -> raise_error({else_clause, V}, ?STACK, Bs, Ef, RBs)
            end
    end;
ev({op, _, 'andalso', L0, R0}, Bs0, Lf, Ef, RBs) ->
    {value, L, Bs1} = ev(L0, Bs0, Lf, Ef, none),
    V = case L of
            true -> element(2, ev(R0, Bs1, Lf, Ef, none));
            false -> false;
            _ -> raise_error({badarg, L}, ?STACK, Bs0, Ef, RBs)
        end,
    ret(V, Bs1, RBs);
ev({op, _, 'orelse', L0, R0}, Bs0, Lf, Ef, RBs) ->
    {value, L, Bs1} = ev(L0, Bs0, Lf, Ef, none),
    V = case L of
            true -> true;
            false -> element(2, ev(R0, Bs1, Lf, Ef, none));
            _ -> raise_error({badarg, L}, ?STACK, Bs0, Ef, RBs)
        end,
    ret(V, Bs1, RBs);
ev({op, _, Op, A0}, Bs0, Lf, Ef, RBs) ->
    {value, A, Bs} = ev(A0, Bs0, Lf, Ef, none),
    apply_mfa(erlang, Op, [A], Bs, Ef, RBs);
ev({op, _, Op, L0, R0}, Bs0, Lf, Ef, RBs) ->
    {value, L, Bs1} = ev(L0, Bs0, Lf, Ef, none),
    {value, R, Bs2} = ev(R0, Bs0, Lf, Ef, none),
    apply_mfa(erlang, Op, [L, R], merge_bindings(Bs1, Bs2, Ef), Ef, RBs);
ev({bin, _, Segs}, Bs0, Lf, Ef, RBs) ->
    Eval = fun(E, B) -> ev(E, B, Lf, Ef, none) end,
    {Bin, Bs} = erl_eval_bits:build(Segs, Bs0, Eval),
    ret(Bin, Bs, RBs);
ev({lc, _, E, Qs}, Bs, Lf, Ef, RBs) ->
    Acc = comprehension(Qs, Bs, Lf, Ef, list_emit(E, Lf, Ef), []),
    ret(lists:reverse(Acc), Bs, RBs);
ev({bc, _, E, Qs}, Bs, Lf, Ef, RBs) ->
    ret(comprehension(Qs, Bs, Lf, Ef, bin_emit(E, Lf, Ef), <<>>), Bs, RBs);
ev({remote, _, _, _}, Bs, _Lf, Ef, RBs) ->
    raise_error({badexpr, ':'}, ?STACK, Bs, Ef, RBs);
ev(Other, Bs, _Lf, Ef, RBs) ->
    raise_error({badexpr, Other}, ?STACK, Bs, Ef, RBs).

%% Side by side evaluation; see expr_list/2.
ev_list(Es, Bs, Lf, Ef) ->
    ev_list(Es, Bs, Bs, Lf, Ef, []).

ev_list([E | Es], Bs0, Acc, Lf, Ef, Vs) ->
    {value, V, Bs1} = ev(E, Bs0, Lf, Ef, none),
    ev_list(Es, Bs0, merge_bindings(Bs1, Acc, Ef), Lf, Ef, [V | Vs]);
ev_list([], _Bs0, Acc, _Lf, _Ef, Vs) ->
    {lists:reverse(Vs), Acc}.

%% Map fields, evaluated in order, key before value.
map_fields(Fs, Bs, Lf, Ef) ->
    map_fields(Fs, Bs, Lf, Ef, []).

map_fields([{Kind, _, K0, V0} | Fs], Bs0, Lf, Ef, Acc) ->
    {value, K, Bs1} = ev(K0, Bs0, Lf, Ef, none),
    {value, V, Bs2} = ev(V0, Bs1, Lf, Ef, none),
    Tag = case Kind of map_field_assoc -> assoc; map_field_exact -> exact end,
    map_fields(Fs, Bs2, Lf, Ef, [{Tag, K, V} | Acc]);
map_fields([], Bs, _Lf, _Ef, Acc) ->
    {lists:reverse(Acc), Bs}.

maybe_seq([{maybe_match, _, P, E} | Es], Bs0, Lf, Ef) ->
    {value, V, Bs1} = ev(E, Bs0, Lf, Ef, none),
    case match(P, V, Bs1, Bs1, Ef) of
        {match, _} when Es =:= [] -> {success, V};
        {match, Bs} -> maybe_seq(Es, Bs, Lf, Ef);
        nomatch -> {failure, V}
    end;
maybe_seq([E], Bs, Lf, Ef) ->
    {value, V, _} = ev(E, Bs, Lf, Ef, none),
    {success, V};
maybe_seq([E | Es], Bs0, Lf, Ef) ->
    {value, _, Bs} = ev(E, Bs0, Lf, Ef, none),
    maybe_seq(Es, Bs, Lf, Ef).

location(Anno) when is_list(Anno) ->
    case lists:keyfind(location, 1, Anno) of
        {location, L} -> L;
        false -> 0
    end;
location(Anno) -> Anno.

%%% ---------------------------------------------------------------------
%%% Clauses: if, case, try, receive
%%% ---------------------------------------------------------------------

if_clauses([{clause, _, [], G, Body} | Cs], Bs, Lf, Ef, RBs) ->
    case guard(G, Bs, Lf, Ef) of
        true -> seq(Body, Bs, Lf, Ef, RBs);
        false -> if_clauses(Cs, Bs, Lf, Ef, RBs)
    end;
if_clauses([], Bs, _Lf, Ef, RBs) ->
    raise_error(if_clause, ?STACK, Bs, Ef, RBs).

match_clause([{clause, _, H, G, Body} | Cs], Vs, Bs, Lf, Ef) ->
    case match_list(H, Vs, Bs, Bs, Ef) of
        {match, Bs1} ->
            case guard(G, Bs1, Lf, Ef) of
                true -> {Body, Bs1};
                false -> match_clause(Cs, Vs, Bs, Lf, Ef)
            end;
        nomatch ->
            match_clause(Cs, Vs, Bs, Lf, Ef)
    end;
match_clause([], _Vs, _Bs, _Lf, _Ef) ->
    nomatch.

try_expr(B, Cases, Catches, After, Bs, Lf, Ef, RBs) ->
    check_stacktrace_vars(Catches, Bs, Ef, RBs),
    try seq(B, Bs, Lf, Ef, none) of
        {value, V, Bs1} when Cases =:= [] ->
            ret(V, Bs1, RBs);
        {value, V, Bs1} ->
            case match_clause(Cases, [V], Bs1, Lf, Ef) of
                {Body, Bs2} -> seq(Body, Bs2, Lf, Ef, RBs);
                nomatch -> raise_error({try_clause, V}, ?STACK, Bs, Ef, RBs)
            end
    catch
        Class:Reason:St when Catches =:= [] ->
            erlang:raise(Class, Reason, St);
        Class:Reason:St ->
            case match_clause(Catches, [{Class, Reason, St}], Bs, Lf, Ef) of
                {Body, Bs2} -> seq(Body, Bs2, Lf, Ef, RBs);
                nomatch -> erlang:raise(Class, Reason, St)
            end
    after
        case After of
            [] -> ok;
            _ -> seq(After, Bs, Lf, Ef, none)
        end
    end.

%% The stacktrace variable of a catch clause must be a fresh variable.
check_stacktrace_vars([{clause, _, [{tuple, _, [_, _, StV]}], _, _} | Cs], Bs, Ef, RBs) ->
    case StV of
        {var, _, '_'} ->
            check_stacktrace_vars(Cs, Bs, Ef, RBs);
        {var, _, V} ->
            case binding(V, Bs) of
                {value, _} -> raise_error(stacktrace_bound, ?STACK, Bs, Ef, RBs);
                unbound -> check_stacktrace_vars(Cs, Bs, Ef, RBs)
            end;
        _ ->
            raise_error({illegal_stacktrace_variable, StV}, ?STACK, Bs, Ef, RBs)
    end;
check_stacktrace_vars(_, _Bs, _Ef, _RBs) ->
    ok.

receive_clauses(Cs, Timeout, TimeoutBody, Bs, Lf, Ef, RBs) ->
    Match = fun(Msg) -> match_clause(Cs, [Msg], Bs, Lf, Ef) end,
    case Cs of
        [] ->
            %% `receive after T -> ... end': nothing to select.
            receive after Timeout -> ok end,
            {Body, Bs1} = TimeoutBody,
            seq(Body, Bs1, Lf, Ef, RBs);
        _ ->
            case select(Match, Timeout) of
                {Body, Bs1} ->
                    seq(Body, Bs1, Lf, Ef, RBs);
                timeout ->
                    {Body, Bs1} = TimeoutBody,
                    seq(Body, Bs1, Lf, Ef, RBs)
            end
    end.

%% Selective receive on the real mailbox: the first message Match accepts
%% is taken out (by `receive' on a term equal to it, which finds that very
%% message, since every earlier one was refused and equal terms match
%% alike), the others stay where they are.
select(Match, Timeout) ->
    Deadline = case Timeout of
                   infinity -> infinity;
                   T when is_integer(T), T >= 0 -> erlang:monotonic_time(millisecond) + T;
                   _ -> erlang:raise(error, timeout_value, ?STACK)
               end,
    select(Match, Deadline, 0, 1).

select(Match, Deadline, Seen, Pause) ->
    {messages, Msgs} = erlang:process_info(self(), messages),
    case first_match(lists:nthtail(Seen, Msgs), Match) of
        {found, Msg, Result} ->
            receive Msg -> ok end,
            Result;
        none ->
            wait_for_message(Match, Deadline, length(Msgs), Pause)
    end.

first_match([M | Ms], Match) ->
    case Match(M) of
        nomatch -> first_match(Ms, Match);
        Result -> {found, M, Result}
    end;
first_match([], _Match) ->
    none.

wait_for_message(Match, Deadline, Seen, Pause) ->
    Left = case Deadline of
               infinity -> Pause;
               _ -> min(Pause, max(0, Deadline - erlang:monotonic_time(millisecond)))
           end,
    case erlang:process_info(self(), message_queue_len) of
        {message_queue_len, N} when N > Seen ->
            select(Match, Deadline, Seen, 1);
        _ when Left =:= 0, Deadline =/= infinity ->
            timeout;
        _ when Deadline =:= infinity ->
            %% Parked until something arrives, without taking it.
            ferl_process:wait_message(),
            wait_for_message(Match, Deadline, Seen, Pause);
        _ ->
            receive after Left -> ok end,
            wait_for_message(Match, Deadline, Seen, min(Pause * 2, 8))
    end.

%%% ---------------------------------------------------------------------
%%% Calls
%%% ---------------------------------------------------------------------

local_call(F, As0, Bs0, {value, H} = Lf, Ef, value) ->
    {As, _} = ev_list(As0, Bs0, Lf, Ef),
    H(F, As);
local_call(F, As0, Bs0, {value, H} = Lf, Ef, RBs) ->
    {As, Bs} = ev_list(As0, Bs0, Lf, Ef),
    ret(H(F, As), Bs, RBs);
local_call(F, As0, Bs0, {value, H, Extra}, Ef, RBs) ->
    local_call(F, As0, Bs0, {value, fun(N, As) -> apply(H, [N, As | Extra]) end}, Ef, RBs);
local_call(F, As, Bs, {eval, H}, _Ef, RBs) ->
    eval_reply(H(F, As, Bs), RBs);
local_call(F, As, Bs, {eval, H, Extra}, _Ef, RBs) ->
    eval_reply(apply(H, [F, As, Bs | Extra]), RBs);
local_call(F, As0, Bs0, {M, H} = Lf, Ef, RBs) when is_atom(M) ->
    %% The old {Module, Function} handler form.
    {As, Bs} = ev_list(As0, Bs0, Lf, Ef),
    ret(M:H(F, As), Bs, RBs);
local_call(F, As, _Bs, {M, H, Extra}, _Ef, RBs) when is_atom(M) ->
    eval_reply(apply(M, H, [F, As | Extra]), RBs);
local_call(F, As, Bs, none, Ef, RBs) ->
    raise_error(undef, [{?MODULE, F, length(As), []} | ?STACK], Bs, Ef, RBs).

eval_reply({value, V, Bs}, RBs) ->
    ret(V, Bs, RBs);
eval_reply({eval, F, As, Bs}, RBs) ->
    apply_fun(F, As, Bs, none, RBs).

%% Auto-imported BIFs; apply/2,3 are not shown to the non-local handler,
%% so evaluated funs applied through them stay interpreted.
bif(apply, [erlang, apply, As], Bs, Ef, RBs) ->
    bif(apply, As, Bs, Ef, RBs);
bif(apply, [M, F, As], Bs, Ef, RBs) ->
    apply_mfa(M, F, As, Bs, Ef, RBs);
bif(apply, [F, As], Bs, Ef, RBs) ->
    apply_fun(F, As, Bs, Ef, RBs);
bif(Name, As, Bs, Ef, RBs) ->
    apply_mfa(erlang, Name, As, Bs, Ef, RBs).

apply_mfa(M, F, As, _Bs, none, value) ->
    apply(M, F, As);
apply_mfa(M, F, As, Bs, none, RBs) ->
    ret(apply(M, F, As), Bs, RBs);
apply_mfa(M, F, As, _Bs, {value, H}, value) ->
    call_handler(H, {M, F}, As);
apply_mfa(M, F, As, Bs, {value, H}, RBs) ->
    ret(call_handler(H, {M, F}, As), Bs, RBs).

call_handler(H, What, As) when is_function(H, 3) -> H(0, What, As);
call_handler(H, What, As) -> H(What, As).

%% Applies a fun. A fun made here runs its clauses in this evaluation:
%% its body returns the caller's bindings (RBs, or the bindings the call
%% started with at top level).
apply_fun(F, As, Bs0, Ef, RBs) ->
    NRBs = case RBs of none -> Bs0; _ -> RBs end,
    case fun_env(F) of
        {fun_env, Info} ->
            {arity, Arity} = erlang:fun_info(F, arity),
            case length(As) of
                Arity -> interpreted_call(Info, F, As, NRBs);
                _ -> raise_error({badarity, {F, As}}, ?STACK, Bs0, Ef, RBs)
            end;
        no_env ->
            case {Ef, RBs} of
                {none, value} -> apply(F, As);
                {none, _} -> ret(apply(F, As), Bs0, RBs);
                {{value, H}, value} -> call_handler(H, F, As);
                {{value, H}, _} -> ret(call_handler(H, F, As), Bs0, RBs)
            end
    end.

interpreted_call({_A, FBs, FLf, FEf, _U, FCs}, _F, As, RBs) ->
    fun_clauses(FCs, As, FBs, FLf, FEf, RBs);
interpreted_call({_A, FBs, FLf, FEf, _U, FCs, Name}, F, As, RBs) ->
    named_fun_clauses(FCs, As, FBs, FLf, FEf, Name, F, RBs).

%% The interpreter state of a fun made by this module.
fun_env(F) when is_function(F) ->
    case erlang:fun_info(F, module) of
        {module, ?MODULE} ->
            case erlang:fun_info(F, env) of
                {env, [{_, _, _, _, _, _} = Info]} -> {fun_env, Info};
                {env, [{_, _, _, _, _, _, _} = Info]} -> {fun_env, Info};
                _ -> no_env
            end;
        _ ->
            no_env
    end;
fun_env(_) ->
    no_env.

%%% ---------------------------------------------------------------------
%%% Funs
%%% ---------------------------------------------------------------------

clause_arity([{clause, _, H, _, _} | _]) -> length(H).

%% Only the variables the fun uses are kept in its environment.
closure_bindings(Fun, Bs) ->
    Used = erl_eval_lint:used_vars(Fun),
    filter_bindings(fun(K) -> maps:is_key(K, Used) end, Bs).

%% Called from compiled code (or apply): the body returns a bare value.
eval_fun(As, {_A, Bs, Lf, Ef, _U, Cs}) ->
    fun_clauses(Cs, As, Bs, Lf, Ef, value).

eval_named_fun(As, Self, {_A, Bs, Lf, Ef, _U, Cs, Name}) ->
    named_fun_clauses(Cs, As, Bs, Lf, Ef, Name, Self, value).

fun_clauses([{clause, _, H, G, Body} | Cs], As, Bs0, Lf, Ef, RBs) ->
    %% The head's variables are new: they shadow the captured ones.
    case match_list(H, As, empty_like(Bs0), Bs0, Ef) of
        {match, New} ->
            Bs1 = add_bindings(New, Bs0),
            case guard(G, Bs1, Lf, Ef) of
                true -> seq(Body, Bs1, Lf, Ef, RBs);
                false -> fun_clauses(Cs, As, Bs0, Lf, Ef, RBs)
            end;
        nomatch ->
            fun_clauses(Cs, As, Bs0, Lf, Ef, RBs)
    end;
fun_clauses([], As, Bs, _Lf, Ef, RBs) ->
    St = [{?MODULE, '-inside-an-interpreted-fun-', As, []} | ?STACK],
    raise_error(function_clause, St, Bs, Ef, RBs).

named_fun_clauses([{clause, _, H, G, Body} | Cs], As, Bs0, Lf, Ef, Name, Self, RBs) ->
    Bs1 = add_binding(Name, Self, Bs0),
    case match_list(H, As, empty_like(Bs0), Bs1, Ef) of
        {match, New} ->
            Bs2 = add_bindings(New, Bs1),
            case guard(G, Bs2, Lf, Ef) of
                true -> seq(Body, Bs2, Lf, Ef, RBs);
                false -> named_fun_clauses(Cs, As, Bs0, Lf, Ef, Name, Self, RBs)
            end;
        nomatch ->
            named_fun_clauses(Cs, As, Bs0, Lf, Ef, Name, Self, RBs)
    end;
named_fun_clauses([], As, Bs, _Lf, Ef, _Name, _Self, RBs) ->
    St = [{?MODULE, '-inside-an-interpreted-fun-', As, []} | ?STACK],
    raise_error(function_clause, St, Bs, Ef, RBs).

%% One closure per arity: a fun's arity is fixed when it is compiled.
make_closure(0, I) -> {ok, fun() -> eval_fun([], I) end};
make_closure(1, I) -> {ok, fun(A) -> eval_fun([A], I) end};
make_closure(2, I) -> {ok, fun(A, B) -> eval_fun([A, B], I) end};
make_closure(3, I) -> {ok, fun(A, B, C) -> eval_fun([A, B, C], I) end};
make_closure(4, I) -> {ok, fun(A, B, C, D) -> eval_fun([A, B, C, D], I) end};
make_closure(5, I) -> {ok, fun(A, B, C, D, E) -> eval_fun([A, B, C, D, E], I) end};
make_closure(6, I) -> {ok, fun(A, B, C, D, E, F) -> eval_fun([A, B, C, D, E, F], I) end};
make_closure(7, I) ->
    {ok, fun(A, B, C, D, E, F, G) -> eval_fun([A, B, C, D, E, F, G], I) end};
make_closure(8, I) ->
    {ok, fun(A, B, C, D, E, F, G, H) -> eval_fun([A, B, C, D, E, F, G, H], I) end};
make_closure(9, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J) -> eval_fun([A, B, C, D, E, F, G, H, J], I) end};
make_closure(10, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K], I) end};
make_closure(11, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L], I) end};
make_closure(12, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M], I) end};
make_closure(13, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N], I) end};
make_closure(14, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O], I) end};
make_closure(15, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P], I) end};
make_closure(16, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q], I) end};
make_closure(17, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R], I) end};
make_closure(18, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S], I) end};
make_closure(19, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T], I) end};
make_closure(20, I) ->
    {ok, fun(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T, U) ->
                 eval_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T, U], I) end};
make_closure(_, _) -> too_many.

make_named_closure(0, I) -> {ok, fun Self() -> eval_named_fun([], Self, I) end};
make_named_closure(1, I) -> {ok, fun Self(A) -> eval_named_fun([A], Self, I) end};
make_named_closure(2, I) -> {ok, fun Self(A, B) -> eval_named_fun([A, B], Self, I) end};
make_named_closure(3, I) -> {ok, fun Self(A, B, C) -> eval_named_fun([A, B, C], Self, I) end};
make_named_closure(4, I) ->
    {ok, fun Self(A, B, C, D) -> eval_named_fun([A, B, C, D], Self, I) end};
make_named_closure(5, I) ->
    {ok, fun Self(A, B, C, D, E) -> eval_named_fun([A, B, C, D, E], Self, I) end};
make_named_closure(6, I) ->
    {ok, fun Self(A, B, C, D, E, F) -> eval_named_fun([A, B, C, D, E, F], Self, I) end};
make_named_closure(7, I) ->
    {ok, fun Self(A, B, C, D, E, F, G) -> eval_named_fun([A, B, C, D, E, F, G], Self, I) end};
make_named_closure(8, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H) ->
                 eval_named_fun([A, B, C, D, E, F, G, H], Self, I) end};
make_named_closure(9, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J], Self, I) end};
make_named_closure(10, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K], Self, I) end};
make_named_closure(11, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L], Self, I) end};
make_named_closure(12, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M], Self, I) end};
make_named_closure(13, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N], Self, I) end};
make_named_closure(14, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O], Self, I) end};
make_named_closure(15, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P], Self, I) end};
make_named_closure(16, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q], Self, I) end};
make_named_closure(17, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R],
                                Self, I) end};
make_named_closure(18, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S],
                                Self, I) end};
make_named_closure(19, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T],
                                Self, I) end};
make_named_closure(20, I) ->
    {ok, fun Self(A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T, U) ->
                 eval_named_fun([A, B, C, D, E, F, G, H, J, K, L, M, N, O, P, Q, R, S, T, U],
                                Self, I) end};
make_named_closure(_, _) -> too_many.

%%% ---------------------------------------------------------------------
%%% Comprehensions
%%% ---------------------------------------------------------------------

list_emit(E, Lf, Ef) ->
    fun(Bs, Acc) ->
            {value, V, _} = ev(E, Bs, Lf, Ef, none),
            [V | Acc]
    end.

bin_emit(E, Lf, Ef) ->
    fun(Bs, Acc) ->
            {value, V, _} = ev(E, Bs, Lf, Ef, none),
            <<Acc/bitstring, V/bitstring>>
    end.

%% Runs the qualifiers left to right; Emit adds one element per solution.
comprehension([{generate, _, P, L0} | Qs], Bs, Lf, Ef, Emit, Acc) ->
    {value, L, _} = ev(L0, Bs, Lf, Ef, none),
    list_generator(L, P, Qs, Bs, Lf, Ef, Emit, Acc);
comprehension([{b_generate, _, P, B0} | Qs], Bs, Lf, Ef, Emit, Acc) ->
    {value, B, _} = ev(B0, Bs, Lf, Ef, none),
    bin_generator(B, P, Qs, Bs, Lf, Ef, Emit, Acc);
comprehension([F | Qs], Bs0, Lf, Ef, Emit, Acc) ->
    case erl_eval_lint:is_guard_test(F) of
        true ->
            case guard_test(F, Bs0, Lf, Ef) of
                {value, true, Bs} -> comprehension(Qs, Bs, Lf, Ef, Emit, Acc);
                {value, false, _} -> Acc
            end;
        false ->
            case ev(F, Bs0, Lf, Ef, none) of
                {value, true, Bs} -> comprehension(Qs, Bs, Lf, Ef, Emit, Acc);
                {value, false, _} -> Acc;
                {value, V, _} -> raise_error({bad_filter, V}, ?STACK, Bs0, Ef, none)
            end
    end;
comprehension([], Bs, _Lf, _Ef, Emit, Acc) ->
    Emit(Bs, Acc).

list_generator([V | Vs], P, Qs, Bs0, Lf, Ef, Emit, Acc0) ->
    Acc = case match(P, V, empty_like(Bs0), Bs0, Ef) of
              {match, New} -> comprehension(Qs, add_bindings(New, Bs0), Lf, Ef, Emit, Acc0);
              nomatch -> Acc0
          end,
    list_generator(Vs, P, Qs, Bs0, Lf, Ef, Emit, Acc);
list_generator([], _P, _Qs, _Bs, _Lf, _Ef, _Emit, Acc) ->
    Acc;
list_generator(Other, _P, _Qs, Bs, _Lf, Ef, _Emit, _Acc) ->
    raise_error({bad_generator, Other}, ?STACK, Bs, Ef, none).

bin_generator(<<_/bitstring>> = Bin, {bin, _, Segs}, Qs, Bs0, Lf, Ef, Emit, Acc0) ->
    Eval = fun(E, B) -> ev(E, B, Lf, Ef, none) end,
    case erl_eval_bits:generate(Segs, Bin, empty_like(Bs0), Bs0, pattern_matcher(Bs0, Ef), Eval) of
        {match, Rest, New} ->
            Acc = comprehension(Qs, add_bindings(New, Bs0), Lf, Ef, Emit, Acc0),
            bin_generator(Rest, {bin, 0, Segs}, Qs, Bs0, Lf, Ef, Emit, Acc);
        {nomatch, Rest} ->
            bin_generator(Rest, {bin, 0, Segs}, Qs, Bs0, Lf, Ef, Emit, Acc0);
        done ->
            Acc0
    end;
bin_generator(Other, _P, _Qs, Bs, _Lf, Ef, _Emit, _Acc) ->
    raise_error({bad_generator, Other}, ?STACK, Bs, Ef, none).

%%% ---------------------------------------------------------------------
%%% Guards
%%% ---------------------------------------------------------------------

%% A guard is a disjunction (`;') of conjunctions (`,').
guard([], _Bs, _Lf, _Ef) -> true;
guard([G | _] = Gs, Bs, Lf, Ef) when is_list(G) -> guard_or(Gs, Bs, Lf, Ef);
guard(Gs, Bs, Lf, Ef) -> guard_and(Gs, Bs, Lf, Ef).

guard_or([G | Gs], Bs, Lf, Ef) ->
    guard_and(G, Bs, Lf, Ef) orelse guard_or(Gs, Bs, Lf, Ef);
guard_or([], _Bs, _Lf, _Ef) ->
    false.

guard_and([G | Gs], Bs0, Lf, Ef) ->
    case erl_eval_lint:is_guard_test(G) of
        true ->
            case guard_test(G, Bs0, Lf, Ef) of
                {value, true, Bs} -> guard_and(Gs, Bs, Lf, Ef);
                {value, false, _} -> false
            end;
        false ->
            raise_error(guard_expr, ?STACK, Bs0, Ef, none)
    end;
guard_and([], _Bs, _Lf, _Ef) ->
    true.

%% One guard test: true, or false for anything else including an error.
%% The old type tests (`integer(X)') are their is_ forms.
guard_test({call, A, {atom, Ln, F}, As}, Bs, Lf, Ef) ->
    guard_value({call, A, {atom, Ln, new_type_test(F)}, As}, Bs, Lf, Ef);
guard_test({call, A, {remote, Ar, {atom, Am, erlang}, {atom, Af, F}}, As}, Bs, Lf, Ef) ->
    guard_value({call, A, {remote, Ar, {atom, Am, erlang}, {atom, Af, new_type_test(F)}}, As},
                Bs, Lf, Ef);
guard_test(G, Bs, Lf, Ef) ->
    guard_value(G, Bs, Lf, Ef).

guard_value(G, Bs, Lf, Ef) ->
    try {value, true, _} = ev(G, Bs, Lf, Ef, none)
    catch error:_ -> {value, false, Bs}
    end.

new_type_test(integer) -> is_integer;
new_type_test(float) -> is_float;
new_type_test(number) -> is_number;
new_type_test(atom) -> is_atom;
new_type_test(list) -> is_list;
new_type_test(tuple) -> is_tuple;
new_type_test(pid) -> is_pid;
new_type_test(reference) -> is_reference;
new_type_test(port) -> is_port;
new_type_test(function) -> is_function;
new_type_test(binary) -> is_binary;
new_type_test(record) -> is_record;
new_type_test(map) -> is_map;
new_type_test(F) -> F.

%%% ---------------------------------------------------------------------
%%% Patterns
%%% ---------------------------------------------------------------------

%% match(Pattern, Term, NewBindings, OuterBindings, Ef) -> {match, Bs} | nomatch
%% NewBindings collect the pattern's variables; OuterBindings serve the
%% expressions a pattern may hold (binary sizes, map keys).
match(P, T, Bs, BBs, Ef) ->
    try m(P, T, Bs, BBs)
    catch
        throw:nomatch -> nomatch;
        throw:invalid -> raise_error({illegal_pattern, P}, ?STACK, Bs, Ef, none)
    end.

match_list([P | Ps], [T | Ts], Bs0, BBs, Ef) ->
    case match(P, T, Bs0, BBs, Ef) of
        {match, Bs} -> match_list(Ps, Ts, Bs, BBs, Ef);
        nomatch -> nomatch
    end;
match_list([], [], Bs, _BBs, _Ef) ->
    {match, Bs};
match_list(_, _, _Bs, _BBs, _Ef) ->
    nomatch.

m({var, _, '_'}, _, Bs, _) ->
    {match, Bs};
m({var, _, V}, T, Bs, _) ->
    case binding(V, Bs) of
        {value, T} -> {match, Bs};
        {value, _} -> throw(nomatch);
        unbound -> {match, add_binding(V, T, Bs)}
    end;
m({integer, _, I}, T, Bs, _) -> literal(I, T, Bs);
m({char, _, C}, T, Bs, _) -> literal(C, T, Bs);
m({float, _, F}, T, Bs, _) -> literal(F, T, Bs);
m({atom, _, A}, T, Bs, _) -> literal(A, T, Bs);
m({string, _, S}, T, Bs, _) -> literal(S, T, Bs);
m({nil, _}, T, Bs, _) -> literal([], T, Bs);
m({cons, _, H, Tl}, [TH | TT], Bs0, BBs) ->
    {match, Bs} = m(H, TH, Bs0, BBs),
    m(Tl, TT, Bs, BBs);
m({cons, _, _, _}, _, _, _) ->
    throw(nomatch);
m({tuple, _, Ps}, T, Bs, BBs) when is_tuple(T), tuple_size(T) =:= length(Ps) ->
    m_elements(Ps, tuple_to_list(T), Bs, BBs);
m({tuple, _, _}, _, _, _) ->
    throw(nomatch);
m({map, _, Fs}, T, Bs, BBs) when is_map(T) ->
    m_map(Fs, T, Bs, BBs);
m({map, _, _}, _, _, _) ->
    throw(nomatch);
m({bin, _, Segs}, T, Bs, BBs) when is_bitstring(T) ->
    Eval = fun(E, B) -> size_expr(E, B) end,
    erl_eval_bits:match(Segs, T, Bs, BBs, pattern_matcher(BBs, none), Eval);
m({bin, _, _}, _, _, _) ->
    throw(nomatch);
m({match, _, P1, P2}, T, Bs0, BBs) ->
    {match, Bs} = m(P1, T, Bs0, BBs),
    m(P2, T, Bs, BBs);
m({op, _, '++', {nil, _}, R}, T, Bs, BBs) ->
    m(R, T, Bs, BBs);
m({op, _, '++', {cons, A, H, Tl}, R}, T, Bs, BBs) ->
    m({cons, A, H, {op, A, '++', Tl, R}}, T, Bs, BBs);
m({op, A, '++', {string, _, S}, R}, T, Bs, BBs) ->
    m(lists:foldr(fun(C, Acc) -> {cons, A, {integer, A, C}, Acc} end, R, S), T, Bs, BBs);
m({op, _, _, _} = Op, T, Bs, BBs) ->
    m_constant(Op, T, Bs, BBs);
m({op, _, _, _, _} = Op, T, Bs, BBs) ->
    m_constant(Op, T, Bs, BBs);
m(_, _, _, _) ->
    throw(invalid).

literal(V, V, Bs) -> {match, Bs};
literal(_, _, _) -> throw(nomatch).

m_elements([P | Ps], [T | Ts], Bs0, BBs) ->
    {match, Bs} = m(P, T, Bs0, BBs),
    m_elements(Ps, Ts, Bs, BBs);
m_elements([], [], Bs, _) ->
    {match, Bs}.

%% An operator in a pattern must fold to a constant (`-1', `2 * 8').
m_constant(Op, T, Bs, BBs) ->
    case partial_eval(Op) of
        Op -> throw(invalid);
        Lit -> m(Lit, T, Bs, BBs)
    end.

m_map([{map_field_exact, _, K0, P} | Fs], Map, Bs0, BBs) ->
    V = try
            K = size_expr(K0, BBs),
            case Map of
                #{K := V0} -> V0;
                #{} -> throw(nomatch)
            end
        catch error:_ -> throw(nomatch)
        end,
    {match, Bs} = m(P, V, Bs0, BBs),
    m_map(Fs, Map, Bs, BBs);
m_map([], _Map, Bs, _) ->
    {match, Bs};
m_map(_, _, _, _) ->
    throw(invalid).

%% Expressions inside patterns (sizes, keys) are guard expressions over
%% bound variables; anything else makes the pattern illegal.
size_expr(E, Bs) ->
    case erl_eval_lint:is_guard_expr(E) of
        true -> ok;
        false -> throw(invalid)
    end,
    try ev(E, Bs, none, none, none) of
        {value, V, _} -> V
    catch
        error:{unbound, _} -> throw(invalid)
    end.

%% The callback erl_eval_bits uses to match a segment's value.
pattern_matcher(BBs, _Ef) ->
    fun(P, V, Bs) ->
            try m(P, V, Bs, BBs)
            catch throw:nomatch -> nomatch
            end
    end.

%%% ---------------------------------------------------------------------
%%% Constant expressions
%%% ---------------------------------------------------------------------

%% @doc True if the expression folds to a number without any variable.
-spec is_constant_expr(Expression :: expression()) -> boolean().
is_constant_expr(E) ->
    case catch fold(E) of
        N when is_number(N) -> true;
        _ -> false
    end.

%% @doc Folds an operator expression over literals into a literal; other
%% expressions are returned as they are.
-spec partial_eval(Expression :: expression()) -> expression().
partial_eval(E) ->
    Anno = element(2, E),
    case catch fold(E) of
        I when is_integer(I) -> {integer, Anno, I};
        F when is_float(F) -> {float, Anno, F};
        A when is_atom(A) -> {atom, Anno, A};
        _ -> E
    end.

fold({op, _, Op, L, R}) -> erlang:Op(fold(L), fold(R));
fold({op, _, Op, A}) -> erlang:Op(fold(A));
fold({integer, _, I}) -> I;
fold({char, _, C}) -> C;
fold({float, _, F}) -> F;
fold({atom, _, A}) -> A;
fold({tuple, _, Es}) -> list_to_tuple([fold(E) || E <- Es]);
fold({nil, _}) -> [];
fold({cons, _, H, T}) -> [fold(H) | fold(T)].

%% @doc Scans, parses and evaluates a string of expressions ending in a
%% full stop: `{ok, Value}' or `{error, Message}'.
-spec eval_str(string() | binary()) -> {ok, string()} | {error, string()}.
eval_str(Bin) when is_binary(Bin) ->
    eval_str(binary_to_list(Bin));
eval_str(Str) when is_list(Str) ->
    case erl_scan:tokens([], Str, 0) of
        {more, _} ->
            {error, "Incomplete form (missing .<cr>)??"};
        {done, {ok, Toks, _}, Rest} ->
            case lists:all(fun(C) -> lists:member(C, " \n\t") end, Rest) of
                true ->
                    case erl_parse:parse_exprs(Toks) of
                        {ok, Es} ->
                            case catch exprs(Es, new_bindings()) of
                                {value, V, _} -> {ok, V};
                                Other -> {error, lists:flatten(io_lib:format("*** eval: ~p", [Other]))}
                            end;
                        {error, {_L, Mod, Args}} ->
                            {error, lists:flatten(io_lib:format("*** ~ts", [Mod:format_error(Args)]))}
                    end;
                false ->
                    {error, lists:flatten(io_lib:format("Non-white space found after end-of-form :~ts",
                                                        [Rest]))}
            end
    end.
