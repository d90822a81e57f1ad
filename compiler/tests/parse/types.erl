%%% Type and spec syntax, as OTP 25 reads it. erlc accepts this file.
-module(types).
-export([f/1, g/2, h/0]).
-export_type([t/0, tree/1, opaque_t/0]).

-record(rec, {a = 1 :: integer(), b :: atom() | undefined, c = [] :: [term()], d}).

-type t() :: integer() | float() | atom().
-type tree(T) :: leaf | {node, tree(T), T, tree(T)}.
-opaque opaque_t() :: #{key := value, optional => term()}.
-type ranges() :: 0..255 | -10..-1 | $a..$z.
-type lists() :: [] | [integer()] | [atom(), ...] | nonempty_list(t()) | maybe_improper_list().
-type funs() :: fun() | fun((...) -> ok) | fun(() -> ok) | fun((integer(), atom()) -> [t()]).
-type bins() :: binary() | <<>> | <<_:8>> | <<_:_*16>> | <<_:4, _:_*8>> | bitstring().
-type maps() :: map() | #{} | #{atom() => integer()} | #{a := 1, b => 2}.
-type tuples() :: tuple() | {} | {a} | {a, b, [c]}.
-type records() :: #rec{} | #rec{a :: 1}.
-type remote() :: lists:list(integer()) | erlang:timestamp().
-type ann() :: {Name :: atom(), Age :: non_neg_integer()}.
-type arith() :: 1 bsl 8 | 16#FF band 7 | (2 + 3) * 4 | -(1) | bnot 0.
-type(parens() :: any()).

-callback init(Args :: term()) -> {ok, State :: term()} | {stop, Reason :: term()}.
-callback handle(term(), State) -> {noreply, State}.

-spec f(X) -> X when X :: t().
f(X) -> X.

-spec g(A, B) -> {A, B} when A :: atom(), B :: integer();
       (A, B) -> ok when A :: float(), B :: float().
g(A, B) when is_atom(A) -> {A, B};
g(_, _) -> ok.

-spec h() -> no_return().
h() -> erlang:error(x).
