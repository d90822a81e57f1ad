%% @doc Conformance of eunit's behaviour with OTP 25: which process a
%% test runs in (`spawn', `setup', `inorder', `inparallel'), time limits
%% (`timeout' and the default 5 s), lazily called generators (a failing
%% one cancels only what follows it in its process), the macros of
%% eunit.hrl and assert.hrl, and the text of failure reports.
%%
%% Each test runs `eunit:test/2' on a small test set and checks its
%% result and its report, captured by a group leader of our own. The
%% tests of those sets name exported functions of this module
%% (`{?MODULE, F}') rather than funs, since reports show a fun's
%% compiler-generated name; lines that show eunit's own internals (`in
%% call from ...', file names and lines) are left out of comparisons.
%% An assertion never encloses a test set with assertions of its own:
%% the assertion macros of OTP would then share their variables.
-module(eunit_behaviour_tests).

%% A module may define LET and IF before including eunit.hrl, and may
%% include assert.hrl first: eunit.hrl keeps both.
-define(LET(A, B, C), {own_let, A, B, C}).
-define(IF(A, B, C), {own_if, A, B, C}).
%% Debug macros off (so ?debugValAll exists, as in OTP 25), assertions
%% kept on.
-define(NODEBUG, true).
-define(ASSERT, true).
-include_lib("stdlib/include/assert.hrl").
-include_lib("eunit/include/eunit.hrl").

%% Tests named in the test sets below (not tests of this module).
-export([pass/0, put_k/0, k_is_1/0, k_is_undefined/0, sleep_3s/0,
         block_forever/0, bad_gen/0, clause_fail/0, clause/3]).

%%% ===================================================================
%%% Helpers
%%% ===================================================================

%% Runs eunit:test(Tests, Opts) in a process whose group leader keeps
%% what is written: {Result, Lines}, without timings (`[done in ...]'
%% lines are left out: a short group may take 0 ms) and the lines of
%% eunit's own stack frames.
run(Tests) ->
    run(Tests, []).

run(Tests, Opts) ->
    Cap = spawn(fun() -> capture([]) end),
    Self = self(),
    P = spawn(fun() ->
                      group_leader(Cap, self()),
                      Self ! {self(), eunit:test(Tests, Opts)}
              end),
    Result = receive {P, R} -> R after 30000 -> no_result end,
    Cap ! {get, self()},
    Text = receive {text, T} -> T after 5000 -> "" end,
    {Result, clean(Text)}.

capture(Acc) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            From ! {io_reply, ReplyAs, ok},
            capture([chars(Req) | Acc]);
        {get, From} ->
            From ! {text, unicode:characters_to_list(lists:reverse(Acc))}
    end.

chars({put_chars, _Enc, Chars}) -> Chars;
chars({put_chars, Chars}) -> Chars;
chars({put_chars, _Enc, M, F, A}) -> apply(M, F, A);
chars({put_chars, M, F, A}) -> apply(M, F, A);
chars(_) -> [].

clean(Text) ->
    Lines = string:split(Text, "\n", all),
    [strip_time(L) || L <- Lines, not lists:prefix("in call from ", L),
                      not lists:prefix("[done in ", string:trim(L, leading))].

strip_time(Line) ->
    re:replace(Line, "\\[[0-9]+\\.[0-9]+ s\\] ", "", [global, {return, list}]).

summary(Failed, Skipped, Passed) ->
    lists:flatten(io_lib:format("  Failed: ~w.  Skipped: ~w.  Passed: ~w.",
                                [Failed, Skipped, Passed])).

%% The lines of a report that are not stack frames.
no_frames(Lines) ->
    [L || L <- Lines, not lists:prefix("in function ", L),
          not lists:prefix("**in function ", L)].

%%% ===================================================================
%%% Test bodies named by the test sets
%%% ===================================================================

pass() -> ok.
put_k() -> put(k, 1), ok.
k_is_1() -> ?assertEqual(1, get(k)).
k_is_undefined() -> ?assertEqual(undefined, get(k)).
sleep_3s() -> timer:sleep(3000).
block_forever() -> receive never_sent -> ok end.
bad_gen() -> error(oops).
clause_fail() -> clause(id("abc"), id(<<"xy">>), id([1, 2])).
clause(A, B, C) when is_atom(A) -> {A, B, C}.

id(X) -> X.

%%% ===================================================================
%%% 1. Processes
%%% ===================================================================

spawn_isolates_test() ->
    R = run([{spawn, ?_test(put(k, 1))}, ?_assertEqual(undefined, get(k))]),
    ?assertEqual({ok, ["  2 tests passed.", ""]}, R).

plain_tests_share_a_process_test() ->
    ?assertMatch({ok, _}, run([{?MODULE, put_k}, {?MODULE, k_is_1}])).

tests_do_not_run_in_the_caller_test() ->
    put(k, caller),
    Self = self(),
    R = run([{?MODULE, k_is_undefined}, ?_assertNotEqual(Self, self())]),
    ?assertMatch({ok, _}, R),
    ?assertEqual(caller, get(k)).

inorder_shares_inparallel_does_not_test() ->
    ?assertMatch({ok, _}, run([{inorder, [{?MODULE, put_k}]},
                               {?MODULE, k_is_1}])),
    ?assertMatch({ok, _}, run([{inparallel, [{?MODULE, put_k}, {?MODULE, pass}]},
                               {?MODULE, k_is_undefined}])),
    %% A group of one item is that item: no process of its own.
    ?assertMatch({ok, _}, run([{inparallel, [{?MODULE, put_k}]},
                               {?MODULE, k_is_1}])).

setup_body_runs_in_a_new_process_test() ->
    %% The setup runs in the enclosing process, its tests in a new one
    %% (unless the setup says `local').
    R1 = run({setup, fun() -> self() end,
              fun(P) -> ?_assertNotEqual(P, self()) end}),
    ?assertMatch({ok, _}, R1),
    R2 = run({setup, local, fun() -> self() end,
              fun(P) -> ?_assertEqual(P, self()) end}),
    ?assertMatch({ok, _}, R2),
    R3 = run([{?MODULE, put_k},
              {setup, fun() -> get(k) end,
               fun(V) -> [?_assertEqual(1, V),
                          ?_assertEqual(undefined, get(k))]
               end}]),
    ?assertMatch({ok, _}, R3).

spawn_on_another_node_test() ->
    ?assertEqual({error, ["undefined",
                          "*unexpected termination of test process*",
                          "::noconnection", "",
                          "=======================================================",
                          summary(0, 0, 0),
                          "One or more tests were cancelled.", ""]},
                 run({spawn, 'other@nohost', {?MODULE, pass}})).

%%% ===================================================================
%%% 2. Time limits
%%% ===================================================================

timeout_cancels_the_rest_of_the_process_test() ->
    {Result, Lines} = run([{?MODULE, pass},
                           {timeout, 1, {?MODULE, sleep_3s}},
                           {?MODULE, pass}]),
    ?assertEqual(error, Result),
    ?assertEqual(["eunit_behaviour_tests: sleep_3s...*timed out*",
                  "undefined",
                  "=======================================================",
                  summary(0, 0, 1),
                  "One or more tests were cancelled.", ""],
                 no_frames(Lines)),
    ?assertMatch(["eunit_behaviour_tests: sleep_3s...*timed out*",
                  "in function timer:sleep/1" ++ _ | _], Lines).

timeout_in_spawn_test() ->
    {Result, Lines} = run([{spawn, {timeout, 1, {?MODULE, sleep_3s}}},
                           {?MODULE, pass}]),
    ?assertEqual(error, Result),
    ?assertEqual(["eunit_behaviour_tests: sleep_3s...*timed out*",
                  "undefined",
                  "=======================================================",
                  summary(0, 0, 1),
                  "One or more tests were cancelled.", ""],
                 no_frames(Lines)).

group_timeout_test() ->
    {Result, Lines} = run({timeout, 1, [{?MODULE, pass}, {?MODULE, sleep_3s}]}),
    ?assertEqual(error, Result),
    ?assertEqual(["eunit_behaviour_tests: sleep_3s...*skipped*",
                  "undefined", "*timed out*", "undefined",
                  "=======================================================",
                  summary(0, 0, 1),
                  "One or more tests were cancelled.", ""],
                 no_frames(Lines)).

default_timeout_is_5_seconds_test() ->
    T0 = erlang:monotonic_time(millisecond),
    {Result, Lines} = run([{?MODULE, pass}, {?MODULE, block_forever}]),
    Time = erlang:monotonic_time(millisecond) - T0,
    ?assertEqual(error, Result),
    ?assert(Time >= 5000),
    ?assert(Time < 15000),
    ?assertEqual(["eunit_behaviour_tests: block_forever...*timed out*",
                  "undefined",
                  "=======================================================",
                  summary(0, 0, 1),
                  "One or more tests were cancelled.", ""],
                 no_frames(Lines)),
    ?assertMatch([_, "in function eunit_behaviour_tests:block_forever/0" ++ _
                  | _], Lines).

%%% ===================================================================
%%% 3. Generators
%%% ===================================================================

failing_generator_cancels_what_follows_test() ->
    {Result, Lines} = run([{?MODULE, pass}, {?MODULE, pass},
                           {generator, ?MODULE, bad_gen},
                           {?MODULE, pass}, {?MODULE, pass}]),
    ?assertEqual(error, Result),
    ?assertEqual(["undefined",
                  "*** test generator eunit_behaviour_tests:bad_gen/0 failed ***",
                  "**error:oops", "", "",
                  "=======================================================",
                  summary(0, 0, 2),
                  "One or more tests were cancelled.", ""],
                 no_frames(Lines)),
    ?assertMatch([_, _, "**in function eunit_behaviour_tests:bad_gen/0" ++ _
                  | _], Lines).

failing_generator_in_spawn_test() ->
    {Result, Lines} = run([{spawn, [{?MODULE, pass}, {?MODULE, pass},
                                    {generator, ?MODULE, bad_gen},
                                    {?MODULE, pass}]},
                           {?MODULE, pass}]),
    ?assertEqual(error, Result),
    ?assertEqual(summary(0, 0, 3), lists:nth(length(Lines) - 2, Lines)).

failing_generator_in_setup_test() ->
    {Result, Lines} = run([{setup, fun() -> ok end,
                            fun(_) -> [{?MODULE, pass}, {?MODULE, pass},
                                       {generator, ?MODULE, bad_gen}]
                            end},
                           {?MODULE, pass}]),
    ?assertEqual(error, Result),
    ?assertEqual(summary(0, 0, 3), lists:nth(length(Lines) - 2, Lines)).

generators_run_lazily_test() ->
    %% The generator runs after the test before it.
    R = run([{?MODULE, put_k},
             {generator, fun() -> [?_assertEqual(1, get(k))] end}]),
    ?assertMatch({ok, _}, R).

%%% ===================================================================
%%% 4. Headers
%%% ===================================================================

own_let_and_if_test() ->
    ?assertEqual({own_let, a, b, c}, ?LET(a, b, c)),
    ?assertEqual({own_if, a, b, c}, ?IF(a, b, c)).

matches_test() ->
    ?assert(?MATCHES({ok, _}, {ok, 1})),
    ?assertNot(?MATCHES({ok, _}, error)).

under_eunit_test() ->
    ?assertNot(?UNDER_EUNIT),
    ?assertEqual("", ?capturedOutput),
    R = run([?_assert(?UNDER_EUNIT)]),
    ?assertMatch({ok, _}, R).

captured_output_test() ->
    R = run(?_test(begin
                       io:format("hello ~w", [1]),
                       ?assertEqual("hello 1", ?capturedOutput)
                   end)),
    ?assertMatch({ok, _}, R).

%% As OTP, the command runs as `sh -c "exec Cmd"': a shell built-in or a
%% list of commands needs a shell of its own.
cmd_test() ->
    ?assertEqual("hi\n", ?cmd("echo hi")),
    ?assertEqual("out\n", ?cmdStatus(3, "sh -c 'echo out; exit 3'")),
    ?assertEqual("a\n", ?cmd("echo a; echo b")),
    ?assertCmd("true"),
    ?assertCmdStatus(2, "sh -c 'exit 2'"),
    ?assertCmdOutput("a\nb\n", "sh -c 'echo a; echo b'"),
    ?assertCmdOutput("e\n", "sh -c 'echo e >&2'"),
    ?assertError({command_failed, [{module, ?MODULE}, {line, _},
                                   {command, "sh -c 'exit 4'"},
                                   {expected_status, 0}, {status, 4}]},
                 ?cmd("sh -c 'exit 4'")),
    ?assertError({assertCmd_failed, [{module, ?MODULE}, {line, _},
                                     {command, "false"},
                                     {expected_status, 0}, {status, 1}]},
                 ?assertCmd("false")),
    ?assertError({assertCmdOutput_failed, [{module, ?MODULE}, {line, _},
                                           {command, "echo x"},
                                           {expected_output, "y\n"},
                                           {output, "x\n"}]},
                 ?assertCmdOutput("y\n", "echo x")).

debug_macros_off_test() ->
    ?assertEqual(3, ?debugValAll(1 + 2)),
    ?assertEqual(3, ?debugVal(1 + 2)),
    ?assertEqual(ok, ?debugMsg("x")).

assert_terms_test() ->
    ?assertError({assert, [{module, ?MODULE}, {line, _},
                           {expression, "id ( false )"}, {expected, true},
                           {value, false}]},
                 ?assert(id(false))),
    ?assertError({assert, [{module, ?MODULE}, {line, _}, {comment, "c"},
                           {expression, "id ( 3 )"}, {expected, true},
                           {not_boolean, 3}]},
                 ?assert(id(3), "c")),
    ?assertError({assert, [{module, ?MODULE}, {line, _},
                           {expression, "id ( true )"}, {expected, false},
                           {value, true}]},
                 ?assertNot(id(true))),
    ?assertError({assertEqual, [{module, ?MODULE}, {line, _},
                                {expression, "id ( 2 )"}, {expected, 1},
                                {value, 2}]},
                 ?assertEqual(1, id(2))),
    ?assertError({assertMatch, [{module, ?MODULE}, {line, _},
                                {expression, "id ( 2 )"},
                                {pattern, "{ ok , _ }"}, {value, 2}]},
                 ?assertMatch({ok, _}, id(2))),
    ?assertError({assertException, [{module, ?MODULE}, {line, _},
                                    {expression, "id ( 1 )"},
                                    {pattern, "{ throw , x , [...] }"},
                                    {unexpected_success, 1}]},
                 ?assertThrow(x, id(1))).

underscore_assert_not_test() ->
    %% ?_assertNot(E) is ?_assert(not (E)), as in OTP.
    {_Line, F} = ?_assertNot(id(true)),
    ?assertError({assert, [{module, ?MODULE}, {line, _},
                           {expression, "not ( id ( true ) )"},
                           {expected, true}, {value, false}]},
                 F()).

%%% ===================================================================
%%% 5. Reports
%%% ===================================================================

called_as_shows_terms_as_otp_test() ->
    {Result, Lines} = run({?MODULE, clause_fail}),
    ?assertEqual(error, Result),
    ?assertMatch(["eunit_behaviour_tests: clause_fail...*failed*",
                  "in function eunit_behaviour_tests:clause/3" ++ _,
                  "  called as clause(\"abc\",<<\"xy\">>,[1,2])" | _], Lines),
    ?assert(lists:member("**error:function_clause", Lines)).

passing_summaries_test() ->
    ?assertEqual({ok, ["  Test passed.", ""]}, run({?MODULE, pass})),
    ?assertEqual({ok, ["  All 3 tests passed.", ""]},
                 run(lists:duplicate(3, {?MODULE, pass}))),
    ?assertEqual({ok, ["  There were no tests to run.", ""]}, run([])).

verbose_report_test() ->
    ?assertEqual({ok, ["======================== EUnit ========================",
                       "d",
                       "  eunit_behaviour_tests: pass...ok",
                       "  eunit_behaviour_tests: pass...ok",
                       "=======================================================",
                       "  2 tests passed.", ""]},
                 run({"d", [{?MODULE, pass}, {?MODULE, pass}]}, [verbose])).
