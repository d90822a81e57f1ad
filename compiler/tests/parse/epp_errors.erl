-module(epp_errors).
-define(F(X), X).
-define(G, g).
-define(F(X), again).
-define(MODULE, m).
-define(H(A, A), h).
-define(.
-define(I(X) X).
-define(J, j)
-undef().
-ifdef(F, G).
-endif.
-else.
-include("missing.hrl").
-include_lib("app/include/missing.hrl").
-include(missing).
-error({not, good}).
-warning("just a warning").
a() -> ?F.
b() -> ?UNDEFINED.
c() -> ?UNDEFINED(1, 2).
d() -> ?F(1, 2).
e() -> ?F(, 1).
f() -> ?F(1.
g() -> ? 1.
h() -> ??X.
-define(C1, ?C2).
-define(C2, ?C1).
i() -> ?C1.
?FUNCTION_NAME() -> ok.
-record(?FUNCTION_NAME, {}).
j() -> 16#, 1.5e, 1#0, 'unterminated.
