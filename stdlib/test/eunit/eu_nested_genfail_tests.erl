%% @doc Sample for eunit validation: a failing nested generator.
-module(eu_nested_genfail_tests).
-include_lib("eunit/include/eunit.hrl").
a_test() -> ok.
f_test_() -> [?_test(ok), {generator, fun() -> error(genfail) end}, ?_test(ok)].
z_test() -> ok.
