%% @doc File name manipulation, compatible with OTP 25's `filename' on
%% Unix.
%%
%% A file name is a string, an atom, a deep list of characters and atoms,
%% or a binary. Functions return a binary when the name (or one of the
%% names) they are given is a binary, else a flat string. Only Unix
%% conventions are implemented: `/' separates components and a name is
%% absolute when it starts with `/'.
%%
%% Normalization (`join/1,2', `nativename/1', `absname/1,2'): repeated
%% slashes are merged, a trailing slash is dropped, and a `.' component is
%% dropped unless it is the first one or ends the name (`join("a/./b",
%% "c")' is `"a/b/c"', `join(".", "a")' is `"./a"', `join("a", ".")' is
%% `"a/."' but `join("a", "./")' is `"a"'); `..' is kept.
%%
%% Known differences: for a binary name with an empty or `"/"' extension,
%% `basename/2' may differ from OTP's. `absname/1' needs `file:get_cwd/0'.
%% `basedir/2,3' follows the XDG conventions (Linux) and, on request, macOS
%% ones; the Windows ones are not implemented.
-module(filename).

%% Joining and splitting names.
-export([join/1, join/2, split/1, append/2, flatten/1, nativename/1]).

%% Parts of a name.
-export([basename/1, basename/2, dirname/1, extension/1, rootname/1,
         rootname/2, pathtype/1, validate/1]).

%% Absolute names and standard directories.
-export([absname/1, absname/2, absname_join/2, basedir/2, basedir/3]).

-type name() :: file:name_all().

%%% ------------------------------------------------------------------
%%% Joining and splitting names
%%% ------------------------------------------------------------------

%% @doc The components joined with `/' and normalized.
-spec join(Components) -> file:filename_all() when
      Components :: [name(), ...].
join([Name]) when is_list(Name); is_binary(Name); is_atom(Name) ->
    join1(Name);
join([Name1, Name2 | Rest]) -> join([join(Name1, Name2) | Rest]).

join1(Name) when is_binary(Name) -> list_to_binary(normalize(binary_to_list(Name)));
join1(Name) -> normalize(chars(Name)).

%% @doc `Name2' appended to `Name1' with `/', normalized; `Name2' if it
%% is absolute.
-spec join(Name1, Name2) -> file:filename_all() when
      Name1 :: name(),
      Name2 :: name().
join(Name1, Name2) ->
    S1 = chars(Name1),
    S2 = chars(Name2),
    Joined = case S2 of
                 [$/ | _] -> normalize(S2);
                 [] -> normalize(S1);
                 _ -> normalize(S1 ++ "/" ++ S2)
             end,
    as_type(Joined, [Name1, Name2]).

%% Normalizes a flat name (see the module documentation).
normalize(Name) ->
    Last = case lists:last([$/ | Name]) of
               $/ -> drop;
               _ -> keep
           end,
    case Name of
        [$/ | Rest] ->
            case drop_dots(components(Rest), middle, Last) of
                [] -> "/";
                Cs -> "/" ++ join_components(Cs)
            end;
        _ ->
            case drop_dots(components(Name), first, Last) of
                [] -> [];
                Cs -> join_components(Cs)
            end
    end.

drop_dots([C | Cs], first, Last) -> [C | drop_dots(Cs, middle, Last)];
drop_dots(["."], _, keep) -> ["."];
drop_dots(["." | Cs], _, Last) -> drop_dots(Cs, middle, Last);
drop_dots([C | Cs], _, Last) -> [C | drop_dots(Cs, middle, Last)];
drop_dots([], _, _) -> [].

join_components([C]) -> C;
join_components([C | Cs]) -> C ++ "/" ++ join_components(Cs).

%% The non-empty components of a flat name.
components(Name) -> string:lexemes(Name, "/").

%% @doc The components of `Filename'; the first is `"/"' for an absolute
%% name.
-spec split(Filename) -> Components when
      Filename :: name(),
      Components :: [file:filename_all()].
split(Name) when is_binary(Name) ->
    [list_to_binary(C) || C <- split(binary_to_list(Name))];
split(Name0) ->
    case chars(Name0) of
        [$/ | Rest] -> ["/" | components(Rest)];
        Name -> components(Name)
    end.

%% @doc `Dir' and `Name' separated by `/', without normalization.
-spec append(Dir, Name) -> file:filename_all() when
      Dir :: name(),
      Name :: name().
append(Dir, Name) when is_binary(Dir); is_binary(Name) ->
    list_to_binary(chars(Dir) ++ "/" ++ chars(Name));
append(Dir, Name) -> Dir ++ [$/ | Name].

%% @doc `Filename' as a flat list (atoms become their characters; binaries
%% inside the list are kept as elements); a binary is returned as is.
-spec flatten(Filename) -> file:filename_all() when
      Filename :: name().
flatten(Bin) when is_binary(Bin) -> Bin;
flatten(Name) -> flatten(Name, []).

flatten(A, Tail) when is_atom(A) -> atom_to_list(A) ++ Tail;
flatten([H | T], Tail) -> flatten(H, flatten(T, Tail));
flatten([], Tail) -> Tail;
flatten(X, Tail) -> [X | Tail].

%% @doc `Path' normalized in the form the operating system uses.
-spec nativename(Path) -> file:filename_all() when
      Path :: name().
nativename(Name) -> join([Name]).

%%% ------------------------------------------------------------------
%%% Parts of a name
%%% ------------------------------------------------------------------

%% @doc The last component of `Filename' (a single trailing `/' is
%% ignored; for a binary, all trailing slashes are).
-spec basename(Filename) -> file:filename_all() when
      Filename :: name().
basename(Name) ->
    as_type(basename_1(strip_slashes(chars(Name), [Name]), none, []), [Name]).

%% @doc The last component of `Filename' without the suffix `Ext' (the
%% suffix is removed only if `Filename' ends with it).
-spec basename(Filename, Ext) -> file:filename_all() when
      Filename :: name(),
      Ext :: name().
basename(Name, Ext) ->
    S = chars(Name),
    Stripped = strip_slashes(S, [Name, Ext]),
    %% After stripped trailing slashes, the extension is not removed.
    E = case Stripped =:= S of
            true -> chars(Ext);
            false -> none
        end,
    as_type_a(basename_1(Stripped, E, []), [Name, Ext]).

%% As on OTP, all trailing slashes are ignored when a binary is involved,
%% only the last one otherwise.
strip_slashes(S, Names) ->
    case lists:any(fun is_binary/1, Names) of
        true ->
            case lists:reverse(string:strip(lists:reverse(S), left, $/)) of
                [] when S =/= [] -> "/";
                S1 -> S1
            end;
        false -> S
    end.

basename_1(Ext, Ext, Tail) -> lists:reverse(Tail);
basename_1("/", _, Tail) -> lists:reverse(Tail);
basename_1([$/ | Rest], Ext, _) -> basename_1(Rest, Ext, []);
basename_1([C | Rest], Ext, Tail) -> basename_1(Rest, Ext, [C | Tail]);
basename_1([], _, Tail) -> lists:reverse(Tail).

%% @doc The directory part of `Filename': `"."' if there is none, `"/"'
%% for a file in the root directory.
-spec dirname(Filename) -> file:filename_all() when
      Filename :: name().
dirname(Name) ->
    S = chars(Name),
    Dir = case string:rchr(S, $/) of
              0 -> ".";
              I ->
                  case string:strip(lists:sublist(S, I - 1), right, $/) of
                      [] -> "/";
                      D -> D
                  end
          end,
    as_type(Dir, [Name]).

%% @doc The extension of `Filename' (from the last `.' of its last
%% component), or an empty name.
-spec extension(Filename) -> file:filename_all() when
      Filename :: name().
extension(Name) ->
    Base = last_component(chars(Name)),
    Ext = case string:rchr(Base, $.) of
              I when I > 1 -> lists:nthtail(I - 1, Base);
              _ -> []
          end,
    as_type(Ext, [Name]).

last_component(S) -> lists:nthtail(string:rchr(S, $/), S).

%% @doc `Filename' without its extension.
-spec rootname(Filename) -> file:filename_all() when
      Filename :: name().
rootname(Name) ->
    S = chars(Name),
    Dir = length(S) - length(last_component(S)),
    Root = case string:rchr(S, $.) of
               I when I > Dir, (I =:= 1 orelse I > Dir + 1) ->
                   lists:sublist(S, I - 1);
               _ -> S
           end,
    as_type(Root, [Name]).

%% @doc `Filename' without the suffix `Ext' if it ends with it (and the
%% suffix does not follow a `/').
-spec rootname(Filename, Ext) -> file:filename_all() when
      Filename :: name(),
      Ext :: name().
rootname(Name, Ext) ->
    S = chars(Name),
    E = chars(Ext),
    Root = case lists:suffix(E, S) of
               true ->
                   case lists:sublist(S, length(S) - length(E)) of
                       R = [_ | _] -> case lists:last(R) of
                                          $/ -> S;
                                          _ -> R
                                      end;
                       R -> R
                   end;
               false -> S
           end,
    as_type(Root, [Name, Ext]).

%% @doc `absolute' if `Path' starts with `/', else `relative'.
-spec pathtype(Path) -> 'absolute' | 'relative' | 'volumerelative' when
      Path :: name().
pathtype(Name) ->
    case chars(Name) of
        [$/ | _] -> absolute;
        _ -> relative
    end.

%% @doc True if `Name' is a valid, non-empty file name (no NUL character).
-spec validate(Name) -> boolean() when
      Name :: name().
validate(Bin) when is_binary(Bin) ->
    Bin =/= <<>> andalso not lists:member(0, binary_to_list(Bin));
validate(Name) ->
    try flatten(Name) of
        [] -> false;
        L -> lists:all(fun(C) -> is_integer(C) andalso C > 0 end, L)
    catch
        _:_ -> false
    end.

%%% ------------------------------------------------------------------
%%% Absolute names and standard directories
%%% ------------------------------------------------------------------

%% @doc `Filename' made absolute against the current working directory.
-spec absname(Filename) -> file:filename_all() when
      Filename :: name().
absname(Name) ->
    {ok, Cwd} = file:get_cwd(),
    absname(Name, Cwd).

%% @doc `Filename' made absolute against `Dir' (if `Filename' is relative).
-spec absname(Filename, Dir) -> file:filename_all() when
      Filename :: name(),
      Dir :: name().
absname(Name, Dir) ->
    case pathtype(Name) of
        absolute -> as_type_a(chars(join([Name])), [Name, Dir]);
        relative -> absname_join(Dir, Name)
    end.

%% @doc `Filename' joined to `Dir'.
-spec absname_join(Dir, Filename) -> file:filename_all() when
      Dir :: name(),
      Filename :: name().
absname_join(Dir, Name) -> join(Dir, Name).

%% @doc The standard directory of kind `PathType' for `Application' (see
%% `basedir/3').
-spec basedir(PathType, Application) -> file:filename_all() when
      PathType :: basedir_path_type(),
      Application :: string() | binary().
basedir(Type, App) when is_atom(Type), is_list(App) orelse is_binary(App) ->
    basedir(Type, App, #{}).

-type basedir_path_type() :: 'user_cache' | 'user_config' | 'user_data'
                           | 'user_log'.
-type basedir_paths_type() :: 'site_config' | 'site_data'.

%% @doc The standard directory (or, for `site_config' and `site_data', the
%% list of directories) of kind `Type' for `Application', following the
%% XDG Base Directory conventions (`$XDG_CACHE_HOME', ...; `$HOME/.cache',
%% ... when unset), or macOS ones with `#{os => darwin}'. `#{version =>
%% Vsn}' appends the version. Windows conventions are not implemented
%% (Linux ones are used).
-spec basedir(PathsType, Application, Opts) -> [file:filename_all()] |
                                              file:filename_all() when
      PathsType :: basedir_path_type() | basedir_paths_type(),
      Application :: string() | binary(),
      Opts :: #{author => string() | binary(),
                os => 'windows' | 'darwin' | 'linux',
                version => string() | binary()}.
basedir(Type, App, Opts) when is_atom(Type), is_map(Opts),
                              is_list(App) orelse is_binary(App) ->
    Suffix = case Opts of
                 #{version := Vsn} -> [chars(App), chars(Vsn)];
                 #{} -> [chars(App)]
             end,
    Dirs = case maps:get(os, Opts, linux) of
               darwin -> basedir_darwin(Type);
               _ -> basedir_linux(Type)
           end,
    Paths = case Dirs of
                {one, Dir, Extra} -> join([Dir | Suffix] ++ Extra);
                {many, Ds} -> [join([D | Suffix]) || D <- Ds]
            end,
    case is_binary(App) of
        true when is_list(Paths), is_integer(hd(Paths)) -> list_to_binary(Paths);
        true when is_list(Paths) -> [list_to_binary(P) || P <- Paths];
        _ -> Paths
    end.

basedir_linux(Type) ->
    Home = getenv("HOME", ""),
    case Type of
        user_cache -> {one, getenv("XDG_CACHE_HOME", Home ++ "/.cache"), []};
        user_config -> {one, getenv("XDG_CONFIG_HOME", Home ++ "/.config"), []};
        user_data -> {one, getenv("XDG_DATA_HOME", Home ++ "/.local/share"), []};
        user_log -> {one, getenv("XDG_CACHE_HOME", Home ++ "/.cache"), ["log"]};
        site_config -> {many, string:lexemes(getenv("XDG_CONFIG_DIRS", "/etc/xdg"), ":")};
        site_data ->
            {many, string:lexemes(getenv("XDG_DATA_DIRS",
                                         "/usr/local/share/:/usr/share/"), ":")}
    end.

basedir_darwin(Type) ->
    Home = getenv("HOME", ""),
    case Type of
        user_cache -> {one, Home ++ "/Library/Caches", []};
        user_config -> {one, Home ++ "/Library/Application Support", []};
        user_data -> {one, Home ++ "/Library/Application Support", []};
        user_log -> {one, Home ++ "/Library/Logs", []};
        site_config -> {many, ["/Library/Application Support"]};
        site_data -> {many, ["/Library/Application Support"]}
    end.

getenv(Name, Default) ->
    case os:getenv(Name) of
        false -> Default;
        "" -> Default;
        Value -> Value
    end.

%%% ------------------------------------------------------------------
%%% Helpers
%%% ------------------------------------------------------------------

%% A name as a flat list of characters.
chars(Bin) when is_binary(Bin) -> binary_to_list(Bin);
chars(A) when is_atom(A) -> atom_to_list(A);
chars(L) when is_list(L) -> chars_list(L, []).

chars_list([C | T], Acc) when is_integer(C) -> chars_list(T, [C | Acc]);
chars_list([A | T], Acc) when is_atom(A) ->
    chars_list(T, lists:reverse(atom_to_list(A), Acc));
chars_list([L | T], Acc) when is_list(L) -> chars_list(L ++ T, Acc);
chars_list([B | T], Acc) when is_binary(B) ->
    chars_list(T, lists:reverse(binary_to_list(B), Acc));
chars_list([], Acc) -> lists:reverse(Acc).

%% As as_type/2, but a list if the first name is an atom (as OTP's
%% basename/2 and absname/2 do).
as_type_a(S, [First | _]) when is_atom(First) -> S;
as_type_a(S, Names) -> as_type(S, Names).

%% A result as a binary if one of the names given was a binary.
as_type(S, Names) ->
    case lists:any(fun is_binary/1, Names) of
        true -> list_to_binary(S);
        false -> S
    end.
