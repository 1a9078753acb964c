// ovn-trace over a Southbound database: parse the options and the microflow as ovn-trace does, run the
// executor from table 0 of the datapath's ingress pipeline, and return the trace tree (see types.ts).
import { CtStateQueue, parseCtState } from '../ct/state.ts';
import { parseLbDst, type LbDst } from '../ct/lb-dst.ts';
import { findInport, formatMicroflow, parseMicroflow } from '../expr/microflow.ts';
import type { SbDatabase } from '../sb/database.ts';
import { appendNode, inportKey, type TraceContext } from './context.ts';
import { TraceAbort } from './abort.ts';
import { buildTraceDb, findDatapath, lookupPortKey, portByKey, type TraceDatapath, type TraceDb } from './database.ts';
import { traceEvents } from './events.ts';
import { createRunner } from './executor.ts';
import { runTask } from './task.ts';
import type { TraceNode, TraceRequest, TraceResult } from './types.ts';

export type * from './types.ts';
export { formatTrace, formatTraceTree } from './format.ts';
export { tracePasses } from './passes.ts';
export { buildTraceDb, type TraceDb } from './database.ts';
export type { TraceEvent, TraceEventKind, TraceLocation } from './events.ts';
export { traceOutcome, type TraceOutcome } from './outcome.ts';
export { lbWithNewConnection, whyDropped, type LbHint, type NearMiss, type WhyAnswer } from './why.ts';

function fail(error: string): TraceResult {
  return { ok: false, error };
}

/** ovs_fatal on a bad option value: ovn-trace exits before tracing. */
function fatal(error: string): TraceResult {
  return { ok: false, error, aborted: true };
}

/** trace_parse: the datapath (given, or that of the microflow's inport). */
function pickDatapath(db: TraceDb, request: TraceRequest): TraceDatapath | string {
  if (request.datapath !== '') {
    return findDatapath(db, request.datapath) ?? `unknown datapath "${request.datapath}"`;
  }
  const inport = findInport(request.microflow);
  if (!inport.ok) return `error parsing flow: ${inport.error}`;
  const port = db.ports.get(inport.port);
  return port ? port.dp : `unknown port "${inport.port}"`;
}

/**
 * Traces `request.microflow` through `sb` as ovn-trace does. An empty `request.datapath` means none
 * was given (ovn-trace then takes the datapath of the microflow's inport). Never throws.
 */
export function trace(sb: SbDatabase, request: TraceRequest): TraceResult {
  // read_db on every call: a Southbound database may be updated in place (incremental northd).
  return traceOn(buildTraceDb(sb, request.friendlyNames ?? true), request);
}

/**
 * As trace(), on a trace database already read (buildTraceDb): a caller that keeps one Southbound
 * for many traces reads it once. `db` must have been built with the request's friendlyNames.
 */
export function traceOn(db: TraceDb, request: TraceRequest): TraceResult {
  const states: number[] = [];
  for (const flags of request.ct ?? []) {
    const parsed = parseCtState(flags);
    if (!parsed.ok) return fatal(parsed.error);
    states.push(parsed.state);
  }
  let lbDst: LbDst | undefined;
  if (request.lbDst !== undefined) {
    const parsed = parseLbDst(request.lbDst);
    if (!parsed.ok) return fatal(parsed.error);
    lbDst = parsed.dst;
  }
  if (request.selectId !== undefined && !(request.selectId > 0)) return fatal(`${request.selectId}: bad select-id`);

  const dp = pickDatapath(db, request);
  if (typeof dp === 'string') return fail(dp);

  const parsed = parseMicroflow(request.microflow, {
    addressSets: Object.fromEntries(db.addressSets),
    portGroups: Object.fromEntries(db.portGroups),
    lookupPort: (name) => lookupPortKey(db, dp, name),
  });
  if (!parsed.ok) return fail(`error parsing flow: ${parsed.error.message}`);
  const packet = parsed.packet;

  const ctx: TraceContext = {
    db,
    ct: new CtStateQueue(states),
    lbDst,
    selectId: request.selectId ?? 0,
    fates: [],
    compiled: new Map(),
    matchContexts: new Map(),
    formatFlow: formatMicroflow,
    depth: 0,
  };
  const header = formatMicroflow(packet);
  const inport = portByKey(db, dp, inportKey(packet));
  const inportName = inport ? inport.friendlyName : '(unnamed)';
  const root: TraceNode[] = [];
  const node = appendNode(root, 'pipeline', `ingress(dp="${dp.friendlyName}", inport="${inportName}")`, {
    pipeline: { kind: 'ingress', datapath: dp.friendlyName, inport: inportName },
  });
  try {
    runTask(createRunner(ctx).table(dp, packet, 0, 'ingress', node.subs));
  } catch (e) {
    if (e instanceof TraceAbort) return { ok: false, error: e.message, aborted: true };
    return fatal(`internal error: ${String(e)}`);
  }
  const { events, packets } = traceEvents(db, root);
  return { ok: true, header, datapath: dp.friendlyName, inport: inportName, root, fates: ctx.fates, events, packets };
}
