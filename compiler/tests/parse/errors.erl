-module(errors).
-define(F(X), X).
f() -> ).
g() -> ok.
h() -> foo bar.
i() -> ?F.
j() -> ?UNDEFINED.
k() -> [a b].
l(X) -> X;
m(Y) -> Y.
n() -> "unterminated
