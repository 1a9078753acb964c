// Evaluation against real ovn-trace (scripts/gen-expr-goldens.sh, test/golden-expr/eval/): each real
// lflow match was the priority-100 flow of one ingress table, beside a priority-1 catch-all, and real
// packets were traced through; for every (packet, match) our evaluator must pick the flow OVN picked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatch, evaluateExpr, parseMicroflow, type MatchContext } from '../../src/engine/expr/index.ts';

const dir = join(import.meta.dirname, 'eval');
const lines = (f: string) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
const PER_DP = 28;

/** Port names get "~K" in datapath K, as the generator did ("" and "none" excepted). */
function rewrite(s: string, k: number): string {
  return s.replace(/"((?:[^"\\]|\\.)*)"/g, (q, body: string) =>
    JSON.parse(q) === '' || JSON.parse(q) === 'none' ? q : `"${body}~${k}"`,
  );
}

interface Datapath {
  key: number;
  ports: Map<string, number>;
  portGroups: Record<string, string[]>;
}

function readSb(): { addressSets: Record<string, string[]>; dps: Datapath[] } {
  const addressSets: Record<string, string[]> = {};
  const dps: Datapath[] = [];
  for (const line of lines('sb.txt')) {
    const [kind, name, ...rest] = line.split(' ');
    const dp = dps[dps.length - 1];
    if (kind === 'address_set') addressSets[name] = rest;
    else if (kind === 'datapath') dps.push({ key: Number(rest[0]), ports: new Map(), portGroups: {} });
    else if (kind === 'port' || kind === 'mcgroup') dp.ports.set(name, Number(rest[0]));
    else if (kind === 'port_group') dp.portGroups[name] = rest;
  }
  return { addressSets, dps };
}

describe('evaluation against real ovn-trace', () => {
  it('picks the same flow in every table for every packet', () => {
    const matches = lines('matches.txt');
    const packets = lines('packets.txt');
    const { addressSets, dps } = readSb();
    const contexts: MatchContext[] = dps.map((dp) => ({
      addressSets,
      portGroups: dp.portGroups,
      datapathKey: dp.key,
      lookupPort: (name) => dp.ports.get(name),
    }));
    const compiled = matches.map((m, i) => {
      const k = Math.floor(i / PER_DP);
      const c = compileMatch(rewrite(m, k), contexts[k]);
      if (!c.ok) throw new Error(`${m}: ${c.error.message}`);
      return c.expr;
    });
    const differ: string[] = [];
    let checked = 0;
    let matched = 0;
    for (const line of lines('results.txt')) {
      const [p, k, bits] = line.split(' ');
      const dp = Number(k);
      const uflow = parseMicroflow(rewrite(packets[Number(p)], dp), {
        addressSets,
        lookupPort: contexts[dp].lookupPort,
      });
      if (bits === 'error' || !uflow.ok) {
        expect(bits === 'error').toBe(!uflow.ok);
        continue;
      }
      for (let t = 0; t < PER_DP; t++) {
        const i = dp * PER_DP + t;
        if (i >= matches.length) break;
        const ours = evaluateExpr(compiled[i], uflow.packet, contexts[dp]);
        // "-": ovn-trace left the stage out, which it does only for a constant-true match.
        const theirs = bits[t] === 'M' || bits[t] === '-';
        checked++;
        if (ours) matched++;
        if (ours !== theirs)
          differ.push(
            `packet ${p}: ${packets[Number(p)]}\n  match: ${matches[i]}\n  ovn-trace: ${theirs}, ours: ${ours}`,
          );
      }
    }
    console.log(`expr eval: ${checked - differ.length}/${checked} identical (${matched} matched)`);
    expect(differ.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100000);
  });
});
