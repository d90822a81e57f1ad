-module(digraph_utils_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: digraph_utils of OTP 25 (stdlib-4.2): components,
%% strong and cyclic strong components, condensation, reachable and
%% reaching (with and without the start vertices), pre/postorder and
%% topsort (checked as orders, since the walk starts from vertices/1,
%% whose order OTP leaves unspecified), is_acyclic, arborescence_root,
%% is_arborescence, is_tree, loop_vertices and subgraph/2,3 (types,
%% labels, badarg). Results whose order depends on vertices/1 are
%% normalized with ss/1 before comparing.

%% Sorted, and sorted within.
ss(Ls) -> lists:sort([lists:sort(L) || L <- Ls]).
s(L) -> lists:sort(L).

graph(Es) -> graph([], Es).

graph(Type, Es) ->
    G = digraph:new(Type),
    lists:foreach(fun({A, B}) ->
                          digraph:add_vertex(G, A),
                          digraph:add_vertex(G, B),
                          digraph:add_edge(G, A, B);
                     (V) ->
                          digraph:add_vertex(G, V)
                  end, Es),
    G.

%% Two cycles joined by one edge, a loop vertex and a lone vertex.
sample() ->
    graph([{a, b}, {b, c}, {c, a}, {c, d}, {d, e}, {e, d}, {f, f}, g]).

%% Every edge goes forward in Order (ignoring loops).
forward(G, Order) ->
    Pos = maps:from_list(lists:zip(Order, lists:seq(1, length(Order)))),
    lists:all(fun(E) ->
                      {_, A, B, _} = digraph:edge(G, E),
                      A =:= B orelse maps:get(A, Pos) < maps:get(B, Pos)
              end, digraph:edges(G)).

%% ---- components -------------------------------------------------------------

components_test() ->
    G = sample(),
    ?assertEqual([[a, b, c, d, e], [f], [g]], ss(digraph_utils:components(G))),
    ?assertEqual([], digraph_utils:components(digraph:new())).

strong_components_test() ->
    G = sample(),
    ?assertEqual([[a, b, c], [d, e], [f], [g]],
                 ss(digraph_utils:strong_components(G))),
    ?assertEqual([[a, b, c], [d, e], [f]],
                 ss(digraph_utils:cyclic_strong_components(G))).

strong_components_order_test() ->
    %% In a chain, the components come out in reverse topological order.
    G = graph([{1, 2}, {2, 3}, {3, 4}]),
    SCs = digraph_utils:strong_components(G),
    ?assertEqual([[1], [2], [3], [4]], ss(SCs)),
    ?assert(forward(G, lists:append(lists:reverse(SCs)))).

condensation_test() ->
    G = sample(),
    C = digraph_utils:condensation(G),
    Vs = s([s(V) || V <- digraph:vertices(C)]),
    ?assertEqual([[a, b, c], [d, e], [f], [g]], Vs),
    Es = s([{s(A), s(B)} || E <- digraph:edges(C),
                            {_, A, B, _} <- [digraph:edge(C, E)]]),
    ?assertEqual([{[a, b, c], [d, e]}], Es),
    ?assertMatch([{cyclicity, cyclic} | _], digraph:info(C)).

condensation_acyclic_test() ->
    G = graph([acyclic], [{a, b}, {b, c}, {a, c}]),
    C = digraph_utils:condensation(G),
    ?assertEqual(3, digraph:no_edges(C)),
    ?assertEqual([[a], [b], [c]], s(digraph:vertices(C))),
    ?assertEqual(s([[b], [c]]), s(digraph:out_neighbours(C, [a]))),
    ?assertMatch([{cyclicity, acyclic} | _], digraph:info(C)).

%% ---- reachability -----------------------------------------------------------

reachable_test() ->
    G = sample(),
    ?assertEqual([a, b, c, d, e], s(digraph_utils:reachable([a], G))),
    ?assertEqual([d, e], s(digraph_utils:reachable([d], G))),
    ?assertEqual([g], digraph_utils:reachable([g], G)),
    ?assertEqual([], digraph_utils:reachable_neighbours([g], G)),
    ?assertEqual([f], digraph_utils:reachable_neighbours([f], G)),
    ?assertEqual([a, b, c, d, e], s(digraph_utils:reachable_neighbours([a], G))),
    ?assertEqual([], digraph_utils:reachable([], G)).

reachable_order_test() ->
    %% Starting from one vertex of a chain, the order is the walk's.
    G = graph([{1, 2}, {2, 3}, {3, 4}]),
    ?assertEqual([4, 3, 2, 1], digraph_utils:reachable([1], G)),
    ?assertEqual([4, 3, 2], digraph_utils:reachable_neighbours([1], G)),
    ?assertEqual([1, 2, 3], digraph_utils:reaching([3], G)),
    ?assertEqual([1, 2], digraph_utils:reaching_neighbours([3], G)),
    ?assertEqual([4, 3, 2], digraph_utils:reachable_neighbours([1, 2], G)),
    ?assertEqual([1, 4, 3, 2], digraph_utils:reachable([2, 1], G)).

reaching_test() ->
    G = sample(),
    ?assertEqual([a, b, c, d, e], s(digraph_utils:reaching([d], G))),
    ?assertEqual([a, b, c], s(digraph_utils:reaching([a], G))),
    ?assertEqual([a, b, c], s(digraph_utils:reaching_neighbours([a], G))),
    ?assertEqual([], digraph_utils:reaching_neighbours([g], G)),
    ?assertError(function_clause, digraph_utils:reaching(a, G)).

%% ---- orders ---------------------------------------------------------------------

topsort_test() ->
    G = graph([{a, b}, {b, c}, {a, c}, {d, c}, {c, e}]),
    T = digraph_utils:topsort(G),
    ?assertEqual([a, b, c, d, e], s(T)),
    ?assert(forward(G, T)),
    ?assertEqual(false, digraph_utils:topsort(sample())),
    ?assertEqual([], digraph_utils:topsort(digraph:new())).

topsort_loop_test() ->
    %% A loop alone does not stop topsort, but is_acyclic sees it.
    G = graph([{a, b}, {b, b}]),
    ?assertEqual([a, b], digraph_utils:topsort(G)),
    ?assertEqual(false, digraph_utils:is_acyclic(G)).

pre_post_order_test() ->
    G = graph([{r, x}, {x, y}]),
    Pre = digraph_utils:preorder(G),
    Post = digraph_utils:postorder(G),
    ?assertEqual([r, x, y], s(Pre)),
    ?assertEqual([r, x, y], s(Post)),
    %% y is last in any preorder walk reaching it from x, first in postorder.
    ?assertEqual(y, hd(Post)),
    ?assert(lists:member(Pre, [[r, x, y], [x, y, r], [y, r, x], [y, x, r]])),
    ?assertEqual([a], digraph_utils:preorder(graph([a]))).

%% ---- properties -----------------------------------------------------------------

acyclic_test() ->
    ?assertEqual(true, digraph_utils:is_acyclic(graph([{a, b}, {b, c}, {a, c}]))),
    ?assertEqual(false, digraph_utils:is_acyclic(sample())),
    ?assertEqual(true, digraph_utils:is_acyclic(digraph:new())).

arborescence_test() ->
    T = graph([{r, a}, {r, b}, {a, c}]),
    ?assertEqual({yes, r}, digraph_utils:arborescence_root(T)),
    ?assertEqual(true, digraph_utils:is_arborescence(T)),
    ?assertEqual(true, digraph_utils:is_tree(T)),
    U = graph([{a, r}, {b, r}]),
    ?assertEqual(no, digraph_utils:arborescence_root(U)),
    ?assertEqual(false, digraph_utils:is_arborescence(U)),
    ?assertEqual(true, digraph_utils:is_tree(U)),
    ?assertEqual({yes, x}, digraph_utils:arborescence_root(graph([x]))),
    ?assertEqual(no, digraph_utils:arborescence_root(digraph:new())),
    ?assertEqual(false, digraph_utils:is_tree(digraph:new())),
    %% Only edge count and in-degrees are looked at: a 2-cycle beside a
    %% lone vertex passes as an arborescence rooted there.
    C = graph([{a, b}, {b, a}, c]),
    ?assertEqual({yes, c}, digraph_utils:arborescence_root(C)),
    D = graph([{a, b}, {c, b}, d]),
    ?assertEqual(no, digraph_utils:arborescence_root(D)),
    ?assertEqual(false, digraph_utils:is_tree(C)).

loop_vertices_test() ->
    G = graph([{a, a}, {a, b}, {c, c}, {b, c}]),
    ?assertEqual([a, c], s(digraph_utils:loop_vertices(G))),
    ?assertEqual([], digraph_utils:loop_vertices(graph([{a, b}]))).

%% ---- subgraphs ------------------------------------------------------------------

subgraph_test() ->
    G = digraph:new(),
    digraph:add_vertex(G, a, la),
    digraph:add_vertex(G, b, lb),
    digraph:add_vertex(G, c, lc),
    digraph:add_edge(G, e1, a, b, l1),
    digraph:add_edge(G, e2, b, c, l2),
    digraph:add_edge(G, e3, c, a, l3),
    S = digraph_utils:subgraph(G, [a, b, nonexistent]),
    ?assertEqual([a, b], s(digraph:vertices(S))),
    ?assertEqual([e1], digraph:edges(S)),
    ?assertEqual({a, la}, digraph:vertex(S, a)),
    ?assertEqual({e1, a, b, l1}, digraph:edge(S, e1)),
    S2 = digraph_utils:subgraph(G, [b, c], [{keep_labels, false}]),
    ?assertEqual({b, []}, digraph:vertex(S2, b)),
    ?assertEqual({e2, b, c, []}, digraph:edge(S2, e2)),
    ?assertMatch([{cyclicity, cyclic}, _, {protection, protected}],
                 digraph:info(S2)),
    S3 = digraph_utils:subgraph(G, [a, b, c], [{type, [acyclic, private]}]),
    %% One of the three edges closes the cycle and is left out.
    ?assertEqual(2, digraph:no_edges(S3)),
    ?assertMatch([{cyclicity, acyclic}, _, {protection, private}],
                 digraph:info(S3)),
    S4 = digraph_utils:subgraph(G, [a], [{type, inherit}, {keep_labels, true}]),
    ?assertEqual({a, la}, digraph:vertex(S4, a)).

subgraph_badarg_test() ->
    G = graph([{a, b}]),
    ?assertError(badarg, digraph_utils:subgraph(G, [a], [{type, bad}])),
    ?assertError(badarg, digraph_utils:subgraph(G, [a], [{keep_labels, 1}])),
    ?assertError(badarg, digraph_utils:subgraph(G, [a], [bogus])),
    ?assertError(badarg, digraph_utils:subgraph(G, [a], [{type, [public]}])),
    ?assertError(badarg, digraph_utils:subgraph(G, [a], notalist)).
