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
#
# Last, an evaluation golden, test/golden-expr/eval/: every distinct real match becomes the priority-100
# flow of one ingress table (28 per datapath, a priority-1 "1" flow beside it), and real packets (the
# golden traces' microflows, some with conntrack state and registers added) are traced through every
# datapath by one ovn-trace daemon; which flow each table picked says whether real OVN's evaluator
# matched. Port names are suffixed "~K" in datapath K (logical_port is unique in the SB).
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
        pid=$(cat "$pf" 2>/dev/null) || continue
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

# ---------------------------------------------------------------- eval
EVAL=$DIR/eval
mkdir -p "$EVAL"
node -e '
    const fs = require("fs"), path = require("path");
    const [root, out] = process.argv.slice(1);
    const dumps = [path.join(root, "test/golden-expr/gateway-lflows.txt")];
    const golden = path.join(root, "test/golden");
    const packets = new Set();
    for (const d of fs.existsSync(golden) ? fs.readdirSync(golden).sort() : []) {
        const f = path.join(golden, d, "lflows.txt");
        if (fs.existsSync(f)) dumps.push(f);
        const t = path.join(golden, d, "traces");
        for (const a of fs.existsSync(t) ? fs.readdirSync(t).sort() : []) {
            if (!a.endsWith(".args.json")) continue;
            const pos = JSON.parse(fs.readFileSync(path.join(t, a), "utf8")).filter((x) => !x.startsWith("--"));
            if (pos.length === 2) packets.add(pos[1]);
        }
    }
    const real = new Set();
    for (const f of dumps) for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        const a = line.indexOf("match=("), b = line.lastIndexOf("), action=(");
        if (a !== -1 && b > a) real.add(line.slice(a + 7, b));
    }
    const matches = [...real].sort();
    const base = [...packets];
    const extras = [" && ct.trk && ct.est", " && ct.trk && ct.new && reg0[1] == 1 && reg0[4..7] == 0x9",
        " && ct.trk && ct.est && ct.rpl && ct_mark.blocked == 1 && ct_label.natted == 1 && ct_mark.natted == 1",
        " && flags.loopback == 1 && reg9[2] == 1 && reg8[16] == 1 && reg0[6] == 1"];
    base.slice(0, 40).forEach((p, i) => packets.add(p + extras[i % extras.length]));
    fs.writeFileSync(path.join(out, "matches.txt"), matches.join("\n") + "\n");
    fs.writeFileSync(path.join(out, "packets.txt"), [...packets].join("\n") + "\n");
    // Ports of every datapath: the names in its matches and every packet inport, all suffixed.
    const PER_DP = 28;
    const quoted = (s) => (s.match(/"(?:[^"\\]|\\.)*"/g) || []).map((q) => JSON.parse(q));
    const ips = [...new Set([...packets].join(" ").match(/\b\d+\.\d+\.\d+\.\d+\b/g) || [])].sort();
    const ip6s = [...new Set([...packets].join(" ").match(/\bfd[0-9a-f:]*::[0-9a-f]+\b/g) || [])].sort();
    const sb = [];
    const setNames = new Set(), pgNames = new Set();
    for (const m of matches) {
        for (const n of m.match(/\$[A-Za-z_.][A-Za-z_.0-9]*/g) || []) setNames.add(n.slice(1));
        for (const n of m.match(/@[A-Za-z_.][A-Za-z_.0-9]*/g) || []) pgNames.add(n.slice(1));
    }
    [...setNames].sort().forEach((n, i) => sb.push(["address_set", n, ...(n.endsWith("_ip6") ? ip6s : i % 2 ? ["192.0.2.1"] : ips)].join(" ")));
    for (let k = 0; k * PER_DP < matches.length; k++) {
        sb.push(`datapath d${k} ${k + 1}`);
        const names = new Set();
        for (const m of matches.slice(k * PER_DP, (k + 1) * PER_DP)) quoted(m).forEach((n) => names.add(n));
        for (const p of packets) quoted(p).forEach((n) => names.add(n));
        let port = 1, mc = 32768;
        const ports = [];
        for (const n of [...names].sort()) {
            if (n === "" || n === "none") continue;
            if (n.startsWith("_MC_")) sb.push(`mcgroup ${n}~${k} ${mc++}`);
            else { sb.push(`port ${n}~${k} ${port++}`); ports.push(`${n}~${k}`); }
        }
        for (const g of [...pgNames].sort()) sb.push(["port_group", `${k + 1}_${g}`, ...ports.filter((_, i) => i % 2 === 0)].join(" "));
    }
    fs.writeFileSync(path.join(out, "sb.txt"), sb.join("\n") + "\n");
' "$ROOT" "$EVAL"
reply=$(ovsdb-client transact "$sb" '["OVN_Southbound",
    {"op": "delete", "table": "Logical_Flow", "where": []},
    {"op": "delete", "table": "Address_Set", "where": []},
    {"op": "delete", "table": "Port_Group", "where": []},
    {"op": "delete", "table": "Multicast_Group", "where": []},
    {"op": "delete", "table": "Port_Binding", "where": []},
    {"op": "delete", "table": "Datapath_Binding", "where": []}]')
case $reply in *'"error"'*) echo "eval: could not empty the SB: $reply" >&2; exit 1 ;; esac
rm -f "$TMPD"/eval-*.json
node -e '
    const fs = require("fs");
    const [dir, tmp] = process.argv.slice(1);
    const rewrite = (s, k) => s.replace(/"((?:[^"\\]|\\.)*)"/g, (q, body) => (JSON.parse(q) === "" || JSON.parse(q) === "none" ? q : `"${body}~${k}"`));
    const matches = fs.readFileSync(`${dir}/matches.txt`, "utf8").split("\n").filter((l) => l !== "");
    // One transaction per datapath (its ports, groups and flows), one for the address sets.
    const txns = [[]];
    let ops = txns[0];
    let k = -1;
    for (const line of fs.readFileSync(`${dir}/sb.txt`, "utf8").split("\n").filter((l) => l !== "")) {
        const [kind, name, ...rest] = line.split(" ");
        if (kind === "address_set") ops.push({ op: "insert", table: "Address_Set", row: { name, addresses: ["set", rest] } });
        else if (kind === "port_group") ops.push({ op: "insert", table: "Port_Group", row: { name, ports: ["set", rest] } });
        else if (kind === "datapath") {
            k++;
            ops = [];
            txns.push(ops);
            ops.push({ op: "insert", table: "Datapath_Binding", "uuid-name": `dp${k}`,
                row: { tunnel_key: Number(rest[0]), external_ids: ["map", [["name", name]]] } });
            matches.slice(k * 28, (k + 1) * 28).forEach((m, t) => {
                // ovn-trace leaves out a stage whose flow is "1" and just "next;": the fallback does a no-op
                // more so that it shows; a real match that is constant-true shows as "-".
                for (const [priority, match, actions] of [[100, rewrite(m, k), "next;"], [1, "1", "pkt.mark = 0; next;"]])
                    ops.push({ op: "insert", table: "Logical_Flow", row: { logical_datapath: ["named-uuid", `dp${k}`],
                        pipeline: "ingress", table_id: t, priority, match, actions,
                        external_ids: ["map", [["stage-name", `t${t}`], ["source", "x"]]] } });
            });
        } else if (kind === "port") {
            ops.push({ op: "insert", table: "Port_Binding", row: { logical_port: name, tunnel_key: Number(rest[0]), datapath: ["named-uuid", `dp${k}`] } });
        } else if (kind === "mcgroup") {
            ops.push({ op: "insert", table: "Multicast_Group", row: { name, tunnel_key: Number(rest[0]), datapath: ["named-uuid", `dp${k}`] } });
        }
    }
    txns.forEach((t, i) => fs.writeFileSync(`${tmp}/eval-${String(i).padStart(4, "0")}.json`, JSON.stringify(["OVN_Southbound", ...t])));
' "$EVAL" "$TMPD"
for txn in "$TMPD"/eval-0*.json; do
    reply=$(ovsdb-client transact "$sb" "$(cat "$txn")")
    case $reply in *'"error"'*) echo "eval: SB load failed: ${reply:0:500}" >&2; exit 1 ;; esac
done
ovn-trace --db="$sb" --detach --no-chdir --pidfile="$TMPD/trace.pid" --log-file="$TMPD/trace.log" \
    -vconsole:off --unixctl="$TMPD/trace.ctl"
# Every (packet, datapath) pair as one line "P K FLOW", the packet's port names suffixed for datapath K.
node -e '
    const fs = require("fs");
    const [dir] = process.argv.slice(1);
    const ndp = fs.readFileSync(`${dir}/sb.txt`, "utf8").split("\n").filter((l) => l.startsWith("datapath ")).length;
    const packets = fs.readFileSync(`${dir}/packets.txt`, "utf8").split("\n").filter((l) => l !== "");
    const out = [];
    packets.forEach((p, i) => {
        for (let k = 0; k < ndp; k++) out.push(`${i} ${k} ${p.replace(/"((?:[^"\\]|\\.)*)"/g, (q, b) => `"${b}~${k}"`)}`);
    });
    fs.writeFileSync(process.argv[2], out.join("\n") + "\n");
' "$EVAL" "$TMPD/eval-flows.txt"
while read -r p k flow; do
    out=$(timeout 10 ovs-appctl -t "$TMPD/trace.ctl" trace --detailed "d$k" "$flow" 2>&1)
    case $out in
    "#"*)
        bits=$(printf '%s\n' "$out" | sed -n 's/^ *\([0-9]*\)\. t[0-9]* (x): .*, priority \([0-9]*\), uuid [0-9a-f]*$/\1 \2/p' \
            | awk 'BEGIN { for (i = 0; i < 28; i++) b[i] = "-" } { b[$1] = ($2 == 100 ? "M" : "F") }
                   END { s = ""; for (i = 0; i < 28; i++) s = s b[i]; print s }') ;;
    *) bits=error ;;
    esac
    printf '%s %s %s\n' "$p" "$k" "$bits"
done < "$TMPD/eval-flows.txt" > "$EVAL/results.txt"
echo "eval: $(wc -l < "$EVAL/matches.txt") matches x $(wc -l < "$EVAL/packets.txt") packets traced ($(grep -c error "$EVAL/results.txt") errors)"

