// Field-level semantics of actions on a packet, as ovn-trace executes them (execute_load, execute_move,
// execute_exchange, DEC_TTL, and the packets arp{}, nd_na{}, icmp4{} … start from). Control flow, output,
// conntrack and nested pipelines are the tracer's (src/engine/trace).
import { resolveSymbol } from '../expr/symbols.ts';
import { formatIPv4, formatIPv6, formatMac } from '../packet/addresses.ts';
import { ovsField } from '../packet/fields.ts';
import { clonePacket, getBits, getField, setBits, setField, type PacketState } from '../packet/state.ts';
import type { Action, FieldRef } from './ast.ts';
import { formatAction, formatField } from './format.ts';

/** A resolved field: bits [ofs, ofs+nBits) of an OVS field (struct mf_subfield). */
export interface OvsSubfield {
  field: string;
  ofs: number;
  nBits: number;
  /** The whole OVS field's width. */
  fieldWidth: number;
}

/** expr_resolve_field. String fields (inport, outport) are their whole register. */
export function resolveFieldRef(ref: FieldRef): OvsSubfield | undefined {
  const resolved = resolveSymbol(ref.symbol);
  const base = resolved?.[0];
  const f = base?.field ? ovsField(base.field) : undefined;
  if (!resolved || !f) return undefined;
  if (ref.width === 0) return { field: f.name, ofs: 0, nBits: f.width, fieldWidth: f.width };
  return { field: f.name, ofs: resolved[1] + ref.ofs, nBits: ref.nBits, fieldWidth: f.width };
}

export function readField(packet: PacketState, ref: FieldRef): bigint {
  const sf = resolveFieldRef(ref);
  return sf ? getBits(packet, sf.field, sf.ofs, sf.nBits) : 0n;
}

export function writeField(packet: PacketState, ref: FieldRef, value: bigint): void {
  const sf = resolveFieldRef(ref);
  if (sf) setBits(packet, sf.field, sf.ofs, sf.nBits, value);
}

/** mf_is_register. */
function isRegister(field: string): boolean {
  return /^x{0,2}reg\d+$/.test(field);
}

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_IPV6 = 0x86ddn;
const ETH_TYPE_ARP = 0x0806n;
const ETH_TYPE_RARP = 0x8035n;

/** mf_are_prereqs_ok: OVS writes a header field only if the packet has that header. */
export function prereqsOk(packet: PacketState, field: string): boolean {
  const type = getField(packet, 'eth_type');
  const proto = getField(packet, 'nw_proto');
  const ip4 = type === ETH_TYPE_IP;
  const ip6 = type === ETH_TYPE_IPV6;
  const icmp6Type = getField(packet, 'icmpv6_type');
  if (['ip_src', 'ip_dst'].includes(field)) return ip4;
  if (['ipv6_src', 'ipv6_dst', 'ipv6_label'].includes(field)) return ip6;
  if (['nw_proto', 'nw_tos', 'ip_dscp', 'nw_ecn', 'nw_ttl', 'nw_frag'].includes(field)) return ip4 || ip6;
  if (field.startsWith('arp_')) return type === ETH_TYPE_ARP || type === ETH_TYPE_RARP;
  if (field.startsWith('tcp_')) return (ip4 || ip6) && proto === 6n;
  if (field.startsWith('udp_')) return (ip4 || ip6) && proto === 17n;
  if (field.startsWith('sctp_')) return (ip4 || ip6) && proto === 132n;
  if (field === 'icmp_type' || field === 'icmp_code') return ip4 && proto === 1n;
  if (field === 'icmpv6_type' || field === 'icmpv6_code') return ip6 && proto === 58n;
  const nd = ip6 && proto === 58n;
  if (field === 'nd_target') return nd && (icmp6Type === 135n || icmp6Type === 136n);
  if (field === 'nd_sll') return nd && icmp6Type === 135n;
  if (field === 'nd_tll') return nd && icmp6Type === 136n;
  return true;
}

/** mf_format of a whole field's value: addresses as addresses, registers and masks in hex. */
export function formatOvsValue(field: string, value: bigint): string {
  if (['eth_src', 'eth_dst', 'arp_sha', 'arp_tha', 'nd_sll', 'nd_tll'].includes(field)) return formatMac(value);
  if (['ip_src', 'ip_dst', 'arp_spa', 'arp_tpa', 'ct_nw_src', 'ct_nw_dst'].includes(field)) return formatIPv4(value);
  if (['ipv6_src', 'ipv6_dst', 'nd_target', 'ct_ipv6_src', 'ct_ipv6_dst'].includes(field)) return formatIPv6(value);
  const hex = ['metadata', 'pkt_mark', 'ct_mark', 'ct_label', 'eth_type', 'vlan_tci', 'ipv6_label', 'tcp_flags'];
  if (hex.includes(field) || isRegister(field)) return value === 0n ? '0' : `0x${value.toString(16)}`;
  return value.toString();
}

/**
 * For `outport = "name";`: the tunnel key of that port or multicast group in the flow's datapath
 * (ovntrace_lookup_port); undefined, which loads 0, for names not in it. "" and "none" load 0 anyway.
 */
export type PortKeyLookup = (name: string) => number | undefined;

/**
 * Applies a load, move, exchange or ip.ttl-- to `packet` (in place). Returns the "modify" lines ovn-trace
 * records for it (what --summary and --minimal print), or the error line of a failed TTL decrement.
 */
export function applyFieldAction(
  a: Action,
  packet: PacketState,
  portKey: PortKeyLookup,
): { modify: string[]; error?: string } {
  switch (a.type) {
    case 'load': {
      const sf = resolveFieldRef(a.dst);
      if (!sf) return { modify: [] };
      const modify = isRegister(sf.field) ? [] : [formatAction(a).slice(0, -1)];
      if (!prereqsOk(packet, sf.field)) return { modify };
      if (a.value.kind === 'string') {
        const name = a.value.value;
        setField(packet, sf.field, name === '' || name === 'none' ? 0n : BigInt(portKey(name) ?? 0));
      } else {
        const bits = (1n << BigInt(sf.nBits)) - 1n;
        const mask = (a.value.mask ?? bits) & bits;
        const old = getBits(packet, sf.field, sf.ofs, sf.nBits);
        setBits(packet, sf.field, sf.ofs, sf.nBits, (old & ~mask) | (a.value.value & mask));
      }
      return { modify };
    }
    case 'move': {
      const modify = summarizeMove(packet, a.rhs, a.lhs);
      writeField(packet, a.lhs, readField(packet, a.rhs));
      return { modify };
    }
    case 'exchange': {
      const modify = [...summarizeMove(packet, a.rhs, a.lhs), ...summarizeMove(packet, a.lhs, a.rhs)];
      const [l, r] = [readField(packet, a.lhs), readField(packet, a.rhs)];
      writeField(packet, a.lhs, r);
      writeField(packet, a.rhs, l);
      return { modify };
    }
    case 'dec_ttl': {
      const type = getField(packet, 'eth_type');
      if (type !== ETH_TYPE_IP && type !== ETH_TYPE_IPV6) {
        return { modify: [], error: '*** TTL decrement of non-IP packet' };
      }
      const ttl = getField(packet, 'nw_ttl');
      if (!ttl) return { modify: [], error: '*** TTL underflow' };
      setField(packet, 'nw_ttl', ttl - 1n);
      return { modify: ['ip.ttl--'] };
    }
    default:
      return { modify: [] };
  }
}

/** summarize_move: "dst = value" unless dst is a register; value formatted as the source field's. */
function summarizeMove(packet: PacketState, src: FieldRef, dst: FieldRef): string[] {
  const d = resolveFieldRef(dst);
  const s = resolveFieldRef(src);
  if (!d || !s || isRegister(d.field)) return [];
  const value = getBits(packet, s.field, s.ofs, s.nBits);
  const whole = s.ofs === 0 && s.nBits >= s.fieldWidth;
  const text = whole ? formatOvsValue(s.field, value) : value === 0n ? '0' : `0x${value.toString(16)}`;
  return [`${formatField(dst)} = ${text}`];
}

/**
 * The packet a nested action's actions run on, as ovn-trace builds it (execute_arp, execute_nd_na,
 * execute_nd_ns, execute_icmp4/6, execute_tcp_reset, execute_sctp_abort; reject picks by protocol).
 * `undefined` when ovn-trace skips it to avoid a loop (a reject or error packet answering itself).
 */
export function nestedPacket(
  type:
    | 'arp'
    | 'nd_na'
    | 'nd_na_router'
    | 'nd_ns'
    | 'icmp4'
    | 'icmp4_error'
    | 'icmp6'
    | 'icmp6_error'
    | 'tcp_reset'
    | 'sctp_abort'
    | 'reject'
    | 'clone',
  packet: PacketState,
): PacketState | undefined {
  const p = clonePacket(packet);
  const get = (f: string) => getField(packet, f);
  const proto = get('nw_proto');
  const ip4 = get('eth_type') === ETH_TYPE_IP;
  switch (type) {
    case 'clone':
      return p;
    case 'arp':
      for (const f of ['nw_frag', 'nw_tos', 'nw_ttl', 'tcp_flags']) setField(p, f, 0n);
      setField(p, 'eth_type', ETH_TYPE_ARP);
      setField(p, 'arp_op', 1n);
      setField(p, 'arp_sha', get('eth_src'));
      setField(p, 'arp_tha', 0n);
      return p;
    case 'nd_na':
    case 'nd_na_router':
      setField(p, 'eth_src', get('eth_dst'));
      setField(p, 'eth_dst', get('eth_src'));
      setField(p, 'ipv6_dst', get('ipv6_src'));
      setField(p, 'ipv6_src', get('nd_target'));
      setField(p, 'tp_src', 136n);
      setField(p, 'arp_sha', 0n);
      setField(p, 'arp_tha', get('eth_dst'));
      return p;
    case 'nd_ns': {
      // The solicited-node multicast address of ip6.dst, and its Ethernet multicast address.
      const dst = get('ipv6_dst');
      const solicited = (0xff02n << 112n) | (1n << 32n) | (0xffn << 24n) | (dst & 0xffffffn);
      setField(p, 'eth_dst', (0x3333n << 32n) | (solicited & 0xffffffffn));
      setField(p, 'tp_src', 135n);
      setField(p, 'arp_sha', 0n);
      setField(p, 'arp_tha', get('eth_dst'));
      return p;
    }
    case 'icmp4':
    case 'icmp4_error':
      return icmpPacket(p, packet, false, 4);
    case 'icmp6':
    case 'icmp6_error':
      return icmpPacket(p, packet, false, 6);
    case 'tcp_reset':
      return resetPacket(p, packet, false, 6n);
    case 'sctp_abort':
      return resetPacket(p, packet, false, 132n);
    case 'reject':
      if (proto === 6n) return resetPacket(p, packet, true, 6n);
      if (proto === 132n) return resetPacket(p, packet, true, 132n);
      return icmpPacket(p, packet, true, ip4 ? 4 : 6);
  }
}

function swapAddresses(p: PacketState, packet: PacketState, loopback: boolean, v4: boolean): void {
  const [src, dst] = v4 ? ['ip_src', 'ip_dst'] : ['ipv6_src', 'ipv6_dst'];
  if (!loopback) return;
  setField(p, 'eth_dst', getField(packet, 'eth_src'));
  setField(p, 'eth_src', getField(packet, 'eth_dst'));
  setField(p, dst, getField(packet, src));
  setField(p, src, getField(packet, dst));
}

function icmpPacket(p: PacketState, packet: PacketState, loopback: boolean, version: 4 | 6): PacketState | undefined {
  const unreach = version === 4 ? 3n : 1n;
  if (loopback && getField(packet, 'tp_src') === unreach) return undefined;
  swapAddresses(p, packet, loopback, version === 4);
  setField(p, 'nw_proto', version === 4 ? 1n : 58n);
  setField(p, 'nw_ttl', 255n);
  setField(p, 'tp_src', unreach);
  setField(p, 'tp_dst', 1n);
  return p;
}

function resetPacket(p: PacketState, packet: PacketState, loopback: boolean, proto: bigint): PacketState | undefined {
  // TCP_RST: ovn-trace marks both the TCP reset and the SCTP abort with it.
  if (loopback && getField(packet, 'tcp_flags') === 0x004n) return undefined;
  const v4 = getField(packet, 'eth_type') === ETH_TYPE_IP;
  swapAddresses(p, packet, loopback, v4);
  // execute_sctp6_abort sets IPPROTO_TCP, as OVN 23.03 does.
  setField(p, 'nw_proto', proto === 132n && !v4 ? 6n : proto);
  setField(p, 'nw_ttl', 255n);
  setField(p, 'tcp_flags', 0x004n);
  return p;
}
