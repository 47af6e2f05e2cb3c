#!/usr/bin/env bash
# Eight desks on one shared library (issue 10): 8 galley-desk processes save, lock and search the
# same few stories on a throw-away PostgreSQL for 60 s; then the checker reads every log and the
# library and fails unless 0 saves were lost and 0 were silently overwritten.
#
#   tests/drills/drill-eight-desks.sh        (after building the galley_desk target in build/)
#
# Environment: DESKS (8), SECONDS_RUN (60), STORIES (6), UNLOCKED (percent of saves made without the
# edit lock, so the stale-save refusal is met too; 20), THINK (ms at most between load and save; 20),
# KEEP=1 keeps the logs (a desk's stderr, libpq's and Qt's own messages, goes to desk-N.err beside
# its log), GALLEY_BUILD_DIR / GALLEY_DESK name the build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/drilllib.sh"

DESKS=${DESKS:-8}
SECONDS_RUN=${SECONDS_RUN:-60}
STORIES=${STORIES:-6}
UNLOCKED=${UNLOCKED:-20}
THINK=${THINK:-20}

echo "== $DESKS desks, $SECONDS_RUN s, $STORIES shared stories, $UNLOCKED% of saves without the lock"
server_start "$STORIES"
pids=()
for n in $(seq 1 "$DESKS"); do
    "$DESK" --db "$ADDRESS" --desk "$n" --seconds "$SECONDS_RUN" --stories "$STORIES" \
        --unlocked "$UNLOCKED" --think "$THINK" --log "$WORK/desk-$n.jsonl" 2>>"$WORK/desk-$n.err" &
    pids+=($!)
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
