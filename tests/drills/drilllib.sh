# shellcheck shell=bash
# Shared by the drill-*.sh scripts (sourced, not run): the desk binary, a throw-away PostgreSQL
# server and the checker.
#
# The server is tests/storage/pgserver.sh's (initdb and pg_ctl in a temporary folder, a Unix socket
# only, owned by GALLEY_PG_USER (default nobody) when run as root), restarted at once with
# synchronous_commit on as a newsroom's server has it: pgserver.sh turns it off for the tests' speed,
# and then a server killed with -m immediate may forget commits it already acknowledged, which the
# restart drill would count as lost text. fsync stays off: the drills kill the server, not the machine.

DRILLS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$DRILLS/../.." && pwd)
BUILD=${GALLEY_BUILD_DIR:-$SRC/build}
DESK=${GALLEY_DESK:-$BUILD/tests/drills/galley-desk}
PGBIN=${GALLEY_PG_BIN:-/usr/lib/postgresql/15/bin}
PGOWNER=${GALLEY_PG_USER:-nobody}

if [ ! -x "$DESK" ]; then
    echo "No desk program at $DESK: cmake --build build --target galley_desk (or set GALLEY_DESK)" >&2
    exit 1
fi

# A short folder: a Unix socket's path must fit in 107 bytes.
PGDIR=$(mktemp -u /tmp/galley-drill-XXXXXX)
WORK=$(mktemp -d /tmp/galley-drill-work-XXXXXX)
ADDRESS="postgresql://galley@/drill?host=$PGDIR"

pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$PGOWNER" -- "$@"
    else
        "$@"
    fi
}

server_up() {
    (cd "$PGDIR" && pg_as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
        -o "-k $PGDIR -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null)
}

# Starts the server and makes the drill library with STORIES stories.
server_start() {
    sh "$SRC/tests/storage/pgserver.sh" start "$PGDIR" >/dev/null
    (cd "$PGDIR" && pg_as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null)
    server_up
    "$DESK" --db "$ADDRESS" --setup --stories "${1:-6}"
}

# Kills the server as a crash would (no checkpoint, backends dropped).
server_kill() {
    (cd "$PGDIR" && pg_as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null)
}

cleanup() {
    jobs -p | xargs -r kill 2>/dev/null
    sh "$SRC/tests/storage/pgserver.sh" stop "$PGDIR"
    if [ -n "${KEEP:-}" ]; then
        echo "logs kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

now_ms() {
    date +%s%3N
}
