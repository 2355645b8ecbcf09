#!/usr/bin/env bash
# Reliability script (issue 18, "Prove it"; operators manual "Reliability"):
#   ./mvnw -B -q package -DskipTests
#   PG_PORT=5433 PG_CLUSTER="15 reliability" src/bench/reliability.sh [RUNS=10] [CLIENTS=500] [SEATS=20]
# Two instances of the packaged jar (ports 18161 and 18162) on one PostgreSQL database the script creates afresh
# (rencontres_reliability on 127.0.0.1:PG_PORT), mail sent to a tiny SMTP sink on port 18169
# (reliability/smtp_sink.py: one line per mail received, Message-ID and recipients). The clients are
# reliability/Load.java (Java's HTTP client: 500 curl processes cannot be forked at once on a small machine, so
# curl "clients" queue rather than race).
#
# One run, all faults in it (times from the start of the run):
#   0 s   check-ins (entrance scans by an API client, SCAN_RATE/s) and payments (1.00 € recorded on the staff
#         invoice page, PAY_RATE/s) start, half to each instance, and go on until the end of the load;
#   2 s   CLIENTS registrations built beforehand are sent at once for the last SEATS seats of an event;
#   then  kill -9 of the second instance in the middle of that race, once it has answered KILL_AFTER clients
#         (default a tenth of CLIENTS; mails are being sent meanwhile); restarted at once;
#   15 s  the SMTP server goes down for 2 minutes;
#   then  PostgreSQL is stopped for PG_DOWN s (default 8) and started again (pg_ctlcluster PG_CLUSTER stop/start);
#         requests meanwhile must be answered 503 service_unavailable with Retry-After, and both instances must
#         answer again by themselves (recovery: seconds from PostgreSQL's start until both do);
#   then  WAVE registrations to the waiting list (their mails wait for the SMTP server), load stops;
#   135 s the SMTP server is back; the script waits until the outbox has sent everything.
# Then it prints one line:
#   run, clients, 201s, oversold (confirmed beyond SEATS), 201s without their row, lost scans (answered accepted,
#   not in checkin_scan), lost payments (answered 303, not in invoice_payment), mails missing (a registration
#   whose address received nothing), duplicate mails (same Message-ID twice), mails to one address twice,
#   503s during the PostgreSQL restart (with Retry-After), recovery seconds, and other answers worth a look
#   (500s; 503s outside the restart).
# The PostgreSQL restart needs a cluster of its own: NEVER restart one other people use. Create one:
#   pg_createcluster 15 reliability -p 5433 -- --auth=trust   (then max_connections = 200 in its postgresql.conf)
#   pg_ctlcluster 15 reliability start
# Without PG_CLUSTER the restart is skipped (its columns print "-"). Logs and answers: target/reliability/.
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
CLIENTS=${2:-500}
SEATS=${3:-20}
PG_PORT=${PG_PORT:-5432}
PG_CLUSTER=${PG_CLUSTER:-}
PG_DOWN=${PG_DOWN:-8}
SMTP_DOWN=${SMTP_DOWN:-120}
WAVE=${WAVE:-100}
SCAN_RATE=${SCAN_RATE:-6}
KILL_AFTER=${KILL_AFTER:-$(( CLIENTS / 10 ))}
PAY_RATE=${PAY_RATE:-3}
DOOR=2000
DB=rencontres_reliability
P1=18161; P2=18162; SMTP=18169
OUT=target/reliability; mkdir -p $OUT
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -q -v ON_ERROR_STOP=1"
SINK_LOG=$OUT/mails.log
ADMIN=reliability; TOKEN=rct_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')   # the shape of a real token (43 characters)
LOAD="java -Xmx256m -XX:TieredStopAtLevel=1 -cp $OUT/classes Load"

# How the script's staff calls authenticate (one place: the API may change scheme): an API token of the
# reliability account (staff_api_token, inserted by seed.sql), sent as a Bearer token.
auth() { echo "Bearer $TOKEN"; }

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || exit 1
mkdir -p $OUT/classes && javac -d $OUT/classes src/bench/reliability/Load.java || exit 1
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD= DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=8 \
  RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE=0 RENCONTRES_DEMO_LOAD=never RENCONTRES_MAIL_ENABLED=true \
  RENCONTRES_MAIL_HOST=127.0.0.1 RENCONTRES_MAIL_PORT=$SMTP RENCONTRES_MAIL_POLL_INTERVAL=2s RENCONTRES_MAIL_LEASE=60s \
  RENCONTRES_SECURITY_SECRET=reliability-secret-0123456789abcdef \
  RENCONTRES_SECURITY_ADMIN_USERNAME=$ADMIN RENCONTRES_SECURITY_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

declare -A PIDS
start_instance() { # $1 port
  PORT=$1 java -Xmx384m -jar target/rencontres-0.1.0.jar >> $OUT/instance-$1.log 2>&1 &
  PIDS[$1]=$!
}
wait_up() { # $1 port
  for _ in $(seq 1 400); do
    curl -sf "http://127.0.0.1:$1/health" > /dev/null && return 0
    kill -0 "${PIDS[$1]}" 2>/dev/null || break
    sleep 1
  done
  echo "instance on port $1 did not start (see $OUT/instance-$1.log)" >&2; return 1
}
SINK=""
sink_up() { /usr/bin/python3 -W ignore src/bench/reliability/smtp_sink.py $SMTP $SINK_LOG & SINK=$!; sleep 0.5; }
sink_down() { [ -n "$SINK" ] && kill $SINK 2>/dev/null; wait $SINK 2>/dev/null; SINK=""; }
cleanup() { sink_down; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT
now_ms() { date +%s%3N; }

: > $OUT/instance-$P1.log; : > $OUT/instance-$P2.log
sink_up
start_instance $P1; wait_up $P1 || exit 1   # the first one runs the migrations alone
start_instance $P2; wait_up $P2 || exit 1
echo "== two instances up on $DB (PostgreSQL port $PG_PORT${PG_CLUSTER:+, cluster $PG_CLUSTER}); load: $(cut -d' ' -f1-3 /proc/loadavg)"

ensure_up() { # an instance stopped from outside (a shared machine) is started again before a run
  for port in $P1 $P2; do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "   (instance $port was down: restarted)"; start_instance $port; wait_up $port; }
  done
}

seed() {
  ensure_up
  $PSQL -d $DB -v sessions=0 -v door=$DOOR -v token_hash="$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)" \
    -f src/bench/reliability/seed.sql > /dev/null || exit 1
  $PSQL -d $DB -c "UPDATE event SET capacity = $SEATS WHERE slug = 'bench-2027'"
  ORG=$($PSQL -d $DB -tAc "SELECT id FROM organisation LIMIT 1")
  DOOR_EVENT=$($PSQL -d $DB -tAc "SELECT id FROM event WHERE slug = 'rel-door'")
  FIRST_DOOR=$($PSQL -d $DB -tAc "SELECT MIN(id) FROM registration WHERE event_id = $DOOR_EVENT")
  INVOICE=$($PSQL -d $DB -tAc "SELECT id FROM invoice WHERE event_id = $DOOR_EVENT")
  : > $SINK_LOG
}

# Seconds until both instances answer a request that reads the database (the event's public page).
recovery() { # $1 ms when PostgreSQL was started again
  local pending="$P1 $P2" left
  for _ in $(seq 1 600); do
    left=""
    for port in $pending; do
      [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/events/bench-2027")" = 200 ] || left+="$port "
    done
    pending=$left
    [ -z "$pending" ] && { awk -v a="$1" -v b="$(now_ms)" 'BEGIN {printf "%.1f", (b - a) / 1000}'; return; }
    sleep 0.2
  done
  echo "never"
}

drain() { # waits until nothing is left to send (max $1 s)
  for _ in $(seq 1 "$1"); do
    [ "$($PSQL -d $DB -tAc "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'" 2>/dev/null)" = "0" ] && return 0
    sleep 1
  done
  return 1
}

one_run() { # $1 run number
  local r=r$1 stop=$OUT/stop-r$1 today pg_stop=0 pg_start=0 rec="-" pids_before
  rm -f $stop; seed
  today=$(TZ=Europe/Paris date +%F)
  local t0=$(date +%s)
  $LOAD scans $OUT/scans-$r.txt $stop "entrance:$today" $FIRST_DOOR $DOOR "$(auth)" $SCAN_RATE $P1 $P2 & local scans=$!
  $LOAD payments $OUT/payments-$r.txt $stop $DOOR_EVENT $INVOICE "$(auth)" $PAY_RATE pay-$r $P1 $P2 & local pays=$!
  sleep 2
  $LOAD race $OUT/race-$r.txt $r $CLIENTS $ORG bench-2027 false $P1 $P2 & local race=$!
  # kill -9 in the middle of the race: once the second instance has answered KILL_AFTER clients (at most 30 s)
  for _ in $(seq 1 300); do
    [ "$(awk -v p=$P2 '$2 == p && $3 != "000"' $OUT/race-$r.txt 2>/dev/null | wc -l)" -ge "$KILL_AFTER" ] && break
    sleep 0.1
  done
  kill -9 "${PIDS[$P2]}"
  wait $race
  start_instance $P2
  sleep $(( t0 + 15 - $(date +%s) > 0 ? t0 + 15 - $(date +%s) : 0 ))
  sink_down; local smtp_down=$(date +%s)
  wait_up $P2
  if [ -n "$PG_CLUSTER" ]; then
    pids_before="${PIDS[$P1]} ${PIDS[$P2]}"
    pg_stop=$(now_ms); pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER stop -m fast
    sleep "$PG_DOWN"
    pg_ctlcluster --skip-systemctl-redirect $PG_CLUSTER start; pg_start=$(now_ms)
    rec=$(recovery $pg_start)
    [ "$pids_before" = "${PIDS[$P1]} ${PIDS[$P2]}" ] && kill -0 ${PIDS[$P1]} ${PIDS[$P2]} 2>/dev/null || rec="$rec(restarted!)"
    pg_start=$(now_ms)   # the restart window ends when both instances answer again
  fi
  $LOAD race $OUT/wave-$r.txt w$1 $WAVE $ORG bench-2027 true $P1 $P2
  touch $stop; wait $scans $pays
  sleep $(( smtp_down + SMTP_DOWN - $(date +%s) > 0 ? smtp_down + SMTP_DOWN - $(date +%s) : 0 ))
  sink_up
  drain 300 || echo "   (outbox not drained after 300 s)"
  report "$1" "$r" "$pg_stop" "$pg_start" "$rec"
}

report() { # $1 run number, $2 label, $3 $4 PostgreSQL restart window (ms), $5 recovery seconds
  local race=$OUT/race-$2.txt wave=$OUT/wave-$2.txt scans=$OUT/scans-$2.txt pays=$OUT/payments-$2.txt
  local q="$PSQL -d $DB -tAc"
  local confirmed=$($q "SELECT COUNT(*) FROM registration r JOIN event e ON e.id = r.event_id WHERE e.slug = 'bench-2027' AND r.status = 'CONFIRMED'")
  local oversold=$(( confirmed > SEATS ? confirmed - SEATS : 0 ))
  local created=$(awk '$3 == 201' $race | wc -l)
  local ids=$(cat $race $wave | awk '$3 == 201 {print $4}' | paste -sd, -)
  local acked=$(cat $race $wave | awk '$3 == 201' | wc -l)
  local lost=0
  [ -n "$ids" ] && lost=$(( acked - $($q "SELECT COUNT(*) FROM registration WHERE id IN ($ids)") ))
  local nonces=$(awk '$3 == 200 && $5 == "accepted" {split($4, k, ":"); printf "%s\x27%s\x27", (n++ ? "," : ""), k[1]}' $scans)
  local scanned=$(awk '$3 == 200 && $5 == "accepted"' $scans | wc -l) lost_scans=0
  [ -n "$nonces" ] && lost_scans=$(( scanned - $($q "SELECT COUNT(*) FROM checkin_scan WHERE nonce IN ($nonces) AND outcome = 'ok'") ))
  local refs=$(awk '$3 == 303 {printf "%s\x27%s\x27", (n++ ? "," : ""), $4}' $pays)
  local paid=$(awk '$3 == 303' $pays | wc -l) lost_pays=0
  [ -n "$refs" ] && lost_pays=$(( paid - $($q "SELECT COUNT(*) FROM invoice_payment WHERE reference IN ($refs)") ))
  $q "SELECT p.email FROM registration r JOIN person p ON p.id = r.person_id JOIN event e ON e.id = r.event_id WHERE e.slug = 'bench-2027'" | sort -u > $OUT/expected-$2.txt
  cut -d' ' -f2 $SINK_LOG | tr ',' '\n' | sort -u > $OUT/received-$2.txt
  cp $SINK_LOG $OUT/mails-$2.log
  local missing=$(comm -23 $OUT/expected-$2.txt $OUT/received-$2.txt | wc -l)
  local mails=$(wc -l < $SINK_LOG)
  local dup_ids=$(( mails - $(cut -d' ' -f1 $SINK_LOG | sort -u | wc -l) ))
  local dup_to=$(( mails - $(cut -d' ' -f2 $SINK_LOG | sort -u | wc -l) ))
  local all=$OUT/all-$2.txt; cat $race $wave $scans $pays > $all
  local during="-" outside
  if [ "$3" != 0 ]; then
    during=$(awk -v a="$3" -v b="$4" '$1 >= a && $1 <= b + 1000 && $3 == 503 && $5 ~ /retry$/' $all | wc -l)
  fi
  outside=$(awk -v a="$3" -v b="$4" '($1 < a || $1 > b + 1000) && $3 == 503' $all | wc -l)
  local e500=$(awk '$3 ~ /^5/ && $3 != 503' $all | wc -l)
  local no_retry=$(awk '$3 == 503 && $5 !~ /retry$/' $all | wc -l)
  printf 'run %2s clients=%s 201s=%s oversold=%s 201-without-row=%s lost-scans=%s/%s lost-payments=%s/%s mails=%s missing-mails=%s duplicate-message-ids=%s same-address-twice=%s pg-restart-503s=%s recovery-s=%s | 5xx-not-503=%s 503-without-retry-after=%s 503-outside-restart=%s\n' \
    "$1" "$CLIENTS" "$created" "$oversold" "$lost" "$lost_scans" "$scanned" "$lost_pays" "$paid" "$mails" "$missing" \
    "$dup_ids" "$dup_to" "$during" "$5" "$e500" "$no_retry" "$outside" | tee -a $OUT/runs.txt
}

for run in $(seq 1 "$RUNS"); do
  one_run "$run"
done
