%% compile:file/1,2 on a source written at run time: {ok, Module} for a
%% good file, error (or {error, _, _} with return) for a bad one.
-module(compile_file_tests).
-include_lib("eunit/include/eunit.hrl").

tmp() ->
    D = filename:join("/tmp", "ferl_compile_" ++ integer_to_list(erlang:unique_integer([positive]))),
    ok = file:make_dir(D),
    D.

good_file_test() ->
    D = tmp(),
    F = filename:join(D, "cf_good_mod.erl"),
    ok = file:write_file(F, "-module(cf_good_mod).\n-export([v/0]).\nv() -> 42.\n"),
    ?assertEqual({ok, cf_good_mod}, compile:file(F, [{outdir, D}])),
    file:del_dir_r(D).

good_file_without_extension_test() ->
    D = tmp(),
    F = filename:join(D, "cf_noext_mod"),
    ok = file:write_file(F ++ ".erl", "-module(cf_noext_mod).\n-export([v/0]).\nv() -> 1.\n"),
    ?assertEqual({ok, cf_noext_mod}, compile:file(F, [{outdir, D}])),
    file:del_dir_r(D).

bad_file_test() ->
    D = tmp(),
    F = filename:join(D, "cf_bad_mod.erl"),
    ok = file:write_file(F, "-module(cf_bad_mod).\nf( -> x.\n"),
    ?assertEqual(error, compile:file(F, [{outdir, D}])),
    ?assertMatch({error, [_ | _], _}, compile:file(F, [{outdir, D}, return])),
    file:del_dir_r(D).

missing_file_test() ->
    ?assertEqual(error, compile:file("/tmp/no_such_dir_ferl/zz.erl", [])).
