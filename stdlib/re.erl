%% @doc Perl-compatible regular expressions, as OTP 25's `re'.
%%
%% Compiling and matching are natives over PCRE2, the C library of PCRE
%% itself (`runtime/src/bif/re.rs'): they appear below as stubs. `replace'
%% and `split' are written here over `run/3', with OTP's results down to
%% the shape of the iodata they return. Offsets are in bytes of the
%% subject (its UTF-8 form under `unicode'), as in OTP.
-module(re).

%% Compiling and matching (natives)
-export([compile/1, compile/2, run/2, run/3, inspect/2, version/0]).
%% Replacing and splitting
-export([replace/3, replace/4, split/2, split/3]).

-export_type([mp/0, compile_option/0, option/0]).

-type mp() :: {re_pattern, non_neg_integer(), 0 | 1, 0 | 1, binary()}.
-type compile_option() :: unicode | anchored | caseless | dollar_endonly
                        | dotall | extended | firstline | multiline
                        | no_auto_capture | dupnames | ungreedy
                        | {newline, cr | lf | crlf | anycrlf | any}
                        | bsr_anycrlf | bsr_unicode | no_start_optimize
                        | ucp | never_utf.
-type option() :: compile_option() | global | notbol | noteol | notempty
                | notempty_atstart | report_errors | {offset, non_neg_integer()}
                | {capture, term()} | {capture, term(), index | list | binary}
                | {match_limit, non_neg_integer()}
                | {match_limit_recursion, non_neg_integer()}
                | {return, iodata | list | binary} | {parts, non_neg_integer() | infinity}
                | group | trim.

%%% ===================================================================
%%% Compiling and matching (natives)
%%% ===================================================================

%% @doc Compiles a regular expression.
-spec compile(Regexp) -> {ok, MP} | {error, ErrSpec}
              when Regexp :: iodata(), MP :: mp(),
                   ErrSpec :: {string(), non_neg_integer()}.
compile(_Regexp) -> erlang:nif_error(undef).

%% @doc Compiles a regular expression with options.
-spec compile(Regexp, Options) -> {ok, MP} | {error, ErrSpec}
              when Regexp :: iodata() | unicode:charlist(),
                   Options :: [compile_option()], MP :: mp(),
                   ErrSpec :: {string(), non_neg_integer()}.
compile(_Regexp, _Options) -> erlang:nif_error(undef).

%% @doc Matches a subject against a regular expression.
-spec run(Subject, RE) -> {match, Captured} | nomatch
              when Subject :: iodata() | unicode:charlist(),
                   RE :: mp() | iodata(), Captured :: [term()].
run(_Subject, _RE) -> erlang:nif_error(undef).

%% @doc Matches with options (`global', `{capture, ...}', `{offset, N}', ...).
-spec run(Subject, RE, Options) -> {match, term()} | match | nomatch | {error, term()}
              when Subject :: iodata() | unicode:charlist(),
                   RE :: mp() | iodata() | unicode:charlist(),
                   Options :: [option()].
run(_Subject, _RE, _Options) -> erlang:nif_error(undef).

%% @doc The names of a compiled expression's named groups, sorted.
-spec inspect(MP, Item) -> {namelist, [binary()]} when MP :: mp(), Item :: namelist.
inspect(_MP, _Item) -> erlang:nif_error(undef).

%% @doc The version of the PCRE library.
-spec version() -> binary().
version() -> erlang:nif_error(undef).

%%% ===================================================================
%%% Replacing
%%% ===================================================================

%% @doc Replaces the first match of `RE' in `Subject' with `Replacement'.
-spec replace(Subject, RE, Replacement) -> iodata() | unicode:charlist()
              when Subject :: iodata() | unicode:charlist(),
                   RE :: mp() | iodata(),
                   Replacement :: iodata() | unicode:charlist().
replace(Subject, RE, Replacement) ->
    replace(Subject, RE, Replacement, []).

%% @doc As `replace/3', with options (`global', `{return, T}', and those
%% of `compile/2' and `run/3' but `capture').
-spec replace(Subject, RE, Replacement, Options) -> iodata() | unicode:charlist()
              when Subject :: iodata() | unicode:charlist(),
                   RE :: mp() | iodata() | unicode:charlist(),
                   Replacement :: iodata() | unicode:charlist(),
                   Options :: [option()].
replace(Subject, RE, Replacement, Options) ->
    try
        {Return, Global, RunOpts} = replace_options(Options),
        Unicode = lists:member(unicode, Options) orelse is_unicode(RE),
        Bin = subject(Subject, Unicode),
        Parts = replacement(to_binary(Replacement, Unicode)),
        case run(Bin, RE, [{capture, all, index} | Global ++ RunOpts]) of
            nomatch ->
                result(Subject, Return, Unicode);
            {match, M} ->
                Matches = case Global of [] -> [M]; _ -> M end,
                result(substitute(Bin, Matches, Parts), Return, Unicode)
        end
    catch
        throw:badarg -> erlang:error(badarg, [Subject, RE, Replacement, Options])
    end.

replace_options(Options) when is_list(Options) ->
    lists:foldr(
      fun({return, T}, {_, G, O}) when T =:= iodata; T =:= list; T =:= binary -> {T, G, O};
         (global, {R, _, O}) -> {R, [global], O};
         ({capture, _}, _) -> throw(badarg);
         ({capture, _, _}, _) -> throw(badarg);
         (Opt, {R, G, O}) -> {R, G, [Opt | O]}
      end, {iodata, [], []}, Options);
replace_options(_) ->
    throw(badarg).

%% The parts of a replacement: literal binaries, `whole' for `&', and
%% `{group, N}' for `\N', `\gN' and `\g{N}'.
replacement(Bin) ->
    merge(parse_replacement(Bin)).

parse_replacement(<<>>) -> [];
parse_replacement(<<$&, Rest/binary>>) -> [whole | parse_replacement(Rest)];
parse_replacement(<<$\\, $g, ${, Rest/binary>>) ->
    case digits(Rest, 0, 0) of
        {N, Count, <<$}, After/binary>>} when Count > 0 -> [{group, N} | parse_replacement(After)];
        _ -> [<<"g{">> | parse_replacement(Rest)]
    end;
parse_replacement(<<$\\, $g, Rest/binary>>) ->
    case digits(Rest, 0, 0) of
        {N, Count, After} when Count > 0 -> [{group, N} | parse_replacement(After)];
        _ -> [<<"g">> | parse_replacement(Rest)]
    end;
parse_replacement(<<$\\, D, Rest/binary>>) when D >= $1, D =< $9 ->
    {N, _, After} = digits(<<D, Rest/binary>>, 0, 0),
    [{group, N} | parse_replacement(After)];
parse_replacement(<<$\\, C, Rest/binary>>) ->
    [<<C>> | parse_replacement(Rest)];
parse_replacement(<<C, Rest/binary>>) ->
    [<<C>> | parse_replacement(Rest)].

digits(<<D, Rest/binary>>, N, C) when D >= $0, D =< $9 -> digits(Rest, N * 10 + D - $0, C + 1);
digits(Rest, N, C) -> {N, C, Rest}.

%% Adjacent literal text becomes one binary.
merge([A, B | Rest]) when is_binary(A), is_binary(B) -> merge([<<A/binary, B/binary>> | Rest]);
merge([P | Rest]) -> [P | merge(Rest)];
merge([]) -> [].

substitute(Bin, Matches, Parts) ->
    substitute(Bin, Matches, Parts, 0, []).

substitute(Bin, [], _Parts, From, Acc) ->
    Rest = binary:part(Bin, From, byte_size(Bin) - From),
    case Rest of
        <<>> -> lists:reverse(Acc);
        _ -> lists:reverse(Acc, Rest)
    end;
substitute(Bin, [[{S, L} | _] = Groups | More], Parts, From, Acc) ->
    Pre = binary:part(Bin, From, S - From),
    Repl = case [part(Bin, P, Groups) || P <- Parts] of
               [One] -> One;
               Many -> Many
           end,
    Acc1 = case Pre of
               <<>> -> [Repl | Acc];
               _ -> [Repl, Pre | Acc]
           end,
    substitute(Bin, More, Parts, S + L, Acc1).

part(_Bin, Lit, _Groups) when is_binary(Lit) -> Lit;
part(Bin, whole, [{S, L} | _]) -> binary:part(Bin, S, L);
part(Bin, {group, N}, Groups) when N < length(Groups) ->
    case lists:nth(N + 1, Groups) of
        {-1, 0} -> <<>>;
        {S, L} -> binary:part(Bin, S, L)
    end;
part(_Bin, {group, _}, _Groups) -> <<>>.

%%% ===================================================================
%%% Splitting
%%% ===================================================================

%% @doc Splits `Subject' at the matches of `RE'; groups in the expression
%% are kept in the result.
-spec split(Subject, RE) -> [iodata() | unicode:charlist()]
              when Subject :: iodata() | unicode:charlist(), RE :: mp() | iodata().
split(Subject, RE) ->
    split(Subject, RE, []).

%% @doc As `split/2', with options (`{return, T}', `{parts, N}', `group',
%% `trim', and those of `compile/2' and `run/3' but `capture' and `global').
-spec split(Subject, RE, Options) -> [iodata() | unicode:charlist()] | [[iodata() | unicode:charlist()]]
              when Subject :: iodata() | unicode:charlist(),
                   RE :: mp() | iodata() | unicode:charlist(),
                   Options :: [option()].
split(Subject, RE, Options) ->
    try
        {Return, Parts, Group, Trim, RunOpts} = split_options(Options),
        Unicode = lists:member(unicode, Options) orelse is_unicode(RE),
        Bin = subject(Subject, Unicode),
        %% Without a match the subject is the one piece, even if empty.
        %% Every group is listed, so that unset trailing ones are kept.
        Capture = {capture, lists:seq(0, groups(RE, RunOpts)), index},
        Trimmed = case run(Bin, RE, [global, Capture | RunOpts]) of
                      nomatch -> [[Bin]];
                      {match, Ms} when Trim -> trim_split(Bin, splitting(Ms, 0), Parts);
                      {match, Ms} -> pieces(Bin, Ms, Parts)
                  end,
        Out = [[result(P, Return, Unicode) || P <- Piece] || Piece <- Trimmed],
        case Group of
            true -> Out;
            false -> lists:append(Out)
        end
    catch
        throw:badarg -> erlang:error(badarg, [Subject, RE, Options])
    end.

split_options(Options) when is_list(Options) ->
    lists:foldr(
      fun({return, T}, {_, P, G, Tr, O}) when T =:= iodata; T =:= list; T =:= binary -> {T, P, G, Tr, O};
         ({parts, 0}, {R, _, G, _, O}) -> {R, infinity, G, true, O};
         ({parts, N}, {R, _, G, Tr, O}) when is_integer(N), N > 0; N =:= infinity -> {R, N, G, Tr, O};
         (trim, {R, P, G, _, O}) -> {R, P, G, true, O};
         (group, {R, P, _, Tr, O}) -> {R, P, true, Tr, O};
         (global, _) -> throw(badarg);
         ({capture, _}, _) -> throw(badarg);
         ({capture, _, _}, _) -> throw(badarg);
         (Opt, {R, P, G, Tr, O}) -> {R, P, G, Tr, [Opt | O]}
      end, {iodata, infinity, false, false, []}, Options);
split_options(_) ->
    throw(badarg).

%% Each piece with the groups of the match that ends it; an empty match
%% where a piece starts does not split.
pieces(Bin, Matches, Parts) ->
    Limit = case Parts of infinity -> infinity; 0 -> infinity; N -> N - 1 end,
    pieces(Bin, Matches, Limit, 0, []).

pieces(Bin, [], _Limit, From, Acc) ->
    lists:reverse([[binary:part(Bin, From, byte_size(Bin) - From)] | Acc]);
pieces(Bin, _Matches, 0, From, Acc) ->
    pieces(Bin, [], 0, From, Acc);
pieces(Bin, [[{S, 0} | _] | More], Limit, From, Acc) when S =:= From ->
    pieces(Bin, More, Limit, From, Acc);
pieces(Bin, [[{S, L} | Groups] | More], Limit, From, Acc) ->
    Piece = binary:part(Bin, From, S - From),
    Caps = [case G of {-1, 0} -> <<>>; {GS, GL} -> binary:part(Bin, GS, GL) end || G <- Groups],
    Limit1 = case Limit of infinity -> infinity; _ -> Limit - 1 end,
    pieces(Bin, More, Limit1, S + L, [[Piece | Caps] | Acc]).

%% The matches that split: not an empty one where a piece starts.
splitting([[{S, 0} | _] | More], From) when S =:= From -> splitting(More, From);
splitting([[{S, L} | _] = M | More], _From) -> [M | splitting(More, S + L)];
splitting([], _From) -> [].

%% With `trim', the matches that only make empty pieces at the end are
%% dropped first, and the subject is cut before them; then `{parts, N}'
%% counts the pieces that remain (as OTP does).
trim_split(Bin, Used, Parts) ->
    All = pieces(Bin, Used, infinity),
    Empty = length(All) - length(trim(All)),
    if
        Empty =:= 0 -> pieces(Bin, Used, Parts);
        Empty >= length(All) -> [];
        true ->
            Kept = length(Used) - Empty,
            [[{Cut, _} | _] | _] = lists:nthtail(Kept, Used),
            pieces(binary:part(Bin, 0, Cut), lists:sublist(Used, Kept), Parts)
    end.

trim(Pieces) ->
    lists:reverse(drop_empty(lists:reverse(Pieces))).

drop_empty([P | Rest]) ->
    case lists:all(fun(X) -> X =:= <<>> end, P) of
        true -> drop_empty(Rest);
        false -> [P | Rest]
    end;
drop_empty([]) -> [].

%%% ===================================================================
%%% Helpers
%%% ===================================================================

%% The number of groups of an expression, compiled or not.
groups({re_pattern, N, _, _, _}, _Opts) -> N;
groups(RE, Opts) ->
    case compile(RE, [O || O <- Opts, is_compile_option(O)]) of
        {ok, {re_pattern, N, _, _, _}} -> N;
        {error, _} -> throw(badarg)
    end.

is_compile_option({newline, _}) -> true;
is_compile_option(O) ->
    lists:member(O, [unicode, anchored, caseless, dollar_endonly, dotall,
                     extended, firstline, multiline, no_auto_capture,
                     dupnames, ungreedy, bsr_anycrlf, bsr_unicode,
                     no_start_optimize, ucp, never_utf]).

is_unicode({re_pattern, _, 1, _, _}) -> true;
is_unicode(_) -> false.

subject(S, Unicode) -> to_binary(S, Unicode).

to_binary(B, _) when is_binary(B) -> B;
to_binary(S, true) ->
    case unicode:characters_to_binary(S) of
        B when is_binary(B) -> B;
        _ -> throw(badarg)
    end;
to_binary(S, false) ->
    try iolist_to_binary(S) catch error:_ -> throw(badarg) end.

result(Data, iodata, _) -> Data;
result(Data, binary, true) -> unicode:characters_to_binary(Data);
result(Data, binary, false) -> iolist_to_binary(Data);
result(Data, list, true) -> unicode:characters_to_list(Data);
result(Data, list, false) -> binary_to_list(iolist_to_binary(Data)).
