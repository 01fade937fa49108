#!/usr/bin/env bash
# Builds the C ABI in release and installs library, header and pkg-config file.
#   ffi/install.sh [PREFIX]        (default PREFIX=/usr/local)
# Afterwards: cc prog.c $(pkg-config --cflags --libs sovereign)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
target=${CARGO_TARGET_DIR:-$root/target}
# SOVEREIGN_NO_BUILD=1: install what scripts/build.sh (or an earlier build) left in target/.
if [ "${SOVEREIGN_NO_BUILD:-0}" != 1 ]; then
    cargo build --release -p sovereign-ffi --manifest-path "$root/Cargo.toml"
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 0755 "$target/release/libsovereign_ffi.so" "$prefix/lib/libsovereign.so.1"
ln -sf libsovereign.so.1 "$prefix/lib/libsovereign.so"
install -m 0644 "$target/release/libsovereign_ffi.a" "$prefix/lib/libsovereign.a"
install -m 0644 "$root/ffi/include/sovereign.h" "$prefix/include/sovereign.h"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" "$root/ffi/sovereign.pc.in" \
    > "$prefix/lib/pkgconfig/sovereign.pc"
if [ "$prefix" = /usr/local ] || [ "$prefix" = /usr ]; then ldconfig; fi
echo "installed libsovereign into $prefix"
