%% @doc Checks ferl's `sets' and `dict' in their fallback mode (no
%% `erlang:phash/2' in the runtime, `erlang:phash2/2' used instead): copies
%% named `fb_sets' and `fb_dict' must behave as OTP's modules (contents,
%% sizes, lookups), though their layout differs.
-module(stdlib2_fallback).
-export([run/1]).

run(N) ->
    stdlib2_prop:seed(),
    Ok = lists:all(fun(_) -> one() end, lists:seq(1, N)),
    io:format("sets/dict fallback (phash2): ~p~n", [Ok]),
    case Ok of true -> 0; false -> 1 end.

one() ->
    R = fun(K) -> [rand:uniform(500) || _ <- lists:seq(1, K)] end,
    L = R(rand:uniform(400)),
    Del = R(rand:uniform(400)),
    F = fun(X) -> X rem 3 =:= 0 end,
    Set = fun(M) ->
                  S = lists:foldl(fun M:del_element/2, M:from_list(L), Del),
                  {lists:sort(M:to_list(S)), M:size(S),
                   [M:is_element(X, S) || X <- lists:seq(1, 500)],
                   lists:sort(M:to_list(M:filter(F, S))),
                   lists:sort(M:to_list(M:union(S, M:from_list(L))))}
          end,
    KV = [{K, K * 2} || K <- L],
    Dict = fun(M) ->
                   D = lists:foldl(fun M:erase/2, M:from_list(KV), Del),
                   {lists:sort(M:to_list(D)), M:size(D),
                    [M:find(X, D) || X <- lists:seq(1, 500)],
                    lists:sort(M:to_list(M:update_counter(7, 1, D)))}
           end,
    Set(sets) =:= Set(fb_sets) andalso Dict(dict) =:= Dict(fb_dict).
