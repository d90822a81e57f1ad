#!/usr/bin/env escript
%%! -noshell +A 2
%% Builds the erlc reference for the OTP source corpus (scripts/otp_corpus.sh).
%%
%%   escript scripts/otp_corpus_ref.escript OTP_SRC OUT.tsv [JOBS]
%%   escript scripts/otp_corpus_ref.escript --flags OTP_SRC lib/APP/src/F.erl
%%
%% Runs on real OTP 25. For every .erl file under OTP_SRC/lib/*/src and
%% OTP_SRC/lib/*/test (recursively) it calls, in this one VM,
%%   compile:file(AbsFile, [binary, return_errors, return_warnings, {i,AbsDir}...])
%% with the working directory set to an empty scratch directory. That is
%% what `cd EMPTY && erlc -I DIR... ABSFILE` does, so the diagnostics below are
%% byte for byte the header lines erlc prints (erlc makes -I directories
%% absolute; file names are printed as given, here absolute). Like erlc,
%% a module whose name differs from its file's is an error (module_name_check). Each file gets
%% its own process with a timeout (300 s: erlc itself needs
%% ~30 s for the biggest mnesia test suite) and crashes are caught.
%%
%% Include directories (include_dirs/2, relative to OTP_SRC) follow what OTP's
%% makefiles give: for lib/APP/src[/SUB]/F.erl the file's own directory,
%% lib/APP/src, the other subdirectories of lib/APP/src (the nested makefiles
%% of inets, megaco, snmp, ... point at their siblings), lib/APP/include and a
%% few per-application extras; for lib/APP/test[/...]/F.erl the file's own
%% directory, lib/APP/test, lib/APP/include and lib/APP/src. Last comes "lib"
%% itself: epp looks an -include_lib("APP/...") path up in the include path
%% before code:lib_dir, so with it include_lib finds the source tree's
%% lib/APP/src/X.hrl and lib/APP/include/X.hrl, as in OTP's own build (the
%% installed OTP has no src directories); what is not there resolves through
%% this VM's code:lib_dir (the installed OTP). After it come the include
%% directories of the installed OTP that hold generated headers the source
%% tree lacks (public_key, snmp, diameter; absolute paths). -D flags of the
%% makefiles are ignored.
%%
%% Output: OUT.tsv, UTF-8, sorted by path, one line per file; '#' lines are
%% comments. Fields, tab-separated:
%%   path    relative to OTP_SRC, e.g. lib/stdlib/src/lists.erl
%%   flags   the include flags, relative to OTP_SRC unless absolute:
%%           "-I lib/stdlib/src -I ... -I /usr/lib/erlang/lib/snmp-5.13.3/include"
%%   status  ok | error | timeout | crash
%%   nerr    number of error diagnostics
%%   nwarn   number of warning diagnostics
%%   diag... nerr errors in the order erlc prints them, then nwarn warnings
%%           in erlc's (sorted) order, each "File:Line:Col: Message",
%%           "File:Line: Message" or "File: Message" (errors) and the same with
%%           "Warning: " before the message (warnings). Backslash, tab and
%%           newline in a diagnostic are written \\ \t \n.
%% The --flags form prints the include flags chosen for one file.
-mode(compile).

main(["--flags", Root, Rel]) ->
    io:format("~ts~n", [flags_string(include_dirs(Root, Rel))]);
main([Root, Out]) ->
    main([Root, Out, "2"]);
main([Root0, Out, Jobs]) ->
    Root = filename:absname(Root0),
    Files = corpus(Root),
    io:format(standard_error, "otp_corpus_ref: ~b files under ~ts, ~s jobs~n",
              [length(Files), Root, Jobs]),
    Scratch = scratch_dir(),
    ok = file:set_cwd(Scratch),
    Sink = spawn(fun sink/0),
    Results = run_pool(Files, Root, Sink, list_to_integer(Jobs)),
    Tmp = Out ++ ".tmp",
    ok = filelib:ensure_dir(Out),
    {ok, Fd} = file:open(Tmp, [write, {encoding, utf8}]),
    io:put_chars(Fd, ["# ferl otp_corpus reference, OTP ",
                      erlang:system_info(otp_release), " (",
                      otp_version(), "), source ", Root, "\n",
                      "# path\tflags\tstatus\tnerr\tnwarn\tdiagnostics...\n"]),
    [io:put_chars(Fd, [Line, $\n]) || {_, Line} <- lists:sort(Results)],
    ok = file:close(Fd),
    ok = file:rename(Tmp, Out),
    file:del_dir(Scratch),
    Count = fun(S) -> length([x || {_, L} <- Results,
                                   lists:nth(3, string:split(L, "\t", all)) =:= S])
            end,
    io:format(standard_error, "otp_corpus_ref: wrote ~ts: ~b ok, ~b error, ~b timeout, ~b crash~n",
              [Out, Count("ok"), Count("error"), Count("timeout"), Count("crash")]),
    halt(0);
main(_) ->
    io:format(standard_error,
              "usage: otp_corpus_ref.escript OTP_SRC OUT.tsv [JOBS]\n"
              "       otp_corpus_ref.escript --flags OTP_SRC lib/APP/src/F.erl\n", []),
    halt(2).

%% Every .erl under lib/*/src and lib/*/test, relative to Root, sorted.
corpus(Root) ->
    Apps = [A || A <- filelib:wildcard("*", filename:join(Root, "lib")),
                 filelib:is_dir(filename:join([Root, "lib", A]))],
    lists:sort(
      [filename:join(["lib", App, Kind, F])
       || App <- Apps, Kind <- ["src", "test"],
          F <- filelib:wildcard("**/*.erl", filename:join([Root, "lib", App, Kind])),
          filelib:is_regular(filename:join([Root, "lib", App, Kind, F]))]).

%% Include directories for one file, relative to Root, in -I order.
include_dirs(Root, Rel) ->
    ["lib", App, Kind | _] = filename:split(Rel),
    Dir = filename:dirname(Rel),
    AppDir = filename:join("lib", App),
    Src = filename:join(AppDir, "src"),
    Inc = filename:join(AppDir, "include"),
    Dirs = case Kind of
               "src" when Dir =:= Src ->
                   [Dir, Inc];
               "src" ->
                   [Dir, Src] ++ src_subdirs(Root, Src) ++ [Inc];
               "test" ->
                   [Dir, filename:join(AppDir, "test"), Inc, Src]
           end ++ extra_dirs(App, Kind) ++ ["lib" | generated_include_dirs(Root)],
    [D || D <- uniq(Dirs), filelib:is_dir(filename:join(Root, D))].

%% The include directories of the installed OTP that hold headers the
%% source tree lacks: those OTP's build generates into lib/APP/include
%% (public_key's OTP-PUB-KEY.hrl, snmp's MIB headers, diameter's
%% dictionaries). Absolute; computed once.
generated_include_dirs(Root) ->
    case persistent_term:get({?MODULE, generated}, undefined) of
        undefined ->
            Dirs = [Inc || Lib <- lists:sort(filelib:wildcard(filename:join([code:root_dir(), "lib", "*"]))),
                           [App | _] <- [string:split(filename:basename(Lib), "-")],
                           Inc <- [filename:join(Lib, "include")],
                           filelib:is_dir(Inc),
                           [F || F <- filelib:wildcard("*", Inc),
                                 not filelib:is_file(filename:join([Root, "lib", App, "include", F]))] =/= []],
            persistent_term:put({?MODULE, generated}, Dirs),
            Dirs;
        Dirs ->
            Dirs
    end.

%% Subdirectories of lib/APP/src that hold .erl or .hrl files.
src_subdirs(Root, Src) ->
    lists:sort(
      [filename:join(Src, D)
       || D <- filelib:wildcard("*", filename:join(Root, Src)),
          filelib:is_dir(filename:join([Root, Src, D])),
          filelib:wildcard("*.{erl,hrl}", filename:join([Root, Src, D])) =/= []]).

%% Per-application additions from the makefiles (lib/APP/src/Makefile,
%% lib/APP/test/Makefile).
extra_dirs("ssl", _) -> ["lib/kernel/src"];
extra_dirs("stdlib", "src") -> ["lib/kernel/include"];
extra_dirs("parsetools", "src") -> ["lib/stdlib/include"];
extra_dirs("sasl", "src") -> ["lib/stdlib/include"];
extra_dirs("erl_docgen", "src") -> ["lib/xmerl/include"];
extra_dirs("observer", "src") -> ["lib/et/include"];
extra_dirs("snmp", "test") -> ["lib/snmp/src/app", "lib/snmp/src/misc"];
extra_dirs("sasl", "test") -> ["lib/sasl/src"];
extra_dirs(_, _) -> [].

uniq([X | Xs]) -> [X | uniq([Y || Y <- Xs, Y =/= X])];
uniq([]) -> [].

flags_string(Dirs) ->
    lists:join(" ", [["-I ", D] || D <- Dirs]).

%% A small pool of workers in this VM, each compiling one file at a time.
run_pool(Files, Root, Sink, Jobs) ->
    Self = self(),
    Queue = spawn_link(fun() -> queue(Files) end),
    Workers = [spawn_link(fun() -> worker(Queue, Root, Sink, Self) end)
               || _ <- lists:seq(1, max(1, Jobs))],
    collect(length(Files), length(Workers), [], 0).

queue([F | Fs]) ->
    receive {next, W} -> W ! {file, F}, queue(Fs) end;
queue([]) ->
    receive {next, W} -> W ! done, queue([]) end.

worker(Queue, Root, Sink, Parent) ->
    Queue ! {next, self()},
    receive
        {file, F} ->
            Parent ! {result, F, compile_one(Root, F, Sink)},
            worker(Queue, Root, Sink, Parent);
        done ->
            Parent ! worker_done
    end.

collect(Total, 0, Acc, _) when length(Acc) =:= Total -> Acc;
collect(Total, Live, Acc, N) ->
    receive
        {result, F, Line} ->
            (N + 1) rem 250 =:= 0 andalso
                io:format(standard_error, "otp_corpus_ref: ~b/~b~n", [N + 1, Total]),
            collect(Total, Live, [{F, Line} | Acc], N + 1);
        worker_done ->
            collect(Total, Live - 1, Acc, N)
    end.

compile_one(Root, Rel, Sink) ->
    Dirs = include_dirs(Root, Rel),
    Abs = filename:join(Root, Rel),
    Opts = [binary, return_errors, return_warnings
            | [{i, filename:join(Root, D)} || D <- Dirs]],
    {Pid, Ref} = spawn_monitor(fun() ->
                                       group_leader(Sink, self()),
                                       exit({done, catch compile:file(Abs, Opts)})
                               end),
    {Status, Es, Ws} =
        receive
            {'DOWN', Ref, process, Pid, {done, {ok, Mod, _Bin, W}}} ->
                module_name_check(Mod, Abs, W);
            {'DOWN', Ref, process, Pid, {done, {error, E, W}}} ->
                {"error", E, W};
            {'DOWN', Ref, process, Pid, Other} ->
                {"crash", [{Abs, [{none, ?MODULE, {crash, Other}}]}], []}
        after 300000 ->
                exit(Pid, kill),
                {"timeout", [], []}
        end,
    Errors = [format(F, L, M, D, "") || {F, Eds} <- Es, {L, M, D} <- Eds],
    Warnings = [Text || {_, Text} <-
                            lists:sort([{key(F, L), format(F, L, M, D, "Warning: ")}
                                        || {F, Eds} <- Ws, {L, M, D} <- Eds])],
    lists:join($\t, [Rel, flags_string(Dirs), Status,
                     integer_to_list(length(Errors)),
                     integer_to_list(length(Warnings))
                     | [escape(T) || T <- Errors ++ Warnings]]).

%% erlc (without `binary`) also refuses a module whose name is not the
%% file's: compile:save_binary/2 reports it against the .beam it would
%% write, in the working directory.
module_name_check(Mod, Abs, W) ->
    Base = filename:basename(Abs, ".erl"),
    case atom_to_list(Mod) of
        Base ->
            {"ok", [], W};
        _ ->
            {ok, Cwd} = file:get_cwd(),
            Beam = filename:join(Cwd, Base ++ ".beam"),
            {"error", [{Beam, [{none, compile, {module_name, Mod, Base}}]}], W}
    end.

%% erlc sorts warnings on {{File, Location}, Text}, 'none' first
%% (sys_messages:format_messages/4 and compile:report_warnings/1).
key(_F, none) -> none;
key(F, L) -> {F, L}.

%% The header line sys_messages prints for one diagnostic.
format(F, none, Mod, Desc, P) ->
    io_lib:format("~ts: ~s~ts", [F, P, format_error(Mod, Desc)]);
format(F, Loc, Mod, Desc, P) ->
    io_lib:format("~ts:~ts: ~s~ts", [F, fmt_pos(Loc), P, format_error(Mod, Desc)]).

fmt_pos({Line, Col}) -> io_lib:format("~w:~w", [Line, Col]);
fmt_pos(Line) -> io_lib:format("~w", [Line]).

format_error(?MODULE, {crash, Reason}) ->
    io_lib:format("compile:file crashed: ~tP", [Reason, 20]);
format_error(Mod, Desc) ->
    try Mod:format_error(Desc)
    catch _:_ -> io_lib:format("~tp", [Desc])
    end.

escape(Text) ->
    lists:map(fun($\\) -> "\\\\"; ($\t) -> "\\t"; ($\n) -> "\\n"; (C) -> C end,
              unicode:characters_to_list(Text)).

otp_version() ->
    File = filename:join([code:root_dir(), "releases",
                          erlang:system_info(otp_release), "OTP_VERSION"]),
    case file:read_file(File) of
        {ok, B} -> string:trim(binary_to_list(B));
        _ -> "?"
    end.

%% The (empty) working directory of the compilations; fixed, so that the
%% reference does not change from one build to the next (it shows in the
%% module-name error).
scratch_dir() ->
    Dir = "/tmp/otp_corpus_cwd",
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    Dir.

%% The group leader of the compiling processes: swallows anything a parse
%% transform prints.
sink() ->
    receive
        {io_request, From, ReplyAs, _} -> From ! {io_reply, ReplyAs, ok};
        _ -> ok
    end,
    sink().
