%% @doc Pseudo-random numbers, compatible with OTP 25's `rand'.
%%
%% A generator state is a pair `{Handler, AlgState}': `Handler' is a map
%% that names the algorithm (`type') and holds the functions that step and
%% use it (`next', and where the algorithm has them `uniform', `uniform_n'
%% and `jump'), plus either `bits' (the width of the word `next' returns,
%% with `weak_low_bits' low bits of lesser quality) or, for the three
%% legacy algorithms, `max' (the largest word). `AlgState' is plain data,
%% so `export_seed_s/1' hands out `{Alg, AlgState}' and `seed/1' rebuilds
%% a state from it. The functions without `_s' keep their state in the
%% process dictionary under `rand_seed', seeding it on first use.
%%
%% Every algorithm, seeding rule and derived distribution follows OTP 25
%% step for step, because programs and test suites rely on reproducing
%% OTP's sequences for a given seed: the same seed gives the same
%% integers, floats, bytes, jumps and normal deviates. The 58-bit
%% generators (`exsss', the default, `exsp', `exrop', `exro928ss') keep
%% every intermediate value below 2^59 so that it stays a small integer;
%% the 64-bit ones (`exs64', `exsplus', `exs1024', `exs1024s') and
%% SplitMix64 seeding need bignums, as they do on OTP.
%%
%% The `mwc59' functions are the separate, explicitly threaded fast
%% generator OTP 25 added; they work on a bare integer state.
-module(rand).

%% Seeding and exporting a state.
-export([seed/1, seed/2, seed_s/1, seed_s/2, export_seed/0, export_seed_s/1]).

%% Uniformly distributed floats and integers.
-export([uniform/0, uniform/1, uniform_s/1, uniform_s/2,
         uniform_real/0, uniform_real_s/1]).

%% Random binaries.
-export([bytes/1, bytes_s/2]).

%% Jumping ahead (for non-overlapping parallel sequences).
-export([jump/0, jump/1]).

%% Normally distributed floats.
-export([normal/0, normal/2, normal_s/1, normal_s/3]).

%% Bare generator steps for callers that thread their own state.
-export([exsp_next/1, exsp_jump/1, splitmix64_next/1,
         mwc59/1, mwc59_value32/1, mwc59_value/1, mwc59_float/1,
         mwc59_seed/0, mwc59_seed/1]).

-export_type([builtin_alg/0, alg/0, alg_handler/0, alg_state/0,
              state/0, export_state/0, seed/0]).
-export_type([exsplus_state/0, exro928_state/0, exrop_state/0,
              exs1024_state/0, exs64_state/0, mwc59_state/0]).
-export_type([uint58/0, uint64/0, splitmix64_state/0]).

%% The process dictionary key, as OTP's (programs peek at it).
-define(PDICT_KEY, rand_seed).
-define(DEFAULT_ALG, exsss).

%% Masks written out: a macro that computed them would build a bignum
%% (1 bsl 64) on every use.
-define(M7, 16#7f).
-define(M21, 16#1fffff).
-define(M24, 16#ffffff).
-define(M26, 16#3ffffff).
-define(M32, 16#ffffffff).
-define(M33, 16#1ffffffff).
-define(M34, 16#3ffffffff).
-define(M49, 16#1ffffffffffff).
-define(M51, 16#7ffffffffffff).
-define(M53, 16#1fffffffffffff).
-define(M55, 16#7fffffffffffff).
-define(M56, 16#ffffffffffffff).
-define(M58, 16#3ffffffffffffff).
-define(M59, 16#7ffffffffffffff).
-define(M64, 16#ffffffffffffffff).
-define(TWO58, 16#400000000000000).

%% 2^-53 exactly: a 53-bit integer times this is a float in [0, 1).
-define(TWO_POW_M53, 1.1102230246251565e-16).

%% =====================================================================
%% Types
%% =====================================================================

-type uint64() :: 0..16#ffffffffffffffff.
-type uint58() :: 0..16#3ffffffffffffff.

-type builtin_alg() :: exsss | exro928ss | exrop | exs1024s | exsp | exs64
                     | exsplus | exs1024.
-type alg() :: builtin_alg() | atom().
-type alg_state() :: exsplus_state() | exro928_state() | exrop_state()
                   | exs1024_state() | exs64_state() | term().
-type alg_handler() ::
        #{type := alg(),
          bits => non_neg_integer(),
          weak_low_bits => non_neg_integer(),
          max => non_neg_integer(),
          next := fun((alg_state()) -> {non_neg_integer(), alg_state()}),
          uniform => fun((state()) -> {float(), state()}),
          uniform_n => fun((pos_integer(), state()) ->
                                  {pos_integer(), state()}),
          jump => fun((state()) -> state())}.
-type state() :: {alg_handler(), alg_state()}.
-type export_state() :: {alg(), alg_state()}.
-type seed() :: [integer()] | integer() | {integer(), integer(), integer()}.

-opaque exsplus_state() :: nonempty_improper_list(uint58(), uint58()).
-opaque exrop_state() :: nonempty_improper_list(uint58(), uint58()).
-opaque exro928_state() :: {list(uint58()), list(uint58())}.
-opaque exs1024_state() :: {list(uint64()), list(uint64())}.
-opaque exs64_state() :: uint64().
-type mwc59_state() :: 1..16#7fa6501fffffffe.
-type splitmix64_state() :: uint64().

%% =====================================================================
%% Seeding and exporting
%% =====================================================================

%% @doc Seeds the process generator: with an algorithm (or `default'), from
%% a state, or from an exported state; returns the new state.
-spec seed(builtin_alg() | default | state() | export_state()) -> state().
seed(AlgOrState) ->
    put_state(seed_s(AlgOrState)).

%% @doc Seeds the process generator with `Alg' from `Seed'.
-spec seed(builtin_alg() | default, seed()) -> state().
seed(Alg, Seed) ->
    put_state(seed_s(Alg, Seed)).

%% @doc A state: a full state is returned as it is, an exported state
%% `{Alg, AlgState}' gets its handler back, and an algorithm name is seeded
%% from the node, the process, the time and a unique integer.
-spec seed_s(builtin_alg() | default | state() | export_state()) -> state().
seed_s({Handler, _AlgState} = State) when is_map(Handler) ->
    State;
seed_s({Alg, AlgState}) when is_atom(Alg) ->
    {Handler, _Seeder} = handler(Alg),
    {Handler, AlgState};
seed_s(Alg) ->
    seed_s(Alg, runtime_seed()).

%% @doc The state of `Alg' seeded from `Seed': an integer, a triple of
%% integers, or a list of integers taken (masked) as the state words.
-spec seed_s(builtin_alg() | default, seed()) -> state().
seed_s(default, Seed) ->
    seed_s(?DEFAULT_ALG, Seed);
seed_s(Alg, Seed) ->
    {Handler, Seeder} = handler(Alg),
    {Handler, Seeder(Seed)}.

%% @doc The process generator's state as `{Alg, AlgState}', or `undefined'
%% when it was never seeded.
-spec export_seed() -> undefined | export_state().
export_seed() ->
    case get(?PDICT_KEY) of
        {#{type := Alg}, AlgState} -> {Alg, AlgState};
        _ -> undefined
    end.

%% @doc `State' as `{Alg, AlgState}', to be given back to `seed/1'.
-spec export_seed_s(state()) -> export_state().
export_seed_s({#{type := Alg}, AlgState}) ->
    {Alg, AlgState}.

%% =====================================================================
%% Uniform floats and integers
%% =====================================================================

%% @doc A float `X', `0.0 =< X < 1.0', from the process generator.
-spec uniform() -> float().
uniform() ->
    {X, State} = uniform_s(get_state()),
    _ = put_state(State),
    X.

%% @doc An integer `X', `1 =< X =< N', from the process generator.
-spec uniform(pos_integer()) -> pos_integer().
uniform(N) ->
    {X, State} = uniform_s(N, get_state()),
    _ = put_state(State),
    X.

%% @doc A float `X', `0.0 =< X < 1.0', spaced 2^-53 apart, and the next
%% state.
-spec uniform_s(state()) -> {float(), state()}.
uniform_s({#{uniform := Uniform}, _} = State) ->
    Uniform(State);
uniform_s({#{bits := Bits, next := Next} = Handler, R0}) ->
    {V, R1} = Next(R0),
    {(V bsr (Bits - 53)) * ?TWO_POW_M53, {Handler, R1}};
uniform_s({#{max := Max, next := Next} = Handler, R0}) ->
    %% The legacy algorithms divide, which is not quite uniform; kept
    %% because their sequences are what old seeds reproduce.
    {V, R1} = Next(R0),
    {V / (Max + 1), {Handler, R1}}.

%% @doc An integer `X', `1 =< X =< N', and the next state.
-spec uniform_s(pos_integer(), state()) -> {pos_integer(), state()}.
uniform_s(N, {#{uniform_n := UniformN}, _} = State)
  when is_integer(N), 1 =< N ->
    UniformN(N, State);
uniform_s(N, {#{bits := Bits, next := Next} = Handler, R0})
  when is_integer(N), 1 =< N ->
    {V, R1} = Next(R0),
    pick(N, V, Bits, Handler, R1);
uniform_s(N, {#{max := Max, next := Next} = Handler, R0})
  when is_integer(N), 1 =< N ->
    %% Legacy: skewed for large N and gappy above Max, as on OTP.
    {V, R1} = Next(R0),
    if
        N =< Max -> {(V rem N) + 1, {Handler, R1}};
        true -> {trunc((V / (Max + 1)) * N) + 1, {Handler, R1}}
    end.

%% An integer in 1..N from the word V (Bits wide) just drawn. A word
%% whose value falls in the incomplete top copy of the range is thrown
%% away and a fresh draw made, so that every result is equally likely;
%% a range wider than a word is built from several words.
pick(N, V, Bits, Handler, R) ->
    Slack = (1 bsl Bits) - N,
    if
        Slack < 0 ->
            pick_wide(N, Handler, R, V);
        V < N ->
            {V + 1, {Handler, R}};
        true ->
            I = V rem N,
            if
                V - I =< Slack -> {I + 1, {Handler, R}};
                true -> uniform_s(N, {Handler, R})
            end
    end.

%% A range wider than one word: concatenate words (dropping their weak
%% low bits) until there are enough bits. A power of two needs just its
%% bits; any other range takes two bits extra, so that a draw is
%% rejected less than a quarter of the time.
pick_wide(N, #{next := Next, bits := Bits} = Handler, R, V) ->
    Weak = maps:get(weak_low_bits, Handler, 0),
    Shift = Bits - Weak,
    KeepMask = bnot ((1 bsl Weak) - 1),
    N1 = N - 1,
    case N band N1 of
        0 ->
            {W, R1, _} = widen(N bsr Bits, Next, R, V, KeepMask, Shift, Bits),
            {(W band N1) + 1, {Handler, R1}};
        _ ->
            {W, R1, WBits} =
                widen(N bsr (Bits - 2), Next, R, V, KeepMask, Shift, Bits),
            I = W rem N,
            if
                W - I =< (1 bsl WBits) - N ->
                    {I + 1, {Handler, R1}};
                true ->
                    {V2, R2} = Next(R1),
                    pick_wide(N, Handler, R2, V2)
            end
    end.

%% Appends words to W until Rest (the range still uncovered, shifted
%% down) is at most 1; returns the word, the state and its width.
widen(Rest, _Next, R, W, _KeepMask, _Shift, WBits) when Rest =< 1 ->
    {W, R, WBits};
widen(Rest, Next, R, W, KeepMask, Shift, WBits) ->
    {V, R1} = Next(R),
    widen(Rest bsr Shift, Next, R1, ((W band KeepMask) bsl Shift) bor V,
          KeepMask, Shift, WBits + Shift).

%% @doc A float `X', `0.0 < X =< 1.0', from the process generator.
-spec uniform_real() -> float().
uniform_real() ->
    {X, State} = uniform_real_s(get_state()),
    _ = put_state(State),
    X.

%% @doc A float `X', `0.0 < X =< 1.0', and the next state. Unlike
%% `uniform_s/1' every float keeps 53 random mantissa bits however small
%% it is (down to 2^-1022), drawing more words for the leading zeros;
%% that suits `1/X' and `math:log(X)'.
-spec uniform_real_s(state()) -> {float(), state()}.
uniform_real_s({#{bits := Bits, next := Next} = Handler, R0}) ->
    {V1, R1} = Next(R0),
    real_start(V1 bsr (Bits - 56), Handler, Next, R1, Bits);
uniform_real_s({#{max := _, next := Next} = Handler, R0}) ->
    %% Legacy words are taken as 56 bits wide. (The second word goes in
    %% unmasked, as on OTP, which matters only for exs64 and exs1024.)
    {V1, R1} = Next(R0),
    real_start(V1 band ?M56, Handler, Next, R1, 56).

%% The first 56-bit chunk M: its top set bit fixes the exponent; with
%% fewer than 53 significant bits the next word supplies the rest.
real_start(M, Handler, Next, R1, Bits) ->
    case real_scale(M, 0) of
        more ->
            {V2, R2} = Next(R1),
            real_fill(M, -56, V2, Bits, Handler, Next, R2);
        X ->
            {X, {Handler, R1}}
    end.

%% M (56 bits) with at least 53 significant bits, as a float scaled by
%% 2^BitNo; only 53 bits are used, so that rounding does not favour even
%% mantissas.
real_scale(M, BitNo) when M >= 16#80000000000000 ->
    (M bsr 3) * math:pow(2.0, BitNo - 53);
real_scale(M, BitNo) when M >= 16#40000000000000 ->
    (M bsr 2) * math:pow(2.0, BitNo - 54);
real_scale(M, BitNo) when M >= 16#20000000000000 ->
    (M bsr 1) * math:pow(2.0, BitNo - 55);
real_scale(M, BitNo) when M >= 16#10000000000000 ->
    M * math:pow(2.0, BitNo - 56);
real_scale(_M, _BitNo) ->
    more.

%% M0 holds the bits so far (fewer than 53 significant), ending at bit
%% BitNo; V is a fresh word Bits wide. A non-zero M0 takes just the bits
%% it lacks from the top of V; a zero M0 starts over at V, where at the
%% last chunk (2^-1008 onwards) fewer than 43 significant bits would
%% underflow the normal range, so the whole draw restarts.
real_fill(M0, BitNo, V, Bits, Handler, _Next, R) when M0 =/= 0 ->
    Need = 53 - bit_length(M0, 52),
    {((M0 bsl Need) bor (V bsr (Bits - Need))) * math:pow(2.0, BitNo - Need),
     {Handler, R}};
real_fill(0, BitNo, V, Bits, Handler, Next, R) ->
    M = V bsr (Bits - 56),
    case real_scale(M, BitNo) of
        more when BitNo =:= -1008, M < 16#40000000000 ->
            uniform_real_s({Handler, R});
        more ->
            real_more(M, BitNo - 56, Handler, Next, R);
        X ->
            {X, {Handler, R}}
    end.

real_more(M0, BitNo, #{bits := Bits} = Handler, Next, R0) ->
    {V, R1} = Next(R0),
    real_fill(M0, BitNo, V, Bits, Handler, Next, R1);
real_more(M0, BitNo, #{max := _} = Handler, Next, R0) ->
    {V, R1} = Next(R0),
    real_fill(M0, BitNo, V band ?M56, 56, Handler, Next, R1).

%% The number of significant bits of V (below 2^N), counting down from N:
%% wide values are the likely ones, so they are found first.
bit_length(V, N) when V >= (1 bsl (N - 1)); N =:= 0 ->
    N;
bit_length(V, N) ->
    bit_length(V, N - 1).

%% =====================================================================
%% Bytes
%% =====================================================================

%% @doc `N' random bytes from the process generator.
-spec bytes(non_neg_integer()) -> binary().
bytes(N) ->
    {Bytes, State} = bytes_s(N, get_state()),
    _ = put_state(State),
    Bytes.

%% @doc `N' random bytes and the next state. Each word gives as many whole
%% bytes as its good (not weak) bits hold, taken from its top end.
-spec bytes_s(non_neg_integer(), state()) -> {binary(), state()}.
bytes_s(N, {#{bits := Bits, next := Next} = Handler, R})
  when is_integer(N), 0 =< N ->
    Weak = maps:get(weak_low_bits, Handler, 0),
    bytes_words(N, Bits, Weak, Handler, Next, R);
bytes_s(N, {#{max := Max, next := Next} = Handler, R})
  when is_integer(N), 0 =< N, ?M58 =< Max ->
    %% Legacy algorithms count as 58 bits with 2 weak: 7 bytes a word.
    bytes_words(N, 58, 2, Handler, Next, R).

bytes_words(N, Bits, Weak, Handler, Next, R) ->
    WordBytes = (Bits - Weak) bsr 3,
    WordBits = WordBytes bsl 3,
    bytes_loop(N, WordBytes, WordBits, Bits - WordBits, Next, R, <<>>, Handler).

%% The last word is always drawn, even for N = 0 (as OTP does), and gives
%% its top N bytes.
bytes_loop(N, WordBytes, WordBits, Shift, Next, R0, Acc, Handler)
  when N > WordBytes ->
    {V, R1} = Next(R0),
    bytes_loop(N - WordBytes, WordBytes, WordBits, Shift, Next, R1,
               <<Acc/binary, (V bsr Shift):WordBits>>, Handler);
bytes_loop(N, _WordBytes, WordBits, _Shift, Next, R0, Acc, Handler) ->
    {V, R1} = Next(R0),
    Size = N bsl 3,
    {<<Acc/binary, (V bsr (WordBits - Size)):Size>>, {Handler, R1}}.

%% =====================================================================
%% Jump
%% =====================================================================

%% @doc Jumps the process generator ahead (2^64 steps for the xorshift116
%% family, 2^512 for exs1024 and exro928ss); returns the new state.
-spec jump() -> state().
jump() ->
    put_state(jump(get_state())).

%% @doc `State' jumped ahead; fails with `not_implemented' for an
%% algorithm without a jump (exs64).
-spec jump(state()) -> state().
jump({#{jump := Jump}, _} = State) ->
    Jump(State);
jump({#{}, _}) ->
    erlang:error(not_implemented).

%% =====================================================================
%% Normal distribution
%% =====================================================================

%% @doc A standard normal deviate from the process generator.
-spec normal() -> float().
normal() ->
    {X, State} = normal_s(get_state()),
    _ = put_state(State),
    X.

%% @doc A normal deviate with the given mean and variance, from the
%% process generator.
-spec normal(number(), number()) -> float().
normal(Mean, Variance) ->
    Mean + (math:sqrt(Variance) * normal()).

%% @doc A standard normal deviate and the next state, by Marsaglia and
%% Tsang's ziggurat method with 256 layers.
-spec normal_s(state()) -> {float(), state()}.
normal_s(State0) ->
    {Sign, R, State} = sign_and_51(State0),
    Layer = R band 255,
    X = R * element(Layer + 1, zig_w()),
    Neg = Sign =/= 0,
    case R < element(Layer + 1, zig_k()) of
        %% Inside the layer's rectangle: most draws end here.
        true when Neg -> {-X, State};
        true -> {X, State};
        false when Neg -> normal_edge(Layer, Sign, -X, State);
        false -> normal_edge(Layer, Sign, X, State)
    end.

%% @doc A normal deviate with the given mean and variance, and the next
%% state.
-spec normal_s(number(), number(), state()) -> {float(), state()}.
normal_s(Mean, Variance, State0) when Variance > 0 ->
    {X, State} = normal_s(State0),
    {Mean + (math:sqrt(Variance) * X), State}.

%% The ziggurat's base radius r.
-define(ZIG_R, 3.6541528853610087963519472518).

%% A sign bit and 51 random bits from one word: the top bits when the
%% word width is known, the low bits of a legacy word.
sign_and_51({#{bits := Bits, next := Next} = Handler, S0}) ->
    {V, S1} = Next(S0),
    {(1 bsl (Bits - 52)) band V, V bsr (Bits - 51), {Handler, S1}};
sign_and_51({#{next := Next} = Handler, S0}) ->
    {V, S1} = Next(S0),
    {(1 bsl 51) band V, V band ?M51, {Handler, S1}}.

%% Outside the rectangle: layer 0 samples the tail beyond r (Marsaglia's
%% exponential method), any other layer accepts X under the density
%% curve or starts over.
normal_edge(0, Sign, X0, State0) ->
    {U0, S1} = uniform_s(State0),
    X = (-1 / ?ZIG_R) * math:log(U0),
    {U1, S2} = uniform_s(S1),
    Y = -math:log(U1),
    if
        Y + Y > X * X, Sign =:= 0 -> {?ZIG_R + X, S2};
        Y + Y > X * X -> {-?ZIG_R - X, S2};
        true -> normal_edge(0, Sign, X0, S2)
    end;
normal_edge(Layer, _Sign, X, State0) ->
    F1 = element(Layer + 1, zig_f()),
    {U0, S1} = uniform_s(State0),
    case (element(Layer, zig_f()) - F1) * U0 + F1 < math:exp(-0.5 * X * X) of
        true -> {X, S1};
        false -> normal_s(S1)
    end.

%% =====================================================================
%% The process generator
%% =====================================================================

put_state(State) ->
    put(?PDICT_KEY, State),
    State.

%% Whatever is stored is trusted, as OTP does; a process that never seeded
%% gets the default algorithm with a runtime seed.
get_state() ->
    case get(?PDICT_KEY) of
        undefined -> seed(?DEFAULT_ALG);
        State -> State
    end.

%% Different for every call, process and node; how it varies does not
%% matter, only that it does.
runtime_seed() ->
    {erlang:phash2([{node(), self()}]),
     erlang:system_time(),
     erlang:unique_integer()}.

%% =====================================================================
%% Algorithm handlers
%% =====================================================================

%% The handler map of each algorithm (keys as OTP's, so a state looks the
%% same) and its seeding function. An unknown name fails with
%% function_clause, as on OTP.
handler(exsss) ->
    {#{type => exsss, bits => 58, next => fun exsss_next/1,
       uniform => fun exsss_uniform/1, uniform_n => fun exsss_uniform/2,
       jump => fun xs116_jump/1},
     fun exsss_seed/1};
handler(exsp) ->
    {#{type => exsp, bits => 58, weak_low_bits => 1, next => fun exsp_next/1,
       uniform => fun exsp_uniform/1, uniform_n => fun exsp_uniform/2,
       jump => fun xs116_jump/1},
     fun exsplus_seed/1};
handler(exsplus) ->
    {#{type => exsplus, max => ?M58, next => fun exsp_next/1,
       jump => fun xs116_jump/1},
     fun exsplus_seed/1};
handler(exrop) ->
    {#{type => exrop, bits => 58, weak_low_bits => 1,
       next => fun exrop_next/1,
       uniform => fun exrop_uniform/1, uniform_n => fun exrop_uniform/2,
       jump => fun exrop_jump/1},
     fun exrop_seed/1};
handler(exro928ss) ->
    {#{type => exro928ss, bits => 58, next => fun exro928ss_next/1,
       uniform => fun exro928ss_uniform/1,
       uniform_n => fun exro928ss_uniform/2,
       jump => fun exro928_jump/1},
     fun exro928_seed/1};
handler(exs1024s) ->
    {#{type => exs1024s, bits => 64, weak_low_bits => 3,
       next => fun exs1024_next/1, jump => fun exs1024_jump/1},
     fun exs1024_seed/1};
handler(exs1024) ->
    {#{type => exs1024, max => ?M64, next => fun exs1024_next/1,
       jump => fun exs1024_jump/1},
     fun exs1024_seed/1};
handler(exs64) ->
    {#{type => exs64, max => ?M64, next => fun exs64_next/1},
     fun exs64_seed/1}.

%% =====================================================================
%% Xorshift116 (exsss, exsp, exsplus)
%%
%% Vigna's xorshift128 cut down to two 58-bit words so that everything
%% stays a small integer. The state is the improper list [A|B], the
%% reference code's s[0] and s[1]. A step moves B into the first place and
%% computes a new second word from both; exsp/exsplus output the sum of
%% the new words ("+" scrambler), exsss the "**" scrambler of the word
%% that moved.
%% =====================================================================

%% One step of the shared linear engine, binding the new pair's words.
%% (A macro, not a function: this is the hot path of the default
%% algorithm and a call would build a tuple for the pair.)
-define(XS116_STEP(A, B, NewA, NewB),
        begin
            NewA = (B) band ?M58,
            T = ((A) band ?M58) bxor (((A) band ?M34) bsl 24),
            NewB = T bxor NewA bxor (T bsr 11) bxor (NewA bsr 41)
        end).

%% @doc One step of Xorshift116+ on a bare state: a 58-bit word and the
%% next state.
-spec exsp_next(exsplus_state()) -> {uint58(), exsplus_state()}.
exsp_next([A|B]) ->
    ?XS116_STEP(A, B, S0, S1),
    {(S0 + S1) band ?M58, [S0|S1]}.

exsss_next([A|B]) ->
    ?XS116_STEP(A, B, S0, S1),
    {starstar(S0), [S0|S1]}.

%% The "**" scrambler, rotl(s * 5, 7) * 9 modulo 2^58, with the two
%% multiplications as shift-and-add so no bignum is built.
starstar(S) ->
    Times5 = S + ((S band ?M56) bsl 2),
    Rot = ((Times5 band ?M51) bsl 7) bor ((Times5 bsr 51) band ?M7),
    (Rot + ((Rot band ?M55) bsl 3)) band ?M58.

exsss_uniform({Handler, R0}) ->
    {V, R1} = exsss_next(R0),
    {(V bsr 5) * ?TWO_POW_M53, {Handler, R1}}.

exsss_uniform(N, {Handler, R0}) ->
    {V, R1} = exsss_next(R0),
    pick(N, V, 58, Handler, R1).

%% exsp's lowest bit is weak, so floats use the top 53 bits.
exsp_uniform({Handler, R0}) ->
    {V, R1} = exsp_next(R0),
    {(V bsr 5) * ?TWO_POW_M53, {Handler, R1}}.

exsp_uniform(N, {Handler, R0}) ->
    {V, R1} = exsp_next(R0),
    pick(N, V, 58, Handler, R1).

exsss_seed(L) when is_list(L) ->
    [S0, S1] = seed_words(2, L, ?M58),
    [S0|S1];
exsss_seed(X) when is_integer(X) ->
    [S0, S1] = splitmix58(2, X),
    [S0|S1];
exsss_seed({A1, A2, A3}) ->
    %% Each integer is mixed into a SplitMix64 chain.
    {_, X0} = splitmix58(A1),
    {S0, X1} = splitmix58(A2 bxor X0),
    {S1, _} = splitmix58(A3 bxor X1),
    [S0|S1].

exsplus_seed(L) when is_list(L) ->
    [S0, S1] = seed_words(2, L, ?M58),
    [S0|S1];
exsplus_seed(X) when is_integer(X) ->
    [S0, S1] = splitmix58(2, X),
    [S0|S1];
exsplus_seed({A1, A2, A3}) ->
    %% The older triple seeding: linear congruential scrambles of each
    %% integer, stirred by two generator steps.
    {_, [_|B]} = exsp_next([lcg58(A1, 4294967197)|lcg58(A2, 4294967231)]),
    {_, R} = exsp_next([lcg58(A3, 4294967279)|B]),
    R.

lcg58(A, Mul) ->
    (A * Mul + 1) band ?M58.

%% @doc Xorshift116's jump on a bare state: the state 2^64 steps ahead.
-spec exsp_jump(exsplus_state()) -> exsplus_state().
exsp_jump(S) ->
    pair_jump(S, fun exsp_next_state/1,
              words58(16#d174a83e17de2302f8ea6bc32c797)).

exsp_next_state(S) ->
    {_, S1} = exsp_next(S),
    S1.

xs116_jump({Handler, S}) ->
    {Handler, exsp_jump(S)}.

%% Jump for a two-word state [A|B]: the xor of the states reached at the
%% set bits of the jump polynomial (58-bit words, low bit first).
pair_jump(S, Step, Words) ->
    pair_jump(S, Step, Words, 58, 0, 0).

pair_jump(_S, _Step, [], _K, A, B) ->
    [A|B];
pair_jump(S, Step, [_|Ws], 0, A, B) ->
    pair_jump(S, Step, Ws, 58, A, B);
pair_jump([SA|SB] = S, Step, [W|Ws], K, A, B) ->
    Next = Step(S),
    case W band 1 of
        1 -> pair_jump(Next, Step, [W bsr 1|Ws], K - 1, A bxor SA, B bxor SB);
        0 -> pair_jump(Next, Step, [W bsr 1|Ws], K - 1, A, B)
    end.

%% =====================================================================
%% Xoroshiro116+ (exrop), state [S0|S1], (a, b, c) = (24, 2, 35)
%% =====================================================================

-define(ROTL58(X, N),
        ((((X) band ((1 bsl (58 - (N))) - 1)) bsl (N)) bor ((X) bsr (58 - (N))))).

exrop_step(S0, S1) ->
    T = S1 bxor S0,
    [?ROTL58(S0, 24) bxor T bxor ((T band ?M56) bsl 2) | ?ROTL58(T, 35)].

exrop_next([S0|S1]) ->
    {(S0 + S1) band ?M58, exrop_step(S0, S1)}.

exrop_uniform({Handler, R0}) ->
    {V, R1} = exrop_next(R0),
    {(V bsr 5) * ?TWO_POW_M53, {Handler, R1}}.

exrop_uniform(N, {Handler, R0}) ->
    {V, R1} = exrop_next(R0),
    pick(N, V, 58, Handler, R1).

exrop_seed(L) when is_list(L) ->
    [S0, S1] = seed_words(2, L, ?M58),
    [S0|S1];
exrop_seed(X) when is_integer(X) ->
    [S0, S1] = splitmix58(2, X),
    [S0|S1];
exrop_seed({A1, A2, A3}) ->
    [_|B] = exrop_step(lcg58(A1, 4294967197), lcg58(A2, 4294967231)),
    exrop_step(lcg58(A3, 4294967279), B).

exrop_jump({Handler, S}) ->
    {Handler, pair_jump(S, fun exrop_next_state/1,
                        words58(16#9863200f83fcd4a11293241fcb12a))}.

exrop_next_state([S0|S1]) ->
    exrop_step(S0, S1).

%% =====================================================================
%% Xoroshiro928** (exro928ss): sixteen 58-bit words, (a, b, c) =
%% (44, 9, 45), "**" scrambler. The words are a queue {Front, RevBack}
%% whose front starts at the reference code's s[q], q being the word
%% written last; Front is never empty.
%% =====================================================================

exro928ss_next({[S15, S0|Ss], Rs}) ->
    {starstar(S0), exro928_step(Ss, Rs, S15, S0)};
exro928ss_next({[S15], Rs}) ->
    exro928ss_next({[S15|lists:reverse(Rs)], []}).

exro928_next_state({[S15, S0|Ss], Rs}) ->
    exro928_step(Ss, Rs, S15, S0);
exro928_next_state({[S15], Rs}) ->
    [S0|Ss] = lists:reverse(Rs),
    exro928_step(Ss, [], S15, S0).

%% s[p] becomes the new front; s[q], rewritten, moves to the back.
exro928_step(Ss, Rs, S15, S0) ->
    A = S0 band ?M58,
    Q = (S15 band ?M58) bxor A,
    NewS15 = ?ROTL58(A, 44) bxor Q bxor ((Q band ?M49) bsl 9),
    NewS0 = ?ROTL58(Q, 45),
    {[NewS0|Ss], [NewS15|Rs]}.

exro928ss_uniform({Handler, SR}) ->
    {V, SR1} = exro928ss_next(SR),
    {(V bsr 5) * ?TWO_POW_M53, {Handler, SR1}}.

exro928ss_uniform(N, {Handler, SR}) ->
    {V, SR1} = exro928ss_next(SR),
    pick(N, V, 58, Handler, SR1).

exro928_seed(L) when is_list(L) ->
    {seed_words(16, L, ?M58), []};
exro928_seed(X) when is_integer(X) ->
    {splitmix58(16, X), []};
exro928_seed({A1, A2, A3}) ->
    {S0, X0} = splitmix58(A1),
    {S1, X1} = splitmix58(A2 bxor X0),
    {S2, X2} = splitmix58(A3 bxor X1),
    {[S0, S1, S2|splitmix58(13, X2)], []}.

%% 2^512 steps ahead; the polynomial as in the reference code, in 64-bit
%% words, low first.
exro928_jump({Handler, SR}) ->
    Poly = [16#44085302f77130ca, 16#ba05381fdfd14902, 16#10a1de1d7d6813d2,
            16#b83fe51a1eb3be19, 16#a81b0090567fd9f0, 16#5ac26d5d20f9b49f,
            16#4ddd98ee4be41e01, 16#0657e19f00d4b358, 16#f02f778573cf0f0a,
            16#b45a3a8a3cef3cc0, 16#6e62a33cc2323831, 16#bcb3b7c4cc049c53,
            16#83f240c6007e76ce, 16#e19f5fc1a1504acd, 16#00000000b10773cb],
    {Handler,
     ring_jump(SR, fun exro928_next_state/1, words58(join64(Poly)))}.

%% Jump for a queue state: xor together (in queue order) the states at the
%% polynomial's set bits; the result is a fresh queue {Words, []}.
ring_jump(SR, Step, Words) ->
    ring_jump(SR, Step, Words, 58, undefined).

ring_jump(_SR, _Step, [], _K, Acc) ->
    {Acc, []};
ring_jump(SR, Step, [_|Ws], 0, Acc) ->
    ring_jump(SR, Step, Ws, 58, Acc);
ring_jump({Ss, Rs} = SR, Step, [W|Ws], K, Acc) ->
    Next = Step(SR),
    case W band 1 of
        1 ->
            Words = Ss ++ lists:reverse(Rs),
            ring_jump(Next, Step, [W bsr 1|Ws], K - 1, xor_words(Acc, Words));
        0 ->
            ring_jump(Next, Step, [W bsr 1|Ws], K - 1, Acc)
    end.

%% A jump polynomial as an integer, from 64-bit words (low first), and
%% as the 58-bit words the jump loops walk (small integers).
join64(Ws) ->
    lists:foldr(fun(W, Acc) -> (Acc bsl 64) bor W end, 0, Ws).

words58(0) -> [];
words58(P) -> [P band ?M58|words58(P bsr 58)].

xor_words(undefined, Ws) -> Ws;
xor_words(As, Ws) -> lists:zipwith(fun(A, W) -> A bxor W end, As, Ws).

%% =====================================================================
%% Xorshift1024* (exs1024, exs1024s): sixteen 64-bit words as a queue
%% {Front, RevBack}, Front starting at the reference code's s[p].
%% =====================================================================

exs1024_next({[S0, S1|L3], RL}) ->
    T1 = S1 bxor ((S1 band ?M33) bsl 31),
    T2 = T1 bxor (T1 bsr 11),
    New = (S0 bxor (S0 bsr 30)) bxor T2,
    {(New * 1181783497276652981) band ?M64, {[New|L3], [S0|RL]}};
exs1024_next({[H], RL}) ->
    exs1024_next({[H|lists:reverse(RL)], []}).

exs1024_seed(L) when is_list(L) ->
    {seed_words(16, L, ?M64), []};
exs1024_seed(X) when is_integer(X) ->
    {splitmix64(16, X), []};
exs1024_seed({A1, A2, A3}) ->
    %% The older triple seeding: three 21-bit scrambles form one odd
    %% 64-bit seed for xorshift64*, whose first 16 outputs (last first)
    %% fill the state.
    B1 = (((A1 band ?M21) + 1) * 2097131) band ?M21,
    B2 = (((A2 band ?M21) + 1) * 2097133) band ?M21,
    B3 = (((A3 band ?M21) + 1) * 2097143) band ?M21,
    {xs64_fill(16, (B1 bsl 43) bor (B2 bsl 22) bor (B3 bsl 1) bor 1, []), []}.

xs64_fill(0, _R, Acc) ->
    Acc;
xs64_fill(N, R, Acc) ->
    {X, R1} = exs64_next(R),
    xs64_fill(N - 1, R1, [X|Acc]).

%% 2^512 steps ahead (Vigna's polynomial, 64-bit words, low first). The
%% accumulated words are in queue order from the current position, which
%% is the same again after the jump, so they are split back into the
%% shape the state had.
exs1024_jump({Handler, {_, RL} = S}) ->
    Poly = [16#84242f96eca9c41d, 16#a3c65b8776f96855, 16#5b34a39f070b5837,
            16#4489affce4f31a1e, 16#2ffeeb0a48316f40, 16#dc2d9891fe68c022,
            16#3659132bb12fea70, 16#aac17d8efa43cab8, 16#c4cb815590989b13,
            16#5ee975283d71c93b, 16#691548c86c1bd540, 16#7910c41d10a1e6a5,
            16#0b5fc64563b3e2a8, 16#047f7684e9fc949d, 16#b99181f2d8f685ca,
            16#284600e3f30e38c3],
    {Acc, []} = ring_jump(S, fun exs1024_next_state/1, words58(join64(Poly))),
    {Front, Back} = lists:split(16 - length(RL), pad16(Acc)),
    {Handler, {Front, lists:reverse(Back)}}.

exs1024_next_state(S) ->
    {_, S1} = exs1024_next(S),
    S1.

%% No set bit at all would leave the accumulator unset.
pad16(undefined) -> lists:duplicate(16, 0);
pad16(Ws) -> Ws.

%% =====================================================================
%% Xorshift64* (exs64): one 64-bit word
%% =====================================================================

exs64_next(R) ->
    R1 = R bxor (R bsr 12),
    R2 = R1 bxor ((R1 band 16#7fffffffff) bsl 25),
    R3 = R2 bxor (R2 bsr 27),
    {(R3 * 2685821657736338717) band ?M64, R3}.

exs64_seed(L) when is_list(L) ->
    [R] = seed_words(1, L, ?M64),
    R;
exs64_seed(X) when is_integer(X) ->
    [R] = splitmix64(1, X),
    R;
exs64_seed({A1, A2, A3}) ->
    {V1, _} = exs64_next((A1 band ?M32) * 4294967197 + 1),
    {V2, _} = exs64_next((A2 band ?M32) * 4294967231 + 1),
    {V3, _} = exs64_next((A3 band ?M32) * 4294967279 + 1),
    ((V1 * V2 * V3) rem (?M64 - 1)) + 1.

%% =====================================================================
%% Seeding helpers
%% =====================================================================

%% A list seed gives the state words themselves, masked to Mask; missing
%% words are zero, but not all of them may be.
seed_words(N, Ss, Mask) ->
    seed_words(N, Ss, Mask, false, []).

seed_words(_N, [], _Mask, false, _Acc) ->
    erlang:error(zero_seed);
seed_words(0, [_|_], _Mask, _NonZero, _Acc) ->
    erlang:error(too_many_seed_integers);
seed_words(0, [], _Mask, _NonZero, Acc) ->
    lists:reverse(Acc);
seed_words(N, [], Mask, true, Acc) ->
    seed_words(N - 1, [], Mask, true, [0|Acc]);
seed_words(N, [S|Ss], Mask, NonZero, Acc) when is_integer(S) ->
    W = S band Mask,
    seed_words(N - 1, Ss, Mask, NonZero orelse W =/= 0, [W|Acc]);
seed_words(_N, [_|_], _Mask, _NonZero, _Acc) ->
    erlang:error(non_integer_seed).

%% N state words from a SplitMix64 chain started at X: the low 58 bits of
%% each output, skipping zeros (a zero word could make the state all
%% zero).
splitmix58(0, _X) ->
    [];
splitmix58(N, X) ->
    {W, X1} = splitmix58(X),
    [W|splitmix58(N - 1, X1)].

splitmix58(X0) ->
    {Z, X} = splitmix64_next(X0),
    case Z band ?M58 of
        0 -> splitmix58(X);
        W -> {W, X}
    end.

splitmix64(0, _X) ->
    [];
splitmix64(N, X) ->
    {W, X1} = splitmix64_word(X),
    [W|splitmix64(N - 1, X1)].

splitmix64_word(X0) ->
    case splitmix64_next(X0) of
        {0, X} -> splitmix64_word(X);
        ZX -> ZX
    end.

%% @doc One step of SplitMix64 (any integer is taken modulo 2^64): a
%% 64-bit output and the next state.
-spec splitmix64_next(integer()) -> {uint64(), splitmix64_state()}.
splitmix64_next(X0) ->
    X = (X0 + 16#9e3779b97f4a7c15) band ?M64,
    Z0 = ((X bxor (X bsr 30)) * 16#bf58476d1ce4e5b9) band ?M64,
    Z1 = ((Z0 bxor (Z0 bsr 27)) * 16#94d049bb133111eb) band ?M64,
    {(Z1 bxor (Z1 bsr 31)) band ?M64, X}.

%% =====================================================================
%% MWC59: multiply-with-carry, A = 16#7fa6502, B = 32 (a 32-bit digit
%% and its carry in one 59-bit state), with xorshift scramblers.
%% =====================================================================

%% @doc One MWC59 step.
-spec mwc59(mwc59_state()) -> mwc59_state().
mwc59(CX0) ->
    CX = CX0 band ?M59,
    16#7fa6502 * (CX band ?M32) + (CX bsr 32).

%% @doc 32 good bits from an MWC59 state (one xorshift).
-spec mwc59_value32(mwc59_state()) -> 0..16#ffffffff.
mwc59_value32(CX0) ->
    CX = CX0 band ?M32,
    CX bxor ((CX band ?M24) bsl 8).

%% @doc 59 bits from an MWC59 state (two xorshifts); mask or `rem' out
%% the bits needed.
-spec mwc59_value(mwc59_state()) -> 0..16#7ffffffffffffff.
mwc59_value(CX0) ->
    CX = CX0 band ?M59,
    CX1 = CX bxor ((CX band ?M55) bsl 4),
    CX1 bxor ((CX1 band ?M32) bsl 27).

%% @doc A float in [0.0, 1.0) from an MWC59 state.
-spec mwc59_float(mwc59_state()) -> float().
mwc59_float(CX0) ->
    CX = CX0 band ?M53,
    CX1 = CX bxor ((CX band ?M49) bsl 4),
    CX2 = CX1 bxor ((CX1 band ?M26) bsl 27),
    CX2 * ?TWO_POW_M53.

%% @doc An MWC59 state from the runtime (node, process, time).
-spec mwc59_seed() -> mwc59_state().
mwc59_seed() ->
    {A1, A2, A3} = runtime_seed(),
    (hash58(A1) bxor hash58(A2) bxor hash58(A3)) + 1.

%% @doc An MWC59 state from a 58-bit seed; distinct seeds give distinct
%% states.
-spec mwc59_seed(0..16#3ffffffffffffff) -> mwc59_state().
mwc59_seed(S) when is_integer(S), 0 =< S, S =< ?M58 ->
    hash58(S) + 1.

%% A bijection on 58 bits (xorshift-multiply rounds), so that close seeds
%% give unrelated states.
hash58(X) ->
    X0 = X band ?M58,
    X1 = ((X0 bxor (X0 bsr 29)) * 16#351afd7ed558ccd) band ?M58,
    X2 = ((X1 bxor (X1 bsr 29)) * 16#0ceb9fe1a85ec53) band ?M58,
    X2 bxor (X2 bsr 29).

%% =====================================================================
%% Ziggurat tables (256 layers, base radius r above), indexed by layer
%% plus one: zig_k holds the layers' acceptance bounds scaled by 2^51,
%% zig_w their widths divided by 2^51, zig_f the density exp(-x*x/2) at
%% the layer edges. The values are OTP's: the sequences depend on them
%% to the last bit.
%% =====================================================================

zig_k() ->
    {
      2104047571236786, 0, 1693657211986787, 1919380038271141,
      2015384402196343, 2068365869448128, 2101878624052573, 2124958784102998,
      2141808670795147, 2154644611568301, 2164744887587275, 2172897953696594,
      2179616279372365, 2185247251868649, 2190034623107822, 2194154434521197,
      2197736978774660, 2200880740891961, 2203661538010620, 2206138681109102,
      2208359231806599, 2210361007258210, 2212174742388539, 2213825672704646,
      2215334711002614, 2216719334487595, 2217994262139172, 2219171977965032,
      2220263139538712, 2221276900117330, 2222221164932930, 2223102796829069,
      2223927782546658, 2224701368170060, 2225428170204312, 2226112267248242,
      2226757276105256, 2227366415328399, 2227942558554684, 2228488279492521,
      2229005890047222, 2229497472775193, 2229964908627060, 2230409900758597,
      2230833995044585, 2231238597816133, 2231624991250191, 2231994346765928,
      2232347736722750, 2232686144665934, 2233010474325959, 2233321557544881,
      2233620161276071, 2233906993781271, 2234182710130335, 2234447917093496,
      2234703177503020, 2234949014150181, 2235185913274316, 2235414327692884,
      2235634679614920, 2235847363174595, 2236052746716837, 2236251174862869,
      2236442970379967, 2236628435876762, 2236807855342765, 2236981495548562,
      2237149607321147, 2237312426707209, 2237470176035652, 2237623064889403,
      2237771290995388, 2237915041040597, 2238054491421305, 2238189808931712,
      2238321151397660, 2238448668260432, 2238572501115169, 2238692784207942,
      2238809644895133, 2238923204068402, 2239033576548190, 2239140871448443,
      2239245192514958, 2239346638439541, 2239445303151952, 2239541276091442,
      2239634642459498, 2239725483455293, 2239813876495186, 2239899895417494,
      2239983610673676, 2240065089506935, 2240144396119183, 2240221591827230,
      2240296735208969, 2240369882240293, 2240441086423386, 2240510398907004,
      2240577868599305, 2240643542273726, 2240707464668391, 2240769678579486,
      2240830224948980, 2240889142947082, 2240946470049769, 2241002242111691,
      2241056493434746, 2241109256832602, 2241160563691400, 2241210444026879,
      2241258926538122, 2241306038658137, 2241351806601435, 2241396255408788,
      2241439408989313, 2241481290160038, 2241521920683062, 2241561321300462,
      2241599511767028, 2241636510880960, 2241672336512612, 2241707005631362,
      2241740534330713, 2241772937851689, 2241804230604585, 2241834426189161,
      2241863537413311, 2241891576310281, 2241918554154466, 2241944481475843,
      2241969368073071, 2241993223025298, 2242016054702685, 2242037870775710,
      2242058678223225, 2242078483339331, 2242097291739040, 2242115108362774,
      2242131937479672, 2242147782689725, 2242162646924736, 2242176532448092,
      2242189440853337, 2242201373061537, 2242212329317416, 2242222309184237,
      2242231311537397, 2242239334556717, 2242246375717369, 2242252431779415,
      2242257498775893, 2242261571999416, 2242264645987196, 2242266714504453,
      2242267770526109, 2242267806216711, 2242266812908462, 2242264781077289,
      2242261700316818, 2242257559310145, 2242252345799276, 2242246046552082,
      2242238647326615, 2242230132832625, 2242220486690076, 2242209691384458,
      2242197728218684, 2242184577261310, 2242170217290819, 2242154625735679,
      2242137778609839, 2242119650443327, 2242100214207556, 2242079441234906,
      2242057301132135, 2242033761687079, 2242008788768107, 2241982346215682,
      2241954395725356, 2241924896721443, 2241893806220517, 2241861078683830,
      2241826665857598, 2241790516600041, 2241752576693881, 2241712788642916,
      2241671091451078, 2241627420382235, 2241581706698773, 2241533877376767,
      2241483854795281, 2241431556397035, 2241376894317345, 2241319774977817,
      2241260098640860, 2241197758920538, 2241132642244704, 2241064627262652,
      2240993584191742, 2240919374095536, 2240841848084890, 2240760846432232,
      2240676197587784, 2240587717084782, 2240495206318753, 2240398451183567,
      2240297220544165, 2240191264522612, 2240080312570155, 2239964071293331,
      2239842221996530, 2239714417896699, 2239580280957725, 2239439398282193,
      2239291317986196, 2239135544468203, 2238971532964979, 2238798683265269,
      2238616332424351, 2238423746288095, 2238220109591890, 2238004514345216,
      2237775946143212, 2237533267957822, 2237275200846753, 2237000300869952,
      2236706931309099, 2236393229029147, 2236057063479501, 2235695986373246,
      2235307169458859, 2234887326941578, 2234432617919447, 2233938522519765,
      2233399683022677, 2232809697779198, 2232160850599817, 2231443750584641,
      2230646845562170, 2229755753817986, 2228752329126533, 2227613325162504,
      2226308442121174, 2224797391720399, 2223025347823832, 2220915633329809,
      2218357446087030, 2215184158448668, 2211132412537369, 2205758503851065,
      2198248265654987, 2186916352102141, 2167562552481814, 2125549880839716}.

zig_w() ->
    {
      1.736725412160263e-15, 9.558660351455634e-17, 1.2708704834810623e-16,
      1.4909740962495474e-16, 1.6658733631586268e-16, 1.8136120810119029e-16,
      1.9429720153135588e-16, 2.0589500628482093e-16, 2.1646860576895422e-16,
      2.2622940392218116e-16, 2.353271891404589e-16, 2.438723455742877e-16,
      2.5194879829274225e-16, 2.5962199772528103e-16, 2.6694407473648285e-16,
      2.7395729685142446e-16, 2.8069646002484804e-16, 2.871905890411393e-16,
      2.9346417484728883e-16, 2.9953809336782113e-16, 3.054303000719244e-16,
      3.111563633892157e-16, 3.1672988018581815e-16, 3.2216280350549905e-16,
      3.274657040793975e-16, 3.326479811684171e-16, 3.377180341735323e-16,
      3.4268340353119356e-16, 3.475508873172976e-16, 3.523266384600203e-16,
      3.5701624633953494e-16, 3.616248057159834e-16, 3.661569752965354e-16,
      3.7061702777236077e-16, 3.75008892787478e-16, 3.7933619401549554e-16,
      3.836022812967728e-16, 3.8781025861250247e-16, 3.919630085325768e-16,
      3.9606321366256378e-16, 4.001133755254669e-16, 4.041158312414333e-16,
      4.080727683096045e-16, 4.119862377480744e-16, 4.1585816580828064e-16,
      4.1969036444740733e-16, 4.234845407152071e-16, 4.272423051889976e-16,
      4.309651795716294e-16, 4.346546035512876e-16, 4.383119410085457e-16,
      4.4193848564470665e-16, 4.455354660957914e-16, 4.491040505882875e-16,
      4.52645351185714e-16, 4.561604276690038e-16, 4.596502910884941e-16,
      4.631159070208165e-16, 4.665581985600875e-16, 4.699780490694195e-16,
      4.733763047158324e-16, 4.767537768090853e-16, 4.8011124396270155e-16,
      4.834494540935008e-16, 4.867691262742209e-16, 4.900709524522994e-16,
      4.933555990465414e-16, 4.966237084322178e-16, 4.998759003240909e-16,
      5.031127730659319e-16, 5.0633490483427195e-16, 5.095428547633892e-16,
      5.127371639978797e-16, 5.159183566785736e-16, 5.190869408670343e-16,
      5.222434094134042e-16, 5.253882407719454e-16, 5.285218997682382e-16,
      5.316448383216618e-16, 5.34757496126473e-16, 5.378603012945235e-16,
      5.409536709623993e-16, 5.440380118655467e-16, 5.471137208817361e-16,
      5.501811855460336e-16, 5.532407845392784e-16, 5.56292888151909e-16,
      5.593378587248462e-16, 5.623760510690043e-16, 5.65407812864896e-16,
      5.684334850436814e-16, 5.714534021509204e-16, 5.744678926941961e-16,
      5.774772794756965e-16, 5.804818799107686e-16, 5.834820063333892e-16,
      5.864779662894365e-16, 5.894700628185872e-16, 5.924585947256134e-16,
      5.95443856841806e-16, 5.984261402772028e-16, 6.014057326642664e-16,
      6.043829183936125e-16, 6.073579788423606e-16, 6.103311925956439e-16,
      6.133028356617911e-16, 6.162731816816596e-16, 6.192425021325847e-16,
      6.222110665273788e-16, 6.251791426088e-16, 6.281469965398895e-16,
      6.311148930905604e-16, 6.34083095820806e-16, 6.370518672608815e-16,
      6.400214690888025e-16, 6.429921623054896e-16, 6.459642074078832e-16,
      6.489378645603397e-16, 6.519133937646159e-16, 6.548910550287415e-16,
      6.578711085350741e-16, 6.608538148078259e-16, 6.638394348803506e-16,
      6.668282304624746e-16, 6.698204641081558e-16, 6.728163993837531e-16,
      6.758163010371901e-16, 6.78820435168298e-16, 6.818290694006254e-16,
      6.848424730550038e-16, 6.878609173251664e-16, 6.908846754557169e-16,
      6.939140229227569e-16, 6.969492376174829e-16, 6.999906000330764e-16,
      7.030383934552151e-16, 7.060929041565482e-16, 7.091544215954873e-16,
      7.122232386196779e-16, 7.152996516745303e-16, 7.183839610172063e-16,
      7.214764709364707e-16, 7.245774899788387e-16, 7.276873311814693e-16,
      7.308063123122743e-16, 7.339347561177405e-16, 7.370729905789831e-16,
      7.4022134917658e-16, 7.433801711647648e-16, 7.465498018555889e-16,
      7.497305929136979e-16, 7.529229026624058e-16, 7.561270964017922e-16,
      7.5934354673958895e-16, 7.625726339356756e-16, 7.658147462610487e-16,
      7.690702803721919e-16, 7.723396417018299e-16, 7.756232448671174e-16,
      7.789215140963852e-16, 7.822348836756411e-16, 7.855637984161084e-16,
      7.889087141441755e-16, 7.922700982152271e-16, 7.956484300529366e-16,
      7.99044201715713e-16, 8.024579184921259e-16, 8.058900995272657e-16,
      8.093412784821501e-16, 8.128120042284501e-16, 8.163028415809877e-16,
      8.198143720706533e-16, 8.23347194760605e-16, 8.26901927108847e-16,
      8.304792058805374e-16, 8.340796881136629e-16, 8.377040521420222e-16,
      8.413529986798028e-16, 8.450272519724097e-16, 8.487275610186155e-16,
      8.524547008695596e-16, 8.562094740106233e-16, 8.599927118327665e-16,
      8.638052762005259e-16, 8.676480611245582e-16, 8.715219945473698e-16,
      8.754280402517175e-16, 8.793671999021043e-16, 8.833405152308408e-16,
      8.873490703813135e-16, 8.913939944224086e-16, 8.954764640495068e-16,
      8.9959770648911e-16, 9.037590026260118e-16, 9.079616903740068e-16,
      9.122071683134846e-16, 9.164968996219135e-16, 9.208324163262308e-16,
      9.252153239095693e-16, 9.296473063086417e-16, 9.341301313425265e-16,
      9.38665656618666e-16, 9.432558359676707e-16, 9.479027264651738e-16,
      9.526084961066279e-16, 9.57375432209745e-16, 9.622059506294838e-16,
      9.671026058823054e-16, 9.720681022901626e-16, 9.771053062707209e-16,
      9.822172599190541e-16, 9.874071960480671e-16, 9.926785548807976e-16,
      9.980350026183645e-16, 1.003480452143618e-15, 1.0090190861637457e-15,
      1.0146553831467086e-15, 1.0203941464683124e-15, 1.0262405372613567e-15,
      1.0322001115486456e-15, 1.03827886235154e-15, 1.044483267600047e-15,
      1.0508203448355195e-15, 1.057297713900989e-15, 1.06392366906768e-15,
      1.0707072623632994e-15, 1.0776584002668106e-15, 1.0847879564403425e-15,
      1.0921079038149563e-15, 1.0996314701785628e-15, 1.1073733224935752e-15,
      1.1153497865853155e-15, 1.1235791107110833e-15, 1.1320817840164846e-15,
      1.140880924258278e-15, 1.1500027537839792e-15, 1.159477189144919e-15,
      1.169338578691096e-15, 1.17962663529558e-15, 1.190387629928289e-15,
      1.2016759392543819e-15, 1.2135560818666897e-15, 1.2261054417450561e-15,
      1.2394179789163251e-15, 1.2536093926602567e-15, 1.268824481425501e-15,
      1.2852479319096109e-15, 1.3031206634689985e-15, 1.3227655770195326e-15,
      1.3446300925011171e-15, 1.3693606835128518e-15, 1.397943667277524e-15,
      1.4319989869661328e-15, 1.4744848603597596e-15, 1.5317872741611144e-15,
      1.6227698675312968e-15}.

zig_f() ->
    {
      1.0000000000000000e+00, 9.7710170126767082e-01, 9.5987909180010600e-01,
      9.4519895344229909e-01, 9.3206007595922991e-01, 9.1999150503934646e-01,
      9.0872644005213032e-01, 8.9809592189834297e-01, 8.8798466075583282e-01,
      8.7830965580891684e-01, 8.6900868803685649e-01, 8.6003362119633109e-01,
      8.5134625845867751e-01, 8.4291565311220373e-01, 8.3471629298688299e-01,
      8.2672683394622093e-01, 8.1892919160370192e-01, 8.1130787431265572e-01,
      8.0384948317096383e-01, 7.9654233042295841e-01, 7.8937614356602404e-01,
      7.8234183265480195e-01, 7.7543130498118662e-01, 7.6863731579848571e-01,
      7.6195334683679483e-01, 7.5537350650709567e-01, 7.4889244721915638e-01,
      7.4250529634015061e-01, 7.3620759812686210e-01, 7.2999526456147568e-01,
      7.2386453346862967e-01, 7.1781193263072152e-01, 7.1183424887824798e-01,
      7.0592850133275376e-01, 7.0009191813651117e-01, 6.9432191612611627e-01,
      6.8861608300467136e-01, 6.8297216164499430e-01, 6.7738803621877308e-01,
      6.7186171989708166e-01, 6.6639134390874977e-01, 6.6097514777666277e-01,
      6.5561147057969693e-01, 6.5029874311081637e-01, 6.4503548082082196e-01,
      6.3982027745305614e-01, 6.3465179928762327e-01, 6.2952877992483625e-01,
      6.2445001554702606e-01, 6.1941436060583399e-01, 6.1442072388891344e-01,
      6.0946806492577310e-01, 6.0455539069746733e-01, 5.9968175261912482e-01,
      5.9484624376798689e-01, 5.9004799633282545e-01, 5.8528617926337090e-01,
      5.8055999610079034e-01, 5.7586868297235316e-01, 5.7121150673525267e-01,
      5.6658776325616389e-01, 5.6199677581452390e-01, 5.5743789361876550e-01,
      5.5291049042583185e-01, 5.4841396325526537e-01, 5.4394773119002582e-01,
      5.3951123425695158e-01, 5.3510393238045717e-01, 5.3072530440366150e-01,
      5.2637484717168403e-01, 5.2205207467232140e-01, 5.1775651722975591e-01,
      5.1348772074732651e-01, 5.0924524599574761e-01, 5.0502866794346790e-01,
      5.0083757512614835e-01, 4.9667156905248933e-01, 4.9253026364386815e-01,
      4.8841328470545758e-01, 4.8432026942668288e-01, 4.8025086590904642e-01,
      4.7620473271950547e-01, 4.7218153846772976e-01, 4.6818096140569321e-01,
      4.6420268904817391e-01, 4.6024641781284248e-01, 4.5631185267871610e-01,
      4.5239870686184824e-01, 4.4850670150720273e-01, 4.4463556539573912e-01,
      4.4078503466580377e-01, 4.3695485254798533e-01, 4.3314476911265209e-01,
      4.2935454102944126e-01, 4.2558393133802180e-01, 4.2183270922949573e-01,
      4.1810064983784795e-01, 4.1438753404089090e-01, 4.1069314827018799e-01,
      4.0701728432947315e-01, 4.0335973922111429e-01, 3.9972031498019700e-01,
      3.9609881851583223e-01, 3.9249506145931540e-01, 3.8890886001878855e-01,
      3.8534003484007706e-01, 3.8178841087339344e-01, 3.7825381724561896e-01,
      3.7473608713789086e-01, 3.7123505766823922e-01, 3.6775056977903225e-01,
      3.6428246812900372e-01, 3.6083060098964775e-01, 3.5739482014578022e-01,
      3.5397498080007656e-01, 3.5057094148140588e-01, 3.4718256395679348e-01,
      3.4380971314685055e-01, 3.4045225704452164e-01, 3.3711006663700588e-01,
      3.3378301583071823e-01, 3.3047098137916342e-01, 3.2717384281360129e-01,
      3.2389148237639104e-01, 3.2062378495690530e-01, 3.1737063802991350e-01,
      3.1413193159633707e-01, 3.1090755812628634e-01, 3.0769741250429189e-01,
      3.0450139197664983e-01, 3.0131939610080288e-01, 2.9815132669668531e-01,
      2.9499708779996164e-01, 2.9185658561709499e-01, 2.8872972848218270e-01,
      2.8561642681550159e-01, 2.8251659308370741e-01, 2.7943014176163772e-01,
      2.7635698929566810e-01, 2.7329705406857691e-01, 2.7025025636587519e-01,
      2.6721651834356114e-01, 2.6419576399726080e-01, 2.6118791913272082e-01,
      2.5819291133761890e-01, 2.5521066995466168e-01, 2.5224112605594190e-01,
      2.4928421241852824e-01, 2.4633986350126363e-01, 2.4340801542275012e-01,
      2.4048860594050039e-01, 2.3758157443123795e-01, 2.3468686187232990e-01,
      2.3180441082433859e-01, 2.2893416541468023e-01, 2.2607607132238020e-01,
      2.2323007576391746e-01, 2.2039612748015194e-01, 2.1757417672433113e-01,
      2.1476417525117358e-01, 2.1196607630703015e-01, 2.0917983462112499e-01,
      2.0640540639788071e-01, 2.0364274931033485e-01, 2.0089182249465656e-01,
      1.9815258654577511e-01, 1.9542500351413428e-01, 1.9270903690358912e-01,
      1.9000465167046496e-01, 1.8731181422380025e-01, 1.8463049242679927e-01,
      1.8196065559952254e-01, 1.7930227452284767e-01, 1.7665532144373500e-01,
      1.7401977008183875e-01, 1.7139559563750595e-01, 1.6878277480121151e-01,
      1.6618128576448205e-01, 1.6359110823236570e-01, 1.6101222343751107e-01,
      1.5844461415592431e-01, 1.5588826472447920e-01, 1.5334316106026283e-01,
      1.5080929068184568e-01, 1.4828664273257453e-01, 1.4577520800599403e-01,
      1.4327497897351341e-01, 1.4078594981444470e-01, 1.3830811644855071e-01,
      1.3584147657125373e-01, 1.3338602969166913e-01, 1.3094177717364430e-01,
      1.2850872227999952e-01, 1.2608687022018586e-01, 1.2367622820159654e-01,
      1.2127680548479021e-01, 1.1888861344290998e-01, 1.1651166562561080e-01,
      1.1414597782783835e-01, 1.1179156816383801e-01, 1.0944845714681163e-01,
      1.0711666777468364e-01, 1.0479622562248690e-01, 1.0248715894193508e-01,
      1.0018949876880981e-01, 9.7903279038862284e-02, 9.5628536713008819e-02,
      9.3365311912690860e-02, 9.1113648066373634e-02, 8.8873592068275789e-02,
      8.6645194450557961e-02, 8.4428509570353374e-02, 8.2223595813202863e-02,
      8.0030515814663056e-02, 7.7849336702096039e-02, 7.5680130358927067e-02,
      7.3522973713981268e-02, 7.1377949058890375e-02, 6.9245144397006769e-02,
      6.7124653827788497e-02, 6.5016577971242842e-02, 6.2921024437758113e-02,
      6.0838108349539864e-02, 5.8767952920933758e-02, 5.6710690106202902e-02,
      5.4666461324888914e-02, 5.2635418276792176e-02, 5.0617723860947761e-02,
      4.8613553215868521e-02, 4.6623094901930368e-02, 4.4646552251294443e-02,
      4.2684144916474431e-02, 4.0736110655940933e-02, 3.8802707404526113e-02,
      3.6884215688567284e-02, 3.4980941461716084e-02, 3.3093219458578522e-02,
      3.1221417191920245e-02, 2.9365939758133314e-02, 2.7527235669603082e-02,
      2.5705804008548896e-02, 2.3902203305795882e-02, 2.2117062707308864e-02,
      2.0351096230044517e-02, 1.8605121275724643e-02, 1.6880083152543166e-02,
      1.5177088307935325e-02, 1.3497450601739880e-02, 1.1842757857907888e-02,
      1.0214971439701471e-02, 8.6165827693987316e-03, 7.0508754713732268e-03,
      5.5224032992509968e-03, 4.0379725933630305e-03, 2.6090727461021627e-03,
      1.2602859304985975e-03}.
