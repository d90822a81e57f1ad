#!/usr/bin/env bash
# Every test: the Rust unit and golden tests, the conformance suite, then
# ten runs of the scheduler stress test.
set -eu
cd "$(dirname "$0")/.."
cargo test --workspace --quiet
scripts/conformance.sh
scripts/stress.sh 10
