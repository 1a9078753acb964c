// Actions with nested actions that trace a new packet (execute_clone, _arp, _nd_na, _nd_ns, _icmp4,
// _icmp6, _tcp_reset, _sctp_abort, _reject in ovn-trace): the packet is copied, rewritten as
// ovn-controller would build it, and the nested actions run on the copy under a titled node.
import type { Action } from '../actions/index.ts';
import { TraceAbort } from './abort.ts';
import { clonePacket, getField, setField, type PacketState } from '../packet/state.ts';
import { appendNode, type TraceContext } from './context.ts';
import type { TraceDatapath } from './database.ts';
import type { Runner } from './executor.ts';
import type { Pipeline, TraceNode } from './types.ts';

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_ARP = 0x0806n;
const IPPROTO_ICMP = 1n;
const IPPROTO_TCP = 6n;
const IPPROTO_ICMPV6 = 58n;
const IPPROTO_SCTP = 132n;
const ICMP4_DST_UNREACH = 3n;
const ICMP6_DST_UNREACH = 1n;
const TCP_RST = 0x004n;
const ARP_OP_REQUEST = 1n;

type NestedAction = Extract<Action, { nested: Action[] }>;

function run(
  runner: Runner,
  title: string,
  kind: 'clone' | 'generated',
  a: NestedAction,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
): void {
  const node = appendNode(list, 'transformation', title, { transformation: { kind } });
  runner.actions(a.nested, dp, packet, table, pipeline, node.subs);
}

function copyField(to: PacketState, toField: string, from: PacketState, fromField: string): void {
  setField(to, toField, getField(from, fromField));
}

/** Source and destination as ovn-controller sets them: swapped when answering the sender (loopback). */
function addresses(copy: PacketState, packet: PacketState, loopback: boolean, src: string, dst: string): void {
  copyField(copy, 'eth_dst', packet, loopback ? 'eth_src' : 'eth_dst');
  copyField(copy, 'eth_src', packet, loopback ? 'eth_dst' : 'eth_src');
  copyField(copy, dst, packet, loopback ? src : dst);
  copyField(copy, src, packet, loopback ? dst : src);
}

function isIpv4(packet: PacketState): boolean {
  return getField(packet, 'eth_type') === ETH_TYPE_IP;
}

function icmp(
  runner: Runner,
  a: NestedAction,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
  loopback: boolean,
  v4: boolean,
): void {
  const unreach = v4 ? ICMP4_DST_UNREACH : ICMP6_DST_UNREACH;
  // Avoid recirculation.
  if (loopback && getField(packet, 'tcp_src') === unreach) return;
  const copy = clonePacket(packet);
  if (v4) addresses(copy, packet, loopback, 'ip_src', 'ip_dst');
  else addresses(copy, packet, loopback, 'ipv6_src', 'ipv6_dst');
  setField(copy, 'nw_proto', v4 ? IPPROTO_ICMP : IPPROTO_ICMPV6);
  setField(copy, 'nw_ttl', 255n);
  setField(copy, 'tcp_src', unreach);
  setField(copy, 'tcp_dst', 1n);
  run(runner, v4 ? 'icmp4' : 'icmp6', 'generated', a, dp, copy, table, pipeline, list);
}

/** tcp_reset and sctp_abort: the same segment back (or on), with RST set. */
function reset(
  runner: Runner,
  a: NestedAction,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
  loopback: boolean,
  sctp: boolean,
): void {
  if (loopback && getField(packet, 'tcp_flags') === TCP_RST) return;
  const copy = clonePacket(packet);
  if (isIpv4(packet)) {
    addresses(copy, packet, loopback, 'ip_src', 'ip_dst');
    setField(copy, 'nw_proto', sctp ? IPPROTO_SCTP : IPPROTO_TCP);
  } else {
    addresses(copy, packet, loopback, 'ipv6_src', 'ipv6_dst');
    // ovn-trace's IPv6 sctp_abort sets the TCP protocol number.
    setField(copy, 'nw_proto', IPPROTO_TCP);
  }
  setField(copy, 'nw_ttl', 255n);
  setField(copy, 'tcp_flags', TCP_RST);
  run(runner, sctp ? 'sctp_abort' : 'tcp_reset', 'generated', a, dp, copy, table, pipeline, list);
}

/** in6_addr_solicited_node + ipv6_multicast_to_ethernet: 33:33:ff + the address's low 24 bits. */
function solicitedNodeMac(ipv6: bigint): bigint {
  return (0x3333ff000000n & ~0xffffffn) | 0x3333ff000000n | (ipv6 & 0xffffffn);
}

/** Handles an action with nested actions; false for any other action. */
export function executeNested(
  _ctx: TraceContext,
  runner: Runner,
  a: Action,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
): boolean {
  switch (a.type) {
    case 'ct_commit':
      // Nothing to do: ovn-trace keeps no conntrack table.
      return true;
    case 'clone':
      run(runner, 'clone', 'clone', a, dp, clonePacket(packet), table, pipeline, list);
      return true;
    case 'arp': {
      const copy = clonePacket(packet);
      for (const f of ['nw_frag', 'nw_tos', 'nw_ttl', 'tcp_flags']) setField(copy, f, 0n);
      setField(copy, 'eth_type', ETH_TYPE_ARP);
      setField(copy, 'arp_op', ARP_OP_REQUEST);
      copyField(copy, 'arp_sha', packet, 'eth_src');
      setField(copy, 'arp_tha', 0n);
      run(runner, 'arp', 'generated', a, dp, copy, table, pipeline, list);
      return true;
    }
    case 'nd_na_router':
      // ovn-trace 23.03 reads nd_na_router through ovnact_get_ND_NA(), whose type assertion fails.
      throw new TraceAbort(
        './include/ovn/actions.h:571: assertion ovnact->type == OVNACT_ND_NA failed in ovnact_get_ND_NA()',
      );
    case 'nd_na': {
      const copy = clonePacket(packet);
      copyField(copy, 'eth_src', packet, 'eth_dst');
      copyField(copy, 'eth_dst', packet, 'eth_src');
      copyField(copy, 'ipv6_dst', packet, 'ipv6_src');
      copyField(copy, 'ipv6_src', packet, 'nd_target');
      setField(copy, 'tcp_src', 136n);
      setField(copy, 'arp_sha', 0n);
      copyField(copy, 'arp_tha', packet, 'eth_dst');
      run(runner, 'nd_na', 'generated', a, dp, copy, table, pipeline, list);
      return true;
    }
    case 'nd_ns': {
      const copy = clonePacket(packet);
      setField(copy, 'eth_dst', solicitedNodeMac(getField(packet, 'ipv6_dst')));
      setField(copy, 'tcp_src', 135n);
      setField(copy, 'arp_sha', 0n);
      copyField(copy, 'arp_tha', packet, 'eth_dst');
      run(runner, 'nd_ns', 'generated', a, dp, copy, table, pipeline, list);
      return true;
    }
    case 'icmp4':
    case 'icmp4_error':
      icmp(runner, a, dp, packet, table, pipeline, list, false, true);
      return true;
    case 'icmp6':
    case 'icmp6_error':
      icmp(runner, a, dp, packet, table, pipeline, list, false, false);
      return true;
    case 'tcp_reset':
      reset(runner, a, dp, packet, table, pipeline, list, false, false);
      return true;
    case 'sctp_abort':
      reset(runner, a, dp, packet, table, pipeline, list, false, true);
      return true;
    case 'reject': {
      const proto = getField(packet, 'nw_proto');
      if (proto === IPPROTO_TCP) reset(runner, a, dp, packet, table, pipeline, list, true, false);
      else if (proto === IPPROTO_SCTP) reset(runner, a, dp, packet, table, pipeline, list, true, true);
      else icmp(runner, a, dp, packet, table, pipeline, list, true, isIpv4(packet));
      return true;
    }
    default:
      return false;
  }
}
