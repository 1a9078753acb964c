// The OpenFlow flow language of Open vSwitch 3.1 (ovs-ofctl add-flow / dump-flows) as data.
//
// For the other openflow/ and physical/ code, in short:
// - A field (MfField, table in fields.ts) is one row of meta-flow.h: its name ("eth_src"), the extra
//   name OVS also accepts ("dl_src"), NXM/OXM names, width, maskability, prerequisites and whether
//   actions may write it. Each field lives in a storage SLOT of a packet, as in OVS's struct flow:
//   tcp_src, udp_src, icmp_type share slot "tp_src"; arp_spa shares "nw_src"; xreg/xxreg span regs.
//   Slot names and widths are those of packet/fields.ts (STORAGE_WIDTHS) plus a few OVS-only slots
//   (fields.ts FLOW_SLOTS), so a Match applies directly to a packet/state.ts PacketState.
// - A Match is struct match: per slot a value and a mask (only slots with a non-zero mask are
//   present; value is always already ANDed with mask). A packet matches when for every slot
//   (packet[slot] & mask) === value.
// - Actions are an AST mirroring OVS's struct ofpact kinds (OFPACT_* in ofp-actions.h), with port
//   numbers as OpenFlow port numbers (reserved ports in OVS's 16-bit form: OFPP_* below).
//   "drop" is the empty action list, as in OVS.
// - A Flow is an ofputil_flow_mod/flow_stats without the counters; a Group is ofputil_group_mod.
// Values wider than 53 bits are bigints; all field values and masks are bigints for uniformity.

/** Where a field's bits live: slot name and bit offset of the field's least significant bit. */
export interface FieldStorage {
  slot: string;
  ofs: number;
}

/** How meta-flow.h says a field's value is written (MFS_*). */
export type MfFormatting =
  | 'decimal'
  | 'hexadecimal'
  | 'ct_state'
  | 'ethernet'
  | 'ipv4'
  | 'ipv6'
  | 'ofp_port'
  | 'ofp_port_oxm'
  | 'frag'
  | 'tunnel_flags'
  | 'tcp_flags'
  | 'packet_type';

/** meta-flow.h prerequisites (MFP_*). */
export type MfPrereq =
  | 'none'
  | 'ethernet'
  | 'arp'
  | 'vlan_vid'
  | 'ipv4'
  | 'ipv6'
  | 'ip_any'
  | 'nsh'
  | 'mpls'
  | 'tcp'
  | 'udp'
  | 'sctp'
  | 'icmpv4'
  | 'icmpv6'
  | 'ct_valid'
  | 'nd'
  | 'nd_solicit'
  | 'nd_advert';

export interface MfField {
  /** meta-flow.h enum name without MFF_ ("ETH_SRC"). */
  id: string;
  /** Canonical name, as OVS prints it in set_field and for most matches ("eth_src"). */
  name: string;
  /** The other name OVS accepts ("dl_src"); match_format prints some fields by this name. */
  extraName?: string;
  /** Width in bytes of OVS's storage type (be32 for ipv6_label's 20 bits): "…too large for N-byte field". */
  nBytes: number;
  /** Width in bits (tun_metadataN: 992, the maximum; the TLV map gives the real length). */
  nBits: number;
  maskable: boolean;
  formatting: MfFormatting;
  prereqs: MfPrereq;
  writable: boolean;
  /** NXM and OXM names ("NXM_OF_ETH_SRC", "OXM_OF_ETH_SRC"), for "NXM_OF_ETH_SRC[0..15]" syntax. */
  nxmName?: string;
  oxmName?: string;
  /** Storage of the field; for xreg/xxreg the parts, most significant register first. */
  storage: FieldStorage | { parts: string[] };
}

/** A field with a bit range, as in "NXM_NX_REG0[0..15]" or "reg0[0..15]" (mf_subfield). */
export interface Subfield {
  /** MfField.name. */
  field: string;
  ofs: number;
  nBits: number;
}

/** One slot of a match: value (already masked) and mask. */
export interface MatchEntry {
  value: bigint;
  mask: bigint;
}

/** struct match: slot name → value/mask. */
export interface Match {
  slots: Record<string, MatchEntry>;
  /** tun_metadataN lengths in bytes from the TLV map, for slots "tun_metadata0"…, when known. */
  tunMetadataLen?: Record<number, number>;
}

/** Reserved OpenFlow ports in OVS's internal 16-bit numbering (ofp_port_t). */
export const OFPP = {
  MAX: 0xff00,
  UNSET: 0xfff7,
  IN_PORT: 0xfff8,
  TABLE: 0xfff9,
  NORMAL: 0xfffa,
  FLOOD: 0xfffb,
  ALL: 0xfffc,
  CONTROLLER: 0xfffd,
  LOCAL: 0xfffe,
  NONE: 0xffff,
} as const;

/** A value for an action argument that may be immediate or read from a subfield (ct zone, etc.). */
export type ImmOrField = { imm: number } | { src: Subfield };

export interface NatSpec {
  /** "src" or "dst" NAT, or neither (plain nat: reverse an existing connection). */
  kind?: 'src' | 'dst';
  /** Address range as bigints (IPv4 or IPv6 decided by `ipv6`). */
  addrMin?: bigint;
  addrMax?: bigint;
  ipv6?: boolean;
  portMin?: number;
  portMax?: number;
  persistent?: boolean;
  hash?: boolean;
  random?: boolean;
}

/** One learn() spec (struct ofpact_learn_spec). */
export interface LearnSpec {
  /** match: dst field matches src value; load: load src into dst; output: output to src. */
  kind: 'match' | 'load' | 'output';
  /** Source: a subfield, or an immediate value of dst's width. */
  src: { field: Subfield } | { imm: bigint };
  /** Destination (absent for output). */
  dst?: Subfield;
  /** The text form: "NXM_OF_VLAN_TCI[0..11]" alone (dst=src) vs "dst=src". */
  implicit?: boolean;
}

export type OfpAction =
  | { type: 'output'; port: number; maxLen?: number }
  | { type: 'output_reg'; src: Subfield; maxLen: number }
  | { type: 'output_trunc'; port: number; maxLen: number }
  | { type: 'enqueue'; port: number; queue: number }
  | {
      type: 'controller';
      maxLen: number;
      reason: string;
      controllerId: number;
      userdata?: number[];
      pause: boolean;
      meterId?: number;
      /** Unused by the parser and printer (a controller action with only max_len is output:CONTROLLER). */
      bare: boolean;
    }
  | { type: 'group'; groupId: number }
  | { type: 'resubmit'; inPort: number; table: number; withCt: boolean }
  | { type: 'goto_table'; table: number }
  | {
      type: 'set_field';
      field: string;
      value: bigint;
      mask: bigint;
      /** How it was written: set_field:V->F, or load:V->F[a..b] (a subfield load). */
      raw: 'set_field' | 'load';
    }
  | { type: 'move'; src: Subfield; dst: Subfield }
  | { type: 'push'; subfield: Subfield }
  | { type: 'pop'; subfield: Subfield }
  /**
   * Plain "dec_ttl" is controller id [0]; "dec_ttl(…)" (raw cnt_ids) prints its list, "dec_ttl()" when empty,
   * as OVS prints whatever is not exactly one id 0.
   */
  | { type: 'dec_ttl'; cntIds: number[]; raw?: 'cnt_ids' }
  | { type: 'set_vlan_vid'; vid: number; push: boolean }
  | { type: 'set_vlan_pcp'; pcp: number; push: boolean }
  | { type: 'strip_vlan'; raw: 'strip_vlan' | 'pop_vlan' }
  | { type: 'push_vlan'; ethertype: number }
  | { type: 'mod_dl_src' | 'mod_dl_dst'; mac: bigint }
  | { type: 'mod_nw_src' | 'mod_nw_dst'; addr: bigint }
  | { type: 'mod_nw_tos'; dscp: number }
  | { type: 'mod_nw_ecn'; ecn: number }
  | { type: 'mod_nw_ttl'; ttl: number }
  | { type: 'mod_tp_src' | 'mod_tp_dst'; port: number }
  | { type: 'push_mpls' | 'pop_mpls'; ethertype: number }
  | { type: 'set_tunnel'; tunId: bigint; raw: 'set_tunnel' | 'set_tunnel64' }
  | { type: 'set_queue'; queue: number }
  | { type: 'pop_queue' }
  | { type: 'fin_timeout'; idle: number; hard: number }
  | { type: 'note'; data: number[] }
  | { type: 'exit' }
  | { type: 'ct_clear' }
  | { type: 'clone'; actions: OfpAction[] }
  | {
      type: 'ct';
      commit: boolean;
      force: boolean;
      zone?: ImmOrField;
      /** Recirculation table, or undefined for none (OVS: NX_CT_RECIRC_NONE). */
      table?: number;
      alg?: number;
      /** Actions of exec(…) and nat(…): set_field of ct_mark/ct_label, and nat. */
      actions: OfpAction[];
      expectationMask?: number;
    }
  | ({ type: 'nat' } & NatSpec)
  | { type: 'conjunction'; id: number; clause: number; nClauses: number }
  | {
      type: 'learn';
      table: number;
      idleTimeout: number;
      hardTimeout: number;
      priority: number;
      cookie: bigint;
      finIdleTimeout: number;
      finHardTimeout: number;
      importance: number;
      sendFlowRem: boolean;
      deleteLearned: boolean;
      limit: number;
      resultDst?: Subfield;
      specs: LearnSpec[];
    }
  | {
      type: 'multipath';
      fields: string;
      basis: number;
      algorithm: string;
      maxLink: number;
      arg: number;
      dst: Subfield;
    }
  | {
      type: 'bundle';
      fields: string;
      basis: number;
      algorithm: string;
      members: number[];
      dst?: Subfield;
    }
  | {
      type: 'sample';
      probability: number;
      collectorSetId: number;
      obsDomainId: number;
      obsPointId: number;
      samplingPort?: number;
    }
  | { type: 'check_pkt_larger'; pktLen: number; dst: Subfield }
  | { type: 'meter'; meterId: number }
  | { type: 'clear_actions' }
  | { type: 'write_actions'; actions: OfpAction[] }
  | { type: 'write_metadata'; metadata: bigint; mask: bigint };

export type OfpActionType = OfpAction['type'];

/** OFPFF_* flow flags as ovs-ofctl spells them. */
export interface FlowFlags {
  send_flow_rem?: boolean;
  check_overlap?: boolean;
  reset_counts?: boolean;
  no_packet_counts?: boolean;
  no_byte_counts?: boolean;
}

export interface Flow {
  table: number;
  priority: number;
  cookie: bigint;
  /** cookie=V/M in mod-flows/del-flows (0 when not given). */
  cookieMask: bigint;
  idleTimeout: number;
  hardTimeout: number;
  importance: number;
  flags: FlowFlags;
  match: Match;
  actions: OfpAction[];
  /**
   * OpenFlow version the flow was added with (10 for OpenFlow 1.0 … 15): the switch keeps the action
   * encoding of that version (load: vs set_field). Absent: 15 (ovn-controller's).
   */
  version?: number;
  /** out_port / out_group filters of del-flows and dump-flows (OFPP.ANY / OFPG.ANY when absent). */
  outPort?: number;
  outGroup?: number;
}

/** Counters of a flow in dump-flows with stats (ofputil_flow_stats). */
export interface FlowStats {
  durationSec: number;
  durationNsec: number;
  nPackets: bigint;
  nBytes: bigint;
  idleAge?: number;
  hardAge?: number;
}

export type GroupType = 'all' | 'select' | 'indirect' | 'ff';

export interface Bucket {
  bucketId?: number;
  weight?: number;
  watchPort?: number;
  watchGroup?: number;
  actions: OfpAction[];
}

export interface Group {
  groupId: number;
  type: GroupType;
  /** "hash" or "dp_hash" (OVS extension), printed as selection_method=…. */
  selectionMethod?: string;
  selectionMethodParam?: bigint;
  /** fields(…) of a hash selection method: field name with optional mask. */
  fields?: { field: string; mask?: bigint }[];
  buckets: Bucket[];
}

/** Every parser here returns this on error (never throws): OVS's message, 0-based column in the text. */
export interface ParseError {
  ok: false;
  error: string;
  column: number;
}
export type FlowParseResult = { ok: true; flow: Flow } | ParseError;
export type MatchParseResult = { ok: true; match: Match } | ParseError;
export type ActionsParseResult = { ok: true; actions: OfpAction[] } | ParseError;
export type GroupParseResult = { ok: true; group: Group } | ParseError;

/** What the parsers need from the switch: port names (ovs-ofctl resolves in_port=NAME, output:NAME). */
export interface FlowParseOptions {
  /** Port name → OpenFlow port number, or undefined if unknown. */
  portByName?: (name: string) => number | undefined;
  /** add (actions required), modify, delete (no actions, out_port allowed): ofputil_parse_flow_mod's command. */
  command?: 'add' | 'modify' | 'modify_strict' | 'delete' | 'delete_strict' | 'dump';
  /** ovs-ofctl -O OpenFlow15: the same as version 15. */
  openflow15?: boolean;
  /**
   * OpenFlow version of the add-flow (ovs-ofctl -O OpenFlow1x → 1x; without -O: 10, the default). Above 10,
   * what only OpenFlow 1.0/NXM can express is refused (strip_vlan without a VLAN match …).
   */
  version?: number;
  /** tun_metadata TLV map: index → length in bytes (OVS rejects tun_metadataN not in the map). */
  tunMetadataLen?: Record<number, number>;
}

export interface FlowFormatOptions {
  /** --names: OpenFlow port number → name (undefined: print the number). */
  portName?: (port: number) => string | undefined;
  /** OpenFlow version of the dump-flows (default 15: ovs-ofctl -O OpenFlow15). */
  version?: number;
  /** Stats to print (dump-flows without --no-stats); absent: --no-stats form. */
  stats?: FlowStats;
}
