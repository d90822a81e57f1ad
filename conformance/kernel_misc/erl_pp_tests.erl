-module(erl_pp_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: erl_pp of OTP 25 (stdlib-4.2): form/1,2, function/1,
%% attribute/1, exprs/1,2,3, expr/1,2,3,4 and guard/1 on code parsed
%% with erl_scan/erl_parse: line breaking at 72 columns and the
%% {linewidth, N} and {indent, N} options, clause layout (case, if,
%% receive/after, try/catch/after, funs, named funs), comprehensions,
%% records, maps, binaries, operators and precedence (parentheses
%% added), auto-imported BIFs losing erlang:, long strings split,
%% attributes (export, import, record, type, spec, callback), error
%% forms, eof, and hooks. Expected texts were taken from OTP 25.

%% Parse and print one form.
pf(Src) -> pf(Src, none).

pf(Src, Opts) ->
    {ok, Ts, _} = erl_scan:string(Src),
    {ok, F} = erl_parse:parse_form(Ts),
    lists:flatten(erl_pp:form(F, Opts)).

exprs_of(Src) ->
    {ok, Ts, _} = erl_scan:string(Src),
    {ok, Es} = erl_parse:parse_exprs(Ts),
    Es.

pe(Src) -> [E] = exprs_of(Src), lists:flatten(erl_pp:expr(E)).

%% ---- functions ------------------------------------------------------------------

simple_function_test() ->
    ?assertEqual("f(X) ->\n    X + 1.\n", pf("f(X) -> X + 1.")),
    ?assertEqual("f() ->\n    ok.\n", pf("f() -> ok.")),
    ?assertEqual("f(0) ->\n    zero;\nf(N) when N > 0, is_integer(N); N < -5 ->\n"
                 "    A = N * 2,\n    A.\n",
                 pf("f(0) -> zero; f(N) when N > 0, is_integer(N); N < -5 -> A = N*2, A.")).

function_api_test() ->
    {ok, Ts, _} = erl_scan:string("g(A, B) -> {A, B}."),
    {ok, F} = erl_parse:parse_form(Ts),
    ?assertEqual("g(A, B) ->\n    {A, B}.\n", lists:flatten(erl_pp:function(F))),
    ?assertEqual("g(A, B) ->\n    {A, B}.\n", lists:flatten(erl_pp:form(F))).

long_call_breaks_test() ->
    ?assertEqual("f() ->\n    some_module:some_function(argument_number_one, argument_number_two,\n"
                 "                              argument_number_three).\n",
                 pf("f() -> some_module:some_function(argument_number_one, "
                    "argument_number_two, argument_number_three).")),
    ?assertEqual("f() ->\n    foo(bar(baz(aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbb),\n"
                 "            cccccccccccccccccccccccc),\n        ddddddddddddd).\n",
                 pf("f() -> foo(bar(baz(aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbb), "
                    "cccccccccccccccccccccccc), ddddddddddddd).")).

case_if_test() ->
    ?assertEqual("f(X) ->\n    case X of\n        1 ->\n            one;\n"
                 "        _ when X > 2 ->\n            big\n    end.\n",
                 pf("f(X) -> case X of 1 -> one; _ when X > 2 -> big end.")),
    ?assertEqual("f(X) ->\n    if\n        X > 0 ->\n            pos;\n"
                 "        true ->\n            neg\n    end.\n",
                 pf("f(X) -> if X > 0 -> pos; true -> neg end.")).

match_case_test() ->
    ?assertEqual("f(X) ->\n    Y = case X of\n            a ->\n                b\n"
                 "        end,\n    Y.\n",
                 pf("f(X) -> Y = case X of a -> b end, Y.")).

receive_test() ->
    ?assertEqual("f() ->\n    receive\n        {msg, M} ->\n            M\n"
                 "    after\n        100 -> timeout\n    end.\n",
                 pf("f() -> receive {msg, M} -> M after 100 -> timeout end.")),
    ?assertEqual("f() ->\n    receive after 0 -> ok end.\n",
                 pf("f() -> receive after 0 -> ok end.")).

try_test() ->
    ?assertEqual("f() ->\n    try g() of\n        R ->\n            R\n    catch\n"
                 "        error:E:S ->\n            {E, S};\n        throw:T ->\n"
                 "            T\n    after\n        done()\n    end.\n",
                 pf("f() -> try g() of R -> R catch error:E:S -> {E,S}; "
                    "throw:T -> T after done() end.")),
    ?assertEqual("f() ->\n    try\n        g()\n    catch\n        _:_ ->\n"
                 "            ok\n    end.\n",
                 pf("f() -> try g() catch _:_ -> ok end.")),
    ?assertEqual("f() ->\n    catch g().\n", pf("f() -> catch g().")).

fun_test() ->
    ?assertEqual("f() ->\n    fun(X) ->\n           X\n    end.\n",
                 pf("f() -> fun(X) -> X end.")),
    ?assertEqual("f() ->\n    fun Loop(0) ->\n            done;\n        Loop(N) ->\n"
                 "            Loop(N - 1)\n    end.\n",
                 pf("f() -> fun Loop(0) -> done; Loop(N) -> Loop(N-1) end.")),
    ?assertEqual("f() ->\n    {fun g/1, fun m:g/2, fun M:F/A}.\n",
                 pf("f() -> {fun g/1, fun m:g/2, fun M:F/A}.")).

comprehension_test() ->
    ?assertEqual("f(L) ->\n    [ \n     X * 2 ||\n         X <- L,\n         X > 1\n    ].\n",
                 pf("f(L) -> [X*2 || X <- L, X > 1].")),
    ?assertEqual("f(B) ->\n    << \n      <<X>> ||\n          <<X>> <= B\n    >>.\n",
                 pf("f(B) -> << <<X>> || <<X>> <= B >>.")).

%% ---- expressions ------------------------------------------------------------------

expr_test() ->
    ?assertEqual("X + 1", pe("X + 1.")),
    ?assertEqual("(a + b) * c", pe("(a + b) * c.")),
    ?assertEqual("a + b * c", pe("a + (b * c).")),
    ?assertEqual("a - (b - c)", pe("a - (b - c).")),
    ?assertEqual("-X", pe("- X.")),
    ?assertEqual("not X", pe("not X.")),
    ?assertEqual("-(X + 1)", pe("-(X + 1).")),
    %% andalso/orelse always break, one operand or operator a line.
    ?assertEqual("A\nandalso\nB\norelse\nC", pe("A andalso B orelse C.")),
    ?assertEqual("A = B = c", pe("A = B = c.")),
    ?assertEqual("Pid ! {self(), hi}", pe("Pid ! {self(), hi}.")).

bif_test() ->
    ?assertEqual("length(L)", pe("erlang:length(L).")),
    ?assertEqual("erlang:float(X)", pe("erlang:float(X).")),
    ?assertEqual("erlang:foo(X)", pe("erlang:foo(X).")),
    ?assertEqual("lists:reverse(L)", pe("lists:reverse(L).")).

terms_test() ->
    ?assertEqual("[1, 2 | T]", pe("[1,2|T].")),
    ?assertEqual("[]", pe("[].")),
    ?assertEqual("{}", pe("{}.")),
    ?assertEqual("\"abc\"", pe("\"abc\".")),
    ?assertEqual("$a", pe("$a.")),
    ?assertEqual("'hello world'", pe("'hello world'.")),
    ?assertEqual("1.5", pe("1.5.")),
    ?assertEqual("#{a => 1, b := 2}", pe("#{a => 1, b := 2}.")),
    ?assertEqual("M#{a => 1}", pe("M#{a => 1}.")),
    ?assertEqual("<<X:8/integer-little,Y/binary,\"s\">>",
                 pe("<<X:8/integer-little, Y/binary, \"s\">>.")),
    ?assertEqual("<<>>", pe("<<>>.")),
    ?assertEqual("<<X:4/unit:8>>", pe("<<X:4/unit:8>>.")).

records_test() ->
    ?assertEqual("#r{a = 1, b = X}", pe("#r{a = 1, b = X}.")),
    ?assertEqual("R#r{a = 2}", pe("R#r{a = 2}.")),
    ?assertEqual("R#r.a", pe("R#r.a.")),
    ?assertEqual("#r.a", pe("#r.a.")),
    ?assertEqual("begin\n    a,\n    b\nend", pe("begin a, b end.")).

long_string_test() ->
    S = lists:duplicate(100, $x),
    Out = pf("f() -> \"" ++ S ++ "\"."),
    Lines = string:split(Out, "\n", all),
    ?assertEqual("f() ->", hd(Lines)),
    ?assert(lists:all(fun(L) -> length(L) =< 72 end, Lines)),
    ?assertEqual(4, length(Lines)).

exprs_test() ->
    Es = exprs_of("A = 1, B = 2, A + B."),
    ?assertEqual("A = 1, B = 2, A + B", lists:flatten(erl_pp:exprs(Es))),
    ?assertEqual("A = 1, B = 2, A + B", lists:flatten(erl_pp:exprs(Es, none))),
    ?assertEqual("A = 1, B = 2, A + B", lists:flatten(erl_pp:exprs(Es, 4, none))),
    [C] = exprs_of("case X of a -> b end."),
    ?assertEqual("case X of\n            a ->\n                b\n        end",
                 lists:flatten(erl_pp:expr(C, 8, none))),
    [Add] = exprs_of("a + b."),
    ?assertEqual("(a + b)", lists:flatten(erl_pp:expr(Add, 0, 600, none))),
    ?assertEqual("a + b", lists:flatten(erl_pp:expr(Add, none))).

guard_test() ->
    {ok, Ts, _} = erl_scan:string("f(X) when is_atom(X), X =/= a; X == 1 -> ok."),
    {ok, {function, _, _, _, [{clause, _, _, G, _}]}} = erl_parse:parse_form(Ts),
    ?assertEqual("when is_atom(X), X =/= a; X == 1", lists:flatten(erl_pp:guard(G))),
    ?assertEqual("", lists:flatten(erl_pp:guard([]))).

options_test() ->
    Src = "f() -> g(aaaaaaaaaa, bbbbbbbbbb, cccccccccc).",
    ?assertEqual("f() ->\n    g(aaaaaaaaaa,\n      bbbbbbbbbb,\n      cccccccccc).\n",
                 pf(Src, [{linewidth, 20}])),
    ?assertEqual("f() ->\n  g(aaaaaaaaaa, bbbbbbbbbb, cccccccccc).\n",
                 pf(Src, [{indent, 2}])).

%% ---- attributes ---------------------------------------------------------------------

attribute_test() ->
    ?assertEqual("-module(m).\n", pf("-module(m).")),
    ?assertEqual("-export([f/1,g/0]).\n", pf("-export([f/1, g/0]).")),
    ?assertEqual("-export([]).\n", pf("-export([]).")),
    ?assertEqual("-import(lists, [map/2]).\n", pf("-import(lists, [map/2]).")),
    ?assertEqual("-vsn({1, [a]}).\n", pf("-vsn({1, [a]}).")),
    ?assertEqual("-compile([export_all, {inline, [{f, 1}]}]).\n",
                 pf("-compile([export_all, {inline, [{f,1}]}]).")),
    {ok, Ts, _} = erl_scan:string("-author(me)."),
    {ok, A} = erl_parse:parse_form(Ts),
    ?assertEqual("-author(me).\n", lists:flatten(erl_pp:attribute(A))).

record_attr_test() ->
    ?assertEqual("-record(r,{a, b = 1, c :: integer(), d = x :: atom()}).\n",
                 pf("-record(r, {a, b = 1, c :: integer(), d = x :: atom()}).")).

type_attr_test() ->
    ?assertEqual("-type t() :: integer() | atom().\n",
                 pf("-type t() :: integer() | atom().")),
    ?assertEqual("-opaque q(A) :: {A, [A]}.\n", pf("-opaque q(A) :: {A, [A]}.")),
    ?assertEqual("-type m() :: #{atom() => [term(), ...], k := 1..10}.\n",
                 pf("-type m() :: #{atom() => [term(),...], k := 1..10}.")),
    ?assertEqual("-type f() :: fun((integer()) -> ok) | fun((...) -> any()) | fun().\n",
                 pf("-type f() :: fun((integer()) -> ok) | fun((...) -> any()) | fun().")),
    ?assertEqual("-type b() :: <<_:8, _:_*4>> | <<>> | binary().\n",
                 pf("-type b() :: <<_:8,_:_*4>> | <<>> | binary().")),
    ?assertEqual("-type r() :: #r{a :: integer()} | mod:t(x) | tuple() | map().\n",
                 pf("-type r() :: #r{a :: integer()} | mod:t(x) | tuple() | map().")).

spec_test() ->
    ?assertEqual("-spec f(integer()) -> ok.\n", pf("-spec f(integer()) -> ok.")),
    ?assertEqual("-spec f(X) -> X when X :: atom();\n       (integer()) -> [].\n",
                 pf("-spec f(X) -> X when X :: atom(); (integer()) -> [].")),
    ?assertEqual("-spec m:f() -> ok.\n", pf("-spec m:f() -> ok.")),
    ?assertEqual("-callback init(Args :: term()) -> {ok, State :: term()}.\n",
                 pf("-callback init(Args :: term()) -> {ok, State :: term()}.")).

%% ---- other forms ----------------------------------------------------------------------

other_forms_test() ->
    ?assertEqual("\n", lists:flatten(erl_pp:form({eof, 10}))),
    ?assertEqual("{error,{1,erl_parse,\"bad\"}}\n",
                 lists:flatten(erl_pp:form({error, {1, erl_parse, "bad"}}))),
    ?assertEqual("{warning,w}\n", lists:flatten(erl_pp:form({warning, w}))),
    ?assertEqual("INVALID-FORM:{foo,bar}:",
                 lists:flatten(erl_pp:expr({foo, bar}))).

hook_test() ->
    Hook = fun({foo, X}, _I, _P, _O) -> io_lib:format("<~p>", [X]) end,
    E = {call, 1, {atom, 1, g}, [{foo, 42}]},
    ?assertEqual("g(<42>)", lists:flatten(erl_pp:expr(E, Hook))),
    ?assertEqual("g(<42>)", lists:flatten(erl_pp:expr(E, [{hook, Hook}]))).

value_test() ->
    ?assertEqual("{1,[a]}", lists:flatten(erl_pp:expr({value, 1, {1, [a]}}))).

legalize_vars_test() ->
    F = {function, 1, f, 1,
         [{clause, 1, [{var, 1, x}], [], [{var, 1, 'X'}, {var, 1, x}]}]},
    ?assertEqual("f(XX) ->\n    X,\n    XX.\n",
                 lists:flatten(erl_pp:form(erl_pp:legalize_vars(F)))),
    ?assertError(badarg, erl_pp:legalize_vars({attribute, 1, module, m})).
