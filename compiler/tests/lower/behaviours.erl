-module(behaviours).
-behaviour(beh_a).
-behavior(beh_b).
-behaviour(beh_old).
-behaviour(beh_nocb).
-behaviour(beh_bad).
-behaviour(beh_plain).
-behaviour(no_such_behaviour).
-export([a/1, c/0, start/1]).
-export_type([t/0]).
-opaque t() :: {t, integer()}.
-opaque hidden() :: [atom()].
-opaque anything() :: term().
-export_type([anything/0]).

a(_) -> ok.
c() -> ok.
start(_) -> ok.
