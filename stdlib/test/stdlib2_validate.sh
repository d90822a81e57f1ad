#!/bin/sh
# Validates the second batch of ferl stdlib modules against OTP 25 on erl:
#   stdlib/test/stdlib2_validate.sh [N] [module...]
# Each module is copied under the name ferl_<module> (mkcopy.sh) and
# compared with OTP's module by stdlib2_prop_<module>.erl on N random
# cases per function (results and exceptions alike). SEED=n changes the
# random cases; documented differences are reported as "known gaps".
set -e
here=$(cd "$(dirname "$0")" && pwd)
n=${1:-1000}
[ $# -gt 0 ] && shift
mods=${*:-"string sets ordsets orddict dict gb_trees gb_sets queue base64 calendar filename array io_lib"}
out=$(mktemp -d)
for m in $mods; do
    "$here/mkcopy.sh" "$here/../$m.erl" $m ferl_$m "$out"
    cp "$here/stdlib2_prop_$m.erl" "$out"
done
cp "$here/stdlib2_prop.erl" "$here/stdlib2_fallback.erl" "$out"
# sets and dict without erlang:phash/2 (their fallback mode).
for m in sets dict; do
    sed "s/-module($m)/-module(fb_$m)/; s/\b$m:/fb_$m:/g; s/erlang:function_exported(erlang, phash, 2)/false/" \
        "$here/../$m.erl" > "$out/fb_$m.erl"
done
cd "$out"
erlc +nowarn_unused_vars +nowarn_unused_function *.erl
status=0
for m in $mods; do
    erl -noshell -eval "N = stdlib2_prop_$m:run($n), halt(min(N, 1))." || status=1
done
erl -noshell -eval "halt(stdlib2_fallback:run($n div 10 + 1))." || status=1
rm -rf "$out"
exit $status
