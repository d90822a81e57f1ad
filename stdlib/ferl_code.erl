%% @doc ferl's code loading primitive: compiling a source file and making
%% it the current version of its module (there are no `.beam' files).
-module(ferl_code).

-export([load_source/1]).

%% @doc Compiles `File' and installs it: `{ok, Module, WarningsText}',
%% `{error, enoent}' or `{error, ErrorsText}'. A native
%% (`runtime/src/bif/code.rs').
-spec load_source(File) -> {ok, module(), string()} | {error, enoent | string()}
              when File :: string().
load_source(_File) ->
    erlang:nif_error(undef).
