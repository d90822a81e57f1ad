%% @doc EUnit header for ferl, compatible with OTP 25's
%% `eunit/include/eunit.hrl'.
%%
%% Including this file (normally as
%% `-include_lib("eunit/include/eunit.hrl").') gives:
%% <ul>
%% <li>the macros `TEST' and `EUNIT', and `ASSERT' (tests need their
%%     assertions), unless `NOTEST' is defined; `TEST' wins over
%%     `NOTEST' and `DEBUG' over `NODEBUG';</li>
%% <li>automatic export of the test functions (`*_test/0'), the test
%%     generators (`*_test_/0') and a `test/0' that runs
%%     `eunit:test(?MODULE)' (unless `NOTEST' or `EUNIT_NOAUTO' is
%%     defined);</li>
%% <li>the assertions of `stdlib/include/assert.hrl' (kept as they are
%%     if that header was included first), and their test-object forms
%%     `?_assert...';</li>
%% <li>`?_test(Expr)', which is `{?LINE, fun() -> Expr end}';</li>
%% <li>`?cmd(Cmd)', `?cmdStatus(N, Cmd)', `?assertCmd(Cmd)',
%%     `?assertCmdStatus(N, Cmd)', `?assertCmdOutput(Text, Cmd)' and their
%%     `?_' forms, which run a shell command (`eunit_proc:command/1');</li>
%% <li>`?capturedOutput', the output of the running test so far (`""'
%%     outside eunit), and `?UNDER_EUNIT', true while eunit runs the
%%     code;</li>
%% <li>the debugging macros `?debugMsg', `?debugFmt', `?debugVal',
%%     `?debugHere' and `?debugTime', which write to the `user' device
%%     (so they are never captured with a test's output), and become
%%     no-ops when `NODEBUG' is defined (then also `?debugValAll', which
%%     OTP 25 defines only in that case);</li>
%% <li>the helpers `?LET(Var, Expr, Body)', `?IF(Cond, Then, Else)' and
%%     `?MATCHES(Pattern, Expr)', unless the module defines them
%%     first.</li>
%% </ul>
%%
%% Auto-export: as OTP's, this header adds
%% `-compile({parse_transform, eunit_autoexport})' (a `-compile' may come
%% after the functions, so the header may be included at the end of a
%% module). ferl has no parse transforms; its compiler knows this one and
%% exports the `*_test/0' and `*_test_/0' functions and generates and
%% exports `test() -> eunit:test(?MODULE).'. (OTP strips the tests under
%% `NOTEST' with another parse transform; ferl leaves them, unexported.)

-ifndef(EUNIT_HRL).
-define(EUNIT_HRL, true).

%% --- Enabling tests ------------------------------------------------------

-ifdef(TEST).
-undef(NOTEST).
-endif.

-ifdef(DEBUG).
-undef(NODEBUG).
-endif.

-ifndef(NOTEST).
-ifndef(ASSERT).
-define(ASSERT, true).
-endif.
-ifndef(TEST).
-define(TEST, true).
-endif.
-ifndef(EUNIT).
-define(EUNIT, true).
-endif.
-else.
-undef(EUNIT).
-endif.

-include_lib("stdlib/include/assert.hrl").

-ifndef(EUNIT_NOAUTO).
-ifndef(NOTEST).
-compile({parse_transform, eunit_autoexport}).
-endif.
-endif.

%% --- Helpers ---------------------------------------------------------------

-ifndef(LET).
-define(LET(Var, Expr, Body), begin ((fun (Var) -> (Body) end)(Expr)) end).
-endif.

-ifndef(IF).
-define(IF(Cond, Then, Else),
        begin (case (Cond) of true -> (Then); false -> (Else) end) end).
-endif.

-ifndef(MATCHES).
-define(MATCHES(Guard, Expr),
        begin (case (Expr) of Guard -> true; _ -> false end) end).
-endif.

%% The group leader of code run by eunit is a process of eunit_proc (the
%% group leader of a test, or the insulator of a setup).
-ifndef(UNDER_EUNIT).
-define(UNDER_EUNIT,
        (?MATCHES({current_function, {eunit_proc, _, _}},
                  erlang:process_info(erlang:group_leader(),
                                      current_function)))).
-endif.

%% --- Test objects --------------------------------------------------------

-define(_test(Expr), {?LINE, fun () -> (Expr) end}).

-define(_assert(BoolExpr), ?_test(?assert(BoolExpr))).
-define(_assert(BoolExpr, Comment), ?_test(?assert(BoolExpr, Comment))).
%% As OTP: a failing ?_assertNot reports `not (BoolExpr)' as ?assert does.
-define(_assertNot(BoolExpr), ?_assert(not (BoolExpr))).
-define(_assertNot(BoolExpr, Comment), ?_test(?assertNot(BoolExpr, Comment))).
-define(_assertMatch(Guard, Expr), ?_test(?assertMatch(Guard, Expr))).
-define(_assertMatch(Guard, Expr, Comment),
        ?_test(?assertMatch(Guard, Expr, Comment))).
-define(_assertNotMatch(Guard, Expr), ?_test(?assertNotMatch(Guard, Expr))).
-define(_assertNotMatch(Guard, Expr, Comment),
        ?_test(?assertNotMatch(Guard, Expr, Comment))).
-define(_assertEqual(Expect, Expr), ?_test(?assertEqual(Expect, Expr))).
-define(_assertEqual(Expect, Expr, Comment),
        ?_test(?assertEqual(Expect, Expr, Comment))).
-define(_assertNotEqual(Unexpected, Expr),
        ?_test(?assertNotEqual(Unexpected, Expr))).
-define(_assertNotEqual(Unexpected, Expr, Comment),
        ?_test(?assertNotEqual(Unexpected, Expr, Comment))).
-define(_assertException(Class, Term, Expr),
        ?_test(?assertException(Class, Term, Expr))).
-define(_assertException(Class, Term, Expr, Comment),
        ?_test(?assertException(Class, Term, Expr, Comment))).
-define(_assertNotException(Class, Term, Expr),
        ?_test(?assertNotException(Class, Term, Expr))).
-define(_assertNotException(Class, Term, Expr, Comment),
        ?_test(?assertNotException(Class, Term, Expr, Comment))).
-define(_assertError(Term, Expr), ?_assertException(error, Term, Expr)).
-define(_assertError(Term, Expr, Comment),
        ?_assertException(error, Term, Expr, Comment)).
-define(_assertExit(Term, Expr), ?_assertException(exit, Term, Expr)).
-define(_assertExit(Term, Expr, Comment),
        ?_assertException(exit, Term, Expr, Comment)).
-define(_assertThrow(Term, Expr), ?_assertException(throw, Term, Expr)).
-define(_assertThrow(Term, Expr, Comment),
        ?_assertException(throw, Term, Expr, Comment)).

%% --- Captured output -------------------------------------------------------

-ifndef(capturedOutput).
-define(capturedOutput,
        case ?UNDER_EUNIT of
            true -> eunit_proc:get_output();
            false -> ""
        end).
-endif.

%% --- Shell commands --------------------------------------------------------

%% `{ExitStatus, Output}' of a shell command, standard error included.
-define(_cmd_(Cmd), (eunit_proc:command(Cmd))).

%% The output of Cmd, which must exit with status N.
-define(cmdStatus(N, Cmd),
        begin
            ((fun () ->
                      case ?_cmd_(Cmd) of
                          {(N), X__EunitOut} -> X__EunitOut;
                          {X__EunitN, _} ->
                              erlang:error({command_failed,
                                            [{module, ?MODULE},
                                             {line, ?LINE},
                                             {command, (Cmd)},
                                             {expected_status, (N)},
                                             {status, X__EunitN}]})
                      end
              end)())
        end).
-define(_cmdStatus(N, Cmd), ?_test(?cmdStatus(N, Cmd))).
-define(cmd(Cmd), ?cmdStatus(0, Cmd)).
-define(_cmd(Cmd), ?_test(?cmd(Cmd))).

-ifdef(NOASSERT).
-define(assertCmdStatus(N, Cmd), ok).
-define(assertCmdOutput(T, Cmd), ok).
-else.
-define(assertCmdStatus(N, Cmd),
        begin
            ((fun () ->
                      case ?_cmd_(Cmd) of
                          {(N), _} -> ok;
                          {X__EunitN, _} ->
                              erlang:error({assertCmd_failed,
                                            [{module, ?MODULE},
                                             {line, ?LINE},
                                             {command, (Cmd)},
                                             {expected_status, (N)},
                                             {status, X__EunitN}]})
                      end
              end)())
        end).
-define(assertCmdOutput(T, Cmd),
        begin
            ((fun () ->
                      case ?_cmd_(Cmd) of
                          {_, (T)} -> ok;
                          {_, X__EunitT} ->
                              erlang:error({assertCmdOutput_failed,
                                            [{module, ?MODULE},
                                             {line, ?LINE},
                                             {command, (Cmd)},
                                             {expected_output, (T)},
                                             {output, X__EunitT}]})
                      end
              end)())
        end).
-endif.
-define(assertCmd(Cmd), ?assertCmdStatus(0, Cmd)).
-define(_assertCmdStatus(N, Cmd), ?_test(?assertCmdStatus(N, Cmd))).
-define(_assertCmd(Cmd), ?_test(?assertCmd(Cmd))).
-define(_assertCmdOutput(T, Cmd), ?_test(?assertCmdOutput(T, Cmd))).

%% --- Debugging -------------------------------------------------------------

-ifdef(NODEBUG).

-define(debugMsg(S), ok).
-define(debugHere, ok).
-define(debugFmt(S, As), ok).
-define(debugVal(E), (E)).
-define(debugVal(E, D), (E)).
-define(debugValAll(E), (E)).
-define(debugTime(S, E), (E)).

-else.

%% Written as "File:Line:Pid: Text", to the user device.
-define(debugMsg(S),
        begin
            io:fwrite(user, <<"~ts:~w:~w: ~ts\n">>, [?FILE, ?LINE, self(), S]),
            ok
        end).
-define(debugHere, (?debugMsg("<-"))).
-define(debugFmt(S, As), (?debugMsg(io_lib:format((S), (As))))).
-ifndef(EUNIT_DEBUG_VAL_DEPTH).
-define(EUNIT_DEBUG_VAL_DEPTH, 15).
-endif.
-define(debugVal(E, D),
        begin
            ((fun (X__EunitV) ->
                      ?debugFmt(<<"~ts = ~tP">>, [(??E), X__EunitV, D]),
                      X__EunitV
              end)(E))
        end).
-define(debugVal(E), ?debugVal(E, ?EUNIT_DEBUG_VAL_DEPTH)).
-define(debugTime(S, E),
        begin
            ((fun () ->
                      {X__EunitT0, _} = statistics(wall_clock),
                      X__EunitV = (E),
                      {X__EunitT1, _} = statistics(wall_clock),
                      ?debugFmt(<<"~ts: ~.3f s">>,
                                [(S), (X__EunitT1 - X__EunitT0) / 1000]),
                      X__EunitV
              end)())
        end).

-endif. % NODEBUG

-endif. % EUNIT_HRL
