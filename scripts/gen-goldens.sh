#!/usr/bin/env bash
# gen-goldens.sh - regenerate test/golden/<scenario>/ with the REAL OVN 23.03
# (ovsdb-server x2 + ovn-northd, userspace, private temp dir, unix sockets).
#
# Usage: scripts/gen-goldens.sh [SCENARIO...]     (default: every scenario)
#
# Each scenario dir holds script.nbctl (the topology, one command a line) and
# traces.txt (one ovn-trace invocation a line: "[@label] [opts] DP 'FLOW'").
# Written per scenario: lflows.txt, sb-lflows.json, sb-dump.txt, nb-show.txt,
# traces/NN-label.{cmd.txt,args.json,detailed.txt,summary.txt,minimal.txt};
# and test/golden/versions.txt once.  See test/golden/README.md.

set -u -o pipefail

PROG=${0##*/}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# GOLDEN_DIR: write somewhere else (scripts/golden/check-repeatable.sh compares two runs)
GOLDEN=${GOLDEN_DIR:-$ROOT/test/golden}
CMD_TIMEOUT=60
# Chassis.other_config flags that a real ovn-controller 23.03 advertises;
# northd picks ct_lb_mark/ct_mark only when every chassis has them.
CHASSIS_FEATURES=(other_config:ct-no-masked-label=true other_config:mac-binding-timestamp=true
                  other_config:ovn-ct-lb-related=true other_config:port-up-notif=true)

die() { echo "$PROG: error: $*" >&2; exit 2; }
note() { echo "$PROG: $*" >&2; }

# ---------------------------------------------------------------- tools
ensure_ovn() {
    command -v ovn-northd >/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        note "installing ovn-central ovn-host openvswitch-switch"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq ovn-central ovn-host openvswitch-switch >/dev/null \
            || die "apt-get install failed"
    else
        die "real OVN is needed: sudo apt-get install -y ovn-central ovn-host openvswitch-switch"
    fi
}
ensure_ovn
for t in ovsdb-tool ovsdb-server ovsdb-client ovn-northd ovn-nbctl ovn-sbctl ovn-trace timeout node; do
    command -v "$t" >/dev/null || die "'$t' not found"
done
NB_SCHEMA=/usr/share/ovn/ovn-nb.ovsschema
SB_SCHEMA=/usr/share/ovn/ovn-sb.ovsschema
[ -r "$NB_SCHEMA" ] && [ -r "$SB_SCHEMA" ] || die "OVN schemas not found in /usr/share/ovn"
TSX=$ROOT/node_modules/.bin/tsx
[ -x "$TSX" ] || die "run 'npm install' first (needs tsx)"

# ---------------------------------------------------------------- daemons
TMPD=
cleanup() {
    local pf pid
    [ -n "$TMPD" ] && [ -d "$TMPD" ] || return 0
    for pf in "$TMPD"/*.pid; do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf" 2>/dev/null)
        # only signal a daemon we started: its command line names our temp dir
        if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/"; then
            kill -TERM "$pid" 2>/dev/null
        fi
    done
    sleep 0.2
    rm -rf "$TMPD"
    TMPD=
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

start_dbs() {
    TMPD=$(mktemp -d /tmp/ovnviz-golden.XXXXXX) || die "mktemp failed"
    NB_DB=unix:$TMPD/nb.sock
    SB_DB=unix:$TMPD/sb.sock
    # control sockets and logs in the temp dir too, never in /var/run
    export OVN_NB_DB=$NB_DB OVN_SB_DB=$SB_DB OVS_RUNDIR=$TMPD OVN_RUNDIR=$TMPD OVS_LOGDIR=$TMPD OVN_LOGDIR=$TMPD
    ovsdb-tool create "$TMPD/nb.db" "$NB_SCHEMA" || die "ovsdb-tool create nb failed"
    ovsdb-tool create "$TMPD/sb.db" "$SB_SCHEMA" || die "ovsdb-tool create sb failed"
    local db
    for db in nb sb; do
        ovsdb-server --detach --no-chdir --pidfile="$TMPD/$db.pid" --log-file="$TMPD/$db.log" \
            -vconsole:off --remote=punix:"$TMPD/$db.sock" "$TMPD/$db.db" 2>>"$TMPD/start.err" \
            || die "ovsdb-server ($db) failed to start"
    done
    ovn-northd --detach --no-chdir --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" \
        -vconsole:off --ovnnb-db="$NB_DB" --ovnsb-db="$SB_DB" 2>>"$TMPD/start.err" \
        || die "ovn-northd failed to start"
    command ovn-nbctl --db="$NB_DB" init || die "ovn-nbctl init failed"
    sync_sb
}

sync_sb() {
    timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" --wait=sb sync || die "ovn-nbctl --wait=sb sync failed"
}

# The script's lines are eval'ed by bash with these functions in place of the
# real programs, so quoting, "--" chaining and "$(...)" capture work as typed.
ovn-nbctl() { timeout "$CMD_TIMEOUT" ovn-nbctl --db="$NB_DB" "$@"; }
ovn-sbctl() {
    local i=1 sub
    while [ $i -le $# ] && [[ ${!i} == -* ]]; do i=$((i + 1)); done
    sub=${!i:-}
    timeout "$CMD_TIMEOUT" ovn-sbctl --db="$SB_DB" "$@" || return
    if [ "$sub" = chassis-add ]; then
        local name=$((i + 1))
        timeout "$CMD_TIMEOUT" ovn-sbctl --db="$SB_DB" set Chassis "${!name}" "${CHASSIS_FEATURES[@]}"
    fi
}
# mac-binding-add and read_lines
. "$ROOT/scripts/golden/script-lines.sh"

run_script() {  # FILE
    # (underscored names: the script's own shell variables live in this shell too)
    local _g_lineno _g_line
    while IFS=$'\t' read -r _g_lineno _g_line; do
        # one northd pass per line, as when a person types them: tunnel keys
        # then follow creation order and the result is reproducible
        eval "$_g_line"$'\n' </dev/null >/dev/null || die "$1:$_g_lineno: command failed: $_g_line"
        sync_sb
    done < <(read_lines "$1")
    # port up/down reported back by northd changes NB once more
    sync_sb
    sync_sb
}

run_traces() {  # FILE OUTDIR
    local lineno line n=0 label base fmt words
    while IFS=$'\t' read -r lineno line; do
        n=$((n + 1))
        set -f
        eval "words=( $line"$'\n'")" || die "$1:$lineno: cannot parse trace line"
        set +f
        label=trace
        if [[ ${words[0]} == @* ]]; then label=${words[0]#@}; words=("${words[@]:1}"); fi
        [ "${words[0]:-}" = ovn-trace ] && words=("${words[@]:1}")
        [ ${#words[@]} -gt 0 ] || die "$1:$lineno: empty trace line"
        label=${label//[^A-Za-z0-9_.-]/_}
        base=$2/$(printf '%02d' $n)-$label
        printf 'ovn-trace %s\n' "${words[*]@Q}" >"$base.cmd.txt"
        node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)) + "\n")' -- "${words[@]}" \
            >"$base.args.json"
        for fmt in detailed summary minimal; do
            timeout "$CMD_TIMEOUT" ovn-trace --db="$SB_DB" --"$fmt" "${words[@]}" >"$base.$fmt.txt" 2>"$base.$fmt.err"
            # a good trace starts with "# <the microflow in OpenFlow syntax>"
            if ! head -1 "$base.$fmt.txt" | grep -q '^# '; then
                note "warning: $1:$lineno: ovn-trace --$fmt did not trace: $(cat "$base.$fmt.txt" "$base.$fmt.err" | head -c 300 | tr '\n' ' ')"
                TRACE_FAILURES=$((TRACE_FAILURES + 1))
            fi
            # keep what ovn-trace logs, without the run's timestamps
            if [ -s "$base.$fmt.err" ]; then
                sed -i -E 's/^[0-9]{4}-[0-9-]+T[0-9:.]+Z\|[0-9]+\|//' "$base.$fmt.err"
            else
                rm -f "$base.$fmt.err"
            fi
        done
    done < <(read_lines "$1")
}

gen_scenario() {  # NAME
    local _g_dir=$GOLDEN/$1
    [ -r "$_g_dir/script.nbctl" ] || die "$_g_dir/script.nbctl not found"
    note "scenario $1"
    start_dbs
    run_script "$_g_dir/script.nbctl"
    ovn-sbctl lflow-list >"$_g_dir/lflows.txt" || die "lflow-list failed"
    ovn-nbctl show >"$_g_dir/nb-show.txt" || die "nbctl show failed"
    ovsdb-client dump --format=json "$SB_DB" OVN_Southbound >"$TMPD/sb.json" || die "SB dump failed"
    ovsdb-client dump --format=json "$NB_DB" OVN_Northbound >"$TMPD/nb.json" || die "NB dump failed"
    "$TSX" "$ROOT/scripts/golden/sb-extract.ts" "$TMPD/sb.json" "$TMPD/nb.json" "$_g_dir" || die "sb-extract failed"
    rm -rf "$_g_dir/traces"
    mkdir -p "$_g_dir/traces"
    [ -r "$_g_dir/traces.txt" ] && run_traces "$_g_dir/traces.txt" "$_g_dir/traces"
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
    ovn-trace --version | head -1
    ovsdb-server --version | head -1
    echo "NB schema $(ovsdb-tool schema-version "$NB_SCHEMA"), SB schema $(ovsdb-tool schema-version "$SB_SCHEMA")"
} >"$GOLDEN/versions.txt"
FAILED=()
for s in "${SCENARIOS[@]}"; do
    # each scenario in its own subshell: no shell variable of one script leaks into the next
    (
        trap cleanup EXIT
        TRACE_FAILURES=0
        gen_scenario "${s%/}"
        [ $TRACE_FAILURES = 0 ] || exit 3
    )
    case $? in
        0) ;;
        3) FAILED+=("${s%/}") ;;
        *) exit 2 ;;
    esac
done
note "done: ${#SCENARIOS[@]} scenario(s); with failed traces: ${FAILED[*]:-none}"
[ ${#FAILED[@]} = 0 ] || exit 3
