#!/usr/bin/env escript
-mode(compile).
main([N]) ->
    io:setopts([{encoding, unicode}]),
    rand:seed(exsss, {9,9,list_to_integer(os:getenv("SEED", "9"))}),
    lists:foreach(fun(_) ->
        {Fmt, Args} = gen(),
        Self = self(),
        Pid = spawn(fun() -> Self ! {self(), try lists:flatten(io_lib:format(Fmt, Args)) catch error:badarg -> "\x{1}BADARG" end} end),
        R = receive {Pid, Res} -> Res after 2000 -> exit(Pid, kill), io:format(standard_error, "HANG ~tp ~tw~n", [Fmt, Args]), [-1] end,
        Ok = lists:all(fun(C) -> is_integer(C) andalso C >= 0 andalso C < 16#D800 end, R),
        case Ok of
            true -> io:format("~ts\t~tw\t~ts~n", [esc(Fmt), Args, esc(R)]);
            false -> ok
        end
    end, lists:seq(1, list_to_integer(N))).

esc(S) -> lists:flatmap(fun($\n) -> "\\n"; ($\\) -> "\\\\"; ($\t) -> "\\t"; (C) -> [C] end, S).

pick(L) -> lists:nth(rand:uniform(length(L)), L).

gen() ->
    Ctl = pick("wWpPsceEfgbBxX#+in~cs"),
    {W, WA} = pick([{"", []}, {"", []}, {integer_to_list(rand:uniform(16) - 1), []}, {"-" ++ integer_to_list(rand:uniform(12)), []}, {"*", [rand:uniform(20) - 8]}]),
    {P, PA} = pick([{"", []}, {"", []}, {"." ++ integer_to_list(rand:uniform(14) - 1), []}, {".*", [rand:uniform(14) - 2]}, {".", []}]),
    {Pad, PadA} = case P of
        "" -> {"", []};
        _ -> pick([{"", []}, {".x", []}, {".0", []}, {".*", [$-]}, {".", []}])
    end,
    Mod = pick(["", "", "t", "l", "tl"]),
    Arg = arg(Ctl),
    Extra = case Ctl of $W -> [rand:uniform(6) - 1]; $P -> [rand:uniform(6) - 1]; $x -> [pick(["0x", '#', "", "ab"])]; $X -> [pick(["0x", '#', ""])]; _ -> [] end,
    Args = case Ctl of $n -> []; $~ -> []; _ -> [Arg | Extra] end,
    Pre = pick(["", "ab ", "x\ty ", "é: "]),
    {Pre ++ "~" ++ W ++ P ++ Pad ++ Mod ++ [Ctl], WA ++ PA ++ PadA ++ Args}.

arg(C) ->
    case rand:uniform(6) of
        1 -> pick([abc, 1.5, -3, "str", <<"bin">>, [1,2], {a,b}, 'Ω', "é", [$a, <<"b">>], 300, -1.0e-7, 123456789012345678901234567890]);
        _ -> good(C)
    end.

good(C) when C =:= $e; C =:= $f; C =:= $g -> pick([1.5, -0.0, 123.456, 1.0e20, -2.5e-5, 0.1, 99999.9, 1.0e-300]);
good(C) when C =:= $b; C =:= $B; C =:= $x; C =:= $X; C =:= $#; C =:= $+ -> pick([0, 10, -255, 1 bsl 70, 35, -1]);
good($c) -> pick([$a, $é, 937, 0, $\n]);
good($s) -> pick(["hello", abc, <<"bin">>, ["ab", <<"c">>, $d], "", 'hello world', [<<"é"/utf8>>], [937, $a]]);
good(_) -> pick([abc, [1,2,3], {a, "b", <<"c">>}, "hello", lists:seq(1, 30), #{a => 1}, 'Ω', 1.5]).
