// Southbound conformance: the rows our northd writes (datapaths and tunnel keys, port bindings, multicast groups,
// address sets, port groups, load balancers, DNS) against what real ovn-northd 23.03.1 wrote (sb-bindings.txt).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSbBindings, type SbTablesLike } from '../scripts/golden/sb-bindings.ts';
import { loadScenarioText, southboundFor } from '../src/engine/scenario/compile.ts';
import { compareText, formatParityTable, loadScenarios, type ParityRow } from './golden-harness.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const only = process.env.GOLDEN_ONLY?.split(',').filter(Boolean);
const scenarios = loadScenarios(goldenDir, only).filter((s) => existsSync(join(goldenDir, s.name, 'sb-bindings.txt')));
const rows: ParityRow[] = [];

// The same path from script text to Southbound as `ovnviz lflows` and `ovnviz trace` take.
function ourBindings(scriptPath: string): string {
  const text = readFileSync(scriptPath, 'utf8');
  const run = loadScenarioText(text, scriptPath);
  const sb = southboundFor(run);
  const tables: SbTablesLike = Object.fromEntries(
    Object.entries(sb.tables).map(([name, map]: [string, Map<string, object>]) => [name, map.values()]),
  );
  const nbUuids = new Set(Object.values(run.world.nb.tables).flatMap((map) => [...map.keys()]));
  return formatSbBindings(tables, nbUuids);
}

describe('Southbound rows against real ovn-northd 23.03.1', () => {
  for (const s of scenarios) {
    it(s.name, () => {
      const expected = readFileSync(join(goldenDir, s.name, 'sb-bindings.txt'), 'utf8');
      const comparison = compareText(expected, ourBindings(s.scriptPath), 24);
      rows.push({ scenario: s.name, file: 'sb-bindings.txt', ...comparison });
      if (comparison.identical !== comparison.total) {
        console.log(`--- ${s.name}/sb-bindings.txt (golden)  +++ ovnviz\n${comparison.diff.join('\n')}`);
      }
      expect(`${comparison.identical}/${comparison.total}`).toBe(`${comparison.total}/${comparison.total}`);
    });
  }

  afterAll(() => {
    if (!rows.length) return;
    const identical = rows.reduce((n, r) => n + r.identical, 0);
    const total = rows.reduce((n, r) => n + r.total, 0);
    const table = formatParityTable([...rows, { scenario: 'TOTAL', file: 'sb-bindings.txt', identical, total }]);
    console.log(`Southbound parity (ovnviz northd vs real ovn-northd 23.03.1)\n${table}`);
  });
});
