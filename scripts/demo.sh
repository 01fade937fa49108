#!/usr/bin/env bash
# The main demo, from a fresh Debian 12 machine (as root): installs what it needs, builds and
# installs the PHP extension, installs the default model, then runs examples/demo.php:
# redact a support ticket → complete it with the local model inside PHP → restore the answer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
model=$("$root/scripts/install-model.sh")
"$root/php-ext/install.sh" >/dev/null
php -d "sovereign.model=$model" "$root/examples/demo.php"
