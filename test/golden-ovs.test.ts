// Open vSwitch conformance: each test/golden-ovs scenario's script is run as `ovnviz run` runs it, then
// its queries in order on the same switch (as scripts/gen-ovs-goldens.sh ran them on one ovs-vswitchd),
// and every line is compared with what real ovs-vswitchd 3.1 printed. Only what the real switch draws
// at random is masked: flow durations, and the MACs (and so the datapath id) OVS picks for bridges
// without other-config:hwaddr and for tunnel and patch ports.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, runScript } from '../src/engine/script/index.ts';

const ROOT = join(__dirname, 'golden-ovs');

/** Identical lines each scenario reached; a change that loses one fails. */
const FLOOR: Record<string, number> = {
  'clone-copy': 82,
  'ct-recirc': 186,
  'dec-ttl': 108,
  'flood-action': 68,
  'flood-kernel-1000': 2011,
  'flood-kernel-1001': 2015,
  'flood-native-780': 7811,
  'flood-native-781': 7819,
  'flood-native-782': 7827,
  'flood-normal-kernel-1000': 1015,
  'flood-normal-kernel-999': 1012,
  'flood-normal-native-780': 7033,
  'flood-normal-native-781': 7040,
  'goto-table': 72,
  'groups-conj-learn': 147,
  'limits-depth': 615,
  'limits-resubmits': 24900,
  'normal-flood': 62,
  'ofctl-edits': 58,
  'patch-ports': 82,
  'resubmit-chains': 442,
  'resubmit-shared': 201,
  'tunnel-kernel': 201,
  'tunnel-native': 225,
  'vsctl-ofports': 81,
};

function mask(text: string): string {
  return text
    .replace(/duration=[\d.]+s/g, 'duration=<t>')
    .replace(/idle_age=\d+/g, 'idle_age=<t>')
    .replace(/addr:(?!aa:55:aa:55:)[0-9a-f]{2}(:[0-9a-f]{2}){5}/g, 'addr:<random>')
    .replace(/dpid:(?!0000aa55aa55)[0-9a-f]{16}/g, 'dpid:<random>');
}

interface Parity {
  lines: [number, number];
  traces: [number, number];
  megaflows: [number, number];
}

function compare(expected: string, actual: string, isTrace: boolean, p: Parity): string[] {
  const e = mask(expected).split('\n');
  const a = mask(actual).split('\n');
  const diffs: string[] = [];
  for (let i = 0; i < e.length; i++) {
    const same = e[i] === a[i];
    p.lines[1]++;
    if (same) p.lines[0]++;
    else if (diffs.length < 6)
      diffs.push(`  line ${i + 1}\n    real: ${e[i].slice(0, 240)}\n    ours: ${(a[i] ?? '<none>').slice(0, 240)}`);
    if (isTrace) {
      p.traces[1]++;
      if (same) p.traces[0]++;
      if (e[i].startsWith('Megaflow: ')) {
        p.megaflows[1]++;
        if (same) p.megaflows[0]++;
      }
    }
  }
  return diffs;
}

const scenarios = readdirSync(ROOT)
  .filter((d) => existsSync(join(ROOT, d, 'queries')))
  .sort();
const total: Parity = { lines: [0, 0], traces: [0, 0], megaflows: [0, 0] };
const pct = ([a, b]: [number, number]): string => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '100'}%)`;

describe('golden-ovs: ovs-vsctl / ovs-ofctl / ovs-appctl as real ovs-vswitchd 3.1', () => {
  for (const name of scenarios) {
    it(name, () => {
      const dir = join(ROOT, name);
      const run = runScript(readFileSync(join(dir, 'script.sh'), 'utf8'));
      expect(run.errors).toEqual([]);
      const p: Parity = { lines: [0, 0], traces: [0, 0], megaflows: [0, 0] };
      const report: string[] = [];
      const queries = readdirSync(join(dir, 'queries'))
        .filter((f) => f.endsWith('.cmd.txt'))
        .sort();
      for (const q of queries) {
        const base = join(dir, 'queries', q.replace(/\.cmd\.txt$/, ''));
        const cmd = readFileSync(`${base}.cmd.txt`, 'utf8').trimEnd();
        const expected = readFileSync(`${base}.out.txt`, 'utf8') + readFileSync(`${base}.err.txt`, 'utf8');
        const more = runCommand(run.world, cmd);
        const actual = more.outputs.map((o) => o.output).join('') + more.errors.map((e) => `${e.message}\n`).join('');
        const diffs = compare(expected, actual, cmd.includes('ofproto/trace'), p);
        if (diffs.length) report.push(`${q}: ${cmd.slice(0, 160)}`, ...diffs);
      }
      for (const k of ['lines', 'traces', 'megaflows'] as const) {
        total[k][0] += p[k][0];
        total[k][1] += p[k][1];
      }
      console.log(
        `${name}: lines ${pct(p.lines)}, trace lines ${pct(p.traces)}, Megaflow ${pct(p.megaflows)}${report.length ? `\n${report.join('\n')}` : ''}`,
      );
      expect(p.lines[0]).toBeGreaterThanOrEqual(FLOOR[name] ?? p.lines[1]);
    });
  }
  it('parity over all scenarios', () => {
    console.log(
      `golden-ovs total: lines ${pct(total.lines)}, trace lines ${pct(total.traces)}, Megaflow ${pct(total.megaflows)}`,
    );
    expect(total.lines[1]).toBeGreaterThan(0);
  });
});
