// Regression scenarios found by differential fuzzing (scripts/fuzz-trace.sh): `ovnviz trace` in-process against
// what real ovn-trace 23.03.1 printed (test/golden-fuzz-trace), every form, switch datapaths only.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareText, loadScenarios, maskTrace, runCli, traceForms, traceOutputToCompare } from './golden-harness.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden-fuzz-trace');
const scenarios = loadScenarios(goldenDir);

describe('fuzz-found trace regressions against real ovn-trace', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });
  for (const s of scenarios) {
    it(s.name, async () => {
      const diffs: string[] = [];
      for (const t of s.traces) {
        for (const form of traceForms) {
          const run = await runCli(['trace', s.scriptPath, ...t.args, `--${form}`]);
          const cmp = compareText(maskTrace(t.expected[form]), maskTrace(traceOutputToCompare(t.expected[form], run)));
          if (cmp.identical !== cmp.total) diffs.push(`--- ${t.base}.${form}.txt`, ...cmp.diff);
        }
      }
      expect(diffs.join('\n')).toBe('');
    });
  }
});
