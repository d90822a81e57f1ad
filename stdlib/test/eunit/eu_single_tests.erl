%% @doc Sample for eunit validation: a module with a single test.
-module(eu_single_tests).
-include_lib("eunit/include/eunit.hrl").
one_test() -> ok.
