// Switch ARP/ND responder (northd.c build_lswitch_arp_nd_responder_*): replies for known IPs,
// virtual-port binding, ARP proxy, localnet skip, forwarding-group VIPs.
import { addFlow, type BuildContext } from './build-context.ts';
import { extractIpAddresses, formatIpv6, parseIpv4, parseIpv6, solicitedNode } from '../packet/ovn-addresses.ts';
import { lspIsExternal, lspIsLocalnet, lspIsRouter, lspIsUp, smapGetBool, type Od, type Op } from './model.ts';

export function buildArpNdResponderSkipLocal(ctx: BuildContext, op: Op): void {
  if (op.nbsp && lspIsLocalnet(op.nbsp)) {
    addFlow(ctx, op.od, 'lsInArpRsp', 100, `inport == ${op.jsonKey}`, 'next;', 8453, op.nbsp._uuid);
  }
}

function virtualPortFlows(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp) return;
  const vip = lsp.options['virtual-ip'];
  const parents = lsp.options['virtual-parents'];
  if (!vip || !parents) return;
  const isIpv4 = vip.includes('.');
  const v6 = isIpv4 ? undefined : parseIpv6(vip);
  if (isIpv4 ? parseIpv4(vip) === undefined : v6 === undefined) return;
  for (const vparent of parents.split(',').filter(Boolean)) {
    const vp = ctx.model.ports.get(vparent);
    if (!vp || vp.od !== op.od || !vp.nbsp) continue;
    const match = v6
      ? `inport == "${vparent}" && ((nd_ns && ip6.dst == {${vip}, ${formatIpv6(solicitedNode(v6))}} && nd.target == ${vip}) ||(nd_na && nd.target == ${vip}))`
      : `inport == "${vparent}" && ((arp.op == 1 && arp.spa == ${vip} && arp.tpa == ${vip}) || (arp.op == 2 && arp.spa == ${vip}))`;
    addFlow(ctx, op.od, 'lsInArpRsp', 100, match, `bind_vport(${op.jsonKey}, inport); next;`, 8553, vp.nbsp._uuid);
  }
}

export function buildArpNdResponderKnownIps(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp) return;
  const od = op.od;
  if (lsp.type === 'virtual') {
    virtualPortFlows(ctx, op);
  } else if (
    !(ctx.model.options.checkLspIsUp && !lspIsUp(ctx.model, lsp) && !lspIsRouter(lsp) && lsp.type !== 'localport') &&
    !lspIsExternal(lsp) &&
    !op.hasUnknown &&
    !smapGetBool(od.nbs?.other_config ?? {}, 'vlan-passthru', false)
  ) {
    for (const addrs of op.lspAddrs) {
      for (const a of addrs.ipv4) {
        const match = `arp.tpa == ${a.addrS} && arp.op == 1`;
        const actions =
          `eth.dst = eth.src; eth.src = ${addrs.eaS}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; ` +
          `arp.sha = ${addrs.eaS}; arp.tpa = arp.spa; arp.spa = ${a.addrS}; outport = inport; flags.loopback = 1; output;`;
        addFlow(ctx, od, 'lsInArpRsp', 50, match, actions, 8601, lsp._uuid);
        addFlow(ctx, od, 'lsInArpRsp', 100, `${match} && inport == ${op.jsonKey}`, 'next;', 8620, lsp._uuid);
      }
      for (const a of addrs.ipv6) {
        const match = `nd_ns && ip6.dst == {${a.addrS}, ${a.snAddrS}} && nd.target == ${a.addrS}`;
        const actions =
          `${lspIsRouter(lsp) ? 'nd_na_router' : 'nd_na'} { eth.src = ${addrs.eaS}; ip6.src = ${a.addrS}; ` +
          `nd.target = ${a.addrS}; nd.tll = ${addrs.eaS}; outport = inport; flags.loopback = 1; output; };`;
        addFlow(ctx, od, 'lsInArpRsp', 50, match, actions, 8654, lsp._uuid);
        addFlow(ctx, od, 'lsInArpRsp', 100, `${match} && inport == ${op.jsonKey}`, 'next;', 8667, lsp._uuid);
      }
    }
  }
  if (op.peer?.lrpNetworks) {
    const proxy = lsp.options.arp_proxy;
    const addrs = proxy ? extractIpAddresses(proxy) : undefined;
    if (addrs && addrs.ipv4.length > 0) {
      const match = `arp.op == 1 && arp.tpa == {${addrs.ipv4.map((a) => a.addrS).join(',')}}`;
      const ea = op.peer.lrpNetworks.eaS;
      const actions =
        `eth.dst = eth.src; eth.src = ${ea}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = ${ea}; ` +
        'arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; output;';
      addFlow(ctx, od, 'lsInArpRsp', 50, match, actions, 8713, lsp._uuid);
    }
  }
}

export function buildArpNdResponderDefault(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInArpRsp', 0, '1', 'next;', 8727);
}

/** build_fwd_group_lflows: ARP reply for the group VIP and L2 lookup to fwd_group(). */
export function buildFwdGroupFlows(ctx: BuildContext, od: Od): void {
  for (const u of od.nbs?.forwarding_groups ?? []) {
    const fg = ctx.model.nb.tables.Forwarding_Group.get(u);
    if (!fg || fg.child_port.length === 0) continue;
    const actions =
      `eth.dst = eth.src; eth.src = ${fg.vmac}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = ${fg.vmac}; ` +
      `arp.tpa = arp.spa; arp.spa = ${fg.vip}; outport = inport; flags.loopback = 1; output;`;
    addFlow(ctx, od, 'lsInArpRsp', 50, `arp.tpa == ${fg.vip} && arp.op == 1`, actions, 7745, fg._uuid);
    const ports =
      (fg.liveness ? 'liveness="true",' : '') + 'childports=' + fg.child_port.map((p) => `"${p}"`).join(',');
    addFlow(ctx, od, 'lsInL2Lkup', 50, `eth.dst == ${fg.vmac}`, `fwd_group(${ports});`, 7768, fg._uuid);
  }
}
