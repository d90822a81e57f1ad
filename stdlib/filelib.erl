%% @doc File utilities over `file', as OTP 25's `filelib': wildcards,
%% type tests, making directories, folding over a tree, sizes and times,
%% and checking relative paths.
%%
%% Wildcards follow OTP's syntax: `?' one character, `*' any characters
%% (dot files included), `**' any number of directories, `[a-z,x]' a
%% character class (no negation: `^' is a character), `{a,b}' one of
%% several patterns. Matches come back sorted.
-module(filelib).

%% Wildcards
-export([wildcard/1, wildcard/2]).
%% Tests and information
-export([is_dir/1, is_file/1, is_regular/1, file_size/1, last_modified/1]).
%% Directories and trees
-export([ensure_dir/1, ensure_path/1, fold_files/5]).
%% Paths
-export([safe_relative_path/2]).

-type filename() :: file:name_all().
-type dirname() :: filename().

%%% ===================================================================
%%% Wildcards
%%% ===================================================================

%% @doc The names that match a wildcard pattern, relative to the current
%% directory (or absolute, if the pattern is).
-spec wildcard(Wildcard) -> [file:filename()] when Wildcard :: filename() | dirname().
wildcard(Wildcard) when is_list(Wildcard); is_atom(Wildcard) ->
    wildcard(Wildcard, ".").

%% @doc The names that match a wildcard pattern, relative to `Cwd'.
-spec wildcard(Wildcard, Cwd) -> [file:filename()]
              when Wildcard :: filename() | dirname(), Cwd :: dirname().
wildcard(Wildcard, Cwd) when is_list(Wildcard); is_atom(Wildcard) ->
    Pattern = filename:flatten(Wildcard),
    CwdS = filename:flatten(Cwd),
    {Root, Parts} = case Pattern of
                        [$/ | _] -> {"/", components(Pattern)};
                        _ -> {none, components(Pattern)}
                    end,
    Base = case Root of none -> CwdS; _ -> "/" end,
    Found = walk([{Root, Base}], Parts),
    lists:usort([Name || {Name, _} <- Found]).

components(Pattern) ->
    [compile(C) || C <- string:lexemes(Pattern, "/")].

%% Each entry is {NameSoFar | none, PathOnDisk}.
walk(Entries, []) ->
    [{Name, Path} || {Name, Path} <- Entries, Name =/= none, exists(Path)];
walk(Entries, [{literal, Lit} | Rest]) ->
    walk([{join(N, Lit), filename:join(P, Lit)} || {N, P} <- Entries], Rest);
walk(Entries, [double_star | Rest]) ->
    walk(lists:append([[E | subdirs(E)] || E <- Entries]), Rest);
walk(Entries, [{pattern, Pat} | Rest]) ->
    Next = lists:append(
             [[{join(N, F), filename:join(P, F)} || F <- list(P), match(Pat, F)]
              || {N, P} <- Entries]),
    walk(Next, Rest).

join(none, F) -> F;
join("/", F) -> "/" ++ F;
join(N, F) -> N ++ "/" ++ F.

exists(Path) ->
    case file:read_link_info(Path) of
        {ok, _} -> true;
        _ -> false
    end.

list(Path) ->
    case file:list_dir(Path) of
        {ok, Names} -> lists:sort(Names);
        _ -> []
    end.

%% Every directory under an entry, at any depth.
subdirs({N, P}) ->
    lists:append([begin
                      E = {join(N, F), filename:join(P, F)},
                      [E | subdirs(E)]
                  end || F <- list(P), is_dir(filename:join(P, F))]).

%% A component: literal text, `**', or a pattern of tokens.
compile("**") -> double_star;
compile(C) ->
    Toks = tokens(C),
    case lists:all(fun({char, _}) -> true; (_) -> false end, Toks) of
        true -> {literal, C};
        false -> {pattern, Toks}
    end.

tokens([]) -> [];
tokens([$* | T]) -> [star | tokens(T)];
tokens([$? | T]) -> [any | tokens(T)];
tokens([$[ | T]) ->
    case class(T, []) of
        {ok, Class, Rest} -> [{class, Class} | tokens(Rest)];
        error -> [{char, $[} | tokens(T)]
    end;
tokens([${ | T]) ->
    case alternatives(T, 0, [], []) of
        {ok, Alts, Rest} -> [{alt, [tokens(A) || A <- Alts]} | tokens(Rest)];
        error -> [{char, ${} | tokens(T)]
    end;
tokens([$\\, C | T]) -> [{char, C} | tokens(T)];
tokens([C | T]) -> [{char, C} | tokens(T)].

class([$] | Rest], Acc) -> {ok, lists:reverse(Acc), Rest};
class([A, $-, B | Rest], Acc) when B =/= $] -> class(Rest, [{A, B} | Acc]);
class([$, | Rest], Acc) -> class(Rest, Acc);
class([C | Rest], Acc) -> class(Rest, [{C, C} | Acc]);
class([], _) -> error.

%% The comma-separated alternatives of a `{...}', nesting counted.
alternatives([$} | Rest], 0, Cur, Acc) ->
    {ok, lists:reverse([lists:reverse(Cur) | Acc]), Rest};
alternatives([$, | Rest], 0, Cur, Acc) ->
    alternatives(Rest, 0, [], [lists:reverse(Cur) | Acc]);
alternatives([${ = C | Rest], D, Cur, Acc) -> alternatives(Rest, D + 1, [C | Cur], Acc);
alternatives([$} = C | Rest], D, Cur, Acc) -> alternatives(Rest, D - 1, [C | Cur], Acc);
alternatives([C | Rest], D, Cur, Acc) -> alternatives(Rest, D, [C | Cur], Acc);
alternatives([], _, _, _) -> error.

match([], []) -> true;
match([star | Ps], Name) ->
    match(Ps, Name) orelse (Name =/= [] andalso match([star | Ps], tl(Name)));
match([any | Ps], [_ | Name]) -> match(Ps, Name);
match([{char, C} | Ps], [C | Name]) -> match(Ps, Name);
match([{class, Ranges} | Ps], [C | Name]) ->
    lists:any(fun({A, B}) -> C >= A andalso C =< B end, Ranges)
        andalso match(Ps, Name);
match([{alt, Alts} | Ps], Name) ->
    lists:any(fun(A) -> match(A ++ Ps, Name) end, Alts);
match(_, _) -> false.

%%% ===================================================================
%%% Tests and information
%%% ===================================================================

%% @doc Whether `Name' is a directory (following links).
-spec is_dir(Name) -> boolean() when Name :: filename() | dirname().
is_dir(Name) -> type(Name) =:= directory.

%% @doc Whether `Name' is a regular file or a directory.
-spec is_file(Name) -> boolean() when Name :: filename() | dirname().
is_file(Name) ->
    T = type(Name),
    T =:= regular orelse T =:= directory.

%% @doc Whether `Name' is a regular file.
-spec is_regular(Name) -> boolean() when Name :: filename().
is_regular(Name) -> type(Name) =:= regular.

type(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(3, Info);
        _ -> none
    end.

%% @doc The size of a file, or 0 if it does not exist.
-spec file_size(Filename) -> non_neg_integer() when Filename :: filename().
file_size(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(2, Info);
        _ -> 0
    end.

%% @doc The local modification time of a file, or 0 if it does not exist.
-spec last_modified(Name) -> file:date_time() | 0 when Name :: filename() | dirname().
last_modified(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(6, Info);
        _ -> 0
    end.

%%% ===================================================================
%%% Directories and trees
%%% ===================================================================

%% @doc Makes every parent directory of `Name' that is missing.
-spec ensure_dir(Name) -> ok | {error, file:posix()} when Name :: filename() | dirname().
ensure_dir(Name) ->
    Dir = filename:dirname(filename:flatten(Name)),
    ensure_path(Dir).

%% @doc Makes the directory `Path' and every missing parent of it.
-spec ensure_path(Path) -> ok | {error, file:posix()} when Path :: dirname().
ensure_path(Path) ->
    P = filename:flatten(Path),
    case is_dir(P) of
        true -> ok;
        false -> make_path(P)
    end.

%% Makes P, making its parent first only if that is what is missing, so
%% a file in the way answers `enotdir' as in OTP.
make_path(P) ->
    case file:make_dir(P) of
        ok -> ok;
        {error, eexist} ->
            case is_dir(P) of
                true -> ok;
                false -> {error, eexist}
            end;
        {error, enoent} ->
            Parent = filename:dirname(P),
            case Parent =:= P of
                true -> {error, enoent};
                false ->
                    case make_path(Parent) of
                        ok -> make_path(P);
                        Error -> Error
                    end
            end;
        Error -> Error
    end.

%% @doc Folds `Fun' over the regular files under `Dir' whose base name
%% matches the regular expression `RegExp', into subdirectories if
%% `Recursive'.
-spec fold_files(Dir, RegExp, Recursive, Fun, AccIn) -> AccOut
              when Dir :: dirname(), RegExp :: string(), Recursive :: boolean(),
                   Fun :: fun((F :: file:filename(), AccIn) -> AccOut),
                   AccIn :: term(), AccOut :: term().
fold_files(Dir, RegExp, Recursive, Fun, Acc) ->
    {ok, Re} = re:compile(RegExp, [unicode]),
    fold(filename:flatten(Dir), Re, Recursive, Fun, Acc).

fold(Dir, Re, Recursive, Fun, Acc) ->
    case file:list_dir(Dir) of
        {ok, Names} ->
            lists:foldl(
              fun(N, A) ->
                      Full = filename:join(Dir, N),
                      case is_regular(Full) of
                          true ->
                              case re:run(N, Re, [{capture, none}]) of
                                  match -> Fun(Full, A);
                                  nomatch -> A
                              end;
                          false when Recursive ->
                              case is_dir(Full) of
                                  true -> fold(Full, Re, Recursive, Fun, A);
                                  false -> A
                              end;
                          false -> A
                      end
              end, Acc, Names);
        _ ->
            Acc
    end.

%%% ===================================================================
%%% Paths
%%% ===================================================================

%% @doc `Filename' with `..' and `.' resolved, if it stays below the
%% directory it is relative to; `unsafe' otherwise.
-spec safe_relative_path(Filename, Cwd) -> unsafe | SafeFilename
              when Filename :: filename(), Cwd :: filename(),
                   SafeFilename :: filename().
safe_relative_path(Filename, _Cwd) ->
    Name = filename:flatten(Filename),
    case filename:pathtype(Name) of
        relative -> safe(filename:split(Name), []);
        _ -> unsafe
    end.

safe([], []) -> [];
safe([], Acc) -> filename:join(lists:reverse(Acc));
safe(["." | Rest], Acc) -> safe(Rest, Acc);
safe([".." | _], []) -> unsafe;
safe([".." | Rest], [_ | Acc]) -> safe(Rest, Acc);
safe([P | Rest], Acc) -> safe(Rest, [P | Acc]).
