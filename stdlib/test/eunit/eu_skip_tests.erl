%% @doc Sample for eunit validation: tests that cannot run are skipped.
-module(eu_skip_tests).
-include_lib("eunit/include/eunit.hrl").
ok_test() -> ok.
sk_test_() -> [{eu_skip_tests, nope}, {eu_no_such_module, f}].
