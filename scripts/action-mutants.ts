// Writes the input of the action fuzz golden: every distinct action string of the real dumps under
// test/golden*/ plus deterministic token-level mutants of them (deleted, repeated, swapped, replaced or
// truncated tokens), one a line. scripts/gen-action-goldens.sh loads them as SB Logical_Flow rows and
// records what real ovn-trace says about each. Usage: tsx scripts/action-mutants.ts OUT.txt
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLflowDump } from '../src/engine/lflowdump/reader.ts';

const ROOT = join(import.meta.dirname, '..');
const originals = new Set<string>();
for (const parent of ['test/golden', 'test/golden-actions']) {
  for (const name of readdirSync(join(ROOT, parent)).sort()) {
    const file = join(ROOT, parent, name, 'lflows.txt');
    if (existsSync(file)) for (const f of readLflowDump(readFileSync(file, 'utf8')).flows) originals.add(f.actions);
  }
}

// A small deterministic generator (mulberry32) so the corpus is the same on every run.
let seed = 0x0ddba11;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

/** Rough tokens: strings, words with dots and colons (fields, addresses), and single punctuation. */
function tokens(s: string): string[] {
  return s.match(/"(?:[^"\\]|\\.)*"|[A-Za-z0-9_.:\/]+|<->|--|\.\.|\S/g) ?? [];
}

const sorted = [...originals].sort();
const pool = [...new Set(sorted.flatMap(tokens))].sort();
const extra = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '=',
  '<->',
  '$as',
  '@pg',
  '"x"',
  '0x1ff',
  '1.2.3.4/24',
  'reg0[0..63]',
];
const mutants = new Set<string>();
for (const s of sorted) {
  const t = tokens(s);
  for (let k = 0; k < 10 && t.length; k++) {
    const i = Math.floor(random() * t.length);
    const m = [...t];
    switch (Math.floor(random() * 5)) {
      case 0:
        m.splice(i, 1);
        break;
      case 1:
        m.splice(i, 0, t[i]);
        break;
      case 2:
        if (i + 1 < m.length) [m[i], m[i + 1]] = [m[i + 1], m[i]];
        break;
      case 3:
        m[i] = random() < 0.7 ? pick(pool) : pick(extra);
        break;
      case 4:
        m.length = i;
        break;
    }
    const text = m.join(' ');
    if (text !== '' && !originals.has(text) && !text.includes('^')) mutants.add(text);
  }
}
const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/action-mutants.ts OUT.txt');
writeFileSync(out, [...sorted, ...[...mutants].sort()].join('\n') + '\n');
console.log(`${sorted.length} real action strings, ${mutants.size} mutants`);
