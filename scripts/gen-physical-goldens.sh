#!/usr/bin/env bash
# gen-physical-goldens.sh - regenerate test/golden-physical/<scenario>/ with the REAL OVN 23.03 and
# Open vSwitch 3.1 on simulated hypervisors, as the OVN testsuite's sim_add/ovn_attach make them:
# NB + SB ovsdb-servers and ovn-northd, and per `ovn-sbctl chassis-add NAME geneve IP` one chassis
# with its own ovsdb-server, `ovs-vswitchd --enable-dummy=system` and ovn-controller; br-int
# (dummy datapath, fail-mode=secure), an underlay br-phys holding the encap IP with its route and
# the other chassis' neighbour entries. `ovn-sbctl lsp-bind PORT HV` plugs a dummy VIF with
# external_ids:iface-id=PORT into br-int of HV; `as HV COMMAND` runs COMMAND on that chassis.
# Everything lives in a private temp dir on unix sockets; nothing leaves the machine.
#
# Usage: scripts/gen-physical-goldens.sh [SCENARIO...]     (default: every scenario)
#
# Inputs per scenario: script.nbctl (topology), traces.txt ("[@label] as HV COMMAND..." a line).
# Outputs: lflows.txt, sb-lflows.json, sb-dump.txt, sb-bindings.txt, hv/HV/{flows,groups,ofctl-show,
# dpif-show,vsctl-show,flows-br-phys}.txt, traces/NN-label.{cmd,out}.txt, versions.txt.

set -u -o pipefail

PROG=${0##*/}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOLDEN=${GOLDEN_DIR:-$ROOT/test/golden-physical}
CMD_TIMEOUT=60

die() { echo "$PROG: error: $*" >&2; exit 2; }
note() { echo "$PROG: $*" >&2; }

for t in ovsdb-tool ovsdb-server ovsdb-client ovn-northd ovn-nbctl ovn-sbctl ovs-vswitchd ovs-vsctl \
         ovs-ofctl ovs-appctl ovn-controller timeout node; do
    command -v "$t" >/dev/null || die "'$t' not found (apt-get install -y ovn-central ovn-host openvswitch-switch)"
done
NB_SCHEMA=/usr/share/ovn/ovn-nb.ovsschema
SB_SCHEMA=/usr/share/ovn/ovn-sb.ovsschema
VS_SCHEMA=/usr/share/openvswitch/vswitch.ovsschema
for s in "$NB_SCHEMA" "$SB_SCHEMA" "$VS_SCHEMA"; do [ -r "$s" ] || die "$s not found"; done
TSX=$ROOT/node_modules/.bin/tsx
[ -x "$TSX" ] || die "run 'npm install' first (needs tsx)"

# ---------------------------------------------------------------- daemons
TMPD=
cleanup() {
    local pf pid i
    [ -n "$TMPD" ] && [ -d "$TMPD" ] || return 0
    # ovn-controller first (it would recreate what the switch loses), then the switches, then dbs
    for pf in $(find "$TMPD" -name ovn-controller.pid) $(find "$TMPD" -name ovs-vswitchd.pid) \
              $(find "$TMPD" -name '*.pid'); do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf" 2>/dev/null)
        # only signal a daemon we started: its command line names our temp dir
        if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/"; then
            kill -TERM "$pid" 2>/dev/null
            for i in $(seq 50); do
                [ -e "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ] || break
                sleep 0.1
            done
        fi
        rm -f "$pf"
    done
    rm -rf "$TMPD"
    TMPD=
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

set_dirs() {  # point every OVS/OVN run/log/db/conf dir at DIR
    export OVS_RUNDIR=$1 OVS_LOGDIR=$1 OVS_DBDIR=$1 OVS_SYSCONFDIR=$1
    export OVN_RUNDIR=$1 OVN_LOGDIR=$1 OVN_DBDIR=$1 OVN_SYSCONFDIR=$1
}
daemon() {  # DIR PROGRAM ARGS...
    local dir=$1 prog=$2; shift 2
    command "$prog" --detach --no-chdir --pidfile="$dir/$prog.pid" --log-file="$dir/$prog.log" \
        -vconsole:off "$@" || die "$prog failed to start (see $dir/$prog.log)"
}
wait_for() {  # DESCRIPTION CMD...
    local what=$1 i; shift
    for i in $(seq $((CMD_TIMEOUT * 10))); do
        "$@" >/dev/null 2>&1 </dev/null && return 0
        sleep 0.1
    done
    die "timed out waiting for $what"
}

start_central() {
    TMPD=$(mktemp -d /tmp/ovnviz-phys.XXXXXX) || die "mktemp failed"
    set_dirs "$TMPD"
    NB_DB=unix:$TMPD/nb.sock
    SB_DB=unix:$TMPD/sb.sock
    export OVN_NB_DB=$NB_DB OVN_SB_DB=$SB_DB
    command ovsdb-tool create "$TMPD/nb.db" "$NB_SCHEMA" || die "ovsdb-tool create nb failed"
    command ovsdb-tool create "$TMPD/sb.db" "$SB_SCHEMA" || die "ovsdb-tool create sb failed"
    mkdir -p "$TMPD/nbd" "$TMPD/sbd" "$TMPD/northd"
    daemon "$TMPD/nbd" ovsdb-server --remote=punix:"$TMPD/nb.sock" --unixctl="$TMPD/nbd/ctl" "$TMPD/nb.db"
    daemon "$TMPD/sbd" ovsdb-server --remote=punix:"$TMPD/sb.sock" --unixctl="$TMPD/sbd/ctl" "$TMPD/sb.db"
    command ovn-nbctl --db="$NB_DB" init || die "ovn-nbctl init failed"
    command ovn-sbctl --db="$SB_DB" init || die "ovn-sbctl init failed"
    daemon "$TMPD/northd" ovn-northd --ovnnb-db="$NB_DB" --ovnsb-db="$SB_DB" --unixctl="$TMPD/northd/ctl"
    sync_sb
}
sync_sb() {
    timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" --wait=sb sync || die "ovn-nbctl --wait=sb sync failed"
}
sync_hv() {
    [ ${#SIMS[@]} -gt 0 ] || return 0
    timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" --wait=hv sync || die "ovn-nbctl --wait=hv sync failed"
}

# ---------------------------------------------------------------- hypervisors
declare -A SIM_DIR SIM_IP SIM_MAC BOUND
SIMS=()
as() {  # as HV COMMAND...: run COMMAND against chassis HV's Open vSwitch and ovn-controller
    local hv=$1 rc; shift
    [ -n "${SIM_DIR[$hv]:-}" ] || { echo "as: unknown chassis '$hv'" >&2; return 2; }
    set_dirs "${SIM_DIR[$hv]}"
    timeout "$CMD_TIMEOUT" "$@"; rc=$?
    set_dirs "$TMPD"
    return $rc
}
sim_add() {  # NAME ENCAP IP (the testsuite's sim_add + ovn_attach)
    local name=$1 encap=$2 ip=$3 d=$TMPD/hv-$1
    [ -z "${SIM_DIR[$name]:-}" ] || die "chassis '$name' added twice"
    mkdir -p "$d"
    SIM_DIR[$name]=$d SIM_IP[$name]=$ip
    SIMS+=("$name")
    set_dirs "$d"
    command ovsdb-tool create "$d/conf.db" "$VS_SCHEMA" || die "ovsdb-tool create ($name) failed"
    daemon "$d" ovsdb-server --remote=punix:"$d/db.sock" "$d/conf.db"
    command ovs-vsctl --no-wait init || die "ovs-vsctl init ($name) failed"
    daemon "$d" ovs-vswitchd --enable-dummy=system --disable-system --disable-system-route "unix:$d/db.sock"
    set_dirs "$TMPD"
    as "$name" ovs-vsctl add-br br-phys -- set bridge br-phys datapath_type=dummy fail-mode=standalone \
        -- add-port br-phys br-phys-uplink || die "br-phys on $name failed"
    as "$name" ovs-appctl netdev-dummy/ip4addr br-phys "$ip/24" >/dev/null || die "ip4addr on $name failed"
    as "$name" ovs-appctl ovs/route/add "$ip/24" br-phys >/dev/null || die "route/add on $name failed"
    SIM_MAC[$name]=$(as "$name" ovs-vsctl get Interface br-phys mac_in_use | tr -d '"')
    as "$name" ovs-vsctl -- set Open_vSwitch . external-ids:system-id="$name" \
        -- set Open_vSwitch . external-ids:hostname="$name" \
        -- set Open_vSwitch . external-ids:ovn-remote="$SB_DB" \
        -- set Open_vSwitch . external-ids:ovn-encap-type="$encap" \
        -- set Open_vSwitch . external-ids:ovn-encap-ip="$ip" \
        -- add-br br-int -- set bridge br-int datapath_type=dummy fail-mode=secure \
           other-config:disable-in-band=true || die "br-int on $name failed"
    set_dirs "$d"
    daemon "$d" ovn-controller "unix:$d/db.sock"
    set_dirs "$TMPD"
    chassis_has_encap() { [ -n "$(command ovn-sbctl --db="$SB_DB" --bare --columns encaps find Chassis name="$1")" ]; }
    wait_for "chassis $name to register" chassis_has_encap "$name"
    # every chassis resolves every other chassis' encap IP (the testsuite's OVN_POPULATE_ARP)
    local a b
    for a in "${SIMS[@]}"; do
        for b in "${SIMS[@]}"; do
            [ "$a" = "$b" ] && continue
            as "$a" ovs-appctl tnl/neigh/set br-phys "${SIM_IP[$b]}" "${SIM_MAC[$b]}" >/dev/null \
                || die "tnl/neigh/set on $a failed"
        done
    done
}
sim_bind() {  # PORT HV: a dummy VIF named PORT with iface-id=PORT on HV's br-int
    local lsp=$1 hv=$2
    [ -n "${SIM_DIR[$hv]:-}" ] || die "lsp-bind: unknown chassis '$hv'"
    [[ $lsp =~ ^[A-Za-z0-9_.-]{1,15}$ ]] || die "lsp-bind: '$lsp' is not a valid interface name (15 chars)"
    as "$hv" ovs-vsctl add-port br-int "$lsp" -- set Interface "$lsp" external-ids:iface-id="$lsp" \
        || die "lsp-bind: plugging '$lsp' into $hv failed"
    BOUND[$lsp]=$hv
}

# The script's lines are eval'ed by bash with these functions in place of the real programs.
ovn-nbctl() { timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" "$@"; }
ovn-sbctl() {
    local i=1 sub a b c
    while [ $i -le $# ] && [[ ${!i} == -* ]]; do i=$((i + 1)); done
    sub=${!i:-}
    a=$((i + 1)) b=$((i + 2)) c=$((i + 3))
    case $sub in
        chassis-add) sim_add "${!a}" "${!b}" "${!c}" ;;
        lsp-bind) sim_bind "${!a}" "${!b}" ;;
        *) timeout "$CMD_TIMEOUT" ovn-sbctl --db="$SB_DB" "$@" ;;
    esac
}

# mac-binding-add and read_lines
. "$ROOT/scripts/golden/script-lines.sh"

run_script() {  # FILE
    local _g_lineno _g_line
    while IFS=$'\t' read -r _g_lineno _g_line; do
        eval "$_g_line"$'\n' </dev/null >/dev/null || die "$1:$_g_lineno: command failed: $_g_line"
        # one northd pass per line, as when typed: tunnel keys follow creation order
        sync_sb
    done < <(read_lines "$1")
    sync_sb
    sync_hv
    local lsp
    for lsp in "${!BOUND[@]}"; do
        timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" wait-until Logical_Switch_Port "$lsp" up=true \
            || die "logical port $lsp did not come up"
    done
    # port up reported back changes NB and SB once more
    sync_sb
    sync_hv
}

run_traces() {  # FILE OUTDIR
    local lineno line n=0 label base words
    while IFS=$'\t' read -r lineno line; do
        n=$((n + 1))
        set -f
        eval "words=( $line"$'\n'")" || die "$1:$lineno: cannot parse trace line"
        set +f
        label=trace
        if [[ ${words[0]} == @* ]]; then label=${words[0]#@}; words=("${words[@]:1}"); fi
        [ "${words[0]:-}" = as ] && [ ${#words[@]} -ge 3 ] || die "$1:$lineno: expected 'as HV COMMAND...'"
        label=${label//[^A-Za-z0-9_.-]/_}
        base=$2/$(printf '%02d' $n)-$label
        printf '%s\n' "${words[*]@Q}" >"$base.cmd.txt"
        as "${words[@]:1}" >"$base.out.txt" 2>&1 || note "warning: $1:$lineno: exit status $? (kept in $base.out.txt)"
    done < <(read_lines "$1")
}

dump_hv() {  # HV OUTDIR
    local hv=$1 p=$2/hv/$1
    mkdir -p "$p"
    as "$hv" ovs-ofctl -O OpenFlow15 dump-flows br-int >"$p/flows.txt" || die "dump-flows on $hv failed"
    as "$hv" ovs-ofctl -O OpenFlow15 dump-groups br-int >"$p/groups.txt" || die "dump-groups on $hv failed"
    as "$hv" ovs-ofctl show br-int >"$p/ofctl-show.txt" || die "ofctl show on $hv failed"
    as "$hv" ovs-appctl dpif/show >"$p/dpif-show.txt" || die "dpif/show on $hv failed"
    as "$hv" ovs-vsctl show >"$p/vsctl-show.txt" || die "vsctl show on $hv failed"
    as "$hv" ovs-ofctl -O OpenFlow15 dump-flows br-phys >"$p/flows-br-phys.txt" || die "br-phys flows on $hv failed"
}

gen_scenario() {  # NAME
    local _g_dir=$GOLDEN/$1 hv
    [ -r "$_g_dir/script.nbctl" ] || die "$_g_dir/script.nbctl not found"
    note "scenario $1"
    start_central
    run_script "$_g_dir/script.nbctl"
    ovn-sbctl lflow-list >"$_g_dir/lflows.txt" || die "lflow-list failed"
    ovsdb-client dump --format=json "$SB_DB" OVN_Southbound >"$TMPD/sb.json" || die "SB dump failed"
    ovsdb-client dump --format=json "$NB_DB" OVN_Northbound >"$TMPD/nb.json" || die "NB dump failed"
    "$TSX" "$ROOT/scripts/golden/sb-extract.ts" "$TMPD/sb.json" "$TMPD/nb.json" "$_g_dir" || die "sb-extract failed"
    rm -rf "$_g_dir/traces" "$_g_dir/hv"
    mkdir -p "$_g_dir/traces"
    [ -r "$_g_dir/traces.txt" ] && run_traces "$_g_dir/traces.txt" "$_g_dir/traces"
    for hv in "${SIMS[@]}"; do dump_hv "$hv" "$_g_dir"; done
    cleanup
}

# ---------------------------------------------------------------- main
if [ $# -gt 0 ]; then
    SCENARIOS=("$@")
else
    SCENARIOS=()
    for d in "$GOLDEN"/*/; do [ -r "$d/script.nbctl" ] && SCENARIOS+=("$(basename "$d")"); done
fi
[ ${#SCENARIOS[@]} -gt 0 ] || die "no scenarios under $GOLDEN"
{
    ovn-northd --version | head -1
    ovn-controller --version | head -1
    ovs-vswitchd --version | head -1
    echo "NB schema $(ovsdb-tool schema-version "$NB_SCHEMA"), SB schema $(ovsdb-tool schema-version "$SB_SCHEMA")"
} >"$GOLDEN/versions.txt"
for s in "${SCENARIOS[@]}"; do
    # each scenario in its own subshell: no shell variable of one script leaks into the next
    ( trap cleanup EXIT; gen_scenario "${s%/}" ) || exit 2
done
note "done: ${#SCENARIOS[@]} scenario(s)"
