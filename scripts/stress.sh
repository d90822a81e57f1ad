#!/usr/bin/env bash
# Runs the scheduler stress test (stress/scheduler_stress.erl) with seeds
# FIRST..FIRST+RUNS-1, on 1, 2 and 4 schedulers in turn, each run under a
# time limit so that a hang fails instead of blocking.
#
#   scripts/stress.sh [RUNS [FIRST]]     (default: 10 runs from seed 1)
#   scripts/stress.sh --ref [RUNS]       the same source on erl
set -u
cd "$(dirname "$0")/.."
mode=ferl
if [ "${1:-}" = "--ref" ]; then mode=ref; shift; fi
runs=${1:-10}
first=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$mode" = ref ]; then
  erlc -o "$work" stress/scheduler_stress.erl || exit 2
else
  cargo build --release --quiet || exit 2
fi
failed=0
for seed in $(seq "$first" $((first + runs - 1))); do
  s=$(( (seed % 3 == 0) ? 1 : (seed % 3 == 1) ? 2 : 4 ))
  if [ "$mode" = ref ]; then
    out=$(timeout 60 erl +S "$s" -noshell -pa "$work" \
      -eval "scheduler_stress:main([\"$seed\"]), halt()." 2>&1)
  else
    out=$(timeout 60 target/release/ferl +S "$s" run stress/scheduler_stress.erl "$seed" 2>&1)
  fi
  status=$?
  if [ $status -ne 0 ] || [[ "$out" != ok* ]]; then
    echo "seed $seed (+S $s): exit $status: $out"
    failed=$((failed + 1))
  fi
done
echo "stress: $runs runs, $failed failed"
[ $failed -eq 0 ]
