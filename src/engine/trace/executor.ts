// The core of ovn-trace (trace__, trace_actions, execute_next/output in utilities/ovn-trace.c): look a
// packet up table by table, run the matched flow's actions, and follow it across pipelines, multicast
// groups and patch ports, building the trace tree as it goes.
import { formatAction, type Action } from '../actions/index.ts';
import { clonePacket, type PacketState } from '../packet/state.ts';
import {
  appendNode,
  compiledFlow,
  flowMatches,
  inportKey,
  inportName,
  outportKey,
  outportName,
  type CompiledFlow,
  type TraceContext,
} from './context.ts';
import { executeCtAction } from './ct-actions.ts';
import { flowsOf, portKeyToName, stageNameOf, type TraceDatapath, type TraceFlow } from './database.ts';
import { executeDataAction } from './data-actions.ts';
import { makeNamesFriendly } from './friendly.ts';
import { executeNested } from './nested.ts';
import { executeOutput } from './output.ts';
import { call, type Task } from './task.ts';
import type { Pipeline, TraceNode } from './types.ts';

/** Nested table lookups where real ovn-trace 23.03.1 dies. It recurses once per lookup and has no
 * limit of its own: a packet looping through two routers and a join switch is followed for 4,120
 * nested lookups (TTL 228) and segfaults at 4,156 (TTL 230, Debian's build, 8 MB stack). A TTL
 * below that is followed to its end (the time-exceeded reply included), as real ovn-trace does. */
export const MAX_NESTED_LOOKUPS = 4150;

/** What the executor's parts call back into. */
export interface Runner {
  table(dp: TraceDatapath, packet: PacketState, table: number, pipeline: Pipeline, list: TraceNode[]): Task<void>;
  /** A table lookup one level deeper, stopped where real ovn-trace runs out of stack. */
  pass(dp: TraceDatapath, packet: PacketState, table: number, pipeline: Pipeline, list: TraceNode[]): Task<void>;
  actions(
    actions: readonly Action[],
    dp: TraceDatapath,
    packet: PacketState,
    table: number,
    pipeline: Pipeline,
    list: TraceNode[],
  ): Task<boolean>;
}

/** Actions after which the packet lives on in this pipeline or the next. */
const FORWARDING = new Set<Action['type']>([
  'output',
  'next',
  'ct_next',
  'ct_dnat',
  'ct_snat',
  'ct_dnat_in_czone',
  'ct_snat_in_czone',
  'ct_lb',
  'ct_lb_mark',
  'ct_commit_nat',
  'select',
]);

const GENERATED = new Set<Action['type']>([
  'arp',
  'nd_na',
  'nd_na_router',
  'nd_ns',
  'icmp4',
  'icmp4_error',
  'icmp6',
  'icmp6_error',
  'tcp_reset',
  'sctp_abort',
  'reject',
]);

export function createRunner(ctx: TraceContext): Runner {
  const runner: Runner = {
    table: (dp, packet, table, pipeline, list) => traceTable(ctx, runner, dp, packet, table, pipeline, list),
    pass: (dp, packet, table, pipeline, list) => nested(ctx, runner, dp, packet, table, pipeline, list),
    actions: (actions, dp, packet, table, pipeline, list) =>
      traceActions(ctx, runner, actions, dp, packet, table, pipeline, list),
  };
  return runner;
}

function lookup(
  ctx: TraceContext,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
): { flow: TraceFlow; compiled: CompiledFlow } | undefined {
  for (const flow of flowsOf(dp, pipeline, table)) {
    const compiled = compiledFlow(ctx, dp, flow);
    if (compiled && flowMatches(ctx, dp, compiled, packet)) return { flow, compiled };
  }
  return undefined;
}

/** may_omit_stage: a "1" match whose only action is next to the following table. */
function mayOmitStage(hit: { compiled: CompiledFlow } | undefined, table: number): boolean {
  if (!hit) return false;
  const { match, actions } = hit.compiled;
  const only = actions.length === 1 ? actions[0] : undefined;
  return match.type === 'bool' && match.value && only?.type === 'next' && only.table === table + 1;
}

/** trace__: one table lookup (skipping trivial stages) and the matched flow's actions. */
function* traceTable(
  ctx: TraceContext,
  runner: Runner,
  dp: TraceDatapath,
  packet: PacketState,
  startTable: number,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  let table = startTable;
  let hit = lookup(ctx, dp, packet, table, pipeline);
  while (mayOmitStage(hit, table)) {
    table++;
    hit = lookup(ctx, dp, packet, table, pipeline);
  }
  const step = {
    datapath: dp.friendlyName,
    datapathKind: dp.kind,
    pipeline,
    table,
    inport: inportName(ctx, dp, packet),
    outport: outportName(ctx, dp, packet),
  };
  let text = `${String(table).padStart(2)}. `;
  if (hit) {
    const { flow } = hit;
    if (flow.stage !== undefined && flow.source !== undefined) text += `${flow.stage} (${flow.source}): `;
    else if (flow.stage !== undefined) text += `${flow.stage}: `;
    else if (flow.source !== undefined) text += `(${flow.source}): `;
    const match = makeNamesFriendly(ctx.db, flow.row.match);
    text += `${match}, priority ${flow.priority}, uuid ${flow.row._uuid.slice(0, 8)}`;
    const node = appendNode(list, 'table', text, {
      packet: clonePacket(packet),
      table: {
        ...step,
        stage: flow.stage,
        flow: {
          uuid: flow.row._uuid,
          priority: flow.priority,
          match,
          actions: flow.row.actions,
          source: flow.source,
        },
      },
    });
    const forwarded = yield* call(runner.actions(hit.compiled.actions, dp, packet, table, pipeline, node.subs));
    if (!forwarded && hit.compiled.actions.length > 0) {
      const generated = hit.compiled.actions.some((a) => GENERATED.has(a.type));
      node.fate = generated
        ? { kind: 'controller', datapath: dp.friendlyName, pipeline, table, stage: flow.stage }
        : { kind: 'dropped', datapath: dp.friendlyName, pipeline, table, stage: flow.stage, reason: 'actions-ended' };
      ctx.fates.push(node.fate);
    }
    return;
  }
  const stage = stageNameOf(dp, pipeline, table);
  text += `${stage !== undefined ? `${stage}: ` : ''}no match (implicit drop)`;
  const fate = {
    kind: 'dropped' as const,
    datapath: dp.friendlyName,
    pipeline,
    table,
    stage,
    reason: 'no-match' as const,
  };
  appendNode(list, 'table', text, { packet: clonePacket(packet), table: { ...step, stage }, fate });
  ctx.fates.push(fate);
}

/** trace_actions: returns whether any action passed the packet on (next, output, a ct recirculation). */
function* traceActions(
  ctx: TraceContext,
  runner: Runner,
  actions: readonly Action[],
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<boolean> {
  if (actions.length === 0) {
    const fate = {
      kind: 'dropped' as const,
      datapath: dp.friendlyName,
      pipeline,
      table,
      stage: stageNameOf(dp, pipeline, table),
      reason: 'drop-action' as const,
    };
    appendNode(list, 'action', 'drop;', { fate });
    ctx.fates.push(fate);
    return true;
  }
  const stack: bigint[] = [];
  let forwarded = false;
  for (const a of actions) {
    appendNode(list, 'action', makeNamesFriendly(ctx.db, formatAction(a)));
    let passed = FORWARDING.has(a.type);
    switch (a.type) {
      case 'output':
        yield* executeOutput(ctx, runner, dp, packet, pipeline, list);
        break;
      case 'next':
        yield* executeNext(ctx, runner, a, dp, packet, pipeline, list);
        break;
      case 'ct_next':
      case 'ct_dnat':
      case 'ct_snat':
      case 'ct_dnat_in_czone':
      case 'ct_snat_in_czone':
      case 'ct_commit_nat':
      case 'ct_lb':
      case 'ct_lb_mark':
      case 'select':
        passed = yield* executeCtAction(ctx, runner, a, dp, packet, pipeline, list);
        break;
      default:
        if (!(yield* executeNested(ctx, runner, a, dp, packet, table, pipeline, list))) {
          executeDataAction(ctx, a, dp, packet, pipeline, list, stack);
        }
    }
    forwarded ||= passed;
  }
  return forwarded;
}

/** execute_next: the next table, in this pipeline or (with a header) the other one. */
function* executeNext(
  ctx: TraceContext,
  runner: Runner,
  next: Extract<Action, { type: 'next' }>,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  let target = list;
  if (next.pipeline !== pipeline) {
    const ingress = next.pipeline === 'ingress';
    const port = portKeyToName(ctx.db, dp, ingress ? inportKey(packet) : outportKey(packet));
    const node = appendNode(
      list,
      'pipeline',
      `${next.pipeline}(dp="${dp.friendlyName}", ${ingress ? 'inport' : 'outport'}="${port}")`,
      {
        pipeline: {
          kind: next.pipeline,
          datapath: dp.friendlyName,
          ...(ingress ? { inport: port } : { outport: port }),
        },
      },
    );
    target = node.subs;
  }
  yield* call(runner.pass(dp, packet, next.table, next.pipeline, target));
}

/** Runs a nested table lookup, unless real ovn-trace would have crashed by now. */
function* nested(
  ctx: TraceContext,
  runner: Runner,
  dp: TraceDatapath,
  packet: PacketState,
  table: number,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  if (ctx.depth + 1 >= MAX_NESTED_LOOKUPS) {
    const message = `*** trace stopped after ${MAX_NESTED_LOOKUPS} nested table lookups, where real ovn-trace 23.03 runs out of stack (ovnviz's limit)`;
    const fate = { kind: 'error' as const, datapath: dp.friendlyName, message };
    appendNode(list, 'error', message, { fate });
    ctx.fates.push(fate);
    return;
  }
  ctx.depth++;
  yield* call(runner.table(dp, packet, table, pipeline, list));
  ctx.depth--;
}
