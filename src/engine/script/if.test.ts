// Reading if / then / else / fi out of a tokenized statement list.
import { describe, expect, it } from 'vitest';
import { tokenize, type Statement } from './tokenize.ts';
import { readIf } from './if.ts';

const text = (sts: Statement[]): string[] =>
  sts.map((s) => s.words.map((w) => w.parts.map((p) => (p.t === 'lit' ? p.s : '')).join('')).join(' '));

describe('readIf', () => {
  it('splits condition, branches and finds fi', () => {
    const { statements } = tokenize('if ! a | b; then c; d; else e; fi\nz\n');
    const block = readIf(statements, 0);
    expect(block?.negate).toBe(true);
    expect(text(block?.cond ?? [])).toEqual(['a', 'b']);
    expect(text(block?.then ?? [])).toEqual(['c', 'd']);
    expect(text(block?.otherwise ?? [])).toEqual(['e']);
    expect(text([statements[(block?.end ?? 0) + 1]])).toEqual(['z']);
  });
  it('declines elif, nesting and a missing fi', () => {
    expect(readIf(tokenize('if a; then b; elif c; then d; fi').statements, 0)).toBeUndefined();
    expect(readIf(tokenize('if a; then if b; then c; fi; fi').statements, 0)).toBeUndefined();
    expect(readIf(tokenize('if a; then b').statements, 0)).toBeUndefined();
  });
});
