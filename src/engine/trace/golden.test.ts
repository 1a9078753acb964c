// The tracer alone against real ovn-trace 23.03.1: every golden trace (test/golden*/*/traces), run on a
// Southbound rebuilt from the real northd's flows and bindings, must print what ovn-trace printed.
import { describe, expect, it } from 'vitest';
import { formatTrace, trace } from './index.ts';
import { goldenSb, type GoldenLflow } from './testing/golden-sb.ts';
import type { TraceForm, TraceRequest } from './types.ts';

const files: Record<string, string> = import.meta.glob(
  [
    '../../../test/golden/*/sb-dump.txt',
    '../../../test/golden/*/sb-lflows.json',
    '../../../test/golden/*/traces/*.args.json',
    '../../../test/golden/*/traces/*.detailed.txt',
    '../../../test/golden/*/traces/*.summary.txt',
    '../../../test/golden/*/traces/*.minimal.txt',
    '../../../test/golden-trace/*/sb-dump.txt',
    '../../../test/golden-trace/*/sb-lflows.json',
    '../../../test/golden-trace/*/traces/*.args.json',
    '../../../test/golden-trace/*/traces/*.detailed.txt',
    '../../../test/golden-trace/*/traces/*.summary.txt',
    '../../../test/golden-trace/*/traces/*.minimal.txt',
  ],
  { query: '?raw', import: 'default', eager: true },
);
const root = '../../../test/';
const forms: TraceForm[] = ['detailed', 'summary', 'minimal'];

const mask = (text: string): string =>
  text
    .replace(/\buuid [0-9a-f]{8}\b/g, 'uuid <uuid>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');

/** The ovnviz trace arguments of a golden trace, as a request. */
function requestOf(args: string[]): { request: TraceRequest; all: boolean } {
  const ct: string[] = [];
  const positional: string[] = [];
  let lbDst: string | undefined;
  let selectId: number | undefined;
  for (const arg of args) {
    if (arg.startsWith('--ct=')) ct.push(arg.slice(5));
    else if (arg.startsWith('--lb-dst=')) lbDst = arg.slice(9);
    else if (arg.startsWith('--select-id=')) selectId = Number(arg.slice(12));
    else if (!arg.startsWith('--')) positional.push(arg);
  }
  const datapath = positional.length === 2 ? positional[0] : '';
  const friendlyNames = !args.includes('--no-friendly-names');
  const request = { datapath, microflow: positional[positional.length - 1], ct, lbDst, selectId, friendlyNames };
  return { request, all: args.includes('--all') };
}

/** "golden/ls-lb", "golden-trace/gateway" … */
const scenarios = Object.keys(files)
  .filter((f) => f.endsWith('/sb-lflows.json'))
  .map((f) => f.slice(root.length, -'/sb-lflows.json'.length));

describe('tracer vs real ovn-trace on golden Southbound databases', () => {
  let identical = 0;
  let total = 0;
  for (const name of scenarios) {
    it(name, () => {
      const dir = `${root}${name}/`;
      const lflows = JSON.parse(files[`${dir}sb-lflows.json`]) as GoldenLflow[];
      const sb = goldenSb(files[`${dir}sb-dump.txt`] ?? '', lflows);
      const failures: string[] = [];
      const argsFiles = Object.keys(files).filter((f) => f.startsWith(`${dir}traces/`) && f.endsWith('.args.json'));
      for (const file of argsFiles) {
        const base = file.slice(0, -'.args.json'.length);
        const { request, all } = requestOf(JSON.parse(files[file]) as string[]);
        const result = trace(sb, request);
        for (const form of forms) {
          const expected = mask(files[`${base}.${form}.txt`] ?? '');
          const actual = mask(formatTrace(result, all ? forms : form));
          total++;
          if (expected === actual) identical++;
          else failures.push(`${base.slice(dir.length)}.${form}`);
        }
      }
      console.log(`${name}: ${failures.length ? `differs: ${failures.join(', ')}` : 'all identical'}`);
      expect(failures).toEqual([]);
    });
  }
  it('reports parity', () => {
    console.log(`golden traces identical: ${identical}/${total}`);
    expect(total).toBeGreaterThan(0);
  });
});
