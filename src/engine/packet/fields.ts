// The Open vSwitch header and metadata fields that OVN's logical fields map onto, named as ovs-fields(7)
// and ovn-trace print them. Like OVS's struct flow, several fields share one storage slot
// (tcp_src, udp_src and icmp_type all live in tp_src; arp_spa in nw_src; nd_sll in arp_sha), and the
// extended registers xreg/xxreg are concatenations of reg0–reg15.

/** Storage slots of a packet (struct flow), with their widths in bits. */
export const STORAGE_WIDTHS: Readonly<Record<string, number>> = (() => {
  const widths: Record<string, number> = {
    in_port: 16,
    metadata: 64,
    tun_id: 64,
    tun_src: 32,
    tun_dst: 32,
    pkt_mark: 32,
    skb_priority: 32,
    dp_hash: 32,
    recirc_id: 32,
    conj_id: 32,
    ct_state: 32,
    ct_zone: 16,
    ct_mark: 32,
    ct_label: 128,
    ct_nw_src: 32,
    ct_nw_dst: 32,
    ct_ipv6_src: 128,
    ct_ipv6_dst: 128,
    ct_nw_proto: 8,
    ct_tp_src: 16,
    ct_tp_dst: 16,
    eth_src: 48,
    eth_dst: 48,
    eth_type: 16,
    vlan_tci: 16,
    nw_src: 32,
    nw_dst: 32,
    ipv6_src: 128,
    ipv6_dst: 128,
    ipv6_label: 20,
    nw_proto: 8,
    nw_tos: 8,
    nw_ttl: 8,
    nw_frag: 2,
    arp_sha: 48,
    arp_tha: 48,
    nd_target: 128,
    nd_reserved: 32,
    nd_options_type: 8,
    tp_src: 16,
    tp_dst: 16,
    tcp_flags: 16,
  };
  for (let i = 0; i < 16; i++) widths[`reg${i}`] = 32;
  return widths;
})();

export interface OvsField {
  /** Canonical ovs-fields(7) name. */
  name: string;
  /** Other names OVS accepts or prints (dl_src for eth_src …). */
  aliases: string[];
  width: number;
  /** Storage slot and bit offset in it, for simple fields. */
  storage?: string;
  ofs?: number;
  /** For xreg/xxreg: the 32-bit registers it concatenates, most significant first. */
  parts?: string[];
}

function field(name: string, width: number, storage: string, ofs = 0, aliases: string[] = []): OvsField {
  return { name, aliases, width, storage, ofs };
}

const LIST: OvsField[] = [
  field('in_port', 16, 'in_port'),
  field('metadata', 64, 'metadata'),
  field('tun_id', 64, 'tun_id', 0, ['tunnel_id']),
  field('tun_src', 32, 'tun_src'),
  field('tun_dst', 32, 'tun_dst'),
  field('pkt_mark', 32, 'pkt_mark'),
  field('skb_priority', 32, 'skb_priority'),
  field('dp_hash', 32, 'dp_hash'),
  field('recirc_id', 32, 'recirc_id'),
  field('conj_id', 32, 'conj_id'),
  field('ct_state', 32, 'ct_state'),
  field('ct_zone', 16, 'ct_zone'),
  field('ct_mark', 32, 'ct_mark'),
  field('ct_label', 128, 'ct_label'),
  field('ct_nw_src', 32, 'ct_nw_src'),
  field('ct_nw_dst', 32, 'ct_nw_dst'),
  field('ct_ipv6_src', 128, 'ct_ipv6_src'),
  field('ct_ipv6_dst', 128, 'ct_ipv6_dst'),
  field('ct_nw_proto', 8, 'ct_nw_proto'),
  field('ct_tp_src', 16, 'ct_tp_src'),
  field('ct_tp_dst', 16, 'ct_tp_dst'),
  field('eth_src', 48, 'eth_src', 0, ['dl_src']),
  field('eth_dst', 48, 'eth_dst', 0, ['dl_dst']),
  field('eth_type', 16, 'eth_type', 0, ['dl_type']),
  field('vlan_tci', 16, 'vlan_tci'),
  field('dl_vlan', 12, 'vlan_tci', 0),
  field('dl_vlan_pcp', 3, 'vlan_tci', 13),
  field('ip_src', 32, 'nw_src', 0, ['nw_src']),
  field('ip_dst', 32, 'nw_dst', 0, ['nw_dst']),
  field('ipv6_src', 128, 'ipv6_src'),
  field('ipv6_dst', 128, 'ipv6_dst'),
  field('ipv6_label', 20, 'ipv6_label'),
  field('nw_proto', 8, 'nw_proto', 0, ['ip_proto']),
  // nw_tos holds DSCP in its top six bits and ECN in the bottom two, as struct flow does.
  field('ip_dscp', 6, 'nw_tos', 2),
  field('nw_ecn', 2, 'nw_tos', 0, ['ip_ecn']),
  field('nw_tos', 8, 'nw_tos'),
  field('nw_ttl', 8, 'nw_ttl'),
  field('ip_frag', 2, 'nw_frag', 0, ['nw_frag']),
  field('arp_op', 16, 'nw_proto'),
  field('arp_spa', 32, 'nw_src'),
  field('arp_tpa', 32, 'nw_dst'),
  field('arp_sha', 48, 'arp_sha'),
  field('arp_tha', 48, 'arp_tha'),
  field('tcp_src', 16, 'tp_src', 0, ['tp_src']),
  field('tcp_dst', 16, 'tp_dst', 0, ['tp_dst']),
  field('udp_src', 16, 'tp_src'),
  field('udp_dst', 16, 'tp_dst'),
  field('sctp_src', 16, 'tp_src'),
  field('sctp_dst', 16, 'tp_dst'),
  field('tcp_flags', 12, 'tcp_flags'),
  field('icmp_type', 8, 'tp_src'),
  field('icmp_code', 8, 'tp_dst'),
  field('icmpv6_type', 8, 'tp_src'),
  field('icmpv6_code', 8, 'tp_dst'),
  field('nd_target', 128, 'nd_target'),
  field('nd_sll', 48, 'arp_sha'),
  field('nd_tll', 48, 'arp_tha'),
  field('nd_reserved', 32, 'nd_reserved'),
  field('nd_options_type', 8, 'nd_options_type'),
];
for (let i = 0; i < 16; i++) LIST.push(field(`reg${i}`, 32, `reg${i}`));
for (let i = 0; i < 8; i++) {
  LIST.push({ name: `xreg${i}`, aliases: [], width: 64, parts: [`reg${2 * i}`, `reg${2 * i + 1}`] });
}
for (let i = 0; i < 4; i++) {
  const parts = [0, 1, 2, 3].map((j) => `reg${4 * i + j}`);
  LIST.push({ name: `xxreg${i}`, aliases: [], width: 128, parts });
}

export const OVS_FIELDS: readonly OvsField[] = LIST;

const BY_NAME = new Map<string, OvsField>();
for (const f of LIST) {
  BY_NAME.set(f.name, f);
  for (const alias of f.aliases) if (!BY_NAME.has(alias)) BY_NAME.set(alias, f);
}

/** Looks up an OVS field by its name or an alias. */
export function ovsField(name: string): OvsField | undefined {
  return BY_NAME.get(name);
}
