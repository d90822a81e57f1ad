%% @doc Algorithms on directed graphs, compatible with OTP 25's
%% `digraph_utils': depth-first orders, components, reachability,
%% topological sorting, tree tests, subgraphs and condensation.
%%
%% Everything is built from one depth-first walk (`forest/4'), run over
%% out-neighbours, in-neighbours or both, from a given list of roots, so
%% that the lists returned (the order of the trees and of the vertices in
%% each) are the ones OTP's produce for the same graph. Visited vertices
%% are kept in a map: the walk is private to one call.
-module(digraph_utils).

%% Orders
-export([preorder/1, postorder/1, topsort/1]).
%% Components
-export([components/1, strong_components/1, cyclic_strong_components/1,
         condensation/1]).
%% Reachability
-export([reachable/2, reachable_neighbours/2, reaching/2,
         reaching_neighbours/2]).
%% Properties
-export([is_acyclic/1, is_arborescence/1, arborescence_root/1, is_tree/1,
         loop_vertices/1]).
%% Subgraphs
-export([subgraph/2, subgraph/3]).

%%% ===================================================================
%%% Orders
%%% ===================================================================

%% @doc The vertices in depth-first preorder (following out-edges).
-spec preorder(Digraph) -> Vertices when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()].
preorder(G) ->
    lists:reverse(lists:append(forest(G, fun out/3, digraph:vertices(G), first))).

%% @doc The vertices in depth-first postorder (following out-edges).
-spec postorder(Digraph) -> Vertices when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()].
postorder(G) -> lists:reverse(revpostorder(G)).

%% @doc The vertices in an order where every edge goes forwards, or
%% `false' if the graph has a cycle (a loop counts only if it is the
%% only edge of a component: the test counts strong components).
-spec topsort(Digraph) -> Vertices | false when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()].
topsort(G) ->
    Order = revpostorder(G),
    %% Walking in-edges in reverse postorder gives one tree per strong
    %% component; all singletons means no cycle of two or more.
    case length(forest(G, fun in/3, Order, first)) =:= digraph:no_vertices(G) of
        true -> Order;
        false -> false
    end.

%%% ===================================================================
%%% Components
%%% ===================================================================

%% @doc The connected components, edges taken as undirected.
-spec components(Digraph) -> [Component] when
      Digraph :: digraph:graph(), Component :: [digraph:vertex()].
components(G) -> forest(G, fun inout/3, digraph:vertices(G), first).

%% @doc The strongly connected components.
-spec strong_components(Digraph) -> [StrongComponent] when
      Digraph :: digraph:graph(), StrongComponent :: [digraph:vertex()].
strong_components(G) -> forest(G, fun in/3, revpostorder(G), first).

%% @doc The strongly connected components that hold a cycle: those of
%% two or more vertices, and single vertices with a loop.
-spec cyclic_strong_components(Digraph) -> [StrongComponent] when
      Digraph :: digraph:graph(), StrongComponent :: [digraph:vertex()].
cyclic_strong_components(G) ->
    %% Reversed from strong_components/1, as OTP's result is.
    lists:foldl(fun([V] = C, Acc) ->
                        case is_loop(G, V) of
                            true -> [C | Acc];
                            false -> Acc
                        end;
                   (C, Acc) ->
                        [C | Acc]
                end, [], strong_components(G)).

%% @doc A new graph (of the same type) whose vertices are the strong
%% components of `Digraph', with an edge from one component to another
%% whenever some edge of `Digraph' joins them.
-spec condensation(Digraph) -> CondensedDigraph when
      Digraph :: digraph:graph(), CondensedDigraph :: digraph:graph().
condensation(G) ->
    SCs = strong_components(G),
    {CompOf, _} = lists:foldl(
                    fun(SC, {M, N}) ->
                            {lists:foldl(fun(V, M1) -> M1#{V => N} end, M, SC),
                             N + 1}
                    end, {#{}, 1}, SCs),
    ByIndex = maps:from_list(lists:zip(lists:seq(1, length(SCs)), SCs)),
    CG = subgraph(G, []),
    lists:foreach(
      fun(SC) ->
              %% The components SC's edges reach, once each, by number
              %% (the order OTP's integer-keyed table gives them).
              Targets = lists:usort([maps:get(W, CompOf)
                                     || V <- SC,
                                        W <- digraph:out_neighbours(G, V)]),
              digraph:add_vertex(CG, SC),
              lists:foreach(
                fun(I) ->
                        C = maps:get(I, ByIndex),
                        digraph:add_vertex(CG, C),
                        _ = [digraph:add_edge(CG, SC, C) || C =/= SC]
                end, Targets)
      end, SCs),
    CG.

%%% ===================================================================
%%% Reachability
%%% ===================================================================

%% @doc The vertices reachable from `Vertices' (including them) along
%% paths of zero or more edges.
-spec reachable(Vertices, Digraph) -> Reachable when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()],
      Reachable :: [digraph:vertex()].
reachable(Vs, G) when is_list(Vs) ->
    lists:append(forest(G, fun out/3, Vs, first)).

%% @doc The vertices reachable from `Vertices' along paths of one or
%% more edges.
-spec reachable_neighbours(Vertices, Digraph) -> Reachable when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()],
      Reachable :: [digraph:vertex()].
reachable_neighbours(Vs, G) when is_list(Vs) ->
    lists:append(forest(G, fun out/3, Vs, not_first)).

%% @doc The vertices `Vertices' can be reached from (including them)
%% along paths of zero or more edges.
-spec reaching(Vertices, Digraph) -> Reaching when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()],
      Reaching :: [digraph:vertex()].
reaching(Vs, G) when is_list(Vs) ->
    lists:append(forest(G, fun in/3, Vs, first)).

%% @doc The vertices `Vertices' can be reached from along paths of one
%% or more edges.
-spec reaching_neighbours(Vertices, Digraph) -> Reaching when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()],
      Reaching :: [digraph:vertex()].
reaching_neighbours(Vs, G) when is_list(Vs) ->
    lists:append(forest(G, fun in/3, Vs, not_first)).

%%% ===================================================================
%%% Properties
%%% ===================================================================

%% @doc True if the graph has neither loops nor cycles.
-spec is_acyclic(Digraph) -> boolean() when Digraph :: digraph:graph().
is_acyclic(G) ->
    loop_vertices(G) =:= [] andalso topsort(G) =/= false.

%% @doc True if the graph is an arborescence (a rooted tree with every
%% edge pointing away from the root).
-spec is_arborescence(Digraph) -> boolean() when Digraph :: digraph:graph().
is_arborescence(G) -> arborescence_root(G) =/= no.

%% @doc `{yes, Root}' if the graph is an arborescence, else `no'.
-spec arborescence_root(Digraph) -> no | {yes, Root} when
      Digraph :: digraph:graph(), Root :: digraph:vertex().
arborescence_root(G) ->
    %% With one edge fewer than vertices, one vertex of in-degree 0 and
    %% all others of in-degree 1 make a tree.
    case digraph:no_edges(G) =:= digraph:no_vertices(G) - 1 of
        true -> find_root(G, digraph:vertices(G), none);
        false -> no
    end.

find_root(_G, [], none) -> no;
find_root(_G, [], {Root}) -> {yes, Root};
find_root(G, [V | Vs], Root) ->
    case {digraph:in_degree(G, V), Root} of
        {1, _} -> find_root(G, Vs, Root);
        {0, none} -> find_root(G, Vs, {V});
        _ -> no
    end.

%% @doc True if the graph is a tree: connected, edges taken as
%% undirected, with one edge fewer than vertices.
-spec is_tree(Digraph) -> boolean() when Digraph :: digraph:graph().
is_tree(G) ->
    digraph:no_edges(G) =:= digraph:no_vertices(G) - 1
        andalso length(components(G)) =:= 1.

%% @doc The vertices with a loop (an edge to themselves).
-spec loop_vertices(Digraph) -> Vertices when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()].
loop_vertices(G) -> [V || V <- digraph:vertices(G), is_loop(G, V)].

is_loop(G, V) -> lists:member(V, digraph:out_neighbours(G, V)).

%%% ===================================================================
%%% Subgraphs
%%% ===================================================================

%% @doc The subgraph on `Vertices' (those of them in `Digraph'), of the
%% same type, with labels kept.
-spec subgraph(Digraph, Vertices) -> SubGraph when
      Digraph :: digraph:graph(), Vertices :: [digraph:vertex()],
      SubGraph :: digraph:graph().
subgraph(G, Vs) -> subgraph(G, Vs, []).

%% @doc The subgraph on `Vertices', with options `{type, inherit |
%% [d_type()]}' and `{keep_labels, boolean()}'; bad options fail with
%% `badarg'. Edges the new type forbids (cycles in an acyclic subgraph)
%% are left out.
-spec subgraph(Digraph, Vertices, Options) -> SubGraph when
      Digraph :: digraph:graph(), SubGraph :: digraph:graph(),
      Vertices :: [digraph:vertex()],
      Options :: [{type, SubgraphType} | {keep_labels, boolean()}],
      SubgraphType :: inherit | [digraph:d_type()].
subgraph(G, Vs, Opts) ->
    {Type, Keep} = subgraph_opts(Opts, inherit, true),
    Types = case Type of
                inherit ->
                    Info = digraph:info(G),
                    [proplists:get_value(cyclicity, Info),
                     proplists:get_value(protection, Info)];
                _ ->
                    Type
            end,
    SG = digraph:new(Types),
    lists:foreach(
      fun(V) ->
              case digraph:vertex(G, V) of
                  false -> ok;
                  {_, L} -> digraph:add_vertex(SG, V, label(Keep, L))
              end
      end, Vs),
    lists:foreach(
      fun(V) ->
              lists:foreach(
                fun(E) ->
                        {_, V1, V2, L} = digraph:edge(G, E),
                        case digraph:vertex(SG, V2) of
                            false -> ok;
                            _ -> digraph:add_edge(SG, E, V1, V2, label(Keep, L))
                        end
                end, digraph:out_edges(G, V))
      end, digraph:vertices(SG)),
    SG.

subgraph_opts([{type, T} | Opts], _, Keep) when T =:= inherit; is_list(T) ->
    subgraph_opts(Opts, T, Keep);
subgraph_opts([{keep_labels, K} | Opts], T, _) when is_boolean(K) ->
    subgraph_opts(Opts, T, K);
subgraph_opts([], T, Keep) ->
    {T, Keep};
subgraph_opts(_, _, _) ->
    erlang:error(badarg).

label(true, L) -> L;
label(false, _) -> [].

%%% ===================================================================
%%% Depth-first walks
%%% ===================================================================

%% A depth-first forest from Roots, one tree per root not yet visited,
%% each tree listing its vertices in reverse visiting order and the trees
%% themselves in reverse order (OTP's shape, which the orders above rely
%% on). With not_first, a root is not itself entered: the walk starts at
%% its neighbours, so the root appears only if a path leads back to it.
forest(G, Next, Roots, HandleFirst) ->
    {Trees, _} =
        lists:foldl(
          fun(V, {Acc, Seen}) ->
                  Start = case HandleFirst of
                              first -> [V];
                              not_first when is_map_key(V, Seen) -> [];
                              not_first -> Next(G, V, [])
                          end,
                  case walk(G, Next, Start, Seen, []) of
                      {[], Seen1} -> {Acc, Seen1};
                      {Tree, Seen1} -> {[Tree | Acc], Seen1}
                  end
          end, {[], #{}}, Roots),
    Trees.

walk(_G, _Next, [], Seen, Tree) ->
    {Tree, Seen};
walk(G, Next, [V | Vs], Seen, Tree) when is_map_key(V, Seen) ->
    walk(G, Next, Vs, Seen, Tree);
walk(G, Next, [V | Vs], Seen, Tree) ->
    walk(G, Next, Next(G, V, Vs), Seen#{V => true}, [V | Tree]).

%% Reverse postorder over out-edges, from every vertex in turn: each
%% vertex comes before everything first reached from it.
revpostorder(G) ->
    {Order, _} = post(G, digraph:vertices(G), #{}, []),
    Order.

post(_G, [], Seen, Acc) ->
    {Acc, Seen};
post(G, [V | Vs], Seen, Acc) when is_map_key(V, Seen) ->
    post(G, Vs, Seen, Acc);
post(G, [V | Vs], Seen, Acc) ->
    {Below, Seen1} = post(G, digraph:out_neighbours(G, V), Seen#{V => true}, Acc),
    post(G, Vs, Seen1, [V | Below]).

out(G, V, Vs) -> digraph:out_neighbours(G, V) ++ Vs.

in(G, V, Vs) -> digraph:in_neighbours(G, V) ++ Vs.

inout(G, V, Vs) -> in(G, V, out(G, V, Vs)).
