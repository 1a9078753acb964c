// What became of a traced packet, in one sentence: where each copy left, or where it was dropped.
import type { TraceEvent } from './events.ts';

export interface TraceOutcome {
  /** Ports copies left by, in trace order. */
  outputs: string[];
  drops: { datapath: string; stage: string; table: number; reason: string }[];
  sentence: string;
}

export function traceOutcome(events: readonly TraceEvent[]): TraceOutcome {
  const outputs: string[] = [];
  const labels: string[] = [];
  const drops: TraceOutcome['drops'] = [];
  for (const event of events) {
    const fate = event.fate;
    if (event.kind === 'output' && fate?.kind === 'output') {
      outputs.push(fate.port);
      // A packet an action generated on the way (e.g. a router's ARP request) is not the one sent.
      labels.push(event.generatedBy ? `${fate.port} (a packet made by ${event.generatedBy})` : fate.port);
    } else if (event.kind === 'drop' && fate?.kind === 'dropped') {
      const stage = fate.stage ?? `table ${fate.table}`;
      drops.push({ datapath: fate.datapath, stage, table: fate.table, reason: event.title.slice(stage.length + 2) });
    } else if (event.kind === 'error' && fate?.kind === 'error') {
      drops.push({ datapath: fate.datapath, stage: 'ovn-trace', table: -1, reason: fate.message });
    }
  }
  const parts: string[] = [];
  if (labels.length === 1) parts.push(`Output to ${labels[0]}`);
  else if (labels.length > 1) parts.push(`Output to ${labels.length} ports: ${labels.join(', ')}`);
  for (const drop of drops)
    parts.push(
      drop.table < 0
        ? `Stopped on ${drop.datapath}: ${drop.reason}`
        : `Dropped in ${drop.stage} (table ${drop.table}) on ${drop.datapath}: ${drop.reason}`,
    );
  if (parts.length === 0) parts.push('The packet went nowhere (no output, no drop).');
  return { outputs, drops, sentence: parts.join('. ') + '.' };
}
