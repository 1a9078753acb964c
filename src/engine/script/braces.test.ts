import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandBraces } from './braces.ts';

describe('expandBraces', () => {
  it('expands ranges and lists as bash does', () => {
    expect(expandBraces('p{1..3}')).toEqual(['p1', 'p2', 'p3']);
    expect(expandBraces('{3..1}')).toEqual(['3', '2', '1']);
    expect(expandBraces('sw{a,b}-{1..2}')).toEqual(['swa-1', 'swa-2', 'swb-1', 'swb-2']);
    expect(expandBraces('options={}')).toEqual(['options={}']);
  });

  it('never throws and stays bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{},.12ab-'.split('')), maxLength: 30 }), (s) => {
        expect(expandBraces(s).length).toBeLessThanOrEqual(10000);
      }),
    );
  });
});
