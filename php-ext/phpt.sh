#!/usr/bin/env bash
# Runs the .phpt tests with PHP's own run-tests.php against a built sovereign.so.
# Usage: php-ext/phpt.sh [path/to/sovereign.so] [test files...]
# VALGRIND=1 runs every test under valgrind and fails on leaks (slow).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)/tests"
so="${1:-$here/../../target/release/libsovereign.so}"
shift || true
so="$(realpath "$so")"
runner="$(ls "$(php-config --extension-dir)"/build/run-tests.php /usr/lib/php/*/build/run-tests.php 2>/dev/null | head -1)"
if [[ -z "$runner" ]]; then
    echo "run-tests.php not found (install php8.2-dev)" >&2
    exit 2
fi
php="$(command -v php)"
tests=("$@")
extra=()
[[ "${VALGRIND:-0}" == 1 ]] && extra=(-m)
[[ ${#tests[@]} -eq 0 ]] && tests=("$here")
# -n: no system php.ini, so an installed sovereign.ini cannot load a second copy.
# -q: no interactive questions; NO_INTERACTION too, for older runners.
NO_INTERACTION=1 TEST_PHP_EXECUTABLE="$php" SOVEREIGN_SO="$so" \
    "$php" -n "$runner" -q -n -p "$php" -d "extension=$so" --show-diff --no-color "${extra[@]}" "${tests[@]}"
# run-tests.php exits 1 when a test failed, broke or leaked.
