#!/bin/sh
# Time to first token: Sovereign's Model::stream() inside a PHP process vs a request to
# llama.cpp's own HTTP server (llama-server) on the same model, same threads, same context size,
# same prompt (a redacted support ticket, ~400 tokens), greedy, in one run.
#
# Usage: benches/ttft.sh [MODEL.gguf]
#   env: THREADS=2 REPS=10 CONTEXT=2048 PORT=18181 WORK=/tmp/sovereign-llama-bench
#        SO=path/to/libsovereign.so (default: build it with scripts/build.sh)
#
# Ours: php-ext/bench/ttft.php times from calling stream() to the first piece callback, with the
# model already loaded (warm), and once cold (new Model + first call, i.e. loading the weights).
# Peer: llama-server on 127.0.0.1, started and stopped here; benches/ttft.py times from sending
# POST /completion to the first streamed event with token text, prompt cache off. ttft.py
# alternates the two, one call each, so that load from other processes hits both alike.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODEL=${1:-${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}}
THREADS=${THREADS:-2}
REPS=${REPS:-10}
CONTEXT=${CONTEXT:-2048}
PORT=${PORT:-18181}
WORK=${WORK:-${TMPDIR:-/tmp}/sovereign-llama-bench}

[ -f "$MODEL" ] || { echo "model not found: $MODEL (run scripts/install-model.sh)" >&2; exit 1; }
. "$ROOT/benches/llama_tools.sh"
SERVER=$(llama_tool llama-server)
if [ -z "${SO:-}" ]; then
    nice "$ROOT/scripts/build.sh" --quiet
    SO=$ROOT/target/release/libsovereign.so
fi

# A private slot directory: the host-wide generation slots of other PHP processes on this
# machine must not make ours wait (queue time would count as time to first token).
run=$(mktemp -d /tmp/sovereign-ttft.XXXXXX)
server_pid="" client_pid=""
cleanup() {
    for pid in $client_pid $server_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$run" "${isolated_scan_dir:-}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "model:   $MODEL"
echo "threads: $THREADS   context: $CONTEXT   repetitions: $REPS   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
llama_versions llama-server

# llama-server with the settings ours uses: one slot (-np 1), batch and micro-batch 512, full-size SWA cache (llama_context_default_params'
# swa_full, which ours keeps), no prompt cache in RAM (and the client sends cache_prompt: false).
timeout 900 "$SERVER" -m "$MODEL" -t "$THREADS" -tb "$THREADS" -c "$CONTEXT" -b 512 -ub 512 \
    -np 1 --swa-full --cache-ram 0 --no-cache-prompt --no-webui \
    --host 127.0.0.1 --port "$PORT" >"$run/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
    curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/health" && break
    kill -0 "$server_pid" 2>/dev/null || { tail -n 20 "$run/server.log" >&2; exit 1; }
    sleep 0.1
done
curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/health" ||
    { echo "llama-server did not become ready" >&2; tail -n 20 "$run/server.log" >&2; exit 1; }
echo
. "$ROOT/scripts/php-isolate.sh"
timeout 900 python3 "$ROOT/benches/ttft.py" "$PORT" "$REPS" env TMPDIR="$run" php -d "extension=$SO" \
    "$ROOT/php-ext/bench/ttft.php" "$MODEL" "$ROOT/benches/data/ticket.txt" "$THREADS" "$CONTEXT" &
client_pid=$!
wait "$client_pid" # in the background and waited for: a signal then stops the run at once
client_pid=""
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
