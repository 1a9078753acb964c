#!/usr/bin/env bash
# gen-action-goldens.sh - write test/golden-actions/<name>/lflows.txt with REAL ovn-northd 23.03.
#
# Each test/golden-actions/<name>/topology.nbctl is a list of ovn-nbctl / ovn-sbctl lines (bash words,
# '#' comments). They run against a private ovsdb-server pair + ovn-northd in a temp dir; then
# `ovn-sbctl lflow-list` is saved. These dumps prove the action parser on router, NAT, LB, DHCP, DNS
# and ACL flows. Usage: scripts/gen-action-goldens.sh [NAME...]   (default: every topology)

set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$ROOT/test/golden-actions
# What a real ovn-controller 23.03 advertises; northd emits ct_lb_mark/ct_mark flows only with these.
FEATURES=(other_config:ct-no-masked-label=true other_config:mac-binding-timestamp=true
          other_config:ovn-ct-lb-related=true other_config:port-up-notif=true)

for t in ovsdb-tool ovsdb-server ovn-northd ovn-nbctl ovn-sbctl; do
    command -v "$t" >/dev/null || { echo "needs real OVN: apt-get install -y ovn-central ovn-host openvswitch-switch" >&2; exit 2; }
done

TMPD=$(mktemp -d /tmp/gen-action-goldens.XXXXXX)
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

# The helper the goldens' scripts use: a SB MAC_Binding row, which ovn-trace's get_arp reads.
mac-binding-add() {
    local dp
    dp=$(ovn-sbctl --bare --columns datapath find Port_Binding logical_port="$1")
    ovn-sbctl create MAC_Binding logical_port="$1" ip="$2" mac="\"$3\"" datapath="$dp" >/dev/null
}

# run_topology NAME [SCRIPT OUTDIR]: with SCRIPT, only ovn-trace's warnings are written, to OUTDIR.
run_topology() {
    local name=$1 src=${2:-$DIR/$1/topology.nbctl} out=${3:-}
    local nb=unix:$TMPD/nb.sock sb=unix:$TMPD/sb.sock
    stop_daemons
    rm -f "$TMPD"/*.db
    ovsdb-tool create "$TMPD/nb.db" /usr/share/ovn/ovn-nb.ovsschema
    ovsdb-tool create "$TMPD/sb.db" /usr/share/ovn/ovn-sb.ovsschema
    ovsdb-server --detach --no-chdir -vconsole:off --pidfile="$TMPD/nb.pid" --log-file="$TMPD/nb.log" \
        --remote="p$nb" --unixctl="$TMPD/nb.ctl" "$TMPD/nb.db"
    ovsdb-server --detach --no-chdir -vconsole:off --pidfile="$TMPD/sb.pid" --log-file="$TMPD/sb.log" \
        --remote="p$sb" --unixctl="$TMPD/sb.ctl" "$TMPD/sb.db"
    ovn-northd --detach --no-chdir -vconsole:off --pidfile="$TMPD/northd.pid" --log-file="$TMPD/northd.log" \
        --unixctl="$TMPD/northd.ctl" --ovnnb-db="$nb" --ovnsb-db="$sb"
    export OVN_NB_DB=$nb OVN_SB_DB=$sb
    local line n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        line=${line%%#*}
        [[ $line =~ ^[[:space:]]*$ ]] && continue
        # Physical-only lines (simulated hypervisors) have no effect on logical flows.
        [[ $line =~ ^[[:space:]]*(as[[:space:]]|ovs-) ]] && continue
        [[ $line =~ ^[[:space:]]*mac-binding-add ]] && ovn-nbctl --wait=sb sync
        [[ $line =~ ^[[:space:]]*ovn-sbctl ]] && ovn-nbctl --wait=sb sync
        if ! eval "$line" >/dev/null; then
            echo "$src:$n: failed: $line" >&2
            return 1
        fi
        if [[ $line =~ ^[[:space:]]*ovn-sbctl[[:space:]]+chassis-add[[:space:]]+([^[:space:]]+) ]]; then
            ovn-sbctl set Chassis "${BASH_REMATCH[1]}" "${FEATURES[@]}"
        fi
    done <"$src"
    ovn-nbctl --wait=sb sync
    if [ -n "$out" ]; then
        ovn-trace --db="$sb" no-such-datapath 'eth.type == 0x800' 2>&1 >/dev/null \
            | sed -n 's/^.*|ovntrace|WARN|//p' >"$out/$name.txt"
        return 0
    fi
    ovn-sbctl lflow-list >"$DIR/$name/lflows.txt"
    # ovn-trace parses every flow when it loads the SB and warns about any it cannot parse (real
    # northd does write a few): keep those warnings as the expected parse failures.
    ovn-trace --db="$sb" no-such-datapath 'eth.type == 0x800' 2>&1 >/dev/null \
        | sed -n 's/^.*|ovntrace|WARN|//p' >"$DIR/$name/ovn-trace-warnings.txt"
    # traces.txt: "LABEL [ovn-trace options] DATAPATH 'MICROFLOW'" a line; each is saved as ovn-trace
    # --detailed prints it, to check that actions print as ovn-trace prints them.
    if [ -f "$DIR/$name/traces.txt" ]; then
        rm -rf "$DIR/$name/traces"
        mkdir -p "$DIR/$name/traces"
        local label args
        while read -r label args; do
            [[ -z $label || $label == \#* ]] && continue
            eval "ovn-trace --db=\"\$sb\" --detailed $args" >"$DIR/$name/traces/$label.detailed.txt" 2>/dev/null
        done <"$DIR/$name/traces.txt"
    fi
    echo "$name: $(grep -c 'table=' "$DIR/$name/lflows.txt") flows"
}

stop_daemons() {
    local pf pid
    for pf in "$TMPD"/*.pid; do
        [ -f "$pf" ] || continue
        pid=$(cat "$pf")
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -TERM "$pid" 2>/dev/null
        rm -f "$pf"
    done
    sleep 0.2
}

# The fuzz golden: real action strings and mutants of them, loaded straight into a SB (no northd) as
# Logical_Flow rows of ingress table 10; ovn-trace's warnings say which it rejects and why.
run_fuzz() {
    local dir=$DIR/fuzz sb=unix:$TMPD/sb.sock
    mkdir -p "$dir"
    "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/action-mutants.ts" "$dir/actions.txt" || return 1
    rm -f "$TMPD"/fmt-*.json
    # Real northd fills the SB DHCP_Options and DHCPv6_Options tables ovn-trace parses options with;
    # it must then stop, or it would delete the flows below.
    echo >"$TMPD/empty.nbctl"
    run_topology fuzz-empty "$TMPD/empty.nbctl" "$TMPD" || return 1
    local pid
    pid=$(cat "$TMPD/northd.pid")
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -TERM "$pid"
    rm -f "$TMPD/northd.pid"
    sleep 0.3
    ovsdb-client transact "$sb" '["OVN_Southbound", {"op": "insert", "table": "Datapath_Binding",
        "row": {"tunnel_key": 1, "external_ids": ["map", [["name", "dp1"]]]}}]' >/dev/null
    local dp
    dp=$(ovsdb-client transact "$sb" '["OVN_Southbound", {"op": "select", "table": "Datapath_Binding", "where": []}]' \
        | sed -n 's/.*"_uuid":\["uuid","\([0-9a-f-]*\)"\].*/\1/p')
    # Once as flows of ingress table 10, once of egress table 28 (the last: next and ct_* differ there).
    fuzz_verdicts "$dir" "$sb" "$dp" ingress 10 "$dir/ovn-trace-warnings.txt" || return 1
    fuzz_verdicts "$dir" "$sb" "$dp" egress 28 "$dir/ovn-trace-warnings-egress-28.txt" || return 1
    fuzz_formats "$dir" "$sb" "$dp"
}

# fuzz_verdicts DIR SB DP PIPELINE TABLE OUT: every string as a flow of PIPELINE table TABLE; OUT gets
# ovn-trace's warnings about the ones it cannot parse.
fuzz_verdicts() {
    local dir=$1 sb=$2 dp=$3 pipeline=$4 table=$5 out=$6
    rm -f "$TMPD"/txn-*.json
    # One transaction per 200 rows: ovsdb-client takes the transaction as one argument.
    node -e '
        const fs = require("fs");
        const [file, tmp, dp, pipeline, table] = process.argv.slice(1);
        const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
        for (let i = 0; i < lines.length; i += 200) {
            const ops = lines.slice(i, i + 200).map((actions, j) => ({
                op: "insert", table: "Logical_Flow",
                row: { logical_datapath: ["uuid", dp], pipeline, table_id: Number(table),
                       priority: i + j, match: "1", actions } }));
            if (i === 0) ops.unshift({ op: "delete", table: "Logical_Flow", where: [] });
            fs.writeFileSync(`${tmp}/txn-${String(i).padStart(6, "0")}.json`, JSON.stringify(["OVN_Southbound", ...ops]));
        }' "$dir/actions.txt" "$TMPD" "$dp" "$pipeline" "$table"
    local txn rows
    for txn in "$TMPD"/txn-*.json; do
        ovsdb-client transact "$sb" "$(cat "$txn")" >/dev/null || return 1
    done
    rows=$(ovsdb-client transact "$sb" '["OVN_Southbound", {"op": "select", "table": "Logical_Flow",
        "where": [], "columns": ["priority"]}]' | grep -o '"priority"' | wc -l)
    if [ "$rows" != "$(wc -l <"$dir/actions.txt")" ]; then
        echo "fuzz: only $rows Logical_Flow rows were inserted" >&2
        return 1
    fi
    ovn-trace --db="$sb" no-such-datapath 'eth.type == 0x800' 2>&1 >/dev/null \
        | sed -n 's/^.*|ovntrace|WARN|//p' | sort -u >"$out"
    echo "fuzz: $rows action strings in $pipeline table $table, $(wc -l <"$out") rejected by ovn-trace"
}

# How ovn-trace prints the accepted ones: each becomes the only flow of ingress table 0 for one source
# MAC, and `ovn-trace --detailed` of a packet from that MAC prints its actions one by one.
fuzz_formats() {
    local dir=$1 sb=$2 dp=$3
    node -e '
        const fs = require("fs");
        const [dir, tmp, dp] = process.argv.slice(1);
        const rejected = new Set(fs.readFileSync(`${dir}/ovn-trace-warnings.txt`, "utf8").split("\n")
            .map((l) => l.replace(/: parsing actions failed \(.*\)$/, "")));
        const accepted = fs.readFileSync(`${dir}/actions.txt`, "utf8").split("\n")
            .filter((l) => l !== "" && !rejected.has(l));
        const mac = (i) => `00:00:00:00:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`;
        const flows = accepted.map((actions, i) => ({ op: "insert", table: "Logical_Flow",
            row: { logical_datapath: ["uuid", dp], pipeline: "ingress", table_id: 0, priority: 100,
                   match: `eth.src == ${mac(i)}`, actions,
                   external_ids: ["map", [["stage-name", "ls_in_fuzz"], ["source", "northd.c:1"]]] } }));
        const txns = [[{ op: "delete", table: "Logical_Flow", where: [] },
            { op: "insert", table: "Port_Binding", row: { logical_port: "p1", tunnel_key: 1, datapath: ["uuid", dp] } }]];
        for (let i = 0; i < flows.length; i += 200) txns.push(flows.slice(i, i + 200));
        txns.forEach((ops, k) => fs.writeFileSync(`${tmp}/fmt-${String(k).padStart(4, "0")}.json`,
            JSON.stringify(["OVN_Southbound", ...ops])));
        fs.writeFileSync(`${tmp}/accepted.txt`, accepted.map((a, i) => `${mac(i)}\t${a}`).join("\n") + "\n");
    ' "$dir" "$TMPD" "$dp"
    local txn mac actions n=0
    for txn in "$TMPD"/fmt-*.json; do
        ovsdb-client transact "$sb" "$(cat "$txn")" >/dev/null || return 1
    done
    : >"$dir/ovn-trace-formats.txt"
    # Actions add prerequisites to the match (arp.op needs arp …): try packets of several kinds.
    local kinds=(
        'ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && ip.ttl == 64 && udp.src == 1 && udp.dst == 2'
        'eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && arp.spa == 10.0.0.1 && arp.tpa == 10.0.0.2 && arp.tha == 00:00:00:00:00:00'
        'ip6.src == fe80::1 && ip6.dst == fe80::2 && ip.ttl == 64 && udp.src == 546 && udp.dst == 547'
        'ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && ip.ttl == 64 && tcp.src == 1 && tcp.dst == 2 && tcp.flags == 2'
        'ip6.src == fe80::1 && ip6.dst == ff02::1:ff00:2 && ip.ttl == 255 && icmp6.type == 135 && icmp6.code == 0 && nd.target == fe80::2 && nd.sll == 00:00:00:00:00:09'
        'ip6.src == fe80::1 && ip6.dst == fe80::2 && ip.ttl == 255 && icmp6.type == 136 && icmp6.code == 0 && nd.target == fe80::1 && nd.tll == 00:00:00:00:00:09'
        'ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0'
        'ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && ip.ttl == 64 && sctp.src == 1 && sctp.dst == 2'
        'ip6.src == fe80::1 && ip6.dst == fe80::2 && ip.ttl == 64 && tcp.src == 1 && tcp.dst == 2'
    )
    printf '%s\n' "${kinds[@]}" >"$dir/packet-kinds.txt"
    local k out
    while IFS=$'\t' read -r mac actions; do
        n=$((n + 1))
        printf '=== %s\n' "$actions" >>"$dir/ovn-trace-formats.txt"
        for k in "${!kinds[@]}"; do
            # Some actions make ovn-trace abort (e.g. check_out_port_sec with no outport): it prints nothing.
            out=$(timeout 10 ovn-trace --db="$sb" --detailed dp1 \
                "inport == \"p1\" && eth.src == $mac && ${kinds[$k]}" 2>/dev/null \
                | sed -n '/^ 0\. ls_in_fuzz (/,/^[^ ]/p' | grep -v '^[^ ]')
            if [ -n "$out" ]; then
                # The first kind of packet (packet-kinds.txt, from 0) that the flow matched.
                printf -- '--- %s\n%s\n' "$k" "$out" >>"$dir/ovn-trace-formats.txt"
                break
            fi
        done
    done <"$TMPD/accepted.txt"
    echo "fuzz: $n accepted action strings traced"
}

names=("$@")
status=0
if [ "${1:-}" = fuzz ]; then
    run_fuzz
    exit
fi
if [ ${#names[@]} = 0 ]; then
    for d in "$DIR"/*/; do [ -f "$d/topology.nbctl" ] && names+=("$(basename "$d")"); done
    run_fuzz || status=1
    # The switch goldens of test/golden/ (made by scripts/gen-goldens.sh): which of their flows real
    # ovn-trace cannot parse either.
    mkdir -p "$DIR/golden-warnings"
    for d in "$ROOT"/test/golden/*/; do
        [ -f "$d/script.nbctl" ] || continue
        run_topology "$(basename "$d")" "$d/script.nbctl" "$DIR/golden-warnings" || status=1
    done
fi
for name in "${names[@]}"; do
    run_topology "$name" || status=1
done
exit $status
