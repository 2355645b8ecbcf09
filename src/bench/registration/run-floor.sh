#!/usr/bin/env bash
# The floor of issue 20 under pgbench: the minimal registration transaction (floor-tx.sql) at CLIENTS
# connections (default "8 50"), SECONDS each (default 10), in database DB (default bench_perf, created if missing).
# Prints one "FLOOR clients=… tps=… latency_ms=…" line per run with the load average.
set -euo pipefail
cd "$(dirname "$0")"
DB=${DB:-bench_perf}; SESSIONS=${SESSIONS:-200}
export PGOPTIONS="-c client_min_messages=warning"
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
$PSQL -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || $PSQL -d postgres -c "CREATE DATABASE $DB"
for c in ${CLIENTS:-8 50}; do
  $PSQL -d "$DB" -v sessions="$SESSIONS" -f floor-schema.sql > /dev/null
  $PSQL -d "$DB" -c "VACUUM ANALYZE"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j 2 -T "${SECONDS_EACH:-10}" -D sessions="$SESSIONS" \
    -f floor-tx.sql "$DB")
  echo "FLOOR clients=$c tps=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' <<< "$out") latency_ms=$(sed -n 's/^latency average = \([0-9.]*\).*/\1/p' <<< "$out") load_before=\"$load\""
done
