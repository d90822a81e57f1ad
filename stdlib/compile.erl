%% @doc The compiler's interface, as far as ferl has one: `file/1,2'
%% compiles a source file and loads it as the current version of its
%% module. ferl keeps no `.beam' files, so nothing is written (`outdir'
%% is accepted and ignored) and `binary' gives no object code; errors and
%% warnings are printed as `erlc' prints them, unless `return' or
%% `report_*' options say otherwise. `forms/1,2' need the abstract format
%% turned back into ferl's syntax tree, which ferl cannot do yet.
-module(compile).

-export([file/1, file/2, forms/1, forms/2]).

%% @doc As `file(File, [report])'.
-spec file(File) -> {ok, module()} | error when File :: file:filename().
file(File) -> file(File, [report]).

%% @doc Compiles and loads `File' (`.erl' added when missing):
%% `{ok, Module}' or `error' (`{ok, Module, Warnings}' / `{error, Errors,
%% Warnings}' with `return', the texts as erlc prints them).
-spec file(File, Options) -> {ok, module()} | {ok, module(), term()} | error
                                | {error, term(), term()}
              when File :: file:filename() | atom(), Options :: [term()] | term().
file(File, Options) when not is_list(Options) ->
    file(File, [Options]);
file(File, Options) ->
    Name = source_name(File),
    Report = lists:member(report, Options) orelse lists:member(report_errors, Options),
    Return = lists:member(return, Options) orelse lists:member(return_errors, Options),
    case ferl_code:load_source(Name) of
        {ok, Mod, Warnings} ->
            [io:put_chars(standard_error, Warnings)
             || Warnings =/= [], Report orelse lists:member(report_warnings, Options)],
            case Return of
                true -> {ok, Mod, [Warnings || Warnings =/= []]};
                false -> {ok, Mod}
            end;
        {error, enoent} ->
            Text = Name ++ ": no such file or directory\n",
            [io:put_chars(standard_error, Text) || Report],
            case Return of
                true -> {error, [Text], []};
                false -> error
            end;
        {error, Text} ->
            [io:put_chars(standard_error, Text) || Report],
            case Return of
                true -> {error, [Text], []};
                false -> error
            end
    end.

source_name(File) when is_atom(File) -> source_name(atom_to_list(File));
source_name(File) ->
    F = filename:flatten(File),
    case filename:extension(F) of
        ".erl" -> F;
        _ -> F ++ ".erl"
    end.

%% @doc Not in ferl yet: compiling abstract forms needs them turned back
%% into ferl's syntax tree.
-spec forms(Forms) -> no_return() when Forms :: [erl_parse:abstract_form()].
forms(Forms) -> forms(Forms, []).

%% @doc Not in ferl yet (see `forms/1').
-spec forms(Forms, Options) -> no_return()
              when Forms :: [erl_parse:abstract_form()], Options :: [term()].
forms(Forms, Options) ->
    erlang:error({notsup, "compile:forms/2 is not in ferl yet"}, [Forms, Options]).
