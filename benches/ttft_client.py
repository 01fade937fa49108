#!/usr/bin/env python3
"""Time to first token of a llama.cpp server, for benches/ttft.sh; prints the comparison table.

    ttft_client.py PORT OURS.json REPS

Sends the ticket from OURS.json (written by php-ext/bench/ttft.php) laid out as ours lays it out,
as a raw prompt to POST /completion with "stream": true, greedy, "cache_prompt": false
(so every request reads the whole prompt, as ours does). The clock runs from sending the request
to the first server-sent event carrying token text: the server sends its headers before the
prompt is read, so the time to the first byte would be too early. One throwaway request first.
"""

import http.client
import json
import statistics
import sys
import time


def first_token_ms(port, body):
    """Milliseconds to the first token, and the server's count of prompt tokens."""
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


def p90(values):
    """Nearest-rank 90th percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


def main():
    port, ours_file, reps = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    with open(ours_file) as f:
        ours = json.load(f)
    # What stream() fed the model: this GGUF carries no chat template, so ours lays the chat
    # out as a plain transcript (core/src/inference/chat.rs); the server adds BOS, as ours does.
    # The prompt token counts are compared below, so a different layout cannot go unnoticed.
    prompt = f"user: {ours['ticket']}\nassistant:"
    body = json.dumps({"prompt": prompt, "n_predict": 4, "temperature": 0, "stream": True,
                       "cache_prompt": False})
    first_token_ms(port, body)  # warm-up
    peer, counts = [], set()
    for _ in range(reps):
        ms, prompt_n = first_token_ms(port, body)
        peer.append(ms)
        counts.add(prompt_n)
    if counts != {ours["prompt_tokens"]}:
        raise SystemExit(f"prompt tokens differ: ours {ours['prompt_tokens']}, server {counts}")

    warm = ours["warm_ms"]
    print(f"prompt: {ours['prompt_tokens']} tokens on both sides (redacted support ticket)")
    print(f"cold first call in PHP (new Model, load weights, first token): {ours['cold_ms']:.0f} ms")
    print(f"longest wait for a generation slot (ours): {ours['queue_ms_max']:.1f} ms\n")
    print(f"{'time to first token, ms':<26} {'median':>8} {'p90':>8}  runs")
    rows = [("sovereign in PHP (warm)", warm), ("llama-server (warm)", peer)]
    for name, values in rows:
        runs = " ".join(f"{v:.0f}" for v in values)
        print(f"{name:<26} {statistics.median(values):8.1f} {p90(values):8.1f}  {runs}")
    print(f"{'ratio ours/server':<26} {statistics.median(warm) / statistics.median(peer):7.2f}x"
          f" {p90(warm) / p90(peer):7.2f}x")


if __name__ == "__main__":
    main()
