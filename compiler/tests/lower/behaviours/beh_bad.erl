%% behaviour_info(callbacks) answers something that is not [{F, A}].
-module(beh_bad).
-export([behaviour_info/1]).
behaviour_info(callbacks) -> [start];
behaviour_info(_) -> undefined.
