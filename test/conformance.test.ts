// Golden conformance: `ovnviz lflows` and `ovnviz trace` against what real OVN 23.03.1 printed (test/golden).
// Output that needs a router (the router datapaths of lflows.txt, traces through one) is reported, not gated.
// GOLDEN_ONLY=a,b limits the scenarios; GOLDEN_DIFFS=N shows the diffs of N mismatching files per scenario.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareText,
  formatParityTable,
  loadScenarios,
  maskLflows,
  maskTrace,
  percent,
  runCli,
  routerDatapaths,
  switchStageLines,
  traceCrosses,
  withoutDatapaths,
  traceForms,
  traceOutputToCompare,
  type Comparison,
  type GoldenScenario,
  type ParityRow,
} from './golden-harness.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const only = process.env.GOLDEN_ONLY?.split(',').filter(Boolean);
const diffsShown = Number(process.env.GOLDEN_DIFFS ?? 3);
const scenarios = loadScenarios(goldenDir, only);
const rows: ParityRow[] = [];

interface FileResult {
  file: string;
  comparison: Comparison;
  stderr: string;
  /** false for output that needs router support (informational until routers are in scope) */
  gating: boolean;
}

async function checkScenario(s: GoldenScenario): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const routers = routerDatapaths(s.lflows);
  const lflows = await runCli(['lflows', s.scriptPath]);
  const expected = maskLflows(s.lflows);
  const actual = maskLflows(lflows.out);
  const whole = compareText(expected, actual);
  results.push({ file: 'lflows.txt', comparison: whole, stderr: lflows.err, gating: routers.size === 0 });
  rows.push({ scenario: s.name, file: 'lflows.txt', ...whole });
  if (routers.size) {
    // switch parity must hold even where the router's own flows are not built yet
    const switches = compareText(withoutDatapaths(expected, routers), withoutDatapaths(actual, routers));
    results.push({ file: 'lflows.txt, switch datapaths', comparison: switches, stderr: lflows.err, gating: true });
    rows.push({ scenario: s.name, file: 'lflows.txt, switch datapaths', ...switches });
  }
  rows.push({
    scenario: s.name,
    file: 'lflows.txt, ls_* stage lines',
    ...compareText(switchStageLines(expected), switchStageLines(actual)),
  });

  for (const form of traceForms) {
    for (const viaRouter of [false, true]) {
      const traces = s.traces.filter((t) => traceCrosses(t.expected.detailed, routers) === viaRouter);
      if (!traces.length) continue;
      let identical = 0;
      let total = 0;
      for (const t of traces) {
        const run = await runCli(['trace', s.scriptPath, ...t.args, `--${form}`]);
        const comparison = compareText(
          maskTrace(t.expected[form]),
          maskTrace(traceOutputToCompare(t.expected[form], run)),
        );
        results.push({ file: `traces/${t.base}.${form}.txt`, comparison, stderr: run.err, gating: !viaRouter });
        identical += comparison.identical;
        total += comparison.total;
      }
      const file = `traces/*.${form}.txt (${traces.length}${viaRouter ? ' via a router, informational' : ''})`;
      rows.push({ scenario: s.name, file, identical, total });
    }
  }
  return results;
}

function report(s: GoldenScenario, failing: FileResult[]): string {
  const lines = [
    `${s.name}: ${failing.length} file(s) below 100% (${failing.filter((f) => !f.gating).length} informational)`,
  ];
  for (const f of failing.slice(0, diffsShown)) {
    const { identical, total, diff } = f.comparison;
    lines.push(`--- ${s.name}/${f.file} (golden)  +++ ovnviz   ${identical}/${total} ${percent(identical, total)}`);
    if (f.stderr) lines.push(`stderr: ${f.stderr.split('\n').slice(0, 3).join(' | ')}`);
    lines.push(...diff, '');
  }
  if (failing.length > diffsShown) {
    lines.push(
      `(${failing.length - diffsShown} more: ${failing
        .slice(diffsShown)
        .map((f) => f.file)
        .join(', ')})`,
    );
  }
  return lines.join('\n');
}

describe('golden conformance with real OVN 23.03.1', () => {
  it('has golden scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const s of scenarios) {
    it(s.name, async () => {
      const results = await checkScenario(s);
      const below = results.filter((r) => r.comparison.identical !== r.comparison.total);
      if (below.length) console.log(report(s, [...below.filter((r) => r.gating), ...below.filter((r) => !r.gating)]));
      const failing = below.filter((r) => r.gating);
      expect(failing.map((f) => `${f.file} ${f.comparison.identical}/${f.comparison.total}`)).toEqual([]);
    });
  }

  afterAll(() => {
    if (!rows.length) return;
    const sum = (pick: (r: ParityRow) => boolean, file: string): ParityRow => {
      const picked = rows.filter(pick);
      return {
        scenario: 'TOTAL',
        file,
        identical: picked.reduce((n, r) => n + r.identical, 0),
        total: picked.reduce((n, r) => n + r.total, 0),
      };
    };
    const totals = [
      sum((r) => r.file === 'lflows.txt', 'lflows.txt'),
      sum((r) => r.file.startsWith('lflows.txt, ls_'), 'lflows.txt, ls_* stage lines'),
      ...traceForms.map((form) =>
        sum((r) => r.file.startsWith(`traces/*.${form}`) && !r.file.includes('router'), `traces/*.${form}.txt`),
      ),
    ];
    console.log(`Golden parity (ovnviz vs real OVN 23.03.1)\n${formatParityTable([...rows, ...totals])}`);
  });
});
