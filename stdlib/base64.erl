%% @doc Base 64 encoding and decoding (RFC 4648 alphabet), compatible with
%% OTP 25's `base64'.
%%
%% Data to encode is a binary or a list of bytes; encoded data to decode
%% is a binary or a list of characters. `decode/1' ignores whitespace
%% (space, tab, CR, LF) and needs complete 4-character groups, the last
%% one padded with `=' as needed; any other character fails with
%% `badarg'. `mime_decode/1' skips every character outside the alphabet
%% and also accepts a final group with a single `=' where two are due.
%% Bits beyond the last whole byte of a padded group are ignored.
%%
%% Malformed input fails as on OTP (`badarg' for an invalid character,
%% `function_clause' for an incomplete group or a non-binary, non-list
%% argument, `{case_clause, _}' for data after the padding), except for
%% rare malformations such as three `=' in a group.
-module(base64).

%% Encoding.
-export([encode/1, encode_to_string/1]).

%% Decoding.
-export([decode/1, decode_to_string/1, mime_decode/1,
         mime_decode_to_string/1]).

-type base64_string() :: [$A..$Z | $a..$z | $0..$9 | $+ | $/ | $=].
-type base64_binary() :: binary().
-type byte_string() :: [byte()].

%% @doc `Data' encoded in base 64, as a binary.
-spec encode(Data) -> Base64 when
      Data :: byte_string() | binary(),
      Base64 :: base64_binary().
encode(Bin) when is_binary(Bin) -> encode_bin(Bin, <<>>);
encode(List) when is_list(List) -> encode_bin(bytes(List, <<>>), <<>>).

%% @doc `Data' encoded in base 64, as a string.
-spec encode_to_string(Data) -> Base64String when
      Data :: byte_string() | binary(),
      Base64String :: base64_string().
encode_to_string(Data) when is_binary(Data); is_list(Data) ->
    binary_to_list(encode(Data)).

bytes([B | T], Acc) when is_integer(B), B >= 0, B =< 255 ->
    bytes(T, <<Acc/binary, B>>);
bytes([B | _], _) when is_integer(B) -> error(badarg);
bytes([_ | _], _) -> error(badarith);
bytes([], Acc) -> Acc.

encode_bin(<<A:6, B:6, C:6, D:6, Rest/binary>>, Acc) ->
    encode_bin(Rest, <<Acc/binary, (enc(A)), (enc(B)), (enc(C)), (enc(D))>>);
encode_bin(<<A:6, B:6, C:4>>, Acc) ->
    <<Acc/binary, (enc(A)), (enc(B)), (enc(C bsl 2)), $=>>;
encode_bin(<<A:6, B:2>>, Acc) ->
    <<Acc/binary, (enc(A)), (enc(B bsl 4)), $=, $=>>;
encode_bin(<<>>, Acc) -> Acc.

enc(V) when V < 26 -> $A + V;
enc(V) when V < 52 -> $a + V - 26;
enc(V) when V < 62 -> $0 + V - 52;
enc(62) -> $+;
enc(63) -> $/.

%% The 6-bit value of a base 64 character, `pad' for `=', `ws' for
%% whitespace, or `bad'.
dec(C) when C >= $A, C =< $Z -> C - $A;
dec(C) when C >= $a, C =< $z -> C - $a + 26;
dec(C) when C >= $0, C =< $9 -> C - $0 + 52;
dec($+) -> 62;
dec($/) -> 63;
dec($=) -> pad;
dec(C) when C =:= $\s; C =:= $\t; C =:= $\r; C =:= $\n -> ws;
dec(_) -> bad.

%% @doc Decodes base 64 data (whitespace is ignored) into a binary.
-spec decode(Base64) -> Data when
      Base64 :: base64_string() | base64_binary(),
      Data :: binary().
decode(Bin) when is_binary(Bin) -> decode_chars(binary_to_list(Bin), strict);
decode(List) when is_list(List) -> decode_chars(List, strict).

%% @doc Decodes base 64 data (whitespace is ignored) into a string.
-spec decode_to_string(Base64) -> DataString when
      Base64 :: base64_string() | base64_binary(),
      DataString :: byte_string().
decode_to_string(Data) when is_binary(Data); is_list(Data) ->
    binary_to_list(decode(Data)).

%% @doc Decodes base 64 data into a binary, skipping every character that
%% is not part of the alphabet.
-spec mime_decode(Base64) -> Data when
      Base64 :: base64_string() | base64_binary(),
      Data :: binary().
mime_decode(Bin) when is_binary(Bin) -> decode_chars(binary_to_list(Bin), mime);
mime_decode(List) when is_list(List) -> decode_chars(List, mime).

%% @doc As `mime_decode/1', into a string.
-spec mime_decode_to_string(Base64) -> DataString when
      Base64 :: base64_string() | base64_binary(),
      DataString :: byte_string().
mime_decode_to_string(Data) when is_binary(Data); is_list(Data) ->
    binary_to_list(mime_decode(Data)).

%% Decodes groups of four characters.
decode_chars(Cs, strict) -> strict(Cs, <<>>);
decode_chars(Cs, mime) -> mime(Cs, [], <<>>).

%% decode/1: groups of four characters other than whitespace; an
%% incomplete last group fails with function_clause, an invalid character
%% or a misplaced `=' with badarg.
strict(Cs, Acc) ->
    case take4(Cs, []) of
        none -> Acc;
        partial -> error(function_clause);
        {G, Rest} ->
            case [dec(C) || C <- G] of
                [A, B, C, D] when is_integer(A), is_integer(B), is_integer(C),
                                  is_integer(D) ->
                    strict(Rest, <<Acc/binary, A:6, B:6, C:6, D:6>>);
                [A, B, pad, pad] when is_integer(A), is_integer(B) ->
                    strict_tail(Rest, <<Acc/binary, A:6, (B bsr 4):2>>);
                [A, B, C, pad] when is_integer(A), is_integer(B),
                                    is_integer(C) ->
                    strict_tail(Rest, <<Acc/binary, A:6, B:6, (C bsr 2):4>>);
                _ -> error(badarg)
            end
    end.

take4(Cs, G) when length(G) =:= 4 -> {lists:reverse(G), Cs};
take4([C | Cs], G) ->
    case dec(C) of
        ws -> take4(Cs, G);
        _ -> take4(Cs, [C | G])
    end;
take4([], []) -> none;
take4([], _) -> partial.

%% After the padded group: only whitespace.
strict_tail([C | Cs], Out) ->
    case dec(C) of
        ws -> strict_tail(Cs, Out);
        pad -> error({case_clause, eq});
        V -> error({case_clause, V})
    end;
strict_tail([], Out) -> Out.

%% mime_decode/1: characters outside the alphabet are skipped. A `=' ends
%% the data when no alphabet character follows it (or when a second `='
%% follows a group of two); otherwise it is skipped too. Group holds the
%% values of the current group in reverse.
mime([C | Cs], Group, Acc) ->
    case dec(C) of
        pad -> mime_pad(Cs, Group, Acc);
        V when is_integer(V), length(Group) =:= 3 ->
            [C3, B, A] = Group,
            mime(Cs, [], <<Acc/binary, A:6, B:6, C3:6, V:6>>);
        V when is_integer(V) -> mime(Cs, [V | Group], Acc);
        _ -> mime(Cs, Group, Acc)
    end;
mime([], [], Acc) -> Acc;
mime([], _, _) -> error(function_clause).

mime_pad(Cs, [B, A] = Group, Acc) ->
    Out = <<Acc/binary, A:6, (B bsr 4):2>>,
    case next_mime(Cs) of
        [$= | Cs1] ->
            case next_mime(Cs1) of
                [C | _] when C =/= $= -> error(function_clause);
                _ -> Out
            end;
        [] -> Out;
        _ -> mime(Cs, Group, Acc)
    end;
mime_pad(Cs, [C, B, A] = Group, Acc) ->
    case has_alphabet(Cs) of
        false -> <<Acc/binary, A:6, B:6, (C bsr 2):4>>;
        true -> mime(Cs, Group, Acc)
    end;
mime_pad(Cs, Group, Acc) -> mime(Cs, Group, Acc).

%% The rest from the next alphabet character or `='.
next_mime([C | Cs] = L) ->
    case dec(C) of
        V when is_integer(V); V =:= pad -> L;
        _ -> next_mime(Cs)
    end;
next_mime([]) -> [].

has_alphabet(Cs) -> lists:any(fun(C) -> is_integer(dec(C)) end, Cs).
