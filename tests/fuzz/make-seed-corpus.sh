#!/usr/bin/env bash
# Makes a libFuzzer seed corpus for one import format from the golden cases and the regression
# inputs, one file per input (libFuzzer reads a folder of files):
#
#   tests/fuzz/make-seed-corpus.sh FORMAT OUTDIR
#
# FORMAT is a fuzz target's name: text, html, nitf, ninjs, newsml or wiretext. Inputs come from
# tests/data/import/cases/<prefix>-*/input.* (prefixes below) and tests/data/import/regressions/FORMAT/.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 FORMAT OUTDIR" >&2
    exit 2
fi
FORMAT=$1
OUT=$2
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=$SRC/tests/data/import

case "$FORMAT" in
    text) PREFIXES="text" ;;
    html) PREFIXES="html" ;;
    nitf) PREFIXES="nitf" ;;
    ninjs) PREFIXES="ninjs" ;;
    newsml) PREFIXES="newsml newsmlg2" ;;
    wiretext) PREFIXES="wire wiretext iptc7901 anpa" ;;
    *) echo "$0: unknown format '$FORMAT' (text, html, nitf, ninjs, newsml, wiretext)" >&2; exit 2 ;;
esac

mkdir -p "$OUT"
count=0
for prefix in $PREFIXES; do
    for input in "$DATA"/cases/"$prefix"-*/input.*; do
        [ -f "$input" ] || continue
        cp "$input" "$OUT/case-$(basename "$(dirname "$input")")"
        count=$((count + 1))
    done
done
if [ "$FORMAT" = text ] && [ -f "$DATA/webpage-dump-transit.txt" ]; then
    cp "$DATA/webpage-dump-transit.txt" "$OUT/sample-webpage-dump-transit"
    count=$((count + 1))
fi
if [ -d "$DATA/regressions/$FORMAT" ]; then
    for input in "$DATA/regressions/$FORMAT"/*; do
        [ -f "$input" ] || continue
        cp "$input" "$OUT/regression-$(basename "$input")"
        count=$((count + 1))
    done
fi
echo "$count seed inputs for $FORMAT in $OUT"
