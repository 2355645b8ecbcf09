#!/usr/bin/env bash
# The scan's SQL alone under pgbench: PostgreSQL's side of the fork in checkin.ScanDesk, one-statement writer
# (ScanWrites, autocommit) against the portable locking writer (LockingScanWrites, one transaction), with the
# PostgreSQL CPU time per scan (postmaster and children, /proc). Runs on a database seeded by ../wrk.sh and empties
# its scans.   PGPORT=5432 DB=rencontres_badges_bench CLIENTS=16 SECONDS_EACH=10 src/bench/checkin/pgbench/run.sh
set -euo pipefail
cd "$(dirname "$0")"
export PGPORT=${PGPORT:-5432}; DB=${DB:-rencontres_badges_bench}; CLIENTS=${CLIENTS:-16}; SECONDS_EACH=${SECONDS_EACH:-10}
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -qtA"
read -r MIN MAX <<< "$($PSQL -F ' ' -c 'SELECT MIN(id), MAX(id) FROM registration')"
POSTMASTER=$(head -1 "$($PSQL -c 'SHOW data_directory')/postmaster.pid")
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t; t=$(ticks "$POSTMASTER"); for p in $(ps --ppid "$POSTMASTER" -o pid=); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
for script in one-statement locking; do
  $PSQL -c "TRUNCATE checkin_scan, checkin_presence"
  t0=$(pg_ticks); load=$(cut -d' ' -f1-3 /proc/loadavg)
  out=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -D minid="$MIN" -D maxid="$MAX" \
    -f "$script.sql" "$DB" 2>&1)
  t1=$(pg_ticks)
  tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<< "$out")
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out" | head -1)
  echo "PGBENCH script=$script clients=$CLIENTS tps=$tps scans=$tx pg_cpu_us=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) / (tx > 0 ? tx : 1) )) load_before=${load// /,}"
done
