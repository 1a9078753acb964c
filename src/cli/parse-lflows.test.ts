// `ovnviz parse-lflows` driven as a user would: a real dump parses whole; a broken one reports each
// failure as FILE:LINE:COL and exits non-zero.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

function run(files: Record<string, string>, args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => {
      if (p in files) return files[p];
      return readFileSync(p, 'utf8');
    },
  };
  return main(['parse-lflows', ...args], io).then((code) => ({ code, out, err }));
}

describe('ovnviz parse-lflows', () => {
  it('parses every match and action of a real router dump', async () => {
    const r = await run({}, ['test/golden-actions/router-nat/lflows.txt']);
    expect(r.out).toBe('453 flows, 453/453 matches parsed, 453/453 actions parsed\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('reports the flow real ovn-trace also rejects, at its line and column', async () => {
    const file = 'test/golden-actions/gateway-router/lflows.txt';
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('action=(flags.force_snat_for_lb = 1; drop;)'));
    const column = lines[line].indexOf('drop;)') + 1;
    const r = await run({}, [file]);
    expect(r.err).toBe(`${file}:${line + 1}:${column}: Syntax error at \`drop' expecting action.\n`);
    expect(r.code).toBe(1);
  });

  it('reports bad matches, bad actions and lines that are not lflow-list output', async () => {
    const dump = [
      'Datapath: "sw0" (4f1c2a)  Pipeline: ingress',
      '  table=5 (ls_in_pre_lb       ), priority=100  , match=(ip4 &&), action=(reg0 = "x"; next;)',
      'hello',
    ].join('\n');
    const r = await run({ 'd.txt': dump }, ['d.txt']);
    expect(r.out).toBe('1 flows, 0/1 matches parsed, 0/1 actions parsed\n');
    expect(r.err.split('\n')).toEqual([
      'd.txt:2:63: Syntax error at end of input expecting constant.',
      'd.txt:2:84: Integer field reg0 is not compatible with string constant.',
      'd.txt:3:1: not a line of ovn-sbctl lflow-list output',
      '',
    ]);
    expect(r.code).toBe(1);
  });

  it('needs exactly one file', async () => {
    expect((await run({}, [])).code).toBe(2);
  });
});
