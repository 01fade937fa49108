#!/bin/sh
# Prompt processing (pp512) and generation (tg128) tokens/s: Sovereign's inference API vs
# llama.cpp's own llama-bench, same model, same threads, same CPU flags, in one run.
#
# Usage: benches/llama_compare.sh [MODEL.gguf]   (env: THREADS=2 REPS=5 WORK=/tmp/sovereign-llama-bench)
#
# llama-cpp-sys-2 vendors a llama.cpp trimmed of its tools, so llama-bench is built from the
# llama.cpp tree vendored in llama-cpp-python's sdist, in $WORK (never in the repository; kept
# between runs). The two trees are different llama.cpp versions: both are printed. ggml is built
# the way llama-cpp-sys-2 builds it for a plain `cargo build`: GGML_NATIVE=OFF (ggml then
# picks its x86-64 defaults: SSE4.2, AVX, AVX2, FMA, F16C, BMI2; no AVX-512, no AMX), no OpenMP,
# RelWithDebInfo (the sys crate picks that whenever the
# Cargo profile has debug info, which both of this workspace's dev and release profiles have; so
# the C++ side is the same in both, and ours runs in the dev profile unless PROFILE=release, to
# avoid a second multi-minute llama.cpp build).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODEL=${1:-${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}}
THREADS=${THREADS:-2}
REPS=${REPS:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/sovereign-llama-bench}

[ -f "$MODEL" ] || { echo "model not found: $MODEL (run scripts/install-model.sh)" >&2; exit 1; }
mkdir -p "$WORK"

# --- llama-bench, built once -----------------------------------------------------------------
BENCH=$WORK/build/bin/llama-bench
if [ ! -x "$BENCH" ]; then
    cd "$WORK"
    if [ -z "$(ls -d llama_cpp_python-*/ 2>/dev/null)" ]; then
        python3 -m pip download --quiet --no-deps --no-binary :all: llama-cpp-python -d .
        tar xzf llama_cpp_python-*.tar.gz
    fi
    SRC=$(ls -d "$WORK"/llama_cpp_python-*/vendor/llama.cpp | head -n 1)
    cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DBUILD_SHARED_LIBS=OFF \
        -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON \
        -DLLAMA_BUILD_SERVER=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF >"$WORK/cmake.log"
    cmake --build "$WORK/build" --target llama-bench -j "$(nproc)" >"$WORK/build.log"
fi

# --- versions --------------------------------------------------------------------------------
ggml_version() {
    sed -n 's/^set(GGML_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\))/\2/p' "$1/ggml/CMakeLists.txt" |
        paste -sd. -
}
SYS=$(ls -d "$HOME"/.cargo/registry/src/*/llama-cpp-sys-2-* 2>/dev/null | sort -V | tail -n 1)
PY=$(ls -d "$WORK"/llama_cpp_python-*/ | head -n 1)
echo "model:   $MODEL"
echo "threads: $THREADS   repetitions: $REPS   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ours:    $(basename "$SYS") (ggml $(ggml_version "$SYS/llama.cpp"))"
echo "peer:    $(basename "$PY") llama-bench (ggml $(ggml_version "$PY/vendor/llama.cpp"))"

# --- ours ------------------------------------------------------------------------------------
cd "$ROOT"
cargo run --quiet --profile "${PROFILE:-dev}" -p sovereign --features inference --example llm_bench -- \
    "$MODEL" "$THREADS" "$REPS" >"$WORK/ours.txt"
# --- theirs ----------------------------------------------------------------------------------
"$BENCH" -m "$MODEL" -t "$THREADS" -p 512 -n 128 -r "$REPS" -o csv 2>/dev/null >"$WORK/peer.csv"

peer() { # test name (pp512|tg128) -> avg_ts
    awk -F, -v t="$1" 'NR==1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i } next }
        { gsub(/"/, "") } ($(col["n_prompt"]) > 0 && t == "pp512") || ($(col["n_gen"]) > 0 && t == "tg128") {
            printf "%.1f %.1f", $(col["avg_ts"]), $(col["stddev_ts"]) }' "$WORK/peer.csv"
}
ours() { awk -v t="$1" '$1 == t { printf "%s %s", $2, $3 }' "$WORK/ours.txt"; }

printf '\n%-7s %18s %18s %7s\n' test "sovereign tok/s" "llama-bench tok/s" ratio
for t in pp512 tg128; do
    set -- $(ours $t) $(peer $t)
    ratio=$(awk -v a="$1" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
    printf '%-7s %11s ± %-5s %11s ± %-5s %6sx\n' "$t" "$1" "$2" "$3" "$4" "$ratio"
done
