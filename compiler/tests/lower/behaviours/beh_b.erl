%% A second behaviour that also requires b/2.
-module(beh_b).
-callback b(term(), term()) -> ok.
-callback d() -> ok.
