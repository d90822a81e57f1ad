%% @doc Arrays of 64-bit counters updated atomically, as OTP 25's `counters' (on the same arrays as `atomics'; they live as long as the runtime).
%%
%% Every function is a native of the runtime (`runtime/src/bif/shared.rs'):
%% the stubs below hold their specs and docs.
-module(counters).

-export([add/3, get/2, info/1, new/2, put/3, sub/3]).

-export_type([counters_ref/0]).
-opaque counters_ref() :: {'$ferl_counters', non_neg_integer()}.

%% @doc A new array of `Size' counters at zero.
-spec new(Size :: pos_integer(), Opts :: [atomics | write_concurrency]) -> counters_ref().
new(_Size, _Opts) ->
    erlang:nif_error(undef).

%% @doc The value of counter `Ix'.
-spec get(Ref :: counters_ref(), Ix :: pos_integer()) -> integer().
get(_Ref, _Ix) ->
    erlang:nif_error(undef).

%% @doc Adds `Incr' to counter `Ix'.
-spec add(Ref :: counters_ref(), Ix :: pos_integer(), Incr :: integer()) -> ok.
add(_Ref, _Ix, _Incr) ->
    erlang:nif_error(undef).

%% @doc Subtracts `Decr' from counter `Ix'.
-spec sub(Ref :: counters_ref(), Ix :: pos_integer(), Decr :: integer()) -> ok.
sub(_Ref, _Ix, _Decr) ->
    erlang:nif_error(undef).

%% @doc Sets counter `Ix'.
-spec put(Ref :: counters_ref(), Ix :: pos_integer(), Value :: integer()) -> ok.
put(_Ref, _Ix, _Value) ->
    erlang:nif_error(undef).

%% @doc The size and memory of an array.
-spec info(Ref :: counters_ref()) -> #{size := pos_integer(), max := integer(), min := integer(), memory := non_neg_integer()}.
info(_Ref) ->
    erlang:nif_error(undef).
