#!/bin/sh
# Compares ferl's eunit (stdlib/eunit.erl, stdlib/eunit_proc.erl,
# stdlib/eunit/include/eunit.hrl, stdlib/stdlib/include/assert.hrl) with
# OTP 25's eunit on `erl'.
#   stdlib/test/eunit_check.sh [-v]
# The samples in stdlib/test/eunit/ are compiled twice: with OTP's
# eunit.hrl (run by OTP's eunit) and with ferl's headers (run by
# ferl_eunit and ferl_eunit_proc, renamed copies of ferl's modules, since
# OTP has an eunit_proc of its own).
# The two outputs are normalised (timings, pids, "in call from" lines,
# which show each runner's internals) and compared; -v prints both.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
mkdir -p "$out/otp" "$out/ferl"
# OTP side.
cp "$here"/eunit/*.erl "$out/otp/"
(cd "$out/otp" && erlc +nowarn_unused_vars *.erl >/dev/null 2>&1)
# ferl side.
rename='s/\beunit_proc\b/ferl_eunit_proc/g'
cp "$here/../stdlib/include/assert.hrl" "$out/ferl/ferl_assert.hrl"
sed -e "$rename" \
    -e "s|-include_lib(\"stdlib/include/assert.hrl\")|-include(\"$out/ferl/ferl_assert.hrl\")|" \
    "$here/../eunit/include/eunit.hrl" > "$out/ferl/ferl_eunit.hrl"
sed -e 's/^-module(eunit)\./-module(ferl_eunit)./' -e "$rename" \
    "$here/../eunit.erl" > "$out/ferl/ferl_eunit.erl"
sed -e "$rename" "$here/../eunit_proc.erl" > "$out/ferl/ferl_eunit_proc.erl"
for f in "$here"/eunit/*.erl; do
    sed "s|-include_lib(\"eunit/include/eunit.hrl\")|-include(\"$out/ferl/ferl_eunit.hrl\")|" \
        "$f" > "$out/ferl/$(basename "$f")"
done
(cd "$out/ferl" && erlc +nowarn_unused_vars *.erl >/dev/null 2>&1)
normalise() {
    sed -E -e '/^in call from /d' \
        -e 's/\[[0-9]+\.[0-9]+ s\] //' \
        -e 's/\[done in [0-9]+\.[0-9]+ s\]/[done]/' \
        -e 's/<[0-9]+\.[0-9]+\.[0-9]+>/<pid>/g'
}
(cd "$out/otp" && erl -noshell -pa . -eval 'eunit_driver:run(eunit), halt().') 2>&1 \
    | normalise > "$out/otp.txt"
(cd "$out/ferl" && erl -noshell -pa . -eval 'eunit_driver:run(ferl_eunit), halt().') 2>&1 \
    | normalise > "$out/ferl.txt"
if [ "$1" = "-v" ]; then cat "$out/otp.txt"; echo "------"; cat "$out/ferl.txt"; fi
if diff "$out/otp.txt" "$out/ferl.txt"; then
    echo "eunit: ferl_eunit output identical to OTP's ($(grep -c '^### case' "$out/otp.txt") runs, assertion terms, debug macros)"
    status=0
else
    echo "eunit: differences (OTP first)"
    status=1
fi
rm -rf "$out"
exit $status
