#!/usr/bin/env bash
# Runs the conformance suite (conformance/AREA/*_tests.erl).
#
#   scripts/conformance.sh [AREA...]        on ferl (builds it in release mode)
#   scripts/conformance.sh --ref [AREA...]  on OTP 25's erl: every test must pass
#
# Prints one line per area ("exceptions 112/112"), then "N passed, M failed".
# A failing test listed in conformance/known_failures ("module:test reason",
# one per line) is reported apart and does not fail the run; a listed test
# that passes does (remove it from the list). A full run on ferl (no AREA
# given) also writes conformance/scoreboard.md. Areas under conformance/ferl/ exercise
# ferl-only built-ins and are skipped by --ref.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
root=$(pwd)

mode=ferl
if [ "${1:-}" = "--ref" ]; then mode=ref; shift; fi

full=no
if [ $# -gt 0 ]; then
  areas="$*"
else
  areas=$(cd conformance && ls -d */ | tr -d / | sort)
  full=yes
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results"
: > "$results"

if [ "$mode" = ref ]; then
  if ! command -v erl >/dev/null || ! command -v erlc >/dev/null; then
    echo "conformance.sh --ref needs Erlang/OTP 25 (erl, erlc) and eunit.hrl:" >&2
    echo "  apt-get install erlang-nox erlang-dev erlang-eunit" >&2
    exit 2
  fi
  erlc -o "$work" scripts/conformance_runner.erl || exit 2
else
  cargo build --release --quiet || exit 2
  ferl="$root/target/release/ferl"
fi

# The test names a module defines, from its source (for modules that fail
# to load, so that their tests count as failed rather than vanish).
tests_in_source() {
  grep -oE '^[a-z][a-zA-Z0-9_]*_test_?\(\)' "$1" | sed 's/()//' | sort -u
}

for area in $areas; do
  [ -d "conformance/$area" ] || { echo "no area $area" >&2; exit 2; }
  if [ "$mode" = ref ] && [ "$area" = ferl ]; then continue; fi
  for f in conformance/$area/*_tests.erl; do
    [ -e "$f" ] || continue
    mod=$(basename "$f" .erl)
    out="$work/$mod.out"
    if [ "$mode" = ref ]; then
      if erlc -o "$work" "$f" > "$work/$mod.erlc" 2>&1; then
        (cd "$work" && timeout 300 erl -noshell -pa "$work" \
          -eval "conformance_runner:run(['$mod']), halt()." > "$out" 2>&1)
      else
        cat "$work/$mod.erlc" > "$out"
      fi
    else
      FERL_PATH="$root/conformance/$area" timeout 300 "$ferl" run scripts/conformance_runner.erl "$mod" > "$out" 2>&1
    fi
    if ! grep -qE "^(ok|FAIL) $mod:[a-zA-Z0-9_]+_test" "$out"; then
      # The module did not load or the run died: every test of it failed.
      why=$(grep -v '^$' "$out" | head -n 1 | cut -c1-120)
      for t in $(tests_in_source "$f"); do
        echo "$area FAIL $mod:$t crashed: ${why:-no output}" >> "$results"
      done
    else
      # A result line may follow output a test printed without a newline.
      grep -oE "(ok|FAIL) $mod:[a-zA-Z0-9_]+.*" "$out" | sed "s/^/$area /" > "$work/$mod.res"
      cat "$work/$mod.res" >> "$results"
      # A plain test with no result line failed: it must not just vanish.
      for t in $(tests_in_source "$f" | grep -v '_$'); do
        grep -qE "^$area (ok|FAIL) $mod:$t( |$)" "$work/$mod.res" ||
          echo "$area FAIL $mod:$t no result reported" >> "$results"
      done
    fi
  done
done

known="conformance/known_failures"
is_known() { [ "$mode" = ferl ] && [ -f "$known" ] && grep -qE "^$1( |$)" "$known"; }

passed=0; failed=0; known_failed=0; fixed=0
report="$work/report"; : > "$report"
for area in $areas; do
  if [ "$mode" = ref ] && [ "$area" = ferl ]; then continue; fi
  a_ok=$(grep -c "^$area ok " "$results")
  a_all=$(grep -c "^$area " "$results")
  echo "$area $a_ok/$a_all" >> "$report"
done
while read -r area status name rest; do
  if [ "$status" = ok ]; then
    passed=$((passed + 1))
    if is_known "$name"; then
      echo "FIXED (remove from $known): $name"
      fixed=$((fixed + 1))
    fi
  elif is_known "$name"; then
    known_failed=$((known_failed + 1))
  else
    echo "FAILED: $name $rest"
    failed=$((failed + 1))
  fi
done < "$results"

cat "$report"
# Only a full run describes the whole suite (a partial one would replace
# the other areas' results and the "since the previous run" baseline).
if [ "$mode" = ferl ] && [ "$full" = yes ]; then
  # Per-test results of the previous run ride along in the scoreboard (an
  # HTML comment), so that the new one can say what changed.
  prev="$work/prev"
  sed -n 's/^<!-- result \(.*\) -->$/\1/p' conformance/scoreboard.md 2>/dev/null | sort > "$prev"
  awk '{print $3, $2}' "$results" | sort > "$work/now"
  fixed_now=$(join "$prev" "$work/now" | awk '$2 != "ok" && $3 == "ok" {print $1}')
  broken_now=$(join "$prev" "$work/now" | awk '$2 == "ok" && $3 != "ok" {print $1}')
  new_tests=$(join -v 2 "$prev" "$work/now" | wc -l)
  {
    echo "# Conformance scoreboard"
    echo
    echo "Written by \`scripts/conformance.sh\`; every test passes on OTP 25 (\`--ref\`)."
    echo
    echo "| area | passed | total |"
    echo "|---|---|---|"
    while read -r area frac; do
      echo "| $area | ${frac%/*} | ${frac#*/} |"
    done < "$report"
    echo
    echo "Total: $passed passed, $((failed + known_failed)) failed ($known_failed known)."
    echo
    if [ -s "$prev" ]; then
      echo "## Since the previous run"
      echo
      echo "- new tests: $new_tests"
      echo "- now passing: $(echo "$fixed_now" | grep -c .)"
      echo "$fixed_now" | grep . | sed 's/^/  - /'
      echo "- now failing: $(echo "$broken_now" | grep -c .)"
      echo "$broken_now" | grep . | sed 's/^/  - /'
      echo
    fi
    if [ "$known_failed" -gt 0 ]; then
      echo "## Known failures"
      echo
      grep -v '^#' "$known" | grep -v '^$' | sed 's/^/- /'
      echo
    fi
    awk '{print "<!-- result " $3 " " $2 " -->"}' "$results"
  } > conformance/scoreboard.md.new
  mv conformance/scoreboard.md.new conformance/scoreboard.md
fi
[ "$known_failed" -gt 0 ] && echo "$known_failed known failures (conformance/known_failures)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$fixed" -eq 0 ]
