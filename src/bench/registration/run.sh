#!/usr/bin/env bash
# Registration benchmark on PostgreSQL (see README "## Registration"):
#   ./mvnw -B -q package -DskipTests && src/bench/registration/run.sh [CLIENTS] [REQUESTS]
# Starts the service on database rencontres_bench (port 18084), seeds an edition of 30 sessions of 100
# seats, runs CLIENTS concurrent clients (default 500) posting REQUESTS registrations (default 3000),
# checks that no session and no event is oversold, then runs the same SQL transaction with pgbench.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLIENTS=${1:-500}
REQUESTS=${2:-3000}
PORT=18084
DB=rencontres_bench
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
$PSQL -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || $PSQL -d postgres -c "CREATE DATABASE $DB"
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD= DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=${POOL:-16} \
  RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE=0 RENCONTRES_DEMO_LOAD=never RENCONTRES_MAIL_ENABLED=false \
  RENCONTRES_CLOCK_FIXED=2027-05-01T10:00:00+02:00 PORT=$PORT
java -Xmx512m ${JFR:+-XX:StartFlightRecording=filename=target/bench-registration.jfr,settings=profile} -jar target/rencontres-0.1.0.jar > target/bench-registration.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 1; done
$PSQL -d $DB -f src/bench/registration/seed.sql
ORG=$($PSQL -d $DB -tAc "SELECT id FROM organisation LIMIT 1")
EVENT=$($PSQL -d $DB -tAc "SELECT id FROM event WHERE slug = 'bench-2027'")
SESSIONS=$($PSQL -d $DB -tAc "SELECT string_agg(id::text, ' ') FROM event_session WHERE event_id = $EVENT")
echo "== warm-up (200 requests, not counted)"
java src/bench/registration/RegistrationBench.java "http://127.0.0.1:$PORT" bench-2027 "$ORG" 50 200 $SESSIONS > /dev/null
$PSQL -d $DB -c "DELETE FROM mail_outbox; DELETE FROM idempotency_key; DELETE FROM registration_detail; DELETE FROM registration_session; DELETE FROM registration; DELETE FROM audit_entry; DELETE FROM person"
echo "== service: $CLIENTS clients, $REQUESTS registrations, 30 sessions x 100 seats (pool ${POOL:-16}); load: $(cut -d' ' -f1-3 /proc/loadavg)"
java src/bench/registration/RegistrationBench.java "http://127.0.0.1:$PORT" bench-2027 "$ORG" "$CLIENTS" "$REQUESTS" $SESSIONS | tee target/bench-registration.out
SERVICE=$(sed -n 's/.*-> \([0-9]*\) confirmed registrations\/s.*/\1/p' target/bench-registration.out)
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== oversold sessions (must be 0):"
$PSQL -d $DB -tAc "SELECT COUNT(*) FROM (SELECT s.id FROM event_session s JOIN registration_session rs ON rs.session_id = s.id AND rs.status = 'CONFIRMED' GROUP BY s.id, s.capacity HAVING COUNT(*) > s.capacity) x"
kill $APP; trap - EXIT
echo "== pgbench: the same SQL transaction, ${PGCLIENTS:-50} connections, ${PGTIME:-15} s"
pgbench -h 127.0.0.1 -U postgres -n -c "${PGCLIENTS:-50}" -j 2 -T "${PGTIME:-15}" -D event="$EVENT" -D org="$ORG" \
  -D first_session="$($PSQL -d $DB -tAc "SELECT MIN(id) FROM event_session WHERE event_id = $EVENT")" \
  -f src/bench/registration/pgbench-registration.sql $DB | tee target/bench-pgbench.out | grep -E "tps|latency|failed"
PG=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' target/bench-pgbench.out)
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== result: service $SERVICE confirmed registrations/s, pgbench $PG tps, ratio $(awk "BEGIN{printf \"%.2f\", $SERVICE/$PG}")"
