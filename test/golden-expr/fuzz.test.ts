// Differential fuzz against real OVN 23.03 (scripts/gen-expr-goldens.sh): every real lflow match and
// thousands of mutants of them were given to real ovn-trace as Logical_Flow rows; its warnings say which
// it rejects and with what message. Our parser must accept and reject exactly the same strings with the
// same messages. A sample also went through ovn-trace as microflows: same first line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateExpr, buildExpr, formatMicroflow, parseExpr, parseMicroflow } from '../../src/engine/expr/index.ts';

const dir = join(import.meta.dirname, 'fuzz');
/** The SB Address_Set and Port_Group rows the fuzz SB held (sets.txt: "address_set|port_group NAME VALUE..."). */
const sets = { addressSets: {} as Record<string, string[]>, portGroups: {} as Record<string, string[]> };
for (const line of readFileSync(join(dir, 'sets.txt'), 'utf8').split('\n')) {
  const [kind, name, ...values] = line.split(' ');
  if (kind === 'address_set') sets.addressSets[name] = values;
  else if (kind === 'port_group') sets.portGroups[name] = values;
}
const SUFFIX = ': parsing expression failed (';

/** What real ovn-trace said about each rejected match. */
function rejected(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'warnings.txt'), 'utf8').split('\n')) {
    const at = line.lastIndexOf(SUFFIX);
    if (at === -1 || !line.endsWith(')')) continue;
    out.set(line.slice(0, at), line.slice(at + SUFFIX.length, -1));
  }
  return out;
}

/** Our verdict: undefined if accepted, else the error message. */
function verdict(match: string): string | undefined {
  const r = parseExpr(match, { ...sets, datapathKey: 1 });
  if (!r.ok) return r.error.message;
  const a = annotateExpr(buildExpr(r.value, { ...sets, datapathKey: 1 }));
  return a.ok ? undefined : a.error;
}

describe('differential fuzz against real ovn-trace', () => {
  it('accepts and rejects the same matches, with the same messages', () => {
    const real = rejected();
    const matches = readFileSync(join(dir, 'matches.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const differ: string[] = [];
    let same = 0;
    for (const m of matches) {
      const ours = verdict(m);
      const theirs = real.get(m);
      if (ours === theirs) same++;
      else differ.push(`${m}\n  ovn-trace: ${theirs ?? 'accepted'}\n  ours:      ${ours ?? 'accepted'}`);
    }
    console.log(`expr fuzz: ${same}/${matches.length} identical verdicts (${real.size} rejections)`);
    expect(differ.slice(0, 20)).toEqual([]);
    expect(matches.length).toBeGreaterThan(3000);
  });

  it('gives the same first line for sampled microflows', () => {
    const lines = readFileSync(join(dir, 'microflows.out'), 'utf8').split('\n');
    const differ: string[] = [];
    let n = 0;
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const flow = lines[i].slice(2);
      const expected = lines[i + 1].slice(2);
      const r = parseMicroflow(flow, { ...sets, lookupPort: (name) => (name === 'p1' ? 1 : undefined) });
      const ours = r.ok ? `# ${formatMicroflow(r.packet)}` : `error parsing flow: ${r.error.message}`;
      n++;
      if (ours !== expected) differ.push(`${flow}\n  ovn-trace: ${expected}\n  ours:      ${ours}`);
    }
    console.log(`expr fuzz: ${n - differ.length}/${n} identical microflow lines`);
    expect(differ.slice(0, 20)).toEqual([]);
  });
});
