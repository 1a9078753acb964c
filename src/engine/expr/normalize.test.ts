// Simplification and normalization: the "simplification special cases" of OVN's testsuite (tests/ovn.at
// at v23.03.1), and an exhaustive check in the spirit of its "expression normalization" tests: for
// random expressions over two 3-bit fields and a string field, every packet gets the same answer
// before and after simplify + normalize.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpr } from './parser.ts';
import { buildExpr, formatOvnExpr, type OvnExpr } from './expr.ts';
import { annotateExpr } from './annotate.ts';
import { evaluateConditions, normalizeExpr, simplifyExpr } from './normalize.ts';
import { evaluateExpr } from './evaluate.ts';
import { emptyPacket, setField } from '../packet/state.ts';

function annotated(text: string): OvnExpr {
  const p = parseExpr(text);
  if (!p.ok) throw new Error(p.error.message);
  const a = annotateExpr(buildExpr(p.value));
  if (!a.ok) throw new Error(a.error);
  return a.value;
}

/** ovstest test-ovn simplify-expr, where only "eth1" is resident. */
function simplify(text: string): string {
  return formatOvnExpr(evaluateConditions(simplifyExpr(annotated(text)), (port) => port === 'eth1'));
}

describe('simplification special cases (ovn.at)', () => {
  it.each([
    ['eth.dst == 0/0', '1'],
    ['eth.dst != 0/0', '0'],
    ['tcp.dst >= 0', 'ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)'],
    ['tcp.dst <= 65535', 'ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)'],
    [
      'tcp.dst > 0',
      '(tcp.dst[0] || tcp.dst[1] || tcp.dst[2] || tcp.dst[3] || tcp.dst[4] || tcp.dst[5] || tcp.dst[6] || tcp.dst[7] || tcp.dst[8] || tcp.dst[9] || tcp.dst[10] || tcp.dst[11] || tcp.dst[12] || tcp.dst[13] || tcp.dst[14] || tcp.dst[15]) && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)',
    ],
    [
      'tcp.dst < 65535',
      '(!tcp.dst[0] || !tcp.dst[1] || !tcp.dst[2] || !tcp.dst[3] || !tcp.dst[4] || !tcp.dst[5] || !tcp.dst[6] || !tcp.dst[7] || !tcp.dst[8] || !tcp.dst[9] || !tcp.dst[10] || !tcp.dst[11] || !tcp.dst[12] || !tcp.dst[13] || !tcp.dst[14] || !tcp.dst[15]) && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)',
    ],
    ['is_chassis_resident("eth1")', '1'],
    ['is_chassis_resident("eth2")', '0'],
    ['!is_chassis_resident("eth1")', '0'],
    ['!is_chassis_resident("eth2")', '1'],
  ])('%s', (input, expected) => {
    expect(simplify(input)).toBe(expected);
  });
});

describe('simplify + normalize keep the meaning', () => {
  const term = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('reg0[0..2]', 'reg1[0..2]'),
        fc.constantFrom('==', '!=', '<', '<=', '>', '>='),
        fc.integer({ min: 0, max: 7 }),
      )
      .map(([f, r, v]) => `${f} ${r} ${v}`),
    fc
      .tuple(
        fc.constantFrom('reg0[0..2]', 'reg1[0..2]'),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 3 }),
      )
      .map(([f, vs]) => `${f} == {${vs.join(', ')}}`),
    fc.constantFrom('inport == "a"', 'inport == "b"', 'inport == {"a", "b"}'),
  );
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      term,
      fc.tuple(tie('e'), fc.constantFrom('&&', '||'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
      tie('e').map((a) => `!(${a})`),
    ),
  })).e;
  const ctx = { lookupPort: (n: string) => ({ a: 1, b: 2 })[n] };

  it('for every packet', () => {
    fc.assert(
      fc.property(expr, (text) => {
        const parsed = parseExpr(text);
        fc.pre(parsed.ok);
        const a = annotateExpr(buildExpr(parsed.ok ? parsed.value : { type: 'bool', value: true }));
        if (!a.ok) return;
        const n = normalizeExpr(evaluateConditions(simplifyExpr(a.value)));
        for (let r0 = 0n; r0 < 8n; r0++) {
          for (let r1 = 0n; r1 < 8n; r1++) {
            for (const port of [1n, 2n, 3n]) {
              const p = emptyPacket();
              setField(p, 'reg0', r0);
              setField(p, 'reg1', r1);
              setField(p, 'reg14', port);
              expect(evaluateExpr(n, p, ctx)).toBe(evaluateExpr(a.value, p, ctx));
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
