#!/usr/bin/env bash
# Memory of php-fpm workers with the local model loaded: 1 worker vs 8. The weights are
# memory-mapped (page cache, shared), so each extra worker must add far less than the model.
#
# Usage: benches/fpm_memory.sh [path/to/sovereign.so]   (default: build it with scripts/build.sh)
#   env: SOVEREIGN_MODEL, COUNTS="1 8", ROUNDS=3, PORT=18280, FPM_PORT=19280,
#        MALLOC_MMAP_THRESHOLD_ (glibc; passed on to php-fpm, see benches/LLAMA.md)
#
# For each worker count N: a static pool of N workers (as www-data, like production) behind
# nginx, as in php-ext/tests/e2e/run.sh; rounds of N concurrent requests to
# php-ext/bench/fpm_memory.php (load the model, generate a token) until every worker has loaded
# the model, and at least ROUNDS rounds, since a worker's heap grows over its first few
# generations; then Rss and Pss of the master and every worker from /proc/PID/smaps_rollup, and
# the model file's share from /proc/PID/smaps.
# Exits 1 if each extra worker adds more than half the model file's size in PSS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
model="${SOVEREIGN_MODEL:-/var/lib/sovereign/models/gemma3-270m-q4_k_m.gguf}"
counts="${COUNTS:-1 8}"
rounds="${ROUNDS:-3}"
port="${PORT:-18280}"
fpm_port="${FPM_PORT:-19280}"
fpm="$(command -v php-fpm8.2 || command -v php-fpm)"
[[ -r "$model" ]] || { echo "model not found: $model (run scripts/install-model.sh)" >&2; exit 1; }
if [[ $# -gt 0 ]]; then
    so="$(realpath "$1")"
else
    nice "$root/scripts/build.sh" --quiet
    so="$root/target/release/libsovereign.so"
fi

dir="" fpm_pid="" nginx_pid=""
stop() {
    # timeout(1) passes TERM on to php-fpm (which stops its workers) and to nginx.
    local pid
    for pid in $nginx_pid $fpm_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [[ -z "$dir" ]] || rm -rf "$dir"
    dir="" fpm_pid="" nginx_pid=""
}
trap stop EXIT
trap 'exit 130' INT TERM
fail() { echo "fpm_memory: $*" >&2; [[ -n "$dir" ]] && tail -n 5 "$dir"/*.log >&2; exit 1; }

# Starts a static pool of $1 workers and nginx in a fresh directory under /tmp (www-data cannot
# read /root). Each is wrapped in timeout(1) so nothing outlives a killed script by long.
start() {
    dir="$(mktemp -d /tmp/sovereign-fpm-memory.XXXXXX)"
    chmod 755 "$dir"
    mkdir -p "$dir/www" "$dir/tmp"
    cp "$so" "$dir/sovereign.so"
    cp "$root/php-ext/bench/fpm_memory.php" "$dir/www/"
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@FPM_PORT@|$fpm_port|g" \
        "$root/php-ext/tests/e2e/nginx.conf" > "$dir/nginx.conf"
    # TMPDIR: the host-wide generation slots live in a directory of this pool's own, so other
    # PHP processes on the machine neither wait for nor delay these workers.
    cat > "$dir/php-fpm.conf" <<CONF
[global]
pid = $dir/php-fpm.pid
error_log = $dir/php-fpm.log
daemonize = no
[bench]
user = www-data
group = www-data
listen = 127.0.0.1:$fpm_port
pm = static
pm.max_children = $1
env[TMPDIR] = $dir/tmp
catch_workers_output = yes
php_admin_value[error_log] = $dir/php-errors.log
php_admin_flag[log_errors] = on
CONF
    chmod -R a+rX "$dir"
    chown -R www-data:www-data "$dir/tmp"
    # concurrency 8: no worker waits long for a generation slot while all of them load.
    timeout 900 "$fpm" -n -F -y "$dir/php-fpm.conf" -d "extension=$dir/sovereign.so" \
        -d "sovereign.model=$model" -d sovereign.threads=2 -d sovereign.concurrency=8 &
    fpm_pid=$!
    timeout 900 nginx -c "$dir/nginx.conf" -p "$dir" &
    nginx_pid=$!
}

# The php-fpm master's pid (timeout(1) is its parent) and its workers' pids.
master() { pgrep -P "$fpm_pid"; }
workers() { pgrep -P "$(master)" | sort -n; }

# kB of field $2 (Rss, Pss, Anonymous) in /proc/$1/smaps_rollup.
rollup() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/smaps_rollup"; }
# kB of field $2 (Rss, Pss) in the mappings of the model file in /proc/$1/smaps.
model_kb() {
    awk -v m="$model" -v f="$2:" '/^[0-9a-f]+-[0-9a-f]+ / {in_model = ($NF == m)}
        in_model && $1 == f {s += $2} END {print s + 0}' "/proc/$1/smaps"
}
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

model_size=$(stat -c %s "$model")
echo "model:  $model ($(mb $((model_size / 1024))) MB)"
echo "php:    $("$fpm" -n -v | head -n 1)"
echo "cores:  $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
# glibc tunables reach the workers through the master's environment (they fork from it).
[[ -z "${MALLOC_MMAP_THRESHOLD_:-}" ]] || echo "malloc: MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_"
declare -A total
for n in $counts; do
    start "$n"
    url="http://127.0.0.1:$port/fpm_memory.php?hold=1500"
    # Waits for the pool, then sends n requests at a time, each holding its worker 1.5 s after
    # generating so that each request of a round lands on a different worker.
    for _ in $(seq 100); do
        [[ "$(workers | wc -l)" == "$n" ]] && curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && break
        sleep 0.1
    done
    [[ "$(workers | wc -l)" == "$n" ]] || fail "the pool did not start $n workers"
    seen="$dir/seen"
    : > "$seen"
    for round in $(seq $((rounds + 10))); do
        # In the background and waited for: a signal then stops the script at once.
        seq "$n" | xargs -P "$n" -I{} curl -sf --max-time 60 "$url" >> "$seen" &
        wait $! || fail "a request failed"
        loaded=$(comm -12 <(awk '$2 == 1 {print $1}' "$seen" | sort -u) <(workers | sort))
        (( round >= rounds )) && [[ "$(echo "$loaded" | grep -c .)" == "$n" ]] && break
        (( round == rounds + 10 )) && fail "only $(echo "$loaded" | grep -c .) of $n workers loaded the model"
    done
    sleep 1 # let the last requests end: measure idle workers holding the model
    echo
    echo "$n worker(s), after $(wc -l < "$seen") requests; MB:"
    printf '  %-8s %7s %5s %8s %8s %10s %10s %10s\n' role pid reqs Rss Pss Anonymous "model Rss" "model Pss"
    sum=0
    for pid in $(master) $(workers); do
        role=worker; [[ $pid == "$(master)" ]] && role=master
        pss=$(rollup "$pid" Pss)
        sum=$((sum + pss))
        printf '  %-8s %7s %5s %8s %8s %10s %10s %10s\n' "$role" "$pid" "$(grep -c "^$pid " "$seen")" \
            "$(mb "$(rollup "$pid" Rss)")" \
            "$(mb "$pss")" "$(mb "$(rollup "$pid" Anonymous)")" "$(mb "$(model_kb "$pid" Rss)")" \
            "$(mb "$(model_kb "$pid" Pss)")"
    done
    total[$n]=$sum
    echo "  PSS total (master + workers): $(mb "$sum") MB"
    grep -Eiq "exited on signal|SIGSEGV|core dumped" "$dir/php-fpm.log" && fail "a worker crashed"
    stop
done

set -- $counts
if [[ $# -ge 2 ]]; then
    first=$1 last=${!#}
    per=$(( (total[$last] - total[$first]) / (last - first) ))
    echo
    echo "each extra worker adds $(mb "$per") MB PSS ((PSS_total($last) - PSS_total($first)) / $((last - first)));" \
        "model file $(mb $((model_size / 1024))) MB"
    (( per * 1024 * 2 <= model_size )) || { echo "FAIL: more than half the model size per worker" >&2; exit 1; }
    echo "OK: under half the model size"
fi
