#!/bin/sh
# Prompt processing (pp512) and generation (tg128) tokens/s: Sovereign's inference API vs
# llama.cpp's own llama-bench, same model, same threads, same CPU flags, in one run.
#
# Usage: benches/llama_compare.sh [MODEL.gguf]   (env: THREADS=2 REPS=5 WORK=/tmp/sovereign-llama-bench)
#
# llama-bench is built once from llama-cpp-python's sdist in $WORK, configured like our
# llama-cpp-sys-2 build (benches/llama_tools.sh says how and why). Ours runs in the dev profile
# unless PROFILE=release, to avoid a second multi-minute llama.cpp build (the C++ side is
# RelWithDebInfo in both profiles).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODEL=${1:-${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}}
THREADS=${THREADS:-2}
REPS=${REPS:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/sovereign-llama-bench}

[ -f "$MODEL" ] || { echo "model not found: $MODEL (run scripts/install-model.sh)" >&2; exit 1; }
mkdir -p "$WORK"

. "$ROOT/benches/llama_tools.sh"
BENCH=$(llama_tool llama-bench)

echo "model:   $MODEL"
echo "threads: $THREADS   repetitions: $REPS   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
llama_versions llama-bench

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
