// `ovs-appctl ofproto/trace [--ct-next FLAGS]… BRIDGE FLOW` (ofproto-dpif-trace.c): translate the packet,
// then every recirculation a ct(table=N) forked, resumed with the next --ct-next state (default trk|new).
import { fieldByName, parseFlow as parseOfctlFlow, prereqsOk } from '../flow/index.ts';
import type { Bridge, OvsSwitch } from '../switch/model.ts';
import { bridgeBacker } from '../switch/reconfigure.ts';
import { newCtx, type RecircNode } from '../xlate/context.ts';
import { formatOdpActions, optimizeTrailingClone } from '../xlate/odp.ts';
import { isIpAny, samePacket, type Packet } from '../xlate/packet.ts';
import { xlateActionSet, xlateTableAction } from '../xlate/xlate.ts';
import { flowFormat, formatFlagsMasked, matchFormat } from './match-format.ts';
import type { TracePass, TraceResult } from './types.ts';

const CT_BITS: Record<string, bigint> = {
  new: 1n,
  est: 2n,
  rel: 4n,
  rpl: 8n,
  inv: 0x10n,
  trk: 0x20n,
  snat: 0x40n,
  dnat: 0x80n,
};
const CT_NAMES = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'];
const NETDEV_MAX_BACKLOG = 1000;

export type TraceOutcome = { ok: true; result: TraceResult } | { ok: false; error: string };

function parseCtState(s: string): bigint | string {
  let v = 0n;
  for (const f of s.split(',')) {
    const bit = CT_BITS[f.trim()];
    if (bit === undefined) return `${s}: unknown connection tracking state flag`;
    v |= bit;
  }
  return v;
}

interface Args {
  ctNext: bigint[];
  names: boolean;
  bridge: string;
  flow: string;
}

function parseArgs(args: string[]): Args | string {
  const ctNext: bigint[] = [];
  let names = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--ct-next') {
      const v = args[++i];
      if (v === undefined) return 'Missing argument for option --ct-next';
      const st = parseCtState(v);
      if (typeof st === 'string') return st;
      ctNext.push(st);
    } else if (a === '--names') names = true;
    else if (a === '--no-names') names = false;
    else if (a === '-generate' || a === '--generate') continue;
    else rest.push(a);
  }
  if (rest.length !== 2) return '"ofproto/trace" command requires at least 1 arguments';
  return { ctNext, names, bridge: rest[0], flow: rest[1] };
}

/** The microflow as a packet: every field given exactly (parse_ofp_exact_flow). */
function parseFlow(br: Bridge, text: string): Packet | string {
  const r = parseOfctlFlow(text, {
    command: 'dump',
    portByName: (name: string) => {
      for (const [n, i] of br.byOfport) if (i.name === name) return n;
      return undefined;
    },
  });
  if (!r.ok) return `Bad openflow flow syntax: ${text}: ${r.error}`;
  // the microflow gives each field exactly (parse_ofp_exact_flow)
  for (const kv of text.split(',')) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    const key = kv.slice(0, eq).trim();
    const value = kv.slice(eq + 1).trim();
    if (/^[+-]/.test(value) || value.includes('/'))
      return `Bad openflow flow syntax: ${text}: bad value for ${key} (${value}: wildcards not allowed here)`;
  }
  for (const kv of text.split(',')) {
    const key = kv.split('=')[0].trim();
    const f = fieldByName(key);
    if (f && !prereqsOk(f.prereqs, r.flow.match))
      return `Bad openflow flow syntax: ${text}: prerequisites not met for setting ${key}`;
  }
  const pkt: Packet = {};
  for (const [slot, e] of Object.entries(r.flow.match.slots)) pkt[slot] = e.value;
  return pkt;
}

function runPass(
  sw: OvsSwitch,
  br: Bridge,
  flow: Packet,
  names: boolean,
  startTable: number,
  thaw: boolean,
): { pass: TracePass; queue: RecircNode[] } {
  const ctx = newCtx(sw, br, bridgeBacker(sw, br), flow);
  const initial = { ...ctx.flow };
  // xlate_wc_init: what every megaflow matches
  ctx.wc.recirc_id = 0xffffffffn;
  ctx.wc.in_port = 0xffffffffn;
  ctx.wc.eth_type = 0xffffn;
  if (isIpAny(ctx.flow)) ctx.wc.nw_frag = 3n;
  if (ctx.flow.tun_dst) {
    ctx.wc.tun_id = 0xffffffffffffffffn;
    ctx.wc.tun_src = 0xffffffffn;
    ctx.wc.tun_dst = 0xffffffffn;
    ctx.wc.tun_flags = 0x7n;
    ctx.wc.tun_tos = 0xffn;
  }
  const root = { type: 'bridge' as const, text: `bridge("${br.name}")`, subs: [], depth: 0 };
  ctx.trace = root.subs;
  if (thaw) {
    const t = { type: 'thaw' as const, text: 'thaw', subs: [], depth: 0 };
    t.subs.push({ type: 'thaw' as const, text: `Resuming from table ${startTable}`, subs: [], depth: 0 } as never);
    root.subs.push(t as never);
    ctx.conntracked = true;
  }
  ctx.tableId = startTable;
  xlateTableAction(ctx, Number(ctx.flow.in_port ?? 0n), startTable, true, names, true);
  if (!ctx.freezing && !ctx.error) xlateActionSet(ctx, names);
  optimizeTrailingClone(ctx.odp);
  // a failed translation leaves xlate_actions before xlate_wc_finish
  if (!ctx.error) wcFinish(ctx.wc, ctx.flow, initial);
  const slowPath: string[] = [];
  if (!ctx.error) {
    if (ctx.odp.size > 65535 - 4) slowPath.push('Uses action(s) not supported by datapath');
    else if (ctx.odp.size / 4 > NETDEV_MAX_BACKLOG && ctx.odp.countOutputs() > NETDEV_MAX_BACKLOG)
      slowPath.push('Uses action(s) not supported by datapath');
  }
  const portName = names ? (n: number) => br.byOfport.get(n)?.name : undefined;
  const pass: TracePass = {
    recircId: Number(flow.recirc_id ?? 0n),
    flow: flowFormat(initial, portName),
    nodes: [root],
    finalFlow: samePacket(initial, ctx.flow) ? 'unchanged' : flowFormat(ctx.flow, portName),
    megaflow: matchFormat({ ...flow, recirc_id: flow.recirc_id ?? 0n }, ctx.wc, portName),
    datapathActions: ctx.error ? 'drop' : formatOdpActions(ctx.odp.actions),
    datapathActionsBytes: ctx.odp.size,
    slowPath,
  };
  if (ctx.error) pass.error = ctx.error;
  return { pass, queue: ctx.recircQueue };
}

/** xlate_wc_finish: registers and metadata are never in a megaflow; ICMP type/code are 8 bits. */
function wcFinish(wc: Record<string, bigint>, flow: Packet, original: Packet): void {
  for (const k of Object.keys(wc)) if (/^(reg\d+|metadata|conj_id|actset_output)$/.test(k)) delete wc[k];
  const p = flow.nw_proto;
  if ((flow.eth_type === 0x0800n && p === 1n) || (flow.eth_type === 0x86ddn && p === 58n)) {
    if (wc.tp_src) wc.tp_src &= 0xffn;
    if (wc.tp_dst) wc.tp_dst &= 0xffn;
  }
  if (wc.vlan_tci) wc.vlan_tci |= 0x1000n;
  if (wc.vlan_tci1) wc.vlan_tci1 |= 0x1000n;
  // VLAN headers and a tunnel the packet did not arrive with are not part of its megaflow
  if (!((original.vlan_tci ?? 0n) & 0x1000n)) delete wc.vlan_tci;
  if (!((original.vlan_tci ?? 0n) & 0x1000n) || !((original.vlan_tci1 ?? 0n) & 0x1000n)) delete wc.vlan_tci1;
  if (!original.tun_dst) for (const k of Object.keys(wc)) if (k.startsWith('tun_')) delete wc[k];
}

export function ofprotoTrace(sw: OvsSwitch, args: string[]): TraceOutcome {
  const a = parseArgs(args);
  if (typeof a === 'string') return { ok: false, error: a };
  const br = sw.bridges.get(a.bridge);
  if (!br) return { ok: false, error: `${a.bridge}: unknown bridge` };
  const flow = parseFlow(br, a.flow);
  if (typeof flow === 'string') return { ok: false, error: flow };
  const passes: TracePass[] = [];
  const first = runPass(sw, br, flow, a.names, 0, false);
  passes.push(first.pass);
  const queue = [...first.queue];
  const ctNext = [...a.ctNext];
  while (queue.length) {
    const node = queue.shift() as RecircNode;
    const f: Packet = { ...node.flow, recirc_id: BigInt(node.recircId), ct_zone: BigInt(node.zone) };
    let resume: string;
    const next = ctNext.shift();
    if (next === undefined) {
      f.ct_state = 0x21n;
      resume = 'resume conntrack with default ct_state=trk|new (use --ct-next to customize)';
    } else {
      f.ct_state = next;
      resume = `resume conntrack with ct_state=${formatFlagsMasked(CT_NAMES, next, 0xffn, 0xffn)}`;
    }
    const natLines = node.nat ? simulateNat(f, node.nat) : undefined;
    const r = runPass(sw, node.bridge, f, a.names, node.table, true);
    r.pass.resume = resume;
    if (natLines) r.pass.natLines = natLines;
    passes.push(r.pass);
    queue.push(...r.queue);
  }
  return { ok: true, result: { passes } };
}

function ipFlow(f: Packet): string {
  if (f.eth_type === 0x0800n) {
    const ip = (v: bigint | undefined): string =>
      [24n, 16n, 8n, 0n].map((s) => String(((v ?? 0n) >> s) & 0xffn)).join('.');
    return `nw_src=${ip(f.nw_src)},tp_src=${f.tp_src ?? 0n},nw_dst=${ip(f.nw_dst)},tp_dst=${f.tp_dst ?? 0n}`;
  }
  return '';
}

/** "Replacing src/dst IP/ports to simulate NAT": the first address and port of the nat range. */
function simulateNat(f: Packet, nat: NonNullable<RecircNode['nat']>): string[] {
  if (nat.type !== 'nat') return [];
  const lines = [
    'Replacing src/dst IP/ports to simulate NAT:',
    ` Initial flow: ${nat.addrMin === undefined ? '' : ipFlow(f)}`,
  ];
  if (nat.addrMin !== undefined && !nat.ipv6) {
    if (nat.kind === 'src') {
      f.nw_src = nat.addrMin;
      if (nat.portMin) f.tp_src = BigInt(nat.portMin);
    } else if (nat.kind === 'dst') {
      f.nw_dst = nat.addrMin;
      if (nat.portMin) f.tp_dst = BigInt(nat.portMin);
    }
  }
  lines.push(` Modified flow: ${nat.addrMin === undefined ? '' : ipFlow(f)}`);
  return lines;
}
