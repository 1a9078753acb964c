// The trace tree regrouped per pipeline pass (see TracePass in types.ts), the shape the UI animates:
// a token per pass, moving through its tables, splitting where the tree fans out.
import type { TraceNode, TracePass, TraceSuccess } from './types.ts';

function collect(nodes: readonly TraceNode[], pass: TracePass): void {
  for (const node of nodes) {
    if (node.table) pass.steps.push(node.table);
    if (node.fate) pass.fates.push(node.fate);
    const info = node.pipeline;
    if (info && info.kind !== 'multicast') {
      const child: TracePass = {
        kind: info.kind,
        datapath: info.datapath,
        inport: info.inport ?? '',
        outport: info.outport,
        steps: [],
        children: [],
        fates: [],
      };
      pass.children.push(child);
      collect(node.subs, child);
    } else {
      // Tables, ct recirculations, clones, generated packets and multicast groups stay in this pass.
      collect(node.subs, pass);
    }
  }
}

/** The passes of a successful trace: the first is the ingress pass of the starting datapath. */
export function tracePasses(result: TraceSuccess): TracePass[] {
  const top: TracePass = {
    kind: 'ingress',
    datapath: result.datapath,
    inport: result.inport,
    steps: [],
    children: [],
    fates: [],
  };
  collect(result.root, top);
  return top.children;
}
