%% @doc Timing helpers (OTP's `timer'), the sequential part: measuring
%% calls and sleeping. The timer-server functions (`send_after/2,3',
%% `apply_after/4', `send_interval/2,3', `cancel/1') come with the runtime's
%% timer service (issue 4); until then calling them raises `undef'.
-module(timer).

%% Measuring
-export([tc/1, tc/2, tc/3]).
%% Waiting
-export([sleep/1]).
%% Time conversion
-export([seconds/1, minutes/1, hours/1, hms/3]).

-spec tc(Fun) -> {Time, Value} when
      Fun :: fun(() -> Value), Time :: integer(), Value :: term().
tc(F) ->
    T0 = erlang:monotonic_time(),
    V = F(),
    T1 = erlang:monotonic_time(),
    {erlang:convert_time_unit(T1 - T0, native, microsecond), V}.

-spec tc(Fun, Arguments) -> {Time, Value} when
      Fun :: function(), Arguments :: [term()], Time :: integer(), Value :: term().
tc(F, A) ->
    T0 = erlang:monotonic_time(),
    V = apply(F, A),
    T1 = erlang:monotonic_time(),
    {erlang:convert_time_unit(T1 - T0, native, microsecond), V}.

-spec tc(Module, Function, Arguments) -> {Time, Value} when
      Module :: module(), Function :: atom(), Arguments :: [term()],
      Time :: integer(), Value :: term().
tc(M, F, A) ->
    T0 = erlang:monotonic_time(),
    V = apply(M, F, A),
    T1 = erlang:monotonic_time(),
    {erlang:convert_time_unit(T1 - T0, native, microsecond), V}.

-spec sleep(Time) -> ok when Time :: timeout().
sleep(T) when is_integer(T), T >= 0; T =:= infinity ->
    receive
    after T -> ok
    end.

-spec seconds(Seconds) -> MilliSeconds when
      Seconds :: non_neg_integer(), MilliSeconds :: non_neg_integer().
seconds(S) -> 1000 * S.

-spec minutes(Minutes) -> MilliSeconds when
      Minutes :: non_neg_integer(), MilliSeconds :: non_neg_integer().
minutes(M) -> 60 * 1000 * M.

-spec hours(Hours) -> MilliSeconds when
      Hours :: non_neg_integer(), MilliSeconds :: non_neg_integer().
hours(H) -> 60 * 60 * 1000 * H.

-spec hms(Hours, Minutes, Seconds) -> MilliSeconds when
      Hours :: non_neg_integer(), Minutes :: non_neg_integer(),
      Seconds :: non_neg_integer(), MilliSeconds :: non_neg_integer().
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).
