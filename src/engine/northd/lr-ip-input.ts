// Router IP input stage (northd.c build_misc_local_traffic_drop_flows_for_lrouter,
// build_lrouter_ipv4_ip_input, build_ipv6_input_flows_for_lrouter_port, build_dhcpv6_reply_flows,
// build_lrouter_drop_own_dest, build_lrouter_arp_flow / nd_flow). NAT/LB/BFD extras are not built yet.
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { isCrPort } from './lr-admission.ts';
import { forceSnat, natEntries, snatIps } from './lr-nat.ts';
import { smapGetBool, type Od, type Op } from './model.ts';

export function buildMiscLocalTrafficDropFlows(ctx: BuildContext, od: Od): void {
  const floodStatic = od.ports.some((op) => op.nbrp && smapGetBool(op.nbrp.options, 'mcast_flood', false));
  if (floodStatic) {
    addFlow(ctx, od, 'lrInIpInput', 120, 'igmp && ip.ttl == 1', 'next;', 13012);
    addFlow(ctx, od, 'lrInIpInput', 120, '(mldv1 || mldv2) && ip.ttl == 1', 'next;', 13014);
  }
  addFlow(
    ctx,
    od,
    'lrInIpInput',
    100,
    'ip4.src_mcast ||ip4.src == 255.255.255.255 || ip4.src == 127.0.0.0/8 || ip4.dst == 127.0.0.0/8 || ip4.src == 0.0.0.0/8 || ip4.dst == 0.0.0.0/8',
    DROP,
    13021,
  );
  addFlow(ctx, od, 'lrInIpInput', 85, 'arp || nd', DROP, 13035);
  addFlow(ctx, od, 'lrInIpInput', 84, 'nd_rs || nd_ra', 'next;', 13041);
  addFlow(ctx, od, 'lrInIpInput', 83, 'ip6.mcast_rsvd', DROP, 13045);
  const relay = smapGetBool(od.nbr?.options ?? {}, 'mcast_relay', false);
  addFlow(ctx, od, 'lrInIpInput', 82, 'ip4.mcast || ip6.mcast', relay ? 'next;' : DROP, 13049);
  addFlow(ctx, od, 'lrInIpInput', 50, 'eth.bcast', DROP, 13056);
  addFlow(ctx, od, 'lrInIpInput', 32, 'ip.ttl == {0, 1} && !ip.later_frag && (ip4.mcast || ip6.mcast)', DROP, 13073);
  addFlow(ctx, od, 'lrInIpInput', 30, 'ip.ttl == {0, 1}', DROP, 13078);
  addFlow(ctx, od, 'lrInIpInput', 0, '1', 'next;', 13083);
}

export function buildDhcpv6ReplyFlows(ctx: BuildContext, op: Op): void {
  if (!op.nbrp || !op.lrpNetworks || isCrPort(op)) return;
  for (const a of op.lrpNetworks.ipv6) {
    addFlow(
      ctx,
      op.od,
      'lrInIpInput',
      100,
      `ip6.dst == ${a.addrS} && udp.src == 547 && udp.dst == 546`,
      'reg0 = 0; handle_dhcpv6_reply;',
      13098,
    );
  }
}

function isGwRouter(od: Od): boolean {
  return !!od.nbr?.options.chassis;
}

function v4Networks(op: Op, bcast: boolean): string {
  const nets = op.lrpNetworks?.ipv4 ?? [];
  if (!bcast && nets.length === 1) return nets[0].addrS;
  return `{${nets.map((n) => (bcast ? `${n.addrS}, ${n.bcastS}` : n.addrS)).join(', ')}}`;
}

function v6Networks(op: Op): string {
  const nets = op.lrpNetworks?.ipv6 ?? [];
  if (nets.length === 1) return nets[0].addrS;
  return `{${nets.map((n) => n.addrS).join(', ')}}`;
}

export function buildIpv6InputFlows(ctx: BuildContext, op: Op): void {
  const nets = op.lrpNetworks;
  if (!op.nbrp || !nets || isCrPort(op)) return;
  const od = op.od;
  const hint = op.nbrp._uuid;
  if (nets.ipv6.length > 0) {
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      90,
      `ip6.dst == ${v6Networks(op)} && icmp6.type == 128 && icmp6.code == 0`,
      'ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 129; flags.loopback = 1; next; ',
      13129,
      hint,
    );
  }
  for (const a of nets.ipv6) {
    let match = `inport == ${op.jsonKey} && ip6.dst == {${a.addrS}, ${a.snAddrS}} && nd_ns && nd.target == ${a.addrS}`;
    if (op.crPort) match += ` && is_chassis_resident(${op.crPort.jsonKey})`;
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      90,
      match,
      'nd_na_router { eth.src = xreg0[0..47]; ip6.src = nd.target; nd.tll = xreg0[0..47]; outport = inport; flags.loopback = 1; output; };',
      11171,
      hint,
    );
  }
  if (!isGwRouter(od) && od.l3dgwPorts.length === 0) {
    for (const a of nets.ipv6) {
      const base = `ip6 && ip6.dst == ${a.addrS} && !ip.later_frag`;
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && tcp`,
        'tcp_reset {eth.dst <-> eth.src; ip6.dst <-> ip6.src; next; };',
        13166,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && sctp`,
        'sctp_abort {eth.dst <-> eth.src; ip6.dst <-> ip6.src; next; };',
        13182,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && udp`,
        'icmp6 {eth.dst <-> eth.src; ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 1; icmp6.code = 4; next; };',
        13201,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        70,
        base,
        'icmp6 {eth.dst <-> eth.src; ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 1; icmp6.code = 3; next; };',
        13220,
        hint,
      );
    }
  }
  for (const a of nets.ipv6) {
    if ((a.network[0] & 0xffc0) === 0xfe80) continue;
    const ip = op.crPort ? 'ip6.dst <-> ip6.src' : `ip6.dst = ip6.src; ip6.src = ${a.addrS}`;
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      31,
      `inport == ${op.jsonKey} && ip6 && ip6.src == ${a.networkS}/${a.plen} && ip.ttl == {0, 1} && !ip.later_frag`,
      `icmp6 {eth.dst <-> eth.src; ${ip} ; ip.ttl = 254; icmp6.type = 3; /* Time exceeded */ icmp6.code = 0; /* TTL exceeded in transit */ outport = ${op.jsonKey}; flags.loopback = 1; output; };`,
      13262,
      hint,
    );
  }
}

/** build_lrouter_drop_own_dest: drop IP traffic to the port's own addresses (or only to its SNAT/LB ones). */
export function dropOwnDest(
  ctx: BuildContext,
  op: Op,
  stage: 'lrInIpInput' | 'lrInArpResolve',
  priority: number,
  dropSnatIp: boolean,
): void {
  const nets = op.lrpNetworks;
  if (!nets || !op.nbrp) return;
  const snat = snatIps(natEntries(ctx, op.od), op.od);
  const lbV4 = new Set(op.od.lbs.flatMap((lb) => lb.vips.filter((v) => !v.ipv6).map((v) => v.vipStr)));
  const lbV6 = new Set(op.od.lbs.flatMap((lb) => lb.vips.filter((v) => v.ipv6).map((v) => v.vipStr)));
  const pick = (ip: string, lb: Set<string>): boolean => dropSnatIp === (snat.has(ip) || lb.has(ip));
  const v4 = nets.ipv4.map((a) => a.addrS).filter((ip) => pick(ip, lbV4));
  if (v4.length > 0) addFlow(ctx, op.od, stage, priority, `ip4.dst == {${v4.join(', ')}}`, DROP, 11304, op.nbrp._uuid);
  const v6 = nets.ipv6.map((a) => a.addrS).filter((ip) => pick(ip, lbV6));
  if (v6.length > 0) addFlow(ctx, op.od, stage, priority, `ip6.dst == {${v6.join(', ')}}`, DROP, 11333, op.nbrp._uuid);
}

export function buildIpv4InputFlows(ctx: BuildContext, op: Op): void {
  const nets = op.lrpNetworks;
  if (!op.nbrp || !nets || isCrPort(op)) return;
  const od = op.od;
  const hint = op.nbrp._uuid;
  if (nets.ipv4.length > 0) {
    addFlow(ctx, od, 'lrInIpInput', 100, `ip4.src == ${v4Networks(op, true)} && reg9[0] == 0`, DROP, 13340, hint);
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      90,
      `ip4.dst == ${v4Networks(op, false)} && icmp4.type == 8 && icmp4.code == 0`,
      'ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; flags.loopback = 1; next; ',
      13359,
      hint,
    );
  }
  for (const a of nets.ipv4) {
    const ip = op.crPort ? 'ip4.dst <-> ip4.src' : `ip4.dst = ip4.src; ip4.src = ${a.addrS}`;
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      31,
      `inport == ${op.jsonKey} && ip4 && ip.ttl == {0, 1} && !ip.later_frag`,
      `icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ icmp4.code = 0; /* TTL exceeded in transit */ ${ip} ; ip.ttl = 254; outport = ${op.jsonKey}; flags.loopback = 1; output; };`,
      13390,
      hint,
    );
  }
  for (const a of nets.ipv4) {
    let extra = `arp.spa == ${a.networkS}/${a.plen}`;
    if (od.l3dgwPorts.length > 0 && op.peer && op.peer.od.localnetPorts.length > 0) {
      if (op.crPort) extra += ` && is_chassis_resident(${op.crPort.jsonKey})`;
      else if (smapGetBool(op.nbrp.options, 'reside-on-redirect-chassis', false) && od.l3dgwPorts.length === 1) {
        extra += ` && is_chassis_resident(${od.l3dgwPorts[0].crPort?.jsonKey ?? '""'})`;
      }
    }
    addFlow(
      ctx,
      od,
      'lrInIpInput',
      90,
      `inport == ${op.jsonKey} && arp.op == 1 && arp.tpa == ${a.addrS} && ${extra}`,
      'eth.dst = eth.src; eth.src = xreg0[0..47]; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; output;',
      11115,
      hint,
    );
  }
  if (!isGwRouter(od) && od.l3dgwPorts.length === 0) {
    for (const a of nets.ipv4) {
      const base = `ip4 && ip4.dst == ${a.addrS} && !ip.later_frag`;
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && udp`,
        'icmp4 {eth.dst <-> eth.src; ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 3; icmp4.code = 3; next; };',
        13494,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && tcp`,
        'tcp_reset {eth.dst <-> eth.src; ip4.dst <-> ip4.src; next; };',
        13510,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        80,
        `${base} && sctp`,
        'sctp_abort {eth.dst <-> eth.src; ip4.dst <-> ip4.src; next; };',
        13526,
        hint,
      );
      addFlow(
        ctx,
        od,
        'lrInIpInput',
        70,
        base,
        'icmp4 {eth.dst <-> eth.src; ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 3; icmp4.code = 2; next; };',
        13545,
        hint,
      );
    }
  }
  if (!forceSnat(od).lbRouterIp) dropOwnDest(ctx, op, 'lrInIpInput', 60, false);
}
