%%% A module in the style of real-world code, exercising most of the
%%% syntax the front end must read. It compiles with erlc (OTP 25).
-module(big).
-author("ferl").
-behaviour(gen_server).

-include("include/shapes.hrl").

-export([start_link/1, area/1, sum/1, classify/1, parse/1, tail/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).
-export([bits/1, comp/1, trycatch/1, funs/0, maps/1, recs/1, loop/2]).
-export_type([shape/0, tree/1]).

-import(lists, [reverse/1, foldl/3]).

-compile([{inline, [helper/1]}, nowarn_unused_function]).

-define(TIMEOUT, 5000).
-define(LOG(Fmt, Args), io:format("~p:~p " ++ Fmt, [?MODULE, ?LINE | Args])).
-define(SQUARE(X), ((X) * (X))).
-define(STR(E), ??E).

-ifdef(TEST).
-define(DEBUG, true).
-else.
-define(DEBUG, false).
-endif.

-if(?OTP_RELEASE >= 25).
-define(NEW_OTP, true).
-elif(?OTP_RELEASE >= 23).
-define(NEW_OTP, medium).
-else.
-define(NEW_OTP, false).
-endif.

-type shape() :: {circle, Radius :: number()}
               | {rect, W :: number(), H :: number()}
               | #point{}.
-type tree(T) :: leaf | {node, tree(T), T, tree(T)}.
-opaque counter() :: non_neg_integer().
-type byte_list() :: [0..255, ...].
-type handler() :: fun((term()) -> ok) | fun(() -> term()) | fun((...) -> any()).
-type bits() :: <<_:8, _:_*4>> | <<>> | binary().
-type opts() :: #{verbose => boolean(), level := 1..3, atom() => term()}.
-type small() :: -1..1 | 1 bsl 4.

-spec start_link(atom()) -> {ok, pid()} | ignore | {error, term()}.
start_link(Name) ->
    gen_server:start_link({local, Name}, ?MODULE, [Name], []).

-spec area(shape()) -> float().
area({circle, R}) -> math:pi() * ?SQUARE(R);
area({rect, W, H}) when is_number(W), is_number(H) -> W * H;
area(#point{}) -> 0.0.

-spec sum(L) -> integer() when L :: [integer()].
sum(L) -> foldl(fun(X, Acc) -> X + Acc end, 0, L).

classify(N) when N < 0 -> negative;
classify(0) -> zero;
classify(N) when N > 0, N =< 10; N =:= 100 -> small_or_hundred;
classify(_) -> large.

parse(<<"GET ", Rest/binary>>) -> {get, Rest};
parse(<<Len:16/big-unsigned-integer, Body:Len/binary, _/binary>>) -> {body, Body};
parse(<<C/utf8, _/bits>>) when C > $z -> {unicode, C};
parse(_) -> error.

tail("prefix" ++ T) -> T;
tail([$a, $b | T]) -> T;
tail([_ | _] = L) -> reverse(L);
tail([]) -> [].

init([Name]) ->
    process_flag(trap_exit, true),
    ?LOG("init ~p~n", [Name]),
    {ok, #state{name = Name}}.

handle_call({add, Item}, _From, #state{items = Items, count = C} = S) ->
    {reply, ok, S#state{items = [Item | Items], count = C + 1}};
handle_call(count, _From, S) ->
    {reply, S#state.count, S};
handle_call(_Req, _From, S) ->
    {reply, {error, unknown}, S}.

handle_cast(reset, S) -> {noreply, S#state{items = [], count = 0}};
handle_cast(_, S) -> {noreply, S}.

handle_info({'EXIT', _Pid, Reason}, S) ->
    {stop, Reason, S};
handle_info(_Info, S) ->
    {noreply, S}.

bits(Bin) ->
    <<A:4, B:4, Rest/binary>> = Bin,
    X = <<A:4, B:4, 1:1, 0:7, (A + B):8/little-signed-integer-unit:1, "abc", <<>>/binary, 3.5/float>>,
    Y = <<16#FF:8, 2#1010:4, $a, -1:8/signed>>,
    {X, Y, byte_size(Rest), bit_size(<<1:3>>)}.

comp(L) ->
    Evens = [X || X <- L, X rem 2 =:= 0],
    Pairs = [{X, Y} || X <- L, Y <- L, X < Y],
    Bytes = << <<(B + 1)>> || <<B>> <= <<1, 2, 3>> >>,
    FromBin = [B || <<B:8>> <= <<"xyz">>],
    Nested = [[Z || Z <- lists:seq(1, N)] || N <- L, is_integer(N)],
    {Evens, Pairs, Bytes, FromBin, Nested}.

trycatch(F) ->
    try F() of
        {ok, V} -> V;
        Other -> {other, Other}
    catch
        throw:{error, E} -> {thrown, E};
        error:badarg:Stack -> {badarg, length(Stack)};
        exit:Reason when Reason =/= normal -> {exit, Reason};
        Class:Reason:Stack ->
            erlang:raise(Class, Reason, Stack)
    after
        ok
    end.

funs() ->
    F1 = fun area/1,
    F2 = fun ?MODULE:sum/1,
    M = lists, F = reverse, A = 1,
    F3 = fun M:F/A,
    Fact = fun Fact(0) -> 1; Fact(N) when N > 0 -> N * Fact(N - 1) end,
    Add = fun(X) -> fun(Y) -> X + Y end end,
    Multi = fun({a, X}) -> X; ({b, _}) -> b; (_) -> none end,
    R1 = (Add(1))(2),
    R2 = (fun() -> done end)(),
    {F1, F2, F3, Fact(5), R1, R2, Multi({a, 1}), catch 1 + a}.

maps(M0) ->
    M1 = M0#{key => value, "str" => 1},
    M2 = M1#{key := new},
    #{key := K, "str" := S} = M2,
    Nested = #{a => #{b => #{c => 1}}},
    Chained = #{x => 1}#{y => 2}#{z => 3},
    Empty = #{},
    {K, S, Nested, Chained, Empty, maps:get(key, M2, default)}.

recs(P) when ?is_point(P) ->
    #point{x = X, y = Y} = P,
    P2 = P#point{x = X + 1},
    Idx = #point.y,
    Default = ?ORIGIN,
    Chain = (Default#point{y = 5})#point.y,
    S = #state{name = n, _ = undefined},
    {X, Y, P2#point.x, Idx, Chain, S#state.name};
recs(_) ->
    not_a_point.

loop(Parent, N) ->
    receive
        {From, ping} when is_pid(From) ->
            From ! {self(), pong},
            loop(Parent, N + 1);
        stop ->
            Parent ! {done, N};
        {'EXIT', Parent, _} ->
            exit(normal)
    after ?TIMEOUT ->
        timeout
    end.

helper(X) ->
    Y = case X of
            1 -> one;
            2 -> two;
            _ when is_atom(X) -> atom;
            _ -> many
        end,
    Z = if X > 10 -> big; X < 0 -> neg; true -> ok end,
    W = begin A = 1, B = 2, A + B end,
    Sleep = receive after 0 -> slept end,
    Ops = {1 + 2 * 3 - 4 div 2 rem 3, 7 band 3 bor 8 bxor 1, 1 bsl 4 bsr 2, bnot 0,
           -X, +X, not true, true and false or true xor false,
           X =:= 1 andalso Y =/= two orelse Z == ok,
           [1, 2] ++ [3] -- [2], 1 /= 2, 1 =< 2, 2 >= 1, 3 > 2, 1.0e10, 1.5e-3,
           $\n, $\x{263A}, $\^A, 16#ff_ff, 1_000_000, 36#Zz, "tab\there" "cat",
           'quoted atom', ?STR(a + b), ?DEBUG, ?NEW_OTP, ?FUNCTION_NAME, ?FUNCTION_ARITY},
    {Y, Z, W, Sleep, Ops, ?MODULE_STRING, ?FILE}.
