#!/usr/bin/env bash
# End-to-end test: a real php-fpm pool (workers run as www-data) behind nginx on loopback,
# a PHP page that redacts and restores, then `ab -n 5000 -c 16`. Fails on a wrong response,
# a failed request, a length mismatch or a crashed worker; reports worker RSS before/after.
# Stops everything it started. Usage: tests/e2e/run.sh path/to/sovereign.so
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
so="$(realpath "${1:?usage: run.sh path/to/sovereign.so}")"
requests="${E2E_REQUESTS:-5000}"
concurrency="${E2E_CONCURRENCY:-16}"
port="${E2E_PORT:-18080}"
fpm_port="${E2E_FPM_PORT:-19000}"
fpm="$(command -v php-fpm8.2 || command -v php-fpm)"
# The default model, where scripts/install-model.sh puts it (readable by www-data).
model="${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}"

# Everything www-data must read lives under /tmp (root's home is not readable by it).
dir="$(mktemp -d /tmp/sovereign-e2e.XXXXXX)"
chmod 755 "$dir"
mkdir -p "$dir/www" "$dir/tmp"
cp "$so" "$dir/sovereign.so"
cp "$here/index.php" "$here/generate.php" "$dir/www/"
cp "$here/policy.toml" "$dir/policy.toml"
for f in php-fpm.conf nginx.conf; do
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@FPM_PORT@|$fpm_port|g" \
        "$here/$f" > "$dir/$f"
done
chmod -R a+rX "$dir"
chown -R www-data:www-data "$dir/tmp"

fpm_pid="" nginx_pid=""
cleanup() {
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    [[ -n "$fpm_pid" ]] && kill "$fpm_pid" 2>/dev/null && wait "$fpm_pid" 2>/dev/null
    if [[ "${E2E_KEEP:-0}" != 1 ]]; then rm -rf "$dir"; else echo "kept $dir"; fi
}
trap cleanup EXIT
fail() { echo "E2E FAIL: $*" >&2; exit 1; }

"$fpm" -n -F -y "$dir/php-fpm.conf" \
    -d "extension=$dir/sovereign.so" -d "sovereign.policy=$dir/policy.toml" \
    -d "sovereign.model=$model" &
fpm_pid=$!
nginx -c "$dir/nginx.conf" -p "$dir" &
nginx_pid=$!

url="http://127.0.0.1:$port/index.php?id=42"
for _ in $(seq 50); do
    curl -sf -o /dev/null "$url" && break
    sleep 0.1
done

expected="redacted: Customer [PERSON_1] ([EMAIL_1]) asks where order 100023 is.
level: confidential
restored: Dear Jane Doe, we wrote to jane.42@example.com.
pid-independent: ok"
body="$(curl -sf "$url")" || fail "no response from $url (see $dir/*.log)"
[[ "$body" == "$expected" ]] || fail "unexpected response:
$body"
length="$(curl -sf "$url" | wc -c)"
echo "e2e: page OK ($length bytes)"

workers() { ps -o pid=,user=,rss= --ppid "$fpm_pid" | sort -n; }
echo "e2e: worker RSS before (pid user KiB):"; workers | sed 's/^/  /'
workers | awk '$2 != "www-data" {exit 1}' || fail "workers must run as www-data"
rss_before="$(workers | awk '{s+=$3} END {print s}')"

ab_out="$(ab -q -n "$requests" -c "$concurrency" "$url" 2>&1)" || fail "ab failed: $ab_out"
echo "$ab_out" | grep -E "Complete requests|Failed requests|Non-2xx|Document Length|Requests per second|Time per request.*mean\)|99%" | sed 's/^/  /'
complete="$(echo "$ab_out" | awk '/^Complete requests/ {print $3}')"
failed="$(echo "$ab_out" | awk '/^Failed requests/ {print $3}')"
doclen="$(echo "$ab_out" | awk '/^Document Length/ {print $3}')"
[[ "$complete" == "$requests" ]] || fail "$complete of $requests requests completed"
[[ "$failed" == "0" ]] || fail "$failed failed requests (wrong length or connection errors)"
echo "$ab_out" | grep -q "Non-2xx" && fail "non-2xx responses"
[[ "$doclen" == "$length" ]] || fail "document length $doclen, expected $length"

echo "e2e: worker RSS after (pid user KiB):"; workers | sed 's/^/  /'
rss_after="$(workers | awk '{s+=$3} END {print s}')"
echo "e2e: total worker RSS ${rss_before} KiB -> ${rss_after} KiB"

# Same page after the load: still correct.
[[ "$(curl -sf "$url")" == "$expected" ]] || fail "wrong response after the load"
if grep -Eiq "exited on signal|SIGSEGV|core dumped|exited with code [1-9]" "$dir/php-fpm.log"; then
    fail "a worker crashed: $(grep -Ei 'signal|exited' "$dir/php-fpm.log" | head -3)"
fi
[[ "$(workers | wc -l)" == 4 ]] || fail "expected 4 workers, found $(workers | wc -l)"

# Local inference in the workers: 8 requests, 4 at a time, so several workers load the model
# (once each, memory-mapped) and generate while the host-wide slot limit queues them.
pss() { for p in $(ps -o pid= --ppid "$fpm_pid"); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"; done | awk '{s+=$1} END {print s}'; }
if [[ -r "$model" ]]; then
    pss_before="$(pss)"
    gen_out="$(seq 8 | xargs -P 4 -I{} curl -sf --max-time 120 "http://127.0.0.1:$port/generate.php?n={}")" \
        || fail "a generation request failed (see $dir/php-fpm.log, $dir/php-errors.log)"
    echo "$gen_out" | sed 's/^/  /'
    [[ "$(echo "$gen_out" | grep -c '"ok":true')" == 8 ]] || fail "not every generation was redacted and restored"
    pids="$(echo "$gen_out" | sed -n 's/.*"pid":\([0-9]*\).*/\1/p' | sort -u | wc -l)"
    (( pids >= 2 )) || fail "generations ran in only $pids worker(s)"
    echo "e2e: worker PSS ${pss_before} KiB -> $(pss) KiB with the model loaded in $pids workers (weights shared through the page cache)"
    if grep -Eiq "exited on signal|SIGSEGV|core dumped" "$dir/php-fpm.log"; then
        fail "a worker crashed while generating"
    fi
else
    fail "model $model missing: run scripts/install-model.sh"
fi
echo "e2e: PASS ($requests requests, 0 failed, no worker crash; 8 local generations)"
