%% @doc EUnit for ferl: runs test sets and reports on them as OTP 25's
%% `eunit:test/1,2' does, with the same test representations, process
%% structure, time limits, report text and result.
%%
%% == Test representations ==
%% A module name, `{module, M}', a fun of arity 0, `{Line, Fun}' (from
%% `?_test'), `{M, F}', `{test, M, F}', `{Description, Tests}',
%% `{generator, Fun}', `{generator, M, F}', `{setup, ...}' (with or
%% without `Where' = `local | spawn | {spawn, Node}', cleanup, an
%% instantiator of arity 1 or `{with, [Fun/1]}'), `{foreach, ...}',
%% `{foreachx, ...}', `{with, X, [Fun/1]}', `{timeout, Seconds, Tests}',
%% `{inorder, Tests}', `{inparallel, [N,] Tests}', `{spawn, Tests}',
%% `{spawn, Node, Tests}' and deep lists of these. A module's tests are
%% its exported `*_test/0' functions and `*_test_/0' generators in
%% export order, then the tests of `M_tests' if that module exists.
%% Files, directories, applications and `{node, ...}' are not supported
%% (ferl has no object files and no distribution): they are reported as
%% bad test descriptors, and a `{spawn, Node, Tests}' for another node
%% as OTP reports an unreachable node (`*unexpected termination of test
%% process*' with `noconnection').
%%
%% == Execution ==
%% `eunit_proc' runs the tests in a tree of processes, never in the
%% caller: see its documentation for which tests share a process, time
%% limits (5 s per test by default), output capture and what a failing
%% generator or setup cancels. Tests are read lazily, so a failing
%% generator cancels only what comes after it in its process.
%%
%% == Reports ==
%% The tree sends status events; a serializer puts them in tree order
%% and a listener prints them: without `verbose', failures, skipped
%% tests and cancellations, then the summary (`Test passed.', `2 tests
%% passed.', `All N tests passed.', `There were no tests to run.' or
%% `Failed: F.  Skipped: S.  Passed: P.' and `One or more tests were
%% cancelled.'); with `verbose', every test and described group, with
%% times. Stack traces of failures stop at eunit's own frames (OTP
%% prints those too, with its own file names and lines).
%%
%% Options: `verbose', `{print_depth, N}' (20), `no_tty', `{order,
%% inorder | inparallel}' for the top level, `exact_execution' (do not
%% add `M_tests'). `test/1,2' return `ok' if every test passed and
%% nothing was skipped or cancelled, otherwise `error'.
-module(eunit).

%% Running tests.
-export([test/1, test/2]).

%% What the listener counts and how it prints.
-record(tty, {verbose = false :: boolean(),
              indent = 0 :: integer(),
              print_depth = 20 :: pos_integer(),
              no_tty = false :: boolean(),
              pass = 0 :: non_neg_integer(),
              fail = 0 :: non_neg_integer(),
              skip = 0 :: non_neg_integer(),
              cancel = 0 :: non_neg_integer()}).

%% The serializer's state: which ids were cancelled (a trie of id
%% prefixes) and events that arrived before they were expected.
-record(ser, {listener :: pid(),
              cancelled = gb_trees:empty() :: gb_trees:tree() | [],
              messages = #{} :: #{[pos_integer()] => term()}}).

%%% ===================================================================
%%% API
%%% ===================================================================

%% @doc Equivalent to `test(Tests, [])'.
-spec test(Tests) -> ok | error when
      Tests :: term().
test(Tests) ->
    test(Tests, []).

%% @doc Runs `Tests' (see the module documentation for the accepted
%% forms and options), prints a report and returns `ok' if every test
%% passed.
-spec test(Tests, Options) -> ok | error when
      Tests :: term(),
      Options :: [term()].
test(Tests, Options) ->
    Ref = make_ref(),
    %% The listener prints through the caller's group leader.
    Listener = spawn(fun() -> listener(Ref, Options) end),
    Serial = spawn(fun() -> serializer(Listener) end),
    Listener ! {start, Ref},
    Order = proplists:get_value(order, Options, inorder),
    Pid = eunit_proc:start(Tests, Order, Serial, Ref, Options),
    receive
        {done, Ref, Pid} -> ok
    end,
    Monitor = erlang:monitor(process, Listener),
    Listener ! {stop, Ref, self()},
    receive
        {'DOWN', Monitor, process, Listener, _} -> ok
    end,
    receive
        {result, Ref, Result} -> Result
    end.

%%% ===================================================================
%%% Serializer: events in tree order
%%% ===================================================================

%% Events of parallel tasks may arrive in any order, and a cancel may
%% concern an item not started yet or a whole group. The serializer
%% waits for each item's begin and end in tree order, keeping events
%% that come early, and turns a group's cancel into the end of its
%% items. For each begin there is exactly one end or cancel.
serializer(Listener) ->
    _ = expect([], undefined, 0, #ser{listener = Listener}),
    exit(normal).

%% `{Done, St}': Done when the group has no more items.
expect(Id, ParentId, GroupMinSize, St0) ->
    case wait(Id, 'begin', ParentId, GroupMinSize, St0) of
        {done, St1} ->
            {true, St1};
        {cancel, prefix, _Msg, St1} ->
            %% An enclosing group was cancelled: this item may not exist.
            {true, St1};
        {cancel, exact, Msg, St1} ->
            cast_cancel(Id, Msg, St1),
            {false, St1};
        {ok, Msg, St1} ->
            cast(Msg, St1),
            St2 = case Msg of
                      {status, _, {progress, 'begin', {group, _}}} ->
                          group_items(Id, 0, St1);
                      _ ->
                          St1
                  end,
            case wait(Id, 'end', ParentId, GroupMinSize, St2) of
                {cancel, Why, Msg1, St3} ->
                    cast_cancel(Id, Msg1, St3),
                    {Why =:= prefix, St3};
                {ok, Msg1, St3} ->
                    cast(Msg1, St3),
                    {false, St3}
            end
    end.

group_items(ParentId, GroupMinSize, St) ->
    N = GroupMinSize + 1,
    case expect(ParentId ++ [N], ParentId, GroupMinSize, St) of
        {false, St1} -> group_items(ParentId, N, St1);
        {true, St1} -> St1
    end.

cast_cancel(Id, undefined, St) ->
    cast({status, Id, {cancel, undefined}}, St);
cast_cancel(_Id, Msg, St) ->
    cast(Msg, St).

cast(Msg, #ser{listener = L}) ->
    L ! Msg,
    ok.

wait(Id, Type, ParentId, GroupMinSize, St) ->
    case trie_match(Id, St#ser.cancelled) of
        no ->
            case recall(Id, St) of
                undefined -> wait_1(Id, Type, ParentId, GroupMinSize, St);
                Msg -> {ok, Msg, forget(Id, St)}
            end;
        Why ->
            {cancel, Why, recall(Id, St), forget(Id, St)}
    end.

wait_1(Id, Type, ParentId, GroupMinSize, St) ->
    receive
        {status, Id, {progress, Type, _}} = Msg ->
            {ok, Msg, St};
        {status, ParentId, {progress, 'end', {GroupMinSize, _}}} = Msg ->
            %% The group ended after GroupMinSize items: this one does
            %% not exist.
            {done, remember(ParentId, Msg, St)};
        {status, SomeId, {cancel, _}} = Msg ->
            St1 = remember(SomeId, Msg, St),
            St2 = St1#ser{cancelled = trie_store(SomeId, St#ser.cancelled)},
            wait(Id, Type, ParentId, GroupMinSize, St2)
    end.

remember(Id, Msg, St) ->
    St#ser{messages = maps:put(Id, Msg, St#ser.messages)}.

forget(Id, St) ->
    St#ser{messages = maps:put(Id, undefined, St#ser.messages)}.

recall(Id, St) ->
    maps:get(Id, St#ser.messages, undefined).

%% A trie of ids: `[]' below a key means that everything under it is
%% stored.
trie_store([_ | _], []) ->
    [];
trie_store([E | Es], T) ->
    case gb_trees:lookup(E, T) of
        none when Es =:= [] -> gb_trees:insert(E, [], T);
        none -> gb_trees:insert(E, trie_store(Es, gb_trees:empty()), T);
        {value, []} -> T;
        {value, T1} -> gb_trees:update(E, trie_store(Es, T1), T)
    end;
trie_store([], _T) ->
    [].

%% exact (this id was stored), prefix (one of its ancestors was) or no.
trie_match([_ | _], []) ->
    prefix;
trie_match([E | Es], T) ->
    case gb_trees:lookup(E, T) of
        none -> no;
        {value, []} when Es =:= [] -> exact;
        {value, []} -> prefix;
        {value, T1} -> trie_match(Es, T1)
    end;
trie_match([], []) ->
    exact;
trie_match([], _T) ->
    no.

%%% ===================================================================
%%% Listener: counting and printing
%%% ===================================================================

listener(Ref, Options) ->
    St0 = #tty{verbose = proplists:get_bool(verbose, Options),
               print_depth = proplists:get_value(print_depth, Options, 20),
               no_tty = proplists:get_bool(no_tty, Options)},
    receive
        {start, Ref} -> ok
    end,
    St0#tty.verbose andalso fwrite(St0, header()),
    %% The top group always begins, so this returns the final state.
    St = listen([], undefined, St0),
    Result = summary(St),
    receive
        {stop, Ref, ReplyTo} -> ReplyTo ! {result, Ref, Result}
    end,
    exit(normal).

%% The item Id (of the group ParentId): `{done, Data, St}' when the
%% group has no more items, otherwise the new state.
listen(Id, ParentId, St) ->
    case wait_for(Id, 'begin', ParentId) of
        {done, Data} ->
            {done, Data, St};
        {ok, {group, Data}} ->
            St1 = begin_group(Data, St),
            group_loop(0, Id, Data, St1);
        {ok, {test, Data}} ->
            St1 = begin_test(Data, St),
            case wait_for(Id, 'end', ParentId) of
                {cancel, Reason} -> cancel_test(Data, Reason, St1);
                {ok, Result} -> end_test(Data, Result, St1)
            end
    end.

group_loop(N, Id, Data, St) ->
    N1 = N + 1,
    case listen(Id ++ [N1], Id, St) of
        {done, {cancel, Reason}, St1} ->
            cancel_group(Data, Reason, St1);
        {done, {_Count, EndData}, St1} ->
            end_group(Data ++ EndData, St1);
        St1 ->
            group_loop(N1, Id, Data, St1)
    end.

wait_for(Id, Type, ParentId) ->
    receive
        {status, Id, {progress, Type, Data}} ->
            {ok, Data};
        {status, ParentId, {progress, 'end', Data}} when Type =:= 'begin' ->
            {done, Data};
        {status, Id, {cancel, Reason}} when Type =:= 'end' ->
            {cancel, Reason};
        {status, ParentId, {cancel, Reason}} ->
            {done, {cancel, Reason}}
    end.

begin_group(Data, #tty{verbose = true, indent = I} = St) ->
    case proplists:get_value(desc, Data) of
        Desc when Desc =/= "", Desc =/= undefined ->
            print_group_start(I, Desc, St),
            St#tty{indent = I + 1};
        _ ->
            St
    end;
begin_group(_Data, St) ->
    St.

end_group(Data, #tty{verbose = true, indent = I} = St) ->
    case proplists:get_value(desc, Data) of
        Desc when Desc =/= "", Desc =/= undefined ->
            Time = proplists:get_value(time, Data),
            Time > 0 andalso
                fwrite(St, [indent(I),
                            io_lib:format("[done in ~.3f s]\n", [Time / 1000])]),
            St#tty{indent = I - 1};
        _ ->
            St
    end;
end_group(_Data, St) ->
    St.

%% As OTP's report, a cancelled group always takes one level of
%% indentation back, even where it added none (without `verbose', or
%% for a group without a description).
cancel_group(Data, Reason, #tty{indent = I} = St) ->
    case Reason of
        undefined ->
            %% Ended by a cancel further out: nothing to say here.
            ok;
        _ ->
            Desc = proplists:get_value(desc, Data),
            case St#tty.verbose andalso Desc =/= "" andalso Desc =/= undefined of
                true -> ok;
                false -> print_group_start(I, Desc, St)
            end,
            case Reason of
                {blame, _} -> ok;
                _ -> fwrite(St, [indent(I), format_cancel(Reason, St)])
            end
    end,
    St#tty{indent = I - 1, cancel = St#tty.cancel + 1}.

begin_test(Data, #tty{verbose = true, indent = I} = St) ->
    print_test_begin(I, Data, St),
    St;
begin_test(_Data, St) ->
    St.

end_test(Data, {Status, EndData}, #tty{indent = I} = St) ->
    case Status of
        ok ->
            St#tty.verbose andalso print_test_end(EndData, St),
            St#tty{pass = St#tty.pass + 1};
        _ ->
            St#tty.verbose orelse print_test_begin(I, Data, St),
            print_test_error(Status, EndData, St),
            case Status of
                {skipped, _} -> St#tty{skip = St#tty.skip + 1};
                {error, _} -> St#tty{fail = St#tty.fail + 1}
            end
    end.

cancel_test(Data, Reason, #tty{indent = I} = St) ->
    St#tty.verbose orelse print_test_begin(I, Data, St),
    fwrite(St, format_cancel(Reason, St)),
    St#tty{cancel = St#tty.cancel + 1}.

summary(#tty{pass = Pass, fail = 0, skip = 0, cancel = 0} = St) ->
    case Pass of
        0 ->
            fwrite(St, "  There were no tests to run.\n");
        _ ->
            St#tty.verbose andalso fwrite(St, [rule(), "\n"]),
            fwrite(St, case Pass of
                           1 -> "  Test passed.\n";
                           2 -> "  2 tests passed.\n";
                           _ -> io_lib:format("  All ~w tests passed.\n", [Pass])
                       end)
    end,
    ok;
summary(#tty{pass = Pass, fail = Fail, skip = Skip, cancel = Cancel} = St) ->
    fwrite(St, [rule(), "\n",
                io_lib:format("  Failed: ~w.  Skipped: ~w.  Passed: ~w.\n",
                              [Fail, Skip, Pass])]),
    Cancel =/= 0 andalso fwrite(St, "One or more tests were cancelled.\n"),
    error.

header() -> "======================== EUnit ========================\n".

rule() -> "=======================================================".

%%% ===================================================================
%%% Formatting
%%% ===================================================================

print_group_start(I, Desc, St) ->
    fwrite(St, [indent(I), io_lib:format("~ts\n", [Desc])]).

print_test_begin(I, Data, St) ->
    Desc = proplists:get_value(desc, Data),
    Line = proplists:get_value(line, Data, 0),
    L = case Line of
            0 -> "";
            _ -> io_lib:format("~w:", [Line])
        end,
    D = case Desc of
            "" -> "";
            undefined -> "";
            _ -> io_lib:format(" (~ts)", [Desc])
        end,
    Text = case proplists:get_value(source, Data) of
               {M, Name, _Arity} -> io_lib:format("~ts:~ts ~ts~ts...", [M, L, Name, D]);
               _ -> io_lib:format("~ts~ts...", [L, D])
           end,
    fwrite(St, [indent(I), Text]).

print_test_end(Data, St) ->
    Time = proplists:get_value(time, Data, 0),
    T = case Time > 0 of
            true -> io_lib:format("[~.3f s] ", [Time / 1000]);
            false -> ""
        end,
    fwrite(St, [T, "ok\n"]).

print_test_error({error, Exception}, Data, #tty{print_depth = Depth} = St) ->
    Output = proplists:get_value(output, Data),
    fwrite(St, ["*failed*\n", format_exception(Exception, Depth),
                io_lib:format("  output:<<\"~ts\">>\n\n", [Output])]);
print_test_error({skipped, Reason}, _Data, St) ->
    fwrite(St, ["*did not run*\n::", format_skipped(Reason), "\n"]).

format_skipped({module_not_found, M}) ->
    io_lib:format("missing module: ~w", [M]);
format_skipped({no_such_function, {M, F, A}}) ->
    io_lib:format("no such function: ~w:~tw/~w", [M, F, A]).

format_cancel(undefined, _St) ->
    "*skipped*\n";
format_cancel(timeout, _St) ->
    "*timed out*\n";
format_cancel({timeout, #{stacktrace := Stack}}, _St) ->
    ["*timed out*\n", format_stacktrace(Stack)];
format_cancel({startup, Reason}, #tty{print_depth = Depth}) ->
    io_lib:format("*could not start test process*\n::~tP\n\n", [Reason, Depth]);
format_cancel({blame, _SubId}, _St) ->
    "*cancelled because of subtask*\n";
format_cancel({exit, Reason}, #tty{print_depth = Depth}) ->
    io_lib:format("*unexpected termination of test process*\n::~tP\n\n",
                  [Reason, Depth]);
format_cancel({abort, Reason}, #tty{print_depth = Depth}) ->
    format_error(Reason, Depth).

format_error({bad_test, Term}, Depth) ->
    error_msg("bad test descriptor", "~tP", [Term, Depth]);
format_error({bad_generator, {{M, F, A}, Term}}, Depth) ->
    error_msg(io_lib:format("result from generator ~w:~tw/~w is not a test",
                            [M, F, A]),
              "~tP", [Term, Depth]);
format_error({generator_failed, {{M, F, A}, Exception}}, Depth) ->
    error_msg(io_lib:format("test generator ~w:~tw/~w failed", [M, F, A]),
              "~ts", [format_exception(Exception, Depth)]);
format_error({no_such_function, {M, F, A}}, _)
  when is_atom(M), is_atom(F), is_integer(A) ->
    error_msg(io_lib:format("no such function: ~w:~tw/~w", [M, F, A]), "", []);
format_error({module_not_found, M}, _) ->
    error_msg("test module not found", "~tp", [M]);
format_error({setup_failed, Exception}, Depth) ->
    error_msg("context setup failed", "~ts", [format_exception(Exception, Depth)]);
format_error({cleanup_failed, Exception}, Depth) ->
    error_msg("context cleanup failed", "~ts",
              [format_exception(Exception, Depth)]);
format_error({{bad_instantiator, {{M, F, A}, Term}}, _Exception}, Depth) ->
    error_msg(io_lib:format("result from instantiator ~w:~tw/~w is not a test",
                            [M, F, A]),
              "~tP", [Term, Depth]);
format_error({instantiation_failed, Exception}, Depth) ->
    error_msg("instantiation of subtests failed", "~ts",
              [format_exception(Exception, Depth)]);
format_error(Other, Depth) ->
    %% get_output/0 outside a test, and anything else a task aborts for.
    error_msg("test run aborted", "~tP", [Other, Depth]).

error_msg(Title, Fmt, Args) ->
    Msg = io_lib:format("**" ++ Fmt, Args),
    io_lib:format("*** ~ts ***\n~ts\n\n", [Title, Msg]).

format_exception({Class, Term, Trace}, Depth)
  when is_atom(Class), is_list(Trace) ->
    case is_stacktrace(Trace) of
        true ->
            [format_stacktrace(Trace), io_lib:format("**~w:", [Class]),
             format_term(Term, Depth)];
        false ->
            format_term(Term, Depth)
    end;
format_exception(Term, Depth) ->
    format_term(Term, Depth).

format_term(Term, Depth) ->
    io_lib:format("~tP\n", [Term, Depth]).

is_stacktrace([]) -> true;
is_stacktrace([{M, F, A, L} | Fs])
  when is_atom(M), is_atom(F), is_integer(A) or is_list(A), is_list(L) ->
    is_stacktrace(Fs);
is_stacktrace([{M, F, A} | Fs])
  when is_atom(M), is_atom(F), is_integer(A) or is_list(A) ->
    is_stacktrace(Fs);
is_stacktrace(_) -> false.

%% "in function" and "in call from" lines for the frames of the tested
%% code: the trace stops at eunit's own frames.
format_stacktrace(Trace) ->
    Frames = lists:takewhile(fun(F) -> not is_eunit_frame(F) end, Trace),
    format_frames(Frames, "in function").

is_eunit_frame(Frame) ->
    lists:member(element(1, Frame), [?MODULE, eunit_proc]).

format_frames([{M, F, A, L} | Fs], Pre) when is_integer(A) ->
    [io_lib:format("~ts ~w:~tw/~w~ts\n", [Pre, M, F, A, format_location(L)])
     | format_frames(Fs, "in call from")];
format_frames([{M, F, As, L} | Fs], Pre) when is_list(As) ->
    A = length(As),
    Call = case {is_op(M, F, A), As} of
               {true, [A1]} ->
                   io_lib:format("~ts ~ts", [F, format_arg(A1)]);
               {true, [A1, A2]} ->
                   io_lib:format("~ts ~ts ~ts", [format_arg(A1), F, format_arg(A2)]);
               {false, _} ->
                   io_lib:format("~tw(~ts)",
                                 [F, lists:join(",", [format_arg(X) || X <- As])])
           end,
    [io_lib:format("~ts ~w:~tw/~w~ts\n  called as ~ts\n",
                   [Pre, M, F, A, format_location(L), Call])
     | format_frames(Fs, "in call from")];
format_frames([{M, F, As} | Fs], Pre) ->
    format_frames([{M, F, As, []} | Fs], Pre);
format_frames([], _Pre) ->
    [].

format_location(Loc) ->
    case {proplists:get_value(file, Loc), proplists:get_value(line, Loc)} of
        {File, Line} when File =/= undefined, Line =/= undefined ->
            io_lib:format(" (~ts, line ~w)", [File, Line]);
        _ ->
            ""
    end.

%% Arguments as OTP shows them: strings as "abc", binaries as <<"xy">>.
format_arg(A) ->
    io_lib:format("~tP", [A, 15]).

%% Operators are shown as `A op B' (arithmetic, boolean, comparison,
%% list and send operators of module erlang).
is_op(erlang, F, 1) ->
    lists:member(F, ['+', '-', 'bnot', 'not']);
is_op(erlang, F, 2) ->
    lists:member(F, ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor',
                     'bsl', 'bsr', 'and', 'or', 'xor', '==', '/=', '=<', '<',
                     '>=', '>', '=:=', '=/=', '++', '--', '!']);
is_op(_M, _F, _A) ->
    false.

indent(N) when is_integer(N), N >= 1 -> lists:duplicate(2 * N, $\s);
indent(_N) -> "".

fwrite(#tty{no_tty = true}, _Chars) -> ok;
fwrite(_St, Chars) -> io:put_chars(Chars).
