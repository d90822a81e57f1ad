-module(digraph_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: digraph of OTP 25 (stdlib-4.2): new/0,1 (types, badarg),
%% info/1, vertices and edges (default names, labels, relabelling,
%% deletion), neighbourhoods and degrees (whose order, the reverse of
%% insertion, is specified by the tables), add_edge errors (bad_vertex,
%% bad_edge for a reused name and for cycles in acyclic graphs),
%% get_path/get_cycle (depth first), get_short_path/get_short_cycle
%% (breadth first) and del_path/3. vertices/1 and edges/1 come out in
%% table order, which OTP leaves unspecified, so those are sorted.

s(L) -> lists:sort(L).

%% a -> b -> c -> d, a -> c
chain() ->
    G = digraph:new(),
    [digraph:add_vertex(G, V) || V <- [a, b, c, d]],
    digraph:add_edge(G, a, b),
    digraph:add_edge(G, b, c),
    digraph:add_edge(G, c, d),
    digraph:add_edge(G, a, c),
    G.

%% ---- graphs -------------------------------------------------------------------

new_info_test() ->
    G = digraph:new(),
    ?assertMatch([{cyclicity, cyclic}, {memory, M}, {protection, protected}]
                   when is_integer(M), digraph:info(G)),
    true = digraph:delete(G),
    G2 = digraph:new([acyclic, private]),
    ?assertMatch([{cyclicity, acyclic}, {memory, _}, {protection, private}],
                 digraph:info(G2)),
    %% The first cyclicity given wins, the last protection.
    G3 = digraph:new([acyclic, cyclic, private, protected]),
    ?assertMatch([{cyclicity, acyclic}, _, {protection, protected}],
                 digraph:info(G3)),
    G4 = digraph:new([cyclic, acyclic, protected, private]),
    ?assertMatch([{cyclicity, cyclic}, _, {protection, private}],
                 digraph:info(G4)),
    ?assertEqual(true, digraph:delete(G3)).

new_badarg_test() ->
    ?assertError(badarg, digraph:new([public])),
    ?assertError(badarg, digraph:new(cyclic)),
    ?assertError(badarg, digraph:new([cyclic | private])).

record_shape_test() ->
    G = digraph:new(),
    ?assertMatch({digraph, _, _, _, true}, G),
    ?assertMatch({digraph, _, _, _, false}, digraph:new([acyclic])).

%% ---- vertices ---------------------------------------------------------------

vertex_names_test() ->
    G = digraph:new(),
    ?assertEqual(['$v' | 0], digraph:add_vertex(G)),
    ?assertEqual(['$v' | 1], digraph:add_vertex(G)),
    ?assertEqual(x, digraph:add_vertex(G, x)),
    ?assertEqual(['$v' | 2], digraph:add_vertex(G)),
    ?assertEqual(4, digraph:no_vertices(G)),
    ?assertEqual(s([['$v' | 0], ['$v' | 1], ['$v' | 2], x]),
                 s(digraph:vertices(G))).

vertex_labels_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, v, lab),
    ?assertEqual({v, lab}, digraph:vertex(G, v)),
    digraph:add_vertex(G, v),
    ?assertEqual({v, []}, digraph:vertex(G, v)),
    digraph:add_vertex(G, v, {new, label}),
    ?assertEqual({v, {new, label}}, digraph:vertex(G, v)),
    ?assertEqual(false, digraph:vertex(G, w)),
    ?assertEqual(1, digraph:no_vertices(G)).

del_vertex_test() ->
    G = chain(),
    ?assertEqual(true, digraph:del_vertex(G, c)),
    ?assertEqual(s([a, b, d]), s(digraph:vertices(G))),
    ?assertEqual(1, digraph:no_edges(G)),
    ?assertEqual([b], digraph:out_neighbours(G, a)),
    ?assertEqual([], digraph:in_neighbours(G, d)),
    ?assertEqual(true, digraph:del_vertex(G, nonexistent)),
    ?assertEqual(true, digraph:del_vertices(G, [a, b])),
    ?assertEqual([d], digraph:vertices(G)),
    ?assertEqual(0, digraph:no_edges(G)).

del_vertex_loop_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a),
    E = digraph:add_edge(G, a, a),
    ?assertEqual([E], digraph:edges(G, a) -- [E]),
    digraph:del_vertex(G, a),
    ?assertEqual([], digraph:edges(G)),
    ?assertEqual(false, digraph:edge(G, E)).

source_sink_test() ->
    G = chain(),
    digraph:add_vertex(G, lone),
    ?assertEqual(s([a, lone]), s(digraph:source_vertices(G))),
    ?assertEqual(s([d, lone]), s(digraph:sink_vertices(G))),
    digraph:add_edge(G, d, d),
    ?assertEqual(s([lone]), s(digraph:sink_vertices(G))).

%% ---- edges --------------------------------------------------------------------

edge_names_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a),
    digraph:add_vertex(G, b),
    ?assertEqual(['$e' | 0], digraph:add_edge(G, a, b)),
    ?assertEqual(['$e' | 1], digraph:add_edge(G, a, b, lab)),
    ?assertEqual(my_edge, digraph:add_edge(G, my_edge, b, a, l2)),
    ?assertEqual({['$e' | 1], a, b, lab}, digraph:edge(G, ['$e' | 1])),
    ?assertEqual({my_edge, b, a, l2}, digraph:edge(G, my_edge)),
    ?assertEqual(false, digraph:edge(G, nope)),
    ?assertEqual(3, digraph:no_edges(G)),
    ?assertEqual(s([['$e' | 0], ['$e' | 1], my_edge]), s(digraph:edges(G))).

failed_add_uses_name_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a),
    ?assertEqual({error, {bad_vertex, b}}, digraph:add_edge(G, a, b)),
    ?assertEqual({error, {bad_vertex, c}}, digraph:add_edge(G, c, a)),
    digraph:add_vertex(G, b),
    ?assertEqual(['$e' | 2], digraph:add_edge(G, a, b)).

bad_vertex_order_test() ->
    G = digraph:new(),
    ?assertEqual({error, {bad_vertex, x}}, digraph:add_edge(G, x, y)),
    ?assertEqual({error, {bad_vertex, x}}, digraph:add_edge(G, e, x, y, l)).

relabel_edge_test() ->
    G = digraph:new(),
    [digraph:add_vertex(G, V) || V <- [a, b, c]],
    e = digraph:add_edge(G, e, a, b, one),
    ?assertEqual(e, digraph:add_edge(G, e, a, b, two)),
    ?assertEqual({e, a, b, two}, digraph:edge(G, e)),
    ?assertEqual(1, digraph:out_degree(G, a)),
    ?assertEqual({error, {bad_edge, [a, c]}}, digraph:add_edge(G, e, a, c, x)),
    ?assertEqual({error, {bad_edge, [c, b]}}, digraph:add_edge(G, e, c, b, x)),
    ?assertEqual({e, a, b, two}, digraph:edge(G, e)).

parallel_edges_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a),
    digraph:add_vertex(G, b),
    E1 = digraph:add_edge(G, a, b),
    E2 = digraph:add_edge(G, a, b),
    ?assertEqual([b, b], digraph:out_neighbours(G, a)),
    ?assertEqual([a, a], digraph:in_neighbours(G, b)),
    ?assertEqual(s([E1, E2]), s(digraph:out_edges(G, a))),
    ?assertEqual(2, digraph:in_degree(G, b)),
    ?assertEqual(true, digraph:del_edge(G, E1)),
    ?assertEqual([E2], digraph:out_edges(G, a)),
    ?assertEqual(true, digraph:del_edge(G, E1)),
    ?assertEqual(true, digraph:del_edges(G, [E2, nope])),
    ?assertEqual(0, digraph:no_edges(G)).

neighbour_order_test() ->
    G = digraph:new(),
    [digraph:add_vertex(G, V) || V <- [h, x, y, z]],
    digraph:add_edge(G, h, y),
    digraph:add_edge(G, h, z),
    digraph:add_edge(G, h, x),
    digraph:add_edge(G, z, x),
    ?assertEqual([x, z, y], digraph:out_neighbours(G, h)),
    ?assertEqual([z, h], digraph:in_neighbours(G, x)),
    ?assertEqual([['$e' | 0], ['$e' | 1], ['$e' | 2]], digraph:out_edges(G, h)),
    ?assertEqual([['$e' | 2], ['$e' | 3]], digraph:in_edges(G, x)),
    ?assertEqual(3, digraph:out_degree(G, h)),
    ?assertEqual(0, digraph:in_degree(G, h)),
    ?assertEqual(0, digraph:out_degree(G, nonexistent)),
    ?assertEqual(s([['$e' | 1], ['$e' | 3]]), s(digraph:edges(G, z))).

%% ---- acyclic graphs ---------------------------------------------------------

acyclic_test() ->
    G = digraph:new([acyclic]),
    [digraph:add_vertex(G, V) || V <- [a, b, c]],
    digraph:add_edge(G, a, b),
    digraph:add_edge(G, b, c),
    ?assertEqual({error, {bad_edge, [a, a]}}, digraph:add_edge(G, a, a)),
    ?assertEqual({error, {bad_edge, [a, b, c]}}, digraph:add_edge(G, c, a)),
    ?assertEqual({error, {bad_edge, [b, c]}}, digraph:add_edge(G, c, b)),
    ?assertMatch(['$e' | _], digraph:add_edge(G, a, c)),
    ?assertEqual(3, digraph:no_edges(G)).

%% ---- paths and cycles ---------------------------------------------------------

get_path_test() ->
    G = chain(),
    %% out_neighbours(a) is [c, b]: the depth-first walk tries c first.
    ?assertEqual([a, c, d], digraph:get_path(G, a, d)),
    ?assertEqual([a, c], digraph:get_path(G, a, c)),
    ?assertEqual([b, c, d], digraph:get_path(G, b, d)),
    ?assertEqual(false, digraph:get_path(G, d, a)),
    ?assertEqual(false, digraph:get_path(G, a, a)),
    ?assertEqual(false, digraph:get_path(G, a, nowhere)).

get_path_deep_test() ->
    G = digraph:new(),
    [digraph:add_vertex(G, V) || V <- lists:seq(1, 6)],
    digraph:add_edge(G, 1, 2),
    digraph:add_edge(G, 2, 3),
    digraph:add_edge(G, 3, 6),
    digraph:add_edge(G, 1, 4),
    digraph:add_edge(G, 4, 5),
    digraph:add_edge(G, 5, 2),
    ?assertEqual([1, 4, 5, 2, 3, 6], digraph:get_path(G, 1, 6)),
    ?assertEqual([1, 2, 3, 6], digraph:get_short_path(G, 1, 6)).

get_cycle_test() ->
    G = chain(),
    ?assertEqual(false, digraph:get_cycle(G, a)),
    digraph:add_edge(G, d, a),
    ?assertEqual([a, c, d, a], digraph:get_cycle(G, a)),
    ?assertEqual([c, d, a, c], digraph:get_cycle(G, c)),
    ?assertEqual([a, c, d, a], digraph:get_short_cycle(G, a)),
    ?assertEqual([b, c, d, a, b], digraph:get_short_cycle(G, b)).

loop_cycle_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a),
    digraph:add_vertex(G, b),
    digraph:add_edge(G, a, a),
    ?assertEqual([a], digraph:get_cycle(G, a)),
    ?assertEqual([a, a], digraph:get_short_cycle(G, a)),
    ?assertEqual([a, a], digraph:get_path(G, a, a)),
    digraph:add_edge(G, a, b),
    digraph:add_edge(G, b, a),
    ?assertEqual([a, b, a], digraph:get_cycle(G, a)),
    ?assertEqual([a, a], digraph:get_short_cycle(G, a)),
    ?assertEqual(false, digraph:get_short_cycle(G, nowhere)).

short_path_test() ->
    G = chain(),
    ?assertEqual([a, c, d], digraph:get_short_path(G, a, d)),
    ?assertEqual([a, b], digraph:get_short_path(G, a, b)),
    ?assertEqual(false, digraph:get_short_path(G, d, a)),
    ?assertEqual(false, digraph:get_short_path(G, a, a)).

del_path_test() ->
    G = chain(),
    E = digraph:add_edge(G, b, c),
    ?assertEqual(true, digraph:del_path(G, a, d)),
    ?assertEqual(false, digraph:get_path(G, a, d)),
    %% Path [a,c,d] goes first (a -> c, c -> d), then nothing leads to d.
    ?assertEqual(s([['$e' | 0], ['$e' | 1], E]), s(digraph:edges(G))),
    %% Both edges b -> c go with the path [a,b,c].
    ?assertEqual(true, digraph:del_path(G, a, c)),
    ?assertEqual([], digraph:out_edges(G, b)),
    ?assertEqual([], digraph:out_edges(G, a)),
    ?assertEqual(0, digraph:no_edges(G)).

private_table_test() ->
    G = digraph:new([private]),
    digraph:add_vertex(G, a),
    Self = self(),
    spawn(fun() ->
                  Self ! {res, catch digraph:vertex(G, a)}
          end),
    receive {res, R} -> ?assertMatch({'EXIT', {badarg, _}}, R) end,
    G2 = digraph:new(),
    digraph:add_vertex(G2, a),
    spawn(fun() -> Self ! {res, digraph:vertex(G2, a)} end),
    receive {res, R2} -> ?assertEqual({a, []}, R2) end.

delete_test() ->
    G = chain(),
    true = digraph:delete(G),
    ?assertError(badarg, digraph:vertices(G)).
