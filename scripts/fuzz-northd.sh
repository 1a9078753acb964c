#!/usr/bin/env bash
# fuzz-northd.sh - differential test of our northd against real ovn-northd 23.03.1 on random switch-only
# scenarios: writes DIR/fuzz-NNNN/script.nbctl (scripts/fuzz-northd.ts), runs each through the real programs
# (scripts/gen-goldens.sh with GOLDEN_DIR=DIR), then compares `ovnviz lflows` switch-stage lines.
# Usage: scripts/fuzz-northd.sh DIR [FIRST_SEED [COUNT]]    (rerun with COUNT=0 to only compare)
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:?usage: fuzz-northd.sh DIR [FIRST_SEED [COUNT]]}
FIRST=${2:-1}
COUNT=${3:-20}
TSX=$ROOT/node_modules/.bin/tsx
mkdir -p "$DIR"
if [ "$COUNT" -gt 0 ]; then
    "$TSX" "$ROOT/scripts/fuzz-northd.ts" gen "$DIR" "$FIRST" "$COUNT" || exit 2
    for ((s = FIRST; s < FIRST + COUNT; s++)); do
        name=$(printf 'fuzz-%04d' "$s")
        # a scenario the real programs reject is dropped (printed), not compared
        GOLDEN_DIR=$DIR "$ROOT/scripts/gen-goldens.sh" "$name" 2>"$DIR/$name.gen.err" >/dev/null \
            || { echo "real OVN rejected $name: $(grep -m1 error "$DIR/$name.gen.err")"; rm -f "$DIR/$name/lflows.txt"; }
    done
fi
"$TSX" "$ROOT/scripts/fuzz-northd.ts" compare "$DIR"
