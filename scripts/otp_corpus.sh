#!/usr/bin/env bash
# Measures `ferl compile` against erlc on OTP's own source: every .erl under
# lib/*/src and lib/*/test (recursively) of the OTP 25.2.3 source tree.
#
#   scripts/otp_corpus.sh [REGEX]       compare (REGEX: only paths matching it)
#   scripts/otp_corpus.sh --ref         rebuild the erlc reference first
#
# Goal: ferl compiles every file erlc compiles, refuses every file erlc
# refuses with the same first error line, and prints the same warning lines
# for >= 95% of the files.
#
# 1. Without the source tree (OTP_SRC) it says how to get it and exits 0
#    ("skipped"); it never downloads anything itself.
# 2. Builds the reference once with scripts/otp_corpus_ref.escript on the
#    installed OTP (compile:file with erlc's include flags, in one VM) and
#    keeps it in OTP_REF. Include flags are per file (see that script).
# 3. Runs `ERL_LIBS=$FERL_ERL_LIBS ferl compile -I DIR... FILE` on every file
#    (FERL_PATH: the sources of the installed applications, where ferl
#    looks up behaviours as erlc looks them up in their ebin directories)
#    (absolute paths, from an empty directory, as the reference did),
#    JOBS at a time, each killed after TIMEOUT seconds (a mismatch).
# 4. scripts/otp_corpus_compare.escript prints the counts and writes
#    RUN_DIR/details.txt (every mismatch, both sides, grouped by message
#    pattern) and RUN_DIR/results.tsv (one verdict per file).
#
# Environment (defaults):
#   OTP_SRC=/work/otp/otp-OTP-25.2.3   OTP_REF=/work/otp-ref/reference.tsv
#   RUN_DIR=/work/otp-ref/last_run     JOBS=2   TIMEOUT=20
#   FERL=target/release/ferl (built with cargo build --release when unset)
#   FERL_ERL_LIBS=/usr/lib/erlang/lib  (the OTP the reference resolved
#   include_lib against; the source tree's lib/ is also on the -I path)
# A self-check: FERL=scripts/otp_corpus_fake_ferl.sh scripts/otp_corpus.sh
# (erlc standing in for ferl) must report 100% everywhere.
# Exit status: 0 (also when skipped or when ferl mismatches); 1 on a setup
# error (no erlc, failed build, RUN_DIR in use by another run).
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
export LC_ALL=C.UTF-8

OTP_SRC=${OTP_SRC:-/work/otp/otp-OTP-25.2.3}
OTP_REF=${OTP_REF:-/work/otp-ref/reference.tsv}
RUN_DIR=${RUN_DIR:-/work/otp-ref/last_run}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-20}
FERL_ERL_LIBS=${FERL_ERL_LIBS:-/usr/lib/erlang/lib}

rebuild_ref=no
if [ "${1:-}" = "--ref" ]; then rebuild_ref=yes; shift; fi
filter=${1:-}

if [ ! -d "$OTP_SRC/lib/stdlib/src" ]; then
  cat <<EOF
otp_corpus: skipped: no OTP source tree at $OTP_SRC (set OTP_SRC to use another).
To get OTP 25.2.3's source on Debian bookworm, enable source packages: in
/etc/apt/sources.list.d/debian.sources change each "Types: deb" to
"Types: deb deb-src" (same URIs, Suites and Components), then
  apt-get update
  mkdir -p /work/otp && cd /work/otp && apt-get source --download-only erlang
  tar xf erlang_25.2.3+dfsg.orig.tar.xz      # unpacks otp-OTP-25.2.3/
(plain 'apt-get source erlang' unpacks it, Debian patches applied, as
erlang-25.2.3+dfsg/; point OTP_SRC there). Then run this script again.
EOF
  exit 0
fi
OTP_SRC=$(cd "$OTP_SRC" && pwd)

if ! command -v escript >/dev/null; then
  echo "otp_corpus: needs Erlang/OTP 25 (apt-get install erlang-nox erlang-dev)" >&2
  exit 1
fi

if [ ! -s "$OTP_REF" ] || [ $rebuild_ref = yes ]; then
  echo "otp_corpus: building the erlc reference $OTP_REF (takes ~5 min)"
  escript scripts/otp_corpus_ref.escript "$OTP_SRC" "$OTP_REF" "$JOBS" || exit 1
fi

if [ -z "${FERL:-}" ]; then
  cargo build --release --quiet || exit 1
  FERL=$root/target/release/ferl
fi
case $FERL in /*) ;; *) FERL=$root/$FERL ;; esac

mkdir -p "$RUN_DIR"
# Two runs on one RUN_DIR would delete each other's files.
exec 9>"$RUN_DIR/lock"
if ! flock -n 9; then
  echo "otp_corpus: another run is using $RUN_DIR; set RUN_DIR to another directory" >&2
  exit 1
fi
rm -rf "$RUN_DIR/out" "$RUN_DIR/cwd"
mkdir -p "$RUN_DIR/out" "$RUN_DIR/cwd"
ref=$RUN_DIR/reference.tsv            # the reference lines of this run
if [ -n "$filter" ]; then
  grep -v '^#' "$OTP_REF" | awk -F'\t' -v re="$filter" '$1 ~ re' >"$ref"
else
  grep -v '^#' "$OTP_REF" >"$ref"
fi
n=$(wc -l <"$ref")
echo "otp_corpus: $n files, ferl $FERL, $JOBS jobs, ${TIMEOUT}s timeout"

# erlc finds behaviour modules on its code path: the installed OTP's ebin
# directories. ferl reads behaviours from source, so its code path is the
# source directories of the same applications.
FERL_CODE_PATH=$OTP_SRC/erts/preloaded/src
for ebin in "$FERL_ERL_LIBS"/*/ebin; do
  app=$(basename "$(dirname "$ebin")"); app=${app%%-[0-9]*}
  [ -d "$OTP_SRC/lib/$app/src" ] || continue
  # ebin is flat; some applications keep their sources in subdirectories.
  for d in $(find "$OTP_SRC/lib/$app/src" -name '*.erl' -printf '%h\n' | sort -u); do
    FERL_CODE_PATH=$FERL_CODE_PATH:$d
  done
done

# One file: $1 is "PATH<tab>FLAGS" from the reference. Writes out/P.out,
# out/P.err and out/P.rc (P: PATH with / as %).
run_one() {
  local rel=${1%%$'\t'*} flags=${1#*$'\t'} name args=() d
  name=${rel//\//%}
  for d in $flags; do
    case $d in
      -I) ;;
      /*) args+=(-I "$d") ;;
      *) args+=(-I "$OTP_SRC/$d") ;;
    esac
  done
  (cd "$RUN_DIR/cwd" &&
     ERL_LIBS=$FERL_ERL_LIBS FERL_PATH=$FERL_CODE_PATH timeout -k 5 "$TIMEOUT" \
       "$FERL" compile "${args[@]}" "$OTP_SRC/$rel" \
       >"$RUN_DIR/out/$name.out" 2>"$RUN_DIR/out/$name.err" </dev/null)
  echo $? >"$RUN_DIR/out/$name.rc"
}
export -f run_one
export OTP_SRC RUN_DIR TIMEOUT FERL FERL_ERL_LIBS FERL_CODE_PATH

start=$(date +%s)
cut -f1,2 "$ref" | xargs -d '\n' -n 1 -P "$JOBS" bash -c 'run_one "$1"' _
echo "otp_corpus: ran in $(( $(date +%s) - start ))s"
rm -rf "$RUN_DIR/cwd"

escript scripts/otp_corpus_compare.escript "$ref" "$RUN_DIR" "$OTP_SRC"
