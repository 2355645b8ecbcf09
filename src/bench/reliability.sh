#!/usr/bin/env bash
# Reliability script (issue 18, "Prove it"; README "Reliability"):
#   ./mvnw -B -q package -DskipTests && src/bench/reliability.sh [RUNS] [CLIENTS] [SEATS]
# Two instances of the packaged jar (ports 18161 and 18162) on one PostgreSQL database it creates afresh
# (rencontres_reliability), mail sent to a tiny SMTP sink (reliability/smtp_sink.py, counts Message-IDs).
# Each run seeds an event with SEATS seats (default 20) and fires CLIENTS concurrent registrations (default 200,
# curl, half to each instance, each a new person), waits until the outbox has sent everything, and prints one line:
#   oversold (confirmed - seats, if positive), 201s without their row, mails missing, duplicate mails (same
#   Message-ID twice), mails to one address twice, and the HTTP answers.
# Then the scenarios, each one line: kill -9 of one instance mid-load (restarted after), SMTP down 2 minutes
# (every mail out once after), and, only with PG_RESTART=1, PostgreSQL restarted mid-load (503s during, then a
# registration succeeds on both instances without restarting them). PG_RESTART disturbs every other user of
# the cluster: off by default.
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
CLIENTS=${2:-200}
SEATS=${3:-20}
DB=rencontres_reliability
P1=18161; P2=18162; SMTP=18169
OUT=target/reliability; mkdir -p $OUT
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
SINK_LOG=$OUT/mails.log

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD= DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=8 \
  RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE=0 RENCONTRES_DEMO_LOAD=never RENCONTRES_MAIL_ENABLED=true \
  RENCONTRES_MAIL_HOST=127.0.0.1 RENCONTRES_MAIL_PORT=$SMTP RENCONTRES_MAIL_POLL_INTERVAL=2s RENCONTRES_MAIL_LEASE=60s \
  RENCONTRES_SECURITY_SECRET=reliability-secret-0123456789abcdef

declare -A PIDS
start_instance() { # $1 port
  PORT=$1 java -Xmx384m -jar target/rencontres-0.1.0.jar > $OUT/instance-$1.log 2>&1 &
  PIDS[$1]=$!
}
wait_up() { # $1 port
  for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$1/health" > /dev/null && return 0; sleep 1; done
  echo "instance on port $1 did not start" >&2; return 1
}
SINK=""
sink_up() { /usr/bin/python3 -W ignore src/bench/reliability/smtp_sink.py $SMTP $SINK_LOG & SINK=$!; sleep 0.5; }
sink_down() { [ -n "$SINK" ] && kill $SINK 2>/dev/null; wait $SINK 2>/dev/null; SINK=""; }
cleanup() { sink_down; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

sink_up
start_instance $P1; wait_up $P1 || exit 1   # the first one runs the migrations alone
start_instance $P2; wait_up $P2 || exit 1
echo "== two instances up on $DB; load: $(cut -d' ' -f1-3 /proc/loadavg)"

ensure_up() { # an instance stopped from outside (a shared machine) is started again before a scenario
  for port in $P1 $P2; do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null || { echo "   (instance $port was down: restarted)"; start_instance $port; wait_up $port; }
  done
}

seed() {
  ensure_up
  $PSQL -d $DB -v sessions=0 -f src/bench/registration/seed.sql
  $PSQL -d $DB -c "UPDATE event SET capacity = $SEATS WHERE slug = 'bench-2027'"
  ORG=$($PSQL -d $DB -tAc "SELECT id FROM organisation LIMIT 1")
  : > $SINK_LOG
}

register_one() { # $1 client number, $2 run label: prints "<http code> <id or ->"
  local port=$([ $(($1 % 2)) -eq 0 ] && echo $P1 || echo $P2)
  local body
  body=$(curl -s -m 60 -w '\n%{http_code}' -H 'Content-Type: application/json' -H "Idempotency-Key: $2-$1" \
    -d "{\"firstName\":\"Client\",\"lastName\":\"N$1\",\"email\":\"c$1-$2@example.org\",\"organisationId\":$ORG,\"participantType\":\"OFFICER\",\"consent\":true}" \
    "http://127.0.0.1:$port/api/v1/events/bench-2027/registrations")
  local code=${body##*$'\n'}
  local id=$(printf '%s' "$body" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  echo "$code ${id:--}"
}
export -f register_one; export P1 P2

load() { # $1 run label; answers in $OUT/answers-$1.txt
  ORG=$ORG seq 1 $CLIENTS | ORG=$ORG xargs -P 100 -I{} bash -c "ORG=$ORG register_one {} $1" > $OUT/answers-$1.txt
}

drain() { # waits until nothing is left to send (max $1 s)
  for _ in $(seq 1 "$1"); do
    [ "$($PSQL -d $DB -tAc "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'" 2>/dev/null)" = "0" ] && return 0
    sleep 1
  done
  return 1
}

report() { # $1 label, $2 run label, $3 extra text
  local answers=$OUT/answers-$2.txt
  local confirmed=$($PSQL -d $DB -tAc "SELECT COUNT(*) FROM registration WHERE status = 'CONFIRMED'")
  local rows=$($PSQL -d $DB -tAc "SELECT COUNT(*) FROM registration")
  local oversold=$(( confirmed > SEATS ? confirmed - SEATS : 0 ))
  local ids=$(awk '$1 == 201 {print $2}' $answers | paste -sd, -)
  local acked=$(awk '$1 == 201' $answers | wc -l)
  local lost=0
  [ -n "$ids" ] && lost=$(( acked - $($PSQL -d $DB -tAc "SELECT COUNT(*) FROM registration WHERE id IN ($ids)") ))
  local mails=$(wc -l < $SINK_LOG)
  local dup_ids=$(( mails - $(cut -d' ' -f1 $SINK_LOG | sort -u | wc -l) ))
  local dup_to=$(( mails - $(cut -d' ' -f2 $SINK_LOG | sort -u | wc -l) ))
  local missing=$(( rows - $(cut -d' ' -f2 $SINK_LOG | sort -u | wc -l) ))
  local codes=$(cut -d' ' -f1 $answers | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  printf '%-22s seats=%s clients=%s confirmed=%s oversold=%s 201-without-row=%s mails=%s missing-mails=%s duplicate-message-ids=%s same-address-twice=%s answers: %s%s\n' \
    "$1" "$SEATS" "$CLIENTS" "$confirmed" "$oversold" "$lost" "$mails" "$missing" "$dup_ids" "$dup_to" "$codes" "${3:-}"
}

for run in $(seq 1 "$RUNS"); do
  seed
  load "r$run"
  drain 120 || echo "   (outbox not drained after 120 s)"
  report "run $run" "r$run"
done

# kill -9 of one instance while clients race; it is restarted afterwards (its claimed mails wait for their lease)
seed
load kill & LOAD=$!
sleep 2; kill -9 "${PIDS[$P2]}"; wait $LOAD
start_instance $P2; wait_up $P2
drain 180 || echo "   (outbox not drained after 180 s)"
report "kill -9 mid-load" kill "(answers 000: the killed instance's open requests)"

# SMTP down for 2 minutes: the mails wait in the outbox, then every one leaves once
seed
sink_down
load smtp
sleep 120
sink_up
drain 600 || echo "   (outbox not drained after 600 s: a mail that failed three times waits 4 min)"
report "SMTP down 2 min" smtp

if [ "${PG_RESTART:-0}" = "1" ]; then
  seed
  load pg & LOAD=$!
  sleep 2
  echo "   PostgreSQL restart at $(date -u +%H:%M:%S) UTC"
  pg_ctlcluster --skip-systemctl-redirect 15 main restart
  wait $LOAD
  sleep 6
  after=""
  for port in $P1 $P2; do
    after+="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"firstName\":\"After\",\"lastName\":\"Restart\",\"email\":\"after-$port@example.org\",\"organisationId\":$ORG,\"participantType\":\"OFFICER\",\"consent\":true,\"waitingList\":true}" \
      "http://127.0.0.1:$port/api/v1/events/bench-2027/registrations") "
  done
  drain 180 || echo "   (outbox not drained after 180 s)"
  report "PostgreSQL restart" pg "after the restart, one registration per instance: $after"
fi
