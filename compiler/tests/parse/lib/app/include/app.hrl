%% An -include_lib header for preprocess.erl.
-define(APP_VSN, "1.0").
-define(APP_LOG(Msg), {log, ?MODULE, ?LINE, Msg}).
