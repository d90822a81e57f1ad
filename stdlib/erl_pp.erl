%% @doc Pretty printing of the abstract format, compatible with OTP 25's
%% `erl_pp': the text of forms, attributes, functions, guards and
%% expressions, with the same line breaks and indentation as OTP's.
%%
%% Printing goes in two passes. The first turns the abstract code into a
%% layout: a tree of items that say what may stay on one line and where
%% a line may break (see the "Layouts" section). The second (`render/3')
%% measures the items and decides, for each group, whether it fits on
%% the current line (72 columns unless `{linewidth, N}' is given) or is
%% broken over several lines indented by 4 (`{indent, N}'). Because
%% output must match OTP's character for character, the layout
%% vocabulary and the fitting rules are those OTP's printer uses,
%% quirks included (for example the width it assumes after a broken
%% group); they are described where they are implemented.
%%
%% Options are `none', a hook fun, or a list of `{hook, H}',
%% `{encoding, latin1 | unicode | utf8}', `{quote_singleton_atom_types,
%% boolean()}', `{linewidth, N}' and `{indent, N}'. As in OTP, a list
%% without `encoding' prints as unicode (the default source encoding),
%% while `none' or a bare hook prints as latin1.
-module(erl_pp).

%% Forms
-export([form/1, form/2, attribute/1, attribute/2, function/1,
         function/2]).
%% Guards and expressions
-export([guard/1, guard/2, exprs/1, exprs/2, exprs/3, expr/1, expr/2,
         expr/3, expr/4]).
%% Variable names
-export([legalize_vars/1]).

-export_type([options/0]).

-type hook_function() :: none
                       | fun((Expr :: erl_parse:abstract_expr(),
                              CurrentIndentation :: integer(),
                              CurrentPrecedence :: non_neg_integer(),
                              Options :: options()) -> io_lib:chars()).
-type option() :: {hook, hook_function()}
                | {encoding, latin1 | unicode | utf8}
                | {quote_singleton_atom_types, boolean()}
                | {linewidth, pos_integer()}
                | {indent, pos_integer()}.
-type options() :: hook_function() | [option()].

%% How the second pass writes leaves, and the page geometry.
-record(pp, {value, singleton, string, char, width = 72, indent = 4}).
%% What the first pass needs: the hook and the encoding.
-record(opt, {hook, encoding, raw}).

%%% ===================================================================
%%% Forms
%%% ===================================================================

%% @doc A form (attribute, function, error or warning tuple, or `eof').
-spec form(Form) -> io_lib:chars() when
      Form :: erl_parse:abstract_form() | erl_parse:form_info().
form(Thing) -> form(Thing, none).

%% @doc A form, with options.
-spec form(Form, Options) -> io_lib:chars() when
      Form :: erl_parse:abstract_form() | erl_parse:form_info(),
      Options :: options().
form(Thing, Options) ->
    render(l_form(Thing, opts(Options)), 0, pp(Options)).

%% @doc An attribute form.
-spec attribute(Attribute) -> io_lib:chars() when
      Attribute :: erl_parse:abstract_form().
attribute(Thing) -> attribute(Thing, none).

%% @doc An attribute form, with options.
-spec attribute(Attribute, Options) -> io_lib:chars() when
      Attribute :: erl_parse:abstract_form(), Options :: options().
attribute(Thing, Options) ->
    render(l_attribute(Thing, opts(Options)), 0, pp(Options)).

%% @doc A function form.
-spec function(Function) -> io_lib:chars() when
      Function :: erl_parse:abstract_form().
function(F) -> function(F, none).

%% @doc A function form, with options.
-spec function(Function, Options) -> io_lib:chars() when
      Function :: erl_parse:abstract_form(), Options :: options().
function(F, Options) ->
    render(l_function(F, opts(Options)), 0, pp(Options)).

%%% ===================================================================
%%% Guards and expressions
%%% ===================================================================

%% @doc A guard (`when' and the guard sequence; empty for `[]').
-spec guard(Guard) -> io_lib:chars() when
      Guard :: [erl_parse:abstract_expr()].
guard(Gs) -> guard(Gs, none).

%% @doc A guard, with options.
-spec guard(Guard, Options) -> io_lib:chars() when
      Guard :: [erl_parse:abstract_expr()], Options :: options().
guard(Gs, Options) ->
    render(l_guard(Gs, opts(Options)), 0, pp(Options)).

%% @doc A sequence of expressions, separated by commas.
-spec exprs(Expressions) -> io_lib:chars() when
      Expressions :: [erl_parse:abstract_expr()].
exprs(Es) -> exprs(Es, 0, none).

%% @doc A sequence of expressions, with options.
-spec exprs(Expressions, Options) -> io_lib:chars() when
      Expressions :: [erl_parse:abstract_expr()], Options :: options().
exprs(Es, Options) -> exprs(Es, 0, Options).

%% @doc A sequence of expressions, starting at indentation `Indent'.
-spec exprs(Expressions, Indent, Options) -> io_lib:chars() when
      Expressions :: [erl_parse:abstract_expr()],
      Indent :: integer(), Options :: options().
exprs(Es, I, Options) ->
    O = opts(Options),
    render({seq, [], [], [$,], [l_expr(E, O) || E <- Es]}, I, pp(Options)).

%% @doc One expression.
-spec expr(Expression) -> io_lib:chars() when
      Expression :: erl_parse:abstract_expr().
expr(E) -> expr(E, 0, 0, none).

%% @doc One expression, with options.
-spec expr(Expression, Options) -> io_lib:chars() when
      Expression :: erl_parse:abstract_expr(), Options :: options().
expr(E, Options) -> expr(E, 0, 0, Options).

%% @doc One expression, starting at indentation `Indent'.
-spec expr(Expression, Indent, Options) -> io_lib:chars() when
      Expression :: erl_parse:abstract_expr(),
      Indent :: integer(), Options :: options().
expr(E, I, Options) -> expr(E, I, 0, Options).

%% @doc One expression, at indentation `Indent', as the operand of an
%% operator of precedence `Precedence' (parenthesized if it binds less).
-spec expr(Expression, Indent, Precedence, Options) -> io_lib:chars() when
      Expression :: erl_parse:abstract_expr(),
      Indent :: integer(), Precedence :: non_neg_integer(),
      Options :: options().
expr(E, I, P, Options) ->
    render(l_expr(E, P, opts(Options)), I, pp(Options)).

%%% ===================================================================
%%% Variable names
%%% ===================================================================

%% @doc Renames the variables of a function whose names are not valid
%% Erlang variables (they start with a lowercase letter, as compiler
%% passes may make them): each becomes its uppercase form, with `X's
%% put in front until it clashes with no other name.
-spec legalize_vars(Function) -> erl_parse:abstract_form() when
      Function :: erl_parse:abstract_form().
legalize_vars({function, Anno, Name, Arity, Clauses}) ->
    Names = var_names(Clauses, #{}),
    {Good, Bad} = maps:fold(
                    fun(N, _, {G, B}) ->
                            case atom_to_list(N) of
                                [C | _] when C >= $a, C =< $z ->
                                    {G, B#{N => atom_to_list(N)}};
                                _ ->
                                    {G#{N => N}, B}
                            end
                    end, {#{}, #{}}, Names),
    Map = maps:fold(fun legal_name/3, Good, Bad),
    {function, Anno, Name, Arity,
     rename_vars(Clauses, fun(V) -> maps:get(V, Map) end)};
legalize_vars(Form) ->
    erlang:error(badarg, [Form]).

legal_name(Bad, Str, Used) ->
    New = list_to_atom(string:to_upper(Str)),
    case maps:is_key(New, Used) of
        true -> legal_name(Bad, [$X | Str], Used);
        false -> Used#{Bad => New}
    end.

var_names({var, _, N}, Acc) -> Acc#{N => true};
var_names(T, Acc) when is_list(T) -> lists:foldl(fun var_names/2, Acc, T);
var_names(T, Acc) when is_tuple(T) -> var_names(tuple_to_list(T), Acc);
var_names(_, Acc) -> Acc.

rename_vars({var, A, N}, F) -> {var, A, F(N)};
rename_vars(T, F) when is_list(T) -> [rename_vars(X, F) || X <- T];
rename_vars(T, F) when is_tuple(T) ->
    list_to_tuple(rename_vars(tuple_to_list(T), F));
rename_vars(T, _) -> T.

%%% ===================================================================
%%% Options
%%% ===================================================================

opts(Options) when is_list(Options) ->
    #opt{hook = proplists:get_value(hook, Options, none),
         encoding = encoding(Options), raw = Options};
opts(Hook) ->
    #opt{hook = Hook, encoding = encoding([]), raw = Hook}.

%% The layout options of the second pass. Only an option list can ask
%% for unicode; `none' and hooks print as latin1.
pp(Options) when is_list(Options) ->
    Quote = proplists:get_bool(quote_singleton_atom_types, Options),
    PP = writers(encoding(Options), Quote),
    PP#pp{indent = proplists:get_value(indent, Options, 4),
          width = proplists:get_value(linewidth, Options, 72)};
pp(_Hook) ->
    writers(latin1, false).

writers(Enc, Quote) ->
    Value = fun(V) -> io_lib_pretty_print(V, Enc) end,
    {Str, Char, QuoteAtom} =
        case Enc of
            latin1 ->
                {fun io_lib:write_string_as_latin1/1,
                 fun io_lib:write_char_as_latin1/1,
                 fun(A) -> io_lib:write_string_as_latin1(atom_to_list(A), $') end};
            unicode ->
                {fun io_lib:write_string/1, fun io_lib:write_char/1,
                 fun(A) -> io_lib:write_string(atom_to_list(A), $') end}
        end,
    #pp{value = Value, string = Str, char = Char,
        singleton = case Quote of
                        true -> QuoteAtom;
                        false -> Value
                    end}.

%% Terms print as `~p' does (column 1, 80 columns), which is what OTP's
%% io_lib_pretty:print/2 with only an encoding does.
io_lib_pretty_print(V, latin1) -> io_lib:format("~p", [V]);
io_lib_pretty_print(V, unicode) -> io_lib:format("~tp", [V]).

%% utf8 is the default source encoding in OTP 25.
encoding(Options) ->
    case proplists:get_value(encoding, Options, utf8) of
        latin1 -> latin1;
        utf8 -> unicode;
        unicode -> unicode
    end.

%%% ===================================================================
%%% Layouts
%%% ===================================================================
%%
%% An item is one of:
%%   C (a character), [I | Is] (items one after another, no break),
%%   {leaf, Width, Chars},
%%   an atom among the reserved words of word/1,
%%   {atom, A}, {singleton_atom_type, A}, {char, C}, {string, S},
%%   {value, Term} (written when rendered),
%%   {reserved, I} (I, never moved onto a line of its own),
%%   {list, Parts}: on one line if it fits, else one part per line;
%%   {first, I, Part}: I, then Part indented by the width of I;
%%   {seq, Before, After, Sep, Parts}: Parts separated by Sep, between
%%     Before and After, indented by the width of Before;
%%   {prefer_nl, Sep, Parts}: one part per line, separated by Sep;
%%   {force_nl, Comment, I}: Comment on a line before I;
%%   {hook, ...}, {ehook, ...}: a call to a user's hook.
%% A part is an item, or {step, I1, I2} (I2 on its own line indented one
%% step when the whole does not fit), or {cstep, I1, I2} (the same, but
%% I2 stays after a short I1, as in `X = case ... end').

l_form({attribute, _, _, _} = A, O) -> l_attribute(A, O);
l_form({function, _, _, _, _} = F, O) -> l_function(F, O);
l_form({error, _} = E, O) -> message(E, O);
l_form({warning, _} = W, O) -> message(W, O);
l_form({eof, _}, _) -> $\n.

message(M, #opt{encoding = latin1}) -> leaf(io_lib:format("~p\n", [M]));
message(M, #opt{encoding = unicode}) -> leaf(io_lib:format("~tp\n", [M])).

%%% -------------------------------------------------------------------
%%% Attributes
%%% -------------------------------------------------------------------

l_attribute({attribute, _, type, T}, O) -> [type_attr(type, T, O), leaf(".\n")];
l_attribute({attribute, _, opaque, T}, O) -> [type_attr(opaque, T, O), leaf(".\n")];
l_attribute({attribute, _, spec, S}, _) -> [spec_attr(spec, S), leaf(".\n")];
l_attribute({attribute, _, callback, S}, _) -> [spec_attr(callback, S), leaf(".\n")];
l_attribute({attribute, _, Name, Arg}, O) -> [attr_body(Name, Arg, O), leaf(".\n")].

attr_body(module, {M, Vs}, _) ->
    A = anno0(),
    Params = lists:foldr(fun(V, T) -> {cons, A, {var, A, V}, T} end,
                         {nil, A}, Vs),
    attr(module, [{var, A, dotted(M)}, Params]);
attr_body(module, M, _) ->
    attr(module, [{var, anno0(), dotted(M)}]);
attr_body(export, FAs, _) ->
    attr_items(export, fa_list(FAs));
attr_body(import, Name, _) when is_list(Name) ->
    attr(import, [{var, anno0(), dotted(Name)}]);
attr_body(import, {From, FAs}, _) ->
    attr_items(import, [leaf(dotted(From)), fa_list(FAs)]);
attr_body(export_type, TAs, _) ->
    attr_items(export_type, fa_list(TAs));
attr_body(optional_callbacks, FAs, O) ->
    %% Anything but a list of Name/Arity pairs prints as a term.
    try attr_items(optional_callbacks, fa_list(FAs))
    catch _:_ -> attr(optional_callbacks, [abstract(FAs, O)])
    end;
attr_body(file, {Name, Line}, _) ->
    attr(file, [{string, anno0(), Name}, {integer, anno0(), Line}]);
attr_body(record, {Name, Fields}, O) ->
    [{first, [leaf("-record("), {atom, Name}, $,], record_fields(Fields, O)}, $)];
attr_body(Name, Arg, O) ->
    attr(Name, [abstract(Arg, O)]).

abstract(Term, #opt{encoding = Enc}) ->
    erl_parse:abstract(Term, [{encoding, Enc}]).

attr(Name, Args) ->
    {first, [$-, {atom, Name}], args(Args, opts(none))}.

attr_items(Name, Items) ->
    {first, [$-, {atom, Name}], [{seq, $(, $), [$,], Items}]}.

%% Module names (packages of old) as written in the source.
dotted(['' | As]) -> [$. | dotted(As)];
dotted([A]) -> io_lib:write(A);
dotted([A | As]) -> [io_lib:write(A), $. | dotted(As)];
dotted(A) when is_atom(A) -> io_lib:write(A).

fa_list([]) ->
    ['[]'];
fa_list(FAs) ->
    %% A non-pair fails (a badmatch), which optional_callbacks relies on.
    [{seq, $[, $], $,,
      lists:map(fun(FA) ->
                        {F, A} = FA,
                        [{atom, F}, leaf(io_lib:format("/~w", [A]))]
                end, FAs)}].

%%% -------------------------------------------------------------------
%%% Types and specs
%%% -------------------------------------------------------------------

type_attr(Tag, {Name, Type, Params}, _) ->
    {first, leaf("-" ++ atom_to_list(Tag) ++ " "),
     typed(call({atom, anno0(), Name}, Params, 0, opts(none)), Type)}.

spec_attr(Kind, {Func, Sigs}) ->
    Name = case Func of
               {F, _} -> {atom, F};
               {M, F, _} -> [{atom, M}, $:, {atom, F}]
           end,
    {first, leaf(lists:concat(["-", Kind, " "])),
     {list, [{first, Name, {prefer_nl, [$;], [signature(S) || S <- Sigs]}}]}}.

signature({type, _, bounded_fun, [FunType, Constraints]}) ->
    Cs = {seq, [], [], [$,], [constraint(C) || C <- Constraints]},
    {list, [{step, fun_type([], FunType), {list, [{step, 'when', Cs}]}}]};
signature(FunType) ->
    fun_type([], FunType).

constraint({type, _, constraint, [{atom, _, is_subtype}, [{var, _, _} = V, T]]}) ->
    typed(l_expr(V, opts(none)), T);
constraint({type, _, constraint, [Tag, As]}) ->
    plain_type(Tag, As).

fun_type(Before, {type, _, 'fun', [Args, Result]}) ->
    {first, Before, {step, [fun_args(Args), ' ->'], l_type(Result)}}.

fun_args({type, _, any}) -> leaf("(...)");
fun_args({type, _, product, Ts}) -> type_args(Ts).

typed(Item, Type) ->
    {list, [{cstep, [Item, ' ::'], l_type(Type)}]}.

l_type(T) -> l_type(T, 0).

l_type({ann_type, _, [V, T]}, Prec) ->
    {L, P, R} = erl_parse:type_inop_prec('::'),
    paren(P, Prec, {list, [{cstep, [l_type(V, L), ' ::'], l_type(T, R)}]});
l_type({paren_type, _, [T]}, Prec) ->
    %% Made by parsers before OTP 18; the precedence decides instead.
    l_type(T, Prec);
l_type({type, _, union, Ts}, Prec) ->
    {_, P, R} = erl_parse:type_inop_prec('|'),
    paren(P, Prec, {seq, [], [], [' |'], [l_type(T, R) || T <- Ts]});
l_type({type, _, list, [T]}, _) ->
    {seq, $[, $], $,, [l_type(T)]};
l_type({type, _, nonempty_list, [T]}, _) ->
    {seq, $[, $], [$,], [l_type(T), leaf("...")]};
l_type({type, A, nil, []}, _) ->
    l_expr({nil, A}, opts(none));
l_type({type, A, map, any}, _) ->
    plain_type({atom, A, map}, []);
l_type({type, _, map, Pairs}, Prec) ->
    {P, _} = erl_parse:type_preop_prec('#'),
    paren(P, Prec, {first, [$#], tuple_type(Pairs, fun map_pair_type/2)});
l_type({type, A, tuple, any}, _) ->
    plain_type({atom, A, tuple}, []);
l_type({type, _, tuple, Ts}, _) ->
    tuple_type(Ts, fun l_type/2);
l_type({type, _, record, [{atom, _, N} | Fields]}, Prec) ->
    {P, _} = erl_parse:type_preop_prec('#'),
    paren(P, Prec, {first, [record_name(N)],
                    tuple_type(Fields, fun field_type/2)});
l_type({type, _, range, [_, _] = Bounds}, Prec) ->
    {_, P, R} = erl_parse:type_inop_prec('..'),
    O = opts(none),
    paren(P, Prec, {seq, [], [], '..', [l_expr(B, R, O) || B <- Bounds]});
l_type({type, _, binary, [Base, Unit]}, _) ->
    binary_type(Base, Unit);
l_type({type, _, 'fun', []}, _) ->
    leaf("fun()");
l_type({type, _, 'fun', [{type, _, any}, _]} = F, _) ->
    [fun_type(['fun', $(], F), $)];
l_type({type, _, 'fun', [{type, _, product, _}, _]} = F, _) ->
    [fun_type(['fun', $(], F), $)];
l_type({type, A, T, Ts}, _) ->
    plain_type({atom, A, T}, Ts);
l_type({user_type, A, T, Ts}, _) ->
    plain_type({atom, A, T}, Ts);
l_type({remote_type, A, [M, F, Ts]}, _) ->
    plain_type({remote, A, M, F}, Ts);
l_type({atom, _, T}, _) ->
    {singleton_atom_type, T};
l_type(E, Prec) ->
    l_expr(E, Prec, opts(none)).

%% <<_:M, _:_*N>>, leaving out the parts that are 0.
binary_type(Base, Unit) ->
    P = erl_parse:max_prec(),
    O = opts(none),
    Parts = [[leaf("_:"), l_expr(Base, P, O)] || not is_zero(Base)]
        ++ [[leaf("_:_*"), l_expr(Unit, P, O)] || not is_zero(Unit)],
    case Parts of
        [] -> leaf("<<>>");
        _ -> {seq, '<<', '>>', [$,], Parts}
    end.

is_zero({integer, _, 0}) -> true;
is_zero(_) -> false.

map_pair_type({type, _, map_field_assoc, [K, V]}, Prec) ->
    {list, [{cstep, [l_type(K, Prec), leaf(" =>")], l_type(V, Prec)}]};
map_pair_type({type, _, map_field_exact, [K, V]}, Prec) ->
    {list, [{cstep, [l_type(K, Prec), leaf(" :=")], l_type(V, Prec)}]}.

field_type({type, _, field_type, [Name, Type]}, _) ->
    typed(l_expr(Name, opts(none)), Type).

tuple_type([], _) -> leaf("{}");
tuple_type(Ts, F) -> {seq, ${, $}, [$,], [F(T, 0) || T <- Ts]}.

plain_type(Tag, Ts) ->
    {first, l_expr(Tag, opts(none)), type_args(Ts)}.

type_args(Ts) ->
    {seq, $(, $), [$,], [l_type(T, 0) || T <- Ts]}.

%%% -------------------------------------------------------------------
%%% Functions, clauses and guards
%%% -------------------------------------------------------------------

l_function({function, _, Name, _, Cs}, O) ->
    [{prefer_nl, $;, [func_clause(Name, C, O) || C <- Cs]}, leaf(".\n")].

func_clause(Name, {clause, A, Head, Guard, Body}, O) ->
    {step, guard_when(call({atom, A, Name}, Head, 0, O), Guard, O), body(Body, O)}.

guard_when(Before, Guard, O) ->
    [{list, [{step, Before, l_guard(Guard, O)}]}, ' ->'].

l_guard([G | _] = Gs, O) when is_list(G) ->
    {list, [{step, 'when', {seq, [], [], [$;], [guard_conj(C, O) || C <- Gs]}}]};
l_guard([_ | _] = G, O) ->
    %% A flat list is one conjunction (the format before R6).
    l_guard([G], O);
l_guard([], _) ->
    [].

guard_conj(Es, O) ->
    {seq, [], [], [$,], [l_expr(E, O) || E <- Es]}.

guard_no_when([G | _] = Gs, O) when is_list(G) ->
    {seq, [], [], $;, [guard_conj(C, O) || C <- Gs]};
guard_no_when([_ | _] = G, O) ->
    guard_no_when([G], O);
guard_no_when([], _) ->
    leaf("true").

body([E], O) -> l_expr(E, O);
body(Es, O) -> {prefer_nl, [$,], [l_expr(E, O) || E <- Es]}.

clauses(F, Cs, O) -> {prefer_nl, [$;], [F(C, O) || C <- Cs]}.

if_clause({clause, _, [], G, B}, O) ->
    {step, [guard_no_when(G, O), ' ->'], body(B, O)}.

cr_clause({clause, _, [P], G, B}, O) ->
    {step, guard_when(l_expr(P, 0, O), G, O), body(B, O)}.

try_clause({clause, _, [{tuple, _, [Class, Reason, Stack]}], G, B}, O) ->
    Pat = [l_expr(Class, 0, O), $:, l_expr(Reason, 0, O)],
    Full = case Stack of
               {var, _, '_'} -> Pat;
               _ -> Pat ++ [$:, l_expr(Stack, 0, O)]
           end,
    {step, guard_when(Full, G, O), body(B, O)}.

fun_clause({clause, _, Ps, G, B}, O) ->
    {step, guard_when(args(Ps, O), G, O), body(B, O)}.

fun_clauses(Cs, O, unnamed) ->
    {prefer_nl, [$;], [fun_clause(C, O) || C <- Cs]};
fun_clauses(Cs, O, {named, Name}) ->
    {prefer_nl, [$;],
     [begin
          {step, H, B} = fun_clause(C, O),
          {step, [atom_to_list(Name), H], B}
      end || C <- Cs]}.

cond_clause({clause, _, [], [[E]], B}, O) ->
    {step, [l_expr(E, O), ' ->'], body(B, O)}.

%%% -------------------------------------------------------------------
%%% Expressions
%%% -------------------------------------------------------------------

l_expr(E, O) -> l_expr(E, 0, O).

l_expr({var, _, V}, _, _) when is_integer(V) ->
    %% Numbered variables, as some tools make them.
    leaf(io_lib:format("_~w", [V]));
l_expr({var, _, V}, _, _) -> leaf(io_lib:format("~ts", [V]));
l_expr({char, _, C}, _, _) -> {char, C};
l_expr({integer, _, N}, _, _) -> leaf(io_lib:write(N));
l_expr({float, _, F}, _, _) -> leaf(io_lib:write(F));
l_expr({atom, _, A}, _, _) -> {atom, A};
l_expr({string, _, S}, _, _) -> {string, S};
l_expr({nil, _}, _, _) -> '[]';
l_expr({cons, _, H, T}, _, O) ->
    list_items(T, [H], O);
l_expr({lc, _, E, Qs}, _, O) ->
    Body = {list, [{step, [l_expr(E, O), leaf(" ||")], quals(Qs, O)}]},
    {list, [{seq, $[, [], [[]], [{force_nl, leaf(" "), [Body]}]}, $]]};
l_expr({bc, _, E, Qs}, _, O) ->
    Body = {list, [{step, [l_expr(E, erl_parse:max_prec(), O), leaf(" ||")],
                    quals(Qs, O)}]},
    {list, [{seq, '<<', [], [[]], [{force_nl, leaf(" "), [Body]}]}, '>>']};
l_expr({tuple, _, Es}, _, O) ->
    tuple(Es, fun l_expr/2, O);
l_expr({record_index, _, Name, F}, Prec, O) ->
    {P, R} = erl_parse:preop_prec('#'),
    paren(P, Prec, [record_name(Name), $., l_expr(F, R, O)]);
l_expr({record, _, Name, Fs}, Prec, O) ->
    {P, _} = erl_parse:preop_prec('#'),
    paren(P, Prec, {first, record_name(Name), record_fields(Fs, O)});
l_expr({record_field, _, Rec, Name, F}, Prec, O) ->
    {L, P, R} = erl_parse:inop_prec('#'),
    paren(P, Prec, [l_expr(Rec, L, O), [space_after(Rec, [$#]), {atom, Name}, $.],
                    l_expr(F, R, O)]);
l_expr({record, _, Rec, Name, Fs}, Prec, O) ->
    {L, P, _} = erl_parse:inop_prec('#'),
    paren(P, Prec, {first, [l_expr(Rec, L, O), space_after(Rec, []), record_name(Name)],
                    record_fields(Fs, O)});
l_expr({record_field, _, {atom, _, ''}, F}, Prec, O) ->
    {_, P, R} = erl_parse:inop_prec('.'),
    paren(P, Prec, [$., l_expr(F, R, O)]);
l_expr({record_field, _, Rec, F}, Prec, O) ->
    {L, P, R} = erl_parse:inop_prec('.'),
    paren(P, Prec, [l_expr(Rec, L, O), $., l_expr(F, R, O)]);
l_expr({map, _, Fs}, Prec, O) ->
    {P, _} = erl_parse:preop_prec('#'),
    paren(P, Prec, {first, $#, tuple(Fs, fun map_field/2, O)});
l_expr({map, _, Map, Fs}, Prec, O) ->
    {L, P, _} = erl_parse:inop_prec('#'),
    paren(P, Prec, {first, [l_expr(Map, L, O) | space_after(Map, [$#])],
                    tuple(Fs, fun map_field/2, O)});
l_expr({block, _, Es}, _, O) ->
    {list, [{step, 'begin', body(Es, O)}, {reserved, 'end'}]};
l_expr({'if', _, Cs}, _, O) ->
    {list, [{step, 'if', clauses(fun if_clause/2, Cs, O)}, {reserved, 'end'}]};
l_expr({'case', _, E, Cs}, _, O) ->
    {list, [{step, {list, [{step, 'case', l_expr(E, O)}, {reserved, 'of'}]},
             clauses(fun cr_clause/2, Cs, O)},
            {reserved, 'end'}]};
l_expr({'cond', _, Cs}, _, O) ->
    {list, [{step, leaf("cond"), clauses(fun cond_clause/2, Cs, O)},
            {reserved, 'end'}]};
l_expr({'receive', _, Cs}, _, O) ->
    {list, [{step, 'receive', clauses(fun cr_clause/2, Cs, O)}, {reserved, 'end'}]};
l_expr({'receive', _, Cs, To, ToBody}, _, O) ->
    After = {list, [{step, [l_expr(To, O), ' ->'], body(ToBody, O)}]},
    {list, [{step, 'receive', clauses(fun cr_clause/2, Cs, O)},
            {step, 'after', After},
            {reserved, 'end'}]};
l_expr({'fun', _, {function, F, A}}, _, _) ->
    [leaf("fun "), {atom, F}, leaf(io_lib:format("/~w", [A]))];
l_expr({'fun', A, {function, _, _} = Func, Extra}, Prec, O) ->
    {force_nl, fun_info(Extra), l_expr({'fun', A, Func}, Prec, O)};
l_expr({'fun', _, {function, M, F, A}}, _, O) ->
    ["fun ", l_expr(M, O), $:, l_expr(F, O), $/, l_expr(A, O)];
l_expr({'fun', _, {clauses, Cs}}, _, O) ->
    {list, [{first, 'fun', fun_clauses(Cs, O, unnamed)}, {reserved, 'end'}]};
l_expr({named_fun, _, Name, Cs}, _, O) ->
    {list, [{first, ['fun', " "], fun_clauses(Cs, O, {named, Name})},
            {reserved, 'end'}]};
l_expr({'fun', A, {clauses, _} = Cs, Extra}, Prec, O) ->
    {force_nl, fun_info(Extra), l_expr({'fun', A, Cs}, Prec, O)};
l_expr({named_fun, A, Name, Cs, Extra}, Prec, O) ->
    {force_nl, fun_info(Extra), l_expr({named_fun, A, Name, Cs}, Prec, O)};
l_expr({call, _, {remote, _, {atom, _, M}, {atom, _, F} = FA} = Name, Args}, Prec, O) ->
    %% Auto-imported BIFs lose their `erlang:' (but float/1, which would
    %% read as the type test in a guard, keeps it).
    case F =/= float andalso is_auto_imported(M, F, length(Args)) of
        true -> call(FA, Args, Prec, O);
        false -> call(Name, Args, Prec, O)
    end;
l_expr({call, _, Name, Args}, Prec, O) ->
    call(Name, Args, Prec, O);
l_expr({'try', _, Es, Scs, Ccs, As}, _, O) ->
    Head = case Scs of
               [] ->
                   {step, 'try', body(Es, O)};
               _ ->
                   {step, {list, [{step, 'try', body(Es, O)}, {reserved, 'of'}]},
                    clauses(fun cr_clause/2, Scs, O)}
           end,
    Catch = [{step, 'catch', clauses(fun try_clause/2, Ccs, O)} || Ccs =/= []],
    After = [{step, 'after', body(As, O)} || As =/= []],
    {list, [Head] ++ Catch ++ After ++ [{reserved, 'end'}]};
l_expr({'catch', _, E}, Prec, O) ->
    {P, R} = erl_parse:preop_prec('catch'),
    paren(P, Prec, {list, [{step, 'catch', l_expr(E, R, O)}]});
l_expr({'maybe', _, Es}, _, O) ->
    {list, [{step, 'maybe', body(Es, O)}, {reserved, 'end'}]};
l_expr({'maybe', _, Es, {'else', _, Cs}}, _, O) ->
    {list, [{step, 'maybe', body(Es, O)},
            {step, 'else', clauses(fun cr_clause/2, Cs, O)},
            {reserved, 'end'}]};
l_expr({maybe_match, _, L, R}, _, O) ->
    {list, [{cstep, [l_expr(L, 0, O), leaf(" ?=")], l_expr(R, 0, O)}]};
l_expr({match, _, Lhs, Rhs}, Prec, O) ->
    {L, P, R} = erl_parse:inop_prec('='),
    paren(P, Prec, {list, [{cstep, [l_expr(Lhs, L, O), ' ='], l_expr(Rhs, R, O)}]});
l_expr({op, _, Op, Arg}, Prec, O) when Op =:= '+'; Op =:= '-' ->
    {P, R} = erl_parse:preop_prec(Op),
    paren(P, Prec, [{reserved, leaf(atom_to_list(Op))}, l_expr(Arg, R, O)]);
l_expr({op, _, Op, Arg}, Prec, O) ->
    {P, R} = erl_parse:preop_prec(Op),
    paren(P, Prec, [{reserved, leaf(atom_to_list(Op) ++ " ")}, l_expr(Arg, R, O)]);
l_expr({op, _, Op, Larg, Rarg}, Prec, O) when Op =:= 'orelse'; Op =:= 'andalso' ->
    %% The short-circuit operators break lines, one operand a line.
    {L, P, R} = erl_parse:inop_prec(Op),
    paren(P, Prec, {prefer_nl, [[]],
                    [l_expr(Larg, L, O), {reserved, leaf(atom_to_list(Op))},
                     l_expr(Rarg, R, O)]});
l_expr({op, _, Op, Larg, Rarg}, Prec, O) ->
    {L, P, R} = erl_parse:inop_prec(Op),
    paren(P, Prec, {list, [l_expr(Larg, L, O), {reserved, leaf(atom_to_list(Op))},
                           l_expr(Rarg, R, O)]});
l_expr({remote, _, M, F}, Prec, O) ->
    %% Not an expression by itself, but printable (as in `fun M:F/A').
    {L, P, R} = erl_parse:inop_prec(':'),
    paren(P, Prec, [l_expr(M, L, O), $:, l_expr(F, R, O)]);
l_expr({bin, _, []}, _, _) ->
    leaf("<<>>");
l_expr({bin, _, Fs}, _, O) ->
    ['<<', {seq, [], [], $,, [bin_element(F, O) || F <- Fs]}, '>>'];
l_expr({value, _, Val}, _, _) ->
    {value, Val};
l_expr(Other, _, #opt{hook = none}) ->
    leaf(io_lib:format("INVALID-FORM:~w:", [Other]));
l_expr(E, Prec, #opt{hook = {M, F, Extra}}) when M =/= 'fun' ->
    {ehook, E, Prec, {M, F, Extra}};
l_expr(E, Prec, #opt{hook = Hook, raw = Raw}) ->
    {hook, E, Prec, Hook, Raw}.

%% `1 #r{}' and `fun f/1 #{}': a space keeps the scanner from reading
%% the integer or arity on into the `#'.
space_after({integer, _, _}, C) -> [$\s | C];
space_after({'fun', _, {function, _, _}}, C) -> [$\s | C];
space_after({'fun', _, {function, _, _, _}}, C) -> [$\s | C];
space_after(_, C) -> C.

call(Name, Args, Prec, O) ->
    {F, P} = erl_parse:func_prec(),
    paren(P, Prec, {first, l_expr(Name, F, O), args(Args, O)}).

fun_info(Extra) -> [leaf("% fun-info: "), {value, Extra}].

bin_element({bin_element, _, E, Size, Types}, O) ->
    P = erl_parse:max_prec(),
    V = l_expr(E, P, O),
    VS = case Size of
             default -> V;
             _ -> [V, $:, l_expr(Size, P, O)]
         end,
    case Types of
        default -> VS;
        _ -> [VS, $/ | bin_types(Types)]
    end.

bin_types([T]) -> [bin_type(T)];
bin_types([T | Ts]) -> [bin_type(T), $- | bin_types(Ts)].

bin_type({Name, Unit}) ->
    [l_expr(erl_parse:abstract(Name), opts(none)), $:,
     l_expr(erl_parse:abstract(Unit), opts(none))];
bin_type(T) ->
    l_expr(erl_parse:abstract(T), opts(none)).

record_name(Name) -> [$#, {atom, Name}].

record_fields(Fs, O) -> tuple(Fs, fun record_field/2, O).

record_field({record_field, _, F, Val}, O) ->
    {L, _, R} = erl_parse:inop_prec('='),
    {list, [{cstep, [l_expr(F, L, O), ' ='], l_expr(Val, R, O)}]};
record_field({typed_record_field, {record_field, _, F, Val}, Type}, O) ->
    {L, _, R} = erl_parse:inop_prec('='),
    {list, [{cstep, [l_expr(F, L, O), ' ='], typed(l_expr(Val, R, O), Type)}]};
record_field({typed_record_field, Field, Type}, O) ->
    typed(record_field(Field, O), Type);
record_field({record_field, _, F}, O) ->
    l_expr(F, 0, O).

map_field({map_field_assoc, _, K, V}, O) ->
    {list, [{step, [l_expr(K, 0, O), leaf(" =>")], l_expr(V, 0, O)}]};
map_field({map_field_exact, _, K, V}, O) ->
    {list, [{step, [l_expr(K, 0, O), leaf(" :=")], l_expr(V, 0, O)}]}.

list_items({cons, _, H, T}, Acc, O) ->
    list_items(T, [H | Acc], O);
list_items({nil, _}, Acc, O) ->
    {seq, $[, $], [$,], [l_expr(E, O) || E <- lists:reverse(Acc)]};
list_items(Tail, Acc, O) ->
    %% The last separator of an improper list is ` |'.
    {seq, $[, $], [{$,, ' |'}], [l_expr(E, O) || E <- lists:reverse(Acc, [Tail])]}.

quals(Qs, O) -> {prefer_nl, [$,], [qual(Q, O) || Q <- Qs]}.

qual({b_generate, _, P, E}, O) ->
    {list, [{step, [l_expr(P, 0, O), leaf(" <=")], l_expr(E, 0, O)}]};
qual({generate, _, P, E}, O) ->
    {list, [{step, [l_expr(P, 0, O), leaf(" <-")], l_expr(E, 0, O)}]};
qual(Filter, O) ->
    l_expr(Filter, 0, O).

tuple([], _, _) -> leaf("{}");
tuple(Es, F, O) -> {seq, ${, $}, [$,], [F(E, O) || E <- Es]}.

args(As, O) -> {seq, $(, $), [$,], [l_expr(A, O) || A <- As]}.

paren(P, Prec, Item) when P < Prec -> [$(, Item, $)];
paren(_, _, Item) -> Item.

leaf(S) -> {leaf, string:length(S), S}.

anno0() -> erl_anno:new(0).

is_auto_imported(erlang, F, A) -> lists:member({F, A}, auto_imported());
is_auto_imported(_, _, _) -> false.

%% The BIFs OTP 25 imports automatically (erl_internal:bif/2).
auto_imported() ->
    [{abs,1},{alias,0},{alias,1},{apply,2},{apply,3},{atom_to_binary,1},
     {atom_to_binary,2},{atom_to_list,1},{binary_part,2},{binary_part,3},
     {binary_to_atom,1},{binary_to_atom,2},{binary_to_existing_atom,1},
     {binary_to_existing_atom,2},{binary_to_float,1},{binary_to_integer,1},
     {binary_to_integer,2},{binary_to_list,1},{binary_to_list,3},
     {binary_to_term,1},{binary_to_term,2},{bit_size,1},
     {bitstring_to_list,1},{byte_size,1},{ceil,1},{check_old_code,1},
     {check_process_code,2},{check_process_code,3},{date,0},
     {delete_module,1},{demonitor,1},{demonitor,2},{disconnect_node,1},
     {element,2},{erase,0},{erase,1},{error,1},{error,2},{error,3},
     {exit,1},{exit,2},{float,1},{float_to_binary,1},{float_to_binary,2},
     {float_to_list,1},{float_to_list,2},{floor,1},{garbage_collect,0},
     {garbage_collect,1},{garbage_collect,2},{get,0},{get,1},{get_keys,0},
     {get_keys,1},{group_leader,0},{group_leader,2},{halt,0},{halt,1},
     {halt,2},{hd,1},{integer_to_binary,1},{integer_to_binary,2},
     {integer_to_list,1},{integer_to_list,2},{iolist_size,1},
     {iolist_to_binary,1},{is_alive,0},{is_atom,1},{is_binary,1},
     {is_bitstring,1},{is_boolean,1},{is_float,1},{is_function,1},
     {is_function,2},{is_integer,1},{is_list,1},{is_map,1},{is_map_key,2},
     {is_number,1},{is_pid,1},{is_port,1},{is_process_alive,1},
     {is_record,2},{is_record,3},{is_reference,1},{is_tuple,1},{length,1},
     {link,1},{list_to_atom,1},{list_to_binary,1},{list_to_bitstring,1},
     {list_to_existing_atom,1},{list_to_float,1},{list_to_integer,1},
     {list_to_integer,2},{list_to_pid,1},{list_to_port,1},{list_to_ref,1},
     {list_to_tuple,1},{load_module,2},{make_ref,0},{map_get,2},
     {map_size,1},{max,2},{min,2},{module_loaded,1},{monitor,2},
     {monitor,3},{monitor_node,2},{node,0},{node,1},{nodes,0},{nodes,1},
     {nodes,2},{now,0},{open_port,2},{pid_to_list,1},{port_close,1},
     {port_command,2},{port_command,3},{port_connect,2},{port_control,3},
     {port_to_list,1},{pre_loaded,0},{process_flag,2},{process_flag,3},
     {process_info,1},{process_info,2},{processes,0},{purge_module,1},
     {put,2},{ref_to_list,1},{register,2},{registered,0},{round,1},
     {self,0},{setelement,3},{size,1},{spawn,1},{spawn,2},{spawn,3},
     {spawn,4},{spawn_link,1},{spawn_link,2},{spawn_link,3},
     {spawn_link,4},{spawn_monitor,1},{spawn_monitor,2},
     {spawn_monitor,3},{spawn_monitor,4},{spawn_opt,2},{spawn_opt,3},
     {spawn_opt,4},{spawn_opt,5},{spawn_request,1},{spawn_request,2},
     {spawn_request,3},{spawn_request,4},{spawn_request,5},
     {spawn_request_abandon,1},{split_binary,2},{statistics,1},
     {term_to_binary,1},{term_to_binary,2},{term_to_iovec,1},
     {term_to_iovec,2},{throw,1},{time,0},{tl,1},{trunc,1},
     {tuple_size,1},{tuple_to_list,1},{unalias,1},{unlink,1},
     {unregister,1},{whereis,1}].

%%% ===================================================================
%%% Rendering
%%% ===================================================================
%%
%% render/3 returns the characters of an item. Internally, layout/3
%% returns {Chars, Width}: Width is the width of a one-line result, or
%% {line, W} when the result spans lines and its last line ends at
%% column W. An indentation below zero means "never break" (everything
%% fits).

render(Item, I, PP) ->
    {Chars, _} = layout(Item, I, PP),
    [Chars].

layout([], _, _) ->
    {[], 0};
layout(C, _, _) when is_integer(C) ->
    {C, 1};
layout({leaf, W, Chars}, _, _) ->
    {Chars, W};
layout([Item | Items], I, PP) ->
    concat(Items, layout(Item, I, PP), I, PP);
layout({list, Parts}, I, PP) ->
    layout({seq, [], [], [[]], Parts}, I, PP);
layout({first, Before, Part}, I, PP) ->
    layout({seq, Before, [], [[]], [Part]}, I, PP);
layout({seq, Before, After, Sep, Parts}, I0, PP) ->
    seq(Before, After, Sep, Parts, I0, PP);
layout({force_nl, _Comment, Item}, I, PP) when I < 0 ->
    %% The comment would end the line; with no breaks, leave it out.
    layout(Item, I, PP);
layout({force_nl, Comment, Item}, I, PP) ->
    layout({prefer_nl, [], [Comment, Item]}, I, PP);
layout({prefer_nl, Sep, Parts}, I, PP) when I < 0 ->
    layout({seq, [], [], Sep, Parts}, I, PP);
layout({prefer_nl, Sep, Parts}, I, PP) ->
    Measured = parts(Parts, Sep, I, [], PP),
    case [W || {_, W} <- nonzero(lists:append(Measured))] of
        [] ->
            {[], 0};
        Ws ->
            {Chunks, _} = lists:unzip(nonzero(steps(Measured, I, PP))),
            {join(Chunks, newline(I)), after_break(lists:last(Ws), I)}
    end;
layout({value, V}, I, PP) ->
    layout(flat_leaf((PP#pp.value)(V)), I, PP);
layout({atom, A}, I, PP) ->
    layout(flat_leaf((PP#pp.value)(A)), I, PP);
layout({singleton_atom_type, A}, I, PP) ->
    layout(flat_leaf((PP#pp.singleton)(A)), I, PP);
layout({char, C}, I, PP) ->
    layout(flat_leaf((PP#pp.char)(C)), I, PP);
layout({string, S}, I, PP) ->
    layout(string_item(S, I, PP), I, PP);
layout({reserved, R}, I, PP) ->
    layout(R, I, PP);
layout({hook, E, Prec, Fun, Options}, I, _) ->
    Chars = Fun(E, I, Prec, Options),
    {Chars, hook_width(Chars, I)};
layout({ehook, E, Prec, {M, F, Extra} = MFE}, I, _) ->
    Chars = apply(M, F, [E, I, Prec, MFE | Extra]),
    {Chars, hook_width(Chars, I)};
layout(Word, _, _) when is_atom(Word) ->
    S = atom_to_list(Word),
    {S, length(S)}.

%% A group: everything on one line if it fits, else broken.
seq(Before, After, Sep, Parts, I0, PP) ->
    BW = layout(Before, I0, PP),
    I = column_after(BW, I0),
    Measured = parts(Parts, Sep, I, After, PP),
    {Chunks, Ws} = lists:unzip(nonzero(lists:append(Measured))),
    BWs = [W || {_, W} <- nonzero([BW])],
    BCs = [C || {C, _} <- nonzero([BW])],
    %% List separators (not single characters) are followed by a space
    %% when the group stays on one line.
    Spaces = case is_list(Sep) andalso Sep =/= [] of
                 true -> max(0, length(Chunks) - 1);
                 false -> 0
             end,
    case fits(I0, BWs ++ Ws, Spaces, PP) of
        {yes, W} ->
            Line = case Spaces > 0 of
                       true -> join(Chunks, $\s);
                       false -> Chunks
                   end,
            {BCs ++ Line, W};
        no ->
            Stepped = steps(Measured, I, PP),
            {Chars, W} = fill(Stepped, Parts, I, Spaces, PP),
            {[BCs, Chars], after_break(W, I0)}
    end.

%% Each part measured as a pair {Head, Tail}: a step's tail goes on the
%% next line, one indentation step in; other parts have an empty tail.
%% The separator follows each part but the last, which gets After; the
%% second last gets the last separator (` |' for improper lists).
parts([], _, I, After, PP) ->
    [[layout(After, I, PP), {[], 0}]];
parts(Parts, Sep0, I, After, PP) ->
    {Sep, LastSep} = case Sep0 of
                         [{S0, LS}] -> {[S0], [LS]};
                         {_, _} -> Sep0;
                         _ -> {Sep0, Sep0}
                     end,
    N = length(Parts),
    lists:zipwith(fun(Part, K) ->
                          After1 = if
                                       K =:= N -> After;
                                       K =:= N - 1 -> LastSep;
                                       true -> Sep
                                   end,
                          part(Part, After1, I, PP)
                  end, Parts, lists:seq(1, N)).

part({step, Head, Tail}, S, I, PP) ->
    [layout(Head, I, PP), layout([Tail, S], step_in(I, PP), PP)];
part({cstep, Head, Tail}, S, I, PP) ->
    {_, HW} = H = layout(Head, I, PP),
    case is_integer(HW) andalso HW < PP#pp.indent of
        true -> [concat([leaf(" "), Tail, S], H, I, PP), {[], 0}];
        false -> [H, layout([Tail, S], step_in(I, PP), PP)]
    end;
part({reserved, Word}, S, I, PP) ->
    [layout([Word, S], I, PP), {[], 0}];
part(Item, S, I, PP) ->
    [layout([Item, S], I, PP), {[], 0}].

%% Items one after another, each starting where the previous ended.
concat(Items, First, I0, PP) ->
    {Rest, _} = lists:mapfoldl(fun(Item, Col) ->
                                       CW = layout(Item, Col, PP),
                                       {CW, column_after(CW, Col)}
                               end, column_after(First, I0), Items),
    {Cs, Ws} = lists:unzip(nonzero([First | Rest])),
    {Cs, sum_widths(Ws)}.

%% A broken group's parts: each step's tail goes on its own line.
steps(Measured, I, PP) ->
    [case M of
         [{_, 0}, {_, 0}] -> {[], 0};
         [{C1, W1}, {_, 0}] -> {C1, W1};
         [{C1, W1}, {C2, W2}] -> {join([C1, C2], newline(I + PP#pp.indent)),
                                  sum_widths([W1, W2])}
     end || M <- Measured].

%% The parts of a broken group: atomic parts (atoms, leaves) are packed
%% several to a line while they fit; any other part gets a line of its
%% own (and so does whatever follows it).
fill([{Chars, W}], [], _, _, _) ->
    {Chars, W};
fill([{C1, W1} | Rest], [P1 | Parts], I, Spaces, PP) when I >= 0 ->
    Col = case atomic(P1) of
              true -> I + W1;
              false -> PP#pp.width + 1
          end,
    fill(Rest, Parts, I, Col, newline(I), Spaces, W1, [C1], PP).

fill([{C, W} | Rest], [P | Parts], I, Col, NL, Spaces, LineW, Acc, PP) ->
    case atomic(P) andalso is_integer(W) of
        true when Col + W + 1 =< PP#pp.width ->
            Acc1 = case Spaces > 0 of
                       true -> [C, $\s | Acc];
                       false -> [C | Acc]
                   end,
            fill(Rest, Parts, I, Col + W + 1, NL, Spaces, LineW + W + 1, Acc1, PP);
        true ->
            %% OTP's bookkeeping here: the new line's width counts the
            %% separator space that was not written.
            fill(Rest, Parts, I, I + W, NL, Spaces, W + 1, [C, NL | Acc], PP);
        false ->
            fill(Rest, Parts, I, PP#pp.width + 1, NL, Spaces, 0, [C, NL | Acc], PP)
    end;
fill(_, _, _, _, _, _, LineW, Acc, _) ->
    {lists:reverse(Acc), LineW}.

atomic({atom, _}) -> true;
atomic({singleton_atom_type, _}) -> true;
atomic(A) when is_atom(A) -> true;
atomic({leaf, _, _}) -> true;
atomic(_) -> false.

fits(I0, Ws, Spaces, PP) ->
    case lists:all(fun erlang:is_integer/1, Ws) of
        true ->
            W = lists:sum(Ws) + Spaces,
            case step(I0, W) =< PP#pp.width of
                true -> {yes, W};
                false -> no
            end;
        false ->
            no
    end.

%% The width of items one after another: once one spans lines, only
%% what follows its last line counts.
sum_widths(Ws) -> sum_widths(Ws, 0, false).

sum_widths([], W, false) -> W;
sum_widths([], W, true) -> {line, W};
sum_widths([{line, W} | Ws], _, _) -> sum_widths(Ws, W, true);
sum_widths([W | Ws], Acc, Multi) -> sum_widths(Ws, Acc + W, Multi).

%% The width reported for a group that was broken: the end column of
%% the last line if known, else OTP's estimate (the width of the last
%% part from the group's start column).
after_break({line, _} = W, _) -> W;
after_break(W, I) when I >= 0 -> {line, W + I}.

column_after({_, {line, W}}, _) -> W;
column_after({_, W}, I) -> step(I, W).

step(I, _) when I < 0 -> I;
step(I, W) -> I + W.

step_in(I, PP) -> step(I, PP#pp.indent).

nonzero(CWs) -> [CW || {_, W} = CW <- CWs, W =/= 0].

join([], _) -> [];
join([C | Cs], Sep) -> [C | [[Sep, X] || X <- Cs]].

newline(0) -> $\n;
newline(I) when I > 0 -> [$\n | lists:duplicate(I, $\s)].

hook_width(Chars, I) when I < 0 ->
    string:length(Chars);
hook_width(Chars, I) ->
    Col = end_column(lists:flatten(Chars), I),
    case lists:member($\n, lists:flatten(Chars)) of
        true -> {line, Col};
        false -> Col
    end.

%% The column after writing Chars from column I (tabs to multiples of 8).
end_column([], I) -> I;
end_column([$\n | Cs], _) -> end_column(Cs, 0);
end_column([$\t | Cs], I) -> end_column(Cs, 8 * (I div 8) + 8);
end_column([_ | Cs], I) -> end_column(Cs, I + 1).

%% A string that would run past the right margin is split into several
%% string literals, one a line (each at least 5 characters of source).
string_item(S, I, PP) when I < 0; S =:= [] ->
    flat_leaf((PP#pp.string)(S));
string_item(S, I, PP) ->
    Len = max(PP#pp.width - I, 5),
    {list, string_chunks(S, Len, Len, PP)}.

string_chunks([], _, _, _) ->
    [];
string_chunks(S, N, Len, PP) ->
    Part = string:slice(S, 0, N),
    Written = (PP#pp.string)(Part),
    case string:length(Written) > Len andalso N > 5 of
        true ->
            string_chunks(S, N - 1, Len, PP);
        false ->
            [flat_leaf(Written) |
             string_chunks(string:slice(S, string:length(Part)), Len, Len, PP)]
    end.

flat_leaf(S) ->
    L = lists:flatten(S),
    {leaf, string:length(L), L}.
