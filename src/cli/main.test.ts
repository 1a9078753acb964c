// Tests for the ovnviz dispatcher: usage, unknown commands and per-subcommand --help.
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.ts';

function io(): CliIo & { out_: string; err_: string } {
  const o = {
    out_: '',
    err_: '',
    out: (t: string) => (o.out_ += t),
    err: (t: string) => (o.err_ += t),
    readFile: (p: string): string => {
      throw new Error(`ENOENT: no such file or directory, open '${p}'`);
    },
  };
  return o;
}

describe('ovnviz main', () => {
  it('prints the usage of one subcommand for CMD --help and exits 0, without reading a file', async () => {
    for (const cmd of ['lflows', 'trace', 'run', 'parse-lflows']) {
      for (const flag of ['--help', '-h']) {
        const x = io();
        expect(await main([cmd, flag], x)).toBe(0);
        expect(x.err_).toBe('');
        const lines = x.out_.trimEnd().split('\n');
        expect(lines[0]).toBe('usage: ovnviz COMMAND ...');
        expect(lines.length).toBeGreaterThan(1);
        for (const l of lines.slice(1)) expect(l.startsWith(`  ${cmd} `)).toBe(true);
      }
    }
  });

  it('rejects an unknown subcommand on stderr with status 2', async () => {
    const x = io();
    expect(await main(['frobnicate'], x)).toBe(2);
    expect(x.err_.split('\n')[0]).toBe("ovnviz: unknown command 'frobnicate'");
    expect(x.out_).toBe('');
  });

  it('prints the usage on stderr with status 2 when no command is given, on stdout with 0 for --help', async () => {
    const x = io();
    expect(await main([], x)).toBe(2);
    expect(x.out_).toBe('');
    expect(x.err_.split('\n')[0]).toBe('usage: ovnviz COMMAND ...');
    const y = io();
    expect(await main(['--help'], y)).toBe(0);
    expect(y.out_).toBe(x.err_);
  });
});
