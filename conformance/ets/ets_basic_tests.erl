-module(ets_basic_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: ets tables of OTP 25: creation and options, insert/lookup/
%% delete for the four table types, keypos, named tables, access rights,
%% ownership (owner death, heir, give_away), info/1,2, rename, whereis,
%% all, and where OTP raises badarg. Every test deletes the tables it
%% creates (eunit runs all tests of a module in one process on OTP).

id(X) -> X.

unique_name(Base) ->
    list_to_atom(atom_to_list(Base) ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))).

%% Runs F in another process and returns its result ({caught, Class, Reason}
%% if it raised).
in_proc(F) ->
    Self = self(),
    Ref = make_ref(),
    {Pid, MRef} = spawn_monitor(fun() ->
                                        R = try {value, F()}
                                            catch C:E -> {caught, C, E}
                                            end,
                                        Self ! {Ref, R}
                                end),
    receive
        {Ref, {value, V}} ->
            receive {'DOWN', MRef, process, Pid, _} -> ok after 5000 -> ok end,
            V;
        {Ref, Other} ->
            receive {'DOWN', MRef, process, Pid, _} -> ok after 5000 -> ok end,
            Other
    after 5000 -> timeout
    end.

wait_down(Pid) ->
    MRef = monitor(process, Pid),
    receive {'DOWN', MRef, process, Pid, R} -> R after 5000 -> timeout end.

%% A process that creates a table with Opts, sends it to the caller and
%% waits until told to stop.
table_owner(Opts) -> table_owner(owned, Opts).

table_owner(Name, Opts) ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() ->
                        T = ets:new(Name, Opts),
                        Self ! {Ref, T},
                        receive stop -> ok end
                end),
    receive {Ref, T} -> {Pid, T} after 5000 -> error(timeout) end.

%% ---- new ------------------------------------------------------------------

new_returns_reference_test() ->
    T = ets:new(t, []),
    ?assert(is_reference(T)),
    ?assert(ets:delete(T)).

new_named_table_returns_name_test() ->
    N = unique_name(ets_named),
    ?assertEqual(N, ets:new(N, [named_table])),
    ?assertEqual(true, ets:delete(N)).

new_named_table_twice_badarg_test() ->
    N = unique_name(ets_twice),
    N = ets:new(N, [named_table]),
    ?assertError(badarg, ets:new(N, [named_table])),
    ets:delete(N).

new_same_name_unnamed_twice_test() ->
    T1 = ets:new(same, []),
    T2 = ets:new(same, []),
    ?assert(T1 =/= T2),
    ets:delete(T1),
    ets:delete(T2).

new_name_not_atom_badarg_test() ->
    ?assertError(badarg, ets:new("name", [])),
    ?assertError(badarg, ets:new(id(1), [])).

new_bad_option_badarg_test() ->
    ?assertError(badarg, ets:new(t, [no_such_option])),
    ?assertError(badarg, ets:new(t, id(not_a_list))),
    ?assertError(badarg, ets:new(t, [{keypos, 0}])).

new_accepts_concurrency_options_test() ->
    T = ets:new(t, [{read_concurrency, true}, {write_concurrency, true}, compressed]),
    ?assertEqual(true, ets:info(T, read_concurrency)),
    ?assertEqual(true, ets:info(T, write_concurrency)),
    ?assertEqual(true, ets:info(T, compressed)),
    ets:delete(T).

new_defaults_test() ->
    T = ets:new(t, []),
    ?assertEqual(set, ets:info(T, type)),
    ?assertEqual(protected, ets:info(T, protection)),
    ?assertEqual(1, ets:info(T, keypos)),
    ?assertEqual(false, ets:info(T, named_table)),
    ?assertEqual(self(), ets:info(T, owner)),
    ?assertEqual(none, ets:info(T, heir)),
    ?assertEqual(0, ets:info(T, size)),
    ?assertEqual(t, ets:info(T, name)),
    ?assertEqual(false, ets:info(T, compressed)),
    ets:delete(T).

new_last_type_option_wins_test() ->
    T = ets:new(t, [bag, set, ordered_set]),
    ?assertEqual(ordered_set, ets:info(T, type)),
    ets:delete(T).

%% ---- insert / lookup (set) -----------------------------------------------

insert_returns_true_test() ->
    T = ets:new(t, []),
    ?assertEqual(true, ets:insert(T, {a, 1})),
    ?assertEqual(true, ets:insert(T, [{b, 2}, {c, 3}])),
    ?assertEqual(true, ets:insert(T, [])),
    ?assertEqual(3, ets:info(T, size)),
    ets:delete(T).

lookup_found_and_missing_test() ->
    T = ets:new(t, []),
    ets:insert(T, {a, 1, x}),
    ?assertEqual([{a, 1, x}], ets:lookup(T, a)),
    ?assertEqual([], ets:lookup(T, b)),
    ets:delete(T).

set_insert_overwrites_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 2}),
    ?assertEqual([{k, 2}], ets:lookup(T, k)),
    ?assertEqual(1, ets:info(T, size)),
    ets:delete(T).

set_keys_compared_exactly_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{1, int}, {1.0, float}]),
    ?assertEqual([{1, int}], ets:lookup(T, 1)),
    ?assertEqual([{1.0, float}], ets:lookup(T, 1.0)),
    ?assertEqual(2, ets:info(T, size)),
    ets:delete(T).

ordered_set_keys_compared_by_equality_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, {1, int}),
    ets:insert(T, {1.0, float}),
    ?assertEqual([{1.0, float}], ets:lookup(T, 1)),
    ?assertEqual([{1.0, float}], ets:lookup(T, 1.0)),
    ?assertEqual(1, ets:info(T, size)),
    ets:delete(T).

insert_list_later_wins_in_set_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{k, 1}, {k, 2}, {k, 3}]),
    ?assertEqual([{k, 3}], ets:lookup(T, k)),
    ets:delete(T).

insert_any_term_as_key_test() ->
    T = ets:new(t, []),
    Keys = [[1, 2], {x, y}, <<"bin">>, 3.5, #{a => 1}, self(), "str"],
    ets:insert(T, [{K, v} || K <- Keys]),
    ?assertEqual([[{K, v}] || K <- Keys], [ets:lookup(T, K) || K <- Keys]),
    ets:delete(T).

insert_non_tuple_badarg_test() ->
    T = ets:new(t, []),
    ?assertError(badarg, ets:insert(T, id(not_a_tuple))),
    ?assertError(badarg, ets:insert(T, [{a, 1}, id(oops)])),
    ?assertError(badarg, ets:insert(T, id({}))),
    ?assertEqual([], ets:lookup(T, a)),
    ets:delete(T).

%% ---- insert_new ------------------------------------------------------------

insert_new_test() ->
    T = ets:new(t, []),
    ?assertEqual(true, ets:insert_new(T, {a, 1})),
    ?assertEqual(false, ets:insert_new(T, {a, 2})),
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    ets:delete(T).

insert_new_list_all_or_nothing_test() ->
    T = ets:new(t, []),
    ets:insert(T, {b, old}),
    ?assertEqual(false, ets:insert_new(T, [{a, 1}, {b, 2}, {c, 3}])),
    ?assertEqual([], ets:lookup(T, a)),
    ?assertEqual([{b, old}], ets:lookup(T, b)),
    ?assertEqual(true, ets:insert_new(T, [{a, 1}, {c, 3}])),
    ?assertEqual(3, ets:info(T, size)),
    ets:delete(T).

insert_new_bag_key_exists_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {a, 1}),
    ?assertEqual(false, ets:insert_new(T, {a, 2})),
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    ets:delete(T).

%% ---- bag / duplicate_bag --------------------------------------------------

bag_keeps_distinct_objects_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 2}),
    ets:insert(T, {k, 1}),
    ?assertEqual([{k, 1}, {k, 2}], ets:lookup(T, k)),
    ?assertEqual(2, ets:info(T, size)),
    ets:delete(T).

bag_lookup_in_insertion_order_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, c}),
    ets:insert(T, {k, a}),
    ets:insert(T, {k, b}),
    ?assertEqual([{k, c}, {k, a}, {k, b}], ets:lookup(T, k)),
    ets:delete(T).

%% Observed OTP 25 order: the objects of one insert/2 list with the same key
%% end up in reverse order in a bag (not in a duplicate_bag); later inserts
%% go after them.
bag_insert_list_order_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, [{k, 1}, {k, 2}, {k, 3}]),
    ?assertEqual([{k, 3}, {k, 2}, {k, 1}], ets:lookup(T, k)),
    ets:insert(T, {k, 4}),
    ?assertEqual([{k, 3}, {k, 2}, {k, 1}, {k, 4}], ets:lookup(T, k)),
    ets:delete(T).

duplicate_bag_insert_list_order_test() ->
    T = ets:new(t, [duplicate_bag]),
    ets:insert(T, [{k, 1}, {k, 2}, {k, 3}]),
    ets:insert(T, {k, 4}),
    ets:insert(T, [{k, 5}, {k, 6}]),
    ?assertEqual([{k, 1}, {k, 2}, {k, 3}, {k, 4}, {k, 5}, {k, 6}], ets:lookup(T, k)),
    ets:delete(T).

bag_objects_compared_exactly_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 1.0}),
    ?assertEqual([{k, 1}, {k, 1.0}], ets:lookup(T, k)),
    ets:delete(T).

duplicate_bag_keeps_duplicates_test() ->
    T = ets:new(t, [duplicate_bag]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 2}),
    ?assertEqual([{k, 1}, {k, 1}, {k, 2}], ets:lookup(T, k)),
    ?assertEqual(3, ets:info(T, size)),
    ets:delete(T).

bag_delete_object_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, {k, 1}),
    ets:insert(T, {k, 2}),
    ets:insert(T, {k, 3}),
    ?assertEqual(true, ets:delete_object(T, {k, 2})),
    ?assertEqual([{k, 1}, {k, 3}], ets:lookup(T, k)),
    ?assertEqual(true, ets:delete_object(T, {k, 99})),
    ets:delete(T).

duplicate_bag_delete_object_removes_all_copies_test() ->
    T = ets:new(t, [duplicate_bag]),
    ets:insert(T, [{k, 1}, {k, 2}, {k, 1}]),
    ets:delete_object(T, {k, 1}),
    ?assertEqual([{k, 2}], ets:lookup(T, k)),
    ets:delete(T).

set_delete_object_must_match_whole_object_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, {k, 1}),
    ets:delete_object(T, {k, 2}),
    ?assertEqual([{k, 1}], ets:lookup(T, k)),
    ets:delete_object(T, {k, 1}),
    ?assertEqual([], ets:lookup(T, k)),
    ets:delete(T).

bag_delete_key_removes_all_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, [{k, 1}, {k, 2}, {j, 3}]),
    ets:delete(T, k),
    ?assertEqual([], ets:lookup(T, k)),
    ?assertEqual(1, ets:info(T, size)),
    ets:delete(T).

%% ---- delete / member / delete_all_objects --------------------------------

delete_key_test() ->
    T = ets:new(t, []),
    ets:insert(T, [{a, 1}, {b, 2}]),
    ?assertEqual(true, ets:delete(T, a)),
    ?assertEqual(true, ets:delete(T, no_such_key)),
    ?assertEqual([], ets:lookup(T, a)),
    ?assertEqual([{b, 2}], ets:lookup(T, b)),
    ets:delete(T).

member_test() ->
    T = ets:new(t, []),
    ets:insert(T, {a, 1}),
    ?assertEqual(true, ets:member(T, a)),
    ?assertEqual(false, ets:member(T, b)),
    ets:delete(T).

delete_all_objects_test() ->
    T = ets:new(t, []),
    ets:insert(T, [{a, 1}, {b, 2}]),
    ?assertEqual(true, ets:delete_all_objects(T)),
    ?assertEqual(0, ets:info(T, size)),
    ?assertEqual([], ets:tab2list(T)),
    ?assertEqual(true, ets:insert(T, {c, 3})),
    ets:delete(T).

deleted_table_badarg_test() ->
    T = ets:new(t, []),
    ?assertEqual(true, ets:delete(T)),
    ?assertError(badarg, ets:lookup(T, a)),
    ?assertError(badarg, ets:insert(T, {a, 1})),
    ?assertError(badarg, ets:delete(T)),
    ?assertEqual(undefined, ets:info(T)),
    ?assertEqual(undefined, ets:info(T, size)).

unknown_named_table_badarg_test() ->
    ?assertError(badarg, ets:lookup(ets_no_such_table_xyz, a)),
    ?assertError(badarg, ets:insert(ets_no_such_table_xyz, {a, 1})),
    ?assertEqual(undefined, ets:info(ets_no_such_table_xyz)).

not_a_table_badarg_test() ->
    ?assertError(badarg, ets:lookup(id("tab"), a)),
    ?assertError(badarg, ets:lookup(id(42), a)),
    ?assertError(badarg, ets:info(id("tab"))).

%% ---- keypos -----------------------------------------------------------------

keypos_test() ->
    T = ets:new(t, [{keypos, 2}]),
    ets:insert(T, {rec, k1, v1}),
    ets:insert(T, {other, k1, v2}),
    ?assertEqual([{other, k1, v2}], ets:lookup(T, k1)),
    ?assertEqual([], ets:lookup(T, rec)),
    ?assertEqual(2, ets:info(T, keypos)),
    ets:delete(T).

keypos_tuple_too_short_badarg_test() ->
    T = ets:new(t, [{keypos, 3}]),
    ?assertError(badarg, ets:insert(T, {a, b})),
    ?assertEqual(true, ets:insert(T, {a, b, c})),
    ets:delete(T).

keypos_records_test() ->
    T = ets:new(t, [{keypos, 2}, ordered_set]),
    ets:insert(T, [{person, 3, "c"}, {person, 1, "a"}, {person, 2, "b"}]),
    ?assertEqual([{person, 1, "a"}, {person, 2, "b"}, {person, 3, "c"}], ets:tab2list(T)),
    ets:delete(T).

%% ---- named tables -------------------------------------------------------

named_table_access_by_name_test() ->
    N = unique_name(ets_acc),
    N = ets:new(N, [named_table, public]),
    ets:insert(N, {a, 1}),
    ?assertEqual([{a, 1}], ets:lookup(N, a)),
    ?assertEqual(true, ets:info(N, named_table)),
    ?assertEqual(N, ets:info(N, name)),
    ets:delete(N),
    ?assertEqual(undefined, ets:info(N)).

whereis_test() ->
    N = unique_name(ets_where),
    N = ets:new(N, [named_table]),
    Tid = ets:whereis(N),
    ?assert(is_reference(Tid)),
    ets:insert(Tid, {a, 1}),
    ?assertEqual([{a, 1}], ets:lookup(N, a)),
    ets:delete(N),
    ?assertEqual(undefined, ets:whereis(N)).

whereis_unnamed_undefined_test() ->
    T = ets:new(ets_whereis_unnamed_xyz, []),
    ?assertEqual(undefined, ets:whereis(ets_whereis_unnamed_xyz)),
    ets:delete(T).

info_id_of_named_table_test() ->
    N = unique_name(ets_id),
    N = ets:new(N, [named_table]),
    ?assertEqual(ets:whereis(N), ets:info(N, id)),
    ets:delete(N).

rename_test() ->
    N1 = unique_name(ets_ren_a),
    N2 = unique_name(ets_ren_b),
    N1 = ets:new(N1, [named_table]),
    ets:insert(N1, {a, 1}),
    ?assertEqual(N2, ets:rename(N1, N2)),
    ?assertError(badarg, ets:lookup(N1, a)),
    ?assertEqual([{a, 1}], ets:lookup(N2, a)),
    ?assertEqual(N2, ets:info(N2, name)),
    ets:delete(N2).

rename_to_existing_name_badarg_test() ->
    N1 = unique_name(ets_ren_c),
    N2 = unique_name(ets_ren_d),
    N1 = ets:new(N1, [named_table]),
    N2 = ets:new(N2, [named_table]),
    ?assertError(badarg, ets:rename(N1, N2)),
    ets:delete(N1),
    ets:delete(N2).

rename_unnamed_table_returns_tid_test() ->
    T = ets:new(before, []),
    ?assertEqual(T, ets:rename(T, after_rename)),
    ?assertEqual(after_rename, ets:info(T, name)),
    ets:delete(T).

all_contains_tables_test() ->
    T = ets:new(t, []),
    N = unique_name(ets_all),
    N = ets:new(N, [named_table]),
    All = ets:all(),
    ?assert(lists:member(T, All)),
    ?assert(lists:member(N, All)),
    ets:delete(T),
    ets:delete(N),
    ?assertNot(lists:member(T, ets:all())).

%% ---- access rights ----------------------------------------------------------

protected_other_process_reads_test() ->
    T = ets:new(t, [protected]),
    ets:insert(T, {a, 1}),
    ?assertEqual([{a, 1}], in_proc(fun() -> ets:lookup(T, a) end)),
    ets:delete(T).

protected_other_process_cannot_write_test() ->
    T = ets:new(t, [protected]),
    ?assertEqual({caught, error, badarg}, in_proc(fun() -> ets:insert(T, {a, 1}) end)),
    ?assertEqual({caught, error, badarg}, in_proc(fun() -> ets:delete(T, a) end)),
    ?assertEqual([], ets:lookup(T, a)),
    ets:delete(T).

public_other_process_writes_test() ->
    T = ets:new(t, [public]),
    ?assertEqual(true, in_proc(fun() -> ets:insert(T, {a, 1}) end)),
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    ets:delete(T).

private_other_process_cannot_read_test() ->
    T = ets:new(t, [private]),
    ets:insert(T, {a, 1}),
    ?assertEqual({caught, error, badarg}, in_proc(fun() -> ets:lookup(T, a) end)),
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    ets:delete(T).

info_of_private_table_from_other_process_test() ->
    T = ets:new(t, [private]),
    ?assertEqual(private, in_proc(fun() -> ets:info(T, protection) end)),
    ets:delete(T).

non_owner_cannot_delete_protected_table_test() ->
    T = ets:new(t, [protected]),
    ?assertEqual({caught, error, badarg}, in_proc(fun() -> ets:delete(T) end)),
    ?assertEqual(0, ets:info(T, size)),
    ets:delete(T).

non_owner_can_delete_public_table_test() ->
    T = ets:new(t, [public]),
    ?assertEqual(true, in_proc(fun() -> ets:delete(T) end)),
    ?assertEqual(undefined, ets:info(T)).

%% ---- ownership -----------------------------------------------------------

owner_death_deletes_table_test() ->
    {Pid, T} = table_owner([public]),
    ets:insert(T, {a, 1}),
    exit(Pid, kill),
    wait_down(Pid),
    ?assertEqual(undefined, ets:info(T)),
    ?assertError(badarg, ets:lookup(T, a)).

owner_normal_exit_deletes_table_test() ->
    {Pid, T} = table_owner([public]),
    Pid ! stop,
    wait_down(Pid),
    ?assertEqual(undefined, ets:info(T)).

owner_death_frees_name_test() ->
    N = unique_name(ets_free),
    {Pid, N} = table_owner(N, [named_table, public]),
    exit(Pid, kill),
    wait_down(Pid),
    ?assertEqual(undefined, ets:whereis(N)),
    ?assertEqual(N, ets:new(N, [named_table])),
    ets:delete(N).

give_away_test() ->
    T = ets:new(t, [{heir, none}]),
    ets:insert(T, {a, 1}),
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() ->
                        receive {'ETS-TRANSFER', Tab, From, Data} ->
                                Self ! {Ref, Tab, From, Data, ets:info(Tab, owner) =:= self(),
                                        ets:insert(Tab, {b, 2})}
                        end,
                        receive stop -> ok end
                end),
    ?assertEqual(true, ets:give_away(T, Pid, gift)),
    ?assertEqual({T, Self, gift, true, true},
                 receive {Ref, A, B, C, D, E} -> {A, B, C, D, E} after 5000 -> timeout end),
    ?assertEqual(Pid, ets:info(T, owner)),
    ?assertError(badarg, ets:insert(T, {c, 3})),
    Pid ! stop,
    wait_down(Pid),
    ?assertEqual(undefined, ets:info(T)).

give_away_to_self_badarg_test() ->
    T = ets:new(t, []),
    ?assertError(badarg, ets:give_away(T, self(), x)),
    ets:delete(T).

give_away_by_non_owner_badarg_test() ->
    T = ets:new(t, [public]),
    Self = self(),
    ?assertEqual({caught, error, badarg}, in_proc(fun() -> ets:give_away(T, Self, x) end)),
    ets:delete(T).

give_away_to_dead_process_badarg_test() ->
    Pid = spawn(fun() -> ok end),
    wait_down(Pid),
    T = ets:new(t, []),
    ?assertError(badarg, ets:give_away(T, Pid, x)),
    ?assertEqual(self(), ets:info(T, owner)),
    ets:delete(T).

heir_receives_table_on_owner_death_test() ->
    Self = self(),
    Ref = make_ref(),
    Pid = spawn(fun() ->
                        T = ets:new(t, [{heir, Self, inherit_data}]),
                        ets:insert(T, {a, 1}),
                        Self ! {Ref, T},
                        receive stop -> ok end
                end),
    T = receive {Ref, Tab} -> Tab after 5000 -> error(timeout) end,
    ?assertEqual(Self, ets:info(T, heir)),
    exit(Pid, kill),
    ?assertEqual({T, Pid, inherit_data},
                 receive {'ETS-TRANSFER', T, From, Data} -> {T, From, Data} after 5000 -> timeout end),
    ?assertEqual(Self, ets:info(T, owner)),
    ?assertEqual(Self, ets:info(T, heir)),
    ?assertEqual([{a, 1}], ets:lookup(T, a)),
    ets:delete(T).

setopts_heir_test() ->
    T = ets:new(t, []),
    Pid = spawn(fun() -> receive stop -> ok end end),
    ?assertEqual(true, ets:setopts(T, {heir, Pid, data})),
    ?assertEqual(Pid, ets:info(T, heir)),
    ?assertEqual(true, ets:setopts(T, [{heir, none}])),
    ?assertEqual(none, ets:info(T, heir)),
    Pid ! stop,
    ets:delete(T).

%% ---- info ---------------------------------------------------------------

info_size_and_type_test() ->
    T = ets:new(t, [bag]),
    ets:insert(T, [{a, 1}, {a, 2}, {b, 3}]),
    ?assertEqual(3, ets:info(T, size)),
    ?assertEqual(bag, ets:info(T, type)),
    ?assert(is_integer(ets:info(T, memory))),
    ?assertEqual(node(), ets:info(T, node)),
    ets:delete(T).

info_list_keys_test() ->
    T = ets:new(t, []),
    Info = ets:info(T),
    ?assertEqual([compressed, decentralized_counters, heir, id, keypos, memory, name,
                  named_table, node, owner, protection, read_concurrency, size, type,
                  write_concurrency],
                 lists:sort([K || {K, _} <- Info])),
    ?assertEqual({size, 0}, lists:keyfind(size, 1, Info)),
    ?assertEqual({id, T}, lists:keyfind(id, 1, Info)),
    ets:delete(T).

info_bad_item_badarg_test() ->
    T = ets:new(t, []),
    ?assertError(badarg, ets:info(T, no_such_item)),
    ets:delete(T).

info_fixed_test() ->
    T = ets:new(t, []),
    ?assertEqual(false, ets:info(T, fixed)),
    ?assertEqual(false, ets:info(T, safe_fixed)),
    ets:delete(T).

%% ---- tab2list ---------------------------------------------------------------

tab2list_set_test() ->
    T = ets:new(t, [set]),
    ets:insert(T, [{b, 2}, {a, 1}, {c, 3}]),
    ?assertEqual([{a, 1}, {b, 2}, {c, 3}], lists:sort(ets:tab2list(T))),
    ets:delete(T).

tab2list_ordered_set_term_order_test() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{"s"}, {b}, {2.5}, {{t}}, {1}, {a}, {<<"bin">>}, {[]}]),
    ?assertEqual([{1}, {2.5}, {a}, {b}, {{t}}, {[]}, {"s"}, {<<"bin">>}], ets:tab2list(T)),
    ets:delete(T).

tab2list_empty_test() ->
    T = ets:new(t, [ordered_set]),
    ?assertEqual([], ets:tab2list(T)),
    ets:delete(T).
