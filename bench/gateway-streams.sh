#!/usr/bin/env bash
# STREAMS concurrent slow streamed chats through Quartermaster (each EVENTS chunks GAP_MS apart
# from a local slow upstream, bench/slow-streams.py): time to first event, every stream complete,
# and the JVM's OS threads and heap before, during and after. Needs python3, wrk and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
STREAMS=${STREAMS:-500}
EVENTS=${EVENTS:-40}
GAP_MS=${GAP_MS:-250}
QM_PORT=${QM_PORT:-18290}
UP_PORT=${UP_PORT:-18291}
WARM_PORT=${WARM_PORT:-18292}
WARMUP=${WARMUP:-40}        # seconds of quick streams (2 events, 1 ms apart) through wrk before measuring
JAVA=${JAVA:-$(bench/find-java)}
JCMD="$(dirname "$JAVA")/jcmd"
work=$(mktemp -d)
admin="qm_bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  [ -n "${qm:-}" ] && kill "$qm" 2>/dev/null && wait "$qm" 2>/dev/null || true
  [ -n "${up:-}" ] && kill "$up" 2>/dev/null || true
  [ -n "${warm:-}" ] && kill "$warm" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

python3 bench/slow-streams.py upstream "$UP_PORT" "$EVENTS" "$GAP_MS" &
up=$!
python3 bench/slow-streams.py upstream "$WARM_PORT" 2 1 &
warm=$!
QM_DATA_DIR="$work/data" SERVER_PORT=$QM_PORT SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin \
  QM_LOG_FORMAT= "$JAVA" ${QM_JAVA_OPTS:--Xmx512m} -jar target/quartermaster.jar >"$work/server.log" 2>&1 &
qm=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$QM_PORT/actuator/health" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
profile=$(api -d "{\"name\":\"slow\",\"provider\":\"openai_like\",\"apiBaseUrl\":\"http://127.0.0.1:$UP_PORT/v1\",\"apiKey\":\"sk-slow-upstream\",\"modelName\":\"slow\"}" \
  "http://127.0.0.1:$QM_PORT/api/v1/system/ai/providers" | sed 's/.*"id":"\([^"]*\)".*/\1/')
quick=$(api -d "{\"name\":\"quick\",\"provider\":\"openai_like\",\"apiBaseUrl\":\"http://127.0.0.1:$WARM_PORT/v1\",\"apiKey\":\"sk-quick-upstream\",\"modelName\":\"quick\"}" \
  "http://127.0.0.1:$QM_PORT/api/v1/system/ai/providers" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -d "{\"models\":[{\"name\":\"Slow\",\"value\":\"slow\",\"tier\":\"free\",\"capabilities\":[\"chat\"],\"provider_ids\":[\"$profile\"]},{\"name\":\"Quick\",\"value\":\"quick\",\"tier\":\"free\",\"capabilities\":[\"chat\"],\"provider_ids\":[\"$quick\"]}]}" \
  "http://127.0.0.1:$QM_PORT/api/v5/artifacts/models/create" >/dev/null
user=$(api -d '{"username":"bench-user","tier":"pro"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
key=$(api -d '{"name":"bench"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users/$user/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')

sample() { # label
  local threads heap
  threads=$(awk '/^Threads/ {print $2}' "/proc/$qm/status")
  heap=$("$JCMD" "$qm" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1)
  printf '%-8s JVM OS threads %4s, heap %s\n' "$1" "$threads" "$heap"
}
echo "direct:  $(python3 bench/slow-streams.py clients "http://127.0.0.1:$UP_PORT/v1/chat/completions" none slow "$STREAMS")"
# warm-up: on two cores the JIT needs tens of thousands of calls before the streaming path is compiled
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n' \
  "'{\"model\":\"quick\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'" >"$work/stream.lua"
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$qm/stat"; }   # the JVM's user+system time (USER_HZ 100)
for half in 1 2; do
  before=$(cpu_ms)
  calls=$(wrk -t1 -c10 -d$(( WARMUP / 2 ))s -s "$work/stream.lua" -H "Authorization: Bearer $key" \
    "http://127.0.0.1:$QM_PORT/v1/chat/completions" | awk '/requests in/ {print $1}')
  echo "warm-up ${half}/2: ${calls} streamed calls, JVM CPU $(( ($(cpu_ms) - before) * 1000 / calls )) µs per call"
done
for target in "direct http://127.0.0.1:$WARM_PORT" "through http://127.0.0.1:$QM_PORT"; do   # one stream after another
  set -- $target
  echo "one connection, streams back to back, $1: $(wrk -t1 -c1 -d10s --latency -s "$work/stream.lua" -H "Authorization: Bearer $key" \
    "$2/v1/chat/completions" | awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print r " streams/s, whole stream p50 " p50 ", p99 " p99}')"
done
for n in 1 1 1 50 200; do   # stream starts on a warm, otherwise idle server
  direct=$(python3 bench/slow-streams.py clients "http://127.0.0.1:$WARM_PORT/v1/chat/completions" none quick "$n" | grep -o 'p50 [0-9.]* ms p99 [0-9.]* ms')
  before=$(cpu_ms)
  through=$(python3 bench/slow-streams.py clients "http://127.0.0.1:$QM_PORT/v1/chat/completions" "$key" quick "$n" | grep -o 'p50 [0-9.]* ms p99 [0-9.]* ms')
  echo "start ${n}: first event direct ${direct}, through ${through}, JVM CPU $(( $(cpu_ms) - before )) ms"
  sleep 1
done
"$JCMD" "$qm" GC.run >/dev/null
sample before
python3 bench/slow-streams.py clients "http://127.0.0.1:$QM_PORT/v1/chat/completions" "$key" slow "$STREAMS" >"$work/result" &
clients=$!
sleep $(( EVENTS * GAP_MS / 2000 ))
sample during
wait $clients
echo "through: $(cat "$work/result") (each stream ${EVENTS} events ${GAP_MS} ms apart, plus [DONE])"
"$JCMD" "$qm" GC.run >/dev/null
sample after
