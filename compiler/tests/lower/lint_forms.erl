-module(lint_forms).
-export([f/1, g/0, h/1, k/0]).
-compile({no_auto_import, [byte_size/1]}).
-import(erlang, [byte_size/1]).
-record(r, {a, b = id(1)}).
-record(s, {x :: #s{} | undefined}).
-type t() :: #r{} | #q{} | w().
-export_type([t/0, u/0]).
-spec f(t()) -> v().

f(X) -> {X#r.nope, #r.gone, X#zz.a, #zz.b}.
g() -> [Y || Y <- [1, 2], #r{a = 1} == {r, Y, 1}].
h(X) when byte_size(X) > 1 -> module_info(module);
h(_) -> #s{}.
k() -> ok.
id(X) -> X.
-export([m/0]).
-vsn(1).
-spec k() -> ok.
