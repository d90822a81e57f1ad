%% @doc Comparison harness for the second batch of ferl stdlib modules
%% (string, sets, queue, ...): a renamed copy of a ferl module is run
%% against OTP 25's module on random arguments; results and exceptions
%% (class and reason) must be equal, after an optional normalization.
-module(stdlib2_prop).

%% Running comparisons.
-export([check/4, check/5, outcome/3, seed/0]).

%% Generators.
-export([oneof/1, int/2, list_of/1, list_of/2]).

%% @doc As `check/5' without normalization.
-spec check(Ref, New, Cases, N) -> non_neg_integer() when
      Ref :: module(),
      New :: module(),
      Cases :: [{atom(), fun(() -> [term()])}],
      N :: pos_integer().
check(Ref, New, Cases, N) -> check(Ref, New, Cases, N, fun(X) -> X end).

%% @doc Runs each `{Function, ArgsGen}' case `N' times, compares
%% `Norm(outcome)' of both modules, prints mismatches and returns the
%% number of failing cases. Functions listed in the process dictionary key
%% `known_gaps' (documented differences) are reported but not counted.
-spec check(Ref, New, Cases, N, Norm) -> non_neg_integer() when
      Ref :: module(),
      New :: module(),
      Cases :: [{atom(), fun(() -> [term()])}],
      N :: pos_integer(),
      Norm :: fun((term()) -> term()).
check(Ref, New, Cases, N, Norm) ->
    seed(),
    Bad0 = [F || {F, Gen} <- Cases, not check_case(Ref, New, F, Gen, N, Norm, 0)],
    Known = case get(known_gaps) of undefined -> []; K -> K end,
    Bad = [F || F <- Bad0, not lists:member(F, Known)],
    io:format("~p vs ~p: ~p cases, ~p failing ~p, known gaps ~p~n",
              [New, Ref, length(Cases), length(Bad), Bad, Bad0 -- Bad]),
    length(Bad).

check_case(_, _, _, _, 0, _, Shown) -> Shown =:= 0;
check_case(Ref, New, F, Gen, N, Norm, Shown) ->
    Args = Gen(),
    R1 = Norm(outcome(Ref, F, Args)),
    R2 = Norm(outcome(New, F, Args)),
    case R1 =:= R2 orelse (get(skip_ref_errors) =:= true andalso
                           element(1, R1) =/= ok) of
        true -> check_case(Ref, New, F, Gen, N - 1, Norm, Shown);
        false when Shown < 3 ->
            io:format("MISMATCH ~p:~p~n  args ~w~n  otp  ~w~n  ours ~w~n",
                      [New, F, Args, R1, R2]),
            check_case(Ref, New, F, Gen, N - 1, Norm, Shown + 1);
        false -> check_case(Ref, New, F, Gen, N - 1, Norm, Shown + 1)
    end.

%% @doc Seeds the random generator: from `$SEED' if set, else fixed.
-spec seed() -> term().
seed() ->
    S = case os:getenv("SEED") of
            false -> 7;
            V -> list_to_integer(V)
        end,
    rand:seed(exsss, {S, S + 1, S + 2}).

%% @doc `{ok, Value}' or `{Class, Reason}' of `apply(M, F, Args)'.
-spec outcome(M, F, Args) -> {ok | error | exit | throw, term()} when
      M :: module(),
      F :: atom(),
      Args :: [term()].
outcome(M, F, Args) ->
    try {ok, apply(M, F, Args)}
    catch C:R -> {C, R}
    end.

%% @doc A random element of `L'.
-spec oneof(L) -> term() when L :: [term(), ...].
oneof(L) -> lists:nth(rand:uniform(length(L)), L).

%% @doc A random integer in `Lo..Hi'.
-spec int(Lo, Hi) -> integer() when Lo :: integer(), Hi :: integer().
int(Lo, Hi) -> Lo + rand:uniform(Hi - Lo + 1) - 1.

%% @doc A list of up to 12 elements of `Gen'.
-spec list_of(Gen) -> list() when Gen :: fun(() -> term()).
list_of(Gen) -> list_of(12, Gen).

%% @doc A list of up to `Max' elements of `Gen'.
-spec list_of(Max, Gen) -> list() when
      Max :: non_neg_integer(), Gen :: fun(() -> term()).
list_of(Max, Gen) -> [Gen() || _ <- lists:seq(1, rand:uniform(Max + 1) - 1)].
