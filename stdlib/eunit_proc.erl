%% @doc The process side of ferl's EUnit: reading test descriptors and
%% running them in a tree of processes, as OTP 25's eunit does
%% (`eunit_data', `eunit_proc' and `eunit_test' there).
%%
%% == Test descriptors ==
%% Descriptors are read lazily, one item at a time, while the tests run:
%% a generator is called when the run reaches it, so the tests before a
%% failing generator have already run. An item is a `#test{}' or a
%% `#group{}' (a description, an order, a time limit, a setup context or
%% a new process for its contents). As in OTP, a group of one item is
%% folded into that item where their properties do not conflict, which
%% decides how descriptions and time limits are shown.
%%
%% == Tasks ==
%% A task is a pair of processes: an insulator, which traps exits, is the
%% group leader of its child, buffers the child's output and turns time
%% limits, crashes and aborts into cancel events; and the child, which
%% runs the tests in order. The whole test set is one task, and so is
%% each `{spawn, Tests}' group, each item of an `inparallel' group and
%% the body of each `setup' (setup and cleanup run in the enclosing
%% process, the instantiated tests in a new one, unless the setup says
%% `local'). Plain tests of a task therefore share one process (its
%% process dictionary, its links), but never the caller's.
%%
%% Each test runs under a fresh group leader that collects its output.
%% A test that runs longer than its time limit (5 s by default, `{timeout,
%% Seconds, Tests}' otherwise) gets its task killed: the test is reported
%% as timed out and the rest of the task is cancelled. A failing
%% generator, a bad descriptor or a missing module aborts the task in
%% the same way; a failing setup, instantiation or cleanup cancels only
%% its own group.
%%
%% == Events ==
%% The insulators send `{status, Id, Info}' to the supervisor (the
%% serializer of `eunit'), where `Id' is the item's position in the tree
%% (`[]' for the whole set, `[2, 1]' for the first item of the second
%% group) and `Info' is `{progress, begin, {test | group, Data}}',
%% `{progress, end, {Status, Data}}' or `{cancel, Reason}', as OTP.
-module(eunit_proc).

%% Running a test set.
-export([start/5]).
%% For test code: the output of the running test (`?capturedOutput').
-export([get_output/0]).
%% Running a shell command for the `?cmd' macros.
-export([command/1]).
%% The group leader of a test; spawned by name, since `?UNDER_EUNIT'
%% looks at its current function.
-export([group_leader_process/1]).

-record(test, {f :: fun(() -> term()),
               desc :: binary() | undefined,
               timeout :: non_neg_integer() | undefined,
               location :: {module(), atom(), arity()} | undefined,
               line = 0 :: non_neg_integer()}).

-record(context, {setup :: fun(() -> term()),
                  cleanup :: fun((term()) -> term()),
                  process = local :: local | spawn | {spawn, node()}}).

-record(group, {desc :: binary() | undefined,
                options = [] :: [term()],
                order :: inorder | {inparallel, non_neg_integer()}
                       | undefined,
                timeout :: non_neg_integer() | undefined,
                context :: #context{} | undefined,
                spawn :: local | {remote, node()} | undefined,
                tests :: term()}).

%% Where a process of the tree stands.
-record(ps, {ref :: reference(),
             id = [] :: [pos_integer()],
             super :: pid(),
             insulator :: pid() | undefined,
             parent :: pid() | undefined,
             order :: inorder | {inparallel, non_neg_integer()},
             options = [] :: [term()]}).

%% Lazy iterator over the items of a group.
-record(iter, {tests :: term(),
               pos = 0 :: non_neg_integer(),
               parent = [] :: [pos_integer()],  % reversed id of the group
               options = [] :: [term()]}).

-define(DEFAULT_TEST_TIMEOUT, 5000).
-define(DEFAULT_GROUP_TIMEOUT, infinity).
-define(DEFAULT_SETUP_PROCESS, spawn).
-define(MAX_TIMER, 16#FFFFFFFF).

%%% ===================================================================
%%% API
%%% ===================================================================

%% @doc Starts running `Tests' as a new task and returns its insulator.
%% Status events go to `Super'; `{done, Ref, Pid}' is sent to the
%% caller when the task has finished. `Order' is `inorder' or
%% `{inparallel, N}' for the top level.
-spec start(Tests, Order, Super, Ref, Options) -> pid() when
      Tests :: term(),
      Order :: inorder | inparallel | {inparallel, non_neg_integer()},
      Super :: pid(),
      Ref :: reference(),
      Options :: [term()].
start(Tests, Order, Super, Ref, Options)
  when is_pid(Super), is_reference(Ref) ->
    St = #ps{ref = Ref, super = Super, order = norm_order(Order),
             options = Options},
    spawn_group(local, #group{tests = Tests, options = Options}, St).

norm_order(inparallel) -> {inparallel, 0};
norm_order(Order) -> Order.

%% @doc The output the running test has written so far (a string). Only
%% works inside a test run by eunit; elsewhere it aborts the task.
-spec get_output() -> string().
get_output() ->
    group_leader() ! {get_output, self()},
    receive
        {output, Output} -> Output
    after 100 ->
            abort_task(get_output)
    end.

%% @doc Runs `Cmd' as OTP's eunit does (`sh -c "exec Cmd"'):
%% `{ExitStatus, Output}', with standard error merged into the output
%% and line ends normalised to `\n'.
-spec command(Cmd) -> {integer(), string()} when Cmd :: string().
command(Cmd) ->
    %% os:cmd gives no exit status: the shell appends it after a marker.
    Marker = "@eunit-exit-status@",
    Out = os:cmd("( exec " ++ Cmd ++ "\n) 2>&1; echo \"" ++ Marker ++ "$?\""),
    {Text, Status} = split_status(Out, Marker),
    {Status, normalize(Text)}.

split_status(Out, Marker) ->
    case string:find(Out, Marker, trailing) of
        nomatch ->
            {Out, 1};
        Tail ->
            Text = lists:sublist(Out, length(Out) - length(Tail)),
            Digits = string:trim(lists:nthtail(length(Marker), Tail)),
            {Text, list_to_integer(Digits)}
    end.

normalize([$\r, $\n | Cs]) -> [$\n | normalize(Cs)];
normalize([$\r | Cs]) -> [$\n | normalize(Cs)];
normalize([C | Cs]) -> [C | normalize(Cs)];
normalize([]) -> [].

%%% ===================================================================
%%% Reading descriptors
%%% ===================================================================

iter_init(Tests, ParentId, Options) ->
    #iter{tests = Tests, parent = lists:reverse(ParentId), options = Options}.

iter_id(#iter{pos = N, parent = Ns}) ->
    lists:reverse(Ns, [N]).

iter_next(#iter{tests = Tests, pos = N, options = Options} = I) ->
    case next(Tests, Options) of
        {T, Rest} -> {T, I#iter{tests = Rest, pos = N + 1}};
        none -> none
    end.

%% The next item of a (deep, possibly improper) list of descriptors.
%% Throws the reasons a task is aborted for.
next(Tests, Options) ->
    case dlist_next(Tests) of
        [T | Ts] ->
            case parse(T, Options) of
                {data, T1} -> next([T1 | Ts], Options);
                Item -> {Item, Ts}
            end;
        [] ->
            none
    end.

%% A deep list's first element brought to the front; a non-empty string
%% is an element, not a list.
dlist_next([X | Xs] = Xs0) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> Xs0;
        false -> dlist_next(X, Xs)
    end;
dlist_next([_ | _] = Xs) ->
    case is_nonempty_string(Xs) of
        true -> [Xs];
        false -> Xs
    end;
dlist_next([]) -> [];
dlist_next(X) -> [X].

dlist_next([X], Ys) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> [X | Ys];
        false -> dlist_next(X, Ys)
    end;
dlist_next([X], Ys) -> [X | Ys];
dlist_next([X | Xs], Ys) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> [X | [Xs | Ys]];
        false -> dlist_next(X, [Xs | Ys])
    end;
dlist_next([X | Xs], Ys) -> [X | [Xs | Ys]];
dlist_next([], Xs) -> dlist_next(Xs).

is_string([C | Cs]) when is_integer(C), C >= 0, C =< 16#10ffff -> is_string(Cs);
is_string([]) -> true;
is_string(_) -> false.

is_nonempty_string([]) -> false;
is_nonempty_string(Cs) -> is_string(Cs).

%% One descriptor: a #test{}, a #group{}, or {data, Tests} when it
%% stands for other descriptors.
parse({foreach, S, Fs}, Options) when is_function(S), is_list(Fs) ->
    parse({foreach, S, fun ok/1, Fs}, Options);
parse({foreach, S, C, Fs}, Options)
  when is_function(S), is_function(C), is_list(Fs) ->
    parse({foreach, ?DEFAULT_SETUP_PROCESS, S, C, Fs}, Options);
parse({foreach, P, S, Fs}, Options) when is_function(S), is_list(Fs) ->
    parse({foreach, P, S, fun ok/1, Fs}, Options);
parse({foreach, P, S, C, Fs} = T, _Options)
  when is_function(S), is_function(C), is_list(Fs) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    case Fs of
        [F | Fs1] -> {data, [{setup, P, S, C, F}, {foreach, P, S, C, Fs1}]};
        [] -> {data, []}
    end;
parse({foreachx, S1, Ps}, Options) when is_function(S1), is_list(Ps) ->
    parse({foreachx, S1, fun ok/2, Ps}, Options);
parse({foreachx, S1, C1, Ps}, Options)
  when is_function(S1), is_function(C1), is_list(Ps) ->
    parse({foreachx, ?DEFAULT_SETUP_PROCESS, S1, C1, Ps}, Options);
parse({foreachx, P, S1, Ps}, Options) when is_function(S1), is_list(Ps) ->
    parse({foreachx, P, S1, fun ok/2, Ps}, Options);
parse({foreachx, P, S1, C1, Ps} = T, _Options)
  when is_function(S1), is_function(C1), is_list(Ps) ->
    check_arity(S1, 1, T),
    check_arity(C1, 2, T),
    case Ps of
        [{X, F1} | Ps1] when is_function(F1) ->
            check_arity(F1, 2, T),
            {data, [{setup, P, fun() -> S1(X) end, fun(R) -> C1(X, R) end,
                     fun(R) -> F1(X, R) end},
                    {foreachx, P, S1, C1, Ps1}]};
        [_ | _] -> bad_test(T);
        [] -> {data, []}
    end;
parse({generator, F}, Options) when is_function(F) ->
    parse({generator, F, fun_mfa(F)}, Options);
parse({generator, F, {M, N, A}} = T, _Options)
  when is_function(F), is_atom(M), is_atom(N), is_integer(A) ->
    check_arity(F, 0, T),
    case run_testfun(F) of
        {ok, T1} ->
            case is_not_test(T1) of
                true -> throw({bad_generator, {{M, N, A}, T1}});
                false -> {data, T1}
            end;
        {error, Exception} ->
            throw({generator_failed, {{M, N, A}, Exception}})
    end;
parse({generator, M, F}, Options) when is_atom(M), is_atom(F) ->
    parse({generator, mf_wrapper(M, F), {M, F, 0}}, Options);
parse({inorder, T}, Options) ->
    group(#group{tests = T, options = Options, order = inorder});
parse({inparallel, T}, Options) ->
    parse({inparallel, 0, T}, Options);
parse({inparallel, N, T}, Options) when is_integer(N), N >= 0 ->
    group(#group{tests = T, options = Options, order = {inparallel, N}});
parse({timeout, N, T}, Options) when is_number(N), N >= 0 ->
    group(#group{tests = T, options = Options, timeout = round(N * 1000)});
parse({spawn, T}, Options) ->
    group(#group{tests = T, options = Options, spawn = local});
parse({spawn, N, T}, Options) when is_atom(N) ->
    group(#group{tests = T, options = Options, spawn = {remote, N}});
parse({setup, S, I}, Options) when is_function(S); is_list(S) ->
    parse({setup, ?DEFAULT_SETUP_PROCESS, S, I}, Options);
parse({setup, S, C, I}, Options) when is_function(S), is_function(C) ->
    parse({setup, ?DEFAULT_SETUP_PROCESS, S, C, I}, Options);
parse({setup, P, S, I}, Options) when is_function(S) ->
    parse({setup, P, S, fun ok/1, I}, Options);
parse({setup, P, L, I} = T, Options) when is_list(L) ->
    check_setup_list(L, T),
    {S, C} = multi_setup(L),
    parse({setup, P, S, C, I}, Options);
parse({setup, P, S, C, I} = T, Options)
  when is_function(S), is_function(C), is_function(I) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    case erlang:fun_info(I, arity) of
        {arity, 0} ->
            %% A nullary body is a plain test, not an instantiator.
            parse({setup, S, C, fun(_) -> I end}, Options);
        _ ->
            check_arity(I, 1, T),
            case P of
                local -> ok;
                spawn -> ok;
                {spawn, N} when is_atom(N) -> ok;
                _ -> bad_test(T)
            end,
            group(#group{tests = I, options = Options,
                         context = #context{setup = S, cleanup = C,
                                            process = P}})
    end;
parse({setup, P, S, C, {with, As}}, Options) when is_list(As) ->
    parse({setup, P, S, C, fun(X) -> {with, X, As} end}, Options);
parse({setup, P, S, C, T}, Options) when is_function(S), is_function(C) ->
    parse({setup, P, S, C, fun(_) -> T end}, Options);
parse({module, M}, Options) when is_atom(M) ->
    {data, {"module '" ++ atom_to_list(M) ++ "'",
            get_module_tests(M, Options)}};
parse({with, X, As} = T, _Options) when is_list(As) ->
    case As of
        [A | As1] ->
            check_arity(A, 1, T),
            {data, [{fun_mfa(A), fun() -> A(X) end}, {with, X, As1}]};
        [] ->
            {data, []}
    end;
parse({S, T1} = T, Options) when is_list(S) ->
    case is_string(S) of
        true ->
            group(#group{tests = T1, options = Options,
                         desc = unicode:characters_to_binary(S)});
        false ->
            bad_test(T)
    end;
parse({S, T1}, Options) when is_binary(S) ->
    group(#group{tests = T1, options = Options, desc = S});
parse(T, Options) when tuple_size(T) > 2, is_list(element(1, T));
                       tuple_size(T) > 2, is_binary(element(1, T)) ->
    [S | Es] = tuple_to_list(T),
    parse({S, list_to_tuple(Es)}, Options);
parse(M, Options) when is_atom(M) ->
    parse({module, M}, Options);
parse(T, _Options) when is_list(T) ->
    %% OTP reads a string as a file or directory name; ferl has no
    %% object files to read tests from.
    bad_test(T);
parse(T, _Options) ->
    parse_simple(T).

parse_simple({L, F}) when is_integer(L), L >= 0 ->
    (parse_simple(F))#test{line = L};
parse_simple({{M, N, A} = Loc, F})
  when is_atom(M), is_atom(N), is_integer(A) ->
    (parse_simple(F))#test{location = Loc};
parse_simple(F) ->
    parse_function(F).

parse_function(F) when is_function(F) ->
    check_arity(F, 0, F),
    #test{f = F, location = fun_mfa(F)};
parse_function({test, M, F}) when is_atom(M), is_atom(F) ->
    #test{f = mf_wrapper(M, F), location = {M, F, 0}};
parse_function({M, F}) when is_atom(M), is_atom(F) ->
    parse_function({test, M, F});
parse_function(F) ->
    bad_test(F).

fun_mfa(F) ->
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    {M, N, A}.

check_arity(F, N, _) when is_function(F, N) -> ok;
check_arity(_, _, T) -> bad_test(T).

check_setup_list([{Tag, S, C} | Es], T)
  when is_atom(Tag), is_function(S), is_function(C) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    check_setup_list(Es, T);
check_setup_list([{Tag, S} | Es], T) when is_atom(Tag), is_function(S) ->
    check_arity(S, 0, T),
    check_setup_list(Es, T);
check_setup_list([], _T) -> ok;
check_setup_list(_, T) -> bad_test(T).

bad_test(T) ->
    throw({bad_test, T}).

ok(_) -> ok.
ok(_, _) -> ok.

%% Values a generator or instantiator returns by mistake.
is_not_test(T) ->
    case T of
        ok -> true;
        error -> true;
        true -> true;
        false -> true;
        undefined -> true;
        {ok, _} -> true;
        {error, _} -> true;
        {'EXIT', _} -> true;
        N when is_number(N) -> true;
        [N | _] when is_number(N) -> true;
        X when is_binary(X) -> true;
        X when is_pid(X) -> true;
        X when is_port(X) -> true;
        X when is_reference(X) -> true;
        _ -> false
    end.

%% Folds a group of one item into that item where their properties do
%% not conflict (looking ahead two items, as OTP: so a generator among
%% the first two items of a group runs when the group is read).
group(#group{context = #context{}} = G) ->
    %% The body of a setup is an instantiator: nothing to look at yet.
    G;
group(#group{tests = T0, desc = Desc, options = Options, order = Order,
             context = Context, spawn = Spawn, timeout = Timeout} = G) ->
    {T1, Ts} = lookahead(T0, Options),
    {T2, _} = lookahead(Ts, Options),
    case T1 of
        #test{desc = Desc1, timeout = Timeout1}
          when T2 =:= none, Spawn =:= undefined, Context =:= undefined,
               (Desc =:= undefined) or (Desc1 =:= undefined),
               (Timeout =:= undefined) or (Timeout1 =:= undefined) ->
            T1#test{desc = join(Desc, Desc1), timeout = join(Timeout, Timeout1)};
        #test{timeout = undefined}
          when T2 =:= none, Timeout =/= undefined, Context =:= undefined ->
            G#group{tests = {timeout, Timeout div 1000, T0},
                    timeout = undefined};
        #group{desc = Desc1, order = Order1, context = Context1,
               spawn = Spawn1, timeout = Timeout1}
          when T2 =:= none,
               (Desc =:= undefined) or (Desc1 =:= undefined),
               (Order =:= undefined) or (Order1 =:= undefined),
               (Context =:= undefined) or (Context1 =:= undefined),
               (Spawn =:= undefined) or (Spawn1 =:= undefined),
               (Timeout =:= undefined) or (Timeout1 =:= undefined) ->
            group(T1#group{desc = join(Desc, Desc1),
                           order = join(Order, Order1),
                           context = join(Context, Context1),
                           spawn = join(Spawn, Spawn1),
                           timeout = join(Timeout, Timeout1)});
        #group{order = Order1, timeout = Timeout1} when T2 =:= none ->
            push_order(Order, Order1, push_timeout(Timeout, Timeout1, G));
        _ ->
            G
    end.

lookahead(T, Options) ->
    case next(T, Options) of
        {T1, Ts} -> {T1, Ts};
        none -> {none, []}
    end.

join(undefined, X) -> X;
join(X, undefined) -> X.

push_timeout(Timeout, undefined, #group{context = undefined} = G)
  when Timeout =/= undefined ->
    G#group{tests = {timeout, Timeout div 1000, G#group.tests},
            timeout = undefined};
push_timeout(_, _, G) ->
    G.

push_order(inorder, undefined, G) ->
    G#group{tests = {inorder, G#group.tests}, order = undefined};
push_order({inparallel, N}, undefined, G) ->
    G#group{tests = {inparallel, N, G#group.tests}, order = undefined};
push_order(_, _, G) ->
    G.

%% The tests of a module: its `*_test/0' and `*_test_/0' functions in
%% export order, then the group of `M_tests' if that module exists.
get_module_tests(M, Options) ->
    Exports = try M:module_info(exports)
              catch error:undef -> throw({module_not_found, M})
              end,
    Tests = extract_module_tests(M, Exports, Options),
    case lists:member({eunit_wrapper_, 1}, Exports) of
        false -> Tests;
        true -> {generator, fun() -> M:eunit_wrapper_(Tests) end}
    end.

extract_module_tests(M, Exports, Options) ->
    Tests = lists:foldr(
              fun({F, 0}, Acc) ->
                      Name = atom_to_list(F),
                      case {lists:suffix("_test", Name),
                            lists:suffix("_test_", Name)} of
                          {true, _} -> [{test, M, F} | Acc];
                          {_, true} -> [{generator, M, F} | Acc];
                          _ -> Acc
                      end;
                 (_, Acc) ->
                      Acc
              end, [], Exports),
    Name = atom_to_list(M),
    case lists:suffix("_tests", Name)
        orelse proplists:get_bool(exact_execution, Options) of
        true ->
            Tests;
        false ->
            TestsName = Name ++ "_tests",
            TestsModule = list_to_atom(TestsName),
            try get_module_tests(TestsModule, Options) of
                More -> Tests ++ [{"module '" ++ TestsName ++ "'", More}]
            catch
                throw:{module_not_found, TestsModule} -> Tests
            end
    end.

%% A fun calling M:F(); when M or M:F/0 is missing, it throws why, for
%% run_testfun/1 to turn into a skipped test.
mf_wrapper(M, F) ->
    fun() ->
            try
                M:F()
            catch
                error:undef:Trace ->
                    case erlang:module_loaded(M) of
                        false ->
                            throw({eunit_internal, {module_not_found, M}});
                        true ->
                            case erlang:function_exported(M, F, 0) of
                                false ->
                                    throw({eunit_internal,
                                           {no_such_function, {M, F, 0}}});
                                true ->
                                    erlang:raise(error, undef, Trace)
                            end
                    end
            end
    end.

%% Setup and cleanup from a list of `{Tag, Setup[, Cleanup]}': the
%% setups run in order, and a failing one undoes those before it.
multi_setup(List) ->
    {SetupAll, CleanupAll} = multi_setup(List, fun ok/1),
    {fun() -> lists:reverse(SetupAll([])) end,
     fun(Rs) -> CleanupAll(lists:reverse(Rs)) end}.

multi_setup([{Tag, S, C} | Es], CleanupPrev) ->
    Cleanup = fun([R | Rs]) ->
                      try C(R) of
                          _ -> CleanupPrev(Rs)
                      catch
                          Class:Term:Trace -> throw({Tag, {Class, Term, Trace}})
                      end
              end,
    {SetupRest, CleanupAll} = multi_setup(Es, Cleanup),
    {fun(Rs) ->
             try S() of
                 R -> SetupRest([R | Rs])
             catch
                 Class:Term:Trace ->
                     CleanupPrev(Rs),
                     throw({Tag, {Class, Term, Trace}})
             end
     end,
     CleanupAll};
multi_setup([{Tag, S} | Es], CleanupPrev) ->
    multi_setup([{Tag, S, fun ok/1} | Es], CleanupPrev);
multi_setup([], CleanupAll) ->
    {fun(Rs) -> Rs end, CleanupAll}.

%%% ===================================================================
%%% Calling test code
%%% ===================================================================

%% `{ok, Value}' or `{error, {Class, Reason, Stack}}'; a wrapper's
%% `{eunit_internal, Why}' is thrown on as `Why'.
run_testfun(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        throw:{eunit_internal, Term} -> throw(Term);
        Class:Reason:Trace -> {error, {Class, Reason, Trace}}
    end.

%% Setup, instantiation, the tests (Callback) and cleanup; a failing
%% step throws `{context_error, Step, Exception}'. The cleanup runs
%% whenever the setup succeeded, even if the tests were aborted. (Only
%% the calls of S and I are guarded: what the tests throw passes by.)
enter_context(#context{setup = S, cleanup = C, process = P}, I, F) ->
    Callback = case P of
                   local -> F;
                   spawn -> fun(T) -> F({spawn, T}) end;
                   {spawn, N} -> fun(T) -> F({spawn, N, T}) end
               end,
    try S() of
        R ->
            try I(R) of
                T ->
                    case is_not_test(T) of
                        true ->
                            {current_stacktrace, Stack} =
                                erlang:process_info(self(), current_stacktrace),
                            context_error({bad_instantiator,
                                           {fun_mfa(I), T}},
                                          error, badarg, Stack);
                        false ->
                            ok
                    end,
                    try
                        Callback(T)
                    after
                        try C(R)
                        catch
                            Class:Term:Trace ->
                                context_error(cleanup_failed, Class, Term,
                                              Trace)
                        end
                    end
            catch
                Class:Term:Trace ->
                    context_error(instantiation_failed, Class, Term, Trace)
            end
    catch
        Class:Term:Trace ->
            context_error(setup_failed, Class, Term, Trace)
    end.

context_error(Type, Class, Term, Trace) ->
    throw({context_error, Type, {Class, Term, prune_trace(Trace)}}).

%% The frames of a context fun, without those of this module below it.
prune_trace(Trace) ->
    lists:takewhile(fun(Frame) -> element(1, Frame) =/= ?MODULE end, Trace).

%%% ===================================================================
%%% Tasks: insulator and child
%%% ===================================================================

start_task(Type, Fun, St0) ->
    St = St0#ps{parent = self()},
    F = fun() -> insulator_process(Fun, St) end,
    case Type of
        local ->
            spawn_link(F);
        {remote, Node} when Node =:= node() ->
            spawn_link(F);
        {remote, _Node} ->
            %% No distribution: as in OTP when the node cannot be
            %% reached, the link kills the calling process with
            %% `noconnection', which its insulator reports.
            exit(noconnection)
    end.

insulator_process(Fun, St0) ->
    process_flag(trap_exit, true),
    St = St0#ps{insulator = self()},
    Child = spawn_link(fun() -> child_process(Fun(St), St) end),
    insulator_wait(Child, St#ps.parent, [], St).

%% The insulator relays the child's events and keeps one output buffer
%% per open test or group (the innermost first).
insulator_wait(Child, Parent, Buf, St) ->
    receive
        {child, Child, Id, {'begin', Type, Data}} ->
            message_super(Id, {progress, 'begin', {Type, Data}}, St),
            insulator_wait(Child, Parent, [[] | Buf], St);
        {child, Child, Id, {'end', Status, Time}} ->
            Data = [{time, Time}, {output, lists:reverse(hd(Buf))}],
            message_super(Id, {progress, 'end', {Status, Data}}, St),
            insulator_wait(Child, Parent, tl(Buf), St);
        {child, Child, Id, {skipped, Reason}} ->
            %% A group whose context could not be entered.
            message_super(Id, {cancel, {abort, Reason}}, St),
            insulator_wait(Child, Parent, Buf, St);
        {child, Child, Id, {abort, Cause}} ->
            exit_messages(Id, {abort, Cause}, St),
            terminate_insulator(St);
        {io_request, Child, ReplyAs, Req} ->
            Buf1 = io_request(Child, ReplyAs, Req, hd(Buf)),
            insulator_wait(Child, Parent, [Buf1 | tl(Buf)], St);
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            %% Only the child's own output is kept (other processes
            %% write through each test's group leader).
            _ = io_request(From, ReplyAs, Req, []),
            insulator_wait(Child, Parent, Buf, St);
        {timeout, Child, Id} ->
            Reason = case erlang:process_info(Child, current_stacktrace) of
                         {current_stacktrace, Stack} ->
                             {timeout, #{stacktrace => Stack}};
                         _ ->
                             timeout
                     end,
            exit_messages(Id, Reason, St),
            kill_task(Child, St);
        {'EXIT', Child, normal} ->
            terminate_insulator(St);
        {'EXIT', Child, Reason} ->
            exit_messages(St#ps.id, {exit, Reason}, St),
            terminate_insulator(St);
        {'EXIT', Parent, _} ->
            kill_task(Child, St)
    end.

kill_task(Child, St) ->
    exit(Child, kill),
    terminate_insulator(St).

terminate_insulator(St) ->
    Parent = St#ps.parent,
    Parent ! {done, St#ps.ref, self()},
    unlink(Parent),
    exit(normal).

%% A cancel for the item that caused it, and a "blame" cancel for the
%% task's own group if that is another item.
exit_messages(Id, Cause, St) ->
    message_super(Id, {cancel, Cause}, St),
    case St#ps.id of
        Id -> ok;
        Id1 -> message_super(Id1, {cancel, {blame, Id}}, St)
    end.

message_super(Id, Info, St) ->
    St#ps.super ! {status, Id, Info}.

%% Child events go through the insulator, so that they stay in order
%% with timeouts and exits.
message_insulator(Data, St) ->
    St#ps.insulator ! {child, self(), St#ps.id, Data}.

child_process(Fun, St) ->
    group_leader(St#ps.insulator, self()),
    try Fun() of
        _ -> ok
    catch
        throw:{eunit_abort, Cause} ->
            message_insulator({abort, Cause}, St),
            exit(aborted)
    end.

abort_task(Cause) ->
    throw({eunit_abort, Cause}).

wait_for_task(Pid, St) ->
    wait_for_tasks([Pid], St).

wait_for_tasks([], _St) ->
    ok;
wait_for_tasks(Pids, #ps{ref = Ref} = St) ->
    receive
        {done, Ref, Pid} -> wait_for_tasks(lists:delete(Pid, Pids), St)
    end.

%%% ===================================================================
%%% Time limits
%%% ===================================================================

%% `{Value, Milliseconds}'; the insulator kills the child when the
%% limit passes.
with_timeout(undefined, Default, F, St) -> with_timeout(Default, F, St);
with_timeout(Time, _Default, F, St) -> with_timeout(Time, F, St).

with_timeout(infinity, F, _St) ->
    T0 = now_ms(),
    Value = F(),
    {Value, now_ms() - T0};
with_timeout(Time, F, St) when is_integer(Time), Time > ?MAX_TIMER ->
    with_timeout(?MAX_TIMER, F, St);
with_timeout(Time, F, St) when is_integer(Time), Time < 0 ->
    with_timeout(0, F, St);
with_timeout(Time, F, St) when is_integer(Time) ->
    Ref = erlang:send_after(Time, St#ps.insulator,
                            {timeout, self(), St#ps.id}),
    T0 = now_ms(),
    try F() of
        Value -> {Value, now_ms() - T0}
    after
        erlang:cancel_timer(Ref)
    end.

now_ms() ->
    erlang:monotonic_time(millisecond).

%%% ===================================================================
%%% Running items
%%% ===================================================================

tests(T, St) ->
    I = iter_init(T, St#ps.id, St#ps.options),
    case St#ps.order of
        inorder -> tests_inorder(I, 0, St);
        {inparallel, N} -> tests_inparallel(I, 0, St, N, N, [])
    end.

set_id(I, St) ->
    St#ps{id = iter_id(I)}.

%% A group's status is the number of its items.
tests_inorder(I, N, St) ->
    case get_next_item(I) of
        {T, I1} ->
            handle_item(T, set_id(I1, St)),
            tests_inorder(I1, N + 1, St);
        none ->
            N
    end.

%% At most K0 items at a time (all when K0 is 0), each as its own task.
tests_inparallel(I, N, St, K, K0, Children) when K =< 0, K0 > 0 ->
    wait_for_tasks(Children, St),
    tests_inparallel(I, N, St, K0, K0, []);
tests_inparallel(I, N, St, K, K0, Children) ->
    case get_next_item(I) of
        {T, I1} ->
            Child = start_task(local,
                               fun(St1) -> fun() -> handle_item(T, St1) end end,
                               set_id(I1, St)),
            tests_inparallel(I1, N + 1, St, K - 1, K0, [Child | Children]);
        none ->
            wait_for_tasks(Children, St),
            N
    end.

get_next_item(I) ->
    try iter_next(I)
    catch
        throw:Term -> abort_task(Term)
    end.

handle_item(#test{} = T, St) -> handle_test(T, St);
handle_item(#group{} = T, St) -> handle_group(T, St).

handle_test(T, St) ->
    Data = [{desc, T#test.desc}, {source, T#test.location},
            {line, T#test.line}],
    message_insulator({'begin', test, Data}, St),
    %% Each test runs under a fresh group leader, which also collects the
    %% output of the processes the test starts.
    G0 = group_leader(),
    G1 = spawn_link(?MODULE, group_leader_process, [self()]),
    group_leader(G1, self()),
    {Status, Time} = with_timeout(T#test.timeout, ?DEFAULT_TEST_TIMEOUT,
                                  fun() -> run_test(T) end, St),
    group_leader(G0, self()),
    %% Re-emitted to the insulator, so that it belongs to this test.
    Output = group_leader_sync(G1),
    io:put_chars(Output),
    message_insulator({'end', Status, Time}, St),
    ok.

run_test(#test{f = F}) ->
    try run_testfun(F) of
        {ok, _Value} -> ok;
        {error, Exception} -> {error, Exception}
    catch
        throw:WrapperError -> {skipped, WrapperError}
    end.

handle_group(#group{order = Order} = T, St0) ->
    St = case Order of
             undefined -> St0;
             _ -> St0#ps{order = Order}
         end,
    case T#group.spawn of
        undefined ->
            run_group(T, St);
        Type ->
            Child = start_task(Type,
                               fun(St1) -> fun() -> run_group(T, St1) end end,
                               St),
            wait_for_task(Child, St)
    end.

spawn_group(Type, T, St) ->
    start_task(Type, fun(St1) -> fun() -> run_group(T, St1) end end, St).

%% The setup and cleanup of a group are outside its time limit.
run_group(T, St) ->
    Timeout = T#group.timeout,
    Data = [{desc, T#group.desc}, {spawn, T#group.spawn},
            {order, T#group.order}],
    message_insulator({'begin', group, Data}, St),
    F = fun(G) ->
                with_timeout(Timeout, ?DEFAULT_GROUP_TIMEOUT,
                             fun() -> tests(G, St) end, St)
        end,
    try with_context(T, F) of
        {Status, Time} -> message_insulator({'end', Status, Time}, St)
    catch
        throw:{context_error, Why, Trace} ->
            message_insulator({skipped, {Why, Trace}}, St)
    end,
    ok.

with_context(#group{context = undefined, tests = T}, F) ->
    F(T);
with_context(#group{context = #context{} = C, tests = I}, F) ->
    enter_context(C, I, F).

%%% ===================================================================
%%% Group leaders of tests
%%% ===================================================================

%% @private Collects the output of a test until told to stop.
-spec group_leader_process(pid()) -> no_return().
group_leader_process(Runner) ->
    group_leader_loop(Runner, infinity, []).

group_leader_loop(Runner, Wait, Buf) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            group_leader_loop(Runner, Wait, io_request(From, ReplyAs, Req, Buf));
        stop ->
            %% A short pause lets output already on its way arrive.
            receive after 2 -> ok end,
            group_leader_loop(Runner, 0, Buf);
        {get_output, From} ->
            From ! {output, lists:flatten(lists:reverse(Buf))},
            group_leader_loop(Runner, Wait, Buf);
        _ ->
            group_leader_loop(Runner, Wait, Buf)
    after Wait ->
            Runner ! {self(), lists:reverse(Buf)},
            exit(normal)
    end.

group_leader_sync(G) ->
    G ! stop,
    receive
        {G, Buf} -> Buf
    end.

%% The I/O protocol, keeping what is written (newest first).
io_request(From, ReplyAs, Req, Buf) ->
    {Reply, Buf1} = io_request(Req, Buf),
    From ! {io_reply, ReplyAs, Reply},
    Buf1.

io_request({put_chars, Chars}, Buf) ->
    {ok, [Chars | Buf]};
io_request({put_chars, M, F, As}, Buf) ->
    try apply(M, F, As) of
        Chars -> {ok, [Chars | Buf]}
    catch
        C:T:S -> {{error, {C, T, S}}, Buf}
    end;
io_request({put_chars, _Enc, Chars}, Buf) ->
    io_request({put_chars, Chars}, Buf);
io_request({put_chars, _Enc, M, F, As}, Buf) ->
    io_request({put_chars, M, F, As}, Buf);
io_request({get_chars, _Enc, _Prompt, _N}, Buf) -> {eof, Buf};
io_request({get_chars, _Prompt, _N}, Buf) -> {eof, Buf};
io_request({get_line, _Prompt}, Buf) -> {eof, Buf};
io_request({get_line, _Enc, _Prompt}, Buf) -> {eof, Buf};
io_request({get_until, _Prompt, _M, _F, _As}, Buf) -> {eof, Buf};
io_request({get_until, _Enc, _Prompt, _M, _F, _As}, Buf) -> {eof, Buf};
io_request({setopts, _Opts}, Buf) -> {ok, Buf};
io_request(getopts, Buf) -> {{error, enotsup}, Buf};
io_request({get_geometry, columns}, Buf) -> {{error, enotsup}, Buf};
io_request({get_geometry, rows}, Buf) -> {{error, enotsup}, Buf};
io_request({requests, Reqs}, Buf) -> io_requests(Reqs, {ok, Buf});
io_request(_, Buf) -> {{error, request}, Buf}.

io_requests([R | Rs], {ok, Buf}) -> io_requests(Rs, io_request(R, Buf));
io_requests(_, Result) -> Result.
