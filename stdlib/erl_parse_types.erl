%% @doc Attributes and the type language for `erl_parse': the part of OTP
%% 25's grammar after the `-' of a form (`-module(m)', `-record(...)',
%% `-type'/`-opaque' definitions, `-spec'/`-callback' signatures, any
%% other attribute as a term), and the builders that check an attribute's
%% value as OTP's do, with the same messages.
%%
%% Parsing works on the token lists of `erl_parse' (ending with a
%% `{'$end', Loc}' token) and throws its errors in the same shape:
%% `{erl_parse_error, {syntax, Token}}' or
%% `{erl_parse_error, {Location, Message}}'. Message texts built with a
%% formatted part keep OTP's deep-list shape (`"bad " ++ ["type"] ++
%% " declaration"'), which callers see unflattened.
-module(erl_parse_types).

%% Called by erl_parse
-export([attribute/1]).

-define(ERR(What), throw({erl_parse_error, What})).

syntax_error([T | _]) -> ?ERR({syntax, T}).

expect(Cat, [T | Ts]) when element(1, T) =:= Cat -> {T, Ts};
expect(_Cat, Ts) -> syntax_error(Ts).

ret_err(Anno, Message) -> ?ERR({erl_anno:location(Anno), Message}).

ret_abstr_err(Abstract, Message) ->
    ?ERR({erl_anno:location(erl_parse:first_anno(Abstract)), Message}).

%%% ---------------------------------------------------------------------
%%% Attributes
%%% ---------------------------------------------------------------------

%% @private
%% The tokens after the `-' of an attribute, up to its full stop.
-spec attribute([tuple()]) -> {tuple(), [tuple()]}.
attribute([{Kind, A} | Ts]) when Kind =:= spec; Kind =:= callback ->
    {{SpecFun, Sigs}, Ts1} = type_spec(Ts),
    {build_type_spec(Kind, A, SpecFun, Sigs), Ts1};
attribute([{atom, _, _} = Name, {'(', _} | Ts]) ->
    {E1, Ts1} = erl_parse:expr(Ts),
    case Ts1 of
        [{')', _} | Ts2] ->
            %% `-name(Expr)' or an expression that starts with `(Expr)'.
            {E, Ts3} = erl_parse:continue_expr(E1, Ts2),
            {Build, Ts4} = attr_rest(Name, E, Ts3),
            {Build(), Ts4};
        _ ->
            %% The value is checked once the closing parenthesis is
            %% seen, as OTP's parser reduces the attribute only then.
            {Build, Ts2} = attr_rest(Name, E1, Ts1),
            {_, Ts3} = expect(')', Ts2),
            {Build(), Ts3}
    end;
attribute([{atom, _, _} = Name | Ts]) ->
    {E1, Ts1} = erl_parse:expr(Ts),
    {Build, Ts2} = attr_rest(Name, E1, Ts1),
    {Build(), Ts2};
attribute(Ts) ->
    syntax_error(Ts).

%% After the first expression of the value: a type definition
%% (`Expr :: Type'), a record declaration with typed fields, or more
%% expressions. Returns the attribute's builder.
attr_rest(Name, E1, [{'::', _} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    {fun() -> build_typed_attribute(Name, {type_def, E1, T}) end, Ts1};
attr_rest(Name, E1, [{',', _} | [{'{', _} | _] = Ts]) ->
    case typed_tuple(Ts) of
        {typed, Tuple, Ts1} ->
            {fun() -> build_typed_attribute(Name, {typed_record, E1, Tuple}) end, Ts1};
        {plain, E2, Ts1} ->
            {E, Ts2} = erl_parse:continue_expr(E2, Ts1),
            {Es, Ts3} = more_exprs(Ts2),
            {fun() -> build_attribute(Name, [E1, E | Es]) end, Ts3}
    end;
attr_rest(Name, E1, [{',', _} | Ts]) ->
    {Es, Ts1} = erl_parse:exprs(Ts),
    {fun() -> build_attribute(Name, [E1 | Es]) end, Ts1};
attr_rest(Name, E1, Ts) ->
    {fun() -> build_attribute(Name, [E1]) end, Ts}.

more_exprs([{',', _} | Ts]) -> erl_parse:exprs(Ts);
more_exprs(Ts) -> {[], Ts}.

%% `{...}' after `-record(Name,': a tuple of field expressions, some of
%% them `Expr :: Type'. Without any type it is an ordinary tuple.
typed_tuple([{'{', A}, {'}', _} | Ts]) ->
    {plain, {tuple, A, []}, Ts};
typed_tuple([{'{', A} | Ts]) ->
    {Es, Typed, Ts1} = typed_exprs(Ts, [], false),
    {_, Ts2} = expect('}', Ts1),
    case Typed of
        true -> {typed, {tuple, A, Es}, Ts2};
        false -> {plain, {tuple, A, Es}, Ts2}
    end.

typed_exprs(Ts, Acc, Typed) ->
    {E, Ts1} = erl_parse:expr(Ts),
    {E1, Typed1, Ts2} = case Ts1 of
                            [{'::', _} | Ts1a] ->
                                {T, Ts1b} = top_type(Ts1a),
                                {{typed, E, T}, true, Ts1b};
                            _ -> {E, Typed, Ts1}
                        end,
    case Ts2 of
        [{',', _} | Ts3] -> typed_exprs(Ts3, [E1 | Acc], Typed1);
        _ -> {lists:reverse([E1 | Acc]), Typed1, Ts2}
    end.

build_typed_attribute({atom, Aa, record}, {typed_record, {atom, _, RecordName}, RecTuple}) ->
    {attribute, Aa, record, {RecordName, record_tuple(RecTuple)}};
build_typed_attribute({atom, Aa, Attr}, {type_def, {call, _, {atom, _, TypeName}, Args}, Type})
  when Attr =:= type; Attr =:= opaque ->
    lists:foreach(fun({var, A, '_'}) -> ret_err(A, "bad type variable");
                     (_) -> ok
                  end, Args),
    lists:foreach(fun({var, _, _}) -> ok;
                     (Other) -> ret_abstr_err(Other, "bad type variable")
                  end, Args),
    {attribute, Aa, Attr, {TypeName, Type, Args}};
build_typed_attribute({atom, Aa, Attr} = Abstr, _) ->
    case Attr of
        record -> error_bad_decl(Abstr, record);
        type -> error_bad_decl(Abstr, type);
        opaque -> error_bad_decl(Abstr, opaque);
        _ -> ret_err(Aa, "bad attribute")
    end.

build_attribute({atom, Aa, module}, Val) ->
    case Val of
        [{atom, _, Module}] -> {attribute, Aa, module, Module};
        [{atom, _, Module}, ExpList] -> {attribute, Aa, module, {Module, var_list(ExpList)}};
        [Other | _] -> error_bad_decl(Other, module)
    end;
build_attribute({atom, Aa, export}, Val) ->
    case Val of
        [ExpList] -> {attribute, Aa, export, farity_list(ExpList)};
        [_, Other | _] -> error_bad_decl(Other, export)
    end;
build_attribute({atom, Aa, import}, Val) ->
    case Val of
        [{atom, _, Mod}, ImpList] -> {attribute, Aa, import, {Mod, farity_list(ImpList)}};
        [_, Other | _] -> error_bad_decl(Other, import)
    end;
build_attribute({atom, Aa, record}, Val) ->
    case Val of
        [{atom, _, Record}, RecTuple] -> {attribute, Aa, record, {Record, record_tuple(RecTuple)}};
        [Other | _] -> error_bad_decl(Other, record)
    end;
build_attribute({atom, Aa, file}, Val) ->
    case Val of
        [{string, _, Name}, {integer, _, Line}] -> {attribute, Aa, file, {Name, Line}};
        [Other | _] -> error_bad_decl(Other, file)
    end;
build_attribute({atom, Aa, Attr}, Val) ->
    case Val of
        [Expr0] ->
            Expr = attribute_farity(Expr0),
            {attribute, Aa, Attr, term(Expr)};
        [_, Other | _] -> ret_abstr_err(Other, "bad attribute")
    end.

var_list({cons, _, {var, _, V}, Tail}) -> [V | var_list(Tail)];
var_list({nil, _}) -> [];
var_list(Other) -> ret_abstr_err(Other, "bad variable list").

%% `Name/Arity' in the value of any other attribute reads as a tuple.
attribute_farity({cons, A, H, T}) ->
    {cons, A, attribute_farity(H), attribute_farity(T)};
attribute_farity({tuple, A, Args}) ->
    {tuple, A, [attribute_farity(Arg) || Arg <- Args]};
attribute_farity({map, A, Args}) ->
    {map, A, [{Op, A1, K, attribute_farity(V)} || {Op, A1, K, V} <- Args]};
attribute_farity({op, A, '/', {atom, _, _} = Name, {integer, _, _} = Arity}) ->
    {tuple, A, [Name, Arity]};
attribute_farity(Other) -> Other.

error_bad_decl(Abstr, S) ->
    ret_abstr_err(Abstr, "bad " ++ [io_lib:write_atom(S)] ++ " declaration").

farity_list({cons, _, {op, _, '/', {atom, _, A}, {integer, _, I}}, Tail}) ->
    [{A, I} | farity_list(Tail)];
farity_list({cons, _, {op, _, '/', {atom, _, _}, Other}, _}) ->
    ret_abstr_err(Other, "bad function arity");
farity_list({cons, _, {op, _, '/', Other, _}, _}) ->
    ret_abstr_err(Other, "bad function name");
farity_list({nil, _}) -> [];
farity_list(Other) -> ret_abstr_err(Other, "bad Name/Arity").

record_tuple({tuple, _, Fields}) -> record_fields(Fields);
record_tuple(Other) -> ret_abstr_err(Other, "bad record declaration").

record_fields([{atom, Aa, A} | Fields]) ->
    [{record_field, Aa, {atom, Aa, A}} | record_fields(Fields)];
record_fields([{match, _, {atom, Aa, A}, Expr} | Fields]) ->
    [{record_field, Aa, {atom, Aa, A}, Expr} | record_fields(Fields)];
record_fields([{typed, Expr, TypeInfo} | Fields]) ->
    [Field] = record_fields([Expr]),
    [{typed_record_field, Field, TypeInfo} | record_fields(Fields)];
record_fields([Other | _]) ->
    ret_abstr_err(Other, "bad record field");
record_fields([]) -> [].

term(Expr) ->
    try erl_parse:normalise(Expr)
    catch _:_ -> ret_abstr_err(Expr, "bad attribute")
    end.

%%% ---------------------------------------------------------------------
%%% Specifications
%%% ---------------------------------------------------------------------

type_spec([{'(', _} | Ts]) ->
    {SpecFun, Ts1} = spec_fun(Ts),
    {Sigs, Ts2} = type_sigs(Ts1),
    {_, Ts3} = expect(')', Ts2),
    {{SpecFun, Sigs}, Ts3};
type_spec(Ts) ->
    {SpecFun, Ts1} = spec_fun(Ts),
    {Sigs, Ts2} = type_sigs(Ts1),
    {{SpecFun, Sigs}, Ts2}.

spec_fun([{atom, _, _} = M, {':', _} | Ts]) ->
    {F, Ts1} = expect(atom, Ts),
    {{M, F}, Ts1};
spec_fun([{atom, _, _} = F | Ts]) -> {F, Ts};
spec_fun(Ts) -> syntax_error(Ts).

type_sigs(Ts) ->
    {Sig, Ts1} = type_sig(Ts),
    case Ts1 of
        [{';', _} | Ts2] ->
            {Sigs, Ts3} = type_sigs(Ts2),
            {[Sig | Sigs], Ts3};
        _ -> {[Sig], Ts1}
    end.

type_sig(Ts) ->
    {F, Ts1} = fun_type(Ts),
    case Ts1 of
        [{'when', _} | Ts2] ->
            {Gs, Ts3} = type_guards(Ts2),
            {{type, element(2, F), bounded_fun, [F, Gs]}, Ts3};
        _ -> {F, Ts1}
    end.

type_guards(Ts) ->
    {G, Ts1} = type_guard(Ts),
    case Ts1 of
        [{',', _} | Ts2] ->
            {Gs, Ts3} = type_guards(Ts2),
            {[G | Gs], Ts3};
        _ -> {[G], Ts1}
    end.

type_guard([{atom, _, _} = Name, {'(', _} | Ts]) ->
    {Types, Ts1} = top_types(Ts),
    {_, Ts2} = expect(')', Ts1),
    {build_compat_constraint(Name, Types), Ts2};
type_guard([{var, _, _} = V, {'::', _} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    {build_constraint(V, T), Ts1};
type_guard([{atom, _, _} | Ts]) -> syntax_error(Ts);
type_guard([{var, _, _} | Ts]) -> syntax_error(Ts);
type_guard(Ts) -> syntax_error(Ts).

%% `is_subtype(V, T)' is the old spelling of `V :: T'.
build_compat_constraint({atom, _, is_subtype}, [{var, _, _} = LHS, Type]) ->
    build_constraint(LHS, Type);
build_compat_constraint({atom, _, is_subtype}, [LHS, _Type]) ->
    ret_abstr_err(LHS, "bad type variable");
build_compat_constraint({atom, A, Atom}, _Types) ->
    ret_err(A, "unsupported constraint " ++ [io_lib:write_atom(Atom)]).

build_constraint({var, A, '_'}, _Type) ->
    ret_err(A, "bad type variable");
build_constraint(LHS, Type) ->
    Anno = erl_parse:first_anno(LHS),
    {type, Anno, constraint, [{atom, Anno, is_subtype}, [LHS, Type]]}.

build_type_spec(Kind, Aa, SpecFun, TypeSpecs) ->
    NewSpecFun = case SpecFun of
                     {atom, _, Fun} -> {Fun, find_arity_from_specs(TypeSpecs)};
                     {{atom, _, Mod}, {atom, _, Fun}} ->
                         {Mod, Fun, find_arity_from_specs(TypeSpecs)}
                 end,
    {attribute, Aa, Kind, {NewSpecFun, TypeSpecs}}.

%% The first signature gives the arity; erl_lint checks that all agree.
find_arity_from_specs([Spec | _]) ->
    Fun = case Spec of
              {type, _, bounded_fun, [F, _]} -> F;
              {type, _, 'fun', _} = F -> F
          end,
    {type, _, 'fun', [{type, _, product, Args}, _]} = Fun,
    length(Args).

%%% ---------------------------------------------------------------------
%%% Types
%%% ---------------------------------------------------------------------

top_types(Ts) ->
    {T, Ts1} = top_type(Ts),
    case Ts1 of
        [{',', _} | Ts2] ->
            {Rest, Ts3} = top_types(Ts2),
            {[T | Rest], Ts3};
        _ -> {[T], Ts1}
    end.

%% `Var :: Type', or unions of types.
top_type([{var, A, _} = V, {'::', _} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    {{ann_type, A, [V, T]}, Ts1};
top_type(Ts) ->
    {T, Ts1} = type(Ts, 0),
    case Ts1 of
        [{'|', _} | Ts2] ->
            {T2, Ts3} = top_type(Ts2),
            {lift_unions(T, T2), Ts3};
        _ -> {T, Ts1}
    end.

lift_unions(T1, {type, _, union, List}) -> {type, erl_parse:first_anno(T1), union, [T1 | List]};
lift_unions(T1, T2) -> {type, erl_parse:first_anno(T1), union, [T1, T2]}.

type_prec('..') -> {200, nonassoc};
type_prec(Op) when Op =:= '+'; Op =:= '-'; Op =:= 'bor'; Op =:= 'bxor'; Op =:= 'bsl';
                   Op =:= 'bsr'; Op =:= 'or'; Op =:= 'xor' -> {400, left};
type_prec(Op) when Op =:= '/'; Op =:= '*'; Op =:= 'div'; Op =:= 'rem'; Op =:= 'band';
                   Op =:= 'and' -> {500, left};
type_prec(_) -> none.

%% Ranges, integer arithmetic and prefix operators, by precedence.
type(Ts, Min) ->
    {L, Ts1} = type_unary(Ts),
    type_rest(L, Ts1, Min, none).

type_rest(L, [{Op, A} | Ts] = Ts0, Min, Last) ->
    case type_prec(Op) of
        {P, _} when P =:= Last -> syntax_error(Ts0);
        {P, Assoc} when P >= Min ->
            {R, Ts1} = type(Ts, P + 1),
            Node = case Op of
                       '..' -> {type, element(2, L), range, [L, R]};
                       _ -> {op, A, Op, L, R}
                   end,
            Last1 = case Assoc of nonassoc -> P; _ -> none end,
            type_rest(Node, Ts1, Min, Last1);
        _ -> {L, Ts0}
    end;
type_rest(L, Ts, _Min, _Last) ->
    {L, Ts}.

type_unary([{Op, A} | Ts]) when Op =:= '+'; Op =:= '-'; Op =:= 'bnot'; Op =:= 'not' ->
    {T, Ts1} = type_unary(Ts),
    {{op, A, Op, T}, Ts1};
type_unary(Ts) ->
    type_primary(Ts).

type_primary([{'(', _} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    {_, Ts2} = expect(')', Ts1),
    {T, Ts2};
type_primary([{var, _, _} = V | Ts]) -> {V, Ts};
type_primary([{atom, _, _} = Name, {'(', _}, {')', _} | Ts]) ->
    {build_gen_type(Name), Ts};
type_primary([{atom, _, _} = Name, {'(', _} | Ts]) ->
    {Types, Ts1} = top_types(Ts),
    {_, Ts2} = expect(')', Ts1),
    {build_type(Name, Types), Ts2};
type_primary([{atom, A, _} = M, {':', _} | Ts]) ->
    {N, Ts1} = expect(atom, Ts),
    {_, Ts2} = expect('(', Ts1),
    case Ts2 of
        [{')', _} | Ts3] -> {{remote_type, A, [M, N, []]}, Ts3};
        _ ->
            {Types, Ts3} = top_types(Ts2),
            {_, Ts4} = expect(')', Ts3),
            {{remote_type, A, [M, N, Types]}, Ts4}
    end;
type_primary([{atom, _, _} = Atom | Ts]) -> {Atom, Ts};
type_primary([{'[', A}, {']', _} | Ts]) -> {{type, A, nil, []}, Ts};
type_primary([{'[', A} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    case Ts1 of
        [{']', _} | Ts2] -> {{type, A, list, [T]}, Ts2};
        [{',', _}, {'...', _}, {']', _} | Ts2] -> {{type, A, nonempty_list, [T]}, Ts2};
        [{',', _}, {'...', _} | Ts2] -> syntax_error(Ts2);
        [{',', _} | Ts2] -> syntax_error(Ts2);
        _ -> syntax_error(Ts1)
    end;
type_primary([{'#', A}, {'{', _}, {'}', _} | Ts]) -> {{type, A, map, []}, Ts};
type_primary([{'#', A}, {'{', _} | Ts]) ->
    {Pairs, Ts1} = map_pair_types(Ts),
    {_, Ts2} = expect('}', Ts1),
    {{type, A, map, Pairs}, Ts2};
type_primary([{'#', A}, {atom, _, _} = Name, {'{', _}, {'}', _} | Ts]) ->
    {{type, A, record, [Name]}, Ts};
type_primary([{'#', A}, {atom, _, _} = Name, {'{', _} | Ts]) ->
    {Fields, Ts1} = field_types(Ts),
    {_, Ts2} = expect('}', Ts1),
    {{type, A, record, [Name | Fields]}, Ts2};
type_primary([{'#', _}, {atom, _, _} | Ts]) -> syntax_error(Ts);
type_primary([{'#', _} | Ts]) -> syntax_error(Ts);
type_primary([{'{', A}, {'}', _} | Ts]) -> {{type, A, tuple, []}, Ts};
type_primary([{'{', A} | Ts]) ->
    {Types, Ts1} = top_types(Ts),
    {_, Ts2} = expect('}', Ts1),
    {{type, A, tuple, Types}, Ts2};
type_primary([{'<<', _} | _] = Ts) -> binary_type(Ts);
type_primary([{Cat, _, _} = T | Ts]) when Cat =:= integer; Cat =:= char -> {T, Ts};
type_primary([{'fun', A}, {'(', _}, {')', _} | Ts]) -> {{type, A, 'fun', []}, Ts};
type_primary([{'fun', _}, {'(', _} | Ts]) ->
    {F, Ts1} = fun_type(Ts),
    {_, Ts2} = expect(')', Ts1),
    {F, Ts2};
type_primary([{'fun', _} | Ts]) -> syntax_error(Ts);
type_primary(Ts) -> syntax_error(Ts).

fun_type([{'(', A}, {'...', _}, {')', _} | Ts]) ->
    {_, Ts1} = expect('->', Ts),
    {R, Ts2} = top_type(Ts1),
    {{type, A, 'fun', [{type, A, any}, R]}, Ts2};
fun_type([{'(', A}, {')', _} | Ts]) ->
    {_, Ts1} = expect('->', Ts),
    {R, Ts2} = top_type(Ts1),
    {{type, A, 'fun', [{type, A, product, []}, R]}, Ts2};
fun_type([{'(', A} | Ts]) ->
    {Args, Ts1} = top_types(Ts),
    {_, Ts2} = expect(')', Ts1),
    {_, Ts3} = expect('->', Ts2),
    {R, Ts4} = top_type(Ts3),
    {{type, A, 'fun', [{type, A, product, Args}, R]}, Ts4};
fun_type(Ts) -> syntax_error(Ts).

map_pair_types(Ts) ->
    {K, Ts1} = top_type(Ts),
    {Tag, A, Ts2} = case Ts1 of
                        [{'=>', A0} | Ts1a] -> {map_field_assoc, A0, Ts1a};
                        [{':=', A0} | Ts1a] -> {map_field_exact, A0, Ts1a};
                        _ -> syntax_error(Ts1)
                    end,
    {V, Ts3} = top_type(Ts2),
    Pair = {type, A, Tag, [K, V]},
    case Ts3 of
        [{',', _} | Ts4] ->
            {Rest, Ts5} = map_pair_types(Ts4),
            {[Pair | Rest], Ts5};
        _ -> {[Pair], Ts3}
    end.

field_types([{atom, A, _} = Name, {'::', _} | Ts]) ->
    {T, Ts1} = top_type(Ts),
    Field = {type, A, field_type, [Name, T]},
    case Ts1 of
        [{',', _} | Ts2] ->
            {Rest, Ts3} = field_types(Ts2),
            {[Field | Rest], Ts3};
        _ -> {[Field], Ts1}
    end;
field_types([{atom, _, _} | Ts]) -> syntax_error(Ts);
field_types(Ts) -> syntax_error(Ts).

%% `<<>>', `<<_:M>>', `<<_:_*N>>' and `<<_:M, _:_*N>>'. The implicit
%% sizes are integers annotated with the line only, as in OTP.
binary_type([{'<<', A}, {'>>', _} | Ts]) ->
    {{type, A, binary, [zero(A), zero(A)]}, Ts};
binary_type([{'<<', A} | Ts]) ->
    case unit_type(Ts) of
        {ok, Unit, Ts1} ->
            {_, Ts2} = expect('>>', Ts1),
            {{type, A, binary, [zero(A), Unit]}, Ts2};
        no ->
            {Base, Ts1} = base_type(Ts),
            case Ts1 of
                [{',', _} | Ts2] ->
                    case unit_type(Ts2) of
                        {ok, Unit, Ts3} ->
                            {_, Ts4} = expect('>>', Ts3),
                            {{type, A, binary, [Base, Unit]}, Ts4};
                        no -> unit_syntax_error(Ts2)
                    end;
                _ ->
                    {_, Ts2} = expect('>>', Ts1),
                    {{type, A, binary, [Base, zero(A)]}, Ts2}
            end
    end.

unit_type([{var, _, _} = V1, {':', _}, {var, _, _} = V2, {'*', _} | Ts]) ->
    {T, Ts1} = type(Ts, 0),
    {ok, build_bin_type([V1, V2], T), Ts1};
unit_type(_) -> no.

unit_syntax_error([{var, _, _}, {':', _}, {var, _, _} | Ts]) -> syntax_error(Ts);
unit_syntax_error([{var, _, _}, {':', _} | Ts]) -> syntax_error(Ts);
unit_syntax_error([{var, _, _} | Ts]) -> syntax_error(Ts);
unit_syntax_error(Ts) -> syntax_error(Ts).

base_type([{var, _, _} = V, {':', _} | Ts]) ->
    {T, Ts1} = type(Ts, 0),
    {build_bin_type([V], T), Ts1};
base_type([{var, _, _} | Ts]) -> syntax_error(Ts);
base_type(Ts) -> syntax_error(Ts).

build_bin_type([{var, _, '_'} | Left], Int) -> build_bin_type(Left, Int);
build_bin_type([], Int) -> Int;
build_bin_type([{var, Aa, _} | _], _) -> ret_err(Aa, "Bad binary type").

zero(A) -> erl_parse:abstract(0, erl_anno:line(A)).

build_gen_type({atom, Aa, tuple}) -> {type, Aa, tuple, any};
build_gen_type({atom, Aa, map}) -> {type, Aa, map, any};
build_gen_type({atom, Aa, Name}) -> {type_tag(Name, 0), Aa, Name, []}.

build_type({atom, A, Name}, Types) ->
    {type_tag(Name, length(Types)), A, Name, Types}.

type_tag(Name, NumberOfTypeVariables) ->
    case is_type(Name, NumberOfTypeVariables) of
        true -> type;
        false -> user_type
    end.

%% The predefined types of OTP 25 (erl_internal:is_type/2).
is_type(list, 1) -> true;
is_type(nonempty_list, 1) -> true;
is_type(maybe_improper_list, 2) -> true;
is_type(nonempty_improper_list, 2) -> true;
is_type(nonempty_maybe_improper_list, 2) -> true;
is_type(Name, 0) ->
    lists:member(Name, [any, arity, atom, binary, bitstring, bool, boolean, byte, char,
                        float, function, identifier, integer, iodata, iolist, list, map,
                        maybe_improper_list, mfa, module, neg_integer, nil, no_return,
                        node, non_neg_integer, none, nonempty_binary, nonempty_bitstring,
                        nonempty_list, nonempty_maybe_improper_list, nonempty_string,
                        number, pid, port, pos_integer, reference, string, term, timeout,
                        tuple]);
is_type(_, _) -> false.
