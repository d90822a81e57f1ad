%% behaviour_info(callbacks) answers undefined.
-module(beh_nocb).
-export([behaviour_info/1]).
behaviour_info(_) -> undefined.
