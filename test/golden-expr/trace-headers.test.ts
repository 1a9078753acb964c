// The first line of every real ovn-trace golden under test/golden/ (the "# icmp,reg14=…" header) is
// what parseMicroflow + formatMicroflow give for the trace's microflow, with the port keys of that
// scenario's Southbound (sb-dump.txt).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMicroflow, parseMicroflow } from '../../src/engine/expr/index.ts';

const golden = join(import.meta.dirname, '..', 'golden');

/** datapath name → (port or multicast group name → tunnel key), read from sb-dump.txt. */
function portKeys(dump: string): Map<string, Map<string, number>> {
  const byDp = new Map<string, Map<string, number>>();
  for (const line of dump.split('\n')) {
    const dp = /datapath=Datapath_Binding:(\S+)/.exec(line)?.[1];
    const name =
      /logical_port=("(?:[^"\\]|\\.)*"|\S+)/.exec(line)?.[1] ?? /\bname=("(?:[^"\\]|\\.)*"|\S+)/.exec(line)?.[1];
    const key = /tunnel_key=(\d+)/.exec(line)?.[1];
    if (!dp || !name || !key) continue;
    if (!byDp.has(dp)) byDp.set(dp, new Map());
    byDp.get(dp)!.set(name.startsWith('"') ? (JSON.parse(name) as string) : name, Number(key));
  }
  return byDp;
}

function traces(): { id: string; dp: string; flow: string; expected: string; keys: Map<string, number> }[] {
  const out = [];
  if (!existsSync(golden)) return [];
  for (const scenario of readdirSync(golden)) {
    const dir = join(golden, scenario, 'traces');
    const dumpFile = join(golden, scenario, 'sb-dump.txt');
    if (!existsSync(dir) || !existsSync(dumpFile)) continue;
    const keys = portKeys(readFileSync(dumpFile, 'utf8'));
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.args.json'))) {
      const args = JSON.parse(readFileSync(join(dir, f), 'utf8')) as string[];
      const positional = args.filter((a) => !a.startsWith('--'));
      const detailed = join(dir, f.replace('.args.json', '.detailed.txt'));
      if (positional.length !== 2 || !existsSync(detailed)) continue;
      const [dp, flow] = positional;
      const expected = readFileSync(detailed, 'utf8').split('\n')[0];
      out.push({ id: `${scenario}/${f}`, dp, flow, expected, keys: keys.get(dp) ?? new Map<string, number>() });
    }
  }
  return out;
}

describe('ovn-trace header lines of the golden traces', () => {
  const all = traces();
  it('cover the goldens', () => {
    console.log(`expr: ${all.length} golden trace headers checked`);
    expect(all.length).toBeGreaterThan(0);
  });
  it.each(all.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    const r = parseMicroflow(t.flow, { lookupPort: (name) => t.keys.get(name) });
    const line = r.ok ? `# ${formatMicroflow(r.packet)}` : `error parsing flow: ${r.error.message}`;
    expect(line).toBe(t.expected);
  });
});
