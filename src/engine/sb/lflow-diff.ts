// Logical-flow diff between two Southbound databases: flows added and removed, grouped by datapath
// and stage, for `ovnviz lflows --diff` and the UI. Datapaths are matched by name, not uuid.
import type { SbDatabase } from './database.ts';
import { datapathTitle, formatFlowLine, listedFlows, type ListedFlow } from './lflow-list.ts';

export interface LflowDiffEntry {
  priority: number;
  match: string;
  actions: string;
  /** The flow as `ovn-sbctl lflow-list` prints it. */
  line: string;
}

export interface LflowDiffGroup {
  datapath: string;
  pipeline: string;
  table: number;
  stage: string;
  added: LflowDiffEntry[];
  removed: LflowDiffEntry[];
}

export interface LflowDiff {
  groups: LflowDiffGroup[];
  added: number;
  removed: number;
}

function keyOf(f: ListedFlow): string {
  return `${datapathTitle(f.datapath)}\u0000${f.flow.pipeline}\u0000${f.flow.table_id}\u0000${formatFlowLine(f.flow)}`;
}

function groupKey(f: ListedFlow): string {
  return `${datapathTitle(f.datapath)}\u0000${f.flow.pipeline}\u0000${f.flow.table_id}`;
}

export function diffLflows(oldSb: SbDatabase, newSb: SbDatabase): LflowDiff {
  const oldFlows = listedFlows(oldSb);
  const newFlows = listedFlows(newSb);
  const oldKeys = new Set(oldFlows.map(keyOf));
  const newKeys = new Set(newFlows.map(keyOf));
  const groups = new Map<string, LflowDiffGroup>();
  const order: string[] = [];
  const groupFor = (f: ListedFlow): LflowDiffGroup => {
    const k = groupKey(f);
    let g = groups.get(k);
    if (!g) {
      g = {
        datapath: datapathTitle(f.datapath),
        pipeline: f.flow.pipeline,
        table: f.flow.table_id,
        stage: f.flow.external_ids['stage-name'] ?? '',
        added: [],
        removed: [],
      };
      groups.set(k, g);
      order.push(k);
    }
    return g;
  };
  const entry = (f: ListedFlow): LflowDiffEntry => ({
    priority: f.flow.priority,
    match: f.flow.match,
    actions: f.flow.actions,
    line: formatFlowLine(f.flow),
  });
  let added = 0;
  let removed = 0;
  for (const f of oldFlows) {
    if (!newKeys.has(keyOf(f))) {
      groupFor(f).removed.push(entry(f));
      removed++;
    }
  }
  for (const f of newFlows) {
    if (!oldKeys.has(keyOf(f))) {
      groupFor(f).added.push(entry(f));
      added++;
    }
  }
  const sorted = order
    .map((k) => groups.get(k))
    .filter((g): g is LflowDiffGroup => g !== undefined)
    .sort(
      (a, b) =>
        (a.datapath < b.datapath ? -1 : a.datapath > b.datapath ? 1 : 0) ||
        (a.pipeline === b.pipeline ? 0 : a.pipeline === 'ingress' ? -1 : 1) ||
        a.table - b.table,
    );
  return { groups: sorted, added, removed };
}

/** Text form: one header per datapath/stage, then "-" removed and "+" added flows in lflow-list format. */
export function formatLflowDiff(diff: LflowDiff): string {
  const lines: string[] = [];
  for (const g of diff.groups) {
    lines.push(`Datapath: ${g.datapath}  Pipeline: ${g.pipeline}  table=${g.table} (${g.stage})`);
    for (const e of g.removed) lines.push(`-${e.line.slice(1)}`);
    for (const e of g.added) lines.push(`+${e.line.slice(1)}`);
  }
  lines.push(`${diff.added} flow(s) added, ${diff.removed} removed`);
  return `${lines.join('\n')}\n`;
}
