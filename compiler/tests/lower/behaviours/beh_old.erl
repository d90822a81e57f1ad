%% An old-style behaviour: a hand-written behaviour_info/1.
-module(beh_old).
-export([behaviour_info/1]).
behaviour_info(callbacks) -> [{start, 1}, {stop, 0}];
behaviour_info(_) -> undefined.
