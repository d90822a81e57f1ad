%% @doc Sample for eunit validation: how tests and groups are named.
-module(eu_names_tests).
-include_lib("eunit/include/eunit.hrl").
a_test() -> ok.
b_test() -> ok.
d_test_() -> {"desc here", ?_test(ok)}.
e_test_() -> {"listdesc", [?_test(ok), {"inner", [?_test(ok)]}]}.
f_test_() -> {setup, fun() -> ok end, [?_test(ok)]}.
g_test_() -> {foreach, fun() -> ok end, [fun(_) -> ?_test(ok) end]}.
h_test_() -> fun() -> ok end.
i_test_() -> {"d", fun() -> ok end}.
j_test_() -> {?LINE, fun() -> ok end}.
k_test_() -> {<<"bin desc">>, [?_test(ok), ?_test(ok)]}.
l_test_() -> {timeout, 10, [{inorder, [?_test(ok)]}, {inparallel, [?_test(ok)]}]}.
m_test_() -> {generator, fun() -> {"gen", [?_test(ok), ?_test(ok)]} end}.
