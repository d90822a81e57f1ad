%% @doc Cryptographic functions, as OTP 25's `crypto' has them: message
%% digests (one-shot and streaming), HMAC, PBKDF2, Ed25519 keys and
%% signatures, random bytes, and the small helpers around them.
%%
%% The primitives are natives (the `*_nif' functions below, implemented
%% in ferl's runtime with RustCrypto's crates and the operating system's
%% random source): cryptography is neither written in Erlang nor by hand.
%% This module checks and flattens arguments and raises OTP's errors, e.g.
%% `{badarg, {"hash.c", Line}, "Bad digest type"}'.
%%
%% Streaming states (`hash_init/1', `mac_init/3') keep the data fed so far
%% and digest it at the end: the result is the same as OTP's, the memory
%% grows with the input. Symmetric ciphers are one-shot
%% (`crypto_one_time/4,5', `crypto_one_time_aead/6,7'): AES in CBC, ECB,
%% CTR and GCM modes and ChaCha20(-Poly1305); the streaming
%% `crypto_init/update/final' API is not there yet.
-module(crypto).

%% Digests
-export([hash/2, hash_init/1, hash_update/2, hash_final/1, hash_info/1]).
%% MACs and key derivation
-export([mac/4, macN/5, mac_init/3, mac_update/2, mac_final/1,
         pbkdf2_hmac/5]).
%% Public keys
-export([generate_key/2, generate_key/3, sign/4, verify/5]).
%% Random numbers
-export([strong_rand_bytes/1, rand_seed/0, rand_uniform/2]).
%% Helpers
-export([exor/2, hash_equals/2, bytes_to_integer/1,
         supports/0, supports/1, info_lib/0]).
%% Symmetric ciphers
-export([crypto_one_time/4, crypto_one_time/5,
         crypto_one_time_aead/6, crypto_one_time_aead/7, cipher_info/1]).

-type hash_algorithm() :: md4 | md5 | ripemd160 | sha | sha224 | sha256
                        | sha384 | sha512 | sha3_224 | sha3_256 | sha3_384
                        | sha3_512 | blake2b | blake2s.
-opaque hash_state() :: {crypto_hash, hash_algorithm(), iodata()}.
-opaque mac_state() :: {crypto_mac, hash_algorithm(), binary(), iodata()}.
-export_type([hash_algorithm/0, hash_state/0, mac_state/0]).

-define(CIPHERS, [aes_128_cbc, aes_192_cbc, aes_256_cbc, aes_128_ctr,
                  aes_192_ctr, aes_256_ctr, aes_128_ecb, aes_192_ecb,
                  aes_256_ecb, aes_128_gcm, aes_192_gcm, aes_256_gcm,
                  chacha20, chacha20_poly1305]).

-define(HASHES, [sha, sha224, sha256, sha384, sha512, sha3_224, sha3_256,
                 sha3_384, sha3_512, blake2b, blake2s, md4, md5, ripemd160]).

%%% ---------------------------------------------------------------------
%%% Digests
%%% ---------------------------------------------------------------------

%% @doc The digest of `Data' with algorithm `Type'.
-spec hash(hash_algorithm(), iodata()) -> binary().
hash(Type, Data) ->
    Bin = iolist_to_binary(Data),
    case digest_nif(Type, Bin) of
        notsup -> erlang:error({badarg, {"hash.c", 0}, "Bad digest type"});
        Digest -> Digest
    end.

%% @doc Starts a streaming digest.
-spec hash_init(hash_algorithm()) -> hash_state().
hash_init(Type) ->
    case lists:member(Type, ?HASHES) of
        true -> {crypto_hash, Type, []};
        false -> erlang:error({badarg, {"hash.c", 0}, "Bad digest type"})
    end.

%% @doc Feeds more data to a streaming digest.
-spec hash_update(hash_state(), iodata()) -> hash_state().
hash_update({crypto_hash, Type, Acc}, Data) ->
    {crypto_hash, Type, [Acc, iolist_to_binary(Data)]};
hash_update(State, Data) ->
    erlang:error(badarg, [State, Data]).

%% @doc The digest of everything fed to a streaming digest.
-spec hash_final(hash_state()) -> binary().
hash_final({crypto_hash, Type, Acc}) ->
    hash(Type, Acc);
hash_final(State) ->
    erlang:error(badarg, [State]).

%% @doc The type, size and block size of a digest algorithm.
-spec hash_info(hash_algorithm()) -> #{type := integer(), size := integer(),
                                       block_size := integer()}.
hash_info(Type) ->
    case lists:keyfind(Type, 1, hash_sizes()) of
        {Type, Nid, Size, Block} -> #{type => Nid, size => Size, block_size => Block};
        false -> erlang:error({badarg, {"hash.c", 0}, "Bad digest type"})
    end.

%% OpenSSL's NIDs, output sizes and block sizes, as OTP reports them.
hash_sizes() ->
    [{md4, 257, 16, 64}, {md5, 4, 16, 64}, {ripemd160, 117, 20, 64},
     {sha, 64, 20, 64}, {sha224, 675, 28, 64}, {sha256, 672, 32, 64},
     {sha384, 673, 48, 128}, {sha512, 674, 64, 128},
     {sha3_224, 1096, 28, 144}, {sha3_256, 1097, 32, 136},
     {sha3_384, 1098, 48, 104}, {sha3_512, 1099, 64, 72},
     {blake2b, 1056, 64, 128}, {blake2s, 1057, 32, 64}].

%%% ---------------------------------------------------------------------
%%% MACs and key derivation
%%% ---------------------------------------------------------------------

%% @doc The HMAC of `Data' under `Key' (`Type' must be `hmac').
-spec mac(hmac, hash_algorithm(), iodata(), iodata()) -> binary().
mac(hmac, SubType, Key, Data) ->
    case hmac_nif(SubType, iolist_to_binary(Key), iolist_to_binary(Data)) of
        notsup ->
            erlang:error({badarg, {"mac.c", 0}, "Bad digest algorithm for HMAC"});
        Mac ->
            Mac
    end;
mac(_Type, _SubType, _Key, _Data) ->
    erlang:error({badarg, {"mac.c", 0}, "Unknown mac algorithm"}).

%% @doc The first `Length' bytes of `mac/4'.
-spec macN(hmac, hash_algorithm(), iodata(), iodata(), pos_integer()) -> binary().
macN(Type, SubType, Key, Data, Length) ->
    binary:part(mac(Type, SubType, Key, Data), 0, Length).

%% @doc Starts a streaming HMAC.
-spec mac_init(hmac, hash_algorithm(), iodata()) -> mac_state().
mac_init(hmac, SubType, Key) ->
    _ = mac(hmac, SubType, Key, <<>>),
    {crypto_mac, SubType, iolist_to_binary(Key), []};
mac_init(Type, SubType, Key) ->
    mac(Type, SubType, Key, <<>>).

%% @doc Feeds more data to a streaming HMAC.
-spec mac_update(mac_state(), iodata()) -> mac_state().
mac_update({crypto_mac, SubType, Key, Acc}, Data) ->
    {crypto_mac, SubType, Key, [Acc, iolist_to_binary(Data)]};
mac_update(State, Data) ->
    erlang:error(badarg, [State, Data]).

%% @doc The HMAC of everything fed to a streaming HMAC.
-spec mac_final(mac_state()) -> binary().
mac_final({crypto_mac, SubType, Key, Acc}) ->
    mac(hmac, SubType, Key, Acc);
mac_final(State) ->
    erlang:error(badarg, [State]).

%% @doc PBKDF2 with HMAC (RFC 8018).
-spec pbkdf2_hmac(sha | sha224 | sha256 | sha384 | sha512, iodata(), iodata(),
                  pos_integer(), pos_integer()) -> binary().
pbkdf2_hmac(Digest, Pass, Salt, Iter, KeyLen) ->
    case pbkdf2_nif(Digest, iolist_to_binary(Pass), iolist_to_binary(Salt), Iter, KeyLen) of
        notsup -> erlang:error({badarg, {"pbkdf2_hmac.c", 0}, "Bad digest type"});
        Key -> Key
    end.

%%% ---------------------------------------------------------------------
%%% Public keys (Ed25519)
%%% ---------------------------------------------------------------------

%% @doc A new key pair `{Public, Private}'.
-spec generate_key(eddsa, ed25519) -> {binary(), binary()}.
generate_key(eddsa, Curve) ->
    generate_key(eddsa, Curve, strong_rand_bytes(32));
generate_key(Type, Params) ->
    erlang:error({notsup, {Type, Params}}).

%% @doc The key pair of a given 32-byte private key.
-spec generate_key(eddsa, ed25519, binary()) -> {binary(), binary()}.
generate_key(eddsa, ed25519, Priv) when is_binary(Priv) ->
    case ed25519_public_nif(Priv) of
        error -> erlang:error({badarg, {"pkey.c", 0}, "Couldn't get EDDSA private key"});
        Pub -> {Pub, Priv}
    end;
generate_key(Type, Params, Priv) ->
    erlang:error({notsup, {Type, Params, Priv}}).

%% @doc Signs `Msg' with an Ed25519 private key: `[Priv, ed25519]'.
-spec sign(eddsa, none, iodata(), [binary() | ed25519]) -> binary().
sign(eddsa, none, Msg, [Priv, ed25519]) ->
    case ed25519_sign_nif(iolist_to_binary(Msg), Priv) of
        error -> erlang:error({badarg, {"pkey.c", 0}, "Couldn't get EDDSA private key"});
        Sig -> Sig
    end;
sign(Alg, Digest, Msg, Key) ->
    erlang:error({notsup, {"pkey.c", 0}, "Unsupported algorithm"}, [Alg, Digest, Msg, Key]).

%% @doc Whether `Sig' signs `Msg' under an Ed25519 public key.
-spec verify(eddsa, none, iodata(), binary(), [binary() | ed25519]) -> boolean().
verify(eddsa, none, Msg, Sig, [Pub, ed25519]) ->
    ed25519_verify_nif(iolist_to_binary(Msg), iolist_to_binary(Sig), iolist_to_binary(Pub));
verify(Alg, Digest, Msg, Sig, Key) ->
    erlang:error({notsup, {"pkey.c", 0}, "Unsupported algorithm"}, [Alg, Digest, Msg, Sig, Key]).

%%% ---------------------------------------------------------------------
%%% Random numbers
%%% ---------------------------------------------------------------------

%% @doc `N' bytes from the operating system's random source.
-spec strong_rand_bytes(non_neg_integer()) -> binary().
strong_rand_bytes(N) when is_integer(N), N >= 0 ->
    strong_rand_bytes_nif(N);
strong_rand_bytes(N) ->
    erlang:error(badarg, [N]).

%% @doc Seeds `rand' from strong random bytes; returns the new state.
-spec rand_seed() -> term().
rand_seed() ->
    <<A:32, B:32, C:32>> = strong_rand_bytes(12),
    rand:seed(exsss, {A, B, C}).

%% @doc A random integer `N' with `Lo =< N < Hi'.
-spec rand_uniform(integer(), integer()) -> integer().
rand_uniform(Lo, Hi) when is_integer(Lo), is_integer(Hi), Lo < Hi ->
    Range = Hi - Lo,
    Bytes = (bit_size(binary:encode_unsigned(Range)) div 8) + 8,
    Lo + binary:decode_unsigned(strong_rand_bytes(Bytes)) rem Range;
rand_uniform(Lo, Hi) ->
    erlang:error(badarg, [Lo, Hi]).

%%% ---------------------------------------------------------------------
%%% Helpers
%%% ---------------------------------------------------------------------

%% @doc The bytewise exclusive or of two equally long iodata.
-spec exor(iodata(), iodata()) -> binary().
exor(A, B) ->
    BinA = iolist_to_binary(A),
    BinB = iolist_to_binary(B),
    case byte_size(BinA) =:= byte_size(BinB) of
        true ->
            N = bit_size(BinA),
            <<X:N>> = BinA,
            <<Y:N>> = BinB,
            <<(X bxor Y):N>>;
        false ->
            erlang:error(badarg, [A, B])
    end.

%% @doc Compares two equally long binaries in constant time.
-spec hash_equals(binary(), binary()) -> boolean().
hash_equals(A, B) when is_binary(A), is_binary(B), byte_size(A) =:= byte_size(B) ->
    N = bit_size(A),
    <<X:N>> = A,
    <<Y:N>> = B,
    X bxor Y =:= 0;
hash_equals(A, B) ->
    erlang:error(badarg, [A, B]).

%% @doc A binary read as an unsigned big-endian integer.
-spec bytes_to_integer(binary()) -> non_neg_integer().
bytes_to_integer(<<>>) -> 0;
bytes_to_integer(Bin) -> binary:decode_unsigned(Bin).

%% @doc What this crypto supports, by kind.
-spec supports() -> [{atom(), [atom()]}].
supports() ->
    [{K, supports(K)} || K <- [hashs, ciphers, public_keys, macs, curves, rsa_opts]].

%% @doc The algorithms of one kind.
-spec supports(hashs | ciphers | public_keys | macs | curves | rsa_opts) -> [atom()].
supports(hashs) -> ?HASHES;
supports(ciphers) -> ?CIPHERS;
supports(public_keys) -> [eddsa];
supports(macs) -> [hmac];
supports(curves) -> [ed25519];
supports(rsa_opts) -> [].

%% @doc The library behind the natives.
-spec info_lib() -> [{binary(), integer(), binary()}].
info_lib() ->
    [{<<"RustCrypto">>, 16#00100000, <<"RustCrypto (ferl)">>}].

%%% ---------------------------------------------------------------------
%%% Symmetric ciphers
%%% ---------------------------------------------------------------------

%% @doc Encrypts or decrypts `Data' in one go with a cipher that needs no
%% IV (`aes_*_ecb').
-spec crypto_one_time(atom(), iodata(), iodata(), boolean() | [term()]) -> binary().
crypto_one_time(Cipher, Key, Data, FlagOrOptions) ->
    crypto_one_time(Cipher, Key, <<>>, Data, FlagOrOptions, [Cipher, Key, Data, FlagOrOptions]).

%% @doc Encrypts or decrypts `Data' in one go. `FlagOrOptions' is `true'
%% (encrypt), `false', or a list with `{encrypt, Bool}' and
%% `{padding, none | pkcs_padding}'.
-spec crypto_one_time(atom(), iodata(), iodata(), iodata(), boolean() | [term()]) -> binary().
crypto_one_time(Cipher, Key, IV, Data, FlagOrOptions) ->
    crypto_one_time(Cipher, Key, IV, Data, FlagOrOptions, [Cipher, Key, IV, Data, FlagOrOptions]).

crypto_one_time(Cipher, Key, IV, Data, FlagOrOptions, Args) ->
    {Encrypt, Padding} = cipher_options(FlagOrOptions, Args),
    R = cipher_nif(Cipher, iolist_to_binary(Key), iolist_to_binary(IV),
                   iolist_to_binary(Data), Encrypt, Padding),
    cipher_result(R, Args).

cipher_options(Flag, _Args) when is_boolean(Flag) -> {Flag, none};
cipher_options(Opts, Args) when is_list(Opts) ->
    Encrypt = proplists:get_value(encrypt, Opts, true),
    Padding = proplists:get_value(padding, Opts, none),
    case is_boolean(Encrypt) andalso lists:member(Padding, [none, undefined, pkcs_padding]) of
        true -> {Encrypt, Padding};
        false -> erlang:error({badarg, {"api_ng.c", 130}, "Bad option"}, Args)
    end;
cipher_options(_, Args) ->
    erlang:error({badarg, {"api_ng.c", 130}, "Bad option"}, Args).

%% A native's answer, raised as OTP raises it.
cipher_result({ok, Out}, _Args) -> Out;
cipher_result({error, Class, Msg, _ArgNum}, Args) ->
    erlang:error({Class, {"api_ng.c", cipher_error_line(Msg)}, Msg}, Args).

%% OTP 25's lines in api_ng.c for each message (only told, never used).
cipher_error_line("Bad key size") -> 244;
cipher_error_line("Bad iv size") -> 310;
cipher_error_line("Can't finalize") -> 638;
cipher_error_line(_) -> 119.

%% @doc Encrypts with an AEAD cipher (`aes_*_gcm', `chacha20_poly1305'):
%% `{CipherText, Tag}' with a 16-byte tag.
-spec crypto_one_time_aead(atom(), iodata(), iodata(), iodata(), iodata(), boolean()) ->
          {binary(), binary()} | binary() | error.
crypto_one_time_aead(Cipher, Key, IV, In, AAD, true = Flag) ->
    aead(Cipher, Key, IV, In, AAD, 16, true, [Cipher, Key, IV, In, AAD, Flag]);
crypto_one_time_aead(Cipher, Key, IV, In, AAD, Flag) ->
    erlang:error({badarg, {"aead.c", 90}, "Bad tag"}, [Cipher, Key, IV, In, AAD, Flag]).

%% @doc Encrypts (`true': `TagOrLength' is the tag length, at most 16) or
%% decrypts (`false': `TagOrLength' is the tag; `error' if it does not
%% match) with an AEAD cipher.
-spec crypto_one_time_aead(atom(), iodata(), iodata(), iodata(), iodata(),
                           binary() | pos_integer(), boolean()) ->
          {binary(), binary()} | binary() | error.
crypto_one_time_aead(Cipher, Key, IV, In, AAD, TagOrLength, Flag) ->
    aead(Cipher, Key, IV, In, AAD, TagOrLength, Flag,
         [Cipher, Key, IV, In, AAD, TagOrLength, Flag]).

aead(Cipher, Key, IV, In, AAD, TagOrLength, Flag, Args) when is_boolean(Flag) ->
    Tag = case is_integer(TagOrLength) of
              true -> TagOrLength;
              false -> iolist_to_binary(TagOrLength)
          end,
    case aead_nif(Cipher, iolist_to_binary(Key), iolist_to_binary(IV),
                  iolist_to_binary(In), iolist_to_binary(AAD), Tag, Flag) of
        {ok, Out} -> Out;
        error -> error;
        {error, Class, Msg, _} -> erlang:error({Class, {"aead.c", 90}, Msg}, Args)
    end;
aead(_, _, _, _, _, _, _, Args) ->
    erlang:error({badarg, {"aead.c", 90}, "Bad enc flag"}, Args).

%% @doc The key, IV and block sizes and the mode of a cipher.
-spec cipher_info(atom()) -> #{atom() => term()}.
cipher_info(Cipher) ->
    case cipher_props(Cipher) of
        {Key, IV, Block, Mode, Aead, Type} ->
            #{key_length => Key, iv_length => IV, block_size => Block,
              mode => Mode, prop_aead => Aead, type => Type};
        undefined ->
            erlang:error({badarg, {"api_ng.c", 119}, "Unknown cipher"}, [Cipher])
    end.

%% {KeyLength, IvLength, BlockSize, Mode, Aead, OpenSSL NID} as OTP reports.
cipher_props(aes_128_cbc) -> {16, 16, 16, cbc_mode, false, 419};
cipher_props(aes_192_cbc) -> {24, 16, 16, cbc_mode, false, 423};
cipher_props(aes_256_cbc) -> {32, 16, 16, cbc_mode, false, 427};
cipher_props(aes_128_ctr) -> {16, 16, 1, ctr_mode, false, undefined};
cipher_props(aes_192_ctr) -> {24, 16, 1, ctr_mode, false, undefined};
cipher_props(aes_256_ctr) -> {32, 16, 1, ctr_mode, false, undefined};
cipher_props(aes_128_ecb) -> {16, 0, 16, ecb_mode, false, 418};
cipher_props(aes_192_ecb) -> {24, 0, 16, ecb_mode, false, 422};
cipher_props(aes_256_ecb) -> {32, 0, 16, ecb_mode, false, 426};
cipher_props(aes_128_gcm) -> {16, 12, 1, gcm_mode, true, 895};
cipher_props(aes_192_gcm) -> {24, 12, 1, gcm_mode, true, 898};
cipher_props(aes_256_gcm) -> {32, 12, 1, gcm_mode, true, 901};
cipher_props(chacha20) -> {32, 16, 1, stream_cipher, false, undefined};
cipher_props(chacha20_poly1305) -> {32, 12, 1, stream_cipher, true, undefined};
cipher_props(_) -> undefined.

%% Natives (runtime/src/bif/cipher.rs).
cipher_nif(_Cipher, _Key, _IV, _Data, _Encrypt, _Padding) -> erlang:nif_error(undef).
aead_nif(_Cipher, _Key, _IV, _In, _AAD, _TagOrLength, _Encrypt) -> erlang:nif_error(undef).

%%% ---------------------------------------------------------------------
%%% Natives (replaced by the runtime's implementation when loaded)
%%% ---------------------------------------------------------------------

%% @doc Native: the digest of a binary, or `notsup'.
-spec digest_nif(atom(), binary()) -> binary() | notsup.
digest_nif(_Type, _Data) -> erlang:nif_error(undef).

%% @doc Native: HMAC of a binary, or `notsup'.
-spec hmac_nif(atom(), binary(), binary()) -> binary() | notsup.
hmac_nif(_Type, _Key, _Data) -> erlang:nif_error(undef).

%% @doc Native: PBKDF2-HMAC, or `notsup'.
-spec pbkdf2_nif(atom(), binary(), binary(), pos_integer(), pos_integer()) ->
          binary() | notsup.
pbkdf2_nif(_Type, _Pass, _Salt, _Iter, _Len) -> erlang:nif_error(undef).

%% @doc Native: the Ed25519 public key of a private key, or `error'.
-spec ed25519_public_nif(binary()) -> binary() | error.
ed25519_public_nif(_Priv) -> erlang:nif_error(undef).

%% @doc Native: an Ed25519 signature, or `error'.
-spec ed25519_sign_nif(binary(), binary()) -> binary() | error.
ed25519_sign_nif(_Msg, _Priv) -> erlang:nif_error(undef).

%% @doc Native: whether an Ed25519 signature verifies.
-spec ed25519_verify_nif(binary(), binary(), binary()) -> boolean().
ed25519_verify_nif(_Msg, _Sig, _Pub) -> erlang:nif_error(undef).

%% @doc Native: bytes from the operating system.
-spec strong_rand_bytes_nif(non_neg_integer()) -> binary().
strong_rand_bytes_nif(_N) -> erlang:nif_error(undef).
