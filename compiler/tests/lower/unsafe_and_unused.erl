-module(unsafe_and_unused).
-export([f/1, g/1]).
-record(r, {a}).
f(X) ->
    case X of
        1 -> Y = 1, Z = 2;
        _ -> Y = 2
    end,
    Y = 3,
    A = 5,
    fun(X) -> X end,
    try X of Q -> Q catch _ -> W = 1 end,
    {Y, Z}.
g(L) when list(L) -> [X || X <- L, X <- L];
g(_) -> erlang:now().
h() -> ok.
