// sb-lflow-rows.txt: the Logical_Flow rows of a Southbound database as rows (not per datapath), with the
// datapaths each row applies to by name: one line a row, sorted, after a line counting rows and DP groups.
// Written by sb-extract.ts from real northd's database; test/sb-dp-groups.test.ts prints ours the same way.
export interface LflowRowLike {
  pipeline: string;
  table: number;
  priority: number;
  match: string;
  actions: string;
  datapaths: string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** `groups`: the Logical_DP_Group rows flows use (load balancers have their own). UUIDs are masked. */
export function formatLflowRows(rows: readonly LflowRowLike[], groups: number): string {
  const lines = rows
    .map(
      (r) =>
        `[${[...r.datapaths].sort().join(', ')}] ${r.pipeline} table=${r.table} priority=${r.priority} match=(${r.match}) action=(${r.actions})`,
    )
    .map((l) => l.replace(UUID, '<uuid>'))
    .sort();
  return `Logical_Flow rows: ${rows.length}, Logical_DP_Group rows: ${groups}\n${lines.join('\n')}\n`;
}
