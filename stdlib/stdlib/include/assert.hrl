%% @doc Assertion macros for ferl, compatible with OTP 25's
%% `stdlib/include/assert.hrl' (included as
%% `-include_lib("stdlib/include/assert.hrl").', and by eunit.hrl).
%%
%% `?assert', `?assertNot', `?assertMatch', `?assertNotMatch',
%% `?assertEqual', `?assertNotEqual', `?assertException',
%% `?assertNotException', `?assertError', `?assertExit' and
%% `?assertThrow', each also with a trailing `Comment' argument. A
%% passing assertion is `ok'; a failing one raises
%% `erlang:error({Tag, Info})' with OTP's tag and `Info' list (module,
%% line, comment when given, the expression as text, then what was
%% expected and found). `?assertNot' fails with the tag `assert', as in
%% OTP.
%%
%% Every macro is `ok' when `NOASSERT' is defined; `NODEBUG' without
%% `DEBUG' implies `NOASSERT'; `ASSERT' overrides both. The header is
%% read once (`ASSERT_HRL'), so eunit.hrl included after it keeps these
%% definitions.
%%
%% Each assertion runs in a fun called at once: variables bound by a
%% pattern (`?assertMatch({ok, X}, E)') stay inside it, and variables
%% named `X__Eunit...' are reserved.

-ifndef(ASSERT_HRL).
-define(ASSERT_HRL, true).

-ifdef(NODEBUG).
-ifndef(DEBUG).
-ifndef(NOASSERT).
-define(NOASSERT, true).
-endif.
-endif.
-endif.

-ifdef(ASSERT).
-undef(NOASSERT).
-endif.

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

%% `Extra' is `[]' or `[{comment, Comment}]', which OTP places after the
%% line. A value that is not the expected boolean is reported as
%% `{value, V}' if it is the other boolean, else `{not_boolean, V}'.
-define(ASSERT_BOOL_(BoolExpr, Expected, Extra),
        begin
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
              end)())
        end).

-define(assert(BoolExpr), ?ASSERT_BOOL_(BoolExpr, true, [])).
-define(assert(BoolExpr, Comment),
        ?ASSERT_BOOL_(BoolExpr, true, [{comment, (Comment)}])).
-define(assertNot(BoolExpr), ?ASSERT_BOOL_(BoolExpr, false, [])).
-define(assertNot(BoolExpr, Comment),
        ?ASSERT_BOOL_(BoolExpr, false, [{comment, (Comment)}])).

-define(ASSERT_MATCH_(Guard, Expr, Extra),
        begin
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
              end)())
        end).

-define(assertMatch(Guard, Expr), ?ASSERT_MATCH_(Guard, Expr, [])).
-define(assertMatch(Guard, Expr, Comment),
        ?ASSERT_MATCH_(Guard, Expr, [{comment, (Comment)}])).

%% The value is bound first, so that the pattern's variables cannot
%% refer to the expression's.
-define(ASSERT_NOT_MATCH_(Guard, Expr, Extra),
        begin
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
              end)())
        end).

-define(assertNotMatch(Guard, Expr), ?ASSERT_NOT_MATCH_(Guard, Expr, [])).
-define(assertNotMatch(Guard, Expr, Comment),
        ?ASSERT_NOT_MATCH_(Guard, Expr, [{comment, (Comment)}])).

-define(ASSERT_EQUAL_(Expect, Expr, Extra),
        begin
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
              end)())
        end).

-define(assertEqual(Expect, Expr), ?ASSERT_EQUAL_(Expect, Expr, [])).
-define(assertEqual(Expect, Expr, Comment),
        ?ASSERT_EQUAL_(Expect, Expr, [{comment, (Comment)}])).

-define(ASSERT_NOT_EQUAL_(Unexpected, Expr, Extra),
        begin
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
              end)())
        end).

-define(assertNotEqual(Unexpected, Expr),
        ?ASSERT_NOT_EQUAL_(Unexpected, Expr, [])).
-define(assertNotEqual(Unexpected, Expr, Comment),
        ?ASSERT_NOT_EQUAL_(Unexpected, Expr, [{comment, (Comment)}])).

%% The pattern is shown as "{ Class , Term , [...] }", as in OTP.
-define(ASSERT_EXCEPTION_(Class, Term, Expr, Extra),
        begin
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
              end)())
        end).

-define(assertException(Class, Term, Expr),
        ?ASSERT_EXCEPTION_(Class, Term, Expr, [])).
-define(assertException(Class, Term, Expr, Comment),
        ?ASSERT_EXCEPTION_(Class, Term, Expr, [{comment, (Comment)}])).

%% Class and Term are matched separately (not as `Class:Term'), so that
%% they may be patterns with variables bound elsewhere.
-define(ASSERT_NOT_EXCEPTION_(Class, Term, Expr, Extra),
        begin
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
                                                       "{ " ++ (??Class)
                                                       ++ " , " ++ (??Term)
                                                       ++ " , [...] }"},
                                                      {unexpected_exception,
                                                       {X__EunitC, X__EunitT,
                                                        X__EunitS}}]});
                                          _ -> ok
                                      end;
                                  _ -> ok
                              end
                      end
              end)())
        end).

-define(assertNotException(Class, Term, Expr),
        ?ASSERT_NOT_EXCEPTION_(Class, Term, Expr, [])).
-define(assertNotException(Class, Term, Expr, Comment),
        ?ASSERT_NOT_EXCEPTION_(Class, Term, Expr, [{comment, (Comment)}])).

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

-endif. % ASSERT_HRL
