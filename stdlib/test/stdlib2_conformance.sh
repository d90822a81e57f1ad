#!/bin/sh
# Runs the conformance tests that use the second batch of stdlib modules on
# OTP 25, with calls to those modules redirected to ferl's renamed copies
# (ferl_string, ferl_sets, ...): a check that ferl's Erlang sources pass
# the suite before the runtime is involved.
#   stdlib/test/stdlib2_conformance.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
conf="$here/../../conformance"
mods="string sets ordsets orddict dict gb_trees gb_sets queue base64 calendar filename array io_lib"
out=$(mktemp -d)
for m in $mods; do
    "$here/mkcopy.sh" "$here/../$m.erl" $m ferl_$m "$out"
done
tests=""
for f in "$conf"/*/*_tests.erl; do
    if grep -qE "\b(string|sets|ordsets|orddict|dict|gb_trees|gb_sets|queue|base64|calendar|filename|array|io_lib):" "$f"; then
        b=$(basename "$f" .erl)
        expr="s/\\b(string|sets|ordsets|orddict|dict|gb_trees|gb_sets|queue|base64|calendar|filename|array|io_lib):/ferl_\$1:/g"
        perl -pe "$expr" "$f" > "$out/$b.erl"
        tests="$tests $b"
    fi
done
cd "$out"
erlc +nowarn_unused_vars +nowarn_unused_function *.erl
status=0
for t in $tests; do
    erl -noshell -eval "case eunit:test($t, []) of ok -> halt(0); _ -> halt(1) end." || status=1
done
rm -rf "$out"
exit $status
