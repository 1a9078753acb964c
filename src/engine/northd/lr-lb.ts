// Router load balancers (northd.c build_lrouter_defrag_flows_for_lb, build_lrouter_nat_flows_for_lb,
// build_lrouter_flows_for_lb, the LB part of build_lrouter_nat_defrag_and_lb, and the VIP ARP/ND
// responder of build_lrouter_ipv4_ip_input). Not modelled: affinity and force-SNAT options.
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { ipv6Mask, parseIpv4, parseIpv6 } from '../packet/ovn-addresses.ts';
import { isCrPort } from './lr-admission.ts';
import { forceSnat, isGwRouter, natEntries } from './lr-nat.ts';
import type { LbVip, NorthdLb } from './lb.ts';
import type { Od, Op } from './model.ts';
import { vipBackends } from './ls-stateful.ts';
import { stageById } from './stages.ts';

/** The VIPs a router answers ARP/ND for (od->lb_ips->ips_v4/v6_reachable). */
export function reachableVips(od: Od): { v4: string[]; v6: string[] } {
  const v4: string[] = [];
  const v6: string[] = [];
  for (const lb of od.lbs) {
    const mode = lb.nlb.options.neighbor_responder ?? 'reachable';
    if (mode === 'none') continue;
    for (const vip of lb.vips) {
      const list = vip.ipv6 ? v6 : v4;
      if (list.includes(vip.vipStr)) continue;
      if (mode === 'all' || od.ports.some((op) => vipReachable(op, vip))) list.push(vip.vipStr);
    }
  }
  return { v4, v6 };
}

function vipReachable(op: Op, vip: LbVip): boolean {
  if (!vip.ipv6) {
    const a = parseIpv4(vip.vipStr);
    return a !== undefined && (op.lrpNetworks?.ipv4 ?? []).some((n) => (a & n.mask) >>> 0 === n.network);
  }
  const a = parseIpv6(vip.vipStr);
  return !!a && (op.lrpNetworks?.ipv6 ?? []).some((n) => n.network.every((w, i) => w === (a[i] & ipv6Mask(n.plen)[i])));
}

/** The SB Address_Set name of a router's reachable VIPs ($_rtr_lb_KEY_ip4). */
export const routerLbAddressSet = (od: Od, ipv6: boolean): string => `_rtr_lb_${od.tunnelKey}_ip${ipv6 ? 6 : 4}`;

export function buildRouterLbArpFlows(ctx: BuildContext, op: Op): void {
  if (!op.nbrp || isCrPort(op)) return;
  const { v4, v6 } = reachableVips(op.od);
  const resident = op.crPort ? ` && is_chassis_resident(${op.crPort.jsonKey})` : '';
  if (v4.length > 0) {
    addFlow(
      ctx,
      op.od,
      'lrInIpInput',
      90,
      `inport == ${op.jsonKey} && arp.op == 1 && arp.tpa == $${routerLbAddressSet(op.od, false)}${resident}`,
      'eth.dst = eth.src; eth.src = xreg0[0..47]; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; output;',
      11115,
    );
  }
  if (v6.length > 0) {
    addFlow(
      ctx,
      op.od,
      'lrInIpInput',
      90,
      `inport == ${op.jsonKey} && nd_ns && nd.target == $${routerLbAddressSet(op.od, true)}${resident}`,
      'nd_na { eth.src = xreg0[0..47]; ip6.src = nd.target; nd.tll = xreg0[0..47]; outport = inport; flags.loopback = 1; output; };',
      11171,
    );
  }
}

/** build_lb_vip_actions for a router: the normal, skip-SNAT and force-SNAT action texts. */
function routerVipActions(
  ctx: BuildContext,
  lb: NorthdLb,
  vip: LbVip,
): { normal: string; skip: string; force: string } {
  const ctLb = ctx.model.features.ctNoMaskedLabel ? 'ct_lb_mark' : 'ct_lb';
  const { backends, active } = vipBackends(ctx, lb, vip);
  const reject = active === 0 && vip.emptyBackendRej;
  const drop = active === 0 && !vip.emptyBackendRej;
  let action = `${ctLb}(backends=${backends}`;
  if (reject)
    action = `reg0 = 0; reject { outport <-> inport; next(pipeline=egress,table=${stageById.lrOutSnat.table});};`;
  else if (drop) action = DROP;
  else if (lb.selectionFields) action += `; hash_fields="${lb.selectionFields}"`;
  const isLb = !(reject || drop);
  const flag = isLb && ctx.model.features.ctLbRelated;
  const skip = `flags.skip_snat_for_lb = 1; ${action}${flag ? '; skip_snat);' : isLb ? ');' : ''}`;
  const force = `flags.force_snat_for_lb = 1; ${action}${flag ? '; force_snat);' : isLb ? ');' : ''}`;
  return { normal: action + (isLb ? ');' : ''), skip, force };
}

/** build_lb_affinity_lr_flows: keep a client on its backend for options:affinity_timeout seconds. */
function routerLbAffinityFlows(
  ctx: BuildContext,
  od: Od,
  lb: NorthdLb,
  vip: LbVip,
  newMatch: string,
  lbAction: string,
): void {
  if (!lb.affinityTimeout) return;
  const hint = lb.nlb._uuid;
  const ip = vip.ipv6 ? 'ip6' : 'ip4';
  const regVip = vip.ipv6 ? 'xxreg0' : 'reg0';
  const regBackend = vip.ipv6 ? 'xxreg1' : 'reg4';
  const ctFlag =
    lbAction === 'flags.skip_snat_for_lb = 1; '
      ? '; skip_snat'
      : lbAction === 'flags.force_snat_for_lb = 1; '
        ? '; force_snat'
        : '';
  let check = `${regVip} = ${ip}.dst; `;
  if (vip.portStr) check += `reg9[16..31] = ${lb.proto}.dst; `;
  addFlow(ctx, od, 'lrInLbAffCheck', 100, newMatch, `${check}reg9[6] = chk_lb_aff(); next;`, 7200, hint);
  const action = `${regVip} = ${vip.vipStr}; ${lbAction}ct_lb_mark(backends=`;
  const vipText = vip.portStr
    ? vip.ipv6
      ? `[${vip.vipStr}]:${vip.portStr}`
      : `${vip.vipStr}:${vip.portStr}`
    : vip.vipStr;
  const learnAction = `commit_lb_aff(vip = "${vipText}", backend = "`;
  const learnMatch = vip.portStr
    ? `reg9[6] == 0 && ct.new && ${ip} && ${regVip} == ${vip.vipStr} && reg9[16..31] == ${vip.portStr} && ${ip}.dst == `
    : `reg9[6] == 0 && ct.new && ${ip} && ${regVip} == ${vip.vipStr} && ${ip}.dst == `;
  const match = `reg9[6] == 1 && ct.new && ${ip} && ${regBackend} == `;
  for (const b of vip.backends) {
    const text = b.port ? (vip.ipv6 ? `[${b.ipStr}]:${b.port}` : `${b.ipStr}:${b.port}`) : b.ipStr;
    const lm = learnMatch + b.ipStr + (b.port ? ` && ${lb.proto}.dst == ${b.port}` : '');
    const m = match + b.ipStr + (b.port ? ` && reg8[0..15] == ${b.port}` : '');
    const la = `${learnAction}${text}"${vip.portStr ? `, proto = ${lb.proto}` : ''}, timeout = ${lb.affinityTimeout}); /* drop */`;
    addFlow(ctx, od, 'lrInLbAffLearn', 100, lm, la, 7281, hint);
    addFlow(ctx, od, 'lrInDnat', 150, m, `${action}${text}${ctFlag});`, 7287, hint);
  }
}

export function buildRouterLbFlows(ctx: BuildContext, od: Od): void {
  if (od.lbs.length === 0) return;
  const natExternal = new Set(natEntries(ctx, od).map((e) => e.nat.external_ip));
  for (const lb of od.lbs) {
    const hint = lb.nlb._uuid;
    for (const vip of lb.vips) {
      const ip = vip.ipv6 ? 'ip6' : 'ip4';
      const { normal, skip, force } = routerVipActions(ctx, lb, vip);
      const fs = forceSnat(od);
      const action =
        (lb.nlb.options.skip_snat ?? '') === 'true' ? skip : fs.lbRouterIp || fs.lb.v4 || fs.lb.v6 ? force : normal;
      let match = `ct.new && !ct.rel && ${ip} && ${ip}.dst == ${vip.vipStr}`;
      let prio = 110;
      if (vip.portStr) {
        prio = 120;
        match += ` && ${lb.proto} && ${lb.proto}.dst == ${vip.portStr}`;
      }
      const gw = od.l3dgwPorts[0];
      if (!gw) {
        addFlow(ctx, od, 'lrInDnat', prio, match, action, 10603, hint);
      } else {
        const m =
          vip.backends.length || !vip.emptyBackendRej
            ? `${match} && is_chassis_resident(${gw.crPort?.jsonKey})`
            : match;
        addFlow(ctx, od, 'lrInDnat', prio, m, action, 10551, hint);
        if (vip.backends.length > 0) {
          const parts = vip.backends.map(
            (b) => `(${ip}.src == ${b.ipStr}${b.port ? ` && ${lb.proto}.src == ${b.port})` : ')'}`,
          );
          addFlow(
            ctx,
            od,
            'lrOutUndnat',
            120,
            `${ip} && (${parts.join(' || ')}) && outport == ${gw.jsonKey} && is_chassis_resident(${gw.crPort?.jsonKey})`,
            isGwRouter(od) ? 'ct_dnat;' : 'ct_dnat_in_czone;',
            10565,
            hint,
          );
        }
      }
      if (natExternal.has(vip.vipStr)) {
        let unsnat = `${ip} && ${ip}.dst == ${vip.vipStr} && ${lb.proto}`;
        if (vip.portStr) unsnat += ` && ${lb.proto}.dst == ${vip.portStr}`;
        addFlow(ctx, od, 'lrInUnsnat', 120, unsnat, 'next;', 10748, hint);
      }
      const affAction =
        fs.lbRouterIp || fs.lb.v4 || fs.lb.v6
          ? 'flags.force_snat_for_lb = 1; '
          : (lb.nlb.options.skip_snat ?? '') === 'true'
            ? 'flags.skip_snat_for_lb = 1; '
            : '';
      routerLbAffinityFlows(ctx, od, lb, vip, match, affAction);
      addFlow(ctx, od, 'lrInDefrag', 100, `ip && ${ip}.dst == ${vip.vipStr}`, 'ct_dnat;', 10857, hint);
    }
    if ((lb.nlb.options.skip_snat ?? '') === 'true') {
      addFlow(ctx, od, 'lrOutSnat', 120, 'flags.skip_snat_for_lb == 1 && ip', 'next;', 10903);
    }
  }
  if (!od.hasLbVip) return;
  if (ctx.model.features.ctLbRelated) {
    addFlow(
      ctx,
      od,
      'lrInDnat',
      70,
      'ct.rel && !ct.est && !ct.new && ct_mark.skip_snat == 1',
      'flags.skip_snat_for_lb = 1; ct_commit_nat;',
      14274,
    );
    addFlow(
      ctx,
      od,
      'lrInDnat',
      70,
      'ct.rel && !ct.est && !ct.new && ct_mark.force_snat == 1',
      'flags.force_snat_for_lb = 1; ct_commit_nat;',
      14279,
    );
    addFlow(ctx, od, 'lrInDnat', 50, 'ct.rel && !ct.est && !ct.new', 'ct_commit_nat;', 14283);
  }
  const est = 'ct.est && !ct.rel && !ct.new && ct_mark.natted';
  addFlow(ctx, od, 'lrInDnat', 70, `${est} && ct_mark.skip_snat == 1`, 'flags.skip_snat_for_lb = 1; next;', 14300);
  addFlow(ctx, od, 'lrInDnat', 70, `${est} && ct_mark.force_snat == 1`, 'flags.force_snat_for_lb = 1; next;', 14305);
  addFlow(ctx, od, 'lrInDnat', 50, est, 'next;', 14309);
}
