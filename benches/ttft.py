#!/usr/bin/env python3
"""Time to first token, ours in PHP vs llama-server, for benches/ttft.sh; prints the table.

    ttft.py PORT REPS PHP_COMMAND...

PHP_COMMAND runs php-ext/bench/ttft.php, which times Model::stream() in its own process (from
the call to the first piece callback) once per line we send it. The peer is a llama-server on
127.0.0.1:PORT: POST /completion with "stream": true, greedy, "cache_prompt": false (so every
request reads the whole prompt, as ours does), timed from sending the request to the first
server-sent event carrying token text (the server sends its headers before reading the prompt,
so the time to the first byte would be too early). Each side gets one throwaway call first;
then the two alternate, with a pause before each call, so a burst of load from other processes
hits both alike.
"""

import http.client
import json
import statistics
import subprocess
import sys
import time

PAUSE_S = 1.0

def server_ms(port, body):
    """Milliseconds to the first token from llama-server, and its count of prompt tokens."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.connect()  # not timed: ours has no connection either
    start = time.perf_counter()
    conn.request("POST", "/completion", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    if resp.status != 200:
        raise SystemExit(f"llama-server answered {resp.status}: {resp.read()[:300]!r}")
    first, prompt_n = None, None
    for line in resp:  # read to the end: the last event carries the timings
        if not line.startswith(b"data: "):
            continue
        event = json.loads(line[6:])
        if first is None and event.get("content"):
            first = time.perf_counter()
        if event.get("stop"):
            prompt_n = event.get("timings", {}).get("prompt_n")
    conn.close()
    if first is None:
        raise SystemExit("llama-server streamed no token text")
    return (first - start) * 1000, prompt_n


def ours_ms(php):
    """One warm call in the PHP process: its time to first token, queue time, prompt tokens."""
    php.stdin.write("\n")
    php.stdin.flush()
    line = php.stdout.readline()
    if not line:
        raise SystemExit("the PHP process ended early")
    r = json.loads(line)
    return r["ms"], r["queue_ms"], r["prompt_tokens"]


def p90(values):
    """Nearest-rank 90th percentile."""
    ordered = sorted(values)
    return ordered[-(-len(ordered) * 9 // 10) - 1]


def main():
    port, reps, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    php = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    head = json.loads(php.stdout.readline() or "null") or sys.exit("the PHP process failed")
    # What stream() fed the model: this GGUF carries no chat template, so ours lays the chat
    # out as a plain transcript (core/src/inference/chat.rs); the server adds BOS, as ours does.
    # The prompt token counts are compared below, so a different layout cannot go unnoticed.
    prompt = f"user: {head['ticket']}\nassistant:"
    body = json.dumps({"prompt": prompt, "n_predict": 4, "temperature": 0, "stream": True,
                       "cache_prompt": False})
    ours_ms(php), server_ms(port, body)  # warm-up
    ours, peer, queue, counts = [], [], 0.0, set()
    for _ in range(reps):
        # llama.cpp's threads busy-wait for more work for a while after a request (the server's
        # threadpool polls, --poll 50): a pause keeps one side's spinning out of the other's call.
        time.sleep(PAUSE_S)
        ms, queued, tokens = ours_ms(php)
        ours.append(ms)
        queue = max(queue, queued)
        counts.add(("ours", tokens))
        time.sleep(PAUSE_S)
        ms, tokens = server_ms(port, body)
        peer.append(ms)
        counts.add(("server", tokens))
    php.stdin.close()
    php.wait(timeout=60)
    if counts != {("ours", head["prompt_tokens"]), ("server", head["prompt_tokens"])}:
        raise SystemExit(f"prompt tokens differ: {sorted(counts)}")

    print(f"prompt: {head['prompt_tokens']} tokens on both sides (redacted support ticket)")
    print(f"cold first call in PHP (new Model, load weights, first token): {head['cold_ms']:.0f} ms")
    print(f"longest wait for a generation slot (ours): {queue:.1f} ms\n")
    # min: what each side does when nothing else runs (the host is shared; see the runs).
    stats = [("median", statistics.median), ("p90", p90), ("min", min)]
    print(f"{'time to first token, ms':<26}" + "".join(f" {s:>8}" for s, _ in stats) + "  runs")
    for name, values in [("sovereign in PHP (warm)", ours), ("llama-server (warm)", peer)]:
        runs = " ".join(f"{v:.0f}" for v in values)
        print(f"{name:<26}" + "".join(f" {f(values):8.1f}" for _, f in stats) + f"  {runs}")
    print(f"{'ratio ours/server':<26}" + "".join(f" {f(ours) / f(peer):7.2f}x" for _, f in stats))


if __name__ == "__main__":
    main()
