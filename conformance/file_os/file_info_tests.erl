-module(file_info_tests).
-include_lib("eunit/include/eunit.hrl").
-include_lib("kernel/include/file.hrl").

%% Conformance: file:read_file_info/1,2, read_link_info, write_file_info,
%% change_mode, symlinks (make_symlink/read_link), and the #file_info{}
%% record of kernel/include/file.hrl as OTP 25 has them. Every test works
%% in a fresh directory under /tmp that it removes afterwards.

id(X) -> X.

%% Runs F(Dir) with a fresh empty directory and removes it afterwards.
with_dir(F) ->
    Dir = "/tmp/ferl_conf_file_" ++ integer_to_list(erlang:unique_integer([positive]))
        ++ "_" ++ integer_to_list(erlang:system_time(microsecond)),
    ok = file:make_dir(Dir),
    try F(Dir)
    after rm_rf(Dir)
    end.

rm_rf(Path) ->
    case file:read_link_info(Path) of
        {ok, #file_info{type = directory}} ->
            {ok, Names} = file:list_dir(Path),
            [rm_rf(filename:join(Path, N)) || N <- Names],
            file:del_dir(Path);
        {ok, _} -> file:delete(Path);
        _ -> ok
    end.

j(Dir, Name) -> filename:join(Dir, Name).

%% ---- file info ---------------------------------------------------------------

read_file_info_regular_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"12345">>),
                     {ok, Info} = file:read_file_info(j(D, "f")),
                     ?assertEqual(regular, Info#file_info.type),
                     ?assertEqual(5, Info#file_info.size),
                     ?assertEqual(read_write, Info#file_info.access)
             end).

read_file_info_directory_test() ->
    with_dir(fun(D) ->
                     {ok, Info} = file:read_file_info(D),
                     ?assertEqual(directory, Info#file_info.type)
             end).

read_file_info_record_shape_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     {ok, Info} = file:read_file_info(j(D, "f")),
                     ?assertEqual(file_info, element(1, Info)),
                     ?assertEqual(14, tuple_size(Info)),
                     {{Y, Mo, Da}, {H, Mi, S}} = Info#file_info.mtime,
                     ?assert(lists:all(fun is_integer/1, [Y, Mo, Da, H, Mi, S]))
             end).

read_file_info_posix_time_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     {ok, Info} = file:read_file_info(j(D, "f"), [{time, posix}]),
                     ?assert(is_integer(Info#file_info.mtime))
             end).

change_mode_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual(ok, file:change_mode(j(D, "f"), 8#640)),
                     {ok, Info} = file:read_file_info(j(D, "f")),
                     ?assertEqual(8#640, Info#file_info.mode band 8#777)
             end).

write_file_info_mode_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<>>),
                     ?assertEqual(ok, file:write_file_info(j(D, "f"), #file_info{mode = 8#600})),
                     {ok, Info} = file:read_file_info(j(D, "f")),
                     ?assertEqual(8#600, Info#file_info.mode band 8#777)
             end).

symlink_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "target"), <<"t">>),
                     ?assertEqual(ok, file:make_symlink("target", j(D, "link"))),
                     ?assertEqual({ok, "target"}, file:read_link(j(D, "link"))),
                     ?assertEqual({ok, <<"t">>}, file:read_file(j(D, "link"))),
                     {ok, LI} = file:read_link_info(j(D, "link")),
                     ?assertEqual(symlink, LI#file_info.type),
                     {ok, FI} = file:read_file_info(j(D, "link")),
                     ?assertEqual(regular, FI#file_info.type)
             end).


read_link_info_of_regular_file_test() ->
    with_dir(fun(D) ->
                     ok = file:write_file(j(D, "f"), <<"abc">>),
                     {ok, Info} = file:read_link_info(j(D, "f")),
                     ?assertEqual(regular, Info#file_info.type),
                     ?assertEqual(3, Info#file_info.size)
             end).

read_file_info_size_of_empty_dir_is_integer_test() ->
    with_dir(fun(D) ->
                     {ok, Info} = file:read_file_info(D),
                     ?assert(is_integer(Info#file_info.size)),
                     ?assert(is_integer(Info#file_info.inode))
             end).

read_link_info_enoent_test() ->
    with_dir(fun(D) -> ?assertEqual({error, enoent}, file:read_link_info(j(D, "missing"))) end).
