%% @doc Drives the eunit validation: runs the same test sets with OTP's
%% `eunit' or with `ferl_eunit' (a renamed copy of ferl's eunit.erl),
%% printing each report and result, so that eunit_check.sh can compare
%% the two outputs.
-module(eunit_driver).

%% Entry point.
-export([run/1]).

%% @doc Runs every case with the runner module `Runner'.
-spec run(Runner) -> ok when Runner :: eunit | ferl_eunit.
run(Runner) ->
    [run_case(Runner, N, Tests, Opts)
     || {N, {Tests, Opts}} <- lists:enumerate(cases())],
    io:format("### terms~n~p~n", [eu_terms:terms()]),
    io:format("### debug~n"),
    io:format("~p~n", [eu_terms:debug()]),
    ok.

run_case(Runner, N, Tests, Opts) ->
    io:format("### case ~w~n", [N]),
    Result = Runner:test(Tests, Opts),
    io:format("-> ~p~n", [Result]).

cases() ->
    Modules = [eu_fail_tests, eu_pass_tests, eu_app, eu_ctx, eu_none,
               eu_setup_fail_tests, eu_cleanup_fail_tests,
               eu_inst_fail_tests, eu_genfail_tests,
               eu_nested_genfail_tests, eu_names_tests, eu_skip_tests,
               eu_single_tests, eu_output_tests],
    [{M, Opts} || M <- Modules, Opts <- [[], [verbose]]] ++
        [{eu_no_such_module, []},
         {eu_no_such_module, [verbose]},
         {[], []},
         {{module, eu_pass_tests}, []},
         {[eu_pass_tests, eu_app], [verbose]},
         {fun() -> ok end, []},
         {fun() -> ok end, [verbose]},
         {[fun() -> ok end, fun() -> ok end], []},
         {[fun() -> ok end, fun() -> ok end, fun() -> ok end], []},
         {{"x", fun() -> error(y) end}, []},
         {{foo, bar, baz}, []},
         {{generator, fun() -> [fun() -> ok end] end}, [verbose]},
         {[{"outer", [fun() -> ok end, {generator, fun() -> error(g) end}]},
           fun() -> ok end], []},
         {{setup, fun() -> error(x) end, [fun() -> ok end]}, []},
         {{setup, fun() -> ok end, fun(_) -> ok end,
           fun(_) -> error(inst) end}, []},
         {{"d", {setup, fun() -> ok end, fun(_) -> error(cl) end,
                 [fun() -> ok end, fun() -> ok end]}}, [verbose]},
         {{eu_pass_tests, a_test}, []},
         {[eu_single_tests, eu_none], [verbose]}].
