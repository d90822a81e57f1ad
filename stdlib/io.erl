%% @doc Standard I/O and I/O devices, as OTP 25's `io'.
%%
%% Output to the standard devices (`standard_io', `user',
%% `standard_error') is native (`runtime/src/bif/io.rs'), so `format/1,2,3'
%% and `put_chars/1,2' appear below as stubs; output to a device that is a
%% process (a file opened with `file:open/2', any I/O server) goes by the
%% I/O protocol through `ferl_io'. `standard_io' is the group leader:
%% while that is the terminal (the default), output is written natively;
%% `group_leader/0' then names the `user' server, which does the same for
%% requests sent to it. Reading standard input happens on a thread outside
%% the schedulers, so a process waiting for a line blocks nothing else.
-module(io).

%% Output (natives)
-export([format/1, format/2, format/3, fwrite/1, fwrite/2, fwrite/3,
         put_chars/1, put_chars/2, nl/0]).
%% Output
-export([nl/1, write/1, write/2]).
%% Input
-export([get_line/1, get_line/2, get_chars/2, get_chars/3, read/1, read/2]).
%% Device options and requests
-export([setopts/1, setopts/2, getopts/0, getopts/1, columns/0, columns/1,
         rows/0, rows/1, request/1, request/2, requests/1, requests/2,
         printable_range/0]).

-type device() :: atom() | pid().
-type prompt() :: atom() | unicode:chardata().
-type format() :: atom() | string() | binary().

%%% ===================================================================
%%% Output
%%% ===================================================================

%% @doc Writes formatted output to standard output.
-spec format(Format) -> ok when Format :: format().
format(_Format) -> erlang:nif_error(undef).

%% @doc Writes `Format' with `Data' to standard output.
-spec format(Format, Data) -> ok when Format :: format(), Data :: [term()].
format(_Format, _Data) -> erlang:nif_error(undef).

%% @doc Writes `Format' with `Data' to `IoDevice'.
-spec format(IoDevice, Format, Data) -> ok
              when IoDevice :: device(), Format :: format(), Data :: [term()].
format(_IoDevice, _Format, _Data) -> erlang:nif_error(undef).

%% @doc The same as `format/1'.
-spec fwrite(Format) -> ok when Format :: format().
fwrite(_Format) -> erlang:nif_error(undef).

%% @doc The same as `format/2'.
-spec fwrite(Format, Data) -> ok when Format :: format(), Data :: [term()].
fwrite(_Format, _Data) -> erlang:nif_error(undef).

%% @doc The same as `format/3'.
-spec fwrite(IoDevice, Format, Data) -> ok
              when IoDevice :: device(), Format :: format(), Data :: [term()].
fwrite(_IoDevice, _Format, _Data) -> erlang:nif_error(undef).

%% @doc Writes characters to standard output.
-spec put_chars(CharData) -> ok when CharData :: unicode:chardata().
put_chars(_CharData) -> erlang:nif_error(undef).

%% @doc Writes characters to `IoDevice'.
-spec put_chars(IoDevice, CharData) -> ok
              when IoDevice :: device(), CharData :: unicode:chardata().
put_chars(_IoDevice, _CharData) -> erlang:nif_error(undef).

%% @doc Writes a newline to standard output.
-spec nl() -> ok.
nl() -> erlang:nif_error(undef).

%% @doc Writes a newline to `IoDevice'.
-spec nl(IoDevice) -> ok when IoDevice :: device().
nl(IoDevice) -> put_chars(IoDevice, "\n").

%% @doc Writes a term as `~w' does, to standard output.
-spec write(Term) -> ok when Term :: term().
write(Term) -> format("~w", [Term]).

%% @doc Writes a term as `~w' does, to `IoDevice'.
-spec write(IoDevice, Term) -> ok when IoDevice :: device(), Term :: term().
write(IoDevice, Term) -> format(IoDevice, "~w", [Term]).

%%% ===================================================================
%%% Input
%%% ===================================================================

%% @doc Reads a line from standard input, after printing `Prompt'.
-spec get_line(Prompt) -> Data | eof | {error, term()}
              when Prompt :: prompt(), Data :: string() | unicode:unicode_binary().
get_line(Prompt) -> get_line(standard_io, Prompt).

%% @doc Reads a line from `IoDevice'.
-spec get_line(IoDevice, Prompt) -> Data | eof | {error, term()}
              when IoDevice :: device(), Prompt :: prompt(),
                   Data :: string() | unicode:unicode_binary().
get_line(IoDevice, Prompt) ->
    request(IoDevice, {get_line, unicode, Prompt}).

%% @doc Reads `Count' characters from standard input.
-spec get_chars(Prompt, Count) -> Data | eof | {error, term()}
              when Prompt :: prompt(), Count :: non_neg_integer(),
                   Data :: string() | unicode:unicode_binary().
get_chars(Prompt, Count) -> get_chars(standard_io, Prompt, Count).

%% @doc Reads `Count' characters from `IoDevice'.
-spec get_chars(IoDevice, Prompt, Count) -> Data | eof | {error, term()}
              when IoDevice :: device(), Prompt :: prompt(),
                   Count :: non_neg_integer(),
                   Data :: string() | unicode:unicode_binary().
get_chars(IoDevice, Prompt, Count) when is_integer(Count), Count >= 0 ->
    request(IoDevice, {get_chars, unicode, Prompt, Count}).

%% @doc Reads a term ended by `.' from standard input.
-spec read(Prompt) -> {ok, term()} | eof | {error, term()}
              when Prompt :: prompt().
read(Prompt) -> read(standard_io, Prompt).

%% @doc Reads a term ended by `.' from `IoDevice', line by line.
-spec read(IoDevice, Prompt) -> {ok, term()} | eof | {error, term()}
              when IoDevice :: device(), Prompt :: prompt().
read(IoDevice, Prompt) -> read_lines(IoDevice, Prompt, []).

read_lines(IoDevice, Prompt, Cont) ->
    case get_line(IoDevice, Prompt) of
        eof when Cont =:= [] -> eof;
        eof -> read_done(erl_scan:tokens(Cont, eof, 1));
        {error, _} = E -> E;
        Line ->
            Chars = unicode:characters_to_list(Line),
            case erl_scan:tokens(Cont, Chars, 1) of
                {more, Cont1} -> read_lines(IoDevice, Prompt, Cont1);
                Done -> read_done(Done)
            end
    end.

read_done({done, {ok, Tokens, _}, _}) ->
    case erl_parse:parse_term(Tokens) of
        {ok, Term} -> {ok, Term};
        {error, Info} -> {error, Info}
    end;
read_done({done, {eof, _}, _}) -> eof;
read_done({done, {error, Info, _}, _}) -> {error, Info}.

%%% ===================================================================
%%% Device options and requests
%%% ===================================================================

%% @doc Sets options of standard input/output (only `binary'/`list' and
%% `encoding' are meaningful in ferl).
-spec setopts(Opts) -> ok | {error, term()} when Opts :: [term()].
setopts(Opts) -> setopts(standard_io, Opts).

%% @doc Sets options of `IoDevice'.
-spec setopts(IoDevice, Opts) -> ok | {error, term()}
              when IoDevice :: device(), Opts :: [term()].
setopts(IoDevice, Opts) -> request(IoDevice, {setopts, Opts}).

%% @doc The options of standard input/output.
-spec getopts() -> [term()] | {error, term()}.
getopts() -> getopts(standard_io).

%% @doc The options of `IoDevice'.
-spec getopts(IoDevice) -> [term()] | {error, term()} when IoDevice :: device().
getopts(IoDevice) -> request(IoDevice, getopts).

%% @doc The width of the terminal: `{error, enotsup}' unless `COLUMNS' says.
-spec columns() -> {ok, pos_integer()} | {error, enotsup}.
columns() -> columns(standard_io).

%% @doc The width of `IoDevice''s terminal.
-spec columns(IoDevice) -> {ok, pos_integer()} | {error, enotsup}
              when IoDevice :: device().
columns(IoDevice) -> terminal_size(IoDevice, "COLUMNS").

%% @doc The height of the terminal: `{error, enotsup}' unless `LINES' says.
-spec rows() -> {ok, pos_integer()} | {error, enotsup}.
rows() -> rows(standard_io).

%% @doc The height of `IoDevice''s terminal.
-spec rows(IoDevice) -> {ok, pos_integer()} | {error, enotsup}
              when IoDevice :: device().
rows(IoDevice) -> terminal_size(IoDevice, "LINES").

terminal_size(Dev, Var) when Dev =:= standard_io; Dev =:= user ->
    case os:getenv(Var) of
        false -> {error, enotsup};
        V ->
            case string:to_integer(V) of
                {N, ""} when N > 0 -> {ok, N};
                _ -> {error, enotsup}
            end
    end;
terminal_size(_Dev, _Var) ->
    {error, enotsup}.

%% @doc The characters `~tp' prints as such: `latin1', OTP's default
%% (`+pc latin1').
-spec printable_range() -> unicode | latin1.
printable_range() -> latin1.

%% @doc Sends a raw I/O request to standard input/output.
-spec request(Request) -> term() when Request :: term().
request(Request) -> request(standard_io, Request).

%% @doc Sends a raw I/O request to `IoDevice' and returns its reply.
-spec request(IoDevice, Request) -> term()
              when IoDevice :: device(), Request :: term().
request(standard_io, Request) ->
    ferl_io:request(group_leader(), Request);
request(user, Request) ->
    standard_request(Request);
request(standard_error, {put_chars, _, Chars}) ->
    put_chars(standard_error, Chars);
request(Dev, Request) ->
    ferl_io:request(Dev, Request).

%% @doc Sends several I/O requests to standard input/output.
-spec requests(Requests) -> term() when Requests :: [term()].
requests(Requests) -> requests(standard_io, Requests).

%% @doc Sends several I/O requests to `IoDevice', stopping at an error.
-spec requests(IoDevice, Requests) -> term()
              when IoDevice :: device(), Requests :: [term()].
requests(IoDevice, Requests) -> request(IoDevice, {requests, Requests}).

%% The requests standard input/output answers.
standard_request({put_chars, _Enc, Chars}) -> put_chars(user, Chars);
standard_request({put_chars, _Enc, M, F, A}) -> put_chars(user, apply(M, F, A));
standard_request({get_line, Enc, Prompt}) ->
    prompt(Prompt),
    stdin(line, Enc);
standard_request({get_chars, Enc, Prompt, N}) ->
    prompt(Prompt),
    stdin(N, Enc);
standard_request({setopts, _Opts}) -> ok;
standard_request(getopts) -> [{binary, false}, {encoding, unicode}];
standard_request({requests, Rs}) ->
    lists:foldl(fun(R, ok) -> standard_request(R);
                   (_, Err) -> Err
                end, ok, Rs);
standard_request(_) -> {error, request}.

prompt('') -> ok;
prompt(Prompt) when is_atom(Prompt) -> put_chars(user, atom_to_list(Prompt));
prompt(Prompt) -> put_chars(user, Prompt).

stdin(What, _Enc) ->
    Ref = prim_os:stdin_start(What),
    receive
        {Ref, {ok, Bin}} ->
            case unicode:characters_to_list(Bin) of
                L when is_list(L) -> L;
                _ -> binary_to_list(Bin)
            end;
        {Ref, Other} -> Other
    end.
