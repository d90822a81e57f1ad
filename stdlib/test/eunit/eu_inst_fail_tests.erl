%% @doc Sample for eunit validation: a failing instantiator.
-module(eu_inst_fail_tests).
-include_lib("eunit/include/eunit.hrl").
ok_test() -> ok.
inst_fail_test_() ->
    {setup, fun() -> ok end, fun(_) -> ok end, fun(_) -> error(inst_boom) end}.
