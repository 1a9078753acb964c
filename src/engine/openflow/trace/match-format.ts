// lib/match.c match_format for the lines of ofproto/trace: "Flow:" and "Final flow:" (flow_format: every
// field the packet has, zero context fields left out) and "Megaflow:" (the fields xlate un-wildcarded).
import { OFPP } from '../flow/types.ts';
import type { Packet } from '../xlate/packet.ts';
import { formatIPv4 as formatIp4, formatIPv6 as formatIp6, formatMac as formatEth } from '../../packet/addresses.ts';

export type Masks = Record<string, bigint>;

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_IPV6 = 0x86ddn;
const ETH_TYPE_ARP = 0x0806n;
const ETH_TYPE_RARP = 0x8035n;

// C's %#x: no 0x prefix for zero
const hex = (v: bigint): string => (v ? `0x${v.toString(16)}` : '0');

// the address printers of lib/packets.c (inet_ntop for IPv6), shared with the logical tracer
export { formatIPv4 as formatIp4, formatIPv6 as formatIp6, formatMac as formatEth } from '../../packet/addresses.ts';

function ones(bits: number): bigint {
  return (1n << BigInt(bits)) - 1n;
}

/** A CIDR prefix length if the mask is one, else -1. */
function prefixLen(mask: bigint, bits: number): number {
  const all = ones(bits);
  for (let n = 0; n <= bits; n++) if (mask === (all ^ ones(bits - n))) return n;
  return -1;
}

function ip4Masked(out: string[], name: string, v: bigint, m: bigint): void {
  if (!m) return;
  if (m === ones(32)) out.push(`${name}=${formatIp4(v)}`);
  else {
    const p = prefixLen(m, 32);
    out.push(`${name}=${formatIp4(v & m)}/${p >= 0 ? p : formatIp4(m)}`);
  }
}

function ip6Masked(out: string[], name: string, v: bigint, m: bigint): void {
  if (!m) return;
  if (m === ones(128)) out.push(`${name}=${formatIp6(v)}`);
  else {
    const p = prefixLen(m, 128);
    out.push(`${name}=${formatIp6(v & m)}/${p >= 0 ? p : formatIp6(m)}`);
  }
}

function ethMasked(out: string[], name: string, v: bigint, m: bigint): void {
  if (!m) return;
  out.push(m === ones(48) ? `${name}=${formatEth(v)}` : `${name}=${formatEth(v & m)}/${formatEth(m)}`);
}

function uintMasked(out: string[], name: string, v: bigint, m: bigint, bits: number, decimal = false): void {
  if (!m) return;
  const text = (x: bigint): string => (decimal ? String(x) : hex(x));
  out.push(m === ones(bits) ? `${name}=${text(v)}` : `${name}=0x${(v & m).toString(16)}/0x${m.toString(16)}`);
}

const CT_STATE_BITS = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'];
const TUN_FLAG_BITS = ['df', 'csum', 'key', 'oam'];
const TCP_FLAG_BITS = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns'];

/** lib/flow.c format_flags_masked (flags from the rightmost bit; exact masks as "a|b"). */
export function formatFlagsMasked(names: string[], flags: bigint, mask: bigint, max: bigint): string {
  if (mask === max) {
    if (!flags) return '0';
    const parts: string[] = [];
    for (let i = 0; i < names.length; i++) if ((flags >> BigInt(i)) & 1n) parts.push(names[i]);
    return parts.join('|');
  }
  if (!mask) return '0/0';
  let s = '';
  for (let i = 0; i < 32; i++) {
    const bit = 1n << BigInt(i);
    if (!(mask & bit)) continue;
    s += `${flags & bit ? '+' : '-'}${names[i] ?? '[Unknown]'}`;
  }
  return s;
}

export function formatPort(p: bigint | number): string {
  const n = Number(p);
  const names: Record<number, string> = {
    [OFPP.IN_PORT]: 'IN_PORT',
    [OFPP.TABLE]: 'TABLE',
    [OFPP.NORMAL]: 'NORMAL',
    [OFPP.FLOOD]: 'FLOOD',
    [OFPP.ALL]: 'ALL',
    [OFPP.CONTROLLER]: 'CONTROLLER',
    [OFPP.LOCAL]: 'LOCAL',
    [OFPP.NONE]: 'NONE',
  };
  return names[n] ?? String(n);
}

function vlanPart(out: string[], suffix: string, tci: bigint, m: bigint): boolean {
  if (!m) return false;
  const vid = m & 0x0fffn;
  const pcp = m & 0xe000n;
  const cfi = m & 0x1000n;
  if (cfi && tci & 0x1000n && (!vid || vid === 0x0fffn) && (!pcp || pcp === 0xe000n) && (vid || pcp)) {
    if (vid) out.push(`dl_vlan${suffix}=${tci & 0x0fffn}`);
    if (pcp) out.push(`dl_vlan_pcp${suffix}=${(tci >> 13n) & 7n}`);
  } else if (m === 0xffffn) out.push(`vlan_tci${suffix}=0x${tci.toString(16).padStart(4, '0')}`);
  else out.push(`vlan_tci${suffix}=0x${tci.toString(16).padStart(4, '0')}/0x${m.toString(16).padStart(4, '0')}`);
  return true;
}

/** match_format(match, port_map, s, OFP_DEFAULT_PRIORITY) for a packet and masks. */
export function matchFormat(f: Packet, m: Masks, portName?: (port: number) => string | undefined): string {
  const out: string[] = [];
  const g = (k: string): bigint => f[k] ?? 0n;
  const mk = (k: string): bigint => m[k] ?? 0n;
  uintMasked(out, 'pkt_mark', g('pkt_mark'), mk('pkt_mark'), 32);
  let isMegaflow = false;
  if (mk('recirc_id')) {
    uintMasked(out, 'recirc_id', g('recirc_id'), mk('recirc_id'), 32);
    isMegaflow = true;
  }
  uintMasked(out, 'dp_hash', g('dp_hash'), mk('dp_hash'), 32);
  if (mk('conj_id')) out.push(`conj_id=${g('conj_id')}`);
  if (mk('skb_priority')) out.push(`skb_priority=${hex(g('skb_priority'))}`);
  if (mk('ct_state')) {
    const ms = mk('ct_state');
    out.push(`ct_state=${formatFlagsMasked(CT_STATE_BITS, g('ct_state'), ms, 0xffn)}`);
  }
  uintMasked(out, 'ct_zone', g('ct_zone'), mk('ct_zone'), 16, true);
  uintMasked(out, 'ct_mark', g('ct_mark'), mk('ct_mark'), 32);
  uintMasked(out, 'ct_label', g('ct_label'), mk('ct_label'), 128);
  ip4Masked(out, 'ct_nw_src', g('ct_nw_src'), mk('ct_nw_src'));
  ip6Masked(out, 'ct_ipv6_src', g('ct_ipv6_src'), mk('ct_ipv6_src'));
  ip4Masked(out, 'ct_nw_dst', g('ct_nw_dst'), mk('ct_nw_dst'));
  ip6Masked(out, 'ct_ipv6_dst', g('ct_ipv6_dst'), mk('ct_ipv6_dst'));
  if (mk('ct_nw_proto')) {
    out.push(`ct_nw_proto=${g('ct_nw_proto')}`);
    uintMasked(out, 'ct_tp_src', g('ct_tp_src'), mk('ct_tp_src'), 16, true);
    uintMasked(out, 'ct_tp_dst', g('ct_tp_dst'), mk('ct_tp_dst'), 16, true);
  }
  if (isMegaflow) out.push('eth');
  const dlType = g('eth_type');
  let skipType = false;
  let skipProto = false;
  if (mk('eth_type')) {
    skipType = true;
    const proto = g('nw_proto');
    const hasProto = mk('nw_proto') !== 0n;
    if (dlType === ETH_TYPE_IP || dlType === ETH_TYPE_IPV6) {
      const v6 = dlType === ETH_TYPE_IPV6;
      const names: Record<string, string> = v6
        ? { '58': 'icmp6', '6': 'tcp6', '17': 'udp6', '132': 'sctp6' }
        : { '1': 'icmp', '6': 'tcp', '17': 'udp', '132': 'sctp' };
      const name = hasProto ? names[String(proto)] : undefined;
      if (name) skipProto = true;
      out.push(name ?? (v6 ? 'ipv6' : 'ip'));
    } else if (dlType === ETH_TYPE_ARP) out.push('arp');
    else if (dlType === ETH_TYPE_RARP) out.push('rarp');
    else if (dlType === 0x8847n) out.push('mpls');
    else if (dlType === 0x8848n) out.push('mplsm');
    else skipType = false;
  }
  for (let i = 0; i < 16; i++) uintMasked(out, `reg${i}`, g(`reg${i}`), mk(`reg${i}`), 32);
  // the tunnel
  uintMasked(out, 'tun_id', g('tun_id'), mk('tun_id'), 64);
  ip4Masked(out, 'tun_src', g('tun_src'), mk('tun_src'));
  ip4Masked(out, 'tun_dst', g('tun_dst'), mk('tun_dst'));
  ip6Masked(out, 'tun_ipv6_src', g('tun_ipv6_src'), mk('tun_ipv6_src'));
  ip6Masked(out, 'tun_ipv6_dst', g('tun_ipv6_dst'), mk('tun_ipv6_dst'));
  if (mk('tun_gbp_id')) uintMasked(out, 'tun_gbp_id', g('tun_gbp_id'), mk('tun_gbp_id'), 16, true);
  if (mk('tun_gbp_flags')) out.push(`tun_gbp_flags=${hex(g('tun_gbp_flags'))}`);
  if (mk('tun_tos')) out.push(`tun_tos=${g('tun_tos').toString(16)}`);
  if (mk('tun_ttl')) out.push(`tun_ttl=${g('tun_ttl')}`);
  if (mk('tun_erspan_ver')) out.push(`tun_erspan_ver=${g('tun_erspan_ver')}`);
  if (mk('tun_gtpu_flags')) out.push(`gtpu_flags=${hex(g('tun_gtpu_flags'))}`);
  if (mk('tun_gtpu_msgtype')) out.push(`gtpu_msgtype=${g('tun_gtpu_msgtype')}`);
  if (mk('tun_flags') & 0xfn)
    out.push(`tun_flags=${formatFlagsMasked(TUN_FLAG_BITS, g('tun_flags') & 0xfn, mk('tun_flags') & 0xfn, 0xfn)}`);
  uintMasked(out, 'metadata', g('metadata'), mk('metadata'), 64);
  if (mk('in_port')) out.push(`in_port=${portName?.(Number(g('in_port'))) ?? formatPort(g('in_port'))}`);
  if (vlanPart(out, '', g('vlan_tci'), mk('vlan_tci'))) vlanPart(out, '1', g('vlan_tci1'), mk('vlan_tci1'));
  ethMasked(out, 'dl_src', g('eth_src'), mk('eth_src'));
  ethMasked(out, 'dl_dst', g('eth_dst'), mk('eth_dst'));
  if (!skipType && mk('eth_type')) out.push(`dl_type=0x${dlType.toString(16).padStart(4, '0')}`);
  const arp = dlType === ETH_TYPE_ARP || dlType === ETH_TYPE_RARP;
  if (dlType === ETH_TYPE_IPV6) {
    ip6Masked(out, 'ipv6_src', g('ipv6_src'), mk('ipv6_src'));
    ip6Masked(out, 'ipv6_dst', g('ipv6_dst'), mk('ipv6_dst'));
    const ml = mk('ipv6_label');
    if (ml) {
      const l = `0x${g('ipv6_label').toString(16).padStart(5, '0')}`;
      out.push(ml === 0xfffffn ? `ipv6_label=${l}` : `ipv6_label=${l}/0x${ml.toString(16).padStart(5, '0')}`);
    }
  } else if (arp) {
    ip4Masked(out, 'arp_spa', g('nw_src'), mk('nw_src'));
    ip4Masked(out, 'arp_tpa', g('nw_dst'), mk('nw_dst'));
  } else {
    ip4Masked(out, 'nw_src', g('nw_src'), mk('nw_src'));
    ip4Masked(out, 'nw_dst', g('nw_dst'), mk('nw_dst'));
  }
  if (!skipProto && mk('nw_proto')) out.push(`${arp ? 'arp_op' : 'nw_proto'}=${g('nw_proto')}`);
  if (arp) {
    ethMasked(out, 'arp_sha', g('arp_sha'), mk('arp_sha'));
    ethMasked(out, 'arp_tha', g('arp_tha'), mk('arp_tha'));
  }
  if (mk('nw_tos') & 0xfcn) out.push(`nw_tos=${g('nw_tos') & 0xfcn}`);
  if (mk('nw_tos') & 0x03n) out.push(`nw_ecn=${g('nw_tos') & 0x03n}`);
  if (mk('nw_ttl')) out.push(`nw_ttl=${g('nw_ttl')}`);
  const fragMask = mk('nw_frag') & 3n;
  const frag = g('nw_frag');
  if (fragMask === 3n)
    out.push(`nw_frag=${frag & 1n ? (frag & 2n ? 'later' : 'first') : frag & 2n ? '<error>' : 'no'}`);
  else if (fragMask === 1n) out.push(`nw_frag=${frag & 1n ? 'yes' : 'no'}`);
  else if (fragMask === 2n) out.push(`nw_frag=${frag & 2n ? 'later' : 'not_later'}`);
  const proto = g('nw_proto');
  if ((dlType === ETH_TYPE_IP && proto === 1n) || (dlType === ETH_TYPE_IPV6 && proto === 58n)) {
    uintMasked(out, 'icmp_type', g('tp_src'), mk('tp_src'), 16, true);
    uintMasked(out, 'icmp_code', g('tp_dst'), mk('tp_dst'), 16, true);
    if (dlType === ETH_TYPE_IPV6) {
      ip6Masked(out, 'nd_target', g('nd_target'), mk('nd_target'));
      ethMasked(out, 'nd_sll', g('arp_sha'), mk('arp_sha'));
      ethMasked(out, 'nd_tll', g('arp_tha'), mk('arp_tha'));
    }
  } else {
    uintMasked(out, 'tp_src', g('tp_src'), mk('tp_src'), 16, true);
    uintMasked(out, 'tp_dst', g('tp_dst'), mk('tp_dst'), 16, true);
  }
  if ((dlType === ETH_TYPE_IP || dlType === ETH_TYPE_IPV6) && proto === 6n && mk('tcp_flags'))
    out.push(`tcp_flags=${formatFlagsMasked(TCP_FLAG_BITS, g('tcp_flags'), mk('tcp_flags') & 0xfffn, 0xfffn)}`);
  return out.join(',');
}

/** flow_format: the masks match_wc_init gives a packet, minus context fields that are zero. */
export function flowMasks(f: Packet): Masks {
  const m: Masks = {};
  const g = (k: string): bigint => f[k] ?? 0n;
  const all = (k: string, bits: number): void => {
    m[k] = ones(bits);
  };
  for (const [k, bits] of [
    ['recirc_id', 32],
    ['dp_hash', 32],
    ['conj_id', 32],
    ['skb_priority', 32],
    ['pkt_mark', 32],
    ['ct_state', 8],
    ['ct_zone', 16],
    ['ct_mark', 32],
    ['ct_label', 128],
    ['metadata', 64],
  ] as const)
    if (g(k)) all(k, bits);
  for (let i = 0; i < 16; i++) if (g(`reg${i}`)) all(`reg${i}`, 32);
  if (g('ct_state') & 0x20n && g('ct_nw_proto')) {
    for (const [k, bits] of [
      ['ct_nw_src', 32],
      ['ct_nw_dst', 32],
      ['ct_ipv6_src', 128],
      ['ct_ipv6_dst', 128],
      ['ct_nw_proto', 8],
      ['ct_tp_src', 16],
      ['ct_tp_dst', 16],
    ] as const)
      all(k, bits);
  }
  if (g('tun_dst') || g('tun_ipv6_dst')) {
    if (g('tun_flags') & 4n) all('tun_id', 64);
    for (const [k, bits] of [
      ['tun_src', 32],
      ['tun_dst', 32],
      ['tun_ipv6_src', 128],
      ['tun_ipv6_dst', 128],
      ['tun_gbp_id', 16],
      ['tun_gbp_flags', 8],
      ['tun_tos', 8],
      ['tun_ttl', 8],
      ['tun_erspan_ver', 8],
      ['tun_gtpu_flags', 8],
      ['tun_gtpu_msgtype', 8],
      ['tun_flags', 16],
    ] as const)
      all(k, bits);
  } else if (g('tun_id')) all('tun_id', 64);
  all('in_port', 32);
  all('vlan_tci', 16);
  if (g('vlan_tci') & 0x1000n) all('vlan_tci1', 16);
  all('eth_src', 48);
  all('eth_dst', 48);
  all('eth_type', 16);
  const t = g('eth_type');
  if (t === ETH_TYPE_IP || t === ETH_TYPE_IPV6) {
    if (t === ETH_TYPE_IP) {
      all('nw_src', 32);
      all('nw_dst', 32);
    } else {
      all('ipv6_src', 128);
      all('ipv6_dst', 128);
      all('ipv6_label', 20);
    }
    all('nw_proto', 8);
    all('nw_tos', 8);
    all('nw_ttl', 8);
    all('nw_frag', 2);
    const p = g('nw_proto');
    if (p === 6n || p === 17n || p === 132n || p === 1n || p === 58n) {
      all('tp_src', 16);
      all('tp_dst', 16);
    }
    if (p === 6n) all('tcp_flags', 12);
    if (p === 58n && (g('tp_src') === 135n || g('tp_src') === 136n)) {
      all('nd_target', 128);
      all('arp_sha', 48);
      all('arp_tha', 48);
    }
  } else if (t === ETH_TYPE_ARP || t === ETH_TYPE_RARP) {
    all('nw_src', 32);
    all('nw_dst', 32);
    all('nw_proto', 8);
    all('arp_sha', 48);
    all('arp_tha', 48);
  }
  return m;
}

export function flowFormat(f: Packet, portName?: (port: number) => string | undefined): string {
  return matchFormat(f, flowMasks(f), portName);
}
