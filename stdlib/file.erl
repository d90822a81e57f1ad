%% @doc The file system interface, as OTP 25's `file': whole-file reads
%% and writes, open files (I/O server processes, or raw descriptors with
%% the `raw' mode), file information, directories and links, and reading
%% Erlang terms and scripts from files.
%%
%% The system calls are natives of module `prim_file'
%% (`runtime/src/bif/file.rs'), which take names as UTF-8 binaries; this
%% module checks and flattens names (`{error, badarg}' for a bad one, as
%% OTP), turns results back into the caller's kind of name, and builds
%% `#file_info{}' records. A file opened without `raw' is served by a
%% `file_io_server' process that speaks the I/O protocol, so `io:format/3'
%% and `io:get_line/2' work on it. Modes ferl does not support
%% (`compressed', `ram') answer `{error, enotsup}'.
-module(file).

-include_lib("kernel/include/file.hrl").

%% Whole files
-export([read_file/1, write_file/2, write_file/3, copy/2, copy/3]).
%% Open files
-export([open/2, close/1, read/2, read_line/1, write/2, position/2,
         pread/2, pread/3, pwrite/2, pwrite/3, sync/1, datasync/1,
         truncate/1, advise/4, allocate/3]).
%% Information
-export([read_file_info/1, read_file_info/2, read_link_info/1,
         read_link_info/2, write_file_info/2, write_file_info/3,
         change_mode/2, change_time/2, change_time/3]).
%% Directories, names and links
-export([list_dir/1, list_dir_all/1, make_dir/1, del_dir/1, del_dir_r/1,
         delete/1, delete/2, rename/2, read_link/1, read_link_all/1,
         make_symlink/2, make_link/2, get_cwd/0, get_cwd/1, set_cwd/1,
         native_name_encoding/0]).
%% Terms and scripts
-export([consult/1, path_consult/2, script/1, script/2, path_script/2,
         path_script/3, eval/1, eval/2, path_eval/2, path_open/3]).
%% Errors
-export([format_error/1]).
%% For file_io_server
-export([access/1, location/1]).

-export_type([filename/0, filename_all/0, name/0, name_all/0, io_device/0,
              fd/0, mode/0, location/0, posix/0, date_time/0, file_info/0]).

-type filename() :: string().
-type filename_all() :: string() | binary().
-type name() :: string() | atom() | deep_list().
-type name_all() :: string() | atom() | deep_list() | binary().
-type deep_list() :: [char() | atom() | deep_list()].
-type fd() :: #file_descriptor{}.
-type io_device() :: pid() | fd().
-type mode() :: read | write | append | exclusive | raw | binary
              | {encoding, atom()} | read_ahead | {read_ahead, pos_integer()}
              | delayed_write | sync | atom() | tuple().
-type location() :: integer() | {bof | cur | eof, integer()}
                  | bof | cur | eof.
-type posix() :: atom().
-type date_time() :: calendar:datetime().
-type file_info() :: #file_info{}.

%% Seconds from year 0 to 1970, to convert POSIX times to datetimes.
-define(EPOCH, 62167219200).

%%% ===================================================================
%%% Names
%%% ===================================================================

%% A name as the binary the natives take, or error.
name(N) when is_binary(N) -> checked(N);
name(N) when is_atom(N) -> checked(atom_to_binary(N, utf8));
name(N) when is_list(N) ->
    try unicode:characters_to_binary(filename:flatten(N)) of
        B when is_binary(B) -> checked(B);
        _ -> error
    catch
        _:_ -> error
    end;
name(_) -> error.

checked(B) ->
    case binary:match(B, <<0>>) of
        nomatch -> {ok, B};
        _ -> error
    end.

%% Runs Fun on the name's binary; `{error, badarg}' for a bad name.
with_name(N, Fun) ->
    case name(N) of
        {ok, B} -> Fun(B);
        error -> {error, badarg}
    end.

%% A name the natives gave, in the kind (binary or chars) the caller used.
out_name(Orig, B) when is_binary(Orig) -> B;
out_name(_, B) ->
    case unicode:characters_to_list(B) of
        L when is_list(L) -> L;
        _ -> B
    end.

%% @doc The encoding of file names: always UTF-8 in ferl.
-spec native_name_encoding() -> utf8.
native_name_encoding() -> utf8.

%%% ===================================================================
%%% Whole files
%%% ===================================================================

%% @doc Reads a whole file into a binary.
-spec read_file(Filename) -> {ok, binary()} | {error, posix() | badarg}
              when Filename :: name_all().
read_file(Name) ->
    with_name(Name, fun prim_file:read_file/1).

%% @doc Writes iodata to a file, replacing it.
-spec write_file(Filename, Bytes) -> ok | {error, posix() | badarg}
              when Filename :: name_all(), Bytes :: iodata().
write_file(Name, Bytes) ->
    write_file(Name, Bytes, []).

%% @doc Writes iodata to a file opened with `Modes' (`append',
%% `exclusive', ...).
-spec write_file(Filename, Bytes, Modes) -> ok | {error, posix() | badarg}
              when Filename :: name_all(), Bytes :: iodata(),
                   Modes :: [mode()].
write_file(Name, Bytes, Modes) when is_list(Modes) ->
    case iodata(Bytes) of
        {ok, Bin} ->
            Access = case [M || M <- Modes, M =:= append orelse M =:= exclusive] of
                         [] -> [write];
                         Ms -> Ms
                     end,
            with_name(Name, fun(B) -> write_all(B, Access, Bin) end);
        error ->
            {error, badarg}
    end;
write_file(_, _, _) ->
    {error, badarg}.

write_all(Name, Access, Bin) ->
    case prim_file:open(Name, Access) of
        {ok, H} ->
            R = prim_file:write(H, Bin),
            _ = prim_file:close(H),
            R;
        Error ->
            Error
    end.

iodata(B) when is_binary(B) -> {ok, B};
iodata(L) ->
    try {ok, iolist_to_binary(L)} catch _:_ -> error end.

%% @doc Copies a whole file (or device) to another.
-spec copy(Source, Destination) -> {ok, non_neg_integer()} | {error, term()}
              when Source :: io_device() | name_all() | {name_all(), [mode()]},
                   Destination :: io_device() | name_all() | {name_all(), [mode()]}.
copy(Source, Destination) ->
    copy(Source, Destination, infinity).

%% @doc Copies at most `ByteCount' bytes from `Source' to `Destination'.
-spec copy(Source, Destination, ByteCount) -> {ok, non_neg_integer()} | {error, term()}
              when Source :: io_device() | name_all() | {name_all(), [mode()]},
                   Destination :: io_device() | name_all() | {name_all(), [mode()]},
                   ByteCount :: non_neg_integer() | infinity.
copy(Source, Destination, ByteCount) ->
    case copy_open(Source, [read, binary]) of
        {ok, In, CloseIn} ->
            Result = case copy_open(Destination, [write, binary]) of
                         {ok, Out, CloseOut} ->
                             R = copy_loop(In, Out, ByteCount, 0),
                             CloseOut(),
                             R;
                         Error ->
                             Error
                     end,
            CloseIn(),
            Result;
        Error ->
            Error
    end.

copy_open(Dev, _Modes) when is_pid(Dev); is_record(Dev, file_descriptor) ->
    {ok, Dev, fun() -> ok end};
copy_open({Name, Modes}, Default) when is_list(Modes) ->
    copy_open_name(Name, Default ++ Modes);
copy_open(Name, Default) ->
    copy_open_name(Name, Default).

copy_open_name(Name, Modes) ->
    case open(Name, [raw | Modes]) of
        {ok, Fd} -> {ok, Fd, fun() -> close(Fd) end};
        Error -> Error
    end.

copy_loop(_In, _Out, 0, N) -> {ok, N};
copy_loop(In, Out, Left, N) ->
    Chunk = case Left of infinity -> 65536; _ -> min(Left, 65536) end,
    case read(In, Chunk) of
        {ok, Data} ->
            case write(Out, Data) of
                ok ->
                    Size = iolist_size(Data),
                    Left1 = case Left of infinity -> infinity; _ -> Left - Size end,
                    copy_loop(In, Out, Left1, N + Size);
                Error ->
                    Error
            end;
        eof -> {ok, N};
        Error -> Error
    end.

%%% ===================================================================
%%% Open files
%%% ===================================================================

%% @doc Opens a file: an I/O server process, or with `raw' a descriptor
%% for the calling process only.
-spec open(File, Modes) -> {ok, io_device()} | {error, posix() | badarg}
              when File :: name_all(), Modes :: [mode()].
open(File, Modes) when is_list(Modes) ->
    case name(File) of
        error ->
            {error, badarg};
        {ok, Name} ->
            case unsupported(Modes) of
                true -> {error, enotsup};
                false ->
                    case lists:member(raw, Modes) of
                        true -> open_raw(Name, Modes);
                        false -> file_io_server:start(self(), Name, Modes)
                    end
            end
    end;
open(_, _) ->
    {error, badarg}.

unsupported(Modes) ->
    lists:member(compressed, Modes) orelse lists:member(ram, Modes)
        orelse lists:member(compressed_one, Modes).

open_raw(Name, Modes) ->
    case prim_file:open(Name, access(Modes)) of
        {ok, H} ->
            {ok, #file_descriptor{module = prim_file,
                                  data = #{handle => H,
                                           binary => lists:member(binary, Modes)}}};
        Error ->
            Error
    end.

%% @private The access modes of `Modes', as the natives take them.
-spec access([mode()]) -> [read | write | append | exclusive].
access(Modes) ->
    [M || M <- Modes, M =:= read orelse M =:= write orelse M =:= append
                          orelse M =:= exclusive].

%% @doc Closes an open file.
-spec close(IoDevice) -> ok | {error, term()} when IoDevice :: io_device().
close(#file_descriptor{module = prim_file, data = #{handle := H}}) ->
    prim_file:close(H);
close(Pid) when is_pid(Pid) ->
    case file_request(Pid, close) of
        {error, terminated} -> ok;
        R -> R
    end;
close(_) ->
    {error, badarg}.

%% @doc Reads `Number' bytes (or characters, on a file with an encoding).
-spec read(IoDevice, Number) -> {ok, string() | binary()} | eof | {error, term()}
              when IoDevice :: io_device() | atom(), Number :: non_neg_integer().
read(#file_descriptor{module = prim_file, data = #{handle := H, binary := Bin}}, N)
  when is_integer(N), N >= 0 ->
    raw_data(prim_file:read(H, N), Bin);
read(Dev, N) when (is_pid(Dev) orelse is_atom(Dev)), is_integer(N), N >= 0 ->
    case ferl_io:request(Dev, {get_chars, latin1, '', N}) of
        Data when is_list(Data); is_binary(Data) -> {ok, Data};
        Other -> Other
    end;
read(_, _) ->
    {error, badarg}.

%% @doc Reads a line, with its newline.
-spec read_line(IoDevice) -> {ok, string() | binary()} | eof | {error, term()}
              when IoDevice :: io_device() | atom().
read_line(#file_descriptor{module = prim_file, data = #{handle := H, binary := Bin}}) ->
    raw_data(prim_file:read_line(H), Bin);
read_line(Dev) when is_pid(Dev); is_atom(Dev) ->
    case ferl_io:request(Dev, {get_line, latin1, ''}) of
        Data when is_list(Data); is_binary(Data) -> {ok, Data};
        Other -> Other
    end;
read_line(_) ->
    {error, badarg}.

raw_data({ok, B}, true) -> {ok, B};
raw_data({ok, B}, false) -> {ok, binary_to_list(B)};
raw_data(Other, _) -> Other.

%% @doc Writes iodata to an open file.
-spec write(IoDevice, Bytes) -> ok | {error, term()}
              when IoDevice :: io_device() | atom(), Bytes :: iodata().
write(#file_descriptor{module = prim_file, data = #{handle := H}}, Bytes) ->
    case iodata(Bytes) of
        {ok, B} -> prim_file:write(H, B);
        error -> {error, badarg}
    end;
write(Dev, Bytes) when is_pid(Dev); is_atom(Dev) ->
    ferl_io:request(Dev, {put_chars, latin1, Bytes});
write(_, _) ->
    {error, badarg}.

%% @doc Moves the position of an open file; returns the new position.
-spec position(IoDevice, Location) -> {ok, non_neg_integer()} | {error, term()}
              when IoDevice :: io_device(), Location :: location().
position(#file_descriptor{module = prim_file, data = #{handle := H}}, At) ->
    case location(At) of
        {ok, L} -> prim_file:position(H, L);
        error -> {error, einval}
    end;
position(Pid, At) when is_pid(Pid) ->
    file_request(Pid, {position, At});
position(_, _) ->
    {error, badarg}.

%% @private A location as the natives take it: `{bof | cur | eof, Offset}'.
-spec location(location()) -> {ok, {bof | cur | eof, integer()}} | error.
location(N) when is_integer(N) -> {ok, {bof, N}};
location(W) when W =:= bof; W =:= cur; W =:= eof -> {ok, {W, 0}};
location({W, N} = L) when (W =:= bof orelse W =:= cur orelse W =:= eof),
                         is_integer(N) -> {ok, L};
location(_) -> error.

%% @doc Reads at several positions: `{ok, [Data | eof]}'.
-spec pread(IoDevice, LocNums) -> {ok, [string() | binary() | eof]} | {error, term()}
              when IoDevice :: io_device(),
                   LocNums :: [{location(), non_neg_integer()}].
pread(Dev, LocNums) when is_list(LocNums) ->
    pread_all(Dev, LocNums, []);
pread(_, _) ->
    {error, badarg}.

pread_all(_Dev, [], Acc) -> {ok, lists:reverse(Acc)};
pread_all(Dev, [{At, N} | Rest], Acc) ->
    case pread(Dev, At, N) of
        {ok, Data} -> pread_all(Dev, Rest, [Data | Acc]);
        eof -> pread_all(Dev, Rest, [eof | Acc]);
        Error -> Error
    end;
pread_all(_, _, _) -> {error, badarg}.

%% @doc Reads `Number' bytes at `Location', leaving the position as it was.
-spec pread(IoDevice, Location, Number) -> {ok, string() | binary()} | eof | {error, term()}
              when IoDevice :: io_device(), Location :: location(),
                   Number :: non_neg_integer().
pread(#file_descriptor{module = prim_file, data = #{handle := H, binary := Bin}} = Fd,
      At, N) when is_integer(N), N >= 0 ->
    case absolute(Fd, At) of
        {ok, Pos} -> raw_data(prim_file:pread(H, Pos, N), Bin);
        Error -> Error
    end;
pread(Pid, At, N) when is_pid(Pid) ->
    file_request(Pid, {pread, At, N});
pread(_, _, _) ->
    {error, badarg}.

%% @doc Writes at several positions.
-spec pwrite(IoDevice, LocBytes) -> ok | {error, {non_neg_integer(), term()}}
              when IoDevice :: io_device(), LocBytes :: [{location(), iodata()}].
pwrite(Dev, LocBytes) when is_list(LocBytes) ->
    pwrite_all(Dev, LocBytes, 0);
pwrite(_, _) ->
    {error, badarg}.

pwrite_all(_Dev, [], _N) -> ok;
pwrite_all(Dev, [{At, Bytes} | Rest], N) ->
    case pwrite(Dev, At, Bytes) of
        ok -> pwrite_all(Dev, Rest, N + 1);
        {error, R} -> {error, {N, R}}
    end;
pwrite_all(_, _, _) -> {error, badarg}.

%% @doc Writes at `Location', leaving the position as it was.
-spec pwrite(IoDevice, Location, Bytes) -> ok | {error, term()}
              when IoDevice :: io_device(), Location :: location(),
                   Bytes :: iodata().
pwrite(#file_descriptor{module = prim_file, data = #{handle := H}} = Fd, At, Bytes) ->
    case {absolute(Fd, At), iodata(Bytes)} of
        {{ok, Pos}, {ok, B}} -> prim_file:pwrite(H, Pos, B);
        {{error, _} = E, _} -> E;
        {_, error} -> {error, badarg}
    end;
pwrite(Pid, At, Bytes) when is_pid(Pid) ->
    file_request(Pid, {pwrite, At, Bytes});
pwrite(_, _, _) ->
    {error, badarg}.

%% @private The absolute position of a location in a raw file, keeping the
%% current position.
-spec absolute(fd(), location()) -> {ok, non_neg_integer()} | {error, term()}.
absolute(_Fd, N) when is_integer(N), N >= 0 -> {ok, N};
absolute(#file_descriptor{data = #{handle := H}}, At) ->
    case location(At) of
        {ok, L} ->
            {ok, Here} = prim_file:position(H, {cur, 0}),
            R = prim_file:position(H, L),
            _ = prim_file:position(H, {bof, Here}),
            R;
        error ->
            {error, einval}
    end.

%% @doc Flushes a file's data and metadata to the device.
-spec sync(IoDevice) -> ok | {error, term()} when IoDevice :: io_device().
sync(#file_descriptor{module = prim_file, data = #{handle := H}}) -> prim_file:sync(H);
sync(Pid) when is_pid(Pid) -> file_request(Pid, sync);
sync(_) -> {error, badarg}.

%% @doc Flushes a file's data (not all metadata) to the device.
-spec datasync(IoDevice) -> ok | {error, term()} when IoDevice :: io_device().
datasync(#file_descriptor{module = prim_file, data = #{handle := H}}) -> prim_file:datasync(H);
datasync(Pid) when is_pid(Pid) -> file_request(Pid, datasync);
datasync(_) -> {error, badarg}.

%% @doc Truncates a file at its current position.
-spec truncate(IoDevice) -> ok | {error, term()} when IoDevice :: io_device().
truncate(#file_descriptor{module = prim_file, data = #{handle := H}}) -> prim_file:truncate(H);
truncate(Pid) when is_pid(Pid) -> file_request(Pid, truncate);
truncate(_) -> {error, badarg}.

%% @doc Access pattern advice: accepted and ignored, as the OS may.
-spec advise(IoDevice, Offset, Length, Advise) -> ok | {error, term()}
              when IoDevice :: io_device(), Offset :: integer(),
                   Length :: integer(), Advise :: atom().
advise(_Dev, Offset, Length, Advise)
  when is_integer(Offset), is_integer(Length), is_atom(Advise) -> ok;
advise(_, _, _, _) -> {error, badarg}.

%% @doc Preallocation: not supported.
-spec allocate(IoDevice, Offset, Length) -> {error, enotsup}
              when IoDevice :: io_device(), Offset :: integer(),
                   Length :: integer().
allocate(_Dev, _Offset, _Length) -> {error, enotsup}.

file_request(Pid, Request) ->
    ferl_io:file_request(Pid, Request).

%%% ===================================================================
%%% Information
%%% ===================================================================

%% @doc The information of a file, following links; times in local time.
-spec read_file_info(File) -> {ok, file_info()} | {error, posix() | badarg}
              when File :: name_all() | io_device().
read_file_info(File) -> read_file_info(File, []).

%% @doc As `read_file_info/1', with `{time, local | universal | posix}'.
-spec read_file_info(File, Opts) -> {ok, file_info()} | {error, posix() | badarg}
              when File :: name_all() | io_device(), Opts :: [term()].
read_file_info(File, Opts) -> info(File, Opts, true).

%% @doc The information of a file, not following a final link.
-spec read_link_info(File) -> {ok, file_info()} | {error, posix() | badarg}
              when File :: name_all().
read_link_info(File) -> read_link_info(File, []).

%% @doc As `read_link_info/1', with `{time, local | universal | posix}'.
-spec read_link_info(File, Opts) -> {ok, file_info()} | {error, posix() | badarg}
              when File :: name_all(), Opts :: [term()].
read_link_info(File, Opts) -> info(File, Opts, false).

info(File, Opts, Follow) when is_list(Opts) ->
    case time_type(Opts) of
        error -> {error, badarg};
        {ok, T} ->
            with_name(File, fun(B) ->
                case prim_file:read_info(B, Follow) of
                    {ok, {Size, Type, Access, A, M, C, Mode, Links, Major,
                          Minor, Inode, Uid, Gid}} ->
                        {ok, #file_info{size = Size, type = Type,
                                        access = Access,
                                        atime = from_posix(A, T),
                                        mtime = from_posix(M, T),
                                        ctime = from_posix(C, T),
                                        mode = Mode, links = Links,
                                        major_device = Major,
                                        minor_device = Minor,
                                        inode = Inode, uid = Uid, gid = Gid}};
                    Error ->
                        Error
                end
            end)
    end;
info(_, _, _) ->
    {error, badarg}.

time_type(Opts) ->
    case lists:keyfind(time, 1, Opts) of
        false -> {ok, local};
        {time, T} when T =:= local; T =:= universal; T =:= posix -> {ok, T};
        _ -> error
    end.

from_posix(S, posix) -> S;
from_posix(S, universal) -> calendar:gregorian_seconds_to_datetime(S + ?EPOCH);
from_posix(S, local) ->
    erlang:universaltime_to_localtime(from_posix(S, universal)).

to_posix(S, _) when is_integer(S) -> S;
to_posix(DT, universal) -> calendar:datetime_to_gregorian_seconds(DT) - ?EPOCH;
to_posix(DT, _) ->
    to_posix(erlang:localtime_to_universaltime(DT), universal).

%% @doc Changes a file's mode and times from a `#file_info{}'.
-spec write_file_info(File, Info) -> ok | {error, posix() | badarg}
              when File :: name_all(), Info :: file_info().
write_file_info(File, Info) -> write_file_info(File, Info, []).

%% @doc As `write_file_info/2', times read as `{time, T}' says.
-spec write_file_info(File, Info, Opts) -> ok | {error, posix() | badarg}
              when File :: name_all(), Info :: file_info(), Opts :: [term()].
write_file_info(File, #file_info{} = Info, Opts) when is_list(Opts) ->
    case time_type(Opts) of
        error -> {error, badarg};
        {ok, T} -> with_name(File, fun(B) -> write_info(B, Info, T) end)
    end;
write_file_info(_, _, _) ->
    {error, badarg}.

write_info(B, #file_info{mode = Mode, atime = A, mtime = M}, T) ->
    R1 = case Mode of
             undefined -> ok;
             _ when is_integer(Mode) -> prim_file:set_mode(B, Mode);
             _ -> {error, badarg}
         end,
    case {R1, A, M} of
        {ok, undefined, undefined} -> ok;
        {ok, _, _} ->
            case prim_file:read_info(B, true) of
                {ok, Old} ->
                    At = case A of undefined -> element(4, Old); _ -> to_posix(A, T) end,
                    Mt = case M of undefined -> element(5, Old); _ -> to_posix(M, T) end,
                    prim_file:set_times(B, At, Mt);
                Error ->
                    Error
            end;
        {Error, _, _} ->
            Error
    end.

%% @doc Changes a file's permission bits.
-spec change_mode(File, Mode) -> ok | {error, posix() | badarg}
              when File :: name_all(), Mode :: integer().
change_mode(File, Mode) when is_integer(Mode) ->
    write_file_info(File, #file_info{mode = Mode});
change_mode(_, _) ->
    {error, badarg}.

%% @doc Changes a file's modification and access times.
-spec change_time(File, Mtime) -> ok | {error, posix() | badarg}
              when File :: name_all(), Mtime :: date_time().
change_time(File, Mtime) ->
    write_file_info(File, #file_info{mtime = Mtime, atime = Mtime}).

%% @doc Changes a file's access and modification times.
-spec change_time(File, Atime, Mtime) -> ok | {error, posix() | badarg}
              when File :: name_all(), Atime :: date_time(), Mtime :: date_time().
change_time(File, Atime, Mtime) ->
    write_file_info(File, #file_info{atime = Atime, mtime = Mtime}).

%%% ===================================================================
%%% Directories, names and links
%%% ===================================================================

%% @doc The names in a directory (not `.' and `..'), unsorted.
-spec list_dir(Dir) -> {ok, [filename_all()]} | {error, posix() | badarg}
              when Dir :: name_all().
list_dir(Dir) ->
    with_name(Dir, fun(B) ->
        case prim_file:list_dir(B) of
            {ok, Names} -> {ok, [out_name(Dir, N) || N <- Names]};
            Error -> Error
        end
    end).

%% @doc As `list_dir/1'; names that are not UTF-8 come back as binaries.
-spec list_dir_all(Dir) -> {ok, [filename_all()]} | {error, posix() | badarg}
              when Dir :: name_all().
list_dir_all(Dir) -> list_dir(Dir).

%% @doc Makes a directory.
-spec make_dir(Dir) -> ok | {error, posix() | badarg} when Dir :: name_all().
make_dir(Dir) -> with_name(Dir, fun prim_file:make_dir/1).

%% @doc Deletes an empty directory.
-spec del_dir(Dir) -> ok | {error, posix() | badarg} when Dir :: name_all().
del_dir(Dir) -> with_name(Dir, fun prim_file:del_dir/1).

%% @doc Deletes a directory and everything under it (links are deleted,
%% not followed).
-spec del_dir_r(File) -> ok | {error, posix() | badarg} when File :: name_all().
del_dir_r(File) ->
    with_name(File, fun del_tree/1).

del_tree(B) ->
    case prim_file:read_info(B, false) of
        {ok, Info} when element(2, Info) =:= directory ->
            case prim_file:list_dir(B) of
                {ok, Names} ->
                    case del_all([<<B/binary, "/", N/binary>> || N <- Names]) of
                        ok -> prim_file:del_dir(B);
                        Error -> Error
                    end;
                Error ->
                    Error
            end;
        {ok, _} ->
            prim_file:delete(B);
        Error ->
            Error
    end.

del_all([]) -> ok;
del_all([P | Ps]) ->
    case del_tree(P) of
        ok -> del_all(Ps);
        Error -> Error
    end.

%% @doc Deletes a file (not a directory).
-spec delete(File) -> ok | {error, posix() | badarg} when File :: name_all().
delete(File) -> with_name(File, fun prim_file:delete/1).

%% @doc As `delete/1' (the `raw' option changes nothing in ferl).
-spec delete(File, Opts) -> ok | {error, posix() | badarg}
              when File :: name_all(), Opts :: [raw].
delete(File, Opts) when is_list(Opts) -> delete(File);
delete(_, _) -> {error, badarg}.

%% @doc Renames (moves) a file or directory.
-spec rename(Source, Destination) -> ok | {error, posix() | badarg}
              when Source :: name_all(), Destination :: name_all().
rename(Source, Destination) ->
    with_name(Source, fun(S) ->
        with_name(Destination, fun(D) -> prim_file:rename(S, D) end)
    end).

%% @doc The target of a symbolic link.
-spec read_link(Name) -> {ok, filename_all()} | {error, posix() | badarg}
              when Name :: name_all().
read_link(Name) ->
    with_name(Name, fun(B) ->
        case prim_file:read_link(B) of
            {ok, T} -> {ok, out_name(Name, T)};
            Error -> Error
        end
    end).

%% @doc As `read_link/1'.
-spec read_link_all(Name) -> {ok, filename_all()} | {error, posix() | badarg}
              when Name :: name_all().
read_link_all(Name) -> read_link(Name).

%% @doc Makes `New' a symbolic link to `Existing'.
-spec make_symlink(Existing, New) -> ok | {error, posix() | badarg}
              when Existing :: name_all(), New :: name_all().
make_symlink(Existing, New) ->
    with_name(Existing, fun(E) ->
        with_name(New, fun(N) -> prim_file:make_symlink(E, N) end)
    end).

%% @doc Makes `New' a hard link to `Existing'.
-spec make_link(Existing, New) -> ok | {error, posix() | badarg}
              when Existing :: name_all(), New :: name_all().
make_link(Existing, New) ->
    with_name(Existing, fun(E) ->
        with_name(New, fun(N) -> prim_file:make_link(E, N) end)
    end).

%% @doc The current working directory.
-spec get_cwd() -> {ok, filename()} | {error, posix()}.
get_cwd() ->
    case prim_file:get_cwd() of
        {ok, B} -> {ok, out_name([], B)};
        Error -> Error
    end.

%% @doc The current directory of a drive: only meaningful on Windows.
-spec get_cwd(Drive) -> {error, enotsup} when Drive :: string().
get_cwd(_Drive) -> {error, enotsup}.

%% @doc Sets the current working directory.
-spec set_cwd(Dir) -> ok | {error, posix() | badarg} when Dir :: name_all().
set_cwd(Dir) -> with_name(Dir, fun prim_file:set_cwd/1).

%%% ===================================================================
%%% Terms and scripts
%%% ===================================================================

%% @doc Reads the Erlang terms, each ended by a `.', of a file.
-spec consult(Filename) -> {ok, [term()]} | {error, term()}
              when Filename :: name_all().
consult(File) ->
    case read_text(File) of
        {ok, Chars} -> parse_terms(Chars);
        Error -> Error
    end.

%% @doc Consults `Filename' in the first directory of `Path' that has it:
%% `{ok, Terms, FullName}'.
-spec path_consult(Path, Filename) -> {ok, [term()], filename_all()} | {error, term()}
              when Path :: [name_all()], Filename :: name_all().
path_consult(Path, File) ->
    on_path(Path, File, fun consult/1).

%% @doc Evaluates the expressions of a file: `{ok, ValueOfTheLast}'.
-spec script(Filename) -> {ok, term()} | {error, term()}
              when Filename :: name_all().
script(File) -> script(File, erl_eval:new_bindings()).

%% @doc As `script/1', with initial bindings.
-spec script(Filename, Bindings) -> {ok, term()} | {error, term()}
              when Filename :: name_all(), Bindings :: term().
script(File, Bindings) ->
    case read_text(File) of
        {ok, Chars} -> eval_text(Chars, Bindings);
        Error -> Error
    end.

%% @doc `script/1' on the first directory of `Path' with the file:
%% `{ok, Value, FullName}'.
-spec path_script(Path, Filename) -> {ok, term(), filename_all()} | {error, term()}
              when Path :: [name_all()], Filename :: name_all().
path_script(Path, File) ->
    path_script(Path, File, erl_eval:new_bindings()).

%% @doc As `path_script/2', with initial bindings.
-spec path_script(Path, Filename, Bindings) -> {ok, term(), filename_all()} | {error, term()}
              when Path :: [name_all()], Filename :: name_all(),
                   Bindings :: term().
path_script(Path, File, Bindings) ->
    on_path(Path, File, fun(F) -> script(F, Bindings) end).

%% @doc Evaluates the expressions of a file for their effects.
-spec eval(Filename) -> ok | {error, term()} when Filename :: name_all().
eval(File) -> eval(File, erl_eval:new_bindings()).

%% @doc As `eval/1', with initial bindings.
-spec eval(Filename, Bindings) -> ok | {error, term()}
              when Filename :: name_all(), Bindings :: term().
eval(File, Bindings) ->
    case script(File, Bindings) of
        {ok, _} -> ok;
        Error -> Error
    end.

%% @doc `eval/1' on the first directory of `Path' with the file:
%% `{ok, FullName}'.
-spec path_eval(Path, Filename) -> {ok, filename()} | {error, term()}
              when Path :: [name_all()], Filename :: name_all().
path_eval(Path, File) ->
    case path_script(Path, File) of
        {ok, _, Full} -> {ok, Full};
        Error -> Error
    end.

%% @doc Opens `Filename' in the first directory of `Path' that has it:
%% `{ok, IoDevice, FullName}'.
-spec path_open(Path, Filename, Modes) -> {ok, io_device(), filename_all()} | {error, term()}
              when Path :: [name_all()], Filename :: name_all(),
                   Modes :: [mode()].
path_open(Path, File, Modes) ->
    on_path(Path, File, fun(F) -> open(F, Modes) end).

%% Runs Fun on Dir/File for each Dir until one does not answer enoent;
%% adds the full name to its `{ok, ...}'.
on_path(Path, File, Fun) ->
    Candidates = case filename:pathtype(File) of
                     relative -> [filename:join(D, File) || D <- Path];
                     _ -> [File]
                 end,
    on_path1(Candidates, Fun).

on_path1([], _Fun) -> {error, enoent};
on_path1([Full | Rest], Fun) ->
    case Fun(Full) of
        {ok, V} -> {ok, V, Full};
        {error, enoent} -> on_path1(Rest, Fun);
        Error -> Error
    end.

%% A file's text as characters: UTF-8 unless it declares latin-1 (or is
%% not valid UTF-8), as epp reads source files.
read_text(File) ->
    case read_file(File) of
        {ok, Bin} ->
            case unicode:characters_to_list(Bin, utf8) of
                L when is_list(L) -> {ok, L};
                _ -> {ok, binary_to_list(Bin)}
            end;
        Error ->
            Error
    end.

parse_terms(Chars) -> parse_terms(Chars, 1, []).

parse_terms(Chars, Line, Acc) ->
    case erl_scan:tokens([], Chars, Line) of
        {done, {ok, Tokens, End}, Rest} ->
            case erl_parse:parse_term(Tokens) of
                {ok, Term} -> parse_terms(Rest, End, [Term | Acc]);
                {error, _} = Error -> Error
            end;
        {done, {eof, _}, _} ->
            {ok, lists:reverse(Acc)};
        {done, {error, Info, _}, _} ->
            {error, Info};
        {more, Cont} ->
            case erl_scan:tokens(Cont, eof, Line) of
                {done, {ok, Tokens, _End}, _} ->
                    case erl_parse:parse_term(Tokens) of
                        {ok, Term} -> {ok, lists:reverse([Term | Acc])};
                        {error, _} = Error -> Error
                    end;
                {done, {eof, End}, _} ->
                    case only_blank(Chars) of
                        true -> {ok, lists:reverse(Acc)};
                        false -> {error, {End, erl_parse, ["syntax error before: ", []]}}
                    end;
                {done, {error, Info, _}, _} ->
                    {error, Info}
            end
    end.

only_blank(Chars) ->
    case erl_scan:string(Chars) of
        {ok, [], _} -> true;
        _ -> false
    end.

eval_text(Chars, Bindings) ->
    case erl_scan:string(Chars) of
        {ok, Tokens, _} ->
            eval_forms(split_dots(Tokens), Bindings, undefined_script);
        {error, Info, _} ->
            {error, Info}
    end.

split_dots(Tokens) -> split_dots(Tokens, [], []).

split_dots([], [], Acc) -> lists:reverse(Acc);
split_dots([], Cur, Acc) -> lists:reverse([lists:reverse(Cur) | Acc]);
split_dots([{dot, _} = D | Rest], Cur, Acc) ->
    split_dots(Rest, [], [lists:reverse([D | Cur]) | Acc]);
split_dots([T | Rest], Cur, Acc) ->
    split_dots(Rest, [T | Cur], Acc).

eval_forms([], _Bindings, undefined_script) ->
    {error, {1, file, undefined_script}};
eval_forms([], _Bindings, {value, V}) ->
    {ok, V};
eval_forms([Tokens | Rest], Bindings, _Last) ->
    case erl_parse:parse_exprs(Tokens) of
        {ok, Exprs} ->
            try erl_eval:exprs(Exprs, Bindings) of
                {value, V, NewBindings} -> eval_forms(Rest, NewBindings, {value, V})
            catch
                Class:Reason:Stack ->
                    {error, {line_of(Tokens), file, {Class, Reason, Stack}}}
            end;
        {error, Info} ->
            {error, Info}
    end.

line_of([T | _]) -> erl_anno:line(element(2, T));
line_of([]) -> 1.

%%% ===================================================================
%%% Errors
%%% ===================================================================

%% @doc A readable description of a reason this module returned.
-spec format_error(Reason) -> string() when Reason :: term().
format_error({_Line, file, undefined_script}) ->
    "no value returned from script";
format_error({Line, file, {Class, Reason, Stack}}) ->
    io_lib:format("~w: evaluation failed with reason ~w:~w and stacktrace ~w",
                  [Line, Class, Reason, Stack]);
format_error({Line, Mod, Reason}) when is_atom(Mod) ->
    io_lib:format("~w: ~ts", [Line, Mod:format_error(Reason)]);
format_error(badarg) -> "bad argument";
format_error(system_limit) -> "a system limit was hit, probably not enough ports";
format_error(terminated) -> "the file server process is terminated";
format_error(Posix) when is_atom(Posix) -> erl_posix_msg:message(Posix);
format_error(Other) -> io_lib:format("~tp", [Other]).

