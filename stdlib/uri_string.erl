%% @doc URI processing after RFC 3986 (OTP 25's `uri_string').
%%
%% A URI is parsed into a map of its components (`scheme', `userinfo',
%% `host', `port', `path', `query', `fragment'), recomposed from one,
%% normalized (case, percent-encoding, dot segments, default ports),
%% resolved against a base URI, and transcoded between encodings. Query
%% strings of HTML forms are composed and dissected
%% (`application/x-www-form-urlencoded').
%%
%% Types follow the input as in OTP: a binary in gives binaries out, a
%% string in gives strings out (ports stay integers). Errors are returned
%% as `{error, Atom, Term}', the same tuples OTP returns, e.g.
%% `parse(":")' gives `{error, invalid_uri, ":"}'.
%%
%% Parsing works on a binary and tries the reference as an absolute URI
%% (`scheme ":" hier-part') first and, if that fails anywhere, as a
%% relative reference; the error reported is the relative parse's, which
%% is what OTP reports. The authority is likewise tried with a userinfo
%% part first, then without. Host addresses in brackets are checked as
%% strict IPv6 addresses here (ferl has no `inet').
%%
%% Natives: none.
-module(uri_string).

%% Parsing and recomposing
-export([parse/1, recompose/1]).
%% Normalization and resolution
-export([normalize/1, normalize/2, resolve/2, resolve/3]).
%% Encodings and percent-encoding
-export([transcode/2, percent_decode/1, quote/1, quote/2, unquote/1]).
%% Form-urlencoded query strings
-export([compose_query/1, compose_query/2, dissect_query/1]).
%% Character classes
-export([allowed_characters/0]).

-export_type([error/0, uri_map/0, uri_string/0]).

-type uri_string() :: iodata().
-type error() :: {error, atom(), term()}.
-type uri_map() ::
        #{fragment => unicode:chardata(),
          host => unicode:chardata(),
          path => unicode:chardata(),
          port => non_neg_integer() | undefined,
          query => unicode:chardata(),
          scheme => unicode:chardata(),
          userinfo => unicode:chardata()}.

%% Every internal failure is thrown as the error tuple returned to the
%% caller, so that each entry point has one catch.
-define(FAIL(Atom, Term), throw({error, Atom, Term})).

%%====================================================================
%% Parsing
%%====================================================================

%% @doc Parses a URI reference into a map of its components.
-spec parse(URIString) -> URIMap when
      URIString :: uri_string(),
      URIMap :: uri_map() | error().
parse(URI) when is_binary(URI) ->
    catch_error(fun() -> parse_reference(URI) end);
parse(URI) when is_list(URI) ->
    catch_error(fun() ->
                        Map = parse_reference(unicode:characters_to_binary(URI)),
                        maps:map(fun(_, V) when is_binary(V) ->
                                         unicode:characters_to_list(V);
                                    (_, V) -> V
                                 end, Map)
                end).

catch_error(Fun) ->
    try Fun()
    catch throw:{error, Atom, Term} -> {error, Atom, Term}
    end.

parse_reference(<<>>) ->
    #{path => <<>>};
parse_reference(URI) ->
    Map = try parse_absolute(URI)
          catch throw:{error, _, _} -> parse_relative(URI)
          end,
    %% Every parsed URI has a path, if only an empty one.
    maps:merge(#{path => <<>>}, Map).

%% scheme ":" hier-part
parse_absolute(<<C/utf8, Rest/binary>>) ->
    case is_alpha(C) of
        false -> ?FAIL(invalid_uri, [C]);
        true ->
            case scan(Rest, scheme, ":") of
                {_, eof, _} -> ?FAIL(invalid_uri, <<>>);
                {Scheme, $:, Hier} ->
                    parse_hier(Hier, #{scheme => <<C/utf8, Scheme/binary>>})
            end
    end.

parse_hier(<<"//", Rest/binary>>, Map) -> parse_authority(Rest, Map);
parse_hier(<<$/, _/binary>> = Path, Map) -> parse_path(Path, Map);
parse_hier(<<$?, Rest/binary>>, Map) -> parse_query(Rest, Map);
parse_hier(<<$#, Rest/binary>>, Map) -> parse_fragment(Rest, Map);
parse_hier(<<>>, Map) -> Map;
parse_hier(<<C/utf8, _/binary>> = Path, Map) ->
    %% path-rootless: its first segment may not be empty
    case is_pchar(C) of
        true -> parse_path(Path, Map);
        false -> ?FAIL(invalid_uri, [C])
    end.

parse_relative(<<"//", Rest/binary>>) -> parse_authority(Rest, #{});
parse_relative(<<$/, _/binary>> = Path) -> parse_path(Path, #{});
parse_relative(<<$?, Rest/binary>>) -> parse_query(Rest, #{});
parse_relative(<<$#, Rest/binary>>) -> parse_fragment(Rest, #{});
parse_relative(<<C/utf8, _/binary>> = URI) ->
    %% path-noscheme: no ':' in the first segment, else it would be a scheme
    case is_segment_nz_nc(C) of
        false -> ?FAIL(invalid_uri, [C]);
        true ->
            case scan(URI, segment_nz_nc, "/?#") of
                {Seg, $/, Rest} ->
                    {More, Stop, After} = scan(Rest, path, "?#"),
                    after_path(Stop, After,
                               #{path => <<Seg/binary, $/, More/binary>>});
                {Seg, Stop, After} ->
                    after_path(Stop, After, #{path => Seg})
            end
    end.

%% authority = [ userinfo "@" ] host [ ":" port ], tried with a userinfo
%% first; whatever fails after that (even in the path) retries without.
parse_authority(Auth, Map) ->
    try
        case scan(Auth, userinfo, "@") of
            {_, eof, _} -> ?FAIL(invalid_uri, <<>>);
            {User, $@, Rest} -> parse_host(Rest, Map#{userinfo => User})
        end
    catch throw:{error, _, _} ->
            parse_host(Auth, Map)
    end.

parse_host(<<$[, Rest/binary>>, Map) ->
    case scan(Rest, ipv6, "]") of
        {_, eof, _} -> ?FAIL(invalid_uri, <<>>);
        {Addr, $], After} ->
            _ = is_ipv6_address(binary_to_list(Addr)) orelse
                ?FAIL(invalid_uri, binary_to_list(Addr)),
            %% OTP lets address characters follow the bracket; they are
            %% kept in the host (without the leading bracket).
            {Extra, Stop, Tail} = scan(After, ipv6, ":/?#"),
            Host = case Extra of
                       <<>> -> Addr;
                       _ -> <<Addr/binary, $], Extra/binary>>
                   end,
            after_host(Stop, Tail, Map#{host => Host})
    end;
parse_host(Auth, Map) ->
    %% An IPv4 address is a reg-name as far as the characters go.
    {Host, Stop, Tail} = scan(Auth, reg_name, ":/?#"),
    after_host(Stop, Tail, Map#{host => Host}).

after_host($:, Tail, Map) ->
    {Port, Stop, After} = scan(Tail, digit, "/?#"),
    Map1 = Map#{port => case Port of
                            <<>> -> undefined;
                            _ -> binary_to_integer(Port)
                        end},
    after_host(Stop, After, Map1);
after_host($/, Tail, Map) -> parse_path(<<$/, Tail/binary>>, Map);
after_host(Stop, Tail, Map) -> after_path(Stop, Tail, Map).

parse_path(Path, Map) ->
    {P, Stop, Tail} = scan(Path, path, "?#"),
    after_path(Stop, Tail, Map#{path => P}).

after_path($?, Tail, Map) -> parse_query(Tail, Map);
after_path($#, Tail, Map) -> parse_fragment(Tail, Map);
after_path(eof, _, Map) -> Map.

parse_query(Bin, Map) ->
    {Q, Stop, Tail} = scan(Bin, query, "#"),
    after_path(Stop, Tail, Map#{query => Q}).

parse_fragment(Bin, Map) ->
    {F, eof, _} = scan(Bin, fragment, ""),
    Map#{fragment => F}.

%% Takes the characters of a class up to one of Stops (returned with
%% the rest after it) or the end (eof); any other character fails.
scan(Bin, Class, Stops) ->
    scan(Bin, Class, Stops, 0).

scan(Bin, Class, Stops, N) ->
    case Bin of
        <<Taken:N/binary>> ->
            {Taken, eof, <<>>};
        <<Taken:N/binary, C, Rest/binary>> when C < 128 ->
            case lists:member(C, Stops) of
                true -> {Taken, C, Rest};
                false ->
                    case in_class(Class, C) of
                        true -> scan(Bin, Class, Stops, N + 1);
                        false -> ?FAIL(invalid_uri, [C])
                    end
            end;
        <<_:N/binary, C/utf8, _/binary>> ->
            %% No URI component admits a character outside ASCII.
            ?FAIL(invalid_uri, [C]);
        <<_:N/binary, Rest/binary>> ->
            ?FAIL(invalid_uri, Rest)
    end.

in_class(scheme, C) -> is_scheme(C);
in_class(userinfo, C) -> is_userinfo(C);
in_class(reg_name, C) -> is_reg_name(C);
in_class(ipv6, C) -> is_ipv6(C);
in_class(digit, C) -> is_digit(C);
in_class(segment_nz_nc, C) -> is_segment_nz_nc(C);
in_class(path, C) -> is_path(C);
in_class(query, C) -> is_query(C);
in_class(fragment, C) -> is_fragment(C).

%%====================================================================
%% Recomposing
%%====================================================================

%% @doc Builds a URI string from a map of components, percent-encoding
%% what the components do not allow.
-spec recompose(URIMap) -> URIString when
      URIMap :: uri_map(),
      URIString :: uri_string() | error().
recompose(Map) ->
    case is_valid_map(Map) of
        false -> {error, invalid_map, Map};
        true -> catch_error(fun() -> compose(Map) end)
    end.

%% A map needs a path and may have only the seven component keys.
is_valid_map(#{path := _} = Map) ->
    %% OTP's checks of a host for userinfo, port and a "//" path all end
    %% in "or only known keys", which is then the whole condition.
    lists:all(fun(K) ->
                      lists:member(K, [scheme, userinfo, host, port, path,
                                       query, fragment])
              end, maps:keys(Map));
is_valid_map(Map) when is_map(Map) ->
    false.

%% The pieces are joined left to right: the result is a binary while
%% every piece so far was one, a string from the first string piece on.
compose(Map) ->
    Pieces = lists:append([scheme_piece(Map), userinfo_piece(Map),
                           host_piece(Map), port_piece(Map), path_piece(Map),
                           query_piece(Map), fragment_piece(Map)]),
    join_pieces(Pieces).

join_pieces([First | Rest]) ->
    lists:foldl(fun(B, A) when is_binary(A), is_binary(B) ->
                        <<A/binary, B/binary>>;
                   (B, A) when is_binary(A) ->
                        unicode:characters_to_list(A) ++ B;
                   (B, A) when is_binary(B) ->
                        A ++ unicode:characters_to_list(B);
                   (B, A) ->
                        A ++ B
                end, First, Rest).

scheme_piece(#{scheme := Scheme}) ->
    S = check_scheme(Scheme),
    [S, same_type(S, ":")];
scheme_piece(_) ->
    [].

check_scheme([]) -> ?FAIL(invalid_scheme, "");
check_scheme(<<>>) -> ?FAIL(invalid_scheme, <<>>);
check_scheme(Scheme) ->
    Chars = if is_binary(Scheme) -> binary_to_list(Scheme);
               true -> Scheme
            end,
    case lists:all(fun(C) -> is_integer(C) andalso is_scheme(C) end, Chars) of
        true -> Scheme;
        false -> ?FAIL(invalid_scheme, Scheme)
    end.

userinfo_piece(#{userinfo := U}) ->
    E = encode(U, fun is_userinfo/1),
    [same_type(E, "//"), E];
userinfo_piece(_) ->
    [].

host_piece(#{host := Host} = Map) ->
    E = encode_host(Host),
    Prefix = case maps:is_key(userinfo, Map) of
                 true -> "@";
                 false -> "//"
             end,
    [same_type(E, Prefix), E];
host_piece(_) ->
    [].

port_piece(#{port := undefined}) -> [<<":">>];
port_piece(#{port := Port}) -> [<<$:, (integer_to_binary(Port))/binary>>];
port_piece(_) -> [].

path_piece(#{host := _, path := Path0}) ->
    %% With a host, the path must be empty or start with "/".
    Path = case Path0 of
               <<>> -> Path0;
               <<$/, _/binary>> -> Path0;
               _ when is_binary(Path0) -> <<$/, Path0/binary>>;
               _ ->
                   case unicode:characters_to_list(Path0) of
                       "" -> "";
                       [$/ | _] = L -> L;
                       L -> [$/ | L]
                   end
           end,
    [encode(Path, fun is_path/1)];
path_piece(#{path := Path}) ->
    [encode(Path, fun is_path/1)].

query_piece(#{query := Q}) ->
    E = encode(Q, fun is_query/1),
    [same_type(E, "?"), E];
query_piece(_) ->
    [].

fragment_piece(#{fragment := F}) ->
    E = encode(F, fun is_fragment/1),
    [same_type(E, "#"), E];
fragment_piece(_) ->
    [].

%% A delimiter of the same type as the component it goes with.
same_type(Comp, Delim) when is_binary(Comp) -> list_to_binary(Delim);
same_type(_, Delim) -> Delim.

%% IP addresses go in as they are (IPv6 in brackets), a reg-name with
%% its percent-encodings as it is, anything else is percent-encoded.
encode_host(Host) ->
    Chars = if is_binary(Host) -> unicode:characters_to_list(Host);
               true -> Host
            end,
    case Chars =/= [] andalso host_kind(Chars) of
        ipv6 when is_binary(Host) -> <<$[, Host/binary, $]>>;
        ipv6 -> [$[ | Host] ++ "]";
        plain -> Host;
        _ -> encode(Host, fun is_reg_name/1)
    end.

host_kind(Chars) ->
    case is_ipv6_address(Chars) of
        true -> ipv6;
        false ->
            case is_ipv4_address(Chars) orelse
                lists:all(fun(C) -> is_integer(C) andalso is_reg_name(C) end,
                          Chars) of
                true -> plain;
                false -> other
            end
    end.

%%====================================================================
%% Normalization
%%====================================================================

%% @doc Normalizes a URI (string or map) as RFC 3986 section 6.2.2 says,
%% returning a string.
-spec normalize(URI) -> NormalizedURI when
      URI :: uri_string() | uri_map(),
      NormalizedURI :: uri_string() | error().
normalize(URI) ->
    normalize(URI, []).

%% @doc As normalize/1; `[return_map]' returns the normalized map.
-spec normalize(URI, Options) -> NormalizedURI when
      URI :: uri_string() | uri_map(),
      Options :: [return_map],
      NormalizedURI :: uri_string() | uri_map() | error().
normalize(Map, Options) when is_map(Map), Options =:= [];
                             is_map(Map), Options =:= [return_map] ->
    case catch_error(fun() -> normalize_map(Map) end) of
        Norm when is_map(Norm), Options =:= [return_map] -> Norm;
        Norm when is_map(Norm), Options =:= [] -> recompose(Norm);
        Error -> Error
    end;
normalize(URI, Options) when Options =:= []; Options =:= [return_map] ->
    case parse(URI) of
        Map when is_map(Map) -> normalize(Map, Options);
        Error -> Error
    end.

normalize_map(Map0) ->
    Map1 = maps:map(fun(K, V) when K =:= scheme; K =:= host -> to_lower(V);
                       (_, V) -> V
                    end, Map0),
    Map2 = maps:map(fun(K, V) when K =:= userinfo; K =:= host; K =:= path;
                                   K =:= query; K =:= fragment ->
                            normalize_pct(V);
                       (_, V) -> V
                    end, Map1),
    Map3 = case Map2 of
               #{port := undefined} -> maps:remove(port, Map2);
               _ -> Map2
           end,
    remove_dots(scheme_defaults(Map3)).

%% Only ASCII letters change case: the rest is percent-encoded anyway.
to_lower(Cs) when is_binary(Cs) ->
    << <<(if C >= $A, C =< $Z -> C + 32; true -> C end)>> || <<C>> <= Cs >>;
to_lower(Cs) ->
    to_list(to_lower(to_binary(Cs, utf8, utf8)), utf8).

%% Percent-encodings of unreserved characters are decoded; the others
%% get upper-case hex digits.
normalize_pct(Cs) when is_list(Cs) ->
    unicode:characters_to_list(normalize_pct(unicode:characters_to_binary(Cs)));
normalize_pct(Bin) ->
    check_utf8(normalize_pct(Bin, <<>>)).

normalize_pct(<<$%, H, L, Rest/binary>>, Acc) ->
    case is_hex_digit(H) andalso is_hex_digit(L) of
        false -> ?FAIL(invalid_percent_encoding, <<$%, H, L>>);
        true ->
            B = hex_value(H) * 16 + hex_value(L),
            case is_unreserved(B) of
                true -> normalize_pct(Rest, <<Acc/binary, B>>);
                false ->
                    normalize_pct(Rest, <<Acc/binary, $%, (upper(H)), (upper(L))>>)
            end
    end;
normalize_pct(<<C, Rest/binary>>, Acc) ->
    normalize_pct(Rest, <<Acc/binary, C>>);
normalize_pct(<<>>, Acc) ->
    Acc.

upper(C) when C >= $a, C =< $f -> C - 32;
upper(C) -> C.

%% Default ports go; an empty HTTP(S) path becomes "/".
scheme_defaults(Map) ->
    Scheme = case maps:get(scheme, Map, undefined) of
                 S when is_binary(S) -> binary_to_list(S);
                 S -> S
             end,
    Default = case Scheme of
                  "http" -> 80;
                  "https" -> 443;
                  "ftp" -> 21;
                  "ssh" -> 22;
                  "sftp" -> 22;
                  "tftp" -> 69;
                  _ -> none
              end,
    Map1 = case maps:get(port, Map, undefined) of
               Default -> maps:remove(port, Map);
               _ -> Map
           end,
    case {Scheme, maps:get(path, Map1, undefined)} of
        {Http, ""} when Http =:= "http"; Http =:= "https" ->
            Map1#{path => "/"};
        {Http, <<>>} when Http =:= "http"; Http =:= "https" ->
            Map1#{path => <<"/">>};
        _ ->
            Map1
    end.

remove_dots(Map) ->
    Map#{path => remove_dot_segments(maps:get(path, Map, undefined))}.

%% RFC 3986 section 5.2.4, on a binary.
remove_dot_segments(Path) when is_binary(Path) ->
    remove_dot_segments(Path, <<>>);
remove_dot_segments(Path) when is_list(Path) ->
    to_list(remove_dot_segments(to_binary(Path, utf8, utf8), <<>>), utf8).

remove_dot_segments(<<>>, Out) -> Out;
remove_dot_segments(<<"../", T/binary>>, Out) -> remove_dot_segments(T, Out);
remove_dot_segments(<<"./", T/binary>>, Out) -> remove_dot_segments(T, Out);
remove_dot_segments(<<"/./", T/binary>>, Out) ->
    remove_dot_segments(<<$/, T/binary>>, Out);
remove_dot_segments(<<"/.">>, Out) -> remove_dot_segments(<<$/>>, Out);
remove_dot_segments(<<"/../", T/binary>>, Out) ->
    remove_dot_segments(<<$/, T/binary>>, drop_last_segment(Out));
remove_dot_segments(<<"/..">>, Out) ->
    remove_dot_segments(<<$/>>, drop_last_segment(Out));
remove_dot_segments(<<".">>, Out) -> Out;
remove_dot_segments(<<"..">>, Out) -> Out;
remove_dot_segments(<<C, T/binary>>, Out) ->
    %% Move the first segment (with its leading "/", if any) to the output.
    {Seg, Rest} = take_segment(T, <<C>>),
    remove_dot_segments(Rest, <<Out/binary, Seg/binary>>).

take_segment(<<$/, _/binary>> = Rest, Acc) -> {Acc, Rest};
take_segment(<<C, T/binary>>, Acc) -> take_segment(T, <<Acc/binary, C>>);
take_segment(<<>>, Acc) -> {Acc, <<>>}.

drop_last_segment(Out) ->
    case binary:matches(Out, <<"/">>) of
        [] -> <<>>;
        Ms ->
            {Pos, _} = lists:last(Ms),
            binary:part(Out, 0, Pos)
    end.

%%====================================================================
%% Resolution
%%====================================================================

%% @doc Resolves a reference against a base URI (RFC 3986 section 5.2).
-spec resolve(RefURI, BaseURI) -> TargetURI when
      RefURI :: uri_string() | uri_map(),
      BaseURI :: uri_string() | uri_map(),
      TargetURI :: uri_string() | error().
resolve(Ref, Base) ->
    resolve(Ref, Base, []).

%% @doc As resolve/2; `[return_map]' returns the target as a map.
-spec resolve(RefURI, BaseURI, Options) -> TargetURI when
      RefURI :: uri_string() | uri_map(),
      BaseURI :: uri_string() | uri_map(),
      Options :: [return_map],
      TargetURI :: uri_string() | uri_map() | error().
resolve(Ref, Base, Options) when is_map(Ref) ->
    case resolve_map(Ref, Base) of
        Target when is_map(Target), Options =:= [return_map] -> Target;
        Target when is_map(Target), Options =:= [] -> recompose(Target);
        Error -> Error
    end;
resolve(Ref, Base, Options) ->
    case parse(Ref) of
        Map when is_map(Map) -> resolve(Map, Base, Options);
        Error -> Error
    end.

resolve_map(#{scheme := _} = Ref, _) ->
    remove_dots(Ref);
resolve_map(Ref, #{scheme := _} = Base) ->
    resolve_against(Ref, Base);
resolve_map(_, Base) when is_map(Base) ->
    {error, invalid_scheme, ""};
resolve_map(Ref, Base) ->
    case parse(Base) of
        #{scheme := _} = BaseMap -> resolve_against(Ref, BaseMap);
        BaseMap when is_map(BaseMap) -> {error, invalid_scheme, ""};
        Error -> Error
    end.

resolve_against(#{host := _} = Ref, #{scheme := Scheme}) ->
    remove_dots(Ref#{scheme => Scheme});
resolve_against(Ref, Base) ->
    Authority = maps:with([scheme, userinfo, host, port], Base),
    case iolist_to_binary(maps:get(path, Ref, <<>>)) of
        <<>> ->
            %% The base's path, and its query unless the reference has one.
            Keys = case maps:is_key(query, Ref) of
                       true -> [scheme, userinfo, host, port, path];
                       false -> [scheme, userinfo, host, port, path, query]
                   end,
            maps:merge(Ref, maps:with(Keys, Base));
        <<$/, _/binary>> ->
            remove_dots(maps:merge(Ref, Authority));
        _ ->
            #{path := Path} = Ref,
            remove_dots(maps:merge(Ref#{path => merge_paths(Path, Base)},
                                   Authority))
    end.

%% RFC 3986 section 5.2.3: the reference's path replaces the last
%% segment of the base's.
merge_paths(Path, #{path := BasePath} = Base) ->
    case maps:is_key(host, Base) andalso iolist_size(BasePath) =:= 0 of
        true when is_binary(Path) -> <<$/, Path/binary>>;
        true -> unicode:characters_to_list([$/, Path]);
        false ->
            case string:split(BasePath, <<"/">>, trailing) of
                [Dir, _] when is_binary(Path) ->
                    unicode:characters_to_binary([Dir, $/, Path]);
                [Dir, _] ->
                    unicode:characters_to_list([Dir, $/, Path]);
                [_] ->
                    Path
            end
    end.

%%====================================================================
%% Transcoding and percent-encoding
%%====================================================================

%% @doc Converts a URI between encodings, including the bytes its
%% percent-encodings stand for.
-spec transcode(URIString, Options) -> Result when
      URIString :: uri_string(),
      Options :: [{in_encoding, unicode:encoding()} |
                  {out_encoding, unicode:encoding()}],
      Result :: uri_string() | error().
transcode(URI, Options) when is_binary(URI) ->
    In = proplists:get_value(in_encoding, Options, utf8),
    Out = proplists:get_value(out_encoding, Options, utf8),
    catch_error(fun() ->
                        Chars = transcode_chars(to_list(URI, In), In, Out),
                        to_binary(Chars, utf8, Out)
                end);
transcode(URI, Options) when is_list(URI) ->
    In = proplists:get_value(in_encoding, Options, utf8),
    Out = proplists:get_value(out_encoding, Options, utf8),
    catch_error(fun() -> transcode_chars(flatten(URI, In), In, Out) end).

%% Each run of percent-encoded bytes is decoded, converted from In to Out
%% and percent-encoded again; other characters stay.
transcode_chars([_ | _] = Chars, In, Out) ->
    %% (OTP fails with function_clause on an empty URI, as here.)
    transcode_chars(Chars, In, Out, []).

transcode_chars([$%, _, _ | _] = Chars, In, Out, Acc) ->
    {Bytes, Rest} = take_pct_run(Chars, <<>>),
    Enc = pct_encode_bytes(to_binary(Bytes, In, Out)),
    transcode_chars(Rest, In, Out, lists:reverse(binary_to_list(Enc), Acc));
transcode_chars([C | Rest], In, Out, Acc) ->
    transcode_chars(Rest, In, Out, [C | Acc]);
transcode_chars([], _, _, Acc) ->
    lists:reverse(Acc).

take_pct_run([$%, H, L | Rest] = Chars, Acc) ->
    case is_hex_digit(H) andalso is_hex_digit(L) of
        true -> take_pct_run(Rest, <<Acc/binary, (hex_value(H) * 16 + hex_value(L))>>);
        false -> ?FAIL(invalid_percent_encoding, Chars)
    end;
take_pct_run(Rest, Acc) ->
    {Acc, Rest}.

%% A flat list of characters from chardata whose binaries are in In.
flatten(Data, In) ->
    flatten(Data, In, []).

flatten([H | T], In, Acc) when is_binary(H) ->
    flatten(T, In, lists:reverse(to_list(H, In), Acc));
flatten([H | T], In, Acc) when is_list(H) ->
    flatten(H ++ T, In, Acc);
flatten([H | T], In, Acc) ->
    flatten(T, In, [H | Acc]);
flatten([], _, Acc) ->
    lists:reverse(Acc);
flatten(Other, _, _) ->
    ?FAIL(invalid_input, Other).

%% @doc Decodes the percent-encodings of a URI string, or of each
%% component of a map. Deprecated in OTP; quote/unquote replace it.
-spec percent_decode(URI) -> Result when
      URI :: uri_string() | uri_map(),
      Result :: uri_string() | uri_map() |
                {error, {invalid, {atom(), {term(), term()}}}}.
percent_decode(Map) when is_map(Map) ->
    try
        maps:map(fun(K, V) when K =:= userinfo; K =:= host; K =:= path;
                                K =:= query; K =:= fragment ->
                         case raw_decode(V) of
                             {error, Reason, Input} ->
                                 throw({percent_decode,
                                        {error, {invalid, {K, {Reason, Input}}}}});
                             Decoded ->
                                 Decoded
                         end;
                    (_, V) -> V
                 end, Map)
    catch
        throw:{percent_decode, Error} -> Error;
        %% a binary component's errors are thrown (see raw_decode/1)
        throw:{error, _, _} = Error -> Error
    end;
percent_decode(URI) when is_list(URI); is_binary(URI) ->
    raw_decode(URI).

%% @doc Percent-encodes every character but the unreserved ones.
-spec quote(Data) -> QuotedData when
      Data :: unicode:chardata(),
      QuotedData :: unicode:chardata().
quote(Data) ->
    encode(Data, fun is_unreserved/1).

%% @doc As quote/1, leaving also the characters of Safe alone.
-spec quote(Data, Safe) -> QuotedData when
      Data :: unicode:chardata(),
      Safe :: string(),
      QuotedData :: unicode:chardata().
quote(Data, Safe) ->
    encode(Data, fun(C) -> is_unreserved(C) orelse lists:member(C, Safe) end).

%% @doc Decodes every percent-encoding.
-spec unquote(QuotedData) -> Data when
      QuotedData :: unicode:chardata(),
      Data :: unicode:chardata().
unquote(Data) ->
    raw_decode(Data).

%% As in OTP, a string's errors are returned and a binary's thrown.
raw_decode(L) when is_list(L) ->
    catch_error(fun() ->
                        B = raw_decode(unicode:characters_to_binary(L)),
                        unicode:characters_to_list(B)
                end);
raw_decode(Bin) ->
    check_utf8(raw_decode(Bin, <<>>)).

raw_decode(<<$%, H, L, Rest/binary>>, Acc) ->
    case is_hex_digit(H) andalso is_hex_digit(L) of
        true -> raw_decode(Rest, <<Acc/binary, (hex_value(H) * 16 + hex_value(L))>>);
        false -> ?FAIL(invalid_percent_encoding, <<$%, H, L>>)
    end;
raw_decode(<<C, Rest/binary>>, Acc) ->
    raw_decode(Rest, <<Acc/binary, C>>);
raw_decode(<<>>, Acc) ->
    Acc.

check_utf8(Bin) ->
    case unicode:characters_to_list(Bin) of
        L when is_list(L) -> Bin;
        _ -> ?FAIL(invalid_utf8, Bin)
    end.

%% Percent-encodes (as UTF-8, upper-case hex) each character Keep rejects.
encode(Data, Keep) when is_list(Data) ->
    unicode:characters_to_list(encode(unicode:characters_to_binary(Data), Keep, <<>>));
encode(Data, Keep) when is_binary(Data) ->
    encode(Data, Keep, <<>>).

encode(<<C/utf8, Rest/binary>>, Keep, Acc) ->
    case Keep(C) of
        true -> encode(Rest, Keep, <<Acc/binary, C>>);
        false ->
            Enc = pct_encode_bytes(<<C/utf8>>),
            encode(Rest, Keep, <<Acc/binary, Enc/binary>>)
    end;
encode(<<>>, _, Acc) ->
    Acc;
encode(Bad, _, _) ->
    ?FAIL(invalid_input, Bad).

pct_encode_bytes(Bin) ->
    << <<$%, (hex_digit(B bsr 4)), (hex_digit(B band 15))>> || <<B>> <= Bin >>.

hex_digit(N) when N < 10 -> $0 + N;
hex_digit(N) -> $A + N - 10.

hex_value(C) when C >= $0, C =< $9 -> C - $0;
hex_value(C) when C >= $a, C =< $f -> C - $a + 10;
hex_value(C) when C >= $A, C =< $F -> C - $A + 10.

%% unicode conversions whose failures are invalid_input errors
to_binary(Data, In, Out) ->
    case unicode:characters_to_binary(Data, In, Out) of
        {_, _, Rest} -> ?FAIL(invalid_input, Rest);
        Bin -> Bin
    end.

to_list(Data, In) ->
    case unicode:characters_to_list(Data, In) of
        {_, _, Rest} -> ?FAIL(invalid_input, Rest);
        L -> L
    end.

%%====================================================================
%% Form-urlencoded queries (HTML 5)
%%====================================================================

%% @doc Composes a form-urlencoded query string from key-value pairs
%% (UTF-8).
-spec compose_query(QueryList) -> QueryString when
      QueryList :: [{unicode:chardata(), unicode:chardata() | true}],
      QueryString :: uri_string() | error().
compose_query(List) ->
    compose_query(List, [{encoding, utf8}]).

%% @doc As compose_query/1 with `[{encoding, utf8 | unicode | latin1}]'.
%% The result is a string if any key or value is one, else a binary.
-spec compose_query(QueryList, Options) -> QueryString when
      QueryList :: [{unicode:chardata(), unicode:chardata() | true}],
      Options :: [{encoding, atom()}],
      QueryString :: uri_string() | error().
compose_query([], _) ->
    [];
compose_query(List, Options) ->
    catch_error(fun() -> compose_pairs(List, Options, false, []) end).

compose_pairs([{Key, Value} | Rest], Options, IsList0, Acc) ->
    K = form_encode(Key, Options),
    Pair = case Value of
               true -> K;
               _ -> <<K/binary, $=, (form_encode(Value, Options))/binary>>
           end,
    IsList = IsList0 orelse is_list(Key) orelse is_list(Value),
    compose_pairs(Rest, Options, IsList, [Pair | Acc]);
compose_pairs([], _, IsList, Acc) ->
    Bin = iolist_to_binary(lists:join(<<"&">>, lists:reverse(Acc))),
    case IsList of
        true -> to_list(Bin, utf8);
        false -> Bin
    end.

form_encode(Cs, [{encoding, latin1}]) when is_list(Cs); is_binary(Cs) ->
    %% Characters beyond Latin-1 become numeric character references.
    B = to_binary(Cs, utf8, utf8),
    Latin1 = << <<(if C > 255 -> <<"&#", (integer_to_binary(C))/binary, ";">>;
                      true -> <<C>>
                   end)/binary>> || <<C/utf8>> <= B >>,
    html5_encode(Latin1);
form_encode(Cs, [{encoding, utf8}]) when is_binary(Cs) ->
    html5_encode(Cs);
form_encode(Cs, [{encoding, Enc}]) when (is_list(Cs) orelse is_binary(Cs)),
                                        (Enc =:= utf8 orelse Enc =:= unicode) ->
    html5_encode(to_binary(Cs, utf8, Enc));
form_encode(Cs, [{encoding, Enc}]) when is_list(Cs); is_binary(Cs) ->
    ?FAIL(invalid_encoding, Enc);
form_encode(Cs, _) ->
    ?FAIL(invalid_input, Cs).

html5_encode(Bin) ->
    << <<(html5_byte(B))/binary>> || <<B>> <= Bin >>.

html5_byte($\s) -> <<$+>>;
html5_byte(B) when B =:= $*; B =:= $-; B =:= $.; B =:= $_;
                   B >= $0, B =< $9; B >= $A, B =< $Z; B >= $a, B =< $z ->
    <<B>>;
html5_byte(B) ->
    pct_encode_bytes(<<B>>).

%% @doc Splits a form-urlencoded query string into key-value pairs
%% (`true' for a key without "=").
-spec dissect_query(QueryString) -> QueryList when
      QueryString :: uri_string(),
      QueryList :: [{unicode:chardata(), unicode:chardata() | true}] | error().
dissect_query(<<>>) ->
    [];
dissect_query([]) ->
    [];
dissect_query(Query) when is_list(Query) ->
    catch_error(fun() -> dissect_key(to_binary(Query, utf8, utf8), true, <<>>, []) end);
dissect_query(Query) ->
    catch_error(fun() -> dissect_key(Query, false, <<>>, []) end).

%% In a key, "&#" starts a character reference, not a new pair.
dissect_key(<<$=, T/binary>>, IsList, Key, Acc) ->
    dissect_value(T, IsList, Key, <<>>, Acc);
dissect_key(<<"&#", T/binary>>, IsList, Key, Acc) ->
    dissect_key(T, IsList, <<Key/binary, "&#">>, Acc);
dissect_key(<<$&, T/binary>>, IsList, Key, Acc) ->
    dissect_key(T, IsList, <<>>, [{form_decode(IsList, Key), true} | Acc]);
dissect_key(<<C, T/binary>>, IsList, Key, Acc) ->
    dissect_key(T, IsList, <<Key/binary, C>>, Acc);
dissect_key(<<>>, IsList, Key, Acc) ->
    lists:reverse([{form_decode(IsList, Key), true} | Acc]).

dissect_value(<<$&, T/binary>>, IsList, Key, Value, Acc) ->
    Pair = {form_decode(IsList, Key), form_decode(IsList, Value)},
    dissect_key(T, IsList, <<>>, [Pair | Acc]);
dissect_value(<<C, T/binary>>, IsList, Key, Value, Acc) ->
    dissect_value(T, IsList, Key, <<Value/binary, C>>, Acc);
dissect_value(<<>>, IsList, Key, Value, Acc) ->
    lists:reverse([{form_decode(IsList, Key), form_decode(IsList, Value)} | Acc]).

form_decode(IsList, Bin) ->
    Decoded = decode_char_refs(form_unescape(Bin, <<>>), <<>>),
    case IsList of
        true -> to_list(Decoded, utf8);
        false -> Decoded
    end.

form_unescape(<<>>, Acc) ->
    Acc;
form_unescape(<<$+, T/binary>>, Acc) ->
    form_unescape(T, <<Acc/binary, $\s>>);
form_unescape(<<$%, H, L, T/binary>> = B, Acc) ->
    case is_hex_digit(H) andalso is_hex_digit(L) of
        true -> form_unescape(T, <<Acc/binary, (hex_value(H) * 16 + hex_value(L))>>);
        false -> ?FAIL(invalid_percent_encoding, to_list(B, utf8))
    end;
form_unescape(<<C/utf8, T/binary>>, Acc) ->
    form_unescape(T, <<Acc/binary, C/utf8>>);
form_unescape(<<C, _/binary>>, _) ->
    ?FAIL(invalid_character, [C]).

%% "&#N;" references (as compose_query/2 makes for latin1) back to
%% characters.
decode_char_refs(<<>>, Acc) ->
    Acc;
decode_char_refs(<<"&#", T/binary>>, Acc) ->
    decode_char_ref(T, 0, Acc);
decode_char_refs(<<C/utf8, T/binary>>, Acc) ->
    decode_char_refs(T, <<Acc/binary, C/utf8>>);
decode_char_refs(<<C, _/binary>>, _) ->
    ?FAIL(invalid_input, [C]).

decode_char_ref(<<D, T/binary>>, N, Acc) when D >= $0, D =< $9 ->
    decode_char_ref(T, N * 10 + D - $0, Acc);
decode_char_ref(<<$;, T/binary>>, N, Acc) ->
    decode_char_refs(T, <<Acc/binary, N/utf8>>);
decode_char_ref(<<C, _/binary>>, _, _) ->
    ?FAIL(invalid_input, [C]).

%%====================================================================
%% Character classes (RFC 3986 section 2 and appendix A)
%%====================================================================

%% @doc The ASCII characters each URI component allows.
-spec allowed_characters() -> [{atom(), list()}].
allowed_characters() ->
    Ascii = lists:seq(0, 127),
    [{Name, lists:filter(Pred, Ascii)}
     || {Name, Pred} <- [{scheme, fun is_scheme/1},
                         {userinfo, fun is_userinfo/1},
                         {host, fun is_host/1},
                         {ipv4, fun is_ipv4/1},
                         {ipv6, fun is_ipv6/1},
                         {regname, fun is_reg_name/1},
                         {path, fun is_path/1},
                         {query, fun is_query/1},
                         {fragment, fun is_fragment/1},
                         {reserved, fun is_reserved/1},
                         {unreserved, fun is_unreserved/1}]].

is_alpha(C) -> (C >= $A andalso C =< $Z) orelse (C >= $a andalso C =< $z).
is_digit(C) -> C >= $0 andalso C =< $9.
is_hex_digit(C) ->
    is_digit(C) orelse (C >= $a andalso C =< $f) orelse (C >= $A andalso C =< $F).

is_unreserved(C) ->
    is_alpha(C) orelse is_digit(C) orelse lists:member(C, "-._~").
is_sub_delim(C) -> lists:member(C, "!$&'()*+,;=").
is_gen_delim(C) -> lists:member(C, ":/?#[]@").
is_reserved(C) -> is_gen_delim(C) orelse is_sub_delim(C).

is_scheme(C) -> is_alpha(C) orelse is_digit(C) orelse lists:member(C, "+-.").
is_userinfo(C) -> C =:= $% orelse C =:= $: orelse is_unreserved(C) orelse is_sub_delim(C).
is_reg_name(C) -> C =:= $% orelse is_unreserved(C) orelse is_sub_delim(C).
is_host(C) -> C =:= $: orelse is_unreserved(C) orelse is_sub_delim(C).
is_ipv4(C) -> C =:= $. orelse is_digit(C).
is_ipv6(C) -> C =:= $: orelse C =:= $. orelse is_hex_digit(C).
is_pchar(C) ->
    C =:= $% orelse C =:= $: orelse C =:= $@ orelse is_unreserved(C)
        orelse is_sub_delim(C).
is_segment_nz_nc(C) ->
    C =:= $% orelse C =:= $@ orelse is_unreserved(C) orelse is_sub_delim(C).
is_path(C) -> C =:= $/ orelse is_pchar(C).
is_query(C) -> C =:= $/ orelse C =:= $? orelse is_pchar(C).
is_fragment(C) -> is_query(C).

%%====================================================================
%% IP addresses (as inet:parse_ipv4strict_address/1 and
%% inet:parse_ipv6strict_address/1 accept them, without scope ids)
%%====================================================================

%% Four decimal fields 0..255, no leading zeros.
is_ipv4_address(Chars) ->
    case string:split(Chars, ".", all) of
        [_, _, _, _] = Fields -> lists:all(fun is_ipv4_field/1, Fields);
        _ -> false
    end.

is_ipv4_field("0") -> true;
is_ipv4_field([$0 | _]) -> false;
is_ipv4_field(F) ->
    length(F) >= 1 andalso length(F) =< 3 andalso lists:all(fun is_digit/1, F)
        andalso list_to_integer(F) =< 255.

%% Eight groups of 1..4 hex digits, the last two of which may be an IPv4
%% address; "::" once stands for one or more zero groups.
is_ipv6_address(Chars) ->
    lists:all(fun is_integer/1, Chars) andalso
        case string:split(Chars, "::", all) of
            [All] -> ipv6_groups(All, false) =:= 8;
            [Left, Right] ->
                L = case Left of "" -> 0; _ -> ipv6_groups(Left, true) end,
                R = case Right of "" -> 0; _ -> ipv6_groups(Right, false) end,
                is_integer(L) andalso is_integer(R) andalso L + R =< 7;
            _ -> false
        end.

%% The number of groups in a ':'-separated run (an IPv4 tail counts two),
%% or false. A run before "::" cannot end in an IPv4 address.
ipv6_groups(Run, BeforeGap) ->
    Groups = string:split(Run, ":", all),
    {Init, [Last]} = lists:split(length(Groups) - 1, Groups),
    InitOk = lists:all(fun is_hex_group/1, Init),
    LastN = case is_hex_group(Last) of
                true -> 1;
                false when not BeforeGap ->
                    case is_ipv4_address(Last) of
                        true -> 2;
                        false -> false
                    end;
                false -> false
            end,
    case InitOk andalso is_integer(LastN) of
        true -> length(Init) + LastN;
        false -> false
    end.

is_hex_group(G) ->
    length(G) >= 1 andalso length(G) =< 4 andalso lists:all(fun is_hex_digit/1, G).
