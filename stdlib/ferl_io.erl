%% @doc The client side of the Erlang I/O protocol, for devices that are
%% processes (files opened with `file:open/2', or any I/O server): send a
%% request, wait for its reply or for the server's death. The natives of
%% `io' hand their output here when the device is a process, since a
%% native cannot wait for a reply.
-module(ferl_io).

-export([request/2, file_request/2, put_chars/2]).

%% @doc Sends an I/O request and waits for the reply; `{error,
%% terminated}' if the server is gone, `{error, arguments}' for a name
%% that is not registered.
-spec request(Device, Request) -> term()
              when Device :: pid() | atom(), Request :: term().
request(Pid, Request) when is_pid(Pid) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {io_request, self(), Mref, Request},
    receive
        {io_reply, Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            Reply;
        {'DOWN', Mref, process, Pid, _} ->
            receive
                {io_reply, Mref, Reply} -> Reply
            after 0 ->
                {error, terminated}
            end
    end;
request(Name, Request) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> {error, arguments};
        Pid -> request(Pid, Request)
    end.

%% @doc Sends a `file' request (position, pread, close, ...) to a file's
%% I/O server and waits for the reply.
-spec file_request(Pid, Request) -> term()
              when Pid :: pid(), Request :: term().
file_request(Pid, Request) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {file_request, self(), Mref, Request},
    receive
        {file_reply, Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            Reply;
        {'DOWN', Mref, process, Pid, _} ->
            receive
                {file_reply, Mref, Reply} -> Reply
            after 0 ->
                {error, terminated}
            end
    end.

%% @doc Writes characters to an I/O server for `io:format/3' and
%% `io:put_chars/2': `ok', or the error OTP's io raises.
-spec put_chars(Device, Chars) -> ok
              when Device :: pid() | atom(), Chars :: unicode:chardata().
put_chars(Device, Chars) ->
    case request(Device, {put_chars, unicode, Chars}) of
        ok -> ok;
        {error, terminated} -> erlang:error(terminated);
        {error, {no_translation, _, _}} -> erlang:error(no_translation);
        {error, _} -> erlang:error(badarg);
        Other -> Other
    end.
