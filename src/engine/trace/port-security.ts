// check_in_port_sec() / check_out_port_sec() as ovn-trace computes them from Port_Binding
// port_security (execute_check_in_port_sec and friends): 1 means "violates port security".
import { getField, type PacketState } from '../packet/state.ts';
import type { PortSecAddresses } from './database.ts';

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_ARP = 0x0806n;
const ETH_TYPE_IPV6 = 0x86ddn;
const IPPROTO_UDP = 17n;
const IPPROTO_ICMPV6 = 58n;

/** in6_generate_lla: fe80::/64 with the EUI-64 interface id of the MAC. */
function linkLocal(mac: bigint): bigint {
  const b = (i: number): bigint => (mac >> BigInt(8 * (5 - i))) & 0xffn;
  const iid =
    ((b(0) ^ 0x02n) << 56n) | (b(1) << 48n) | (b(2) << 40n) | (0xfffen << 24n) | (b(3) << 16n) | (b(4) << 8n) | b(5);
  return (0xfe80n << 112n) | iid;
}

function checkInArp(p: PacketState, ps: PortSecAddresses): boolean {
  if (getField(p, 'arp_sha') !== ps.ea) return false;
  if (!ps.ipv4.length) return true;
  return ps.ipv4.includes(getField(p, 'arp_spa'));
}

function checkInIp4(p: PacketState, ps: PortSecAddresses): boolean {
  if (!ps.ipv4.length && !ps.ipv6.length) return true;
  const src = getField(p, 'ip_src');
  if (ps.ipv4.includes(src)) return true;
  // DHCP discovery: 0.0.0.0 → 255.255.255.255, udp 68 → 67.
  return (
    getField(p, 'nw_proto') === IPPROTO_UDP &&
    getField(p, 'tcp_src') === 68n &&
    getField(p, 'tcp_dst') === 67n &&
    src === 0n &&
    getField(p, 'ip_dst') === 0xffffffffn
  );
}

function checkInIp6(p: PacketState, ps: PortSecAddresses): boolean {
  if (!ps.ipv4.length && !ps.ipv6.length) return true;
  const src = getField(p, 'ipv6_src');
  const lla = linkLocal(ps.ea);
  if (!ps.ipv6.includes(src) && src !== lla) return false;
  if (getField(p, 'nw_proto') === IPPROTO_ICMPV6) {
    const type = getField(p, 'icmpv6_type');
    if (type === 135n) {
      const sll = getField(p, 'nd_sll');
      if (sll !== 0n && sll !== ps.ea) return false;
    }
    if (type === 136n) {
      const tll = getField(p, 'nd_tll');
      if (tll !== 0n && tll !== ps.ea) return false;
      if (ps.ipv6.length) {
        const target = getField(p, 'nd_target');
        if (!ps.ipv6.includes(target) && target !== lla) return false;
      }
    }
  }
  return true;
}

/** execute_check_in_port_sec: 0 when the packet may enter through a port with these addresses. */
export function checkInPortSec(p: PacketState, psAddrs: readonly PortSecAddresses[]): 0n | 1n {
  if (!psAddrs.length) return 0n;
  const ethType = getField(p, 'eth_type');
  for (const ps of psAddrs) {
    if (getField(p, 'eth_src') !== ps.ea) continue;
    let allow: boolean;
    if (ethType === ETH_TYPE_IP) allow = checkInIp4(p, ps);
    else if (ethType === ETH_TYPE_ARP) allow = checkInArp(p, ps);
    else if (ethType === ETH_TYPE_IPV6) allow = checkInIp6(p, ps);
    else allow = true;
    return allow ? 0n : 1n;
  }
  return 1n;
}

function checkOutIp4(p: PacketState, ps: PortSecAddresses): boolean {
  if (!ps.ipv4.length && !ps.ipv6.length) return true;
  if (!ps.ipv4.length) return false;
  const dst = getField(p, 'ip_dst');
  if (ps.ipv4.includes(dst)) return true;
  if (dst === 0xffffffffn) return true;
  return (dst & 0xf0000000n) === 0xe0000000n;
}

function checkOutIp6(p: PacketState, ps: PortSecAddresses): boolean {
  if (!ps.ipv4.length && !ps.ipv6.length) return true;
  if (!ps.ipv6.length) return false;
  const dst = getField(p, 'ipv6_dst');
  if (ps.ipv6.includes(dst)) return true;
  if (dst === linkLocal(ps.ea)) return true;
  return dst >> 120n === 0xffn;
}

/** execute_check_out_port_sec: 0 when the packet may leave through a port with these addresses. */
export function checkOutPortSec(p: PacketState, psAddrs: readonly PortSecAddresses[]): 0n | 1n {
  if (!psAddrs.length) return 0n;
  const ethType = getField(p, 'eth_type');
  for (const ps of psAddrs) {
    if (getField(p, 'eth_dst') !== ps.ea) continue;
    let allow: boolean;
    if (ethType === ETH_TYPE_IP) allow = checkOutIp4(p, ps);
    else if (ethType === ETH_TYPE_IPV6) allow = checkOutIp6(p, ps);
    else allow = true;
    return allow ? 0n : 1n;
  }
  return 1n;
}
