// Router routing and policy stages (northd.c add_route, build_ip_routing_flows_for_lrouter_port,
// build_static_route_flows_for_lrouter with route tables and ECMP, build_mcast_lookup_flows_for_lrouter,
// build_ingress_policy_flows_for_lrouter).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import {
  formatIpv4,
  formatIpv6,
  ipv4Mask,
  ipv6Mask,
  parseCidr,
  parseIpv4,
  parseIpv6,
} from '../packet/ovn-addresses.ts';
import { isCrPort } from './lr-admission.ts';
import { portHasBfd, routeBfdDown } from './lr-bfd.ts';
import { addEcmpSymmetricReplyFlows } from './lr-ecmp-symmetric.ts';
import { routableAddresses } from './nat-addresses.ts';
import { smapGetBool, type Od, type Op } from './model.ts';
import type { NbLogicalRouterPolicy } from '../nb/schema.gen.ts';

/** find_lport_address: the router port's own address on the network that holds ip. */
export function findLrpMemberIp(op: Op, ip: string): string | undefined {
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) return op.lrpNetworks?.ipv4.find((n) => (v4 & n.mask) >>> 0 === n.network)?.addrS;
  const v6 = parseIpv6(ip);
  if (!v6) return undefined;
  return op.lrpNetworks?.ipv6.find((n) => {
    const m = ipv6Mask(n.plen);
    return n.network.every((w, i) => w === (v6[i] & m[i]));
  })?.addrS;
}

function addRoute(
  ctx: BuildContext,
  op: Op,
  lrpAddr: string,
  network: string,
  plen: number,
  gateway: string | undefined,
  srcRoute: boolean,
  hint: string | undefined,
  ofs: number,
  rtb = 0,
): void {
  const ipv4 = network.includes('.');
  const lla = !ipv4 && /^fe[89ab]/i.test(network);
  const prio = plen * 3 + (srcRoute ? 0 : ofs);
  let match = lla ? `inport == ${op.jsonKey} && ` : '';
  if (rtb || (!srcRoute && ofs === 1)) match += `reg7 == ${rtb} && `;
  match += `ip${ipv4 ? '4' : '6'}.${srcRoute ? 'src' : 'dst'} == ${network}/${plen}`;
  const nh = ipv4 ? 'reg0' : 'xxreg0';
  const src = ipv4 ? 'reg1' : 'xxreg1';
  const gw = gateway ? gateway : `ip${ipv4 ? '4' : '6'}.dst`;
  const common = `reg8[0..15] = 0; ${nh} = ${gw}; ${src} = ${lrpAddr}; eth.src = ${op.lrpNetworks?.eaS}; outport = ${op.jsonKey}; flags.loopback = 1; next;`;
  addFlow(ctx, op.od, 'lrInIpRouting', prio, match, `ip.ttl--; ${common}`, 10388, hint);
  // BFD packets to a port's neighbour leave with their TTL (a single hop)
  if (portHasBfd(ctx.model, op))
    addFlow(ctx, op.od, 'lrInIpRouting', prio + 1, `${match} && udp.dst == 3784`, common, 10393, hint);
}

export function buildIpRoutingFlowsForRouterPort(ctx: BuildContext, op: Op): void {
  if (op.nbrp && op.lrpNetworks) {
    if (isCrPort(op)) return;
    for (const a of op.lrpNetworks.ipv4)
      addRoute(ctx, op, a.addrS, a.networkS, a.plen, undefined, false, op.nbrp._uuid, 2);
    for (const a of op.lrpNetworks.ipv6)
      addRoute(ctx, op, a.addrS, a.networkS, a.plen, undefined, false, op.nbrp._uuid, 2);
  }
}

/**
 * build_ip_routing_flows_for_lrouter_port for a router-type switch port: its router gets a connected
 * route to each routable address (add_route NAT and LB IPs) of the other routers on the switch.
 */
export function buildRoutableAddressRoutes(ctx: BuildContext, op: Op): void {
  const peer = op.peer;
  if (!op.nbsp || op.nbsp.type !== 'router' || !peer?.nbrp || !peer.lrpNetworks?.ipv4.length) return;
  const src = peer.lrpNetworks.ipv4[0].addrS;
  for (const rp of op.od.routerPorts) {
    const other = rp.peer;
    if (!other?.nbrp || other === peer) continue;
    for (const ra of routableAddresses(ctx.model, other))
      for (const ip of ra.ipv4) addRoute(ctx, peer, src, ip, 32, undefined, false, peer.nbrp._uuid, 2);
  }
}

function staticRouteOutport(
  ctx: BuildContext,
  od: Od,
  nexthop: string,
  outputPort: string | undefined,
  ipv4: boolean,
): { op: Op; addr: string } | undefined {
  if (outputPort) {
    const op = ctx.model.ports.get(outputPort);
    if (!op?.lrpNetworks) return undefined;
    const addr =
      (nexthop ? findLrpMemberIp(op, nexthop) : undefined) ??
      (ipv4 ? op.lrpNetworks.ipv4[0]?.addrS : op.lrpNetworks.ipv6[0]?.addrS);
    return addr ? { op, addr } : undefined;
  }
  for (const op of od.ports) {
    if (isCrPort(op) || !nexthop) continue;
    const addr = findLrpMemberIp(op, nexthop);
    if (addr) return { op, addr };
  }
  return undefined;
}

interface ParsedRoute {
  uuid: string;
  /** Route table id (0: the main table). */
  rtb: number;
  network: string;
  plen: number;
  ipv4: boolean;
  srcRoute: boolean;
  ofs: number;
  nexthop: string;
  outputPort?: string;
  ecmpSymmetricReply: boolean;
}

function routeMatch(r: ParsedRoute): { match: string; prio: number } {
  const ofs = r.srcRoute ? 0 : r.ofs;
  let match = r.rtb || ofs === 1 ? `reg7 == ${r.rtb} && ` : '';
  match += `ip${r.ipv4 ? '4' : '6'}.${r.srcRoute ? 'src' : 'dst'} == ${r.network}/${r.plen}`;
  return { match, prio: r.plen * 3 + ofs };
}

/** build_ecmp_route_flow: select() among the group's members, then one flow per member. */
function ecmpRouteFlows(ctx: BuildContext, od: Od, id: number, routes: readonly ParsedRoute[]): void {
  const { match, prio } = routeMatch(routes[0]);
  const members = routes.map((_, i) => i + 1).join(', ');
  addFlow(
    ctx,
    od,
    'lrInIpRouting',
    prio,
    match,
    `ip.ttl--; flags.loopback = 1; reg8[0..15] = ${id}; reg8[16..31] = select(${members});`,
    10287,
  );
  const visited = new Set<Op>();
  routes.forEach((r, i) => {
    const out = staticRouteOutport(ctx, od, r.nexthop, r.outputPort, r.ipv4);
    if (!out) return;
    // only gateway routers, once per output port
    if (od.nbr?.options.chassis && r.ecmpSymmetricReply && !visited.has(out.op)) {
      visited.add(out.op);
      addEcmpSymmetricReplyFlows(ctx, od, out.addr, out.op, r, match);
    }
    addFlow(
      ctx,
      od,
      'lrInIpRoutingEcmp',
      100,
      `reg8[0..15] == ${id} && reg8[16..31] == ${i + 1}`,
      `${r.ipv4 ? 'reg0' : 'xxreg0'} = ${r.nexthop}; ${r.ipv4 ? 'reg1' : 'xxreg1'} = ${out.addr}; eth.src = ${out.op.lrpNetworks?.eaS}; outport = ${out.op.jsonKey}; next;`,
      10329,
      r.uuid,
    );
  });
}

/** Static routes, with route tables (options:route_table on ports) and ECMP groups for shared prefixes. */
export function buildStaticRouteFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInIpRoutingEcmp', 0, '1', DROP, 12044);
  addFlow(ctx, od, 'lrInIpRouting', 0, '1', DROP, 12045);
  addFlow(ctx, od, 'lrInIpRoutingEcmp', 150, 'reg8[0..15] == 0', 'next;', 12046);
  const tables = new Map<string, number>();
  const tableId = (name: string | undefined): number => {
    if (!name) return 0;
    if (!tables.has(name)) tables.set(name, tables.size + 1);
    return tables.get(name) ?? 0;
  };
  for (const u of od.nbr?.ports ?? []) {
    const lrp = ctx.model.nb.tables.Logical_Router_Port.get(u);
    const id = tableId(lrp?.options.route_table);
    if (lrp && id) addFlow(ctx, od, 'lrInIpRoutingPre', 100, `inport == "${lrp.name}"`, `reg7 = ${id}; next;`, 9686);
  }
  const groups = new Map<string, ParsedRoute[]>();
  const ecmpIds = new Map<string, number>();
  for (const u of od.nbr?.static_routes ?? []) {
    const route = ctx.model.nb.tables.Logical_Router_Static_Route.get(u);
    if (!route) continue;
    const c = parseCidr(route.ip_prefix);
    if (!c) continue;
    const network =
      'v4' in c ? formatIpv4((c.v4 & ipv4Mask(c.plen)) >>> 0) : formatIpv6(c.v6.map((w, i) => w & ipv6Mask(c.plen)[i]));
    const parsed: ParsedRoute = {
      uuid: route._uuid,
      rtb: tableId(route.route_table),
      network,
      plen: c.plen,
      ipv4: 'v4' in c,
      srcRoute: route.policy === 'src-ip',
      ofs: route.options.origin === 'connected' ? 2 : 1,
      nexthop: route.nexthop,
      outputPort: route.output_port,
      ecmpSymmetricReply: smapGetBool(route.options, 'ecmp_symmetric_reply', false),
    };
    if (route.nexthop === 'discard') {
      const { match, prio } = routeMatch(parsed);
      addFlow(ctx, od, 'lrInIpRouting', prio, match, DROP, 10388, route._uuid);
      continue;
    }
    // parsed_routes_add leaves out routes with no path to their nexthop and routes whose BFD is down
    if (!staticRouteOutport(ctx, od, route.nexthop, route.output_port, parsed.ipv4)) continue;
    if (routeBfdDown(ctx.model, route)) continue;
    const key = `${network}/${c.plen}/${parsed.srcRoute}/${parsed.rtb}`;
    const list = groups.get(key) ?? [];
    list.push(parsed);
    groups.set(key, list);
    if (list.length === 2) ecmpIds.set(key, ecmpIds.size + 1);
  }
  for (const [key, routes] of groups) {
    const id = ecmpIds.get(key);
    if (id !== undefined) {
      ecmpRouteFlows(ctx, od, id, routes);
      continue;
    }
    const r = routes[0];
    const out = staticRouteOutport(ctx, od, r.nexthop, r.outputPort, r.ipv4);
    if (out) addRoute(ctx, out.op, out.addr, r.network, r.plen, r.nexthop, r.srcRoute, r.uuid, r.ofs, r.rtb);
  }
}

export function buildMcastLookupFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInIpRouting', 10550, 'nd_rs || nd_ra', DROP, 12113);
  if (!smapGetBool(od.nbr?.options ?? {}, 'mcast_relay', false)) return;
  const statics = od.ports.filter((op) => op.nbrp && smapGetBool(op.nbrp.options, 'mcast_flood', false));
  if (statics.length > 0) {
    for (const op of od.ports) {
      if (!op.lrpNetworks || isCrPort(op)) continue;
      addFlow(ctx, od, 'lrInIpRouting', 10550, `eth.src == ${op.lrpNetworks.eaS} && igmp`, DROP, 12160);
      addFlow(ctx, od, 'lrInIpRouting', 10550, `eth.src == ${op.lrpNetworks.eaS} && (mldv1 || mldv2)`, DROP, 12166);
    }
    addFlow(ctx, od, 'lrInIpRouting', 10460, 'igmp', 'clone { outport = "_MC_static"; next; };', 12170);
    addFlow(ctx, od, 'lrInIpRouting', 10460, 'mldv1 || mldv2', 'clone { outport = "_MC_static"; next; };', 12176);
    addFlow(
      ctx,
      od,
      'lrInIpRouting',
      10450,
      'ip4.mcast || ip6.mcast',
      'clone { outport = "_MC_static"; ip.ttl--; next; };',
      12182,
    );
  } else {
    addFlow(ctx, od, 'lrInIpRouting', 10450, 'ip4.mcast || ip6.mcast', DROP, 12190);
  }
}

/** get_outport_for_routing_policy_nexthop + find_lrp_member_ip. */
function policyNexthopPort(od: Od, nexthop: string): { out: Op; addr: string } | undefined {
  for (const op of od.ports) {
    if (isCrPort(op)) continue;
    const addr = findLrpMemberIp(op, nexthop);
    if (addr) return { out: op, addr };
  }
  return undefined;
}

function policyNexthopActions(nexthop: string, out: Op, addr: string): string {
  const ipv4 = nexthop.includes('.');
  return (
    `${ipv4 ? 'reg0' : 'xxreg0'} = ${nexthop}; ${ipv4 ? 'reg1' : 'xxreg1'} = ${addr}; ` +
    `eth.src = ${out.lrpNetworks?.eaS}; outport = ${out.jsonKey}; flags.loopback = 1;`
  );
}

/**
 * build_ecmp_routing_policy_flows: select() among the nexthops (an OVSDB set, so in string order) in
 * lr_in_policy, one lr_in_policy_ecmp flow per nexthop; nothing if the families differ or one has no port.
 */
function ecmpPolicyFlows(ctx: BuildContext, od: Od, rule: NbLogicalRouterPolicy, id: number, mark: string): void {
  const nexthops = [...rule.nexthops].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ipv4 = nexthops[0].includes('.');
  if (nexthops.some((n) => n.includes('.') !== ipv4)) return;
  const members: { nexthop: string; out: Op; addr: string }[] = [];
  for (const nexthop of nexthops) {
    const found = policyNexthopPort(od, nexthop);
    if (!found) return;
    members.push({ nexthop, ...found });
  }
  members.forEach((m, i) =>
    addFlow(
      ctx,
      od,
      'lrInPolicyEcmp',
      100,
      `reg8[0..15] == ${id} && reg8[16..31] == ${i + 1}`,
      `${mark}${policyNexthopActions(m.nexthop, m.out, m.addr)} next;`,
      9606,
      rule._uuid,
    ),
  );
  const select = members.map((_, i) => i + 1).join(', ');
  addFlow(
    ctx,
    od,
    'lrInPolicy',
    rule.priority,
    rule.match,
    `reg8[0..15] = ${id}; reg8[16..31] = select(${select});`,
    9624,
    rule._uuid,
  );
}

export function buildIngressPolicyFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInPolicy', 0, '1', 'reg8[0..15] = 0; next;', 12213);
  addFlow(ctx, od, 'lrInPolicyEcmp', 150, 'reg8[0..15] == 0', 'next;', 12215);
  addFlow(ctx, od, 'lrInPolicyEcmp', 0, '1', DROP, 12217);
  let ecmpGroupId = 1;
  for (const u of od.nbr?.policies ?? []) {
    const rule = ctx.model.nb.tables.Logical_Router_Policy.get(u);
    if (!rule) continue;
    const mark = parseInt(rule.options.pkt_mark ?? '0', 10) || 0;
    const markAction = mark ? `pkt.mark = ${mark}; ` : '';
    let actions: string;
    if (rule.action === 'reroute') {
      if (rule.nexthops.length > 1) {
        ecmpPolicyFlows(ctx, od, rule, ecmpGroupId++, markAction);
        continue;
      }
      const nexthop = rule.nexthops.length === 1 ? rule.nexthops[0] : rule.nexthop;
      const found = nexthop ? policyNexthopPort(od, nexthop) : undefined;
      if (!nexthop || !found) continue;
      actions = `${markAction}${policyNexthopActions(nexthop, found.out, found.addr)} reg8[0..15] = 0; next;`;
    } else if (rule.action === 'drop') {
      actions = DROP;
    } else if (rule.action === 'allow') {
      actions = `${markAction}reg8[0..15] = 0; next;`;
    } else {
      continue;
    }
    addFlow(ctx, od, 'lrInPolicy', rule.priority, rule.match, actions, 9526, rule._uuid);
  }
}
