%% More of crypto's one-shot ciphers: the other AES key sizes, ChaCha20 as
%% a stream cipher (OTP's 16-byte IV: counter, then nonce), CTR being its
%% own inverse, and the errors for bad sizes.
-module(cipher_more_tests).
-include_lib("eunit/include/eunit.hrl").

k(N) -> list_to_binary(lists:seq(1, N)).

aes_192_cbc_test() ->
    ?assertEqual(<<"1F6BDBC1DDE7782472F1276FB1DB5555">>,
                 binary:encode_hex(crypto:crypto_one_time(aes_192_cbc, k(24), k(16), <<"0123456789abcdef">>, true))).

chacha20_stream_test() ->
    ?assertEqual(<<"14B6E53CEA63C5BDE9E46008">>,
                 binary:encode_hex(crypto:crypto_one_time(chacha20, k(32), k(16), <<"hello chacha">>, true))).

aes_192_gcm_test() ->
    {C, _Tag} = crypto:crypto_one_time_aead(aes_192_gcm, k(24), k(12), <<"x">>, <<"a">>, true),
    ?assertEqual(<<"34">>, binary:encode_hex(C)).

aes_256_ctr_is_its_own_inverse_test() ->
    ?assertEqual(<<"2C6E25494356005FF428309BC1">>,
                 binary:encode_hex(crypto:crypto_one_time(aes_256_ctr, k(32), k(16), <<"counter mode!">>, false))),
    C = crypto:crypto_one_time(aes_256_ctr, k(32), k(16), <<"counter mode!">>, true),
    ?assertEqual(<<"counter mode!">>, crypto:crypto_one_time(aes_256_ctr, k(32), k(16), C, false)).

gcm_round_trip_with_aad_test() ->
    {C, T} = crypto:crypto_one_time_aead(aes_128_gcm, k(16), k(12), <<"secret">>, <<"hdr">>, true),
    ?assertEqual(<<"secret">>, crypto:crypto_one_time_aead(aes_128_gcm, k(16), k(12), C, <<"hdr">>, T, false)),
    ?assertEqual(error, crypto:crypto_one_time_aead(aes_128_gcm, k(16), k(12), C, <<"HDR">>, T, false)).

bad_key_size_test() ->
    ?assertError({badarg, {"api_ng.c", _}, "Bad key size"},
                 crypto:crypto_one_time(aes_128_cbc, k(8), k(16), <<"x">>, true)).

bad_iv_size_test() ->
    ?assertError({badarg, {"api_ng.c", _}, "Bad iv size"},
                 crypto:crypto_one_time(aes_128_cbc, k(16), k(8), <<"x">>, true)).

bad_padding_on_decrypt_test() ->
    ?assertError({error, {"api_ng.c", _}, "Can't finalize"},
                 crypto:crypto_one_time(aes_128_cbc, <<0:128>>, <<0:128>>, <<"0123456789abcdefX">>,
                                        [{encrypt, false}, {padding, pkcs_padding}])).
