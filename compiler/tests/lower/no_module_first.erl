-vsn(1).
-module(no_module_first).
-export([f/0]).
f() -> ok.
