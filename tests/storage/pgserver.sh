#!/bin/sh
# A throw-away PostgreSQL 15 for the storage tests: `pgserver.sh start DIR` makes a cluster in DIR
# (initdb) and starts it on a Unix socket in DIR only (no TCP port, no system service); `pgserver.sh
# stop DIR` stops it and removes DIR. CTest runs these as the fixture of the *_postgresql tests.
#
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to an unprivileged
# user (GALLEY_PG_USER, default nobody) and DIR is handed to it. Its superuser role is "galley", and
# local connections are trusted: nothing but the socket in DIR reaches it, and it lives for one run.
set -eu

action=${1:?usage: pgserver.sh start|stop DIR}
dir=${2:?usage: pgserver.sh start|stop DIR}
bin=${GALLEY_PG_BIN:-/usr/lib/postgresql/15/bin}
owner=${GALLEY_PG_USER:-nobody}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

stop_server() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

case "$action" in
start)
    if [ ! -x "$bin/initdb" ]; then
        echo "pgserver.sh: no PostgreSQL 15 in $bin (Debian package postgresql-15)" >&2
        exit 1
    fi
    stop_server # a server left by an interrupted run
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown "$owner" "$dir"
    fi
    chmod 700 "$dir"
    # The owner may not be allowed into the build folder CTest runs from.
    cd "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U galley --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # fsync off: the cluster is thrown away after the run, and the tests go faster without it.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "PostgreSQL test server running on socket folder $dir"
    ;;
stop)
    cd /
    stop_server
    rm -rf "$dir"
    ;;
*)
    echo "usage: pgserver.sh start|stop DIR" >&2
    exit 2
    ;;
esac
