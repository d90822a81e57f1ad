%% @doc Sample for eunit validation: the tests of eu_app.
-module(eu_app_tests).
-include_lib("eunit/include/eunit.hrl").
f_test() -> ?assertEqual(1, eu_app:f()).
