%% @doc The process behind a file opened without `raw': it owns the open
%% handle, answers the I/O protocol (`{io_request, From, ReplyAs, Req}':
%% `put_chars', `get_line', `get_chars', `setopts', `getopts', `requests')
%% and `file' requests (`{file_request, From, Ref, Req}': position,
%% pread, pwrite, sync, datasync, truncate, close), and ends, closing the
%% file, when the process that opened it exits.
%%
%% Text goes through the file's encoding (`latin1' by default, or
%% `{encoding, utf8}'): characters that a latin-1 file cannot hold answer
%% `{error, {no_translation, unicode, latin1}}', as OTP's server does.
-module(file_io_server).

-export([start/3]).

-record(st, {handle :: reference(),
             owner :: reference(),
             binary = false :: boolean(),
             encoding = latin1 :: latin1 | utf8}).

%% @doc Opens `Name' with `Modes' for `Owner': `{ok, Pid}' or `{error, Posix}'.
-spec start(Owner, Name, Modes) -> {ok, pid()} | {error, term()}
              when Owner :: pid(), Name :: binary(), Modes :: [term()].
start(Owner, Name, Modes) ->
    case encoding(Modes) of
        error ->
            {error, badarg};
        {ok, Enc} ->
            Starter = self(),
            Pid = spawn(fun() -> init(Starter, Owner, Name, Modes, Enc) end),
            Mref = erlang:monitor(process, Pid),
            receive
                {Pid, Result} ->
                    erlang:demonitor(Mref, [flush]),
                    Result;
                {'DOWN', Mref, process, Pid, Reason} ->
                    {error, Reason}
            end
    end.

encoding(Modes) ->
    case lists:keyfind(encoding, 1, Modes) of
        false -> {ok, latin1};
        {encoding, latin1} -> {ok, latin1};
        {encoding, E} when E =:= utf8; E =:= unicode -> {ok, utf8};
        _ -> error
    end.

init(Starter, Owner, Name, Modes, Enc) ->
    case prim_file:open(Name, file:access(Modes)) of
        {ok, H} ->
            St = #st{handle = H,
                     owner = erlang:monitor(process, Owner),
                     binary = lists:member(binary, Modes),
                     encoding = Enc},
            Starter ! {self(), {ok, self()}},
            loop(St);
        Error ->
            Starter ! {self(), Error}
    end.

loop(#st{owner = Owner} = St) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, St1} = io_request(Req, St),
            From ! {io_reply, ReplyAs, Reply},
            loop(St1);
        {file_request, From, Ref, close} ->
            From ! {file_reply, Ref, prim_file:close(St#st.handle)};
        {file_request, From, Ref, Req} ->
            From ! {file_reply, Ref, file_request(Req, St)},
            loop(St);
        {'DOWN', Owner, process, _, _} ->
            prim_file:close(St#st.handle);
        _Other ->
            loop(St)
    end.

%%% I/O protocol

io_request({put_chars, Enc, Chars}, St) ->
    {put_chars(Enc, Chars, St), St};
io_request({put_chars, Enc, M, F, A}, St) ->
    {try put_chars(Enc, apply(M, F, A), St)
     catch _:_ -> {error, {put_chars, M, F, A}}
     end, St};
io_request({put_chars, Chars}, St) ->
    {put_chars(latin1, Chars, St), St};
io_request({get_line, Enc, _Prompt}, St) ->
    {get_line(Enc, St), St};
io_request({get_line, _Prompt}, St) ->
    {get_line(latin1, St), St};
io_request({get_chars, Enc, _Prompt, N}, St) when is_integer(N), N >= 0 ->
    {get_chars(Enc, N, St), St};
io_request({get_chars, _Prompt, N}, St) when is_integer(N), N >= 0 ->
    {get_chars(latin1, N, St), St};
io_request({setopts, Opts}, St) when is_list(Opts) ->
    setopts(Opts, St);
io_request(getopts, #st{binary = B, encoding = E} = St) ->
    {[{binary, B}, {encoding, E}], St};
io_request({requests, Reqs}, St) when is_list(Reqs) ->
    requests(Reqs, ok, St);
io_request(_Other, St) ->
    {{error, request}, St}.

requests([], Last, St) -> {Last, St};
requests([R | Rs], _Last, St) ->
    case io_request(R, St) of
        {{error, _} = E, St1} -> {E, St1};
        {Reply, St1} -> requests(Rs, Reply, St1)
    end.

setopts([], St) -> {ok, St};
setopts([binary | Os], St) -> setopts(Os, St#st{binary = true});
setopts([list | Os], St) -> setopts(Os, St#st{binary = false});
setopts([{binary, B} | Os], St) when is_boolean(B) -> setopts(Os, St#st{binary = B});
setopts([{encoding, E} | Os], St) ->
    case encoding([{encoding, E}]) of
        {ok, Enc} -> setopts(Os, St#st{encoding = Enc});
        error -> {{error, enotsup}, St}
    end;
setopts(_, St) -> {{error, enotsup}, St}.

%% Characters of the request's encoding to the file's bytes.
put_chars(Enc, Chars, #st{handle = H, encoding = FileEnc}) ->
    case to_bytes(Enc, Chars, FileEnc) of
        {ok, Bytes} -> prim_file:write(H, Bytes);
        Error -> Error
    end.

to_bytes(latin1, Chars, latin1) ->
    try {ok, iolist_to_binary(Chars)} catch _:_ -> {error, badarg} end;
to_bytes(In, Chars, Out) ->
    InEnc = case In of latin1 -> latin1; _ -> unicode end,
    OutEnc = case Out of latin1 -> latin1; _ -> utf8 end,
    try unicode:characters_to_binary(Chars, InEnc, OutEnc) of
        B when is_binary(B) -> {ok, B};
        _ when OutEnc =:= latin1 -> {error, {no_translation, unicode, latin1}};
        _ -> {error, badarg}
    catch
        _:_ -> {error, badarg}
    end.

get_line(Enc, #st{handle = H} = St) ->
    case prim_file:read_line(H) of
        {ok, Bytes} -> from_bytes(Bytes, Enc, St);
        Other -> Other
    end.

%% Reads N characters: N bytes of a latin-1 file, more of a UTF-8 one.
get_chars(_Enc, 0, #st{binary = B}) ->
    case B of true -> <<>>; false -> [] end;
get_chars(Enc, N, #st{handle = H, encoding = latin1} = St) ->
    case prim_file:read(H, N) of
        {ok, Bytes} -> from_bytes(Bytes, Enc, St);
        Other -> Other
    end;
get_chars(Enc, N, #st{handle = H} = St) ->
    case read_utf8(H, N, <<>>) of
        {ok, Bytes} -> from_bytes(Bytes, Enc, St);
        Other -> Other
    end.

read_utf8(H, N, Acc) ->
    Have = utf8_count(Acc),
    case Have >= N andalso complete(Acc) of
        true -> {ok, Acc};
        false ->
            Want = max(1, N - Have),
            case prim_file:read(H, Want) of
                {ok, More} -> read_utf8(H, N, <<Acc/binary, More/binary>>);
                eof when Acc =:= <<>> -> eof;
                eof -> {ok, Acc};
                Error -> Error
            end
    end.

utf8_count(B) -> length([C || <<C>> <= B, C band 16#C0 =/= 16#80]).

complete(B) ->
    case unicode:characters_to_list(B, utf8) of
        L when is_list(L) -> true;
        _ -> false
    end.

%% The file's bytes as data of the request's encoding, list or binary.
from_bytes(Bytes, Enc, #st{binary = Bin, encoding = FileEnc}) ->
    Chars = case FileEnc of
                latin1 -> binary_to_list(Bytes);
                utf8 -> unicode:characters_to_list(Bytes, utf8)
            end,
    case {is_list(Chars), Bin, Enc} of
        {false, _, _} -> {error, {no_translation, unicode, Enc}};
        {true, false, _} ->
            case Enc =:= latin1 andalso lists:any(fun(C) -> C > 255 end, Chars) of
                true -> {error, {no_translation, unicode, latin1}};
                false -> Chars
            end;
        {true, true, latin1} ->
            case lists:any(fun(C) -> C > 255 end, Chars) of
                true -> {error, {no_translation, unicode, latin1}};
                false -> list_to_binary(Chars)
            end;
        {true, true, _} ->
            unicode:characters_to_binary(Chars)
    end.

%%% File requests

file_request({position, At}, #st{handle = H}) ->
    case file:location(At) of
        {ok, L} -> prim_file:position(H, L);
        error -> {error, einval}
    end;
file_request({pread, At, N}, #st{handle = H} = St) when is_integer(N), N >= 0 ->
    case absolute(H, At) of
        {ok, Pos} ->
            case prim_file:pread(H, Pos, N) of
                {ok, Bytes} -> {ok, data(Bytes, St)};
                Other -> Other
            end;
        Error -> Error
    end;
file_request({pwrite, At, Bytes}, #st{handle = H}) ->
    case absolute(H, At) of
        {ok, Pos} ->
            try iolist_to_binary(Bytes) of
                B -> prim_file:pwrite(H, Pos, B)
            catch _:_ -> {error, badarg}
            end;
        Error -> Error
    end;
file_request(sync, #st{handle = H}) -> prim_file:sync(H);
file_request(datasync, #st{handle = H}) -> prim_file:datasync(H);
file_request(truncate, #st{handle = H}) -> prim_file:truncate(H);
file_request(_, _St) -> {error, badarg}.

data(Bytes, #st{binary = true}) -> Bytes;
data(Bytes, #st{binary = false}) -> binary_to_list(Bytes).

absolute(_H, N) when is_integer(N), N >= 0 -> {ok, N};
absolute(H, At) ->
    case file:location(At) of
        {ok, L} ->
            {ok, Here} = prim_file:position(H, {cur, 0}),
            R = prim_file:position(H, L),
            _ = prim_file:position(H, {bof, Here}),
            R;
        error -> {error, einval}
    end.
