%%% Preprocessor features, each visible in the dump: macros with and
%%% without arguments, overloading by arity, nesting, ??Arg, conditionals,
%%% includes, and the predefined macros. erlc accepts this file.
-module(preprocess).
-export([all/0, overloaded/0, strings/0, lines/0, conds/0, f/2]).

-include_lib("app/include/app.hrl").

-define(PI, 3.14159).
-define(TWICE(X), (X) + (X)).
-define(PAIR(A, B), {A, B}).
-define(PAIR(A), ?PAIR(A, A)).
-define(NOPARENS, noparens).
-define(S(E), ??E).
-define(NESTED(X), ?PAIR(?TWICE(X))).
-define(CALL(M, F), M:F()).
-define(EMPTY(), empty).

all() ->
    {?PI, ?TWICE(2), ?NESTED(1), ?CALL(erlang, self), ?EMPTY(), ?NOPARENS}.

overloaded() -> {?PAIR(a), ?PAIR(a, b)}.

strings() -> {?S(1 + foo(X, "s")), ?APP_VSN " suffix", ?MODULE_STRING ++ "!"}.

lines() ->
    [?LINE,
     ?APP_LOG(
        hello),
     ?FILE].

-ifdef(NOT_DEFINED).
conds() -> not_seen.
-else.
-ifndef(PI).
conds() -> not_seen_either.
-elif(?OTP_RELEASE >= 25 andalso defined(PI)).
conds() -> {?MACHINE, ?OTP_RELEASE}.
-else.
conds() -> old.
-endif.
-endif.

-undef(PI).
-ifdef(PI).
f(_, _) -> still_defined.
-else.
f([], X) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, X}.
-endif.
