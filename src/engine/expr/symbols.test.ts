// Symbol table consistency: every base field exists in the packet model with the same width, subfields
// and predicates resolve, and the table holds OVN 23.03's names.
import { describe, expect, it } from 'vitest';
import { resolveSymbol, SYMTAB } from './symbols.ts';
import { ovsField } from '../packet/fields.ts';
import { parseExpr } from './parser.ts';

describe('SYMTAB', () => {
  it('maps every base field onto a packet field of the same width', () => {
    for (const s of SYMTAB.values()) {
      if (!s.field) continue;
      const f = ovsField(s.field);
      expect(f, s.name).toBeDefined();
      if (s.width) expect(f!.width, s.name).toBe(s.width);
      else expect(f!.width, s.name).toBe(32);
    }
  });

  it('resolves subfields to their base field', () => {
    expect(resolveSymbol('reg0')?.map((x) => (typeof x === 'number' ? x : x.name))).toEqual(['xxreg0', 96]);
    expect(resolveSymbol('reg9')?.map((x) => (typeof x === 'number' ? x : x.name))).toEqual(['xreg4', 0]);
    expect(resolveSymbol('ct.est')?.map((x) => (typeof x === 'number' ? x : x.name))).toEqual(['ct_state', 1]);
    expect(resolveSymbol('ct_label.ecmp_reply_eth')?.map((x) => (typeof x === 'number' ? x : x.name))).toEqual([
      'ct_label',
      32,
    ]);
  });

  it('has predicates whose expansions and prerequisites parse', () => {
    for (const s of SYMTAB.values()) {
      for (const text of [s.predicate, s.prereqs]) {
        if (text) expect(parseExpr(text).ok, `${s.name}: ${text}`).toBe(true);
      }
    }
  });

  it('classifies levels as OVN does', () => {
    expect(SYMTAB.get('ip4')?.level).toBe('nominal');
    expect(SYMTAB.get('eth.bcast')?.level).toBe('boolean');
    expect(SYMTAB.get('tcp.dst')?.level).toBe('ordinal');
    expect(SYMTAB.get('inport')?.width).toBe(0);
    expect(SYMTAB.has('xxreg2')).toBe(false);
    expect(SYMTAB.get('ct_mark.natted')?.rw).toBe(2);
  });
});
