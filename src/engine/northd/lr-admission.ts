// Router admission, neighbor lookup/learning and IPv6 RA stages (northd.c
// build_adm_ctrl_flows_for_lrouter*, build_neigh_learning_flows_for_lrouter*, build_ND_RA_flows_*,
// build_ip_routing_pre_flows_for_lrouter).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { formatIpv6, linkLocalOf } from '../packet/ovn-addresses.ts';
import { lrportIsEnabled, smapGetBool, type Od, type Op } from './model.ts';
import type { StageId } from './stages.ts';

/** l3dgw_port_has_associated_vtep_lports: the gateway port's switch has vtep ports (traffic stays distributed). */
export const l3dgwHasVtepLports = (op: Op): boolean => !!op.crPort && !!op.peer?.od.hasVtepLports;

/** Is this the chassisredirect companion of a distributed gateway port? */
export const isCrPort = (op: Op): boolean => !!op.nbrp && op.name !== op.nbrp.name;

function l2HeaderSize(op: Op): number {
  const peer = op.peer;
  if (peer?.od.nbs) {
    for (const ln of peer.od.localnetPorts) if (ln.nbsp?.tag_request !== undefined) return 18;
  }
  return 14;
}

/** build_gateway_mtu_flow: the flow, with check_pkt_larger first when options:gateway_mtu is set. */
export function gatewayMtuFlow(
  ctx: BuildContext,
  op: Op,
  stage: StageId,
  prioLow: number,
  prioHigh: number,
  match: string,
  extraActions: string,
  lines: [number, number],
): void {
  const gwMtu = parseInt(op.nbrp?.options.gateway_mtu ?? '0', 10) || 0;
  const prefix = gwMtu > 0 ? `reg9[1] = check_pkt_larger(${gwMtu + l2HeaderSize(op)}); ` : '';
  addFlow(ctx, op.od, stage, prioLow, match, prefix + extraActions, lines[0], op.nbrp?._uuid);
  const bypass = op.nbrp?.options.gateway_mtu_bypass;
  if (gwMtu > 0 && bypass) {
    addFlow(ctx, op.od, stage, prioHigh, `${match} && (${bypass})`, extraActions, lines[1], op.nbrp?._uuid);
  }
}

export function buildAdmCtrlFlowsForRouter(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInAdmission', 100, 'vlan.present || eth.src[40]', DROP, 11501);
  addFlow(ctx, od, 'lrInAdmission', 0, '1', DROP, 11505);
}

export function buildAdmCtrlFlowsForRouterPort(ctx: BuildContext, op: Op): void {
  if (!op.nbrp || !op.lrpNetworks || !lrportIsEnabled(op.nbrp) || isCrPort(op)) return;
  const ea = op.lrpNetworks.eaS;
  gatewayMtuFlow(
    ctx,
    op,
    'lrInAdmission',
    50,
    55,
    `eth.mcast && inport == ${op.jsonKey}`,
    `xreg0[0..47] = ${ea}; next;`,
    [11554, 11566],
  );
  let match = `eth.dst == ${ea} && inport == ${op.jsonKey}`;
  if (op.crPort && !l3dgwHasVtepLports(op)) match += ` && is_chassis_resident(${op.crPort.jsonKey})`;
  gatewayMtuFlow(ctx, op, 'lrInAdmission', 50, 55, match, `xreg0[0..47] = ${ea}; next;`, [11554, 11566]);
}

export function buildNeighLearningFlowsForRouter(ctx: BuildContext, od: Od): void {
  const learn = smapGetBool(od.nbr?.options ?? {}, 'always_learn_from_arp_request', true);
  const ipResult = learn ? '' : 'reg9[3] = 1; ';
  addFlow(
    ctx,
    od,
    'lrInLookupNeighbor',
    100,
    'arp.op == 2',
    `reg9[2] = lookup_arp(inport, arp.spa, arp.sha); ${ipResult}next;`,
    11690,
  );
  addFlow(
    ctx,
    od,
    'lrInLookupNeighbor',
    100,
    'nd_na',
    `reg9[2] = lookup_nd(inport, nd.target, nd.tll); ${ipResult}next;`,
    11698,
  );
  if (!learn) {
    addFlow(
      ctx,
      od,
      'lrInLookupNeighbor',
      110,
      'nd_na && ip6.src == fe80::/10 && ip6.dst == ff00::/8',
      'reg9[2] = lookup_nd(inport, ip6.src, nd.tll); reg9[3] = lookup_nd_ip(inport, ip6.src); next;',
      11714,
    );
  }
  addFlow(
    ctx,
    od,
    'lrInLookupNeighbor',
    100,
    'nd_ns',
    `reg9[2] = lookup_nd(inport, ip6.src, nd.sll); ${learn ? '' : 'reg9[3] = lookup_nd_ip(inport, ip6.src); '}next;`,
    11726,
  );
  addFlow(ctx, od, 'lrInLookupNeighbor', 0, '1', 'reg9[2] = 1; next;', 11731);
  addFlow(ctx, od, 'lrInLearnNeighbor', 100, `reg9[2] == 1${learn ? '' : ' || reg9[3] == 0'}`, 'next;', 11740);
  addFlow(ctx, od, 'lrInLearnNeighbor', 90, 'arp', 'put_arp(inport, arp.spa, arp.sha); next;', 11743);
  addFlow(ctx, od, 'lrInLearnNeighbor', 95, 'nd_ns && (ip6.src == 0 || nd.sll == 0)', 'next;', 11748);
  addFlow(ctx, od, 'lrInLearnNeighbor', 95, 'nd_na && nd.tll == 0', 'put_nd(inport, nd.target, eth.src); next;', 11751);
  addFlow(ctx, od, 'lrInLearnNeighbor', 90, 'nd_na', 'put_nd(inport, nd.target, nd.tll); next;', 11757);
  addFlow(ctx, od, 'lrInLearnNeighbor', 90, 'nd_ns', 'put_nd(inport, ip6.src, nd.sll); next;', 11762);
  addFlow(ctx, od, 'lrInLearnNeighbor', 0, '1', DROP, 11767);
}

export function buildNeighLearningFlowsForRouterPort(ctx: BuildContext, op: Op): void {
  if (!op.nbrp || !op.lrpNetworks) return;
  const learn = smapGetBool(op.od.nbr?.options ?? {}, 'always_learn_from_arp_request', true);
  const resident = op.crPort ? ` && is_chassis_resident(${op.crPort.jsonKey})` : '';
  for (const a of op.lrpNetworks.ipv4) {
    if (!learn) {
      addFlow(
        ctx,
        op.od,
        'lrInLookupNeighbor',
        110,
        `inport == ${op.jsonKey} && arp.spa == ${a.networkS}/${a.plen} && arp.tpa == ${a.addrS} && arp.op == 1${resident}`,
        'reg9[2] = lookup_arp(inport, arp.spa, arp.sha); reg9[3] = 1; next;',
        11806,
        op.nbrp._uuid,
      );
    }
    addFlow(
      ctx,
      op.od,
      'lrInLookupNeighbor',
      100,
      `inport == ${op.jsonKey} && arp.spa == ${a.networkS}/${a.plen} && arp.op == 1${resident}`,
      `reg9[2] = lookup_arp(inport, arp.spa, arp.sha); ${learn ? '' : 'reg9[3] = lookup_arp_ip(inport, arp.spa); '}next;`,
      11827,
      op.nbrp._uuid,
    );
  }
}

export function buildNdRaFlowsForRouterPort(ctx: BuildContext, op: Op): void {
  const lrp = op.nbrp;
  if (!lrp || lrp.peer || !op.peer || !op.lrpNetworks || op.lrpNetworks.ipv6.length === 0) return;
  const cfg = lrp.ipv6_ra_configs;
  const mode = cfg.address_mode;
  if (!mode || !['slaac', 'dhcpv6_stateful', 'dhcpv6_stateless'].includes(mode)) return;
  const ea = op.lrpNetworks.eaS;
  const mtu = cfg.mtu && parseInt(cfg.mtu, 10) >= 1280 ? parseInt(cfg.mtu, 10) : 0;
  let actions = `reg0[5] = put_nd_ra_opts(addr_mode = "${mode}", slla = ${ea}`;
  if (mtu > 0) actions += `, mtu = ${mtu}`;
  const prf = cfg.router_preference ?? 'MEDIUM';
  if (prf !== 'MEDIUM') actions += `, router_preference = "${prf}"`;
  if (cfg.rdnss) actions += `, rdnss = ${cfg.rdnss}`;
  if (cfg.dnssl) actions += `, dnssl = "${cfg.dnssl}"`;
  if (cfg.route_info) actions += `, route_info = "${cfg.route_info}"`;
  let any = false;
  for (const a of op.lrpNetworks.ipv6) {
    if ((a.network[0] & 0xffc0) === 0xfe80) continue;
    actions += `, prefix = ${a.networkS}/${a.plen}`;
    any = true;
  }
  if (!any) return;
  addFlow(
    ctx,
    op.od,
    'lrInNdRaOptions',
    50,
    `inport == ${op.jsonKey} && ip6.dst == ff02::2 && nd_rs`,
    `${actions}); next;`,
    11922,
    lrp._uuid,
  );
  const lla = formatIpv6(linkLocalOf(op.lrpNetworks.ea));
  addFlow(
    ctx,
    op.od,
    'lrInNdRaResponse',
    50,
    `inport == ${op.jsonKey} && ip6.dst == ff02::2 && nd_ra && reg0[5]`,
    `eth.dst = eth.src; eth.src = ${ea}; ip6.dst = ip6.src; ip6.src = ${lla}; outport = inport; flags.loopback = 1; output;`,
    11943,
    lrp._uuid,
  );
}

export function buildNdRaFlowsForRouter(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInNdRaOptions', 0, '1', 'next;', 11956);
  addFlow(ctx, od, 'lrInNdRaResponse', 0, '1', 'next;', 11957);
}

export function buildIpRoutingPreFlowsForRouter(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lrInIpRoutingPre', 0, '1', 'reg7 = 0; next;', 11968);
}
