#!/usr/bin/env bash
# Every benchmark scenario of the project on this machine, then ONE Markdown table: scenario, measured, target,
# met or not, with the machine (cores, JDK, PostgreSQL) and the load average before and after (issue 20).
#   src/bench/run.sh                 # ~30 min on 2 cores; needs PostgreSQL at 127.0.0.1:5432 (trust), wrk, pgbench
#   ONLY="feeds start" src/bench/run.sh   # some scenarios: feeds registration floor scans badges timetable csv start
# Not part of ./mvnw verify. Each scenario's full output is kept in target/bench-run/<scenario>.log; a scenario
# that fails shows as "failed (see log)". Durations: FAST=1 shortens every run (figures less settled).
# The machine may be shared: each line carries the load average when it ran, and CPU-time figures (feeds, start)
# are given beside wall-clock ones because other load barely moves them.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/bench-run; mkdir -p "$OUT"; : > "$OUT/rows.md"
ONLY=${ONLY:-feeds registration floor scans badges timetable csv start}
CORES=$(nproc)
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
load() { cut -d' ' -f1-3 /proc/loadavg; }
want() { [[ " $ONLY " == *" $1 "* ]]; }
row() { # scenario, measured, target, met (yes/no/—)
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >> "$OUT/rows.md"
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN{print (a != "" && a + 0 >= b + 0) ? "met" : "**not met**"}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{print (a != "" && a + 0 <= b + 0) ? "met" : "**not met**"}'; }
LOAD_BEFORE=$(load)

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build (load $(load))"
  ./mvnw -B -q -o package -DskipTests > "$OUT/build.log" 2>&1 || ./mvnw -B -q package -DskipTests >> "$OUT/build.log" 2>&1 \
    || { echo "build failed, see $OUT/build.log"; exit 1; }
fi

if want feeds; then
  echo "== feeds (load $(load))"; L=$(load)
  SECS=$([ -n "${FAST:-}" ] && echo 4 || echo 8)
  if src/bench/calendar/feeds.sh "$SECS" 18086 > "$OUT/feeds.log" 2>&1; then
    R=$(sed -n 's/^RESULT render_per_cpu_s=\([0-9]*\).*/\1/p' "$OUT/feeds.log")
    CPU=$(grep '^render, uncached' "$OUT/feeds.log" | grep -o '[0-9.]* µs CPU' | head -1)
    row "Programme feed (demo edition, 41 entries), uncached render, in-process (load $L)" \
      "$R per CPU-second on one thread ($CPU each) = $((R * CORES))/s on $CORES cores" "≥ 2,000 renders/s" "$(ge $((R * CORES)) 2000)"
    N304=$(awk '/defaults/{d=1} d && /304 to If-None-Match/{f=1} f && /Requests\/sec/{print int($2); exit}' "$OUT/feeds.log")
    N200=$(awk '/defaults/{d=1} d && /200, from the cache/{f=1} f && /Requests\/sec/{print int($2); exit}' "$OUT/feeds.log")
    NR=$(awk '/cache off/{f=1} f && /Requests\/sec/{print int($2); exit}' "$OUT/feeds.log")
    row "Programme feed over HTTP (wrk, 16 connections): 304 to If-None-Match" "$N304/s" "≥ 10,000/s" "$(ge "$N304" 10000)"
    row "Programme feed over HTTP: 200 from the cache / rendered each time (cache off)" "$N200/s / $NR/s" "≥ 2,000/s" "$(ge "$N200" 2000)"
  else row "Programme feed" "failed (see target/bench-run/feeds.log)" "" "**not met**"; fi
fi

if want registration; then
  echo "== registration (load $(load))"; L=$(load)
  if WARMUP=${WARMUP:-$([ -n "${FAST:-}" ] && echo 15s || echo 40s)} PGCLIENTS="8 50" PGTIME=10 OPEN_RATE=500 OPEN_SECONDS=10 \
      src/bench/registration/run.sh 500 10s > "$OUT/registration.log" 2>&1; then
    C=$(sed -n 's/.*created_per_s=\([0-9]*\).*/\1/p' "$OUT/registration.log" | head -1)
    CPU=$(sed -n 's/.*service CPU: \([0-9.]*\) ms per registration.*/\1/p' "$OUT/registration.log")
    PG=$(sed -n 's/.*pgbench ceiling \([0-9]*\) tps.*/\1/p' "$OUT/registration.log")
    OVER=$(awk '/oversold sessions/{getline; print; exit}' "$OUT/registration.log")
    row "Registrations, 500 closed-loop clients, PostgreSQL (load $L)" "$C confirmed/s, $CPU ms service CPU each, $OVER oversold; its own transaction under pgbench: $PG tps" "≥ 1,000/s, 0 oversold" "$(ge "$C" 1000)"
    OL=$(grep '^OPENLOOP' "$OUT/registration.log")
    P99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$OL"); P50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$OL")
    OK=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<< "$OL")
    row "Registrations, open loop at 500/s for 10 s" "p50 $P50 ms, p99 $P99 ms ($OK of 5000 created)" "p99 < 100 ms" "$(le "$P99" 100)"
    echo "$C" > "$OUT/service-rate"
  else row "Registrations" "failed (see target/bench-run/registration.log)" "" "**not met**"; fi
fi

if want floor; then
  echo "== floor (load $(load))"; L=$(load)
  if SECONDS_EACH=10 src/bench/registration/run-floor.sh > "$OUT/floor.log" 2>&1; then
    F8=$(sed -n 's/^FLOOR clients=8 tps=\([0-9]*\).*/\1/p' "$OUT/floor.log"); F50=$(sed -n 's/^FLOOR clients=50 tps=\([0-9]*\).*/\1/p' "$OUT/floor.log")
    BEST=$(( F8 > F50 ? F8 : F50 )); S=$(cat "$OUT/service-rate" 2>/dev/null || echo "")
    RATIO=$([ -n "$S" ] && awk -v s="$S" -v f="$BEST" 'BEGIN{printf "%.2f", s / f}' || echo "")
    row "Floor: minimal registration transaction under pgbench, 8 / 50 clients (load $L)" "$F8 / $F50 tps; service ÷ floor = ${RATIO:-?}" "service ≥ 0.25 × floor" "$(ge "${RATIO:-0}" 0.25)"
  else row "Floor" "failed (see target/bench-run/floor.log)" "" "**not met**"; fi
fi

if want scans; then
  echo "== scans (load $(load))"; L=$(load)
  # an API token, as a scanning script sends (AUTH_MODE=cookie: the scanning page's session)
  if AUTH_MODE=${AUTH_MODE:-token} PEOPLE=${PEOPLE:-70000} WARMUP=${SCAN_WARMUP:-$([ -n "${FAST:-}" ] && echo 10s || echo 20s)} \
      RUNS=1 DURATION=10s OPEN_RATE=500 OPEN_SECONDS=10 src/bench/checkin/wrk.sh > "$OUT/scans.log" 2>&1; then
    FIRST=$(grep '^first scans, run 1' "$OUT/scans.log")
    RPS=$(sed -n 's/.*req_per_s=\([0-9]*\).*/\1/p' <<< "$FIRST"); P99W=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$FIRST")
    SCPU=$(sed -n 's/.*service_cpu_us=\([0-9]*\).*/\1/p' <<< "$FIRST"); PCPU=$(sed -n 's/.*pg_cpu_us=\([0-9]*\).*/\1/p' <<< "$FIRST")
    row "Scans over HTTP, first scans, wrk 32 connections, API token, PostgreSQL (load $L)" "$RPS/s, p99 $P99W ms; CPU per scan: service $SCPU µs, PostgreSQL $PCPU µs" "≥ 2,000/s" "$(ge "$RPS" 2000)"
    OL=$(grep '^OPENLOOP' "$OUT/scans.log")
    P99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$OL"); P50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$OL")
    OK=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<< "$OL")
    row "Scans, open loop at 500/s for 10 s" "p50 $P50 ms, p99 $P99 ms ($OK of 5000 answered 200)" "p99 < 20 ms" "$(le "$P99" 20)"
  else row "Scans over HTTP" "failed (see target/bench-run/scans.log)" "" "**not met**"; fi
fi

if want badges; then
  echo "== badges (load $(load))"; L=$(load)
  psql -h 127.0.0.1 -U postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = 'bench_perf_badges'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bench_perf_badges"
  if DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/bench_perf_badges DATASOURCES_DEFAULT_USERNAME=postgres \
      DATASOURCES_DEFAULT_PASSWORD= DATASOURCES_DEFAULT_DRIVER_CLASS_NAME=org.postgresql.Driver \
      ./mvnw -B -q -o -Pbench test -Dtest=CheckinBenchmark -Dbench=true -Dbench.people=5000 -Dbench.threads=4 \
      -Dsurefire.failIfNoSpecifiedTests=false > "$OUT/badges.log" 2>&1; then
    cat target/bench/surefire-reports/*CheckinBenchmark*-output.txt >> "$OUT/badges.log" 2>/dev/null
    B=$(grep -o 'badges: [0-9]* badges as one A6 PDF ([0-9]* KB) in [0-9]* ms (round [0-9]*' "$OUT/badges.log" | sed 's/.* in \([0-9]*\) ms (round \([0-9]*\)/\2:\1/' | tr '\n' ' ')
    COLD=$(grep -o 'in [0-9]* ms (round 1' "$OUT/badges.log" | head -1 | grep -o '[0-9]* ms' | grep -o '[0-9]*')
    row "600 badges as one PDF, PostgreSQL (load $L)" "rounds (round:ms) $B" "≤ 5 s" "$(le "${COLD:-}" 5000)"
  else row "600 badges" "failed (see target/bench-run/badges.log)" "" "**not met**"; fi
fi

if want timetable; then
  echo "== timetable (load $(load))"; L=$(load)
  if src/bench/run-timetable.sh 1 30 2 > "$OUT/timetable.log" 2>&1; then
    D=$(grep '^RESULT demo' "$OUT/timetable.log" | sed 's/.*first 0-hard at \([^|]*\) |.*/\1/' | tr -d ' ' | tr '\n' ' ')
    D1=$(grep '^RESULT demo' "$OUT/timetable.log" | head -1 | sed -n 's/.*first 0-hard at \([0-9]*\) ms.*/\1/p')
    LG=$(grep '^RESULT' "$OUT/timetable.log" | grep -v '^RESULT demo' | head -1)
    LGF=$(sed -n 's/.*first 0-hard at \([0-9]*\) ms.*/\1/p' <<< "$LG")
    row "Timetable solve, demo programme (cold JVM, then warm) (load $L)" "0 hard at $D" "0 hard in ≤ 1 s" "$(le "${D1:-}" 1000)"
    row "Timetable solve, 216 sessions" "0 hard at ${LGF:-never} ms (final $(sed -n 's/.*final \([^|]*\) |.*/\1/p' <<< "$LG"))" "0 hard in ≤ 30 s" "$(le "${LGF:-}" 30000)"
  else row "Timetable" "failed (see target/bench-run/timetable.log)" "" "**not met**"; fi
fi

if want csv; then
  echo "== csv (load $(load))"; L=$(load)
  if src/bench/csv-import.sh both > "$OUT/csv.log" 2>&1; then
    for db in H2 PostgreSQL; do
      O=$(grep "^$db " "$OUT/csv.log" | grep 'organisations-3400.csv' | grep 'dryRun=false' | head -1 | grep -o '[0-9]* ms')
      P=$(grep "^$db " "$OUT/csv.log" | grep 'persons-10000.csv' | grep 'dryRun=false' | head -1 | grep -o '[0-9]* ms')
      row "CSV import through the API, $db: 3,400 organisations / 10,000 persons (load $L)" "$O / $P" "≤ 10 s each" "$(le "$(echo "$P" | grep -o '[0-9]*')" 10000)"
    done
  else row "CSV import" "failed (see target/bench-run/csv.log)" "" "**not met**"; fi
fi

if want start; then
  echo "== start (load $(load))"; L=$(load)
  OPTS=$(grep -v '^#' config/jvm.options | tr '\n' ' ')
  {
    JAVA_OPTS="$OPTS" src/bench/startup.sh 1 18082
    [ -x "$J25" ] && JAVA=$J25 JAVA_OPTS="$OPTS" src/bench/aot-train.sh "$ROOT/target/rencontres.aot" 18089 \
      && JAVA=$J25 JAVA_OPTS="$OPTS -XX:AOTCache=$ROOT/target/rencontres.aot" src/bench/startup.sh 1 18082
  } > "$OUT/start.log" 2>&1
  line() { grep "^$1" "$OUT/start.log" | sed -n "$2p"; }
  for which in "JDK 17:1" "JDK 25 + AOT cache:2"; do
    n=${which#*:}; name=${which%:*}
    F=$(line "fresh #1" "$n"); P=$(line "data present #1" "$n")
    FS=$(sed -n 's/.*startup *\([0-9]*\) ms.*/\1/p' <<< "$F"); FC=$(sed -n 's/.*(CPU *\([0-9.]*\) s).*/\1/p' <<< "$F")
    PS=$(sed -n 's/.*startup *\([0-9]*\) ms.*/\1/p' <<< "$P"); PC=$(sed -n 's/.*(CPU *\([0-9.]*\) s).*/\1/p' <<< "$P")
    RSS=$(sed -n 's/.*after 60 more requests *\([0-9]*\) MB.*/\1/p' <<< "$P")
    DEMO=$(grep -o 'of which demo data [0-9]* ms' "$OUT/start.log" | sed -n "${n}p" | sed 's/of which //')
    [ -z "$F" ] && { row "Start, $name" "failed (see target/bench-run/start.log)" "" "**not met**"; continue; }
    row "Start, $name, embedded H2, config/jvm.options (load $L): first start (migrations + demo data) / data present" \
      "$FS ms (CPU $FC s${DEMO:+, $DEMO wall}) / $PS ms (CPU $PC s)" "≤ 2 s with the AOT cache" \
      "$([ "$name" = "JDK 17" ] && echo "—" || le "$PS" 2000)"
    row "RSS after start and 60 requests, $name" "$RSS MB" "≤ 256 MB" "$(le "$RSS" 256)"
  done
  # the smallest instance: config/jvm-small.options after config/jvm.options (C1 only, smaller heap), 16 threads
  SMALL=$(grep -hv '^#' config/jvm.options config/jvm-small.options | tr '\n' ' ')
  RENCONTRES_IO_THREADS=16 JAVA_OPTS="$SMALL" src/bench/startup.sh 1 18082 > "$OUT/start-small.log" 2>&1
  P=$(grep "^data present #1" "$OUT/start-small.log" | head -1)
  RSS=$(sed -n 's/.*after 60 more requests *\([0-9]*\) MB.*/\1/p' <<< "$P")
  PS=$(sed -n 's/.*startup *\([0-9]*\) ms.*/\1/p' <<< "$P"); PC=$(sed -n 's/.*(CPU *\([0-9.]*\) s).*/\1/p' <<< "$P")
  row "RSS after start and 60 requests, JDK 17 with config/jvm-small.options (C1 only, 128 MB heap, 16 threads)" \
    "$RSS MB (data present: $PS ms, CPU $PC s)" "≤ 256 MB" "$(le "$RSS" 256)"
  # the machine's floor: an empty Micronaut app with the same modules, JDK 25 + its own AOT cache
  if [ -x src/bench/startup-floor.sh ] && src/bench/startup-floor.sh 1 > "$OUT/start-floor.log" 2>&1; then
    row "Start floor: an empty Micronaut app with the same pom, JDK 25 + AOT cache (src/bench/startup-floor.sh)" \
      "data present: $(grep '^data present #1' "$OUT/start-floor.log" | sed -n 2p | tr -s ' ' | cut -c1-160)" "—" "—"
  fi
fi

echo
echo "Machine: $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -1) and $("$J25" -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' 2>/dev/null | sed 's/^/PostgreSQL /'), $(date -u '+%Y-%m-%d %H:%M UTC')."
echo "Load average before: $LOAD_BEFORE; after: $(load) (1, 5, 15 min)."
echo
echo "| scenario | measured | target | met |"
echo "|---|---|---|---|"
cat "$OUT/rows.md"
