#!/usr/bin/env bash
# Registration benchmark on PostgreSQL (see README "## Registration"):
#   ./mvnw -B -q package -DskipTests && src/bench/registration/run.sh [CLIENTS] [DURATION]
# Starts the service on database rencontres_bench (port 18084), seeds an edition of SESSIONS sessions of 100
# seats (default 200: enough seats that none fills up during the run), runs CLIENTS concurrent clients
# (default 500 connections of wrk) registering for DURATION (default 10s, after a warm-up of WARMUP, default 40s:
# the JIT is still compiling after 10 s),
# checks that no session is oversold, then runs the same SQL transaction with pgbench at several client counts
# (PGCLIENTS, default "4 8 16 50", PGTIME seconds each, default 15) and takes the best as the ceiling; finally runs
# the writes alone (the same script without its reads) at the best client count. Prints the service's CPU per registration.
# PGBENCH=0 skips the pgbench part (e.g. for an earlier jar whose schema differs). PORT (18084), DB (rencontres_bench), PGPORT (5432) and JAR (target/rencontres-0.1.0.jar) may be set, e.g. to
# compare an earlier jar side by side. Then (OPEN_RATE, default 500; 0 skips it) an open-loop load at that fixed rate for OPEN_SECONDS (default 10):
# p50/p99 as users feel them.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CLIENTS=${1:-500}
DURATION=${2:-10s}
WARMUP=${WARMUP:-40s}
SESSIONS=${SESSIONS:-200}
PORT=${PORT:-18084}
DB=${DB:-rencontres_bench}
JAR=${JAR:-target/rencontres-0.1.0.jar}
OUT=${OUT:-target}; mkdir -p "$OUT"
export PGPORT=${PGPORT:-5432}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
$PSQL -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || $PSQL -d postgres -c "CREATE DATABASE $DB"
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD= DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=${POOL:-8} \
  RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE=0 RENCONTRES_DEMO_LOAD=never RENCONTRES_MAIL_ENABLED=false \
  RENCONTRES_CLOCK_FIXED=2027-05-01T10:00:00+02:00 PORT=$PORT
if curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; then
  echo "port $PORT already answers (a service left over from an earlier run?): stop it first" >&2; exit 1
fi
java -Xmx512m ${JFR:+-XX:StartFlightRecording=filename=$OUT/bench-registration.jfr,settings=profile} -jar "$JAR" > $OUT/bench-registration.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 1; done
$PSQL -d $DB -v sessions="$SESSIONS" -f src/bench/registration/seed.sql
ORG=$($PSQL -d $DB -tAc "SELECT id FROM organisation LIMIT 1")
EVENT=$($PSQL -d $DB -tAc "SELECT id FROM event WHERE slug = 'bench-2027'")
IDS=$($PSQL -d $DB -tAc "SELECT string_agg(id::text, ' ') FROM event_session WHERE event_id = $EVENT")
clear_registrations() {
  # one transaction that first waits for every registration still being written (a loaded service finishes requests
  # after wrk has stopped): otherwise one committed between two DELETEs makes DELETE FROM person fail. The tables are
  # locked in the order a registration takes them (person, the sessions' rows, registration), else the seat trigger's
  # UPDATE of a session locked by a registration waiting for our lock is a deadlock
  $PSQL -d $DB -c "LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE; LOCK TABLE event_session IN EXCLUSIVE MODE; LOCK TABLE registration IN SHARE ROW EXCLUSIVE MODE; DELETE FROM mail_outbox; DELETE FROM idempotency_key; DELETE FROM registration_detail; DELETE FROM registration_session; DELETE FROM registration; DELETE FROM audit_entry; DELETE FROM person" -c "VACUUM ANALYZE"
}
register() { # $1 connections, $2 duration, $3 run label
  RUN="$3" ORG="$ORG" SESSIONS="$IDS" SLUG=bench-2027 \
    wrk -t2 -c"$1" -d"$2" --timeout 30s -s src/bench/registration/register.lua "http://127.0.0.1:$PORT" | grep RESULT
}
echo "== warm-up ($WARMUP, not counted)"
register 50 "$WARMUP" "warm$(date +%s)" > /dev/null
clear_registrations
echo "== service: $CLIENTS clients for $DURATION, $SESSIONS sessions x 100 seats (pool ${POOL:-8}); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$APP/stat"; }
# PostgreSQL's CPU: the postmaster of $PGPORT and its children (backends, WAL writer…); on a cluster shared with other
# users it counts their work too. The machine's busy ticks from /proc/stat, all cores.
POSTMASTER=$(head -1 "/var/run/postgresql/.s.PGSQL.$PGPORT.lock" 2>/dev/null || echo 0)
pg_ticks() { { echo "$POSTMASTER"; pgrep -P "$POSTMASTER"; } | while read -r p; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $1} END {print t + 0}'; }
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
BEFORE=$(cpu_ticks); SYS_BEFORE=$(sys_ticks); PG_BEFORE=$(pg_ticks); read -r BUSY_BEFORE ALL_BEFORE <<< "$(busy_ticks)"
/usr/bin/time -f "%U %S" -o $OUT/bench-wrk.time bash -c "$(declare -f register); IDS='$IDS' ORG='$ORG' PORT='$PORT' register '$CLIENTS' '$DURATION' 'run$(date +%s)'" | tee $OUT/bench-registration.out
AFTER=$(cpu_ticks); SYS_AFTER=$(sys_ticks); PG_AFTER=$(pg_ticks); read -r BUSY_AFTER ALL_AFTER <<< "$(busy_ticks)"
CREATED=$($PSQL -d $DB -tAc "SELECT COUNT(*) FROM registration")
SERVICE=$(sed -n 's/.*created_per_s=\([0-9]*\).*/\1/p' $OUT/bench-registration.out)
TCK=$(getconf CLK_TCK)
echo "   service CPU: $(awk "BEGIN{printf \"%.2f\", ($AFTER - $BEFORE) * 1000 / $TCK / $CREATED}") ms per registration, of which $(awk "BEGIN{printf \"%.2f\", ($SYS_AFTER - $SYS_BEFORE) * 1000 / $TCK / $CREATED}") ms in the kernel ($(nproc) cores)"
echo "   PostgreSQL CPU (port $PGPORT): $(awk "BEGIN{printf \"%.2f\", ($PG_AFTER - $PG_BEFORE) * 1000 / $TCK / $CREATED}") ms per registration; wrk: $(awk -v n="$CREATED" '{printf "%.2f", ($1 + $2) * 1000 / n}' $OUT/bench-wrk.time) ms"
echo "   machine busy: $(awk "BEGIN{printf \"%.0f\", ($BUSY_AFTER - $BUSY_BEFORE) * 100 / ($ALL_AFTER - $ALL_BEFORE)}") % of $(nproc) cores; of the run's core-seconds: service $(awk "BEGIN{printf \"%.0f\", ($AFTER - $BEFORE) * 100 * $(nproc) / ($ALL_AFTER - $ALL_BEFORE)}") %, PostgreSQL $(awk "BEGIN{printf \"%.0f\", ($PG_AFTER - $PG_BEFORE) * 100 * $(nproc) / ($ALL_AFTER - $ALL_BEFORE)}") %, wrk $(awk -v all="$((ALL_AFTER - ALL_BEFORE))" -v tck="$TCK" -v n="$(nproc)" '{printf "%.0f", ($1 + $2) * tck * 100 * n / all}' $OUT/bench-wrk.time) %"
echo "   threads of the service's blocking pool: $(jcmd $APP Thread.print 2>/dev/null | grep -c '"io-executor-thread')"
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== registrations stored: $($PSQL -d $DB -tAc "SELECT status || ' ' || COUNT(*) FROM registration GROUP BY status" | tr '\n' ' ')"
if [ "${OPEN_RATE:-500}" != 0 ]; then
  # open loop: a fixed arrival rate, latency from each request's scheduled start (src/bench/OpenLoop.java)
  echo "== open loop, ${OPEN_RATE:-500} registrations/s for ${OPEN_SECONDS:-10} s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java src/bench/OpenLoop.java registration "http://127.0.0.1:$PORT" "${OPEN_RATE:-500}" "${OPEN_SECONDS:-10}" \
    bench-2027 "$ORG" "$IDS" | tee $OUT/bench-openloop-registration.out
fi
echo "== oversold sessions (must be 0):"
$PSQL -d $DB -tAc "SELECT COUNT(*) FROM (SELECT s.id FROM event_session s JOIN registration_session rs ON rs.session_id = s.id AND rs.status = 'CONFIRMED' GROUP BY s.id, s.capacity HAVING COUNT(*) > s.capacity) x"
# wait for the service to exit: requests the open loop gave up on may still be committing, and a registration
# written after clear_registrations deleted the rows made its DELETE FROM person fail
kill $APP; wait $APP 2>/dev/null || true; trap - EXIT
if [ "${PGBENCH:-1}" = 0 ]; then echo "== result: service $SERVICE confirmed registrations/s (pgbench skipped)"; exit 0; fi
BEST=0; BEST_C=16
for c in ${PGCLIENTS:-4 8 16 50}; do
  clear_registrations
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j 2 -T "${PGTIME:-15}" -D event="$EVENT" -D org="$ORG" \
    -D first_session="$($PSQL -d $DB -tAc "SELECT MIN(id) FROM event_session WHERE event_id = $EVENT")" \
    -D sessions="$SESSIONS" -f src/bench/registration/pgbench-registration.sql $DB > $OUT/bench-pgbench.out
  TPS=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' $OUT/bench-pgbench.out)
  echo "== pgbench, same SQL transaction, $c connections, ${PGTIME:-15} s: $TPS tps, $(grep 'latency average' $OUT/bench-pgbench.out); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$TPS" -gt "$BEST" ] && BEST=$TPS && BEST_C=$c
done
clear_registrations
sed '/^-- begin reads$/,/^-- end of reads$/d' src/bench/registration/pgbench-registration.sql > $OUT/pgbench-writes-only.sql
pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$BEST_C" -j 2 -T "${PGTIME:-15}" -D event="$EVENT" -D org="$ORG" \
  -D first_session="$($PSQL -d $DB -tAc "SELECT MIN(id) FROM event_session WHERE event_id = $EVENT")" \
  -D sessions="$SESSIONS" -f $OUT/pgbench-writes-only.sql $DB > $OUT/bench-pgbench-writes.out
echo "== pgbench, the writes alone (the same script without its reads), $BEST_C connections: $(sed -n 's/^tps = \([0-9]*\).*/\1/p' $OUT/bench-pgbench-writes.out) tps"
echo "== result: service $SERVICE confirmed registrations/s, pgbench ceiling $BEST tps, ratio $(awk "BEGIN{printf \"%.2f\", $SERVICE/$BEST}")"
