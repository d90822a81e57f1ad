%% @doc Terms stored for fast reading by every process, as OTP 25's `persistent_term': a global table, read without copying; writing is slower and meant to be rare.
%%
%% Every function is a native of the runtime (`runtime/src/bif/shared.rs'):
%% the stubs below hold their specs and docs.
-module(persistent_term).

-export([erase/1, get/0, get/1, get/2, info/0, put/2]).

%% @doc Stores `Value' under `Key', replacing any earlier value.
-spec put(Key :: term(), Value :: term()) -> ok.
put(_Key, _Value) ->
    erlang:nif_error(undef).

%% @doc The value stored under `Key'; badarg if there is none.
-spec get(Key :: term()) -> Value :: term().
get(_Key) ->
    erlang:nif_error(undef).

%% @doc The value stored under `Key', or `Default'.
-spec get(Key :: term(), Default :: term()) -> Value :: term().
get(_Key, _Default) ->
    erlang:nif_error(undef).

%% @doc Every stored key and value.
-spec get() -> [{Key :: term(), Value :: term()}].
get() ->
    erlang:nif_error(undef).

%% @doc Removes `Key'; whether it was there.
-spec erase(Key :: term()) -> boolean().
erase(_Key) ->
    erlang:nif_error(undef).

%% @doc How many terms are stored, and about how much memory they take.
-spec info() -> #{count := non_neg_integer(), memory := non_neg_integer()}.
info() ->
    erlang:nif_error(undef).
