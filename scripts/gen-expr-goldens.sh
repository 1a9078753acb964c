#!/usr/bin/env bash
# gen-expr-goldens.sh - record what REAL ovn-trace 23.03 prints first for each microflow in
# test/golden-expr/microflows.txt (the "# tcp,reg14=…" header, or its error), on the topology in
# test/golden-expr/topology.nbctl. Output: test/golden-expr/microflows.out, two lines a microflow:
# "> MICROFLOW" then "< FIRST LINE". Runs ovsdb-server x2 + ovn-northd in a private temp dir.
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$ROOT/test/golden-expr
for t in ovsdb-tool ovsdb-server ovn-northd ovn-nbctl ovn-trace; do
    command -v "$t" >/dev/null || { echo "needs real OVN: apt-get install -y ovn-central ovn-host openvswitch-switch" >&2; exit 2; }
done
TMPD=$(mktemp -d /tmp/gen-expr-goldens.XXXXXX)
stop() {
    local pf pid
    for pf in "$TMPD"/*.pid; do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf")
        # only our own daemons: their command line names our temp dir
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -TERM "$pid" 2>/dev/null
    done
    sleep 0.3
    rm -rf "$TMPD"
}
trap stop EXIT
nb=unix:$TMPD/nb.sock sb=unix:$TMPD/sb.sock
ovsdb-tool create "$TMPD/nb.db" /usr/share/ovn/ovn-nb.ovsschema
ovsdb-tool create "$TMPD/sb.db" /usr/share/ovn/ovn-sb.ovsschema
for db in nb sb; do
    ovsdb-server --detach --no-chdir -vconsole:off --pidfile="$TMPD/$db.pid" --log-file="$TMPD/$db.log" \
        --remote="punix:$TMPD/$db.sock" --unixctl="$TMPD/$db.ctl" "$TMPD/$db.db"
done
ovn-northd --detach --no-chdir -vconsole:off --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" \
    --unixctl="$TMPD/northd.ctl" --ovnnb-db="$nb" --ovnsb-db="$sb"
export OVN_NB_DB=$nb OVN_SB_DB=$sb
ovn-nbctl init
while IFS= read -r line; do
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    eval "$line" || { echo "topology failed: $line" >&2; exit 1; }
done < "$DIR/topology.nbctl"
ovn-nbctl --wait=sb sync
{
    while IFS= read -r flow; do
        [[ $flow =~ ^[[:space:]]*(#|$) ]] && continue
        out=$(ovn-trace --db="$sb" --minimal ls1 "$flow" 2>&1 | head -n 1)
        printf '> %s\n< %s\n' "$flow" "$out"
    done < "$DIR/microflows.txt"
} > "$DIR/microflows.out"
echo "wrote $DIR/microflows.out ($(grep -c '^>' "$DIR/microflows.out") microflows)"
