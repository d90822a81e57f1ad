%% @doc The Erlang parser, as OTP 25's `erl_parse': tokens from `erl_scan'
%% to the abstract format, and back from terms to it.
%%
%% OTP generates its parser with yecc from `erl_parse.yrl'; this one is
%% written by hand, by recursive descent, with precedence climbing for the
%% operators, and builds the same abstract format with the same
%% annotations: most nodes take the annotation of their first token, binary
%% operators that of the operator, and matches, calls, list tails, binary
%% segments and clauses that of their leftmost subterm (`first_anno/1',
%% computed as OTP does by walking the annotations left to right).
%%
%% A syntax error is reported at the first token that cannot continue a
%% valid prefix, which is the token an LALR parser stops at, as
%% `{error, {Location, erl_parse, ["syntax error before: ", TokenText]}}';
%% the end of the tokens is the token `{'$end', Location}' at the end
%% location of the last token. Errors are thrown as
%% `{erl_parse_error, What}' (What: `{syntax, Token}' or
%% `{Location, Message}') and caught at the entry points; the type
%% grammar and the attribute builders live in `erl_parse_types'.
%%
%% `parse_exprs/1' and `parse_term/1' parse their tokens as the body of a
%% function `f() -> ...', as OTP does, so their errors are the same.
-module(erl_parse).

%% Parsing
-export([parse_form/1, parse_exprs/1, parse_term/1, format_error/1]).
%% Terms and abstract format
-export([abstract/1, abstract/2, normalise/1, tokens/1, tokens/2]).
%% Operator precedences (for erl_pp)
-export([inop_prec/1, preop_prec/1, func_prec/0, max_prec/0,
         type_inop_prec/1, type_preop_prec/1]).
%% Annotations
-export([map_anno/2, fold_anno/3, mapfold_anno/3, new_anno/1,
         anno_to_term/1, anno_from_term/1]).
%% Used by erl_parse_types (OTP exports first_anno/1 too)
-export([first_anno/1, last_anno/1, expr/1, exprs/1, continue_expr/2]).

-export_type([abstract_clause/0, abstract_expr/0, abstract_form/0,
              abstract_type/0, error_info/0, form_info/0]).

-type abstract_clause() :: tuple().
-type abstract_expr() :: tuple().
-type abstract_form() :: tuple().
-type abstract_type() :: tuple().
-type error_info() :: {erl_anno:location(), module(), term()}.
-type form_info() :: {eof, erl_anno:location()}
                   | {error, erl_scan:error_info() | error_info()}
                   | {warning, erl_scan:error_info() | error_info()}.
-type token() :: erl_scan:token().

-define(ERR(What), throw({erl_parse_error, What})).

%%% ---------------------------------------------------------------------
%%% Parsing
%%% ---------------------------------------------------------------------

-spec parse_form(Tokens) -> {ok, AbsForm} | {error, ErrorInfo} when
      Tokens :: [token()],
      AbsForm :: abstract_form(),
      ErrorInfo :: error_info().
%% `spec' and `callback' are keywords only right after the `-' of an
%% attribute.
parse_form([{'-', A1}, {atom, A2, spec} | Tokens]) ->
    parse([{'-', A1}, {spec, A2} | Tokens]);
parse_form([{'-', A1}, {atom, A2, callback} | Tokens]) ->
    parse([{'-', A1}, {callback, A2} | Tokens]);
parse_form(Tokens) ->
    parse(Tokens).

-spec parse_exprs(Tokens) -> {ok, ExprList} | {error, ErrorInfo} when
      Tokens :: [token()],
      ExprList :: [abstract_expr()],
      ErrorInfo :: error_info().
parse_exprs(Tokens) ->
    A = erl_anno:new(0),
    case parse([{atom, A, f}, {'(', A}, {')', A}, {'->', A} | Tokens]) of
        {ok, {function, _, f, 0, [{clause, _, [], [], Exprs}]}} -> {ok, Exprs};
        {error, _} = Err -> Err
    end.

-spec parse_term(Tokens) -> {ok, Term} | {error, ErrorInfo} when
      Tokens :: [token()],
      Term :: term(),
      ErrorInfo :: error_info().
parse_term(Tokens) ->
    A = erl_anno:new(0),
    case parse([{atom, A, f}, {'(', A}, {')', A}, {'->', A} | Tokens]) of
        {ok, {function, _, f, 0, [{clause, _, [], [], [Expr]}]}} ->
            try normalise(Expr) of
                Term -> {ok, Term}
            catch
                _:_ -> {error, {first_location(Expr), ?MODULE, "bad term"}}
            end;
        {ok, {function, _, f, 0, [{clause, _, [], [], [_E1, E2 | _]}]}} ->
            {error, {first_location(E2), ?MODULE, "bad term"}};
        {error, _} = Err -> Err
    end.

-spec format_error(Message) -> string() when Message :: any().
format_error(Message) ->
    case io_lib:deep_char_list(Message) of
        true -> Message;
        _ -> io_lib:write(Message)
    end.

parse(Tokens) ->
    Ts = Tokens ++ [{'$end', end_location(Tokens)}],
    try form(Ts) of
        {Form, [{'$end', _}]} -> {ok, Form};
        {_Form, [T | _]} -> {error, syntax_error_info(T)}
    catch
        throw:{erl_parse_error, {syntax, T}} -> {error, syntax_error_info(T)};
        throw:{erl_parse_error, {Loc, Message}} -> {error, {Loc, ?MODULE, Message}}
    end.

%% Where the end of the input is: after the last token when its text is
%% known, at its start otherwise, and at line 999999 without tokens.
end_location([]) -> 999999;
end_location(Tokens) ->
    T = lists:last(Tokens),
    try erl_anno:end_location(element(2, T)) of
        undefined -> token_location(T);
        Loc -> Loc
    catch
        _:_ -> token_location(T)
    end.

token_location(T) ->
    try erl_scan:location(T)
    catch _:_ -> element(2, T)
    end.

syntax_error_info(T) ->
    {token_location(T), ?MODULE, ["syntax error before: ", token_string(T)]}.

%% A token as the error message shows it: its text when the scanner kept
%% it, else written back in Erlang syntax.
token_string(T) ->
    try erl_scan:text(T) of
        undefined -> token_string1(T);
        Text -> Text
    catch
        _:_ -> token_string1(T)
    end.

token_string1({atom, _, A}) -> io_lib:write_atom(A);
token_string1({integer, _, N}) -> io_lib:write(N);
token_string1({float, _, F}) -> io_lib:write(F);
token_string1({char, _, C}) -> io_lib:write_char(C);
token_string1({var, _, V}) -> io_lib:format("~s", [V]);
token_string1({string, _, S}) -> io_lib:write_string(S);
token_string1({reserved_symbol, _, A}) -> io_lib:write(A);
token_string1({_Cat, _, Val}) -> io_lib:format("~tp", [Val]);
token_string1({dot, _}) -> "'.'";
token_string1({'$end', _}) -> [];
token_string1({Other, _}) when is_atom(Other) -> io_lib:write_atom(Other);
token_string1(Other) -> io_lib:format("~tp", [Other]).

syntax_error([T | _]) -> ?ERR({syntax, T}).

expect(Cat, [T | Ts]) when element(1, T) =:= Cat -> {T, Ts};
expect(_Cat, Ts) -> syntax_error(Ts).

anno_of(T) -> element(2, T).

%%% ---------------------------------------------------------------------
%%% Forms
%%% ---------------------------------------------------------------------

form([{'-', _} | Ts]) ->
    {Attr, Ts1} = erl_parse_types:attribute(Ts),
    {_, Ts2} = expect(dot, Ts1),
    {Attr, Ts2};
form([{atom, _, _} | _] = Ts) ->
    {Clauses, Ts1} = function_clauses(Ts, []),
    {_, Ts2} = expect(dot, Ts1),
    {build_function(Clauses), Ts2};
form(Ts) ->
    syntax_error(Ts).

function_clauses([{atom, A, Name} | Ts], Acc) ->
    {Args, _, Ts1} = pat_argument_list(Ts),
    {Guard, Ts2} = clause_guard(Ts1),
    {Body, Ts3} = clause_body(Ts2),
    C = {clause, A, Name, Args, Guard, Body},
    case Ts3 of
        [{';', _} | Ts4] -> function_clauses(Ts4, [C | Acc]);
        _ -> {lists:reverse([C | Acc]), Ts3}
    end;
function_clauses(Ts, _Acc) ->
    syntax_error(Ts).

build_function([{clause, A, Name, Args, _, _} | _] = Cs) ->
    Arity = length(Args),
    {function, A, Name, Arity, check_clauses(Cs, Name, Arity)}.

%% Every clause of a function or fun must have the first one's name and
%% arity.
check_clauses(Cs, Name, Arity) ->
    [case C of
         {clause, A, N, As, G, B} when N =:= Name, length(As) =:= Arity ->
             {clause, A, As, G, B};
         {clause, A, _N, _As, _G, _B} ->
             ?ERR({erl_anno:location(A), "head mismatch"})
     end || C <- Cs].

%%% ---------------------------------------------------------------------
%%% Clauses
%%% ---------------------------------------------------------------------

clause_guard([{'when', _} | Ts]) -> guard(Ts);
clause_guard(Ts) -> {[], Ts}.

clause_body(Ts0) ->
    {_, Ts} = expect('->', Ts0),
    exprs(Ts).

guard(Ts) ->
    {Es, Ts1} = exprs(Ts),
    case Ts1 of
        [{';', _} | Ts2] ->
            {Gs, Ts3} = guard(Ts2),
            {[Es | Gs], Ts3};
        _ -> {[Es], Ts1}
    end.

%% cr_clauses of case, receive and maybe-else: the pattern is a full
%% expression in OTP's grammar.
cr_clauses(Ts, Acc) ->
    {P, Ts1} = expr(Ts),
    {G, Ts2} = clause_guard(Ts1),
    {B, Ts3} = clause_body(Ts2),
    C = {clause, first_anno(P), [P], G, B},
    case Ts3 of
        [{';', _} | Ts4] -> cr_clauses(Ts4, [C | Acc]);
        _ -> {lists:reverse([C | Acc]), Ts3}
    end.

if_clauses(Ts, Acc) ->
    {G, Ts1} = guard(Ts),
    {B, Ts2} = clause_body(Ts1),
    C = {clause, first_anno(hd(hd(G))), [], G, B},
    case Ts2 of
        [{';', _} | Ts3] -> if_clauses(Ts3, [C | Acc]);
        _ -> {lists:reverse([C | Acc]), Ts2}
    end.

try_clauses(Ts, Acc) ->
    {C, Ts1} = try_clause(Ts),
    case Ts1 of
        [{';', _} | Ts2] -> try_clauses(Ts2, [C | Acc]);
        _ -> {lists:reverse([C | Acc]), Ts1}
    end.

%% `Class:Reason:Stack', `Class:Reason' or `Reason' (class throw); the
%% stack is `_' at the end of the reason pattern when not given.
try_clause([{Cat, A, _} = Class, {':', _} | Ts]) when Cat =:= atom; Cat =:= var ->
    {P, Ts1} = pat_expr(Ts),
    {Stack, Ts2} = case Ts1 of
                       [{':', _} | Ts1a] ->
                           {V, Ts1b} = expect(var, Ts1a),
                           {V, Ts1b};
                       _ -> {{var, last_anno(P), '_'}, Ts1}
                   end,
    {G, Ts3} = clause_guard(Ts2),
    {B, Ts4} = clause_body(Ts3),
    {{clause, A, [{tuple, A, [Class, P, Stack]}], G, B}, Ts4};
try_clause(Ts) ->
    {P, Ts1} = pat_expr(Ts),
    A = first_anno(P),
    {G, Ts2} = clause_guard(Ts1),
    {B, Ts3} = clause_body(Ts2),
    {{clause, A, [{tuple, A, [{atom, A, throw}, P, {var, last_anno(P), '_'}]}], G, B}, Ts3}.

%%% ---------------------------------------------------------------------
%%% Expressions
%%% ---------------------------------------------------------------------

%% @private
-spec exprs([token()]) -> {[abstract_expr()], [token()]}.
exprs(Ts) ->
    {E, Ts1} = expr(Ts),
    case Ts1 of
        [{',', _} | Ts2] ->
            {Es, Ts3} = exprs(Ts2),
            {[E | Es], Ts3};
        _ -> {[E], Ts1}
    end.

%% @private
-spec expr([token()]) -> {abstract_expr(), [token()]}.
expr(Ts) -> binop(Ts, 0, expr).

%% Continues an expression whose first expr_max is already parsed.
%% @private
-spec continue_expr(abstract_expr(), [token()]) -> {abstract_expr(), [token()]}.
continue_expr(E, Ts) ->
    {E1, Ts1} = after_max(E, Ts),
    binop_rest(E1, Ts1, 0, none, expr).

pat_expr(Ts) -> binop(Ts, 0, pat).

pat_exprs(Ts) ->
    {E, Ts1} = pat_expr(Ts),
    case Ts1 of
        [{',', _} | Ts2] ->
            {Es, Ts3} = pat_exprs(Ts2),
            {[E | Es], Ts3};
        _ -> {[E], Ts1}
    end.

%% Binary operators: precedence and associativity as in OTP's grammar.
%% Patterns have no `!', `orelse' or `andalso'.
binop_prec('=', _) -> {100, right};
binop_prec('!', expr) -> {100, right};
binop_prec('orelse', expr) -> {150, right};
binop_prec('andalso', expr) -> {160, right};
binop_prec(Op, _) when Op =:= '=='; Op =:= '/='; Op =:= '=<'; Op =:= '<';
                       Op =:= '>='; Op =:= '>'; Op =:= '=:='; Op =:= '=/=' ->
    {200, nonassoc};
binop_prec(Op, _) when Op =:= '++'; Op =:= '--' -> {300, right};
binop_prec(Op, _) when Op =:= '+'; Op =:= '-'; Op =:= 'bor'; Op =:= 'bxor';
                       Op =:= 'bsl'; Op =:= 'bsr'; Op =:= 'or'; Op =:= 'xor' ->
    {400, left};
binop_prec(Op, _) when Op =:= '/'; Op =:= '*'; Op =:= 'div'; Op =:= 'rem';
                       Op =:= 'band'; Op =:= 'and' ->
    {500, left};
binop_prec(_, _) -> none.

binop(Ts, Min, Mode) ->
    {L, Ts1} = unary(Ts, Mode),
    binop_rest(L, Ts1, Min, none, Mode).

%% Last is the level of the nonassoc operator just applied, so that a
%% second comparison in a row is a syntax error, as in OTP.
binop_rest(L, [{Op, A} | Ts] = Ts0, Min, Last, Mode) ->
    case binop_prec(Op, Mode) of
        {P, _} when P =:= Last -> syntax_error(Ts0);
        {P, Assoc} when P >= Min ->
            RMin = case Assoc of right -> P; _ -> P + 1 end,
            {R, Ts1} = binop(Ts, RMin, Mode),
            Node = case Op of
                       '=' -> {match, first_anno(L), L, R};
                       _ -> {op, A, Op, L, R}
                   end,
            Last1 = case Assoc of nonassoc -> P; _ -> none end,
            binop_rest(Node, Ts1, Min, Last1, Mode);
        _ -> {L, Ts0}
    end;
binop_rest(L, Ts, _Min, _Last, _Mode) ->
    {L, Ts}.

unary([{'catch', A} | Ts], expr) ->
    {E, Ts1} = expr(Ts),
    {{'catch', A, E}, Ts1};
unary([{Op, A} | Ts], Mode) when Op =:= '+'; Op =:= '-'; Op =:= 'bnot'; Op =:= 'not' ->
    {E, Ts1} = unary(Ts, Mode),
    {{op, A, Op, E}, Ts1};
unary(Ts, expr) -> postfix(Ts);
unary(Ts, pat) -> pat_primary(Ts).

%% map_expr, record_expr, function_call and expr_remote.
postfix([{'#', _} | _] = Ts) ->
    hash_start(Ts, expr);
postfix(Ts) ->
    {E, Ts1} = expr_max(Ts),
    after_max(E, Ts1).

after_max(E, [{':', A} | Ts]) ->
    {F, Ts1} = expr_max(Ts),
    R = {remote, A, E, F},
    case Ts1 of
        [{'(', _} | _] -> call(R, Ts1);
        _ -> {R, Ts1}
    end;
after_max(E, [{'(', _} | _] = Ts) ->
    call(E, Ts);
after_max(E, [{'#', _} | _] = Ts) ->
    hash_chain(E, Ts);
after_max(E, Ts) ->
    {E, Ts}.

call(F, Ts) ->
    {Args, _, Ts1} = argument_list(Ts),
    {{call, first_anno(F), F, Args}, Ts1}.

argument_list(Ts0) ->
    {{'(', A}, Ts} = expect('(', Ts0),
    case Ts of
        [{')', _} | Ts1] -> {[], A, Ts1};
        _ ->
            {Es, Ts1} = exprs(Ts),
            {_, Ts2} = expect(')', Ts1),
            {Es, A, Ts2}
    end.

pat_argument_list(Ts0) ->
    {{'(', A}, Ts} = expect('(', Ts0),
    case Ts of
        [{')', _} | Ts1] -> {[], A, Ts1};
        _ ->
            {Es, Ts1} = pat_exprs(Ts),
            {_, Ts2} = expect(')', Ts1),
            {Es, A, Ts2}
    end.

%% A map or record expression that starts with `#'. In patterns it
%% cannot be followed by another `#'.
hash_start([{'#', A} | [{'{', _} | _] = Ts], Mode) ->
    {Fields, Ts1} = map_tuple(Ts),
    chain({map, A, Fields}, Ts1, map, Mode);
hash_start([{'#', A}, {atom, _, Name}, {'.', _} | Ts], Mode) ->
    {F, Ts1} = expect(atom, Ts),
    chain({record_index, A, Name, F}, Ts1, record, Mode);
hash_start([{'#', A}, {atom, _, Name} | [{'{', _} | _] = Ts], Mode) ->
    {Fields, Ts1} = record_tuple(Ts),
    chain({record, A, Name, Fields}, Ts1, record, Mode);
hash_start([{'#', _}, {atom, _, _} | Ts], _Mode) ->
    syntax_error(Ts);
hash_start([{'#', _} | Ts], _Mode) ->
    syntax_error(Ts).

chain(E, Ts, _Kind, pat) -> {E, Ts};
chain(E, [{'#', _} | _] = Ts, map, expr) -> map_chain(E, Ts);
chain(E, [{'#', _} | _] = Ts, record, expr) -> record_chain(E, Ts);
chain(E, Ts, _Kind, expr) -> {E, Ts}.

%% After an expr_max: either a map update chain or a record chain.
hash_chain(E, [{'#', _}, {'{', _} | _] = Ts) -> map_chain(E, Ts);
hash_chain(E, Ts) -> record_chain(E, Ts).

map_chain(E, [{'#', A} | [{'{', _} | _] = Ts]) ->
    {Fields, Ts1} = map_tuple(Ts),
    map_chain({map, A, E, Fields}, Ts1);
map_chain(_E, [{'#', _} | Ts]) ->
    syntax_error(Ts);
map_chain(E, Ts) ->
    {E, Ts}.

record_chain(E, [{'#', A}, {atom, _, Name}, {'.', _} | Ts]) ->
    {F, Ts1} = expect(atom, Ts),
    record_chain({record_field, A, E, Name, F}, Ts1);
record_chain(E, [{'#', A}, {atom, _, Name} | [{'{', _} | _] = Ts]) ->
    {Fields, Ts1} = record_tuple(Ts),
    record_chain({record, A, E, Name, Fields}, Ts1);
record_chain(_E, [{'#', _}, {atom, _, _} | Ts]) ->
    syntax_error(Ts);
record_chain(_E, [{'#', _} | Ts]) ->
    syntax_error(Ts);
record_chain(E, Ts) ->
    {E, Ts}.

map_tuple(Ts0) ->
    {_, Ts} = expect('{', Ts0),
    case Ts of
        [{'}', _} | Ts1] -> {[], Ts1};
        _ -> map_fields(Ts, [])
    end.

map_fields(Ts, Acc) ->
    {K, Ts1} = expr(Ts),
    F = case Ts1 of
            [{'=>', A} | _] -> fun(V) -> {map_field_assoc, A, K, V} end;
            [{':=', A} | _] -> fun(V) -> {map_field_exact, A, K, V} end;
            _ -> syntax_error(Ts1)
        end,
    {V, Ts2} = expr(tl(Ts1)),
    Field = F(V),
    case Ts2 of
        [{',', _} | Ts3] -> map_fields(Ts3, [Field | Acc]);
        _ ->
            {_, Ts3} = expect('}', Ts2),
            {lists:reverse([Field | Acc]), Ts3}
    end.

record_tuple(Ts0) ->
    {_, Ts} = expect('{', Ts0),
    case Ts of
        [{'}', _} | Ts1] -> {[], Ts1};
        _ -> record_fields(Ts, [])
    end.

record_fields([{Cat, A, _} = Name | Ts], Acc) when Cat =:= var; Cat =:= atom ->
    {_, Ts1} = expect('=', Ts),
    {V, Ts2} = expr(Ts1),
    Field = {record_field, A, Name, V},
    case Ts2 of
        [{',', _} | Ts3] -> record_fields(Ts3, [Field | Acc]);
        _ ->
            {_, Ts3} = expect('}', Ts2),
            {lists:reverse([Field | Acc]), Ts3}
    end;
record_fields(Ts, _Acc) ->
    syntax_error(Ts).

%% pat_expr_max, map_pat_expr and record_pat_expr.
pat_primary([{'#', _} | _] = Ts) -> hash_start(Ts, pat);
pat_primary([{var, _, _} = V | Ts]) -> {V, Ts};
pat_primary([{'[', _} | _] = Ts) -> list(Ts, false);
pat_primary([{'<<', _} | _] = Ts) -> binary(Ts, false);
pat_primary([{'{', _} | _] = Ts) -> tuple(Ts);
pat_primary([{'(', _} | Ts]) ->
    {E, Ts1} = pat_expr(Ts),
    {_, Ts2} = expect(')', Ts1),
    {E, Ts2};
pat_primary(Ts) -> atomic(Ts).

atomic([{Cat, _, _} = T | Ts]) when Cat =:= char; Cat =:= integer; Cat =:= float;
                                     Cat =:= atom ->
    {T, Ts};
atomic([{string, A, S} | Ts]) ->
    strings(Ts, A, [S]);
atomic(Ts) ->
    syntax_error(Ts).

%% Adjacent strings are one string, annotated as the first.
strings([{string, _, S} | Ts], A, Acc) -> strings(Ts, A, [S | Acc]);
strings(Ts, A, Acc) -> {{string, A, lists:append(lists:reverse(Acc))}, Ts}.

expr_max([{var, _, _} = V | Ts]) -> {V, Ts};
expr_max([{'[', _} | _] = Ts) -> list(Ts, true);
expr_max([{'<<', _} | _] = Ts) -> binary(Ts, true);
expr_max([{'{', _} | _] = Ts) -> tuple(Ts);
expr_max([{'(', _} | Ts]) ->
    {E, Ts1} = expr(Ts),
    {_, Ts2} = expect(')', Ts1),
    {E, Ts2};
expr_max([{'begin', A} | Ts]) ->
    {Es, Ts1} = exprs(Ts),
    {_, Ts2} = expect('end', Ts1),
    {{block, A, Es}, Ts2};
expr_max([{'if', A} | Ts]) ->
    {Cs, Ts1} = if_clauses(Ts, []),
    {_, Ts2} = expect('end', Ts1),
    {{'if', A, Cs}, Ts2};
expr_max([{'case', A} | Ts]) ->
    {E, Ts1} = expr(Ts),
    {_, Ts2} = expect('of', Ts1),
    {Cs, Ts3} = cr_clauses(Ts2, []),
    {_, Ts4} = expect('end', Ts3),
    {{'case', A, E, Cs}, Ts4};
expr_max([{'receive', A} | Ts]) -> receive_expr(A, Ts);
expr_max([{'fun', A} | Ts]) -> fun_expr(A, Ts);
expr_max([{'try', A} | Ts]) -> try_expr(A, Ts);
expr_max([{'maybe', A} | Ts]) -> maybe_expr(A, Ts);
expr_max(Ts) -> atomic(Ts).

list([{'[', A}, {']', _} | Ts], _AllowLc) ->
    {{nil, A}, Ts};
list([{'[', A} | Ts], AllowLc) ->
    {E, Ts1} = expr(Ts),
    case Ts1 of
        [{'||', _} | Ts2] when AllowLc ->
            {Qs, Ts3} = lc_exprs(Ts2, []),
            {_, Ts4} = expect(']', Ts3),
            {{lc, A, E, Qs}, Ts4};
        _ ->
            {Tail, Ts2} = tail(Ts1),
            {{cons, A, E, Tail}, Ts2}
    end.

tail([{']', A} | Ts]) -> {{nil, A}, Ts};
tail([{'|', _} | Ts]) ->
    {E, Ts1} = expr(Ts),
    {_, Ts2} = expect(']', Ts1),
    {E, Ts2};
tail([{',', _} | Ts]) ->
    {E, Ts1} = expr(Ts),
    {Tail, Ts2} = tail(Ts1),
    {{cons, first_anno(E), E, Tail}, Ts2};
tail(Ts) -> syntax_error(Ts).

%% A binary, or (AllowBc) a binary comprehension `<< ExprMax || ... >>'.
binary([{'<<', A}, {'>>', _} | Ts], _AllowBc) ->
    {{bin, A, []}, Ts};
binary([{'<<', A} | [{Op, _} | _] = Ts], _AllowBc) when Op =:= '+'; Op =:= '-';
                                                       Op =:= 'bnot'; Op =:= 'not' ->
    bin_elements(Ts, A, []);
binary([{'<<', A} | Ts], AllowBc) ->
    {E, Ts1} = expr_max(Ts),
    case Ts1 of
        [{'||', _} | Ts2] when AllowBc ->
            {Qs, Ts3} = lc_exprs(Ts2, []),
            {_, Ts4} = expect('>>', Ts3),
            {{bc, A, E, Qs}, Ts4};
        _ ->
            bin_elements_from(E, Ts1, A, [])
    end.

bin_elements(Ts, A, Acc) ->
    {E, Ts1} = bit_expr(Ts),
    bin_elements_from(E, Ts1, A, Acc).

bin_elements_from(E, Ts, A, Acc) ->
    {Size, Ts1} = case Ts of
                      [{':', _} | Ts0] -> expr_max(Ts0);
                      _ -> {default, Ts}
                  end,
    {Types, Ts2} = case Ts1 of
                       [{'/', _} | Ts1a] -> bit_type_list(Ts1a);
                       _ -> {default, Ts1}
                   end,
    Elem = {bin_element, first_anno(E), E, Size, Types},
    case Ts2 of
        [{',', _} | Ts3] -> bin_elements(Ts3, A, [Elem | Acc]);
        _ ->
            {_, Ts3} = expect('>>', Ts2),
            {{bin, A, lists:reverse([Elem | Acc])}, Ts3}
    end.

bit_expr([{Op, A} | Ts]) when Op =:= '+'; Op =:= '-'; Op =:= 'bnot'; Op =:= 'not' ->
    {E, Ts1} = expr_max(Ts),
    {{op, A, Op, E}, Ts1};
bit_expr(Ts) -> expr_max(Ts).

bit_type_list(Ts) ->
    {T, Ts1} = bit_type(Ts),
    case Ts1 of
        [{'-', _} | Ts2] ->
            {Rest, Ts3} = bit_type_list(Ts2),
            {[T | Rest], Ts3};
        _ -> {[T], Ts1}
    end.

bit_type([{atom, _, Name}, {':', _} | Ts]) ->
    {{integer, _, N}, Ts1} = expect(integer, Ts),
    {{Name, N}, Ts1};
bit_type([{atom, _, Name} | Ts]) -> {Name, Ts};
bit_type(Ts) -> syntax_error(Ts).

lc_exprs(Ts, Acc) ->
    {Q, Ts1} = lc_expr(Ts),
    case Ts1 of
        [{',', _} | Ts2] -> lc_exprs(Ts2, [Q | Acc]);
        _ -> {lists:reverse([Q | Acc]), Ts1}
    end.

%% A generator, a bit string generator (its pattern is a binary, as
%% written) or a filter.
lc_expr([{'<<', _} | _] = Ts) ->
    {B, Ts1} = binary(Ts, true),
    case {B, Ts1} of
        {{bin, _, _}, [{'<=', A} | Ts2]} ->
            {E, Ts3} = expr(Ts2),
            {{b_generate, A, B, E}, Ts3};
        _ ->
            {P, Ts2} = continue_expr(B, Ts1),
            generator(P, Ts2)
    end;
lc_expr(Ts) ->
    {P, Ts1} = expr(Ts),
    generator(P, Ts1).

generator(P, [{'<-', A} | Ts]) ->
    {E, Ts1} = expr(Ts),
    {{generate, A, P, E}, Ts1};
generator(P, Ts) ->
    {P, Ts}.

tuple([{'{', A}, {'}', _} | Ts]) -> {{tuple, A, []}, Ts};
tuple([{'{', A} | Ts]) ->
    {Es, Ts1} = exprs(Ts),
    {_, Ts2} = expect('}', Ts1),
    {{tuple, A, Es}, Ts2}.

receive_expr(A, [{'after', _} | Ts]) ->
    {T, Ts1} = expr(Ts),
    {B, Ts2} = clause_body(Ts1),
    {_, Ts3} = expect('end', Ts2),
    {{'receive', A, [], T, B}, Ts3};
receive_expr(A, Ts) ->
    {Cs, Ts1} = cr_clauses(Ts, []),
    case Ts1 of
        [{'after', _} | Ts2] ->
            {T, Ts3} = expr(Ts2),
            {B, Ts4} = clause_body(Ts3),
            {_, Ts5} = expect('end', Ts4),
            {{'receive', A, Cs, T, B}, Ts5};
        _ ->
            {_, Ts2} = expect('end', Ts1),
            {{'receive', A, Cs}, Ts2}
    end.

fun_expr(A, [{atom, _, F}, {'/', _} | Ts]) ->
    {{integer, _, Arity}, Ts1} = expect(integer, Ts),
    {{'fun', A, {function, F, Arity}}, Ts1};
fun_expr(A, [{Cat, _, _} = M, {':', _} | Ts]) when Cat =:= atom; Cat =:= var ->
    {F, Ts1} = atom_or_var(Ts),
    {_, Ts2} = expect('/', Ts1),
    {Arity, Ts3} = case Ts2 of
                       [{Cat2, _, _} = T | Ts2a] when Cat2 =:= integer; Cat2 =:= var -> {T, Ts2a};
                       _ -> syntax_error(Ts2)
                   end,
    {{'fun', A, {function, M, F, Arity}}, Ts3};
fun_expr(A, [{var, _, _} | _] = Ts) ->
    fun_clauses_end(A, Ts);
fun_expr(A, [{'(', _} | _] = Ts) ->
    fun_clauses_end(A, Ts);
fun_expr(_A, [{atom, _, _} | Ts]) ->
    syntax_error(Ts);
fun_expr(_A, Ts) ->
    syntax_error(Ts).

fun_clauses_end(A, Ts) ->
    {Cs, Ts1} = fun_clauses(Ts, []),
    {_, Ts2} = expect('end', Ts1),
    {build_fun(A, Cs), Ts2}.

atom_or_var([{Cat, _, _} = T | Ts]) when Cat =:= atom; Cat =:= var -> {T, Ts};
atom_or_var(Ts) -> syntax_error(Ts).

fun_clauses(Ts, Acc) ->
    C = case Ts of
            [{var, A, Name} | Ts0] ->
                {Args, _, Ts1} = pat_argument_list(Ts0),
                fun_clause_rest(A, Name, Args, Ts1);
            _ ->
                {Args, A, Ts1} = pat_argument_list(Ts),
                fun_clause_rest(A, 'fun', Args, Ts1)
        end,
    {Clause, Ts2} = C,
    case Ts2 of
        [{';', _} | Ts3] -> fun_clauses(Ts3, [Clause | Acc]);
        _ -> {lists:reverse([Clause | Acc]), Ts2}
    end.

fun_clause_rest(A, Name, Args, Ts) ->
    {G, Ts1} = clause_guard(Ts),
    {B, Ts2} = clause_body(Ts1),
    {{clause, A, Name, Args, G, B}, Ts2}.

build_fun(A, [{clause, _, Name, Args, _, _} | _] = Cs) ->
    Checked = check_clauses(Cs, Name, length(Args)),
    case Name of
        'fun' -> {'fun', A, {clauses, Checked}};
        _ -> {named_fun, A, Name, Checked}
    end.

try_expr(A, Ts) ->
    {Es, Ts1} = exprs(Ts),
    {Scs, Ts2} = case Ts1 of
                     [{'of', _} | Ts1a] -> cr_clauses(Ts1a, []);
                     _ -> {[], Ts1}
                 end,
    case Ts2 of
        [{'catch', _} | Ts3] ->
            {Ccs, Ts4} = try_clauses(Ts3, []),
            case Ts4 of
                [{'after', _} | Ts5] ->
                    {As, Ts6} = exprs(Ts5),
                    {_, Ts7} = expect('end', Ts6),
                    {{'try', A, Es, Scs, Ccs, As}, Ts7};
                _ ->
                    {_, Ts5} = expect('end', Ts4),
                    {{'try', A, Es, Scs, Ccs, []}, Ts5}
            end;
        [{'after', _} | Ts3] ->
            {As, Ts4} = exprs(Ts3),
            {_, Ts5} = expect('end', Ts4),
            {{'try', A, Es, Scs, [], As}, Ts5};
        _ ->
            syntax_error(Ts2)
    end.

%% `maybe' is a keyword only with the maybe_expr feature, whose scanner
%% produces the `maybe', `else' and `?=' tokens.
maybe_expr(A, Ts) ->
    {Es, Ts1} = maybe_match_exprs(Ts),
    case Ts1 of
        [{'else', Ae} | Ts2] ->
            {Cs, Ts3} = cr_clauses(Ts2, []),
            {_, Ts4} = expect('end', Ts3),
            {{'maybe', A, Es, {'else', Ae, Cs}}, Ts4};
        _ ->
            {_, Ts2} = expect('end', Ts1),
            {{'maybe', A, Es}, Ts2}
    end.

maybe_match_exprs(Ts) ->
    {E, Ts1} = expr(Ts),
    {E1, Ts2} = case Ts1 of
                    [{'?=', A} | Ts1a] ->
                        {R, Ts1b} = expr(Ts1a),
                        {{maybe_match, A, E, R}, Ts1b};
                    _ -> {E, Ts1}
                end,
    case Ts2 of
        [{',', _} | Ts3] ->
            {Es, Ts4} = maybe_match_exprs(Ts3),
            {[E1 | Es], Ts4};
        _ -> {[E1], Ts2}
    end.

%%% ---------------------------------------------------------------------
%%% Leftmost and rightmost annotations
%%% ---------------------------------------------------------------------

%% The annotation of the leftmost part of an abstract term: annotations
%% are visited left to right from the term's own, and the walk stops at
%% the first one placed after the smallest seen so far.
%% @private
-spec first_anno(tuple()) -> erl_anno:anno().
first_anno(Abstract) ->
    Anno0 = element(2, Abstract),
    F = fun(Anno, Anno1) ->
                case loc_lte(erl_anno:location(Anno), erl_anno:location(Anno1)) of
                    true -> Anno;
                    false -> throw({first_anno, Anno1})
                end
        end,
    try fold_anno(F, Anno0, Abstract)
    catch throw:{first_anno, A} -> A
    end.

%% The annotation placed last in an abstract term, moved to the end of
%% its text when the text is known.
%% @private
-spec last_anno(tuple()) -> erl_anno:anno().
last_anno(Abstract) ->
    F = fun(Anno, '*') -> Anno;
           (Anno, Anno0) ->
                case loc_lte(Anno, Anno0) of
                    true -> Anno0;
                    false -> Anno
                end
        end,
    Anno = fold_anno(F, '*', Abstract),
    case erl_anno:end_location(Anno) of
        undefined -> Anno;
        EndLocation -> erl_anno:set_location(EndLocation, Anno)
    end.

%% A line counts as column 1 of that line.
loc_lte(Line1, Location2) when is_integer(Line1) -> loc_lte({Line1, 1}, Location2);
loc_lte(Location1, Line2) when is_integer(Line2) -> loc_lte(Location1, {Line2, 1});
loc_lte(Location1, Location2) -> Location1 =< Location2.

first_location(Abstract) ->
    erl_anno:location(first_anno(Abstract)).

%%% ---------------------------------------------------------------------
%%% Terms and abstract format
%%% ---------------------------------------------------------------------

-spec normalise(AbsTerm) -> Data when AbsTerm :: abstract_expr(), Data :: term().
normalise({char, _, C}) -> C;
normalise({integer, _, I}) -> I;
normalise({float, _, F}) -> F;
normalise({atom, _, A}) -> A;
normalise({string, _, S}) -> S;
normalise({nil, _}) -> [];
normalise({bin, _, Fs}) ->
    {B, _} = erl_eval_bits:build(Fs, [], fun(E, Bs) -> {value, normalise(E), Bs} end),
    B;
normalise({cons, _, Head, Tail}) ->
    [normalise(Head) | normalise(Tail)];
normalise({tuple, _, Args}) ->
    list_to_tuple([normalise(A) || A <- Args]);
normalise({map, _, Pairs} = M) ->
    maps:from_list([case P of
                        {map_field_assoc, _, K, V} -> {normalise(K), normalise(V)};
                        _ -> erlang:error({badarg, M})
                    end || P <- Pairs]);
normalise({'fun', _, {function, {atom, _, M}, {atom, _, F}, {integer, _, A}}}) ->
    fun M:F/A;
normalise({op, _, '+', {char, _, I}}) -> I;
normalise({op, _, '+', {integer, _, I}}) -> I;
normalise({op, _, '+', {float, _, F}}) -> F;
normalise({op, _, '-', {char, _, I}}) -> -I;
normalise({op, _, '-', {integer, _, I}}) -> -I;
normalise({op, _, '-', {float, _, F}}) -> -F;
normalise(X) -> erlang:error({badarg, X}).

-spec abstract(Data) -> AbsTerm when Data :: term(), AbsTerm :: abstract_expr().
abstract(T) ->
    abstract(T, erl_anno:new(0), enc_func(utf8)).

-spec abstract(Data, Options) -> AbsTerm when
      Data :: term(),
      Options :: Location | [Option],
      Option :: {encoding, Encoding} | {line, Line} | {location, Location},
      Encoding :: latin1 | unicode | utf8 | none | fun((non_neg_integer()) -> boolean()),
      Line :: erl_anno:line(),
      Location :: erl_anno:location(),
      AbsTerm :: abstract_expr().
abstract(T, Options) when is_list(Options) ->
    EncFunc = enc_func(proplists:get_value(encoding, Options, utf8)),
    Location = case proplists:get_value(location, Options) of
                   undefined -> proplists:get_value(line, Options, 0);
                   Loc -> Loc
               end,
    abstract(T, erl_anno:new(Location), EncFunc);
abstract(T, Location) ->
    abstract(T, erl_anno:new(Location), enc_func(utf8)).

%% Which integers a list may hold to be written as a string.
enc_func(latin1) -> fun(C) -> C < 256 end;
enc_func(unicode) -> fun is_unicode/1;
enc_func(utf8) -> fun is_unicode/1;
enc_func(none) -> none;
enc_func(Fun) when is_function(Fun, 1) -> Fun;
enc_func(Term) -> erlang:error({badarg, Term}).

is_unicode(C) ->
    C < 16#D800 orelse (C > 16#DFFF andalso C < 16#FFFE)
        orelse (C > 16#FFFF andalso C =< 16#10FFFF).

abstract(T, A, _E) when is_integer(T) -> {integer, A, T};
abstract(T, A, _E) when is_float(T) -> {float, A, T};
abstract(T, A, _E) when is_atom(T) -> {atom, A, T};
abstract([], A, _E) -> {nil, A};
abstract(B, A, _E) when is_bitstring(B) ->
    {bin, A, [abstract_byte(Byte, A) || Byte <- bitstring_to_list(B)]};
abstract([H | T], A, none = E) ->
    {cons, A, abstract(H, A, E), abstract(T, A, E)};
abstract(List, A, E) when is_list(List) ->
    abstract_list(List, [], A, E);
abstract(Tuple, A, E) when is_tuple(Tuple) ->
    {tuple, A, [abstract(X, A, E) || X <- tuple_to_list(Tuple)]};
abstract(Map, A, E) when is_map(Map) ->
    {map, A, [{map_field_assoc, A, abstract(K, A, E), abstract(V, A, E)}
              || {K, V} <- maps:to_list(Map)]};
abstract(Fun, A, E) when is_function(Fun) ->
    case erlang:fun_info(Fun, type) of
        {type, external} ->
            {module, M} = erlang:fun_info(Fun, module),
            {name, F} = erlang:fun_info(Fun, name),
            {arity, Arity} = erlang:fun_info(Fun, arity),
            {'fun', A, {function, abstract(M, A, E), abstract(F, A, E),
                        abstract(Arity, A, E)}}
    end.

%% The longest prefix of character codes becomes a string; the rest is
%% consed on in front of it.
abstract_list([H | T], String, A, E) ->
    case is_integer(H) andalso H >= 0 andalso E(H) of
        true -> abstract_list(T, [H | String], A, E);
        false -> not_string(String, {cons, A, abstract(H, A, E), abstract(T, A, E)}, A)
    end;
abstract_list([], String, A, _E) ->
    {string, A, lists:reverse(String)};
abstract_list(T, String, A, E) ->
    not_string(String, abstract(T, A, E), A).

not_string([C | T], Result, A) -> not_string(T, {cons, A, {integer, A, C}, Result}, A);
not_string([], Result, _A) -> Result.

abstract_byte(Byte, A) when is_integer(Byte) ->
    {bin_element, A, {integer, A, Byte}, default, default};
abstract_byte(Bits, A) ->
    Sz = bit_size(Bits),
    <<Val:Sz>> = Bits,
    {bin_element, A, {integer, A, Val}, {integer, A, Sz}, default}.

-spec tokens(AbsTerm) -> Tokens when AbsTerm :: abstract_expr(), Tokens :: [token()].
tokens(Abs) -> tokens(Abs, []).

-spec tokens(AbsTerm, MoreTokens) -> Tokens when
      AbsTerm :: abstract_expr(), MoreTokens :: [token()], Tokens :: [token()].
tokens({char, _, _} = T, More) -> [T | More];
tokens({integer, _, _} = T, More) -> [T | More];
tokens({float, _, _} = T, More) -> [T | More];
tokens({atom, _, _} = T, More) -> [T | More];
tokens({var, _, _} = T, More) -> [T | More];
tokens({string, _, _} = T, More) -> [T | More];
tokens({nil, A}, More) -> [{'[', A}, {']', A} | More];
tokens({cons, A, Head, Tail}, More) -> [{'[', A} | tokens(Head, tokens_tail(Tail, More))];
tokens({tuple, A, []}, More) -> [{'{', A}, {'}', A} | More];
tokens({tuple, A, [E | Es]}, More) ->
    [{'{', A} | tokens(E, tokens_tuple(Es, anno_of(E), More))];
tokens({map, A, []}, More) -> [{'#', A}, {'{', A}, {'}', A} | More];
tokens({map, A, [P | Ps]}, More) ->
    [{'#', A}, {'{', A} | tokens(P, tokens_tuple(Ps, anno_of(P), More))];
tokens({map_field_assoc, A, K, V}, More) ->
    tokens(K, [{'=>', A} | tokens(V, More)]).

tokens_tail({cons, A, Head, Tail}, More) -> [{',', A} | tokens(Head, tokens_tail(Tail, More))];
tokens_tail({nil, A}, More) -> [{']', A} | More];
tokens_tail(Other, More) ->
    A = anno_of(Other),
    [{'|', A} | tokens(Other, [{']', A} | More])].

tokens_tuple([E | Es], Anno, More) -> [{',', Anno} | tokens(E, tokens_tuple(Es, anno_of(E), More))];
tokens_tuple([], Anno, More) -> [{'}', Anno} | More].

%%% ---------------------------------------------------------------------
%%% Operator precedences
%%% ---------------------------------------------------------------------

%% {Left, Prec, Right} of each binary operator, as erl_pp reads them.
-spec inop_prec(atom()) -> {non_neg_integer(), non_neg_integer(), non_neg_integer()}.
inop_prec('=') -> {150, 100, 100};
inop_prec('!') -> {150, 100, 100};
inop_prec('orelse') -> {160, 150, 150};
inop_prec('andalso') -> {200, 160, 160};
inop_prec(Op) when Op =:= '=='; Op =:= '/='; Op =:= '=<'; Op =:= '<'; Op =:= '>=';
                   Op =:= '>'; Op =:= '=:='; Op =:= '=/=' -> {300, 200, 300};
inop_prec(Op) when Op =:= '++'; Op =:= '--' -> {400, 300, 300};
inop_prec(Op) when Op =:= '+'; Op =:= '-'; Op =:= 'bor'; Op =:= 'bxor'; Op =:= 'bsl';
                   Op =:= 'bsr'; Op =:= 'or'; Op =:= 'xor' -> {400, 400, 500};
inop_prec(Op) when Op =:= '*'; Op =:= '/'; Op =:= 'div'; Op =:= 'rem'; Op =:= 'band';
                   Op =:= 'and' -> {500, 500, 600};
inop_prec('#') -> {800, 700, 800};
inop_prec(':') -> {900, 800, 900};
inop_prec('.') -> {900, 900, 1000}.

-spec preop_prec(atom()) -> {non_neg_integer(), non_neg_integer()}.
preop_prec('catch') -> {700, 100};
preop_prec(Op) when Op =:= '+'; Op =:= '-'; Op =:= 'bnot'; Op =:= 'not' -> {600, 700};
preop_prec('#') -> {700, 800}.

-spec func_prec() -> {800, 700}.
func_prec() -> {800, 700}.

-spec max_prec() -> 900.
max_prec() -> 900.

-spec type_inop_prec(atom()) -> {non_neg_integer(), non_neg_integer(), non_neg_integer()}.
type_inop_prec('=') -> {150, 100, 100};
type_inop_prec('::') -> {150, 150, 160};
type_inop_prec('|') -> {180, 170, 170};
type_inop_prec('..') -> {300, 200, 300};
type_inop_prec(Op) when Op =:= '+'; Op =:= '-'; Op =:= 'bor'; Op =:= 'bxor'; Op =:= 'bsl';
                        Op =:= 'bsr' -> {400, 400, 500};
type_inop_prec(Op) when Op =:= '*'; Op =:= '/'; Op =:= 'div'; Op =:= 'rem';
                        Op =:= 'band' -> {500, 500, 600};
type_inop_prec('#') -> {800, 700, 800}.

-spec type_preop_prec(atom()) -> {non_neg_integer(), non_neg_integer()}.
type_preop_prec(Op) when Op =:= '+'; Op =:= '-'; Op =:= 'bnot' -> {600, 700};
type_preop_prec('#') -> {700, 800}.

%%% ---------------------------------------------------------------------
%%% Annotations
%%% ---------------------------------------------------------------------

-spec map_anno(Fun, Abstr) -> NewAbstr when
      Fun :: fun((erl_anno:anno()) -> erl_anno:anno()),
      Abstr :: term(), NewAbstr :: term().
map_anno(F0, Abstr) ->
    {NewAbstr, []} = modify_anno(Abstr, [], fun(A, Acc) -> {F0(A), Acc} end),
    NewAbstr.

-spec fold_anno(Fun, Acc0, Abstr) -> Acc1 when
      Fun :: fun((erl_anno:anno(), term()) -> term()),
      Acc0 :: term(), Acc1 :: term(), Abstr :: term().
fold_anno(F0, Acc0, Abstr) ->
    {_, NewAcc} = modify_anno(Abstr, Acc0, fun(A, Acc) -> {A, F0(A, Acc)} end),
    NewAcc.

-spec mapfold_anno(Fun, Acc0, Abstr) -> {NewAbstr, Acc1} when
      Fun :: fun((erl_anno:anno(), term()) -> {erl_anno:anno(), term()}),
      Acc0 :: term(), Acc1 :: term(), Abstr :: term(), NewAbstr :: term().
mapfold_anno(F, Acc0, Abstr) ->
    modify_anno(Abstr, Acc0, F).

-spec new_anno(Term) -> Abstr when Term :: term(), Abstr :: term().
new_anno(Term) ->
    map_anno(fun erl_anno:new/1, Term).

-spec anno_to_term(Abstr) -> term() when Abstr :: term().
anno_to_term(Abstract) ->
    map_anno(fun erl_anno:to_term/1, Abstract).

-spec anno_from_term(Term) -> term() when Term :: term().
anno_from_term(Term) ->
    map_anno(fun erl_anno:from_term/1, Term).

%% Visits every annotation, left to right, the node's own first. The
%% second element of a tuple is its annotation, except in the few forms
%% whose shape says otherwise (`{function, Name, Arity}', attribute
%% values that are not abstract code, `{clauses, Cs}', typed record
%% fields, the type specifiers of a segment).
modify_anno({function, F, A}, Ac, _Mf) ->
    {{function, F, A}, Ac};
modify_anno({function, M, F, A}, Ac, Mf) ->
    {M1, Ac1} = modify_anno(M, Ac, Mf),
    {F1, Ac2} = modify_anno(F, Ac1, Mf),
    {A1, Ac3} = modify_anno(A, Ac2, Mf),
    {{function, M1, F1, A1}, Ac3};
modify_anno({attribute, A, record, {Name, Fields}}, Ac, Mf) ->
    {A1, Ac1} = Mf(A, Ac),
    {Fields1, Ac2} = modify_anno(Fields, Ac1, Mf),
    {{attribute, A1, record, {Name, Fields1}}, Ac2};
modify_anno({attribute, A, Kind, {Fun, Types}}, Ac, Mf) when Kind =:= spec; Kind =:= callback ->
    {A1, Ac1} = Mf(A, Ac),
    {Types1, Ac2} = modify_anno(Types, Ac1, Mf),
    {{attribute, A1, Kind, {Fun, Types1}}, Ac2};
modify_anno({attribute, A, Kind, {TypeName, TypeDef, Args}}, Ac, Mf)
  when Kind =:= type; Kind =:= opaque ->
    {A1, Ac1} = Mf(A, Ac),
    {TypeDef1, Ac2} = modify_anno(TypeDef, Ac1, Mf),
    {Args1, Ac3} = modify_anno(Args, Ac2, Mf),
    {{attribute, A1, Kind, {TypeName, TypeDef1, Args1}}, Ac3};
modify_anno({attribute, A, Attr, Val}, Ac, Mf) ->
    {A1, Ac1} = Mf(A, Ac),
    {{attribute, A1, Attr, Val}, Ac1};
modify_anno({warning, W}, Ac, _Mf) -> {{warning, W}, Ac};
modify_anno({error, W}, Ac, _Mf) -> {{error, W}, Ac};
modify_anno({eof, L}, Ac, _Mf) -> {{eof, L}, Ac};
modify_anno({clauses, Cs}, Ac, Mf) ->
    {Cs1, Ac1} = modify_anno(Cs, Ac, Mf),
    {{clauses, Cs1}, Ac1};
modify_anno({typed_record_field, Field, Type}, Ac, Mf) ->
    {Field1, Ac1} = modify_anno(Field, Ac, Mf),
    {Type1, Ac2} = modify_anno(Type, Ac1, Mf),
    {{typed_record_field, Field1, Type1}, Ac2};
modify_anno({bin_element, A, E1, E2, TSL}, Ac, Mf) ->
    {A1, Ac1} = Mf(A, Ac),
    {E11, Ac2} = modify_anno(E1, Ac1, Mf),
    {E21, Ac3} = modify_anno(E2, Ac2, Mf),
    {{bin_element, A1, E11, E21, TSL}, Ac3};
modify_anno(T, Ac, Mf) when is_tuple(T), tuple_size(T) >= 2, tuple_size(T) =< 6 ->
    [Tag, A | Es] = tuple_to_list(T),
    {A1, Ac1} = Mf(A, Ac),
    {Es1, Ac2} = modify_anno(Es, Ac1, Mf),
    {list_to_tuple([Tag, A1 | Es1]), Ac2};
modify_anno([H | T], Ac, Mf) ->
    {H1, Ac1} = modify_anno(H, Ac, Mf),
    {T1, Ac2} = modify_anno(T, Ac1, Mf),
    {[H1 | T1], Ac2};
modify_anno([], Ac, _Mf) -> {[], Ac};
modify_anno(E, Ac, _Mf) when not is_tuple(E), not is_list(E) -> {E, Ac}.
