%% @doc Arrays of 64-bit integers updated atomically, as OTP 25's `atomics'. An array lives as long as the runtime (ferl's references carry no resource that would free it).
%%
%% Every function is a native of the runtime (`runtime/src/bif/shared.rs'):
%% the stubs below hold their specs and docs.
-module(atomics).

-export([add/3, add_get/3, compare_exchange/4, exchange/3, get/2, info/1, new/2, put/3, sub/3, sub_get/3]).

-export_type([atomics_ref/0]).
-opaque atomics_ref() :: {'$ferl_atomics', non_neg_integer()}.

%% @doc A new array of `Arity' zeros, signed unless `{signed, false}'.
-spec new(Arity :: pos_integer(), Opts :: [{signed, boolean()}]) -> atomics_ref().
new(_Arity, _Opts) ->
    erlang:nif_error(undef).

%% @doc The value at `Ix'.
-spec get(Ref :: atomics_ref(), Ix :: pos_integer()) -> integer().
get(_Ref, _Ix) ->
    erlang:nif_error(undef).

%% @doc Sets the value at `Ix'.
-spec put(Ref :: atomics_ref(), Ix :: pos_integer(), Value :: integer()) -> ok.
put(_Ref, _Ix, _Value) ->
    erlang:nif_error(undef).

%% @doc Adds `Incr' at `Ix' (wrapping at 64 bits).
-spec add(Ref :: atomics_ref(), Ix :: pos_integer(), Incr :: integer()) -> ok.
add(_Ref, _Ix, _Incr) ->
    erlang:nif_error(undef).

%% @doc Adds `Incr' at `Ix' and returns the new value.
-spec add_get(Ref :: atomics_ref(), Ix :: pos_integer(), Incr :: integer()) -> integer().
add_get(_Ref, _Ix, _Incr) ->
    erlang:nif_error(undef).

%% @doc Subtracts `Decr' at `Ix'.
-spec sub(Ref :: atomics_ref(), Ix :: pos_integer(), Decr :: integer()) -> ok.
sub(_Ref, _Ix, _Decr) ->
    erlang:nif_error(undef).

%% @doc Subtracts `Decr' at `Ix' and returns the new value.
-spec sub_get(Ref :: atomics_ref(), Ix :: pos_integer(), Decr :: integer()) -> integer().
sub_get(_Ref, _Ix, _Decr) ->
    erlang:nif_error(undef).

%% @doc Sets the value at `Ix', returning the old one.
-spec exchange(Ref :: atomics_ref(), Ix :: pos_integer(), Desired :: integer()) -> integer().
exchange(_Ref, _Ix, _Desired) ->
    erlang:nif_error(undef).

%% @doc Sets `Desired' at `Ix' if the value is `Expected' (`ok'), else returns the value.
-spec compare_exchange(Ref :: atomics_ref(), Ix :: pos_integer(), Expected :: integer(), Desired :: integer()) -> ok | integer().
compare_exchange(_Ref, _Ix, _Expected, _Desired) ->
    erlang:nif_error(undef).

%% @doc The size, value range and memory of an array.
-spec info(Ref :: atomics_ref()) -> #{size := pos_integer(), max := integer(), min := integer(), memory := non_neg_integer()}.
info(_Ref) ->
    erlang:nif_error(undef).
