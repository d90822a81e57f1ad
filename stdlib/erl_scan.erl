%% @doc The Erlang token scanner, as OTP 25's `erl_scan'.
%%
%% `string/1,2,3' scans a whole string; `tokens/3,4' scans up to and
%% including the next full stop and can be fed input piece by piece
%% through a continuation. Tokens are `{Category, Anno, Symbol}' or, for
%% punctuation and reserved words, `{Category, Anno}'; an annotation is
%% the line, `{Line, Column}' when the start location had a column, and
%% carries the token's text with the `text' option.
%%
%% The scanner works on the whole input it has been given. It is told
%% whether that input is all there is (`eof') or whether more may follow
%% (`tokens/3' before the end): in the second case, reaching the end of
%% the input inside a token, white space or a possible full stop throws
%% `more', and `tokens/3' keeps the input in its continuation and scans it
%% again from its start once more arrives. A full stop is `.' followed by
%% white space, `%' or the end, so it is only known once the next
%% character is.
%%
%% Errors are `{error, {Location, erl_scan, Reason}, EndLocation}' with
%% OTP's reasons and locations: `{string, Quote, Head}' for an
%% unterminated string or quoted atom (Head: its first 16 characters),
%% `char' for a `$' at the end, `{illegal, What}', `{base, Base}'.
-module(erl_scan).

%% Scanning
-export([string/1, string/2, string/3, tokens/3, tokens/4]).
%% Reserved words and errors
-export([reserved_word/1, f_reserved_word/1, format_error/1]).
%% Token accessors
-export([category/1, column/1, end_location/1, line/1, location/1,
         symbol/1, text/1]).

-export_type([error_info/0, options/0, return_cont/0, token/0, tokens/0,
              tokens_result/0]).

-type category() :: atom().
-type symbol() :: atom() | float() | integer() | string().
-type token() :: {category(), Anno :: erl_anno:anno(), symbol()}
               | {category(), Anno :: erl_anno:anno()}.
-type tokens() :: [token()].
-type error_info() :: {erl_anno:location(), module(), term()}.
-type option() :: return | return_white_spaces | return_comments | text
                | {reserved_word_fun, fun((atom()) -> boolean())}
                | {text_fun, fun((atom(), string()) -> boolean())}
                | {compiler_internal, [term()]}.
-type options() :: option() | [option()].
-type char_spec() :: string() | eof.
-type tokens_result() :: {ok, Tokens :: tokens(), EndLocation :: erl_anno:location()}
                       | {eof, EndLocation :: erl_anno:location()}
                       | {error, ErrorInfo :: error_info(),
                          EndLocation :: erl_anno:location()}.
-opaque return_cont() :: {erl_scan_continuation, string(), integer(),
                          integer(), tuple()}.

%% The scanner's settings, fixed for one scan. `col' says whether
%% locations carry columns (columns are counted either way); `eof' whether
%% the end of the input is the end of the text.
-record(st, {resword_fun = fun reserved_word/1,
             text_fun = fun(_, _) -> false end,
             has_text = false :: boolean(),
             ws = false :: boolean(),
             comment = false :: boolean(),
             col = false :: boolean(),
             eof = true :: boolean(),
             stop_at_dot = false :: boolean()}).

-define(WHITE_SPACE(C), ((C >= $\000 andalso C =< $\s) orelse (C >= $\200 andalso C =< $\240))).
-define(DIGIT(C), (C >= $0 andalso C =< $9)).
-define(CHAR(C), (is_integer(C) andalso C >= 0 andalso C < 16#110000)).
-define(UNICODE(C),
        (is_integer(C) andalso
         ((C >= 0 andalso C < 16#D800) orelse
          (C > 16#DFFF andalso C < 16#FFFE) orelse
          (C > 16#FFFF andalso C =< 16#10FFFF)))).
-define(OCT(C), (C >= $0 andalso C =< $7)).
-define(HEX(C), ((C >= $0 andalso C =< $9) orelse (C >= $A andalso C =< $F)
                 orelse (C >= $a andalso C =< $f))).

%%% ---------------------------------------------------------------------
%%% Scanning
%%% ---------------------------------------------------------------------

-spec string(String) -> Return when
      String :: string(),
      Return :: {ok, Tokens :: tokens(), EndLocation :: erl_anno:location()}
              | {error, ErrorInfo :: error_info(), ErrorLocation :: erl_anno:location()}.
string(String) -> string(String, 1, []).

-spec string(String, StartLocation) -> Return when
      String :: string(),
      StartLocation :: erl_anno:location(),
      Return :: {ok, Tokens :: tokens(), EndLocation :: erl_anno:location()}
              | {error, ErrorInfo :: error_info(), ErrorLocation :: erl_anno:location()}.
string(String, StartLocation) -> string(String, StartLocation, []).

-spec string(String, StartLocation, Options) -> Return when
      String :: string(),
      StartLocation :: erl_anno:location(),
      Options :: options(),
      Return :: {ok, Tokens :: tokens(), EndLocation :: erl_anno:location()}
              | {error, ErrorInfo :: error_info(), ErrorLocation :: erl_anno:location()}.
string(String, Line, Options) when is_list(String), is_integer(Line) ->
    string1(String, options(Options, false), Line, 1);
string(String, {Line, Column}, Options) when is_list(String), is_integer(Line),
                                             is_integer(Column), Column >= 1 ->
    string1(String, options(Options, true), Line, Column).

string1(String, St, Line, Col) ->
    case scan(String, St, Line, Col, []) of
        {ok, Toks, _Rest, Line1, Col1} ->
            {ok, lists:reverse(Toks), loc(Line1, Col1, St)};
        {error, Error, _Rest} ->
            Error
    end.

-spec tokens(Continuation, CharSpec, StartLocation) -> Return when
      Continuation :: return_cont() | [],
      CharSpec :: char_spec(),
      StartLocation :: erl_anno:location(),
      Return :: {done, Result :: tokens_result(), LeftOverChars :: char_spec()}
              | {more, Continuation1 :: return_cont()}.
tokens(Cont, CharSpec, StartLocation) -> tokens(Cont, CharSpec, StartLocation, []).

-spec tokens(Continuation, CharSpec, StartLocation, Options) -> Return when
      Continuation :: return_cont() | [],
      CharSpec :: char_spec(),
      StartLocation :: erl_anno:location(),
      Options :: options(),
      Return :: {done, Result :: tokens_result(), LeftOverChars :: char_spec()}
              | {more, Continuation1 :: return_cont()}.
tokens([], CharSpec, Line, Options) when is_integer(Line) ->
    tokens1([], CharSpec, Line, 1, options(Options, false));
tokens([], CharSpec, {Line, Column}, Options) when is_integer(Line), is_integer(Column),
                                                   Column >= 1 ->
    tokens1([], CharSpec, Line, Column, options(Options, true));
tokens({erl_scan_continuation, Buffer, Line, Col, St}, CharSpec, _Loc, _Options) ->
    tokens1(Buffer, CharSpec, Line, Col, St).

%% The input is kept, unscanned, until a full stop or the end is seen;
%% scanning it again from its start each time keeps the scanner free of
%% resumption points.
tokens1(Buffer, eof, Line, Col, St0) ->
    St = St0#st{eof = true, stop_at_dot = true},
    tokens_done(scan(Buffer, St, Line, Col, []), St);
tokens1(Buffer, Chars, Line, Col, St0) when is_list(Chars) ->
    St = St0#st{eof = false, stop_at_dot = true},
    Input = Buffer ++ Chars,
    case catch_more(fun() -> scan(Input, St, Line, Col, []) end) of
        more -> {more, {erl_scan_continuation, Input, Line, Col, St0}};
        Result -> tokens_done(Result, St)
    end.

catch_more(Fun) ->
    try Fun()
    catch throw:{?MODULE, more} -> more
    end.

tokens_done({ok, [], eof, Line, Col}, St) ->
    {done, {eof, loc(Line, Col, St)}, eof};
tokens_done({ok, Toks, Rest, Line, Col}, St) ->
    {done, {ok, lists:reverse(Toks), loc(Line, Col, St)}, Rest};
%% At the end of the text the characters left after an error are the end.
tokens_done({error, Error, []}, #st{eof = true}) ->
    {done, Error, eof};
tokens_done({error, Error, Rest}, _St) ->
    {done, Error, Rest}.

options(Opt, Col) when not is_list(Opt) -> options([Opt], Col);
options(Opts0, Col) ->
    Opts = lists:flatmap(fun(return) -> [return_comments, return_white_spaces];
                            (O) -> [O]
                         end, Opts0),
    ResWord = case lists:keyfind(reserved_word_fun, 1, Opts) of
                  false -> fun reserved_word/1;
                  {_, F} when is_function(F, 1) -> F;
                  _ -> erlang:error(badarg, [Opts0])
              end,
    Text = proplists:get_bool(text, Opts),
    {HasText, TextFun} =
        case {Text, proplists:get_value(text_fun, Opts, none)} of
            {true, _} -> {true, fun(_, _) -> true end};
            {false, none} -> {false, fun(_, _) -> false end};
            {false, TF} -> {true, TF}
        end,
    #st{resword_fun = ResWord, text_fun = TextFun, has_text = HasText,
        ws = proplists:get_bool(return_white_spaces, Opts),
        comment = proplists:get_bool(return_comments, Opts),
        col = Col}.

%%% ---------------------------------------------------------------------
%%% Reserved words and errors
%%% ---------------------------------------------------------------------

%% `maybe' and `else' are reserved only when the maybe_expr feature is
%% enabled, which it is not by default in OTP 25.
-spec reserved_word(Atom :: atom()) -> boolean().
reserved_word(Atom) -> f_reserved_word(Atom).

-spec f_reserved_word(Atom :: atom()) -> boolean().
f_reserved_word(Atom) ->
    lists:member(Atom, ['after', 'begin', 'case', 'try', 'cond', 'catch',
                        'andalso', 'orelse', 'end', 'fun', 'if', 'let', 'of',
                        'receive', 'when', 'bnot', 'not', 'div', 'rem', 'band',
                        'and', 'bor', 'bxor', 'bsl', 'bsr', 'or', 'xor']).

-spec format_error(ErrorDescriptor) -> string() when ErrorDescriptor :: term().
format_error({string, Quote, Head}) ->
    Thing = case Quote of $' -> "atom"; _ -> "string" end,
    lists:flatten(["unterminated ", Thing, " starting with ",
                   io_lib:write_string(Head, Quote)]);
format_error({illegal, Type}) ->
    lists:flatten(io_lib:fwrite("illegal ~w", [Type]));
format_error(char) -> "unterminated character";
format_error({base, Base}) ->
    lists:flatten(io_lib:fwrite("illegal base '~w'", [Base]));
format_error(Other) ->
    lists:flatten(io_lib:write(Other)).

%%% ---------------------------------------------------------------------
%%% Token accessors
%%% ---------------------------------------------------------------------

-spec category(Token) -> category() when Token :: token().
category({Category, _Anno}) -> Category;
category({Category, _Anno, _Symbol}) -> Category;
category(T) -> erlang:error(badarg, [T]).

-spec symbol(Token) -> symbol() when Token :: token().
symbol({Category, _Anno}) -> Category;
symbol({_Category, _Anno, Symbol}) -> Symbol;
symbol(T) -> erlang:error(badarg, [T]).

-spec column(Token) -> erl_anno:column() | undefined when Token :: token().
column(Token) -> erl_anno:column(element(2, Token)).

-spec end_location(Token) -> erl_anno:location() | undefined when Token :: token().
end_location(Token) -> erl_anno:end_location(element(2, Token)).

-spec line(Token) -> erl_anno:line() when Token :: token().
line(Token) -> erl_anno:line(element(2, Token)).

-spec location(Token) -> erl_anno:location() when Token :: token().
location(Token) -> erl_anno:location(element(2, Token)).

-spec text(Token) -> erl_anno:text() | undefined when Token :: token().
text(Token) -> erl_anno:text(element(2, Token)).

%%% ---------------------------------------------------------------------
%%% The scanner
%%% ---------------------------------------------------------------------

%% scan(Chars, St, Line, Col, RevTokens) ->
%%     {ok, RevTokens, Rest, Line, Col} | {error, Error, Rest}
%% Rest is `eof' when the input ran out, the characters after the full
%% stop when `stop_at_dot' is set.
scan([$\s | Cs], St, Line, Col, Toks) when St#st.ws ->
    white(Cs, St, Line, Col, Toks, $\s, 16, " ");
scan([$\t | Cs], St, Line, Col, Toks) when St#st.ws ->
    white(Cs, St, Line, Col, Toks, $\t, 10, "\t");
scan([$\n | Cs], St, Line, Col, Toks) when St#st.ws ->
    newline(Cs, St, Line, Col, Toks);
scan([$\r | Cs], St, Line, Col, Toks) when St#st.ws ->
    scan(Cs, St, Line, Col + 1, [token(white_space, Line, Col, St, "\r", "\r") | Toks]);
scan([C | Cs], St, Line, Col, Toks) when ?WHITE_SPACE(C), St#st.ws ->
    other_white(Cs, St, Line, Col, Toks, [C]);
scan([$\n | Cs], St, Line, _Col, Toks) ->
    scan(Cs, St, Line + 1, 1, Toks);
scan([C | Cs], St, Line, Col, Toks) when ?WHITE_SPACE(C) ->
    scan(Cs, St, Line, Col + 1, Toks);
scan([$% | Cs], St, Line, Col, Toks) ->
    comment(Cs, St, Line, Col, Toks, "%");
scan([C | _], _St, _Line, _Col, _Toks) when not ?CHAR(C) ->
    erlang:error({not_character, C});
scan([C | Cs], St, Line, Col, Toks) when C >= $a, C =< $z;
                                         C >= $ß, C =< $ÿ, C =/= $÷ ->
    name(Cs, St, Line, Col, Toks, [C], atom);
scan([C | Cs], St, Line, Col, Toks) when C >= $A, C =< $Z; C =:= $_;
                                         C >= $À, C =< $Þ, C =/= $× ->
    name(Cs, St, Line, Col, Toks, [C], var);
scan([C | Cs], St, Line, Col, Toks) when ?DIGIT(C) ->
    number(Cs, St, Line, Col, Toks, [C], false);
scan([$' | Cs], St, Line, Col, Toks) ->
    quoted(Cs, St, Line, Col, Toks, $');
scan([$" | Cs], St, Line, Col, Toks) ->
    quoted(Cs, St, Line, Col, Toks, $");
scan([$$ | Cs], St, Line, Col, Toks) ->
    char(Cs, St, Line, Col, Toks);
scan([$., $. | _] = Cs, St, Line, Col, Toks) ->
    punct(Cs, St, Line, Col, Toks);
scan([$. | Cs], St, Line, Col, Toks) ->
    dot(Cs, St, Line, Col, Toks);
scan([C | _] = Cs, St, Line, Col, Toks) when C =< 16#ff ->
    punct(Cs, St, Line, Col, Toks);
scan([_ | Cs], St, Line, Col, _Toks) ->
    error({illegal, character}, Line, Col, Line, Col + 1, Cs, St);
scan([], St, Line, Col, Toks) ->
    at_end(St),
    {ok, Toks, eof, Line, Col}.

%% The end of the input: fine when it is the end of the text, otherwise
%% more input is needed to go on.
at_end(#st{eof = true}) -> ok;
at_end(#st{}) -> throw({?MODULE, more}).

%% Location of a token start as the caller asked for it.
loc(Line, _Col, #st{col = false}) -> Line;
loc(Line, Col, #st{col = true}) -> {Line, Col}.

anno(Category, Line, Col, St, Text) ->
    Anno = erl_anno:new(loc(Line, Col, St)),
    case St#st.has_text andalso Text =/= [] andalso (St#st.text_fun)(Category, Text) of
        true -> erl_anno:set_text(Text, Anno);
        false -> Anno
    end.

token(Category, Line, Col, St, Text, Symbol) ->
    {Category, anno(Category, Line, Col, St, Text), Symbol}.

error(Reason, Line, Col, EndLine, EndCol, Rest, St) ->
    {error, {error, {loc(Line, Col, St), ?MODULE, Reason}, loc(EndLine, EndCol, St)}, Rest}.

%% ---- white space (only scanned into tokens with return_white_spaces) ----
%%
%% Grouped as OTP groups them: runs of up to 16 spaces or 10 tabs; a
%% newline starts a token, followed by up to 16 spaces, up to 10 tabs, one
%% `\r' or `\f', or any other white space up to the next newline.

white([C | Cs], St, Line, Col, Toks, C, Max, Acc) when length(Acc) < Max ->
    white(Cs, St, Line, Col, Toks, C, Max, [C | Acc]);
white([], St, Line, Col, Toks, _C, Max, Acc) when length(Acc) < Max ->
    at_end(St),
    white_end([], St, Line, Col, Toks, Acc);
white(Cs, St, Line, Col, Toks, _C, _Max, Acc) ->
    white_end(Cs, St, Line, Col, Toks, Acc).

white_end(Cs, St, Line, Col, Toks, Acc) ->
    Text = lists:reverse(Acc),
    scan(Cs, St, Line, Col + length(Text), [token(white_space, Line, Col, St, Text, Text) | Toks]).

other_white([$\n | _] = Cs, St, Line, Col, Toks, Acc) ->
    white_end(Cs, St, Line, Col, Toks, Acc);
other_white([C | Cs], St, Line, Col, Toks, Acc) when ?WHITE_SPACE(C) ->
    other_white(Cs, St, Line, Col, Toks, [C | Acc]);
other_white([], St, Line, Col, Toks, Acc) ->
    at_end(St),
    white_end([], St, Line, Col, Toks, Acc);
other_white(Cs, St, Line, Col, Toks, Acc) ->
    white_end(Cs, St, Line, Col, Toks, Acc).

newline([$\s | Cs], St, Line, Col, Toks) -> nl_run(Cs, St, Line, Col, Toks, $\s, 17, " \n");
newline([$\t | Cs], St, Line, Col, Toks) -> nl_run(Cs, St, Line, Col, Toks, $\t, 11, "\t\n");
newline([$\r | Cs], St, Line, Col, Toks) -> nl_end(Cs, St, Line, Col, Toks, "\n\r");
newline([$\f | Cs], St, Line, Col, Toks) -> nl_end(Cs, St, Line, Col, Toks, "\n\f");
newline([], St, Line, Col, Toks) ->
    at_end(St),
    nl_end([], St, Line, Col, Toks, "\n");
newline(Cs, St, Line, Col, Toks) -> nl_other(Cs, St, Line, Col, Toks, "\n").

nl_run([C | Cs], St, Line, Col, Toks, C, Max, Acc) when length(Acc) < Max ->
    nl_run(Cs, St, Line, Col, Toks, C, Max, [C | Acc]);
nl_run([], St, Line, Col, Toks, _C, Max, Acc) when length(Acc) < Max ->
    at_end(St),
    nl_end([], St, Line, Col, Toks, lists:reverse(Acc));
nl_run(Cs, St, Line, Col, Toks, _C, _Max, Acc) ->
    nl_end(Cs, St, Line, Col, Toks, lists:reverse(Acc)).

nl_other([$\n | Cs], St, Line, Col, Toks, Acc) ->
    Text = lists:reverse(Acc),
    newline(Cs, St, Line + 1, length(Text), [token(white_space, Line, Col, St, Text, Text) | Toks]);
nl_other([C | Cs], St, Line, Col, Toks, Acc) when ?WHITE_SPACE(C) ->
    nl_other(Cs, St, Line, Col, Toks, [C | Acc]);
nl_other([], St, Line, Col, Toks, Acc) ->
    at_end(St),
    nl_end([], St, Line, Col, Toks, lists:reverse(Acc));
nl_other(Cs, St, Line, Col, Toks, Acc) ->
    nl_end(Cs, St, Line, Col, Toks, lists:reverse(Acc)).

%% A white space token that starts with a newline: the next token is on
%% the next line, in the column after the token's other characters.
nl_end(Cs, St, Line, Col, Toks, Text) ->
    scan(Cs, St, Line + 1, length(Text), [token(white_space, Line, Col, St, Text, Text) | Toks]).

%% ---- comments ----

comment([$\n | _] = Cs, St, Line, Col, Toks, Acc) ->
    comment_end(Cs, St, Line, Col, Toks, Acc);
comment([C | Cs], St, Line, Col, Toks, Acc) when ?CHAR(C) ->
    case ?UNICODE(C) of
        true -> comment(Cs, St, Line, Col, Toks, [C | Acc]);
        false -> error({illegal, character}, Line, Col, Line, Col + length(Acc) + 1, Cs, St)
    end;
comment([], St, Line, Col, Toks, Acc) ->
    at_end(St),
    comment_end([], St, Line, Col, Toks, Acc);
comment(Cs, St, Line, Col, Toks, Acc) ->
    comment_end(Cs, St, Line, Col, Toks, Acc).

comment_end(Cs, #st{comment = true} = St, Line, Col, Toks, Acc) ->
    Text = lists:reverse(Acc),
    scan(Cs, St, Line, Col + length(Text), [token(comment, Line, Col, St, Text, Text) | Toks]);
comment_end(Cs, St, Line, Col, Toks, Acc) ->
    scan(Cs, St, Line, Col + length(Acc), Toks).

%% ---- atoms, variables and reserved words ----

name([C | Cs], St, Line, Col, Toks, Acc, Kind) when C >= $a, C =< $z; C >= $A, C =< $Z;
                                                    C =:= $_; C =:= $@; ?DIGIT(C);
                                                    C >= $ß, C =< $ÿ, C =/= $÷;
                                                    C >= $À, C =< $Þ, C =/= $× ->
    name(Cs, St, Line, Col, Toks, [C | Acc], Kind);
name([], St, Line, Col, Toks, Acc, Kind) ->
    at_end(St),
    name_end([], St, Line, Col, Toks, lists:reverse(Acc), Kind);
name(Cs, St, Line, Col, Toks, Acc, Kind) ->
    name_end(Cs, St, Line, Col, Toks, lists:reverse(Acc), Kind).

name_end(Cs, St, Line, Col, Toks, Text, Kind) ->
    Ncol = Col + length(Text),
    try list_to_atom(Text) of
        Name when Kind =:= atom ->
            Tok = case (St#st.resword_fun)(Name) of
                      true -> {Name, anno(Name, Line, Col, St, Text)};
                      false -> token(atom, Line, Col, St, Text, Name)
                  end,
            scan(Cs, St, Line, Ncol, [Tok | Toks]);
        Name ->
            scan(Cs, St, Line, Ncol, [token(var, Line, Col, St, Text, Name) | Toks])
    catch
        error:_ -> error({illegal, Kind}, Line, Col, Line, Ncol, Cs, St)
    end.

%% ---- numbers ----
%%
%% Acc holds the characters read so far, reversed, digit separators
%% included (they are part of the token's text); Us says whether there
%% were any to remove before conversion.

number([C | Cs], St, Line, Col, Toks, Acc, Us) when ?DIGIT(C) ->
    number(Cs, St, Line, Col, Toks, [C | Acc], Us);
number([$_, C | Cs], St, Line, Col, Toks, [P | _] = Acc, _Us) when ?DIGIT(C), ?DIGIT(P) ->
    number(Cs, St, Line, Col, Toks, [C, $_ | Acc], true);
number([$_], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    int_end([$_], St, Line, Col, Toks, Acc, Us);
number([$., C | Cs], St, Line, Col, Toks, Acc, Us) when ?DIGIT(C) ->
    fraction(Cs, St, Line, Col, Toks, [C, $. | Acc], Us);
number([$.], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    int_end([$.], St, Line, Col, Toks, Acc, Us);
number([$# | Cs] = Cs0, St, Line, Col, Toks, Acc, Us) ->
    Text = lists:reverse(Acc),
    case list_to_integer(digits(Text, Us)) of
        B when B >= 2, B =< 36 ->
            based(Cs, St, Line, Col, Toks, B, [], Text ++ "#", false);
        B ->
            error({base, B}, Line, Col, Line, Col + length(Text), Cs0, St)
    end;
number([], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    int_end([], St, Line, Col, Toks, Acc, Us);
number(Cs, St, Line, Col, Toks, Acc, Us) ->
    int_end(Cs, St, Line, Col, Toks, Acc, Us).

int_end(Cs, St, Line, Col, Toks, Acc, Us) ->
    Text = lists:reverse(Acc),
    Tok = token(integer, Line, Col, St, Text, list_to_integer(digits(Text, Us))),
    scan(Cs, St, Line, Col + length(Text), [Tok | Toks]).

digits(Text, false) -> Text;
digits(Text, true) -> [C || C <- Text, C =/= $_].

based_digit(C, B) when ?DIGIT(C) -> C - $0 < B;
based_digit(C, B) when C >= $a, C =< $z -> C - $a + 10 < B;
based_digit(C, B) when C >= $A, C =< $Z -> C - $A + 10 < B;
based_digit(_, _) -> false.

based([C | Cs] = Cs0, St, Line, Col, Toks, B, Acc, Prefix, Us) ->
    case based_digit(C, B) of
        true -> based(Cs, St, Line, Col, Toks, B, [C | Acc], Prefix, Us);
        false ->
            case {C, Cs, Acc} of
                {$_, [N | Cs1], [P | _]} ->
                    case based_digit(N, B) andalso based_digit(P, B) of
                        true -> based(Cs1, St, Line, Col, Toks, B, [N, $_ | Acc], Prefix, true);
                        false -> based_end(Cs0, St, Line, Col, Toks, B, Acc, Prefix, Us)
                    end;
                {$_, [], _} ->
                    at_end(St),
                    based_end(Cs0, St, Line, Col, Toks, B, Acc, Prefix, Us);
                _ ->
                    based_end(Cs0, St, Line, Col, Toks, B, Acc, Prefix, Us)
            end
    end;
based([], St, Line, Col, Toks, B, Acc, Prefix, Us) ->
    at_end(St),
    based_end([], St, Line, Col, Toks, B, Acc, Prefix, Us).

based_end(Cs, St, Line, Col, _Toks, _B, [], Prefix, _Us) ->
    error({illegal, integer}, Line, Col, Line, Col + length(Prefix), Cs, St);
based_end(Cs, St, Line, Col, Toks, B, Acc, Prefix, Us) ->
    Digits = lists:reverse(Acc),
    Text = Prefix ++ Digits,
    Tok = token(integer, Line, Col, St, Text, list_to_integer(digits(Digits, Us), B)),
    scan(Cs, St, Line, Col + length(Text), [Tok | Toks]).

fraction([C | Cs], St, Line, Col, Toks, Acc, Us) when ?DIGIT(C) ->
    fraction(Cs, St, Line, Col, Toks, [C | Acc], Us);
fraction([$_, C | Cs], St, Line, Col, Toks, [P | _] = Acc, _Us) when ?DIGIT(C), ?DIGIT(P) ->
    fraction(Cs, St, Line, Col, Toks, [C, $_ | Acc], true);
fraction([$_], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    float_end([$_], St, Line, Col, Toks, Acc, Us);
fraction([E | Cs], St, Line, Col, Toks, Acc, Us) when E =:= $e; E =:= $E ->
    exponent_sign(Cs, St, Line, Col, Toks, [E | Acc], Us);
fraction([], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    float_end([], St, Line, Col, Toks, Acc, Us);
fraction(Cs, St, Line, Col, Toks, Acc, Us) ->
    float_end(Cs, St, Line, Col, Toks, Acc, Us).

exponent_sign([C | Cs], St, Line, Col, Toks, Acc, Us) when C =:= $+; C =:= $- ->
    exponent(Cs, St, Line, Col, Toks, [C | Acc], Us);
exponent_sign([], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    exponent([], St, Line, Col, Toks, Acc, Us);
exponent_sign(Cs, St, Line, Col, Toks, Acc, Us) ->
    exponent(Cs, St, Line, Col, Toks, Acc, Us).

exponent([C | Cs], St, Line, Col, Toks, Acc, Us) when ?DIGIT(C) ->
    exponent(Cs, St, Line, Col, Toks, [C | Acc], Us);
exponent([$_, C | Cs], St, Line, Col, Toks, [P | _] = Acc, _Us) when ?DIGIT(C), ?DIGIT(P) ->
    exponent(Cs, St, Line, Col, Toks, [C, $_ | Acc], true);
exponent([$_], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    float_end([$_], St, Line, Col, Toks, Acc, Us);
exponent([], St, Line, Col, Toks, Acc, Us) ->
    at_end(St),
    float_end([], St, Line, Col, Toks, Acc, Us);
exponent(Cs, St, Line, Col, Toks, Acc, Us) ->
    float_end(Cs, St, Line, Col, Toks, Acc, Us).

float_end(Cs, St, Line, Col, Toks, Acc, Us) ->
    Text = lists:reverse(Acc),
    Ncol = Col + length(Text),
    try list_to_float(digits(Text, Us)) of
        F -> scan(Cs, St, Line, Ncol, [token(float, Line, Col, St, Text, F) | Toks])
    catch
        error:_ -> error({illegal, float}, Line, Col, Line, Ncol, Cs, St)
    end.

%% ---- strings and quoted atoms ----

%% Scans the characters of a string or quoted atom after its opening
%% quote Q, at (Line, Col) of that quote.
quoted(Cs0, St, Line0, Col0, Toks, Q) ->
    case quoted_chars(Cs0, St, Line0, Col0 + 1, Q, [], []) of
        {ok, Cs, Line, Col, Raw, Chars} ->
            Text = [Q | Raw] ++ [Q],
            case Q of
                $" ->
                    scan(Cs, St, Line, Col, [token(string, Line0, Col0, St, Text, Chars) | Toks]);
                $' ->
                    try list_to_atom(Chars) of
                        A -> scan(Cs, St, Line, Col, [token(atom, Line0, Col0, St, Text, A) | Toks])
                    catch
                        error:_ -> error({illegal, atom}, Line0, Col0, Line, Col, Cs, St)
                    end
            end;
        {eof, Line, Col, Chars} ->
            error({string, Q, string:slice(Chars, 0, 16)}, Line0, Col0, Line, Col, eof, St);
        {error, _, _} = Error ->
            Error
    end.

%% Returns {ok, Rest, Line, Col, RawText, Chars}, {eof, Line, Col, Chars}
%% or a scan error. Raw and Chars are built reversed and returned in order.
quoted_chars([Q | Cs], _St, Line, Col, Q, Raw, Chars) ->
    {ok, Cs, Line, Col + 1, lists:reverse(Raw), lists:reverse(Chars)};
quoted_chars([$\n | Cs], St, Line, _Col, Q, Raw, Chars) ->
    quoted_chars(Cs, St, Line + 1, 1, Q, [$\n | Raw], [$\n | Chars]);
quoted_chars([$\\ | Cs], St, Line, Col, Q, Raw, Chars) ->
    case escape(Cs, St) of
        {Val, ValRaw, Rest, nl} ->
            quoted_chars(Rest, St, Line + 1, 1, Q, lists:reverse(ValRaw, [$\\ | Raw]), [Val | Chars]);
        {Val, ValRaw, Rest, same} ->
            quoted_chars(Rest, St, Line, Col + 1 + length(ValRaw), Q,
                         lists:reverse(ValRaw, [$\\ | Raw]), [Val | Chars]);
        {error, Rest, N} ->
            error({illegal, character}, Line, Col, Line, Col + 1 + N, Rest, St);
        {eof, N} ->
            {eof, Line, Col + 1 + N, lists:reverse(Chars)}
    end;
quoted_chars([C | Cs], St, Line, Col, Q, Raw, Chars) when ?UNICODE(C) ->
    quoted_chars(Cs, St, Line, Col + 1, Q, [C | Raw], [C | Chars]);
quoted_chars([C | Cs], St, Line, Col, _Q, _Raw, _Chars) when ?CHAR(C) ->
    error({illegal, character}, Line, Col, Line, Col + 1, Cs, St);
quoted_chars([C | _], _St, _Line, _Col, _Q, _Raw, _Chars) ->
    erlang:error({not_character, C});
quoted_chars([], St, Line, Col, _Q, _Raw, Chars) ->
    at_end(St),
    {eof, Line, Col, lists:reverse(Chars)}.

%% An escape sequence after a backslash. Returns {Value, RawChars, Rest,
%% nl | same}, {error, Rest, Consumed} or {eof, Consumed}, Consumed being
%% the number of characters read after the backslash (locations of errors
%% end after them).
escape([O1, O2, O3 | Cs], _St) when ?OCT(O1), ?OCT(O2), ?OCT(O3) ->
    {(O1 * 8 + O2) * 8 + O3 - 73 * $0, [O1, O2, O3], Cs, same};
escape([O1, O2], St) when ?OCT(O1), ?OCT(O2) ->
    at_end(St),
    {O1 * 8 + O2 - 9 * $0, [O1, O2], [], same};
escape([O1, O2 | Cs], _St) when ?OCT(O1), ?OCT(O2) ->
    {O1 * 8 + O2 - 9 * $0, [O1, O2], Cs, same};
escape([O1], St) when ?OCT(O1) ->
    at_end(St),
    {O1 - $0, [O1], [], same};
escape([O1 | Cs], _St) when ?OCT(O1) ->
    {O1 - $0, [O1], Cs, same};
escape([$x, ${ | Cs], St) ->
    hex(Cs, St, []);
escape([$x], St) ->
    at_end(St),
    {eof, 1};
escape([$x, H1, H2 | Cs], _St) when ?HEX(H1), ?HEX(H2) ->
    {list_to_integer([H1, H2], 16), [$x, H1, H2], Cs, same};
escape([$x, H1], St) when ?HEX(H1) ->
    at_end(St),
    {error, [H1], 1};
escape([$x | Cs], _St) ->
    {error, Cs, 1};
escape([$^, C | Cs], _St) when ?CHAR(C) ->
    {C band 31, [$^, C], Cs, same};
escape([$^], St) ->
    at_end(St),
    {eof, 1};
escape([$\n | Cs], _St) ->
    {$\n, [$\n], Cs, nl};
escape([C | Cs], _St) when ?UNICODE(C) ->
    {escape_char(C), [C], Cs, same};
escape([C | Cs], _St) when ?CHAR(C) ->
    {error, Cs, 1};
escape([C | _], _St) ->
    erlang:error({not_character, C});
escape([], St) ->
    at_end(St),
    {eof, 0}.

%% \x{...}: Acc holds the hex digits read so far, reversed.
hex([C | Cs], St, Acc) when ?HEX(C) ->
    hex(Cs, St, [C | Acc]);
hex([$} | Cs], _St, []) ->
    {error, Cs, 3};
hex([$} | Cs], _St, Acc) ->
    Digits = lists:reverse(Acc),
    Consumed = 3 + length(Digits),
    Val = list_to_integer(Digits, 16),
    case ?UNICODE(Val) of
        true -> {Val, "x{" ++ Digits ++ "}", Cs, same};
        false -> {error, Cs, Consumed}
    end;
hex([], St, Acc) ->
    at_end(St),
    {eof, 2 + length(Acc)};
hex(Cs, _St, Acc) ->
    {error, Cs, 2 + length(Acc)}.

escape_char($n) -> $\n;
escape_char($r) -> $\r;
escape_char($t) -> $\t;
escape_char($v) -> $\v;
escape_char($b) -> $\b;
escape_char($f) -> $\f;
escape_char($e) -> $\e;
escape_char($s) -> $\s;
escape_char($d) -> $\d;
escape_char(C) -> C.

%% ---- character literals ----

char([$\\ | Cs], St, Line, Col, Toks) ->
    case escape(Cs, St) of
        {Val, Raw, Rest, nl} ->
            Tok = token(char, Line, Col, St, "$\\" ++ Raw, Val),
            scan(Rest, St, Line + 1, 1, [Tok | Toks]);
        {Val, Raw, Rest, same} ->
            Tok = token(char, Line, Col, St, "$\\" ++ Raw, Val),
            scan(Rest, St, Line, Col + 2 + length(Raw), [Tok | Toks]);
        {error, Rest, N} ->
            error({illegal, character}, Line, Col, Line, Col + 2 + N, Rest, St);
        {eof, N} ->
            error(char, Line, Col, Line, Col + 2 + N, eof, St)
    end;
char([$\n | Cs], St, Line, Col, Toks) ->
    scan(Cs, St, Line + 1, 1, [token(char, Line, Col, St, "$\n", $\n) | Toks]);
char([C | Cs], St, Line, Col, Toks) when ?UNICODE(C) ->
    scan(Cs, St, Line, Col + 2, [token(char, Line, Col, St, [$$, C], C) | Toks]);
char([C | _], St, Line, Col, _Toks) when ?CHAR(C) ->
    error({illegal, character}, Line, Col, Line, Col + 1, eof, St);
char([C | _], _St, _Line, _Col, _Toks) ->
    erlang:error({not_character, C});
char([], St, Line, Col, _Toks) ->
    at_end(St),
    error(char, Line, Col, Line, Col + 1, eof, St).

%% ---- full stop ----

dot([$% | _] = Cs, St, Line, Col, Toks) ->
    dot_end(Cs, St, Line, Col + 1, Toks, anno(dot, Line, Col, St, "."));
dot([$\n | Cs], St, Line, Col, Toks) ->
    dot_end(Cs, St, Line + 1, 1, Toks, anno(dot, Line, Col, St, ".\n"));
dot([C | Cs], St, Line, Col, Toks) when ?WHITE_SPACE(C) ->
    dot_end(Cs, St, Line, Col + 2, Toks, anno(dot, Line, Col, St, [$., C]));
dot([], St, Line, Col, Toks) ->
    at_end(St),
    dot_end(eof, St, Line, Col + 1, Toks, anno(dot, Line, Col, St, "."));
dot(Cs, St, Line, Col, Toks) ->
    scan(Cs, St, Line, Col + 1, [{'.', anno('.', Line, Col, St, ".")} | Toks]).

dot_end(Rest, #st{stop_at_dot = true}, Line, Col, Toks, Anno) ->
    {ok, [{dot, Anno} | Toks], Rest, Line, Col};
dot_end(eof, _St, Line, Col, Toks, Anno) ->
    {ok, [{dot, Anno} | Toks], eof, Line, Col};
dot_end(Rest, St, Line, Col, Toks, Anno) ->
    scan(Rest, St, Line, Col, [{dot, Anno} | Toks]).

%% ---- punctuation and operators ----

%% Longest match first. A proper prefix of a longer operator at the end of
%% the input needs the next character to be known.
punct(Cs, St, Line, Col, Toks) ->
    case operator(Cs) of
        {Op, Rest} ->
            Text = atom_to_list(Op),
            case Rest of
                [] -> case lists:any(fun(O) -> lists:prefix(Cs, O) andalso O =/= Cs end,
                                     longer_operators()) of
                          true -> at_end(St);
                          false -> ok
                      end;
                _ -> ok
            end,
            scan(Rest, St, Line, Col + length(Text), [{Op, anno(Op, Line, Col, St, Text)} | Toks])
    end.

longer_operators() ->
    ["=:=", "=/=", "...", "<<", "<-", "<=", ">>", ">=", "->", "--", "++", "=<",
     "=>", "==", "/=", "||", ":=", "::", "..", "?="].

operator("=:=" ++ Cs) -> {'=:=', Cs};
operator("=/=" ++ Cs) -> {'=/=', Cs};
operator("..." ++ Cs) -> {'...', Cs};
operator([A, B | Cs] = Cs0) ->
    case two_char([A, B]) of
        false -> operator1(Cs0);
        Op -> {Op, Cs}
    end;
operator(Cs) -> operator1(Cs).

operator1([C | Cs]) -> {list_to_atom([C]), Cs}.

two_char("<<") -> '<<';
two_char("<-") -> '<-';
two_char("<=") -> '<=';
two_char(">>") -> '>>';
two_char(">=") -> '>=';
two_char("->") -> '->';
two_char("--") -> '--';
two_char("++") -> '++';
two_char("=<") -> '=<';
two_char("=>") -> '=>';
two_char("==") -> '==';
two_char("/=") -> '/=';
two_char("||") -> '||';
two_char(":=") -> ':=';
two_char("::") -> '::';
two_char("..") -> '..';
two_char("?=") -> '?=';
two_char(_) -> false.
