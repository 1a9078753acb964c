// Switch load-balancer affinity (northd.c build_lb_affinity_ls_flows): with options:affinity_timeout,
// a client keeps its backend: chk_lb_aff in ls_in_lb_aff_check, commit_lb_aff in ls_in_lb_aff_learn.
import { addFlow, type BuildContext } from './build-context.ts';
import type { LbVip, NorthdLb } from './lb.ts';
import type { Od } from './model.ts';

export function buildLbAffinityFlows(ctx: BuildContext, od: Od, lb: NorthdLb, vip: LbVip): void {
  if (!lb.affinityTimeout) return;
  const hint = lb.nlb._uuid;
  const ip = vip.ipv6 ? 'ip6' : 'ip4';
  const regVip = vip.ipv6 ? 'xxreg1' : 'reg1';
  const regBackend = vip.ipv6 ? 'xxreg0' : 'reg4';
  let check = `ct.new && ${ip} && ${regVip} == ${vip.vipStr}`;
  if (vip.portStr) check += ` && reg2[0..15] == ${vip.portStr}`;
  addFlow(ctx, od, 'lsInLbAffCheck', 100, check, 'reg9[6] = chk_lb_aff(); next;', 7371, hint);

  let action = `reg0[1] = 0; ${regVip} = ${vip.vipStr}; `;
  let learnAction = 'commit_lb_aff(vip = "';
  if (vip.portStr) {
    action += `reg2[0..15] = ${vip.portStr}; `;
    learnAction += vip.ipv6 ? `[${vip.vipStr}]:${vip.portStr}` : `${vip.vipStr}:${vip.portStr}`;
  } else {
    learnAction += vip.vipStr;
  }
  action += 'ct_lb_mark(backends=';
  learnAction += '", backend = "';
  const learnMatch = vip.portStr
    ? `reg9[6] == 0 && ct.new && ${ip} && ${regVip} == ${vip.vipStr} && reg2[0..15] == ${vip.portStr} && ${ip}.dst == `
    : `reg9[6] == 0 && ct.new && ${ip} && ${regVip} == ${vip.vipStr} && ${ip}.dst == `;
  const match = `reg9[6] == 1 && ct.new && ${ip} && ${regBackend} == `;
  for (const b of vip.backends) {
    let m = match + b.ipStr;
    let lm = learnMatch + b.ipStr;
    let a = action;
    let la = learnAction;
    if (b.port) {
      const text = vip.ipv6 ? `[${b.ipStr}]:${b.port}` : `${b.ipStr}:${b.port}`;
      a += text;
      la += text;
      lm += ` && ${lb.proto}.dst == ${b.port}`;
      m += ` && reg8[0..15] == ${b.port}`;
    } else {
      a += b.ipStr;
      la += b.ipStr;
    }
    a += ');';
    la += '"';
    if (vip.portStr) la += `, proto = ${lb.proto}`;
    la += `, timeout = ${lb.affinityTimeout}); /* drop */`;
    addFlow(ctx, od, 'lsInLbAffLearn', 100, lm, la, 7460, hint);
    addFlow(ctx, od, 'lsInLb', 150, m, a, 7466, hint);
  }
}
