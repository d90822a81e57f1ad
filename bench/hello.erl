%% Start-up benchmark: the smallest useful program.
-module(hello).
-export([main/1]).

main(_) ->
    io:format("Hello, world!~n").
