#!/usr/bin/env bash
# STREAMS concurrent slow streamed chats through Quartermaster (each EVENTS chunks GAP_MS apart
# from a local slow upstream, bench/slow-streams.py): time to first event, every stream complete,
# and the JVM's OS threads and heap before, during and after. Needs python3 and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
STREAMS=${STREAMS:-500}
EVENTS=${EVENTS:-40}
GAP_MS=${GAP_MS:-250}
QM_PORT=${QM_PORT:-18290}
UP_PORT=${UP_PORT:-18291}
JAVA=${JAVA:-$(bench/find-java)}
JCMD="$(dirname "$JAVA")/jcmd"
work=$(mktemp -d)
admin="qm_bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  [ -n "${qm:-}" ] && kill "$qm" 2>/dev/null && wait "$qm" 2>/dev/null || true
  [ -n "${up:-}" ] && kill "$up" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

python3 bench/slow-streams.py upstream "$UP_PORT" "$EVENTS" "$GAP_MS" &
up=$!
QM_DATA_DIR="$work/data" SERVER_PORT=$QM_PORT SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin \
  QM_LOG_FORMAT= "$JAVA" ${QM_JAVA_OPTS:--Xmx512m} -jar target/quartermaster.jar >"$work/server.log" 2>&1 &
qm=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$QM_PORT/actuator/health" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
profile=$(api -d "{\"name\":\"slow\",\"provider\":\"openai_like\",\"apiBaseUrl\":\"http://127.0.0.1:$UP_PORT/v1\",\"apiKey\":\"sk-slow-upstream\",\"modelName\":\"slow\"}" \
  "http://127.0.0.1:$QM_PORT/api/v1/system/ai/providers" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -d "{\"models\":[{\"name\":\"Slow\",\"value\":\"slow\",\"tier\":\"free\",\"capabilities\":[\"chat\"],\"provider_ids\":[\"$profile\"]}]}" \
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
python3 bench/slow-streams.py clients "http://127.0.0.1:$QM_PORT/v1/chat/completions" "$key" slow 20 >/dev/null   # warm-up
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
