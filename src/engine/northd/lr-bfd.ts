// BFD on router ports (northd.c build_bfd_table, build_lrouter_bfd_flows, parsed_routes_add):
// a port some BFD row watches answers BFD (udp.dst 3784) itself; a static route whose BFD session
// is down is left out. Without an ovn-controller to bring a session up, northd turns a fresh
// session's admin_down into down, so such a route stays out unless its status was set to up.
import { addFlow, type BuildContext } from './build-context.ts';
import { isCrPort } from './lr-admission.ts';
import type { NorthdModel, Op } from './model.ts';
import type { NbLogicalRouterStaticRoute } from '../nb/schema.gen.ts';

/** op->has_bfd: some NB BFD row names this router port. */
export function portHasBfd(model: NorthdModel, op: Op): boolean {
  if (!op.nbrp) return false;
  for (const bfd of model.nb.tables.BFD.values()) if (bfd.logical_port === op.name) return true;
  return false;
}

/** parsed_routes_add: a route tied to a BFD session (dst_ip == nexthop) whose status is down. */
export function routeBfdDown(model: NorthdModel, route: NbLogicalRouterStaticRoute): boolean {
  if (route.bfd === undefined) return false;
  const bfd = model.nb.tables.BFD.get(String(route.bfd));
  if (!bfd || bfd.dst_ip !== route.nexthop) return false;
  return bfd.status !== 'up';
}

function networksSet(addrs: readonly string[]): string {
  return addrs.length === 1 ? addrs[0] : `{${addrs.join(', ')}}`;
}

export function buildRouterBfdFlows(ctx: BuildContext, op: Op): void {
  const nets = op.lrpNetworks;
  if (!op.nbrp || !nets || isCrPort(op) || !portHasBfd(ctx.model, op)) return;
  const hint = op.nbrp._uuid;
  const families: [string, string[]][] = [
    ['ip4', nets.ipv4.map((n) => n.addrS)],
    ['ip6', nets.ipv6.map((n) => n.addrS)],
  ];
  for (const [ip, addrs] of families) {
    if (addrs.length === 0) continue;
    const set = networksSet(addrs);
    addFlow(
      ctx,
      op.od,
      'lrInIpInput',
      110,
      `${ip}.src == ${set} && udp.dst == 3784`,
      'next; ',
      ip === 'ip4' ? 11455 : 11474,
      hint,
    );
    addFlow(
      ctx,
      op.od,
      'lrInIpInput',
      110,
      `${ip}.dst == ${set} && udp.dst == 3784`,
      'handle_bfd_msg(); ',
      ip === 'ip4' ? 11461 : 11480,
      hint,
    );
  }
}
