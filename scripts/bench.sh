#!/usr/bin/env bash
# Runs each bench/*.erl program on ferl, on erl (compiled with erlc, as
# `erl -noshell`) and, for the start-up and fib benchmarks, on escript
# (interpreting the same source), in one run on this machine. Prints the
# median wall time of RUNS runs of each whole process and the ratio; for
# programs whose last output line is the microseconds of their own work
# (start-up excluded), also the median of that and its ratio; for programs
# that print a "bytes_per_process N" line, that figure on both runtimes.
# A "%% erl: FLAGS" line in a program gives erl extra flags (+P ...).
#
#   scripts/bench.sh [NAME...]     (default: every bench/*.erl)
#   RUNS=9 scripts/bench.sh fib
set -u
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
command -v erl >/dev/null || { echo "bench.sh needs erl (apt-get install erlang-nox)" >&2; exit 2; }
cargo build --release --quiet || exit 2
ferl="$(pwd)/target/release/ferl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'; }

# Runs a command $runs times; prints "WALL_MS WORK_MS" (medians; WORK_MS is
# "-" when the program does not report its work time). Leaves the median
# "bytes_per_process" figure, if any, in $work/bpp.
measure() {
  local walls=() works=() bpps=()
  for _ in $(seq "$runs"); do
    local t0 t1 out
    t0=$(date +%s%N)
    out=$("$@" 2>/dev/null) || { echo "FAILED: $*" >&2; echo "0 -"; return; }
    t1=$(date +%s%N)
    walls+=($(( (t1 - t0) / 1000 )))
    local last=${out##*$'\n'}
    [[ "$last" =~ ^[0-9]+$ ]] && [ "$out" != "$last" ] && works+=("$last")
    local b
    b=$(printf '%s\n' "$out" | sed -n 's/^bytes_per_process \([0-9]*\)$/\1/p')
    [ -n "$b" ] && bpps+=("$b")
  done
  if [ ${#bpps[@]} -gt 0 ]; then
    printf '%s\n' "${bpps[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' > "$work/bpp"
  else
    echo "-" > "$work/bpp"
  fi
  local w k="-"
  w=$(printf '%s\n' "${walls[@]}" | median)
  [ ${#works[@]} -gt 0 ] && k=$(printf '%s\n' "${works[@]}" | median)
  echo "$w $k"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.3f", a / b; else print "-" }'; }

names=${*:-$(ls bench/*.erl | xargs -n1 basename | sed 's/\.erl$//')}
printf '%-10s | %9s %9s %9s %9s %11s | %9s %9s %9s %9s %11s\n' \
  benchmark ferl_ms erl_ms esc_ms ferl/erl esc/ferl work:ferl erl esc ferl/erl esc/ferl
for n in $names; do
  cp "bench/$n.erl" "$work/"
  erlc -o "$work" "bench/$n.erl" || exit 2
  erl_flags=$(sed -n 's/^%% erl: //p' "bench/$n.erl")
  read -r fw fk < <(measure "$ferl" run "bench/$n.erl")
  fb=$(cat "$work/bpp")
  # shellcheck disable=SC2086
  read -r ew ek < <(measure erl $erl_flags -noshell -pa "$work" -eval "$n:main([]), halt().")
  eb=$(cat "$work/bpp")
  sw="-"; sk="-"
  case $n in hello|fib) read -r sw sk < <(measure escript "$work/$n.erl") ;; esac
  printf '%-10s | %9s %9s %9s %9s %11s | %9s %9s %9s %9s %11s\n' "$n" \
    "$fw" "$ew" "$sw" "$(ratio "$fw" "$ew")" "$(ratio "$sw" "$fw")" \
    "$fk" "$ek" "$sk" "$(ratio "$fk" "$ek")" "$(ratio "$sk" "$fk")"
  if [ "$fb" != "-" ]; then
    printf '%-10s | memory per process: ferl %s bytes, erl %s bytes, ferl/erl %s\n' \
      "$n" "$fb" "$eb" "$(ratio "$fb" "$eb")"
  fi
done
