-module(logger_tests).
-include_lib("eunit/include/eunit.hrl").
-include_lib("kernel/include/logger.hrl").
-behaviour(gen_server).

%% Conformance: OTP 25's logger (levels, messages, metadata, the macros
%% of kernel/include/logger.hrl, handlers and filters, configuration
%% errors, logger_formatter and logger_filters), and the reports of the
%% behaviours as log events. Events are captured by this module's log/2, a
%% handler each test adds, never read from standard output.

-export([init/1, handle_call/3, handle_cast/2]).
-export([log/2, start_worker/0, worker/0]).

%% init/1 serves both the gen_server of these tests and their supervisor.
init({one, Intensity}) ->
    {ok, {#{intensity => Intensity, period => 5},
          [#{id => w1, start => {?MODULE, start_worker, []}}]}};
init(S) -> {ok, S}.

start_worker() -> {ok, proc_lib:spawn_link(?MODULE, worker, [])}.
worker() -> receive _ -> worker() end.

%% ---- the capturing handler -------------------------------------------------

%% log/2 of a handler that sends each event and its formatted text to the
%% test process; with `config => crash' it crashes instead.
log(_Event, #{config := crash}) ->
    error(handler_bug);
log(Event, #{config := #{to := Pid}, formatter := {FM, FC}}) ->
    Pid ! {captured, Event, lists:flatten(FM:format(Event, FC))},
    ok.

cap_start(Extra) ->
    Id = list_to_atom("la_cap_" ++ integer_to_list(erlang:unique_integer([positive]))),
    Config = maps:merge(#{config => #{to => self()},
                          formatter => {logger_formatter, #{legacy_header => true,
                                                            single_line => false}}},
                        Extra),
    ok = logger:add_handler(Id, ?MODULE, Config),
    Id.
cap_start() -> cap_start(#{}).

cap_stop(Id) -> logger:remove_handler(Id).

cap_next() -> cap_next(2000).
cap_next(Timeout) ->
    receive {captured, E, T} -> {E, T}
    after Timeout -> none
    end.

cap_all() ->
    receive {captured, E, T} -> [{E, T} | cap_all()]
    after 100 -> []
    end.
handle_call(crash, _From, S) -> error({bad, S}).
handle_cast(_, S) -> {noreply, S}.

with_capture(Fun) -> with_capture(#{}, Fun).
with_capture(Extra, Fun) ->
    Id = cap_start(Extra),
    try Fun(Id) after cap_stop(Id) end.

msg_of({#{msg := M}, _}) -> M.
text_of({_, T}) -> T.

%% The text after the `=... REPORT==== date ===' line.
body(Text) ->
    [_Header | Rest] = string:split(Text, "\n"),
    lists:flatten(Rest).

header(Text) ->
    hd(string:split(Text, "\n")).

%% ---- levels and messages ---------------------------------------------------

format_message_test() ->
    with_capture(fun(_) ->
        ok = logger:error("x ~p", [1]),
        {#{level := error, msg := {"x ~p", [1]}, meta := Meta}, Text} = cap_next(),
        ?assert(is_pid(maps:get(pid, Meta))),
        ?assertEqual(self(), maps:get(pid, Meta)),
        ?assert(is_integer(maps:get(time, Meta))),
        ?assert(maps:is_key(gl, Meta)),
        ?assertEqual("x 1\n", body(Text)),
        ?assertMatch("=ERROR REPORT==== " ++ _, header(Text))
    end).

string_and_report_classification_test() ->
    with_capture(fun(_) ->
        logger:error("plain"),
        logger:error(<<"bin">>),
        logger:error([{k, v}, {k2, "s"}]),
        logger:error(#{a => 1}),
        logger:error(["not", kv]),
        logger:error([]),
        ?assertEqual({string, "plain"}, msg_of(cap_next())),
        ?assertEqual({string, <<"bin">>}, msg_of(cap_next())),
        ?assertEqual({report, [{k, v}, {k2, "s"}]}, msg_of(cap_next())),
        ?assertEqual({report, #{a => 1}}, msg_of(cap_next())),
        ?assertEqual({string, ["not", kv]}, msg_of(cap_next())),
        ?assertEqual({string, []}, msg_of(cap_next()))
    end).

not_a_message_is_function_clause_test() ->
    ?assertError(function_clause, logger:error(foo)).

bad_level_is_function_clause_test() ->
    ?assertError(function_clause, logger:log(bad, "x")),
    ?assertError(function_clause, logger:allow(bad, ?MODULE)).

level_functions_test() ->
    with_capture(fun(_) ->
        logger:emergency("a"), logger:alert("b"), logger:critical("c"),
        logger:error("d"), logger:warning("e"), logger:notice("f"),
        Levels = [L || {#{level := L}, _} <- cap_all()],
        ?assertEqual([emergency, alert, critical, error, warning, notice], Levels)
    end).

headers_per_level_test() ->
    with_capture(fun(_) ->
        logger:emergency("a"), logger:alert("b"), logger:critical("c"),
        logger:error("d"), logger:warning("e"), logger:notice("f"),
        Heads = [hd(string:split(header(T), " ")) || {_, T} <- cap_all()],
        ?assertEqual(["=EMERGENCY", "=ALERT", "=CRITICAL", "=ERROR", "=WARNING", "=NOTICE"],
                     Heads)
    end).

primary_level_filters_info_test() ->
    with_capture(fun(_) ->
        ?assertEqual(notice, maps:get(level, logger:get_primary_config())),
        logger:info("dropped"),
        logger:debug("dropped"),
        ?assertEqual(none, cap_next(200)),
        ok = logger:set_primary_config(level, info),
        try
            logger:info("kept"),
            ?assertEqual({string, "kept"}, msg_of(cap_next()))
        after
            logger:set_primary_config(level, notice)
        end
    end).

metadata_argument_test() ->
    with_capture(fun(_) ->
        logger:error("with meta", #{my_key => 42}),
        logger:warning("fmt ~p", [x], #{other => y}),
        {#{meta := M1}, _} = cap_next(),
        ?assertEqual(42, maps:get(my_key, M1)),
        {#{meta := M2, msg := Msg2}, T2} = cap_next(),
        ?assertEqual(y, maps:get(other, M2)),
        ?assertEqual({"fmt ~p", [x]}, Msg2),
        ?assertEqual("fmt x\n", body(T2))
    end).

lazy_fun_test() ->
    with_capture(fun(_) ->
        Self = self(),
        logger:info(fun(_) -> Self ! evaluated, {"never", []} end, x),
        ?assertEqual(none, receive evaluated -> evaluated after 100 -> none end),
        logger:error(fun(A) -> {"fun ~p", [A]} end, 42),
        ?assertEqual("fun 42\n", body(text_of(cap_next()))),
        logger:log(error, fun(A) -> #{a => A} end, 7),
        ?assertEqual({report, #{a => 7}}, msg_of(cap_next()))
    end).

lazy_fun_bad_return_test() ->
    with_capture(fun(_) ->
        F = fun(_) -> bad end,
        logger:log(error, F, 42, #{}),
        Body = body(text_of(cap_next())),
        ?assertMatch("LAZY_FUN ERROR: " ++ _, Body),
        ?assertNotEqual(nomatch, string:find(Body, "; Returned: bad"))
    end).

format_error_test() ->
    with_capture(fun(_) ->
        logger:error("bad ~p", []),
        ?assertEqual("FORMAT ERROR: \"bad ~p\" - []\n", body(text_of(cap_next())))
    end).

ordering_from_one_process_test() ->
    with_capture(fun(_) ->
        [logger:error("n ~p", [N]) || N <- lists:seq(1, 50)],
        Ns = [A || {#{msg := {"n ~p", [A]}}, _} <- cap_all()],
        ?assertEqual(lists:seq(1, 50), Ns)
    end).

%% ---- macros ----------------------------------------------------------------

macro_location_test() ->
    with_capture(fun(_) ->
        Line = ?LINE, ?LOG_ERROR("hello ~p", [x]),
        {#{level := error, msg := {"hello ~p", [x]}, meta := Meta}, _} = cap_next(),
        ?assertEqual({?MODULE, macro_location_test, 0}, maps:get(mfa, Meta)),
        ?assertEqual(Line, maps:get(line, Meta)),
        ?assertEqual(?FILE, maps:get(file, Meta))
    end).

macro_forms_test() ->
    with_capture(fun(_) ->
        ?LOG_WARNING("one"),
        ?LOG_NOTICE(#{a => 1}, #{meta1 => v}),
        ?LOG(critical, "lvl ~p", [c]),
        ?LOG_EMERGENCY("e ~p", [1], #{m => 2}),
        {#{level := warning, msg := {string, "one"}}, _} = cap_next(),
        {#{level := notice, msg := {report, #{a := 1}}, meta := #{meta1 := v}}, T} = cap_next(),
        ?assertEqual("    a: 1\n", body(T)),
        {#{level := critical, msg := {"lvl ~p", [c]}}, _} = cap_next(),
        {#{level := emergency, meta := #{m := 2}}, _} = cap_next()
    end).

macro_args_not_evaluated_when_off_test() ->
    with_capture(fun(_) ->
        Self = self(),
        ?LOG_DEBUG("x ~p", [begin Self ! built, 1 end]),
        ?assertEqual(none, receive built -> built after 50 -> none end)
    end).

module_level_test() ->
    with_capture(fun(_) ->
        ok = logger:set_module_level(?MODULE, debug),
        try
            ?assertEqual([{?MODULE, debug}], logger:get_module_level(?MODULE)),
            ?assert(logger:allow(debug, ?MODULE)),
            logger:debug("direct"),
            ?LOG_DEBUG("macro"),
            ?assertEqual([{string, "macro"}], [M || {#{msg := M}, _} <- cap_all()])
        after
            logger:unset_module_level(?MODULE)
        end,
        ?assertEqual([], logger:get_module_level(?MODULE)),
        ?assertNot(logger:allow(debug, ?MODULE)),
        ?assert(logger:allow(error, ?MODULE))
    end).

module_level_errors_test() ->
    ?assertEqual({error, {invalid_level, bad}}, logger:set_module_level(?MODULE, bad)),
    ?assertEqual({error, {not_a_list_of_modules, "m"}}, logger:set_module_level("m", info)).

process_metadata_test() ->
    with_capture(fun(_) ->
        ?assertEqual(undefined, logger:get_process_metadata()),
        ok = logger:set_process_metadata(#{pm => 1}),
        ok = logger:update_process_metadata(#{pm2 => 2}),
        ?assertEqual(#{pm => 1, pm2 => 2}, logger:get_process_metadata()),
        logger:error("m", #{pm => 0}),
        {#{meta := Meta}, _} = cap_next(),
        ?assertEqual({0, 2}, {maps:get(pm, Meta), maps:get(pm2, Meta)}),
        logger:unset_process_metadata(),
        ?assertEqual(undefined, logger:get_process_metadata())
    end).

primary_metadata_test() ->
    with_capture(fun(_) ->
        ok = logger:update_primary_config(#{metadata => #{prim => yes}}),
        try
            logger:error("p"),
            {#{meta := Meta}, _} = cap_next(),
            ?assertEqual(yes, maps:get(prim, Meta))
        after
            logger:update_primary_config(#{metadata => #{}})
        end
    end).

%% ---- configuration ---------------------------------------------------------

primary_config_test() ->
    ?assertEqual(#{filter_default => log, filters => [], level => notice, metadata => #{}},
                 logger:get_primary_config()).

primary_config_errors_test() ->
    ?assertEqual({error, {invalid_level, bad}}, logger:set_primary_config(level, bad)),
    ?assertEqual({error, {invalid_primary_config, {bad, 1}}}, logger:set_primary_config(bad, 1)),
    ?assertEqual({error, {invalid_filter_default, x}}, logger:set_primary_config(filter_default, x)),
    ?assertEqual({error, {invalid_filter, x}}, logger:set_primary_config(filters, [x])),
    ?assertEqual({error, {invalid_primary_config, {metadata, [x]}}},
                 logger:set_primary_config(metadata, [x])).

set_primary_config_map_test() ->
    ok = logger:set_primary_config(#{level => info}),
    try
        ?assertEqual(#{filter_default => log, filters => [], level => info, metadata => #{}},
                     logger:get_primary_config())
    after
        logger:set_primary_config(#{level => notice})
    end.

default_handler_config_test() ->
    {ok, C} = logger:get_handler_config(default),
    ?assertEqual(logger_std_h, maps:get(module, C)),
    ?assertEqual(all, maps:get(level, C)),
    ?assertEqual(stop, maps:get(filter_default, C)),
    ?assertEqual([remote_gl, domain, no_domain], [Id || {Id, _} <- maps:get(filters, C)]),
    ?assertEqual({logger_formatter, #{legacy_header => true, single_line => false}},
                 maps:get(formatter, C)),
    ?assertEqual(standard_io, maps:get(type, maps:get(config, C))),
    ?assert(lists:member(default, logger:get_handler_ids())).

get_config_test() ->
    C = logger:get_config(),
    ?assertEqual([handlers, module_levels, primary, proxy], lists:sort(maps:keys(C))),
    ?assertEqual(logger:get_primary_config(), maps:get(primary, C)).

add_handler_test() ->
    Id = cap_start(),
    try
        {ok, C} = logger:get_handler_config(Id),
        ?assertEqual(#{id => Id, module => ?MODULE, level => all, filter_default => log,
                       filters => [], config => #{to => self()},
                       formatter => {logger_formatter, #{legacy_header => true,
                                                         single_line => false}}}, C),
        ?assertEqual({error, {already_exist, Id}}, logger:add_handler(Id, ?MODULE, #{}))
    after
        cap_stop(Id)
    end,
    ?assertEqual({error, {not_found, Id}}, logger:get_handler_config(Id)),
    ?assertEqual({error, {not_found, Id}}, logger:remove_handler(Id)).

add_handler_errors_test() ->
    ?assertEqual({error, {invalid_handler, {function_not_exported, {no_such_mod_la, log, 2}}}},
                 logger:add_handler(la_h2, no_such_mod_la, #{})),
    ?assertEqual({error, {invalid_id, "h3"}}, logger:add_handler("h3", ?MODULE, #{})),
    ?assertEqual({error, {invalid_config, []}}, logger:add_handler(la_h3, ?MODULE, [])),
    ?assertEqual({error, {invalid_level, bad}}, logger:add_handler(la_h3, ?MODULE, #{level => bad})).

handler_config_changes_test() ->
    with_capture(fun(Id) ->
        ?assertEqual({error, {invalid_level, bad}}, logger:set_handler_config(Id, level, bad)),
        ?assertEqual({error, {illegal_config_change, #{id => Id}, #{id => other}}},
                     logger:set_handler_config(Id, id, other)),
        ?assertEqual({error, {illegal_config_change, #{module => ?MODULE}, #{module => x}}},
                     logger:set_handler_config(Id, module, x)),
        ?assertEqual({error, {not_found, nope_la}}, logger:set_handler_config(nope_la, level, info)),
        ok = logger:set_handler_config(Id, level, warning),
        logger:notice("n1"), logger:warning("w1"),
        ?assertEqual([{string, "w1"}], [M || {#{msg := M}, _} <- cap_all()]),
        ok = logger:update_formatter_config(Id, #{single_line => true}),
        ok = logger:update_formatter_config(Id, template, [level, ": ", msg]),
        {ok, #{formatter := F}} = logger:get_handler_config(Id),
        ?assertEqual({logger_formatter, #{legacy_header => true, single_line => true,
                                          template => [level, ": ", msg]}}, F),
        logger:error("a~nb", []),
        ?assertEqual("error: a, b", text_of(cap_next())),
        ok = logger:set_handler_config(Id, #{config => #{to => self()}}),
        {ok, C2} = logger:get_handler_config(Id),
        ?assertEqual({all, {logger_formatter, #{}}}, {maps:get(level, C2), maps:get(formatter, C2)})
    end).

handler_filters_test() ->
    with_capture(fun(Id) ->
        F = {fun logger_filters:domain/2, {stop, sub, [a]}},
        ok = logger:add_handler_filter(Id, f1, F),
        ?assertEqual({error, {already_exist, f1}}, logger:add_handler_filter(Id, f1, F)),
        ?assertEqual({error, {invalid_filter, {f2, bad}}}, logger:add_handler_filter(Id, f2, bad)),
        logger:warning("in a", #{domain => [a, b]}),
        logger:warning("in c", #{domain => [c]}),
        ?assertEqual([{string, "in c"}], [M || {#{msg := M}, _} <- cap_all()]),
        ok = logger:remove_handler_filter(Id, f1),
        ?assertEqual({error, {not_found, f1}}, logger:remove_handler_filter(Id, f1))
    end).

primary_filter_test() ->
    with_capture(fun(_) ->
        ok = logger:add_primary_filter(la_pf, {fun(#{msg := {string, "drop"}}, _) -> stop;
                                                  (E, _) -> E#{meta => (maps:get(meta, E))#{seen => 1}}
                                               end, x}),
        try
            ?assertEqual({error, {already_exist, la_pf}},
                         logger:add_primary_filter(la_pf, {fun(E, _) -> E end, x})),
            logger:error("drop"), logger:error("keep"),
            [{#{msg := {string, "keep"}, meta := #{seen := 1}}, _}] = cap_all()
        after
            logger:remove_primary_filter(la_pf)
        end,
        ?assertEqual({error, {not_found, la_pf}}, logger:remove_primary_filter(la_pf))
    end).

failing_filter_removed_test() ->
    with_capture(fun(_) ->
        ok = logger:add_primary_filter(la_bad, {fun(_, _) -> error(oops) end, x}),
        logger:warning("after bad filter"),
        ?assertEqual({string, "after bad filter"}, msg_of(cap_next())),
        ?assertEqual([], [I || {I, _} <- maps:get(filters, logger:get_primary_config()),
                               I =:= la_bad])
    end).

failing_handler_removed_test() ->
    with_capture(fun(_) ->
        ok = logger:add_handler(la_crashing, ?MODULE, #{config => crash}),
        logger:error("boom"),
        ?assertEqual({string, "boom"}, msg_of(cap_next())),
        ?assertEqual({error, {not_found, la_crashing}}, logger:get_handler_config(la_crashing))
    end).

%% ---- logger_formatter ------------------------------------------------------

ev(Level, Msg) ->
    #{level => Level, msg => Msg,
      meta => #{time => 1796410010182769, pid => self(), mfa => {m, f, 1}, line => 3,
                file => "m.erl", gl => self()}}.

fmt(E, C) -> lists:flatten(logger_formatter:format(E, C)).

formatter_default_template_test() ->
    E = ev(error, {"hello ~p~nworld", [[1, 2, 3]]}),
    ?assertEqual("2026-12-04T18:46:50.182769+00:00 error: hello [1,2,3], world\n",
                 fmt(E, #{time_offset => "+00:00"})),
    ?assertEqual("2026-12-04T18:46:50.182769+00:00 error:\nhello [1,2,3]\nworld\n",
                 fmt(E, #{single_line => false, time_offset => "+00:00"})),
    ?assertEqual("=ERROR REPORT==== 4-Dec-2026::18:46:50.182769 UTC ===\nhello [1,2,3], world\n",
                 fmt(E, #{legacy_header => true, time_offset => "+00:00"})),
    ?assertEqual("=ERROR REPORT==== 4-Dec-2026::18:46:50.182769 ===\nhello [1,2,3]\nworld\n",
                 fmt(E, #{legacy_header => true, single_line => false, time_offset => "+02:00"})).

formatter_reports_test() ->
    E = ev(warning, {report, #{a => 1, bb => "str", c => lists:seq(1, 30)}}),
    ?assertEqual("2026-12-04T18:46:50.182769Z warning: a: 1, bb: str, c: "
                 "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]\n",
                 fmt(E, #{time_offset => "Z"})),
    ?assertEqual("=WARNING REPORT==== 4-Dec-2026::18:46:50.182769 UTC ===\n    a: 1\n    bb: str\n"
                 "    c: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n"
                 "        27,28,29,30]\n",
                 fmt(E, #{legacy_header => true, single_line => false, time_offset => "Z"})),
    ?assertEqual("    label: {a,b}\n    report: [{k,v}]\n",
                 body(fmt(ev(error, {report, #{label => {a, b}, report => [{k, v}]}}),
                          #{legacy_header => true, single_line => false}))),
    ?assertEqual("[]\n", body(fmt(ev(error, {report, #{}}),
                                  #{legacy_header => true, single_line => false}))).

formatter_report_cb_test() ->
    E1 = (ev(notice, {report, [{x, 1}]})),
    E = E1#{meta => (maps:get(meta, E1))#{report_cb => fun(R) -> {"cb ~p", [R]} end}},
    ?assertEqual("cb [{x,1}]", fmt(E, #{template => [msg]})),
    E2 = E1#{meta => (maps:get(meta, E1))#{report_cb => fun(R, Opts) ->
                                                             io_lib:format("cb2 ~p ~p", [R, Opts])
                                                     end}},
    ?assertEqual("cb2 [{x,1}] #{chars_limit => unlimited,depth => unlimited,\n"
                 "              single_line => false}",
                 fmt(E2, #{template => [msg], single_line => false})),
    ?assertEqual("cfg", fmt(E1, #{template => [msg], report_cb => fun(_) -> {"cfg", []} end})).

formatter_template_test() ->
    E = ev(info, {string, "a\nb"}),
    ?assertEqual("2026-12-04T18:46:50.182769+00:00 info <PID> m:f/1:3 m.erl a, b\n",
                 re_pid(fmt(E, #{template => [time, " ", level, " ", pid, " ", mfa, ":", line,
                                              " ", file, " ", msg, "\n"],
                                 time_offset => 0}))),
    ?assertEqual("m:f/1 no foo  P=<PID>a, b",
                 re_pid(fmt(E, #{template => [{mfa, [mfa], ["nomfa"]}, " ",
                                              {foo, ["has foo"], ["no foo"]}, " ",
                                              {pid, [" P=", pid], []}, msg]}))),
    ?assertEqual("|a, b", fmt(E, #{template => [[logger_formatter, header], "|", msg]})),
    ?assertEqual("hello F", fmt(ev(error, {string, "hello"}),
                                #{template => [{level, [level], []}, msg, " ",
                                               {file, ["F"], ["noF"]}]})),
    Meta = maps:get(meta, E),
    E3 = E#{meta => Meta#{foo => {a, "b"}, bar => "str", baz => <<"bin">>, q => 'a b',
                          n => #{x => 1}}},
    ?assertEqual("{a,\"b\"} str <<\"bin\">> a b  1 ",
                 fmt(E3, #{template => [foo, " ", bar, " ", baz, " ", q, " ", [foo, bar], " ",
                                        [n, x], " ", [n, y]]})).

re_pid(S) ->
    lists:flatten(string:replace(S, pid_to_list(self()), "<PID>", all)).

formatter_time_test() ->
    E = ev(error, {string, "t"}),
    ?assertEqual("2026-12-04T18:46:50.182769Z", fmt(E, #{template => [time], time_offset => "Z"})),
    ?assertEqual("2026-12-04 20:46:50.182769+02:00",
                 fmt(E, #{template => [time], time_offset => "+02:00", time_designator => $\s})),
    ?assertEqual("2026-12-04T19:46:50.182769+01:00",
                 fmt(E, #{template => [time], time_offset => 3600000000})),
    ?assertEqual("2026-12-04T17:16:50.182769-01:30",
                 fmt(E, #{template => [time], time_offset => "-01:30"})).

formatter_title_test() ->
    E0 = ev(error, {"t", []}),
    E = E0#{meta => (maps:get(meta, E0))#{logger_formatter => #{title => "MY TITLE"}}},
    ?assertEqual("=MY TITLE==== 4-Dec-2026::18:46:50.182769 UTC ===\nt\n",
                 fmt(E, #{legacy_header => true, time_offset => "Z"})).

formatter_check_config_test() ->
    ?assertEqual(ok, logger_formatter:check_config(#{depth => 2, chars_limit => unlimited,
                                                     max_size => 3, template => [msg]})),
    ?assertEqual({error, {invalid_formatter_config, logger_formatter, {bad_key, 1}}},
                 logger_formatter:check_config(#{bad_key => 1})),
    ?assertEqual({error, {invalid_formatter_config, logger_formatter, {single_line, 1}}},
                 logger_formatter:check_config(#{single_line => 1})),
    ?assertEqual({error, {invalid_formatter_template, logger_formatter, [foo, 1]}},
                 logger_formatter:check_config(#{template => [foo, 1]})).

format_report_test() ->
    ?assertEqual({"    ~tp: ~tp\n    ~tp: ~ts", [a, 1, b, "s"]}, logger:format_report(#{a => 1, b => "s"})),
    ?assertEqual({"~tp", [[]]}, logger:format_report(#{})),
    ?assertEqual({"~tp", [x]}, logger:format_report(x)),
    ?assertEqual({"    ~tp", [x]}, logger:format_report([x])),
    ?assertEqual({"    ~tp: ~tp\n    ~tp: ~ts\n    ~tp: ~tp", [a, <<"bin">>, "k", "v", b, []]},
                 logger:format_report([{a, <<"bin">>}, {"k", "v"}, {b, []}])),
    ?assertEqual({"    ~tp: ~tp", [a, 1]}, logger:format_otp_report(#{label => x, report => [{a, 1}]})).

compare_levels_test() ->
    ?assertEqual(lt, logger:compare_levels(all, debug)),
    ?assertEqual(gt, logger:compare_levels(none, emergency)),
    ?assertEqual(gt, logger:compare_levels(error, warning)),
    ?assertEqual(eq, logger:compare_levels(info, info)),
    ?assertError(badarg, logger:compare_levels(x, debug)).

%% ---- logger_filters --------------------------------------------------------

filters_domain_test() ->
    E = fun(D) -> #{level => error, msg => {string, "x"}, meta => #{domain => D}} end,
    NoDomain = #{level => error, msg => {string, "x"}, meta => #{}},
    ?assertEqual(E([otp]), logger_filters:domain(E([otp]), {log, super, [otp, sasl]})),
    ?assertEqual(E([otp, sasl]), logger_filters:domain(E([otp, sasl]), {log, super, [otp, sasl]})),
    ?assertEqual(ignore, logger_filters:domain(E([otp, sasl, x]), {log, super, [otp, sasl]})),
    ?assertEqual(stop, logger_filters:domain(E([a, b]), {stop, sub, [a]})),
    ?assertEqual(ignore, logger_filters:domain(E([b]), {stop, sub, [a]})),
    ?assertEqual(stop, logger_filters:domain(E([a]), {stop, equal, [a]})),
    ?assertEqual(stop, logger_filters:domain(E([b]), {stop, not_equal, [a]})),
    ?assertEqual(NoDomain, logger_filters:domain(NoDomain, {log, undefined, []})),
    ?assertEqual(ignore, logger_filters:domain(E([a]), {log, undefined, []})),
    ?assertError(badarg, logger_filters:domain(E([a]), bad)).

filters_level_test() ->
    E = #{level => warning, msg => {string, "x"}, meta => #{}},
    ?assertEqual(stop, logger_filters:level(E, {stop, lt, error})),
    ?assertEqual(ignore, logger_filters:level(E, {stop, gt, error})),
    ?assertEqual(E, logger_filters:level(E, {log, eq, warning})),
    ?assertEqual(E, logger_filters:level(E, {log, gteq, warning})),
    ?assertEqual(ignore, logger_filters:level(E, {log, neq, warning})),
    ?assertError(badarg, logger_filters:level(E, {log, foo, warning})).

filters_progress_test() ->
    P = #{level => info, msg => {report, #{label => {supervisor, progress}, report => []}},
          meta => #{domain => [otp, sasl]}},
    O = #{level => info, msg => {string, "x"}, meta => #{}},
    ?assertEqual(stop, logger_filters:progress(P, stop)),
    ?assertEqual(P, logger_filters:progress(P, log)),
    ?assertEqual(ignore, logger_filters:progress(O, stop)),
    ?assertEqual(ignore, logger_filters:remote_gl(O#{meta => #{gl => self()}}, stop)).

%% ---- reports of the behaviours ---------------------------------------------

gen_server_terminate_report_test() ->
    with_capture(fun(_) ->
        process_flag(trap_exit, true),
        {ok, P} = gen_server:start_link(?MODULE, st, []),
        catch gen_server:call(P, crash),
        receive {'EXIT', P, _} -> ok end,
        Events = cap_all(),
        [{#{level := error, msg := {report, R}, meta := Meta}, Text}] =
            [X || {#{msg := {report, #{label := {gen_server, terminate}}}}, _} = X <- Events],
        ?assertEqual(P, maps:get(name, R)),
        ?assertEqual(crash, maps:get(last_message, R)),
        ?assertEqual(st, maps:get(state, R)),
        ?assertMatch({{bad, st}, [_ | _]}, maps:get(reason, R)),
        ?assertMatch({_, {_, [_ | _]}}, maps:get(client_info, R)),
        ?assertEqual([otp], maps:get(domain, Meta)),
        ?assert(is_function(maps:get(report_cb, Meta), 2)),
        ?assertMatch("** Generic server " ++ _, body(Text)),
        ?assertMatch("=ERROR REPORT==== " ++ _, header(Text)),
        [{#{level := error, msg := {report, #{label := {proc_lib, crash},
                                                 report := [Crasher, []]}},
            meta := CMeta}, CText}] =
            [X || {#{msg := {report, #{label := {proc_lib, crash}}}}, _} = X <- Events],
        ?assertEqual(P, proplists:get_value(pid, Crasher)),
        ?assertMatch({error, {bad, st}, _}, proplists:get_value(error_info, Crasher)),
        ?assertEqual({?MODULE, init, ['Argument__1']}, proplists:get_value(initial_call, Crasher)),
        ?assertEqual([otp, sasl], maps:get(domain, CMeta)),
        ?assertEqual(#{title => "CRASH REPORT"}, maps:get(logger_formatter, CMeta)),
        ?assertMatch("=CRASH REPORT==== " ++ _, header(CText)),
        ?assertMatch("  crasher:\n    initial call: logger_tests:init/1\n" ++ _, body(CText))
    end).

supervisor_report_test() ->
    with_capture(fun(_) ->
        process_flag(trap_exit, true),
        {ok, S} = supervisor:start_link(?MODULE, {one, 0}),
        [{_, C, _, _}] = supervisor:which_children(S),
        exit(C, kill),
        receive {'EXIT', S, _} -> ok after 2000 -> ok end,
        Sup = [X || {#{msg := {report, #{label := {supervisor, _}}}}, _} = X <- cap_all()],
        Labels = [L || {#{msg := {report, #{label := L}}}, _} <- Sup],
        ?assertEqual([{supervisor, child_terminated}, {supervisor, shutdown}], Labels),
        [{#{msg := {report, #{report := R1}}, meta := M1}, T1} | _] = Sup,
        ?assertEqual([supervisor, errorContext, reason, offender], [K || {K, _} <- R1]),
        ?assertEqual(killed, proplists:get_value(reason, R1)),
        ?assertEqual(#{title => "SUPERVISOR REPORT"}, maps:get(logger_formatter, M1)),
        ?assertEqual([otp, sasl], maps:get(domain, M1)),
        ?assertMatch("=SUPERVISOR REPORT==== " ++ _, header(T1)),
        ?assertMatch("    supervisor: {" ++ _, body(T1))
    end).

unexpected_supervisor_message_test() ->
    with_capture(fun(_) ->
        {ok, S} = supervisor:start_link(?MODULE, {one, 1}),
        S ! unexpected,
        {#{level := error, msg := Msg, meta := Meta}, _} = cap_next(),
        ?assertEqual({"Supervisor received unexpected message: ~tp~n", [unexpected]}, Msg),
        ?assertEqual([otp], maps:get(domain, Meta)),
        unlink(S),
        exit(S, shutdown)
    end).
