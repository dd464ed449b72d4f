#!/usr/bin/env bash
# Starts the packaged server on loopback with a fresh embedded database, seeds MODELS (default
# 100000) catalog models with SQL, refreshes, then measures search latency and a full export.
# Needs psql; finds a JDK 21+ itself (or JAVA=...). Stops the server it started, and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-$(bench/find-java)}
PORT=${PORT:-18181}
MODELS=${MODELS:-100000}
SEARCHES=${SEARCHES:-400}
HEAP=${HEAP:-256m}
KEY=qm_bench-admin-key-0123456789abcdefghijklmnop
[ -f target/quartermaster.jar ] || ./mvnw -B -q -DskipTests package
DATA=$(mktemp -d /tmp/qm-bench.XXXXXX)

QM_DATA_DIR=$DATA QM_BOOTSTRAP_ADMIN_KEY=$KEY SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 QM_LOG_FORMAT= \
  "$JAVA" -Xmx"$HEAP" -jar target/quartermaster.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
# `wait` answers 143 for the killed server; under `set -e` that would end the trap before the rm
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { cat "$DATA/server.log"; exit 1; }

PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
echo "seeding $MODELS models"
start=$(date +%s.%N)
PGPASSWORD=$(cat "$DATA/postgres.password") psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v models="$MODELS" -f bench/seed-catalog.sql
echo "seeded in $(echo "$(date +%s.%N) - $start" | bc) s"

start=$(date +%s.%N)
curl -fs -X POST -H "X-Api-Key: $KEY" "http://127.0.0.1:$PORT/api/v5/artifacts/models/refresh"; echo
echo "refresh (projection rebuild of $MODELS models) in $(echo "$(date +%s.%N) - $start" | bc) s"

"$JAVA" bench/CatalogBench.java "http://127.0.0.1:$PORT" "$KEY" "$SEARCHES"
echo "server heap limit: -Xmx$HEAP"
