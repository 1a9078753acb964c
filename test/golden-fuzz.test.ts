// Regression goldens found by differential fuzzing (scripts/fuzz-northd.sh): `ovnviz lflows` switch-stage lines
// against what real ovn-northd 23.03.1 wrote for each test/golden-fuzz/<scenario>/script.nbctl.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareText,
  formatParityTable,
  loadScenarios,
  maskLflows,
  runCli,
  switchStageLines,
  type ParityRow,
} from './golden-harness.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden-fuzz');
const scenarios = existsSync(goldenDir) ? loadScenarios(goldenDir) : [];
const rows: ParityRow[] = [];
// uuids glued to a name too (a fair meter's per-ACL copy is "NAME__UUID"), which maskLflows' \b leaves alone
const anyUuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const mask = (text: string): string => switchStageLines(maskLflows(text).replace(anyUuid, '<uuid>'));

describe('fuzz-found goldens: switch stages against real ovn-northd 23.03.1', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const s of scenarios) {
    it(s.name, async () => {
      const run = await runCli(['lflows', s.scriptPath]);
      const c = compareText(mask(s.lflows), mask(run.out));
      rows.push({ scenario: s.name, file: 'lflows.txt, ls_* stage lines', identical: c.identical, total: c.total });
      if (c.identical !== c.total) console.log(`${s.name}: ${c.identical}/${c.total}\n${c.diff.join('\n')}`);
      expect(run.err).toBe('');
      expect(c.identical).toBe(c.total);
    });
  }

  afterAll(() => {
    if (rows.length) console.log(`Fuzz golden parity\n${formatParityTable(rows)}`);
  });
});
