#!/usr/bin/env bash
# Builds the C ABI and runs the C example programs under valgrind (zero errors, zero leaks), then
# checks the install step and pkg-config with a temporary prefix.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
model=${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}
"$root/scripts/build.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
run() {
    local name=$1; shift
    if "$@" >"$work/$name.log" 2>&1; then
        passed=$((passed + 1)); echo "ok   $name"
    else
        failed=$((failed + 1)); echo "FAIL $name"; tail -n 30 "$work/$name.log"
    fi
}
valgrind=(valgrind --quiet --error-exitcode=99 --leak-check=full
          --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect)
# The library's SONAME is libsovereign.so.1: link the build output under its installed names.
mkdir -p "$work/lib"
ln -s "$target/release/libsovereign_ffi.so" "$work/lib/libsovereign.so.1"
ln -s libsovereign.so.1 "$work/lib/libsovereign.so"
for src in "$root"/ffi/examples/*.c; do
    name=$(basename "$src" .c)
    cc -std=c11 -Wall -Wextra -Werror -O1 -g -pthread -I "$root/ffi/include" "$src" \
        -L "$work/lib" -lsovereign -Wl,-rpath,"$work/lib" -o "$work/$name"
    if [ "$name" = model ]; then
        # llama.cpp runs far too slowly under valgrind: the model program runs natively.
        run "$name (real model)" "$work/$name" "$model"
    else
        run "$name (valgrind)" "${valgrind[@]}" "$work/$name"
    fi
done
# Install into a temporary prefix and build with pkg-config only.
run "install" env CARGO_TARGET_DIR="$target" SOVEREIGN_NO_BUILD=1 "$root/ffi/install.sh" "$work/prefix"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
run "pkg-config build" sh -c "cc -std=c11 -pthread '$root/ffi/examples/roundtrip.c' \
    -I '$root/ffi/examples' \$(pkg-config --cflags --libs sovereign) -o '$work/pc' \
    && LD_LIBRARY_PATH='$work/prefix/lib' '$work/pc'"
echo "ffi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
