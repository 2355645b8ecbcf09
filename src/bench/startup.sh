#!/usr/bin/env bash
# Startup time and memory of the packaged service on the embedded H2 database.
#   ./mvnw -B -q package -DskipTests && src/bench/startup.sh [runs] [port]
# For each run: start `java -jar target/rencontres-0.1.0.jar` in a scratch directory, time from launch until the
# port answers and until /health is 200 (startup: the demo data of a first start is then in), the JVM's CPU
# seconds at that moment, then load the first page (/) and read the RSS with `ps -o rss`.
# The first round starts each time on a fresh database (migrations + demo data);
# the second round restarts on the database left by the first run (data present).
# Extra JVM options can be given in JAVA_OPTS (e.g. JAVA_OPTS=-Xmx256m), another java in JAVA (e.g. JDK 25 with
# JAVA_OPTS=-XX:AOTCache=target/rencontres.aot, see src/bench/aot-train.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
port=${2:-18082}
jar=${JAR:-$PWD/target/rencontres-0.1.0.jar}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

one() { # $1 = label; runs in $scratch, keeps ./data
  local t0; t0=$(date +%s%N)
  (cd "$scratch" && PORT=$port exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" >app.log 2>&1) &
  local pid=$! open="" healthy="" code now
  # healthy = /health answers 200: the port is open and the demo data, if a first start loads it, is in
  # (meanwhile pages answer 503 demo_loading and /health 503); port open = /health answers at all
  for _ in $(seq 1 6000); do
    code=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/health" 2>/dev/null || true)
    now=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ -z "$open" ] && [ "$code" != "000" ] && open=$now
    [ "$code" = "200" ] && { healthy=$now; break; }
    kill -0 $pid 2>/dev/null || { echo "$1: the service stopped"; cat "$scratch/app.log"; exit 1; }
    sleep 0.05
  done
  [ -n "$healthy" ] || { echo "$1: not healthy after 5 minutes"; kill $pid; exit 1; }
  local cpu first rss_first rss_after
  # CPU time (user + system) the JVM used until healthy: unlike wall time, barely affected by other load
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
  first=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port/")
  rss_first=$(ps -o rss= -p $pid | tr -d ' ')
  for _ in $(seq 1 20); do
    curl -s -o /dev/null "http://127.0.0.1:$port/"
    curl -s -o /dev/null "http://127.0.0.1:$port/events/rencontres-aict-2026"
    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/events"
  done
  rss_after=$(ps -o rss= -p $pid | tr -d ' ')
  kill $pid; wait $pid 2>/dev/null || true
  local demo
  demo=$(grep -o "Loaded the demo data in [0-9]* ms" "$scratch/app.log" | grep -o "[0-9]*" || true)
  printf "%-16s startup %6s ms (CPU %5s s)   port open %6s ms   first page %5.0f ms   RSS after first page %4d MB   after 60 more requests %4d MB%s\n" \
    "$1" "$healthy" "$cpu" "$open" "$(echo "$first * 1000" | bc)" $((rss_first / 1024)) $((rss_after / 1024)) \
    "${demo:+   (of which demo data $demo ms, in the background)}"
}

"${JAVA:-java}" -version 2>&1 | head -1; echo "options: ${JAVA_OPTS:-none}"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  rm -rf "$scratch/data"
  one "fresh #$i"
done
for i in $(seq 1 "$runs"); do
  one "data present #$i"
done
