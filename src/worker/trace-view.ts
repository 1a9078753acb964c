// The tracer's passes (one per pipeline a copy of the packet went through) as the UI's hops: the
// flows matched with their stage names, the passes each led to, and where the copy left or died.
import { stageAt } from '../engine/northd/stages.ts';
import {
  tracePasses,
  type CopyFate,
  type TraceNode,
  type TracePass,
  type TraceSuccess,
} from '../engine/trace/index.ts';
import type { FlowHit, TraceHop } from './api.ts';

/** The root hop of a trace: the ingress pass of the starting datapath. */
export function traceHops(result: TraceSuccess): TraceHop | undefined {
  const first = tracePasses(result)[0];
  return first ? toHop(first, generatedFates(result.root)) : undefined;
}

/** The fates of packets that actions generated (arp{}, icmp4{} …), with the action's name. */
function generatedFates(
  nodes: readonly TraceNode[],
  by?: string,
  found = new Map<CopyFate, string>(),
): Map<CopyFate, string> {
  for (const node of nodes) {
    const here = node.transformation?.kind === 'generated' ? node.text.split(/[\s{(]/)[0] : by;
    if (node.fate && here) found.set(node.fate, here);
    generatedFates(node.subs, here, found);
  }
  return found;
}

function toHop(pass: TracePass, generated: Map<CopyFate, string>): TraceHop {
  const flows: FlowHit[] = [];
  for (const step of pass.steps) {
    if (!step.flow) continue;
    flows.push({
      table: step.table,
      stage: step.stage ?? stageAt(step.datapathKind, step.pipeline, step.table)?.name ?? `table ${step.table}`,
      priority: step.flow.priority,
      match: step.flow.match,
      actions: step.flow.actions,
      source: step.flow.source ?? '',
      uuid: step.flow.uuid,
    });
  }
  const hop: TraceHop = {
    datapath: pass.datapath,
    pipeline: pass.kind,
    inport: pass.inport,
    flows,
    children: pass.children.map((child) => toHop(child, generated)),
  };
  if (pass.outport) hop.outport = pass.outport;
  for (const fate of pass.fates) applyFate(hop, fate, generated.get(fate));
  return hop;
}

function applyFate(hop: TraceHop, fate: CopyFate, generatedBy: string | undefined) {
  if (hop.output || hop.drop) return;
  if (fate.kind === 'output')
    hop.output = { port: fate.port, type: fate.portType, ...(generatedBy ? { generatedBy } : {}) };
  else if (fate.kind === 'dropped')
    hop.drop = { stage: fate.stage ?? `table ${fate.table}`, table: fate.table, reason: dropReasons[fate.reason] };
  else if (fate.kind === 'error') hop.drop = { stage: 'ovn-trace', table: -1, reason: fate.message };
  else if (fate.kind === 'loopback-omitted') hop.loopbackOmitted = true;
}

const dropReasons = {
  'no-match': 'no flow matched (implicit drop)',
  'drop-action': 'the flow’s action is drop',
  'actions-ended': 'the actions neither forwarded nor output the packet',
} as const;
