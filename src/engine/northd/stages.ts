// The OVN 23.03.1 logical pipeline stages as data, written as northd.c's PIPELINE_STAGES list is:
// datapath kind, pipeline, the enum's name and the stage name. Table numbers follow from the order
// within each pipeline, as the enum's do. Shared by northd, the tracer and the UI.

export type DatapathKind = 'switch' | 'router';
export type Pipeline = 'ingress' | 'egress';

/** PIPELINE_STAGE(DP_TYPE, PIPELINE, STAGE, TABLE, NAME), TABLE left to the order. */
const PIPELINE_STAGES = [
  // Logical switch ingress stages.
  ['SWITCH', 'IN', 'CHECK_PORT_SEC', 'ls_in_check_port_sec'],
  ['SWITCH', 'IN', 'APPLY_PORT_SEC', 'ls_in_apply_port_sec'],
  ['SWITCH', 'IN', 'LOOKUP_FDB', 'ls_in_lookup_fdb'],
  ['SWITCH', 'IN', 'PUT_FDB', 'ls_in_put_fdb'],
  ['SWITCH', 'IN', 'PRE_ACL', 'ls_in_pre_acl'],
  ['SWITCH', 'IN', 'PRE_LB', 'ls_in_pre_lb'],
  ['SWITCH', 'IN', 'PRE_STATEFUL', 'ls_in_pre_stateful'],
  ['SWITCH', 'IN', 'ACL_HINT', 'ls_in_acl_hint'],
  ['SWITCH', 'IN', 'ACL', 'ls_in_acl'],
  ['SWITCH', 'IN', 'QOS_MARK', 'ls_in_qos_mark'],
  ['SWITCH', 'IN', 'QOS_METER', 'ls_in_qos_meter'],
  ['SWITCH', 'IN', 'LB_AFF_CHECK', 'ls_in_lb_aff_check'],
  ['SWITCH', 'IN', 'LB', 'ls_in_lb'],
  ['SWITCH', 'IN', 'LB_AFF_LEARN', 'ls_in_lb_aff_learn'],
  ['SWITCH', 'IN', 'PRE_HAIRPIN', 'ls_in_pre_hairpin'],
  ['SWITCH', 'IN', 'NAT_HAIRPIN', 'ls_in_nat_hairpin'],
  ['SWITCH', 'IN', 'HAIRPIN', 'ls_in_hairpin'],
  ['SWITCH', 'IN', 'ACL_AFTER_LB', 'ls_in_acl_after_lb'],
  ['SWITCH', 'IN', 'STATEFUL', 'ls_in_stateful'],
  ['SWITCH', 'IN', 'ARP_ND_RSP', 'ls_in_arp_rsp'],
  ['SWITCH', 'IN', 'DHCP_OPTIONS', 'ls_in_dhcp_options'],
  ['SWITCH', 'IN', 'DHCP_RESPONSE', 'ls_in_dhcp_response'],
  ['SWITCH', 'IN', 'DNS_LOOKUP', 'ls_in_dns_lookup'],
  ['SWITCH', 'IN', 'DNS_RESPONSE', 'ls_in_dns_response'],
  ['SWITCH', 'IN', 'EXTERNAL_PORT', 'ls_in_external_port'],
  ['SWITCH', 'IN', 'L2_LKUP', 'ls_in_l2_lkup'],
  ['SWITCH', 'IN', 'L2_UNKNOWN', 'ls_in_l2_unknown'],
  // Logical switch egress stages.
  ['SWITCH', 'OUT', 'PRE_ACL', 'ls_out_pre_acl'],
  ['SWITCH', 'OUT', 'PRE_LB', 'ls_out_pre_lb'],
  ['SWITCH', 'OUT', 'PRE_STATEFUL', 'ls_out_pre_stateful'],
  ['SWITCH', 'OUT', 'ACL_HINT', 'ls_out_acl_hint'],
  ['SWITCH', 'OUT', 'ACL', 'ls_out_acl'],
  ['SWITCH', 'OUT', 'QOS_MARK', 'ls_out_qos_mark'],
  ['SWITCH', 'OUT', 'QOS_METER', 'ls_out_qos_meter'],
  ['SWITCH', 'OUT', 'STATEFUL', 'ls_out_stateful'],
  ['SWITCH', 'OUT', 'CHECK_PORT_SEC', 'ls_out_check_port_sec'],
  ['SWITCH', 'OUT', 'APPLY_PORT_SEC', 'ls_out_apply_port_sec'],
  // Logical router ingress stages.
  ['ROUTER', 'IN', 'ADMISSION', 'lr_in_admission'],
  ['ROUTER', 'IN', 'LOOKUP_NEIGHBOR', 'lr_in_lookup_neighbor'],
  ['ROUTER', 'IN', 'LEARN_NEIGHBOR', 'lr_in_learn_neighbor'],
  ['ROUTER', 'IN', 'IP_INPUT', 'lr_in_ip_input'],
  ['ROUTER', 'IN', 'UNSNAT', 'lr_in_unsnat'],
  ['ROUTER', 'IN', 'DEFRAG', 'lr_in_defrag'],
  ['ROUTER', 'IN', 'LB_AFF_CHECK', 'lr_in_lb_aff_check'],
  ['ROUTER', 'IN', 'DNAT', 'lr_in_dnat'],
  ['ROUTER', 'IN', 'LB_AFF_LEARN', 'lr_in_lb_aff_learn'],
  ['ROUTER', 'IN', 'ECMP_STATEFUL', 'lr_in_ecmp_stateful'],
  ['ROUTER', 'IN', 'ND_RA_OPTIONS', 'lr_in_nd_ra_options'],
  ['ROUTER', 'IN', 'ND_RA_RESPONSE', 'lr_in_nd_ra_response'],
  ['ROUTER', 'IN', 'IP_ROUTING_PRE', 'lr_in_ip_routing_pre'],
  ['ROUTER', 'IN', 'IP_ROUTING', 'lr_in_ip_routing'],
  ['ROUTER', 'IN', 'IP_ROUTING_ECMP', 'lr_in_ip_routing_ecmp'],
  ['ROUTER', 'IN', 'POLICY', 'lr_in_policy'],
  ['ROUTER', 'IN', 'POLICY_ECMP', 'lr_in_policy_ecmp'],
  ['ROUTER', 'IN', 'ARP_RESOLVE', 'lr_in_arp_resolve'],
  ['ROUTER', 'IN', 'CHK_PKT_LEN', 'lr_in_chk_pkt_len'],
  ['ROUTER', 'IN', 'LARGER_PKTS', 'lr_in_larger_pkts'],
  ['ROUTER', 'IN', 'GW_REDIRECT', 'lr_in_gw_redirect'],
  ['ROUTER', 'IN', 'ARP_REQUEST', 'lr_in_arp_request'],
  // Logical router egress stages.
  ['ROUTER', 'OUT', 'CHECK_DNAT_LOCAL', 'lr_out_chk_dnat_local'],
  ['ROUTER', 'OUT', 'UNDNAT', 'lr_out_undnat'],
  ['ROUTER', 'OUT', 'POST_UNDNAT', 'lr_out_post_undnat'],
  ['ROUTER', 'OUT', 'SNAT', 'lr_out_snat'],
  ['ROUTER', 'OUT', 'POST_SNAT', 'lr_out_post_snat'],
  ['ROUTER', 'OUT', 'EGR_LOOP', 'lr_out_egr_loop'],
  ['ROUTER', 'OUT', 'DELIVERY', 'lr_out_delivery'],
] as const;

/** ls_in_check_port_sec -> lsInCheckPortSec */
type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/** camelCase form of a stage name, e.g. lsInCheckPortSec. */
export type StageId = CamelCase<(typeof PIPELINE_STAGES)[number][3]>;

export interface Stage {
  /** camelCase form of the stage name, e.g. lsInCheckPortSec. */
  id: StageId;
  /** The name northd writes in external_ids:stage-name, e.g. ls_in_check_port_sec. */
  name: string;
  datapath: DatapathKind;
  pipeline: Pipeline;
  /** Logical table number (table_id in Logical_Flow). */
  table: number;
  /** The enum name in northd.c, e.g. S_SWITCH_IN_CHECK_PORT_SEC. */
  macro: string;
}

const camelCase = <S extends string>(name: S): CamelCase<S> =>
  name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as CamelCase<S>;

export const STAGES: readonly Stage[] = (() => {
  const next = new Map<string, number>();
  return PIPELINE_STAGES.map(([dp, pipeline, stage, name]) => {
    const table = next.get(dp + pipeline) ?? 0;
    next.set(dp + pipeline, table + 1);
    return {
      id: camelCase(name),
      name,
      datapath: dp === 'SWITCH' ? 'switch' : 'router',
      pipeline: pipeline === 'IN' ? 'ingress' : 'egress',
      table,
      macro: `S_${dp}_${pipeline}_${stage}`,
    };
  });
})();

export const stageById: Readonly<Record<StageId, Stage>> = Object.fromEntries(STAGES.map((s) => [s.id, s])) as Record<
  StageId,
  Stage
>;

const byName = new Map(STAGES.map((s) => [s.name, s]));

export function stageByName(name: string): Stage | undefined {
  return byName.get(name);
}

const byTable = new Map(STAGES.map((s) => [`${s.datapath}/${s.pipeline}/${s.table}`, s]));

/** The stage at a table of a datapath kind's pipeline, as ovn-trace and lflow-list name it. */
export function stageAt(datapath: DatapathKind, pipeline: Pipeline, table: number): Stage | undefined {
  return byTable.get(`${datapath}/${pipeline}/${table}`);
}

export function stagesOf(datapath: DatapathKind, pipeline: Pipeline): Stage[] {
  return STAGES.filter((s) => s.datapath === datapath && s.pipeline === pipeline);
}
