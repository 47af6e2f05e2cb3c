#!/usr/bin/env bash
# The server killed mid-save (issue 10): desks save while the PostgreSQL server is killed with
# pg_ctl -m immediate (as a crash: no checkpoint, every connection dropped) and started again a few
# seconds later, KILLS times. Each desk reopens the library with backoff and writes the text it was
# saving until it lands; afterwards the checker fails unless every text a desk typed is in the
# library (0 lost text) and no save overwrote another.
#
#   tests/drills/drill-server-restart.sh
#
# Environment: DESKS (4), SECONDS_RUN (40), STORIES (6), KILLS (3), DOWN (seconds the server stays
# down, 3), KEEP=1 keeps the logs (each desk's stderr too: libpq's and Qt's messages of the lost
# connections).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/drilllib.sh"

DESKS=${DESKS:-4}
SECONDS_RUN=${SECONDS_RUN:-40}
STORIES=${STORIES:-6}
KILLS=${KILLS:-3}
DOWN=${DOWN:-3}

echo "== $DESKS desks for $SECONDS_RUN s; the server killed $KILLS times, down $DOWN s each time"
server_start "$STORIES"
pids=()
for n in $(seq 1 "$DESKS"); do
    "$DESK" --db "$ADDRESS" --desk "$n" --seconds "$SECONDS_RUN" --stories "$STORIES" \
        --unlocked 10 --think 10 --log "$WORK/desk-$n.jsonl" 2>>"$WORK/desk-$n.err" &
    pids+=($!)
done
gap=$((SECONDS_RUN / (KILLS + 1)))
for k in $(seq 1 "$KILLS"); do
    sleep "$gap"
    echo "   kill $k at $(date -u +%H:%M:%S.%3N)"
    server_kill
    sleep "$DOWN"
    server_up
    echo "   up again at $(date -u +%H:%M:%S.%3N)"
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
done
[ "$failed" -eq 0 ] || echo "a desk process failed (see $WORK)"

echo "== Checking the logs against the library"
status=0
"$DESK" --db "$ADDRESS" --check "$WORK"/desk-*.jsonl || status=1
[ "$failed" -eq 0 ] || status=1
[ "$status" -eq 0 ] && echo "PASS" || echo "FAIL"
exit $status
