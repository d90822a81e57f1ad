%% @doc Random comparison of `ferl_proplists' (a renamed copy of ferl's
%% stdlib/proplists.erl) against OTP 25's `proplists'. Run by
%% validate.sh.
-module(prop_proplists).

%% Entry point.
-export([run/1]).

-import(prop, [list_of/1, oneof/1, int/2]).

%% @doc Compares every function `N' times; returns the failure count.
-spec run(N) -> non_neg_integer() when N :: pos_integer().
run(N) ->
    prop:check(proplists, ferl_proplists, cases(), N).

key() -> oneof([a, b, c, 1, 1.0, "s", no_a, no_b]).
entry() ->
    case rand:uniform(12) of
        1 -> {};
        2 -> {key()};
        3 -> {key(), oneof([1, x]), y};
        4 -> oneof(["str", 42, [a], [[b], c]]);
        5 -> {key(), oneof([true, false])};
        N when N < 9 -> oneof([a, b, c, no_a, no_b]);
        _ -> {key(), oneof([1, 2, true, [1, 2], [x], "v"])}
    end.
pl() -> case rand:uniform(15) of
            1 -> foo;
            2 -> [a | b];
            _ -> list_of(fun entry/0)
        end.
pairs() -> case rand:uniform(15) of
               1 -> foo;
               _ -> list_of(fun() -> {key(), key()} end)
           end.
expansions() -> list_of(fun() -> {oneof([key(), entry()]), oneof([[x, y], z, [], [[w]]])} end).
stages() -> list_of(fun() -> oneof([{aliases, pairs()}, {negations, pairs()},
                                    {expand, expansions()}]) end).

cases() ->
    [{get_value, fun() -> [key(), pl()] end},
     {get_value, fun() -> [key(), pl(), def] end},
     {get_all_values, fun() -> [key(), pl()] end},
     {get_bool, fun() -> [key(), pl()] end},
     {get_keys, fun() -> [pl()] end},
     {lookup, fun() -> [key(), pl()] end},
     {lookup_all, fun() -> [key(), pl()] end},
     {is_defined, fun() -> [key(), pl()] end},
     {append_values, fun() -> [key(), pl()] end},
     {property, fun() -> [entry()] end},
     {property, fun() -> [key(), oneof([true, 1, false])] end},
     {unfold, fun() -> [pl()] end},
     {compact, fun() -> [pl()] end},
     {delete, fun() -> [key(), pl()] end},
     {split, fun() -> [pl(), oneof([foo, list_of(fun key/0)])] end},
     {from_map, fun() -> [oneof([foo, #{a => 1, 1 => b}])] end},
     {to_map, fun() -> [pl()] end},
     {to_map, fun() -> [pl(), stages()] end},
     {substitute_aliases, fun() -> [pairs(), pl()] end},
     {substitute_negations, fun() -> [pairs(), pl()] end},
     {expand, fun() -> [expansions(), pl()] end},
     {normalize, fun() -> [pl(), stages()] end}].
