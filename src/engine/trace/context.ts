// The state of one ovn-trace run shared by the executor's parts: the Southbound index, the --ct
// queue, --lb-dst and --select-id, compiled flows, the fates collected so far, and tree building.
import { parseActions, type Action } from '../actions/index.ts';
import type { CtStateQueue } from '../ct/state.ts';
import type { LbDst } from '../ct/lb-dst.ts';
import { compileMatch, evaluateExpr, type MatchContext } from '../expr/evaluate.ts';
import type { OvnExpr } from '../expr/expr.ts';
import { getField, type PacketState } from '../packet/state.ts';
import { lookupPortKey, portKeyToName, type TraceDatapath, type TraceDb, type TraceFlow } from './database.ts';
import type { CopyFate, TraceNode, TraceNodeType } from './types.ts';

export interface CompiledFlow {
  match: OvnExpr;
  actions: Action[];
}

export interface TraceContext {
  db: TraceDb;
  ct: CtStateQueue;
  /** --lb-dst; ovn-trace forgets it once a ct_lb with backends has used it. */
  lbDst: LbDst | undefined;
  selectId: number;
  fates: CopyFate[];
  /** Flows compiled on first use; undefined when the match or actions do not parse (ovn-trace skips those). */
  compiled: Map<TraceFlow, CompiledFlow | undefined>;
  /** Match contexts per datapath (port lookups differ by datapath). */
  matchContexts: Map<TraceDatapath, MatchContext>;
  /** flow_to_string of a packet (for log()). */
  formatFlow: (packet: PacketState) => string;
  /** Nested pipelines so far; a guard against loops that would overflow the stack. */
  depth: number;
}

export function matchContext(ctx: TraceContext, dp: TraceDatapath): MatchContext {
  let mc = ctx.matchContexts.get(dp);
  if (!mc) {
    mc = datapathMatchContext(ctx.db, dp);
    ctx.matchContexts.set(dp, mc);
  }
  return mc;
}

/** How flows of `dp` read names: address sets, port groups and port names as that datapath knows them. */
export function datapathMatchContext(db: TraceDb, dp: TraceDatapath): MatchContext {
  return {
    addressSets: Object.fromEntries(db.addressSets),
    portGroups: Object.fromEntries(db.portGroups),
    datapathKey: dp.tunnelKey,
    lookupPort: (name) => lookupPortKey(db, dp, name),
    chassisResident: () => true,
  };
}

/** parse_lflow_for_datapath: the flow's match and actions, or undefined if either fails to parse. */
export function compiledFlow(ctx: TraceContext, dp: TraceDatapath, flow: TraceFlow): CompiledFlow | undefined {
  if (ctx.compiled.has(flow)) return ctx.compiled.get(flow);
  let result: CompiledFlow | undefined;
  const actions = parseActions(flow.row.actions, { pipeline: flow.pipeline, table: flow.table });
  if (actions.ok) {
    // As ovn-trace does, the flow matches only packets that also meet its actions' prerequisites.
    const text = actions.prereqs.length
      ? [flow.row.match, ...actions.prereqs].map((e) => `(${e})`).join(' && ')
      : flow.row.match;
    const match = compileMatch(text, matchContext(ctx, dp));
    if (match.ok) result = { match: match.expr, actions: actions.actions };
  }
  ctx.compiled.set(flow, result);
  return result;
}

export function flowMatches(ctx: TraceContext, dp: TraceDatapath, flow: CompiledFlow, packet: PacketState): boolean {
  return evaluateExpr(flow.match, packet, matchContext(ctx, dp));
}

export function appendNode(
  list: TraceNode[],
  type: TraceNodeType,
  text: string,
  extra?: Partial<TraceNode>,
): TraceNode {
  const node: TraceNode = { type, text, subs: [], ...extra };
  list.push(node);
  return node;
}

export function inportKey(packet: PacketState): number {
  return Number(getField(packet, 'reg14'));
}

export function outportKey(packet: PacketState): number {
  return Number(getField(packet, 'reg15'));
}

export function inportName(ctx: TraceContext, dp: TraceDatapath, packet: PacketState): string {
  return portKeyToName(ctx.db, dp, inportKey(packet));
}

export function outportName(ctx: TraceContext, dp: TraceDatapath, packet: PacketState): string {
  return portKeyToName(ctx.db, dp, outportKey(packet));
}
