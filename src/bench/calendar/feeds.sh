#!/usr/bin/env bash
# Benchmark of the calendar feeds on the demo edition's programme (43 sessions), embedded H2 database.
#   src/bench/calendar/feeds.sh [seconds-per-run (default 10)] [port (default 18086)]   (env SLUG: the edition,
#   default rencontres-aict-2027, the next edition when the demo data is placed in December 2026)
# 1. in-process, one thread: CPU per uncached render and per phase (FeedPhasesBench: CPU time, little moved by
#    other load), renders per second (cache off) and cached answers per second;
# 2. over HTTP with wrk on loopback (2 threads, 16 connections): full renders (cache off),
#    200 answers from the cache and 304 answers to If-None-Match, with the fingerprint query on every
#    request and with the defaults (fingerprint trusted for 1 s).
# Needs: ./mvnw -B -q package -DskipTests (the fat jar), wrk (apt-get install -y wrk).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
SECONDS_PER_RUN=${1:-10}
PORT=${2:-18086}
JAR="$ROOT/target/rencontres-0.1.0.jar"
SLUG=${SLUG:-rencontres-aict-2027}
FEED="http://127.0.0.1:$PORT/events/$SLUG/programme.ics"
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests"; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }

WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/classes"
javac -cp "$JAR" -d "$WORK/classes" "$ROOT/src/bench/java/fr/cuf/rencontres/bench/FeedRenderBench.java" \
  "$ROOT/src/bench/java/fr/cuf/rencontres/calendar/FeedPhasesBench.java"

echo "== in-process (one thread), load average $(cut -d' ' -f1-3 /proc/loadavg) =="
# target/test-classes (when built) holds the former ical4j writer, measured beside the current one
(cd "$WORK" && RENCONTRES_DEMO_LOAD=auto java -Xmx512m -cp "$JAR:$WORK/classes:$ROOT/target/test-classes" \
  -Dlogback.configurationFile=/dev/null fr.cuf.rencontres.calendar.FeedPhasesBench "$SLUG" "$SECONDS_PER_RUN" \
  2>/dev/null | grep -E '^feed|runs|RESULT')
[ -n "${PHASES_ONLY:-}" ] && exit 0
(cd "$WORK" && java -Xmx512m -cp "$JAR:$WORK/classes" \
  -Dlogback.configurationFile=/dev/null fr.cuf.rencontres.bench.FeedRenderBench "$SLUG" "$SECONDS_PER_RUN" \
  2>/dev/null | grep -E 'per second')

serve() { # $1 = cache max age, $2 = fingerprint max age
  (cd "$WORK" && RENCONTRES_CALENDAR_CACHE_MAX_AGE=$1 RENCONTRES_CALENDAR_FINGERPRINT_MAX_AGE=$2 PORT=$PORT exec java -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.5; done
  echo "server did not start"; cat "$WORK/server.log"; exit 1
}
stop() { kill $PID; wait $PID 2>/dev/null || true; }
measure() { # label, extra wrk args...
  local label=$1; shift
  wrk -t2 -c16 -d5s "$@" "$FEED" >/dev/null # warm-up
  echo "-- $label"; wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" "$@" "$FEED" | grep -E 'Requests/sec|Latency|Non-2xx'
}

echo "== HTTP, cache off (every request renders) =="
serve PT0S PT0S
measure "200, rendered each time"
stop

echo "== HTTP, cache on, fingerprint asked on every request =="
serve PT1H PT0S
ETAG=$(curl -sI "$FEED" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
measure "200, from the cache"
measure "304 to If-None-Match (counted as Non-2xx)" -H "If-None-Match: $ETAG"
stop

echo "== HTTP, defaults (cache on, fingerprint trusted 1 s) =="
serve PT1M PT1S
ETAG=$(curl -sI "$FEED" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
echo "feed: $(curl -s "$FEED" | grep -c BEGIN:VEVENT) VEVENTs, $(curl -s "$FEED" | wc -c) bytes, ETag $ETAG"
measure "200, from the cache"
measure "304 to If-None-Match (counted as Non-2xx)" -H "If-None-Match: $ETAG"
echo "check: $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$FEED") to If-None-Match"
stop
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared with other sessions)"
