#!/usr/bin/env bash
# gen-expr-goldens.sh - record what REAL ovn-trace 23.03 prints first for each microflow in
# test/golden-expr/microflows.txt (the "# tcp,reg14=…" header, or its error), on the topology in
# test/golden-expr/topology.nbctl. Output: test/golden-expr/microflows.out, two lines a microflow:
# "> MICROFLOW" then "< FIRST LINE". Runs ovsdb-server x2 + ovn-northd in a private temp dir.
#
# Then a differential fuzz golden, test/golden-expr/fuzz/: every distinct match of the real lflow
# dumps (test/golden/*/lflows.txt, test/golden-expr/gateway-lflows.txt) and deterministic mutants of
# them (matches.txt) are loaded as Logical_Flow rows into a SB with no northd running; ovn-trace's
# "parsing expression failed" warnings (warnings.txt) say which real OVN rejects and why. A sample is
# also traced as microflows (microflows.out, same format as above) on datapath dp1 (port p1, key 1).
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

# ---------------------------------------------------------------- fuzz
FUZZ=$DIR/fuzz
mkdir -p "$FUZZ"
node -e '
    const fs = require("fs"), path = require("path");
    const [root, out] = process.argv.slice(1);
    const dumps = [path.join(root, "test/golden-expr/gateway-lflows.txt")];
    const golden = path.join(root, "test/golden");
    for (const d of fs.existsSync(golden) ? fs.readdirSync(golden).sort() : []) {
        const f = path.join(golden, d, "lflows.txt");
        if (fs.existsSync(f)) dumps.push(f);
    }
    const real = new Set();
    for (const f of dumps) for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        const a = line.indexOf("match=("), b = line.lastIndexOf("), action=(");
        if (a !== -1 && b > a) real.add(line.slice(a + 7, b));
    }
    const base = [...real].sort();
    // A fixed LCG, so that the mutants are the same on every run.
    let seed = 12345;
    const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const pieces = [" ", "(", ")", "{", "}", "!", "&&", "||", "==", "!=", "<", ">=", "[", "]", "..", "0", "1",
        "65536", "0x", "0xfffff", "1.2.3.4", "::1", "01", "\"x\"", "$as1", "@pg1", "reg0", "ip4", "tcp.dst",
        "inport", ",", "/", "/8", ".", "&", "|", "#", "is_chassis_resident(", "\"", "\\", "x", "18446744073709551616",
        "reg0[", "ip4.src", "eth.type", "outport ==", "ff:ff:ff:ff:ff:ff", "10.0.0.0/255.0.255.0", "$nosuchset", "@nosuchpg"];
    const mutate = (s) => {
        if (rnd(2) === 0 && s.length > 0) {
            const at = rnd(s.length), len = 1 + rnd(3);
            return s.slice(0, at) + s.slice(at + len);
        }
        const at = rnd(s.length + 1);
        return s.slice(0, at) + pieces[rnd(pieces.length)] + s.slice(at);
    };
    const all = new Set(base);
    for (let i = 0; i < 3000; i++) {
        let m = base[rnd(base.length)];
        const n = 1 + rnd(2);
        for (let k = 0; k < n; k++) m = mutate(m);
        if (m.trim() !== "") all.add(m);
    }
    fs.writeFileSync(path.join(out, "matches.txt"), [...all].join("\n") + "\n");
    // The sets the matches name, so that a known name is not what rejects them.
    const names = new Set([...all].join(" ").match(/[$@][A-Za-z_.][A-Za-z_.0-9]*/g) || []);
    names.add("$as1"); names.add("@pg1");
    const sets = { addressSets: {}, portGroups: {} };
    for (const n of [...names].sort()) {
        if (n === "$nosuchset" || n === "@nosuchpg") continue;
        if (n[0] === "$") sets.addressSets[n.slice(1)] = n.endsWith("_ip6") ? ["fd00::1", "fd00::/64"] : ["10.0.0.1", "10.1.0.0/16"];
        else sets.portGroups["1_" + n.slice(1)] = ["p1"];
    }
    // One set a line: "address_set NAME VALUE..." or "port_group NAME PORT...".
    const text = [...Object.entries(sets.addressSets).map(([n, v]) => ["address_set", n, ...v].join(" ")),
        ...Object.entries(sets.portGroups).map(([n, v]) => ["port_group", n, ...v].join(" "))];
    fs.writeFileSync(path.join(out, "sets.txt"), text.join("\n") + "\n");
' "$ROOT" "$FUZZ"
# A SB with one datapath, one port, the sets, and the flows; northd stopped so that it keeps them.
pid=$(cat "$TMPD/northd.pid")
tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$TMPD/" && kill -TERM "$pid"
rm -f "$TMPD/northd.pid"
sleep 0.3
reply=$(ovsdb-client transact "$sb" '["OVN_Southbound",
    {"op": "delete", "table": "Logical_Flow", "where": []},
    {"op": "delete", "table": "Logical_DP_Group", "where": []},
    {"op": "delete", "table": "Multicast_Group", "where": []},
    {"op": "delete", "table": "IP_Multicast", "where": []},
    {"op": "delete", "table": "Load_Balancer", "where": []},
    {"op": "delete", "table": "MAC_Binding", "where": []},
    {"op": "delete", "table": "Port_Binding", "where": []},
    {"op": "delete", "table": "Datapath_Binding", "where": []},
    {"op": "insert", "table": "Datapath_Binding", "uuid-name": "dp",
     "row": {"tunnel_key": 1, "external_ids": ["map", [["name", "dp1"]]]}},
    {"op": "insert", "table": "Port_Binding", "row": {"logical_port": "p1", "tunnel_key": 1, "datapath": ["named-uuid", "dp"]}}]')
case $reply in *'"error"'*) echo "fuzz: could not empty the SB: $reply" >&2; exit 1 ;; esac
dp=$(ovsdb-client transact "$sb" '["OVN_Southbound", {"op": "select", "table": "Datapath_Binding",
    "where": [["tunnel_key", "==", 1]]}]' | sed -n 's/.*"_uuid":\["uuid","\([0-9a-f-]*\)"\].*/\1/p')
node -e '
    const fs = require("fs");
    const [dir, tmp, dp] = process.argv.slice(1);
    const sets = { addressSets: {}, portGroups: {} };
    for (const line of fs.readFileSync(`${dir}/sets.txt`, "utf8").split("\n").filter((l) => l !== "")) {
        const [kind, name, ...values] = line.split(" ");
        (kind === "address_set" ? sets.addressSets : sets.portGroups)[name] = values;
    }
    // northd made svc_monitor_mac; the sets are replaced by ours (names are unique).
    const ops = [{ op: "delete", table: "Address_Set", where: [] }, { op: "delete", table: "Port_Group", where: [] }];
    for (const [name, addrs] of Object.entries(sets.addressSets))
        ops.push({ op: "insert", table: "Address_Set", row: { name, addresses: ["set", addrs] } });
    for (const [name, ports] of Object.entries(sets.portGroups))
        ops.push({ op: "insert", table: "Port_Group", row: { name, ports: ["set", ports] } });
    const lines = fs.readFileSync(`${dir}/matches.txt`, "utf8").split("\n").filter((l) => l !== "");
    lines.forEach((match, i) => ops.push({ op: "insert", table: "Logical_Flow",
        row: { logical_datapath: ["uuid", dp], pipeline: "ingress", table_id: 0, priority: i, match, actions: "next;" } }));
    for (let i = 0; i < ops.length; i += 200)
        fs.writeFileSync(`${tmp}/fuzz-${String(i).padStart(6, "0")}.json`, JSON.stringify(["OVN_Southbound", ...ops.slice(i, i + 200)]));
' "$FUZZ" "$TMPD" "$dp"
for txn in "$TMPD"/fuzz-*.json; do
    # ovsdb-client exits 0 even when the transaction fails: look for an error in its reply.
    if ovsdb-client transact "$sb" "$(cat "$txn")" | grep -q '"error"'; then echo "fuzz: insert failed" >&2; exit 1; fi
done
ovn-trace --db="$sb" dp1 'inport == "p1"' 2>&1 >/dev/null \
    | sed -n 's/^.*|ovntrace|WARN|//p' | sort -u > "$FUZZ/warnings.txt"
echo "fuzz: $(wc -l < "$FUZZ/matches.txt") matches, $(grep -c 'parsing expression failed' "$FUZZ/warnings.txt") rejected by ovn-trace"
{
    n=0
    while IFS= read -r m; do
        n=$((n + 1))
        [ $((n % 9)) = 0 ] || continue
        flow="inport == \"p1\" && $m"
        out=$(timeout 10 ovn-trace --db="$sb" --minimal dp1 "$flow" 2>/dev/null | head -n 1)
        printf '> %s\n< %s\n' "$flow" "$out"
    done < "$FUZZ/matches.txt"
} > "$FUZZ/microflows.out"
echo "fuzz: $(grep -c '^>' "$FUZZ/microflows.out") microflows traced"
