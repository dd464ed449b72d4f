#!/usr/bin/env bash
# A bounded soak: two server processes (the packaged jar) on one PostgreSQL (the first one's
# embedded database), DURATION seconds (600) of mixed load on both at once: gateway calls to an
# nginx mock upstream (with a budget, so every call is leased, metered and settled), model lists,
# catalog searches and admin writes. Reports non-2xx answers, each server's heap and thread count
# every SAMPLE seconds, and ledger rows against the calls the upstream saw. Needs wrk, nginx,
# psql, jcmd and a built jar (./mvnw -DskipTests package, or JAR=path). Writes bench/soak.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-600}
SAMPLE=${SAMPLE:-60}
CONNECTIONS=${CONNECTIONS:-4}
PORT_A=${PORT_A:-18290}
PORT_B=${PORT_B:-18291}
MOCK_PORT=${MOCK_PORT:-18292}
JAVA=${JAVA:-$(bench/find-java)}
JCMD=$(dirname "$JAVA")/jcmd
work=$(mktemp -d)
admin="qm_soak-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  for p in ${qa:-} ${qb:-}; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

answer='{"id":"chatcmpl-soak","object":"chat.completion","created":1764000000,"model":"soak-model","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}'
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  log_format path '\$request_uri';
  access_log $work/upstream.log path;
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

server() { # data dir, port, extra env...
  local dir=$1 port=$2; shift 2
  env QM_DATA_DIR="$dir" SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin QM_LOG_FORMAT= "$@" \
    "$JAVA" -jar "${JAR:-target/quartermaster.jar}" >"$dir.log" 2>&1 &
}
healthy() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0; sleep 1; done; return 1; }
server "$work/a" $PORT_A; qa=$!
healthy $PORT_A
pg_port=$(grep -o 'embedded PostgreSQL running from .* on port [0-9]*' "$work/a.log" | grep -o '[0-9]*$')
pg_password=$(cat "$work/a/postgres.password")
server "$work/b" $PORT_B QM_DATABASE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" QM_DATABASE_USERNAME=postgres \
  QM_DATABASE_PASSWORD="$pg_password" QM_MASTER_KEY="$(cat "$work/a/master.key")"; qb=$!
healthy $PORT_B
pg() { PGPASSWORD=$pg_password psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "$1"; }

A="http://127.0.0.1:$PORT_A"
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
profile=$(api -d "{\"name\":\"mock\",\"provider\":\"openai_like\",\"apiBaseUrl\":\"http://127.0.0.1:$MOCK_PORT/v1\",\"apiKey\":\"sk-soak-upstream-key\",\"modelName\":\"soak-model\"}" \
  "$A/api/v1/system/ai/providers" | sed 's/.*"id":"\([^"]*\)".*/\1/')
price=$(api -d '{"name":"soak price","inputPricePerMillion":2.5,"outputPricePerMillion":10,"currency":"USD"}' \
  "$A/api/v1/system/catalog/pricing" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -d "{\"models\":[{\"name\":\"Soak\",\"value\":\"soak-model\",\"tier\":\"free\",\"capabilities\":[\"chat\"],\"provider_ids\":[\"$profile\"],\"pricing_ids\":[\"$price\"]}]}" \
  "$A/api/v5/artifacts/models/create" >/dev/null
items=$(seq 1 500 | awk '{printf "%s{\"name\":\"Soak catalog %d\",\"value\":\"soak-catalog-%04d\",\"provider\":\"openai\",\"tier\":\"free\",\"capabilities\":[\"chat\"]}", (NR>1?",":""), $1, $1}')
api -d "{\"models\":[$items]}" "$A/api/v5/artifacts/models/create" >/dev/null
user=$(api -d '{"username":"soak-user","tier":"pro"}' "$A/api/v1/system/users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
key=$(api -d '{"name":"soak"}' "$A/api/v1/system/users/$user/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')
api -X PATCH -d '{"dailyLimit": 100000, "monthlyLimit": 1000000}' "$A/api/v1/system/budgets/users/$user" >/dev/null

cat >"$work/mix.lua" <<LUA
-- one request in ten of each kind but the gateway's five: chat, chat, chat, chat, chat, models,
-- models, search, search, an admin write (a new user)
local user, admin = "Bearer $key", "Bearer $admin"
local n, threads = 0, {}
local chat = '{"model":"soak-model","max_tokens":50,"messages":[{"role":"user","content":"Say hello"}]}'
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init() errors = 0; chats = 0; statuses = {} end
function request()
  n = n + 1
  local k = n % 10
  if k < 5 then chats = chats + 1
    return wrk.format("POST", "/v1/chat/completions", {["Authorization"] = user, ["Content-Type"] = "application/json"}, chat)
  elseif k < 7 then return wrk.format("GET", "/v1/models", {["Authorization"] = user})
  elseif k < 9 then return wrk.format("POST", "/api/v5/artifacts/models/search",
      {["Authorization"] = admin, ["Content-Type"] = "application/json"}, '{"search":"catalog ' .. (n % 50) .. '","page_size":20}')
  else return wrk.format("POST", "/api/v1/system/users", {["Authorization"] = admin, ["Content-Type"] = "application/json"},
      '{"username":"soak-' .. server .. '-' .. id .. '-' .. n .. '","tier":"free"}')
  end
end
function response(status)
  if status >= 300 then errors = errors + 1; statuses[status] = (statuses[status] or 0) + 1 end
end
function done()
  local e, c, by = 0, 0, {}
  for _, t in ipairs(threads) do
    e = e + t:get("errors"); c = c + t:get("chats")
    for status, count in pairs(t:get("statuses")) do by[status] = (by[status] or 0) + count end
  end
  local listed = ""
  for status, count in pairs(by) do listed = listed .. " " .. status .. "×" .. count end
  print("non-2xx " .. e .. ", gateway calls sent " .. c .. (listed == "" and "" or ", statuses:" .. listed))
end
LUA

sample() { # label pid
  local heap threads
  "$JCMD" "$2" GC.run >/dev/null 2>&1 || true   # the live heap, not the garbage of the moment
  heap=$("$JCMD" "$2" GC.heap_info 2>/dev/null | awk '/garbage-first heap|heap total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  threads=$(ls "/proc/$2/task" | wc -l)
  echo "| $(( $(date +%s) - started )) s | $1 | ${heap:-?} | $threads |"
}
started=$(date +%s)
echo "== soak $(date -u +%FT%TZ), $(nproc) cores, ${DURATION}s, $CONNECTIONS connections per server"
for s in a b; do { echo "server = '$s'"; cat "$work/mix.lua"; } >"$work/mix-$s.lua"; done
wrk -t2 -c$CONNECTIONS -d${DURATION}s -s "$work/mix-a.lua" "$A" >"$work/wrk-a.txt" &
wa=$!
wrk -t2 -c$CONNECTIONS -d${DURATION}s -s "$work/mix-b.lua" "http://127.0.0.1:$PORT_B" >"$work/wrk-b.txt" &
wb=$!
{
  echo "| at | server | heap used | threads |"; echo "|---|---|---|---|"
  sample a $qa; sample b $qb
  while kill -0 $wa 2>/dev/null; do sleep "$SAMPLE"; sample a $qa; sample b $qb; done
} >"$work/samples.md"
wait $wa $wb || true
sleep 3   # the last settlements
upstream=$(grep -c '/v1/chat/completions' "$work/upstream.log" || true)
ledger=$(pg "select count(*) from ledger")
{
  echo "# Soak: $(date -u +%FT%TZ), $(nproc) cores, ${DURATION} s, two servers, $CONNECTIONS connections each"
  echo
  echo "Mixed load on both servers at once (half gateway calls, then model lists, catalog searches, admin writes)."
  echo
  for s in a b; do echo "server $s: $(grep 'requests in' "$work/wrk-$s.txt" | sed 's/^ *//'), $(grep 'non-2xx' "$work/wrk-$s.txt")"; done
  echo
  echo "upstream calls $upstream, ledger rows $ledger, reservations left $(pg "select count(*) from reservations")"
  echo
  cat "$work/samples.md"
  echo
  echo "Warnings and errors the servers logged (counted, timestamps cut):"
  echo
  for s in a b; do
    grep -hE ' (WARN|ERROR) ' "$work/$s.log" | sed -E 's/^.*\] +//' | cut -c1-160 | sort | uniq -c | sort -rn | head -8 \
      | sed "s/^/    $s: /"
  done
} | tee bench/soak.md
