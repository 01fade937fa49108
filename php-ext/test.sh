#!/usr/bin/env bash
# Builds the extension (release, with the test-only panic trigger) and runs all its tests:
# the .phpt suite (PHP's run-tests.php) and the end-to-end php-fpm + nginx test.
# Exits non-zero on any failure. Usage: php-ext/test.sh [--no-e2e]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
e2e=1
[[ "${1:-}" == "--no-e2e" ]] && e2e=0

"$root/scripts/build.sh"
target_dir="$(cd "$root" && cargo metadata --format-version 1 --no-deps \
    | php -r 'echo json_decode(stream_get_contents(STDIN))->target_directory;')"
# A copy, so a later build without test hooks (install.sh) cannot change it under the tests.
so="$(mktemp -d /tmp/sovereign-test.XXXXXX)/sovereign.so"
cp "$target_dir/release/libsovereign.so" "$so"

# shellcheck source=../scripts/php-isolate.sh
. "$root/scripts/php-isolate.sh"
trap 'rm -rf "$isolated_scan_dir"' EXIT
status=0
"$here/phpt.sh" "$so" || status=1
if [[ $e2e -eq 1 ]]; then
    "$here/tests/e2e/run.sh" "$so" || status=1
fi
rm -rf "$(dirname "$so")"
exit $status
