#!/usr/bin/env bash
# Every test: the Rust unit and golden tests, then the conformance suite.
set -eu
cd "$(dirname "$0")/.."
cargo test --workspace --quiet
scripts/conformance.sh
