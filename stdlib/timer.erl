%% @doc Timing helpers (OTP's `timer'): measuring calls, sleeping, and
%% timers. One-shot message timers are the runtime's own
%% (`erlang:send_after/3'); `apply_after/4' and the interval timers run in a
%% small process of their own, which `cancel/1' stops. Timer references are
%% `{once, Ref}' and `{interval, Pid}' (OTP's are opaque too).
-module(timer).

%% Measuring
-export([tc/1, tc/2, tc/3]).
%% Waiting
-export([sleep/1]).
%% Timers
-export([send_after/2, send_after/3, apply_after/4, send_interval/2,
         send_interval/3, cancel/1, exit_after/2, exit_after/3, kill_after/1,
         kill_after/2]).
%% Time conversion
-export([seconds/1, minutes/1, hours/1, hms/3, now_diff/2]).

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

-type tref() :: {once, reference()} | {interval, pid()}.

-spec send_after(Time, Message) -> {ok, TRef} when
      Time :: non_neg_integer(), Message :: term(), TRef :: tref().
send_after(T, Msg) -> send_after(T, self(), Msg).

-spec send_after(Time, Destination, Message) -> {ok, TRef} | {error, badarg} when
      Time :: non_neg_integer(), Destination :: pid() | atom(),
      Message :: term(), TRef :: tref().
send_after(T, Dest, Msg) when is_integer(T), T >= 0, (is_pid(Dest) orelse is_atom(Dest)) ->
    {ok, {once, erlang:send_after(T, Dest, Msg)}};
send_after(_, _, _) ->
    {error, badarg}.

-spec apply_after(Time, Module, Function, Arguments) -> {ok, TRef} | {error, badarg} when
      Time :: non_neg_integer(), Module :: module(), Function :: atom(),
      Arguments :: [term()], TRef :: tref().
apply_after(T, M, F, A) when is_integer(T), T >= 0, is_atom(M), is_atom(F), is_list(A) ->
    Pid = spawn(fun() -> receive cancel -> ok after T -> apply(M, F, A) end end),
    {ok, {interval, Pid}};
apply_after(_, _, _, _) ->
    {error, badarg}.

-spec send_interval(Time, Message) -> {ok, TRef} when
      Time :: non_neg_integer(), Message :: term(), TRef :: tref().
send_interval(T, Msg) -> send_interval(T, self(), Msg).

%% The interval runs in its own process until `cancel/1'.
-spec send_interval(Time, Destination, Message) -> {ok, TRef} | {error, badarg} when
      Time :: non_neg_integer(), Destination :: pid() | atom(),
      Message :: term(), TRef :: tref().
send_interval(T, Dest, Msg) when is_integer(T), T >= 0, (is_pid(Dest) orelse is_atom(Dest)) ->
    Pid = spawn(fun() -> interval_loop(T, Dest, Msg) end),
    {ok, {interval, Pid}};
send_interval(_, _, _) ->
    {error, badarg}.

interval_loop(T, Dest, Msg) ->
    receive
        cancel -> ok
    after T ->
            catch Dest ! Msg,
            interval_loop(T, Dest, Msg)
    end.

-spec cancel(TRef) -> {ok, cancel} | {error, badarg} when TRef :: tref().
cancel({once, Ref}) when is_reference(Ref) ->
    _ = erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({interval, Pid}) when is_pid(Pid) ->
    Pid ! cancel,
    {ok, cancel};
cancel(_) ->
    {error, badarg}.

-spec exit_after(Time, Reason) -> {ok, TRef} when
      Time :: non_neg_integer(), Reason :: term(), TRef :: tref().
exit_after(T, Reason) -> exit_after(T, self(), Reason).

-spec exit_after(Time, Target, Reason) -> {ok, TRef} when
      Time :: non_neg_integer(), Target :: pid(), Reason :: term(), TRef :: tref().
exit_after(T, Pid, Reason) -> apply_after(T, erlang, exit, [Pid, Reason]).

-spec kill_after(Time) -> {ok, TRef} when Time :: non_neg_integer(), TRef :: tref().
kill_after(T) -> exit_after(T, self(), kill).

-spec kill_after(Time, Target) -> {ok, TRef} when
      Time :: non_neg_integer(), Target :: pid(), TRef :: tref().
kill_after(T, Pid) -> exit_after(T, Pid, kill).

%% @doc The difference T2 - T1 in microseconds of two erlang:now/0 style
%% timestamps `{MegaSecs, Secs, MicroSecs}'.
-spec now_diff(T2, T1) -> Tdiff when
      T1 :: erlang:timestamp(), T2 :: erlang:timestamp(), Tdiff :: integer().
now_diff({A2, B2, C2}, {A1, B1, C1}) ->
    ((A2 - A1) * 1000000 + B2 - B1) * 1000000 + C2 - C1.
