#!/usr/bin/env bash
# The usage endpoints over a large ledger: ROWS ledger rows (default 10 million) of USERS users and
# MODELS models over DAYS days, with their daily rollup, loaded straight into the embedded
# PostgreSQL of a running jar; then each endpoint called REPEAT times one after another (p50/p95),
# and the ledger's size per million rows; then the console's Usage page (signed in with a session
# cookie, as a browser) over the last month. Needs psql, curl, python3 and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000000}
USERS=${USERS:-500}
MODELS=${MODELS:-15}
DAYS=${DAYS:-60}
REPEAT=${REPEAT:-200}
QM_PORT=${QM_PORT:-18295}
JAVA=${JAVA:-$(bench/find-java)}
work=$(mktemp -d)
admin="qm_bench-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
password="qm-bench-console-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() {
  [ -n "${qm:-}" ] && kill "$qm" 2>/dev/null && wait "$qm" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

QM_DATA_DIR="$work/data" SERVER_PORT=$QM_PORT SERVER_ADDRESS=127.0.0.1 QM_BOOTSTRAP_ADMIN_KEY=$admin \
  QM_BOOTSTRAP_ADMIN_PASSWORD=$password \
  QM_LOG_FORMAT= "$JAVA" -jar target/quartermaster.jar >"$work/server.log" 2>&1 &
qm=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$QM_PORT/actuator/health" >/dev/null && break; sleep 1; done
pg_port=$(grep -o 'embedded PostgreSQL running from .* on port [0-9]*' "$work/server.log" | grep -o '[0-9]*$')
pg() { PGPASSWORD=$(cat "$work/data/postgres.password") psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "$1"; }
api() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
user=$(api -d '{"username":"bench-user","tier":"pro"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
key=$(api -d '{"name":"bench"}' "http://127.0.0.1:$QM_PORT/api/v1/system/users/$user/api-keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')

started=$(date +%s)
# user 0 of the generated ones is bench-user; the others are ids that only the ledger knows. The calls
# are a second apart, as a busy server's are (not thousands at one time, which would flatter the indexes)
pg "create temporary table bench_users as select i, case when i = 0 then '$user'::uuid else gen_random_uuid() end as id
      from generate_series(0, $USERS - 1) i;
    insert into ledger (request_id, attempt, created_at, user_id, model, provider, key_source, input_tokens,
                        output_tokens, cost_nano, status, latency_ms, streamed)
    select 'req_bench_' || g, 1, now() - (g % ($DAYS * 86400)) * interval '1 second', u.id, 'model-' || ((g / 7) % $MODELS),
           'openai', case when g % 4 = 0 then 'byok' else 'managed' end, 500 + g % 1000, 100 + g % 300,
           (500 + g % 1000) * 2500 + (100 + g % 300) * 10000, 200, 300, g % 2 = 0
    from generate_series(1, $ROWS) g join bench_users u on u.i = (g::bigint * 7919) % $USERS;
    insert into usage_daily (day, user_id, model, provider, key_source, requests, input_tokens, output_tokens, cost_nano)
    select (created_at at time zone 'UTC')::date, user_id, model, provider, key_source, count(*), sum(input_tokens),
           sum(output_tokens), sum(cost_nano)
    from ledger group by 1, 2, 3, 4, 5
    on conflict (day, user_id, model, provider, key_source) do update set requests = usage_daily.requests + excluded.requests;
    insert into usage_daily_totals (day, model, provider, key_source, requests, input_tokens, output_tokens, cost_nano)
    select day, model, provider, key_source, sum(requests), sum(input_tokens), sum(output_tokens), sum(cost_nano)
    from usage_daily group by 1, 2, 3, 4
    on conflict (day, model, provider, key_source) do update set requests = usage_daily_totals.requests + excluded.requests;
    insert into usage_daily_users (day, user_id, requests, input_tokens, output_tokens, cost_nano)
    select day, user_id, sum(requests), sum(input_tokens), sum(output_tokens), sum(cost_nano)
    from usage_daily group by 1, 2
    on conflict (day, user_id) do update set requests = usage_daily_users.requests + excluded.requests;
    analyze ledger; analyze usage_daily; analyze usage_daily_totals; analyze usage_daily_users;"
echo "loaded $(pg "select count(*) from ledger") ledger rows and $(pg "select count(*) from usage_daily") rollup rows in $(( $(date +%s) - started )) s"
echo "ledger size: $(pg "select pg_size_pretty(pg_total_relation_size('ledger'))") with its indexes," \
  "$(pg "select pg_size_pretty(pg_total_relation_size('ledger') * 1000000 / $ROWS)") per million calls;" \
  "rollup $(pg "select pg_size_pretty(pg_total_relation_size('usage_daily'))")"

time_it() { # label url key (or cookie: for the console's session)
  local auth=(-H "Authorization: Bearer $3")
  [ "$3" = cookie: ] && auth=(-b "$work/cookies" -H 'Accept: text/html')
  for _ in $(seq 1 "$REPEAT"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "${auth[@]}" "$2"
  done | python3 -c '
import sys
rows = [l.split() for l in sys.stdin]
bad = [r for r in rows if r[0] != "200"]
t = sorted(float(r[1]) * 1000 for r in rows)
print("%-34s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d calls, %d not 200)" % (sys.argv[1], t[len(t) // 2], t[int(len(t) * 0.95)], t[-1], len(t), len(bad)))' "$1"
}
from=$(date -u -d "-$((DAYS - 1)) days" +%F)
to=$(date -u +%F)
base="http://127.0.0.1:$QM_PORT"
for _ in 1 2; do curl -s -o /dev/null -H "Authorization: Bearer $key" "$base/v1/ai/usage"; done   # warm-up
time_it "GET /v1/ai/usage" "$base/v1/ai/usage" "$key"
time_it "system/usage group_by=day, $DAYS d" "$base/api/v1/system/usage?group_by=day&from=$from&to=$to" "$admin"
time_it "system/usage group_by=model" "$base/api/v1/system/usage?group_by=model&from=$from&to=$to" "$admin"
time_it "system/usage group_by=user" "$base/api/v1/system/usage?group_by=user&from=$from&to=$to" "$admin"
time_it "system/usage one user, by day" "$base/api/v1/system/usage?user=$user&from=$from&to=$to" "$admin"
time_it "system/usage/requests first page" "$base/api/v1/system/usage/requests?limit=50" "$admin"
time_it "system/usage/requests one user" "$base/api/v1/system/usage/requests?user=$user&limit=50" "$admin"

# the console's Usage page, as a browser: a session cookie from the sign-in form
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
token=$(curl -sf -c "$work/cookies" -b "$work/cookies" -H 'Accept: text/html' "$base/" | csrf)
curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" -H 'Accept: text/html' --data-urlencode username=admin \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/console/sign-in"
month=$(date -u -d '-29 days' +%F)
for _ in $(seq 1 20); do curl -s -o /dev/null -b "$work/cookies" -H 'Accept: text/html' "$base/console/usage"; done   # warm-up
time_it "console Usage page, default range" "$base/console/usage" cookie:
time_it "console Usage page, 30 days" "$base/console/usage?from=$month&to=$to" cookie:
time_it "console Usage page, 30 days, one user" "$base/console/usage?from=$month&to=$to&user=bench-user" cookie:
