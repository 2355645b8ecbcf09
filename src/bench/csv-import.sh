#!/usr/bin/env bash
# CSV import bench, end to end through the API: 3,400 organisations and 10,000 persons, dry run then
# commit, on the embedded H2 database and on PostgreSQL. Run from the project root after
#   ./mvnw -B -q package -DskipTests
# usage: src/bench/csv-import.sh [h2|postgres|both]   (default both; port 18087, database rencontres_csv_bench)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/target/rencontres-0.1.0.jar"
PORT=${PORT:-18087}
WORK=$(mktemp -d)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
. "$ROOT/src/bench/api-token.sh"

python3 "$ROOT/src/bench/make_csv.py" organisations 3400 "$WORK/organisations-3400.csv"
python3 "$ROOT/src/bench/make_csv.py" organisations 10000 "$WORK/organisations-10000.csv"
python3 "$ROOT/src/bench/make_csv.py" persons 10000 "$WORK/persons-10000.csv"

start_server() {
  (cd "$WORK" && exec env PORT="$PORT" "$@" java -jar "$JAR" > "$WORK/server.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 400); do
    curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && return 0
    sleep 1
  done
  echo "server did not start" >&2; cat "$WORK/server.log" >&2; exit 1
}

post() { # kind file dryRun
  local t0 t1 out
  t0=$(date +%s%N)
  out=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$2" \
    "http://127.0.0.1:$PORT/api/v1/imports/$1?dryRun=$3")
  t1=$(date +%s%N)
  printf '%-10s %-28s dryRun=%-5s %6d ms  %s\n' "$DB" "$(basename "$2")" "$3" $(((t1 - t0) / 1000000)) \
    "$(echo "$out" | grep -o '"counts":{[^}]*}')"
}

run() {
  TOKEN=$(api_token "http://127.0.0.1:$PORT" admin demo-rencontres csv-import-bench)
  echo "load before $DB: $(uptime | sed 's/.*load average/load average/')"
  post organisations "$WORK/organisations-3400.csv" true
  post organisations "$WORK/organisations-3400.csv" false
  post organisations "$WORK/organisations-3400.csv" true
  post organisations "$WORK/organisations-10000.csv" false
  post persons "$WORK/persons-10000.csv" true
  post persons "$WORK/persons-10000.csv" false
  post persons "$WORK/persons-10000.csv" true
  echo "load after $DB: $(uptime | sed 's/.*load average/load average/')"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

WHICH=${1:-both}
if [[ $WHICH == h2 || $WHICH == both ]]; then
  DB=H2; start_server RENCONTRES_DEMO_LOAD=auto; run
fi
if [[ $WHICH == postgres || $WHICH == both ]]; then
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS rencontres_csv_bench' -c 'CREATE DATABASE rencontres_csv_bench'
  DB=PostgreSQL
  start_server DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/rencontres_csv_bench \
    DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= RENCONTRES_DEMO_LOAD=always
  run
fi
