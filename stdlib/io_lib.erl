%% @doc Character output and input helpers, compatible with OTP 25's
%% `io_lib'.
%%
%% `format/2', `fwrite/2' and `write/1' are implemented natively by the
%% runtime; they appear below as stubs (`BIFs' section) so that their specs
%% live here. `write/2' and `print/1,4' are built on `format/2' (`~W',
%% `~p', `~P'). The remaining functions are plain Erlang:
%% <ul>
%% <li>quoting and escaping (`write_atom/1', `write_string/1,2',
%%     `write_char/1' and their Latin-1 variants) follow OTP: `\n', `\r',
%%     `\t', `\v', `\b', `\f', `\e' and `\d' (DEL) escapes, other control
%%     characters and 128..159 in 3-digit octal, the quote and the
%%     backslash escaped; the Latin-1 variants fail on characters above
%%     255 (`write_atom_as_latin1/1' writes them as `\x{HEX}');</li>
%% <li>`fread/2' reads the control sequences `~d', `~u', `~-', `~#', `~f',
%%     `~s', `~a', `~c', `~l' and `~~', with field widths and `*'
%%     (suppression); whitespace in the format skips whitespace in the
%%     input. It returns `{ok, Results, Rest}', `{error, {fread, What}}',
%%     or `{more, RestFormat, Count, ResultsReversed}' when the input ends
%%     where a field or literal should start. `fread/3' is the continuation form
%%     used by I/O servers: it collects input until a field can be
%%     completed (a line end or end of file follows); its continuation term
%%     is ferl's own, not OTP's.</li>
%% <li>`printable_list/1' uses the Latin-1 printable range (OTP's default
%%     `io:printable_range()').</li>
%% </ul>
-module(io_lib).

%% BIFs (implemented natively by the runtime).
-export([format/2, format/3, fwrite/2, fwrite/3, write/1]).

%% Writing terms.
-export([write/2, write/3, print/1, print/4, nl/0]).

%% Quoting atoms, strings and characters.
-export([write_atom/1, write_atom_as_latin1/1, quote_atom/2,
         write_string/1, write_string/2, write_latin1_string/1,
         write_latin1_string/2, write_string_as_latin1/1,
         write_string_as_latin1/2, write_unicode_string/1, write_char/1,
         write_latin1_char/1, write_char_as_latin1/1,
         write_unicode_char/1]).

%% Classifying character lists.
-export([char_list/1, deep_char_list/1, deep_unicode_char_list/1,
         latin1_char_list/1, deep_latin1_char_list/1, printable_list/1,
         printable_latin1_list/1, printable_unicode_list/1]).

%% Measuring output.
-export([chars_length/1, indentation/2]).

%% Formatted input.
-export([fread/2, fread/3]).

-export_type([chars/0, latin1_string/0, continuation/0, fread_error/0,
              fread_item/0, format_spec/0, chars_limit/0]).

-type chars() :: [char() | chars()].
-type latin1_string() :: [unicode:latin1_char()].
-type depth() :: -1 | non_neg_integer().
-type chars_limit() :: integer().
-opaque continuation() :: {fread_cont, string()}.
-type fread_error() :: 'atom' | 'based' | 'character' | 'float' | 'format'
                     | 'input' | 'integer' | 'string' | 'unsigned'.
-type fread_item() :: string() | atom() | integer() | float().
-type format_spec() :: #{control_char := char(), args := [any()],
                         width := 'none' | integer(),
                         adjust := 'left' | 'right',
                         precision := 'none' | integer(),
                         pad_char := char(),
                         encoding := 'unicode' | 'latin1',
                         strings := boolean()}.

%%% ------------------------------------------------------------------
%%% BIFs
%%% ------------------------------------------------------------------

%% @doc The characters of `Data' formatted by `Format' (see `io:format/2').
-spec format(Format, Data) -> chars() when
      Format :: io:format(),
      Data :: [term()].
format(_Format, _Data) ->
    erlang:nif_error(undef).

%% @doc As `format/2', with options (`{chars_limit, Limit}').
-spec format(Format, Data, Options) -> chars() when
      Format :: io:format(),
      Data :: [term()],
      Options :: [Option],
      Option :: {'chars_limit', CharsLimit},
      CharsLimit :: chars_limit().
format(_Format, _Data, _Options) ->
    erlang:nif_error(undef).

%% @doc The same as `format/2'.
-spec fwrite(Format, Data) -> chars() when
      Format :: io:format(),
      Data :: [term()].
fwrite(_Format, _Data) ->
    erlang:nif_error(undef).

%% @doc The same as `format/3'.
-spec fwrite(Format, Data, Options) -> chars() when
      Format :: io:format(),
      Data :: [term()],
      Options :: [Option],
      Option :: {'chars_limit', CharsLimit},
      CharsLimit :: chars_limit().
fwrite(_Format, _Data, _Options) ->
    erlang:nif_error(undef).

%% @doc The characters of `Term' in standard syntax (as `~w').
-spec write(Term) -> chars() when
      Term :: term().
write(_Term) ->
    erlang:nif_error(undef).

%%% ------------------------------------------------------------------
%%% Writing terms
%%% ------------------------------------------------------------------

%% @doc `Term' written to depth `Depth' (as `~W'), or with options
%% `{depth, Depth}' and `{encoding, latin1 | unicode}'.
-spec write(Term, Depth | Options) -> chars() when
      Term :: term(),
      Depth :: depth(),
      Options :: [Option],
      Option :: {'chars_limit', chars_limit()}
              | {'depth', depth()}
              | {'encoding', 'latin1' | 'utf8' | 'unicode'}.
write(Term, Depth) when is_integer(Depth) -> one("~W", [Term, Depth]);
write(Term, Options) when is_list(Options) ->
    Depth = proplists:get_value(depth, Options, -1),
    case proplists:get_value(encoding, Options, latin1) of
        latin1 -> one("~W", [Term, Depth]);
        _ -> one("~tW", [Term, Depth])
    end.

%% The one element a format of a single control gives: the term's
%% characters, nested as OTP nests them.
one(Format, Args) ->
    [Chars] = format(Format, Args),
    Chars.

%% @doc `Term' written to depth `Depth', pretty printed if `Pretty'
%% (obsolete).
-spec write(Term, Depth, Pretty) -> chars() when
      Term :: term(),
      Depth :: depth(),
      Pretty :: boolean().
write(Term, Depth, true) -> print(Term, 1, 80, Depth);
write(Term, Depth, false) -> write(Term, Depth).

%% @doc `Term' pretty printed (as `~p').
-spec print(Term) -> chars() when
      Term :: term().
print(Term) -> one("~p", [Term]).

%% @doc `Term' pretty printed from column `Column' (1 is the first) with
%% lines of at most `LineLength' characters, to depth `Depth'.
-spec print(Term, Column, LineLength, Depth) -> chars() when
      Term :: term(),
      Column :: non_neg_integer(),
      LineLength :: non_neg_integer(),
      Depth :: depth().
print(Term, Column, LineLength, Depth) when Column =< 1 ->
    one("~*P", [LineLength, Term, Depth]);
print(Term, Column, LineLength, Depth) ->
    %% The column is emulated by formatting after Column - 1 spaces, which
    %% are then dropped.
    Out = lists:flatten(format(lists:duplicate(Column - 1, $\s) ++ "~*P",
                               [LineLength, Term, Depth])),
    lists:nthtail(Column - 1, Out).

%% @doc A new line.
-spec nl() -> string().
nl() -> "\n".

%%% ------------------------------------------------------------------
%%% Quoting atoms, strings and characters
%%% ------------------------------------------------------------------

%% @doc `Atom' as it would be written in source code (quoted if needed).
-spec write_atom(Atom) -> chars() when
      Atom :: atom().
write_atom(A) when is_atom(A) -> write_atom_1(A, unicode).

%% @doc As `write_atom/1', characters above 255 written as `\x{HEX}'.
-spec write_atom_as_latin1(Atom) -> latin1_string() when
      Atom :: atom().
write_atom_as_latin1(A) when is_atom(A) -> write_atom_1(A, latin1_x).

write_atom_1(A, Enc) ->
    Chars = atom_to_list(A),
    case quote_atom(A, Chars) of
        true -> [$' | escape(Chars, $', Enc)] ++ "'";
        false -> Chars
    end.

%% @doc True if the atom `Atom' (whose characters are `Chars') must be
%% quoted.
-spec quote_atom(Atom, Chars) -> boolean() when
      Atom :: atom(),
      Chars :: chars().
quote_atom(Atom, Chars) when is_atom(Atom) ->
    case Chars of
        [C | Cs] ->
            not (is_lower(C) andalso lists:all(fun is_name_char/1, Cs)) orelse
                is_reserved(Atom);
        [] -> true
    end.

is_lower(C) -> (C >= $a andalso C =< $z) orelse
                   (C >= 16#DF andalso C =< 16#FF andalso C =/= 16#F7).

is_name_char(C) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9;
                     C =:= $_; C =:= $@ -> true;
is_name_char(C) when C >= 16#C0, C =< 16#FF, C =/= 16#D7, C =/= 16#F7 -> true;
is_name_char(_) -> false.

is_reserved(A) ->
    lists:member(A, ['after', 'and', 'andalso', 'band', 'begin', 'bnot',
                     'bor', 'bsl', 'bsr', 'bxor', 'case', 'catch', 'cond',
                     'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or',
                     'orelse', 'receive', 'rem', 'try', 'when', 'xor']).

%% @doc `String' in double quotes, with the needed escapes.
-spec write_string(String) -> chars() when
      String :: string().
write_string(S) -> write_string(S, $").

%% @doc `String' in quote characters `Q', with the needed escapes.
-spec write_string(String, Q) -> chars() when
      String :: string(),
      Q :: char().
write_string(S, Q) -> [Q | escape(S, Q, unicode)] ++ [Q].

%% @doc As `write_string/1' for a Latin-1 string.
-spec write_latin1_string(Latin1String) -> latin1_string() when
      Latin1String :: latin1_string().
write_latin1_string(S) -> write_latin1_string(S, $").

%% @doc As `write_string/2' for a Latin-1 string.
-spec write_latin1_string(Latin1String, Q) -> latin1_string() when
      Latin1String :: latin1_string(),
      Q :: integer().
write_latin1_string(S, Q) -> [Q | escape(S, Q, latin1)] ++ [Q].

%% @doc As `write_string/1', characters above 255 written as `\x{HEX}'.
-spec write_string_as_latin1(String) -> latin1_string() when
      String :: string().
write_string_as_latin1(S) -> write_string_as_latin1(S, $").

%% @doc As `write_string/2', characters above 255 written as `\x{HEX}'.
-spec write_string_as_latin1(String, Q) -> latin1_string() when
      String :: string(),
      Q :: char().
write_string_as_latin1(S, Q) -> [Q | escape(S, Q, latin1_x)] ++ [Q].

%% @doc The same as `write_string/1'.
-spec write_unicode_string(UnicodeString) -> chars() when
      UnicodeString :: string().
write_unicode_string(S) -> write_string(S).

%% Escapes the characters of a string or quoted atom.
escape([C | Cs], Q, Enc) -> escape_char(C, Q, Enc) ++ escape(Cs, Q, Enc);
escape([], _, _) -> [].

escape_char(Q, Q, _) -> [$\\, Q];
escape_char($\\, _, _) -> "\\\\";
escape_char(C, _, Enc) when is_integer(C), C >= 0 ->
    case C of
        _ when C >= $\s, C =< $~ -> [C];
        $\n -> "\\n";
        $\r -> "\\r";
        $\t -> "\\t";
        $\v -> "\\v";
        $\b -> "\\b";
        $\f -> "\\f";
        $\e -> "\\e";
        $\d -> "\\d";
        _ when C < 160 -> octal(C);
        _ when C =< 255 -> [C];
        _ when Enc =:= unicode -> [C];
        _ when Enc =:= latin1_x -> "\\x{" ++ integer_to_list(C, 16) ++ "}";
        _ when Enc =:= latin1 -> error(function_clause)
    end.

octal(C) ->
    [$\\, $0 + (C bsr 6) band 7, $0 + (C bsr 3) band 7, $0 + C band 7].

%% @doc `Char' as a character literal (`$a', `$\n', ...).
-spec write_char(Char) -> chars() when
      Char :: char().
write_char($\s) -> "$\\s";
write_char(C) when is_integer(C), C >= 0 -> [$$ | char_escape(C, unicode)].

%% @doc As `write_char/1' for a Latin-1 character.
-spec write_latin1_char(Latin1Char) -> latin1_string() when
      Latin1Char :: unicode:latin1_char().
write_latin1_char(C) when is_integer(C), C >= 0, C =< 255 ->
    [$$ | char_escape(C, latin1)].

%% @doc As `write_char/1', a character above 255 written as `\x{HEX}'.
-spec write_char_as_latin1(Char) -> latin1_string() when
      Char :: char().
write_char_as_latin1(C) when is_integer(C), C >= 0 ->
    [$$ | char_escape(C, latin1_x)].

%% @doc The same as `write_char/1'.
-spec write_unicode_char(UnicodeChar) -> chars() when
      UnicodeChar :: char().
write_unicode_char(C) -> write_char(C).

char_escape($\\, _) -> "\\\\";
char_escape(C, Enc) -> escape_char(C, none, Enc).

%%% ------------------------------------------------------------------
%%% Classifying character lists
%%% ------------------------------------------------------------------

%% @doc True if `Term' is a flat list of Unicode code points.
-spec char_list(Term) -> boolean() when
      Term :: term().
char_list([C | Cs]) when is_integer(C) ->
    is_unicode(C) andalso char_list(Cs);
char_list([]) -> true;
char_list(_) -> false.

%% @doc True if `Term' is a deep list of Unicode code points.
-spec deep_char_list(Term) -> boolean() when
      Term :: term().
deep_char_list([C | Cs]) when is_integer(C) ->
    is_unicode(C) andalso deep_char_list(Cs);
deep_char_list([L | Cs]) when is_list(L) ->
    deep_char_list(L) andalso deep_char_list(Cs);
deep_char_list([]) -> true;
deep_char_list(_) -> false.

%% @doc The same as `deep_char_list/1'.
-spec deep_unicode_char_list(Term) -> boolean() when
      Term :: term().
deep_unicode_char_list(L) -> deep_char_list(L).

is_unicode(C) ->
    C >= 0 andalso (C < 16#D800 orelse (C > 16#DFFF andalso C < 16#FFFE)
                    orelse (C > 16#FFFF andalso C =< 16#10FFFF)).

%% @doc True if `Term' is a flat list of Latin-1 characters.
-spec latin1_char_list(Term) -> boolean() when
      Term :: term().
latin1_char_list([C | Cs]) when is_integer(C), C >= 0, C =< 255 ->
    latin1_char_list(Cs);
latin1_char_list([]) -> true;
latin1_char_list(_) -> false.

%% @doc True if `Term' is a deep list of Latin-1 characters.
-spec deep_latin1_char_list(Term) -> boolean() when
      Term :: term().
deep_latin1_char_list([C | Cs]) when is_integer(C), C >= 0, C =< 255 ->
    deep_latin1_char_list(Cs);
deep_latin1_char_list([L | Cs]) when is_list(L) ->
    deep_latin1_char_list(L) andalso deep_latin1_char_list(Cs);
deep_latin1_char_list([]) -> true;
deep_latin1_char_list(_) -> false.

%% @doc True if `Term' is a flat list of printable characters (Latin-1
%% range).
-spec printable_list(Term) -> boolean() when
      Term :: term().
printable_list(L) -> printable_latin1_list(L).

%% @doc True if `Term' is a flat list of printable Latin-1 characters.
-spec printable_latin1_list(Term) -> boolean() when
      Term :: term().
printable_latin1_list([C | Cs]) when is_integer(C), C >= $\s, C =< $~ ->
    printable_latin1_list(Cs);
printable_latin1_list([C | Cs]) when is_integer(C), C >= 16#A0, C =< 16#FF ->
    printable_latin1_list(Cs);
printable_latin1_list([C | Cs]) when C >= $\b, C =< $\r; C =:= $\e ->
    printable_latin1_list(Cs);
printable_latin1_list([]) -> true;
printable_latin1_list(_) -> false.

%% @doc True if `Term' is a flat list of printable Unicode characters.
-spec printable_unicode_list(Term) -> boolean() when
      Term :: term().
printable_unicode_list([C | Cs]) when is_integer(C), C >= $\s, C =< $~ ->
    printable_unicode_list(Cs);
printable_unicode_list([C | Cs])
  when is_integer(C), C >= 16#A0, C < 16#D800;
       is_integer(C), C > 16#DFFF, C < 16#FFFE;
       is_integer(C), C > 16#FFFF, C =< 16#10FFFF ->
    printable_unicode_list(Cs);
printable_unicode_list([C | Cs]) when C >= $\b, C =< $\r; C =:= $\e ->
    printable_unicode_list(Cs);
printable_unicode_list([]) -> true;
printable_unicode_list(_) -> false.

%%% ------------------------------------------------------------------
%%% Measuring output
%%% ------------------------------------------------------------------

%% @doc The number of characters in `Chars' (bytes for binaries, as on
%% OTP; grapheme clusters if `Chars' is not an iolist).
-spec chars_length(Chars) -> non_neg_integer() when
      Chars :: chars().
chars_length(S) ->
    try iolist_size(S)
    catch _:_ -> string:length(S)
    end.

%% @doc The column after writing `String' from column `StartIndent' (tabs
%% advance to the next multiple of 8, a newline returns to column 0).
-spec indentation(String, StartIndent) -> integer() when
      String :: string(),
      StartIndent :: integer().
indentation([$\n | Cs], _) -> indentation(Cs, 0);
indentation([$\t | Cs], I) -> indentation(Cs, ((I + 8) div 8) * 8);
indentation([C | Cs], I) when is_integer(C) -> indentation(Cs, I + 1);
indentation([], I) -> I.

%%% ------------------------------------------------------------------
%%% Formatted input
%%% ------------------------------------------------------------------

%% @doc Reads `String' as described by `Format'.
-spec fread(Format, String) -> Result when
      Format :: string(),
      String :: string(),
      Result :: {'ok', InputList :: [fread_item()], LeftOverChars :: string()}
              | {'more', RestFormat :: string(), Nchars :: non_neg_integer(),
                 InputStack :: chars()}
              | {'error', {'fread', What :: fread_error()}}.
fread(Format, String) -> fread_1(Format, String, 0, []).

%% @doc The continuation form of `fread/2', as used by I/O servers.
-spec fread(Continuation, CharSpec, Format) -> Return when
      Continuation :: continuation() | [],
      CharSpec :: string() | 'eof',
      Format :: string(),
      Return :: {'more', Continuation1 :: continuation()}
              | {'done', Result, LeftOverChars :: string()},
      Result :: {'ok', InputList :: [fread_item()]}
              | 'eof'
              | {'error', {'fread', What :: fread_error()}}.
fread([], Chars, Format) -> fread({fread_cont, []}, Chars, Format);
fread({fread_cont, []}, eof, _Format) -> {done, eof, eof};
fread({fread_cont, Acc}, eof, Format) ->
    case fread(Format, Acc) of
        {ok, Results, Rest} -> {done, {ok, Results}, Rest};
        {more, _, _, _} -> {done, {error, {fread, input}}, []};
        {error, _} = Error -> {done, Error, []}
    end;
fread({fread_cont, Acc0}, Chars, Format) ->
    Acc = Acc0 ++ Chars,
    case fread(Format, Acc) of
        {ok, Results, [_ | _] = Rest} ->
            case Rest of
                [$\n | Rest1] -> {done, {ok, Results}, Rest1};
                _ -> {done, {ok, Results}, Rest}
            end;
        {ok, _, []} -> {more, {fread_cont, Acc}};
        {more, _, _, _} -> {more, {fread_cont, Acc}};
        {error, _} = Error -> {done, Error, []}
    end.

%% N: characters read so far; Acc: results, reversed.
fread_1([$~ | Fmt0], In, N, Acc) ->
    {Suppress, Fmt1} = case Fmt0 of
                           [$* | F] -> {true, F};
                           F -> {false, F}
                       end,
    {Width, Fmt2} = field_width(Fmt1, none),
    case Fmt2 of
        [$~ | Fmt] ->
            case In of
                [$~ | In1] -> fread_1(Fmt, In1, N + 1, Acc);
                [] -> {more, [$~ | Fmt0], N, Acc};
                _ -> {error, {fread, format}}
            end;
        [$l | Fmt] -> fread_1(Fmt, In, N, add(Suppress, N, Acc));
        [C | Fmt] ->
            case lists:member(C, "du-#fsac") of
                _ when In =:= [] -> {more, [$~ | Fmt0], N, Acc};
                false -> {error, {fread, format}};
                true ->
                    case field(C, Width, In) of
                        {ok, Value, Used, In1} ->
                            fread_1(Fmt, In1, N + Used, add(Suppress, Value, Acc));
                        {error, What} -> {error, {fread, What}}
                    end
            end;
        [] -> {error, {fread, format}}
    end;
fread_1([C | Fmt], In, N, Acc) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r ->
    {Skipped, In1} = skip_ws(In, 0),
    fread_1(Fmt, In1, N + Skipped, Acc);
fread_1([C | Fmt], [C | In], N, Acc) -> fread_1(Fmt, In, N + 1, Acc);
fread_1([_ | _] = Fmt, [], N, Acc) -> {more, Fmt, N, Acc};
fread_1([_ | _], _, _, _) -> {error, {fread, input}};
fread_1([], In, _, Acc) -> {ok, lists:reverse(Acc), In}.

add(true, _, Acc) -> Acc;
add(false, V, Acc) -> [V | Acc].

field_width([D | Fmt], W) when D >= $0, D =< $9 ->
    field_width(Fmt, case W of none -> 0; _ -> W end * 10 + D - $0);
field_width(Fmt, W) -> {W, Fmt}.

skip_ws([C | In], N) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r ->
    skip_ws(In, N + 1);
skip_ws(In, N) -> {N, In}.

%% Within a field width, only spaces and tabs are skipped.
skip_blanks([C | In], N) when C =:= $\s; C =:= $\t -> skip_blanks(In, N + 1);
skip_blanks(In, N) -> {N, In}.

%% Reads one field: {ok, Value, CharsUsed, Rest} or {error, What}.
field($c, Width, In) ->
    W = case Width of none -> 1; _ -> Width end,
    case take(W, In) of
        {Chars, Rest} when length(Chars) =:= W ->
            case lists:member($\n, Chars) of
                true -> {error, character};
                false -> {ok, Chars, W, Rest}
            end;
        _ -> {error, character}
    end;
field(C, Width, In0) ->
    %% A field width counts the skipped whitespace too.
    {Text0, Rest} = case Width of
                        none -> {In0, []};
                        _ -> take(Width, In0)
                    end,
    {Skipped, Text} = case C of
                          $- -> {0, Text0};
                          $u -> {0, Text0};
                          _ when Width =/= none -> skip_blanks(Text0, 0);
                          _ -> skip_ws(Text0, 0)
                      end,
    Short = Width =/= none andalso length(Text0) < Width andalso C =/= $s andalso C =/= $a,
    case convert(C, Text, Width) of
        _ when Short -> {error, error_name(C)};
        {ok, Value, Left} ->
            Used = length(Text) - length(Left),
            {ok, Value, Skipped + Used, Left ++ Rest};
        {error, _} = Error -> Error
    end.

take(N, L) -> take(N, L, []).

take(0, L, Acc) -> {lists:reverse(Acc), L};
take(_, [], Acc) -> {lists:reverse(Acc), []};
take(N, [C | L], Acc) -> take(N - 1, L, [C | Acc]).

%% Converts the text of a field; with a width, the whole text must be
%% used.
convert(C, Text, Width) ->
    case convert_1(C, Text) of
        {ok, _, [_ | _]} when Width =/= none, C =/= $s, C =/= $a ->
            {error, error_name(C)};
        Other -> Other
    end.

convert_1($d, Text) ->
    {Sign, T1} = sign(Text),
    case digits(T1) of
        {[], _} -> {error, integer};
        {Ds, Rest} -> {ok, Sign * list_to_integer(Ds), Rest}
    end;
convert_1($u, Text) ->
    case digits(Text) of
        {[], _} -> {error, unsigned};
        {Ds, Rest} -> {ok, list_to_integer(Ds), Rest}
    end;
convert_1($-, Text) ->
    {Sign, Rest} = sign(Text),
    {ok, Sign, Rest};
convert_1($#, Text) ->
    {Sign, T1} = sign(Text),
    case digits(T1) of
        {[_ | _] = BaseDs, [$# | T2]} ->
            Base = list_to_integer(BaseDs),
            case Base >= 2 andalso Base =< 36 of
                true ->
                    case based_digits(T2, Base, []) of
                        {[], _} -> {error, based};
                        {Ds, Rest} -> {ok, Sign * list_to_integer(Ds, Base), Rest}
                    end;
                false -> {error, based}
            end;
        _ -> {error, based}
    end;
convert_1($f, Text) ->
    {Sign, T1} = sign(Text),
    case digits(T1) of
        {[_ | _] = Int, [$. | T2]} ->
            case digits(T2) of
                {[_ | _] = Frac, T3} ->
                    {Exp, Rest} = exponent(T3),
                    try list_to_float(Int ++ "." ++ Frac ++ Exp) of
                        F -> {ok, Sign * F, Rest}
                    catch
                        error:badarg -> {error, float}
                    end;
                _ -> {error, float}
            end;
        _ -> {error, float}
    end;
convert_1($s, Text) ->
    {S, Rest} = lists:splitwith(fun(Ch) -> not is_ws(Ch) end, Text),
    {ok, S, Rest};
convert_1($a, Text) ->
    {S, Rest} = lists:splitwith(fun(Ch) -> not is_ws(Ch) end, Text),
    {ok, list_to_atom(S), Rest}.

error_name($d) -> integer;
error_name($u) -> unsigned;
error_name($-) -> integer;
error_name($#) -> based;
error_name($f) -> float.

is_ws(C) -> C =:= $\s orelse C =:= $\t orelse C =:= $\n orelse C =:= $\r.

sign([$- | T]) -> {-1, T};
sign([$+ | T]) -> {1, T};
sign(T) -> {1, T}.

digits(L) -> lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, L).

%% The digits in Base; a decimal digit that is not one ends in error.
based_digits(L, Base, _) ->
    {Ds, Rest} = lists:splitwith(fun(C) -> digit_value(C) < Base end, L),
    case Rest of
        [C | _] when C >= $0, C =< $9 -> {[], L};
        _ -> {Ds, Rest}
    end.

digit_value(C) when C >= $0, C =< $9 -> C - $0;
digit_value(C) when C >= $a, C =< $z -> C - $a + 10;
digit_value(C) when C >= $A, C =< $Z -> C - $A + 10;
digit_value(_) -> 99.

exponent([E | T] = L) when E =:= $e; E =:= $E ->
    {Sign, T1} = case T of
                     [$- | R] -> {"-", R};
                     [$+ | R] -> {"+", R};
                     R -> {"", R}
                 end,
    case digits(T1) of
        {[], _} -> {"", L};
        {Ds, Rest} -> {"e" ++ Sign ++ Ds, Rest}
    end;
exponent(L) -> {"", L}.
