#!/usr/bin/env escript
%%! -noshell
%% Compares a `ferl compile` run over the OTP corpus with the erlc reference
%% (part of scripts/otp_corpus.sh, which runs it).
%%
%%   escript scripts/otp_corpus_compare.escript REF.tsv RUN_DIR OTP_SRC
%%
%% REF.tsv is written by scripts/otp_corpus_ref.escript. RUN_DIR/out/ holds,
%% for every corpus file P (slashes turned into '%'), P.out (ferl's stdout)
%% and P.rc (its exit status; 124 = killed by the timeout).
%%
%% ferl's stdout is read as erlc's: lines starting with '%' (source excerpts)
%% and blank lines are dropped; a line starting with a space continues the
%% message above it (" - use erlang:max/2 or ..."); every other line starts a
%% diagnostic, a warning if it has ": Warning: ", else an error. Diagnostics
%% are compared whole (header line and continuation lines). On both sides the
%% file names are normalised: OTP_SRC/ is cut off the front,
%% ROOT/lib/APP-VSN/ of an installed OTP becomes lib/APP/, and DIR/M.beam
%% (erlc's module-name error) becomes M.beam.
%%
%% Prints the counts (files erlc accepts / of those ferl accepts; files erlc
%% refuses / of those ferl refuses with the same first error line; files
%% whose warning lines match as multisets) and writes RUN_DIR/details.txt
%% (every mismatch with both sides, grouped and counted by message pattern)
%% and RUN_DIR/results.tsv (path, verdict, warnings verdict). Exits 0.
-mode(compile).

main([Ref, RunDir, OtpSrc0]) ->
    OtpSrc = string:trim(filename:absname(OtpSrc0), trailing, "/"),
    Norm = normaliser(OtpSrc),
    Files = [compare(E, RunDir, Norm) || E <- read_ref(Ref)],
    report(Files, RunDir, Ref),
    halt(0);
main(_) ->
    io:format(standard_error, "usage: otp_corpus_compare.escript REF.tsv RUN_DIR OTP_SRC~n", []),
    halt(2).

%% ---------------------------------------------------------------- input

%% [{Path, Flags, Status, Errors, Warnings}]: each diagnostic a string,
%% possibly of several lines.
read_ref(Ref) ->
    {ok, Bin} = file:read_file(Ref),
    [parse_ref_line(L) || L <- string:split(unicode:characters_to_list(Bin), "\n", all),
                          L =/= "", hd(L) =/= $#].

parse_ref_line(L) ->
    [Path, Flags, Status, NE, _NW | Diags] = string:split(L, "\t", all),
    {Es, Ws} = lists:split(list_to_integer(NE), [unescape(D) || D <- Diags]),
    {Path, Flags, Status, Es, Ws}.

lines(Text) -> [L || L <- string:split(Text, "\n", all), L =/= ""].

unescape("\\\\" ++ T) -> [$\\ | unescape(T)];
unescape("\\t" ++ T) -> [$\t | unescape(T)];
unescape("\\n" ++ T) -> [$\n | unescape(T)];
unescape([C | T]) -> [C | unescape(T)];
unescape([]) -> [].

out_name(RunDir, Path, Ext) ->
    filename:join([RunDir, "out", [case C of $/ -> $%; _ -> C end || C <- Path] ++ Ext]).

read_text(File) ->
    case file:read_file(File) of
        {ok, B} ->
            case unicode:characters_to_list(B) of
                L when is_list(L) -> {ok, L};
                _ -> {ok, binary_to_list(B)}      % not UTF-8: bytes as Latin-1
            end;
        Error -> Error
    end.

%% Cuts OTP_SRC/ and ./ off a diagnostic line and writes a file of an
%% installed OTP (ROOT/lib/APP-VSN/...) as lib/APP/....
normaliser(OtpSrc) ->
    Installed = re:replace(filename:join(code:root_dir(), "lib"), "[.^$*+?()\\[\\]{}|\\\\]",
                           "\\\\&", [global, {return, list}]),
    {ok, Re} = re:compile("^" ++ Installed ++ "/([^/]+)-[0-9][^/]*/", [unicode]),
    {ok, Beam} = re:compile("^/[^:]*/([^/:]+\\.beam): ", [unicode]),
    Prefix = OtpSrc ++ "/",
    fun(Line0) ->
            Line1 = case lists:prefix(Prefix, Line0) of
                        true -> lists:nthtail(length(Prefix), Line0);
                        false -> Line0
                    end,
            Line2 = case Line1 of "./" ++ R -> R; _ -> Line1 end,
            Line3 = re:replace(Line2, Re, "lib/\\1/", [{return, list}]),
            re:replace(Line3, Beam, "\\1: ", [{return, list}])
    end.

%% ---------------------------------------------------------------- comparison

-record(f, {path, flags, ref_status, ref_errors, ref_warnings,
            rc, ferl_errors = [], ferl_warnings = [], verdict, warn_ok,
            missing = [], extra = [], stderr = ""}).

compare({Path, Flags, Status, RefErrors, RefWarnings}, RunDir, Norm) ->
    F0 = #f{path = Path, flags = Flags, ref_status = Status,
            ref_errors = [Norm(E) || E <- RefErrors],
            ref_warnings = [Norm(W) || W <- RefWarnings]},
    F1 = case {read_text(out_name(RunDir, Path, ".out")),
               read_text(out_name(RunDir, Path, ".rc"))} of
             {{ok, Out}, {ok, Rc}} ->
                 Diag = [Norm(D) || D <- diagnostics(Out)],
                 {Ws, Es} = lists:partition(fun is_warning/1, Diag),
                 Err = case read_text(out_name(RunDir, Path, ".err")) of
                           {ok, E} -> E;
                           _ -> ""
                       end,
                 F0#f{rc = list_to_integer(string:trim(Rc)), ferl_errors = Es,
                      ferl_warnings = Ws, stderr = Err};
             _ ->
                 F0#f{rc = not_run}
         end,
    verdict(F1).

%% ferl's stdout as a list of diagnostics.
diagnostics(Out) ->
    Ls = [L || L <- lines(Out), hd(L) =/= $%, string:trim(L) =/= ""],
    lists:reverse(lists:foldl(fun([C | _] = L, [D | Ds]) when C =:= $\s; C =:= $\t ->
                                      [D ++ "\n" ++ L | Ds];
                                 (L, Ds) ->
                                      [L | Ds]
                              end, [], Ls)).

first_line(D) -> hd(string:split(D, "\n")).

is_warning(Line) -> string:find(Line, ": Warning: ") =/= nomatch.

verdict(#f{ref_status = S} = F) when S =/= "ok", S =/= "error" ->
    F#f{verdict = ref_unusable, warn_ok = true};
verdict(#f{rc = not_run} = F) ->
    F#f{verdict = not_run, warn_ok = false};
verdict(#f{} = F) ->
    #f{ref_status = S, rc = Rc, ref_errors = RE, ferl_errors = FE} = F,
    SameFirst = RE =/= [] andalso FE =/= [] andalso first_line(hd(RE)) =:= first_line(hd(FE)),
    V = if
            Rc =:= 124 -> timeout;
            S =:= "ok", Rc =:= 0 -> accept_ok;
            S =:= "ok" -> wrongly_refused;
            Rc =:= 0 -> wrongly_accepted;
            FE =:= [] -> refused_without_error_line;
            SameFirst -> refuse_ok;
            true -> other_first_error
        end,
    Missing = F#f.ref_warnings -- F#f.ferl_warnings,
    Extra = F#f.ferl_warnings -- F#f.ref_warnings,
    F#f{verdict = V, missing = Missing, extra = Extra,
        warn_ok = Rc =/= 124 andalso Missing =:= [] andalso Extra =:= []}.

%% The message of a diagnostic line without its location, with names,
%% strings and numbers blanked: lines of one class share a pattern.
pattern(Line) ->
    Msg = case re:run(first_line(Line), "^.*?:[0-9]+(:[0-9]+)?: (.*)$", [{capture, [2], list}, unicode]) of
              {match, [M]} -> M;
              nomatch ->
                  case string:split(Line, ": ") of
                      [_, M] -> M;
                      _ -> Line
                  end
          end,
    lists:foldl(fun({Re, By}, Acc) -> re:replace(Acc, Re, By, [global, {return, list}, unicode]) end,
                Msg,
                [{"'(\\\\.|[^'\\\\])*'", "'_'"},
                 {"\"(\\\\.|[^\"\\\\])*\"", "\"_\""},
                 {"<<[^>]*>>", "<<_>>"},
                 {"\\b[a-z][A-Za-z0-9_@]*:[a-z][A-Za-z0-9_@]*/[0-9]+", "M:F/N"},
                 {"\\b[a-z][A-Za-z0-9_@]*/[0-9]+", "F/N"},
                 {"#[a-z][A-Za-z0-9_@]*", "#R"},
                 {"\\b[a-z][A-Za-z0-9_@]*\\(\\)", "T()"},
                 {"[0-9]+", "N"}]).

%% ---------------------------------------------------------------- output

report(Files, RunDir, Ref) ->
    Count = fun(P) -> length([F || F <- Files, P(F)]) end,
    Accepts = [F || F <- Files, F#f.ref_status =:= "ok"],
    Refuses = [F || F <- Files, F#f.ref_status =:= "error"],
    Usable = Accepts ++ Refuses,
    AccOk = Count(fun(F) -> F#f.verdict =:= accept_ok end),
    RefOk = Count(fun(F) -> F#f.verdict =:= refuse_ok end),
    AllErrOk = Count(fun(F) -> F#f.verdict =:= refuse_ok andalso
                                   F#f.ref_errors =:= F#f.ferl_errors end),
    WithW = [F || F <- Usable, F#f.ref_warnings =/= []],
    WOk = Count(fun(F) -> F#f.verdict =/= ref_unusable andalso F#f.warn_ok end),
    WithWOk = length([F || F <- WithW, F#f.warn_ok]),
    Timeouts = Count(fun(F) -> F#f.verdict =:= timeout end),
    NotRun = Count(fun(F) -> F#f.verdict =:= not_run end),
    Unusable = Count(fun(F) -> F#f.verdict =:= ref_unusable end),
    Summary =
        [io_lib:format("files: ~b (reference ~ts)~n", [length(Files), Ref]),
         io_lib:format("erlc accepts ~b; ferl accepts ~b of those~s~n",
                       [length(Accepts), AccOk, pct(AccOk, length(Accepts))]),
         io_lib:format("erlc refuses ~b; ferl refuses ~b of those with the same first error line~s"
                       " (~b with all error lines the same)~n",
                       [length(Refuses), RefOk, pct(RefOk, length(Refuses)), AllErrOk]),
         io_lib:format("warning lines match on ~b of ~b files~s; on ~b of the ~b files with erlc warnings~s~n",
                       [WOk, length(Usable), pct(WOk, length(Usable)),
                        WithWOk, length(WithW), pct(WithWOk, length(WithW))]),
         [io_lib:format("ferl timed out on ~b files~n", [Timeouts]) || Timeouts > 0],
         [io_lib:format("not run (no ferl output): ~b files~n", [NotRun]) || NotRun > 0],
         [io_lib:format("left out (reference timeout or crash): ~b files~n", [Unusable]) || Unusable > 0]],
    io:put_chars(Summary),
    Details = filename:join(RunDir, "details.txt"),
    {ok, Fd} = file:open(Details, [write, {encoding, utf8}]),
    io:put_chars(Fd, ["# otp_corpus mismatches, run in ", RunDir, "\n\n", Summary, "\n"]),
    Sections =
        [{wrongly_refused, "erlc accepts, ferl refuses (by ferl's first error)",
          fun(F) -> first_or(F#f.ferl_errors, "(no error line; exit " ++ rc(F) ++ ")") end},
         {timeout, "ferl timed out (by erlc's first error, or 'accepted')",
          fun(F) -> first_or(F#f.ref_errors, "accepted") end},
         {wrongly_accepted, "erlc refuses, ferl accepts (by erlc's first error)",
          fun(F) -> hd(F#f.ref_errors) end},
         {refused_without_error_line, "erlc refuses, ferl exits non-zero without an error line (by erlc's first error)",
          fun(F) -> hd(F#f.ref_errors) end},
         {other_first_error, "both refuse, first error lines differ (by erlc's first error)",
          fun(F) -> hd(F#f.ref_errors) end},
         {not_run, "not run", fun(_) -> "" end}],
    [section(Fd, Title, [F || F <- Files, F#f.verdict =:= V], Key) || {V, Title, Key} <- Sections],
    WBad = [F || F <- Files, not F#f.warn_ok, F#f.verdict =/= not_run],
    line_patterns(Fd, "warnings erlc gives and ferl does not (lines, by pattern)",
                  [{W, F} || F <- WBad, W <- F#f.missing]),
    line_patterns(Fd, "warnings ferl gives and erlc does not (lines, by pattern)",
                  [{W, F} || F <- WBad, W <- F#f.extra]),
    io:put_chars(Fd, io_lib:format("~n=== files whose warnings differ: ~b~n", [length(WBad)])),
    [begin
         io:put_chars(Fd, ["\n--- ", F#f.path, "  (exit ", rc(F), ")\n"]),
         [io:put_chars(Fd, ["  erlc only: ", indent(W), "\n"]) || W <- F#f.missing],
         [io:put_chars(Fd, ["  ferl only: ", indent(W), "\n"]) || W <- F#f.extra]
     end || F <- WBad],
    ok = file:close(Fd),
    write_results(filename:join(RunDir, "results.tsv"), Files),
    io:format("details: ~ts~n", [Details]).

%% A multi-line diagnostic in the details file.
indent(D) -> lists:join("\n          ", string:split(D, "\n", all)).

pct(_, 0) -> "";
pct(N, D) -> io_lib:format(" (~.1f%)", [100 * N / D]).

rc(#f{rc = Rc}) when is_integer(Rc) -> integer_to_list(Rc);
rc(#f{rc = Rc}) -> atom_to_list(Rc).

first_or([L | _], _) -> L;
first_or([], Default) -> Default.

%% One mismatch class: a table of patterns of the key line, then every file
%% with both sides, files of one pattern together.
section(_Fd, _Title, [], _Key) -> ok;
section(Fd, Title, Fs, Key) ->
    Keyed = [{pattern(Key(F)), F} || F <- Fs],
    io:put_chars(Fd, io_lib:format("~n=== ~ts: ~b files~n", [Title, length(Fs)])),
    Groups = group(Keyed),
    [io:put_chars(Fd, io_lib:format("~6b  ~ts~n", [length(G), P])) || {P, G} <- Groups],
    [[file_entry(Fd, P, F) || F <- G] || {P, G} <- Groups],
    ok.

file_entry(Fd, P, F) ->
    io:put_chars(Fd, ["\n--- ", F#f.path, "  [", P, "]\n",
                      "  flags: ", F#f.flags, "\n",
                      "  erlc (", F#f.ref_status, "):\n",
                      [["    ", indent(D), "\n"] || D <- F#f.ref_errors ++ F#f.ref_warnings],
                      "  ferl (exit ", rc(F), "):\n",
                      [["    ", indent(D), "\n"] || D <- F#f.ferl_errors ++ F#f.ferl_warnings],
                      case string:trim(F#f.stderr) of
                          "" -> [];
                          E -> [["    stderr: ", L, "\n"] || L <- lists:sublist(lines(E), 5)]
                      end]).

%% Warning lines by pattern: count of lines, count of files, two examples.
line_patterns(_Fd, _Title, []) -> ok;
line_patterns(Fd, Title, LineFiles) ->
    Groups = group([{pattern(L), {L, F#f.path}} || {L, F} <- LineFiles]),
    io:put_chars(Fd, io_lib:format("~n=== ~ts: ~b lines~n", [Title, length(LineFiles)])),
    [io:put_chars(Fd, [io_lib:format("~6b lines ~5b files  ~ts~n",
                                     [length(G), length(lists:usort([P || {_, P} <- G])), Pat]),
                       [["                          e.g. ", indent(L), "\n"] || {L, _} <- lists:sublist(G, 2)]])
     || {Pat, G} <- Groups],
    ok.

%% [{Key, Value}] -> [{Key, [Value]}], biggest group first.
group(KVs) ->
    M = lists:foldl(fun({K, V}, Acc) -> maps:update_with(K, fun(Vs) -> [V | Vs] end, [V], Acc) end,
                    #{}, KVs),
    lists:sort(fun({K1, G1}, {K2, G2}) -> {-length(G1), K1} =< {-length(G2), K2} end,
               [{K, lists:reverse(Vs)} || {K, Vs} <- maps:to_list(M)]).

write_results(File, Files) ->
    {ok, Fd} = file:open(File, [write, {encoding, utf8}]),
    io:put_chars(Fd, "# path\terlc\tferl exit\tverdict\twarnings\n"),
    [io:put_chars(Fd, [F#f.path, $\t, F#f.ref_status, $\t, rc(F), $\t,
                       atom_to_list(F#f.verdict), $\t,
                       case F#f.warn_ok of true -> "same"; false -> "differ" end, $\n])
     || F <- Files],
    ok = file:close(Fd).
