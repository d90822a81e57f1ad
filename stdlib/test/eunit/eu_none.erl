%% @doc Sample for eunit validation: no tests at all.
-module(eu_none).
-export([f/0]).
f() -> 1.
