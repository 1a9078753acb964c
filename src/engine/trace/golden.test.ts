// The tracer alone against real ovn-trace 23.03.1: every golden trace (test/golden/*/traces), run on a
// Southbound rebuilt from the real northd's flows and bindings, must print what ovn-trace printed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTrace, trace } from './index.ts';
import { goldenSb, type GoldenLflow } from './testing/golden-sb.ts';
import type { TraceForm, TraceRequest } from './types.ts';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '../../../test/golden');
const forms: TraceForm[] = ['detailed', 'summary', 'minimal'];

const mask = (text: string): string => text.replace(/\buuid [0-9a-f]{8}\b/g, 'uuid <uuid>');

/** The ovnviz trace arguments of a golden trace, as a request. */
function requestOf(args: string[]): TraceRequest {
  const ct: string[] = [];
  const positional: string[] = [];
  let lbDst: string | undefined;
  let selectId: number | undefined;
  for (const arg of args) {
    if (arg.startsWith('--ct=')) ct.push(arg.slice(5));
    else if (arg.startsWith('--lb-dst=')) lbDst = arg.slice(9);
    else if (arg.startsWith('--select-id=')) selectId = Number(arg.slice(12));
    else positional.push(arg);
  }
  const datapath = positional.length === 2 ? positional[0] : '';
  return { datapath, microflow: positional[positional.length - 1], ct, lbDst, selectId };
}

const scenarios = existsSync(goldenDir)
  ? readdirSync(goldenDir).filter((d) => existsSync(join(goldenDir, d, 'sb-lflows.json')))
  : [];

describe('tracer vs real ovn-trace on golden Southbound databases', () => {
  let identical = 0;
  let total = 0;
  for (const name of scenarios) {
    it(name, () => {
      const dir = join(goldenDir, name);
      const lflows = JSON.parse(readFileSync(join(dir, 'sb-lflows.json'), 'utf8')) as GoldenLflow[];
      const sb = goldenSb(readFileSync(join(dir, 'sb-dump.txt'), 'utf8'), lflows);
      const failures: string[] = [];
      for (const file of readdirSync(join(dir, 'traces')).filter((f) => f.endsWith('.args.json'))) {
        const base = file.replace(/\.args\.json$/, '');
        const request = requestOf(JSON.parse(readFileSync(join(dir, 'traces', file), 'utf8')) as string[]);
        const result = trace(sb, request);
        for (const form of forms) {
          const expected = mask(readFileSync(join(dir, 'traces', `${base}.${form}.txt`), 'utf8'));
          const actual = mask(formatTrace(result, form));
          total++;
          if (expected === actual) identical++;
          else failures.push(`${base}.${form}`);
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
