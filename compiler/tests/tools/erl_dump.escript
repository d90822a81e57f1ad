#!/usr/bin/env escript
%%! -noshell
%% Prints the function forms of Erlang files as OTP 25's epp and erl_parse
%% read them, in the S-expression format of ferl's `dump` module, so that
%% ferl's parse of the same files can be diffed against OTP's.
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
            Lines = [[integer_to_list(line(L)), ": ", form(F), "\n"]
                     || {function, L, _, _, _} = F <- Forms],
            Out = filename:join(OutDir, filename:basename(File) ++ ".dump"),
            ok = file:write_file(Out, unicode:characters_to_binary(Lines));
        {error, E} ->
            io:format(standard_error, "~s: ~p~n", [File, E])
    end.

line({L, _}) -> L;
line(L) -> L.

form({function, _, Name, Arity, Clauses}) ->
    ["(function ", atom(Name), "/", integer_to_list(Arity),
     [[" ", clause(C)] || C <- Clauses], ")"].

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
