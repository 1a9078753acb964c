// Differential test against real ovn-trace: real action strings and token-level mutants of them
// (fuzz/actions.txt) were loaded as ingress table 10 flows; ovn-trace rejected some with a message
// (fuzz/ovn-trace-warnings.txt). Our parser must accept exactly the others and reject these with the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActions } from '../../src/engine/actions/index.ts';

const DIR = join(import.meta.dirname, 'fuzz');

describe('action parser against real ovn-trace on mutated actions', () => {
  it('accepts and rejects exactly what ovn-trace does, with its messages', () => {
    const inputs = readFileSync(join(DIR, 'actions.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const rejected = new Map<string, string>();
    for (const line of readFileSync(join(DIR, 'ovn-trace-warnings.txt'), 'utf8').split('\n')) {
      const m = /^(.*): parsing actions failed \((.*)\)$/.exec(line);
      if (m) rejected.set(m[1], m[2]);
    }
    const mismatches: string[] = [];
    for (const text of inputs) {
      const r = parseActions(text, { pipeline: 'ingress', table: 10 });
      const ours = r.ok ? 'accepted' : r.error.message;
      const theirs = rejected.get(text) ?? 'accepted';
      if (ours !== theirs) mismatches.push(`${text}\n    ovn-trace: ${theirs}\n    ours:      ${ours}`);
    }
    console.log(
      `fuzz: ${inputs.length - mismatches.length}/${inputs.length} identical verdicts ` +
        `(${rejected.size} rejected by real ovn-trace)`,
    );
    expect(mismatches.slice(0, 20).join('\n')).toBe('');
  });
});
