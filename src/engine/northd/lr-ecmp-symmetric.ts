// Symmetric replies for ECMP static routes on gateway routers (northd.c add_ecmp_symmetric_reply_flows):
// traffic arriving over an ECMP route is committed to conntrack with its source MAC and port, so that
// replies leave through the same nexthop instead of a fresh select().
import { addFlow, type BuildContext } from './build-context.ts';
import type { Od, Op } from './model.ts';

export interface SymmetricRoute {
  uuid: string;
  ipv4: boolean;
  srcRoute: boolean;
  network: string;
  plen: number;
}

export function addEcmpSymmetricReplyFlows(
  ctx: BuildContext,
  od: Od,
  portIp: string,
  out: Op,
  route: SymmetricRoute,
  routeMatch: string,
): void {
  const v = route.ipv4 ? '4' : '6';
  const portField = ctx.model.features.ctNoMaskedLabel ? 'ct_mark.ecmp_reply_port' : 'ct_label.ecmp_reply_port';
  const key = out.tunnelKey;
  const hint = route.uuid;
  const base = `inport == ${out.jsonKey} && ip${v}.${route.srcRoute ? 'dst' : 'src'} == ${route.network}/${route.plen}`;
  addFlow(ctx, od, 'lrInDefrag', 100, base, 'reg9[5] = chk_ecmp_nh_mac(); ct_next;', 10107, hint);
  addFlow(ctx, od, 'lrInDefrag', 100, routeMatch, 'reg9[5] = chk_ecmp_nh(); ct_next;', 10113, hint);
  const commit = (proto: string): string =>
    `ct_commit { ct_label.ecmp_reply_eth = eth.src;  ${portField} = ${key};}; ` +
    `commit_ecmp_nh(ipv6 = ${route.ipv4 ? 'false' : 'true'}, proto = ${proto}); next;`;
  const protos: [string, number, number][] = [
    ['tcp', 10132, 10173],
    ['udp', 10145, 10188],
    ['sctp', 10158, 10202],
  ];
  for (const [proto, line] of protos)
    addFlow(ctx, od, 'lrInEcmpStateful', 100, `${base} && (ct.new && !ct.est) && ${proto}`, commit(proto), line, hint);
  for (const [proto, , line] of protos)
    addFlow(
      ctx,
      od,
      'lrInEcmpStateful',
      100,
      `${base} && (!ct.rpl && ct.est) && ${proto} && reg9[5] == 0`,
      commit(proto),
      line,
      hint,
    );
  const reply = `ct.rpl && reg9[5] == 1 && ${portField} == ${key}`;
  addFlow(
    ctx,
    od,
    'lrInIpRouting',
    10300,
    `${reply} && ${routeMatch}`,
    `ip.ttl--; flags.loopback = 1; eth.src = ${out.lrpNetworks?.eaS}; ${route.ipv4 ? '' : 'xx'}reg1 = ${portIp}; outport = ${out.jsonKey}; next;`,
    10221,
    hint,
  );
  addFlow(ctx, od, 'lrInPolicy', 65535, reply, 'next;', 10226, hint);
  addFlow(
    ctx,
    od,
    'lrInArpResolve',
    200,
    reply,
    'push(xxreg1); xxreg1 = ct_label; eth.dst = xxreg1[32..79]; pop(xxreg1); next;',
    10242,
    hint,
  );
}
