import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchPrompt, tokenize, type Word } from './tokenize.ts';

const lit = (w: Word): string =>
  w.parts.map((p) => (p.t === 'lit' ? p.s : p.t === 'var' ? `$${p.name}` : `$(${p.src})`)).join('');

describe('tokenize', () => {
  it('skips heredoc bodies up to their delimiter (<<-, quoted delimiters too)', () => {
    const { statements, errors } = tokenize(
      "cat <<EOF > x\novn-nbctl ls-add no1\nEOF\ncat <<-'END'\n\tovn-nbctl ls-add no2\n\tEND\novn-nbctl ls-add yes\n",
    );
    expect(errors).toEqual([]);
    expect(statements.map((s) => s.words.map(lit).join(' '))).toEqual(['cat', 'cat', 'ovn-nbctl ls-add yes']);
  });

  it('in a session with prompts, reads unprompted lines as output unless they call an OVN/OVS tool', () => {
    const { statements } = tokenize('$ ovn-nbctl ls-add a\nlease_time=3600\nsudo ovn-nbctl ls-add b\n');
    expect(statements.map((s) => (s.unparsed ? `skip:${s.text}` : s.words.map(lit).join(' ')))).toEqual([
      'ovn-nbctl ls-add a',
      'skip:lease_time=3600',
      'sudo ovn-nbctl ls-add b',
    ]);
  });

  it('marks statements whose stderr is redirected away', () => {
    const { statements } = tokenize('a 2>/dev/null\nb >/dev/null 2>&1\nc 2>&1 | d\ne &>/dev/null\n');
    expect(statements.map((s) => s.stderrHidden === true)).toEqual([true, true, false, false, true]);
  });

  it('splits words with quotes, escapes and comments', () => {
    const { statements, errors } = tokenize(
      `ovn-nbctl lsp-set-addresses p "50:54:00:00:00:01 10.0.0.1" 'a b' c\\ d # comment`,
    );
    expect(errors).toEqual([]);
    expect(statements[0].words.map(lit)).toEqual([
      'ovn-nbctl',
      'lsp-set-addresses',
      'p',
      '50:54:00:00:00:01 10.0.0.1',
      'a b',
      'c d',
    ]);
  });

  it('joins backslash continuations and keeps the first line number', () => {
    const { statements } = tokenize('\n\novn-nbctl ls-add a \\\n  -- ls-add b\nip netns add x\n');
    expect(statements.map((s) => s.line)).toEqual([3, 5]);
    expect(statements[0].words.map(lit)).toEqual(['ovn-nbctl', 'ls-add', 'a', '--', 'ls-add', 'b']);
  });

  it('reads $var, ${var}, $(…) and backticks as expansions', () => {
    const { statements } = tokenize('x=$(ovn-nbctl create DHCP_Options cidr=10.0.0.0/24)\necho $x ${x} `echo hi`');
    expect(statements[0].words[0].parts.map((p) => p.t)).toEqual(['lit', 'cmd']);
    expect(statements[1].words.slice(1).map((w) => w.parts[0].t)).toEqual(['var', 'var', 'cmd']);
  });

  it('strips pasted prompts and remembers their host', () => {
    const { statements } = tokenize(
      '[root@node1 ~]# ovn-nbctl ls-add a\nnode2$ ovs-vsctl show\n$ ping x\nuser@hv3:~$ ls',
    );
    expect(statements.map((s) => s.host)).toEqual(['node1', 'node2', undefined, 'hv3']);
    expect(statements.map((s) => lit(s.words[0]))).toEqual(['ovn-nbctl', 'ovs-vsctl', 'ping', 'ls']);
  });

  it('drops redirections and splits on ; && || |', () => {
    const { statements } = tokenize('ovn-nbctl show > /dev/null 2>&1; ovn-nbctl ls-list && echo ok || true | grep x');
    expect(statements.map((s) => s.words.map(lit).join(' '))).toEqual([
      'ovn-nbctl show',
      'ovn-nbctl ls-list',
      'echo ok',
      'true',
      'grep x',
    ]);
    expect(statements.map((s) => s.sep)).toEqual([';', '&&', '||', '|', ';']);
  });

  it('reports an unterminated quote with its position', () => {
    const { errors } = tokenize('ovn-nbctl ls-add a\novn-nbctl lsp-add a "p1');
    expect(errors).toEqual([{ line: 2, column: 21, message: 'unterminated double quote' }]);
  });

  it('skips pasted output it cannot read, but not a broken command line', () => {
    const r = tokenize("$ ovn-nbctl ls-add a\nWarning: can't do that\n$ ovn-nbctl ls-add b\n");
    expect(r.errors).toEqual([]);
    expect(r.statements.map((s) => [s.line, s.unparsed ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(tokenize("ovn-nbctl ls-add 'a\nls-add b\n").errors).toHaveLength(1);
  });

  it('does not take a plain command for a prompt', () => {
    expect(matchPrompt('ovn-nbctl ls-add sw0')).toBeUndefined();
    expect(matchPrompt('# ovn-nbctl ls-add sw0')).toBeUndefined();
  });

  it('never throws, whatever the input', () => {
    const shellish = fc.string({ unit: fc.constantFrom(...'ab $(){}`\'"\\\n#;&|<>=@:[]~-'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), shellish), (s) => {
        const r = tokenize(s);
        for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
