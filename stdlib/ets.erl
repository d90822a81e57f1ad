%% @doc Erlang term storage, as OTP 25's `ets': tables of tuples that
%% processes share, owned by one process and deleted (or passed to an heir)
%% when it exits.
%%
%% Tables, objects, traversal and match specifications are natives of the
%% runtime (`runtime/src/bif/ets.rs'): a table must be reachable from every
%% process at once, which Erlang code cannot express. They appear below as
%% stubs so that their specs and docs live here. The functions that call a
%% fun (`foldl/3', `foldr/3') are written in Erlang over them.
%%
%% Differences from OTP, by design: the objects of `set', `bag' and
%% `duplicate_bag' tables are kept in the exact term order (OTP leaves
%% their order unspecified), so `slot/2' counts keys rather than hash
%% buckets; compiled match specifications are tuples, not references;
%% `fun2ms/1' needs `ms_transform', which ferl does not have yet.
-module(ets).

%% Tables
-export([new/2, delete/1, all/0, info/1, info/2, whereis/1, rename/2,
         give_away/3, setopts/2]).
%% Objects
-export([insert/2, insert_new/2, lookup/2, lookup_element/3, member/2,
         take/2, delete/2, delete_object/2, delete_all_objects/1,
         update_counter/3, update_counter/4, update_element/3,
         tab2list/1]).
%% Traversal
-export([first/1, last/1, next/2, prev/2, slot/2, foldl/3, foldr/3]).
%% Matching
-export([match/1, match/2, match/3, match_object/1, match_object/2,
         match_object/3, match_delete/2, select/1, select/2, select/3,
         select_reverse/1, select_reverse/2, select_reverse/3,
         select_count/2, select_delete/2, select_replace/2,
         match_spec_compile/1, is_compiled_ms/1, match_spec_run/2,
         test_ms/2, fun2ms/1]).

-export_type([table/0, tid/0, match_spec/0, comp_match_spec/0,
              continuation/0]).

-opaque tid() :: reference().
-type table() :: atom() | tid().
-type match_pattern() :: atom() | tuple().
-type match_spec() :: [{match_pattern(), [term()], [term()]}].
-opaque comp_match_spec() :: {'$ferl_match_spec', match_spec()}.
-opaque continuation() :: tuple() | '$end_of_table'.
-type update_op() :: {pos_integer(), integer()}
                   | {pos_integer(), integer(), integer(), integer()}.

%%% ===================================================================
%%% Folds (in Erlang: they call a fun per object)
%%% ===================================================================

%% @doc Folds `Function' over the objects of a table, in its order.
-spec foldl(Function, Acc0, Table) -> Acc1 when
      Function :: fun((Element :: term(), AccIn) -> AccOut),
      Table :: table(),
      Acc0 :: term(), Acc1 :: term(), AccIn :: term(), AccOut :: term().
foldl(Function, Acc0, Table) when is_function(Function, 2) ->
    lists:foldl(Function, Acc0, tab2list(Table)).

%% @doc Folds `Function' over the objects of a table, last first for an
%% `ordered_set' (in the same order as `foldl/3' for the other kinds, as
%% in OTP).
-spec foldr(Function, Acc0, Table) -> Acc1 when
      Function :: fun((Element :: term(), AccIn) -> AccOut),
      Table :: table(),
      Acc0 :: term(), Acc1 :: term(), AccIn :: term(), AccOut :: term().
foldr(Function, Acc0, Table) when is_function(Function, 2) ->
    Objects = tab2list(Table),
    case info(Table, type) of
        ordered_set -> lists:foldr(Function, Acc0, Objects);
        _ -> lists:foldl(Function, Acc0, Objects)
    end.

%% @doc Translates a fun to a match specification: only with the
%% `ms_transform' parse transform, which ferl does not have yet, so this
%% exits as OTP's does for a fun the transform did not see.
-spec fun2ms(LiteralFun) -> no_return() when LiteralFun :: function().
fun2ms(LiteralFun) when is_function(LiteralFun) ->
    exit({badarg, {?MODULE, fun2ms,
                   [function, called, with, real, 'fun', should, be,
                    transformed, with, parse_transform, 'or', called, with,
                    a, 'fun', generated, in, the, shell]}}).

%%% ===================================================================
%%% Natives (implemented by the runtime)
%%% ===================================================================

%% @doc Creates a table and returns its identifier (its name for a named table).
-spec new(Name :: atom(), Options :: [term()]) -> table().
new(_Name, _Options) ->
    erlang:nif_error(undef).

%% @doc Deletes a whole table.
-spec delete(Table :: table()) -> true.
delete(_Table) ->
    erlang:nif_error(undef).

%% @doc Returns every table of the node.
-spec all() -> [table()].
all() ->
    erlang:nif_error(undef).

%% @doc Returns the information items of a table, or `undefined'.
-spec info(Table :: table()) -> [{atom(), term()}] | undefined.
info(_Table) ->
    erlang:nif_error(undef).

%% @doc Returns one information item of a table, or `undefined'.
-spec info(Table :: table(), Item :: atom()) -> term() | undefined.
info(_Table, _Item) ->
    erlang:nif_error(undef).

%% @doc Returns the identifier of a named table.
-spec whereis(Name :: atom()) -> tid() | undefined.
whereis(_Name) ->
    erlang:nif_error(undef).

%% @doc Renames a table.
-spec rename(Table :: table(), Name :: atom()) -> table().
rename(_Table, _Name) ->
    erlang:nif_error(undef).

%% @doc Makes `Pid' the owner; it receives `{'ETS-TRANSFER', Table, self(), GiftData}'.
-spec give_away(Table :: table(), Pid :: pid(), GiftData :: term()) -> true.
give_away(_Table, _Pid, _GiftData) ->
    erlang:nif_error(undef).

%% @doc Sets the heir or the protection of a table.
-spec setopts(Table :: table(), Opts :: tuple() | [tuple()]) -> true.
setopts(_Table, _Opts) ->
    erlang:nif_error(undef).

%% @doc Inserts one object or a list of objects.
-spec insert(Table :: table(), Objects :: tuple() | [tuple()]) -> true.
insert(_Table, _Objects) ->
    erlang:nif_error(undef).

%% @doc Inserts the objects only if none of their keys is present.
-spec insert_new(Table :: table(), Objects :: tuple() | [tuple()]) -> boolean().
insert_new(_Table, _Objects) ->
    erlang:nif_error(undef).

%% @doc Returns the objects with a key.
-spec lookup(Table :: table(), Key :: term()) -> [tuple()].
lookup(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Returns element `Pos' of the object (or objects) with a key.
-spec lookup_element(Table :: table(), Key :: term(), Pos :: pos_integer()) -> term().
lookup_element(_Table, _Key, _Pos) ->
    erlang:nif_error(undef).

%% @doc Tells whether a key is present.
-spec member(Table :: table(), Key :: term()) -> boolean().
member(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Removes and returns the objects with a key.
-spec take(Table :: table(), Key :: term()) -> [tuple()].
take(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Deletes the objects with a key.
-spec delete(Table :: table(), Key :: term()) -> true.
delete(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Deletes exactly this object.
-spec delete_object(Table :: table(), Object :: tuple()) -> true.
delete_object(_Table, _Object) ->
    erlang:nif_error(undef).

%% @doc Deletes every object of a table.
-spec delete_all_objects(Table :: table()) -> true.
delete_all_objects(_Table) ->
    erlang:nif_error(undef).

%% @doc Adds to counters in the object with a key.
-spec update_counter(Table :: table(), Key :: term(), UpdateOp :: update_op() | [update_op()] | integer()) -> integer() | [integer()].
update_counter(_Table, _Key, _UpdateOp) ->
    erlang:nif_error(undef).

%% @doc As `update_counter/3', inserting `Default' (with the key put in) when the key is missing.
-spec update_counter(Table :: table(), Key :: term(), UpdateOp :: update_op() | [update_op()] | integer(), Default :: tuple()) -> integer() | [integer()].
update_counter(_Table, _Key, _UpdateOp, _Default) ->
    erlang:nif_error(undef).

%% @doc Replaces elements of the object with a key; `false' if there is none.
-spec update_element(Table :: table(), Key :: term(), ElementSpec :: {pos_integer(), term()} | [{pos_integer(), term()}]) -> boolean().
update_element(_Table, _Key, _ElementSpec) ->
    erlang:nif_error(undef).

%% @doc Returns every object of a table.
-spec tab2list(Table :: table()) -> [tuple()].
tab2list(_Table) ->
    erlang:nif_error(undef).

%% @doc Returns the first key.
-spec first(Table :: table()) -> term() | '$end_of_table'.
first(_Table) ->
    erlang:nif_error(undef).

%% @doc Returns the last key (the first, unless the table is an `ordered_set').
-spec last(Table :: table()) -> term() | '$end_of_table'.
last(_Table) ->
    erlang:nif_error(undef).

%% @doc Returns the key after `Key'.
-spec next(Table :: table(), Key :: term()) -> term() | '$end_of_table'.
next(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Returns the key before `Key' (the next one, unless the table is an `ordered_set').
-spec prev(Table :: table(), Key :: term()) -> term() | '$end_of_table'.
prev(_Table, _Key) ->
    erlang:nif_error(undef).

%% @doc Returns the objects of the `I'-th key.
-spec slot(Table :: table(), I :: non_neg_integer()) -> [tuple()] | '$end_of_table'.
slot(_Table, _I) ->
    erlang:nif_error(undef).

%% @doc Returns the bindings of the pattern's variables for each matching object.
-spec match(Table :: table(), Pattern :: match_pattern()) -> [[term()]].
match(_Table, _Pattern) ->
    erlang:nif_error(undef).

%% @doc As `match/2', in chunks of about `Limit'.
-spec match(Table :: table(), Pattern :: match_pattern(), Limit :: pos_integer()) -> {[[term()]], continuation()} | '$end_of_table'.
match(_Table, _Pattern, _Limit) ->
    erlang:nif_error(undef).

%% @doc Continues a `match/3'.
-spec match(Continuation :: continuation()) -> {[[term()]], continuation()} | '$end_of_table'.
match(_Continuation) ->
    erlang:nif_error(undef).

%% @doc Returns the objects that match a pattern.
-spec match_object(Table :: table(), Pattern :: match_pattern()) -> [tuple()].
match_object(_Table, _Pattern) ->
    erlang:nif_error(undef).

%% @doc As `match_object/2', in chunks of about `Limit'.
-spec match_object(Table :: table(), Pattern :: match_pattern(), Limit :: pos_integer()) -> {[tuple()], continuation()} | '$end_of_table'.
match_object(_Table, _Pattern, _Limit) ->
    erlang:nif_error(undef).

%% @doc Continues a `match_object/3'.
-spec match_object(Continuation :: continuation()) -> {[tuple()], continuation()} | '$end_of_table'.
match_object(_Continuation) ->
    erlang:nif_error(undef).

%% @doc Deletes the objects that match a pattern.
-spec match_delete(Table :: table(), Pattern :: match_pattern()) -> true.
match_delete(_Table, _Pattern) ->
    erlang:nif_error(undef).

%% @doc Returns the results of a match specification over a table.
-spec select(Table :: table(), MatchSpec :: match_spec()) -> [term()].
select(_Table, _MatchSpec) ->
    erlang:nif_error(undef).

%% @doc As `select/2', in chunks of about `Limit'.
-spec select(Table :: table(), MatchSpec :: match_spec(), Limit :: pos_integer()) -> {[term()], continuation()} | '$end_of_table'.
select(_Table, _MatchSpec, _Limit) ->
    erlang:nif_error(undef).

%% @doc Continues a `select/3'.
-spec select(Continuation :: continuation()) -> {[term()], continuation()} | '$end_of_table'.
select(_Continuation) ->
    erlang:nif_error(undef).

%% @doc As `select/2', in reverse order for an `ordered_set'.
-spec select_reverse(Table :: table(), MatchSpec :: match_spec()) -> [term()].
select_reverse(_Table, _MatchSpec) ->
    erlang:nif_error(undef).

%% @doc As `select/3', in reverse order for an `ordered_set'.
-spec select_reverse(Table :: table(), MatchSpec :: match_spec(), Limit :: pos_integer()) -> {[term()], continuation()} | '$end_of_table'.
select_reverse(_Table, _MatchSpec, _Limit) ->
    erlang:nif_error(undef).

%% @doc Continues a `select_reverse/3'.
-spec select_reverse(Continuation :: continuation()) -> {[term()], continuation()} | '$end_of_table'.
select_reverse(_Continuation) ->
    erlang:nif_error(undef).

%% @doc Counts the objects for which the match specification returns `true'.
-spec select_count(Table :: table(), MatchSpec :: match_spec()) -> non_neg_integer().
select_count(_Table, _MatchSpec) ->
    erlang:nif_error(undef).

%% @doc Deletes the objects for which the match specification returns `true'.
-spec select_delete(Table :: table(), MatchSpec :: match_spec()) -> non_neg_integer().
select_delete(_Table, _MatchSpec) ->
    erlang:nif_error(undef).

%% @doc Replaces each matching object by the result, which must keep its key.
-spec select_replace(Table :: table(), MatchSpec :: match_spec()) -> non_neg_integer().
select_replace(_Table, _MatchSpec) ->
    erlang:nif_error(undef).

%% @doc Checks and compiles a match specification.
-spec match_spec_compile(MatchSpec :: match_spec()) -> comp_match_spec().
match_spec_compile(_MatchSpec) ->
    erlang:nif_error(undef).

%% @doc Tells whether a term is a compiled match specification.
-spec is_compiled_ms(Term :: term()) -> boolean().
is_compiled_ms(_Term) ->
    erlang:nif_error(undef).

%% @doc Runs a compiled match specification over the terms of a list.
-spec match_spec_run(List :: [term()], CompiledMatchSpec :: comp_match_spec()) -> [term()].
match_spec_run(_List, _CompiledMatchSpec) ->
    erlang:nif_error(undef).

%% @doc Runs a match specification on one tuple, reporting why it is invalid if it is.
-spec test_ms(Tuple :: tuple(), MatchSpec :: match_spec()) -> {ok, term()} | {error, [{error, string()}]}.
test_ms(_Tuple, _MatchSpec) ->
    erlang:nif_error(undef).

