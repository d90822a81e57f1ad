%% @doc Waiting for the answer to a request signal (OTP keeps the same
%% helpers in `erts_internal`): a built-in such as `process_info/2` about
%% another process sends the request and continues here, so the caller
%% waits in an ordinary `receive` and other processes keep running.
-module(ferl_signal).

%% Replies to request signals
-export([await_reply/1, is_alive/1]).

-spec await_reply(Ref) -> term() when Ref :: reference().
await_reply(Ref) ->
    receive
        {Ref, Reply} -> Reply
    end.

%% @doc `is_process_alive/1' about another process: a `process_info'
%% request, answered in order after the signals sent to it before.
-spec is_alive(Pid) -> boolean() when Pid :: pid().
is_alive(Pid) ->
    erlang:process_info(Pid, status) =/= undefined.
