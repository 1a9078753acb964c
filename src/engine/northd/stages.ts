// The OVN 23.03.1 logical pipeline stages (northd.c PIPELINE_STAGES) as data: datapath kind,
// pipeline, table number and stage name, shared by northd, the tracer and the UI.

export type DatapathKind = 'switch' | 'router';
export type Pipeline = 'ingress' | 'egress';

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

export type StageId =
  | 'lsInCheckPortSec'
  | 'lsInApplyPortSec'
  | 'lsInLookupFdb'
  | 'lsInPutFdb'
  | 'lsInPreAcl'
  | 'lsInPreLb'
  | 'lsInPreStateful'
  | 'lsInAclHint'
  | 'lsInAcl'
  | 'lsInQosMark'
  | 'lsInQosMeter'
  | 'lsInLbAffCheck'
  | 'lsInLb'
  | 'lsInLbAffLearn'
  | 'lsInPreHairpin'
  | 'lsInNatHairpin'
  | 'lsInHairpin'
  | 'lsInAclAfterLb'
  | 'lsInStateful'
  | 'lsInArpRsp'
  | 'lsInDhcpOptions'
  | 'lsInDhcpResponse'
  | 'lsInDnsLookup'
  | 'lsInDnsResponse'
  | 'lsInExternalPort'
  | 'lsInL2Lkup'
  | 'lsInL2Unknown'
  | 'lsOutPreAcl'
  | 'lsOutPreLb'
  | 'lsOutPreStateful'
  | 'lsOutAclHint'
  | 'lsOutAcl'
  | 'lsOutQosMark'
  | 'lsOutQosMeter'
  | 'lsOutStateful'
  | 'lsOutCheckPortSec'
  | 'lsOutApplyPortSec'
  | 'lrInAdmission'
  | 'lrInLookupNeighbor'
  | 'lrInLearnNeighbor'
  | 'lrInIpInput'
  | 'lrInUnsnat'
  | 'lrInDefrag'
  | 'lrInLbAffCheck'
  | 'lrInDnat'
  | 'lrInLbAffLearn'
  | 'lrInEcmpStateful'
  | 'lrInNdRaOptions'
  | 'lrInNdRaResponse'
  | 'lrInIpRoutingPre'
  | 'lrInIpRouting'
  | 'lrInIpRoutingEcmp'
  | 'lrInPolicy'
  | 'lrInPolicyEcmp'
  | 'lrInArpResolve'
  | 'lrInChkPktLen'
  | 'lrInLargerPkts'
  | 'lrInGwRedirect'
  | 'lrInArpRequest'
  | 'lrOutChkDnatLocal'
  | 'lrOutUndnat'
  | 'lrOutPostUndnat'
  | 'lrOutSnat'
  | 'lrOutPostSnat'
  | 'lrOutEgrLoop'
  | 'lrOutDelivery';

export const STAGES: readonly Stage[] = [
  {
    id: 'lsInCheckPortSec',
    name: 'ls_in_check_port_sec',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 0,
    macro: 'S_SWITCH_IN_CHECK_PORT_SEC',
  },
  {
    id: 'lsInApplyPortSec',
    name: 'ls_in_apply_port_sec',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 1,
    macro: 'S_SWITCH_IN_APPLY_PORT_SEC',
  },
  {
    id: 'lsInLookupFdb',
    name: 'ls_in_lookup_fdb',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 2,
    macro: 'S_SWITCH_IN_LOOKUP_FDB',
  },
  {
    id: 'lsInPutFdb',
    name: 'ls_in_put_fdb',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 3,
    macro: 'S_SWITCH_IN_PUT_FDB',
  },
  {
    id: 'lsInPreAcl',
    name: 'ls_in_pre_acl',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 4,
    macro: 'S_SWITCH_IN_PRE_ACL',
  },
  {
    id: 'lsInPreLb',
    name: 'ls_in_pre_lb',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 5,
    macro: 'S_SWITCH_IN_PRE_LB',
  },
  {
    id: 'lsInPreStateful',
    name: 'ls_in_pre_stateful',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 6,
    macro: 'S_SWITCH_IN_PRE_STATEFUL',
  },
  {
    id: 'lsInAclHint',
    name: 'ls_in_acl_hint',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 7,
    macro: 'S_SWITCH_IN_ACL_HINT',
  },
  { id: 'lsInAcl', name: 'ls_in_acl', datapath: 'switch', pipeline: 'ingress', table: 8, macro: 'S_SWITCH_IN_ACL' },
  {
    id: 'lsInQosMark',
    name: 'ls_in_qos_mark',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 9,
    macro: 'S_SWITCH_IN_QOS_MARK',
  },
  {
    id: 'lsInQosMeter',
    name: 'ls_in_qos_meter',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 10,
    macro: 'S_SWITCH_IN_QOS_METER',
  },
  {
    id: 'lsInLbAffCheck',
    name: 'ls_in_lb_aff_check',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 11,
    macro: 'S_SWITCH_IN_LB_AFF_CHECK',
  },
  { id: 'lsInLb', name: 'ls_in_lb', datapath: 'switch', pipeline: 'ingress', table: 12, macro: 'S_SWITCH_IN_LB' },
  {
    id: 'lsInLbAffLearn',
    name: 'ls_in_lb_aff_learn',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 13,
    macro: 'S_SWITCH_IN_LB_AFF_LEARN',
  },
  {
    id: 'lsInPreHairpin',
    name: 'ls_in_pre_hairpin',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 14,
    macro: 'S_SWITCH_IN_PRE_HAIRPIN',
  },
  {
    id: 'lsInNatHairpin',
    name: 'ls_in_nat_hairpin',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 15,
    macro: 'S_SWITCH_IN_NAT_HAIRPIN',
  },
  {
    id: 'lsInHairpin',
    name: 'ls_in_hairpin',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 16,
    macro: 'S_SWITCH_IN_HAIRPIN',
  },
  {
    id: 'lsInAclAfterLb',
    name: 'ls_in_acl_after_lb',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 17,
    macro: 'S_SWITCH_IN_ACL_AFTER_LB',
  },
  {
    id: 'lsInStateful',
    name: 'ls_in_stateful',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 18,
    macro: 'S_SWITCH_IN_STATEFUL',
  },
  {
    id: 'lsInArpRsp',
    name: 'ls_in_arp_rsp',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 19,
    macro: 'S_SWITCH_IN_ARP_ND_RSP',
  },
  {
    id: 'lsInDhcpOptions',
    name: 'ls_in_dhcp_options',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 20,
    macro: 'S_SWITCH_IN_DHCP_OPTIONS',
  },
  {
    id: 'lsInDhcpResponse',
    name: 'ls_in_dhcp_response',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 21,
    macro: 'S_SWITCH_IN_DHCP_RESPONSE',
  },
  {
    id: 'lsInDnsLookup',
    name: 'ls_in_dns_lookup',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 22,
    macro: 'S_SWITCH_IN_DNS_LOOKUP',
  },
  {
    id: 'lsInDnsResponse',
    name: 'ls_in_dns_response',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 23,
    macro: 'S_SWITCH_IN_DNS_RESPONSE',
  },
  {
    id: 'lsInExternalPort',
    name: 'ls_in_external_port',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 24,
    macro: 'S_SWITCH_IN_EXTERNAL_PORT',
  },
  {
    id: 'lsInL2Lkup',
    name: 'ls_in_l2_lkup',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 25,
    macro: 'S_SWITCH_IN_L2_LKUP',
  },
  {
    id: 'lsInL2Unknown',
    name: 'ls_in_l2_unknown',
    datapath: 'switch',
    pipeline: 'ingress',
    table: 26,
    macro: 'S_SWITCH_IN_L2_UNKNOWN',
  },
  {
    id: 'lsOutPreAcl',
    name: 'ls_out_pre_acl',
    datapath: 'switch',
    pipeline: 'egress',
    table: 0,
    macro: 'S_SWITCH_OUT_PRE_ACL',
  },
  {
    id: 'lsOutPreLb',
    name: 'ls_out_pre_lb',
    datapath: 'switch',
    pipeline: 'egress',
    table: 1,
    macro: 'S_SWITCH_OUT_PRE_LB',
  },
  {
    id: 'lsOutPreStateful',
    name: 'ls_out_pre_stateful',
    datapath: 'switch',
    pipeline: 'egress',
    table: 2,
    macro: 'S_SWITCH_OUT_PRE_STATEFUL',
  },
  {
    id: 'lsOutAclHint',
    name: 'ls_out_acl_hint',
    datapath: 'switch',
    pipeline: 'egress',
    table: 3,
    macro: 'S_SWITCH_OUT_ACL_HINT',
  },
  { id: 'lsOutAcl', name: 'ls_out_acl', datapath: 'switch', pipeline: 'egress', table: 4, macro: 'S_SWITCH_OUT_ACL' },
  {
    id: 'lsOutQosMark',
    name: 'ls_out_qos_mark',
    datapath: 'switch',
    pipeline: 'egress',
    table: 5,
    macro: 'S_SWITCH_OUT_QOS_MARK',
  },
  {
    id: 'lsOutQosMeter',
    name: 'ls_out_qos_meter',
    datapath: 'switch',
    pipeline: 'egress',
    table: 6,
    macro: 'S_SWITCH_OUT_QOS_METER',
  },
  {
    id: 'lsOutStateful',
    name: 'ls_out_stateful',
    datapath: 'switch',
    pipeline: 'egress',
    table: 7,
    macro: 'S_SWITCH_OUT_STATEFUL',
  },
  {
    id: 'lsOutCheckPortSec',
    name: 'ls_out_check_port_sec',
    datapath: 'switch',
    pipeline: 'egress',
    table: 8,
    macro: 'S_SWITCH_OUT_CHECK_PORT_SEC',
  },
  {
    id: 'lsOutApplyPortSec',
    name: 'ls_out_apply_port_sec',
    datapath: 'switch',
    pipeline: 'egress',
    table: 9,
    macro: 'S_SWITCH_OUT_APPLY_PORT_SEC',
  },
  {
    id: 'lrInAdmission',
    name: 'lr_in_admission',
    datapath: 'router',
    pipeline: 'ingress',
    table: 0,
    macro: 'S_ROUTER_IN_ADMISSION',
  },
  {
    id: 'lrInLookupNeighbor',
    name: 'lr_in_lookup_neighbor',
    datapath: 'router',
    pipeline: 'ingress',
    table: 1,
    macro: 'S_ROUTER_IN_LOOKUP_NEIGHBOR',
  },
  {
    id: 'lrInLearnNeighbor',
    name: 'lr_in_learn_neighbor',
    datapath: 'router',
    pipeline: 'ingress',
    table: 2,
    macro: 'S_ROUTER_IN_LEARN_NEIGHBOR',
  },
  {
    id: 'lrInIpInput',
    name: 'lr_in_ip_input',
    datapath: 'router',
    pipeline: 'ingress',
    table: 3,
    macro: 'S_ROUTER_IN_IP_INPUT',
  },
  {
    id: 'lrInUnsnat',
    name: 'lr_in_unsnat',
    datapath: 'router',
    pipeline: 'ingress',
    table: 4,
    macro: 'S_ROUTER_IN_UNSNAT',
  },
  {
    id: 'lrInDefrag',
    name: 'lr_in_defrag',
    datapath: 'router',
    pipeline: 'ingress',
    table: 5,
    macro: 'S_ROUTER_IN_DEFRAG',
  },
  {
    id: 'lrInLbAffCheck',
    name: 'lr_in_lb_aff_check',
    datapath: 'router',
    pipeline: 'ingress',
    table: 6,
    macro: 'S_ROUTER_IN_LB_AFF_CHECK',
  },
  { id: 'lrInDnat', name: 'lr_in_dnat', datapath: 'router', pipeline: 'ingress', table: 7, macro: 'S_ROUTER_IN_DNAT' },
  {
    id: 'lrInLbAffLearn',
    name: 'lr_in_lb_aff_learn',
    datapath: 'router',
    pipeline: 'ingress',
    table: 8,
    macro: 'S_ROUTER_IN_LB_AFF_LEARN',
  },
  {
    id: 'lrInEcmpStateful',
    name: 'lr_in_ecmp_stateful',
    datapath: 'router',
    pipeline: 'ingress',
    table: 9,
    macro: 'S_ROUTER_IN_ECMP_STATEFUL',
  },
  {
    id: 'lrInNdRaOptions',
    name: 'lr_in_nd_ra_options',
    datapath: 'router',
    pipeline: 'ingress',
    table: 10,
    macro: 'S_ROUTER_IN_ND_RA_OPTIONS',
  },
  {
    id: 'lrInNdRaResponse',
    name: 'lr_in_nd_ra_response',
    datapath: 'router',
    pipeline: 'ingress',
    table: 11,
    macro: 'S_ROUTER_IN_ND_RA_RESPONSE',
  },
  {
    id: 'lrInIpRoutingPre',
    name: 'lr_in_ip_routing_pre',
    datapath: 'router',
    pipeline: 'ingress',
    table: 12,
    macro: 'S_ROUTER_IN_IP_ROUTING_PRE',
  },
  {
    id: 'lrInIpRouting',
    name: 'lr_in_ip_routing',
    datapath: 'router',
    pipeline: 'ingress',
    table: 13,
    macro: 'S_ROUTER_IN_IP_ROUTING',
  },
  {
    id: 'lrInIpRoutingEcmp',
    name: 'lr_in_ip_routing_ecmp',
    datapath: 'router',
    pipeline: 'ingress',
    table: 14,
    macro: 'S_ROUTER_IN_IP_ROUTING_ECMP',
  },
  {
    id: 'lrInPolicy',
    name: 'lr_in_policy',
    datapath: 'router',
    pipeline: 'ingress',
    table: 15,
    macro: 'S_ROUTER_IN_POLICY',
  },
  {
    id: 'lrInPolicyEcmp',
    name: 'lr_in_policy_ecmp',
    datapath: 'router',
    pipeline: 'ingress',
    table: 16,
    macro: 'S_ROUTER_IN_POLICY_ECMP',
  },
  {
    id: 'lrInArpResolve',
    name: 'lr_in_arp_resolve',
    datapath: 'router',
    pipeline: 'ingress',
    table: 17,
    macro: 'S_ROUTER_IN_ARP_RESOLVE',
  },
  {
    id: 'lrInChkPktLen',
    name: 'lr_in_chk_pkt_len',
    datapath: 'router',
    pipeline: 'ingress',
    table: 18,
    macro: 'S_ROUTER_IN_CHK_PKT_LEN',
  },
  {
    id: 'lrInLargerPkts',
    name: 'lr_in_larger_pkts',
    datapath: 'router',
    pipeline: 'ingress',
    table: 19,
    macro: 'S_ROUTER_IN_LARGER_PKTS',
  },
  {
    id: 'lrInGwRedirect',
    name: 'lr_in_gw_redirect',
    datapath: 'router',
    pipeline: 'ingress',
    table: 20,
    macro: 'S_ROUTER_IN_GW_REDIRECT',
  },
  {
    id: 'lrInArpRequest',
    name: 'lr_in_arp_request',
    datapath: 'router',
    pipeline: 'ingress',
    table: 21,
    macro: 'S_ROUTER_IN_ARP_REQUEST',
  },
  {
    id: 'lrOutChkDnatLocal',
    name: 'lr_out_chk_dnat_local',
    datapath: 'router',
    pipeline: 'egress',
    table: 0,
    macro: 'S_ROUTER_OUT_CHECK_DNAT_LOCAL',
  },
  {
    id: 'lrOutUndnat',
    name: 'lr_out_undnat',
    datapath: 'router',
    pipeline: 'egress',
    table: 1,
    macro: 'S_ROUTER_OUT_UNDNAT',
  },
  {
    id: 'lrOutPostUndnat',
    name: 'lr_out_post_undnat',
    datapath: 'router',
    pipeline: 'egress',
    table: 2,
    macro: 'S_ROUTER_OUT_POST_UNDNAT',
  },
  {
    id: 'lrOutSnat',
    name: 'lr_out_snat',
    datapath: 'router',
    pipeline: 'egress',
    table: 3,
    macro: 'S_ROUTER_OUT_SNAT',
  },
  {
    id: 'lrOutPostSnat',
    name: 'lr_out_post_snat',
    datapath: 'router',
    pipeline: 'egress',
    table: 4,
    macro: 'S_ROUTER_OUT_POST_SNAT',
  },
  {
    id: 'lrOutEgrLoop',
    name: 'lr_out_egr_loop',
    datapath: 'router',
    pipeline: 'egress',
    table: 5,
    macro: 'S_ROUTER_OUT_EGR_LOOP',
  },
  {
    id: 'lrOutDelivery',
    name: 'lr_out_delivery',
    datapath: 'router',
    pipeline: 'egress',
    table: 6,
    macro: 'S_ROUTER_OUT_DELIVERY',
  },
];

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
