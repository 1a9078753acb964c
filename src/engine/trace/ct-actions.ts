// Conntrack recirculations as ovn-trace shows them (execute_ct_next, _ct_nat, _ct_commit_nat, _ct_lb,
// _select): each forks a copy of the packet with a ct_state taken from --ct, optionally NATed or
// load-balanced, and traces it from the action's table.
import type { Action } from '../actions/index.ts';
import { CS_DST_NAT, CS_SRC_NAT, CS_TRACKED, formatCtState } from '../ct/state.ts';
import { formatIPv4, formatIPv6 } from '../packet/addresses.ts';
import { clonePacket, getField, setField, type PacketState } from '../packet/state.ts';
import { formatField } from '../actions/index.ts';
import { appendNode, type TraceContext } from './context.ts';
import type { TraceDatapath } from './database.ts';
import type { Runner } from './executor.ts';
import { call, type Task } from './task.ts';
import { writeField } from '../actions/interp.ts';
import type { Pipeline, TraceNode } from './types.ts';

type CtAction = Extract<
  Action,
  {
    type:
      | 'ct_next'
      | 'ct_dnat'
      | 'ct_snat'
      | 'ct_dnat_in_czone'
      | 'ct_snat_in_czone'
      | 'ct_commit_nat'
      | 'ct_lb'
      | 'ct_lb_mark'
      | 'select';
  }
>;

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_IPV6 = 0x86ddn;

function ctState(packet: PacketState): number {
  return Number(getField(packet, 'ct_state'));
}

function* fork(
  ctx: TraceContext,
  runner: Runner,
  dp: TraceDatapath,
  packet: PacketState,
  text: string,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
  kind: 'ct' | 'select' = 'ct',
): Task<void> {
  const node = appendNode(list, 'transformation', text, {
    transformation: { kind, ctState: kind === 'ct' ? formatCtState(ctState(packet)) : undefined },
  });
  yield* call(runner.pass(dp, packet, table, pipeline, node.subs));
}

/** Runs a ct action or select; returns whether the packet went on (a gateway's bare ct_snat does not). */
export function* executeCtAction(
  ctx: TraceContext,
  runner: Runner,
  a: CtAction,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<boolean> {
  switch (a.type) {
    case 'ct_next': {
      const { state, comment } = ctx.ct.take();
      const copy = clonePacket(packet);
      setField(copy, 'ct_state', BigInt(state));
      yield* fork(
        ctx,
        runner,
        dp,
        copy,
        `ct_next(ct_state=${formatCtState(state)}${comment})`,
        a.table,
        pipeline,
        list,
      );
      return true;
    }
    case 'ct_dnat':
    case 'ct_snat':
    case 'ct_dnat_in_czone':
    case 'ct_snat_in_czone':
      return yield* executeCtNat(ctx, runner, a, dp, packet, pipeline, list);
    case 'ct_commit_nat': {
      const copy = clonePacket(packet);
      let text = 'ct_commit_nat /* assuming no un-nat entry, so no change */';
      text += takeIfUntracked(ctx, copy);
      yield* fork(ctx, runner, dp, copy, text, a.table, pipeline, list);
      return true;
    }
    case 'ct_lb':
    case 'ct_lb_mark':
      yield* executeCtLb(ctx, runner, a, dp, packet, pipeline, list);
      return true;
    case 'select':
      yield* executeSelect(ctx, runner, a, dp, packet, pipeline, list);
      return true;
  }
}

/** "ct(nat) implies ct()": an untracked packet takes the next --ct state; returns its comment. */
function takeIfUntracked(ctx: TraceContext, packet: PacketState): string {
  if (ctState(packet) & CS_TRACKED) return '';
  const { state, comment } = ctx.ct.take();
  setField(packet, 'ct_state', BigInt(ctState(packet) | state));
  return comment;
}

function* executeCtNat(
  ctx: TraceContext,
  runner: Runner,
  a: Extract<CtAction, { type: 'ct_dnat' | 'ct_snat' | 'ct_dnat_in_czone' | 'ct_snat_in_czone' }>,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<boolean> {
  const isDst = a.type === 'ct_dnat' || a.type === 'ct_dnat_in_czone';
  const inCzone = a.type === 'ct_dnat_in_czone' || a.type === 'ct_snat_in_czone';
  // "ct_snat;" has no visible effect in a gateway router.
  if (!isDst && dp.hasLocalL3gateway && !a.ip) return false;
  const direction = isDst ? 'dst' : 'src';
  const copy = clonePacket(packet);
  // ovn-trace prints the in_czone variants without an underscore before "in".
  let text = `ct_${direction[0]}nat${inCzone ? 'in_czone' : ''}`;
  if (a.ip) {
    if (a.ip.family === 4) {
      text += `(ip4.${direction}=${formatIPv4(a.ip.value)})`;
      setField(copy, isDst ? 'ip_dst' : 'ip_src', a.ip.value);
    } else {
      text += `(ip6.${direction}=${formatIPv6(a.ip.value)})`;
      setField(copy, isDst ? 'ipv6_dst' : 'ipv6_src', a.ip.value);
    }
    setField(copy, 'ct_state', BigInt(ctState(copy) | (isDst ? CS_DST_NAT : CS_SRC_NAT)));
  } else {
    text += ` /* assuming no un-${direction[0]}nat entry, so no change */`;
  }
  text += takeIfUntracked(ctx, copy);
  yield* fork(ctx, runner, dp, copy, text, a.table, pipeline, list);
  return true;
}

function* executeCtLb(
  ctx: TraceContext,
  runner: Runner,
  a: Extract<CtAction, { type: 'ct_lb' | 'ct_lb_mark' }>,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  const copy = clonePacket(packet);
  const ethType = getField(copy, 'eth_type');
  const family = ethType === ETH_TYPE_IP ? 4 : ethType === ETH_TYPE_IPV6 ? 6 : undefined;
  let comment = '';
  const errors: string[] = [];
  if (family !== undefined) {
    let dst: { ip: bigint; port: number } | undefined;
    if (a.backends.length) {
      for (const d of a.backends) {
        if (d.family !== family) continue;
        if (ctx.lbDst?.family === family && ctx.lbDst.ip === d.value) {
          ctx.lbDst = undefined;
          dst = { ip: d.value, port: d.port };
          break;
        }
        // ovn-trace picks a random backend when --lb-dst names none; we take the first, to stay deterministic.
        dst ??= { ip: d.value, port: d.port };
      }
      if (!dst) errors.push('*** no load balancing destination (use --lb-dst)');
    } else if (ctx.lbDst?.family === family) {
      dst = ctx.lbDst;
    }
    if (dst) {
      if (family === 6) {
        setField(copy, 'ct_ipv6_dst', getField(copy, 'ipv6_dst'));
        setField(copy, 'ipv6_dst', dst.ip);
      } else {
        setField(copy, 'ct_nw_dst', getField(copy, 'ip_dst'));
        setField(copy, 'ip_dst', dst.ip);
      }
      setField(copy, 'ct_tp_dst', getField(copy, 'tcp_dst'));
      if (dst.port) setField(copy, 'tcp_dst', BigInt(dst.port));
      setField(copy, 'ct_state', BigInt(ctState(copy) | CS_DST_NAT));
    }
    const { state, comment: c } = ctx.ct.take();
    setField(copy, 'ct_state', BigInt(ctState(copy) | state));
    comment = c;
  }
  for (const message of errors) appendNode(list, 'error', message);
  yield* fork(ctx, runner, dp, copy, `${a.type}${comment}`, a.table, pipeline, list);
}

function* executeSelect(
  ctx: TraceContext,
  runner: Runner,
  a: Extract<CtAction, { type: 'select' }>,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  const copy = clonePacket(packet);
  const chosen = a.members.find((m) => m.id === ctx.selectId);
  // Without a matching --select-id ovn-trace picks at random; we take the first member.
  const member = chosen ?? a.members[0];
  if (member) writeField(copy, a.dst, BigInt(member.id));
  const note = chosen ? '' : ' /* Randomly selected. Use --select-id to specify. */';
  const text = `select: ${formatField(a.dst)} = ${member?.id ?? 0}${note}`;
  const node = appendNode(list, 'transformation', text, { transformation: { kind: 'select' } });
  yield* call(runner.pass(dp, copy, a.table, pipeline, node.subs));
}
