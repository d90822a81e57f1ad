#!/usr/bin/env escript
-mode(compile).
main([Seed, N]) ->
    io:setopts([{encoding, unicode}]),
    rand:seed(exsss, {list_to_integer(Seed), 3, 5}),
    lists:foreach(fun(_) ->
        T = term(rand:uniform(5)),
        Fmts = ["~w", "~tw", "~W", "~tW", "~30W", "~-40w"],
        Fmt = lists:nth(rand:uniform(length(Fmts)), Fmts),
        Args = case lists:last(Fmt) of $W -> [T, rand:uniform(12) - 2]; $P -> [T, rand:uniform(12) - 2]; _ -> [T] end,
        R = lists:flatten(io_lib:format(Fmt, Args)),
        W = lists:flatten(io_lib:format("~tw", [T])),
        Extra = case lists:last(Fmt) of $W -> "\t" ++ integer_to_list(lists:last(Args)); $P -> "\t" ++ integer_to_list(lists:last(Args)); _ -> "" end,
        io:format("~ts\t~ts~s\t~ts~n", [esc(Fmt), esc(W), Extra, esc(R)])
    end, lists:seq(1, list_to_integer(N))).

esc(S) -> lists:flatmap(fun($\n) -> "\\n"; ($\\) -> "\\\\"; ($\t) -> "\\t"; (C) -> [C] end, S).

term(D) when D =< 0 -> leaf();
term(D) ->
    case rand:uniform(13) of
        1 -> leaf();
        2 -> [term(D-1) || _ <- lists:seq(1, rand:uniform(8) - 1)];
        3 -> list_to_tuple([term(D-1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        4 -> list_to_tuple([atom() | [term(D-1) || _ <- lists:seq(1, rand:uniform(4))]]);
        5 -> maps:from_list([{term(D-2), term(D-1)} || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        6 -> ustr();
        7 -> unicode:characters_to_binary(ustr());
        8 -> [{atom(), term(D-1)} || _ <- lists:seq(1, rand:uniform(4))];
        9 -> lists:seq(1, rand:uniform(60));
        10 -> [term(D-1), term(D-1) | term(D-1)];
        11 -> {longtag(), term(D-1), term(D-1)};
        12 -> list_to_binary(lists:seq(40, 40 + rand:uniform(80)));
        13 -> [leaf() || _ <- lists:seq(1, rand:uniform(20))]
    end.

leaf() ->
    case rand:uniform(10) of
        1 -> rand:uniform(1000000) - 500000;
        2 -> atom();
        3 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        4 -> ustr();
        5 -> rand:uniform(1 bsl 100) - (1 bsl 99);
        6 -> [];
        7 -> {};
        8 -> #{};
        9 -> <<>>;
        10 -> list_to_atom(ustr())
    end.

longtag() -> list_to_atom(lists:duplicate(rand:uniform(45), $t)).
atom() -> lists:nth(rand:uniform(10), [ok, error, a, foo_bar, 'Quoted', very_long_atom_name_for_tagging, x, 'Ωmega', 'é', 'with space']).
ustr() -> [lists:nth(rand:uniform(32), "abcdefghij klmnop\nqrstuvwxyz\"éΩ\t") || _ <- lists:seq(1, rand:uniform(25))].
