// Switch pre-ACL, pre-LB and pre-stateful stages (northd.c build_pre_acls, build_pre_lb,
// build_pre_stateful, skip_port_from_conntrack, build_stateless_filters).
import type { NbACL } from '../nb/schema.gen.ts';
import { ACL_PRI_OFFSET, addFlow, type BuildContext } from './build-context.ts';
import { lspIsRemote, portGroupAcls, switchAcls, type Od, type Op } from './model.ts';
import type { StageId } from './stages.ts';

function skipPortFromConntrack(
  ctx: BuildContext,
  od: Od,
  op: Op,
  inStage: StageId,
  outStage: StageId,
  priority: number,
): void {
  const egressAction = od.hasStatefulAcl ? 'next;' : 'ct_clear; next;';
  const hint = op.nbsp?._uuid;
  addFlow(ctx, od, inStage, priority, `ip && inport == ${op.jsonKey}`, 'next;', 5806, hint);
  addFlow(ctx, od, outStage, priority, `ip && outport == ${op.jsonKey}`, egressAction, 5809, hint);
}

function buildStatelessFilter(ctx: BuildContext, od: Od, acl: NbACL): void {
  const action = 'reg0[16] = 1; next;';
  if (acl.direction === 'from-lport') {
    addFlow(ctx, od, 'lsInPreAcl', acl.priority + ACL_PRI_OFFSET, acl.match, action, 5824, acl._uuid);
  } else {
    addFlow(ctx, od, 'lsOutPreAcl', acl.priority + ACL_PRI_OFFSET, acl.match, action, 5830, acl._uuid);
  }
}

function buildStatelessFilters(ctx: BuildContext, od: Od): void {
  for (const acl of switchAcls(ctx.model, od)) {
    if (acl.action === 'allow-stateless') buildStatelessFilter(ctx, od, acl);
  }
  for (const { pg } of od.portGroups) {
    for (const acl of portGroupAcls(ctx.model, pg)) {
      if (acl.action === 'allow-stateless') buildStatelessFilter(ctx, od, acl);
    }
  }
}

export function buildPreAcls(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInPreAcl', 0, '1', 'next;', 5869);
  addFlow(ctx, od, 'lsOutPreAcl', 0, '1', 'next;', 5870);
  addFlow(ctx, od, 'lsInPreAcl', 110, 'eth.dst == $svc_monitor_mac', 'next;', 5872);
  addFlow(ctx, od, 'lsOutPreAcl', 110, 'eth.src == $svc_monitor_mac', 'next;', 5875);
  if (od.hasStatefulAcl) {
    for (const op of od.routerPorts) skipPortFromConntrack(ctx, od, op, 'lsInPreAcl', 'lsOutPreAcl', 110);
    for (const op of od.localnetPorts) skipPortFromConntrack(ctx, od, op, 'lsInPreAcl', 'lsOutPreAcl', 110);
    buildStatelessFilters(ctx, od);
    const nd = 'nd || nd_rs || nd_ra || mldv1 || mldv2 || (udp && udp.src == 546 && udp.dst == 547)';
    addFlow(ctx, od, 'lsInPreAcl', 110, nd, 'next;', 5901);
    addFlow(ctx, od, 'lsOutPreAcl', 110, nd, 'next;', 5904);
    addFlow(ctx, od, 'lsInPreAcl', 110, 'eth.mcast', 'next;', 5909);
    addFlow(ctx, od, 'lsOutPreAcl', 110, 'eth.mcast', 'next;', 5911);
    addFlow(ctx, od, 'lsInPreAcl', 100, 'ip', 'reg0[0] = 1; next;', 5922);
    addFlow(ctx, od, 'lsOutPreAcl', 100, 'ip', 'reg0[0] = 1; next;', 5924);
  } else if (od.hasLbVip) {
    buildStatelessFilters(ctx, od);
  }
}

function buildInterconnMcastSnoopFlows(ctx: BuildContext, od: Od): void {
  if (!od.mcast.enabled || od.nbs?.other_config['interconn-ts'] === undefined) return;
  for (const op of od.ports) {
    if (!op.nbsp || !lspIsRemote(op.nbsp)) continue;
    addFlow(ctx, od, 'lsOutPreLb', 120, `inport == ${op.jsonKey} && igmp`, 'clone { igmp; }; next;', 6009);
    addFlow(ctx, od, 'lsOutPreLb', 120, `inport == ${op.jsonKey} && (mldv1 || mldv2)`, 'clone { igmp; }; next;', 6017);
  }
}

export function buildPreLb(ctx: BuildContext, od: Od): void {
  buildInterconnMcastSnoopFlows(ctx, od);
  addFlow(ctx, od, 'lsInPreLb', 110, 'eth.mcast', 'next;', 6033);
  addFlow(ctx, od, 'lsOutPreLb', 110, 'eth.mcast', 'next;', 6034);
  addFlow(ctx, od, 'lsInPreLb', 110, 'nd || nd_rs || nd_ra || mldv1 || mldv2', 'next;', 6037);
  addFlow(ctx, od, 'lsOutPreLb', 110, 'nd || nd_rs || nd_ra || mldv1 || mldv2', 'next;', 6040);
  addFlow(ctx, od, 'lsInPreLb', 110, 'eth.dst == $svc_monitor_mac', 'next;', 6045);
  addFlow(ctx, od, 'lsOutPreLb', 110, 'eth.src == $svc_monitor_mac', 'next;', 6047);
  addFlow(ctx, od, 'lsInPreLb', 0, '1', 'next;', 6051);
  addFlow(ctx, od, 'lsOutPreLb', 0, '1', 'next;', 6052);
  for (const op of od.routerPorts) skipPortFromConntrack(ctx, od, op, 'lsInPreLb', 'lsOutPreLb', 110);
  if (!od.hasLbVip) {
    for (const op of od.localnetPorts) skipPortFromConntrack(ctx, od, op, 'lsInPreLb', 'lsOutPreLb', 110);
  }
  addFlow(ctx, od, 'lsInPreLb', 110, 'reg0[16] == 1', 'next;', 6073);
  addFlow(ctx, od, 'lsOutPreLb', 110, 'reg0[16] == 1', 'next;', 6075);
  if (od.hasLbVip) {
    addFlow(ctx, od, 'lsInPreLb', 100, 'ip', 'reg0[2] = 1; next;', 6109);
    addFlow(ctx, od, 'lsOutPreLb', 100, 'ip', 'reg0[2] = 1; next;', 6111);
  }
}

export function buildPreStateful(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInPreStateful', 0, '1', 'next;', 6123);
  addFlow(ctx, od, 'lsOutPreStateful', 0, '1', 'next;', 6124);
  const ctLb = ctx.model.features.ctNoMaskedLabel ? 'ct_lb_mark;' : 'ct_lb;';
  addFlow(ctx, od, 'lsInPreStateful', 110, 'reg0[2] == 1', ctLb, 6132);
  addFlow(ctx, od, 'lsOutPreStateful', 110, 'reg0[2] == 1', ctLb, 6135);
  addFlow(ctx, od, 'lsInPreStateful', 100, 'reg0[0] == 1', 'ct_next;', 6140);
  addFlow(ctx, od, 'lsOutPreStateful', 100, 'reg0[0] == 1', 'ct_next;', 6143);
}
