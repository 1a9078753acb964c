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
// Edge values and keywords that real flows rarely hold, to reach the parsers' error paths.
const extra = [
  ...['{', '}', '(', ')', '[', ']', ';', ',', '=', '<->', ':', '-', '--', '..', '$as', '@pg', '"x"', '""'],
  ...['0', '1', '65535', '65536', '2147483648', '18446744073709551616', '0x1ff', '0/0', '1/0x1', '::1', '[::1]'],
  ...['1.2.3.4', '1.2.3.4/24', '1.2.3.4:80', 'ff:ff:ff:ff:ff:ff', 'fe80::1/64', 'reg0[0..63]', 'reg0[3..1]'],
  ...['xxreg1', 'inport', 'outport', 'ip.ttl', 'ct.est', 'ip4', 'ct_mark.blocked', 'icmp4.frag_mtu', 'flags'],
  ...['next', 'drop', 'output', 'table', 'pipeline', 'egress', '28', '29', 'backends', 'hash_fields'],
  ...['skip_snat', 'force_snat', 'verdict', 'severity', 'alert', 'name', 'meter', 'true', '"true"', 'offerip'],
];

/** Deletes, repeats, swaps, replaces or truncates at one token. */
function mutate(m: string[]): void {
  const i = Math.floor(random() * m.length);
  switch (Math.floor(random() * 5)) {
    case 0:
      m.splice(i, 1);
      break;
    case 1:
      m.splice(i, 0, m[i]);
      break;
    case 2:
      if (i + 1 < m.length) [m[i], m[i + 1]] = [m[i + 1], m[i]];
      break;
    case 3:
      m[i] = random() < 0.6 ? pick(pool) : pick(extra);
      break;
    case 4:
      m.length = i;
      break;
  }
}

const mutants = new Set<string>();
for (const s of sorted) {
  const t = tokens(s);
  for (let k = 0; k < 16 && t.length; k++) {
    const m = [...t];
    // Ten mutants change one token, six change two.
    for (let step = 0; step < (k < 10 ? 1 : 2) && m.length; step++) mutate(m);
    const text = m.join(' ');
    if (text !== '' && !originals.has(text) && !text.includes('^')) mutants.add(text);
  }
}
const out = process.argv[2];
if (!out) throw new Error('usage: tsx scripts/action-mutants.ts OUT.txt');
writeFileSync(out, [...sorted, ...[...mutants].sort()].join('\n') + '\n');
console.log(`${sorted.length} real action strings, ${mutants.size} mutants`);
