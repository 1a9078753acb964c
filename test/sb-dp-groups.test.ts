// Datapath groups: the Logical_Flow rows real northd 23.03.1 writes (one row per flow that several
// datapaths share, through a Logical_DP_Group) against ours folded by groupLogicalFlows (sb-lflow-rows.txt).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLflowRows } from '../scripts/golden/lflow-rows.ts';
import { groupLogicalFlows } from '../src/engine/sb/dp-groups.ts';
import { loadScenarioText, southboundFor } from '../src/engine/scenario/compile.ts';
import { compareText, formatParityTable, loadScenarios, type ParityRow } from './golden-harness.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const scenarios = loadScenarios(goldenDir, undefined).filter((s) =>
  existsSync(join(goldenDir, s.name, 'sb-lflow-rows.txt')),
);
const rows: ParityRow[] = [];

function ourRows(scriptPath: string): string {
  const text = readFileSync(scriptPath, 'utf8');
  const sb = southboundFor(loadScenarioText(text, scriptPath));
  const name = new Map([...sb.tables.Datapath_Binding.values()].map((dp) => [dp._uuid, dp.external_ids.name ?? '']));
  const { flows, groups } = groupLogicalFlows(sb);
  const members = new Map(groups.map((g) => [g._uuid, g.datapaths]));
  return formatLflowRows(
    flows.map((f) => ({
      pipeline: f.pipeline,
      table: f.table_id,
      priority: f.priority,
      match: f.match,
      actions: f.actions,
      datapaths: (f.logical_datapath !== undefined
        ? [f.logical_datapath]
        : (members.get(f.logical_dp_group ?? '') ?? [])
      ).map((u) => name.get(u) ?? '?'),
    })),
    groups.length,
  );
}

describe('Logical_Flow rows with datapath groups against real ovn-northd 23.03.1', () => {
  it('has scenarios with sb-lflow-rows.txt', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });
  for (const s of scenarios) {
    it(s.name, () => {
      const expected = readFileSync(join(goldenDir, s.name, 'sb-lflow-rows.txt'), 'utf8');
      const comparison = compareText(expected, ourRows(s.scriptPath), 12);
      rows.push({ scenario: s.name, file: 'sb-lflow-rows.txt', ...comparison });
      if (comparison.identical !== comparison.total)
        console.log(`--- ${s.name}/sb-lflow-rows.txt (golden)  +++ ovnviz\n${comparison.diff.join('\n')}`);
      expect(`${comparison.identical}/${comparison.total}`).toBe(`${comparison.total}/${comparison.total}`);
    });
  }
  afterAll(() => {
    if (!rows.length) return;
    const identical = rows.reduce((n, r) => n + r.identical, 0);
    const total = rows.reduce((n, r) => n + r.total, 0);
    console.log(formatParityTable([...rows, { scenario: 'TOTAL', file: 'sb-lflow-rows.txt', identical, total }]));
  });
});
