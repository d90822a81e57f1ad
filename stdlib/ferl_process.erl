%% @doc ferl's process primitives that OTP keeps inside its emulator:
%% waiting for a message without taking it, and where a hibernated process
%% wakes up.
-module(ferl_process).

-export([wait_message/0, hibernated/3]).

%% @doc Returns once a message (or signal) has arrived that the process has
%% not taken in yet. A native: `runtime/src/bif/process.rs'.
-spec wait_message() -> ok.
wait_message() ->
    erlang:nif_error(undef).

%% @private Where `erlang:hibernate/3' continues, on an empty stack: wait
%% for a message unless one is queued already, then call `M:F(A)'.
-spec hibernated(module(), atom(), [term()]) -> term().
hibernated(M, F, A) ->
    case erlang:process_info(self(), message_queue_len) of
        {message_queue_len, 0} -> ferl_process:wait_message();
        _ -> ok
    end,
    apply(M, F, A).
