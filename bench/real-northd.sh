#!/usr/bin/env bash
# real-northd.sh ARGS_FILE: times real ovn-northd's full recompute on the NB that the ovn-nbctl
# arguments in ARGS_FILE (one per line) build: northd paused while the NB loads, then
# resume -> `ovn-nbctl --wait=sb sync` returns. Then one more port with --wait=sb.
# Prints "full SECONDS", "port SECONDS" and "lflows N" (lflow-list lines). Exit 3 if OVN is missing.
set -u -o pipefail
command -v ovn-northd >/dev/null && command -v ovsdb-server >/dev/null || exit 3
T=120
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/ovnviz-bench.XXXXXX") || exit 2
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -TERM "$pid" 2>/dev/null
    done
    sleep 0.3
    for pid in "${PIDS[@]}"; do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -KILL "$pid" 2>/dev/null
    done
    rm -rf "$TMPD"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP
die() { echo "real-northd: $*" >&2; exit 2; }
now() { date +%s.%N; }
el() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }
export OVS_RUNDIR=$TMPD OVS_LOGDIR=$TMPD OVS_DBDIR=$TMPD OVN_RUNDIR=$TMPD OVN_LOGDIR=$TMPD OVN_DBDIR=$TMPD
mapfile -t ARGS <"$1"
ovsdb-tool create "$TMPD/nb.db" /usr/share/ovn/ovn-nb.ovsschema || die "nb create"
ovsdb-tool create "$TMPD/sb.db" /usr/share/ovn/ovn-sb.ovsschema || die "sb create"
for db in nb sb; do
    timeout $T ovsdb-server --detach --no-chdir --pidfile="$TMPD/$db.pid" --log-file="$TMPD/$db.log" \
        -vconsole:off --remote="punix:$TMPD/$db.sock" --unixctl="$TMPD/$db.ctl" "$TMPD/$db.db" 2>/dev/null \
        || die "ovsdb-server $db"
    PIDS+=("$(cat "$TMPD/$db.pid")")
done
NB=unix:$TMPD/nb.sock SB=unix:$TMPD/sb.sock
timeout $T ovn-nbctl --db="$NB" init && timeout $T ovn-sbctl --db="$SB" init || die "init"
timeout $T ovn-northd --detach --no-chdir --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" \
    -vconsole:off --ovnnb-db="$NB" --ovnsb-db="$SB" --unixctl="$TMPD/northd.ctl" 2>/dev/null || die "northd"
PIDS+=("$(cat "$TMPD/northd.pid")")
for _ in $(seq 100); do
    ovn-appctl -t "$TMPD/northd.ctl" status 2>/dev/null | grep -q active && break
    sleep 0.1
done
ovn-appctl -t "$TMPD/northd.ctl" pause >/dev/null || die "pause failed"
timeout $T ovn-nbctl --db="$NB" "${ARGS[@]}" >/dev/null || die "load failed"
t0=$(now)
ovn-appctl -t "$TMPD/northd.ctl" resume >/dev/null || die "resume failed"
timeout $T ovn-nbctl --db="$NB" --timeout=$T --wait=sb sync || die "sync failed"
t1=$(now)
echo "full $(el "$t0" "$t1")"
t0=$(now)
timeout $T ovn-nbctl --db="$NB" --wait=sb lsp-add ls0 extra -- lsp-set-addresses extra "0a:ff:00:00:00:01 10.0.0.250" \
    || die "incremental failed"
t1=$(now)
echo "port $(el "$t0" "$t1")"
echo "lflows $(timeout $T ovn-sbctl --db="$SB" lflow-list | grep -c 'table=')"
