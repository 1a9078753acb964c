// struct match as data: setting a field with mf_set's side effects (dl_vlan sets the CFI bit, nw_tos
// keeps only DSCP bits …), what survives the OpenFlow 1.5 encoding the switch receives and sends back
// (nx_put_raw: a field whose prerequisites the match does not meet is silently dropped), and
// match_format's text with its fixed field order and protocol shorthands.
import { allOnes, fieldSlots } from './fields';
import type { Match, MatchEntry, MfField } from './types';
import {
  CT_STATE_NAMES,
  TCP_FLAG_NAMES,
  TUN_FLAG_NAMES,
  formatEthMasked,
  formatFlags,
  formatFlagsMasked,
  formatIPv4Masked,
  formatIPv6Masked,
  formatPort,
  putHex,
} from './values';

export function emptyMatch(): Match {
  return { slots: {} };
}

function entry(m: Match, slot: string): MatchEntry {
  return m.slots[slot] ?? { value: 0n, mask: 0n };
}

function put(m: Match, slot: string, value: bigint, mask: bigint): void {
  if (mask === 0n) delete m.slots[slot];
  else m.slots[slot] = { value: value & mask, mask };
}

/** Replaces bits [ofs, ofs+nBits) of a slot with value/mask. */
function putBits(m: Match, slot: string, ofs: number, nBits: number, value: bigint, mask: bigint): void {
  const field = allOnes(nBits) << BigInt(ofs);
  const e = entry(m, slot);
  const newMask = (e.mask & ~field) | ((mask << BigInt(ofs)) & field);
  const newValue = (e.value & ~field) | ((value << BigInt(ofs)) & field);
  put(m, slot, newValue, newMask);
}

/** mf_get: the field's value and mask in a match. */
export function matchGet(m: Match, f: MfField): MatchEntry {
  let value = 0n;
  let mask = 0n;
  for (const p of fieldSlots(f)) {
    const e = entry(m, p.slot);
    value = (value << BigInt(p.nBits)) | ((e.value >> BigInt(p.ofs)) & allOnes(p.nBits));
    mask = (mask << BigInt(p.nBits)) | ((e.mask >> BigInt(p.ofs)) & allOnes(p.nBits));
  }
  return { value, mask };
}

/** mf_set: sets field `f` of the match to value/mask, with the side effects of OVS's match_set_*(). */
export function matchSet(m: Match, f: MfField, value: bigint, mask: bigint): void {
  // An all-zero mask is mf_set_wild: the field (all of it) becomes a wildcard, with no side effects.
  if (mask === 0n) {
    for (const p of fieldSlots(f)) putBits(m, p.slot, p.ofs, f.name === 'vlan_vid' ? 13 : p.nBits, 0n, 0n);
    return;
  }
  const tci = entry(m, 'vlan_tci');
  switch (f.name) {
    case 'dl_vlan':
      if (value === 0xffffn) put(m, 'vlan_tci', 0n, 0xffffn);
      else put(m, 'vlan_tci', (tci.value & ~0x1fffn) | 0x1000n | (value & 0xfffn), tci.mask | 0x1fffn);
      return;
    case 'dl_vlan_pcp':
    case 'vlan_pcp':
      put(m, 'vlan_tci', (tci.value & ~0xe000n) | 0x1000n | ((value & 7n) << 13n), tci.mask | 0xf000n);
      return;
    case 'nw_tos':
      putBits(m, 'nw_tos', 2, 6, value >> 2n, 0x3fn);
      return;
    case 'ip_dscp':
      putBits(m, 'nw_tos', 2, 6, value, 0x3fn);
      return;
    case 'nw_ecn':
      putBits(m, 'nw_tos', 0, 2, value, 3n);
      return;
    case 'ip_frag':
      put(m, 'nw_frag', value & 3n, mask & 3n);
      return;
    case 'arp_op':
      put(m, 'nw_proto', value & 0xffn, 0xffn);
      return;
    case 'vlan_vid':
      putBits(m, 'vlan_tci', 0, 13, value, mask & 0x1fffn);
      return;
    case 'ct_state':
      put(m, 'ct_state', value & 0xffn, mask & 0xffn);
      return;
    case 'tun_flags':
      put(m, 'tun_flags', value & 0xfn, mask & 0xfn);
      return;
    case 'in_port':
    case 'in_port_oxm':
      put(m, 'in_port', value, mask === 0n ? 0n : 0xffffffffn);
      return;
  }
  const md = /^tun_metadata(\d+)$/.exec(f.name);
  const len = md ? m.tunMetadataLen?.[Number(md[1])] : undefined;
  if (len !== undefined) {
    put(m, f.name, value & allOnes(8 * len), mask & allOnes(8 * len));
    return;
  }
  let shift = 0;
  const parts = fieldSlots(f);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    putBits(m, p.slot, p.ofs, p.nBits, value >> BigInt(shift), (mask >> BigInt(shift)) & allOnes(p.nBits));
    shift += p.nBits;
  }
}

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_IPV6 = 0x86ddn;
const ETH_TYPE_ARP = 0x0806n;
const ETH_TYPE_RARP = 0x8035n;
const ETH_TYPE_MPLS = 0x8847n;
const ETH_TYPE_MPLS_MCAST = 0x8848n;

/** The CT prerequisite (is_ct_valid with a mask): a tracked, valid connection is matched. */
function ctValid(m: Match): boolean {
  const st = entry(m, 'ct_state');
  return (
    (st.value & 0xcfn) !== 0n || ((st.value & 0x20n) !== 0n && (st.mask & 0x10n) !== 0n && (st.value & 0x10n) === 0n)
  );
}

/**
 * The match as the switch stores it after ovs-ofctl sent it in OpenFlow 1.5 (nx_put_raw with OXM, then
 * nx_pull_raw): fields without their prerequisites are not encoded, VLAN becomes VID+PCP, DSCP/ECN/frag
 * become exact. Returns OVS's error name when the switch rejects the decoded match.
 */
export function normalizeMatch(m: Match, version = 15): { ok: true; match: Match } | { ok: false; error: string } {
  const out = emptyMatch();
  const copy = (slot: string, maskOverride?: bigint): void => {
    const e = m.slots[slot];
    if (e) put(out, slot, e.value, maskOverride ?? e.mask);
  };
  for (const slot of ['packet_type', 'dp_hash', 'recirc_id', 'conj_id', 'in_port', 'actset_output']) copy(slot);
  for (const slot of ['eth_src', 'eth_dst', 'eth_type']) copy(slot);
  const dlType = entry(m, 'eth_type').mask ? entry(m, 'eth_type').value : 0n;

  // NXM (OpenFlow 1.0/1.1) carries vlan_tci whole; OXM carries VID (with the present bit) and PCP.
  const tci = entry(m, 'vlan_tci');
  const vid = tci.value & 0x1fffn;
  const vidMask = tci.mask & 0x1fffn;
  if (version < 12) copy('vlan_tci');
  else if (vidMask) put(out, 'vlan_tci', vid, vidMask);
  if (version >= 12 && vid && tci.mask & 0xe000n) {
    const o = entry(out, 'vlan_tci');
    put(out, 'vlan_tci', o.value | 0x1000n | (tci.value & 0xe000n), o.mask | 0xf000n);
  }

  if (dlType === ETH_TYPE_MPLS || dlType === ETH_TYPE_MPLS_MCAST) {
    const lse = entry(m, 'mpls_lse');
    let mask = 0n;
    for (const sub of [0x00000e00n, 0x00000100n, 0x000000ffn, 0xfffff000n]) if (lse.mask & sub) mask |= sub;
    put(out, 'mpls_lse', lse.value, mask);
  }

  const proto = entry(m, 'nw_proto');
  if (dlType === ETH_TYPE_IP || dlType === ETH_TYPE_IPV6) {
    if (dlType === ETH_TYPE_IP) {
      copy('nw_src');
      copy('nw_dst');
    } else {
      copy('ipv6_src');
      copy('ipv6_dst');
    }
    copy('nw_frag');
    const tos = entry(m, 'nw_tos');
    let tosMask = 0n;
    if (tos.mask & 0xfcn) tosMask |= 0xfcn;
    if (tos.mask & 3n) tosMask |= 3n;
    put(out, 'nw_tos', tos.value, tosMask);
    copy('nw_ttl');
    if (m.slots.ipv6_label && dlType === ETH_TYPE_IP) return { ok: false, error: 'OFPBMC_BAD_PREREQ' };
    copy('ipv6_label');
    if (proto.mask) {
      copy('nw_proto');
      const p = proto.value;
      if (p === 6n || p === 17n || p === 132n) {
        copy('tp_src');
        copy('tp_dst');
        if (p === 6n) copy('tcp_flags');
      } else if ((p === 1n && dlType === ETH_TYPE_IP) || (p === 58n && dlType === ETH_TYPE_IPV6)) {
        if (entry(m, 'tp_src').mask) put(out, 'tp_src', entry(m, 'tp_src').value & 0xffn, 0xffffn);
        if (entry(m, 'tp_dst').mask) put(out, 'tp_dst', entry(m, 'tp_dst').value & 0xffn, 0xffffn);
        const type = entry(m, 'tp_src').value;
        if (p === 58n && entry(m, 'tp_dst').value === 0n && (type === 135n || type === 136n)) {
          if (entry(m, 'nd_reserved').mask) copy('nd_reserved', 0xffffffffn);
          copy('nd_target');
          if (entry(m, 'nd_options_type').mask) copy('nd_options_type', 0xffn);
          if (type === 135n) copy('arp_sha');
          if (type === 136n) copy('arp_tha');
        }
      }
    }
  } else if (dlType === ETH_TYPE_ARP || dlType === ETH_TYPE_RARP) {
    if (proto.mask) put(out, 'nw_proto', proto.value, 0xffn);
    for (const slot of ['nw_src', 'nw_dst', 'arp_sha', 'arp_tha']) copy(slot);
  }
  for (const slot of Object.keys(m.slots)) {
    if (/^(tun_|reg\d|nsh_)/.test(slot) && slot !== 'tun_ttl' && slot !== 'tun_tos') copy(slot);
  }
  for (const slot of ['pkt_mark', 'ct_state', 'ct_zone', 'ct_mark', 'ct_label', 'metadata']) copy(slot);
  for (const slot of ['ct_nw_src', 'ct_ipv6_src', 'ct_nw_dst', 'ct_ipv6_dst']) {
    if (!m.slots[slot]) continue;
    if (!ctValid(m)) return { ok: false, error: 'OFPBMC_BAD_PREREQ' };
    copy(slot);
  }
  if (entry(m, 'ct_nw_proto').value) {
    if (!ctValid(m)) return { ok: false, error: 'OFPBMC_BAD_PREREQ' };
    for (const slot of ['ct_nw_proto', 'ct_tp_src', 'ct_tp_dst']) copy(slot);
  }
  if (m.tunMetadataLen) out.tunMetadataLen = m.tunMetadataLen;
  return { ok: true, match: out };
}

function uint32Masked(name: string, e: MatchEntry | undefined, width = 32): string {
  if (!e || !e.mask) return '';
  const full = allOnes(width);
  return `${name}=${e.value === 0n ? '0' : `0x${e.value.toString(16)}`}${e.mask === full ? '' : `/0x${e.mask.toString(16)}`},`;
}

function be16Masked(name: string, e: MatchEntry | undefined): string {
  if (!e || !e.mask) return '';
  return e.mask === 0xffffn ? `${name}=${e.value},` : `${name}=0x${e.value.toString(16)}/0x${e.mask.toString(16)},`;
}

function be32Masked(name: string, e: MatchEntry | undefined): string {
  if (!e || !e.mask) return '';
  const hex8 = (v: bigint): string => v.toString(16).padStart(8, '0');
  return e.mask === 0xffffffffn ? `${name}=${e.value},` : `${name}=0x${hex8(e.value)}/0x${hex8(e.mask)},`;
}

const ip4 = (name: string, e: MatchEntry | undefined): string =>
  e && e.mask ? `${name}=${formatIPv4Masked(e.value, e.mask)},` : '';
const ip6 = (name: string, e: MatchEntry | undefined): string =>
  e && e.mask ? `${name}=${formatIPv6Masked(e.value, e.mask)},` : '';
const eth = (name: string, e: MatchEntry | undefined): string =>
  e && e.mask ? `${name}=${formatEthMasked(e.value, e.mask)},` : '';

/** match_format: the match as dump-flows prints it, "priority=N," first unless it is 32768. */
export function formatMatch(m: Match, priority: number, portName?: (port: number) => string | undefined): string {
  const s = m.slots;
  let out = priority !== 32768 ? `priority=${priority},` : '';
  out += uint32Masked('pkt_mark', s.pkt_mark);
  if (s.recirc_id) out += uint32Masked('recirc_id', s.recirc_id);
  if (s.dp_hash) out += uint32Masked('dp_hash', s.dp_hash);
  if (s.conj_id) out += `conj_id=${s.conj_id.value},`;
  if (s.skb_priority) out += `skb_priority=0x${s.skb_priority.value.toString(16)},`;
  if (s.actset_output) out += `actset_output=${formatPort(Number(s.actset_output.value), portName)},`;
  if (s.ct_state) {
    const { value, mask } = s.ct_state;
    out += `ct_state=${mask === 0xffn ? (value ? formatFlags(Number(value), CT_STATE_NAMES) : '0') : formatFlagsMasked(Number(value), Number(mask), 0xff, CT_STATE_NAMES)},`;
  }
  if (s.ct_zone) out += be16Masked('ct_zone', s.ct_zone);
  if (s.ct_mark) out += uint32Masked('ct_mark', s.ct_mark);
  if (s.ct_label) {
    const { value, mask } = s.ct_label;
    out += `ct_label=${putHex(value)}${mask === allOnes(128) ? '' : `/${putHex(mask)}`},`;
  }
  out += ip4('ct_nw_src', s.ct_nw_src) + ip6('ct_ipv6_src', s.ct_ipv6_src);
  out += ip4('ct_nw_dst', s.ct_nw_dst) + ip6('ct_ipv6_dst', s.ct_ipv6_dst);
  if (s.ct_nw_proto) {
    out += `ct_nw_proto=${s.ct_nw_proto.value},`;
    out += be16Masked('ct_tp_src', s.ct_tp_src) + be16Masked('ct_tp_dst', s.ct_tp_dst);
  }
  let dlType = s.eth_type ? s.eth_type.value : 0n;
  if (s.packet_type && !(s.packet_type.value === 0n && s.packet_type.mask === 0xffffffffn)) {
    const { value, mask } = s.packet_type;
    const u16 = (v: bigint, mk: bigint): string =>
      mk === 0n
        ? '*'
        : mk === 0xffffn
          ? v > 9n
            ? `0x${v.toString(16)}`
            : `${v}`
          : `0x${v.toString(16)}/0x${mk.toString(16)}`;
    out += `packet_type=(${u16(value >> 16n, mask >> 16n)},${u16(value & 0xffffn, mask & 0xffffn)}),`;
    if (value >> 16n === 1n) dlType = value & 0xffffn;
  }
  let skipType = false;
  let skipProto = false;
  const proto = s.nw_proto;
  if (s.eth_type) {
    skipType = true;
    const names4: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '132': 'sctp' };
    const names6: Record<string, string> = { '58': 'icmp6', '6': 'tcp6', '17': 'udp6', '132': 'sctp6' };
    if (dlType === ETH_TYPE_IP || dlType === ETH_TYPE_IPV6) {
      const names = dlType === ETH_TYPE_IP ? names4 : names6;
      const name = proto ? names[String(proto.value)] : undefined;
      if (name) {
        skipProto = true;
        out += `${name},`;
      } else out += dlType === ETH_TYPE_IP ? 'ip,' : 'ipv6,';
    } else if (dlType === ETH_TYPE_ARP) out += 'arp,';
    else if (dlType === ETH_TYPE_RARP) out += 'rarp,';
    else if (dlType === ETH_TYPE_MPLS) out += 'mpls,';
    else if (dlType === ETH_TYPE_MPLS_MCAST) out += 'mplsm,';
    else skipType = false;
  }
  for (let i = 0; i < 16; i++) out += uint32Masked(`reg${i}`, s[`reg${i}`]);
  out += formatTunnel(m);
  if (s.metadata) {
    const { value, mask } = s.metadata;
    out += `metadata=${value ? `0x${value.toString(16)}` : '0'}${mask === allOnes(64) ? '' : `/0x${mask.toString(16)}`},`;
  }
  if (s.in_port) out += `in_port=${formatPort(Number(s.in_port.value), portName)},`;
  if (s.vlan_tci) {
    const { value, mask } = s.vlan_tci;
    const vidMask = mask & 0x0fffn;
    const pcpMask = mask & 0xe000n;
    if (
      mask & 0x1000n &&
      value & 0x1000n &&
      (!vidMask || vidMask === 0x0fffn) &&
      (!pcpMask || pcpMask === 0xe000n) &&
      (vidMask || pcpMask)
    ) {
      if (vidMask) out += `dl_vlan=${value & 0xfffn},`;
      if (pcpMask) out += `dl_vlan_pcp=${value >> 13n},`;
    } else if (mask === 0xffffn) out += `vlan_tci=0x${value.toString(16).padStart(4, '0')},`;
    else out += `vlan_tci=0x${value.toString(16).padStart(4, '0')}/0x${mask.toString(16).padStart(4, '0')},`;
  }
  out += eth('dl_src', s.eth_src) + eth('dl_dst', s.eth_dst);
  if (!skipType && s.eth_type) out += `dl_type=0x${dlType.toString(16).padStart(4, '0')},`;
  const isArp = dlType === ETH_TYPE_ARP || dlType === ETH_TYPE_RARP;
  if (dlType === ETH_TYPE_IPV6) {
    out += ip6('ipv6_src', s.ipv6_src) + ip6('ipv6_dst', s.ipv6_dst);
    if (s.ipv6_label) {
      const { value, mask } = s.ipv6_label;
      const h5 = (v: bigint): string => v.toString(16).padStart(5, '0');
      out +=
        mask === 0xffffffffn || mask === 0xfffffn
          ? `ipv6_label=0x${h5(value)},`
          : `ipv6_label=0x${h5(value)}/0x${h5(mask)},`;
    }
  } else if (isArp) {
    out += ip4('arp_spa', s.nw_src) + ip4('arp_tpa', s.nw_dst);
  } else {
    out += ip4('nw_src', s.nw_src) + ip4('nw_dst', s.nw_dst);
  }
  if (!skipProto && proto) out += `${isArp ? 'arp_op' : 'nw_proto'}=${proto.value},`;
  if (isArp) out += eth('arp_sha', s.arp_sha) + eth('arp_tha', s.arp_tha);
  const tos = s.nw_tos;
  if (tos && tos.mask & 0xfcn) out += `nw_tos=${tos.value & 0xfcn},`;
  if (tos && tos.mask & 3n) out += `nw_ecn=${tos.value & 3n},`;
  if (s.nw_ttl) out += `nw_ttl=${s.nw_ttl.value},`;
  const lse = s.mpls_lse;
  if (lse) {
    if (lse.mask & 0xfffff000n) out += `mpls_label=${lse.value >> 12n},`;
    if (lse.mask & 0xe00n) out += `mpls_tc=${(lse.value >> 9n) & 7n},`;
    if (lse.mask & 0xffn) out += `mpls_ttl=${lse.value & 0xffn},`;
    if (lse.mask & 0x100n) out += `mpls_bos=${(lse.value >> 8n) & 1n},`;
  }
  const frag = s.nw_frag;
  if (frag) {
    const v = frag.value;
    if ((frag.mask & 3n) === 3n) out += `nw_frag=${v & 1n ? (v & 2n ? 'later' : 'first') : v & 2n ? '<error>' : 'no'},`;
    else if ((frag.mask & 3n) === 1n) out += `nw_frag=${v & 1n ? 'yes' : 'no'},`;
    else if ((frag.mask & 3n) === 2n) out += `nw_frag=${v & 2n ? 'later' : 'not_later'},`;
  }
  const p = proto?.value ?? 0n;
  if (dlType === ETH_TYPE_IP && p === 1n) {
    out += be16Masked('icmp_type', s.tp_src) + be16Masked('icmp_code', s.tp_dst);
  } else if (dlType === ETH_TYPE_IPV6 && p === 58n) {
    out += be16Masked('icmp_type', s.tp_src) + be16Masked('icmp_code', s.tp_dst);
    out += ip6('nd_target', s.nd_target) + eth('nd_sll', s.arp_sha) + eth('nd_tll', s.arp_tha);
    if (s.nd_reserved) out += be32Masked('nd_reserved', s.nd_reserved);
    if (s.nd_options_type) out += be16Masked('nd_options_type', { value: s.nd_options_type.value, mask: 0xffffn });
  } else {
    out += be16Masked('tp_src', s.tp_src) + be16Masked('tp_dst', s.tp_dst);
  }
  if ((dlType === ETH_TYPE_IP || dlType === ETH_TYPE_IPV6) && p === 6n && s.tcp_flags) {
    out += `tcp_flags=${formatFlagsMasked(Number(s.tcp_flags.value), Number(s.tcp_flags.mask & 0xfffn), 0xfff, TCP_FLAG_NAMES)},`;
  }
  return out.replace(/,$/, '');
}

/** format_flow_tunnel: tun_id … tun_flags, then tun_metadataN with the TLV map's length. */
function formatTunnel(m: Match): string {
  const s = m.slots;
  let out = '';
  if (s.tun_id) {
    const { value, mask } = s.tun_id;
    out += `tun_id=${value ? `0x${value.toString(16)}` : '0'}${mask === allOnes(64) ? '' : `/0x${mask.toString(16)}`},`;
  }
  out += ip4('tun_src', s.tun_src) + ip4('tun_dst', s.tun_dst);
  out += ip6('tun_ipv6_src', s.tun_ipv6_src) + ip6('tun_ipv6_dst', s.tun_ipv6_dst);
  if (s.tun_gbp_id) out += be16Masked('tun_gbp_id', s.tun_gbp_id);
  if (s.tun_gbp_flags) out += `tun_gbp_flags=0x${s.tun_gbp_flags.value.toString(16)},`;
  if (s.tun_tos) out += `tun_tos=${s.tun_tos.value.toString(16)},`;
  if (s.tun_ttl) out += `tun_ttl=${s.tun_ttl.value},`;
  if (s.tun_flags && s.tun_flags.mask & 0xfn) {
    out += `tun_flags=${formatFlagsMasked(Number(s.tun_flags.value & 0xfn), Number(s.tun_flags.mask & 0xfn), 0xf, TUN_FLAG_NAMES)},`;
  }
  for (let i = 0; i < 64; i++) {
    const e = s[`tun_metadata${i}`];
    if (!e) continue;
    const len = m.tunMetadataLen?.[i];
    const full = allOnes(len === undefined ? 992 : 8 * len);
    out += `tun_metadata${i}=${putHex(e.value)}${e.mask === full ? '' : `/${putHex(e.mask)}`},`;
  }
  return out;
}
