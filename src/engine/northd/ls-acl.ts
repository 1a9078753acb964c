// Switch ACL stages (northd.c build_acl_hints, build_acls, consider_acl, build_reject_acl_rules,
// build_acl_log): from-lport/to-lport ACLs of the switch and its port groups.
import type { NbACL } from '../nb/schema.gen.ts';
import { ACL_PRI_OFFSET, addFlow, DROP, IMPLICIT_DROP, type BuildContext } from './build-context.ts';
import { linkLocalOf, formatIpv6, parseMac } from '../packet/ovn-addresses.ts';
import { creationCounter, lspIsExternal, portGroupAcls, smapGetBool, switchAcls, type Od } from './model.ts';
import { stageById, type StageId } from './stages.ts';

export function buildAclHints(ctx: BuildContext, od: Od): void {
  const masked = ctx.model.features.ctNoMaskedLabel;
  const blocked = masked ? 'ct_mark.blocked' : 'ct_label.blocked';
  for (const stage of ['lsInAclHint', 'lsOutAclHint'] as const) {
    if (!od.hasAcls && !od.hasLbVip) addFlow(ctx, od, stage, 65535, '1', 'next;', 6177);
    else addFlow(ctx, od, stage, 0, '1', 'next;', 6179);
    if (!od.hasStatefulAcl && !od.hasLbVip) continue;
    addFlow(ctx, od, stage, 7, 'ct.new && !ct.est', 'reg0[7] = 1; reg0[9] = 1; next;', 6190);
    addFlow(
      ctx,
      od,
      stage,
      6,
      `!ct.new && ct.est && !ct.rpl && ${blocked} == 1`,
      'reg0[7] = 1; reg0[9] = 1; next;',
      6206,
    );
    addFlow(ctx, od, stage, 5, '!ct.trk', 'reg0[8] = 1; reg0[9] = 1; next;', 6212);
    addFlow(
      ctx,
      od,
      stage,
      4,
      `!ct.new && ct.est && !ct.rpl && ${blocked} == 0`,
      'reg0[8] = 1; reg0[10] = 1; next;',
      6228,
    );
    addFlow(ctx, od, stage, 3, '!ct.est', 'reg0[9] = 1; next;', 6236);
    addFlow(ctx, od, stage, 2, `ct.est && ${blocked} == 1`, 'reg0[9] = 1; next;', 6242);
    addFlow(ctx, od, stage, 1, `ct.est && ${blocked} == 0`, 'reg0[10] = 1; next;', 6253);
  }
}

function aclLog(ctx: BuildContext, acl: NbACL): string {
  if (!acl.log) return '';
  const parts: string[] = [];
  if (acl.name) parts.push(`name="${acl.name}"`);
  parts.push(`severity=${acl.severity ?? 'info'}`);
  if (acl.action === 'drop') parts.push('verdict=drop');
  else if (acl.action === 'reject') parts.push('verdict=reject');
  else if (['allow', 'allow-related', 'allow-stateless'].includes(acl.action)) parts.push('verdict=allow');
  if (acl.meter) parts.push(`meter="${aclLogMeterName(ctx, acl.meter, acl._uuid)}"`);
  return `log(${parts.join(', ')}); `;
}

/** build_acl_log_meter: a fair meter gets a private copy per ACL, named after the ACL's uuid. */
function aclLogMeterName(ctx: BuildContext, meter: string, aclUuid: string): string {
  const fair = [...ctx.model.nb.tables.Meter.values()].some((m) => m.name === meter && m.fair === true);
  return fair ? `${meter}__${aclUuid}` : meter;
}

function buildRejectAclRules(
  ctx: BuildContext,
  od: Od,
  stage: StageId,
  acl: NbACL,
  extraMatch: string,
  extraActions: string,
): void {
  const ingress = stageById[stage].pipeline === 'ingress';
  const next = ingress
    ? `next(pipeline=egress,table=${stageById.lsOutQosMark.table});`
    : `next(pipeline=ingress,table=${stageById.lsInL2Lkup.table});`;
  const match = (extraMatch ? `(${extraMatch}) && ` : '') + acl.match;
  const actions =
    aclLog(ctx, acl) +
    (extraActions ? `${extraActions} ` : '') +
    `reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport; ${next} };`;
  addFlow(ctx, od, stage, acl.priority + ACL_PRI_OFFSET, match, actions, 6365, acl._uuid);
}

function considerAcl(ctx: BuildContext, od: Od, acl: NbACL, hasStateful: boolean): void {
  const { features, options } = ctx.model;
  const blocked = features.ctNoMaskedLabel ? 'ct_mark.blocked' : 'ct_label.blocked';
  const ingress = acl.direction === 'from-lport';
  const stage: StageId =
    ingress && smapGetBool(acl.options, 'apply-after-lb', false) ? 'lsInAclAfterLb' : ingress ? 'lsInAcl' : 'lsOutAcl';
  const prio = acl.priority + ACL_PRI_OFFSET;
  const log = aclLog(ctx, acl);
  const inv = options.useCtInvMatch ? ' && !ct.inv' : '';

  if (acl.action === 'allow-stateless') {
    addFlow(ctx, od, stage, prio, acl.match, `${log}next;`, 6401, acl._uuid);
  } else if (acl.action === 'allow' || acl.action === 'allow-related') {
    if (!hasStateful) {
      addFlow(ctx, od, stage, prio, acl.match, `${log}next;`, 6416, acl._uuid);
      return;
    }
    const label = acl.label ? `reg0[13] = 1; reg3 = ${acl.label}; ` : '';
    addFlow(
      ctx,
      od,
      stage,
      prio,
      `reg0[7] == 1 && (${acl.match})`,
      `reg0[1] = 1; ${label}${log}next;`,
      6445,
      acl._uuid,
    );
    const commit = acl.label ? `reg0[1] = 1; ${label}` : '';
    addFlow(ctx, od, stage, prio, `reg0[8] == 1 && (${acl.match})`, `${commit}${log}next;`, 6470, acl._uuid);
    if (acl.log && acl.label && smapGetBool(acl.options, 'log-related', false)) {
      const relStage: StageId = ingress ? 'lsOutAcl' : 'lsInAcl';
      addFlow(
        ctx,
        od,
        relStage,
        65533,
        `ct.est && !ct.rel && !ct.new${inv} && ct.rpl && ${blocked} == 0 && ct_label.label == ${acl.label}`,
        `${log}next;`,
        6506,
        acl._uuid,
      );
      addFlow(
        ctx,
        od,
        relStage,
        65533,
        `!ct.est && ct.rel && !ct.new${inv} && ${blocked} == 0 && ct_label.label == ${acl.label}`,
        `${log}next;`,
        6517,
        acl._uuid,
      );
    }
  } else if (acl.action === 'drop' || acl.action === 'reject') {
    const reject = acl.action === 'reject';
    if (hasStateful) {
      if (reject) buildRejectAclRules(ctx, od, stage, acl, 'reg0[9] == 1', '');
      else addFlow(ctx, od, stage, prio, `reg0[9] == 1 && (${acl.match})`, `${log}${IMPLICIT_DROP}`, 6543, acl._uuid);
      const ctCommit = `ct_commit { ${blocked} = 1; }; `;
      if (reject) buildRejectAclRules(ctx, od, stage, acl, 'reg0[10] == 1', ctCommit);
      else
        addFlow(
          ctx,
          od,
          stage,
          prio,
          `reg0[10] == 1 && (${acl.match})`,
          `${ctCommit}${log}${IMPLICIT_DROP}`,
          6571,
          acl._uuid,
        );
    } else if (reject) {
      buildRejectAclRules(ctx, od, stage, acl, '', '');
    } else {
      addFlow(ctx, od, stage, prio, acl.match, `${log}${IMPLICIT_DROP}`, 6588, acl._uuid);
    }
  }
}

export function buildAcls(ctx: BuildContext, od: Od): void {
  const { features, options, nb } = ctx.model;
  const nbs = od.nbs;
  if (!nbs) return;
  let defaultAction = options.defaultAclDrop ? DROP : 'next;';
  const hasStateful = od.hasStatefulAcl || od.hasLbVip;
  const blocked = features.ctNoMaskedLabel ? 'ct_mark.blocked' : 'ct_label.blocked';
  const inv = options.useCtInvMatch;

  if (!od.hasAcls) {
    if (!od.hasLbVip) {
      addFlow(ctx, od, 'lsInAcl', 65535, '1', 'next;', 6755);
      addFlow(ctx, od, 'lsOutAcl', 65535, '1', 'next;', 6757);
    } else {
      addFlow(ctx, od, 'lsInAcl', 0, '1', 'next;', 6760);
      addFlow(ctx, od, 'lsOutAcl', 0, '1', 'next;', 6761);
    }
    addFlow(ctx, od, 'lsInAclAfterLb', 0, '1', 'next;', 6763);
  } else {
    // Northd keeps an SB row whose text does not change, with the source of its first writer: a
    // switch had these same "next;" flows before its first ACL (from 6760/6761 when it had a load
    // balancer then, from 6763 in any case), and real dumps show those lines.
    const same = defaultAction === 'next;';
    const lbFirst = same && od.hasLbVip && lbBeforeAcls(ctx, od);
    addFlow(ctx, od, 'lsInAcl', 0, '1', defaultAction, lbFirst ? 6760 : 6765);
    addFlow(ctx, od, 'lsOutAcl', 0, '1', defaultAction, lbFirst ? 6761 : 6767);
    addFlow(ctx, od, 'lsInAclAfterLb', 0, '1', defaultAction, same ? 6763 : 6769);
  }

  if (hasStateful) {
    const estBlocked = `ip && ct.est && ${blocked} == 1`;
    addFlow(ctx, od, 'lsInAcl', 1, estBlocked, 'reg0[1] = 1; next;', 6799);
    addFlow(ctx, od, 'lsOutAcl', 1, estBlocked, 'reg0[1] = 1; next;', 6802);
    defaultAction = options.defaultAclDrop ? DROP : 'reg0[1] = 1; next;';
    addFlow(ctx, od, 'lsInAcl', 1, 'ip && !ct.est', defaultAction, 6809);
    addFlow(ctx, od, 'lsOutAcl', 1, 'ip && !ct.est', defaultAction, 6811);

    const invalid = `${inv ? 'ct.inv || ' : ''}(ct.est && ct.rpl && ${blocked} == 1)`;
    addFlow(ctx, od, 'lsInAcl', 65532, invalid, DROP, 6825);
    addFlow(ctx, od, 'lsOutAcl', 65532, invalid, DROP, 6827);

    const reply = `ct.est && !ct.rel && !ct.new${inv ? ' && !ct.inv' : ''} && ct.rpl && ${blocked} == 0`;
    addFlow(ctx, od, 'lsInAcl', 65532, reply, 'reg0[9] = 0; reg0[10] = 0; reg0[17] = 1; next;', 6844);
    addFlow(ctx, od, 'lsOutAcl', 65532, reply, 'next;', 6848);

    const inAction = features.ctLbRelated ? 'reg0[17] = 1; ct_commit_nat;' : 'reg0[17] = 1; next;';
    const outAction = features.ctLbRelated ? 'ct_commit_nat;' : 'next;';
    const related = `!ct.est && ct.rel && !ct.new${inv ? ' && !ct.inv' : ''} && ${blocked} == 0`;
    addFlow(ctx, od, 'lsInAcl', 65532, related, inAction, 6874);
    addFlow(ctx, od, 'lsOutAcl', 65532, related, outAction, 6876);
    addFlow(ctx, od, 'lsInAclAfterLb', 65532, 'reg0[17] == 1', 'next;', 6881);
  }

  const omit = 'nd || nd_ra || nd_rs || mldv1 || mldv2';
  addFlow(ctx, od, 'lsInAcl', 65532, omit, 'next;', 6892);
  addFlow(ctx, od, 'lsOutAcl', 65532, omit, 'next;', 6894);
  addFlow(ctx, od, 'lsInAclAfterLb', 65532, omit, 'next;', 6896);

  for (const acl of switchAcls(ctx.model, od)) considerAcl(ctx, od, acl, hasStateful);
  for (const { pg } of od.portGroups) {
    for (const acl of portGroupAcls(ctx.model, pg)) considerAcl(ctx, od, acl, hasStateful);
  }

  const commitNext = hasStateful ? 'ct_commit; next;' : 'next;';
  for (const pu of nbs.ports) {
    const lsp = nb.tables.Logical_Switch_Port.get(pu);
    if (!lsp || lspIsExternal(lsp)) continue;
    const v4 = lsp.dhcpv4_options ? nb.tables.DHCP_Options.get(lsp.dhcpv4_options) : undefined;
    if (v4) {
      const { server_id: serverId, server_mac: serverMac, lease_time: leaseTime } = v4.options;
      if (serverId && serverMac && leaseTime) {
        addFlow(
          ctx,
          od,
          'lsOutAcl',
          34000,
          `outport == "${lsp.name}" && eth.src == ${serverMac} && ip4.src == ${serverId} && udp && udp.src == 67 && udp.dst == 68`,
          commitNext,
          6940,
          v4._uuid,
        );
      }
    }
    const v6 = lsp.dhcpv6_options ? nb.tables.DHCP_Options.get(lsp.dhcpv6_options) : undefined;
    if (v6) {
      const serverMac = v6.options.server_id;
      const mac = serverMac ? parseMac(serverMac) : undefined;
      if (serverMac && mac) {
        const serverIp = formatIpv6(linkLocalOf(mac));
        addFlow(
          ctx,
          od,
          'lsOutAcl',
          34000,
          `outport == "${lsp.name}" && eth.src == ${serverMac} && ip6.src == ${serverIp} && udp && udp.src == 547 && udp.dst == 546`,
          commitNext,
          6967,
          v6._uuid,
        );
      }
    }
  }
  if (lsHasDnsRecords(ctx, od)) addFlow(ctx, od, 'lsOutAcl', 34000, 'udp.src == 53', commitNext, 6980);
  if (od.hasAcls || od.hasLbVip) {
    addFlow(ctx, od, 'lsInAcl', 34000, 'eth.dst == $svc_monitor_mac', 'next;', 6988);
    addFlow(ctx, od, 'lsOutAcl', 34000, 'eth.src == $svc_monitor_mac', 'next;', 6993);
  }
}

/** Was a load balancer of this switch created before its first ACL? (Known from script uuids only.) */
function lbBeforeAcls(ctx: BuildContext, od: Od): boolean {
  const acls = [...switchAcls(ctx.model, od), ...od.portGroups.flatMap(({ pg }) => portGroupAcls(ctx.model, pg))];
  const first = (uuids: string[]): number | undefined => {
    const ns = uuids.map(creationCounter);
    return ns.some((n) => n === undefined) ? undefined : Math.min(...(ns as number[]));
  };
  const lb = first(od.lbs.map((l) => l.nlb._uuid));
  const acl = first(acls.map((a) => a._uuid));
  return lb !== undefined && acl !== undefined && lb < acl;
}

export function lsHasDnsRecords(ctx: BuildContext, od: Od): boolean {
  return (od.nbs?.dns_records ?? []).some((u) => {
    const dns = ctx.model.nb.tables.DNS.get(u);
    return !!dns && Object.keys(dns.records).length > 0;
  });
}
