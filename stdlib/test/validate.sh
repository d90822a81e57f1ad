#!/bin/sh
# Validates ferl's stdlib modules against OTP 25 on `erl'.
#   stdlib/test/validate.sh [N]     (N = random cases per function)
# lists, maps and proplists: renamed copies (ferl_lists, ...) are compared
# with OTP's modules on random inputs, results and exceptions alike.
# eunit: see eunit_check.sh.
set -e
here=$(cd "$(dirname "$0")" && pwd)
n=${1:-2000}
out=$(mktemp -d)
for m in lists maps proplists; do
    [ -f "$here/../$m.erl" ] && "$here/mkcopy.sh" "$here/../$m.erl" $m ferl_$m "$out"
done
cp "$here"/prop*.erl "$out"
cd "$out"
erlc +nowarn_unused_vars *.erl
status=0
for m in lists maps proplists; do
    if [ -f "prop_$m.erl" ] && [ -f "ferl_$m.erl" ]; then
        erl -noshell -eval "N = prop_$m:run($n), halt(min(N, 1))." || status=1
    fi
done
rm -rf "$out"
exit $status
