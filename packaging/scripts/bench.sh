#!/usr/bin/env bash
# Builds Galley's benchmarks in Release in their own build folder, runs them, writes every figure to
# one JSON file (one object per measurement: name, unit, median, p95, max, n, goal with pass/miss)
# and prints the table. Benchmarks report; they never fail on time (they are not CTest tests).
#
#   packaging/scripts/bench.sh
#
# Environment: GALLEY_BENCH_BUILD_DIR (default <source>/build-bench-release), GALLEY_BENCH_JOBS
# (build jobs, default nproc), GALLEY_BENCH_STORIES (stories in the generated library, default
# 100000). The generated library is cached in <build>/bench-data and reused; delete it to rebuild.
# bench_server needs PostgreSQL 15 (Debian package postgresql-15) and makes its own throw-away server.
# pandoc (Debian package pandoc) is needed for the export comparison, and the galley binary: when
# it does not build, export is compared in process and the table says so.
set -uo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${GALLEY_BENCH_BUILD_DIR:-$SRC/build-bench-release}
JOBS=${GALLEY_BENCH_JOBS:-$(nproc)}
STORIES=${GALLEY_BENCH_STORIES:-100000}
RESULTS=$BUILD/bench-results.json
DATA=$BUILD/bench-data
START=$(date +%s)
status=0

echo "== Configuring $BUILD (Release)"
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGALLEY_BUILD_TESTS=ON >/dev/null || exit 1
echo "== Building the benchmarks"
cmake --build "$BUILD" --parallel "$JOBS" --target bench_render bench_library bench_export bench_table bench_history bench_checks bench_liveupdates bench_preview bench_startup bench_server || exit 1

echo "== Building galley, for a like-for-like export comparison"
GALLEY=""
if cmake --build "$BUILD" --parallel "$JOBS" --target galley >"$BUILD/bench-galley-build.log" 2>&1; then
    GALLEY=$BUILD/bin/galley
else
    echo "   galley did not build (see $BUILD/bench-galley-build.log): export is compared in process"
fi
PANDOC=$(command -v pandoc || true)
[ -n "$PANDOC" ] || echo "   pandoc is not installed (apt-get install pandoc): the export comparison is skipped"

rm -f "$RESULTS"
export QT_QPA_PLATFORM=offscreen
BIN=$BUILD/tests/bench/core
COMMON=(--results "$RESULTS" --data "$DATA")
run() {
    echo "== $1"
    "$@" || { echo "   $1 failed"; status=1; }
}
run "$BIN/bench_render" "${COMMON[@]}"
run "$BIN/bench_checks" "${COMMON[@]}"
run "$BIN/bench_library" "${COMMON[@]}" --stories "$STORIES"
run "$BIN/bench_export" "${COMMON[@]}" ${GALLEY:+--galley "$GALLEY"} ${PANDOC:+--pandoc "$PANDOC"}
run "$BIN/bench_history" "${COMMON[@]}"
# The shared library (issue 10): a local PostgreSQL 15 the benchmark starts itself (pgserver.sh),
# the generated library copied into it (the copy kept as a pg_dump archive in bench-data).
run "$BIN/bench_server" "${COMMON[@]}" --stories "$STORIES"
run "$BIN/bench_liveupdates" "${COMMON[@]}"
# The preview (issue 4): typing in the real window, then cold start and memory of the galley binary.
# Chromium's sandbox refuses to start as root; the benchmarks only, never a user's Galley.
PREVIEW_BIN=$BUILD/tests/bench/preview
QTWEBENGINE_DISABLE_SANDBOX=1 run "$PREVIEW_BIN/bench_preview" "${COMMON[@]}"
if [ -n "$GALLEY" ]; then
    QTWEBENGINE_DISABLE_SANDBOX=1 run "$PREVIEW_BIN/bench_startup" "${COMMON[@]}" --galley "$GALLEY"
else
    echo "== bench_startup skipped: galley did not build"
fi

# The import room (issue 7): web page, 10 MB text and peak memory, into the same results file.
if cmake --build "$BUILD" --parallel "$JOBS" --target bench_import >"$BUILD/bench-import-build.log" 2>&1; then
    run "$BUILD/tests/bench/bench_import" "${COMMON[@]}"
else
    echo "== bench_import did not build (see $BUILD/bench-import-build.log)"
fi

echo
echo "== Results: $RESULTS"
if [ -f "$RESULTS" ]; then
    "$BIN/bench_table" "$RESULTS" || status=1
fi
echo "bench.sh took $(($(date +%s) - START)) s"
exit $status
