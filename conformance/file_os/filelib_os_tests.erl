-module(filelib_os_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: filelib (is_file/is_dir/is_regular/file_size/ensure_dir/
%% wildcard/fold_files/safe_relative_path) and os (getenv/0,1,2, putenv,
%% unsetenv, cmd/1,2, type, timestamp, system_time, getpid,
%% find_executable, perf_counter) of OTP 25. File tests work in a fresh
%% directory under /tmp that they remove; environment variables used are
%% named FERL_CONF_* and removed again.

id(X) -> X.

with_dir(F) ->
    Dir = "/tmp/ferl_conf_filelib_" ++ integer_to_list(erlang:unique_integer([positive]))
        ++ "_" ++ integer_to_list(erlang:system_time(microsecond)),
    ok = file:make_dir(Dir),
    try F(Dir)
    after rm_rf(Dir)
    end.

%% (element 3 of a #file_info{} is its type.)
rm_rf(Path) ->
    case file:read_link_info(Path) of
        {ok, Info} when element(3, Info) =:= directory ->
            {ok, Names} = file:list_dir(Path),
            [rm_rf(filename:join(Path, N)) || N <- Names],
            file:del_dir(Path);
        {ok, _} -> file:delete(Path);
        _ -> ok
    end.

j(Dir, Name) -> filename:join(Dir, Name).

%% A tree: a.txt b.txt c.erl ab.log .hidden sub/d.txt sub/deep/e.txt
with_tree(F) ->
    with_dir(fun(D) ->
                     [ok = file:write_file(j(D, N), <<"abc">>)
                      || N <- ["b.txt", "a.txt", "c.erl", "ab.log", ".hidden"]],
                     ok = file:make_dir(j(D, "sub")),
                     ok = file:write_file(j(D, "sub/d.txt"), <<>>),
                     ok = file:make_dir(j(D, "sub/deep")),
                     ok = file:write_file(j(D, "sub/deep/e.txt"), <<>>),
                     F(D)
             end).

%% ---- is_file / is_dir / is_regular / file_size ----------------------------

is_file_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assert(filelib:is_file(j(D, "f"))),
                     ?assert(filelib:is_file(D)),
                     ?assertNot(filelib:is_file(j(D, "missing")))
             end).

is_dir_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assert(filelib:is_dir(D)),
                     ?assertNot(filelib:is_dir(j(D, "f"))),
                     ?assertNot(filelib:is_dir(j(D, "missing")))
             end).

is_regular_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assert(filelib:is_regular(j(D, "f"))),
                     ?assertNot(filelib:is_regular(D)),
                     ?assertNot(filelib:is_regular(j(D, "missing")))
             end).

is_dir_binary_name_test() ->
    with_dir(fun(D) -> ?assert(filelib:is_dir(list_to_binary(D))) end).

file_size_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"12345">>),
                     ?assertEqual(5, filelib:file_size(j(D, "f"))),
                     ?assertEqual(0, filelib:file_size(j(D, "missing")))
             end).

%% ---- ensure_dir ---------------------------------------------------------------

ensure_dir_creates_parents_only_test() ->
    with_dir(fun(D) ->
                     ?assertEqual(ok, filelib:ensure_dir(j(D, "a/b/file"))),
                     ?assert(filelib:is_dir(j(D, "a/b"))),
                     ?assertNot(filelib:is_file(j(D, "a/b/file")))
             end).

ensure_dir_trailing_slash_test() ->
    with_dir(fun(D) ->
                     ?assertEqual(ok, filelib:ensure_dir(D ++ "/x/y/")),
                     ?assert(filelib:is_dir(j(D, "x/y")))
             end).

ensure_dir_existing_test() ->
    with_dir(fun(D) -> ?assertEqual(ok, filelib:ensure_dir(j(D, "f"))) end).

ensure_dir_file_in_the_way_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual({error, enotdir}, filelib:ensure_dir(j(D, "f/zz/y")))
             end).

%% ---- wildcard -------------------------------------------------------------------

wildcard_star_includes_dotfiles_test() ->
    with_tree(fun(D) ->
                      ?assertEqual([".hidden", "a.txt", "ab.log", "b.txt", "c.erl", "sub"],
                                   filelib:wildcard("*", D))
              end).

wildcard_extension_sorted_test() ->
    with_tree(fun(D) -> ?assertEqual(["a.txt", "b.txt"], filelib:wildcard("*.txt", D)) end).

wildcard_absolute_pattern_test() ->
    with_tree(fun(D) ->
                      ?assertEqual([j(D, "a.txt"), j(D, "b.txt")], filelib:wildcard(j(D, "*.txt")))
              end).

wildcard_question_mark_test() ->
    with_tree(fun(D) -> ?assertEqual(["a.txt", "b.txt", "c.erl"], filelib:wildcard("?.*", D)) end).

wildcard_character_class_test() ->
    with_tree(fun(D) -> ?assertEqual(["a.txt", "b.txt"], filelib:wildcard("[ab].*", D)) end).

%% '^' is not negation in filelib patterns: [^a] matches '^' or 'a'.
wildcard_caret_is_literal_test() ->
    with_tree(fun(D) -> ?assertEqual(["a.txt", "ab.log"], filelib:wildcard("[^a]*", D)) end).

wildcard_alternatives_test() ->
    with_tree(fun(D) -> ?assertEqual(["a.txt", "b.txt", "c.erl"], filelib:wildcard("*.{txt,erl}", D)) end).

wildcard_double_star_recursive_test() ->
    with_tree(fun(D) ->
                      ?assertEqual(["a.txt", "b.txt", "sub/d.txt", "sub/deep/e.txt"],
                                   filelib:wildcard("**/*.txt", D))
              end).

wildcard_subdirectory_test() ->
    with_tree(fun(D) -> ?assertEqual(["sub/d.txt", "sub/deep"], filelib:wildcard("sub/*", D)) end).

wildcard_no_match_test() ->
    with_tree(fun(D) -> ?assertEqual([], filelib:wildcard("nomatch*", D)) end).

wildcard_literal_name_test() ->
    with_tree(fun(D) ->
                      ?assertEqual(["a.txt"], filelib:wildcard("a.txt", D)),
                      ?assertEqual([], filelib:wildcard("zzz.txt", D))
              end).

wildcard_dot_star_test() ->
    with_tree(fun(D) -> ?assertEqual([".hidden"], filelib:wildcard(".*", D)) end).

wildcard_binary_pattern_function_clause_test() ->
    ?assertError(function_clause, filelib:wildcard(id(<<"*.erl">>), "/tmp")).

%% ---- fold_files / safe_relative_path ------------------------------------

fold_files_recursive_test() ->
    with_tree(fun(D) ->
                      Found = filelib:fold_files(D, "\\.txt$", true, fun(F, A) -> [F | A] end, []),
                      ?assertEqual([j(D, "a.txt"), j(D, "b.txt"), j(D, "sub/d.txt"), j(D, "sub/deep/e.txt")],
                                   lists:sort(Found))
              end).

fold_files_not_recursive_test() ->
    with_tree(fun(D) ->
                      Found = filelib:fold_files(D, "\\.txt$", false, fun(F, A) -> [F | A] end, []),
                      ?assertEqual([j(D, "a.txt"), j(D, "b.txt")], lists:sort(Found))
              end).

fold_files_only_regular_files_test() ->
    with_tree(fun(D) ->
                      Found = filelib:fold_files(D, "", false, fun(F, A) -> [F | A] end, []),
                      ?assertEqual([j(D, ".hidden"), j(D, "a.txt"), j(D, "ab.log"), j(D, "b.txt"), j(D, "c.erl")],
                                   lists:sort(Found))
              end).

safe_relative_path_test() ->
    ?assertEqual("b", filelib:safe_relative_path("a/../b", "/tmp")),
    ?assertEqual(unsafe, filelib:safe_relative_path("../b", "/tmp")),
    ?assertEqual(unsafe, filelib:safe_relative_path("/etc", "/tmp")).

%% ---- os environment ---------------------------------------------------------

getenv_unset_false_test() ->
    ?assertEqual(false, os:getenv("FERL_CONF_SURELY_UNSET_VAR")).

getenv_default_test() ->
    ?assertEqual("dflt", os:getenv("FERL_CONF_SURELY_UNSET_VAR", "dflt")).

putenv_getenv_test() ->
    ?assertEqual(true, os:putenv("FERL_CONF_V1", "value")),
    ?assertEqual("value", os:getenv("FERL_CONF_V1")),
    ?assertEqual("value", os:getenv("FERL_CONF_V1", "dflt")),
    os:unsetenv("FERL_CONF_V1").

putenv_empty_value_test() ->
    true = os:putenv("FERL_CONF_V2", ""),
    ?assertEqual("", os:getenv("FERL_CONF_V2")),
    ?assertEqual("", os:getenv("FERL_CONF_V2", "dflt")),
    os:unsetenv("FERL_CONF_V2").

putenv_overwrites_test() ->
    true = os:putenv("FERL_CONF_V3", "one"),
    true = os:putenv("FERL_CONF_V3", "two"),
    ?assertEqual("two", os:getenv("FERL_CONF_V3")),
    os:unsetenv("FERL_CONF_V3").

unsetenv_test() ->
    true = os:putenv("FERL_CONF_V4", "x"),
    ?assertEqual(true, os:unsetenv("FERL_CONF_V4")),
    ?assertEqual(false, os:getenv("FERL_CONF_V4")),
    ?assertEqual(true, os:unsetenv("FERL_CONF_V4")).

getenv_all_test() ->
    true = os:putenv("FERL_CONF_V5", "a=b"),
    All = os:getenv(),
    ?assert(lists:member("FERL_CONF_V5=a=b", All)),
    ?assert(lists:all(fun is_list/1, All)),
    os:unsetenv("FERL_CONF_V5").

putenv_unicode_value_test() ->
    true = os:putenv("FERL_CONF_V6", "caf\x{e9}"),
    ?assertEqual("caf\x{e9}", os:getenv("FERL_CONF_V6")),
    os:unsetenv("FERL_CONF_V6").

env_badarg_test() ->
    ?assertError(badarg, os:getenv(id(foo))),
    ?assertError(badarg, os:putenv(id(foo), "x")),
    ?assertError(badarg, os:putenv("FERL_CONF_V7", id(foo))),
    ?assertError(badarg, os:putenv("FERL_CONF_A=B", "c")).

cmd_sees_putenv_test() ->
    true = os:putenv("FERL_CONF_V8", "from erlang"),
    ?assertEqual("from erlang\n", os:cmd("echo $FERL_CONF_V8")),
    os:unsetenv("FERL_CONF_V8").

%% ---- os:cmd -----------------------------------------------------------------------

cmd_echo_test() ->
    ?assertEqual("hello\n", os:cmd("echo hello")).

cmd_no_trailing_newline_test() ->
    ?assertEqual("a\nb", os:cmd("printf 'a\\nb'")).

cmd_stderr_is_captured_test() ->
    ?assertEqual("out\nerr\n", os:cmd("echo out; echo err 1>&2")).

cmd_exit_status_ignored_test() ->
    ?assertEqual("", os:cmd("exit 3")),
    ?assertEqual("x\n", os:cmd("echo x; false")).

cmd_atom_command_test() ->
    ?assertEqual("", os:cmd(true)).

cmd_deep_list_command_test() ->
    ?assertEqual("hi\n", os:cmd(["echo ", "hi"])).

cmd_shell_features_test() ->
    ?assertEqual("/tmp\n", os:cmd("cd /tmp && pwd")),
    ?assertEqual("3\n", os:cmd("echo $((1 + 2))")),
    ?assertEqual("b\n", os:cmd("printf 'a\\nb\\n' | tail -n 1")).

cmd_max_size_test() ->
    ?assertEqual("hello", os:cmd("echo hello world", #{max_size => 5})),
    ?assertEqual("hello world\n", os:cmd("echo hello world", #{max_size => infinity})).

%% Output that is valid UTF-8 is decoded; otherwise each byte is one character.
cmd_utf8_output_decoded_test() ->
    ?assertEqual([945, 10], os:cmd("printf '\\316\\261\\n'")).

cmd_invalid_utf8_output_bytes_test() ->
    ?assertEqual([233, 10], os:cmd("printf '\\351\\n'")),
    ?assertEqual([97, 206, 177, 233], os:cmd("printf 'a\\316\\261\\351'")).

cmd_badarg_test() ->
    ?assertError(badarg, os:cmd(id(123))),
    ?assertError(badarg, os:cmd(id({echo}))).

%% ---- os: system information -----------------------------------------------

type_test() ->
    {Family, Name} = os:type(),
    ?assertEqual(unix, Family),
    ?assert(is_atom(Name)).

version_shape_test() ->
    {Ma, Mi, Re} = os:version(),
    ?assert(is_integer(Ma) andalso is_integer(Mi) andalso is_integer(Re)).

timestamp_shape_test() ->
    {Mega, Sec, Micro} = os:timestamp(),
    ?assert(is_integer(Mega) andalso Mega > 1000),
    ?assert(is_integer(Sec) andalso Sec >= 0 andalso Sec < 1000000),
    ?assert(is_integer(Micro) andalso Micro >= 0 andalso Micro < 1000000).

system_time_units_test() ->
    S = os:system_time(second),
    Ms = os:system_time(millisecond),
    ?assert(is_integer(S) andalso S > 1600000000),
    ?assert(Ms div 1000 - S < 5),
    ?assert(is_integer(os:system_time())).

perf_counter_test() ->
    A = os:perf_counter(),
    B = os:perf_counter(),
    ?assert(is_integer(A) andalso B >= A),
    ?assert(is_integer(os:perf_counter(millisecond))).

getpid_test() ->
    Pid = os:getpid(),
    ?assert(is_list(Pid) andalso Pid =/= []),
    ?assert(lists:all(fun(C) -> C >= $0 andalso C =< $9 end, Pid)),
    ?assertEqual(Pid, os:getpid()).

find_executable_test() ->
    Sh = os:find_executable("sh"),
    ?assert(is_list(Sh)),
    ?assertEqual("sh", filename:basename(Sh)),
    ?assertEqual(absolute, filename:pathtype(Sh)).

find_executable_with_path_test() ->
    ?assertEqual("/bin/sh", os:find_executable("sh", "/bin")),
    ?assertEqual(false, os:find_executable("sh", "/nonexistent_ferl_conf")).

find_executable_missing_test() ->
    ?assertEqual(false, os:find_executable("no_such_executable_ferl_conf_xyz")).
