// Router routing, policy, ARP resolution, ARP request and egress stages (northd.c add_route,
// build_ip_routing_flows_for_lrouter_port, build_static_route_flows_for_lrouter (non-ECMP routes),
// build_mcast_lookup_flows_for_lrouter, build_ingress_policy_flows_for_lrouter,
// build_arp_resolve_flows_*, build_check_pkt_len_flows_for_lrouter, build_gateway_redirect_flows,
// build_arp_request_flows_for_lrouter, build_egress_delivery_flows, NAT/LB stage defaults).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import {
  formatIpv4,
  formatIpv6,
  ipv4Mask,
  ipv6Mask,
  parseCidr,
  parseIpv4,
  parseIpv6,
  solicitedNode,
} from './addresses.ts';
import { gatewayMtuFlow, isCrPort, l3dgwHasVtepLports } from './lr-admission.ts';
import { dropOwnDest } from './lr-ip-input.ts';
import { lrportIsEnabled, lspIsEnabled, lspIsRouter, smapGetBool, type Od, type Op } from './model.ts';

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
  const actions = `ip.ttl--; reg8[0..15] = 0; ${nh} = ${gw}; ${src} = ${lrpAddr}; eth.src = ${op.lrpNetworks?.eaS}; outport = ${op.jsonKey}; flags.loopback = 1; next;`;
  addFlow(ctx, op.od, 'lrInIpRouting', prio, match, actions, 10388, hint);
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

function staticRouteOutport(
  ctx: BuildContext,
  od: Od,
  nexthop: string,
  outputPort?: string,
): { op: Op; addr: string } | undefined {
  if (outputPort) {
    const op = ctx.model.ports.get(outputPort);
    if (!op?.lrpNetworks) return undefined;
    const ipv4 = nexthop.includes('.') || !nexthop.includes(':');
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
  routes.forEach((r, i) => {
    const out = staticRouteOutport(ctx, od, r.nexthop, r.outputPort);
    if (!out) return;
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
    };
    if (route.nexthop === 'discard') {
      const { match, prio } = routeMatch(parsed);
      addFlow(ctx, od, 'lrInIpRouting', prio, match, DROP, 10388, route._uuid);
      continue;
    }
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
    const out = staticRouteOutport(ctx, od, r.nexthop, r.outputPort);
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

export function buildIngressPolicyFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInPolicy', 0, '1', 'reg8[0..15] = 0; next;', 12213);
  addFlow(ctx, od, 'lrInPolicyEcmp', 150, 'reg8[0..15] == 0', 'next;', 12215);
  addFlow(ctx, od, 'lrInPolicyEcmp', 0, '1', DROP, 12217);
  for (const u of od.nbr?.policies ?? []) {
    const rule = ctx.model.nb.tables.Logical_Router_Policy.get(u);
    if (!rule) continue;
    const mark = parseInt(rule.options.pkt_mark ?? '0', 10) || 0;
    const markAction = mark ? `pkt.mark = ${mark}; ` : '';
    let actions: string;
    if (rule.action === 'reroute') {
      if (rule.nexthops.length > 1) continue;
      const nexthop = rule.nexthops.length === 1 ? rule.nexthops[0] : rule.nexthop;
      if (!nexthop) continue;
      const out = od.ports.find((op) => !isCrPort(op) && findLrpMemberIp(op, nexthop));
      const addr = out ? findLrpMemberIp(out, nexthop) : undefined;
      if (!out || !addr) continue;
      const ipv4 = nexthop.includes('.');
      actions =
        `${markAction}${ipv4 ? 'reg0' : 'xxreg0'} = ${nexthop}; ${ipv4 ? 'reg1' : 'xxreg1'} = ${addr}; ` +
        `eth.src = ${out.lrpNetworks?.eaS}; outport = ${out.jsonKey}; flags.loopback = 1; reg8[0..15] = 0; next;`;
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

export function buildArpResolveFlowsForRouter(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInArpResolve', 500, 'ip4.mcast || ip6.mcast', 'next;', 12247);
  addFlow(ctx, od, 'lrInArpResolve', 1, 'ip4', 'get_arp(outport, reg0); next;', 12250);
  addFlow(ctx, od, 'lrInArpResolve', 1, 'ip6', 'get_nd(outport, xxreg0); next;', 12253);
  addFlow(ctx, od, 'lrInArpResolve', 0, '1', DROP, 12256);
}

function v4List(op: Op): string {
  const nets = op.lrpNetworks?.ipv4 ?? [];
  return nets.length === 1 ? nets[0].addrS : `{${nets.map((n) => n.addrS).join(', ')}}`;
}

function v6List(op: Op): string {
  const nets = op.lrpNetworks?.ipv6 ?? [];
  return nets.length === 1 ? nets[0].addrS : `{${nets.map((n) => n.addrS).join(', ')}}`;
}

export function buildArpResolveFlowsForPort(ctx: BuildContext, op: Op): void {
  if (op.nbsp && !lspIsEnabled(op.nbsp)) return;
  if (op.nbrp && op.lrpNetworks) {
    if (isCrPort(op)) return;
    const peer = op.peer;
    if (peer && op.nbrp.peer) {
      const act = `eth.dst = ${op.lrpNetworks.eaS}; next;`;
      if (op.lrpNetworks.ipv4.length)
        addFlow(
          ctx,
          peer.od,
          'lrInArpResolve',
          100,
          `outport == ${peer.jsonKey} && reg0== ${v4List(op)}`,
          act,
          12330,
          op.nbrp._uuid,
        );
      if (op.lrpNetworks.ipv6.length)
        addFlow(
          ctx,
          peer.od,
          'lrInArpResolve',
          100,
          `outport == ${peer.jsonKey} && xxreg0 == ${v6List(op)}`,
          act,
          12346,
          op.nbrp._uuid,
        );
    }
    if (op.crPort && (op.nbrp.options['redirect-type'] ?? '').toLowerCase() === 'bridged') {
      addFlow(
        ctx,
        op.od,
        'lrInArpResolve',
        50,
        `outport == ${op.jsonKey} && !is_chassis_resident(${op.crPort.jsonKey})`,
        `eth.dst = ${op.lrpNetworks.eaS}; next;`,
        12371,
        op.nbrp._uuid,
      );
    }
    dropOwnDest(ctx, op, 'lrInArpResolve', 2, true);
    return;
  }
  const lsp = op.nbsp;
  if (!lsp || op.od.routerPorts.length === 0) return;
  if (!lspIsRouter(lsp) && lsp.type !== 'virtual') {
    for (const addrs of op.lspAddrs) {
      for (const [list, reg, line] of [
        [addrs.ipv4, 'reg0', 12419],
        [addrs.ipv6, 'xxreg0', 12450],
      ] as const) {
        for (const a of list) {
          for (const rp of op.od.routerPorts) {
            const peer = rp.peer;
            if (!peer?.nbrp || !findLrpMemberIp(peer, a.addrS)) continue;
            addFlow(
              ctx,
              peer.od,
              'lrInArpResolve',
              100,
              `outport == ${peer.jsonKey} && ${reg} == ${a.addrS}`,
              `eth.dst = ${addrs.eaS}; next;`,
              line,
              lsp._uuid,
            );
          }
        }
      }
    }
  } else if (lsp.type === 'virtual') {
    // An unclaimed virtual port (scenarios never bind one to a parent): resolve by ARP.
    const vip = lsp.options['virtual-ip'];
    if (!vip || !lsp.options['virtual-parents']) return;
    const ipv4 = vip.includes('.');
    if (ipv4 ? parseIpv4(vip) === undefined : parseIpv6(vip) === undefined) return;
    for (const rp of op.od.routerPorts) {
      const peer = rp.peer;
      if (!peer?.nbrp || !findLrpMemberIp(peer, vip)) continue;
      addFlow(
        ctx,
        peer.od,
        'lrInArpResolve',
        100,
        `outport == ${peer.jsonKey} && ${ipv4 ? 'reg0' : 'xxreg0'} == ${vip}`,
        'eth.dst = 00:00:00:00:00:00; next;',
        12508,
        lsp._uuid,
      );
      break;
    }
  } else if (lspIsRouter(lsp)) {
    const peer = op.peer;
    if (!peer?.nbrp || smapGetBool(peer.od.nbr?.options ?? {}, 'dynamic_neigh_routers', false)) return;
    for (const rp of op.od.routerPorts) {
      const other = rp.peer;
      if (!other?.nbrp || !other.lrpNetworks || other === peer) continue;
      const act = `eth.dst = ${other.lrpNetworks.eaS}; next;`;
      if (other.lrpNetworks.ipv4.length)
        addFlow(
          ctx,
          peer.od,
          'lrInArpResolve',
          100,
          `outport == ${peer.jsonKey} && reg0 == ${v4List(other)}`,
          act,
          12604,
          lsp._uuid,
        );
      if (other.lrpNetworks.ipv6.length)
        addFlow(
          ctx,
          peer.od,
          'lrInArpResolve',
          100,
          `outport == ${peer.jsonKey} && xxreg0 == ${v6List(other)}`,
          act,
          12620,
          lsp._uuid,
        );
    }
  }
}

function icmpErrPktBigFlows(
  ctx: BuildContext,
  op: Op,
  mtu: number,
  stage: 'lrInIpInput' | 'lrInLargerPkts',
  outport?: Op,
): void {
  const nets = op.lrpNetworks;
  if (!nets || !op.nbrp) return;
  const out = outport ? `outport == ${outport.jsonKey} && ` : '';
  if (nets.ipv4.length > 0) {
    addFlow(
      ctx,
      op.od,
      stage,
      150,
      `inport == ${op.jsonKey} && ${out}ip4 && reg9[1] && reg9[0] == 0`,
      `icmp4_error {reg9[0] = 1; reg9[1] = 0; eth.dst = ${nets.eaS}; ip4.dst = ip4.src; ip4.src = ${nets.ipv4[0].addrS}; ip.ttl = 255; icmp4.type = 3; /* Destination Unreachable. */ icmp4.code = 4; /* Frag Needed and DF was Set. */ icmp4.frag_mtu = ${mtu}; next(pipeline=ingress, table=0); };`,
      12669,
      op.nbrp._uuid,
    );
  }
  if (nets.ipv6.length > 0) {
    addFlow(
      ctx,
      op.od,
      stage,
      150,
      `inport == ${op.jsonKey} && ${out}ip6 && reg9[1] && reg9[0] == 0`,
      `icmp6_error {reg9[0] = 1; reg9[1] = 0; eth.dst = ${nets.eaS}; ip6.dst = ip6.src; ip6.src = ${nets.ipv6[0].addrS}; ip.ttl = 255; icmp6.type = 2; /* Packet Too Big. */ icmp6.code = 0; icmp6.frag_mtu = ${mtu}; next(pipeline=ingress, table=0); };`,
      12702,
      op.nbrp._uuid,
    );
  }
}

/** build_check_pkt_len_flows_for_lrouter: defaults, plus options:gateway_mtu handling per port. */
export function buildCheckPktLenFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInChkPktLen', 0, '1', 'next;', 12776);
  addFlow(ctx, od, 'lrInLargerPkts', 0, '1', 'next;', 12778);
  const lrps = od.ports.filter((p) => !isCrPort(p));
  for (const op of lrps) {
    const mtu = parseInt(op.nbrp?.options.gateway_mtu ?? '0', 10) || 0;
    if (mtu <= 0) continue;
    gatewayMtuFlow(ctx, op, 'lrInChkPktLen', 50, 55, `outport == ${op.jsonKey}`, 'next;', [11554, 11566]);
    icmpErrPktBigFlows(ctx, op, mtu, 'lrInIpInput');
    for (const rp of lrps) if (rp !== op) icmpErrPktBigFlows(ctx, rp, mtu, 'lrInLargerPkts', op);
  }
}

export function buildGatewayRedirectFlows(ctx: BuildContext, od: Od): void {
  for (const gw of od.l3dgwPorts) {
    if (!gw.crPort || l3dgwHasVtepLports(gw)) continue;
    addFlow(
      ctx,
      od,
      'lrInGwRedirect',
      50,
      `outport == ${gw.jsonKey}`,
      `outport = ${gw.crPort.jsonKey}; next;`,
      12830,
      gw.nbrp?._uuid,
    );
  }
  addFlow(ctx, od, 'lrInGwRedirect', 0, '1', 'next;', 12872);
}

export function buildArpRequestFlows(ctx: BuildContext, od: Od): void {
  for (const u of od.nbr?.static_routes ?? []) {
    const route = ctx.model.nb.tables.Logical_Router_Static_Route.get(u);
    const c = route ? parseCidr(route.nexthop) : undefined;
    if (!route || !c || !('v6' in c) || c.plen !== 128) continue;
    const sn = solicitedNode(c.v6);
    const mac = `33:33:${[sn[6] >> 8, sn[6] & 255, sn[7] >> 8, sn[7] & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    addFlow(
      ctx,
      od,
      'lrInArpRequest',
      200,
      `eth.dst == 00:00:00:00:00:00 && ip6 && xxreg0 == ${route.nexthop}`,
      `nd_ns { eth.dst = ${mac}; ip6.dst = ${formatIpv6(sn)}; nd.target = ${route.nexthop}; output; };`,
      12921,
      route._uuid,
    );
  }
  addFlow(
    ctx,
    od,
    'lrInArpRequest',
    100,
    'eth.dst == 00:00:00:00:00:00 && ip4',
    'arp { eth.dst = ff:ff:ff:ff:ff:ff; arp.spa = reg1; arp.tpa = reg0; arp.op = 1; output; };',
    12929,
  );
  addFlow(
    ctx,
    od,
    'lrInArpRequest',
    100,
    'eth.dst == 00:00:00:00:00:00 && ip6',
    'nd_ns { nd.target = xxreg0; output; };',
    12940,
  );
  addFlow(ctx, od, 'lrInArpRequest', 0, '1', 'output;', 12948);
}

export function buildEgressDeliveryFlows(ctx: BuildContext, op: Op): void {
  if (!op.nbrp || !op.lrpNetworks || !lrportIsEnabled(op.nbrp) || isCrPort(op)) return;
  if (smapGetBool(op.od.nbr?.options ?? {}, 'mcast_relay', false)) {
    addFlow(
      ctx,
      op.od,
      'lrOutDelivery',
      110,
      `(ip4.mcast || ip6.mcast) && outport == ${op.jsonKey}`,
      `eth.src = ${op.lrpNetworks.eaS}; output;`,
      12989,
    );
  }
  addFlow(ctx, op.od, 'lrOutDelivery', 100, `outport == ${op.jsonKey}`, 'output;', 12995);
  addFlow(ctx, op.od, 'lrOutDelivery', 0, '1', DROP, 12998);
}

/** build_lrouter_nat_defrag_and_lb for a router without NAT or load balancers: the defaults. */
export function buildNatDefragDefaults(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInDefrag', 0, '1', 'next;', 14243);
  addFlow(ctx, od, 'lrInUnsnat', 0, '1', 'next;', 14244);
  addFlow(ctx, od, 'lrOutChkDnatLocal', 0, '1', 'reg9[4] = 0; next;', 14245);
  addFlow(ctx, od, 'lrOutSnat', 0, '1', 'next;', 14247);
  addFlow(ctx, od, 'lrInDnat', 0, '1', 'next;', 14248);
  addFlow(ctx, od, 'lrOutUndnat', 0, '1', 'next;', 14249);
  addFlow(ctx, od, 'lrOutPostUndnat', 0, '1', 'next;', 14250);
  addFlow(ctx, od, 'lrOutPostSnat', 0, '1', 'next;', 14251);
  addFlow(ctx, od, 'lrOutEgrLoop', 0, '1', 'next;', 14252);
  addFlow(ctx, od, 'lrInEcmpStateful', 0, '1', 'next;', 14253);
  addFlow(ctx, od, 'lrOutSnat', 120, 'nd_ns', 'next;', 14335);
}
