%% @doc Annotations of the abstract format, as OTP 25's `erl_anno'.
%%
%% An annotation is a location (a line `L >= 0', or `{L, C}' with
%% `C >= 1') or, once it carries more than a location, a list of
%% `{Item, Value}' pairs that always ends with `{location, Loc}'. New items
%% are put in front; an item set to its default value (`generated' and
%% `record' false) is removed, and a list left with only the location
%% collapses back to the bare location, so annotations compare equal to
%% the ones OTP builds.
-module(erl_anno).

%% Construction and conversion
-export([new/1, is_anno/1, to_term/1, from_term/1]).
%% Reading
-export([column/1, end_location/1, file/1, generated/1, line/1, location/1,
         record/1, text/1]).
%% Updating
-export([set_file/2, set_generated/2, set_line/2, set_location/2,
         set_record/2, set_text/2]).

-export_type([anno/0, anno_term/0, column/0, line/0, location/0, text/0]).

-type column() :: pos_integer().
-type line() :: non_neg_integer().
-type location() :: line() | {line(), column()}.
-type text() :: string().
-type annotation() :: {file, string()} | {generated, boolean()}
                    | {location, location()} | {record, boolean()}
                    | {text, string()}.
-opaque anno() :: location() | [annotation(), ...].
-type anno_term() :: term().

-define(IS_LINE(L), (is_integer(L) andalso L >= 0)).
-define(IS_COLUMN(C), (is_integer(C) andalso C >= 1)).

%%% ---------------------------------------------------------------------
%%% Construction and conversion
%%% ---------------------------------------------------------------------

-spec new(Location) -> anno() when Location :: location().
new(Line) when ?IS_LINE(Line) -> Line;
new({Line, Column} = Loc) when ?IS_LINE(Line), ?IS_COLUMN(Column) -> Loc;
new(Term) -> erlang:error(badarg, [Term]).

-spec is_anno(Term) -> boolean() when Term :: any().
is_anno(Line) when ?IS_LINE(Line) -> true;
is_anno({Line, Column}) when ?IS_LINE(Line), ?IS_COLUMN(Column) -> true;
is_anno(List) when is_list(List), List =/= [] ->
    try
        lists:all(fun is_item/1, List)
            andalso lists:keymember(location, 1, List)
    catch
        _:_ -> false
    end;
is_anno(_) -> false.

is_item({location, Loc}) -> is_location(Loc);
is_item({generated, B}) -> is_boolean(B);
is_item({record, B}) -> is_boolean(B);
is_item({file, F}) -> is_list(F);
is_item({text, T}) -> is_list(T);
is_item(_) -> false.

is_location(Line) when ?IS_LINE(Line) -> true;
is_location({Line, Column}) when ?IS_LINE(Line), ?IS_COLUMN(Column) -> true;
is_location(_) -> false.

-spec to_term(Anno) -> anno_term() when Anno :: anno().
to_term(Anno) -> Anno.

%% A negative line is how annotations of generated code were written
%% before erl_anno existed; it reads back as a generated annotation.
-spec from_term(Term) -> Anno when Term :: anno_term(), Anno :: anno().
from_term(Line) when is_integer(Line), Line < 0 ->
    set_generated(true, new(-Line));
from_term(Term) -> Term.

%%% ---------------------------------------------------------------------
%%% Reading
%%% ---------------------------------------------------------------------

-spec column(Anno) -> column() | undefined when Anno :: anno().
column({_Line, Column}) -> Column;
column(Line) when is_integer(Line) -> undefined;
column(Anno) ->
    case location(Anno) of
        {_, Column} -> Column;
        _ -> undefined
    end.

%% The location just after the annotated text, when the text is known.
-spec end_location(Anno) -> location() | undefined when Anno :: anno().
end_location(Anno) ->
    case text(Anno) of
        undefined -> undefined;
        Text ->
            case location(Anno) of
                {Line, Column} -> end_location(Text, Line, Column);
                Line -> end_location(Text, Line, undefined)
            end
    end.

end_location("", Line, undefined) -> Line;
end_location("", Line, Column) -> {Line, Column};
end_location([$\n | Cs], Line, undefined) -> end_location(Cs, Line + 1, undefined);
end_location([$\n | Cs], Line, _Column) -> end_location(Cs, Line + 1, 1);
end_location([_ | Cs], Line, undefined) -> end_location(Cs, Line, undefined);
end_location([_ | Cs], Line, Column) -> end_location(Cs, Line, Column + 1).

-spec file(Anno) -> string() | undefined when Anno :: anno().
file(Anno) -> item(file, Anno, undefined).

-spec generated(Anno) -> boolean() when Anno :: anno().
generated(Anno) -> item(generated, Anno, false).

-spec line(Anno) -> line() when Anno :: anno().
line(Anno) ->
    case location(Anno) of
        {Line, _} -> Line;
        Line -> Line
    end.

-spec location(Anno) -> location() when Anno :: anno().
location(Line) when is_integer(Line) -> Line;
location({Line, Column} = Loc) when is_integer(Line), is_integer(Column) -> Loc;
location(Anno) when is_list(Anno) -> item(location, Anno, undefined);
location(Anno) -> erlang:error(badarg, [Anno]).

-spec record(Anno) -> boolean() when Anno :: anno().
record(Anno) -> item(record, Anno, false).

-spec text(Anno) -> text() | undefined when Anno :: anno().
text(Anno) -> item(text, Anno, undefined).

item(Key, Anno, Default) when is_list(Anno) ->
    case lists:keyfind(Key, 1, Anno) of
        {Key, Value} -> Value;
        false -> Default
    end;
item(_Key, _Anno, Default) -> Default.

%%% ---------------------------------------------------------------------
%%% Updating
%%% ---------------------------------------------------------------------

-spec set_file(File, Anno) -> anno() when File :: string(), Anno :: anno().
set_file(File, Anno) -> set(file, File, Anno).

-spec set_generated(Generated, Anno) -> anno() when
      Generated :: boolean(), Anno :: anno().
set_generated(Generated, Anno) -> set(generated, Generated, Anno).

-spec set_line(Line, Anno) -> anno() when Line :: line(), Anno :: anno().
set_line(Line, Anno) ->
    case location(Anno) of
        {_, Column} -> set_location({Line, Column}, Anno);
        _ -> set_location(Line, Anno)
    end.

-spec set_location(Location, Anno) -> anno() when
      Location :: location(), Anno :: anno().
set_location(Loc, Anno) when is_integer(Anno); is_tuple(Anno) -> new(Loc);
set_location(Loc, Anno) -> set(location, Loc, Anno).

-spec set_record(Record, Anno) -> anno() when Record :: boolean(), Anno :: anno().
set_record(Record, Anno) -> set(record, Record, Anno).

-spec set_text(Text, Anno) -> anno() when Text :: text(), Anno :: anno().
set_text(Text, Anno) -> set(text, Text, Anno).

%% Sets an item, keeping the list form canonical: a default value removes
%% the item, and a list holding only the location becomes the location.
set(Key, Value, Anno) when is_integer(Anno); is_tuple(Anno) ->
    set(Key, Value, [{location, Anno}]);
set(Key, Value, Anno) when is_list(Anno) ->
    List = case is_default(Key, Value) of
               true -> lists:keydelete(Key, 1, Anno);
               false ->
                   case lists:keymember(Key, 1, Anno) of
                       true -> lists:keyreplace(Key, 1, Anno, {Key, Value});
                       false -> [{Key, Value} | Anno]
                   end
           end,
    case List of
        [{location, Loc}] -> Loc;
        _ -> List
    end.

is_default(generated, false) -> true;
is_default(record, false) -> true;
is_default(_, _) -> false.
