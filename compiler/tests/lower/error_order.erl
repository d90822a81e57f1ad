-module(error_order).
-export([f/1, zz/0, aa/0]).
f(X) -> Y + X, b(), a().
g() -> q:r(), X = 1.
-record(r, {a}).
h() -> #r{b = 1}, #s{}.
