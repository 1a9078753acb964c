#!/usr/bin/env bash
# real-ovs-trace.sh SCRIPT 'CMD' [N]: times real `ovs-appctl ofproto/trace` (CMD) N times (default 5) on
# the switch that SCRIPT builds (ovs-vswitchd 3.1 in userspace, dummy datapath, private temp dir).
# Prints "trace SECONDS" (median) and "lines N" (of one trace). Exit 3 if Open vSwitch is missing.
set -u -o pipefail
command -v ovs-vswitchd >/dev/null && command -v ovsdb-server >/dev/null || exit 3
SCRIPT=$(readlink -f "$1"); CMD=$2; N=${3:-5}
D=$(mktemp -d "${TMPDIR:-/tmp}/ovnviz-ovsbench.XXXXXX") || exit 2
export OVS_RUNDIR=$D OVS_LOGDIR=$D OVS_DBDIR=$D OVS_SYSCONFDIR=$D
cleanup() {
    local pf pid
    for pf in "$D/ovs-vswitchd.pid" "$D/ovsdb-server.pid"; do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf")
        [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$D/" && kill -TERM "$pid"
    done
    sleep 0.3
    rm -rf "$D"
}
trap cleanup EXIT
ovsdb-tool create "$D/conf.db" /usr/share/openvswitch/vswitch.ovsschema
ovsdb-server --detach --no-chdir --pidfile="$D/ovsdb-server.pid" --log-file="$D/ovsdb-server.log" -vconsole:off \
    --remote="punix:$D/db.sock" "$D/conf.db" 2>/dev/null
ovs-vsctl --no-wait init
ovs-vswitchd --detach --no-chdir --pidfile="$D/ovs-vswitchd.pid" --log-file="$D/ovs-vswitchd.log" -vconsole:off \
    --enable-dummy=system --disable-system --disable-system-route "unix:$D/db.sock" 2>/dev/null
(cd "$D" && bash -e "$SCRIPT") >"$D/script.log" 2>&1 || { cat "$D/script.log" >&2; exit 2; }
ovs-vsctl --timeout=60 sync
times=()
for i in $(seq "$N"); do
    t0=$(date +%s.%N)
    (cd "$D" && eval "$CMD") >"$D/out.txt" 2>&1
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}')")
done
printf 'trace %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (N + 1) / 2 ))p")"
printf 'lines %s\n' "$(wc -l <"$D/out.txt")"
