%% A behaviour with required and optional callbacks, by -callback.
-module(beh_a).
-callback a(term()) -> ok.
-callback b(term(), term()) -> ok.
-callback c() -> ok.
-optional_callbacks([c/0]).
