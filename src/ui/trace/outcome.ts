// What became of the traced packet, in one sentence: where it left, or where it was dropped.
import type { TraceHop } from '../../worker/api.ts';
import { flattenHops } from '../topology/trace-path.ts';

export interface TraceOutcome {
  outputs: string[];
  drops: { datapath: string; stage: string; table: number; reason: string }[];
  sentence: string;
}

export function traceOutcome(root: TraceHop): TraceOutcome {
  const hops = flattenHops(root);
  const outputs = hops.flatMap((h) => (h.output ? [h.output.port] : []));
  // A packet an action generated on the way (e.g. a router's ARP request) is not the one sent.
  const labels = hops.flatMap((h) =>
    h.output
      ? [h.output.generatedBy ? `${h.output.port} (a packet made by ${h.output.generatedBy})` : h.output.port]
      : [],
  );
  const drops = hops.flatMap((h) => (h.drop ? [{ datapath: h.datapath, ...h.drop }] : []));
  const parts: string[] = [];
  if (labels.length === 1) parts.push(`Output to ${labels[0]}`);
  else if (labels.length > 1) parts.push(`Output to ${labels.length} ports: ${labels.join(', ')}`);
  for (const drop of drops)
    parts.push(`Dropped in ${drop.stage} (table ${drop.table}) on ${drop.datapath}: ${drop.reason}`);
  if (parts.length === 0) parts.push('The packet went nowhere (no output, no drop).');
  return { outputs, drops, sentence: parts.join('. ') + '.' };
}
