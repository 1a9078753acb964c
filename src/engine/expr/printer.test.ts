// Printer property: any valid syntax tree prints to text that parses back to the same tree. Trees are
// drawn from fields and constants that pass OVN's checks (nominal fields only tested positively, etc.).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Constant, ConstantSet, FieldRef, MatchExpr, Relop } from './ast.ts';
import { formatMatch } from './printer.ts';
import { parseExpr } from './parser.ts';
import { prefixMask } from '../packet/addresses.ts';

const u = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });

const int = (bits: number): fc.Arbitrary<Constant> =>
  fc.oneof(
    u(bits).map((value): Constant => ({ kind: 'integer', value, format: 'decimal' })),
    u(bits).map((value): Constant => ({ kind: 'integer', value, format: 'hexadecimal' })),
    fc
      .tuple(u(bits), u(bits))
      .map(([v, m]): Constant => ({ kind: 'integer', value: v & m, mask: m, format: 'hexadecimal' })),
  );
const ip4 = fc.oneof(
  u(32).map((value): Constant => ({ kind: 'integer', value, format: 'IPv4' })),
  fc.tuple(u(32), fc.integer({ min: 0, max: 32 })).map(([v, n]): Constant => {
    const mask = prefixMask(n, 32);
    return { kind: 'integer', value: v & mask, mask, format: 'IPv4' };
  }),
  fc.constant<Constant>({ kind: 'addressSet', name: 'as_ip4' }),
);
const ip6 = fc.tuple(u(128), fc.integer({ min: 0, max: 128 })).map(([v, n]): Constant => {
  const mask = prefixMask(n, 128);
  return n === 128
    ? { kind: 'integer', value: v, format: 'IPv6' }
    : { kind: 'integer', value: v & mask, mask, format: 'IPv6' };
});
const mac = u(48).map((value): Constant => ({ kind: 'integer', value, format: 'Ethernet' }));
const port = fc.oneof(
  fc.string({ maxLength: 8 }).map((value): Constant => ({ kind: 'string', value })),
  fc.constant<Constant>({ kind: 'portGroup', name: 'pg1' }),
);

interface FieldKind {
  field: fc.Arbitrary<FieldRef>;
  constant: fc.Arbitrary<Constant>;
  ordinal: boolean;
  nominal: boolean;
}
const ordinal = (name: string, width: number, constant: fc.Arbitrary<Constant>): FieldKind => ({
  field: fc.oneof(
    fc.constant({ name }),
    fc
      .tuple(fc.integer({ min: 0, max: width - 1 }), fc.integer({ min: 0, max: width - 1 }))
      .map(([a, b]) => ({ name, slice: { low: Math.min(a, b), high: Math.max(a, b) } })),
  ),
  constant,
  ordinal: true,
  nominal: false,
});
const FIELDS: FieldKind[] = [
  ordinal('tcp.dst', 16, int(16)),
  ordinal('reg0', 32, int(32)),
  ordinal('ct_label', 128, int(64)),
  ordinal('ip4.src', 32, ip4),
  ordinal('ip6.dst', 128, ip6),
  ordinal('eth.src', 48, mac),
  { field: fc.constant({ name: 'eth.type' }), constant: int(16), ordinal: false, nominal: true },
  { field: fc.constant({ name: 'inport' }), constant: port, ordinal: false, nominal: true },
];

const set = (c: fc.Arbitrary<Constant>, single: boolean): fc.Arbitrary<ConstantSet> =>
  single
    ? c.map((v) => ({ values: [v], curlies: false }))
    : fc.oneof(
        c.map((v) => ({ values: [v], curlies: false })),
        fc.array(c, { minLength: 1, maxLength: 3 }).map((values) => ({ values, curlies: true })),
      );

const unmasked = (c: fc.Arbitrary<Constant>) => c.filter((v) => v.kind === 'integer' && v.mask === undefined);

function leaf(negated: boolean): fc.Arbitrary<MatchExpr> {
  const cmps = FIELDS.filter((f) => !f.nominal || !negated).map((f) =>
    fc
      .tuple(f.field, fc.constantFrom<Relop>('==', '!='), set(f.constant, false), fc.boolean())
      .map(([field, relop, s, constantFirst]): MatchExpr => {
        // A nominal field may only be tested for equality.
        const r = f.nominal ? '==' : relop;
        return constantFirst
          ? { type: 'cmp', field, relop: r, set: s, constantFirst }
          : { type: 'cmp', field, relop: r, set: s };
      }),
  );
  const ordinals = FIELDS.filter((f) => f.ordinal && f.constant !== ip6);
  const relational = ordinals.map((f) =>
    fc
      .tuple(f.field, fc.constantFrom<Relop>('<', '<=', '>', '>='), set(unmasked(f.constant), true))
      .map(([field, relop, s]): MatchExpr => ({ type: 'cmp', field, relop, set: s })),
  );
  const ranges = fc
    .tuple(fc.boolean(), fc.constantFrom<Relop>('<', '<='), fc.constantFrom<Relop>('<', '<='), u(16), u(16))
    .map(([gt, a, b, lo, hi]): MatchExpr => {
      const flip = (r: Relop): Relop => (r === '<' ? '>' : '>=');
      const c = (value: bigint): ConstantSet => ({
        values: [{ kind: 'integer', value, format: 'decimal' }],
        curlies: false,
      });
      return {
        type: 'range',
        low: c(lo),
        lowRelop: gt ? flip(a) : a,
        field: { name: 'tcp.dst' },
        highRelop: gt ? flip(b) : b,
        high: c(hi),
      };
    });
  const tests = fc
    .constantFrom<FieldRef>(
      { name: 'eth.bcast' },
      { name: 'ip4.mcast' },
      { name: 'ct.est' },
      { name: 'flags.loopback' },
      { name: 'reg0', slice: { low: 3, high: 3 } },
      ...(negated
        ? [{ name: 'reg1' }, { name: 'tcp.dst', slice: { low: 0, high: 7 } }]
        : [{ name: 'ip4' }, { name: 'tcp' }]),
    )
    .map((field): MatchExpr => ({ type: 'test', field }));
  return fc.oneof(
    ...cmps,
    ...relational,
    ranges,
    tests,
    fc.boolean().map((value): MatchExpr => ({ type: 'bool', value })),
    fc.string({ maxLength: 6 }).map((p): MatchExpr => ({ type: 'chassisResident', port: p })),
  );
}

function tree(depth: number, negated: boolean): fc.Arbitrary<MatchExpr> {
  if (depth === 0) return leaf(negated);
  return fc.oneof(
    { weight: 3, arbitrary: leaf(negated) },
    { weight: 1, arbitrary: tree(depth - 1, !negated).map((expr): MatchExpr => ({ type: 'not', expr })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom<'and' | 'or'>('and', 'or'),
          fc.array(tree(depth - 1, negated), { minLength: 2, maxLength: 3 }),
        )
        .map(([type, terms]): MatchExpr => ({ type, terms })),
    },
  );
}

describe('printer', () => {
  it('parse(print(tree)) equals tree', () => {
    fc.assert(
      fc.property(tree(3, false), (t) => {
        const text = formatMatch(t);
        const r = parseExpr(text);
        if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
        expect(r.value).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });
});
