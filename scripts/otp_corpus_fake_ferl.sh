#!/bin/sh
# A stand-in for `ferl compile` made of erlc, to check scripts/otp_corpus.sh
# itself: `FERL=scripts/otp_corpus_fake_ferl.sh scripts/otp_corpus.sh` must
# report 100% on every count. Takes `compile [-I DIR]... FILE` and runs erlc
# on it (the .beam goes to a temporary directory that is then removed).
[ "${1:-}" = compile ] || { echo "usage: $0 compile [-I DIR]... FILE" >&2; exit 2; }
shift
out=$(mktemp -d) || exit 2
erlc -o "$out" "$@"
rc=$?
rm -rf "$out"
exit $rc
