#!/usr/bin/env bash
# The one release build every test script uses: the whole workspace (core with local inference,
# the C ABI, the PHP extension with its test hooks) in a single cargo invocation, so cargo resolves
# features once and llama.cpp is compiled once, not once per crate.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
RUSTFLAGS="${RUSTFLAGS:-}" cargo build --release --workspace --features sovereign-php/test-hooks "$@"
