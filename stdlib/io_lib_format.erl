%% @doc The parts of OTP's `io_lib_format' that libraries call directly:
%% `fwrite_g/1', the shortest text that reads back as the same float (what
%% `~p' and `~w' print). `io_lib:format/2' itself is a native.
-module(io_lib_format).

-export([fwrite_g/1]).

%% @doc The shortest string that reads back as `Float', as `~w' prints it.
-spec fwrite_g(Float) -> string() when Float :: float().
fwrite_g(Float) when is_float(Float) ->
    lists:flatten(io_lib:write(Float)).
