%% @doc Bit syntax for `erl_eval': builds binaries from `bin_element'
%% segments, matches binary patterns and steps binary generators.
%%
%% A segment is `{bin_element, Anno, Value, Size, Types}' with Size
%% `default' or an expression and Types `default' or a list of type
%% specifiers (`integer', `little', `signed', `{unit, 8}', ...). Erlang
%% source cannot name a segment's type, signedness or endianness through a
%% variable, so each combination is spelled out once below; the size is a
%% run-time number of bits (size times unit).
%%
%% The caller passes the evaluator as funs: `Eval(Expr, Bindings)' returns
%% `{value, V, Bindings}' for construction, the bare value for pattern
%% sizes; `Match(Pattern, Value, Bindings)' returns `{match, Bindings}' or
%% `nomatch'.
-module(erl_eval_bits).

%% Construction
-export([build/3]).
%% Matching
-export([match/6, generate/6]).

-define(STACK, element(2, erlang:process_info(self(), current_stacktrace))).

%%% ---------------------------------------------------------------------
%%% Construction
%%% ---------------------------------------------------------------------

%% @doc Builds a binary: every segment's value and size is evaluated first,
%% left to right (threading bindings), then the bits are put together, so
%% an exception in an expression wins over a bad segment.
-spec build(Segments :: [tuple()], Bindings :: term(), Eval :: function()) ->
                   {bitstring(), term()}.
build(Segs, Bs0, Eval) ->
    {Parts, Bs} = eval_segments(Segs, Bs0, Eval, []),
    try << <<(put_segment(P))/bitstring>> || P <- Parts >> of
        Bin -> {Bin, Bs}
    catch
        error:system_limit -> erlang:raise(error, system_limit, ?STACK);
        error:_ -> erlang:raise(error, badarg, ?STACK)
    end.

eval_segments([{bin_element, _, {string, _, S}, Size0, Types} | Segs], Bs0, Eval, Acc) ->
    {Type, Unit, Sign, Endian} = bit_type(Types),
    {Size, Bs} = eval_size(Size0, Bs0, Eval),
    Chars = [{C, Size, Type, Unit, Sign, Endian} || C <- S],
    eval_segments(Segs, Bs, Eval, lists:reverse(Chars, Acc));
eval_segments([{bin_element, _, E, Size0, Types} | Segs], Bs0, Eval, Acc) ->
    {value, V, Bs1} = Eval(E, Bs0),
    {Type, Unit, Sign, Endian} = bit_type(Types),
    {Size, Bs} = eval_size(Size0, Bs1, Eval),
    eval_segments(Segs, Bs, Eval, [{V, Size, Type, Unit, Sign, Endian} | Acc]);
eval_segments([], Bs, _Eval, Acc) ->
    {lists:reverse(Acc), Bs}.

eval_size(default, Bs, _Eval) ->
    {default, Bs};
eval_size(E, Bs0, Eval) ->
    {value, S, Bs} = Eval(E, Bs0),
    {S, Bs}.

put_segment({V, Size, Type, Unit, _Sign, Endian}) ->
    case Type of
        integer ->
            Bits = bits(Size, 8, Unit),
            true = is_integer(V),
            put_int(V, Bits, Endian);
        float ->
            Bits = bits(Size, 64, Unit),
            true = is_number(V),
            put_float(V, Bits, Endian);
        _ when Type =:= binary; Type =:= bitstring ->
            true = is_bitstring(V),
            case Size of
                all ->
                    0 = bit_size(V) rem Unit,
                    V;
                default ->
                    0 = bit_size(V) rem Unit,
                    V;
                _ ->
                    Bits = bits(Size, all, Unit),
                    <<Part:Bits/bitstring, _/bitstring>> = V,
                    Part
            end;
        utf8 -> <<V/utf8>>;
        utf16 -> put_utf16(V, Endian);
        utf32 -> put_utf32(V, Endian)
    end.

bits(default, Default, _Unit) -> Default;
bits(Size, _Default, Unit) when is_integer(Size), Size >= 0 -> Size * Unit.

put_int(V, Bits, big) -> <<V:Bits/big>>;
put_int(V, Bits, little) -> <<V:Bits/little>>;
put_int(V, Bits, native) -> <<V:Bits/native>>.

put_float(V, Bits, big) -> <<V:Bits/float-big>>;
put_float(V, Bits, little) -> <<V:Bits/float-little>>;
put_float(V, Bits, native) -> <<V:Bits/float-native>>.

put_utf16(V, little) -> <<V/utf16-little>>;
put_utf16(V, native) -> <<V/utf16-native>>;
put_utf16(V, big) -> <<V/utf16-big>>.

put_utf32(V, little) -> <<V/utf32-little>>;
put_utf32(V, native) -> <<V/utf32-native>>;
put_utf32(V, big) -> <<V/utf32-big>>.

%% {Type, Unit, Sign, Endian} from a type specifier list, with the
%% defaults of each type.
bit_type(default) ->
    {integer, 1, unsigned, big};
bit_type(Specs) ->
    Type = lists:foldl(fun(integer, _) -> integer;
                          (float, _) -> float;
                          (binary, _) -> binary;
                          (bytes, _) -> binary;
                          (bitstring, _) -> bitstring;
                          (bits, _) -> bitstring;
                          (utf8, _) -> utf8;
                          (utf16, _) -> utf16;
                          (utf32, _) -> utf32;
                          (_, T) -> T
                       end, integer, Specs),
    DefaultUnit = case Type of binary -> 8; _ -> 1 end,
    Unit = case lists:keyfind(unit, 1, Specs) of
               {unit, U} -> U;
               false -> DefaultUnit
           end,
    Sign = case lists:member(signed, Specs) of true -> signed; false -> unsigned end,
    Endian = case {lists:member(little, Specs), lists:member(native, Specs)} of
                 {true, _} -> little;
                 {_, true} -> native;
                 _ -> big
             end,
    {Type, Unit, Sign, Endian}.

%%% ---------------------------------------------------------------------
%%% Matching
%%% ---------------------------------------------------------------------

%% @doc Matches a binary pattern's segments against the whole of Bin:
%% `{match, NewBindings}', or throws `nomatch'. Sizes are evaluated with
%% the outer bindings and the ones the pattern has made so far.
-spec match([tuple()], bitstring(), term(), term(), function(), function()) -> {match, term()}.
match(Segs, Bin, Bs0, BBs, Match, Eval) ->
    case match_segments(expand(Segs), Bin, Bs0, BBs, Match, Eval, true) of
        {<<>>, Bs, true} -> {match, Bs};
        _ -> throw(nomatch)
    end.

%% @doc One step of a binary generator: `{match, Rest, NewBindings}' when
%% the pattern matches a prefix of Bin, `{nomatch, Rest}' when the prefix
%% has the pattern's shape but not its values (it is skipped), `done' when
%% too few bits remain.
-spec generate([tuple()], bitstring(), term(), term(), function(), function()) ->
                      {match, bitstring(), term()} | {nomatch, bitstring()} | done.
generate(Segs, Bin, Bs0, BBs, Match, Eval) ->
    try match_segments(expand(Segs), Bin, Bs0, BBs, Match, Eval, true) of
        {Rest, Bs, true} -> {match, Rest, Bs};
        {Rest, _, false} -> {nomatch, Rest}
    catch
        throw:nomatch -> done
    end.

%% A string in a pattern is one segment per character.
expand(Segs) ->
    lists:flatmap(fun({bin_element, A, {string, SA, S}, Size, Types}) ->
                          [{bin_element, A, {integer, SA, C}, Size, Types} || C <- S];
                     (Seg) ->
                          [Seg]
                  end, Segs).

%% Ok turns false once a value did not match: the remaining segments are
%% still taken apart (a generator skips the whole element), their values
%% no longer matched.
match_segments([{bin_element, _, P, Size0, Types} | Segs], Bin, Bs0, BBs, Match, Eval, Ok) ->
    {Type, Unit, Sign, Endian} = bit_type(Types),
    Size = case Size0 of
               default -> default;
               _ when Ok -> Eval(Size0, merge(Bs0, BBs));
               _ -> try Eval(Size0, merge(Bs0, BBs)) catch _:_ -> throw(nomatch) end
           end,
    {V, Rest} = take(Type, Size, Unit, Sign, Endian, Bin),
    case Ok andalso Match(P, V, Bs0) of
        {match, Bs} -> match_segments(Segs, Rest, Bs, BBs, Match, Eval, true);
        _ -> match_segments(Segs, Rest, Bs0, BBs, Match, Eval, false)
    end;
match_segments([], Bin, Bs, _BBs, _Match, _Eval, Ok) ->
    {Bin, Bs, Ok}.

merge(Bs, BBs) when is_map(Bs), is_map(BBs) -> maps:merge(BBs, Bs);
merge(Bs, BBs) when is_list(Bs), is_list(BBs) ->
    lists:foldl(fun({K, V}, Acc) -> orddict:store(K, V, Acc) end, BBs, Bs);
merge(Bs, BBs) when is_map(Bs) -> merge(maps:to_list(Bs), BBs);
merge(Bs, BBs) -> merge(maps:from_list(Bs), BBs).

%% Takes one segment off the front of Bin: {Value, Rest}, or throws nomatch.
take(Type, Size, Unit, Sign, Endian, Bin) ->
    try take1(Type, Size, Unit, Sign, Endian, Bin)
    catch error:_ -> throw(nomatch)
    end.

take1(integer, Size, Unit, Sign, Endian, Bin) ->
    Bits = bits(Size, 8, Unit),
    get_int(Bits, Sign, Endian, Bin);
take1(float, Size, Unit, _Sign, Endian, Bin) ->
    Bits = bits(Size, 64, Unit),
    get_float(Bits, Endian, Bin);
take1(Type, default, Unit, _Sign, _Endian, Bin) when Type =:= binary; Type =:= bitstring ->
    0 = bit_size(Bin) rem Unit,
    {Bin, <<>>};
take1(Type, Size, Unit, _Sign, _Endian, Bin) when Type =:= binary; Type =:= bitstring ->
    Bits = bits(Size, 0, Unit),
    <<V:Bits/bitstring, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf8, _Size, _Unit, _Sign, _Endian, Bin) ->
    <<V/utf8, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf16, _Size, _Unit, _Sign, little, Bin) ->
    <<V/utf16-little, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf16, _Size, _Unit, _Sign, native, Bin) ->
    <<V/utf16-native, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf16, _Size, _Unit, _Sign, big, Bin) ->
    <<V/utf16-big, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf32, _Size, _Unit, _Sign, little, Bin) ->
    <<V/utf32-little, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf32, _Size, _Unit, _Sign, native, Bin) ->
    <<V/utf32-native, Rest/bitstring>> = Bin,
    {V, Rest};
take1(utf32, _Size, _Unit, _Sign, big, Bin) ->
    <<V/utf32-big, Rest/bitstring>> = Bin,
    {V, Rest}.

get_int(Bits, unsigned, big, Bin) ->
    <<V:Bits/unsigned-big, R/bitstring>> = Bin, {V, R};
get_int(Bits, unsigned, little, Bin) ->
    <<V:Bits/unsigned-little, R/bitstring>> = Bin, {V, R};
get_int(Bits, unsigned, native, Bin) ->
    <<V:Bits/unsigned-native, R/bitstring>> = Bin, {V, R};
get_int(Bits, signed, big, Bin) ->
    <<V:Bits/signed-big, R/bitstring>> = Bin, {V, R};
get_int(Bits, signed, little, Bin) ->
    <<V:Bits/signed-little, R/bitstring>> = Bin, {V, R};
get_int(Bits, signed, native, Bin) ->
    <<V:Bits/signed-native, R/bitstring>> = Bin, {V, R}.

get_float(Bits, big, Bin) ->
    <<V:Bits/float-big, R/bitstring>> = Bin, {V, R};
get_float(Bits, little, Bin) ->
    <<V:Bits/float-little, R/bitstring>> = Bin, {V, R};
get_float(Bits, native, Bin) ->
    <<V:Bits/float-native, R/bitstring>> = Bin, {V, R}.
