// Tests for reading a scenario file: unreadable files are reported in strerror's words.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

function nodeIo(): CliIo & { out_: string; err_: string } {
  const o = {
    out_: '',
    err_: '',
    out: (t: string) => (o.out_ += t),
    err: (t: string) => (o.err_ += t),
    readFile: (p: string) => readFileSync(p, 'utf8'),
  };
  return o;
}

describe('scenario file errors', () => {
  it('says "No such file or directory" for a missing file, exit 1', async () => {
    const x = nodeIo();
    expect(await main(['lflows', '/nonexistent/ovnviz-script'], x)).toBe(1);
    expect(x.err_).toBe('/nonexistent/ovnviz-script: No such file or directory\n');
  });

  it('says "Is a directory" for a directory', async () => {
    const x = nodeIo();
    const dir = tmpdir();
    expect(await main(['run', dir], x)).toBe(1);
    expect(x.err_).toBe(`${dir}: Is a directory\n`);
  });

  it('parse-lflows uses the same words', async () => {
    const x = nodeIo();
    expect(await main(['parse-lflows', '/nonexistent/dump'], x)).toBe(2);
    expect(x.err_).toBe('ovnviz parse-lflows: /nonexistent/dump: No such file or directory\n');
  });
});
