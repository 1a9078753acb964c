// The OVN logical action language as data (struct ovnact_* of include/ovn/actions.h at v23.03.1).
// Plain serialisable objects: the tracer, the UI and the printer all read these.
import type { LexFormat } from '../expr/lexer.ts';

export type Pipeline = 'ingress' | 'egress';

/** A field or subfield (struct expr_field): `reg0`, `reg0[15]`, `xreg0[0..47]`, `outport`. */
export interface FieldRef {
  /** The symbol's name as OVN spells it. */
  symbol: string;
  /** The symbol's width in bits; 0 for string fields (inport, outport). */
  width: number;
  ofs: number;
  nBits: number;
}

/** One constant (union expr_constant), as the lexer read it. */
export type Constant =
  { kind: 'integer'; value: bigint; format: LexFormat; mask?: bigint } | { kind: 'string'; value: string };

/** A `{…}` or single constant (struct expr_constant_set), as DHCP options take them. */
export interface ConstantSet {
  kind: 'integer' | 'string';
  values: Constant[];
  inCurlies: boolean;
}

/** An option of put_dhcp_opts, put_dhcpv6_opts, put_nd_ra_opts or trigger_event. */
export interface GenOption {
  name: string;
  code: number;
  /** The option's type in OVN's words: ipv4, str, uint8, bool, static_routes, mac, … */
  type: string;
  value: ConstantSet;
}

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface LbBackend extends IpAddress {
  /** 0 when no port was given. */
  port: number;
}

export type NestedActionType =
  | 'clone'
  | 'arp'
  | 'icmp4'
  | 'icmp4_error'
  | 'icmp6'
  | 'icmp6_error'
  | 'tcp_reset'
  | 'sctp_abort'
  | 'nd_na'
  | 'nd_na_router'
  | 'nd_ns'
  | 'reject'
  | 'ct_commit';

export type NatActionType = 'ct_dnat' | 'ct_snat' | 'ct_dnat_in_czone' | 'ct_snat_in_czone';

/** Actions that only write a 1-bit result: `dst = name();`. */
export type ResultActionType =
  | 'dns_lookup'
  | 'chk_lb_hairpin'
  | 'chk_lb_hairpin_reply'
  | 'check_in_port_sec'
  | 'check_out_port_sec'
  | 'chk_ecmp_nh_mac'
  | 'chk_ecmp_nh'
  | 'chk_lb_aff';

export type Action =
  | { type: 'output' }
  | { type: 'next'; pipeline: Pipeline; table: number; srcPipeline: Pipeline; srcTable: number }
  | { type: 'load'; dst: FieldRef; value: Constant }
  /** icmp4.frag_mtu / icmp6.frag_mtu: fields that live in the controller, not the packet. */
  | { type: 'ovnfield_load'; dst: FieldRef; value: Constant }
  | { type: 'move' | 'exchange'; lhs: FieldRef; rhs: FieldRef }
  | { type: 'push' | 'pop'; field: FieldRef }
  | { type: 'dec_ttl' }
  | { type: 'ct_next'; table: number }
  | {
      type: 'ct_commit_v1';
      ctMark?: { value: bigint; mask: bigint };
      ctLabel?: { value: bigint; mask: bigint };
    }
  | { type: NestedActionType; nested: Action[] }
  | { type: NatActionType; ip?: IpAddress; portRange?: { lo: number; hi: number }; table: number }
  | { type: 'ct_commit_nat'; table: number }
  | {
      type: 'ct_lb' | 'ct_lb_mark';
      backends: LbBackend[];
      hashFields?: string;
      ctFlag: 'none' | 'skip_snat' | 'force_snat';
      table: number;
    }
  | { type: 'select'; dst: FieldRef; members: { id: number; weight: number }[]; table: number }
  | { type: 'ct_clear' | 'igmp' | 'handle_dhcpv6_reply' | 'handle_bfd_msg' | 'ct_snat_to_vip' }
  | { type: 'get_arp' | 'get_nd'; port: FieldRef; ip: FieldRef }
  | { type: 'put_arp' | 'put_nd'; port: FieldRef; ip: FieldRef; mac: FieldRef }
  | { type: 'lookup_arp' | 'lookup_nd'; dst: FieldRef; port: FieldRef; ip: FieldRef; mac: FieldRef }
  | { type: 'lookup_arp_ip' | 'lookup_nd_ip'; dst: FieldRef; port: FieldRef; ip: FieldRef }
  | { type: 'put_dhcp_opts' | 'put_dhcpv6_opts' | 'put_nd_ra_opts'; dst: FieldRef; options: GenOption[] }
  | { type: 'set_queue'; queueId: number }
  | { type: ResultActionType; dst: FieldRef }
  | {
      type: 'log';
      name?: string;
      verdict: 'allow' | 'drop' | 'reject';
      severity: LogSeverity;
      meter?: string;
    }
  | { type: 'set_meter'; rate: bigint; burst: bigint }
  | { type: 'check_pkt_larger'; dst: FieldRef; pktLen: number }
  | { type: 'trigger_event'; event: 'empty_lb_backends'; options: GenOption[] }
  | { type: 'bind_vport'; vport: string; parent: FieldRef }
  | { type: 'handle_svc_check'; port: FieldRef }
  | { type: 'fwd_group'; liveness: boolean; childPorts: string[]; table: number }
  | { type: 'put_fdb'; port: FieldRef; mac: FieldRef }
  | { type: 'get_fdb'; dst: FieldRef; mac: FieldRef }
  | { type: 'lookup_fdb'; dst: FieldRef; port: FieldRef; mac: FieldRef }
  | { type: 'commit_ecmp_nh'; ipv6: boolean; proto: 'tcp' | 'udp' | 'sctp' }
  | {
      type: 'commit_lb_aff';
      vip: IpAddress;
      vipPort: number;
      backend: IpAddress;
      backendPort: number;
      proto?: 'tcp' | 'udp' | 'sctp';
      timeout: number;
    }
  | {
      type: 'sample';
      probability: number;
      collectorSet: number;
      obsDomain: number;
      obsPoint: number | 'cookie';
    };

export type LogSeverity = 'alert' | 'warning' | 'notice' | 'info' | 'debug';

/** Where the actions sit: `next;` and ct_* resolve their tables from this (struct ovnact_parse_params). */
export interface ActionContext {
  pipeline: Pipeline;
  /** The logical table of the flow holding the actions. */
  table: number;
  /** Tables in a pipeline; ovn-trace and ovn-controller use LOG_PIPELINE_LEN = 29. */
  nTables?: number;
}

export const LOG_PIPELINE_LEN = 29;
