// Router NAT (northd.c lrouter_check_nat_entry, build_lrouter_in_unsnat_flow, build_lrouter_in_dnat_flow,
// build_lrouter_out_undnat_flow, build_lrouter_out_is_dnat_local, build_lrouter_out_snat_flow,
// build_lrouter_ingress_flow, NAT parts of build_lrouter_nat_defrag_and_lb, NAT ARP/ND responders).
import type { NbNAT } from '../nb/schema.gen.ts';
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import {
  extractIpAddresses,
  formatMac,
  parseCidr,
  parseIpv6,
  parseMac,
  solicitedNode,
  formatIpv6,
} from '../packet/ovn-addresses.ts';
import { gatewayMtuFlow } from './lr-admission.ts';
import { findLrpMemberIp } from './lr-routing.ts';
import type { Od, Op } from './model.ts';

export interface NatEntry {
  nat: NbNAT;
  isV6: boolean;
  cidrBits: number;
  distributed: boolean;
  mac?: string;
  gw?: Op;
  /** The external IP as northd prints it in ARP/ND flows. */
  extIp: string;
}

const ARP_REPLY = (mac: string): string =>
  `eth.dst = eth.src; eth.src = ${mac}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = ${mac}; arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; output;`;
const ND_REPLY = (mac: string): string =>
  `nd_na { eth.src = ${mac}; ip6.src = nd.target; nd.tll = ${mac}; outport = inport; flags.loopback = 1; output; };`;

export const isGwRouter = (od: Od): boolean => !!od.nbr?.options.chassis;

/** od->redirect_bridged: some port of the router has options:redirect-type=bridged. */
const redirectBridged = (od: Od): boolean =>
  od.ports.some((op) => op.nbrp?.options['redirect-type']?.toLowerCase() === 'bridged');

const cache = new WeakMap<Od, NatEntry[]>();

/** lrouter_check_nat_entry: the valid NAT rules of a router, with their gateway port. */
export function natEntries(ctx: BuildContext, od: Od): NatEntry[] {
  const cached = cache.get(od);
  if (cached) return cached;
  const out: NatEntry[] = [];
  cache.set(od, out);
  for (const u of od.nbr?.nat ?? []) {
    const nat = ctx.model.nb.tables.NAT.get(u);
    if (!nat || (nat.allowed_ext_ips && nat.exempted_ext_ips)) continue;
    const ext = parseCidr(nat.external_ip);
    if (!ext || ('v4' in ext ? ext.plen !== 32 : ext.plen !== 128) || nat.external_ip.includes('/')) continue;
    const isV6 = 'v6' in ext;
    let gw: Op | undefined;
    if (!nat.gateway_port) {
      if (od.l3dgwPorts.length === 1) gw = od.l3dgwPorts[0];
      else if (od.l3dgwPorts.length > 1) {
        gw = od.l3dgwPorts.find((p) => findLrpMemberIp(p, nat.external_ip));
        if (!gw) continue;
      }
    } else {
      const lrp = ctx.model.nb.tables.Logical_Router_Port.get(nat.gateway_port);
      gw = lrp ? od.l3dgwPorts.find((p) => p.name === lrp.name) : undefined;
      if (!gw) continue;
    }
    const logical = parseCidr(nat.logical_ip);
    if (!logical || 'v6' in logical !== isV6) continue;
    if (nat.type !== 'snat' && logical.plen !== (isV6 ? 128 : 32)) continue;
    let distributed = false;
    let mac: string | undefined;
    if (od.l3dgwPorts.length > 0 && nat.type === 'dnat_and_snat' && nat.logical_port && nat.external_mac) {
      const m = parseMac(nat.external_mac);
      if (!m) continue;
      distributed = true;
      mac = formatMac(m);
    }
    const extIp = isV6
      ? formatIpv6(parseIpv6(nat.external_ip.split('/')[0]) ?? new Uint16Array(8))
      : nat.external_ip.split('/')[0];
    out.push({ nat, isV6, cidrBits: logical.plen, distributed, mac, gw, extIp });
  }
  return out;
}

export interface ForceSnat {
  dnat: { v4?: string; v6?: string };
  lb: { v4?: string; v6?: string };
  /** options:lb_force_snat_ip=router_ip on a gateway router. */
  lbRouterIp: boolean;
}

function forceSnatAddrs(text: string | undefined): { v4?: string; v6?: string } {
  const a = text ? extractIpAddresses(text) : undefined;
  return { v4: a?.ipv4[0]?.addrS, v6: a?.ipv6[0]?.addrS };
}

/** get_force_snat_ip / init_nat_entries: the router's force-SNAT addresses. */
export function forceSnat(od: Od): ForceSnat {
  const opts = od.nbr?.options ?? {};
  const lbRouterIp = opts.lb_force_snat_ip === 'router_ip' && !!opts.chassis;
  return {
    dnat: forceSnatAddrs(opts.dnat_force_snat_ip),
    lb: lbRouterIp ? {} : forceSnatAddrs(opts.lb_force_snat_ip),
    lbRouterIp,
  };
}

/** od->snat_ips: external IPs of "snat" rules and the force-SNAT addresses. */
export function snatIps(entries: readonly NatEntry[], od?: Od): Set<string> {
  const out = new Set(entries.filter((e) => e.nat.type === 'snat').map((e) => e.extIp));
  if (od) {
    const f = forceSnat(od);
    for (const ip of [f.dnat.v4, f.dnat.v6, f.lb.v4, f.lb.v6]) if (ip) out.add(ip);
  }
  return out;
}

/** build_lrouter_force_snat_flows and build_lrouter_force_snat_flows_op (gateway routers). */
export function buildForceSnatFlows(ctx: BuildContext, od: Od): void {
  if (!isGwRouter(od)) return;
  const f = forceSnat(od);
  const flows = (v: '4' | '6', ip: string | undefined, context: string): void => {
    if (!ip) return;
    addFlow(ctx, od, 'lrInUnsnat', 110, `ip${v} && ip${v}.dst == ${ip}`, 'ct_snat;', 11351);
    addFlow(ctx, od, 'lrOutSnat', 100, `flags.force_snat_for_${context} == 1 && ip${v}`, `ct_snat(${ip});`, 11361);
  };
  flows('4', f.dnat.v4, 'dnat');
  flows('6', f.dnat.v6, 'dnat');
  flows('4', f.lb.v4, 'lb');
  flows('6', f.lb.v6, 'lb');
  if (!f.lbRouterIp) return;
  for (const op of od.ports) {
    const nets = op.lrpNetworks;
    if (!op.nbrp || !op.peer || !nets) continue;
    if (nets.ipv4.length > 0) {
      addFlow(
        ctx,
        od,
        'lrInUnsnat',
        110,
        `inport == ${op.jsonKey} && ip4.dst == ${nets.ipv4[0].addrS}`,
        'ct_snat;',
        11383,
      );
      addFlow(
        ctx,
        od,
        'lrOutSnat',
        110,
        `flags.force_snat_for_lb == 1 && ip4 && outport == ${op.jsonKey}`,
        `ct_snat(${nets.ipv4[0].addrS});`,
        11395,
      );
    }
    if (nets.ipv6.length > 1) {
      addFlow(
        ctx,
        od,
        'lrInUnsnat',
        110,
        `inport == ${op.jsonKey} && ip6.dst == ${nets.ipv6[0].addrS}`,
        'ct_snat;',
        11415,
      );
      addFlow(
        ctx,
        od,
        'lrOutSnat',
        110,
        `flags.force_snat_for_lb == 1 && ip6 && outport == ${op.jsonKey}`,
        `ct_snat(${nets.ipv6[0].addrS});`,
        11427,
      );
    }
  }
}

const stateless = (nat: NbNAT): boolean =>
  nat.type === 'dnat_and_snat' && (nat.options.stateless ?? '').toLowerCase() === 'true';

/**
 * lrouter_nat_add_ext_ip_match: allowed_ext_ips narrows the NAT flow's match to the address set;
 * exempted_ext_ips adds a flow two priorities above it that skips NAT for the set.
 */
function extIpMatch(ctx: BuildContext, od: Od, e: NatEntry, match: string, isSrc: boolean): string {
  const { nat } = e;
  const ip = `ip${e.isV6 ? '6' : '4'}.${isSrc ? 'src' : 'dst'}`;
  const allowed = nat.allowed_ext_ips ? ctx.model.nb.tables.Address_Set.get(nat.allowed_ext_ips) : undefined;
  if (nat.allowed_ext_ips) return allowed ? `${match} && ${ip} == $${allowed.name}` : match;
  const exempted = nat.exempted_ext_ips ? ctx.model.nb.tables.Address_Set.get(nat.exempted_ext_ips) : undefined;
  if (exempted) {
    const priority = isSrc ? 102 : e.cidrBits + 3 + (isGwRouter(od) ? 0 : 128);
    const stage = isSrc ? 'lrInDnat' : 'lrOutSnat';
    addFlow(ctx, od, stage, priority, `${match} && ${ip} == $${exempted.name}`, 'next;', 11068, nat._uuid);
  }
  return match;
}

function natFlows(ctx: BuildContext, od: Od, e: NatEntry, seenExt: Set<string>): void {
  const { nat, isV6, distributed } = e;
  const v = isV6 ? '6' : '4';
  const gw = e.gw;
  const gwRouter = isGwRouter(od);
  const hint = nat._uuid;
  const resident = (): string => (!distributed && gw?.crPort ? ` && is_chassis_resident(${gw.crPort.jsonKey})` : '');
  const range = nat.external_port_range ? `,${nat.external_port_range}` : '';
  // S_ROUTER_IN_UNSNAT
  if (nat.type === 'snat' || nat.type === 'dnat_and_snat') {
    if (gwRouter) {
      addFlow(
        ctx,
        od,
        'lrInUnsnat',
        90,
        `ip && ip${v}.dst == ${nat.external_ip}`,
        stateless(nat) ? 'next;' : 'ct_snat;',
        13648,
        hint,
      );
    } else if (gw) {
      const base = `ip && ip${v}.dst == ${nat.external_ip} && inport == ${gw.jsonKey}`;
      addFlow(
        ctx,
        od,
        'lrInUnsnat',
        100,
        `${base} && flags.loopback == 0${resident()}`,
        stateless(nat) ? 'next;' : 'ct_snat_in_czone;',
        13673,
        hint,
      );
      if (!stateless(nat)) {
        addFlow(
          ctx,
          od,
          'lrInUnsnat',
          100,
          `${base} && flags.loopback == 1 && flags.use_snat_zone == 1${resident()}`,
          'ct_snat;',
          13691,
          hint,
        );
      }
    }
  }
  // S_ROUTER_IN_DNAT
  if (nat.type === 'dnat' || nat.type === 'dnat_and_snat') {
    if (gwRouter) {
      const fsnat = forceSnat(od).dnat;
      const prefix = fsnat.v4 || fsnat.v6 ? 'flags.force_snat_for_dnat = 1; ' : '';
      const actions = stateless(nat)
        ? `${prefix}flags.loopback = 1; ip${v}.dst=${nat.logical_ip}; next;`
        : `${prefix}flags.loopback = 1; ct_dnat(${nat.logical_ip}${range});`;
      const match = extIpMatch(ctx, od, e, `ip && ip${v}.dst == ${nat.external_ip}`, true);
      addFlow(ctx, od, 'lrInDnat', 100, match, actions, 13745, hint);
    } else if (gw) {
      const actions =
        nat.type === 'dnat_and_snat' && stateless(nat)
          ? `ip${v}.dst=${nat.logical_ip}; next;`
          : `ct_dnat_in_czone(${nat.logical_ip}${range});`;
      const match = extIpMatch(
        ctx,
        od,
        e,
        `ip && ip${v}.dst == ${nat.external_ip} && inport == ${gw.jsonKey}${resident()}`,
        true,
      );
      addFlow(ctx, od, 'lrInDnat', 100, match, actions, 13779, hint);
    }
  }
  // ARP resolve for NAT IPs on a distributed router.
  if (!gwRouter && gw && !seenExt.has(nat.external_ip)) {
    addFlow(
      ctx,
      od,
      'lrInArpResolve',
      150,
      `inport == ${gw.jsonKey} && outport == ${gw.jsonKey} && ip${v}.dst == ${nat.external_ip}`,
      DROP,
      14388,
      hint,
    );
    addFlow(
      ctx,
      od,
      'lrInArpResolve',
      100,
      `outport == ${gw.jsonKey} && ${isV6 ? 'xxreg0' : 'reg0'} == ${nat.external_ip}`,
      `eth.dst = ${distributed ? nat.external_mac : gw.lrpNetworks?.eaS}; next;`,
      14407,
      hint,
    );
    // redirect-type=bridged: a floating IP's own chassis resolves the nexthop itself
    if (distributed && redirectBridged(od) && od.l3dgwPorts[0]) {
      addFlow(
        ctx,
        od,
        'lrInArpResolve',
        90,
        `outport == ${od.l3dgwPorts[0].jsonKey} && ip${v}.src == ${nat.logical_ip} && is_chassis_resident("${nat.logical_port}")`,
        isV6 ? 'get_nd(outport, xxreg0); next;' : 'get_arp(outport, reg0); next;',
        14429,
        hint,
      );
    }
    seenExt.add(nat.external_ip);
  }
  // S_ROUTER_OUT_CHECK_DNAT_LOCAL
  if (od.l3dgwPorts.length > 0 && gw) {
    const res = distributed
      ? `is_chassis_resident("${nat.logical_port}")`
      : `is_chassis_resident(${gw.crPort?.jsonKey})`;
    addFlow(
      ctx,
      od,
      'lrOutChkDnatLocal',
      50,
      `ip && ip${v}.dst == ${nat.external_ip} && ${res}`,
      'reg9[4] = 1; next;',
      13858,
      hint,
    );
  }
  // S_ROUTER_OUT_UNDNAT
  if (od.l3dgwPorts.length > 0 && gw && (nat.type === 'dnat' || nat.type === 'dnat_and_snat')) {
    const actions =
      (distributed ? `eth.src = ${e.mac}; ` : '') +
      (stateless(nat) ? 'next;' : gwRouter ? 'ct_dnat;' : 'ct_dnat_in_czone;');
    addFlow(
      ctx,
      od,
      'lrOutUndnat',
      100,
      `ip && ip${v}.src == ${nat.logical_ip} && outport == ${gw.jsonKey}${resident()}`,
      actions,
      13828,
      hint,
    );
  }
  // S_ROUTER_OUT_SNAT
  if (nat.type === 'snat' || nat.type === 'dnat_and_snat') {
    if (gwRouter) {
      let match = extIpMatch(ctx, od, e, `ip && ip${v}.src == ${nat.logical_ip}`, false);
      let actions: string;
      if (nat.type === 'dnat_and_snat' && stateless(nat)) actions = `ip${v}.src=${nat.external_ip}; next;`;
      else {
        match += ' && (!ct.trk || !ct.rpl)';
        actions = `ct_snat(${nat.external_ip}${range});`;
      }
      addFlow(ctx, od, 'lrOutSnat', e.cidrBits + 1, match, actions, 13906, hint);
    } else if (gw) {
      let priority = e.cidrBits + 1;
      let match = `ip && ip${v}.src == ${nat.logical_ip} && outport == ${gw.jsonKey}`;
      if (od.l3dgwPorts.length > 0) {
        priority += 128;
        match += distributed
          ? ` && is_chassis_resident("${nat.logical_port}")`
          : ` && is_chassis_resident(${gw.crPort?.jsonKey})`;
      }
      match = extIpMatch(ctx, od, e, match, false);
      const ethSrc = distributed ? `eth.src = ${e.mac}; ` : '';
      const actions = stateless(nat)
        ? `${ethSrc}ip${v}.src=${nat.external_ip}; next;`
        : `${ethSrc}ct_snat_in_czone(${nat.external_ip}${range});`;
      addFlow(ctx, od, 'lrOutSnat', priority, match, actions, 13958, hint);
      if (!stateless(nat)) {
        addFlow(
          ctx,
          od,
          'lrOutSnat',
          priority + 1,
          `${match} && reg9[4] == 1`,
          `${ethSrc}reg9[4] = 0; ct_snat(${nat.external_ip}${range});`,
          13975,
          hint,
        );
      }
    }
  }
  // S_ROUTER_IN_ADMISSION / IP_INPUT (build_lrouter_ingress_flow)
  if (od.l3dgwPorts.length > 0 && gw && nat.type === 'snat') {
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      120,
      `inport == ${gw.jsonKey} && ip${v}.src == ${nat.external_ip}`,
      'next;',
      14067,
      hint,
    );
  }
  if (distributed && gw?.lrpNetworks) {
    gatewayMtuFlow(
      ctx,
      gw,
      'lrInAdmission',
      50,
      55,
      `eth.dst == ${e.mac} && inport == ${gw.jsonKey} && is_chassis_resident("${nat.logical_port}")`,
      `xreg0[0..47] = ${gw.lrpNetworks.eaS}; next;`,
      [11554, 11566],
    );
  }
  // Gateway redirect and egress loopback on a distributed router.
  if (distributed && gw) {
    const base = `ip${v}.src == ${nat.logical_ip} && outport == ${gw.jsonKey}`;
    const lp = nat.logical_port ? ctx.model.ports.get(nat.logical_port) : undefined;
    if (lp?.nbsp?.type === 'virtual') addFlow(ctx, od, 'lrInGwRedirect', 80, base, DROP, 14476, hint);
    addFlow(
      ctx,
      od,
      'lrInGwRedirect',
      100,
      `${base} && is_chassis_resident("${nat.logical_port}")`,
      `eth.src = ${nat.external_mac}; ${isV6 ? 'xxreg1' : 'reg1'} = ${nat.external_ip}; next;`,
      14486,
      hint,
    );
  }
  if (od.l3dgwPorts.length > 0 && gw) {
    const res = distributed
      ? ` && is_chassis_resident("${nat.logical_port}")`
      : ` && is_chassis_resident(${gw.crPort?.jsonKey})`;
    const regs = Array.from({ length: 10 }, (_, j) => `reg${j} = 0; `).join('');
    addFlow(
      ctx,
      od,
      'lrOutEgrLoop',
      100,
      `ip${v}.dst == ${nat.external_ip} && outport == ${gw.jsonKey}${res}`,
      `clone { ct_clear; inport = outport; outport = ""; eth.dst <-> eth.src; flags = 0; flags.loopback = 1; flags.use_snat_zone = reg9[4]; ${regs}reg9[0] = 1; next(pipeline=ingress, table=0); };`,
      14524,
      hint,
    );
  }
}

/** NAT flows of a gateway router or a router with a distributed gateway port. */
export function buildRouterNatFlows(ctx: BuildContext, od: Od, entries: readonly NatEntry[]): void {
  if (!isGwRouter(od) && od.l3dgwPorts.length === 0) return;
  const seen = new Set<string>();
  for (const e of entries) natFlows(ctx, od, e, seen);
  buildForceSnatFlows(ctx, od);
  if ((od.nbr?.nat.length ?? 0) > 0) {
    addFlow(ctx, od, 'lrOutChkDnatLocal', 50, 'ip && ct_mark.natted == 1', 'reg9[4] = 1; next;', 14544, od.nbr?._uuid);
  }
  if (isGwRouter(od) && ((od.nbr?.nat.length ?? 0) > 0 || od.hasLbVip)) {
    addFlow(ctx, od, 'lrOutUndnat', 100, 'nd || nd_rs || nd_ra', 'next;', 14324);
    addFlow(ctx, od, 'lrOutUndnat', 50, 'ip', 'flags.loopback = 1; ct_dnat;', 14326);
    addFlow(ctx, od, 'lrOutPostUndnat', 50, 'ip && ct.new', 'ct_commit { } ; next; ', 14328);
  }
}

function arpOrNd(
  ctx: BuildContext,
  od: Od,
  e: NatEntry,
  op: Op | undefined,
  extra: string,
  drop: boolean,
  prio: number,
  mac: string,
): void {
  const inport = op ? `inport == ${op.jsonKey} && ` : '';
  const more = extra ? ` && ${extra}` : '';
  if (e.isV6) {
    const sn = formatIpv6(solicitedNode(parseIpv6(e.extIp) ?? new Uint16Array(8)));
    const match = `${inport}ip6.dst == {${e.extIp}, ${sn}} && nd_ns && nd.target == ${e.extIp}${more}`;
    addFlow(ctx, od, 'lrInIpInput', prio, match, drop ? DROP : ND_REPLY(mac), drop ? 11156 : 11171, e.nat._uuid);
  } else {
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      prio,
      `${inport}arp.op == 1 && arp.tpa == ${e.extIp}${more}`,
      drop ? DROP : ARP_REPLY(mac),
      11115,
      e.nat._uuid,
    );
  }
}

/** ARP/ND replies for NAT external IPs (build_lrouter_arp_nd_for_datapath and the l3dgw-port part). */
export function buildNatArpNdFlows(ctx: BuildContext, od: Od, entries: readonly NatEntry[]): void {
  const uniqueSnat = new Map<string, NatEntry>();
  const ordered: NatEntry[] = [];
  for (const e of entries) {
    if (e.nat.type !== 'snat') ordered.push(e);
    else if (!uniqueSnat.has(e.extIp)) uniqueSnat.set(e.extIp, e);
  }
  ordered.push(...uniqueSnat.values());
  for (const e of ordered) arpOrNd(ctx, od, e, undefined, '', false, 90, 'xreg0[0..47]');
  for (const gw of od.l3dgwPorts) {
    for (const e of ordered) {
      if (od.l3dgwPorts.length > 1 && e.gw !== gw) continue;
      const distributedMac = e.nat.external_mac && parseMac(e.nat.external_mac) && e.nat.logical_port;
      const mac = distributedMac ? (e.nat.external_mac ?? '') : 'xreg0[0..47]';
      const extra = distributedMac
        ? `is_chassis_resident("${e.nat.logical_port}")`
        : `is_chassis_resident(${gw.crPort?.jsonKey})`;
      arpOrNd(ctx, od, e, gw, extra, false, 92, mac);
      arpOrNd(ctx, od, e, gw, '', true, 91, mac);
    }
  }
}
