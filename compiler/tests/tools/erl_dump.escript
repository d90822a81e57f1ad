#!/usr/bin/env escript
%%! -noshell
%% Prints the functions, records, types and specs of Erlang files as OTP
%% 25's epp and erl_parse read them, in the S-expression format of ferl's
%% `dump` module, so that ferl's parse of the same files can be diffed
%% against OTP's. OTP reads `[T]` and `list(T)` (`[]`, `nil()`; `[T, ...]`,
%% `nonempty_list(T)`) as the same type; ferl keeps them apart, so diff
%% after rewriting `(call list X)` to `(list X)` and the like.
%%
%% Usage: erl_dump.escript OUT_DIR FILE... (writes OUT_DIR/<basename>.dump)
%% Include paths: the file's directory, ../include, and the OTP lib dir.

main([OutDir | Files]) ->
    lists:foreach(fun(F) -> dump_file(OutDir, F) end, Files).

dump_file(OutDir, File) ->
    Dir = filename:dirname(File),
    Opts = [{includes, [Dir, filename:join(Dir, "../include")]},
            {location, {1, 1}}],
    case epp:parse_file(File, Opts) of
        {ok, Forms} ->
            Lines = [[integer_to_list(line(element(2, F))), ": ", form(F), "\n"]
                     || F <- own_forms(File, Forms), wanted(F)],
            Out = filename:join(OutDir, filename:basename(File) ++ ".dump"),
            ok = file:write_file(Out, unicode:characters_to_binary(Lines));
        {error, E} ->
            io:format(standard_error, "~s: ~p~n", [File, E])
    end.

line({L, _}) -> L;
line(L) -> L.

%% The forms of the file itself, not of its include files: epp marks
%% where each file's forms start with a -file attribute.
own_forms(File, Forms) ->
    {Own, _} = lists:foldl(
                 fun({attribute, _, file, {Name, _}}, {Acc, _}) ->
                         {Acc, Name =:= File};
                    (F, {Acc, true}) -> {[F | Acc], true};
                    (_, {Acc, false}) -> {Acc, false}
                 end, {[], true}, Forms),
    lists:reverse(Own).

wanted({function, _, _, _, _}) -> true;
wanted({attribute, _, Kind, _}) ->
    lists:member(Kind, [record, type, opaque, spec, callback]);
wanted(_) -> false.

form({function, _, Name, Arity, Clauses}) ->
    ["(function ", atom(Name), "/", integer_to_list(Arity),
     [[" ", clause(C)] || C <- Clauses], ")"];
form({attribute, _, record, {Name, Fields}}) ->
    ["(record ", atom(Name), [[" ", record_decl_field(F)] || F <- Fields], ")"];
form({attribute, _, Kind, {Name, Type, Params}}) when Kind =:= type; Kind =:= opaque ->
    ["(attribute ", atom_to_list(Kind), " ", atom(Name), " (",
     lists:join(" ", [ty(P) || P <- Params]), ") ", ty(Type), ")"];
form({attribute, _, Kind, {MFA, Types}}) ->
    Name = case MFA of
               {M, F, A} -> [atom(M), ":", atom(F), "/", integer_to_list(A)];
               {F, A} -> [atom(F), "/", integer_to_list(A)]
           end,
    ["(attribute ", atom_to_list(Kind), " ", Name, " ",
     lists:join(" ", [ty(T) || T <- Types]), ")"].

record_decl_field({typed_record_field, Field, Type}) ->
    ["(", field_body(Field), " :: ", ty(Type), ")"];
record_decl_field(Field) ->
    ["(", field_body(Field), ")"].

field_body({record_field, _, {atom, _, F}}) ->
    ["field ", atom(F)];
field_body({record_field, _, {atom, _, F}, Default}) ->
    ["field ", atom(F), " = ", expr(Default)].

node(Kind, Name, Args) ->
    ["(", Kind, case Name of "" -> ""; _ -> [" ", Name] end,
     [[" ", ty(A)] || A <- Args], ")"].

ty({var, _, V}) -> node("var", atom_to_list(V), []);
ty({atom, _, A}) -> node("atom", atom_to_list(A), []);
ty({integer, _, I}) -> node("integer", integer_to_list(I), []);
ty({char, _, C}) -> node("char", integer_to_list(C), []);
ty({op, _, '-', {integer, _, I}}) -> node("integer", integer_to_list(-I), []);
ty({op, _, Op, A}) -> node("op", atom_to_list(Op), [A]);
ty({op, _, Op, A, B}) -> node("op", atom_to_list(Op), [A, B]);
ty({ann_type, _, [{var, _, V}, T]}) -> node("ann", atom_to_list(V), [T]);
ty({remote_type, _, [{atom, _, M}, {atom, _, F}, Args]}) ->
    node("remote", atom_to_list(M) ++ ":" ++ atom_to_list(F), Args);
ty({type, _, union, Ts}) -> node("union", "", Ts);
ty({type, _, range, Ts}) -> node("range", "", Ts);
ty({type, _, nil, []}) -> node("nil", "", []);
ty({type, _, list, [T]}) -> node("list", "", [T]);
ty({type, _, nonempty_list, [T]}) -> node("nonempty_list", "", [T]);
ty({type, _, tuple, any}) -> node("call", "tuple", []);
ty({type, _, tuple, Ts}) -> node("tuple", "", Ts);
ty({type, _, map, any}) -> node("call", "map", []);
ty({type, _, map, Ps}) -> node("map", "", Ps);
ty({type, _, map_field_assoc, KV}) -> node("map_assoc", "", KV);
ty({type, _, map_field_exact, KV}) -> node("map_exact", "", KV);
ty({type, _, binary, [B, U]}) -> node("binary", "", [B, U]);
ty({type, _, 'fun', []}) -> node("any_fun", "", []);
ty({type, _, 'fun', [{type, _, any}, Ret]}) -> node("any_arity_fun", "", [Ret]);
ty({type, _, 'fun', [Product, Ret]}) -> node("fun", "", [Product, Ret]);
ty({type, _, product, Ts}) -> node("product", "", Ts);
ty({type, _, bounded_fun, [F, Cs]}) -> node("bounded", "", [F | Cs]);
ty({type, _, constraint, [{atom, _, C}, Ts]}) -> node("constraint", atom_to_list(C), Ts);
ty({type, _, record, [{atom, _, N} | Fs]}) -> node("record", atom_to_list(N), Fs);
ty({type, _, field_type, [{atom, _, F}, T]}) -> node("field", atom_to_list(F), [T]);
ty({type, _, Name, Args}) when is_list(Args) -> node("call", atom_to_list(Name), Args);
ty({user_type, _, Name, Args}) -> node("call", atom_to_list(Name), Args);
ty(Other) -> io_lib:format("(?? ~p)", [Other]).

atom(A) -> io_lib:write_atom(A).

clause({clause, _, Pats, Guards, Body}) ->
    ["(clause ", seq("", Pats), guards(Guards), " ", seq("->", Body), ")"].

guards([]) -> [];
guards(Gs) -> [" (when", [[" ", seq("", G)] || G <- Gs], ")"].

seq(Tag, Es) ->
    Parts = [expr(E) || E <- Es],
    case Tag of
        "" -> ["(", lists:join(" ", Parts), ")"];
        _ -> ["(", Tag, [[" ", P] || P <- Parts], ")"]
    end.

float_text(F) -> io_lib:format("~p", [F]).

expr({var, _, V}) -> ["(var ", atom_to_list(V), ")"];
expr({atom, _, A}) -> ["(atom ", atom(A), ")"];
expr({integer, _, I}) -> ["(int ", integer_to_list(I), ")"];
expr({char, _, C}) -> ["(int ", integer_to_list(C), ")"];
expr({float, _, F}) -> ["(float ", float_text(F), ")"];
expr({string, _, S}) -> ["(string ", io_lib:write_string(S), ")"];
expr({nil, _}) -> "nil";
expr({cons, _, H, T}) -> ["(cons ", expr(H), " ", expr(T), ")"];
expr({tuple, _, Es}) -> seq("tuple", Es);
expr({map, _, Fs}) -> ["(map", map_fields(Fs), ")"];
expr({map, _, E, Fs}) -> ["(map_update ", expr(E), map_fields(Fs), ")"];
expr({record, _, Name, Fs}) -> ["(record ", atom(Name), record_fields(Fs), ")"];
expr({record, _, E, Name, Fs}) ->
    ["(record_update ", expr(E), " ", atom(Name), record_fields(Fs), ")"];
expr({record_field, _, E, Name, {atom, _, F}}) ->
    ["(record_field ", expr(E), " ", atom(Name), " ", atom(F), ")"];
expr({record_index, _, Name, {atom, _, F}}) ->
    ["(record_index ", atom(Name), " ", atom(F), ")"];
expr({bin, _, Es}) -> ["(bin", [[" ", bin_element(E)] || E <- Es], ")"];
expr({op, _, '-', {integer, _, I}}) -> ["(int ", integer_to_list(-I), ")"];
expr({op, _, '-', {char, _, I}}) -> ["(int ", integer_to_list(-I), ")"];
expr({op, _, '-', {float, _, F}}) -> ["(float ", float_text(-F), ")"];
expr({op, _, Op, A}) -> ["(op ", atom_to_list(Op), " ", expr(A), ")"];
expr({op, _, Op, A, B}) -> ["(op ", atom_to_list(Op), " ", expr(A), " ", expr(B), ")"];
expr({match, _, P, E}) -> ["(match ", expr(P), " ", expr(E), ")"];
expr({call, _, {remote, _, M, F}, Args}) ->
    ["(remote ", expr(M), " ", expr(F), [[" ", expr(A)] || A <- Args], ")"];
expr({call, _, F, Args}) -> ["(call ", expr(F), [[" ", expr(A)] || A <- Args], ")"];
expr({'case', _, E, Cs}) -> ["(case ", expr(E), [[" ", clause(C)] || C <- Cs], ")"];
expr({'if', _, Cs}) -> ["(if", [[" ", clause(C)] || C <- Cs], ")"];
expr({'receive', _, Cs}) -> ["(receive", [[" ", clause(C)] || C <- Cs], ")"];
expr({'receive', _, Cs, T, B}) ->
    ["(receive", [[" ", clause(C)] || C <- Cs], " (after ", expr(T), " ", seq("->", B), "))"];
expr({'try', _, Body, Of, Catch, After}) ->
    ["(try ", seq("", Body),
     case Of of [] -> []; _ -> [" (of", [[" ", clause(C)] || C <- Of], ")"] end,
     [[" ", catch_clause(C)] || C <- Catch],
     case After of [] -> []; _ -> [" ", seq("after", After)] end, ")"];
expr({'catch', _, E}) -> ["(catch ", expr(E), ")"];
expr({block, _, B}) -> seq("block", B);
expr({'fun', _, {clauses, Cs}}) -> ["(fun", [[" ", clause(C)] || C <- Cs], ")"];
expr({named_fun, _, Name, Cs}) ->
    ["(fun ", atom_to_list(Name), [[" ", clause(C)] || C <- Cs], ")"];
expr({'fun', _, {function, F, A}}) when is_atom(F) ->
    ["(fun_ref (atom ", atom(F), ") (int ", integer_to_list(A), "))"];
expr({'fun', _, {function, M, F, A}}) ->
    ["(fun_ref ", expr(M), " ", expr(F), " ", expr(A), ")"];
expr({lc, _, E, Qs}) -> ["(lc ", expr(E), quals(Qs), ")"];
expr({bc, _, E, Qs}) -> ["(bc ", expr(E), quals(Qs), ")"];
expr(Other) -> io_lib:format("(?? ~p)", [Other]).

map_fields(Fs) ->
    [case F of
         {map_field_assoc, _, K, V} -> [" (=> ", expr(K), " ", expr(V), ")"];
         {map_field_exact, _, K, V} -> [" (:= ", expr(K), " ", expr(V), ")"]
     end || F <- Fs].

record_fields(Fs) ->
    [case F of
         {record_field, _, {atom, _, N}, V} -> [" (", atom(N), " ", expr(V), ")"];
         {record_field, _, {var, _, '_'}, V} -> [" (_ ", expr(V), ")"]
     end || F <- Fs].

bin_element({bin_element, _, V, Size, Types}) ->
    ["(seg ", expr(V),
     case Size of default -> []; _ -> [" :", expr(Size)] end,
     case Types of
         default -> [];
         _ -> [case T of
                   {unit, U} -> [" /unit:", integer_to_list(U)];
                   A -> [" /", atom_to_list(A)]
               end || T <- Types]
     end, ")"].

quals(Qs) ->
    [case Q of
         {generate, _, P, E} -> [" (<- ", expr(P), " ", expr(E), ")"];
         {b_generate, _, P, E} -> [" (<= ", expr(P), " ", expr(E), ")"];
         E -> [" ", expr(E)]
     end || Q <- Qs].

%% An omitted class (throw) shows as the reason pattern sharing the
%% clause's location; an explicit `_` stacktrace reads as omitted.
catch_clause({clause, L, [{tuple, _, [Class, Reason, Stack]}], G, B}) ->
    ClassText = case element(2, Reason) of
                    L -> "_";
                    _ -> expr(Class)
                end,
    StackText = case Stack of
                    {var, _, '_'} -> [];
                    _ -> [" ", expr(Stack)]
                end,
    ["(catch_clause ", ClassText, " ", expr(Reason), StackText, guards(G), " ",
     seq("->", B), ")"].
