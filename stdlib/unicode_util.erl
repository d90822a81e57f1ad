%% @doc Code point, grapheme cluster, normalization and case-mapping steps
%% over Unicode `chardata()', compatible with OTP 25's `unicode_util'
%% (Unicode 14).
%%
%% Every stepping function looks at the start of its argument only and
%% returns `[First | Rest]', `[]' at the end, or `{error, Rest}' on
%% invalid UTF-8 (the case functions fail with `{badarg, Rest}' instead).
%% `First' is a code point or, for clusters, a code point or a list of
%% them; `Rest' is what is left, in a shape close to the argument's.
%%
%% Design notes:
%% <ul>
%% <li>`cp/1' gives the same `Rest' as OTP: a binary stays a binary
%%     (`[C | Tail]' for a binary head, `[C, Tail | More]' for a binary
%%     inside a list), and after a code point found inside a nested list
%%     up to three more code points are lifted out of the nesting before
%%     the remainder is kept as `[Tail | More]'.</li>
%% <li>`gc/1' uses `string''s grapheme-break rules (`grapheme_class/1',
%%     `grapheme_join/2'); Latin-1 code points followed by Latin-1 code
%%     points are returned without any work, as on OTP. When a cluster
%%     ends, `Rest' is the rest as it was before the next code point was
%%     looked at.</li>
%% <li>Normalization normalizes one grapheme cluster with the `unicode'
%%     module's `characters_to_nf*_list' functions; a result of one code
%%     point is returned as an integer, except that `nfkc/1' keeps a list
%%     when the compatibility decomposition had more than one code point
%%     (as OTP does). As on OTP, composition is onto the cluster's first
%%     code point only: a cluster that starts with a prepended character
%%     stays decomposed.</li>
%% <li>Known differences: where invalid UTF-8 follows a cluster of more
%%     than one code point, OTP's `Rest' repeats part of the input in
%%     some cases; ferl's `Rest' is what follows the cluster.</li>
%% <li>Case mapping uses `string''s tables through `string:case_map/2'.</li>
%% <li>`lookup/1' (the raw decomposition tables) is not provided.</li>
%% </ul>
-module(unicode_util).

%% Stepping over code points and grapheme clusters.
-export([cp/1, gc/1]).

%% Normalization of the first grapheme cluster.
-export([nfd/1, nfc/1, nfkd/1, nfkc/1]).

%% Case mapping of the first code point.
-export([uppercase/1, lowercase/1, titlecase/1, casefold/1, get_case/1]).

%% Whitespace and version.
-export([whitespace/0, is_whitespace/1, spec_version/0]).

-export_type([gc/0]).

-type gc() :: char() | [char()].

%%% ------------------------------------------------------------------
%%% Code points
%%% ------------------------------------------------------------------

%% @doc The first code point of `Str' and the rest, `[]' if `Str' holds
%% no code point, or `{error, Rest}' at invalid UTF-8.
-spec cp(Str :: unicode:chardata()) ->
          maybe_improper_list() | {error, unicode:chardata()}.
cp([C | _] = L) when is_integer(C) -> L;
cp([X]) -> cp(X);
cp([X | More]) -> cp_in(X, More);
cp([]) -> [];
cp(<<C/utf8, T/binary>>) -> [C | T];
cp(<<>>) -> [];
cp(B) when is_binary(B) -> {error, B}.

%% The first code point of element X of a list whose later elements are
%% More.
cp_in([C | T], More) when is_integer(C) -> [C | lift(3, T, More)];
cp_in([X], More) -> cp_in(X, More);
cp_in([X | T], More) -> cp_in(X, [T | More]);
cp_in([], More) -> cp(More);
cp_in(<<C/utf8, T/binary>>, More) -> [C, T | More];
cp_in(<<>>, More) -> cp(More);
cp_in(B, More) when is_binary(B) -> {error, [B | More]}.

%% Lifts up to N code points out of T (then More) in front of the rest.
lift(0, [], More) -> More;
lift(0, T, More) -> [T | More];
lift(N, [C | T], More) when is_integer(C) -> [C | lift(N - 1, T, More)];
lift(N, [X], More) -> lift(N, X, More);
lift(N, [X | T], More) -> lift(N, X, [T | More]);
lift(N, [], More) -> lift_more(N, More);
lift(_, T, More) -> [T | More].

lift_more(0, More) -> More;
lift_more(N, [C | T]) when is_integer(C) -> [C | lift_more(N - 1, T)];
lift_more(N, [X]) -> lift_more(N, X);
lift_more(N, [X | T]) -> lift(N, X, T);
lift_more(_, More) -> More.

%% cp/1 on a list that does not start with a binary; binary_found when a
%% binary comes before the first code point.
cp_list([C | _] = L) when is_integer(C) -> L;
cp_list([X]) -> cp_list(X);
cp_list([X | More]) -> cp_list_in(X, More);
cp_list([]) -> [];
cp_list(_) -> binary_found.

cp_list_in([C | T], More) when is_integer(C) -> [C | lift(3, T, More)];
cp_list_in([X], More) -> cp_list_in(X, More);
cp_list_in([X | T], More) -> cp_list_in(X, [T | More]);
cp_list_in([], More) -> cp_list(More);
cp_list_in(_, _) -> binary_found.

%%% ------------------------------------------------------------------
%%% Grapheme clusters
%%% ------------------------------------------------------------------

%% @doc The first grapheme cluster of `Str' (a code point, or a list of
%% code points) and the rest, `[]', or `{error, Rest}' at invalid UTF-8.
-spec gc(Str :: unicode:chardata()) ->
          maybe_improper_list() | {error, unicode:chardata()}.
gc([]) -> [];
gc([C] = S) when is_integer(C) -> S;
gc([$\r | T]) ->
    case cp(T) of
        [$\n | T2] -> [[$\r, $\n] | T2];
        Next -> [$\r | Next]
    end;
gc([C | T] = S) when is_integer(C), C < 256 ->
    case T of
        [D | _] when is_integer(D), D < 256 -> S;
        _ ->
            case cp_list(T) of
                [D | _] = T2 when D < 256 -> [C | T2];
                binary_found -> gc_1(S);
                T2 -> gc_1([C | T2])
            end
    end;
gc(<<>>) -> [];
gc(<<C/utf8, T/binary>>) when C < 256, C =/= $\r ->
    case T of
        <<D/utf8, _/binary>> when D < 256 -> [C | T];
        _ -> gc_1([C | T])
    end;
gc(<<C/utf8, T/binary>>) -> gc_1([C | T]);
gc([C | _] = S) when is_integer(C) -> gc_1(S);
gc(S) ->
    case cp(S) of
        {error, _} = Error -> Error;
        Cps -> gc(Cps)
    end.

%% The cluster starting with code point C.
gc_1([$\r | T] = S) ->
    case cp(T) of
        [$\n | T2] -> [[$\r, $\n] | T2];
        _ -> S
    end;
gc_1([C | T] = S) ->
    case string:grapheme_class(C) of
        control -> S;
        prepend -> gc_prepend(C, T);
        Cls -> gc_ext(T, string:grapheme_state(Cls), [C])
    end.

%% A prepended character joins the cluster that follows unless a control
%% follows; at the end the rest is dropped.
gc_prepend(C, T) ->
    case cp(T) of
        [N | _] = T2 ->
            case string:grapheme_class(N) of
                control -> [C | T];
                _ ->
                    case gc_1(T2) of
                        [G | R] when is_integer(G) -> [[C, G] | R];
                        [G | R] -> [[C | G] | R]
                    end
            end;
        [] -> [C];
        {error, Bad} -> [C | Bad]
    end.

%% Extends the cluster Acc (reversed) while the code points of T join it.
gc_ext(T, St, Acc) ->
    case cp(T) of
        [N | T2] ->
            case string:grapheme_join(St, N) of
                false -> gc_done(Acc, T);
                St2 -> gc_ext(T2, St2, [N | Acc])
            end;
        [] -> gc_done(Acc, T);
        {error, Bad} when tl(Acc) =:= [] -> [hd(Acc) | Bad];
        {error, Bad} -> [lists:reverse(Acc), Bad]
    end.

gc_done([C], T) -> [C | T];
gc_done(Acc, T) -> [lists:reverse(Acc) | T].

%%% ------------------------------------------------------------------
%%% Normalization
%%% ------------------------------------------------------------------

%% @doc The first grapheme cluster of `Str' in normalization form D, and
%% the rest.
-spec nfd(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()) |
          {error, unicode:chardata()}.
nfd(S) -> normalize(S, 128, fun unicode:characters_to_nfd_list/1).

%% @doc The first grapheme cluster of `Str' in normalization form KD, and
%% the rest.
-spec nfkd(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()) |
          {error, unicode:chardata()}.
nfkd(S) -> normalize(S, 128, fun unicode:characters_to_nfkd_list/1).

%% @doc The first grapheme cluster of `Str' in normalization form C, and
%% the rest.
-spec nfc(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()) |
          {error, unicode:chardata()}.
nfc(S) -> normalize(S, 256, fun compose/1).

%% @doc The first grapheme cluster of `Str' in normalization form KC, and
%% the rest.
-spec nfkc(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()) |
          {error, unicode:chardata()}.
nfkc(S) ->
    case gc(S) of
        [G | _] = R when is_integer(G), G < 128 -> R;
        [G | R] ->
            case one_or_list(unicode:characters_to_nfkd_list(flat(G))) of
                D when is_integer(D) -> [D | R];
                D -> [flat(compose(D)) | R]
            end;
        [] -> [];
        {error, _} = Error -> Error
    end.

%% Code points below Same are their own normal form in that form.
normalize(S, Same, Form) ->
    case gc(S) of
        [G | _] = R when is_integer(G), G < Same -> R;
        [G | R] -> [one_or_list(Form(flat(G))) | R];
        [] -> [];
        {error, _} = Error -> Error
    end.

%% Canonical composition as OTP does it: code points compose onto the
%% first one only, so a cluster starting with a prepended character stays
%% decomposed.
compose(Cps) ->
    case unicode:characters_to_nfd_list(Cps) of
        [P, _ | _] = D ->
            case string:grapheme_class(P) of
                prepend -> D;
                _ -> unicode:characters_to_nfc_list(D)
            end;
        D -> D
    end.

one_or_list([C]) -> C;
one_or_list(L) -> L.

flat(G) when is_integer(G) -> [G];
flat(G) -> G.

%%% ------------------------------------------------------------------
%%% Case mapping
%%% ------------------------------------------------------------------

%% @doc The first code point of `Str' in upper case (a code point or a
%% list of them), and the rest.
-spec uppercase(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()).
uppercase(S) -> map_first(S, upper).

%% @doc The first code point of `Str' in lower case, and the rest.
-spec lowercase(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()).
lowercase(S) -> map_first(S, lower).

%% @doc The first code point of `Str' in title case, and the rest.
-spec titlecase(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()).
titlecase(S) -> map_first(S, title).

%% @doc The first code point of `Str' case folded, and the rest.
-spec casefold(Str :: unicode:chardata()) ->
          maybe_improper_list(gc(), unicode:chardata()).
casefold(S) -> map_first(S, fold).

map_first(S, Kind) ->
    case cp(S) of
        [C | R] -> [string:case_map(C, Kind) | R];
        [] -> [];
        {error, Bad} -> error({badarg, Bad})
    end.

%% @doc The four case mappings of code point `C'.
-spec get_case(C :: char()) ->
          #{upper := gc(), lower := gc(), title := gc(), fold := gc()}.
get_case(C) ->
    #{upper => string:case_map(C, upper), lower => string:case_map(C, lower),
      title => string:case_map(C, title), fold => string:case_map(C, fold)}.

%%% ------------------------------------------------------------------
%%% Whitespace and version
%%% ------------------------------------------------------------------

%% @doc The Pattern_White_Space characters of Unicode annex 31, with
%% CR LF as one cluster.
-spec whitespace() -> [gc()].
whitespace() ->
    [[$\r, $\n], $\t, $\n, $\v, $\f, $\r, $\s, 16#85, 16#200E, 16#200F,
     16#2028, 16#2029].

%% @doc True if grapheme cluster `G' is in `whitespace()'.
-spec is_whitespace(G :: gc()) -> boolean().
is_whitespace(G) -> lists:member(G, whitespace()).

%% @doc The version of Unicode the tables follow.
-spec spec_version() -> {14, 0}.
spec_version() -> {14, 0}.
