-module(bad).
-export([f/1, g/1, missing/0]).

f(X) ->
    Y + X.

g(A) ->
    case A of
        1 -> B = 1;
        2 -> ok
    end,
    B.

h() -> undefined_fun(1).
