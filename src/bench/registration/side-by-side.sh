#!/usr/bin/env bash
# Two jars of the service in the same minutes, then the floor: a before/after comparison on a loaded machine.
#   src/bench/registration/side-by-side.sh OLD_JAR [NEW_JAR] [ROUNDS]
# Alternates run.sh with OLD_JAR (database rencontres_bench_old, port 18102) and NEW_JAR (default the packaged jar;
# rencontres_bench_new, port 18103) ROUNDS times (default 1), each with its own output folder under target/side-by-side,
# the same SQL transaction under pgbench after the new jar only (pgbench-registration.sql follows the current schema);
# then run-floor.sh (database bench_perf); prints the lines that matter of each run with the load average.
# Environment as run.sh (PGPORT, WARMUP, PGCLIENTS, PGTIME, OPEN_RATE, OPEN_SECONDS; SESSIONS also for the floor).
set -euo pipefail
cd "$(dirname "$0")/../../.."
OLD=$1; NEW=${2:-target/rencontres-0.1.0.jar}; ROUNDS=${3:-1}
mkdir -p target/side-by-side
export WARMUP=${WARMUP:-30s} PGCLIENTS=${PGCLIENTS:-8} PGTIME=${PGTIME:-10}
for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    jar=$OLD; port=18102; [ "$side" = new ] && jar=$NEW && port=18103
    out=target/side-by-side/$side-$round
    echo "== $side jar ($jar), round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
    pgbench=0; [ "$side" = new ] && pgbench=1
    PGBENCH=$pgbench JAR=$jar PORT=$port DB=rencontres_bench_$side OUT=$out src/bench/registration/run.sh 500 10s > "$out.log" 2>&1 \
      || { echo "   failed: see $out.log"; continue; }
    grep -E 'RESULT|CPU|machine busy|OPENLOOP|oversold' "$out.log" | sed 's/^/   /'
    echo "   oversold sessions: $(awk '/oversold sessions/{getline; print; exit}' "$out.log"); $(grep '^== result' "$out.log")"
  done
done
echo "== floor, load $(cut -d' ' -f1-3 /proc/loadavg)"
SECONDS_EACH=${SECONDS_EACH:-10} src/bench/registration/run-floor.sh
