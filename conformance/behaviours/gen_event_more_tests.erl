-module(gen_event_more_tests).
-include_lib("eunit/include/eunit.hrl").
-behaviour(gen_event).

%% Conformance: more of gen_event (OTP 25): handler order, swapping
%% handlers, supervised handlers and gen_event_EXIT, bad return values,
%% start_link, call time-outs and a manager that is gone.

-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

%% ---- callbacks -----------------------------------------------------------------

%% State: {Notify, Name}; swapped-in handlers get {Args, TerminateResult}.
init({{swapped_in, {Notify, Name}}, Prev}) ->
    forward(Notify, Name, {swapped_in, Prev}),
    {ok, {Notify, Name}};
init({Notify, Name}) ->
    {ok, {Notify, Name}}.

handle_event(bad, _S) -> not_a_valid_return;
handle_event({swap_to, Id}, {Notify, _Name} = S) ->
    {swap_handler, swap_out, S, {?MODULE, Id}, {swapped_in, {Notify, Id}}};
handle_event(E, {Notify, Name} = S) ->
    forward(Notify, Name, {event, E}),
    {ok, S}.

handle_call({sleep, Ms}, S) -> timer:sleep(Ms), {ok, slept, S};
handle_call(name, {_, Name} = S) -> {ok, Name, S}.

handle_info(I, {Notify, Name} = S) ->
    forward(Notify, Name, {info, I}),
    {ok, S}.

terminate(Arg, {Notify, Name}) ->
    forward(Notify, Name, {terminate, Arg}),
    {old_state_of, Name}.

forward({Pid, Tag}, Name, Msg) -> Pid ! {Tag, Name, Msg}.

%% ---- helpers -------------------------------------------------------------------

notify() ->
    Tag = make_ref(),
    put(tag, Tag),
    {self(), Tag}.

expect(Name) ->
    Tag = get(tag),
    receive {Tag, Name, M} -> M after 5000 -> timeout end.

%% ---- tests ---------------------------------------------------------------------

handlers_newest_first_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, {?MODULE, a}, {N, a}),
    ok = gen_event:add_handler(M, {?MODULE, b}, {N, b}),
    ?assertEqual([{?MODULE, b}, {?MODULE, a}], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

same_module_twice_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, ?MODULE, {N, one}),
    ok = gen_event:add_handler(M, ?MODULE, {N, two}),
    ?assertEqual([?MODULE, ?MODULE], gen_event:which_handlers(M)),
    %% delete_handler takes the first match
    ?assertEqual({old_state_of, two}, gen_event:delete_handler(M, ?MODULE, bye)),
    ?assertEqual({terminate, bye}, expect(two)),
    ok = gen_event:stop(M).

swap_handler_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, {?MODULE, a}, {N, a}),
    ok = gen_event:swap_handler(M, {{?MODULE, a}, swapping},
                                {{?MODULE, b}, {swapped_in, {N, b}}}),
    ?assertEqual({terminate, swapping}, expect(a)),
    ?assertEqual({swapped_in, {old_state_of, a}}, expect(b)),
    ?assertEqual([{?MODULE, b}], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

swap_handler_from_event_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, {?MODULE, a}, {N, a}),
    ok = gen_event:sync_notify(M, {swap_to, c}),
    ?assertEqual({terminate, swap_out}, expect(a)),
    ?assertEqual({swapped_in, {old_state_of, a}}, expect(c)),
    ?assertEqual([{?MODULE, c}], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

bad_return_removes_handler_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, ?MODULE, {N, h}),
    ok = gen_event:sync_notify(M, bad),
    ?assertEqual({terminate, {error, not_a_valid_return}}, expect(h)),
    ?assertEqual([], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

sup_handler_exit_message_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_sup_handler(M, ?MODULE, {N, s}),
    ok = gen_event:sync_notify(M, bad),
    ?assertEqual({gen_event_EXIT, ?MODULE, not_a_valid_return},
                 receive {gen_event_EXIT, _, _} = X -> X after 5000 -> timeout end),
    ok = gen_event:add_sup_handler(M, ?MODULE, {N, s2}),
    _ = gen_event:delete_handler(M, ?MODULE, going),
    ?assertEqual({gen_event_EXIT, ?MODULE, normal},
                 receive {gen_event_EXIT, _, _} = Y -> Y after 5000 -> timeout end),
    ok = gen_event:stop(M).

sup_handler_removed_when_supervisor_dies_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    Sup = spawn(fun() ->
            ok = gen_event:add_sup_handler(M, ?MODULE, {N, s}),
            receive die -> exit(bye) end
        end),
    timer:sleep(50),
    ?assertEqual([?MODULE], gen_event:which_handlers(M)),
    Sup ! die,
    ?assertEqual({terminate, {stop, bye}}, expect(s)),
    ?assertEqual([], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

start_link_test() ->
    {ok, M} = gen_event:start_link(),
    {links, L} = process_info(self(), links),
    ?assert(lists:member(M, L)),
    unlink(M),
    ok = gen_event:stop(M).

call_timeout_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, ?MODULE, {N, h}),
    R = try gen_event:call(M, ?MODULE, {sleep, 300}, 20) catch exit:E -> E end,
    ?assertEqual({timeout, {gen_event, call, [M, ?MODULE, {sleep, 300}, 20]}}, R),
    ok = gen_event:stop(M).

call_dead_manager_test() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:stop(M),
    R = try gen_event:call(M, ?MODULE, name) catch exit:E -> E end,
    ?assertEqual({noproc, {gen_event, call, [M, ?MODULE, name]}}, R),
    ?assertExit(noproc, gen_event:which_handlers(M)),
    ?assertExit(noproc, gen_event:add_handler(M, ?MODULE, x)).

add_handler_crash_test() ->
    {ok, M} = gen_event:start(),
    ?assertMatch({'EXIT', {function_clause, _}}, gen_event:add_handler(M, ?MODULE, nonsense)),
    ?assertEqual([], gen_event:which_handlers(M)),
    ok = gen_event:stop(M).

manager_traps_exits_test() ->
    {ok, M} = gen_event:start(),
    ?assertEqual({trap_exit, true}, process_info(M, trap_exit)),
    ok = gen_event:stop(M).

exit_message_to_handlers_test() ->
    %% an 'EXIT' from a linked process that supervises no handler is info
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, ?MODULE, {N, h}),
    P = spawn(fun() -> receive go -> exit(gone) end end),
    ok = gen_event:add_handler(M, {?MODULE, linker}, {N, linker}),
    M ! {'EXIT', P, gone},
    ?assertEqual({info, {'EXIT', P, gone}}, expect(h)),
    P ! go,
    ok = gen_event:stop(M).

stop_reason_test() ->
    {ok, M} = gen_event:start(),
    N = notify(),
    ok = gen_event:add_handler(M, ?MODULE, {N, h}),
    MRef = monitor(process, M),
    ok = gen_event:stop(M, {shutdown, done}, 5000),
    ?assertEqual({terminate, stop}, expect(h)),
    ?assertEqual({shutdown, done}, receive {'DOWN', MRef, process, M, R} -> R after 5000 -> timeout end).
