import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandBraces } from './braces.ts';

const LIMIT = 100_000;

/** Runs `f` and returns what it gave and how long it took, in ms. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('expandBraces', () => {
  it('expands ranges and lists as bash does', () => {
    expect(expandBraces('p{1..3}', LIMIT)).toEqual(['p1', 'p2', 'p3']);
    expect(expandBraces('{3..1}', LIMIT)).toEqual(['3', '2', '1']);
    expect(expandBraces('sw{a,b}-{1..2}', LIMIT)).toEqual(['swa-1', 'swa-2', 'swb-1', 'swb-2']);
    expect(expandBraces('options={}', LIMIT)).toEqual(['options={}']);
  });

  it('expands exactly up to the limit and stops with a message past it', () => {
    expect(expandBraces('{1..100000}', LIMIT)).toHaveLength(LIMIT);
    expect(expandBraces('{1..100001}', LIMIT)).toBe('a brace range expands to more than 100000 words');
    expect(expandBraces('{a,b}'.repeat(16), LIMIT)).toHaveLength(65536);
    expect(expandBraces('{a,b}'.repeat(17), LIMIT)).toBe('a word expands to more than 100000 words');
  });

  it('stops a brace bomb in linear time (22 groups took 21 s in the browser)', () => {
    const bomb = timed(() => expandBraces('{a,b}'.repeat(22), LIMIT));
    expect(bomb.value).toBe('a word expands to more than 100000 words');
    expect(bomb.ms).toBeLessThan(2000);
    const chain = timed(() => expandBraces('{1..1}'.repeat(100_000), LIMIT));
    expect(chain.value).toBe('brace expansion builds more than 6400000 characters');
    expect(chain.ms).toBeLessThan(2000);
  });

  it('never throws, stays bounded in words and in time', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{},.12ab-'.split('')), maxLength: 60 }), (s) => {
        const r = timed(() => expandBraces(s, 1000));
        if (Array.isArray(r.value)) expect(r.value.length).toBeLessThanOrEqual(1000);
        else expect(r.value).toMatch(/more than/);
        expect(r.ms).toBeLessThan(200);
      }),
    );
  });
});
