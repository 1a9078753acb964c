#!/usr/bin/env bash
# real-ovn.sh: the real programs' side of `npm run bench`, one run per call, in a temp dir of its own
# (own sockets, every daemon it starts stopped by pid on exit). Exit 3 when OVN is not installed.
#   real-ovn.sh load ARGS_FILE [LFLOWS_OUT]
#       ovsdb-servers and a running ovn-northd; the ovn-nbctl arguments in ARGS_FILE (one per line,
#       commands separated by "--") sent in as few ovn-nbctl invocations as the argument list limit
#       allows ("invocations N"), then `ovn-nbctl --wait=sb sync`:
#       prints "load SECONDS" (invocation start to sync return); lflow-list into LFLOWS_OUT; then
#       "port SECONDS" for `ovn-nbctl --wait=sb lsp-add ls0 extra -- lsp-set-addresses extra ...`.
#   real-ovn.sh trace SCRIPT RUNS TRACE_ARGS... -- OUR_COMMAND...
#       loads SCRIPT (ovn-nbctl / ovn-sbctl lines, a northd sync after each, as scripts/gen-goldens.sh),
#       then RUNS times, interleaved: `ovn-trace TRACE_ARGS` ("real SECONDS") and OUR_COMMAND ("ours SECONDS").
set -u -o pipefail
command -v ovn-northd >/dev/null && command -v ovsdb-server >/dev/null && command -v ovn-trace >/dev/null || exit 3
T=600
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
die() { echo "real-ovn: $*" >&2; exit 2; }
now() { date +%s.%N; }
el() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.4f", b-a}'; }
export OVS_RUNDIR=$TMPD OVS_LOGDIR=$TMPD OVS_DBDIR=$TMPD OVN_RUNDIR=$TMPD OVN_LOGDIR=$TMPD OVN_DBDIR=$TMPD
ovsdb-tool create "$TMPD/nb.db" /usr/share/ovn/ovn-nb.ovsschema || die "nb create"
ovsdb-tool create "$TMPD/sb.db" /usr/share/ovn/ovn-sb.ovsschema || die "sb create"
for db in nb sb; do
    timeout $T ovsdb-server --detach --no-chdir --pidfile="$TMPD/$db.pid" --log-file="$TMPD/$db.log" \
        -vconsole:off --remote="punix:$TMPD/$db.sock" --unixctl="$TMPD/$db.ctl" "$TMPD/$db.db" 2>/dev/null \
        || die "ovsdb-server $db"
    PIDS+=("$(cat "$TMPD/$db.pid")")
done
NB=unix:$TMPD/nb.sock SB=unix:$TMPD/sb.sock
export OVN_NB_DB=$NB OVN_SB_DB=$SB
timeout $T ovn-nbctl init && timeout $T ovn-sbctl init || die "init"
timeout $T ovn-northd --detach --no-chdir --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" \
    -vconsole:off --ovnnb-db="$NB" --ovnsb-db="$SB" --unixctl="$TMPD/northd.ctl" 2>/dev/null || die "northd"
PIDS+=("$(cat "$TMPD/northd.pid")")
timeout $T ovn-nbctl --wait=sb sync || die "first sync"

case ${1:-} in
load)
    mapfile -t ARGS <"$2"
    # one invocation (one transaction) per 20,000 arguments or so, split between commands: the
    # kernel's argument list limit
    t0=$(now)
    chunk=() n=0
    for a in "${ARGS[@]}"; do
        if [ "$a" = -- ] && [ ${#chunk[@]} -ge 20000 ]; then
            timeout $T ovn-nbctl "${chunk[@]}" >/dev/null || die "load failed"
            chunk=() n=$((n + 1))
            continue
        fi
        chunk+=("$a")
    done
    timeout $T ovn-nbctl "${chunk[@]}" >/dev/null || die "load failed"
    echo "invocations $((n + 1))"
    timeout $T ovn-nbctl --timeout=$T --wait=sb sync || die "sync failed"
    t1=$(now)
    echo "load $(el "$t0" "$t1")"
    [ -n "${3:-}" ] && { timeout $T ovn-sbctl lflow-list >"$3" || die "lflow-list failed"; }
    t0=$(now)
    timeout $T ovn-nbctl --wait=sb lsp-add ls0 extra -- lsp-set-addresses extra "0a:ff:00:00:00:01 10.0.0.250" \
        || die "one more port failed"
    t1=$(now)
    echo "port $(el "$t0" "$t1")"
    ;;
trace)
    script=$2 runs=$3
    shift 3
    TRACE=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do TRACE+=("$1"); shift; done
    shift
    CHASSIS_FEATURES=(other_config:ct-no-masked-label=true other_config:mac-binding-timestamp=true
                      other_config:ovn-ct-lb-related=true other_config:port-up-notif=true)
    # the goldens' helper: a learned MAC binding (scripts/gen-goldens.sh)
    mac-binding-add() {
        local dp
        dp=$(ovn-sbctl --bare --columns datapath find Port_Binding logical_port="$1") || return
        ovn-sbctl create MAC_Binding datapath="$dp" logical_port="$1" ip="\"$2\"" mac="\"$3\"" >/dev/null
    }
    while IFS= read -r line; do
        [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
        eval "$line" </dev/null >/dev/null || die "script line failed: $line"
        if [[ $line =~ ^ovn-sbctl\ chassis-add\ ([^ ]+) ]]; then
            ovn-sbctl set Chassis "${BASH_REMATCH[1]}" "${CHASSIS_FEATURES[@]}" || die "chassis features"
        fi
        timeout $T ovn-nbctl --wait=sb sync || die "sync failed"
    done <"$script"
    timeout $T ovn-nbctl --wait=sb sync
    for _ in $(seq "$runs"); do
        t0=$(now)
        ovn-trace "${TRACE[@]}" >"$TMPD/real.out" || die "ovn-trace failed"
        t1=$(now)
        echo "real $(el "$t0" "$t1")"
        t0=$(now)
        "$@" >"$TMPD/ours.out" || die "our command failed"
        t1=$(now)
        echo "ours $(el "$t0" "$t1")"
    done
    ;;
*) die "usage: real-ovn.sh load ARGS_FILE [LFLOWS_OUT] | trace SCRIPT RUNS TRACE_ARGS... -- COMMAND..." ;;
esac
