#!/usr/bin/env escript
%%! -noshell
%% Prints the errors OTP 25's epp and erl_parse find in Erlang files, one
%% `FILE:LINE:COL: message` line each, as ferl's `examples/parse.rs --errors`
%% prints its own, for diffing. Usage: erl_errors.escript FILE...

main(Files) ->
    io:setopts([{encoding, unicode}]),
    lists:foreach(fun(F) -> errors(F) end, Files).

errors(File) ->
    Dir = filename:dirname(File),
    case epp:parse_file(File, [{includes, [Dir]}, {location, {1, 1}}]) of
        {ok, Forms} ->
            [print(File, Loc, Mod, Desc) || {error, {Loc, Mod, Desc}} <- Forms];
        {error, E} ->
            io:format("~s: ~p~n", [File, E])
    end.

print(File, {Line, Col}, Mod, Desc) ->
    io:format("~ts:~w:~w: ~ts~n", [File, Line, Col, Mod:format_error(Desc)]);
print(File, Line, Mod, Desc) ->
    io:format("~ts:~w:?: ~ts~n", [File, Line, Mod:format_error(Desc)]).
