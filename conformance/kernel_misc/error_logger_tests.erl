-module(error_logger_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: error_logger of OTP 25 (kernel-8.5) over logger: the
%% logger events its *_msg and *_report functions make (level, message,
%% error_logger metadata, domain, the text of their report_cb), the
%% gen_event events report handlers receive ({Tag, GL, {Pid, Format or
%% Type, Args or Report}}), add/delete/which_report_handlers, tty/1 and
%% logfile/1 without a log file. Events are captured by a logger handler
%% (this module's log/2) and a report handler (this module's gen_event
%% callbacks), never from standard output.

-export([log/2]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

%% ---- a capturing logger handler --------------------------------------------

log(Event, #{config := #{pid := Pid}}) -> Pid ! {logged, Event}, ok.

with_logger_handler(Fun) ->
    ok = logger:add_handler(el_capture, ?MODULE, #{config => #{pid => self()}}),
    try Fun() after logger:remove_handler(el_capture) end.

next_logged() ->
    receive {logged, E} -> E after 2000 -> timeout end.

%% The text logger's formatter makes of an event's message.
text(Event) ->
    lists:flatten(logger_formatter:format(Event, #{template => [msg], single_line => false})).

%% ---- a capturing report handler (gen_event) --------------------------------------

init(Pid) -> {ok, Pid}.
handle_event(Event, Pid) -> Pid ! {event, Event}, {ok, Pid}.
handle_call(which, Pid) -> {ok, Pid, Pid}.
handle_info(_, Pid) -> {ok, Pid}.
terminate(_, _) -> ok.

next_event() ->
    receive {event, E} -> E after 2000 -> timeout end.

with_report_handler(Fun) ->
    ok = error_logger:add_report_handler(?MODULE, self()),
    try Fun() after error_logger:delete_report_handler(?MODULE) end.

%% ---- logger events -------------------------------------------------------------

error_msg_event_test() ->
    with_logger_handler(
      fun() ->
              ok = error_logger:error_msg("err ~p~n", [1]),
              #{level := error, msg := Msg, meta := Meta} = E = next_logged(),
              ?assertEqual({report, #{label => {error_logger, error_msg}, format => "err ~p~n", args => [1]}}, Msg),
              ?assertEqual(#{tag => error}, maps:get(error_logger, Meta)),
              ?assert(is_function(maps:get(report_cb, Meta), 1)),
              ?assertEqual(self(), maps:get(pid, Meta)),
              ?assertEqual(false, maps:is_key(domain, Meta)),
              ?assertEqual("err 1\n", text(E))
      end).

msg_levels_test() ->
    with_logger_handler(
      fun() ->
              ok = error_logger:warning_msg("w"),
              #{level := warning, meta := #{error_logger := #{tag := warning_msg}}} = E1 = next_logged(),
              ?assertEqual("w", text(E1)),
              ok = error_logger:info_msg("i ~w", [x]),
              #{level := notice, meta := #{error_logger := #{tag := info_msg}}} = E2 = next_logged(),
              ?assertEqual("i x", text(E2)),
              ok = error_logger:format("f ~s", ["s"]),
              #{level := error, meta := #{error_logger := #{tag := error}}} = E3 = next_logged(),
              ?assertEqual("f s", text(E3))
      end).

bad_format_args_test() ->
    with_logger_handler(
      fun() ->
              ok = error_logger:error_msg("bad ~p ~p", [1]),
              ?assertEqual("ERROR: \"bad ~p ~p\" - [1]", text(next_logged()))
      end).

reports_test() ->
    with_logger_handler(
      fun() ->
              ok = error_logger:error_report([{a, 1}, {bbbb, "str"}, plain]),
              #{level := error, msg := {report, #{label := {error_logger, error_report}}},
                meta := #{error_logger := #{tag := error_report, type := std_error}} = M1} = E1 = next_logged(),
              ?assertEqual(false, maps:is_key(domain, M1)),
              ?assertEqual("    a: 1\n    bbbb: str\n    plain", text(E1)),
              ok = error_logger:error_report("a string report"),
              ?assertEqual("a string report", text(next_logged())),
              ok = error_logger:error_report(#{k => v}),
              ?assertEqual("#{k => v}\n", text(next_logged())),
              ok = error_logger:warning_report({x, y}),
              #{level := warning, meta := #{error_logger := #{tag := warning_report, type := std_warning}}} = E4 = next_logged(),
              ?assertEqual("{x,y}", text(E4)),
              ok = error_logger:info_report([{tag, val}]),
              #{level := notice, meta := #{error_logger := #{tag := info_report, type := std_info}}} = E5 = next_logged(),
              ?assertEqual("    tag: val", text(E5))
      end).

typed_report_domain_test() ->
    with_logger_handler(
      fun() ->
              ok = error_logger:error_report(mytype, [{a, 1}]),
              #{meta := #{domain := [mytype], error_logger := #{tag := error_report, type := mytype}}} = next_logged(),
              ok = error_logger:info_report(progress, x),
              #{level := notice, meta := #{domain := [progress]}} = next_logged()
      end).

%% ---- report handlers ------------------------------------------------------------

report_handler_events_test() ->
    with_report_handler(
      fun() ->
              Self = self(),
              {group_leader, GL} = process_info(self(), group_leader),
              ?assertEqual([?MODULE], error_logger:which_report_handlers()),
              ok = error_logger:error_msg("e ~p", [1]),
              ?assertEqual({error, GL, {Self, "e ~p", [1]}}, next_event()),
              ok = error_logger:warning_msg("w"),
              ?assertEqual({warning_msg, GL, {Self, "w", []}}, next_event()),
              ok = error_logger:info_msg("i"),
              ?assertEqual({info_msg, GL, {Self, "i", []}}, next_event()),
              ok = error_logger:error_report([{a, 1}]),
              ?assertEqual({error_report, GL, {Self, std_error, [{a, 1}]}}, next_event()),
              ok = error_logger:warning_report(t, r),
              ?assertEqual({warning_report, GL, {Self, t, r}}, next_event()),
              ok = error_logger:info_report(#{m => 1}),
              ?assertEqual({info_report, GL, {Self, std_info, #{m => 1}}}, next_event())
      end).

logger_calls_and_handlers_test() ->
    with_report_handler(
      fun() ->
              Self = self(),
              {group_leader, GL} = process_info(self(), group_leader),
              %% plain logger events do not reach report handlers...
              logger:error("plain ~p", [1]),
              %% ...unless they carry error_logger metadata
              logger:error("with meta ~p", [2], #{error_logger => #{tag => error}}),
              ?assertEqual({error, GL, {Self, "with meta ~p", [2]}}, next_event()),
              logger:error(#{a => 1}, #{error_logger => #{tag => error_report, type => t}}),
              ?assertEqual({error_report, GL, {Self, t, #{a => 1}}}, next_event())
      end).

add_delete_test() ->
    ?assertEqual(ok, error_logger:add_report_handler(?MODULE, self())),
    ?assertEqual(self(), gen_event:call(error_logger, ?MODULE, which)),
    ?assertEqual(ok, error_logger:delete_report_handler(?MODULE)),
    ?assertEqual([], error_logger:which_report_handlers()),
    ?assertEqual(undefined, whereis(error_logger)),
    ?assertEqual(ok, error_logger:delete_report_handler(?MODULE)).

tty_logfile_test() ->
    ?assertEqual({error, no_log_file}, error_logger:logfile(filename)),
    ?assertEqual({error, module_not_found}, error_logger:logfile(close)),
    ?assertEqual(ok, error_logger:tty(false)),
    ?assertMatch({ok, #{filters := [_ | _]}}, logger:get_handler_config(default)),
    {ok, #{filters := Fs}} = logger:get_handler_config(default),
    ?assert(lists:keymember(error_logger_tty_false, 1, Fs)),
    ?assertEqual(ok, error_logger:tty(true)),
    {ok, #{filters := Fs2}} = logger:get_handler_config(default),
    ?assertNot(lists:keymember(error_logger_tty_false, 1, Fs2)).
