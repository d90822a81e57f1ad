%% A module with no behaviour_info/1.
-module(beh_plain).
-export([f/0]).
f() -> ok.
