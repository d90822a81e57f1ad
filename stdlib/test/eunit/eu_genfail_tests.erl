%% @doc Sample for eunit validation: a failing generator aborts the run.
-module(eu_genfail_tests).
-include_lib("eunit/include/eunit.hrl").
a_test() -> ok.
b_test_() -> error(oops).
c_test() -> ok.
