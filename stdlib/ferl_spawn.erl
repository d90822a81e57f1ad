%% @doc Entry point of processes spawned with `spawn(M, F, Args)` when
%% `M:F/length(Args)` is not (yet) known to exist: the call then happens
%% inside the new process, so an `undef` kills it and not its parent, as in
%% OTP.
-module(ferl_spawn).

%% Process entry
-export([apply/3]).

-spec apply(Module, Function, Args) -> term() when
      Module :: module(), Function :: atom(), Args :: [term()].
apply(M, F, A) ->
    erlang:apply(M, F, A).
