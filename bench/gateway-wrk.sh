#!/usr/bin/env bash
# POST /v1/chat/completions on loopback against one mock upstream (nginx answering a fixed chat
# completion), three ways in one run: direct to the mock, through Portkey's open-source gateway
# (npm @portkey-ai/gateway, installed outside the build: PORTKEY_DIR), and through Quartermaster.
# Reports requests/s, p50/p99 at 1 and 10 connections, and the gateway process's CPU per request
# (for Quartermaster the JVM plus its embedded PostgreSQL processes). Needs wrk, nginx, node, and a
# built jar (./mvnw -DskipTests package). Every load is bounded: DURATION seconds per run.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}   # and WARMUP (default 60) seconds of ten connections before each target's runs
QM_PORT=${QM_PORT:-18190}
MOCK_PORT=${MOCK_PORT:-18191}
PORTKEY_PORT=${PORTKEY_PORT:-18192}
PORTKEY_DIR=${PORTKEY_DIR:-/tmp/bench/node_modules/@portkey-ai/gateway}
JAVA=${JAVA:-$(bench/find-java)}
JAR=${JAR:-target/quartermaster.jar}
TARGETS=${TARGETS:-direct portkey quartermaster}   # a subset, to compare two jars (JAR) back to back
work=$(mktemp -d)
admin="qm_bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  [ -n "${qm:-}" ] && kill "$qm" 2>/dev/null && wait "$qm" 2>/dev/null || true
  [ -n "${pk:-}" ] && kill "$pk" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

answer='{"id":"chatcmpl-bench","object":"chat.completion","created":1764000000,"model":"bench-model","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18}}'
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$MOCK_PORT;
    location /v1/chat/completions { default_type application/json; return 200 '$answer'; }
  }
}
CONF
chmod 755 "$work"
nginx -c "$work/nginx.conf" -p "$work"

QM_DATA_DIR="$work/data" SERVER_PORT=$QM_PORT SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin \
  QM_LOG_FORMAT= "$JAVA" ${QM_JAVA_OPTS:-} -jar "$JAR" >"$work/server.log" 2>&1 &
qm=$!
(cd "$PORTKEY_DIR" && NODE_ENV=production exec node build/start-server.js --port=$PORTKEY_PORT --headless >"$work/portkey.log" 2>&1) &
pk=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$QM_PORT/actuator/health" >/dev/null && break; sleep 1; done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORTKEY_PORT/" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
profile=$(api -d "{\"name\":\"mock\",\"provider\":\"openai_like\",\"apiBaseUrl\":\"http://127.0.0.1:$MOCK_PORT/v1\",\"apiKey\":\"sk-bench-upstream-key\",\"modelName\":\"bench-model\"}" \
  "http://127.0.0.1:$QM_PORT/api/v1/system/ai/providers" | sed 's/.*"id":"\([^"]*\)".*/\1/')
price=$(api -d '{"name":"bench price","inputPricePerMillion":2.5,"outputPricePerMillion":10,"currency":"USD"}' \
  "http://127.0.0.1:$QM_PORT/api/v1/system/catalog/pricing" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -d "{\"models\":[{\"name\":\"Bench\",\"value\":\"bench-model\",\"tier\":\"free\",\"capabilities\":[\"chat\"],\"provider_ids\":[\"$profile\"],\"pricing_ids\":[\"$price\"]}]}" \
  "http://127.0.0.1:$QM_PORT/api/v5/artifacts/models/create" >/dev/null
user=$(api -d '{"username":"bench-user","tier":"pro"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
key=$(api -d '{"name":"bench"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users/$user/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')
# budgets on: the user's calls are reserved against a daily and a monthly limit (large enough for the run)
api -X PATCH -d '{"dailyLimit": 100000, "monthlyLimit": 1000000}' "http://127.0.0.1:$QM_PORT/api/v1/system/budgets/users/$user" >/dev/null

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"bench-model","messages":[{"role":"user","content":"Say hello"}]}'
wrk.headers["Content-Type"] = "application/json"
for k, v in pairs(extra or {}) do wrk.headers[k] = v end
LUA
headers_lua() { # name=value pairs into a lua table prepended to the script
  { echo "extra = {"; for h in "$@"; do echo "  [\"${h%%=*}\"] = \"${h#*=}\","; done; echo "}"; cat "$work/post.lua"; } >"$work/run.lua"
}
# CPU seconds (user+system) of a process and all its descendants
cpu_of() {
  local pids total=0
  pids=$(pstree -pT "$1" 2>/dev/null | grep -o '([0-9]*)' | tr -d '()' || echo "$1")
  for p in $pids; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
run() { # label url pid headers...
  local label=$1 url=$2 pid=$3; shift 3
  headers_lua "$@"
  local args=() h
  for h in "$@"; do args+=(-H "${h%%=*}: ${h#*=}"); done
  curl -s -o /dev/null -w "   check: %{http_code}\n" -X POST "$url" -H 'Content-Type: application/json' "${args[@]}" \
    -d '{"model":"bench-model","messages":[{"role":"user","content":"Say hello"}]}' || true
  wrk -t1 -c10 -d${WARMUP:-60}s -s "$work/run.lua" "$url" >/dev/null   # warm-up: the JIT needs about a minute of the metered path
  for c in 1 10; do
    local before after out requests
    before=$(cpu_of "$pid")
    out=$(wrk -t1 -c$c -d${DURATION}s --latency -s "$work/run.lua" "$url")
    after=$(cpu_of "$pid")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    printf '%-14s c=%-3s %10s req/s  p50 %8s  p99 %8s  cpu/req %s us\n' "$label" "$c" \
      "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
      "$([ "$pid" = 0 ] && echo - || echo $(( (after - before) * 10000000 / $(getconf CLK_TCK) / requests / 10 )))"
  done
}
want() { case " $TARGETS " in *" $1 "*) return 0;; esac; return 1; }
echo "== $(date -u +%FT%TZ), $(nproc) cores, DURATION=${DURATION}s per run"
want direct && run direct "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" 0 "Authorization=Bearer sk-direct"
want portkey && run portkey "http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions" "$pk" "Authorization=Bearer sk-bench-upstream-key" \
  "x-portkey-provider=openai" "x-portkey-custom-host=http://127.0.0.1:$MOCK_PORT/v1"
pg_port=$(grep -o 'embedded PostgreSQL running from .* on port [0-9]*' "$work/server.log" | grep -o '[0-9]*$')
pg() { PGPASSWORD=$(cat "$work/data/postgres.password") psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "$1"; }
ledger_before=$(pg "select count(*) from ledger")
xacts_before=$(pg "select xact_commit from pg_stat_database where datname = 'postgres'")
run quartermaster "http://127.0.0.1:$QM_PORT/v1/chat/completions" "$qm" "Authorization=Bearer $key"
sleep 1   # statistics are flushed about once a second
xacts_after=$(pg "select xact_commit from pg_stat_database where datname = 'postgres'")
for _ in $(seq 1 10); do [ "$(pg "select count(*) from reservations")" = 0 ] && break; sleep 1; done
calls=$(( $(pg "select count(*) from ledger") - ledger_before ))
echo "metered: $calls ledger rows, $(pg "select count(*) from reservations") reservations left," \
  "$(( (xacts_after - xacts_before) * 100 / calls )) PostgreSQL transactions per 100 calls"
