// Router ARP resolution, packet-length checks, gateway redirect, ARP request and egress stages
// (northd.c build_arp_resolve_flows_*, build_check_pkt_len_flows_*, build_gateway_redirect_flows,
// build_arp_request_flows_for_lrouter, build_egress_delivery_flows, NAT/LB stage defaults).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { formatIpv6, parseCidr, parseIpv4, parseIpv6, solicitedNode } from '../packet/ovn-addresses.ts';
import { gatewayMtuFlow, isCrPort, l3dgwHasVtepLports } from './lr-admission.ts';
import { dropOwnDest } from './lr-ip-input.ts';
import { findLrpMemberIp } from './lr-routing.ts';
import { routableAddresses } from './nat-addresses.ts';
import { lrportIsEnabled, lspIsEnabled, lspIsRouter, smapGetBool, type Od, type Op } from './model.ts';

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
      if (peer.od.nbr?.options.chassis || peer.crPort) {
        for (const ra of routableAddresses(ctx.model, other))
          addFlow(
            ctx,
            peer.od,
            'lrInArpResolve',
            100,
            `outport == ${peer.jsonKey} && reg0 == {${ra.ipv4.join(', ')}}`,
            `eth.dst = ${ra.mac}; next;`,
            12282,
          );
      }
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
