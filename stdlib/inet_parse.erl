%% @doc Text to IP addresses and back, as OTP 25's `inet_parse' does it:
%% the address parsers behind `inet:parse_address/1' and friends,
%% `ntoa/1' (an address as text), and the small helpers the resolver uses
%% on names and configuration lines (`dots/1', `domain/1',
%% `visible_string/1', `split_line/1').
%%
%% The parsers of OTP's configuration files (`hosts/1', `services/1',
%% `resolv/1', ...) are not here: they belong with the resolver, which
%% ferl does not have yet.
%%
%% Every parser returns `{ok, Address}' or `{error, einval}'. Internally a
%% malformed field raises `badarg', caught once at the entry point, so that
%% a bad character anywhere gives the same answer. A term that is not a
%% list at all, or a list with an improper tail, is not caught: it fails
%% with `function_clause' at the same places OTP 25's parsers do (callers
%% of OTP rely on neither, but the two should not disagree).
-module(inet_parse).

%% Parsing addresses.
-export([address/1, strict_address/1,
         ipv4_address/1, ipv4strict_address/1,
         ipv6_address/1, ipv6strict_address/1]).

%% Formatting addresses.
-export([ntoa/1]).

%% Names and configuration lines.
-export([dots/1, domain/1, visible_string/1, split_line/1]).

-define(IS_HEX(C), ((C >= $0 andalso C =< $9) orelse
                    (C >= $a andalso C =< $f) orelse
                    (C >= $A andalso C =< $F))).

%%% ------------------------------------------------------------------
%%% Either family
%%% ------------------------------------------------------------------

%% @doc An IPv4 address in any form `ipv4_address/1' accepts, else a
%% strict IPv6 address.
-spec address(string()) -> {ok, inet:ip_address()} | {error, einval}.
address(Text) when is_list(Text) ->
    case ipv4_address(Text) of
        {ok, _} = Ok -> Ok;
        {error, _} -> ipv6strict_address(Text)
    end;
address(_) ->
    {error, einval}.

%% @doc A strict dotted-decimal IPv4 address, else a strict IPv6 address.
-spec strict_address(string()) -> {ok, inet:ip_address()} | {error, einval}.
strict_address(Text) when is_list(Text) ->
    case ipv4strict_address(Text) of
        {ok, _} = Ok -> Ok;
        {error, _} -> ipv6strict_address(Text)
    end;
strict_address(_) ->
    {error, einval}.

%%% ------------------------------------------------------------------
%%% IPv4
%%% ------------------------------------------------------------------

%% @doc An IPv4 address as the C library's `inet_aton' reads one: one to
%% four dot-separated numbers, each decimal, octal (a leading `0') or
%% hexadecimal (`0x'), the last filling all the bytes the others leave
%% ("127.1" is 127.0.0.1, "2130706433" is too).
-spec ipv4_address(string()) -> {ok, inet:ip4_address()} | {error, einval}.
ipv4_address(Text) ->
    parsed(fun() -> lenient_ipv4(Text) end).

%% @doc An IPv4 address as exactly four decimal numbers below 256, none
%% with a leading zero.
-spec ipv4strict_address(string()) -> {ok, inet:ip4_address()} | {error, einval}.
ipv4strict_address(Text) ->
    parsed(fun() -> strict_ipv4(Text) end).

%% Runs a parser that raises badarg on malformed text.
parsed(Parse) ->
    try Parse() of
        Address -> {ok, Address}
    catch
        error:badarg -> {error, einval}
    end.

%% The lenient form. Fields are read most significant first; the list
%% built holds them last first.
lenient_ipv4(Text) ->
    case lenient_fields(Text, []) of
        [Last] when Last < 1 bsl 32 ->
            bytes(Last, 4, []);
        [Last, A] when Last < 1 bsl 24, A < 256 ->
            list_to_tuple([A | bytes_list(Last, 3)]);
        [Last, B, A] when Last < 1 bsl 16, A < 256, B < 256 ->
            list_to_tuple([A, B | bytes_list(Last, 2)]);
        [D, C, B, A] when A < 256, B < 256, C < 256, D < 256 ->
            {A, B, C, D};
        _ ->
            erlang:error(badarg)
    end.

lenient_fields(Text, Fields) ->
    {Value, Rest} = lenient_field(Text),
    next_field(Rest, [Value | Fields], fun lenient_fields/2).

%% The radix is chosen by the prefix as C's strtoul does with base 0.
%% Leading zeros are dropped first so that they do not count against the
%% field's width (the widest value, 2^32-1, has 8 hex, 11 octal or 10
%% decimal digits). A hex field must have a digit after its zeros; an
%% octal one keeps a single zero, so "0" and "00" are zero.
lenient_field([$0, X | Text]) when X =:= $x; X =:= $X ->
    field_value(field_chars(drop_zeros(Text), 8, []), 16);
lenient_field([$0 | Text]) ->
    field_value(field_chars(drop_zeros(Text), 11, "0"), 8);
lenient_field(Text) when is_list(Text) ->
    field_value(field_chars(Text, 10, []), 10).

drop_zeros([$0 | Text]) -> drop_zeros(Text);
drop_zeros(Text) when is_list(Text) -> Text.

%% The strict form: exactly four fields. A field is "0" or a number that
%% does not start with 0, at most three characters wide.
strict_ipv4(Text) ->
    case strict_fields(Text, []) of
        [D, C, B, A] when A < 256, B < 256, C < 256, D < 256 ->
            {A, B, C, D};
        _ ->
            erlang:error(badarg)
    end.

%% A lone zero field is taken before the general case, which refuses any
%% field starting with 0.
strict_fields([_ | _], [_, _, _, _]) ->
    erlang:error(badarg);
strict_fields("0", Fields) ->
    [0 | Fields];
strict_fields("0." ++ Text, Fields) ->
    strict_fields(Text, [0 | Fields]);
strict_fields([$0 | _], _) ->
    erlang:error(badarg);
strict_fields(Text, Fields) when is_list(Text) ->
    {Value, Rest} = field_value(field_chars(Text, 3, []), 10),
    next_field(Rest, [Value | Fields], fun strict_fields/2).

%% After a field: the end, or a dot and another field (at most four in
%% all; the lenient form checks the count here, the strict one also on
%% entry, as a zero field skips this).
next_field([], Fields, _More) ->
    Fields;
next_field([$., _ | _], [_, _, _, _], _More) ->
    erlang:error(badarg);
next_field([$. | [_ | _] = Text], Fields, More) ->
    More(Text, Fields);
next_field(_, _, _) ->
    erlang:error(badarg).

%% Collects a field's characters, up to Width of them, up to a dot or the
%% end. Which characters are digits is left to list_to_integer/2, so a
%% sign is read as it reads one ("+1" is 1).
field_chars([], _Width, Acc) ->
    {lists:reverse(Acc), []};
field_chars([$. | _] = Rest, _Width, Acc) ->
    {lists:reverse(Acc), Rest};
field_chars([C | Text], Width, Acc) when Width > 0 ->
    field_chars(Text, Width - 1, [C | Acc]);
field_chars([_ | _], _Width, _Acc) ->
    erlang:error(badarg).

field_value({Chars, Rest}, Base) ->
    case list_to_integer(Chars, Base) of
        N when N >= 0 -> {N, Rest};
        _ -> erlang:error(badarg)
    end.

%% The Count low bytes of N, most significant first.
bytes_list(N, Count) ->
    tuple_to_list(bytes(N, Count, [])).

bytes(_N, 0, Acc) -> list_to_tuple(Acc);
bytes(N, Count, Acc) -> bytes(N bsr 8, Count - 1, [N band 255 | Acc]).

%%% ------------------------------------------------------------------
%%% IPv6
%%% ------------------------------------------------------------------

%% @doc An IPv4 address in the lenient form, as its IPv4-mapped IPv6
%% address (::ffff:a.b.c.d), else a strict IPv6 address.
-spec ipv6_address(string()) -> {ok, inet:ip6_address()} | {error, einval}.
ipv6_address(Text) ->
    case ipv4_address(Text) of
        {ok, {A, B, C, D}} ->
            {ok, {0, 0, 0, 0, 0, 16#ffff, (A bsl 8) bor B, (C bsl 8) bor D}};
        {error, _} ->
            ipv6strict_address(Text)
    end.

%% @doc An IPv6 address in RFC 4291 text form: eight groups of one to four
%% hex digits, a run of zero groups written as "::" at most once, the last
%% 32 bits optionally as a strict dotted IPv4 address, and for link-local
%% (fe80::/16 with a zero second group) and link-local multicast
%% (ff02::/16) addresses a "%scope" suffix.
%%
%% A scope of "0" followed by decimal digits is the scope id, stored in
%% the second group as OTP does; "", "0" and any other scope (an interface
%% name such as "eth0") give scope id 0, as names are not looked up.
-spec ipv6strict_address(string()) -> {ok, inet:ip6_address()} | {error, einval}.
ipv6strict_address(Text) ->
    parsed(fun() -> ipv6(Text) end).

ipv6("::") ->
    list_to_tuple(lists:duplicate(8, 0));
ipv6("::" ++ Text) ->
    groups(Text, [], [], 0);
ipv6(Text) ->
    groups(Text, [], head, 0).

%% Reads one group and decides by what follows it. Head holds the groups
%% before "::", Tail those after it (both last first), or Tail is the atom
%% `head' while no "::" has been seen. N counts the groups before this one.
groups(Text, Head, head, N) ->
    {Digits, Rest} = hex_group(Text),
    G = list_to_integer(Digits, 16),
    case Rest of
        [] when N =:= 7 -> to_tuple(Head, [G], 8);
        "%" ++ Scope when N =:= 7 -> scoped(Scope, [G | Head], [], 8);
        "::%" ++ Scope when N =< 6 -> scoped(Scope, [G | Head], [], N + 1);
        "::" when N =< 6 -> to_tuple([G | Head], [], N + 1);
        "::" ++ More when N =< 5 -> groups(More, [G | Head], [], N + 1);
        ":" ++ More when N =< 6 -> groups(More, [G | Head], head, N + 1);
        "." ++ _ when N =:= 6 -> with_ipv4(Digits ++ Rest, Head, [], N);
        _ -> erlang:error(badarg)
    end;
groups(Text, Head, Tail, N) ->
    {Digits, Rest} = hex_group(Text),
    G = list_to_integer(Digits, 16),
    case Rest of
        [] when N =< 6 -> to_tuple(Head, [G | Tail], N + 1);
        "%" ++ Scope when N =< 6 -> scoped(Scope, Head, [G | Tail], N + 1);
        ":" ++ More when N =< 5 -> groups(More, Head, [G | Tail], N + 1);
        "." ++ _ when N =< 5 -> with_ipv4(Digits ++ Rest, Head, Tail, N);
        _ -> erlang:error(badarg)
    end.

%% The hex digits read as a group turn out to start a dotted IPv4 address,
%% which fills the last two groups.
with_ipv4(Text, Head, Tail, N) ->
    {A, B, C, D} = strict_ipv4(Text),
    to_tuple(Head, [(C bsl 8) bor D, (A bsl 8) bor B | Tail], N + 2).

%% One to four hex digits and the text after them.
hex_group(Text) -> hex_group(Text, [], 4).

hex_group([C | Text], Acc, Left) when Left > 0, ?IS_HEX(C) ->
    hex_group(Text, [C | Acc], Left - 1);
hex_group(Text, [_ | _] = Acc, _Left) when is_list(Text) ->
    {lists:reverse(Acc), Text};
hex_group(_, _, _) ->
    erlang:error(badarg).

%% Head and Tail are last first; N groups were given, the rest are the
%% zeros "::" stands for.
to_tuple(Head, Tail, N) ->
    list_to_tuple(lists:reverse(Head, lists:duplicate(8 - N, 0) ++
                                   lists:reverse(Tail))).

%% An address with a "%scope" suffix: only a link-local unicast or
%% multicast address with its second group zero has room for a scope id.
scoped(Scope, Head, Tail, N) ->
    Id = scope_id(scope_text(Scope)),
    case tuple_to_list(to_tuple(Head, Tail, N)) of
        [P, 0 | Rest] when P =:= 16#fe80; P =:= 16#ff02 ->
            list_to_tuple([P, Id | Rest]);
        _ ->
            erlang:error(badarg)
    end.

%% The scope must be a proper list before it is looked at (an improper one
%% fails here, as in OTP, whatever its first characters).
scope_text([C | Text]) -> [C | scope_text(Text)];
scope_text([]) -> [].

%% "0" and decimal digits give a number that must fit the 16-bit group;
%% anything else is a name, which is not looked up.
scope_id([$0 | Digits]) -> scope_number(Digits, 0);
scope_id(_) -> 0.

scope_number([], N) ->
    N;
scope_number([C | Digits], N) when C >= $0, C =< $9 ->
    case N * 10 + (C - $0) of
        M when M > 16#ffff -> erlang:error(badarg);
        M -> scope_number(Digits, M)
    end;
scope_number(_, _) ->
    erlang:error(badarg).

%%% ------------------------------------------------------------------
%%% Formatting
%%% ------------------------------------------------------------------

%% @doc An address as text: IPv4 dotted decimal; IPv6 in lower-case hex
%% with the longest run of two or more zero groups (the first of equal
%% runs) written "::", IPv4-compatible and IPv4-mapped addresses with a
%% dotted IPv4 tail, and a link-local address's scope id (its second
%% group) as a "%0N" suffix, which `ipv6strict_address/1' reads back.
-spec ntoa(inet:ip_address()) -> string() | {error, einval}.
ntoa({A, B, C, D} = Address) ->
    case is_ipv4(Address) of
        true -> dotted([A, B, C, D]);
        false -> {error, einval}
    end;
ntoa({_, _, _, _, _, _, _, _} = Address) ->
    case is_ipv6(Address) of
        true -> ipv6_text(tuple_to_list(Address));
        false -> {error, einval}
    end;
ntoa(_) ->
    {error, einval}.

ipv6_text([0, 0, 0, 0, 0, 0, 0, 0]) ->
    "::";
ipv6_text([0, 0, 0, 0, 0, 0, 0, 1]) ->
    "::1";
ipv6_text([0, 0, 0, 0, 0, 0, G7, G8]) ->
    "::" ++ dotted(group_bytes([G7, G8]));
ipv6_text([0, 0, 0, 0, 0, 16#ffff, G7, G8]) ->
    "::ffff:" ++ dotted(group_bytes([G7, G8]));
ipv6_text([P, Id | Rest]) when (P =:= 16#fe80 orelse P =:= 16#ff02), Id =/= 0 ->
    compressed([P, 0 | Rest]) ++ "%0" ++ integer_to_list(Id);
ipv6_text(Groups) ->
    compressed(Groups).

group_bytes(Groups) ->
    lists:append([[G bsr 8, G band 255] || G <- Groups]).

dotted(Bytes) ->
    lists:append(lists:join(".", [integer_to_list(B) || B <- Bytes])).

compressed(Groups) ->
    case longest_zero_run(Groups, 1, none, none) of
        none ->
            hex_groups(Groups);
        {Start, Len} ->
            {Before, Run} = lists:split(Start - 1, Groups),
            After = lists:nthtail(Len, Run),
            hex_groups(Before) ++ "::" ++ hex_groups(After)
    end.

hex_groups(Groups) ->
    lists:append(lists:join(":", [lower_hex(G) || G <- Groups])).

%% integer_to_list/2 writes upper-case digits; addresses are shown in
%% lower case (RFC 5952).
lower_hex(G) ->
    [if C >= $A -> C + ($a - $A); true -> C end || C <- integer_to_list(G, 16)].

%% The {Start, Length} of the first longest run of at least two zero
%% groups (positions from 1), or none. Current is the run being read.
longest_zero_run([], _Pos, Current, Best) ->
    better(Current, Best);
longest_zero_run([0 | Groups], Pos, none, Best) ->
    longest_zero_run(Groups, Pos + 1, {Pos, 1}, Best);
longest_zero_run([0 | Groups], Pos, {Start, Len}, Best) ->
    longest_zero_run(Groups, Pos + 1, {Start, Len + 1}, Best);
longest_zero_run([_ | Groups], Pos, Current, Best) ->
    longest_zero_run(Groups, Pos + 1, none, better(Current, Best)).

better({_, Len} = Run, none) when Len >= 2 -> Run;
better({_, Len} = Run, {_, BestLen}) when Len > BestLen -> Run;
better(_, Best) -> Best.

%% Written out, not with guards, so that any term may be asked about.
is_ipv4({A, B, C, D}) ->
    lists:all(fun(X) -> is_integer(X) andalso X >= 0 andalso X =< 255 end,
              [A, B, C, D]);
is_ipv4(_) ->
    false.

is_ipv6({_, _, _, _, _, _, _, _} = Address) ->
    lists:all(fun(X) -> is_integer(X) andalso X >= 0 andalso X =< 16#ffff end,
              tuple_to_list(Address));
is_ipv6(_) ->
    false.

%%% ------------------------------------------------------------------
%%% Names and lines
%%% ------------------------------------------------------------------

%% @doc The number of dots in a name that are not its last character, and
%% whether it ends with one (a fully qualified name): `{1, true}' for
%% "erlang.org.".
-spec dots(string()) -> {non_neg_integer(), boolean()}.
dots(Name) -> dots(Name, 0).

dots(".", N) -> {N, true};
dots([$. | Name], N) -> dots(Name, N + 1);
dots([_ | Name], N) -> dots(Name, N);
dots([], N) -> {N, false}.

%% @doc Whether a string is a host name: labels of letters, digits, `-'
%% and `_', each starting with a letter or digit and not ending in `-' or
%% `_' before a dot, separated by single dots, with no trailing dot. A
%% name whose last four labels are all numbers is an IPv4 address, not a
%% host name.
-spec domain(term()) -> boolean().
domain([_ | _] = Name) ->
    case labels(Name) of
        true ->
            not looks_like_ipv4(string:lexemes(Name, "."));
        false ->
            false
    end;
domain(_) ->
    false.

%% At the start of a label.
labels([C | Name]) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9 ->
    label_rest(Name);
labels(_) ->
    false.

%% Inside a label.
label_rest([C | Name]) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9 ->
    label_rest(Name);
label_rest([C, $. | _]) when C =:= $-; C =:= $_ -> false;
label_rest([C | Name]) when C =:= $-; C =:= $_ -> label_rest(Name);
label_rest([$. | Name]) -> labels(Name);
label_rest([]) -> true;
label_rest(_) -> false.

looks_like_ipv4(Labels) when length(Labels) >= 4 ->
    lists:all(fun is_number_label/1, lists:nthtail(length(Labels) - 4, Labels));
looks_like_ipv4(_) ->
    false.

is_number_label(Label) ->
    lists:all(fun(C) -> C >= $0 andalso C =< $9 end, Label).

%% @doc Whether a term is a non-empty string of visible ASCII characters
%% (`!' to `~'; no spaces).
-spec visible_string(term()) -> boolean().
visible_string([_ | _] = String) -> visible(String);
visible_string(_) -> false.

visible([C | String]) when C >= 16#21, C =< 16#7e -> visible(String);
visible([]) -> true;
visible(_) -> false.

%% @doc The whitespace-separated words of a configuration line, up to a
%% `#' comment. Spaces, tabs and newlines separate words; so does "\r\n"
%% inside a word, while a "\r" that starts a word is part of it (as in
%% OTP, which reads such files line by line).
-spec split_line(string()) -> [string()].
split_line(Line) -> between_words(Line, []).

between_words([$# | _], Words) -> lists:reverse(Words);
between_words([C | Line], Words) when C =:= $\s; C =:= $\t; C =:= $\n ->
    between_words(Line, Words);
between_words([], Words) -> lists:reverse(Words);
between_words([C | Line], Words) -> in_word(Line, [C], Words).

in_word([$# | _], Word, Words) -> lists:reverse(Words, [lists:reverse(Word)]);
in_word([C | Line], Word, Words) when C =:= $\s; C =:= $\t; C =:= $\n ->
    between_words(Line, [lists:reverse(Word) | Words]);
in_word([$\r, $\n | Line], Word, Words) ->
    between_words(Line, [lists:reverse(Word) | Words]);
in_word([], Word, Words) -> lists:reverse(Words, [lists:reverse(Word)]);
in_word([C | Line], Word, Words) -> in_word(Line, [C | Word], Words).
