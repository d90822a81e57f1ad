-module(gen_fsm_tests).
-include_lib("eunit/include/eunit.hrl").
-compile([nowarn_deprecated_function]).

%% Conformance: gen_fsm of OTP 25 (deprecated, still shipped): start and
%% start_link (registered or not, init/1 returning ok/stop/ignore/bad
%% values), send_event, send_all_state_event, sync_send_event/2,3 and
%% sync_send_all_state_event/2,3 (replies, time-outs, errors from a dead
%% machine), reply/2 from a later event, state time-outs, start_timer/2,
%% send_event_after/2, cancel_timer/1, handle_info, stop and terminate/3,
%% sys:get_state, enter_loop, and the {gen_fsm, terminate} report logged
%% when a machine crashes (captured by a logger handler).

-export([init/1, locked/2, locked/3, open/2, open/3, handle_event/3,
         handle_sync_event/4, handle_info/3, terminate/3, code_change/4]).
-export([log/2]).

%% ---- a door with a code -------------------------------------------------------

init({ok, Code}) -> {ok, locked, #{code => Code, sofar => [], log => []}};
init({timeout, Code}) -> {ok, locked, #{code => Code, sofar => [], log => []}, 50};
init({stop, R}) -> {stop, R};
init(ignore) -> ignore;
init(bad) -> what;
init(crash) -> erlang:error(boom);
init({enter, Parent}) -> Parent ! entered, ok.

locked({button, D}, #{code := Code, sofar := S} = Data) ->
    case S ++ [D] of
        Code -> {next_state, open, Data#{sofar := []}, 100};
        New when length(New) < length(Code) -> {next_state, locked, Data#{sofar := New}};
        _ -> {next_state, locked, Data#{sofar := []}}
    end;
locked(timeout, Data) -> {next_state, timed_out, Data};
locked({timeout, Ref, Msg}, #{log := L} = Data) -> {next_state, locked, Data#{log := [{timer, Ref, Msg} | L]}};
locked(after_event, #{log := L} = Data) -> {next_state, locked, Data#{log := [after_event | L]}};
locked(crash, _Data) -> erlang:error(crashed);
locked(bad_return, _Data) -> bad;
locked(stop, Data) -> {stop, normal, Data}.

locked(state, _From, Data) -> {reply, locked, locked, Data};
locked(later, From, Data) -> {next_state, locked, Data#{later => From}};
locked(slow, _From, Data) -> timer:sleep(200), {reply, slow, locked, Data};
locked(stop_reply, _From, Data) -> {stop, normal, stopped, Data}.

open(timeout, Data) -> {next_state, locked, Data};
open(_, Data) -> {next_state, open, Data}.

open(state, _From, Data) -> {reply, open, open, Data}.

handle_event({reply_later, R}, StateName, #{later := From} = Data) ->
    gen_fsm:reply(From, R), {next_state, StateName, maps:remove(later, Data)};
handle_event(reset, _StateName, Data) -> {next_state, locked, Data#{sofar := []}};
handle_event(stop_shutdown, _StateName, Data) -> {stop, shutdown, Data}.

handle_sync_event(get_data, _From, StateName, Data) -> {reply, {StateName, Data}, StateName, Data};
handle_sync_event(get_log, _From, StateName, #{log := L} = Data) -> {reply, lists:reverse(L), StateName, Data}.

handle_info({tell, Pid}, StateName, Data) -> Pid ! {info, StateName}, {next_state, StateName, Data};
handle_info({start_timer, T, M}, StateName, Data) ->
    Ref = gen_fsm:start_timer(T, M), {next_state, StateName, Data#{tref => Ref}};
handle_info({event_after, T}, StateName, Data) ->
    gen_fsm:send_event_after(T, after_event), {next_state, StateName, Data};
handle_info({cancel, Pid}, StateName, #{tref := Ref} = Data) ->
    Pid ! {cancelled, is_integer(gen_fsm:cancel_timer(Ref)), gen_fsm:cancel_timer(Ref)},
    {next_state, StateName, Data}.

terminate(Reason, StateName, #{notify := Pid}) -> Pid ! {terminated, Reason, StateName};
terminate(_, _, _) -> ok.

code_change(_, S, D, _) -> {ok, S, D}.

start(Args) ->
    {ok, Pid} = gen_fsm:start(?MODULE, Args, []),
    Pid.

%% ---- capturing logger events ------------------------------------------------------

log(Event, #{config := #{pid := Pid}}) -> Pid ! {logged, Event}, ok.

%% ---- tests ------------------------------------------------------------------------

start_returns_test() ->
    {ok, Pid} = gen_fsm:start(?MODULE, {ok, [1, 2]}, []),
    ?assert(is_pid(Pid)),
    ?assertEqual({error, why}, gen_fsm:start(?MODULE, {stop, why}, [])),
    ?assertEqual(ignore, gen_fsm:start(?MODULE, ignore, [])),
    ?assertEqual({error, {bad_return_value, what}}, gen_fsm:start(?MODULE, bad, [])),
    ?assertMatch({error, {boom, [_ | _]}}, gen_fsm:start(?MODULE, crash, [])),
    exit(Pid, kill).

registered_test() ->
    {ok, Pid} = gen_fsm:start({local, door_fsm}, ?MODULE, {ok, [1]}, []),
    ?assertEqual(Pid, whereis(door_fsm)),
    ?assertMatch({error, {already_started, Pid}}, gen_fsm:start({local, door_fsm}, ?MODULE, {ok, [1]}, [])),
    ?assertEqual(locked, gen_fsm:sync_send_event(door_fsm, state)),
    ok = gen_fsm:send_event(door_fsm, {button, 1}),
    ?assertEqual(open, gen_fsm:sync_send_event(door_fsm, state)),
    ok = gen_fsm:stop(door_fsm),
    ?assertEqual(undefined, whereis(door_fsm)).

start_link_test() ->
    process_flag(trap_exit, true),
    {ok, Pid} = gen_fsm:start_link(?MODULE, {ok, [1]}, []),
    ?assertEqual({links, [self()]}, process_info(Pid, links)),
    ok = gen_fsm:send_event(Pid, stop),
    receive {'EXIT', Pid, R} -> ?assertEqual(normal, R) after 2000 -> ?assert(false) end.

events_test() ->
    Pid = start({ok, [1, 2, 3]}),
    ok = gen_fsm:send_event(Pid, {button, 1}),
    ok = gen_fsm:send_event(Pid, {button, 2}),
    ?assertMatch({locked, #{sofar := [1, 2]}}, gen_fsm:sync_send_all_state_event(Pid, get_data)),
    ok = gen_fsm:send_all_state_event(Pid, reset),
    ?assertMatch({locked, #{sofar := []}}, gen_fsm:sync_send_all_state_event(Pid, get_data, 1000)),
    [gen_fsm:send_event(Pid, {button, D}) || D <- [1, 2, 3]],
    %% the 100 ms time-out of the open state locks it again
    timer:sleep(250),
    ?assertEqual(locked, gen_fsm:sync_send_event(Pid, state)),
    exit(Pid, kill).

init_timeout_test() ->
    Pid = start({timeout, [1]}),
    timer:sleep(150),
    ?assertMatch({timed_out, _}, gen_fsm:sync_send_all_state_event(Pid, get_data)),
    exit(Pid, kill).

reply_later_test() ->
    Pid = start({ok, [1]}),
    Self = self(),
    spawn(fun() -> Self ! {got, gen_fsm:sync_send_event(Pid, later)} end),
    timer:sleep(50),
    ok = gen_fsm:send_all_state_event(Pid, {reply_later, hello}),
    receive {got, R} -> ?assertEqual(hello, R) after 2000 -> ?assert(false) end,
    exit(Pid, kill).

sync_errors_test() ->
    Pid = start({ok, [1]}),
    ?assertExit({timeout, {gen_fsm, sync_send_event, [Pid, slow, 50]}},
                gen_fsm:sync_send_event(Pid, slow, 50)),
    exit(Pid, kill),
    timer:sleep(20),
    ?assertExit({noproc, {gen_fsm, sync_send_event, [Pid, state]}}, gen_fsm:sync_send_event(Pid, state)),
    ?assertExit({noproc, {gen_fsm, sync_send_all_state_event, [nowhere_fsm, x]}},
                gen_fsm:sync_send_all_state_event(nowhere_fsm, x)),
    ?assertEqual(ok, gen_fsm:send_event(Pid, anything)),
    ?assertEqual(ok, gen_fsm:send_event({global, no_such_fsm}, x)).

stop_reply_test() ->
    Pid = start({ok, [1]}),
    Ref = monitor(process, Pid),
    ?assertEqual(stopped, gen_fsm:sync_send_event(Pid, stop_reply)),
    receive {'DOWN', Ref, process, Pid, R} -> ?assertEqual(normal, R) after 2000 -> ?assert(false) end.

terminate_test() ->
    {ok, Pid} = gen_fsm:start(?MODULE, {ok, [1]}, []),
    Self = self(),
    _ = sys:replace_state(Pid, fun({S, D}) -> {S, D#{notify => Self}} end),
    ok = gen_fsm:send_all_state_event(Pid, stop_shutdown),
    receive {terminated, R, S} -> ?assertEqual({shutdown, locked}, {R, S}) after 2000 -> ?assert(false) end.

info_and_sys_test() ->
    Pid = start({ok, [1]}),
    Pid ! {tell, self()},
    receive {info, S} -> ?assertEqual(locked, S) after 2000 -> ?assert(false) end,
    ?assertMatch({locked, #{code := [1]}}, sys:get_state(Pid)),
    exit(Pid, kill).

timers_test() ->
    Pid = start({ok, [1]}),
    Pid ! {start_timer, 20, tick},
    Pid ! {event_after, 10},
    timer:sleep(100),
    Log = gen_fsm:sync_send_all_state_event(Pid, get_log),
    ?assertMatch([after_event, {timer, _, tick}], Log),
    Pid ! {start_timer, 5000, never},
    Pid ! {cancel, self()},
    receive {cancelled, A, B} -> ?assertEqual({true, false}, {A, B}) after 2000 -> ?assert(false) end,
    exit(Pid, kill).

cancel_timer_test() ->
    Ref = gen_fsm:start_timer(0, m),
    timer:sleep(20),
    ?assertEqual(0, gen_fsm:cancel_timer(Ref)),
    ?assertEqual(false, gen_fsm:cancel_timer(Ref)),
    Ref2 = gen_fsm:send_event_after(10000, e),
    ?assert(gen_fsm:cancel_timer(Ref2) > 9000).

enter_loop_test() ->
    Self = self(),
    Pid = proc_lib:spawn(fun() -> Self ! entered, gen_fsm:enter_loop(?MODULE, [], locked, #{code => [7], sofar => [], log => []}) end),
    receive entered -> ok end,
    ok = gen_fsm:send_event(Pid, {button, 7}),
    ?assertEqual(open, gen_fsm:sync_send_event(Pid, state, 1000)),
    exit(Pid, kill).

crash_report_test() ->
    ok = logger:add_handler(fsm_capture, ?MODULE, #{config => #{pid => self()}}),
    try
        Pid = start({ok, [1]}),
        Ref = monitor(process, Pid),
        ok = gen_fsm:send_event(Pid, crash),
        receive {'DOWN', Ref, process, Pid, R} -> ?assertMatch({crashed, [_ | _]}, R) after 2000 -> ?assert(false) end,
        Ev = receive_report(),
        #{level := error, msg := {report, Report}, meta := Meta} = Ev,
        ?assertMatch(#{label := {gen_fsm, terminate}, name := Pid, last_message := {'$gen_event', crash},
                       state_name := locked, log := [], client_info := undefined,
                       reason := {crashed, [_ | _]}}, Report),
        ?assertEqual([otp], maps:get(domain, Meta)),
        ?assertMatch(#{tag := error}, maps:get(error_logger, Meta)),
        Text = lists:flatten(gen_fsm:format_log(Report, #{})),
        ?assertMatch("** State machine " ++ _, Text),
        ?assertNotEqual(nomatch, string:find(Text, "** Last event in was crash\n** When State == locked\n"))
    after
        logger:remove_handler(fsm_capture)
    end.

receive_report() ->
    receive
        {logged, #{msg := {report, #{label := {gen_fsm, terminate}}}} = E} -> E;
        {logged, _} -> receive_report()
    after 2000 -> timeout
    end.
