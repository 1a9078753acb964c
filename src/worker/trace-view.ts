// Folds the tracer's tree (ovn-trace's nodes) into the hops the UI draws: one hop per pipeline pass,
// with the flows matched, the pipelines it led to, and where the packet left or died.
import { stageAt } from '../engine/northd/stages.ts';
import type { TraceNode } from '../engine/trace/types.ts';
import type { FlowHit, TraceHop } from './api.ts';

/** The hops of a trace tree; the tree's top-level pipeline node becomes the root hop. */
export function traceHops(nodes: readonly TraceNode[]): TraceHop | undefined {
  const roots: TraceHop[] = [];
  for (const node of nodes) collect(node, roots);
  return roots[0];
}

function collect(node: TraceNode, into: TraceHop[]) {
  const info = node.pipeline;
  if (node.type === 'pipeline' && info && info.kind !== 'multicast') {
    const hop: TraceHop = {
      datapath: info.datapath,
      pipeline: info.kind,
      inport: info.inport ?? '',
      flows: [],
      children: [],
    };
    if (info.outport) hop.outport = info.outport;
    for (const sub of node.subs) fill(sub, hop);
    into.push(hop);
    return;
  }
  for (const sub of node.subs) collect(sub, into);
}

/** Adds what a node inside a pipeline pass says: a matched flow, a fate, or nested passes. */
function fill(node: TraceNode, hop: TraceHop) {
  if (node.type === 'pipeline') {
    collect(node, hop.children);
    return;
  }
  const step = node.table;
  if (node.type === 'table' && step?.flow) {
    const hit: FlowHit = {
      table: step.table,
      stage: step.stage ?? stageAt(step.datapathKind, step.pipeline, step.table)?.name ?? `table ${step.table}`,
      priority: step.flow.priority,
      match: step.flow.match,
      actions: step.flow.actions,
      source: step.flow.source ?? '',
      uuid: step.flow.uuid,
    };
    hop.flows.push(hit);
  }
  const fate = node.fate;
  if (fate && !hop.output && !hop.drop) {
    if (fate.kind === 'output') hop.output = { port: fate.port, type: fate.portType };
    else if (fate.kind === 'dropped')
      hop.drop = { stage: fate.stage ?? `table ${fate.table}`, table: fate.table, reason: dropReasons[fate.reason] };
    else if (fate.kind === 'error') hop.drop = { stage: 'ovn-trace', table: -1, reason: fate.message };
    else if (fate.kind === 'loopback-omitted') hop.loopbackOmitted = true;
  }
  for (const sub of node.subs) fill(sub, hop);
}

const dropReasons = {
  'no-match': 'no flow matched (implicit drop)',
  'drop-action': 'the flow’s action is drop',
  'actions-ended': 'the actions neither forwarded nor output the packet',
} as const;
