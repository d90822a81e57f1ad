%% @doc Sample for eunit validation: a failing cleanup.
-module(eu_cleanup_fail_tests).
-include_lib("eunit/include/eunit.hrl").
ok_test() -> ok.
cleanup_fail_test_() ->
    {setup, fun() -> ok end, fun(_) -> error(cleanup_boom) end,
     [?_test(ok), ?_assert(false)]}.
