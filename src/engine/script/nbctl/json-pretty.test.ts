// The --pretty JSON layout, checked against what the real ovn-nbctl printed.
import { describe, expect, it } from 'vitest';
import real from '../../../../test/golden-nb/spinhirne-gateway-router/queries/19.out.txt?raw';
import { prettyJson } from './json-pretty.ts';

describe('prettyJson', () => {
  it('lays out ovn-nbctl --pretty -f json output exactly as the real one', () => {
    expect(real.startsWith('{\n  "data": [')).toBe(true);
    expect(prettyJson(JSON.parse(real)) + '\n').toBe(real);
  });
  it('prints empty arrays inline', () => {
    expect(prettyJson(['set', []])).toBe('[\n  "set",\n  []]');
  });
});
