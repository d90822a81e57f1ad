%% @doc Compares ferl's `filename' (renamed `ferl_filename') with OTP's.
-module(stdlib2_prop_filename).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    %% Documented difference: basename/2 of a binary with an empty or "/" extension.
    put(known_gaps, [basename]),
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(filename, ferl_filename, C, N).

cases() ->
    [{join, [names]}, {join, [name, name]}, {split, [name]},
     {append, [name, name]}, {flatten, [name]}, {nativename, [name]},
     {basename, [name]}, {basename, [name, ext]}, {dirname, [name]},
     {extension, [name]}, {rootname, [name]}, {rootname, [name, ext]},
     {pathtype, [name]}, {validate, [name]}, {absname, [name]},
     {absname, [name, name]}, {absname_join, [name, name]},
     {basedir, [btype, app]}, {basedir, [btype, app, bopts]}].

str() -> lists:append(list_of(6, fun() -> oneof(["a", "b", ".", "/", "..", ".e", "x.y", "//"]) end)).
gen(name) ->
    S = str(),
    case rand:uniform(12) of
        1 -> list_to_binary(S);
        2 -> list_to_atom(S);
        3 -> [S, oneof(["c", 'd'])];
        4 -> list_to_binary(S);
        _ -> S
    end;
gen(names) -> [gen(name) | list_of(3, fun() -> gen(name) end)];
gen(btype) -> oneof([user_cache, user_config, user_data, user_log, site_config, site_data, foo]);
gen(app) -> oneof(["app", <<"app">>, app]);
gen(bopts) -> oneof([#{}, #{version => "1.0"}, #{os => darwin}, #{os => linux, author => "x"}]);
gen(ext) -> oneof([".e", "e", ".y", "", "b", "/", <<".e">>]).
