%% @doc Directed graphs, compatible with OTP 25's `digraph'.
%%
%% A graph is a record of three ets tables, so it is mutable and shared
%% in the same way as OTP's: `vertices' (a set of `{V, Label}'),
%% `edges' (a set of `{E, V1, V2, Label}') and `neighbours' (a bag of
%% `{{out, V1}, E}' and `{{in, V2}, E}', so that the edges at a vertex
%% are found by key, plus the two counters `$vid' and `$eid' that name
%% new vertices `['$v' | N]' and edges `['$e' | N]'). The record is the
%% same as OTP's (`{digraph, VTab, ETab, NTab, Cyclic}'), so code that
%% looks at it, and the names given to new vertices and edges, agree.
%%
%% Orders follow from the tables: neighbour lists come out in the reverse
%% of the order their edges were added, as in OTP; `vertices/1' and
%% `edges/1' come out in ferl's table order, which OTP leaves
%% unspecified.
-module(digraph).

%% Graphs
-export([new/0, new/1, delete/1, info/1]).
%% Vertices
-export([add_vertex/1, add_vertex/2, add_vertex/3, del_vertex/2,
         del_vertices/2, vertex/2, no_vertices/1, vertices/1,
         source_vertices/1, sink_vertices/1]).
%% Edges
-export([add_edge/3, add_edge/4, add_edge/5, del_edge/2, del_edges/2,
         del_path/3, edge/2, no_edges/1, edges/1]).
%% Neighbourhoods
-export([out_neighbours/2, in_neighbours/2, out_edges/2, in_edges/2,
         edges/2, out_degree/2, in_degree/2]).
%% Paths and cycles
-export([get_path/3, get_cycle/2, get_short_path/3, get_short_cycle/2]).

-export_type([graph/0, d_type/0, vertex/0, edge/0, label/0]).

-record(digraph, {vtab = notable :: ets:table(),
                  etab = notable :: ets:table(),
                  ntab = notable :: ets:table(),
                  cyclic = true :: boolean()}).

-opaque graph() :: #digraph{}.
-type edge() :: term().
-type label() :: term().
-type vertex() :: term().
-type d_protection() :: private | protected.
-type d_cyclicity() :: acyclic | cyclic.
-type d_type() :: d_cyclicity() | d_protection().
-type add_edge_err_rsn() :: {bad_edge, Path :: [vertex()]}
                          | {bad_vertex, V :: vertex()}.

%%% ===================================================================
%%% Graphs
%%% ===================================================================

%% @doc A new cyclic, protected graph.
-spec new() -> graph().
new() -> new([]).

%% @doc A new graph of the given types. Anything but a proper list of
%% `d_type()' fails with `badarg'. Of contradicting options, the first
%% cyclicity and the last protection win, as in OTP.
-spec new(Type) -> graph() when Type :: [d_type()].
new(Type) ->
    case parse_type(Type, protected, unset) of
        {ok, Access, Cyclic} ->
            VT = ets:new(vertices, [set, Access]),
            ET = ets:new(edges, [set, Access]),
            NT = ets:new(neighbours, [bag, Access]),
            true = ets:insert(NT, [{'$vid', 0}, {'$eid', 0}]),
            #digraph{vtab = VT, etab = ET, ntab = NT, cyclic = Cyclic};
        error ->
            erlang:error(badarg)
    end.

parse_type([cyclic | Ts], A, C) -> parse_type(Ts, A, first(C, true));
parse_type([acyclic | Ts], A, C) -> parse_type(Ts, A, first(C, false));
parse_type([protected | Ts], _, C) -> parse_type(Ts, protected, C);
parse_type([private | Ts], _, C) -> parse_type(Ts, private, C);
parse_type([], A, C) -> {ok, A, first(C, true)};
parse_type(_, _, _) -> error.

first(unset, C) -> C;
first(C, _) -> C.

%% @doc Deletes the graph's tables; the graph must not be used again.
-spec delete(G) -> true when G :: graph().
delete(#digraph{vtab = VT, etab = ET, ntab = NT}) ->
    ets:delete(VT),
    ets:delete(ET),
    ets:delete(NT).

%% @doc Cyclicity, memory (in words, over the three tables) and
%% protection of a graph.
-spec info(G) -> InfoList when
      G :: graph(),
      InfoList :: [{cyclicity, Cyclicity :: d_cyclicity()} |
                   {memory, NoWords :: non_neg_integer()} |
                   {protection, Protection :: d_protection()}].
info(#digraph{vtab = VT, etab = ET, ntab = NT, cyclic = C}) ->
    Cyclicity = case C of
                    true -> cyclic;
                    false -> acyclic
                end,
    Memory = ets:info(VT, memory) + ets:info(ET, memory)
        + ets:info(NT, memory),
    [{cyclicity, Cyclicity}, {memory, Memory},
     {protection, ets:info(VT, protection)}].

%%% ===================================================================
%%% Vertices
%%% ===================================================================

%% @doc Adds a new vertex named `['$v' | N]' with the label `[]'.
-spec add_vertex(G) -> vertex() when G :: graph().
add_vertex(G) -> add_vertex(G, fresh_name(G, '$vid', '$v'), []).

%% @doc Adds (or relabels to `[]') vertex `V'.
-spec add_vertex(G, V) -> vertex() when G :: graph(), V :: vertex().
add_vertex(G, V) -> add_vertex(G, V, []).

%% @doc Adds vertex `V' with label `Label', or relabels it.
-spec add_vertex(G, V, Label) -> vertex() when
      G :: graph(), V :: vertex(), Label :: label().
add_vertex(#digraph{vtab = VT}, V, Label) ->
    true = ets:insert(VT, {V, Label}),
    V.

%% @doc Deletes vertex `V' and every edge into or out of it.
-spec del_vertex(G, V) -> true when G :: graph(), V :: vertex().
del_vertex(#digraph{vtab = VT, ntab = NT} = G, V) ->
    %% The in-edges go first, then the out-edges; a loop is in both
    %% lists, and deleting an edge already gone is harmless.
    Es = [E || {_, E} <- ets:lookup(NT, {in, V}) ++ ets:lookup(NT, {out, V})],
    del_edges(G, Es),
    ets:delete(VT, V).

%% @doc Deletes each vertex of a list, as `del_vertex/2'.
-spec del_vertices(G, Vertices) -> true when
      G :: graph(), Vertices :: [vertex()].
del_vertices(G, [V | Vs]) ->
    del_vertex(G, V),
    del_vertices(G, Vs);
del_vertices(#digraph{}, []) ->
    true.

%% @doc `{V, Label}', or `false' if there is no vertex `V'.
-spec vertex(G, V) -> {V, Label} | false when
      G :: graph(), V :: vertex(), Label :: label().
vertex(#digraph{vtab = VT}, V) ->
    case ets:lookup(VT, V) of
        [VL] -> VL;
        [] -> false
    end.

%% @doc The number of vertices.
-spec no_vertices(G) -> non_neg_integer() when G :: graph().
no_vertices(#digraph{vtab = VT}) -> ets:info(VT, size).

%% @doc Every vertex, in no specified order.
-spec vertices(G) -> Vertices when G :: graph(), Vertices :: [vertex()].
vertices(#digraph{vtab = VT}) ->
    ets:select(VT, [{{'$1', '_'}, [], ['$1']}]).

%% @doc The vertices no edge goes into (loops count).
-spec source_vertices(G) -> Vertices when
      G :: graph(), Vertices :: [vertex()].
source_vertices(G) -> vertices_without(G, in).

%% @doc The vertices no edge leaves (loops count).
-spec sink_vertices(G) -> Vertices when
      G :: graph(), Vertices :: [vertex()].
sink_vertices(G) -> vertices_without(G, out).

%% The result comes out reversed from vertices/1, as OTP's does.
vertices_without(#digraph{ntab = NT} = G, Dir) ->
    lists:foldl(fun(V, Acc) ->
                        case ets:member(NT, {Dir, V}) of
                            true -> Acc;
                            false -> [V | Acc]
                        end
                end, [], vertices(G)).

%%% ===================================================================
%%% Edges
%%% ===================================================================

%% @doc Adds a new edge `['$e' | N]' from `V1' to `V2' labelled `[]'.
-spec add_edge(G, V1, V2) -> edge() | {error, add_edge_err_rsn()} when
      G :: graph(), V1 :: vertex(), V2 :: vertex().
add_edge(G, V1, V2) -> add_edge(G, V1, V2, []).

%% @doc Adds a new edge `['$e' | N]' from `V1' to `V2' labelled `Label'.
-spec add_edge(G, V1, V2, Label) -> edge() | {error, add_edge_err_rsn()} when
      G :: graph(), V1 :: vertex(), V2 :: vertex(), Label :: label().
add_edge(G, V1, V2, Label) ->
    %% OTP takes the name before checking the vertices, so a failed
    %% add still uses up a number.
    add_edge(G, fresh_name(G, '$eid', '$e'), V1, V2, Label).

%% @doc Adds (or relabels) edge `E' from `V1' to `V2'. Fails with
%% `{bad_vertex, V}' for a missing vertex, `{bad_edge, [V1, V2]}' when
%% `E' already joins other vertices, and in an acyclic graph
%% `{bad_edge, Path}' when the edge would close the cycle `Path'.
-spec add_edge(G, E, V1, V2, Label) -> edge() | {error, add_edge_err_rsn()} when
      G :: graph(), E :: edge(), V1 :: vertex(), V2 :: vertex(),
      Label :: label().
add_edge(#digraph{vtab = VT, etab = ET, cyclic = Cyclic} = G, E, V1, V2, Label) ->
    case {ets:member(VT, V1), ets:member(VT, V2)} of
        {false, _} ->
            {error, {bad_vertex, V1}};
        {true, false} ->
            {error, {bad_vertex, V2}};
        {true, true} ->
            case ets:lookup(ET, E) of
                [{_, W1, W2, _}] when W1 =/= V1; W2 =/= V2 ->
                    {error, {bad_edge, [V1, V2]}};
                _ when Cyclic ->
                    insert_edge(G, E, V1, V2, Label);
                _ when V1 =:= V2 ->
                    {error, {bad_edge, [V1, V2]}};
                _ ->
                    case get_path(G, V2, V1) of
                        false -> insert_edge(G, E, V1, V2, Label);
                        Path -> {error, {bad_edge, Path}}
                    end
            end
    end.

insert_edge(#digraph{etab = ET, ntab = NT}, E, V1, V2, Label) ->
    true = ets:insert(NT, [{{out, V1}, E}, {{in, V2}, E}]),
    true = ets:insert(ET, {E, V1, V2, Label}),
    E.

%% @doc Deletes edge `E' (if it exists).
-spec del_edge(G, E) -> true when G :: graph(), E :: edge().
del_edge(G, E) -> del_edges(G, [E]).

%% @doc Deletes each edge of a list (those that exist).
-spec del_edges(G, Edges) -> true when G :: graph(), Edges :: [edge()].
del_edges(#digraph{etab = ET, ntab = NT} = G, [E | Es]) ->
    case ets:lookup(ET, E) of
        [{_, V1, V2, _}] ->
            ets:delete_object(NT, {{out, V1}, E}),
            ets:delete_object(NT, {{in, V2}, E}),
            ets:delete(ET, E);
        [] ->
            true
    end,
    del_edges(G, Es);
del_edges(#digraph{}, []) ->
    true.

%% @doc Deletes edges until there is no path from `V1' to `V2': each
%% round takes the path `get_path/3' finds and deletes every edge
%% between consecutive vertices of it.
-spec del_path(G, V1, V2) -> true when
      G :: graph(), V1 :: vertex(), V2 :: vertex().
del_path(G, V1, V2) ->
    case get_path(G, V1, V2) of
        false ->
            true;
        Path ->
            del_steps(G, Path),
            del_path(G, V1, V2)
    end.

del_steps(G, [A, B | Rest]) ->
    del_edges(G, [E || E <- out_edges(G, A),
                       element(3, edge(G, E)) =:= B]),
    del_steps(G, [B | Rest]);
del_steps(_, _) ->
    true.

%% @doc `{E, V1, V2, Label}', or `false' if there is no edge `E'.
-spec edge(G, E) -> {E, V1, V2, Label} | false when
      G :: graph(), E :: edge(), V1 :: vertex(), V2 :: vertex(),
      Label :: label().
edge(#digraph{etab = ET}, E) ->
    case ets:lookup(ET, E) of
        [Edge] -> Edge;
        [] -> false
    end.

%% @doc The number of edges.
-spec no_edges(G) -> non_neg_integer() when G :: graph().
no_edges(#digraph{etab = ET}) -> ets:info(ET, size).

%% @doc Every edge, in no specified order.
-spec edges(G) -> Edges when G :: graph(), Edges :: [edge()].
edges(#digraph{etab = ET}) ->
    ets:select(ET, [{{'$1', '_', '_', '_'}, [], ['$1']}]).

%%% ===================================================================
%%% Neighbourhoods
%%% ===================================================================

%% @doc The vertices edges from `V' go to (one per edge).
-spec out_neighbours(G, V) -> Vertices when
      G :: graph(), V :: vertex(), Vertices :: [vertex()].
out_neighbours(G, V) -> ends(G, out_edges(G, V), 3).

%% @doc The vertices edges into `V' come from (one per edge).
-spec in_neighbours(G, V) -> Vertices when
      G :: graph(), V :: vertex(), Vertices :: [vertex()].
in_neighbours(G, V) -> ends(G, in_edges(G, V), 2).

%% The edge lists are in table order; their ends come out reversed, as
%% OTP's do (which is what makes get_path/3 choose the paths it does).
ends(#digraph{etab = ET}, Es, Pos) ->
    lists:foldl(fun(E, Acc) -> [ets:lookup_element(ET, E, Pos) | Acc] end,
                [], Es).

%% @doc The edges leaving `V'.
-spec out_edges(G, V) -> Edges when
      G :: graph(), V :: vertex(), Edges :: [edge()].
out_edges(#digraph{ntab = NT}, V) ->
    [E || {_, E} <- ets:lookup(NT, {out, V})].

%% @doc The edges coming into `V'.
-spec in_edges(G, V) -> Edges when
      G :: graph(), V :: vertex(), Edges :: [edge()].
in_edges(#digraph{ntab = NT}, V) ->
    [E || {_, E} <- ets:lookup(NT, {in, V})].

%% @doc The edges leaving or coming into `V'.
-spec edges(G, V) -> Edges when
      G :: graph(), V :: vertex(), Edges :: [edge()].
edges(#digraph{ntab = NT}, V) ->
    ets:select(NT, [{{{out, V}, '$1'}, [], ['$1']},
                    {{{in, V}, '$1'}, [], ['$1']}]).

%% @doc The number of edges leaving `V'.
-spec out_degree(G, V) -> non_neg_integer() when
      G :: graph(), V :: vertex().
out_degree(#digraph{ntab = NT}, V) -> length(ets:lookup(NT, {out, V})).

%% @doc The number of edges coming into `V'.
-spec in_degree(G, V) -> non_neg_integer() when
      G :: graph(), V :: vertex().
in_degree(#digraph{ntab = NT}, V) -> length(ets:lookup(NT, {in, V})).

%%% ===================================================================
%%% Paths and cycles
%%% ===================================================================

%% @doc A simple path `[V1, ..., V2]' of at least one edge, found
%% depth first, or `false'.
-spec get_path(G, V1, V2) -> Vertices | false when
      G :: graph(), V1 :: vertex(), V2 :: vertex(), Vertices :: [vertex(), ...].
get_path(G, V1, V2) ->
    dfs_path(G, V2, 1, [V1], [{out_neighbours(G, V1), [V1]}]).

%% @doc A simple cycle through `V' (`[V, ..., V]'), `[V]' if the only
%% cycle is a loop at `V', or `false'.
-spec get_cycle(G, V) -> Vertices | false when
      G :: graph(), V :: vertex(), Vertices :: [vertex(), ...].
get_cycle(G, V) ->
    %% The loop itself (a path of one edge) is skipped here, so that a
    %% longer cycle is preferred; it is reported as [V] only if there is
    %% no other.
    case dfs_path(G, V, 2, [V], [{out_neighbours(G, V), [V]}]) of
        false ->
            case lists:member(V, out_neighbours(G, V)) of
                true -> [V];
                false -> false
            end;
        Path ->
            Path
    end.

%% Depth-first search for Goal over a stack of {Candidates, RevPath}
%% frames. A path reaching Goal counts only if it has at least MinLen
%% edges; vertices once entered are never entered again.
dfs_path(_G, _Goal, _MinLen, _Seen, []) ->
    false;
dfs_path(G, Goal, MinLen, Seen, [{[], _} | Stack]) ->
    dfs_path(G, Goal, MinLen, Seen, Stack);
dfs_path(G, Goal, MinLen, Seen, [{[Goal | Ws], Rev} | Stack]) ->
    case length(Rev) >= MinLen of
        true -> lists:reverse([Goal | Rev]);
        false -> dfs_path(G, Goal, MinLen, Seen, [{Ws, Rev} | Stack])
    end;
dfs_path(G, Goal, MinLen, Seen, [{[W | Ws], Rev} | Stack]) ->
    case lists:member(W, Seen) of
        true ->
            dfs_path(G, Goal, MinLen, Seen, [{Ws, Rev} | Stack]);
        false ->
            dfs_path(G, Goal, MinLen, [W | Seen],
                     [{out_neighbours(G, W), [W | Rev]}, {Ws, Rev} | Stack])
    end.

%% @doc A shortest path `[V1, ..., V2]' of at least one edge, found
%% breadth first, or `false'.
-spec get_short_path(G, V1, V2) -> Vertices | false when
      G :: graph(), V1 :: vertex(), V2 :: vertex(), Vertices :: [vertex(), ...].
get_short_path(G, V1, V2) ->
    %% Parents maps each vertex reached to the vertex it was reached
    %% from; the queue holds edges, in the order out_edges/2 gives them.
    bfs(G, V2, #{V1 => root}, enqueue_out(G, V1, queue:new())).

%% @doc A shortest cycle through `V' (`[V, ..., V]', `[V, V]' for a
%% loop), or `false'.
-spec get_short_cycle(G, V) -> Vertices | false when
      G :: graph(), V :: vertex(), Vertices :: [vertex(), ...].
get_short_cycle(G, V) -> get_short_path(G, V, V).

bfs(G, Goal, Parents, Q0) ->
    case queue:out(Q0) of
        {empty, _} ->
            false;
        {{value, E}, Q} ->
            {_, From, To, _} = edge(G, E),
            if
                To =:= Goal ->
                    trace_back(Parents, From, [To]);
                true ->
                    case maps:is_key(To, Parents) of
                        true ->
                            bfs(G, Goal, Parents, Q);
                        false ->
                            bfs(G, Goal, Parents#{To => From},
                                enqueue_out(G, To, Q))
                    end
            end
    end.

trace_back(Parents, V, Acc) ->
    case maps:get(V, Parents) of
        root -> [V | Acc];
        P -> trace_back(Parents, P, [V | Acc])
    end.

enqueue_out(G, V, Q0) ->
    lists:foldl(fun queue:in/2, Q0, out_edges(G, V)).

%%% ===================================================================
%%% Names
%%% ===================================================================

%% The counters live in the neighbour table (a bag, so the old count is
%% deleted before the new one goes in).
-dialyzer({no_improper_lists, fresh_name/3}).
fresh_name(#digraph{ntab = NT}, Key, Tag) ->
    [{Key, K}] = ets:lookup(NT, Key),
    true = ets:delete(NT, Key),
    true = ets:insert(NT, {Key, K + 1}),
    [Tag | K].
