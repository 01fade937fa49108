#!/usr/bin/env bash
# Runs every test of Sovereign: core (unit, data-driven entity cases, property tests, doctests),
# local inference on the real model, the C ABI under valgrind, and the PHP extension under
# real php-cli and php-fpm + nginx. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
export CARGO_TERM_COLOR=never
# One release build serves every step (no debug + release double build).
step() { echo; echo "=== $* ==="; }

step "core and C ABI: cargo tests"
cargo test --release --workspace --exclude sovereign-php

if [ -f core/tests/inference.rs ]; then
    step "local inference on the default model"
    cargo test --release -p sovereign --features inference --test inference
fi

step "C ABI: example programs under valgrind, install, pkg-config"
ffi/test.sh

if [ -x php-ext/test.sh ]; then
    step "PHP extension: phpt, php-fpm + nginx end to end"
    php-ext/test.sh
fi
echo
echo "all tests passed"
