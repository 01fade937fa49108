#!/usr/bin/env bash
# Builds the extension in release mode and installs it for PHP's CLI and FPM:
#   sovereign.so -> $(php-config --extension-dir)
#   /etc/php/<ver>/mods-available/sovereign.ini, enabled with phpenmod.
# Usage: php-ext/install.sh [--no-build] [--policy /path/policy.toml] | --uninstall
# Portable build: no -C target-cpu=native (the binary must run on any x86-64 of the fleet).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=1
policy=""
uninstall=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --policy) policy="$2"; shift ;;
        --uninstall) uninstall=1 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

ext_dir="$(php-config --extension-dir)"
php_ver="$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')"
ini_dir="/etc/php/$php_ver/mods-available"

if [[ $uninstall -eq 1 ]]; then
    if command -v phpdismod >/dev/null; then
        phpdismod -v "$php_ver" -s ALL sovereign || true
    fi
    rm -f "$ini_dir/sovereign.ini" "$ext_dir/sovereign.so"
    echo "removed sovereign from PHP $php_ver"
    exit 0
fi

if [[ $build -eq 1 ]]; then
    # RUSTFLAGS is reset so that a target-cpu=native from the environment cannot leak in.
    (cd "$root" && RUSTFLAGS="" cargo build --release -p sovereign-php)
fi
target_dir="$(cd "$root" && cargo metadata --format-version 1 --no-deps 2>/dev/null \
    | php -r 'echo json_decode(stream_get_contents(STDIN))->target_directory;')"
so="$target_dir/release/libsovereign.so"
[[ -f "$so" ]] || { echo "missing $so: build first" >&2; exit 1; }

install -m 0644 "$so" "$ext_dir/sovereign.so"
echo "installed $ext_dir/sovereign.so"

mkdir -p "$ini_dir"
cat > "$ini_dir/sovereign.ini" <<INI
; Sovereign: in-process redaction of sensitive data before it reaches an AI model.
; priority=30
extension=sovereign.so
; Policy file (TOML). Empty: the built-in default policy.
sovereign.policy=$policy
; Reserved for local inference and auditing (not used yet).
;sovereign.model=
;sovereign.threads=0
;sovereign.concurrency=1
;sovereign.audit_log=
INI
echo "wrote $ini_dir/sovereign.ini"

if command -v phpenmod >/dev/null; then
    phpenmod -v "$php_ver" -s cli sovereign
    if [[ -d "/etc/php/$php_ver/fpm" ]]; then
        phpenmod -v "$php_ver" -s fpm sovereign
        echo "enabled for cli and fpm (reload php$php_ver-fpm to pick it up)"
    else
        echo "enabled for cli"
    fi
fi
# Not `| head`: under pipefail, php exits 255 when head closes the pipe before it is done.
php --ri sovereign | sed -n 1,3p
