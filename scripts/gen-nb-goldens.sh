#!/usr/bin/env bash
# gen-nb-goldens.sh - regenerate test/golden-nb/<scenario>/ with the REAL ovn-nbctl 23.03:
# private ovsdb-servers (NB, SB) and ovn-northd on unix sockets in a temp dir, as on a real
# system where northd writes back into the NB (port tags, up); the scenario's script.sh run by
# bash (prompts stripped, pasted output dropped, non-OVN commands as no-ops) with a northd sync
# after each ovn-nbctl/ovn-sbctl call; then `ovn-nbctl show`, `list` of the main tables and each
# line of queries.txt recorded (each query on the state the script left).
#
# Usage: scripts/gen-nb-goldens.sh [SCENARIO...]   (default: every scenario dir)
# Writes per scenario: show.txt, list-<Table>.txt, nb-backup.db (ovsdb-client backup, for the
# NB import), queries/NN.{cmd,out,err,rc}.txt, script.err.txt, script.err-lines.txt and
# script.status.txt (the real errors of the script, the line and exit status of each failing call,
# and the script's own exit status under set -e)

set -u -o pipefail
PROG=${0##*/}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOLDEN=$ROOT/test/golden-nb
NB_SCHEMA=/usr/share/ovn/ovn-nb.ovsschema
# NB_Global is left out: northd fills it with random values (mac_prefix, svc_monitor_mac) and timestamps
TABLES=(Logical_Switch Copp Mirror Forwarding_Group Meter Meter_Band QoS Connection Logical_Switch_Port Logical_Router Logical_Router_Port Logical_Router_Static_Route
        Logical_Router_Policy NAT Load_Balancer ACL Port_Group Address_Set DHCP_Options Gateway_Chassis
        HA_Chassis_Group HA_Chassis Static_MAC_Binding)

die() { echo "$PROG: error: $*" >&2; exit 2; }
for t in ovsdb-tool ovsdb-server ovsdb-client ovn-nbctl ovn-sbctl ovn-northd; do
    command -v "$t" >/dev/null || die "'$t' not found (sudo apt-get install -y ovn-central)"
done
SB_SCHEMA=/usr/share/ovn/ovn-sb.ovsschema
[ -r "$NB_SCHEMA" ] && [ -r "$SB_SCHEMA" ] || die "OVN schemas not found in /usr/share/ovn"

TMPD=
cleanup() {
    [ -n "$TMPD" ] && [ -d "$TMPD" ] || return 0
    local pf pid
    for pf in "$TMPD"/*.pid; do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf" 2>/dev/null)
        # only signal a daemon we started: its command line names our temp dir
        if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/"; then
            kill -TERM "$pid" 2>/dev/null
        fi
    done
    sleep 0.1
    rm -rf "$TMPD"
    TMPD=
}
trap cleanup EXIT

start_db() {
    TMPD=$(mktemp -d /tmp/ovnviz-nbgolden.XXXXXX) || die "mktemp failed"
    export OVN_NB_DB=unix:$TMPD/nb.sock OVN_SB_DB=unix:$TMPD/sb.sock
    # the script may export OVN_NB_DB or pass --db itself: the stand-ins use these instead
    export GOLDEN_NB_DB=$OVN_NB_DB GOLDEN_SB_DB=$OVN_SB_DB
    export OVS_RUNDIR=$TMPD OVN_RUNDIR=$TMPD OVS_LOGDIR=$TMPD OVN_LOGDIR=$TMPD
    local db
    for db in nb sb; do
        ovsdb-tool create "$TMPD/$db.db" "$([ $db = nb ] && echo "$NB_SCHEMA" || echo "$SB_SCHEMA")" \
            || die "ovsdb-tool create $db failed"
        ovsdb-server --detach --no-chdir --pidfile="$TMPD/$db.pid" --log-file="$TMPD/$db.log" -vconsole:off \
            --remote=punix:"$TMPD/$db.sock" "$TMPD/$db.db" || die "ovsdb-server ($db) failed to start"
    done
    ovn-northd --detach --no-chdir --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" -vconsole:off \
        --ovnnb-db="$OVN_NB_DB" --ovnsb-db="$OVN_SB_DB" || die "ovn-northd failed to start"
}

sync_northd() {
    timeout 30 ovn-nbctl --db="$OVN_NB_DB" --wait=sb sync \
        || die "northd sync failed: $(tail -3 "$TMPD/northd.log" 2>/dev/null)"
}

# The script runs in a subshell with these stand-ins: OVN_NB_DB points ovn-nbctl at our server;
# SB and OVS commands and the rest of a pasted terminal session do nothing.
prelude() {
    cat <<'PRE'
# the line (in script.sh) and status of a failing call whose error is seen (stderr not sent away)
golden_failed() {
    [ "$1" = 0 ] || [ "$(readlink "/proc/$BASHPID/fd/2")" = /dev/null ] \
        || echo "$((BASH_LINENO[${#BASH_LINENO[@]} - 2] - GOLDEN_PRELUDE_LINES)) $1" >> "$GOLDEN_ERR_LINES"
}
# --wait=hv needs a chassis we do not run: drop --wait, and sync with northd after each call
ovn-nbctl() {
    local a args=() rc
    for a in "$@"; do [[ $a == --wait=* || $a == --no-wait || $a == --db=* ]] || args+=("$a"); done
    # (|| keeps set -e from leaving here before the failure is recorded; the caller stops on it)
    rc=0
    command ovn-nbctl --db="$GOLDEN_NB_DB" "${args[@]}" || rc=$?
    golden_failed $rc
    timeout 30 ovn-nbctl --db="$GOLDEN_NB_DB" --wait=sb sync >/dev/null 2>&1
    return $rc
}
# chassis as a 23.03 ovn-controller would register them (port-up-notif makes lsp-bind set up)
ovn-sbctl() {
    local i=1 sub rc
    while [ $i -le $# ] && [[ ${!i} == -* ]]; do i=$((i + 1)); done
    sub=${!i:-}
    rc=0
    command ovn-sbctl --db="$GOLDEN_SB_DB" "$@" || rc=$?
    golden_failed $rc
    if [ $rc = 0 ] && [ "$sub" = chassis-add ]; then
        local name=$((i + 1))
        command ovn-sbctl --db="$GOLDEN_SB_DB" set Chassis "${!name}" other_config:ct-no-masked-label=true \
            other_config:mac-binding-timestamp=true other_config:ovn-ct-lb-related=true other_config:port-up-notif=true
    fi
    timeout 30 ovn-nbctl --db="$GOLDEN_NB_DB" --wait=sb sync >/dev/null 2>&1
    return $rc
}
ovs-vsctl() { :; }
mac-binding-add() { :; }
sudo() { while [[ ${1:-} == -* ]]; do shift; done; "$@"; }
ip() { :; }; ping() { :; }; curl() { :; }; tcpdump() { :; }; ovs-ofctl() { :; }; ovn-trace() { :; }
ovs-appctl() { :; }; ovn-appctl() { :; }; docker() { :; }; systemctl() { :; }; dhclient() { :; }
kubectl() { :; }; oc() { :; }; virsh() { :; }; ovs-dpctl() { :; }; ovsdb-client() { :; }; ovsdb-tool() { :; }
ethtool() { :; }; arping() { :; }; nc() { :; }; ssh() { :; }; openstack() { :; }; apt-get() { :; }; yum() { :; }
dnf() { :; }; apt() { :; }; modprobe() { :; }; podman() { :; }; vagrant() { :; }; ovn-ctl() { :; }; ovs-ctl() { :; }
command_not_found_handle() { return 0; }
set -e
PRE
}

# Prompts pasted with commands: [root@node1 ~]# , user@host:~$ , node1$ , "$ ".  When a file uses
# prompts, lines without one (and not continuing a command) are pasted output: dropped, as a reader would.
PROMPT_RE='^[ \t]*(\([^)]*\) *)?(\[[^]]*\] ?[#$] |[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ ]*[#$] |[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+( +[^ ]+)? *[#$] +|[A-Za-z][A-Za-z0-9_.-]*:[^ ]* +[A-Za-z0-9_.-]+[#$] +|[A-Za-z][A-Za-z0-9_.-]*[#$] +|[$%>] +|(❯|λ|») +|➜ +[^ ]+ +)'
strip_prompts() {
    if grep -qE "$PROMPT_RE" "$1"; then
        awk -v re="$PROMPT_RE" '
            heredoc != "" { print; if ($0 == heredoc || (strip && $0 ~ "^\t*" heredoc "$")) heredoc = ""; next }
            cont { print; cont = /\\$/; next }
            $0 ~ re {
                print; cont = /\\$/
                # a heredoc started on this line: its body and delimiter are read as they are
                if (match($0, /<<-?[ \t]*["\x27]?[A-Za-z_][A-Za-z0-9_]*/)) {
                    heredoc = substr($0, RSTART, RLENGTH); strip = heredoc ~ /^<<-/
                    sub(/^<<-?[ \t]*["\x27]?/, "", heredoc)
                }
                next
            }
            /^[ \t]*(#|$)/ { print; next }
            # a line calling an OVN/OVS tool is a command even without its prompt
            /^[ \t]*(sudo +(-[^ ]+ +)*)?(ovn-nbctl|ovn-sbctl|ovs-vsctl)( |$)/ { print; cont = /\\$/; next }
            # pasted output: an empty line in its place, so that line numbers stay as in script.sh
            { print "" }
        ' "$1"
    else
        cat "$1"
    fi | sed -E -e 's/^[ \t]*(\([^)]*\) *)?\[[^]]*\] ?[#$] *//' -e 's/^[ \t]*(\([^)]*\) *)?[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ ]*[#$] *//' \
           -e 's/^[ \t]*(\([^)]*\) *)?[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+( +[^ ]+)? *[#$] +//' \
           -e 's/^[ \t]*[A-Za-z][A-Za-z0-9_.-]*:[^ ]* +[A-Za-z0-9_.-]+[#$] +//' \
           -e 's/^[ \t]*[A-Za-z][A-Za-z0-9_.-]*[#$] +//' -e 's/^[ \t]*[$%>] +//' -e 's/^[ \t]*(❯|λ|») +//' -e 's/^[ \t]*➜ +[^ ]+ +//'
}

run_scenario() {
    local dir=$1 name
    name=$(basename "$dir")
    [ -f "$dir/script.sh" ] || die "$dir/script.sh missing"
    start_db
    ovn-nbctl --db="$OVN_NB_DB" init
    { prelude; strip_prompts "$dir/script.sh"; } > "$TMPD/run.sh"
    # a command the real ovn-nbctl rejects stops the script there (set -e), as ours stops: its
    # error is recorded, the state before it kept
    # (and the errors of commands inside `a && b` / `a || b` / `if`, which do not stop it)
    rm -f "$dir/script.err.txt" "$dir/script.err-lines.txt"
    # script.err-lines.txt: "LINE STATUS" of each failing ovn-nbctl/ovn-sbctl call whose error shows
    export GOLDEN_ERR_LINES=$TMPD/err-lines GOLDEN_PRELUDE_LINES
    GOLDEN_PRELUDE_LINES=$(prelude | wc -l)
    : > "$GOLDEN_ERR_LINES"
    # run in the temp dir: pasted tutorials write files (heredocs) where they run
    local status=0
    (cd "$TMPD" && bash "$TMPD/run.sh") >/dev/null 2>"$TMPD/script.err" || status=$?
    if [ $status != 0 ]; then
        grep -qE '^ovn-(nb|sb)ctl:' "$TMPD/script.err" || die "$name: script failed: $(cat "$TMPD/script.err")"
    fi
    echo $status > "$dir/script.status.txt"
    grep -E '^ovn-(nb|sb)ctl:' "$TMPD/script.err" > "$dir/script.err.txt" || rm -f "$dir/script.err.txt"
    [ -s "$GOLDEN_ERR_LINES" ] && cp "$GOLDEN_ERR_LINES" "$dir/script.err-lines.txt"
    sync_northd
    ovn-nbctl --db="$OVN_NB_DB" show > "$dir/show.txt"
    ovsdb-client backup "$OVN_NB_DB" OVN_Northbound > "$dir/nb-backup.db" || die "$name: ovsdb-client backup failed"
    local t
    rm -f "$dir"/list-*.txt
    for t in "${TABLES[@]}"; do
        ovn-nbctl --db="$OVN_NB_DB" list "$t" > "$dir/list-$t.txt"
    done
    rm -rf "$dir/queries"
    if [ -f "$dir/queries.txt" ]; then
        mkdir -p "$dir/queries"
        local n=0 q
        while IFS= read -r q; do
            [[ -z $q || $q == \#* ]] && continue
            n=$((n + 1))
            local f
            f=$(printf '%s/queries/%02d' "$dir" "$n")
            printf '%s\n' "$q" > "$f.cmd.txt"
            # every query sees the state the script left, not what earlier queries did: fresh
            # daemons (northd cannot always follow a restore under it), the NB restored, synced
            cleanup
            start_db
            ovsdb-client restore "$OVN_NB_DB" OVN_Northbound < "$dir/nb-backup.db" >/dev/null 2>&1 \
                || die "$name: ovsdb-client restore failed"
            sync_northd
            set +e
            eval "command ovn-nbctl --db=\"\$OVN_NB_DB\" ${q#ovn-nbctl }" > "$f.out.txt" 2> "$f.err.txt"
            echo $? > "$f.rc.txt"
            set -e
        done < "$dir/queries.txt"
    fi
    ovn-nbctl --version | head -1 > "$GOLDEN/versions.txt"
    cleanup
    echo "$PROG: $name done"
}

# Database files as ovsdb-server itself keeps them (diff transactions, and a clustered log), for the
# NB import tests: src/engine/nb/testdata/{standalone,clustered}.db and the show.txt they hold.
gen_db_files() {
    local out=$ROOT/src/engine/nb/testdata kind
    mkdir -p "$out"
    for kind in standalone clustered; do
        TMPD=$(mktemp -d /tmp/ovnviz-nbgolden.XXXXXX) || die "mktemp failed"
        export OVN_NB_DB=unix:$TMPD/nb.sock OVS_RUNDIR=$TMPD OVS_LOGDIR=$TMPD
        if [ $kind = standalone ]; then
            ovsdb-tool create "$TMPD/nb.db" "$NB_SCHEMA" || die "ovsdb-tool create failed"
        else
            ovsdb-tool create-cluster "$TMPD/nb.db" "$NB_SCHEMA" "unix:$TMPD/raft.sock" 2>/dev/null \
                || die "ovsdb-tool create-cluster failed"
        fi
        ovsdb-server --detach --no-chdir --pidfile="$TMPD/nb.pid" --log-file="$TMPD/nb.log" -vconsole:off \
            --remote=punix:"$TMPD/nb.sock" "$TMPD/nb.db" || die "ovsdb-server failed to start"
        local n="command ovn-nbctl --db=$OVN_NB_DB"
        $n init && $n ls-add sw0 && $n lsp-add sw0 p1 -- lsp-set-addresses p1 "00:00:00:00:00:01 10.0.0.1" \
            && $n lsp-add sw0 p2 -- lsp-set-addresses p2 "00:00:00:00:00:02 10.0.0.2" && $n lsp-del p1 \
            && $n set Logical_Switch sw0 other_config:a=1 other_config:b=2 && $n remove Logical_Switch sw0 other_config a \
            && $n lr-add lr0 && $n lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.254/24 \
            && $n lr-nat-add lr0 snat 172.16.0.1 10.0.0.0/24 && $n lr-nat-add lr0 dnat 172.16.0.2 10.0.0.2 \
            && $n lr-nat-del lr0 snat || die "$kind: ovn-nbctl failed"
        $n show > "$out/$kind.show.txt"
        $n list Logical_Switch > "$out/$kind.list-Logical_Switch.txt"
        local pid
        pid=$(cat "$TMPD/nb.pid") && kill -TERM "$pid" && sleep 0.3
        cp "$TMPD/nb.db" "$out/$kind.db"
        cleanup
    done
}

if [ $# -gt 0 ]; then
    for s in "$@"; do
        if [ "$s" = db-files ]; then gen_db_files; else run_scenario "$GOLDEN/$s"; fi
    done
else
    for d in "$GOLDEN"/*/; do run_scenario "${d%/}"; done
    gen_db_files
fi
