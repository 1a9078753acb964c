#!/usr/bin/env bash
# fuzz-trace.sh - differential fuzzing of `ovnviz trace` against real ovn-trace 23.03.
# Usage: scripts/fuzz-trace.sh [SEED] [COUNT] [WORKDIR]   (defaults 1 40 /tmp/ovnviz-fuzz-trace)
# Generates COUNT scenarios from SEED, runs them through the real programs (scripts/gen-goldens.sh), then compares
# every form in-process and prints a summary (full diffs in WORKDIR/report.txt). TWICE=1 runs the real programs a
# second time and skips traces whose two real runs differ.
set -eu -o pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEED=${1:-1}
COUNT=${2:-40}
WORK=${3:-/tmp/ovnviz-fuzz-trace}
rm -rf "$WORK"
mkdir -p "$WORK/a"
cd "$ROOT"
npx tsx scripts/fuzz-trace.ts gen "$SEED" "$COUNT" "$WORK/a"
if [ "${TWICE:-0}" = 1 ]; then cp -r "$WORK/a" "$WORK/b"; fi
# a trace real ovn-trace cannot do (e.g. it aborts on nd_na_router) makes the generator exit non-zero
GOLDEN_DIR=$WORK/a scripts/gen-goldens.sh 2>"$WORK/a.log" || true
if [ "${TWICE:-0}" = 1 ]; then
    GOLDEN_DIR=$WORK/b scripts/gen-goldens.sh 2>"$WORK/b.log" || true
    npx tsx scripts/fuzz-trace.ts compare "$WORK/a" "$WORK/b" -v >"$WORK/report.txt"
else
    npx tsx scripts/fuzz-trace.ts compare "$WORK/a" -v >"$WORK/report.txt"
fi
tail -5 "$WORK/report.txt"
