// Differential test against real ovn-trace: real action strings and token-level mutants of them
// (fuzz/actions.txt) were loaded as flows of ingress table 10 and of egress table 28; ovn-trace rejected
// some with a message (fuzz/ovn-trace-warnings*.txt). Our parser must accept exactly the others and
// reject these with the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAction, parseActions } from '../../src/engine/actions/index.ts';
import { compileMatch, evaluateExpr } from '../../src/engine/expr/evaluate.ts';
import { parseMicroflow } from '../../src/engine/expr/microflow.ts';

const DIR = join(import.meta.dirname, 'fuzz');

const CONTEXTS = [
  { pipeline: 'ingress', table: 10, warnings: 'ovn-trace-warnings.txt' },
  { pipeline: 'egress', table: 28, warnings: 'ovn-trace-warnings-egress-28.txt' },
] as const;

describe('action parser against real ovn-trace on mutated actions', () => {
  const inputs = readFileSync(join(DIR, 'actions.txt'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  for (const { pipeline, table, warnings } of CONTEXTS) {
    it(`accepts and rejects exactly what ovn-trace does in ${pipeline} table ${table}, with its messages`, () => {
      const rejected = new Map<string, string>();
      for (const line of readFileSync(join(DIR, warnings), 'utf8').split('\n')) {
        const m = /^(.*): parsing actions failed \((.*)\)$/.exec(line);
        if (m) rejected.set(m[1], m[2]);
      }
      const mismatches: string[] = [];
      for (const text of inputs) {
        const r = parseActions(text, { pipeline, table });
        const ours = r.ok ? 'accepted' : r.error.message;
        const theirs = rejected.get(text) ?? 'accepted';
        if (ours !== theirs) mismatches.push(`${text}\n    ovn-trace: ${theirs}\n    ours:      ${ours}`);
      }
      console.log(
        `fuzz (${pipeline} table ${table}): ${inputs.length - mismatches.length}/${inputs.length} identical ` +
          `verdicts (${rejected.size} rejected by real ovn-trace)`,
      );
      expect(mismatches.slice(0, 20).join('\n')).toBe('');
    });
  }
});

/**
 * fuzz/ovn-trace-formats.txt: for each accepted string ("=== ACTIONS"), what `ovn-trace --detailed`
 * printed when that string was the flow of ingress table 0 the packet hit: its actions, one a line.
 */
describe('action printer against real ovn-trace on the accepted strings', () => {
  it('prints every action as ovn-trace does', () => {
    const blocks = readFileSync(join(DIR, 'ovn-trace-formats.txt'), 'utf8').split(/^=== /m).slice(1);
    const mismatches: string[] = [];
    let compared = 0;
    for (const block of blocks) {
      const [text, ...lines] = block.split('\n');
      const heading = lines.findIndex((l) => l.startsWith(' 0. ls_in_fuzz '));
      if (heading < 0) continue;
      const printed: string[] = [];
      for (const l of lines.slice(heading + 1)) {
        if (!l.startsWith('    ') || l.startsWith('     ')) break;
        if (!l.trimStart().startsWith('/*') && !l.trimStart().startsWith('*** ')) printed.push(l.trim());
      }
      const r = parseActions(text, { pipeline: 'ingress', table: 0 });
      const ours = r.ok ? (r.actions.length ? r.actions.map(formatAction) : ['drop;']) : [`error: ${r.error.message}`];
      compared++;
      if (printed.length === 0 || JSON.stringify(ours.slice(0, printed.length)) !== JSON.stringify(printed)) {
        mismatches.push(`${text}\n    ovn-trace: ${JSON.stringify(printed)}\n    ours:      ${JSON.stringify(ours)}`);
      }
    }
    console.log(`fuzz: ${compared - mismatches.length}/${compared} accepted strings print as ovn-trace prints them`);
    expect(compared).toBeGreaterThan(500);
    expect(mismatches.slice(0, 20).join('\n')).toBe('');
  });
});

/**
 * The same file says which kind of packet (fuzz/packet-kinds.txt, tried in order) first matched each
 * flow: with match `eth.src == MAC`, only the prerequisites the actions add decide that.
 */
describe('action prerequisites against real ovn-trace', () => {
  it('make a flow match exactly the packets ovn-trace matched it with', () => {
    const kinds = readFileSync(join(DIR, 'packet-kinds.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const packets = kinds.map((kind) => {
      const m = parseMicroflow(`inport == "p1" && eth.src == 00:00:00:00:00:01 && ${kind}`, {
        lookupPort: (name) => (name === 'p1' ? 1 : undefined),
      });
      if (!m.ok) throw new Error(m.error.message);
      return m.packet;
    });
    const blocks = readFileSync(join(DIR, 'ovn-trace-formats.txt'), 'utf8').split(/^=== /m).slice(1);
    const mismatches: string[] = [];
    let compared = 0;
    for (const block of blocks) {
      const [text, second] = block.split('\n');
      const m = /^--- (\d+)$/.exec(second ?? '');
      if (!m) continue;
      const r = parseActions(text, { pipeline: 'ingress', table: 0 });
      if (!r.ok) continue;
      const compiled = compileMatch('1', {}, r.prereqs);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const ours = packets.findIndex((p) => evaluateExpr(compiled.expr, p));
      compared++;
      if (ours !== Number(m[1]))
        mismatches.push(`${text}\n    ovn-trace: ${m[1]}  ours: ${ours} ${JSON.stringify(r.prereqs)}`);
    }
    console.log(`fuzz: ${compared - mismatches.length}/${compared} flows match the packets ovn-trace matched`);
    expect(compared).toBeGreaterThan(500);
    expect(mismatches.slice(0, 20).join('\n')).toBe('');
  });
});
