#!/usr/bin/env bash
# gen-ovs-goldens.sh - regenerate test/golden-ovs/<scenario>/ with the REAL Open vSwitch 3.1 in
# userspace, as OVS's own testsuite runs it: a private ovsdb-server and
# `ovs-vswitchd --enable-dummy=system --disable-system --disable-system-route` on unix sockets in a
# temp dir (bridges use datapath_type=dummy: no kernel module, nothing leaves the machine). Each
# scenario's script.sh (ovs-vsctl / ovs-ofctl / ovs-appctl lines as a user pastes them, heredocs
# allowed) is run by bash, then each line of queries.txt, each on the state the script left.
#
# Usage: scripts/gen-ovs-goldens.sh [SCENARIO...]   (default: every scenario dir)
# Writes per scenario: queries/NN.{cmd,out,err,rc}.txt, version.txt

set -u -o pipefail
PROG=${0##*/}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOLDEN=$ROOT/test/golden-ovs
SCHEMA=/usr/share/openvswitch/vswitch.ovsschema

die() { echo "$PROG: error: $*" >&2; exit 2; }
for t in ovsdb-tool ovsdb-server ovs-vsctl ovs-vswitchd ovs-ofctl ovs-appctl; do
    command -v "$t" >/dev/null || die "'$t' not found (sudo apt-get install -y openvswitch-switch)"
done
[ -r "$SCHEMA" ] || die "$SCHEMA not found"

TMPD=
cleanup() {
    [ -n "$TMPD" ] && [ -d "$TMPD" ] || return 0
    local pf pid i
    for pf in "$TMPD/ovs-vswitchd.pid" "$TMPD/ovsdb-server.pid"; do
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
    done
    rm -rf "$TMPD"
    TMPD=
}
trap cleanup EXIT

start_ovs() {
    TMPD=$(mktemp -d /tmp/ovnviz-ovsgolden.XXXXXX) || die "mktemp failed"
    export OVS_RUNDIR=$TMPD OVS_LOGDIR=$TMPD OVS_DBDIR=$TMPD OVS_SYSCONFDIR=$TMPD
    ovsdb-tool create "$TMPD/conf.db" "$SCHEMA" || die "ovsdb-tool create failed"
    ovsdb-server --detach --no-chdir --pidfile="$TMPD/ovsdb-server.pid" --log-file="$TMPD/ovsdb-server.log" \
        -vconsole:off --remote="punix:$TMPD/db.sock" "$TMPD/conf.db" || die "ovsdb-server failed to start"
    ovs-vsctl --no-wait init || die "ovs-vsctl init failed"
    ovs-vswitchd --detach --no-chdir --pidfile="$TMPD/ovs-vswitchd.pid" --log-file="$TMPD/ovs-vswitchd.log" \
        -vconsole:off --enable-dummy=system --disable-system --disable-system-route "unix:$TMPD/db.sock" \
        || die "ovs-vswitchd failed to start"
}

run_scenario() {
    local dir=$1 name n q
    name=${dir##*/}
    [ -f "$dir/script.sh" ] || die "$dir/script.sh missing"
    start_ovs
    # heredoc files a script writes land in the temp dir, not in the checkout
    if ! (cd "$TMPD" && bash -e "$dir/script.sh") >"$TMPD/script.log" 2>&1; then
        cat "$TMPD/script.log" >&2
        die "$name: script.sh failed"
    fi
    # the switch applies the database asynchronously; wait until it has caught up
    ovs-vsctl --timeout=10 --wait=vswitchd sync 2>/dev/null || true
    rm -rf "$dir/queries"
    mkdir -p "$dir/queries"
    n=0
    if [ -f "$dir/queries.txt" ]; then
        while IFS= read -r q || [ -n "$q" ]; do
            [[ -z $q || $q == \#* ]] && continue
            n=$((n + 1))
            local f
            f=$(printf '%s/queries/%02d' "$dir" "$n")
            printf '%s\n' "$q" >"$f.cmd.txt"
            (cd "$TMPD" && eval "$q") >"$f.out.txt" 2>"$f.err.txt" </dev/null
            echo $? >"$f.rc.txt"
        done <"$dir/queries.txt"
    fi
    ovs-vswitchd --version | head -1 >"$dir/version.txt"
    echo "$name: $n queries"
    cleanup
}

if [ $# -eq 0 ]; then
    set -- "$GOLDEN"/*/
fi
for s in "$@"; do
    s=${s%/}
    [ -d "$s" ] || s=$GOLDEN/$s
    [ -d "$s" ] || die "no scenario $s"
    run_scenario "$(cd "$s" && pwd)"
done
