// Switch destination lookup (northd.c build_lswitch_destination_lookup_bmcast,
// build_lswitch_ip_unicast_lookup, build_lswitch_rport_arp_req_*, build_lswitch_flows):
// broadcast/multicast, known MACs, router ports, unknown MACs.
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import {
  formatMac,
  ipv6Mask,
  parseCidr,
  parseIpv4,
  parseIpv6,
  parseMac,
  scanMac,
  isDynamicLspAddress,
} from '../packet/ovn-addresses.ts';
import { ssetOrder } from '../packet/ovs-hash.ts';
import { lrportIsEnabled, lspIsEnabled, lspIsExternal, lspIsRouter, smapGetBool, type Od, type Op } from './model.ts';

export function buildDestinationLookupBmcast(ctx: BuildContext, od: Od): void {
  addFlow(
    ctx,
    od,
    'lsInL2Lkup',
    110,
    'eth.dst == $svc_monitor_mac && (tcp || icmp || icmp6)',
    'handle_svc_check(inport);',
    8926,
  );
  const m = od.mcast;
  if (m.enabled) {
    addFlow(ctx, od, 'lsInL2Lkup', 100, 'igmp', 'igmp;', 8938);
    addFlow(ctx, od, 'lsInL2Lkup', 100, 'mldv1 || mldv2', 'igmp;', 8944);
    addFlow(
      ctx,
      od,
      'lsInL2Lkup',
      85,
      'ip4.mcast && ip4.dst == 224.0.0.0/24',
      'outport = "_MC_flood_l2"; output;',
      8952,
    );
    addFlow(ctx, od, 'lsInL2Lkup', 85, 'ip6.mcast_flood', 'outport = "_MC_flood"; output;', 8959);
    if (!m.floodUnregistered) {
      let actions = '';
      if (m.floodRelay) actions += 'clone { outport = "_MC_mrouter_flood"; output; }; ';
      if (m.floodStatic) actions += 'outport ="_MC_static"; output;';
      if (!m.floodRelay && !m.floodStatic) actions += DROP;
      addFlow(ctx, od, 'lsInL2Lkup', 80, 'ip4.mcast || ip6.mcast', actions, 8991);
    }
  }
  addFlow(ctx, od, 'lsInL2Lkup', 70, 'eth.mcast', 'outport = "_MC_flood"; output;', 8997);
}

function arpNdNsMatch(ip: string, v6: boolean): string {
  return `flags[1] == 0 && ${v6 ? `nd_ns && nd.target == ${ip}` : `arp.op == 1 && arp.tpa == ${ip}`}`;
}

function rportArpReqFlow(ctx: BuildContext, ip: string, v6: boolean, swOp: Op, od: Od, hint: string | undefined): void {
  const match = arpNdNsMatch(ip, v6);
  if (od.routerPorts.length !== (od.nbs?.ports.length ?? 0)) {
    const actions = `clone {outport = ${swOp.jsonKey}; output; }; outport = "_MC_flood_l2"; output;`;
    addFlow(ctx, od, 'lsInL2Lkup', 80, match, actions, 8022, hint);
  } else {
    addFlow(ctx, od, 'lsInL2Lkup', 80, match, `outport = ${swOp.jsonKey}; output;`, 8027, hint);
  }
}

function inSubnet4(op: Op, ip: string): boolean {
  const a = parseIpv4(ip);
  return a !== undefined && (op.lrpNetworks?.ipv4 ?? []).some((n) => (a & n.mask) >>> 0 === n.network);
}

function inSubnet6(op: Op, ip: string): boolean {
  const a = parseIpv6(ip);
  if (!a) return false;
  return (op.lrpNetworks?.ipv6 ?? []).some((n) => {
    const mask = ipv6Mask(n.plen);
    return n.network.every((w, i) => w === (a[i] & mask[i]));
  });
}

function routerNats(
  ctx: BuildContext,
  rp: Op,
): { type: string; externalIp: string; externalMac?: string; logicalPort?: string }[] {
  const out: { type: string; externalIp: string; externalMac?: string; logicalPort?: string }[] = [];
  for (const u of rp.od.nbr?.nat ?? []) {
    const nat = ctx.model.nb.tables.NAT.get(u);
    if (!nat || !parseCidr(nat.external_ip)) continue;
    out.push({
      type: nat.type,
      externalIp: nat.external_ip,
      externalMac: nat.external_mac,
      logicalPort: nat.logical_port,
    });
  }
  return out;
}

function rportArpReqFlows(ctx: BuildContext, rp: Op | undefined, swOd: Od, swOp: Op): void {
  if (!rp?.nbrp || !rp.lrpNetworks || !lrportIsEnabled(rp.nbrp)) return;
  const hint = swOp.nbsp?._uuid;
  const lbV4: string[] = [];
  const lbV6: string[] = [];
  for (const lb of rp.od.lbs) {
    for (const vip of lb.vips) {
      const list = vip.ipv6 ? lbV6 : lbV4;
      if (!list.includes(vip.vipStr)) list.push(vip.vipStr);
    }
  }
  for (const ip of lbV4) if (inSubnet4(rp, ip)) rportArpReqFlow(ctx, ip, false, swOp, swOd, hint);
  for (const ip of lbV6) if (inSubnet6(rp, ip)) rportArpReqFlow(ctx, ip, true, swOp, swOd, hint);
  const nats = routerNats(ctx, rp);
  for (const nat of nats) {
    if (nat.type === 'snat') continue;
    const v6 = nat.externalIp.includes(':');
    if (!(v6 ? lbV6 : lbV4).includes(nat.externalIp)) rportArpReqFlow(ctx, nat.externalIp, v6, swOp, swOd, hint);
  }
  for (const a of rp.lrpNetworks.ipv4) rportArpReqFlow(ctx, a.addrS, false, swOp, swOd, hint);
  for (const a of rp.lrpNetworks.ipv6) rportArpReqFlow(ctx, a.addrS, true, swOp, swOd, hint);
  if (swOd.routerPorts.length !== (swOd.nbs?.ports.length ?? 0)) {
    const macs = [rp.lrpNetworks.eaS];
    for (const nat of nats) {
      if (nat.type !== 'snat' && nat.externalMac && !macs.includes(nat.externalMac)) macs.push(nat.externalMac);
    }
    addFlow(
      ctx,
      swOd,
      'lsInL2Lkup',
      75,
      `eth.src == {${ssetOrder(macs).join(', ')}} && (arp.op == 1 || rarp.op == 3 || nd_ns)`,
      'outport = "_MC_flood_l2"; output;',
      7938,
    );
  }
}

export function buildIpUnicastLookup(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp || lspIsExternal(lsp)) return;
  const od = op.od;
  if (lspIsRouter(lsp)) rportArpReqFlows(ctx, op.peer, od, op);
  const enabled = lspIsEnabled(lsp);
  const action = enabled ? `outport = ${op.jsonKey}; output;` : DROP;
  for (const address of lsp.addresses) {
    const mac = scanMac(address);
    if (mac) {
      addFlow(ctx, od, 'lsInL2Lkup', 50, `eth.dst == ${formatMac(mac.bytes)}`, action, 9122, lsp._uuid);
    } else if (address === 'unknown') {
      continue;
    } else if (isDynamicLspAddress(address)) {
      const dyn = op.dynamicAddresses ? scanMac(op.dynamicAddresses) : undefined;
      if (!dyn) continue;
      addFlow(ctx, od, 'lsInL2Lkup', 50, `eth.dst == ${formatMac(dyn.bytes)}`, action, 9145, lsp._uuid);
    } else if (address === 'router') {
      const peer = op.peer;
      const rmac = peer?.nbrp ? parseMac(peer.nbrp.mac) : undefined;
      if (!peer?.nbrp || !rmac) continue;
      let match = `eth.dst == ${formatMac(rmac)}`;
      if (peer.od.l3dgwPorts.length > 0 && od.localnetPorts.length > 0) {
        if (peer.crPort) {
          match += ` && is_chassis_resident(${peer.crPort.jsonKey})`;
        } else if (
          smapGetBool(peer.nbrp.options, 'reside-on-redirect-chassis', false) &&
          peer.od.l3dgwPorts.length === 1
        ) {
          match += ` && is_chassis_resident(${peer.od.l3dgwPorts[0].crPort?.jsonKey ?? '""'})`;
        }
      }
      addFlow(ctx, od, 'lsInL2Lkup', 50, match, action, 9193, lsp._uuid);
      if (peer.crPort) {
        for (const nat of routerNats(ctx, peer)) {
          const natMac = nat.externalMac ? parseMac(nat.externalMac) : undefined;
          if (nat.type === 'dnat_and_snat' && nat.logicalPort && natMac) {
            addFlow(
              ctx,
              od,
              'lsInL2Lkup',
              50,
              `eth.dst == ${formatMac(natMac)} && is_chassis_resident("${nat.logicalPort}")`,
              action,
              9216,
              lsp._uuid,
            );
          }
        }
      }
    }
  }
}

/** Whether a switch has an enabled, non-external port with "unknown" (sets od->has_unknown). */
export function computeHasUnknown(od: Od): void {
  od.hasUnknown = od.ports.some(
    (op) => !!op.nbsp && !lspIsExternal(op.nbsp) && lspIsEnabled(op.nbsp) && op.nbsp.addresses.includes('unknown'),
  );
}

export function buildLswitchFlows(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInL2Lkup', 0, '1', 'outport = get_fdb(eth.dst); next;', 8373);
  if (od.hasUnknown)
    addFlow(ctx, od, 'lsInL2Unknown', 50, 'outport == "none"', 'outport = "_MC_unknown"; output;', 8377);
  else addFlow(ctx, od, 'lsInL2Unknown', 50, 'outport == "none"', DROP, 8381);
  addFlow(ctx, od, 'lsInL2Unknown', 0, '1', 'output;', 8384);
}
