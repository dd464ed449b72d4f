#!/usr/bin/env bash
# GET /v1/models with 1,000 catalog models, against nginx serving the same bytes as a static
# file, in one run, on loopback. Needs wrk and nginx (apt-get install wrk nginx) and a built jar
# (./mvnw -DskipTests package). Every load is bounded: DURATION seconds per target.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
QM_PORT=${QM_PORT:-18090}
NGINX_PORT=${NGINX_PORT:-18091}
JAVA=${JAVA:-$(bench/find-java)}
work=$(mktemp -d)
admin="qm_bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  [ -n "${qm:-}" ] && kill "$qm" 2>/dev/null && wait "$qm" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

QM_DATA_DIR="$work/data" SERVER_PORT=$QM_PORT SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin \
  QM_LOG_FORMAT= "$JAVA" ${QM_JAVA_OPTS:-} -jar target/quartermaster.jar >"$work/server.log" 2>&1 &
qm=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$QM_PORT/actuator/health" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }

for batch in 0 1; do
  items=$(seq $((batch * 500 + 1)) $((batch * 500 + 500)) | awk '{printf "%s{\"name\":\"Bench model %d\",\"value\":\"bench-model-%04d\",\"provider\":\"openai\",\"tier\":\"free\",\"capabilities\":[\"chat\",\"code\"]}", (NR>1?",":""), $1, $1}')
  api -d "{\"models\":[$items]}" "http://127.0.0.1:$QM_PORT/api/v5/artifacts/models/create" >/dev/null
done
user=$(api -d '{"username":"bench-user","tier":"free"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
key=$(api -d '{"name":"bench"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users/$user/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')
mkdir -p "$work/www/v1"
curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$QM_PORT/v1/models" -o "$work/www/v1/models"
count=$(grep -o '"object":"model"' "$work/www/v1/models" | wc -l)
echo "catalog models listed: $count, body $(wc -c <"$work/www/v1/models") bytes"

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { }
  default_type application/json;
  client_body_temp_path $work/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }
}
CONF
mkdir -p "$work/tmp"
chmod 755 "$work" && chmod -R a+rX "$work/www"   # nginx's workers do not run as root
nginx -c "$work/nginx.conf" -p "$work"

run() {
  echo "== $1"
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" | grep -E "Requests/sec|Transfer/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in"
}
# warm both up, then measure: on two busy cores the JIT needs about a minute at full load
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-60}s" -H "Authorization: Bearer $key" "http://127.0.0.1:$QM_PORT/v1/models" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT/v1/models" >/dev/null
run "quartermaster GET /v1/models" -H "Authorization: Bearer $key" "http://127.0.0.1:$QM_PORT/v1/models"
curl -sf "http://127.0.0.1:$NGINX_PORT/v1/models" | cmp - "$work/www/v1/models" && echo "nginx serves the same bytes"
run "nginx, the same bytes as a static file" "http://127.0.0.1:$NGINX_PORT/v1/models"
