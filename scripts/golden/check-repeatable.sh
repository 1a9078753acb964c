#!/usr/bin/env bash
# check-repeatable.sh [SCENARIO...] - regenerate goldens into a temp copy with the real programs and check
# that they equal the committed ones once per-run values (UUIDs) are masked; run it after adding a scenario.
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d /tmp/ovnviz-golden-rerun.XXXXXX) || exit 2
trap 'rm -rf "$OUT"' EXIT
cp -r "$ROOT/test/golden/." "$OUT/"
GOLDEN_DIR=$OUT "$ROOT/scripts/gen-goldens.sh" "$@" || exit
"$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/golden/compare-runs.ts" "$ROOT/test/golden" "$OUT"
