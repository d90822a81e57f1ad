-module(crypto_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: the crypto module of OTP 25 (OpenSSL 3 backend): exact
%% digests of hash/2 for every hash family, hash_init/update/final,
%% hash_info, mac/3,4 and macN (HMAC test vectors of RFC 2104/4231),
%% pbkdf2_hmac (RFC 6070), Ed25519 generate_key/sign/verify (RFC 8032
%% vectors), crypto_one_time (AES ECB/CBC/CTR) and crypto_one_time_aead
%% (AES-256-GCM, ChaCha20-Poly1305), exor, hash_equals, bytes_to_integer,
%% strong_rand_bytes sizes, supports, and the error terms of bad
%% arguments. Random output is only checked for type and size.

-define(FOX, <<"The quick brown fox jumps over the lazy dog">>).

id(X) -> X.

hex(Bin) -> [hexdigit(N) || <<N:4>> <= Bin].

hexdigit(N) when N < 10 -> $0 + N;
hexdigit(N) -> $a + N - 10.

unhex(S) -> << <<(list_to_integer([A, B], 16))>> || <<A, B>> <= list_to_binary(S) >>.

%% ---- hash/2: exact digests ---------------------------------------------------

hash_md5_test() ->
    ?assertEqual("d41d8cd98f00b204e9800998ecf8427e", hex(crypto:hash(md5, <<>>))),
    ?assertEqual("900150983cd24fb0d6963f7d28e17f72", hex(crypto:hash(md5, <<"abc">>))),
    ?assertEqual("9e107d9d372bb6826bd81d3542a419d6", hex(crypto:hash(md5, ?FOX))).

hash_sha_test() ->
    ?assertEqual("da39a3ee5e6b4b0d3255bfef95601890afd80709", hex(crypto:hash(sha, <<>>))),
    ?assertEqual("a9993e364706816aba3e25717850c26c9cd0d89d", hex(crypto:hash(sha, <<"abc">>))),
    ?assertEqual("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", hex(crypto:hash(sha, ?FOX))).

hash_sha224_test() ->
    ?assertEqual("d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f", hex(crypto:hash(sha224, <<>>))),
    ?assertEqual("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", hex(crypto:hash(sha224, <<"abc">>))),
    ?assertEqual("730e109bd7a8a32b1cb9d9a09aa2325d2430587ddbc0c38bad911525", hex(crypto:hash(sha224, ?FOX))).

hash_sha256_test() ->
    ?assertEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(crypto:hash(sha256, <<>>))),
    ?assertEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(crypto:hash(sha256, <<"abc">>))),
    ?assertEqual("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592", hex(crypto:hash(sha256, ?FOX))).

hash_sha384_test() ->
    ?assertEqual("38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b", hex(crypto:hash(sha384, <<>>))),
    ?assertEqual("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", hex(crypto:hash(sha384, <<"abc">>))),
    ?assertEqual("ca737f1014a48f4c0b6dd43cb177b0afd9e5169367544c494011e3317dbf9a509cb1e5dc1e85a941bbee3d7f2afbc9b1", hex(crypto:hash(sha384, ?FOX))).

hash_sha512_test() ->
    ?assertEqual("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", hex(crypto:hash(sha512, <<>>))),
    ?assertEqual("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", hex(crypto:hash(sha512, <<"abc">>))),
    ?assertEqual("07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb642e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6", hex(crypto:hash(sha512, ?FOX))).

hash_sha3_224_test() ->
    ?assertEqual("6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7", hex(crypto:hash(sha3_224, <<>>))),
    ?assertEqual("e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf", hex(crypto:hash(sha3_224, <<"abc">>))),
    ?assertEqual("d15dadceaa4d5d7bb3b48f446421d542e08ad8887305e28d58335795", hex(crypto:hash(sha3_224, ?FOX))).

hash_sha3_256_test() ->
    ?assertEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", hex(crypto:hash(sha3_256, <<>>))),
    ?assertEqual("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", hex(crypto:hash(sha3_256, <<"abc">>))),
    ?assertEqual("69070dda01975c8c120c3aada1b282394e7f032fa9cf32f4cb2259a0897dfc04", hex(crypto:hash(sha3_256, ?FOX))).

hash_sha3_384_test() ->
    ?assertEqual("0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004", hex(crypto:hash(sha3_384, <<>>))),
    ?assertEqual("ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25", hex(crypto:hash(sha3_384, <<"abc">>))),
    ?assertEqual("7063465e08a93bce31cd89d2e3ca8f602498696e253592ed26f07bf7e703cf328581e1471a7ba7ab119b1a9ebdf8be41", hex(crypto:hash(sha3_384, ?FOX))).

hash_sha3_512_test() ->
    ?assertEqual("a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26", hex(crypto:hash(sha3_512, <<>>))),
    ?assertEqual("b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0", hex(crypto:hash(sha3_512, <<"abc">>))),
    ?assertEqual("01dedd5de4ef14642445ba5f5b97c15e47b9ad931326e4b0727cd94cefc44fff23f07bf543139939b49128caf436dc1bdee54fcb24023a08d9403f9b4bf0d450", hex(crypto:hash(sha3_512, ?FOX))).

hash_blake2b_test() ->
    ?assertEqual("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce", hex(crypto:hash(blake2b, <<>>))),
    ?assertEqual("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", hex(crypto:hash(blake2b, <<"abc">>))),
    ?assertEqual("a8add4bdddfd93e4877d2746e62817b116364a1fa7bc148d95090bc7333b3673f82401cf7aa2e4cb1ecd90296e3f14cb5413f8ed77be73045b13914cdcd6a918", hex(crypto:hash(blake2b, ?FOX))).

hash_blake2s_test() ->
    ?assertEqual("69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9", hex(crypto:hash(blake2s, <<>>))),
    ?assertEqual("508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982", hex(crypto:hash(blake2s, <<"abc">>))),
    ?assertEqual("606beeec743ccbeff6cbcdf5d5302aa855c256c29b88c8ed331ea1a6bf3c8812", hex(crypto:hash(blake2s, ?FOX))).

hash_iodata_input_test() ->
    ?assertEqual(crypto:hash(sha256, <<"abc">>), crypto:hash(sha256, "abc")),
    ?assertEqual(crypto:hash(sha256, <<"abc">>), crypto:hash(sha256, ["a", [<<"b">>], $c])).

hash_md4_ripemd160_test() ->
    ?assertEqual("a448017aaf21d8525fc10ae87aa6729d", hex(crypto:hash(md4, <<"abc">>))),
    ?assertEqual("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc", hex(crypto:hash(ripemd160, <<"abc">>))).

hash_million_a_test() ->
    ?assertEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
                 hex(crypto:hash(sha256, binary:copy(<<"a">>, 1000000)))).

hash_sizes_test() ->
    Sizes = [{md5, 16}, {sha, 20}, {sha224, 28}, {sha256, 32}, {sha384, 48}, {sha512, 64},
             {sha3_256, 32}, {sha3_512, 64}, {blake2b, 64}, {blake2s, 32}],
    ?assertEqual(Sizes, [{A, byte_size(crypto:hash(A, <<"x">>))} || {A, _} <- Sizes]).

hash_unknown_type_error_test() ->
    ?assertError({badarg, {"hash.c", _}, "Bad digest type"}, crypto:hash(id(foo), <<>>)).

hash_bad_data_badarg_test() ->
    ?assertError(badarg, crypto:hash(sha256, id(foo))),
    ?assertError(badarg, crypto:hash(sha256, id([1000]))).

hash_info_test() ->
    ?assertMatch(#{size := 32, block_size := 64}, crypto:hash_info(sha256)),
    ?assertMatch(#{size := 16, block_size := 64}, crypto:hash_info(md5)),
    ?assertMatch(#{size := 64, block_size := 128}, crypto:hash_info(sha512)).

%% ---- hash_init / hash_update / hash_final -------------------------------

hash_stream_equals_one_shot_test() ->
    S0 = crypto:hash_init(sha256),
    S1 = crypto:hash_update(S0, <<"The quick ">>),
    S2 = crypto:hash_update(S1, "brown fox "),
    S3 = crypto:hash_update(S2, [<<"jumps over">>, " the lazy dog"]),
    ?assertEqual(crypto:hash(sha256, ?FOX), crypto:hash_final(S3)).

hash_stream_no_update_test() ->
    ?assertEqual(crypto:hash(md5, <<>>), crypto:hash_final(crypto:hash_init(md5))).

hash_stream_every_algorithm_test() ->
    Algs = [md5, sha, sha224, sha256, sha384, sha512, sha3_256, sha3_512, blake2b, blake2s],
    ?assertEqual([crypto:hash(A, <<"abcdef">>) || A <- Algs],
                 [crypto:hash_final(crypto:hash_update(crypto:hash_update(crypto:hash_init(A), <<"abc">>), <<"def">>))
                  || A <- Algs]).

hash_init_unknown_type_error_test() ->
    ?assertError({badarg, {"hash.c", _}, "Bad digest type"}, crypto:hash_init(id(foo))).

%% ---- mac / macN / hmac ----------------------------------------------------

hmac_md5_test() ->
    ?assertEqual("80070713463e7749b90c2dc24911e275", hex(crypto:mac(hmac, md5, <<"key">>, ?FOX))).

hmac_sha_test() ->
    ?assertEqual("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", hex(crypto:mac(hmac, sha, <<"key">>, ?FOX))).

hmac_sha256_test() ->
    ?assertEqual("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                 hex(crypto:mac(hmac, sha256, <<"key">>, ?FOX))).

hmac_rfc4231_case1_test() ->
    Key = binary:copy(<<16#0b>>, 20),
    ?assertEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                 hex(crypto:mac(hmac, sha256, Key, <<"Hi There">>))),
    ?assertEqual("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
                 hex(crypto:mac(hmac, sha512, Key, <<"Hi There">>))).

hmac_rfc4231_case2_test() ->
    ?assertEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                 hex(crypto:mac(hmac, sha256, <<"Jefe">>, <<"what do ya want for nothing?">>))).

hmac_key_longer_than_block_test() ->
    Key = binary:copy(<<16#aa>>, 131),
    ?assertEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                 hex(crypto:mac(hmac, sha256, Key, <<"Test Using Larger Than Block-Size Key - Hash Key First">>))).

hmac_iodata_key_and_data_test() ->
    ?assertEqual(crypto:mac(hmac, sha256, <<"key">>, <<"The quick brown">>),
                 crypto:mac(hmac, sha256, [<<"k">>, "ey"], ["The quick ", <<"brown">>])).

hmac_empty_key_and_data_test() ->
    ?assertEqual("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
                 hex(crypto:mac(hmac, sha256, <<>>, <<>>))).

macN_truncates_test() ->
    Full = crypto:mac(hmac, sha256, <<"key">>, <<"data">>),
    ?assertEqual(binary:part(Full, 0, 8), crypto:macN(hmac, sha256, <<"key">>, <<"data">>, 8)).

mac_stream_test() ->
    S0 = crypto:mac_init(hmac, sha256, <<"key">>),
    S1 = crypto:mac_update(S0, <<"The quick brown fox ">>),
    S2 = crypto:mac_update(S1, <<"jumps over the lazy dog">>),
    ?assertEqual(crypto:mac(hmac, sha256, <<"key">>, ?FOX), crypto:mac_final(S2)).

mac_unknown_digest_error_test() ->
    ?assertError({badarg, {"mac.c", _}, "Bad digest algorithm for HMAC"},
                 crypto:mac(hmac, id(foo), <<"k">>, <<>>)).

mac_unknown_type_error_test() ->
    ?assertError({badarg, {"mac.c", _}, "Unknown mac algorithm"},
                 crypto:mac(id(foo), sha256, <<"k">>, <<>>)).

%% ---- pbkdf2_hmac ----------------------------------------------------------

pbkdf2_rfc6070_test() ->
    ?assertEqual("0c60c80f961f0e71f3a9b524af6012062fe037a6",
                 hex(crypto:pbkdf2_hmac(sha, <<"password">>, <<"salt">>, 1, 20))),
    ?assertEqual("4b007901b765489abead49d926f721d065a429c1",
                 hex(crypto:pbkdf2_hmac(sha, <<"password">>, <<"salt">>, 4096, 20))).

pbkdf2_sha256_test() ->
    ?assertEqual("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
                 hex(crypto:pbkdf2_hmac(sha256, <<"password">>, <<"salt">>, 2, 32))).

%% ---- Ed25519 ------------------------------------------------------------------

-define(SK1, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").
-define(PK1, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").
-define(SIG1, "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b").
-define(SK2, "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb").
-define(PK2, "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c").
-define(SIG2, "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00").

ed25519_generate_key_shape_test() ->
    {Pub, Priv} = crypto:generate_key(eddsa, ed25519),
    ?assertEqual({32, 32}, {byte_size(Pub), byte_size(Priv)}).

ed25519_generate_key_from_private_test() ->
    ?assertEqual({unhex(?PK1), unhex(?SK1)}, crypto:generate_key(eddsa, ed25519, unhex(?SK1))),
    ?assertEqual({unhex(?PK2), unhex(?SK2)}, crypto:generate_key(eddsa, ed25519, unhex(?SK2))).

ed25519_sign_rfc8032_test1_test() ->
    ?assertEqual(?SIG1, hex(crypto:sign(eddsa, none, <<>>, [unhex(?SK1), ed25519]))).

ed25519_sign_rfc8032_test2_test() ->
    ?assertEqual(?SIG2, hex(crypto:sign(eddsa, none, <<16#72>>, [unhex(?SK2), ed25519]))).

ed25519_sign_hello_test() ->
    ?assertEqual("511ca497c4d4270b098b1afd5ae4e3b951a5da2c9da6e9c0528f5761883676e7df6e4c0f0e1b5a0a4444f4298b1882dd822fb1133cbd49abfb996c87cd5b8506",
                 hex(crypto:sign(eddsa, none, <<"hello">>, [unhex(?SK1), ed25519]))).

ed25519_verify_test() ->
    ?assert(crypto:verify(eddsa, none, <<>>, unhex(?SIG1), [unhex(?PK1), ed25519])),
    ?assert(crypto:verify(eddsa, none, <<16#72>>, unhex(?SIG2), [unhex(?PK2), ed25519])).

ed25519_verify_wrong_message_false_test() ->
    ?assertNot(crypto:verify(eddsa, none, <<"x">>, unhex(?SIG1), [unhex(?PK1), ed25519])).

ed25519_verify_wrong_key_false_test() ->
    ?assertNot(crypto:verify(eddsa, none, <<>>, unhex(?SIG1), [unhex(?PK2), ed25519])).

ed25519_verify_corrupted_signature_false_test() ->
    <<First, Rest/binary>> = unhex(?SIG1),
    ?assertNot(crypto:verify(eddsa, none, <<>>, <<(First bxor 1), Rest/binary>>, [unhex(?PK1), ed25519])).

ed25519_round_trip_generated_key_test() ->
    {Pub, Priv} = crypto:generate_key(eddsa, ed25519),
    Sig = crypto:sign(eddsa, none, <<"message">>, [Priv, ed25519]),
    ?assertEqual(64, byte_size(Sig)),
    ?assert(crypto:verify(eddsa, none, <<"message">>, Sig, [Pub, ed25519])),
    ?assert(crypto:verify(eddsa, none, "message", Sig, [Pub, ed25519])).

ed25519_sign_deterministic_test() ->
    {_, Priv} = crypto:generate_key(eddsa, ed25519),
    ?assertEqual(crypto:sign(eddsa, none, <<"m">>, [Priv, ed25519]),
                 crypto:sign(eddsa, none, <<"m">>, [Priv, ed25519])).

ed25519_sign_bad_key_error_test() ->
    ?assertError({badarg, {"pkey.c", _}, "Couldn't get EDDSA private key"},
                 crypto:sign(eddsa, none, <<"m">>, [<<1>>, ed25519])).

%% ---- symmetric ciphers -------------------------------------------------------

-define(K32, <<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31>>).
-define(K16, <<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15>>).
-define(IV12, <<0,1,2,3,4,5,6,7,8,9,10,11>>).
-define(IV16, <<16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31>>).

aes_256_gcm_encrypt_test() ->
    {C, Tag} = crypto:crypto_one_time_aead(aes_256_gcm, ?K32, ?IV12, <<"attack at dawn">>, <<"header">>, true),
    ?assertEqual("2676a27aa68ee27af961f3eac687", hex(C)),
    ?assertEqual("78dfa844b858372d1284003a558b797c", hex(Tag)).

aes_256_gcm_decrypt_test() ->
    ?assertEqual(<<"attack at dawn">>,
                 crypto:crypto_one_time_aead(aes_256_gcm, ?K32, ?IV12, unhex("2676a27aa68ee27af961f3eac687"),
                                             <<"header">>, unhex("78dfa844b858372d1284003a558b797c"), false)).

aes_256_gcm_bad_tag_error_test() ->
    ?assertEqual(error,
                 crypto:crypto_one_time_aead(aes_256_gcm, ?K32, ?IV12, unhex("2676a27aa68ee27af961f3eac687"),
                                             <<"other header">>, unhex("78dfa844b858372d1284003a558b797c"), false)).

aes_256_gcm_short_tag_test() ->
    {_, Tag} = crypto:crypto_one_time_aead(aes_256_gcm, ?K32, ?IV12, <<"attack at dawn">>, <<"header">>, 8, true),
    ?assertEqual("78dfa844b858372d", hex(Tag)).

chacha20_poly1305_encrypt_test() ->
    {C, Tag} = crypto:crypto_one_time_aead(chacha20_poly1305, ?K32, ?IV12, <<"attack at dawn">>, <<"header">>, true),
    ?assertEqual("e88f7c614a7c8521c3a35b92ef73", hex(C)),
    ?assertEqual("32c719c91289c10afc20b4d7d24051a1", hex(Tag)).

chacha20_poly1305_decrypt_test() ->
    ?assertEqual(<<"attack at dawn">>,
                 crypto:crypto_one_time_aead(chacha20_poly1305, ?K32, ?IV12, unhex("e88f7c614a7c8521c3a35b92ef73"),
                                             <<"header">>, unhex("32c719c91289c10afc20b4d7d24051a1"), false)),
    ?assertEqual(error,
                 crypto:crypto_one_time_aead(chacha20_poly1305, ?K32, ?IV12, unhex("e88f7c614a7c8521c3a35b92ef73"),
                                             <<"header">>, binary:copy(<<0>>, 16), false)).

aes_128_ctr_test() ->
    C = crypto:crypto_one_time(aes_128_ctr, ?K16, ?IV16, <<"attack at dawn">>, true),
    ?assertEqual("668a9b1582be230fe42e8a70f9fa", hex(C)),
    ?assertEqual(<<"attack at dawn">>, crypto:crypto_one_time(aes_128_ctr, ?K16, ?IV16, C, false)).

aes_256_cbc_test() ->
    P = <<"0123456789abcdef0123456789abcdef">>,
    C = crypto:crypto_one_time(aes_256_cbc, ?K32, ?IV16, P, true),
    ?assertEqual("879adb94b99e35f6f6d9680548bb71d1afefd5df6a649b8544b947361abb1e36", hex(C)),
    ?assertEqual(P, crypto:crypto_one_time(aes_256_cbc, ?K32, ?IV16, C, [{encrypt, false}])).

aes_128_ecb_test() ->
    ?assertEqual("281567ab2f4cf0d73d3198225b8b8393",
                 hex(crypto:crypto_one_time(aes_128_ecb, ?K16, <<"0123456789abcdef">>, true))).

aes_cbc_partial_block_dropped_test() ->
    ?assertEqual(<<>>, crypto:crypto_one_time(aes_128_cbc, ?K16, ?IV16, <<"x">>, true)).

aes_cbc_pkcs_padding_test() ->
    C = crypto:crypto_one_time(aes_128_cbc, ?K16, ?IV16, <<"0123456789abcdef0">>,
                               [{encrypt, true}, {padding, pkcs_padding}]),
    ?assertEqual(32, byte_size(C)),
    ?assertEqual(<<"0123456789abcdef0">>,
                 crypto:crypto_one_time(aes_128_cbc, ?K16, ?IV16, C, [{encrypt, false}, {padding, pkcs_padding}])).

cipher_unknown_error_test() ->
    ?assertError({badarg, {"api_ng.c", _}, "Unknown cipher"},
                 crypto:crypto_one_time(id(no_cipher), ?K16, ?IV16, <<"x">>, true)).

cipher_info_test() ->
    ?assertMatch(#{key_length := 32, iv_length := 12, block_size := 1, mode := gcm_mode},
                 crypto:cipher_info(aes_256_gcm)),
    ?assertMatch(#{key_length := 16, iv_length := 16, block_size := 16, mode := cbc_mode},
                 crypto:cipher_info(aes_128_cbc)).

%% ---- exor / hash_equals / bytes_to_integer ---------------------------------

exor_test() ->
    ?assertEqual(<<2, 0, 2>>, crypto:exor(<<1, 2, 3>>, <<3, 2, 1>>)),
    ?assertEqual(<<>>, crypto:exor(<<>>, <<>>)).

exor_iodata_test() ->
    ?assertEqual(<<0, 0>>, crypto:exor("ab", [<<"a">>, $b])).

exor_different_sizes_badarg_test() ->
    ?assertError(badarg, crypto:exor(<<1, 2>>, <<1>>)).

hash_equals_test() ->
    ?assert(crypto:hash_equals(<<"secret">>, <<"secret">>)),
    ?assertNot(crypto:hash_equals(<<"secret">>, <<"secreT">>)).

hash_equals_different_sizes_badarg_test() ->
    ?assertError(badarg, crypto:hash_equals(<<1, 2>>, <<1>>)).

bytes_to_integer_test() ->
    ?assertEqual(256, crypto:bytes_to_integer(<<1, 0>>)),
    ?assertEqual(0, crypto:bytes_to_integer(<<>>)),
    ?assertEqual(16#FFFFFFFFFFFFFFFFFF, crypto:bytes_to_integer(binary:copy(<<255>>, 9))).

%% ---- random bytes -----------------------------------------------------------

strong_rand_bytes_sizes_test() ->
    ?assertEqual([0, 1, 16, 1000], [byte_size(crypto:strong_rand_bytes(N)) || N <- [0, 1, 16, 1000]]).

strong_rand_bytes_differ_test() ->
    ?assert(crypto:strong_rand_bytes(32) =/= crypto:strong_rand_bytes(32)).

strong_rand_bytes_badarg_test() ->
    ?assertError(badarg, crypto:strong_rand_bytes(id(-1))),
    ?assertError(badarg, crypto:strong_rand_bytes(id(foo))).

rand_seed_then_rand_uniform_test() ->
    _ = crypto:rand_seed(),
    X = rand:uniform(),
    ?assert(is_float(X) andalso X >= 0.0 andalso X < 1.0),
    N = rand:uniform(10),
    ?assert(is_integer(N) andalso N >= 1 andalso N =< 10).

rand_uniform_range_test() ->
    Xs = [crypto:rand_uniform(1, 10) || _ <- lists:seq(1, 50)],
    ?assert(lists:all(fun(X) -> is_integer(X) andalso X >= 1 andalso X < 10 end, Xs)).

%% ---- supports / info_lib ----------------------------------------------------

supports_hashs_test() ->
    Hs = crypto:supports(hashs),
    ?assert(lists:all(fun(H) -> lists:member(H, Hs) end,
                      [md5, sha, sha224, sha256, sha384, sha512, sha3_256, sha3_512, blake2b, blake2s])).

supports_macs_test() ->
    ?assert(lists:member(hmac, crypto:supports(macs))).

supports_public_keys_test() ->
    ?assert(lists:member(eddsa, crypto:supports(public_keys))).

supports_ciphers_test() ->
    Cs = crypto:supports(ciphers),
    ?assert(lists:all(fun(C) -> lists:member(C, Cs) end,
                      [aes_256_gcm, chacha20_poly1305, aes_128_ctr, aes_256_cbc, aes_128_ecb])).

supports_all_test() ->
    Keys = [K || {K, _} <- crypto:supports()],
    ?assertEqual([ciphers, curves, hashs, macs, public_keys, rsa_opts], lists:sort(Keys)).

info_lib_shape_test() ->
    [{Name, Vsn, VsnStr} | _] = crypto:info_lib(),
    ?assert(is_binary(Name) andalso is_integer(Vsn) andalso is_binary(VsnStr)).
