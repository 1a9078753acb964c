// The packet as xlate sees it: OVS's struct flow, keyed by the storage slots of flow/types.ts
// (in_port, eth_src, nw_dst, reg0 …), plus vlan_tci1 for a second VLAN header.
export type Packet = Record<string, bigint>;
export type Masks = Record<string, bigint>;

export const ETH_TYPE_IP = 0x0800n;
export const ETH_TYPE_IPV6 = 0x86ddn;
export const ETH_TYPE_ARP = 0x0806n;
export const ETH_TYPE_VLAN = 0x8100n;

export const isIp = (p: Packet): boolean => p.eth_type === ETH_TYPE_IP;
export const isIpAny = (p: Packet): boolean => p.eth_type === ETH_TYPE_IP || p.eth_type === ETH_TYPE_IPV6;

export const get = (p: Packet, slot: string): bigint => p[slot] ?? 0n;

export function samePacket(a: Packet, b: Packet): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0n) !== (b[k] ?? 0n)) return false;
  return true;
}

export function unwildcard(wc: Masks, slot: string, bits: bigint): void {
  wc[slot] = (wc[slot] ?? 0n) | bits;
}

/** Zeroes the conntrack fields (flow_clear_conntrack). */
export function clearConntrack(p: Packet): void {
  for (const k of [
    'ct_state',
    'ct_zone',
    'ct_mark',
    'ct_label',
    'ct_nw_src',
    'ct_nw_dst',
    'ct_ipv6_src',
    'ct_ipv6_dst',
    'ct_nw_proto',
    'ct_tp_src',
    'ct_tp_dst',
  ])
    delete p[k];
}
