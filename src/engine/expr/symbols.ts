// The OVN 23.03 logical-field symbol table (ovn_init_symtab in lib/logical-fields.c): every field,
// subfield and predicate a logical flow may name, with its width, level, prerequisites, expansion and
// the OVS field underneath. Same names, same order, same definitions.
import { tokenize } from './lexer.ts';

/** expr_level: nominal fields allow only ==/!=, boolean ones are 1-bit tests, ordinal ones allow ranges. */
export type ExprLevel = 'nominal' | 'boolean' | 'ordinal';

/** expr_write_scope bits. */
export const WR_DEFAULT = 1;
export const WR_CT_COMMIT = 2;

export interface ExprSymbol {
  name: string;
  /** Bits; 0 for string fields (inport, outport). */
  width: number;
  level: ExprLevel;
  /** Expression that must hold wherever this symbol is used. */
  prereqs?: string;
  /** Subfields: the symbol they are a part of, and where. */
  parent?: string;
  parentOfs?: number;
  /** Predicates: the expression they stand for. */
  predicate?: string;
  /** Base fields: the OVS field (ovs-fields(7) name, see packet/fields.ts). */
  field?: string;
  /** OVN-only fields written by actions (icmp4.frag_mtu …). */
  ovnField?: boolean;
  mustCrossproduct: boolean;
  /** Bitmap of write scopes (WR_*) in which actions may assign it. */
  rw: number;
}

/** OVS fields that are not fully maskable (so their symbols are nominal), and read-only ones. */
const NOT_MASKABLE = new Set([
  'in_port',
  'ct_zone',
  'eth_type',
  'nw_proto',
  'nw_tos',
  'ip_dscp',
  'nw_ecn',
  'nw_ttl',
  'arp_op',
  'icmp_type',
  'icmp_code',
  'icmpv6_type',
  'icmpv6_code',
]);
const READ_ONLY = new Set(['ct_state', 'ct_zone', 'eth_type', 'nw_proto', 'ip_frag', 'tcp_flags', 'dp_hash']);

/** OVS field widths for the fields OVN names (mf_field n_bits). */
const OVS_WIDTH: Record<string, number> = {
  reg14: 32,
  reg15: 32,
  xxreg0: 128,
  xxreg1: 128,
  xreg4: 64,
  reg10: 32,
  reg11: 32,
  reg12: 32,
  reg13: 32,
  ct_mark: 32,
  ct_label: 128,
  ct_state: 32,
  eth_src: 48,
  eth_dst: 48,
  eth_type: 16,
  vlan_tci: 16,
  nw_proto: 8,
  ip_dscp: 6,
  nw_ecn: 2,
  nw_ttl: 8,
  ip_src: 32,
  ip_dst: 32,
  icmp_type: 8,
  icmp_code: 8,
  ipv6_src: 128,
  ipv6_dst: 128,
  ipv6_label: 20,
  icmpv6_type: 8,
  icmpv6_code: 8,
  ip_frag: 2,
  arp_op: 16,
  arp_spa: 32,
  arp_sha: 48,
  arp_tpa: 32,
  arp_tha: 48,
  nd_target: 128,
  nd_sll: 48,
  nd_tll: 48,
  tcp_src: 16,
  tcp_dst: 16,
  tcp_flags: 12,
  udp_src: 16,
  udp_dst: 16,
  sctp_src: 16,
  sctp_dst: 16,
  pkt_mark: 32,
};

export type SymbolTable = ReadonlyMap<string, ExprSymbol>;

function buildSymtab(): Map<string, ExprSymbol> {
  const symtab = new Map<string, ExprSymbol>();
  const add = (s: ExprSymbol) => symtab.set(s.name, s);

  const addField = (name: string, field: string, prereqs: string | undefined, mustCross: boolean, scope = WR_DEFAULT) =>
    add({
      name,
      width: OVS_WIDTH[field],
      level: NOT_MASKABLE.has(field) ? 'nominal' : 'ordinal',
      prereqs,
      field,
      mustCrossproduct: mustCross,
      rw: READ_ONLY.has(field) ? 0 : scope,
    });
  const addSubfield = (name: string, prereqs: string | undefined, subfield: string, scope = WR_DEFAULT) => {
    const m = /^([a-z0-9_.]+)\[(\d+)(?:\.\.(\d+))?\]$/.exec(subfield);
    if (!m) return;
    const parent = symtab.get(m[1]);
    if (!parent) return;
    const low = Number(m[2]);
    const high = m[3] === undefined ? low : Number(m[3]);
    add({
      name,
      width: high - low + 1,
      level: parent.level,
      prereqs,
      parent: parent.name,
      parentOfs: low,
      mustCrossproduct: false,
      rw: parent.rw ? scope : 0,
    });
  };
  const addPredicate = (name: string, expansion: string) => {
    // A predicate is nominal if its expansion compares any nominal symbol, else boolean.
    const ids = tokenize(expansion).filter((t) => t.type === 'ID');
    const nominal = ids.some((t) => symtab.get(t.s ?? '')?.level === 'nominal');
    add({
      name,
      width: 1,
      level: nominal ? 'nominal' : 'boolean',
      predicate: expansion,
      mustCrossproduct: false,
      rw: 0,
    });
  };
  const addString = (name: string, field: string) =>
    add({ name, width: 0, level: 'nominal', field, mustCrossproduct: false, rw: WR_DEFAULT });

  addString('inport', 'reg14');
  addString('outport', 'reg15');

  // Logical registers: xxreg0-1, xreg0-4, reg0-9 (MFF_N_LOG_REGS = 10), overlapping as subfields.
  for (let xxi = 0; xxi < 2; xxi++) addField(`xxreg${xxi}`, `xxreg${xxi}`, undefined, false);
  for (let xi = 0; xi < 5; xi++) {
    const xxi = Math.floor(xi / 2);
    if (xxi < 2) {
      const lsb = 64 * (1 - (xi % 2));
      addSubfield(`xreg${xi}`, undefined, `xxreg${xxi}[${lsb}..${lsb + 63}]`);
    } else {
      addField(`xreg${xi}`, `xreg${xi}`, undefined, false);
    }
  }
  for (let i = 0; i < 10; i++) {
    const xxi = Math.floor(i / 4);
    const xi = Math.floor(i / 2);
    if (xxi < 2) {
      const lsb = 32 * (3 - (i % 4));
      addSubfield(`reg${i}`, undefined, `xxreg${xxi}[${lsb}..${lsb + 31}]`);
    } else {
      const lsb = 32 * (1 - (i % 2));
      addSubfield(`reg${i}`, undefined, `xreg${xi}[${lsb}..${lsb + 31}]`);
    }
  }

  addField('flags', 'reg10', undefined, false);
  addSubfield('flags.loopback', undefined, 'flags[0]');
  addSubfield('flags.force_snat_for_dnat', undefined, 'flags[2]');
  addSubfield('flags.force_snat_for_lb', undefined, 'flags[3]');
  addSubfield('flags.skip_snat_for_lb', undefined, 'flags[9]');
  addSubfield('flags.use_snat_zone', undefined, 'flags[11]');

  addField('ct_mark', 'ct_mark', undefined, false, WR_CT_COMMIT);
  addSubfield('ct_mark.blocked', undefined, 'ct_mark[0]', WR_CT_COMMIT);
  addSubfield('ct_mark.natted', undefined, 'ct_mark[1]', WR_CT_COMMIT);
  addSubfield('ct_mark.ecmp_reply_port', undefined, 'ct_mark[16..31]', WR_CT_COMMIT);
  addSubfield('ct_mark.skip_snat', undefined, 'ct_mark[2]', WR_CT_COMMIT);
  addSubfield('ct_mark.force_snat', undefined, 'ct_mark[3]', WR_CT_COMMIT);

  addField('ct_label', 'ct_label', undefined, false, WR_CT_COMMIT);
  addSubfield('ct_label.blocked', undefined, 'ct_label[0]', WR_CT_COMMIT);
  addSubfield('ct_label.natted', undefined, 'ct_label[1]', WR_CT_COMMIT);
  addSubfield('ct_label.ecmp_reply_eth', undefined, 'ct_label[32..79]', WR_CT_COMMIT);
  addSubfield('ct_label.ecmp_reply_port', undefined, 'ct_label[80..95]', WR_CT_COMMIT);
  addSubfield('ct_label.label', undefined, 'ct_label[96..127]', WR_CT_COMMIT);
  addSubfield('ct_label.skip_snat', undefined, 'ct_label[2]', WR_CT_COMMIT);
  addSubfield('ct_label.force_snat', undefined, 'ct_label[3]', WR_CT_COMMIT);

  addField('ct_state', 'ct_state', undefined, false);
  CT_STATE_BITS.forEach((name, bit) =>
    addSubfield(`ct.${name}`, bit === CS_TRACKED_BIT ? undefined : 'ct.trk', `ct_state[${bit}]`),
  );

  addField('eth.src', 'eth_src', undefined, false);
  addField('eth.dst', 'eth_dst', undefined, false);
  addField('eth.type', 'eth_type', undefined, true);
  addPredicate('eth.bcast', 'eth.dst == ff:ff:ff:ff:ff:ff');
  addSubfield('eth.mcast', undefined, 'eth.dst[40]');
  addPredicate('eth.mcastv6', 'eth.dst[32..47] == 0x3333');

  addField('vlan.tci', 'vlan_tci', undefined, false);
  addPredicate('vlan.present', 'vlan.tci[12]');
  addSubfield('vlan.pcp', 'vlan.present', 'vlan.tci[13..15]');
  addSubfield('vlan.vid', 'vlan.present', 'vlan.tci[0..11]');

  addPredicate('ip4', 'eth.type == 0x800');
  addPredicate('ip6', 'eth.type == 0x86dd');
  addPredicate('ip', 'ip4 || ip6');
  addField('ip.proto', 'nw_proto', 'ip', true);
  addField('ip.dscp', 'ip_dscp', 'ip', false);
  addField('ip.ecn', 'nw_ecn', 'ip', false);
  addField('ip.ttl', 'nw_ttl', 'ip', false);

  addField('ip4.src', 'ip_src', 'ip4', false);
  addField('ip4.dst', 'ip_dst', 'ip4', false);
  addPredicate('ip4.src_mcast', 'ip4.src[28..31] == 0xe');
  addPredicate('ip4.mcast', 'eth.mcast && ip4.dst[28..31] == 0xe');

  addPredicate('icmp4', 'ip4 && ip.proto == 1');
  addField('icmp4.type', 'icmp_type', 'icmp4', false);
  addField('icmp4.code', 'icmp_code', 'icmp4', false);

  addPredicate('igmp', 'ip4 && ip.proto == 2');

  addField('ip6.src', 'ipv6_src', 'ip6', false);
  addField('ip6.dst', 'ipv6_dst', 'ip6', false);
  addField('ip6.label', 'ipv6_label', 'ip6', false);

  addPredicate('ip6.mcast_rsvd', 'ip6.dst[116..127] == 0xff0 && ip6.dst[0..111] == 0x0');
  addPredicate('ip6.mcast_all_nodes', 'ip6.dst == ff01::1 || ip6.dst == ff02::1');
  addPredicate('ip6.mcast_all_rtrs', 'ip6.dst == ff01::2 || ip6.dst == ff02::2 || ip6.dst == ff05::2');
  addPredicate('ip6.mcast_sol_node', 'ip6.dst == ff02::1:ff00:0000/104');
  addPredicate(
    'ip6.mcast_flood',
    'eth.mcastv6 && (ip6.mcast_rsvd || ip6.mcast_all_nodes || ip6.mcast_all_rtrs || ip6.mcast_sol_node)',
  );
  addPredicate('ip6.mcast', 'eth.mcastv6 && ip6.dst[120..127] == 0xff');

  addPredicate('icmp6', 'ip6 && ip.proto == 58');
  addField('icmp6.type', 'icmpv6_type', 'icmp6', true);
  addField('icmp6.code', 'icmpv6_code', 'icmp6', true);

  addPredicate('icmp', 'icmp4 || icmp6');

  addField('ip.frag', 'ip_frag', 'ip', false);
  addPredicate('ip.is_frag', 'ip.frag[0]');
  addPredicate('ip.later_frag', 'ip.frag[1]');
  addPredicate('ip.first_frag', 'ip.is_frag && !ip.later_frag');

  addPredicate('arp', 'eth.type == 0x806');
  addField('arp.op', 'arp_op', 'arp', false);
  addField('arp.spa', 'arp_spa', 'arp', false);
  addField('arp.sha', 'arp_sha', 'arp', false);
  addField('arp.tpa', 'arp_tpa', 'arp', false);
  addField('arp.tha', 'arp_tha', 'arp', false);

  // RARP shares ARP's OVS fields; OVN gives them separate symbols with their own prerequisite.
  addPredicate('rarp', 'eth.type == 0x8035');
  for (const f of ['op', 'spa', 'sha', 'tpa', 'tha']) {
    add({ ...symtab.get(`arp.${f}`)!, name: `rarp.${f}`, prereqs: 'rarp' });
  }

  addPredicate('nd', 'icmp6.type == {135, 136} && icmp6.code == 0 && ip.ttl == 255');
  addPredicate('nd_ns', 'icmp6.type == 135 && icmp6.code == 0 && ip.ttl == 255');
  addPredicate('nd_na', 'icmp6.type == 136 && icmp6.code == 0 && ip.ttl == 255');
  addPredicate('nd_rs', 'icmp6.type == 133 && icmp6.code == 0 && ip.ttl == 255');
  addPredicate('nd_ra', 'icmp6.type == 134 && icmp6.code == 0 && ip.ttl == 255');
  addField('nd.target', 'nd_target', 'nd', false);
  addField('nd.sll', 'nd_sll', 'nd_ns', false);
  addField('nd.tll', 'nd_tll', 'nd_na', false);

  addPredicate('mldv1', 'ip6.src == fe80::/10 && icmp6.type == {130, 131, 132}');
  addPredicate('mldv2', 'ip6.dst == ff02::16 && icmp6.type == 143');

  addPredicate('tcp', 'ip.proto == 6');
  addField('tcp.src', 'tcp_src', 'tcp', false);
  addField('tcp.dst', 'tcp_dst', 'tcp', false);
  addField('tcp.flags', 'tcp_flags', 'tcp', false);

  addPredicate('udp', 'ip.proto == 17');
  addField('udp.src', 'udp_src', 'udp', false);
  addField('udp.dst', 'udp_dst', 'udp', false);

  addPredicate('sctp', 'ip.proto == 132');
  addField('sctp.src', 'sctp_src', 'sctp', false);
  addField('sctp.dst', 'sctp_dst', 'sctp', false);

  addField('pkt.mark', 'pkt_mark', undefined, false);

  add({ name: 'icmp4.frag_mtu', width: 16, level: 'nominal', ovnField: true, mustCrossproduct: false, rw: 0xffffffff });
  add({ name: 'icmp6.frag_mtu', width: 32, level: 'nominal', ovnField: true, mustCrossproduct: false, rw: 0xffffffff });
  return symtab;
}

/** ct_state bits in order (CS_STATES in OVS's lib/packets.h). */
export const CT_STATE_BITS = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'] as const;
const CS_TRACKED_BIT = 5;

/** MLF_* bit numbers of the logical flags register (reg10), include/ovn/logical-fields.h. */
export const MLF_BITS = {
  allowLoopback: 0,
  rcvFromRamp: 1,
  forceSnatForDnat: 2,
  forceSnatForLb: 3,
  localOnly: 4,
  nestedContainer: 5,
  lookupMac: 6,
  lookupLbHairpin: 7,
  lookupFdb: 8,
  skipSnatForLb: 9,
  localport: 10,
  useSnatZone: 11,
  checkPortSec: 12,
  lookupCommitEcmpNh: 13,
  useLbAffSession: 14,
} as const;

/** The logical fields' registers (MFF_LOG_*). */
export const LOG_FIELDS = {
  datapath: 'metadata',
  flags: 'reg10',
  dnatZone: 'reg11',
  snatZone: 'reg12',
  ctZone: 'reg13',
  inport: 'reg14',
  outport: 'reg15',
} as const;

/** The 23.03 symbol table, built once. */
export const SYMTAB: SymbolTable = buildSymtab();

export function lookupSymbol(name: string, symtab: SymbolTable = SYMTAB): ExprSymbol | undefined {
  return symtab.get(name);
}

/** Follows subfields down to the base field: [base symbol, bit offset of `name` in it]. */
export function resolveSymbol(name: string, symtab: SymbolTable = SYMTAB): [ExprSymbol, number] | undefined {
  let symbol = symtab.get(name);
  let ofs = 0;
  while (symbol?.parent) {
    ofs += symbol.parentOfs ?? 0;
    symbol = symtab.get(symbol.parent);
  }
  return symbol ? [symbol, ofs] : undefined;
}
