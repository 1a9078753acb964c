// Lexer tests: the "lexer" case of OVN's own testsuite (tests/ovn.at at v23.03.1, copied verbatim into
// testdata/ovn-at-lexer.txt), plus column positions and a property that no input makes the lexer throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ovnAtLexer from './testdata/ovn-at-lexer.txt?raw';
import { expandTemplates, formatToken, tokenize } from './lexer.ts';

/** What `ovstest test-ovn lex` prints for one line: every token formatted, separated by spaces. */
function lexLine(line: string): string {
  return tokenize(line)
    .filter((t) => t.type !== 'END')
    .map((t) => formatToken(t))
    .join(' ');
}

/** The testsuite's input/expected pairs, undoing the m4 quoting and `dnl` of the .at file. */
function cases(): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of ovnAtLexer.split('\n')) {
    const line = raw
      .replace(/dnl .*$/, '')
      .replaceAll('[[', '[')
      .replaceAll(']]', ']');
    if (line === '' || line.startsWith('#')) continue;
    const arrow = line.indexOf(' => ');
    if (arrow === -1) out.push([line, line]);
    else out.push([line.slice(0, arrow), line.slice(arrow + 4)]);
  }
  return out;
}

describe('lexer', () => {
  const all = cases();
  it('has the testsuite cases', () => {
    expect(all.length).toBeGreaterThan(75);
  });
  it.each(all)('%s', (input, expected) => {
    expect(lexLine(input)).toBe(expected);
  });

  it('records token positions', () => {
    const tokens = tokenize('ip4.src == {10.0.0.1, $as}');
    expect(tokens.map((t) => [t.type, t.start, t.end])).toEqual([
      ['ID', 0, 7],
      ['EQ', 8, 10],
      ['LCURLY', 11, 12],
      ['INTEGER', 12, 20],
      ['COMMA', 20, 21],
      ['MACRO', 22, 25],
      ['RCURLY', 25, 26],
      ['END', 26, 26],
    ]);
  });

  it('reads masked values, port groups and templates', () => {
    const [a, b, c] = tokenize('10.0.0.0/8 @pg1 ^T1');
    expect(a).toMatchObject({ type: 'MASKED_INTEGER', value: 0x0a000000n, mask: 0xff000000n, format: 'IPv4' });
    expect(b).toMatchObject({ type: 'PORT_GROUP', s: 'pg1' });
    expect(c).toMatchObject({ type: 'TEMPLATE', s: 'T1' });
  });

  it('reports bytes as C does', () => {
    expect(tokenize('\u0001')[0].s).toBe('Invalid byte 0x1 in input.');
    expect(tokenize('é')[0].s).toBe('Invalid byte 0x-61 in input.');
    expect(tokenize('#')[0].s).toBe("Invalid character `#' in input.");
  });

  it('formats every token so that it lexes back to the same value', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('10.0.0.0/8', 'fe80::1/64', '0x0/0x1', '1/3', '02:00:00:00:00:01', '"a\\"b"', '$x', '@y', '^z'),
    );
    fc.assert(
      fc.property(piece, (s) => {
        for (const t of tokenize(s)) {
          if (t.type === 'ERROR' || t.type === 'END') continue;
          const [again] = tokenize(formatToken(t));
          expect({ type: again.type, s: again.s, value: again.value, mask: again.mask }).toEqual({
            type: t.type,
            s: t.s,
            value: t.value,
            mask: t.mask,
          });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and always ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const tokens = tokenize(s);
        expect(tokens[tokens.length - 1].type).toBe('END');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('expandTemplates', () => {
  it('leaves strings without ^ alone', () => {
    expect(expandTemplates('ip4.dst == 10.0.0.1')).toBe('ip4.dst == 10.0.0.1');
  });
  it('substitutes and re-prints token by token, as lexer_parse_template_string does', () => {
    expect(expandTemplates('ip4.dst == ^VIP && tcp', { VIP: '10.0.0.1' })).toBe('ip4.dst==10.0.0.1&&tcp');
    expect(expandTemplates('ip4.dst == ^VIP')).toBe('ip4.dst==VIP');
  });
});
