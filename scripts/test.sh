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

step "release build of the workspace (scripts/build.sh)"
scripts/build.sh

step "cargo tests: core (incl. local inference on the default model) and C ABI"
cargo test --release --workspace --exclude sovereign-php --features sovereign/inference

step "C ABI: example programs under valgrind, install, pkg-config"
ffi/test.sh

step "PHP extension: phpt, php-fpm + nginx end to end"
php-ext/test.sh

step "PHP: one contract suite against the native extension and the FFI binding"
ffi/php/test.sh "$root/target/release/libsovereign.so"
echo
echo "all tests passed"
