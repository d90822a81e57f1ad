%% @doc zlib compression, as OTP 25's `zlib', for the one-shot functions:
%% `compress'/`uncompress' (zlib format), `zip'/`unzip' (raw deflate),
%% `gzip'/`gunzip'. They are natives over the zlib library itself
%% (`runtime/src/bif/zlib.rs'), so the bytes are the same as OTP's; bad
%% input raises `data_error'. The streaming API (`open/0', `deflate/2',
%% ...) is not in ferl yet.
-module(zlib).

-export([compress/1, uncompress/1, zip/1, unzip/1, gzip/1, gunzip/1]).

%% @doc Compresses to the zlib format.
-spec compress(Data) -> binary() when Data :: iodata().
compress(_Data) -> erlang:nif_error(undef).

%% @doc Uncompresses the zlib format.
-spec uncompress(Data) -> binary() when Data :: iodata().
uncompress(_Data) -> erlang:nif_error(undef).

%% @doc Compresses to raw deflate data.
-spec zip(Data) -> binary() when Data :: iodata().
zip(_Data) -> erlang:nif_error(undef).

%% @doc Uncompresses raw deflate data.
-spec unzip(Data) -> binary() when Data :: iodata().
unzip(_Data) -> erlang:nif_error(undef).

%% @doc Compresses to the gzip format.
-spec gzip(Data) -> binary() when Data :: iodata().
gzip(_Data) -> erlang:nif_error(undef).

%% @doc Uncompresses the gzip format.
-spec gunzip(Data) -> binary() when Data :: iodata().
gunzip(_Data) -> erlang:nif_error(undef).
