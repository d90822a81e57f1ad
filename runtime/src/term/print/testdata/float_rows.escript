#!/usr/bin/env escript
-mode(compile).
main([N]) ->
    rand:seed(exsss, {4,5,6}),
    lists:foreach(fun(I) ->
        F = gen(I rem 4),
        <<Bits:64>> = <<F/float>>,
        P = rand:uniform(30),
        Rows = [{"~w", io_lib:format("~w", [F])},
                {"~e", io_lib:format("~.*e", [P + 1, F])},
                {"~f", io_lib:format("~.*f", [P, F])},
                {"~g", io_lib:format("~.*g", [P, F])},
                {"l", float_to_list(F)},
                {"d", float_to_list(F, [{decimals, P}])},
                {"dc", float_to_list(F, [{decimals, P}, compact])},
                {"s", float_to_list(F, [{scientific, P}])}],
        [io:format("~s\t~w\t~w\t~s~n", [K, Bits, P, lists:flatten(V)]) || {K, V} <- Rows]
    end, lists:seq(1, list_to_integer(N))).

gen(0) -> gen_bits();
gen(1) -> (rand:uniform(1 bsl 40) + rand:uniform(8) / 8) * math:pow(2, rand:uniform(30) - 10);
gen(2) -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(60) - 30);
gen(3) -> rand:uniform(100000) / lists:nth(rand:uniform(6), [1, 10, 100, 1000, 4, 8]).

gen_bits() ->
    <<F0:64>> = <<(rand:uniform(1 bsl 64) - 1):64>>,
    case <<F0:64>> of
        <<_:1, 2047:11, _:52>> -> gen_bits();
        <<F/float>> when abs(F) < 1.0e200 -> F;
        _ -> gen_bits()
    end.
