#!/usr/bin/env bash
# HTTP check-in benchmark: POST /api/v1/checkins under wrk against the packaged service on PostgreSQL.
#   AUTH_MODE=token src/bench/checkin/wrk.sh   (env: PORT=18085 DB=rencontres_badges_bench PGPORT=5432 PEOPLE=70000
#                                         THREADS=4 CONNECTIONS=32 DURATION=15s RUNS=2 POOL=16 WARMUP=40s;
#                                         a long WARMUP needs more PEOPLE: each code is scanned once;
#                                         JAR=target/rencontres-0.1.0.jar: another build, e.g. the one before a change;
#                                         SEED=no: keep the registrations and codes of the last run, empty the scans;
#                                         JFR=file.jfr: record the service with Java Flight Recorder)
# 1. seeds the database (an event, PEOPLE registrations) and writes their signed codes (CheckinHttpSeed);
# 2. starts target/rencontres-0.1.0.jar (built if missing) with the same secret and a clock fixed on the
#    event's first day, so that entrance:2026-07-08 is "today";
# 3. runs wrk RUNS times with distinct codes and nonces (first scans: verify + record), then an open-loop load
#    of OPEN_RATE first scans/s (default 500, 0 skips it) for OPEN_SECONDS (default 10), then once more on
#    codes already scanned (duplicates), and prints req/s and p99 of each run with the load average.
# Each run also prints the CPU time per scan of the service (its /proc/<pid>/stat), of PostgreSQL (the
# postmaster and its children: every backend, the WAL writer, the checkpointer) and of wrk, since wall clock figures on a
# loaded machine are noise; CPU per scan is not (as long as the CPUs are not all busy with something else).
# It empties the tables of the database it is given.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18085}; DB=${DB:-rencontres_badges_bench}; PEOPLE=${PEOPLE:-70000}; PGPORT=${PGPORT:-5432}
JAR=${JAR:-target/rencontres-0.1.0.jar}
THREADS=${THREADS:-4}; CONNECTIONS=${CONNECTIONS:-32}; DURATION=${DURATION:-15s}; RUNS=${RUNS:-2}; POOL=${POOL:-16}
WARMUP=${WARMUP:-40s}
WORK=/tmp/checkin-bench-$DB; mkdir -p "$WORK"
URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
export PGPORT
SECRET=bench-secret-for-signing-only
psql -h 127.0.0.1 -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"

export DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
       DATASOURCES_DEFAULT_DRIVER_CLASS_NAME=org.postgresql.Driver
if [ "${SEED:-yes}" = no ] && [ -s "$WORK/codes.txt" ]; then
  echo "== keeping the registrations of $DB, emptying its scans"
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "TRUNCATE checkin_scan, checkin_presence" -c "VACUUM ANALYZE checkin_scan, checkin_presence"
else
  echo "== seeding $PEOPLE registrations into $DB"
  ./mvnw -B -q -o -Pbench test -Dtest=CheckinHttpSeed -Dbench.codes="$WORK/codes.txt" -Dbench.people="$PEOPLE" \
    -Dsurefire.failIfNoSpecifiedTests=false > "$WORK/seed.log" 2>&1 || { tail -50 "$WORK/seed.log"; exit 1; }
  grep -h "seeded" "$WORK/seed.log" target/bench/surefire-reports/*CheckinHttpSeed*-output.txt 2>/dev/null | head -1 || true
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM ANALYZE"
fi
wc -l < "$WORK/codes.txt"

# (re)built when missing or older than the sources
if [ "$JAR" = target/rencontres-0.1.0.jar ] && { [ ! -f "$JAR" ] || [ -n "$(find src/main -newer "$JAR" | head -1)" ]; }; then
  ./mvnw -B -q -o package -DskipTests
fi
if curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; then
  echo "port $PORT already answers (a service left over from an earlier run?): stop it first" >&2; exit 1
fi
echo "== starting $JAR on port $PORT"
JAVA_OPTS=()
[ -n "${JFR:-}" ] && JAVA_OPTS+=("-XX:StartFlightRecording=filename=$JFR,settings=profile")
MICRONAUT_SERVER_PORT=$PORT RENCONTRES_SECURITY_SECRET=$SECRET RENCONTRES_CLOCK_FIXED=2026-07-08T09:00:00+02:00 \
RENCONTRES_DEMO_LOAD=never RENCONTRES_STAFF_SECOND_FACTOR_REQUIRED_FOR_ADMIN=false RENCONTRES_SECURITY_ADMIN_USERNAME=benchadmin RENCONTRES_SECURITY_ADMIN_PASSWORD=bench-password-123 \
DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=$POOL \
  java "${JAVA_OPTS[@]}" -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 1; done
# signed in as the scanning page is (session cookie); AUTH_MODE=token sends an API token instead (Bearer, as a
# scanning script would; one SHA-256 and one indexed lookup per request). HTTP Basic is refused by the API.
JAR="$WORK/cookies.txt"; rm -f "$JAR"
curl -s -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/login" > /dev/null
CSRF=$(awk '$6 == "rencontres_csrf" {print $7}' "$JAR")
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "username=benchadmin" \
  --data-urlencode "password=bench-password-123" --data-urlencode "csrfToken=$CSRF" "http://127.0.0.1:$PORT/login"
SESSION=$(awk '$6 == "rencontres_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "login failed"; exit 1; }
if [ "${AUTH_MODE:-cookie}" = token ]; then
  . src/bench/api-token.sh
  AUTH_HEADER="Bearer $(api_token "http://127.0.0.1:$PORT" benchadmin bench-password-123 checkin-bench)"; COOKIE=""
else
  AUTH_HEADER=""; COOKIE="rencontres_session=$SESSION"
fi
export AUTH_HEADER COOKIE CODES="$WORK/codes.txt" THREADS
START=0; export START
POSTMASTER=$(head -1 "$(psql -h 127.0.0.1 -U postgres -qtAc 'SHOW data_directory')/postmaster.pid")
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; } # own + waited-for children
pg_ticks() { # the postmaster (with its children gone) and its live children
  local total pid
  total=$(ticks "$POSTMASTER")
  for pid in $(ps --ppid "$POSTMASTER" -o pid=); do total=$((total + $(ticks "$pid"))); done
  echo "$total"
}
HZ=$(getconf CLK_TCK)
scan() { # $1 label, $2 duration: one wrk run from code START on, then START moves past the codes it used
  local load result requests s0 p0 s1 p1
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  s0=$(ticks "$SERVICE"); p0=$(pg_ticks)
  result=$(/usr/bin/time -f "WRKCPU %U %S" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" -s src/bench/checkin/scan.lua \
    "http://127.0.0.1:$PORT" 2>&1 | grep -E "RESULT|WRKCPU")
  s1=$(ticks "$SERVICE"); p1=$(pg_ticks)
  requests=$(grep RESULT <<< "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')
  local n=$((requests > 0 ? requests : 1))
  echo "$1 ($THREADS threads, $CONNECTIONS connections, load before $load): $(grep RESULT <<< "$result")" \
    "service_cpu_us=$(( (s1 - s0) * 1000000 / HZ / n ))" "pg_cpu_us=$(( (p1 - p0) * 1000000 / HZ / n ))" \
    "wrk_cpu_us=$(grep WRKCPU <<< "$result" | awk -v n="$n" '{printf "%d", ($2 + $3) * 1000000 / n}')"
  START=$((START + requests))
}
scan "warm-up (JIT, pool)" "$WARMUP"
for run in $(seq 1 "$RUNS"); do scan "first scans, run $run" "$DURATION"; done
if [ "${OPEN_RATE:-500}" != 0 ]; then
  # open loop: a fixed arrival rate of first scans, latency from each scan's scheduled start (src/bench/OpenLoop.java)
  echo "open loop, ${OPEN_RATE:-500} first scans/s for ${OPEN_SECONDS:-10} s, load before $(cut -d' ' -f1-3 /proc/loadavg):"
  java src/bench/OpenLoop.java scan "http://127.0.0.1:$PORT" "${OPEN_RATE:-500}" "${OPEN_SECONDS:-10}" "$WORK/codes.txt" \
    "$START" "${AUTH_HEADER:-rencontres_session=$SESSION}" entrance:2026-07-08
  START=$((START + ${OPEN_RATE:-500} * ${OPEN_SECONDS:-10}))
fi
START=0; scan "duplicates (codes scanned before)" 10s
psql -h 127.0.0.1 -U postgres -d "$DB" -qtAc \
  "SELECT 'recorded: ' || COUNT(*) || ' scans, ' || COUNT(*) FILTER (WHERE outcome = 'ok') || ' ok, '
          || COUNT(*) FILTER (WHERE outcome = 'already_checked_in') || ' already_checked_in, '
          || COUNT(*) FILTER (WHERE outcome NOT IN ('ok', 'already_checked_in')) || ' other' FROM checkin_scan"
