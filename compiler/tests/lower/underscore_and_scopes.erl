-module(underscore_and_scopes).
-export([f/1, g/2, h/1, k/1, m/1, n/1]).
f(_X) ->
    _X = 3,
    {_Y, _Y} = {1, 1},
    F = fun(_X) -> ok end,
    F.
g(A, B) ->
    X = A andalso (Y = B),
    {X, Y}.
h(X) ->
    catch (Y = X),
    Y.
k(X) ->
    receive
        X -> Z = 1
    after 10 -> Z = 2, W = 3
    end,
    {Z, W}.
m(X) -> [Y || {X, Y} <- X, Q <- [1]].
n(X) ->
    case X of
        {A} -> ok;
        _ -> A = 1
    end,
    A = 2.
