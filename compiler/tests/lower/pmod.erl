-module(pmod, [A]).
-export([f/0]).
f() -> ?MODULE.
