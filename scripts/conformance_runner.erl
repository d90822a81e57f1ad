%% @doc The conformance suite's test runner. It runs on ferl and on OTP 25
%% alike (`scripts/conformance.sh` and `scripts/conformance.sh --ref`).
%%
%% For each module named on the command line, every exported `*_test/0`
%% function is one test, and every leaf of a `*_test_/0` generator's test
%% set is one test. Each test runs in its own process with a time limit;
%% one line is printed per test:
%%
%% ```
%% ok Module:Function
%% FAIL Module:Function Class:Reason
%% '''
%%
%% The caller (conformance.sh) counts the lines; nothing else is printed on
%% lines starting with `ok ' or `FAIL '.
-module(conformance_runner).

%% Entry points
-export([main/1, run/1]).

-define(TIMEOUT, 20000).

%% @doc escript-style entry: `main(["mod_a", "mod_b"])'.
-spec main(Modules) -> ok when Modules :: [string()].
main(Modules) ->
    run([list_to_atom(M) || M <- Modules]).

%% @doc Runs the tests of each module in turn.
-spec run(Modules) -> ok when Modules :: [module()].
run(Modules) ->
    lists:foreach(fun run_module/1, Modules).

run_module(M) ->
    case code:ensure_loaded(M) of
        {module, M} ->
            Exports = M:module_info(exports),
            Simple = [F || {F, 0} <- Exports, lists:suffix("_test", atom_to_list(F))],
            Gens = [F || {F, 0} <- Exports, lists:suffix("_test_", atom_to_list(F))],
            lists:foreach(fun(F) -> report(M, atom_to_list(F), run_isolated(fun() -> M:F() end)) end,
                          lists:sort(Simple)),
            lists:foreach(fun(F) -> run_generator(M, F) end, lists:sort(Gens));
        Error ->
            io:format("FAIL ~s:load ~p~n", [M, Error])
    end.

run_generator(M, F) ->
    Name = atom_to_list(F),
    case run_isolated(fun() -> {tests, M:F()} end) of
        {value, {tests, Set}} ->
            Leaves = leaves(Set),
            lists:foldl(fun(T, N) ->
                                report(M, Name ++ "#" ++ integer_to_list(N), run_isolated(T)),
                                N + 1
                        end, 1, Leaves);
        Other ->
            report(M, Name, Other)
    end.

%% The runnable leaves of an eunit test set (the forms the suite uses).
leaves(T) when is_function(T, 0) -> [T];
leaves(L) when is_list(L) -> lists:append([leaves(X) || X <- L]);
leaves({Line, T}) when is_integer(Line) -> leaves(T);
leaves({Desc, T}) when is_list(Desc); is_binary(Desc) -> leaves(T);
leaves({setup, S, I}) -> leaves({setup, S, fun(_) -> ok end, I});
leaves({setup, S, C, I}) ->
    [fun() -> R = S(), try run_all(leaves(I(R))) after C(R) end end];
leaves({foreach, S, Is}) -> leaves({foreach, S, fun(_) -> ok end, Is});
leaves({foreach, S, C, Is}) ->
    [fun() -> R = S(), try run_all(leaves(I(R))) after C(R) end end || I <- Is];
leaves({timeout, _, T}) -> leaves(T);
leaves({inorder, T}) -> leaves(T);
leaves({inparallel, T}) -> leaves(T);
leaves({generator, G}) -> leaves(G());
leaves({M, F}) when is_atom(M), is_atom(F) -> [fun() -> M:F() end].

run_all(Tests) -> lists:foreach(fun(T) -> T() end, Tests).

run_isolated(Fun) ->
    Parent = self(),
    Pid = spawn(fun() ->
                        Result = try {value, Fun()}
                                 catch Class:Reason:Stack -> {failed, Class, Reason, Stack}
                                 end,
                        Parent ! {self(), Result}
                end),
    receive
        {Pid, Result} -> Result
    after ?TIMEOUT ->
            {failed, exit, timeout, []}
    end.

report(M, Name, {value, _}) ->
    io:format("ok ~s:~s~n", [M, Name]);
report(M, Name, {failed, Class, Reason, Stack}) ->
    io:format("FAIL ~s:~s ~s~n", [M, Name, one_line(Class, Reason, Stack)]).

%% The failure on one line; for `undef' with the missing function.
one_line(error, undef, [{Mod, Fun, Args, _} | _]) when is_list(Args) ->
    lists:flatten(io_lib:format("error:undef ~w:~w/~w", [Mod, Fun, length(Args)]));
one_line(Class, Reason, _Stack) ->
    Text = lists:flatten(io_lib:format("~w:~P", [Class, Reason, 20])),
    [C || C <- Text, C =/= $\n].
