// Every match in every real lflow-list dump we hold (test/golden/*/lflows.txt and the gateway example
// from real northd) must parse, and printing the tree must give text that parses to the same tree.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatch, formatMatch, parseExpr } from '../../src/engine/expr/index.ts';

const root = join(import.meta.dirname, '..');

function dumps(): string[] {
  const files = [join(root, 'golden-expr', 'gateway-lflows.txt')];
  const golden = join(root, 'golden');
  if (existsSync(golden)) {
    for (const d of readdirSync(golden)) {
      const f = join(golden, d, 'lflows.txt');
      if (existsSync(f)) files.push(f);
    }
  }
  return files;
}

function matchesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const start = line.indexOf('match=(');
    const end = line.lastIndexOf('), action=(');
    if (start !== -1 && end > start) out.push(line.slice(start + 7, end));
  }
  return out;
}

describe('real lflow matches', () => {
  const all = new Set<string>();
  for (const f of dumps()) for (const m of matchesOf(readFileSync(f, 'utf8'))) all.add(m);

  it('all parse, and print∘parse gives the same tree', () => {
    const failures: string[] = [];
    let parsed = 0;
    for (const m of all) {
      const r = parseExpr(m);
      if (!r.ok) {
        failures.push(`${m}: ${r.error.message}`);
        continue;
      }
      parsed++;
      const again = parseExpr(formatMatch(r.value));
      if (!again.ok) failures.push(`reprint of ${m}: ${again.error.message}`);
      else expect(again.value).toEqual(r.value);
      const compiled = compileMatch(m);
      if (!compiled.ok) failures.push(`annotate ${m}: ${compiled.error.message}`);
    }
    console.log(`expr: ${parsed}/${all.size} distinct real lflow matches parse`);
    expect(failures).toEqual([]);
    expect(all.size).toBeGreaterThan(300);
  });
});
