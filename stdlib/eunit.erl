%% @doc A sequential EUnit test runner for ferl, compatible with the
%% observable behaviour of OTP 25's `eunit:test/1,2': the same test
%% representations, the same report format and the same summary lines.
%%
%% == Test representations ==
%% `test/1,2' accept a module name, `{module, M}', a list, a fun of arity
%% 0, `{Line, Fun}' (from `?_test'), `{M, F}', `{Description, Tests}',
%% `{generator, Fun}', `{generator, M, F}', `{setup, Setup, Tests}',
%% `{setup, Setup, Cleanup, Tests}', `{setup, Where, Setup, Cleanup,
%% Tests}', `{foreach, Setup, [Tests]}', `{foreach, Setup, Cleanup,
%% [Tests]}', `{foreach, Where, Setup, Cleanup, [Tests]}', `{with, X,
%% [Fun/1]}', `{timeout, T, Tests}', `{inorder, Tests}', `{inparallel,
%% Tests}', `{inparallel, N, Tests}', `{spawn, Tests}' and `{spawn, Node,
%% Tests}'. In `setup' and `foreach', `Tests' may be an instantiator (a
%% fun of arity 1, given the setup result) or `{with, [Fun/1]}'.
%%
%% A module's tests are its exported `*_test/0' functions (tests) and
%% `*_test_/0' functions (generators, called when the module's test set
%% is built), in the order of `M:module_info(exports)', followed by the
%% tests of `M_tests' if that module exists.
%%
%% == Execution ==
%% Everything runs in order in the calling process: `inparallel' runs its
%% tests one after the other, `spawn' does not spawn, and `timeout' does
%% not enforce its limit (a test that never returns hangs the run). Every
%% exception of a test is caught and reported, and the run goes on with
%% the next test. A failing setup cancels the tests of its group; the
%% cleanup of a setup always runs once the setup has succeeded, even when
%% tests fail or a generator fails. A failing test generator, a module
%% that does not exist or a bad test descriptor aborts the whole run, as
%% in OTP.
%%
%% While a test, setup or cleanup runs, its standard output is captured
%% by a small I/O server process installed as group leader; a failing
%% test's output is shown in its report (`output:<<"...">>'), and setup
%% and cleanup output is discarded. If the group leader cannot be
%% changed, output simply goes to the terminal.
%%
%% == Reports ==
%% Without `verbose', only failures, skipped tests and cancellations are
%% reported, then the summary: `Test passed.', `2 tests passed.', `All N
%% tests passed.', `There were no tests to run.', or `Failed: F.
%% Skipped: S.  Passed: P.' (plus `One or more tests were cancelled.').
%% With `verbose', every test is listed as OTP does, with the groups of
%% described tests (modules included) indented, and `[done in T s]' at
%% the end of a group. Stack traces stop at the runner's own frames.
%%
%% `test/1,2' return `ok' if all tests passed and none were skipped or
%% cancelled, otherwise `error'.
-module(eunit).

%% Running tests.
-export([test/1, test/2]).

%% Run state: options and counters.
-record(st, {
          verbose = false :: boolean(),  % list every test and group
          pass = 0 :: non_neg_integer(),  % tests that passed
          fail = 0 :: non_neg_integer(),  % tests that failed
          skip = 0 :: non_neg_integer(),  % tests that could not run
          cancel = false :: boolean(),    % some group was cancelled
          shift = 0 :: non_neg_integer()  % verbose indentation lost (below)
         }).

-define(RULE, "=======================================================").
-define(HEADER, "======================== EUnit ========================").
%% Depth of terms printed in reports, as OTP.
-define(DEPTH, 20).

%%% ===================================================================
%%% API
%%% ===================================================================

%% @doc Equivalent to `test(Tests, [])'.
-spec test(Tests) -> ok | error when
      Tests :: term().
test(Tests) ->
    test(Tests, []).

%% @doc Runs `Tests' (see the module documentation for the accepted
%% forms), prints a report and returns `ok' if every test passed.
%% `Options' may contain `verbose'; other options are ignored.
-spec test(Tests, Options) -> ok | error when
      Tests :: term(),
      Options :: [term()].
test(Tests, Options) ->
    Verbose = lists:member(verbose, Options)
        orelse lists:member({verbose, true}, Options),
    St0 = #st{verbose = Verbose},
    print_if(Verbose, [?HEADER, "\n"]),
    St = try
             run_stream([Tests], 0, St0)
         catch
             throw:{'$eunit_aborted', What, StA} ->
                 print_abort(What),
                 StA#st{cancel = true}
         end,
    summary(St).

%%% ===================================================================
%%% Expanding test descriptors
%%% ===================================================================

%% A stream is a list of pending test descriptors, expanded lazily by
%% next/1 into items:
%%   {test, Test}                        a single test (see test_name/1)
%%   {group, Desc, Stream}               a described group
%%   {setup, Desc, Setup, Cleanup, Inst} a setup context
%%   {foreach, Desc, Setup, Cleanup, Insts}
%% Items already expanded (when looking ahead) are kept as {'$item', I}.
%% Failures that abort the run are thrown as {'$eunit_abort', What}.

next([]) -> none;
next([{'$item', Item} | Rest]) -> {Item, Rest};
next([Spec | Rest]) -> expand(Spec, Rest).

expand([], Rest) ->
    next(Rest);
expand([H | T], Rest) ->
    next([H, T | Rest]);
expand(F, Rest) when is_function(F, 0) ->
    {fun_test(F, 0), Rest};
expand({Line, F}, Rest) when is_integer(Line), is_function(F, 0) ->
    {fun_test(F, Line), Rest};
expand({generator, F}, Rest) when is_function(F, 0) ->
    next([call_generator(F) | Rest]);
expand({generator, M, F}, Rest) when is_atom(M), is_atom(F) ->
    next([call_generator(M, F) | Rest]);
expand({module, M}, Rest) when is_atom(M) ->
    {module_group(M), Rest};
expand({setup, S, I}, Rest) when is_function(S, 0) ->
    {{setup, undefined, S, none, I}, Rest};
expand({setup, S, C, I}, Rest) when is_function(S, 0), is_function(C, 1) ->
    {{setup, undefined, S, C, I}, Rest};
expand({setup, Where, S, I}, Rest) when is_function(S, 0) ->
    check_where(Where, {setup, Where, S, I}),
    {{setup, undefined, S, none, I}, Rest};
expand({setup, Where, S, C, I}, Rest)
  when is_function(S, 0), is_function(C, 1) ->
    check_where(Where, {setup, Where, S, C, I}),
    {{setup, undefined, S, C, I}, Rest};
expand({foreach, S, Is}, Rest) when is_function(S, 0), is_list(Is) ->
    {{foreach, undefined, S, none, Is}, Rest};
expand({foreach, S, C, Is}, Rest)
  when is_function(S, 0), is_function(C, 1), is_list(Is) ->
    {{foreach, undefined, S, C, Is}, Rest};
expand({foreach, Where, S, Is}, Rest) when is_function(S, 0), is_list(Is) ->
    check_where(Where, {foreach, Where, S, Is}),
    {{foreach, undefined, S, none, Is}, Rest};
expand({foreach, Where, S, C, Is}, Rest)
  when is_function(S, 0), is_function(C, 1), is_list(Is) ->
    check_where(Where, {foreach, Where, S, C, Is}),
    {{foreach, undefined, S, C, Is}, Rest};
expand({with, X, Fs}, Rest) when is_list(Fs) ->
    next([[{'$item', with_test(F, X)} || F <- Fs] | Rest]);
expand({timeout, T, Tests}, Rest) when is_number(T) ->
    %% The time limit is not enforced.
    next([Tests | Rest]);
expand({inorder, Tests}, Rest) ->
    next([Tests | Rest]);
expand({inparallel, Tests}, Rest) ->
    %% Run in order.
    next([Tests | Rest]);
expand({inparallel, N, Tests}, Rest) when is_integer(N), N >= 0 ->
    next([Tests | Rest]);
expand({spawn, Tests}, Rest) ->
    next([Tests | Rest]);
expand({spawn, Node, Tests}, Rest) when is_atom(Node) ->
    next([Tests | Rest]);
expand({M, F}, Rest) when is_atom(M), is_atom(F) ->
    {{test, #{kind => mf, m => M, f => F, desc => undefined}}, Rest};
expand({Desc, Tests} = Spec, Rest) ->
    case is_description(Desc) of
        true -> described(Desc, Tests, Rest);
        false -> throw({'$eunit_abort', {bad_test, Spec}})
    end;
expand(M, Rest) when is_atom(M) ->
    expand({module, M}, Rest);
expand(Spec, _Rest) ->
    throw({'$eunit_abort', {bad_test, Spec}}).

check_where(local, _Spec) -> ok;
check_where(spawn, _Spec) -> ok;
check_where({spawn, Node}, _Spec) when is_atom(Node) -> ok;
check_where(_, Spec) -> throw({'$eunit_abort', {bad_test, Spec}}).

is_description(Desc) when is_binary(Desc) -> true;
is_description(Desc) when is_list(Desc) -> io_lib:printable_unicode_list(Desc);
is_description(_) -> false.

fun_test(F, Line) ->
    {test, #{kind => 'fun', fn => F, line => Line, desc => undefined}}.

with_test(F, X) when is_function(F, 1) ->
    {test, #{kind => with, fn => F, arg => X, line => 0, desc => undefined}};
with_test(F, X) ->
    throw({'$eunit_abort', {bad_test, {with, X, [F]}}}).

%% A description applies to a group; a group of a single test without a
%% description of its own (or of a single setup or foreach) is shown as
%% that test, described.
described(Desc, Tests, Rest) ->
    case next([Tests]) of
        none ->
            next(Rest);
        {Item, R1} ->
            case next(R1) of
                none ->
                    {attach_description(Desc, Item), Rest};
                {Item2, R2} ->
                    {{group, Desc, [{'$item', Item}, {'$item', Item2} | R2]},
                     Rest}
            end
    end.

attach_description(Desc, {test, #{desc := undefined} = T}) ->
    {test, T#{desc := Desc}};
attach_description(Desc, {setup, undefined, S, C, I}) ->
    {setup, Desc, S, C, I};
attach_description(Desc, {foreach, undefined, S, C, Is}) ->
    {foreach, Desc, S, C, Is};
attach_description(Desc, Item) ->
    {group, Desc, [{'$item', Item}]}.

call_generator(F) ->
    try
        F()
    catch
        Class:Reason:Stack ->
            {module, M} = erlang:fun_info(F, module),
            {name, Name} = erlang:fun_info(F, name),
            throw({'$eunit_abort',
                   {generator_failed, {M, Name, 0}, {Class, Reason, Stack}}})
    end.

call_generator(M, F) ->
    try
        M:F()
    catch
        Class:Reason:Stack ->
            throw({'$eunit_abort',
                   {generator_failed, {M, F, 0}, {Class, Reason, Stack}}})
    end.

%% The tests of module M (its generators are called now), then those of
%% M_tests, as the group "module 'M'".
module_group(M) ->
    case code:ensure_loaded(M) of
        {module, M} -> ok;
        _ -> throw({'$eunit_abort', {module_not_found, M}})
    end,
    Own = module_tests(M),
    TestsModule = list_to_atom(atom_to_list(M) ++ "_tests"),
    Extra = case TestsModule =/= M
                andalso code:ensure_loaded(TestsModule) of
                {module, TestsModule} ->
                    [{module_description(TestsModule),
                      module_tests(TestsModule)}];
                _ ->
                    []
            end,
    Desc = module_description(M),
    case described(Desc, Own ++ Extra, []) of
        none -> {group, Desc, []};
        {Item, []} -> Item
    end.

module_description(M) ->
    "module '" ++ atom_to_list(M) ++ "'".

module_tests(M) ->
    [module_test(M, F) || {F, 0} <- M:module_info(exports),
                          is_test_name(F, "_test") orelse
                              is_test_name(F, "_test_")].

module_test(M, F) ->
    case is_test_name(F, "_test") of
        true -> {M, F};
        false -> call_generator(M, F)
    end.

is_test_name(F, Suffix) ->
    Name = atom_to_list(F),
    length(Name) > length(Suffix) andalso lists:suffix(Suffix, Name).

%%% ===================================================================
%%% Running
%%% ===================================================================

run_stream(Stream, Depth, St) ->
    Next = try
               next(Stream)
           catch
               throw:{'$eunit_abort', What} ->
                   throw({'$eunit_aborted', What, St})
           end,
    case Next of
        none -> St;
        {Item, Rest} -> run_stream(Rest, Depth, run_item(Item, Depth, St))
    end.

run_item({test, Test}, Depth, St) ->
    run_test(Test, Depth, St);
run_item({group, Desc, Stream}, Depth, #st{verbose = Verbose} = St) ->
    print_if(Verbose, [indent(Depth, St), Desc, "\n"]),
    T0 = now_ms(),
    St1 = run_stream(Stream, Depth + 1, St),
    done(Desc, Depth, T0, St, {ok, St1});
run_item({setup, Desc, Setup, Cleanup, Inst}, Depth, St) ->
    SubDepth = group_header(Desc, Depth, St),
    T0 = now_ms(),
    Result = run_context(Desc, Setup, Cleanup, Inst, Depth, SubDepth, St),
    done(Desc, Depth, T0, St, Result);
run_item({foreach, Desc, Setup, Cleanup, Insts}, Depth, St) ->
    SubDepth = group_header(Desc, Depth, St),
    T0 = now_ms(),
    Result = lists:foldl(
               fun(Inst, {_, StAcc}) ->
                       run_context(Desc, Setup, Cleanup, Inst, Depth, SubDepth,
                                   StAcc)
               end, {ok, St}, Insts),
    done(Desc, Depth, T0, St, Result).

%% Setup, instantiation, tests, cleanup. A failure in one of the three
%% context steps cancels the context: `{ok | cancelled, St}'.
run_context(Desc, Setup, Cleanup, Inst, Depth, SubDepth, St) ->
    case run_quiet(Setup, []) of
        {error, Exc} ->
            {cancelled, cancel(Desc, "context setup failed", Exc, Depth, St)};
        {ok, Env} ->
            {Outcome, St1} =
                case instantiate(Inst, Env) of
                    {error, Exc} ->
                        {cancelled,
                         cancel(Desc, "instantiation of subtests failed", Exc,
                                Depth, St)};
                    {ok, Tests} ->
                        try
                            {ok, run_stream([Tests], SubDepth, St)}
                        catch
                            throw:{'$eunit_aborted', _, _} = Abort ->
                                _ = run_quiet(Cleanup, [Env]),
                                throw(Abort)
                        end
                end,
            case run_quiet(Cleanup, [Env]) of
                {ok, _} ->
                    {Outcome, St1};
                {error, Exc2} ->
                    {cancelled,
                     cancel(Desc, "context cleanup failed", Exc2, Depth, St1)}
            end
    end.

instantiate(Inst, Env) when is_function(Inst, 1) ->
    run_quiet(Inst, [Env]);
instantiate({with, Fs}, Env) when is_list(Fs) ->
    {ok, {with, Env, Fs}};
instantiate(Tests, _Env) ->
    {ok, Tests}.

run_test(Test, Depth, #st{verbose = Verbose} = St) ->
    Name = test_name(Test),
    print_if(Verbose, [indent(Depth, St), Name, "..."]),
    T0 = now_ms(),
    Result = case test_fun(Test) of
                 {skip, _} = Skip -> Skip;
                 {ok, Fun} -> run_captured(Fun)
             end,
    Time = now_ms() - T0,
    Prefix = case Verbose of
                 true -> [];
                 false -> [Name, "..."]
             end,
    case Result of
        {ok, _Output} ->
            print_if(Verbose andalso Time > 0,
                     io_lib:format("[~.3f s] ", [Time / 1000])),
            print_if(Verbose, "ok\n"),
            St#st{pass = St#st.pass + 1};
        {{error, {Class, Reason, Stack}}, Output} ->
            print([Prefix, "*failed*\n",
                   format_stack(Stack),
                   format_exception(Class, Reason), "\n",
                   "  output:<<\"", Output, "\">>\n\n"]),
            St#st{fail = St#st.fail + 1};
        {skip, Why} ->
            print([Prefix, "*did not run*\n::", Why, "\n"]),
            St#st{skip = St#st.skip + 1}
    end.

%% The fun to run for a test, or why it cannot run.
test_fun(#{kind := mf, m := M, f := F}) ->
    case code:ensure_loaded(M) of
        {module, M} ->
            case erlang:function_exported(M, F, 0) of
                true -> {ok, fun() -> M:F() end};
                false ->
                    {skip, io_lib:format("no such function: ~w:~w/0", [M, F])}
            end;
        _ ->
            {skip, io_lib:format("missing module: ~w", [M])}
    end;
test_fun(#{kind := 'fun', fn := F}) ->
    {ok, F};
test_fun(#{kind := with, fn := F, arg := X}) ->
    {ok, fun() -> F(X) end}.

%% "M: F", "M:Line: FunName" or "M: FunName", with " (Desc)".
test_name(#{kind := mf, m := M, f := F, desc := Desc}) ->
    [io_lib:format("~w: ~w", [M, F]) | description_suffix(Desc)];
test_name(#{fn := F, line := Line, desc := Desc}) ->
    {module, M} = erlang:fun_info(F, module),
    {name, Name} = erlang:fun_info(F, name),
    Where = case Line of
                0 -> io_lib:format("~w:", [M]);
                _ -> io_lib:format("~w:~w:", [M, Line])
            end,
    [Where, " ", atom_to_list(Name) | description_suffix(Desc)].

description_suffix(undefined) -> [];
description_suffix(Desc) -> [" (", Desc, ")"].

%% Verbose group header; returns the depth of the group's contents.
group_header(undefined, Depth, _St) ->
    Depth;
group_header(Desc, Depth, #st{verbose = Verbose} = St) ->
    print_if(Verbose, [indent(Depth, St), Desc, "\n"]),
    Depth + 1.

%% Verbose "[done in T s]" at the end of a described group that ran
%% tests and was not cancelled itself.
done(undefined, _Depth, _T0, _Before, {_, After}) ->
    After;
done(_Desc, Depth, T0, Before, {ok, #st{verbose = true} = After}) ->
    print_if(total(After) > total(Before),
             [indent(Depth + 1, After),
              io_lib:format("[done in ~.3f s]\n", [(now_ms() - T0) / 1000])]),
    After;
done(_Desc, _Depth, _T0, _Before, {_, After}) ->
    After.

%% Reports a cancelled context. As OTP's verbose report, which indents a
%% described group's contents by one level but unindents by one level
%% on any cancellation, a cancelled context without a description
%% leaves the rest of the verbose report one level further left.
cancel(Desc, What, {Class, Reason, Stack}, Depth, #st{verbose = Verbose} = St) ->
    Head = case {Verbose, Desc} of
               {true, undefined} ->
                   [indent(Depth, St), "undefined\n", indent(Depth, St)];
               {true, _} ->
                   [indent(Depth + 1, St)];
               {false, undefined} ->
                   ["undefined\n"];
               {false, _} ->
                   [Desc, "\n"]
           end,
    print([Head, "*** ", What, " ***\n", format_first_frame(Stack),
           format_exception(Class, Reason), "\n\n\n"]),
    Shift = case Desc of
                undefined -> St#st.shift + 1;
                _ -> St#st.shift
            end,
    St#st{cancel = true, shift = Shift}.

print_abort({generator_failed, {M, F, A}, {Class, Reason, Stack}}) ->
    print(["undefined\n",
           io_lib:format("*** test generator ~w:~w/~w failed ***\n", [M, F, A]),
           format_first_frame(Stack), format_exception(Class, Reason),
           "\n\n\n"]);
print_abort({module_not_found, M}) ->
    print(["undefined\n*** test module not found ***\n**",
           io_lib:format("~tP", [M, ?DEPTH]), "\n\n"]);
print_abort({bad_test, Spec}) ->
    print(["undefined\n*** bad test descriptor ***\n**",
           io_lib:format("~tP", [Spec, ?DEPTH]), "\n\n"]).

summary(#st{pass = Pass, fail = 0, skip = 0, cancel = false,
            verbose = Verbose}) ->
    print_if(Verbose andalso Pass > 0, [?RULE, "\n"]),
    print(case Pass of
              0 -> "  There were no tests to run.\n";
              1 -> "  Test passed.\n";
              2 -> "  2 tests passed.\n";
              _ -> io_lib:format("  All ~w tests passed.\n", [Pass])
          end),
    ok;
summary(#st{pass = Pass, fail = Fail, skip = Skip, cancel = Cancel}) ->
    print([?RULE, "\n",
           io_lib:format("  Failed: ~w.  Skipped: ~w.  Passed: ~w.\n",
                         [Fail, Skip, Pass])]),
    print_if(Cancel, "One or more tests were cancelled.\n"),
    error.

total(#st{pass = P, fail = F, skip = S}) -> P + F + S.

%%% ===================================================================
%%% Formatting
%%% ===================================================================

%% "in function ..." then "in call from ..." lines, for the frames
%% above the runner's own.
format_stack(Stack) ->
    case test_frames(Stack) of
        [] -> [];
        [First | Rest] ->
            [["in function ", format_frame(First)] |
             [["in call from ", format_frame(F)] || F <- Rest]]
    end.

format_first_frame(Stack) ->
    case test_frames(Stack) of
        [] -> [];
        [First | _] -> ["**in function ", format_frame(First)]
    end.

test_frames(Stack) ->
    lists:takewhile(fun({?MODULE, _, _, _}) -> false;
                       (_) -> true
                    end, Stack).

format_frame({M, F, A, Loc}) when is_integer(A) ->
    [io_lib:format("~w:~w/~w", [M, F, A]), format_location(Loc), "\n"];
format_frame({M, F, Args, Loc}) when is_list(Args) ->
    [io_lib:format("~w:~w/~w", [M, F, length(Args)]), format_location(Loc),
     "\n  called as ", io_lib:format("~w", [F]), "(",
     lists:join(",", [io_lib:format("~tw", [A]) || A <- Args]), ")\n"];
format_frame(Frame) ->
    [io_lib:format("~tw", [Frame]), "\n"].

format_location(Loc) when is_list(Loc) ->
    case {lists:keyfind(file, 1, Loc), lists:keyfind(line, 1, Loc)} of
        {{file, File}, {line, Line}} ->
            io_lib:format(" (~ts, line ~w)", [File, Line]);
        {{file, File}, false} ->
            io_lib:format(" (~ts)", [File]);
        _ ->
            []
    end;
format_location(_) ->
    [].

format_exception(Class, Reason) ->
    [io_lib:format("**~w:", [Class]), io_lib:format("~tP", [Reason, ?DEPTH])].

indent(Depth, #st{shift = Shift}) ->
    lists:duplicate(2 * max(0, Depth - Shift), $\s).

print(Chars) ->
    io:put_chars(Chars).

print_if(true, Chars) -> print(Chars);
print_if(false, _Chars) -> ok.

now_ms() ->
    erlang:monotonic_time(millisecond).

%%% ===================================================================
%%% Running funs with captured output
%%% ===================================================================

%% Runs a test: `{ok, Output}' or `{{error, {Class, Reason, Stack}},
%% Output}'.
run_captured(Fun) ->
    Capture = capture_start(),
    Result = try
                 _ = Fun(),
                 ok
             catch
                 Class:Reason:Stack -> {error, {Class, Reason, Stack}}
             end,
    Output = capture_stop(Capture),
    case Result of
        ok -> {ok, Output};
        _ -> {Result, Output}
    end.

%% Runs a setup, cleanup or instantiator, discarding its output:
%% `{ok, Value}' or `{error, {Class, Reason, Stack}}'.
run_quiet(none, _Args) ->
    {ok, ok};
run_quiet(Fun, Args) ->
    Capture = capture_start(),
    Result = try
                 {ok, apply(Fun, Args)}
             catch
                 Class:Reason:Stack -> {error, {Class, Reason, Stack}}
             end,
    _ = capture_stop(Capture),
    Result.

capture_start() ->
    try
        Old = group_leader(),
        Pid = spawn(fun() -> capture_loop([]) end),
        group_leader(Pid, self()),
        {Old, Pid}
    catch
        _:_ -> none
    end.

capture_stop(none) ->
    <<>>;
capture_stop({Old, Pid}) ->
    group_leader(Old, self()),
    Ref = make_ref(),
    Pid ! {eunit_capture_done, self(), Ref},
    receive
        {Ref, Output} -> Output
    after 5000 ->
            <<>>
    end.

%% A minimal I/O server that collects output requests.
capture_loop(Acc) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, Acc1} = try
                                io_request(Request, Acc)
                            catch
                                _:_ -> {{error, request}, Acc}
                            end,
            From ! {io_reply, ReplyAs, Reply},
            capture_loop(Acc1);
        {eunit_capture_done, From, Ref} ->
            From ! {Ref, iolist_to_binary(lists:reverse(Acc))}
    end.

io_request({put_chars, Encoding, Chars}, Acc) ->
    {ok, [chars_to_binary(Encoding, Chars) | Acc]};
io_request({put_chars, Encoding, M, F, A}, Acc) ->
    io_request({put_chars, Encoding, apply(M, F, A)}, Acc);
io_request({put_chars, Chars}, Acc) ->
    io_request({put_chars, latin1, Chars}, Acc);
io_request({put_chars, M, F, A}, Acc) ->
    io_request({put_chars, latin1, apply(M, F, A)}, Acc);
io_request({requests, Requests}, Acc) ->
    lists:foldl(fun(R, {_, A}) -> io_request(R, A) end, {ok, Acc}, Requests);
io_request(_Request, Acc) ->
    {{error, enotsup}, Acc}.

chars_to_binary(unicode, Chars) ->
    case unicode:characters_to_binary(Chars) of
        Bin when is_binary(Bin) -> Bin;
        _ -> iolist_to_binary(io_lib:format("~tp", [Chars]))
    end;
chars_to_binary(_Latin1, Chars) ->
    iolist_to_binary(Chars).
