#!/usr/bin/env bash
# Server-side render time of the console's Models page at MODELS catalog models (default 100000):
# starts the packaged server on loopback with a fresh embedded database, seeds the catalog with
# bench/seed-catalog.sql, signs in as the bootstrap admin with a session cookie, then asks for the
# page REPEAT times (first page, text searches, filters, deep pages; sequential, one client) and
# reports p50/p95/max of curl's time to the last byte. Needs psql, curl and python3; finds a JDK 21+
# itself (or JAVA=...). Stops the server it started, and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(bench/find-java)}
PORT=${PORT:-18183}
MODELS=${MODELS:-100000}
REPEAT=${REPEAT:-300}
PASSWORD=bench-console-password-0123
[ -f target/quartermaster.jar ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d /tmp/qm-console-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT

QM_DATA_DIR=$DATA QM_BOOTSTRAP_ADMIN_PASSWORD=$PASSWORD SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 QM_LOG_FORMAT= \
  "$JAVA" -Xmx256m -jar target/quartermaster.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -fs "$BASE/actuator/health" > /dev/null && break; sleep 0.5; done

PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
PGPASSWORD=$(cat "$DATA/postgres.password") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
  -v models="$MODELS" -f bench/seed-catalog.sql
# the seed wrote behind the server's back: rebuild the projection and drop the in-memory views
curl -fs -o /dev/null -u "admin:$PASSWORD" -X POST "$BASE/api/v5/artifacts/models/refresh"

JAR=$DATA/cookies
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
token=$(curl -fs -c "$JAR" -b "$JAR" -H 'Accept: text/html' "$BASE/" | csrf)
curl -fs -o /dev/null -c "$JAR" -b "$JAR" -H 'Accept: text/html' --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/console/sign-in"
total=$(curl -fs -b "$JAR" -H 'Accept: text/html' "$BASE/console/models" | grep -o 'of [0-9]*</p>' | head -1)
echo "models page lists: $total"

# the same searches through the API, for what the page adds to them (an API key: Basic would time bcrypt)
uid=$(curl -fs -u "admin:$PASSWORD" "$BASE/api/v1/system/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["userId"])')
KEY=$(curl -fs -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name": "bench"}' \
  "$BASE/api/v1/system/users/$uid/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["key"])')
bodies=('{}' '{"search": "gpt"}' '{"search": "a"}' '{"search": "nothing-matches-this"}' '{"page_offset": 5000}'
        '{"search": "mini", "page_offset": 100}' '{"search": "2"}')
percentiles() {
  python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"{sys.argv[1]}, {len(t)} requests: p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, max {t[-1]:.1f} ms")' "$1"
}

paths=("/console/models" "/console/models?q=gpt" "/console/models?q=a" "/console/models?q=nothing-matches-this"
       "/console/models?offset=5000" "/console/models?q=mini&offset=100" "/console/models?q=2")
# warm-up: each variant 20 times, so that the JIT has compiled what every one of them runs
for path in "${paths[@]}"; do
  for _ in $(seq 1 20); do curl -fs -o /dev/null -b "$JAR" -H 'Accept: text/html' "$BASE$path"; done
done
for i in $(seq 1 "$REPEAT"); do
  curl -fs -o /dev/null -b "$JAR" -H 'Accept: text/html' -w '%{time_total}\n' "$BASE${paths[$((i % ${#paths[@]}))]}"
done > "$DATA/page-times"
percentiles "models page (HTML)" < "$DATA/page-times"
for k in "${!paths[@]}"; do
  awk -v k="$k" -v n="${#paths[@]}" 'NR % n == k' "$DATA/page-times" | percentiles "  ${paths[$k]}"
done
for i in $(seq 1 "$REPEAT"); do
  curl -fs -o /dev/null -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' -w '%{time_total}\n' \
    -d "${bodies[$((i % ${#bodies[@]}))]}" "$BASE/api/v5/artifacts/models/search"
done | percentiles "the same searches through the API (JSON)"
uptime
