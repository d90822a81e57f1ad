%% @doc The client side of the Erlang I/O protocol, for devices that are
%% processes (files opened with `file:open/2', or any I/O server): send a
%% request, wait for its reply or for the server's death. The natives of
%% `io' hand their output here when the device is a process, since a
%% native cannot wait for a reply.
-module(ferl_io).

-export([request/2, file_request/2, put_chars/2]).
%% The `user' server: the terminal as an I/O server process
-export([user/0, process_info/2]).

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

%% @doc The pid of the `user' I/O server, which answers requests with
%% the terminal ferl runs on; started the first time it is asked for.
-spec user() -> pid().
user() ->
    case whereis(user) of
        undefined ->
            Pid = spawn(fun user_loop/0),
            try register(user, Pid) of
                true -> Pid
            catch
                error:badarg ->
                    exit(Pid, kill),
                    user()
            end;
        Pid ->
            Pid
    end.

user_loop() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            From ! {io_reply, ReplyAs, io:request(user, Request)};
        _ ->
            ok
    end,
    user_loop().

%% @doc `erlang:process_info/2' once the `user' server exists, so that a
%% process whose group leader is the terminal can name it.
-spec process_info(Pid, Items) -> term() when Pid :: pid(), Items :: atom() | [atom()].
process_info(Pid, Items) ->
    _ = user(),
    erlang:process_info(Pid, Items).
