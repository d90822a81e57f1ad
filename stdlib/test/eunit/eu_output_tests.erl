%% @doc Sample for eunit validation: captured output of tests, setups and
%% cleanups (shown only for failing tests).
-module(eu_output_tests).
-include_lib("eunit/include/eunit.hrl").
quiet_pass_test() -> io:format("not shown~n").
fail_test() -> io:format("line one~nline two~n"), io:put_chars("no newline"), error(x).
unicode_fail_test() -> io:format("~ts~n", [[955, 8364]]), ?assert(false).
ctx_test_() ->
    {setup, fun() -> io:format("in setup~n") end,
     fun(_) -> io:format("in cleanup~n") end,
     [?_test(io:format("passing~n")), ?_test(begin io:format("failing~n"), throw(t) end)]}.
