// Parser, tree builder and annotation against the "expression parser" and "expression annotation" cases
// of OVN's own testsuite (tests/ovn.at at v23.03.1, copied verbatim into testdata/), which run
// `ovstest test-ovn parse-expr` / `annotate-expr` with the symbol table and sets of tests/test-ovn.c.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import parseCases from './testdata/ovn-at-parse-expr.txt?raw';
import annotateCases from './testdata/ovn-at-annotate-expr.txt?raw';
import { parseExpr } from './parser.ts';
import { buildExpr, formatOvnExpr } from './expr.ts';
import { annotateExpr } from './annotate.ts';
import { SYMTAB, type ExprSymbol } from './symbols.ts';

/** tests/test-ovn.c create_symtab: the real table plus symbols for negative tests. */
const testSymtab = new Map<string, ExprSymbol>(SYMTAB);
const xreg0 = (name: string, prereqs?: string, width = 64): ExprSymbol => ({
  name,
  width,
  level: 'ordinal',
  prereqs,
  field: 'xreg0',
  mustCrossproduct: false,
  rw: 1,
});
testSymtab.set('bad_prereq', xreg0('bad_prereq', 'xyzzy'));
testSymtab.set('self_recurse', xreg0('self_recurse', 'self_recurse != 0'));
testSymtab.set('mutual_recurse_1', xreg0('mutual_recurse_1', 'mutual_recurse_2 != 0'));
testSymtab.set('mutual_recurse_2', xreg0('mutual_recurse_2', 'mutual_recurse_1 != 0'));
testSymtab.set('big_string', { ...xreg0('big_string', undefined, 0), level: 'nominal' });

const sets = {
  symtab: testSymtab,
  addressSets: {
    set1: ['10.0.0.1', '10.0.0.2', '10.0.0.3'],
    set2: ['::1', '::2', '::3'],
    set3: ['00:00:00:00:00:01', '00:00:00:00:00:02', '00:00:00:00:00:03'],
    set4: [],
  },
  portGroups: { '0_pg1': ['lsp1', 'lsp2', 'lsp3'], '0_pg_empty': [] },
  datapathKey: 0,
};

function cases(text: string): [string, string][] {
  const body = text.slice(text.indexOf('[[') + 2, text.indexOf(']])'));
  const out: [string, string][] = [];
  for (const raw of body.split('\n')) {
    const line = raw.replaceAll('@:>@', ']').replaceAll('@<:@', '[');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const arrow = line.indexOf(' => ');
    out.push(arrow === -1 ? [line, line] : [line.slice(0, arrow), line.slice(arrow + 4)]);
  }
  return out;
}

function run(input: string, annotate: boolean): string {
  const parsed = parseExpr(input, sets);
  if (!parsed.ok) return parsed.error.message;
  const built = buildExpr(parsed.value, sets);
  if (!annotate) return formatOvnExpr(built, testSymtab);
  const annotated = annotateExpr(built, testSymtab);
  return annotated.ok ? formatOvnExpr(annotated.value, testSymtab) : annotated.error;
}

describe('expression parser (ovn.at)', () => {
  const all = cases(parseCases);
  it('has the cases', () => expect(all.length).toBeGreaterThan(120));
  it.each(all)('%s', (input, expected) => {
    expect(run(input, false)).toBe(expected);
  });
});

describe('expression annotation (ovn.at)', () => {
  it.each(cases(annotateCases))('%s', (input, expected) => {
    expect(run(input, true)).toBe(expected);
  });
});

describe('parser robustness', () => {
  it('reports columns', () => {
    const r = parseExpr('ip4 && router == 1');
    expect(r).toEqual({ ok: false, error: { message: "Syntax error at `router' expecting field name.", column: 8 } });
    const s = parseExpr('ip4.dst == router');
    expect(s).toEqual({ ok: false, error: { message: "Syntax error at `router' expecting constant.", column: 12 } });
  });

  it('never throws', () => {
    const alphabet = fc.constantFrom(
      'ip4',
      'tcp.dst',
      'reg0',
      '[',
      ']',
      '..',
      '3',
      '0x1f',
      '10.0.0.1/8',
      '"p1"',
      '$as',
      '@pg',
      '{',
      '}',
      ',',
      '==',
      '!=',
      '<',
      '>=',
      '!',
      '&&',
      '||',
      '(',
      ')',
      'inport',
      ' ',
      'is_chassis_resident',
      '^t',
      '1',
      '0',
      'x',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 25 }), fc.string(), (parts, noise) => {
        for (const s of [parts.join(' '), parts.join(''), noise]) {
          const r = parseExpr(s);
          if (r.ok) {
            const a = annotateExpr(buildExpr(r.value));
            expect(typeof a.ok).toBe('boolean');
          } else expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
