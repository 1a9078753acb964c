// The meta-flow field table (mf-fields.gen.ts, from meta-flow.h) joined with where each field lives in
// a packet: struct flow's members as named by packet/fields.ts, plus the OVS-only members below.
// Lookup by every name OVS accepts: the name, the extra name, NXM and OXM names.
import { STORAGE_WIDTHS } from '../../packet/fields';
import { MF_FIELD_ROWS } from './mf-fields.gen';
import type { FieldStorage, MfField } from './types';

/** Packet storage slots and their widths: packet/fields.ts's, plus members OVS has and OVN does not use. */
export const FLOW_SLOTS: Readonly<Record<string, number>> = (() => {
  const slots: Record<string, number> = {
    ...STORAGE_WIDTHS,
    packet_type: 32,
    tun_ipv6_src: 128,
    tun_ipv6_dst: 128,
    tun_flags: 16,
    tun_ttl: 8,
    tun_tos: 8,
    tun_gbp_id: 16,
    tun_gbp_flags: 8,
    tun_erspan_idx: 32,
    tun_erspan_ver: 8,
    tun_erspan_dir: 8,
    tun_erspan_hwid: 8,
    tun_gtpu_flags: 8,
    tun_gtpu_msgtype: 8,
    actset_output: 32,
    mpls_lse: 32,
    nsh_flags: 8,
    nsh_ttl: 8,
    nsh_mdtype: 8,
    nsh_np: 8,
    nsh_spi: 32,
    nsh_si: 8,
  };
  // in_port holds an OpenFlow 1.1+ port in OVS (in_port_oxm is the same member).
  slots.in_port = 32;
  for (let i = 0; i < 64; i++) slots[`tun_metadata${i}`] = 992;
  for (let i = 0; i < 4; i++) slots[`nsh_c${i + 1}`] = 32;
  return slots;
})();

/** Fields stored in another field's member, or at a bit offset in it, as struct flow does. */
const SHARED: Record<string, FieldStorage> = {
  in_port_oxm: { slot: 'in_port', ofs: 0 },
  dl_vlan: { slot: 'vlan_tci', ofs: 0 },
  vlan_vid: { slot: 'vlan_tci', ofs: 0 },
  dl_vlan_pcp: { slot: 'vlan_tci', ofs: 13 },
  vlan_pcp: { slot: 'vlan_tci', ofs: 13 },
  mpls_label: { slot: 'mpls_lse', ofs: 12 },
  mpls_tc: { slot: 'mpls_lse', ofs: 9 },
  mpls_bos: { slot: 'mpls_lse', ofs: 8 },
  mpls_ttl: { slot: 'mpls_lse', ofs: 0 },
  ip_src: { slot: 'nw_src', ofs: 0 },
  ip_dst: { slot: 'nw_dst', ofs: 0 },
  ip_dscp: { slot: 'nw_tos', ofs: 2 },
  nw_ecn: { slot: 'nw_tos', ofs: 0 },
  ip_frag: { slot: 'nw_frag', ofs: 0 },
  arp_op: { slot: 'nw_proto', ofs: 0 },
  arp_spa: { slot: 'nw_src', ofs: 0 },
  arp_tpa: { slot: 'nw_dst', ofs: 0 },
  tcp_src: { slot: 'tp_src', ofs: 0 },
  tcp_dst: { slot: 'tp_dst', ofs: 0 },
  udp_src: { slot: 'tp_src', ofs: 0 },
  udp_dst: { slot: 'tp_dst', ofs: 0 },
  sctp_src: { slot: 'tp_src', ofs: 0 },
  sctp_dst: { slot: 'tp_dst', ofs: 0 },
  icmp_type: { slot: 'tp_src', ofs: 0 },
  icmp_code: { slot: 'tp_dst', ofs: 0 },
  icmpv6_type: { slot: 'tp_src', ofs: 0 },
  icmpv6_code: { slot: 'tp_dst', ofs: 0 },
  nd_sll: { slot: 'arp_sha', ofs: 0 },
  nd_tll: { slot: 'arp_tha', ofs: 0 },
};

function storageOf(name: string): MfField['storage'] {
  const xreg = /^xreg(\d)$/.exec(name);
  if (xreg) {
    const i = Number(xreg[1]);
    return { parts: [`reg${2 * i}`, `reg${2 * i + 1}`] };
  }
  const xxreg = /^xxreg(\d)$/.exec(name);
  if (xxreg) {
    const i = Number(xxreg[1]);
    return { parts: [0, 1, 2, 3].map((j) => `reg${4 * i + j}`) };
  }
  return SHARED[name] ?? { slot: name, ofs: 0 };
}

export const FIELDS: readonly MfField[] = MF_FIELD_ROWS.map((row) => ({ ...row, storage: storageOf(row.name) }));

const BY_NAME = new Map<string, MfField>();
const BY_NXM = new Map<string, MfField>();
for (const f of FIELDS) {
  BY_NAME.set(f.name, f);
  if (f.extraName) BY_NAME.set(f.extraName, f);
  if (f.nxmName) BY_NXM.set(f.nxmName, f);
  if (f.oxmName) BY_NXM.set(f.oxmName, f);
}

/** mf_from_name: a field by its name or extra name ("eth_src", "dl_src"). */
export function fieldByName(name: string): MfField | undefined {
  return BY_NAME.get(name);
}

/** A field by its NXM or OXM name ("NXM_OF_ETH_SRC", "OXM_OF_METADATA"), as mf_parse_subfield accepts. */
export function fieldByNxmName(name: string): MfField | undefined {
  return BY_NXM.get(name);
}

/** The name subfields print with: NXM name first, then OXM, as mf_format_subfield does. */
export function subfieldName(f: MfField): string {
  return f.nxmName ?? f.oxmName ?? f.name;
}

/** The storage slots (and offsets) a field occupies, least significant part last. */
export function fieldSlots(f: MfField): { slot: string; ofs: number; nBits: number }[] {
  if ('parts' in f.storage) return f.storage.parts.map((slot) => ({ slot, ofs: 0, nBits: 32 }));
  return [{ slot: f.storage.slot, ofs: f.storage.ofs, nBits: f.nBits }];
}

/** The all-ones mask of an n-bit value. */
export function allOnes(nBits: number): bigint {
  return (1n << BigInt(nBits)) - 1n;
}

/** Reads field `f` out of slot values (a PacketState or a Match's values). */
export function readField(slots: Readonly<Record<string, bigint>>, f: MfField): bigint {
  let v = 0n;
  for (const p of fieldSlots(f))
    v = (v << BigInt(p.nBits)) | (((slots[p.slot] ?? 0n) >> BigInt(p.ofs)) & allOnes(p.nBits));
  return v;
}

/** Writes `value` under `mask` (both field-width) into field `f` of slot values. */
export function writeField(slots: Record<string, bigint>, f: MfField, value: bigint, mask: bigint): void {
  const parts = fieldSlots(f);
  let shift = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const partMask = ((mask >> BigInt(shift)) & allOnes(p.nBits)) << BigInt(p.ofs);
    const partValue = ((value >> BigInt(shift)) & allOnes(p.nBits)) << BigInt(p.ofs);
    slots[p.slot] = ((slots[p.slot] ?? 0n) & ~partMask) | (partValue & partMask);
    shift += p.nBits;
  }
}
