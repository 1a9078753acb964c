// Actions with nested actions that trace a new packet (execute_clone, _arp, _nd_na, _nd_ns, _icmp4,
// _icmp6, _tcp_reset, _sctp_abort, _reject in ovn-trace): the packet is built as ovn-controller would
// (nestedPacket of the action interpreter), and the nested actions run on it under a titled node.
import type { Action } from '../actions/index.ts';
import { nestedPacket } from '../actions/interp.ts';
import { getField, type PacketState } from '../packet/state.ts';
import { TraceAbort } from './abort.ts';
import type { TraceContext } from './context.ts';
import { appendNode } from './context.ts';
import type { TraceDatapath } from './database.ts';
import type { Runner } from './executor.ts';
import { call, type Task } from './task.ts';
import type { Pipeline, TraceNode } from './types.ts';

type NestedType = Parameters<typeof nestedPacket>[0];

const TITLES: Partial<Record<NestedType, string>> = {
  clone: 'clone',
  arp: 'arp',
  nd_na: 'nd_na',
  nd_ns: 'nd_ns',
  icmp4: 'icmp4',
  icmp4_error: 'icmp4',
  icmp6: 'icmp6',
  icmp6_error: 'icmp6',
  tcp_reset: 'tcp_reset',
  sctp_abort: 'sctp_abort',
};

/** The node title ovn-trace gives the packet; reject answers with what suits the protocol. */
function titleOf(type: NestedType, packet: PacketState): string {
  if (type !== 'reject') return TITLES[type] ?? type;
  const proto = getField(packet, 'nw_proto');
  if (proto === 6n) return 'tcp_reset';
  if (proto === 132n) return 'sctp_abort';
  return getField(packet, 'eth_type') === 0x0800n ? 'icmp4' : 'icmp6';
}

function isNestedType(type: Action['type']): type is NestedType {
  return type in TITLES || type === 'reject' || type === 'nd_na_router';
}

/** Handles an action with nested actions; false for any other action. */
export function* executeNested(
  _ctx: TraceContext,
  runner: Runner,
  a: Action,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<boolean> {
  // ct_commit { … }: nothing to do, ovn-trace keeps no conntrack table.
  if (a.type === 'ct_commit') return true;
  if (!('nested' in a) || !isNestedType(a.type)) return false;
  if (a.type === 'nd_na_router') {
    // ovn-trace 23.03 reads nd_na_router through ovnact_get_ND_NA(), whose type assertion fails.
    throw new TraceAbort(
      './include/ovn/actions.h:571: assertion ovnact->type == OVNACT_ND_NA failed in ovnact_get_ND_NA()',
    );
  }
  // Undefined when ovn-trace skips it, so that a reject or error does not answer itself.
  const copy = nestedPacket(a.type, packet);
  if (!copy) return true;
  const kind = a.type === 'clone' ? 'clone' : 'generated';
  const node = appendNode(list, 'transformation', titleOf(a.type, packet), { transformation: { kind } });
  yield* call(runner.actions(a.nested, dp, copy, table, pipeline, node.subs));
  return true;
}
