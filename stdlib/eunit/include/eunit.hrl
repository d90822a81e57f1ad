%% @doc EUnit header for ferl, compatible with OTP 25's
%% `eunit/include/eunit.hrl'.
%%
%% Including this file (normally as
%% `-include_lib("eunit/include/eunit.hrl").') gives:
%% <ul>
%% <li>the macros `TEST' and `EUNIT' (unless `NOTEST' is defined);</li>
%% <li>automatic export of the test functions (`*_test/0'), the test
%%     generators (`*_test_/0') and a `test/0' that runs
%%     `eunit:test(?MODULE)' (unless `EUNIT_NOAUTO' is defined);</li>
%% <li>the assertion macros `?assert', `?assertNot', `?assertMatch',
%%     `?assertNotMatch', `?assertEqual', `?assertNotEqual',
%%     `?assertException', `?assertNotException', `?assertError',
%%     `?assertExit', `?assertThrow', each also with a trailing `Comment'
%%     argument, and their test-object forms `?_assert...'. On failure
%%     they raise `erlang:error({Assertion, Info})' with exactly the
%%     `Info' list of OTP (module, line, comment, expression, ...);</li>
%% <li>`?_test(Expr)', which is `{?LINE, fun() -> Expr end}';</li>
%% <li>the debugging macros `?debugMsg', `?debugFmt', `?debugVal',
%%     `?debugHere' and `?debugTime', which write to the `user' device
%%     (so they are never captured with a test's output), and become
%%     no-ops when `NODEBUG' is defined;</li>
%% <li>the helpers `?LET(Var, Expr, Body)' and `?IF(Cond, Then, Else)'.</li>
%% </ul>
%%
%% Auto-export: OTP adds `-compile({parse_transform, eunit_autoexport})'.
%% ferl has no parse transforms; instead this header sets the marker
%% attribute `-eunit_autoexport(true).', which ferl's compiler honours by
%% exporting the `*_test/0' and `*_test_/0' functions and generating and
%% exporting `test() -> eunit:test(?MODULE).'.
%%
%% The assertions evaluate their arguments inside a fun, so variables
%% bound in a pattern (`?assertMatch({ok, X}, E)') do not leak out, and
%% variables named `X__Eunit...' are reserved.

-ifndef(EUNIT_HRL).
-define(EUNIT_HRL, true).

%% --- Enabling tests ------------------------------------------------------

-ifdef(NOTEST).
-undef(TEST).
-else.
-ifndef(TEST).
-define(TEST, true).
-endif.
-endif.

-ifdef(TEST).
-define(EUNIT, true).
-ifndef(EUNIT_NOAUTO).
-eunit_autoexport(true).
-endif.
-endif.

%% --- Test objects --------------------------------------------------------

-define(_test(Expr), {?LINE, fun () -> (Expr) end}).

-define(LET(Var, Expr, Body), ((fun (Var) -> (Body) end)(Expr))).
-define(IF(Cond, Then, Else), (case (Cond) of true -> (Then); false -> (Else) end)).

%% --- Assertions ------------------------------------------------------------

-ifdef(NOASSERT).

-define(assert(BoolExpr), ok).
-define(assert(BoolExpr, Comment), ok).
-define(assertNot(BoolExpr), ok).
-define(assertNot(BoolExpr, Comment), ok).
-define(assertMatch(Guard, Expr), ok).
-define(assertMatch(Guard, Expr, Comment), ok).
-define(assertNotMatch(Guard, Expr), ok).
-define(assertNotMatch(Guard, Expr, Comment), ok).
-define(assertEqual(Expect, Expr), ok).
-define(assertEqual(Expect, Expr, Comment), ok).
-define(assertNotEqual(Unexpected, Expr), ok).
-define(assertNotEqual(Unexpected, Expr, Comment), ok).
-define(assertException(Class, Term, Expr), ok).
-define(assertException(Class, Term, Expr, Comment), ok).
-define(assertNotException(Class, Term, Expr), ok).
-define(assertNotException(Class, Term, Expr, Comment), ok).

-else.

%% Each assertion is a fun called at once; `Extra' is `[]' or
%% `[{comment, Comment}]', inserted after the line as in OTP.
-define(EUNIT_ASSERT_(BoolExpr, Expected, Extra),
        ((fun () ->
                  case (BoolExpr) of
                      Expected -> ok;
                      X__EunitV ->
                          erlang:error(
                            {assert,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??BoolExpr)},
                                  {expected, Expected},
                                  case is_boolean(X__EunitV) of
                                      true -> {value, X__EunitV};
                                      false -> {not_boolean, X__EunitV}
                                  end]})
                  end
          end)())).

-define(assert(BoolExpr), ?EUNIT_ASSERT_(BoolExpr, true, [])).
-define(assert(BoolExpr, Comment),
        ?EUNIT_ASSERT_(BoolExpr, true, [{comment, (Comment)}])).
-define(assertNot(BoolExpr), ?EUNIT_ASSERT_(BoolExpr, false, [])).
-define(assertNot(BoolExpr, Comment),
        ?EUNIT_ASSERT_(BoolExpr, false, [{comment, (Comment)}])).

-define(EUNIT_MATCH_(Guard, Expr, Extra),
        ((fun () ->
                  case (Expr) of
                      Guard -> ok;
                      X__EunitV ->
                          erlang:error(
                            {assertMatch,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {pattern, (??Guard)},
                                  {value, X__EunitV}]})
                  end
          end)())).

-define(assertMatch(Guard, Expr), ?EUNIT_MATCH_(Guard, Expr, [])).
-define(assertMatch(Guard, Expr, Comment),
        ?EUNIT_MATCH_(Guard, Expr, [{comment, (Comment)}])).

-define(EUNIT_NOT_MATCH_(Guard, Expr, Extra),
        ((fun () ->
                  X__EunitV = (Expr),
                  case X__EunitV of
                      Guard ->
                          erlang:error(
                            {assertNotMatch,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {pattern, (??Guard)},
                                  {value, X__EunitV}]});
                      _ -> ok
                  end
          end)())).

-define(assertNotMatch(Guard, Expr), ?EUNIT_NOT_MATCH_(Guard, Expr, [])).
-define(assertNotMatch(Guard, Expr, Comment),
        ?EUNIT_NOT_MATCH_(Guard, Expr, [{comment, (Comment)}])).

-define(EUNIT_EQUAL_(Expect, Expr, Extra),
        ((fun () ->
                  X__EunitX = (Expect),
                  case (Expr) of
                      X__EunitX -> ok;
                      X__EunitV ->
                          erlang:error(
                            {assertEqual,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {expected, X__EunitX},
                                  {value, X__EunitV}]})
                  end
          end)())).

-define(assertEqual(Expect, Expr), ?EUNIT_EQUAL_(Expect, Expr, [])).
-define(assertEqual(Expect, Expr, Comment),
        ?EUNIT_EQUAL_(Expect, Expr, [{comment, (Comment)}])).

-define(EUNIT_NOT_EQUAL_(Unexpected, Expr, Extra),
        ((fun () ->
                  X__EunitX = (Unexpected),
                  case (Expr) of
                      X__EunitX ->
                          erlang:error(
                            {assertNotEqual,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {value, X__EunitX}]});
                      _ -> ok
                  end
          end)())).

-define(assertNotEqual(Unexpected, Expr),
        ?EUNIT_NOT_EQUAL_(Unexpected, Expr, [])).
-define(assertNotEqual(Unexpected, Expr, Comment),
        ?EUNIT_NOT_EQUAL_(Unexpected, Expr, [{comment, (Comment)}])).

%% The pattern is shown as "{ Class , Term , [...] }", as in OTP.
-define(EUNIT_EXCEPTION_(Class, Term, Expr, Extra),
        ((fun () ->
                  try (Expr) of
                      X__EunitV ->
                          erlang:error(
                            {assertException,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {pattern, "{ " ++ (??Class) ++ " , "
                                   ++ (??Term) ++ " , [...] }"},
                                  {unexpected_success, X__EunitV}]})
                  catch
                      Class:Term -> ok;
                      X__EunitC:X__EunitT:X__EunitS ->
                          erlang:error(
                            {assertException,
                             [{module, ?MODULE}, {line, ?LINE} | Extra] ++
                                 [{expression, (??Expr)},
                                  {pattern, "{ " ++ (??Class) ++ " , "
                                   ++ (??Term) ++ " , [...] }"},
                                  {unexpected_exception,
                                   {X__EunitC, X__EunitT, X__EunitS}}]})
                  end
          end)())).

-define(assertException(Class, Term, Expr),
        ?EUNIT_EXCEPTION_(Class, Term, Expr, [])).
-define(assertException(Class, Term, Expr, Comment),
        ?EUNIT_EXCEPTION_(Class, Term, Expr, [{comment, (Comment)}])).

-define(EUNIT_NOT_EXCEPTION_(Class, Term, Expr, Extra),
        ((fun () ->
                  try (Expr) of
                      _ -> ok
                  catch
                      X__EunitC:X__EunitT:X__EunitS ->
                          case X__EunitC of
                              Class ->
                                  case X__EunitT of
                                      Term ->
                                          erlang:error(
                                            {assertNotException,
                                             [{module, ?MODULE},
                                              {line, ?LINE} | Extra] ++
                                                 [{expression, (??Expr)},
                                                  {pattern,
                                                   "{ " ++ (??Class) ++ " , "
                                                   ++ (??Term) ++ " , [...] }"},
                                                  {unexpected_exception,
                                                   {X__EunitC, X__EunitT,
                                                    X__EunitS}}]});
                                      _ -> ok
                                  end;
                              _ -> ok
                          end
                  end
          end)())).

-define(assertNotException(Class, Term, Expr),
        ?EUNIT_NOT_EXCEPTION_(Class, Term, Expr, [])).
-define(assertNotException(Class, Term, Expr, Comment),
        ?EUNIT_NOT_EXCEPTION_(Class, Term, Expr, [{comment, (Comment)}])).

-endif. % NOASSERT

-define(assertError(Term, Expr), ?assertException(error, Term, Expr)).
-define(assertError(Term, Expr, Comment),
        ?assertException(error, Term, Expr, Comment)).
-define(assertExit(Term, Expr), ?assertException(exit, Term, Expr)).
-define(assertExit(Term, Expr, Comment),
        ?assertException(exit, Term, Expr, Comment)).
-define(assertThrow(Term, Expr), ?assertException(throw, Term, Expr)).
-define(assertThrow(Term, Expr, Comment),
        ?assertException(throw, Term, Expr, Comment)).

%% --- Assertions as test objects ------------------------------------------

-define(_assert(BoolExpr), ?_test(?assert(BoolExpr))).
-define(_assert(BoolExpr, Comment), ?_test(?assert(BoolExpr, Comment))).
-define(_assertNot(BoolExpr), ?_test(?assertNot(BoolExpr))).
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
-define(_assertError(Term, Expr), ?_test(?assertError(Term, Expr))).
-define(_assertError(Term, Expr, Comment),
        ?_test(?assertError(Term, Expr, Comment))).
-define(_assertExit(Term, Expr), ?_test(?assertExit(Term, Expr))).
-define(_assertExit(Term, Expr, Comment),
        ?_test(?assertExit(Term, Expr, Comment))).
-define(_assertThrow(Term, Expr), ?_test(?assertThrow(Term, Expr))).
-define(_assertThrow(Term, Expr, Comment),
        ?_test(?assertThrow(Term, Expr, Comment))).

%% --- Debugging -------------------------------------------------------------

-ifdef(NODEBUG).

-define(debugMsg(S), ok).
-define(debugHere, ok).
-define(debugFmt(S, As), ok).
-define(debugVal(E), (E)).
-define(debugVal(E, D), (E)).
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
        ((fun (X__EunitV) ->
                  ?debugFmt(<<"~ts = ~tP">>, [(??E), X__EunitV, D]),
                  X__EunitV
          end)(E))).
-define(debugVal(E), ?debugVal(E, ?EUNIT_DEBUG_VAL_DEPTH)).
-define(debugTime(S, E),
        ((fun () ->
                  {X__EunitT0, _} = statistics(wall_clock),
                  X__EunitV = (E),
                  {X__EunitT1, _} = statistics(wall_clock),
                  ?debugFmt(<<"~ts: ~.3f s">>, [(S), (X__EunitT1 - X__EunitT0) / 1000]),
                  X__EunitV
          end)())).

-endif. % NODEBUG

-endif. % EUNIT_HRL
