// Output (xlate_output_action / compose_output_action__): to a datapath port, across a patch port into
// the peer bridge, or into a tunnel — natively (tnl_push, then through the underlay bridge that owns the
// route) or kernel-style (set(tunnel(…)) and the shared tunnel vport) when tnl_push_pop is off.
import { OFPP } from '../flow/types.ts';
import {
  TUNNEL_TYPES,
  findInterface,
  portOfInterface,
  tunnelDstPort,
  type Bridge,
  type Interface,
} from '../switch/model.ts';
import { bridgeBacker } from '../switch/reconfigure.ts';
import { commitActions } from './commit.ts';
import { report, type Ctx } from './context.ts';
import { attrSize } from './odp.ts';
import { get, isIpAny, unwildcard, type Packet } from './packet.ts';
import { controllerPacketIn, xlateActionSet, xlateTableAction } from './xlate.ts';
import { formatEth, formatIp4 } from '../trace/match-format.ts';
import { hashInt, hmapOrder } from '../../packet/ovs-hash.ts';

export function xlateOutput(ctx: Ctx, port: number, isLast: boolean, names: boolean, maxLen?: number): void {
  const inPort = Number(get(ctx.flow, 'in_port'));
  switch (port) {
    case OFPP.IN_PORT:
      composeOutput(ctx, inPort, isLast, names);
      return;
    case OFPP.TABLE:
      return;
    case OFPP.CONTROLLER:
      controllerPacketIn(ctx, 0, maxLen ?? 65535);
      return;
    case OFPP.NORMAL:
      xlateNormal(ctx, names);
      return;
    case OFPP.FLOOD:
    case OFPP.ALL:
      // flood_packets walks the bridge's ports in hmap order (hash of the OpenFlow port number), and
      // passes the action's own is_last_action to every output
      for (const n of floodOrder(ctx.bridge)) if (n !== inPort) composeOutput(ctx, n, isLast, names);
      return;
    default:
      if (port === inPort) {
        report(ctx, 'warn', 'skipping output to input port');
        return;
      }
      composeOutput(ctx, port, isLast, names);
  }
}

function floodOrder(br: Bridge): number[] {
  const ports: number[] = [];
  for (const p of br.ports.values()) for (const i of p.interfaces) if (i.ofport !== undefined) ports.push(i.ofport);
  return hmapOrder(ports, (n) => hashInt(n, 0));
}

function composeOutput(ctx: Ctx, port: number, isLast: boolean, names: boolean): void {
  const iface = ctx.bridge.byOfport.get(port);
  if (!iface) {
    report(ctx, 'warn', 'Nonexistent output port');
    return;
  }
  if (iface.type === 'patch') {
    const peer = findInterface(ctx.sw, iface.options.get('peer') ?? '');
    if (!peer || peer.iface.type !== 'patch' || peer.iface.ofport === undefined) return;
    patchPortOutput(ctx, peer.bridge, peer.iface, isLast, names);
    return;
  }
  if (TUNNEL_TYPES.has(iface.type)) {
    tunnelOutput(ctx, iface, isLast, names);
    return;
  }
  if (iface.dpPort === undefined) return;
  commitActions(ctx);
  ctx.odp.output(iface.dpPort, names ? ctx.backer.ports.get(iface.dpPort) : undefined);
}

/** patch_port_output: the packet enters the peer bridge at table 0 with fresh metadata. */
function patchPortOutput(ctx: Ctx, bridge: Bridge, inIface: Interface, isLast: boolean, names: boolean): void {
  const oldFlow = ctx.flow;
  const oldBridge = ctx.bridge;
  const oldBacker = ctx.backer;
  const oldTrace = ctx.trace;
  const oldActionSet = ctx.actionSet;
  const oldConntracked = ctx.conntracked;
  const flow: Packet = { ...oldFlow, in_port: BigInt(inIface.ofport ?? 0), metadata: 0n };
  for (const k of Object.keys(flow)) if (/^(reg\d+|tun_|ct_)/.test(k)) delete flow[k];
  ctx.flow = flow;
  ctx.actionSet = [];
  const node = report(ctx, 'bridge', `bridge("${bridge.name}")`);
  ctx.trace = node.subs;
  ctx.bridge = bridge;
  ctx.backer = bridgeBacker(ctx.sw, bridge);
  xlateTableAction(ctx, inIface.ofport ?? 0, 0, isLast, names);
  if (!ctx.freezing) xlateActionSet(ctx, names);
  ctx.trace = oldTrace;
  ctx.bridge = oldBridge;
  ctx.backer = oldBacker;
  ctx.flow = oldFlow;
  ctx.actionSet = oldActionSet;
  ctx.conntracked = oldConntracked;
  // the peer bridge exiting or failing does not stop this one
  ctx.exit = false;
  ctx.error = undefined;
}

interface TunnelParams {
  tunId: bigint;
  keyFlag: boolean;
  src: bigint;
  dst: bigint;
  ttl: number;
  tos: number;
  dstPort?: number;
  csum: boolean;
  df: boolean;
}

function parseIp4(s: string | undefined): bigint | undefined {
  const m = s?.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (!m) return undefined;
  return m.slice(1).reduce((acc, x) => (acc << 8n) | BigInt(Number(x)), 0n);
}

function tunnelParams(ctx: Ctx, iface: Interface): TunnelParams | undefined {
  const o = iface.options;
  const remote = o.get('remote_ip');
  const dst = remote === 'flow' ? get(ctx.flow, 'tun_dst') : parseIp4(remote);
  if (dst === undefined) return undefined;
  const key = o.get('out_key') ?? o.get('key');
  const keyFlag = key !== undefined;
  const tunId = key === undefined ? 0n : key === 'flow' ? get(ctx.flow, 'tun_id') : BigInt(key);
  const local = o.get('local_ip');
  return {
    tunId,
    keyFlag,
    src: local === 'flow' ? get(ctx.flow, 'tun_src') : (parseIp4(local) ?? 0n),
    dst,
    ttl: o.has('ttl') && o.get('ttl') !== 'inherit' ? Number(o.get('ttl')) : 64,
    tos: o.has('tos') && o.get('tos') !== 'inherit' ? Number(o.get('tos')) : 0,
    dstPort: tunnelDstPort(iface),
    csum: o.get('csum') === 'true',
    df: o.get('df_default') !== 'false',
  };
}

function tunnelOutput(ctx: Ctx, iface: Interface, isLast: boolean, names: boolean): void {
  const p = tunnelParams(ctx, iface);
  if (!p || iface.dpPort === undefined) return;
  // the outer header's ECN comes from the inner packet's
  if (isIpAny(ctx.flow)) unwildcard(ctx.wc, 'nw_tos', 0x03n);
  if (ctx.backer.tnlPushPop) {
    report(ctx, 'detail', 'output to native tunnel');
    nativeTunnelOutput(ctx, iface, p, isLast, names);
    return;
  }
  report(ctx, 'detail', 'output to kernel tunnel');
  commitActions(ctx);
  const parts: string[] = [];
  let size = 0;
  if (p.keyFlag) {
    parts.push(`tun_id=0x${p.tunId.toString(16)}`);
    size += attrSize(8);
  }
  if (p.src) {
    parts.push(`src=${formatIp4(p.src)}`);
    size += attrSize(4);
  }
  parts.push(`dst=${formatIp4(p.dst)}`);
  size += attrSize(4);
  if (p.tos) {
    parts.push(`tos=0x${p.tos.toString(16)}`);
    size += attrSize(1);
  }
  parts.push(`ttl=${p.ttl}`);
  size += attrSize(1);
  if (p.dstPort !== undefined) {
    parts.push(`tp_dst=${p.dstPort}`);
    size += attrSize(2);
  }
  const flags = [p.df ? 'df' : '', p.csum ? 'csum' : '', p.keyFlag ? 'key' : ''].filter(Boolean);
  size += (p.df ? attrSize(0) : 0) + (p.csum ? attrSize(0) : 0);
  parts.push(`flags(${flags.join('|')})`);
  const text = `set(tunnel(${parts.join(',')}))`;
  // commit_odp_tunnel_action: the same tunnel as the last output needs no new set()
  if (ctx.baseTunnel !== text) {
    ctx.odp.put({ kind: 'set', text, size: attrSize(attrSize(size)) });
    ctx.baseTunnel = text;
  }
  ctx.odp.output(iface.dpPort, names ? ctx.backer.ports.get(iface.dpPort) : undefined);
}

/** The underlay route for a tunnel destination (ovs/route/add; longest prefix wins). */
function routeLookup(ctx: Ctx, dst: bigint): { dev: string; src: bigint } | undefined {
  let best: { dev: string; plen: number } | undefined;
  for (const r of ctx.sw.routes) {
    const mask = r.plen ? ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - r.plen)) - 1n) : 0n;
    if ((dst & mask) === (r.prefix & mask) && (!best || r.plen > best.plen)) best = { dev: r.dev, plen: r.plen };
  }
  if (!best) return undefined;
  const addrs = ctx.sw.addresses.get(best.dev) ?? [];
  return { dev: best.dev, src: addrs[0]?.addr ?? 0n };
}

function nativeTunnelOutput(ctx: Ctx, iface: Interface, p: TunnelParams, isLast: boolean, names: boolean): void {
  const route = routeLookup(ctx, p.dst);
  const outBridge = route ? ctx.sw.bridges.get(route.dev) : undefined;
  const outDev = outBridge
    ? [...outBridge.ports.values()].flatMap((x) => x.interfaces).find((i) => i.name === route?.dev)
    : undefined;
  if (!route || !outBridge || !outDev || outDev.dpPort === undefined) {
    report(ctx, 'warn', 'native tunnel routing failed');
    return;
  }
  const dstText = formatIp4(p.dst);
  report(ctx, 'detail', `tunneling to ${dstText} via ${route.dev}`);
  const smac = outBridge.mac;
  const src = p.src || route.src;
  const dmac = ctx.sw.neighbours.get(outBridge.name)?.get(p.dst);
  if (dmac === undefined) {
    report(ctx, 'detail', `neighbor cache miss for ${dstText} on bridge ${outBridge.name}, sending ARP request`);
    return;
  }
  report(ctx, 'detail', `tunneling from ${formatEth(smac)} ${formatIp4(src)} to ${formatEth(dmac)} ${dstText}`);
  const { text: header, len } = tunnelHeader(iface, p, smac, dmac, src);
  const pushText = `tnl_push(tnl_port(${iface.dpPort}),header(${header}),out_port(${outDev.dpPort}))`;
  const pushSize = attrSize(16 + len);
  const nest = isLast ? undefined : ctx.odp.startNested();
  const mark = ctx.odp.actions.length;
  const sizeMark = ctx.odp.size;
  ctx.odp.put({ kind: 'tnl_push', text: pushText, size: pushSize });
  const pushEnd = ctx.odp.size;
  // the encapsulated packet goes through the underlay bridge, translated on its own
  const oldWc = ctx.wc;
  const oldFlow = ctx.flow;
  const oldBase = ctx.base;
  ctx.wc = {};
  const outer: Packet = {
    in_port: BigInt(outDev.ofport ?? OFPP.LOCAL),
    eth_src: smac,
    eth_dst: dmac,
    eth_type: 0x0800n,
    nw_src: src,
    nw_dst: p.dst,
    nw_proto: iface.type === 'gre' ? 47n : 17n,
    nw_ttl: BigInt(p.ttl),
    nw_tos: BigInt(p.tos),
    tp_dst: BigInt(p.dstPort ?? 0),
  };
  ctx.flow = outer;
  ctx.base = { ...outer };
  patchPortOutput(ctx, outBridge, outDev, isLast, names);
  ctx.flow = oldFlow;
  ctx.base = oldBase;
  ctx.wc = oldWc;
  if (ctx.odp.size > pushEnd) {
    if (nest) ctx.odp.endNested(nest);
  } else if (nest) ctx.odp.cancelNested(nest);
  else ctx.odp.truncate(mark, sizeMark);
}

function tunnelHeader(
  iface: Interface,
  p: TunnelParams,
  smac: bigint,
  dmac: bigint,
  src: bigint,
): { text: string; len: number } {
  const eth = `eth(dst=${formatEth(dmac)},src=${formatEth(smac)},dl_type=0x0800)`;
  const proto = iface.type === 'gre' ? 47 : 17;
  const ip = `ipv4(src=${formatIp4(src)},dst=${formatIp4(p.dst)},proto=${proto},tos=${p.tos},ttl=${p.ttl},frag=${p.df ? '0x4000' : '0'})`;
  if (iface.type === 'gre') {
    let flags = 0;
    let len = 14 + 20 + 4;
    const extra: string[] = [];
    if (p.csum) {
      flags |= 0x8000;
      len += 4;
      extra.push('csum=0x0');
    }
    if (p.keyFlag) {
      flags |= 0x2000;
      len += 4;
      extra.push(`key=0x${p.tunId.toString(16)}`);
    }
    const gre = `gre((flags=0x${flags.toString(16)},proto=0x6558)${extra.map((e) => `,${e}`).join('')})`;
    return { text: `size=${len},type=3,${eth},${ip},${gre}`, len };
  }
  const udp = `udp(src=0,dst=${p.dstPort},csum=${p.csum ? '0xffff' : '0x0'})`;
  if (iface.type === 'geneve') {
    return { text: `size=50,type=5,${eth},${ip},${udp},geneve(vni=0x${p.tunId.toString(16)})`, len: 50 };
  }
  return { text: `size=50,type=4,${eth},${ip},${udp},vxlan(flags=0x8000000,vni=0x${p.tunId.toString(16)})`, len: 50 };
}

/** NORMAL: L2 learning switch with VLANs (xlate_normal); without learned MACs it floods. */
function xlateNormal(ctx: Ctx, names: boolean): void {
  const br = ctx.bridge;
  const inIface = br.byOfport.get(Number(get(ctx.flow, 'in_port')));
  const inPort = inIface ? portOfInterface(br, inIface) : undefined;
  if (!inPort || !inIface) return;
  unwildcard(ctx.wc, 'eth_src', 0xffffffffffffn);
  unwildcard(ctx.wc, 'eth_dst', 0xffffffffffffn);
  const tci = get(ctx.flow, 'vlan_tci');
  const tagged = (tci & 0x1000n) !== 0n;
  if (tagged) unwildcard(ctx.wc, 'vlan_tci', 0x1fffn);
  let vlan: number;
  if (inPort.tag !== undefined) {
    if (tagged) {
      const vid = Number(tci & 0xfffn);
      report(
        ctx,
        'error',
        `dropping VLAN ${vid} tagged packet received on port ${inPort.name} configured as VLAN ${inPort.tag} access port`,
      );
      report(ctx, 'warn', 'disallowed VLAN VID for this input port, dropping');
      return;
    }
    vlan = inPort.tag;
  } else {
    vlan = tagged ? Number(tci & 0xfffn) : 0;
    if (inPort.trunks.length && !inPort.trunks.includes(vlan)) {
      report(ctx, 'warn', 'disallowed VLAN VID for this input port, dropping');
      return;
    }
  }
  const learned = br.fdb.get(`${vlan}/${get(ctx.flow, 'eth_dst')}`);
  const outs = [...br.ports.values()].filter((port) => {
    if (port === inPort) return false;
    if (port.tag !== undefined) return port.tag === vlan;
    return !port.trunks.length || port.trunks.includes(vlan);
  });
  let targets = outs;
  if (learned && (get(ctx.flow, 'eth_dst') & 0x010000000000n) === 0n) {
    report(ctx, 'detail', 'forwarding to learned port');
    targets = outs.filter((p) => p.name === learned.port);
  } else report(ctx, 'detail', 'no learned MAC for destination, flooding');
  const oldVlan = ctx.flow.vlan_tci;
  const oldVlan1 = ctx.flow.vlan_tci1;
  for (const port of targets) {
    const iface = port.interfaces[0];
    if (!iface || iface.ofport === undefined) continue;
    const pcp = tci & 0xe000n;
    if (port.tag !== undefined || vlan === 0) {
      ctx.flow.vlan_tci = tagged && port.tag === undefined ? tci : 0n;
      if (port.tag !== undefined && tagged) ctx.flow.vlan_tci = 0n;
    } else ctx.flow.vlan_tci = 0x1000n | pcp | BigInt(vlan);
    if (ctx.flow.vlan_tci !== get(ctx.base, 'vlan_tci') && tagged) unwildcard(ctx.wc, 'vlan_tci', 0xffffn);
    composeOutput(ctx, iface.ofport, false, names);
  }
  ctx.flow.vlan_tci = oldVlan;
  ctx.flow.vlan_tci1 = oldVlan1;
}
