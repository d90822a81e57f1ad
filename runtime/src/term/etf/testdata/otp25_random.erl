%% Writes otp25_random.txt, the random terms that etf/decode.rs checks ferl
%% against: one line per term with, in hex or decimal, term_to_binary(T),
%% phash2(T), phash(T, 1 bsl 32), then term_to_binary(T, Opts) for
%% [{minor_version, 0}], [{minor_version, 2}] and [compressed].
%% Regenerate on OTP 25 (the seed is fixed, so the file is reproducible):
%%   erlc otp25_random.erl && erl -noshell -s otp25_random main -s init stop
-module(otp25_random).
-export([main/0]).
atoms() -> [a, b, ok, error, undefined, 'Hello', 'with space', 'αβ', 'ü', 'ÿþ', '', '日本語', list_to_atom(lists:duplicate(90, 16#10348))].
t(0) -> leaf();
t(D) ->
  case rand:uniform(10) of
    1 -> list_to_tuple([t(D-1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
    2 -> [t(D-1) || _ <- lists:seq(1, rand:uniform(6) - 1)];
    3 -> [rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(20))];
    4 -> maps:from_list([{t(D-1), t(D-1)} || _ <- lists:seq(1, rand:uniform(6) - 1)]);
    5 -> lists:foldr(fun(E, Acc) -> [E|Acc] end, t(D-1), [t(D-1) || _ <- lists:seq(1, rand:uniform(3))]);
    6 -> [t(D-1), rand:uniform(300), t(D-1)];
    _ -> leaf()
  end.
leaf() ->
  case rand:uniform(12) of
    1 -> rand:uniform(1 bsl rand:uniform(200)) * (rand:uniform(3) - 2);
    2 -> rand:uniform(1000) - 500;
    3 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(600) - 300);
    4 -> lists:nth(rand:uniform(length(atoms())), atoms());
    5 -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(30) - 1)]);
    6 -> N = rand:uniform(40), <<(rand:uniform(1 bsl N) - 1):N>>;
    7 -> list_to_pid("<0." ++ integer_to_list(rand:uniform(32768) - 1) ++ "." ++ integer_to_list(rand:uniform(100) - 1) ++ ">");
    8 -> lists:nth(rand:uniform(3), [fun lists:map/2, fun erlang:self/0, fun otp25_random:main/0]);
    9 -> [];
    10 -> float(rand:uniform(100));
    11 -> rand:uniform(1 bsl 62);
    _ -> {}
  end.
hex(B) -> binary:encode_hex(B).
main() ->
  rand:seed(exsss, {1, 2, 3}),
  {ok, F} = file:open("otp25_random.txt", [write]),
  [begin T = t(rand:uniform(4)),
     io:format(F, "~s ~w ~w ~s ~s ~s~n", [hex(term_to_binary(T)), erlang:phash2(T), erlang:phash(T, 1 bsl 32),
        hex(term_to_binary(T, [{minor_version, 0}])), hex(term_to_binary(T, [{minor_version, 2}])), hex(term_to_binary(T, [compressed]))])
   end || _ <- lists:seq(1, 400)],
  file:close(F).
