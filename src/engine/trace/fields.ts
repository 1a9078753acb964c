// Reading and writing logical fields of a traced packet (expr_resolve_field + mf_* in ovn-trace), and
// printing a field's value as OVS's mf_format does (MACs, IPs, decimal or hex integers).
import type { FieldRef } from '../actions/index.ts';
import { resolveSymbol } from '../expr/symbols.ts';
import { formatIPv4, formatIPv6, formatMac } from '../packet/addresses.ts';
import { ovsField } from '../packet/fields.ts';
import { getBits, setBits, type PacketState } from '../packet/state.ts';

/** A subfield of an OVS field (struct mf_subfield). */
export interface Subfield {
  field: string;
  /** The whole OVS field's width. */
  fieldWidth: number;
  ofs: number;
  nBits: number;
}

/** expr_resolve_field: a logical field reference down to the OVS field bits it names. */
export function resolveField(ref: FieldRef): Subfield | undefined {
  const resolved = resolveSymbol(ref.symbol);
  if (!resolved) return undefined;
  const [base, baseOfs] = resolved;
  const field = base.field ? ovsField(base.field) : undefined;
  if (!field) return undefined;
  // String fields (inport, outport) have width 0: they are their whole register.
  if (ref.width === 0) return { field: field.name, fieldWidth: field.width, ofs: 0, nBits: field.width };
  return { field: field.name, fieldWidth: field.width, ofs: baseOfs + ref.ofs, nBits: ref.nBits };
}

export function readSubfield(packet: PacketState, sf: Subfield): bigint {
  return getBits(packet, sf.field, sf.ofs, sf.nBits);
}

export function writeSubfield(packet: PacketState, sf: Subfield, value: bigint): void {
  setBits(packet, sf.field, sf.ofs, sf.nBits, value);
}

/** mf_is_register: reg0–15, xreg0–7, xxreg0–3. */
export function isRegister(field: string): boolean {
  return /^x{0,2}reg\d+$/.test(field);
}

const ETHERNET = new Set(['eth_src', 'eth_dst', 'arp_sha', 'arp_tha', 'nd_sll', 'nd_tll']);
const IPV4 = new Set(['ip_src', 'ip_dst', 'arp_spa', 'arp_tpa', 'ct_nw_src', 'ct_nw_dst', 'tun_src', 'tun_dst']);
const IPV6 = new Set(['ipv6_src', 'ipv6_dst', 'nd_target', 'ct_ipv6_src', 'ct_ipv6_dst']);
const HEX = new Set([
  'metadata',
  'tun_id',
  'pkt_mark',
  'dp_hash',
  'recirc_id',
  'conj_id',
  'ct_mark',
  'ct_label',
  'eth_type',
  'vlan_tci',
  'ipv6_label',
  'tcp_flags',
  'nd_reserved',
]);

/** ds_put_hex of a value: "0x" and its significant hex digits, or "0". */
export function putHex(value: bigint): string {
  return value === 0n ? '0' : `0x${value.toString(16)}`;
}

/** mf_format of a whole field's value. */
export function formatFieldValue(field: string, value: bigint): string {
  if (ETHERNET.has(field)) return formatMac(value);
  if (IPV4.has(field)) return formatIPv4(value);
  if (IPV6.has(field)) return formatIPv6(value);
  if (HEX.has(field) || isRegister(field)) return putHex(value);
  return value.toString();
}
