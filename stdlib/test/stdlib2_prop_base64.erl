%% @doc Compares ferl's `base64' (renamed `ferl_base64') with OTP's.
-module(stdlib2_prop_base64).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    %% Documented difference: rare malformed input (an invalid character in a padded group) fails
    %% with another reason.
    put(known_gaps, [decode]),
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(base64, ferl_base64, C, N).

cases() ->
    [{encode, [data]}, {encode_to_string, [data]}, {decode, [enc]},
     {decode_to_string, [enc]}, {mime_decode, [enc]},
     {mime_decode_to_string, [enc]}, {decode, [noisy]},
     {mime_decode, [noisy]}].

bytes() -> list_of(20, fun() -> int(0, 255) end).
gen(data) ->
    case rand:uniform(20) of
        1 -> foo;
        2 -> [300];
        _ -> oneof([list_to_binary(bytes()), bytes()])
    end;
gen(enc) ->
    E = base64:encode(list_to_binary(bytes())),
    E1 = case rand:uniform(4) of
             1 -> << <<C, (oneof([<<>>, <<>>, <<" ">>, <<"\n">>]))/binary>> || <<C>> <= E >>;
             _ -> E
         end,
    oneof([E1, binary_to_list(E1)]);
gen(noisy) ->
    E = binary_to_list(base64:encode(list_to_binary(bytes()))),
    %% drop, add or change a character
    I = rand:uniform(length(E) + 1) - 1,
    {A, B} = lists:split(I, E),
    oneof([A ++ [oneof("!*=Y \t")] ++ B, A ++ tl(B ++ "x"), E]).
