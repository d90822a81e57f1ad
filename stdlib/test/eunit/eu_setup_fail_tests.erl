%% @doc Sample for eunit validation: a failing setup cancels its tests.
-module(eu_setup_fail_tests).
-include_lib("eunit/include/eunit.hrl").
ok_test() -> ok.
setup_fail_test_() ->
    {setup, fun() -> error(nosetup) end, fun(_) -> ok end, [?_test(ok)]}.
desc_test_() ->
    {"grp", {setup, fun() -> error(x) end, [?_test(ok), ?_test(ok)]}}.
last_test() -> ok.
