// Pipeline filters: the shell text tools pasted sessions pipe ovn-nbctl output through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runFilter } from './filters.ts';

const lsList = 'aaaa-1 (sw0)\nbbbb-2 (sw1)\ncccc-3 (sw10)\n';

describe('runFilter', () => {
  it('grep selects, inverts, counts, matches words and reports status', () => {
    expect(runFilter('grep', ['sw1'], lsList)?.output).toBe('bbbb-2 (sw1)\ncccc-3 (sw10)\n');
    expect(runFilter('grep', ['-w', 'sw1'], lsList)?.output).toBe('bbbb-2 (sw1)\n');
    expect(runFilter('grep', ['-v', 'sw1'], lsList)?.output).toBe('aaaa-1 (sw0)\n');
    expect(runFilter('grep', ['-c', 'sw'], lsList)?.output).toBe('3\n');
    expect(runFilter('grep', ['-q', 'sw9'], lsList)?.status).toBe(1);
    expect(runFilter('grep', ['sw0\\|sw10'], lsList)?.output).toBe('aaaa-1 (sw0)\ncccc-3 (sw10)\n');
  });
  it('grep prints context groups separated by --', () => {
    expect(runFilter('grep', ['-B1', 'x'], 'a\nx\nb\nc\nx\n')?.output).toBe('a\nx\n--\nc\nx\n');
    expect(runFilter('grep', ['-A', '1', 'a'], 'a\nb\nc\n')?.output).toBe('a\nb\n');
  });
  it('awk prints fields, with a regex or field condition', () => {
    expect(runFilter('awk', ['{print $1}'], lsList)?.output).toBe('aaaa-1\nbbbb-2\ncccc-3\n');
    expect(runFilter('awk', ['/sw1/ {print $2}'], lsList)?.output).toBe('(sw1)\n(sw10)\n');
    expect(runFilter('awk', ['$2 == "(sw0)" {print $1}'], lsList)?.output).toBe('aaaa-1\n');
    expect(runFilter('awk', ['-F:', '{print $2}'], 'name: x\n')?.output).toBe(' x\n');
    expect(runFilter('awk', ['{n++} END {print n}'], lsList)).toBeUndefined();
  });
  it('head, tail, cut, wc', () => {
    expect(runFilter('head', ['-1'], lsList)?.output).toBe('aaaa-1 (sw0)\n');
    expect(runFilter('tail', ['-n', '1'], lsList)?.output).toBe('cccc-3 (sw10)\n');
    expect(runFilter('cut', ['-d', ' ', '-f1'], lsList)?.output).toBe('aaaa-1\nbbbb-2\ncccc-3\n');
    expect(runFilter('wc', ['-l'], lsList)?.output).toBe('3\n');
    expect(runFilter('jq', ['.'], lsList)).toBeUndefined();
  });
  it('grep takes options after the pattern, as GNU grep does', () => {
    expect(runFilter('grep', ['sw10', '-B', '1'], lsList)?.output).toBe('bbbb-2 (sw1)\ncccc-3 (sw10)\n');
    expect(runFilter('grep', ['sw1', '-c'], lsList)?.output).toBe('2\n');
    expect(runFilter('grep', ['sw1', 'file'], lsList)).toBeUndefined();
  });
  it('sed s///, -n …p, addresses, d and q', () => {
    expect(runFilter('sed', ['s/ .*//'], lsList)?.output).toBe('aaaa-1\nbbbb-2\ncccc-3\n');
    expect(runFilter('sed', ['-n', '/sw10/p'], lsList)?.output).toBe('cccc-3 (sw10)\n');
    expect(runFilter('sed', ['-n', 's/.*(\\(sw[0-9]*\\))/\\1/p'], lsList)?.output).toBe('sw0\nsw1\nsw10\n');
    expect(runFilter('sed', ['-e', 's/a/A/g', '-e', '2d'], lsList)?.output).toBe('AAAA-1 (sw0)\ncccc-3 (sw10)\n');
    expect(runFilter('sed', ['-E', 's/(sw)([0-9]+)/\\2\\1/'], lsList)?.output).toBe(
      'aaaa-1 (0sw)\nbbbb-2 (1sw)\ncccc-3 (10sw)\n',
    );
    expect(runFilter('sed', ['1q'], lsList)?.output).toBe('aaaa-1 (sw0)\n');
    expect(runFilter('sed', ['y/a/b/'], lsList)).toBeUndefined();
  });
  it('tr, sort -u, uniq', () => {
    expect(runFilter('tr', ['-d', '()'], 'a (b)\n')?.output).toBe('a b\n');
    expect(runFilter('tr', ['a-c', 'A-C'], 'abcd\n')?.output).toBe('ABCd\n');
    expect(runFilter('sort', ['-u'], 'b\na\nb\n')?.output).toBe('a\nb\n');
    expect(runFilter('uniq', [], 'a\na\nb\n')?.output).toBe('a\nb\n');
  });
  it('does not run a pattern that backtracks exponentially, and a huge context costs nothing', () => {
    const aaa = `${'a'.repeat(40)}!\n`;
    const t = performance.now();
    expect(runFilter('grep', ['-E', '(a+)+$'], aaa)).toBeUndefined();
    expect(runFilter('grep', ['\\(a*\\)*b'], aaa)).toBeUndefined();
    expect(runFilter('egrep', ['(a|aa)*c'], aaa)).toBeUndefined();
    expect(runFilter('grep', ['\\(a\\)\\1'], aaa)).toBeUndefined();
    expect(runFilter('awk', ['/(a+)+$/ {print $1}'], aaa)).toBeUndefined();
    expect(runFilter('grep', ['-E', '(sw0|sw1)-p[0-9]+'], 'sw0-p1\nsw2-p1\n')).toEqual({
      output: 'sw0-p1\n',
      status: 0,
    });
    expect(runFilter('grep', ['-w', '-E', '(ab)+'], 'ab abab\nabc\n')).toEqual({ output: 'ab abab\n', status: 0 });
    const many = Array.from({ length: 20_000 }, (_, i) => `line${i}`).join('\n');
    expect(runFilter('grep', ['-C', '999999999', 'line7$'], many)?.output.split('\n')).toHaveLength(20_001);
    expect(performance.now() - t).toBeLessThan(2000);
  });
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('grep', 'awk', 'head', 'tail', 'cut', 'wc', 'sort', 'cat', 'egrep', 'sed', 'tr', 'uniq'),
        fc.array(fc.string(), { maxLength: 4 }),
        fc.string(),
        (prog, args, input) => {
          runFilter(prog, args, input);
        },
      ),
    );
  });
});
