#!/usr/bin/env bash
# Builds the AOT cache of the packaged service for JDK 25 (JEP 483/514): one training run in a scratch directory
# (fresh embedded database, demo data), a few pages and feeds asked, then a normal stop, which writes the cache.
#   src/bench/aot-train.sh [cache file (default target/rencontres.aot)] [port (default 18089)]
# Use it with the same JDK and the same jar: java -XX:AOTCache=target/rencontres.aot -jar target/rencontres-0.1.0.jar
# (a cache made by another JDK or for another jar, or for the same jar at another path, is refused with a warning
# and the service starts without it). JAR=path trains on another jar (the path is part of what the cache checks).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$(realpath -m "${1:-target/rencontres.aot}"); PORT=${2:-18089}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-$PWD/target/rencontres-0.1.0.jar}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && PORT=$PORT exec "$JAVA" -XX:AOTCacheOutput="$OUT" ${JAVA_OPTS:-} -jar "$JAR" > app.log 2>&1) &
APP=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done
SLUG=$(curl -s "http://127.0.0.1:$PORT/api/v1/events" | grep -o '"slug":"rencontres-aict-[0-9]*"' | tail -1 | cut -d'"' -f4 || true)
for p in / "/events/$SLUG" "/events/$SLUG/programme.ics" "/events/$SLUG/register" /groups /api/v1/events /login /archives; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$p"
done
kill "$APP"; wait "$APP" || true
grep -E "AOTCache creation is complete" "$WORK/app.log" || { tail -20 "$WORK/app.log"; exit 1; }
