-module(ignored_values).
-export([f/1, g/1, h/1, i/0, j/1, k/1, f2/2, g2/1, h2/1]).
f(X) ->
    {X, 1},
    [X],
    #{a => X},
    <<X>>,
    fun() -> X end,
    "abc",
    42,
    ok,
    [],
    X + 1,
    X.
g(X) ->
    case X of
        a -> {b, X};
        _ -> c
    end,
    ok.
h(X) ->
    1 = 2,
    {a, X} = {b, X},
    ok.
i() ->
    case {a, b} of
        {c, _} -> 1;
        _ -> 2
    end.
j(X) ->
    case X of
        _ -> 1;
        a -> 2
    end.
k(X) ->
    if false -> 1; true -> X end.
-record(r, {a}).
f2(X, Y) ->
    length(X),
    element(1, Y),
    self(),
    X =:= Y,
    not X,
    -X,
    #r{a = X},
    X#r.a,
    {foo(X), 1},
    $a,
    is_atom(X),
    erlang:length(Y),
    [{error, Z} || Z <- X],
    fun lists:map/2,
    maps:get(a, Y),
    math:sqrt(X),
    Y#{a => 1},
    <<X/binary>>,
    X ! hi,
    a = b,
    {dead, code},
    ok.
foo(X) -> X.
g2(X) ->
    case X of
        {A, A} -> 1;
        {_, _} -> 2;
        {1, 2} -> 3;
        "ab" -> 4;
        [$a, $b] -> 5;
        1.0 -> 6;
        1 -> 7
    end,
    Y = X,
    case X of
        Y -> 1;
        _ -> 2;
        W when false -> W
    end.
h2(_) -> 1;
h2(2) -> 2.
