%% Shared record and macros for big.erl.
-record(point, {x = 0 :: integer(), y = 0 :: integer()}).
-record(state, {name :: atom(), items = [] :: [term()], count = 0, opts = #{} :: map()}).
-define(ORIGIN, #point{}).
-define(is_point(P), is_record(P, point)).
