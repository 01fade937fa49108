#!/usr/bin/env bash
# Runs the shared PHP contract tests against the FFI binding and, when built, the native
# extension (one set of cases for both implementations).
#   ffi/php/test.sh [path/to/sovereign.so]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
"$root/scripts/build.sh" >/dev/null
export SOVEREIGN_FFI_LIB="$target/release/libsovereign_ffi.so"
# shellcheck source=../../scripts/php-isolate.sh
. "$root/scripts/php-isolate.sh"
trap 'rm -rf "$isolated_scan_dir"' EXIT
ext=${1:-}
if [ -n "$ext" ]; then
    php -d extension="$ext" /usr/bin/phpunit -c "$root/ffi/php/phpunit.xml"
else
    phpunit -c "$root/ffi/php/phpunit.xml" --filter FfiTest
fi
