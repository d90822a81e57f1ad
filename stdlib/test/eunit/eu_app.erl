%% @doc Sample for eunit validation: a module with a separate _tests
%% module and no tests of its own.
-module(eu_app).
-export([f/0]).
f() -> 1.
