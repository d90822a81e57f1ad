%% @doc A tiny property-style comparison harness, used on OTP 25 to check
%% a renamed copy of a ferl stdlib module against OTP's own module.
%%
%% Each case is `{Function, ArgsGen}': `ArgsGen()' returns a random
%% argument list; both modules are applied to it and the outcomes
%% (`{ok, Value}' or `{Class, Reason}') must be identical (`=:=').
-module(prop).

%% Running comparisons.
-export([check/4, outcome/3]).

%% Random data generators.
-export([elem/0, list/0, list_of/1, maybe_bad/1, oneof/1, int/2,
         tuple_list/0, sorted/1, pred/0, pred2/0, order_fun/0]).

%% @doc Runs every case `N' times; prints mismatches; returns the number
%% of failing cases.
-spec check(Ref, New, Cases, N) -> non_neg_integer() when
      Ref :: module(),
      New :: module(),
      Cases :: [{atom(), fun(() -> [term()])}],
      N :: pos_integer().
check(Ref, New, Cases, N) ->
    rand:seed(exsss, {1, 2, 3}),
    Bad = [F || {F, Gen} <- Cases, not check_case(Ref, New, F, Gen, N)],
    io:format("~p vs ~p: ~p cases, ~p failing ~p~n",
              [New, Ref, length(Cases), length(Bad), Bad]),
    length(Bad).

check_case(Ref, New, F, Gen, N) ->
    check_case(Ref, New, F, Gen, N, 0).

check_case(_Ref, _New, _F, _Gen, 0, Shown) -> Shown =:= 0;
check_case(Ref, New, F, Gen, N, Shown) ->
    Args = Gen(),
    R1 = outcome(Ref, F, Args),
    R2 = outcome(New, F, Args),
    case R1 =:= R2 of
        true ->
            check_case(Ref, New, F, Gen, N - 1, Shown);
        false when Shown < 2 ->
            io:format("MISMATCH ~p:~p~n  args ~P~n  otp  ~P~n  ours ~P~n",
                      [New, F, Args, 12, R1, 12, R2, 12]),
            dump(F, Args),
            check_case(Ref, New, F, Gen, N - 1, Shown + 1);
        false ->
            check_case(Ref, New, F, Gen, N - 1, Shown + 1)
    end.

%% With PROP_DUMP=File set, appends the full arguments of a mismatch.
dump(F, Args) ->
    case os:getenv("PROP_DUMP") of
        false -> ok;
        File -> file:write_file(File, io_lib:format("~w.~n", [{F, Args}]),
                                [append])
    end.

%% @doc `{ok, Value}' or `{Class, Reason}' of `apply(M, F, Args)'.
-spec outcome(M, F, Args) -> {ok | error | exit | throw, term()} when
      M :: module(),
      F :: atom(),
      Args :: [term()].
outcome(M, F, Args) ->
    try {ok, apply(M, F, Args)}
    catch C:R -> {C, R}
    end.

%% @doc A random small term; numbers include equal integers and floats.
-spec elem() -> term().
elem() ->
    case rand:uniform(10) of
        1 -> float(rand:uniform(4));
        2 -> oneof([a, b, c]);
        3 -> {oneof([a, b]), rand:uniform(3)};
        4 -> [rand:uniform(3)];
        _ -> rand:uniform(5)
    end.

%% @doc A random proper list of `elem()'.
-spec list() -> [term()].
list() -> list_of(fun elem/0).

%% @doc A random proper list of up to 12 elements from `Gen'.
-spec list_of(Gen) -> [term()] when Gen :: fun(() -> term()).
list_of(Gen) -> [Gen() || _ <- lists:seq(1, rand:uniform(13) - 1)].

%% @doc Usually `L', sometimes an improper list or a non-list made from it.
-spec maybe_bad(L) -> term() when L :: [term()].
maybe_bad(L) ->
    case rand:uniform(12) of
        1 -> foo;
        2 -> L ++ bar;
        _ -> L
    end.

%% @doc A random element of `L'.
-spec oneof(L) -> term() when L :: [term(), ...].
oneof(L) -> lists:nth(rand:uniform(length(L)), L).

%% @doc A random integer in `Lo..Hi'.
-spec int(Lo, Hi) -> integer() when Lo :: integer(), Hi :: integer().
int(Lo, Hi) -> Lo + rand:uniform(Hi - Lo + 1) - 1.

%% @doc A random list of small tuples (keys that can compare equal).
-spec tuple_list() -> [term()].
tuple_list() ->
    list_of(fun() ->
                    case rand:uniform(20) of
                        1 -> notatuple;
                        2 -> {elem()};
                        _ -> {oneof([1, 2, 1.0, 3, a]), rand:uniform(9),
                              oneof([x, y])}
                    end
            end).

%% @doc `L' sorted with `Fun' (most of the time).
-spec sorted(L) -> [term()] when L :: [term()].
sorted(L) ->
    case rand:uniform(8) of
        1 -> L;
        _ -> lists:sort(L)
    end.

%% @doc A random predicate, sometimes bad (not a fun, not boolean).
-spec pred() -> term().
pred() ->
    oneof([fun(X) -> X > 2 end, fun erlang:is_integer/1,
           fun(X) -> is_atom(X) end, fun(X) -> X end, not_a_fun]).

%% @doc A random two-argument fun, sometimes bad.
-spec pred2() -> term().
pred2() ->
    oneof([fun(X, A) -> [X | A] end, fun(X, A) -> {X, A} end,
           fun(_, _) -> x end, not_a_fun]).

%% @doc A random ordering fun (sometimes not a fun).
-spec order_fun() -> term().
order_fun() ->
    oneof([fun(A, B) -> A =< B end, fun(A, B) -> A >= B end,
           fun(A, B) -> key(A) =< key(B) end, fun(A, B) -> A < B end,
           not_a_fun]).

key(X) when is_number(X) -> round(X) rem 2;
key(_) -> 0.
