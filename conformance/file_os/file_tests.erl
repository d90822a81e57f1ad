-module(file_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the file module of OTP 25 on a local file system:
%% read_file/write_file (modes, iodata, errors), consult/path_consult/
%% script, list_dir, make_dir/del_dir/del_dir_r, delete, rename, copy,
%% open/read/write/close in list and binary modes, read_line, position,
%% pread/pwrite, and the {error, Posix} results (file_info_tests has
%% read_file_info and #file_info{}). Every test works in a fresh
%% directory under /tmp that it removes afterwards.

id(X) -> X.

%% Runs F(Dir) with a fresh empty directory and removes it afterwards.
with_dir(F) ->
    Dir = "/tmp/ferl_conf_file_" ++ integer_to_list(erlang:unique_integer([positive]))
        ++ "_" ++ integer_to_list(erlang:system_time(microsecond)),
    ok = file:make_dir(Dir),
    try F(Dir)
    after rm_rf(Dir)
    end.

%% (element 3 of a #file_info{} is the type; this module does not include
%% kernel/include/file.hrl, file_info_tests does.)
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

%% ---- write_file / read_file ---------------------------------------------

write_then_read_test() ->
    with_dir(fun(D) ->
                     ?assertEqual(ok, file:write_file(j(D, "a"), <<"hello">>)),
                     ?assertEqual({ok, <<"hello">>}, file:read_file(j(D, "a")))
             end).

write_file_iodata_test() ->
    with_dir(fun(D) ->
                     ?assertEqual(ok, file:write_file(j(D, "a"), ["ab", <<"cd">>, [$e, [$f]]])),
                     ?assertEqual({ok, <<"abcdef">>}, file:read_file(j(D, "a")))
             end).

write_file_overwrites_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"long content">>),
                     ok = file:write_file(j(D, "a"), <<"short">>),
                     ?assertEqual({ok, <<"short">>}, file:read_file(j(D, "a")))
             end).

write_file_append_mode_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"one">>),
                     ?assertEqual(ok, file:write_file(j(D, "a"), <<"two">>, [append])),
                     ?assertEqual({ok, <<"onetwo">>}, file:read_file(j(D, "a")))
             end).

write_file_empty_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<>>),
                     ?assertEqual({ok, <<>>}, file:read_file(j(D, "a")))
             end).

write_file_binary_bytes_test() ->
    with_dir(fun(D) ->
                     Bin = list_to_binary(lists:seq(0, 255)),
                     ok = file:write_file(j(D, "a"), Bin),
                     ?assertEqual({ok, Bin}, file:read_file(j(D, "a")))
             end).

write_file_char_above_255_badarg_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, badarg}, file:write_file(j(D, "a"), [256]))
             end).

write_file_not_iodata_badarg_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, badarg}, file:write_file(j(D, "a"), id(foo)))
             end).

write_file_missing_directory_enoent_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, enoent}, file:write_file(j(D, "no/such"), <<>>))
             end).

read_file_enoent_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, enoent}, file:read_file(j(D, "missing")))
             end).

read_file_directory_eisdir_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, eisdir}, file:read_file(D))
             end).

read_file_binary_filename_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"x">>),
                     ?assertEqual({ok, <<"x">>}, file:read_file(list_to_binary(j(D, "a"))))
             end).

read_file_bad_filename_badarg_test() ->
    ?assertEqual({error, badarg}, file:read_file(id(123))).

read_file_unicode_filename_test() ->
    with_dir(fun(D) ->
                     Name = j(D, "caf\x{e9}"),
                     ok = file:write_file(Name, <<"u">>),
                     ?assertEqual({ok, <<"u">>}, file:read_file(Name)),
                     ?assertEqual({ok, ["caf\x{e9}"]}, file:list_dir(D))
             end).

%% ---- consult / path_consult / script -----------------------------------

consult_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "t.config"),
                                          "%% comment\n{a, 1}.\n[x, \"str\", <<\"b\">>].\n#{k => v}.\nfoo.\n"),
                     ?assertEqual({ok, [{a, 1}, [x, "str", <<"b">>], #{k => v}, foo]},
                                  file:consult(j(D, "t.config")))
             end).

consult_empty_file_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "t"), ""),
                     ?assertEqual({ok, []}, file:consult(j(D, "t")))
             end).

consult_syntax_error_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "t"), "{a, 1}.\n{b c}.\n"),
                     ?assertEqual({error, {2, erl_parse, ["syntax error before: ", "c"]}},
                                  file:consult(j(D, "t")))
             end).

consult_unterminated_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "t"), "{a, 1}.\n{b,\n"),
                     ?assertEqual({error, {2, erl_parse, ["syntax error before: ", []]}},
                                  file:consult(j(D, "t")))
             end).

consult_enoent_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, enoent}, file:consult(j(D, "missing")))
             end).

path_consult_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "second")),
                     ok = file:write_file(j(D, "second/c.config"), "ok.\n"),
                     Expected = {ok, [ok], j(D, "second/c.config")},
                     ?assertEqual(Expected, file:path_consult([j(D, "first"), j(D, "second")], "c.config"))
             end).

path_consult_not_found_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, enoent}, file:path_consult([D], "none.config"))
             end).

script_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "s"), "X = 6, Y = 7,\nX * Y.\n"),
                     ?assertEqual({ok, 42}, file:script(j(D, "s")))
             end).

script_with_bindings_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "s"), "{A, lists:reverse(B)}.\n"),
                     ?assertEqual({ok, {1, [c, b]}}, file:script(j(D, "s"), [{'A', 1}, {'B', [b, c]}]))
             end).

%% ---- directories ------------------------------------------------------------

list_dir_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "b"), <<>>),
                     ok = file:write_file(j(D, "a"), <<>>),
                     ok = file:make_dir(j(D, "c")),
                     {ok, Names} = file:list_dir(D),
                     ?assertEqual(["a", "b", "c"], lists:sort(Names))
             end).

list_dir_empty_test() ->
    with_dir(fun(D) -> ?assertEqual({ok, []}, file:list_dir(D)) end).

list_dir_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:list_dir(j(D, "missing"))) end).

list_dir_of_file_enotdir_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual({error, enotdir}, file:list_dir(j(D, "f")))
             end).

make_dir_test() ->
    with_dir(fun(D) ->
                     ?assertEqual(ok, file:make_dir(j(D, "sub"))),
                     ?assert(filelib:is_dir(j(D, "sub")))
             end).

make_dir_exists_eexist_test() ->
    with_dir(fun(D) -> ?assertEqual({error, eexist}, file:make_dir(D)) end).

make_dir_missing_parent_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:make_dir(j(D, "x/y"))) end).

del_dir_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "sub")),
                     ?assertEqual(ok, file:del_dir(j(D, "sub"))),
                     ?assertEqual({ok, []}, file:list_dir(D))
             end).

del_dir_not_empty_eexist_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "sub")),
                     ok = file:write_file(j(D, "sub/f"), <<>>),
                     ?assertEqual({error, eexist}, file:del_dir(j(D, "sub")))
             end).

del_dir_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:del_dir(j(D, "missing"))) end).

del_dir_of_file_enotdir_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual({error, enotdir}, file:del_dir(j(D, "f")))
             end).

del_dir_r_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "t")),
                     ok = file:make_dir(j(D, "t/u")),
                     ok = file:write_file(j(D, "t/u/f"), <<"x">>),
                     ok = file:write_file(j(D, "t/g"), <<"y">>),
                     ?assertEqual(ok, file:del_dir_r(j(D, "t"))),
                     ?assertEqual({ok, []}, file:list_dir(D))
             end).

del_dir_r_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:del_dir_r(j(D, "missing"))) end).

get_cwd_test() ->
    {ok, Cwd} = file:get_cwd(),
    ?assert(is_list(Cwd)),
    ?assertEqual(absolute, filename:pathtype(Cwd)).

set_cwd_enoent_test() ->
    {ok, Before} = file:get_cwd(),
    ?assertEqual({error, enoent}, file:set_cwd("/nonexistent_dir_ferl_conf_xyz")),
    ?assertEqual({ok, Before}, file:get_cwd()).

%% ---- delete / rename / copy ---------------------------------------------

delete_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual(ok, file:delete(j(D, "f"))),
                     ?assertEqual({error, enoent}, file:read_file(j(D, "f")))
             end).

delete_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:delete(j(D, "missing"))) end).

delete_directory_eperm_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "sub")),
                     ?assertEqual({error, eperm}, file:delete(j(D, "sub")))
             end).

rename_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"data">>),
                     ?assertEqual(ok, file:rename(j(D, "a"), j(D, "b"))),
                     ?assertEqual({error, enoent}, file:read_file(j(D, "a"))),
                     ?assertEqual({ok, <<"data">>}, file:read_file(j(D, "b")))
             end).

rename_replaces_target_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"new">>),
                     ok = file:write_file(j(D, "b"), <<"old">>),
                     ?assertEqual(ok, file:rename(j(D, "a"), j(D, "b"))),
                     ?assertEqual({ok, <<"new">>}, file:read_file(j(D, "b")))
             end).

rename_directory_test() ->
    with_dir(fun(D) ->
                     ok = file:make_dir(j(D, "d1")),
                     ok = file:write_file(j(D, "d1/f"), <<"x">>),
                     ?assertEqual(ok, file:rename(j(D, "d1"), j(D, "d2"))),
                     ?assertEqual({ok, <<"x">>}, file:read_file(j(D, "d2/f")))
             end).

rename_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:rename(j(D, "missing"), j(D, "b"))) end).

copy_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"0123456789">>),
                     ?assertEqual({ok, 10}, file:copy(j(D, "a"), j(D, "b"))),
                     ?assertEqual({ok, <<"0123456789">>}, file:read_file(j(D, "b")))
             end).

copy_limited_bytes_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "a"), <<"0123456789">>),
                     ?assertEqual({ok, 4}, file:copy(j(D, "a"), j(D, "b"), 4)),
                     ?assertEqual({ok, <<"0123">>}, file:read_file(j(D, "b")))
             end).

copy_enoent_test() ->
    with_dir(fun(D) ->
                     ?assertEqual({error, enoent}, file:copy(j(D, "missing"), j(D, "b"))),
                     ok = file:write_file(j(D, "a"), <<>>),
                     ?assertEqual({error, enoent}, file:copy(j(D, "a"), j(D, "no/b")))
             end).

read_file_info_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:read_file_info(j(D, "missing"))) end).

read_link_not_a_link_einval_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual({error, einval}, file:read_link(j(D, "f")))
             end).

%% ---- open / read / write / close ---------------------------------------

open_write_read_list_mode_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ?assertEqual(ok, file:write(W, "hello ")),
                     ?assertEqual(ok, file:write(W, <<"world">>)),
                     ?assertEqual(ok, file:close(W)),
                     {ok, R} = file:open(j(D, "f"), [read]),
                     ?assertEqual({ok, "hello"}, file:read(R, 5)),
                     ?assertEqual({ok, " world"}, file:read(R, 100)),
                     ?assertEqual(eof, file:read(R, 1)),
                     ok = file:close(R)
             end).

open_binary_mode_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"abcdef">>),
                     {ok, R} = file:open(j(D, "f"), [read, binary]),
                     ?assertEqual({ok, <<"abc">>}, file:read(R, 3)),
                     ?assertEqual({ok, <<"def">>}, file:read(R, 3)),
                     ?assertEqual(eof, file:read(R, 3)),
                     ok = file:close(R)
             end).

open_missing_for_read_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:open(j(D, "missing"), [read])) end).

open_directory_for_write_eisdir_test() ->
    with_dir(fun(D) -> ?assertEqual({error, eisdir}, file:open(D, [write])) end).

open_write_truncates_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"old content">>),
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ok = file:write(W, <<"new">>),
                     ok = file:close(W),
                     ?assertEqual({ok, <<"new">>}, file:read_file(j(D, "f")))
             end).

open_append_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"one">>),
                     {ok, W} = file:open(j(D, "f"), [append]),
                     ok = file:write(W, <<"two">>),
                     ok = file:close(W),
                     ?assertEqual({ok, <<"onetwo">>}, file:read_file(j(D, "f")))
             end).

open_exclusive_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual({error, eexist}, file:open(j(D, "f"), [write, exclusive]))
             end).

open_read_write_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"abcdef">>),
                     {ok, F} = file:open(j(D, "f"), [read, write, binary]),
                     ?assertEqual({ok, <<"ab">>}, file:read(F, 2)),
                     ok = file:write(F, <<"XY">>),
                     ok = file:close(F),
                     ?assertEqual({ok, <<"abXYef">>}, file:read_file(j(D, "f")))
             end).

read_on_write_only_ebadf_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ?assertEqual({error, ebadf}, file:read(W, 1)),
                     ok = file:close(W)
             end).

write_on_read_only_ebadf_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     {ok, R} = file:open(j(D, "f"), [read]),
                     ?assertEqual({error, ebadf}, file:write(R, <<"x">>)),
                     ok = file:close(R)
             end).

write_char_above_255_badarg_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ?assertEqual({error, badarg}, file:write(W, [256])),
                     ok = file:close(W)
             end).

read_after_close_terminated_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"x">>),
                     {ok, R} = file:open(j(D, "f"), [read]),
                     ok = file:close(R),
                     ?assertEqual({error, terminated}, file:read(R, 1)),
                     ?assertEqual(ok, file:close(R))
             end).

read_line_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"line1\nline2\nlast">>),
                     {ok, R} = file:open(j(D, "f"), [read]),
                     ?assertEqual({ok, "line1\n"}, file:read_line(R)),
                     ?assertEqual({ok, "line2\n"}, file:read_line(R)),
                     ?assertEqual({ok, "last"}, file:read_line(R)),
                     ?assertEqual(eof, file:read_line(R)),
                     ok = file:close(R)
             end).

%% read_line returns CRLF as LF.
read_line_binary_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"a\r\nb\n">>),
                     {ok, R} = file:open(j(D, "f"), [read, binary]),
                     ?assertEqual({ok, <<"a\n">>}, file:read_line(R)),
                     ?assertEqual({ok, <<"b\n">>}, file:read_line(R)),
                     ?assertEqual(eof, file:read_line(R)),
                     ok = file:close(R)
             end).

read_line_read_ahead_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"x\ny\n">>),
                     {ok, R} = file:open(j(D, "f"), [read, binary, read_ahead]),
                     ?assertEqual({ok, <<"x\n">>}, file:read_line(R)),
                     ?assertEqual({ok, <<"y\n">>}, file:read_line(R)),
                     ?assertEqual(eof, file:read_line(R)),
                     ok = file:close(R)
             end).

position_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"0123456789">>),
                     {ok, R} = file:open(j(D, "f"), [read, binary]),
                     ?assertEqual({ok, 4}, file:position(R, 4)),
                     ?assertEqual({ok, <<"45">>}, file:read(R, 2)),
                     ?assertEqual({ok, 6}, file:position(R, cur)),
                     ?assertEqual({ok, 3}, file:position(R, {cur, -3})),
                     ?assertEqual({ok, 10}, file:position(R, eof)),
                     ?assertEqual({ok, 8}, file:position(R, {eof, -2})),
                     ?assertEqual({ok, <<"89">>}, file:read(R, 5)),
                     ?assertEqual({ok, 0}, file:position(R, bof)),
                     ?assertEqual({ok, 1}, file:position(R, {bof, 1})),
                     ok = file:close(R)
             end).

position_negative_einval_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"abc">>),
                     {ok, R} = file:open(j(D, "f"), [read]),
                     ?assertEqual({error, einval}, file:position(R, {bof, -1})),
                     ok = file:close(R)
             end).

pread_pwrite_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"0123456789">>),
                     {ok, F} = file:open(j(D, "f"), [read, write, binary]),
                     ?assertEqual({ok, <<"345">>}, file:pread(F, 3, 3)),
                     ?assertEqual(ok, file:pwrite(F, 0, <<"AB">>)),
                     ?assertEqual({ok, <<"AB2">>}, file:pread(F, 0, 3)),
                     ?assertEqual(eof, file:pread(F, 100, 1)),
                     ?assertEqual({ok, <<"89">>}, file:pread(F, 8, 10)),
                     ok = file:close(F)
             end).

pread_list_of_locations_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"0123456789">>),
                     {ok, F} = file:open(j(D, "f"), [read, binary]),
                     ?assertEqual({ok, [<<"01">>, <<"9">>, eof]}, file:pread(F, [{0, 2}, {9, 5}, {20, 1}])),
                     ok = file:close(F)
             end).

sync_and_datasync_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ok = file:write(W, <<"x">>),
                     ?assertEqual(ok, file:sync(W)),
                     ?assertEqual(ok, file:datasync(W)),
                     ok = file:close(W)
             end).

io_functions_on_file_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write]),
                     ok = io:format(W, "~p-~s~n", [{a, 1}, "txt"]),
                     ok = io:put_chars(W, "more"),
                     ok = file:close(W),
                     ?assertEqual({ok, <<"{a,1}-txt\nmore">>}, file:read_file(j(D, "f")))
             end).

write_utf8_encoding_test() ->
    with_dir(fun(D) ->
                     {ok, W} = file:open(j(D, "f"), [write, {encoding, utf8}]),
                     ok = io:put_chars(W, [$a, 16#3b1]),
                     ok = file:close(W),
                     ?assertEqual({ok, <<"a", 206, 177>>}, file:read_file(j(D, "f")))
             end).

file_format_error_test() ->
    ?assertEqual("no such file or directory", file:format_error(enoent)),
    ?assertEqual("file already exists", file:format_error(eexist)).
